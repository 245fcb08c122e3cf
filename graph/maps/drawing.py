"""Drawing a :class:`~graph.maps.spec.MapSpec` as PNG, SVG or PDF with matplotlib (headless).

The map fills the room the title and the credits leave (:func:`graph.maps.spec.frame`); labels
touch their nodes or hang from leader lines (:mod:`graph.maps.labels`), and a node whose label finds
no free spot is grouped with its like (:mod:`graph.maps.grouping`) and the map drawn again. The
file records what the map shows (kind, filters, as-of date, build hash, sources): PNG text
chunks, the SVG's Dublin Core metadata, the PDF's document information.
"""

from __future__ import annotations

import io
import textwrap
import warnings
from dataclasses import dataclass, replace
from typing import Any

from graph.errors import UsageError
from graph.maps.grouping import group_nodes
from graph.maps.labels import Placed, marker_box, place_labels
from graph.maps.spec import FONT, EdgeMark, MapSpec, NodeMark, Panel, frame

FORMATS = ("png", "svg", "pdf")
NEW_HALO = "#F5C710"  # new ties: a yellow halo under the line
ENDED = ("#555555", (0, (1, 1.6)))  # ended ties: grey, finely dotted, crossed out in the middle
REGROUP_ROUNDS = 3


@dataclass(frozen=True)
class Drawn:
    """What :func:`draw` produced: the file's bytes, the spec as drawn (groups included) and the figure."""

    data: bytes
    spec: MapSpec
    figure: Any
    placed: list[Placed]

    @property
    def png(self) -> bytes:
        """The bytes (named for the default format)."""
        return self.data

    @property
    def label_boxes(self) -> dict[str, tuple[float, float, float, float]]:
        """Label boxes of the first panel, in display pixels."""
        return self.placed[0].labels if self.placed else {}

    @property
    def node_boxes(self) -> dict[str, tuple[float, float, float, float]]:
        """Node boxes of the first panel, in display pixels."""
        return self.placed[0].nodes if self.placed else {}


def draw(spec: MapSpec, fmt: str = "png") -> Drawn:
    """Render ``spec`` as ``fmt`` (``png``, ``svg`` or ``pdf``).

    Raises
    ------
    UsageError
        If ``fmt`` is not one of :data:`FORMATS`.
    """
    if fmt not in FORMATS:
        raise UsageError(f"cannot draw a map as {fmt!r} (use one of {', '.join(FORMATS)})")
    for _ in range(REGROUP_ROUNDS):  # labels first: they decide which nodes are grouped
        fig, axes, placed = _figure(spec)
        if not any(p.unplaced for p in placed):
            break
        spec = _regroup(spec, placed)
    _draw_marks(fig, spec, axes)
    return Drawn(_save(fig, spec, fmt), spec, fig, placed)


def _regroup(spec: MapSpec, placed: list[Placed]) -> MapSpec:
    """The spec with each node whose label found no spot grouped with its like."""
    def again(nodes: list[NodeMark], edges: list[EdgeMark], key: list[str], missing: list[str]):
        nodes, edges, more = group_nodes(nodes, edges, len(nodes), force=frozenset(missing))
        return nodes, edges, key + more

    if spec.panels:
        panels = []
        for panel, done in zip(spec.panels, placed, strict=True):
            nodes, edges, key = again(panel.nodes, panel.edges, panel.key, done.unplaced)
            panels.append(Panel(panel.title, nodes, edges, key))
        return replace(spec, panels=panels)
    nodes, edges, key = again(spec.nodes, spec.edges, spec.key, placed[0].unplaced)
    return replace(spec, nodes=nodes, edges=edges, key=key)


