"""Nothing leaves the machine (issue 13): SPARQL SERVICE is refused by `serve` and `query`.

A listener on another loopback port records every request it gets and answers like a SPARQL
endpoint, so a query that reached it would succeed. Every evasion of the old text scan is sent
to a real `spacekg serve` and to `spacekg query`; the listener must get nothing. The positive
controls (`--allow-service`, and the engine called without the guard) show that the same
queries do reach it when nothing stops them.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph import offline
from graph.cli import main
from tests.conftest import SHUTDOWN_POLL
from tests.test_server import form, http, start_server, stop_server

EMPTY_RESULTS = json.dumps({"head": {"vars": []}, "results": {"bindings": [{}]}}).encode()


class Listener:
    """An HTTP server on 127.0.0.1 that records each request; ``/fail`` answers 500."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                owner.requests.append((self.command, self.path))
                if self.path.startswith("/fail"):
                    self.send_response(500)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(EMPTY_RESULTS)))
                self.end_headers()
                self.wfile.write(EMPTY_RESULTS)

            do_GET = do_POST

            def log_message(self, format: str, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(SHUTDOWN_POLL,), daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def listener():
    running = Listener()
    yield running
    running.close()


def attacks(listener: Listener) -> dict[str, str]:
    """Every way around a text scan that we know of, each aimed at the listener."""
    to = listener.url
    return {
        # a prefixed name with an escaped quote fooled the old scan into a "string" up to the end
        "escaped quote": f"PREFIX x: <http://e/> SELECT * WHERE {{ BIND(x:a\\'b AS ?z) SERVICE <{to('quote')}> "
                         "{ ?s ?p ?o } }",
        "escaped quote, no prefix line": f"SELECT * WHERE {{ BIND(kg:a\\'b AS ?z) SERVICE <{to('quote2')}> "
                                         "{ ?s ?p ?o } }",
        r"\u escape": f"SELECT * WHERE {{ SERV\\u0049CE <{to('u')}> {{ ?s ?p ?o }} }}",
        r"\U escape": f"SELECT * WHERE {{ \\U00000053ERVICE <{to('bigu')}> {{ ?s ?p ?o }} }}",
        "lower case": f"select * where {{ service <{to('lower')}> {{ ?s ?p ?o }} }}",
        "escaped IRI": f"SELECT * WHERE {{ SERVICE <http://127.0.0.\\u0031:{listener.port}/iri> {{ ?s ?p ?o }} }}",
        "subquery": f"SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{to('sub')}> {{ ?s ?p ?o }} }} }} }}",
        "optional": f"SELECT * WHERE {{ ?a ?b ?c OPTIONAL {{ SERVICE <{to('optional')}> {{ ?s ?p ?o }} }} }}",
        "union": f"SELECT * WHERE {{ {{ ?a ?b ?c }} UNION {{ SERVICE <{to('union')}> {{ ?s ?p ?o }} }} }}",
        "silent": f"SELECT * WHERE {{ SERVICE SILENT <{to('silent')}> {{ ?s ?p ?o }} }}",
        "variable": f"SELECT * WHERE {{ VALUES ?x {{ <{to('variable')}> }} SERVICE ?x {{ ?s ?p ?o }} }}",
        "exists": f"ASK {{ FILTER EXISTS {{ SERVICE <{to('exists')}> {{ ?s ?p ?o }} }} }}",
        "construct": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{to('construct')}> {{ ?s ?p ?o }} }}",
        "after a string with a quote": f'SELECT * WHERE {{ BIND("a\\"b" AS ?z) SERVICE <{to("string")}> '
                                       "{ ?s ?p ?o } }",
        "after a comment": f"SELECT * WHERE {{ # }} '\nSERVICE <{to('comment')}> {{ ?s ?p ?o }} }}",
    }


def _names() -> list[str]:
    class Unused:  # only the names are needed to parametrize
        port = 9

        def url(self, path: str) -> str:
            return f"http://127.0.0.1:9/{path}"

    return list(attacks(Unused()))  # type: ignore[arg-type]


ATTACK_NAMES = _names()


