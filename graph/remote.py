"""Remote SPARQL 1.1 stores: query an endpoint over HTTP, and push the built graph into one.

The embedded store serves one machine; a graph that outgrows it lives in the triple store an
organisation already runs (Oxigraph server, Apache Jena Fuseki, GraphDB, Virtuoso). This module
speaks the two W3C protocols they all share, with the standard library's HTTP client only:

- SPARQL 1.1 Protocol (queries): ``POST`` a form-encoded ``query=``, with SpaceKG's prefixes
  prepended as ``PREFIX`` lines (remote engines cannot predeclare them) and parameters bound
  by :func:`graph.query.bind`, so a named query means the same everywhere. The answer is parsed
  back into pyoxigraph results, so every ``--format`` of ``spacekg query`` works unchanged.
- SPARQL 1.1 Graph Store Protocol (push): one ``PUT ?graph=IRI`` of Turtle per named graph, so
  each source keeps its own graph; or SPARQL 1.1 Update (``DROP SILENT GRAPH`` + ``INSERT DATA``)
  for servers without the Graph Store Protocol.

Named queries read the default graph as the union of the named graphs, as the embedded store
does; configure the remote store the same way (Oxigraph: ``--union-default-graph``; Fuseki:
``tdb2:unionDefaultGraph true``; GraphDB and Virtuoso do so by default), or push with
``graph=IRI`` to put everything in one graph.

Credentials go in headers, never in the URL (URLs end up in logs and shell history): pass
``"Authorization: Bearer ..."`` as a header, or set ``SPACEKG_AUTH_HEADER`` to such a line.
"""

from __future__ import annotations

import json
import os
import urllib.parse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from graph import fetch
from graph.errors import EndpointError, QueryError
from graph.fetch import MAX_REPLY_BYTES, Response
from graph.namespaces import PREFIXES, sparql_prologue

if TYPE_CHECKING:
    import pyoxigraph

AUTH_ENV = "SPACEKG_AUTH_HEADER"
QUERY_TIMEOUT = 300.0
# SELECT/ASK answers in SPARQL JSON, graph answers in N-Triples: both parse exactly, and every
# SPARQL 1.1 engine offers them. The other types are fallbacks for engines that ignore q-values.
ACCEPT = (
    "application/sparql-results+json, application/n-triples;q=0.9, "
    "application/sparql-results+xml;q=0.8, text/turtle;q=0.7, text/tab-separated-values;q=0.5"
)


def auth_headers(headers: Iterable[str] = (), env: Mapping[str, str] | None = None) -> dict[str, str]:
    """Parse ``Name: value`` header lines, the ``SPACEKG_AUTH_HEADER`` ones first.

    The variable may hold several lines. A header given on the command line replaces the same
    header from the variable.

    >>> auth_headers(["X-Api-Key: 42"], env={"SPACEKG_AUTH_HEADER": "Authorization: Bearer abc"})
    {'Authorization': 'Bearer abc', 'X-Api-Key': '42'}
    """
    env = os.environ if env is None else env
    lines = [line for line in env.get(AUTH_ENV, "").splitlines() if line.strip()]
    parsed: dict[str, str] = {}
    for line in [*lines, *headers]:
        name, sep, value = line.partition(":")
        name = name.strip()
        if not sep or not name or any(c.isspace() for c in name):
            # never echo the line: it may hold a secret
            where = AUTH_ENV if line in lines else "--header"
            raise EndpointError(f"{where}: a header is 'Name: value' (one line has no name or no colon)")
        parsed[name] = value.strip()
    return parsed


def check_endpoint(url: str) -> str:
    """Refuse URLs that are not http(s) or that carry credentials; return the URL.

    >>> check_endpoint("http://127.0.0.1:7878/query")
    'http://127.0.0.1:7878/query'
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise EndpointError(f"not an http(s) endpoint URL: {url!r}")
    if parts.username or parts.password:
        raise EndpointError(
            "credentials do not go in the endpoint URL: use --header 'Authorization: ...' or "
            f"the {AUTH_ENV} environment variable"
        )
    return url


def http(
    method: str,
    url: str,
    *,
    data: bytes | None = None,
    content_type: str | None = None,
    accept: str | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = QUERY_TIMEOUT,
    max_bytes: int = MAX_REPLY_BYTES,
) -> Response:
    """Send one request within limits (:func:`graph.fetch.request`); raise :class:`EndpointError` on failure.

    ``timeout`` bounds the whole call; a reply over ``max_bytes`` and a redirect to another
    origin are refused. HTTP error statuses are returned, not raised, so callers can word them
    for their operation.
    """
    sent = dict(headers or {})
    if content_type:
        sent["Content-Type"] = content_type
    if accept:
        sent["Accept"] = accept
    sent["User-Agent"] = "spacekg"
    return fetch.request(method, check_endpoint(url), data=data, headers=sent, timeout=timeout, max_bytes=max_bytes)


def _media_type(header: str | None) -> str:
    return (header or "").split(";")[0].strip().lower()


def _message(response: Response) -> str:
    text = response.body.decode("utf-8", errors="replace").strip()
    return " ".join(text.split())[:500] or "(no message)"


def prepare(text: str, bindings: Mapping[str, object] | None = None) -> str:
    """The query text a remote engine gets: SpaceKG's ``PREFIX`` lines, then the bound query."""
    from graph.query import bind

    return sparql_prologue() + bind(text, dict(bindings or {}))


