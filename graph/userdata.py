"""The user's data folder, and how an accepted source enters it all at once.

The shipped curated data (``graph/data/``, or the folder given with ``--data``) is never written
to. What a user adds lives in their own folder (:func:`graph.paths.user_data_dir`), with the same
layout::

    ~/.local/share/spacekg/
        catalog/<id>.ttl             the new entities accepted with source <id>
        sources/<id>.proposed.ttl    a proposal waiting for review (`spacekg ingest ARTICLE`)
        sources/<id>.ttl             an accepted source (`spacekg ingest --accept <id>`)

A build reads both folders (:attr:`DataFolders.catalog_dirs`, :attr:`DataFolders.sources_dirs`).

Accepting a source changes up to three things: the catalog file, the source file (the proposal
renamed) and the built graph. So that a crash (even ``kill -9``) never leaves a mix, accept works
like a journal, inside the user's folder:

1. everything is written into a staging folder ``.accept-<id>.tmp/`` and checked there;
2. one atomic rename of that folder to ``.accept-<id>.commit/`` is the commit: before it, nothing
   has changed; after it, the change is decided;
3. the files are moved into place, the proposal removed, the graph rebuilt, the folder renamed
   ``.accept-<id>.done/`` and removed.

Every command that reads the user's folder first finishes what a killed run left (:func:`recover`):
a ``.tmp`` folder is deleted (the change never happened), a ``.commit`` folder is applied (the
change happened; what a cut-short write of the build left is swept first, :func:`sweep_build`), a
``.done`` folder is deleted. A lock (``.lock``, released by the system when a
process dies) keeps two runs from doing this at once.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from graph import paths
from graph.errors import OutputError

STAGED = ".tmp"
COMMITTED = ".commit"
DONE = ".done"
_PROPOSAL_NOTE = "proposal"  # in a journal folder: the path of the proposal to remove
_BUILD_NOTE = "build-dir"  # in a journal folder: the build folder to update with build.trig
_BUILD_TRIG = "build.trig"


@dataclass(frozen=True)
class DataFolders:
    """The curated data a build reads: the shipped folder and the user's."""

    shipped_catalog: Path
    shipped_sources: Path
    user: Path

    @property
    def user_catalog(self) -> Path:
        return self.user / "catalog"

    @property
    def user_sources(self) -> Path:
        return self.user / "sources"

    @property
    def catalog_dirs(self) -> list[Path]:
        return [self.shipped_catalog, self.user_catalog]

    @property
    def sources_dirs(self) -> list[Path]:
        return [self.shipped_sources, self.user_sources]

    def assemble_args(self) -> dict[str, list[Path]]:
        """The folders as keyword arguments of :func:`graph.build.assemble`."""
        return {"catalog_dir": self.catalog_dirs, "sources_dir": self.sources_dirs}


def folders(data_dir: Path | None = None, user_dir: Path | None = None) -> DataFolders:
    """The shipped data (or ``data_dir``) and the user's folder (or ``user_dir``), a killed accept
    finished first (:func:`recover`)."""
    user = Path(user_dir) if user_dir else paths.user_data_dir()
    if data_dir is not None:
        shipped = DataFolders(Path(data_dir) / "catalog", Path(data_dir) / "sources", user)
    else:
        shipped = DataFolders(paths.CATALOG_DIR, paths.SOURCES_DIR, user)
    if user.resolve() in (paths.DATA_DIR.resolve(), Path(data_dir).resolve() if data_dir else None):
        raise OutputError("the user data folder must not be the curated data folder itself", path=user)
    recover(user)
    return shipped


