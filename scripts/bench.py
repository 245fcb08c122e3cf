"""SpaceKG's benchmark: the project against its baselines, side by side, in one run.

Generates a seeded synthetic graph (``scripts/bench_data.py``) of the requested size, then
measures, each step in a fresh subprocess so that its peak memory (``ru_maxrss``) is its own:

- **load**: :func:`graph.store.load_file` vs pyoxigraph's own ``Store.bulk_load`` of the same
  N-Quads file vs rdflib's memory store (``Dataset().parse``);
- **every named query** of ``ontology/queries``: :func:`graph.query.run` on the persisted store
  (embedded, as ``spacekg query`` answers) vs raw ``pyoxigraph.Store.query`` (same text, union
  default graph) vs rdflib's memory store, capped at ``--rdflib-timeout`` seconds per query (the
  worker is killed); and :func:`graph.query.run` on the copy in memory that ``spacekg serve``'s
  workers answer from (:func:`graph.store.memory_copy`, its copying timed with its peak memory)
  vs rdflib's memory store;
- **the mirror** (:func:`graph.mirror.mirror`, with statement attributes) vs rdflib's
  ``rdflib_to_networkx_multidigraph`` of the same triples, each projection, and the analysis
  (Louvain blocs, two camps, centrality) on the actor projections;
- **a 200-node map**, whole process: ``spacekg render partnerships`` on a generated build;
- **start-up**: ``spacekg query`` on the real graph vs ``python -c "import rdflib"``, whole
  process, median of ``--startup-runs`` runs (hyperfine is not needed);
- **extraction** throughput on the dev set's articles (``scripts/bench_workers.py``), model load included;
- **``spacekg serve``** throughput: cheap named queries from 1, 8 and 32 concurrent HTTP clients
  (``scripts/bench_serve.py``), requests per second and p50 / p99;
- **peak memory** of every step;
- with ``--compare`` (by default at 10m: ``bench-results/1m.json``), each step against the earlier
  run's figure (at most 12x) and every named query of at most 10,000 rows (under 2 s)
  (``scripts/bench_scale.py``).

From 5M triples rdflib's baselines are left out (``--no-rdflib`` is the default there: its
memory store would need ~17 GB at 10M triples); ``--rdflib`` forces them.

It prints a table (figure, baseline, ratio, target, PASS/MISS) and writes it as JSON
(``--json``, default ``bench-results/<size>.json``). Timing needs no third-party tool.

Usage::

    python scripts/bench.py --size 10k
    python scripts/bench.py --size 100k --json bench-results/100k.json
    python scripts/bench.py --size 1m            # ~several minutes, most of it in rdflib
    python scripts/bench.py --size 10m --repeat 1   # no rdflib; each step vs bench-results/1m.json
    python scripts/bench.py --size 2000 --repeat 1 --startup-runs 1 --map-actors 12 --map-size 2000  # a smoke run
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from bench_process import measured, median_process, rdflib_queries, step  # noqa: E402
from bench_report import format_table, machine, row  # noqa: E402
from bench_scale import scale_rows  # noqa: E402
from bench_serve import serve_rows  # noqa: E402
from bench_workers import PROJECTIONS  # noqa: E402

# --------------------------------------------------------------------------- the benchmark


def query_texts(meta: dict) -> dict:
    """Each named query's text, its bindings (entities of the generated graph) and the bound raw text."""
    from graph.namespaces import PREFIXES
    from graph.query import bind, named_queries, parse_term

    # The empty prefix goes last: rdflib 7.6 forgets `PREFIX :` when a later PREFIX binds the same
    # namespace (`space:`), and graph.namespaces.sparql_prologue() puts it first.
    prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in sorted(PREFIXES.items(), key=lambda kv: kv[0] == ""))
    texts = {}
    for name, nq in named_queries().items():
        bindings = {p: meta["params"][p] for p in nq.required}
        raw = prologue + bind(nq.text, {k: parse_term(v) for k, v in bindings.items()})
        texts[name] = {"text": nq.text, "bindings": bindings, "raw": raw}
    return texts


