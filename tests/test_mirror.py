"""The networkx mirror: fidelity to the RDF, projections, as-of and certainty cuts, and the way back."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic

from graph import paths
from graph.checks import undeclared_terms
from graph.errors import UsageError
from graph.mirror import (
    export_bytes,
    holds,
    membership_graph,
    mirror,
    partnership_graph,
    project,
    results_to_rdf,
    rivalry_graph,
    signed_graph,
    to_rdf,
)
from graph.namespaces import KG, SPACE, SRC, STMT
from graph.query import run

CNSA, NASA, ROSCOSMOS = KG + "cnsa", KG + "nasa", KG + "roscosmos"
ST = STMT + "cnet-2021-ilrs."


@pytest.fixture(scope="module")
def G(store) -> nx.MultiDiGraph:
    return mirror(store)


# --------------------------------------------------------------------------- fidelity


def test_every_statement_is_an_edge_or_an_attribute(G, store):
    rows = run(store, "SELECT ?st ?p ?o WHERE { ?st a :Statement ; rdf:predicate ?p ; rdf:object ?o }")
    by_kind = {"edge": set(), "literal": set(), "type": set()}
    for st, p, o in rows:
        kind = "literal" if isinstance(o, ox.Literal) else "type" if p.value == str(RDF.type) else "edge"
        by_kind[kind].add(st.value)
    edges = {key for _, _, key in G.edges(keys=True)}
    records = {r["key"]: r for _, rs in G.nodes(data="attribute_statements") for r in rs}
    # The seed source has statements of all three kinds (e.g. :partnerOf, :targetDate, rdf:type).
    assert ST + "cnsa-partnerOf-roscosmos" in by_kind["edge"]
    assert ST + "lunar-gateway-type-SpaceStation" in by_kind["type"]
    assert {ST + "artemis-program-targetDate-v19508b1b"} <= by_kind["literal"]
    assert edges == by_kind["edge"]
    assert {k for k, r in records.items() if r["object_kind"] == "literal"} == by_kind["literal"]
    assert {k for k, r in records.items() if r["object_kind"] == "iri"} == by_kind["type"]
    [(count,)] = run(store, "SELECT (COUNT(?st) AS ?n) WHERE { ?st a :Statement }")
    assert G.graph["statements"] == int(count.value) == G.number_of_edges() + len(records)


def test_edge_attributes_are_the_statement_s(G):
    assert G.edges[CNSA, NASA, ST + "cnsa-rivalOf-nasa"] == {
        "predicate": SPACE + "rivalOf",
        "relation": "rivalOf",
        "certainty": "inferred",
        "rank": 1,
        "point_in_time": "2021-03",
        "start_time": None,
        "end_time": None,
        "precision": "month",
        "time_expression": None,
        "source": SRC + "cnet-2021-ilrs",
        "source_date": "2021-03",
        "evidence": "The race to expand research opportunities on the moon is heating up.",
        "evidence_start": 450,
        "evidence_end": 518,
        "event_type": "110",
        "goldstein": -2.0,
        "comment": "A race for lunar research between the ILRS partners and NASA, implied by the article, not stated.",
        "comment_lang": "en",
    }
    signed = G.edges[CNSA, KG + "ilrs-mou-2021", ST + "cnsa-signedAgreement-ilrs-mou-2021"]
    assert (signed["certainty"], signed["rank"], signed["event_type"], signed["goldstein"]) == ("stated", 4, "057", 8.0)
    assert (signed["time_expression"], signed["evidence_start"], signed["evidence_end"]) == (
        "earlier this week", 632, 837,
    )
    assert "\u00a0" in signed["evidence"]
    plan = G.edges[NASA, KG + "artemis-program", ST + "nasa-plansMission-artemis-program"]
    assert (plan["certainty"], plan["point_in_time"], plan["precision"]) == ("planned", "2024", "year")


def test_nodes_carry_label_type_wikidata_and_literals(G):
    nasa = G.nodes[NASA]
    assert (nasa["label"], nasa["type"], nasa["wikidata"], nasa["acronym"], nasa["actor"]) == (
        "National Aeronautics and Space Administration", "SpaceAgency", "Q23548", "NASA", True,
    )
    assert "US space agency" in nasa["aliases"] and nasa["aliases"] == sorted(nasa["aliases"])
    assert (G.nodes[KG + "china"]["type"], G.nodes[KG + "china"]["actor"]) == ("Country", True)
    assert (G.nodes[KG + "ilrs"]["type"], G.nodes[KG + "ilrs"]["actor"]) == ("SpaceStation", False)
    assert G.nodes[KG + "ilrs-mou-2021"]["type"] == "MemorandumOfUnderstanding"
    assert G.nodes[KG + "change-4"]["wikidata"] is None
    assert G.nodes[KG + "artemis-program"]["literals"] == {"targetDate": ["2024"]}
    assert G.nodes[KG + "ilrs"]["literals"] == {"openTo": ["all interested countries and international partners"]}
    [target] = G.nodes[KG + "artemis-program"]["attribute_statements"]
    assert (target["datatype"], target["certainty"], target["evidence_start"]) == (
        "http://www.w3.org/2001/XMLSchema#gYear", "planned", 1693,
    )
    # Literals and classes are never nodes; the source is a node because statements link it.
    assert all(n.startswith(("https://w3id.org/spacekg/id/", SRC)) for n in G)
    assert G.nodes[SRC + "cnet-2021-ilrs"]["type"] == "SourceArticle"
    assert KG + "iss" in G and G.degree(KG + "iss") == 0


def test_mirror_is_deterministic(G, store):
    again = mirror(store)
    assert list(again.nodes) == list(G.nodes) == sorted(G.nodes)
    assert list(again.edges(keys=True)) == list(G.edges(keys=True))


def _statement_part(g: Graph) -> Graph:
    """The statement nodes of ``g`` with all their triples, and the plain triple of each."""
    part = Graph()
    for st in g.subjects(RDF.type, URIRef(SPACE + "Statement")):
        for p, o in g.predicate_objects(st):
            part.add((st, p, o))
        part.add((g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)))
    return part


def test_round_trip_rdf_networkx_rdf_is_isomorphic(G, seed_build):
    expected = _statement_part(seed_build.union())
    back = to_rdf(G)
    assert len(expected) > 300
    _, only_expected, only_back = graph_diff(expected, back)
    assert isomorphic(expected, back), (sorted(only_expected)[:5], sorted(only_back)[:5])


def test_round_trip_matches_the_store(G, store):
    triples = run(store, """CONSTRUCT { ?st ?p ?o . ?s ?pred ?obj } WHERE {
        ?st a :Statement ; ?p ?o ; rdf:subject ?s ; rdf:predicate ?pred ; rdf:object ?obj }""")
    from_store = Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode(), format="nt")
    assert isomorphic(from_store, to_rdf(G))


# --------------------------------------------------------------------------- projections of the seed


def test_seed_projections(G):
    P = partnership_graph(G)
    assert sorted(tuple(sorted(e)) for e in P.edges()) == [(CNSA, ROSCOSMOS)]
    # The partnership (CAMEO 060, +6.0) and the memorandum both signed (057, +8.0, two joiners: 8 / 1).
    assert P[CNSA][ROSCOSMOS] == {
        "weight": 14.0, "count": 3, "certainty": "stated", "rank": 4, "via": [KG + "ilrs-mou-2021"],
        "statements": [ST + "cnsa-partnerOf-roscosmos", ST + "cnsa-signedAgreement-ilrs-mou-2021",
                       ST + "roscosmos-signedAgreement-ilrs-mou-2021"],
    }
    plain = partnership_graph(G, through_joint_membership=False)
    assert plain[CNSA][ROSCOSMOS] == {
        "weight": 6.0, "count": 1, "statements": [ST + "cnsa-partnerOf-roscosmos"], "certainty": "stated", "rank": 4,
        "via": [],
    }
    assert P.nodes[CNSA]["label"] == "China National Space Administration"
    R = rivalry_graph(G)
    weights = {tuple(sorted(e)): d["weight"] for *e, d in R.edges(data=True)}
    assert weights == {(CNSA, NASA): 2.0, (NASA, ROSCOSMOS): 2.0}
    S = signed_graph(G)
    assert {tuple(sorted(e)): s for *e, s in S.edges(data="sign")} == {
        (CNSA, ROSCOSMOS): 1, (CNSA, NASA): -1, (NASA, ROSCOSMOS): -1,
    }
    B = membership_graph(G)
    assert sorted((u, v) if B.nodes[u]["bipartite"] == 0 else (v, u) for u, v in B.edges()) == [
        (CNSA, KG + "change-4"), (CNSA, KG + "change-5"), (CNSA, KG + "ilrs"), (CNSA, KG + "ilrs-mou-2021"),
        (NASA, KG + "artemis-program"), (NASA, KG + "commercial-crew-program"), (NASA, KG + "kennedy-space-center"),
        (NASA, KG + "lunar-gateway"), (ROSCOSMOS, KG + "ilrs"), (ROSCOSMOS, KG + "ilrs-mou-2021"),
    ]
    assert {n for n, side in B.nodes(data="bipartite") if side == 0} == {CNSA, NASA, ROSCOSMOS}
    assert nx.is_bipartite(B)
    assert B[NASA][KG + "lunar-gateway"]["certainty"] == "planned"
    # Stated only: the planned memberships and the inferred rivalries go.
    assert rivalry_graph(G, min_certainty="stated").number_of_edges() == 0
    assert membership_graph(G, min_certainty="stated").number_of_edges() == 6


# --------------------------------------------------------------------------- as-of and certainty cuts

FIXTURE = """
@prefix : <https://w3id.org/spacekg/ontology#> .
@prefix kg: <https://w3id.org/spacekg/id/> .
@prefix src: <https://w3id.org/spacekg/source/> .
@prefix stmt: <https://w3id.org/spacekg/statement/> .
@prefix cameo: <https://w3id.org/spacekg/cameo/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

