"""The statement, SpaceKG's central idea, written down once.

A :class:`Statement` is one fact of one source: ``subject predicate object``, where it comes
from, how sure the source is (:class:`Certainty`), the evidence sentence and where it sits in the
text, its times (:class:`TimeValue`), its CAMEO event type and a comment. Every part of SpaceKG
that writes or reads a statement goes through this module:

- curated Turtle in and out (:mod:`graph.statements`) and extraction output
  (:meth:`graph.extraction.Extracted.statement`);
- RDF: :meth:`Statement.triples` is the one place that spells out a statement node; rdflib
  (:func:`add_to_graph`) and N-Quads (:func:`graph.terms.ntriples_term`, the benchmark's
  generator) take their triples from it;
- the networkx mirror: :meth:`Statement.attributes` gives an edge's attributes and
  :meth:`Statement.from_attributes` reads them back;
- the analysis' explanations (:class:`graph.analysis.Step`, :class:`graph.analysis.Event`).

IRIs are plain strings and literals :class:`graph.terms.Lit`, so that importing this module
imports no RDF library. The qualifiers, :class:`Certainty` (levels and ranks read from the
ontology) and :class:`TimeValue` (the one parser of times), live in :mod:`graph.qualifiers`.

Examples
--------
>>> st = Statement(KG + "cnsa", SPACE + "partnerOf", KG + "roscosmos",
...                certainty=Certainty.named("stated"), evidence=Evidence("Russia and China", 10),
...                point_in_time=TimeValue.parse("2021-03"), iri=STMT + "demo.x",
...                source="https://w3id.org/spacekg/source/demo")
>>> st.certainty.rank, st.precision, st.evidence.end
(4, 'month', 26)
>>> len(st.triples())
12
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from hashlib import sha1
from typing import TYPE_CHECKING, Any

from graph.errors import SpaceKGError, UsageError
from graph.namespaces import CAMEO, KG, PREFIXES, SPACE, STMT
from graph.qualifiers import PRECISIONS, Certainty, TimeValue, certainty_rank, first_day
from graph.terms import Lit, Term, local_name, to_rdflib

if TYPE_CHECKING:
    import rdflib

RDF = PREFIXES["rdf"]
RDFS = PREFIXES["rdfs"]
XSD = PREFIXES["xsd"]
PROV = PREFIXES["prov"]
RDF_TYPE = RDF + "type"

# ---------------------------------------------------------------------------------------- the statement


@dataclass(frozen=True)
class Evidence:
    """The sentence a statement rests on, verbatim, and where it starts in the source text."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


TIME_FIELDS = (("point_in_time", "pointInTime"), ("start_time", "startTime"), ("end_time", "endTime"))

EDGE_ATTRIBUTES = (
    "predicate",  # full IRI of the relation
    "relation",  # its local name, e.g. "partnerOf"
    "certainty",  # a certainty level's name: "stated", "planned"... (see Certainty.names())
    "rank",  # its space:certaintyRank
    "point_in_time",  # lexical value as stored ("2021-03"), or None
    "start_time",
    "end_time",
    "precision",  # "day" | "month" | "year" | None
    "time_expression",  # the source's words for the time, or None
    "source",  # IRI of the source article
    "source_date",  # its dcterms:issued, lexical ("2021-03"), or None (added by the mirror)
    "evidence",  # the verbatim sentence
    "evidence_start",  # int
    "evidence_end",  # int
    "event_type",  # CAMEO code ("060"), or None
    "goldstein",  # float, or None (added by the mirror)
    "comment",  # rdfs:comment text, or None
    "comment_lang",  # its language tag, or None
)


