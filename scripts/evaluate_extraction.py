"""Score `spacekg extract` against hand annotations: precision, recall, F1, overall and per relation.

A statement matches an annotation when subject, relation and object match after entity linking
(the annotation's labels go through the same :class:`graph.linking.Linker`; a descriptive label
such as "China (CNSA)" links by its first name that the catalog knows). Matching is per article,
on the set of (subject, relation, object) triples. Only the relations extraction targets are
scored (:data:`graph.extract.RELATIONS`; the seed's ``locatedAt`` counts as ``locatedIn``);
annotation rows with certainty ``external`` are not in the text and are left out.

Usage::

    python scripts/evaluate_extraction.py            # table: seed and corpus
    python scripts/evaluate_extraction.py --json
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "graph" / "data" / "sources" / "cnet-2021-ilrs.txt"
SEED_FACTS = ROOT.parent / "shared" / "seed" / "cnet-2021-ilrs.facts.tsv"
SEED_DATE = "2021-03"
CORPUS = ROOT.parent / "shared" / "corpus"
ANNOTATIONS = ROOT / "tests" / "annotations"
RELATION_ALIASES = {"locatedAt": "locatedIn"}
# Seed rows that name two subjects stand for two statements.
SPLIT = {"CNSA and Roscosmos (ILRS)": ["CNSA", "Roscosmos"]}


def link_label(label: str, linker) -> str | None:
    """The catalog IRI an annotation label stands for (first linkable name in it), or ``None``."""
    label = label.strip()
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", label):
        return label
    linked = [iri for c in (label, *re.split(r"\s*[():/;,]\s*", label)) if c and (iri := linker.find(c))]
    if linked:
        # "China (CNSA)": the agency the annotator added names the actor better than its country.
        agencies = [i for i in linked[1:] if linker.entities[i].based_in == linked[0]]
        return agencies[0] if agencies else linked[0]
    mentions = linker.mentions(label)
    return mentions[0].iri if mentions else None


def gold_triples(path: Path, linker) -> tuple[set[tuple[str, str, str]], list[str]]:
    from graph.extract import RELATIONS

    triples, unlinked = set(), []
    for row in csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"):
        if row["certainty"] == "external":
            continue
        relation = RELATION_ALIASES.get(row["relation"], row["relation"])
        if relation not in RELATIONS:
            continue
        obj = link_label(row["object"], linker)
        for subject_label in SPLIT.get(row["subject"], [row["subject"]]):
            subject = link_label(subject_label, linker)
            if subject is None or obj is None:
                unlinked.append(f"{path.name}: {subject_label} {relation} {row['object']}")
                continue
            triples.add(_canonical((subject, relation, obj)))
    return triples, unlinked


def predicted_triples(text_path: Path, date: str | None) -> set[tuple[str, str, str]]:
    from graph.extract import extract
    from graph.text import read_article

    return {_canonical(st.key) for st in extract(read_article(text_path), date=date)}


def _canonical(triple: tuple[str, str, str]) -> tuple[str, str, str]:
    """Symmetric relations (partnerOf, rivalOf) match in either direction."""
    s, r, o = triple
    return (min(s, o), r, max(s, o)) if r in ("partnerOf", "rivalOf") else triple


def score(pairs: list[tuple[set, set]]) -> dict:
    """Micro-averaged scores per relation and overall over (gold, predicted) sets."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for gold, pred in pairs:
        for t in pred:
            (tp if t in gold else fp)[t[1]] += 1
        for t in gold - pred:
            fn[t[1]] += 1
    rows = {}
    for rel in [*sorted(set(tp) | set(fp) | set(fn)), "ALL"]:
        t = sum(tp.values()) if rel == "ALL" else tp[rel]
        p = sum(fp.values()) if rel == "ALL" else fp[rel]
        n = sum(fn.values()) if rel == "ALL" else fn[rel]
        precision = t / (t + p) if t + p else 0.0
        recall = t / (t + n) if t + n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows[rel] = {"tp": t, "fp": p, "fn": n, "precision": round(precision, 3), "recall": round(recall, 3),
                     "f1": round(f1, 3)}
    return rows


def evaluate() -> dict:
    from graph.linking import Linker

    linker = Linker.default()
    results, unlinked = {}, []
    gold, missing = gold_triples(SEED_FACTS, linker)
    unlinked += missing
    results["seed"] = score([(gold, predicted_triples(SEED_TEXT, SEED_DATE))])
    corpus_pairs = []
    for annotation in sorted(ANNOTATIONS.glob("*.tsv")):
        text = CORPUS / f"{annotation.stem}.txt"
        if not text.is_file():
            continue
        gold, missing = gold_triples(annotation, linker)
        unlinked += missing
        corpus_pairs.append((gold, predicted_triples(text, None)))
    results["corpus"] = score(corpus_pairs)
    results["corpus_articles"] = len(corpus_pairs)
    results["unlinked_annotations"] = unlinked
    return results


def render(results: dict) -> str:
    lines = []
    for name in ("seed", "corpus"):
        lines.append(f"{name}" + (f" ({results['corpus_articles']} articles)" if name == "corpus" else ""))
        lines.append(f"  {'relation':<16}{'tp':>4}{'fp':>4}{'fn':>4}{'P':>7}{'R':>7}{'F1':>7}")
        for rel, r in results[name].items():
            lines.append(f"  {rel:<16}{r['tp']:>4}{r['fp']:>4}{r['fn']:>4}{r['precision']:>7.2f}{r['recall']:>7.2f}"
                         f"{r['f1']:>7.2f}")
        lines.append("")
    if results["unlinked_annotations"]:
        lines.append("annotation rows whose labels the catalog cannot link (not scored):")
        lines += [f"  {u}" for u in results["unlinked_annotations"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    results = evaluate()
    print(json.dumps(results, indent=2) if args.json else render(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
