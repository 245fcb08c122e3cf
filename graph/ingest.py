"""Ingest an article: propose its statements in curated form for review, then accept them.

``propose`` reads an article (plain text with or without header lines, or a saved web page; see
:func:`graph.text.read_article`), extracts statements (:mod:`graph.extraction`) and writes
``<id>.proposed.ttl`` into the ``sources/`` folder of the user's data (:mod:`graph.userdata`):
the source's metadata (title, publisher, date if the article gives one, the SHA-256 of the file;
never the text itself), the new entities the statements use (between :data:`ENTITIES_BEGIN` and
:data:`ENTITIES_END`) and one curated paragraph per statement, in the form of
``graph/data/sources/*.ttl`` (:func:`graph.statements.format_claim`). A person reviews and edits
it (the header says how to re-link a mention to a catalog entity); ``accept`` then makes it
``sources/<id>.ttl`` and its new entities ``catalog/<id>.ttl`` of the user's data, only if the whole
graph still builds and validates with them, so the graph is never left half-changed.

Errors (exit codes of :mod:`graph.errors`)
------------------------------------------
- 3 (:class:`~graph.errors.InputSyntaxError`): the article is empty, binary, not UTF-8, too big, a
  web page without main text, or its date (header or ``--date``) is not a date;
- 4 (:class:`~graph.errors.UnknownEntityError`): the article names no entity of the catalog, or its
  publisher is not a catalog news outlet;
- 9 (:class:`~graph.errors.OutputError`): the proposal to accept does not exist or is already a
  source, or a file cannot be written; any build error of ``accept`` keeps its own code (5
  evidence, 6 SHACL, ...) and names the proposal's line.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from graph.errors import InputSyntaxError, OutputError, UnknownEntityError
from graph.extraction import Extracted, entity_turtle, extract
from graph.linking import Linker
from graph.proposals import ENTITIES_BEGIN, ENTITIES_END, NO_DATE, relocated, split_proposal, typed_date
from graph.text import Article, is_web_page, parse_date, read_article

PROPOSED_SUFFIX = ".proposed.ttl"


@dataclass
class Proposal:
    """What ``propose`` did, and where.

    ``status`` is ``proposed`` (a new proposal), ``unchanged`` (the same proposal was already
    there), ``updated`` (an unedited proposal was replaced), ``beside`` (the proposal there was
    edited by a person, so the new one went beside it) or ``known`` (the article is already a
    source or a proposal: nothing was written).
    """

    source_id: str
    path: Path
    statements: int
    status: str = "proposed"
    note: str = ""


def source_id_for(path: Path) -> str:
    """A source id from a file name: ``04_esa-ends-exomars-roscosmos.txt`` -> ``esa-ends-exomars-roscosmos``.

    >>> source_id_for(Path("04_esa-ends-exomars-roscosmos.txt"))
    'esa-ends-exomars-roscosmos'
    """
    stem = re.sub(r"^\d+[_-]", "", Path(path).stem)
    return re.sub(r"[^A-Za-z0-9-]+", "-", stem).strip("-").lower() or "source"


def to_claims(statements: list[Extracted]):
    """The extracted statements as :class:`graph.model.Statement` objects."""
    return [st.statement() for st in statements]




def _header(source_id: str, article: Article, url: str | None) -> list[str]:
    """The proposal's opening comment: what to review, and how (new entities, re-linking)."""
    where = f" ({url})" if url else ""
    counted = ("the main text trafilatura takes out of the page" if article.path and is_web_page(article.path)
               else "the whole file as stored")
    return [
        f"# Proposed by `spacekg ingest` from {article.path.name if article.path else 'an article'}{where}.",
        f"# Review every statement against the text (offsets count characters of {counted}),",
        "# delete or fix the wrong ones, then run `spacekg ingest --accept " + source_id + "`.",
        f"# New entities (between the `{ENTITIES_BEGIN}` and `{ENTITIES_END}` lines) go into your",
        f"# catalog (catalog/{source_id}.ttl of your data folder) when you accept. Delete a wrong one with",
        "# the statements that use it. To re-link a mention to an entity the catalog already has (the",
        "# extractor proposes kg:new-name for what is kg:nasa), delete the new entity's entry and replace",
        "# its IRI by the catalog's everywhere in this file, e.g. with",
        f"#     sed -i 's/kg:new-name\\b/kg:nasa/g' {source_id}{PROPOSED_SUFFIX}",
    ]


