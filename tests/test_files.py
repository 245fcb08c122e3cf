"""One atomic write for every file SpaceKG writes: whole or not at all, with the usual permissions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.errors import OutputError
from graph.files import write_atomically


def test_a_written_file_has_the_usual_permissions_and_no_temporary_is_left(tmp_path: Path):
    umask = os.umask(0o022)
    try:
        write_atomically(tmp_path / "sub" / "a.ttl", b"old")
        write_atomically(tmp_path / "sub" / "a.ttl", b"new")
    finally:
        os.umask(umask)
    target = tmp_path / "sub" / "a.ttl"
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600
    assert [p.name for p in target.parent.iterdir()] == ["a.ttl"]


def test_a_failed_write_is_an_output_error_that_leaves_everything_as_it_was(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError, match="cannot write"):
        write_atomically(blocker / "b.ttl", b"new")
    taken = tmp_path / "taken"  # the rename fails: a folder is in the way
    (taken / "inside").mkdir(parents=True)
    with pytest.raises(OutputError, match="cannot write") as caught:
        write_atomically(taken, b"new")
    assert str(taken) in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "taken"]  # no temporary left behind
    assert [p.name for p in taken.iterdir()] == ["inside"]
