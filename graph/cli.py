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
        except click.ClickException:  # a usage error: click prints it and exits with 2
            raise
        except Exception as exc:
            if os.environ.get("SPACEKG_DEBUG"):
                raise
            click.echo(f"internal error: {type(exc).__name__}: {exc} (set SPACEKG_DEBUG=1 for details)", err=True)
            sys.exit(1)

    return wrapper


def remote_options(command: Callable) -> Callable:
    """``--endpoint`` and ``--header``: read the graph from a SPARQL endpoint instead of the build."""
    command = click.option(
        "--header", "headers", multiple=True, metavar="'NAME: VALUE'",
        help="An HTTP header for --endpoint, e.g. 'Authorization: Bearer TOKEN'; repeatable. "
        "$SPACEKG_AUTH_HEADER adds one too.",
    )(command)
    return click.option(
        "--endpoint", metavar="URL", help="Read the graph from this SPARQL 1.1 endpoint instead of the build.",
    )(command)


def open_graph(build_dir: Path | None, endpoint: str | None = None, headers: tuple[str, ...] = ()):
    """The built graph (embedded Oxigraph store), or a remote endpoint answering the same queries."""
    if endpoint:
        from graph import remote

        return remote.RemoteStore(remote.check_endpoint(endpoint), remote.auth_headers(headers))
    if headers:
        raise click.UsageError("--header goes with --endpoint")
    from graph.store import open_store

    return open_store(build_dir or default_build_dir())


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

user_data_option = click.option(
    "--user-data",
    "user_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Your data folder: proposals, accepted sources and their new entities, built with the curated data "
    "(default: $SPACEKG_USER_DATA, else $XDG_DATA_HOME/spacekg, else ~/.local/share/spacekg).",
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
@user_data_option
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
    data_dir: Path | None, user_dir: Path | None, text_dirs: tuple[Path, ...], output: Path | None,
    build_dir: Path | None, as_json: bool,
) -> None:
    """Compile the ontology, catalog and sources into the graph, check it, and write it.

    Every quote is checked at its offsets in its source text, every entity against the catalog,
    every term against the ontology, and the whole graph against the SHACL shapes. Nothing is
    written unless all checks pass.
    """
    from graph.build import assemble, summary
    from graph.store import write_build

    result = assemble(text_dirs=text_dirs, **data_folders(data_dir, user_dir))
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
@user_data_option
@texts_option
@reports_errors
def validate(data_dir: Path | None, user_dir: Path | None, text_dirs: tuple[Path, ...]) -> None:
    """Run every check of `build` without writing anything."""
    from graph.build import assemble, summary

    result = assemble(text_dirs=text_dirs, **data_folders(data_dir, user_dir))
    report = summary(result)
    click.echo(
        f"valid: {report['triples']} triples, {sum(report['statements'].values())} statements, "
        f"{len(report['sources'])} source(s)"
    )
    for source in result.unchecked:
        click.echo(f"note: the text of {source.id} is not at hand; its quotes were not checked", err=True)


def data_folders(data_dir: Path | None, user_dir: Path | None) -> dict[str, list[Path]]:
    """The curated data (the package's, or --data) and the user's folder, as `assemble` takes them."""
    from graph import userdata

    return userdata.folders(data_dir, user_dir).assemble_args()


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
@click.option("--endpoint", metavar="URL", help="Query this SPARQL 1.1 endpoint instead of the built graph.")
@click.option(
    "--header", "headers", multiple=True, metavar="'NAME: VALUE'",
    help="An HTTP header for --endpoint, e.g. 'Authorization: Bearer TOKEN'; repeatable. "
    "$SPACEKG_AUTH_HEADER adds one too. Never put credentials in the URL.",
)
@click.option(
    "--allow-service", is_flag=True,
    help="Let the query use SPARQL SERVICE, which sends requests to the endpoints it names. "
    "Refused (exit 7) without this flag: nothing leaves the machine unasked.",
)
@build_dir_option
@reports_errors
def query(
    query: str | None,
    name: str | None,
    params: tuple[tuple[str, str], ...],
    list_queries: bool,
    fmt: str,
    endpoint: str | None,
    headers: tuple[str, ...],
    allow_service: bool,
    build_dir: Path | None,
) -> None:
    """Run a SPARQL query on the built graph and print the results.

    QUERY is the query text, a file name, or - for standard input. The prefixes of the
    ontology are predeclared (`:` is the ontology, `kg:` the entities), and the default graph
    is the union of all sources; GRAPH ?g reaches each source. A federated query (SERVICE)
    is refused unless --allow-service is given.

    \b
    Examples:
      spacekg query 'SELECT ?a ?b { ?a :partnerOf ?b }'
      spacekg query my-question.rq --format csv
      spacekg query --name partners-of -p agency cnsa
      spacekg query --name partners-of -p agency cnsa --endpoint http://localhost:7878/query
    """
    from graph import query as q

    if list_queries:
        click.echo(q.describe_named_queries(), nl=False)
        return
    if name and query:
        raise QueryError("give either a query or --name, not both")
    if query is None and not name:
        raise QueryError("give a query (text, file, or - for stdin), or --name NAME")
    if params and not name:
        raise QueryError("parameters (-p) go with named queries (--name)")
    if headers and not endpoint:
        raise QueryError("--header goes with --endpoint")
    named = q.get_named_query(name) if name else None
    text, label = read_query_argument(query) if named is None else (named.text, str(named.path))
    store = open_graph(build_dir, endpoint, headers)
    if named is not None:
        bound = named.bind(store, dict(params))
        text, label = bound.text, bound.source
    if endpoint:
        # the endpoint runs the query, SERVICE included: its own policy applies, not --allow-service
        from graph import remote

        results = remote.query(endpoint, text, headers=remote.auth_headers(headers), source=label)
        click.echo(q.format_results(results, fmt), nl=False)
        return
    click.echo(q.answer(store, text, fmt, source=label, allow_service=allow_service), nl=False)


