"""One verb's arguments: :class:`Clause` reads the subject (``nsubj``; in the passive the ``by``
agent), the objects and the objects of its prepositions, through a :class:`~graph.extraction.arguments.SentenceReader`
that knows the sentence's mentions.
"""

from __future__ import annotations

from graph.extraction.lexicon import PHRASAL
from graph.extraction.mentions import Mention


def misparsed_infinitive(tok) -> bool:
    """Whether the small model read an infinitive as "to" and a noun: in "the first probe to land
    on the Moon" it tags *land* a noun, the object of the preposition *to*."""
    return tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.dep_ == "pobj" and tok.i > 0 \
        and tok.head.i == tok.i - 1 and tok.head.lower_ == "to" and tok.lemma_.lower() in _INFINITIVE_VERBS \
        and tok.head.head != tok.head


# verbs the small model mistakes for nouns after "to"
_INFINITIVE_VERBS = {"land", "launch", "orbit", "return", "sign", "join", "fly", "reach", "visit", "build", "travel"}


def verb_key(tok) -> str:
    """The verb's entry in :data:`~graph.extraction.lexicon.VERB_RELATIONS`: its lemma, or the verb a phrasal verb means
    ("set up" -> "establish")."""
    lemma = tok.lemma_.lower()
    # the particle, or one the parser read otherwise ("pulled out of the ISS", "brings together")
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ == "out")
                     or (c.dep_ == "advmod" and c.lower_ == "together")), None)
    if lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in tok.children):
        return "participate"  # "Peru takes part in the Condor programme"
    if lemma in ("turn", "rely") and any(c.dep_ == "prep" and c.lower_ in ("to", "on") for c in tok.children):
        return "turn to"  # "ESA has had to turn to SpaceX", "relies on ISRO": a provider engaged
    return PHRASAL.get((lemma, particle), lemma)


def prepositions(tok, depth: int = 3):
    """The prepositions of a word and of the nouns its prepositions govern: in "a memorandum of
    understanding with NASA on the Artemis program" all of "of", "with" and "on" belong to the
    memorandum, wherever the parser attached them."""
    for c in tok.children:
        if c.dep_ == "prep":
            yield c
            if depth > 1:
                for p in c.children:
                    if p.dep_ == "pobj":
                        yield from prepositions(p, depth - 1)


class Clause:
    """The arguments of one verb in a parsed sentence, fanned out over coordination."""

    def __init__(self, verb, reader) -> None:
        self.verb = verb
        self.reader = reader

    @property
    def passive(self) -> bool:
        children = list(self.verb.children)
        if any(c.dep_ == "dobj" for c in children):
            return False  # "it's signed an agreement": "'s" is "has", whatever the parser says
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in children) or (
            self.verb.dep_ == "acl" and self.verb.tag_ == "VBN") or (
            # "Built by a consortium led by Airbus, JUICE carries ...": a participle with its agent
            self.verb.dep_ == "advcl" and self.verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in children)) or (
            # "was designed and built by Chile": the second participle shares the first one's voice
            self.verb.dep_ == "conj" and self.verb.tag_ == "VBN" and Clause(self.verb.head, self.reader).passive)


    def subjects(self) -> list[Mention]:
        v = self.verb
        if self.passive:
            agents = [p for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if not agents:  # "designed and built by Chile", "built by China and launched in 2013": the
                # agent of the participle coordinated with it
                agents = [p for x in v.conjuncts if x.tag_ == "VBN" for c in x.children
                          if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if not agents:  # "developed for ESA by ArianeGroup": "by" hung on the noun before it
                agents = [p for c in prepositions(v, 2) if c.lower_ == "by" and c.head.dep_ == "pobj"
                          for p in c.children if p.dep_ == "pobj"]
            return [m for a in agents for m in self.reader.args(a)]
        false_passive = [c for c in v.children if c.dep_ == "nsubjpass"]
        if false_passive:
            return [m for c in false_passive for m in self.reader.args(c)]
        return self.reader.subject_of(v)

    def patients(self) -> list[Mention]:
        v = self.verb
        if self.passive:
            own = [c for c in v.children if c.dep_ == "nsubjpass"]
            if own:
                return [m for c in own for m in self.reader.args(c)]
            if v.dep_ == "conj":
                return Clause(v.head, self.reader).patients()
            if v.dep_ == "advcl":
                return self.reader.subject_of(v.head)  # "Built by OHB, Hera carries ...": the main subject
            return self.reader.args(v.head) if v.dep_ in ("acl", "relcl") else []
        own = [m for c in [*v.children, *self._what_it_calls()] if c.dep_ in ("dobj", "attr", "oprd", "dative")
               or c == self._stray_object() for m in self.reader.args(c)]
        if not own and v.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in v.children) and any(
                c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in v.children):
            return self.reader.args(v.head)  # "the heaviest spacecraft China has launched": the noun is the object
        return own

    def object_tokens(self):
        direct = [c for c in [*self.verb.children, *self._what_it_calls()]
                  if c.dep_ in ("dobj", "attr", "oprd", "nsubjpass") or c == self._stray_object()]
        return [t for c in direct for t in (c, *c.conjuncts)]

    def _what_it_calls(self) -> list:
        """"NASA has initiated what it calls the Artemis programme": the name is the object."""
        return [o for c in self.verb.children if c.dep_ == "ccomp" and c.lemma_.lower() in ("call", "dub", "name")
                and any(w.dep_ == "dobj" and w.lower_ == "what" for w in c.children)
                for o in c.children if o.dep_ == "oprd"]

    def _stray_object(self):
        """A name right after a verb without an object, which the tagger took for an adverb: in "will
        launch IM-2 later" "IM-2" is the object."""
        v = self.verb
        after = v.doc[v.i + 1] if v.i + 1 < len(v.doc) else None
        if after is None or after.head != v or after.dep_ not in ("advmod", "npadvmod") or any(
                c.dep_ in ("dobj", "nsubjpass", "attr") for c in v.children):
            return None
        return after if self.reader.mention_at(after.i) is not None else None

    def prep_objects(self, *preps: str) -> list[Mention]:
        out = []
        own = list(prepositions(self.verb))
        if misparsed_infinitive(self.verb):
            # "the first mission to land on the Moon" parsed as "mission [to land] [on the Moon]"
            own += [c for c in prepositions(self.verb.head.head, 1) if c.i > self.verb.i]
        for c in own:
            if c.lower_ in preps:
                out += [m for p in c.children if p.dep_ == "pobj" for m in self.reader.args(p)]
        for c in self.verb.children:
            # "along with X", "together with X"
            if c.dep_ in ("advmod", "prep") and c.lower_ in ("along", "together") and "with" in preps:
                out += [m for w in c.children if w.lower_ == "with" for p in w.children if p.dep_ == "pobj"
                        for m in self.reader.args(p)]
        for o in self.object_tokens():
            for c in prepositions(o):
                if c.lower_ in preps:
                    out += [m for p in c.children if p.dep_ == "pobj" for m in self.reader.args(p)]
        return list(dict.fromkeys(out))
