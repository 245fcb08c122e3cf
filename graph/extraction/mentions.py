"""Mentions: the entities a sentence names, linked to the catalog or proposed as new entities.

A mention is a span of the parsed sentence. Spans come from four general sources, longest first:

1. the catalog's names, acronyms and aliases (spaCy ``PhraseMatcher``; acronyms case-sensitive);
2. the named entities of the model (organisations, places, nationalities, people, products);
3. spacecraft-style names, by token shape (``Luna-25``, ``Chang'e 6``, ``ICUBE-Q``);
4. runs of proper nouns.

A name followed by the noun that says what it is ("the Rosalind Franklin rover", "the ExoMars
mission") takes that noun in: it is the kind of the thing, and the class of a new entity. A
parenthesised acronym after a name ("... Research Commission (SUPARCO)") belongs to it.

Each span is then *resolved*: to the catalog entry one of its names matches, else to a new
entity whose class is read from the kind noun or the model's label.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from graph.extraction.kinds import (
    CRAFT_CLASSES,
    KIND_CLASSES,
    MONTHS,
    NER_CLASSES,
    NOT_ENTITIES,
    NOT_NAMES,
    TITLES,
    class_of,
    craft_verb,
    is_country_name,
    is_location,
    names_an_organisation,
)
from graph.extraction.lexicon import CAPITALS
from graph.linking import DEMONYMS, Linker
from graph.namespaces import KG
from graph.text import normalise

_CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z][A-Za-z]*$")
_CUTTING = {"on", "in", "at", "with", "to", "from", "about"}
_CRAFT = re.compile(r"^[A-Z][\w']*(?:-[A-Z0-9][\w]*)+$")


@dataclass(frozen=True)
class Entity:
    """What a mention stands for: a catalog entry, or a new entity proposed for review."""

    iri: str
    label: str
    cls: str
    known: bool
    acronym: str | None = None
    evidence: str = ""
    offset: int = 0

    @property
    def display(self) -> str:
        """The label with its acronym, as annotators write it: ``European Space Agency (ESA)``."""
        return f"{self.label} ({self.acronym})" if self.acronym and self.acronym != self.label else self.label


@dataclass(eq=False)
class Mention:
    """An entity named in a sentence: token span ``[start, end)`` of the sentence's doc."""

    start: int
    end: int
    entity: Entity
    via: str = "name"  # name, ner, shape, camel, propn, pronoun, description, part (of a named whole)
    tokens: set[int] = field(default_factory=set)
    surface: str = ""  # the words of the text, where they differ from the entity's names

    def is_a(self, linker: Linker, *classes: str) -> bool:
        return is_a(linker, self.entity, *classes)


def is_a(linker: Linker, entity: Entity, *classes: str) -> bool:
    """Whether the entity is of one of the classes (catalog types, or a new entity's class)."""
    if entity.known:
        return linker.entities[entity.iri].is_a(*classes)
    return any(c in linker.superclasses.get(entity.cls, ()) for c in classes)


