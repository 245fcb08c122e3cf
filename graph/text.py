"""Reading scraped article text: the header, the checks on the file, and sentence splitting.

Scraped news text is messy: stray one-word lines (a left-over close button "X", an image's file
name), captions, photo credits, bylines ("2 min read"), links ("See all photos"), non-breaking
spaces and curly quotes. The splitter keeps the text exactly as stored (offsets count Python
``str`` indices in the *whole* file) and drops junk lines by general rules on their shape, never by
listing strings:

- a line of fewer than :data:`MIN_WORDS` words that does not end a sentence is junk
  (names, credits, "2 min read", one-word alt texts);
- a line that has no lowercase word at all is junk (credits, shouting banners);
- a line with no letter is junk.

A longer line without a full stop (a caption, a truncated last sentence) is kept as one sentence:
captions do state facts ("See NASA aim for the moon with Artemis 2024").

Examples
--------
>>> sents = split_sentences("X\\n\\nNASA and ESA signed it. Mr. Smith said so.\\nSee all photos\\n")
>>> [s.text for s in sents]
['NASA and ESA signed it.', 'Mr. Smith said so.']
>>> sents[1].start
27
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import InputSyntaxError, OutputError, UsageError

MIN_WORDS = 5
# Articles are a few kilobytes; anything this big is not an article (a dump, a video, an archive).
MAX_BYTES = 2_000_000
HEADER_KEYS = ("url", "title", "date", "publisher")

# One character for one character, so offsets in the normalised copy are offsets in the original.
_NORMALISE = str.maketrans({"\u00a0": " ", "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                            "\u2032": "'", "`": "'", "\u2013": "-", "\u2014": "-", "\u202f": " ", "\u2009": " "})

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "sen", "rep", "gov", "pres",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "vs", "etc", "inc", "ltd", "co", "corp", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "approx",
}
_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]*[A-Z0-9])")
_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")


def normalise(text: str) -> str:
    """``text`` with typographic characters made plain, keeping its length (offsets stay valid).

    >>> normalise("NASA\\u2019s\\u00a0moon")
    "NASA's moon"
    """
    return text.translate(_NORMALISE)


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article: its exact text and where it is in the file."""

    text: str
    start: int
    paragraph: int = 0

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class Article:
    """An article as stored: the whole text, where its body starts, and its header metadata."""

    text: str
    body_start: int = 0
    meta: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

    @property
    def date(self) -> str | None:
        """The header's date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), if it gives one."""
        value = self.meta.get("date", "")
        return value if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) else None

    def sentences(self) -> list[Sentence]:
        return split_sentences(self.text, offset=self.body_start)


def parse_header(text: str) -> tuple[dict[str, str], int]:
    """The ``key: value`` header lines (url, title, date) and the offset where the body starts.

    >>> parse_header("url: http://x\\ntitle: T\\ndate: 2020-01-02\\n\\nBody.")
    ({'url': 'http://x', 'title': 'T', 'date': '2020-01-02'}, 41)
    """
    meta: dict[str, str] = {}
    pos = 0
    for line in text.splitlines(keepends=True):
        match = re.match(r"(\w+):\s*(.*?)\s*$", line)
        if match and match.group(1).lower() in HEADER_KEYS and not line.startswith(" "):
            meta[match.group(1).lower()] = match.group(2)
            pos += len(line)
            continue
        if meta and not line.strip():
            pos += len(line)
        break
    if not meta:
        return {}, 0
    return {k: v for k, v in meta.items() if v and v.lower() != "unknown"}, pos


def read_article(path: Path, *, max_bytes: int = MAX_BYTES) -> Article:
    """Read and check an article file.

    Raises
    ------
    InputSyntaxError
        If the file is empty, too big, binary, or not UTF-8 (exit code 3).
    OutputError
        If it cannot be read (exit code 9).
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputSyntaxError(
                f"the file is {size:,} bytes; an article is at most {max_bytes:,} bytes", path=path)
        data = path.read_bytes()
    except OSError as exc:
        raise OutputError(f"cannot read the article: {exc.strerror}", path=path) from exc
    if not data.strip():
        raise InputSyntaxError("the article is empty", path=path)
    if b"\x00" in data:
        raise InputSyntaxError("the file is binary (it contains NUL bytes), not an article's text", path=path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputSyntaxError(f"the article is not UTF-8 (byte {exc.start} is invalid)", path=path) from exc
    meta, body_start = parse_header(text)
    return Article(text=text, body_start=body_start, meta=meta, path=path)


def is_junk(line: str) -> bool:
    """Whether a line is page furniture rather than prose (see the module docstring).

    >>> [is_junk(s) for s in ["X", "See all photos", "NASA/Kim Shiflett", "2 min read",
    ...                       "Beyond Apollo: See NASA aim for the moon with Artemis 2024", "It flew."]]
    [True, True, True, True, False, False]
    """
    words = _WORD.findall(line)
    if not words:
        return True
    if not any(w[0].islower() for w in words) and len(words) < 12:
        return True
    ends_sentence = bool(re.search(r"[.!?][\"'\u201d\u2019)]*\s*$", line.strip()))
    return len(words) < MIN_WORDS and not (ends_sentence and len(words) >= 2)


def split_sentences(text: str, *, offset: int = 0) -> list[Sentence]:
    """The sentences of ``text[offset:]``, skipping junk lines; offsets index ``text``."""
    sentences: list[Sentence] = []
    paragraph = 0
    pos = offset
    for line in text[offset:].splitlines(keepends=True):
        line_start = pos
        pos += len(line)
        if not line.strip():
            paragraph += 1
            continue
        if is_junk(line):
            continue
        paragraph += 1
        for start, piece in _split_line(line):
            stripped = piece.strip()
            if not stripped:
                continue
            lead = len(piece) - len(piece.lstrip())
            sentences.append(Sentence(stripped, line_start + start + lead, paragraph))
    return sentences


def _split_line(line: str) -> list[tuple[int, str]]:
    pieces = []
    start = 0
    plain = normalise(line)
    for match in _BOUNDARY.finditer(plain):
        end = match.end()
        before = plain[start:match.start() + 1]
        token = re.search(r"(\S+)$", before)
        word = token.group(1).rstrip(".").lower().strip("\"'(") if token else ""
        # "Mr.", "Aug.", "U.S." and initials ("Amanda C. Kooser") do not end a sentence.
        if plain[match.start()] == "." and (word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", word)):
            continue
        pieces.append((start, line[start:end]))
        start = end
    pieces.append((start, line[start:]))
    return pieces


def parse_date(value: str) -> tuple[int, int | None, int | None]:
    """``(year, month, day)`` of an ISO date of any precision (read by :meth:`graph.qualifiers.TimeValue.parse`).

    >>> parse_date("2021-03")
    (2021, 3, None)

    Raises
    ------
    InputSyntaxError
        If ``value`` is not a date of the calendar at some precision.
    """
    from graph.qualifiers import TimeValue

    try:
        return TimeValue.parse(value or "").parts
    except UsageError as exc:
        raise InputSyntaxError(exc.message) from None
