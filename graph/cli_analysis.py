"""The commands that read the graph as a network: ``analyze``, ``explain``, ``export`` and ``render``.

A thin layer, like :mod:`graph.cli`: each command parses its options and calls
:mod:`graph.analysis`, :mod:`graph.mirror` or :mod:`graph.maps`.
"""

from __future__ import annotations

from pathlib import Path

import click

from graph.cli import build_dir_option, main, open_graph, read_query_argument, remote_options, reports_errors
from graph.errors import SpaceKGError
from graph.maps.spec import KINDS as MAP_KINDS
from graph.mirror.projections import PROJECTIONS
from graph.paths import default_build_dir
from graph.qualifiers import Certainty


def _as_of(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from graph.qualifiers import TimeValue

    if value is None:
        return None
    try:
        TimeValue.parse(value)
    except SpaceKGError as exc:
        raise click.BadParameter(str(exc)) from exc
    return value


def as_of_option(command):
    """``--as-of DATE`` and ``--all-dates``: the date the answer holds on (default: today)."""
    command = click.option(
        "--all-dates", is_flag=True, help="Every statement whatever its dates (default: only those that hold today).",
    )(command)
    return click.option(
        "--as-of", metavar="DATE", callback=_as_of,
        help="Only statements that held on DATE (YYYY, YYYY-MM or YYYY-MM-DD); default: today.",
    )(command)


def _when(as_of: str | None, all_dates: bool) -> str | None:
    """The date to answer as of (today by default), or ``None`` with --all-dates."""
    from graph.errors import UsageError
    from graph.mirror.filters import as_of_date

    try:
        return as_of_date(as_of, all_dates)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from exc


def _as_of_dates(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> list[str]:
    return [_as_of(ctx, param, value) for value in values]


min_certainty_option = click.option(
    "--min-certainty",
    type=click.Choice(Certainty.names(), case_sensitive=False),
    help=f"Only statements at least this sure ({' > '.join(Certainty.names())}).",
)


@main.command()
@as_of_option
@min_certainty_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@build_dir_option
@remote_options
@reports_errors
def analyze(as_of: str | None, all_dates: bool, min_certainty: str | None, fmt: str, build_dir: Path | None,
            endpoint: str | None, headers: tuple[str, ...]) -> None:
    """Print the blocs, the most central actors and the structural balance of the graph, as of today
    unless --as-of or --all-dates."""
    from graph.analysis import analysis_json, format_analysis
    from graph.analysis import analyze as run_analysis
    from graph.mirror import cached_mirror

    G = cached_mirror(open_graph(build_dir, endpoint, headers))
    result = run_analysis(G, as_of=_when(as_of, all_dates), min_certainty=min_certainty)
    click.echo(analysis_json(result) if fmt == "json" else format_analysis(result), nl=fmt == "json")


@main.command()
@click.argument("entity_a")
@click.argument("entity_b")
@as_of_option
@min_certainty_option
@build_dir_option
@remote_options
@reports_errors
def explain(entity_a: str, entity_b: str, as_of: str | None, all_dates: bool, min_certainty: str | None,
            build_dir: Path | None, endpoint: str | None, headers: tuple[str, ...]) -> None:
    """Print the shortest chains of statements linking two entities, with evidence and certainty, as of
    today unless --as-of or --all-dates (a statement that ended shows its end).

    Entities are named by label, alias, acronym or ID, in any case (e.g. CNSA, "US space agency",
    kg:roscosmos).
    """
    from graph.analysis import explain_text, resolve
    from graph.mirror import cached_mirror

    G = cached_mirror(open_graph(build_dir, endpoint, headers))
    a, b = resolve(G, entity_a), resolve(G, entity_b)
    click.echo(explain_text(G, a, b, as_of=_when(as_of, all_dates), min_certainty=min_certainty), nl=False)


@main.command()
@click.option(
    "--projection", type=click.Choice(list(PROJECTIONS)),
    default="full", show_default=True, help="Which graph to write.",
)
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf"]),
              help="graphml or gexf (default: from the extension of --output).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write: .graphml or .gexf.")
@as_of_option
@min_certainty_option
@build_dir_option
@remote_options
@reports_errors
def export(
    projection: str, fmt: str | None, output: Path, as_of: str | None, all_dates: bool, min_certainty: str | None,
    build_dir: Path | None, endpoint: str | None, headers: tuple[str, ...],
) -> None:
    """Write a projection of the graph as GraphML or GEXF (for Gephi, Cytoscape, yEd), attributes kept.

    The format follows the extension of --output (.graphml, .gexf). Statements that hold today
    unless --as-of or --all-dates. Missing values are left out; lists and dicts are written as JSON text.
    """
    from graph.errors import UsageError
    from graph.files import write_atomically
    from graph.mirror import cached_mirror, export_bytes, export_format, project
    from graph.mirror.filters import describe_dates

    try:
        fmt = export_format(output, fmt)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from exc
    when = _when(as_of, all_dates)
    G = cached_mirror(open_graph(build_dir, endpoint, headers))
    P = project(G, projection, as_of=when, min_certainty=min_certainty)
    write_atomically(output, export_bytes(P, fmt))
    click.echo(f"wrote {P.number_of_nodes()} nodes and {P.number_of_edges()} edges ({projection}, {fmt}, "
               f"{describe_dates(when)}) -> {output}")


@main.command()
@click.argument("kind", type=click.Choice(MAP_KINDS), required=False)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The file to write: .png, .svg or .pdf (by its extension).")
@click.option("--query", "query_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Draw the result of a CONSTRUCT (or SELECT ?s ?p ?o) query file instead of a KIND.")
@click.option("--as-of", metavar="DATE", multiple=True, callback=_as_of_dates,
              help="Only statements that held on DATE (YYYY, YYYY-MM or YYYY-MM-DD; default: today); give it "
                   "twice or more for small multiples on one layout, what changed marked.")
@click.option("--all-dates", is_flag=True, help="Every statement whatever its dates.")
@min_certainty_option
@click.option("--focus", metavar="ENTITY", help="Only the neighbourhood of ENTITY (label, alias, acronym or ID).")
@click.option("--depth", type=click.IntRange(1, 6), default=1, show_default=True, help="Steps around --focus.")
@click.option("--title", help="The map's title (default: one per kind).")
@click.option("--dpi", type=click.IntRange(50, 600), default=150, show_default=True)
@click.option("--width", type=click.IntRange(400, 8000), default=1600, show_default=True, help="Pixels.")
@click.option("--height", type=click.IntRange(300, 8000), default=1000, show_default=True, help="Pixels.")
@build_dir_option
@remote_options
@reports_errors
def render(
    kind: str | None, output: Path, query_file: Path | None, as_of: list[str], all_dates: bool,
    min_certainty: str | None,
    focus: str | None, depth: int, title: str | None, dpi: int, width: int, height: int, build_dir: Path | None,
    endpoint: str | None, headers: tuple[str, ...],
) -> None:
    """Draw a relationship map as PNG, SVG or PDF: partnerships, rivalries, signed, memberships or timeline.

    \b
    Examples:
      spacekg render partnerships -o partnerships.png
      spacekg render signed --as-of 2021-12-31 --min-certainty planned -o camps.svg
      spacekg render signed --as-of 2021-12-31 --as-of 2025-12-31 -o change.pdf
      spacekg render memberships --focus NASA --depth 2 -o nasa.png
      spacekg render --query my-construct.rq -o mine.png
    """
    from graph import maps
    from graph.files import write_atomically
    from graph.mirror.filters import describe_dates
    from graph.store import build_hash

    if (kind is None) == (query_file is None):
        raise click.UsageError("give a KIND or --query FILE (one of them)")
    fmt = output.suffix.lower().lstrip(".")
    if fmt not in maps.FORMATS:
        raise click.UsageError(f"the output must be a .png, .svg or .pdf file, not {output.name!r}")
    if query_file is not None and as_of:
        raise click.UsageError("--as-of applies to a KIND, not to --query")
    dates = [_when(date, all_dates) for date in (as_of or [None])]  # today by default, each date checked
    folder = build_dir or default_build_dir()
    store = open_graph(build_dir, endpoint, headers)
    size = {"width": width, "height": height, "dpi": dpi, "fmt": fmt}
    if query_file is not None:
        text, label = read_query_argument(str(query_file))
        spec, drawn = maps.render_query(store, text, query_name=label, title=title,
                                        build_hash="" if endpoint else build_hash(folder), **size)
    else:
        when = dates[0] if len(dates) == 1 else dates  # one date, or small multiples on one layout
        memory = maps.memory_path(folder, kind, focus=focus, as_of=",".join(d or "all" for d in dates),
                                  min_certainty=min_certainty)
        spec, drawn = maps.render(store, kind, build_hash="" if endpoint else build_hash(folder), as_of=when,
                                  min_certainty=min_certainty, focus=focus, depth=depth, title=title,
                                  memory_path=None if endpoint else memory, **size)
    # one date is said after the counts; small multiples say theirs panel by panel
    shown_dates = f", {describe_dates(dates[0])}" if kind and len(dates) == 1 else ""
    write_atomically(output, drawn.data)
    drawn_spec = drawn.spec
    if drawn_spec.kind == "timeline":
        shown = f"{len(drawn_spec.events)} event{'s' if len(drawn_spec.events) != 1 else ''}"
    elif drawn_spec.panels:
        shown = "; ".join(f"{p.title}: {len(p.nodes)} nodes, {len(p.edges)} edges" for p in drawn_spec.panels)
    else:
        shown = f"{len(drawn_spec.nodes)} nodes, {len(drawn_spec.edges)} edges"
    click.echo(f"wrote {spec.kind} map ({shown}{shown_dates}) -> {output}")
