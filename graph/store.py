"""The one module that owns the persisted graph: where it is, how it is written and opened.

A build directory (``./build`` by default, see :func:`graph.paths.default_build_dir`) holds

- ``spacekg.trig`` - the whole graph with its named graphs, for people and other tools;
- ``oxigraph/`` - the same graph in an Oxigraph store, which queries open without parsing.

Both are replaced atomically: each is written beside its target under a temporary name, then
renamed over it (the store through a symbolic link), so a failed or interrupted build leaves
the previous one whole. The embedded engine is Oxigraph (pyoxigraph); rdflib stays the API for
building and serialising, and :func:`open_dataset` gives rdflib users the same store.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from graph.errors import InputSyntaxError, NoBuildError, OutputError
from graph.files import write_atomically

if TYPE_CHECKING:
    import pyoxigraph
    import rdflib

TRIG_NAME = "spacekg.trig"
STORE_LINK = "oxigraph"

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
    for g in dataset.graphs():
        if not len(g):
            continue
        has_blank = any(isinstance(t, BNode) for triple in g for t in triple)
        triples = to_canonical_graph(g) if has_blank else g
        name = ox.NamedNode(str(g.identifier)) if not str(g.identifier).startswith("urn:x-rdflib:") else None
        for s, p, o in triples:
            quads.append((_ox(s), _ox(p), _ox(o), name))
    quads.sort(key=lambda q: (str(q[3] or ""), str(q[0]), str(q[1]), str(q[2])))
    prefixes = {p: iri for p, iri in PREFIXES.items() if p}
    if fmt in QUAD_FORMATS:
        out = [ox.Quad(s, p, o, g if g is not None else ox.DefaultGraph()) for s, p, o, g in quads]
        rdf_format = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS
        return ox.serialize(out, format=rdf_format, prefixes=prefixes if fmt == "trig" else None)
    triples_out = sorted({ox.Triple(s, p, o) for s, p, o, _ in quads}, key=str)
    rdf_format = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES
    return ox.serialize(triples_out, format=rdf_format, prefixes=prefixes if fmt == "turtle" else None)


def _ox(term):
    """An rdflib term as a pyoxigraph term."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal

    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    return ox.NamedNode(str(term))


def write_build(dataset: rdflib.Dataset, build_dir: Path, *, output: Path | None = None) -> Path:
    """Persist ``dataset`` in ``build_dir`` (TriG file and Oxigraph store), and to ``output`` if given.

    Returns the path of the RDF file written (``output`` or ``build_dir/spacekg.trig``).
    """
    build_dir = Path(build_dir)
    if output is not None:
        fmt = format_for(output)
        data = serialize(dataset, fmt)
        write_atomically(output, data)
    trig = serialize(dataset, "trig")
    _replace_store(build_dir, trig)
    write_atomically(build_dir / TRIG_NAME, trig)
    return output if output is not None else build_dir / TRIG_NAME


def _replace_store(build_dir: Path, trig: bytes | None, *, path: Path | None = None, fmt: str = "trig") -> None:
    """Bulk-load ``trig`` (or the file at ``path``, in ``fmt``) into a fresh store, then swap it in."""
    import pyoxigraph as ox

    rdf_format = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}[fmt]
    try:
        build_dir.mkdir(parents=True, exist_ok=True)
        fresh = build_dir / f".oxigraph-{uuid.uuid4().hex[:12]}"
        store = ox.Store(str(fresh))
        try:
            if path is not None:
                store.bulk_load(path=str(path), format=rdf_format)
            else:
                store.bulk_load(trig, format=rdf_format)
            store.flush()
        except SyntaxError as exc:
            del store
            shutil.rmtree(fresh, ignore_errors=True)
            raise InputSyntaxError(f"cannot load: {exc}", path=path) from exc
        del store
        link = build_dir / STORE_LINK
        previous = link.resolve() if link.is_symlink() else None
        if link.exists() and not link.is_symlink():
            shutil.rmtree(link)
        tmp_link = build_dir / f".{STORE_LINK}-{uuid.uuid4().hex[:12]}"
        tmp_link.symlink_to(fresh.name)
        os.replace(tmp_link, link)
    except OSError as exc:
        raise OutputError(f"cannot write the store: {exc.strerror}", path=build_dir) from exc
    if previous is not None and previous != fresh.resolve():
        shutil.rmtree(previous, ignore_errors=True)


def load_file(path: Path, build_dir: Path) -> Path:
    """Bulk-load an RDF file (N-Quads ``.nq`` or TriG ``.trig``) as the store of ``build_dir``.

    The file is parsed by Oxigraph's own parser straight into a fresh store, which then replaces
    the previous one atomically (as in :func:`write_build`); nothing is validated, so this is for
    graphs that are already built, such as a dump or the benchmark's generated graphs. A
    ``spacekg.trig`` left in ``build_dir`` by an earlier build is removed, so that the folder
    never holds two different graphs. Returns the store's path.

    >>> load_file("bench-cache/10k.nq", "bench-cache/10k-build")   # doctest: +SKIP
    PosixPath('bench-cache/10k-build/oxigraph')
    """
    path, build_dir = Path(path), Path(build_dir)
    fmt = format_for(path)
    if fmt not in QUAD_FORMATS:
        raise OutputError(f"load an N-Quads (.nq) or TriG (.trig) file, not {path.suffix!r}", path=path)
    if not path.is_file():
        raise OutputError("cannot read: no such file", path=path)
    _replace_store(build_dir, None, path=path, fmt=fmt)
    (build_dir / TRIG_NAME).unlink(missing_ok=True)
    return store_path(build_dir)


def build_hash(build_dir: Path) -> str:
    """The SHA-256 of the built TriG file: names the exact graph a map or result came from."""
    import hashlib

    trig = Path(build_dir) / TRIG_NAME
    return hashlib.sha256(trig.read_bytes()).hexdigest() if trig.exists() else ""


def store_path(build_dir: Path) -> Path:
    return Path(build_dir) / STORE_LINK


def open_store(build_dir: Path) -> pyoxigraph.Store:
    """Open the built graph read-only; raise :class:`NoBuildError` if there is none."""
    import pyoxigraph as ox

    path = store_path(build_dir)
    if not path.exists():
        raise NoBuildError(f"no built graph in {build_dir}/ (run `spacekg build` first)", path=build_dir)
    try:
        return ox.Store.read_only(str(path))
    except OSError as exc:
        raise NoBuildError(f"cannot open the built graph: {exc}", path=path) from exc


def open_dataset(build_dir: Path) -> rdflib.Dataset:
    """The built graph as an rdflib ``Dataset`` backed by Oxigraph (via oxrdflib), for Python users.

    The default graph is the union of the named graphs, as in ``spacekg query``.
    """
    import rdflib

    trig = Path(build_dir) / TRIG_NAME
    if not trig.exists():
        raise NoBuildError(f"no built graph in {build_dir}/ (run `spacekg build` first)", path=build_dir)
    ds = rdflib.Dataset(store="Oxigraph", default_union=True)
    ds.parse(trig, format="ox-trig")
    return ds
