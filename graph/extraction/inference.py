"""What an article implies across its sentences, stated as ``inferred``.

Two rules on names: a numbered mission and a programme of the same name ("Artemis II" and "the
Artemis program", "Chang'e 7" and "the Chang'e programme") in one article make the mission part of
the programme, and numbered missions of one series ("Chang'e 4", "Chang'e 5") share the one operator
the article gives any of them (the evidence is the sentence that first names the mission). Two on
statements: a mission whose lander or rover landed landed there too, and a craft the article says
was launched without saying by whom was launched by its one operator, a country or an agency.
"""

from __future__ import annotations

import re

from graph.extraction.mentions import Mention

_NUMBERED = re.compile(r"^(?P<root>[A-Z][\w']*)[\s-]*(?:\d+|[IVX]+)\b")


def series(first: dict[str, tuple[Mention, str, int]], is_a) -> list[tuple[Mention, Mention, str, int]]:
    """(mission, programme, evidence, offset) for each numbered mission of a programme named alike.

    ``first`` maps an entity IRI to its first mention, with that sentence and its offset;
    ``is_a(mention, *classes)`` tells classes apart.
    """
    programmes = {}
    for mention, _, _ in first.values():
        if is_a(mention, "Program"):
            programmes.setdefault(_root(mention.entity.label), mention)
    out = []
    for mention, text, offset in first.values():
        match = _NUMBERED.match(mention.entity.label)
        if not match or is_a(mention, "Program") or not is_a(mention, "Mission", "Spacecraft"):
            continue
        programme = programmes.get(_root(match.group("root")))
        if programme is not None and programme.entity.iri != mention.entity.iri:
            out.append((mention, programme, text, offset))
    return out


def series_operator(first: dict[str, tuple[Mention, str, int]], operated: dict[str, set[str]],
                    is_a) -> list[tuple[str, Mention, str, int]]:
    """(operator IRI, mission, evidence, offset) for each numbered mission whose series has exactly one
    operator in the article (``operated`` maps a mission IRI to the IRIs of its operators) and that
    has none of its own."""
    by_series: dict[str, set[str]] = {}
    for mention, _, _ in first.values():
        match = _NUMBERED.match(mention.entity.label)
        if match and is_a(mention, "Mission", "Spacecraft"):
            by_series.setdefault(_root(match.group("root")), set()).update(operated.get(mention.entity.iri, ()))
    out = []
    for mention, text, offset in first.values():
        match = _NUMBERED.match(mention.entity.label)
        if not match or not is_a(mention, "Mission", "Spacecraft") or operated.get(mention.entity.iri):
            continue
        operators = by_series.get(_root(match.group("root")), set())
        if len(operators) == 1:
            out.append((next(iter(operators)), mention, text, offset))
    return out


def _root(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.split()[0].lower()) if name.split() else ""


def landed_wholes(statements, first: dict[str, tuple[Mention, str, int]], is_a) -> list[tuple[object, str, str]]:
    """(landing statement, whole IRI, whole label) for each lander or rover that landed and is part of
    a mission or craft: "the Vikram lander of Chandrayaan-3 touched down" (Chandrayaan-3 landed)."""
    wholes = {(st.subject, st.object): st.object_label for st in statements if st.relation == "partOf"}
    return [(st, whole, label) for st in statements if st.relation == "landedOn" and st.subject in first
            and is_a(first[st.subject][0], "Lander", "Rover")
            for (part, whole), label in wholes.items() if part == st.subject and whole in first
            and is_a(first[whole][0], "Mission", "Spacecraft") and not is_a(first[whole][0], "Program", "SpaceStation")]


def launchers(unlaunched: list[tuple[Mention, str, int]], operated: dict[str, set[str]],
              first: dict[str, tuple[Mention, str, int]], is_a) -> list[tuple[str, Mention, str, int]]:
    """(operator IRI, craft, evidence, offset) for each craft said to be launched by nobody named
    ("Tianwen-1 was launched in 2020") whose one operator in the article is a country or an agency the
    catalog knows."""
    out = []
    for craft, text, offset in unlaunched:
        runners = list(operated.get(craft.entity.iri, ()))
        runner = first.get(runners[0])[0] if len(runners) == 1 and runners[0] in first else None
        if runner is not None and runner.entity.known and is_a(runner, "Country", "SpaceAgency"):
            out.append((runners[0], craft, text, offset))
    return out