def render_proposal(source_id: str, article: Article, statements: list[Extracted], *, url: str | None,
                    title: str, issued: str | None, publisher: str, sha256: str,
                    known: dict | None = None) -> str:
    """The curated Turtle of a proposed source: its metadata, the new entities, the statements.

    ``issued`` is ``None`` when the article gives no date: the source then has no
    ``dcterms:issued`` (a comment line marks where ``--accept --date`` puts it). ``known`` is the
    catalog the statements' entities are looked up in (default: :meth:`Linker.default`).
    """
    from rdflib import Literal

    from graph.statements import curated_prologue, format_claim, turtle_term

    known = Linker.default().entities if known is None else known
    lines = [
        *_header(source_id, article, url), "", curated_prologue(), "",
        *([f"# TODO: the article gives no title; {title!r} is a placeholder to replace."]
          if title.endswith("(untitled)") else []),
        f"src:{source_id} a :SourceArticle ;",
        f"    dcterms:title {turtle_term(Literal(title))} ;",
        f"    dcterms:publisher {publisher} ;",
        f"    dcterms:issued {turtle_term(typed_date(issued))} ;" if issued else NO_DATE + " (accept with --date)",
    ]
    if url:
        lines.append(f"    schema:url <{url}> ;")
    lines.append(f'    :sha256 "{sha256}" .')
    lines.append("")
    new = {e.iri: e for e in getattr(statements, "entities", [])}
    lines += _entity_block(source_id, [e for iri, e in new.items() if iri not in known])
    named = known.keys() | new.keys()
    for claim in to_claims([st for st in statements if _known(st, named)]):
        lines.append(format_claim(claim))
        lines.append("")
    return "\n".join(lines)


def _known(st: Extracted, known) -> bool:
    return st.subject in known and (st.relation == "targetDate" or st.object in known)


def _entity_block(source_id: str, entities: list) -> list[str]:
    """The new entities the statements use, as catalog entries sourced to this article."""
    if not entities:
        return []
    lines = [f"{ENTITIES_BEGIN} (the extractor's; none has a Wikidata ID)", ""]
    for e in entities:
        entry = entity_turtle(e)
        lines += [entry[: -len(" .")] + f" ;\n    dcterms:source src:{source_id} .",
                  f"# introduced by: {' '.join(e.evidence.split())}", ""]
    return [*lines, ENTITIES_END, ""]


def _publisher_term(publisher: str | None, url: str | None, linker: Linker) -> str:
    """The catalog news outlet named by ``publisher`` (label, alias or id), else by the URL's host."""
    candidates = [publisher] if publisher else []
    if url:
        host = re.sub(r"^(www|en)\.", "", re.sub(r"^\w+://", "", url).split("/")[0])
        candidates += [host, host.split(".")[0]]
    for name in candidates:
        iri = linker.find(name)
        if iri and linker.entities[iri].is_a("NewsOutlet"):
            return "kg:" + iri.rsplit("/", 1)[1]
        for entity in linker.entities.values():
            if entity.is_a("NewsOutlet") and name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)",
                                                                               entity.sources, re.I):
                return "kg:" + entity.iri.rsplit("/", 1)[1]
    raise UnknownEntityError(
        f"the publisher {publisher or url or '(none given)'!r} is not a news outlet of the catalog: "
        "add it to a catalog file of your data folder (catalog/*.ttl) or pass --publisher with a catalog name")


