"""The review's data: where proposals live, what the page shows of one, and the edits it asks for.

Every edit reads the proposal, checks that it is the version the page showed (a person may have
edited the file by hand meanwhile: then nothing is written and the page says to reload), applies
the change as text (:mod:`graph.review.proposal`) and writes the file atomically. Edits are
serialised by one lock, so two tabs cannot interleave their writes.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import XSD

from graph.errors import InputSyntaxError, OutputError, SpaceKGError, UnknownEntityError
from graph.namespaces import KG, SPACE, shorten
from graph.qualifiers import Certainty, TimeValue
from graph.review import proposal as doc
from graph.statements import TIME_PROPERTIES, S, curated_prologue
from graph.terms import Lit

# The certainty levels as the page offers them (local names, surest first), from the ontology.
CERTAINTIES = tuple(level.iri.rsplit("#", 1)[-1] for level in Certainty.levels())
TEMPORAL = URIRef(SPACE + "TemporalValue")
# Domains of the ontology's properties that are not facts about entities (statements, scores...).
_NOT_FACTS = {URIRef(SPACE + c) for c in ("Statement", "Certainty", "CentralityScore", "EventType", "SourceArticle")}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
REVIEWED_CATALOG = "reviewed.ttl"
ACTIONS = ("reject-statement", "edit-statement", "accept-entity", "relink-entity", "reject-entity", "accept-source")


class ConflictError(SpaceKGError):
    """The proposal changed on disk since the page read it (exit code 9, like other I/O errors)."""

    exit_code = 9


def proposals_folder(data_dir: Path | None = None) -> Path:
    """Where the proposals of ``spacekg ingest`` live: the one place the review looks for them.

    With a curated data folder (``--data``), its ``sources/``; else the package's sources folder.
    """
    from graph import paths

    return Path(data_dir) / "sources" if data_dir else paths.SOURCES_DIR


def catalog_folder(data_dir: Path | None = None) -> Path:
    from graph import paths

    return Path(data_dir) / "catalog" if data_dir else paths.CATALOG_DIR


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


def typed_date(value: str) -> TimeValue:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as a time (an :class:`~graph.errors.InputSyntaxError` if none)."""
    from graph.text import parse_date

    parse_date(value)
    return TimeValue.parse(value)


@dataclass
class Vocabulary:
    """What the page names and offers: entity names, relation and certainty labels."""

    names: dict[URIRef, str] = field(default_factory=dict)  # entity -> acronym or label
    labels: dict[URIRef, str] = field(default_factory=dict)  # entity -> full label
    relations: dict[URIRef, str] = field(default_factory=dict)  # fact property -> label
    dates: set[URIRef] = field(default_factory=set)  # the fact properties whose object is a date
    terms: dict[URIRef, str] = field(default_factory=dict)  # any ontology term -> label

    @classmethod
    def load(cls, catalog_dir: Path) -> Vocabulary:
        from graph import paths

        ontology = Graph().parse(paths.ontology_file(), format="turtle")
        catalog = Graph()
        for path in sorted(Path(catalog_dir).glob("*.ttl")):
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
    """The proposals of one data folder under review, and the edits made to them."""

    def __init__(self, *, data_dir: Path | None = None, text_dirs: tuple[Path, ...] = (),
                 build_dir: Path | None = None) -> None:
        self.folder = proposals_folder(data_dir)
        self.catalog_dir = catalog_folder(data_dir)
        self.text_dirs = tuple(Path(t) for t in text_dirs)
        self.build_dir = build_dir
        self.lock = threading.Lock()
        self.vocab = Vocabulary.load(self.catalog_dir)
        self._texts = None

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

    def pending(self) -> list[dict]:
        """One summary per proposal waiting in the folder, by id."""
        from graph.ingest import PROPOSED_SUFFIX

        found = []
        for path in sorted(self.folder.glob(f"*{PROPOSED_SUFFIX}")):
            source_id = path.name[: -len(PROPOSED_SUFFIX)]
            try:
                parsed = doc.parse(source_id, path.read_text(encoding="utf-8"), path=str(path))
            except SpaceKGError as exc:
                found.append({"id": source_id, "title": source_id, "error": str(exc)})
                continue
            kinds = [b.kind for b in parsed.blocks]
            found.append({"id": source_id, "title": _title(parsed), "statements": kinds.count("statement"),
                          "waiting": kinds.count("waiting"), "entities": kinds.count("entity")})
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
        """Apply one reviewer's action to the proposal read at ``version``; return the new state."""
        with self.lock:
            proposal = self.read(source_id)
            if proposal.version != version:
                raise ConflictError("the proposal changed on disk since this page read it (edited by hand, or "
                                    "in another tab): reload the page; nothing was written",
                                    path=self.path(source_id))
            if action == "accept-source":
                return self._accept_source(source_id)
            change = self._change(proposal, action, params)
            change.known = frozenset(self.vocab.names)
            text = doc.apply(proposal, change)
            doc.parse(source_id, text)  # never write a proposal the page could not read back
            atomic_write(self.path(source_id), text)
        return self.state(source_id)

    def _change(self, proposal: doc.Proposal, action: str, params: dict) -> doc.Change:
        if action not in ACTIONS:
            raise InputSyntaxError(f"unknown action {action!r}: one of {', '.join(ACTIONS)}")
        line = _int(params.get("line"))
        if action == "reject-statement":
            return doc.Change(remove={proposal.block(line, ("statement", "waiting")).start})
        if action == "edit-statement":
            block = proposal.block(line, ("statement", "waiting"))
            return doc.Change(replace={block.start: self._edited(proposal, block.claim, params)})
        block = proposal.block(line, "entity")
        entity = block.entity
        if action == "accept-entity":
            self._add_to_catalog(entity, proposal.source_id)
            return doc.Change(entities_gone={entity.iri})
        if action == "relink-entity":
            target = self._entity(str(params.get("target", "")), proposal, allow_new=False)
            return doc.Change(entities_gone={entity.iri}, relink={entity.iri: target})
        users = {b.start for b in proposal.blocks
                 if b.claim is not None and str(entity.iri) in (b.claim.subject, b.claim.object)}
        return doc.Change(remove=users, entities_gone={entity.iri})

    def _entity(self, text: str, proposal: doc.Proposal, *, allow_new: bool = True) -> URIRef:
        iri = doc.new_entity_iri(text)
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
            obj = typed_date(str(params.get("object", "")).strip()).literal()
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
            times[str(prop)] = typed_date(time_value)
        return times

    def _add_to_catalog(self, entity: doc.NewEntity, source_id: str) -> None:
        """Append the entity to the catalog's ``reviewed.ttl`` (created with its prefixes if new)."""
        if entity.iri in self.vocab.names:
            return  # added already (an earlier write of the proposal failed): do not add it twice
        target = self.catalog_dir / REVIEWED_CATALOG
        existing = target.read_text(encoding="utf-8") if target.exists() else (
            "# Entities added to the catalog by `spacekg review`, each from the article that introduced it.\n\n"
            + curated_prologue())
        atomic_write(target, existing.rstrip("\n") + "\n\n" + doc.entity_turtle(entity, source_id) + "\n")
        self.vocab = Vocabulary.load(self.catalog_dir)

    def _accept_source(self, source_id: str) -> dict:
        from graph.ingest import accept

        target = accept(source_id, sources_dir=self.folder, text_dirs=self.text_dirs,
                        catalog_dir=self.catalog_dir, build_dir=self.build_dir)
        return {"accepted": source_id, "path": str(target),
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
