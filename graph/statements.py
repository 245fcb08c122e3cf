"""Curated statements and how they compile into RDF, like Wikidata's but finer.

A curated source file lists each fact as a blank node, a few lines a fact::

    [] rdf:subject kg:cnsa ; rdf:predicate :partnerOf ; rdf:object kg:roscosmos ;
        :certainty :Stated ; :pointInTime "2021-03"^^xsd:gYearMonth ; :eventType cameo:060 ;
        :evidence "Russia and China are partnering on a project ..." ;
        :evidenceStart 519 .

:func:`compile_claims` turns each into

- the plain triple ``kg:cnsa :partnerOf kg:roscosmos``, so simple queries stay simple, and
- a statement node ``stmt:<source>.<s>-<p>-<o>`` typed ``:Statement`` that keeps the triple
  (``rdf:subject/predicate/object``), the source (``prov:wasDerivedFrom``), the evidence with both
  offsets, the time with its precision (``time:unitDay|unitMonth|unitYear``), the certainty and,
  for partnership and rivalry, the CAMEO event type.

Everything lands in the source's named graph, whose name is the source's IRI.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from hashlib import sha1

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, XSD

from graph.errors import InputSyntaxError
from graph.namespaces import KG, SPACE, STMT

S = Namespace(SPACE)
TIME = Namespace("http://www.w3.org/2006/time#")

TIME_PROPERTIES = (S.pointInTime, S.startTime, S.endTime)
PRECISION = {XSD.date: TIME.unitDay, XSD.gYearMonth: TIME.unitMonth, XSD.gYear: TIME.unitYear}
_LEXICAL = {
    XSD.date: re.compile(r"-?\d{4}-\d{2}-\d{2}"),
    XSD.gYearMonth: re.compile(r"-?\d{4}-\d{2}"),
    XSD.gYear: re.compile(r"-?\d{4}"),
}
# The curated properties of a claim; anything else on a claim node is a mistake worth reporting.
CLAIM_PROPERTIES = frozenset(
    {
        RDF.subject,
        RDF.predicate,
        RDF.object,
        S.certainty,
        S.evidence,
        S.evidenceStart,
        S.eventType,
        S.timeExpression,
        RDFS.comment,
        *TIME_PROPERTIES,
    }
)


@dataclass
class Claim:
    """One curated fact of one source, before it becomes a statement node."""

    subject: URIRef
    predicate: URIRef
    object: URIRef | Literal
    certainty: URIRef
    evidence: str
    start: int
    times: dict[URIRef, Literal] = field(default_factory=dict)
    time_expression: str | None = None
    event_type: URIRef | None = None
    comment: Literal | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.evidence)

    @property
    def precision(self) -> URIRef | None:
        """The OWL-Time unit of the claim's time, from the datatype of its first time value."""
        for prop in TIME_PROPERTIES:
            if prop in self.times:
                return PRECISION[self.times[prop].datatype]
        return None


def _local(term: URIRef | Literal) -> str:
    """A readable, IRI-safe slug for a term in a statement IRI."""
    if isinstance(term, Literal):
        return "v" + sha1(f"{term}|{term.datatype}|{term.language}".encode()).hexdigest()[:8]
    text = str(term)
    tail = text[len(KG) :] if text.startswith(KG) else re.split(r"[#/]", text)[-1]
    return re.sub(r"[^A-Za-z0-9_.-]", "_", tail)


def statement_iris(source_id: str, claims: list[Claim]) -> list[URIRef]:
    """Stable, readable IRIs: ``stmt:<source>.<subject>-<predicate>-<object>`` (+ ``-2``... for repeats).

    The IRI depends on the fact, not on the claim's position in the file, so reordering or
    adding claims leaves the other IRIs alone.
    """
    seen: Counter[str] = Counter()
    iris = []
    for claim in claims:
        base = f"{source_id}.{_local(claim.subject)}-{_local(claim.predicate)}-{_local(claim.object)}"
        seen[base] += 1
        suffix = f"-{seen[base]}" if seen[base] > 1 else ""
        iris.append(URIRef(STMT + base + suffix))
    return iris


