"""The layout of a build folder: one folder per build, one pointer to the current one.

A build folder (``./build`` by default) holds::

    builds/<time>-<sha12>/        one whole build: spacekg.trig, oxigraph/ (the store), manifest.json, .lock
    current -> builds/<...>       the pointer: a symbolic link, replaced by a rename
    spacekg.trig -> current/spacekg.trig
    oxigraph -> current/oxigraph  fixed links, so the usual paths always show the current build

A build is written whole into ``builds/.tmp-<random>/``, renamed to its final name, and only
then published by renaming a new link over ``current``: one atomic step, so a reader, a crash
or a server sees the previous build or the new one, never a mix. Everything a killed build can
leave (``.tmp-*`` and ``.trash-*`` folders, unpublished builds, temporary links, the stray
``.oxigraph-*`` folders of the older one-store layout) is removed by the next build.

Readers hold a shared ``flock`` on the build they use (``.lock`` in its folder) for as long as
they use it; a build removes an old build only if it can lock it exclusively, so a running query
or server never loses its store. Only one build writes at a time (``.write.lock``).
:mod:`graph.store` is the only user of this module.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from graph.errors import NoBuildError, OutputError

try:
    import fcntl
except ImportError:  # not POSIX: builds are still whole (renames), but readers cannot hold them
    fcntl = None

BUILDS = "builds"
CURRENT = "current"
LOCK = ".lock"
WRITE_LOCK = ".write.lock"
MANIFEST = "manifest.json"
TRIG_NAME = "spacekg.trig"
STORE_NAME = "oxigraph"
TEMPORARY = (".tmp-", ".trash-")
# what a killed build of the older layout (one store folder beside the TriG) left at the top
LEGACY_LEFTOVERS = (".oxigraph-", f".{TRIG_NAME}.", ".current-", f".{STORE_NAME}.", f".{TRIG_NAME}-")


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def writing(build_dir: Path) -> Iterator[Path]:
    """Hold the build folder's write lock (one build at a time); yield a fresh temporary folder.

    The temporary folder is removed on every way out but a kill, and the next build removes it then.
    """
    build_dir = Path(build_dir)
    try:
        (build_dir / BUILDS).mkdir(parents=True, exist_ok=True)
        fd = os.open(build_dir / WRITE_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise OutputError(f"cannot write the build: {exc.strerror}", path=build_dir) from exc
    tmp = build_dir / BUILDS / f".tmp-{uuid.uuid4().hex[:12]}"
    try:
        _lock(fd, exclusive=True)
        tmp.mkdir()
        (tmp / LOCK).touch()
        yield tmp
    except OSError as exc:
        raise OutputError(f"cannot write the build: {exc.strerror}", path=build_dir) from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        os.close(fd)


def publish(build_dir: Path, tmp: Path, manifest: dict) -> Path:
    """Make the whole build in ``tmp`` the current one, atomically; remove unused old builds.

    Call inside :func:`writing`. Returns the build's own folder.
    """
    build_dir = Path(build_dir)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    name = f"{stamp}-{(manifest.get('sha256') or uuid.uuid4().hex)[:12]}"
    final = build_dir / BUILDS / name
    if final.exists():
        final = final.with_name(f"{name}-{uuid.uuid4().hex[:6]}")
    (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    _fsync_dir(tmp)
    os.rename(tmp, final)
    _point(build_dir / CURRENT, f"{BUILDS}/{final.name}")
    _fsync_dir(build_dir)
    for link in (TRIG_NAME, STORE_NAME):
        _fixed_link(build_dir, link)
    with contextlib.suppress(OSError):  # the build is current: what is left now, the next build removes
        clean(build_dir)
    return final


def sweep(build_dir: Path) -> list[str]:
    """Under the write lock, remove what killed builds left in ``build_dir`` (see :func:`clean`).

    A build does this itself; this is for a process that must tidy a build folder without
    building (such as the replay of a killed ``ingest --accept``). Returns the names removed.
    """
    build_dir = Path(build_dir)
    if not build_dir.is_dir():
        return []
    try:
        fd = os.open(build_dir / WRITE_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise OutputError(f"cannot tidy the build folder: {exc.strerror}", path=build_dir) from exc
    try:
        _lock(fd, exclusive=True)
        return clean(build_dir)
    finally:
        os.close(fd)


def _point(link: Path, target: str) -> None:
    """Make ``link`` a symbolic link to ``target`` in one rename."""
    tmp = link.with_name(f".{link.name}-{uuid.uuid4().hex[:12]}")
    tmp.symlink_to(target)
    os.replace(tmp, link)


def _fixed_link(build_dir: Path, name: str) -> None:
    """``build_dir/name`` -> ``current/name``; a file or store of the older layout is moved away first."""
    link = build_dir / name
    target = f"{CURRENT}/{name}"
    if link.is_symlink() and os.readlink(link) == target:
        return
    if link.is_dir() and not link.is_symlink():
        os.rename(link, build_dir / f".oxigraph-old-{uuid.uuid4().hex[:12]}")  # removed by clean()
    _point(link, target)


def clean(build_dir: Path) -> list[str]:
    """Remove what killed builds left and every build but the current one that nobody uses.

    Call with the write lock held (:func:`writing`). Returns the names removed.
    """
    build_dir = Path(build_dir)
    current = current_build(build_dir)
    link = build_dir / STORE_NAME
    # the store an older build still serves (build/oxigraph -> .oxigraph-<id>, before its first new build)
    legacy = build_dir / os.readlink(link) if link.is_symlink() and not os.readlink(link).startswith(CURRENT) \
        else None
    removed = []
    for path in build_dir.iterdir():
        if path.name.startswith(LEGACY_LEFTOVERS) and path != legacy:
            _remove(path)
            removed.append(path.name)
    if not (build_dir / BUILDS).is_dir():
        return removed
    for path in (build_dir / BUILDS).iterdir():
        if path.name.startswith(TEMPORARY):
            _remove(path)
            removed.append(path.name)
        elif (current is None or path.resolve() != current.resolve()) and _remove_unused(path):
            removed.append(path.name)
    return removed


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def _remove_unused(folder: Path) -> bool:
    """Remove ``folder`` unless a reader holds its lock; return whether it was removed."""
    try:
        fd = os.open(folder / LOCK, os.O_RDONLY)
    except OSError:  # no lock file: not a whole build
        _remove(folder)
        return True
    try:
        _lock(fd, exclusive=True, wait=False)
    except BlockingIOError:
        os.close(fd)
        return False
    try:
        trash = folder.with_name(f".trash-{folder.name}")
        os.rename(folder, trash)  # readers waiting on the lock then see the folder gone
        shutil.rmtree(trash, ignore_errors=True)
    finally:
        os.close(fd)
    return True


def current_build(build_dir: Path) -> Path | None:
    """The folder of the current build, or ``None`` if there is none.

    A build folder of the older layout (``oxigraph`` and ``spacekg.trig`` side by side, no
    ``current``) is its own build.
    """
    build_dir = Path(build_dir)
    pointer = build_dir / CURRENT
    try:
        return build_dir / os.readlink(pointer)
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise NoBuildError(f"cannot read the build pointer: {exc.strerror}", path=pointer) from exc
    if (build_dir / STORE_NAME).exists():
        return build_dir
    return None


def acquire(build_dir: Path) -> tuple[Path, int | None]:
    """The current build's folder and a file descriptor holding its shared lock.

    Close the descriptor (``os.close``) when done with the build; until then no build removes
    it. Raises :class:`NoBuildError` if there is no build.
    """
    for _ in range(100):
        folder = current_build(build_dir)
        if folder is None:
            raise NoBuildError(f"no built graph in {build_dir}/ (run `spacekg build` first)", path=build_dir)
        if folder == Path(build_dir):
            return folder, None  # the older layout has no locks
        try:
            fd = os.open(folder / LOCK, os.O_RDONLY)
        except FileNotFoundError:
            continue  # removed since the pointer was read: read it again
        except OSError as exc:
            raise NoBuildError(f"cannot open the built graph: {exc.strerror}", path=folder) from exc
        _lock(fd, exclusive=False)
        if (folder / LOCK).exists():
            return folder, fd
        os.close(fd)
    raise NoBuildError("the build keeps changing: cannot read the current build", path=build_dir)


def _lock(fd: int, *, exclusive: bool, wait: bool = True) -> None:
    """``flock`` the file: shared or exclusive; without ``wait`` raise ``BlockingIOError`` if taken."""
    if fcntl is None:
        return
    flags = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    fcntl.flock(fd, flags if wait else flags | fcntl.LOCK_NB)


def read_manifest(folder: Path) -> dict:
    """The manifest of a build (``{}`` for the older layout)."""
    try:
        return json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
