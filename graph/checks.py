"""The checks a build runs before it writes anything.

- :func:`check_terms` - every entity a statement names is in the catalog, every term is in the ontology
- :func:`check_evidence` - every quote is verbatim at its offsets in the source text
- :func:`undeclared_terms` - ontology terms used in the data but never declared (the lint)
- :func:`validate_shapes` - SHACL validation with pySHACL (imported only when called)
- :func:`check_values` - every IRI is a valid IRI, every literal well-typed and free of control characters
- :func:`check_claims_unique` - no claim twice in one file

Each raises the matching :class:`~graph.errors.SpaceKGError` with the file and line.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef

from graph.errors import EvidenceError, InputSyntaxError, UnknownEntityError, ValidationError, Violation
from graph.model import Statement
from graph.namespaces import CAMEO, KG, SPACE, SRC, shorten
from graph.terms import Lit

DECLARATION_TYPES = (
    OWL.Class,
    RDFS.Datatype,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    RDF.Property,
)


def declared_terms(ontology: Graph) -> set[URIRef]:
    """Terms the ontology declares: classes, properties, datatypes and named individuals."""
    terms = {s for t in DECLARATION_TYPES for s in ontology.subjects(RDF.type, t) if isinstance(s, URIRef)}
    classes = {s for s in ontology.subjects(RDF.type, OWL.Class)}
    terms |= {s for c in classes for s in ontology.subjects(RDF.type, c) if isinstance(s, URIRef)}
    return terms


def undeclared_terms(data: Iterable[tuple], ontology: Graph) -> set[URIRef]:
    """Ontology-namespace IRIs used in ``data`` (a graph, or any triples) that the ontology does not declare.

    Also reports predicates and classes from other vocabularies (Dublin Core, PROV...) unless the
    ontology declares them as reused terms; RDF, RDFS, OWL, XSD and SKOS are built in.
    """
    declared = declared_terms(ontology)
    builtin = (str(RDF), str(RDFS), str(OWL), "http://www.w3.org/2001/XMLSchema#",
               "http://www.w3.org/2004/02/skos/core#")
    used: set[URIRef] = set()
    for s, p, o in data:
        used.add(p)
        if p == RDF.type and isinstance(o, URIRef):
            used.add(o)
        for term in (s, o):
            if isinstance(term, URIRef) and str(term).startswith(SPACE):
                used.add(term)
    own_entities = (KG, SRC, CAMEO, "https://w3id.org/spacekg/statement/")
    return {
        t
        for t in used
        if t not in declared
        and not str(t).startswith(builtin)
        and not str(t).startswith(own_entities)
        and t != URIRef(SPACE.rstrip("#"))
    }


def locate(text: str, *needles: str) -> int | None:
    """The 1-based line of the first paragraph of ``text`` that contains every needle.

    Curated files keep one statement a paragraph, so this finds the statement a message is about.
    """
    line = 1
    for paragraph in text.split("\n\n"):
        if all(n in paragraph for n in needles):
            first = next(n for n in needles)
            return line + paragraph[: paragraph.index(first)].count("\n")
        line += paragraph.count("\n") + 2
    for number, content in enumerate(text.splitlines(), start=1):
        if needles and needles[0] in content:
            return number
    return None


# What an IRI cannot hold (RFC 3987 and Turtle's IRIREF), and what a literal must not: C0 and C1
# control characters other than tab and newlines, and lone surrogates (halves of a character).
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_NOT_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def value_problem(term) -> str | None:
    """What is wrong with an IRI or literal of curated data, or ``None``.

    >>> value_problem(URIRef("https://w3id.org/spacekg/id/amanda kooser"))
    "the IRI <https://w3id.org/spacekg/id/amanda kooser> holds ' ', which an IRI cannot hold"
    >>> value_problem(Literal("a\\x00b"))
    'a literal holds the control character U+0000'
    """
    if isinstance(term, URIRef):
        bad = _NOT_IN_IRI.search(str(term))
        if bad:
            return f"the IRI <{term}> holds {bad.group(0)!r}, which an IRI cannot hold"
    elif isinstance(term, Literal):
        bad = _NOT_IN_TEXT.search(str(term))
        if bad:
            code = ord(bad.group(0))
            if 0xD800 <= code <= 0xDFFF:
                return f"a literal holds a lone surrogate U+{code:04X} (half of a character, not a character)"
            return f"a literal holds the control character U+{code:04X}"
        if term.ill_typed:
            return f"{str(term)!r} is not a valid {shorten(str(term.datatype))}"
    return None


def check_values(g: Graph, *, path: Path, text: str) -> None:
    """Raise :class:`InputSyntaxError` (with the line) for the first bad IRI or literal of a curated file.

    Both ``validate`` and ``build`` run it, so they agree: a value the store could not hold or
    a query could not match is refused when the file is read, not when the graph is written.
    """
    found = []
    for triple in g:
        for term in triple:
            problem = value_problem(term)
            if problem:
                found.append((_line_of(g, triple[0], term, text) or 0, problem))
    if found:
        line, problem = min(found)
        raise InputSyntaxError(problem, path=path, line=line or None)


def _line_of(g: Graph, subject, term, text: str) -> int | None:
    """The line of ``term`` written as it is, else of the paragraph that describes ``subject``."""
    if isinstance(term, URIRef):
        line = locate(text, f"<{term}>")
        if line:
            return line
    elif isinstance(term, Literal) and str(term).isprintable() and len(str(term)) > 3:
        line = locate(text, f'"{term}"')
        if line:
            return line
    if isinstance(subject, BNode):
        from graph.statements import turtle_term

        claim = g.value(subject, RDF.subject)
        predicate = g.value(subject, RDF.predicate)
        needles = [f"rdf:subject {turtle_term(claim)} "] if claim is not None else []
        if predicate is not None:
            needles.append(f"rdf:predicate {'rdf:type' if predicate == RDF.type else turtle_term(predicate)} ")
        return locate(text, *needles) if needles else None
    return locate(text, shorten(str(subject)) + " ") or locate(text, f"<{subject}>")


def _closest(name: str, candidates: Iterable[URIRef]) -> str:
    names = {shorten(str(c)): c for c in candidates}
    matches = difflib.get_close_matches(shorten(name), list(names), n=3, cutoff=0.6)
    return f" (did you mean {', '.join(matches)}?)" if matches else ""


def check_terms(
    claims: list[Statement],
    *,
    entities: set[URIRef],
    ontology: Graph,
    event_types: set[URIRef],
    path: Path,
    text: str,
) -> None:
    """Raise :class:`UnknownEntityError` for the first claim that names something undeclared."""
    declared = declared_terms(ontology)
    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty)
    properties = {t for t in declared if any((t, RDF.type, kind) in ontology for kind in kinds)} | {RDF.type}
    certainties = set(ontology.subjects(RDF.type, URIRef(SPACE + "Certainty")))
    classes = set(ontology.subjects(RDF.type, OWL.Class))

    def fail(claim: Statement, what: str, term: str, known: Iterable[URIRef]) -> None:
        quote = claim.evidence.text[:30] if claim.evidence is not None else ""
        line = locate(text, shorten(term), quote.replace('"', '\\"'))
        raise UnknownEntityError(f"unknown {what} {shorten(term)}{_closest(term, known)}", path=path, line=line)

    for claim in claims:
        if URIRef(claim.predicate) not in properties:
            fail(claim, "property", claim.predicate, properties)
        for role, term in (("subject", claim.subject), ("object", claim.object)):
            if isinstance(term, Lit):
                continue
            if claim.predicate == str(RDF.type) and role == "object":
                if URIRef(term) not in classes:
                    fail(claim, "class", term, classes)
            elif term.startswith(SRC):
                continue
            elif URIRef(term) not in entities:
                fail(claim, f"entity ({role})", term, entities)
        if claim.certainty is None or URIRef(claim.certainty.iri) not in certainties:
            fail(claim, "certainty", claim.certainty.iri if claim.certainty else "", certainties)
        if claim.event_type is not None and URIRef(claim.event_type) not in event_types:
            fail(claim, "CAMEO event type", claim.event_type, event_types)


def claim_line(curated_text: str, claim: Statement) -> int | None:
    """The line where ``claim``'s paragraph starts in its curated file."""
    from graph.statements import turtle_term
    from graph.terms import to_rdflib

    predicate = "rdf:type" if claim.predicate.endswith("#type") else turtle_term(to_rdflib(claim.predicate))
    start = claim.evidence.start if claim.evidence is not None else None
    return locate(
        curated_text,
        f"rdf:subject {turtle_term(to_rdflib(claim.subject))} ",
        f"rdf:predicate {predicate} ",
        f":evidenceStart {start} ",
    ) or locate(curated_text, f":evidenceStart {start}")


