"""The review's data: where proposals live, what the page shows of one, and the edits it asks for.

The proposals are those of ``spacekg ingest``: ``sources/<id>.proposed.ttl`` of the user's data
folder (:mod:`graph.userdata`, the one place both commands take them from); the page names
entities of the shipped catalog and of the user's. Every edit reads the proposal, checks that it
is the version the page showed (a person may have edited the file by hand meanwhile: then nothing
is written and the page says to reload), applies the change as text (:mod:`graph.review.proposal`)
and writes the file atomically. Edits are serialised by a lock (the user folder's, which
``spacekg ingest --accept`` takes too), so two tabs or a tab and a command cannot interleave their
writes. Accepting a source is :func:`graph.ingest.accept`, exactly as ``spacekg ingest --accept``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import XSD

from graph.errors import InputSyntaxError, OutputError, SpaceKGError, UnknownEntityError
from graph.namespaces import KG, SPACE, shorten
from graph.proposals import typed_date
from graph.qualifiers import Certainty, TimeValue
from graph.review import proposal as doc
from graph.statements import TIME_PROPERTIES, S
from graph.terms import Lit

# The certainty levels as the page offers them (local names, surest first), from the ontology.
CERTAINTIES = tuple(level.iri.rsplit("#", 1)[-1] for level in Certainty.levels())
TEMPORAL = URIRef(SPACE + "TemporalValue")
# Domains of the ontology's properties that are not facts about entities (statements, scores...).
_NOT_FACTS = {URIRef(SPACE + c) for c in ("Statement", "Certainty", "CentralityScore", "EventType", "SourceArticle")}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
ACTIONS = ("reject-statement", "edit-statement", "relink-entity", "reject-entity", "accept-source")


class ConflictError(SpaceKGError):
    """The proposal changed on disk since the page read it (exit code 9, like other I/O errors)."""

    exit_code = 9


def atomic_write(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` whole or not at all (:func:`graph.files.write_atomically`)."""
    from graph.files import write_atomically

    write_atomically(target, text.encode("utf-8"))


def when(value: TimeValue | Lit | Literal) -> str:
    """A time value in words.

    >>> when(TimeValue.parse("2021-03")), when(Literal("2019-01-03", datatype=XSD.date))
    ('March 2021', '3 January 2019')
    """
    text = value.lexical if isinstance(value, TimeValue) else value.value if isinstance(value, Lit) else str(value)
    parts = text.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def catalog_files(folders: Iterable[Path]) -> list[Path]:
    """The catalog files of ``folders`` (a folder that does not exist has none)."""
    return [path for folder in folders for path in sorted(Path(folder).glob("*.ttl"))]


@dataclass
class Vocabulary:
    """What the page names and offers: entity names, relation and certainty labels."""

    names: dict[URIRef, str] = field(default_factory=dict)  # entity -> acronym or label
    labels: dict[URIRef, str] = field(default_factory=dict)  # entity -> full label
    relations: dict[URIRef, str] = field(default_factory=dict)  # fact property -> label
    dates: set[URIRef] = field(default_factory=set)  # the fact properties whose object is a date
    terms: dict[URIRef, str] = field(default_factory=dict)  # any ontology term -> label

    @classmethod
    def load(cls, catalog_dirs: Iterable[Path]) -> Vocabulary:
        """The names of the ontology and of the catalogs in ``catalog_dirs`` (shipped, then the user's)."""
        from graph import paths

        ontology = Graph().parse(paths.ontology_file(), format="turtle")
        catalog = Graph()
        for path in catalog_files(catalog_dirs):
            catalog.parse(path, format="turtle")
        vocab = cls()
        for s, label in ontology.subject_objects(RDFS.label):
            vocab.terms[s] = str(label)
        for p, domain in ontology.subject_objects(RDFS.domain):
            rng = ontology.value(p, RDFS.range)
            literal = rng is not None and (str(rng).startswith(str(XSD)) or rng == RDF.langString)
            if str(p).startswith(SPACE) and domain not in _NOT_FACTS and not literal \
                    and domain != URIRef("http://www.w3.org/ns/prov#Activity"):
                vocab.relations[p] = vocab.terms.get(p, shorten(str(p)))
                if rng == TEMPORAL:
                    vocab.dates.add(p)
        for s in set(catalog.subjects(RDF.type, None)):
            if isinstance(s, URIRef) and str(s).startswith(KG):
                label = str(catalog.value(s, RDFS.label) or str(s)[len(KG):])
                acronym = catalog.value(s, S.acronym)
                vocab.labels[s] = label
                vocab.names[s] = str(acronym) if acronym else label
        return vocab

    def name(self, term) -> str:
        if isinstance(term, Lit):
            return when(term) if term.datatype in (str(XSD.date), str(XSD.gYearMonth), str(XSD.gYear)) else term.value
        return self.names.get(URIRef(term)) or self.terms.get(URIRef(term)) or shorten(str(term))


