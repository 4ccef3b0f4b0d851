"""Held-out extraction quality: the extractor on reports it was not built from.

Run: ``.venv/bin/python bench/heldout.py [--set NAME] [--model NAME] [--errors FILE]``

``--set`` names an evaluation set folder under ``tests/`` (default ``heldout``; also ``blind``,
``unseen``, ``fresh``, ``final``, ``sealed`` and ``vault``), each holding ``docs/*.txt`` and
``gold.json`` in the same format.
Reads the reports through the project's readers, extracts them with
:class:`loaders.extract.Extractor`, and scores against the gold (see
``tests/heldout/scoring.py``): precision, recall and F1 overall and per relation family, the
unordered pair with its sign, wrong-sign relations, hedged/negated flag agreement and places.
In the same run it scores two alternatives: the rule-only pipeline (what users get without the
spaCy model) and a sentence co-occurrence baseline (every pair of gazetteer actors named in one
sentence, typed by the first trigger word found). Writes ``bench/results/<set>-<date>.json``;
``--check-names`` only shows how the gold's canonical names resolve in the gazetteer;
``--errors`` also writes every false positive and miss with its sentence, for error analysis.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from graph.model import Claim, Evidence, Extraction, RelationType  # noqa: E402
from loaders.evaluation import FAMILIES, Counts, relation_key  # noqa: E402
from loaders.extract import DEFAULT_MODEL, Extractor  # noqa: E402
from loaders.gazetteer import Gazetteer  # noqa: E402
from tests.heldout.scoring import (  # noqa: E402
    HeldoutDoc,
    HeldoutScore,
    align_actors,
    declared_identities,
    discovered_aliases,
    load_heldout,
    score_document,
)

# Co-occurrence baseline: the first family whose trigger appears in the sentence wins.
_BASELINE_TRIGGERS: tuple[tuple[RelationType, re.Pattern[str]], ...] = tuple(
    (rtype, re.compile(pattern, re.IGNORECASE))
    for rtype, pattern in (
        (RelationType.TRUCE, r"\b(ceasefire|truce|cessation of hostilities)\b"),
        (RelationType.MEMBERSHIP, r"\b(includ\w*|compris\w*|component|join\w*|member\w*)\b"),
        (RelationType.JOINT_OPERATION, r"\b(joint\w*|alongside|in cooperation with)\b"),
        (RelationType.ALLIANCE, r"\b(alli\w*|ally|alliance)\b"),
        (RelationType.SUPPORT, r"\b(back\w*|support\w*|arm(ed|ing)|fund\w*|provid\w*)\b"),
        (RelationType.HOSTILITY, r"\b(attack\w*|clash\w*|fight\w*|fought|struck|strikes?|"
                                 r"shell\w*|offensive|against|repell?\w*|hit|stormed)\b"),
    )
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”]?|$)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--set", default="heldout", dest="name",
                        help="evaluation set under tests/: heldout, blind, unseen, fresh, "
                             "final, sealed, vault, cellar")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--errors", type=Path, help="write false positives and misses here")
    parser.add_argument("--strict-names", action="store_true",
                        help="do not fold gazetteer actors the gold lists under another actor "
                             "(how sets were scored before 2026-11-29, session 5)")
    parser.add_argument("--check-names", action="store_true",
                        help="only show how gold actor names resolve; extract nothing")
    args = parser.parse_args(argv)
    folder = REPO / "tests" / args.name
    gold = folder / "gold.json"
    if not gold.is_file():
        parser.error(f"no evaluation set at {folder} (expected docs/ and gold.json)")

    extractor = Extractor(model=args.model)
    if args.check_names:
        _check_names(gold, extractor.gazetteer)
        return 0
    for warning in extractor.warnings:
        print("warning:", warning)
    started = datetime.now(UTC)
    docs = load_heldout(extractor.gazetteer, docs=folder / "docs", gold=gold)
    table = discovered_aliases(gold, extractor.gazetteer)
    declared = {} if args.strict_names else declared_identities(gold, extractor.gazetteer)
    required = sum(1 for d in docs for g in d.relations if not g.optional and not g.negated)
    denied = sum(1 for d in docs for g in d.relations if g.negated)
    print(f"{args.name} set: {len(docs)} reports, {required} required gold relations, "
          f"{denied} denied, {sum(len(d.places) for d in docs)} captures; run at "
          f"{started:%Y-%m-%d %H:%M} UTC")

    raw = list(extractor.pipe(d.source for d in docs))
    for doc, extraction in zip(docs, raw, strict=True):
        if extraction.failure:  # scored as finding nothing, and said so
            print(f"warning: {doc.name}: {extraction.failure}", file=sys.stderr)
    extractions = [align_actors(e, table, declared) for e in raw]
    main_score = _score(docs, extractions)
    rule_only = Extractor(model="__rule_only__")
    rule_score = _score(docs, [align_actors(e, table, declared)
                               for e in rule_only.pipe(d.source for d in docs)])
    cooc_score = _score(docs, [_cooccurrence(d, extractor.gazetteer, declared) for d in docs])

    _print_table(args.model, main_score, rule_score, cooc_score)
    results = {
        "set": args.name,
        "date": date.today().isoformat(),
        "run_at_utc": started.isoformat(timespec="seconds"),
        "model": args.model,
        "declared_identities_folded": not args.strict_names,
        "rule_only": extractor.rule_only,
        "documents": len(docs),
        "required_gold": required,
        "denied_gold": denied,
        "extractor": main_score.summary(),
        "rule_only_pipeline": rule_score.summary(),
        "cooccurrence_baseline": cooc_score.summary(),
    }
    out = REPO / "bench" / "results" / f"{args.name}-{date.today().isoformat()}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {out.relative_to(REPO)}")
    if args.errors:
        args.errors.write_text(_error_listing(docs, extractions, main_score), encoding="utf-8")
        print(f"wrote {args.errors}")
    return 0


def _check_names(gold: Path, gazetteer: Gazetteer) -> None:
    """Print the gazetteer id of every gold canonical name (``-`` when it is scored by alias)."""
    raw = json.loads(gold.read_text(encoding="utf-8"))
    for canonical, aliases in sorted(raw["actors"].items()):
        actor = gazetteer.resolve(canonical, fuzzy=False)
        by_alias = sorted({a.id for name in aliases
                           if (a := gazetteer.resolve(name, fuzzy=False)) is not None})
        print(f"{canonical:32} {actor.id if actor else '-':28} aliases -> {by_alias}")


def _score(docs: list[HeldoutDoc], extractions: list[Extraction]) -> HeldoutScore:
    total = HeldoutScore()
    for doc, extraction in zip(docs, extractions, strict=True):
        score_document(doc, extraction, total)
    return total


def _cooccurrence(doc: HeldoutDoc, gazetteer: Gazetteer,
                  declared: dict[str, str]) -> Extraction:
    """Every pair of gazetteer actors named in one sentence, typed by the first trigger."""
    aliases = sorted({alias for actor in gazetteer for alias in (actor.name, *actor.aliases)},
                     key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, aliases)) + r")(?![\w-])")
    claims = []
    for start, sentence in _sentences(doc.source.text):
        ids: list[str] = []
        for match in pattern.finditer(sentence):
            actor = gazetteer.resolve(match.group(1), when=doc.source.document.date, fuzzy=False)
            ident = declared.get(actor.id, actor.id) if actor is not None else None
            if ident is not None and ident not in ids:
                ids.append(ident)
        rtype = next((t for t, trig in _BASELINE_TRIGGERS if trig.search(sentence)), None)
        if rtype is None:
            continue
        evidence = Evidence(doc=doc.source.document.id, sentence=sentence, start=start,
                            end=start + len(sentence))
        claims += [Claim(source=a, target=b, type=rtype, polarity=rtype.polarity,
                         evidence=evidence) for a, b in combinations(ids, 2)]
    return Extraction(documents=(doc.source.document,), claims=tuple(claims))


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0).strip()
        if sentence:
            yield match.start() + match.group(0).index(sentence), sentence


def _print_table(model: str, ex: HeldoutScore, rule: HeldoutScore, cooc: HeldoutScore) -> None:
    print(f"\n{'family':16} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}"
          f" | {'rule-only F1':>12} | {'co-occur F1':>11}")
    rows: list[tuple[str, Counts, Counts, Counts]] = [
        (f, ex.families[f], rule.families[f], cooc.families[f]) for f in (*FAMILIES, "all")
    ]
    rows += [("pair+sign", ex.polarity, rule.polarity, cooc.polarity),
             ("places", ex.places, rule.places, cooc.places)]
    for name, c, r, b in rows:
        print(f"{name:16} {c.tp:4} {c.fp:4} {c.fn:4} {c.precision:6.2f} {c.recall:6.2f} "
              f"{c.f1:6.2f} | {r.f1:12.2f} | {b.f1:11.2f}")
    print(f"(extractor: {model})")
    for label, score in (("extractor", ex), ("rule-only", rule), ("co-occurrence", cooc)):
        flags = score.flags
        print(f"{label:14} wrong-sign pairs {len(score.wrong_sign):2}; hedge agrees "
              f"{flags['hedge_agrees']}/{flags['matched']}; negated recognised "
              f"{flags['negated_recognised']}/{flags['negated_gold']}, asserted as true "
              f"{flags['negated_asserted']}/{flags['negated_gold']}")


def _error_listing(
    docs: list[HeldoutDoc], extractions: list[Extraction], score: HeldoutScore
) -> str:
    """Every miss and false positive with its sentence (the raw material of error analysis)."""
    by_doc = {d.name: (d, e) for d, e in zip(docs, extractions, strict=True)}
    lines = ["# Held-out errors (raw listing)", ""]
    for family in FAMILIES:
        for label, *key in score.families[family].false_positives:
            _doc, extraction = by_doc[label]
            claims = [c for c in extraction.claims if not c.negated
                      and (c.type.value, *sorted((c.source, c.target))) in
                      {(key[0], *sorted(key[1:]))}]
            for c in claims:
                lines.append(f"- FP {label} {c.type.value} {c.source} -> {c.target} "
                             f"[trigger {c.trigger!r}, hedged={c.hedged}] :: "
                             f"{c.evidence.sentence}")
        for label, *key in score.families[family].misses:
            doc, extraction = by_doc[label]
            gold = next(i for i in doc.items if i.relation.key == tuple(key))
            near = sorted({f"{c.type.value} {c.source}->{c.target}{' NEG' if c.negated else ''}"
                           for c in extraction.claims if c.evidence.sentence in gold.evidence
                           or gold.evidence in c.evidence.sentence})
            lines.append(f"- FN {label} {' '.join(key)} [coref={gold.coreference}, "
                         f"hedged={gold.relation.hedged}] :: {gold.evidence}  "
                         f"|| found in sentence: {near or 'nothing'}")
    for doc, extraction in by_doc.values():
        lines += _flag_errors(doc, extraction)
    for label, *key in score.wrong_sign:
        lines.append(f"- WRONG SIGN {label} {' '.join(key)}")
    for label, *key in score.places.false_positives + score.places.misses:
        lines.append(f"- PLACE {label} {' '.join(key)}")
    return "\n".join(lines) + "\n"


def _flag_errors(doc: HeldoutDoc, extraction: Extraction) -> list[str]:
    """Matched relations whose hedged flag disagrees, and denials the extractor missed."""
    lines = []
    for item in doc.items:
        g = item.relation
        found = [c for c in extraction.claims if relation_key(c.type, c.source, c.target) == g.key]
        positive = [c for c in found if not c.negated]
        if g.negated and not any(c.negated and {c.source, c.target} == {g.a, g.b}
                                 for c in extraction.claims):
            lines.append(f"- NEGATION MISSED {doc.name} {' '.join(g.key)} :: {item.evidence}")
        elif (positive and not g.optional and not g.negated
              and all(c.hedged for c in positive) != g.hedged):
            said = "; ".join(f"[hedged={c.hedged}] {c.evidence.sentence}" for c in positive)
            lines.append(f"- HEDGE gold={g.hedged} {doc.name} {' '.join(g.key)} :: {said}")
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
