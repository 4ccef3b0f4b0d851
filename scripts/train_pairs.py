"""Train the learned pair model (``loaders/data/pair_model.json``) on annotated report sets.

Run: ``.venv/bin/python scripts/train_pairs.py [--cv] [--exclude SET ...] [--out FILE]``

Every set under ``tests/`` with ``docs/`` and ``gold.json`` (the blind sets, see
``bench/heldout.py``) is read with the rules alone (``pair_model="off"``). Each pair of actors
named in a sentence is a candidate (:func:`loaders.pairs.candidates`), labelled with the gold
relations whose evidence overlaps that sentence (optional gold is neither positive nor negative
for its class; denied gold is negative). One L2 logistic regression per class
(:data:`loaders.pairs.CLASSES`) is fitted with scikit-learn (``pip install -e '.[train]'``) over
the features seen in at least ``--min-count`` candidates.

``--cv`` measures instead of writing: each set in turn is left out, the model is trained on the
others, and the held-out set is scored with the rules alone and with the rules plus the model's
claims, as the extractor adds them (only for pairs no rule claim joins in that sentence).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from graph.errors import InputError  # noqa: E402
from graph.model import Claim, Evidence, Extraction, RelationType  # noqa: E402
from loaders.evaluation import Counts  # noqa: E402
from loaders.extract import Extractor, _actor_id  # noqa: E402
from loaders.names import name_key  # noqa: E402
from loaders.pairs import (  # noqa: E402
    BUNDLED_MODEL,
    CLASSES,
    DIRECTED,
    IMPLIED_KEY,
    PAIRS_OFF,
    PairModel,
    best_class,
    candidates,
    is_implied,
    kind_name,
)
from loaders.relations import ACTORS_KEY  # noqa: E402
from tests.heldout.scoring import (  # noqa: E402
    HeldoutDoc,
    HeldoutScore,
    align_actors,
    declared_identities,
    discovered_aliases,
    load_heldout,
    score_document,
)


@dataclass
class Example:
    """One candidate pair: features, target classes, classes it must not be trained on."""

    features: dict[str, int]
    positive: set[str]
    optional: set[str]
    first: str  # gold-aligned actor ids, text order
    second: str
    ruled: bool  # a rule claim joins the pair in this sentence
    sentence: str
    start: int
    end: int


@dataclass
class SetData:
    name: str
    docs: list[HeldoutDoc] = field(default_factory=list)
    aligned: list[Extraction] = field(default_factory=list)
    examples: list[list[Example]] = field(default_factory=list)


def set_names(exclude: Iterable[str]) -> list[str]:
    """Every evaluation set under ``tests/`` but the excluded ones, sorted."""
    skip = set(exclude)
    return sorted(p.name for p in (REPO / "tests").iterdir()
                  if (p / "gold.json").is_file() and (p / "docs").is_dir() and p.name not in skip)


def collect(extractor: Extractor, name: str) -> SetData:
    """Candidates of one set with their gold labels, and the rules' aligned extraction."""
    folder = REPO / "tests" / name
    gold = folder / "gold.json"
    table = discovered_aliases(gold, extractor.gazetteer)
    declared = declared_identities(gold, extractor.gazetteer)
    out = SetData(name)
    gaz = extractor.gazetteer
    for hd in load_heldout(gaz, docs=folder / "docs", gold=gold):
        doc = extractor.nlp(extractor._start_doc(hd.source))
        out.docs.append(hd)
        out.aligned.append(align_actors(extractor.to_extraction(doc, hd.source), table,
                                        declared))

        def ident(label: str, text: str) -> str:
            actor = _actor_id(label)
            if label.startswith("new:"):
                return table.get(name_key(text), actor)
            return declared.get(actor, actor)

        spans = list(doc.spans[ACTORS_KEY]) if ACTORS_KEY in doc.spans else []
        implied = list(doc.spans[IMPLIED_KEY]) if IMPLIED_KEY in doc.spans else []
        named = {s.label_: s.text for s in spans}  # (an implied discovered actor's name)
        records = doc._.allegiance_claims or []
        located = []
        for item in hd.items:
            at = hd.source.text.find(item.evidence)
            if at >= 0:
                located.append((item.relation, at, at + len(item.evidence)))
        examples: list[Example] = []
        for sent in doc.sents:
            mentions = [s for s in [*spans, *implied] if sent.start <= s.start < sent.end]
            mine = [r for r in records if r["sent_start"] == sent.start_char]
            kinds = {s.label_: kind_name(gaz.kind(s.label_), s.label_) for s in mentions}
            for cand in candidates(sent, mentions, mine, kinds):
                a, b = (ident(m.label_, named.get(m.label_, "") if is_implied(m) else m.text)
                        for m in (cand.first, cand.second))
                positive: set[str] = set()
                optional: set[str] = set()
                for rel, start, end in located:
                    if end <= sent.start_char or start >= sent.end_char or {rel.a, rel.b} != {a, b}:
                        continue
                    cls = rel.type.value
                    if cls in DIRECTED:
                        cls += "_fwd" if rel.a == a else "_bwd"
                    if rel.optional:
                        optional.add(cls)
                    elif not rel.negated:
                        positive.add(cls)
                examples.append(Example(
                    cand.features, positive, optional, a, b,
                    ruled="rule:none" not in cand.features, sentence=sent.text,
                    start=sent.start_char, end=sent.end_char))
        out.examples.append(examples)
    return out


