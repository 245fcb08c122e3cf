"""Placing the labels of a network map: each touches its node or is tied to it by a leader line.

Labels are placed greedily, actors and bigger nodes first: the first spot beside the node that
overlaps no label and no node and stays inside the map, else the nearest such spot on rings
further out, tied to the node by a thin leader line. A label with no free spot at all is reported,
and the caller groups its node (:mod:`graph.maps.grouping`) rather than draw a label over another.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

from graph.maps.spec import FONT, NodeMark

Box = tuple[float, float, float, float]
TOUCH_GAP = 2.0  # pixels between a node and a label beside it
RINGS = (12.0, 26.0, 44.0, 68.0, 100.0, 140.0, 190.0)  # pixels beyond the node, for leader-line labels
ANGLES = 16


@dataclass
class Placed:
    """The labels placed on one map panel: boxes and leader lines in display pixels, and those left over."""

    labels: dict[str, Box] = field(default_factory=dict)
    nodes: dict[str, Box] = field(default_factory=dict)
    leaders: dict[str, tuple[tuple[float, float], tuple[float, float]]] = field(default_factory=dict)
    unplaced: list[str] = field(default_factory=list)


@functools.cache  # a map has a handful of marker shapes and hundreds of nodes
def _marker_extent(marker: str) -> tuple[float, float, float, float]:
    """The extent of a marker's path at unit size: ``(x0, y0, x1, y1)``."""
    from matplotlib.markers import MarkerStyle

    style = MarkerStyle(marker)
    extent = style.get_path().transformed(style.get_transform()).get_extents()
    return extent.x0, extent.y0, extent.x1, extent.y1


def marker_box(n: NodeMark, center: tuple[float, float], dpi: float) -> Box:
    """The pixel extent of a node's marker, edge line included, centred on ``center``."""
    x0, y0, x1, y1 = _marker_extent(n.marker)
    scale = math.sqrt(n.size) * dpi / 72
    pad = 1.0 * dpi / 72 / 2 + 0.5  # half the edge line, and rounding
    cx, cy = center
    return cx + x0 * scale - pad, cy + y0 * scale - pad, cx + x1 * scale + pad, cy + y1 * scale + pad


def place_labels(ax, nodes: list[NodeMark], dpi: float) -> Placed:
    """Add the labels of ``nodes`` to ``ax`` where they cover nothing; see the module's docstring."""
    renderer = ax.figure.canvas.get_renderer()
    to_px = ax.transData.transform
    result = Placed()
    labels_index, nodes_index = BoxIndex(), BoxIndex()
    for n in nodes:
        result.nodes[n.id] = marker_box(n, tuple(to_px((n.x, n.y))), dpi)
        nodes_index.add(n.id, result.nodes[n.id])
    frame = ax.get_window_extent(renderer)
    inside = (frame.x0, frame.y0, frame.x1, frame.y1)
    for n in sorted(nodes, key=lambda m: (m.minor, not m.members, -m.size, m.id)):
        size = FONT["label"] if n.minor else FONT["actor"]
        text = ax.text(n.x, n.y, n.label, fontsize=size, zorder=5, va="center", ha="center", gid=f"label:{n.id}",
                       fontstyle="italic" if n.members else "normal", linespacing=1.05,
                       bbox={"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none",
                             "alpha": 0.85})
        extent = text.get_window_extent(renderer)
        pad = 0.12 * size * dpi / 72 + 1.0  # the white box around the text, and rounding
        w, h = extent.width + 2 * pad, extent.height + 2 * pad
        box, leader = _free_spot(result.nodes[n.id], w, h, n.id, inside, labels_index, nodes_index)
        if box is None:
            box, leader = _anywhere(result.nodes[n.id], w, h, n.id, inside, labels_index, nodes_index)
        if box is None:
            text.remove()
            result.unplaced.append(n.id)
            continue
        x, y = ax.transData.inverted().transform(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2))
        text.set_position((x, y))
        result.labels[n.id] = box
        labels_index.add(n.id, box)
        if leader:
            start, end = leader
            (x0, y0), (x1, y1) = ax.transData.inverted().transform([start, end])
            ax.plot([x0, x1], [y0, y1], color="#777777", linewidth=0.8, zorder=2, gid=f"leader:{n.id}")
            result.leaders[n.id] = leader
    return result


