"""`spacekg serve` keeps answering, from one whole build per request, while the graph is rebuilt.

A real server (a subprocess) answers real HTTP clients in threads while the test rebuilds the
graph again and again into the folder it serves; then runaway queries get their workers killed
and replaced. Every answer must be a 200 from one build (both named graphs of the same build),
and after the last rebuild every answer comes from it.
"""

from __future__ import annotations

import csv
import io
import threading
from pathlib import Path

import pytest

from graph.store import write_trig
from tests.test_crash import small_trig
from tests.test_server import form, http, start_server, stop_server

PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"
SIZES = {"a": 40, "b": 70}


def counts(endpoint: str) -> tuple[int, tuple[int, ...]]:
    status, _, body = http(endpoint, data=form(PER_GRAPH), headers={"Accept": "text/csv"})
    if status != 200:
        return status, (body,)
    rows = list(csv.DictReader(io.StringIO(body)))
    return status, tuple(int(row["n"]) for row in rows)


@pytest.mark.slow
def test_rebuilding_under_load_never_fails_a_request_nor_mixes_two_builds(tmp_path: Path):
    build_dir = tmp_path / "build"
    write_trig(small_trig("a", SIZES["a"]), build_dir)
    process, endpoint = start_server(build_dir, tmp_path / "serve.log", "--timeout", "2", "--workers", "2")
    answers: list[tuple[int, tuple[int, ...]]] = []
    stop = threading.Event()

    def client() -> None:
        while not stop.is_set():
            answers.append(counts(endpoint))

    clients = [threading.Thread(target=client) for _ in range(4)]
    try:
        for thread in clients:
            thread.start()
        for i in range(8):  # rebuild while the clients keep asking
            tag = "b" if i % 2 == 0 else "a"
            write_trig(small_trig(tag, SIZES[tag]), build_dir)
            seen = len(answers)
            while len(answers) < seen + 4 and all(t.is_alive() for t in clients):
                stop.wait(0.01)
        stop.set()
        for thread in clients:
            thread.join(60)
        # runaway queries kill both workers; the replacements serve the current build (a). The two are
        # sent at once, so that each holds one worker and the test waits for one timeout, not two.
        runaways: list[tuple[int, str]] = []

        def send_runaway() -> None:
            status, _, body = http(endpoint, data=form(RUNAWAY))
            runaways.append((status, body))

        senders = [threading.Thread(target=send_runaway) for _ in range(2)]
        for thread in senders:
            thread.start()
        for thread in senders:
            thread.join(60)
        assert len(runaways) == 2 and all(status == 503 and "ran longer than 2 s" in body
                                          for status, body in runaways), runaways
        after = [counts(endpoint) for _ in range(10)]
    finally:
        stop.set()
        stop_server(process)
    statuses = {status for status, _ in answers}
    assert statuses == {200}, [a for a in answers if a[0] != 200][:5]
    whole = {(n, n) for n in SIZES.values()}
    assert {c for _, c in answers} <= whole  # never one graph of one build and one of another
    assert {c for _, c in answers} == whole  # the server did move between the builds
    assert after == [(200, (SIZES["a"], SIZES["a"]))] * 10
