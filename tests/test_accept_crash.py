"""Accept is all or nothing, even when the process is killed: the old graph or the new one, never a mix.

`spacekg ingest --accept` changes the user's catalog, the user's sources and the built graph; a
journal in the user's folder (graph/userdata.py) makes the three one change. These tests stop an
accept at each step of the journal, and kill a real `spacekg ingest --accept` process with
SIGKILL at random moments; after each, the build is the old graph or the new one (byte for byte),
and once the next run has cleaned up, the user's folder agrees with it and no temporary folder
is left.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph import userdata
from graph.build import assemble
from graph.ingest import accept, propose
from graph.store import open_store, write_build
from tests.test_user_data import ARTICLES, OUTLET

# Random kills of a whole `ingest --accept` process (each costs a process start); the deterministic
# stops at every step of the journal are the tests above it.
KILLS = 3
SLIM_GRAPH = "ASK { GRAPH <https://w3id.org/spacekg/source/slim> { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def before(tmp_path_factory: pytest.TempPathFactory, seed_data: Path) -> Path:
    """The state before the accept: a user folder holding the proposal of slim.txt, and its build."""
    base = tmp_path_factory.mktemp("before")
    user = base / "user"
    (user / "catalog").mkdir(parents=True)
    (user / "catalog" / "outlets.ttl").write_text(OUTLET, encoding="utf-8")
    propose(ARTICLES / "slim.txt", user_dir=user, data_dir=seed_data, publisher="Example Desk")
    write_build(assemble(**userdata.folders(seed_data, user).assemble_args()).dataset, base / "build")
    return base


@pytest.fixture(scope="module")
def after(tmp_path_factory: pytest.TempPathFactory, before: Path, seed_data: Path) -> Path:
    """The state after the same accept, run to its end."""
    base = tmp_path_factory.mktemp("after")
    copy_state(before, base)
    accept("slim", user_dir=base / "user", data_dir=seed_data, text_dirs=[ARTICLES], build_dir=base / "build")
    return base


def copy_state(source: Path, target: Path) -> None:
    for name in ("user", "build"):
        shutil.copytree(source / name, target / name, symlinks=True)


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".lock"}


def state_of(base: Path, before: Path, after: Path) -> str:
    """"old" or "new": the user's folder and the build agree on one of them, or the test fails."""
    user = files(base / "user")
    trig = (base / "build" / "spacekg.trig").read_bytes()
    store = open_store(base / "build")
    if user == files(before / "user"):
        assert trig == (before / "build" / "spacekg.trig").read_bytes()
        assert not store.query(SLIM_GRAPH) and len(store) == len(open_store(before / "build"))
        return "old"
    assert user == files(after / "user"), "the user's folder is neither the old one nor the new one"
    assert trig == (after / "build" / "spacekg.trig").read_bytes()
    assert store.query(SLIM_GRAPH) and len(store) == len(open_store(after / "build"))
    return "new"


def no_leftovers(base: Path) -> None:
    # nothing hidden but the lock (which a process killed before it took the lock never made)
    assert {p.name for p in (base / "user").iterdir() if p.name.startswith(".")} <= {".lock"}
    build = base / "build"
    if build.is_dir():  # whole builds only (the current one, and one this process still reads), none half-written
        assert sorted(p.name for p in build.iterdir() if p.name.startswith(".")) == [".write.lock"]
        kept = sorted((build / "builds").iterdir())
        assert build / os.readlink(build / "current") in kept
        assert all((folder / "manifest.json").is_file() and not folder.name.startswith(".") for folder in kept)


def test_the_old_and_the_new_state_differ(before, after):
    assert state_of(before, before, after) == "old" and state_of(after, before, after) == "new"
    assert (after / "user" / "catalog" / "slim.ttl").exists()


def test_an_accept_stopped_before_its_commit_is_rolled_back(tmp_path, before, after, seed_data, monkeypatch):
    copy_state(before, tmp_path)

    def die(*args, **kwargs):
        raise KeyboardInterrupt  # the process stops just before the commit (as on Ctrl-C)

    monkeypatch.setattr(userdata, "commit", die)
    with pytest.raises(KeyboardInterrupt):
        accept("slim", user_dir=tmp_path / "user", data_dir=seed_data, build_dir=tmp_path / "build")
    monkeypatch.undo()
    # the staging folder is left behind, and nothing else changed: the next run deletes it
    assert (tmp_path / "user" / ".accept-slim.tmp" / "sources" / "slim.ttl").exists()
    assert userdata.recover(tmp_path / "user") == ["rolled back an unfinished accept (.accept-slim.tmp)"]
    assert state_of(tmp_path, before, after) == "old"
    no_leftovers(tmp_path)