def real_build_dir(cache: Path, given: Path | None) -> Path:
    """The project's real graph: ``given``, else ./build if built, else a fresh build in the cache."""
    from graph.paths import default_build_dir
    from graph.store import store_path

    for candidate in (given, default_build_dir()):
        if candidate is not None and store_path(candidate).exists():
            return candidate
    from graph.build import assemble
    from graph.store import write_build

    folder = cache / "real-build"
    write_build(assemble().dataset, folder)
    return folder


class Run(NamedTuple):
    """What every step of one benchmark run shares."""

    args: argparse.Namespace
    cache: Path
    label: str
    nq: Path
    nt: Path
    build: Path
    oxi: Path
    meta: dict
    raw: dict
    rows: list
    say: Callable


def _bench_load(run: Run) -> tuple[list, dict]:
    """Loading: the project's load_file vs pyoxigraph's bulk_load (interleaved, median) vs rdflib."""
    args, nq, build, oxi, meta = run.args, run.nq, run.build, run.oxi, run.meta
    raw, rows, say = run.raw, run.rows, run.say
    # Load: interleaved, median of --repeat; rdflib once (it is the slow one).
    say(f"[bench] {meta['triples']} triples in {nq}", flush=True)
    project_runs, oxigraph_runs = [], []
    for _ in range(args.repeat):
        oxigraph_runs.append(step("load-oxigraph", str(nq), str(oxi)))
        project_runs.append(step("load-project", str(nq), str(build)))
    shutil.rmtree(oxi, ignore_errors=True)
    t_project = statistics.median(r["seconds"] for r in project_runs)
    t_oxigraph = statistics.median(r["seconds"] for r in oxigraph_runs)
    raw["load"] = {"project": project_runs, "oxigraph": oxigraph_runs}
    row(rows, "load.vs_oxigraph", f"load {meta['triples']} triples: project load_file vs pyoxigraph bulk_load",
        t_project, "s", baseline=t_oxigraph, baseline_name="pyoxigraph bulk_load", ratio=t_project / t_oxigraph,
        target="<= 1.3x", ok=t_project / t_oxigraph <= 1.3)
    if not args.rdflib:
        return project_runs, None
    say("[bench] load: rdflib", flush=True)
    rdflib_load = step("load-rdflib", str(nq))
    raw["load"]["rdflib"] = rdflib_load
    row(rows, "load.vs_rdflib", "load: rdflib memory Dataset.parse vs project (speed-up)", t_project, "s",
        baseline=rdflib_load["seconds"], baseline_name="rdflib Dataset().parse",
        ratio=rdflib_load["seconds"] / t_project, target=">= 10x faster", ok=rdflib_load["seconds"] / t_project >= 10)
    return project_runs, rdflib_load


def _bench_queries(run: Run) -> dict:
    """Every named query: on disk (``spacekg query``) vs raw pyoxigraph vs rdflib's memory store, and from
    ``spacekg serve``'s copy in memory vs rdflib's memory store."""
    args, cache, label, nq, build = run.args, run.cache, run.label, run.nq, run.build
    meta, raw, rows, say = run.meta, run.raw, run.rows, run.say
    texts = query_texts(meta)
    texts_file = cache / f"{label}-queries.json"
    texts_file.write_text(json.dumps(texts, indent=1), encoding="utf-8")
    say("[bench] queries: oxigraph", flush=True)
    ox_queries = step("queries-oxigraph", str(build), str(texts_file), str(args.repeat))
    mem_queries = {"queries": {}}
    if args.memory_copy:
        say("[bench] queries: spacekg serve's copy in memory", flush=True)
        mem_queries = step("queries-memory", str(build), str(texts_file), str(args.repeat))
        _copy_rows(rows, mem_queries)
    rd_queries = {}
    if args.rdflib:
        say("[bench] queries: rdflib", flush=True)
        rd_queries = rdflib_queries(nq, texts_file, list(texts), args.rdflib_timeout)
    raw["queries"] = {"oxigraph": ox_queries, "memory": mem_queries, "rdflib": rd_queries}
    for name, q in ox_queries["queries"].items():
        emb, rawt = q["embedded"], q["raw"]
        m = mem_queries["queries"].get(name)
        note = f"{q['rows']} rows"
        if q["rows"] != q["raw_rows"]:
            note += f" (raw gave {q['raw_rows']}!)"
        if m is not None and m["rows"] != q["rows"]:
            note += f" (the copy in memory gave {m['rows']}!)"
        row(rows, f"query.{name}.vs_oxigraph", f"query {name}: graph.query.run vs raw pyoxigraph", emb, "s",
            baseline=rawt, baseline_name="pyoxigraph Store.query", ratio=emb / rawt if rawt else None,
            target="<= 1.5x", ok=(emb / rawt <= 1.5) if rawt else None, note=note)
        if args.rdflib:
            _rdflib_row(rows, name, "vs_rdflib", "embedded, on disk (spacekg query)", emb, q["rows"],
                        rd_queries.get(name, {}))
        if args.rdflib and m is not None:
            _rdflib_row(rows, name, "memory_vs_rdflib", "spacekg serve's copy in memory", m["seconds"], m["rows"],
                        rd_queries.get(name, {}))
    return ox_queries


