"""Maps a newsroom prints as they are: measured from what matplotlib drew, not from the layout's own estimates.

On every map of the README (from the whole graph) and on a generated 200-node map: no label
overlaps another label or a node, every label touches its node or hangs from a leader line, every
node drawn is labelled (a group is a node with its "+N" label), the drawing fills its panel, and
all type stays readable at half size.
"""

from __future__ import annotations

import itertools
import math

import networkx as nx
import pytest

from graph import maps
from graph.maps.labels import overlap
from graph.mirror import mirror
from graph.namespaces import SPACE

KG = "https://w3id.org/spacekg/id/"
HALF_SIZE_PX = 10.0  # the smallest type, in pixels, when the image is shown at half size
README_MAPS = [  # scripts/render_maps.py
    ("partnerships", {}), ("rivalries", {}), ("signed", {}), ("memberships", {}), ("timeline", {}),
    ("signed", {"as_of": ["2021-12-31", "2025-12-31"]}),
]


def boxes(drawn: maps.Drawn) -> list[dict]:
    """Per map panel: its frame, and the extents of its labels, leader lines and nodes, in display pixels."""
    from matplotlib.collections import PathCollection
    from matplotlib.lines import Line2D
    from matplotlib.text import Text
    from matplotlib.transforms import Affine2D

    fig = drawn.figure
    renderer = fig.canvas.get_renderer()
    spec = drawn.spec
    panels = spec.panels or [maps.Panel("", spec.nodes, spec.edges)]
    axes = [ax for ax in fig.axes if any(str(c.get_gid()).startswith("nodes:") for c in ax.collections)]
    assert len(axes) == len(panels)
    found = []
    for ax, panel in zip(axes, panels, strict=True):
        labels = {t.get_gid()[len("label:"):]: t.get_bbox_patch().get_window_extent(renderer).extents
                  for t in ax.findobj(Text) if str(t.get_gid()).startswith("label:")}
        leaders = {line.get_gid()[len("leader:"):] for line in ax.findobj(Line2D)
                   if str(line.get_gid()).startswith("leader:")}
        points = []  # (centre, extent) of each marker drawn, from the collection's own transforms
        for coll in ax.collections:
            if isinstance(coll, PathCollection) and str(coll.get_gid()).startswith("nodes:"):
                path, half_line = coll.get_paths()[0], coll.get_linewidths()[0] * fig.dpi / 72 / 2
                for offset, matrix in zip(coll.get_offsets(), coll.get_transforms(), strict=True):
                    cx, cy = ax.transData.transform(offset)
                    e = path.get_extents(Affine2D(matrix)).extents
                    points.append(((cx, cy), (cx + e[0] - half_line, cy + e[1] - half_line,
                                              cx + e[2] + half_line, cy + e[3] + half_line)))
        nodes = {}
        for n in panel.nodes:  # each node of the spec is the marker drawn at its place
            centre = ax.transData.transform((n.x, n.y))
            nodes[n.id] = min(points, key=lambda p, c=centre: math.dist(p[0], c))[1]
        assert len(points) == len(panel.nodes)
        found.append({"frame": ax.get_window_extent(renderer).extents, "labels": labels, "leaders": leaders,
                      "nodes": nodes})
    return found


def gap(a, b) -> float:
    return math.hypot(max(0.0, a[0] - b[2], b[0] - a[2]), max(0.0, a[1] - b[3], b[1] - a[3]))


