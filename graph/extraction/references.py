"""Coreference inside an article: what a pronoun or a definite description stands for.

A pronoun (*it, its, they, their*) or a definite description (*the agency, the country, the
mission, the company*) stands for the latest mention of a compatible class, in this sentence or
the ones before it (:class:`Discourse`); one opening a sentence takes the previous main clause's
arguments first. "We" in a quote is the speaker's organisation; "the two agencies" and "the
agencies" are the latest two, or the parties of the latest tie; "which" is the noun its clause
hangs on. :class:`References` is mixed into :class:`~graph.extraction.arguments.SentenceReader`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.extraction.described import part_label
from graph.extraction.kinds import KIND_CLASSES
from graph.extraction.lexicon import MAJOR_BODIES
from graph.extraction.mentions import Entity, Mention, is_a, new_entity
from graph.linking import Linker

# definite descriptions and the classes they refer back to
DESCRIPTIONS = {
    "agency": ("SpaceAgency",), "administration": ("SpaceAgency",), "country": ("Country",),
    "group": ("Company", "Actor"), "consortium": ("Actor",),
    "nation": ("Country",), "company": ("Company", "Organisation"), "firm": ("Company", "Organisation"),
    "startup": ("Company", "Organisation"),
    "mission": ("Mission", "Spacecraft"), "spacecraft": ("Spacecraft", "Mission"),
    "probe": ("Spacecraft", "Mission"), "satellite": ("Spacecraft",), "craft": ("Spacecraft",),
    "capsule": ("Spacecraft",), "module": ("Spacecraft",), "helicopter": ("Spacecraft",),
    "asteroid": ("SmallBody",), "comet": ("SmallBody",),
    "lander": ("Lander",), "rover": ("Rover",), "orbiter": ("Orbiter",), "station": ("SpaceStation",),
    "centre": ("Facility",), "center": ("Facility",), "cosmodrome": ("Facility",), "spaceport": ("Facility",),
    "rocket": ("LaunchVehicle",), "launcher": ("LaunchVehicle",), "telescope": ("Instrument",),
    "crew": ("Mission",),  # "on the crew": the mission the article is about
    "program": ("Program",), "programme": ("Program",), "project": ("Program", "Mission", "Spacecraft"),
    "agreement": ("Agreement",), "accords": ("Agreement",), "memorandum": ("Agreement",), "mou": ("Agreement",),
}
# words that refer back only in the plural: "the two sides", "both parties" (not "the far side")
_PLURAL_DESCRIPTIONS = {"side": ("Actor",), "party": ("Actor",), "partner": ("Actor",), "organisation": ("Actor",),
                        "organization": ("Actor",), "government": ("Country",)}
# verbs that introduce a quote: their subject is who "we" is in it
SPEECH_VERBS = {"say", "tell", "add", "announce", "state", "declare", "write", "note"}
# parts of a mission that "the lander" may name although the article gave it no name
_PARTS = {"lander", "rover", "orbiter"}
# descriptions any craft or mission answers to, whatever its name says
_GENERIC = {"spacecraft", "mission", "probe", "craft", "satellite", "project"}
# the classes of acting descriptions, which refer to the article's most mentioned one
_ACTORS = {"SpaceAgency", "Country", "Company", "Actor", "Organisation"}
PRONOUNS = {"it": ("Actor", "Undertaking", "Spacecraft", "Agreement"), "its": ("Actor", "Undertaking", "Spacecraft"),
            "they": ("Actor",), "their": ("Actor",)}


@dataclass
class Discourse:
    """What the article has mentioned so far, latest last."""

    mentioned: list[Entity] = field(default_factory=list)
    # the actors of the latest partnership or agreement: the parties "the agreement" was signed by
    parties: list[Mention] = field(default_factory=list)
    # the arguments of the previous sentence's main clause, which a pronoun opening a sentence takes
    # first: in "The Tiangong station, operated by China, orbits Earth. Its core module", "its" is the
    # station's, not China's (named later, but only in a modifier)
    main: list[Entity] = field(default_factory=list)
    # craft the article says were launched without saying by whom, with the sentence and its offset
    unlaunched: list[tuple[Mention, str, int]] = field(default_factory=list)

    def salient(self, linker: Linker, classes: tuple[str, ...]) -> Entity | None:
        """The entity of one of ``classes`` mentioned most often, the first named of those tied (news
        names its protagonist first)."""
        counts: dict[str, int] = {}
        for entity in self.mentioned:
            counts[entity.iri] = counts.get(entity.iri, 0) + 1
        best = None
        for entity in self.mentioned:
            if _fits(linker, entity, classes) and (best is None or counts[entity.iri] > counts[best.iri]):
                best = entity
        return best

    def latest(self, linker: Linker, classes: tuple[str, ...]) -> Entity | None:
        """The latest entity of one of ``classes``, not a person."""
        for entity in reversed(self.mentioned):
            if _fits(linker, entity, classes):
                return entity
        return None


def _fits(linker: Linker, entity: Entity, classes: tuple[str, ...]) -> bool:
    """Whether a referent is of one of ``classes``, not a person; "Organisation" is an actor that is
    neither a country nor an agency ("the company" for a firm the text named without its kind), "SmallBody"
    a celestial body that is not one of the ``MAJOR_BODIES``."""
    if is_a(linker, entity, "Person"):
        return False
    if "SmallBody" in classes and is_a(linker, entity, "CelestialBody") and entity.label not in MAJOR_BODIES:
        return True  # "the asteroid" is the latest body named that is no planet, the Moon or the Sun
    if "Organisation" in classes and is_a(linker, entity, "Actor") and not is_a(linker, entity, "Country",
                                                                                 "SpaceAgency"):
        return True
    return is_a(linker, entity, *classes)


class References:
    """The referents of pronouns and descriptions; mixed into
    :class:`~graph.extraction.arguments.SentenceReader`, whose mentions, arguments and discourse it reads."""

    def _referents(self, tok) -> list[Mention]:
        """"the two countries", "both agencies": the latest two actors of that class; "they", "their":
        the actors coordinated before them ("NASA and ESA said they had ...")."""
        if tok.pos_ == "PRON" and tok.lower_ in ("they", "their", "them"):
            return self._coordinated_before(tok)
        classes = DESCRIPTIONS.get(tok.lemma_.lower()) or _PLURAL_DESCRIPTIONS.get(tok.lemma_.lower())
        if tok.tag_ != "NNS" or classes is None:
            return []
        if not any(c.lower_ in ("two", "both") for c in tok.children if c.dep_ in ("nummod", "det", "predet")):
            # "NASA and ESA are working together ... The agencies signed": the parties of the latest tie
            parties = self.discourse.parties
            definite = any(c.dep_ == "det" and c.lower_ in ("the", "these") for c in tok.children)
            if not definite or tok.lemma_.lower() not in DESCRIPTIONS or len(parties) != 2 or not all(
                    is_a(self.linker, m.entity, *classes) for m in parties):
                return []
            return [Mention(tok.i, tok.i + 1, m.entity, "pronoun", {tok.i}) for m in parties]
        found: list[Entity] = []
        for entity in reversed(self.discourse.mentioned + [m.entity for m in self.mentions if m.end <= tok.i]):
            if is_a(self.linker, entity, *classes) and entity not in found:
                found.append(entity)
            if len(found) == 2:
                break
        return [Mention(tok.i, tok.i + 1, e, "pronoun", {tok.i}) for e in found] if len(found) == 2 else []

    def _coordinated_before(self, tok) -> list[Mention]:
        """The actors of the latest coordinated subject before a plural pronoun in its sentence, else
        the parties of the latest tie."""
        for m in sorted((m for m in self.mentions if m.end <= tok.i), key=lambda m: -m.start):
            group = [m, *self.conjoined(m)]
            if len(group) > 1 and all(is_a(self.linker, g.entity, *_ACTORS) for g in group):
                return [Mention(tok.i, tok.i + 1, g.entity, "pronoun", {tok.i}) for g in group]
        parties = self.discourse.parties
        if len(parties) == 2 and tok.i < 3:  # "NASA and ESA signed ... They will ..."
            return [Mention(tok.i, tok.i + 1, p.entity, "pronoun", {tok.i}) for p in parties]
        return []

    def _relative(self, tok) -> Mention | None:
        """"the mission, which is ...": what a relative pronoun stands for."""
        noun = tok.head.head
        found = self.args(noun) or self.one_of(noun)
        if singular(tok.head) and (noun.conjuncts or noun.tag_ == "NNS"):
            # "Axiom Station and Orbital Reef, which is being developed by": the last name only
            before = tok.i - 1 if tok.i > 0 and self.doc[tok.i - 1].is_punct else tok.i
            found = [m for m in [self.mention_at(before - 1)] if m is not None] or found
        if noun.dep_ == "appos" and self.mention_at(noun.i) is None and (named := self.args(noun.head)):
            found = named  # "Axiom Space, a company that plans ...": the company named before the comma
        return found[0] if found else None

    def _referent(self, tok) -> Mention | None:
        word = tok.lower_
        named = self.mention_at(tok.i + 1) if word in DESCRIPTIONS and tok.i + 1 < len(self.doc) else None
        if named is not None and named.start == tok.i + 1 and _fits(self.linker, named.entity, DESCRIPTIONS[word]):
            return named  # "the asteroid Itokawa": the asteroid is the one named right after it
        if word in ("which", "that", "who") and tok.head.dep_ == "relcl" and tok.head.head != tok:
            return self._relative(tok)
        clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None) if word == "whose" else None
        if clause is not None:  # "SpaceX, whose Falcon 9 rockets launched Euclid": the noun the clause is about
            return next(iter(self.args(clause.head)), None)
        if tok.pos_ == "PRON" and word in ("we", "our", "us", "i", "me", "my"):  # in a quote: the speaker's side
            return self._speaker(tok)
        classes = None
        if tok.pos_ == "PRON" and word in PRONOUNS:
            classes = PRONOUNS[word]
        elif tok.pos_ == "PRON" and word == "this" and tok.dep_ in ("nsubj", "nsubjpass"):
            classes = ("Undertaking", "Spacecraft")  # "This is scheduled for 2024": the mission just named
        elif tok.pos_ == "NOUN" and word in DESCRIPTIONS and any(
                c.lower_ in ("the", "this", "its") for c in tok.children if c.dep_ in ("det", "poss")) and not any(
                c.lower_ in ("own", "new", "second", "another", "next", "other") for c in tok.children):
            # "its own station", "a new mission" are not the station or mission named before
            classes = DESCRIPTIONS[word]
        if classes is None:
            return None
        if word in DESCRIPTIONS and tok.dep_ == "poss" and tok.head.dep_ == "appos":
            # "Russia's Luna-25, the country's first lunar mission": the named thing's own owner
            owner = next((o for m in self.args(tok.head.head) for o in self.owners(m)
                          if _fits(self.linker, o.entity, classes)), None)
            if owner is not None:
                return Mention(tok.i, tok.i + 1, owner.entity, "pronoun", {tok.i})
        if word in ("its", "their"):
            # "SpaceX will carry Egyptian astronauts on its Crew Dragon": the clause's subject owns it
            verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
            # (also a governing clause's: "Russia is expected to leave the ISS to build its own station")
            subjects = [m for m in self.subject_of(verb) if m.start < tok.i] if verb is not None else []
            owner = next((m for m in subjects if is_a(self.linker, m.entity, *classes)), None)
            if owner is not None:
                return Mention(tok.i, tok.i + 1, owner.entity, "pronoun", {tok.i})
        # an object pronoun is not its own clause's subject: in "two modules joined it", "it" is the station
        own = {m.entity.iri for c in tok.head.children if c.dep_ == "nsubj" for m in self._at_or_conjoined(c)} \
            if tok.dep_ in ("dobj", "pobj") and word in PRONOUNS else set()
        before = [m.entity for m in self.mentions if m.end <= tok.i and m.entity.iri not in own]
        if (called := self._called(tok, classes, before)) is not None:
            return called
        # a pronoun or a description opening a sentence takes the previous main clause's latest argument
        # before one its modifiers named ("SANSA runs stations that track satellites for NASA and ESA.
        # The agency joined ..."); a description's own class comes first ("the mission" is a mission)
        # (a description deep in a clause, "..., which paid the Houston-based company", is no opening)
        deep = word in DESCRIPTIONS and tok.i > 2 and tok.dep_ not in ("nsubj", "nsubjpass") \
            and any(a.dep_ in ("relcl", "acl", "advcl") for a in tok.ancestors)
        opening = not deep and not any(is_a(self.linker, e, *classes) for e in before)
        entity = None
        # (a description's own class first: "the mission" is the latest mission; a probe or a spacecraft
        # is either, news calling missions so)
        either = word in ("probe", "spacecraft")
        for group in ([(c,) for c in classes] if word in DESCRIPTIONS and not either else [classes]):
            # "Hera was built for ESA by OHB. Its two cubesats ...": an opening "its" is the subject's
            main = self.discourse.main
            if tok.i == 0 and main and is_a(self.linker, main[0], *group) and (
                    word == "its" or (word == "it" and not is_a(self.linker, main[0], *_ACTORS))):
                main = main[:1]  # (an opening "it" after an actor's clause is what the actor acted on)
            earlier = Discourse(self.discourse.mentioned + before)
            # "the agency", "the country": the article's most mentioned one (not whichever came last)
            pick = earlier.salient if word in DESCRIPTIONS and set(group) <= _ACTORS else earlier.latest
            # (of the previous main clause, a description takes the first that fits, its subject: "Axiom is
            # building them with Thales Alenia Space. The company plans ...")
            first = next((e for e in main if _fits(self.linker, e, group)), None) \
                if word in DESCRIPTIONS and set(group) <= _ACTORS else Discourse(main).latest(self.linker, group)
            entity = (first if opening else None) or pick(self.linker, group)
            if entity is not None:
                break
        if entity is None and word in _PARTS and classes == DESCRIPTIONS.get(word):
            entity = self._part_of_latest(word)
        if entity is None:
            return None
        return Mention(tok.i, tok.i + 1, entity, "pronoun", {tok.i})

    def _called(self, tok, classes: tuple[str, ...], before: list[Entity]) -> Mention | None:
        """"the helicopter" is the latest thing named a helicopter ("Ingenuity Mars Helicopter"), though
        a rover was named after it (not for descriptions any craft answers to, nor for actors)."""
        word = tok.lower_
        if word not in DESCRIPTIONS or set(classes) & _ACTORS or word in _GENERIC:
            return None
        called = next((e for e in reversed(self.discourse.mentioned + before) if word in e.label.lower().split()
                       and _fits(self.linker, e, classes)), None)
        return Mention(tok.i, tok.i + 1, called, "pronoun", {tok.i}) if called is not None else None

    def _speaker(self, tok) -> Mention | None:
        """"'We will land on the Moon by 2030,' said Zhang Kejian, head of the CNSA": *we* is the
        organisation of the one who says it (a person stands for the organisation named with them)."""
        for verb in self.doc:
            if verb.lemma_.lower() not in SPEECH_VERBS or verb == tok.head:
                continue
            subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i != tok.i]
            speakers = [m for c in subjects for m in self.args(c)]
            found = [m for m in self.represented(speakers) if self.is_actor(m)] or [  # "said X, head of the CNSA"
                m for c in subjects for t in c.subtree if (m := self.mention_at(t.i)) is not None and self.is_actor(m)]
            if found:
                return Mention(tok.i, tok.i + 1, found[0].entity, "pronoun", {tok.i})
        return None

    def _part_of_latest(self, word: str) -> Entity | None:
        """"the rover" in an article about the Chandrayaan-5 mission, which named no rover: the
        mission's rover, proposed as "Chandrayaan-5 rover"."""
        mission = Discourse(self.discourse.mentioned + [m.entity for m in self.mentions]).latest(
            self.linker, ("Mission",))
        if mission is None:
            return None
        entity = new_entity(part_label(mission.label, word), KIND_CLASSES[word], self.text, self.offset)
        self.new_entities.append(entity)
        return entity


def singular(verb) -> bool:
    """Whether a clause's verb agrees with a singular subject: "which is", "that was", "which has"."""
    return any(t.tag_ == "VBZ" or t.lower_ in ("was", "is", "has") for t in [verb, *verb.children]
               if t == verb or t.dep_ in ("aux", "auxpass"))
