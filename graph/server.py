"""``spacekg serve``: a read-only SPARQL 1.1 Protocol endpoint over the built graph.

The endpoint answers at ``/sparql`` (also ``/query``, and ``/`` when a query is given):
``GET ?query=``, ``POST`` form-encoded ``query=`` and ``POST`` ``application/sparql-query``.
Results are negotiated through ``Accept`` (or a ``format=`` parameter): SPARQL results JSON
(default), XML, CSV and TSV for SELECT and ASK; Turtle (default), N-Triples, JSON-LD and RDF/XML
for CONSTRUCT and DESCRIBE. ``/`` without a query is a small query page (one HTML form, no
external script or style). As in ``spacekg query``, SpaceKG's prefixes are predeclared and the
default graph is the union of the named graphs.

Read-only: SPARQL Update, ``update=``, ``/update`` and Graph Store writes get ``403`` saying so.
Federated queries (``SERVICE``) get ``403`` too: they would make the server send requests to any
address they name. The worker decides on a real parse of the query (:mod:`graph.offline`), and
the workers cannot open an Internet socket at all (a seccomp filter on Linux), so a SERVICE the
parse missed fails instead of connecting.

Why this engine
---------------
Queries run on pyoxigraph (the embedded store, see :mod:`graph.store`) in a small pool of
worker processes behind the standard library's ``ThreadingHTTPServer``; no new dependency.
pyoxigraph runs a query in native code that Python cannot interrupt, so a hard time limit means
killing the process that runs it: a worker that overruns ``timeout`` is killed (``SIGKILL``) and
replaced, the client gets ``503``, and the other workers keep serving. Each worker opens the
store with ``Store.read_only``, which several processes may do at once. The result-size limit
is enforced while the solutions stream out of the engine, so a runaway cross product stops at
``max_results + 1`` rows.

Oxigraph's own server (``oxigraph serve-read-only`` from PyPI ``oxigraph`` 0.5.13) was measured
on the seed graph and rejected: its ``--timeout-s`` does not stop a ``COUNT(*)`` over a four-way
cross product (still at 100 % of a core, and no answer, 30 s after a 2 s limit), it cuts a
streamed result short with ``200 OK`` (a truncated CSV, the error text appended), it has no
result-size limit, and it cannot predeclare prefixes. rdflib-endpoint would add FastAPI and
uvicorn and run queries on rdflib's engine, which is orders of magnitude slower on joins (see
the performance issue) and equally uninterruptible inside one process.

Status codes: ``400`` malformed query (with the parser's message) or bad request, ``403``
update or SERVICE, ``404`` unknown path, ``406`` no acceptable format, ``413`` request too large,
``503`` time limit or result limit exceeded, or every worker busy for ``timeout`` seconds.
"""

from __future__ import annotations

import html
import multiprocessing
import queue
import re
import signal
import sys
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from graph.namespaces import PREFIXES

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_RESULTS = 10_000
DEFAULT_WORKERS = 2
MAX_REQUEST_BYTES = 1_000_000

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
    "graph": {
        "text/turtle": "turtle", "application/x-turtle": "turtle", "application/n-triples": "ntriples",
        "text/plain": "ntriples", "application/ld+json": "jsonld", "application/json": "jsonld",
        "application/rdf+xml": "rdfxml", "application/xml": "rdfxml", "text/xml": "rdfxml",
        "text/html": "html",
    },
}
DEFAULT_FORMAT = {"results": "json", "graph": "turtle"}
# other names of formats in format= (SPARQLWrapper sends its own: json-ld, rdf+xml, n3...)
ALIASES = {"json-ld": "jsonld", "rdf+xml": "rdfxml", "rdf": "rdfxml", "n3": "turtle", "ttl": "turtle",
           "nt": "ntriples", "n-triples": "ntriples"}
# format= values that mean a different format for graph results
GRAPH_ALIASES = {"json": "jsonld", "xml": "rdfxml"}


