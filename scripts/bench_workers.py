"""The steps of the benchmark (``scripts/bench.py``), one a process: ``python bench_workers.py STEP ARGS...``.

Each step prints one line of JSON with its timings and its peak memory (``ru_maxrss``), so that
the memory measured is the step's own.
"""

from __future__ import annotations

import json
import resource
import shutil
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

PROJECTIONS = ("partnership", "rivalry", "signed", "membership")


def _rss_mb() -> float:
    """This process's peak resident memory in MB (``ru_maxrss`` is in KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _emit(payload: dict) -> None:
    payload["rss_mb"] = round(_rss_mb(), 1)
    print(json.dumps(payload), flush=True)


def worker_load_project(nq: str, build: str) -> None:
    from graph.store import load_file

    shutil.rmtree(build, ignore_errors=True)
    start = time.perf_counter()
    load_file(Path(nq), Path(build))
    _emit({"seconds": time.perf_counter() - start})


def worker_load_oxigraph(nq: str, folder: str) -> None:
    import pyoxigraph as ox

    shutil.rmtree(folder, ignore_errors=True)
    start = time.perf_counter()
    store = ox.Store(folder)
    store.bulk_load(path=nq, format=ox.RdfFormat.N_QUADS)
    store.flush()
    seconds = time.perf_counter() - start
    _emit({"seconds": seconds, "quads": len(store)})


def worker_load_rdflib(nq: str) -> None:
    import rdflib

    start = time.perf_counter()
    ds = rdflib.Dataset()
    ds.parse(nq, format="nquads")
    seconds = time.perf_counter() - start
    _emit({"seconds": seconds, "quads": len(ds)})


def worker_queries_oxigraph(build: str, texts_file: str, repeat: str) -> None:
    """Each named query: ``graph.query.run`` (embedded) and raw ``Store.query``, interleaved."""
    import pyoxigraph as ox

    from graph.query import run
    from graph.store import open_store, store_path

    texts = json.loads(Path(texts_file).read_text(encoding="utf-8"))
    store = open_store(Path(build))
    raw_store = ox.Store.read_only(str(store_path(Path(build))))
    out = {}
    for name, item in texts.items():
        bindings = {k: _term(v) for k, v in item["bindings"].items()}
        timed = {"embedded": [], "raw": []}
        calls = {
            "embedded": lambda item=item, bindings=bindings, name=name: sum(
                1 for _ in run(store, item["text"], bindings=bindings, source=name)),
            "raw": lambda item=item: sum(1 for _ in raw_store.query(item["raw"], use_default_graph_as_union=True)),
        }
        rows = (calls["embedded"](), calls["raw"]())  # a round that warms the caches, not counted
        # Rounds alternate which engine goes first, so that neither always meets the colder cache.
        for r in range(2 * int(repeat)):
            for engine in ("embedded", "raw") if r % 2 == 0 else ("raw", "embedded"):
                start = time.perf_counter()
                calls[engine]()
                timed[engine].append(time.perf_counter() - start)
        embedded, raw = timed["embedded"], timed["raw"]
        out[name] = {"embedded": statistics.median(embedded), "raw": statistics.median(raw),
                     "rows": rows[0], "raw_rows": rows[1]}
    _emit({"queries": out})


def worker_queries_memory(build: str, texts_file: str, repeat: str) -> None:
    """Each named query with ``graph.query.run`` on the copy in memory that ``spacekg serve``'s workers
    answer from (:func:`graph.store.memory_copy` of the build), after the copying, timed with its peak memory."""
    from graph.query import run
    from graph.store import memory_copy

    texts = json.loads(Path(texts_file).read_text(encoding="utf-8"))
    start = time.perf_counter()
    store = memory_copy(Path(build))
    out = {"load": time.perf_counter() - start, "load_rss_mb": round(_rss_mb(), 1), "quads": len(store),
           "queries": {}}
    for name, item in texts.items():
        bindings = {k: _term(v) for k, v in item["bindings"].items()}

        def call(item=item, bindings=bindings, name=name) -> int:
            return sum(1 for _ in run(store, item["text"], bindings=bindings, source=name))

        rows = call()  # warms the caches, not counted
        timed = []
        for _ in range(int(repeat)):
            start = time.perf_counter()
            call()
            timed.append(time.perf_counter() - start)
        out["queries"][name] = {"seconds": statistics.median(timed), "rows": rows}
    _emit(out)


def _term(value: str):
    from graph.query import parse_term

    return parse_term(value)


def worker_queries_rdflib(nq: str, texts_file: str, names: str) -> None:
    """Load into rdflib's memory store, then run the queries in order, one JSON line each."""
    import rdflib

    texts = json.loads(Path(texts_file).read_text(encoding="utf-8"))
    start = time.perf_counter()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(nq, format="nquads")
    _emit({"loaded": time.perf_counter() - start})
    for name in names.split(","):
        start = time.perf_counter()
        rows = len(list(ds.query(texts[name]["raw"])))
        _emit({"query": name, "seconds": time.perf_counter() - start, "rows": rows})


