"""SpaceKG: a provenance-tracked knowledge graph of space agencies and missions.

The package is organised one module per concern:

- :mod:`graph.namespaces` - the IRIs of terms, entities, sources and statements
- :mod:`graph.paths` - where the ontology, shapes, catalog and sources live
- :mod:`graph.sources` - source articles: metadata, text, hash
- :mod:`graph.statements` - curated statements compiled into plain triples and statement nodes
- :mod:`graph.checks` - evidence, entity and ontology checks, SHACL validation
- :mod:`graph.build` - assembling, validating and writing the graph
- :mod:`graph.store` - the persisted build (Oxigraph) and how it is opened
- :mod:`graph.query` - SPARQL: running queries, named queries, result formats
- :mod:`graph.cli` - the ``spacekg`` command line
"""

from graph.errors import SpaceKGError

__version__ = "0.1.0"
__all__ = ["SpaceKGError", "__version__"]
