"""Relations that nouns carry, without a verb of their own.

- possessives and naming compounds: "China's Chang'e 7", "the SpaceX Crew Dragon" (operates);
- "-led" compounds: "the NASA-led Artemis program" (operates);
- a place after a facility or a place: "Kennedy Space Center in Florida", "Siziwang Banner of the
  Inner Mongolia region" (locatedIn);
- nouns of partnership or rivalry with their sides (read in :mod:`graph.extraction.ties`);
- membership in an apposition: "NASA and Roscosmos, core partners of the space station";
- plans: "an ambitious plan for a Mars settlement by 2117" (plansMission).
"""

from __future__ import annotations

from graph.extraction.certainty import certainty
from graph.extraction.clause import prepositions
from graph.extraction.craft import a_rocket
from graph.extraction.facts import Fact, pairs
from graph.extraction.kinds import KIND_CLASSES
from graph.extraction.lexicon import (
    LIGHT_VERBS,
    MAKING_VERBS,
    MEMBER_NOUNS,
    PART_NOUNS,
    PARTICIPATION_NOUNS,
    PARTNER_NOUNS,
    PLAN_NOUNS,
    RIVAL_NOUNS,
    SITE_NOUNS,
    SUPPORT_NOUNS,
)
from graph.extraction.mentions import Mention
from graph.extraction.orbits import in_orbit
from graph.extraction.places import based, described_base, located, site
from graph.extraction.ties import joint, sides

# adjectives that put an undertaking ahead: "China's planned Chang'e-8 mission"
# participles that say who runs a thing: "a project led by NASA"
RUNNING_VERBS = {"lead", "run", "operate", "manage", "develop", "build", "head", "spearhead"}
# verbs that end what their object or subject names: "suspended its participation", "the membership ended"
ENDING = {"suspend", "end", "terminate", "halt", "freeze", "cease", "stop", "withdraw", "cancel", "revoke"}
FUTURE_WORDS = {"planned", "upcoming", "proposed", "future", "forthcoming", "next"}


def noun_facts(reader) -> list[Fact]:
    """Every relation the nouns of the sentence carry."""
    facts: list[Fact] = []
    for tok in reader.doc:
        owned = reader.mention_at(tok.i)
        head_of_mention = owned is not None and tok.i == owned.end - 1
        structural = []
        named = _appositive_of(reader, tok) if owned is None else None
        if owned is not None:
            structural += _possessed(reader, tok, owned)
        elif named is not None:
            structural += _possessed(reader, tok, named)  # "Luna-25, Russia's first lunar mission"
            structural += _run_by(reader, tok, named)  # "Hera, an ESA mission", "a joint mission of ESA and JAXA"
        if head_of_mention:
            structural += _named_by(reader, tok, owned) + located(reader, tok, owned) + _part_of(reader, tok, owned)
            structural += _described_nationality(reader, tok, owned)
        elif named is not None:
            structural += _part_of(reader, tok, named)  # "Pragyan, the rover of the Chandrayaan-3 mission"
        structural += _led(reader, tok, owned)
        if owned is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in SITE_NOUNS:
            structural += site(reader, tok)
        if tok.lower_ in ("based", "headquartered") and tok.dep_ == "amod":
            structural += based(reader, tok)
        structural += described_base(reader, tok)
        facts += in_orbit(reader, tok)
        structural += [Fact(f.subject, f.relation, other, f.at) for f in structural if f.relation == "operates"
                       and f.object is owned for other in _conjoined(reader, owned)]
        for fact in structural:
            fact.presupposed = True
        facts += structural
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and any(c.lower_ == "joint" and c.dep_ == "amod" for c in tok.children):
            facts += joint(reader, tok)  # "the NASA and CSA joint announcement"
        if tok.pos_ == "NOUN" and (lemma in PARTNER_NOUNS | SUPPORT_NOUNS or lemma in RIVAL_NOUNS):
            facts += sides(reader, tok, "rivalOf" if lemma in RIVAL_NOUNS else "partnerOf")
        if tok.pos_ == "NOUN" and lemma in MEMBER_NOUNS - {"part"} and tok.dep_ == "appos":
            facts += _members(reader, tok)
        if tok.pos_ == "NOUN" and lemma in PLAN_NOUNS:
            facts += _plan(reader, tok)
        if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.i == 0 and owned is None \
                and lemma in KIND_CLASSES:
            facts += _as_kind(reader, tok)
        if lemma == "mission" and owned is None and any(c.ent_type_ == "ORDINAL" for c in tok.children):
            facts += _nth_mission(reader, tok)
        if head_of_mention and tok.dep_ == "pobj" and tok.head.lower_ == "under":
            facts += _under(reader, tok, owned)
        if lemma == "part" and ((tok.dep_ == "pobj" and tok.head.lower_ == "as") or tok.dep_ == "appos"):
            facts += _as_part_of(reader, tok)
        if tok.pos_ == "NOUN" and lemma in PARTICIPATION_NOUNS:
            facts += _participation(reader, tok)
        if tok.pos_ == "NOUN" and lemma in ("launch", "landing", "touchdown", "soft-landing"):
            facts += _event_noun(reader, tok)
    return facts