def propose(path: Path, *, out_dir: Path | None = None, url: str | None = None, title: str | None = None,
            date: str | None = None, publisher: str | None = None, source_id: str | None = None,
            data_dir: Path | None = None, user_dir: Path | None = None) -> Proposal:
    """Write ``<id>.proposed.ttl`` for the article at ``path``; return what was written.

    The proposal goes to ``out_dir``, by default the ``sources/`` folder of the user's data
    (:mod:`graph.userdata`). Nothing is written if the article is bad (see the module docstring);
    the file appears whole or not at all (written to a temporary file, then renamed).
    """
    from graph import userdata
    from graph.sources import sha256_of

    data = userdata.folders(data_dir, user_dir)
    article = read_article(Path(path))
    linker = Linker.for_catalogs(tuple(data.catalog_dirs))
    meta = {**article.meta, **{k: v for k, v in
                               {"url": url, "title": title, "date": date, "publisher": publisher}.items() if v}}
    if meta.get("date"):
        try:
            parse_date(meta["date"])
        except InputSyntaxError as exc:
            raise InputSyntaxError(exc.message, path=path) from None
    if not any(linker.mentions(s.text) for s in article.sentences()):
        raise UnknownEntityError("the article names no entity of the catalog: nothing to propose", path=path)
    target_dir = Path(out_dir) if out_dir else data.user_sources
    sha256 = sha256_of(Path(path))
    known = find_source(sha256, meta.get("url"), [target_dir, *data.sources_dirs])
    source_id = _unused(source_id or source_id_for(Path(path)), data.sources_dirs)
    if known is not None:
        return Proposal(known.name.split(".")[0], known, 0, "known",
                        f"already {'proposed' if known.name.endswith(PROPOSED_SUFFIX) else 'a source'} as {known}")
    statements = extract(article, date=meta.get("date"), linker=linker)
    text = render_proposal(
        source_id, article, statements, url=meta.get("url"),
        title=meta.get("title") or f"{Path(path).stem} (untitled)", issued=meta.get("date"),
        publisher=_publisher_term(meta.get("publisher"), meta.get("url"), linker), sha256=sha256,
        known=linker.entities,
    )
    count = sum(_known(st, linker.entities.keys() | {e.iri for e in statements.entities}) for st in statements)
    return _write_proposal(target_dir, source_id, _stamped(text), count)


def _unused(source_id: str, folders: list[Path]) -> str:
    """``source_id``, or ``<id>-2``, ``<id>-3``... if a source of that id was already accepted (another article)."""
    n, free = 2, source_id
    while any((folder / f"{free}.ttl").exists() for folder in folders):
        free, n = f"{source_id}-{n}", n + 1
    return free


_STAMP = "# spacekg-generated sha256="


def _stamped(text: str) -> str:
    """The proposal with a first line recording the hash of what was generated: a later run can
    then tell a proposal a person has edited from one nobody touched."""
    import hashlib

    return f"{_STAMP}{hashlib.sha256(text.encode('utf-8')).hexdigest()}\n{text}"


def _edited(existing: str) -> bool:
    import hashlib

    first, _, rest = existing.partition("\n")
    return not first.startswith(_STAMP) or first[len(_STAMP):] != hashlib.sha256(rest.encode("utf-8")).hexdigest()


def _write_proposal(target_dir: Path, source_id: str, text: str, count: int) -> Proposal:
    """Write a proposal without ever overwriting one a person has edited."""
    target = target_dir / f"{source_id}{PROPOSED_SUFFIX}"
    if not target.exists():
        _atomic_write(target, text)
        return Proposal(source_id, target, count)
    existing = target.read_text(encoding="utf-8")
    if existing == text:
        return Proposal(source_id, target, count, "unchanged", f"{target.name} is already this proposal")
    if not _edited(existing):
        _atomic_write(target, text)
        return Proposal(source_id, target, count, "updated", f"{target.name} was not edited: replaced")
    n = 2
    while (target_dir / f"{source_id}-{n}{PROPOSED_SUFFIX}").exists():
        n += 1
    beside = target_dir / f"{source_id}-{n}{PROPOSED_SUFFIX}"
    _atomic_write(beside, text)
    return Proposal(f"{source_id}-{n}", beside, count, "beside",
                    f"{target.name} was edited, so it is kept; the new proposal differs from it in "
                    f"{_differing(existing, text)} statements")