def _copy_rows(rows: list, mem_queries: dict) -> None:
    """The copying of the build into memory that each of ``spacekg serve``'s workers does: time and peak memory."""
    row(rows, "query.memory_copy.load", f"spacekg serve's copy of the build in memory "
        f"(graph.store.memory_copy, {mem_queries['quads']} quads): copying", mem_queries["load"], "s",
        note=f"peak {mem_queries['load_rss_mb']:.0f} MB")
    row(rows, "query.memory_copy.peak_memory", "peak memory of a process holding the copy, while copying",
        mem_queries["load_rss_mb"], "MB")


def _rdflib_row(rows: list, name: str, key: str, what: str, seconds: float, answered: int, r: dict) -> None:
    """One named query's time against rdflib's memory store (a speed-up, at least 8x)."""
    label = f"query {name}: rdflib memory store vs {what} (speed-up)"
    if r.get("seconds") is not None:
        speedup = r["seconds"] / seconds if seconds else None
        note = f"{answered} rows" + ("" if r["rows"] == answered else f" (rdflib gave {r['rows']}!)")
        row(rows, f"query.{name}.{key}", label, seconds, "s", baseline=r["seconds"],
            baseline_name="rdflib Dataset.query", ratio=speedup, target=">= 8x faster",
            ok=speedup >= 8 if speedup else None, note=note)
    elif "timeout" in r:
        speedup = r["timeout"] / seconds if seconds else None
        row(rows, f"query.{name}.{key}", label, seconds, "s", baseline=None,
            baseline_name=f"rdflib: killed at {r['timeout']:.0f} s", ratio=speedup, target=">= 8x faster",
            ok=speedup >= 8 if speedup else None, note=f"{answered} rows; the ratio is a lower bound")
    else:
        row(rows, f"query.{name}.{key}", label, seconds, "s", baseline_name=f"rdflib: {r.get('error', 'no result')}",
            target=">= 8x faster", ok=None)


