"""Projections of the mirror: undirected actor graphs of the statements that hold.

:func:`partnership_graph`, :func:`rivalry_graph`, :func:`signed_graph` and :func:`membership_graph`
are undirected simple graphs over the statements that :func:`~graph.mirror.filters.holds` under
an ``as_of`` date and a ``min_certainty`` level; their nodes are the entities those statements
link, with the attributes of the mirror. :func:`filtered` is the mirror itself, cut the same way.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("a", actor=True); G.add_node("b", actor=True)
>>> G.add_edge("a", "b", key="st1", predicate=SPACE + "partnerOf", relation="partnerOf",
...            certainty="stated", rank=4, goldstein=6.0, point_in_time="2021-03", start_time=None,
...            end_time=None, source_date="2021-03")
'st1'
>>> P = partnership_graph(G, as_of="2021-02-15")
>>> P.number_of_edges()
0
>>> partnership_graph(G, as_of="2021-03")["a"]["b"]["weight"]
6.0
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from graph.errors import UsageError
from graph.gcpause import paused_gc
from graph.mirror.filters import check_filters, holds
from graph.namespaces import SPACE

if TYPE_CHECKING:
    import networkx as nx

PARTNERSHIP = SPACE + "partnerOf"
RIVALRY = SPACE + "rivalOf"
# Actors that sign the same agreement, or join the same program or organisation, cooperate through it.
JOINING_RELATIONS = frozenset(SPACE + name for name in ("signedAgreement", "memberOf", "participatesIn"))
# A national agency acts for its state: an actor and its country are tied as firmly as a joint project
# (CAMEO 060's Goldstein score), so blocs keep CNSA with China and NASA with the United States.
NATIONAL_TIE = 6.0
MEMBERSHIP_RELATIONS = frozenset(
    SPACE + name
    for name in ("memberOf", "participatesIn", "signedAgreement", "operates", "plansMission", "launched")
)


def _grouped(
    G: nx.MultiDiGraph, groups: dict[str, tuple[frozenset[str], bool]], as_of, min_certainty
) -> dict[str, dict[tuple[str, str], list[tuple]]]:
    """The statements that hold, grouped by pair of nodes, for each named group of predicates, in one pass.

    ``groups`` maps a name to ``(predicates, ordered)``; the result maps each name to its pairs,
    each pair to its items ``(predicate, goldstein, key, rank, certainty, relation)``. Pairs are
    unordered (``u < v``) unless ``ordered``; self-loops are skipped. One walk over the mirror's
    edges serves every group (a projection that needs three groups reads the edges once), into
    plain dicts that are then written to a graph at once. The mirror's edges are sorted by
    statement, so the grouping, and the graphs built from it, are deterministic.
    """
    check_filters(as_of, min_certainty)
    unfiltered = as_of is None and min_certainty is None
    found: dict[str, dict[tuple[str, str], list[tuple]]] = {name: {} for name in groups}
    targets: dict[str, list[tuple[dict, bool]]] = {}  # predicate -> the groups it belongs to
    for name, (predicates, ordered) in groups.items():
        for predicate in predicates:
            targets.setdefault(predicate, []).append((found[name], ordered))
    # G._adj is what G.edges(keys=True, data=True) walks, in the same order, without a view per edge
    for u, neighbours in G._adj.items():
        for v, statements in neighbours.items():
            if u == v:
                continue
            for key, attrs in statements.items():
                into = targets.get(attrs.get("predicate"))
                if into is None or not (unfiltered or holds(attrs, as_of, min_certainty)):
                    continue
                item = (attrs["predicate"], attrs.get("goldstein"), key, attrs["rank"], attrs["certainty"],
                        attrs["relation"])
                for pairs, ordered in into:
                    pair = (u, v) if ordered or u < v else (v, u)
                    items = pairs.get(pair)
                    if items is None:
                        pairs[pair] = [item]
                    else:
                        items.append(item)
    return found


def _accumulate(
    G: nx.MultiDiGraph, predicates: frozenset[str], as_of, min_certainty, *, ordered: bool = False
) -> dict[tuple[str, str], list[tuple]]:
    """The statements of ``predicates`` that hold, grouped by pair of nodes (see :func:`_grouped`)."""
    return _grouped(G, {"": (predicates, ordered)}, as_of, min_certainty)[""]


def _surest(items: list[tuple]) -> tuple[int, str]:
    best = items[0]
    for item in items:
        if item[3] > best[3]:
            best = item
    return best[3], best[4]


def _keys(items: list[tuple]) -> list[str]:
    return sorted(item[2] for item in items) if len(items) > 1 else [items[0][2]]


def _with_nodes(G, P, pairs, **extra) -> None:
    for node in sorted({n for pair in pairs for n in pair}):
        P.add_node(node, **G.nodes[node], **extra)


# A projection is first built as plain tables, its nodes in the order they join it and its edges
# by pair (``u < v``, in the order they join it), and turned into a graph once: the signed
# projection merges two of them without building, then reading back, two graphs of its own.
Edges = dict[tuple[str, str], dict]


def _weighted_edges(pairs: dict[tuple[str, str], list[tuple]], magnitude: bool, **extra) -> Edges:
    """The edges of grouped ``pairs`` (:func:`_grouped`), weighted by their Goldstein scores; ``extra`` on each."""
    edges = {}
    for pair, items in pairs.items():
        weight = 0.0
        for item in items:
            g = item[1]
            weight += 1.0 if g is None else (abs(g) if magnitude else float(g))
        rank, certainty = _surest(items)
        edges[pair] = {"weight": weight, "count": len(items), "statements": _keys(items), "certainty": certainty,
                       "rank": rank, **{name: value.copy() for name, value in extra.items()}}
    return edges


def _graph(G: nx.MultiDiGraph, nodes: Iterable[str], edges: Edges) -> nx.Graph:
    """The graph of ``nodes`` (with the mirror's attributes) and ``edges``, each in its order."""
    import networkx as nx

    P = nx.Graph()
    for node in nodes:
        P.add_node(node, **G.nodes[node])
    P.add_edges_from((u, v, data) for (u, v), data in edges.items())
    return P


def _weighted(G, pairs: dict[tuple[str, str], list[tuple]], magnitude: bool) -> nx.Graph:
    """The graph of grouped ``pairs`` (:func:`_grouped`), weighted by their Goldstein scores."""
    return _graph(G, sorted({n for pair in pairs for n in pair}), _weighted_edges(pairs, magnitude))


@paused_gc()
def partnership_graph(
    G: nx.MultiDiGraph,
    *,
    as_of: str | None = None,
    min_certainty: str | None = None,
    through_joint_membership: bool = True,
) -> nx.Graph:
    """Actors linked by ``:partnerOf`` statements that hold (undirected).

    Edge attributes: ``weight`` (sum of the Goldstein scores of the supporting statements, 1.0
    for a statement without an event type), ``count``, ``statements`` (sorted statement IRIs),
    and ``certainty``/``rank`` of the surest supporting statement.

    With ``through_joint_membership`` (the default), actors that signed the same agreement or
    joined the same program or organisation (``:signedAgreement``, ``:memberOf``,
    ``:participatesIn``) are partners through it too: the Artemis Accords' signatories cooperate
    with each other although no article says so pair by pair. An actor and its own country
    (``:basedIn``), when both take part in partnership or rivalry, are tied with weight
    :data:`NATIONAL_TIE` (``via`` holds ``:basedIn``). Such a tie weighs the Goldstein
    score of the weaker of the two joining statements (1.0 without one) divided by ``k - 1`` for
    ``k`` joiners (Newman's weighting: joining a crowded agreement says less about each pair), is
    as sure as the less sure of the two statements, and lists what it goes through in ``via``.
    Groups of more than :data:`JOINT_CLIQUE_LIMIT` joiners are tied in a ring, not a clique
    (see :func:`_joint_pairs`), so the projection stays linear in the number of statements.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for actor in "abc":
    ...     G.add_node(actor, actor=True)
    ...     _ = G.add_edge(actor, "accords", key=f"st-{actor}", predicate=SPACE + "signedAgreement",
    ...                    relation="signedAgreement", certainty="stated", rank=4, goldstein=8.0)
    >>> P = partnership_graph(G)
    >>> sorted(P.edges(data="weight"))
    [('a', 'b', 4.0), ('a', 'c', 4.0), ('b', 'c', 4.0)]
    >>> P["a"]["b"]["via"], P["a"]["b"]["statements"]
    (['accords'], ['st-a', 'st-b'])
    """
    groups = _grouped(G, _groups(through_joint_membership), as_of, min_certainty)
    return _graph(G, *_partnership(G, groups, through_joint_membership))


def _groups(through_joint_membership: bool) -> dict[str, tuple[frozenset[str], bool]]:
    """What the partnership (and signed) projections read from the mirror, in one pass (:func:`_grouped`)."""
    groups = {"partner": (frozenset({PARTNERSHIP}), False), "rival": (frozenset({RIVALRY}), False)}
    if through_joint_membership:
        groups["joining"] = (JOINING_RELATIONS, True)
    return groups


def _partnership(G: nx.MultiDiGraph, groups: dict, through_joint_membership: bool) -> tuple[list[str], Edges]:
    """The partnership projection's nodes and edges (see :data:`Edges`), from the grouped statements of
    :func:`_groups`."""
    pairs = groups["partner"]
    nodes = sorted({n for pair in pairs for n in pair})
    edges = _weighted_edges(pairs, magnitude=False, via=[])
    if through_joint_membership:
        present = set(nodes)
        _add_joint_membership_ties(G, nodes, present, edges, groups["joining"])
        rivals = {n for pair in groups["rival"] for n in pair}
        _add_national_ties(G, nodes, present, edges, present | rivals)
    return nodes, edges


def _add_national_ties(G: nx.MultiDiGraph, nodes: list[str], present: set[str], edges: Edges,
                       taking_part: set[str]) -> None:
    """Tie each actor taking part to its country when the country takes part too (see :data:`NATIONAL_TIE`)."""
    for actor in sorted(taking_part):
        country = G.nodes[actor].get("country")
        if country is None or country == actor or country not in taking_part:
            continue
        for node in (actor, country):
            if node not in present:
                present.add(node)
                nodes.append(node)
        pair = (actor, country) if actor < country else (country, actor)
        data = edges.get(pair)
        if data is not None:
            data["weight"] += NATIONAL_TIE
            data["via"] = sorted({*data["via"], SPACE + "basedIn"})
        else:
            edges[pair] = {"weight": NATIONAL_TIE, "count": 0, "statements": [], "via": [SPACE + "basedIn"],
                           "certainty": "stated", "rank": 4}


def _add_joint_membership_ties(G: nx.MultiDiGraph, nodes: list[str], present: set[str], edges: Edges,
                               joinings: dict[tuple[str, str], list[tuple]]) -> None:
    # joined thing -> actor -> its surest joining statement (strength, key, rank, certainty), the
    # strength being the statement's Goldstein score (1.0 without one)
    joiners: dict[str, dict[str, tuple]] = {}
    actor_nodes = {node for node, is_actor in G.nodes(data="actor") if is_actor}
    for (actor, joined), items in joinings.items():
        if actor in actor_nodes and joined not in actor_nodes:
            _, g, key, rank, certainty, _ = max(items, key=lambda item: (item[3], item[2]))
            joiners.setdefault(joined, {})[actor] = (1.0 if g is None else float(g), key, rank, certainty)
    # Ties gathered in plain dicts (statement and via sets), then written to the edges once: sorting a
    # pair's growing lists at every tie made crowded pairs quadratic.
    ties: dict[tuple[str, str], list] = {}  # pair -> [weight, count, statements, via, rank, certainty]
    for joined in sorted(joiners):
        joining = joiners[joined]
        for a, b, share in _joint_pairs(sorted(joining)):  # a < b, as the keys of ``edges``
            (s_a, key_a, rank_a, cert_a), (s_b, key_b, rank_b, cert_b) = joining[a], joining[b]
            weight = (s_a if s_a <= s_b else s_b) * share
            rank, certainty = (rank_a, cert_a) if rank_a <= rank_b else (rank_b, cert_b)
            tie = ties.get((a, b))
            if tie is None:
                data = edges.get((a, b))
                if data is not None:
                    tie = ties[(a, b)] = [data["weight"], data["count"], set(data["statements"]), set(data["via"]),
                                          data["rank"], data["certainty"]]
                else:
                    ties[(a, b)] = [weight, 2, {key_a, key_b}, {joined}, rank, certainty]
                    continue
            tie[0] += weight
            tie[1] += 2
            tie[2].update((key_a, key_b))
            tie[3].add(joined)
            if rank > tie[4]:
                tie[4], tie[5] = rank, certainty
    for pair, (weight, count, keys, via, rank, certainty) in ties.items():
        for node in pair:
            if node not in present:
                present.add(node)
                nodes.append(node)
        tied = {"weight": weight, "count": count, "statements": sorted(keys), "via": sorted(via),
                "certainty": certainty, "rank": rank}
        if pair in edges:
            edges[pair].update(tied)  # a partnership's own edge keeps its place and its attributes' order
        else:
            edges[pair] = tied


# Up to this many joiners, every pair is tied; beyond, a ring keeps the projection linear in size.
JOINT_CLIQUE_LIMIT = 12
JOINT_RING_NEIGHBOURS = 3


def _joint_pairs(members: list[str]) -> list[tuple[str, str, float]]:
    """The pairs tied through one agreement, each with its share of a joiner's tie strength.

    Every joiner gets a total share of 1: ``1 / (k - 1)`` on each of the ``k - 1`` ties of a small
    group (Newman's weighting), or ``1 / (2 * JOINT_RING_NEIGHBOURS)`` on each tie to its
    neighbours in a ring over a large one. A ring keeps the group one positive, connected block
    for the camps and communities without the ``k²/2`` edges of a clique (the Artemis Accords
    have dozens of signatories).

    >>> [(a, b, round(w, 2)) for a, b, w in _joint_pairs(["a", "b", "c"])]
    [('a', 'b', 0.5), ('a', 'c', 0.5), ('b', 'c', 0.5)]
    >>> len(_joint_pairs([f"m{i:02}" for i in range(40)]))  # 40 * 3 ring ties instead of 780
    120
    """
    k = len(members)
    if k < 2:
        return []
    if k <= JOINT_CLIQUE_LIMIT:
        return [(a, b, 1 / (k - 1)) for i, a in enumerate(members) for b in members[i + 1 :]]
    pairs = set()
    for i, a in enumerate(members):
        for step in range(1, JOINT_RING_NEIGHBOURS + 1):
            b = members[(i + step) % k]
            pairs.add((a, b) if a < b else (b, a))
    return [(a, b, 1 / (2 * JOINT_RING_NEIGHBOURS)) for a, b in sorted(pairs)]


@paused_gc()
def rivalry_graph(G: nx.MultiDiGraph, *, as_of: str | None = None, min_certainty: str | None = None) -> nx.Graph:
    """Actors linked by ``:rivalOf`` statements that hold; ``weight`` sums ``|Goldstein|`` (1.0 if none)."""
    return _weighted(G, _accumulate(G, frozenset({RIVALRY}), as_of, min_certainty), magnitude=True)


@paused_gc()
def signed_graph(
    G: nx.MultiDiGraph, *, as_of: str | None = None, min_certainty: str | None = None,
    through_joint_membership: bool = True,
) -> nx.Graph:
    """Partnership (+1) and rivalry (-1) in one undirected actor graph.

    Partnership is that of :func:`partnership_graph` (so co-signatories of an agreement are
    partners through it unless ``through_joint_membership`` is false), rivalry that of
    :func:`rivalry_graph`. Edge attributes: ``sign``, ``weight`` (the total weight of the winning
    side), ``partnership_weight``, ``rivalry_weight``, ``partnership_count``, ``rivalry_count``,
    ``statements`` (all supporting statements, sorted) and ``certainty``/``rank`` of the surest.
    When a pair is both partner and rival, the side with the larger total weight wins; a tie
    goes to rivalry (a contested relation is not a partnership).
    """
    import networkx as nx

    groups = _grouped(G, _groups(through_joint_membership), as_of, min_certainty)  # one pass for both sides
    partner_nodes, partners = _partnership(G, groups, through_joint_membership)
    rivals = _weighted_edges(groups["rival"], magnitude=True)
    none = {"weight": 0.0, "count": 0, "statements": [], "rank": 0, "certainty": None}
    S = nx.Graph()
    for node in sorted({*partner_nodes, *(n for pair in rivals for n in pair)}):
        S.add_node(node, **G.nodes[node])
    edges = []
    for pair in sorted(partners.keys() | rivals.keys()):
        p, r = partners.get(pair), rivals.get(pair)
        sign = 1 if p is not None and (r is None or p["weight"] > r["weight"]) else -1
        p, r = p or none, r or none
        surest = p if p["rank"] >= r["rank"] else r
        # each side's statements are sorted and distinct already
        statements = sorted({*p["statements"], *r["statements"]}) if p["statements"] and r["statements"] \
            else list(p["statements"] or r["statements"])
        edges.append((*pair, {
            "sign": sign, "weight": p["weight"] if sign > 0 else r["weight"],
            "partnership_weight": p["weight"], "rivalry_weight": r["weight"],
            "partnership_count": p["count"], "rivalry_count": r["count"],
            "statements": statements, "certainty": surest["certainty"], "rank": surest["rank"],
        }))
    S.add_edges_from(edges)
    return S


@paused_gc()
def membership_graph(
    G: nx.MultiDiGraph, *, as_of: str | None = None, min_certainty: str | None = None
) -> nx.Graph:
    """Bipartite graph of actors (``bipartite=0``) and what they belong to, run, plan or sign (``bipartite=1``).

    Built from ``:memberOf``, ``:participatesIn``, ``:signedAgreement``, ``:operates``,
    ``:plansMission`` and ``:launched`` statements whose subject is an actor and whose object is
    not (an actor-to-actor membership would break the bipartition, so it is left out). Edge
    attributes: ``relations`` (sorted local names), ``count``, ``weight`` (= count),
    ``statements`` and ``certainty``/``rank`` of the surest.
    """
    import networkx as nx

    nodes = G.nodes
    pairs = {
        (u, v): items
        for (u, v), items in _accumulate(G, MEMBERSHIP_RELATIONS, as_of, min_certainty, ordered=True).items()
        if nodes[u].get("actor") and not nodes[v].get("actor")
    }
    edges = []
    for (u, v), items in pairs.items():
        rank, certainty = _surest(items)
        relations = sorted({item[5] for item in items}) if len(items) > 1 else [items[0][5]]
        edges.append((u, v, {
            "relations": relations, "count": len(items), "weight": float(len(items)),
            "statements": _keys(items), "certainty": certainty, "rank": rank,
        }))
    B = nx.Graph()
    _with_nodes(G, B, [(u,) for u, _ in pairs], bipartite=0)
    _with_nodes(G, B, [(v,) for _, v in pairs], bipartite=1)
    B.add_edges_from(edges)
    return B


@paused_gc()
def filtered(G: nx.MultiDiGraph, *, as_of: str | None = None, min_certainty: str | None = None) -> nx.MultiDiGraph:
    """The mirror restricted to the edges that hold (all nodes kept); the ``full`` projection."""
    check_filters(as_of, min_certainty)
    if as_of is None and min_certainty is None:
        return G
    H = G.__class__()
    H.graph.update(G.graph)
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from(
        (u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if holds(d, as_of, min_certainty)
    )
    return H


PROJECTIONS = {
    "partnership": partnership_graph,
    "rivalry": rivalry_graph,
    "signed": signed_graph,
    "membership": membership_graph,
    "full": filtered,
}


def project(G: nx.MultiDiGraph, name: str, *, as_of: str | None = None, min_certainty: str | None = None):
    """The projection called ``name`` (a key of :data:`PROJECTIONS`)."""
    try:
        function = PROJECTIONS[name]
    except KeyError:
        raise UsageError(f"unknown projection {name!r} (use one of {', '.join(PROJECTIONS)})") from None
    return function(G, as_of=as_of, min_certainty=min_certainty)
