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

import functools
import re
from dataclasses import dataclass, field

from graph.extraction.lexicon import CAPITALS, SOLAR_SYSTEM_BODIES
from graph.linking import DEMONYMS, Linker
from graph.namespaces import KG
from graph.text import normalise

# The nouns that say what a named thing is ("the Zephyr rover", "the Condor program"), by its class
# in the ontology.
KIND_WORDS = {
    "Rover": "rover", "Lander": "lander", "Orbiter": "orbiter",
    "Spacecraft": "probe spacecraft satellite capsule craft module cubesat smallsat nanosatellite microsatellite",
    "Instrument": "telescope camera instrument payload observatory",
    "Mission": "mission missions flight",
    "Program": "program programme project initiative constellation series",
    "SpaceStation": "station outpost base",
    "CelestialBody": "asteroid comet planet",
    "LaunchVehicle": "rocket launcher vehicle",
    "Agreement": "agreement accord accords treaty contract",
    "MemorandumOfUnderstanding": "memorandum mou",
    "SpaceAgency": "agency administration",
    "Company": "corporation company industries",
    "Facility": "centre center cosmodrome spaceport facility site",
    "Actor": "organisation organization commission institute laboratory university association consortium "
             "force ministry department",
}
KIND_CLASSES = {word: cls for cls, words in KIND_WORDS.items() for word in words.split()}
NER_CLASSES = {"GPE": "Place", "NORP": "Country", "PERSON": "Person", "ORG": "Actor", "PRODUCT": "Spacecraft",
               "FAC": "Facility", "LOC": "Place", "LAW": "Agreement", "EVENT": "Mission", "WORK_OF_ART": "Mission"}
# Words that are never an entity by themselves, though capitalised at a sentence start or in titles.
_NOT_NAMES = {"the", "a", "an", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "i",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "moreover", "however",
              "earth"}