def test_the_listener_sees_a_query_nothing_stops(listener):
    # positive control: the engine itself does send SERVICE requests, so the tests below mean something
    import pyoxigraph as ox

    before = len(listener.requests)
    assert list(ox.Store().query(f"SELECT * {{ SERVICE <{listener.url('control')}> {{ ?s ?p ?o }} }}"))
    assert listener.requests[before:] == [("POST", "/control")]


# --- the parse ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ATTACK_NAMES)
def test_the_parse_finds_every_service(listener, name):
    assert offline.services(attacks(listener)[name]), name


@pytest.mark.parametrize("text", [
    'SELECT * { ?s ?p "SERVICE" } # SERVICE <http://127.0.0.1:9/>',
    "SELECT * { ?s :serviceOf ?o }",
    "PREFIX service: <http://e/> SELECT * { ?s service:p ?o }",
    "SELECT ?a ?b { ?a :partnerOf ?b }",
])
def test_the_word_elsewhere_is_no_service(text):
    assert offline.services(text) == []


def test_unescape_and_the_quick_test():
    assert offline.unescape(r"SERV\u0049CE \U0001F680") == "SERVICE \U0001F680"
    assert not offline.may_name_service("SELECT * { ?s ?p ?o }")
    assert offline.may_name_service(r"SELECT * { \u0053\u0045RVICE <x:> {} }")
    assert offline.may_name_service(r"\u005Cu0053ERVICE")  # escapes of escapes: still suspect


def test_unparseable_text_that_mentions_service_is_refused():
    with pytest.raises(offline.ServiceRefusedError, match="could not be parsed"):
        offline.services("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o ")


# --- the second layer: no Internet socket for the query's thread -------------------------------


def test_an_offline_thread_cannot_reach_the_listener(listener):
    import pyoxigraph as ox

    if not sys.platform.startswith("linux"):
        pytest.skip("the seccomp filter is Linux only")
    store = ox.Store()
    before = len(listener.requests)

    def unguarded(text: str) -> list:
        return list(store.query(text))  # no parse check: only the filter stands in the way

    with pytest.raises(OSError):
        offline.run_offline(unguarded, f"SELECT * {{ SERVICE <{listener.url('thread')}> {{ ?s ?p ?o }} }}")
    assert offline.run_offline(unguarded, f"SELECT * {{ SERVICE SILENT <{listener.url('thread')}> {{ ?s ?p ?o }} }}")
    assert listener.requests[before:] == []
    # the filter holds only that thread: this one still reaches the listener
    with socket.create_connection(("127.0.0.1", listener.port), timeout=5):
        pass


def test_a_filtered_process_cannot_reach_the_listener(listener):
    # what each `serve` worker does when it starts
    if not sys.platform.startswith("linux"):
        pytest.skip("the seccomp filter is Linux only")
    probe = (
        "import sys, pyoxigraph as ox\n"
        "from graph.offline import block_network\n"
        "assert block_network()\n"
        "try:\n"
        f"    list(ox.Store().query('SELECT * {{ SERVICE <{listener.url('process')}> {{ ?s ?p ?o }} }}'))\n"
        "except OSError as exc:\n"
        "    print('refused:', exc)\n"
    )
    before = len(listener.requests)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "refused: Operation not permitted" in done.stdout
    assert listener.requests[before:] == []


# --- spacekg query -------------------------------------------------------------------------------


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.mark.parametrize("name", ATTACK_NAMES)
def test_query_refuses_every_service(built, listener, name):
    before = len(listener.requests)
    result = invoke("query", attacks(listener)[name], "--build-dir", str(built))
    assert result.exit_code == 7, result.output
    assert result.output.startswith("error: <query>: federated queries (SERVICE) are not allowed")
    assert "--allow-service" in result.output
    assert "Traceback" not in result.output
    assert listener.requests[before:] == []


