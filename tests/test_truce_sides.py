"""Session 8: who the parties of a truce are. A side named as "rebel factions including A and B"
or "factions, among them A and B" is those groups, not a parent of them; "a pause in hostilities
between A and B" and "a pause in A's offensive against B" are truces (and no fighting); a group
moved "under an arrangement with X" is a party; "an agreement reached with X" names X; the paused
offensive was itself real, and "in Turkey's offensive" names Turkey, not a place; a truce with no
parties of its own, in a sentence whose only fight is between one pair, binds that pair."""

from __future__ import annotations

import pytest

from loaders.extract import Extractor
from tests.extraction_cases import directed, run


@pytest.fixture
def extractor(model_extractor: Extractor) -> Extractor:
    return model_extractor


def pairs(extractor: Extractor, text: str, kind: str) -> set[frozenset[str]]:
    return {frozenset(p) for p in directed(extractor, text, kind)}


def test_listed_factions_are_one_side_of_the_truce(extractor: Extractor) -> None:
    text = ("The truce that came into force on 2 May between the government and rebel factions "
            "including Jaysh al-Islam and Faylaq al-Rahman was broken within a week.")
    assert pairs(extractor, text, "truce") == {frozenset(("saa", "jaysh-al-islam")),
                                               frozenset(("saa", "faylaq-al-rahman"))}
    assert directed(extractor, text, "membership") == set()


def test_factions_among_them_are_one_side(extractor: Extractor) -> None:
    text = ("The ceasefire was agreed between the army and armed factions, among them Jaysh "
            "al-Izza and the Nour al-Din al-Zenki Movement.")
    assert pairs(extractor, text, "truce") == {frozenset(("saa", "jaish-al-izza")),
                                               frozenset(("saa", "nour-al-din-al-zenki"))}


def test_a_pause_in_hostilities_is_a_truce_not_a_fight(extractor: Extractor) -> None:
    text = "A pause in hostilities between the SDF and the SNA has held since Tuesday."
    assert pairs(extractor, text, "truce") == {frozenset(("sdf", "syrian-national-army"))}
    assert directed(extractor, text, "hostility") == set()


def test_a_cessation_of_hostilities_is_no_fight(extractor: Extractor) -> None:
    text = "The cessation of hostilities between the regime and Jaysh al-Islam collapsed."
    assert directed(extractor, text, "hostility") == set()


def test_a_pause_in_an_offensive_binds_its_two_sides(extractor: Extractor) -> None:
    text = "Ankara announced a five-day pause in Turkey's offensive against the SDF."
    assert pairs(extractor, text, "truce") == {frozenset(("turkey", "sdf"))}
    assert directed(extractor, text, "hostility") == {("turkey", "sdf")}


def test_a_pause_in_the_fighting_names_nobody(extractor: Extractor) -> None:
    assert directed(extractor, "There was a short pause in the fighting in Daraa.",
                    "truce") == set()


def test_a_group_moved_under_a_deal_with_a_party_is_a_party(extractor: Extractor) -> None:
    text = ("Fighters of Jaysh al-Izza were taken to Idlib under an agreement with "
            "Hezbollah.")
    assert pairs(extractor, text, "truce") == {frozenset(("jaish-al-izza", "hezbollah"))}


def test_groups_moved_under_a_deal_without_a_party_are_not_parties(
        extractor: Extractor) -> None:
    text = ("Under the deal, fighters of Ahrar al-Sham as well as Jaysh al-Izza will be taken "
            "to Idlib by bus.")
    assert directed(extractor, text, "truce") == set()


def test_an_agreement_reached_with_a_party_names_it(extractor: Extractor) -> None:
    text = ("The last batch of Faylaq al-Rahman fighters left Zamalka under an agreement reached "
            "with the Syrian army.")
    assert pairs(extractor, text, "truce") == {frozenset(("faylaq-al-rahman", "saa"))}


def test_a_pause_agreed_by_a_third_party_binds_the_fighting_sides(extractor: Extractor) -> None:
    text = "Washington agreed to a pause in the Turkish offensive against the SDF."
    assert pairs(extractor, text, "truce") == {frozenset(("turkey", "sdf"))}
    assert directed(extractor, text, "hostility") == {("turkey", "sdf")}  # the offensive was


def test_a_state_owning_the_offensive_after_in_is_no_place(extractor: Extractor) -> None:
    text = "Ankara announced a five-day pause in Turkey's offensive against the SDF."
    assert ("turkey", "sdf") in directed(extractor, text, "hostility")
    assert "Turkey" not in {p.name for p in run(extractor, text).places}


def test_a_deal_under_which_troops_deploy_to_help_is_an_alliance(extractor: Extractor) -> None:
    text = ("The SDF struck a deal with Damascus on 13 October under which government troops "
            "deployed to Manbij to help repel the Turkish offensive.")
    assert pairs(extractor, text, "alliance") == {frozenset(("sdf", "saa"))}
    assert directed(extractor, text, "truce") == set()


@pytest.mark.parametrize("text", [
    "Fighting between the YPG and government forces ended on Monday with a Russian-brokered "
    "truce.",
    "The agreement, which took effect at midnight, halted the fighting between the SDF and the "
    "SNA.",
])
def test_a_truce_ending_the_sentences_one_fight_binds_its_sides(extractor: Extractor,
                                                                text: str) -> None:
    found = pairs(extractor, text, "truce")
    assert len(found) == 1 and next(iter(found)) in {frozenset(("ypg", "saa")),
                                                     frozenset(("sdf", "syrian-national-army"))}


@pytest.mark.parametrize("text", [
    "The SDF attacked ISIS positions despite a ceasefire.",
    "Turkey called for a ceasefire while the SDF fought ISIS.",
    "The YPG shelled SNA positions a day after the ceasefire took effect.",
])
def test_a_truce_beside_an_attack_or_asked_for_binds_nobody(extractor: Extractor,
                                                            text: str) -> None:
    assert directed(extractor, text, "truce") == set()
