"""``spacekg review``: the review page's HTTP server, on ``spacekg serve``'s machinery.

The server listens on 127.0.0.1 only. It serves the page (``static/``), a JSON API that reads
proposals (``GET /api/proposals``, ``GET /api/proposal?id=``) and one write endpoint,
``POST /api/edit``. A page of another site must not be able to write through it, so every
request must name this server in ``Host`` (against DNS rebinding), and every POST must come from
the page itself: an ``Origin`` of this server, JSON, and the per-run token that only the page
knows (a random value put in the page when it is served; a custom header, so a cross-site request
would need a CORS preflight, which this server never grants).

Status codes: ``400`` bad request, ``403`` wrong host, origin or token, ``404`` unknown page or
proposal, ``409`` the proposal changed on disk since the page read it, ``413`` request too large,
``422`` the edit or the accept was refused (the message and exit code of the
:class:`~graph.errors.SpaceKGError` say why).
"""

from __future__ import annotations

import json
import re
import secrets
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from graph.errors import OutputError, SpaceKGError
from graph.review.workspace import ConflictError, Workspace
from graph.server import MAX_REQUEST_BYTES, Answer, Handler, error

HOST = "127.0.0.1"
STATIC = Path(__file__).resolve().parent / "static"
PAGES = {"/": ("review.html", "text/html; charset=utf-8"), "/review.js": ("review.js", "text/javascript"),
         "/review.css": ("review.css", "text/css")}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; form-action 'none'",
    "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def _json(status: int, data) -> Answer:
    return Answer(status, "application/json; charset=utf-8", json.dumps(data).encode("utf-8"), SECURITY_HEADERS)


def _failure(exc: SpaceKGError) -> Answer:
    status = 409 if isinstance(exc, ConflictError) else 404 if isinstance(exc, OutputError) and \
        "no such proposal" in exc.message else 422
    return _json(status, {"error": str(exc), "exit_code": exc.exit_code})


class ReviewHandler(BaseHTTPRequestHandler):
    """The page, its JSON API and its one write endpoint."""

    server_version = "spacekg-review"
    workspace: Workspace  # set on the subclass made by make_review_server
    token: str
    quiet = False
    send = Handler.send  # the SPARQL server's way of sending an Answer

    def log_message(self, format: str, *args) -> None:
        if not self.quiet:
            super().log_message(format, *args)

    def _own_origin(self) -> str:
        return f"http://{HOST}:{self.server.server_address[1]}"

    def _host_ok(self) -> bool:
        port = self.server.server_address[1]
        return (self.headers.get("Host") or "") in (f"{HOST}:{port}", f"localhost:{port}")

    def do_GET(self) -> None:
        if not self._host_ok():
            return self.send(error(403, "this review server answers only to http://127.0.0.1:PORT/"))
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query)
        if url.path == "/favicon.ico":
            return self.send(Answer(204, "image/x-icon", b"", SECURITY_HEADERS))
        if url.path in PAGES:
            name, media = PAGES[url.path]
            body = (STATIC / name).read_text(encoding="utf-8")
            if name == "review.html":
                body = body.replace("{{token}}", self.token)
            return self.send(Answer(200, media, body.encode("utf-8"), SECURITY_HEADERS))
        try:
            if url.path == "/api/proposals":
                return self.send(_json(200, {"proposals": self.workspace.pending(),
                                             "folder": str(self.workspace.folder)}))
            if url.path == "/api/proposal":
                return self.send(_json(200, self.workspace.state((params.get("id") or [""])[0])))
        except SpaceKGError as exc:
            return self.send(_failure(exc))
        return self.send(error(404, f"no such page: {url.path}"))

    def do_POST(self) -> None:
        refused = self._refuse_post()
        if refused is not None:
            self.close_connection = True
            return self.send(refused)
        length = int(self.headers["Content-Length"])
        try:
            request = json.loads(self.rfile.read(length).decode("utf-8"))
            source_id, version, action = request["id"], request["version"], request["action"]
        except (ValueError, KeyError, TypeError):
            return self.send(error(400, "POST a JSON object with id, version and action"))
        try:
            result = self.workspace.edit(str(source_id), str(version), str(action), request)
        except SpaceKGError as exc:
            return self.send(_failure(exc))
        self.send(_json(200, result))

    def _refuse_post(self) -> Answer | None:
        """Why this POST is refused (not from the page, or malformed), or ``None``."""
        if not self._host_ok():
            return error(403, "this review server answers only to http://127.0.0.1:PORT/")
        if self.headers.get("Origin") != self._own_origin():
            return error(403, "writes are accepted only from the review page itself (Origin)")
        if not secrets.compare_digest(self.headers.get("X-SpaceKG-Token") or "", self.token):
            return error(403, "writes are accepted only from the review page itself (token): reload the page")
        if urllib.parse.urlsplit(self.path).path != "/api/edit":
            return error(404, f"no such endpoint: {self.path}")
        if (self.headers.get("Content-Type") or "").split(";")[0].strip() != "application/json":
            return error(400, "POST application/json")
        declared = (self.headers.get("Content-Length") or "").strip()
        if not re.fullmatch(r"[0-9]{1,19}", declared):
            return error(400, "give the body's size in Content-Length")
        if int(declared) > MAX_REQUEST_BYTES:
            return error(413, f"the request is larger than {MAX_REQUEST_BYTES} bytes")
        return None

    def do_PUT(self) -> None:
        self.send(error(405, "the review page writes with POST /api/edit only"))

    do_DELETE = do_PATCH = do_PUT


def make_review_server(workspace: Workspace, *, port: int = 0, quiet: bool = False) -> ThreadingHTTPServer:
    """A ready review server on 127.0.0.1 (``port=0`` picks a free port); call ``serve_forever()``."""
    handler = type("SpaceKGReviewHandler", (ReviewHandler,),
                   {"workspace": workspace, "token": secrets.token_urlsafe(32), "quiet": quiet})
    try:
        server = ThreadingHTTPServer((HOST, port), handler)
    except OSError as exc:
        raise OutputError(f"cannot listen on {HOST}:{port}: {exc.strerror}") from exc
    server.daemon_threads = True
    return server


def review(workspace: Workspace, *, port: int = 0, quiet: bool = False, announce=print) -> None:
    """Serve the review page until interrupted (Ctrl-C or SIGTERM)."""
    from graph.server import serve_until_stopped

    server = make_review_server(workspace, port=port, quiet=quiet)
    count = len(workspace.pending())
    announce(f"SpaceKG review at http://{HOST}:{server.server_address[1]}/ ({count} proposal(s) in "
             f"{workspace.folder}); Ctrl-C to stop")
    serve_until_stopped(server)