def test_query_refuses_service_in_a_file_and_on_stdin(built, listener, tmp_path):
    text = attacks(listener)[r"\u escape"]
    path = tmp_path / "federated.rq"
    path.write_text(text, encoding="utf-8")
    before = len(listener.requests)
    for args, stdin in [([str(path)], None), (["-"], text)]:
        result = invoke("query", *args, "--build-dir", str(built), input=stdin)
        assert result.exit_code == 7, result.output
        assert "federated queries (SERVICE) are not allowed" in result.output
    assert listener.requests[before:] == []


def test_query_allow_service_federates(built, listener):
    before = len(listener.requests)
    result = invoke("query", f"SELECT * {{ SERVICE <{listener.url('allowed')}> {{ }} }}", "--allow-service",
                    "--format", "csv", "--build-dir", str(built))
    assert result.exit_code == 0, result.output
    assert listener.requests[before:] == [("POST", "/allowed")]


def test_a_failed_service_is_a_query_error_not_a_crash(built, listener):
    result = invoke("query", f"SELECT * {{ SERVICE <{listener.url('fail')}> {{ ?s ?p ?o }} }}", "--allow-service",
                    "--build-dir", str(built))
    assert result.exit_code == 7, result.output
    assert result.output.startswith("error: <query>: the query failed:") and "500" in result.output
    assert "Traceback" not in result.output


def test_the_word_service_in_a_query_is_fine(built):
    result = invoke("query", 'SELECT ?s WHERE { ?s ?p "SERVICE" } # SERVICE <http://127.0.0.1:9/>',
                    "--build-dir", str(built))
    assert (result.exit_code, result.output) == (0, "(no results)\n")


def test_a_query_file_that_is_not_utf8_is_exit_7(built, tmp_path):
    path = tmp_path / "latin1.rq"
    path.write_bytes("SELECT * {\n  ?s ?p \"Agência\" }\n".encode("latin-1"))
    result = invoke("query", str(path), "--build-dir", str(built))
    assert result.exit_code == 7, result.output
    assert f"error: {path}:2: the query is not UTF-8 text (byte 0xea" in result.output
    assert "Traceback" not in result.output
    bom = tmp_path / "bom.rq"
    bom.write_bytes(b"\xef\xbb\xbfASK { kg:cnsa :partnerOf kg:roscosmos }")
    assert invoke("query", str(bom), "--build-dir", str(built)).output == "true\n"


# --- spacekg serve -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def endpoint(built: Path, tmp_path_factory: pytest.TempPathFactory):
    log = tmp_path_factory.mktemp("serve-ssrf") / "serve.log"
    process, url = start_server(built, log, "--timeout", "10", "--workers", "1")
    yield url
    stop_server(process)


@pytest.mark.slow
def test_serve_refuses_every_service(endpoint, listener):
    before = len(listener.requests)
    for name, text in attacks(listener).items():
        for data, headers, url in [
            (form(text), {"Content-Type": "application/x-www-form-urlencoded"}, endpoint),
            (text.encode(), {"Content-Type": "application/sparql-query"}, endpoint),
            (None, {}, endpoint + "?" + urllib.parse.urlencode({"query": text})),
        ]:
            status, _, body = http(url, data=data, headers=headers)
            assert status == 403, (name, status, body)
            assert "federated queries (SERVICE) are not allowed" in body, (name, body)
    assert listener.requests[before:] == []
    # and it still answers
    status, _, body = http(endpoint, data=form("ASK { kg:cnsa :partnerOf kg:roscosmos }"),
                           headers={"Accept": "application/sparql-results+json"})
    assert (status, body) == (200, '{"head":{},"boolean":true}')


@pytest.mark.slow
def test_serve_answers_a_bad_content_length_at_once(endpoint):
    host, port = urllib.parse.urlsplit(endpoint).netloc.split(":")
    for length in ("-1", "abc", "1e3"):
        with socket.create_connection((host, int(port)), timeout=10) as conn:
            conn.sendall(f"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                         f"Content-Length: {length}\r\n\r\nASK {{}}".encode())
            reply = b""
            while chunk := conn.recv(4096):  # the server answers and closes the connection
                reply += chunk
            reply = reply.decode()
        assert reply.startswith(("HTTP/1.0 400", "HTTP/1.1 400")), reply
        assert "bad Content-Length" in reply