_NOT_ENTITIES = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
# Words before a name that make it a person's: "Minister ...", "Prof. ...", "CEO ..."
TITLES = {"minister", "prof", "prof.", "professor", "dr", "dr.", "ceo", "director", "administrator", "president",
          "chief", "chairman", "chair", "head", "secretary", "ambassador", "commander", "astronaut", "cosmonaut",
          "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "sheikh", "general", "gen."}
# words that make a name an organisation's, whatever the model's label
ORGANISATION_WORDS = {"space", "aerospace", "machines", "industries", "systems", "technologies", "dynamics",
                      "corporation", "corp", "inc", "ltd", "llc", "labs", "lab", "company", "aeronautics",
                      "astronautics"}
# what only a spacecraft does: its unknown subject is one
CRAFT_VERBS = {"launch", "land", "arrive", "orbit", "lift", "touch", "crash", "dock", "fly", "splash", "reach", "enter"}
_ACTING = {"SpaceAgency", "Actor", "Company", "Country", "Person"}
_NUMBERED = re.compile(r"^[A-Z][\w']*(?:[\s-][A-Z][\w']*)*[\s-]?\d+[A-Za-z]?$")
_CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z][A-Za-z]*$")
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
    via: str = "name"  # name, ner, shape, camel, propn, pronoun, description
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
        name = {"TEXT": {"REGEX": r"^[A-Z][\w']*$"}}
        self.shapes.add("craft", [[name, {"ORTH": "-", "OP": "?"}, {"LIKE_NUM": True}],
                                  [{"TEXT": {"REGEX": _CRAFT.pattern}}],
                                  [name, {"ORTH": "-"}, {"TEXT": {"REGEX": r"^[A-Z0-9][\w]*\.?$"}}]])

    def find(self, doc, sentence_text: str, offset: int) -> list[Mention]:
        spans = self._catalog_spans(doc) + self._other_spans(doc)
        chosen: list[Mention] = []
        taken: set[int] = set()
        for start, end, iri, via in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
            start, end = _trim(doc, start, end)
            if start >= end or taken & set(range(start, end)):
                continue
            mention = self._resolve(doc, start, end, iri, via, sentence_text, offset)
            if mention is not None:
                mention = self._capital_as_country(doc, mention)
                chosen.append(mention)
                taken |= mention.tokens
        chosen.sort(key=lambda m: m.start)
        return _with_acronyms(doc, chosen)

    def _capital_as_country(self, doc, m: Mention) -> Mention:
        """"Washington sees Beijing as a rival": a capital acting stands for its country's government."""
        country = CAPITALS.get(doc[m.start:m.end].text)
        iri = self.linker.country(country) if country else None
        if iri is None or _is_location(doc, doc[m.start:m.end]):
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
        out = [(e.start, e.end, None, "ner") for e in doc.ents if e.label_ in NER_CLASSES]
        times = {t.i for e in doc.ents if e.label_ in _NOT_ENTITIES for t in e}
        out += [(s, e, None, "shape") for _, s, e in self.shapes(doc)
                if not times & set(range(s, e)) and doc[s].lower_ not in _MONTHS]
        # "SpaceX", "OneWeb", "SpaceIL": one word with capitals inside names an organisation
        out += [(t.i, t.i + 1, None, "camel") for t in doc if _CAMEL.match(t.text)]
        # "the CAPSTONE cubesat": a word in capitals before a kind noun is a name, whatever its tag
        out += [(t.i, t.i + 1, None, "shape") for t in doc[:-1] if t.is_upper and t.is_alpha and len(t) > 2
                and doc[t.i + 1].lemma_.lower() in KIND_CLASSES and doc[t.i + 1].pos_ == "NOUN"]
        people = [e for e in doc.ents if e.label_ == "PERSON"]
        run = None
        for tok in doc:
            if tok.pos_ == "PROPN" and tok.lower_ not in _NOT_NAMES:
                continues = run and run[1] == tok.i and not _CAMEL.match(doc[tok.i - 1].text)
                run = (run[0], tok.i + 1) if continues else (tok.i, tok.i + 1)
                # a run into a person's name ("NASA Administrator Bill Nelson") is not one name, nor one
                # on from a one-word organisation ("SpaceX Falcon": a run starts again after it)
                if not any(run[0] < e.start < run[1] and _introduces_person(doc[e.start - 1]) for e in people):
                    out.append((run[0], run[1], None, "propn"))
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
        if kind_end > end and _names_an_organisation(span, via):
            kind_end = end  # "an Andean Space Agency mission": the agency names the mission, it is not it
        label_span = doc[start:kind_end]
        cls = _class_of(doc, span, label_span, via)
        if kind_end > end and doc[kind_end - 1].tag_ in ("NNS", "NNPS"):
            label_span = span  # "Chang'e 7 and Chang'e 8 missions": the kind is both names', not part of one
        if cls is None:
            return None
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


def short_names(entity: Entity) -> list[str]:
    """What the article may call a new entity after naming it in full: its acronym, and its name
    without the kind noun ("Hera mission" -> "Hera").

    >>> short_names(Entity("x", "Hera mission", "Mission", False, "HM"))
    ['HM', 'Hera']
    """
    out = [entity.acronym] if entity.acronym else []
    words = entity.label.split()
    while len(words) > 1 and words[-1].lower() in KIND_CLASSES:
        words.pop()
    name = " ".join(words)
    if name != entity.label and name[:1].isupper() and len(name) > 2 and name.lower() not in _NOT_NAMES:
        out.append(name)
    return out


def new_entity(label: str, cls: str, evidence: str, offset: int, acronym: str | None = None) -> Entity:
    """A proposed entity: its IRI is minted from its label, and it never gets a Wikidata ID."""
    slug = re.sub(r"[^a-z0-9]+", "-", normalise(label).lower().replace("'", "")).strip("-")
    return Entity(KG + slug, label, cls, False, acronym, evidence, offset)


def _trim(doc, start: int, end: int) -> tuple[int, int]:
    """Leave out a leading article or possessive, a trailing ``'s`` or punctuation, an open bracket."""
    for i in range(start + 1, end):
        if doc[i].text == "(" and not any(doc[j].text == ")" for j in range(i, end)):
            end = i
            break
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or (doc[end - 1].is_punct and doc[end - 1].text != ")")):
        end -= 1
    return start, end


