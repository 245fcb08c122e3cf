"""What craft do: launches, crews aboard, landings, samples brought back, parts and wholes (what
a thing is and where it is: :mod:`graph.extraction.copula`).

These rules are registered with the others in :data:`graph.extraction.relations._RULES`.
"""

from __future__ import annotations

from graph.extraction.certainty import certainty
from graph.extraction.clause import Clause, verb_key
from graph.extraction.copula import SITES
from graph.extraction.facts import Fact
from graph.extraction.kinds import CRAFT_CLASSES, KIND_CLASSES
from graph.extraction.lexicon import (
    EVENT_NOUNS,
    GROUP_NOUNS,
    HARDWARE_NOUNS,
    MEMBER_NOUNS,
    PAYLOAD_NOUNS,
    PLACE_PREPS,
    SAMPLE_NOUNS,
    STAGE_NOUNS,
    VERB_RELATIONS,
)
from graph.extraction.mentions import Mention


def land(clause: Clause) -> list[Fact]:
    v, reader = clause.verb, clause.reader
    # "crashed before its scheduled landing in the Sea of Tranquility": the landing noun has the place
    # (and its own rule, with its own certainty)
    of_event = {t.i for c in v.children if c.dep_ == "prep" for n in c.children
                if n.dep_ == "pobj" and n.lemma_.lower() in EVENT_NOUNS for t in n.subtree}
    # ("touched down, triggering celebrations at mission control in Bengaluru": "touch down" takes no
    # object, so where the parser's object is says nothing of the landing)
    if any(c.dep_ == "prt" for c in v.children):
        of_event |= {t.i for o in clause.object_tokens() for t in o.subtree if t.i != o.i}
    places = [m for m in clause.prep_objects(*PLACE_PREPS) if reader.is_a(m, "Place", "CelestialBody", "Region")
              and not reader.is_a(m, "Country") and m.start not in of_event]
    landers = [s for s in clause.subjects() if not reader.is_a(s, "Person", "Program")]  # a programme lands nothing
    if not places and v.dep_ == "advcl" and v.head != v:
        # "India became the first to land near the south pole, as the Vikram lander touched down":
        # the lander touched down where the clause it explains says
        places = [m for x in v.head.subtree if x.lemma_.lower() in ("land", "touch") and x != v and x.pos_ == "VERB"
                  for m in Clause(x, reader).prep_objects(*PLACE_PREPS)
                  if reader.is_a(m, "Place", "CelestialBody", "Region") and not reader.is_a(m, "Country")]
    if not places:
        # "Japan's lunar lander SLIM touched down": a lunar lander lands on the Moon
        places = [b for s in landers for t in [reader.doc[s.end - 1], *reader.doc[s.end - 1].children]
                  if t.lemma_.lower() in ("lander", "probe", "rover", "spacecraft")
                  for b in [reader.body_named_by(t)] if b is not None]
    return [Fact(s, "landedOn", p, v.i) for s in landers for p in places if "earth" not in p.entity.iri]


def samples_returned(clause: Clause) -> list[Fact]:
    v, reader = clause.verb, clause.reader
    # "scooped up moon rocks and delivered them back to Earth": the samples of the first verb
    scope = v.head if v.dep_ == "conj" and any(c.lower_ == "them" for c in v.children) else v
    # "the material its Hayabusa2 probe brought back from Ryugu": the samples the clause describes
    described = v.dep_ == "relcl" and v.head.lemma_.lower() in SAMPLE_NOUNS
    # (the clause's own words, not those of a clause below it: "..., making Japan the first to bring back
    # material from an asteroid")
    own = [t for t in scope.subtree if next((a for a in t.ancestors if a.pos_ == "VERB"), scope) == scope]
    if not described and not any(t.lemma_.lower() in SAMPLE_NOUNS for t in own):
        return delivered(clause)
    sources = [m for m in clause.prep_objects("from") if reader.is_a(m, "CelestialBody", "Place", "Region")]
    # "brought back from Ryugu": "from" hung on "back"
    sources += [m for a in v.children if a.dep_ in ("advmod", "prt") for c in a.children if c.dep_ == "prep"
                and c.lower_ == "from" for p in c.children for m in reader.args(p) if reader.is_a(m, "CelestialBody")]
    for t in own:
        if t.lemma_.lower() in SAMPLE_NOUNS:
            sources += [m for c in t.children if c.dep_ == "prep" and c.lower_ == "from"
                        for p in c.children for m in reader.args(p)]
            # "moon rocks", "lunar soil"
            sources += [m for c in t.children if c.dep_ in ("compound", "amod", "nmod")
                        for m in reader.args(c) if reader.is_a(m, "CelestialBody", "Place")]
            sources += [b for b in [reader.body_named_by(t)] if b is not None]
    return [Fact(s, "returnedSamples", p, v.i) for s in clause.subjects() for p in sources
            if "earth" not in p.entity.iri]


