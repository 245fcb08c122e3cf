"""Ties that nouns name between actors: partnerships and rivalries with their sides.

"the partnership between X and Y", "X's cooperation with Y", "the Esa/Airbus collaboration", "the
NASA and CSA joint announcement", "Peru and Chile are partners", "Russia and China are rivals of
the US"; a definite agreement between parties is one they signed, and what partners do together
("a collaboration between X and Y for the Chandrayaan-5 mission") they run. Called from
:func:`graph.extraction.nominal.noun_facts`.
"""

from __future__ import annotations

from graph.extraction.facts import Fact, pairs
from graph.extraction.lexicon import AGREEMENT_NOUNS, SUPPORT_NOUNS, VERB_RELATIONS
from graph.extraction.mentions import Mention

# verbs that make a tie closer, which says it exists: "will strengthen its alliance with NASA"
INTENSIFYING = {"strengthen", "deepen", "expand", "enhance", "boost", "extend", "continue", "reinforce", "bolster",
                "broaden", "intensify", "renew", "step"}


def sides(reader, tok, relation: str) -> list[Fact]:
    """"the partnership between X and Y", "X's cooperation with Y", "the Esa/Airbus collaboration"."""
    rivalry = _rivals_of(reader, tok, relation)
    if rivalry is not None:
        return rivalry
    sides = _clause_sides(reader, tok, relation, _named_sides(reader, tok))
    if len(sides) < 2 and tok.dep_ in ("dobj", "pobj", "nsubj", "attr"):
        return []
    return _tie_facts(reader, tok, relation, sides)


def _named_sides(reader, tok) -> list[Mention]:
    """The sides the noun phrase names: "between X and Y", "with Y", "China-South Africa cooperation"."""
    sides: list[Mention] = []
    for c in tok.children:
        if (c.dep_ == "prep" and c.lower_ in ("between", "with", "among", "against")) or (
                c.dep_ == "prep" and c.lower_ == "to" and tok.lemma_.lower() in SUPPORT_NOUNS):
            found = [m for p in c.children if p.dep_ == "pobj" for m in reader.args(p)]
            sides += found + (_stray_second_side(reader, c) if c.lower_ == "between" and len(found) == 1 else [])
    if tok.dep_ == "dobj" and not sides and tok.head.pos_ == "VERB":
        # "KASA will strengthen its alliance with NASA": "with" hung on the verb; the noun's owner is the
        # other side (its subject where the owner is a pronoun)
        sides = [m for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "with"
                 for p in c.children if p.dep_ == "pobj" for m in reader.args(p)]
        if sides:
            sides = [*(m for c in tok.children if c.dep_ == "poss" for m in reader.args(c)), *sides]
    # the modifiers before the noun: "China-South Africa space cooperation", "the NASA and CSA joint"
    for t in tok.subtree:
        if t.i < tok.i and (m := reader.mention_at(t.i)) is not None and m not in sides:
            sides.append(m)
    return sides


def _stray_second_side(reader, prep) -> list[Mention]:
    """"between a private company, SpaceIL, and state-owned IAI": the parser hung "and IAI" on the verb;
    "between" takes two sides, so the name right after the phrase's "and" is the second."""
    doc, i = prep.doc, prep.right_edge.i + 1
    while i < len(doc) and doc[i].is_punct:
        i += 1
    if i >= len(doc) or doc[i].lower_ != "and" or doc[i].head.i in range(prep.i, prep.right_edge.i + 1):
        return []
    for j in range(i + 1, min(i + 5, len(doc))):
        if (m := reader.mention_at(j)) is not None:
            return [m] if doc[j].dep_ == "conj" or doc[m.start].dep_ == "conj" or doc[j].head.dep_ == "conj" else []
    return []


def _rivals_of(reader, tok, relation: str) -> list[Fact] | None:
    """"Russia and China are rivals of the US", "the US imposed sanctions on Roscosmos"."""
    if relation != "rivalOf" or tok.dep_ not in ("attr", "dobj"):
        return None
    others = [m for h in (tok, tok.head) for c in h.children if c.dep_ == "prep"
              and c.lower_ in ("of", "on", "against") for p in c.children if p.dep_ == "pobj"
              for m in reader.args(p)]
    if not others:
        return None
    sides = [*reader.subject_of(tok.head), *others]
    return [Fact(a, "rivalOf", b, tok.i) for a in sides[:-len(others)] for b in others
            if reader.is_actor(a) and reader.is_actor(b) and a.entity.iri != b.entity.iri]


