"""Each SHACL shape with one conforming and at least one violating example."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph

from graph import paths
from graph.checks import validate_shapes
from graph.errors import ValidationError

PREFIXES = """
@prefix : <https://w3id.org/spacekg/ontology#> .
@prefix cameo: <https://w3id.org/spacekg/cameo/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix kg: <https://w3id.org/spacekg/id/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix result: <https://w3id.org/spacekg/result/run/> .
@prefix schema: <https://schema.org/> .
@prefix src: <https://w3id.org/spacekg/source/> .
@prefix stmt: <https://w3id.org/spacekg/statement/> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

# A small graph that every shape accepts: one triple a line, so a case can drop lines by pattern.
CONFORMING = """
kg:a a :SpaceAgency . kg:a rdfs:label "Agency A"@en . kg:a dcterms:source src:s .
kg:a :basedIn kg:x . kg:a owl:sameAs wd:Q1 .
kg:b a :SpaceAgency . kg:b rdfs:label "Agency B"@en . kg:b dcterms:source src:s .
kg:x a :Country . kg:x rdfs:label "Xland"@en . kg:x :isoCode "XL" . kg:x dcterms:source src:s .
kg:m a :Mission . kg:m rdfs:label "Mission M"@en . kg:m dcterms:source src:s .
kg:moon a :CelestialBody . kg:moon rdfs:label "Moon"@en . kg:moon dcterms:source src:s .
kg:deal a :Agreement . kg:deal rdfs:label "Deal"@en . kg:deal dcterms:source src:s .
kg:out a :NewsOutlet . kg:out rdfs:label "Outlet"@en . kg:out dcterms:source src:s .
src:s a :SourceArticle . src:s dcterms:title "Title" . src:s dcterms:issued "2021-03"^^xsd:gYearMonth .
src:s dcterms:publisher kg:out . src:s dcterms:creator kg:author . src:s schema:url <https://example.org/s> .
kg:author a :Person . kg:author rdfs:label "An Author"@en . kg:author dcterms:source src:s .
result:bloc-1 a :Bloc . result:bloc-1 org:hasMember kg:a .
src:s :sha256 "2199452e92c760f7213b3100aa690f22a55a4ce40dffd508ab57bbe5c04a5de9" .
kg:a :partnerOf kg:b . kg:a :rivalOf kg:b . kg:a :signedAgreement kg:deal . kg:a :plansMission kg:m .
kg:m :landedOn kg:moon .
stmt:p a :Statement . stmt:p rdf:subject kg:a . stmt:p rdf:predicate :partnerOf . stmt:p rdf:object kg:b .
stmt:p prov:wasDerivedFrom src:s . stmt:p :certainty :Stated . stmt:p :evidence "A and B" .
stmt:p :evidenceStart "0"^^xsd:integer . stmt:p :evidenceEnd "7"^^xsd:integer .
stmt:p :pointInTime "2021"^^xsd:gYear . stmt:p :timePrecision time:unitYear . stmt:p :eventType cameo:057 .
stmt:r a :Statement . stmt:r rdf:subject kg:a . stmt:r rdf:predicate :rivalOf . stmt:r rdf:object kg:b .
stmt:r prov:wasDerivedFrom src:s . stmt:r :certainty :Inferred . stmt:r :evidence "race" .
stmt:r :evidenceStart "10"^^xsd:integer . stmt:r :evidenceEnd "14"^^xsd:integer .
stmt:r :eventType cameo:110 .
"""

