"""The arguments of a parsed sentence: which mention a token stands for, pronouns included.

:class:`SentenceReader` answers the questions the relation rules ask of a sentence: the mention
at a token, the mentions an argument stands for (fanned out over coordination and apposition),
the subject of a clause (inherited from the governing clause where it has none), and (from
:class:`~graph.extraction.described.Descriptions`) the names of what a sentence describes without
naming it.

What pronouns and definite descriptions stand for is read in :mod:`graph.extraction.references`.
"""

from __future__ import annotations

from graph.extraction.clause import misparsed_infinitive, prepositions
from graph.extraction.described import Descriptions
from graph.extraction.examples import examples
from graph.extraction.kinds import COMPANY_NOUNS, KIND_CLASSES
from graph.extraction.lexicon import (
    AGREEMENT_NOUNS,
    BODY_ADJECTIVES,
    GEO_PART_NOUNS,
    REPRESENTATIVE_NOUNS,
    STAFF_NOUNS,
    SURFACE_NOUNS,
)
from graph.extraction.mentions import Entity, Mention, is_a
from graph.extraction.references import Discourse, References, singular
from graph.linking import DEMONYMS, Linker

# verbs whose object does what the infinitive says: "asked Airbus to build", "tasked Thales with"
OBJECT_CONTROL = {"ask", "task", "commission", "contract", "hire", "select", "choose", "pick", "invite", "allow",
                  "authorize", "authorise", "charge", "mandate", "request", "engage", "lead", "prompt", "force",
                  "push", "urge", "encourage", "persuade"}