def check_evidence(claims: list[Statement], text: str, *, path: Path, curated_text: str) -> None:
    """Raise :class:`EvidenceError` unless every quote is verbatim at its offsets in ``text``, and is prose.

    Prose: a run of whole sentences of the article, or a part of one sentence cut at word
    boundaries (see :func:`evidence_shape`); never page furniture, markup, or pieces of two sentences.
    """
    from graph.text import split_sentences

    sentences = split_sentences(text)
    for claim in claims:
        evidence = claim.evidence
        if evidence is None:
            continue
        if text[evidence.start : evidence.end] == evidence.text:
            problem = evidence_shape(evidence.start, evidence.end, text, sentences)
            if problem:
                raise EvidenceError(f"the evidence of {_fact(claim)} {problem}: {evidence.text!r}",
                                    path=path, line=claim_line(curated_text, claim))
            continue
        found = text.find(evidence.text)
        if found >= 0:
            hint = f"; it is at offset {found}: set :evidenceStart {found}"
        else:
            hint = "; it is nowhere in the text (check spaces: the text has non-breaking ones)"
        line = claim_line(curated_text, claim)
        obj = repr(claim.object.value) if isinstance(claim.object, Lit) else shorten(claim.object)
        raise EvidenceError(
            f"the evidence of {shorten(claim.subject)} {shorten(claim.predicate)} {obj} "
            f"is not at offsets {evidence.start}-{evidence.end} of the source text{hint}: {evidence.text!r}",
            path=path,
            line=line,
        )


