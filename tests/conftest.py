"""Shared fixtures: the seed graph is built once per test session into a temporary folder.

Third-party texts (the seed annotation, the corpus articles, the devset) are not part of the
repository: they live in ``shared/`` beside it. Without them the suite still runs; only the tests
that read them are skipped, each naming the folder or file that is missing. A test says what it
needs with ``@pytest.mark.needs_shared(path, ...)`` (no path: ``shared/`` itself); a test whose
body names a module-level path inside ``shared/`` (such as :data:`CORPUS`) needs that path,
without being marked.
"""

from __future__ import annotations

import os
import signal
import subprocess
import types
from pathlib import Path

import pytest

from graph.build import Build, assemble
from graph.store import write_build

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
DEVSET = SHARED / "devset"
SEED = SHARED / "seed"
SEED_TEXT = SEED / "cnet-2021-ilrs.txt"
SHARED_SEED_FACTS = SEED / "cnet-2021-ilrs.facts.tsv"
# The seed annotation's facts, kept in the project: the annotator's columns, with the evidence
# sentence given by its offsets in the seed article (shared/seed/cnet-2021-ilrs.txt) instead of quoted
# (tests/test_seed_facts.py checks that it matches the shared annotation whenever that is at hand).
SEED_FACTS = Path(__file__).resolve().parent / "data" / "seed-facts.tsv"
# pytest-xdist hands out the longest files first (tests/scheduling.py)
pytest_plugins = ["tests.scheduling"]


def pytest_configure(config: pytest.Config) -> None:
    # Tests never read or write the user's real data folder (~/.local/share/spacekg): theirs is an
    # empty temporary folder, unless a test gives its own (--user-data, or the variable in a subprocess).
    import shutil
    import tempfile

    folder = tempfile.mkdtemp(prefix="spacekg-test-user-data-")
    os.environ["SPACEKG_USER_DATA"] = folder
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
    config.addinivalue_line(
        "markers", f"needs_shared(*paths): reads third-party texts from {SHARED} (seed annotation, corpus, "
        "devset); skipped when a path it names (default: that folder) is missing",
    )


def shared_paths_named_by(function: types.FunctionType) -> list[Path]:
    """The module-level paths inside ``shared/`` that ``function`` (or a function nested in it) names."""
    names: set[str] = set()
    codes = [function.__code__]
    while codes:
        code = codes.pop()
        names.update(code.co_names)
        codes.extend(const for const in code.co_consts if isinstance(const, types.CodeType))
    module = function.__globals__
    return sorted({module[name] for name in names
                   if isinstance(module.get(name), Path) and module[name].is_relative_to(SHARED)})


def seed_evidence() -> str:
    """What a build says of the seed's evidence here: checked where its article (in shared/) is at
    hand, else not checked (tests that only need the seed's statements run either way)."""
    return "checked" if SEED_TEXT.is_file() else "not checked (text not at hand)"


def skip_without_seed_text() -> None:
    """Skip the calling test (case) when the seed's article is not at hand: it checks quotes."""
    if reason := missing_reason([SEED_TEXT]):
        pytest.skip(reason)


def missing_reason(needed: list[Path]) -> str | None:
    """Why a test that reads ``needed`` cannot run here, or None if every path is at hand."""
    missing = SHARED if not SHARED.is_dir() else next((path for path in needed if not path.exists()), None)
    if missing is None:
        return None
    return f"needs third-party texts that are not in the repository: {missing} is missing " \
           "(put the shared/ folder beside the repository)"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        marker = item.get_closest_marker("needs_shared")
        function = getattr(item, "function", None)
        named = shared_paths_named_by(function) if function is not None else []
        if marker is None and not named:
            continue
        if marker is None:
            item.add_marker(pytest.mark.needs_shared(*named))
        reason = missing_reason([*(marker.args if marker else ()), *named] or [SHARED])
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))