def _appositive_of(reader, tok) -> Mention | None:
    """The mention a noun is in apposition to: "Luna-25, Russia's first lunar mission"; also where the
    parser hung the apposition on the verb ("focus on the Artemis program, a project led by NASA")."""
    if tok.dep_ not in ("appos", "npadvmod") or tok.pos_ != "NOUN":
        return None
    head = reader.mention_at(tok.head.i) if tok.dep_ == "appos" else None
    start = tok.left_edge.i
    if head is None and start > 1 and reader.doc[start - 1].text == ",":
        before = start - 2
        # "launched the Mengtian module on Monday, the third component of ...": over the time phrase
        while before > 0 and (reader.doc[before].ent_type_ in ("DATE", "TIME")
                              or (reader.doc[before].dep_ == "prep" and reader.doc[before + 1].ent_type_ == "DATE")):
            before -= 1
        return reader.mention_at(before)  # the name right before the comma
    return head


def _described_nationality(reader, tok, owned: Mention) -> list[Fact]:
    """"Japanese company ispace", "ispace, a Japanese firm", "Axiom Space, a Houston company": an
    organisation of that country or city."""
    if not reader.is_actor(owned) or reader.is_a(owned, "Country"):
        return []
    kinds = [c for c in tok.children if c.dep_ in ("compound", "appos") and c.pos_ == "NOUN"
             and reader.mention_at(c.i) is None]
    if tok.dep_ == "appos" and tok.head.pos_ == "NOUN" and reader.mention_at(tok.head.i) is None:
        kinds.append(tok.head)  # "Peruvian company Andean Dynamics", the name in apposition to the kind
    countries = [m for k in kinds for c in k.children if c.dep_ in ("amod", "compound", "nmod")
                 for m in [reader.mention_at(c.i) or reader.people_of(c)] if m is not None
                 and reader.is_a(m, "Place") and not reader.is_a(m, "CelestialBody")]  # "a Houston company"
    # "ispace, a startup from Japan"
    countries += [m for k in kinds for c in k.children if c.dep_ == "prep" and c.lower_ == "from"
                  for p in c.children for m in reader.args(p) if reader.is_a(m, "Country")]
    return [Fact(owned, "basedIn", c, tok.i) for c in dict.fromkeys(countries)]


def _as_kind(reader, tok) -> list[Fact]:
    """"As China's most complicated space project, the Chang'e 5 mission marks ...": the owner of
    what the subject is said to be runs the subject."""
    owners = [m for c in tok.children if c.dep_ == "poss" for m in reader.args(c) if reader.is_actor(m)]
    things = [m for m in reader.subject_of(tok.head.head) if reader.is_a(m, "Undertaking", "Spacecraft")
              and not reader.is_actor(m)]
    return [Fact(o, "operates", t, tok.i, presupposed=True) for o in owners for t in things]


def _nth_mission(reader, tok) -> list[Fact]:
    """"The fifth mission of the Chinese lunar exploration programme was launched", said of the
    mission the article is about: that mission is part of the programme."""
    programmes = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  for m in reader.args(p) if reader.is_a(m, "Program")]
    missions = [m for m in reader.args(tok) if reader.is_a(m, "Mission", "Spacecraft")] if programmes else []
    return [Fact(m, "partOf", p, tok.i, presupposed=True) for m in missions for p in programmes
            if m.entity.iri != p.entity.iri]