class MentionFinder:
    """Finds and resolves the mentions of parsed sentences (one finder per linker)."""

    def __init__(self, nlp, linker: Linker) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        self.linker = linker
        self.acronyms = {}
        for form, iri, sensitive in linker.forms:
            if sensitive and form.isupper() and len(form) > 1:
                self.acronyms.setdefault(iri, form)
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        tokenizer = nlp.tokenizer
        for form, iri, sensitive in linker.forms:
            (self.exact if sensitive else self.folded).add(iri, [tokenizer(form)])
            if sensitive and form.isupper() and form.isalpha() and len(form) >= 3:
                # British style writes acronyms as words: "Nasa", "Esa", "Jaxa"
                self.exact.add(iri, [tokenizer(form.title())])
        self.shapes = Matcher(nlp.vocab)
        name = {"TEXT": {"REGEX": r"^[A-Z][\w']*$"}, "LOWER": {"NOT_IN": sorted(NOT_NAMES)}}
        # a number in figures or roman numerals: "Luna 25", "Artemis II"; not "Its first"
        number = {"TEXT": {"REGEX": r"^(\d[\w.]*|[IVX]+)$"}}
        self.shapes.add("craft", [[name, {"ORTH": "-", "OP": "?"}, number],
                                  [{"TEXT": {"REGEX": _CRAFT.pattern}}],
                                  [name, {"ORTH": "-"}, {"TEXT": {"REGEX": r"^[A-Z0-9][\w]*\.?$"}}],
                                  # "Hayabusa2", "SpaceIL's Beresheet2": a word and its number in one
                                  [{"TEXT": {"REGEX": r"^[A-Z][a-z]+\d+[a-z]?$"}}]])

    def find(self, doc, sentence_text: str, offset: int) -> list[Mention]:
        known = [k for k in self._catalog_spans(doc) if not _a_common_noun(doc, k[0], k[1])]
        # "China-South Africa cooperation": a shape that cuts through a catalog name is no name
        spans = known + [s for s in self._other_spans(doc) if s[3] != "shape" or not any(
            k[0] < s[1] and s[0] < k[1] and not (s[0] <= k[0] and k[1] <= s[1]) for k in known)]
        chosen: list[Mention] = []
        taken: set[int] = set()
        for start, end, iri, via in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
            start, end = _trim(doc, start, end)
            if start >= end or taken & set(range(start, end)):
                continue
            mention = self._resolve(doc, start, end, iri, via, sentence_text, offset)
            if mention is not None:
                mention = self._capital_as_country(doc, mention)
                # a name its kind words extended over a shorter one ("Ingenuity" + "Mars Helicopter") wins
                inside = [c for c in chosen if c.tokens & mention.tokens]
                if not all(c.tokens < mention.tokens for c in inside):
                    continue
                chosen = [c for c in chosen if c not in inside] + [mention]
                taken |= mention.tokens
        chosen.sort(key=lambda m: m.start)
        return _with_aliases(doc, _with_acronyms(doc, chosen))

    def _only_known_actors(self, span) -> bool:
        """Whether a span of several names is only the catalog's actors side by side ("NASA-ISRO")."""
        names = [t for t in span if t.pos_ == "PROPN" or t.is_upper]

        def actor(name: str) -> bool:  # the catalog's, or a country ISO 3166 knows ("Peru-Chile")
            iri = self.linker.find(name)
            return is_country_name(name) if iri is None else self.linker.entities[iri].is_a("Actor")

        return len(names) > 1 and all(actor(t.text) for t in names)

    def _capital_as_country(self, doc, m: Mention) -> Mention:
        """"Washington sees Beijing as a rival": a capital acting stands for its country's government."""
        country = CAPITALS.get(doc[m.start:m.end].text)
        iri = self.linker.country(country) if country else None
        if iri is None or is_location(doc, doc[m.start:m.end]):
            return m
        entity = Entity(iri, self.linker.entities[iri].label, "", True, self.acronyms.get(iri))
        return Mention(m.start, m.end, entity, "description", m.tokens, doc[m.start:m.end].text)

    def _catalog_spans(self, doc) -> list[tuple[int, int, str | None, str]]:
        out = []
        # the linker's descriptions: "the Russian space agency", "Europe's" (standing for ESA)
        for m in self.linker.descriptions(doc.text):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                out.append((span.start, span.end, m.iri, "description"))
        for matcher in (self.exact, self.folded):
            for key, start, end in matcher(doc):
                iri = doc.vocab.strings[key]
                text = doc[start:end].text
                form_ok = self.linker.find(text) == iri or (text.istitle() and self.linker.find(text.upper()) == iri)
                if not form_ok:
                    continue
                numbered = _number_after(doc, end)
                if numbered > end and self.linker.find(doc[start:numbered].text) != iri:
                    out.append((start, numbered, None, "shape"))  # "Rashid 2" is not the catalog's Rashid
                else:
                    out.append((start, end, iri, "name"))
        return out

    def _other_spans(self, doc) -> list[tuple[int, int, str | None, str]]:
        # a name runs up to a preposition other than "of": the model's "the European Union on Earth" is two
        # nor over a possessive: the model's "the Indian Space Research Organisation's Vikram" is two
        out = [(e.start, next((t.i for t in e if t.i > e.start and ((t.pos_ == "ADP" and t.lower_ in _CUTTING)
                                                                     or t.tag_ == "POS")), e.end),
                None, "ner") for e in doc.ents if e.label_ in NER_CLASSES]
        out = [part for span in out for part in _split_listed(doc, *span)]
        times = {t.i for e in doc.ents if e.label_ in NOT_ENTITIES for t in e}
        out += [(s, e, None, "shape") for _, s, e in self.shapes(doc)
                if not times & set(range(s, e)) and doc[s].lower_ not in MONTHS | NOT_NAMES]
        # "SpaceX", "OneWeb", "SpaceIL": one word with capitals inside names an organisation
        out += [(t.i, t.i + 1, None, "camel") for t in doc if _CAMEL.match(t.text)]
        # "the Euclid space telescope": a capitalised word the model took for an adjective, before kind words
        out += [(t.i, t.i + 1, None, "propn") for t in doc if t.i > 0 and t.pos_ in ("ADJ", "NOUN")
                and t.text[:1].isupper() and t.lower_ not in NOT_NAMES and t.text not in DEMONYMS
                and not is_country_name(t.text) and _kind_extension(doc, t.i, t.i + 1) > t.i + 1]
        # "Perseverance landed in Jezero Crater": a capitalised word the model tagged a common noun, that
        # lands or lifts off without a determiner, is a craft's name
        out += [(t.i, t.i + 1, None, "propn") for t in doc if t.tag_ in ("NN", "NNP") and t.text[:1].isupper()
                and t.dep_ in ("nsubj", "nsubjpass") and craft_verb(t.head) and t.lower_ not in NOT_NAMES
                and not any(c.dep_ in ("det", "poss", "compound", "amod") for c in t.children)]
        # "the CAPSTONE cubesat", "MMX will launch": a word in capitals is a name, whatever its tag
        # (its class decides whether it is kept)
        out += [(t.i, t.i + 1, None, "shape") for t in doc if t.is_upper and t.is_alpha and len(t) > 2
                and not (t.i > 0 and doc[t.i - 1].text == "(")  # "(SUPARCO)" is the acronym of a name
                and t.lower_ not in NOT_NAMES]
        people = [e for e in doc.ents if e.label_ == "PERSON"]
        run = None
        for tok in doc:
            # a name starts with a capital ("headquartered" tagged a proper noun starts none)
            # ("Malapert A", "Shackleton B": a capital letter after a name belongs to it)
            letter = run is not None and len(tok.text) == 1 and tok.is_upper
            if run is not None and tok.lower_ in TITLES and tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
                run = None  # "Italian Air Force Colonel Walter Villadei": the title ends one name, a person's follows
                continue
            starts = run is not None or not tok.is_lower
            if tok.pos_ == "PROPN" and (tok.lower_ not in NOT_NAMES or letter) and starts:
                continues = run and run[1] == tok.i and not _CAMEL.match(doc[tok.i - 1].text)
                run = (run[0], tok.i + 1) if continues else (tok.i, tok.i + 1)
                # a run into a person's name ("NASA Administrator Bill Nelson") is not one name, nor one
                # on from a one-word organisation ("SpaceX Falcon": a run starts again after it)
                if not any(run[0] < e.start < run[1] and _introduces_person(doc[e.start - 1]) for e in people):
                    # "the Axiom Mission 2 crew": the serial number is part of the name
                    numbered = _number_after(doc, run[1])
                    serial = numbered > run[1] and doc[numbered - 1].head.i == tok.i and not any(
                        t.lower_ in MONTHS or t.ent_type_ in NOT_ENTITIES for t in doc[run[0]:numbered])
                    out.append((run[0], numbered if serial else run[1], None, "propn"))
            else:
                run = None
        return out

    def _resolve(self, doc, start: int, end: int, iri: str | None, via: str, text: str,
                 offset: int) -> Mention | None:
        span = doc[start:end]
        kind_end = _kind_extension(doc, start, end)
        name = span.text
        linker = self.linker
        if iri is None:
            iri = linker.find(name) or linker.country(name)
        full = doc[start:kind_end].text
        if iri is None and kind_end > end:
            kind = doc[kind_end - 1].lemma_.lower()
            iri = linker.find(full) or linker.find_longer(span.text, kind, KIND_CLASSES[kind])
        if iri is not None:
            e = linker.entities[iri]
            entity = Entity(iri, e.label, "", True, self.acronyms.get(iri))
            extended = kind_end if kind_end > end and not e.is_a("Actor", "Place") else end
            words = doc[start:extended].text
            names = {n.lower() for n in (e.label, entity.acronym) if n}
            # the text's own words, unless they are the label or the label and its kind ("Chang'e 4 lander")
            plain = words.lower()
            surface = "" if any(plain.startswith(n) for n in names) or via == "description" or words.isupper() \
                else words
            return Mention(start, extended, entity, via, set(range(start, extended)), surface)
        if self._only_known_actors(span):
            return None  # "a NASA-ISRO satellite": the names are NASA's and ISRO's, the thing is unnamed
        if kind_end > end and (names_an_organisation(span, via) or is_country_name(span.text)
                               or span.text in DEMONYMS):  # "two Chilean instruments" name none
            kind_end = end  # "an Andean Space Agency mission": the agency names the mission, it is not it
        if kind_end > end and span.root.ent_type_ in ("GPE", "LOC", "NORP") and \
                KIND_CLASSES[doc[kind_end - 1].lemma_.lower()] in ("Company", "Actor", "SpaceAgency"):
            kind_end = end  # "a Houston company", "a Japanese firm": a company of a place, not a name
        label_span = doc[start:kind_end]
        if kind_end == end and (cls := _kind_after_acronym(doc, end)) is not None:
            # "the Martian Moons eXploration (MMX) mission": the name, its acronym and its kind, one mention
            acronym_end = _acronym_after(doc, end)
            entity = new_entity(span.text, cls, text, offset, doc[end + 1:acronym_end].text)
            return Mention(start, acronym_end + 2, entity, via, set(range(start, acronym_end + 2)))
        cls = class_of(doc, span, label_span, via)
        if kind_end > end and doc[kind_end - 1].tag_ in ("NNS", "NNPS") and _coordinated(doc, start):
            label_span = span  # "Chang'e 7 and Chang'e 8 missions": the kind is both names', not part of one
        if cls is None:
            return None
        if cls == "Person" and len(label_span) > 1 and label_span[0].lower_ in TITLES:
            label_span = label_span[1:]  # "Astronaut Ana Ruiz" is Ana Ruiz
        label = label_span.text.replace("' ", " ").replace('" ', " ").strip().rstrip(".")
        return Mention(start, kind_end, new_entity(label, cls, text, offset), via, set(range(start, kind_end)))


