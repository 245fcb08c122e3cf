"""Every fact of the seed annotation (except `external`) is in the graph, as annotated.

The annotation is read from the project's copy of its facts (tests/data/seed-facts.tsv), whose
evidence is given as offsets in the seed text; the copy is checked against the shared annotation.
"""

from __future__ import annotations

import csv

import pytest

from graph.query import run
from tests.conftest import SEED_FACTS, SEED_TEXT, SHARED_SEED_FACTS

KG = "https://w3id.org/spacekg/id/"
SPACE = "https://w3id.org/spacekg/ontology#"
SOURCE = "https://w3id.org/spacekg/source/cnet-2021-ilrs"

# How the annotator's descriptive names map onto the graph. The mapping is the test's claim about
# the curation: a row whose entity or relation is mapped wrongly fails below.
ENTITY = {
    "CNSA": KG + "cnsa",
    "China (CNSA)": KG + "cnsa",
    "Roscosmos": KG + "roscosmos",
    "NASA": KG + "nasa",
    "China": KG + "china",
    "Russia": KG + "russia",
    "ILRS memorandum of understanding": KG + "ilrs-mou-2021",
    "International Lunar Research Station (ILRS)": KG + "ilrs",
    "Moon (surface base and/or lunar orbit; undecided)": KG + "moon",
    "Commercial Crew Program": KG + "commercial-crew-program",
    "Roscosmos (Russian spacecraft for crew transport to the ISS)": KG + "roscosmos",
    "crewed return to the Moon (Artemis program)": KG + "artemis-program",
    "Artemis program": KG + "artemis-program",
    "Lunar Gateway": KG + "lunar-gateway",
    "lunar orbit": KG + "lunar-orbit",
    "Chang'e 4": KG + "change-4",
    "Chang'e 5": KG + "change-5",
    "far side of the Moon": KG + "far-side-of-the-moon",
    "Moon (samples delivered to Earth)": KG + "moon",
    "NASA (Artemis/Gateway): race for lunar research": KG + "nasa",
    "Kennedy Space Center": KG + "kennedy-space-center",
    "Florida (United States)": KG + "florida",
    "international project / small space station": SPACE + "SpaceStation",
    "article": SOURCE,
}
# Literal objects: the annotation paraphrases; the graph keeps the source's words.
LITERAL = {
    "all interested countries and international partners": "all interested countries and international partners",
    "end NASA's reliance on Russian spacecraft for ISS crew transport (close to reached)":
        "end NASA's reliance on Russian spacecraft to send astronauts to the International Space Station",
    "2024": "2024",
}
RELATION = {
    "partnerOf": SPACE + "partnerOf",
    "signedAgreement": SPACE + "signedAgreement",
    "about": SPACE + "about",
    "plansMission": SPACE + "plansMission",
    "locatedAt": SPACE + "locatedIn",
    "locatedIn": SPACE + "locatedIn",
    "openTo": SPACE + "openTo",
    "basedIn": SPACE + "basedIn",
    "operates": SPACE + "operates",
    "dependsOn": SPACE + "dependsOn",
    "goal": SPACE + "goal",
    "targetDate": SPACE + "targetDate",
    "isA": "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
    "landedOn": SPACE + "landedOn",
    "returnedSamples": SPACE + "returnedSamples",
    "rivalOf": SPACE + "rivalOf",
}
# Rows that name two subjects or two relations stand for two statements each.
SPLIT_SUBJECTS = {"CNSA and Roscosmos (ILRS)": ["CNSA", "Roscosmos"]}
SPLIT_RELATIONS = {
    "author / publisher": [
        ("http://purl.org/dc/terms/creator", KG + "amanda-kooser"),
        ("http://purl.org/dc/terms/publisher", KG + "cnet"),
    ]
}


