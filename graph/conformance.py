"""Graphs already found to conform to the shapes, so that an unchanged graph is not validated again.

SHACL validation is the slowest step of a build (about a second for the whole graph on one core).
A build whose dataset, shapes and validator are byte for byte those of a graph that conformed
before skips it. The key is the SHA-256 of the dataset's canonical N-Quads
(:func:`graph.store.serialize`, the same bytes that name a build), of the shapes file and of the
validator's name and version. The record is one empty file per key in
``$XDG_CACHE_HOME/spacekg/conforming`` (else ``~/.cache/spacekg/conforming``). Only a graph that
conforms is recorded, so a graph that breaks a shape is validated, and reported, every time. A
cache folder that cannot be written is ignored: the build validates as if it were empty.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Dataset


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/spacekg/conforming``, else ``~/.cache/spacekg/conforming`` (a relative
    ``$XDG_CACHE_HOME`` is ignored, as the XDG Base Directory specification says)."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "spacekg" / "conforming"


def conformance_key(dataset: Dataset, shapes_file: Path) -> str:
    """The SHA-256 naming this dataset checked against these shapes by this validator."""
    from importlib.metadata import version

    from graph.store import serialize

    digest = hashlib.sha256(f"pyshacl {version('pyshacl')}; inference none; warnings allowed\n".encode())
    digest.update(hashlib.sha256(shapes_file.read_bytes()).digest())
    digest.update(serialize(dataset, "nquads"))
    return digest.hexdigest()


def conformed(key: str) -> bool:
    """Whether a graph with this key was found to conform before."""
    return (cache_dir() / key).is_file()


def remember(key: str) -> None:
    """Record that the graph with this key conforms (silently skipped where the cache cannot be written)."""
    try:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / key).touch()
    except OSError:
        pass
