"""The one module that owns the persisted graph: where it is, how it is written and opened.

A build directory (``./build`` by default, see :func:`graph.paths.default_build_dir`) shows

- ``spacekg.trig`` - the whole graph with its named graphs, for people and other tools;
- ``oxigraph/`` - the same graph in an Oxigraph store, which queries open without parsing.

Both belong to one build folder (``builds/<time>-<sha>/``) that becomes current in one atomic
step (:mod:`graph.builds`), so a failed or interrupted build leaves the previous one whole and
no reader ever sees the TriG of one build beside the store of another. The embedded engine is
Oxigraph (pyoxigraph); rdflib stays the API for building and serialising, and
:func:`open_dataset` gives rdflib users the same store.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from graph import builds
from graph.errors import InputSyntaxError, NoBuildError, OutputError
from graph.files import write_atomically

if TYPE_CHECKING:
    import pyoxigraph
    import rdflib

TRIG_NAME = builds.TRIG_NAME
STORE_LINK = builds.STORE_NAME

# rdflib serialisers by file extension; .ttl and .nt hold the union of the named graphs.
FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt11"}
QUAD_FORMATS = {"trig", "nquads"}


def format_for(path: Path) -> str:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(FORMATS)
        raise OutputError(f"unknown RDF format for extension {path.suffix!r} (use one of {known})", path=path) from None


def serialize(dataset: rdflib.Dataset, fmt: str) -> bytes:
    """The dataset in ``fmt``, byte for byte the same for the same graph.

    rdflib's own serialisers follow the order of Python sets, which changes from one process to
    the next, and label blank nodes at random; here blank nodes get canonical labels
    (``rdflib.compare``), quads are sorted, and pyoxigraph writes them. Equal graphs give equal
    files, so the build's SHA-256 names the graph. ``.ttl`` and ``.nt`` hold the union of the
    named graphs.
    """
    import pyoxigraph as ox
    from rdflib import BNode
    from rdflib.compare import to_canonical_graph

    from graph.namespaces import PREFIXES

    quads = []
    to_ox = _term_converter()
    for g in dataset.graphs():
        if not len(g):
            continue
        has_blank = any(isinstance(t, BNode) for triple in g for t in triple)
        triples = to_canonical_graph(g) if has_blank else g
        try:
            name = ox.NamedNode(str(g.identifier)) if not str(g.identifier).startswith("urn:x-rdflib:") else None
            for s, p, o in triples:
                quads.append((to_ox(s), to_ox(p), to_ox(o), name))
        except ValueError as exc:  # the curated-data checks refuse such terms first (graph.checks.check_values)
            raise InputSyntaxError(f"the graph <{g.identifier}> holds a term RDF cannot hold: {exc}") from exc
    written: dict = {}  # each term's N-Triples form, made once: the sort asks for it once per quad it is in

    def text(term) -> str:
        if term not in written:
            written[term] = str(term)
        return written[term]

    quads.sort(key=lambda q: (str(q[3] or ""), text(q[0]), text(q[1]), text(q[2])))
    prefixes = {p: iri for p, iri in PREFIXES.items() if p}
    if fmt in QUAD_FORMATS:
        out = [ox.Quad(s, p, o, g if g is not None else ox.DefaultGraph()) for s, p, o, g in quads]
        rdf_format = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS
        return ox.serialize(out, format=rdf_format, prefixes=prefixes if fmt == "trig" else None)
    triples_out = sorted({ox.Triple(s, p, o) for s, p, o, _ in quads}, key=str)
    rdf_format = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES
    return ox.serialize(triples_out, format=rdf_format, prefixes=prefixes if fmt == "turtle" else None)


def _term_converter():
    """A function that turns an rdflib term into a pyoxigraph term, each distinct term converted once
    (a graph names the same IRIs and literals many times)."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal

    converted: dict = {}

    def convert(term):
        if term in converted:
            return converted[term]
        if isinstance(term, BNode):
            made = ox.BlankNode(str(term))
        elif isinstance(term, Literal):
            if term.language:
                made = ox.Literal(str(term), language=term.language)
            elif term.datatype is not None:
                made = ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
            else:
                made = ox.Literal(str(term))
        else:
            made = ox.NamedNode(str(term))
        converted[term] = made
        return made

    return convert


