"""The ``spacekg`` command line: a thin layer over the library.

Every command turns a :class:`~graph.errors.SpaceKGError` into a one-line message on stderr
(``error: file:line: what is wrong``) and the exit code documented in :mod:`graph.errors`.
Heavy libraries (pySHACL, networkx, matplotlib) are imported inside the commands that need them.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

from graph import __version__
from graph.errors import QueryError, SpaceKGError
from graph.paths import default_build_dir

BUILD_DIR_HELP = "Folder of the built graph (default: $SPACEKG_BUILD_DIR or ./build)."


def reports_errors(command: Callable) -> Callable:
    """Print SpaceKG errors without a traceback and exit with their code."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except SpaceKGError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except Exception as exc:
            if os.environ.get("SPACEKG_DEBUG"):
                raise
            click.echo(f"internal error: {type(exc).__name__}: {exc} (set SPACEKG_DEBUG=1 for details)", err=True)
            sys.exit(1)

    return wrapper


def build_dir_option(command: Callable) -> Callable:
    return click.option(
        "--build-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=BUILD_DIR_HELP,
    )(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="spacekg")
def main() -> None:
    """SpaceKG: a provenance-tracked knowledge graph of space agencies and missions.

    Build the graph with `spacekg build`, then ask it questions with `spacekg query`.
    """


data_option = click.option(
    "--data",
    "data_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Curated data folder holding catalog/ and sources/ (default: the package's own graph/data).",
)

texts_option = click.option(
    "--texts",
    "text_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A folder of source texts to check quotes against (matched by SHA-256); repeatable.",
)


@main.command()
@data_option
@texts_option
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the graph to FILE; the extension picks the format: .trig .nq .ttl .nt",
)
@build_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@reports_errors
def build(
    data_dir: Path | None, text_dirs: tuple[Path, ...], output: Path | None, build_dir: Path | None, as_json: bool
) -> None:
    """Compile the ontology, catalog and sources into the graph, check it, and write it.

    Every quote is checked at its offsets in its source text, every entity against the catalog,
    every term against the ontology, and the whole graph against the SHACL shapes. Nothing is
    written unless all checks pass.
    """
    from graph.build import assemble, summary
    from graph.store import write_build

    result = assemble(text_dirs=text_dirs, **data_folders(data_dir))
    build_dir = build_dir or default_build_dir()
    written = write_build(result.dataset, build_dir, output=output)
    report = summary(result)
    report["written"] = str(written)
    report["store"] = str(build_dir / "oxigraph")
    if as_json:
        click.echo(json.dumps(report, indent=2))
    else:
        click.echo(render_summary(report))


@main.command()
@data_option
@texts_option
@reports_errors
def validate(data_dir: Path | None, text_dirs: tuple[Path, ...]) -> None:
    """Run every check of `build` without writing anything."""
    from graph.build import assemble, summary

    result = assemble(text_dirs=text_dirs, **data_folders(data_dir))
    report = summary(result)
    click.echo(
        f"valid: {report['triples']} triples, {sum(report['statements'].values())} statements, "
        f"{len(report['sources'])} source(s)"
    )
    for source in result.unchecked:
        click.echo(f"note: the text of {source.id} is not at hand; its quotes were not checked", err=True)


def data_folders(data_dir: Path | None) -> dict[str, Path]:
    if data_dir is None:
        return {}
    return {"catalog_dir": data_dir / "catalog", "sources_dir": data_dir / "sources"}


def render_summary(report: dict) -> str:
    lines = [f"Built {report['triples']} triples in {report['graphs']} named graphs -> {report['written']}"]
    lines.append("Entities:   " + ", ".join(f"{n} {t}" for t, n in report["entities"].items()))
    lines.append("Statements: " + ", ".join(f"{n} {c}" for c, n in report["statements"].items()))
    lines.append("Sources:")
    for sid, info in report["sources"].items():
        lines.append(f"  {sid}: {info['statements']} statements, evidence {info['evidence']}")
    return "\n".join(lines)


FORMAT_CHOICES = ["table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "jsonld"]


@main.command()
@click.argument("query", required=False)
@click.option("--name", "-n", help="Run a named query of the library (see --list).")
@click.option(
    "--param", "-p", "params", nargs=2, multiple=True, metavar="NAME VALUE",
    help="Bind a parameter of a named query, e.g. -p agency cnsa; repeatable.",
)
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and exit.")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMAT_CHOICES), default="table", show_default=True)
@build_dir_option
@reports_errors
def query(
    query: str | None,
    name: str | None,
    params: tuple[tuple[str, str], ...],
    list_queries: bool,
    fmt: str,
    build_dir: Path | None,
) -> None:
    """Run a SPARQL query on the built graph and print the results.

    QUERY is the query text, a file name, or - for standard input. The prefixes of the
    ontology are predeclared (`:` is the ontology, `kg:` the entities), and the default graph
    is the union of all sources; GRAPH ?g reaches each source.

    \b
    Examples:
      spacekg query 'SELECT ?a ?b { ?a :partnerOf ?b }'
      spacekg query my-question.rq --format csv
      spacekg query --name partners-of -p agency cnsa
    """
    from graph import query as q
    from graph.store import open_store

    if list_queries:
        for nq in q.named_queries().values():
            params_text = " ".join(f"-p {p} VALUE" for p in nq.params)
            click.echo(f"{nq.name}{' ' + params_text if params_text else ''}\n    {nq.question}")
        return
    bindings = {}
    if name:
        if query:
            raise QueryError("give either a query or --name, not both")
        named = q.get_named_query(name)
        given = dict(params)
        missing = [p for p in named.params if p not in given]
        if missing:
            raise QueryError(f"named query {name!r} needs parameter(s): " + ", ".join(f"-p {m} VALUE" for m in missing))
        unknown = [p for p in given if p not in named.params]
        if unknown:
            raise QueryError(f"named query {name!r} has no parameter(s) {', '.join(unknown)}")
        text, label = named.text, str(named.path)
        bindings = {k: q.parse_term(v) for k, v in given.items()}
    elif query is None:
        raise QueryError("give a query (text, file, or - for stdin), or --name NAME")
    else:
        if params:
            raise QueryError("parameters (-p) go with named queries (--name)")
        text, label = read_query_argument(query)
    store = open_store(build_dir or default_build_dir())
    results = q.run(store, text, bindings=bindings, source=label)
    click.echo(q.format_results(results, fmt), nl=False)


def read_query_argument(argument: str) -> tuple[str, str]:
    """The query text for QUERY: stdin for -, a file if one exists by that name, else the text itself."""
    if argument == "-":
        return sys.stdin.read(), "<stdin>"
    path = Path(argument)
    if len(argument) < 4096 and "\n" not in argument and path.suffix in (".rq", ".sparql") or path.is_file():
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except OSError as exc:
            raise QueryError(f"cannot read query file: {exc.strerror}") from exc
    return argument, "<query>"


if __name__ == "__main__":  # pragma: no cover
    main()
