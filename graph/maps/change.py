"""Change in one picture: small multiples of one map kind at several dates, on one shared layout.

Each panel draws the ties that held at its date, every node where it sits in the others (the
layout is computed once, for all the ties of all the dates), and marks what changed since the
panel before: new ties with a halo, ended ties grey, dotted and crossed out.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Unpack

from graph.errors import QueryError, UsageError
from graph.maps.grouping import group_nodes, label_budget, spaced
from graph.maps.layout import (
    _count,
    _count_sources,
    _edge_marks,
    _filters_text,
    _footer,
    _legend,
    _metadata,
    _node_marks,
    _projection,
    nothing_to_draw,
)
from graph.maps.spec import MAP_KINDS, TITLES, MapOptions, MapSpec, Panel, map_aspect, map_options
from graph.mirror.reading import display_name

if TYPE_CHECKING:
    import networkx as nx


def layout_change(G: nx.MultiDiGraph, kind: str, dates: list[str], **options: Unpack[MapOptions]) -> MapSpec:
    """The spec of a change map: one panel per date of ``dates`` (oldest first), one layout for all
    (``options`` as for :func:`~graph.maps.layout.layout_map`).

    Raises
    ------
    UsageError
        If ``kind`` is not a network map or fewer than two dates are given.
    QueryError
        If no panel has anything to draw.
    """
    import networkx as nx

    o = map_options(options)
    min_certainty, focus, depth, title = o["min_certainty"], o["focus"], o["depth"], o["title"]
    build_hash, width, height, dpi = o["build_hash"], o["width"], o["height"], o["dpi"]
    if kind not in MAP_KINDS or kind == "timeline":
        raise UsageError(f"a change map needs a network kind ({', '.join(k for k in MAP_KINDS if k != 'timeline')}), "
                         f"not {kind!r}")
    if len(dates) < 2:
        raise UsageError("a change map needs two or more --as-of dates")
    name = display_name(G, focus) if focus else None
    projections = [_projection(G, kind, d, min_certainty, focus, depth) for d in dates]
    if not any(P.number_of_edges() for P in projections):
        raise QueryError(nothing_to_draw(kind, name, _filters_text(" and ".join(dates), min_certainty, None, depth)))
    union = nx.Graph()
    for P in projections:
        union.add_nodes_from(P.nodes(data=True))
        union.add_edges_from((u, v, d) for u, v, d in P.edges(data=True) if not union.has_edge(u, v))
    statements = {s for P in projections for *_, d in P.edges(data=True) for s in d.get("statements", ())}
    sources = _count_sources(G, statements)
    footer = _footer(G, sources, build_hash, width, dpi)
    lines = footer.count("\n") + 1
    aspect = map_aspect(width, height, dpi, lines, len(dates))
    marks = {n.id: n for n in spaced(_node_marks(union, aspect=aspect, room=1 / len(dates)), aspect)}
    budget = label_budget(width, height, dpi, lines, len(dates))
    drawn = [_panel(f"as of {when}", kind, P, before, marks, budget)
             for when, P, before in zip(dates, projections, [None, *projections[:-1]], strict=True)]
    panels = [panel for panel, _ in drawn]
    counts = [sum(changed[i] for _, changed in drawn) for i in (0, 1)]  # ties, before grouping
    all_nodes = [n for p in panels for n in p.nodes]
    all_edges = [e for p in panels for e in p.edges if not e.change]
    since = dates[0] if len(dates) == 2 else "the panel before"
    legend = _legend(all_nodes, all_edges + [e for p in panels for e in p.edges if e.change == "ended"])
    legend += [(f"new since {since}", {"kind": "edge", "change": "new"}),
               (f"ended since {since}", {"kind": "edge", "change": "ended"})]
    subtitle = (f"{_filters_text(None, min_certainty, name, depth).replace('all dates', ' and '.join(dates))} · "
                f"one layout · {_count(counts[0], 'new tie')}, {counts[1]} ended · "
                f"{_count(len(statements), 'statement')} from {_count(len(sources), 'source')}")
    spec = MapSpec(kind=kind, title=title or TITLES[kind], subtitle=subtitle, footer=footer, legend=legend,
                   panels=panels, width=width, height=height, dpi=dpi)
    spec.metadata = _metadata(spec, as_of=", ".join(dates), min_certainty=min_certainty, focus=focus, depth=depth,
                              build_hash=build_hash, sources=sources)
    return spec


def _panel(title: str, kind: str, P: nx.Graph, before: nx.Graph | None, marks: dict,
           budget: int) -> tuple[Panel, tuple[int, int]]:
    """One panel: the ties of ``P``, those not in ``before`` marked new, those of ``before`` gone marked ended.

    Returns the panel and how many ties are new and ended (counted before minor nodes are grouped).
    """
    current = {(e.u, e.v, e.relation): e for e in _edge_marks(P, kind)}
    edges = list(current.values())
    if before is not None:
        earlier = {(e.u, e.v, e.relation): e for e in _edge_marks(before, kind)}
        edges = [replace(e, change="new") if k not in earlier else e for k, e in current.items()]
        edges += [replace(e, change="ended") for k, e in earlier.items() if k not in current]
    changed = (sum(e.change == "new" for e in edges), sum(e.change == "ended" for e in edges))
    nodes = [marks[n] for n in sorted({e.u for e in edges} | {e.v for e in edges})]
    nodes, edges, key = group_nodes(nodes, edges, budget)
    return Panel(title, nodes, edges, key), changed
