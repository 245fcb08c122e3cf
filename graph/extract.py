"""Relation extraction from news text: who partners, signs, operates, plans, lands, and when.

A sentence at a time, with rules on the catalog mentions (:mod:`graph.linking`) and the words
between them. The rules are general (cue words, the shape of the gap between two mentions, the
classes of the entities) so that they carry over to articles nobody has read; they are listed in
:data:`RELATIONS` and in the functions below. Precision beats recall: a missed fact costs a
reviewer a line, a wrong one costs trust.

Certainty comes from the wording (:func:`modality`): *could, might, may, suggests* make a claim
speculative; *will, would, plans, aims, scheduled, perhaps* make it planned; *signed, agreed,
has/have* keep partnerships and agreements stated. Negation (*will not, never, refused, would
have*) drops a claim; an ended relation (*terminated, suspended, cut ties, no longer, dissolution*)
becomes a partnership with an ``endTime`` instead of a current one.

Times (:func:`find_times`): full dates, months, years, "early 2019", "by 2030", "2027-28",
weekdays and "earlier this week" / "this year" relative to the article's date, each with its
precision.

Examples
--------
>>> from graph.text import Article
>>> text = "NASA and the Japan Aerospace Exploration Agency agreed to cooperate on the Gateway."
>>> [(s.subject_label, s.relation, s.object_label, s.certainty)
...  for s in extract(Article(text), date="2024-05-01") if s.relation == "partnerOf"]
[('National Aeronautics and Space Administration', 'partnerOf', 'Japan Aerospace Exploration Agency', 'stated')]
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta

from graph.linking import Linker, Mention
from graph.text import Article, Sentence, normalise, parse_date

RELATIONS = (
    "partnerOf", "signedAgreement", "memberOf", "rivalOf", "operates", "launched", "landedOn",
    "returnedSamples", "plansMission", "partOf", "basedIn", "locatedIn", "targetDate",
)
EVENT_TYPES = {"partnerOf": "060", "signedAgreement": "057", "rivalOf": "110"}

_I = re.IGNORECASE
PARTNER = re.compile(r"\b(partner\w*|co-?operat\w*|collaborat\w*|joint(ly)?|together|join(s|ed|ing)? hands|"
                     r"alliance|team(s|ed)? up|ties|cooperation|agreed to)\b", _I)
ENDED = re.compile(r"\b(terminat\w*|ended|ends|suspend\w*|suspension|cut ties|dissol\w*|dissolution|broke off|"
                   r"withdr[ae]w\w*|pulled out|no longer|had been|severed|scrapped|cancel+ed)\b", _I)
NEGATED = re.compile(r"\b(will not|won't|would not|did not|didn't|does not|doesn't|do not|not to|never|"
                     r"refus\w*|declin\w*|rejected|would have|was supposed to|were supposed to)\b", _I)
SIGN = re.compile(r"\b(sign(s|ed|ing)?|inked|conclud\w*|finali[sz]ed|agreed|awarded|entered into)\b", _I)
STATED = re.compile(r"\b(sign(s|ed)?|agreed|has|have|had|became|partnering|partners|joined|finali[sz]ed|"
                    r"confirmed|announced)\b", _I)
SPECULATIVE = re.compile(r"\b(could|might|possibly|suggests?|reportedly|potentially|rumou?red)\b|\bmay\b")
PLANNED = re.compile(r"\b(will|would|plan(s|ned|ning)?|aim(s|ed|ing)?|intend\w*|scheduled|expected to|set to|"
                     r"going to|working toward\w*|upcoming|proposed|perhaps|hopes? to|seeks? to|wants? to|"
                     r"is to|are to|slated|target\w*)\b", _I)
PLAN_OBJECT = re.compile(r"\b(plan\w*|aim\w*|intend\w*|to (build|construct|establish|launch|send|develop|deploy)|"
                         r"(on|in) an? (\w+ )?project|project (they're |it's )?(call\w*|nam\w*|known as)|proposed|"
                         r"upcoming|scheduled|working toward\w*|will (build|launch|send|develop))\b",
                         _I)
# A job title after an organisation makes it a person's affiliation: "Roscosmos chief Dmitry Rogozin".
TITLE = re.compile(r"\s*(CEO|chief|head|administrator|director|minister|spokes\w+|official|astronaut\w*|"
                   r"cosmonaut\w*|engineer\w*|scientist\w*|president|chair\w*)\b", _I)
RIVAL = re.compile(r"\b(rival\w*|compet\w*|race)\b", _I)
MEMBER = re.compile(r"\b(join(s|ed|ing)?|member(s|ship)? of|signator(y|ies) (of|to)|became (a )?member)\b", _I)
OPERATE_VERB = re.compile(r"\b(operat\w*|develop\w*|built|build\w*|runs?|running|deliver\w*|flew|fl(y|ies)|"
                          r"manag\w*|control\w*|initiat\w*|sent)\b", _I)
LAUNCH_VERB = re.compile(r"\blaunch(ed|es|ing)?\b", _I)
LAND = re.compile(r"\b(land(ed|s|ing)?|touch(ed|es)? down|deliver\w*|set down|soft-land\w*|impact\w*)\b", _I)
SAMPLES = re.compile(r"\b(samples?|rocks?|soil|regolith)\b", _I)
RETURN = re.compile(r"\b(return\w*|deliver\w*|brought back|bring\w* back|retriev\w*|collect\w*|scoop\w*)\b", _I)
SPACE_WORDS = re.compile(r"\b(space\w*|lunar|moon|mars|martian|orbit\w*|satellite\w*|rocket\w*|launch\w*|mission\w*|"
                         r"station\w*|astronaut\w*|cosmonaut\w*|rover\w*|lander\w*|probe\w*|explor\w*)\b", _I)
GENERIC_AGREEMENT = re.compile(r"\b(?P<det>an?|the|this|that|its|their|new|formal|long-sought|\w+)?\s*"
                               r"(?P<noun>memorand(um|a) of (understanding|cooperation)|mou|"
                               r"(cooperation |co-operation |framework )?agreements?|accords?|treaty|contract|deal)\b",
                               _I)
COORDINATION = re.compile(r"^[\s,()]*(and|&|/|with|together with|along with|alongside|-|–)?[\s,()]*(the\s+)?$", _I)
POSSESSIVE_PARTNER = re.compile(r"^'s\s+(\w+\s+){0,2}(partnership|cooperation|co-operation|collaboration|alliance|"
                                r"ties)\s+with\s+(the\s+)?$", _I)
VERB_PARTNER = re.compile(r"^\s*(\w+\s+){0,3}((partner\w*|co-?operat\w*|collaborat\w*|team\w* up|cut ties|ties|"
                          r"join\w* hands)|(sign\w*|conclud\w*|inked)\s+(\w+\s+){0,3}(agreements?|accords?|"
                          r"memorand\w*|mou|deals?|pacts?|treaty|statements?))\s+with\s+(the\s+)?$", _I)
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_YEAR = r"(19[5-9]\d|20\d\d|21\d\d)"


@dataclass(frozen=True)
class TimeValue:
    """A time read from text: an ISO value of some precision and the words it came from."""

    value: str
    precision: str  # "day", "month" or "year"
    expression: str
    start: int = 0

    @property
    def year(self) -> int:
        return int(self.value[:4])


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

    @property
    def when(self) -> str:
        """The time column of the TSV: the point in time, or ``until <end>``."""
        if self.end_time is not None:
            return f"until {self.end_time.value}"
        return self.point_in_time.value if self.point_in_time else ""


# -- time ---------------------------------------------------------------------------------------
def find_times(text: str, article_date: str | None = None) -> list[TimeValue]:
    """The time expressions of a sentence, in order, as ISO values with precision.

    >>> [(t.value, t.precision, t.expression) for t in find_times("It landed in early 2019.")]
    [('2019', 'year', 'early 2019')]
    >>> [(t.value, t.precision) for t in find_times("signed on May 16, 2024 and by 2030")]
    [('2024-05-16', 'day'), ('2030', 'year')]
    >>> [(t.value, t.precision) for t in find_times("announced earlier this week", "2021-03")]
    [('2021-03', 'month')]
    >>> [(t.value, t.precision) for t in find_times("the agencies said on Friday", "2022-07-18")]
    [('2022-07-15', 'day')]
    """
    plain = normalise(text)
    year, month, day = parse_date(article_date) if article_date else (None, None, None)
    found: list[TimeValue] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match, value: str, precision: str, group: int = 0) -> None:
        s, e = match.span(group)
        if any(a < e and s < b for a, b in taken):
            return
        taken.append((s, e))
        found.append(TimeValue(value, precision, plain[s:e].strip(), s))

    for m in re.finditer(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?\b", plain):
        y = int(m.group(3)) if m.group(3) else year
        mo, d = MONTHS[m.group(1).lower().rstrip(".")], int(m.group(2))
        if y and 1 <= d <= calendar.monthrange(y, mo)[1]:
            add(m, f"{y:04d}-{mo:02d}-{d:02d}", "day")
    for m in re.finditer(rf"\b(\d{{1,2}})\s+{_MONTH},?\s+{_YEAR}\b", plain):
        mo, d, y = MONTHS[m.group(2).lower().rstrip(".")], int(m.group(1)), int(m.group(3))
        if 1 <= d <= calendar.monthrange(y, mo)[1]:
            add(m, f"{y:04d}-{mo:02d}-{d:02d}", "day")
    for m in re.finditer(r"\b(\d{4})-(\d{2})-(\d{2})\b", plain):
        add(m, m.group(0), "day")
    for m in re.finditer(rf"\b{_MONTH},?\s+{_YEAR}\b", plain):
        if m.group(1).lower() == "may" and plain[m.start()] == "m":
            continue
        add(m, f"{int(m.group(2)):04d}-{MONTHS[m.group(1).lower().rstrip('.')]:02d}", "month")
    for m in re.finditer(rf"\b(?:(early|mid|late|end of|beginning of|the end of)[\s-]+)?{_YEAR}(?:-(\d\d))?\b", plain):
        if re.match(r"-\d\d\b", plain[m.end():]) or plain[m.start() - 1:m.start()] in ("$", "€", "£"):
            continue
        add(m, m.group(2), "year")
    if year is not None:
        relative = [
            (r"\b(earlier |later )?this week\b", "month"), (r"\blast week\b", "month"),
            (r"\b(earlier |later )?this month\b", "month"), (r"\b(earlier |later )?this year\b", "year"),
            (r"\blast year\b", "year-1"), (r"\bnext year\b", "year+1"),
        ]
        for pattern, kind in relative:
            for m in re.finditer(pattern, plain, _I):
                if kind == "month" and month:
                    add(m, f"{year:04d}-{month:02d}", "month")
                elif kind.startswith("year"):
                    add(m, str(year + (1 if kind == "year+1" else -1 if kind == "year-1" else 0)), "year")
        if day is not None:
            today = Date(year, month, day)
            for m in re.finditer(r"\b(today|yesterday)\b", plain, _I):
                d = today - timedelta(days=1 if m.group(1).lower() == "yesterday" else 0)
                add(m, d.isoformat(), "day")
            for m in re.finditer(r"\b(?:on |early |late |last )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                                 r"Sunday)\b", plain):
                # News reports a weekday without a date for the last such day, the article's day included.
                back = (today.weekday() - WEEKDAYS[m.group(1).lower()]) % 7
                add(m, (today - timedelta(days=back)).isoformat(), "day")
        if month is not None:
            for m in re.finditer(rf"\b(?:in|since|until|from|by) {_MONTH}(?![\w ]*\d)", plain):
                if m.group(1).lower() == "may" and not m.group(0).split()[1][0].isupper():
                    continue
                mo = MONTHS[m.group(1).lower().rstrip(".")]
                # A bare month is the last one in a report, the next one in a plan ("will come in September").
                ahead = bool(PLANNED.search(plain))
                y = (year + (mo < month)) if ahead else (year - (mo > month))
                add(m, f"{y:04d}-{mo:02d}", "month", 0)
    return sorted(found, key=lambda t: t.start)


def article_time(article_date: str | None) -> TimeValue | None:
    if not article_date:
        return None
    precision = {4: "year", 7: "month", 10: "day"}[len(article_date)]
    return TimeValue(article_date, precision, "")


# -- certainty ----------------------------------------------------------------------------------
def modality(text: str) -> str:
    """The certainty a sentence's wording gives its claims.

    >>> [modality(s) for s in ["It has signed.", "It would involve.", "It could be a base.", "Perhaps."]]
    ['stated', 'planned', 'speculative', 'planned']
    """
    plain = normalise(text)
    if SPECULATIVE.search(plain):
        return "speculative"
    if PLANNED.search(plain):
        return "planned"
    return "stated"


# -- extraction ---------------------------------------------------------------------------------
@dataclass
class _Context:
    linker: Linker
    article_date: str | None
    recent_actor: str | None = None
    recent_agreement: str | None = None
    previous_actors: list[Mention] = field(default_factory=list)
    recent_agency: str | None = None  # the last space agency named anywhere before: "the agency's"
    paragraph: int = -1


def extract(article: Article, *, date: str | None = None, linker: Linker | None = None) -> list[Extracted]:
    """The statements of an article, in text order, without exact duplicates."""
    linker = linker or Linker.default()
    ctx = _Context(linker=linker, article_date=date or article.date)
    out: list[Extracted] = []
    seen: set[tuple] = set()
    for sentence in article.sentences():
        for st in _sentence_statements(sentence, ctx):
            key = (*st.key, st.start, st.end_time is not None)
            if key in seen:
                continue
            seen.add(key)
            st.subject_label = linker.label(st.subject)
            st.object_label = linker.label(st.object) if st.relation != "targetDate" else st.object
            out.append(st)
    return out


def _types_ok(linker: Linker, iri: str, *classes: str) -> bool:
    entity = linker.entities.get(iri)
    return entity is not None and entity.is_a(*classes)


def _sentence_statements(sentence: Sentence, ctx: _Context) -> list[Extracted]:
    linker = ctx.linker
    text = sentence.text
    plain = normalise(text)
    mentions = _dedupe(linker.mentions(text))
    if sentence.paragraph != ctx.paragraph:
        ctx.paragraph = sentence.paragraph
        ctx.recent_actor = None
    # "It ..." / "The agency ..." opening a sentence is the actor the previous sentence was about.
    pronoun = re.match(r"\s*(It|The agency|The space agency)\b(?!'s)", plain)
    if pronoun and ctx.recent_actor and not (mentions and mentions[0].start < pronoun.end() + 2
                                             and _is_actor(linker, mentions[0].iri)):
        mentions.insert(0, Mention(ctx.recent_actor, pronoun.start(1), pronoun.end(1), pronoun.group(1),
                                   via="pronoun"))
    # "the agency's rocket": a possessive pronoun-like description of the actor in focus.
    for m in re.finditer(r"\b(?:the|its) (?:space )?agency's\b", plain, _I):
        if ctx.recent_agency and not any(x.start <= m.start() < x.end for x in mentions):
            mentions.append(Mention(ctx.recent_agency, m.start(), m.end(), text[m.start():m.end()], via="pronoun"))
    mentions.sort(key=lambda m: m.start)
    space = bool(SPACE_WORDS.search(plain)) or any(
        _types_ok(linker, m.iri, "Undertaking", "CelestialBody", "Orbit") for m in mentions)
    times = find_times(text, ctx.article_date)
    mood = modality(text)
    negated = bool(NEGATED.search(plain))
    ended = bool(ENDED.search(plain))
    stated_cue = bool(STATED.search(plain))
    out: list[Extracted] = []

    def emit(s: str, rel: str, o: str, certainty: str, *, when: TimeValue | None = None,
             end: TimeValue | None = None, event: str | None = None, comment: str | None = None) -> None:
        if s == o:
            return
        out.append(Extracted(s, rel, o, certainty, text, sentence.start, point_in_time=when, end_time=end,
                             event_type=event, comment=comment))

    def agency(iri: str) -> str:
        """A country stands for its space agency where the sentence is about space."""
        if space and _types_ok(linker, iri, "Country"):
            return linker.agency_of(iri) or iri
        return iri

    actors = [m for m in mentions if _is_actor(linker, m.iri)]
    undertakings = [m for m in mentions if _types_ok(linker, m.iri, "Undertaking")]
    places = [m for m in mentions if _types_ok(linker, m.iri, "Place") and not _types_ok(linker, m.iri, "Country")]
    past = next((t for t in times if not ctx.article_date or t.value[:4] <= ctx.article_date[:4]), None)
    # A target date lies after the article: a later year, or "by 2025" in a 2025 article about plans
    # (never the dateline's own date).
    planned_wording = bool(PLANNED.search(plain))
    future = next((t for t in times if ctx.article_date and (planned_wording or re.search(
        r"\bby\s*$", plain[:t.start], _I)) and (t.year > int(ctx.article_date[:4]) or (
        t.year == int(ctx.article_date[:4]) and t.precision == "year"))), None)
    event_time = past or article_time(ctx.article_date)
    agreement_certainty = "stated" if stated_cue and mood != "speculative" else mood

    # basedIn: an agency named after its country, or described by it ("Russian space agency Roscosmos").
    for m in mentions:
        if m.country and _types_ok(linker, m.iri, "SpaceAgency", "Company") and m.via != "pronoun":
            emit(m.iri, "basedIn", m.country, "stated")
    for a, b in _pairs(mentions):
        gap = plain[a.end:b.start]
        if _is_actor(linker, a.iri) and _types_ok(linker, b.iri, "Country") and \
                re.fullmatch(r",?\s*((which|that)\s+)?((is|was|are)\s+)?(based|headquartered) in\s+(the\s+)?", gap, _I):
            emit(a.iri, "basedIn", b.iri, "stated")

    # partnerOf / rivalOf between coordinated actors, or "X partners with Y".
    chains = _coordination_chains(plain, actors)
    for a, b in _pairs(actors):
        gap = plain[a.end:b.start]
        if _between(mentions, a, b):
            continue
        chain = chains.get(id(a))
        coordinated = chain is not None and chain is chains.get(id(b)) and len(chain) == 2
        verbal = bool(VERB_PARTNER.match(gap)) or bool(POSSESSIVE_PARTNER.match(plain[a.end - 2:b.start]))
        s, o = agency(a.iri), agency(b.iri)
        if not _types_ok(linker, s, "Actor") or not _types_ok(linker, o, "Actor") or s == o:
            continue
        if (coordinated and PARTNER.search(plain)) or verbal:
            if negated and not ended:
                continue
            if ended:
                note = None if past else ("The text says the partnership has ended; the end time is the "
                                          "article's date, an upper bound.")
                emit(s, "partnerOf", o, "stated", end=past or article_time(ctx.article_date),
                     event=EVENT_TYPES["partnerOf"], comment=note)
            else:
                local = _clause_mood(plain, a.start, b.end, stated_only=True)
                emit(s, "partnerOf", o, local, when=event_time if local == "stated" else None,
                     event=EVENT_TYPES["partnerOf"])
        elif coordinated and RIVAL.search(plain) and not negated:
            # "rivals", "compete" say it; a "race" only implies it.
            certainty = mood if re.search(r"\b(rival\w*|compet\w*)\b", plain, _I) else "inferred"
            emit(s, "rivalOf", o, certainty, when=event_time, event=EVENT_TYPES["rivalOf"])

    # signedAgreement: signers are the sentence's actors; the agreement is named or described.
    if SIGN.search(plain) and not negated:
        agreements = [m.iri for m in mentions if _types_ok(linker, m.iri, "Agreement")]
        agreements += _generic_agreements(plain, mentions, actors, ctx) if not agreements else []
        # Countries sign as countries (accords, treaties), agencies as agencies: no stand-ins here.
        # The signers: the actors before the verb, or after it in the passive ("signed by X").
        verb = SIGN.search(plain)
        passive = re.search(r"\b(signed|inked|concluded)\s+by\b", plain, _I)
        signers = [m.iri for m in actors if (m.start > verb.start() if passive else m.end <= verb.start() or
                                             re.search(r"\b(with|to)\s+(the\s+)?$", plain[verb.end():m.start]))
                   and not re.search(r"'s?$", normalise(m.surface)) and not TITLE.match(plain[m.end:])]
        if not signers:
            # "The agreement was signed on May 16": the parties are those the article was just about,
            # as far as the agreement's catalog entry names them.
            signers = [a.iri for a in ctx.previous_actors
                       if any(_named_in(linker, a.iri, agreement) for agreement in agreements)]
        for agreement in dict.fromkeys(agreements):
            for signer in dict.fromkeys(signers):
                if _types_ok(linker, signer, "Actor"):
                    emit(signer, "signedAgreement", agreement, agreement_certainty, when=event_time,
                         event=EVENT_TYPES["signedAgreement"])
    for m in mentions:
        if _types_ok(linker, m.iri, "Agreement"):
            ctx.recent_agreement = m.iri

    # memberOf: "X joined the Y", "X, a member of Y".
    if MEMBER.search(plain) and not negated:
        for a, b in _pairs(mentions):
            if _is_actor(linker, a.iri) and (_types_ok(linker, b.iri, "Program", "SpaceStation", "Agreement")
                                            or not _types_ok(linker, b.iri, "Actor", "Place", "Undertaking",
                                                             "Person")):
                gap = plain[a.end:b.start]
                if MEMBER.search(gap) and len(gap.split()) <= 6 and not _between(mentions, a, b):
                    emit(a.iri, "memberOf", b.iri, agreement_certainty, when=event_time)

    # operates: "NASA's Kennedy Space Center"; "a complex operated by Roscosmos"; "X developed Y".
    for a, b in _pairs(mentions):
        gap = plain[a.end:b.start]
        if _between(mentions, a, b):
            continue
        if _is_actor(linker, a.iri) and _types_ok(linker, b.iri, "Undertaking", "Facility"):
            s = agency(a.iri)
            if re.search(r"'s$", normalise(a.surface)) and re.fullmatch(r"\s*([\w-]+\s+){0,3}", gap) and \
                    not re.search(r"\b(on|in|at|to|for|of|with|from|by|and|or)\b", gap, _I):
                emit(s, "operates", b.iri, "stated")
            elif len(gap.split()) <= 8 and not negated and not re.search(r"'s$", normalise(a.surface)):
                if LAUNCH_VERB.search(gap) and _types_ok(linker, b.iri, "Undertaking"):
                    if PLANNED.search(gap) or mood != "stated":
                        emit(s, "plansMission", b.iri, "planned" if mood != "speculative" else mood, when=future)
                    else:
                        emit(s, "launched", b.iri, "stated", when=past)
                elif (verb := OPERATE_VERB.search(gap)) and len(gap[verb.end():].split()) <= 5 and \
                        not re.search(r"\b(for|to|of|with|from)\b", gap[verb.end():], _I):
                    emit(s, "operates", b.iri, mood, when=past if mood == "stated" else None)
        if _types_ok(linker, a.iri, "Undertaking", "Facility") and _is_actor(linker, b.iri):
            by = re.search(r"\b(operated|run|built|developed|managed|launched|owned)\s+by\s+(the\s+)?$", gap, _I)
            if by and len(gap.split()) <= 7 and not NEGATED.search(gap):
                rel = "launched" if by.group(1).lower() == "launched" else "operates"
                emit(agency(b.iri), rel, a.iri, "stated", when=past if rel == "launched" else None)

    # plansMission: actors that plan, aim, partner on a project, agree to build.
    if PLAN_OBJECT.search(plain) and not negated:
        for a in actors:
            if re.search(r"'s?$", normalise(a.surface)):
                continue  # "China's space project, Chang'e 5": a possessive is not a planner
            for b in undertakings:
                gap = plain[a.end:b.start]
                if b.start > a.end and PLAN_OBJECT.search(gap) and not OPERATE_VERB.search(gap) and \
                        _types_ok(linker, b.iri, "Mission", "Program", "SpaceStation", "PowerStation") and \
                        _types_ok(linker, agency(a.iri), "Actor"):
                    emit(agency(a.iri), "plansMission", b.iri, "speculative" if mood == "speculative"
                         else "planned", when=future)

    # landedOn / returnedSamples, and who operates the craft.
    acted = False
    for u in undertakings:
        after = [p for p in places if p.start > u.end]
        if LAND.search(plain) and after and not negated:
            target = next((p for p in after if not re.search(r"\b(returned|back) to\s*(the\s+)?$",
                                                              plain[u.end:p.start], _I)), None)
            gap = plain[u.end:target.start] if target else ""
            if target and re.search(r"\b(on|to|onto|in|at)\s+(the\s+)?$", gap, _I) and len(gap.split()) <= 8 \
                    and "earth" not in target.iri:
                emit(u.iri, "landedOn", target.iri, mood, when=past)
                acted = True
        if SAMPLES.search(plain) and RETURN.search(plain) and not negated:
            source = [p for p in places if not p.iri.endswith("/earth")]
            if source:
                emit(u.iri, "returnedSamples", source[0].iri, mood, when=past)
                acted = True
        if acted:
            operator = next((agency(m.iri) for m in actors if _types_ok(linker, agency(m.iri), "SpaceAgency")),
                            None) or (agency(ctx.recent_actor) if ctx.recent_actor else None)
            if operator and _types_ok(linker, operator, "Actor"):
                emit(operator, "operates", u.iri, "stated", when=past)
        break

    # locatedIn: "Kennedy Space Center in Florida"; "a station in orbit around the Moon"; "entered Mars orbit".
    for a, b in _pairs(mentions):
        if not (_types_ok(linker, a.iri, "Undertaking", "Facility", "Region") and _types_ok(linker, b.iri, "Place")):
            continue
        if _between(mentions, a, b):
            continue
        gap = plain[a.end:b.start]
        words = len(gap.split())
        if re.fullmatch(r",?\s*(in|on|near|at)\s+(the\s+)?", gap, _I):
            emit(a.iri, "locatedIn", b.iri, "stated")
        elif b not in places:
            continue  # a country is a place only for "X in Y"
        elif words <= 12 and re.search(r"\b(in|on|near|at|around)\s+(the\s+)?$", gap, _I) and \
                re.search(r"\b(station|base|located|sits|built|outpost)\b", gap, _I) and not negated:
            emit(a.iri, "locatedIn", b.iri, mood)
        elif words <= 4 and re.search(r"\b(entered|reached|arrived in|inserted into)\s+(the\s+)?$", gap, _I) \
                and _types_ok(linker, b.iri, "Orbit") and not negated:
            emit(a.iri, "locatedIn", b.iri, mood, when=past)

    # partOf: "X, part of the Y program"; "X is part of Y".
    for a, b in _pairs(undertakings):
        gap = plain[a.end:b.start]
        if re.search(r"\bpart of\s+(the\s+)?$", gap, _I) and len(gap.split()) <= 6 and not negated:
            emit(a.iri, "partOf", b.iri, mood)

    # targetDate: an undertaking and a future date in a sentence about plans ("Artemis 2024").
    if future is not None and not negated:
        before = [u for u in undertakings if u.start < future.start and
                  _types_ok(linker, u.iri, "Mission", "Program", "SpaceStation", "PowerStation")]
        if before:
            emit(before[-1].iri, "targetDate", future.value, "speculative" if mood == "speculative" else "planned",
                 when=future)

    first_actor = next((m.iri for m in mentions if _types_ok(linker, m.iri, "SpaceAgency", "Country")), None)
    if first_actor:
        ctx.recent_actor = first_actor
    ctx.recent_agency = next((m.iri for m in reversed(mentions) if _types_ok(linker, m.iri, "SpaceAgency")),
                             ctx.recent_agency)
    ctx.previous_actors = [Mention(agency(m.iri), m.start, m.end, m.surface) for m in actors]
    return [_with_time_expression(st, text) for st in out]


def _with_time_expression(st: Extracted, text: str) -> Extracted:
    t = st.end_time or st.point_in_time
    if t is not None and t.expression and t.expression != t.value:
        st.extra["time_expression"] = t.expression
    return st


def _coordination_chains(plain: str, actors: list[Mention]) -> dict[int, list[Mention]]:
    """Actors joined by "and", commas or slashes, as chains: "China and Russia" is a chain of two.

    Only a chain of two makes a partnership: "including Venezuela, Egypt, Kazakhstan, and South
    Africa" lists participants, not pairs of partners.
    """
    chains: dict[int, list[Mention]] = {}
    current: list[Mention] = []
    for a in actors:
        if current and COORDINATION.match(plain[current[-1].end:a.start]):
            current.append(a)
        else:
            current = [a]
        chains[id(a)] = current
    return chains


def _clause_mood(plain: str, start: int, end: int, *, stated_only: bool = False) -> str:
    """The certainty of the clause around ``plain[start:end]`` (up to a comma, "which", "that")."""
    left = max([plain.rfind(c, 0, start) for c in (",", ";", ":", " which ", " that ")] + [-1]) + 1
    rights = [i for i in (plain.find(c, end) for c in (",", ";", ":", " which ", " that ")) if i >= 0]
    clause = plain[left:min(rights) if rights else len(plain)]
    mood = modality(clause)
    if stated_only and STATED.search(clause) and mood != "speculative":
        return "stated"
    return mood


def _is_actor(linker: Linker, iri: str) -> bool:
    entity = linker.entities.get(iri)
    return entity is not None and entity.is_a("Actor") and not entity.is_a("Person")


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """One mention for "China National Space Administration (CNSA)": drop an adjacent repeat."""
    out: list[Mention] = []
    for m in mentions:
        if out and out[-1].iri == m.iri and m.start - out[-1].end <= 3:
            prev = out[-1]
            out[-1] = Mention(prev.iri, prev.start, m.end, prev.surface, prev.via, prev.country or m.country)
            continue
        out.append(m)
    return out


def _pairs(mentions: list[Mention]):
    for i, a in enumerate(mentions):
        for b in mentions[i + 1:]:
            if a.iri != b.iri:
                yield a, b


def _between(mentions: list[Mention], a: Mention, b: Mention) -> bool:
    """Whether another entity sits between two mentions (then they are not directly related)."""
    return any(a.end <= m.start and m.end <= b.start and m.iri not in (a.iri, b.iri) for m in mentions)


def _generic_agreements(plain: str, mentions: list[Mention], actors: list[Mention], ctx: _Context) -> list[str]:
    """Catalog agreements that "a memorandum of understanding", "the agreement" ... stand for.

    A definite description ("the agreement", "the accords") is the agreement the article named
    last; an indefinite one is the catalog's agreement between the sentence's parties, in the
    article's year.
    """
    linker = ctx.linker
    out = []
    matches = list(GENERIC_AGREEMENT.finditer(plain))
    for i, m in enumerate(matches):
        det = (m.group("det") or "").lower()
        if det in ("the", "this", "that") and ctx.recent_agreement:
            out.append(ctx.recent_agreement)
            continue
        window_end = matches[i + 1].start() if i + 1 < len(matches) else len(plain)
        in_window = [a for a in actors if m.end() <= a.start < window_end]
        best, best_score = None, 0.0
        for entity in linker.entities.values():
            if not entity.is_a("Agreement"):
                continue
            if ctx.article_date and ctx.article_date[:4] not in entity.text:
                continue
            body = entity.text.lower()
            parties = {a.iri for a in actors or ctx.previous_actors
                       if any(re.search(rf"(?<!\w){re.escape(n.lower())}(?!\w)", body)
                              for n in _names(linker, a.iri))}
            if len(parties) < 2:
                continue  # an agreement is identified by two of its parties at least
            score = len(parties) + sum(1 for a in in_window if a.iri in parties)
            if m.group("noun").lower() in entity.label.lower():
                score += 1
            if score > best_score:
                best, best_score = entity.iri, score
        if best is not None:
            out.append(best)
    return out


def _named_in(linker: Linker, actor: str, agreement: str) -> bool:
    body = linker.entities[agreement].text.lower()
    return any(re.search(rf"(?<!\w){re.escape(n.lower())}(?!\w)", body) for n in _names(linker, actor))


def _names(linker: Linker, iri: str) -> list[str]:
    entity = linker.entities[iri]
    names = [f for f, i, _ in linker.forms if i == iri]
    if entity.based_in and entity.based_in in linker.entities:
        names.append(linker.entities[entity.based_in].label)
    return names or [entity.label]


def to_tsv(statements: list[Extracted]) -> str:
    """One statement a line: subject, relation, object, time, certainty, evidence (tab-separated).

    The evidence is verbatim (curly quotes and non-breaking spaces as stored), so that it is the
    text at the statement's offsets.
    """
    lines = ["subject\trelation\tobject\twhen\tcertainty\tevidence"]
    for st in statements:
        lines.append("\t".join([st.subject_label, st.relation, st.object_label, st.when, st.certainty,
                                st.evidence.replace("\t", " ").replace("\n", " ")]))
    return "\n".join(lines) + "\n"
