"""A graph that conformed to the shapes is not validated again; one that breaks them always is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph import conformance, paths
from graph.build import assemble
from graph.errors import ValidationError


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "spacekg" / "conforming"


def test_a_conforming_graph_is_recorded_under_its_key(cache: Path, seed_data: Path):
    build = assemble(catalog_dir=seed_data / "catalog", sources_dir=seed_data / "sources")
    key = conformance.conformance_key(build.dataset, paths.shapes_file())
    assert sorted(p.name for p in cache.iterdir()) == [key]
    assert conformance.conformed(key)


def test_the_key_changes_with_the_graph_and_with_the_shapes(tmp_path: Path, seed_build):
    shapes = tmp_path / "shapes.ttl"
    shutil.copy2(paths.shapes_file(), shapes)
    key = conformance.conformance_key(seed_build.dataset, shapes)
    assert conformance.conformance_key(seed_build.dataset, shapes) == key  # canonical: the same every time
    shapes.write_text(shapes.read_text(encoding="utf-8") + "\n# one more line\n", encoding="utf-8")
    assert conformance.conformance_key(seed_build.dataset, shapes) != key
    from rdflib import Dataset

    assert conformance.conformance_key(Dataset(), shapes) != key


def test_a_graph_that_breaks_a_shape_is_reported_every_time(cache: Path, tmp_path: Path, seed_data: Path):
    data = tmp_path / "data"
    shutil.copytree(seed_data, data)
    assemble(catalog_dir=data / "catalog", sources_dir=data / "sources")  # conforms: recorded
    countries = data / "catalog" / "countries.ttl"
    countries.write_text(countries.read_text(encoding="utf-8").replace(':isoCode "RU"', ':isoCode "Russia"'),
                         encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ValidationError, match="exactly one ISO 3166-1 alpha-2 code"):
            assemble(catalog_dir=data / "catalog", sources_dir=data / "sources")
    assert len(list(cache.iterdir())) == 1


def test_an_unwritable_cache_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_build):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    conformance.remember("0" * 64)  # no error
    assert not conformance.conformed("0" * 64)


def test_an_unchanged_graph_is_not_validated_again(cache: Path, seed_data: Path, monkeypatch: pytest.MonkeyPatch):
    import graph.build

    calls = []
    real = graph.build.validate_shapes
    monkeypatch.setattr(graph.build, "validate_shapes", lambda *a, **k: calls.append(1) or real(*a, **k))
    for _ in range(2):
        assemble(catalog_dir=seed_data / "catalog", sources_dir=seed_data / "sources")
    assert calls == [1]