def _under(reader, tok, programme: Mention) -> list[Fact]:
    """"Peregrine carried five NASA instruments under the agency's CLPS programme": a craft or a mission
    that acts under a programme is part of it."""
    verb = tok.head.head
    if not reader.is_a(programme, "Program") or verb.pos_ not in ("VERB", "AUX"):
        return []
    return [Fact(m, "partOf", programme, verb.i) for m in reader.subject_of(verb)
            if reader.is_a(m, "Mission", "Spacecraft") and not reader.is_actor(m) and m.entity != programme.entity]


def _as_part_of(reader, tok) -> list[Fact]:
    """"Hansen was selected as part of the Artemis II mission": a member (a person, an actor) or a
    component (a craft) of the whole."""
    wholes = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
              if p.dep_ == "pobj" for m in reader.args(p) if reader.is_a(m, "Undertaking", "Spacecraft", "Agreement")]
    if tok.dep_ == "appos":
        members = reader.args(tok.head)  # "the Chang'e 5 mission, part of the lunar programme, ..."
    else:
        verb = tok.head.head
        if verb.pos_ not in ("VERB", "AUX"):
            return []
        members = reader.subject_of(verb) + [m for c in verb.children if c.dep_ == "nsubjpass"
                                             for m in reader.args(c)]
        if not members and verb.dep_ == "acl":
            # "Hansen, a CSA astronaut, is among the team selected as part of Artemis II": who is one of them
            members = reader.one_of(verb.head)
        # a person stands for the organisation named with them ("a Canadian Space Agency astronaut")
        members += [o for o in reader.represented(members) if o not in members and reader.is_actor(o)]
    out = []
    for m in dict.fromkeys(members):
        relation = "memberOf" if reader.is_actor(m) or reader.is_a(m, "Person") else "partOf"
        for w in wholes:
            if w is not m and (relation == "memberOf" or not reader.is_a(w, "Agreement")):
                signed = relation == "memberOf" and reader.is_a(w, "Agreement")  # a party to an accord signed it
                out.append(Fact(m, "signedAgreement" if signed else relation, w, tok.i))
    return out


def _event_noun(reader, tok) -> list[Fact]:
    """"China's launch of the Chang'e 6 probe", "Chandrayaan-3's landing near the south pole": the
    launch and the landing said as nouns."""
    def objects(*preps: str) -> list[Mention]:  # "the launch of X by Peru", wherever "by" hangs
        return [m for c in prepositions(tok) if c.lower_ in preps for p in c.children if p.dep_ == "pobj"
                for m in reader.args(p)]

    owners = [m for c in tok.children if c.dep_ == "poss" for m in reader.args(c)]
    craft = [m for m in owners + objects("of") if reader.is_a(m, "Undertaking", "Spacecraft")
             and not reader.is_actor(m)]
    # "the launch of X took place in 2024": the verb that says it happened says when
    at = tok.head.i if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ("take", "happen", "occur") else tok.i
    if tok.lemma_.lower() == "launch":
        launchers = [m for m in owners + objects("by") if reader.is_actor(m)]
        if not launchers and tok.dep_ == "pobj" and tok.head.lower_ in ("with", "through") \
                and (verb := _verb_above(tok.head)) is not None:
            # "China began building its outpost with the launch of Tianhe": who began it launched it
            launchers = [m for m in reader.subject_of(verb) if reader.is_actor(m)]
        return [Fact(a, "launched", c, at) for a in launchers for c in craft]
    if not craft and tok.dep_ == "pobj" and tok.head.lower_ in ("before", "during", "after", "ahead", "of") \
            and (verb := _verb_above(tok.head)) is not None:
        # "Luna-25 crashed before a planned touchdown near the south pole": the craft is the clause's
        craft = [m for m in reader.subject_of(verb) if reader.is_a(m, "Undertaking", "Spacecraft")
                 and not reader.is_actor(m)]
    places = _landing_places(reader, tok)
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in LIGHT_VERBS:
        # "Japan made a soft landing on the Moon": who makes the landing lands (a country too, as
        # in "the fourth country to land on the Moon")
        craft += [m for m in reader.subject_of(tok.head) if not reader.is_a(m, "Person") and m not in craft]
    if not places:
        # "SLIM landed on the Moon, making Japan the fifth country to achieve a soft landing": where the
        # landing the clause explains took place
        landing = next((a for a in tok.ancestors if a.lemma_.lower() in ("land", "touch") and a.pos_ == "VERB"), None)
        places = _landing_places(reader, landing) if landing is not None else []
    return [Fact(c, "landedOn", p, tok.i) for c in craft for p in places]


