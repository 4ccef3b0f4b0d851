"""Constructions added in session 7, on sentences we wrote: a partner named beside a fighting
verb's subject ("A, together with B, attacked C") fights C as well, and "fought X alongside Y"
makes X the enemy of both. Each rule has a case that must not fire. (Session 8: "and allied X"
read as a verb is an adjective; coordinating operations or a defence with X is a joint
operation; partners "against" a foe, or "in the war against" it, both fight it.)"""

from __future__ import annotations

import pytest

from loaders.extract import Extractor
from tests.extraction_cases import directed


@pytest.fixture
def extractor(model_extractor: Extractor) -> Extractor:
    return model_extractor


@pytest.mark.parametrize(("text", "edge"), [
    ("The YPG, together with Burkan al-Firat, attacked the Islamic State.",
     ("burkan-al-firat", "islamic-state")),
    ("The YPG, along with the Sanadid Forces, captured the town from ISIS.",
     ("sanadid-forces", "islamic-state")),
    ("The army, alongside Hezbollah, recaptured Qusayr from the Free Syrian Army.",
     ("hezbollah", "fsa")),
    ("Hezbollah attacked Jabhat al-Nusra together with the Syrian army.",
     ("saa", "jabhat-al-nusra")),
])
def test_a_partner_beside_the_subject_fights_the_same_enemy(extractor: Extractor, text: str,
                                                          edge: tuple[str, str]) -> None:
    assert edge in directed(extractor, text, "hostility")


def test_a_partner_of_talks_is_no_fighter(extractor: Extractor) -> None:
    text = "Russia, together with Turkey, negotiated a ceasefire for Idlib."
    assert directed(extractor, text, "hostility") == set()


def test_a_partner_of_the_attacked_side_does_not_attack(extractor: Extractor) -> None:
    text = "The Syrian army was attacked by ISIS alongside Hezbollah near Palmyra."
    hostile = directed(extractor, text, "hostility")
    assert ("islamic-state", "saa") in hostile
    assert ("hezbollah", "islamic-state") not in hostile


def test_the_object_of_fought_alongside_is_both_sides_enemy(extractor: Extractor) -> None:
    text = "The Fatemiyoun Brigade fought Daesh alongside the Syrian army for years."
    hostile = directed(extractor, text, "hostility")
    assert {("fatemiyoun", "islamic-state"), ("saa", "islamic-state")} <= hostile


def test_a_partner_read_as_the_object_is_no_enemy(extractor: Extractor) -> None:
    # the parser can leave "alongside" without its object and make the partner the object
    text = ("Liwa al-Tawhid has fought alongside smaller units such as the Ahrar al-Shamal "
            "brigade, whose fighters hold parts of the Sakhour district.")
    hostile = directed(extractor, text, "hostility")
    assert ("liwa-al-tawhid", "ahrar-al-shamal") not in hostile


def test_fought_with_after_an_object_names_no_enemy(extractor: Extractor) -> None:
    text = ("The SDF fought the campaign with the backing of US air strikes, and with American "
            "special forces advising its units.")
    assert directed(extractor, text, "hostility") == set()
    text = "The SDF fought ISIS with American special forces."
    assert directed(extractor, text, "hostility") == {("sdf", "islamic-state")}


def test_exchanged_fire_with_still_names_the_enemy(extractor: Extractor) -> None:
    text = "The SDF said its forces had exchanged fire with government forces."
    assert ("sdf", "saa") in directed(extractor, text, "hostility")


@pytest.mark.parametrize(("text", "edge"), [
    ("The SDF entered Raqqa on Monday. The US-backed force said it had cleared the stadium.",
     ("united-states", "sdf")),
    ("The Hamza Division shelled Tal Rifaat. The Turkish-backed group said it had lost two men.",
     ("turkey", "hamza-division")),
    ("Hezbollah lost dozens of fighters in Qusayr. The Iranian-backed movement had for months "
     "denied its role.", ("iran", "hezbollah")),
])
def test_a_backed_description_supports_the_group_it_stands_for(
    extractor: Extractor, text: str, edge: tuple[str, str]
) -> None:
    assert edge in directed(extractor, text, "support")


def test_a_kurdish_led_force_is_the_group_named_before(extractor: Extractor) -> None:
    text = "The SDF entered Raqqa on Monday. ISIS attacked the Kurdish-led force near the stadium."
    assert ("islamic-state", "sdf") in directed(extractor, text, "hostility")


@pytest.mark.parametrize("second", [
    "The air force struck ISIS positions near the town.",
    "The force of the blast destroyed ISIS positions.",
])
def test_a_kind_of_force_is_no_anaphor(extractor: Extractor, second: str) -> None:
    text = "The SDF entered Raqqa on Monday. " + second
    assert ("sdf", "islamic-state") not in directed(extractor, text, "hostility")


def test_a_backed_description_of_a_named_group_is_not_an_anaphor(extractor: Extractor) -> None:
    text = ("Shabab al-Sunna fighters left Bosra. The group is to join the Fifth Corps, the "
            "Russian-backed formation of the Syrian army.")
    assert ("russia", "shabab-al-sunna") not in directed(extractor, text, "support")