def delivered(clause: Clause) -> list[Fact]:
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


def has_part(clause: Clause) -> list[Fact]:
    v, reader = clause.verb, clause.reader
    # "the Pragyan rover, housed inside Vikram" (also parsed as "the rover housed", active, no object)
    # ("the Vikram lander, carrying the Pragyan rover": an active participle, the noun carries)
    participle = (v.dep_ == "acl" and v.tag_ != "VBG") or (
        v.tag_ in ("VBD", "VBN") and not any(c.dep_ == "dobj" for c in v.children))
    if (clause.passive or participle) and v.lemma_.lower() in ("house", "carry", "integrate", "incorporate",
                                                               "release", "deploy"):
        # "an instrument carried on the lander", "the capsule, released by the OSIRIS-REx spacecraft"
        agents = [m for c in v.children if c.dep_ == "agent" for p in c.children for m in reader.args(p)]
        wholes = [m for m in clause.prep_objects("inside", "in", "within", "aboard", "on", "onboard") + agents
                  if reader.is_a(m, "Spacecraft", "Mission")]
        parts = clause.patients() if clause.passive else reader.args(v.head) if v.dep_ == "acl" else clause.subjects()
        return [Fact(p, "partOf", w, v.i) for p in parts if reader.is_a(p, "Spacecraft", "Instrument")
                and not reader.is_actor(p) for w in wholes if w.entity.iri != p.entity.iri]
    # (a rocket carries what it launches, not its parts: "the Falcon 9 lifted off, carrying the capsule")
    wholes = [s for s in clause.subjects() if reader.is_a(s, "Undertaking", "Spacecraft") and not a_rocket(reader, s)]
    if not wholes:
        # "the first version of the station will consist of ...": the whole of which a stage is named
        wholes = [m for c in v.children if c.dep_ == "nsubj" and c.lemma_.lower() in STAGE_NOUNS
                  for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children for m in reader.args(o) if reader.is_a(m, "Undertaking", "Spacecraft")]
    # "carries six instruments, five from South Korea and NASA's ShadowCam": the named parts in the object
    objects = clause.object_tokens() + [p for c in v.children if c.dep_ == "prep" and c.lower_ == "of"
                                        for p in c.children if p.dep_ == "pobj"]
    # (not what a relative clause about the object names: "six experiments for NASA, which paid ... under
    # its CLPS program")
    told = {t.i for o in objects for r in o.subtree if r.dep_ == "relcl" for t in r.subtree}
    parts = [m for o in objects for t in o.subtree if t.i not in told and (m := reader.mention_at(t.i)) is not None]
    parts = list(dict.fromkeys(parts))
    if wholes and not parts:  # "carries a high-precision cold atomic clock system": unnamed hardware
        parts = [d for o in objects for t in (o, *o.conjuncts) if (d := reader.described_hardware(t)) is not None]
    facts = [Fact(p, "partOf", w, v.i) for w in wholes for p in parts
             if reader.is_a(p, "Undertaking", "Spacecraft") and not reader.is_actor(p)]
    # "the ILRS now includes Venezuela": the actors an undertaking includes are its members
    # ("the crew includes Alper Gezeravci": a mission's crew are its members)
    if verb_key(v) in ("include", "comprise"):
        facts += [Fact(p, "memberOf", w, v.i) for w in wholes if reader.is_a(w, "Undertaking", "SpaceStation")
                  for p in parts if reader.is_actor(p) or (reader.is_a(p, "Person") and reader.is_a(w, "Mission"))]
    # "the mission carries instruments from France and Pakistan": those who send payloads take part
    payloads = [t for o in objects for t in (o, *o.conjuncts) if t.lemma_.lower() in PAYLOAD_NOUNS]
    # "from" on the payload, or on the verb where the parser hung it ("will carry instruments from Egypt")
    origins = [c for t in payloads for c in t.children] + ([c for c in v.children] if payloads else [])
    # (and "for": "carrying six experiments for NASA", whose payloads they are)
    senders = [m for c in origins if c.dep_ == "prep" and c.lower_ in ("from", "for")
               for p in c.children if p.dep_ == "pobj" for m in reader.args(p) if reader.is_actor(m)]
    # "carries four payloads, including an array provided by NASA": who provided one of them
    senders += [m for o in objects for t in o.subtree if t.dep_ == "acl" and t.lemma_.lower() in (
        "provide", "supply", "contribute", "build", "develop") for a in t.children if a.dep_ == "agent"
        for p in a.children for m in reader.args(p) if reader.is_actor(m)] if payloads or any(
        t.lemma_.lower() in PAYLOAD_NOUNS | HARDWARE_NOUNS for o in objects for t in o.subtree) else []
    # "carried six NASA payloads", "Japanese instruments": whose payloads they are
    senders += [m for t in payloads for c in t.children if c.dep_ in ("compound", "amod", "poss", "nmod")
                for m in [reader.mention_at(c.i) or reader.people_of(c)] if m is not None and reader.is_actor(m)]
    # (a rocket's customers are not members of it: "the Soyuz rocket carrying 36 OneWeb satellites")
    facts += [Fact(s, "memberOf", w, v.i) for w in wholes if not a_rocket(reader, w) for s in dict.fromkeys(senders)]
    # "the capsule landed in Utah, carrying samples from Bennu": it brought them back
    sources = [m for m in clause.prep_objects("from") if reader.is_a(m, "CelestialBody")] \
        if any(o.lemma_.lower() in SAMPLE_NOUNS for o in objects) else []
    facts += [Fact(w, "returnedSamples", b, v.i) for w in wholes for b in sources if "earth" not in b.entity.iri]
    groups = [g for c in v.children if c.dep_ == "nsubj" for g in _groups(reader, c)]
    if v.lemma_ in ("include", "comprise") or verb_key(v) == "include":
        # "the Condor programme includes Peru and Chile", "brings together": actors in it are members
        groups += [s for s in clause.subjects() if reader.is_a(s, "Program", "Agreement") and not reader.is_actor(s)]
    members = [m for o in clause.object_tokens() for m in reader.args(o)
               if reader.is_actor(m) or reader.is_a(m, "Person")]
    # "China's partners in the ILRS include Russia": partners of China too
    hosts = [h for c in v.children if c.dep_ == "nsubj" and c.lemma_.lower() == "partner"
             for p in c.children if p.dep_ == "poss" for h in reader.args(p) if reader.is_actor(h)]
    facts += [Fact(h, "partnerOf", m, v.i) for h in hosts for m in dict.fromkeys(members)
              if reader.is_actor(m) and m.entity.iri != h.entity.iri]
    # "French Guiana hosts Europe's spaceport": a place that hosts a site has it within
    places = [s for s in clause.subjects() if reader.is_a(s, "Place") and v.lemma_ in ("host", "house")]
    facts += [Fact(p, "locatedIn", s, v.i) for s in places for p in parts if reader.is_a(p, *SITES)
              and not reader.is_a(p, "Country") and p.entity.iri != s.entity.iri]
    return facts + [Fact(m, "memberOf", g, v.i) for g in groups for m in dict.fromkeys(members)]


