"""``spacekg serve``: a read-only SPARQL 1.1 Protocol endpoint over the built graph.

The endpoint answers at ``/sparql`` (also ``/sparql/``, ``/query``, and ``/`` when a query is given):
``GET ?query=``, ``POST`` form-encoded ``query=`` and ``POST`` ``application/sparql-query``.
Results are negotiated through ``Accept`` (or a ``format=`` parameter): SPARQL results JSON
(default), XML, CSV and TSV for SELECT and ASK; Turtle (default), N-Triples, JSON-LD and RDF/XML
for CONSTRUCT and DESCRIBE. ``/`` without a query is a small query page (one HTML form, no
external script or style). As in ``spacekg query``, SpaceKG's prefixes are predeclared and
relative IRIs resolve against SpaceKG's entity namespace. The dataset is the protocol's
``default-graph-uri`` / ``named-graph-uri`` when either is given (each must be an absolute IRI,
else ``400``), else the query's ``FROM`` / ``FROM NAMED``, else the union of the named graphs as
the default graph (see :mod:`graph.sparql`). An ASK answer has no CSV or TSV form: asking only
for those gets ``406``.

Read-only: SPARQL Update, ``update=``, ``/update`` and Graph Store writes get ``403`` saying so.
Federated queries (``SERVICE``) get ``403`` too: they would make the server send requests to any
address they name. The worker decides on a real parse of the query (:mod:`graph.offline`), and
the workers cannot open an Internet socket at all (a seccomp filter on Linux), so a SERVICE the
parse missed fails instead of connecting.

Why this engine
---------------
Queries run on pyoxigraph (the embedded store, see :mod:`graph.store`) in a pool of worker
processes (:mod:`graph.pool`) behind the standard library's ``ThreadingHTTPServer``; no new
dependency. pyoxigraph runs a query in native code that Python cannot interrupt, so a hard time
or memory limit means killing the process that runs it: a worker that overruns ``timeout`` or
``max_memory`` is killed (``SIGKILL``) and replaced, the client gets ``503``, and the other
workers keep serving; queries over one second may hold only some of the workers, so short
queries always find one. Each worker opens the current build's store with ``Store.read_only``
(several processes may), or answers from a copy of it in memory when that fits in half of its
memory limit (``--in-memory`` / ``--on-disk`` force either; :class:`graph.store.CurrentStore`),
and moves to a new build between requests. The result-size limit is
enforced while the solutions stream out of the engine, so a runaway cross product stops at
``max_results + 1`` rows.

Connections: a listen backlog of 1,024 and at most 256 connections served at once (more wait,
none is refused); a connection silent for 15 s is closed, a request's head must arrive within
25 s and its body within 10 s (``408``), and a ``Content-Length`` that is not a size or a body
in chunks gets ``400``.

Oxigraph's own server (``oxigraph serve-read-only`` from PyPI ``oxigraph`` 0.5.13) was measured
on the seed graph and rejected: its ``--timeout-s`` does not stop a ``COUNT(*)`` over a four-way
cross product (still at 100 % of a core, and no answer, 30 s after a 2 s limit), it cuts a
streamed result short with ``200 OK`` (a truncated CSV, the error text appended), it has no
result-size limit, and it cannot predeclare prefixes. rdflib-endpoint would add FastAPI and
uvicorn and run queries on rdflib's engine, which is orders of magnitude slower on joins (see
the performance issue) and equally uninterruptible inside one process.

Status codes: ``400`` malformed query (with the parser's message), a query nested too deep, or
bad request, ``403`` update or SERVICE, ``404`` unknown path, ``406`` no acceptable format,
``408`` body too slow, ``413`` request too large, ``503`` time, memory or result limit exceeded,
too many long queries at once, or every worker busy for ``timeout`` seconds.
"""
from __future__ import annotations

import contextlib
import re
import signal
import socket
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from graph.answers import ACCEPTED, FORMATS, Answer, _page, error, negotiate, parse_accept, refuse_service
from graph.pool import DEFAULT_MAX_WORKERS, DEFAULT_WORKERS, Limits, Pool

