"""Grouping minor nodes, so that a crowded map labels every node it draws.

A map holds only so many labels (:func:`label_budget`). When it has more nodes, the minor ones
are grouped deliberately, never silently dropped: first the minor leaves of one node that share
a type ("+5 agreements" beside NASA), then the least connected nodes of each type by the node they
are most strongly tied to. A group is drawn as one node with its type's marker and the label
"+N <type>", its edges are its members' edges, and the map's key names what each group stands for.
"""

from __future__ import annotations

import math
from collections import defaultdict

from graph.maps.spec import FONT, PLURALS, EdgeMark, NodeMark, class_style, frame


def spaced(nodes: list[NodeMark], aspect: float, even: bool = True) -> list[NodeMark]:
    """The nodes to draw, evened out over the region so that their labels have room (see :func:`spread`)."""
    from dataclasses import replace

    from graph.maps.geometry import spread

    where = spread({n.id: (n.x, n.y) for n in nodes}, aspect, even=even)
    return [replace(n, x=where[n.id][0], y=where[n.id][1]) for n in nodes]

GROUP_PREFIX = "group:"
KEY_NAMES = 6  # members named in the key before "and N more"


def label_budget(width: int, height: int, dpi: int, footer_lines: int, panels: int = 1) -> int:
    """How many labelled nodes one map region holds with room to spare (a fifth of it under labels).

    >>> label_budget(1600, 1000, 150, 2)
    73
    """
    _, _, w, h = frame(width, height, dpi, footer_lines)["map"]
    area = (w * width / panels) * (h * height)
    px = FONT["label"] * dpi / 72
    label_area = (px * 0.55 * 11 + 8) * (px * 1.5)  # a label of about eleven characters
    return max(8, int(area * 0.33 / label_area))


def group_nodes(nodes: list[NodeMark], edges: list[EdgeMark], budget: int,
                force: frozenset[str] = frozenset()) -> tuple[list[NodeMark], list[EdgeMark], list[str]]:
    """Group minor nodes until at most ``budget`` nodes are drawn; the nodes of ``force`` are grouped anyway.

    Returns the nodes and edges to draw and the key: one line per group, naming its members.
    """
    by_id = {n.id: n for n in nodes}
    neighbours: dict[str, dict[str, float]] = defaultdict(dict)
    for e in edges:
        neighbours[e.u][e.v] = neighbours[e.v][e.u] = max(neighbours[e.u].get(e.v, 0.0), e.width)
    groups: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    for n in sorted(nodes, key=lambda m: m.id):  # the minor leaves of one node, by type
        if n.minor and not n.members and len(neighbours[n.id]) == 1:
            groups[(_type(n), next(iter(neighbours[n.id])))].append(n.id)
    chosen: set[str] = set()
    count = len(nodes)
    for _, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if len(members) > 1 and (count > budget or force & set(members)):
            chosen.update(members)
            count -= len(members) - 1
    rest = sorted((n for n in nodes if n.id not in chosen and not n.members),
                  key=lambda m: (not m.minor, m.size, m.id))  # least important first
    extra = [n.id for n in rest if n.id in force]
    extra += [n.id for n in rest[: max(0, count - budget)] if n.id not in force]
    chosen.update(extra)
    if not chosen:
        return nodes, edges, []
    kept = {n.id for n in nodes if n.id not in chosen}
    keys: dict[str, tuple[str, str | None]] = {}
    for nid in sorted(chosen):
        strongest = sorted(neighbours[nid].items(), key=lambda kv: (kv[0] not in kept, -kv[1], kv[0]))
        keys[nid] = (_type(by_id[nid]), strongest[0][0] if strongest and strongest[0][0] in kept else None)
    sizes = defaultdict(int)
    for key in keys.values():
        sizes[key] += 1
    crowded = len(kept) + len(sizes) > 1.25 * budget  # too many groups: one group per type
    for nid, key in keys.items():  # (and a group of one tied to a node joins the others of its type)
        if sizes[key] == 1 or (crowded and nid in extra):
            keys[nid] = (key[0], None)
    alone = [nid for nid, key in keys.items() if list(keys.values()).count(key) == 1 and nid not in force]
    for nid in alone:  # "+1 agency" would hide a name and save nothing: it stays itself
        del keys[nid]
    if not keys:
        return nodes, edges, []
    return _collapse(nodes, edges, keys)


def _type(n: NodeMark) -> str:
    return class_style(n.type)[0]


def _collapse(nodes: list[NodeMark], edges: list[EdgeMark],
              keys: dict[str, tuple[str, str | None]]) -> tuple[list[NodeMark], list[EdgeMark], list[str]]:
    """Replace the nodes of ``keys`` by one group node per key, their edges by the group's."""
    by_id = {n.id: n for n in nodes}
    members: dict[tuple[str, str | None], list[NodeMark]] = defaultdict(list)
    for nid, key in sorted(keys.items()):
        members[key].append(by_id[nid])
    group_of: dict[str, str] = {}
    marks: list[NodeMark] = [n for n in nodes if n.id not in keys]
    key_lines: list[str] = []
    for (type_label, hub), items in sorted(members.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        gid = f"{GROUP_PREFIX}{type_label}:{hub or ''}"
        while gid in by_id:  # grouped again, later: a name of its own
            gid += "+"
        for m in items:
            group_of[m.id] = gid
        label = f"+{len(items)} {PLURALS.get(type_label, type_label) if len(items) > 1 else type_label}"
        cx, cy = sum(m.x for m in items) / len(items), sum(m.y for m in items) / len(items)
        seat = min(items, key=lambda m: (math.dist((m.x, m.y), (cx, cy)), m.id))  # a spot a node held
        names = sorted(m.label.replace("\n", " ") for m in items)
        marks.append(NodeMark(gid, label, seat.type, seat.x, seat.y, max(m.size for m in items), seat.colour,
                              seat.marker, minor=True, members=tuple(names)))
        hub_name = by_id[hub].label.replace("\n", " ") if hub in by_id else None
        shown = ", ".join(names[:KEY_NAMES]) + (f" and {len(names) - KEY_NAMES} more" if len(names) > KEY_NAMES
                                                else "")
        key_lines.append(f"{label}{f' tied to {hub_name}' if hub_name else ''}: {shown}")
    merged: dict[tuple[str, str, str, str | None], EdgeMark] = {}
    for e in edges:
        u, v = group_of.get(e.u, e.u), group_of.get(e.v, e.v)
        if u == v:
            continue
        a, b = sorted((u, v))
        key = (a, b, e.relation, e.change)
        old = merged.get(key)
        if old is None or (e.alpha, e.width) > (old.alpha, old.width):  # the surest member's style
            statements = tuple(sorted({*e.statements, *(old.statements if old else ())}))
            merged[key] = EdgeMark(a, b, e.relation, e.certainty, e.colour, e.linestyle, e.width, e.alpha,
                                   statements, e.change)
        else:
            merged[key] = EdgeMark(**{**old.__dict__, "statements": tuple(sorted({*e.statements,
                                                                                   *old.statements}))})
    return sorted(marks, key=lambda m: m.id), sorted(merged.values(), key=lambda e: (e.u, e.v, e.relation)), \
        key_lines
