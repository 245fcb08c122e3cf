"""What a new entity is: its class, read from its words and from how the sentence uses it.

The nouns that say what a thing is ("the Zephyr rover", "the Condor program") name its class in
the ontology; so do the words of an organisation's name ("Axiom Space", "Rocket Lab"), a title
before a person's name, ISO 3166 (``pycountry``) for countries, the name of a solar-system body,
the place of a landing ("touched down in Mare Crisium"), and, last, the language model's label.
"""

from __future__ import annotations

import functools
import re

from graph.extraction.lexicon import SOLAR_SYSTEM_BODIES
from graph.linking import DEMONYMS

# The nouns that say what a named thing is ("the Zephyr rover", "the Condor program"), by its class
# in the ontology.
KIND_WORDS = {
    "Rover": "rover", "Lander": "lander", "Orbiter": "orbiter",
    "Spacecraft": "probe spacecraft satellite capsule craft module cubesat smallsat nanosatellite microsatellite "
                  "explorer helicopter drone hopper shuttle",
    "Instrument": "telescope camera instrument payload observatory",
    "Mission": "mission missions flight",
    "Program": "program programme project initiative constellation series campaign network",
    "SpaceStation": "station outpost base",
    "CelestialBody": "asteroid comet planet",
    "LaunchVehicle": "rocket launcher vehicle",
    "Agreement": "agreement accord accords treaty contract",
    "MemorandumOfUnderstanding": "memorandum mou",
    "SpaceAgency": "agency administration",
    "Company": "corporation company industries",
    "Facility": "centre center cosmodrome spaceport facility site",
    "Region": "region province prefecture oblast county district territory",
    "Place": "desert island peninsula coast plateau mountain mountains valley sea bay gulf lake city town village",
    "SurfaceRegion": "crater planitia mare basin",
    "Actor": "organisation organization commission institute laboratory university association consortium "
             "force ministry department",
}
KIND_CLASSES = {word: cls for cls, words in KIND_WORDS.items() for word in words.split()}
# the kinds of craft a launch names and whose kind words a name may take ("cargo craft", "service module")
CRAFT_CLASSES = ("Spacecraft", "Lander", "Rover", "Orbiter")
NER_CLASSES = {"GPE": "Place", "NORP": "Country", "PERSON": "Person", "ORG": "Actor", "PRODUCT": "Spacecraft",
               "FAC": "Facility", "LOC": "Place", "LAW": "Agreement", "EVENT": "Mission", "WORK_OF_ART": "Mission"}
# Words that are never an entity by themselves, though capitalised at a sentence start or in titles.
NOT_NAMES = {"the", "a", "an", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "i",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "moreover", "however",
              "earth"}
# Time zones and currencies, in capitals or before a number: "(1157 GMT)", "Rs 615-crore"
TIME_ZONES = {"gmt", "utc", "cet", "cest", "eet", "eest", "bst", "est", "edt", "cst", "cdt", "mst", "mdt", "pst",
              "pdt", "ist", "jst", "kst", "msk", "hkt", "aest", "aedt", "gst"}
CURRENCIES = {"rs", "rs.", "inr", "usd", "us$", "eur", "gbp", "jpy", "cny", "rmb", "yuan", "yen", "rupees", "rubles"}
NOT_NAMES |= TIME_ZONES | CURRENCIES
NOT_ENTITIES = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
# Words before a name that make it a person's: "Minister ...", "Prof. ...", "CEO ..."
TITLES = {"minister", "prof", "prof.", "professor", "dr", "dr.", "ceo", "director", "administrator", "president",
          "chief", "chairman", "chair", "head", "secretary", "ambassador", "commander", "astronaut", "cosmonaut",
          "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "sheikh", "general", "gen.", "colonel", "col.", "captain",
          "capt.", "lieutenant", "lt.", "brigadier", "admiral", "senator", "governor", "premier", "prince",
          "princess", "king", "queen", "emir"}
# words that make a name an organisation's, whatever the model's label
ORGANISATION_WORDS = {"space", "aerospace", "machines", "industries", "systems", "technologies", "dynamics",
                      "corporation", "corp", "inc", "ltd", "llc", "labs", "lab", "company", "aeronautics",
                      "astronautics"}
