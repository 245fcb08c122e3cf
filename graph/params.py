"""Typed parameters of the named queries: declared in each query's header, resolved like ``analyze`` names.

A named query declares each parameter on a header line::

    # param: agency (entity) - the actor, e.g. cnsa
    # param: as-of (date, default today) - only what held on this date; `all` for every date

The kind says how a value given as text becomes an RDF term (:func:`resolve_value`):

=========  =======================================================================================
kind       a value is
=========  =======================================================================================
entity     an entity of the graph by label, alias, acronym or ID, any case (as ``analyze``); a full IRI as is
class      an ontology class by label or local name, any case (``SpaceAgency``, "space agency")
certainty  a certainty level by name, any case (``planned``, ``:Planned``)
date       ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (its first day, an ``xsd:date``); ``today``; for an
           optional date (one with a default), ``all`` (unbound: every date)
iri        an IRI (``<https://...>``, ``https://...``) or a prefixed name (``:partnerOf``)
=========  =======================================================================================

An unknown entity, class or certainty raises :class:`~graph.errors.UnknownEntityError` (exit 4)
naming the closest names; a malformed date or IRI :class:`~graph.errors.UsageError` (exit 2). A
parameter named ``as-of`` is the SPARQL variable ``?as_of`` (hyphens become underscores).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.errors import QueryError, UnknownEntityError, UsageError
from graph.namespaces import PREFIXES, shorten

if TYPE_CHECKING:
    import pyoxigraph

KINDS = ("entity", "class", "certainty", "date", "iri")
ALL_DATES = "all"
TODAY = "today"
_PARAM = re.compile(
    r"^#\s*param:\s*(?P<name>[A-Za-z_][\w-]*)\s*"
    r"(?:\((?P<kind>\w+)(?:\s*,\s*default\s+(?P<default>[^)\s]+))?\))?\s*(?:-|:)?\s*(?P<text>.*)$"
)
KIND_HELP = {
    "entity": "an entity: label, alias, acronym or ID, any case",
    "class": "an ontology class: label or local name, any case",
    "certainty": "a certainty level: {levels}",
    "date": "YYYY, YYYY-MM, YYYY-MM-DD or today",
    "iri": "an IRI or a prefixed name such as :partnerOf",
}


@dataclass(frozen=True)
class Param:
    """One parameter of a named query: its name, kind, default (``None``: required) and description."""

    name: str
    kind: str
    description: str
    default: str | None = None

    @property
    def variable(self) -> str:
        """The SPARQL variable it binds, without ``?`` (``as-of`` binds ``?as_of``)."""
        return self.name.replace("-", "_")

    @property
    def required(self) -> bool:
        return self.default is None

    def allowed(self) -> str:
        """What values it takes, in words (the levels of a certainty are listed)."""
        from graph.qualifiers import Certainty

        text = KIND_HELP[self.kind].format(levels=", ".join(Certainty.names()))
        if self.kind == "date" and not self.required:
            text += ", or all (every date)"
        return text + (f"; default {self.default}" if self.default else "")


def parse_header_line(line: str, *, where: str = "") -> Param | None:
    """The parameter a ``# param:`` header line declares, or ``None`` for any other line.

    >>> parse_header_line("# param: as-of (date, default today) - the day")
    Param(name='as-of', kind='date', description='the day', default='today')

    Raises
    ------
    QueryError
        If the line names a kind that is not one of :data:`KINDS`.
    """
    match = _PARAM.match(line)
    if not match:
        return None
    kind = (match.group("kind") or "iri").lower()
    if kind not in KINDS:
        raise QueryError(f"{where}parameter {match.group('name')!r} has kind {kind!r}; kinds: {', '.join(KINDS)}")
    return Param(match.group("name"), kind, match.group("text").strip(), match.group("default"))


def declared(text: str) -> dict[str, Param]:
    """The parameters a query text declares in its leading comment lines, by name."""
    found = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        param = parse_header_line(line)
        if param is not None:
            found[param.name] = param
    return found


def resolve_value(store, param: Param, value: str) -> pyoxigraph.NamedNode | pyoxigraph.Literal | None:
    """The RDF term ``value`` names as a ``param`` of its kind; ``None`` for a date of ``all`` (unbound).

    Raises
    ------
    UnknownEntityError
        An entity, class or certainty level that does not exist (with the closest names).
    UsageError
        A date or IRI that is malformed.
    """
    import pyoxigraph as ox

    if param.kind == "entity":
        if re.fullmatch(r"<[^<>\s]+>|https?://\S+", value.strip()):  # a full IRI is taken as given
            return _iri(value)
        from graph.analysis.names import resolve

        return ox.NamedNode(resolve(store, value))
    if param.kind == "certainty":
        return ox.NamedNode(_certainty(value))
    if param.kind == "class":
        return ox.NamedNode(_named_among(value, _classes(store), "class"))
    if param.kind == "date":
        return _date(value, param)
    return _iri(value)


def _date(value: str, param: Param) -> pyoxigraph.Literal | None:
    import pyoxigraph as ox

    from graph.mirror.filters import today
    from graph.qualifiers import first_day

    text = value.strip().lower()
    if text == ALL_DATES:
        if param.required:
            raise UsageError(f"parameter {param.name!r} needs a date; `all` is for the optional dates such as as-of")
        return None
    day = today() if text == TODAY else first_day(value.strip())
    return ox.Literal(day, datatype=ox.NamedNode(PREFIXES["xsd"] + "date"))


def _iri(value: str) -> pyoxigraph.NamedNode:
    from graph.query import parse_term

    text = value.strip()
    prefix, sep, _ = text.partition(":")
    if (text.startswith("<") and text.endswith(">")) or "://" in text or (sep and prefix in PREFIXES):
        try:
            term = parse_term(text)
        except ValueError as exc:  # pyoxigraph refuses a malformed IRI
            raise UsageError(f"{value!r} is not a valid IRI: {exc}") from exc
        if term.__class__.__name__ == "NamedNode":
            return term
    raise UsageError(f"{value!r} is not an IRI: give <https://...>, https://... or a prefixed name such as "
                     f":partnerOf (prefixes: {', '.join(sorted(p or ':' for p in PREFIXES))})")


def _certainty(value: str) -> str:
    from graph.qualifiers import Certainty

    name = value.strip().removeprefix(":").removeprefix("space:")
    levels = {level.name: level.iri for level in Certainty.levels()}
    levels.update({shorten(iri).casefold(): iri for iri in levels.values()})
    named = {iri: level for level, iri in levels.items() if ":" not in level}
    return _named_among(name, {k: {v} for k, v in levels.items()}, "certainty level", show=named.get)


_CLASSES = """SELECT DISTINCT ?c ?label WHERE { ?c a owl:Class FILTER (isIRI(?c) && STRSTARTS(STR(?c), STR(:)))
  OPTIONAL { ?c rdfs:label ?label } }"""


def _classes(store) -> dict[str, set[str]]:
    from graph.query import run

    index: dict[str, set[str]] = {}
    for row in run(store, _CLASSES, source="class names"):
        iri = row[0].value
        for key in (iri.rsplit("#", 1)[-1], shorten(iri), row[1].value if row[1] is not None else None):
            if key:
                index.setdefault(key.casefold(), set()).add(iri)
    return index


def _named_among(value: str, index: dict[str, set[str]], what: str, show=shorten) -> str:
    """The one IRI ``index`` files under ``value`` (any case), else an error naming the closest (by ``show``)."""
    from graph.analysis.names import closest

    found = index.get(value.strip().casefold(), set())
    if len(found) == 1:
        return next(iter(found))
    if found:
        raise UnknownEntityError(f"{value!r} names several: {', '.join(sorted(shorten(f) for f in found))}")
    close: list[str] = []
    for key in closest(value, index, cutoff=0.5):
        close += [show(iri) for iri in sorted(index[key]) if show(iri) not in close]
    known = sorted({show(iri) for iris in index.values() for iri in iris})
    hint = f" (closest: {', '.join(close[:5])})" if close else f" (known: {', '.join(known[:12])})"
    raise UnknownEntityError(f"unknown {what} {value!r}{hint}")
