"""The benchmark's scale rows: a large run's figures against a smaller run's (``bench.py --compare``).

At 10M triples each step (load, every named query, the mirror, each projection, blocs and
centrality, the map) may cost at most 12x its 1M figure (no super-linear cliff), and every named
query that returns at most 10,000 rows answers in under 2 s.
"""

from __future__ import annotations

SCALED = ("load.", "query.", "mirror.", "projection.", "analysis.", "map.")
MAX_GROWTH = 12.0
SMALL_ANSWER = 10_000


def step_figures(rows: list[dict]) -> dict[str, float]:
    """Each step's own time (seconds) by step name (``query.evidence``, ``mirror``...), from a report's rows."""
    figures: dict[str, float] = {}
    for r in rows:
        if r["unit"] != "s" or not r["id"].startswith(SCALED) or r["value"] is None:
            continue
        name = r["id"].split(".vs_", 1)[0]
        name = "mirror" if name in ("mirror.vs_rdflib", "mirror.project") else name
        figures.setdefault(name, r["value"])
    return figures


def scale_rows(rows: list[dict], earlier: dict, ox_queries: dict) -> None:
    """Append, for each step measured in both runs, its growth over ``earlier``; and the small-answer rows."""
    now, before = step_figures(rows), step_figures(earlier["rows"])
    label = f"{earlier['size']} ({earlier['triples']} triples)"
    for name, value in now.items():
        if name not in before or not before[name]:
            continue
        growth = value / before[name]
        rows.append({"id": f"scale.{name}", "what": f"{name}: this run vs the {label} run", "value": value,
                     "unit": "s", "baseline": before[name], "baseline_name": f"{earlier['size']} run",
                     "ratio": growth, "target": f"<= {MAX_GROWTH:.0f}x", "result": "PASS" if growth <= MAX_GROWTH
                     else "MISS", "note": ""})
    for name, q in ox_queries["queries"].items():
        if q["rows"] <= SMALL_ANSWER:
            rows.append({"id": f"scale.small_answer.{name}", "what": f"query {name} ({q['rows']} rows)",
                         "value": q["embedded"], "unit": "s", "baseline": None, "baseline_name": "", "ratio": None,
                         "target": "< 2 s", "result": "PASS" if q["embedded"] < 2.0 else "MISS", "note": ""})
