"""The qualifiers of a statement, as Wikidata calls them: how sure it is, and when.

- :class:`Certainty` - a level of the ontology (``space:Stated``...), ranked by its
  ``space:certaintyRank``: the levels and their order are read from ``ontology/space.ttl``, never
  listed in code;
- :class:`TimeValue` - a time at the precision its source gives (day, month, year), with the one
  parser of times in SpaceKG (:meth:`TimeValue.parse`: ``2021-02-31`` is no date, anywhere).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from graph.errors import UsageError
from graph.namespaces import PREFIXES, SPACE
from graph.terms import Lit

XSD = PREFIXES["xsd"]
TIME = PREFIXES["time"]


# ---------------------------------------------------------------------------------------- certainty


@functools.cache
def _ranks() -> dict[str, int]:
    """``{certainty IRI: space:certaintyRank}``, read from the ontology once."""
    import pyoxigraph as ox

    from graph import paths

    rank = SPACE + "certaintyRank"
    with paths.ontology_file().open("rb") as handle:
        return {
            q.subject.value: int(q.object.value)
            for q in ox.parse(handle, format=ox.RdfFormat.TURTLE)
            if q.predicate.value == rank
        }


@dataclass(frozen=True)
class Certainty:
    """A certainty level (``space:Stated``...), ranked by the ontology's ``space:certaintyRank``."""

    iri: str

    def __str__(self) -> str:
        return self.iri

    @property
    def name(self) -> str:
        """The level's name: the local name in lower case (``"stated"``)."""
        return self.iri.rsplit("#", 1)[-1].lower()

    @property
    def rank(self) -> int:
        """Its rank, higher is surer; 0 for a level the ontology does not know."""
        return _ranks().get(self.iri, 0)

    @classmethod
    def levels(cls) -> list[Certainty]:
        """Every level of the ontology, surest first.

        >>> [c.name for c in Certainty.levels()]
        ['stated', 'planned', 'speculative', 'inferred']
        """
        return [cls(iri) for iri, _ in sorted(_ranks().items(), key=lambda kv: (-kv[1], kv[0]))]

    @classmethod
    def names(cls) -> list[str]:
        """The names of the levels, surest first."""
        return [c.name for c in cls.levels()]

    @classmethod
    def named(cls, name: str) -> Certainty:
        """The level called ``name`` (any case).

        Raises
        ------
        UsageError
            If the ontology has no such level.
        """
        for level in cls.levels():
            if level.name == name.strip().lower():
                return level
        raise UsageError(f"unknown certainty level {name!r} (use one of {', '.join(cls.names())})")


def certainty_rank(name: str | None) -> int:
    """The rank of a level name; ``None`` means no threshold (0).

    >>> certainty_rank("Planned"), certainty_rank(None)
    (3, 0)
    """
    return 0 if name is None else Certainty.named(name).rank


# ---------------------------------------------------------------------------------------- time

_TIME = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(Z|[+-]\d{2}:\d{2})?")
PRECISIONS = {  # precision: (XSD datatype, OWL-Time unit)
    "day": (XSD + "date", TIME + "unitDay"),
    "month": (XSD + "gYearMonth", TIME + "unitMonth"),
    "year": (XSD + "gYear", TIME + "unitYear"),
}


@dataclass(frozen=True)
class TimeValue:
    """A time at the precision the source gives: ``2021``, ``2021-03`` or ``2021-03-05``.

    >>> t = TimeValue.parse("2021-03")
    >>> t.precision, t.first_day, t.datatype.rsplit("#")[-1]
    ('month', '2021-03-01', 'gYearMonth')
    >>> TimeValue.parse("2021-02-31")
    Traceback (most recent call last):
    graph.errors.UsageError: '2021-02-31' is not a date: day is out of range for month
    """

    lexical: str
    precision: str

    def __str__(self) -> str:
        return self.lexical

    @classmethod
    def parse(cls, text: str) -> TimeValue:
        """The one parser of times: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, an optional time zone.

        Raises
        ------
        UsageError
            If ``text`` is none of these, or not a day of the calendar.
        """
        return _parse_time(str(text).strip())

    @property
    def parts(self) -> tuple[int, int | None, int | None]:
        """``(year, month, day)``, ``None`` for what the precision leaves out."""
        year, month, day, _ = _TIME.fullmatch(self.lexical).groups()  # type: ignore[union-attr]
        return int(year), int(month) if month else None, int(day) if day else None

    @property
    def first_day(self) -> str:
        """The first day the time covers, ISO: ``2019`` -> ``2019-01-01``."""
        year, month, day = self.parts
        return f"{year:04d}-{month or 1:02d}-{day or 1:02d}"

    @property
    def day(self) -> date:
        return date.fromisoformat(self.first_day)

    @property
    def datatype(self) -> str:
        return PRECISIONS[self.precision][0]

    @property
    def unit(self) -> str:
        """The OWL-Time unit of the precision (``time:unitMonth``)."""
        return PRECISIONS[self.precision][1]

    def literal(self) -> Lit:
        return Lit(self.lexical, self.datatype)


@functools.lru_cache(maxsize=8192)
def _parse_time(text: str) -> TimeValue:
    match = _TIME.fullmatch(text)
    if not match:
        raise UsageError(f"{text!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day, _ = match.groups()
    if month is not None and not 1 <= int(month) <= 12:
        raise UsageError(f"{text!r} is not a date: month {int(month)}")
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise UsageError(f"{text!r} is not a date: {exc}") from None
    return TimeValue(text, "day" if day else "month" if month else "year")


def first_day(text: str) -> str:
    """The first day of a time at any precision: ``"2019"`` -> ``"2019-01-01"``.

    >>> first_day("2021-03"), first_day("2021-03-05Z")
    ('2021-03-01', '2021-03-05')
    """
    return TimeValue.parse(text).first_day