def words(claim, vocab: Vocabulary, new: dict[URIRef, str]) -> str:
    """A statement in words: ``CNSA signed agreement ILRS memorandum · March 2021 · stated``."""
    def name(term) -> str:
        return (new.get(URIRef(term)) if isinstance(term, str) else None) or vocab.name(term)

    predicate = vocab.terms.get(URIRef(claim.predicate), shorten(claim.predicate))
    if claim.predicate == str(RDF.type):
        predicate = "is a"
    parts = [f"{name(claim.subject)} {predicate} {name(claim.object)}"]
    lead = {S.pointInTime: "", S.startTime: "from ", S.endTime: "until "}
    parts += [lead[URIRef(p)] + when(v) for p, v in claim.times.items()]
    certainty = claim.certainty.iri if claim.certainty is not None else ""
    parts.append(vocab.terms.get(URIRef(certainty), shorten(certainty)).lower())
    return " · ".join(parts)


class Workspace:
    """The proposals of the user's data folder under review, and the edits made to them.

    ``data_dir`` and ``user_dir`` are those of ``spacekg ingest`` (``--data``, ``--user-data``;
    :func:`graph.userdata.folders`).
    """

    def __init__(self, *, data_dir: Path | None = None, user_dir: Path | None = None,
                 text_dirs: Iterable[Path] = (), build_dir: Path | None = None) -> None:
        from graph import userdata

        self.data_dir = Path(data_dir) if data_dir is not None else None
        self.data = userdata.folders(self.data_dir, user_dir)
        self.folder = self.data.user_sources
        self.text_dirs = tuple(Path(t) for t in text_dirs)
        self.build_dir = build_dir
        self.lock = threading.Lock()
        self._vocab: tuple[tuple, Vocabulary] | None = None
        self._texts = None

    @property
    def vocab(self) -> Vocabulary:
        """The names of the catalogs as they are now (read again when a catalog file changed)."""
        files = catalog_files(self.data.catalog_dirs)
        stamp = tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files)
        if self._vocab is None or self._vocab[0] != stamp:
            self._vocab = (stamp, Vocabulary.load(self.data.catalog_dirs))
        return self._vocab[1]

    @property
    def texts(self):
        """The text folders' files by SHA-256 (:class:`graph.sources.TextIndex`), hashed once."""
        from graph.sources import TextIndex

        if self._texts is None:
            self._texts = TextIndex(self.text_dirs)
        return self._texts

    def path(self, source_id: str) -> Path:
        from graph.ingest import PROPOSED_SUFFIX

        if not source_id or "/" in source_id or source_id.startswith("."):
            raise InputSyntaxError(f"not a proposal id: {source_id!r}")
        path = self.folder / f"{source_id}{PROPOSED_SUFFIX}"
        if not path.is_file():
            raise OutputError("there is no such proposal (accepted or deleted meanwhile?)", path=path)
        return path

    def catalog_path(self, source_id: str) -> Path:
        """Where accepting the source puts its new entities (:func:`graph.ingest.accept`)."""
        return self.data.user_catalog / f"{source_id}.ttl"

    def pending(self) -> list[dict]:
        """One summary per proposal waiting in the folder, by id."""
        from graph.ingest import PROPOSED_SUFFIX

        found = []
        for path in sorted(self.folder.glob(f"*{PROPOSED_SUFFIX}")):
            source_id = path.name[: -len(PROPOSED_SUFFIX)]
            try:
                parsed = doc.parse(source_id, path.read_text(encoding="utf-8"), path=str(path))
            except (SpaceKGError, OSError, UnicodeDecodeError) as exc:
                found.append({"id": source_id, "title": source_id, "error": str(exc)})
                continue
            kinds = [b.kind for b in parsed.blocks]
            found.append({"id": source_id, "title": _title(parsed), "statements": kinds.count("statement"),
                          "entities": kinds.count("entity")})
        return found

    def read(self, source_id: str) -> doc.Proposal:
        path = self.path(source_id)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise OutputError(f"cannot read the proposal: {exc}", path=path) from exc
        return doc.parse(source_id, text, path=str(path))

    def state(self, source_id: str) -> dict:
        """Everything the page shows of one proposal (see :func:`graph.review.view.describe`)."""
        from graph.review.view import describe

        return describe(self, self.read(source_id))

    def edit(self, source_id: str, version: str, action: str, params: dict) -> dict:
        """Apply one reviewer's action to the proposal read at ``version``; return the new state
        (for ``accept-source``, what was accepted)."""
        from graph import userdata
        from graph.store import write_atomically

        if action not in ACTIONS:
            raise InputSyntaxError(f"unknown action {action!r}: one of {', '.join(ACTIONS)}")
        with self.lock:
            if action == "accept-source":
                self._check_version(source_id, version)
                return self._accept_source(source_id, params)
            with userdata.locked(self.data.user):
                proposal = self._check_version(source_id, version)
                text = doc.apply(proposal, self._change(proposal, action, params))
                doc.parse(source_id, text)  # never write a proposal the page could not read back
                write_atomically(self.path(source_id), text.encode("utf-8"))
        return self.state(source_id)

    def _check_version(self, source_id: str, version: str) -> doc.Proposal:
        proposal = self.read(source_id)
        if proposal.version != version:
            raise ConflictError("the proposal changed on disk since this page read it (edited by hand, or "
                                "in another tab): reload the page; nothing was written", path=self.path(source_id))
        return proposal

    def _change(self, proposal: doc.Proposal, action: str, params: dict) -> doc.Change:
        line = _int(params.get("line"))
        if action == "reject-statement":
            return doc.Change(remove={proposal.block(line, "statement").start})
        if action == "edit-statement":
            block = proposal.block(line, "statement")
            return doc.Change(replace={block.start: self._edited(proposal, block.claim, params)})
        block = proposal.block(line, "entity")
        if action == "relink-entity":
            target = self._entity(str(params.get("target", "")), proposal, allow_new=False)
            return doc.Change(remove={block.start}, relink={block.entity.iri: target})
        return doc.Change(remove={block.start, *(b.start for b in proposal.users(block.entity.iri))})

    def _entity(self, text: str, proposal: doc.Proposal, *, allow_new: bool = True) -> URIRef:
        iri = doc.kg_iri(text)
        if iri is not None and (iri in self.vocab.names or (allow_new and iri in proposal.new_entities)):
            return iri
        raise UnknownEntityError(f"{text!r} is not an entity of the catalog"
                                 f"{' or a new entity of this proposal' if allow_new else ''}")

    def _edited(self, proposal: doc.Proposal, claim, params: dict):
        relation = URIRef(SPACE + str(params.get("relation", "")).lstrip(":"))
        if relation not in self.vocab.relations and str(relation) != claim.predicate:
            raise UnknownEntityError(f"{params.get('relation')!r} is not a relation of the ontology")
        subject = self._entity(str(params.get("subject", "")), proposal)
        if relation in self.vocab.dates:
            value = str(params.get("object", "")).strip()
            typed_date(value)  # a day, month or year of the calendar, or an input error
            obj = TimeValue.parse(value).literal()
        elif isinstance(claim.object, Lit) and str(relation) == claim.predicate:
            obj = claim.object
        else:
            obj = str(self._entity(str(params.get("object", "")), proposal))
        certainty = str(params.get("certainty", ""))
        if certainty not in CERTAINTIES:
            raise UnknownEntityError(f"{certainty!r} is not a certainty: one of {', '.join(CERTAINTIES)}")
        event_type = claim.event_type if str(relation) == claim.predicate else None
        times = self._times(claim, params)
        return replace(claim, subject=str(subject), predicate=str(relation), object=obj,
                       certainty=Certainty(SPACE + certainty), event_type=event_type,
                       time_expression=claim.time_expression if times else None,
                       **{TIME_PROPERTIES[URIRef(p)]: times.get(p) for p in map(str, TIME_PROPERTIES)})

    @staticmethod
    def _times(claim, params: dict) -> dict[str, TimeValue]:
        """The claim's times with the one the form showed (``time_was``) replaced by the form's."""
        times = dict(claim.times)
        times.pop(SPACE + str(params.get("time_was") or ""), None)
        time_value = str(params.get("time") or "").strip()
        if time_value:
            prop = URIRef(SPACE + str(params.get("time_kind") or "pointInTime"))
            if prop not in TIME_PROPERTIES:
                raise InputSyntaxError(f"{params.get('time_kind')!r} is not pointInTime, startTime or endTime")
            typed_date(time_value)  # a day, month or year of the calendar, or an input error
            times[str(prop)] = TimeValue.parse(time_value)
        return times

    def _accept_source(self, source_id: str, params: dict) -> dict:
        """``spacekg ingest --accept``: the source and its new entities into the user's data, all or nothing."""
        from graph.ingest import accept

        date = str(params.get("date") or "").strip() or None
        written = accept(source_id, data_dir=self.data_dir, user_dir=self.data.user, text_dirs=self.text_dirs,
                         build_dir=self.build_dir, date=date)
        return {"accepted": source_id, "paths": [str(p) for p in written],
                "build_dir": str(self.build_dir) if self.build_dir is not None else None}


def _title(parsed: doc.Proposal) -> str:
    from rdflib.namespace import DCTERMS

    title = next(parsed.metadata.objects(None, DCTERMS.title), None)
    return str(title) if title is not None else parsed.source_id


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InputSyntaxError(f"line must be a number, not {value!r}") from None
