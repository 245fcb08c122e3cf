"""`spacekg analyze`, `spacekg explain` and `spacekg export` on the seed build, in-process."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.namespaces import KG

RACE = "The race to expand research opportunities on the moon is heating up."
TODAY = datetime.date.today().isoformat()  # what every analysis answers as of, unless told otherwise


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_analyze_table(built: Path):
    result = run("analyze", "--build-dir", str(built))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "  component 1: CNSA, Roscosmos  versus  NASA\n    unbalanced edges: 0 of 3 (exact): none\n" in out
    assert "Partnership communities (Louvain, seed 42)\n  1. CNSA, Roscosmos\n" in out
    assert "  CNSA       1.000   0.000        0.707\n" in out
    assert "  1 of 1 triangles balanced (100%)\n" in out


def test_analyze_json_with_filters(built: Path):
    result = run("analyze", "--format", "json", "--min-certainty", "Stated", "--as-of", "2021-03-15",
                 "--build-dir", str(built))
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["as_of"], report["min_certainty"]) == ("2021-03-15", "stated")
    assert [(c["camp_a"], c["camp_b"]) for c in report["camps"]] == [([KG + "cnsa", KG + "roscosmos"], [])]
    assert report["balance"] == {"triangles": 0, "balanced": 0, "share": None, "unbalanced": []}
    assert [row["name"] for row in report["centrality"]["top"]] == ["CNSA", "Roscosmos"]


def test_explain_shows_the_rivalry_chain(built: Path):
    result = run("explain", "CNSA", "NASA", "--build-dir", str(built))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"1 chain of 1 step links CNSA and NASA as of {TODAY}:\n")
    assert "   CNSA rivalOf NASA  [inferred, 2021-03]\n" in result.output
    assert f'     "{RACE}"\n' in result.output
    assert "source: src:cnet-2021-ilrs (2021-03); statement: stmt:cnet-2021-ilrs.cnsa-rivalOf-nasa" in result.output


def test_explain_stated_only_drops_the_rivalry_and_says_so(built: Path):
    result = run("explain", "cnsa", "us space agency", "--min-certainty", "stated", "--build-dir", str(built))
    assert result.exit_code == 0, result.output
    assert RACE not in result.output
    assert result.output.startswith(
        f"1 chain of 2 steps links CNSA and NASA with certainty >= stated as of {TODAY}:\n")
    assert (f"left out by the filters (with certainty >= stated as of {TODAY}): CNSA rivalOf NASA "
            "[inferred, 2021-03]\n") in result.output


def test_explain_without_any_chain_says_so_and_exits_0(built: Path):
    result = run(
        "explain", "CNSA", "NASA", "--min-certainty", "stated", "--as-of", "2021-02", "--build-dir", str(built)
    )
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "no chain links CNSA and NASA with certainty >= stated as of 2021-02"


def test_explain_unknown_entity(built: Path):
    result = CliRunner().invoke(main, ["explain", "CNSA", "Roscosmo", "--build-dir", str(built)])
    assert result.exit_code == 4
    assert "error: unknown entity 'Roscosmo' (closest: Roscosmos (kg:roscosmos)" in result.output
    assert "Traceback" not in result.output


def test_bad_as_of_is_a_usage_error(built: Path):
    result = CliRunner().invoke(main, ["analyze", "--as-of", "March", "--build-dir", str(built)])
    assert result.exit_code == 2
    assert "'March' is not a date" in result.output


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_signed(built: Path, tmp_path: Path, fmt: str):
    out = tmp_path / f"signed.{fmt}"
    result = run("export", "--projection", "signed", "--format", fmt, "-o", str(out), "--build-dir", str(built))
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote 3 nodes and 3 edges (signed, {fmt}, as of {TODAY}) -> {out}\n"
    S = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    signs = {tuple(sorted((u[len(KG):], v[len(KG):]))): s for u, v, s in S.edges(data="sign")}
    assert signs == {("cnsa", "roscosmos"): 1, ("cnsa", "nasa"): -1, ("nasa", "roscosmos"): -1}
    assert S.nodes[KG + "nasa"]["wikidata"] == "Q23548"


def test_export_full_with_filters(built: Path, tmp_path: Path):
    out = tmp_path / "full.graphml"
    result = run(
        "export", "--projection", "full", "-o", str(out), "--min-certainty", "stated", "--build-dir", str(built)
    )
    assert result.exit_code == 0, result.output
    F = nx.read_graphml(out, force_multigraph=True)
    assert {d["certainty"] for *_, d in F.edges(data=True)} == {"stated"}
    # 24 relation statements, of which 2 inferred, 5 planned and 1 speculative; every node stays.
    assert F.number_of_edges() == 16
    assert {KG + "iss", KG + "lunar-gateway"} <= set(F)


def test_export_to_an_unwritable_path_writes_nothing(built: Path, tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(main, ["export", "-o", str(blocker / "out.graphml"), "--build-dir", str(built)])
    assert result.exit_code == 9
    assert result.output.startswith("error: ")
    assert blocker.read_text() == "x"