def _groups(reader, noun) -> list[Mention]:
    """What a group noun is the group of: "the ISS partnership", "the Artemis II crew", "the crew of
    Artemis II", "partners in the Gateway"; "other members" are those of the undertaking the article
    is about."""
    word = noun.lemma_.lower()
    if word not in GROUP_NOUNS and word not in MEMBER_NOUNS:
        return []
    owners = [g for g in noun.children if g.dep_ in ("compound", "poss", "nmod")]
    owners += [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "on")
               for p in c.children if p.dep_ == "pobj"]
    wholes = [m for g in owners for m in reader.args(g) if reader.is_a(m, "Undertaking", "Spacecraft", "Agreement")]
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "its") for c in noun.children)
    if not wholes and not owners and ((word in MEMBER_NOUNS and noun.tag_ == "NNS") or definite):
        # "the crew" of the mission just named; "other members" of the undertaking
        topic = reader.topic("Mission") if word in ("crew", "team") else reader.topic("Undertaking", "Agreement")
        wholes = [topic] if topic is not None else []
    return wholes


def installed_on(clause: Clause) -> list[Fact]:
    """"The camera was installed on the lander"; "the Wentian module docked with the Tianhe core module":
    a module that docks becomes part of the station (a visiting craft does not)."""
    v, reader = clause.verb, clause.reader
    parts = clause.patients() if clause.passive else []
    wholes = clause.prep_objects("on", "onto", "aboard", "in", "into", "to")
    if v.lemma_.lower() in ("dock", "berth"):
        parts = [s for s in clause.subjects() if reader.doc[s.end - 1].lemma_.lower() == "module"]
        wholes = [m for m in clause.prep_objects("with", "to", "at") if reader.is_a(m, "SpaceStation")
                  or reader.doc[m.end - 1].lemma_.lower() == "module"]
    return [Fact(p, "partOf", w, v.i) for p in parts for w in wholes if reader.is_a(w, "Undertaking", "Spacecraft")]