def _figure(spec: MapSpec):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(spec.width / spec.dpi, spec.height / spec.dpi), dpi=spec.dpi)
    FigureCanvasAgg(fig)  # headless: no display, no pyplot state
    fig.patch.set_facecolor("white")
    f = frame(spec.width, spec.height, spec.dpi, spec.footer.count("\n") + 1)
    fig.text(*f["title"], spec.title, fontsize=FONT["title"], fontweight="bold", va="top", gid="title")
    fig.text(*f["subtitle"], spec.subtitle, fontsize=FONT["subtitle"], color="#444444", va="top", gid="subtitle")
    fig.text(*f["footer"], spec.footer, fontsize=FONT["footer"], color="#444444", va="bottom", gid="footer",
             linespacing=1.15)
    if spec.kind == "timeline":
        _draw_timeline(fig, spec, f)
        return fig, [], []
    panels = _panels(spec)
    x, y, w, h = f["map"]
    gap = 0.02 if len(panels) > 1 else 0.0
    width = (w - gap * (len(panels) - 1)) / len(panels)
    head = FONT["subtitle"] * spec.dpi / 72 * 1.8 / spec.height if spec.panels else 0.0
    placed, axes = [], []
    for i, panel in enumerate(panels):
        left = x + i * (width + gap)
        if panel.title:
            fig.text(left + width / 2, y + h, panel.title, fontsize=FONT["subtitle"] + 1, fontweight="bold",
                     ha="center", va="top", gid=f"panel:{i}")
        axes.append(fig.add_axes((left, y, width, h - head)))
        _frame_network(axes[-1], panel.nodes, spec.dpi)
        placed.append(place_labels(axes[-1], panel.nodes, spec.dpi))
    return fig, axes, placed


def _panels(spec: MapSpec) -> list[Panel]:
    return spec.panels or [Panel("", spec.nodes, spec.edges, spec.key)]


def _draw_marks(fig, spec: MapSpec, axes: list) -> None:
    """The edges, nodes and legend, once the labels are placed."""
    if spec.kind == "timeline":
        return
    panels = _panels(spec)
    for ax, panel in zip(axes, panels, strict=True):
        _draw_network(ax, panel.nodes, panel.edges)
    f = frame(spec.width, spec.height, spec.dpi, spec.footer.count("\n") + 1)
    _draw_legend(fig, spec, f["legend"], sorted({line for p in panels for line in p.key}))


def _legend_handles(spec: MapSpec):
    from matplotlib import patheffects
    from matplotlib.lines import Line2D

    handles = []
    for label, style in spec.legend:
        if style["kind"] == "node":
            handles.append(Line2D([], [], linestyle="none", marker=style["marker"], markersize=11,
                                  markerfacecolor=style["colour"], markeredgecolor="#333333", label=label))
        elif style.get("change") == "new":
            handles.append(Line2D([], [], color="#333333", linewidth=2.4, label=label,
                                  path_effects=[patheffects.Stroke(linewidth=6, foreground=NEW_HALO),
                                                patheffects.Normal()]))
        elif style.get("change") == "ended":
            handles.append(Line2D([0, 0.5, 1], [0, 0, 0], color=ENDED[0], linestyle=ENDED[1], linewidth=1.8,
                                  marker="x", markevery=[1], markersize=8, label=label))
        else:
            handles.append(Line2D([], [], color=style["colour"], linestyle=style["linestyle"],
                                  linewidth=style.get("width", 3.0), alpha=style["alpha"], label=label))
    return handles


