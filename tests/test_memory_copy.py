"""The in-memory copy of a build that `spacekg serve` answers from (graph.store.memory_copy).

The copy must answer every named query exactly as the store on disk does, keep every quad in its
own named graph, follow a rebuild, and be taken only when it fits the server's memory budget.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pyoxigraph as ox
import pytest

from graph.builds import current_build
from graph.pool import Limits
from graph.server import answering_from
from graph.store import CurrentStore, copy_megabytes, memory_copy, open_store, write_trig
from tests.test_crash import small_trig
from tests.test_named_queries import CASE_IDS, CASES, rows

# A quad that is in no build: a store that takes it is a copy of its own, one that refuses it is
# the build's store on disk, opened read-only.
PROBE = ox.Quad(ox.NamedNode("urn:x-test:probe"), ox.NamedNode("urn:x-test:is"), ox.Literal("probe"))


@pytest.fixture(scope="module")
def copy(built: Path) -> ox.Store:
    return memory_copy(built)


def on_disk(store: ox.Store) -> bool:
    """Whether ``store`` is a build's store on disk (read-only), not a copy in memory."""
    try:
        store.add(PROBE)
    except (OSError, RuntimeError):  # pyoxigraph 0.5: RuntimeError ("only possible on read-write instances")
        return True
    store.remove(PROBE)
    return False


@pytest.mark.parametrize(("name", "params", "expected"), CASES, ids=CASE_IDS)
def test_the_copy_answers_every_named_query_as_the_store_on_disk(store, copy, name, params, expected):
    from_memory = rows(copy, name, params)
    assert from_memory == rows(store, name, params)
    assert from_memory == expected


def test_the_copy_holds_every_quad_in_its_named_graph(store, copy):
    on_disk_quads = {str(quad) for quad in store.quads_for_pattern(None, None, None)}
    assert on_disk_quads  # the seed build is not empty
    assert {str(quad) for quad in copy.quads_for_pattern(None, None, None)} == on_disk_quads
    assert set(copy.named_graphs()) == set(store.named_graphs())
    assert len(set(store.named_graphs())) > 1  # the catalog's graphs and the seed source's


def test_memory_copy_is_a_store_of_its_own(built: Path, store):
    copy = memory_copy(built)
    assert not on_disk(copy)
    assert on_disk(store)


def test_the_copy_follows_a_rebuild(tmp_path: Path):
    build_dir = tmp_path / "build"
    write_trig(small_trig("a", 40), build_dir)
    current = CurrentStore(build_dir, in_memory=True)
    try:
        first = current.get()
        assert not on_disk(first) and len(first) == 2 * 40
        assert current.get() is first  # no new copy while the build stays current
        write_trig(small_trig("b", 70), build_dir)
        second = current.get()
        assert second is not first and len(second) == 2 * 70
        assert {str(q) for q in second.quads_for_pattern(None, None, None)} == {
            str(q) for q in open_store(build_dir).quads_for_pattern(None, None, None)}
    finally:
        current.close()


@pytest.mark.parametrize(("in_memory", "budget", "copied"), [
    (None, 1024.0, True),  # the seed graph's copy fits in a gigabyte
    (None, 0.0, False),  # and not in nothing
    (True, 0.0, True),  # forced
    (False, 1024.0, False),  # forced
])
def test_the_worker_copies_the_build_when_asked_or_when_it_fits(built: Path, in_memory, budget, copied):
    current = CurrentStore(built, in_memory=in_memory, memory_budget=budget)
    try:
        assert on_disk(current.get()) is not copied
    finally:
        current.close()


def test_the_estimate_grows_with_the_build(tmp_path: Path):
    write_trig(small_trig("a", 40), tmp_path / "small")
    write_trig(small_trig("a", 4000), tmp_path / "large")
    small, large = (copy_megabytes(current_build(tmp_path / name)) for name in ("small", "large"))
    assert 0 < small < large


def pool(in_memory: bool | None, max_memory: int) -> SimpleNamespace:
    """What answering_from reads of a pool, without starting its workers."""
    return SimpleNamespace(in_memory=in_memory, limits=Limits(max_memory=max_memory), memory_budget=max_memory / 2)


def test_the_start_up_line_says_where_the_answers_come_from(built: Path):
    needed = copy_megabytes(current_build(built))
    assert answering_from(built, pool(None, 512)) == "answers from a copy in memory in each worker"
    assert answering_from(built, pool(False, 512)) == "answers from the store on disk"
    too_small = max(1, int(needed))  # half of it is less than the copy needs
    assert answering_from(built, pool(None, too_small)).startswith(
        "answers from the store on disk: a copy in memory would take about")
    forced = answering_from(built, pool(True, too_small))
    assert forced.startswith("answers from a copy in memory in each worker")
    assert ("warning" in forced) == (needed > too_small)


@pytest.mark.parametrize("in_memory", [False, True, None])
def test_the_server_answers_alike_from_disk_and_from_memory(built: Path, in_memory):
    from tests.test_serve_limits import FOUND, ask, running

    with running(built, in_memory=in_memory, workers=1, max_workers=1) as endpoint:
        assert ask(endpoint) == (200, FOUND)
