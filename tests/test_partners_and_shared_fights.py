"""Constructions added in session 6, on sentences we wrote: partners who fight "alongside" or
"together" share the operation and the enemy, a backed side fights whom it is backed against,
a name can name its whole, and "offered no support" is a denial. Each rule has a case that must
not fire."""

from __future__ import annotations

import pytest

from loaders.extract import Extractor
from tests.extraction_cases import directed, pair
from tests.extraction_cases import typed_pairs as claims


@pytest.fixture
def extractor(model_extractor: Extractor) -> Extractor:
    return model_extractor


# (id, text, family, (source, target)) that must be found.
CASES: list[tuple[str, str, str, tuple[str, str]]] = [
    ("co_subjects_alongside_share_the_operation",
     "Hezbollah and the Fatemiyoun Brigade joined the assault on the hill alongside the "
     "Syrian army.",
     "joint_operation", ("hezbollah", "fatemiyoun")),
    ("along_with_before_a_fighting_verb",
     "The Fourth Division, along with the Tiger Forces, stormed the northern districts.",
     "joint_operation", ("4th-division", "tiger-forces")),
    ("attack_noun_by_two_agents",
     "A counter-offensive by the Sham Legion and Ahrar al-Sham pushed the army out of the town.",
     "joint_operation", ("sham-legion", "ahrar-al-sham")),
    ("relative_clause_on_a_copula_names_the_subject",
     "The NDF is a militia network that fights alongside the Syrian army.",
     "joint_operation", ("ndf", "saa")),
    ("passive_operation_together_with",
     "The ground offensive is being carried out by Turkish troops together with the SNA.",
     "joint_operation", ("turkey", "syrian-national-army")),
    ("named_operation_launched_together_with",
     "Turkey launched Operation Olive Branch on January 20 together with the Free Syrian Army.",
     "joint_operation", ("turkey", "fsa")),
    ("whose_backbone_is",
     "The Syrian Democratic Forces, whose backbone is the YPG, entered Tabqa.",
     "membership", ("ypg", "sdf")),
    ("of_which_a_member",
     "The Islamic Front, of which Liwa al-Tawhid is a founding member, denied the report.",
     "membership", ("liwa-al-tawhid", "islamic-front")),
    ("listed_after_a_copula",
     "The SNA factions taking part were the Hamza Division and Faylaq al-Sham.",
     "membership", ("hamza-division", "syrian-national-army")),
    ("an_exchange_of_fire_between",
     "Witnesses reported an exchange of fire between Ahrar al-Sham and HTS near Saraqib.",
     "hostility", ("ahrar-al-sham", "hayat-tahrir-al-sham")),
    ("advisers_embedded_with_units_support_them",
     "American advisers were embedded with SDF units during the battle for Raqqa.",
     "support", ("united-states", "sdf")),
    ("fighters_embedded_with_units_fight_with_them",
     "Hezbollah fighters are embedded with Syrian army units near Quneitra.",
     "joint_operation", ("hezbollah", "saa")),
    ("together_after_a_field_verb",
     "Jabhat al-Nusra and Ahrar al-Sham have held the crossing together since March.",
     "joint_operation", ("jabhat-al-nusra", "ahrar-al-sham")),
    ("together_after_a_fighting_verb",
     "The YPG and the Sanadid Forces fought together in the villages south of Qamishli.",
     "joint_operation", ("ypg", "sanadid-forces")),
    ("against_hung_on_the_partner_still_names_the_subject",
     "Nusra fighters fought alongside Ahrar al-Sham against ISIS near Atarib.",
     "hostility", ("jabhat-al-nusra", "islamic-state")),
    ("backed_against_makes_the_backed_side_hostile",
     "Washington, which backs the SDF against the Islamic State, sent more advisers.",
     "hostility", ("sdf", "islamic-state")),
    ("helped_against",
     "Russia helped the Syrian army against Jaysh al-Islam in Douma.",
     "hostility", ("saa", "jaysh-al-islam")),
]


