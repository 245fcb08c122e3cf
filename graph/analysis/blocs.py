"""Blocs of actors: Louvain communities, two camps of the signed graph, and structural balance."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

from graph.analysis.centrality import LOUVAIN_SEED
from graph.gcpause import paused_gc

EXACT_CAMPS_LIMIT = 16
# Exact betweenness costs about nodes x edges steps (~1 s per million in networkx); above this


@paused_gc()
def communities(P: nx.Graph, *, seed: int = LOUVAIN_SEED, weight: str | None = "weight") -> list[list[str]]:
    """Louvain communities of ``P`` (networkx, fixed seed), largest first, members sorted.

    >>> import networkx as nx
    >>> P = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y")])
    >>> communities(P)
    [['a', 'b', 'c'], ['x', 'y']]
    """
    import networkx as nx

    if P.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(P, weight=weight, seed=seed)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))


@dataclass
class Camps:
    """Two camps of one component of a signed graph, and the edges the split leaves unbalanced."""

    camp_a: list[str]
    camp_b: list[str]
    unbalanced: list[tuple[str, str, int]]  # (u, v, sign), u < v
    edges: int
    exact: bool


def _frustration(S: nx.Graph, side: dict[str, int]) -> list[tuple[str, str, int]]:
    bad = []
    for u, v, sign in S.edges(data="sign"):
        if (sign > 0) == (side[u] != side[v]):
            bad.append((*sorted((u, v)), sign))
    return sorted(bad)


def _exact_split(nodes: list[str], S: nx.Graph) -> dict[str, int]:
    import numpy as np

    index = {v: i for i, v in enumerate(nodes)}
    splits = np.arange(2 ** (len(nodes) - 1), dtype=np.int64) << 1  # node 0 always in camp 0
    cost = np.zeros(len(splits), dtype=np.int64)
    for u, v, sign in S.subgraph(nodes).edges(data="sign"):
        differ = ((splits >> index[u]) ^ (splits >> index[v])) & 1
        cost += differ if sign > 0 else 1 - differ
    best = int(splits[int(np.argmin(cost))])  # argmin: the first, i.e. smallest split, among the best
    return {v: (best >> i) & 1 for v, i in index.items()}


def _local_split(nodes: list[str], S: nx.Graph) -> dict[str, int]:
    # Start from a breadth-first 2-colouring that follows the signs, then flip single nodes while
    # a flip lowers the number of unbalanced edges; visiting nodes in sorted order keeps it
    # deterministic, and each flip strictly lowers the count, so it ends.
    side: dict[str, int] = {}
    for root in nodes:
        if root in side:
            continue
        side[root] = 0
        queue = deque([root])
        while queue:
            u = queue.popleft()
            for v in sorted(S[u]):
                if v not in side:
                    side[v] = side[u] if S[u][v]["sign"] > 0 else 1 - side[u]
                    queue.append(v)
    improved = True
    while improved:
        improved = False
        for u in nodes:
            gain = 0
            for v, data in S[u].items():
                if v == u:
                    continue
                unbalanced = (data["sign"] > 0) == (side[u] != side[v])
                gain += 1 if unbalanced else -1
            if gain > 0:
                side[u] = 1 - side[u]
                improved = True
    return side


@paused_gc()
def two_camps(S: nx.Graph, *, exact_limit: int = EXACT_CAMPS_LIMIT) -> list[Camps]:
    """Each component of a signed graph split in two camps with the fewest unbalanced edges.

    An edge is unbalanced when it is positive (``sign`` > 0) across the camps or negative within
    one. Components of at most ``exact_limit`` nodes are solved exactly (every split is counted;
    among equally good splits the first in node order wins); larger ones by a deterministic local
    search. Camp A is the larger camp (on a tie, the one holding the first node). Components
    come largest first.

    Examples
    --------
    a and b are partners, both rivals of c: no edge is unbalanced.

    >>> import networkx as nx
    >>> S = nx.Graph()
    >>> S.add_edge("a", "b", sign=1); S.add_edge("a", "c", sign=-1); S.add_edge("b", "c", sign=-1)
    >>> camps = two_camps(S)[0]
    >>> camps.camp_a, camps.camp_b, camps.unbalanced
    (['a', 'b'], ['c'], [])
    """
    import networkx as nx

    result = []
    for component in nx.connected_components(S):
        nodes = sorted(component)
        exact = len(nodes) <= exact_limit
        side = _exact_split(nodes, S) if exact else _local_split(nodes, S)
        zero = [v for v in nodes if side[v] == 0]
        one = [v for v in nodes if side[v] == 1]
        camp_a, camp_b = (zero, one) if len(zero) >= len(one) else (one, zero)
        sub = S.subgraph(nodes)
        result.append(Camps(camp_a, camp_b, _frustration(sub, side), sub.number_of_edges(), exact))
    return sorted(result, key=lambda c: (-(len(c.camp_a) + len(c.camp_b)), c.camp_a))


@dataclass
class Balance:
    """Structural balance of a signed graph."""

    triangles: int
    balanced: int
    unbalanced: list[tuple[str, str, str]]  # sorted node triples

    @property
    def share(self) -> float | None:
        """Share of balanced triangles, ``None`` when there is no triangle."""
        return self.balanced / self.triangles if self.triangles else None


@paused_gc()
def balance(S: nx.Graph) -> Balance:
    """Count the triangles of a signed graph; a triangle is balanced when the product of its signs is positive.

    >>> import networkx as nx
    >>> S = nx.Graph()
    >>> S.add_edge("a", "b", sign=1); S.add_edge("b", "c", sign=1); S.add_edge("a", "c", sign=-1)
    >>> b = balance(S)
    >>> b.triangles, b.balanced, b.unbalanced, b.share
    (1, 0, [('a', 'b', 'c')], 0.0)
    """
    order = {v: i for i, v in enumerate(sorted(S))}
    triangles = balanced = 0
    unbalanced = []
    for u in sorted(S):
        later = sorted((v for v in S[u] if order[v] > order[u]), key=order.get)
        for i, v in enumerate(later):
            for w in later[i + 1 :]:
                if S.has_edge(v, w):
                    triangles += 1
                    if S[u][v]["sign"] * S[u][w]["sign"] * S[v][w]["sign"] > 0:
                        balanced += 1
                    else:
                        unbalanced.append((u, v, w))
    return Balance(triangles, balanced, unbalanced)
