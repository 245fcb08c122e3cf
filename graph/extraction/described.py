"""Things an article describes instead of naming them, proposed as new entities.

Programmes ("China's lunar exploration programme") are found before the relation rules run, as
mentions, so that every rule reads them like a name ("the Chang'e 5 mission, part of the Chinese
lunar exploration programme"). Agreements ("a memorandum with Roscosmos on the ILRS"), goals
("plans to return humans to the Moon"), unnamed undertakings and hardware are named when a rule
asks (:class:`Descriptions`, the describing half of
:class:`~graph.extraction.arguments.SentenceReader`).
"""

from __future__ import annotations

from graph.extraction.clause import prepositions
from graph.extraction.kinds import KIND_CLASSES
from graph.extraction.lexicon import AGREEMENT_NOUNS, HARDWARE_NOUNS
from graph.extraction.mentions import Mention, new_entity

# adjectives an agreement's name keeps: "joint statement", "framework agreement"
KEPT_ADJECTIVES = {"joint", "bilateral", "trilateral", "multilateral", "framework", "strategic"}
# modifiers that say how big or whose, not what: "a tall lander", "its own station"
_NOT_NAMING = {"own", "tall", "large", "small", "big", "huge", "giant", "tiny", "heavy"}
# bodies a programme may be named after: "the UAE's Moon exploration programme"
BODIES = {"Moon", "Mars", "Sun", "Venus", "Mercury", "Jupiter", "Saturn"}
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
    bodies = {i for m in mentions if m.entity.label in BODIES for i in range(m.start, m.end)}
    out = []
    for tok in doc:
        if tok.lemma_.lower() not in PROGRAMME_NOUNS or tok.pos_ != "NOUN" or tok.i in taken:
            continue
        if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in tok.children):
            continue
        if tok.dep_ == "appos" and tok.head.i in taken:
            continue  # "Gaganyaan, its human spaceflight programme": the programme has its name already
        start = tok.i  # the modifiers before the noun, a body's name among them ("Moon exploration programme")
        while start > 0 and (before := doc[start - 1]).dep_ in ("amod", "compound") and before.head.i in range(
                start, tok.i + 1) and (before.i not in taken or before.i in bodies) \
                and before.pos_ in ("ADJ", "NOUN", "PROPN"):
            start -= 1
        if start > 0 and doc[start - 1].tag_ == "HYPH":
            start += 1  # "long-term", "well-funded": what the programme is like, not what it is about
        words = {t.lower_ for t in doc[start:tok.i]}
        if not words - _VAGUE or any(t.ent_type_ in ("DATE", "CARDINAL", "ORDINAL") for t in doc[start:tok.i]):
            continue
        own = min(i for i in range(start, tok.i + 1) if i not in bodies)  # the body stays a mention of its own
        out.append(Mention(own, tok.i + 1, new_entity(doc[start:tok.i + 1].text, "Program", text, offset),
                           "description", set(range(own, tok.i + 1))))
    return out


