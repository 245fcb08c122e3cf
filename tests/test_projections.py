"""Projections on a generated graph of a few thousand statements: one walk of the mirror serves
several relation groups, and the garbage collector is left as it was found.

The benchmark's generator (``scripts/bench_data.py``) gives crowded agreements (rings), hubs,
pairs that are both partners and rivals, and every certainty, which the seed graph has not.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from graph.errors import UsageError
from graph.mirror import mirror, partnership_graph, project, rivalry_graph, signed_graph
from graph.mirror.projections import JOINING_RELATIONS, JOINT_CLIQUE_LIMIT
from graph.namespaces import SPACE

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from bench_data import generate  # noqa: E402


@pytest.fixture(scope="module")
def G(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    meta = generate(60_000, tmp_path_factory.mktemp("projections") / "g.nq", seed=11)
    store = ox.Store()
    store.bulk_load(path=meta["nquads"], format=ox.RdfFormat.N_QUADS)
    return mirror(store)


def _edges(H: nx.Graph) -> dict[tuple[str, str], dict]:
    return {(u, v) if u < v else (v, u): data for u, v, data in H.edges(data=True)}


@pytest.mark.parametrize("cut", [{}, {"as_of": "2015-06"}, {"min_certainty": "planned"}])
def test_signed_graph_is_the_partnership_and_rivalry_graphs_side_by_side(G, cut):
    P, R, S = _edges(partnership_graph(G, **cut)), _edges(rivalry_graph(G, **cut)), _edges(signed_graph(G, **cut))
    assert S.keys() == P.keys() | R.keys()
    assert P.keys() & R.keys()  # the generated graph has contested pairs
    for pair, s in S.items():
        p, r = P.get(pair), R.get(pair)
        assert s["partnership_weight"] == (p["weight"] if p else 0.0)
        assert s["rivalry_weight"] == (r["weight"] if r else 0.0)
        assert (s["partnership_count"], s["rivalry_count"]) == (p["count"] if p else 0, r["count"] if r else 0)
        assert s["statements"] == sorted({*(p["statements"] if p else []), *(r["statements"] if r else [])})
        assert s["sign"] == (1 if p and (not r or p["weight"] > r["weight"]) else -1)


def test_ties_through_crowded_agreements_go_through_what_both_joined(G):
    joined: dict[str, set[str]] = {}  # actor -> what it signed, joined or takes part in
    for u, v, predicate in G.edges(data="predicate"):
        if predicate in JOINING_RELATIONS:
            joined.setdefault(u, set()).add(v)
    crowds: dict[str, int] = {}
    for things in joined.values():
        for thing in things:
            crowds[thing] = crowds.get(thing, 0) + 1
    assert max(crowds.values()) > JOINT_CLIQUE_LIMIT  # rings, not only cliques
    through = 0
    for a, b, data in partnership_graph(G).edges(data=True):
        assert data["statements"] == sorted(set(data["statements"]))
        assert data["via"] == sorted(set(data["via"]))
        for thing in data["via"]:
            if thing != SPACE + "basedIn":
                assert thing in joined[a] and thing in joined[b]
                through += 1
    assert through > 1000


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("name", ["partnership", "rivalry", "signed", "membership", "full"])
def test_projections_leave_the_garbage_collector_as_they_found_it(G, name, enabled):
    (gc.enable if enabled else gc.disable)()
    try:
        project(G, name)
        assert gc.isenabled() is enabled
        with pytest.raises(UsageError, match="not a date"):
            project(G, name, as_of="2021-13")
        assert gc.isenabled() is enabled
    finally:
        gc.enable()
