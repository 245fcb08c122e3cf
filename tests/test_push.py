"""`spacekg push` all or nothing: temporary graphs first, then the swap; blank nodes skolemised.

The success paths run against a real Oxigraph server (see tests/test_remote.py); the failure in
the middle of a push runs against a real HTTP server that refuses the third request, so the test
can see every request the push sent.
"""

from __future__ import annotations

import json
import urllib.parse
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.push import GENID, STAGING, skolemise
from tests.test_remote import invoke, oxigraph  # noqa: F401 - the fixture
from tests.test_remote_limits import reply, serving

GRAPHS_QUERY = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def remote_graphs(base: str) -> dict[str, int]:
    result = invoke("query", "--endpoint", base + "/query", "--format", "json", GRAPHS_QUERY)
    assert result.exit_code == 0, result.output
    return {b["g"]["value"]: int(b["n"]["value"]) for b in json.loads(result.output)["results"]["bindings"]}


def local_graphs(store) -> dict[str, int]:
    return {g.value: len(list(store.quads_for_pattern(None, None, None, g))) for g in store.named_graphs()}


def remote_triples(base: str, graph: str) -> set[tuple[str, str, str]]:
    result = invoke("query", "--endpoint", base + "/query", "--format", "ntriples",
                    f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    assert result.exit_code == 0, result.output
    return {(str(t.subject), str(t.predicate), str(t.object)) for t in ox.parse(result.output.encode(),
                                                                              format=ox.RdfFormat.N_TRIPLES)}


def test_skolemise_names_blank_nodes():
    node = ox.BlankNode("b1")
    p = ox.NamedNode("http://e/p")
    assert skolemise([ox.Triple(node, p, node)]) == [
        ox.Triple(ox.NamedNode(GENID + "b1"), p, ox.NamedNode(GENID + "b1"))]


@pytest.mark.parametrize("mode", ["gsp", "update"])
def test_push_replaces_every_graph_and_leaves_no_temporary_graph(oxigraph, built, store, mode):  # noqa: F811
    ontology = "https://w3id.org/spacekg/ontology"
    args = ["/store"] if mode == "gsp" else ["/update", "--update"]
    stale = invoke("query", "--endpoint", oxigraph + "/query", "ASK {}")  # the server answers
    assert stale.exit_code == 0
    for _ in range(2):  # the second push replaces the first
        result = invoke("push", "--endpoint", oxigraph + args[0], *args[1:], "--build-dir", str(built))
        assert result.exit_code == 0, result.output
    assert remote_graphs(oxigraph) == local_graphs(store)  # no graph under STAGING is left
    expected = {(str(t.subject), str(t.predicate), str(t.object)) for t in skolemise(
        [q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(ontology))])}
    assert remote_triples(oxigraph, ontology) == expected
    assert any(GENID in s or GENID in o for s, _, o in expected)  # the ontology has blank nodes
    blank = invoke("query", "--endpoint", oxigraph + "/query",
                   "ASK { GRAPH ?g { ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) } }")
    assert blank.output == "false\n"


def refuse_third(handler) -> None:
    """Accept the first two requests, refuse the third (a store running out of space, say)."""
    refuse_third.count += 1
    if refuse_third.count == 3:
        reply(507, "text/plain", b"insufficient storage")(handler)
    else:
        reply(204, "text/plain", b"")(handler)


@pytest.mark.parametrize("mode", ["gsp", "update"])
def test_a_refused_graph_changes_no_graph_of_the_store(built: Path, mode: str):
    refuse_third.count = 0
    args = ["/store"] if mode == "gsp" else ["/update", "--update"]
    with serving(refuse_third) as (base, seen):
        result = invoke("push", "--endpoint", base + args[0], *args[1:], "--build-dir", str(built))
    assert result.exit_code == 10, result.output
    assert "(HTTP 507): insufficient storage; no graph of the store was changed" in result.output
    if mode == "gsp":
        graphs = [urllib.parse.parse_qs(urllib.parse.urlsplit(r["path"]).query)["graph"][0] for r in seen]
        assert [r["method"] for r in seen] == ["PUT", "PUT", "PUT", "DELETE", "DELETE", "DELETE"]
        assert graphs[:3] == graphs[3:] and all(g.startswith(STAGING) for g in graphs)  # only temporary graphs
    else:
        assert [r["method"] for r in seen] == ["POST"] * 6
        loads, drops = [r["body"] for r in seen[:3]], [r["body"] for r in seen[3:]]
        staged = [body.split("<", 1)[1].split(">", 1)[0] for body in loads]
        assert all(g.startswith(STAGING) for g in staged)
        assert all(f"INSERT DATA {{ GRAPH <{g}> {{" in body for g, body in zip(staged, loads, strict=True))
        assert drops == [f"DROP SILENT GRAPH <{g}>" for g in staged]  # and no MOVE onto a real graph
