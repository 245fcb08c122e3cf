"""The mirror cached in its build's folder: the same graph, kept per build, read again when damaged."""

from __future__ import annotations

import pickle
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import RDFS, Dataset, Literal, URIRef

from graph.mirror import cached_mirror, mirror
from graph.mirror.cache import cache_name
from graph.namespaces import KG, SRC
from graph.store import cache_folder, open_store, write_build


def same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> bool:
    """Equal nodes, edges (keys, attributes) and graph attributes, in the same order."""
    return (list(a.nodes(data=True)) == list(b.nodes(data=True))
            and list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True)) and a.graph == b.graph)


@pytest.fixture
def build(tmp_path: Path, seed_build) -> Path:
    write_build(seed_build.dataset, tmp_path / "build")
    return tmp_path / "build"


def test_first_read_is_kept_in_the_build_folder_and_loaded_after(build: Path) -> None:
    store = open_store(build)
    folder = cache_folder(store)
    assert folder is not None and folder.parent == (build / "current").resolve()
    G = cached_mirror(store)
    assert same(G, mirror(store))
    kept = folder / cache_name()
    assert sorted(p.name for p in folder.iterdir()) == [kept.name]
    # the second call loads the file: a marked copy written there is what comes back
    marked = pickle.loads(kept.read_bytes())
    marked.graph["marked"] = True
    kept.write_bytes(pickle.dumps(marked))
    again = cached_mirror(open_store(build))
    assert again.graph["marked"] is True and same(again, marked)


def test_a_new_build_starts_without_the_old_cache(build: Path, seed_build) -> None:
    old = open_store(build)
    cached_mirror(old)
    ds = Dataset()
    for quad in seed_build.dataset.quads((None, None, None, None)):
        ds.add(quad)
    ds.graph(URIRef(SRC + "extra")).add((URIRef(KG + "nasa"), RDFS.comment, Literal("a new build")))
    write_build(ds, build)
    new = open_store(build)
    assert cache_folder(new) != cache_folder(old) and (cache_folder(old) / cache_name()).exists()
    assert not cache_folder(new).exists()
    G = cached_mirror(new)
    assert same(G, mirror(new)) and (cache_folder(new) / cache_name()).exists()


def test_a_damaged_cache_is_read_again_from_the_store(build: Path) -> None:
    store = open_store(build)
    cached_mirror(store)
    kept = cache_folder(store) / cache_name()
    kept.write_bytes(b"not a pickle")
    G = cached_mirror(store)
    assert same(G, mirror(store))
    assert same(pickle.loads(kept.read_bytes()), G)


def test_a_store_not_opened_from_a_build_is_mirrored_without_cache(store) -> None:
    memory = ox.Store()
    memory.bulk_extend(store.quads_for_pattern(None, None, None, None))
    assert cache_folder(memory) is None
    assert same(cached_mirror(memory), mirror(store))


def test_only_the_last_stores_opened_are_kept_open(build: Path, tmp_path: Path) -> None:
    import shutil

    import graph.store

    first = open_store(build)
    others = [Path(shutil.copytree(build, tmp_path / f"copy-{n}", symlinks=True))
              for n in range(graph.store._KEEP_OPENED)]
    later = [open_store(other) for other in others]
    assert len(graph.store._OPENED) == graph.store._KEEP_OPENED
    assert cache_folder(first) is None  # let go: mirrored as usual, without the cache
    assert all(cache_folder(store) is not None for store in later)
    assert same(cached_mirror(first), mirror(later[-1]))
    assert open_store(build) is not first  # opened anew, kept again


def test_a_build_opened_again_is_the_same_store_and_a_new_build_a_new_one(build: Path, seed_build) -> None:
    store = open_store(build)
    assert open_store(build) is store  # a build folder never changes: one store for the process
    changed = Dataset()
    changed.addN(seed_build.dataset.quads())
    changed.graph(URIRef(SRC + "extra")).add((URIRef(KG + "extra"), RDFS.label, Literal("extra")))
    write_build(changed, build)
    again = open_store(build)
    assert again is not store and len(again) == len(store) + 1
    assert cache_folder(again) != cache_folder(store)