@pytest.mark.parametrize("moved", [0, 1, 2])
def test_an_accept_stopped_after_its_commit_is_finished_by_the_next_run(tmp_path, before, after, seed_data,
                                                                       monkeypatch, moved):
    copy_state(before, tmp_path)
    user = tmp_path / "user"
    monkeypatch.setattr(userdata, "apply", lambda *args, **kwargs: None)  # the process dies right after the commit
    accept("slim", user_dir=user, data_dir=seed_data, text_dirs=[ARTICLES], build_dir=tmp_path / "build")
    monkeypatch.undo()
    journal = user / ".accept-slim.commit"
    for kind in ("catalog", "sources")[:moved]:  # ... or after moving some of the files into place
        os.replace(journal / kind / "slim.ttl", user / kind / "slim.ttl")
    if moved == 2:  # ... or while writing the build: a build folder half written (and, from the older
        # one-store layout, a fresh store and a TriG file half written)
        (tmp_path / "build" / "builds" / ".tmp-0123456789ab").mkdir()
        (tmp_path / "build" / "builds" / ".tmp-0123456789ab" / "spacekg.trig").write_bytes(b"@prefix")
        (tmp_path / "build" / ".oxigraph-0123456789ab").mkdir()
        (tmp_path / "build" / ".spacekg.trig.x1y2z3.tmp").write_bytes(b"@prefix")
    assert (tmp_path / "build" / "spacekg.trig").read_bytes() == (before / "build" / "spacekg.trig").read_bytes()
    # every command that reads the user's folder finishes the accept first
    from click.testing import CliRunner

    from graph.cli import main

    result = CliRunner().invoke(main, ["validate", "--data", str(seed_data), "--user-data", str(user)])
    assert result.exit_code == 0, result.output
    assert state_of(tmp_path, before, after) == "new"
    no_leftovers(tmp_path)


def test_a_build_that_cannot_be_written_never_blocks_the_users_folder(tmp_path, before, after, seed_data,
                                                                      monkeypatch):
    copy_state(before, tmp_path)
    user, not_a_folder = tmp_path / "user", tmp_path / "file"
    not_a_folder.write_text("", encoding="utf-8")
    # refused before anything changes when the build folder is plainly unusable ...
    from graph.errors import OutputError

    with pytest.raises(OutputError, match="the build folder is not a folder"):
        accept("slim", user_dir=user, data_dir=seed_data, build_dir=not_a_folder)
    assert state_of(tmp_path, before, after) == "old"
    # ... and if the build fails after the commit, the data is accepted and the journal closed
    monkeypatch.setattr(userdata, "apply", lambda *args, **kwargs: None)
    accept("slim", user_dir=user, data_dir=seed_data, text_dirs=[ARTICLES], build_dir=tmp_path / "build")
    monkeypatch.undo()
    journal = user / ".accept-slim.commit"
    (journal / "build-dir").write_text(str(not_a_folder), encoding="utf-8")
    with pytest.raises(OutputError, match="accepted into your data folder, but the built graph could not be upd"):
        userdata.recover(user)
    assert files(user) == files(after / "user")
    no_leftovers(tmp_path)


@pytest.mark.slow
def test_kill_9_during_accept_leaves_the_old_graph_or_the_new_one(tmp_path, before, after, seed_data):
    def command(base: Path) -> list[str]:
        return [sys.executable, "-m", "graph.cli", "ingest", "--accept", "slim", "--data", str(seed_data),
                "--user-data", str(base / "user"), "--build-dir", str(base / "build"), "--texts", str(ARTICLES)]

    def environment(base: Path) -> dict[str, str]:
        (base / "tmp").mkdir()
        return {**os.environ, "TMPDIR": str(base / "tmp")}

    # how long a whole accept takes here, to spread the kills over it (a schedule, not an assertion)
    whole = tmp_path / "whole"
    copy_state(before, whole)
    started = time.monotonic()
    subprocess.run(command(whole), env=environment(whole), check=True, capture_output=True, timeout=300)
    duration = time.monotonic() - started
    assert state_of(whole, before, after) == "new"
    rng = random.Random(20261202)
    seen = []
    # one random moment in each third of the second half of the run, where the writing happens
    for n, fraction in enumerate(rng.uniform(0.5 + band / 6, 0.5 + (band + 1) / 6) for band in range(KILLS)):
        base = tmp_path / f"kill-{n}"
        copy_state(before, base)
        process = subprocess.Popen(command(base), env=environment(base), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        try:
            process.wait(timeout=fraction * duration)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=60)
        # right after the kill, the build is whole: the old graph or the new one
        trig = (base / "build" / "spacekg.trig").read_bytes()
        assert trig in [(state / "build" / "spacekg.trig").read_bytes() for state in (before, after)]
        assert len(open_store(base / "build")) in [len(open_store(state / "build")) for state in (before, after)]
        # the next run finishes or undoes the accept; then everything agrees, and nothing temporary is left
        userdata.recover(base / "user")
        seen.append(state_of(base, before, after))
        no_leftovers(base)
        assert list((base / "tmp").iterdir()) == []
    assert len(seen) == KILLS  # each kill left "old" or "new" (state_of fails on anything else)
