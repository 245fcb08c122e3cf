"""Shared fixtures: the seed graph is built once per test session into a temporary folder."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest

from graph.build import Build, assemble
from graph.store import write_build

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED_FACTS = SHARED / "seed" / "cnet-2021-ilrs.facts.tsv"
CORPUS = SHARED / "corpus"


def pytest_configure(config: pytest.Config) -> None:
    if not SEED_FACTS.is_file() or not CORPUS.is_dir():
        raise pytest.UsageError(
            f"the tests read the seed annotation and the corpus texts from {SHARED}: "
            "put the shared/ folder beside the repository"
        )


SEED_SOURCE = "cnet-2021-ilrs"


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
    for path in paths.SOURCES_DIR.glob(f"{SEED_SOURCE}.*"):
        if not path.name.endswith(".proposed.ttl"):
            shutil.copy2(path, folder / "sources" / path.name)
    return folder


@pytest.fixture(scope="session")
def seed_build(seed_data: Path) -> Build:
    """The assembled, validated seed graph alone (in memory): the catalog and the seed source."""
    return assemble(catalog_dir=seed_data / "catalog", sources_dir=seed_data / "sources")


@pytest.fixture(scope="session")
def full_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build folder of the whole graph (every source), quotes checked against the corpus texts."""
    build_dir = tmp_path_factory.mktemp("full-build")
    write_build(assemble(text_dirs=[CORPUS]).dataset, build_dir)
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


def stop_process(process: subprocess.Popen) -> None:
    """SIGTERM a server started by a test, then SIGKILL its whole process group if it lingers."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)
