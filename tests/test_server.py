"""`spacekg serve`: the real server on a loopback port, queried with real SPARQL clients.

One server per module (a subprocess of `python -m graph.cli serve --port 0`), stopped by the
fixture's finalizer. Its limits are small on purpose: 2 s per query, 500 rows per answer.
"""

from __future__ import annotations

import json
import selectors
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from graph import server
from tests.conftest import stop_process

KG = "https://w3id.org/spacekg/id/"
PARTNERS = "SELECT ?a ?b WHERE { ?a :partnerOf ?b }"
RIVALS = "CONSTRUCT { ?a :rivalOf ?b } WHERE { ?a :rivalOf ?b }"
RIVAL_TRIPLES = {
    (rdflib.URIRef(KG + who), rdflib.URIRef("https://w3id.org/spacekg/ontology#rivalOf"), rdflib.URIRef(KG + "nasa"))
    for who in ("cnsa", "roscosmos")
}
# 1051 triples to the fourth power: far beyond any time limit, and a single row, so only the
# time limit can stop it
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
WIDE = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"  # about 1.1 million rows


def start_server(build_dir: Path, log: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    """Start `spacekg serve` on a free loopback port; return the process and its /sparql URL."""
    command = [sys.executable, "-m", "graph.cli", "serve", "--build-dir", str(build_dir), "--host", "127.0.0.1",
               "--port", "0", "--quiet", *extra]
    with open(log, "wb") as err:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=err, start_new_session=True)
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    line = b""
    if selector.select(timeout=60):  # bounded wait for the announcement
        line = process.stdout.readline()
    selector.close()
    text = line.decode()
    if "http://" not in text:
        stop_server(process)
        pytest.fail(f"the server did not start: {text!r} {log.read_text(errors='replace')}")
    url = text.split("at ", 1)[1].split()[0]
    return process, url


def stop_server(process: subprocess.Popen) -> None:
    """SIGTERM (the server stops its workers), then SIGKILL to the whole group if needed."""
    stop_process(process)
    if process.stdout:
        process.stdout.close()


@pytest.fixture(scope="module")
def endpoint(built: Path, tmp_path_factory: pytest.TempPathFactory):
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    process, url = start_server(built, log, "--timeout", "2", "--max-results", "500", "--workers", "2")
    yield url
    stop_server(process)
    assert process.returncode is not None


def wrapper(url: str, query: str, fmt: str, method: str = "POST") -> SPARQLWrapper:
    client = SPARQLWrapper(url)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    client.setTimeout(30)
    return client


def http(url: str, *, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, content type, body) of one request."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.headers.get("Content-Type"), answer.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type"), exc.read().decode()


def form(query: str) -> bytes:
    return urllib.parse.urlencode({"query": query}).encode()


# --- every result format, through SPARQLWrapper -------------------------------------------


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select_json(endpoint, method):
    result = wrapper(endpoint, PARTNERS, JSON, method).queryAndConvert()
    assert result["head"]["vars"] == ["a", "b"]
    assert result["results"]["bindings"] == [
        {"a": {"type": "uri", "value": KG + "cnsa"}, "b": {"type": "uri", "value": KG + "roscosmos"}}
    ]


def test_select_xml(endpoint):
    document = wrapper(endpoint, PARTNERS, XML).queryAndConvert()  # an xml.dom document
    uris = [node.firstChild.data for node in document.getElementsByTagName("uri")]
    assert uris == [KG + "cnsa", KG + "roscosmos"]


def test_select_csv_and_tsv(endpoint):
    csv_text = wrapper(endpoint, PARTNERS, CSV).queryAndConvert().decode()
    assert csv_text.splitlines() == ["a,b", f"{KG}cnsa,{KG}roscosmos"]
    tsv_text = wrapper(endpoint, PARTNERS, TSV).queryAndConvert().decode()
    assert tsv_text.splitlines() == ["?a\t?b", f"<{KG}cnsa>\t<{KG}roscosmos>"]


def test_ask_json_and_xml(endpoint):
    assert wrapper(endpoint, "ASK { kg:cnsa :partnerOf kg:roscosmos }", JSON).queryAndConvert() == {
        "head": {}, "boolean": True}
    document = wrapper(endpoint, "ASK { kg:nasa :partnerOf kg:cnsa }", XML).queryAndConvert()
    assert document.getElementsByTagName("boolean")[0].firstChild.data == "false"


