"""Shared fixtures: the seed graph is built once per test session into a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.build import Build, assemble
from graph.store import write_build

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED_FACTS = SHARED / "seed" / "cnet-2021-ilrs.facts.tsv"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def seed_build() -> Build:
    """The assembled, validated seed graph (in memory)."""
    return assemble()


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