def _number_after(doc, end: int) -> int:
    """The end of a serial number right after a name ("Rashid 2", "Artemis IV", "Luna-26"), or ``end``."""
    i = end + 1 if end < len(doc) - 1 and doc[end].text == "-" else end
    if i >= len(doc) or (doc[i].whitespace_ == "" and i + 1 < len(doc) and doc[i + 1].is_alpha):
        return end
    word = doc[i].text
    serial = (word.isdigit() and int(word) < 100) or (len(word) <= 4 and set(word) <= set("IVX"))
    return i + 1 if serial else end


def _kind_extension(doc, start: int, end: int) -> int:
    """The end of the span taken with a kind noun right after it: "ExoMars" + "mission"."""
    i = end
    if i < len(doc) and doc[i].text in ("'", '"') and doc[start - 1:start].text in ("'", '"'):
        i += 1  # "the 'Gaganyaan' mission": a quoted name, then its kind
    while i < len(doc) and i < end + 2 and doc[i].lower_ in ("lunar", "mars", "moon", "robotic", "space", "launch"):
        i += 1
    if i < len(doc) and doc[i].lemma_.lower() in KIND_CLASSES and doc[i].pos_ in ("NOUN", "PROPN"):
        return i + 1
    return end


def _class_of(doc, span, label_span, via: str) -> str | None:
    words = [t.lower_ for t in label_span]
    if len(label_span) == 1 and (words[0] in _NOT_NAMES or not label_span[0].text[:1].isupper()):
        return None
    if any(t.like_num for t in span) and len(span) == 1:
        return None
    if words[0] in TITLES or any(w in TITLES and w.endswith(".") for w in words):
        return "Person"
    if words[-1] in TITLES:
        return None  # "NASA Administrator": a title, the organisation is named inside it
    lemmas = [t.lemma_.lower() for t in label_span]
    if words[-1] in ORGANISATION_WORDS and lemmas[-1] not in KIND_CLASSES:
        return "Company"  # "Rocket Lab", "Firefly Aerospace": the last word names an organisation
    for word in reversed(lemmas):
        if word in KIND_CLASSES:
            return KIND_CLASSES[word]
    named = span.root.head
    if span.root.dep_ in ("oprd", "attr", "dobj") and named.lemma_.lower() in ("name", "call", "dub") \
            and named.dep_ == "acl" and named.head.lemma_.lower() in KIND_CLASSES:
        return KIND_CLASSES[named.head.lemma_.lower()]  # "a lander named Vikram", "a rover called Pragyan"
    if span.text in DEMONYMS:
        return None  # a nationality that is not a catalog country says too little
    governor = span.root.head
    if span.root.dep_ == "nsubj" and governor.lemma_ in ("be", "become", "remain"):
        kinds = [c.lemma_.lower() for c in governor.children if c.dep_ == "attr"]
        if kinds and kinds[0] in KIND_CLASSES:
            return KIND_CLASSES[kinds[0]]  # "Hera is a European Space Agency mission"
    if set(words) & ORGANISATION_WORDS or _described_as(span) in ("company", "firm", "startup", "operator"):
        return "Company"  # "Axiom Space", "Lunar Machines, a Houston-based company": whatever the model says
    if via == "camel":
        return "Company"  # "SpaceX", "OneWeb"
    if _NUMBERED.match(span.text):
        return "Spacecraft"  # "Condor-3", "Luna 25": numbered names are craft, whatever the model says
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lemma_.lower() in KIND_CLASSES and before.pos_ == "NOUN" and span.start > 1 \
            and doc[span.start - 2].lower_ in ("the", "a", "an"):
        return KIND_CLASSES[before.lemma_.lower()]  # "the asteroid Dimorphos", "the spacecraft Hera"
    if span.root.dep_ in ("nsubj", "nsubjpass") and (_craft_verb(governor) or any(
            c.dep_ == "xcomp" and _craft_verb(c) for c in governor.children)):
        return "Spacecraft"  # "Hera will arrive at Didymos", "Odysseus was launched"
    if _landing_site(span.root) and not any(t.ent_type_ in _NOT_ENTITIES or t.lower_ in _MONTHS for t in span):
        return "Place"  # "touched down in Mare Crisium": where a craft lands is a place, whatever the model says
    if span.text in SOLAR_SYSTEM_BODIES:
        return "CelestialBody"  # "a mission to Venus", whatever the model's label
    if is_country_name(span.text):
        return "Country"  # ISO 3166 knows it, whatever the model's label: "French Guiana", "Belarus"
    labels = {e.label_ for e in doc.ents if e.start < span.end and span.start < e.end}
    if "GPE" in labels and not _is_location(doc, span):
        return "Country"  # a country the catalog does not know yet, acting: "Chile signed", "Peru's rover"
    for label in ("PERSON", "GPE", "ORG", "FAC", "LOC", "PRODUCT", "LAW", "NORP"):
        if label in labels:
            return None if label == "NORP" else NER_CLASSES[label]
    if any(c.ent_type_ == "PERSON" for c in span.root.conjuncts) and len(span) > 1:
        return "Person"  # "Ana Ruiz and Luis Soto": named like the person it is coordinated with
    if via == "shape":
        return "Spacecraft"
    return None


