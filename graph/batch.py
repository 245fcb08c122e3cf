"""Ingest a folder of articles: each proposed as `spacekg ingest ARTICLE` would, on every core.

Each article gets the guarantees of one (:func:`graph.ingest.propose`): a bad one is reported
with what is wrong and changes nothing, a proposal is written whole or not at all, an edited
proposal is never overwritten. Articles with the same text (two copies under two names) are
proposed once. The outcome of each article is ``new`` (a proposal was written), ``known`` (the
article is already a source or a proposal: nothing written) or ``failed`` (why, and the exit
code it would have had alone).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from graph.errors import InputSyntaxError


@dataclass(frozen=True)
class Outcome:
    """What became of one article of the folder."""

    path: Path
    status: str  # "new", "known" or "failed"
    note: str  # the proposal written, what already records the article, or the error
    statements: int = 0
    exit_code: int = 0

    def line(self) -> str:
        """One line of the summary: ``name: status: what``."""
        if self.status == "new":
            return f"{self.path.name}: new: {self.statements} statements -> {self.note}"
        return f"{self.path.name}: {self.status}: {self.note}"


def articles_in(folder: Path) -> list[Path]:
    """The articles of a folder (``*.txt``, ``*.html``, ``*.htm``), in name order."""
    from graph.sources import TEXT_SUFFIXES

    files = sorted(p for p in Path(folder).glob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
    if not files:
        raise InputSyntaxError("the folder holds no article (*.txt, *.html, *.htm)", path=folder)
    return files


def _unique_id(path: Path, taken: set[str]) -> str:
    """The article's source id, made unique in the batch: ``slim.txt`` and ``slim.html`` are ``slim`` and
    ``slim-html``."""
    from graph.ingest import source_id_for

    source_id = source_id_for(path)
    if source_id in taken:
        source_id = f"{source_id}-{path.suffix.lstrip('.').lower()}"
    n, unique = 2, source_id
    while unique in taken:
        unique, n = f"{source_id}-{n}", n + 1
    return unique


def _propose_one(path: Path, options: dict) -> Outcome:
    from graph.errors import SpaceKGError
    from graph.ingest import propose

    try:
        proposal = propose(path, **options)
    except SpaceKGError as exc:
        return Outcome(path, "failed", str(exc), exit_code=exc.exit_code)
    if proposal.status in ("known", "unchanged"):
        return Outcome(path, "known", proposal.note)
    return Outcome(path, "new", str(proposal.path), proposal.statements)


def ingest_folder(folder: Path, *, workers: int = 2, progress: Callable[[Outcome], None] | None = None,
                  **options) -> list[Outcome]:
    """Propose every article of ``folder`` on ``workers`` processes; one outcome per file, in name order.

    ``options`` are those of :func:`graph.ingest.propose` (``out_dir``, ``publisher``, ...);
    ``progress`` is called with each outcome as it comes.
    """
    from graph.sources import sha256_of

    files = articles_in(folder)
    first: dict[str, Path] = {}
    outcomes: list[Outcome] = []
    todo: list[tuple[Path, str]] = []
    for path in files:
        try:
            digest = sha256_of(path)
        except OSError as exc:
            outcomes.append(Outcome(path, "failed", f"{path}: cannot read: {exc.strerror}", exit_code=9))
            continue
        if digest in first:
            outcomes.append(Outcome(path, "known", f"the same text as {first[digest].name}, proposed with it"))
        else:
            first[digest] = path
            todo.append((path, _unique_id(path, {i for _, i in todo})))
    for outcome in outcomes:
        if progress:
            progress(outcome)
    with ProcessPoolExecutor(max_workers=max(1, min(workers, len(todo) or 1))) as pool:
        futures = [pool.submit(_propose_one, path, {**options, "source_id": source_id}) for path, source_id in todo]
        for future in as_completed(futures):
            outcome = future.result()
            outcomes.append(outcome)
            if progress:
                progress(outcome)
    return sorted(outcomes, key=lambda o: o.path.name)


def summary(outcomes: list[Outcome]) -> str:
    """The last line of a batch: how many articles were new, already known, failed."""
    count = {status: sum(o.status == status for o in outcomes) for status in ("new", "known", "failed")}
    return (f"{len(outcomes)} article(s): {count['new']} new, {count['known']} already known, "
            f"{count['failed']} failed")


def exit_code(outcomes: list[Outcome]) -> int:
    """0 if no article failed, else the exit code of the first that did (in name order)."""
    return next((o.exit_code for o in outcomes if o.status == "failed"), 0)
