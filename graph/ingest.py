"""Ingest an article: propose its statements in curated form for review, then accept them.

``propose`` reads an article (checked by :func:`graph.text.read_article`), extracts statements
(:mod:`graph.extraction`) and writes ``<id>.proposed.ttl``: the source's metadata (title, date,
publisher, the SHA-256 of the text; never the text itself) and one curated paragraph per
statement, in the form of ``graph/data/sources/*.ttl`` (:func:`graph.statements.format_claim`).
A person reviews and edits it; ``accept`` then moves it to ``<id>.ttl`` only if the whole graph
still builds and validates with it, so the graph is never left half-changed.

Errors (exit codes of :mod:`graph.errors`)
------------------------------------------
- 3 (:class:`~graph.errors.InputSyntaxError`): the article is empty, binary, not UTF-8, too big, or
  lacks a date the source needs;
- 4 (:class:`~graph.errors.UnknownEntityError`): the article names no entity of the catalog, or its
  publisher is not a catalog news outlet;
- 9 (:class:`~graph.errors.OutputError`): the proposal to accept does not exist, or a file cannot
  be written; any build error of ``accept`` keeps its own code (5 evidence, 6 SHACL, ...).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from graph.errors import InputSyntaxError, OutputError, UnknownEntityError
from graph.extraction import Extracted, entity_turtle, extract
from graph.linking import Linker
from graph.text import Article, parse_date, read_article

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


def render_proposal(source_id: str, article: Article, statements: list[Extracted], *, url: str | None,
                    title: str, issued: str, publisher: str, sha256: str) -> str:
    """The curated Turtle of a proposed source."""
    from rdflib import Literal

    from graph.qualifiers import TimeValue
    from graph.statements import curated_prologue, format_claim, turtle_term
    from graph.terms import to_rdflib

    where = f" ({url})" if url else ""
    lines = [
        f"# Proposed by `spacekg ingest` from {article.path.name if article.path else 'an article'}{where}.",
        "# Review every statement against the text (offsets count characters of the whole file as stored),",
        "# delete or fix the wrong ones, then run `spacekg ingest --accept " + source_id + "`.",
        "",
        curated_prologue(),
        "",
        *([f"# TODO: the article gives no title; {title!r} is a placeholder to replace."]
          if title.endswith("(untitled)") else []),
        f"src:{source_id} a :SourceArticle ;",
        f"    dcterms:title {turtle_term(Literal(title))} ;",
        f"    dcterms:publisher {publisher} ;",
        f"    dcterms:issued {turtle_term(to_rdflib(TimeValue.parse(issued).literal()))} ;",
    ]
    if url:
        lines.append(f"    schema:url <{url}> ;")
    lines.append(f'    :sha256 "{sha256}" .')
    lines.append("")
    known = Linker.default().entities
    ready = [st for st in statements if _known(st, known)]
    for claim in to_claims(ready):
        lines.append(format_claim(claim))
        lines.append("")
    lines += _waiting_block([st for st in statements if not _known(st, known)], getattr(statements, "entities", []))
    return "\n".join(lines)


def _known(st: Extracted, known: dict) -> bool:
    return st.subject in known and (st.relation == "targetDate" or st.object in known)


def _waiting_block(waiting: list[Extracted], entities: list) -> list[str]:
    """New entities and the statements that use them, as comments until a reviewer adds them."""
    if not waiting:
        return []
    from graph.statements import format_claim

    used = {x for st in waiting for x in (st.subject, st.object)}
    lines = ["# -- New entities the extractor proposes (not in the catalog). Add the right ones to your",
             "# catalog, then uncomment the statements below that use them. None has a Wikidata ID.", "#"]
    for e in entities:
        if e.iri in used:
            lines += ["# " + line for line in entity_turtle(e).splitlines()]
            lines.append(f"#     introduced by: {' '.join(e.evidence.split())}")
    lines.append("#")
    for claim in to_claims(waiting):
        lines += ["# " + line for line in format_claim(claim).splitlines()]
        lines.append("#")
    return lines


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
        "add it to graph/data/catalog/people-and-outlets.ttl or pass --publisher with a catalog name")


def propose(path: Path, *, out_dir: Path | None = None, url: str | None = None, title: str | None = None,
            date: str | None = None, publisher: str | None = None, source_id: str | None = None) -> Proposal:
    """Write ``<id>.proposed.ttl`` for the article at ``path``; return what was written.

    Nothing is written if the article is bad (see the module docstring); the file appears whole
    or not at all (written to a temporary file, then renamed).
    """
    from graph import paths
    from graph.sources import sha256_of

    article = read_article(Path(path))
    linker = Linker.default()
    meta = {**article.meta, **{k: v for k, v in
                               {"url": url, "title": title, "date": date, "publisher": publisher}.items() if v}}
    if not meta.get("date"):
        raise InputSyntaxError("the article has no date: pass --date YYYY-MM-DD (or a `date:` header line)",
                               path=path)
    parse_date(meta["date"])
    if not any(linker.mentions(s.text) for s in article.sentences()):
        raise UnknownEntityError("the article names no entity of the catalog: nothing to propose", path=path)
    target_dir = Path(out_dir) if out_dir else paths.SOURCES_DIR
    sha256 = sha256_of(Path(path))
    known = find_source(sha256, meta.get("url"), [target_dir, paths.SOURCES_DIR])
    source_id = source_id or source_id_for(Path(path))
    if known is not None:
        return Proposal(known.name.split(".")[0], known, 0, "known",
                        f"already {'proposed' if known.name.endswith(PROPOSED_SUFFIX) else 'a source'} as {known}")
    statements = extract(article, date=meta["date"], linker=linker)
    text = render_proposal(
        source_id, article, statements, url=meta.get("url"),
        title=meta.get("title") or f"{Path(path).stem} (untitled)", issued=meta["date"],
        publisher=_publisher_term(meta.get("publisher"), meta.get("url"), linker), sha256=sha256,
    )
    count = sum(_known(st, linker.entities) for st in statements)
    return _write_proposal(target_dir, source_id, _stamped(text), count)


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


def accept(source_id: str, *, sources_dir: Path | None = None, text_dirs: Iterable[Path] = (),
           catalog_dir: Path | None = None, build_dir: Path | None = None) -> Path:
    """Move ``<id>.proposed.ttl`` to ``<id>.ttl`` if the graph builds and validates with it.

    The build runs on a copy of the sources folder that holds the proposal as ``<id>.ttl``; only
    when it passes is the proposal renamed into place (one atomic rename). With ``build_dir`` the
    built graph there is replaced by the one just checked, so that queries answer with the new
    facts at once (the store is swapped whole: a reader sees the old graph or the new one). On any
    error the sources folder and the built graph are as they were.
    """
    import shutil

    from graph import paths
    from graph.build import assemble

    sources_dir = Path(sources_dir) if sources_dir else paths.SOURCES_DIR
    proposal = sources_dir / f"{source_id}{PROPOSED_SUFFIX}"
    if not proposal.is_file():
        raise OutputError(f"there is no proposal {proposal.name} to accept (run `spacekg ingest` first)",
                          path=proposal)
    target = sources_dir / f"{source_id}.ttl"
    with tempfile.TemporaryDirectory(prefix="spacekg-accept-") as tmp:
        trial = Path(tmp) / "sources"
        trial.mkdir()
        for existing in sources_dir.glob("*.ttl"):
            if not existing.name.endswith(PROPOSED_SUFFIX):
                shutil.copy2(existing, trial / existing.name)
        for bundled in sources_dir.glob("*.txt"):
            shutil.copy2(bundled, trial / bundled.name)
        shutil.copy2(proposal, trial / target.name)
        checked = assemble(text_dirs=list(text_dirs), sources_dir=trial, catalog_dir=catalog_dir)
    try:
        os.replace(proposal, target)
    except OSError as exc:
        raise OutputError(f"cannot move the proposal into place: {exc.strerror}", path=target) from exc
    if build_dir is not None:
        from graph.store import write_build

        try:
            write_build(checked.dataset, Path(build_dir))
        except BaseException:
            os.replace(target, proposal)  # the graph was not updated: neither is the sources folder
            raise
    return target


def _propose_one(args: tuple) -> tuple[str, str | None, int | None, str | None]:
    path, out_dir = args
    from graph.errors import SpaceKGError

    try:
        proposal = propose(Path(path), out_dir=out_dir)
        if proposal.status in ("known", "unchanged"):
            return str(path), proposal.note, None, None
        return str(path), str(proposal.path), proposal.statements, None
    except SpaceKGError as exc:
        return str(path), None, None, f"{exc} (exit code {exc.exit_code})"


def propose_folder(folder: Path, *, out_dir: Path | None = None, workers: int = 2,
                   progress: bool = True) -> list[tuple[str, str | None, int | None, str | None]]:
    """Propose every ``*.txt`` of ``folder`` in parallel; one result per file, in name order.

    A bad article is reported and skipped; the others are still proposed.
    """
    files = sorted(Path(folder).glob("*.txt"))
    if not files:
        raise InputSyntaxError("the folder holds no *.txt article", path=folder)
    results = []
    with ProcessPoolExecutor(max_workers=max(1, workers)) as pool:
        for done, result in enumerate(pool.map(_propose_one, [(f, out_dir) for f in files]), start=1):
            results.append(result)
            if progress:
                filled = int(30 * done / len(files))
                print(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{len(files)} {Path(result[0]).name[:40]:40}",
                      end="" if done < len(files) else "\n", file=sys.stderr, flush=True)
    return results