def _draw_legend(fig, spec: MapSpec, rect: tuple[float, ...], key: list[str]) -> None:
    """The legend in the right-hand column, and under it the key to the groups of nodes."""
    legend_ax = fig.add_axes(rect)
    legend_ax.set_axis_off()
    if spec.legend:
        px = FONT["legend"] * spec.dpi / 72
        chars = max(12, int((rect[2] * spec.width - 4.2 * px) / (0.6 * px)))
        handles = _legend_handles(spec)
        for handle in handles:
            handle.set_label(textwrap.fill(handle.get_label(), chars))
        legend_ax.legend(handles=handles, loc="upper left", frameon=False, fontsize=FONT["legend"],
                         handlelength=3.0, borderaxespad=0.0, labelspacing=0.5)
    if not key:
        return
    renderer = fig.canvas.get_renderer()
    legend = legend_ax.get_legend()
    top = legend.get_window_extent(renderer).y0 - 12 if legend else legend_ax.get_window_extent(renderer).y1
    bottom = legend_ax.get_window_extent(renderer).y0
    px = FONT["key"] * spec.dpi / 72
    chars = max(16, int(rect[2] * spec.width / (0.56 * px)))
    lines = ["Groups (use --focus to see them):"]
    for entry in key:  # two lines at most for each group: the key names as many groups as it can
        lines += textwrap.wrap(entry, chars, subsequent_indent="  ", max_lines=2, placeholder=" …")
    room = max(1, int((top - bottom) / (px * 1.2)))
    if len(lines) > room:
        lines = [*lines[: room - 1], "  … (and more groups)"]
    x0 = legend_ax.get_window_extent(renderer).x0
    fig.text(x0 / (spec.width), top / spec.height, "\n".join(lines), fontsize=FONT["key"], va="top", ha="left",
             color="#333333", linespacing=1.2, gid="key")


def _frame_network(ax, nodes: list[NodeMark], dpi: float) -> None:
    """Axes limits that keep every node whole inside the panel, with no more margin than that."""
    ax.set_axis_off()
    box = ax.get_window_extent(ax.figure.canvas.get_renderer())
    pad = max((max(b[2] - b[0], b[3] - b[1]) / 2 for b in (marker_box(n, (0, 0), dpi) for n in nodes)),
              default=0) + 3
    ax.set_xlim(-pad / (box.width - 2 * pad), 1 + pad / (box.width - 2 * pad))
    ax.set_ylim(-pad / (box.height - 2 * pad), 1 + pad / (box.height - 2 * pad))


def _draw_network(ax, nodes: list[NodeMark], edges: list[EdgeMark]) -> None:
    from matplotlib import patheffects
    from matplotlib.collections import LineCollection

    where = {n.id: (n.x, n.y) for n in nodes}
    by_style: dict[tuple, list] = {}  # one collection per style: thousands of edges draw in one call
    for e in edges:
        style = (e.change or "", e.colour, str(e.linestyle), e.width, e.alpha)
        by_style.setdefault(style, []).append((e, [where[e.u], where[e.v]]))
    for (change, colour, _, width, alpha), items in sorted(by_style.items(), key=lambda kv: kv[0]):
        segments = [segment for _, segment in items]
        if change == "ended":
            ax.add_collection(LineCollection(segments, colors=ENDED[0], linewidths=2.0, linestyles=[ENDED[1]],
                                             zorder=2))
            ax.scatter([(a[0] + b[0]) / 2 for a, b in segments], [(a[1] + b[1]) / 2 for a, b in segments],
                       marker="x", s=110, c=ENDED[0], linewidths=2.4, zorder=2.5)
            continue
        effects = ([patheffects.Stroke(linewidth=width + 3.5, foreground=NEW_HALO), patheffects.Normal()]
                   if change == "new" else None)
        ax.add_collection(LineCollection(segments, colors=colour, linewidths=width, linestyles=[items[0][0].linestyle],
                                         alpha=alpha, capstyle="round", zorder=1, path_effects=effects))
    by_marker: dict[str, list[NodeMark]] = {}  # one collection per marker: hundreds of nodes in a few calls
    for n in nodes:
        by_marker.setdefault(n.marker, []).append(n)
    for marker, items in sorted(by_marker.items()):
        ax.scatter([n.x for n in items], [n.y for n in items], s=[n.size for n in items], c=[n.colour for n in items],
                   marker=marker, edgecolors="#333333", linewidths=1.0, zorder=3, gid=f"nodes:{marker}")