def is_country_name(name: str) -> bool:
    """Whether ISO 3166 (``pycountry``) names a country so: its name, common or official name, or
    the name before the comma ("Venezuela, Bolivarian Republic of"). Codes do not count.

    >>> is_country_name("Belarus"), is_country_name("Venezuela"), is_country_name("Houston")
    (True, True, False)
    """
    return name.lower() in _country_names()


@functools.cache
def _country_names() -> frozenset[str]:
    import pycountry

    names = {getattr(c, a, None) for c in pycountry.countries for a in ("name", "common_name", "official_name")}
    return frozenset(n.lower() for name in names if name for n in (name, name.split(",")[0]))


def _introduces_person(tok) -> bool:
    """A title or an organisation's acronym before a person's name: "Administrator Bill Nelson",
    "NASA Bill Nelson" (but not "Utopia" before the model's mistaken person "Planitia")."""
    return tok.lower_ in TITLES or (tok.text.isupper() and len(tok.text) > 1)


def _landing_site(tok) -> bool:
    """Whether the token is the place of a landing: "landed in Jezero Crater", "touched down near X"."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ in ("in", "on", "at", "near", "onto") and \
        prep.head.lemma_.lower() in ("land", "touch", "crash", "splash")


def _craft_verb(verb) -> bool:
    """What only a craft does, said without an object: "Hera will arrive", "Odysseus was launched"
    ("Rocket Lab launched the probe" is an actor's deed)."""
    return verb.lemma_.lower() in CRAFT_VERBS and not any(c.dep_ == "dobj" for c in verb.children)


def _names_an_organisation(span, via: str) -> bool:
    """"Andean Space Agency", "Axiom Space", "SpaceX": words that say an organisation is meant."""
    words = {t.lower_ for t in span}
    kinds = {KIND_CLASSES.get(t.lemma_.lower()) for t in span}
    return via == "camel" or bool(words & ORGANISATION_WORDS) or bool(kinds & _ACTING)


def _described_as(span) -> str:
    """The noun of an apposition to the span: "Lunar Machines, a Houston-based company" -> company."""
    return next((c.lemma_.lower() for c in span.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"), "")


def _is_location(doc, span) -> bool:
    """A place name used as a place ("in Lima", "Houston-based", "Addis Ababa, May 23", "Lima, Peru"),
    not as an actor ("Chile signed", "Peru's rover", "with Chile")."""
    head = span.root
    after = doc[span.end:span.end + 2]
    if len(after) == 2 and after[0].text == "," and after[1].ent_type_ == "DATE":
        return True  # a dateline: "Addis Ababa, May 23, 2025 (FMC) -"
    if head.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "agent"):
        return False
    if head.dep_ == "conj":
        return _is_location(doc, doc[head.head.i:head.head.i + 1])
    return not (head.dep_ == "pobj" and head.head.lower_ in ("with", "between", "by", "among"))


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


def _acronym_after(doc, i: int) -> int | None:
    """Where "(ACR)" right after token ``i - 1`` ends (the index of ")"), if an acronym is there."""
    if i >= len(doc) or doc[i].text != "(":
        return None
    close = next((j for j in range(i + 1, min(i + 5, len(doc))) if doc[j].text == ")"), None)
    if close is None or close == i + 1:
        return None
    letters = [c for c in doc[i + 1:close].text if c.isalpha()]
    return close if letters and sum(c.isupper() for c in letters) >= max(2, len(letters) // 2) else None
