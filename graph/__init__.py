"""SpaceKG: a provenance-tracked knowledge graph of space agencies and missions.

The package is organised one module per concern:

- :mod:`graph.namespaces` - the IRIs of terms, entities, sources and statements
- :mod:`graph.paths` - where the ontology, shapes, catalog and sources live
- :mod:`graph.sources` - source articles: metadata, text, hash
- :mod:`graph.statements` - curated statements compiled into plain triples and statement nodes
- :mod:`graph.checks` - evidence, entity and ontology checks, SHACL validation
- :mod:`graph.build` - assembling, validating and writing the graph
- :mod:`graph.store` - the persisted build (Oxigraph) and how it is opened
- :mod:`graph.query` - SPARQL: running queries, named queries, parameters, result formats
- :mod:`graph.server` - the read-only SPARQL 1.1 Protocol endpoint (``spacekg serve``)
- :mod:`graph.remote` - remote SPARQL stores: querying them, pushing the graph into them
- :mod:`graph.mirror` - the graph mirrored in networkx, its projections, and the way back to RDF
- :mod:`graph.analysis` - blocs, balance, centrality, chains that explain a link, timelines
- :mod:`graph.maps` - PNG relationship maps (layout, then drawing)
- :mod:`graph.text`, :mod:`graph.linking`, :mod:`graph.extraction`, :mod:`graph.ingest` - from an
  article's text to reviewed statements
- :mod:`graph.cli` - the ``spacekg`` command line, a thin layer over the modules above

Every error derives from :class:`graph.errors.SpaceKGError`, which carries the command line's
exit code.
"""

from graph.errors import SpaceKGError

__version__ = "0.1.0"
__all__ = ["SpaceKGError", "__version__"]
