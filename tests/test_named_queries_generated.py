"""Named queries on a generated graph of a few thousand statements agree with the mirror.

The seed graph has one rivalry and one landing; the benchmark's generator (``scripts/bench_data.py``)
gives hundreds, at every certainty, with start, end and target dates. The named queries are written
for Oxigraph's query plans (sub-selects it hash-joins, a row's own certainty level read once); these
tests check that such rewrites keep the answers: the rows each query gives are the statements the
mirror (:mod:`graph.mirror`, read with other queries) says answer it, under the date rule of
:func:`graph.mirror.filters.holds` (a planned or speculative statement holds from its source's date).
"""

from __future__ import annotations

import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from graph.mirror import mirror
from graph.mirror.filters import holds
from graph.namespaces import SPACE
from graph.query import named_queries, parse_term, run

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from bench_data import generate  # noqa: E402


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[ox.Store, nx.MultiDiGraph, dict]:
    meta = generate(60_000, tmp_path_factory.mktemp("generated") / "g.nq", seed=5)
    store = ox.Store()
    store.bulk_load(path=meta["nquads"], format=ox.RdfFormat.N_QUADS)
    return store, mirror(store), meta


def _rows(store: ox.Store, name: str, **params: str) -> list[tuple]:
    bindings = {key.replace("-", "_"): parse_term(value) for key, value in params.items()}
    results = run(store, named_queries()[name].text, bindings=bindings, source=name)
    return [tuple(None if term is None else term.value for term in solution) for solution in results]


@pytest.mark.parametrize("as_of", [None, "2008-06-01", "2016-01-01", "2022-03-15", "2031-01-01"])
def test_rivals_of_gives_the_rivalries_that_hold(generated, as_of):
    store, G, meta = generated
    agency = meta["params"]["agency"]
    params = {"agency": agency} | ({"as-of": as_of} if as_of else {})
    rows = _rows(store, "rivals-of", **params)
    expected = set()
    for u, v, attrs in G.edges(data=True):
        if attrs["predicate"] == SPACE + "rivalOf" and agency in (u, v) and u != v and holds(attrs, as_of):
            expected.add((v if u == agency else u, attrs["certainty"], attrs["source"], attrs["evidence"]))
    assert len(expected) > 5  # the generated graph gives the benchmark's agency rivals at every date tried
    assert {(rival, certainty, source, evidence) for rival, certainty, _, _, source, evidence in rows} == expected
    planned = {r for r in expected if r[1] in ("planned", "speculative")}
    assert planned or as_of is None  # the rule for target dates is exercised


def test_landed_on_gives_every_landing_on_the_place_or_its_regions(generated):
    store, G, meta = generated
    place = meta["params"]["place"]
    # the place's regions as the catalog says (plain triples, not statements: not in the mirror's edges)
    regions = {solution[0].value for solution in store.query(
        f"SELECT ?w WHERE {{ ?w <{SPACE}partOf>* <{place}> }}", use_default_graph_as_union=True)}
    rows = _rows(store, "landed-on", place=place)
    expected = {(u, v, attrs["point_in_time"], attrs["certainty"], attrs["evidence"])
                for u, v, attrs in G.edges(data=True) if attrs["predicate"] == SPACE + "landedOn" and v in regions}
    assert len(expected) > 5
    assert set(rows) == expected
    assert rows == sorted(rows, key=lambda r: (r[2] is not None, r[2] or "", r[0], r[1], r[3], r[4]))


def test_entities_of_class_names_each_entity_of_the_class(generated):
    store, G, meta = generated
    rows = _rows(store, "entities-of-class", **{"class": meta["params"]["class"]})
    expected = {(node, data["label"]) for node, data in G.nodes(data=True) if data["type"] == "SpaceAgency"}
    assert len(expected) > 5
    assert set(rows) == expected
    assert rows == sorted(rows)
