"""What an article implies across its sentences, stated as ``inferred``.

One rule so far, on names: a numbered mission and a programme of the same name ("Artemis II" and
"the Artemis program", "Chang'e 7" and "the Chang'e programme") in one article make the mission
part of the programme. The evidence is the sentence that first names the mission.
"""

from __future__ import annotations

import re

from graph.extraction.mentions import Mention

_NUMBERED = re.compile(r"^(?P<root>[A-Z][\w']*)[\s-]*(?:\d+|[IVX]+)\b")


def series(first: dict[str, tuple[Mention, str, int]], is_a) -> list[tuple[Mention, Mention, str, int]]:
    """(mission, programme, evidence, offset) for each numbered mission of a programme named alike.

    ``first`` maps an entity IRI to its first mention, with that sentence and its offset;
    ``is_a(mention, *classes)`` tells classes apart.
    """
    programmes = {}
    for mention, _, _ in first.values():
        if is_a(mention, "Program"):
            programmes.setdefault(_root(mention.entity.label), mention)
    out = []
    for mention, text, offset in first.values():
        match = _NUMBERED.match(mention.entity.label)
        if not match or is_a(mention, "Program") or not is_a(mention, "Mission", "Spacecraft"):
            continue
        programme = programmes.get(_root(match.group("root")))
        if programme is not None and programme.entity.iri != mention.entity.iri:
            out.append((mention, programme, text, offset))
    return out


def _root(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.split()[0].lower()) if name.split() else ""