def a_rocket(reader, m: Mention) -> bool:
    """A launch vehicle, or a name the text calls a rocket ("the Soyuz rocket")."""
    after = reader.doc[m.end] if m.end < len(reader.doc) else None
    words = [reader.doc[m.end - 1]] + ([after] if after is not None else [])
    return reader.is_a(m, "LaunchVehicle") or any(t.lemma_.lower() in ("rocket", "launcher") for t in words)


def launch(clause: Clause) -> list[Fact]:
    v, reader = clause.verb, clause.reader
    if v.lemma_.lower() in ("put", "place", "send") and not _into_orbit(v):
        return []  # "put the satellite into orbit" is a launch; "put forward a plan" is not
    things = [m for m in clause.patients() if reader.is_a(m, "Undertaking", "Spacecraft", "Agreement")]
    subjects = clause.subjects()
    facts = []
    if not any(reader.is_actor(s) for s in subjects):
        # "Hera launched on a SpaceX Falcon 9", "was launched by a SpaceX rocket": the rocket's operator
        craft = [m for m in reader.subject_of(v) + clause.patients() if reader.is_a(m, "Undertaking", "Spacecraft")
                 and not a_rocket(reader, m)]  # (the rocket that launches is not launched)
        vehicles = [c for c in v.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in
                                                                     ("on", "aboard", "atop"))]
        # the rocket's own words ("a SpaceX Falcon 9", "by a Rocket Lab Electron"), not the places after it
        # ("the debut flight of United Launch Alliance's Vulcan rocket": the rocket of the flight)
        rockets = [p for c in vehicles for p in c.children if p.dep_ == "pobj"]
        rockets += [r for p in rockets if p.lemma_.lower() in ("flight", "launch", "mission") for c in p.children
                    if c.dep_ == "prep" and c.lower_ == "of" for r in c.children if r.dep_ == "pobj"]
        words = [x for p in rockets for x in [p, *(x for t in p.children if t.dep_ in ("compound", "poss", "nmod",
                                                                                       "amod") for x in t.subtree)]]
        launchers = [m for x in words if (m := reader.mention_at(x.i)) is not None and reader.is_actor(m)
                     and not reader.is_a(m, "Country")]
        # "SpaceX, whose Falcon 9 rockets launched Euclid": the rocket that launches is its owner's
        launchers += [m for c in v.children if c.dep_ == "nsubj" and c.lemma_.lower() in ("rocket", "launcher")
                      for p in c.children if p.dep_ == "poss" for m in reader.args(p) if reader.is_actor(m)]
        # "ESA's Hera mission lifted off": with no rocket's operator named, the craft's owner launched it
        launchers = launchers or [o for c in craft for o in reader.owners(c)]
        if certainty(v) == "stated":
            facts += [Fact(s, "launched", c, v.i) for s in launchers[:1] for c in craft if c is not s]
            if not launchers:  # "Tianwen-1 was launched in 2020": by whom, the article may say elsewhere
                reader.discourse.unlaunched += [(c, reader.text, reader.offset) for c in craft]
        # "the Artemis II flight test will launch on the Space Launch System rocket": a mission's rocket
        # is part of it (a probe's is not part of the probe)
        rockets = [m for c in vehicles for p in c.children if p.dep_ == "pobj" for m in reader.args(p)
                   if reader.is_a(m, "LaunchVehicle")]
        facts += [Fact(r, "partOf", c, v.i) for r in rockets for c in craft if reader.is_a(c, "Mission")
                  and not reader.is_a(c, "Spacecraft")]
    # "SpaceX launched the Nova-C lander for Intuitive Machines": the customer runs the craft
    customers = [m for m in clause.prep_objects("for") if reader.is_actor(m)]
    facts += [Fact(c, "operates", t, v.i) for c in customers for t in things if reader.is_a(t, "Spacecraft")]
    if not things and certainty(v) in ("planned", "speculative"):
        # "the UAE will launch a mission to the asteroid belt": an unnamed undertaking, planned
        things = [d for t in clause.object_tokens() if t.lemma_.lower() in KIND_CLASSES
                  and (d := reader.described_thing(t)) is not None and " " in d.entity.label]
        purpose = next((c for c in v.children if c.dep_ == "advcl" and c.tag_ == "VB"
                        and any(a.lower_ == "to" for a in c.children)), None)
        kinds = [t for t in clause.object_tokens() if t.lemma_.lower() in KIND_CLASSES]
        if not things and kinds and purpose is not None:  # "launch a mission to collect samples from ..."
            things = [p for p in [reader.described_purpose(kinds[0], purpose)] if p is not None]
        if not things and kinds:
            # "launch a mission to the asteroid belt", the destination hung on the verb: the mission and it
            to = [c for c in v.children if c.dep_ == "prep" and reader.destination(c) and c.lower_ != "of"]
            words = [kinds[0].i] + [t.i for c in to[:1] for t in c.subtree]
            things = [reader.described(kinds[0].i, max(words) + 1, "Undertaking", reader.words_of(words))] if to else []
        if not things and kinds:
            things = [g for g in [reader.described_goal(v)] if g is not None]  # "launch a mission to the ..."
    if not things and certainty(v) == "stated":
        # "ISRO launched 36 OneWeb satellites": unnamed craft, named by their words ("OneWeb satellites")
        things = [d for t in clause.object_tokens() if KIND_CLASSES.get(t.lemma_.lower()) in CRAFT_CLASSES
                  and (d := reader.described_hardware(t)) is not None]
    for t in things:
        # a programme or an accord is launched as one starts it: its launcher runs it
        relation = "operates" if reader.is_a(t, "Program", "Agreement") else "launched"
        if relation == "launched" and certainty(v) in ("planned", "speculative") and not hired(v):
            relation = "plansMission"  # (a contractor hired to launch it launches it, it plans nothing)
        facts += [Fact(s, relation, t, v.i) for s in subjects if reader.is_actor(s)]
        if relation == "launched" and not customers:
            # "South Korea launched its first lunar mission, Danuri": a country or an agency launches
            # its own craft (a launch company, or a craft someone else owns, says nothing of who runs it)
            facts += [Fact(s, "operates", t, v.i) for s in subjects if reader.is_a(s, "Country", "SpaceAgency")
                      and all(o.entity.iri == s.entity.iri for o in reader.owners(t))]
    return facts