@pytest.mark.parametrize(("fmt", "rdflib_format"), [(TURTLE, "turtle"), (N3, "turtle")])
def test_construct_turtle(endpoint, fmt, rdflib_format):
    data = wrapper(endpoint, RIVALS, fmt).queryAndConvert()
    g = rdflib.Graph().parse(data=data, format=rdflib_format)
    assert set(g) == RIVAL_TRIPLES


@pytest.mark.parametrize("fmt", [JSONLD, RDFXML])
def test_construct_jsonld_and_rdfxml(endpoint, fmt):
    g = wrapper(endpoint, RIVALS, fmt).queryAndConvert()  # SPARQLWrapper parses these into an rdflib Graph
    assert set(g) == RIVAL_TRIPLES


def test_construct_ntriples_by_accept(endpoint):
    status, media, body = http(endpoint, data=RIVALS.encode(),
                               headers={"Content-Type": "application/sparql-query", "Accept": "application/n-triples"})
    assert (status, media) == (200, "application/n-triples")
    assert set(rdflib.Graph().parse(data=body, format="nt")) == RIVAL_TRIPLES


def test_rdflib_sparqlstore(endpoint):
    g = rdflib.Graph(store="SPARQLStore")
    g.open(endpoint)
    rows = [(str(r.a), str(r.b)) for r in g.query(PARTNERS)]
    assert rows == [(KG + "cnsa", KG + "roscosmos")]
    assert set(g.query(RIVALS).graph) == RIVAL_TRIPLES


@pytest.mark.parametrize(("accept", "media", "first_line"), [
    ("text/csv", "text/csv; charset=utf-8", "a,b"),
    ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8", "?a\t?b"),
    ("application/sparql-results+xml;q=0.9, text/csv;q=0.5", "application/sparql-results+xml",
     '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head><variable name="a"/>'
     '<variable name="b"/></head><results><result><binding name="a"><uri>https://w3id.org/spacekg/id/cnsa</uri>'
     '</binding><binding name="b"><uri>https://w3id.org/spacekg/id/roscosmos</uri></binding></result></results>'
     '</sparql>'),
    ("*/*", "application/sparql-results+json", '{"head":{"vars":["a","b"]},"results":{"bindings":[{"a":{"type":'
     '"uri","value":"https://w3id.org/spacekg/id/cnsa"},"b":{"type":"uri","value":"https://w3id.org/spacekg/id/'
     'roscosmos"}}]}}'),
])
def test_content_negotiation(endpoint, accept, media, first_line):
    url = endpoint + "?" + urllib.parse.urlencode({"query": PARTNERS})
    status, content_type, body = http(url, headers={"Accept": accept})
    assert (status, content_type) == (200, media)
    assert body.splitlines()[0] == first_line


def test_no_acceptable_format_is_406(endpoint):
    status, _, body = http(endpoint, data=form(PARTNERS), headers={"Accept": "text/turtle"})
    assert status == 406
    assert "text/csv" in body


# --- refusals and limits ------------------------------------------------------------------


def test_update_is_refused(endpoint):
    client = wrapper(endpoint, "INSERT DATA { kg:a kg:b kg:c }", JSON)
    with pytest.raises(urllib.error.HTTPError) as caught:
        client.query()  # SPARQLWrapper sends it as update=
    assert caught.value.code == 403
    assert "read-only: SPARQL Update is refused" in caught.value.read().decode()
    for data, headers, method in [
        (b"CLEAR ALL", {"Content-Type": "application/sparql-update"}, "POST"),
        (form("DELETE WHERE { ?a ?b ?c }"), {"Content-Type": "application/x-www-form-urlencoded"}, "POST"),
        (b"<http://e/a> <http://e/b> <http://e/c> .", {"Content-Type": "application/n-triples"}, "PUT"),
    ]:
        status, _, body = http(endpoint, data=data, headers=headers, method=method)
        assert status == 403 and "read-only" in body
    # and nothing changed
    assert wrapper(endpoint, "ASK { kg:a kg:b kg:c }", JSON).queryAndConvert()["boolean"] is False


def test_service_is_refused(endpoint):
    status, _, body = http(endpoint, data=form("SELECT * { SERVICE <http://127.0.0.1:9/x> { ?a ?b ?c } }"))
    assert status == 403 and "SERVICE" in body


def test_malformed_query_is_400_with_the_parser_message(endpoint):
    with pytest.raises(QueryBadFormed) as caught:
        wrapper(endpoint, "SELECT ?a WHERE { ?a :partnerOf }", JSON).queryAndConvert()
    assert "query:1:33: syntax error at " in str(caught.value)
    status, media, body = http(endpoint, data=form("SELEC ?a"))
    assert (status, media) == (400, "text/plain; charset=utf-8")
    assert body == "query:1:1: 'SELEC' is not a query form: expected SELECT, CONSTRUCT, ASK or DESCRIBE\n"


