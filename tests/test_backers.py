"""Session 8, support: "equipped" is a form of "equip"; every participle in "created and later
equipped by X" describes the noun the first one hangs on; "backed by X and by Y" has two
backers; "allied forces including fighters of Y" name Y; "X-backed factions - mainly A and B"
lists the backed groups; "accused A and B of arming X" makes A and B the (hedged) backers; "was for
years backed by X" is still backed, and "a coalition of FSA brigades" does not make the FSA a
member."""

from __future__ import annotations

import pytest

from loaders.extract import Extractor
from loaders.lexicon import VERB_FORMS
from tests.extraction_cases import directed, run


@pytest.fixture
def extractor(model_extractor: Extractor) -> Extractor:
    return model_extractor


@pytest.mark.parametrize(("form", "verb"), [("equipped", "equip"), ("equipping", "equip"),
                                            ("shipped", "ship"), ("trained", "train")])
def test_inflected_forms_map_to_their_verb(form: str, verb: str) -> None:
    assert VERB_FORMS[form] == verb


def test_later_participles_describe_the_first_ones_noun(extractor: Extractor) -> None:
    text = "The 5th Corps, a unit formed in 2016 and then equipped by Russia, moved south."
    assert directed(extractor, text, "support") == {("russia", "5th-corps")}


def test_a_second_by_phrase_is_a_second_backer(extractor: Extractor) -> None:
    text = "Army units backed by Iranian advisers and by Liwa al-Quds fighters retook the hill."
    assert directed(extractor, text, "support") == {("iran", "saa"), ("liwa-al-quds", "saa")}


def test_allied_forces_including_a_group_name_it(extractor: Extractor) -> None:
    text = ("The Tiger Forces, backed by Russian jets and by allied militias including fighters "
            "of the Fatemiyoun Brigade, pushed into Khan Shaykhun.")
    assert directed(extractor, text, "support") == {("russia", "tiger-forces"),
                                                    ("fatemiyoun", "tiger-forces")}


@pytest.mark.parametrize("text", [
    "Turkish-backed factions - mainly the Hamza Division and Ahrar al-Sharqiya - hold the town.",
    "Turkish-backed factions, mostly the Hamza Division and Ahrar al-Sharqiya, hold the town.",
])
def test_backed_factions_then_a_list_name_the_backed(extractor: Extractor, text: str) -> None:
    assert directed(extractor, text, "support") == {("turkey", "hamza-division"),
                                                    ("turkey", "ahrar-al-sharqiya")}


def test_factions_without_a_list_name_nobody(extractor: Extractor) -> None:
    text = "Turkish-backed factions - many of them newly formed - hold the town."
    assert directed(extractor, text, "support") == set()


@pytest.mark.parametrize("text", [
    "The ministry accused Qatar and Saudi Arabia of financing and arming Jaysh al-Islam.",
    "The statement accused Qatar and Saudi Arabia of arming Jaysh al-Islam.",
])
def test_the_accused_are_the_backers_and_the_claim_is_hedged(extractor: Extractor,
                                                              text: str) -> None:
    result = run(extractor, text)
    support = {(c.source, c.target): c.hedged for c in result.claims
               if c.type.value == "support"}
    assert set(support) == {("qatar", "jaysh-al-islam"), ("saudi-arabia", "jaysh-al-islam")}
    assert all(support.values())


def test_backed_for_years_is_still_backed(extractor: Extractor) -> None:
    text = ("The Southern Front, a coalition of Free Syrian Army brigades, was for years backed "
            "by Jordan.")
    assert directed(extractor, text, "support") == {("jordan", "southern-front")}
    assert directed(extractor, text, "membership") == set()
