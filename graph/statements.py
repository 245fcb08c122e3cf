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

Everything lands in the source's named graph, whose name is the source's IRI. Each paragraph is
read into a :class:`graph.model.Statement`, which writes its own triples (:func:`compile_claims`)
and its own paragraph (:func:`format_claim`).
"""

from __future__ import annotations

import re

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import XSD

from graph.errors import InputSyntaxError, UsageError
from graph.model import Certainty, Evidence, Statement, TimeValue, add_to_graph, term_slug
from graph.model import statement_iris as _statement_iris
from graph.namespaces import SPACE
from graph.terms import from_rdflib, to_rdflib

S = Namespace(SPACE)

TIME_PROPERTIES = {S.pointInTime: "point_in_time", S.startTime: "start_time", S.endTime: "end_time"}
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
# A curated claim is a statement read from a source's file (whose source is the file itself).
Claim = Statement


def statement_iris(source_id: str, claims: list[Statement]) -> list[URIRef]:
    """The statement IRIs of ``claims`` (see :func:`graph.model.statement_iris`), as rdflib terms."""
    return [URIRef(iri) for iri in _statement_iris(source_id, claims)]


def read_claims(g: Graph, *, path: str | None = None, text: str | None = None) -> list[Statement]:
    """The claims of a parsed curated file: every node with an ``rdf:subject``.

    Given the file's ``text``, an error names the line where the claim's paragraph starts.

    Raises
    ------
    InputSyntaxError
        If a claim lacks a required property, has one twice, or has a malformed time.
    """
    nodes = sorted(set(g.subjects(RDF.subject, None)), key=lambda n: _sort_key(g, n))
    return [_read_claim(g, node, path, node_line(g, node, text) if text else None) for node in nodes]


def _read_claim(g: Graph, node, path: str | None, line: int | None) -> Statement:
    props: dict[URIRef, list] = {}
    for p, o in g.predicate_objects(node):
        props.setdefault(p, []).append(o)
    where = _describe(g, node)
    unknown = set(props) - CLAIM_PROPERTIES
    if unknown:
        names = ", ".join(sorted(str(u) for u in unknown))
        raise InputSyntaxError(f"statement {where} has properties a claim cannot have: {names}", path=path,
                               line=line)

    def one(prop: URIRef, *, required: bool = True):
        values = props.get(prop, [])
        if len(values) > 1:
            raise InputSyntaxError(f"statement {where} has {len(values)} values for {turtle_term(prop)}: "
                                   "a claim has one", path=path, line=line)
        if not values and required:
            raise InputSyntaxError(f"statement {where} lacks {turtle_term(prop)}", path=path, line=line)
        return values[0] if values else None

    start = one(S.evidenceStart)
    if not (isinstance(start, Literal) and isinstance(start.toPython(), int)) or start.toPython() < 0:
        raise InputSyntaxError(f"statement {where}: evidenceStart must be an integer >= 0, not {start}",
                               path=path, line=line)
    times = {name: _time(one(prop, required=False), prop, where, path, line)
             for prop, name in TIME_PROPERTIES.items()}
    certainty, event_type = one(S.certainty), one(S.eventType, required=False)
    for prop, value in ((S.certainty, certainty), (S.eventType, event_type)):
        if value is not None and not isinstance(value, URIRef):
            raise InputSyntaxError(f"statement {where}: {prop.fragment} must be an IRI, not {value!r}", path=path,
                                   line=line)
    expression, comment = one(S.timeExpression, required=False), one(RDFS.comment, required=False)
    return Statement(
        subject=from_rdflib(one(RDF.subject)),
        predicate=from_rdflib(one(RDF.predicate)),
        object=from_rdflib(one(RDF.object)),
        certainty=Certainty(str(certainty)),
        evidence=Evidence(str(one(S.evidence)), start.toPython()),
        **times,
        time_expression=str(expression) if expression is not None else None,
        event_type=str(event_type) if event_type is not None else None,
        comment=from_rdflib(comment) if comment is not None else None,
    )


def _time(value, prop: URIRef, where: str, path: str | None, line: int | None = None) -> TimeValue | None:
    """A curated time: a date, month or year whose datatype says its precision."""
    if value is None:
        return None
    try:
        parsed = TimeValue.parse(str(value))
        if str(getattr(value, "datatype", None)) != parsed.datatype:
            raise UsageError(f"{value!r} does not match its datatype")
    except UsageError:
        raise InputSyntaxError(
            f"statement {where}: {prop.fragment} {value!r} must be an xsd:date (day), "
            f"xsd:gYearMonth (month) or xsd:gYear (year)",
            path=path,
            line=line,
        ) from None
    return parsed


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
    return "(" + " ".join(term_slug(from_rdflib(p)) if p is not None else "?" for p in parts) + ")"


def compile_claims(source_iri: URIRef, source_id: str, claims: list[Statement]) -> Graph:
    """The plain triples and statement nodes of ``claims``, as one graph.

    Examples
    --------
    >>> from graph.namespaces import KG, SRC
    >>> claim = Statement(KG + "cnsa", SPACE + "partnerOf", KG + "roscosmos", Certainty.named("stated"),
    ...                   Evidence("Russia and China are partnering", 10))
    >>> g = compile_claims(URIRef(SRC + "demo"), "demo", [claim])
    >>> (URIRef(KG + "cnsa"), S.partnerOf, URIRef(KG + "roscosmos")) in g
    True
    >>> st = URIRef("https://w3id.org/spacekg/statement/demo.cnsa-partnerOf-roscosmos")
    >>> int(g.value(st, S.evidenceEnd))
    41
    """
    g = Graph()
    for iri, claim in zip(_statement_iris(source_id, claims), claims, strict=True):
        add_to_graph(g, claim.named(iri, str(source_iri)))
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


def format_claim(claim: Statement) -> str:
    """One claim as a curated Turtle paragraph (the inverse of :func:`read_claims` for one node)."""
    term = lambda t: turtle_term(to_rdflib(t))  # noqa: E731
    predicate = "rdf:type" if claim.predicate == str(RDF.type) else term(claim.predicate)
    head = [f"[] rdf:subject {term(claim.subject)} ; rdf:predicate {predicate} ; rdf:object {term(claim.object)} ;"]
    meta = [f":certainty {term(claim.certainty.iri)}"] if claim.certainty is not None else []
    meta += [f"{term(prop)} {term(value.literal())}" for prop, value in claim.times.items()]
    if claim.event_type is not None:
        meta.append(f":eventType {term(claim.event_type)}")
    lines = [*head, "    " + " ; ".join(meta) + " ;"]
    if claim.time_expression:
        lines.append(f"    :timeExpression {turtle_term(Literal(claim.time_expression))} ;")
    if claim.comment is not None:
        lines.append(f"    rdfs:comment {term(claim.comment)} ;")
    if claim.evidence is not None:
        lines.append(f"    :evidence {turtle_term(Literal(claim.evidence.text))} ;")
        lines.append(f"    :evidenceStart {claim.evidence.start} .")
    return "\n".join(lines)


def curated_prologue() -> str:
    from graph.namespaces import PREFIXES

    return "".join(f"@prefix {p}: <{PREFIXES[p]}> .\n" for p in CURATED_PREFIXES)