def worker_mirror_project(build: str) -> None:
    import networkx  # noqa: F401  (imported before the clock starts, as in the baseline)

    from graph import analysis
    from graph.mirror import cached_mirror, mirror, partnership_graph, project, signed_graph
    from graph.store import open_store

    store = open_store(Path(build))
    start = time.perf_counter()
    G = mirror(store)
    result = {"mirror": time.perf_counter() - start, "nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
    result["mirror_rss_mb"] = round(_rss_mb(), 1)
    # The mirror kept in the build folder: written by the first call, loaded by the next ones.
    start = time.perf_counter()
    cached_mirror(store)
    result["mirror_cache_write"] = time.perf_counter() - start
    start = time.perf_counter()
    cached = cached_mirror(store)
    result["mirror_cached"] = time.perf_counter() - start
    result["mirror_cached_edges"] = cached.number_of_edges()
    projections = {}
    for name in PROJECTIONS:
        start = time.perf_counter()
        P = project(G, name)
        projections[name] = {"seconds": time.perf_counter() - start, "nodes": P.number_of_nodes(),
                             "edges": P.number_of_edges()}
    result["projections"] = projections
    P = partnership_graph(G)
    S = signed_graph(G)
    steps = {}
    for label, call in (("communities", lambda: analysis.communities(P)), ("two_camps", lambda: analysis.two_camps(S)),
                        ("centrality", lambda: analysis.centrality(P)), ("balance", lambda: analysis.balance(S))):
        start = time.perf_counter()
        call()
        steps[label] = time.perf_counter() - start
    result["analysis"] = steps
    result["actor_graph"] = {"nodes": P.number_of_nodes(), "edges": P.number_of_edges(),
                             "signed_nodes": S.number_of_nodes(), "signed_edges": S.number_of_edges()}
    _emit(result)


def worker_mirror_rdflib(nt: str) -> None:
    import networkx  # noqa: F401
    import rdflib
    from rdflib.extras.external_graph_libs import rdflib_to_networkx_multidigraph

    g = rdflib.Graph()
    g.parse(nt, format="nt")
    start = time.perf_counter()
    G = rdflib_to_networkx_multidigraph(g)
    _emit({"seconds": time.perf_counter() - start, "nodes": G.number_of_nodes(), "edges": G.number_of_edges()})


def worker_extraction(folder: str) -> None:
    """Extraction over every ``*.txt`` article of a folder: model load, then the articles in turn."""
    started = time.perf_counter()
    from graph.extraction import extract
    from graph.extraction.nlp import pipeline
    from graph.text import read_article

    pipeline()
    loaded = time.perf_counter()
    articles = [read_article(p) for p in sorted(Path(folder).glob("*.txt"))]
    sentences = sum(len(a.sentences()) for a in articles)
    statements = sum(len(extract(a)) for a in articles)
    done = time.perf_counter()
    _emit({"load_s": loaded - started, "extract_s": done - loaded, "articles": len(articles), "sentences": sentences,
           "statements": statements, "rss_mb": _rss_mb()})


WORKERS = {
    "extraction": worker_extraction,
    "load-project": worker_load_project,
    "load-oxigraph": worker_load_oxigraph,
    "load-rdflib": worker_load_rdflib,
    "queries-oxigraph": worker_queries_oxigraph,
    "queries-memory": worker_queries_memory,
    "queries-rdflib": worker_queries_rdflib,
    "mirror-project": worker_mirror_project,
    "mirror-rdflib": worker_mirror_rdflib,
}


if __name__ == "__main__":
    WORKERS[sys.argv[1]](*sys.argv[2:])
