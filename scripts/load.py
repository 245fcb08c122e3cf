"""Load test of ``spacekg serve``: cheap queries with a share of runaway ones, from N concurrent clients.

For each client count, a fresh ``spacekg serve`` (a subprocess on a free loopback port) answers
clients that each send one query after the other for ``--duration`` seconds, a new connection per
query; ``--runaway-share`` of the queries are runaways (an ``ORDER BY`` over a cross product, which
grows memory, and a ``COUNT(*)`` over a four-way cross product, which only burns processor time).
It prints, per client count: requests, cheap queries answered, failures by status (or by
connection error), cheap-query latency p50/p99, and the peak memory of the server with its workers.

Usage::

    python -m graph.cli build --build-dir /tmp/load-build
    python scripts/load.py --build-dir /tmp/load-build --clients 8 32 --duration 30

Nothing leaves the machine: the server listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

CHEAP = [
    "SELECT ?found WHERE { BIND (EXISTS { kg:cnsa :partnerOf kg:roscosmos } AS ?found) }",  # no ASK: no CSV form
    "SELECT ?a ?b WHERE { ?a :partnerOf ?b }",
    "SELECT ?st WHERE { ?st rdf:subject kg:nasa } LIMIT 20",
]
RUNAWAY = [
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f ?a ?d",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
]


@dataclass
class Run:
    """What one load run saw."""

    clients: int
    cheap: list[tuple[str, float]] = field(default_factory=list)  # (outcome, seconds)
    runaway: list[tuple[str, float]] = field(default_factory=list)
    peak_total: int = 0
    peak_worker: int = 0


def start_server(build_dir: Path, extra: list[str]) -> tuple[subprocess.Popen, str]:
    command = [sys.executable, "-m", "graph.cli", "serve", "--build-dir", str(build_dir), "--host", "127.0.0.1",
               "--port", "0", "--quiet", *extra]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               start_new_session=True)
    line = process.stdout.readline()
    if "http://" not in line:
        process.kill()
        sys.exit(f"the server did not start: {line!r}")
    return process, line.split("at ", 1)[1].split()[0]


def ask(endpoint: str, query: str, timeout: float) -> str:
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(endpoint, data=data, headers={"Accept": "text/csv"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            answer.read()
            return str(answer.status)
    except urllib.error.HTTPError as exc:
        exc.read()
        return str(exc.code)
    except (OSError, urllib.error.URLError) as exc:
        reason = getattr(exc, "reason", exc)
        return type(reason).__name__


def tree_memory(pid: int) -> tuple[int, int]:
    """Resident memory of ``pid`` and its descendants (total, largest single process), in bytes."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            with open(f"/proc/{entry}/statm", "rb") as statm:
                rss[int(entry)] = int(statm.read().split()[1]) * page
            children.setdefault(int(fields[1]), []).append(int(entry))
        except (OSError, ValueError, IndexError):
            continue
    todo, seen = [pid], []
    while todo:
        current = todo.pop()
        seen.append(current)
        todo.extend(children.get(current, []))
    sizes = [rss.get(p, 0) for p in seen]
    return sum(sizes), max(sizes, default=0)


def load(endpoint: str, process: subprocess.Popen, clients: int, duration: float, share: float,
         seed: int) -> Run:
    run = Run(clients)
    stop = time.monotonic() + duration
    lock = threading.Lock()

    def client(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        while time.monotonic() < stop:
            runaway = rng.random() < share
            query = rng.choice(RUNAWAY if runaway else CHEAP)
            began = time.monotonic()
            outcome = ask(endpoint, query, timeout=120)
            with lock:
                (run.runaway if runaway else run.cheap).append((outcome, time.monotonic() - began))

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        total, single = tree_memory(process.pid)
        run.peak_total, run.peak_worker = max(run.peak_total, total), max(run.peak_worker, single)
        time.sleep(0.2)
    return run


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def summary(run: Run) -> dict:
    def outcomes(rows):
        counts: dict[str, int] = {}
        for outcome, _ in rows:
            counts[outcome] = counts.get(outcome, 0) + 1
        return dict(sorted(counts.items()))

    cheap_ok = [seconds for outcome, seconds in run.cheap if outcome == "200"]
    return {
        "clients": run.clients,
        "requests": len(run.cheap) + len(run.runaway),
        "cheap": len(run.cheap),
        "cheap_ok": len(cheap_ok),
        "cheap_ok_share": len(cheap_ok) / len(run.cheap) if run.cheap else float("nan"),
        "cheap_outcomes": outcomes(run.cheap),
        "runaway": len(run.runaway),
        "runaway_outcomes": outcomes(run.runaway),
        "cheap_p50_ms": round(percentile(cheap_ok, 0.50) * 1000, 1),
        "cheap_p99_ms": round(percentile(cheap_ok, 0.99) * 1000, 1),
        "peak_memory_mb": round(run.peak_total / 2**20),
        "peak_worker_mb": round(run.peak_worker / 2**20),
    }


def show(row: dict) -> str:
    return (f"{row['clients']:>3} clients: {row['requests']} requests; cheap {row['cheap_ok']}/{row['cheap']} answered "
            f"({row['cheap_ok_share']:.1%}), outcomes {row['cheap_outcomes']}; runaway {row['runaway']}, outcomes "
            f"{row['runaway_outcomes']}; cheap p50 {row['cheap_p50_ms']} ms, p99 {row['cheap_p99_ms']} ms; "
            f"peak memory {row['peak_memory_mb']} MB (largest process {row['peak_worker_mb']} MB)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-dir", type=Path, required=True, help="A built graph (spacekg build).")
    parser.add_argument("--clients", type=int, nargs="+", default=[8, 32])
    parser.add_argument("--duration", type=float, default=30.0, help="Seconds of load per client count.")
    parser.add_argument("--runaway-share", type=float, default=0.10)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--json", type=Path, help="Also write the figures to this JSON file.")
    parser.add_argument("serve_options", nargs="*", help="Options for spacekg serve, after --.")
    args = parser.parse_args(argv)
    rows = []
    for clients in args.clients:
        process, endpoint = start_server(args.build_dir, args.serve_options)
        try:
            run = load(endpoint, process, clients, args.duration, args.runaway_share, args.seed)
        finally:
            process.terminate()
            process.wait(30)
        rows.append(summary(run))
        print(show(rows[-1]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