@dataclass(frozen=True)
class Statement:
    """One fact of one source with everything SpaceKG keeps about it.

    ``iri`` is the statement node's IRI (``None`` until :func:`statement_iris` names it) and
    ``source`` the source article's IRI (``None`` in a curated file, where the file is the source).
    """

    subject: str
    predicate: str
    object: Term
    certainty: Certainty | None = None
    evidence: Evidence | None = None
    point_in_time: TimeValue | None = None
    start_time: TimeValue | None = None
    end_time: TimeValue | None = None
    time_expression: str | None = None
    event_type: str | None = None  # the event type's IRI
    comment: Lit | None = None
    source: str | None = None
    iri: str | None = None

    @property
    def relation(self) -> str:
        return local_name(self.predicate)

    @property
    def times(self) -> dict[str, TimeValue]:
        """``{space property IRI: time}`` for the times the statement has, point in time first."""
        return {SPACE + prop: t for name, prop in TIME_FIELDS if (t := getattr(self, name)) is not None}

    @property
    def time(self) -> TimeValue | None:
        """When it began: the start time, else the point in time."""
        return self.start_time or self.point_in_time

    @property
    def precision(self) -> str | None:
        """The precision of its first time (point in time, start, end), or ``None``."""
        for value in self.times.values():
            return value.precision
        return None

    @property
    def event_code(self) -> str | None:
        """The CAMEO code of the event type (``"060"``), or its IRI when it is not a CAMEO type."""
        if self.event_type is None:
            return None
        return self.event_type[len(CAMEO) :] if self.event_type.startswith(CAMEO) else self.event_type

    def named(self, iri: str, source: str | None = None) -> Statement:
        """The same statement with its node's IRI (and source)."""
        return replace(self, iri=iri, source=source if source is not None else self.source)

    def triples(self) -> list[tuple[str, str, Term]]:
        """The plain triple, then the statement node: the one place that spells a statement in RDF."""
        st, s = self.iri, SPACE
        if st is None:
            raise SpaceKGError("a statement needs its IRI before it becomes RDF")  # a bug: exit code 1
        out: list[tuple[str, str, Term]] = [
            (self.subject, self.predicate, self.object),
            (st, RDF_TYPE, s + "Statement"),
            (st, RDF + "subject", self.subject),
            (st, RDF + "predicate", self.predicate),
            (st, RDF + "object", self.object),
        ]
        if self.source is not None:
            out.append((st, PROV + "wasDerivedFrom", self.source))
        if self.certainty is not None:
            out.append((st, s + "certainty", self.certainty.iri))
        if self.evidence is not None:
            out.append((st, s + "evidence", Lit(self.evidence.text)))
            out.append((st, s + "evidenceStart", Lit(str(self.evidence.start), XSD + "integer")))
            out.append((st, s + "evidenceEnd", Lit(str(self.evidence.end), XSD + "integer")))
        out += [(st, prop, value.literal()) for prop, value in self.times.items()]
        if self.precision is not None:
            out.append((st, s + "timePrecision", PRECISIONS[self.precision][1]))
        if self.time_expression:
            out.append((st, s + "timeExpression", Lit(self.time_expression)))
        if self.event_type is not None:
            out.append((st, s + "eventType", self.event_type))
        if self.comment is not None:
            out.append((st, RDFS + "comment", self.comment))
        return out

    def attributes(self) -> dict[str, Any]:
        """The statement as the mirror's edge attributes (:data:`EDGE_ATTRIBUTES` but the looked-up ones)."""
        certainty, evidence = self.certainty, self.evidence
        return {
            "predicate": self.predicate,
            "relation": self.relation,
            "certainty": certainty.name if certainty is not None else None,
            "rank": certainty.rank if certainty is not None else 0,
            **{name: getattr(t, "lexical", None) for name, t in
               ((n, getattr(self, n)) for n, _ in TIME_FIELDS)},
            "precision": self.precision,
            "time_expression": self.time_expression,
            "source": self.source,
            "evidence": evidence.text if evidence is not None else None,
            "evidence_start": evidence.start if evidence is not None else None,
            "evidence_end": evidence.end if evidence is not None else None,
            "event_type": self.event_code,
            "comment": self.comment.value if self.comment is not None else None,
            "comment_lang": self.comment.language if self.comment is not None else None,
        }

    @classmethod
    def from_attributes(cls, subject: str, obj: Term, key: str, attrs: dict[str, Any]) -> Statement:
        """The statement behind a mirror edge (or attribute record): the inverse of :meth:`attributes`."""
        code, level = attrs.get("event_type"), attrs.get("certainty")
        text, start = attrs.get("evidence"), attrs.get("evidence_start")
        comment = attrs.get("comment")
        times = {name: TimeValue.parse(attrs[name]) if attrs.get(name) is not None else None
                 for name, _ in TIME_FIELDS}
        return cls(
            subject, attrs.get("predicate") or SPACE + attrs["relation"], obj,
            certainty=_certainty_named(level) if level else None,
            evidence=Evidence(text, start) if text is not None and start is not None else None,
            **times,
            time_expression=attrs.get("time_expression"),
            event_type=(code if "://" in code else CAMEO + code) if code is not None else None,
            comment=Lit(comment, language=attrs.get("comment_lang")) if comment is not None else None,
            source=attrs.get("source"),
            iri=key,
        )


def _certainty_named(name: str) -> Certainty:
    try:
        return Certainty.named(name)
    except UsageError:
        return Certainty(SPACE + name.capitalize())  # a level the ontology lacks reads back as it was


# ---------------------------------------------------------------------------------------- statement IRIs


def term_slug(term: Term) -> str:
    """A readable, IRI-safe slug for a term in a statement IRI."""
    if isinstance(term, Lit):
        return "v" + sha1(f"{term.value}|{term.datatype}|{term.language}".encode()).hexdigest()[:8]
    tail = term[len(KG) :] if term.startswith(KG) else local_name(term)
    return re.sub(r"[^A-Za-z0-9_.-]", "_", tail)


def statement_iris(source_id: str, statements: list[Statement]) -> list[str]:
    """Stable, readable IRIs: ``stmt:<source>.<subject>-<predicate>-<object>`` (+ ``-2``... for repeats).

    The IRI depends on the fact, not on its position in the file, so reordering or adding
    statements leaves the other IRIs alone.

    >>> st = Statement(KG + "cnsa", SPACE + "partnerOf", KG + "roscosmos")
    >>> [i.rsplit("/", 1)[1] for i in statement_iris("demo", [st, st])]
    ['demo.cnsa-partnerOf-roscosmos', 'demo.cnsa-partnerOf-roscosmos-2']
    """
    seen: dict[str, int] = {}
    iris = []
    for st in statements:
        base = f"{source_id}.{term_slug(st.subject)}-{term_slug(st.predicate)}-{term_slug(st.object)}"
        seen[base] = seen.get(base, 0) + 1
        iris.append(STMT + base + (f"-{seen[base]}" if seen[base] > 1 else ""))
    return iris


def add_to_graph(g: rdflib.Graph, statement: Statement) -> None:
    """Add the plain triple and the statement node of ``statement`` to an rdflib graph."""
    for s, p, o in statement.triples():
        g.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))


__all__ = [
    "EDGE_ATTRIBUTES",
    "Certainty",
    "Evidence",
    "Statement",
    "TimeValue",
    "add_to_graph",
    "certainty_rank",
    "first_day",
    "statement_iris",
]
