"""Readings that must not become claims (or must become denied ones), on our own sentences:
exclusions from a truce, hypothetical attacks, the announcer of a ceasefire, relative "both of
which", "the group" pointing at a state, denied reports, "turned to", counted unnamed units."""

from __future__ import annotations

import pytest

from loaders.extract import Extractor
from tests.extraction_cases import directed, run
from tests.extraction_cases import typed_pairs as claims


@pytest.fixture
def extractor(model_extractor: Extractor) -> Extractor:
    return model_extractor


def test_excluded_from_a_truce_is_no_party(extractor: Extractor) -> None:
    text = "Hayat Tahrir al-Sham and Hurras al-Din are excluded from the ceasefire."
    assert ("truce", frozenset({"hayat-tahrir-al-sham", "hurras-al-din"})) not in claims(
        extractor, text)


def test_any_attack_is_hypothetical(extractor: Extractor) -> None:
    text = "Jaysh al-Islam warned that any attack on Faylaq al-Rahman would be answered."
    assert ("hostility", frozenset({"jaysh-al-islam", "faylaq-al-rahman"})) not in claims(
        extractor, text)


def test_who_announces_a_ceasefire_between_two_sides_is_no_party(extractor: Extractor) -> None:
    got = claims(extractor, "Russian officers announced a ceasefire between the Syrian army "
                            "and Jaysh al-Islam on Tuesday.")
    assert ("truce", frozenset({"saa", "jaysh-al-islam"})) in got
    assert ("truce", frozenset({"russia", "saa"})) not in got
    assert ("truce", frozenset({"russia", "jaysh-al-islam"})) not in got


def test_both_of_which_is_the_relative_antecedent(extractor: Extractor) -> None:
    text = ("Hamza Division fighters entered Jarablus. They later clashed with the YPJ and the "
            "Manbij Military Council, both of which are components of the SDF.")
    got = claims(extractor, text)
    assert ("membership", frozenset({"hamza-division", "sdf"})) not in got
    assert ("membership", frozenset({"manbij-military-council", "sdf"})) in got


def test_the_group_is_not_a_state(extractor: Extractor) -> None:
    text = ("Turkey closed the Bab al-Salama crossing. A drone strike on Thursday hit the "
            "group's headquarters, killing a commander of Ahrar al-Sham.")
    got = claims(extractor, text)
    assert not any(t == "hostility" and "turkey" in pair and len(pair) == 1 for t, pair in got)


def test_rejected_reports_deny_the_attack(extractor: Extractor) -> None:
    text = "The ministry rejected reports that Russian jets had bombed Jaysh al-Izza positions."
    assert ("hostility", frozenset({"russia", "jaish-al-izza"})) not in claims(extractor, text)


def test_turned_to_is_no_attack(extractor: Extractor) -> None:
    text = "Left without protection, the SDF turned to Damascus for help."
    assert ("hostility", frozenset({"sdf", "saa"})) not in claims(extractor, text)


def test_counted_units_are_not_named_groups(extractor: Extractor) -> None:
    text = "Jaysh al-Mujahideen brings together eight Aleppo brigades and a few others."
    actors = {a.id for a in run(extractor, text).actors}
    assert not any("aleppo" in a for a in actors)


# -- described anaphors added in session 3 -------------------------------------------------


def test_the_party_is_the_actor_described_as_a_party(extractor: Extractor) -> None:
    text = ("Hezbollah buried three commanders on Sunday. The party's fighters were deployed "
            "alongside the Syrian army near Saraqib.")
    assert ("joint_operation", frozenset({"hezbollah", "saa"})) in claims(extractor, text)


def test_the_party_does_not_fall_on_an_undescribed_actor(extractor: Extractor) -> None:
    text = ("Jaysh al-Islam shelled Damascus. The party's fighters were deployed alongside the "
            "Syrian army near Saraqib.")
    assert ("joint_operation", frozenset({"jaysh-al-islam", "saa"})) not in claims(extractor, text)


def test_described_forces_resolve_to_the_actor_they_fit(extractor: Extractor) -> None:
    text = ("The SDF held the dam for a week. Government troops entered Tabqa, and the "
            "Kurdish-led forces pledged to coordinate with the Syrian army.")
    assert ("alliance", frozenset({"sdf", "saa"})) in claims(extractor, text)


def test_an_actor_the_tagger_calls_a_place_is_still_an_actor(extractor: Extractor) -> None:
    text = "Free Syrian Army fighters drove Daesh out of the town and took it from Daesh."
    assert ("hostility", frozenset({"fsa", "islamic-state"})) in claims(extractor, text)


