"""Session 8, coreference: a bare definite name head ("the council", "the room", "the
division") points back to the last actor named with that word in its name; a singular
relative right after the last of two conjuncts describes that one; members listed in a relative
clause do not take part in what the clause's anchor does."""

from __future__ import annotations

import pytest

from loaders.extract import Extractor
from tests.extraction_cases import directed


@pytest.fixture
def extractor(model_extractor: Extractor) -> Extractor:
    return model_extractor


def test_the_council_is_the_council_named_before(extractor: Extractor) -> None:
    text = ("The Manbij Military Council led the assault on the town. Its allies in the YPG "
            "fought alongside the council's fighters.")
    assert frozenset(("manbij-military-council", "ypg")) in {
        frozenset(p) for p in directed(extractor, text, "joint_operation")}


def test_the_room_is_the_room_named_before(extractor: Extractor) -> None:
    text = ("Rebels set up the Fatah Halab operations room in April. The room includes the "
            "Levant Front and Nour al-Din al-Zenki.")
    members = directed(extractor, text, "membership")
    assert ("jabhat-al-shamiya", "fatah-halab") in members
    assert ("nour-al-din-al-zenki", "fatah-halab") in members


def test_a_name_head_with_its_own_modifier_is_not_an_anaphor(extractor: Extractor) -> None:
    text = ("The Manbij Military Council held the town. A military council of defectors "
            "attacked ISIS in Raqqa.")
    assert ("manbij-military-council", "islamic-state") not in directed(extractor, text,
                                                                        "hostility")


def test_a_name_head_with_no_earlier_name_stays_unresolved(extractor: Extractor) -> None:
    text = "The YPG held the town. The council attacked ISIS in Raqqa."
    assert directed(extractor, text, "hostility") == set()


def test_a_singular_relative_after_the_last_conjunct_is_that_ones(extractor: Extractor) -> None:
    text = ("Rivalry grew between HTS and Ahrar al-Sham, which in January absorbed several "
            "factions, including Suqour al-Sham and Jaysh al-Islam.")
    members = directed(extractor, text, "membership")
    assert members == {("suqour-al-sham", "ahrar-al-sham"), ("jaysh-al-islam", "ahrar-al-sham")}


def test_a_reciprocal_relative_keeps_both_conjuncts(extractor: Extractor) -> None:
    text = ("Jaysh al-Islam and Faylaq al-Rahman, which fought each other in 2016, now share a "
            "front.")
    assert {frozenset(p) for p in directed(extractor, text, "hostility")} == {
        frozenset(("jaysh-al-islam", "faylaq-al-rahman"))}


def test_members_listed_in_a_relative_do_not_join_what_their_coalition_joins(
        extractor: Extractor) -> None:
    text = ("The NFL, which includes Faylaq al-Sham, Ahrar al-Sham and Jaysh al-Nasr, was merged "
            "into the Syrian National Army in October.")
    into_sna = {a for a, b in directed(extractor, text, "membership")
                if b == "syrian-national-army"}
    assert into_sna == {"national-front-for-liberation"}
