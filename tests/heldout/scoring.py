"""Scoring the extractor on the held-out reports in ``tests/heldout/``.

``docs/*.txt`` are short news-style reports (wire, state, opposition, Kurdish and think-tank
styles) with a metadata header; ``gold.json`` holds their reference relations in the
``seed-gold.json`` format, with a ``doc`` key on every relation and place. Counting reuses
:mod:`loaders.evaluation`, so the numbers compare with ``bench/quality.py``.

Actor identity: gold names go through the gazetteer (as in ``loaders.evaluation``); an actor
the gazetteer does not know is compared by name, i.e. a *discovered* actor whose name is one of
the gold aliases (transliteration key, :func:`loaders.names.name_key`) is that actor.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from graph.errors import InputError
from graph.model import Claim, Extraction, slugify
from loaders.evaluation import (
    FAMILIES,
    SUBTYPES,
    Counts,
    GoldPlace,
    GoldRelation,
    relation_key,
    score_places,
    score_polarity,
    score_relations,
)
from loaders.gazetteer import Gazetteer
from loaders.names import name_key
from loaders.readers import SkippedFile, read_sources
from loaders.source import SourceText

HELDOUT = Path(__file__).resolve().parent
DOCS = HELDOUT / "docs"
GOLD = HELDOUT / "gold.json"


@dataclass(frozen=True)
class GoldItem:
    """One gold relation with what the error report needs besides its key."""

    relation: GoldRelation
    evidence: str
    coreference: bool


@dataclass(frozen=True)
class HeldoutDoc:
    """A held-out report, its gold, and the name -> actor id table for discovered actors."""

    name: str
    source: SourceText
    items: tuple[GoldItem, ...]
    places: tuple[GoldPlace, ...]

    @property
    def relations(self) -> tuple[GoldRelation, ...]:
        return tuple(item.relation for item in self.items)


@dataclass
class HeldoutScore:
    """Totals over the held-out set (every count is a sum over documents)."""

    families: dict[str, Counts] = field(
        default_factory=lambda: {f: Counts() for f in (*FAMILIES, "all")}
    )
    polarity: Counts = field(default_factory=Counts)
    wrong_sign: list[tuple[str, ...]] = field(default_factory=list)
    places: Counts = field(default_factory=Counts)
    flags: Counter[str] = field(default_factory=Counter)

    def summary(self) -> dict[str, Any]:
        """Plain data for the results file."""
        out: dict[str, Any] = {f: _summary(c) for f, c in self.families.items()}
        out["pair+sign"] = _summary(self.polarity)
        out["wrong_sign"] = len(self.wrong_sign)
        out["places"] = _summary(self.places)
        out["flags"] = dict(sorted(self.flags.items()))
        return out


def load_heldout(gazetteer: Gazetteer, docs: Path = DOCS, gold: Path = GOLD) -> list[HeldoutDoc]:
    """Read the reports (through the project's readers) and their gold relations.

    Raises
    ------
    InputError
        When the gold file or a report is missing, or gold names a report that is not there.
    """
    if not gold.is_file():
        raise InputError(f"held-out gold not found: {gold}")
    raw = json.loads(gold.read_text(encoding="utf-8"))
    sources: dict[str, SourceText] = {}
    for item in read_sources([docs], glob="*.txt"):
        if isinstance(item, SkippedFile):
            raise InputError(f"held-out report not read: {item}")
        sources[Path(item.document.path).name] = item
    missing = set(raw["docs"]) - set(sources)
    if missing:
        raise InputError(f"gold names reports that are not in {docs}: {sorted(missing)}")
    aliases: dict[str, list[str]] = raw["actors"]
    out = []
    for name in sorted(raw["docs"]):
        source = sources[name]
        when = source.document.date

        def ident(actor: str, doc: str = name, when: date | None = when) -> str:
            if actor not in aliases:
                raise InputError(f"{doc}: gold actor {actor!r} is not listed under 'actors'")
            return gold_actor_id(actor, gazetteer, when)

        items = tuple(
            GoldItem(
                relation=GoldRelation(
                    a=ident(r["a"]),
                    b=ident(r["b"]),
                    type=SUBTYPES[r["subtype"]],
                    optional=bool(r.get("optional", False)),
                    negated=bool(r.get("negated", False)),
                    hedged=bool(r.get("hedged", False)),
                ),
                evidence=r["evidence"],
                coreference=bool(r.get("needs_coreference", False)),
            )
            for r in raw["gold"]
            if r["doc"] == name
        )
        places = tuple(
            GoldPlace(ident(p["actor"]), p["place"]) for p in raw["places"] if p["doc"] == name
        )
        out.append(HeldoutDoc(name, source, items, places))
    return out


def gold_actor_id(name: str, gazetteer: Gazetteer, when: date | None) -> str:
    """The gazetteer id a gold canonical name stands for, else the slug of that name.

    Exact lookups only: a fuzzy match could quietly merge a group the gazetteer lacks
    ("Faylaq al-Rahman") into one it has ("Faylaq al-Sham").
    """
    actor = gazetteer.resolve(name, when=when, fuzzy=False)
    return actor.id if actor is not None else slugify(name)


def discovered_aliases(gold: Path, gazetteer: Gazetteer) -> dict[str, str]:
    """``name_key`` of every alias of a gold actor the gazetteer lacks -> that actor's id."""
    raw = json.loads(gold.read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    for canonical, names in raw["actors"].items():
        if gazetteer.resolve(canonical, fuzzy=False) is None:
            for alias in (canonical, *names):
                table[name_key(alias)] = slugify(canonical)
    return table


def declared_identities(gold: Path, gazetteer: Gazetteer) -> dict[str, str]:
    """Gazetteer id -> gold id, where the gold lists that actor's name under another actor.

    Annotators decide what counts as one actor: a writer who lists "Coalition aircraft" under
    "United States", or "PYD" under "YPG", scores them as one. Only gazetteer actors that are
    not themselves a gold actor of the set are folded this way, so no gold distinction is lost.
    """
    raw = json.loads(gold.read_text(encoding="utf-8"))
    canonical = {name: gold_actor_id(name, gazetteer, None) for name in raw["actors"]}
    taken = set(canonical.values())
    out: dict[str, str] = {}
    for name, surfaces in raw["actors"].items():
        for surface in surfaces:
            actor = gazetteer.resolve(surface)
            if actor is not None and actor.id not in taken:
                out.setdefault(actor.id, canonical[name])
    return out


def align_actors(extraction: Extraction, table: dict[str, str],
                 declared: dict[str, str] | None = None) -> Extraction:
    """Rename discovered actors that carry a gold alias to that gold actor's id.

    ``declared`` (from :func:`declared_identities`) also renames gazetteer actors the gold
    counts as part of another actor.
    """
    rename = {a.id: table[name_key(a.name)] for a in extraction.actors
              if not a.curated and name_key(a.name) in table}
    rename.update({a.id: declared[a.id] for a in extraction.actors
                   if declared and a.curated and a.id in declared})
    if not rename:
        return extraction
    claims = []
    for c in extraction.claims:
        source, target = rename.get(c.source, c.source), rename.get(c.target, c.target)
        if source != target:  # two spellings of one gold actor: not a relation between two
            claims.append(c.model_copy(update={"source": source, "target": target}))
    places = tuple(p.model_copy(update={"actor": rename.get(p.actor, p.actor)})
                   for p in extraction.places)
    return extraction.model_copy(update={"claims": tuple(claims), "places": places})


def flag_agreement(claims: Sequence[Claim], gold: Iterable[GoldRelation]) -> Counter[str]:
    """How the hedged and negated flags agree with the gold, one relation at a time.

    A gold relation is ``hedged`` when every statement of it in the report is qualified, so a
    matched relation agrees when all its positive claims are hedged exactly then (what the
    graph shows as ``hedged_only``). A denied (negated) gold relation is *recognised* when a
    negated claim joins the same two actors, whatever its family (the flag is what is judged
    here; the family is scored elsewhere), and *asserted* when a positive claim of it exists.
    """
    by_key: dict[tuple[str, str, str], list[Claim]] = {}
    denied_pairs: set[frozenset[str]] = set()
    for c in claims:
        by_key.setdefault(relation_key(c.type, c.source, c.target), []).append(c)
        if c.negated:
            denied_pairs.add(frozenset((c.source, c.target)))
    out: Counter[str] = Counter()
    for g in gold:
        found = by_key.get(g.key, [])
        positive = [c for c in found if not c.negated]
        if g.negated:
            out["negated_gold"] += 1
            out["negated_recognised"] += frozenset((g.a, g.b)) in denied_pairs
            out["negated_asserted"] += bool(positive)
        elif positive and not g.optional:
            pred = all(c.hedged for c in positive)
            out["matched"] += 1
            out["hedge_agrees"] += pred == g.hedged
            out["hedged_gold"] += g.hedged
            out["hedged_gold_found_hedged"] += g.hedged and pred
            out["plain_gold_marked_hedged"] += (not g.hedged) and pred
    return out


def score_document(doc: HeldoutDoc, extraction: Extraction, total: HeldoutScore) -> None:
    """Add one document's counts to ``total``."""
    for family, counts in score_relations(extraction, doc.relations, label=doc.name).items():
        total.families[family].add(counts)
    # score_polarity counts every non-optional gold as required; a denied relation is not.
    asserted = [g for g in doc.relations if not g.negated]
    polarity, wrong = score_polarity(extraction, asserted)
    polarity.false_positives = [(doc.name, *k) for k in polarity.false_positives]
    polarity.misses = [(doc.name, *k) for k in polarity.misses]
    total.polarity.add(polarity)
    total.wrong_sign += [(doc.name, *k) for k in sorted(wrong)]
    places = score_places(extraction, doc.places)
    places.false_positives = [(doc.name, *k[1:]) for k in places.false_positives]
    places.misses = [(doc.name, *k[1:]) for k in places.misses]
    total.places.add(places)
    total.flags.update(flag_agreement(extraction.claims, doc.relations))


def _summary(c: Counts) -> dict[str, float]:
    return {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": round(c.precision, 3),
            "recall": round(c.recall, 3), "f1": round(c.f1, 3)}