@dataclass(frozen=True)
class Limits:
    """The server's limits: seconds per query and rows (or triples) per answer."""

    timeout: float = DEFAULT_TIMEOUT
    max_results: int = DEFAULT_MAX_RESULTS


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
    """The format to answer ``kind`` ("results" or "graph") in, or ``None`` if none is acceptable.

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
            return name if FORMATS[name][1] in (kind, "any") else None
        # an unknown format= name (some clients send one of their own): negotiate on Accept
    if not accept:
        return DEFAULT_FORMAT[kind]
    for media, _ in accept:
        if media in table and table[media] != "html":
            return table[media]
        if media in ("*/*", "application/*") or (media == "text/*" and kind == "graph"):
            return DEFAULT_FORMAT[kind]
        if media == "text/*":
            return "csv"
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

    options: dict = {"prefixes": PREFIXES}
    if default_graphs:
        options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    else:
        options["use_default_graph_as_union"] = True
    if named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    try:
        results = store.query(text, **options)
    except SyntaxError as exc:
        return error(400, f"malformed query: {exc}")
    except (OSError, RuntimeError, ValueError) as exc:
        return error(400, f"the query failed: {exc}")
    kind = "graph" if isinstance(results, ox.QueryTriples) else "results"
    fmt = negotiate(kind, accept, requested)
    if fmt is None:
        offered = ", ".join(sorted({m for m, f in ACCEPTED[kind].items() if f != "html"}))
        return error(406, f"no acceptable format for this {'graph' if kind == 'graph' else 'result'}: "
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


def _boolean(results, fmt: str, text: str) -> Answer:
    import pyoxigraph as ox

    if fmt == "html":
        return Answer(200, FORMATS["html"][0], _page(text, f"<p><b>{str(bool(results)).lower()}</b></p>"))
    if fmt in ("csv", "tsv"):
        return Answer(200, FORMATS[fmt][0], b"true\n" if results else b"false\n")
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


def worker_main(build_dir: str, conn) -> None:
    """Entry point of a worker process: answer jobs from ``conn`` until it closes.

    Each job reads the build that is current when it starts (:class:`graph.store.CurrentStore`),
    so a rebuild is picked up between requests and no request reads two builds.
    """
    from graph.errors import NoBuildError
    from graph.offline import block_network
    from graph.store import CurrentStore

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers itself
    block_network()  # before the store starts any thread: they all inherit the filter
    current = CurrentStore(Path(build_dir))
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


# --------------------------------------------------------------------------------------------
# The pool: hands each query to an idle worker and kills the worker if it overruns.


class Worker:
    """One worker process and the pipe to it."""

    def __init__(self, context, build_dir: Path) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=worker_main, args=(str(build_dir), child), daemon=True)
        self.process.start()
        child.close()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class Pool:
    """Worker processes over one store; :meth:`run` answers a query within the limits."""

    def __init__(self, build_dir: Path, *, workers: int = DEFAULT_WORKERS, limits: Limits | None = None) -> None:
        self.build_dir = build_dir
        self.limits = limits or Limits()
        # spawn, not fork: the HTTP server has threads, and a forked child would inherit their locks
        self.context = multiprocessing.get_context("spawn")
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.all: set[Worker] = set()
        self.lock = threading.Lock()
        self.closed = False
        for _ in range(max(1, workers)):
            self._add()

    def _add(self) -> None:
        worker = Worker(self.context, self.build_dir)
        with self.lock:
            if self.closed:
                worker.kill()
                return
            self.all.add(worker)
        self.idle.put(worker)

    def _replace(self, worker: Worker) -> None:
        with self.lock:
            self.all.discard(worker)
        worker.kill()
        # start the replacement in the background so the client gets its answer now
        threading.Thread(target=self._add, daemon=True).start()

    def run(self, text: str, *, accept: list[tuple[str, float]], requested: str | None = None,
            default_graphs: list[str] | None = None, named_graphs: list[str] | None = None) -> Answer:
        timeout = self.limits.timeout
        try:
            worker = self.idle.get(timeout=timeout)
        except queue.Empty:
            return error(503, f"every worker is busy; try again later (waited {timeout:g} s)")
        job = {"text": text, "accept": accept, "requested": requested, "max_results": self.limits.max_results,
               "default_graphs": default_graphs or [], "named_graphs": named_graphs or []}
        try:
            worker.conn.send(job)
            if worker.conn.poll(timeout):
                answer = worker.conn.recv()
                self.idle.put(worker)
                return answer
        except (EOFError, OSError):
            self._replace(worker)
            return error(500, "the query worker died; the query was not answered")
        self._replace(worker)
        return error(503, f"the query ran longer than {timeout:g} s, the server's limit (--timeout), and was "
                          "stopped: narrow the query or add a LIMIT")

    def close(self) -> None:
        with self.lock:
            self.closed = True
            workers, self.all = list(self.all), set()
        for worker in workers:
            worker.kill()


# --------------------------------------------------------------------------------------------
# HTTP


QUERY_PATHS = ("/", "/sparql", "/query")
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
The default graph is the union of all sources; <code>GRAPH ?g</code> reaches each one.</p>
<form method="post" action="/sparql"><textarea name="query" rows="12">{html.escape(query)}</textarea>
<p><label>Results as <select name="format">{options}</select></label> <button type="submit">Run</button></p></form>
{answer}</body></html>
""".encode()