def _bench_mirror(run: Run) -> tuple[dict, dict]:
    """The mirror vs rdflib_to_networkx, each projection, and the analysis."""
    nt, build, raw, rows, say = run.nt, run.build, run.raw, run.rows, run.say
    # Mirror, projections, analysis.
    say("[bench] mirror, projections, analysis", flush=True)
    mp = step("mirror-project", str(build))
    mr = step("mirror-rdflib", str(nt)) if run.args.rdflib else None
    raw["mirror"] = {"project": mp, "rdflib": mr}
    what = f"mirror ({mp['edges']} edges with attributes)"
    if mr is None:
        row(rows, "mirror.project", what, mp["mirror"], "s")
    else:
        row(rows, "mirror.vs_rdflib", f"{what} vs rdflib_to_networkx_multidigraph", mp["mirror"], "s",
            baseline=mr["seconds"], baseline_name=f"rdflib_to_networkx ({mr['edges']} edges, no attrs)",
            ratio=mp["mirror"] / mr["seconds"], target="<= 1.0x", ok=mp["mirror"] <= mr["seconds"])
    if "mirror_cached" in mp:
        what = (f"mirror cached in the build folder ({mp['mirror_cached_edges']} edges; every read after the "
                f"first of a build, which mirrors and writes it in {mp['mirror_cache_write']:.2f} s)")
        base = {} if mr is None else {"baseline": mr["seconds"], "baseline_name": "rdflib_to_networkx",
                                      "ratio": mp["mirror_cached"] / mr["seconds"], "target": "<= 1.0x",
                                      "ok": mp["mirror_cached"] <= mr["seconds"]}
        row(rows, "mirror.cached", what, mp["mirror_cached"], "s", **base)
    for name in PROJECTIONS:
        p = mp["projections"][name]
        row(rows, f"projection.{name}", f"projection {name} ({p['nodes']} nodes, {p['edges']} edges)", p["seconds"],
            "s", target="< 1 s", ok=p["seconds"] < 1.0)
    a = mp["analysis"]
    blocs = a["communities"] + a["two_camps"] + a["centrality"]
    ag = mp["actor_graph"]
    row(rows, "analysis.blocs_centrality",
        f"blocs + two camps + centrality ({ag['nodes']} actors, {ag['edges']} partnership edges)", blocs, "s",
        target="< 2 s", ok=blocs < 2.0,
        note=f"louvain {a['communities']:.3f} s, camps {a['two_camps']:.3f} s, centrality {a['centrality']:.3f} s")
    row(rows, "analysis.balance", "structural balance of the signed graph (not a target)", a["balance"], "s")
    return mp, mr


def _bench_map(run: Run) -> None:
    """A 200-node partnership map, whole process."""
    from bench_data import generate, parse_size

    args, cache, raw, rows, say = run.args, run.cache, run.raw, run.rows, run.say
    # A 200-node map, whole process.
    say("[bench] map", flush=True)
    triples = parse_size(args.map_size) if args.map_size else max(20_000, args.map_actors * 150)
    map_nq = cache / f"map-{args.map_actors}-{triples}-seed{args.seed}.nq"
    map_meta = generate(triples, map_nq, seed=args.seed, actors=args.map_actors) \
        if not map_nq.with_suffix(".json").exists() else json.loads(map_nq.with_suffix(".json").read_text())
    map_build = cache / f"map-{args.map_actors}-{triples}-build"
    if not (map_build / "oxigraph").exists():
        from graph.store import load_file

        load_file(map_nq, map_build)
    spacekg = str(Path(sys.executable).with_name("spacekg"))
    png = cache / "map-bench.png"
    render_cmd = [spacekg, "render", "partnerships", "-o", str(png), "--build-dir", str(map_build)]
    rendered = median_process(render_cmd, args.startup_runs if args.startup_runs < 3 else 3,
                              before=lambda: _cold(map_build))
    raw["map"] = {"command": render_cmd, "data": map_meta, **rendered}
    row(rows, "map.200_nodes", f"spacekg render partnerships, whole process: {rendered['stdout'].strip()}",
        rendered["seconds"], "s", target="< 2 s", ok=rendered["seconds"] < 2.0,
        note=f"peak {rendered['rss_mb']:.0f} MB; cold: no layout memory, no cached mirror")


def _cold(build: Path) -> None:
    """Forget the layouts and the cached mirrors of ``build``: a map drawn as the first one of its build."""
    shutil.rmtree(build / "layouts", ignore_errors=True)
    for cache in (build / "builds").glob("*/cache"):
        shutil.rmtree(cache)


def _bench_startup(run: Run) -> None:
    """Start-up of ``spacekg query`` on the real graph vs ``import rdflib``."""
    spacekg = str(Path(sys.executable).with_name("spacekg"))
    args, cache, raw, rows, say = run.args, run.cache, run.raw, run.rows, run.say
    # Start-up of the shell command on the real graph.
    say("[bench] start-up", flush=True)
    real = real_build_dir(cache, Path(args.real_build) if args.real_build else None)
    query_cmd = [spacekg, "query", "--name", "partners-of", "-p", "agency", "cnsa", "--build-dir", str(real)]
    import_cmd = [sys.executable, "-c", "import rdflib"]
    measured(query_cmd)
    measured(import_cmd)  # warm the page cache for both
    q_runs, i_runs = [], []
    for _ in range(args.startup_runs):  # interleaved, so drift hits both alike
        q_runs.append(measured(query_cmd)["seconds"])
        i_runs.append(measured(import_cmd)["seconds"])
    tq, ti = statistics.median(q_runs), statistics.median(i_runs)
    raw["startup"] = {"query_command": query_cmd, "import_command": import_cmd, "query": q_runs, "import": i_runs}
    row(rows, "startup.query_vs_import_rdflib", f"`spacekg query --name partners-of` on the real graph ({real})", tq,
        "s", baseline=ti, baseline_name='python -c "import rdflib"', ratio=tq / ti, target="<= 2x",
        ok=tq / ti <= 2.0, note=f"median of {args.startup_runs}")