def annotation(with_quotes: bool = False) -> list[dict]:
    """The seed annotation's rows: subject, relation, object, when, certainty and where the evidence
    starts; with ``with_quotes``, the evidence itself (the article, in shared/, must be at hand)."""
    text = SEED_TEXT.read_text(encoding="utf-8") if with_quotes else None
    rows = []
    for row in csv.DictReader(SEED_FACTS.read_text(encoding="utf-8").splitlines(), delimiter="\t"):
        start, end = row.pop("evidence_start"), row.pop("evidence_end")
        row["start"] = int(start) if start else None
        if with_quotes:
            row["evidence"] = text[int(start):int(end)] if start else None
        rows.append(row)
    return rows


def expected_statements() -> list[dict]:
    expected = []
    for row in annotation():
        if row["certainty"] == "external":
            continue
        when = row["when"].split(" ")[0]  # "2019 (early)" is 2019 at year precision
        subjects = SPLIT_SUBJECTS.get(row["subject"], [row["subject"]])
        pairs = SPLIT_RELATIONS.get(row["relation"]) or [(RELATION[row["relation"]], None)]
        for subject in subjects:
            for predicate, fixed_object in pairs:
                expected.append(
                    {
                        "row": f"{row['subject']} {row['relation']} {row['object']}",
                        "subject": ENTITY[subject],
                        "predicate": predicate,
                        "object": fixed_object or ENTITY.get(row["object"]) or LITERAL[row["object"]],
                        "certainty": row["certainty"],
                        "when": when or None,
                        "start": row["start"],
                    }
                )
    return expected


# Every query below looks only at the seed's named graph, so that other sources in the graph
# (the corpus) neither add rows nor hide a missing seed statement.
STATEMENTS = """
SELECT ?subject ?predicate ?object ?certainty ?when ?evidence ?start ?source WHERE {
  GRAPH src:cnet-2021-ilrs {
    ?st a :Statement ; rdf:subject ?subject ; rdf:predicate ?predicate ; rdf:object ?object ;
        :certainty ?level ; :evidence ?evidence ; :evidenceStart ?start ;
        prov:wasDerivedFrom ?source .
    OPTIONAL { ?st :pointInTime ?when }
  }
  ?level rdfs:label ?certainty .
}"""


@pytest.fixture(scope="module")
def graph_statements(store) -> list[dict]:
    return [
        {v: (s[v].value if s[v] is not None else None) for v in
         ("subject", "predicate", "object", "certainty", "when", "evidence", "start", "source")}
        for s in run(store, STATEMENTS)
    ]


@pytest.mark.needs_shared(SHARED_SEED_FACTS, SEED_TEXT)
def test_the_project_copy_of_the_annotation_holds_the_shared_annotation_s_facts():
    shared = list(csv.DictReader(SHARED_SEED_FACTS.read_text(encoding="utf-8").splitlines(), delimiter="\t"))
    copy = annotation(with_quotes=True)
    for row in copy:
        del row["start"]
        if row["evidence"] is None:  # reference knowledge: no quote from the article
            row["evidence"] = next(r["evidence"] for r in shared if r["certainty"] == "external")
    assert copy == shared


def test_the_seed_annotation_has_the_rows_we_expect():
    rows = expected_statements()
    assert len(rows) == 28  # 26 non-external rows, two of which stand for two statements
    assert {r["certainty"] for r in rows} == {"stated", "planned", "speculative", "inferred"}


@pytest.mark.parametrize("fact", expected_statements(), ids=lambda f: f["row"][:60])
def test_every_seed_fact_is_a_statement_with_its_certainty_time_and_evidence(fact, graph_statements):
    matches = [
        st for st in graph_statements
        if st["subject"] == fact["subject"]
        and st["predicate"] == fact["predicate"]
        and int(st["start"]) == fact["start"]  # the evidence, by where it starts in the article
        and st["object"] == fact["object"]
    ]
    assert len(matches) == 1, f"{fact['row']}: {len(matches)} matching statements"
    statement = matches[0]
    assert statement["certainty"] == fact["certainty"]
    assert statement["when"] == fact["when"]
    assert statement["source"] == SOURCE


def test_every_statement_is_also_a_plain_triple(store):
    rows = list(run(store, "SELECT ?st WHERE { GRAPH src:cnet-2021-ilrs { ?st rdf:subject ?s ; "
                           "rdf:predicate ?p ; rdf:object ?o FILTER NOT EXISTS { ?s ?p ?o } } }"))
    assert rows == []
    assert bool(run(store, "ASK { GRAPH src:cnet-2021-ilrs { kg:cnsa :partnerOf kg:roscosmos } }"))


