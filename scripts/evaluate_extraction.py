"""Score `spacekg extract` on the dev set of ../shared/devset/ with the maintainers' own matching.

The dev set holds 24 real articles annotated independently of this project. Articles 01-18 are the
part used while developing the rules; 19-24 are kept aside and only scored, so that their figure
predicts what extraction does on articles nobody here has read. Matching is
``../shared/devset/score.py``'s (imported from there, not copied): same relation class, both
entities named alike, symmetric relations either way.

Usage::

    python scripts/evaluate_extraction.py            # tables: developed-on part, kept-aside part
    python scripts/evaluate_extraction.py --json
    python scripts/evaluate_extraction.py --out DIR  # also write the predicted TSVs
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset"
KEPT_ASIDE = range(19, 25)  # the part not looked at while developing (the dev set's README suggests it)
# The catalog file of the entities learnt by reviewing the dev set's own articles 13-24 into the graph:
# the evaluation links against the catalog without it, so that it does not know the answers.
LEARNT_FROM_DEVSET = "from-articles.ttl"


def load_scorer(devset: Path = DEVSET):
    """The dev set's ``score.py`` as a module."""
    spec = importlib.util.spec_from_file_location("devset_score", devset / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def evaluation_linker():
    """The catalog's entity linker without the entities learnt from the dev articles."""
    from graph import paths
    from graph.linking import Linker

    return Linker.from_catalog([p for p in sorted(paths.CATALOG_DIR.glob("*.ttl")) if p.name != LEARNT_FROM_DEVSET])


def predict(text: Path, linker=None) -> list[tuple[str, str, str]]:
    from graph.extraction import extract
    from graph.text import read_article

    statements = extract(read_article(text), linker=linker or evaluation_linker())
    return [(st.subject_label, st.relation, st.object_label) for st in statements]


def score(pairs: list[tuple[list, list]], scorer) -> dict:
    """Micro-averaged precision and recall, overall and per relation, over (gold, predicted) rows."""
    hit_p, n_p, hit_g, n_g = Counter(), Counter(), Counter(), Counter()
    for gold, pred in pairs:
        pred = list(dict.fromkeys(pred))
        for p in pred:
            n_p[p[1]] += 1
            hit_p[p[1]] += any(scorer.matches(p, g) for g in gold)
        for g in gold:
            n_g[g[1]] += 1
            hit_g[g[1]] += any(scorer.matches(p, g) for p in pred)
    rows = {}
    for rel in [*sorted(set(n_p) | set(n_g)), "ALL"]:
        tp_p = sum(hit_p.values()) if rel == "ALL" else hit_p[rel]
        pn = sum(n_p.values()) if rel == "ALL" else n_p[rel]
        tp_g = sum(hit_g.values()) if rel == "ALL" else hit_g[rel]
        gn = sum(n_g.values()) if rel == "ALL" else n_g[rel]
        precision = tp_p / pn if pn else 0.0
        recall = tp_g / gn if gn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows[rel] = {"predicted": pn, "correct": tp_p, "gold": gn, "found": tp_g, "precision": round(precision, 2),
                     "recall": round(recall, 2), "f1": round(f1, 2)}
    return rows


def evaluate(devset: Path = DEVSET, out: Path | None = None) -> dict:
    scorer = load_scorer(devset)
    linker = evaluation_linker()
    parts: dict[str, list] = {"developed on (01-18)": [], "kept aside (19-24)": []}
    started = time.perf_counter()
    for gold_file in sorted(devset.glob("*.tsv")):
        pred = predict(gold_file.with_suffix(".txt"), linker)
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            lines = ["subject\trelation\tobject"] + ["\t".join(p) for p in pred]
            (out / gold_file.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        part = "kept aside (19-24)" if int(gold_file.name[:2]) in KEPT_ASIDE else "developed on (01-18)"
        parts[part].append((scorer.read(gold_file), pred))
    results = {name: score(pairs, scorer) for name, pairs in parts.items()}
    results["seconds"] = round(time.perf_counter() - started, 1)
    return results


def render(results: dict) -> str:
    lines = []
    for name, rows in results.items():
        if name == "seconds":
            continue
        lines.append(name)
        lines.append(f"  {'relation':<16}{'pred':>5}{'ok':>5}{'gold':>5}{'found':>6}{'P':>6}{'R':>6}{'F1':>6}")
        for rel, r in rows.items():
            lines.append(f"  {rel:<16}{r['predicted']:>5}{r['correct']:>5}{r['gold']:>5}{r['found']:>6}"
                         f"{r['precision']:>6.2f}{r['recall']:>6.2f}{r['f1']:>6.2f}")
        lines.append("")
    lines.append(f"{results['seconds']} s for the 24 articles, model load included")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--devset", type=Path, default=DEVSET, help="the dev set folder (default: %(default)s)")
    parser.add_argument("--out", type=Path, help="write the predicted TSV of each article into this folder")
    args = parser.parse_args(argv)
    if not (args.devset / "score.py").is_file():
        print(f"no dev set at {args.devset}: put the shared/ folder beside the repository", file=sys.stderr)
        return 2
    results = evaluate(args.devset, args.out)
    print(json.dumps(results, indent=2) if args.json else render(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
