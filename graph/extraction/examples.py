"""Plural nouns that stand for the names they list: "countries including Pakistan and Egypt".

News introduces the members of a group by a plural noun and its examples: "more than ten
countries, including Pakistan, Belarus and Egypt", "agencies such as ESA and JAXA", "partners like
Japan". The noun is the clause's argument; the named examples are what the rules should read.
The parser often hangs the list on a neighbouring word ("have joined the ILRS, including
Pakistan"), so a list anywhere in the noun's clause counts when its names are of the noun's kind.
"""

from __future__ import annotations

from graph.extraction.mentions import Mention

# plural nouns for kinds of actor, and the class their examples must have
GROUP_WORDS = {
    "country": "Actor", "nation": "Actor", "state": "Actor", "government": "Actor", "agency": "Actor",
    "partner": "Actor", "member": "Actor", "participant": "Actor", "signatory": "Actor", "company": "Actor",
    "firm": "Actor", "organisation": "Actor", "organization": "Actor", "institution": "Actor",
    "mission": "Undertaking", "probe": "Spacecraft", "spacecraft": "Spacecraft", "programme": "Undertaking",
    "program": "Undertaking", "station": "SpaceStation", "outpost": "SpaceStation", "lander": "Spacecraft",
    "rover": "Spacecraft", "satellite": "Spacecraft",
}


def examples(reader, tok) -> list[Mention]:
    """The mentions a plural group noun gives as its examples, or none.

    The examples follow *including*, *such as* or *like*, on the noun itself or elsewhere in its
    clause (never across a clause boundary), and must be of the noun's kind: "countries" lists
    actors, "missions" lists undertakings.
    """
    kind = GROUP_WORDS.get(tok.lemma_.lower())
    if kind is None or tok.tag_ != "NNS" or reader.mention_at(tok.i) is not None:
        return []
    for marker in _markers(tok):
        found = [m for p in marker.children if p.dep_ == "pobj" for t in [p, *p.conjuncts]
                 if (m := reader.mention_at(t.i)) is not None and reader.is_a(m, kind)]
        if found:
            return list(dict.fromkeys(found))
    return []


def _markers(tok):
    """The list markers of the noun's own phrase first, then of its clause."""
    own = [c for c in tok.children if _is_marker(c)]
    clause = tok.head  # the finite clause the noun is in ("with a dozen nations involved" is in its governor's)
    while clause.head is not clause and not (clause.pos_ in ("VERB", "AUX") and clause.dep_ in _CLAUSES):
        clause = clause.head
    others = [t for t in clause.subtree if _is_marker(t) and t not in own and _same_clause(t, clause)]
    return own + others


_CLAUSES = ("ROOT", "ccomp", "advcl", "relcl", "conj")


def _is_marker(t) -> bool:
    word = t.lower_
    if word in ("including", "like") and t.dep_ == "prep":
        return True
    return word == "as" and t.dep_ == "prep" and t.i > 0 and t.doc[t.i - 1].lower_ == "such"


def _same_clause(t, clause) -> bool:
    """Whether no other verb's clause lies between the marker and the clause's verb."""
    for a in t.ancestors:
        if a == clause:
            return True
        if a.dep_ in ("relcl", "advcl", "ccomp", "acl") and a.pos_ in ("VERB", "AUX"):
            return False
    return False