def _bench_memory(run: Run, project_runs: list, rdflib_load: dict | None, ox_queries: dict, mp: dict,
                  mr: dict | None) -> None:
    """Peak memory with the graph loaded, and of the mirror step.

    From 10M triples the target is the whole run's peak (< 4 GB, the mirror step included).
    """
    rows = run.rows
    load_rss = max(r["rss_mb"] for r in project_runs)
    query_rss = ox_queries["rss_mb"]
    peak = max(load_rss, query_rss)
    big = run.meta["triples"] >= 5_000_000
    base = {} if rdflib_load is None else {
        "baseline": rdflib_load["rss_mb"], "baseline_name": "rdflib memory store load",
        "ratio": peak / rdflib_load["rss_mb"]}
    row(rows, "memory.peak_loaded", "peak memory with the graph loaded (project load step; embedded queries step)",
        peak, "MB", **base, target="" if big else "< 500 MB", ok=None if big else peak < 500,
        note=f"load {load_rss:.0f} MB, queries {query_rss:.0f} MB")
    base = {} if mr is None else {"baseline": mr["rss_mb"], "baseline_name": "rdflib parse + rdflib_to_networkx",
                                  "ratio": mp["rss_mb"] / mr["rss_mb"]}
    row(rows, "memory.mirror", "peak memory of the mirror step (mirror + projections + analysis; not a target)",
        mp["rss_mb"], "MB", **base)
    if big:
        whole = max(peak, mp["rss_mb"])
        row(rows, "memory.peak_run", "peak memory of any step of the run (load, queries, mirror)", whole, "MB",
            target="< 4 GB", ok=whole < 4096)


def run_benchmark(args) -> dict:
    """Every step of the benchmark; the report written as JSON."""
    from bench_data import generate, parse_size

    began = time.perf_counter()
    size = parse_size(args.size)
    if args.rdflib is None:
        args.rdflib = size < 5_000_000  # rdflib's memory store would need ~17 GB at 10M triples
    if args.memory_copy is None:
        args.memory_copy = size < 5_000_000  # a copy of 10M quads would take ~6 GB
    if args.rdflib_timeout is None:
        args.rdflib_timeout = 300.0 if size >= 1_000_000 else 60.0
    label = args.size if isinstance(args.size, str) else str(size)
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    nq = cache / f"{label}-seed{args.seed}.nq"
    meta_file = nq.with_suffix(".json")
    if nq.exists() and meta_file.exists():
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
    else:
        meta = generate(size, nq, seed=args.seed)
    nt = Path(meta["ntriples"])
    build = cache / f"{label}-build"
    oxi = cache / f"{label}-oxigraph-raw"
    raw: dict = {"data": meta}
    rows: list[dict] = []
    say = print if not args.quiet else (lambda *a, **k: None)
    run = Run(args, cache, label, nq, nt, build, oxi, meta, raw, rows, say)
    project_runs, rdflib_load = _bench_load(run)
    ox_queries = _bench_queries(run)
    mp, mr = _bench_mirror(run)
    _bench_map(run)
    _bench_startup(run)
    _bench_memory(run, project_runs, rdflib_load, ox_queries, mp, mr)

    extraction_rows(rows, raw, say, Path(args.articles) if args.articles else None)
    if args.serve_seconds > 0:
        serve_rows(rows, raw, say, row, real_build_dir(cache, Path(args.real_build) if args.real_build else None),
                   args.serve_seconds)
    if args.compare:
        scale_rows(rows, json.loads(Path(args.compare).read_text(encoding="utf-8")), ox_queries)
    return {"size": label, "triples": meta["triples"], "seed": args.seed, "machine": machine(),
            "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "elapsed_s": time.perf_counter() - began,
            "command": " ".join([Path(sys.executable).name, *sys.argv]), "rows": rows, "raw": raw}