def with_article_acronyms(doc, mentions: list[Mention], names: dict[str, Entity]) -> list[Mention]:
    """The acronyms and short names the article introduced ("... Association Hawai'i (ILOA)", "the
    'Gaganyaan' mission"), found again alone: "ILOA", "Gaganyaan" are the same new entity."""
    out = []
    for m in mentions:
        again = names.get(doc[m.start:m.end].text)
        known_here = again is not None and not m.entity.known and m.entity.iri != again.iri
        out.append(Mention(m.start, m.end, again, "acronym", m.tokens) if known_here else m)
    taken = {i for m in out for i in m.tokens}
    for name, entity in names.items():
        words = name.split()
        for t in doc:
            end = t.i + len(words)
            if [x.text for x in doc[t.i:end]] == words and not taken & set(range(t.i, end)):
                out.append(Mention(t.i, end, entity, "acronym", set(range(t.i, end))))
                taken |= set(range(t.i, end))
    return sorted(out, key=lambda m: m.start)


# words between a name and its kind noun: "Peregrine lunar lander", "the ExoMars robotic mission"
KIND_MODIFIERS = {"lunar", "mars", "moon", "robotic", "space", "launch"}
_SUFFIXES = {"technology", "technologies", "inc", "corp", "ltd", "limited", "llc", "holdings", "group", "plc", "ag",
             "sa", "gmbh"}


