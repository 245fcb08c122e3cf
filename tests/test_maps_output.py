"""Maps as files: SVG and PDF carry the PNG's nodes, labels and metadata; change maps; nothing to draw."""

from __future__ import annotations

import re
import zlib
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from graph import maps
from graph.cli import main

SVG = "{http://www.w3.org/2000/svg}"
KG = "https://w3id.org/spacekg/id/"


def render(build: Path, out: Path, *args: str):
    return CliRunner().invoke(main, ["render", *args, "--build-dir", str(build), "-o", str(out)])


def label_lines(spec: maps.MapSpec) -> set[str]:
    nodes = [n for p in spec.panels for n in p.nodes] if spec.panels else spec.nodes
    return {line for n in nodes for line in n.label.split("\n")}


def svg_content(data: bytes) -> tuple[dict[str, str], int, dict[str, str]]:
    """The labels (id: text), the number of node markers and the Dublin Core metadata of an SVG."""
    root = ElementTree.fromstring(data)  # well-formed XML, or this raises
    labels, markers = {}, 0
    for group in root.iter(f"{SVG}g"):
        gid = group.get("id", "")
        if gid.startswith("label:"):
            labels[gid[len("label:"):]] = "\n".join("".join(t.itertext()) for t in group.iter(f"{SVG}text"))
        elif gid.startswith("nodes:"):
            markers += sum(1 for el in group if el.tag in (f"{SVG}use", f"{SVG}path"))
    dc = "{http://purl.org/dc/elements/1.1/}"
    meta: dict[str, str] = {}
    for el in root.iter():  # the work's own title comes before its creator's (an agent's title)
        if el.tag.startswith(dc):
            meta.setdefault(el.tag[len(dc):], "".join(el.itertext()).strip())
    return labels, markers, meta


def pdf_content(data: bytes) -> tuple[set[str], dict[str, str]]:
    """The text runs drawn in a PDF (matplotlib's TrueType text: two bytes a character) and its information."""
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    runs = set()
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            content = zlib.decompress(stream)
        except zlib.error:
            continue
        for block in re.findall(rb"\nBT\n(.*?)\nET\n", content, re.S):  # one block a line of text
            pieces = re.findall(rb"\(((?:\\.|[^\\)])*)\)", block, re.S)
            raw = b"".join(re.sub(rb"\\(.)", rb"\1", piece, flags=re.S) for piece in pieces)
            runs.add(raw.decode("utf-16-be", errors="replace"))
    info = {}
    trailer = data.split(b"/Creator (SpaceKG)")[1].split(b">>")[0]
    for key, value in re.findall(rb"/([\w-]+) \(((?:\\.|[^\\)])*)\)", trailer, re.S):
        value = re.sub(rb"\\(.)", rb"\1", value, flags=re.S)
        info[key.decode()] = value[2:].decode("utf-16-be") if value.startswith(b"\xfe\xff") else value.decode("latin-1")
    return runs, info


def test_svg_and_pdf_draw_the_same_nodes_labels_and_metadata_as_the_png(built, tmp_path):
    from tests.test_maps import png_info

    outputs = {}
    for fmt in ("png", "svg", "pdf"):
        result = render(built, tmp_path / f"map.{fmt}", "signed", "--as-of", "2021-06-30")
        assert result.exit_code == 0, result.output
        outputs[fmt] = (tmp_path / f"map.{fmt}").read_bytes()
    _, _, png = png_info(outputs["png"])
    spec = maps.draw(maps.layout_map(__import__("graph.mirror", fromlist=["mirror"]).mirror(
        __import__("graph.store", fromlist=["open_store"]).open_store(built)), "signed", as_of="2021-06-30")).spec
    labels, markers, dc = svg_content(outputs["svg"])
    assert set(labels) == {n.id for n in spec.nodes} == {KG + "cnsa", KG + "roscosmos", KG + "nasa"}
    assert labels[KG + "cnsa"] == "CNSA" and markers == len(spec.nodes)
    assert dc["title"] == png["Title"] and dc["description"] == png["Description"] and dc["source"] == png["Source"]
    assert f"SpaceKG-Build: {png['SpaceKG-Build']}" in dc["subject"] and "SpaceKG-As-Of: 2021-06-30" in dc["subject"]
    runs, info = pdf_content(outputs["pdf"])
    assert label_lines(spec) | {png["Title"]} <= runs
    assert info["Title"] == png["Title"] and info["Subject"] == png["Description"]
    assert {k: info[k] for k in ("SpaceKG-Kind", "SpaceKG-As-Of", "SpaceKG-Build", "Source")} == {
        k: png[k] for k in ("SpaceKG-Kind", "SpaceKG-As-Of", "SpaceKG-Build", "Source")}


