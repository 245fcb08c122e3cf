"""Source articles: their metadata, their text and its hash.

A source is a curated Turtle file ``graph/data/sources/<id>.ttl`` that describes the article
(``src:<id> a space:SourceArticle``) and lists the statements read from it. The article's text is
the file ``<id>.txt`` beside it, where a user keeps it, or a file found by its SHA-256 in a folder
of texts given to the build (the project's own sources are third-party articles: their texts stay
in ``../shared/``, the project keeps their metadata, hash and quoted evidence). Offsets count
characters (Unicode code points) of the text as stored.
For a saved web page (``.html``) the hash is the page file's, and the offsets count characters of
the main text trafilatura takes out of it (:func:`graph.text.page_text`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from graph.errors import EvidenceError, OutputError
from graph.namespaces import SRC
from graph.text import WEB_PAGE_SUFFIXES, is_web_page, page_text

TEXT_SUFFIXES = (".txt", *WEB_PAGE_SUFFIXES)  # the files a folder of texts (--texts) is searched for


@dataclass(frozen=True)
class Source:
    """A source article as the curated data describes it."""

    iri: str
    path: Path
    sha256: str | None

    @property
    def id(self) -> str:
        """The short name of the source: ``cnet-2021-ilrs`` for ``src:cnet-2021-ilrs``."""
        return self.iri[len(SRC) :] if self.iri.startswith(SRC) else self.iri.rsplit("/", 1)[-1]

    def bundled_text_path(self) -> Path:
        """Where the text sits when the project keeps it: beside the curated file."""
        return self.path.with_suffix(".txt")


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_text(path: Path) -> str:
    """Read an article's text exactly as stored (no newline translation), as UTF-8; of a saved web
    page, the main text trafilatura takes out (:func:`graph.text.page_text`)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise OutputError(f"cannot read the text: {exc.strerror}", path=path) from exc
    if is_web_page(path):
        return page_text(data, path=path)[0]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EvidenceError(f"the text is not UTF-8 (byte {exc.start} is invalid)", path=path) from exc


class TextIndex:
    """Finds the text of a source: beside its curated file, or by hash in folders of texts."""

    def __init__(self, text_dirs: Iterable[Path] = ()) -> None:
        self._by_hash: dict[str, Path] = {}
        for folder in text_dirs:
            for candidate in sorted(p for p in Path(folder).glob("*") if p.suffix.lower() in TEXT_SUFFIXES):
                self._by_hash.setdefault(sha256_of(candidate), candidate)

    def find(self, source: Source) -> Path | None:
        """The path of the source's text, checked against its hash; ``None`` if it is not at hand.

        Raises
        ------
        EvidenceError
            If the bundled text exists but does not match the recorded hash.
        """
        bundled = source.bundled_text_path()
        if bundled.is_file():
            digest = sha256_of(bundled)
            if source.sha256 and digest != source.sha256:
                raise EvidenceError(
                    f"the text of {source.id} has SHA-256 {digest}, but its curated file records "
                    f"{source.sha256}: the text changed, so every offset must be checked again",
                    path=bundled,
                )
            return bundled
        if source.sha256:
            return self._by_hash.get(source.sha256)
        return None