def short_names(entity: Entity) -> list[str]:
    """What the article may call a new entity after naming it in full: its acronym, and its name
    without the kind noun ("Hera mission" -> "Hera").

    >>> short_names(Entity("x", "Hera mission", "Mission", False, "HM"))
    ['HM', 'Hera']
    >>> short_names(Entity("x", "Hera planetary defence mission", "Mission", False))
    ['Hera']
    >>> short_names(Entity("x", "Axiom Space", "Company", False))
    ['Axiom']
    """
    out = [entity.acronym] if entity.acronym else []
    words = entity.label.split()
    if words[-1].lower() in KIND_CLASSES:  # the name before the words of its kind: "Hera planetary defence mission"
        while len(words) > 1 and words[-1].islower():
            words.pop()
    # (and a company without its legal or trade suffix: "Astrobotic Technology" -> "Astrobotic")
    while len(words) > 1 and (words[-1].lower() in KIND_CLASSES or words[-1].lower().rstrip(".") in _SUFFIXES
                              or (words[-1].lower() in ("space", "aerospace") and entity.cls == "Company")):
        words.pop()  # ("Axiom Space" -> "Axiom", "Firefly Aerospace" -> "Firefly")
    name = " ".join(words)
    if name != entity.label and name[:1].isupper() and len(name) > 2 and name.lower() not in NOT_NAMES \
            and name.lower() not in KIND_CLASSES:
        out.append(name)
    return out


