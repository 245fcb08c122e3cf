"""What a thing is and where it is: "X is part of Y", "Hera is an ESA mission", "X became a member
of Y", "X is located in Y", "ESA's headquarters are in Paris", "the probe entered orbit around
Mars", "the Hope probe has been orbiting Mars", "OSIRIS-REx arrived at Bennu". Read by
:func:`graph.extraction.relations.verb_facts` for the verbs that carry no relation of their own."""

from __future__ import annotations

from graph.extraction.clause import Clause
from graph.extraction.facts import Fact, pairs
from graph.extraction.kinds import KIND_CLASSES
from graph.extraction.lexicon import MEMBER_NOUNS, PART_NOUNS, PAYLOAD_NOUNS
from graph.extraction.mentions import Entity, Mention, new_entity

# the classes of things that are somewhere: "an island in", "a cosmodrome in"
SITES = ("Place", "Region", "SurfaceRegion", "Facility")


def copula_facts(clause: Clause) -> list[Fact]:
    """"X is part of Y", "X became a member of Y", "X, based in Y", "X is located in Y"."""
    facts = _what_it_is(clause) if clause.verb.lemma_.lower() in ("be", "become", "remain") else []
    return facts + _where_it_is(clause)


def _what_it_is(clause: Clause) -> list[Fact]:
    """"Hera is an ESA mission", "X is a member of Y", "X is responsible for Y"."""
    v, reader = clause.verb, clause.reader
    facts: list[Fact] = []
    # "Hera is a European Space Agency mission": the actor naming the kind runs the subject
    for attr in (c for c in v.children if c.dep_ == "attr" and c.lemma_.lower() in KIND_CLASSES):
        # "a joint Peru-Chile mission": every actor named in the modifiers; joint, they are partners too
        owners = list(dict.fromkeys(m for c in attr.children if c.dep_ in ("compound", "poss", "nmod")
                                    for t in c.subtree for m in reader.args(t) if reader.is_actor(m)))
        facts += [Fact(o, "operates", s, v.i) for o in owners for s in reader.subject_of(v)
                  if not reader.is_actor(s)]
        if any(c.lower_ == "joint" for c in attr.children):
            facts += pairs(owners, "partnerOf", v.i)
    for attr in (c for c in v.children if c.dep_ == "attr"):
        # "Glavkosmos is a Russian launch service provider": an organisation of that country
        countries = [m for c in attr.children if c.dep_ in ("amod", "compound", "nmod") and c.i < attr.i
                     for m in reader.args(c) if reader.is_a(m, "Country")]
        facts += [Fact(s, "basedIn", c, v.i) for s in reader.subject_of(v) if reader.is_actor(s)
                  and not reader.is_a(s, "Country") for c in countries]
    # "Kazakhstan is home to the Baikonur Cosmodrome": the site is there
    homes = [m for c in v.children if c.dep_ == "attr" and c.lower_ == "home" for x in c.children
             if x.dep_ == "prep" and x.lower_ == "to" for p in x.children for m in reader.args(p)]
    facts += [Fact(h, "locatedIn", s, v.i) for s in reader.subject_of(v) if reader.is_a(s, "Place")
              for h in homes if reader.is_a(h, *SITES) and h.entity.iri != s.entity.iri]
    # "Sriharikota is an island in Andhra Pradesh", "Baikonur is a cosmodrome in Kazakhstan"
    for attr in (c for c in v.children if c.dep_ == "attr" and KIND_CLASSES.get(c.lemma_.lower()) in SITES):
        places = [m for c in attr.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "near", "at")
                  for p in c.children if p.dep_ == "pobj" for m in reader.args(p) if reader.is_a(m, "Place")]
        facts += [Fact(s, "locatedIn", p, v.i) for s in reader.subject_of(v) if reader.is_a(s, "Place", "Facility")
                  and not reader.is_a(s, "Country") for p in places if p.entity.iri != s.entity.iri]
    # "X is a member of Y", "X is among the partners of Y"
    attrs = [c for c in v.children if c.dep_ == "attr"] + [p for c in v.children if c.dep_ == "prep"
                                                           and c.lower_ == "among" for p in c.children]
    for attr in (c for c in attrs if c.lemma_.lower() in MEMBER_NOUNS | PART_NOUNS):
        wholes = [m for c in attr.children if c.dep_ == "prep" and c.lower_ in ("of", "to", "in", "under")
                  for p in c.children if p.dep_ == "pobj" for m in reader.args(p)]
        for s in reader.subject_of(v):
            # "part" is said of both: an actor that is part of a whole is a member of it
            relation = "memberOf" if attr.lemma_.lower() not in PART_NOUNS or (
                attr.lemma_.lower() in MEMBER_NOUNS and reader.is_actor(s)) else "partOf"
            for w in wholes:
                # a signatory of an agreement, or an actor part of it, signed it
                signed = reader.is_a(w, "Agreement") and (
                    attr.lemma_.lower() in ("signatory", "signatories", "part", "party"))
                if reader.is_actor(s) == (relation == "memberOf"):
                    facts.append(Fact(s, "signedAgreement" if signed else relation, w, v.i))
    # "the agency is responsible for the Gaganyaan programme", "X is in charge of Y"
    duty = [p for c in v.children if c.dep_ == "acomp" and c.lower_ == "responsible"
            for x in c.children if x.dep_ == "prep" and x.lower_ == "for" for p in x.children]
    duty += [p for c in v.children if c.dep_ == "prep" and c.lower_ == "in" for ch in c.children
             if ch.lower_ == "charge" for x in ch.children if x.lower_ == "of" for p in x.children]
    things = [m for p in duty for m in reader.args(p) if reader.is_a(m, "Undertaking", "Spacecraft", "Facility")]
    facts += [Fact(s, "operates", t, v.i) for s in reader.subject_of(v) if reader.is_actor(s) for t in things]
    return facts