def extraction_rows(rows: list, raw: dict, say, folder: Path | None = None) -> None:
    """Extraction throughput on a folder of articles: by default the dev set's (../shared/devset), or the
    project's seed article where the dev set is not at hand."""
    devset = ROOT.parent / "shared" / "devset"
    folder = folder or (devset if devset.is_dir() else ROOT / "graph" / "data" / "sources")
    say(f"[bench] extraction ({folder})", flush=True)
    x = step("extraction", str(folder))
    raw["extraction"] = {"folder": str(folder), **x}
    total = x["process_seconds"]
    row(rows, "extraction.whole", f"{x['articles']} articles ({x['sentences']} sentences), one process, "
        "model load included", total, "s", target="< 15 s for the 24 dev articles", ok=total < 15,
        note=f"model load {x['load_s']:.1f} s; {x['statements']} statements")
    row(rows, "extraction.articles_per_s", "articles per second (after model load)",
        x["articles"] / x["extract_s"], "/s", note=f"{x['sentences'] / x['extract_s']:.0f} sentences/s")
    row(rows, "extraction.peak_memory", "peak memory of extraction", x["process_rss_mb"], "MB",
        target="< 500 MB", ok=x["process_rss_mb"] < 500)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description="SpaceKG benchmark: the project against its baselines.")
    parser.add_argument("--size", default="10k", help="10k, 100k, 1m or a number of triples (default 10k)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "spacekg-bench"),
                        help="folder for generated graphs and stores (default: $TMPDIR/spacekg-bench)")
    parser.add_argument("--json", dest="json_file", help="where to write the results (default bench-results/SIZE.json)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per load and query (median)")
    parser.add_argument("--rdflib-timeout", type=float, default=None,
                        help="seconds before an rdflib query is killed (default: 300 from 1M triples, 60 below, "
                        "so that --size 100k runs in a few minutes)")
    parser.add_argument("--startup-runs", type=int, default=7, help="runs of each whole-process command (median)")
    parser.add_argument("--map-actors", type=int, default=138,
                        help="space agencies in the map graph (138 gives a ~200-node partnership map)")
    parser.add_argument("--map-size", help="triples in the map graph (default: 150 per agency, at least 20k; a "
                        "smoke run may take fewer)")
    parser.add_argument("--real-build", help="build folder of the project's real graph (default ./build)")
    parser.add_argument("--articles", help="folder of article .txt files to extract (default ../shared/devset)")
    parser.add_argument("--rdflib", action=argparse.BooleanOptionalAction, default=None,
                        help="measure rdflib's baselines (default: below 5M triples; at 10M its memory store "
                        "would need ~17 GB)")
    parser.add_argument("--memory-copy", action=argparse.BooleanOptionalAction, default=None,
                        help="measure the named queries on spacekg serve's copy of the build in memory (default: "
                        "below 5M triples; at 10M the copy would take ~6 GB)")
    parser.add_argument("--serve-seconds", type=float, default=10.0,
                        help="seconds of load per client count for the spacekg serve rows (0: none)")
    parser.add_argument("--compare", help="an earlier run's JSON (e.g. bench-results/1m.json): each step's "
                        "figure at most 12x that run's (default at 10m: bench-results/1m.json)")
    parser.add_argument("--quiet", action="store_true", help="print only the table")
    args = parser.parse_args(argv)
    if args.compare is None and args.size.lower() == "10m" and (ROOT / "bench-results" / "1m.json").exists():
        args.compare = str(ROOT / "bench-results" / "1m.json")
    report = run_benchmark(args)
    json_file = Path(args.json_file) if args.json_file else ROOT / "bench-results" / f"{report['size']}.json"
    json_file.parent.mkdir(parents=True, exist_ok=True)
    json_file.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(format_table(report))
    print(f"results written to {json_file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
