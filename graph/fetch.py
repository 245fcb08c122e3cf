"""One HTTP request with limits: a deadline for the whole call, a size cap, no redirect to elsewhere.

:mod:`graph.remote` sends every request through :func:`request`, on the standard library's
``http.client`` (``urllib`` follows redirects to any host and has no overall deadline):

- **one deadline** for connecting, sending and receiving together: a server that never answers,
  or trickles a byte every few seconds, is cut off when the time is up (a timer shuts the socket
  down, so no single blocking read can outlast it);
- **a size cap** on the reply: a ``Content-Length`` above it is refused before reading, and a
  body is read in chunks that stop at the cap, so memory stays bounded whatever the server sends;
- **redirects only within the same origin** (scheme, host and port), at most five, each repeating
  the request; a redirect elsewhere is refused, so the headers (credentials) never go to another
  origin.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass

from graph.errors import EndpointError

MAX_REDIRECTS = 5
MAX_REPLY_BYTES = 256 * 1024 * 1024
CHUNK = 64 * 1024
REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class Response:
    """An HTTP answer: status, media type (without parameters) and body."""

    status: int
    media_type: str
    body: bytes


def origin(url: str) -> tuple[str, str, int]:
    """``(scheme, host, port)`` of an http(s) URL, the port made explicit.

    >>> origin("https://Example.org/sparql")
    ('https', 'example.org', 443)
    """
    parts = urllib.parse.urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.scheme, (parts.hostname or "").lower(), port


def request(method: str, url: str, *, data: bytes | None = None, headers: Mapping[str, str] | None = None,
            timeout: float, max_bytes: int = MAX_REPLY_BYTES) -> Response:
    """Send one request (following same-origin redirects) within ``timeout`` seconds in all.

    Raises :class:`EndpointError` when the server cannot be reached, the time is up, the reply
    is larger than ``max_bytes``, or a redirect leads to another origin. HTTP error statuses are
    returned, not raised.
    """
    deadline = time.monotonic() + timeout
    start = url
    for _ in range(MAX_REDIRECTS + 1):
        status, location, response = _once(method, url, data, headers or {}, deadline, timeout, max_bytes, start)
        if status not in REDIRECTS or not location:
            return response
        target = urllib.parse.urljoin(url, location)
        if origin(target) != origin(url):
            raise EndpointError(
                f"the endpoint {start} redirected to {_show(target)}, another origin: not followed "
                "(the request's headers and credentials stay with the endpoint you named); use that URL "
                "directly if you trust it")
        url = target
    raise EndpointError(f"the endpoint {start} redirected more than {MAX_REDIRECTS} times")


def _show(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}{f':{parts.port}' if parts.port else ''}{parts.path}"


def _once(method: str, url: str, data: bytes | None, headers: Mapping[str, str], deadline: float,
          timeout: float, max_bytes: int, start: str) -> tuple[int, str | None, Response]:
    parts = urllib.parse.urlsplit(url)
    scheme, host, port = origin(url)
    kind = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _late(start, timeout)
    connection = kind(host, port, timeout=remaining)
    timer = None
    try:
        connection.connect()  # within the time left (the socket's timeout)
        # the response may outlive connection.sock (http.client drops it when the reply ends the
        # connection), so the timer holds the socket itself
        timer = threading.Timer(max(0.0, deadline - time.monotonic()), _cut, args=(connection.sock,))
        timer.daemon = True
        timer.start()
        path = parts.path or "/"
        connection.request(method, f"{path}?{parts.query}" if parts.query else path, body=data,
                           headers=dict(headers))
        answer = connection.getresponse()
        length = answer.getheader("Content-Length")
        if length and length.strip().isdigit() and int(length) > max_bytes:
            raise _too_big(start, max_bytes, int(length))
        body = _read(answer, max_bytes, start)
        if time.monotonic() >= deadline:  # the timer cut the reply short
            raise _late(start, timeout)
        if answer.length:  # fewer bytes than Content-Length said
            raise EndpointError(f"the reply of {start} was cut short ({answer.length:,} bytes missing)")
        media = (answer.getheader("Content-Type") or "").split(";")[0].strip().lower()
        return answer.status, answer.getheader("Location"), Response(answer.status, media, body)
    except EndpointError:
        raise
    except TimeoutError as exc:
        raise _late(start, timeout) from exc
    except (OSError, http.client.HTTPException) as exc:
        if time.monotonic() >= deadline:
            raise _late(start, timeout) from exc
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise EndpointError(f"cannot reach the SPARQL endpoint {start}: {reason}") from exc
    finally:
        if timer is not None:
            timer.cancel()
        connection.close()


def _read(answer: http.client.HTTPResponse, max_bytes: int, start: str) -> bytes:
    chunks, size = [], 0
    while True:
        chunk = answer.read1(CHUNK) if hasattr(answer, "read1") else answer.read(CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise _too_big(start, max_bytes, None)
        chunks.append(chunk)


def _cut(sock: socket.socket) -> None:
    """At the deadline: shut the socket down, so a blocked send or read returns at once."""
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def _late(url: str, timeout: float) -> EndpointError:
    return EndpointError(f"the SPARQL endpoint {url} did not answer within {timeout:g} s (the whole call: "
                         "connecting, sending and receiving)")


def _too_big(url: str, max_bytes: int, declared: int | None) -> EndpointError:
    size = f" ({declared:,} bytes)" if declared else ""
    return EndpointError(f"the reply of {url} is larger than {max_bytes:,} bytes{size}, the limit: "
                         "narrow the query or add a LIMIT")
