"""Certainty from the parse: how sure the text is of the clause a statement comes from.

Read on the clause's verb and the verbs that govern it (an ``xcomp`` or ``ccomp`` chain):

- negation (``neg``: *not, never*) drops the statement, and so does an unrealised governor
  (*failed to, tried to*) or a plan given up (*dropped plans to*);
- *could, might, may*, a condition (*if, unless*) or hedging (*reportedly, allegedly, possibly*)
  make it ``speculative``;
- *will, would, shall*, a governing plan or schedule verb (*plans to, aims to, is set to, is
  scheduled to, is designed to, is expected to*) make it ``planned``;
- otherwise it is ``stated``.
"""

from __future__ import annotations

from graph.extraction.lexicon import HIRING_VERBS, MAKING_VERBS

SPECULATIVE_AUX = {"could", "might", "may"}
PLANNED_AUX = {"will", "would", "shall", "'ll", "wo", "should"}
HEDGES = {"reportedly", "allegedly", "possibly", "potentially", "perhaps", "maybe", "likely", "probably"}
CONDITIONS = {"if", "unless", "whether"}
# "X is scheduled for 2026", "X is set for launch": the schedule word itself makes it planned
SCHEDULED = {"schedule", "set", "slate", "plan", "due", "expect", "target", "postpone", "delay", "reschedule"}
# adjectives that make an event noun a plan: "its scheduled landing", "the planned launch"
PLAN_ADJECTIVES = {"scheduled", "planned", "intended", "proposed", "upcoming", "expected", "future", "targeted"}
# verbs that give a date still ahead, in the active: "NASA is targeting May", "postponed the launch to 2026"
RESCHEDULING = {"target", "postpone", "delay", "reschedule", "slip", "defer", "shift", "push"}
PLAN_GOVERNORS = {"plan", "aim", "intend", "expect", "schedule", "set", "design", "hope", "seek", "want", "propose",
                  "prepare", "slate", "target", "envisage", "envision", "agree", "decide", "commit", "tend", "suppose",
                  "mean", "go", "due", "poised", "ready", *HIRING_VERBS}
# nouns whose infinitive is still to be done: "a contract to build a lander"
PLAN_NOUNS = {"contract", "deal", "agreement", "plan", "plans", "memorandum", "mou", "proposal", "bid", "order",
              "mission", "goal", "aim", "ambition", "effort"}
# verbs whose complement did not (or not yet) happen: "Israel failed to land", "as it tried to land"
UNREALISED_GOVERNORS = {"fail", "try", "attempt", "refuse", "decline", "bar", "ban", "prohibit", "forbid", "prevent"}
# verbs that give a plan up: "ESA has dropped plans to send an astronaut"
ABANDONING = {"drop", "abandon", "scrap", "shelve", "cancel", "ditch", "axe", "shelf", "kill"}
# verbs that say a plan is only weighed: "Europe is considering a mission to Venus"
WEIGHING = {"consider", "mull", "weigh", "discuss"}
SPECULATIVE_GOVERNORS = {"consider", "discuss", "explore", "study", "suggest", "mull", "weigh", "likely", "unlikely"}


