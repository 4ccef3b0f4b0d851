"""Learned relations between two actors named in one sentence that the rules left unrelated.

The hand-written rules (:mod:`loaders.relations`) are precise but miss relations stated in
ways their lexicon and parse patterns do not cover. After the rules have read a sentence, every
pair of actors named in it that no rule claim joins is scored by a linear model, one
logistic-regression classifier per relation family and direction, over features of the pair:
the words between the two names, the dependency path that joins them and the family of every
trigger word on it, the actors' kinds, and what the rules found elsewhere in the sentence. A
family scoring at least the model's threshold becomes a claim with a lower confidence
(:data:`CONF_LEARNED`), its evidence the sentence like any other claim.

The weights (``loaders/data/pair_model.json``) are trained by ``scripts/train_pairs.py`` on the
annotated report sets under ``tests/``; the file records which sets, and the script's
``--cv`` mode measures what the model adds on a set it was not trained on. Inference is a sum of
weights: no machine-learning library is needed at run time.

>>> from loaders.pairs import features_of_words
>>> sorted(features_of_words(["backed", "by"]))[:2]
['bw:back', 'bw:by']
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span, Token

from graph.errors import InputError
from graph.model import ActorKind
from loaders.lexicon import NOUN_FORMS, NOUNS, VERB_FORMS, VERBS

BUNDLED_MODEL = Path(__file__).with_name("data") / "pair_model.json"
FORMAT = "allegiance-pair-model/1"
CONF_LEARNED = 0.45  # below every rule: direct 0.85, coreference 0.7, token order 0.6
PAIRS_OFF = "off"  # the pair_model setting that leaves the rules alone
# Actors a sentence refers to without naming them (``DocRelations.implied``): one-token spans
# in this span group, labelled with the actor, their kb_id IMPLIED + how ("coref" for an
# anaphor, "head" for "the council", "adj" for "Turkish troops").
IMPLIED_KEY = "allegiance_implied"
IMPLIED = "implied:"


def is_implied(span: Span) -> bool:
    """Whether ``span`` is an implied mention (see :data:`IMPLIED_KEY`), not a name."""
    return span.kb_id_.startswith(IMPLIED)


# Classes: a family, and for the directed ones which of the two names (in text order) is the
# source: "_fwd" the first, "_bwd" the second.
CLASSES: tuple[str, ...] = (
    "hostility", "alliance", "truce", "joint_operation",
    "support_fwd", "support_bwd", "membership_fwd", "membership_bwd",
)
DIRECTED = frozenset({"support", "membership"})  # families whose classes carry a direction
_NEGATING = frozenset({"not", "no", "never", "denied", "deny", "denies", "n't", "rejected",
                       "refused"})
_MODALS = frozenset({"would", "could", "may", "might", "will", "should", "must", "can"})
_SEEKING = frozenset({"call", "calls", "called", "calling", "urge", "urges", "urged", "urging",
                      "demand", "demands", "demanded", "seek", "seeks", "sought", "propose",
                      "proposes", "proposed", "warn", "warns", "warned", "threaten",
                      "threatens", "threatened"})
_COALITION_HEADS = frozenset({"coalition", "alliance", "front", "room", "council", "army"})
_GAP_PUNCT = frozenset({",", "-", "(", ")"})
_GAP_WORDS = 12  # a longer gap contributes its first and last six words


@dataclass(frozen=True)
class PairModel:
    """Per-class bias and sparse weights, and the probability a class needs to be claimed."""

    biases: dict[str, float]
    weights: dict[str, dict[str, float]]
    threshold: float
    meta: dict[str, Any]
    # the same weights as a feature -> row table over the classes, for fast scoring
    _classes: tuple[str, ...] = field(init=False, repr=False)
    _rows: dict[str, np.ndarray] = field(init=False, repr=False)
    _bias: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        classes = tuple(self.biases)
        rows: dict[str, np.ndarray] = {}
        for k, cls in enumerate(classes):
            for feature, weight in self.weights[cls].items():
                rows.setdefault(feature, np.zeros(len(classes)))[k] = weight
        object.__setattr__(self, "_classes", classes)
        object.__setattr__(self, "_rows", rows)
        object.__setattr__(self, "_bias", np.array([self.biases[c] for c in classes]))

    def scores(self, features: Iterable[str]) -> dict[str, float]:
        """Probability of every class for a pair with these (binary) features."""
        z = self._bias.copy()
        rows = self._rows
        for feature in features:
            row = rows.get(feature)
            if row is not None:
                z += row
        probs = 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))
        return dict(zip(self._classes, probs.tolist(), strict=True))

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "threshold": self.threshold, "meta": self.meta,
                "classes": {c: {"bias": self.biases[c], "weights": self.weights[c]}
                            for c in self.biases}}


@lru_cache(maxsize=4)
def load_pair_model(path: str = "") -> PairModel:
    """The model at ``path`` (the bundled one for ""), read once per process.

    Raises
    ------
    InputError
        When the file is missing or not a pair model.
    """
    file = Path(path).expanduser() if path else BUNDLED_MODEL
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"pair model {file} not readable: {error}") from error
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise InputError(f"{file} is not a pair model (expected format {FORMAT!r})")
    classes = raw["classes"]
    unknown = set(classes) - set(CLASSES)
    if unknown:
        raise InputError(f"pair model {file} has unknown classes {sorted(unknown)}")
    try:
        return PairModel(
            biases={c: float(v["bias"]) for c, v in classes.items()},
            weights={c: {k: float(w) for k, w in v["weights"].items()}
                     for c, v in classes.items()},
            threshold=float(raw["threshold"]),
            meta=raw.get("meta", {}),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InputError(f"pair model {file} is malformed: {error!r}") from error


# -- features ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """Two actors named in one sentence: the closest two mentions, in text order."""

    first: Span
    second: Span
    features: dict[str, int]
    lca: Token | None


def _lemma(tok: Token) -> str:
    word = tok.lower_
    return VERB_FORMS.get(word) or NOUN_FORMS.get(word) or word


def _family(tok: Token) -> str | None:
    verb = VERB_FORMS.get(tok.lower_)
    if verb:
        return VERBS[verb].family
    noun = NOUN_FORMS.get(tok.lower_)
    return NOUNS[noun] if noun else None


def _bucket(n: int, edges: tuple[int, ...] = (0, 1, 3, 6, 10, 16, 25)) -> str:
    return next((str(e) for e in edges if n <= e), "big")


def _ancestors(tok: Token) -> list[Token]:
    out = [tok]
    while tok.head.i != tok.i:
        tok = tok.head
        out.append(tok)
    return out


def kind_name(kind: ActorKind | None, label: str) -> str:
    """The kind feature of an actor: its gazetteer kind, or whether a discovered name is a
    coalition's ("... Operations Room")."""
    if label.startswith("new:"):
        return "newcoal" if label.rsplit("-", 1)[-1] in _COALITION_HEADS else "new"
    return kind.value if kind is not None else "none"


