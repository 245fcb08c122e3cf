"""A curated data folder holding one proposal to review, made from SpaceKG's own test article.

The article (``tests/data/review-article.txt``) was written for these tests; its outlet is the
test desk of ``tests/data/review-outlet.ttl``, added to a copy of the catalog. Its proposal
(``tests/data/review-article.proposed.ttl``) is the file ``spacekg ingest`` wrote for it, kept as
it was so that the review's tests do not change whenever the extraction does; regenerate it with
``python -m tests.review_support`` (then update the tests' expected lines).
"""

from __future__ import annotations

import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
ARTICLE = DATA / "review-article.txt"
SOURCE_ID = "review-article"
PROPOSAL = DATA / f"{SOURCE_ID}.proposed.ttl"


def _catalog(folder: Path) -> Path:
    from graph import paths

    shutil.copytree(paths.CATALOG_DIR, folder / "catalog")
    shutil.copy2(DATA / "review-outlet.ttl", folder / "catalog" / "review-outlet.ttl")
    (folder / "sources").mkdir()
    return folder


def make_review_data(folder: Path) -> Path:
    """``folder`` with ``catalog/`` (the project's, plus the test desk) and ``sources/`` holding only
    the test article's proposal."""
    _catalog(folder)
    shutil.copy2(PROPOSAL, folder / "sources" / PROPOSAL.name)
    return folder


def propose_again(folder: Path) -> Path:
    """``folder`` as :func:`make_review_data` makes it, the proposal written as ``spacekg ingest`` does today;
    return the proposal's path."""
    from graph.extraction import extract
    from graph.ingest import _stamped, _write_proposal, render_proposal
    from graph.linking import Linker
    from graph.sources import sha256_of
    from graph.text import read_article

    _catalog(folder)
    article = read_article(ARTICLE)
    statements = extract(article, date=article.meta["date"], linker=Linker.from_catalog(folder / "catalog"))
    text = render_proposal(SOURCE_ID, article, statements, url=None, title=article.meta["title"],
                           issued=article.meta["date"], publisher="kg:spacekg-test-desk", sha256=sha256_of(ARTICLE))
    return _write_proposal(folder / "sources", SOURCE_ID, _stamped(text), len(statements)).path


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        written = propose_again(Path(tmp) / "data")
        shutil.copy2(written, PROPOSAL)
    print(f"wrote {PROPOSAL}")