def _fact(claim: Statement) -> str:
    obj = repr(claim.object.value) if isinstance(claim.object, Lit) else shorten(claim.object)
    return f"{shorten(claim.subject)} {shorten(claim.predicate)} {obj}"


_MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>|&[a-z]+;|&#\d+;")


def evidence_shape(start: int, end: int, text: str, sentences: list) -> str | None:
    """What makes ``text[start:end]`` unfit as evidence, or ``None`` if it is prose.

    Fit: whole sentences (one or several in a row), or a fragment of one sentence that starts and
    ends at word boundaries (a noun phrase such as "Russia's space agency Roscosmos" is the exact
    evidence of who operates what; the offsets lead to the whole sentence). Unfit: a span that no
    sentence holds (a caption, a credit line, a header), that cuts a word, that takes pieces of
    two sentences, or that holds HTML markup.

    >>> from graph.text import split_sentences
    >>> text = "NASA and ESA signed it. Mr. Smith said so."
    >>> sentences = split_sentences(text)
    >>> evidence_shape(0, 23, text, sentences), evidence_shape(9, 12, text, sentences)
    (None, None)
    >>> evidence_shape(1, 12, text, sentences)
    'cuts a word at offset 1'
    >>> evidence_shape(13, 33, text, sentences)
    'takes part of one sentence and part of another'
    """
    quote = text[start:end]
    if _MARKUP.search(quote):
        return "holds HTML markup, not an article's prose"
    if start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        return f"cuts a word at offset {start}"
    if end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        return f"cuts a word at offset {end}"
    if any(s.start <= start and end <= s.end for s in sentences):
        return None
    starts, ends = {s.start for s in sentences}, {s.end for s in sentences}
    if start in starts and end in ends:
        return None
    if not any(s.start < end and start < s.end for s in sentences):
        return "is not in the article's prose (a caption, a credit, a header or page furniture)"
    return "takes part of one sentence and part of another"