def write_build(dataset: rdflib.Dataset, build_dir: Path, *, output: Path | None = None) -> Path:
    """Persist ``dataset`` as a new build of ``build_dir`` (TriG file and Oxigraph store), and to ``output``.

    The TriG and the store are written into one new build folder, which then becomes the current
    build in one atomic step (see :mod:`graph.builds`). Returns the path of the RDF file written
    (``output`` or ``build_dir/spacekg.trig``).
    """
    build_dir = Path(build_dir)
    if output is not None:
        fmt = format_for(output)
        data = serialize(dataset, fmt)
        write_atomically(output, data)
    write_trig(serialize(dataset, "trig"), build_dir)
    return output if output is not None else build_dir / TRIG_NAME


def write_trig(trig: bytes, build_dir: Path) -> Path:
    """Make the graph of ``trig`` (a TriG document) the current build of ``build_dir``; return its folder."""
    return _new_build(Path(build_dir), trig)


def _new_build(build_dir: Path, trig: bytes | None, *, path: Path | None = None, fmt: str = "trig") -> Path:
    """Bulk-load ``trig`` (or the file at ``path``, in ``fmt``) into a new build folder and publish it."""
    import hashlib

    with builds.writing(build_dir) as tmp:
        quads = _load_store(tmp / STORE_LINK, trig, path=path, fmt=fmt)
        manifest: dict = {"quads": quads, "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        if trig is not None:
            write_atomically(tmp / TRIG_NAME, trig)
            manifest["sha256"] = hashlib.sha256(trig).hexdigest()
        else:
            manifest["loaded_from"] = Path(path).name
        return builds.publish(build_dir, tmp, manifest)


# Quads handed to the bulk loader at a time: its memory grows with what it is given (~1.6 KB a quad),
# so a graph of any size loads in ~350 MB, at a few percent of the speed of one whole-file bulk load.
CHUNK_QUADS = 200_000


def _load_store(folder: Path, trig: bytes | None, *, path: Path | None, fmt: str) -> int:
    """Bulk-load into a new store at ``folder``, :data:`CHUNK_QUADS` at a time; return its number of quads.

    One parser reads the whole document, so a blank node is the same node in every chunk (each
    ``bulk_load`` call would give its labels fresh nodes). The store is then compacted
    (``Store.optimize``): the chunks leave overlapping files that every read has to look into,
    and a compacted store answers queries about twice as fast (1M triples: statements-by-certainty
    6.8 s instead of 11.2 s, partners-of 1.4 s instead of 2.7 s) for about a quarter more load time.
    """
    import itertools

    import pyoxigraph as ox

    rdf_format = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}[fmt]
    store = ox.Store(str(folder))
    try:
        quads = ox.parse(path=str(path), format=rdf_format) if path is not None else ox.parse(trig, format=rdf_format)
        while chunk := list(itertools.islice(quads, CHUNK_QUADS)):
            store.bulk_extend(chunk)
        store.flush()
        store.optimize()
        return len(store)
    except SyntaxError as exc:
        raise InputSyntaxError(f"cannot load: {exc}", path=path) from exc
    finally:
        del store


def sweep(build_dir: Path) -> list[str]:
    """Remove what killed builds left in ``build_dir`` (half-written builds, builds nobody reads,
    the stray stores of the older layout); return their names. A build does this by itself."""
    return builds.sweep(build_dir)


def load_file(path: Path, build_dir: Path) -> Path:
    """Bulk-load an RDF file (N-Quads ``.nq`` or TriG ``.trig``) as a new build of ``build_dir``.

    The file is parsed by Oxigraph's own parser straight into a fresh store, which then becomes
    the current build atomically (as in :func:`write_build`); nothing is validated, so this is for
    graphs that are already built, such as a dump or the benchmark's generated graphs. The build
    has a store and no ``spacekg.trig``, so the folder never shows two different graphs.
    Returns the store's path.

    >>> load_file("bench-cache/10k.nq", "bench-cache/10k-build")   # doctest: +SKIP
    PosixPath('bench-cache/10k-build/oxigraph')
    """
    path, build_dir = Path(path), Path(build_dir)
    fmt = format_for(path)
    if fmt not in QUAD_FORMATS:
        raise OutputError(f"load an N-Quads (.nq) or TriG (.trig) file, not {path.suffix!r}", path=path)
    if not path.is_file():
        raise OutputError("cannot read: no such file", path=path)
    _new_build(build_dir, None, path=path, fmt=fmt)
    return store_path(build_dir)


