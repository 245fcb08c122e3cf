"""One statement model: the same statement through every producer and consumer gives the same RDF."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import graph_diff, isomorphic

from graph.analysis import explain, timeline
from graph.errors import InputSyntaxError, UsageError
from graph.extraction import Extracted
from graph.extraction import TimeValue as TextTime
from graph.mirror import facts, mirror, to_rdf
from graph.model import Certainty, Evidence, Statement, TimeValue, add_to_graph, statement_iris
from graph.namespaces import CAMEO, KG, SPACE, SRC
from graph.statements import compile_claims, curated_prologue, format_claim, read_claims
from graph.terms import Lit, ntriples_term

SOURCE = SRC + "demo"
FACT = Statement(
    KG + "cnsa", SPACE + "partnerOf", KG + "roscosmos",
    certainty=Certainty(SPACE + "Planned"),
    evidence=Evidence("Russia and China are partnering on a lunar station", 519),
    point_in_time=TimeValue.parse("2021-03"),
    time_expression="in March 2021",
    event_type=CAMEO + "060",
    comment=Lit("the station is the ILRS", language="en"),
)
IRI = statement_iris("demo", [FACT])[0]
NAMED = FACT.named(IRI, SOURCE)


def _rdf(statement: Statement) -> Graph:
    g = Graph()
    add_to_graph(g, statement)
    return g


def _same(expected: Graph, got: Graph) -> None:
    _, only_expected, only_got = graph_diff(expected, got)
    assert isomorphic(expected, got), (sorted(only_expected), sorted(only_got))


EXPECTED = _rdf(NAMED)


def test_the_statement_node_is_the_documented_one():
    s = URIRef(IRI)
    assert IRI == "https://w3id.org/spacekg/statement/demo.cnsa-partnerOf-roscosmos"
    assert (URIRef(KG + "cnsa"), URIRef(SPACE + "partnerOf"), URIRef(KG + "roscosmos")) in EXPECTED
    assert str(EXPECTED.value(s, URIRef(SPACE + "timePrecision"))) == "http://www.w3.org/2006/time#unitMonth"
    assert int(EXPECTED.value(s, URIRef(SPACE + "evidenceEnd"))) == 519 + len(FACT.evidence.text)
    assert len(EXPECTED) == 15


def test_curated_turtle_out_and_in():
    text = curated_prologue() + "\n" + format_claim(FACT) + "\n"
    [claim] = read_claims(Graph().parse(data=text, format="turtle"))
    assert claim == FACT
    _same(EXPECTED, compile_claims(URIRef(SOURCE), "demo", [claim]))


def test_the_mirror_and_the_way_back():
    store = ox.Store()
    store.load(EXPECTED.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    G = mirror(store)
    assert G.edges[KG + "cnsa", KG + "roscosmos", IRI]["precision"] == "month"
    assert list(facts(G)) == [NAMED]
    _same(EXPECTED, to_rdf(G))
    [chain] = explain(G, KG + "cnsa", KG + "roscosmos")
    [event] = timeline(G)
    assert chain.steps[0].fact == event.fact == NAMED
    assert (event.date, event.time, chain.steps[0].certainty) == ("2021-03-01", "2021-03", "planned")


def test_the_benchmark_s_n_quads():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from bench_data import _Writer

    nq, nt = io.StringIO(), io.StringIO()
    _Writer(nq, nt).statement(NAMED, f"<{SOURCE}>")
    ds = Dataset()
    ds.parse(data=nq.getvalue(), format="nquads")
    _same(EXPECTED, ds.graph(URIRef(SOURCE)))
    _same(EXPECTED, Graph().parse(data=nt.getvalue(), format="nt"))


def test_extraction_output():
    extracted = Extracted(
        KG + "cnsa", "partnerOf", KG + "roscosmos", "planned", FACT.evidence.text, 519,
        point_in_time=TextTime("2021-03", "month", "March 2021"), event_type="060",
        comment="the station is the ILRS", extra={"time_expression": "in March 2021"},
    )
    assert extracted.statement() == FACT
    _same(EXPECTED, _rdf(extracted.statement().named(IRI, SOURCE)))


@pytest.mark.parametrize("text", ["2021-02-31", "2021-13", "March", "21-03"])
def test_one_time_parser_rejects_what_is_not_a_day(text):
    with pytest.raises(UsageError, match="is not a date"):
        TimeValue.parse(text)


def test_certainty_levels_come_from_the_ontology():
    assert [(c.name, c.rank) for c in Certainty.levels()] == [
        ("stated", 4), ("planned", 3), ("speculative", 2), ("inferred", 1)]
    with pytest.raises(UsageError, match="use one of stated, planned, speculative, inferred"):
        Certainty.named("sure")


@pytest.mark.parametrize(("bad", "message"), [
    ('"2021-02-31"^^<http://www.w3.org/2001/XMLSchema#date>', "'2021-02-31' is not a date: day is out of range"),
    ('"March 2021"', "'March 2021' is not a date"),
])
def test_a_malformed_time_in_a_store_is_a_clear_error_not_a_traceback(bad, message):
    lines = [f"{ntriples_term(s)} {ntriples_term(p)} {ntriples_term(o)} ." for s, p, o in NAMED.triples()
             if not p.endswith(("pointInTime", "timePrecision"))]
    lines.append(f"<{IRI}> <{SPACE}pointInTime> {bad} .")
    store = ox.Store()
    store.load("\n".join(lines).encode(), format=ox.RdfFormat.N_TRIPLES)
    with pytest.raises(InputSyntaxError, match=f"statement <{IRI}>: {message}"):
        mirror(store)


def test_a_level_added_to_the_ontology_is_known_everywhere(tmp_path, monkeypatch):
    from graph import paths
    from graph.maps import certainty_style
    from graph.qualifiers import _ranks

    ontology = tmp_path / "space.ttl"
    ontology.write_text(paths.ontology_file().read_text(encoding="utf-8") + """
space:Rumoured a space:Certainty ;
    rdfs:label "rumoured"@en ;
    rdfs:comment "Said to be so by unnamed people."@en ;
    space:certaintyRank 0 .
""", encoding="utf-8")
    monkeypatch.setattr(paths, "ontology_file", lambda: ontology)
    _ranks.cache_clear()
    try:
        assert Certainty.names() == ["stated", "planned", "speculative", "inferred", "rumoured"]
        assert Certainty.named("Rumoured").rank == 0
        assert certainty_style("rumoured") == certainty_style("inferred")  # the faintest style there is
    finally:
        monkeypatch.undo()
        _ranks.cache_clear()
    assert "rumoured" not in Certainty.names()
