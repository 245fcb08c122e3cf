"""The benchmark's generator, its harness at a tiny size, and the store's bulk loader.

No timing is asserted: the harness is run at ~1k triples to check that it measures every
target and writes the JSON it promises.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.errors import InputSyntaxError, OutputError
from graph.namespaces import CAMEO_GRAPH, CATALOG_GRAPH, ONTOLOGY_GRAPH, SPACE
from graph.query import named_queries, run
from graph.store import load_file, open_store, store_path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from bench_data import generate, parse_size  # noqa: E402

TINY = 2000
# The harness's own graph: every step runs on it once, rdflib's queries included (in about half their time at
# TINY)
HARNESS_SIZE = 1000


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return generate(TINY, tmp_path_factory.mktemp("bench") / "tiny.nq", seed=3)


@pytest.fixture(scope="module")
def tiny_store(tiny: dict, tmp_path_factory: pytest.TempPathFactory):
    build = tmp_path_factory.mktemp("tiny-build")
    load_file(Path(tiny["nquads"]), build)
    return open_store(build)


def count(store, text: str) -> int:
    return int(next(iter(run(store, text)))["n"].value)


def test_parse_size() -> None:
    assert [parse_size(s) for s in ("10k", "100K", "1m", "2500", "1.5k")] == [10_000, 100_000, 1_000_000, 2500, 1500]


def test_generator_is_seeded(tiny: dict, tmp_path: Path) -> None:
    again = generate(TINY, tmp_path / "again.nq", seed=3)
    other = generate(TINY, tmp_path / "other.nq", seed=4)
    first = Path(tiny["nquads"]).read_bytes()
    assert Path(again["nquads"]).read_bytes() == first
    assert Path(other["nquads"]).read_bytes() != first
    assert tiny["triples"] >= TINY
    # the N-Triples copy holds the same triples, line for line, without graph names
    assert len(Path(tiny["ntriples"]).read_text(encoding="utf-8").splitlines()) == tiny["triples"]


def test_generated_graph_has_the_build_shape(tiny: dict, tiny_store) -> None:
    store = tiny_store
    graphs = {q.graph_name.value for q in store.quads_for_pattern(None, None, None, None)}
    assert {ONTOLOGY_GRAPH, CAMEO_GRAPH, CATALOG_GRAPH} <= graphs
    statements = count(store, "SELECT (COUNT(?st) AS ?n) { ?st a :Statement }")
    assert statements == tiny["statements"]
    # every statement has its provenance, certainty and evidence, in the graph of its source,
    # beside its plain triple
    complete = count(store, """SELECT (COUNT(?st) AS ?n) WHERE { GRAPH ?src {
        ?st a :Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?src ;
            :certainty ?c ; :evidence ?ev ; :evidenceStart ?es ; :evidenceEnd ?ee .
        ?s ?p ?o . ?src a :SourceArticle ; dcterms:issued ?issued }
        ?c :certaintyRank ?rank }""")
    assert complete == statements
    # partnerships and rivalries carry a CAMEO event type that the cameo graph defines
    relations = count(store, "SELECT (COUNT(?st) AS ?n) { ?st rdf:predicate ?p VALUES ?p { :partnerOf :rivalOf } }")
    typed = count(store, """SELECT (COUNT(?st) AS ?n) { ?st rdf:predicate ?p VALUES ?p { :partnerOf :rivalOf }
        ?st :eventType ?et . ?et :goldstein ?g }""")
    assert relations > 0 and typed == relations
    # times come with their precision
    timed = count(store, "SELECT (COUNT(?st) AS ?n) { ?st :pointInTime|:startTime ?t }")
    precise = count(store, "SELECT (COUNT(DISTINCT ?st) AS ?n) { ?st :pointInTime|:startTime ?t ; :timePrecision ?u }")
    assert timed > 0 and precise == timed
    # the entities bound to the named queries' parameters exist, with a label, in the catalog
    for name in ("agency", "actor", "entity", "place", "subject", "object"):
        iri = tiny["params"][name]
        assert count(store, f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{CATALOG_GRAPH}> {{ <{iri}> rdfs:label ?l }} }}") == 1


def test_generated_graph_answers_every_parameterised_query(tiny: dict, tiny_store) -> None:
    from graph.query import parse_term

    answered = {}
    for name, nq in named_queries().items():
        bindings = {p: parse_term(tiny["params"][p]) for p in nq.required}
        answered[name] = sum(1 for _ in run(tiny_store, nq.text, bindings=bindings))
    # the queries about the hub agency find rows, so the benchmark measures real work
    assert answered["partners-of"] > 0 and answered["sources-mentioning"] > 0 and answered["evidence"] > 0


def test_load_file_swaps_the_store_atomically(tiny: dict, tmp_path: Path) -> None:
    build = tmp_path / "build"
    load_file(Path(tiny["nquads"]), build)
    first = store_path(build).resolve()
    (build / "spacekg.trig").write_text("stale", encoding="utf-8")
    load_file(Path(tiny["nquads"]), build)
    second = store_path(build).resolve()
    assert second != first and not first.exists()  # the old store is gone, the link points to the new one
    assert not (build / "spacekg.trig").exists()  # no stale TriG beside a different store
    store = open_store(build)
    assert count(store, "SELECT (COUNT(?st) AS ?n) { ?st a :Statement }") == tiny["statements"]
    assert ox.NamedNode(SPACE + "Statement") in {q.object for q in store.quads_for_pattern(None, None, None, None)}


def test_load_in_chunks_gives_the_store_of_one_bulk_load(tiny: dict, tmp_path: Path, monkeypatch) -> None:
    import graph.store

    whole = ox.Store(str(tmp_path / "whole"))
    whole.bulk_load(path=tiny["nquads"], format=ox.RdfFormat.N_QUADS)
    monkeypatch.setattr(graph.store, "CHUNK_QUADS", 97)  # dozens of chunks, blank nodes split across them
    load_file(Path(tiny["nquads"]), tmp_path / "build")
    chunked = open_store(tmp_path / "build")

    def shape(store) -> tuple[set, list, int]:
        """Quads without blank nodes; the others with their blank nodes blanked out, sorted; blank nodes."""
        named, blank, blanks = set(), [], set()
        for q in store:
            terms = (q.subject, q.predicate, q.object, q.graph_name)
            if any(isinstance(t, ox.BlankNode) for t in terms):
                blanks.update(t.value for t in terms if isinstance(t, ox.BlankNode))
                blank.append(tuple("_" if isinstance(t, ox.BlankNode) else str(t) for t in terms))
            else:
                named.add(q)
        return named, sorted(blank), len(blanks)

    assert len(chunked) == len(whole) > 97 * 10
    named, blank, blanks = shape(chunked)
    assert (named, blank, blanks) == shape(whole) and blanks > 1


def test_load_file_refuses_bad_input_and_keeps_the_previous_store(tiny: dict, tmp_path: Path) -> None:
    build = tmp_path / "build"
    load_file(Path(tiny["nquads"]), build)
    before = store_path(build).resolve()
    broken = tmp_path / "broken.nq"
    broken.write_text("<http://e/a> <http://e/b> .\n", encoding="utf-8")
    with pytest.raises(InputSyntaxError):
        load_file(broken, build)
    with pytest.raises(OutputError):
        load_file(tmp_path / "graph.ttl", build)
    with pytest.raises(OutputError):
        load_file(tmp_path / "missing.nq", build)
    assert store_path(build).resolve() == before
    # nothing half-made is left: the one build folder is the current one
    assert [p.name for p in (build / "builds").iterdir()] == [before.parent.name]


@pytest.mark.slow  # about 10 s: the whole harness, its timed subprocesses included (0.3 s of serving per client count)
def test_benchmark_harness_measures_every_target(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "tiny.json"
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("date: 2024-05-01\n\nNASA and ESA signed an agreement on the Gateway.\n")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py"), "--size", str(HARNESS_SIZE), "--repeat", "1",
         "--startup-runs", "1", "--map-actors", "12", "--map-size", str(HARNESS_SIZE),
         "--cache", str(tmp_path / "cache"), "--json", str(out), "--real-build", str(built),
         "--articles", str(articles), "--serve-seconds", "0.3", "--quiet"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["size"] == str(HARNESS_SIZE) and report["triples"] >= HARNESS_SIZE
    assert {"nproc", "cpu", "memory_gb", "versions"} <= set(report["machine"])
    assert {"pyoxigraph", "rdflib", "networkx", "python"} <= set(report["machine"]["versions"])
    rows = {r["id"]: r for r in report["rows"]}
    expected = {
        "load.vs_oxigraph", "load.vs_rdflib", "mirror.vs_rdflib", "analysis.blocs_centrality", "map.200_nodes",
        "startup.query_vs_import_rdflib", "memory.peak_loaded", "extraction.whole", "extraction.peak_memory",
        *(f"projection.{p}" for p in ("partnership", "rivalry", "signed", "membership")),
        *(f"query.{q}.{vs}" for q in named_queries() for vs in ("vs_oxigraph", "vs_rdflib", "memory_vs_rdflib")),
    }
    assert expected <= set(rows)
    for key in expected:
        r = rows[key]
        assert r["target"], key
        assert r["result"] in ("PASS", "MISS"), key  # every target was measured, not skipped
        assert isinstance(r["value"], float) and r["value"] > 0, key
    # spacekg serve's copy in memory was made, and answered every named query as the store on disk
    assert rows["query.memory_copy.load"]["value"] > 0 and rows["query.memory_copy.peak_memory"]["value"] > 0
    assert not [key for key, r in rows.items() if "the copy in memory gave" in r["note"]]
    # the cached mirror is the mirror, loaded from the build folder
    assert rows["mirror.cached"]["result"] in ("PASS", "MISS") and "edges" in rows["mirror.cached"]["what"]
    # a real spacekg serve answered the named queries of every client count
    for clients in (1, 8, 32):
        r = rows[f"serve.clients_{clients}"]
        assert r["unit"] == "/s" and r["value"] > 0 and "p50" in r["note"] and "failures" not in r["note"], clients
    assert [run["clients"] for run in report["raw"]["serve"]["runs"]] == [1, 8, 32]
    # the rdflib baseline answered every query (row counts may differ where a plain triple stands in
    # several source graphs: pyoxigraph 0.5's union default graph repeats it, rdflib's does not)
    for q in named_queries():
        assert rows[f"query.{q}.vs_rdflib"]["baseline"] is not None, q
    # the table printed is the JSON's
    assert "| measure | SpaceKG | baseline | ratio | target | result |" in done.stdout
    assert done.stdout.count("| query ") == 3 * len(named_queries())  # disk vs raw, vs rdflib; memory vs rdflib


def test_scale_rows_compare_each_step_with_the_earlier_run() -> None:
    from bench_scale import scale_rows

    def r(key: str, value: float, unit: str = "s") -> dict:
        return {"id": key, "unit": unit, "value": value}

    earlier = {"size": "1m", "triples": 1_000_000, "rows": [
        r("load.vs_oxigraph", 9.0), r("load.vs_rdflib", 9.0), r("mirror.vs_rdflib", 10.0),
        r("query.a.vs_oxigraph", 1.0), r("projection.signed", 0.5), r("memory.peak_loaded", 900.0, "MB"),
        r("startup.query_vs_import_rdflib", 0.1)]}
    rows = [r("load.vs_oxigraph", 99.0), r("mirror.project", 130.0), r("query.a.vs_oxigraph", 1.5),
            r("projection.signed", 5.0), r("memory.peak_loaded", 3000.0, "MB"),
            r("startup.query_vs_import_rdflib", 0.1)]
    queries = {"queries": {"a": {"rows": 10_000, "embedded": 1.5}, "b": {"rows": 10_001, "embedded": 9.0},
                           "c": {"rows": 3, "embedded": 2.5}}}
    scale_rows(rows, earlier, queries)
    added = {x["id"]: (round(x["ratio"], 2) if x["ratio"] else None, x["target"], x["result"]) for x in rows[6:]}
    assert added == {
        "scale.load": (11.0, "<= 12x", "PASS"), "scale.mirror": (13.0, "<= 12x", "MISS"),
        "scale.query.a": (1.5, "<= 12x", "PASS"), "scale.projection.signed": (10.0, "<= 12x", "PASS"),
        "scale.small_answer.a": (None, "< 2 s", "PASS"), "scale.small_answer.c": (None, "< 2 s", "MISS"),
    }
