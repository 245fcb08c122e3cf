"""A reviewed proposal, taken apart for `spacekg ingest --accept`: the source file and the catalog file.

A proposal (:mod:`graph.ingest`) holds the source's metadata, the new entities the extractor
proposes (between the :data:`ENTITIES_BEGIN` and :data:`ENTITIES_END` lines) and the statements.
On accept the entities go to the user's catalog and the rest becomes the source file. Both are
built on trial before anything changes, and an error in either names the *proposal's* line, the
file the reviewer edits (:func:`relocated`).
"""

from __future__ import annotations

import re
from pathlib import Path

from graph.errors import InputSyntaxError
from graph.text import parse_date

ENTITIES_BEGIN = "# >>> new entities"
ENTITIES_END = "# <<< new entities"
NO_DATE = "    # no dcterms:issued: the article gives no date"


def typed_date(value: str):
    """An ISO date of any precision as a typed literal: ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``.

    Raises
    ------
    InputSyntaxError
        If ``value`` is not a day, month or year of the calendar.
    """
    from graph.qualifiers import TimeValue
    from graph.terms import to_rdflib

    parse_date(value)  # the one parser of times, as an input error
    return to_rdflib(TimeValue.parse(value).literal())


def split_proposal(text: str, source_id: str, date: str | None = None) -> tuple[str, str, int]:
    """A reviewed proposal as the source file and the catalog file (``""`` without new entities).

    The source file keeps every line where it was (the new entities' lines become comments), so
    that line numbers are the proposal's; the catalog file's line ``n`` is the proposal's line
    ``n + shift``. ``date`` is written as the ``dcterms:issued`` of a source without one.
    """
    lines = text.split("\n")
    if date is not None:
        lines = _dated(lines, source_id, date)
    begin = next((i for i, line in enumerate(lines) if line.startswith(ENTITIES_BEGIN)), None)
    end = next((i for i, line in enumerate(lines) if line.startswith(ENTITIES_END)), None)
    if begin is None and end is None:
        return "\n".join(lines), "", 0
    if begin is None or end is None or end < begin:
        missing = ENTITIES_BEGIN if begin is None or (end is not None and end < begin) else ENTITIES_END
        raise InputSyntaxError(f"the new entities' block lacks its `{missing}` line", line=(begin or end) + 1)
    from graph.statements import curated_prologue

    head = [f"# New entities accepted with source {source_id} (src:{source_id}).", "", curated_prologue()]
    shift = begin - len("\n".join(head).split("\n"))
    catalog = "\n".join([*head, *lines[begin:end + 1]]) + "\n"
    moved = [f"# The new entities that were here are in catalog/{source_id}.ttl of the data folder:"
             if i == begin else ("# " + line if line and not line.startswith("#") else line)
             for i, line in enumerate(lines[begin:end + 1], start=begin)]
    return "\n".join([*lines[:begin], *moved, *lines[end + 1:]]), catalog, shift


def _dated(lines: list[str], source_id: str, date: str) -> list[str]:
    """The proposal's lines with ``dcterms:issued`` set to ``date`` (in place of the no-date comment)."""
    if any(line.lstrip().startswith("dcterms:issued") for line in lines):
        raise InputSyntaxError(f"the proposal of {source_id} already has a dcterms:issued date: edit it there")
    from graph.statements import turtle_term

    issued = f"    dcterms:issued {turtle_term(typed_date(date))} ;"
    marker = next((i for i, line in enumerate(lines) if line.startswith(NO_DATE)), None)
    if marker is not None:
        return [*lines[:marker], issued, *lines[marker + 1:]]
    opening = next((i for i, line in enumerate(lines) if line.startswith(f"src:{source_id} a :SourceArticle")), None)
    if opening is None:
        raise InputSyntaxError(f"the proposal does not describe src:{source_id}: cannot give it a date")
    return [*lines[:opening + 1], issued, *lines[opening + 1:]]


def relocated(exc, staged: dict[str, Path], proposal: Path, shift: int):
    """The error of a trial build, pointing at the proposal's lines rather than the staged copies."""
    def moved(path: Path | None, line: int | None) -> tuple[Path | None, int | None]:
        if path == staged["sources"]:
            return proposal, line
        if path == staged["catalog"]:
            return proposal, line + shift if line else line
        return path, line

    exc.path, exc.line = moved(exc.path, exc.line)
    for path in staged.values():
        pattern = re.compile(re.escape(str(path)) + r"(?::(\d+))?")
        exc.message = pattern.sub(lambda m, p=path: _where(*moved(p, int(m[1]) if m[1] else None)), exc.message)
    exc.args = (exc.message,)
    return exc


def _where(path: Path | None, line: int | None) -> str:
    return f"{path}:{line}" if line else str(path)
