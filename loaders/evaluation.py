"""Scoring extractions against hand-written gold relations (dev set, seed gold).

Gold names are resolved through the gazetteer, so a gold file may write any spelling; names
outside the gazetteer are compared by slug (discovered actors). Relations are compared on
``(type, pair)``: membership and support keep their direction, the other types do not (a
"fight between A and B" has no meaningful direction for the sign of the edge). Optional gold
relations count neither way; a claim that matches a negated gold relation is a false positive.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from graph.model import Claim, Extraction, Polarity, RelationType, slugify
from loaders.gazetteer import Gazetteer
from loaders.names import name_key

# Seed-gold subtypes and the relation type they are.
SUBTYPES: dict[str, RelationType] = {
    "joint_operation": RelationType.JOINT_OPERATION,
    "joint_checkpoint": RelationType.JOINT_OPERATION,
    "support": RelationType.SUPPORT,
    "alliance": RelationType.ALLIANCE,
    "truce": RelationType.TRUCE,
    "member_of": RelationType.MEMBERSHIP,
    "membership": RelationType.MEMBERSHIP,
    "opposition": RelationType.HOSTILITY,
    "offensive": RelationType.HOSTILITY,
    "attack": RelationType.HOSTILITY,
    "hostility": RelationType.HOSTILITY,
}

FAMILIES: tuple[str, ...] = tuple(t.value for t in RelationType)


@dataclass(frozen=True)
class GoldRelation:
    a: str
    b: str
    type: RelationType
    optional: bool = False
    negated: bool = False
    hedged: bool = False

    @property
    def key(self) -> tuple[str, str, str]:
        return relation_key(self.type, self.a, self.b)

    @property
    def polarity_key(self) -> tuple[str, str, str]:
        a, b = sorted((self.a, self.b))
        return (self.type.polarity.value, a, b)


@dataclass(frozen=True)
class GoldPlace:
    actor: str
    place: str
    date: date | None = None


@dataclass(frozen=True)
class GoldDocument:
    id: str
    text: str
    date: date | None
    relations: tuple[GoldRelation, ...]
    places: tuple[GoldPlace, ...] = ()
    tags: tuple[str, ...] = ()


def relation_key(rtype: RelationType, a: str, b: str) -> tuple[str, str, str]:
    if rtype in {RelationType.MEMBERSHIP, RelationType.SUPPORT}:
        return (rtype.value, a, b)
    x, y = sorted((a, b))
    return (rtype.value, x, y)


def actor_id(name: str, gazetteer: Gazetteer, when: date | None = None) -> str:
    """The id a gold name stands for: the gazetteer actor, else the slug of a discovered one."""
    actor = gazetteer.resolve(name, when=when)
    return actor.id if actor is not None else slugify(name)


def load_devset(path: Path, gazetteer: Gazetteer) -> list[GoldDocument]:
    """Read the YAML dev set (see ``tests/devset/devset.yaml`` for the format)."""
    items: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    docs = []
    for item in items:
        when = item.get("date")
        relations = tuple(
            GoldRelation(
                a=actor_id(r["a"], gazetteer, when),
                b=actor_id(r["b"], gazetteer, when),
                type=RelationType(r["type"]),
                optional=bool(r.get("optional", False)),
                negated=bool(r.get("negated", False)),
                hedged=bool(r.get("hedged", False)),
            )
            for r in item.get("relations") or []
        )
        places = tuple(
            GoldPlace(actor_id(p["actor"], gazetteer, when), p["place"], p.get("date"))
            for p in item.get("places") or []
        )
        docs.append(GoldDocument(item["id"], item["text"], when, relations, places,
                                 tuple(item.get("tags") or ())))
    return docs


def load_seed_gold(path: Path, gazetteer: Gazetteer) -> list[GoldRelation]:
    """Relations of ``seed-gold.json`` with names resolved through the gazetteer."""
    import json

    raw = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for r in raw["gold"]:
        rtype = SUBTYPES[r["subtype"]]
        if rtype.polarity.value.upper() != r["type"].upper() and not (
            rtype.polarity is Polarity.ALLY and r["type"].upper() == "ALLY"
        ):
            raise ValueError(f"gold subtype {r['subtype']} disagrees with type {r['type']}")
        out.append(
            GoldRelation(
                a=actor_id(r["a"], gazetteer),
                b=actor_id(r["b"], gazetteer),
                type=rtype,
                optional=bool(r.get("optional", False)),
                hedged=bool(r.get("hedged", False)),
            )
        )
    return out


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[tuple[str, ...]] = field(default_factory=list)
    misses: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.false_positives += other.false_positives
        self.misses += other.misses


def score_relations(
    extraction: Extraction, gold: Iterable[GoldRelation], *, label: str = ""
) -> dict[str, Counts]:
    """Per-family counts (and ``"all"``) of one document's claims against its gold."""
    gold = list(gold)
    required = {g.key for g in gold if not g.optional and not g.negated}
    tolerated = {g.key for g in gold if g.optional and not g.negated}
    predicted = {relation_key(c.type, c.source, c.target) for c in extraction.claims
                 if not c.negated}
    out: dict[str, Counts] = {f: Counts() for f in (*FAMILIES, "all")}
    for key in predicted:
        if key in required:
            out[key[0]].tp += 1
        elif key not in tolerated:
            out[key[0]].fp += 1
            out[key[0]].false_positives.append((label, *key))
    for key in required - predicted:
        out[key[0]].fn += 1
        out[key[0]].misses.append((label, *key))
    for family in FAMILIES:
        out["all"].add(out[family])
    return out


