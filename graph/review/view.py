"""What the review page shows of a proposal, as JSON: the article, its statements, its new entities."""

from __future__ import annotations

from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import DCTERMS, SDO

from graph.namespaces import SRC, shorten
from graph.review.workspace import CERTAINTIES, Workspace, words
from graph.statements import S
from graph.terms import Lit


def _meta(g, prop):
    """The one value of ``prop`` in the source's metadata, or ``None``."""
    return next(g.objects(None, prop), None)


def _article(workspace: Workspace, proposal) -> tuple[str | None, str]:
    """The article's text (found by its SHA-256 in the text folders), or ``None`` and why."""
    from graph.errors import SpaceKGError
    from graph.sources import Source, read_text

    sha = _meta(proposal.metadata, S.sha256)
    source = Source(iri=SRC + proposal.source_id, path=workspace.folder / f"{proposal.source_id}.ttl",
                    sha256=str(sha) if sha is not None else None)
    try:
        found = workspace.texts.find(source)
        if found is not None:
            return read_text(found), f"the text of {found.name}"
    except SpaceKGError as exc:
        return None, str(exc)
    folders = ", ".join(str(t) for t in workspace.text_dirs) or "none given"
    return None, (f"the article's text is not in the text folders ({folders}): start the review with "
                  "--texts FOLDER holding it to see the evidence in place")


def _term(term) -> dict:
    if isinstance(term, Lit):
        return {"value": term.value, "literal": True}
    return {"value": shorten(term)}


def _statement(block, text: str | None, workspace: Workspace, new: dict[URIRef, str]) -> dict:
    claim = block.claim
    time_kind, time_value = next(iter(claim.times.items()), (None, None))
    evidence = claim.evidence
    return {
        "line": block.line,
        "waiting": block.kind == "waiting",
        "words": words(claim, workspace.vocab, new),
        "subject": _term(claim.subject),
        "relation": shorten(claim.predicate),
        "object": _term(claim.object),
        "object_is_date": URIRef(claim.predicate) in workspace.vocab.dates,
        "certainty": claim.certainty.iri.rsplit("#", 1)[-1] if claim.certainty is not None else "",
        "time_kind": time_kind.rsplit("#", 1)[-1] if time_kind is not None else "pointInTime",
        "time": time_value.lexical if time_value is not None else "",
        "evidence": evidence.text,
        "start": evidence.start,
        "end": evidence.end,
        "found": text is not None and text[evidence.start:evidence.end] == evidence.text,
        "new_entities": [shorten(t) for t in (claim.subject, claim.object) if isinstance(t, str) and URIRef(t) in new],
    }


def _entity(block, proposal, vocab) -> dict:
    entity = block.entity
    users = [b.line for b in proposal.blocks
             if b.claim is not None and str(entity.iri) in (b.claim.subject, b.claim.object)]
    return {"line": block.line, "iri": shorten(str(entity.iri)), "label": entity.label,
            "class": vocab.terms.get(entity.cls, shorten(str(entity.cls))), "introduced_by": entity.introduced_by,
            "statements": users}


def describe(workspace: Workspace, proposal) -> dict:
    """The page's view of ``proposal``: metadata, text, statements in words, new entities, choices."""
    text, note = _article(workspace, proposal)
    meta = proposal.metadata
    new = {b.entity.iri: b.entity.label for b in proposal.blocks if b.kind == "entity"}
    vocab = workspace.vocab
    publisher = _meta(meta, DCTERMS.publisher)
    url = _meta(meta, SDO.url)
    entities = sorted(({"id": shorten(str(iri)), "label": label} for iri, label in vocab.labels.items()),
                      key=lambda e: e["label"].lower())
    entities += [{"id": shorten(str(iri)), "label": f"{label} (new)"} for iri, label in new.items()]
    return {
        "id": proposal.source_id,
        "version": proposal.version,
        "file": str(Path(workspace.folder) / f"{proposal.source_id}.proposed.ttl"),
        "title": str(_meta(meta, DCTERMS.title) or proposal.source_id),
        "issued": str(_meta(meta, DCTERMS.issued) or ""),
        "publisher": vocab.labels.get(publisher, shorten(str(publisher))) if publisher is not None else "",
        "url": str(url) if url is not None else None,
        "text": text,
        "text_note": note,
        "statements": [_statement(b, text, workspace, new) for b in proposal.blocks if b.claim is not None],
        "entities": [_entity(b, proposal, vocab) for b in proposal.blocks if b.kind == "entity"],
        "choices": {
            "entities": entities,
            "relations": sorted(({"id": shorten(str(p)), "label": label} for p, label in vocab.relations.items()),
                                key=lambda r: r["label"]),
            "certainties": [{"id": c, "label": c.lower()} for c in CERTAINTIES],
        },
    }
