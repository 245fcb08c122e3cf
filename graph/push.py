"""``spacekg push``: load the built graph into a remote store, all or nothing.

Both modes first load every graph into a temporary graph of its own
(``https://w3id.org/spacekg/push/<token>/<n>``), so a graph the store refuses (too large, a
term it cannot take) fails the push before any graph of the store has changed; the temporary
graphs are then removed and the store is as it was.

- SPARQL 1.1 Update (``--update``): each graph is loaded with ``INSERT DATA`` into its temporary
  graph, then one request ``MOVE``\\ s every temporary graph onto its real one. One update request
  is one transaction on Oxigraph, Fuseki and Virtuoso: the store shows the old graphs or the new
  ones, never a mix.
- Graph Store Protocol (the default): each graph is ``PUT`` into its temporary graph, then into
  its real graph, then the temporary graphs are ``DELETE``\\ d. The protocol has no way to swap
  graphs in one step, so the replacement itself is graph by graph; but it starts only once the
  store has taken every graph's data.

Blank nodes are skolemised (RFC 3987 IRIs under ``https://w3id.org/spacekg/.well-known/genid/``,
as RDF 1.1 section 3.5 describes): a blank node cannot be named across requests, and Virtuoso
refuses them in ``INSERT DATA``. The same blank node of the build gets the same IRI in every graph.
"""

from __future__ import annotations

import contextlib
import urllib.parse
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from graph.errors import EndpointError
from graph.namespaces import BASE, PREFIXES
from graph.remote import QUERY_TIMEOUT, _message, check_stored, http, what_graph

if TYPE_CHECKING:
    import pyoxigraph

GENID = BASE + ".well-known/genid/"
STAGING = BASE + "push/"


@dataclass(frozen=True)
class Pushed:
    """One graph sent to a remote store: its name (``None`` for the default graph) and size."""

    graph: str | None
    triples: int


def skolemise(triples: list) -> list:
    """``triples`` with every blank node replaced by its IRI under :data:`GENID`."""
    import pyoxigraph as ox

    def term(node):
        return ox.NamedNode(GENID + node.value) if isinstance(node, ox.BlankNode) else node

    return [ox.Triple(term(t.subject), t.predicate, term(t.object)) for t in triples]


def batches(store: pyoxigraph.Store, graph: str | None) -> list[tuple[str | None, list]]:
    """The graphs to send: ``(name or None for the default graph, skolemised triples)``."""
    import pyoxigraph as ox

    found: list[tuple[str | None, list]] = []
    if graph is not None:
        # a triple in several graphs goes once
        union = dict.fromkeys(q.triple for q in store.quads_for_pattern(None, None, None, None))
        found.append((graph, list(union)))
    else:
        default = [q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())]
        if default:
            found.append((None, default))
        for name in sorted(store.named_graphs(), key=str):
            if not isinstance(name, ox.NamedNode):
                raise EndpointError(f"cannot push the blank-node graph {name}: name it first")
            found.append((name.value, [q.triple for q in store.quads_for_pattern(None, None, None, name)]))
    return [(name, skolemise(triples)) for name, triples in found]


def push(store: pyoxigraph.Store, endpoint: str, *, graph: str | None = None, update: bool = False,
         headers: Mapping[str, str] | None = None, timeout: float = QUERY_TIMEOUT) -> list[Pushed]:
    """Load the graph of ``store`` into a remote store, replacing the graphs it sends, all or nothing.

    Parameters
    ----------
    store
        The built graph (:func:`graph.store.open_store`).
    endpoint
        The Graph Store Protocol URL (Oxigraph ``/store``, Fuseki ``/DATASET/data``, GraphDB
        ``/repositories/REPO/rdf-graphs/service``, Virtuoso ``/sparql-graph-crud``), or with
        ``update=True`` the SPARQL Update URL (Oxigraph ``/update``, Fuseki ``/DATASET/update``,
        Virtuoso ``/sparql``).
    graph
        Put every triple in this one graph instead of keeping one graph per source.
    update
        Use SPARQL 1.1 Update (``INSERT DATA`` then one ``MOVE`` request) instead of ``PUT``.

    Returns
    -------
    list[Pushed]
        The graphs sent, in order.
    """
    sent = batches(store, graph)
    token = uuid.uuid4().hex[:12]
    staged: list[str] = []
    options = {"headers": headers, "timeout": timeout}
    try:
        for index, (name, triples) in enumerate(sent):
            temporary = f"{STAGING}{token}/{index}"
            staged.append(temporary)
            if update:
                _insert(endpoint, temporary, triples, name, **options)
            else:
                _put(endpoint, temporary, triples, name, **options)
    except EndpointError:
        _discard(endpoint, staged, update, **options)
        raise
    try:
        if update:
            _move(endpoint, [(temporary, name) for temporary, (name, _) in zip(staged, sent, strict=True)],
                  **options)
        else:
            for done, (name, triples) in enumerate(sent):
                _put(endpoint, name, triples, name, note=f"; {done} of {len(sent)} graphs were replaced", **options)
    finally:
        _discard(endpoint, staged, update, **options)
    return [Pushed(name, len(triples)) for name, triples in sent]