def features_of_words(words: Iterable[str]) -> set[str]:
    """Between-word features of plain words (for tests and docs)."""
    return {"bw:" + (VERB_FORMS.get(w.lower()) or NOUN_FORMS.get(w.lower()) or w.lower())
            for w in words}


def sentence_features(sent: Span, records: list[dict[str, Any]]) -> dict[str, int]:
    """Features every pair of the sentence shares: trigger families present, a negating word,
    a modal, *any* or a verb of asking or warning (a relation wished for, not made), and the
    families of the rule claims made in it."""
    out: dict[str, int] = {}
    for tok in sent:
        verb = VERB_FORMS.get(tok.lower_)
        if verb:
            out["sv:" + VERBS[verb].family] = 1
        noun = NOUN_FORMS.get(tok.lower_)
        if noun:
            out["sn:" + NOUNS[noun]] = 1
        if tok.lower_ in _NEGATING:
            out["sneg"] = 1
        if tok.dep_ == "aux" and tok.lower_ in _MODALS:
            out["smodal:" + tok.lower_] = 1
        elif tok.lower_ == "any":
            out["sany"] = 1
        elif tok.lower_ in _SEEKING:
            out["sseek"] = 1
    for record in records:
        out["srule:" + record["type"]] = 1
    return out


def candidates(sent: Span, mentions: list[Span], records: list[dict[str, Any]],
               kinds: dict[str, str], skip: frozenset[frozenset[str]] = frozenset(),
               ) -> Iterator[Candidate]:
    """Every pair of different actors named in ``sent`` with its features.

    ``mentions`` are the actor spans inside the sentence, ``records`` the rule claims made in
    it (plain claim dicts), ``kinds`` each actor label's :func:`kind_name`; pairs of labels in
    ``skip`` are left out.
    """
    named = [s for s in mentions if not is_implied(s)]
    labels = list(dict.fromkeys(s.label_ for s in named))
    # an actor named in the sentence is paired by its name, never by an anaphor of it
    implied = [s for s in mentions if is_implied(s) and s.label_ not in labels]
    mentions = named + implied
    labels += dict.fromkeys(s.label_ for s in implied)
    if len(labels) < 2:
        return
    shared = sentence_features(sent, records)
    doc = sent.doc
    for i, la in enumerate(labels):
        for lb in labels[i + 1:]:
            if frozenset((la, lb)) in skip:
                continue
            closest = _closest(mentions, la, lb)
            if closest is None:
                continue
            first, second = closest
            yield _candidate(doc, sent, first, second, named, records, kinds, shared)


