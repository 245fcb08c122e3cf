"""``spacekg analyze``: blocs, communities, centrality and balance under filters, as text, JSON or RDF."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graph.mirror import display_name, holds, partnership_graph, results_to_rdf, signed_graph

if TYPE_CHECKING:
    import networkx as nx
    import rdflib

from graph.analysis.blocs import EXACT_CAMPS_LIMIT, Balance, Camps, balance, communities, two_camps
from graph.analysis.centrality import LOUVAIN_SEED, Centrality, centrality


@dataclass
class Analysis:
    """What ``spacekg analyze`` prints: blocs, communities, centrality and balance under filters."""

    as_of: str | None
    min_certainty: str | None
    statements: int
    camps: list[Camps]
    communities: list[list[str]]
    centrality: Centrality
    balance: Balance
    names: dict[str, str]
    top: list[str]

    @property
    def method(self) -> str:
        return (
            f"SpaceKG analysis with networkx: two camps of the signed actor graph (exact search up to "
            f"{EXACT_CAMPS_LIMIT} nodes, local search above); Louvain communities of the partnership graph "
            f"(louvain_communities, weight=Goldstein sum, seed {LOUVAIN_SEED}); degree, betweenness and "
            f"eigenvector centrality of the partnership graph (unweighted)"
        )

    def to_dict(self) -> dict[str, Any]:
        from graph.mirror.filters import describe_dates

        return {
            "as_of": self.as_of,
            "dates": describe_dates(self.as_of),
            "min_certainty": self.min_certainty,
            "statements": self.statements,
            "camps": [
                {
                    "camp_a": c.camp_a,
                    "camp_b": c.camp_b,
                    "unbalanced": [list(e) for e in c.unbalanced],
                    "edges": c.edges,
                    "exact": c.exact,
                }
                for c in self.camps
            ],
            "communities": self.communities,
            "centrality": {
                "top": [{"actor": v, "name": self.names[v], **{m: s[v] for m, s in self.centrality.scores.items()}}
                        for v in self.top],
                "notes": self.centrality.notes,
            },
            "balance": {
                "triangles": self.balance.triangles,
                "balanced": self.balance.balanced,
                "share": self.balance.share,
                "unbalanced": [list(t) for t in self.balance.unbalanced],
            },
            "names": self.names,
        }

    def to_rdf(self, **kwargs) -> rdflib.Graph:
        """The blocs (camps and communities) and centrality scores as RDF (see :func:`graph.mirror.results_to_rdf`)."""
        blocs, labels = [], []
        for i, c in enumerate(self.camps, start=1):
            for name, camp in (("A", c.camp_a), ("B", c.camp_b)):
                if camp:
                    blocs.append(camp)
                    labels.append(f"camp {name} of signed component {i}")
        for i, members in enumerate(self.communities, start=1):
            blocs.append(members)
            labels.append(f"partnership community {i}")
        return results_to_rdf(
            blocs=blocs,
            bloc_labels=labels,
            scores=self.centrality.scores,
            method=self.method,
            as_of=self.as_of,
            min_certainty=self.min_certainty,
            **kwargs,
        )


def analyze(
    G: nx.MultiDiGraph, *, as_of: str | None = None, min_certainty: str | None = None, top: int = 10
) -> Analysis:
    """Blocs, communities, centrality and balance of the actor graphs of a mirror."""
    from graph.mirror import statements

    S = signed_graph(G, as_of=as_of, min_certainty=min_certainty)
    P = partnership_graph(G, as_of=as_of, min_certainty=min_certainty)
    scores = centrality(P)
    count = sum(1 for _, _, _, attrs in statements(G) if holds(attrs, as_of, min_certainty))
    nodes = set(S) | set(P)
    return Analysis(
        as_of=as_of,
        min_certainty=min_certainty.lower() if min_certainty else None,
        statements=count,
        camps=two_camps(S),
        communities=communities(P),
        centrality=scores,
        balance=balance(S),
        names={v: display_name(G, v) for v in sorted(nodes)},
        top=scores.top(top),
    )


def format_analysis(result: Analysis) -> str:
    """The analysis as a short plain-text report."""
    from graph.mirror.filters import describe_dates
    from graph.query import format_table

    name = result.names.get
    filters = [describe_dates(result.as_of)]
    if result.min_certainty:
        filters.append(f"certainty >= {result.min_certainty}")
    lines = [f"Analysis of {result.statements} statements ({', '.join(filters)})"]
    lines += ["", "Blocs: two camps of the signed actor graph (partnership +, rivalry -)"]
    if not result.camps:
        lines.append("  (no partnership or rivalry)")
    for i, c in enumerate(result.camps, start=1):
        how = "exact" if c.exact else "local search"
        camp_a, camp_b = ", ".join(map(name, c.camp_a)), ", ".join(map(name, c.camp_b)) or "-"
        lines.append(f"  component {i}: {camp_a}  versus  {camp_b}")
        bad = "; ".join(f"{name(u)} {'+' if s > 0 else '-'} {name(v)}" for u, v, s in c.unbalanced) or "none"
        lines.append(f"    unbalanced edges: {len(c.unbalanced)} of {c.edges} ({how}): {bad}")
    lines += ["", f"Partnership communities (Louvain, seed {LOUVAIN_SEED})"]
    if not result.communities:
        lines.append("  (no partnership)")
    for i, members in enumerate(result.communities, start=1):
        lines.append(f"  {i}. {', '.join(map(name, members))}")
    lines += ["", "Most central actors (partnership graph)"]
    rows = [
        [name(v)] + [f"{result.centrality.scores[m][v]:.3f}" for m in ("degree", "betweenness", "eigenvector")]
        for v in result.top
    ]
    table = format_table(["actor", "degree", "betweenness", "eigenvector"], rows)
    lines += ["  " + line for line in table.rstrip("\n").splitlines()]
    lines += [f"  note: {note}" for note in result.centrality.notes]
    b = result.balance
    lines += ["", "Structural balance (signed actor graph)"]
    if b.triangles:
        lines.append(f"  {b.balanced} of {b.triangles} triangles balanced ({b.share:.0%})")
        for u, v, w in b.unbalanced:
            lines.append(f"  unbalanced: {name(u)}, {name(v)}, {name(w)}")
    else:
        lines.append("  no triangles")
    return "\n".join(lines) + "\n"


def analysis_json(result: Analysis) -> str:
    import json

    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False)
