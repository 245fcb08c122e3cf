"""The graph mirrored in networkx, its projections, and the way back to RDF.

:func:`mirror` reads the built store with five SPARQL queries (statements, entity names, entity
types, sources, event types) and gives a :class:`networkx.MultiDiGraph`:

- **nodes** are entity IRIs (every catalog entity, and every IRI a statement links), with
  ``label`` (``rdfs:label``, else the prefixed name), ``type`` (local name of the most specific
  ontology class, e.g. ``"SpaceAgency"``; ties broken alphabetically; ``None`` if untyped),
  ``wikidata`` (``"Q23548"`` from ``owl:sameAs``, or ``None``), ``acronym`` (or ``None``),
  ``aliases`` (sorted ``skos:altLabel`` values), ``country`` (the ``:basedIn`` country of an
  actor, from the catalog or a statement, or ``None``), ``actor`` (``True`` for instances of
  ``:Actor`` and its subclasses), ``literals`` (``{relation: [lexical values]}`` of the statements
  whose object is a literal, e.g. ``{"targetDate": ["2024"]}``) and ``attribute_statements``
  (the full records of those statements and of the ``rdf:type`` statements, see below).
- **edges** are statements whose object is an IRI and whose predicate is not ``rdf:type``:
  ``G.add_edge(subject, object, key=<statement IRI>, **attrs)`` with the attributes of
  :data:`EDGE_ATTRIBUTES`. Several statements of one fact (one per source) are parallel edges.

Literals and ``rdf:type`` are attributes, never nodes (unlike rdflib's
``rdflib_to_networkx_multidigraph``). Each record of ``attribute_statements`` is a dict with the
edge attributes plus ``key`` (statement IRI), ``object`` (lexical value or class IRI),
``object_kind`` (``"literal"`` or ``"iri"``), ``datatype`` and ``language``, so that
:func:`to_rdf` can write every statement back.

Projections (:func:`partnership_graph`, :func:`rivalry_graph`, :func:`signed_graph`,
:func:`membership_graph`) are undirected simple graphs over the statements that :func:`holds`
under an ``as_of`` date and a ``min_certainty`` level; their nodes are the entities those
statements link, with the attributes of the mirror.

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

import functools
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from graph.namespaces import BASE, CAMEO, CERTAINTY_RANK, PREFIXES, SPACE, shorten

if TYPE_CHECKING:
    import networkx as nx
    import pyoxigraph
    import rdflib

RDF_TYPE = PREFIXES["rdf"] + "type"
XSD = PREFIXES["xsd"]
TIME = PREFIXES["time"]
WD = PREFIXES["wd"]
# Analysis results written back as RDF get IRIs under this namespace (one folder per run).
RESULT = BASE + "result/"

# Statements whose time is a target date: they hold from their source's publication date.
TARGET_DATED = frozenset({"planned", "speculative"})
PRECISION_NAMES = {TIME + "unitDay": "day", TIME + "unitMonth": "month", TIME + "unitYear": "year"}
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

EDGE_ATTRIBUTES = (
    "predicate",  # full IRI of the relation
    "relation",  # its local name, e.g. "partnerOf"
    "certainty",  # "stated" | "planned" | "speculative" | "inferred"
    "rank",  # 4 | 3 | 2 | 1
    "point_in_time",  # lexical value as stored ("2021-03"), or None
    "start_time",
    "end_time",
    "precision",  # "day" | "month" | "year" | None
    "time_expression",  # the source's words for the time, or None
    "source",  # IRI of the source article
    "source_date",  # its dcterms:issued, lexical ("2021-03"), or None
    "evidence",  # the verbatim sentence
    "evidence_start",  # int
    "evidence_end",  # int
    "event_type",  # CAMEO code ("060"), or None
    "goldstein",  # float, or None
    "comment",  # rdfs:comment text, or None
    "comment_lang",  # its language tag, or None
)

_STATEMENTS = """
SELECT ?st ?s ?p ?o ?source ?c ?ev ?es ?ee ?pit ?start ?end ?prec ?texpr ?et ?comment WHERE {
  ?st a :Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?st prov:wasDerivedFrom ?source }
  OPTIONAL { ?st :certainty ?c }
  OPTIONAL { ?st :evidence ?ev }
  OPTIONAL { ?st :evidenceStart ?es }
  OPTIONAL { ?st :evidenceEnd ?ee }
  OPTIONAL { ?st :pointInTime ?pit }
  OPTIONAL { ?st :startTime ?start }
  OPTIONAL { ?st :endTime ?end }
  OPTIONAL { ?st :timePrecision ?prec }
  OPTIONAL { ?st :timeExpression ?texpr }
  OPTIONAL { ?st :eventType ?et }
  OPTIONAL { ?st rdfs:comment ?comment }
}"""
# Entities are the subjects typed with an ontology class other than the bookkeeping ones.
_ENTITY = """?e a ?t .
  FILTER (STRSTARTS(STR(?t), STR(:)) && ?t NOT IN (:Statement, :EventType, :Certainty))"""
_TYPES = "SELECT ?e ?t WHERE { " + _ENTITY + " }"
_NAMES = (
    "SELECT DISTINCT ?e ?p ?v WHERE { VALUES ?p { rdfs:label skos:altLabel :acronym owl:sameAs :basedIn } ?e ?p ?v . "
    + _ENTITY
    + " }"
)
_SUBCLASSES = "SELECT ?sub ?sup WHERE { ?sub rdfs:subClassOf+ ?sup FILTER (isIRI(?sub) && isIRI(?sup)) }"
# a source whose article gives no date has no dcterms:issued: it is a source all the same
_SOURCES = "SELECT ?src ?issued WHERE { ?src a :SourceArticle OPTIONAL { ?src dcterms:issued ?issued } }"
_GOLDSTEIN = "SELECT ?et ?g WHERE { ?et :goldstein ?g }"


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


# --------------------------------------------------------------------------- filters


def normalize_date(text: str) -> str:
    """The first day of an ISO date at any precision: ``"2019"`` -> ``"2019-01-01"``.

    Raises
    ------
    ValueError
        If ``text`` is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a time zone suffix is ignored).

    >>> normalize_date("2021-03"), normalize_date("2019"), normalize_date("2021-03-05Z")
    ('2021-03-01', '2019-01-01', '2021-03-05')
    """
    return _first_day(str(text))


@functools.lru_cache(maxsize=4096)
def _first_day(text: str) -> str:
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:Z|[+-]\d{2}:\d{2})?", text.strip())
    if not match:
        raise ValueError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = match.groups()
    if (month is not None and not 1 <= int(month) <= 12) or (day is not None and not 1 <= int(day) <= 31):
        raise ValueError(f"not a date: {text!r}")
    return f"{year}-{month or '01'}-{day or '01'}"


def certainty_rank(level: str | None) -> int:
    """The rank of a certainty level name (case-insensitive); ``None`` means no threshold (0).

    >>> certainty_rank("Planned")
    3
    """
    if level is None:
        return 0
    try:
        return CERTAINTY_RANK[level.lower()]
    except KeyError:
        raise ValueError(f"unknown certainty level {level!r} (use one of {', '.join(CERTAINTY_RANK)})") from None


def holds(edge_attrs: Mapping[str, Any], as_of: str | None = None, min_certainty: str | None = None) -> bool:
    """Whether a statement holds as of a date and is at least as sure as a level.

    A statement holds at D when it has started by D and not ended by D. It has started when its
    ``start_time`` (else ``point_in_time``) is on or before D, dates being compared by their first
    day; a planned or speculative statement's time is a target, so it starts instead at its
    source's publication date (``source_date``); a statement without a time has always held. It
    has ended when it has an ``end_time`` whose first day is on or before D. ``min_certainty``
    keeps statements whose rank is at least the level's.

    >>> st = {"certainty": "stated", "rank": 4, "start_time": "2019", "end_time": "2021-03"}
    >>> holds(st, "2018-12-31"), holds(st, "2019-01-01"), holds(st, "2021-02-28"), holds(st, "2021-03")
    (False, True, True, False)
    >>> plan = {"certainty": "planned", "rank": 3, "point_in_time": "2024", "source_date": "2021-03"}
    >>> holds(plan, "2021-03-01"), holds(plan, "2021-02"), holds(plan, None, "stated")
    (True, False, False)
    """
    if min_certainty is not None and edge_attrs.get("rank", 0) < certainty_rank(min_certainty):
        return False
    if as_of is None:
        return True
    day = _first_day(as_of)
    if edge_attrs.get("certainty") in TARGET_DATED:
        began = edge_attrs.get("source_date")
    else:
        began = edge_attrs.get("start_time") or edge_attrs.get("point_in_time")
    if began is not None and _first_day(began) > day:
        return False
    ended = edge_attrs.get("end_time")
    return not (ended is not None and _first_day(ended) <= day)


def _check_filters(as_of: str | None, min_certainty: str | None) -> None:
    if as_of is not None:
        normalize_date(as_of)
    certainty_rank(min_certainty)


# --------------------------------------------------------------------------- the mirror


def _rows(store: pyoxigraph.Store, text: str) -> Iterable[list]:
    from graph.query import run

    results = run(store, text, source="mirror")
    width = len(results.variables)
    for solution in results:
        yield [solution[i] for i in range(width)]


def _value(term) -> str | None:
    return None if term is None else term.value


def mirror(store: pyoxigraph.Store) -> nx.MultiDiGraph:
    """The built graph as a networkx ``MultiDiGraph`` (see the module docstring for its layout).

    Nodes are added in sorted IRI order and edges in sorted statement order, so the same graph
    always gives the same mirror (layouts and community detection depend on that order).
    ``G.graph`` holds ``statements`` (the number of statement nodes read) and ``sources``.

    >>> from graph.store import open_store        # doctest: +SKIP
    >>> G = mirror(open_store("build"))            # doctest: +SKIP
    >>> G.nodes["https://w3id.org/spacekg/id/nasa"]["wikidata"]   # doctest: +SKIP
    'Q23548'
    """
    import networkx as nx
    import pyoxigraph as ox

    supers: dict[str, set[str]] = {}
    for sub, sup in _rows(store, _SUBCLASSES):
        supers.setdefault(sub.value, set()).add(sup.value)
    types: dict[str, set[str]] = {}
    for e, t in _rows(store, _TYPES):
        if isinstance(e, ox.NamedNode):
            types.setdefault(e.value, set()).add(t.value)
    names: dict[str, dict[str, list[str]]] = {}
    for e, p, v in _rows(store, _NAMES):
        if isinstance(e, ox.NamedNode):
            names.setdefault(e.value, {}).setdefault(_local(p.value), []).append(v.value)
    issued = {src.value: date.value if date is not None else None for src, date in _rows(store, _SOURCES)}
    goldstein = {et.value: float(g.value) for et, g in _rows(store, _GOLDSTEIN)}

    edges: list[tuple[str, str, str, dict]] = []
    attribute_statements: dict[str, list[dict]] = {}
    for row in _rows(store, _STATEMENTS):
        st, s, p, o, source, c, ev, es, ee, pit, start, end, prec, texpr, et, comment = row
        if not isinstance(s, ox.NamedNode):
            continue  # a statement about a blank node has no node to hang on
        certainty = _local(c.value).lower() if c is not None else None
        source_iri = _value(source)
        attrs = {
            "predicate": p.value,
            "relation": _local(p.value),
            "certainty": certainty,
            "rank": CERTAINTY_RANK.get(certainty, 0),
            "point_in_time": _value(pit),
            "start_time": _value(start),
            "end_time": _value(end),
            "precision": PRECISION_NAMES.get(prec.value) if prec is not None else None,
            "time_expression": _value(texpr),
            "source": source_iri,
            "source_date": issued.get(source_iri),
            "evidence": _value(ev),
            "evidence_start": int(es.value) if es is not None else None,
            "evidence_end": int(ee.value) if ee is not None else None,
            "event_type": et.value[len(CAMEO):] if et is not None and et.value.startswith(CAMEO) else _value(et),
            "goldstein": goldstein.get(et.value) if et is not None else None,
            "comment": _value(comment),
            "comment_lang": (comment.language or None) if isinstance(comment, ox.Literal) else None,
        }
        if isinstance(o, ox.NamedNode) and p.value != RDF_TYPE:
            edges.append((s.value, o.value, st.value, attrs))
        elif isinstance(o, ox.Literal | ox.NamedNode):
            record = dict(attrs, key=st.value, object=o.value)
            if isinstance(o, ox.Literal):
                record.update(object_kind="literal", datatype=o.datatype.value, language=o.language or None)
            else:
                record.update(object_kind="iri", datatype=None, language=None)
            attribute_statements.setdefault(s.value, []).append(record)

    G = nx.MultiDiGraph()
    nodes = set(types) | {u for u, _, _, _ in edges} | {v for _, v, _, _ in edges} | set(attribute_statements)
    actor = SPACE + "Actor"
    for iri in sorted(nodes):
        classes = types.get(iri, set())
        specific = sorted(_local(t) for t in classes if not any(t in supers.get(o, ()) for o in classes if o != t))
        info = names.get(iri, {})
        labels = sorted(info.get("label", []))
        wikidata = sorted(v[len(WD):] for v in info.get("sameAs", []) if v.startswith(WD))
        acronyms = sorted(info.get("acronym", []))
        records = sorted(attribute_statements.get(iri, []), key=lambda r: r["key"])
        literals: dict[str, list[str]] = {}
        for record in records:
            if record["object_kind"] == "literal":
                literals.setdefault(record["relation"], []).append(record["object"])
        G.add_node(
            iri,
            label=labels[0] if labels else shorten(iri),
            type=specific[0] if specific else None,
            wikidata=wikidata[0] if wikidata else None,
            acronym=acronyms[0] if acronyms else None,
            aliases=sorted(set(info.get("altLabel", []))),
            country=min(info.get("basedIn", []), default=None),
            actor=any(t == actor or actor in supers.get(t, ()) for t in classes),
            literals=literals,
            attribute_statements=records,
        )
    edges.sort(key=lambda edge: edge[2])
    G.add_edges_from(edges)
    G.graph["statements"] = len(edges) + sum(len(r) for r in attribute_statements.values())
    G.graph["sources"] = sorted(issued)
    return G


def statements(G: nx.MultiDiGraph) -> Iterable[tuple[str, str | None, str, dict]]:
    """Every statement of a mirror as ``(subject, object IRI or None, key, attrs)``, edges first."""
    yield from G.edges(keys=True, data=True)
    for node, records in G.nodes(data="attribute_statements"):
        for record in records or ():
            yield node, None, record["key"], record


# --------------------------------------------------------------------------- projections


def _accumulate(
    G: nx.MultiDiGraph, predicates: frozenset[str], as_of, min_certainty, *, ordered: bool = False
) -> dict[tuple[str, str], list[tuple]]:
    """The statements of ``predicates`` that hold, grouped by pair of nodes (self-loops skipped).

    Each item is ``(predicate, goldstein, key, rank, certainty, relation)``. Pairs are unordered
    (``u < v``) unless ``ordered``. One pass into plain dicts, then one ``add_edges_from``: several
    times faster than growing a graph edge by edge. The mirror's edges are sorted by statement,
    so the grouping, and the graphs built from it, are deterministic.
    """
    _check_filters(as_of, min_certainty)
    unfiltered = as_of is None and min_certainty is None
    pairs: dict[tuple[str, str], list[tuple]] = {}
    for u, v, key, attrs in G.edges(keys=True, data=True):
        predicate = attrs.get("predicate")
        if predicate not in predicates or u == v or not (unfiltered or holds(attrs, as_of, min_certainty)):
            continue
        pair = (u, v) if ordered or u < v else (v, u)
        item = (predicate, attrs.get("goldstein"), key, attrs["rank"], attrs["certainty"], attrs["relation"])
        found = pairs.get(pair)
        if found is None:
            pairs[pair] = [item]
        else:
            found.append(item)
    return pairs


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


def _weighted(G, predicate: str, as_of, min_certainty, magnitude: bool) -> nx.Graph:
    import networkx as nx

    pairs = _accumulate(G, frozenset({predicate}), as_of, min_certainty)
    edges = []
    for (u, v), items in pairs.items():
        weight = 0.0
        for item in items:
            g = item[1]
            weight += 1.0 if g is None else (abs(g) if magnitude else float(g))
        rank, certainty = _surest(items)
        edges.append(
            (u, v, {"weight": weight, "count": len(items), "statements": _keys(items), "certainty": certainty,
                    "rank": rank})
        )
    P = nx.Graph()
    _with_nodes(G, P, pairs)
    P.add_edges_from(edges)
    return P


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
    P = _weighted(G, PARTNERSHIP, as_of, min_certainty, magnitude=False)
    for a, b in P.edges():
        P[a][b]["via"] = []
    if through_joint_membership:
        _add_joint_membership_ties(G, P, as_of, min_certainty)
        rivals = {n for pair in _accumulate(G, frozenset({RIVALRY}), as_of, min_certainty) for n in pair}
        _add_national_ties(G, P, set(P) | rivals)
    return P


def _add_national_ties(G: nx.MultiDiGraph, P: nx.Graph, present: set[str]) -> None:
    """Tie each present actor to its country when the country is present too (see :data:`NATIONAL_TIE`)."""
    for actor in sorted(present):
        country = G.nodes[actor].get("country")
        if country is None or country == actor or country not in present:
            continue
        for node in (actor, country):
            if node not in P:
                P.add_node(node, **G.nodes[node])
        if P.has_edge(actor, country):
            P[actor][country]["weight"] += NATIONAL_TIE
            P[actor][country]["via"] = sorted({*P[actor][country]["via"], SPACE + "basedIn"})
        else:
            P.add_edge(actor, country, weight=NATIONAL_TIE, count=0, statements=[], via=[SPACE + "basedIn"],
                       certainty="stated", rank=4)


def _add_joint_membership_ties(G: nx.MultiDiGraph, P: nx.Graph, as_of, min_certainty) -> None:
    # joined thing -> actor -> its surest joining statement (goldstein, key, rank, certainty)
    joiners: dict[str, dict[str, tuple]] = {}
    for (actor, joined), items in _accumulate(G, JOINING_RELATIONS, as_of, min_certainty, ordered=True).items():
        if G.nodes[actor].get("actor") and not G.nodes[joined].get("actor"):
            best = max(items, key=lambda item: (item[3], item[2]))
            joiners.setdefault(joined, {})[actor] = best[1:5]
    for joined in sorted(joiners):
        members = sorted(joiners[joined])
        for a, b, share in _joint_pairs(members):
            (g_a, key_a, rank_a, cert_a), (g_b, key_b, rank_b, cert_b) = joiners[joined][a], joiners[joined][b]
            weight = min(1.0 if g is None else float(g) for g in (g_a, g_b)) * share
            rank, certainty = (rank_a, cert_a) if rank_a <= rank_b else (rank_b, cert_b)
            for node in (a, b):
                if node not in P:
                    P.add_node(node, **G.nodes[node])
            if P.has_edge(a, b):
                data = P[a][b]
                data["weight"] += weight
                data["count"] += 2
                data["statements"] = sorted({*data["statements"], key_a, key_b})
                data["via"] = sorted({*data["via"], joined})
                if rank > data["rank"]:
                    data["rank"], data["certainty"] = rank, certainty
            else:
                P.add_edge(a, b, weight=weight, count=2, statements=sorted((key_a, key_b)), via=[joined],
                           certainty=certainty, rank=rank)


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


def rivalry_graph(G: nx.MultiDiGraph, *, as_of: str | None = None, min_certainty: str | None = None) -> nx.Graph:
    """Actors linked by ``:rivalOf`` statements that hold; ``weight`` sums ``|Goldstein|`` (1.0 if none)."""
    return _weighted(G, RIVALRY, as_of, min_certainty, magnitude=True)


def signed_graph(
    G: nx.MultiDiGraph,
    *,
    as_of: str | None = None,
    min_certainty: str | None = None,
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

    P = partnership_graph(G, as_of=as_of, min_certainty=min_certainty,
                          through_joint_membership=through_joint_membership)
    R = rivalry_graph(G, as_of=as_of, min_certainty=min_certainty)
    none = {"weight": 0.0, "count": 0, "statements": [], "rank": 0, "certainty": None}
    S = nx.Graph()
    for node in sorted(set(P) | set(R)):
        S.add_node(node, **G.nodes[node])
    pairs = sorted({tuple(sorted(e)) for e in P.edges()} | {tuple(sorted(e)) for e in R.edges()})
    for u, v in pairs:
        p, r = P.get_edge_data(u, v, none), R.get_edge_data(u, v, none)
        sign = 1 if P.has_edge(u, v) and (not R.has_edge(u, v) or p["weight"] > r["weight"]) else -1
        surest = p if p["rank"] >= r["rank"] else r
        S.add_edge(
            u, v, sign=sign, weight=p["weight"] if sign > 0 else r["weight"],
            partnership_weight=p["weight"], rivalry_weight=r["weight"],
            partnership_count=p["count"], rivalry_count=r["count"],
            statements=sorted({*p["statements"], *r["statements"]}),
            certainty=surest["certainty"], rank=surest["rank"],
        )
    return S


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


def filtered(G: nx.MultiDiGraph, *, as_of: str | None = None, min_certainty: str | None = None) -> nx.MultiDiGraph:
    """The mirror restricted to the edges that hold (all nodes kept); the ``full`` projection."""
    _check_filters(as_of, min_certainty)
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
        raise ValueError(f"unknown projection {name!r} (use one of {', '.join(PROJECTIONS)})") from None
    return function(G, as_of=as_of, min_certainty=min_certainty)


# --------------------------------------------------------------------------- back to RDF

_DATATYPE_OF = (
    (re.compile(r"-?\d{4}-\d{2}-\d{2}.*"), XSD + "date"),
    (re.compile(r"-?\d{4}-\d{2}"), XSD + "gYearMonth"),
    (re.compile(r"-?\d{4}"), XSD + "gYear"),
)
_PRECISION_IRI = {name: iri for iri, name in PRECISION_NAMES.items()}


def _time_literal(value: str):
    from rdflib import Literal, URIRef

    for pattern, datatype in _DATATYPE_OF:
        if pattern.fullmatch(value):
            return Literal(value, datatype=URIRef(datatype))
    return Literal(value)


def _add_statement(g: rdflib.Graph, subject: str, obj, key: str, attrs: Mapping[str, Any]) -> None:
    """The plain triple and the statement node of one statement (``obj`` an rdflib term)."""
    from rdflib import RDF, RDFS, Literal, URIRef
    from rdflib.namespace import PROV

    S = URIRef
    st, s, p = S(key), S(subject), S(attrs["predicate"])
    g.add((s, p, obj))
    g.add((st, RDF.type, S(SPACE + "Statement")))
    g.add((st, RDF.subject, s))
    g.add((st, RDF.predicate, p))
    g.add((st, RDF.object, obj))
    if attrs.get("source"):
        g.add((st, PROV.wasDerivedFrom, S(attrs["source"])))
    if attrs.get("certainty"):
        g.add((st, S(SPACE + "certainty"), S(SPACE + attrs["certainty"].capitalize())))
    if attrs.get("evidence") is not None:
        g.add((st, S(SPACE + "evidence"), Literal(attrs["evidence"])))
    for name, prop in (("evidence_start", "evidenceStart"), ("evidence_end", "evidenceEnd")):
        if attrs.get(name) is not None:
            # xsd:integer, as the build writes them (Oxigraph would store a derived type as integer anyway)
            g.add((st, S(SPACE + prop), Literal(str(attrs[name]), datatype=S(XSD + "integer"))))
    for name, prop in (("point_in_time", "pointInTime"), ("start_time", "startTime"), ("end_time", "endTime")):
        if attrs.get(name) is not None:
            g.add((st, S(SPACE + prop), _time_literal(attrs[name])))
    if attrs.get("precision") is not None:
        g.add((st, S(SPACE + "timePrecision"), S(_PRECISION_IRI[attrs["precision"]])))
    if attrs.get("time_expression") is not None:
        g.add((st, S(SPACE + "timeExpression"), Literal(attrs["time_expression"])))
    if attrs.get("event_type") is not None:
        code = attrs["event_type"]
        g.add((st, S(SPACE + "eventType"), S(code if "://" in code else CAMEO + code)))
    if attrs.get("comment") is not None:
        g.add((st, RDFS.comment, Literal(attrs["comment"], lang=attrs.get("comment_lang"))))


def to_rdf(G: nx.MultiDiGraph) -> rdflib.Graph:
    """The statements of a mirror as RDF: each plain triple and its statement node with every attribute.

    The inverse of :func:`mirror` for the statement part of the graph: ``to_rdf(mirror(store))``
    is isomorphic to the triples of the store's statement nodes plus their plain triples. Times
    get their datatype back from their lexical form (``2021-03`` is an ``xsd:gYearMonth``).
    """
    from rdflib import Graph, Literal, URIRef

    g = Graph()
    for prefix in ("space", "kg", "src", "stmt", "cameo", "prov", "time", "xsd"):
        g.bind(prefix, PREFIXES[prefix])
    for u, v, key, attrs in G.edges(keys=True, data=True):
        _add_statement(g, u, URIRef(v), key, attrs)
    for node, records in G.nodes(data="attribute_statements"):
        for record in records or ():
            if record["object_kind"] == "iri":
                obj = URIRef(record["object"])
            elif record.get("language"):
                obj = Literal(record["object"], lang=record["language"])
            else:
                obj = Literal(record["object"], datatype=URIRef(record["datatype"]) if record["datatype"] else None)
            _add_statement(g, node, obj, record["key"], record)
    return g


def results_to_rdf(
    *,
    blocs: Iterable[Iterable[str]] = (),
    scores: Mapping[str, Mapping[str, float]] | None = None,
    method: str,
    computed_at: datetime | None = None,
    as_of: str | None = None,
    min_certainty: str | None = None,
    bloc_labels: Iterable[str] | None = None,
) -> rdflib.Graph:
    """Analysis results as RDF, to be queried with SPARQL beside the facts.

    One ``prov:Activity`` stands for the run (``rdfs:comment`` = ``method``, ``space:asOf``,
    ``space:minCertainty``). Each bloc is a ``space:Bloc`` (an
    ``org:OrganizationalCollaboration``) with ``org:hasMember`` links; each score is a
    ``space:CentralityScore`` with ``space:scoreOf`` (the actor), ``space:measure``,
    ``space:scoreValue``, ``prov:generatedAtTime`` and ``prov:wasGeneratedBy`` (the run).
    IRIs live under ``https://w3id.org/spacekg/result/<run>/``, the run id hashing the time,
    method and filters, so two runs never collide and one run always gets the same IRIs.

    Examples
    --------
    >>> from datetime import datetime, UTC
    >>> g = results_to_rdf(blocs=[["https://w3id.org/spacekg/id/cnsa"]],
    ...                    scores={"degree": {"https://w3id.org/spacekg/id/cnsa": 1.0}},
    ...                    method="demo", computed_at=datetime(2026, 1, 1, tzinfo=UTC))
    >>> len(g)
    14
    """
    from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import PROV

    ORG = Namespace(PREFIXES["org"])
    SP = Namespace(SPACE)
    computed_at = computed_at or datetime.now(UTC)
    stamp = Literal(computed_at.isoformat(), datatype=URIRef(XSD + "dateTime"))
    run_id = hashlib.sha1(f"{computed_at.isoformat()}|{method}|{as_of}|{min_certainty}".encode()).hexdigest()[:12]
    base = f"{RESULT}{run_id}/"
    g = Graph()
    for prefix in ("space", "kg", "prov", "org", "xsd"):
        g.bind(prefix, PREFIXES[prefix])
    g.bind("result", base)
    run = URIRef(base + "run")
    g.add((run, RDF.type, PROV.Activity))
    g.add((run, RDFS.label, Literal(f"SpaceKG analysis run {run_id}", lang="en")))
    g.add((run, RDFS.comment, Literal(method, lang="en")))
    if as_of is not None:
        g.add((run, SP.asOf, _time_literal(as_of)))
    if min_certainty is not None:
        certainty_rank(min_certainty)
        g.add((run, SP.minCertainty, SP[min_certainty.capitalize()]))
    labels = list(bloc_labels) if bloc_labels is not None else None
    for i, members in enumerate(blocs, start=1):
        bloc = URIRef(f"{base}bloc-{i}")
        g.add((bloc, RDF.type, SP.Bloc))
        label = labels[i - 1] if labels is not None else f"bloc {i}"
        g.add((bloc, RDFS.label, Literal(label, lang="en")))
        g.add((bloc, PROV.generatedAtTime, stamp))
        g.add((bloc, PROV.wasGeneratedBy, run))
        for member in sorted(members):
            g.add((bloc, ORG.hasMember, URIRef(member)))
    for measure, values in sorted((scores or {}).items()):
        for actor, value in sorted(values.items()):
            score = URIRef(f"{base}{measure}/{_local(actor)}")
            g.add((score, RDF.type, SP.CentralityScore))
            g.add((score, SP.scoreOf, URIRef(actor)))
            g.add((score, SP.measure, Literal(measure)))
            g.add((score, SP.scoreValue, Literal(float(value), datatype=URIRef(XSD + "double"))))
            g.add((score, PROV.generatedAtTime, stamp))
            g.add((score, PROV.wasGeneratedBy, run))
    return g


# --------------------------------------------------------------------------- export


def _plain(value: Any) -> Any:
    """A value GraphML and GEXF can store: lists and dicts as sorted-key JSON text, ints/floats/bools/str as is."""
    if isinstance(value, bool | int | float | str):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def exportable(P: nx.Graph) -> nx.Graph:
    """A copy of ``P`` whose attributes GraphML and GEXF can hold.

    ``None`` values are left out (both formats read a missing attribute as unknown), lists and
    dicts become JSON text (sorted keys), so the conversion is deterministic and reversible.
    """
    H = P.__class__()
    H.add_nodes_from((n, {k: _plain(v) for k, v in d.items() if v is not None}) for n, d in P.nodes(data=True))
    if P.is_multigraph():
        # The key (the statement IRI) also goes in as an attribute: GEXF numbers its edges itself.
        H.add_edges_from(
            (u, v, key, {"statement": str(key), **{k: _plain(x) for k, x in d.items() if x is not None}})
            for u, v, key, d in P.edges(keys=True, data=True)
        )
    else:
        H.add_edges_from(
            (u, v, {k: _plain(x) for k, x in d.items() if x is not None}) for u, v, d in P.edges(data=True)
        )
    return H


def export_bytes(P: nx.Graph, fmt: str) -> bytes:
    """``P`` serialised as ``graphml`` or ``gexf`` (attributes converted by :func:`exportable`)."""
    import networkx as nx

    H = exportable(P)
    if fmt == "graphml":
        lines = nx.generate_graphml(H)
    elif fmt == "gexf":
        lines = nx.generate_gexf(H)
    else:
        raise ValueError(f"unknown export format {fmt!r} (use graphml or gexf)")
    return ("\n".join(lines) + "\n").encode("utf-8")