def certainty(token) -> str | None:
    """``stated``, ``planned`` or ``speculative`` for the clause of ``token``; ``None`` when negated."""
    level, speculative = "stated", False
    if token.lemma_.lower() in PLAN_NOUNS and token.head.lemma_.lower() in ABANDONING:
        return None  # "ESA scrapped its plan for a lander": a plan given up
    if token.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in PLAN_ADJECTIVES for c in token.children):
        level = "planned"  # "crashed before its scheduled landing": the landing was a plan
    # a noun's statement ("its participation in the ISS") is as certain as the clause it sits in
    while token.pos_ not in ("VERB", "AUX") and token.head != token and token.dep_ not in ("ROOT",):
        token = token.head
    node, came_by = token, ""
    for _ in range(6):
        children = list(node.children)
        words = {c.lower_ for c in children}
        auxiliaries = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}  # not the month in "May 2027"
        no_longer = any(c.lower_ == "longer" and any(x.lower_ == "no" for x in c.children) for c in children)
        if any(c.dep_ == "neg" for c in children) or "never" in words or _neither(children) or no_longer:
            return None  # a negation anywhere up the chain: "has not yet decided whether to join"
        conditional = any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in children) or any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
            for c in children)
        if auxiliaries & {"would", "should", "might"} and "have" in auxiliaries and node.tag_ == "VBN":
            return None  # "the lander, which would have deployed the rover": what did not happen
        if auxiliaries & SPECULATIVE_AUX or words & HEDGES or conditional:
            speculative = True
        if auxiliaries & PLANNED_AUX:
            level = "planned"
        if node == token and node.lemma_.lower() in SCHEDULED and not any(c.dep_ == "prt" for c in children) and (
                any(c.dep_ == "auxpass" for c in children) or (node.dep_ == "acl" and node.tag_ == "VBN")):
            level = "planned"  # "is scheduled for 2026", "the mission, scheduled for 2026"
        if node == token and node.lemma_.lower() in RESCHEDULING:
            level = "planned"
        if node != token and node.lemma_.lower() in UNREALISED_GOVERNORS:
            return None  # "failed to land", "tried to land": the text does not say it happened
        if node.lemma_.lower() in SPECULATIVE_GOVERNORS and (node != token or node.lemma_.lower() in WEIGHING):
            speculative = True
        if node != token and node.lemma_.lower() in PLAN_GOVERNORS and came_by != "conj":
            level = "planned"  # "plans to land"; not "designed and built", coordinated verbs
        if node.dep_ == "acl" and node.tag_ == "VB" and node.head.lemma_.lower() in PLAN_NOUNS:
            if node.head.dep_ in ("dobj", "nsubjpass") and node.head.head.lemma_.lower() in ABANDONING:
                return None  # "dropped plans to send an astronaut": a plan given up
            level = "planned"  # "a contract to build a lander", "a deal to build a module": work still to do
        if node.dep_ == "advcl" and node.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children) \
                and not _nth(node.head):
            level = "planned"  # "signed a memorandum to join the ILRS": a purpose, still to be done
        if node.dep_ == "pcomp" and node.head.lower_ in ("from", "in") and node.head.head != node.head:
            # "barred NASA from working with China", "will join Peru in building": the governor's
            node = node.head.head
            continue
        if node.dep_ == "pcomp" and node.head.lower_ == "to" and node.head.head.lemma_.lower() in ("commit", "pledge"):
            level = "planned"  # "has committed to keeping the station operating": a commitment, still ahead
        if node.dep_ not in ("xcomp", "ccomp", "conj", "acl", "advcl", "acomp") or node.head == node:
            break
        came_by, node = node.dep_, node.head
    return "speculative" if speculative else level


def _nth(verb) -> bool:
    """"Peru became the third country to bring back samples": the infinitive after "the Nth X" is
    what the subject did, not a purpose."""
    return any(c.dep_ == "attr" and any(a.ent_type_ == "ORDINAL" or a.tag_ == "JJS" or a.lower_ in ("only", "latest")
                                        for a in c.children) for c in verb.children)


def _neither(children) -> bool:
    """"Neither Russia nor China has signed": a subject under *neither* negates its clause."""
    return any(c.dep_ in ("preconj", "det") and c.lower_ == "neither" for s in children
               if s.dep_ in ("nsubj", "nsubjpass") for c in s.children)


def in_the_making(token) -> bool:
    """Whether the clause says a thing is still being made: "the agency is developing the Gateway"
    (what is being built is not yet run: running it is planned)."""
    if token.lemma_.lower().removeprefix("co-") not in MAKING_VERBS:  # "is co-developing" too
        return False
    if token.tag_ == "VBN":  # "Orbital Reef is being developed by Blue Origin"
        return any(c.dep_ == "auxpass" and c.lower_ == "being" for c in token.children)
    return token.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children)