def read_claims(g: Graph, *, path: str | None = None, text: str | None = None) -> list[Claim]:
    """The claims of a parsed curated file: every node with an ``rdf:subject``.

    Given the file's ``text``, an error names the line where the claim's paragraph starts.

    Raises
    ------
    InputSyntaxError
        If a claim lacks a required property, has one twice, or has a malformed time.
    """
    claims = []
    for node in sorted(set(g.subjects(RDF.subject, None)), key=lambda n: _sort_key(g, n)):
        props: dict[URIRef, list] = {}
        for p, o in g.predicate_objects(node):
            props.setdefault(p, []).append(o)
        where = _describe(g, node)
        line = node_line(g, node, text) if text else None
        unknown = set(props) - CLAIM_PROPERTIES
        if unknown:
            names = ", ".join(sorted(str(u) for u in unknown))
            raise InputSyntaxError(f"statement {where} has properties a claim cannot have: {names}",
                                   path=path, line=line)

        def one(prop: URIRef, *, required: bool = True, _props=props, _where=where, _line=line):
            values = _props.get(prop, [])
            if len(values) > 1:
                raise InputSyntaxError(f"statement {_where} has {len(values)} values for {turtle_term(prop)}: "
                                       "a claim has one", path=path, line=_line)
            if not values and required:
                raise InputSyntaxError(f"statement {_where} lacks {turtle_term(prop)}", path=path, line=_line)
            return values[0] if values else None

        start = one(S.evidenceStart)
        if not (isinstance(start, Literal) and isinstance(start.toPython(), int)) or start.toPython() < 0:
            raise InputSyntaxError(f"statement {where}: evidenceStart must be an integer >= 0, not {start}",
                                   path=path, line=line)
        times = {}
        for prop in TIME_PROPERTIES:
            value = one(prop, required=False)
            if value is None:
                continue
            pattern = _LEXICAL.get(getattr(value, "datatype", None))
            if pattern is None or not pattern.fullmatch(str(value)):
                raise InputSyntaxError(
                    f"statement {where}: {prop.fragment} {value!r} must be an xsd:date (day), "
                    f"xsd:gYearMonth (month) or xsd:gYear (year)",
                    path=path,
                    line=line,
                )
            times[prop] = value
        expression = one(S.timeExpression, required=False)
        claims.append(
            Claim(
                subject=one(RDF.subject),
                predicate=one(RDF.predicate),
                object=one(RDF.object),
                certainty=one(S.certainty),
                evidence=str(one(S.evidence)),
                start=start.toPython(),
                times=times,
                time_expression=str(expression) if expression is not None else None,
                event_type=one(S.eventType, required=False),
                comment=one(RDFS.comment, required=False),
            )
        )
    return claims


def _sort_key(g: Graph, node) -> tuple:
    start = g.value(node, S.evidenceStart)
    return (
        int(start) if start is not None and str(start).isdigit() else -1,
        str(g.value(node, RDF.subject)),
        str(g.value(node, RDF.predicate)),
        str(g.value(node, RDF.object)),
    )


def node_line(g: Graph, node, text: str) -> int | None:
    """The line where the paragraph of claim ``node`` starts in its file's ``text``."""
    from graph.checks import locate

    needles = []
    for prop, label in ((RDF.subject, "rdf:subject"), (RDF.predicate, "rdf:predicate")):
        value = g.value(node, prop)
        if value is not None:
            needles.append(f"{label} {'rdf:type' if value == RDF.type else turtle_term(value)} ")
    start = g.value(node, S.evidenceStart)
    if start is not None:
        needles.append(f":evidenceStart {start}")
    return (locate(text, *needles) if needles else None) or (locate(text, *needles[:2]) if needles else None)


def _describe(g: Graph, node) -> str:
    parts = [g.value(node, p) for p in (RDF.subject, RDF.predicate, RDF.object)]
    return "(" + " ".join(_local(p) if p is not None else "?" for p in parts) + ")"