def check_claims_unique(claims: list[Statement], *, path: Path, curated_text: str) -> None:
    """Raise :class:`InputSyntaxError` if one file states the same claim twice (same fact, same quote).

    The same fact with another quote (the article says it twice) is kept, as a second statement.
    """
    seen: dict[tuple, int] = {}
    for claim in claims:
        start = claim.evidence.start if claim.evidence is not None else None
        key = (claim.subject, claim.predicate, claim.object, start)
        first = claim_line(curated_text, claim)
        if key in seen:
            again = _second_line(curated_text, claim) or first
            raise InputSyntaxError(f"the claim {_fact(claim)} with the evidence at offset {start} is "
                                   f"stated twice (also at line {first}): remove one", path=path, line=again)
        seen[key] = first or 0


def _second_line(curated_text: str, claim: Statement) -> int | None:
    first = claim_line(curated_text, claim)
    if not first:
        return None
    lines = curated_text.split("\n")
    rest = "\n".join(lines[first:])
    found = claim_line(rest, claim)
    return first + found if found else None


@functools.lru_cache(maxsize=64)
def _prepared_query(text: str, namespaces: tuple[tuple[str, URIRef], ...], base: str | None):
    """``text`` parsed once per process: a prepared query is only read when it runs, so every validation
    of the process (each accept of a review server, each test) shares it. Parsing one of the shapes'
    SPARQL constraints takes 70 to 120 ms: three of them cost a third of a second per validation."""
    from rdflib.plugins.sparql.processor import prepareQuery

    return prepareQuery(text, initNs=dict(namespaces), base=base)


class _PreparedQueries(Graph):
    """A view of ``data`` (the same store, nothing copied) that parses each SPARQL text only once.

    pySHACL runs a SPARQL constraint once per focus node, always with the same text and the node as
    an initial binding; rdflib parses the text anew each time (about 70 ms, most of a build's time).
    A prepared query, rdflib's own way to run one text with different bindings, gives the same rows.
    """

    def __init__(self, data: Graph):
        super().__init__(store=data.store, identifier=data.identifier, namespace_manager=data.namespace_manager)

    def query(self, query_object, processor="sparql", result="sparql", initNs=None, initBindings=None,
              use_store_provided=True, **kwargs):
        if isinstance(query_object, str) and processor == "sparql":
            namespaces = tuple(sorted(dict(initNs or self.namespaces()).items()))
            query_object = _prepared_query(query_object, namespaces, kwargs.pop("base", None))
        return super().query(query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs)


def validate_shapes(data: Graph, shapes: Graph, *, where: Callable[[str], str | None] = lambda _: None) -> None:
    """Validate ``data`` against ``shapes``; raise :class:`ValidationError` listing every violation.

    ``where`` maps a focus node IRI to its ``file:line``, so each violation points at the curated data.
    """
    from pyshacl import validate  # heavy (about 1 s): only the commands that validate pay for it

    conforms, report, _ = validate(
        _PreparedQueries(data), shacl_graph=shapes, inference="none", allow_warnings=True
    )
    if conforms:
        return
    sh = "http://www.w3.org/ns/shacl#"
    violations = []
    for result in report.subjects(RDF.type, URIRef(sh + "ValidationResult")):
        severity = report.value(result, URIRef(sh + "resultSeverity"))
        if severity is not None and str(severity) != sh + "Violation":
            continue
        focus = report.value(result, URIRef(sh + "focusNode"))
        path = report.value(result, URIRef(sh + "resultPath"))
        message = report.value(result, URIRef(sh + "resultMessage"))
        violations.append(
            Violation(
                focus=shorten(str(focus)),
                path=shorten(str(path)) if isinstance(path, URIRef) else None,
                message=str(message) if message is not None else "constraint violated",
                location=where(str(focus)),
            )
        )
    if violations:
        raise ValidationError(sorted(violations, key=lambda v: (v.location or "", v.focus, v.message)))