# shape -> (lines to drop, matched as regular expressions; Turtle to add; expected message)
VIOLATIONS = {
    "ActorShape": ([], "kg:a :basedIn kg:moon .", "an actor is based in at most one country"),
    "AgreementObjectShape": ([], "kg:a :signedAgreement kg:m .", "the object of :signedAgreement must be"),
    "BlocShape": ([], "result:bloc-1 org:hasMember kg:moon .", "the members of a bloc (org:hasMember) are actors"),
    "SourceShape/creator": ([], "src:s dcterms:creator kg:a .", "the dcterms:creator of a source is a :Person"),
    "SourceShape/url": ([], 'src:s schema:url "https://example.org/s" .', "the schema:url of a source is an IRI"),
    "CountryShape": ([r'kg:x :isoCode "XL"'], 'kg:x :isoCode "xl" .', "exactly one ISO 3166-1 alpha-2 code"),
    "EntityShape/label": ([r'kg:b rdfs:label'], "", "exactly one English label"),
    "EntityShape/source": ([r"kg:m dcterms:source"], "", "must say where it comes from"),
    "EntityShape/sameAs": ([], "kg:b owl:sameAs <https://example.org/b> .", "links an entity to one Wikidata item"),
    "PartyShape": ([], "kg:a :partnerOf kg:moon .", "both ends of :partnerOf and :rivalOf must be actors"),
    "PlaceObjectShape": ([], "kg:m :landedOn kg:b .", "must be a :Place"),
    "SourceShape/sha256": ([r"src:s :sha256"], 'src:s :sha256 "abc" .', "the SHA-256 of its text"),
    "SourceShape/issued": ([r"src:s dcterms:issued"], 'src:s dcterms:issued "March 2021" .',
                           "at most one dcterms:issued date"),
    "StatementShape/offsets": ([r'stmt:p :evidenceEnd'], 'stmt:p :evidenceEnd "8"^^xsd:integer .',
                               "must equal the length of the evidence"),
    "StatementShape/negative": ([r'stmt:r :evidenceStart', r'stmt:r :evidenceEnd'],
                                'stmt:r :evidenceStart -4 . stmt:r :evidenceEnd 0 .', "an xsd:integer >= 0"),
    "StatementShape/certainty": ([r"stmt:p :certainty"], "stmt:p :certainty :Likely .", "exactly one certainty"),
    "StatementShape/source": ([r"stmt:p prov:wasDerivedFrom"], "", "comes from exactly one source article"),
    "StatementShape/time": ([r"stmt:p :pointInTime"], 'stmt:p :pointInTime "2021-03-01T10:00:00"^^xsd:dateTime .',
                            "at most one pointInTime"),
    "StatementShape/plain-triple": ([r"^kg:a :partnerOf kg:b"], "", "also be asserted as a plain triple"),
    "StatementShape/cameo": ([r"stmt:r :eventType"], "stmt:r :eventType cameo:057 .",
                             "a rivalry statement a conflictual one"),
    "UndertakingObjectShape": ([], "kg:a :plansMission kg:x .", "must be an :Undertaking"),
}


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(paths.shapes_file())


@pytest.fixture(scope="module")
def vocabulary() -> Graph:
    g = Graph().parse(paths.ontology_file())
    g.parse(paths.cameo_file())
    return g


def data_graph(vocabulary: Graph, text: str) -> Graph:
    g = Graph().parse(data=PREFIXES + text, format="turtle")
    return g + vocabulary


def mutate(drop: list[str], add: str) -> str:
    statements = [s.strip() + " ." for s in CONFORMING.split(" .") if s.strip()]
    kept = [s for s in statements if not any(re.search(pattern, s) for pattern in drop)]
    assert len(statements) - len(kept) == len(drop), "every drop pattern must match one triple"
    return "\n".join(kept) + "\n" + add


def test_the_conforming_example_conforms(shapes: Graph, vocabulary: Graph):
    validate_shapes(data_graph(vocabulary, CONFORMING), shapes)


def test_a_source_without_a_date_conforms(shapes: Graph, vocabulary: Graph):
    # an article that gives no date is a source all the same: the date stays unknown, never invented
    validate_shapes(data_graph(vocabulary, mutate([r"src:s dcterms:issued"], "")), shapes)


def test_every_shape_has_a_violating_example(shapes: Graph):
    shape_names = {str(s).rsplit("#", 1)[1] for s in shapes.subjects() if "shapes#" in str(s)}
    shape_names.discard("")
    assert shape_names == {case.split("/")[0] for case in VIOLATIONS}


@pytest.mark.parametrize("case", VIOLATIONS)
def test_violating_example(case: str, shapes: Graph, vocabulary: Graph):
    drop, add, message = VIOLATIONS[case]
    with pytest.raises(ValidationError) as caught:
        validate_shapes(data_graph(vocabulary, mutate(drop, add)), shapes)
    messages = [v.message for v in caught.value.violations]
    assert any(message in m for m in messages), messages