def test_attacked_groups_listed_after_including_are_attacked(extractor: Extractor) -> None:
    text = ("Hurras al-Din attacked positions of several rebel groups, including Jaysh al-Izza "
            "and the Levant Front.")
    got = claims(extractor, text)
    assert ("hostility", frozenset({"hurras-al-din", "jaish-al-izza"})) in got
    assert ("hostility", frozenset({"hurras-al-din", "jabhat-al-shamiya"})) in got


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Jaysh al-Islam and smaller outfits that receive weapons and money from Qatar held "
         "the town.", ("qatar", "jaysh-al-islam")),
        ("Government troops relied heavily on NDF units in the siege.", ("ndf", "saa")),
        ("Harakat Hazm has received US-supplied anti-tank missiles.",
         ("united-states", "harakat-hazzm")),
    ],
)
def test_received_arms_and_relied_on_units_are_support(
    extractor: Extractor, text: str, pair: tuple[str, str]
) -> None:
    assert pair in directed(extractor, text, "support")


def test_relying_on_a_place_is_not_support(extractor: Extractor) -> None:
    got = claims(extractor, "The Islamic Front relied on the Turkish border for supplies.")
    assert ("support", frozenset({"turkey", "islamic-front"})) not in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hurras al-Din, an al-Qaeda-aligned group, shelled the road.",
         ("alliance", frozenset({"al-qaeda", "hurras-al-din"}))),
        ("The Manbij Military Council, a local force allied to the SDF, withdrew.",
         ("alliance", frozenset({"manbij-military-council", "sdf"}))),
    ],
)
def test_aligned_and_allied_descriptions(
    extractor: Extractor, text: str, expected: tuple[str, frozenset[str]]
) -> None:
    assert expected in claims(extractor, text)


def test_the_dominant_group_is_a_member(extractor: Extractor) -> None:
    got = {(c.source, c.target) for c in run(extractor, "The SDF, a YPG-dominated alliance, "
                                                        "advanced on Raqqa.").claims
           if c.type.value == "membership"}
    assert ("ypg", "sdf") in got and ("sdf", "ypg") not in got


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Tiger Forces units have broken the ISIS siege on the airbase.",
         frozenset({"tiger-forces", "islamic-state"})),
        ("Hurras al-Din fighters overran positions of the Levant Front near Afrin.",
         frozenset({"hurras-al-din", "jabhat-al-shamiya"})),
        ("It was Ahrar al-Sham's assault on the airport, which the army had held since 2013.",
         frozenset({"ahrar-al-sham", "saa"})),
        ("The village has been cleared of Daesh terrorists by the Hamza Division, a commander "
         "said.", frozenset({"hamza-division", "islamic-state"})),
        ("Fighting between the army and the Levant Front, which began on Friday, had spread to "
         "three districts.", frozenset({"saa", "jabhat-al-shamiya"})),
        ("Heavy clashes continued for a third day in the districts of Salaheddine and Bustan "
         "al-Qasr between regime forces and fighters of Liwa al-Tawhid.",
         frozenset({"saa", "liwa-al-tawhid"})),
    ],
)
def test_hostility_constructions_of_session_3(
    extractor: Extractor, text: str, pair: frozenset[str]
) -> None:
    assert ("hostility", pair) in claims(extractor, text)


def test_a_matter_between_two_states_after_an_operation_is_no_clash(extractor: Extractor) -> None:
    text = ("Russia, which withdrew its observers before the operation began, said the matter "
            "was between Ankara and Damascus.")
    assert ("hostility", frozenset({"turkey", "saa"})) not in claims(extractor, text)


def test_gos_forces_are_the_syrian_army(extractor: Extractor) -> None:
    got = claims(extractor, "GoS forces shelled Jaysh al-Izza positions near the town.")
    assert ("hostility", frozenset({"saa", "jaish-al-izza"})) in got


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The Tigers' advance was backed by intensive Russian airstrikes.",
         ("russia", "tiger-forces")),
        ("The SDF took Tabqa from Islamic State after a six-week battle supported by U.S.-led "
         "coalition air strikes.", ("us-led-coalition", "sdf")),
        ("Jaysh al-Izza, a rebel group that has received U.S.-made anti-tank missiles through a "
         "covert programme, held the line.", ("united-states", "jaish-al-izza")),
        ("Russia has provided air support for the Syrian army since 2015.", ("russia", "saa")),
    ],
)
def test_support_constructions_of_session_3(
    extractor: Extractor, text: str, pair: tuple[str, str]
) -> None:
    assert pair in directed(extractor, text, "support")


def test_taking_part_in_an_attack_is_joint_with_its_actor(extractor: Extractor) -> None:
    text = ("The Syrian army launched an offensive on Palmyra on Monday. Fighters from "
            "Hezbollah also took part in the operation, the channel reported.")
    assert ("joint_operation", frozenset({"hezbollah", "saa"})) in claims(extractor, text)
    got = claims(extractor, "Hezbollah took part in the negotiations in Astana.")
    assert not any(t == "joint_operation" for t, _ in got)


def test_a_trailing_backed_by_does_not_back_the_senders(extractor: Extractor) -> None:
    text = ("The Levant Corps and the Levant Front both sent fighters to the operation, backed "
            "by Turkish artillery.")
    got = claims(extractor, text)
    assert ("support", frozenset({"turkey", "sham-legion"})) not in got
