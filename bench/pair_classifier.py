"""Experiment: does a learned pair classifier on top of the rules recover what they miss?

Superseded in session 9 by ``loaders/pairs.py`` and ``scripts/train_pairs.py`` (per-class
logistic regressions, actor kinds, sixteen sets), which does gain on held-out sets; this file
keeps the earlier negative result reproducible.

Run: ``.venv/bin/python bench/pair_classifier.py [--positive-weight 1.0] [--threshold 0.5]``

An exploratory measurement for planning, not part of the extractor. For every sentence of the
development sets in ``SETS`` (the eleven scored blind sets under ``tests/``), every pair of
actors named in it is a candidate, labelled with the gold family stated in that sentence (or
"none"; optional gold is left out). Features: the rules' own claims for the pair, trigger
families and lemmas and prepositions on the dependency path between the two mentions, trigger
families and words between them, distances and dependency labels. A softmax regression (numpy,
L2) is trained on all sets but one and tested on the one left out; its predictions are added for
pairs the rules left without a claim, and both are scored with the held-out scorer.

First run, 2026-11-29, on four sets (`bench/README.md`): adding the classifier never raised F1
on the held-out set, at any weight or threshold tried. Re-run 2026-11-30 on eleven sets: no set's
F1 changes with the defaults. About half the misses are no candidates at all (they need
coreference, a wider window or an actor the pipeline did not recognise), and the candidates it
does see are not separable with these features.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from graph.model import Claim, Evidence, Extraction, RelationType  # noqa: E402
from loaders.extract import Extractor  # noqa: E402
from loaders.lexicon import NOUN_FORMS, NOUNS, VERB_FORMS, VERBS  # noqa: E402
from loaders.names import name_key  # noqa: E402
from tests.heldout.scoring import (  # noqa: E402
    HeldoutDoc,
    HeldoutScore,
    align_actors,
    discovered_aliases,
    load_heldout,
    score_document,
)

SETS = ("heldout", "blind", "unseen", "fresh", "final", "sealed", "vault", "cellar", "loft",
        "attic", "den")
CLASSES = ("none", *(t.value for t in RelationType))


@dataclass
class Candidate:
    a: str
    b: str
    sentence: Any  # spaCy Span
    first: Any  # Token of the earlier mention
    second: Any
    label: str
    rule: list[str]
    features: list[str]


def _family(tok: Any) -> tuple[str | None, str | None]:
    low = tok.lower_
    if low in VERB_FORMS:
        return VERBS[VERB_FORMS[low]].family, VERB_FORMS[low]
    if low in NOUN_FORMS:
        return NOUNS[NOUN_FORMS[low]], NOUN_FORMS[low]
    return None, None


def _path(a: Any, b: Any) -> list[Any]:
    up_a = [a, *a.ancestors]
    index = [t.i for t in up_a]
    up_b = [b, *b.ancestors]
    for j, t in enumerate(up_b):
        if t.i in index:
            return up_a[:index.index(t.i) + 1] + list(reversed(up_b[:j]))
    return []


def features(first: Any, second: Any, rule: list[str]) -> list[str]:
    out = ["rule:" + r for r in rule] or ["rule:none"]
    path = _path(first, second)
    out.append(f"plen:{min(len(path), 8)}")
    for t in path[1:-1]:
        family, lemma = _family(t)
        if family and lemma:
            out += ["pfam:" + family, "plem:" + lemma]
        if t.pos_ == "ADP":
            out.append("pprep:" + t.lower_)
        out.append("pdep:" + t.dep_)
    gap = first.doc[first.i + 1:second.i]
    out.append(f"dist:{min(len(gap), 12)}")
    for t in gap:
        family, _ = _family(t)
        if family:
            out.append("bfam:" + family)
        if len(gap) <= 8:
            out.append("bw:" + t.lower_)
    out += ["depa:" + first.dep_, "depb:" + second.dep_]
    if first.head.i == second.i or second.head.i == first.i:
        out.append("adjacent")
    return out


Labelled = tuple[HeldoutDoc, Extraction, list[Candidate]]


def candidates(ex: Extractor, name: str) -> Iterator[Labelled]:
    folder = REPO / "tests" / name
    gold = folder / "gold.json"
    table = discovered_aliases(gold, ex.gazetteer)
    for d in load_heldout(ex.gazetteer, docs=folder / "docs", gold=gold):
        text = d.source.text
        doc = ex.nlp(text)
        extraction = align_actors(ex.to_extraction(doc, d.source), table)
        spans = list(doc.spans["allegiance_actors"])

        def actor(label: str, mention: str) -> str:
            if label.startswith("new:"):
                return table.get(name_key(mention), label[4:])
            return label

        labels: dict[int, dict[frozenset[str], str]] = defaultdict(dict)
        for item in d.items:
            g = item.relation
            at = text.find(item.evidence)
            if at < 0:
                continue
            label = "skip" if g.optional else ("none" if g.negated else g.type.value)
            for s in doc.sents:
                if s.start_char < at + len(item.evidence) and at < s.end_char:
                    labels[s.start_char][frozenset((g.a, g.b))] = label
        rule: dict[tuple[int, frozenset[str]], set[str]] = defaultdict(set)
        for c in extraction.claims:
            if not c.negated:
                rule[(c.evidence.start, frozenset((c.source, c.target)))].add(c.type.value)
        found: list[Candidate] = []
        for s in doc.sents:
            mentions: dict[str, Any] = {}
            for span in spans:
                if s.start <= span.start < s.end:
                    mentions.setdefault(actor(span.label_, span.text), doc[span.end - 1])
            ids = sorted(mentions, key=lambda k: mentions[k].i)
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    pair = frozenset((a, b))
                    claimed = sorted(rule.get((s.start_char, pair), set()))
                    found.append(Candidate(
                        a, b, s, mentions[a], mentions[b],
                        labels[s.start_char].get(pair, "none"), claimed,
                        features(mentions[a], mentions[b], claimed)))
        yield d, extraction, found


def train(rows: list[Candidate], weight: float) -> tuple[dict[str, int], np.ndarray]:
    vocab: dict[str, int] = {}
    for r in rows:
        for f in r.features:
            vocab.setdefault(f, len(vocab))
    x = np.zeros((len(rows), len(vocab)))
    for i, r in enumerate(rows):
        x[i, [vocab[f] for f in r.features]] = 1
    y = np.array([CLASSES.index(r.label) for r in rows])
    w = np.where(y == 0, 1.0, weight)[:, None]
    coef = np.zeros((len(vocab), len(CLASSES)))
    for _ in range(300):
        z = x @ coef
        p = np.exp(z - z.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        p[np.arange(len(y)), y] -= 1
        coef -= 0.5 * (x.T @ (p * w) / len(y) + 1e-3 * coef)
    return vocab, coef


def predict(c: Candidate, vocab: dict[str, int], coef: np.ndarray, threshold: float,
            doc_id: str) -> Claim | None:
    x = np.zeros(len(vocab))
    x[[vocab[f] for f in c.features if f in vocab]] = 1
    z = x @ coef
    p = np.exp(z - z.max())
    p /= p.sum()
    k = int(p.argmax())
    if k == 0 or p[k] < threshold:
        return None
    rtype = RelationType(CLASSES[k])
    source, target = c.a, c.b
    if "by" in {t.lower_ for t in c.first.doc[c.first.i:c.second.i]}:
        source, target = target, source  # "A, backed by B"
    s = c.sentence
    evidence = Evidence(doc=doc_id, sentence=s.text, start=s.start_char, end=s.end_char)
    return Claim(source=source, target=target, type=rtype, polarity=rtype.polarity,
                 confidence=0.5, evidence=evidence)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--positive-weight", type=float, default=1.0)
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args(argv)
    ex = Extractor()
    data = {name: list(candidates(ex, name)) for name in SETS}
    for name in SETS:
        rows = [c for _, _, cs in data[name] for c in cs]
        positive = [c for c in rows if c.label not in {"none", "skip"}]
        print(f"{name:8} candidates {len(rows):4}, positive {len(positive):3}, of which without "
              f"a rule claim {sum(1 for c in positive if not c.rule):3}")
    print(f"\nleave one set out; positive weight {args.positive_weight}, "
          f"threshold {args.threshold}")
    for held in SETS:
        rows = [c for n in SETS if n != held for _, _, cs in data[n] for c in cs
                if c.label != "skip"]
        vocab, coef = train(rows, args.positive_weight)
        rules, both = HeldoutScore(), HeldoutScore()
        for d, extraction, cs in data[held]:
            score_document(d, extraction, rules)
            claimed = {(c.evidence.start, frozenset((c.source, c.target)))
                       for c in extraction.claims}
            extra = [claim for c in cs
                     if (c.sentence.start_char, frozenset((c.a, c.b))) not in claimed
                     and (claim := predict(c, vocab, coef, args.threshold,
                                           extraction.documents[0].id)) is not None]
            score_document(d, extraction.model_copy(
                update={"claims": extraction.claims + tuple(extra)}), both)
        r, b = rules.families["all"], both.families["all"]
        print(f"{held:8} rules P {r.precision:.2f} R {r.recall:.2f} F1 {r.f1:.2f} | "
              f"rules + classifier P {b.precision:.2f} R {b.recall:.2f} F1 {b.f1:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
