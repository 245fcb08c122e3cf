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

from graph.extraction.certainty import certainty
from graph.extraction.clause import Clause, misparsed_infinitive, verb_key
from graph.extraction.copula import copula_facts
from graph.extraction.craft import (
    aboard,
    commands,
    has_part,
    hired,
    installed_on,
    land,
    launch,
    lift_off,
    samples_returned,
    serves_as,
)
from graph.extraction.facts import Fact, pairs
from graph.extraction.kinds import KIND_CLASSES
from graph.extraction.lexicon import (
    AGREEMENT_NOUNS,
    ENDING_VERBS,
    MAKING_VERBS,
    MULTILATERAL,
    VERB_RELATIONS,
)
from graph.extraction.mentions import Mention
from graph.extraction.ties import agree, barred, ended, hire, many_sided, partner, rival, together


def verb_facts(reader) -> list[Fact]:
    """Relations that verbs carry, by their lemma (:data:`VERB_RELATIONS`)."""
    facts: list[Fact] = []
    for v in reader.doc:
        if v.pos_ not in ("VERB", "AUX") and not (v.pos_ == "NOUN" and v.dep_ == "ROOT") \
                and not misparsed_infinitive(v):
            continue
        relation = VERB_RELATIONS.get(verb_key(v))
        if v.lemma_.lower() == "enter" and any(c.lower_ == "into" for c in v.children):
            relation = "signedAgreement"  # "entered into an agreement with"
        clause = Clause(v, reader)
        # ("Japan and India will jointly explore the south pole": whatever they do together, they are partners)
        if relation is None:
            facts += copula_facts(clause) + together(clause)
            continue
        facts += _RULES[relation](clause) + together(clause)
    return facts


def _sign(clause: Clause) -> list[Fact]:
    v, reader = clause.verb, clause.reader
    signers = reader.represented(clause.subjects())
    # "Andean Space Agency chief Ana Ruiz signed": an unnamed signer acts for the organisation in its name
    signers += [m for c in clause.verb.children if c.dep_ == "nsubj" and reader.mention_at(c.i) is None
                for t in c.subtree if (m := reader.mention_at(t.i)) is not None and not reader.is_a(m, "Country")]
    # "after its government signed a memorandum": the latest country named before it
    signers += [m for c in clause.verb.children if c.dep_ == "nsubj" and c.lemma_.lower() == "government"
                and any(p.dep_ == "poss" and p.pos_ == "PRON" for p in c.children)
                for m in [reader.topic("Country", before=c.i)] if m is not None]
    if not clause.passive:
        signers += reader.represented([m for m in clause.prep_objects("with") if not reader.is_a(m, "Agreement")])
    signers += reader.represented(clause.prep_objects("behalf", "between", "among"))
    documents = _documents(clause)
    signers += [m for t in documents for m in reader.agreement_parties(t)]
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
        agreements = [a for t in documents if (a := reader.described_agreement(t, signers, recipients)) is not None]
    if not agreements:
        return copula_facts(clause)  # "reached lunar orbit" is no agreement
    facts = [Fact(s, "signedAgreement", a, v.i) for s in signers for a in agreements]
    facts += _contracted_work(clause, recipients)
    if len(signers) > 1:
        reader.discourse.parties = signers[:2]
    # Co-signers of a bilateral text are partners; of an open, many-sided one ("accords") not by that alone.
    if not any(MULTILATERAL & {t.lower_ for t in reader.doc[a.start:a.end]} for a in agreements) \
            and not many_sided(reader, v):
        facts += pairs(signers, "partnerOf", v.i)
    return facts


