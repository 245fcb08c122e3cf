"""Relationship maps as PNG: partnerships, rivalries, both, memberships, and a timeline.

Rendering has two steps so that what is drawn can be tested without looking at pixels:

1. :func:`layout_map` (or :func:`layout_triples` for a query's result) decides everything: which
   nodes and edges, their positions, colours, markers, line styles, the legend, the title,
   subtitle and footer. It returns a :class:`MapSpec` and imports no plotting library.
2. :func:`draw` turns a spec into PNG bytes with matplotlib's Agg backend (headless), placing
   labels so that they overlap neither each other nor the nodes, and records in the PNG's text
   chunks what the map shows (kind, filters, as-of date, build hash, sources).

Encodings are chosen to survive greyscale and colour-blindness: relations differ by line style
as well as by colour (partnership solid, rivalry dashed, membership dotted), certainty by
opacity and width (stated strongest, inferred faintest), entity types by marker shape as well as
by colour (the Okabe-Ito palette).

Layout is deterministic and stable: each node starts from a position derived from a hash of its
IRI alone, and the force layout runs a fixed number of iterations with a fixed seed, so the same
graph gives the same picture and one more fact moves the others only a little.
"""

from __future__ import annotations

import hashlib
import io
import math
import textwrap
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from graph.errors import QueryError
from graph.namespaces import SPACE, shorten

if TYPE_CHECKING:
    import networkx as nx

KINDS = ("partnerships", "rivalries", "signed", "memberships", "timeline")

# Okabe-Ito colours; every type also has its own marker, so colour is never the only cue.
TYPE_STYLE: dict[str, tuple[str, str, str]] = {
    # type: (legend label, colour, matplotlib marker)
    "SpaceAgency": ("space agency", "#56B4E9", "o"),
    "Country": ("country", "#E69F00", "s"),
    "Company": ("company", "#CC79A7", "P"),
    "Program": ("program", "#F0E442", "D"),
    "Mission": ("mission / spacecraft", "#0072B2", "^"),
    "Spacecraft": ("mission / spacecraft", "#0072B2", "^"),
    "Lander": ("mission / spacecraft", "#0072B2", "^"),
    "Rover": ("mission / spacecraft", "#0072B2", "^"),
    "Orbiter": ("mission / spacecraft", "#0072B2", "^"),
    "LaunchVehicle": ("mission / spacecraft", "#0072B2", "^"),
    "Instrument": ("mission / spacecraft", "#0072B2", "^"),
    "PowerStation": ("space station", "#009E73", "h"),
    "SpaceStation": ("space station", "#009E73", "h"),
    "Agreement": ("agreement", "#D55E00", "p"),
    "Facility": ("place / facility", "#999999", "v"),
    "CelestialBody": ("place / facility", "#999999", "v"),
    "SurfaceRegion": ("place / facility", "#999999", "v"),
    "Orbit": ("place / facility", "#999999", "v"),
    "Region": ("place / facility", "#999999", "v"),
    "MemorandumOfUnderstanding": ("agreement", "#D55E00", "p"),
}
OTHER_STYLE = ("other", "#BBBBBB", "v")

RELATION_STYLE: dict[str, tuple[str, str, Any]] = {
    # relation: (legend label, colour, line style)
    "partnership": ("partnership", "#009E73", "solid"),
    "rivalry": ("rivalry", "#D55E00", (0, (5, 3))),
    "membership": ("belongs to / runs / signed", "#555555", (0, (1, 2))),
    "other": ("other relation", "#999999", (0, (3, 1, 1, 1))),
}
CERTAINTY_STYLE: dict[str, tuple[float, float]] = {
    # certainty: (opacity, line width in points)
    "stated": (0.95, 3.2),
    "planned": (0.65, 2.4),
    "speculative": (0.45, 1.8),
    "inferred": (0.45, 1.8),
}
CERTAINTY_ORDER = ("stated", "planned", "speculative", "inferred")
CERTAINTY_COLOUR = {"stated": "#0072B2", "planned": "#009E73", "speculative": "#E69F00", "inferred": "#CC79A7"}
TIMELINE_MARKER = {"stated": "o", "planned": "s", "speculative": "D", "inferred": "^"}