def _free_spot(node: Box, w: float, h: float, nid: str, inside: Box, labels: BoxIndex, nodes: BoxIndex):
    """The first box beside ``node`` (or on a ring further out, with its leader line) that covers nothing."""
    x0, y0, x1, y1 = node
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    g = TOUCH_GAP
    beside = [
        (x1 + g, cy - h / 2), (x0 - g - w, cy - h / 2), (cx - w / 2, y1 + g), (cx - w / 2, y0 - g - h),
        (x1 + g, y1 + g), (x0 - g - w, y1 + g), (x1 + g, y0 - g - h), (x0 - g - w, y0 - g - h),
    ]
    for left, bottom in beside:
        box = (left, bottom, left + w, bottom + h)
        if _fits(box, nid, inside, labels, nodes) and nodes.nearest(box, _gap(box, node) + 1) in (None, nid):
            return box, None
    r = max(x1 - x0, y1 - y0) / 2
    for ring in RINGS:
        for step in range(ANGLES):
            angle = 2 * math.pi * step / ANGLES
            dx, dy = math.cos(angle), math.sin(angle)
            bx = cx + dx * (r + ring + w / 2)
            by = cy + dy * (r + ring + h / 2)
            box = (bx - w / 2, by - h / 2, bx + w / 2, by + h / 2)
            if _fits(box, nid, inside, labels, nodes):
                end = (min(max(cx, box[0]), box[2]), min(max(cy, box[1]), box[3]))
                return box, ((cx + dx * r, cy + dy * r), end)
    return None, None


def _anywhere(node: Box, w: float, h: float, nid: str, inside: Box, labels: BoxIndex, nodes: BoxIndex):
    """The free box nearest ``node`` anywhere in the panel, on a grid of half a label's height, with its leader."""
    cx, cy = (node[0] + node[2]) / 2, (node[1] + node[3]) / 2
    step = max(h / 2, 4.0)
    spots = [(inside[0] + i * step, inside[1] + j * step) for i in range(int((inside[2] - inside[0] - w) / step) + 1)
             for j in range(int((inside[3] - inside[1] - h) / step) + 1)]
    spots.sort(key=lambda xy: (math.hypot(xy[0] + w / 2 - cx, xy[1] + h / 2 - cy), xy))
    for left, bottom in spots:
        box = (left, bottom, left + w, bottom + h)
        if _fits(box, nid, inside, labels, nodes):
            end = (min(max(cx, box[0]), box[2]), min(max(cy, box[1]), box[3]))
            angle = math.atan2(end[1] - cy, end[0] - cx)
            r = max(node[2] - node[0], node[3] - node[1]) / 2
            return box, ((cx + r * math.cos(angle), cy + r * math.sin(angle)), end)
    return None, None


def _fits(box: Box, nid: str, inside: Box, labels: BoxIndex, nodes: BoxIndex) -> bool:
    if not (inside[0] <= box[0] and box[2] <= inside[2] and inside[1] <= box[1] and box[3] <= inside[3]):
        return False
    return labels.overlap(box) == 0 and nodes.overlap(box) == 0


class BoxIndex:
    """Boxes in a coarse grid, so an overlap test looks only at the boxes nearby."""

    CELL = 120.0  # pixels

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[tuple[str, Box]]] = {}

    def _keys(self, box: Box) -> list[tuple[int, int]]:
        x0, y0, x1, y1 = (int(v // self.CELL) for v in box)
        return [(i, j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1)]

    def add(self, name: str, box: Box) -> None:
        """Index ``box`` under ``name``."""
        for key in self._keys(box):
            self._cells.setdefault(key, []).append((name, box))

    def nearest(self, box: Box, within: float) -> str | None:
        """The name of the box closest to ``box`` among those less than ``within`` pixels away."""
        x0, y0, x1, y1 = box
        best, best_gap = None, within
        for key in self._keys((x0 - within, y0 - within, x1 + within, y1 + within)):
            for name, other in self._cells.get(key, ()):
                gap = _gap(box, other)
                if gap < best_gap or (gap == best_gap and best is not None and name < best):
                    best, best_gap = name, gap
        return best

    def overlap(self, box: Box, ignore: str | None = None) -> float:
        """The area of ``box`` covered by the indexed boxes (other than ``ignore``)."""
        seen, total = set(), 0.0
        for key in self._keys(box):
            for name, other in self._cells.get(key, ()):
                if name != ignore and name not in seen:
                    seen.add(name)
                    total += overlap(box, other)
        return total


def _gap(a: Box, b: Box) -> float:
    """The distance between two boxes (0 when they touch or overlap)."""
    return math.hypot(max(0.0, a[0] - b[2], b[0] - a[2]), max(0.0, a[1] - b[3], b[1] - a[3]))


def overlap(a: Box, b: Box) -> float:
    """The area two boxes share."""
    dx = min(a[2], b[2]) - max(a[0], b[0])
    dy = min(a[3], b[3]) - max(a[1], b[1])
    return dx * dy if dx > 0 and dy > 0 else 0.0
