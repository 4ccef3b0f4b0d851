"""Session 7: "The founding members are A, B and C" after a report has named a coalition lists
that coalition's members; a subject that names or describes something else lists none."""

from __future__ import annotations

import pytest

from loaders.extract import Extractor
from tests.extraction_cases import directed


@pytest.fixture
def extractor(model_extractor: Extractor) -> Extractor:
    return model_extractor


@pytest.mark.parametrize("second", [
    "The founding members are Ahrar al-Sham, Jaysh al-Islam and Liwa al-Tawhid.",
    "The components of the new alliance are Ahrar al-Sham, Jaysh al-Islam and Liwa al-Tawhid.",
    "Its member groups are Ahrar al-Sham, Jaysh al-Islam and Liwa al-Tawhid.",
])
def test_a_member_copula_lists_the_last_named_coalition(extractor: Extractor,
                                                        second: str) -> None:
    text = "Seven rebel groups announced the formation of the Islamic Front on Friday. " + second
    assert {("ahrar-al-sham", "islamic-front"), ("jaysh-al-islam", "islamic-front"),
            ("liwa-al-tawhid", "islamic-front")} <= directed(extractor, text, "membership")


@pytest.mark.parametrize("second", [
    "The main groups in the city are the SDF and ISIS.",
    "The groups fighting there are the SDF and ISIS.",
    "The members of parliament are the SDF and ISIS.",
    "Groups are the SDF and ISIS.",
])
def test_a_copula_on_another_subject_lists_no_members(extractor: Extractor,
                                                       second: str) -> None:
    text = "The US-led coalition bombed Raqqa on Monday. " + second
    assert directed(extractor, text, "membership") == set()


def test_no_coalition_named_no_members(extractor: Extractor) -> None:
    text = "The founding members are Ahrar al-Sham, Jaysh al-Islam and Liwa al-Tawhid."
    assert directed(extractor, text, "membership") == set()


@pytest.mark.parametrize("text", [
    "The information centre in Baghdad, set up jointly by the military of Russia, Syria, Iran "
    "and Iraq, began work.",
    "The information centre in Baghdad, in which officers of the general staffs of Russia, "
    "Iraq, Iran and Syria work together, shares data.",
])
def test_states_running_an_intelligence_centre_are_allies(extractor: Extractor,
                                                          text: str) -> None:
    allied = {frozenset(p) for p in directed(extractor, text, "alliance")}
    assert frozenset(("russia", "iran")) in allied
    assert frozenset(("iraq", "saa")) in allied


def test_a_centre_without_founders_allies_no_one(extractor: Extractor) -> None:
    text = "Russia said the information centre in Baghdad had tracked ISIS convoys."
    assert directed(extractor, text, "alliance") == set()


def test_the_founding_factions_of_a_named_front_are_its_members(extractor: Extractor) -> None:
    text = ("The founding factions of the Islamic Front are Harakat Ahrar al-Sham al-Islamiya, "
            "Jaish al-Islam, Liwa al-Tawhid, Suqour al-Sham and the Kurdish Islamic Front.")
    members = directed(extractor, text, "membership")
    assert {("ahrar-al-sham", "islamic-front"), ("suqour-al-sham", "islamic-front"),
            ("kurdish-islamic-front", "islamic-front")} <= members


def test_formed_by_the_factions_listed_after_a_colon(extractor: Extractor) -> None:
    text = ("Jaish al-Fatah was formed in March by the main factions in the province: Jabhat "
            "al-Nusra, Ahrar al-Sham, Jund al-Aqsa and Faylaq al-Sham.")
    members = directed(extractor, text, "membership")
    assert {("jabhat-al-nusra", "jaysh-al-fatah"), ("sham-legion", "jaysh-al-fatah")} <= members


def test_a_list_read_as_the_subjects_apposition_is_not_attacking(extractor: Extractor) -> None:
    text = "The army attacked factions in Idlib: Jabhat al-Nusra and Ahrar al-Sham."
    assert directed(extractor, text, "hostility") == {("saa", "jabhat-al-nusra"),
                                                      ("saa", "ahrar-al-sham")}


def test_the_leader_of_a_led_coalition_is_a_member(extractor: Extractor) -> None:
    text = "The YPG-led Syrian Democratic Forces captured Raqqa."
    assert ("ypg", "sdf") in directed(extractor, text, "membership")


def test_a_led_operation_has_no_members(extractor: Extractor) -> None:
    text = "The Russian-led operation against ISIS continued near Palmyra."
    assert directed(extractor, text, "membership") == set()


def test_named_units_of_an_army_belong_to_it(extractor: Extractor) -> None:
    text = "Tiger Forces units of the Syrian Arab Army advanced."
    assert directed(extractor, text, "membership") == {("tiger-forces", "saa")}


def test_a_description_after_a_name_read_as_an_object_still_describes_it(
    extractor: Extractor,
) -> None:
    text = ("Shabab al-Sunna joined the Fifth Corps, the Russian-backed formation of the Syrian "
            "army.")
    assert ("5th-corps", "saa") in directed(extractor, text, "membership")
