"""Analysis of the networkx mirror: blocs, balance, influence, and why two actors are linked.

- :func:`centrality` - degree, betweenness and eigenvector centrality of an actor graph;
- :func:`communities` - Louvain communities of the partnership graph (fixed seed);
- :func:`two_camps` - the split of each component of the signed graph into two camps that leaves
  the fewest unbalanced edges (positive across, negative within): exact for small components,
  a deterministic local search for large ones;
- :func:`balance` - structural balance: the share of balanced triangles and the unbalanced ones;
- :func:`explain` - the shortest chains of statements linking two entities, with evidence;
- :func:`timeline` - the dated statements in date order;
- :func:`resolve` - an entity named by label, alias, acronym or ID, case-insensitively;
- :func:`analyze` - all of it for the command line, with :func:`format_analysis` and JSON.

Every function that reads statements takes ``as_of`` and ``min_certainty`` with the semantics of
:func:`graph.mirror.holds`.
"""

from __future__ import annotations

import difflib
import itertools
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graph.errors import UnknownEntityError
from graph.mirror import ENTITY_PATTERN, display_name, holds, partnership_graph, results_to_rdf, signed_graph
from graph.model import Statement, TimeValue
from graph.namespaces import KG, shorten
from graph.terms import Lit

if TYPE_CHECKING:
    import networkx as nx
    import rdflib

LOUVAIN_SEED = 42
# Exact two-camp search enumerates 2**(n-1) splits: 2**15 at most, vectorised with numpy.
EXACT_CAMPS_LIMIT = 16
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


# --------------------------------------------------------------------------- blocs


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


# --------------------------------------------------------------------------- explain


@dataclass(frozen=True)
class Step:
    """One statement of a chain, as stated (``subject relation object``), and its source's date."""

    fact: Statement
    source_date: str | None = None

    subject = property(lambda self: self.fact.subject)
    relation = property(lambda self: self.fact.relation)
    object = property(lambda self: self.fact.object)
    statement = property(lambda self: self.fact.iri, doc="the statement's IRI")
    certainty = property(lambda self: self.fact.certainty.name if self.fact.certainty else None)
    rank = property(lambda self: self.fact.certainty.rank if self.fact.certainty else 0)
    evidence = property(lambda self: self.fact.evidence.text if self.fact.evidence else None)
    source = property(lambda self: self.fact.source)
    time = property(lambda self: self.fact.time.lexical if self.fact.time else None)


@dataclass
class Chain:
    """A path of statements from one entity to another (each step may be read in either direction)."""

    nodes: list[str]
    steps: list[Step]

    @property
    def weakest(self) -> str:
        return min(self.steps, key=lambda s: s.rank).certainty


def _step(u: str, v: str, key: str, attrs: dict) -> Step:
    return Step(Statement.from_attributes(u, v, key, attrs), attrs.get("source_date"))


def explain(
    G: nx.MultiDiGraph,
    a: str,
    b: str,
    *,
    as_of: str | None = None,
    min_certainty: str | None = None,
    limit: int = 10,
) -> list[Chain]:
    """The shortest chains of statements linking ``a`` and ``b`` (IRIs), surest first.

    Every relation edge of the mirror counts, in either direction; only the statements that hold
    under ``as_of``/``min_certainty`` are used. A pair of entities linked by several statements
    gives one chain per statement (at most ``limit`` chains in all). Chains are ordered by their
    weakest certainty (surest first), then by their statements. An empty list means no chain.
    """
    import networkx as nx

    for node in (a, b):
        if node not in G:
            raise UnknownEntityError(f"{shorten(node)} is not in the graph")
    H = nx.Graph()
    H.add_nodes_from((a, b))
    support: dict[frozenset, list[Step]] = {}
    for u, v, key, attrs in G.edges(keys=True, data=True):
        if u != v and holds(attrs, as_of, min_certainty):
            H.add_edge(u, v)
            support.setdefault(frozenset((u, v)), []).append(_step(u, v, key, attrs))
    if a == b or not nx.has_path(H, a, b):
        return []
    chains = []
    # Enough paths to fill `limit` chains; sorted so the result does not depend on edge order.
    paths = sorted(itertools.islice(nx.all_shortest_paths(H, a, b), 1000))
    for path in paths:
        options = [
            sorted(support[frozenset(pair)], key=lambda s: (-s.rank, s.statement))
            for pair in itertools.pairwise(path)
        ]
        for steps in itertools.islice(itertools.product(*options), limit):
            chains.append(Chain(nodes=list(path), steps=list(steps)))
    chains.sort(key=lambda c: (-min(s.rank for s in c.steps), [s.statement for s in c.steps]))
    return chains[:limit]