# nouns that say a name is a company's: "Lunar Outpost, a Colorado startup"
COMPANY_NOUNS = {"company", "firm", "startup", "operator", "manufacturer", "contractor", "subsidiary"}
# what only a spacecraft does: its unknown subject is one
CRAFT_VERBS = {"launch", "land", "arrive", "orbit", "lift", "touch", "crash", "dock", "fly", "splash", "reach", "enter"}
# what only happens to a craft: the name it is "of" is a craft's
CRAFT_EVENT_NOUNS = {"crash", "launch", "landing", "liftoff", "touchdown", "splashdown", "docking", "arrival"}
# words that put a station on the ground
_GROUND_STATIONS = {"force", "ground", "tracking", "naval", "research", "relay", "receiving", "launch"}
_ACTING = {"SpaceAgency", "Actor", "Company", "Country", "Person"}
_NUMBERED = re.compile(r"^[A-Z][\w']*(?:[\s-][A-Z][\w']*)*[\s-]?\d+[A-Za-z]?$")


def class_of(doc, span, label_span, via: str) -> str | None:
    """The class of a new name ``span`` (labelled ``label_span``): its own words first, then how the
    sentence uses it, last the language model's label."""
    words = [t.lower_ for t in label_span]
    if len(label_span) == 1 and (words[0] in NOT_NAMES or not label_span[0].text[:1].isupper()):
        return None
    if any(t.like_num for t in span) and len(span) == 1:
        return None
    if words[0] in TITLES or any(w in TITLES and w.endswith(".") for w in words):
        return "Person"
    if words[-1] in TITLES:
        return None  # "NASA Administrator": a title, the organisation is named inside it
    lemmas = [t.lemma_.lower() for t in label_span]
    if _described_as(span) in COMPANY_NOUNS or any(
            c.dep_ == "amod" and c.lower_ in ("based", "headquartered") for c in span.root.children):
        return "Company"  # "Lunar Outpost, a Colorado startup", "Paris-based Eutelsat": whatever its name's words
    if words[-1] in ORGANISATION_WORDS and lemmas[-1] not in KIND_CLASSES:
        return "Company"  # "Rocket Lab", "Firefly Aerospace": the last word names an organisation
    for t in reversed(label_span):
        if t.lemma_.lower() in KIND_CLASSES and t.pos_ in ("NOUN", "PROPN"):
            if KIND_CLASSES[t.lemma_.lower()] == "SpaceStation" and set(words) & _GROUND_STATIONS:
                return "Facility"  # "Cape Canaveral Space Force Station", "New Norcia ground station"
            return KIND_CLASSES[t.lemma_.lower()]  # a kind noun, not the verb in "Based on the ..."
    named = span.root.head
    if span.root.dep_ in ("oprd", "attr", "dobj") and named.lemma_.lower() in ("name", "call", "dub") \
            and named.dep_ == "acl" and named.head.lemma_.lower() in KIND_CLASSES:
        return KIND_CLASSES[named.head.lemma_.lower()]  # "a lander named Vikram", "a rover called Pragyan"
    described = _described_as(span)
    if described in KIND_CLASSES:
        return KIND_CLASSES[described]  # "Pragyan, the rover of the mission": what the apposition says
    if span.text in DEMONYMS:
        return None  # a nationality that is not a catalog country says too little
    governor = span.root.head
    if span.root.dep_ == "nsubj" and governor.lemma_ in ("be", "become", "remain"):
        kinds = [c.lemma_.lower() for c in governor.children if c.dep_ == "attr"]
        if kinds and kinds[0] in KIND_CLASSES:
            return KIND_CLASSES[kinds[0]]  # "Hera is a European Space Agency mission"
    if set(words) & ORGANISATION_WORDS or described in COMPANY_NOUNS:
        return "Company"  # "Axiom Space", "Lunar Machines, a Houston-based company": whatever the model says
    if via == "camel":
        return "Company"  # "SpaceX", "OneWeb"
    if span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() == "launch" and _NUMBERED.match(span.text) and any(
            c.dep_ == "dobj" for c in span.root.head.children):
        return "LaunchVehicle"  # "The Falcon 9 launched the capsule": what launches a craft is a rocket
    if _NUMBERED.match(span.text) or any(_NUMBERED.match(c.text) and c.text.startswith(span.text)
                                         for c in span.root.conjuncts):
        return "Spacecraft"  # "Condor-3", "Luna 25", and "Hayabusa" in "Hayabusa and Hayabusa2": craft
    role = _class_by_role(doc, span)
    if role is not None:
        return role
    if span.text in SOLAR_SYSTEM_BODIES:
        return "CelestialBody"  # "a mission to Venus", whatever the model's label
    if is_country_name(span.text):
        return "Country"  # ISO 3166 knows it, whatever the model's label: "French Guiana", "Belarus"
    labels = {e.label_ for e in doc.ents if e.start < span.end and span.start < e.end}
    if labels & {"GPE", "LOC"} and any(c.ent_type_ == "ORG" and c.pos_ == "PROPN" for c in span.root.conjuncts):
        return "Actor"  # "a joint venture of Airbus and Safran": named with an organisation, one too
    if "GPE" in labels and not is_location(doc, span):
        return "Country"  # a country the catalog does not know yet, acting: "Chile signed", "Peru's rover"
    for label in ("PERSON", "GPE", "ORG", "FAC", "LOC", "PRODUCT", "LAW", "NORP"):
        if label in labels:
            return None if label == "NORP" else NER_CLASSES[label]
    if any(c.ent_type_ == "PERSON" for c in span.root.conjuncts) and len(span) > 1:
        return "Person"  # "Ana Ruiz and Luis Soto": named like the person it is coordinated with
    if via == "shape":
        return "Spacecraft"
    return None