@pytest.mark.parametrize(("text", "family", "edge"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_construction(extractor: Extractor, text: str, family: str,
                      edge: tuple[str, str]) -> None:
    if family in {"joint_operation", "alliance", "truce"}:
        assert (family, pair(*edge)) in claims(extractor, text)
    else:
        assert edge in directed(extractor, text, family)



def test_working_together_is_not_an_operation(extractor: Extractor) -> None:
    text = "Officers of Russia and Iran work together at the information centre in Baghdad."
    assert ("joint_operation", pair("russia", "iran")) not in claims(extractor, text)


def test_together_after_a_talk_verb_is_no_operation(extractor: Extractor) -> None:
    text = "Turkey and Russia agreed together on a text for the Astana meeting."
    assert ("joint_operation", pair("turkey", "russia")) not in claims(extractor, text)


def test_along_with_before_a_support_verb_is_no_operation(extractor: Extractor) -> None:
    text = "Russia, along with Iran, supplies the Syrian army with weapons."
    assert ("joint_operation", pair("russia", "iran")) not in claims(extractor, text)


def test_clashes_by_two_groups_are_no_joint_operation(extractor: Extractor) -> None:
    text = "Renewed clashes by Jaysh al-Islam and Faylaq al-Rahman shook Eastern Ghouta."
    assert ("joint_operation", pair("jaysh-al-islam", "faylaq-al-rahman")) not in claims(
        extractor, text)


@pytest.mark.parametrize("text", [
    "Fighters of the Southern Front of the Free Syrian Army shelled the town.",
    "Some fifty factions of the FSA's Southern Front signed the statement.",
])
def test_a_name_that_names_its_whole_is_a_member_of_it(extractor: Extractor, text: str) -> None:
    assert ("southern-front", "fsa") in directed(extractor, text, "membership")


def test_a_name_ending_in_another_name_is_not_its_member(extractor: Extractor) -> None:
    text = "The Conquest of the Levant Front announced its break with al-Qaeda."
    assert not any(t == "jabhat-al-shamiya"
                   for _, t in directed(extractor, text, "membership"))


def test_a_list_the_parser_hangs_on_the_coalition_word_belongs_to_the_coalition(
    extractor: Extractor,
) -> None:
    text = ("Idlib fell to the Jaysh al-Fatah operations room on Saturday.\n\n"
            "The coalition brings together four factions: Ahrar al-Sham, Jabhat al-Nusra, "
            "Jund al-Aqsa and Ajnad al-Sham.")
    members = directed(extractor, text, "membership")
    assert ("jabhat-al-nusra", "jaysh-al-fatah") in members
    assert not any(t == "ahrar-al-sham" for _, t in members)


def test_a_title_case_dateline_is_no_actor(extractor: Extractor) -> None:
    text = "Beirut: Rebel groups captured Idlib after a four-day assault on government forces."
    assert not any("lebanon" in (s, t) for s, t in directed(extractor, text, "hostility"))


@pytest.mark.parametrize("text", [
    "We expect Moscow to push Ankara and Damascus towards a security arrangement.",
    "Facing a US withdrawal, the SDF turned to Damascus for protection.",
])
def test_pressure_and_predicaments_are_no_hostility(extractor: Extractor, text: str) -> None:
    assert directed(extractor, text, "hostility") == set()


@pytest.mark.parametrize(("text", "edge"), [
    ("The SDF pushed ISIS back towards Raqqa.", ("sdf", "islamic-state")),
    ("The YPG faced the Turkish army in Afrin.", ("ypg", "turkey")),
])
def test_pushing_back_and_facing_an_army_still_are(extractor: Extractor, text: str,
                                                   edge: tuple[str, str]) -> None:
    assert edge in directed(extractor, text, "hostility")


def test_signing_together_with_is_no_operation(extractor: Extractor) -> None:
    text = "Turkey signed the memorandum together with Russia in Sochi."
    assert ("joint_operation", pair("turkey", "russia")) not in claims(extractor, text)


@pytest.mark.parametrize(("text", "edge"), [
    ("Washington offered no support to the YPG in the district.", ("united-states", "ypg")),
    ("Russia sent no troops to help the Syrian army in Daraa.", ("russia", "saa")),
])
def test_no_before_the_object_denies_the_support(extractor: Extractor, text: str,
                                                 edge: tuple[str, str]) -> None:
    assert edge not in directed(extractor, text, "support")
    assert ("support", frozenset(edge)) in claims(extractor, text, negated=True)


def test_support_with_an_object_stays_asserted(extractor: Extractor) -> None:
    text = "Russia sent troops to help the Syrian army in Daraa."
    assert ("russia", "saa") in directed(extractor, text, "support")


def test_a_relative_pronoun_after_with_is_the_enemy_not_the_partner(
    extractor: Extractor,
) -> None:
    text = ("The front does not include ISIS, with which Ahrar al-Sham and Liwa al-Tawhid have "
            "clashed repeatedly this autumn.")
    hostile = directed(extractor, text, "hostility")
    assert ("ahrar-al-sham", "islamic-state") in hostile
    assert ("ahrar-al-sham", "liwa-al-tawhid") not in hostile


def test_an_exchange_of_prisoners_is_no_fight(extractor: Extractor) -> None:
    text = "The exchange of prisoners between the SDF and ISIS took place on Monday."
    assert directed(extractor, text, "hostility") == set()


def test_a_copula_after_a_non_member_noun_lists_no_members(extractor: Extractor) -> None:
    text = "The SNA's demands were the Hamza Division's withdrawal and a new border crossing."
    assert directed(extractor, text, "membership") == set()
