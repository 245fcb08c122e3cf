"""Remote stores: `spacekg push` into a real Oxigraph server, `spacekg query --endpoint` against it.

The Oxigraph server is the `oxigraph` command of the PyPI package `oxigraph` (the `test` extra),
started on a free 127.0.0.1 port with a temporary location and stopped by its fixture.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from graph import remote
from graph.cli import main
from graph.errors import EndpointError
from tests.conftest import SHUTDOWN_POLL, answers, stop_process


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def oxigraph_command() -> str:
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    found = shutil.which("oxigraph", path=path)
    if found is None:
        pytest.fail("the `oxigraph` server is not installed: pip install -e '.[test]'")
    return found


def start_oxigraph(location: Path) -> tuple[subprocess.Popen, str]:
    """A read-write Oxigraph server whose default graph is the union of its named graphs."""
    for _ in range(3):  # the free port may be taken between the probe and the bind
        port = free_port()
        process = subprocess.Popen(
            [oxigraph_command(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
             "--union-default-graph"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        if answers(base + "/", process, 30, any_status=True):
            return process, base
        stop(process)
    pytest.fail("the Oxigraph server did not start")


stop = stop_process


@pytest.fixture
def oxigraph(tmp_path: Path):
    process, base = start_oxigraph(tmp_path / "oxigraph")
    yield base
    stop(process)


@pytest.fixture(scope="module")
def pushed(built: Path, tmp_path_factory: pytest.TempPathFactory):
    """An Oxigraph server holding the seed graph, pushed with `spacekg push` (one graph per source)."""
    process, base = start_oxigraph(tmp_path_factory.mktemp("oxigraph") / "db")
    result = CliRunner().invoke(main, ["push", "--endpoint", base + "/store", "--build-dir", str(built)])
    try:
        assert result.exit_code == 0, result.output
        yield base, result.output
    finally:
        stop(process)


def invoke(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env)


def as_json(output: str) -> dict:
    data = json.loads(output)
    bindings = data.get("results", {}).get("bindings")
    if bindings is not None:
        data["results"]["bindings"] = sorted(bindings, key=lambda b: json.dumps(b, sort_keys=True))
    return data


def test_push_keeps_one_graph_per_source(pushed, store):
    base, output = pushed
    graphs = {g.value: len(list(store.quads_for_pattern(None, None, None, g))) for g in store.named_graphs()}
    assert set(graphs) == {"https://w3id.org/spacekg/ontology", "https://w3id.org/spacekg/catalog",
                           "https://w3id.org/spacekg/cameo", "https://w3id.org/spacekg/source/cnet-2021-ilrs"}
    for name, count in graphs.items():
        assert f"{count:>8} triples -> <{name}>" in output
    result = invoke("query", "--endpoint", base + "/query", "--format", "json",
                    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    assert result.exit_code == 0, result.output
    remote_counts = {b["g"]["value"]: int(b["n"]["value"]) for b in json.loads(result.output)["results"]["bindings"]}
    assert remote_counts == graphs


def test_remote_graph_and_boolean_results(pushed, built):
    base, _ = pushed
    construct = "CONSTRUCT { ?a :rivalOf ?b } WHERE { ?a :rivalOf ?b }"
    local = invoke("query", construct, "--format", "ntriples", "--build-dir", str(built))
    far = invoke("query", construct, "--format", "ntriples", "--endpoint", base + "/query")
    assert far.exit_code == 0, far.output
    assert sorted(far.output.splitlines()) == sorted(local.output.splitlines()) == [
        "<https://w3id.org/spacekg/id/cnsa> <https://w3id.org/spacekg/ontology#rivalOf> "
        "<https://w3id.org/spacekg/id/nasa> .",
        "<https://w3id.org/spacekg/id/roscosmos> <https://w3id.org/spacekg/ontology#rivalOf> "
        "<https://w3id.org/spacekg/id/nasa> .",
    ]
    ask = invoke("query", "ASK { kg:cnsa :partnerOf kg:roscosmos }", "--endpoint", base + "/query")
    assert (ask.exit_code, ask.output) == (0, "true\n")


def test_remote_malformed_query_is_exit_7(pushed):
    base, _ = pushed
    result = invoke("query", "SELECT ?a WHERE { ?a :partnerOf }", "--endpoint", base + "/query")
    assert result.exit_code == 7
    assert "the endpoint rejected the query: error at" in result.output
    assert "PREFIX lines sent before the query" in result.output


def test_push_into_one_graph_with_update(oxigraph, built, store):
    graph_iri = "https://example.org/spacekg"
    result = invoke("push", "--endpoint", oxigraph + "/update", "--update", "--graph", graph_iri,
                    "--build-dir", str(built))
    assert result.exit_code == 0, result.output
    distinct = len(set(q.triple for q in store.quads_for_pattern(None, None, None, None)))
    assert result.output.splitlines() == [
        f"{distinct:>8} triples -> <{graph_iri}>",
        f"pushed {distinct} triples in 1 graph(s) to {oxigraph}/update",
    ]
    count = invoke("query", "--endpoint", oxigraph + "/query", "--format", "csv",
                   "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    assert count.output.splitlines() == ["g,n", f"{graph_iri},{distinct}"]
    # pushing again replaces the graph rather than adding to it
    again = invoke("push", "--endpoint", oxigraph + "/update", "--update", "--graph", graph_iri,
                   "--build-dir", str(built))
    assert again.exit_code == 0
    count = invoke("query", "--endpoint", oxigraph + "/query", "--format", "csv",
                   "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert count.output.splitlines() == ["n", str(distinct)]


def test_push_to_a_wrong_url_is_exit_10(oxigraph, built):
    result = invoke("push", "--endpoint", oxigraph + "/query", "--build-dir", str(built))
    assert result.exit_code == 10
    assert "refused graph <" in result.output and "HTTP 404" in result.output
    assert "Graph Store Protocol URL" in result.output


def test_unreachable_endpoint_is_exit_10(built):
    url = f"http://127.0.0.1:{free_port()}/query"  # nothing listens there
    result = invoke("query", "ASK {}", "--endpoint", url)
    assert result.exit_code == 10
    assert f"cannot reach the SPARQL endpoint {url}: Connection refused" in result.output
    result = invoke("push", "--endpoint", url, "--build-dir", str(built))
    assert result.exit_code == 10
    assert "cannot reach the SPARQL endpoint" in result.output


def test_credentials_never_in_the_url():
    result = invoke("query", "ASK {}", "--endpoint", "http://user:secret@127.0.0.1:1/query")
    assert result.exit_code == 10
    assert "credentials do not go in the endpoint URL" in result.output
    assert "secret" not in result.output


def test_auth_headers():
    env = {"SPACEKG_AUTH_HEADER": "Authorization: Bearer abc\nX-Team: moon"}
    assert remote.auth_headers(["X-Team: mars"], env=env) == {"Authorization": "Bearer abc", "X-Team": "mars"}
    assert remote.auth_headers([], env={}) == {}
    with pytest.raises(EndpointError) as caught:
        remote.auth_headers(["Bearer s3cr3t"], env={})
    assert "s3cr3t" not in str(caught.value)


class Recorder(BaseHTTPRequestHandler):
    """A stand-in endpoint that records each request and answers an empty SELECT."""

    seen: ClassVar[list[dict]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Recorder.seen.append({"path": self.path, "headers": dict(self.headers), "body": body.decode()})
        answer = b'{"head":{"vars":["x"]},"results":{"bindings":[]}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def recorder():
    Recorder.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, args=(SHUTDOWN_POLL,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/sparql"
    httpd.shutdown()
    httpd.server_close()
    thread.join(10)


def test_query_sends_prefixes_bound_values_and_headers(recorder):
    import urllib.parse

    # a full IRI is bound as given (a name would be resolved by asking the endpoint, which answers nothing here)
    result = invoke("query", "--name", "partners-of", "-p", "agency", "<https://w3id.org/spacekg/id/cnsa>",
                    "-p", "as-of", "2021-03", "--endpoint", recorder,
                    "--header", "X-Team: moon", env={"SPACEKG_AUTH_HEADER": "Authorization: Bearer abc"})
    assert result.exit_code == 0, result.output
    assert result.output == "(no results)\n"
    [request] = Recorder.seen
    assert request["path"] == "/sparql"
    assert request["headers"]["Authorization"] == "Bearer abc"
    assert request["headers"]["X-Team"] == "moon"
    assert request["headers"]["Content-Type"] == "application/x-www-form-urlencoded"
    assert request["headers"]["Accept"].startswith("application/sparql-results+json")
    text = urllib.parse.parse_qs(request["body"])["query"][0]
    assert text.startswith("PREFIX space: <https://w3id.org/spacekg/ontology#>\nPREFIX kg: ")
    assert "PREFIX : <https://w3id.org/spacekg/ontology#>\n" in text  # last: rdflib forgets it otherwise
    assert "PREFIX kg: <https://w3id.org/spacekg/id/>\n" in text
    assert ("WHERE {\n  VALUES (?agency ?as_of) { (<https://w3id.org/spacekg/id/cnsa> "
            '"2021-03-01"^^<http://www.w3.org/2001/XMLSchema#date>) }\n') in text


def test_analysis_explain_and_maps_read_the_remote_store_too(pushed, built, tmp_path):
    base, _ = pushed
    for command in (["analyze", "--format", "json"], ["explain", "CNSA", "NASA"]):
        local = invoke(*command, "--build-dir", str(built))
        far = invoke(*command, "--endpoint", base + "/query")
        assert far.exit_code == 0, far.output
        assert far.output == local.output
    out = tmp_path / "signed.png"
    drawn = invoke("render", "signed", "--endpoint", base + "/query", "-o", str(out))
    assert drawn.exit_code == 0, drawn.output
    assert "3 nodes, 3 edges" in drawn.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_mirror_of_the_remote_store_equals_the_embedded_one(pushed, store):
    from graph.mirror import mirror

    base, _ = pushed
    local, far = mirror(store), mirror(remote.RemoteStore(base + "/query"))
    assert sorted(far.nodes(data=True), key=str) == sorted(local.nodes(data=True), key=str)
    assert sorted(far.edges(keys=True, data=True), key=str) == sorted(local.edges(keys=True, data=True), key=str)
