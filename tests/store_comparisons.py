"""The same answers on the embedded store and on a remote one: the comparisons every engine's file runs.

Each of ``tests/test_stores_agree.py`` (a real Oxigraph server), ``tests/test_stores_agree_virtuoso.py``
(a real Virtuoso) and ``tests/test_stores_agree_jena.py`` (Jena ARQ over TDB2) imports these tests and
gives them its engine's SPARQL endpoint as the module fixture ``endpoint``, holding the seed graph.
Every named query, `analyze`, `explain`, `export` and the maps of `render` are compared with the
embedded store's (``built``, the session's seed build), byte for byte. One file per engine, so that
pytest-xdist (``--dist loadfile``) runs the three engines on different workers when there are several.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph import query as q
from graph.cli import main
from graph.maps import plan
from graph.remote import RemoteStore
from tests.test_named_queries import CASE_IDS, CASES

# Every date (as-of UNDEF) for each named query that takes an as-of; CASES give dated ones and today.
# Virtuoso 7.2.5 never answered operated-by, dated or not, while its as-of FILTER read a value computed
# by an IF comparing ?level (the named queries now test the level by pattern).
EVERY_DATE = [(name, {param: value, "as-of": "all"}) for name, param, value in
              [("operated-by", "actor", "nasa"), ("operated-by", "actor", "cnsa"), ("partners-of", "agency", "cnsa"),
               ("rivals-of", "agency", "nasa")]]
MAP_KINDS = ["signed", "memberships", "timeline"]


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def compare_named_query(endpoint: str, built: Path, name: str, params: dict[str, str]) -> None:
    args = ["query", "--name", name, "--format", "json"]
    for key, value in params.items():
        args += ["-p", key, value]
    local = invoke(*args, "--build-dir", str(built))
    far = invoke(*args, "--endpoint", endpoint)
    assert local.exit_code == 0, local.output
    assert far.exit_code == 0, far.output
    assert far.output == local.output  # the same rows in the same (total) order


@pytest.mark.parametrize(("name", "params", "expected"), CASES, ids=CASE_IDS)
def test_named_queries_agree(endpoint, built, name, params, expected):
    compare_named_query(endpoint, built, name, params)


@pytest.mark.parametrize(("name", "params"), EVERY_DATE, ids=[f"{n}-{'-'.join(p.values())}" for n, p in EVERY_DATE])
def test_named_queries_agree_for_every_date(endpoint, built, name, params):
    compare_named_query(endpoint, built, name, params)


def test_every_query_with_an_as_of_is_compared_for_every_date():
    assert {name for name, _ in EVERY_DATE} == {name for name, named in q.named_queries().items()
                                                  if "as-of" in named.params}


@pytest.mark.parametrize("command", [
    ["analyze", "--format", "json"], ["analyze", "--all-dates"], ["explain", "CNSA", "NASA"],
    ["explain", "Roscosmos", "CNSA", "--all-dates"],
], ids=["analyze-json", "analyze-all-dates", "explain", "explain-all-dates"])
def test_analysis_agrees(endpoint, built, command):
    local = invoke(*command, "--build-dir", str(built))
    far = invoke(*command, "--endpoint", endpoint)
    assert local.exit_code == 0, local.output
    assert (far.exit_code, far.output) == (0, local.output)


@pytest.mark.parametrize("suffix", ["graphml", "gexf"])
def test_export_agrees(endpoint, built, tmp_path, suffix):
    local, far = tmp_path / f"local.{suffix}", tmp_path / f"far.{suffix}"
    assert invoke("export", "-o", str(local), "--build-dir", str(built)).exit_code == 0
    result = invoke("export", "-o", str(far), "--endpoint", endpoint)
    assert result.exit_code == 0, result.output
    assert far.read_bytes() == local.read_bytes()


@pytest.mark.parametrize("kind", MAP_KINDS)
def test_maps_agree(endpoint, seed_map_plans, kind):
    """The same map: every node, edge, position and label, as laid out for drawing (the drawing of a
    plan is the same for any store: `render --endpoint` is compared whole below; the PNG of the command
    line also keeps a layout memory in the build folder, which a remote store has not)."""
    far = plan(RemoteStore(endpoint), kind, as_of="2025-01-01")
    assert far == seed_map_plans(kind, as_of="2025-01-01")


def _unstamped(svg: bytes) -> bytes:
    """The SVG without the build's hash, which a map of a remote store cannot name."""
    svg = re.sub(rb"SpaceKG-Build: [0-9a-f]*", b"SpaceKG-Build: ", svg)
    return re.sub(rb" \xc2\xb7 SpaceKG build [0-9a-f]{12}", b"", svg)


def test_render_command_agrees(endpoint, built, tmp_path):
    """`spacekg render --endpoint` draws the same SVG as from the build, but for the build's hash (every
    kind's map is compared above; this is the command); the build is copied without its layout memory
    (the command keeps one there, a remote store has none)."""
    local_build = tmp_path / "build"
    shutil.copytree(built, local_build, symlinks=True, ignore=shutil.ignore_patterns("layouts"))
    local, far = tmp_path / "local.svg", tmp_path / "far.svg"
    args = ["render", "signed", "--as-of", "2025-01-01"]
    drawn = invoke(*args, "-o", str(local), "--build-dir", str(local_build))
    result = invoke(*args, "-o", str(far), "--endpoint", endpoint)
    assert drawn.exit_code == 0, drawn.output
    assert (result.exit_code, result.output) == (0, drawn.output.replace(str(local), str(far)))
    assert b"SpaceKG build " in local.read_bytes()
    assert _unstamped(far.read_bytes()) == _unstamped(local.read_bytes())


def ntriples(text: str, **where: str) -> list[str]:
    """The sorted lines of the graph ``text`` answers, through `spacekg query` (``--build-dir`` or ``--endpoint``)."""
    args = [arg for key, value in where.items() for arg in (f"--{key.replace('_', '-')}", value)]
    result = invoke("query", text, "--format", "ntriples", *args)
    assert result.exit_code == 0, result.output
    return sorted(result.output.splitlines())


def test_graph_and_boolean_answers_agree(endpoint, built):
    """CONSTRUCT and DESCRIBE come back as graphs (an engine asked for SPARQL results first would answer
    in its own JSON), ASK as a boolean."""
    construct = "CONSTRUCT { ?a :rivalOf ?b } WHERE { ?a :rivalOf ?b }"
    assert ntriples(construct, endpoint=endpoint) == ntriples(construct, build_dir=str(built))
    assert len(ntriples(construct, endpoint=endpoint)) == 2
    # SPARQL leaves DESCRIBE's answer to the engine, and here they differ (Virtuoso gives triples pointing
    # at the resource too): some triples of the graph around the resource, and only those
    around = ntriples("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER (?s = kg:ilrs-mou-2021 || "
                      "?o = kg:ilrs-mou-2021) }", build_dir=str(built))
    described = ntriples("DESCRIBE kg:ilrs-mou-2021", endpoint=endpoint)
    assert described and set(described) <= set(around), described
    for text, answer in [("ASK { kg:cnsa :partnerOf kg:roscosmos }", "true\n"),
                         ("ASK { kg:nasa :partnerOf kg:cnsa }", "false\n")]:
        assert invoke("query", text, "--endpoint", endpoint).output == answer

