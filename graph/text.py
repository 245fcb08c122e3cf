"""Reading scraped article text: the header, the checks on the file, and sentence splitting.

An article is plain text, with or without ``key: value`` header lines (url, title, date,
publisher), or a saved web page (``.html``), whose main text and metadata trafilatura takes out
(:func:`page_text`).

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
WEB_PAGE_SUFFIXES = (".html", ".htm")

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


def utf16_name(data: bytes) -> str | None:
    """``"UTF-16LE"`` or ``"UTF-16BE"`` if ``data`` looks like UTF-16 text (a byte-order mark, or
    NUL bytes in every other place as ASCII text in UTF-16 has), else ``None``.

    >>> utf16_name("Moon".encode("utf-16-le")), utf16_name(b"Moon")
    ('UTF-16LE', None)
    """
    if data.startswith(b"\xff\xfe"):
        return "UTF-16LE"
    if data.startswith(b"\xfe\xff"):
        return "UTF-16BE"
    sample = data[:4096]
    if len(sample) >= 4 and b"\x00" in sample:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) >= 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
            return "UTF-16LE"
        if even.count(0) >= 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
            return "UTF-16BE"
    return None


def decode_utf8(data: bytes, path: Path, what: str, *, bom_ok: bool = False) -> str:
    """``data`` as UTF-8 text; raise :class:`InputSyntaxError` naming the encoding it has instead.

    UTF-16 is named as such (with how to convert it), a UTF-8 byte-order mark is refused at
    line 1 (unless ``bom_ok``: it is then kept as the text's first character), and an invalid
    byte is given with its line and offset.
    """
    utf16 = utf16_name(data)
    if utf16:
        raise InputSyntaxError(f"the {what} is {utf16}, not UTF-8: convert it (iconv -f {utf16} -t UTF-8)",
                               path=path, line=1)
    if data.startswith(b"\xef\xbb\xbf") and not bom_ok:
        raise InputSyntaxError(f"the {what} starts with a byte-order mark (U+FEFF): save it as UTF-8 without one",
                               path=path, line=1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputSyntaxError(f"the {what} is not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                               path=path, line=line) from exc


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
    if utf16_name(data) is None and b"\x00" in data:
        raise InputSyntaxError("the file is binary (it contains NUL bytes), not an article's text", path=path)
    if is_web_page(path):
        text, meta = page_text(data, path=path)
        return Article(text=text, body_start=0, meta=meta, path=path)
    text = decode_utf8(data, path, "article", bom_ok=True)  # offsets count the mark as a character
    meta, body_start = parse_header(text)
    return Article(text=text, body_start=body_start, meta=meta, path=path)


def is_web_page(path: Path) -> bool:
    """Whether the file is a saved web page (``.html``, ``.htm``) rather than plain text."""
    return Path(path).suffix.lower() in WEB_PAGE_SUFFIXES


def page_text(data: bytes, *, path: Path | None = None) -> tuple[str, dict[str, str]]:
    """The main text of a saved web page and its metadata (url, title, date, publisher), by trafilatura.

    The text is what a source's offsets count for a web page (the same trafilatura release gives
    the same text). Metadata the page does not give is left out: the date is read only from the
    page's markup and URL (htmldate without its extensive search, which would guess from any date
    in the text), never invented.

    Raises
    ------
    InputSyntaxError
        If the page has no main text (exit code 3).
    """
    import trafilatura

    doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, include_tables=False,
                                      date_extraction_params={"extensive_search": False, "original_date": True})
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        raise InputSyntaxError("the web page has no main text that trafilatura can take out", path=path)
    found = {"url": doc.url, "title": doc.title, "date": doc.date, "publisher": doc.sitename}
    meta = {key: " ".join(str(value).split()) for key, value in found.items() if value}
    if "date" in meta and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", meta["date"]):
        del meta["date"]
    return text + "\n", meta


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


# "Addis Ababa, May 23, 2025 (FMC) - ", "Bengaluru, Jul. 3: ", "TOKYO (Reuters) -", "WASHINGTON/MOSCOW-"
_DATELINE = re.compile(r"""
    (?P<place>[A-Z][\w'.]*(?:[ /][A-Z][\w'.]*){0,3}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?)
    (?P<date>,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?
    (?P<credit>\s*\([A-Za-z]+\))?
    \s*(?:-+|:)\s*(?=["']?[A-Z])""", re.X)


def without_dateline(sentence: Sentence) -> Sentence:
    """The sentence without the dateline news agencies put before the first one: a place, a date,
    the agency, a dash. A bare place counts only in capitals ("TOKYO -"), so "Russia-Ukraine" or
    "NASA-ESA" never do.

    >>> without_dateline(Sentence("Addis Ababa, May 23, 2025 (FMC) - China and Russia agreed.", 10))
    Sentence(text='China and Russia agreed.', start=44, paragraph=0)
    >>> without_dateline(Sentence("NASA-ESA talks ended in May.", 0)).text
    'NASA-ESA talks ended in May.'
    >>> without_dateline(Sentence("OSIRIS-REx arrived at Bennu in 2018.", 0)).text
    'OSIRIS-REx arrived at Bennu in 2018.'
    >>> without_dateline(Sentence("TOKYO - Japan will stay on the station.", 0)).text
    'Japan will stay on the station.'
    """
    match = _DATELINE.match(normalise(sentence.text))
    if match is None:
        return sentence
    place = match["place"].split(",")[0]
    bare = not (match["date"] or match["credit"])
    spaced = match.group(0)[len(match["place"]):] != match.group(0)[len(match["place"]):].strip()
    # a bare place counts in capitals, set apart ("TOKYO -", "CAPE CANAVERAL -") or paired
    # ("WASHINGTON/MOSCOW-"); never a hyphenated name ("OSIRIS-REx", "ICUBE-Q")
    if bare and not (place.isupper() and ("/" in place or (spaced and len(re.sub(r"\W", "", place)) >= 4))):
        return sentence
    rest = sentence.text[match.end():]
    if len(rest.split()) < 4:
        return sentence
    return Sentence(rest, sentence.start + match.end(), sentence.paragraph)


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