def read_query_argument(argument: str) -> tuple[str, str]:
    """The query text for QUERY: stdin for -, a file if one exists by that name, else the text itself."""
    if argument == "-":
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
        return (_decode_query(data, "<stdin>") if isinstance(data, bytes) else data), "<stdin>"
    path = Path(argument)
    try:
        is_file = len(argument) < 4096 and "\n" not in argument and path.is_file()
    except OSError:  # a long query text is no file name (ENAMETOOLONG)
        is_file = False
    if is_file or (len(argument) < 4096 and "\n" not in argument and path.suffix in (".rq", ".sparql")):
        try:
            return _decode_query(path.read_bytes(), str(path)), str(path)
        except OSError as exc:
            raise QueryError(f"cannot read query file: {exc.strerror}") from exc
    return argument, "<query>"


def _decode_query(data: bytes, label: str) -> str:
    """A query file's text: UTF-8 (a leading byte-order mark is dropped), else a QueryError with the line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise QueryError(f"{label}:{line}: the query is not UTF-8 text (byte 0x{data[exc.start]:02x} "
                         f"at offset {exc.start}); SPARQL queries are UTF-8") from exc


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True, help="0 picks a free port.")
@click.option("--timeout", type=click.FloatRange(0.1, 3600), default=10.0, help="Seconds a query may run (10).")
@click.option("--max-results", type=click.IntRange(1), default=10_000, help="Rows an answer may hold (10000).")
@click.option("--workers", type=click.IntRange(1, 64), default=2, help="Query processes kept ready (2).")
@click.option("--max-workers", type=click.IntRange(1, 256), default=8, help="Query processes at most (8).")
@click.option("--max-memory", type=click.IntRange(64), default=512, help="Megabytes a query may use (512).")
@click.option("--in-memory/--on-disk", "in_memory", default=None,
              help="Answer from a copy of the build in each worker's memory, or from the store on disk "
              "(default: a copy when it takes at most half of --max-memory).")
@click.option("--quiet", "-q", is_flag=True, help="Do not log each request.")
@build_dir_option
@reports_errors
def serve(host: str, port: int, timeout: float, max_results: int, workers: int, max_workers: int, max_memory: int,
          in_memory: bool | None, quiet: bool, build_dir: Path | None) -> None:
    """Serve the built graph as a read-only SPARQL 1.1 endpoint (with a query page at /).

    \b
    Examples:
      spacekg serve --port 7878
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?a :partnerOf ?b }' \\
           http://127.0.0.1:7878/sparql
    """
    from graph.server import Limits
    from graph.server import serve as run_server

    run_server(build_dir or default_build_dir(), host=host, port=port,
               limits=Limits(timeout, max_results, max_memory), workers=workers, max_workers=max(workers, max_workers),
               quiet=quiet, in_memory=in_memory, announce=click.echo)


@main.command()
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store Protocol URL (Oxigraph /store, Fuseki /DATASET/data), or with --update "
              "a SPARQL Update URL.")
@click.option("--graph", "graph_iri", metavar="IRI", help="Put every triple in this one graph.")
@click.option("--update", is_flag=True, help="Use SPARQL 1.1 Update (INSERT DATA) instead of Graph Store PUTs.")
@click.option("--header", "headers", multiple=True, metavar="'NAME: VALUE'",
              help="An HTTP header, e.g. 'Authorization: Bearer TOKEN'; repeatable. $SPACEKG_AUTH_HEADER adds one.")
@build_dir_option
@reports_errors
def push(endpoint: str, graph_iri: str | None, update: bool, headers: tuple[str, ...],
         build_dir: Path | None) -> None:
    """Load the built graph into a remote SPARQL store, one named graph per source.

    Each graph sent replaces the graph of the same name in the store. Named queries expect the
    store's default graph to be the union of its named graphs (Oxigraph: --union-default-graph).

    \b
    Examples:
      spacekg push --endpoint http://localhost:7878/store
      spacekg push --endpoint http://localhost:3030/spacekg/data --header "Authorization: Basic ..."
      spacekg push --endpoint http://localhost:7878/update --update --graph https://example.org/spacekg
    """
    from graph import remote
    from graph.push import push_build

    pushed = push_build(build_dir or default_build_dir(), endpoint, graph=graph_iri, update=update,
                               headers=remote.auth_headers(headers))
    for item in pushed:
        click.echo(f"{item.triples:>8} triples -> {'default graph' if item.graph is None else '<' + item.graph + '>'}")
    click.echo(f"pushed {sum(i.triples for i in pushed)} triples in {len(pushed)} graph(s) to {endpoint}")


# The commands that read the graph as a network (analyze, explain, export, render) and those that
# grow it from articles (extract, ingest, review) live in their own modules.
from graph import cli_analysis, cli_articles  # noqa: E402, F401 - register their commands on `main`

if __name__ == "__main__":  # pragma: no cover
    # `python -m graph.cli`: this file runs as __main__, but the commands are registered on the
    # `main` of the module `graph.cli`
    from graph.cli import main as registered

    registered()
