"""A proposal file (``<id>.proposed.ttl``) as the review page sees it, and its edits as text edits.

A proposal written by ``spacekg ingest`` (:func:`graph.ingest.render_proposal`) holds the source's
metadata, one curated paragraph per statement whose entities are all in the catalog, and, as
comments at the end, the new entities the extractor proposes and the statements that use them.
:func:`parse` finds each of these *blocks* by its lines; every edit (:func:`apply`) replaces,
removes or adds whole blocks and leaves every other line of the file exactly as it was, so a
person's own comments and edits survive. A new paragraph is written by
:func:`graph.statements.format_claim`, as ``ingest`` writes it, so that reviewing on the page and
reviewing by hand give the same curated Turtle.

The edits are those a person would make by hand:

- reject a statement: delete its paragraph;
- edit a statement: rewrite its paragraph;
- accept a new entity: add it to the catalog (:func:`entity_turtle`), delete its commented block
  and uncomment the statements whose entities are now all known;
- re-link a new entity to a catalog entity: put the catalog entity in its statements instead, then
  as above;
- reject a new entity: delete it and the statements that use it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from graph.errors import InputSyntaxError
from graph.namespaces import KG
from graph.statements import Claim, curated_prologue, format_claim, read_claims, turtle_term

WAITING_MARKER = "# -- New entities"
_ENTITY_HEAD = re.compile(r"kg:[A-Za-z0-9_][A-Za-z0-9_.-]* a :\w+")
_INTRODUCED = "    introduced by:"


@dataclass
class Block:
    """A statement or a new entity of the proposal: where it is (0-based lines, end excluded)."""

    kind: str  # "statement" (curated, active), "waiting" (commented statement) or "entity" (commented)
    start: int
    end: int
    claim: Claim | None = None
    entity: NewEntity | None = None

    @property
    def line(self) -> int:
        """The 1-based line the block starts on: its id on the page."""
        return self.start + 1


@dataclass
class NewEntity:
    """An entity the extractor proposes: its IRI, class, label, and the sentence that introduced it."""

    iri: URIRef
    cls: URIRef
    label: str
    triples: list[tuple[URIRef, URIRef | Literal]] = field(default_factory=list)
    introduced_by: str = ""


@dataclass
class Proposal:
    """A parsed proposal: its text as lines, its blocks, and the version (SHA-256) it was read at."""

    source_id: str
    lines: list[str]
    blocks: list[Block]
    version: str
    metadata: Graph

    @property
    def new_entities(self) -> set[URIRef]:
        return {b.entity.iri for b in self.blocks if b.kind == "entity"}

    def block(self, line: int, kind: str | tuple[str, ...]) -> Block:
        """The block starting on 1-based ``line`` of one of the ``kind`` s; a clear error if none."""
        kinds = (kind,) if isinstance(kind, str) else kind
        for b in self.blocks:
            if b.line == line and b.kind in kinds:
                return b
        raise InputSyntaxError(f"line {line} of the proposal starts no {' or '.join(kinds)} "
                               "(was the file changed? reload the page)")


def version_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _parse_turtle(body: str, where: str) -> Graph:
    try:
        return Graph().parse(data=curated_prologue() + body, format="turtle")
    except Exception as exc:  # rdflib raises several kinds for bad Turtle
        raise InputSyntaxError(f"cannot read the {where}: {exc}") from exc


def _uncomment(line: str) -> str:
    return line[2:] if line.startswith("# ") else line[1:]


def parse(source_id: str, text: str, *, path: str | None = None) -> Proposal:
    """The blocks of a proposal's text.

    Raises
    ------
    InputSyntaxError
        If the active part is not Turtle, or a statement block does not hold exactly one statement
        (the error names the file and line).
    """
    lines = text.split("\n")
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        commented = line.startswith("#")
        content = _uncomment(line) if commented else line
        if content.startswith("[] rdf:subject") or (commented and _ENTITY_HEAD.match(content)):
            end = _block_end(lines, i, commented)
            if commented and end < len(lines) and _uncomment(lines[end]).startswith(_INTRODUCED):
                end += 1
            blocks.append(_block(lines, i, end, commented, path))
            i = end
        else:
            i += 1
    body = "\n".join(line for line in lines if not line.startswith("#"))
    metadata = _parse_turtle(body, "proposal")
    return Proposal(source_id, lines, blocks, version_of(text), metadata)


def _block_end(lines: list[str], start: int, commented: bool) -> int:
    """The line after the block starting at ``start``: after its closing ``.``, or where it breaks off."""
    end = start
    while end < len(lines):
        line = lines[end]
        if end > start and (line.startswith("#") != commented or line.strip() in ("", "#")):
            return end
        end += 1
        if (_uncomment(line) if commented else line).rstrip().endswith("."):
            return end
    return end


def _block(lines: list[str], start: int, end: int, commented: bool, path: str | None) -> Block:
    raw = [_uncomment(line) if commented else line for line in lines[start:end]]
    if raw[0].startswith("[]"):
        g = _parse_turtle("\n".join(raw), f"statement on line {start + 1}")
        claims = read_claims(g, path=path)
        if len(claims) != 1:
            raise InputSyntaxError(f"the statement block holds {len(claims)} statements; separate them by a "
                                   "blank line", path=path, line=start + 1)
        return Block("waiting" if commented else "statement", start, end, claim=claims[0])
    introduced = ""
    if raw[-1].startswith(_INTRODUCED):
        introduced = raw.pop()[len(_INTRODUCED):].strip()
    g = _parse_turtle("\n".join(raw), f"new entity on line {start + 1}")
    iri = next(s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef))
    entity = NewEntity(iri, g.value(iri, RDF.type), str(g.value(iri, RDFS.label) or iri.rsplit("/", 1)[1]),
                       sorted((p, o) for p, o in g.predicate_objects(iri) if p != RDF.type), introduced)
    return Block("entity", start, end, entity=entity)


def entity_turtle(entity: NewEntity, source_id: str) -> str:
    """A new entity as a catalog entry, its source being the article that introduced it."""
    lines = [f"{turtle_term(entity.iri)} a {turtle_term(entity.cls)} ;"]
    lines += [f"    {turtle_term(p)} {turtle_term(o)} ;" for p, o in entity.triples]
    lines.append(f"    dcterms:source src:{source_id} .")
    return "\n".join(lines)


def _commented(paragraph: str) -> list[str]:
    return [f"# {line}" for line in paragraph.split("\n")] + ["#"]


def _is_ready(claim: Claim, waiting: set[URIRef], known: frozenset[URIRef] | None = None) -> bool:
    """Whether every entity of ``claim`` is known: none is waiting, and (if given) each is in ``known``."""
    terms = {URIRef(t) for t in (claim.subject, claim.object) if isinstance(t, str) and t.startswith(KG)}
    return not (terms & waiting) and (known is None or terms <= known)


@dataclass
class Change:
    """What an edit does to the blocks: blocks removed, statements replaced, claims to (re)place."""

    remove: set[int] = field(default_factory=set)  # block starts
    replace: dict[int, Claim] = field(default_factory=dict)  # block start -> new claim
    entities_gone: set[URIRef] = field(default_factory=set)  # new entities no longer waiting
    relink: dict[URIRef, URIRef] = field(default_factory=dict)  # new entity -> catalog entity
    known: frozenset[URIRef] | None = None  # the catalog's entities after the change, if known


def apply(proposal: Proposal, change: Change) -> str:
    """The proposal's new text after ``change``; every line outside the changed blocks is kept.

    A statement whose entities are all known after the change is a curated paragraph (placed
    before the new-entity comments); one that still uses a new entity stays commented among them.
    """
    waiting = proposal.new_entities - change.entities_gone

    def ready(claim: Claim) -> bool:
        return _is_ready(claim, waiting, change.known)

    edits: list[tuple[int, int, list[str]]] = []  # (start, end, replacement), in file order
    to_active: list[str] = []
    to_waiting: list[str] = []
    for b in proposal.blocks:
        if b.start in change.remove or (b.kind == "entity" and b.entity.iri in change.entities_gone):
            edits.append((b.start, b.end, []))
            continue
        if b.kind == "entity":
            continue
        claim = change.replace.get(b.start, b.claim)
        claim = _relinked(claim, change.relink)
        if claim is b.claim:
            if b.kind == "waiting" and ready(claim):
                edits.append((b.start, b.end, []))
                to_active.append(format_claim(claim))
            continue
        paragraph = format_claim(claim)
        if (b.kind == "statement") == ready(claim):
            kept = paragraph.split("\n") if b.kind == "statement" else _commented(paragraph)[:-1]
            edits.append((b.start, b.end, kept))
        else:
            edits.append((b.start, b.end, []))
            (to_active if ready(claim) else to_waiting).append(paragraph)
    lines = list(proposal.lines)
    for start, end, replacement in sorted(edits, reverse=True):
        separator = "#" if lines[start].startswith("#") else ""
        if not replacement and end < len(lines) and lines[end] == separator and \
                (start == 0 or lines[start - 1] == separator):
            end += 1  # the separating line after the block, when one also comes before it
        lines[start:end] = replacement
    marker = next((i for i, line in enumerate(lines) if line.startswith(WAITING_MARKER)), None)
    tail = len(lines) - 1 if lines and lines[-1] == "" else len(lines)
    for paragraph in reversed(to_waiting):
        lines[tail:tail] = _commented(paragraph)
    insert_at = marker if marker is not None else len(lines)
    for paragraph in reversed(to_active):
        lines[insert_at:insert_at] = [*paragraph.split("\n"), ""]
    return "\n".join(_tidy(lines))


def _relinked(claim: Claim, relink: dict[URIRef, URIRef]) -> Claim:
    links = {str(new): str(known) for new, known in relink.items()}
    if not links or not ({claim.subject, claim.object} & set(links)):
        return claim
    from dataclasses import replace

    return replace(claim, subject=links.get(claim.subject, claim.subject),
                   object=links.get(claim.object, claim.object) if isinstance(claim.object, str) else claim.object)


def _tidy(lines: list[str]) -> list[str]:
    """Drop the new-entity comments' heading once nothing is left under it."""
    marker = next((i for i, line in enumerate(lines) if line.startswith(WAITING_MARKER)), None)
    if marker is None:
        return lines
    rest = lines[marker:]
    if any(_ENTITY_HEAD.match(_uncomment(x)) or _uncomment(x).startswith("[] rdf:subject")
           for x in rest if x.startswith("#")):
        return lines
    if all(x.startswith("#") or not x.strip() for x in rest) and len([x for x in rest if x.strip("# ")]) <= 2:
        head = lines[:marker]
        while head and not head[-1].strip():
            head.pop()
        return [*head, ""]
    return lines


def new_entity_iri(text: str) -> URIRef | None:
    """``kg:<local>`` as an IRI, or ``None`` if ``text`` is not one."""
    match = re.fullmatch(r"kg:([A-Za-z0-9_][A-Za-z0-9_.-]*)", text.strip())
    return URIRef(KG + match.group(1)) if match else None