def pytest_report_header(config: pytest.Config) -> str:
    state = "present" if SHARED.is_dir() else "MISSING: the tests that read third-party texts are skipped"
    return f"shared texts: {SHARED} ({state})"


SEED_SOURCE = "cnet-2021-ilrs"
# How often a test's in-thread HTTP server (``serve_forever(SHUTDOWN_POLL)``) looks whether it was told to
# stop: its ``shutdown()`` waits up to this long (the default half a second cost ~15 s over the suite).
SHUTDOWN_POLL = 0.05


@pytest.fixture(scope="session")
def seed_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A curated data folder (``--data``) holding the whole catalog and only the seed source.

    The project's own sources folder also holds the corpus articles; tests whose expected answers
    were worked out by hand on the seed alone build from this folder.
    """
    import shutil

    from graph import paths

    folder = tmp_path_factory.mktemp("seed-data")
    shutil.copytree(paths.DATA_DIR / "catalog", folder / "catalog")
    (folder / "sources").mkdir()
    shutil.copy2(paths.SOURCES_DIR / f"{SEED_SOURCE}.ttl", folder / "sources")
    if SEED_TEXT.is_file():  # the article beside its source, so that the seed's quotes are checked
        shutil.copy2(SEED_TEXT, folder / "sources" / f"{SEED_SOURCE}.txt")
    return folder


@pytest.fixture(scope="session")
def seed_build(seed_data: Path) -> Build:
    """The assembled, validated seed graph alone (in memory): the catalog and the seed source."""
    return assemble(catalog_dir=seed_data / "catalog", sources_dir=seed_data / "sources")


@pytest.fixture(scope="session")
def full_assembly() -> Build:
    """The whole graph (every source) in memory, quotes checked against the seed, corpus and devset
    texts if at hand.

    Without ``shared/`` no quote is checked; the graph is the same, since a source whose text is
    missing builds unchecked.
    """
    return assemble(text_dirs=[folder for folder in (SEED, CORPUS, DEVSET) if folder.is_dir()])


@pytest.fixture(scope="session")
def full_build(tmp_path_factory: pytest.TempPathFactory, full_assembly: Build) -> Path:
    """A build folder of the whole graph (every source)."""
    build_dir = tmp_path_factory.mktemp("full-build")
    write_build(full_assembly.dataset, build_dir)
    return build_dir


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, seed_build: Build) -> Path:
    """A build folder holding the seed graph (TriG and Oxigraph store), shared by the session."""
    build_dir = tmp_path_factory.mktemp("build")
    write_build(seed_build.dataset, build_dir)
    return build_dir


@pytest.fixture(scope="session")
def store(built: Path):
    """The built seed graph, opened read-only."""
    from graph.store import open_store

    return open_store(built)


@pytest.fixture(scope="session")
def seed_map_plans(store):
    """``plans(kind, **options)``: the map of ``kind`` laid out from the session's seed build
    (:func:`graph.maps.plan`), laid out once per session and options (a layout takes up to a second)."""
    from graph.maps import plan

    done = {}

    def plans(kind: str, **options):
        key = (kind, *sorted(options.items()))
        if key not in done:
            done[key] = plan(store, kind, **options)
        return done[key]

    return plans


def answers(url: str, process: subprocess.Popen, seconds: float, *, any_status: bool = False) -> bool:
    """Poll ``url`` until the server started as ``process`` answers: True, or False if the process
    exits or ``seconds`` pass first. With ``any_status`` an HTTP error status counts as an answer."""
    import time
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return True
        except urllib.error.HTTPError:
            if any_status:
                return True
            time.sleep(POLL)
        except OSError:
            time.sleep(POLL)
    return False


# How often a test looks whether the server it started answers yet: a refused connection costs nothing,
# and each server start would otherwise wait an eighth of a second more on average
POLL = 0.05


def stop_process(process: subprocess.Popen) -> None:
    """SIGTERM a server started by a test, then SIGKILL its whole process group if it lingers."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)
