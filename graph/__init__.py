"""SpaceKG: a provenance-tracked knowledge graph of space agencies and missions.

The package is organised one module per concern:

- :mod:`graph.namespaces` - the IRIs of terms, entities, sources and statements
- :mod:`graph.model` - the statement (:class:`~graph.model.Statement`), written once;
  :mod:`graph.qualifiers` - its certainty (levels ranked by the ontology) and its times (one
  parser); :mod:`graph.terms` - IRIs and literals as plain values
- :mod:`graph.paths` - where the ontology, shapes, catalog and sources live
- :mod:`graph.files` - writing a file whole or not at all
- :mod:`graph.sources` - source articles: metadata, text, hash
- :mod:`graph.statements` - curated statements read from Turtle, written back, compiled into RDF
- :mod:`graph.checks` - evidence, entity and ontology checks, SHACL validation
- :mod:`graph.build` - assembling, validating and writing the graph
- :mod:`graph.conformance` - graphs already found to conform to the shapes (not validated again)
- :mod:`graph.store` - the persisted build (Oxigraph) and how it is opened
- :mod:`graph.query` - SPARQL: running queries, binding values, result formats;
  :mod:`graph.named` - the named queries of ``ontology/queries`` (``NamedQuery.bind``);
  :mod:`graph.params` - their typed parameters (entity, class, certainty, date, IRI), resolved
- :mod:`graph.server` - the read-only SPARQL 1.1 Protocol endpoint (``spacekg serve``)
- :mod:`graph.remote` - remote SPARQL stores: querying them, pushing the graph into them
- :mod:`graph.mirror` - the graph mirrored in networkx: ``reading`` (the only part that reads the
  store), ``filters``, ``projections``, ``export`` (back to RDF, GraphML, GEXF)
- :mod:`graph.analysis` - ``centrality``, ``blocs`` (communities, camps, balance), ``explain``
  (chains that explain a link, timelines), ``names``, ``report``
- :mod:`graph.maps` - PNG relationship maps: ``spec`` (kinds, styles), ``geometry``, ``layout``,
  ``timeline``, ``drawing``, and ``from_store``, the only part that reads the store
- :mod:`graph.text`, :mod:`graph.linking`, :mod:`graph.extraction`, :mod:`graph.ingest` - from an
  article's text to reviewed statements
- :mod:`graph.cli` (with :mod:`graph.cli_analysis` and :mod:`graph.cli_articles`) - the ``spacekg``
  command line, a thin layer over the modules above

Every error derives from :class:`graph.errors.SpaceKGError`, which carries the command line's
exit code.
"""

from graph.errors import SpaceKGError

__version__ = "0.1.0"
__all__ = ["SpaceKGError", "__version__"]
