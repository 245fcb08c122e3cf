"""Remote calls with limits, against real HTTP servers on loopback ports (``http.server`` in threads).

Servers that redirect to another port, never answer, trickle a byte at a time, send too much,
or answer HTML, broken JSON or random bytes: each gives exit code 10 (or :class:`EndpointError`)
with a message saying what happened, and nothing is sent where it was not asked to go.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph import remote
from graph.cli import main
from graph.errors import EndpointError
from tests.conftest import SHUTDOWN_POLL

SELECT_JSON = b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"1"}}]}}'


@contextmanager
def serving(answer: Callable[[BaseHTTPRequestHandler], None]) -> Iterator[tuple[str, list[dict]]]:
    """A real HTTP server whose every request is answered by ``answer``; yields its base URL and a log."""
    seen: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def handle_any(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            seen.append({"method": self.command, "path": self.path, "headers": dict(self.headers),
                         "body": body.decode("utf-8", errors="replace")})
            with suppress(BrokenPipeError, ConnectionResetError):
                answer(self)

        do_GET = do_POST = do_PUT = do_DELETE = handle_any

        def log_message(self, *args) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(SHUTDOWN_POLL,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    finally:
        httpd.shutdown()
        httpd.server_close()


def reply(status: int, media: str, body: bytes, **headers: str) -> Callable[[BaseHTTPRequestHandler], None]:
    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", media)
        handler.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            handler.send_header(name.replace("_", "-"), value)
        handler.end_headers()
        handler.wfile.write(body)

    return answer


def bounded(call: Callable[[], object], limit: float = 60) -> BaseException | None:
    """Run ``call`` in a thread; return what it raised. Fails the test if it is still running after ``limit``."""
    outcome: list[BaseException | None] = []

    def target() -> None:
        try:
            call()
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(limit)
    assert not thread.is_alive(), "the call outlived its deadline"
    return outcome[0]


def invoke(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env)


def test_a_redirect_to_another_port_is_not_followed_and_the_credentials_stay(tmp_path: Path):
    with serving(reply(200, "application/sparql-results+json", SELECT_JSON)) as (elsewhere, elsewhere_seen):
        moved = reply(307, "text/plain", b"moved", Location=elsewhere + "/sparql")
        with serving(moved) as (base, seen):
            result = invoke("query", "ASK {}", "--endpoint", base + "/sparql",
                            env={"SPACEKG_AUTH_HEADER": "Authorization: Bearer s3cr3t"})
    assert result.exit_code == 10, result.output
    assert f"redirected to {elsewhere}/sparql, another origin: not followed" in result.output
    assert "s3cr3t" not in result.output
    assert len(seen) == 1 and seen[0]["headers"]["Authorization"] == "Bearer s3cr3t"
    assert elsewhere_seen == []  # nothing at all reached the other port


def test_a_redirect_within_the_endpoint_is_followed():
    def answer(handler: BaseHTTPRequestHandler) -> None:
        if handler.path == "/old":
            reply(308, "text/plain", b"", Location="/sparql")(handler)
        else:
            reply(200, "application/sparql-results+json", SELECT_JSON)(handler)

    with serving(answer) as (base, seen):
        result = invoke("query", "SELECT ?x {}", "--endpoint", base + "/old", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["x", "1"]
    assert [(r["method"], r["path"]) for r in seen] == [("POST", "/old"), ("POST", "/sparql")]


def test_a_server_that_never_answers_is_cut_off_at_the_deadline():
    with socket.socket() as listener:  # accepts connections (the backlog) but never reads nor answers
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
        raised = bounded(lambda: remote.query(url, "ASK {}", timeout=0.5))  # waited out: short
    assert isinstance(raised, EndpointError)
    assert f"the SPARQL endpoint {url} did not answer within 0.5 s (the whole call" in str(raised)


def test_a_trickling_server_is_cut_off_at_the_deadline():
    def trickle(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/sparql-results+json")
        handler.end_headers()
        for _ in range(600):  # a byte every 0.1 s, far longer than the deadline
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(0.1)

    with serving(trickle) as (base, _):
        raised = bounded(lambda: remote.query(base + "/sparql", "ASK {}", timeout=0.5))  # each byte within it
    assert isinstance(raised, EndpointError) and "did not answer within 0.5 s" in str(raised)


@pytest.mark.parametrize("declared", [True, False])
def test_a_reply_over_the_size_cap_is_refused(declared: bool):
    big = b"[" + b" " * 3_000_000 + b"]"

    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/sparql-results+json")
        if declared:
            handler.send_header("Content-Length", str(len(big)))
        else:
            handler.send_header("Connection", "close")
        handler.end_headers()
        handler.wfile.write(big)

    with serving(answer) as (base, _), pytest.raises(EndpointError, match="is larger than 1,000,000 bytes"):
        remote.http("POST", base + "/sparql", data=b"q", timeout=30, max_bytes=1_000_000)


@pytest.mark.parametrize("body", [SELECT_JSON[:40], bytes(range(256)) * 4, b"<html><body>Sign in</body></html>"],
                         ids=["broken JSON", "random bytes", "HTML"])
def test_an_unreadable_query_reply_is_exit_10(body: bytes):
    media = "text/html" if body.startswith(b"<html") else "application/sparql-results+json"
    with serving(reply(200, media, body)) as (base, _):
        result = invoke("query", "SELECT ?x {}", "--endpoint", base + "/sparql")
    assert result.exit_code == 10, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert result.output.startswith(f"error: the SPARQL endpoint {base}/sparql ")


@pytest.mark.parametrize(("media", "body", "message"), [
    ("text/html", b"<!DOCTYPE html><html><body>Please log in</body></html>", "with an HTML page"),
    ("application/json", b'{"tripleCount": ', "with broken JSON"),
    ("application/json", b'{"tripleCount": 1}', "says it stored 1 triples of"),
])
def test_push_is_not_reported_unless_the_store_says_it_stored(built: Path, media: str, body: bytes, message: str):
    with serving(reply(200, media, body)) as (base, seen):
        result = invoke("push", "--endpoint", base + "/store", "--build-dir", str(built))
    assert result.exit_code == 10, result.output
    assert message in result.output
    assert "pushed" not in result.output.lower().replace("not known", "")
    # stopped at the first graph, which went to a temporary graph, removed again
    assert [r["method"] for r in seen] == ["PUT", "DELETE"]
    assert seen[0]["path"] == seen[1]["path"] and "graph=https%3A%2F%2Fw3id.org%2Fspacekg%2Fpush%2F" in seen[0]["path"]
