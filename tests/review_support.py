"""A curated data folder holding one proposal to review, made from SpaceKG's own test article.

The article (``tests/data/review-article.txt``) was written for these tests; its outlet is the
test desk of ``tests/data/review-outlet.ttl``, added to a copy of the catalog.
"""

from __future__ import annotations

import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
ARTICLE = DATA / "review-article.txt"
SOURCE_ID = "review-article"


def make_review_data(folder: Path) -> Path:
    """``folder`` with ``catalog/`` (the project's, plus the test desk) and ``sources/`` holding only
    ``review-article.proposed.ttl``, written as ``spacekg ingest`` writes a proposal."""
    from graph import paths
    from graph.extraction import extract
    from graph.ingest import _stamped, _write_proposal, render_proposal
    from graph.linking import Linker
    from graph.sources import sha256_of
    from graph.text import read_article

    shutil.copytree(paths.CATALOG_DIR, folder / "catalog")
    shutil.copy2(DATA / "review-outlet.ttl", folder / "catalog" / "review-outlet.ttl")
    (folder / "sources").mkdir()
    article = read_article(ARTICLE)
    statements = extract(article, date=article.meta["date"], linker=Linker.from_catalog(folder / "catalog"))
    text = render_proposal(SOURCE_ID, article, statements, url=None, title=article.meta["title"],
                           issued=article.meta["date"], publisher="kg:spacekg-test-desk", sha256=sha256_of(ARTICLE))
    _write_proposal(folder / "sources", SOURCE_ID, _stamped(text), len(statements))
    return folder
