"""Laying out a map: from the data it is given to a :class:`~graph.maps.spec.MapSpec`, nothing drawn.

:func:`layout_map` projects the mirror (:func:`graph.mirror.project`), keeps the focus'
neighbourhood, places the nodes (:mod:`graph.maps.geometry`) and styles nodes and edges
(:mod:`graph.maps.spec`); :func:`layout_triples` does the same for a query's triples. Neither
reads a store: they draw what they are given.
"""

from __future__ import annotations

import math
import textwrap
from typing import TYPE_CHECKING, Unpack

from graph.errors import QueryError, UsageError
from graph.maps.geometry import graph_key, positions
from graph.maps.grouping import group_nodes, label_budget, spaced
from graph.maps.spec import (
    FONT,
    MAP_KINDS,
    RELATION_STYLE,
    TITLES,
    EdgeMark,
    LayoutMemory,
    MapOptions,
    MapSpec,
    NodeMark,
    certainty_style,
    class_style,
    map_aspect,
    map_options,
)
from graph.mirror.reading import display_name
from graph.namespaces import SPACE, shorten
from graph.qualifiers import Certainty

if TYPE_CHECKING:
    import networkx as nx


def _node_marks(P: nx.Graph, weight: str | None = "weight", anchor=None, fixed=None,
                aspect: float = 1.0, room: float = 1.0) -> list[NodeMark]:
    """The nodes of ``P`` placed and styled; their size grows with their ties, shrinks as the map fills.

    ``room`` is the share of the full map region the nodes are drawn in (a panel of two: 0.5).
    """
    pos = fixed if fixed is not None else positions(P, anchor, aspect)
    strength = {n: sum(abs(d.get(weight, 1.0) or 1.0) for _, _, d in P.edges(n, data=True)) for n in P}
    top = max(strength.values(), default=1.0) or 1.0
    # Crowded maps get smaller nodes, so that they do not cover each other.
    scale = min(1.0, math.sqrt(12 * room / max(len(P), 1)))
    marks = []
    for n in sorted(P.nodes):
        data = P.nodes[n]
        _, colour, marker = class_style(data.get("type"))
        name = textwrap.fill(display_name(P, n), 22)
        size = (110 + 650 * math.sqrt(strength[n] / top)) * scale
        minor = not data.get("actor")  # not an actor: its label may give way
        marks.append(NodeMark(n, name, data.get("type"), pos[n][0], pos[n][1], size, colour, marker, minor))
    return marks


def _edge_mark(u: str, v: str, relation: str, certainty: str | None, statements=()) -> EdgeMark:
    _, colour, linestyle = RELATION_STYLE[relation]
    alpha, width, _, _ = certainty_style(certainty)
    if relation == "membership":
        width *= 0.6
    a, b = sorted((u, v))
    return EdgeMark(a, b, relation, certainty, colour, linestyle, width, alpha, tuple(statements))


def _legend(nodes: list[NodeMark], edges: list[EdgeMark]) -> list[tuple[str, dict]]:
    entries: list[tuple[str, dict]] = []
    seen = set()
    for mark in sorted(nodes, key=lambda m: class_style(m.type)[0]):
        label, colour, marker = class_style(mark.type)
        if label not in seen:
            seen.add(label)
            entries.append((label, {"kind": "node", "colour": colour, "marker": marker}))
    for relation in RELATION_STYLE:
        if any(e.relation == relation for e in edges):
            label, colour, linestyle = RELATION_STYLE[relation]
            entries.append((label, {"kind": "edge", "colour": colour, "linestyle": linestyle, "alpha": 0.95}))
    certainties = [c for c in Certainty.names() if any(e.certainty == c for e in edges)]
    if len(certainties) > 1 or (certainties and certainties != Certainty.names()[:1]):
        for certainty in certainties:
            alpha, width, _, _ = certainty_style(certainty)
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