def _save(fig, spec: MapSpec, fmt: str) -> bytes:
    """The figure as ``fmt``, with the map's metadata in the format's own place for it."""
    from matplotlib import rc_context

    meta = {**spec.metadata}
    if fmt == "png":
        info: dict[str, Any] = {**meta, "Software": "SpaceKG"}
    elif fmt == "svg":
        info = {"Title": meta.pop("Title", ""), "Description": meta.pop("Description", ""),
                "Source": meta.pop("Source", ""), "Creator": "SpaceKG", "Date": None,
                "Keywords": [f"{k}: {v}" for k, v in meta.items()]}
    else:  # pdf: the document information dictionary takes keys of its own
        info = {"Title": meta.pop("Title", ""), "Subject": meta.pop("Description", ""), "Creator": "SpaceKG",
                "CreationDate": None, **meta}
    buffer = io.BytesIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "spacekg", "pdf.fonttype": 42}), \
            warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Unknown infodict keyword")
        fig.savefig(buffer, format=fmt, dpi=spec.dpi, metadata=info)
    return buffer.getvalue()


def _draw_timeline(fig, spec: MapSpec, f: dict) -> None:
    """One row per dated statement, oldest on top: its text in a column on the left, its date on a time axis."""
    from datetime import timedelta

    import matplotlib.dates as mdates

    from graph.maps.timeline import TEXT_SHARE, event_lines

    x, y, w, h = f["map"]
    lines = max(sum(e.lines for e in spec.events), 1)
    text_ax = fig.add_axes((x, y, w * TEXT_SHARE, h))
    ax = fig.add_axes((x + w * TEXT_SHARE + 0.01, y, w * (1 - TEXT_SHARE) - 0.01, h), sharey=text_ax)
    text_ax.set_axis_off()
    for spine in ("top", "right", "left"):
        ax.spines[spine].set_visible(False)
    ax.tick_params(axis="y", left=False, labelleft=False)
    ax.tick_params(axis="x", labelsize=FONT["label"])
    ax.set_ylim(lines - 0.4, -0.6)
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.8)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=7))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    lo, hi = time_span([e.day for e in spec.events])
    pad = timedelta(days=max((hi - lo).days * 0.03, 60))
    ax.set_xlim(lo - pad, hi + pad)
    for e in spec.events:
        middle = e.row + (e.lines - 1) / 2
        early = e.day < lo  # far before the rest: drawn at the axis' start, pointing back (its date is in the text)
        ax.plot([lo - pad, max(e.day, lo - pad)], [middle, middle], color="#E4E4E4", linewidth=0.8, zorder=1)
        ax.scatter([lo - pad * 0.5 if early else e.day], [middle], s=80, c=e.colour, marker="<" if early else e.marker,
                   edgecolors="#333333", zorder=3, gid=f"event:{e.row}", clip_on=False)
        text_ax.text(1.0, middle, "\n".join(event_lines(e.text, e.when, spec.width, spec.dpi)), ha="right",
                     va="center", fontsize=FONT["label"], color="#222222", linespacing=1.25,
                     transform=text_ax.get_yaxis_transform(), gid=f"label:{e.row}")
    legend_ax = fig.add_axes(f["legend"])
    legend_ax.set_axis_off()
    legend_ax.legend(handles=_legend_handles(spec), loc="upper left", frameon=False, fontsize=FONT["legend"],
                     title="certainty", title_fontsize=FONT["legend"])


def time_span(days: list) -> tuple:
    """The first and last day the time axis shows: a few events far before the rest are left before it.

    >>> from datetime import date
    >>> time_span([date(1972, 12, 11), date(2019, 1, 3), date(2025, 5, 1)])
    (datetime.date(2019, 1, 3), datetime.date(2025, 5, 1))
    """
    days = sorted(days)
    lo, hi = days[0], days[-1]
    head = max(1, len(days) // 20)  # at most a twentieth of the events
    for i in range(1, head + 1):
        if i < len(days) - 1 and (days[i] - days[i - 1]) > (hi - days[i]) * 0.5:
            lo = days[i]
    return lo, hi