TITLES = {
    "partnerships": "Who works with whom in space",
    "rivalries": "Who competes in space",
    "signed": "Partners and rivals in space",
    "memberships": "Who belongs to, runs or signs what",
    "timeline": "What happened when",
    "query": "Query result",
}


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

        from graph.store import write_atomically

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
    minor: bool = False  # not an actor: its label may be left out where it would cover something


ACTOR_TYPES = frozenset({"SpaceAgency", "Country", "Company", "Actor"})


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
    width: int = 1600
    height: int = 1000
    dpi: int = 150

    def edge(self, a: str, b: str) -> EdgeMark | None:
        """The edge drawn between ``a`` and ``b`` (either direction), if any."""
        for mark in self.edges:
            if {mark.u, mark.v} == {a, b}:
                return mark
        return None


# --------------------------------------------------------------------------- layout


def _seed_position(node: str) -> tuple[float, float]:
    """A starting position that depends on the node's IRI only (stable when the graph grows)."""
    digest = hashlib.sha256(node.encode()).digest()
    angle = int.from_bytes(digest[:4], "big") / 2**32 * 2 * math.pi
    radius = 0.35 + 0.65 * int.from_bytes(digest[4:8], "big") / 2**32
    return radius * math.cos(angle), radius * math.sin(angle)


def graph_key(P: nx.Graph) -> str:
    """A digest of the nodes and edges of ``P``: equal keys mean the same picture can be reused."""
    nodes = sorted(P.nodes)
    edges = sorted(tuple(sorted((u, v))) for u, v in P.edges())
    return hashlib.sha256(repr((nodes, edges)).encode()).hexdigest()


def positions(
    P: nx.Graph, anchor: dict[str, tuple[float, float]] | None = None
) -> dict[str, tuple[float, float]]:
    """Deterministic positions in [0, 1]² for the nodes of ``P``.

    Without ``anchor``, each connected component is laid out on its own (a force layout would
    push components to the corners), then the components are packed in a grid of cells whose size
    grows with the square root of the component's size.

    With ``anchor`` (the positions of an earlier map), the layout starts from them, new nodes
    next to their neighbours, and is aligned back onto them: adding a fact moves the rest a little
    instead of scrambling the map.
    """
    if P.number_of_nodes() == 0:
        return {}
    if anchor and any(n in anchor for n in P):
        return _anchored_positions(P, anchor)
    import networkx as nx

    components = sorted((sorted(c) for c in nx.connected_components(P)), key=lambda c: (-len(c), c[0]))
    local = [_component_positions(P, nodes) for nodes in components]
    sizes = [len(nodes) ** 0.75 for nodes in components]  # big components get the room they need
    row_width = max(max(sizes), math.sqrt(sum(s * s for s in sizes)) * 1.25)
    placed: list[tuple[float, float, float]] = []  # (x, y, cell size) of each component
    x = y = shelf = 0.0
    for size in sizes:
        if x > 0 and x + size > row_width + 1e-9:
            x, y, shelf = 0.0, y + shelf, 0.0
        placed.append((x, y, size))
        x += size
        shelf = max(shelf, size)
    total_w = max(px + size for px, _, size in placed)
    total_h = max(py + size for _, py, size in placed)
    scale = 1.0 / max(total_w, total_h)
    result = {}
    for (px, py, size), pos in zip(placed, local, strict=True):
        margin = 0.12 * size
        for node, (lx, ly) in pos.items():
            cx = (px + margin + lx * (size - 2 * margin)) * scale
            cy = (py + margin + ly * (size - 2 * margin)) * scale
            result[node] = (cx + (1 - total_w * scale) / 2, 1 - cy - (1 - total_h * scale) / 2)
    return result


