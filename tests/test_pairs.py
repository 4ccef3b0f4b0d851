"""The learned pair model: file format, scoring, and how the extractor adds its claims."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from graph.errors import InputError
from loaders.extract import Extractor
from loaders.pairs import (
    BUNDLED_MODEL,
    CLASSES,
    FORMAT,
    IMPLIED_KEY,
    PAIRS_OFF,
    PairModel,
    best_class,
    candidates,
    kind_name,
    load_pair_model,
)
from loaders.relations import ACTORS_KEY
from tests.extraction_cases import MODEL, run

REPO = Path(__file__).resolve().parents[1]


def write_model(path: Path, classes: dict[str, dict[str, object]], threshold: float = 0.5) -> str:
    path.write_text(json.dumps({"format": FORMAT, "threshold": threshold, "meta": {},
                                "classes": classes}), encoding="utf-8")
    return str(path)


# -- the file ---------------------------------------------------------------------------------


def test_bundled_model_loads_and_says_what_it_was_trained_on() -> None:
    model = load_pair_model()
    assert set(model.biases) <= set(CLASSES)
    assert {"hostility", "membership_bwd", "support_fwd"} <= set(model.biases)
    assert 0.0 < model.threshold < 1.0
    assert {"mill", "roof", "tower", "cabin"} <= set(model.meta["sets"])
    assert model.meta["examples"] > 10_000


@pytest.mark.parametrize("content, message", [
    ("{not json", "not readable"),
    ('{"format": "something-else"}', "is not a pair model"),
    (json.dumps({"format": FORMAT, "threshold": 0.5,
                 "classes": {"friendship": {"bias": 0, "weights": {}}}}), "unknown classes"),
])
def test_a_broken_model_file_is_a_clear_input_error(tmp_path: Path, content: str,
                                                    message: str) -> None:
    bad = tmp_path / "model.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_pair_model(str(bad))


def test_a_missing_model_file_is_a_clear_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not readable"):
        load_pair_model(str(tmp_path / "nowhere.json"))


# -- scoring ----------------------------------------------------------------------------------


def test_scores_are_logistic_over_the_active_features() -> None:
    model = PairModel(biases={"hostility": -2.0, "alliance": 0.0},
                      weights={"hostility": {"bw:attack": 4.0}, "alliance": {"bw:attack": -4.0}},
                      threshold=0.6, meta={})
    scores = model.scores(["bw:attack", "unknown:feature"])
    assert scores["hostility"] == pytest.approx(1 / (1 + 2.718281828 ** -2.0), rel=1e-6)
    assert scores["alliance"] == pytest.approx(1 / (1 + 2.718281828 ** 4.0), rel=1e-6)
    assert best_class(model, ["bw:attack"]) == ("hostility", pytest.approx(scores["hostility"]))
    assert best_class(model, []) is None  # 0.5 for alliance, 0.12 for hostility: under 0.6


def test_candidate_features_are_present_or_absent_never_zero() -> None:
    # training reads a feature valued 0 as absent; scoring adds the weight of every feature
    # present, so a 0 would count at run time what training never saw
    ex = Extractor(model=MODEL, pair_model=PAIRS_OFF)
    doc = ex.nlp("Hezbollah and the Tiger Battalion of Homs were mentioned with Jaysh al-Islam.")
    sent = next(iter(doc.sents))
    mentions = list(doc.spans[ACTORS_KEY])
    kinds = {s.label_: kind_name(ex.gazetteer.kind(s.label_), s.label_) for s in mentions}
    found = list(candidates(sent, mentions, [], kinds))
    assert len(found) == 3
    for cand in found:
        assert set(cand.features.values()) == {1}


# -- in the extractor -------------------------------------------------------------------------


def test_rules_alone_find_nothing_in_this_sentence() -> None:
    ex = Extractor(model=MODEL, pair_model=PAIRS_OFF)
    assert not run(ex, "Hezbollah and Jaysh al-Islam were mentioned in the report.").claims


def test_model_claims_fill_pairs_the_rules_left_unrelated(tmp_path: Path) -> None:
    always = write_model(tmp_path / "m.json", {"alliance": {"bias": 5.0, "weights": {}}})
    ex = Extractor(model=MODEL, pair_model=always)
    claims = run(ex, "Hezbollah and Jaysh al-Islam were mentioned in the report.").claims
    assert [(c.type.value, {c.source, c.target}) for c in claims] == [
        ("alliance", {"hezbollah", "jaysh-al-islam"})]
    claim = claims[0]
    assert claim.confidence == 0.45 and not claim.negated and not claim.hedged
    assert claim.evidence.sentence.startswith("Hezbollah and Jaysh al-Islam")


def test_a_pair_the_rules_related_gets_no_model_claim(tmp_path: Path) -> None:
    always = write_model(tmp_path / "m.json", {"alliance": {"bias": 5.0, "weights": {}}})
    ex = Extractor(model=MODEL, pair_model=always)
    claims = run(ex, "Hezbollah attacked Jaysh al-Islam near Douma.").claims
    assert {c.type.value for c in claims} == {"hostility"}


def test_a_hedged_sentence_gives_a_hedged_model_claim(tmp_path: Path) -> None:
    always = write_model(tmp_path / "m.json", {"alliance": {"bias": 5.0, "weights": {}}})
    ex = Extractor(model=MODEL, pair_model=always)
    claims = run(ex, "Hezbollah and Jaysh al-Islam were reportedly mentioned.").claims
    assert claims and all(c.hedged and c.confidence == 0.27 for c in claims)


def test_a_backward_class_makes_the_second_name_the_source(tmp_path: Path) -> None:
    backs = write_model(tmp_path / "m.json", {"support_bwd": {"bias": 5.0, "weights": {}}})
    ex = Extractor(model=MODEL, pair_model=backs)
    claims = run(ex, "Jaysh al-Islam and Saudi Arabia were mentioned in the report.").claims
    assert [(c.type.value, c.source, c.target) for c in claims] == [
        ("support", "saudi-arabia", "jaysh-al-islam")]


def test_a_passive_subject_is_the_one_acted_on(tmp_path: Path) -> None:
    fights = write_model(tmp_path / "m.json", {"hostility": {"bias": 5.0, "weights": {}}})
    ex = Extractor(model=MODEL, pair_model=fights)
    claims = run(ex, "Jaysh al-Islam was pestered by Hezbollah near Douma.").claims
    assert [(c.type.value, c.source, c.target) for c in claims] == [
        ("hostility", "hezbollah", "jaysh-al-islam")]


def test_the_bundled_model_reads_a_list_the_rules_miss() -> None:
    text = ("The operations room of seven factions was announced on Monday: Jabhat al-Nusra, "
            "Ahrar al-Sham, Jund al-Aqsa, Faylaq al-Sham, Liwa al-Haq, Jaysh al-Sunna and "
            "Ajnad al-Sham.")
    rules = {(c.type.value, c.source, c.target)
             for c in run(Extractor(model=MODEL, pair_model=PAIRS_OFF), text).claims}
    learned = {(c.type.value, c.source, c.target) for c in run(Extractor(model=MODEL), text).claims}
    assert rules <= learned


def test_an_anaphor_stands_for_its_actor_with_a_learned_claims_confidence(
        tmp_path: Path) -> None:
    text = ("Hezbollah sent fighters to Qusayr. The group was listed in the report next to "
            "Jaysh al-Islam.")
    ex = Extractor(model=MODEL, pair_model=PAIRS_OFF)
    doc = ex.nlp(text)
    implied = [(s.text, s.label_, s.kb_id_) for s in doc.spans[IMPLIED_KEY]]
    assert implied == [("group", "hezbollah", "implied:coref")]
    through = write_model(tmp_path / "m.json", {"alliance": {"bias": -5.0, "weights": {
        "imp:a:coref": 10.0}}})
    claims = run(Extractor(model=MODEL, pair_model=through), text).claims
    assert [(c.type.value, {c.source, c.target}, c.confidence) for c in claims] == [
        ("alliance", {"hezbollah", "jaysh-al-islam"}, 0.45)]
    assert [m.text for m in claims[0].evidence.mentions] == ["group", "Jaysh al-Islam"]


def test_a_named_actor_is_paired_by_its_name_not_by_an_anaphor(tmp_path: Path) -> None:
    through = write_model(tmp_path / "m.json", {"alliance": {"bias": -5.0, "weights": {
        "imp:a:coref": 10.0, "imp:b:coref": 10.0}}})
    text = ("Hezbollah sent fighters to Qusayr. Hezbollah said the group was listed in the "
            "report next to Jaysh al-Islam.")
    assert not run(Extractor(model=MODEL, pair_model=through), text).claims


# -- training ---------------------------------------------------------------------------------


def test_training_separates_two_families_and_writes_a_loadable_model(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(REPO / "scripts"))
    import train_pairs as tp

    def example(features: list[str], positive: set[str]) -> tp.Example:
        return tp.Example({f: 1 for f in features}, positive, set(), "a", "b", ruled=False,
                          sentence="s", start=0, end=1)

    examples = ([example(["bw:attack", "x"], {"hostility"}) for _ in range(30)]
                + [example(["bw:alongside", "x"], {"joint_operation"}) for _ in range(30)]
                + [example(["bw:and", "x"], set()) for _ in range(30)])
    data = [tp.SetData("toy", examples=[examples])]
    model = tp.train(data, c=1.0, min_count=2, threshold=0.5)
    assert set(model.biases) == {"hostility", "joint_operation"}  # the rest had no examples
    assert best_class(model, ["bw:attack", "x"])[0] == "hostility"  # type: ignore[index]
    assert best_class(model, ["bw:alongside", "x"])[0] == "joint_operation"  # type: ignore[index]
    assert best_class(model, ["bw:and", "x"]) is None
    out = tmp_path / "model.json"
    out.write_text(json.dumps(model.to_json()), encoding="utf-8")
    assert load_pair_model(str(out)).scores(["bw:attack"]) == pytest.approx(
        model.scores(["bw:attack"]))


def test_bundled_model_path_is_in_the_package() -> None:
    assert BUNDLED_MODEL.is_file() and BUNDLED_MODEL.parent.name == "data"


@pytest.mark.parametrize("text", [
    "Russia called for a truce between the army and Jaish al-Islam.",
    pytest.param(
        "Washington agreed to a pause in the Turkish offensive against the SDF.",
        marks=pytest.mark.xfail(strict=True, reason=(
            "known error since session 10: with features scored as trained, the model reads "
            "a truce US-SDF (p 0.56) into the pause the US agreed to"))),
    pytest.param(
        "Jaysh al-Islam warned that any attack on Faylaq al-Rahman would be answered.",
        marks=pytest.mark.xfail(strict=True, reason=(
            "known error since session 10: the model trained on twenty sets reads the threat "
            "as hostility (p 0.44, threshold 0.4)"))),
])
def test_the_bundled_model_adds_nothing_where_a_relation_is_only_wished_for(text: str) -> None:
    # the rules read these as no relation (or only Turkey-SDF); the model sees the modal, the
    # "any" and the verb of asking, and adds nothing of its own
    claims = run(Extractor(model=MODEL), text).claims
    assert [c for c in claims if c.confidence <= 0.45] == []