__all__ = ["ACCEPTED", "FORMATS", "Answer", "Limits", "Pool", "error", "make_server", "negotiate", "parse_accept",
           "refuse", "refuse_service", "serve"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
MAX_REQUEST_BYTES = 1_000_000
BACKLOG = 1024  # connections the kernel holds while every handler is busy (the standard library's is 5)
MAX_CONNECTIONS = 256  # connections served at once; more wait in the backlog
IDLE_TIMEOUT = 15.0  # seconds a connection may stay silent (before its request line, between requests)
BODY_TIMEOUT = 10.0  # seconds to receive a request's whole body

QUERY_PATHS = ("/", "/sparql", "/sparql/", "/query")


class Server(ThreadingHTTPServer):
    """``ThreadingHTTPServer`` with a real listen backlog and a bound on the connections served at once.

    When :data:`MAX_CONNECTIONS` connections are being served, the accept loop waits for one to
    end and new connections wait in the kernel's backlog: clients wait instead of being reset.
    """

    request_queue_size = BACKLOG
    daemon_threads = True

    def __init__(self, *args, **kwargs) -> None:
        self.slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        super().__init__(*args, **kwargs)

    def process_request(self, request, client_address) -> None:
        self.slots.acquire()
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

class Handler(BaseHTTPRequestHandler):
    """The SPARQL 1.1 Protocol over :class:`Pool`; read-only."""

    server_version = "spacekg"
    protocol_version = "HTTP/1.1"  # keep-alive: a client may send many queries on one connection
    timeout = IDLE_TIMEOUT  # a silent connection is closed (socketserver sets it on the socket)
    body_timeout = BODY_TIMEOUT
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
        if self.headers.get("Content-Length") or self.headers.get("Transfer-Encoding"):
            self.close_connection = True  # a body is not read here: it must not be taken for the next request
        self.dispatch(url.path, params)

    do_HEAD = do_GET

    def do_POST(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            return self.send(error(400, "a body in chunks (Transfer-Encoding) is not supported: send Content-Length"))
        declared = (self.headers.get("Content-Length") or "0").strip()
        if not re.fullmatch(r"[0-9]{1,19}", declared):  # "-1" would read until the client closes, holding a thread
            self.close_connection = True
            return self.send(error(400, f"bad Content-Length: {declared[:40]!r}; give the body's size in bytes"))
        length = int(declared)
        if length > MAX_REQUEST_BYTES:
            self.close_connection = True
            return self.send(error(413, f"the request is larger than {MAX_REQUEST_BYTES} bytes"))
        body = self.read_body(length)
        if body is None:
            self.close_connection = True
            return self.send(error(408, f"the request body did not arrive within {self.body_timeout:g} s"))
        media, *media_params = [p.strip() for p in (self.headers.get("Content-Type") or "").split(";")]
        media = media.lower()
        if media == "application/sparql-update":
            return self.send(read_only())
        charsets = [p.split("=", 1)[1].strip().strip('"').lower() for p in media_params
                    if p.lower().startswith("charset=")]
        if any(charset not in ("utf-8", "utf8") for charset in charsets):
            return self.send(error(415, f"the body is in {charsets[0]}: send it in UTF-8, as SPARQL requires"))
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            return self.send(error(400, f"the body is not UTF-8 (byte {exc.start}): send it in UTF-8"))
        if media == "application/sparql-query":
            params["query"] = [text]
        elif media == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(text, keep_blank_values=True)
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
        else:
            return self.send(error(415, "POST a query as application/sparql-query or as a form "
                                        "(application/x-www-form-urlencoded) with query="))
        self.dispatch(url.path, params)

    def handle_one_request(self) -> None:
        """Read and answer one request; its request line and headers must arrive within
        ``timeout + body_timeout`` seconds in all, so a client that trickles header lines cannot
        hold a connection (each read alone would wait only ``timeout``)."""
        self.head_timer = threading.Timer(self.timeout + self.body_timeout, self.cut)
        self.head_timer.daemon = True
        self.head_timer.start()
        try:
            super().handle_one_request()
        finally:
            self.head_timer.cancel()

    def parse_request(self) -> bool:
        parsed = super().parse_request()
        self.head_timer.cancel()  # the head has arrived; the query may take its own time
        return parsed

    def cut(self) -> None:
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def read_body(self, length: int) -> bytes | None:
        """The request's body of ``length`` bytes, or ``None`` if it does not arrive within ``body_timeout``."""
        deadline = time.monotonic() + self.body_timeout
        chunks, received = [], 0
        try:
            while received < length:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                self.connection.settimeout(remaining)  # a byte now and then does not keep it open
                chunk = self.rfile.read1(length - received)
                if not chunk:
                    return None
                chunks.append(chunk)
                received += len(chunk)
        except TimeoutError:
            return None
        finally:
            self.connection.settimeout(self.timeout)
        return b"".join(chunks)

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
                max_workers: int = DEFAULT_MAX_WORKERS, quiet: bool = False, idle_timeout: float = IDLE_TIMEOUT,
                body_timeout: float = BODY_TIMEOUT, in_memory: bool | None = None) -> tuple[ThreadingHTTPServer, Pool]:
    """A ready HTTP server and its worker pool over the graph built in ``build_dir``.

    ``port=0`` picks a free port (``server.server_address[1]``). Call ``server.serve_forever()``,
    then ``server.server_close()`` and ``pool.close()``. ``in_memory``: each worker answers from
    a copy of the build in memory (``True``), from the store on disk (``False``), or from a copy
    when it takes at most half of ``limits.max_memory`` (``None``, decided for each build).
    """
    from graph.store import CurrentStore

    probe = CurrentStore(build_dir)
    probe.get()  # raises NoBuildError now rather than in every worker
    probe.close()
    pool = Pool(Path(build_dir).resolve(), workers=workers, limits=limits, max_workers=max_workers,
                in_memory=in_memory)
    handler = type("SpaceKGHandler", (Handler,), {"pool": pool, "quiet": quiet, "timeout": idle_timeout,
                                                  "body_timeout": body_timeout})
    try:
        server = Server((host, port), handler)
    except OSError as exc:
        pool.close()
        from graph.errors import OutputError

        raise OutputError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    return server, pool


def serve(build_dir: Path, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, limits: Limits | None = None,
          workers: int = DEFAULT_WORKERS, max_workers: int = DEFAULT_MAX_WORKERS, quiet: bool = False,
          in_memory: bool | None = None, announce=print) -> None:
    """Serve the graph built in ``build_dir`` until interrupted (Ctrl-C or SIGTERM).

    ``in_memory`` as in :func:`make_server`.
    """
    limits = limits or Limits()
    server, pool = make_server(build_dir, host=host, port=port, limits=limits, workers=workers,
                               max_workers=max_workers, quiet=quiet, in_memory=in_memory)
    bound_host, bound_port = server.server_address[:2]
    shown = f"[{bound_host}]" if ":" in str(bound_host) else bound_host
    announce(f"SpaceKG SPARQL endpoint at http://{shown}:{bound_port}/sparql "
             f"(read-only; {limits.timeout:g} s, {limits.max_results} results and {limits.max_memory} MB per query, "
             f"{workers} to {pool.max_workers} workers; {answering_from(build_dir, pool)})")
    if not re.match(r"^(127\.|localhost$|::1$)", str(host)):
        announce(f"warning: listening on {host}, not only on this machine")
    serve_until_stopped(server, then=pool.close)


def answering_from(build_dir: Path, pool: Pool) -> str:
    """Where the workers answer the current build from, as the start-up line says it."""
    from graph.builds import current_build
    from graph.store import copy_megabytes

    if pool.in_memory is False:
        return "answers from the store on disk"
    folder = current_build(build_dir)
    needed = copy_megabytes(folder) if folder is not None else 0.0
    if pool.in_memory is None and needed > pool.memory_budget:
        return (f"answers from the store on disk: a copy in memory would take about {needed:.0f} MB, over half "
                "of --max-memory (--in-memory forces it)")
    warning = "" if needed <= pool.limits.max_memory else (
        f"; warning: the copy takes about {needed:.0f} MB, over --max-memory, which would stop every query")
    return f"answers from a copy in memory in each worker{warning}"


def serve_until_stopped(server, then=lambda: None) -> None:
    """Serve until Ctrl-C or SIGTERM, then close the server, then ``then()`` (both on every exit path)."""
    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        then()
