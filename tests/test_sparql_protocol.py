"""SPARQL as the standard says: the W3C SPARQL 1.1 Protocol cases and the dataset, base and error rules.

The protocol cases are data (``tests/data/sparql11_protocol.json``, written from the W3C test
manifest); each is sent as written to a real ``spacekg serve`` over a build that holds the
manifest's graphs. The query cases must pass; the update cases must get a 4xx (read-only).
"""

from __future__ import annotations

import http.client as httpclient
import json
import urllib.parse
import xml.dom.minidom
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.errors import QueryError
from graph.query import run
from graph.sparql import BASE_IRI, options, readable_syntax_error
from tests.test_server import http, start_server, stop_server

CASES = json.loads((Path(__file__).parent / "data" / "sparql11_protocol.json").read_text(encoding="utf-8"))
CATALOG = "https://w3id.org/spacekg/catalog"
RESULT_TYPES = {"application/sparql-results+json", "application/sparql-results+xml"}
TABULAR_TYPES = RESULT_TYPES | {"text/csv", "text/tab-separated-values"}
RDF_TYPES = {"text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json"}


@pytest.fixture(scope="module")
def protocol_endpoint(tmp_path_factory: pytest.TempPathFactory):
    """``spacekg serve`` over a build of the manifest's graphs: each ``dataN.rdf`` a foaf:Document in itself."""
    from graph.store import write_trig

    folder = tmp_path_factory.mktemp("protocol")
    trig = "".join(f"<{iri}> {{ <{iri}> a <http://xmlns.com/foaf/0.1/Document> . }}\n"
                   for iri in CASES["graphs"]["iris"])
    write_trig(trig.encode(), folder / "build")
    process, url = start_server(folder / "build", folder / "serve.log", "--workers", "1")
    yield url
    stop_server(process)


@pytest.fixture(scope="module")
def seed_endpoint(built: Path, tmp_path_factory: pytest.TempPathFactory):
    log = tmp_path_factory.mktemp("serve-seed") / "serve.log"
    process, url = start_server(built, log, "--workers", "1")
    yield url
    stop_server(process)


def send(url: str, case: dict) -> tuple[int, str, bytes]:
    """Send one manifest request as written (method, path, headers, body in its encoding)."""
    where = urllib.parse.urlsplit(url)
    connection = httpclient.HTTPConnection(where.hostname, where.port, timeout=30)
    body = None if case["body"] is None else case["body"].encode(case["encoding"])
    connection.putrequest(case["method"], case["path"], skip_accept_encoding=True)
    for name, value in case["headers"]:
        connection.putheader(name, value)
    connection.putheader("Content-Length", str(len(body or b"")))
    connection.endheaders(body)
    answer = connection.getresponse()
    result = answer.status, answer.getheader("Content-Type") or "", answer.read()
    connection.close()
    return result


def boolean_of(content_type: str, body: bytes) -> bool:
    if content_type.startswith("application/sparql-results+json"):
        return json.loads(body)["boolean"]
    document = xml.dom.minidom.parseString(body)
    return document.getElementsByTagName("boolean")[0].firstChild.data == "true"


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["id"] for c in CASES["cases"]])
def test_w3c_protocol_case(protocol_endpoint, case):
    status, content_type, body = send(protocol_endpoint, case)
    if case["status"] == "4xx":
        assert 400 <= status < 500, (status, body)
        return
    assert 200 <= status < 400, (status, body)
    media = content_type.split(";")[0].strip()
    expected_types = {"boolean": RESULT_TYPES, "tabular": TABULAR_TYPES, "RDF": RDF_TYPES}[case["format"]]
    assert media in expected_types
    if "boolean" in case:
        assert boolean_of(media, body) is case["boolean"]


def test_all_manifest_cases_are_kept():
    ids = [c["id"] for c in CASES["cases"]]
    assert len(ids) == len(set(ids)) == 34
    assert sum(1 for c in CASES["cases"] if c["status"] == "2xx") == 13


# --- the dataset: protocol, then FROM, then the union -----------------------------------------


