"""A user data folder holding one proposal to review, made from SpaceKG's own test article.

The article (``tests/data/review-article.txt``) was written for these tests; its outlet is the
test desk of ``tests/data/review-outlet.ttl``, which the user's catalog holds. Its proposal
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


def _user_catalog(user: Path) -> Path:
    (user / "catalog").mkdir(parents=True)
    (user / "sources").mkdir()
    shutil.copy2(DATA / "review-outlet.ttl", user / "catalog" / "review-outlet.ttl")
    return user


def make_review_data(user: Path) -> Path:
    """``user``, a user data folder with ``catalog/`` (the test desk) and ``sources/`` holding only
    the test article's proposal."""
    _user_catalog(user)
    shutil.copy2(PROPOSAL, user / "sources" / PROPOSAL.name)
    return user


def propose_again(user: Path, data_dir: Path | None = None) -> Path:
    """``user`` as :func:`make_review_data` makes it, the proposal written by ``spacekg ingest`` today
    (:func:`graph.ingest.propose`); return the proposal's path."""
    from graph.ingest import propose

    _user_catalog(user)
    return propose(ARTICLE, user_dir=user, data_dir=data_dir, publisher="SpaceKG test desk").path


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        written = propose_again(Path(tmp) / "user")
        shutil.copy2(written, PROPOSAL)
    print(f"wrote {PROPOSAL}")