@contextlib.contextmanager
def locked(user: Path) -> Iterator[None]:
    """Hold the user folder's lock (an ``flock`` on ``.lock``: the system drops it if the process dies)."""
    import fcntl

    try:
        user.mkdir(parents=True, exist_ok=True)
        handle = (user / ".lock").open("a")
    except OSError as exc:
        raise OutputError(f"cannot use the user data folder: {exc.strerror}", path=user) from exc
    with handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def recover(user: Path) -> list[str]:
    """Finish what a killed accept left in ``user``; return what was done (one line per journal)."""
    if not any(user.glob(".accept-*")):
        return []
    done = []
    with locked(user):
        for journal in sorted(user.glob(".accept-*")):
            if journal.suffix in (STAGED, DONE):
                shutil.rmtree(journal, ignore_errors=True)
                done.append(f"rolled back an unfinished accept ({journal.name})")
            elif journal.suffix == COMMITTED:
                apply(journal, user)
                done.append(f"finished an interrupted accept ({journal.name})")
    return done


def stage(user: Path, source_id: str) -> Path:
    """A fresh staging folder ``.accept-<id>.tmp/`` (with ``catalog/`` and ``sources/``) in ``user``."""
    staging = user / f".accept-{source_id}{STAGED}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        (staging / "catalog").mkdir(parents=True)
        (staging / "sources").mkdir()
    except OSError as exc:
        raise OutputError(f"cannot write to the user data folder: {exc.strerror}", path=user) from exc
    return staging


def commit(staging: Path, *, proposal: Path, build_dir: Path | None, trig: bytes | None) -> Path:
    """Record what remains to do, then commit: the staging folder becomes ``.accept-<id>.commit/``."""
    try:
        (staging / _PROPOSAL_NOTE).write_text(str(proposal.resolve()), encoding="utf-8")
        if build_dir is not None and trig is not None:
            (staging / _BUILD_TRIG).write_bytes(trig)
            (staging / _BUILD_NOTE).write_text(str(Path(build_dir).resolve()), encoding="utf-8")
        committed = staging.with_suffix(COMMITTED)
        os.replace(staging, committed)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"cannot write to the user data folder: {exc.strerror}", path=staging) from exc
    return committed


def apply(committed: Path, user: Path, dataset=None) -> None:
    """Carry out a committed accept; every step can be done again (a killed run is finished later).

    ``dataset`` is the checked graph when the caller has just committed it; without it (a killed
    run replayed) the build folder is swept of a half-written build first. Either way the build
    is loaded from the journal's ``build.trig``, which is that graph's TriG byte for byte.
    """
    try:
        for kind in ("catalog", "sources"):
            for staged in sorted((committed / kind).glob("*.ttl")):
                (user / kind).mkdir(parents=True, exist_ok=True)
                os.replace(staged, user / kind / staged.name)
        note = committed / _PROPOSAL_NOTE
        if note.exists():
            Path(note.read_text(encoding="utf-8")).unlink(missing_ok=True)
            note.unlink()
    except OSError as exc:
        raise OutputError(f"cannot finish the accept: {exc.strerror}", path=committed) from exc
    build_note = committed / _BUILD_NOTE
    failure = None
    if build_note.exists():
        from graph.errors import SpaceKGError
        from graph.store import write_trig

        build_dir = Path(build_note.read_text(encoding="utf-8"))
        if dataset is None:  # replaying a killed accept: its write of the build may have been cut short too
            sweep_build(build_dir)
        try:
            # the TriG written at the commit is serialize(dataset, "trig"): loaded as it is, not made again
            write_trig((committed / _BUILD_TRIG).read_bytes(), build_dir)
        except (SpaceKGError, OSError) as exc:  # the build can be made again: not a reason to block
            why = exc.message if isinstance(exc, SpaceKGError) else exc.strerror
            failure = OutputError(f"accepted into your data folder, but the built graph could not be updated "
                                  f"({why}): run `spacekg build`", path=build_dir)
    done = committed.with_suffix(DONE)  # renamed first, so that a half-deleted journal is never replayed
    os.replace(committed, done)
    shutil.rmtree(done, ignore_errors=True)
    if failure is not None:
        raise failure


def sweep_build(build_dir: Path) -> list[str]:
    """Remove what a write of the build killed halfway left in ``build_dir`` (half-written builds,
    builds nobody reads; see :func:`graph.store.sweep`). Returns their names."""
    from graph.store import sweep

    return sweep(build_dir)
