"""A proposal file (``<id>.proposed.ttl``) as the review page sees it, and its edits as text edits.

A proposal written by ``spacekg ingest`` (:func:`graph.ingest.render_proposal`) holds the source's
metadata, the new entities the extractor proposes (between the
:data:`~graph.proposals.ENTITIES_BEGIN` and :data:`~graph.proposals.ENTITIES_END` lines, each
followed by a ``# introduced by:`` comment) and one curated paragraph per statement, those that use
a new entity included. :func:`parse` finds each of these *blocks* by its lines; every edit
(:func:`apply`) replaces or removes whole blocks and leaves every other line of the file exactly as
it was, so a person's own comments and edits survive. A rewritten statement is written by
:func:`graph.statements.format_claim`, as ``ingest`` writes it, so that reviewing on the page and
reviewing by hand give the same file.

The edits are those the proposal's header tells a person to make by hand:

- reject a statement: delete its paragraph;
- edit a statement: rewrite its paragraph;
- keep a new entity: leave it in the block (``spacekg ingest --accept`` puts it into the user's
  catalog with the source);
- re-link a new entity to a catalog entity: put the catalog entity in its statements instead and
  delete its entry;
- reject a new entity: delete its entry and the statements that use it.

When the last new entity goes, the block's two marker lines go too: the file is then the one
``ingest`` writes for an article without new entities.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, Graph, URIRef

from graph.errors import InputSyntaxError
from graph.proposals import ENTITIES_BEGIN, ENTITIES_END
from graph.statements import Claim, curated_prologue, format_claim, read_claims

_ENTITY_HEAD = re.compile(r"kg:[A-Za-z0-9_][A-Za-z0-9_.-]* a :\w+")
_STATEMENT_HEAD = "[] rdf:subject"
INTRODUCED = "# introduced by:"


@dataclass
class NewEntity:
    """An entity the extractor proposes: its IRI, class, label, and the sentence that introduced it."""

    iri: URIRef
    cls: URIRef
    label: str
    introduced_by: str = ""


@dataclass
class Block:
    """A statement or a new entity of the proposal: where it is (0-based lines, end excluded)."""

    kind: str  # "statement" or "entity"
    start: int
    end: int
    claim: Claim | None = None
    entity: NewEntity | None = None

    @property
    def line(self) -> int:
        """The 1-based line the block starts on: its id on the page."""
        return self.start + 1


@dataclass
class Proposal:
    """A parsed proposal: its text as lines, its blocks, and the version (SHA-256) it was read at.

    ``entity_lines`` is the (0-based) pair of the new entities' marker lines, or ``None`` when the
    proposal has no such block.
    """

    source_id: str
    lines: list[str]
    blocks: list[Block]
    version: str
    metadata: Graph
    entity_lines: tuple[int, int] | None = None

    @property
    def new_entities(self) -> dict[URIRef, NewEntity]:
        return {b.entity.iri: b.entity for b in self.blocks if b.kind == "entity"}

    def block(self, line: int, kind: str) -> Block:
        """The block of ``kind`` starting on 1-based ``line``; a clear error if there is none."""
        for b in self.blocks:
            if b.line == line and b.kind == kind:
                return b
        raise InputSyntaxError(f"line {line} of the proposal starts no {kind} "
                               "(was the file changed? reload the page)")

    def users(self, iri: URIRef) -> list[Block]:
        """The statements that use ``iri`` as their subject or object."""
        return [b for b in self.blocks if b.claim is not None and str(iri) in (b.claim.subject, b.claim.object)]


def version_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _parse_turtle(body: str, where: str) -> Graph:
    try:
        return Graph().parse(data=curated_prologue() + body, format="turtle")
    except Exception as exc:  # rdflib raises several kinds for bad Turtle
        raise InputSyntaxError(f"cannot read the {where}: {exc}") from exc


def _entity_lines(lines: list[str], path: str | None) -> tuple[int, int] | None:
    """The new entities' marker lines (as :func:`graph.proposals.split_proposal` finds them)."""
    begin = next((i for i, line in enumerate(lines) if line.startswith(ENTITIES_BEGIN)), None)
    end = next((i for i, line in enumerate(lines) if line.startswith(ENTITIES_END)), None)
    if begin is None and end is None:
        return None
    if begin is None or end is None or end < begin:
        missing = ENTITIES_BEGIN if begin is None or (end is not None and end < begin) else ENTITIES_END
        raise InputSyntaxError(f"the new entities' block lacks its `{missing}` line", path=path,
                               line=(begin if begin is not None else end) + 1)
    return begin, end


