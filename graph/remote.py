"""Remote SPARQL 1.1 stores: query an endpoint over HTTP, and push the built graph into one.

The embedded store serves one machine; a graph that outgrows it lives in the triple store an
organisation already runs (Oxigraph server, Apache Jena Fuseki, GraphDB, Virtuoso). This module
speaks the two W3C protocols they all share, with the standard library's HTTP client only:

- SPARQL 1.1 Protocol (queries): ``POST`` a form-encoded ``query=``, with SpaceKG's prefixes
  prepended as ``PREFIX`` lines (remote engines cannot predeclare them) and parameters bound
  by :func:`graph.query.bind`, so a named query means the same everywhere. The answer is parsed
  back into pyoxigraph results, so every ``--format`` of ``spacekg query`` works unchanged.
- SPARQL 1.1 Graph Store Protocol or SPARQL 1.1 Update (push, :mod:`graph.push`): one graph
  per source, loaded all or nothing.

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
from typing import TYPE_CHECKING

from graph import fetch
from graph.errors import EndpointError, QueryError
from graph.fetch import MAX_REPLY_BYTES, Response
from graph.namespaces import sparql_prologue

if TYPE_CHECKING:
    pass

AUTH_ENV = "SPACEKG_AUTH_HEADER"
QUERY_TIMEOUT = 300.0
# The Accept header by query form: SELECT/ASK answers in SPARQL JSON, graph answers in N-Triples
# (both parse exactly, and every SPARQL 1.1 engine offers them), then fallbacks of the same kind
# only: an engine asked for SPARQL JSON first answers even a CONSTRUCT in its own JSON (Virtuoso).
RESULTS_ACCEPT = ("application/sparql-results+json, application/sparql-results+xml;q=0.8, "
                  "text/tab-separated-values;q=0.5")
BOOLEAN_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.8"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
ACCEPT = {"SELECT": RESULTS_ACCEPT, "ASK": BOOLEAN_ACCEPT, "CONSTRUCT": GRAPH_ACCEPT, "DESCRIBE": GRAPH_ACCEPT}


def accept_for(text: str) -> str:
    """The ``Accept`` header for the query ``text``, by its form.

    >>> accept_for("PREFIX x: <http://e/> CONSTRUCT WHERE { ?s x:p ?o }")
    'application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5'
    """
    from graph.query import query_form

    return ACCEPT.get(query_form(text) or "", RESULTS_ACCEPT)


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

    from graph.query import query_form

    body = urllib.parse.urlencode({"query": prepare(text, bindings)}).encode("utf-8")
    response = http(
        "POST", endpoint, data=body, content_type="application/x-www-form-urlencoded",
        accept=accept_for(text), headers=headers, timeout=timeout,
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
                rows = list(parsed)  # the parser is lazy: read it all now, so a broken reply fails here
                if query_form(text) == "ASK" and [v.value for v in parsed.variables] == [ASK_COLUMN]:
                    return ask_table_answer(rows)
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


# Virtuoso 7.2 answers an ASK as a table of one column: one row holding 1 if true, no row if false.
ASK_COLUMN = "__ASK_RETVAL"


def ask_table_answer(rows: list):
    """The boolean answer (a :class:`pyoxigraph.QueryBoolean`) of an ASK answered as a table of ``rows``.

    >>> import pyoxigraph as ox
    >>> bool(ask_table_answer([])), bool(ask_table_answer([{ASK_COLUMN: ox.Literal("1")}]))
    (False, True)
    """
    import pyoxigraph as ox

    truth = any(row[ASK_COLUMN] is not None and row[ASK_COLUMN].value not in ("0", "false") for row in rows)
    answer = json.dumps({"head": {}, "boolean": truth}).encode()
    return ox.parse_query_results(answer, format=ox.QueryResultsFormat.JSON)


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
