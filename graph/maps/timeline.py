"""The timeline map: one row per date, relation, object and certainty, oldest on top."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.maps.layout import _count, _count_sources, _filters_text, _footer, _metadata
from graph.maps.spec import TITLES, EventMark, MapSpec, certainty_style
from graph.mirror.reading import display_name
from graph.qualifiers import Certainty, TimeValue

if TYPE_CHECKING:
    import networkx as nx

# Bibliographic statements (who wrote or published a source) are provenance, not space relations.
NOT_ON_MAPS = frozenset({"creator", "publisher"})
# How each relation reads on the timeline ("NASA partners with JAXA"); others show their local name.
RELATION_LABELS = {
    "partnerOf": "partners with", "rivalOf": "rivals", "signedAgreement": "signed", "operates": "operates",
    "plansMission": "plans", "landedOn": "landed on", "returnedSamples": "returned samples from",
    "memberOf": "joined", "participatesIn": "takes part in", "launched": "launched", "about": "is about",
    "dependsOn": "depends on", "locatedIn": "located in", "basedIn": "based in", "partOf": "part of",
    "creator": "written by", "publisher": "published by",
}


def _rows(G: nx.MultiDiGraph, as_of, min_certainty, focus) -> list[tuple]:
    """``(day, subjects, when, text, certainty, statement keys)`` per row, in date order.

    Events of one date, relation, object and certainty share a row: "Nigeria, Rwanda signed ...".
    """
    from graph.mirror import filtered

    groups: dict[tuple, dict] = {}
    for u, v, key, data in filtered(G, as_of=as_of, min_certainty=min_certainty).edges(keys=True, data=True):
        when = data.get("point_in_time") or data.get("start_time") or data.get("end_time")
        if not when or data.get("relation") in NOT_ON_MAPS or (focus and focus not in (u, v)):
            continue
        relation = RELATION_LABELS.get(data.get("relation"), data.get("relation"))
        if when == data.get("end_time") and not (data.get("point_in_time") or data.get("start_time")):
            relation = f"no longer {relation}"  # the only date is when it ended
        group = groups.setdefault((TimeValue.parse(when).day, when, relation, display_name(G, v), data["certainty"]),
                                  {"subjects": [], "keys": []})
        if display_name(G, u) not in group["subjects"]:
            group["subjects"].append(display_name(G, u))
        group["keys"].append(key)
    return sorted(
        (day, ", ".join(sorted(g["subjects"])), when, f"{', '.join(sorted(g['subjects']))} {relation} {obj}",
         certainty, g["keys"])
        for (day, when, relation, obj, certainty), g in groups.items()
    )


def layout_timeline(G: nx.MultiDiGraph, *, as_of: str | None, min_certainty: str | None, focus: str | None,
                    title: str | None, build_hash: str, width: int, height: int, dpi: int) -> MapSpec:
    """The spec of the timeline: the dated statements that hold, each row styled by its certainty."""
    found = _rows(G, as_of, min_certainty, focus)
    marks = [
        EventMark(when, day, row, text, certainty, *certainty_style(certainty)[2:])
        for row, (day, _, when, text, certainty, _) in enumerate(found)
    ]
    sources = _count_sources(G, {key for f in found for key in f[5]})
    name = G.nodes[focus].get("label") if focus else None
    dated = sum(len(f[5]) for f in found)
    subtitle = (f"{_filters_text(as_of, min_certainty, name, 1)} · {_count(dated, 'dated statement')} "
                f"from {_count(len(sources), 'source')} · planned dates are targets")
    legend = [(c, {"kind": "node", "colour": certainty_style(c)[2], "marker": certainty_style(c)[3]})
              for c in Certainty.names() if any(e.certainty == c for e in marks)]
    spec = MapSpec(
        kind="timeline", title=title or TITLES["timeline"], subtitle=subtitle, footer=_footer(G, sources, build_hash),
        events=marks, legend=legend, width=width, height=height, dpi=dpi,
    )
    spec.metadata = _metadata(spec, as_of=as_of, min_certainty=min_certainty, focus=focus, depth=1,
                              build_hash=build_hash, sources=sources)
    return spec
