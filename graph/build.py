"""Assemble the graph from the ontology, the catalog and the sources; check it; write it.

The build is all-or-nothing: every check runs on the assembled graph in memory, and only a graph
that passes them all is written (by :mod:`graph.store`, atomically). A failed build leaves the
previous one as it was.

Named graphs of the result
--------------------------
=========================================  ==========================================
graph name                                 content
=========================================  ==========================================
``https://w3id.org/spacekg/ontology``      the ontology (``ontology/space.ttl``)
``https://w3id.org/spacekg/cameo``         the CAMEO event types (``ontology/cameo.ttl``)
``https://w3id.org/spacekg/catalog``       the entity catalog (``graph/data/catalog/*.ttl``)
``src:<id>`` (one per source)              the source's metadata, plain triples and
                                           statement nodes
=========================================  ==========================================
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, BNode, Dataset, Graph, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax

from graph import paths
from graph.checks import (
    check_claims_unique,
    check_evidence,
    check_terms,
    check_values,
    claim_line,
    locate,
    undeclared_terms,
    validate_shapes,
)
from graph.conformance import conformance_key, conformed, remember
from graph.errors import InputSyntaxError, OutputError, UnknownEntityError
from graph.namespaces import CAMEO_GRAPH, CATALOG_GRAPH, KG, ONTOLOGY_GRAPH, PREFIXES, shorten
from graph.qualifiers import Certainty
from graph.sources import Source, TextIndex, read_text
from graph.statements import S, compile_claims, read_claims, statement_iris

Location = tuple[Path, int | None]  # a curated file, and the line of an entity or statement in it


def _where(location: Location | None) -> str | None:
    if location is None:
        return None
    path, line = location
    return f"{path}:{line}" if line else str(path)


@dataclass
class Build:
    """A checked graph, ready to be written."""

    dataset: Dataset
    sources: list[Source]
    unchecked: list[Source] = field(default_factory=list)
    locations: dict[str, Location] = field(default_factory=dict)

    def union(self, *, without: tuple[str, ...] = ()) -> Graph:
        """The named graphs merged into one graph, leaving out those named in ``without``."""
        g = Graph()
        for named in self.dataset.graphs():
            if str(named.identifier) not in without:
                g += named
        return g


def load_turtle(path: Path, *, curated: bool = False, shared: bool = False) -> tuple[Graph, str]:
    """Parse a Turtle file; a syntax error names the file and line.

    A ``curated`` file (catalog, sources) also has every IRI and literal checked
    (:func:`graph.checks.check_values`). A ``shared`` graph (the vocabularies and the catalog,
    which every build reads again) is parsed once per process for the same text, and the same
    graph is handed to every caller: it must not be changed.
    """
    from graph.text import decode_utf8

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise OutputError(f"cannot read: {exc.strerror}", path=path) from exc
    text = decode_utf8(data, path, "Turtle file")
    base = path.resolve().as_uri()
    if shared and (kept := _parsed.get(text, base, curated)) is not None:
        return kept, text
    g = Graph()
    try:
        with _quiet_rdflib():
            g.parse(data=text, format="turtle", publicID=base)
    except BadSyntax as exc:
        raise InputSyntaxError(f"Turtle syntax error: {exc._why}", path=path, line=exc.lines + 1) from exc
    except Exception as exc:  # rdflib raises plain exceptions for bad IRIs, prefixes, escapes
        raise InputSyntaxError(f"Turtle error: {exc}", path=path) from exc
    if curated:
        check_values(g, path=path, text=text)
    if shared:
        _parsed.keep(g, text, base, curated)
    return g, text


class _ParsedTurtle:
    """The graphs of the Turtle texts parsed last (at most :attr:`size`), by text.

    Every build parses the ontology, the CAMEO types and the catalog again, though they rarely
    change, and one process may build many times (the review page after each accept, the test
    suite about a hundred times): a build of the catalog and one source takes ~30 % less CPU. Sources
    are not kept: a build reads each once, and a changed source is usually what it is for. A text
    names its graph only if no IRI in it was resolved against the file's own (``file:``) IRI;
    otherwise the file is part of the key, so that a copy of it elsewhere is parsed again.
    """

    size = 64

    def __init__(self) -> None:
        self._graphs: OrderedDict[tuple[str, str, bool], Graph] = OrderedDict()
        self._lock = threading.Lock()  # builds may run in several threads of one process

    def get(self, text: str, base: str, curated: bool) -> Graph | None:
        with self._lock:
            for key in ((text, "", curated), (text, base, curated)):
                if key in self._graphs:
                    self._graphs.move_to_end(key)
                    return self._graphs[key]
        return None

    def keep(self, g: Graph, text: str, base: str, curated: bool) -> None:
        anywhere = not any(isinstance(term, URIRef) and term.startswith("file:") for triple in g for term in triple)
        with self._lock:
            self._graphs[(text, "" if anywhere else base, curated)] = g
            while len(self._graphs) > self.size:
                self._graphs.popitem(last=False)


_parsed = _ParsedTurtle()


@contextlib.contextmanager
def _quiet_rdflib():
    """rdflib logs (with a traceback) each literal it cannot convert and each IRI it finds odd; the
    checks report those with their file and line instead."""
    logger = logging.getLogger("rdflib")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _files(folders: Path | Sequence[Path], what: str) -> list[Path]:
    """The curated ``*.ttl`` files of one folder or several, each folder's in name order.

    Proposals (``<id>.proposed.ttl``, left by `spacekg ingest` for review) are not data yet. The
    first folder must be there (see :func:`turtle_files`); a later one (the user's) may be missing.
    """
    folders = [folders] if isinstance(folders, str | Path) else folders
    found = [path for number, folder in enumerate(dict.fromkeys(Path(f) for f in folders))
             for path in turtle_files(folder, what, optional=number > 0)
             if not path.name.endswith(".proposed.ttl")]
    if what == "catalog" and not found:
        raise InputSyntaxError("the catalog folder holds no .ttl file: the graph would have no entities",
                               path=Path(folders[0]))
    return found


def turtle_files(folder: Path, what: str, *, optional: bool = False) -> list[Path]:
    """The ``.ttl`` files of a curated folder, sorted; a missing (unless ``optional``) or unreadable
    folder is an error.

    ``Path.glob`` would find nothing in a folder it cannot read, and the build would then replace
    a good graph with one that lacks every source.
    """
    try:
        names = os.listdir(folder)
    except FileNotFoundError as exc:
        if optional:
            return []
        raise OutputError(f"the {what} folder is missing (a data folder holds catalog/ and sources/)",
                          path=folder) from exc
    except OSError as exc:
        raise OutputError(f"cannot read the {what} folder: {exc.strerror}", path=folder) from exc
    return [folder / name for name in sorted(names) if name.endswith(".ttl")]


def _bind(ds: Dataset) -> None:
    for prefix, iri in PREFIXES.items():
        if prefix:
            ds.bind(prefix, iri, override=True, replace=True)


def assemble(
    *,
    text_dirs: Iterable[Path] = (),
    catalog_dir: Path | Sequence[Path] | None = None,
    sources_dir: Path | Sequence[Path] | None = None,
    ontology_file: Path | None = None,
    cameo_file: Path | None = None,
    shapes_file: Path | None = None,
    validate: bool = True,
) -> Build:
    """Compile and check the whole graph; raise a :class:`~graph.errors.SpaceKGError` on bad input.

    The folders default to the project's own data; tests point them at small fixtures. A list of
    folders combines them (the shipped data and the user's, see :mod:`graph.userdata`); the first
    must be there, the others (the user's) may not be yet.
    """
    catalog_files = _files(catalog_dir or paths.CATALOG_DIR, "catalog")
    source_files = _files(sources_dir or paths.SOURCES_DIR, "sources")
    ontology, _ = load_turtle(ontology_file or paths.ontology_file(), shared=True)
    cameo, _ = load_turtle(cameo_file or paths.cameo_file(), shared=True)

    ds = Dataset()
    _bind(ds)
    for name, vocabulary in ((ONTOLOGY_GRAPH, ontology), (CAMEO_GRAPH, cameo)):
        named = ds.graph(URIRef(name))
        named += vocabulary
    locations: dict[str, Location] = {}
    texts: dict[Path, str] = {}  # every curated file's text, to locate errors found on the whole graph
    catalog = _load_catalog(ds, catalog_files, locations, texts)

    entities = {s for s in catalog.subjects(RDF.type, None) if isinstance(s, URIRef)}
    event_types = set(cameo.subjects(RDF.type, S.EventType))
    index = TextIndex(text_dirs)
    claim_files: dict[URIRef, Path] = {}
    sources: list[Source] = []
    unchecked: list[Source] = []
    for path in source_files:
        g, curated_text = load_turtle(path, curated=True)
        source = _source_of(g, path, curated_text)
        twin = next((other for other in sources if other.iri == source.iri), None)
        if twin is not None:
            raise InputSyntaxError(f"{source.id} is also a source in {twin.path}: a source is kept once", path=path)
        entities.add(URIRef(source.iri))
        claims = read_claims(g, path=str(path), text=curated_text)
        check_claims_unique(claims, path=path, curated_text=curated_text)
        _check_claim_nodes(g, path, curated_text, claim_files)
        texts[path] = curated_text
        check_terms(
            claims, entities=entities, ontology=ontology, event_types=event_types, path=path, text=curated_text
        )
        text_path = index.find(source)
        if text_path is None:
            unchecked.append(source)
        else:
            check_evidence(claims, read_text(text_path), path=path, curated_text=curated_text)
        named = ds.graph(URIRef(source.iri))
        for triple in g:
            if not isinstance(triple[0], BNode):
                named.add(triple)
        named += compile_claims(URIRef(source.iri), source.id, claims)
        for iri, claim in zip(statement_iris(source.id, claims), claims, strict=True):
            line = claim_line(curated_text, claim)
            locations[str(iri)] = (path, line)
        sources.append(source)

    build = Build(dataset=ds, sources=sources, unchecked=unchecked, locations=locations)
    if validate:
        _validate(build, ontology, texts, shapes_file or paths.shapes_file())
    return build


def _load_catalog(ds: Dataset, catalog_files: list[Path], locations: dict[str, Location],
                  texts: dict[Path, str]) -> Graph:
    """Read the catalog files into the catalog graph of ``ds``, noting where each entity is written."""
    catalog = ds.graph(URIRef(CATALOG_GRAPH))
    for path in catalog_files:
        g, text = load_turtle(path, curated=True, shared=True)
        texts[path] = text
        catalog += g
        for entity in set(g.subjects(RDF.type, None)):
            line = locate(text, shorten(str(entity)) + " ")
            locations[str(entity)] = (path, line)
    _check_catalog(catalog, locations)
    return catalog


def _validate(build: Build, ontology: Graph, texts: dict[Path, str], shapes_file: Path) -> None:
    """The checks on the whole graph: every term declared, every SHACL shape satisfied."""
    # the triples of every graph but the ontology's, read in place (a merged copy costs more than the check)
    data = (triple for named in build.dataset.graphs() if str(named.identifier) != ONTOLOGY_GRAPH
            for triple in named)
    unknown = undeclared_terms(data, ontology)
    if unknown:
        names = ", ".join(sorted(shorten(str(t)) for t in unknown))
        path, line = _first_use(sorted(unknown), texts)
        raise UnknownEntityError(f"terms used in the data but not declared in the ontology: {names}",
                                 path=path, line=line)
    key = conformance_key(build.dataset, shapes_file)
    if conformed(key):
        return  # this very graph conformed to these very shapes before (graph.conformance)
    shapes, _ = load_turtle(shapes_file)  # not shared: pySHACL adds to the shapes graph it is given
    validate_shapes(build.union(), shapes, where=lambda iri: _where(build.locations.get(iri)))
    remember(key)


def _check_claim_nodes(g: Graph, path: Path, text: str, claim_files: dict[URIRef, Path]) -> None:
    """A claim written with an IRI (not ``[]``) belongs to one file: two files would merge into one node."""
    for node in set(g.subjects(RDF.subject, None)):
        if not isinstance(node, URIRef):
            continue
        other = claim_files.setdefault(node, path)
        if other != path:
            raise InputSyntaxError(
                f"the claim node {shorten(str(node))} is also a claim of {other}: one node would get the "
                "subjects, predicates and objects of both; write each claim as [] or give it its own IRI",
                path=path, line=locate(text, shorten(str(node)) + " ") or locate(text, f"<{node}>"))


def _first_use(terms: list, texts: dict[Path, str]) -> tuple[Path | None, int | None]:
    """The first curated file (and line) that writes one of ``terms``."""
    for term in terms:
        for path, text in texts.items():
            for written in (shorten(str(term)), f"<{term}>"):
                line = locate(text, written)
                if line:
                    return path, line
    return None, None


def _check_catalog(catalog: Graph, locations: dict[str, Location]) -> None:
    """Every IRI the catalog links to in the ``kg:`` namespace must itself be a catalog entry."""
    entities = set(catalog.subjects(RDF.type, None))
    for s, p, o in catalog:
        if isinstance(o, URIRef) and str(o).startswith(KG) and o not in entities and p != RDF.type:
            path, line = locations.get(str(s), (None, None))
            raise UnknownEntityError(
                f"{shorten(str(s))} {shorten(str(p))} names {shorten(str(o))}, which the catalog does not declare",
                path=path,
                line=line,
            )


def _source_of(g: Graph, path: Path, text: str = "") -> Source:
    articles = sorted(s for s in g.subjects(RDF.type, S.SourceArticle) if isinstance(s, URIRef))
    if len(articles) != 1:
        lines = sorted(filter(None, (_line_of_entity(text, iri) for iri in articles)))
        raise InputSyntaxError(
            f"a source file describes exactly one :SourceArticle, this one has {len(articles)}", path=path,
            line=lines[1] if len(lines) > 1 else None,
        )
    iri = articles[0]
    sha = g.value(iri, S.sha256)
    source = Source(iri=str(iri), path=path, sha256=str(sha) if sha is not None else None)
    if path.stem != source.id:
        raise InputSyntaxError(f"the file of source {shorten(str(iri))} must be named {source.id}.ttl", path=path,
                               line=_line_of_entity(text, iri))
    return source


def _line_of_entity(text: str, iri: URIRef) -> int | None:
    """The line where ``iri`` is first described (``kg:x a ...`` or ``<iri> a ...``)."""
    return locate(text, shorten(str(iri)) + " a ") or locate(text, f"<{iri}> a ")


def summary(build: Build) -> dict:
    """Counts for the one-screen report: triples, entities by type, statements by certainty, sources."""
    ds = build.dataset
    catalog = ds.graph(URIRef(CATALOG_GRAPH))
    ontology = ds.graph(URIRef(ONTOLOGY_GRAPH))
    by_type: Counter[str] = Counter()
    for entity in set(catalog.subjects(RDF.type, None)):
        for cls in catalog.objects(entity, RDF.type):
            by_type[str(ontology.value(cls, RDFS.label) or shorten(str(cls)))] += 1
    by_certainty: Counter[str] = Counter()
    per_source: dict[str, int] = {}
    for source in build.sources:
        g = ds.graph(URIRef(source.iri))
        count = 0
        for st in g.subjects(RDF.type, S.Statement):
            by_certainty[str(ontology.value(g.value(st, S.certainty), RDFS.label))] += 1
            count += 1
        per_source[source.id] = count
    unchecked = {s.id for s in build.unchecked}
    ranks = {level.name: level.rank for level in Certainty.levels()}
    return {
        "triples": sum(len(g) for g in ds.graphs()),
        "graphs": sum(1 for g in ds.graphs() if len(g)),
        "entities": dict(sorted(by_type.items())),
        "statements": dict(sorted(by_certainty.items(), key=lambda kv: -ranks.get(kv[0], 0))),
        "sources": {
            sid: {"statements": n, "evidence": "not checked (text not at hand)" if sid in unchecked else "checked"}
            for sid, n in sorted(per_source.items())
        },
    }