def score_polarity(
    extraction: Extraction, gold: Iterable[GoldRelation]
) -> tuple[Counts, set[tuple[str, str, str]]]:
    """Counts on ``(polarity, unordered pair)`` and the predicted keys whose sign contradicts
    a gold relation of the same pair (the seed bar: right actors, right sign)."""
    gold = list(gold)
    required = {g.polarity_key for g in gold if not g.optional}
    any_gold = {g.polarity_key for g in gold}
    predicted = set()
    for c in extraction.claims:
        if c.negated:
            continue
        a, b = sorted((c.source, c.target))
        predicted.add((c.type.polarity.value, a, b))
    counts = Counts()
    for key in predicted:
        if key in required:
            counts.tp += 1
        elif key not in any_gold:
            counts.fp += 1
            counts.false_positives.append(key)
    for key in required - predicted:
        counts.fn += 1
        counts.misses.append(key)
    gold_pairs = {(k[1], k[2]): k[0] for k in any_gold}
    wrong_sign = {k for k in predicted if (k[1], k[2]) in gold_pairs
                  and gold_pairs[(k[1], k[2])] != k[0] and k not in any_gold}
    return counts, wrong_sign


def flag_accuracy(extraction: Extraction, gold: Iterable[GoldRelation]) -> Counter[str]:
    """How the hedged and negated flags of matched claims agree with the gold."""
    result: Counter[str] = Counter()
    claims: dict[tuple[str, str, str], list[Claim]] = {}
    for c in extraction.claims:
        claims.setdefault(relation_key(c.type, c.source, c.target), []).append(c)
    for g in gold:
        found = claims.get(g.key, [])
        if g.negated:
            result["negated_gold"] += 1
            if any(c.negated for c in found):
                result["negated_found"] += 1
            if any(not c.negated for c in found):
                result["negated_as_positive"] += 1
        elif found and not g.optional:
            result["matched"] += 1
            if any(c.hedged for c in found) == g.hedged:
                result["hedge_agrees"] += 1
    return result


def score_places(extraction: Extraction, gold: Iterable[GoldPlace]) -> Counts:
    """Counts on ``(actor, place)`` with place names compared by transliteration key."""
    required = {(g.actor, name_key(g.place)) for g in gold}
    predicted = {(p.actor, name_key(p.place)) for p in extraction.places if not p.negated}
    counts = Counts()
    counts.tp = len(required & predicted)
    counts.fp = len(predicted - required)
    counts.fn = len(required - predicted)
    counts.false_positives = [("place", *k) for k in predicted - required]
    counts.misses = [("place", *k) for k in required - predicted]
    return counts