def _where_it_is(clause: Clause) -> list[Fact]:
    """"Tiangong is in low Earth orbit", "the probe entered orbit around Mars", "X is based in Y"."""
    v, reader = clause.verb, clause.reader
    facts: list[Fact] = []
    lemma = v.lemma_.lower()
    if lemma == "be" and not any(c.dep_ == "attr" for c in v.children):
        # "ESA's headquarters are in Paris": where the owner is based
        owners = [m for c in v.children if c.dep_ == "nsubj" and c.lower_ in ("headquarters", "hq")
                  for p in c.children if p.dep_ == "poss" for m in reader.args(p) if reader.is_actor(m)]
        facts += [Fact(o, "basedIn", p, v.i) for o in owners for p in Clause(v, reader).prep_objects("in")
                  if reader.is_a(p, "Place", "Country")]
        # "Tiangong is in low Earth orbit", "the lander is near the south pole": where a thing is
        places = [m for m in Clause(v, reader).prep_objects("in", "at", "on", "near", "around")
                  if reader.is_a(m, "Place", "CelestialBody", "Orbit", "Region")]
        # a craft "in China" is kept there, not located; a site or a place "in Kazakhstan" is
        facts += [Fact(s, "locatedIn", p, v.i) for s in reader.subject_of(v)
                  if reader.is_a(s, "Undertaking", "Spacecraft", "Facility", "Place") and not reader.is_actor(s)
                  for p in places if s.entity.iri != p.entity.iri
                  and (not reader.is_a(p, "Country") or reader.is_a(s, "Facility", "Place"))]
        # "the Rashid rover was aboard the Hakuto-R lander": carried, so part of it
        carriers = [m for m in Clause(v, reader).prep_objects("aboard", "onboard") if reader.is_a(m, "Spacecraft")]
        facts += [Fact(s, "partOf", c, v.i) for s in reader.subject_of(v) if reader.is_a(s, "Spacecraft")
                  and not reader.is_actor(s) for c in carriers if c.entity.iri != s.entity.iri]
        # "Payloads from France, Italy and Pakistan are onboard the Chang'e-6 mission": their senders take part
        missions = [m for m in Clause(v, reader).prep_objects("aboard", "onboard", "on")
                    if reader.is_a(m, "Mission", "Spacecraft") and not reader.is_a(m, "LaunchVehicle")]
        senders = [a for c in v.children if c.dep_ == "nsubj" and c.lemma_.lower() in PAYLOAD_NOUNS
                   for p in c.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children
                   if o.dep_ == "pobj" for a in reader.args(o) if reader.is_actor(a)]
        facts += [Fact(a, "memberOf", m, v.i) for a in senders for m in missions]
    if lemma in ("enter", "reach", "achieve", "attain"):
        # "the probe entered orbit around Mars": where the craft now is
        orbits = [m for m in Clause(v, reader).patients() if reader.is_a(m, "Orbit")]
        clause = Clause(v, reader)
        if not orbits and any(t.lemma_.lower() == "orbit" for t in clause.object_tokens()):
            # "will enter orbit around Mercury" (wherever "around" hangs): the body's orbit
            orbits = [_orbit_of(reader, b) for b in clause.prep_objects("around", "of")
                      if reader.is_a(b, "CelestialBody")]
        facts += [Fact(s, "locatedIn", o, v.i) for s in reader.subject_of(v)
                  if reader.is_a(s, "Undertaking", "Spacecraft") for o in orbits]
    if lemma in ("orbit", "circle") and v.pos_ == "VERB":
        # "the Hope probe has been orbiting Mars": it is in the orbit around Mars
        clause = Clause(v, reader)  # "orbits Mars", "orbits 400 kilometres above the Earth"
        bodies = [m for m in clause.patients() + clause.prep_objects("above", "around")
                  if reader.is_a(m, "CelestialBody")]
        facts += [Fact(s, "locatedIn", _orbit_of(reader, b), v.i) for s in reader.subject_of(v)
                  if reader.is_a(s, "Undertaking", "Spacecraft") for b in bodies]
    if lemma in ("arrive", "reach", "rendezvous"):
        # "OSIRIS-REx arrived at the asteroid Bennu": the craft is there
        clause = Clause(v, reader)
        bodies = [m for m in clause.patients() + clause.prep_objects("at") if reader.is_a(m, "CelestialBody")
                  and "earth" not in m.entity.iri]
        # "reached the lunar surface": it landed there
        relation = "landedOn" if any(t.lemma_.lower() in ("surface", "ground") for t in clause.object_tokens()) \
            else "locatedIn"
        facts += [Fact(s, relation, b, v.i) for s in reader.subject_of(v)
                  if reader.is_a(s, "Undertaking", "Spacecraft") for b in bodies]
    if lemma in ("base", "headquarter", "locate", "situate", "station", "sit", "lie", "stand"):
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