def _documents(clause: Clause) -> list:
    """The tokens naming what was signed: the object, "entered into an agreement", or the noun a
    participle describes ("an agreement signed between X and Y")."""
    v = clause.verb
    into = [p for c in v.children if c.dep_ == "prep" and c.lower_ == "into" for p in c.children if p.dep_ == "pobj"]
    described = [v.head] if v.dep_ == "acl" and v.head.lemma_.lower() in AGREEMENT_NOUNS else []
    return clause.object_tokens() + into + described


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
        return partner(clause)  # "India and Japan are joining hands", "X joined forces with Y"
    if v.lemma_ in ("contribute", "provide", "supply"):
        # "ISRO will contribute the lander", "ESA will provide the service module for Orion": who
        # contributes a craft builds it; what it is for is its whole
        parts = [m for m in clause.patients() if reader.is_a(m, "Spacecraft")]
        parts += [d for t in clause.object_tokens() if (d := reader.described_hardware(t)) is not None]
        wholes = [m for m in clause.prep_objects("for", "to") if reader.is_a(m, "Undertaking", "Spacecraft")]
        wholes += [m for t in clause.object_tokens() for c in t.children if c.dep_ == "prep" and c.lower_ == "for"
                   for o in c.children for m in reader.args(o) if reader.is_a(m, "Undertaking", "Spacecraft")]
        # (the latest undertaking named before the verb, not a craft of a clause further on)
        if parts and not wholes and (topic := reader.topic("Mission", "Program", before=v.i)
                                     or reader.topic("Spacecraft", before=v.i)) is not None:
            wholes = [topic]  # "NASA contributed an ultraviolet spectrograph": to the article's mission
        if parts:
            makers = [s for s in clause.subjects() if reader.is_actor(s)]
            gapped = _gapped(clause)
            # "JAXA will contribute a rover to the Artemis program": the contributor takes part in it
            return [Fact(s, "operates", p, v.i) for p in parts
                    for s in (gapped[1] if gapped and p.start >= gapped[0] else makers)] + [
                Fact(p, "partOf", w, v.i) for p in parts for w in wholes if w is not p] + [
                Fact(s, "memberOf", w, v.i) for s in makers + (gapped[1] if gapped else []) for w in wholes
                if reader.is_a(w, "Program", "Mission") and not reader.is_a(w, "Spacecraft")]
    if v.lemma_ == "involve":
        return _involved(clause)
    targets = clause.patients() if v.lemma_ in ("join", "rejoin") else []
    # "Chile will join Peru in building the station": who joins an actor in a task works with it
    in_doing = any(c.dep_ == "prep" and c.lower_ == "in" and any(p.dep_ == "pcomp" for p in c.children)
                   for c in v.children)
    joined = [t for t in targets if reader.is_actor(t)] if in_doing else []
    if joined:
        return [Fact(s, "partnerOf", t, v.i) for s in clause.subjects() if reader.is_actor(s) for t in joined]
    crews = [m for m in clause.prep_objects("on") if reader.is_a(m, "Mission")]
    if crews and targets and all(reader.is_a(t, "Person") for t in targets):
        # "Hansen will join Reid Wiseman and Victor Glover on the crew": all are the mission's crew
        return [Fact(p, "memberOf", c, v.i) for p in [*clause.subjects(), *targets] for c in crews
                if reader.is_a(p, "Person")]
    if verb_key(v) == "join" and v.lemma_ != "join":
        targets += clause.prep_objects("to")  # "Azerbaijan signed on to the ILRS"
    targets += clause.prep_objects("in", "to") if verb_key(v) in ("participate", "contribute", "accede") else []
    # (a person joins a mission's crew: "Astronaut Ana Ruiz joined the Condor-3 mission")
    facts = [Fact(s, "memberOf", t, v.i) for s in clause.subjects() for t in targets
             if (reader.is_actor(s) and (not reader.is_actor(t) or reader.is_a(t, "Agreement")))
             or (reader.is_a(s, "Person") and reader.is_a(t, "Mission"))]
    # "two laboratory modules joined the station in 2022": a craft that joins a station becomes part of it
    # (a mission that "joins" another at the Moon does not)
    return facts + [Fact(s, "partOf", t, v.i) for s in clause.subjects() if reader.is_a(s, "Spacecraft")
                    and not reader.is_a(s, "Mission") and not reader.is_actor(s)
                    for t in targets if reader.is_a(t, "SpaceStation")]


def _gapped(clause: Clause) -> tuple[int, list[Mention]] | None:
    """"with JAXA providing the rover and ISRO the lander": the verb left out of the second clause,
    whose subject the parser made a conjunct of the first object. Where the second object starts,
    and its subject."""
    v, reader = clause.verb, clause.reader
    objects = [c for c in v.children if c.dep_ == "dobj"]
    if len(objects) != 2:
        return None
    second = objects[1].left_edge.i
    doers = [m for c in objects[0].conjuncts if c.i == second - 1 and (m := reader.mention_at(c.i)) is not None
             and reader.is_actor(m)]
    return (second, doers) if doers else None


