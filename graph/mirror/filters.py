"""Whether a statement holds as of a date and is sure enough: the filters every analysis takes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph.qualifiers import certainty_rank, first_day

# Statements whose time is a target date: they hold from their source's publication date.
TARGET_DATED = frozenset({"planned", "speculative"})


def normalize_date(text: str) -> str:
    """The first day of an ISO date at any precision: ``"2019"`` -> ``"2019-01-01"``.

    Raises
    ------
    UsageError
        If ``text`` is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a time zone suffix is ignored).

    >>> normalize_date("2021-03"), normalize_date("2019"), normalize_date("2021-03-05Z")
    ('2021-03-01', '2019-01-01', '2021-03-05')
    """
    return first_day(str(text))


def holds(edge_attrs: Mapping[str, Any], as_of: str | None = None, min_certainty: str | None = None) -> bool:
    """Whether a statement holds as of a date and is at least as sure as a level.

    A statement holds at D when it has started by D and not ended by D. It has started when its
    ``start_time`` (else ``point_in_time``) is on or before D, dates being compared by their first
    day; a planned or speculative statement's time is a target, so it starts instead at its
    source's publication date (``source_date``); a statement without a time has always held. It
    has ended when it has an ``end_time`` whose first day is on or before D. ``min_certainty``
    keeps statements whose rank is at least the level's.

    >>> st = {"certainty": "stated", "rank": 4, "start_time": "2019", "end_time": "2021-03"}
    >>> holds(st, "2018-12-31"), holds(st, "2019-01-01"), holds(st, "2021-02-28"), holds(st, "2021-03")
    (False, True, True, False)
    >>> plan = {"certainty": "planned", "rank": 3, "point_in_time": "2024", "source_date": "2021-03"}
    >>> holds(plan, "2021-03-01"), holds(plan, "2021-02"), holds(plan, None, "stated")
    (True, False, False)
    """
    if min_certainty is not None and edge_attrs.get("rank", 0) < certainty_rank(min_certainty):
        return False
    if as_of is None:
        return True
    day = first_day(as_of)
    if edge_attrs.get("certainty") in TARGET_DATED:
        began = edge_attrs.get("source_date")
    else:
        began = edge_attrs.get("start_time") or edge_attrs.get("point_in_time")
    if began is not None and first_day(began) > day:
        return False
    ended = edge_attrs.get("end_time")
    return not (ended is not None and first_day(ended) <= day)


def check_filters(as_of: str | None, min_certainty: str | None) -> None:
    """Raise :class:`~graph.errors.UsageError` for a malformed date or an unknown certainty level."""
    if as_of is not None:
        normalize_date(as_of)
    certainty_rank(min_certainty)


def today() -> str:
    """Today's date, ISO (``YYYY-MM-DD``): the date every analysis answers as of by default."""
    import datetime

    return datetime.date.today().isoformat()


def as_of_date(as_of: str | None = None, all_dates: bool = False) -> str | None:
    """The date to answer as of: ``as_of`` if given, ``None`` (every date) with ``all_dates``, else today.

    Raises
    ------
    UsageError
        If both are given, or ``as_of`` is not a date.
    """
    from graph.errors import UsageError

    if as_of is not None and all_dates:
        raise UsageError("give --as-of DATE or --all-dates, not both")
    if all_dates:
        return None
    if as_of is None:
        return today()
    normalize_date(as_of)
    return as_of


def describe_dates(as_of: str | None) -> str:
    """What an answer covers in words: ``as of 2022-07-12`` or ``all dates``."""
    return "all dates" if as_of is None else f"as of {as_of}"