def build_hash(build_dir: Path) -> str:
    """The SHA-256 of the current build's TriG file: names the exact graph a map or result came from."""
    import hashlib

    folder = builds.current_build(build_dir)
    if folder is None:
        return ""
    recorded = builds.read_manifest(folder).get("sha256")
    if recorded:
        return recorded
    trig = folder / TRIG_NAME
    return hashlib.sha256(trig.read_bytes()).hexdigest() if trig.exists() else ""


def store_path(build_dir: Path) -> Path:
    """``build_dir/oxigraph``: a fixed link to the current build's store."""
    return Path(build_dir) / STORE_LINK


def open_store(build_dir: Path) -> pyoxigraph.Store:
    """Open the current build's store read-only; raise :class:`NoBuildError` if there is none.

    The process keeps a shared lock on every build it opened until it exits (a pyoxigraph
    ``Store`` cannot say when it is dropped), so no later build removes a store in use. A build
    folder never changes once written, so a build this process opened lately is given again as the
    same store: opening one takes tens of milliseconds, which a process that reads the build again
    and again (a review server, a test session) would pay each time.
    """
    import pyoxigraph as ox

    folder, lock = builds.acquire(build_dir)
    key = str(folder.resolve())
    if lock is not None:
        if key in _HELD:
            os.close(lock)  # this process holds it already
        else:
            _HELD[key] = lock
    with _OPENING:  # a server's threads may open builds at once
        if lock is not None and key in _OPENED_BY_FOLDER:
            store = _OPENED_BY_FOLDER[key]
            _OPENED[id(store)] = _OPENED.pop(id(store))  # the newest again
            return store
        try:
            store = ox.Store.read_only(str(folder / STORE_LINK))
        except OSError as exc:
            raise NoBuildError(f"cannot open the built graph: {exc}", path=folder / STORE_LINK) from exc
        _OPENED[id(store)] = (store, folder)
        _OPENED_BY_FOLDER[key] = store
        while len(_OPENED) > _KEEP_OPENED:  # the oldest go, so that their files can close
            oldest, _ = _OPENED.pop(next(iter(_OPENED)))
            for folder_key in [k for k, kept in _OPENED_BY_FOLDER.items() if kept is oldest]:
                del _OPENED_BY_FOLDER[folder_key]
        return store


_HELD: dict[str, int] = {}  # build folder -> the descriptor holding its shared lock
# id(store) -> (the store, its build folder), for the last stores open_store gave; the store is
# kept with its entry, so that its id cannot be reused while the entry stands. Only the last few:
# each store holds open files, and a process that opens many (a test session) would run out.
_OPENED: dict[int, tuple[object, Path]] = {}
_OPENED_BY_FOLDER: dict[str, object] = {}  # the same stores, by their build folder (resolved)
_OPENING = threading.Lock()
_KEEP_OPENED = 4


def cache_folder(store) -> Path | None:
    """Where to keep what is derived from the build of ``store`` alone (such as the mirror).

    ``builds/<time>-<sha12>/cache/`` of the store's own build (held by this process), or ``None``
    for a store that is not one of the last few :func:`open_store` gave (an in-memory store, a
    remote endpoint) or a build of the older layout. The folder goes with its build, so a new build
    never sees it.
    """
    opened = _OPENED.get(id(store))
    if opened is None or opened[0] is not store:
        return None
    folder = opened[1]
    return folder / CACHE_NAME if folder.parent.name == builds.BUILDS else None


CACHE_NAME = "cache"