def _closest(mentions: list[Span], la: str, lb: str) -> tuple[Span, Span] | None:
    best: tuple[int, Span, Span] | None = None
    for sa in mentions:
        if sa.label_ != la:
            continue
        for sb in mentions:
            if sb.label_ == lb and sb.start != sa.start and (
                best is None or abs(sa.start - sb.start) < best[0]
            ):
                best = (abs(sa.start - sb.start), sa, sb)
    if best is None:
        return None  # (both only implied, by one word: "they" for A and B)
    _, sa, sb = best
    return (sa, sb) if sa.start <= sb.start else (sb, sa)


def _candidate(doc: Doc, sent: Span, sa: Span, sb: Span, named: list[Span],
               records: list[dict[str, Any]], kinds: dict[str, str],
               shared: dict[str, int]) -> Candidate:
    f = dict(shared)
    ka, kb = kinds[sa.label_], kinds[sb.label_]
    pair_kinds = ka + ">" + kb
    gap = doc[sa.end:sb.start]
    f["dist:" + _bucket(len(gap))] = 1
    between = {s.label_ for s in named if sa.end <= s.start < sb.start} - {sa.label_,
                                                                             sb.label_}
    f["others:" + _bucket(len(between), (0, 1, 2, 4))] = 1
    for tok in gap:
        family = _family(tok)
        if family:
            f["bwf:" + family] = 1
    f["kinds:" + pair_kinds] = 1
    words = list(gap) if len(gap) <= _GAP_WORDS else [*gap[:_GAP_WORDS // 2],
                                                      *gap[-(_GAP_WORDS // 2):]]
    for tok in words:
        if not tok.is_punct or tok.text in _GAP_PUNCT:
            f["bw:" + _lemma(tok)] = 1
    if not len(gap):
        f["adjacent"] = 1
    elif all(t.lower_ in {",", "and", "the", "&"} for t in gap):
        f["coordonly"] = 1
    for tok in doc[max(sent.start, sa.start - 3):sa.start]:
        f["pre:" + _lemma(tok)] = 1
    for tok in doc[sb.end:min(sent.end, sb.end + 3)]:
        f["post:" + _lemma(tok)] = 1
    if sa.start > sent.start:
        f["a-1:" + _lemma(doc[sa.start - 1])] = 1
    if sb.end < sent.end:
        f["b+1:" + _lemma(doc[sb.end])] = 1
    f["b-1:" + _lemma(doc[sb.start - 1])] = 1
    lca = _path_features(f, sa.root, sb.root, pair_kinds)
    mine = [r for r in records if {r["source"], r["target"]} == {sa.label_, sb.label_}]
    for r in mine:
        if r["type"] in ("support", "membership"):
            f[f"rule:{r['type']}:{'fwd' if r['source'] == sa.label_ else 'bwd'}"] = 1
        else:
            f["rule:" + r["type"]] = 1
        if r["negated"]:
            f["rule:neg"] = 1
    if not mine:
        f["rule:none"] = 1
        if any({r["source"], r["target"]} & {sa.label_, sb.label_} for r in records):
            f["rule:one-side"] = 1
    # (a feature is present or absent: training reads a 0 as absent, so none is ever 0)
    for side, span in (("a", sa), ("b", sb)):
        if is_implied(span):
            how = span.kb_id_.removeprefix(IMPLIED)
            f[f"imp:{side}:{how}"] = 1
            f[f"imp:{how}:" + pair_kinds] = 1
        if span.label_.startswith("new:"):
            f["new:" + side] = 1
    return Candidate(sa, sb, f, lca)


def _path_features(f: dict[str, int], ra: Token, rb: Token, pair_kinds: str) -> Token | None:
    """Features of the dependency path between two mention heads; returns the lowest common
    ancestor (None when the parse does not join them)."""
    up_a, up_b = _ancestors(ra), _ancestors(rb)
    depth_b = {t.i: k for k, t in enumerate(up_b)}
    k = next((k for k, t in enumerate(up_a) if t.i in depth_b), None)
    if k is None:
        f["nolca"] = 1
        return None
    lca = up_a[k]
    up, down = up_a[:k], up_b[:depth_b[lca.i]]
    path = [t.dep_ for t in up] + ["^" + lca.pos_] + [t.dep_ for t in reversed(down)]
    f["path:" + " ".join(path)] = 1
    f["plen:" + _bucket(len(up) + len(down), (1, 2, 3, 4, 6))] = 1
    f["lca:" + _lemma(lca)] = 1
    f["lcapos:" + lca.pos_] = 1
    f["adep:" + ra.dep_] = 1
    f["bdep:" + rb.dep_] = 1
    if lca.i not in (ra.i, rb.i):
        f["lcadep:" + ra.dep_ + "|" + _lemma(lca) + "|" + rb.dep_] = 1
    for tok in [*up[1:], *down[1:], lca]:
        f["pw:" + _lemma(tok)] = 1
        family = _family(tok)
        if family:
            f["pwf:" + family] = 1
            f["pwfk:" + family + ":" + pair_kinds] = 1
    for tok in (*up[1:], *down[1:]):
        if tok.dep_ == "prep":
            f["pprep:" + tok.lower_] = 1
    if any(c.dep_ == "neg" for t in (lca, *up, *down) for c in t.children):
        f["pathneg"] = 1
    for c in lca.children:
        if c.dep_ == "aux" and c.lower_ in _MODALS:
            f["lcamodal"] = 1
    return lca


def acted_on_first(cand: Candidate) -> bool:
    """Whether the first name is the one acted on: "A was attacked by B", "A, shelled by B"."""
    return cand.first.root.dep_ == "nsubjpass" or (
        cand.second.root.dep_ == "pobj" and cand.second.root.head.dep_ == "agent")


def best_class(model: PairModel, features: Iterable[str]) -> tuple[str, float] | None:
    """The most probable class at or above the model's threshold, if any."""
    scores = model.scores(features)
    cls = max(scores, key=lambda c: scores[c])
    return (cls, scores[cls]) if scores[cls] >= model.threshold else None