def _class_by_role(doc, span) -> str | None:
    """The class a name's place in the sentence says: its title, the kind before it, what it does or
    what is done to it ("Odysseus was launched", "landed in Mare Crisium", "aboard Shenzhou-15")."""
    governor = span.root.head
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lemma_.lower() in KIND_CLASSES and before.pos_ == "NOUN" and span.start > 1 \
            and (doc[span.start - 2].lower_ in ("the", "a", "an") or before.head.i in range(span.start, span.end)):
        return KIND_CLASSES[before.lemma_.lower()]  # "the asteroid Dimorphos", "from asteroid Ryugu"
    if (before is not None and before.lower_ in TITLES) or (
            len(span) > 1 and all(t.ent_type_ == "PERSON" for t in span)):
        return "Person"  # "astronaut Satoshi Furukawa flew": a person, though flying is what craft do
    if any(c.dep_ == "acl" and any(x.dep_ == "xcomp" and craft_verb(x) for x in c.children)
           for c in span.root.children):
        return "Spacecraft"  # "NASA's Europa Clipper, scheduled to launch in October"
    if len(span) == 1 and re.fullmatch(r"[A-Z][a-z]+space", span.text):
        return "Company"  # "Arianespace": one word ending in "space" names a company
    built = ("build", "manufacture", "assemble")
    if (span.root.dep_ == "nsubjpass" and governor.lemma_.lower() in built) or any(
            c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in built for c in span.root.children):
        return "Spacecraft"  # "Hera was built by OHB", "Peregrine, built by Astrobotic": hardware
    if span.root.dep_ in ("nsubj", "nsubjpass") and (craft_verb(governor) or any(
            c.dep_ == "xcomp" and craft_verb(c) for c in governor.children)):
        return "Spacecraft"  # "Hera will arrive at Didymos", "Odysseus was launched"
    if _landing_site(span.root) and not any(t.ent_type_ in NOT_ENTITIES or t.lower_ in MONTHS for t in span):
        return "Place"  # "touched down in Mare Crisium": where a craft lands is a place, whatever the model says
    if span.root.dep_ == "pobj" and span.root.head.lower_ in ("aboard", "onboard", "inside"):
        return "Spacecraft"  # "housed inside Vikram", "aboard Shenzhou-15": what carries is a craft
    of = span.root.head if span.root.dep_ == "pobj" else None
    if of is not None and of.lower_ == "of" and of.head.lemma_.lower() in CRAFT_EVENT_NOUNS:
        return "Spacecraft"  # "the crash of Israel's Beresheet", "the launch of Tianwen": what crashed is a craft
    if span.root.dep_ == "npadvmod" and span.root.head.lower_ in ("based", "headquartered"):
        return "Place"  # "Santiago-based": where something is based is a place, whatever the model says
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


