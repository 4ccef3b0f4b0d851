"""Session 8: coordinated subjects that take ground "from" an enemy, or retake positions, act
together even when no named place is taken; groups listed after a colon ("they were joining X:
A, B and C") are the ones joining; a list of places taken "from" an enemy, a place "declared
liberated from" one, and "carried out a strike on X's position" are hostilities."""

from __future__ import annotations

import pytest

from loaders.extract import Extractor
from tests.extraction_cases import directed


@pytest.fixture
def extractor(model_extractor: Extractor) -> Extractor:
    return model_extractor


def joint(extractor: Extractor, text: str) -> set[frozenset[str]]:
    return {frozenset(p) for p in directed(extractor, text, "joint_operation")}


def test_taking_ground_from_an_enemy_together_is_joint(extractor: Extractor) -> None:
    text = ("The Hamza Division and the Sultan Murad Division cleared the centre of the district "
            "from the YPG.")
    assert joint(extractor, text) == {frozenset(("hamza-division", "sultan-murad-division"))}


def test_retaking_positions_together_is_joint(extractor: Extractor) -> None:
    text = "Fighters of the YPG and the YPJ retook several positions south of the hill."
    assert joint(extractor, text) == {frozenset(("ypg", "ypj"))}


def test_one_subject_makes_no_joint_operation(extractor: Extractor) -> None:
    text = "The YPG retook several positions south of the hill from ISIS."
    assert joint(extractor, text) == set()


def test_groups_listed_after_a_colon_join(extractor: Extractor) -> None:
    text = ("Four factions said on Sunday they were joining Jaysh al-Islam: Liwa al-Islam, "
            "Jaysh al-Ummah and Liwa Shuhada Douma.")
    joined = directed(extractor, text, "membership")
    assert ("liwa-al-islam", "jaysh-al-islam") in joined
    assert all(target == "jaysh-al-islam" for _, target in joined)


def test_a_named_subject_keeps_its_own_claim(extractor: Extractor) -> None:
    text = "Liwa al-Islam said it was joining Jaysh al-Islam: a step long expected."
    assert directed(extractor, text, "membership") == {("liwa-al-islam", "jaysh-al-islam")}


def test_a_list_of_places_taken_from_an_enemy(extractor: Extractor) -> None:
    text = ("Since August the SNA has liberated Jarablus, al-Rai and more than 200 villages "
            "from Daesh.")
    assert directed(extractor, text, "hostility") == {("syrian-national-army", "islamic-state")}


def test_declaring_a_place_liberated_from_an_enemy(extractor: Extractor) -> None:
    text = "The Syrian army on Sunday declared the town of Palmyra liberated from ISIS."
    assert directed(extractor, text, "hostility") == {("saa", "islamic-state")}


def test_an_announced_capture_keeps_its_own_subject(extractor: Extractor) -> None:
    text = ("Fighters of the YPG and the YPJ on Monday liberated the town of Tal Abyad from ISIS, "
            "the SDF command announced.")
    assert directed(extractor, text, "hostility") == {("ypg", "islamic-state"),
                                                      ("ypj", "islamic-state")}


def test_a_strike_carried_out_on_a_position(extractor: Extractor) -> None:
    text = "The IDF carried out a strike last week on a Hezbollah position near Quneitra."
    assert directed(extractor, text, "hostility") == {("israel", "hezbollah")}