@pytest.mark.parametrize(("text", "edge"), [
    ("Harakat Hazm dissolved itself after losing its bases in western Aleppo to Nusra.",
     ("jabhat-al-nusra", "harakat-hazzm")),
    ("The SDF lost Afrin to Turkey and its allies.", ("turkey", "sdf")),
])
def test_ground_lost_to_a_group_was_taken_by_it(extractor: Extractor, text: str,
                                                 edge: tuple[str, str]) -> None:
    assert edge in directed(extractor, text, "hostility")


def test_a_vote_lost_to_a_state_is_no_fight(extractor: Extractor) -> None:
    assert directed(extractor, "Russia lost the vote to the United States.", "hostility") == set()


def test_to_fight_alongside_takes_the_travelling_subject(extractor: Extractor) -> None:
    text = "Liwa al-Tawhid travelled south to fight alongside Ahrar al-Sham."
    assert frozenset(("liwa-al-tawhid", "ahrar-al-sham")) in {
        frozenset(p) for p in directed(extractor, text, "joint_operation")}


def test_checkpoints_belonging_to_a_group_stand_for_it(extractor: Extractor) -> None:
    text = "JFS attacked checkpoints belonging to Suqour al-Sham."
    assert ("jabhat-fatah-al-sham", "suqour-al-sham") in directed(extractor, text, "hostility")


def test_fighters_of_two_groups_holding_out_together_operate_jointly(
    extractor: Extractor,
) -> None:
    text = "Fighters of Jabhat al-Nusra and Ahrar al-Sham are holding out together."
    assert {frozenset(p) for p in directed(extractor, text, "joint_operation")} == {
        frozenset(("jabhat-al-nusra", "ahrar-al-sham"))}


def test_a_relative_object_on_a_description_is_the_named_group(extractor: Extractor) -> None:
    text = "Kurds fear the SNA, the rebel coalition that Ankara has armed since 2017."
    assert ("turkey", "syrian-national-army") in directed(extractor, text, "support")


def test_a_stranded_alongside_in_a_relative_clause_takes_the_antecedent(
    extractor: Extractor,
) -> None:
    text = "Jabhat al-Nusra, which Faylaq al-Rahman had fought alongside in Jobar for years, left."
    assert {frozenset(p) for p in directed(extractor, text, "joint_operation")} == {
        frozenset(("faylaq-al-rahman", "jabhat-al-nusra"))}


def test_alongside_in_a_member_list_is_no_operation(extractor: Extractor) -> None:
    text = ("Jaish Al Fatah brings together seven groups, led by Ahrar Al Sham and Jabhat Al "
            "Nusra, alongside Jund Al Aqsa and Faylaq al-Sham.")
    assert directed(extractor, text, "joint_operation") == set()


def test_alongside_in_a_relative_clause_under_a_member_list_still_counts(
    extractor: Extractor,
) -> None:
    text = "The coalition includes the YPG, which fought alongside the FSA."
    assert {frozenset(p) for p in directed(extractor, text, "joint_operation")} == {
        frozenset(("ypg", "fsa"))}


def test_allied_read_as_a_verb_after_and_is_an_adjective(extractor: Extractor) -> None:
    text = ("Jaysh al-Fatah fighters drove out government troops and allied National Defence "
            "Forces militiamen from the town.")
    assert {frozenset(p) for p in directed(extractor, text, "alliance")} == {
        frozenset(("ndf", "saa"))}


def test_coordinating_operations_with_a_partner_is_joint(extractor: Extractor) -> None:
    text = ("Liwa al-Tawhid was coordinating its defence of the district with the Aleppo Military "
            "Council.")
    assert {frozenset(p) for p in directed(extractor, text, "joint_operation")} == {
        frozenset(("liwa-al-tawhid", "aleppo-military-council"))}


def test_coordinating_with_a_partner_alone_stays_an_alliance(extractor: Extractor) -> None:
    text = "The YPG coordinated with the FSA throughout the year."
    assert directed(extractor, text, "joint_operation") == set()
    assert {frozenset(p) for p in directed(extractor, text, "alliance")} == {
        frozenset(("ypg", "fsa"))}


@pytest.mark.parametrize("text", [
    "The SDF, which was Washington's main partner in the war against the Islamic State, "
    "withdrew.",
    "The SDF is the main US partner in the fight against ISIS in eastern Syria.",
])
def test_partners_against_a_foe_both_fight_it(extractor: Extractor, text: str) -> None:
    assert directed(extractor, text, "hostility") == {("sdf", "islamic-state"),
                                                      ("united-states", "islamic-state")}
    assert {frozenset(p) for p in directed(extractor, text, "alliance")} == {
        frozenset(("sdf", "united-states"))}


def test_a_partner_with_no_foe_fights_nobody(extractor: Extractor) -> None:
    text = "The SDF is Washington's main partner in eastern Syria."
    assert directed(extractor, text, "hostility") == set()
