"""Ontology lint: each rule is a SPARQL query that must return no rows."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph

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
        ?term a ?kind FILTER (?kind IN (owl:ObjectProperty, owl:DatatypeProperty))
        FILTER NOT EXISTS { ?term rdfs:domain ?d }""",
    "every property has a range": """
        ?term a ?kind FILTER (?kind IN (owl:ObjectProperty, owl:DatatypeProperty))
        FILTER NOT EXISTS { ?term rdfs:range ?r }""",
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
                space:orphan a owl:ObjectProperty ; space:mentions space:Undeclared .""",
        format="turtle",
    )
    failing = {rule for rule in LINT if list(bad.query(PREFIXES + "SELECT ?term WHERE {" + LINT[rule] + "}"))}
    assert {
        "every term has an English rdfs:label",
        "every term has an English rdfs:comment",
        "every property has a domain",
        "every property has a range",
        "every space: IRI mentioned is declared",
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