@pytest.mark.slow  # waits for a query to time out
def test_runaway_query_times_out_and_others_are_served(endpoint):
    outcome = {}

    def runaway():
        outcome["runaway"] = http(endpoint, data=form(RUNAWAY), headers={"Accept": "application/json"})

    thread = threading.Thread(target=runaway)
    thread.start()
    # served by the other worker while the runaway runs
    during = wrapper(endpoint, PARTNERS, JSON).queryAndConvert()
    thread.join(60)
    assert not thread.is_alive()
    status, _, body = outcome["runaway"]
    assert status == 503
    assert "ran longer than 2 s" in body
    assert during["results"]["bindings"][0]["b"]["value"] == KG + "roscosmos"
    # the killed worker is replaced: two queries at once are answered again
    after = [wrapper(endpoint, PARTNERS, JSON).queryAndConvert() for _ in range(3)]
    assert all(a == during for a in after)


def test_too_many_results_is_refused(endpoint):
    status, _, body = http(endpoint, data=form(WIDE))
    assert status == 503
    assert "more than 500 rows" in body
    status, _, body = http(endpoint, data=form(WIDE + " LIMIT 500"), headers={"Accept": "text/csv"})
    assert status == 200 and len(body.splitlines()) == 501


def test_query_page(endpoint):
    root = endpoint.rsplit("/", 1)[0] + "/"
    status, media, body = http(root)
    assert (status, media) == (200, "text/html; charset=utf-8")
    assert '<form method="post" action="/sparql">' in body and '<textarea name="query"' in body
    assert "<script" not in body and "<link" not in body and "http://" not in body.split("</style>")[0]
    # the form posts format=html and gets a table back
    status, media, body = http(endpoint, data=urllib.parse.urlencode({"query": PARTNERS, "format": "html"}).encode())
    assert status == 200 and "<td>kg:cnsa</td><td>kg:roscosmos</td>" in body


def test_unknown_path_and_named_graphs(endpoint, store):
    root = endpoint.rsplit("/", 1)[0]
    assert http(root + "/nothing")[0] == 404
    # default-graph-uri narrows the default graph to one graph, as the protocol says
    url = endpoint + "?" + urllib.parse.urlencode(
        {"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "default-graph-uri": "https://w3id.org/spacekg/catalog"})
    status, _, body = http(url, headers={"Accept": "application/sparql-results+json"})
    assert status == 200
    catalog = store.quads_for_pattern(None, None, None, ox.NamedNode("https://w3id.org/spacekg/catalog"))
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(len(list(catalog)))


def test_still_answering_at_the_end(endpoint):
    assert wrapper(endpoint, "ASK { kg:cnsa :partnerOf kg:roscosmos }", JSON).queryAndConvert()["boolean"] is True


# --- in-process pieces ---------------------------------------------------------------------


def test_negotiate():
    assert server.negotiate("results", server.parse_accept("text/html,application/xhtml+xml,*/*;q=0.8"), None) \
        == "json"
    assert server.negotiate("results", server.parse_accept("text/html"), None) == "html"
    assert server.negotiate("graph", server.parse_accept("application/ld+json"), None) == "jsonld"
    assert server.negotiate("graph", [], "rdf+xml") == "rdfxml"
    assert server.negotiate("results", [], "turtle") is None
    assert server.negotiate("results", server.parse_accept("text/csv"), "no-such-format") == "csv"


def test_refuse():
    assert server.refuse("PREFIX x: <http://e/#> INSERT DATA { x:a x:b x:c }").status == 403
    # SERVICE is refused on the parse, by the worker (tests/test_ssrf.py tries the evasions)
    assert server.refuse_service('SELECT * { ?s ?p "SERVICE" } # SERVICE') is None
    assert server.refuse_service("SELECT * { SERVICE <http://e/> { ?s ?p ?o } }").status == 403
    assert server.refuse_service(r"SELECT * { SERV\u0049CE <http://e/> { ?s ?p ?o } }").status == 403


def test_serve_without_a_build_is_exit_8(tmp_path):
    from click.testing import CliRunner

    from graph.cli import main

    result = CliRunner().invoke(main, ["serve", "--build-dir", str(tmp_path), "--port", "0"])
    assert result.exit_code == 8
    assert "no built graph" in result.output
