"""`spacekg query` and graph.query: binding, formats, and a clear error for every bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graph import query as q
from graph.cli import main

KG = "https://w3id.org/spacekg/id/"
CNSA = ox.NamedNode(KG + "cnsa")


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


# --- binding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "index"), [
    ("SELECT ?x WHERE { ?x ?p ?o }", 16),
    ("select ?x where{?x ?p ?o}", 15),
    ("ASK { ?x ?p ?o }", 4),
    ("SELECT * { ?x ?p ?o }", 9),
    ('CONSTRUCT { ?x :label "}{" } WHERE { ?x ?p ?o }', 35),
    ("PREFIX a: <http://e/#> SELECT ?where WHERE { ?x a:p ?where }", 43),  # '#' in an IRI is no comment
    ("# WHERE {\nSELECT * WHERE { ?x ?p ?o }", 25),
    ("SELECT * WHERE { { SELECT ?x WHERE { ?x ?p ?o } } }", 15),
])
def test_where_group_start(text, index):
    assert q.where_group_start(text) == index
    assert text[index] == "{"


def test_bind_goes_inside_the_where_group():
    text = "SELECT ?y WHERE { ?x :partnerOf ?y } ORDER BY ?y"
    assert q.bind(text, {"x": CNSA}) == (
        "SELECT ?y WHERE {\n  VALUES (?x) { (<https://w3id.org/spacekg/id/cnsa>) }\n ?x :partnerOf ?y } ORDER BY ?y")
    assert q.bind(text, {}) == text
    assert q.bind("CONSTRUCT { ?a ?b ?c }", {"a": CNSA}).endswith(
        "\nVALUES (?a) { (<https://w3id.org/spacekg/id/cnsa>) }\n")


def test_bound_parameters_reach_filters_and_groups(store):
    # a trailing VALUES would join after the FILTER and the GROUP BY: these would then be wrong
    filtered = "SELECT ?x WHERE { ?x :partnerOf ?y FILTER (?y = ?who) }"
    results = q.run(store, filtered, bindings={"who": ox.NamedNode(KG + "roscosmos")})
    assert [s["x"] for s in results] == [CNSA]
    grouped = "SELECT (COUNT(*) AS ?n) WHERE { ?st rdf:subject ?who }"
    results = q.run(store, grouped, bindings={"who": CNSA})
    assert [s["n"].value for s in results] == ["7"]


def test_a_parameter_cannot_change_the_query(store):
    evil = q.parse_term('"x" } } ; DROP ALL ; SELECT * { "')
    assert isinstance(evil, ox.Literal)
    results = q.run(store, "SELECT ?x WHERE { ?x rdfs:label ?name }", bindings={"name": evil})
    assert list(results) == []


@pytest.mark.parametrize(("value", "term"), [
    ("cnsa", ox.NamedNode(KG + "cnsa")),
    ("kg:far-side-of-the-moon", ox.NamedNode(KG + "far-side-of-the-moon")),
    (":Planned", ox.NamedNode("https://w3id.org/spacekg/ontology#Planned")),
    ("<http://example.org/x>", ox.NamedNode("http://example.org/x")),
    ("2021-03-01", ox.Literal("2021-03-01", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))),
    ('"Moon"', ox.Literal("Moon")),
])
def test_parse_term(value, term):
    assert q.parse_term(value) == term


def test_query_form():
    assert q.query_form("PREFIX : <http://e/>\nSELECT * {}") == "SELECT"
    assert q.query_form("# SELECT\nDELETE WHERE { ?a ?b ?c }") == "DELETE"
    assert q.query_form("") is None


# --- the command -----------------------------------------------------------------------------


def test_list_shows_every_named_query_with_its_parameters():
    result = invoke("query", "--list")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert "partners-of -p agency ENTITY [-p as-of DATE]" in lines
    assert "changed-between -p from DATE -p to DATE" in lines
    assert "agreement-signatories" in lines
    assert len([line for line in lines if not line.startswith(" ")]) == len(q.named_queries())
    assert "      agency (entity): the actor, e.g. nasa; an entity: label, alias, acronym or ID, any case" in lines


def test_named_query_table(built):
    result = invoke("query", "--name", "rivals-of", "-p", "agency", "nasa", "--build-dir", str(built))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["rival", "certainty", "start", "end", "source", "evidence"]
    assert lines[2].split()[:4] == ["kg:cnsa", "inferred", "2021-03", "src:cnet-2021-ilrs"]
    assert lines[-1] == "(2 rows)"


@pytest.mark.parametrize(("args", "message"), [
    (["--name", "partners-of"],
     "named query 'partners-of' needs parameter(s): -p agency ENTITY (the actor, e.g. cnsa or "),
    (["--name", "partners-of", "-p", "agency", "cnsa", "-p", "actor", "x"],
     "named query 'partners-of' has no parameter(s) actor (it takes: agency, as-of)"),
    (["--name", "partner-of"], "unknown named query 'partner-of' (did you mean partners-of"),
    (["--name", "rivals-of", "-p", "agency", "nasa", "SELECT * {}"], "give either a query or --name, not both"),
    (["SELECT * {}", "-p", "agency", "nasa"], "parameters (-p) go with named queries (--name)"),
    ([], "give a query (text, file, or - for stdin), or --name NAME"),
    (["SELECT ?a WHERE { ?a :partnerOf }"], "<query>:1:33: syntax error at '}': expected "),
    (["ASK {}", "--header", "X: y"], "--header goes with --endpoint"),
    (["SELECT * { ?a ?b ?c } LIMIT 1", "--format", "turtle"], "a SELECT query gives a table: use --format"),
    (["CONSTRUCT WHERE { ?a :partnerOf ?b }", "--format", "csv"], "a CONSTRUCT or DESCRIBE query gives a graph"),
    (["ASK {}", "--format", "jsonld"], "an ASK query gives true or false"),
    (["missing.rq"], "cannot read query file"),
])
def test_bad_input_is_exit_7(built, args, message):
    result = invoke("query", *args, "--build-dir", str(built))
    assert result.exit_code == 7, result.output
    assert result.output.startswith("error: ")
    assert message in result.output
    assert "Traceback" not in result.output


def test_no_build_is_exit_8(tmp_path):
    result = invoke("query", "ASK {}", "--build-dir", str(tmp_path / "none"))
    assert result.exit_code == 8
    assert "no built graph" in result.output and "spacekg build" in result.output


def test_formats(built):
    b = ["--build-dir", str(built)]
    select = "SELECT ?a ?b WHERE { ?a :partnerOf ?b }"
    data = json.loads(invoke("query", select, "--format", "json", *b).output)
    assert data == {"head": {"vars": ["a", "b"]}, "results": {"bindings": [
        {"a": {"type": "uri", "value": KG + "cnsa"}, "b": {"type": "uri", "value": KG + "roscosmos"}}]}}
    assert invoke("query", select, "--format", "csv", *b).output.splitlines() == ["a,b", f"{KG}cnsa,{KG}roscosmos"]
    assert invoke("query", select, "--format", "tsv", *b).output.splitlines() == [
        "?a\t?b", f"<{KG}cnsa>\t<{KG}roscosmos>"]
    assert "<uri>https://w3id.org/spacekg/id/roscosmos</uri>" in invoke("query", select, "--format", "xml", *b).output
    ask = "ASK { kg:cnsa :partnerOf kg:roscosmos }"
    assert invoke("query", ask, *b).output == "true\n"
    assert json.loads(invoke("query", ask, "--format", "json", *b).output) == {"head": {}, "boolean": True}
    assert "<boolean>true</boolean>" in invoke("query", ask, "--format", "xml", *b).output
    construct = "CONSTRUCT { ?a :partnerOf ?b } WHERE { ?a :partnerOf ?b }"
    assert invoke("query", construct, "--format", "ntriples", *b).output == (
        f"<{KG}cnsa> <https://w3id.org/spacekg/ontology#partnerOf> <{KG}roscosmos> .\n")
    assert "kg:cnsa space:partnerOf kg:roscosmos ." in invoke("query", construct, "--format", "turtle", *b).output
    jsonld = json.loads(invoke("query", construct, "--format", "jsonld", *b).output)
    assert jsonld == [{"@id": KG + "cnsa", "https://w3id.org/spacekg/ontology#partnerOf": [{"@id": KG + "roscosmos"}]}]


def test_query_from_stdin_file_and_long_text(built, tmp_path):
    b = ["--build-dir", str(built)]
    select = "SELECT ?b WHERE { kg:cnsa :partnerOf ?b }"
    expected = ["b", KG + "roscosmos"]
    assert invoke("query", "-", "--format", "csv", *b, input=select).output.splitlines() == expected
    path = tmp_path / "q.rq"
    path.write_text(select)
    assert invoke("query", str(path), "--format", "csv", *b).output.splitlines() == expected
    # longer than a file name may be: still taken as the query text
    long = select.replace("?b }", "?b FILTER (?b != <" + KG + "x" * 300 + ">) }")
    result = invoke("query", long, "--format", "csv", *b)
    assert (result.exit_code, result.output.splitlines()) == (0, expected)


def test_query_command_imports_no_heavy_library(built):
    # issue 7: `spacekg query` must start fast, so nothing heavy is imported on its path
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('HEAVY', sorted(m for m in ('rdflib', 'networkx', 'matplotlib', "
        "'pyshacl', 'oxrdflib') if m in sys.modules), file=sys.stderr))\n"
        f"sys.argv = ['spacekg', 'query', '--build-dir', {str(built)!r}, '--name', 'partners-of', '-p', 'agency', "
        "'cnsa']\n"
        "from graph.cli import main\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).parent)
    assert done.returncode == 0, done.stderr
    assert "kg:roscosmos" in done.stdout
    assert "HEAVY []" in done.stderr
