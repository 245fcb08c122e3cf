"""Programmes an article names by description, not by name: "China's lunar exploration programme".

Found before the relation rules run, as mentions of new entities, so that every rule reads them
like a name ("the Chang'e 5 mission, part of the Chinese lunar exploration programme").
"""

from __future__ import annotations

from graph.extraction.mentions import Mention, new_entity

PROGRAMME_NOUNS = {"programme", "program", "initiative"}
# modifiers that describe no programme in particular: "its space programme", "a new programme"
_VAGUE = {"space", "own", "new", "national", "ambitious", "current", "whole", "entire", "main", "first", "other",
          "similar", "same", "major", "big", "broader", "wider", "flagship", "overall", "\u2019s", "'s"}


def described_programmes(doc, mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """Mentions of the definite programmes the sentence describes by their modifiers.

    A programme counts when it is definite (``the`` or a possessor) and at least one of its
    modifiers says what it is about: "the Chinese lunar exploration programme", "India's human
    spaceflight programme"; not "its space programme" or "a new programme".
    """
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    for tok in doc:
        if tok.lemma_.lower() not in PROGRAMME_NOUNS or tok.pos_ != "NOUN" or tok.i in taken:
            continue
        if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in tok.children):
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ in ("amod", "compound") and doc[start - 1].head.i in range(
                start, tok.i + 1) and doc[start - 1].i not in taken and doc[start - 1].pos_ in ("ADJ", "NOUN", "PROPN"):
            start -= 1
        words = {t.lower_ for t in doc[start:tok.i]}
        if not words - _VAGUE or any(t.ent_type_ in ("DATE", "CARDINAL", "ORDINAL") for t in doc[start:tok.i]):
            continue
        label = doc[start:tok.i + 1].text
        out.append(Mention(start, tok.i + 1, new_entity(label, "Program", text, offset), "description",
                           set(range(start, tok.i + 1))))
    return out
