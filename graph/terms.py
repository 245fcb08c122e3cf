"""RDF terms as plain values: an IRI is a string, a literal a :class:`Lit`.

Plain values keep :mod:`graph.model` free of any RDF library at import time; :func:`to_rdflib`,
:func:`from_rdflib` and :func:`ntriples_term` convert them where a library or a file needs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.namespaces import PREFIXES

if TYPE_CHECKING:
    import rdflib

XSD = PREFIXES["xsd"]


@dataclass(frozen=True)
class Lit:
    """A literal: its lexical value, and a datatype IRI or a language tag (neither: ``xsd:string``)."""

    value: str
    datatype: str | None = None
    language: str | None = None

    def __str__(self) -> str:
        return self.value  # as rdflib's literals: the lexical value


Term = str | Lit  # an IRI, or a literal


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``."""
    return re.split(r"[#/]", iri)[-1]


def to_rdflib(term: Term) -> rdflib.term.Identifier:
    """An rdflib term for an IRI or a :class:`Lit`."""
    from rdflib import Literal, URIRef

    if isinstance(term, Lit):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype) if term.datatype else None)
    return URIRef(term)


def from_rdflib(term: rdflib.term.Identifier) -> Term:
    """The IRI (a string) or :class:`Lit` of an rdflib term."""
    from rdflib import Literal

    if isinstance(term, Literal):
        return Lit(str(term), str(term.datatype) if term.datatype else None, term.language or None)
    return str(term)


def ntriples_term(term: Term) -> str:
    """A term as N-Triples / N-Quads text.

    >>> ntriples_term(Lit('say "hi"', language="en")), ntriples_term(Lit("3", XSD + "integer"))
    ('"say \\\\"hi\\\\""@en', '"3"^^<http://www.w3.org/2001/XMLSchema#integer>')
    """
    if not isinstance(term, Lit):
        return f"<{term}>"
    escaped = term.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if term.language:
        return f'"{escaped}"@{term.language}'
    if term.datatype and term.datatype != XSD + "string":
        return f'"{escaped}"^^<{term.datatype}>'
    return f'"{escaped}"'