class Handler(BaseHTTPRequestHandler):
    """The SPARQL 1.1 Protocol over :class:`Pool`; read-only."""

    server_version = "spacekg"
    pool: Pool  # set on the subclass made by make_server
    quiet = False

    def log_message(self, format: str, *args) -> None:
        if not self.quiet:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    def send(self, answer: Answer) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("Vary", "Accept")
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        self.dispatch(url.path, params)

    do_HEAD = do_GET

    def do_POST(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        declared = (self.headers.get("Content-Length") or "0").strip()
        if not re.fullmatch(r"[0-9]{1,19}", declared):  # "-1" would read until the client closes, holding a thread
            self.close_connection = True
            return self.send(error(400, f"bad Content-Length: {declared[:40]!r}; give the body's size in bytes"))
        length = int(declared)
        if length > MAX_REQUEST_BYTES:
            self.close_connection = True
            return self.send(error(413, f"the request is larger than {MAX_REQUEST_BYTES} bytes"))
        body = self.rfile.read(length) if length else b""
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == "application/sparql-update":
            return self.send(read_only())
        if media == "application/sparql-query":
            params["query"] = [body.decode("utf-8", errors="replace")]
        elif media == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
        else:
            return self.send(error(415, "POST a query as application/sparql-query or as a form "
                                        "(application/x-www-form-urlencoded) with query="))
        self.dispatch(url.path, params)

    def do_PUT(self) -> None:
        self.send(read_only())

    do_DELETE = do_PATCH = do_PUT

    def dispatch(self, path: str, params: dict[str, list[str]]) -> None:
        if path == "/update" or "update" in params:
            return self.send(read_only())
        if path not in QUERY_PATHS:
            return self.send(error(404, f"no such page: {path}; the endpoint is /sparql"))
        queries = params.get("query", [])
        if not queries:
            if path == "/" or "text/html" in (self.headers.get("Accept") or ""):
                return self.send(Answer(200, FORMATS["html"][0], _page()))
            return self.send(error(400, "no query: give query= (GET or form POST) or POST application/sparql-query"))
        if len(queries) > 1:
            return self.send(error(400, "give exactly one query= parameter"))
        text = queries[0]
        refused = refuse(text)
        if refused is not None:
            return self.send(refused)
        requested = (params.get("format") or params.get("output") or [None])[0] or None
        accept = parse_accept(self.headers.get("Accept"))
        answer = self.pool.run(text, accept=accept, requested=requested,
                               default_graphs=params.get("default-graph-uri"),
                               named_graphs=params.get("named-graph-uri"))
        self.send(answer)


def read_only() -> Answer:
    return error(403, "this SPARQL endpoint is read-only: SPARQL Update is refused "
                      "(load data with `spacekg build`, or push it to a store with `spacekg push`)")


def refuse(text: str) -> Answer | None:
    """A 403 answer for an update sent as a query, a 400 for a query nested too deep, else ``None``.

    Only a courtesy: Oxigraph's query parser refuses updates anyway. SERVICE is refused by the
    worker, on a real parse (see :func:`execute`).
    """
    from graph.errors import QueryError
    from graph.query import UPDATE_KEYWORDS, check_nesting, query_form

    try:
        check_nesting(text)  # before any parser: deep nesting overflows Oxigraph's stack
    except QueryError as exc:
        return error(400, str(exc))
    if query_form(text) in UPDATE_KEYWORDS:
        return read_only()
    return None


def make_server(build_dir: Path, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                limits: Limits | None = None, workers: int = DEFAULT_WORKERS,
                quiet: bool = False) -> tuple[ThreadingHTTPServer, Pool]:
    """A ready HTTP server and its worker pool over the graph built in ``build_dir``.

    ``port=0`` picks a free port (``server.server_address[1]``). Call ``server.serve_forever()``,
    then ``server.server_close()`` and ``pool.close()``.
    """
    from graph.store import CurrentStore

    probe = CurrentStore(build_dir)
    probe.get()  # raises NoBuildError now rather than in every worker
    probe.close()
    pool = Pool(Path(build_dir).resolve(), workers=workers, limits=limits)
    handler = type("SpaceKGHandler", (Handler,), {"pool": pool, "quiet": quiet})
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        pool.close()
        from graph.errors import OutputError

        raise OutputError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    server.daemon_threads = True
    return server, pool


def serve(build_dir: Path, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, limits: Limits | None = None,
          workers: int = DEFAULT_WORKERS, quiet: bool = False, announce=print) -> None:
    """Serve the graph built in ``build_dir`` until interrupted (Ctrl-C or SIGTERM)."""
    limits = limits or Limits()
    server, pool = make_server(build_dir, host=host, port=port, limits=limits, workers=workers, quiet=quiet)

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    bound_host, bound_port = server.server_address[:2]
    shown = f"[{bound_host}]" if ":" in str(bound_host) else bound_host
    announce(f"SpaceKG SPARQL endpoint at http://{shown}:{bound_port}/sparql "
             f"(read-only; {limits.timeout:g} s and {limits.max_results} results per query, {workers} workers)")
    if not re.match(r"^(127\.|localhost$|::1$)", str(host)):
        announce(f"warning: listening on {host}, not only on this machine")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        pool.close()