def test_vector_output_is_deterministic(built, tmp_path):
    for fmt in ("svg", "pdf"):
        first = render(built, tmp_path / f"a.{fmt}", "memberships")
        second = render(built, tmp_path / f"b.{fmt}", "memberships")
        assert first.exit_code == second.exit_code == 0
        assert (tmp_path / f"a.{fmt}").read_bytes() == (tmp_path / f"b.{fmt}").read_bytes()


def test_another_extension_is_a_usage_error(built, tmp_path):
    result = render(built, tmp_path / "map.jpg", "signed")
    assert result.exit_code == 2 and "must be a .png, .svg or .pdf file, not 'map.jpg'" in result.output
    assert not (tmp_path / "map.jpg").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["rivalries", "--as-of", "1990"], "nothing to draw: no rivalries hold (as of 1990); try a later --as-of"),
    (["partnerships", "--focus", "NASA", "--all-dates"], "nothing to draw: NASA has no partnerships (all dates)"),
    (["timeline", "--as-of", "1990"], "nothing to draw: no dated statements hold (as of 1990)"),
    (["signed", "--as-of", "1990", "--as-of", "1991"], "nothing to draw: no partnerships or rivalries hold"),
])
def test_nothing_to_draw_exits_7_with_a_message_and_writes_no_file(built, tmp_path, args, message):
    result = render(built, tmp_path / "map.png", *args)
    assert result.exit_code == 7, result.output
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "map.png").exists()


def test_two_dates_draw_small_multiples_on_one_layout_with_changes_marked(full_build, tmp_path):
    result = render(full_build, tmp_path / "change.png", "signed", "--as-of", "2021-12-31", "--as-of", "2025-12-31")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("wrote signed map (as of 2021-12-31: ")
    from graph.mirror import mirror
    from graph.store import open_store

    spec = maps.layout_change(mirror(open_store(full_build)), "signed", ["2021-12-31", "2025-12-31"])
    before, after = spec.panels
    assert (before.title, after.title) == ("as of 2021-12-31", "as of 2025-12-31")
    ended = {(e.u, e.v, e.relation) for e in after.edges if e.change == "ended"}
    assert (KG + "esa", KG + "roscosmos", "partnership") in ended  # ExoMars, ended July 2022
    assert not any(e.change for e in before.edges)  # the first panel is the baseline
    new = {(e.u, e.v, e.relation) for e in after.edges if e.change == "new"}
    assert new and not new & {(e.u, e.v, e.relation) for e in before.edges}
    assert (KG + "esa", KG + "roscosmos", "rivalry") in new  # and the ends of the tie turned to rivalry
    where = {n.id: (n.x, n.y) for n in before.nodes if not n.members}
    assert all(where[n.id] == (n.x, n.y) for n in after.nodes if n.id in where)  # one shared layout
    assert [label for label, _ in spec.legend][-2:] == ["new since 2021-12-31", "ended since 2021-12-31"]
    assert spec.metadata["SpaceKG-As-Of"] == "2021-12-31, 2025-12-31"


def test_a_change_map_needs_a_network_kind(G_seed=None):
    import networkx as nx

    from graph.errors import UsageError

    with pytest.raises(UsageError, match="a change map needs a network kind"):
        maps.layout_change(nx.MultiDiGraph(), "timeline", ["2021", "2025"])


def test_credits_name_outlet_title_and_date_never_a_placeholder(full_build):
    from graph.maps.from_store import _describe_sources
    from graph.mirror import mirror
    from graph.store import open_store

    store = open_store(full_build)
    G = mirror(store)
    _describe_sources(store, G)
    src = "https://w3id.org/spacekg/source/"
    assert G.graph["source_names"][src + "dna-2021-hope-mars-orbit"] == "DNA India (2021-02-10)"
    assert G.graph["source_names"][src + "national-2022-exomars-roscosmos-ends"] == (
        "The National, “Europe ends Mars rover partnership with Russia” (2022-07-14)")
    footer = maps.layout_map(G, "rivalries").footer
    assert "untitled" not in footer and footer.startswith("Sources")
    assert all("untitled" not in name for name in G.graph["source_names"].values())