def _landing_places(reader, tok) -> list[Mention]:
    """Where a landing (noun or verb) took place: "landing on the Moon", "touched down near the pole"."""
    return [m for c in prepositions(tok) if c.lower_ in ("on", "near", "at", "in") for p in c.children
            if p.dep_ == "pobj" for m in reader.args(p) if reader.is_a(m, "Place", "CelestialBody", "Region")
            and not reader.is_a(m, "Country") and "earth" not in m.entity.iri]


def _verb_above(prep):
    """The verb a preposition hangs on, also through "ahead of"."""
    head = prep.head.head if prep.lower_ == "of" and prep.head.lower_ == "ahead" else prep.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _participation(reader, tok) -> list[Fact]:
    """"Japan's participation in the ISS", "South Africa's entry into the program"."""
    members = [m for c in tok.children if c.dep_ == "poss" for m in reader.args(c) if reader.is_actor(m)]
    if tok.dep_ == "dobj" and any(c.dep_ == "poss" and c.lower_ in ("their", "its") for c in tok.children):
        # "Japan and Canada agreed to extend their participation": the owners are the clause's subjects
        members = [m for m in reader.subject_of(tok.head) if reader.is_actor(m)] or members
    # the preposition may hang on the verb: "solidified NASA's contributions to the project"
    holders = [tok, tok.head] if tok.dep_ == "dobj" else [tok]
    # ("a seat on the Artemis II mission", "aboard the station")
    preps = ("in", "into", "to", "of") + (("on", "aboard") if tok.lemma_.lower() == "seat" else ())
    wholes = [m for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in preps
              for p in c.children if p.dep_ == "pobj" for m in reader.args(p) if not reader.is_actor(m)]
    if not members and tok.dep_ == "dobj":
        members = [m for m in reader.subject_of(tok.head) if reader.is_actor(m)]  # "suspended its participation"
    if not members and tok.tag_ == "NNS" and tok.dep_ == "pobj" and tok.head.lower_ == "with":
        # "The mission is a collaboration of NASA and ESA, with contributions from JAXA": to the subject
        members = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children
                   for m in reader.args(p) if reader.is_actor(m)]
        verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        wholes = wholes or [m for m in (reader.subject_of(verb) if verb is not None else [])
                            if reader.is_a(m, "Undertaking", "Spacecraft") and not reader.is_actor(m)]
    if not wholes and members and tok.dep_ == "dobj" and any(c.dep_ == "poss" for c in tok.children):
        # "Japan agreed to extend its participation": in what the article is about, its latest undertaking
        topic = reader.discourse.latest(reader.linker, ("SpaceStation", "Program", "Mission"))
        wholes = [Mention(tok.i, tok.i + 1, topic, "pronoun", {tok.i})] if topic is not None else []
    # "Bolivia suspended its participation in", "Peru's membership of the programme ended": it ended
    ended = tok.head.lemma_.lower() in ENDING and tok.dep_ in ("dobj", "nsubj", "nsubjpass")
    at = tok.head.i if ended else tok.i  # the ending verb says when: "ended in 2021"
    return [Fact(m, "memberOf", w, at, ended=ended) for m in members for w in wholes]


