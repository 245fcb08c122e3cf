"""SPARQL as the standard says, shared by ``spacekg query`` and ``spacekg serve``.

The dataset
-----------
A query's dataset is chosen as SPARQL 1.1 (section 13.2) and the SPARQL 1.1 Protocol (section
2.1.4) say, in this order:

1. the protocol's ``default-graph-uri`` / ``named-graph-uri`` (``spacekg serve`` only), when
   either is given: the default graph is the merge of the ``default-graph-uri`` graphs and the
   named graphs are the ``named-graph-uri`` graphs, whatever the query's ``FROM`` says;
2. else the query's own ``FROM`` / ``FROM NAMED``;
3. else SpaceKG's default: the default graph is the union of every named graph (``GRAPH ?g``
   still reaches each source).

The base IRI
------------
Relative IRIs resolve against :data:`BASE_IRI` (SpaceKG's entity namespace, so ``<nasa>`` is
``kg:nasa``), unless the query says ``BASE``; ``CONSTRUCT { <s> <p> 1 } WHERE {}`` works.

Readable errors
---------------
Oxigraph's parse errors list every token and Unicode range the grammar would have accepted;
:func:`readable_syntax_error` turns them into one line a person can act on ("unknown prefix
nope", "not a valid IRI", "expected WHERE or {").
"""

from __future__ import annotations

import re

from graph.errors import QueryError
from graph.namespaces import KG, PREFIXES

BASE_IRI = KG
# RFC 3987 IRI: a scheme, then no space, no <>"{}|^`\ and no control character
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]*")
_POSITION = re.compile(r"error at (\d+):(\d+): expected (?:one of )?(.*)", re.DOTALL)
_CHAR_CLASS = re.compile(r"\[(?:'(?:[^'\\]|\\.)*'|[^\]'])*\]")
_PREFIXED_END = re.compile(r"([A-Za-z][\w\-.]*)?:[\w\-.%\\]*$")
_ALTERNATIVE = re.compile(r'"(?:[^"\\]|\\.)*"|[^,\s][^,]*')
MAX_ALTERNATIVES = 12
FORMS = "SELECT, CONSTRUCT, ASK or DESCRIBE"


def check_iri(value: str, parameter: str) -> str:
    """``value`` if it is an absolute IRI, else raise :class:`QueryError` naming ``parameter``.

    >>> check_iri("https://w3id.org/spacekg/catalog", "default-graph-uri")
    'https://w3id.org/spacekg/catalog'
    >>> check_iri("not an iri", "default-graph-uri")
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: default-graph-uri: 'not an iri' is not an absolute IRI (such as https://w3id.org/spacekg/catalog)
    """
    if not _IRI.fullmatch(value):
        raise QueryError(f"{parameter}: {value[:200]!r} is not an absolute IRI (such as https://w3id.org/spacekg/catalog)")
    return value


def has_dataset(text: str) -> bool:
    """Whether the query names its own dataset (a top-level ``FROM`` or ``FROM NAMED``).

    >>> has_dataset("SELECT * FROM <http://e/g> { ?s ?p ?o }"), has_dataset('SELECT ("FROM" AS ?x) {}')
    (True, False)
    """
    from graph.query import scan

    return any(token == "FROM" and depth == 0 for token, _, depth in scan(text))


def options(text: str, default_graphs: list[str] | None = None,
            named_graphs: list[str] | None = None) -> dict:
    """The keyword arguments of ``pyoxigraph.Store.query`` for ``text`` (see the module's rules).

    Raises :class:`QueryError` if a protocol graph is not an absolute IRI.
    """
    import pyoxigraph as ox

    chosen: dict = {"prefixes": PREFIXES, "base_iri": BASE_IRI}
    default_graphs = [check_iri(g, "default-graph-uri") for g in default_graphs or []]
    named_graphs = [check_iri(g, "named-graph-uri") for g in named_graphs or []]
    if default_graphs or named_graphs:
        chosen["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        chosen["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    elif not has_dataset(text):
        chosen["use_default_graph_as_union"] = True
    return chosen


def _alternatives(expected: str) -> list[str]:
    """The readable alternatives of Oxigraph's "expected one of ..." list (character classes dropped)."""
    expected = _CHAR_CLASS.sub("", expected)
    seen = []
    for part in _ALTERNATIVE.findall(expected):
        part = part.strip()
        if part and part not in seen:
            seen.append(part)
    return seen


def readable_syntax_error(message: str, text: str, source: str = "query") -> str:
    """One line for Oxigraph's parse error ``message`` about ``text``: where, and what to do.

    >>> readable_syntax_error("error at 1:30: expected one of Prefix not found, ['%']",
    ...                       "SELECT ?x WHERE { ?x nope:foo ?y }")[:57]
    'query:1:22: unknown prefix nope (in nope:foo): declare it'
    """
    match = _POSITION.match(message)
    if not match:
        return f"{source}: malformed SPARQL: {message.strip()}"
    line_no, column = int(match.group(1)), int(match.group(2))
    lines = text.split("\n")
    line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    before = line[: max(column - 1, 0)]
    alternatives = _alternatives(match.group(3))
    if "Prefix not found" in alternatives:
        name = _PREFIXED_END.search(before)
        if name:
            prefix = name.group(1) or ""
            known = ", ".join(p for p in PREFIXES if p)
            shown = ", ".join(known.split(", ")[:5])
            return (f"{source}:{line_no}:{name.start() + 1}: unknown prefix {prefix or '(empty)'} "
                    f"(in {name.group(0)}): declare it with PREFIX {prefix}: <...>, "
                    f"or use a predeclared one ({shown}, ...)")
    if "IRI parsing failed" in alternatives:
        start = before.rfind("<")
        iri = line[start: line.find(">", start) + 1] if start >= 0 else ""
        return f"{source}:{line_no}:{start + 1 if start >= 0 else column}: {iri or 'an IRI'} is not a valid IRI"
    near = line[max(column - 1, 0):][:20].strip()
    at_end = not near and line_no >= len(lines)
    wanted = [a for a in alternatives if a not in ("Prefix not found", "IRI parsing failed")]
    if any(form in wanted for form in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")):
        first = re.search(r"\S+", line)
        if first and first.group(0).upper() not in ("PREFIX", "BASE"):
            return (f"{source}:{line_no}:{first.start() + 1}: {first.group(0)!r} is not a query form: "
                    f"expected {FORMS}")
        return f"{source}:{line_no}:{column}: syntax error at {near!r}: expected a query form ({FORMS})"
    if at_end:
        return (f"{source}:{line_no}:{column}: the query ends too early (a {{ or ( not closed, or a "
                f"triple pattern cut short)")
    shown = ", ".join(wanted[:MAX_ALTERNATIVES]) + (", ..." if len(wanted) > MAX_ALTERNATIVES else "")
    return f"{source}:{line_no}:{column}: syntax error at {near!r}" + (f": expected {shown}" if shown else "")
