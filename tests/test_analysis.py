"""Analysis: blocs, balance and centrality on hand-worked signed graphs; explain, timeline and names on the seed."""

from __future__ import annotations

import itertools
import math
import random

import networkx as nx
import pytest

import graph.analysis
import graph.mirror
from graph.analysis import (
    Camps,
    analyze,
    balance,
    centrality,
    communities,
    explain,
    explain_text,
    resolve,
    timeline,
    two_camps,
)
from graph.errors import UnknownEntityError
from graph.mirror import mirror, partnership_graph, signed_graph
from graph.namespaces import KG, STMT

CNSA, NASA, ROSCOSMOS = KG + "cnsa", KG + "nasa", KG + "roscosmos"
ST = STMT + "cnet-2021-ilrs."
RACE = "The race to expand research opportunities on the moon is heating up."


@pytest.fixture(scope="module")
def G(store) -> nx.MultiDiGraph:
    return mirror(store)


def signed(*edges: tuple[str, str, int]) -> nx.Graph:
    S = nx.Graph()
    for u, v, sign in edges:
        S.add_edge(u, v, sign=sign)
    return S


# --------------------------------------------------------------------------- balance and camps, by hand


def test_unbalanced_triangle():
    # a+b, b+c, a-c: the friend of my friend is my enemy -> the product of signs is negative.
    S = signed(("a", "b", 1), ("b", "c", 1), ("a", "c", -1))
    b = balance(S)
    assert (b.triangles, b.balanced, b.unbalanced, b.share) == (1, 0, [("a", "b", "c")], 0.0)
    # {abc} leaves a-c unbalanced, {ab|c} leaves b-c, {a|bc} leaves a-b (one each); {ac|b} leaves
    # all three. The first of the three best splits in node order (all in one camp) wins the tie.
    [camps] = two_camps(S)
    assert camps == Camps(["a", "b", "c"], [], [("a", "c", -1)], 3, True)


def test_two_blocs_are_balanced():
    # {a, b} partners, {c, d} partners, every cross pair rivals: the four triangles are all balanced.
    S = signed(("a", "b", 1), ("c", "d", 1), ("a", "c", -1), ("a", "d", -1), ("b", "c", -1), ("b", "d", -1))
    b = balance(S)
    assert (b.triangles, b.balanced, b.unbalanced, b.share) == (4, 4, [], 1.0)
    assert two_camps(S) == [Camps(["a", "b"], ["c", "d"], [], 6, True)]


def test_rivals_inside_a_camp():
    # As above but c and d are rivals: triangles acd and bcd become (-,-,-), unbalanced.
    # Best split {a,b} | {c,d} leaves only c-d unbalanced (1); {a,b,c} | {d} leaves a-c and b-c (2).
    S = signed(("a", "b", 1), ("c", "d", -1), ("a", "c", -1), ("a", "d", -1), ("b", "c", -1), ("b", "d", -1))
    b = balance(S)
    assert (b.triangles, b.balanced, b.unbalanced) == (4, 2, [("a", "c", "d"), ("b", "c", "d")])
    assert b.share == 0.5
    assert two_camps(S) == [Camps(["a", "b"], ["c", "d"], [("c", "d", -1)], 6, True)]
    # The local search used for large components finds the same split here.
    assert two_camps(S, exact_limit=0) == [Camps(["a", "b"], ["c", "d"], [("c", "d", -1)], 6, False)]


def test_components_are_split_separately_largest_first():
    S = signed(("x", "y", -1), ("a", "b", 1), ("b", "c", -1))
    assert two_camps(S) == [Camps(["a", "b"], ["c"], [], 2, True), Camps(["x"], ["y"], [], 1, True)]


def test_local_search_is_never_better_than_exact_and_is_a_local_optimum():
    rng = random.Random(7)
    for _ in range(20):
        nodes = [f"n{i}" for i in range(9)]
        S = nx.Graph()
        for u, v in itertools.combinations(nodes, 2):
            if rng.random() < 0.5:
                S.add_edge(u, v, sign=rng.choice((1, -1)))
        if not nx.is_connected(S):
            continue
        [exact] = two_camps(S)
        [local] = two_camps(S, exact_limit=0)
        assert len(exact.unbalanced) <= len(local.unbalanced)
        side = {v: 0 for v in local.camp_a} | {v: 1 for v in local.camp_b}
        for v in nodes:  # no single move lowers the count
            flipped = dict(side, **{v: 1 - side[v]})
            worse = sum((s > 0) == (flipped[a] != flipped[b]) for a, b, s in S.edges(data="sign"))
            assert worse >= len(local.unbalanced)


def test_no_triangles():
    assert balance(signed(("a", "b", 1))).share is None


# --------------------------------------------------------------------------- centrality and communities, by hand


