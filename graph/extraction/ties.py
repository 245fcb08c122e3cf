"""Ties between actors, partnerships and rivalries, said by verbs and by nouns.

Verbs (registered in :data:`graph.extraction.relations._RULES`): "X and Y signed up to work
together", "X is partnering with Y on the mission", "X hired Y", "X competes with Y", "X suspended
its cooperation with Y", "a law bars X from working with Y". Nouns:

"the partnership between X and Y", "X's cooperation with Y", "the Esa/Airbus collaboration", "the
NASA and CSA joint announcement", "Peru and Chile are partners", "Russia and China are rivals of
the US"; a definite agreement between parties is one they signed, and what partners do together
("a collaboration between X and Y for the Chandrayaan-5 mission") they run. Called from
:func:`graph.extraction.nominal.noun_facts`.
"""

from __future__ import annotations

from graph.extraction.clause import Clause, prepositions, verb_key
from graph.extraction.facts import Fact, pairs
from graph.extraction.kinds import KIND_CLASSES
from graph.extraction.lexicon import (
    AGREEMENT_NOUNS,
    NEGOTIATION_NOUNS,
    PARTNER_NOUNS,
    SERVICE_NOUNS,
    SUPPORT_NOUNS,
    VERB_RELATIONS,
)
from graph.extraction.mentions import Mention

# verbs that make a tie closer, which says it exists: "will strengthen its alliance with NASA"
INTENSIFYING = {"strengthen", "deepen", "expand", "enhance", "boost", "extend", "continue", "reinforce", "bolster",
                "broaden", "intensify", "renew", "step"}


