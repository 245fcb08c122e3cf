"""Reading the built store into the networkx mirror: the one layer of the mirror that talks to the store.

Five SPARQL queries (statements, entity names, entity types, sources, event types); each statement
row becomes a :class:`graph.model.Statement`, whose :meth:`~graph.model.Statement.attributes` are
the edge's attributes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from graph.errors import InputSyntaxError, UsageError
from graph.gcpause import paused_gc
from graph.model import Certainty, Evidence, Statement, TimeValue
from graph.namespaces import PREFIXES, SPACE, shorten
from graph.terms import Lit, local_name

if TYPE_CHECKING:
    import networkx as nx
    import pyoxigraph

RDF_TYPE = PREFIXES["rdf"] + "type"
WD = PREFIXES["wd"]

_STATEMENTS = """
SELECT ?st ?s ?p ?o ?source ?c ?ev ?es ?pit ?start ?end ?texpr ?et ?comment WHERE {
  ?st a :Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?st prov:wasDerivedFrom ?source }
  OPTIONAL { ?st :certainty ?c }
  OPTIONAL { ?st :evidence ?ev }
  OPTIONAL { ?st :evidenceStart ?es }
  OPTIONAL { ?st :pointInTime ?pit }
  OPTIONAL { ?st :startTime ?start }
  OPTIONAL { ?st :endTime ?end }
  OPTIONAL { ?st :timeExpression ?texpr }
  OPTIONAL { ?st :eventType ?et }
  OPTIONAL { ?st rdfs:comment ?comment }
}"""
# Entities are the subjects typed with an ontology class other than the bookkeeping ones.
ENTITY_PATTERN = """?e a ?t .
  FILTER (STRSTARTS(STR(?t), STR(:)) && ?t NOT IN (:Statement, :EventType, :Certainty))"""
_TYPES = "SELECT ?e ?t WHERE { " + ENTITY_PATTERN + " }"
_NAMES = (
    "SELECT DISTINCT ?e ?p ?v WHERE { VALUES ?p { rdfs:label skos:altLabel :acronym owl:sameAs :basedIn } ?e ?p ?v . "
    + ENTITY_PATTERN
    + " }"
)
# Direct subclass links only: the closure is taken here (:func:`superclasses`), because an unbound
# `?sub rdfs:subClassOf+ ?sup` is refused by Virtuoso ("transitive start not given").
_SUBCLASSES = "SELECT DISTINCT ?sub ?sup WHERE { ?sub rdfs:subClassOf ?sup }"
# a source whose article gives no date has no dcterms:issued: it is a source all the same
_SOURCES = "SELECT ?src ?issued WHERE { ?src a :SourceArticle OPTIONAL { ?src dcterms:issued ?issued } }"
_GOLDSTEIN = "SELECT ?et ?g WHERE { ?et :goldstein ?g }"


def superclasses(links: Iterable[tuple]) -> dict[str, set[str]]:
    """Every class's superclasses, direct or not (``rdfs:subClassOf+``), from the direct ``links``.

    Only named classes count: blank nodes and the IRIs a push gives them (``.well-known/genid/``,
    see :mod:`graph.push`) are walked through but not listed.
    """
    import pyoxigraph as ox

    from graph.push import GENID

    direct: dict = {}
    for sub, sup in links:
        direct.setdefault(sub, set()).add(sup)

    def named(term) -> bool:
        return isinstance(term, ox.NamedNode) and not term.value.startswith(GENID)

    closure: dict[str, set[str]] = {}
    for start in direct:
        if not named(start):
            continue
        seen, todo = set(), list(direct[start])
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo.extend(direct.get(node, ()))
        found = {n.value for n in seen if named(n)}
        if found:
            closure[start.value] = found
    return closure


def rows(store: pyoxigraph.Store, text: str, source: str = "mirror") -> Iterable[list]:
    """The solutions of a SELECT query on ``store``, each as a list of terms (``None`` when unbound)."""
    from graph.query import run

    results = run(store, text, source=source)
    width = len(results.variables)
    for solution in results:
        yield [solution[i] for i in range(width)]


def _value(term) -> str | None:
    return None if term is None else term.value


def _time(term, statement: str) -> TimeValue | None:
    if term is None:
        return None
    try:
        return TimeValue.parse(term.value)
    except UsageError as exc:
        raise InputSyntaxError(f"statement <{statement}>: {exc.message}") from None


def _number(term, kind: type, what: str):
    """A number stored in the graph, or an :class:`~graph.errors.InputSyntaxError` saying which one is not."""
    try:
        return kind(term.value)
    except ValueError:
        raise InputSyntaxError(f"{what}: {term.value!r} is not a number") from None


def _term(term) -> str | Lit:
    import pyoxigraph as ox

    if isinstance(term, ox.Literal):
        return Lit(term.value, term.datatype.value, term.language or None)
    return term.value


def statement_of(row: list) -> Statement:
    """The :class:`~graph.model.Statement` of one row of the statements query."""
    st, s, p, o, source, c, ev, es, pit, start, end, texpr, et, comment = row
    return Statement(
        s.value, p.value, _term(o),
        certainty=Certainty(c.value) if c is not None else None,
        evidence=Evidence(ev.value, _number(es, int, f"statement <{st.value}>: evidenceStart"))
        if ev is not None and es is not None else None,
        point_in_time=_time(pit, st.value), start_time=_time(start, st.value), end_time=_time(end, st.value),
        time_expression=_value(texpr),
        event_type=_value(et),
        comment=Lit(comment.value, language=getattr(comment, "language", None) or None) if comment else None,
        source=_value(source),
        iri=st.value,
    )


def _statements(store, issued: dict[str, str], goldstein: dict[str, float]) -> tuple[list, dict[str, list[dict]]]:
    """The edges (statements with an IRI object) and the attribute records (literals, types) by subject."""
    import pyoxigraph as ox

    edges: list[tuple[str, str, str, dict]] = []
    records: dict[str, list[dict]] = {}
    for row in rows(store, _STATEMENTS):
        if not isinstance(row[1], ox.NamedNode):
            continue  # a statement about a blank node has no node to hang on
        st = statement_of(row)
        attrs = st.attributes()
        attrs["source_date"] = issued.get(st.source) if st.source else None
        attrs["goldstein"] = goldstein.get(st.event_type) if st.event_type else None
        if isinstance(row[3], ox.NamedNode) and st.predicate != RDF_TYPE:
            edges.append((st.subject, st.object, st.iri, attrs))
        elif isinstance(st.object, Lit):
            records.setdefault(st.subject, []).append(dict(
                attrs, key=st.iri, object=st.object.value, object_kind="literal", datatype=st.object.datatype,
                language=st.object.language))
        elif isinstance(row[3], ox.NamedNode):
            records.setdefault(st.subject, []).append(dict(
                attrs, key=st.iri, object=st.object, object_kind="iri", datatype=None, language=None))
    return edges, records


def _entities(store) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, dict[str, list[str]]]]:
    """Superclasses by class, ontology classes by entity, and names by entity and property."""
    import pyoxigraph as ox

    supers = superclasses((sub, sup) for sub, sup in rows(store, _SUBCLASSES))
    types: dict[str, set[str]] = {}
    for e, t in rows(store, _TYPES):
        if isinstance(e, ox.NamedNode):
            types.setdefault(e.value, set()).add(t.value)
    names: dict[str, dict[str, list[str]]] = {}
    for e, p, v in rows(store, _NAMES):
        if isinstance(e, ox.NamedNode):
            names.setdefault(e.value, {}).setdefault(local_name(p.value), []).append(v.value)
    return supers, types, names


def node_attributes(iri: str, classes: set[str], supers: dict[str, set[str]], info: dict[str, list[str]],
                    records: list[dict]) -> dict[str, Any]:
    """The attributes of one node of the mirror (see :mod:`graph.mirror`)."""
    specific = sorted(local_name(t) for t in classes if not any(t in supers.get(o, ()) for o in classes if o != t))
    labels = sorted(info.get("label", []))
    wikidata = sorted(v[len(WD):] for v in info.get("sameAs", []) if v.startswith(WD))
    acronyms = sorted(info.get("acronym", []))
    literals: dict[str, list[str]] = {}
    for record in records:
        if record["object_kind"] == "literal":
            literals.setdefault(record["relation"], []).append(record["object"])
    actor = SPACE + "Actor"
    return {
        "label": labels[0] if labels else shorten(iri),
        "type": specific[0] if specific else None,
        "wikidata": wikidata[0] if wikidata else None,
        "acronym": acronyms[0] if acronyms else None,
        "aliases": sorted(set(info.get("altLabel", []))),
        "country": min(info.get("basedIn", []), default=None),
        "actor": any(t == actor or actor in supers.get(t, ()) for t in classes),
        "literals": literals,
        "attribute_statements": records,
    }


@paused_gc()  # hundreds of thousands of attribute dicts, no cycles (see graph.gcpause)
def mirror(store: pyoxigraph.Store) -> nx.MultiDiGraph:
    """The built graph as a networkx ``MultiDiGraph`` (see :mod:`graph.mirror` for its layout).

    Nodes are added in sorted IRI order and edges in sorted statement order, so the same graph
    always gives the same mirror (layouts and community detection depend on that order).
    ``G.graph`` holds ``statements`` (the number of statement nodes read) and ``sources``.

    >>> from graph.store import open_store        # doctest: +SKIP
    >>> G = mirror(open_store("build"))            # doctest: +SKIP
    >>> G.nodes["https://w3id.org/spacekg/id/nasa"]["wikidata"]   # doctest: +SKIP
    'Q23548'
    """
    import networkx as nx

    supers, types, names = _entities(store)
    issued = {src.value: date.value if date is not None else None for src, date in rows(store, _SOURCES)}
    goldstein = {et.value: _number(g, float, f"<{et.value}> goldstein") for et, g in rows(store, _GOLDSTEIN)}
    edges, records = _statements(store, issued, goldstein)
    G = nx.MultiDiGraph()
    nodes = set(types) | {u for u, _, _, _ in edges} | {v for _, v, _, _ in edges} | set(records)
    for iri in sorted(nodes):
        own = sorted(records.get(iri, []), key=lambda r: r["key"])
        G.add_node(iri, **node_attributes(iri, types.get(iri, set()), supers, names.get(iri, {}), own))
    edges.sort(key=lambda edge: edge[2])
    G.add_edges_from(edges)
    G.graph["statements"] = len(edges) + sum(len(r) for r in records.values())
    G.graph["sources"] = sorted(issued)
    return G


def display_name(G: nx.Graph, node: str) -> str:
    """How an entity is shown: its acronym, else its label, else its prefixed name."""
    data = G.nodes[node] if node in G else {}
    return str(data.get("acronym") or data.get("label") or shorten(node))


def statements(G: nx.MultiDiGraph) -> Iterable[tuple[str, str | None, str, dict]]:
    """Every statement of a mirror as ``(subject, object IRI or None, key, attrs)``, edges first."""
    yield from G.edges(keys=True, data=True)
    for node, records in G.nodes(data="attribute_statements"):
        for record in records or ():
            yield node, None, record["key"], record


def facts(G: nx.MultiDiGraph) -> Iterable[Statement]:
    """Every statement of a mirror as a :class:`~graph.model.Statement` (the way back to the model)."""
    for subject, obj, key, attrs in statements(G):
        if obj is None:
            obj = attrs["object"] if attrs["object_kind"] == "iri" else Lit(
                attrs["object"], attrs.get("datatype") if not attrs.get("language") else None, attrs.get("language"))
        yield Statement.from_attributes(subject, obj, key, attrs)
