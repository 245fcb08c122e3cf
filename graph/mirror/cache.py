"""The mirror cached in its build's folder: read from the store once per build, then loaded in a blink.

A build folder never changes once published (:mod:`graph.builds`), so the mirror of its store is
a pure function of the build and of the code that reads it. :func:`cached_mirror` keeps it as a
pickle in the build's own ``cache/`` folder (see :func:`graph.store.cache_folder`), named by a
digest of that code (:mod:`graph.mirror.reading`, :mod:`graph.model`) and of networkx's version,
so a change of either reads the store again. The file goes with its build: a new build starts
without it, and ``spacekg build`` removes it with the old build. The pickle is the project's own
file, written into the user's own build folder; whoever can write there can change the store too.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx


def cache_name() -> str:
    """``mirror-<digest>.pickle``: the digest of the code that makes the mirror, and networkx's version."""
    import networkx

    from graph import model
    from graph.mirror import reading

    digest = hashlib.sha256(networkx.__version__.encode())
    for module in (reading, model):
        digest.update(Path(module.__file__).read_bytes())
    return f"mirror-{digest.hexdigest()[:16]}.pickle"


def cached_mirror(store) -> nx.MultiDiGraph:
    """The mirror of ``store`` (:func:`graph.mirror.mirror`), from its build's cache when there.

    A store that :func:`graph.store.open_store` did not give (in memory, a remote endpoint) is
    mirrored as usual. A cache file that cannot be read is read from the store again and
    rewritten; a build folder that cannot be written only goes without the cache.
    """
    from graph.errors import OutputError
    from graph.files import write_atomically
    from graph.gcpause import paused_gc
    from graph.mirror.reading import mirror
    from graph.store import cache_folder

    folder = cache_folder(store)
    if folder is None:
        return mirror(store)
    path = folder / cache_name()
    try:
        with path.open("rb") as file, paused_gc():
            return pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, TypeError):
        pass  # not there yet, or damaged: read from the store below
    G = mirror(store)
    try:
        folder.mkdir(exist_ok=True)
        write_atomically(path, pickle.dumps(G, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, OutputError):
        pass  # a read-only build folder: the mirror is right, only not kept
    return G