def _clause_sides(reader, tok, relation: str, sides: list[Mention]) -> list[Mention]:
    """The sides the clause around the noun adds: its subject, its object, the possessor."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ == "VERB" and not sides:
        # "Washington sees Beijing as its main rival", "regards Japan as a key partner"
        verb = tok.head.head
        sides = [*reader.subject_of(verb), *(m for c in verb.children if c.dep_ == "dobj" for m in reader.args(c))]
    sides = sorted((m for m in sides if reader.is_actor(m)), key=lambda m: m.start)
    # "NASA and ESA have finalized their collaboration": the owners are the clause's subjects
    if len(sides) < 2 and any(c.dep_ == "poss" and c.lower_ == "their" for c in tok.children):
        sides = [m for m in reader.subject_of(tok.head) if reader.is_actor(m)] or sides
        ending = VERB_RELATIONS.get(tok.head.lemma_.lower()) == "ended"  # (an ended tie is read by the verb)
        if len(sides) < 2 and not ending:  # "NASA asked ESA to ... to cement their partnership": the two before
            before = list(dict.fromkeys(m.entity.iri for m in reader.mentions if m.end <= tok.i and reader.is_actor(m)))
            sides = [next(m for m in reader.mentions if m.entity.iri == iri) for iri in before] \
                if len(before) == 2 else sides
    # "the US and China are locked in a space race": the clause's subjects are the sides
    if not sides and relation == "rivalOf" and tok.dep_ == "pobj" and tok.head.lower_ == "in" \
            and tok.head.head.pos_ in ("VERB", "AUX"):
        verb = tok.head.head
        sides = [m for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for m in reader.args(c)
                 if reader.is_actor(m)]
    # "in cooperation with X": the clause's subject is the other side
    if len(sides) == 1 and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "through"):
        verb = tok.head.head
        if verb.pos_ in ("VERB", "AUX"):
            sides = [*reader.subject_of(verb), *sides]
        else:  # "ESA's ExoMars programme, in partnership with Roscosmos": the owner of the noun
            sides = [*(m for c in verb.children if c.dep_ == "poss" for m in reader.args(c)), *sides]
    if tok.lemma_.lower() in SUPPORT_NOUNS and tok.dep_ == "dobj" and not sides:
        # "provided support to KARI", the parser hanging "to" on the verb
        sides = [m for c in tok.head.children if c.dep_ in ("dative", "prep") and c.lower_ in ("to", "for")
                 for p in c.children if p.dep_ == "pobj" for m in reader.args(p)]
    of_whole = any(not reader.is_actor(m) for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                   for p in c.children for m in reader.args(p))  # "partners of the Condor programme": members
    if tok.tag_ == "NNS" and tok.lemma_.lower() in ("partner", "rival", "adversary", "competitor") \
            and len(sides) < 2 and not of_whole:
        # "Peru and Chile are partners", "Peru is one of Chile's closest partners", "X and Y are adversaries"
        holders = reader.subject_of(tok.head) if tok.dep_ == "attr" else reader.one_of(tok)
        sides = [*(m for c in tok.children if c.dep_ == "poss" for m in reader.args(c)), *holders, *sides]
        sides = list(dict.fromkeys(m for m in sides if reader.is_actor(m)))
    if not sides and tok.dep_ == "dobj" and relation == "partnerOf" and tok.head.pos_ == "VERB":
        # "Peru and Chile sealed a partnership", "formed an alliance": the subjects are the sides
        subjects = [m for m in reader.subject_of(tok.head) if reader.is_actor(m)]
        sides = subjects if len(subjects) > 1 else sides
    if len(sides) == 1 and tok.dep_ == "dobj" and tok.head.pos_ in ("VERB", "AUX"):
        # "India has strong ties with Russia", "NASA provided support to KARI": the subject is the other side
        sides = [*(s for s in reader.subject_of(tok.head) if reader.is_actor(s)), *sides]
    return sides


def _tie_facts(reader, tok, relation: str, sides: list[Mention]) -> list[Fact]:
    """The tie between the sides, and what the partners run together."""
    facts = pairs([m for m in sides if reader.is_actor(m)], relation, tok.i)
    if relation == "partnerOf" and len(sides) > 1:
        reader.discourse.parties = sides[:2]
        facts += _signed_between(reader, tok, sides)
    # "MSR is a joint effort between NASA and ESA", "the mission, a collaboration between X and Y": both run it
    if relation == "partnerOf" and len(sides) > 1:
        named = {"attr": reader.subject_of, "appos": reader.args}.get(tok.dep_, lambda _: [])(tok.head)
        facts += [Fact(s, "operates", t, tok.i) for s in sides for t in named
                  if reader.is_a(t, "Undertaking", "Spacecraft")]
    # "their partnership at the ISS", "in the Condor programme": both take part in it
    facts += [Fact(s, "memberOf", m, tok.i) for c in tok.children if c.dep_ == "prep" and c.lower_ in ("at", "in")
              and relation == "partnerOf" and len(sides) > 1 for p in c.children if p.dep_ == "pobj"
              for m in reader.args(p) if reader.is_a(m, "SpaceStation", "Program") and not reader.is_actor(m)
              for s in sides]
    # "a collaboration between X and Y for the Chandrayaan-5 mission": both run it
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "on") and relation == "partnerOf" and len(sides) > 1:
            things = [m for p in c.children if p.dep_ == "pobj" for m in reader.args(p)
                      if reader.is_a(m, "Undertaking", "Spacecraft")]
            facts += [Fact(s, "operates", t, tok.i) for s in sides for t in things]
    if tok.dep_ == "dobj" and (tok.head.lemma_.lower() in INTENSIFYING
                               or VERB_RELATIONS.get(tok.head.lemma_.lower()) == "ended"):
        # "will strengthen its alliance with NASA", "would end its cooperation with Roscosmos on ExoMars":
        # the tie is there already, whatever the tense (its end is read by the verb)
        for fact in facts:
            fact.presupposed = True
    return facts


def _signed_between(reader, tok, sides: list[Mention]) -> list[Fact]:
    """"The agreement between ISRO and CNES covers ...": a definite agreement between parties is one
    they signed (an indefinite one may still be under talks)."""
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "their") for c in tok.children)
    if tok.lemma_.lower() not in AGREEMENT_NOUNS or not definite or tok.dep_ == "dobj":
        return []
    agreement = reader.described_agreement(tok, sides)
    if agreement is None:
        return []
    return [Fact(s, "signedAgreement", agreement, tok.i) for s in sides]  # as certain as its clause


def joint(reader, tok) -> list[Fact]:
    """"the NASA and CSA joint announcement": those who act jointly are partners."""
    sides = [m for t in tok.subtree if t.i < tok.i and (m := reader.mention_at(t.i)) is not None
             and reader.is_actor(m)]
    return pairs(list(dict.fromkeys(sides)), "partnerOf", tok.i)
