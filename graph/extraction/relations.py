"""Relations from the dependency parse: who does what to whom, clause by clause.

Each verb of a sentence is read with its arguments: the subject (``nsubj``; in the passive the
``by`` agent, the patient being ``nsubjpass``), the objects (``dobj``, ``attr``) and the objects
of its prepositions. Arguments fan out over coordination ("X, Y and Z signed" is three signers)
and appositions; a clause without its own subject takes its governor's ("India became the fourth
country to land on the Moon": *land* takes *India*). The verb's lemma, looked up in
:data:`VERB_RELATIONS`, says which relation the arguments stand in; nouns carry relations too
("China's Chang'e 7", "the partnership between X and Y", "X's cooperation with Y").

The words are data (:mod:`graph.extraction.lexicon`): a verb or noun added there is a rule added.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.extraction.arguments import Clause
from graph.extraction.certainty import certainty
from graph.extraction.lexicon import (
    AGREEMENT_NOUNS,
    GROUP_NOUNS,
    MAKING_VERBS,
    MEMBER_NOUNS,
    MULTILATERAL,
    PART_NOUNS,
    PARTNER_NOUNS,
    PHRASAL,
    PLACE_PREPS,
    SAMPLE_NOUNS,
    SERVICE_NOUNS,
    STAGE_NOUNS,
    VERB_RELATIONS,
)
from graph.extraction.mentions import KIND_CLASSES, Entity, Mention, new_entity


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


def verb_key(tok) -> str:
    """The verb's entry in :data:`VERB_RELATIONS`: its lemma, or its base form where the lemmatizer
    stumbles ("installed" -> "instal")."""
    lemma = tok.lemma_.lower()
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    if (lemma, particle) in PHRASAL:
        return PHRASAL[(lemma, particle)]
    if lemma in VERB_RELATIONS:
        return lemma
    word = tok.lower_
    for suffix, base in (("ing", ""), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("d", "")):
        if word.endswith(suffix) and (word[: -len(suffix)] + base) in VERB_RELATIONS:
            return word[: -len(suffix)] + base
    return lemma


def verb_facts(reader) -> list[Fact]:
    """Relations that verbs carry, by their lemma (:data:`VERB_RELATIONS`)."""
    facts: list[Fact] = []
    for v in reader.doc:
        if v.pos_ not in ("VERB", "AUX") and not (v.pos_ == "NOUN" and v.dep_ == "ROOT"):
            continue
        relation = VERB_RELATIONS.get(verb_key(v))
        clause = Clause(v, reader)
        if relation is None:
            facts += _copula_facts(clause)
            continue
        facts += _RULES[relation](clause)
    return facts


def _agree(clause: Clause) -> list[Fact]:
    """"China and Russia have agreed to build a station": those who agree together are partners."""
    subjects = [s for s in clause.subjects() if clause.reader.is_actor(s)]
    facts = pairs(subjects, "partnerOf", clause.verb.i) if len(subjects) > 1 else []
    if facts:
        clause.reader.discourse.parties = subjects[:2]
    return facts


def _partner(clause: Clause) -> list[Fact]:
    v = clause.verb
    if v.lemma_ == "work" and not any(c.lower_ in ("together", "with") for c in v.children):
        return _work_on(clause)
    subjects = clause.subjects()
    partners = clause.prep_objects("with", "alongside")
    facts = [Fact(s, "partnerOf", p, v.i) for s in subjects for p in partners]
    if not partners and len(subjects) > 1:
        facts += pairs(subjects, "partnerOf", v.i)
    if facts:
        clause.reader.discourse.parties = [facts[-1].subject, facts[-1].object]
    # "NASA is partnering with KARI on the mission": a partner takes part in the undertaking
    things = [m for m in clause.prep_objects("on", "in", "for") if clause.reader.is_a(m, "Undertaking", "Spacecraft")]
    facts += [Fact(s, "memberOf", t, v.i) for s in subjects if clause.reader.is_actor(s) for t in things]
    return facts


def _work_on(clause: Clause) -> list[Fact]:
    """"Emirati engineers are working on a second rover": what is being worked on is planned."""
    reader = clause.reader
    things = [m for m in clause.prep_objects("on") if reader.is_a(m, "Undertaking", "Spacecraft")]
    things += [d for c in clause.verb.children if c.dep_ == "prep" and c.lower_ == "on"
               for p in c.children if p.dep_ == "pobj" and (d := reader.described_hardware(p)) is not None]
    return [Fact(s, "plansMission", t, clause.verb.i) for s in clause.subjects() if reader.is_actor(s) for t in things]


def _sign(clause: Clause) -> list[Fact]:
    v, reader = clause.verb, clause.reader
    signers = reader.represented(clause.subjects())
    # "Andean Space Agency chief Ana Ruiz signed": an unnamed signer acts for the organisation in its name
    signers += [m for c in clause.verb.children if c.dep_ == "nsubj" and reader.mention_at(c.i) is None
                for t in c.subtree if (m := reader.mention_at(t.i)) is not None and not reader.is_a(m, "Country")]
    if not clause.passive:
        signers += reader.represented([m for m in clause.prep_objects("with") if not reader.is_a(m, "Agreement")])
    signers += reader.represented(clause.prep_objects("behalf"))
    signers += [m for t in clause.object_tokens() for m in reader.agreement_parties(t)]
    recipients = []
    if v.lemma_ in ("award", "grant"):  # "ESA awarded a contract to Thales", "NASA awarded SpaceX a contract"
        recipients = [m for m in clause.prep_objects("to") if reader.is_actor(m)]
        recipients += [m for c in v.children if c.dep_ == "dative" for m in reader.args(c) if reader.is_actor(m)]
        signers += recipients
    signers = [s for s in dict.fromkeys(signers) if reader.is_actor(s)]
    if not signers and clause.passive:
        # "The formal agreement was signed on May 16": by the parties the article was just about
        signers = list(reader.discourse.parties)
    agreements = [m for m in clause.patients() if reader.is_a(m, "Agreement") and not _generic(reader, m)]
    if not agreements:
        agreements = [a for t in clause.object_tokens()
                      if (a := reader.described_agreement(t, signers, recipients)) is not None]
    if not agreements:
        return _copula_facts(clause)  # "reached lunar orbit" is no agreement
    facts = [Fact(s, "signedAgreement", a, v.i) for s in signers for a in agreements]
    facts += _contracted_work(clause, recipients)
    if len(signers) > 1:
        reader.discourse.parties = signers[:2]
    # Co-signers of a bilateral text are partners; of an open, many-sided one ("accords") not by that alone.
    if not any(MULTILATERAL & {t.lower_ for t in reader.doc[a.start:a.end]} for a in agreements):
        facts += pairs(signers, "partnerOf", v.i)
    return facts


def _contracted_work(clause: Clause, recipients: list[Mention]) -> list[Fact]:
    """"awarded SpaceX a contract to build a lunar lander": the recipient builds it."""
    reader = clause.reader
    work = [a for t in clause.object_tokens() for a in t.children if a.dep_ in ("acl", "relcl") and a.tag_ == "VB"]
    facts = []
    for verb in work:
        inner = Clause(verb, reader)
        things = [m for m in inner.patients() if reader.is_a(m, "Undertaking", "Facility", "Spacecraft")]
        things += [d for t in inner.object_tokens() if (d := reader.described_hardware(t)) is not None]
        facts += [Fact(r, "operates", t, verb.i) for r in recipients for t in things]
    return facts


def _generic(reader, m: Mention) -> bool:
    """A new entity named by kind words alone ("MoU", "the agreement") is not a name."""
    if m.entity.known:
        return False
    words = [t for t in reader.doc[m.start:m.end] if not t.is_punct and t.lower_ not in ("the", "a", "an", "of")]
    return all(t.lemma_.lower() in AGREEMENT_NOUNS | {"understanding", "cooperation", "intent", "joint"}
               for t in words)


def _member(clause: Clause) -> list[Fact]:
    v, reader = clause.verb, clause.reader
    if any(t.lemma_.lower() in ("hand", "force") for t in clause.object_tokens()):
        return _partner(clause)  # "India and Japan are joining hands", "X joined forces with Y"
    if v.lemma_ in ("contribute", "provide", "supply"):
        # "ISRO will contribute the lander", "ESA will provide the service module for Orion": who
        # contributes a craft builds it; what it is for is its whole
        parts = [m for m in clause.patients() if reader.is_a(m, "Spacecraft")]
        parts += [d for t in clause.object_tokens() if (d := reader.described_hardware(t)) is not None]
        wholes = [m for m in clause.prep_objects("for") if reader.is_a(m, "Undertaking", "Spacecraft")]
        wholes += [m for t in clause.object_tokens() for c in t.children if c.dep_ == "prep" and c.lower_ == "for"
                   for o in c.children for m in reader.args(o) if reader.is_a(m, "Undertaking", "Spacecraft")]
        if parts:
            return [Fact(s, "operates", p, v.i) for s in clause.subjects() if reader.is_actor(s) for p in parts] + [
                Fact(p, "partOf", w, v.i) for p in parts for w in wholes if w is not p]
    targets = clause.patients() if v.lemma_ in ("join", "rejoin") else []
    targets += clause.prep_objects("in", "to") if v.lemma_ in ("participate", "contribute", "accede") else []
    return [Fact(s, "memberOf", t, v.i) for s in clause.subjects() if reader.is_actor(s)
            for t in targets if not reader.is_actor(t) or reader.is_a(t, "Agreement")]


def _operate(clause: Clause) -> list[Fact]:
    v, reader = clause.verb, clause.reader
    things = [m for m in clause.patients() if reader.is_a(m, "Undertaking", "Facility", "Spacecraft")]
    if not things:
        things = [d for t in clause.object_tokens() if (d := reader.described_hardware(t)) is not None]
        if clause.passive and v.dep_ == "acl":
            # "the Artemis program, a lunar project led by NASA": the noun the participle describes
            noun = v.head
            named = reader.subject_of(noun.head) if noun.dep_ == "attr" else reader.args(noun)
            things += [m for m in named if reader.is_a(m, "Undertaking", "Facility", "Spacecraft")]
            things += [d for d in [reader.described_hardware(noun)] if d is not None and not named]
    # "agreed to construct a station", "will build a rover": what is still to be built is a plan.
    relation = "plansMission" if certainty(v) in ("planned", "speculative") and v.lemma_ in MAKING_VERBS else "operates"
    # "build an airlock for the Gateway": what it is built for is its whole
    wholes = [m for m in clause.prep_objects("for") if reader.is_a(m, "Undertaking", "Spacecraft")]
    makers = [s for s in clause.subjects() if reader.is_actor(s)]
    # "SpaceIL built the lander with Israel Aerospace Industries": the co-maker makes it too
    makers += [m for m in clause.prep_objects("with") if reader.is_actor(m) and v.lemma_ in MAKING_VERBS]
    return [Fact(s, relation, t, v.i) for s in makers for t in things] + [
        Fact(t, "partOf", w, v.i) for t in things for w in wholes if t is not w and not reader.is_a(t, "Facility")]


def _launch(clause: Clause) -> list[Fact]:
    v, reader = clause.verb, clause.reader
    things = [m for m in clause.patients() if reader.is_a(m, "Undertaking", "Spacecraft")]
    subjects = clause.subjects()
    facts = []
    if not any(reader.is_actor(s) for s in subjects):
        # "Hera launched on a SpaceX Falcon 9", "was launched by a SpaceX rocket": the rocket's operator
        craft = [m for m in reader.subject_of(v) + clause.patients() if reader.is_a(m, "Undertaking", "Spacecraft")]
        vehicles = [c for c in v.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in
                                                                     ("on", "aboard", "atop"))]
        launchers = [m for c in vehicles for t in c.subtree if (m := reader.mention_at(t.i)) is not None
                     and reader.is_actor(m) and not reader.is_a(m, "Country")]
        # "ESA's Hera mission lifted off": with no rocket's operator named, the craft's owner launched it
        launchers = launchers or [o for c in craft for o in reader.owners(c)]
        if certainty(v) == "stated":
            facts += [Fact(s, "launched", c, v.i) for s in launchers[:1] for c in craft if c is not s]
    # "SpaceX launched the Nova-C lander for Intuitive Machines": the customer runs the craft
    customers = [m for m in clause.prep_objects("for") if reader.is_actor(m)]
    facts += [Fact(c, "operates", t, v.i) for c in customers for t in things if reader.is_a(t, "Spacecraft")]
    for t in things:
        # a programme or an accord is launched as one starts it: its launcher runs it
        relation = "operates" if reader.is_a(t, "Program", "Agreement") else "launched"
        if relation == "launched" and certainty(v) in ("planned", "speculative"):
            relation = "plansMission"
        facts += [Fact(s, relation, t, v.i) for s in subjects if reader.is_actor(s)]
    return facts


def _leave(clause: Clause) -> list[Fact]:
    """"Russia will leave the ISS after 2024": a membership that ends."""
    reader = clause.reader
    left = [m for m in clause.patients() if reader.is_a(m, "Undertaking", "Agreement", "SpaceStation")]
    return [Fact(s, "memberOf", t, clause.verb.i, ended=True) for s in clause.subjects() if reader.is_actor(s)
            for t in left]


def _aboard(clause: Clause) -> list[Fact]:
    """"Saudi Arabia sent two astronauts aboard the Ax-2 mission", "they flew on the Ax-2 mission":
    those who send or fly people on a mission take part in it."""
    v, reader = clause.verb, clause.reader
    missions = [m for m in clause.prep_objects("aboard", "on", "onboard") if reader.is_a(m, "Mission")]
    # "Egypt will send its first astronaut to the ISS": a country with people on a station takes part in it
    crewed = any(t.lemma_.lower() in ("astronaut", "cosmonaut", "crew", "taikonaut") for t in clause.object_tokens())
    missions += [m for m in clause.prep_objects("to") if crewed and reader.is_a(m, "SpaceStation")]
    members = [s for s in clause.subjects() if reader.is_actor(s) or reader.is_a(s, "Person")]
    return [Fact(s, "memberOf", m, v.i) for s in members for m in missions]


def _lift_off(clause: Clause) -> list[Fact]:
    """"lifted off", "blasted off", "took off": a launch."""
    if not any(c.dep_ == "prt" and c.lower_ == "off" for c in clause.verb.children):
        return []
    return _launch(clause)


def _land(clause: Clause) -> list[Fact]:
    v, reader = clause.verb, clause.reader
    places = [m for m in clause.prep_objects(*PLACE_PREPS) if reader.is_a(m, "Place", "CelestialBody", "Region")
              and not reader.is_a(m, "Country")]
    landers = [s for s in clause.subjects() if not reader.is_a(s, "Person")]
    return [Fact(s, "landedOn", p, v.i) for s in landers for p in places if "earth" not in p.entity.iri]


def _return(clause: Clause) -> list[Fact]:
    v, reader = clause.verb, clause.reader
    # "scooped up moon rocks and delivered them back to Earth": the samples of the first verb
    scope = v.head if v.dep_ == "conj" and any(c.lower_ == "them" for c in v.children) else v
    if not any(t.lemma_.lower() in SAMPLE_NOUNS for t in scope.subtree):
        return _delivered(clause)
    sources = [m for m in clause.prep_objects("from") if reader.is_a(m, "CelestialBody", "Place", "Region")]
    for t in scope.subtree:
        if t.lemma_.lower() in SAMPLE_NOUNS:
            sources += [m for c in t.children if c.dep_ == "prep" and c.lower_ == "from"
                        for p in c.children for m in reader.args(p)]
            # "moon rocks", "lunar soil"
            sources += [m for c in t.children if c.dep_ in ("compound", "amod", "nmod")
                        for m in reader.args(c) if reader.is_a(m, "CelestialBody", "Place")]
    return [Fact(s, "returnedSamples", p, v.i) for s in clause.subjects() for p in sources
            if "earth" not in p.entity.iri]


def _delivered(clause: Clause) -> list[Fact]:
    """"It delivered the lander to the far side of the Moon": the craft landed there."""
    v, reader = clause.verb, clause.reader
    if v.lemma_ != "deliver":
        return []
    craft = [m for m in clause.patients() if reader.is_a(m, "Spacecraft", "Mission")]
    places = [m for m in clause.prep_objects("to", "onto", "on") if reader.is_a(m, "CelestialBody", "Place", "Region")
              and not reader.is_a(m, "Country", "Orbit") and "earth" not in m.entity.iri]
    facts = [Fact(c, "landedOn", p, v.i) for c in craft for p in places]
    if facts:
        facts += [Fact(s, "operates", c, v.i) for s in clause.subjects() if reader.is_actor(s) for c in craft]
    return facts


def _plan(clause: Clause) -> list[Fact]:
    v, reader = clause.verb, clause.reader
    planners = [s for s in clause.subjects() if reader.is_actor(s)]
    plans = [m for m in clause.patients() if reader.is_a(m, "Undertaking", "Spacecraft")]
    for x in v.children:
        if x.dep_ == "xcomp":
            inner = Clause(x, reader)
            plans += [m for m in inner.patients() + inner.prep_objects("with", "through", "under")
                      if reader.is_a(m, "Undertaking", "Spacecraft")]
            if not plans and (goal := reader.described_goal(x)) is not None:
                plans.append(goal)
    return [Fact(s, "plansMission", p, v.i) for s in planners for p in plans]


def _rival(clause: Clause) -> list[Fact]:
    v = clause.verb
    subjects = clause.subjects()
    others = clause.prep_objects("with", "against") + [m for m in clause.patients() if clause.reader.is_actor(m)]
    facts = [Fact(s, "rivalOf", o, v.i) for s in subjects for o in others]
    if not others:
        facts += pairs(subjects, "rivalOf", v.i)
    return [f for f in facts if clause.reader.is_actor(f.subject) and clause.reader.is_actor(f.object)]


def _ended(clause: Clause) -> list[Fact]:
    """"ESA suspended its cooperation with Roscosmos": a partnership that ended, and a rivalry."""
    v, reader = clause.verb, clause.reader
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


def _has_part(clause: Clause) -> list[Fact]:
    v, reader = clause.verb, clause.reader
    wholes = [s for s in clause.subjects() if reader.is_a(s, "Undertaking", "Spacecraft")]
    if not wholes:
        # "the first version of the station will consist of ...": the whole of which a stage is named
        wholes = [m for c in v.children if c.dep_ == "nsubj" and c.lemma_.lower() in STAGE_NOUNS
                  for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children for m in reader.args(o) if reader.is_a(m, "Undertaking", "Spacecraft")]
    # "carries six instruments, five from South Korea and NASA's ShadowCam": the named parts in the object
    objects = clause.object_tokens() + [p for c in v.children if c.dep_ == "prep" and c.lower_ == "of"
                                        for p in c.children if p.dep_ == "pobj"]
    parts = [m for o in objects for t in o.subtree if (m := reader.mention_at(t.i)) is not None]
    parts = list(dict.fromkeys(parts))
    facts = [Fact(p, "partOf", w, v.i) for w in wholes for p in parts
             if reader.is_a(p, "Undertaking", "Spacecraft") and not reader.is_actor(p)]
    # "the ISS partnership includes the US, Russia and Japan", "the Artemis II crew includes NASA astronauts"
    groups = [m for c in v.children if c.dep_ == "nsubj" and c.lemma_.lower() in GROUP_NOUNS
              for g in c.children if g.dep_ in ("compound", "poss", "nmod") for m in reader.args(g)
              if reader.is_a(m, "Undertaking", "Spacecraft", "Agreement")]
    members = [m for o in clause.object_tokens() for m in reader.args(o)
               if reader.is_actor(m) or reader.is_a(m, "Person")]
    return facts + [Fact(m, "memberOf", g, v.i) for g in groups for m in dict.fromkeys(members)]


def _installed_on(clause: Clause) -> list[Fact]:
    v, reader = clause.verb, clause.reader
    parts = clause.patients() if clause.passive else []
    wholes = clause.prep_objects("on", "onto", "aboard", "in", "into")
    return [Fact(p, "partOf", w, v.i) for p in parts for w in wholes if reader.is_a(w, "Undertaking", "Spacecraft")]


def _copula_facts(clause: Clause) -> list[Fact]:
    """"X is part of Y", "X became a member of Y", "X, based in Y", "X is located in Y"."""
    v, reader = clause.verb, clause.reader
    facts: list[Fact] = []
    lemma = v.lemma_.lower()
    if lemma in ("be", "become", "remain"):
        # "Hera is a European Space Agency mission": the actor naming the kind runs the subject
        for attr in (c for c in v.children if c.dep_ == "attr" and c.lemma_.lower() in KIND_CLASSES):
            owners = [m for c in attr.children if c.dep_ in ("compound", "poss", "nmod")
                      for m in reader.args(c) if reader.is_actor(m)]
            facts += [Fact(o, "operates", s, v.i) for o in owners for s in reader.subject_of(v)
                      if not reader.is_actor(s)]
        for attr in (c for c in v.children if c.dep_ == "attr"):
            # "Glavkosmos is a Russian launch service provider": an organisation of that country
            countries = [m for c in attr.children if c.dep_ in ("amod", "compound", "nmod") and c.i < attr.i
                         for m in reader.args(c) if reader.is_a(m, "Country")]
            facts += [Fact(s, "basedIn", c, v.i) for s in reader.subject_of(v) if reader.is_actor(s)
                      and not reader.is_a(s, "Country") for c in countries]
        for attr in (c for c in v.children if c.dep_ == "attr" and c.lemma_.lower() in MEMBER_NOUNS | PART_NOUNS):
            wholes = [m for c in attr.children if c.dep_ == "prep" and c.lower_ in ("of", "to", "in", "under")
                      for p in c.children if p.dep_ == "pobj" for m in reader.args(p)]
            relation = "partOf" if attr.lemma_.lower() in PART_NOUNS else "memberOf"
            for s in reader.subject_of(v):
                for w in wholes:
                    if reader.is_actor(s) == (relation == "memberOf"):
                        facts.append(Fact(s, relation, w, v.i))
    if lemma in ("enter", "reach", "achieve", "attain"):
        # "the probe entered orbit around Mars": where the craft now is
        orbits = [m for m in Clause(v, reader).patients() if reader.is_a(m, "Orbit")]
        facts += [Fact(s, "locatedIn", o, v.i) for s in reader.subject_of(v)
                  if reader.is_a(s, "Undertaking", "Spacecraft") for o in orbits]
    if lemma in ("orbit", "circle") and v.pos_ == "VERB":
        # "the Hope probe has been orbiting Mars": it is in the orbit around Mars
        bodies = [m for m in Clause(v, reader).patients() if reader.is_a(m, "CelestialBody")]
        facts += [Fact(s, "locatedIn", _orbit_of(reader, b), v.i) for s in reader.subject_of(v)
                  if reader.is_a(s, "Undertaking", "Spacecraft") for b in bodies]
    if lemma in ("arrive", "reach", "rendezvous"):
        # "OSIRIS-REx arrived at the asteroid Bennu": the craft is there
        clause = Clause(v, reader)
        bodies = [m for m in clause.patients() + clause.prep_objects("at") if reader.is_a(m, "CelestialBody")
                  and "earth" not in m.entity.iri]
        facts += [Fact(s, "locatedIn", b, v.i) for s in reader.subject_of(v)
                  if reader.is_a(s, "Undertaking", "Spacecraft") for b in bodies]
    if lemma in ("base", "headquarter", "locate", "situate", "station", "sit"):
        things = Clause(v, reader).patients() or reader.subject_of(v)
        places = Clause(v, reader).prep_objects("in", "at", "near", "on")
        for t in things:
            for p in places:
                if reader.is_a(p, "Place", "Country", "CelestialBody", "Orbit", "Region"):
                    relation = "basedIn" if reader.is_actor(t) else "locatedIn"
                    facts.append(Fact(t, relation, p, v.i))
    return facts


def _orbit_of(reader, body: Mention) -> Mention:
    """The catalog's orbit around a body ("orbit around Mars"), or a new one named after it."""
    label = body.entity.label
    iri = reader.linker.find(f"orbit around {label}") or reader.linker.find(f"orbit around the {label}")
    if iri is not None:
        return Mention(body.start, body.end, Entity(iri, reader.linker.entities[iri].label, "", True), "description",
                       set(body.tokens))
    return Mention(body.start, body.end, new_entity(f"{label} orbit", "Orbit", reader.text, reader.offset),
                   "description", set(body.tokens))


_RULES = {
    "partnerOf": _partner, "agree": _agree, "signedAgreement": _sign, "memberOf": _member, "operates": _operate,
    "launched": _launch, "liftOff": _lift_off, "aboard": _aboard, "landedOn": _land, "returnedSamples": _return,
    "plansMission": _plan, "rivalOf": _rival, "ended": _ended, "left": _leave, "hasPart": _has_part,
    "installedOn": _installed_on,
}