class SentenceReader(Descriptions, References):
    """One parsed sentence with its mentions, read for the relation rules."""

    def __init__(self, doc, mentions: list[Mention], linker: Linker, discourse: Discourse,
                 text: str, offset: int) -> None:
        self.doc, self.mentions, self.linker, self.discourse = doc, mentions, linker, discourse
        self.text, self.offset = text, offset
        self._at = {i: m for m in mentions for i in range(m.start, m.end)}
        self.new_entities: list[Entity] = []

    # -- mentions ----------------------------------------------------------------------------
    def mention_at(self, i: int) -> Mention | None:
        return self._at.get(i)

    def args(self, tok) -> list[Mention]:
        """The mentions an argument token stands for, over ``X, Y and Z`` and appositions."""
        out: list[Mention] = []
        for t in _coordinated(tok):
            # a name in apposition before a description's referent: "its rover, Zhurong," is Zhurong
            # (an apposition right after it: not one the parser hung on it from a list further on, as in
            # "The station is run by the US together with ESA, the Japan Aerospace Exploration Agency ...")
            named = next((a for c in t.children if c.dep_ == "appos" and c.left_edge.i - t.i <= 4
                          and (a := self.mention_at(c.i)) is not None), None)
            m = self.mention_at(t.i)
            if named is not None and m is not None and self._indefinite_kind(m):
                m = None  # "Another CLPS company, Houston-based Intuitive Machines,": the company named
            plural = t.pos_ == "PRON" and t.lower_ in ("they", "their", "them")  # several before one
            m = m or named or (None if plural and self._referents(t) else self._referent(t))
            if m is None and (several := self._referents(t) or examples(self, t) or self._agencies_named(t)
                              or self._staff_of(t)):
                out += [x for x in several if x not in out]
                continue
            if m is None:
                m = self._named_nearby(t) or self._place_named(t) or self._organisation_named(t)
            if m is not None and m not in out:
                out.append(m)
                # "X and Y, which is ...": the relative pronoun of a singular verb is the last name only
                alone = t.lower_ in ("which", "that", "who") and t.dep_.startswith("nsubj") and singular(t.head)
                out += [x for x in ([] if alone else self.conjoined(m)) + self._companions(t) if x not in out]
        return out

    def _agencies_named(self, t) -> list[Mention]:
        """"CNES and its Chinese counterpart", "the Chinese and South African space agencies": the space
        agencies of the countries named."""
        if t.lemma_.lower() == "counterpart" or (t.lemma_.lower() == "agency" and t.tag_ == "NNS"):
            return self._agencies_of(t)
        return []

    def _indefinite_kind(self, m: Mention) -> bool:
        """A new entity named by "a"/"another" and a kind noun: a description, not a name."""
        head, first = self.doc[m.end - 1], self.doc[m.start]
        before = self.doc[m.start - 1] if m.start > 0 else None
        determiner = first if first.dep_ == "det" else before
        return not m.entity.known and head.lemma_.lower() in KIND_CLASSES.keys() | COMPANY_NOUNS \
            and determiner is not None and determiner.lower_ in ("a", "an", "another")

    def _staff_of(self, t) -> list[Mention]:
        """"the heads of the two space agencies, GISTDA and CNSA": the organisations people act for."""
        if t.lemma_.lower() not in REPRESENTATIVE_NOUNS:
            return []
        return [a for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                if p.dep_ == "pobj" for a in self.args(p) if self.is_actor(a)]

    def _named_nearby(self, t) -> Mention | None:
        """A name the parse puts beside a noun: its apposition, its compound, "a rover named Zephyr"."""
        m = next((a for c in t.children if c.dep_ == "appos" and (a := self.mention_at(c.i)) is not None), None)
        if m is None and t.dep_ == "appos":
            m = self.mention_at(t.head.i)
        if m is None and t.pos_ == "NOUN":
            m = self._misplaced_apposition(t)  # "launched its first satellite, Huemul-1, in 2023"
        if m is None:
            # the mention is the head's compound: "the International Lunar Observatory Association Hawai'i"
            m = next((self.mention_at(c.i) for c in t.children if c.dep_ == "compound"
                      and self.mention_at(c.i) is not None and t.pos_ == "PROPN"), None)
        if m is None:
            # "a project called the Gateway", "a rover named Zephyr": the noun is the named thing
            m = next((self.mention_at(o.i) for c in t.children if c.dep_ in ("acl", "relcl")
                      and c.lemma_.lower() in ("call", "name", "dub", "know")
                      for o in c.subtree if self.mention_at(o.i) is not None), None)
        if m is None and t.lemma_.lower() in KIND_CLASSES:
            # "China's ILRS project": the kind noun stands for the named thing it is said of
            m = next((self.mention_at(c.i) for c in t.children if c.dep_ in ("nmod", "compound")
                      and self.mention_at(c.i) is not None and not self.is_actor(self.mention_at(c.i))), None)
        return m

    def _place_named(self, t) -> Mention | None:
        """The place a noun for a part of a place stands for: "the Moon's south pole", "the far side of
        the Moon", "the province of Hainan", "on the coast of Peru", "the Kenyan coast"."""
        owner = next((self.mention_at(c.i) for c in t.children if c.dep_ == "poss"), None)
        if owner is None and t.lemma_.lower() in SURFACE_NOUNS:
            owner = next((self.mention_at(p.i) for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                          for p in c.children if p.dep_ == "pobj"), None) or self.body_named_by(t)
        if owner is not None and self.is_a(owner, "CelestialBody", "Place") and not self.is_a(owner, "Actor"):
            return owner
        if KIND_CLASSES.get(t.lemma_.lower()) in ("Region", "Place"):
            # "the southern island province of Hainan": the place named after "of"
            m = next((o for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                      if (o := self.mention_at(p.i)) is not None and self.is_a(o, "Place")), None)
            if m is not None:
                return m
        if t.lemma_.lower() in GEO_PART_NOUNS and t.dep_ == "pobj":
            # where the place is, the place it is in (also "the coast of the province of Hainan")
            return next((o for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                         if p.dep_ == "pobj" for o in self.args(p) if self.is_a(o, "Place")), None) or next(
                (o for c in t.children if c.dep_ in ("poss", "amod", "compound")  # "the Kenyan coast"
                 and (o := self.mention_at(c.i)) is not None and self.is_a(o, "Place")), None)
        return None

    def _organisation_named(self, t) -> Mention | None:
        """The actor people or a group stand for: "the Americans' Orion", "Emirati engineers",
        "engineers at NASA", "a consortium led by Airbus", "our partners at ESA"."""
        lemma = t.lemma_.lower()
        if t.dep_ in ("poss", "npadvmod") and t.pos_ == "PROPN":
            return self.people_of(t)  # "the Americans' Orion capsule", "an American-led effort"
        if lemma in STAFF_NOUNS:
            return next((a for c in t.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                         and (a := self.mention_at(c.i)) is not None and self.is_actor(a)), None) or next(
                (a for c in t.children if c.dep_ == "prep" and c.lower_ in ("from", "at") for p in c.children
                 if (a := self.mention_at(p.i)) is not None and self.is_actor(a)), None)
        if lemma in ("consortium", "team", "group", "coalition", "alliance"):
            return next((a for c in t.children if c.dep_ == "acl" and c.lemma_.lower() == "lead"
                         for x in c.children if x.dep_ == "agent" for p in x.children for a in self.args(p)
                         if self.is_actor(a)), None)
        if lemma == "partner" and t.tag_ == "NNS":  # (wherever "at" hangs)
            after = [self.doc[t.i + 1]] if t.i + 1 < len(self.doc) else []
            return next((a for c in [*t.children, *after] if c.dep_ == "prep" and c.lower_ in ("at", "in", "from")
                         for p in c.children if (a := self.mention_at(p.i)) is not None and self.is_actor(a)), None)
        return None

    def _companions(self, tok) -> list[Mention]:
        """"ESA, together with NASA, operates ...": the companion acts too."""
        withs = [w for c in tok.children if c.dep_ == "advmod" and c.lower_ in ("together", "along")
                 for w in c.children if w.lower_ == "with"]
        withs += [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" and c.i > 0
                  and tok.doc[c.i - 1].lower_ in ("together", "along")]
        return [m for w in withs for p in w.children if p.dep_ == "pobj" for m in self.args(p)]

    def body_named_by(self, tok) -> Mention | None:
        """"the lunar surface", "the Martian north pole": the body an adjective names."""
        for c in tok.children:
            iri = self.linker.find(BODY_ADJECTIVES.get(c.lower_, "")) if c.dep_ in ("amod", "compound") else None
            if iri is not None:
                entity = Entity(iri, self.linker.entities[iri].label, "", True)
                return Mention(c.i, c.i + 1, entity, "description", {c.i})
        return None

    def _agencies_of(self, tok) -> list[Mention]:
        """The agencies of the countries a plural "agencies" names: "the Chinese and South African space
        agencies" are CNSA and SANSA."""
        out = []
        for c in tok.children:
            if c.dep_ not in ("amod", "compound") or c.lower_ == "space":
                continue
            for x in [c, *c.conjuncts]:
                name = " ".join(t.text for t in x.subtree if t == x or (t.dep_ in ("compound", "amod") and t.head == x))
                country = self.linker.country(name)
                agency = self.linker.agency_of(country) if country else None
                if agency is not None:
                    entity = Entity(agency, self.linker.entities[agency].label, "", True, self.linker.acronym(agency))
                    out.append(Mention(tok.i, tok.i + 1, entity, "pronoun", {tok.i}))
        return out

    def conjoined(self, m: Mention) -> list[Mention]:
        """The mentions coordinated with ``m`` inside one noun phrase, where the parse splits a
        shared head: "the Chang'e 7 and Chang'e 8 probes"."""
        linked = {c.i for i in m.tokens for c in self.doc[i].conjuncts}
        return [other for other in self.mentions if other is not m and linked & other.tokens]

    def _misplaced_apposition(self, noun) -> Mention | None:
        """A name set off by commas right after a noun, which the parser hung elsewhere."""
        after = noun.right_edge.i + 1
        if after + 1 >= len(self.doc) or self.doc[after].text != ",":
            return None
        m = self.mention_at(after + 1)
        closing = self.doc[m.end] if m is not None and m.end < len(self.doc) else None
        if m is None or self.doc[m.end - 1].dep_ not in ("npadvmod", "advmod", "appos", "conj") or (
                closing is not None and closing.text not in (",", ".")):
            return None
        return m

    def people_of(self, tok) -> Mention | None:
        """The country a nationality word names where it acts or owns: "American" in "an
        American-led effort", "the Americans'" in "the Americans' Orion capsule"."""
        iri = self.linker.country(tok.text) or self.linker.country(tok.text.removesuffix("s"))
        demonym = next((w for w in (tok.text, tok.text.removesuffix("s")) if w in DEMONYMS), None)
        if demonym is None:
            return None
        if iri is None:  # a country the catalog does not know yet: "Chilean sanctions"
            return self.described(tok.i, tok.i + 1, "Country", DEMONYMS[demonym])
        entity = Entity(iri, self.linker.entities[iri].label, "", True, self.linker.acronym(iri))
        return Mention(tok.i, tok.i + 1, entity, "description", {tok.i}, tok.text)

    def _contractors(self, noun) -> list[Mention]:
        """The companies a contract is with: "a contract with Airbus" (they do the work)."""
        if noun.lemma_.lower() != "contract":
            return []
        return [m for c in noun.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
                for m in self.args(p) if self.is_a(m, "Company")]

    def _at_or_conjoined(self, tok) -> list[Mention]:
        """The mentions at a token, its conjuncts and its children, without resolving pronouns."""
        return [m for t in [tok, *tok.conjuncts, *tok.children] if (m := self.mention_at(t.i)) is not None]

    def one_of(self, noun) -> list[Mention]:
        """"Venezuela is among the countries that have joined", "Peru is one of the nations which
        signed", "Chile is a country that has joined": the subject said to be one of them."""
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ in ("among", "of"):
            head = head.head.head if head.head.lower_ == "one" else head.head
        elif noun.dep_ != "attr":
            return []
        if head.lemma_ not in ("be", "become", "remain"):
            return []
        return [m for c in head.children if c.dep_ == "nsubj" for m in self.args(c)]

    def subject_of(self, verb) -> list[Mention]:
        """The clause's subject, or its governor's where it has none of its own."""
        node = verb
        for _ in range(5):
            # "X is scheduled to launch": the governor's passive subject is the infinitive's subject
            deps = ("nsubj", "csubj") if node == verb else ("nsubj", "csubj", "nsubjpass")
            subjects = [c for c in node.children if c.dep_ in deps]
            if not subjects and node.pos_ == "VERB":
                # a name before a verb hung on it as a compound ("Tokyo-based ispace plans to"): its subject
                subjects = [c for c in node.children if c.dep_ == "compound" and c.i < node.i
                            and self.mention_at(c.i) is not None]
            if subjects:
                return [m for s in subjects for m in self.args(s)]
            if (node.dep_ == "conj" or node.dep_ == "ROOT") and (own := self._subject_hung_before(node)) is not None:
                return [own]
            if node.dep_ == "acl" and node.tag_ == "VBN" and node != verb:
                return self.args(node.head)  # "the lander, set to launch in 2026": the lander launches
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)  # "to have landed"
            if node.dep_ in ("acl", "relcl") and (node.tag_ != "VBN" or infinitive):
                head = node.head
                # "the fourth country to land": the noun is an attribute of the real subject.
                if self.mention_at(head.i) is None and head.dep_ == "attr":
                    node = head.head
                    continue
                if head.dep_ == "dobj" and head.lemma_.lower() in AGREEMENT_NOUNS and infinitive \
                        and head.head.lemma_.lower() in ("sign", "ink", "conclude", "seal"):
                    # "Belarus signed a memorandum to join": Belarus joins; a contractor builds
                    return self._contractors(head) or self.subject_of(head.head)
                return self.args(head)
            if node.dep_ == "advcl" and infinitive and (contractors := [
                    m for c in node.head.children if c.dep_ == "dobj" for m in self._contractors(c)]):
                return contractors  # "signed a contract with Airbus to build", "to build" hung on "signed"
            if node.dep_ in ("xcomp", "advcl") and node.head.lemma_.lower() in OBJECT_CONTROL and (
                    node.dep_ == "xcomp" or infinitive):
                # "ESA asked Airbus to build the module": the one asked does it
                doers = [m for c in node.head.children if c.dep_ == "dobj" for m in self.args(c)]
                if doers:
                    return doers
            if node.dep_ == "pcomp" and node.head.dep_ == "prep":
                governor = node.head.head
                doers = [m for c in governor.children if c.dep_ == "dobj" for m in self.args(c)]
                if governor.lemma_.lower() in OBJECT_CONTROL and doers:
                    return doers  # "the contract tasks Thales with developing a platform"
                node = node.head  # "responsible for developing", "embarked on developing"
            if node == verb and misparsed_infinitive(node):
                # "the first Japanese probe to land": read as the infinitive it is, its subject the copula's
                governor = node.head.head
                node = governor.head if governor.dep_ == "attr" else governor
                if governor.dep_ == "pobj" and governor.head.lower_ == "as":
                    node = governor.head.head  # "made history as the first spacecraft to land": who made it
                continue
            if node.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "prep", "acomp") or node.head == node:
                return []
            conjunct, node = node.dep_ == "conj", node.head
            if conjunct and node.pos_ in ("NOUN", "PROPN") and node.dep_ in ("dobj", "pobj") \
                    and node.head.pos_ in ("VERB", "AUX"):
                # "ISRO is preparing Gaganyaan ... and plans to launch": a verb the parser made a conjunct of
                # the object belongs with the object's verb
                node = node.head
        return []

    def _subject_hung_before(self, verb) -> Mention | None:
        """"NASA will provide the launch and ESA will build the spacecraft": the parser made "ESA" a
        conjunct of "launch"; a name right after "and", right before the verb's auxiliaries, is its subject."""
        first = min([verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i)])
        before = first - 1
        while before > 0 and self.doc[before].is_punct and self.doc[before].text in ("'", '"', "’", "”"):
            before -= 1  # "Gaganyaan' is set for ...": past a closing quote
        m = self.mention_at(before)
        if m is None or m.start < 2 or first == verb.i:
            return None
        # "... and ESA will build": after "and"; "K.Sivan, Gaganyaan' is set": after a comma, at the root
        joined = self.doc[m.start - 1].lower_ == "and" or (verb.dep_ == "ROOT" and self.doc[m.start - 1].text == ",")
        last = self.doc[m.end - 1]
        return m if joined and last.dep_ in ("conj", "appos") and last.head.i < m.start else None

    def topic(self, *classes: str, before: int | None = None) -> Mention | None:
        """The latest entity of the classes named so far in the article (in this sentence, before token
        ``before`` when given), as a mention of no token."""
        here = [m.entity for m in self.mentions if before is None or m.start < before]
        entity = Discourse(self.discourse.mentioned + here).latest(self.linker, classes)
        return Mention(-1, -1, entity, "pronoun", set()) if entity is not None else None

    # -- classes -----------------------------------------------------------------------------
    def is_a(self, mention: Mention, *classes: str) -> bool:
        return is_a(self.linker, mention.entity, *classes)

    def is_actor(self, mention: Mention) -> bool:
        return self.is_a(mention, "Actor") and not self.is_a(mention, "Person")

    def owners(self, mention: Mention) -> list[Mention]:
        """The actors that own a mention by a possessive or a naming compound: "ESA's Hera mission"."""
        head = self.doc[mention.end - 1]
        return [m for c in head.children if c.dep_ in ("poss", "compound", "nmod")
                for m in self.args(c) if m is not mention and self.is_actor(m)]

    def agreement_parties(self, tok) -> list[Mention]:
        """The actors an agreement noun names as its parties: "a contract with X", "an MoU between X and Y"."""
        out: list[Mention] = []
        for c in prepositions(tok):
            if c.lower_ in ("with", "between", "among"):
                direct = [m for p in c.children if p.dep_ == "pobj" for m in self.args(p) if self.is_actor(m)]
                # "a contract with Russian company 'Glavkosmos'": the named party inside the phrase
                inside = [m for t in c.subtree if t.dep_ not in ("amod", "poss") and t.pos_ == "PROPN"
                          and (m := self.mention_at(t.i)) is not None and self.is_actor(m)]
                out += [m for m in direct or inside[:1] if m not in out]
        return out

    def represented(self, mentions: list[Mention]) -> list[Mention]:
        """People stand for the organisation they act for: "Zhang Kejian, administrator of the CNSA"."""
        out = []
        for m in mentions:
            if not self.is_a(m, "Person"):
                out.append(m)
                continue
            tok = self.doc[m.end - 1]
            while tok.dep_ == "compound":
                tok = tok.head
            found = next((o for t in tok.subtree if (o := self.mention_at(t.i)) is not None and o is not m
                          and self.is_actor(o) and not self.is_a(o, "Country") and not _former(self.doc[o.end - 1])),
                         None)
            if found is None and m.end + 1 < len(self.doc) and self.doc[m.end].text == ",":
                # "Masahito Moriyama, Japan's minister of education, signed": the apposition the parser
                # hung elsewhere, up to the next comma (a minister stands for a country too)
                end = next((t.i for t in self.doc[m.end + 1:] if t.text == ","), len(self.doc))
                found = next((o for t in self.doc[m.end + 1:end] if (o := self.mention_at(t.i)) is not None
                              and self.is_actor(o)), None)
            out += [found] if found is not None else []
        return out


def _former(tok) -> bool:
    """Whether the organisation's word qualifies a role the person left: "former NASA astronaut"."""
    role = tok.head if tok.dep_ in ("compound", "poss", "nmod") else tok
    return any(c.dep_ == "amod" and c.lower_ in ("former", "ex", "retired", "onetime") for c in role.children)


def _coordinated(tok) -> list:
    """The token and those coordinated with it, also where the parser hung the coordination on an
    apposition: in "SpaceIL, a private company, and IAI" "IAI" is the conjunct of "company"."""
    out = [tok, *tok.conjuncts]
    out += [x for t in list(out) for a in t.children if a.dep_ == "appos" for x in a.conjuncts if x not in out]
    return out