def _involved(clause: Clause) -> list[Fact]:
    """"The mission involves ESA and NASA", "five countries are involved in the project", "a hub, with
    a dozen nations involved": those involved take part in the undertaking."""
    v, reader = clause.verb, clause.reader
    if not clause.passive and v.tag_ != "VBN":
        wholes = [s for s in reader.subject_of(v) if reader.is_a(s, "Undertaking", "Agreement")]
        members = clause.patients()
    else:
        own = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        members = [m for c in own for m in reader.args(c)] if own else (
            reader.args(v.head) if v.dep_ == "acl" else [])
        wholes = clause.prep_objects("in", "with")
        if not wholes and v.dep_ == "pcomp" and v.head.lower_ == "with":
            # "it will serve as a hub, with more than a dozen nations involved": the clause's subject
            wholes = reader.subject_of(v.head.head)
        wholes = [w for w in wholes if reader.is_a(w, "Undertaking", "Agreement")]
    return [Fact(m, "memberOf", w, v.i) for m in members if reader.is_actor(m) for w in wholes]


# nouns for the work on a thing: "lead the development of X"
WORK_NOUNS = {"development", "construction", "operation", "operations", "building", "design", "assembly", "management"}


def _operate(clause: Clause) -> list[Fact]:
    v, reader = clause.verb, clause.reader
    if v.dep_ == "acl" and _mission_destination(v.head):
        return []  # "a mission to the ISS organised by Axiom": the parser hung on the station what the mission is
    things = [m for m in clause.patients() if reader.is_a(m, "Undertaking", "Facility", "Spacecraft")]
    # "to lead the development of the Argonaut lander": what the work is on
    things += [m for t in clause.object_tokens() if t.lemma_.lower() in WORK_NOUNS for c in t.children
               if c.dep_ == "prep" and c.lower_ == "of" for p in c.children for m in reader.args(p)
               if reader.is_a(m, "Undertaking", "Facility", "Spacecraft")]
    if not things:
        things = [d for t in clause.object_tokens() if (d := reader.described_hardware(t)) is not None]
        if clause.passive and v.dep_ == "acl":
            # "the Artemis program, a lunar project led by NASA": the noun the participle describes
            noun = v.head
            named = reader.subject_of(noun.head) if noun.dep_ == "attr" else reader.args(noun)
            things += [m for m in named if reader.is_a(m, "Undertaking", "Facility", "Spacecraft")]
            things += [d for d in [reader.described_hardware(noun)] if d is not None and not named]
    # "agreed to construct a station", "will build a rover": what is still to be built is a plan.
    relation = "plansMission" if certainty(v) in ("planned", "speculative") and v.lemma_ in MAKING_VERBS \
        and not hired(v) else "operates"  # (a contractor builds what is someone else's plan)
    if not things and relation == "plansMission":
        # "Russia will build its own orbital outpost": an unnamed thing of a known kind, to be built
        things = [d for t in clause.object_tokens() if t.lemma_.lower() in KIND_CLASSES
                  and (d := reader.described_thing(t)) is not None and " " in d.entity.label]
    # "build an airlock for the Gateway": what it is built for is its whole
    wholes = [m for m in clause.prep_objects("for") if reader.is_a(m, "Undertaking", "Spacecraft")]
    if not things and len(wholes) == 1:  # "built the camera for Danuri": the Danuri camera
        things = [d for t in clause.object_tokens() if (d := reader.named_part(t, wholes[0])) is not None]
    # (a person leading it stands for the organisation named with them: "led by Dante Lauretta of the
    # University of Arizona")
    makers = [s for s in reader.represented(clause.subjects()) if reader.is_actor(s)]
    # ("the crew is led by Michael Lopez-Alegria": who leads a mission's crew is one of them)
    crew = any(t.lemma_.lower() == "crew" for t in clause.object_tokens()) or any(
        c.dep_ == "nsubjpass" and c.lemma_.lower() == "crew" for c in v.children)
    leaders = [s for s in clause.subjects() if reader.is_a(s, "Person") and crew]
    # "SpaceIL built the lander with Israel Aerospace Industries": the co-maker makes it too
    if clause.passive and not makers and v.lemma_ in MAKING_VERBS:  # "is being developed at NASA's JPL"
        makers = [m for m in clause.prep_objects("at") if reader.is_actor(m) and not reader.is_a(m, "Country")]
    co_makers = [m for m in clause.prep_objects("with") if reader.is_actor(m) and v.lemma_ in MAKING_VERBS]
    makers += co_makers
    # "build a station near the lunar south pole": where it is built is where it is
    sites = [m for m in clause.prep_objects("on", "near", "at", "in") if verb_key(v) in MAKING_VERBS | {"establish"}
             and reader.is_a(m, "Place", "CelestialBody", "Region") and not reader.is_actor(m)]
    # "NASA would build the Sample Retrieval Lander": who is to build a named craft develops it (planned)
    facts = [Fact(s, "operates" if named_craft(reader, t) else relation, t, v.i) for s in makers for t in things]
    facts += [Fact(t, "partOf", w, v.i) for t in things for w in wholes
              if t is not w and not reader.is_a(t, "Facility")]
    # (a craft "built in Dubai" is not there; a station or a base built on the Moon is)
    facts += [Fact(t, "locatedIn", p, v.i) for t in things for p in sites if t is not p and (
        not reader.is_a(t, "Spacecraft") or reader.is_a(t, "SpaceStation") or reader.is_a(p, "CelestialBody"))]
    facts += [Fact(s, "partnerOf", c, v.i) for s in makers for c in co_makers
              if things and s is not c and s not in co_makers]
    return facts + [Fact(p, "memberOf", t, v.i) for p in leaders for t in things if reader.is_a(t, "Mission")]


