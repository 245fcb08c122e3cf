"""Issue 14: answers as of today by default, typed query parameters, total row order, command-line hygiene.

Run on the whole graph (every source: the ESA-Roscosmos partnership ended on 12 July 2022, The
National; 2022, TLP 2024) and on the seed graph, in-process with click's CliRunner.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph import query as q
from graph.cli import main
from graph.errors import QueryError
from graph.namespaces import KG

TODAY = datetime.date.today().isoformat()
ESA_ENDS = ("The European Space Agency has cut ties with Russia on a Mars rover on which the two were co-operating, "
            "due to sanctions placed on Moscow over its invasion of Ukraine.")
TLP = "src:tlp-2024-nasa-esa-rosalind-franklin"
NATIONAL = "src:national-2022-exomars-roscosmos-ends"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def full_store(full_build: Path):
    from graph.store import open_store

    return open_store(full_build)


# ------------------------------------------------------------------------ 1. time by default


def test_explain_esa_roscosmos_shows_the_july_2022_end(full_build: Path):
    result = run("explain", "ESA", "Roscosmos", "--build-dir", str(full_build))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"2 chains of 1 step link ESA and Roscosmos as of {TODAY}:\n")
    assert "   Roscosmos rivalOf ESA  [stated, 2022-07]\n" in result.output
    assert "   ESA partnerOf Roscosmos  [" not in result.output  # ended: no current partnership
    assert result.output.endswith(  # left out, with its end
        f"left out by the filters (as of {TODAY}): ESA partnerOf Roscosmos [stated, until 2022-07-12]\n"
        f"left out by the filters (as of {TODAY}): ESA partnerOf Roscosmos [stated, until 2022]\n")
    every = run("explain", "ESA", "Roscosmos", "--all-dates", "--build-dir", str(full_build))
    assert every.exit_code == 0, every.output
    assert every.output.startswith("4 chains of 1 step link ESA and Roscosmos at any date:\n")
    assert "   ESA partnerOf Roscosmos  [stated, until 2022-07-12]\n" in every.output
    assert "   ESA partnerOf Roscosmos  [stated, until 2022]\n" in every.output


def test_explain_before_the_end_shows_the_partnership(full_build: Path):
    result = run("explain", "ESA", "Roscosmos", "--as-of", "2022-03-01", "--build-dir", str(full_build))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1 chain of 1 step links ESA and Roscosmos as of 2022-03-01:\n")
    assert f'   ESA partnerOf Roscosmos  [stated, until 2022-07-12]\n     "{ESA_ENDS}"\n' in result.output


def test_plain_analyze_answers_as_of_today_and_splits_the_rivals(full_build: Path):
    import json

    result = run("analyze", "--format", "json", "--build-dir", str(full_build))
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["as_of"], report["dates"]) == (TODAY, f"as of {TODAY}")
    rivals = {KG + name for name in ("nasa", "cnsa", "roscosmos", "esa")}
    for camps in report["camps"]:
        for camp in (camps["camp_a"], camps["camp_b"]):
            assert not rivals <= set(camp), camps
    big = report["camps"][0]
    assert KG + "nasa" in big["camp_a"] + big["camp_b"] and big["camp_b"], big  # two camps, not "versus -"
    side = {KG + "nasa": KG + "nasa" in big["camp_a"], KG + "cnsa": KG + "cnsa" in big["camp_a"]}
    assert side[KG + "nasa"] != side[KG + "cnsa"]
    text = run("analyze", "--build-dir", str(full_build)).output
    assert re.match(rf"Analysis of \d+ statements \(as of {TODAY}\)\n", text)
    every = run("analyze", "--all-dates", "--build-dir", str(full_build)).output
    assert re.match(r"Analysis of \d+ statements \(all dates\)\n", every)


def test_as_of_and_all_dates_exclude_each_other(built: Path):
    result = CliRunner().invoke(main, ["analyze", "--as-of", "2021", "--all-dates", "--build-dir", str(built)])
    assert result.exit_code == 2
    assert "give --as-of DATE or --all-dates, not both" in result.output


def test_render_signed_focus_esa_draws_no_current_partnership_with_roscosmos(full_build: Path, full_store,
                                                                            tmp_path: Path):
    from PIL import Image

    from graph import maps

    out = tmp_path / "esa.png"
    result = run("render", "signed", "--focus", "esa", "-o", str(out), "--build-dir", str(full_build))
    assert result.exit_code == 0, result.output
    assert result.output.endswith(f", as of {TODAY}) -> {out}\n")
    assert Image.open(out).text["SpaceKG-As-Of"] == TODAY
    today = maps.plan(full_store, "signed", as_of=TODAY, focus="esa")  # what the command draws
    assert today.edge(KG + "esa", KG + "roscosmos").relation == "rivalry"  # since July 2022
    before = maps.plan(full_store, "signed", as_of="2022-03-01", focus="esa")
    assert before.edge(KG + "esa", KG + "roscosmos").relation == "partnership"
    every = maps.plan(full_store, "signed", focus="esa")  # all dates: both, drawn as partners
    assert every.edge(KG + "esa", KG + "roscosmos").relation == "partnership"


PARTNERS_OF_ESA_ALL = [
    ("kg:roscosmos", "stated", "", "2022-07-12", NATIONAL, ESA_ENDS),
]


def test_partners_of_lists_start_and_end_as_of_today_by_default(full_store):
    named = q.get_named_query("partners-of")
    assert list(named.params) == ["agency", "as-of"]
    head = named.text.split("WHERE", 1)[0]
    assert "?start ?end" in head

    def partners(**given):
        bound = named.bind(full_store, {"agency": "esa", **given})
        results = q.run(full_store, bound.text, source=bound.source)
        return [tuple(q.term_to_text(s[v]) for v in results.variables) for s in results]

    every = partners(**{"as-of": "all"})
    assert [row[:4] for row in every if row[0] == "kg:roscosmos"] == [
        ("kg:roscosmos", "stated", "", "2022-07-12"), ("kg:roscosmos", "stated", "", "2022")]
    assert ("kg:roscosmos", "stated", "", "2022-07-12", NATIONAL, ESA_ENDS) in every
    assert not [row for row in partners() if row[0] == "kg:roscosmos"]  # ended: not a partner today
    assert not [row for row in partners(**{"as-of": TODAY}) if row[0] == "kg:roscosmos"]
    # 2021-12-31: the 2022 end has not come; 2022-03-01: the TLP's "2022" (its first day) has, July's not
    assert [r[3] for r in partners(**{"as-of": "2021-12-31"}) if r[0] == "kg:roscosmos"] == ["2022-07-12", "2022"]
    assert [r[3] for r in partners(**{"as-of": "2022-03-01"}) if r[0] == "kg:roscosmos"] == ["2022-07-12"]


# ------------------------------------------------------------------------ 2. typed parameters


def test_certainty_by_name(built: Path):
    by_name = run("query", "--name", "statements-by-certainty", "-p", "certainty", "planned", "--format", "csv",
                  "--build-dir", str(built))
    by_iri = run("query", "--name", "statements-by-certainty", "-p", "certainty", ":Planned", "--format", "csv",
                 "--build-dir", str(built))
    assert by_name.exit_code == 0, by_name.output
    assert by_name.output == by_iri.output
    assert by_name.output.count("\n") == 1 + 6  # header and the six planned statements of the seed


def test_agency_by_label_resolves(full_build: Path):
    by_label = run("query", "--name", "partners-of", "-p", "agency", "European Space Agency", "-p", "as-of", "all",
                   "--format", "csv", "--build-dir", str(full_build))
    by_id = run("query", "--name", "partners-of", "-p", "agency", "esa", "-p", "as-of", "all", "--format", "csv",
                "--build-dir", str(full_build))
    assert by_label.exit_code == 0, by_label.output
    assert by_label.output == by_id.output
    assert f"{KG}roscosmos,stated,,2022-07-12," in by_label.output


def test_unknown_agency_exits_4_with_the_closest_names(built: Path):
    result = CliRunner().invoke(main, ["query", "--name", "partners-of", "-p", "agency", "nosa",
                                       "--build-dir", str(built)])
    assert result.exit_code == 4, result.output
    assert "unknown entity 'nosa'" in result.output and "NASA (kg:nasa)" in result.output
    assert "Traceback" not in result.output


def test_unknown_certainty_and_bad_date_are_refused(built: Path):
    level = CliRunner().invoke(main, ["query", "--name", "statements-by-certainty", "-p", "certainty", "planed",
                                      "--build-dir", str(built)])
    assert level.exit_code == 4
    assert level.output == "error: unknown certainty level 'planed' (closest: planned, stated)\n"
    date = CliRunner().invoke(main, ["query", "--name", "changed-between", "-p", "from", "2021-13", "-p", "to",
                                     "2022", "--build-dir", str(built)])
    assert date.exit_code == 2, date.output
    bad_iri = CliRunner().invoke(main, ["query", "--name", "evidence", "-p", "subject", "cnsa", "-p", "predicate",
                                        "http://e/\nSELECT", "-p", "object", "nasa", "--build-dir", str(built)])
    assert bad_iri.exit_code == 2 and "is not a valid IRI" in bad_iri.output
    every = CliRunner().invoke(main, ["query", "--name", "changed-between", "-p", "from", "all", "-p", "to",
                                      "2022", "--build-dir", str(built)])
    assert every.exit_code == 2 and "`all` is for the optional dates" in every.output


def test_class_by_label_or_name_and_unknown_class(built: Path):
    by_label = run("query", "--name", "entities-of-class", "-p", "class", "Space Station", "--format", "csv",
                   "--build-dir", str(built))
    by_name = run("query", "--name", "entities-of-class", "-p", "class", "spacestation", "--format", "csv",
                  "--build-dir", str(built))
    assert by_label.exit_code == 0, by_label.output
    assert by_label.output == by_name.output == (
        f"entity,label\n{KG}ilrs,International Lunar Research Station\n{KG}iss,International Space Station\n"
        f"{KG}lunar-gateway,Lunar Gateway\n")
    unknown = CliRunner().invoke(main, ["query", "--name", "entities-of-class", "-p", "class", "spacecraf",
                                        "--build-dir", str(built)])
    assert unknown.exit_code == 4
    assert unknown.output == "error: unknown class 'spacecraf' (closest: :Spacecraft, :SpaceAgency, :SpaceStation, " \
                             ":Place)\n"


def test_run_without_the_required_bindings_refuses(store):
    named = q.get_named_query("partners-of")
    with pytest.raises(QueryError, match="needs parameter"):
        q.run(store, named.text)
    with pytest.raises(QueryError, match="needs parameter"):
        q.answer(store, named.text, "table")


def test_list_shows_kinds_and_allowed_values():
    result = run("query", "--list")
    assert result.exit_code == 0
    out = result.output
    assert "partners-of -p agency ENTITY [-p as-of DATE]\n" in out
    assert "      certainty (certainty): a level by name: stated, planned, speculative or inferred; " \
           "a certainty level: stated, planned, speculative, inferred\n" in out
    assert "YYYY, YYYY-MM, YYYY-MM-DD or today, or all (every date); default today\n" in out
    assert "      from (date): the first date, e.g. 2020-01-01; YYYY, YYYY-MM, YYYY-MM-DD or today\n" in out
    assert "      predicate (iri): the relation, e.g. :partnerOf; an IRI or a prefixed name" in out


def test_every_parameter_declares_a_kind():
    for named in q.named_queries().values():
        for line in named.text.splitlines():
            if line.startswith("# param:"):
                assert re.match(r"# param: [\w-]+ \((entity|class|certainty|date|iri)(, default \w+)?\) - ", line), line


# ------------------------------------------------------------------------ 3. total order


def _variables(clause: str) -> set[str]:
    return set(re.findall(r"\?(\w+)", clause))


def test_every_order_by_covers_the_projection():
    for named in q.named_queries().values():
        select = re.search(r"^SELECT (DISTINCT )?(.*)$", named.text, re.M).group(2)
        projected = _variables(re.sub(r"\([^()]*\([^()]*\)[^()]* AS (\?\w+)\)", r"\1", select))
        order = re.search(r"^ORDER BY (.*)$", named.text, re.M)
        assert order, named.name
        assert projected <= _variables(order.group(1)), (named.name, projected - _variables(order.group(1)))


def test_two_runs_give_the_same_row_order(full_store):
    from tests.test_named_queries import CASES

    for name, params, _ in CASES:
        bound = q.get_named_query(name).bind(full_store, {**params, **(
            {"as-of": "all"} if "as-of" in q.get_named_query(name).params else {})})
        first = q.answer(full_store, bound.text, "csv", source=bound.source)
        assert q.answer(full_store, bound.text, "csv", source=bound.source) == first, name


# ------------------------------------------------------------------------ 4. command-line hygiene


@pytest.mark.parametrize("args", [
    ["render", "signed", "-o", "x.jpg"],
    ["render", "-o", "x.png"],
    ["ingest"],
    ["analyze", "--header", "Authorization: Bearer x"],
], ids=["render-jpg", "render-no-kind", "ingest-no-article", "analyze-header"])
def test_usage_errors_exit_2_with_clicks_message(args: list[str], built: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*args, "--build-dir", str(built)])
    assert result.exit_code == 2, result.output
    assert "Usage: " in result.output and "Error: " in result.output
    assert "internal error" not in result.output
    assert not list(tmp_path.iterdir())


def test_export_takes_its_format_from_the_extension(built: Path, tmp_path: Path):
    gexf = tmp_path / "x.gexf"
    result = run("export", "-o", str(gexf), "--build-dir", str(built))
    assert result.exit_code == 0, result.output
    assert f"(full, gexf, as of {TODAY}) -> {gexf}" in result.output
    assert "<gexf " in gexf.read_text(encoding="utf-8") and "graphml" not in gexf.read_text(encoding="utf-8")
    graphml = tmp_path / "x.graphml"
    assert run("export", "-o", str(graphml), "--all-dates", "--build-dir", str(built)).exit_code == 0
    assert "<graphml " in graphml.read_text(encoding="utf-8")
    unknown = CliRunner().invoke(main, ["export", "-o", str(tmp_path / "x.xml"), "--build-dir", str(built)])
    assert unknown.exit_code == 2 and "name it .graphml or .gexf" in unknown.output
    contradicts = CliRunner().invoke(main, ["export", "-o", str(gexf), "--format", "graphml", "--build-dir",
                                            str(built)])
    assert contradicts.exit_code == 2 and "contradicts" in contradicts.output


def test_an_empty_map_exits_7_and_writes_no_file(built: Path, tmp_path: Path):
    out = tmp_path / "empty.png"
    result = CliRunner().invoke(main, ["render", "rivalries", "--as-of", "1990", "-o", str(out),
                                       "--build-dir", str(built)])
    assert result.exit_code == 7, result.output
    assert "nothing to draw" in result.output
    assert not out.exists()


def test_names_resolve_on_a_real_oxigraph_server_too(built: Path, tmp_path: Path):
    """`query --name ... --endpoint`: the endpoint names the entities and levels, as the build does."""
    from tests.conftest import stop_process
    from tests.test_remote import start_oxigraph

    process, base = start_oxigraph(tmp_path / "oxigraph")
    try:
        assert run("push", "--endpoint", base + "/store", "--build-dir", str(built)).exit_code == 0
        for args in (["partners-of", "-p", "agency", "Russian space agency", "-p", "as-of", "2021-06"],
                     ["statements-by-certainty", "-p", "certainty", "Speculative"]):
            here = run("query", "--name", *args, "--format", "csv", "--build-dir", str(built))
            there = run("query", "--name", *args, "--format", "csv", "--endpoint", base + "/query")
            assert here.exit_code == there.exit_code == 0, there.output
            assert here.output == there.output and here.output.count("\n") == 2, here.output
        typo = CliRunner().invoke(main, ["query", "--name", "partners-of", "-p", "agency", "nosa", "--endpoint",
                                         base + "/query"])
        assert typo.exit_code == 4 and "closest: NASA (kg:nasa)" in typo.output
    finally:
        stop_process(process)
