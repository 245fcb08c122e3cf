"""From an article to statements: parse, find mentions, read relations, certainty and time.

The stages, one module each: :mod:`~graph.extraction.nlp` (the spaCy pipeline),
:mod:`~graph.extraction.mentions` (entities, known and new; their classes in
:mod:`~graph.extraction.kinds`), :mod:`~graph.extraction.arguments`
(arguments and coreference), :mod:`~graph.extraction.clause` (one verb's arguments),
:mod:`~graph.extraction.examples` (plural nouns and the names they list),
:mod:`~graph.extraction.relations`, :mod:`~graph.extraction.craft` and
:mod:`~graph.extraction.nominal` (the rules, their words in :mod:`~graph.extraction.lexicon`),
:mod:`~graph.extraction.certainty` and :mod:`~graph.extraction.times` (target dates in
:mod:`~graph.extraction.targets`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph.extraction.arguments import Discourse, SentenceReader
from graph.extraction.certainty import certainty, in_the_making
from graph.extraction.described import described_programmes
from graph.extraction.facts import Fact
from graph.extraction.inference import landed_wholes, launchers, series, series_operator
from graph.extraction.lexicon import IMPLIED_RIVALRY, NEGOTIATION_NOUNS
from graph.extraction.mentions import Entity, Mention, MentionFinder, is_a, short_names, with_article_acronyms
from graph.extraction.nominal import noun_facts
from graph.extraction.relations import verb_facts
from graph.extraction.targets import dated, time_of
from graph.extraction.times import TimeValue, article_time, find_times
from graph.linking import Linker
from graph.qualifiers import certainty_rank
from graph.text import Article, normalise, without_dateline

if TYPE_CHECKING:
    from graph.model import Statement

EVENT_TYPES = {"partnerOf": "060", "signedAgreement": "057", "rivalOf": "110"}


@dataclass
class Extracted:
    """One extracted statement, ready to print or to write as a curated claim."""

    subject: str
    relation: str
    object: str  # an IRI, or a literal (the ISO date of a targetDate)
    certainty: str
    evidence: str
    start: int
    subject_label: str = ""
    object_label: str = ""
    point_in_time: TimeValue | None = None
    end_time: TimeValue | None = None
    event_type: str | None = None
    comment: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.subject, self.relation, self.object)

    def statement(self) -> Statement:
        """The extracted statement in the project's one statement model (:class:`graph.model.Statement`)."""
        from graph.model import Certainty, Evidence, Statement, TimeValue
        from graph.namespaces import CAMEO, SPACE
        from graph.terms import Lit

        obj = TimeValue.parse(self.object).literal() if self.relation == "targetDate" else self.object
        return Statement(
            self.subject, SPACE + self.relation, obj, certainty=Certainty.named(self.certainty),
            evidence=Evidence(self.evidence, self.start),
            point_in_time=TimeValue.parse(self.point_in_time.value) if self.point_in_time else None,
            end_time=TimeValue.parse(self.end_time.value) if self.end_time else None,
            time_expression=self.extra.get("time_expression"),
            event_type=CAMEO + self.event_type if self.event_type else None,
            comment=Lit(self.comment, language="en") if self.comment else None,
        )

    @property
    def when(self) -> str:
        """The time column of the TSV: the point in time, or ``until <end>``."""
        if self.end_time is not None:
            return f"until {self.end_time.value}"
        return self.point_in_time.value if self.point_in_time else ""


class Extraction(list):
    """The statements of an article (a list), and the new entities they use (``.entities``)."""

    def __init__(self, statements=(), entities: list[Entity] | None = None) -> None:
        super().__init__(statements)
        self.entities = entities or []


_FINDERS: dict[int, tuple[Linker, MentionFinder]] = {}


def _finder(linker: Linker) -> MentionFinder:
    from graph.extraction.nlp import pipeline

    if id(linker) not in _FINDERS:
        _FINDERS[id(linker)] = (linker, MentionFinder(pipeline(), linker))
    return _FINDERS[id(linker)][1]