def _differing(a: str, b: str) -> int:
    """How many statement paragraphs one proposal has that the other has not."""
    def paragraphs(text: str) -> set[str]:
        return {p.strip() for p in text.split("\n\n") if "rdf:subject" in p}

    return len(paragraphs(a) ^ paragraphs(b))


def find_source(sha256: str, url: str | None, folders: Iterable[Path]) -> Path | None:
    """The source or proposal file that already records this text (by its SHA-256) or this URL."""
    url_term = f"<{url}>" if url else None
    for folder in dict.fromkeys(Path(f) for f in folders):
        for path in sorted(folder.glob("*.ttl")) if folder.is_dir() else []:
            text = path.read_text(encoding="utf-8", errors="replace")
            if f'"{sha256}"' in text or (url_term and f"schema:url {url_term}" in text):
                return path
    return None


def _atomic_write(target: Path, text: str) -> None:
    from graph.files import write_atomically

    write_atomically(target, text.encode("utf-8"))


def accept(source_id: str, *, proposals_dir: Path | None = None, text_dirs: Iterable[Path] = (),
           data_dir: Path | None = None, user_dir: Path | None = None, build_dir: Path | None = None,
           date: str | None = None) -> list[Path]:
    """Accept the reviewed ``<id>.proposed.ttl`` into the user's data if the graph builds and validates with it.

    The proposal (in ``proposals_dir``, by default the user's ``sources/``) becomes
    ``sources/<id>.ttl`` of the user's data folder and its new entities (the block between
    :data:`ENTITIES_BEGIN` and :data:`ENTITIES_END`) become ``catalog/<id>.ttl``; ``date`` gives
    a source without a date its ``dcterms:issued``. With ``build_dir`` the built graph there is
    replaced by the one just checked, so that queries answer with the new facts at once.

    All of it happens or none of it, even if the process is killed (:mod:`graph.userdata`); an
    error names the line of the proposal, and leaves the proposal, the user's data and the built
    graph as they were. Returns the files written.
    """
    from graph import userdata
    from graph.build import assemble
    from graph.errors import SpaceKGError
    from graph.store import serialize

    data = userdata.folders(data_dir, user_dir)
    proposal = (Path(proposals_dir) if proposals_dir else data.user_sources) / f"{source_id}{PROPOSED_SUFFIX}"
    if not proposal.is_file():
        raise OutputError(f"there is no proposal {proposal.name} to accept (run `spacekg ingest` first)",
                          path=proposal)
    if build_dir is not None and Path(build_dir).exists() and not Path(build_dir).is_dir():
        raise OutputError("the build folder is not a folder", path=build_dir)
    for folder in data.sources_dirs:
        if (folder / f"{source_id}.ttl").exists():
            raise OutputError(f"{source_id} is already a source: {folder / (source_id + '.ttl')}", path=proposal)
    try:
        source_text, catalog_text, shift = split_proposal(proposal.read_text(encoding="utf-8"), source_id, date)
    except InputSyntaxError as exc:
        raise InputSyntaxError(exc.message, path=proposal, line=exc.line) from None
    with userdata.locked(data.user):
        staging = userdata.stage(data.user, source_id)
        staged = {kind: staging / kind / f"{source_id}.ttl" for kind in ("sources", "catalog")}
        try:
            staged["sources"].write_text(source_text, encoding="utf-8")
            if catalog_text:
                staged["catalog"].write_text(catalog_text, encoding="utf-8")
            checked = assemble(text_dirs=list(text_dirs), catalog_dir=[*data.catalog_dirs, staging / "catalog"],
                               sources_dir=[*data.sources_dirs, staging / "sources"])
            trig = serialize(checked.dataset, "trig") if build_dir is not None else None
        except SpaceKGError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise relocated(exc, staged, proposal, shift) from exc.__cause__
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise OutputError(f"cannot write to the user data folder: {exc.strerror}", path=data.user) from exc
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        committed = userdata.commit(staging, proposal=proposal, build_dir=build_dir, trig=trig)
        userdata.apply(committed, data.user, checked.dataset)
    return [data.user_sources / f"{source_id}.ttl", *([data.user_catalog / f"{source_id}.ttl"] if catalog_text else [])]
