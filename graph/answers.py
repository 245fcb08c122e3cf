"""The answers of ``spacekg serve``: result formats, content negotiation, the query page, the worker.

A worker (:func:`worker_main`) runs in its own process (see :mod:`graph.pool`): it reads the
build that is current when each job starts, refuses SERVICE on a real parse, runs the query on
pyoxigraph and serialises the answer within the result limit. :mod:`graph.server` speaks HTTP.
"""

from __future__ import annotations

import contextlib
import html
import signal
from dataclasses import dataclass, field
from pathlib import Path

from graph.namespaces import PREFIXES

# format name -> (media type, kind); kind "results" is SELECT/ASK, "graph" is CONSTRUCT/DESCRIBE.
FORMATS = {
    "json": ("application/sparql-results+json", "results"),
    "xml": ("application/sparql-results+xml", "results"),
    "csv": ("text/csv; charset=utf-8", "results"),
    "tsv": ("text/tab-separated-values; charset=utf-8", "results"),
    "turtle": ("text/turtle; charset=utf-8", "graph"),
    "ntriples": ("application/n-triples", "graph"),
    "jsonld": ("application/ld+json", "graph"),
    "rdfxml": ("application/rdf+xml", "graph"),
    "html": ("text/html; charset=utf-8", "any"),
}
# media types clients send -> format, for each kind of result
ACCEPTED = {
    "results": {
        "application/sparql-results+json": "json", "application/json": "json",
        "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
        "text/csv": "csv", "text/tab-separated-values": "tsv", "text/html": "html",
    },
    # SPARQL has no CSV or TSV form for a boolean (SPARQL 1.1 Query Results CSV and TSV Formats)
    "boolean": {
        "application/sparql-results+json": "json", "application/json": "json",
        "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
        "text/html": "html",
    },
    "graph": {
        "text/turtle": "turtle", "application/x-turtle": "turtle", "application/n-triples": "ntriples",
        "text/plain": "ntriples", "application/ld+json": "jsonld", "application/json": "jsonld",
        "application/rdf+xml": "rdfxml", "application/xml": "rdfxml", "text/xml": "rdfxml",
        "text/html": "html",
    },
}
DEFAULT_FORMAT = {"results": "json", "boolean": "json", "graph": "turtle"}
KIND_NAMES = {"results": "result", "boolean": "boolean result (ASK)", "graph": "graph"}
# other names of formats in format= (SPARQLWrapper sends its own: json-ld, rdf+xml, n3...)
ALIASES = {"json-ld": "jsonld", "rdf+xml": "rdfxml", "rdf": "rdfxml", "n3": "turtle", "ttl": "turtle",
           "nt": "ntriples", "n-triples": "ntriples"}
# format= values that mean a different format for graph results
GRAPH_ALIASES = {"json": "jsonld", "xml": "rdfxml"}



@dataclass(frozen=True)
class Answer:
    """An HTTP answer built by a worker (or by the pool when the worker failed)."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def error(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"))


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges of an ``Accept`` header, best first (stable for equal quality).

    >>> parse_accept("text/csv;q=0.5, application/sparql-results+json")
    [('application/sparql-results+json', 1.0), ('text/csv', 0.5)]
    """
    ranges = []
    for part in (header or "").split(","):
        media, *params = [p.strip() for p in part.split(";")]
        if not media:
            continue
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            ranges.append((media.lower(), quality))
    return sorted(ranges, key=lambda r: -r[1])


def negotiate(kind: str, accept: list[tuple[str, float]], requested: str | None) -> str | None:
    """The format to answer ``kind`` ("results", "boolean" or "graph") in, or ``None`` if none is acceptable.

    >>> negotiate("graph", parse_accept("application/n-triples"), None)
    'ntriples'
    >>> negotiate("results", parse_accept("*/*"), None)
    'json'
    >>> negotiate("graph", [], "json")
    'jsonld'
    """
    table = ACCEPTED[kind]
    if requested:
        name = requested.lower().strip()
        if "/" in name:
            return table.get(name.split(";")[0].strip())
        name = ALIASES.get(name, name)
        if kind == "graph":
            name = GRAPH_ALIASES.get(name, name)
        if name in FORMATS:
            return name if name in table.values() else None
        # an unknown format= name (some clients send one of their own): negotiate on Accept
    if not accept:
        return DEFAULT_FORMAT[kind]
    for media, _ in accept:
        if media in table and table[media] != "html":
            return table[media]
        if media in ("*/*", "application/*") or (media == "text/*" and kind == "graph"):
            return DEFAULT_FORMAT[kind]
        if media == "text/*":
            return "csv" if kind == "results" else "xml"
    # a browser asks for text/html first and gets the HTML table
    return "html" if any(media == "text/html" for media, _ in accept) else None


