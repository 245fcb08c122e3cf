"""The named queries of ``ontology/queries/``: the question each answers, its typed parameters, its binding.

Each ``.rq`` file's first comment lines say the question it answers and declare its parameters
with their kinds (see :mod:`graph.params`). :meth:`NamedQuery.bind` resolves the values a person
gives (names, levels, dates) into RDF terms and binds them in a ``VALUES`` block
(:func:`graph.query.bind`); the command line only calls it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from graph import paths
from graph.errors import QueryError
from graph.params import Param

_PARAM = re.compile(r"^#\s*param:")


@dataclass(frozen=True)
class NamedQuery:
    """A query of the library: its name, the question it answers, its typed parameters and its text."""

    name: str
    question: str
    params: dict[str, Param]
    text: str
    path: Path

    @property
    def required(self) -> list[str]:
        """The parameters without a default, which every call must give."""
        return [name for name, param in self.params.items() if param.required]

    def bind(self, store, given: dict[str, str]) -> BoundQuery:
        """The query with each parameter resolved by its kind (:mod:`graph.params`) and bound as an RDF term.

        ``store`` (embedded or :class:`graph.remote.RemoteStore`) names the entities and classes.
        A parameter left out takes its default (``as-of`` is today); a date of ``all`` stays unbound.

        Raises
        ------
        QueryError
            A parameter the query does not take, or a required one missing (exit 7).
        UnknownEntityError
            A value that names nothing of its kind, with the closest names (exit 4).
        """
        from graph.params import resolve_value

        unknown = [p for p in given if p not in self.params]
        if unknown:
            takes = ", ".join(self.params) or "none"
            raise QueryError(f"named query {self.name!r} has no parameter(s) {', '.join(unknown)} (it takes: {takes})")
        missing = [p for p in self.required if p not in given]
        if missing:
            needs = "; ".join(f"-p {m} {self.params[m].kind.upper()} ({self.params[m].description})"
                              for m in missing)
            raise QueryError(f"named query {self.name!r} needs parameter(s): {needs}")
        terms: dict[str, object] = {}
        for name, param in self.params.items():
            value = given.get(name, param.default)
            terms[param.variable] = resolve_value(store, param, value)
        # the header shows the terms as serialised (escaped), never the raw text: a newline cannot end the comment
        header = [f"# bound: {name} = {'UNDEF (every date)' if terms[p.variable] is None else terms[p.variable]}"
                  for name, p in self.params.items()]
        body = "\n".join(line for line in self.text.splitlines() if not _PARAM.match(line))
        from graph.query import bind

        text = bind("\n".join(header) + ("\n" if header else "") + body + "\n", terms)
        return BoundQuery(text, str(self.path), terms)


@dataclass(frozen=True)
class BoundQuery:
    """A named query with its parameters bound: a text that runs as is, here or on a remote endpoint."""

    text: str
    source: str
    bindings: dict[str, object]


def named_queries(folder: Path | None = None) -> dict[str, NamedQuery]:
    """Every named query in ``folder`` (default: the project's ``ontology/queries``), by name."""
    from graph.params import parse_header_line

    folder = folder or paths.queries_dir()
    found = {}
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        question_lines, params = [], {}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.startswith("#"):
                break
            param = parse_header_line(line, where=f"{path}:{number}: ")
            if param is not None:
                params[param.name] = param
            else:
                question_lines.append(line.lstrip("# ").rstrip())
        found[path.stem] = NamedQuery(
            name=path.stem, question=" ".join(q for q in question_lines if q), params=params, text=text, path=path
        )
    return found


def get_named_query(name: str) -> NamedQuery:
    library = named_queries()
    if name not in library:
        import difflib

        close = difflib.get_close_matches(name, list(library), n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise QueryError(f"unknown named query {name!r}{hint}; `spacekg query --list` shows them all")
    return library[name]


def describe_named_queries() -> str:
    """One entry per named query: how to call it, the question it answers, each parameter's kind and values."""
    lines = []
    for nq in named_queries().values():
        call = " ".join(f"-p {p} {param.kind.upper()}" if param.required else f"[-p {p} {param.kind.upper()}]"
                        for p, param in nq.params.items())
        lines.append(f"{nq.name}{' ' + call if call else ''}\n    {nq.question}\n")
        for p, param in nq.params.items():
            lines.append(f"      {p} ({param.kind}): {param.description}; {param.allowed()}\n")
    return "".join(lines)
