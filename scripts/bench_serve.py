"""The benchmark's ``spacekg serve`` throughput: cheap named queries from 1, 8 and 32 concurrent clients.

A real ``spacekg serve`` (a subprocess on a free loopback port, started by ``scripts/load.py``)
answers real HTTP clients, each of which sends one named query after the other (bound to entities
of the project's real graph, a new connection per query) for ``duration`` seconds. The rows give
requests per second and the p50 / p99 latency of the answered queries. Nothing leaves the machine.
"""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

from load import ask, percentile, start_server, tree_memory

# Cheap named queries of ontology/queries, bound to entities of the real graph.
CHEAP_NAMED = (
    ("partners-of", {"agency": "cnsa"}),
    ("operated-by", {"actor": "nasa"}),
    ("landed-on", {"place": "moon"}),
    ("plans-of", {"actor": "nasa"}),
)
CLIENTS = (1, 8, 32)


def cheap_queries() -> list[str]:
    """The bound texts of :data:`CHEAP_NAMED`, with every prefix declared."""
    from graph.namespaces import sparql_prologue
    from graph.query import bind, named_queries, parse_term

    named = named_queries()
    return [sparql_prologue() + bind(named[name].text, {k: parse_term(v) for k, v in params.items()})
            for name, params in CHEAP_NAMED]


def throughput(endpoint: str, pid: int, clients: int, duration: float, queries: list[str]) -> dict:
    """``clients`` threads send ``queries`` in turn for ``duration`` seconds; what they saw."""
    seen: list[tuple[str, float]] = []
    lock = threading.Lock()
    stop = time.monotonic() + duration

    def client(number: int) -> None:
        rng = random.Random(number)
        while time.monotonic() < stop:
            began = time.monotonic()
            outcome = ask(endpoint, rng.choice(queries), timeout=60)
            with lock:
                seen.append((outcome, time.monotonic() - began))

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    peak = 0
    while any(t.is_alive() for t in threads):
        peak = max(peak, tree_memory(pid)[0])
        time.sleep(0.2)
    elapsed = time.monotonic() - began
    ok = [seconds for outcome, seconds in seen if outcome == "200"]
    return {"clients": clients, "requests": len(seen), "ok": len(ok), "seconds": elapsed,
            "per_s": len(ok) / elapsed, "p50_ms": percentile(ok, 0.50) * 1000, "p99_ms": percentile(ok, 0.99) * 1000,
            "failures": sorted({outcome for outcome, _ in seen if outcome != "200"}), "peak_mb": peak / 2**20}


def serve_rows(rows: list, raw: dict, say, row, build: Path, duration: float) -> None:
    """One row per client count: answered named queries per second, p50 / p99 latency."""
    queries = cheap_queries()
    names = ", ".join(name for name, _ in CHEAP_NAMED)
    say(f"[bench] serve: {names} at {', '.join(map(str, CLIENTS))} clients ({build})", flush=True)
    results = []
    for clients in CLIENTS:
        process, endpoint = start_server(build, [])
        try:
            result = throughput(endpoint, process.pid, clients, duration, queries)
        finally:
            process.terminate()
            process.wait(30)
        results.append(result)
        failures = f"; failures {result['failures']}" if result["failures"] else ""
        row(rows, f"serve.clients_{clients}",
            f"spacekg serve, {clients} concurrent client(s), cheap named queries ({names}): answered per second",
            result["per_s"], "/s", note=f"{result['ok']}/{result['requests']} answered in {result['seconds']:.0f} s; "
            f"p50 {result['p50_ms']:.1f} ms, p99 {result['p99_ms']:.1f} ms; server peak {result['peak_mb']:.0f} MB"
            f"{failures}")
    raw["serve"] = {"build": str(build), "queries": [name for name, _ in CHEAP_NAMED], "runs": results}