def query(
    endpoint: str,
    text: str,
    *,
    bindings: Mapping[str, object] | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = QUERY_TIMEOUT,
    source: str = "query",
):
    """Run ``text`` on a remote SPARQL 1.1 endpoint; return pyoxigraph results.

    SELECT gives :class:`pyoxigraph.QuerySolutions`, ASK a :class:`pyoxigraph.QueryBoolean`,
    CONSTRUCT and DESCRIBE a list of :class:`pyoxigraph.Triple`; all go to
    :func:`graph.query.format_results`. A query the endpoint rejects as malformed (HTTP 400)
    raises :class:`QueryError` with the endpoint's message; any other failure
    :class:`EndpointError`.
    """
    import pyoxigraph as ox

    body = urllib.parse.urlencode({"query": prepare(text, bindings)}).encode("utf-8")
    response = http(
        "POST", endpoint, data=body, content_type="application/x-www-form-urlencoded",
        accept=ACCEPT, headers=headers, timeout=timeout,
    )
    if response.status == 400:
        lines = sparql_prologue().count("\n")
        raise QueryError(
            f"{source}: the endpoint rejected the query: {_message(response)} "
            f"(its line numbers count the {lines} PREFIX lines sent before the query)"
        )
    if response.status >= 300:
        raise EndpointError(f"the SPARQL endpoint {endpoint} answered HTTP {response.status}: {_message(response)}")
    results_format = ox.QueryResultsFormat.from_media_type(response.media_type)
    try:
        if results_format is not None:
            parsed = ox.parse_query_results(response.body, format=results_format)
            if isinstance(parsed, ox.QuerySolutions):
                for _ in parsed:  # the parser is lazy: read it all now, so a broken reply fails here
                    pass
                parsed = ox.parse_query_results(response.body, format=results_format)
            return parsed
        rdf_format = ox.RdfFormat.from_media_type(response.media_type)
        if rdf_format is not None:
            return [quad.triple for quad in ox.parse(response.body, format=rdf_format)]
    except (SyntaxError, ValueError, UnicodeDecodeError) as exc:
        raise EndpointError(f"the SPARQL endpoint {endpoint} sent unreadable {response.media_type}: {exc}") from exc
    raise EndpointError(
        f"the SPARQL endpoint {endpoint} answered with {response.media_type or 'no media type'}, "
        "which is neither SPARQL results nor RDF"
    )


@dataclass(frozen=True)
class RemoteStore:
    """A SPARQL endpoint that answers ``query`` like a pyoxigraph ``Store``.

    The mirror, the analysis and the maps read through :func:`graph.query.run`; given a
    ``RemoteStore`` instead of the embedded store, they read the same graph from a remote server.
    """

    endpoint: str
    headers: Mapping[str, str] = field(default_factory=dict)

    def query(self, text: str, **_options):
        # The options of pyoxigraph's Store.query (prefixes, union default graph) are the remote
        # engine's: `prepare` sends the prefixes, and the store's default graph must be the union.
        return query(self.endpoint, text, headers=self.headers)


@dataclass(frozen=True)
class Pushed:
    """One graph sent to a remote store: its name (``None`` for the default graph) and size."""

    graph: str | None
    triples: int