def _credits(G: nx.MultiDiGraph, sources: list[str]) -> list[str]:
    """What a paper would credit: outlet and date of each source, with titles when few, oldest first."""
    credits = G.graph.get("source_credits", {})
    described = [credits.get(s, (shorten(s), None, None)) for s in sources]
    described.sort(key=lambda c: (c[2] or "9999", c[0], c[1] or ""))
    if len(described) <= 3:
        return [credit(*c) for c in described]
    return [credit(outlet, None, issued) for outlet, _, issued in described]


def credit(outlet: str, title: str | None, issued: str | None) -> str:
    """One source as credited: outlet, the title where known, and the date or "undated".

    >>> credit("CNET", "China and Russia plan a moon station", "2021-03-09")
    'CNET, “China and Russia plan a moon station” (2021-03-09)'
    >>> credit("DNA India", None, None)
    'DNA India (undated)'
    """
    return f"{outlet}{f', “{title}”' if title else ''} ({issued or 'undated'})"


def known_title(title: str | None) -> str | None:
    """``title``, unless it is a placeholder standing for a missing headline.

    >>> known_title("(untitled: the stored copy of the article has no headline)"), known_title("slim (untitled)")
    (None, None)
    """
    if not title or title.startswith("(untitled") or title.endswith("(untitled)"):
        return None
    return title


def layout_map(G: nx.MultiDiGraph, kind: str, *, as_of: str | None = None, memory: LayoutMemory | None = None,
               **options: Unpack[MapOptions]) -> MapSpec:
    """Decide what a map of ``kind`` (a key of :data:`~graph.maps.spec.MAP_KINDS`) shows and how, from the mirror ``G``.

    ``options`` are :class:`~graph.maps.spec.MapOptions`: ``focus`` is an entity IRI, and only its
    neighbourhood of ``depth`` steps in the projection is kept. ``memory`` keeps the positions of
    the previous map of the same kind, for a stable layout.

    Raises
    ------
    UsageError
        If ``kind`` is not a kind of map, or a filter is malformed.
    """
    from graph.maps.timeline import layout_timeline

    o = map_options(options)
    min_certainty, focus, depth, title = o["min_certainty"], o["focus"], o["depth"], o["title"]
    build_hash, width, height, dpi = o["build_hash"], o["width"], o["height"], o["dpi"]
    if kind not in MAP_KINDS:
        raise UsageError(f"unknown map kind {kind!r} (use one of {', '.join(MAP_KINDS)})")
    if kind == "timeline":
        return layout_timeline(G, as_of=as_of, min_certainty=min_certainty, focus=focus, title=title,
                               build_hash=build_hash, width=width, height=height, dpi=dpi)
    P = _projection(G, kind, as_of, min_certainty, focus, depth)
    name = display_name(G, focus) if focus else None
    if P.number_of_edges() == 0:
        raise QueryError(nothing_to_draw(kind, name, _filters_text(as_of, min_certainty, None, depth)))
    edges = _edge_marks(P, kind)
    statements = {s for e in edges for s in e.statements}
    sources = _count_sources(G, statements)
    footer = _footer(G, sources, build_hash, width, dpi)
    lines = footer.count("\n") + 1
    nodes = _remembered_node_marks(P, memory, map_aspect(width, height, dpi, lines))
    nodes, edges, key = group_nodes(nodes, edges, label_budget(width, height, dpi, lines))
    nodes = spaced(nodes, map_aspect(width, height, dpi, lines))
    subtitle = (f"{_filters_text(as_of, min_certainty, name, depth)} · {_count(len(statements), 'statement')} "
                f"from {_count(len(sources), 'source')}")
    spec = MapSpec(
        kind=kind, title=title or TITLES[kind], subtitle=subtitle, footer=footer, key=key,
        nodes=nodes, edges=edges, legend=_legend(nodes, edges), width=width, height=height, dpi=dpi,
    )
    spec.metadata = _metadata(spec, as_of=as_of, min_certainty=min_certainty, focus=focus, depth=depth,
                              build_hash=build_hash, sources=sources)
    return spec


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


FOOTER_LINES = 5  # at most; more sources are counted, and all are listed in the file's metadata


