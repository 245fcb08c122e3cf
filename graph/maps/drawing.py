"""Drawing a :class:`~graph.maps.spec.MapSpec` as PNG with matplotlib's Agg backend (headless).

Labels are placed so that they overlap neither each other nor the nodes, and the PNG's text
chunks record what the map shows (kind, filters, as-of date, build hash, sources).
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from graph.maps.spec import MapSpec


@dataclass(frozen=True)
class Drawn:
    """What :func:`draw` produced: the PNG and the label boxes it placed (display pixels)."""

    png: bytes
    label_boxes: dict[str, tuple[float, float, float, float]]
    node_boxes: dict[str, tuple[float, float, float, float]]


def draw(spec: MapSpec) -> Drawn:
    """Render ``spec`` to PNG bytes with matplotlib's Agg backend."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(spec.width / spec.dpi, spec.height / spec.dpi), dpi=spec.dpi)
    FigureCanvasAgg(fig)  # headless: no display, no pyplot state
    fig.patch.set_facecolor("white")
    fig.text(0.03, 0.965, spec.title, fontsize=17, fontweight="bold", va="top", ha="left")
    fig.text(0.03, 0.915, spec.subtitle, fontsize=10.5, color="#444444", va="top", ha="left")
    fig.text(0.03, 0.02, spec.footer, fontsize=8.5, color="#555555", va="bottom", ha="left", wrap=True)
    if spec.kind == "timeline":
        boxes: tuple[dict, dict] = ({}, {})
        _draw_timeline(fig, spec)
    else:
        boxes = _draw_network(fig, spec)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=spec.dpi, metadata={**spec.metadata, "Software": "SpaceKG"})
    return Drawn(buffer.getvalue(), boxes[0], boxes[1])


def _legend_handles(spec: MapSpec):
    from matplotlib.lines import Line2D

    handles = []
    for label, style in spec.legend:
        if style["kind"] == "node":
            handles.append(Line2D([], [], linestyle="none", marker=style["marker"], markersize=10,
                                  markerfacecolor=style["colour"], markeredgecolor="#333333", label=label))
        else:
            handles.append(Line2D([], [], color=style["colour"], linestyle=style["linestyle"],
                                  linewidth=style.get("width", 3.0), alpha=style["alpha"], label=label))
    return handles


def _draw_network(fig, spec: MapSpec) -> tuple[dict, dict]:
    ax = fig.add_axes((0.03, 0.07, 0.72, 0.80))
    ax.set_axis_off()
    ax.set_xlim(-0.08, 1.08)
    ax.set_ylim(-0.08, 1.08)
    from matplotlib.collections import LineCollection

    where = {n.id: (n.x, n.y) for n in spec.nodes}
    by_style: dict[tuple, list] = {}  # one collection per style: thousands of edges draw in one call
    for e in spec.edges:
        by_style.setdefault((e.colour, str(e.linestyle), e.width, e.alpha), []).append((e, [where[e.u], where[e.v]]))
    for (colour, _, width, alpha), items in sorted(by_style.items(), key=lambda kv: kv[0]):
        ax.add_collection(LineCollection([segment for _, segment in items], colors=colour, linewidths=width,
                                         linestyles=[items[0][0].linestyle], alpha=alpha, capstyle="round",
                                         zorder=1))
    for n in spec.nodes:
        ax.scatter([n.x], [n.y], s=n.size, c=n.colour, marker=n.marker, edgecolors="#333333", linewidths=1.0,
                   zorder=3)
    if spec.legend:
        legend_ax = fig.add_axes((0.77, 0.07, 0.21, 0.80))
        legend_ax.set_axis_off()
        legend_ax.legend(handles=_legend_handles(spec), loc="upper left", frameon=False, fontsize=9.5,
                         handlelength=3.2, borderaxespad=0.0, labelspacing=0.9)
    return _place_labels(fig, ax, spec)