def test_centrality_of_a_star():
    # Centre s with four leaves: degree 4/4 = 1 and 1/4; s lies on all C(4,2) = 6 leaf-leaf paths,
    # normalised by (n-1)(n-2)/2 = 6 -> 1.0; the leading eigenvector is (2, 1, 1, 1, 1) / sqrt(8).
    c = centrality(nx.star_graph(["s", "w", "x", "y", "z"]))
    assert c.scores["degree"] == {"s": 1.0, "w": 0.25, "x": 0.25, "y": 0.25, "z": 0.25}
    assert c.scores["betweenness"] == {"s": 1.0, "w": 0.0, "x": 0.0, "y": 0.0, "z": 0.0}
    assert c.scores["eigenvector"]["s"] == pytest.approx(2 / math.sqrt(8), abs=1e-5)
    assert c.scores["eigenvector"]["w"] == pytest.approx(1 / math.sqrt(8), abs=1e-5)
    assert c.notes == []
    assert c.top(2) == ["s", "w"]


def test_centrality_of_tiny_and_disconnected_graphs():
    empty = centrality(nx.Graph())
    assert empty.scores == {"degree": {}, "betweenness": {}, "eigenvector": {}}
    lonely = nx.Graph()
    lonely.add_nodes_from(["a", "b"])
    c = centrality(lonely)
    assert c.scores["eigenvector"] == {"a": 0.0, "b": 0.0}
    assert c.notes == ["no edges: eigenvector centrality is 0 for every node"]
    pair = centrality(nx.Graph([("a", "b")]))
    assert pair.scores["eigenvector"] == pytest.approx({"a": 1 / math.sqrt(2), "b": 1 / math.sqrt(2)})
    # A triangle and a separate edge: the triangle's eigenvalue (2) wins, the edge tends to 0.
    two = centrality(nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y")]))
    assert two.scores["eigenvector"]["x"] == pytest.approx(0.0, abs=1e-3)
    assert two.scores["eigenvector"]["a"] == pytest.approx(1 / math.sqrt(3), abs=1e-3)
    assert any("2 components" in note for note in two.notes)


def test_eigenvector_falls_back_to_degree_when_it_does_not_converge(monkeypatch):
    def fail(*args, **kwargs):
        raise nx.PowerIterationFailedConvergence(1000)

    monkeypatch.setattr(nx, "eigenvector_centrality", fail)
    c = centrality(nx.path_graph(["a", "b", "c"]))
    assert c.scores["eigenvector"] == {"a": 0.5, "b": 1.0, "c": 0.5}
    assert c.notes == ["eigenvector centrality did not converge: degree centrality stands in"]


def test_communities_of_two_triangles_and_a_bridge():
    P = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")])
    assert communities(P) == [["a", "b", "c"], ["x", "y", "z"]]
    assert communities(nx.Graph()) == []


# --------------------------------------------------------------------------- the seed graph


def test_seed_blocs(G):
    assert two_camps(signed_graph(G)) == [Camps([CNSA, ROSCOSMOS], [NASA], [], 3, True)]
    assert communities(partnership_graph(G)) == [[CNSA, ROSCOSMOS]]
    result = analyze(G)
    assert (result.camps[0].camp_a, result.camps[0].camp_b) == ([CNSA, ROSCOSMOS], [NASA])
    assert (result.balance.triangles, result.balance.balanced) == (1, 1)
    assert result.top == [CNSA, ROSCOSMOS]
    assert result.centrality.scores["eigenvector"][CNSA] == pytest.approx(1 / math.sqrt(2))
    # Stated only: the rivalries are inferred, so NASA drops out of the signed graph.
    stated = analyze(G, min_certainty="stated")
    assert [(c.camp_a, c.camp_b) for c in stated.camps] == [([CNSA, ROSCOSMOS], [])]


def test_seed_analysis_as_rdf_is_queryable(G):
    g = analyze(G).to_rdf()
    rows = g.query("""PREFIX space: <https://w3id.org/spacekg/ontology#> PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?label ?m WHERE { ?b a space:Bloc ; rdfs:label ?label ; org:hasMember ?m } ORDER BY ?label ?m""")
    assert [(str(label), str(m)) for label, m in rows] == [
        ("camp A of signed component 1", CNSA), ("camp A of signed component 1", ROSCOSMOS),
        ("camp B of signed component 1", NASA),
        ("partnership community 1", CNSA), ("partnership community 1", ROSCOSMOS),
    ]


def test_explain_cnsa_nasa(G):
    [chain] = explain(G, CNSA, NASA)
    [step] = chain.steps
    assert (step.subject, step.relation, step.object, step.certainty) == (CNSA, "rivalOf", NASA, "inferred")
    assert (step.evidence, step.statement, step.time) == (RACE, ST + "cnsa-rivalOf-nasa", "2021-03")
    # Stated only: the rivalry goes; CNSA partners Roscosmos, on which NASA depends.
    [stated] = explain(G, CNSA, NASA, min_certainty="stated")
    assert stated.nodes == [CNSA, ROSCOSMOS, NASA]
    assert [s.statement for s in stated.steps] == [ST + "cnsa-partnerOf-roscosmos", ST + "nasa-dependsOn-roscosmos"]
    assert explain(G, CNSA, NASA, min_certainty="stated", as_of="2021-02") == []
    text = explain_text(G, CNSA, NASA, min_certainty="stated")
    assert RACE not in text
    assert text.startswith("1 chain of 2 steps links CNSA and NASA with certainty >= stated at any date:\n")
    assert "left out by the filters (with certainty >= stated): CNSA rivalOf NASA [inferred, 2021-03]" in text
    assert explain_text(G, CNSA, NASA, min_certainty="stated", as_of="2021-02").startswith(
        "no chain links CNSA and NASA with certainty >= stated as of 2021-02\n"
    )


def test_explain_lists_one_chain_per_statement_surest_first():
    G = nx.MultiDiGraph()
    base = {"point_in_time": None, "start_time": None, "end_time": None, "source_date": None, "evidence": "e"}
    G.add_edge("a", "b", key="s2", relation="partnerOf", certainty="inferred", rank=1, **base)
    G.add_edge("b", "a", key="s1", relation="partnerOf", certainty="stated", rank=4, **base)
    G.add_edge("b", "c", key="s3", relation="operates", certainty="planned", rank=3, **base)
    chains = explain(G, "a", "c")
    assert [[s.statement for s in c.steps] for c in chains] == [["s1", "s3"], ["s2", "s3"]]
    assert [c.weakest for c in chains] == ["planned", "inferred"]
    assert [[(s.subject, s.object) for s in c.steps] for c in chains] == [
        [("b", "a"), ("b", "c")], [("a", "b"), ("b", "c")],
    ]


def test_timeline(G):
    events = timeline(G)
    assert [e.date for e in events] == sorted(e.date for e in events)
    assert (events[0].date, events[0].relation) == ("2019-01-01", "landedOn")
    assert [(e.relation, e.object) for e in events if e.date == "2024-01-01"] == [
        ("targetDate", "2024"), ("plansMission", KG + "artemis-program"),
    ]
    nasa = timeline(G, entity=NASA, min_certainty="stated")
    assert [(e.subject, e.relation, e.object) for e in nasa] == [(NASA, "dependsOn", ROSCOSMOS)]
    assert [e.relation for e in timeline(G, as_of="2019-06")] == ["landedOn", "operates"]


@pytest.mark.parametrize(
    ("name", "iri"),
    [("CNSA", CNSA), ("cnsa", CNSA), ("kg:cnsa", CNSA), (CNSA, CNSA), ("china national space administration", CNSA),
     ("Russian space agency", ROSCOSMOS), ("ROSCOSMOS", ROSCOSMOS), ("  us space agency ", NASA)],
)
def test_resolve(G, store, name, iri):
    assert resolve(G, name) == iri
    assert resolve(store, name) == iri


def test_resolve_unknown_names_the_closest(G, store):
    for source in (G, store):
        closest = r"unknown entity 'Roscosmo' \(closest: Roscosmos \(kg:roscosmos\)"
        with pytest.raises(UnknownEntityError, match=closest):
            resolve(source, "Roscosmo")
    with pytest.raises(UnknownEntityError) as info:
        resolve(G, "no such thing at all")
    assert info.value.exit_code == 4 and "closest" not in str(info.value)


def test_signatories_of_one_accord_form_a_camp_against_a_rival_pair():
    """a, b, c sign the accords; d and e are partners; a and d race each other. Worked by hand:
    the ties through the accords are positive (a-b, a-c, b-c), d-e positive, a-d negative, so
    {a, b, c} versus {d, e} leaves no edge unbalanced."""
    G = nx.MultiDiGraph()
    for actor in "abcde":
        G.add_node(actor, actor=True, label=actor)
    G.add_node("accords", actor=False, label="accords")

    def state(u, v, key, relation, goldstein):
        G.add_edge(u, v, key=key, predicate=graph.mirror.SPACE + relation, relation=relation, certainty="stated",
                   rank=4, goldstein=goldstein, point_in_time=None, start_time=None, end_time=None, source_date=None)

    for actor in "abc":
        state(actor, "accords", f"sign-{actor}", "signedAgreement", 8.0)
    state("d", "e", "de", "partnerOf", 6.0)
    state("a", "d", "ad", "rivalOf", -2.0)
    (camps,) = two_camps(signed_graph(G))
    assert (camps.camp_a, camps.camp_b, camps.unbalanced) == (["a", "b", "c"], ["d", "e"], [])
    P = partnership_graph(G, through_joint_membership=False)
    assert sorted(P.edges()) == [("d", "e")]