def parse(source_id: str, text: str, *, path: str | None = None) -> Proposal:
    """The blocks of a proposal's text.

    Raises
    ------
    InputSyntaxError
        If the file is not Turtle, its new entities' block lacks a marker line, or a statement
        block does not hold exactly one statement (the error names the file and line).
    """
    lines = text.split("\n")
    marks = _entity_lines(lines, path)
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        inside = marks is not None and marks[0] < i < marks[1]
        if lines[i].startswith(_STATEMENT_HEAD) or (inside and _ENTITY_HEAD.match(lines[i])):
            end = _block_end(lines, i)
            if inside and end < len(lines) and lines[end].startswith(INTRODUCED):
                end += 1
            blocks.append(_block(lines, i, end, path))
            i = end
        else:
            i += 1
    body = "\n".join(line for line in lines if not line.startswith("#"))
    metadata = _parse_turtle(body, "proposal")
    return Proposal(source_id, lines, blocks, version_of(text), metadata, marks)


def _block_end(lines: list[str], start: int) -> int:
    """The line after the block starting at ``start``: after its closing ``.``, or where it breaks off."""
    end = start
    while end < len(lines):
        line = lines[end]
        if end > start and (line.startswith("#") or not line.strip()):
            return end
        end += 1
        if line.rstrip().endswith("."):
            return end
    return end


def _block(lines: list[str], start: int, end: int, path: str | None) -> Block:
    raw = lines[start:end]
    if raw[0].startswith(_STATEMENT_HEAD):
        g = _parse_turtle("\n".join(raw), f"statement on line {start + 1}")
        claims = read_claims(g, path=path)
        if len(claims) != 1:
            raise InputSyntaxError(f"the statement block holds {len(claims)} statements; separate them by a "
                                   "blank line", path=path, line=start + 1)
        return Block("statement", start, end, claim=claims[0])
    introduced = raw.pop()[len(INTRODUCED):].strip() if raw[-1].startswith(INTRODUCED) else ""
    g = _parse_turtle("\n".join(raw), f"new entity on line {start + 1}")
    iri = next(s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef))
    entity = NewEntity(iri, g.value(iri, RDF.type), str(g.value(iri, RDFS.label) or iri.rsplit("/", 1)[1]),
                       introduced)
    return Block("entity", start, end, entity=entity)


@dataclass
class Change:
    """What an edit does to the blocks: blocks removed, statements replaced, entities re-linked."""

    remove: set[int] = field(default_factory=set)  # block starts
    replace: dict[int, Claim] = field(default_factory=dict)  # block start -> new claim
    relink: dict[URIRef, URIRef] = field(default_factory=dict)  # new entity -> catalog entity


def apply(proposal: Proposal, change: Change) -> str:
    """The proposal's new text after ``change``; every line outside the changed blocks is kept."""
    edits: list[tuple[int, int, list[str]]] = []  # (start, end, replacement)
    for b in proposal.blocks:
        if b.start in change.remove:
            edits.append((b.start, b.end, []))
        elif b.claim is not None:
            claim = _relinked(change.replace.get(b.start, b.claim), change.relink)
            if claim is not b.claim:
                edits.append((b.start, b.end, format_claim(claim).split("\n")))
    lines = list(proposal.lines)
    for start, end, replacement in sorted(edits, reverse=True):
        if not replacement and end < len(lines) and lines[end] == "" and (start == 0 or lines[start - 1] == ""):
            end += 1  # the blank line after the block, when one also comes before it
        lines[start:end] = replacement
    return "\n".join(_without_empty_block(lines))


def _without_empty_block(lines: list[str]) -> list[str]:
    """The lines without the new entities' marker lines once only blank lines are left between them."""
    begin = next((i for i, line in enumerate(lines) if line.startswith(ENTITIES_BEGIN)), None)
    end = next((i for i, line in enumerate(lines) if line.startswith(ENTITIES_END)), None)
    if begin is None or end is None or end < begin or any(line.strip() for line in lines[begin + 1:end]):
        return lines
    if end + 1 < len(lines) and lines[end + 1] == "" and (begin == 0 or lines[begin - 1] == ""):
        end += 1
    return [*lines[:begin], *lines[end + 1:]]


def _relinked(claim: Claim, relink: dict[URIRef, URIRef]) -> Claim:
    links = {str(new): str(known) for new, known in relink.items()}
    if not links or not ({claim.subject, claim.object} & set(links)):
        return claim
    from dataclasses import replace

    return replace(claim, subject=links.get(claim.subject, claim.subject),
                   object=links.get(claim.object, claim.object) if isinstance(claim.object, str) else claim.object)


def kg_iri(text: str) -> URIRef | None:
    """``kg:<local>`` as an IRI, or ``None`` if ``text`` is not one."""
    from graph.namespaces import KG

    match = re.fullmatch(r"kg:([A-Za-z0-9_][A-Za-z0-9_.-]*)", text.strip())
    return URIRef(KG + match.group(1)) if match else None

