"""Where the nodes of a map go: deterministic, stable positions in the unit square.

Each node starts from a position derived from a hash of its IRI alone, and the layouts run a
fixed number of iterations with a fixed seed, so the same graph gives the same picture and one
more fact moves the others only a little.
"""

from __future__ import annotations

import hashlib
import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx


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
    P: nx.Graph, anchor: dict[str, tuple[float, float]] | None = None, aspect: float = 1.0
) -> dict[str, tuple[float, float]]:
    """Deterministic positions in [0, 1]² for the nodes of ``P``, filling a region ``aspect`` wide per unit high.

    Without ``anchor``, each connected component is laid out on its own (a force layout would
    push components to the corners), then the components are packed in rows of cells whose size
    grows with the component's, the row width chosen so the packing is as wide as the region is;
    finally each axis is stretched to [0, 1], so the drawing fills the region it is drawn in.

    With ``anchor`` (the positions of an earlier map), the layout starts from them, new nodes
    next to their neighbours, and is aligned back onto them: adding a fact moves the rest a little
    instead of scrambling the map.
    """
    if P.number_of_nodes() == 0:
        return {}
    if anchor and any(n in anchor for n in P):
        return _anchored_positions(P, anchor, aspect)
    import networkx as nx

    if P.number_of_nodes() == 1:
        return {next(iter(P)): (0.5, 0.5)}

    components = sorted((sorted(c) for c in nx.connected_components(P)), key=lambda c: (-len(c), c[0]))
    local = [_component_positions(P, nodes) for nodes in components]
    sizes = [len(nodes) ** 0.75 for nodes in components]  # big components get the room they need
    placed = min((_shelves(sizes, width) for width in _row_widths(sizes)),
                 key=lambda p: (abs(math.log(_extent(p)[0] / _extent(p)[1] / aspect)), _extent(p)))
    result = {}
    for (px, py, size), pos in zip(placed, local, strict=True):
        margin = 0.12 * size
        for node, (lx, ly) in pos.items():
            result[node] = (px + margin + lx * (size - 2 * margin), -(py + margin + ly * (size - 2 * margin)))
    return _stretch(result)


def spread(found: dict[str, tuple[float, float]], aspect: float = 1.0, rounds: int = 40,
           even: bool = True) -> dict[str, tuple[float, float]]:
    """Positions evened out so that labels have room: dense clusters opened, each axis filled.

    Each coordinate is first pulled halfway towards its rank (a cluster spreads, the order of the
    nodes along each axis is kept; not with ``even=False``, for a remembered layout, which is not
    stretched either), then nodes nearer each other than about half the spacing an even spread
    would give are pushed apart, in a region ``aspect`` wide per unit high.
    """
    import numpy as np

    nodes = sorted(found)
    n = len(nodes)
    if n < 3:
        return found
    X = np.array([found[v] for v in nodes], dtype=float)
    for axis in (0, 1) if even else ():
        ranks = np.argsort(np.argsort(X[:, axis], kind="stable"), kind="stable") / (n - 1)
        X[:, axis] = 0.5 * X[:, axis] + 0.5 * ranks
    scale = np.array([aspect, 1.0])
    Y = X * scale
    d_min = 0.6 * math.sqrt(aspect / n)
    jitter = np.array([_seed_position(v) for v in nodes]) * 1e-6  # coincident nodes part deterministically
    for _ in range(rounds):
        D = Y[:, None, :] - Y[None, :, :] + (jitter[:, None, :] - jitter[None, :, :])
        dist = np.sqrt((D ** 2).sum(axis=2))
        np.fill_diagonal(dist, np.inf)
        push = np.clip(d_min - dist, 0.0, None)
        if push.max() < 1e-4:
            break
        Y = Y + (D / dist[:, :, None] * (push / 2)[:, :, None]).sum(axis=1) * 0.5
        Y = np.clip(Y, 0.0, scale)
    X = Y / scale
    found = {v: (float(X[i, 0]), float(X[i, 1])) for i, v in enumerate(nodes)}
    return _stretch(found) if even else found


