"""The graph mirrored in networkx, its projections, and the way back to RDF.

:func:`mirror` (:mod:`~graph.mirror.reading`, the only part that talks to the store) reads the built
store with five SPARQL queries (statements, entity names, entity
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
  :data:`graph.model.EDGE_ATTRIBUTES`. Several statements of one fact (one per source) are parallel edges.

Literals and ``rdf:type`` are attributes, never nodes (unlike rdflib's
``rdflib_to_networkx_multidigraph``). Each record of ``attribute_statements`` is a dict with the
edge attributes plus ``key`` (statement IRI), ``object`` (lexical value or class IRI),
``object_kind`` (``"literal"`` or ``"iri"``), ``datatype`` and ``language``, so that
:func:`to_rdf` (:mod:`~graph.mirror.export`) can write every statement back: each edge and record is
a :class:`graph.model.Statement` again (:func:`facts`).

:func:`cached_mirror` (:mod:`~graph.mirror.cache`) gives the same graph, kept as a pickle in the
build's own folder after the first read, so that every later map and analysis of that build loads
it instead of reading the store again.

Projections (:mod:`~graph.mirror.projections`: :func:`partnership_graph`, :func:`rivalry_graph`,
:func:`signed_graph`, :func:`membership_graph`) are undirected simple graphs over the statements
that :func:`holds` (:mod:`~graph.mirror.filters`)
under an ``as_of`` date and a ``min_certainty`` level; their nodes are the entities those
statements link, with the attributes of the mirror.
"""

from graph.lazy import lazy_exports

# Each name loads with the module that defines it, on first use (graph/lazy.py).
__getattr__, __dir__ = lazy_exports(__name__, ("reading", "cache", "filters", "projections", "export", "graph.model"))