def hired(verb) -> bool:
    """Whether the verb is what someone was hired for: "NASA contracted SpaceX to launch Hera"."""
    governor = verb.head
    return verb.dep_ in ("xcomp", "advcl") and governor != verb and VERB_RELATIONS.get(verb_key(governor)) == "hired"


def _into_orbit(verb) -> bool:
    """Whether the verb sends something "into orbit" or "into space"."""
    return any(c.dep_ == "prep" and c.lower_ == "into" and any(p.lemma_.lower() in ("orbit", "space")
                                                               for p in c.children) for c in verb.children)


CREW_NOUNS = {"astronaut", "cosmonaut", "crew", "taikonaut", "gaganaut"}


def aboard(clause: Clause) -> list[Fact]:
    """"Saudi Arabia sent two astronauts aboard the Ax-2 mission", "they flew on the Ax-2 mission":
    those who send or fly people on a mission take part in it."""
    v, reader = clause.verb, clause.reader
    # (who flies a payload on a craft contributes to it: "Bolivia will fly an instrument on the lander")
    payload = any(t.lemma_.lower() in PAYLOAD_NOUNS for t in clause.object_tokens())
    missions = [m for m in clause.prep_objects("aboard", "on", "onboard")
                if reader.is_a(m, "Mission") or (payload and reader.is_a(m, "Spacecraft"))]
    # "Egypt will send its first astronaut to the ISS": a country with people on a station takes part in it
    crewed = any(t.lemma_.lower() in CREW_NOUNS for t in clause.object_tokens())
    missions += [m for m in clause.prep_objects("to") if crewed and reader.is_a(m, "SpaceStation")]
    members = [s for s in clause.subjects() if reader.is_actor(s) or reader.is_a(s, "Person")]
    # "will fly four astronauts from Turkey and Poland to the ISS": the astronauts' countries take part
    crews = [t for t in clause.object_tokens() if t.lemma_.lower() in CREW_NOUNS]
    members += [m for c in [*(c for t in crews for c in t.children), *(v.children if crews else ())]
                if c.dep_ == "prep" and c.lower_ == "from" for p in c.children for m in reader.args(p)
                if reader.is_actor(m)]
    # "Japanese astronaut Satoshi Furukawa flew on Crew-7": the astronaut's country takes part too
    members += [o for s in members if reader.is_a(s, "Person") for t in reader.doc[s.end - 1].subtree
                if (o := reader.mention_at(t.i)) is not None and o is not s and reader.is_actor(o)]
    facts = [Fact(s, "memberOf", m, v.i) for s in dict.fromkeys(members) for m in missions]
    # "Pakistan's iCube-Qamar flew aboard Chang'e-6", "the telescope will fly on the lander": a craft
    # carried by a mission or another craft is part of it
    carriers = missions + [m for m in clause.prep_objects("aboard", "on", "onboard") if reader.is_a(m, "Spacecraft")
                           and m not in missions]
    carried = [s for s in clause.subjects() if reader.is_a(s, "Spacecraft", "Instrument") and not reader.is_actor(s)]
    facts += [Fact(s, "partOf", m, v.i) for s in carried for m in carriers if m.entity.iri != s.entity.iri]
    # "Prince Sultan bin Salman flew on the space shuttle Discovery": a person aboard a craft is its crew
    facts += [Fact(p, "memberOf", m, v.i) for p in members if reader.is_a(p, "Person")
              for m in carriers if m not in missions and not a_rocket(reader, m)]
    # "Pakistan's ICUBE-Q cubesat flew aboard Chang'e 6": the craft's owner takes part in the mission
    facts += [Fact(o, "memberOf", m, v.i) for s in carried for o in reader.owners(s) for m in missions
              if o.entity.iri not in {x.entity.iri for x in reader.owners(m)}]
    if v.lemma_ == "send" and _into_orbit(v):
        facts += launch(clause)  # "Peru sent the Condor-3 probe into orbit"
    if v.lemma_ == "send" and certainty(v) in ("planned", "speculative"):
        # "the group would send up another probe": a craft still to be sent is a plan
        craft = [m for m in clause.patients() if reader.is_a(m, "Undertaking", "Spacecraft")]
        craft += [d for t in clause.object_tokens() if (d := reader.described_hardware(t)) is not None]
        facts += [Fact(s, "plansMission", c, v.i) for s in members if reader.is_actor(s) for c in craft]
    return facts