# --------------------------------------------------------------------------------------------
# The worker process: opens the store once, then runs one query at a time.


def refuse_service(text: str) -> Answer | None:
    """A 403 answer if the parsed query holds a SERVICE (see :mod:`graph.offline`), else ``None``."""
    from graph.offline import ServiceRefusedError, services

    try:
        targets = services(text)
    except ServiceRefusedError as exc:
        return error(403, str(exc))
    if targets:
        return error(403, "federated queries (SERVICE) are not allowed on this endpoint: the query would send "
                          f"a request to {', '.join(dict.fromkeys(targets))}")
    return None


def execute(store, text: str, *, accept: list[tuple[str, float]], requested: str | None,
            max_results: int, default_graphs: list[str], named_graphs: list[str]) -> Answer:
    """Run one query on ``store`` and serialise its answer within ``max_results``.

    The caller has refused SERVICE (:func:`refuse_service`; :func:`worker_main` does), apart
    from this frame: the parser's garbage would keep this frame's results alive.
    """
    import pyoxigraph as ox

    from graph.errors import QueryError
    from graph.sparql import options, readable_syntax_error

    try:
        results = store.query(text, **options(text, default_graphs, named_graphs))
    except QueryError as exc:
        return bad_request(str(exc), text, accept, requested)
    except SyntaxError as exc:
        return bad_request(readable_syntax_error(str(exc), text), text, accept, requested)
    except (OSError, RuntimeError, ValueError) as exc:
        return bad_request(f"the query failed: {exc}", text, accept, requested)
    kind = ("graph" if isinstance(results, ox.QueryTriples)
            else "boolean" if isinstance(results, ox.QueryBoolean) else "results")
    fmt = negotiate(kind, accept, requested)
    if fmt is None:
        offered = ", ".join(sorted({m for m, f in ACCEPTED[kind].items() if f != "html"}))
        return error(406, f"no acceptable format for this {KIND_NAMES[kind]}: "
                          f"ask for one of {offered}")
    try:
        if isinstance(results, ox.QueryBoolean):
            return _boolean(results, fmt, text)
        rows = []
        for row in results:
            rows.append(row)
            if len(rows) > max_results:
                what = "triples" if kind == "graph" else "rows"
                return error(503, f"the result has more than {max_results} {what}, the server's limit "
                                  "(--max-results): add a LIMIT or narrow the query")
        if kind == "graph":
            return _graph(rows, fmt, text)
        return _solutions([v.value for v in results.variables], rows, fmt, text)
    except (OSError, RuntimeError, ValueError) as exc:
        return error(400, f"the query failed: {exc}")


def bad_request(message: str, text: str, accept: list[tuple[str, float]], requested: str | None) -> Answer:
    """A 400 with ``message``: on the query page for a browser, else as plain text."""
    if negotiate("results", accept, requested) == "html":
        return Answer(400, FORMATS["html"][0], _page(text, f"<p><b>Error:</b> {html.escape(message)}</p>"))
    return error(400, message)


def _boolean(results, fmt: str, text: str) -> Answer:
    import pyoxigraph as ox

    if fmt == "html":
        return Answer(200, FORMATS["html"][0], _page(text, f"<p><b>{str(bool(results)).lower()}</b></p>"))
    enum = ox.QueryResultsFormat.XML if fmt == "xml" else ox.QueryResultsFormat.JSON
    return Answer(200, FORMATS[fmt][0], results.serialize(format=enum))


