"""One exception root for SpaceKG, with the exit code the command line returns for each kind.

Every error says *what* is wrong and *where* (a file and line, a statement, a query), so the
command line can print it without a traceback.

Exit codes
----------
=====  ====================================================================
code   meaning
=====  ====================================================================
0      success
1      unexpected internal error (a bug: please report it)
2      usage error (unknown option, missing argument, a value that is not a date or a level)
3      syntax error in an input file (Turtle, TriG), a value RDF cannot hold (an IRI with a
       space, a control character or lone surrogate in a literal, an ill-typed literal), a
       claim stated twice, a file that is not UTF-8 (UTF-16, a byte-order mark)
4      unknown entity or term (not in the catalog or the ontology)
5      evidence error (quote not found at its offsets or not prose, source hash mismatch)
6      SHACL validation failed
7      query error (malformed SPARQL, brackets nested too deep, SERVICE refused or failed,
       a query file that is not UTF-8, unknown named query, missing parameter)
8      no built graph found (run ``spacekg build`` first)
9      I/O error (unwritable output path, unreadable input, missing or unreadable data folder)
10     remote endpoint error (unreachable, refused, past the deadline, reply too large or
       unreadable, redirect to another origin, push not confirmed)
11     the language model for extraction is missing or not the pinned release
=====  ====================================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class SpaceKGError(Exception):
    """Root of every error SpaceKG raises on bad input."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line

    @property
    def location(self) -> str | None:
        """``file:line`` (or just ``file``) where the error is, if known."""
        if self.path is None:
            return None
        return f"{self.path}:{self.line}" if self.line else str(self.path)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class UsageError(SpaceKGError):
    """A value given to a command or function is not one it takes.

    A date that is no date, an unknown certainty level, map kind or projection.
    """

    exit_code = 2


class InputSyntaxError(SpaceKGError):
    """An input file is not well-formed (Turtle, TriG, SPARQL, an article), or holds a value RDF
    cannot hold (an IRI with a space, a control character, a lone surrogate)."""

    exit_code = 3


class UnknownEntityError(SpaceKGError):
    """A statement names an entity or term that the catalog or ontology does not declare.

    The message lists the closest names, so that a typo is one look away from its fix.
    """

    exit_code = 4


class EvidenceError(SpaceKGError):
    """An evidence quote is not where its statement says, or a source text does not match its hash."""

    exit_code = 5


class QueryError(SpaceKGError):
    """A SPARQL query is malformed, unknown, or lacks a parameter.

    Also a query nested too deep to parse safely, a refused or failed ``SERVICE``, and a map with
    nothing to draw.
    """

    exit_code = 7


class NoBuildError(SpaceKGError):
    """There is no built graph to query (``spacekg build`` makes one)."""

    exit_code = 8


class OutputError(SpaceKGError):
    """A file or folder could not be read or written: its path says which."""

    exit_code = 9


class EndpointError(SpaceKGError):
    """A remote SPARQL endpoint could not be reached or refused the request.

    Also a reply past the deadline or the size cap, a redirect to another origin, a push the store
    did not confirm.
    """

    exit_code = 10


class ModelError(SpaceKGError):
    """The language model is missing or is not the pinned release (exit code 11)."""

    exit_code = 11


@dataclass(frozen=True)
class Violation:
    """One SHACL result, located as precisely as the data allows."""

    focus: str
    path: str | None
    message: str
    location: str | None = None

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        on = f" ({self.path})" if self.path else ""
        return f"{where}{self.focus}{on}: {self.message}"


class ValidationError(SpaceKGError):
    """The graph does not conform to the SHACL shapes."""

    exit_code = 6

    def __init__(self, violations: list[Violation]) -> None:
        self.violations = violations
        lines = "\n".join(f"  {v}" for v in violations)
        super().__init__(f"the graph violates {len(violations)} SHACL constraint(s):\n{lines}")