class CurrentStore:
    """The store of whichever build is current, for long-lived readers such as the server's workers.

    :meth:`get` returns the store of the current build, opening the new one (and letting the old
    one go) when a build has become current since the last call; call it once per request so
    that each request reads one build, whole. The build in use stays locked against removal.

    ``in_memory`` says where the answers come from: ``True`` a copy of each build in memory
    (:func:`copy_into_memory`), ``False`` the store on disk, ``None`` a copy when it fits in
    ``memory_budget`` megabytes (:func:`copy_megabytes`), decided again for each build.
    """

    def __init__(self, build_dir: Path, *, in_memory: bool | None = False, memory_budget: float = 0) -> None:
        self.build_dir = Path(build_dir)
        self.in_memory = in_memory
        self.memory_budget = memory_budget
        self.folder: Path | None = None
        self.lock: int | None = None
        self.store: pyoxigraph.Store | None = None

    def get(self) -> pyoxigraph.Store:
        """The current build's store; raise :class:`NoBuildError` if there is none."""
        import pyoxigraph as ox

        if self.store is not None and builds.current_build(self.build_dir) == self.folder:
            return self.store
        folder, lock = builds.acquire(self.build_dir)
        try:
            store = ox.Store.read_only(str(folder / STORE_LINK))
            if self.in_memory or (self.in_memory is None and copy_megabytes(folder) <= self.memory_budget):
                store = copy_into_memory(store)
        except OSError as exc:
            if lock is not None:
                os.close(lock)
            raise NoBuildError(f"cannot open the built graph: {exc}", path=folder / STORE_LINK) from exc
        self.close()
        self.folder, self.lock, self.store = folder, lock, store
        return store

    def close(self) -> None:
        """Let the store and its build go."""
        self.store = None
        if self.lock is not None:
            os.close(self.lock)
        self.folder = self.lock = None


# Resident memory of pyoxigraph's in-memory store per quad while it is being filled (its peak): 1M
# quads of the benchmark's graph copied from disk peaked at 639 MB and held 410 MB after (pyoxigraph 0.5.13).
COPY_BYTES_PER_QUAD = 640


def copy_megabytes(folder: Path) -> float:
    """The megabytes a copy in memory of the build in ``folder`` takes at its peak, estimated.

    The quads are counted from the build's manifest (by the store, for a build of the older
    layout, which has none), at :data:`COPY_BYTES_PER_QUAD` each.
    """
    import pyoxigraph as ox

    quads = builds.read_manifest(folder).get("quads")
    if quads is None:
        quads = len(ox.Store.read_only(str(Path(folder) / STORE_LINK)))
    return quads * COPY_BYTES_PER_QUAD / (1024 * 1024)


def copy_into_memory(store: pyoxigraph.Store) -> pyoxigraph.Store:
    """A copy of ``store`` in pyoxigraph's in-memory store: every quad, in its own named graph.

    From memory the named queries answer 2x to 11x faster than from disk, where each solution
    costs RocksDB look-ups and each ``ORDER BY`` comparison reads the terms' text (1M triples:
    statements-by-certainty 1.8 s against 13.2 s); the copy holds about 400 bytes a quad, and
    copying reads the whole store (19 s for 1M quads on a busy 2-core machine). The quads go
    straight from one store to the other, with no text between them: a blank node stays the same node.
    """
    import pyoxigraph as ox

    copy = ox.Store()
    copy.bulk_extend(store.quads_for_pattern(None, None, None))
    return copy


def memory_copy(build_dir: Path) -> pyoxigraph.Store:
    """The current build of ``build_dir`` copied into memory (:func:`copy_into_memory`), as ``spacekg serve``
    holds it; raise :class:`NoBuildError` if there is none."""
    current = CurrentStore(build_dir, in_memory=True)
    try:
        return current.get()
    finally:
        current.close()


def open_dataset(build_dir: Path) -> rdflib.Dataset:
    """The built graph as an rdflib ``Dataset`` backed by Oxigraph (via oxrdflib), for Python users.

    The default graph is the union of the named graphs, as in ``spacekg query``.
    """
    import rdflib

    folder, lock = builds.acquire(build_dir)
    try:
        trig = folder / TRIG_NAME
        if not trig.exists():
            raise NoBuildError(f"the build in {build_dir}/ has no {TRIG_NAME} (it was loaded from a dump)",
                               path=build_dir)
        ds = rdflib.Dataset(store="Oxigraph", default_union=True)
        ds.parse(trig, format="ox-trig")
        return ds
    finally:
        if lock is not None:
            os.close(lock)