def count(url: str, query: str, **params: list[str]) -> int:
    query_string = urllib.parse.urlencode({"query": query, **params}, doseq=True)
    status, _, body = http(f"{url}?{query_string}", headers={"Accept": "application/sparql-results+json"})
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_from_picks_the_graph_in_serve(seed_endpoint, store):
    in_catalog = len(list(store.quads_for_pattern(None, None, None, _named(CATALOG))))
    assert 0 < in_catalog < count(seed_endpoint, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")  # the union
    assert count(seed_endpoint, f"SELECT (COUNT(*) AS ?n) FROM <{CATALOG}> {{ ?s ?p ?o }}") == in_catalog


def test_from_named_limits_graph_patterns(seed_endpoint):
    query = f"SELECT (COUNT(DISTINCT ?g) AS ?n) FROM NAMED <{CATALOG}> {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert count(seed_endpoint, query) == 1


def test_protocol_dataset_overrides_from(seed_endpoint, store):
    in_catalog = len(list(store.quads_for_pattern(None, None, None, _named(CATALOG))))
    ontology = "https://w3id.org/spacekg/ontology"
    in_ontology = len(list(store.quads_for_pattern(None, None, None, _named(ontology))))
    assert in_ontology != in_catalog
    query = f"SELECT (COUNT(*) AS ?n) FROM <{CATALOG}> {{ ?s ?p ?o }}"
    assert count(seed_endpoint, query, **{"default-graph-uri": [ontology]}) == in_ontology


@pytest.mark.parametrize("parameter", ["default-graph-uri", "named-graph-uri"])
def test_bad_graph_iri_is_400_and_the_worker_lives(seed_endpoint, parameter):
    query_string = urllib.parse.urlencode({"query": "ASK {}", parameter: "not an iri"})
    status, _, body = http(f"{seed_endpoint}?{query_string}")
    assert status == 400
    assert body == f"{parameter}: 'not an iri' is not an absolute IRI (such as {CATALOG})\n"
    assert count(seed_endpoint, "SELECT (COUNT(*) AS ?n) {}") == 1  # the only worker still answers


def test_from_in_query_command(store):
    rows = list(run(store, f"SELECT (COUNT(*) AS ?n) FROM <{CATALOG}> {{ ?s ?p ?o }}"))
    assert int(rows[0]["n"].value) == len(list(store.quads_for_pattern(None, None, None, _named(CATALOG))))


def test_options_follow_the_rules():
    assert options("SELECT * { ?s ?p ?o }")["use_default_graph_as_union"] is True
    assert "use_default_graph_as_union" not in options(f"SELECT * FROM <{CATALOG}> {{ ?s ?p ?o }}")
    chosen = options("SELECT * { ?s ?p ?o }", [], [CATALOG])
    assert (chosen["default_graph"], [n.value for n in chosen["named_graphs"]]) == ([], [CATALOG])
    with pytest.raises(QueryError, match="named-graph-uri: 'x y' is not an absolute IRI"):
        options("ASK {}", None, ["x y"])


# --- the base IRI, /sparql/, 406 for ASK as CSV -----------------------------------------------


def test_relative_iris_resolve_against_the_base(seed_endpoint, store):
    status, _, body = http(seed_endpoint, data=b"CONSTRUCT { <s> <p> 1 } WHERE {}",
                           headers={"Content-Type": "application/sparql-query", "Accept": "application/n-triples"})
    assert status == 200
    assert body == f'<{BASE_IRI}s> <{BASE_IRI}p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    triples = list(run(store, "CONSTRUCT { <s> <p> 1 } WHERE {}"))
    assert [(t.subject.value, t.predicate.value, t.object.value) for t in triples] == [
        (BASE_IRI + "s", BASE_IRI + "p", "1")]


def test_sparql_with_a_slash(seed_endpoint):
    status, _, body = http(seed_endpoint + "/?query=ASK%20%7B%7D",
                           headers={"Accept": "application/sparql-results+json"})
    assert (status, json.loads(body)) == (200, {"head": {}, "boolean": True})


@pytest.mark.parametrize("accept", ["text/csv", "text/tab-separated-values"])
def test_ask_as_csv_is_406(seed_endpoint, accept):
    status, _, body = http(seed_endpoint + "?query=ASK%20%7B%7D", headers={"Accept": accept})
    assert status == 406
    assert body.startswith("no acceptable format for this boolean result (ASK): ask for one of ")
    status, _, _ = http(seed_endpoint + "?query=ASK%20%7B%7D&format=csv")
    assert status == 406


# --- parse errors a person can read --------------------------------------------------------

UNKNOWN_PREFIX = "SELECT ?x WHERE { ?x nope:foo ?y }"
READABLE = ("query:1:22: unknown prefix nope (in nope:foo): declare it with PREFIX nope: <...>, "
            "or use a predeclared one (space, kg, src, stmt, cameo, ...)")


def test_unknown_prefix_in_serve(seed_endpoint):
    status, _, body = http(seed_endpoint + "?" + urllib.parse.urlencode({"query": UNKNOWN_PREFIX}))
    assert (status, body) == (400, READABLE + "\n")


def test_unknown_prefix_on_the_browser_page(seed_endpoint):
    status, content_type, body = http(seed_endpoint, data=urllib.parse.urlencode(
        {"query": UNKNOWN_PREFIX, "format": "html"}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html"})
    assert (status, content_type) == (400, "text/html; charset=utf-8")
    assert "unknown prefix nope (in nope:foo)" in body
    assert "u{00C0}" not in body


def test_unknown_prefix_on_the_command_line(built):
    result = CliRunner().invoke(main, ["query", "--build-dir", str(built), UNKNOWN_PREFIX])
    assert result.exit_code == QueryError.exit_code
    assert result.output == "error: <" + READABLE.replace("query:", "query>:", 1) + "\n"
    assert "u{00C0}" not in result.output


@pytest.mark.parametrize(("text", "message"), [
    ("ASK {", "query:1:6: the query ends too early (a { or ( not closed, or a triple pattern cut short)"),
    ("SELECT ?x WHERE {\n ?x <a b> ?y }", "query:2:5: <a b> is not a valid IRI"),
    ("SELEC ?x {}", "query:1:1: 'SELEC' is not a query form: expected SELECT, CONSTRUCT, ASK or DESCRIBE"),
])
def test_readable_syntax_errors(store, text, message):
    with pytest.raises(QueryError) as caught:
        run(store, text)
    assert str(caught.value) == message


def test_unknown_message_is_kept():
    assert readable_syntax_error("something else", "ASK {}") == "query: malformed SPARQL: something else"


def _named(iri: str):
    import pyoxigraph as ox

    return ox.NamedNode(iri)
