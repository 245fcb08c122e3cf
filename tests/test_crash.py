"""A build is one whole step: kill -9 at any point, missing sources, failures and leftovers.

The kill loop runs a small build over and over in a child process and kills it (``SIGKILL``) at
random points; after each kill the current build must be whole (its TriG is the one its manifest
names, its store holds the same quads), and the next build must remove what the killed one left.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graph import builds
from graph.cli import main
from graph.errors import NoBuildError, OutputError
from graph.store import open_store, write_trig

KILLS = 8  # each kill lands mid-build (every one of 8 did, run after run): 20 only took longer
# A child that writes builds A and B in turn until it is killed; it says "ready" after the first.
CHILD = """
import sys
from pathlib import Path
from graph.store import write_trig
build_dir, a, b = Path(sys.argv[1]), Path(sys.argv[2]).read_bytes(), Path(sys.argv[3]).read_bytes()
write_trig(a, build_dir)
print("ready", flush=True)
while True:
    write_trig(b, build_dir)
    write_trig(a, build_dir)
"""
TOP_LEVEL = {"builds", "current", "spacekg.trig", "oxigraph", ".write.lock"}


def small_trig(tag: str, n: int) -> bytes:
    """A TriG document of ``n`` triples in each of two named graphs."""
    lines = []
    for g in ("g1", "g2"):
        lines.append(f"<http://example.org/{g}> {{")
        lines += [f'  <http://example.org/{tag}/{i}> <http://example.org/p> "{tag} {i}" .' for i in range(n)]
        lines.append("}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def check_whole(build_dir: Path, expected: dict[str, int]) -> str:
    """Assert the current build is whole and one of ``expected`` (sha256 -> quads); return its sha256."""
    folder = builds.current_build(build_dir)
    assert folder is not None and folder.parent.name == "builds"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    trig = (build_dir / "spacekg.trig").read_bytes()  # through the fixed link, as people read it
    digest = hashlib.sha256(trig).hexdigest()
    assert digest == manifest["sha256"] and digest in expected
    store = ox.Store.read_only(str(build_dir / "oxigraph"))
    try:
        assert len(store) == manifest["quads"] == expected[digest]
    finally:
        del store
    return digest


def assert_nothing_left(build_dir: Path) -> None:
    assert {p.name for p in build_dir.iterdir()} == TOP_LEVEL
    current = os.readlink(build_dir / "current")
    assert [f"builds/{p.name}" for p in (build_dir / "builds").iterdir()] == [current]


def test_killed_builds_never_leave_a_mixed_build_and_the_next_build_cleans_up(tmp_path: Path):
    a, b = small_trig("a", 40), small_trig("b", 60)
    (tmp_path / "a.trig").write_bytes(a)
    (tmp_path / "b.trig").write_bytes(b)
    expected = {hashlib.sha256(a).hexdigest(): 80, hashlib.sha256(b).hexdigest(): 120}
    build_dir = tmp_path / "build"
    rng = random.Random(13)
    seen_leftovers = 0
    for _ in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(build_dir), str(tmp_path / "a.trig"),
                                  str(tmp_path / "b.trig")], stdout=subprocess.PIPE, text=True)
        try:
            assert child.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0, 0.1))  # a few builds of A and B each
        finally:
            child.kill()
            child.wait()
        check_whole(build_dir, expected)
        leftovers = {p.name for p in build_dir.iterdir()} - TOP_LEVEL
        leftovers |= {p.name for p in (build_dir / "builds").iterdir()}
        seen_leftovers += len(leftovers) > 1
        write_trig(b, build_dir)  # the next build removes whatever the killed one left
        assert check_whole(build_dir, expected) == hashlib.sha256(b).hexdigest()
        assert_nothing_left(build_dir)
    # the kills did land in the middle of builds (a build folder being written, or not yet removed)
    assert seen_leftovers > 0


def test_leftovers_of_the_older_layout_are_removed(tmp_path: Path):
    build_dir = tmp_path / "build"
    build_dir.mkdir()
    (build_dir / ".oxigraph-0123456789ab").mkdir()  # a store a killed build of the one-store layout left
    (build_dir / ".oxigraph-0123456789ab" / "CURRENT").write_text("x")
    (build_dir / "oxigraph").symlink_to(".oxigraph-0123456789ab")
    (build_dir / "spacekg.trig").write_text("old graph", encoding="utf-8")
    (build_dir / ".spacekg.trig.abc.tmp").write_text("half", encoding="utf-8")
    write_trig(small_trig("a", 3), build_dir)
    assert_nothing_left(build_dir)
    assert (build_dir / "spacekg.trig").read_bytes() == small_trig("a", 3)


def test_a_build_in_use_is_kept_until_its_reader_is_done(tmp_path: Path):
    build_dir = tmp_path / "build"
    write_trig(small_trig("a", 3), build_dir)
    folder, lock = builds.acquire(build_dir)  # a reader (a server worker) holds the build
    write_trig(small_trig("b", 3), build_dir)
    assert folder.exists() and builds.current_build(build_dir) != folder
    os.close(lock)
    write_trig(small_trig("a", 3), build_dir)
    assert not folder.exists()
    assert_nothing_left(build_dir)


def test_a_failed_build_removes_its_temporary_folder_and_keeps_the_previous(tmp_path: Path):
    build_dir = tmp_path / "build"
    write_trig(small_trig("a", 3), build_dir)
    before = os.readlink(build_dir / "current")
    with pytest.raises(Exception, match="cannot load"):
        write_trig(b"<http://e/a> <http://e/b> .\n", build_dir)  # not TriG: no object
    assert os.readlink(build_dir / "current") == before
    assert_nothing_left(build_dir)


def test_no_build_is_a_clear_error(tmp_path: Path):
    with pytest.raises(NoBuildError, match="run `spacekg build` first"):
        open_store(tmp_path / "nothing")


@pytest.mark.parametrize("damage", ["missing", "unreadable"])  # unreadable: a file where the folder should be
def test_missing_or_unreadable_sources_fail_and_keep_the_previous_build(
        damage: str, tmp_path: Path, seed_data: Path, built: Path):
    import shutil

    previous = Path(shutil.copytree(built, tmp_path / "build", symlinks=True))
    before = os.readlink(previous / "current")
    data = tmp_path / "data"
    shutil.copytree(seed_data / "catalog", data / "catalog")
    if damage == "unreadable":  # (root reads a folder of mode 000, so a file stands in the way instead)
        (data / "sources").write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--data", str(data), "--build-dir", str(previous)])
    assert result.exit_code == OutputError.exit_code, result.output
    assert result.output.startswith(f"error: {data / 'sources'}: ")
    assert ("the sources folder is missing" if damage == "missing" else "cannot read the sources folder") \
        in result.output
    assert "Traceback" not in result.output
    assert os.readlink(previous / "current") == before


def test_a_term_rdf_cannot_hold_is_an_input_error_and_writes_nothing(tmp_path: Path):
    """The curated-data checks refuse such terms first; a graph built in Python gets the same exit code."""
    from rdflib import Dataset, Literal, URIRef

    from graph.errors import InputSyntaxError
    from graph.store import write_build

    build_dir = tmp_path / "build"
    write_trig(small_trig("a", 3), build_dir)
    before = os.readlink(build_dir / "current")
    ds = Dataset()
    ds.graph(URIRef("http://example.org/g")).add((URIRef("http://example.org/a b"), URIRef("http://example.org/p"),
                                                  Literal("x")))
    with pytest.raises(InputSyntaxError, match="holds a term RDF cannot hold: Invalid IRI code point ' '"):
        write_build(ds, build_dir)
    assert os.readlink(build_dir / "current") == before
    assert_nothing_left(build_dir)
