"""Nothing leaves the machine: SPARQL ``SERVICE`` is refused, and the engine cannot reach the network.

Oxigraph evaluates ``SERVICE <url> { ... }`` by sending the inner query to ``url`` (an HTTP
POST), so a query would make ``spacekg query`` or ``spacekg serve`` fetch any address it names,
127.0.0.1 and the local network included. SPARQL's other ways out need an update (``LOAD``),
which both commands refuse; ``FROM`` and ``FROM NAMED`` only pick graphs of the store.

Two layers, so one missed case is not enough to make a request:

1. :func:`refuse_services` decides on a real parse of the query: rdflib's SPARQL 1.1 grammar,
   which processes the ``\\uXXXX`` and ``\\UXXXXXXXX`` escapes first as the standard says (so
   ``SERV\\u0049CE`` is ``SERVICE``), and escaped characters of prefixed names (``x:a\\'b``) as
   part of the name. Every ``ServiceGraphPattern`` in the parse tree is refused, wherever it sits
   (a subquery, ``OPTIONAL``, ``UNION``, ``EXISTS``), ``SILENT`` or not, by IRI or by variable.
   The keyword cannot appear without the letters s-e-r-v-i-c-e once the escapes are undone, so
   a query without them (the usual case) is passed without loading rdflib; a query that has them
   and that rdflib cannot parse is refused too, since it could not be checked.
2. :func:`block_network` makes the thread that runs the query unable to open an Internet socket
   (a Linux seccomp filter: ``socket(AF_INET|AF_INET6, ...)`` fails with ``EPERM``), so even a
   ``SERVICE`` the parse missed fails instead of connecting. pyoxigraph 0.5 exposes no way to
   turn off or replace its SERVICE handler (Oxigraph's Rust API has one; the Python binding does
   not), so this is done below the engine. Where seccomp is not available (not Linux, another
   processor) this layer is skipped and the parse alone decides.

``spacekg query --allow-service`` lifts both for a user who means to federate; ``spacekg serve``
never does.
"""

from __future__ import annotations

import re

from graph.errors import QueryError


class ServiceRefusedError(QueryError):
    """A query asks for SPARQL ``SERVICE`` (a request to another endpoint) where that is not allowed."""


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_KEYWORD = re.compile("service", re.IGNORECASE)