def push(
    store: pyoxigraph.Store,
    endpoint: str,
    *,
    graph: str | None = None,
    update: bool = False,
    headers: Mapping[str, str] | None = None,
    timeout: float = QUERY_TIMEOUT,
) -> list[Pushed]:
    """Load the graph of ``store`` into a remote store, replacing the graphs it sends.

    Parameters
    ----------
    store
        The built graph (:func:`graph.store.open_store`).
    endpoint
        The Graph Store Protocol URL (Oxigraph ``/store``, Fuseki ``/DATASET/data``, GraphDB
        ``/repositories/REPO/rdf-graphs/service``, Virtuoso ``/sparql-graph-crud``), or with
        ``update=True`` the SPARQL Update URL (Oxigraph ``/update``, Fuseki ``/DATASET/update``).
    graph
        Put every triple in this one graph instead of keeping one graph per source.
    update
        Use SPARQL 1.1 Update (``DROP SILENT GRAPH`` + ``INSERT DATA``) instead of ``PUT``.

    Returns
    -------
    list[Pushed]
        The graphs sent, in order.
    """
    import pyoxigraph as ox

    batches: list[tuple[str | None, list]] = []
    if graph is not None:
        # a triple in several graphs goes once
        union = dict.fromkeys(q.triple for q in store.quads_for_pattern(None, None, None, None))
        batches.append((graph, list(union)))
    else:
        default = [q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())]
        if default:
            batches.append((None, default))
        for name in sorted(store.named_graphs(), key=str):
            if not isinstance(name, ox.NamedNode):
                raise EndpointError(f"cannot push the blank-node graph {name}: name it first")
            triples = [q.triple for q in store.quads_for_pattern(None, None, None, name)]
            batches.append((name.value, triples))
    done = []
    for name, triples in batches:
        if update:
            _push_update(endpoint, name, triples, headers=headers, timeout=timeout)
        else:
            _push_gsp(endpoint, name, triples, headers=headers, timeout=timeout)
        done.append(Pushed(name, len(triples)))
    return done


def _push_gsp(endpoint: str, name: str | None, triples: list, *, headers, timeout: float) -> None:
    import pyoxigraph as ox

    query_part = "default" if name is None else urllib.parse.urlencode({"graph": name})
    url = f"{endpoint}{'&' if '?' in endpoint else '?'}{query_part}"
    prefixes = {p: iri for p, iri in PREFIXES.items() if p}
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    response = http("PUT", url, data=data, content_type="text/turtle; charset=utf-8", headers=headers, timeout=timeout)
    if response.status >= 300:
        what = "the default graph" if name is None else f"graph <{name}>"
        raise EndpointError(
            f"the store at {endpoint} refused {what} (HTTP {response.status}): {_message(response)}"
            + (" - is this its Graph Store Protocol URL? (for a SPARQL Update URL add --update)"
               if response.status in (404, 405) else "")
        )
    check_stored(response, endpoint=endpoint, what=what_graph(name), sent=len(triples))


def _push_update(endpoint: str, name: str | None, triples: list, *, headers, timeout: float) -> None:
    import pyoxigraph as ox

    # One request per graph keeps blank nodes (and the replacement) whole.
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    if name is None:
        text = f"DROP SILENT DEFAULT ;\nINSERT DATA {{\n{data}}}\n"
    else:
        iri = str(ox.NamedNode(name))
        text = f"DROP SILENT GRAPH {iri} ;\nINSERT DATA {{ GRAPH {iri} {{\n{data}}} }}\n"
    response = http(
        "POST", endpoint, data=text.encode("utf-8"), content_type="application/sparql-update",
        headers=headers, timeout=timeout,
    )
    if response.status >= 300:
        what = "the default graph" if name is None else f"graph <{name}>"
        raise EndpointError(
            f"the SPARQL Update endpoint {endpoint} refused {what} (HTTP {response.status}): {_message(response)}"
        )
    check_stored(response, endpoint=endpoint, what=what_graph(name), sent=None)


def what_graph(name: str | None) -> str:
    return "the default graph" if name is None else f"graph <{name}>"


def check_stored(response: Response, *, endpoint: str, what: str, sent: int | None) -> None:
    """Raise :class:`EndpointError` unless a 2xx reply to a push reads as a store's success.

    A store answers ``200``, ``201`` or ``204``, with no body, a short text or a JSON count (Fuseki:
    ``{"tripleCount": N}``, checked against the triples sent). An HTML page (a login page, a
    proxy's page) or broken JSON means the graph is not known to be stored.
    """
    where = f"the store at {endpoint}"
    if response.status not in (200, 201, 204):
        raise EndpointError(f"{where} answered {what} with HTTP {response.status}, not 200, 201 or 204: "
                            "the graph is not known to be stored")
    body = response.body.strip()
    if not body:
        return
    if response.media_type in ("text/html", "application/xhtml+xml") or body[:15].lower().startswith(
            (b"<!doctype html", b"<html")):
        raise EndpointError(f"{where} answered {what} with an HTML page, not a store's reply (a login page or a "
                            f"proxy?): the graph is not known to be stored: {_message(response)[:200]}")
    if response.media_type == "application/json" or response.media_type.endswith("+json"):
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise EndpointError(f"{where} answered {what} with broken JSON ({exc}): the graph is not known "
                                "to be stored") from exc
        count = data.get("tripleCount", data.get("count")) if isinstance(data, dict) else None
        if sent is not None and isinstance(count, int) and count != sent:
            raise EndpointError(f"{where} says it stored {count} triples of {what}; {sent} were sent")


def push_build(build_dir: Path, endpoint: str, **options) -> list[Pushed]:
    """:func:`push` the graph built in ``build_dir``."""
    from graph.store import open_store

    return push(open_store(build_dir), endpoint, **options)
