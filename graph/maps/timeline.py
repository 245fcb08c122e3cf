"""The timeline map: one row per date, relation, object and certainty, oldest on top."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.errors import QueryError
from graph.maps.layout import _count, _count_sources, _filters_text, _footer, _metadata, nothing_to_draw
from graph.maps.spec import FONT, TITLES, EventMark, MapSpec, certainty_style, frame
from graph.mirror.reading import display_name
from graph.qualifiers import Certainty, TimeValue

if TYPE_CHECKING:
    import networkx as nx

# Bibliographic statements (who wrote or published a source) are provenance, not space relations.
NOT_ON_MAPS = frozenset({"creator", "publisher"})
# How each relation reads on the timeline, after one subject and after several ("NASA partners with
# JAXA", "CNSA and Roscosmos rival NASA"); others read as their local name split into words.
RELATION_FORMS = {
    "partnerOf": ("partners with", "partner with"), "rivalOf": ("rivals", "rival"),
    "signedAgreement": ("signed", "signed"), "operates": ("operates", "operate"), "plansMission": ("plans", "plan"),
    "landedOn": ("landed on", "landed on"), "returnedSamples": ("returned samples from", "returned samples from"),
    "memberOf": ("joined", "joined"), "participatesIn": ("takes part in", "take part in"),
    "launched": ("launched", "launched"), "about": ("is about", "are about"),
    "dependsOn": ("depends on", "depend on"), "locatedIn": ("is located in", "are located in"),
    "basedIn": ("is based in", "are based in"), "partOf": ("is part of", "are part of"),
    "creator": ("was written by", "were written by"), "publisher": ("was published by", "were published by"),
}


def verb(relation: str, subjects: int, ended: bool = False) -> str:
    """How ``relation`` reads after ``subjects`` subjects, or once it has ended.

    >>> verb("rivalOf", 2), verb("partnerOf", 1, ended=True), verb("locatedIn", 1, ended=True)
    ('rival', 'no longer partners with', 'is no longer located in')
    """
    import re

    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", relation).lower()
    form = RELATION_FORMS.get(relation, (words, words))[0 if subjects == 1 else 1]
    if not ended:
        return form
    head, _, rest = form.partition(" ")
    return f"{head} no longer {rest}" if head in ("is", "are", "was", "were") else f"no longer {form}"


def joined(names: list[str]) -> str:
    """Names as a sentence lists them.

    >>> joined(["CNSA"]), joined(["CNSA", "Roscosmos"]), joined(["A", "B", "C"])
    ('CNSA', 'CNSA and Roscosmos', 'A, B and C')
    """
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _rows(G: nx.MultiDiGraph, as_of, min_certainty, focus) -> list[tuple]:
    """``(day, subjects, when, text, certainty, statement keys)`` per row, in date order.

    Events of one date, relation, object and certainty share a row: "Nigeria and Rwanda signed ...".
    """
    from graph.mirror import filtered

    groups: dict[tuple, dict] = {}
    for u, v, key, data in filtered(G, as_of=as_of, min_certainty=min_certainty).edges(keys=True, data=True):
        when = data.get("point_in_time") or data.get("start_time") or data.get("end_time")
        if not when or data.get("relation") in NOT_ON_MAPS or (focus and focus not in (u, v)):
            continue
        # the only date is when it ended
        ended = when == data.get("end_time") and not (data.get("point_in_time") or data.get("start_time"))
        relation = (data.get("relation"), ended)
        group = groups.setdefault((TimeValue.parse(when).day, when, relation, display_name(G, v), data["certainty"]),
                                  {"subjects": [], "keys": []})
        if display_name(G, u) not in group["subjects"]:
            group["subjects"].append(display_name(G, u))
        group["keys"].append(key)
    return sorted(
        (day, ", ".join(sorted(g["subjects"])), when,
         f"{joined(sorted(g['subjects']))} {verb(relation[0], len(g['subjects']), relation[1])} {obj}",
         certainty, g["keys"])
        for (day, when, relation, obj, certainty), g in groups.items()
    )


def layout_timeline(G: nx.MultiDiGraph, *, as_of: str | None, min_certainty: str | None, focus: str | None,
                    title: str | None, build_hash: str, width: int, height: int, dpi: int) -> MapSpec:
    """The spec of the timeline: the dated statements that hold, each row styled by its certainty."""
    found = _rows(G, as_of, min_certainty, focus)
    name = display_name(G, focus) if focus else None
    if not found:
        raise QueryError(nothing_to_draw("timeline", name, _filters_text(as_of, min_certainty, None, 1)))
    marks, line = [], 0
    for day, _, when, text, certainty, _ in found:
        lines = len(event_lines(text, when, width, dpi))
        marks.append(EventMark(when, day, line, text, certainty, *certainty_style(certainty)[2:], lines=lines))
        line += lines
    sources = _count_sources(G, {key for f in found for key in f[5]})
    dated = sum(len(f[5]) for f in found)
    subtitle = (f"{_filters_text(as_of, min_certainty, name, 1)} · {_count(dated, 'dated statement')} "
                f"from {_count(len(sources), 'source')} · planned dates are targets")
    legend = [(c, {"kind": "node", "colour": certainty_style(c)[2], "marker": certainty_style(c)[3]})
              for c in Certainty.names() if any(e.certainty == c for e in marks)]
    footer = _footer(G, sources, build_hash, width, dpi)
    spec = MapSpec(
        kind="timeline", title=title or TITLES["timeline"], subtitle=subtitle, footer=footer,
        events=marks, legend=legend, width=width, height=_tall_enough(line, width, height, dpi, footer), dpi=dpi,
    )
    spec.metadata = _metadata(spec, as_of=as_of, min_certainty=min_certainty, focus=focus, depth=1,
                              build_hash=build_hash, sources=sources)
    return spec


TEXT_SHARE = 0.6  # of the map's width, for the rows' text; the time axis takes the rest


def event_lines(text: str, when: str, width: int, dpi: int) -> list[str]:
    """A row's text and date, wrapped to the text column of a timeline ``width`` pixels wide.

    >>> event_lines("CNSA and Roscosmos rival NASA", "2021-03", 1600, 150)
    ['CNSA and Roscosmos rival NASA (2021-03)']
    """
    import textwrap

    _, _, w, _ = frame(width, 1000, dpi, 1)["map"]
    chars = int(TEXT_SHARE * w * width / (0.6 * FONT["label"] * dpi / 72))
    return textwrap.wrap(f"{text} ({when})", max(chars, 20), break_on_hyphens=False)


def _tall_enough(rows: int, width: int, height: int, dpi: int, footer: str) -> int:
    """``height``, or more when the rows would not fit at a readable size: the timeline grows taller.

    >>> _tall_enough(10, 1600, 1000, 150, "Sources"), _tall_enough(60, 1600, 1000, 150, "Sources")
    (1000, 2059)
    """
    row = FONT["label"] * dpi / 72 * 1.5  # pixels per line
    _, _, _, h = frame(width, height, dpi, footer.count("\n") + 1)["map"]
    missing = rows * row - h * height
    return height + int(missing) + 1 if missing > 0 else height
