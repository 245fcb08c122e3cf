"""Maps: what is drawn matches the graph, PNGs are valid, deterministic, traceable; bad input fails cleanly."""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from graph import maps
from graph.cli import main
from graph.errors import QueryError, UsageError
from graph.maps.labels import overlap as _overlap
from graph.mirror import mirror
from graph.model import TimeValue

KG = "https://w3id.org/spacekg/id/"


def png_info(data: bytes) -> tuple[int, int, dict[str, str]]:
    """Width, height and text chunks of a PNG (parsed by hand: the test trusts no plotting code)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, texts, size = 8, {}, (0, 0)
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert zlib.crc32(kind + body) == crc
        if kind == b"IHDR":
            size = struct.unpack(">II", body[:8])
        elif kind == b"tEXt":
            key, _, value = body.partition(b"\0")
            texts[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"iTXt":
            key, _, rest = body.partition(b"\0")
            texts[key.decode("utf-8")] = rest[2:].split(b"\0", 2)[2].decode("utf-8")
        pos += 12 + length
    return size[0], size[1], texts


@pytest.fixture(scope="module")
def G(store):
    return mirror(store)


def render(built: Path, tmp_path: Path, *args: str):
    out = tmp_path / "map.png"
    result = CliRunner().invoke(main, ["render", *args, "--build-dir", str(built), "-o", str(out)])
    return result, out


@pytest.mark.parametrize("kind", maps.KINDS)
def test_each_kind_renders_a_png_of_the_requested_size_with_metadata(kind, built, tmp_path):
    result, out = render(built, tmp_path, kind, "--width", "1200", "--height", "800", "--dpi", "100")
    assert result.exit_code == 0, result.output
    width, height, texts = png_info(out.read_bytes())
    assert (width, height) == (1200, 800)
    assert texts["SpaceKG-Kind"] == kind
    assert len(texts["SpaceKG-Build"]) == 64
    assert texts["Source"] == "https://w3id.org/spacekg/source/cnet-2021-ilrs"
    assert texts["Title"]


def test_rendering_twice_gives_identical_bytes(built, tmp_path):
    _, out = render(built, tmp_path, "signed")
    data = out.read_bytes()
    _, out = render(built, tmp_path, "signed")
    assert out.read_bytes() == data


def test_filters_are_recorded_in_the_png(built, tmp_path):
    result, out = render(built, tmp_path, "signed", "--as-of", "2021-06-30", "--min-certainty", "planned")
    assert result.exit_code == 0, result.output
    _, _, texts = png_info(out.read_bytes())
    assert texts["SpaceKG-As-Of"] == "2021-06-30"
    assert texts["SpaceKG-Min-Certainty"] == "planned"


def test_the_signed_map_draws_the_partnership_and_the_inferred_rivalries(G):
    spec = maps.layout_map(G, "signed")
    assert {n.id for n in spec.nodes} == {KG + "cnsa", KG + "roscosmos", KG + "nasa"}
    partnership = spec.edge(KG + "cnsa", KG + "roscosmos")
    assert (partnership.relation, partnership.certainty, partnership.linestyle) == ("partnership", "stated", "solid")
    rivalry = spec.edge(KG + "cnsa", KG + "nasa")
    assert (rivalry.relation, rivalry.certainty) == ("rivalry", "inferred")
    assert rivalry.linestyle != partnership.linestyle  # distinguishable in greyscale
    assert rivalry.alpha < partnership.alpha and rivalry.width < partnership.width
    assert rivalry.statements == ("https://w3id.org/spacekg/statement/cnet-2021-ilrs.cnsa-rivalOf-nasa",)
    assert [label for label, _ in spec.legend] == ["space agency", "partnership", "rivalry", "stated", "inferred"]
    assert spec.subtitle == "all dates · 5 statements from 1 source"  # partnership, 2 signings, 2 rivalries


def test_min_certainty_removes_the_inferred_rivalry_from_the_map(G):
    spec = maps.layout_map(G, "signed", min_certainty="stated")
    assert [(e.u, e.v, e.relation) for e in spec.edges] == [(KG + "cnsa", KG + "roscosmos", "partnership")]


def test_as_of_before_the_agreement_leaves_nothing_to_draw(G):
    with pytest.raises(QueryError, match=r"^nothing to draw: no partnerships hold \(as of 2020-12-31\)"):
        maps.layout_map(G, "partnerships", as_of="2020-12-31")


def test_the_timeline_shows_dated_statements_coloured_by_certainty_without_bibliography(G):
    spec = maps.layout_map(G, "timeline")
    assert [e.day for e in spec.events] == sorted(TimeValue.parse(e.when).day for e in spec.events)
    texts = {e.text: e.certainty for e in spec.events}
    assert texts["CNSA and Roscosmos rival NASA"] == "inferred"  # one row for one event of several actors
    assert texts["NASA plans Artemis program"] == "planned"
    assert texts["Chang'e 4 landed on far side of the Moon"] == "stated"
    assert not any("written by" in t or "published by" in t for t in texts)
    assert {e.colour for e in spec.events if e.certainty == "inferred"} == {maps.certainty_style("inferred")[2]}


def test_focus_keeps_the_neighbourhood(G):
    spec = maps.layout_map(G, "memberships", focus=KG + "nasa", depth=1)
    labels = {n.label.replace("\n", " ") for n in spec.nodes}  # long labels are wrapped
    assert labels == {"NASA", "Artemis program", "Commercial Crew Program", "Lunar Gateway", "KSC"}


def test_labels_do_not_overlap_each_other_or_other_nodes(G):
    spec = maps.layout_map(G, "memberships")
    drawn = maps.draw(spec)
    boxes = list(drawn.label_boxes.items())
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1 :]:
            assert _overlap(box_a, box_b) == 0, (a, b)
        for node, node_box in drawn.node_boxes.items():
            if node != a:
                assert _overlap(box_a, node_box) == 0, (a, node)


def test_layout_is_stable_when_a_fact_is_added():
    P = nx.relabel_nodes(nx.barabasi_albert_graph(40, 2, seed=1), lambda i: f"{KG}n{i}")
    before = maps.positions(P)
    assert maps.positions(P) == before  # deterministic
    P.add_edge(f"{KG}n0", f"{KG}new")
    after = maps.positions(P, anchor=before)  # what `spacekg render` does with its layout memory
    moved = sum(math.dist(before[n], after[n]) for n in before) / len(before)
    assert moved < 0.06  # in units of the map's width
    assert 0 < math.dist(after[f"{KG}new"], after[f"{KG}n0"]) < 0.3  # the new node sits by its neighbour


def test_layout_memory_redraws_an_unchanged_graph_exactly(G, tmp_path):
    memory = maps.LayoutMemory()
    first = maps.layout_map(G, "memberships", memory=memory)
    memory.save(tmp_path / "m.json")
    again = maps.layout_map(G, "memberships", memory=maps.LayoutMemory.load(tmp_path / "m.json"))
    assert [(n.id, n.x, n.y) for n in again.nodes] == [(n.id, n.x, n.y) for n in first.nodes]


def test_query_maps_draw_construct_results(built, tmp_path):
    query = tmp_path / "camps.rq"
    query.write_text("CONSTRUCT { ?a :rivalOf ?b } WHERE { ?a :rivalOf ?b }")
    result, _ = render(built, tmp_path, "--query", str(query))
    assert result.exit_code == 0, result.output
    assert "3 nodes, 2 edges" in result.output


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("CONSTRUCT { ?a :rivalOf ?b } WHERE { ?a :rivalOf ", "the query ends too early"),
        ("CONSTRUCT { ?a :rivalOf ?b } WHERE { ?a :rivalOf ?b FILTER(false) }", "nothing to draw"),
        ("SELECT ?a WHERE { ?a :rivalOf ?b }", "must return ?s ?p ?o"),
    ],
)
def test_bad_or_empty_queries_are_errors_not_empty_pictures(built, tmp_path, text, message):
    query = tmp_path / "q.rq"
    query.write_text(text)
    result, out = render(built, tmp_path, "--query", str(query))
    assert result.exit_code == 7
    assert message in result.output
    assert not out.exists()


def test_unknown_kind_is_a_usage_error(built, tmp_path):
    result, out = render(built, tmp_path, "friendships")
    assert result.exit_code == 2
    assert "friendships" in result.output
    assert not out.exists()


def test_unknown_focus_names_the_closest_entities(built, tmp_path):
    result, out = render(built, tmp_path, "memberships", "--focus", "NSA")
    assert result.exit_code == 4
    assert "NASA" in result.output
    assert not out.exists()


def test_unwritable_output_writes_nothing(built, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = CliRunner().invoke(main, ["render", "signed", "--build-dir", str(built), "-o", str(blocker / "m.png")])
    assert result.exit_code == 9
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == [blocker]


def test_a_class_draws_in_its_nearest_styled_superclass_s_style():
    # Lander < Spacecraft < Undertaking; SpaceStation < Spacecraft has a style of its own.
    assert maps.class_style("Lander") == maps.CLASS_STYLE["Undertaking"]
    assert maps.class_style("SpaceStation") == maps.CLASS_STYLE["SpaceStation"]
    assert maps.class_style("MemorandumOfUnderstanding") == maps.CLASS_STYLE["Agreement"]
    assert maps.class_style("NewsOutlet")[0] == maps.class_style(None)[0] == "other"


def test_an_unknown_kind_or_filter_is_a_usage_error(G):
    with pytest.raises(UsageError, match="unknown map kind 'maze'"):
        maps.layout_map(G, "maze")
    with pytest.raises(UsageError, match="is not a date"):
        maps.layout_map(G, "signed", as_of="2021-02-30")


def test_the_footer_credits_as_many_sources_as_fit_in_its_lines():
    # The footer keeps the longest list of credits that wraps into FOOTER_LINES lines; candidates too long
    # to fit are skipped without wrapping them, which must not change which list is kept.
    import textwrap

    from graph.maps.layout import FOOTER_LINES, _credits, _footer

    G = nx.MultiDiGraph()
    sources = [f"https://example.org/s{i:03d}" for i in range(200)]
    G.graph["source_credits"] = {s: (f"Outlet {i}", None, f"2020-01-{1 + i % 28:02d}") for i, s in enumerate(sources)}
    footer = _footer(G, sources, "abcdef0123456789", 1600, 150)
    credits, chars = _credits(G, sources), int(0.95 * 1600 / (0.55 * 10 * 150 / 72))
    expected = None
    for shown in range(len(credits), 0, -1):  # every candidate wrapped, longest first
        more = f"; and {len(credits) - shown} more (all in the file's metadata)" if shown < len(credits) else ""
        lines = textwrap.wrap("Sources (200): " + "; ".join(credits[:shown]) + more + " · SpaceKG build abcdef012345",
                              chars, break_on_hyphens=False)
        if len(lines) <= FOOTER_LINES:
            expected = "\n".join(lines)
            break
    assert footer == expected
    assert footer.count("\n") == FOOTER_LINES - 1 and "more (all in the file's metadata)" in footer