def train(data: list[SetData], *, c: float, min_count: int, threshold: float) -> PairModel:
    """One logistic regression per class over the examples of ``data``."""
    try:
        import numpy as np
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as error:
        raise InputError("training needs scikit-learn: pip install -e '.[train]'") from error
    examples = [e for d in data for doc in d.examples for e in doc]
    seen: dict[str, int] = {}
    for e in examples:
        for f in e.features:
            seen[f] = seen.get(f, 0) + 1
    kept = {f for f, n in seen.items() if n >= min_count}
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(
        [{f: v for f, v in e.features.items() if f in kept} for e in examples])
    names = vectorizer.get_feature_names_out()
    biases: dict[str, float] = {}
    weights: dict[str, dict[str, float]] = {}
    for cls in CLASSES:
        rows = [i for i, e in enumerate(examples) if cls not in e.optional]
        y = np.array([cls in examples[i].positive for i in rows])
        if y.sum() < 5:
            continue  # too few examples to learn from
        fitted = LogisticRegression(C=c, max_iter=5000).fit(matrix[rows], y)
        biases[cls] = round(float(fitted.intercept_[0]), 4)
        weights[cls] = {str(names[j]): round(float(w), 4)
                        for j, w in enumerate(fitted.coef_[0]) if abs(w) >= 1e-3}
    meta = {
        "trained_at_utc": datetime.now(UTC).isoformat(timespec="seconds"),
        "sets": [d.name for d in data],
        "examples": len(examples),
        "positives": {cls: sum(cls in e.positive for e in examples) for cls in CLASSES},
        "C": c,
        "min_count": min_count,
    }
    return PairModel(biases, weights, threshold, meta)


def added_claims(model: PairModel, examples: list[Example], doc_id: str) -> list[Claim]:
    """The claims the extractor adds for these candidates (see ``DocRelations.learned``)."""
    out = []
    for e in examples:
        if e.ruled or e.first == e.second:
            continue
        found = best_class(model, e.features)
        if found is None:
            continue
        name, score = found
        rtype = RelationType(name.removesuffix("_fwd").removesuffix("_bwd"))
        source, target = (e.second, e.first) if name.endswith("_bwd") else (e.first, e.second)
        out.append(Claim(source=source, target=target, type=rtype, polarity=rtype.polarity,
                         confidence=round(score, 3),
                         evidence=Evidence(doc=doc_id, sentence=e.sentence, start=e.start,
                                           end=e.end)))
    return out


def score(data: SetData, model: PairModel | None) -> Counts:
    total = HeldoutScore()
    for hd, aligned, examples in zip(data.docs, data.aligned, data.examples, strict=True):
        claims = list(aligned.claims)
        if model is not None:
            claims += added_claims(model, examples, hd.name)
        score_document(hd, aligned.model_copy(update={"claims": tuple(claims)}), total)
    return total.families["all"]


def cross_validate(data: list[SetData], *, c: float, min_count: int,
                   threshold: float) -> dict[str, Any]:
    """Leave one set out: rules alone vs rules plus a model trained on the other sets."""
    print(f"{'left out':10} {'rules P':>8} {'R':>6} {'F1':>6} | {'+model P':>8} {'R':>6} "
          f"{'F1':>6}")
    rows = {}
    sums = {"rules": Counts(), "model": Counts()}
    for held in data:
        model = train([d for d in data if d is not held], c=c, min_count=min_count,
                      threshold=threshold)
        base, plus = score(held, None), score(held, model)
        sums["rules"].add(base)
        sums["model"].add(plus)
        rows[held.name] = {"rules": base.f1, "model": plus.f1}
        print(f"{held.name:10} {base.precision:8.3f} {base.recall:6.3f} {base.f1:6.3f} | "
              f"{plus.precision:8.3f} {plus.recall:6.3f} {plus.f1:6.3f}", flush=True)
    r, m = sums["rules"], sums["model"]
    print(f"{'micro':10} {r.precision:8.3f} {r.recall:6.3f} {r.f1:6.3f} | "
          f"{m.precision:8.3f} {m.recall:6.3f} {m.f1:6.3f}")
    return {"sets": rows, "micro": {
        name: {"tp": x.tp, "fp": x.fp, "fn": x.fn, "precision": round(x.precision, 4),
               "recall": round(x.recall, 4), "f1": round(x.f1, 4)} for name, x in sums.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--exclude", nargs="*", default=[], metavar="SET",
                        help="sets under tests/ to leave out (e.g. blind sets not yet scored)")
    parser.add_argument("--out", type=Path, default=BUNDLED_MODEL)
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--threshold", type=float, default=0.4,
                        help="probability a class needs to become a claim")
    parser.add_argument("--cv", action="store_true",
                        help="leave-one-set-out measurement; writes bench/results, not a model")
    args = parser.parse_args(argv)
    names = set_names(args.exclude)
    if not names:
        parser.error("no annotated sets left to train on")
    extractor = Extractor(pair_model=PAIRS_OFF)
    if extractor.rule_only:
        parser.error("the spaCy model is not installed: the pair model needs the parse")
    data = []
    for name in names:
        data.append(collect(extractor, name))
        print(f"read {name}: {sum(len(x) for x in data[-1].examples)} candidate pairs",
              file=sys.stderr)
    if args.cv:
        result = cross_validate(data, c=args.c, min_count=args.min_count,
                                threshold=args.threshold)
        out = REPO / "bench" / "results" / f"pairs-cv-{datetime.now(UTC):%Y-%m-%d}.json"
        result.update({"C": args.c, "min_count": args.min_count, "threshold": args.threshold})
        out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(REPO)}")
        return 0
    model = train(data, c=args.c, min_count=args.min_count, threshold=args.threshold)
    args.out.write_text(json.dumps(model.to_json(), indent=1, sort_keys=True) + "\n",
                        encoding="utf-8")
    print(f"wrote {args.out} ({sum(len(w) for w in model.weights.values())} weights, "
          f"{model.meta['examples']} examples from {len(names)} sets)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
