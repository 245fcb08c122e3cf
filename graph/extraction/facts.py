"""A fact found in a sentence: two mentions in a relation, at the token whose clause says how
certain and when it is."""

from __future__ import annotations

from dataclasses import dataclass

from graph.extraction.mentions import Mention


@dataclass
class Fact:
    """A relation between two mentions (or a mention and a description), found at a token."""

    subject: Mention
    relation: str
    object: Mention
    at: int  # the token whose clause decides certainty and time
    ended: bool = False
    # a relation the words presuppose ("NASA's rover", "a Houston-based company") holds whatever the
    # clause says of it ("NASA's rover could fail"): it is stated
    presupposed: bool = False


def pairs(mentions: list[Mention], relation: str, at: int) -> list[Fact]:
    out = []
    seen = set()
    for i, a in enumerate(mentions):
        for b in mentions[i + 1:]:
            key = frozenset((a.entity.iri, b.entity.iri))
            if len(key) == 2 and key not in seen:
                seen.add(key)
                out.append(Fact(a, relation, b, at))
    return out
