"""What a map shows, decided before anything is drawn: the kinds of map, their styles and the spec.

Styles come from one table each. Entity classes are styled by :data:`CLASS_STYLE`; a class not
in it draws in the style of its nearest styled superclass in the ontology (a new kind of
spacecraft draws as a spacecraft), and only a class with no styled ancestor draws as "other".
Certainty levels come from the ontology (:class:`graph.qualifiers.Certainty`), surest first, and take
the styles of :data:`CERTAINTY_STYLES` in that order.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypedDict

from graph.namespaces import SPACE
from graph.qualifiers import Certainty

# kind: (title, projection of graph.mirror, relation drawn); the timeline draws dated statements.
MAP_KINDS: dict[str, tuple[str, str | None, str | None]] = {
    "partnerships": ("Who works with whom in space", "partnership", "partnership"),
    "rivalries": ("Who competes in space", "rivalry", "rivalry"),
    "signed": ("Partners and rivals in space", "signed", None),  # the sign of each edge says which
    "memberships": ("Who belongs to, runs or signs what", "membership", "membership"),
    "timeline": ("What happened when", None, None),
}
KINDS = tuple(MAP_KINDS)
TITLES = {kind: title for kind, (title, _, _) in MAP_KINDS.items()} | {"query": "Query result"}

# Okabe-Ito colours; every class also has its own marker, so colour is never the only cue.
CLASS_STYLE: dict[str, tuple[str, str, str]] = {
    # ontology class (local name): (legend label, colour, matplotlib marker)
    "SpaceAgency": ("space agency", "#56B4E9", "o"),
    "Country": ("country", "#E69F00", "s"),
    "Company": ("company", "#CC79A7", "P"),
    "Program": ("program", "#F0E442", "D"),
    "Undertaking": ("mission / spacecraft", "#0072B2", "^"),
    "SpaceStation": ("space station", "#009E73", "h"),
    "PowerStation": ("space station", "#009E73", "h"),
    "Agreement": ("agreement", "#D55E00", "p"),
    "Place": ("place / facility", "#999999", "v"),
}
OTHER_STYLE = ("other", "#BBBBBB", "v")
# The plural of each legend label, for groups of nodes ("+5 agreements").
PLURALS = {
    "space agency": "space agencies", "country": "countries", "company": "companies", "program": "programs",
    "mission / spacecraft": "missions", "space station": "stations",
    "agreement": "agreements", "place / facility": "places", "other": "others",
}
# Type sizes in points, chosen to stay readable when the image is shown at half size at 150 dpi
# (10 pt is 21 pixels at 150 dpi, 10 at half size).
FONT = {"title": 20, "subtitle": 12, "footer": 10, "legend": 10.5, "label": 10, "actor": 11, "key": 10}

RELATION_STYLE: dict[str, tuple[str, str, Any]] = {
    # relation: (legend label, colour, line style)
    "partnership": ("partnership", "#009E73", "solid"),
    "rivalry": ("rivalry", "#D55E00", (0, (5, 3))),
    "membership": ("belongs to / runs / signed", "#555555", (0, (1, 2))),
    "other": ("other relation", "#999999", (0, (3, 1, 1, 1))),
}
# The certainty levels' styles, surest first: (opacity, line width in points, colour, timeline marker).
CERTAINTY_STYLES = (
    (0.95, 3.2, "#0072B2", "o"),
    (0.65, 2.4, "#009E73", "s"),
    (0.45, 1.8, "#E69F00", "D"),
    (0.45, 1.8, "#CC79A7", "^"),
)


@functools.cache  # asked once per edge drawn; the levels are the ontology's, read once
def certainty_style(level: str | None) -> tuple[float, float, str, str]:
    """The style of a certainty level by its place among the ontology's levels (``None``: the surest).

    >>> certainty_style("stated")[:2], certainty_style("inferred")[2]
    ((0.95, 3.2), '#CC79A7')
    """
    names = Certainty.names()
    place = names.index(level) if level in names else 0
    return CERTAINTY_STYLES[min(place, len(CERTAINTY_STYLES) - 1)]


@functools.cache
def _superclasses() -> dict[str, list[str]]:
    """``{class local name: its direct superclasses' local names}`` in the ontology's namespace."""
    import pyoxigraph as ox

    from graph import paths

    found: dict[str, list[str]] = {}
    with paths.ontology_file().open("rb") as handle:
        for q in ox.parse(handle, format=ox.RdfFormat.TURTLE):
            sub, sup = q.subject.value, q.object.value
            if q.predicate.value.endswith("#subClassOf") and sub.startswith(SPACE) and sup.startswith(SPACE):
                found.setdefault(sub[len(SPACE):], []).append(sup[len(SPACE):])
    return {name: sorted(sups) for name, sups in found.items()}


@functools.cache
def class_style(name: str | None) -> tuple[str, str, str]:
    """The style of a class: its own, else its nearest styled superclass's (breadth first), else other.

    >>> class_style("Lander")[0], class_style("MemorandumOfUnderstanding")[0], class_style("NewsOutlet")[0]
    ('mission / spacecraft', 'agreement', 'other')
    """
    frontier, seen = [name] if name else [], set()
    while frontier:
        styled = [c for c in frontier if c in CLASS_STYLE]
        if styled:
            return CLASS_STYLE[min(styled, key=list(CLASS_STYLE).index)]
        seen.update(frontier)
        frontier = sorted({s for c in frontier for s in _superclasses().get(c, []) if s not in seen})
    return OTHER_STYLE


@dataclass
class LayoutMemory:
    """The positions of the last map of one kind, and the key of the graph they were computed for."""

    key: str = ""
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)

    @classmethod
    def load(cls, path) -> LayoutMemory:
        import json
        from pathlib import Path

        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            return cls(data["key"], {n: (float(x), float(y)) for n, (x, y) in data["positions"].items()})
        except (OSError, ValueError, KeyError, TypeError):
            return cls()  # no memory, or an unreadable one: lay out from scratch

    def save(self, path) -> None:
        import json
        from pathlib import Path

        from graph.files import write_atomically

        data = {"key": self.key, "positions": {n: [x, y] for n, (x, y) in
                                                sorted(self.positions.items())}}
        write_atomically(Path(path), json.dumps(data, indent=0).encode())


@dataclass(frozen=True)
class NodeMark:
    """One node as drawn: where, how big, which colour and marker."""

    id: str
    label: str
    type: str | None
    x: float
    y: float
    size: float
    colour: str
    marker: str
    minor: bool = False  # not an actor: grouped with its like first when the map is crowded
    members: tuple[str, ...] = ()  # a group: the names of the nodes it stands for


@dataclass(frozen=True)
class EdgeMark:
    """One edge as drawn: its relation and certainty, and the style they give it."""

    u: str
    v: str
    relation: str
    certainty: str | None
    colour: str
    linestyle: Any
    width: float
    alpha: float
    statements: tuple[str, ...] = ()
    change: str | None = None  # on a panel of a change map: "new" or "ended" since the previous panel


@dataclass(frozen=True)
class Panel:
    """One of the small multiples of a change map: its date, and the nodes and edges that held then."""

    title: str
    nodes: list[NodeMark]
    edges: list[EdgeMark]
    key: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class EventMark:
    """One dated statement on the timeline."""

    when: str
    day: date
    row: int
    text: str
    certainty: str
    colour: str
    marker: str
    lines: int = 1  # the row's text wraps to this many lines; ``row`` is the first of them


class MapOptions(TypedDict, total=False):
    """What every map takes besides its kind and its dates: the filters (the lowest certainty, a
    focus entity's IRI and the depth of its neighbourhood), the title, the build hash for the footer
    and the canvas (pixels and dots per inch). Missing keys take :data:`MAP_DEFAULTS`."""

    min_certainty: str | None
    focus: str | None
    depth: int
    title: str | None
    build_hash: str
    width: int
    height: int
    dpi: int


MAP_DEFAULTS: MapOptions = {"min_certainty": None, "focus": None, "depth": 1, "title": None, "build_hash": "",
                            "width": 1600, "height": 1000, "dpi": 150}


def map_options(options: dict) -> MapOptions:
    """The options with their defaults; an unknown one is a programming error.

    >>> map_options({"depth": 2})["depth"], map_options({})["width"]
    (2, 1600)
    """
    unknown = set(options) - set(MAP_DEFAULTS)
    if unknown:
        raise TypeError(f"unknown map options: {', '.join(sorted(unknown))}")
    return {**MAP_DEFAULTS, **options}


@dataclass
class MapSpec:
    """Everything a map shows, decided before anything is drawn."""

    kind: str
    title: str
    subtitle: str
    footer: str
    nodes: list[NodeMark] = field(default_factory=list)
    edges: list[EdgeMark] = field(default_factory=list)
    events: list[EventMark] = field(default_factory=list)
    legend: list[tuple[str, dict]] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    key: list[str] = field(default_factory=list)  # what each group of nodes stands for
    panels: list[Panel] = field(default_factory=list)  # small multiples sharing one layout
    width: int = 1600
    height: int = 1000
    dpi: int = 150

    def edge(self, a: str, b: str) -> EdgeMark | None:
        """The edge drawn between ``a`` and ``b`` (either direction), if any."""
        for mark in self.edges:
            if {mark.u, mark.v} == {a, b}:
                return mark
        return None


def frame(width: int, height: int, dpi: int, footer_lines: int) -> dict[str, tuple[float, ...]]:
    """Where the parts of a map go, in fractions of the figure: title, subtitle, footer, map, legend.

    The map takes all the room the title and the footer (``footer_lines`` lines) leave, so that
    the drawing fills the canvas; its aspect (``map`` width over height in pixels) is what the
    layout is fitted to.

    >>> f = frame(1600, 1000, 150, 2)
    >>> round(f["map"][1], 3), round(f["map"][3] + f["map"][1], 3)
    (0.089, 0.879)
    """
    px = dpi / 72
    margin = 0.025 * height
    title = height - margin
    subtitle = title - FONT["title"] * px * 1.35
    top = subtitle - FONT["subtitle"] * px * 1.6
    footer = margin * 0.8
    bottom = footer + footer_lines * FONT["footer"] * px * 1.3 + 0.6 * margin
    left, legend_w = 0.025 * width, 0.22 * width
    map_w = width - left - legend_w - 0.02 * width
    return {
        "title": (left / width, title / height),
        "subtitle": (left / width, subtitle / height),
        "footer": (left / width, footer / height),
        "map": (left / width, bottom / height, map_w / width, (top - bottom) / height),
        "legend": ((width - legend_w) / width, bottom / height, (legend_w - 0.01 * width) / width,
                   (top - bottom) / height),
    }


def map_aspect(width: int, height: int, dpi: int, footer_lines: int, panels: int = 1) -> float:
    """Width over height, in pixels, of the region each map panel is drawn in."""
    _, _, w, h = frame(width, height, dpi, footer_lines)["map"]
    return (w * width / panels) / (h * height)


def memory_path(build_dir: Path, kind: str, *, focus: str | None = None, as_of: str | None = None,
                min_certainty: str | None = None) -> Path:
    """Where the layout of one map (kind, focus and filters) is kept, so that it stays stable as the graph grows.

    >>> memory_path(Path("build"), "signed", focus="NASA", as_of="2021").as_posix()
    'build/layouts/signed-nasa-as-of-2021.json'
    """
    parts = [kind, focus and focus.casefold(), as_of and f"as-of-{as_of}", min_certainty]
    return build_dir / "layouts" / ("-".join(re.sub(r"[^\w.-]+", "_", p) for p in parts if p) + ".json")
