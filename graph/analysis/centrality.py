"""Centrality of an actor graph: degree, betweenness (sampled on large graphs) and eigenvector."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

from graph.gcpause import paused_gc

LOUVAIN_SEED = 42
# Exact betweenness costs about nodes x edges steps (~1 s per million in networkx); above this
# budget it is estimated from budget / edges sampled sources (at least BETWEENNESS_MIN_SAMPLE).
BETWEENNESS_BUDGET = 1_000_000
BETWEENNESS_MIN_SAMPLE = 32


# --------------------------------------------------------------------------- centrality


@dataclass
class Centrality:
    """Scores by measure (``degree``, ``betweenness``, ``eigenvector``) and node, with notes on how."""

    scores: dict[str, dict[str, float]]
    notes: list[str] = field(default_factory=list)

    def top(self, n: int = 10, by: str = "betweenness") -> list[str]:
        """The ``n`` highest-scoring nodes by ``by``, ties broken by degree, then IRI."""
        nodes = self.scores.get("degree", {})
        return sorted(nodes, key=lambda v: (-self.scores[by][v], -self.scores["degree"][v], v))[:n]


@paused_gc()
def centrality(P: nx.Graph) -> Centrality:
    """Degree, betweenness and eigenvector centrality of an undirected graph (unweighted).

    Weights are left out on purpose: betweenness would read a Goldstein weight as a distance.
    Betweenness is exact while nodes x edges stays within :data:`BETWEENNESS_BUDGET`, and
    estimated from sampled sources (seeded) above, so a large graph costs about a second.
    Eigenvector centrality is undefined on a graph without edges (every score is then 0) and only
    compares nodes of one component; where the power iteration does not converge, degree
    centrality stands in. Each fallback is recorded in ``notes``.

    Examples
    --------
    A path a - b - c: b is on the only path between a and c.

    >>> import networkx as nx
    >>> c = centrality(nx.path_graph(["a", "b", "c"]))
    >>> c.scores["betweenness"], c.scores["degree"]["b"]
    ({'a': 0.0, 'b': 1.0, 'c': 0.0}, 1.0)
    """
    import networkx as nx

    notes: list[str] = []
    n = P.number_of_nodes()
    degree = nx.degree_centrality(P) if n > 1 else dict.fromkeys(P, 0.0)
    m = P.number_of_edges()
    sample = max(BETWEENNESS_MIN_SAMPLE, BETWEENNESS_BUDGET // max(m, 1))
    if n * m > BETWEENNESS_BUDGET and sample < n:
        betweenness = nx.betweenness_centrality(P, k=sample, seed=LOUVAIN_SEED)
        notes.append(f"betweenness estimated from {sample} sampled sources of {n} nodes (seed {LOUVAIN_SEED})")
    else:
        betweenness = nx.betweenness_centrality(P)
    if P.number_of_edges() == 0:
        eigenvector = dict.fromkeys(P, 0.0)
        if n:
            notes.append("no edges: eigenvector centrality is 0 for every node")
    else:
        try:
            eigenvector = nx.eigenvector_centrality(P, max_iter=1000, tol=1e-08)
        except nx.PowerIterationFailedConvergence:
            eigenvector = dict(degree)
            notes.append("eigenvector centrality did not converge: degree centrality stands in")
        components = nx.number_connected_components(P)
        if components > 1:
            notes.append(
                f"the graph has {components} components: eigenvector scores compare nodes within the "
                "component of the largest eigenvalue; the others tend to 0"
            )
    order = sorted(P)
    return Centrality(
        scores={
            "degree": {v: float(degree[v]) for v in order},
            "betweenness": {v: float(betweenness[v]) for v in order},
            "eigenvector": {v: float(eigenvector[v]) for v in order},
        },
        notes=notes,
    )