def extract(article: Article, *, date: str | None = None, linker: Linker | None = None) -> Extraction:
    """The statements of an article, in text order, without duplicates."""
    from graph.extraction.nlp import pipeline

    linker = linker or Linker.default()
    nlp, finder = pipeline(), _finder(linker)
    article_date = date or article.date
    sentences = [without_dateline(s) for s in article.sentences()]
    discourse = Discourse()
    out = Extraction()
    best: dict[tuple[str, str, str], Extracted] = {}
    new: dict[str, Entity] = {}
    first: dict[str, tuple[Mention, str, int]] = {}
    acronyms: dict[str, Entity] = {}
    for sentence, doc in zip(sentences, nlp.pipe(normalise(s.text) for s in sentences), strict=True):
        mentions = with_article_acronyms(doc, finder.find(doc, sentence.text, sentence.start), acronyms)
        mentions = sorted(mentions + described_programmes(doc, mentions, sentence.text, sentence.start),
                          key=lambda m: m.start)
        # (and its full name, which the model may not tag again: "Arianespace said it ...")
        acronyms.update({n: m.entity for m in mentions if not m.entity.known and m.via != "description"
                         for n in [*short_names(m.entity), m.entity.label] if n[:1].isupper()})
        # "Jeremy Hansen ... Hansen": a person named in full, then by surname
        acronyms.update({m.entity.label.split()[-1]: m.entity for m in mentions if " " in m.entity.label
                         and is_a(linker, m.entity, "Person")})
        reader = SentenceReader(doc, mentions, linker, discourse, sentence.text, sentence.start)
        times = find_times(sentence.text, article_date)
        for st in _statements(reader, times, article_date):
            previous = best.get(st.key)
            if previous is None:
                best[st.key] = st
                out.append(st)
            elif previous.end_time is None and (
                    st.end_time is not None or certainty_rank(st.certainty) > certainty_rank(previous.certainty)):
                # a higher certainty wins; so does the news that the relation ended
                out[out.index(previous)] = best[st.key] = st
        for entity in [m.entity for m in mentions] + reader.new_entities:
            if not entity.known:
                new.setdefault(entity.iri, entity)
        discourse.mentioned += [e for m in mentions for e in _named_entities(reader, m)]
        discourse.main = _main_arguments(reader)
        for m in mentions:
            first.setdefault(m.entity.iri, (m, sentence.text, sentence.start))
    for st in _inferred(out, first, linker, discourse):
        if st.key not in best:
            best[st.key] = st
            out.append(st)
    used = {x for st in out for x in (st.subject, st.object)}
    out.entities = [e for iri, e in new.items() if iri in used]
    return out


def _inferred(out: list[Extracted], first: dict[str, tuple[Mention, str, int]], linker: Linker,
              discourse: Discourse) -> list[Extracted]:
    """What the article implies across its sentences (:mod:`graph.extraction.inference`), stated as
    ``inferred``: missions of a programme named alike, the one operator of a series, a mission whose
    lander landed, and who launched a craft the article says was launched without saying by whom."""
    def is_a_(m, *classes):
        return is_a(linker, m.entity, *classes)

    found = [Extracted(mission.entity.iri, "partOf", programme.entity.iri, "inferred", text, offset,
                       subject_label=_shown(mission), object_label=_shown(programme))
             for mission, programme, text, offset in series(first, is_a_)]
    operated: dict[str, set[str]] = {}
    for st in out:
        if st.relation == "operates":
            operated.setdefault(st.object, set()).add(st.subject)
    labels = {st.subject: st.subject_label for st in out}
    found += [Extracted(operator, "operates", mission.entity.iri, "inferred", text, offset,
                        subject_label=labels[operator], object_label=_shown(mission))
              for operator, mission, text, offset in series_operator(first, operated, is_a_)]
    found += [Extracted(whole, "landedOn", st.object, "inferred" if st.certainty == "stated" else st.certainty,
                        st.evidence, st.start, subject_label=label, object_label=st.object_label,
                        point_in_time=st.point_in_time) for st, whole, label in landed_wholes(out, first, is_a_)]
    found += [Extracted(operator, "launched", craft.entity.iri, "inferred", text, offset,
                        subject_label=labels[operator], object_label=_shown(craft))
              for operator, craft, text, offset in launchers(discourse.unlaunched, operated, first, is_a_)]
    return found


