"""The commands that grow the graph from articles: ``extract``, ``ingest`` and ``review``.

A thin layer, like :mod:`graph.cli`: each command parses its options and calls
:mod:`graph.extraction`, :mod:`graph.ingest`, :mod:`graph.batch` or :mod:`graph.review`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from graph.cli import build_dir_option, data_option, main, reports_errors, texts_option, user_data_option
from graph.paths import default_build_dir


@main.command()
@click.argument("article", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--date", "article_date", metavar="YYYY[-MM[-DD]]", help="The article's date (default: its header).")
@click.option("--format", "fmt", type=click.Choice(["tsv", "turtle"]), default="tsv", show_default=True)
@reports_errors
def extract(article: Path, article_date: str | None, fmt: str) -> None:
    """Extract statements from an ARTICLE text, with evidence and offsets.

    \b
    Examples:
      spacekg extract ../shared/corpus/04_esa-ends-exomars-roscosmos.txt
      spacekg extract ../shared/seed/cnet-2021-ilrs.txt --date 2021-03 --format turtle
    """
    from graph.extraction import entity_turtle, to_tsv
    from graph.extraction import extract as run_extract
    from graph.ingest import to_claims
    from graph.statements import curated_prologue, format_claim
    from graph.text import parse_date, read_article

    if article_date:
        parse_date(article_date)
    statements = run_extract(read_article(article), date=article_date)
    if fmt == "tsv":
        click.echo(to_tsv(statements), nl=False)
    else:
        click.echo(curated_prologue())
        click.echo("\n\n".join([*(entity_turtle(e) for e in statements.entities),
                                 *(format_claim(c) for c in to_claims(statements))]))


@main.command()
@click.argument("article", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--accept", "accept_id", metavar="ID", help="Accept the reviewed proposal ID into your data and graph.")
@click.option("--url")
@click.option("--title")
@click.option("--date", "article_date", metavar="YYYY[-MM[-DD]]",
              help="The article's date (default: its header or page); with --accept, for a source without one.")
@click.option("--publisher", help="A news outlet of the catalog (label or id).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of the proposals (default: sources/ of your data folder).")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True, help="For a folder.")
@data_option
@user_data_option
@texts_option
@build_dir_option
@reports_errors
def ingest(article: Path | None, accept_id: str | None, url: str | None, title: str | None,
           article_date: str | None, publisher: str | None, out_dir: Path | None, workers: int,
           data_dir: Path | None, user_dir: Path | None, text_dirs: tuple[Path, ...], build_dir: Path | None) -> None:
    """Propose the statements of an ARTICLE (text or saved web page, or a folder of them) for review,
    or --accept one into your data folder and the built graph.

    A folder is proposed on --workers processes with a progress bar on stderr, then one line per
    article (new, known or failed, and why) and a summary; it exits with 0 if no article failed,
    else with the exit code of the first that did. Accept is all or nothing, even if killed.

    \b
    Examples:
      spacekg ingest ../shared/corpus/04_esa-ends-exomars-roscosmos.txt
      spacekg ingest saved-page.html
      spacekg ingest ../shared/corpus/
      spacekg ingest --accept esa-ends-exomars-roscosmos --texts ../shared/corpus
    """
    from graph import ingest as ingest_lib

    folders = {"data_dir": data_dir, "user_dir": user_dir}
    if accept_id:
        written = ingest_lib.accept(accept_id, proposals_dir=out_dir, text_dirs=text_dirs, build_dir=(
            build_dir or default_build_dir()), date=article_date, **folders)
        click.echo(f"accepted {accept_id}: " + ", ".join(str(path) for path in written))
        click.echo(f"the graph in {build_dir or default_build_dir()} now holds it: queries answer with it")
        return
    if article is None:
        raise click.UsageError("give an ARTICLE (file or folder) or --accept ID")
    if article.is_dir():
        if url or title:
            raise click.UsageError("--url and --title are one article's: give them with an ARTICLE file, not a folder")
        sys.exit(_ingest_folder(article, workers, out_dir=out_dir, publisher=publisher, date=article_date, **folders))
    proposal = ingest_lib.propose(article, out_dir=out_dir, url=url, title=title, date=article_date,
                                  publisher=publisher, **folders)
    if proposal.status in ("known", "unchanged"):
        click.echo(f"nothing to do: {proposal.note}")
        return
    if proposal.note:
        click.echo(proposal.note)
    click.echo(f"proposed {proposal.statements} statements -> {proposal.path}")
    click.echo(f"review it, then: spacekg ingest --accept {proposal.source_id}")


def _ingest_folder(folder: Path, workers: int, **options) -> int:
    """Propose every article of a folder with a progress bar on stderr; print the outcomes; the exit code."""
    from graph import batch

    files = batch.articles_in(folder)
    with click.progressbar(length=len(files), label=f"proposing {len(files)} article(s) on {workers} process(es)",
                           file=sys.stderr, show_pos=True,
                           item_show_func=lambda o: o.path.name if o else None) as bar:
        outcomes = batch.ingest_folder(folder, workers=workers, progress=lambda o: bar.update(1, o), **options)
    for outcome in outcomes:
        click.echo(outcome.line())
    click.echo(batch.summary(outcomes))
    return batch.exit_code(outcomes)


@main.command()
@data_option
@user_data_option
@texts_option
@build_dir_option
@click.option("--port", type=click.IntRange(0, 65535), default=7879, show_default=True, help="0 picks a free port.")
@click.option("--quiet", "-q", is_flag=True, help="Do not log each request.")
@reports_errors
def review(data_dir: Path | None, user_dir: Path | None, text_dirs: tuple[Path, ...], build_dir: Path | None,
           port: int, quiet: bool) -> None:
    """Review the proposals of `spacekg ingest` (sources/ of your data folder) in the browser, then
    accept them into your data and the built graph.

    The page (on 127.0.0.1 only) shows each proposal's article with the evidence highlighted, each
    statement in words to keep, edit or reject, and each new entity to keep (it joins your catalog
    with the source), re-link to a catalog entity or reject. Its edits are the ones a review by
    hand would make; accepting is `spacekg ingest --accept`.

    \b
    Example:
      spacekg review --texts ../shared/corpus
    """
    from graph.review.app import review as run_review
    from graph.review.workspace import Workspace

    workspace = Workspace(data_dir=data_dir, user_dir=user_dir, text_dirs=text_dirs,
                          build_dir=build_dir or default_build_dir())
    run_review(workspace, port=port, quiet=quiet, announce=click.echo)
