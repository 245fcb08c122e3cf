"""Entities named the way people name them: label, alias, acronym, ID or IRI, any case."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from graph.errors import UnknownEntityError
from graph.mirror import ENTITY_PATTERN, display_name
from graph.namespaces import KG, shorten

if TYPE_CHECKING:
    pass


_NAMES_QUERY = (
    "SELECT DISTINCT ?e ?p ?v WHERE { " + ENTITY_PATTERN
    + " OPTIONAL { VALUES ?p { rdfs:label skos:altLabel :acronym } ?e ?p ?v } }"
)
# the name an entity is shown by, as display_name shows it: its acronym, else its label, else an alias
_SHOWN_FIRST = {"acronym": 0, "label": 1}


def _name_index(entries) -> dict[str, set[str]]:
    """Lower-cased names -> IRIs, from ``(iri, [names])`` pairs; IRIs, prefixed names and IDs included."""
    index: dict[str, set[str]] = {}
    for iri, names in entries:
        keys = {iri, shorten(iri)}
        if iri.startswith(KG):
            keys.add(iri[len(KG) :])
        keys.update(n for n in names if n)
        for key in keys:
            index.setdefault(key.casefold(), set()).add(iri)
    return index


def resolve(G_or_store, name: str) -> str:
    """The IRI of the entity called ``name``: its label, an alias, its acronym, its ID or IRI, any case.

    ``G_or_store`` is a mirror (names from the node attributes) or a pyoxigraph store.

    Raises
    ------
    UnknownEntityError
        If no entity has that name (the message lists the closest names) or several do.
    """
    import sys

    nx = sys.modules.get("networkx")  # not imported: no mirror was made, so this is a store (named queries)
    if nx is not None and isinstance(G_or_store, nx.Graph):
        G = G_or_store
        entries = (
            (n, [display_name(G, n), d.get("label"), *(d.get("aliases") or [])])
            for n, d in G.nodes(data=True)
        )
    else:
        from graph.query import run

        grouped: dict[str, list[tuple[int, str]]] = {}
        for row in run(G_or_store, _NAMES_QUERY, source="resolve"):
            names = grouped.setdefault(row[0].value, [])
            if row[2] is not None:
                rank = _SHOWN_FIRST.get(row[1].value.rsplit("#", 1)[-1], 2)
                names.append((rank, row[2].value))
        entries = ((iri, [name for _, name in sorted(names)]) for iri, names in grouped.items())
    entries = list(entries)
    index = _name_index(entries)
    found = index.get(name.strip().casefold())
    if found and len(found) == 1:
        return next(iter(found))
    if found:
        options = ", ".join(sorted(shorten(f) for f in found))
        raise UnknownEntityError(f"{name!r} names several entities: {options}; use an ID")
    shown = {iri: names[0] if names and names[0] else shorten(iri) for iri, names in entries}
    close = []
    for key in closest(name, index):
        for iri in sorted(index[key]):
            if iri not in close:
                close.append(iri)
    hint = f" (closest: {', '.join(f'{shown[i]} ({shorten(i)})' for i in close[:5])})" if close else ""
    raise UnknownEntityError(f"unknown entity {name!r}{hint}")


def closest(name: str, names, n: int = 10, cutoff: float = 0.6) -> list[str]:
    """The ``names`` closest to ``name`` (casefolded), best first; ties go to a longer common start, then A-Z.

    Unlike :func:`difflib.get_close_matches`, whose ties come in reverse alphabetical order, a typo
    such as ``nosa`` lists ``nasa`` before ``tnsa``.

    >>> closest("nosa", ["tnsa", "snsa", "nasa", "esa"])
    ['nasa', 'snsa', 'tnsa']
    """
    key = name.strip().casefold()
    scored = []
    for other in names:
        matcher = difflib.SequenceMatcher(None, key, other)
        if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
            score = matcher.ratio()
            if score >= cutoff:
                pairs = enumerate(zip(key, other, strict=False))
                common = next((i for i, (x, y) in pairs if x != y), min(len(key), len(other)))
                scored.append((-score, -common, other))
    return [other for *_, other in sorted(scored)[:n]]