def _graph(triples: list, fmt: str, text: str) -> Answer:
    import pyoxigraph as ox

    prefixes = {p: iri for p, iri in PREFIXES.items() if p}
    if fmt == "html":
        turtle = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes).decode("utf-8")
        return Answer(200, FORMATS["html"][0], _page(text, f"<pre>{html.escape(turtle)}</pre>"))
    rdf_format = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                  "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}[fmt]
    body = ox.serialize(triples, format=rdf_format, prefixes=prefixes if fmt in ("turtle", "rdfxml") else None)
    return Answer(200, FORMATS[fmt][0], body)


def _solutions(variables: list[str], rows: list, fmt: str, text: str) -> Answer:
    import pyoxigraph as ox

    if fmt == "html":
        from graph.query import term_to_text

        head = "".join(f"<th>{html.escape(v)}</th>" for v in variables)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(term_to_text(row[v]))}</td>" for v in variables) + "</tr>"
            for row in rows
        )
        table = f"<p>{len(rows)} row(s)</p><table><tr>{head}</tr>{body}</table>"
        return Answer(200, FORMATS["html"][0], _page(text, table))
    # The rows were taken from the engine's stream to count them; TSV (terms in N-Triples
    # syntax) carries them back into a QuerySolutions that pyoxigraph serialises exactly.
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines += ["\t".join("" if row[v] is None else str(row[v]) for v in variables) for row in rows]
    solutions = ox.parse_query_results("\n".join(lines) + "\n", format=ox.QueryResultsFormat.TSV)
    enum = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
            "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}[fmt]
    return Answer(200, FORMATS[fmt][0], solutions.serialize(format=enum))


def worker_main(build_dir: str, conn, in_memory: bool | None = False, memory_budget: float = 0) -> None:
    """Entry point of a worker process: answer jobs from ``conn`` until it closes.

    Each job reads the build that is current when it starts (:class:`graph.store.CurrentStore`,
    from disk or from a copy in memory as ``in_memory`` and ``memory_budget`` say), so a rebuild
    is picked up between requests and no request reads two builds. The current build is opened
    (or copied) first, then ``"ready"`` is sent: the pool hands the worker no query before, so
    the copying is not counted in a query's time.
    """
    from graph.errors import NoBuildError
    from graph.offline import block_network
    from graph.store import CurrentStore

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers itself
    block_network()  # before the store starts any thread: they all inherit the filter
    current = CurrentStore(Path(build_dir), in_memory=in_memory, memory_budget=memory_budget)
    with contextlib.suppress(NoBuildError):  # each job says so
        current.get()
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        refused = refuse_service(job["text"])
        if refused is not None:
            conn.send(refused)
            continue
        try:
            store = current.get()
        except NoBuildError as exc:
            conn.send(error(503, f"no built graph to answer from: {exc}"))
            continue
        conn.send(execute(store, **job))
        del store


EXAMPLE = """SELECT ?partner ?certainty ?source
WHERE {
  ?st rdf:subject kg:cnsa ; rdf:predicate :partnerOf ; rdf:object ?partner ;
      :certainty/rdfs:label ?certainty ; prov:wasDerivedFrom ?source .
}"""


def _page(query: str = EXAMPLE, answer: str = "") -> bytes:
    """The query page: one form, inline style only."""
    prefixes = " ".join(f"{p or '(default)'}:" for p in PREFIXES if p != "space")
    options = "".join(
        f'<option value="{name}">{label}</option>'
        for name, label in [("html", "table"), ("json", "SPARQL JSON"), ("xml", "SPARQL XML"), ("csv", "CSV"),
                            ("tsv", "TSV"), ("turtle", "Turtle"), ("ntriples", "N-Triples"),
                            ("jsonld", "JSON-LD")]
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>SpaceKG SPARQL</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:70em}}textarea{{width:100%;font-family:monospace}}
table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}}</style>
</head><body><h1>SpaceKG SPARQL endpoint</h1>
<p>Read-only SPARQL 1.1 over the built graph at <code>/sparql</code>. Predeclared prefixes: {html.escape(prefixes)}
The default graph is the union of all sources unless the query says <code>FROM</code>;
<code>GRAPH ?g</code> reaches each one.</p>
<form method="post" action="/sparql"><textarea name="query" rows="12">{html.escape(query)}</textarea>
<p><label>Results as <select name="format">{options}</select></label> <button type="submit">Run</button></p></form>
{answer}</body></html>
""".encode()