def new_entity(label: str, cls: str, evidence: str, offset: int, acronym: str | None = None) -> Entity:
    """A proposed entity: its IRI is minted from its label, and it never gets a Wikidata ID."""
    slug = re.sub(r"[^a-z0-9]+", "-", normalise(label).lower().replace("'", "")).strip("-")
    return Entity(KG + slug, label, cls, False, acronym, evidence, offset)


def _trim(doc, start: int, end: int) -> tuple[int, int]:
    """Leave out a leading article or possessive, a trailing ``'s``, article, preposition or
    punctuation, an open bracket."""
    for i in range(start + 1, end):
        if doc[i].text == "(" and not any(doc[j].text == ")" for j in range(i, end)):
            end = i
            break
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct or (
            doc[start].tag_ in ("VBN", "VBG") and doc[start].is_lower)):  # "headquartered Inca Rockets"
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].pos_ in ("DET", "ADP", "CCONJ")
                           or (doc[end - 1].is_punct and doc[end - 1].text != ")")):
        end -= 1
    return start, end


def _a_common_noun(doc, start: int, end: int) -> bool:
    """A name in lower case used as a common noun: "a moon of Jupiter", "another sun" (not "the moon")."""
    return doc[start:end].text.islower() and start > 0 and doc[start - 1].lower_ in ("a", "an", "another", "every")


def _split_listed(doc, start: int, end: int, iri, via: str) -> list[tuple]:
    """The model's one name for two listed ones: "Axiom Station and Orbital Reef" is two names where
    the words before "and" end with a kind noun ("Airbus Defence and Space" stays one)."""
    for i in range(start + 1, end - 1):
        if doc[i].lower_ == "and" and doc[i - 1].lemma_.lower() in KIND_CLASSES and doc[i - 1].pos_ == "PROPN":
            return [(start, i, iri, via), (i + 1, end, iri, via)]
    return [(start, end, iri, via)]


def _number_after(doc, end: int) -> int:
    """The end of a serial number right after a name ("Rashid 2", "Artemis IV", "Luna-26"), or ``end``."""
    i = end + 1 if end < len(doc) - 1 and doc[end].text == "-" else end
    if i >= len(doc) or (doc[i].whitespace_ == "" and i + 1 < len(doc) and doc[i + 1].is_alpha):
        return end
    word = doc[i].text
    serial = (word.isdigit() and int(word) < 100) or (len(word) <= 4 and set(word) <= set("IVX"))
    return i + 1 if serial else end


def _coordinated(doc, start: int) -> bool:
    """Whether the name at ``start`` follows another name it is coordinated with ("X and Y missions")."""
    return any(t.lower_ in ("and", "or", ",", "&") for t in doc[max(start - 2, 0):start])


def _kind_after_acronym(doc, end: int) -> str | None:
    """"Martian Moons eXploration (MMX) mission": the class the kind noun after the acronym says."""
    acronym_end = _acronym_after(doc, end)
    after = doc[acronym_end + 1] if acronym_end is not None and acronym_end + 1 < len(doc) else None
    if after is not None and after.lemma_.lower() in KIND_CLASSES and after.pos_ == "NOUN":
        return KIND_CLASSES[after.lemma_.lower()]
    return None