def _put(endpoint: str, target: str | None, triples: list, name: str | None, *, headers, timeout: float,
         note: str = "; no graph of the store was changed") -> None:
    """``PUT`` ``triples`` as Turtle into graph ``target`` (``None``: the default graph)."""
    import pyoxigraph as ox

    query_part = "default" if target is None else urllib.parse.urlencode({"graph": target})
    url = f"{endpoint}{'&' if '?' in endpoint else '?'}{query_part}"
    prefixes = {p: iri for p, iri in PREFIXES.items() if p}
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    response = http("PUT", url, data=data, content_type="text/turtle; charset=utf-8", headers=headers, timeout=timeout)
    if response.status >= 300:
        raise EndpointError(
            f"the store at {endpoint} refused {what_graph(name)} (HTTP {response.status}): {_message(response)}"
            + (" - is this its Graph Store Protocol URL? (for a SPARQL Update URL add --update)"
               if response.status in (404, 405) else "")
            + note
        )
    check_stored(response, endpoint=endpoint, what=what_graph(name), sent=len(triples))


def _update(endpoint: str, text: str, what: str, *, headers, timeout: float,
            note: str = "; no graph of the store was changed") -> None:
    response = http("POST", endpoint, data=text.encode("utf-8"), content_type="application/sparql-update",
                    headers=headers, timeout=timeout)
    if response.status >= 300:
        raise EndpointError(
            f"the SPARQL Update endpoint {endpoint} refused {what} (HTTP {response.status}): {_message(response)}"
            + note
        )
    check_stored(response, endpoint=endpoint, what=what, sent=None)


def _insert(endpoint: str, temporary: str, triples: list, name: str | None, **options) -> None:
    import pyoxigraph as ox

    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    text = f"DROP SILENT GRAPH <{temporary}> ;\nINSERT DATA {{ GRAPH <{temporary}> {{\n{data}}} }}\n"
    _update(endpoint, text, what_graph(name), **options)


def _move(endpoint: str, moves: list[tuple[str, str | None]], **options) -> None:
    """One update request that moves every temporary graph onto its real graph."""
    text = " ;\n".join(f"MOVE SILENT GRAPH <{temporary}> TO {'DEFAULT' if name is None else f'<{name}>'}"
                       for temporary, name in moves)
    _update(endpoint, text + "\n", "the swap of the loaded graphs (one request: all or none)", **options)


def _discard(endpoint: str, staged: list[str], update: bool, *, headers, timeout: float) -> None:
    """Remove the temporary graphs, as far as the store lets us (the push has failed or is done)."""
    for temporary in staged:
        with contextlib.suppress(EndpointError):
            if update:
                http("POST", endpoint, data=f"DROP SILENT GRAPH <{temporary}>".encode(),
                     content_type="application/sparql-update", headers=headers, timeout=timeout)
            else:
                query_part = urllib.parse.urlencode({"graph": temporary})
                http("DELETE", f"{endpoint}{'&' if '?' in endpoint else '?'}{query_part}", headers=headers,
                     timeout=timeout)


def push_build(build_dir: Path, endpoint: str, **options) -> list[Pushed]:
    """:func:`push` the graph built in ``build_dir``."""
    from graph.store import open_store

    return push(open_store(build_dir), endpoint, **options)