def test_the_graph_holds_no_statement_the_annotation_lacks(graph_statements):
    assert len(graph_statements) == len(expected_statements())


def test_times_carry_their_precision(store):
    rows = {
        (r["s"].value, r["p"].value): (r["when"].value, r["precision"].value, r["dt"].value)
        for r in run(store, """
            SELECT ?s ?p ?when ?precision (DATATYPE(?when) AS ?dt) WHERE { GRAPH src:cnet-2021-ilrs {
              ?st rdf:subject ?s ; rdf:predicate ?p ; :pointInTime ?when ; :timePrecision ?precision } }""")
    }
    xsd, time = "http://www.w3.org/2001/XMLSchema#", "http://www.w3.org/2006/time#"
    assert rows[(KG + "change-4", SPACE + "landedOn")] == ("2019", time + "unitYear", xsd + "gYear")
    assert rows[(KG + "cnsa", SPACE + "partnerOf")] == ("2021-03", time + "unitMonth", xsd + "gYearMonth")
    expression = run(store, """SELECT ?e WHERE { GRAPH src:cnet-2021-ilrs {
                                   ?st rdf:subject kg:change-4 ; rdf:predicate :landedOn ; :timeExpression ?e } }""")
    assert [r["e"].value for r in expression] == ["early 2019"]


def test_partnership_and_rivalry_carry_cameo_event_types(store):
    rows = sorted(
        (r["p"].value.rsplit("#")[1], r["code"].value, float(r["g"].value))
        for r in run(store, """
            SELECT ?p ?code ?g WHERE { GRAPH src:cnet-2021-ilrs { ?st rdf:predicate ?p ; :eventType ?e }
                                       ?e skos:notation ?code ; :goldstein ?g .
                                       FILTER (?p IN (:partnerOf, :rivalOf)) }""")
    )
    assert rows == [("partnerOf", "060", 6.0), ("rivalOf", "110", -2.0), ("rivalOf", "110", -2.0)]


def test_the_source_records_its_metadata(store):
    row = next(iter(run(store, """
        SELECT ?title ?issued ?sha ?author ?publisher WHERE {
          src:cnet-2021-ilrs a :SourceArticle ; dcterms:title ?title ; dcterms:issued ?issued ;
            :sha256 ?sha ; dcterms:creator/rdfs:label ?author ; dcterms:publisher/rdfs:label ?publisher }""")))
    assert row["title"].value == "China and Russia plan to build a moon research station together"
    assert (row["issued"].value, row["issued"].datatype.value) == (
        "2021-03", "http://www.w3.org/2001/XMLSchema#gYearMonth")
    assert row["sha"].value == "2199452e92c760f7213b3100aa690f22a55a4ce40dffd508ab57bbe5c04a5de9"
    assert (row["author"].value, row["publisher"].value) == ("Amanda Kooser", "CNET")


def test_each_source_is_a_named_graph(store):
    graphs = {r["g"].value for r in run(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    # Other sources may be present too; these four must be.
    assert graphs >= {
        "https://w3id.org/spacekg/ontology",
        "https://w3id.org/spacekg/cameo",
        "https://w3id.org/spacekg/catalog",
        SOURCE,
    }
    # Each source is the name of the graph holding its statements, and of no other source's.
    misplaced = list(run(store, """
        SELECT ?st ?source ?g WHERE { GRAPH ?g { ?st a :Statement ; prov:wasDerivedFrom ?source }
                                      FILTER (?g != ?source) }"""))
    assert misplaced == []


def test_rdflib_users_get_the_same_graph_through_oxrdflib(built):
    from graph.store import open_dataset

    ds = open_dataset(built)
    rows = {str(r[0]) for r in ds.query(f"SELECT ?b WHERE {{ <{KG}cnsa> <{SPACE}partnerOf> ?b }}")}
    assert rows == {KG + "roscosmos"}