GRAPH <https://w3id.org/spacekg/catalog> {
  kg:a a :SpaceAgency . kg:b a :SpaceAgency . kg:c a :Country . kg:d a :Company .
}
GRAPH src:s1 {
  src:s1 a :SourceArticle ; dcterms:issued "2022-05-10"^^xsd:date .
  # an ended partnership: 2015 to June 2020
  stmt:ab a :Statement ; rdf:subject kg:a ; rdf:predicate :partnerOf ; rdf:object kg:b ;
    prov:wasDerivedFrom src:s1 ; :certainty :Stated ; :eventType cameo:060 ;
    :startTime "2015"^^xsd:gYear ; :endTime "2020-06"^^xsd:gYearMonth .
  # planned for 2030: holds from the source's publication, 2022-05-10
  stmt:ac a :Statement ; rdf:subject kg:a ; rdf:predicate :partnerOf ; rdf:object kg:c ;
    prov:wasDerivedFrom src:s1 ; :certainty :Planned ; :pointInTime "2030"^^xsd:gYear .
  # speculative, no time: also from the publication date
  stmt:bc a :Statement ; rdf:subject kg:b ; rdf:predicate :partnerOf ; rdf:object kg:c ;
    prov:wasDerivedFrom src:s1 ; :certainty :Speculative .
  # stated, no time at all: background, always held
  stmt:cd a :Statement ; rdf:subject kg:c ; rdf:predicate :partnerOf ; rdf:object kg:d ;
    prov:wasDerivedFrom src:s1 ; :certainty :Stated .
  # an inferred rivalry in March 2021
  stmt:ad a :Statement ; rdf:subject kg:a ; rdf:predicate :rivalOf ; rdf:object kg:d ;
    prov:wasDerivedFrom src:s1 ; :certainty :Inferred ; :pointInTime "2021-03"^^xsd:gYearMonth ;
    :eventType cameo:110 .
}
"""


@pytest.fixture(scope="module")
def small() -> nx.MultiDiGraph:
    store = ox.Store()
    store.load(paths.ontology_file().read_bytes(), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode("https://w3id.org/spacekg/ontology"))
    store.load(paths.cameo_file().read_bytes(), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode("https://w3id.org/spacekg/cameo"))
    store.load(FIXTURE.encode(), format=ox.RdfFormat.TRIG)
    return mirror(store)


def _pairs(P: nx.Graph) -> set[str]:
    return {"".join(sorted(n[len(KG):] for n in e)) for e in P.edges()}


@pytest.mark.parametrize(
    ("as_of", "min_certainty", "partners", "rivals"),
    [
        (None, None, {"ab", "ac", "bc", "cd"}, {"ad"}),
        ("2014-12-31", None, {"cd"}, set()),
        ("2015", None, {"ab", "cd"}, set()),
        ("2020-05-31", None, {"ab", "cd"}, set()),
        ("2020-06-01", None, {"cd"}, set()),  # ended on the first day of its end month
        ("2021-02", None, {"cd"}, set()),
        ("2021-03", None, {"cd"}, {"ad"}),
        ("2022-05-09", None, {"cd"}, {"ad"}),
        ("2022-05-10", None, {"ac", "bc", "cd"}, {"ad"}),  # plans hold from their source's date
        ("2031", None, {"ac", "bc", "cd"}, {"ad"}),
        (None, "stated", {"ab", "cd"}, set()),
        (None, "planned", {"ab", "ac", "cd"}, set()),
        (None, "Speculative", {"ab", "ac", "bc", "cd"}, set()),
        (None, "inferred", {"ab", "ac", "bc", "cd"}, {"ad"}),
        ("2024", "planned", {"ac", "cd"}, set()),
    ],
)
def test_as_of_and_certainty_cuts(small, as_of, min_certainty, partners, rivals):
    assert _pairs(partnership_graph(small, as_of=as_of, min_certainty=min_certainty)) == partners
    assert _pairs(rivalry_graph(small, as_of=as_of, min_certainty=min_certainty)) == rivals


def test_small_fixture_attributes(small):
    ab = small.edges[KG + "a", KG + "b", STMT + "ab"]
    times = (ab["start_time"], ab["end_time"], ab["precision"], ab["source_date"])
    # The precision is the time's own (graph.model.TimeValue), whether or not the data spells it out.
    assert times == ("2015", "2020-06", "year", "2022-05-10")
    assert small.nodes[KG + "d"]["actor"] is True and small.nodes[KG + "d"]["type"] == "Company"
    # Goldstein weights: 060 is +6.0; a partnership without event type weighs 1.0.
    P = partnership_graph(small)
    assert (P[KG + "a"][KG + "b"]["weight"], P[KG + "c"][KG + "d"]["weight"]) == (6.0, 1.0)


def test_holds_rejects_bad_filters():
    with pytest.raises(UsageError, match="not a date"):
        holds({"rank": 4}, "2021-13")
    with pytest.raises(UsageError, match="not a date: day is out of range"):
        holds({"rank": 4}, "2021-02-31")
    with pytest.raises(UsageError, match="unknown certainty"):
        holds({"rank": 4}, None, "sure")


def test_unknown_projections_and_formats_are_usage_errors(small):
    with pytest.raises(UsageError, match="unknown projection 'camps' \\(use one of partnership, rivalry, signed"):
        project(small, "camps")
    with pytest.raises(UsageError, match="unknown export format 'xml' \\(use graphml or gexf\\)"):
        export_bytes(partnership_graph(small), "xml")


def _edge(relation: str, certainty: str, goldstein: float | None = None) -> dict:
    rank = {"stated": 4, "planned": 3, "speculative": 2, "inferred": 1}[certainty]
    return {"predicate": SPACE + relation, "relation": relation, "certainty": certainty, "rank": rank,
            "goldstein": goldstein, "point_in_time": None, "start_time": None, "end_time": None, "source_date": None}


def test_signed_graph_when_a_pair_is_both_partner_and_rival():
    G = nx.MultiDiGraph()
    G.add_nodes_from("abc", actor=True)
    # a-b: partnership 6.0 versus rivalry |-2| + |-2| = 4: partnership wins, both counts kept.
    G.add_edge("a", "b", key="p1", **_edge("partnerOf", "stated", 6.0))
    G.add_edge("a", "b", key="r1", **_edge("rivalOf", "inferred", -2.0))
    G.add_edge("b", "a", key="r2", **_edge("rivalOf", "stated", -2.0))
    # b-c: partnership 1.0 (no event type) versus rivalry |-4|: rivalry wins.
    G.add_edge("b", "c", key="p2", **_edge("partnerOf", "planned"))
    G.add_edge("c", "b", key="r3", **_edge("rivalOf", "speculative", -4.0))
    S = signed_graph(G)
    assert S["a"]["b"] == {
        "sign": 1, "weight": 6.0, "partnership_weight": 6.0, "rivalry_weight": 4.0, "partnership_count": 1,
        "rivalry_count": 2, "statements": ["p1", "r1", "r2"], "certainty": "stated", "rank": 4,
    }
    assert (S["b"]["c"]["sign"], S["b"]["c"]["weight"], S["b"]["c"]["certainty"]) == (-1, 4.0, "planned")
    # Stated only: a-b keeps one partnership and one rivalry (6 > 2); b-c goes.
    stated = signed_graph(G, min_certainty="stated")
    assert list(stated.edges(data="sign")) == [("a", "b", 1)]
    assert stated["a"]["b"]["rivalry_weight"] == 2.0


# --------------------------------------------------------------------------- export and results


def test_export_keeps_attributes(G, tmp_path):
    full = tmp_path / "full.graphml"
    full.write_bytes(export_bytes(G, "graphml"))
    back = nx.read_graphml(full, force_multigraph=True)
    assert back.number_of_nodes() == G.number_of_nodes() and back.number_of_edges() == G.number_of_edges()
    assert back.nodes[KG + "artemis-program"]["literals"] == json.dumps({"targetDate": ["2024"]})
    assert "wikidata" not in back.nodes[KG + "change-4"]  # None is left out
    [(_, _, data)] = [e for e in back.edges(data=True) if e[2]["statement"] == ST + "cnsa-rivalOf-nasa"]
    assert (data["certainty"], data["rank"], data["goldstein"], data["evidence_start"]) == ("inferred", 1, -2.0, 450)
    gexf = tmp_path / "signed.gexf"
    gexf.write_bytes(export_bytes(signed_graph(G), "gexf"))
    S = nx.read_gexf(gexf)
    assert S.edges[CNSA, NASA]["sign"] == -1
    assert json.loads(S.edges[CNSA, NASA]["statements"]) == [ST + "cnsa-rivalOf-nasa"]
    assert export_bytes(G, "gexf") == export_bytes(mirror_again(G), "gexf")


def mirror_again(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    H = nx.MultiDiGraph()
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from(G.edges(keys=True, data=True))
    return H


def test_results_to_rdf():
    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    g = results_to_rdf(
        blocs=[[ROSCOSMOS, CNSA], [NASA]], bloc_labels=["camp A", "camp B"],
        scores={"betweenness": {CNSA: 0.5, NASA: 0.0}}, method="test method", computed_at=when,
        as_of="2021-03", min_certainty="stated",
    )
    members = g.query("""
        PREFIX space: <https://w3id.org/spacekg/ontology#> PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?label ?m WHERE { ?b a space:Bloc ; rdfs:label ?label ; org:hasMember ?m } ORDER BY ?label ?m""")
    assert [(str(label), str(m)) for label, m in members] == [("camp A", CNSA), ("camp A", ROSCOSMOS), ("camp B", NASA)]
    scores = g.query("""
        PREFIX space: <https://w3id.org/spacekg/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?actor ?value ?at ?method ?asof ?min WHERE {
          ?s a space:CentralityScore ; space:scoreOf ?actor ; space:measure "betweenness" ;
             space:scoreValue ?value ; prov:generatedAtTime ?at ; prov:wasGeneratedBy ?run .
          ?run rdfs:comment ?method ; space:asOf ?asof ; space:minCertainty ?min } ORDER BY ?actor""")
    assert [tuple(r) for r in scores] == [
        (URIRef(actor), Literal(value), Literal("2026-01-02T03:04:05+00:00", datatype=URIRef(
            "http://www.w3.org/2001/XMLSchema#dateTime")), Literal("test method", lang="en"),
         Literal("2021-03", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYearMonth")), URIRef(SPACE + "Stated"))
        for actor, value in ((CNSA, 0.5), (NASA, 0.0))
    ]
    ontology = Graph().parse(paths.ontology_file())
    assert undeclared_terms(g, ontology) == set()