def check_legible(drawn: maps.Drawn, min_fill: float = 0.9) -> None:
    """The acceptance measures: overlaps (zero), labelled share (all), canvas used, type size."""
    from matplotlib.text import Text

    for panel in boxes(drawn):
        labels, nodes = panel["labels"], panel["nodes"]
        assert set(labels) == set(nodes), "every node drawn is labelled (or is a labelled group)"
        items = sorted(labels.items())
        for i, (a, box_a) in enumerate(items):
            for b, box_b in items[i + 1:]:
                assert overlap(box_a, box_b) == 0, f"labels {a} and {b} overlap"
            for node, node_box in nodes.items():
                assert overlap(box_a, node_box) == 0, f"label {a} covers node {node}"
            assert gap(box_a, nodes[a]) <= 6 or a in panel["leaders"], f"label {a} is away from its node"
        x0, y0, x1, y1 = panel["frame"]
        drawn_boxes = list(labels.values()) + list(nodes.values())
        used_w = max(b[2] for b in drawn_boxes) - min(b[0] for b in drawn_boxes)
        used_h = max(b[3] for b in drawn_boxes) - min(b[1] for b in drawn_boxes)
        assert used_w >= min_fill * (x1 - x0) and used_h >= min_fill * (y1 - y0), (used_w / (x1 - x0),
                                                                                 used_h / (y1 - y0))
        assert all(x0 - 1 <= b[0] and b[2] <= x1 + 1 and y0 - 1 <= b[1] and b[3] <= y1 + 1 for b in drawn_boxes)
    for text in drawn.figure.findobj(Text):
        if text.get_visible() and text.get_text().strip():
            assert text.get_fontsize() * drawn.spec.dpi / 72 / 2 >= HALF_SIZE_PX, text.get_text()


@pytest.fixture(scope="module")
def grown(full_build):
    from graph.maps.from_store import _describe_sources
    from graph.store import open_store

    store = open_store(full_build)
    G = mirror(store)
    _describe_sources(store, G)
    return G


@pytest.mark.parametrize(("kind", "options"), README_MAPS, ids=[f"{k}{'-change' if o else ''}" for k, o in README_MAPS])
def test_every_readme_map_is_legible(grown, kind, options):
    dates = options.get("as_of")
    spec = maps.layout_change(grown, kind, dates) if dates else maps.layout_map(grown, kind)
    drawn = maps.draw(spec)
    if kind == "timeline":
        from matplotlib.text import Text

        texts = [t for t in drawn.figure.findobj(Text) if str(t.get_gid()).startswith("label:")]
        assert len(texts) == len(spec.events) > 20
        assert all(t.get_fontsize() * spec.dpi / 72 / 2 >= HALF_SIZE_PX for t in texts)
        renderer = drawn.figure.canvas.get_renderer()
        rows = sorted((t.get_window_extent(renderer).extents for t in texts), key=lambda b: -b[3])
        assert all(b[0] >= 0 and b[2] <= drawn.spec.width for b in rows)  # no row runs off the canvas
        assert all(lower[3] <= upper[1] for upper, lower in itertools.pairwise(rows))  # nor onto the next
        return
    check_legible(drawn)


def generated_mirror(n: int = 200, seed: int = 3) -> nx.MultiDiGraph:
    """A mirror of ``n`` synthetic agencies with preferential-attachment partnerships (names are made up)."""
    G = nx.MultiDiGraph()
    for i in range(n):
        G.add_node(f"{KG}agency-{i:03d}", actor=True, type="SpaceAgency", label=f"Agency {i}")
    for j, (a, b) in enumerate(sorted(nx.barabasi_albert_graph(n, 3, seed=seed).edges())):
        G.add_edge(f"{KG}agency-{a:03d}", f"{KG}agency-{b:03d}", key=f"st{j}", predicate=SPACE + "partnerOf",
                   relation="partnerOf", certainty="stated", rank=4, goldstein=6.0, point_in_time="2021-03",
                   start_time=None, end_time=None, source_date="2021-03", source=f"src{j % 7}")
    return G


def test_a_200_node_map_groups_its_minor_nodes_and_stays_legible():
    spec = maps.layout_map(generated_mirror(), "partnerships")
    drawn = maps.draw(spec)
    check_legible(drawn)
    groups = [n for n in drawn.spec.nodes if n.members]
    assert groups and all(n.label == f"+{len(n.members)} space agencies" for n in groups if len(n.members) > 1)
    shown = {n.id for n in drawn.spec.nodes if not n.members}
    assert len(shown) + sum(len(n.members) for n in groups) == 200  # every agency drawn or in a group
    assert f"{KG}agency-000" in shown  # the hubs stay
    assert drawn.spec.key and all(line.startswith("+") for line in drawn.spec.key)
    sizes = {n.id: n.size for n in drawn.spec.nodes if not n.members}
    assert sizes[f"{KG}agency-000"] > min(sizes.values())  # degree-aware sizing