def _landing_site(tok) -> bool:
    """Whether the token is the place of a landing or a launch: "landed in Jezero Crater", "touched
    down near X", "lifted off from Kourou", "its debut flight from Kourou"."""
    prep = tok.head
    landing = prep.lower_ in ("in", "on", "at", "near", "onto") and \
        prep.head.lemma_.lower() in ("land", "touch", "crash", "splash")
    launch = prep.lower_ == "from" and prep.head.lemma_.lower() in ("launch", "lift", "blast", "flight", "liftoff")
    return tok.dep_ == "pobj" and (landing or launch)


def craft_verb(verb) -> bool:
    """What only a craft does, said without an object: "Hera will arrive", "Odysseus was launched"
    ("Rocket Lab launched the probe" is an actor's deed)."""
    if verb.lemma_.lower() in ("orbit", "circle") and verb.pos_ == "VERB":
        return True  # "Hera will orbit the asteroid": only a craft orbits something
    if verb.lemma_.lower() in ("enter", "reach") and any(c.dep_ == "dobj" and c.lemma_.lower() == "orbit"
                                                         for c in verb.children):
        return True  # "BepiColombo will enter orbit around Mercury"
    return verb.lemma_.lower() in CRAFT_VERBS and not any(c.dep_ == "dobj" for c in verb.children)


def names_an_organisation(span, via: str) -> bool:
    """"Andean Space Agency", "Axiom Space", "SpaceX": words that say an organisation is meant."""
    kinds = {KIND_CLASSES.get(t.lemma_.lower()) for t in span}
    # the last word: "Axiom Space", "Israel Aerospace Industries" (not "Space Safety", a programme's name)
    return via == "camel" or span[-1].lower_ in ORGANISATION_WORDS or bool(kinds & _ACTING)


def _described_as(span) -> str:
    """The noun of an apposition to the span: "Lunar Machines, a Houston-based company" -> company;
    or the noun the span is the apposition of: "its second lunar lander, Resilience" -> lander."""
    root = span.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        return root.head.lemma_.lower()
    while root.dep_ == "conj" and root.head.pos_ == "PROPN":
        root = root.head  # "two modules, Wentian and Mengtian": the list's first name
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in ("as", "including", "like") and head.head.tag_ == "NNS":
        return head.head.lemma_.lower()  # "commercial outposts, such as Axiom Station and Orbital Reef"
    if root.dep_ == "conj" and head.tag_ == "NNS" and head.i + 1 < len(head.doc) and head.doc[head.i + 1].text == ",":
        return head.lemma_.lower()  # a plural noun, then its names: the parser's "conj" for an apposition
    return next((c.lemma_.lower() for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"), "")


def is_location(doc, span) -> bool:
    """A place name used as a place ("in Lima", "Houston-based", "Addis Ababa, May 23", "Lima, Peru"),
    not as an actor ("Chile signed", "Peru's rover", "with Chile")."""
    head = span.root
    after = doc[span.end:span.end + 2]
    if len(after) == 2 and after[0].text == "," and after[1].ent_type_ == "DATE":
        return True  # a dateline: "Addis Ababa, May 23, 2025 (FMC) -"
    if head.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "agent"):
        return False
    if head.dep_ in ("npadvmod", "compound") and head.head.tag_ == "VBN" and head.head.lower_ not in ("based",
                                                                                                     "headquartered"):
        return False  # "the Moscow-leased Baikonur Cosmodrome": Moscow acts ("Houston-based" is a place)
    if head.dep_ == "conj":
        return is_location(doc, doc[head.head.i:head.head.i + 1])
    return not (head.dep_ == "pobj" and head.head.lower_ in ("with", "between", "by", "among"))