def _mission_destination(noun) -> bool:
    """Whether the noun is where a mission or a flight goes: "a mission to the ISS"."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in ("to", "toward", "towards") and \
        KIND_CLASSES.get(prep.head.lemma_.lower()) in ("Mission", "Spacecraft")


def named_craft(reader, m: Mention) -> bool:
    """A craft the text names (not a station, not "a second rover")."""
    return reader.is_a(m, "Spacecraft") and not reader.is_a(m, "SpaceStation") and m.via != "description"


def _stay(clause: Clause) -> list[Fact]:
    """"Roscosmos will stay on the ISS until 2028": a membership, ending when "until" says."""
    reader = clause.reader
    wholes = [m for m in clause.prep_objects("on", "in", "aboard", "with")
              if reader.is_a(m, "Undertaking", "Agreement", "SpaceStation")]
    until = any(c.dep_ == "prep" and c.lower_ == "until" for c in clause.verb.children)
    return [Fact(s, "memberOf", w, clause.verb.i, ended=until) for s in clause.subjects() if reader.is_actor(s)
            for w in wholes]


def _leave(clause: Clause) -> list[Fact]:
    """"Russia will leave the ISS after 2024": a membership that ends."""
    reader = clause.reader
    out_of = [m for c in clause.verb.children if c.lower_ == "out" for x in c.children if x.dep_ == "prep"
              for p in x.children if p.dep_ == "pobj" for m in reader.args(p)]  # "pulled out of the ISS"
    left = [m for m in clause.patients() + clause.prep_objects("of", "from") + out_of
            if reader.is_a(m, "Undertaking", "Agreement", "SpaceStation")]
    return [Fact(s, "memberOf", t, clause.verb.i, ended=True) for s in clause.subjects() if reader.is_actor(s)
            for t in left]


# what one plans to do to a mission that is no mission of one's own: "plans to retire the station"
REPLACING = {"replace", "succeed", "supersede"}
NOT_UNDERTAKINGS = ENDING_VERBS | {"announce", "unveil", "reveal", "present", "publish", "review", "study", "assess",
                                   "evaluate", "decide", "discuss"}


def _plan(clause: Clause) -> list[Fact]:
    v, reader = clause.verb, clause.reader
    planners = [s for s in clause.subjects() if reader.is_actor(s)]
    if not planners:
        # "The Artemis programme, led by NASA, aims to ...": who runs the programme plans it
        planners = [r for s in clause.subjects() if reader.is_a(s, "Program") for r in _runners(reader, s)]
    plans = [m for m in clause.patients() if reader.is_a(m, "Undertaking", "Spacecraft")]
    for x in v.children:
        if x.dep_ == "xcomp" and VERB_RELATIONS.get(verb_key(x)) in ("left", "ended"):
            return []  # "Russia plans to leave the ISS": an end planned, not a mission (read by the inner verb)
        if x.dep_ == "xcomp" and x.lemma_.lower() in REPLACING:
            # "plans to replace the station with commercial outposts": what replaces it is the plan
            plans += [m for m in Clause(x, reader).prep_objects("with", "by")
                      if reader.is_a(m, "Undertaking", "Spacecraft")]
        elif x.dep_ == "xcomp" and x.lemma_.lower() not in NOT_UNDERTAKINGS:
            inner = Clause(x, reader)
            # ("to work with China on the ILRS": what the partners work on; not "to test a camera on Luna-25")
            on = ("on",) if VERB_RELATIONS.get(verb_key(x)) == "partnerOf" else ()
            plans += [m for m in inner.patients() + inner.prep_objects("with", "through", "under", *on)
                      if reader.is_a(m, "Undertaking", "Spacecraft")]
            # "aims to complete construction of the station": the station
            # (and "to complete the station's in-orbit construction": the station)
            plans += [m for t in inner.object_tokens() if t.lemma_.lower() in WORK_NOUNS for c in t.children
                      for p in ([c] if c.dep_ == "poss" else c.children if c.dep_ == "prep" and c.lower_ == "of"
                                else []) for m in reader.args(p)
                      if reader.is_a(m, "Undertaking", "Spacecraft") and m not in plans]
            launching = VERB_RELATIONS.get(verb_key(x)) == "launched" and any(
                t.lemma_.lower() in KIND_CLASSES for t in inner.object_tokens())  # (read by the launch rule)
            # ("rock cores that NASA hopes to bring back": the goal's object is the noun outside it)
            relative = v.dep_ == "relcl" or any(c.dep_ == "mark" and c.lower_ == "that" and c.i > 0
                                                and reader.doc[c.i - 1].pos_ == "NOUN" for c in v.children)
            gapped = relative and not any(c.dep_ in ("dobj", "attr") for c in x.children)
            if not plans and not launching and not gapped and (goal := reader.described_goal(x)) is not None:
                plans.append(goal)
    if not plans:
        # "South Korea is planning a lunar lander mission", "Europe is considering a mission to Venus"
        plans += [d for t in clause.object_tokens() if t.lemma_.lower() in KIND_CLASSES
                  and (d := reader.described_thing(t)) is not None and " " in d.entity.label]
    return [Fact(s, "plansMission", p, v.i) for s in planners for p in plans]


def _runners(reader, m: Mention) -> list[Mention]:
    """Who runs a named undertaking, by the words around its name: "NASA's Artemis programme", "the
    Artemis programme, led by NASA"."""
    head = reader.doc[m.end - 1]
    led = [a for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in ("lead", "run", "manage")
           for x in c.children if x.dep_ == "agent" for p in x.children for a in reader.args(p) if reader.is_actor(a)]
    return list(dict.fromkeys(reader.owners(m) + led))


def _belongs(clause: Clause) -> list[Fact]:
    """"The probe belongs to the Japanese space agency": the owner runs it."""
    reader = clause.reader
    owners = [m for m in clause.prep_objects("to") if reader.is_actor(m)]
    return [Fact(o, "operates", t, clause.verb.i) for t in clause.subjects() if not reader.is_actor(t)
            and reader.is_a(t, "Undertaking", "Spacecraft", "Facility") for o in owners]


_RULES = {
    "partnerOf": partner, "agree": agree, "signedAgreement": _sign, "memberOf": _member, "operates": _operate,
    "launched": launch, "liftOff": lift_off, "aboard": aboard, "landedOn": land,
    "returnedSamples": samples_returned, "serves": serves_as, "commands": commands,
    "plansMission": _plan, "rivalOf": rival, "hired": hire, "ended": ended, "barred": barred, "belongs": _belongs,
    "left": _leave, "stays": _stay, "hasPart": has_part, "installedOn": installed_on,
}