def _kind_extension(doc, start: int, end: int) -> int:
    """The end of the span taken with a kind noun right after it: "ExoMars" + "mission"."""
    i = end
    if i < len(doc) and doc[i].text in ("'", '"') and doc[start - 1:start].text in ("'", '"'):
        i += 1  # "the 'Gaganyaan' mission": a quoted name, then its kind
    while i < len(doc) and i < end + 2 and doc[i].lower_ in KIND_MODIFIERS:
        i += 1
    # (and words that make a craft's kind: "the Tianzhou-5 cargo craft", "the Hera planetary defence
    # mission"; not "the New Norcia ground station", a station on the ground)
    kind = next((j for j in range(i, min(i + 3, len(doc))) if doc[j].lemma_.lower() in KIND_CLASSES
                 and doc[j].pos_ == "NOUN"), None)
    if kind is not None and kind > i and KIND_CLASSES[doc[kind].lemma_.lower()] in (*CRAFT_CLASSES, "Mission") and all(
            t.is_alpha and t.is_lower and t.pos_ in ("NOUN", "ADJ") and t.dep_ in ("compound", "amod")
            and i <= t.head.i <= kind and t.lemma_.lower() not in KIND_CLASSES for t in doc[i:kind]) \
            and doc[i - 1].text != "-":
        i = kind
    if i < len(doc) and doc[i].lemma_.lower() in KIND_CLASSES and doc[i].pos_ in ("NOUN", "PROPN"):
        # the last of two kind nouns: "the Mengtian laboratory module" is a module
        two = i + 1 < len(doc) and doc[i].dep_ == "compound" and doc[i].head.i == i + 1 \
            and doc[i + 1].lemma_.lower() in KIND_CLASSES and doc[i + 1].pos_ == "NOUN"
        return i + 2 if two else i + 1
    return end


def _introduces_person(tok) -> bool:
    """A title or an organisation's acronym before a person's name: "Administrator Bill Nelson",
    "NASA Bill Nelson" (but not "Utopia" before the model's mistaken person "Planitia")."""
    return tok.lower_ in TITLES or (tok.text.isupper() and len(tok.text) > 1)


def _alike(a: str, b: str) -> bool:
    import difflib

    return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio() > 0.8


def _with_acronyms(doc, mentions: list[Mention]) -> list[Mention]:
    """"Name (ACR)": the acronym is the name's, not a mention of its own."""
    out: list[Mention] = []
    skip_until = -1
    for m in mentions:
        if m.start < skip_until:
            continue
        acronym_end = _acronym_after(doc, m.end)
        if acronym_end is None or m.entity.known:
            out.append(m)
            continue
        acronym = doc[m.end + 1:acronym_end].text
        inside = next((x for x in mentions if x.start == m.end + 1 and x.entity.known), None)
        span = set(range(m.start, acronym_end + 1))
        if inside is not None and _alike(m.entity.label, inside.entity.label):
            # "the Indian Space Research Organization (ISRO)": a spelling of the catalog's name
            out.append(Mention(m.start, acronym_end + 1, inside.entity, m.via, span))
        else:
            # the text's long name wins: "Andean Space Agency (ASA)" is not the catalog's ASA
            e = m.entity
            out.append(Mention(m.start, acronym_end + 1, new_entity(e.label, e.cls, e.evidence, e.offset, acronym),
                               m.via, span))
        skip_until = acronym_end + 1
    return out


def _with_aliases(doc, mentions: list[Mention]) -> list[Mention]:
    """"the Jupiter Icy Moons Explorer, or Juice,": the short name after ", or" is the same thing,
    its acronym when the name was new."""
    for first, second in itertools.pairwise(mentions):
        if second.start != first.end + 2 or doc[first.end].text != "," or doc[first.end + 1].lower_ != "or" \
                or second.entity.known or second.end - second.start != 1 or first.end - first.start < 2 \
                or (second.end < len(doc) and doc[second.end].text not in (",", ")", ".")):
            continue
        e = first.entity
        if not e.known:
            e = first.entity = new_entity(e.label, e.cls, e.evidence, e.offset, second.entity.label)
        second.entity = e
    return mentions


def _acronym_after(doc, i: int) -> int | None:
    """Where "(ACR)" right after token ``i - 1`` ends (the index of ")"), if an acronym is there."""
    if i >= len(doc) or doc[i].text != "(":
        return None
    close = next((j for j in range(i + 1, min(i + 5, len(doc))) if doc[j].text == ")"), None)
    if close is None or close == i + 1:
        return None
    inside = doc[i + 1:close].text
    if re.fullmatch(r"[A-Z][A-Za-z]*-?\d+[A-Za-z]?", inside):
        return close  # "Axiom Mission 3 (Ax-3)": a short name with its number
    letters = [c for c in inside if c.isalpha()]
    return close if letters and sum(c.isupper() for c in letters) >= max(2, len(letters) // 2) else None