def many_sided(reader, verb) -> bool:
    """Whether the clause's subject is a count of many ("Thirteen countries have signed ..., including
    Pakistan and Egypt"): those it names are co-signers, not one another's partners."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "NNS" and reader.mention_at(c.i) is None
               and any((n.like_num and n.lower_ not in ("two", "2")) or n.lower_ in ("many", "several", "dozens")
                       for n in c.children)
               for c in verb.children)


def sides(reader, tok, relation: str) -> list[Fact]:
    """"the partnership between X and Y", "X's cooperation with Y", "the Esa/Airbus collaboration"."""
    if relation == "partnerOf" and tok.dep_ == "dobj" and many_sided(reader, tok.head):
        return []
    rivalry = _rivals_of(reader, tok, relation)
    if rivalry is None and tok.lemma_.lower() == "sanction":
        rivalry = _sanctioned(reader, tok)
    if rivalry is not None:
        return rivalry
    sides = _clause_sides(reader, tok, relation, _named_sides(reader, tok))
    if len(sides) < 2 and tok.dep_ in ("dobj", "pobj", "nsubj", "attr"):
        return []
    # "Peru's cooperation with Chile and Bolivia", "a race with India and China": those listed after
    # "with" are each the other side, not sides of one another
    listed = {m.entity.iri for h in (tok, tok.head) for c in h.children if c.dep_ == "prep"
              and c.lower_ in ("with", "against", "from") for p in c.children if p.dep_ == "pobj"
              for x in (p, *p.conjuncts)
              for m in reader.args(x) + _owners_named(reader, x)}
    return [f for f in _tie_facts(reader, tok, relation, sides) if f.relation not in ("partnerOf", "rivalOf")
            or not {f.subject.entity.iri, f.object.entity.iri} <= listed]


def _named_sides(reader, tok) -> list[Mention]:
    """The sides the noun phrase names: "between X and Y", "with Y", "China-South Africa cooperation"."""
    sides: list[Mention] = []
    for c in tok.children:
        if (c.dep_ == "prep" and c.lower_ in ("between", "with", "among", "against")) or (
                c.dep_ == "prep" and c.lower_ == "to" and tok.lemma_.lower() in SUPPORT_NOUNS):
            found = [m for p in c.children if p.dep_ == "pobj" for m in reader.args(p)]
            sides += found + (_stray_second_side(reader, c) if c.lower_ == "between" and len(found) == 1 else [])

    if tok.lemma_.lower() in SUPPORT_NOUNS and tok.dep_ == "dobj":
        sides += _givers(reader, tok)
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


def _owners_named(reader, tok) -> list[Mention]:
    """Whose a word says it is: "ESA's ground stations" -> ESA."""
    return [o for c in tok.children if c.dep_ == "poss" for o in reader.args(c)]


def _givers(reader, tok) -> list[Mention]:
    """"ISRO received tracking support from ESA's ground stations" ("from" on the noun or on its verb):
    the receiver, then who gave it (the owners of what gave it)."""
    givers = [m for c in [*tok.children, *tok.head.children] if c.dep_ == "prep" and c.lower_ == "from"
              for p in c.children if p.dep_ == "pobj" for x in (p, *p.conjuncts)
              for m in ([a for a in reader.args(x) if reader.is_actor(a)]
                        or _owners_named(reader, x))]
    return [*reader.subject_of(tok.head), *givers] if givers else []


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
    # ("sanctions on Russia's space industry": on the industry's owner)
    others = [m for h in (tok, tok.head) for c in h.children if c.dep_ == "prep"
              and c.lower_ in ("of", "on", "against") for p in c.children if p.dep_ == "pobj"
              for m in (reader.args(p) or _owners_named(reader, p))]
    if not others:
        return None
    sides = [*reader.subject_of(tok.head), *others]
    return [Fact(a, "rivalOf", b, tok.i) for a in sides[:-len(others)] for b in others
            if reader.is_actor(a) and reader.is_actor(b) and a.entity.iri != b.entity.iri]


def _sanctioned(reader, tok) -> list[Fact] | None:
    """"Roscosmos halted launches in response to US sanctions", "sanctions imposed by the US": who
    imposes sanctions and who acts because of them are rivals."""
    by = [m for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")
          for m in (reader.args(c) or [p for p in [reader.people_of(c)] if p is not None])]  # "Chilean sanctions"
    by += [m for c in tok.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"
           for p in a.children for m in reader.args(p)]
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if tok.dep_ != "pobj" or verb is None or not by:
        return None
    hit = [m for m in reader.subject_of(verb) if reader.is_actor(m)]
    return [Fact(a, "rivalOf", b, tok.i) for a in hit for b in by
            if reader.is_actor(b) and a.entity.iri != b.entity.iri]


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
    # "a collaboration between X and Y for the Chandrayaan-5 mission": both run it (talks about it: not yet)
    for c in tok.children if tok.lemma_.lower() not in NEGOTIATION_NOUNS else []:
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
    # (so is one something was done under: "the seat was secured under an agreement between TUA and Axiom")
    acted_under = tok.dep_ == "pobj" and tok.head.lower_ in ("under", "through")
    if tok.lemma_.lower() not in AGREEMENT_NOUNS or not (definite or acted_under) or tok.dep_ == "dobj":
        return []
    agreement = reader.described_agreement(tok, sides)
    if agreement is None:
        return []
    return [Fact(s, "signedAgreement", agreement, tok.i) for s in sides]  # as certain as its clause


def joint(reader, tok) -> list[Fact]:
    """"the NASA and CSA joint announcement", "Inti, a joint mission between Peru and Chile": those who
    act jointly are partners, and run what the joint noun names."""
    sides = [m for t in tok.subtree if t.i < tok.i and (m := reader.mention_at(t.i)) is not None
             and reader.is_actor(m)]
    # "their joint campaign": those "their" stands for
    sides += [m for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON" for m in reader.args(c)
              if reader.is_actor(m)]
    sides += [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("between", "of", "by")
              for p in c.children if p.dep_ == "pobj" for m in reader.args(p) if reader.is_actor(m)]
    sides = list(dict.fromkeys(sides))
    facts = pairs(sides, "partnerOf", tok.i)
    if len(sides) > 1 and tok.lemma_.lower() in KIND_CLASSES:
        named = {"attr": reader.subject_of, "appos": reader.args}.get(tok.dep_, lambda _: [])(tok.head)
        facts += [Fact(s, "operates", t, tok.i) for s in sides for t in named
                  if reader.is_a(t, "Undertaking", "Spacecraft") and not reader.is_actor(t)]
    for fact in facts if tok.dep_ == "appos" else []:
        fact.presupposed = True  # "Inti, a joint mission of X and Y, will launch": they are partners now
    return facts


def together(clause: Clause) -> list[Fact]:
    """"ISRO and NASA are jointly developing NISAR", "Russia and China are building it together":
    those who act jointly are partners."""
    if not any(c.dep_ == "advmod" and c.lower_ in ("jointly", "together") for c in clause.verb.children) \
            and not clause.verb.lemma_.startswith("co-"):  # "are co-developing"
        return []
    actors = [s for s in clause.subjects() if clause.reader.is_actor(s)]
    return pairs(actors, "partnerOf", clause.verb.i) if len(actors) > 1 else []


def agree(clause: Clause) -> list[Fact]:
    """"China and Russia have agreed to build a station": those who agree together are partners."""
    subjects = [s for s in clause.subjects() if clause.reader.is_actor(s)]
    if any(c.dep_ == "advmod" and c.lower_ in ("also", "too", "separately", "individually", "each")
           for c in clause.verb.children):
        return []  # "Japan and Canada have also agreed to extend their participation": each for itself
    facts = pairs(subjects, "partnerOf", clause.verb.i) if len(subjects) > 1 else []
    if facts:
        clause.reader.discourse.parties = subjects[:2]
    return facts


def partner(clause: Clause) -> list[Fact]:
    v = clause.verb
    if v.lemma_ == "work" and not any(c.lower_ in ("together", "with") for c in [*v.children, *prepositions(v)]):
        return work_on(clause)  # ("working on the concept with Toyota" works with Toyota)
    subjects = clause.subjects()
    partners = clause.prep_objects("with", "alongside")
    facts = [Fact(s, "partnerOf", p, v.i) for s in subjects for p in partners]
    if not partners and len(subjects) > 1:
        facts += pairs(subjects, "partnerOf", v.i)
    if facts:
        clause.reader.discourse.parties = [facts[-1].subject, facts[-1].object]
    # "NASA is partnering with KARI on the mission": a partner takes part in the undertaking
    things = [m for m in clause.prep_objects("on", "in", "for", "under")
              if clause.reader.is_a(m, "Undertaking", "Spacecraft")]
    # "within the framework of the BRICS constellation, X and Y will collaborate"
    things += [m for c in v.children if c.dep_ == "prep" and c.lower_ in ("within", "under") for f in c.children
               if f.lemma_.lower() == "framework" for o in f.children if o.dep_ == "prep" and o.lower_ == "of"
               for p in o.children for m in clause.reader.args(p) if clause.reader.is_a(m, "Undertaking")]
    facts += [Fact(s, "memberOf", t, v.i) for s in subjects if clause.reader.is_actor(s) for t in things]
    return facts


def hire(clause: Clause) -> list[Fact]:
    """"NASA has selected SpaceX to build the lander", "ESA contracted Airbus": who hires an actor
    for a job works with it."""
    reader = clause.reader
    hired = [m for m in clause.patients() if reader.is_actor(m)]
    if verb_key(clause.verb) == "turn to":  # "OneWeb turned to ISRO and SpaceX"
        hired = [m for m in clause.prep_objects("to", "on") if reader.is_actor(m)]
    return [Fact(s, "partnerOf", h, clause.verb.i) for s in clause.subjects() if reader.is_actor(s)
            for h in hired if h.entity.iri != s.entity.iri]


def work_on(clause: Clause) -> list[Fact]:
    """"Emirati engineers are working on a second rover", "working toward Gaganyaan": what is being
    worked on is planned."""
    reader = clause.reader
    things = [m for m in clause.prep_objects("on", "toward", "towards") if reader.is_a(m, "Undertaking", "Spacecraft")]
    things += [d for c in clause.verb.children if c.dep_ == "prep" and c.lower_ == "on"
               for p in c.children if p.dep_ == "pobj" and (d := reader.described_hardware(p)) is not None]
    return [Fact(s, "plansMission", t, clause.verb.i) for s in clause.subjects() if reader.is_actor(s) for t in things]


def rival(clause: Clause) -> list[Fact]:
    v = clause.verb
    subjects = clause.subjects()
    others = clause.prep_objects("with", "against") + [m for m in clause.patients() if clause.reader.is_actor(m)]
    # "to counter China's growing influence": the owner of what is countered
    others += [m for t in clause.object_tokens() for c in t.children if c.dep_ == "poss"
               for m in clause.reader.args(c) if clause.reader.is_actor(m) and m not in others]
    # "OneWeb competes with SpaceX's Starlink network": the rival is who owns the competing thing
    others += [m for t in clause.prep_objects("with", "against") if not clause.reader.is_actor(t)
               for m in clause.reader.owners(t) if clause.reader.is_actor(m) and m not in others]
    facts = [Fact(s, "rivalOf", o, v.i) for s in subjects for o in others]
    if not others:
        facts += pairs(subjects, "rivalOf", v.i)
    return [f for f in facts if clause.reader.is_actor(f.subject) and clause.reader.is_actor(f.object)]


def ended(clause: Clause) -> list[Fact]:
    """"ESA suspended its cooperation with Roscosmos": a partnership that ended, and a rivalry."""
    v, reader = clause.verb, clause.reader
    if v.lemma_.lower() == "ban" and any(c.lower_ == "from" for c in v.children):
        return barred(clause)  # "banned NASA from working with China"
    left = clause.prep_objects("from")
    if not left and v.dep_ == "conj" and v.lemma_.lower() in ("withdraw", "leave", "quit", "exit"):
        left = Clause(v.head, reader).patients()  # "joined the ISS programme in 1997 but later withdrew"
    if v.lemma_.lower() == "withdraw" and (left := [m for m in left if reader.is_a(
            m, "Undertaking", "Agreement", "SpaceStation")]):
        # "Russia withdrew from the ISS programme": a membership that ended
        return [Fact(s, "memberOf", t, v.i, ended=True) for s in clause.subjects() if reader.is_actor(s) for t in left]
    about = [t for t in clause.object_tokens() if t.lemma_.lower() in PARTNER_NOUNS | {"work", "mission"}]
    if not about:
        return _ended_service(clause, [s for s in clause.subjects() if reader.is_actor(s)])
    subjects = [s for s in clause.subjects() if reader.is_actor(s)]
    others = [m for m in clause.prep_objects("with") if reader.is_actor(m)]
    if not others and any(c.dep_ == "det" and c.lower_ in ("this", "that", "the") for t in about for c in t.children):
        # "ESA terminated this collaboration": the partnership the article was about
        others = [p for p in reader.discourse.parties if all(p.entity.iri != s.entity.iri for s in subjects)]
    facts = []
    for s in subjects:
        for o in others:
            facts.append(Fact(s, "partnerOf", o, v.i, ended=True))
            facts.append(Fact(s, "rivalOf", o, v.i))
    return facts + _ended_service(clause, subjects)


def barred(clause: Clause) -> list[Fact]:
    """"The Wolf Amendment bars NASA from cooperating with China": cooperation forbidden by law or
    policy implies a rivalry (inferred) between the one barred and the other side."""
    v, reader = clause.verb, clause.reader
    # "bars NASA from", and in the passive "NASA is barred by law from"
    kept_out = [m for c in v.children if c.dep_ in ("dobj", "nsubjpass") for m in reader.args(c) if reader.is_actor(m)]
    acts = [p for c in v.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children
            if p.dep_ == "pcomp" and VERB_RELATIONS.get(verb_key(p)) == "partnerOf"]
    others = [m for a in acts for m in Clause(a, reader).prep_objects("with") if reader.is_actor(m)]
    # "bars NASA from most bilateral cooperation with Beijing": the tie named by a noun
    others += [m for c in v.children if c.dep_ == "prep" and c.lower_ == "from" for n in c.children
               if n.dep_ == "pobj" and n.lemma_.lower() in PARTNER_NOUNS for w in n.children
               if w.dep_ == "prep" and w.lower_ == "with" for p in w.children for m in reader.args(p)
               if reader.is_actor(m)]
    if not others:  # "China has banned NASA from using its samples": who bans an actor is its rival
        others = [s for s in clause.subjects() if reader.is_actor(s)] if not clause.passive else []
    return [Fact(b, "rivalOf", o, v.i) for b in kept_out for o in others if b.entity.iri != o.entity.iri]


def _ended_service(clause: Clause, providers: list[Mention]) -> list[Fact]:
    """"Roscosmos suspended launches of OneWeb satellites": the provider's service to the customer
    ended (a business tie, not by itself a rivalry)."""
    reader = clause.reader
    services = [t for t in clause.object_tokens() if t.lemma_.lower() in SERVICE_NOUNS]
    customers = [m for t in services for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children for x in [p, *p.children] if x.dep_ in ("pobj", "compound", "poss")
                 for m in reader.args(x) if reader.is_actor(m)]
    return [Fact(p, "partnerOf", c, clause.verb.i, ended=True) for p in providers for c in dict.fromkeys(customers)
            if p.entity.iri != c.entity.iri]
