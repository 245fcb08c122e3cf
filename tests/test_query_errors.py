"""Hostile queries get an exit code and a message, never a crash: deep nesting, bad bytes, failed SERVICE.

The nesting cases run `spacekg query` in a subprocess: before the bound they killed the process
with a segmentation fault (exit 139, no message), which would take the test runner down in-process.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.errors import QueryError
from graph.query import MAX_NESTING, check_nesting
from tests.test_remote_limits import reply, serving
from tests.test_server import form, http

NESTED = {
    "5,000 {": "SELECT * WHERE " + "{" * 5000 + "}" * 5000,
    "2,000 (": "SELECT ?x WHERE { BIND(" + "(" * 2000 + "1" + ")" * 2000 + " AS ?x) }",
    "3,000 OPTIONAL": "SELECT * WHERE { " + "OPTIONAL { ?s ?p ?o " * 3000 + "}" * 3000 + " }",
}


@pytest.mark.parametrize("case", NESTED)
def test_deep_nesting_is_a_query_error_not_a_crash(case: str, built: Path, tmp_path: Path):
    query = tmp_path / "nested.rq"
    query.write_text(NESTED[case], encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "graph.cli", "query", "--build-dir", str(built), str(query)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == QueryError.exit_code, result.stderr
    assert result.stderr == f"error: {query}:1: the query nests brackets more than {MAX_NESTING} deep; " \
                            f"SpaceKG allows {MAX_NESTING}\n"


def test_brackets_in_strings_iris_and_comments_do_not_count():
    quoted = '"' + "{" * 400 + '"'
    check_nesting(f"SELECT * WHERE {{ ?s ?p {quoted} }} # {'(' * 400}\n")
    check_nesting("SELECT * WHERE { ?s ?p <http://e/" + "(" * 400 + "> }")
    nested = "SELECT * WHERE " + "{ " * MAX_NESTING + "}" * MAX_NESTING  # at the bound: allowed
    check_nesting(nested)
    with pytest.raises(QueryError, match="nests brackets more than"):
        check_nesting("SELECT * WHERE " + "{ " * (MAX_NESTING + 1) + "}" * (MAX_NESTING + 1))


def test_a_failed_service_call_is_exit_7_with_the_reason(built: Path):
    with serving(reply(200, "application/sparql-results+json", bytes(range(256)))) as (base, seen):
        result = CliRunner().invoke(main, ["query", "--build-dir", str(built), "--allow-service",
                                           f"SELECT * WHERE {{ SERVICE <{base}/sparql> {{ ?s ?p ?o }} }}"])
    assert result.exit_code == QueryError.exit_code, result.output
    assert result.output.startswith("error: <query>: the query failed: ")
    assert "Traceback" not in result.output and len(seen) == 1


@pytest.mark.slow
def test_the_server_answers_deep_nesting_with_400(tmp_path: Path, built: Path):
    from tests.test_server import start_server, stop_server

    process, endpoint = start_server(built, tmp_path / "serve.log", "--timeout", "5")
    try:
        status, _, body = http(endpoint, data=form(NESTED["5,000 {"]))
        after = http(endpoint, data=form("SELECT (1 AS ?one) { }"), headers={"Accept": "text/csv"})
    finally:
        stop_server(process)
    assert status == 400 and body == f"query:1: the query nests brackets more than {MAX_NESTING} deep; " \
                                     f"SpaceKG allows {MAX_NESTING}\n"
    assert after[0] == 200 and after[2] == "one\r\n1\r\n"