def _anchored_positions(P: nx.Graph, anchor: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    import networkx as nx
    import numpy as np

    nodes = sorted(P.nodes)
    start: dict[str, tuple[float, float]] = {n: anchor[n] for n in nodes if n in anchor}
    for n in nodes:  # new nodes start beside their known neighbours, or at their hash position
        if n not in start:
            near = [start[m] for m in sorted(P.neighbors(n)) if m in start]
            jitter = _seed_position(n)
            base = tuple(np.mean(near, axis=0)) if near else (0.5 + 0.5 * jitter[0], 0.5 + 0.5 * jitter[1])
            start[n] = (base[0] + 0.04 * jitter[0], base[1] + 0.04 * jitter[1])
    ordered = nx.Graph()
    ordered.add_nodes_from(nodes)
    ordered.add_edges_from(sorted(tuple(sorted((u, v))) for u, v in P.edges()))
    # A few force iterations from the old picture: enough to fit new nodes, too few to reorganise.
    raw = nx.spring_layout(ordered, pos=start, k=0.6 / math.sqrt(len(nodes)), iterations=25, seed=7, weight=None)
    known = [i for i, n in enumerate(nodes) if n in anchor]
    X = np.array([raw[n] for n in nodes], dtype=float)
    A = np.array([anchor[nodes[i]] for i in known], dtype=float)
    K = X[known]
    u, sigma, vt = np.linalg.svd((K - K.mean(axis=0)).T @ (A - A.mean(axis=0)))
    rotation = u @ vt
    spread = float(((K - K.mean(axis=0)) ** 2).sum())
    scale = float(sigma.sum()) / spread if spread > 0 else 1.0
    X = (X - K.mean(axis=0)) @ rotation * scale + A.mean(axis=0)
    X = np.clip(X, 0.0, 1.0)
    return {n: (float(X[i, 0]), float(X[i, 1])) for i, n in enumerate(nodes)}


def _component_positions(P: nx.Graph, nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Positions in [0, 1]² for one connected component, from scratch.

    Kamada-Kawai (deterministic, driven by graph distances) from hash-derived start positions,
    rotated and mirrored onto those start points (orthogonal Procrustes) so that the orientation
    does not depend on the optimiser's whims. Very large components use the cheaper force layout.
    """
    import networkx as nx
    import numpy as np

    if len(nodes) == 1:
        return {nodes[0]: (0.5, 0.5)}
    ordered = nx.Graph()
    ordered.add_nodes_from(nodes)
    ordered.add_edges_from(sorted(tuple(sorted((u, v))) for u, v in P.subgraph(nodes).edges()))
    reference = np.array([_seed_position(n) for n in nodes])
    start = {n: reference[i] for i, n in enumerate(nodes)}
    if len(nodes) <= 120:  # Kamada-Kawai is quadratic per step: larger components use the force layout
        raw = nx.kamada_kawai_layout(ordered, pos=start, weight=None)
    else:
        raw = nx.spring_layout(ordered, pos=start, k=2.0 / math.sqrt(len(nodes)), iterations=100, seed=7,
                               weight=None)
    X = np.array([raw[n] for n in nodes], dtype=float)
    X -= X.mean(axis=0)
    u, _, vt = np.linalg.svd(X.T @ (reference - reference.mean(axis=0)))
    X = X @ (u @ vt)
    X -= X.min(axis=0)
    span = float(X.max()) or 1.0
    X = X / span + (1 - X.max(axis=0) / span) / 2
    return {n: (float(X[i, 0]), float(X[i, 1])) for i, n in enumerate(nodes)}


def _node_marks(P: nx.Graph, weight: str | None = "weight", anchor=None, fixed=None) -> list[NodeMark]:
    pos = fixed if fixed is not None else positions(P, anchor)
    strength = {n: sum(abs(d.get(weight, 1.0) or 1.0) for _, _, d in P.edges(n, data=True)) for n in P}
    top = max(strength.values(), default=1.0) or 1.0
    # Crowded maps get smaller nodes, so that they do not cover each other.
    scale = min(1.0, math.sqrt(10 / max(len(P), 1)))
    marks = []
    for n in sorted(P.nodes):
        data = P.nodes[n]
        _, colour, marker = TYPE_STYLE.get(data.get("type") or "", OTHER_STYLE)
        name = textwrap.fill(str(data.get("acronym") or data.get("label") or shorten(n)), 22)
        size = (180 + 1100 * math.sqrt(strength[n] / top)) * scale
        minor = data.get("type") not in ACTOR_TYPES
        marks.append(NodeMark(n, name, data.get("type"), pos[n][0], pos[n][1], size, colour, marker, minor))
    return marks


def _edge_mark(u: str, v: str, relation: str, certainty: str | None, statements=()) -> EdgeMark:
    _, colour, linestyle = RELATION_STYLE[relation]
    alpha, width = CERTAINTY_STYLE.get(certainty or "stated", CERTAINTY_STYLE["stated"])
    if relation == "membership":
        width *= 0.6
    a, b = sorted((u, v))
    return EdgeMark(a, b, relation, certainty, colour, linestyle, width, alpha, tuple(statements))


def _legend(nodes: list[NodeMark], edges: list[EdgeMark]) -> list[tuple[str, dict]]:
    entries: list[tuple[str, dict]] = []
    seen = set()
    for mark in sorted(nodes, key=lambda m: TYPE_STYLE.get(m.type or "", OTHER_STYLE)[0]):
        label, colour, marker = TYPE_STYLE.get(mark.type or "", OTHER_STYLE)
        if label not in seen:
            seen.add(label)
            entries.append((label, {"kind": "node", "colour": colour, "marker": marker}))
    for relation in RELATION_STYLE:
        if any(e.relation == relation for e in edges):
            label, colour, linestyle = RELATION_STYLE[relation]
            entries.append((label, {"kind": "edge", "colour": colour, "linestyle": linestyle, "alpha": 0.95}))
    certainties = [c for c in CERTAINTY_ORDER if any(e.certainty == c for e in edges)]
    if len(certainties) > 1 or (certainties and certainties != ["stated"]):
        for certainty in certainties:
            alpha, width = CERTAINTY_STYLE[certainty]
            entries.append((certainty, {"kind": "edge", "colour": "#333333", "linestyle": "solid",
                                        "alpha": alpha, "width": width}))
    return entries


def _filters_text(as_of: str | None, min_certainty: str | None, focus: str | None, depth: int) -> str:
    parts = [f"as of {as_of}" if as_of else "all dates"]
    if min_certainty:
        parts.append(f"certainty ≥ {min_certainty}")
    if focus:
        parts.append(f"around {focus} (depth {depth})")
    return " · ".join(parts)


def _count_sources(G: nx.MultiDiGraph, statements: set[str]) -> list[str]:
    found = set()
    for _, _, key, data in G.edges(keys=True, data=True):
        if key in statements and data.get("source"):
            found.add(data["source"])
    return sorted(found)


def _source_line(G: nx.MultiDiGraph, sources: list[str]) -> str:
    described = G.graph.get("source_names", {})
    names = [described.get(s, shorten(s)) for s in sources]
    if not names:
        return "Sources: none"
    shown = "; ".join(names[:3]) + (f"; and {len(names) - 3} more" if len(names) > 3 else "")
    return f"Sources: {shown}"


def layout_map(
    G: nx.MultiDiGraph,
    kind: str,
    *,
    as_of: str | None = None,
    min_certainty: str | None = None,
    focus: str | None = None,
    depth: int = 1,
    title: str | None = None,
    build_hash: str = "",
    width: int = 1600,
    height: int = 1000,
    dpi: int = 150,
    memory: LayoutMemory | None = None,
) -> MapSpec:
    """Decide what a map of ``kind`` shows and how, from the mirror ``G``.

    ``focus`` is an entity IRI: only its neighbourhood of ``depth`` steps in the projection is kept.
    ``memory`` keeps the positions of the previous map of the same kind, for a stable layout.
    """
    import networkx as nx

    from graph import mirror as m

    if kind not in KINDS:
        raise ValueError(f"unknown map kind {kind!r} (use one of {', '.join(KINDS)})")
    if kind == "timeline":
        return _layout_timeline(G, as_of=as_of, min_certainty=min_certainty, focus=focus, title=title,
                                build_hash=build_hash, width=width, height=height, dpi=dpi)
    projection = {"partnerships": "partnership", "rivalries": "rivalry", "signed": "signed",
                  "memberships": "membership"}[kind]
    P = m.project(G, projection, as_of=as_of, min_certainty=min_certainty)
    if focus is not None:
        if focus not in P:
            P = nx.Graph()
            P.add_node(focus, **G.nodes[focus])
        else:
            P = nx.ego_graph(P, focus, radius=depth)
    edges = []
    for u, v, data in sorted(P.edges(data=True), key=lambda e: tuple(sorted(e[:2]))):
        if kind == "signed":
            relation = "partnership" if data["sign"] > 0 else "rivalry"
        else:
            relation = {"partnerships": "partnership", "rivalries": "rivalry", "memberships": "membership"}[kind]
        edges.append(_edge_mark(u, v, relation, data.get("certainty"), data.get("statements", ())))
    key = graph_key(P)
    if memory is not None and memory.key == key:
        nodes = _node_marks(P, anchor=None, fixed=memory.positions)
    else:
        nodes = _node_marks(P, anchor=memory.positions if memory else None)
    if memory is not None:
        memory.key, memory.positions = key, {n.id: (n.x, n.y) for n in nodes}
    statements = {s for e in edges for s in e.statements}
    sources = _count_sources(G, statements)
    name = G.nodes[focus].get("label") if focus else None
    subtitle = (f"{_filters_text(as_of, min_certainty, name, depth)} · {len(statements)} statement"
                f"{'s' if len(statements) != 1 else ''} from {len(sources)} source{'s' if len(sources) != 1 else ''}")
    spec = MapSpec(
        kind=kind, title=title or TITLES[kind], subtitle=subtitle,
        footer=_source_line(G, sources) + (f" · SpaceKG build {build_hash[:12]}" if build_hash else ""),
        nodes=nodes, edges=edges, legend=_legend(nodes, edges), width=width, height=height, dpi=dpi,
    )
    spec.metadata = _metadata(spec, as_of=as_of, min_certainty=min_certainty, focus=focus, depth=depth,
                              build_hash=build_hash, sources=sources)
    return spec


def _first_day(text: str) -> date:
    parts = [int(p) for p in text.split("-")[:3]] + [1, 1]
    return date(parts[0], parts[1] or 1, parts[2] or 1)


# Bibliographic statements (who wrote or published a source) are provenance, not space relations.
NOT_ON_MAPS = frozenset({"creator", "publisher"})


def _name(G, node: str) -> str:
    data = G.nodes[node] if node in G else {}
    return str(data.get("acronym") or data.get("label") or shorten(node))


def _layout_timeline(G, *, as_of, min_certainty, focus, title, build_hash, width, height, dpi) -> MapSpec:
    from graph import mirror as m

    # Events of one date, relation, object and certainty share a row: "Nigeria, Rwanda signed ...".
    groups: dict[tuple, dict] = {}
    for u, v, key, data in m.filtered(G, as_of=as_of, min_certainty=min_certainty).edges(keys=True, data=True):
        when = data.get("point_in_time") or data.get("start_time") or data.get("end_time")
        if not when or data.get("relation") in NOT_ON_MAPS or (focus and focus not in (u, v)):
            continue
        relation = RELATION_LABELS.get(data.get("relation"), data.get("relation"))
        if when == data.get("end_time") and not (data.get("point_in_time") or data.get("start_time")):
            relation = f"no longer {relation}"  # the only date is when it ended
        group = groups.setdefault((_first_day(when), when, relation, _name(G, v), data["certainty"]),
                                  {"subjects": [], "keys": []})
        if _name(G, u) not in group["subjects"]:
            group["subjects"].append(_name(G, u))
        group["keys"].append(key)
    found = sorted(
        (day, ", ".join(sorted(g["subjects"])), when, f"{', '.join(sorted(g['subjects']))} {relation} {obj}",
         certainty, g["keys"])
        for (day, when, relation, obj, certainty), g in groups.items()
    )
    marks = [
        EventMark(when, day, row, text, certainty, CERTAINTY_COLOUR[certainty], TIMELINE_MARKER[certainty])
        for row, (day, _, when, text, certainty, _) in enumerate(found)
    ]
    sources = _count_sources(G, {key for f in found for key in f[5]})
    name = G.nodes[focus].get("label") if focus else None
    dated = sum(len(f[5]) for f in found)
    subtitle = (f"{_filters_text(as_of, min_certainty, name, 1)} · {dated} dated statement"
                f"{'s' if dated != 1 else ''} from {len(sources)} source{'s' if len(sources) != 1 else ''}"
                " · planned dates are targets")
    legend = [(c, {"kind": "node", "colour": CERTAINTY_COLOUR[c], "marker": TIMELINE_MARKER[c]})
              for c in CERTAINTY_ORDER if any(e.certainty == c for e in marks)]
    spec = MapSpec(
        kind="timeline", title=title or TITLES["timeline"], subtitle=subtitle,
        footer=_source_line(G, sources) + (f" · SpaceKG build {build_hash[:12]}" if build_hash else ""),
        events=marks, legend=legend, width=width, height=height, dpi=dpi,
    )
    spec.metadata = _metadata(spec, as_of=as_of, min_certainty=min_certainty, focus=focus, depth=1,
                              build_hash=build_hash, sources=sources)
    return spec


RELATION_LABELS = {
    "partnerOf": "partners with", "rivalOf": "rivals", "signedAgreement": "signed", "operates": "operates",
    "plansMission": "plans", "landedOn": "landed on", "returnedSamples": "returned samples from",
    "memberOf": "joined", "participatesIn": "takes part in", "launched": "launched", "about": "is about",
    "dependsOn": "depends on", "locatedIn": "located in", "basedIn": "based in", "partOf": "part of",
    "creator": "written by", "publisher": "published by",
}


def layout_triples(
    G: nx.MultiDiGraph,
    triples: list[tuple[str, str, str]],
    *,
    title: str | None = None,
    query_name: str = "",
    build_hash: str = "",
    width: int = 1600,
    height: int = 1000,
    dpi: int = 150,
) -> MapSpec:
    """The map of a query's triples (IRI objects only); node names and types come from the mirror ``G``."""
    import networkx as nx

    drawable = sorted({(s, p, o) for s, p, o in triples if o is not None})
    if not drawable:
        raise QueryError(f"{query_name or 'the query'} gave no triples with an IRI object: nothing to draw")
    P = nx.Graph()
    kinds: dict[tuple[str, str], set[str]] = {}
    for s, p, o in drawable:
        for n in (s, o):
            if n not in P:
                P.add_node(n, **(G.nodes[n] if n in G else {"label": shorten(n)}))
        P.add_edge(s, o)
        relation = {SPACE + "partnerOf": "partnership", SPACE + "rivalOf": "rivalry"}.get(p, "other")
        kinds.setdefault(tuple(sorted((s, o))), set()).add(relation)
    edges = [
        _edge_mark(a, b, "partnership" if rel == {"partnership"} else "rivalry" if "rivalry" in rel else
                   next(iter(sorted(rel))), "stated")
        for (a, b), rel in sorted(kinds.items())
    ]
    nodes = _node_marks(P, weight=None)
    spec = MapSpec(
        kind="query", title=title or TITLES["query"], subtitle=f"{len(drawable)} triples from {query_name}",
        footer="Drawn from a SPARQL query result" + (f" · SpaceKG build {build_hash[:12]}" if build_hash else ""),
        nodes=nodes, edges=edges, legend=_legend(nodes, edges), width=width, height=height, dpi=dpi,
    )
    spec.metadata = {"SpaceKG-Kind": "query", "SpaceKG-Query": query_name, "SpaceKG-Build": build_hash,
                     "Title": spec.title}
    return spec


def _metadata(spec: MapSpec, *, as_of, min_certainty, focus, depth, build_hash, sources) -> dict[str, str]:
    return {
        "Title": spec.title,
        "Description": spec.subtitle,
        "Source": "; ".join(sources),
        "SpaceKG-Kind": spec.kind,
        "SpaceKG-As-Of": as_of or "",
        "SpaceKG-Min-Certainty": min_certainty or "",
        "SpaceKG-Focus": f"{focus} depth {depth}" if focus else "",
        "SpaceKG-Build": build_hash,
    }


# --------------------------------------------------------------------------- drawing


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


# --------------------------------------------------------------------------- the whole job


def render(
    store,
    kind: str,
    *,
    build_hash: str = "",
    as_of: str | None = None,
    min_certainty: str | None = None,
    focus: str | None = None,
    depth: int = 1,
    title: str | None = None,
    width: int = 1600,
    height: int = 1000,
    dpi: int = 150,
    memory_path=None,
) -> tuple[MapSpec, Drawn]:
    """Mirror the built graph, lay out a map of ``kind`` and draw it.

    ``memory_path`` (a JSON file) keeps the layout between runs: unchanged graphs are drawn exactly
    as before, changed ones start from the previous positions.
    """
    from graph.analysis import resolve
    from graph.mirror import mirror

    G = mirror(store)
    _describe_sources(store, G)
    focus_iri = resolve(G, focus) if focus else None
    memory = LayoutMemory.load(memory_path) if memory_path is not None else None
    spec = layout_map(G, kind, as_of=as_of, min_certainty=min_certainty, focus=focus_iri, depth=depth,
                      title=title, build_hash=build_hash, width=width, height=height, dpi=dpi, memory=memory)
    drawn = draw(spec)
    if memory is not None and spec.kind != "timeline":
        memory.save(memory_path)
    return spec, drawn


def render_query(store, text: str, *, query_name: str, build_hash: str = "", title: str | None = None,
                 width: int = 1600, height: int = 1000, dpi: int = 150) -> tuple[MapSpec, Drawn]:
    """Draw the triples of a CONSTRUCT query, or of a SELECT with ``?s ?p ?o``."""
    import pyoxigraph as ox

    from graph.mirror import mirror
    from graph.query import run

    results = run(store, text, source=query_name)
    triples: list[tuple[str, str, str | None]] = []
    if isinstance(results, ox.QueryTriples | list):  # a list: CONSTRUCT triples from a remote endpoint
        for t in results:
            obj = t.object.value if isinstance(t.object, ox.NamedNode) else None
            triples.append((t.subject.value, t.predicate.value, obj))
    elif isinstance(results, ox.QuerySolutions):
        names = {v.value for v in results.variables}
        if not {"s", "p", "o"} <= names:
            raise QueryError(f"{query_name}: a SELECT query to map must return ?s ?p ?o (it returns "
                             f"{', '.join('?' + n for n in sorted(names))})")
        for row in results:
            obj = row["o"].value if isinstance(row["o"], ox.NamedNode) else None
            if row["s"] is not None and row["p"] is not None:
                triples.append((row["s"].value, row["p"].value, obj))
    else:
        raise QueryError(f"{query_name}: an ASK query has nothing to draw; use CONSTRUCT or SELECT ?s ?p ?o")
    G = mirror(store)
    spec = layout_triples(G, triples, title=title, query_name=query_name, build_hash=build_hash, width=width,
                          height=height, dpi=dpi)
    return spec, draw(spec)


def _describe_sources(store, G) -> None:
    """Put a short description of each source (publisher, title, date) in ``G.graph['sources']``."""
    from graph.query import run

    rows = run(store, """SELECT ?src ?title ?issued (SAMPLE(?pub) AS ?publisher) WHERE {
        ?src a :SourceArticle ; dcterms:title ?title .
        OPTIONAL { ?src dcterms:issued ?issued }
        OPTIONAL { ?src dcterms:publisher/rdfs:label ?pub } } GROUP BY ?src ?title ?issued""")
    G.graph["source_names"] = {  # an article that gives no date is credited as "undated"
        r["src"].value: f"{r['publisher'].value + ', ' if r['publisher'] else ''}“{r['title'].value}” "
                        f"({r['issued'].value if r['issued'] else 'undated'})"
        for r in rows
    }