def _footer(G: nx.MultiDiGraph, sources: list[str], build_hash: str, width: int, dpi: int) -> str:
    """The credits and the build, wrapped to the width of the map in at most :data:`FOOTER_LINES` lines."""
    credits = _credits(G, sources)
    head = f"Sources ({len(credits)}): " if len(credits) > 3 else "Sources: "
    build = f" · SpaceKG build {build_hash[:12]}" if build_hash else ""
    chars = max(int(0.95 * width / (0.55 * FONT["footer"] * dpi / 72)), 40)
    for shown in range(len(credits), 0, -1):
        more = len(credits) - shown
        text = head + "; ".join(credits[:shown]) + (f"; and {more} more (all in the file's metadata)" if more else "")
        if sum(not c.isspace() for c in text + build) > FOOTER_LINES * chars:
            continue  # cannot fit, wrapped or not: only spaces are dropped, lines hold `chars` characters
        lines = textwrap.wrap(text + build, chars, break_on_hyphens=False)
        if len(lines) <= FOOTER_LINES:
            return "\n".join(lines)
    return "\n".join(textwrap.wrap(("Sources: none" if not credits else head + f"{len(credits)} sources") + build,
                                   chars, break_on_hyphens=False))


WHAT_IS_DRAWN = {"partnerships": "partnerships", "rivalries": "rivalries", "signed": "partnerships or rivalries",
                 "memberships": "memberships", "timeline": "dated statements"}


def nothing_to_draw(kind: str, focus_name: str | None, filters: str) -> str:
    """The message of a map with nothing to draw (the command exits with 7 and writes no file).

    >>> nothing_to_draw("rivalries", None, "as of 1990")
    'nothing to draw: no rivalries hold (as of 1990); try a later --as-of or a lower --min-certainty'
    """
    what = WHAT_IS_DRAWN.get(kind, kind)
    subject = f"{focus_name} has no {what}" if focus_name else f"no {what} hold"
    hint = "try a later --as-of or a lower --min-certainty" + (", or another --focus" if focus_name else "")
    return f"nothing to draw: {subject} ({filters}); {hint}"


def _projection(G: nx.MultiDiGraph, kind: str, as_of, min_certainty, focus: str | None, depth: int) -> nx.Graph:
    """The projection a map of ``kind`` draws, cut to the focus' neighbourhood."""
    import networkx as nx

    from graph.mirror import project

    P = project(G, MAP_KINDS[kind][1], as_of=as_of, min_certainty=min_certainty)
    if focus is None:
        return P
    if focus not in P:
        alone = nx.Graph()
        alone.add_node(focus, **G.nodes[focus])
        return alone
    return nx.ego_graph(P, focus, radius=depth)


def _edge_marks(P: nx.Graph, kind: str) -> list[EdgeMark]:
    edges = []
    for u, v, data in sorted(P.edges(data=True), key=lambda e: tuple(sorted(e[:2]))):
        relation = MAP_KINDS[kind][2] or ("partnership" if data["sign"] > 0 else "rivalry")
        edges.append(_edge_mark(u, v, relation, data.get("certainty"), data.get("statements", ())))
    return edges


def _remembered_node_marks(P: nx.Graph, memory: LayoutMemory | None, aspect: float) -> list[NodeMark]:
    """Node marks placed as last time when the graph is the same, from last time's places when it grew."""
    key = f"{graph_key(P)}-{aspect:.3f}"
    if memory is not None and memory.key == key:
        nodes = _node_marks(P, anchor=None, fixed=memory.positions)
    else:
        nodes = _node_marks(P, anchor=memory.positions if memory and memory.key.endswith(f"-{aspect:.3f}") else None,
                            aspect=aspect)
    if memory is not None:
        memory.key, memory.positions = key, {n.id: (n.x, n.y) for n in nodes}
    return nodes


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
    nodes = _node_marks(P, weight=None, aspect=map_aspect(width, height, dpi, 1))
    nodes, edges, key = group_nodes(nodes, edges, label_budget(width, height, dpi, 1))
    nodes = spaced(nodes, map_aspect(width, height, dpi, 1))
    spec = MapSpec(key=key,
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
