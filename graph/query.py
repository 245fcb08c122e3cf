"""SPARQL over the built graph: run a query, bind parameters, format the results.

Queries run on Oxigraph with SpaceKG's prefixes predeclared, so ``?a :partnerOf ?b`` works as
written; the default graph is the union of all named graphs (``GRAPH ?g`` still reaches each source)
unless the query says ``FROM`` / ``FROM NAMED``, and relative IRIs resolve against SpaceKG's entity
namespace (see :mod:`graph.sparql`). Named queries are the ``.rq`` files of ``ontology/queries/``;
their first comment lines say the question they answer and their typed parameters (``# param: agency
(entity) - ...``; :mod:`graph.named`, :mod:`graph.params`). Parameters are bound as RDF terms in a
``VALUES`` block (see :func:`bind`), never pasted into the query text, so the same text runs on a
remote SPARQL 1.1 endpoint. :func:`run` refuses a named query's text whose required parameters are
not bound (:func:`check_bound`) rather than answer the unfiltered question.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from graph.errors import QueryError
from graph.namespaces import KG, PREFIXES, shorten

if TYPE_CHECKING:
    import pyoxigraph

SELECT_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = ("turtle", "ntriples", "jsonld")


def parse_term(value: str) -> pyoxigraph.NamedNode | pyoxigraph.Literal:
    """Turn a command-line parameter into an RDF term.

    ``kg:cnsa`` or ``<https://...>`` or a full ``https://`` IRI become IRIs; a bare word such as
    ``cnsa`` is taken as an entity ``kg:cnsa``; ``"text"`` or anything else with spaces becomes a
    plain literal; ``2021-03-01`` becomes an ``xsd:date``.

    >>> parse_term("cnsa").value
    'https://w3id.org/spacekg/id/cnsa'
    >>> parse_term(":partnerOf").value
    'https://w3id.org/spacekg/ontology#partnerOf'
    """
    import pyoxigraph as ox

    xsd = PREFIXES["xsd"]
    if value.startswith("<") and value.endswith(">"):
        return ox.NamedNode(value[1:-1])
    if re.match(r"^[a-z][a-z0-9+.-]*://", value):
        return ox.NamedNode(value)
    if value.startswith('"') and value.endswith('"') and len(value) >= 2:
        return ox.Literal(value[1:-1])
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return ox.Literal(value, datatype=ox.NamedNode(xsd + "date"))
    if re.fullmatch(r"-?\d+", value):
        return ox.Literal(value, datatype=ox.NamedNode(xsd + "integer"))
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES:
        return ox.NamedNode(PREFIXES[prefix] + local)
    if re.fullmatch(r"[A-Za-z0-9_.-]+", value):
        return ox.NamedNode(KG + value.lower())
    return ox.Literal(value)


def bind(text: str, bindings: dict[str, object]) -> str:
    """Bind parameters with a ``VALUES`` block of serialised RDF terms at the head of the WHERE group.

    The values are RDF terms (IRIs and literals escaped by pyoxigraph), never strings pasted
    into the query, so a parameter cannot change the query's meaning. ``VALUES`` is SPARQL 1.1,
    so the same text runs on any remote endpoint. It goes first inside the query's WHERE group,
    not after the query, because a trailing ``VALUES`` joins *after* the group's FILTERs and
    after GROUP BY (SPARQL 1.1 section 18.2.4), where a parameter could no longer filter or
    group anything. If no WHERE group is found the block goes at the end.

    >>> import pyoxigraph as ox
    >>> print(bind("SELECT ?x WHERE { ?a ?b ?x }", {"a": ox.NamedNode("https://w3id.org/spacekg/id/cnsa")}))
    SELECT ?x WHERE {
      VALUES (?a) { (<https://w3id.org/spacekg/id/cnsa>) }
     ?a ?b ?x }
    """
    if not bindings:
        return text
    names = list(bindings)
    head = " ".join(f"?{name}" for name in names)
    row = " ".join("UNDEF" if bindings[name] is None else str(bindings[name]) for name in names)
    block = f"VALUES ({head}) {{ ({row}) }}"
    at = where_group_start(text)
    if at is None:
        return f"{text.rstrip()}\n{block}\n"
    return f"{text[: at + 1]}\n  {block}\n{text[at + 1 :]}"


_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")


def scan(text: str):
    """Yield the keywords and braces of a SPARQL text as ``(token, index, depth)``.

    Keywords come upper-cased; ``{`` and ``}`` come as themselves, ``depth`` counting the braces
    around them. Comments, strings, IRIs, variables, prefixed names and numbers are skipped, so a
    brace or a word inside them never counts. Any other character comes as ``"."``.

    >>> [t for t, _, _ in scan('SELECT ?where { ?s :p "WHERE {" } # SERVICE')]
    ['SELECT', '{', '}']
    """
    depth, i, n = 0, 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            i += len(quote)
            while i < n and not text.startswith(quote, i):
                i += 2 if text[i] == "\\" else 1
            i += len(quote)
        elif c == "<" and (match := _IRIREF.match(text, i)):
            i = match.end()
        elif c in "?$:_" or c.isdigit():
            # a variable, a prefixed name with an empty prefix, a blank node or a number: not a keyword
            i = _NAME.match(text, i + 1).end()
        elif c.isalpha():
            word = _NAME.match(text, i).group(0)
            if ":" not in word:  # kg:cnsa is a prefixed name, not a keyword
                yield word.upper(), i, depth
            i += len(word)
        elif c == "{":
            yield "{", i, depth
            depth += 1
            i += 1
        elif c == "}":
            depth = max(0, depth - 1)
            yield "}", i, depth
            i += 1
        else:
            if not c.isspace():
                yield ".", i, depth
            i += 1


_NAME = re.compile(r"[\w:.\-]*")
QUERY_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


def query_form(text: str) -> str | None:
    """The first query form or update keyword of ``text`` (``SELECT``, ``INSERT``...), if any.

    >>> query_form("PREFIX x: <http://e/> INSERT DATA { x:a x:b x:c }")
    'INSERT'
    """
    for token, _, depth in scan(text):
        if depth == 0 and token in QUERY_FORMS + UPDATE_KEYWORDS:
            return token
    return None


def where_group_start(text: str) -> int | None:
    """The index of the ``{`` that opens the query's WHERE group, or ``None``.

    The WHERE group is the first top-level group after the keyword ``WHERE``; a SELECT, ASK or
    DESCRIBE may omit the keyword, then it is the first top-level group.

    >>> where_group_start('CONSTRUCT { ?a ?b "{" } WHERE { ?a ?b ?c }')
    30
    >>> where_group_start("ASK { }")
    4
    """
    previous: str | None = None
    first_group: int | None = None
    for token, i, depth in scan(text):
        if depth != 0:
            continue
        if token == "{":
            if previous == "WHERE":
                return i
            if first_group is None:
                first_group = i
        previous = token
    if first_group is not None and query_form(text) in ("SELECT", "ASK", "DESCRIBE"):
        return first_group
    return None


SERVICE_HINT = " (`spacekg query --allow-service` lets it)"
# Oxigraph's parser recurses once per bracket and overflows its stack (a segmentation fault, no
# message) at a few thousand nested `{` or `(`; no real query comes near this bound.
MAX_NESTING = 256
_BRACKETS = re.compile(
    r"#[^\n]*"
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"
    r"|[\[\](){}]"
)


def check_nesting(text: str, *, source: str = "query") -> None:
    """Raise :class:`QueryError` if brackets (``{``, ``(``, ``[``) nest deeper than :data:`MAX_NESTING`.

    Checked before any parser sees the text; brackets inside strings, IRIs and comments do not count.

    >>> check_nesting("SELECT * { " + "{ " * 300 + "}" * 300 + " }")
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: query:1: the query nests brackets more than 256 deep; SpaceKG allows 256
    """
    depth = 0
    for match in _BRACKETS.finditer(text):
        token = match.group(0)
        if token in "([{":
            depth += 1
            if depth > MAX_NESTING:
                line = text.count("\n", 0, match.start()) + 1
                raise QueryError(f"{source}:{line}: the query nests brackets more than {MAX_NESTING} deep; "
                                 f"SpaceKG allows {MAX_NESTING}")
        elif token in ")]}":
            depth = max(0, depth - 1)


def run(
    store: pyoxigraph.Store,
    text: str,
    *,
    bindings: dict[str, object] | None = None,
    source: str = "query",
    allow_service: bool = False,
):
    """Run ``text`` on ``store``; raise :class:`QueryError` (with the parser's message) if it is malformed.

    A federated query (SPARQL ``SERVICE``, a request to another endpoint) raises
    :class:`graph.offline.ServiceRefusedError` unless ``allow_service``: nothing leaves the
    machine unasked. The results stream lazily; :func:`answer` also runs them with no network.
    """
    check_bound(text, bindings or {}, source)
    text = bind(text, bindings or {})
    check_nesting(text, source=source)
    if not allow_service:
        from graph.offline import refuse_services

        refuse_services(text, source=source, hint=SERVICE_HINT)
    from graph.sparql import options, readable_syntax_error

    try:
        return store.query(text, **options(text))
    except SyntaxError as exc:
        raise QueryError(readable_syntax_error(str(exc), text, source)) from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"{source}: the query failed: {exc}") from exc


def answer(
    store: pyoxigraph.Store,
    text: str,
    fmt: str,
    *,
    bindings: dict[str, object] | None = None,
    source: str = "query",
    allow_service: bool = False,
) -> str:
    """Run ``text`` on ``store`` and format its results (see :func:`run` and :func:`format_results`).

    Unless ``allow_service``, the query runs and its results stream in a thread that cannot open
    an Internet socket (:func:`graph.offline.run_offline`), so a SERVICE the parse missed fails
    rather than sends. An error while the results stream (a failed SERVICE, an evaluation
    error) raises :class:`QueryError`.
    """

    check_nesting(text, source=source)
    if not allow_service:
        # checked here, not in the thread below: the parser leaves garbage that keeps its callers'
        # frames alive until collected, and that thread's frames hold pyoxigraph results, which
        # must be dropped by the thread that made them
        from graph.offline import refuse_services

        refuse_services(bind(text, bindings or {}), source=source, hint=SERVICE_HINT)

    def go() -> str:
        results = run(store, text, bindings=bindings, source=source, allow_service=True)
        try:
            return format_results(results, fmt)
        except (OSError, RuntimeError, ValueError) as exc:
            failure = str(exc)
        # raised without the engine's error attached: its traceback would keep the results alive,
        # and pyoxigraph results must be dropped by the thread that made them
        del results
        raise QueryError(f"{source}: the query failed: {failure}")

    if allow_service:
        return go()
    from graph.offline import run_offline

    return run_offline(go)


def term_to_text(term) -> str:
    """A term as a table cell: prefixed IRIs, plain literal values."""
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def format_results(results, fmt: str) -> str:
    """Serialise query results: a table, SPARQL results CSV/TSV/JSON/XML, or RDF for graph results.

    ``results`` come from :func:`run` or :func:`graph.remote.query`; the text ends with a newline.
    """
    text = _format_results(results, fmt)
    return text if text.endswith("\n") else text + "\n"


def _format_results(results, fmt: str) -> str:
    import pyoxigraph as ox

    if isinstance(results, ox.QueryBoolean):
        if fmt in ("json", "xml"):
            format_enum = ox.QueryResultsFormat.JSON if fmt == "json" else ox.QueryResultsFormat.XML
            return results.serialize(format=format_enum).decode("utf-8") + "\n"
        if fmt in GRAPH_FORMATS:
            raise QueryError(f"an ASK query gives true or false: use --format {'|'.join(SELECT_FORMATS)}")
        return "true\n" if results else "false\n"
    if isinstance(results, ox.QueryTriples | list):  # a list of triples comes from a remote endpoint
        rdf_format = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                      "jsonld": ox.RdfFormat.JSON_LD, "table": ox.RdfFormat.TURTLE}.get(fmt)
        if rdf_format is None:
            raise QueryError(f"a CONSTRUCT or DESCRIBE query gives a graph: use --format {'|'.join(GRAPH_FORMATS)}")
        prefixes = {p: iri for p, iri in PREFIXES.items() if p} if rdf_format is ox.RdfFormat.TURTLE else None
        return ox.serialize(results, format=rdf_format, prefixes=prefixes).decode("utf-8")
    if fmt in GRAPH_FORMATS:
        raise QueryError(f"a SELECT query gives a table: use --format {'|'.join(SELECT_FORMATS)}")
    if fmt in ("json", "xml", "csv", "tsv"):
        format_enum = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                       "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}[fmt]
        return results.serialize(format=format_enum).decode("utf-8")
    variables = [v.value for v in results.variables]
    rows = [[term_to_text(solution[v]) for v in variables] for solution in results]
    return format_table(variables, rows)


def format_table(headers: list[str], rows: list[list[str]]) -> str:
    """A plain-text table with a header rule; cells wider than 70 characters wrap."""
    import textwrap

    if not rows:
        return "(no results)\n"
    wrapped = [[textwrap.wrap(cell, 70) or [""] for cell in row] for row in rows]
    widths = [
        max([len(h)] + [max(len(line) for line in row[i]) for row in wrapped]) for i, h in enumerate(headers)
    ]
    out = io.StringIO()
    out.write("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in wrapped:
        for k in range(max(len(cell) for cell in row)):
            parts = [(cell[k] if k < len(cell) else "").ljust(w) for cell, w in zip(row, widths, strict=True)]
            out.write("  ".join(parts).rstrip() + "\n")
    out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")
    return out.getvalue()


def check_bound(text: str, bindings: dict[str, object], source: str = "query") -> None:
    """Refuse a named query's text whose required parameters are not bound, rather than answer for all.

    Raises
    ------
    QueryError
        If the text's header declares a required parameter that ``bindings`` lack.
    """
    from graph.params import declared

    missing = [p.name for p in declared(text).values() if p.required and p.variable not in bindings]
    if missing:
        raise QueryError(f"{source}: the query needs parameter(s) {', '.join(missing)}: bind them with "
                         "NamedQuery.bind(store, {...}) or run(..., bindings={...})")


# The named queries of ontology/queries/ and their typed parameters (graph/named.py).
from graph.named import BoundQuery, NamedQuery, describe_named_queries, get_named_query, named_queries  # noqa: E402, F401