def _row_widths(sizes: list[float]) -> list[float]:
    """The row widths worth trying: each prefix of the components in a row."""
    total, widths = 0.0, []
    for size in sizes:
        total += size
        widths.append(total)
    return widths


def _shelves(sizes: list[float], row_width: float) -> list[tuple[float, float, float]]:
    """``(x, y, cell size)`` of each component, packed in rows no wider than ``row_width``."""
    placed: list[tuple[float, float, float]] = []
    x = y = shelf = 0.0
    for size in sizes:
        if x > 0 and x + size > row_width + 1e-9:
            x, y, shelf = 0.0, y + shelf, 0.0
        placed.append((x, y, size))
        x += size
        shelf = max(shelf, size)
    return placed


def _extent(placed: list[tuple[float, float, float]]) -> tuple[float, float]:
    return max(px + size for px, _, size in placed), max(py + size for _, py, size in placed)


def _stretch(found: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Each axis scaled to [0, 1] (an axis along which all nodes sit alike: 0.5)."""
    xs, ys = [x for x, _ in found.values()], [y for _, y in found.values()]

    def scaled(v: float, lo: float, hi: float) -> float:
        return (v - lo) / (hi - lo) if hi - lo > 1e-12 else 0.5

    return {n: (scaled(x, min(xs), max(xs)), scaled(y, min(ys), max(ys))) for n, (x, y) in found.items()}


def _anchored_positions(P: nx.Graph, anchor: dict[str, tuple[float, float]],
                        aspect: float = 1.0) -> dict[str, tuple[float, float]]:
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
    raw = nx.spring_layout(ordered, pos=start, k=0.6 / math.sqrt(len(nodes)), iterations=10, seed=7, weight=None)
    known = [i for i, n in enumerate(nodes) if n in anchor]
    X = np.array([raw[n] for n in nodes], dtype=float)
    A = np.array([anchor[nodes[i]] for i in known], dtype=float)
    K = X[known]
    u, sigma, vt = np.linalg.svd((K - K.mean(axis=0)).T @ (A - A.mean(axis=0)))
    rotation = u @ vt
    variance = float(((K - K.mean(axis=0)) ** 2).sum())
    scale = float(sigma.sum()) / variance if variance > 0 else 1.0
    X = (X - K.mean(axis=0)) @ rotation * scale + A.mean(axis=0)
    S = np.array([start[n] for n in nodes], dtype=float)
    X = np.clip(0.5 * X + 0.5 * S, 0.0, 1.0)  # halfway from the old picture to the new equilibrium
    return {n: (float(X[i, 0]), float(X[i, 1])) for i, n in enumerate(nodes)}


def _component_positions(P: nx.Graph, nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Positions in [0, 1]² for one connected component, from scratch.

    Kamada-Kawai (deterministic, driven by graph distances) from hash-derived start positions,
    turned so that its longest extent lies along x and mirrored so that the first node is to the
    upper right: the orientation does not depend on the optimiser's whims. Very large components
    use the cheaper force layout.
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
        raw = nx.spring_layout(ordered, pos=start, k=2.0 / math.sqrt(len(nodes)), iterations=50, seed=7,
                               weight=None)
    X = np.array([raw[n] for n in nodes], dtype=float)
    X -= X.mean(axis=0)
    _, vectors = np.linalg.eigh(X.T @ X)
    X = X @ vectors[:, ::-1]  # the longest extent along x: a wide map fills a wide canvas
    X *= np.where(X[0] < 0, -1.0, 1.0)  # and the first node (by IRI) to the upper right of the middle
    X -= X.min(axis=0)
    span = float(X.max()) or 1.0
    X = X / span + (1 - X.max(axis=0) / span) / 2
    return {n: (float(X[i, 0]), float(X[i, 1])) for i, n in enumerate(nodes)}