def unescape(text: str) -> str:
    """Undo SPARQL's ``\\uXXXX`` and ``\\UXXXXXXXX`` escapes once, as a parser does before tokenising.

    >>> unescape(r"SERV\\u0049CE")
    'SERVICE'
    """

    def char(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group(0)

    return _CODEPOINT.sub(char, text)


def may_name_service(text: str) -> bool:
    """Whether ``text`` could hold the SERVICE keyword: the letters appear, escapes undone (repeatedly).

    A ``False`` is certain; a ``True`` needs the parse.

    >>> may_name_service("SELECT * { ?s ?p ?o }"), may_name_service(r"SELECT * { SERV\\u0069ce <x:> {} }")
    (False, True)
    """
    for _ in range(8):  # each pass shortens the text; stop on a fixpoint
        if _KEYWORD.search(text):
            return True
        undone = unescape(text)
        if undone == text:
            return False
        text = undone
    return True


def services(text: str) -> list[str]:
    """The targets of every SERVICE in the parsed query (``?x`` for a variable), outermost first.

    Raises :class:`ServiceRefusedError` if the text mentions the keyword and cannot be parsed.

    >>> services('PREFIX x: <http://e/> SELECT * { BIND(x:a\\\\\\'b AS ?z) SERVICE <http://h/> { ?s ?p ?o } }')
    ['http://h/']
    >>> services('SELECT * { ?s ?p "SERVICE" } # SERVICE <http://h/>')
    []
    """
    if not may_name_service(text):
        return []
    import logging

    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    rdflib_log = logging.getLogger("rdflib")
    level = rdflib_log.level
    rdflib_log.setLevel(logging.ERROR)  # rdflib warns about odd IRIs while parsing; not ours to show
    try:
        tree = parseQuery(text)
    except Exception as exc:  # pyparsing's ParseException, RecursionError on deep nesting...
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ServiceRefusedError(
            f"the query mentions SERVICE and could not be parsed to check it ({message}); "
            "federated queries (SERVICE) are not allowed"
        ) from exc
    finally:
        rdflib_log.setLevel(level)
    found: list[str] = []
    stack: list = [tree]
    seen = 0
    while stack:
        node = stack.pop()
        seen += 1
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                term = node.get("term")
                found.append(f"?{term}" if type(term).__name__ == "Variable" else str(term))
            stack.extend(reversed(list(node.values())))
        elif isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
            stack.extend(reversed(list(node)))
    return found


def refuse_services(text: str, *, source: str = "query", hint: str = "") -> None:
    """Raise :class:`ServiceRefusedError` if the query holds a SERVICE (see :func:`services`)."""
    targets = services(text)
    if targets:
        shown = ", ".join(dict.fromkeys(targets))
        raise ServiceRefusedError(
            f"{source}: federated queries (SERVICE) are not allowed: this query would send a request to "
            f"{shown}{hint}"
        )


# --------------------------------------------------------------------------------------------
# The second layer: no Internet socket for the thread that runs the query.

# (audit architecture, number of socket(2)) for the processors the filter knows
_ARCHES = {"x86_64": (0xC000003E, 41), "amd64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198),
           "arm64": (0xC00000B7, 198)}
_AF_INET, _AF_INET6 = 2, 10
_EPERM = 1


def _filter_program(arch: int, socket_nr: int) -> list[tuple[int, int, int, int]]:
    """A classic BPF seccomp program: ``socket(AF_INET|AF_INET6, ...)`` fails with EPERM, all else runs."""
    ld_abs, jeq, jge, ret = 0x20, 0x15, 0x35, 0x06
    allow, deny = 0x7FFF0000, 0x00050000 | _EPERM
    return [
        (ld_abs, 0, 0, 4),              # the calling convention (architecture)
        (jeq, 1, 0, arch),
        (ret, 0, 0, deny),              # a foreign convention (32-bit calls): refused
        (ld_abs, 0, 0, 0),              # the system call number
        (jge, 0, 1, 0x40000000),
        (ret, 0, 0, deny),              # x32 calls: refused
        (jeq, 0, 4, socket_nr),
        (ld_abs, 0, 0, 16),             # socket's first argument: the address family
        (jeq, 1, 0, _AF_INET),
        (jeq, 0, 1, _AF_INET6),
        (ret, 0, 0, deny),
        (ret, 0, 0, allow),
    ]


def block_network() -> bool:
    """Forbid the calling thread (and threads it starts later) to open an IPv4 or IPv6 socket.

    Irreversible for that thread. Unix sockets and pipes keep working. Returns ``False`` (and
    changes nothing) where seccomp is not available.
    """
    import platform
    import sys

    machine = platform.machine().lower()
    if not sys.platform.startswith("linux") or machine not in _ARCHES:
        return False
    import ctypes

    class SockFilter(ctypes.Structure):
        _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint)]

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(SockFilter))]

    program = _filter_program(*_ARCHES[machine])
    filters = (SockFilter * len(program))(*[SockFilter(*instruction) for instruction in program])
    fprog = SockFprog(len(program), filters)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_no_new_privs, pr_set_seccomp, seccomp_mode_filter = 38, 22, 2
        if libc.prctl(pr_set_no_new_privs, 1, 0, 0, 0) != 0:
            return False
        return libc.prctl(pr_set_seccomp, seccomp_mode_filter, ctypes.byref(fprog), 0, 0) == 0
    except (OSError, AttributeError):
        return False


def run_offline(function, *args, **kwargs):
    """Call ``function`` in a new thread that cannot open an Internet socket; return or raise its outcome.

    Only that thread is filtered, so the rest of the process (a test runner, a server) keeps its
    network. Objects the engine ties to a thread (pyoxigraph results) must be consumed inside
    ``function``.
    """
    import threading
    import traceback

    outcome: dict = {}

    def target() -> None:
        try:
            block_network()
            outcome["value"] = function(*args, **kwargs)
        except BaseException as exc:  # handed to the caller's thread below
            # without the frames' locals: pyoxigraph results must be dropped in this thread
            traceback.clear_frames(exc.__traceback__)
            outcome["error"] = exc

    thread = threading.Thread(target=target, name="spacekg-offline", daemon=True)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")