def _place_labels(fig, ax, spec: MapSpec) -> tuple[dict, dict]:
    """Greedy label placement: actors first, then bigger nodes; the first spot that overlaps nothing.

    The :data:`ALWAYS_LABELLED` most important actors are always labelled (at the least crowded
    spot); any other label is left out when every spot would cover a label or a node: a map with a
    missing label reads better than one with labels on top of each other.
    """
    renderer = fig.canvas.get_renderer()
    to_px = ax.transData.transform
    node_boxes = {}
    for n in spec.nodes:
        cx, cy = to_px((n.x, n.y))
        r = math.sqrt(n.size) / 2 * spec.dpi / 72 + 2
        node_boxes[n.id] = (cx - r, cy - r, cx + r, cy + r)
    axes_box = ax.get_window_extent(renderer)
    placed: dict[str, tuple[float, float, float, float]] = {}
    labels_index, nodes_index = _BoxIndex(), _BoxIndex()
    for nid, box in node_boxes.items():
        nodes_index.add(nid, box)
    order = sorted(spec.nodes, key=lambda m: (m.minor, -m.size, m.id))
    always = {m.id for m in order[:ALWAYS_LABELLED] if not m.minor}
    for n in order:
        text = ax.text(n.x, n.y, n.label, fontsize=8 if n.minor else 10, zorder=4, va="center", ha="center",
                       bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none",
                             "alpha": 0.8})
        extent = text.get_window_extent(renderer)
        w, h = extent.width + 4, extent.height + 2
        cx, cy = to_px((n.x, n.y))
        r = node_boxes[n.id][2] - cx
        candidates = []
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1)):
            for step in (0, 1, 2, 3):
                ox = dx * (r + w / 2 + 3 + step * 8) if dx else 0
                oy = dy * (r + h / 2 + 2 + step * 8) if dy else 0
                if dx and dy:
                    ox, oy = dx * (r * 0.7 + w / 2 + step * 8), dy * (r * 0.7 + h / 2 + step * 8)
                box = (cx + ox - w / 2, cy + oy - h / 2, cx + ox + w / 2, cy + oy + h / 2)
                candidates.append(box)
        def cost(box, _n=n):
            inside = (axes_box.x0 <= box[0] and box[2] <= axes_box.x1 and axes_box.y0 <= box[1] and
                      box[3] <= axes_box.y1)
            hits = labels_index.overlap(box) + nodes_index.overlap(box, ignore=_n.id)
            # A label nearer another node than its own would name the wrong node.
            misleading = nodes_index.nearest(box, _gap(box, node_boxes[_n.id])) not in (None, _n.id)
            return (0 if inside else 1, hits, misleading)
        best = min(candidates, key=cost)
        if n.id not in always and cost(best)[:2] != (0, 0):
            text.remove()
            continue
        x, y = ax.transData.inverted().transform(((best[0] + best[2]) / 2, (best[1] + best[3]) / 2))
        text.set_position((x, y))
        placed[n.id] = best
        labels_index.add(n.id, best)
    return placed, node_boxes


ALWAYS_LABELLED = 30


class _BoxIndex:
    """Boxes in a coarse grid, so an overlap test looks only at the boxes nearby."""

    CELL = 120.0  # pixels

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[tuple[str, tuple]]] = {}

    def _keys(self, box) -> list[tuple[int, int]]:
        x0, y0, x1, y1 = (int(v // self.CELL) for v in box)
        return [(i, j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1)]

    def add(self, name: str, box) -> None:
        for key in self._keys(box):
            self._cells.setdefault(key, []).append((name, box))

    def nearest(self, box, within: float) -> str | None:
        """The name of the box closest to ``box`` among those less than ``within`` pixels away."""
        x0, y0, x1, y1 = box
        best, best_gap = None, within
        for key in self._keys((x0 - within, y0 - within, x1 + within, y1 + within)):
            for name, other in self._cells.get(key, ()):
                gap = _gap(box, other)
                if gap < best_gap or (gap == best_gap and best is not None and name < best):
                    best, best_gap = name, gap
        return best

    def overlap(self, box, ignore: str | None = None) -> float:
        seen, total = set(), 0.0
        for key in self._keys(box):
            for name, other in self._cells.get(key, ()):
                if name != ignore and name not in seen:
                    seen.add(name)
                    total += _overlap(box, other)
        return total


def _gap(a, b) -> float:
    """The distance between two boxes (0 when they touch or overlap)."""
    return math.hypot(max(0.0, a[0] - b[2], b[0] - a[2]), max(0.0, a[1] - b[3], b[1] - a[3]))


def _overlap(a, b) -> float:
    dx = min(a[2], b[2]) - max(a[0], b[0])
    dy = min(a[3], b[3]) - max(a[1], b[1])
    return dx * dy if dx > 0 and dy > 0 else 0.0


def _draw_timeline(fig, spec: MapSpec) -> None:
    """One row per dated statement, oldest on top; the text sits on the side with more room."""
    from datetime import timedelta

    import matplotlib.dates as mdates

    ax = fig.add_axes((0.04, 0.12, 0.74, 0.74))
    for spine in ("top", "right", "left"):
        ax.spines[spine].set_visible(False)
    ax.set_yticks([])
    rows = max(len(spec.events), 1)
    ax.set_ylim(rows - 0.4, -0.6)
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.8)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    if not spec.events:
        ax.text(0.5, 0.5, "no dated statements match", transform=ax.transAxes, ha="center", fontsize=12)
        return
    days = [e.day for e in spec.events]
    lo, hi = min(days), max(days)
    pad = timedelta(days=max((hi - lo).days * 0.04, 60))
    ax.set_xlim(lo - pad, hi + pad)
    middle = lo + (hi - lo) / 2
    fontsize = 9.5 if rows <= 25 else max(6.5, 9.5 * 25 / rows)
    for e in spec.events:
        ax.plot([lo - pad, e.day], [e.row, e.row], color="#EEEEEE", linewidth=0.8, zorder=1)
        ax.scatter([e.day], [e.row], s=80, c=e.colour, marker=e.marker, edgecolors="#333333", zorder=3)
        right = e.day <= middle
        ax.annotate(f"{e.text} ({e.when})", (mdates.date2num(e.day), e.row), xytext=(9 if right else -9, 0),
                    textcoords="offset points", fontsize=fontsize, va="center", ha="left" if right else "right",
                    color="#222222", zorder=4)
    legend_ax = fig.add_axes((0.80, 0.12, 0.18, 0.74))
    legend_ax.set_axis_off()
    legend_ax.legend(handles=_legend_handles(spec), loc="upper left", frameon=False, fontsize=9.5,
                     title="certainty", title_fontsize=9.5)