class Descriptions:
    """Names for what a sentence describes; mixed into
    :class:`~graph.extraction.arguments.SentenceReader`, whose mentions, referents and classes it reads."""

    def described_agreement(self, tok, parties: list[Mention] = (), recipients: list[Mention] = ()) -> Mention | None:
        """"a memorandum of understanding with Roscosmos" as a new agreement, named for a reader.

        The name is the agreement's kind ("memorandum of understanding", "cooperation agreement"),
        its parties ("between CNSA and Roscosmos") and what it is about where the text names it ("on
        the International Lunar Research Station"). An agreement with fewer than two known parties and
        no proper name is too vague to propose.
        """
        if tok.lemma_.lower() not in AGREEMENT_NOUNS:
            return None
        if (ref := self._referent(tok)) is not None:
            return ref
        # (a compound with all its words: "an Andean Space Agency contract", not "Agency contract")
        core = [x for t in tok.children if t.i < tok.i and (t.dep_ == "compound" or t.lower_ in KEPT_ADJECTIVES)
                for x in (t.subtree if t.dep_ == "compound" else [t]) if x.dep_ not in ("det", "punct", "poss", "case")]
        core.append(tok)
        for c in tok.children:  # "memorandum of understanding", "letter of intent"
            if c.dep_ == "prep" and c.lower_ == "of":
                core += [c, *(p for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN"))]
        core.sort(key=lambda t: t.i)
        label = " ".join(t.text for t in core)
        named_parties = self.agreement_parties(tok) or list(recipients)
        by_entity = {p.entity.iri: p for p in [*parties, *named_parties]}
        names = [p.entity.acronym or p.entity.label for p in by_entity.values()]
        topics = [m for c in prepositions(tok) if c.lower_ in ("on", "for", "about")
                  for p in c.children if p.dep_ == "pobj" for m in self.args(p) if not self.is_actor(m)]
        named = any(t.pos_ == "PROPN" for t in core)
        if len(names) < 2 and not named:
            return None
        if named_parties and (recipients or any(c.lower_ == "with" for c in prepositions(tok))):
            # as the text says it: "a contract with Glavkosmos", "awarded a contract to Thales"
            label += " with " + " and ".join(p.entity.acronym or p.entity.label for p in named_parties)
        elif len(names) >= 2:
            label = "-".join(names) + " " + label  # "NASA-ESA agreement", as news writes it
        phrase = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "for") and not topics
                       for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"), None)
        if topics:
            label += " on " + topics[0].entity.display
        elif phrase is not None and len(list(phrase.subtree)) <= 12:
            # "an agreement for the exploration of the fourth Lagrange point (L4)": what it is for, in words
            label += f" {phrase.head.lower_} " + self.words_of([t.i for t in phrase.subtree if t.dep_ != "det"
                                                              or t.head != phrase])
        start, end = core[0].i, core[-1].i + 1
        return self.described(start, end, "Agreement", label)

    def described_goal(self, verb) -> Mention | None:
        """"plans to return humans to the Moon by 2026": the goal, named by its verb phrase (its time
        and its reasons left out)."""
        cut = {t.i for c in verb.children if c.dep_ in ("prep", "advcl", "npadvmod", "advmod")
               and (any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree) or c.dep_ == "advcl"
                    or c.lower_ in ("as", "under", "with"))  # "as part of NASA's Artemis program": a frame
               for t in c.subtree}
        cut |= {t.i for c in verb.children if c.dep_ == "advmod" and c.i < verb.i for t in c.subtree}
        cut |= {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "punct", "cc", "conj", "mark")
                for t in c.subtree}  # a main verb's own subject and what follows it
        words = [t for t in verb.subtree if t.dep_ != "aux" and t.i not in cut]
        if len(words) < 2 or len(words) > 12 or any(t.pos_ == "PRON" for t in words):
            return None
        return self.described(words[0].i, words[-1].i + 1, "Undertaking")

    def described_thing(self, tok) -> Mention | None:
        """"a Mars settlement": an unnamed undertaking, named by its noun phrase (without clauses)."""
        # whose it is and "own" say nothing of what it is: "its own orbital outpost" is an orbital outpost
        words = [t for t in tok.subtree if t.dep_ not in ("det", "relcl", "acl", "punct")
                 and not (t.head == tok and (t.dep_ == "poss" or t.lower_ == "own"))
                 and not any(a.dep_ in ("relcl", "acl", "prep") and a.i != tok.i and a.head.i == tok.i
                             and t.i >= a.i and not self.destination(a) for a in [*t.ancestors, t])]
        if not words or len(words) > 8 or any(t.pos_ == "PRON" for t in words):
            return None
        return self.described(words[0].i, words[-1].i + 1, "Undertaking")

    def described_purpose(self, noun, purpose) -> Mention | None:
        """"launch a mission to collect samples from an asteroid around 2025": an unnamed undertaking
        named by its kind and its purpose ("mission to collect samples from an asteroid"), time left out."""
        dated = {t.i for c in purpose.subtree if c.dep_ == "prep" and any(
            p.dep_ == "pobj" and p.ent_type_ == "DATE" for p in c.children) for t in c.subtree}
        words = [noun.i] + [t.i for t in purpose.subtree if t.i not in dated and not t.is_punct]
        if len(words) > 10 or any(self.doc[i].pos_ == "PRON" for i in words):
            return None
        return self.described(noun.i, max(words) + 1, "Undertaking", self.words_of(sorted(words)))

    def destination(self, prep) -> bool:
        """A preposition that belongs to a description: "of", or "to"/"around" a body ("a mission to Venus")."""
        if prep.lower_ == "of":
            return True
        return prep.lower_ in ("to", "around") and any(
            p.dep_ == "pobj" and ((m := self.mention_at(p.i)) is None or self.is_a(m, "CelestialBody"))
            and p.pos_ in ("NOUN", "PROPN") for p in prep.children)  # "to Venus", "to the asteroid belt"

    def described_hardware(self, tok) -> Mention | None:
        """"developing the landing platform", "a new descent stage being developed by ESA": an unnamed
        piece of hardware or facility, named by its noun phrase."""
        if tok.lemma_.lower() not in HARDWARE_NOUNS or tok.pos_ != "NOUN" or self.mention_at(tok.i):
            return None
        keep = {tok.i} | {t.i for t in tok.children if t.dep_ == "det" and t.lower_ == "another"}  # one more
        start = tok.i  # the run of modifiers right before the noun, not sizes: "a tall (4 m) lander" is a lander
        while start > 0 and self.doc[start - 1].head.i >= start and self._names_kind(start - 1):
            start -= 1
        keep |= set(range(start, tok.i))
        cls = KIND_CLASSES.get(tok.lemma_.lower(), "Spacecraft")
        for c in tok.children:  # "landing system for the rover"
            if c.dep_ == "prep" and c.lower_ in ("for", "of") and c.i == tok.i + 1:
                # "a rover for the mission" after Chang'e 8, "the service module for the Condor-3 orbiter":
                # named after its whole, "Chang'e 8 rover", "Condor-3 orbiter service module"
                whole = next((r for p in c.children if p.dep_ == "pobj"
                              and (r := self.mention_at(p.i) or self._referent(p)) is not None), None)
                if whole is not None:
                    start, phrase = min(keep), " ".join(self.doc[i].text for i in sorted(keep))
                    more, phrase = (phrase[:8], phrase[8:]) if phrase.lower().startswith("another ") else ("", phrase)
                    label = more + part_label(whole.entity.label, phrase)  # "another Orion service module"
                    return self.described(start, c.right_edge.i + 1, cls, label, via="part")
                keep |= {t.i for t in c.subtree}
        words = sorted(keep)
        if len(words) < 2 or len(words) > 8:
            return None  # "the platform" alone names nothing
        return self.described(words[0], words[-1] + 1, cls, self.words_of(words))

    def named_part(self, tok, whole: Mention) -> Mention | None:
        """"built the camera for Danuri": an unnamed piece of hardware, named after what it is for
        ("Danuri camera")."""
        if tok.lemma_.lower() not in HARDWARE_NOUNS or tok.pos_ != "NOUN" or self.mention_at(tok.i) or any(
                c.dep_ in ("compound", "amod", "nmod") or c.lower_ == "another" for c in tok.children):
            return None  # only the bare noun: "another service module" is a thing of its own
        cls = KIND_CLASSES.get(tok.lemma_.lower(), "Spacecraft")
        return self.described(tok.i, tok.i + 1, cls, part_label(whole.entity.label, tok.text), via="part")

    def _names_kind(self, i: int) -> bool:
        """Whether token ``i`` says what kind of hardware it is ("descent" stage, "wide-field" camera,
        "second" rover), not how big it is ("tall", "4.3 metres")."""
        tok = self.doc[i]
        if tok.tag_ == "HYPH":
            return i > 0 and self.doc[i - 1].dep_ in ("compound", "amod")
        return tok.dep_ in ("compound", "amod") and tok.lower_ not in _NOT_NAMING \
            and not any(ch.isdigit() for ch in tok.text)

    def words_of(self, indices: list[int]) -> str:
        """The text of some tokens, spaced as written ("wide-field camera")."""
        return "".join(self.doc[i].text + (self.doc[i].whitespace_ if i + 1 in indices else "") for i in indices)

    def described(self, start: int, end: int, cls: str, label: str | None = None, via: str = "description") -> Mention:
        """A mention of a new entity for tokens ``[start, end)``, labelled by them or by ``label``
        (``via="part"`` for an unnamed part named after its named whole: "the Danuri camera")."""
        label = label or self.doc[start:end].text
        entity = new_entity(label, cls, self.text, self.offset)
        self.new_entities.append(entity)
        return Mention(start, end, entity, via, set(range(start, end)))


def part_label(whole: str, part: str) -> str:
    """The name of an unnamed part of a named whole: ("Chandrayaan-5 mission", "rover") ->
    "Chandrayaan-5 rover" (not "... rover rover")."""
    for kind in ("mission", "programme", "program", "project"):
        whole = whole.removesuffix(" " + kind)
    return whole if whole.lower().endswith(" " + part.lower()) else f"{whole} {part}"