def compile_claims(source_iri: URIRef, source_id: str, claims: list[Claim]) -> Graph:
    """The plain triples and statement nodes of ``claims``, as one graph.

    Examples
    --------
    >>> from rdflib import URIRef, Literal
    >>> from graph.namespaces import KG, SRC
    >>> claim = Claim(URIRef(KG + "cnsa"), S.partnerOf, URIRef(KG + "roscosmos"), S.Stated,
    ...               evidence="Russia and China are partnering", start=10)
    >>> g = compile_claims(URIRef(SRC + "demo"), "demo", [claim])
    >>> (URIRef(KG + "cnsa"), S.partnerOf, URIRef(KG + "roscosmos")) in g
    True
    >>> st = URIRef("https://w3id.org/spacekg/statement/demo.cnsa-partnerOf-roscosmos")
    >>> int(g.value(st, S.evidenceEnd))
    41
    """
    g = Graph()
    for iri, claim in zip(statement_iris(source_id, claims), claims, strict=True):
        g.add((claim.subject, claim.predicate, claim.object))
        g.add((iri, RDF.type, S.Statement))
        g.add((iri, RDF.subject, claim.subject))
        g.add((iri, RDF.predicate, claim.predicate))
        g.add((iri, RDF.object, claim.object))
        g.add((iri, PROV.wasDerivedFrom, source_iri))
        g.add((iri, S.certainty, claim.certainty))
        g.add((iri, S.evidence, Literal(claim.evidence)))
        g.add((iri, S.evidenceStart, Literal(claim.start, datatype=XSD.integer)))
        g.add((iri, S.evidenceEnd, Literal(claim.end, datatype=XSD.integer)))
        for prop, value in claim.times.items():
            g.add((iri, prop, value))
        if claim.precision is not None:
            g.add((iri, S.timePrecision, claim.precision))
        if claim.time_expression:
            g.add((iri, S.timeExpression, Literal(claim.time_expression)))
        if claim.event_type is not None:
            g.add((iri, S.eventType, claim.event_type))
        if claim.comment is not None:
            g.add((iri, RDFS.comment, claim.comment))
    return g




CURATED_PREFIXES = ("", "kg", "src", "cameo", "dcterms", "rdf", "rdfs", "schema", "xsd")


def turtle_term(term: URIRef | Literal) -> str:
    """``term`` as Turtle, with SpaceKG's prefixes and visible escapes for invisible characters.

    >>> turtle_term(Literal("early\\u00a02019"))
    '"early\\\\u00A02019"'
    >>> turtle_term(URIRef("https://w3id.org/spacekg/ontology#partnerOf"))
    ':partnerOf'
    """
    from graph.namespaces import PREFIXES

    if isinstance(term, Literal):
        body = (
            str(term)
            .replace("\\", "\\\\")
            .replace('"', '\\"')
            .replace("\n", "\\n")
            .replace("\u00a0", "\\u00A0")
        )
        if term.language:
            return f'"{body}"@{term.language}'
        if term.datatype is not None and term.datatype != XSD.string:
            if term.datatype in (XSD.integer,) and re.fullmatch(r"-?\d+", str(term)):
                return str(term)
            return f'"{body}"^^{turtle_term(term.datatype)}'
        return f'"{body}"'
    text = str(term)
    if term == RDF.type:
        return "a"
    for prefix in CURATED_PREFIXES:
        ns = PREFIXES[prefix]
        local = text[len(ns) :]
        if text.startswith(ns) and re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.-]*(?<!\.)", local or "."):
            return f"{prefix}:{local}"
    return f"<{text}>"


def format_claim(claim: Claim) -> str:
    """One claim as a curated Turtle paragraph (the inverse of :func:`read_claims` for one node)."""
    predicate = "rdf:type" if claim.predicate == RDF.type else turtle_term(claim.predicate)
    head = [
        f"[] rdf:subject {turtle_term(claim.subject)} ; rdf:predicate {predicate} ; "
        f"rdf:object {turtle_term(claim.object)} ;"
    ]
    meta = [f":certainty {turtle_term(claim.certainty)}"]
    meta += [f"{turtle_term(prop)} {turtle_term(value)}" for prop, value in claim.times.items()]
    if claim.event_type is not None:
        meta.append(f":eventType {turtle_term(claim.event_type)}")
    lines = [*head, "    " + " ; ".join(meta) + " ;"]
    if claim.time_expression:
        lines.append(f"    :timeExpression {turtle_term(Literal(claim.time_expression))} ;")
    if claim.comment is not None:
        lines.append(f"    rdfs:comment {turtle_term(claim.comment)} ;")
    lines.append(f"    :evidence {turtle_term(Literal(claim.evidence))} ;")
    lines.append(f"    :evidenceStart {claim.start} .")
    return "\n".join(lines)


def curated_prologue() -> str:
    from graph.namespaces import PREFIXES

    return "".join(f"@prefix {p}: <{PREFIXES[p]}> .\n" for p in CURATED_PREFIXES)