def _statements(reader: SentenceReader, times: list[TimeValue], article_date: str | None) -> list[Extracted]:
    facts = verb_facts(reader) + noun_facts(reader) + _based_in(reader)
    out: list[Extracted] = []
    for fact in facts:
        if fact.subject.entity.iri == fact.object.entity.iri or not _fits(reader, fact):
            continue
        level = _level(reader, fact)
        if level is None:
            continue
        when = time_of(reader, fact.at, times)
        # at the precision both share: a day later this year is ahead, "2024" in a 2024 article is not,
        # unless a plan says it ("will launch it later this year")
        past = when if when and (not article_date or when.value < article_date[:len(when.value)] or (
            when.value == article_date[:len(when.value)] and level != "planned")) else None
        if fact.ended and level != "stated" and when is None:
            continue  # "would leave the ISS", no date: nothing to say when the relation ends
        st = _statement(reader, fact.subject, fact.relation, fact.object, level)
        if fact.ended:
            st.end_time = (past or article_time(article_date)) if level == "stated" else when
        elif fact.relation in EVENT_TYPES or fact.relation in ("launched", "landedOn", "returnedSamples"):
            st.point_in_time = past if level == "stated" else when
        t = st.end_time or st.point_in_time
        if t is not None and t.expression and t.expression != t.value:
            st.extra["time_expression"] = t.expression
        out.append(st)
        if level == "planned" and when is not None and not past:
            # what is scheduled: the plan's object, the craft that is to be launched or to land
            planned = {"plansMission": fact.object, "launched": fact.object,
                       "landedOn": fact.subject}.get(fact.relation)
            if planned is not None and reader.is_a(planned, "Undertaking", "Spacecraft"):
                out.append(_target(reader, planned, when))
    out += [_target(reader, m, when, level) for m, when, level in dated(reader, times, article_date)]
    return out


def _level(reader: SentenceReader, fact: Fact) -> str | None:
    """How certain the fact is: its clause's certainty, as the relation and the words at it adjust it."""
    word = reader.doc[fact.at].lemma_.lower()
    level = "stated" if fact.presupposed else certainty(reader.doc[fact.at])
    if fact.ended and level is None:
        level = "stated"  # "terminate the currently suspended co-operation": the end is what is said
    if level is None:
        return None
    if fact.relation == "plansMission" and level == "stated":
        level = "planned"  # a plan is a plan, however firmly it is said
    if fact.relation == "operates" and level == "stated" and in_the_making(reader.doc[fact.at]):
        level = "planned"  # "NASA is developing the Gateway": it will run what it is still building
    if fact.relation == "rivalOf" and word in IMPLIED_RIVALRY:
        level = "inferred"
    if fact.relation == "partnerOf" and word in NEGOTIATION_NOUNS and level == "stated":
        level = "speculative"  # "in talks with India": a partnership that may come
    return level


def _statement(reader: SentenceReader, s: Mention, relation: str, o: Mention, level: str) -> Extracted:
    return Extracted(s.entity.iri, relation, o.entity.iri, level, reader.text, reader.offset,
                     subject_label=_shown(s), object_label=_shown(o),
                     event_type=EVENT_TYPES.get(relation))


def _shown(m: Mention) -> str:
    """The entity's label, and the text's own words for it where they differ: "Emirates Mars Mission
    (Hope Probe mission)", "Korea Aerospace Research Institute (Korean Aerospace Research Institute)";
    not for a spelling variant ("Organization" for "Organisation")."""
    same = _spelling(m.surface) == _spelling(m.entity.label)
    return f"{m.entity.label} ({m.surface})" if m.surface and not same else m.entity.display


def _spelling(name: str) -> str:
    """A name with British and American spellings made one: "organisation", "centre"."""
    name = re.sub(r"[^a-z0-9 ]", "", name.lower())
    return re.sub(r"is(e|ed|ing|ation)\b", r"iz\1", name).replace("centre", "center").replace("programme", "program")


def _target(reader: SentenceReader, m: Mention, when: TimeValue, level: str = "planned") -> Extracted:
    st = Extracted(m.entity.iri, "targetDate", when.value, level, reader.text, reader.offset,
                   subject_label=_shown(m), object_label=when.expression or when.value, point_in_time=when)
    if when.expression and when.expression != when.value:
        st.extra["time_expression"] = when.expression
    return st