def explain_text(
    G: nx.MultiDiGraph, a: str, b: str, *, as_of: str | None = None, min_certainty: str | None = None
) -> str:
    """:func:`explain` as text: each chain with its steps, evidence, certainty and source.

    When filters are given and they leave out shorter or other chains, a note says so; when no
    chain links the two, the text says ``no chain links A and B`` with the filters.
    """
    name_a, name_b = display_name(G, a), display_name(G, b)
    conditions = []
    if min_certainty is not None:
        conditions.append(f"with certainty >= {min_certainty.lower()}")
    if as_of is not None:
        conditions.append(f"as of {as_of}")
    where = (" " + " ".join(conditions)) if conditions else ""
    chains = explain(G, a, b, as_of=as_of, min_certainty=min_certainty)
    lines = []
    if not chains:
        lines.append(f"no chain links {name_a} and {name_b}{where}")
    else:
        length = len(chains[0].steps)
        lines.append(
            f"{len(chains)} chain{'s' if len(chains) != 1 else ''} of {length} step{'s' if length != 1 else ''} "
            f"link{'s' if len(chains) == 1 else ''} {name_a} and {name_b}{where}:"
        )
        for i, chain in enumerate(chains, start=1):
            lines.append("")
            lines.append(f"{i}. " + " - ".join(display_name(G, n) for n in chain.nodes))
            for step in chain.steps:
                when = f", {step.time}" if step.time else ""
                lines.append(
                    f"   {display_name(G, step.subject)} {step.relation} {display_name(G, step.object)}"
                    f"  [{step.certainty}{when}]"
                )
                if step.evidence:
                    lines.append(f'     "{step.evidence}"')
                source = shorten(step.source) if step.source else "unknown source"
                issued = f" ({step.source_date})" if step.source_date else ""
                lines.append(f"     source: {source}{issued}; statement: {shorten(step.statement)}")
    if conditions:
        unfiltered = explain(G, a, b)
        shown = {tuple(s.statement for s in c.steps) for c in chains}
        hidden = [c for c in unfiltered if tuple(s.statement for s in c.steps) not in shown]
        if hidden and (not chains or len(hidden[0].steps) <= len(chains[0].steps)):
            lines.append("")
            for chain in hidden:
                text = "; ".join(
                    f"{display_name(G, s.subject)} {s.relation} {display_name(G, s.object)} [{s.certainty}]"
                    for s in chain.steps
                )
                lines.append(f"left out by the filters ({where.strip()}): {text}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- timeline


@dataclass(frozen=True)
class Event:
    """One dated statement on the timeline; ``date`` is the first day of its time."""

    fact: Statement

    @property
    def when(self) -> TimeValue:
        """Its time: the point in time, else the start, else the end."""
        f = self.fact
        return f.point_in_time or f.start_time or f.end_time  # type: ignore[return-value]

    date = property(lambda self: self.when.first_day)
    time = property(lambda self: self.when.lexical)
    subject = property(lambda self: self.fact.subject)
    relation = property(lambda self: self.fact.relation)
    object = property(lambda self: self.fact.object.value if isinstance(self.fact.object, Lit) else self.fact.object)
    certainty = property(lambda self: self.fact.certainty.name if self.fact.certainty else None)
    statement = property(lambda self: self.fact.iri)
    evidence = property(lambda self: self.fact.evidence.text if self.fact.evidence else None)
    source = property(lambda self: self.fact.source)


def timeline(
    G: nx.MultiDiGraph,
    *,
    as_of: str | None = None,
    min_certainty: str | None = None,
    entity: str | None = None,
) -> list[Event]:
    """The dated statements (point in time, start or end) in date order, literal statements included.

    A statement with a start and an end appears once, at its start. ``entity`` keeps the
    statements whose subject or object it is.
    """
    from graph.mirror import facts, statements

    events = []
    for (u, v, _, attrs), fact in zip(statements(G), facts(G), strict=True):
        if not (attrs.get("point_in_time") or attrs.get("start_time") or attrs.get("end_time")):
            continue
        if not holds(attrs, as_of, min_certainty) or (entity is not None and entity not in (u, v)):
            continue
        events.append(Event(fact))
    return sorted(events, key=lambda e: (e.date, e.statement))


# --------------------------------------------------------------------------- names


_NAMES_QUERY = (
    "SELECT DISTINCT ?e ?v WHERE { " + ENTITY_PATTERN
    + " OPTIONAL { VALUES ?p { rdfs:label skos:altLabel :acronym } ?e ?p ?v } }"
)


def _name_index(entries) -> dict[str, set[str]]:
    """Lower-cased names -> IRIs, from ``(iri, [names])`` pairs; IRIs, prefixed names and IDs included."""
    index: dict[str, set[str]] = {}
    for iri, names in entries:
        keys = {iri, shorten(iri)}
        if iri.startswith(KG):
            keys.add(iri[len(KG) :])
        keys.update(n for n in names if n)
        for key in keys:
            index.setdefault(key.casefold(), set()).add(iri)
    return index


def resolve(G_or_store, name: str) -> str:
    """The IRI of the entity called ``name``: its label, an alias, its acronym, its ID or IRI, any case.

    ``G_or_store`` is a mirror (names from the node attributes) or a pyoxigraph store.

    Raises
    ------
    UnknownEntityError
        If no entity has that name (the message lists the closest names) or several do.
    """
    import networkx as nx

    if isinstance(G_or_store, nx.Graph):
        G = G_or_store
        entries = (
            (n, [d.get("acronym") or d.get("label"), d.get("label"), *(d.get("aliases") or [])])
            for n, d in G.nodes(data=True)
        )
    else:
        from graph.query import run

        grouped: dict[str, list[str]] = {}
        for row in run(G_or_store, _NAMES_QUERY, source="resolve"):
            names = grouped.setdefault(row[0].value, [])
            if row[1] is not None:
                names.append(row[1].value)
        entries = ((iri, sorted(names, key=len)) for iri, names in grouped.items())
    entries = list(entries)
    index = _name_index(entries)
    found = index.get(name.strip().casefold())
    if found and len(found) == 1:
        return next(iter(found))
    if found:
        options = ", ".join(sorted(shorten(f) for f in found))
        raise UnknownEntityError(f"{name!r} names several entities: {options}; use an ID")
    shown = {iri: names[0] if names and names[0] else shorten(iri) for iri, names in entries}
    close = []
    for key in difflib.get_close_matches(name.strip().casefold(), list(index), n=10, cutoff=0.6):
        for iri in sorted(index[key]):
            if iri not in close:
                close.append(iri)
    hint = f" (closest: {', '.join(f'{shown[i]} ({shorten(i)})' for i in close[:5])})" if close else ""
    raise UnknownEntityError(f"unknown entity {name!r}{hint}")


# --------------------------------------------------------------------------- analyze


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
        return {
            "as_of": self.as_of,
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
    from graph.query import format_table

    name = result.names.get
    filters = []
    if result.as_of:
        filters.append(f"as of {result.as_of}")
    if result.min_certainty:
        filters.append(f"certainty >= {result.min_certainty}")
    lines = [f"Analysis of {result.statements} statements" + (f" ({', '.join(filters)})" if filters else "")]
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


__all__ = [
    "Analysis",
    "Balance",
    "Camps",
    "Centrality",
    "Chain",
    "Event",
    "Step",
    "analysis_json",
    "analyze",
    "balance",
    "centrality",
    "communities",
    "display_name",
    "explain",
    "explain_text",
    "format_analysis",
    "resolve",
    "timeline",
    "two_camps",
]