def lift_off(clause: Clause) -> list[Fact]:
    """"lifted off", "blasted off", "took off": a launch."""
    if not any(c.dep_ == "prt" and c.lower_ == "off" for c in clause.verb.children):
        return []
    return launch(clause)


def commands(clause: Clause) -> list[Fact]:
    """"Ax-2 is commanded by Peggy Whitson, with pilot John Shoffner": who commands or pilots a
    mission, and who flies with them, are its crew."""
    reader = clause.reader
    missions = [m for m in clause.patients() if reader.is_a(m, "Mission", "Spacecraft")]
    crew = [s for s in clause.subjects() if reader.is_a(s, "Person")]
    withs = [c for s in clause.subjects() for c in reader.doc[s.end - 1].children if c.dep_ == "prep"
             and c.lower_ == "with"]  # "commanded by X, with pilot Y", wherever "with" hangs
    crew += [m for m in clause.prep_objects("with") + [m for c in withs for p in c.children if p.dep_ == "pobj"
                                                      for m in reader.args(p)]
             if reader.is_a(m, "Person") and m not in crew]
    return [Fact(p, "memberOf", m, clause.verb.i) for p in crew for m in missions]


def serves_as(clause: Clause) -> list[Fact]:
    """"Starship will serve as the lunar lander for Artemis III": a craft serving a mission is part of it."""
    v, reader = clause.verb, clause.reader
    roles = [p for c in v.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    if not roles:
        return []
    wholes = [m for c in [*v.children, *(c for r in roles for c in r.children)] if c.dep_ == "prep"
              and c.lower_ == "for" for p in c.children for m in reader.args(p) if reader.is_a(m, "Undertaking")]
    return [Fact(s, "partOf", w, v.i) for s in reader.subject_of(v) if reader.is_a(s, "Spacecraft")
            and not reader.is_actor(s) for w in wholes if w.entity.iri != s.entity.iri]
