"""When an undertaking is to happen: the target dates a sentence gives ("scheduled for 2026", "due to
launch in 2026", "keeping the ISS operating through 2030"), and the time of a clause.

Read by :mod:`graph.extraction.extractor`, which makes them ``targetDate`` statements.
"""

from __future__ import annotations

from graph.extraction.certainty import SCHEDULED, certainty
from graph.extraction.lexicon import ENDING_VERBS, EVENT_NOUNS
from graph.extraction.mentions import Mention
from graph.extraction.times import TimeValue


def dated(reader, times: list[TimeValue], article_date: str | None) -> list[tuple[Mention, TimeValue, str]]:
    """(undertaking, target time, certainty) for each undertaking the sentence gives a time still
    ahead: "Chang'e 7 is scheduled to set out around 2026"."""
    out = []
    for v in reader.doc:
        level = certainty(v) if v.pos_ in ("VERB", "AUX") else None
        if level not in ("planned", "speculative") or v.lemma_.lower() in ENDING_VERBS:
            continue  # ("Ariane 5 is due to be retired this year": an end, not a target)
        when = time_of(reader, v.i, times, direct=True)
        if when is None or _behind(when, article_date):
            continue  # a target is ahead of the article: "on Tuesday" before it is no target
        things = [m for m in reader.subject_of(v) if reader.is_a(m, "Undertaking", "Spacecraft")]
        if v.lemma_.lower() in ("launch", "fly", "send", "land") and not things:  # "plans to launch its lander"
            things = [m for c in v.children if c.dep_ == "dobj" for m in reader.args(c)
                      if reader.is_a(m, "Undertaking", "Spacecraft") and not reader.is_actor(m)]
        described = [v.head] if v.dep_ == "acl" and v.tag_ == "VBN" else []  # "the mission, scheduled for 2026"
        # "the launch of Gaganyaan has been postponed to 2026", "NASA is targeting May for the launch of X"
        described += [p for t in v.children if t.dep_ in ("nsubj", "nsubjpass", "prep")
                      for e in ([t] if t.dep_ != "prep" else [x for x in t.children if x.dep_ == "pobj"])
                      if e.lemma_.lower() in EVENT_NOUNS for c in e.children
                      for p in ([c] if c.dep_ in ("poss", "compound") else [x for x in c.children if x.dep_ == "pobj"]
                                if c.dep_ == "prep" and c.lower_ == "of" else [])]  # "Gaganyaan's first flight"
        if v.lemma_.lower() in ("target", "aim"):  # "NASA is targeting September 2026 for the Artemis III mission"
            described += [x for t in v.children if t.dep_ == "prep" and t.lower_ == "for"
                          for x in t.children if x.dep_ == "pobj"]
        things += [m for c in [*described, *(c for c in v.children if c.dep_ == "nsubjpass")] for m in reader.args(c)
                   if reader.is_a(m, "Undertaking", "Spacecraft")]
        out += [(m, when, level) for m in things]
    return out + _due(reader, times, article_date) + _lasting(reader, times, article_date)


def _lasting(reader, times: list[TimeValue], article_date: str | None) -> list[tuple[Mention, TimeValue, str]]:
    """"keeping the International Space Station operating through 2030", "the station will operate until
    2030", "extend the station's operations to 2030": how long an undertaking is to last, its target."""
    out = []
    for v in reader.doc:
        if v.lemma_.lower() not in ("operate", "run", "fly", "extend", "continue") or certainty(v) != "planned":
            continue
        until = [c for c in v.children if c.dep_ == "prep" and c.lower_ in ("through", "until", "to", "into", "beyond")]
        when = time_of(reader, v.i, times, direct=True) if until else None
        if when is None or _behind(when, article_date):
            continue
        held = [c for c in v.head.children if c.dep_ == "dobj"] if v.dep_ == "xcomp" else []  # "keeping X operating"
        held += [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        held += [p for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in ("operation", "life", "mission")
                 for p in c.children if p.dep_ == "poss"]  # "extend the station's operations"
        out += [(m, when, "planned") for c in held for m in reader.args(c)
                if reader.is_a(m, "Undertaking", "SpaceStation") and not reader.is_actor(m)]
    return out


def _behind(when: TimeValue, article_date: str | None) -> bool:
    """Whether a time is all before the article's date, at the precision both share ("the end of the
    decade" in 2025 is the 2020s, still ahead)."""
    last = str(int(when.value) + 9) if when.precision == "decade" else when.value
    return bool(article_date) and last < article_date[:len(last)]


def _due(reader, times: list[TimeValue], article_date: str | None) -> list[tuple[Mention, TimeValue, str]]:
    """"the Martian Moons eXploration mission, due to launch in 2026" (which the parser reads as a
    preposition): the undertaking named before the comma, and its date."""
    out = []
    for t in reader.doc:
        if t.lower_ != "due" or t.i < 2 or reader.doc[t.i - 1].text != ",":
            continue
        when = time_of(reader, t.i, times)
        if when is None or _behind(when, article_date):
            continue
        out += [(m, when, "planned") for m in reader.args(reader.doc[t.i - 2])
                if reader.is_a(m, "Undertaking", "Spacecraft") and not reader.is_actor(m)]
    return out


def time_of(reader, at: int, times: list[TimeValue], direct: bool = False) -> TimeValue | None:
    """The time expressed in the clause of token ``at`` (the nearest one in its subtree)."""
    tok = reader.doc[at]
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    # not a time of a clause that only describes a participant: "The agency, created in 2021, signed"
    inside = [t for t in times if lo <= t.start < hi and not _in_modifier(reader.doc, t.start, tok)]
    if direct:
        inside = [t for t in inside if _governed_by(reader.doc, t.start, tok)]
    return min(inside, key=lambda t: abs(t.start - tok.idx)) if inside else None


def _token_at(doc, char: int):
    """The token at character ``char`` of the sentence (or the space after it), if any."""
    return next((t for t in doc if t.idx <= char < t.idx + len(t) + 1), None)


def _in_modifier(doc, char: int, top) -> bool:
    """Whether the token at ``char`` sits in a participle or relative clause set off by commas, or in a
    coordinated clause, below ``top``: "The agency, created in 2021, signed" (2021 is when it was
    created)."""
    tok = _token_at(doc, char)
    while tok is not None and tok != top and tok.head != tok:
        set_off = tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == ","
        participle = tok.dep_ == "acl" and tok.tag_ == "VBN"  # "under an agreement signed this week"
        if tok.dep_ in ("acl", "relcl") and (set_off or participle) \
                and tok.lemma_.lower() not in SCHEDULED:  # "the mission, scheduled for 2027, will land": its date
            return True
        if tok.dep_ == "conj" and tok.pos_ == "VERB":
            return True  # "is preparing Gaganyaan and plans to launch a lander next month": the other clause's
        tok = tok.head
    return False


def _governed_by(doc, char: int, verb) -> bool:
    tok = _token_at(doc, char)
    while tok is not None and tok != verb:
        if tok.pos_ in ("VERB",) and tok != verb:
            return False
        if tok.head == tok:
            return False
        tok = tok.head
    return tok == verb