def _based_in(reader: SentenceReader) -> list[Fact]:
    """An agency named after its country: "China National Space Administration", "Russian space agency"."""
    out = []
    for m in reader.mentions:
        if not reader.is_actor(m) or reader.is_a(m, "Country") or m.via == "pronoun":
            continue
        iri = reader.linker.country_in(reader.doc[m.start:m.end].text)
        if iri:
            country = Mention(m.start, m.start, _country_entity(reader.linker, iri), "description", set())
            out.append(Fact(m, "basedIn", country, m.start, presupposed=True))  # said by the name itself
    return out


def _main_arguments(reader: SentenceReader) -> list[Entity]:
    """The entities the sentence's main clause is about, in text order: its subject, objects and the
    objects of its prepositions, not what its modifiers name."""
    root = next((t for t in reader.doc if t.dep_ == "ROOT"), None)
    if root is None:
        return []
    heads = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")]
    heads += [p for c in root.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    found = [m for h in heads for m in reader.args(h)]
    return [m.entity for m in sorted(dict.fromkeys(found), key=lambda m: m.start)]


def _named_entities(reader: SentenceReader, m: Mention) -> list[Entity]:
    """What a mention names for later sentences: "India's space agency" names India too, so that
    "the country" can refer back to it."""
    if m.via != "description":
        return [m.entity]
    country = reader.linker.country_in(reader.doc[m.start:m.end].text)
    return ([_country_entity(reader.linker, country)] if country else []) + [m.entity]


def _country_entity(linker: Linker, iri: str) -> Entity:
    e = linker.entities[iri]
    return Entity(iri, e.label, "", True)


# domain and range checks per relation: what a subject and an object may be
_SIGNATURES = {
    "basedIn": (("Actor",), ("Country", "Place")),
    "locatedIn": (("Undertaking", "Facility", "Place", "Spacecraft"), ("Place", "CelestialBody", "Orbit")),
    "landedOn": (("Undertaking", "Spacecraft", "Actor"), ("Place", "CelestialBody", "Region")),
    "operates": (("Actor",), ("Undertaking", "Facility", "Spacecraft", "Agreement")),
    "launched": (("Actor",), ("Undertaking", "Spacecraft")),
    "partOf": (("Undertaking", "Spacecraft", "Facility"), ("Undertaking", "Spacecraft", "Facility")),
}


def _fits(reader: SentenceReader, fact: Fact) -> bool:
    if fact.relation == "operates" and fact.presupposed and reader.is_a(fact.subject, "SpaceAgency") \
            and reader.is_actor(fact.object) and not reader.is_a(fact.object, "Country", "SpaceAgency", "Company"):
        return True  # "NASA's Jet Propulsion Laboratory": an agency runs its laboratories
    signature = _SIGNATURES.get(fact.relation)
    if signature is None:
        return not reader.is_a(fact.subject, "Person") or fact.relation == "memberOf"
    return reader.is_a(fact.subject, *signature[0]) and reader.is_a(fact.object, *signature[1])


def to_tsv(statements: list[Extracted]) -> str:
    """One statement a line: subject, relation, object, time, certainty, evidence (tab-separated).

    The evidence is verbatim (curly quotes and non-breaking spaces as stored), so that it is the
    text at the statement's offsets. The new entities the statements use follow as ``#`` comment
    lines (no tab: a reader of the table skips them).
    """
    lines = ["subject\trelation\tobject\twhen\tcertainty\tevidence"]
    for st in statements:
        lines.append("\t".join([st.subject_label, st.relation, st.object_label, st.when, st.certainty,
                                st.evidence.replace("\t", " ").replace("\n", " ")]))
    for e in getattr(statements, "entities", []):
        lines.append(f"# new entity: {e.display} - {e.cls} - introduced by: {' '.join(e.evidence.split())}")
    return "\n".join(lines) + "\n"


def entity_turtle(entity: Entity) -> str:
    """A proposed entity as curated Turtle: class, label and acronym (never a Wikidata ID)."""
    from rdflib import Literal

    from graph.statements import turtle_term

    acronym = f" ;\n    :acronym {turtle_term(Literal(entity.acronym))}" if entity.acronym else ""
    return (f"kg:{entity.iri.rsplit('/', 1)[1]} a :{entity.cls} ;\n"
            f"    rdfs:label {turtle_term(Literal(entity.label, lang='en'))}{acronym} .")
