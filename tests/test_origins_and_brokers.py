"""Session 7, precision: "US-made missiles" names where a weapon comes from (no actor, though
receiving it still counts as support); a deal "under Russian sponsorship" has a broker, not a
backer; a participle on one conjunct ("Russian strikes and militias backed by Iran") describes
that conjunct alone."""

from __future__ import annotations

import pytest

from loaders.extract import Extractor
from tests.extraction_cases import directed


@pytest.fixture
def extractor(model_extractor: Extractor) -> Extractor:
    return model_extractor


def test_a_weapon_made_by_a_state_names_no_enemy(extractor: Extractor) -> None:
    text = "Footage shows the 13th Division firing US-made TOW missiles at the army."
    assert directed(extractor, text, "hostility") == {("division-13", "saa")}


def test_receiving_weapons_made_by_a_state_is_still_support(extractor: Extractor) -> None:
    text = "Tajamu al-Ezza has received US-made TOW anti-tank missiles."
    assert ("united-states", "jaish-al-izza") in directed(extractor, text, "support")


def test_a_deal_under_sponsorship_has_a_broker(extractor: Extractor) -> None:
    text = "The SDF reached an agreement with Damascus under Russian sponsorship on October 13."
    assert directed(extractor, text, "support") == set()


def test_a_body_formed_under_sponsorship_is_supported(extractor: Extractor) -> None:
    text = "The NFL, a body formed in May under Turkish sponsorship, attacked the army."
    assert ("turkey", "national-front-for-liberation") in directed(extractor, text, "support")


def test_a_participle_on_one_conjunct_describes_it_alone(extractor: Extractor) -> None:
    text = ("Syrian government forces, supported by Russian air strikes and militias backed by "
            "Iran, continued their advance.")
    support = directed(extractor, text, "support")
    assert ("russia", "saa") in support
    assert ("iran", "russia") not in support


@pytest.mark.parametrize("text", [
    "Turkey urged a ceasefire between the SDF and the SNA.",
    "Russia called for a truce between the army and Jaish al-Islam.",
])
def test_a_truce_asked_for_is_not_made(extractor: Extractor, text: str) -> None:
    assert directed(extractor, text, "truce") == set()


def test_a_truce_agreed_is_made(extractor: Extractor) -> None:
    text = "The SDF and the SNA agreed a ceasefire."
    assert {frozenset(p) for p in directed(extractor, text, "truce")} == {
        frozenset(("sdf", "syrian-national-army"))}


def test_the_strongest_force_is_no_anaphor(extractor: Extractor) -> None:
    text = ("Turkey shelled Afrin. Nusra has been the strongest force in the province since it "
            "routed the Syrian Revolutionaries Front.")
    assert ("turkey", "syrian-revolutionaries-front") not in directed(extractor, text,
                                                                      "hostility")


def test_a_deal_with_an_unnamed_party_pairs_no_one(extractor: Extractor) -> None:
    text = ("Regime forces and Hezbollah fighters took over the village under a local agreement "
            "with the rebels.")
    assert directed(extractor, text, "truce") == set()


def test_a_mediator_named_after_with_is_no_party(extractor: Extractor) -> None:
    text = "The SDF and the army reached an agreement with Russian mediation."
    assert {frozenset(p) for p in directed(extractor, text, "truce")} == {
        frozenset(("sdf", "saa"))}


def test_a_country_before_affiliate_is_a_place(extractor: Extractor) -> None:
    text = ("The operations room brings together Jabhat al-Nusra, Al Qaeda's Syria affiliate, "
            "with Ahrar al-Sham.")
    members = directed(extractor, text, "membership")
    assert ("jabhat-al-nusra", "al-qaeda") in members
    assert not any("saa" in pair for pair in members)


def test_taking_part_is_no_capture(extractor: Extractor) -> None:
    text = ("Around 1,500 FSA fighters took part in the operation, from groups including the "
            "Sultan Murad Division, the Hamza Division and Faylaq al-Sham.")
    assert directed(extractor, text, "hostility") == set()