def _possessed(reader, tok, owned: Mention) -> list[Fact]:
    """"China's Chang'e 7": the possessor operates the thing; "Japan's ispace": is based there;
    "Chandrayaan-3's Vikram lander": the lander is part of the mission."""
    out = []
    possessors = list(tok.children)
    if tok.dep_ == "appos" and tok.head.lemma_.lower() in KIND_CLASSES and reader.mention_at(tok.head.i) is None:
        possessors += list(tok.head.children)  # "its core module, Tianhe": the kind's possessor owns the name
    for c in possessors:
        if c.dep_ != "poss" or reader.mention_at(c.i) is owned:
            continue
        for owner in reader.args(c):
            if reader.is_actor(owned) and reader.is_a(owner, "Country") and not reader.is_a(owned, "Country"):
                out.append(Fact(owned, "basedIn", owner, tok.i))
            elif reader.is_actor(owned) and reader.is_a(owner, "SpaceAgency") \
                    and not reader.is_a(owned, "Country", "SpaceAgency", "Company"):
                out.append(Fact(owner, "operates", owned, tok.i))  # "NASA's Jet Propulsion Laboratory"
            elif reader.is_a(owner, "Country") and reader.is_a(owned, "Facility", "Place"):
                out.append(Fact(owned, "locatedIn", owner, tok.i))  # "Japan's Tanegashima Space Center"
            elif reader.is_actor(owner) and not reader.is_actor(owned):
                if _to_be_made(tok):
                    continue  # "to build its own station": a plan (read by the verb), not a station it runs
                out.append(Fact(owner, "operates", owned, tok.i))
                if any(c.dep_ == "amod" and c.lower_ in FUTURE_WORDS for c in possessors):
                    out.append(Fact(owner, "plansMission", owned, tok.i))  # "China's planned Chang'e-8 mission"
            elif reader.is_a(owner, "Undertaking", "Spacecraft") and reader.is_a(owned, "Undertaking", "Spacecraft") \
                    and not a_rocket(reader, owner):  # (a rocket owns nothing it carries)
                out.append(Fact(owned, "partOf", owner, tok.i))
    return out


def _to_be_made(tok) -> bool:
    """Whether the noun is what a planned clause is to make: "will build its own station"."""
    verb = tok.head
    return tok.dep_ == "dobj" and verb.lemma_.lower() in MAKING_VERBS and certainty(verb) in ("planned", "speculative")


def _part_of(reader, tok, part: Mention) -> list[Fact]:
    """"the Vikram lander of the Chandrayaan-3 mission", "Perseverance, the centrepiece of the Mars 2020
    mission": a craft's part named with its whole."""
    if tok.lemma_.lower() not in KIND_CLASSES.keys() | PART_NOUNS or not reader.is_a(part, "Spacecraft", "Instrument") \
            or reader.is_actor(part):
        return []
    wholes = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
              if p.dep_ == "pobj" for m in reader.args(p) if reader.is_a(m, "Undertaking", "Spacecraft")]
    return [Fact(part, "partOf", w, tok.i) for w in wholes if w.entity.iri != part.entity.iri]


def _run_by(reader, tok, named: Mention) -> list[Fact]:
    """A kind noun said of a named thing, with the actors that run it: "Hera, an ESA mission",
    "BepiColombo, a joint mission of ESA and JAXA" (joint: the runners are partners too)."""
    if tok.lemma_.lower() not in KIND_CLASSES or reader.is_actor(named) or not reader.is_a(
            named, "Undertaking", "Spacecraft"):
        return []
    # "a joint NASA-ISRO satellite": every actor named in the modifiers
    runners = [m for c in tok.children if c.dep_ in ("compound", "nmod", "amod") for t in c.subtree
               if (m := reader.mention_at(t.i)) is not None]
    runners += [m for c in tok.children if c.dep_ in ("compound", "nmod", "amod") for m in reader.args(c)]
    runners += [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "by") for p in c.children
                if p.dep_ == "pobj" for m in reader.args(p)]
    # "a lunar exploration project led by NASA"
    runners += [m for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in RUNNING_VERBS
                for a in c.children if a.dep_ == "agent" for p in a.children for m in reader.args(p)]
    runners = list(dict.fromkeys(m for m in runners if reader.is_actor(m)))
    facts = [Fact(r, "operates", named, tok.i) for r in runners]
    if len(runners) > 1 and any(c.lower_ == "joint" for c in tok.children):
        facts += pairs(runners, "partnerOf", tok.i)
    return facts


