"""Ontology lint: each rule is a SPARQL query that must return no rows."""

from __future__ import annotations

import re

import pytest
from rdflib import RDFS, Graph

from graph import paths
from graph.checks import undeclared_terms

PREFIXES = """
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX space: <https://w3id.org/spacekg/ontology#>
"""
# Terms are the ontology's own (space:) subjects plus the external terms it declares for reuse.
TERMS = """
  { ?term a ?kind . FILTER (?kind IN (owl:Class, owl:ObjectProperty, owl:DatatypeProperty, rdfs:Datatype,
                                      space:Certainty)) }
  FILTER (isIRI(?term))
"""
LINT = {
    "every term has an English rdfs:label": TERMS
    + "FILTER NOT EXISTS { ?term rdfs:label ?label FILTER (lang(?label) = 'en') }",
    "every term has an English rdfs:comment": TERMS
    + "FILTER NOT EXISTS { ?term rdfs:comment ?comment FILTER (lang(?comment) = 'en') }",
    "every term has at most one label": TERMS + "?term rdfs:label ?a, ?b FILTER (?a != ?b)",
    "every property has a domain": """
        ?term a ?kind FILTER (?kind IN (owl:ObjectProperty, owl:DatatypeProperty) && STRSTARTS(STR(?term), STR(space:)))
        FILTER NOT EXISTS { ?term rdfs:domain ?d }""",
    "every property has a range": """
        ?term a ?kind FILTER (?kind IN (owl:ObjectProperty, owl:DatatypeProperty) && STRSTARTS(STR(?term), STR(space:)))
        FILTER NOT EXISTS { ?term rdfs:range ?r }""",
    "no domain or range on other vocabularies' terms (SHACL says how we use them)": """
        ?term rdfs:domain|rdfs:range ?x FILTER (!STRSTARTS(STR(?term), STR(space:)))""",
    "every space: IRI mentioned is declared": """
        { ?x ?p ?term } UNION { ?term ?p ?x }
        FILTER (isIRI(?term) && STRSTARTS(STR(?term), STR(space:)))
        FILTER NOT EXISTS { ?term a ?kind }""",
    "every space: class is a subclass of something (anchored to W3C vocabularies or ours)": """
        ?term a owl:Class FILTER (STRSTARTS(STR(?term), STR(space:)))
        FILTER NOT EXISTS { ?term rdfs:subClassOf ?super }""",
    "domains and ranges in space: are declared classes or datatypes": """
        ?p rdfs:domain|rdfs:range ?term FILTER (STRSTARTS(STR(?term), STR(space:)))
        FILTER NOT EXISTS { ?term a ?kind FILTER (?kind IN (owl:Class, rdfs:Datatype)) }""",
    "Wikidata alignments point at properties (P...)": """
        ?term skos:exactMatch|skos:closeMatch ?wd
        FILTER (STRSTARTS(STR(?wd), "http://www.wikidata.org/entity/") &&
                !REGEX(STR(?wd), "^http://www.wikidata.org/entity/P[0-9]+$"))""",
    "certainty levels have distinct ranks": """
        ?a a space:Certainty ; space:certaintyRank ?r . ?b a space:Certainty ; space:certaintyRank ?r
        FILTER (?a != ?b)""",
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(paths.ontology_file())


@pytest.mark.parametrize("rule", LINT)
def test_lint(rule: str, ontology: Graph):
    query = PREFIXES + "SELECT DISTINCT ?term WHERE {" + LINT[rule] + "}"
    offenders = sorted(str(row[0]) for row in ontology.query(query))
    assert offenders == [], f"{rule}: {offenders}"


def test_lint_rules_catch_what_they_promise():
    """A deliberately bad ontology trips the rules, so the lint cannot pass vacuously."""
    bad = Graph().parse(
        data="""@prefix owl: <http://www.w3.org/2002/07/owl#> .
                @prefix space: <https://w3id.org/spacekg/ontology#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix prov: <http://www.w3.org/ns/prov#> .
                space:orphan a owl:ObjectProperty ; space:mentions space:Undeclared .
                prov:wasDerivedFrom rdfs:domain space:Statement .""",
        format="turtle",
    )
    failing = {rule for rule in LINT if list(bad.query(PREFIXES + "SELECT ?term WHERE {" + LINT[rule] + "}"))}
    assert {
        "every term has an English rdfs:label",
        "every term has an English rdfs:comment",
        "every property has a domain",
        "every property has a range",
        "every space: IRI mentioned is declared",
        "no domain or range on other vocabularies' terms (SHACL says how we use them)",
    } <= failing


def test_the_ontology_file_is_sorted():
    text = paths.ontology_file().read_text(encoding="utf-8")
    subjects = re.findall(r"^(\S+) a ", text, flags=re.MULTILINE)
    assert subjects[0] == "<https://w3id.org/spacekg/ontology>"
    keys = [s.casefold() for s in subjects[1:]]
    assert keys == sorted(keys)


def test_no_term_used_in_the_data_is_undeclared(seed_build, ontology: Graph):
    data = seed_build.union(without=("https://w3id.org/spacekg/ontology",))
    assert undeclared_terms(data, ontology) == set()


def test_undeclared_terms_are_reported(ontology: Graph):
    data = Graph().parse(
        data="""@prefix space: <https://w3id.org/spacekg/ontology#> .
                @prefix kg: <https://w3id.org/spacekg/id/> .
                @prefix dcterms: <http://purl.org/dc/terms/> .
                kg:a space:partnerOf kg:b ; space:befriends kg:b ; a space:Alien ; dcterms:audience kg:c .""",
        format="turtle",
    )
    assert {str(t) for t in undeclared_terms(data, ontology)} == {
        "https://w3id.org/spacekg/ontology#befriends",
        "https://w3id.org/spacekg/ontology#Alien",
        "http://purl.org/dc/terms/audience",
    }


# The OWL 2 datatype map (OWL 2 Structural Specification, section 4), plus rdf:langString.
OWL2_DATATYPES = {
    *(f"http://www.w3.org/2001/XMLSchema#{name}" for name in (
        "decimal", "integer", "nonNegativeInteger", "nonPositiveInteger", "positiveInteger", "negativeInteger",
        "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte", "double",
        "float", "string", "normalizedString", "token", "language", "Name", "NCName", "NMTOKEN", "boolean",
        "hexBinary", "base64Binary", "anyURI", "dateTime", "dateTimeStamp")),
    "http://www.w3.org/2002/07/owl#real", "http://www.w3.org/2002/07/owl#rational",
    *(f"http://www.w3.org/1999/02/22-rdf-syntax-ns#{name}" for name in ("PlainLiteral", "XMLLiteral", "langString")),
    "http://www.w3.org/2000/01/rdf-schema#Literal",
}
# Why the ontology is OWL 2 Full (README, "The ontology"): times keep the precision their source gives.
TEMPORAL = {f"http://www.w3.org/2001/XMLSchema#{name}" for name in ("date", "gYearMonth", "gYear")}


def test_only_the_temporal_datatypes_are_outside_the_owl2_datatype_map(ontology: Graph):
    """The README says why the ontology is OWL 2 Full; this keeps that the only reason.

    HermiT (owlready2) refuses exactly these datatypes; with ``space:TemporalValue`` mapped to
    ``xsd:dateTime`` instead, it finds the rest of the ontology consistent.
    """
    used = {str(o) for o in ontology.objects() if str(o).startswith("http://www.w3.org/2001/XMLSchema#")}
    ranges = {str(r) for r in ontology.objects(None, RDFS.range)}
    datatypes = {d for d in used | ranges if d.startswith(("http://www.w3.org/2001/XMLSchema#",
                                                          "http://www.w3.org/1999/02/22-rdf-syntax-ns#"))}
    assert datatypes - OWL2_DATATYPES == TEMPORAL
