"""Score the extractor once on the blind set in ``tests/blind/``.

Run: ``.venv/bin/python tests/blind/run.py [--model NAME]`` (``--check-names`` only shows how the
gold's canonical actor names resolve in the gazetteer and extracts nothing).

The blind set (``docs/b01.txt`` ... ``docs/b20.txt`` and ``gold.json``) was written and annotated
without looking at the extractor's rules or output, and is meant to be scored once. It uses the
held-out gold format, so scoring reuses ``tests/heldout/scoring.py`` (pointed at this folder)
and the table and alternatives of ``bench/heldout.py``: the extractor, the rule-only pipeline and
the sentence co-occurrence baseline, in the same run. Writes ``bench/results/blind-<date>.json``.
No per-sentence error listing is written: the set stays blind for whoever tunes the extractor.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BLIND = Path(__file__).resolve().parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from heldout import _cooccurrence, _print_table, _score  # noqa: E402

from loaders.extract import DEFAULT_MODEL, Extractor  # noqa: E402
from loaders.gazetteer import Gazetteer  # noqa: E402
from tests.heldout.scoring import align_actors, discovered_aliases, load_heldout  # noqa: E402

DOCS = BLIND / "docs"
GOLD = BLIND / "gold.json"


def check_names(gazetteer: Gazetteer) -> None:
    """Print the gazetteer id of every gold canonical name (``-`` when it is scored by alias)."""
    raw = json.loads(GOLD.read_text(encoding="utf-8"))
    for canonical, aliases in sorted(raw["actors"].items()):
        actor = gazetteer.resolve(canonical, fuzzy=False)
        by_alias = sorted({a.id for name in aliases
                           if (a := gazetteer.resolve(name, fuzzy=False)) is not None})
        print(f"{canonical:32} {actor.id if actor else '-':28} aliases -> {by_alias}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--check-names", action="store_true",
                        help="only show how gold actor names resolve; extract nothing")
    args = parser.parse_args(argv)

    extractor = Extractor(model=args.model)
    if args.check_names:
        check_names(extractor.gazetteer)
        return 0
    for warning in extractor.warnings:
        print("warning:", warning)
    started = datetime.now(UTC)
    docs = load_heldout(extractor.gazetteer, docs=DOCS, gold=GOLD)
    table = discovered_aliases(GOLD, extractor.gazetteer)
    required = sum(1 for d in docs for g in d.relations if not g.optional and not g.negated)
    denied = sum(1 for d in docs for g in d.relations if g.negated)
    print(f"blind set: {len(docs)} reports, {required} required gold relations, "
          f"{denied} denied, {sum(len(d.places) for d in docs)} captures; run at "
          f"{started:%Y-%m-%d %H:%M} UTC")

    main_score = _score(docs, [align_actors(e, table)
                               for e in extractor.pipe(d.source for d in docs)])
    rule_only = Extractor(model="__rule_only__")
    rule_score = _score(docs, [align_actors(e, table)
                               for e in rule_only.pipe(d.source for d in docs)])
    cooc_score = _score(docs, [_cooccurrence(d, extractor.gazetteer) for d in docs])
    _print_table(args.model, main_score, rule_score, cooc_score)

    results = {
        "date": date.today().isoformat(),
        "run_at_utc": started.isoformat(timespec="seconds"),
        "model": args.model,
        "rule_only": extractor.rule_only,
        "documents": len(docs),
        "required_gold": required,
        "denied_gold": denied,
        "extractor": main_score.summary(),
        "rule_only_pipeline": rule_score.summary(),
        "cooccurrence_baseline": cooc_score.summary(),
    }
    out = REPO / "bench" / "results" / f"blind-{date.today().isoformat()}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