def _conjoined(reader, m: Mention) -> list[Mention]:
    """The mentions coordinated with ``m`` that have no possessive of their own: in "China's Chang'e 7
    and Chang'e 8 missions" China's owns both."""
    return [other for other in reader.conjoined(m)
            if not any(c.dep_ == "poss" for i in other.tokens for c in reader.doc[i].children)]


def _named_by(reader, tok, owned: Mention) -> list[Fact]:
    """"the SpaceX Crew Dragon", "an ISRO mission": an organisation naming what it runs."""
    out = []
    modifiers = [c for t in reader.doc[owned.start:owned.end] for c in t.children if c.i not in owned.tokens]
    for c in modifiers:
        owner = reader.mention_at(c.i) if c.dep_ in ("compound", "nmod", "amod") else None
        # a country named in a craft's name did not always build it ("the European Service Module"), but
        # a national programme is the country's own ("the Chinese lunar exploration programme")
        if owner is not None and owner is not owned and reader.is_actor(owner) \
                and (not reader.is_a(owner, "Country") or reader.is_a(owned, "Program")) \
                and reader.is_a(owned, "Undertaking", "Spacecraft"):
            out.append(Fact(owner, "operates", owned, tok.i))
    return out


def _led(reader, tok, owned: Mention | None) -> list[Fact]:
    """"the NASA-led Artemis program"."""
    if tok.lower_ not in ("led", "run", "operated", "built", "developed", "made", "designed", "manufactured",
                          "leased") or tok.dep_ != "amod" or owned:
        return []
    target = reader.mention_at(tok.head.i)
    if target is None:
        return []
    return [Fact(owner, "operates", target, tok.i) for c in tok.children for owner in reader.args(c)]


def _members(reader, tok) -> list[Fact]:
    """"NASA and Roscosmos, core partners of the space station"."""
    holders = [m for m in reader.args(tok.head) if reader.is_actor(m)]
    wholes = [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "to")
              for p in c.children if p.dep_ == "pobj" for m in reader.args(p) if not reader.is_actor(m)]
    facts = [Fact(h, "signedAgreement" if reader.is_a(w, "Agreement") else "memberOf", w, tok.i)
             for h in holders for w in wholes]
    if tok.lemma_.lower() == "partner":
        facts += pairs(holders, "partnerOf", tok.i)
    return facts


def _made(reader, verb) -> Mention | None:
    """"ambitions to build its own space station": the thing to be made, named or described."""
    if verb.lemma_.lower() not in MAKING_VERBS:
        return None
    objects = [o for o in verb.children if o.dep_ == "dobj"]
    named = [m for o in objects for m in reader.args(o) if reader.is_a(m, "Undertaking", "Spacecraft")]
    described = [d for o in objects if o.lemma_.lower() in KIND_CLASSES and (d := reader.described_thing(o))
                 and " " in d.entity.label]
    return next(iter(named + described), None)


def _plan(reader, tok) -> list[Fact]:
    """"The UAE Space Agency has a plan for a Mars settlement", "NASA's plans for the Gateway"."""
    planners = [m for c in tok.children if c.dep_ == "poss" for m in reader.args(c) if reader.is_actor(m)]
    if not planners and tok.dep_ in ("dobj", "attr"):
        planners = [m for m in reader.subject_of(tok.head) if reader.is_actor(m)]
    # "India announced plans to send an astronaut to the Moon": the infinitive is the plan
    plans = [g for c in tok.children if c.dep_ == "acl" and c.tag_ == "VB" and (g := _made(reader, c)
                                                                               or reader.described_goal(c))]
    if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
        # "NASA's plan is to have a permanent presence near the Moon": the infinitive is the plan
        plans += [g for x in tok.head.children if x.dep_ in ("xcomp", "ccomp")
                  and (g := reader.described_goal(x)) is not None]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "to"):
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                named = [m for m in reader.args(p) if reader.is_a(m, "Undertaking", "Spacecraft")]
                plans += named or [g for g in [reader.described_thing(p)] if g is not None]
    # "has a plan for a Mars settlement by 2117": the date may hang on the verb that has the plan
    at = tok.head.i if tok.dep_ in ("dobj", "attr") and tok.head.lemma_.lower() in ("have", "be", "unveil",
                                                                                    "announce", "present") else tok.i
    return [Fact(s, "plansMission", p, at) for s in planners for p in plans]
