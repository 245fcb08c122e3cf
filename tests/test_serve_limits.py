"""`spacekg serve` stays fair and bounded: memory cap, room for short queries, backlog, timeouts.

A real server (``make_server`` in a thread, its workers real processes) over the seed build;
real sockets and HTTP clients. No assertion is on timing: each case checks what the server
answered (status and message), and a bounded wait fails the test instead of hanging.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from graph.server import Limits, make_server
from tests.conftest import SHUTDOWN_POLL
from tests.test_server import RUNAWAY, form, http

# a SELECT, not an ASK: SPARQL has no CSV form for a boolean (406)
CHEAP = "SELECT ?found WHERE { BIND (EXISTS { kg:cnsa :partnerOf kg:roscosmos } AS ?found) }"
FOUND = "found\r\ntrue\r\n"
# every pair of triples, sorted: Oxigraph materialises the ~6 million rows before the first one
HUNGRY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f ?a ?d"
# The connection timeouts of the tests that wait for one to pass (the server takes fractions of a second):
# short, since each such test waits it out once or twice
SHORT = 0.5


@contextmanager
def running(built: Path, pools: list | None = None, **options) -> Iterator[str]:
    """A server on a free loopback port; yields its /sparql URL (its pool goes into ``pools``)."""
    limits = options.pop("limits", Limits(timeout=20))
    server, pool = make_server(built, port=0, limits=limits, quiet=True, **options)
    if pools is not None:
        pools.append(pool)
    thread = threading.Thread(target=server.serve_forever, args=(SHUTDOWN_POLL,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.shutdown()
        server.server_close()
        pool.close()


def ask(endpoint: str, query: str = CHEAP) -> tuple[int, str]:
    status, _, body = http(endpoint, data=form(query), headers={"Accept": "text/csv"})
    return status, body


@pytest.mark.slow
def test_a_query_over_the_memory_cap_gets_503_and_its_worker_is_replaced(built: Path):
    with running(built, limits=Limits(timeout=60, max_memory=150), workers=1, max_workers=2) as endpoint:
        status, body = ask(endpoint, HUNGRY)
        after = [ask(endpoint) for _ in range(3)]
    assert status == 503
    assert body == ("the query needed more than 150 MB, the server's limit (--max-memory), and was stopped: "
                    "narrow the query or add a LIMIT\n")
    assert after == [(200, FOUND)] * 3


@pytest.mark.slow
def test_long_queries_leave_room_for_short_ones(built: Path):
    """With 1 warm worker and at most 3, two long queries may run; a third is stopped; short ones pass.

    A query is long once it has used 1 s of processor time (or 3 s in all on a busy machine):
    the test waits for the first runaway to end (at most its 120 s limit), asking short queries
    meanwhile, then stops the server.
    """
    outcomes: list[tuple[int, str]] = []
    short: list[tuple[int, str]] = []

    def runaway() -> None:
        with contextlib.suppress(OSError):  # the two still running when the test stops the server
            outcomes.append(ask(endpoint, RUNAWAY))

    pools: list = []
    with running(built, pools, limits=Limits(timeout=120), workers=1, max_workers=3) as endpoint:
        for _ in range(3):
            threading.Thread(target=runaway, daemon=True).start()
        while not outcomes:
            short.append(ask(endpoint))
        # the two long queries still run, at a lower priority than the short ones
        long_workers = [worker for worker in pools[0].all if worker.long]
        niceness = [os.getpriority(os.PRIO_PROCESS, worker.process.pid) for worker in long_workers]
    assert niceness == [10, 10]
    assert outcomes[0] == (503, "the server is already running 2 long queries (over 1 s of processor time or "
                                "3 s in all); this one was stopped to keep room for short ones: try again later\n")
    assert short and set(short) == {(200, FOUND)}


@pytest.mark.slow
def test_a_burst_of_connections_waits_in_the_backlog_instead_of_being_reset(built: Path):
    results: list[object] = []
    with running(built, workers=2, max_workers=4) as endpoint:
        gate = threading.Barrier(128)

        def client() -> None:
            gate.wait()
            try:
                status, body = ask(endpoint)
                results.append(status if status == 200 else body)
            except OSError as exc:  # a reset connection
                results.append(type(exc).__name__)

        threads = [threading.Thread(target=client) for _ in range(128)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
    assert results == [200] * 128


def raw(endpoint: str) -> socket.socket:
    host, port = endpoint.split("//")[1].split("/")[0].split(":")
    return socket.create_connection((host, int(port)), timeout=30)


def read_all(sock: socket.socket) -> bytes:
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.slow
def test_an_idle_connection_is_closed(built: Path):
    with running(built, idle_timeout=SHORT) as endpoint, raw(endpoint) as sock:
        assert read_all(sock) == b""  # closed by the server, not by the 30 s socket timeout


@pytest.mark.slow
def test_a_client_that_trickles_its_headers_is_cut_off(built: Path):
    """Each byte of a header comes within the idle timeout, but the head as a whole may not take longer
    than the idle and body timeouts together (1 s here); the client would go on for 20 s."""
    closed = False
    with running(built, idle_timeout=SHORT, body_timeout=SHORT) as endpoint, raw(endpoint) as sock:
        sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        for _ in range(200):
            try:
                sock.sendall(b"a")
            except OSError:
                closed = True
                break
            ready, _, _ = select.select([sock], [], [], 0.1)  # a byte well within the idle timeout
            if ready and sock.recv(65536) == b"":
                closed = True
                break
    assert closed


@pytest.mark.slow
def test_a_slow_body_gets_408(built: Path):
    with running(built, body_timeout=SHORT) as endpoint, raw(endpoint) as sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                     b"Content-Length: 1000\r\n\r\nASK")
        answer = read_all(sock)  # the rest of the body never comes
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert answer.endswith(b"the request body did not arrive within 0.5 s\n")


@pytest.mark.slow
@pytest.mark.parametrize("length", [b"-1", b"abc", b"1e3", b"99999999999999999999"])
def test_a_bad_content_length_gets_400(built: Path, length: bytes):
    with running(built) as endpoint, raw(endpoint) as sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                     b"Content-Length: " + length + b"\r\n\r\nASK {}")
        answer = read_all(sock)
    assert answer.startswith(b"HTTP/1.1 400 ")
    assert b"bad Content-Length" in answer


@pytest.mark.slow
def test_a_chunked_body_gets_400_and_the_connection_closes(built: Path):
    with running(built) as endpoint, raw(endpoint) as sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n")
        answer = read_all(sock)  # ends: the server closed the connection
    assert answer.startswith(b"HTTP/1.1 400 ")
    assert answer.endswith(b"a body in chunks (Transfer-Encoding) is not supported: send Content-Length\n")
