"""Membership lists read off the token order (``loaders/lists.py``), on our own sentences.

Each shape: the coalition, a cue and the list; the list, a cue and the coalition; a name
described as a unit of a coalition; "A and other X groups". And the cases where a list must not
be read as membership: another actor or an action verb between the pieces, a state as the
"coalition", a denial.
"""

from __future__ import annotations

import pytest

from loaders.extract import Extractor
from tests.extraction_cases import run


@pytest.fixture
def extractor(model_extractor: Extractor) -> Extractor:
    return model_extractor


def members(ex: Extractor, text: str, *, negated: bool = False) -> set[tuple[str, str]]:
    return {(c.source, c.target) for c in run(ex, text).claims
            if c.type.value == "membership" and c.negated == negated}


@pytest.mark.parametrize(
    ("text", "coalition", "expected"),
    [
        ("Jaysh al-Fatah, a coalition announced a week before the battle began and composed of "
         "several factions: Ahrar al-Sham, Jund al-Aqsa and Faylaq al-Sham, moved on the city.",
         "jaysh-al-fatah", {"ahrar-al-sham", "jund-al-aqsa", "sham-legion"}),
        ("The Southern Front, an umbrella of some forty groups that includes Shabab al-Sunna "
         "and Jaysh al-Islam, sent negotiators to Bosra.",
         "southern-front", {"jaysh-al-islam", "shabab-al-sunna"}),
        ("About 800 FSA fighters, among them members of the Hamza Division and the Sultan Murad "
         "Division, crossed at dawn.",
         "fsa", {"hamza-division", "sultan-murad-division"}),
        ("The NFL, a body formed last spring with Turkish backing by Faylaq al-Sham and Jaysh "
         "al-Nasr, held the line.",
         "national-front-for-liberation", {"sham-legion", "jaysh-al-nasr"}),
    ],
)
def test_coalition_cue_then_list(
    extractor: Extractor, text: str, coalition: str, expected: set[str]
) -> None:
    got = members(extractor, text)
    assert {(m, coalition) for m in expected} <= got


def test_a_coalition_word_opening_the_sentence_points_back(extractor: Extractor) -> None:
    text = ("Rebel factions announced the Islamic Front on Friday. The new alliance brings "
            "together Ahrar al-Sham, Jaysh al-Islam and Suqour al-Sham.")
    got = members(extractor, text)
    assert {("ahrar-al-sham", "islamic-front"), ("jaysh-al-islam", "islamic-front"),
            ("suqour-al-sham", "islamic-front")} <= got


@pytest.mark.parametrize(
    ("text", "coalition", "expected"),
    [
        ("The YPG, the YPJ and the Manbij Military Council, all of which fight under the "
         "umbrella of the SDF, entered the town.", "sdf",
         {"ypg", "ypj", "manbij-military-council"}),
        ("Suqour al-Sham and Jaysh al-Mujahideen said on Tuesday that they were joining Ahrar "
         "al-Sham.", "ahrar-al-sham", {"suqour-al-sham", "jaysh-al-mujahideen"}),
        ("Fighters of the Hamza Division and the Sultan Murad Division took part in the assault "
         "as part of the Syrian National Army.", "syrian-national-army",
         {"hamza-division", "sultan-murad-division"}),
        ("Turkish armour escorted the Hamza Division, Faylaq al-Sham and other Free Syrian Army "
         "groups into the town.", "fsa", {"hamza-division", "sham-legion"}),
    ],
)
def test_list_then_cue_then_coalition(
    extractor: Extractor, text: str, coalition: str, expected: set[str]
) -> None:
    got = members(extractor, text)
    assert {(m, coalition) for m in expected} <= got


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("A commander of Liwa al-Tawhid, the biggest Free Syrian Army brigade in the north, "
         "spoke to us.", ("liwa-al-tawhid", "fsa")),
        ("Jaysh al-Izza, an FSA-affiliated group, shelled the airbase.", ("jaish-al-izza", "fsa")),
    ],
)
def test_name_described_as_a_unit_of_a_coalition(
    extractor: Extractor, text: str, pair: tuple[str, str]
) -> None:
    assert pair in members(extractor, text)


def test_describing_name_in_a_list_is_not_a_member(extractor: Extractor) -> None:
    text = ("Jaysh al-Fatah groups several factions, among them Ahrar al-Sham, the al-Qaeda-"
            "affiliated Nusra Front and Jund al-Aqsa.")
    got = members(extractor, text)
    assert ("jabhat-al-nusra", "jaysh-al-fatah") in got
    assert ("al-qaeda", "jaysh-al-fatah") not in got


@pytest.mark.parametrize(
    "text",
    [
        # an action verb between the coalition and the cue: the list belongs to the target
        "The SDF attacked Islamic State positions including Ahrar al-Sham depots near Tabqa.",
        # a state is not a coalition its clients belong to
        "Turkey, backing groups including the Hamza Division, sent tanks.",
        # joined *by*: the other way round, not read here as membership of the joiner
        "The Syrian army was joined by Hezbollah and the NDF in the assault.",
    ],
)
def test_lists_that_are_not_membership(extractor: Extractor, text: str) -> None:
    got = members(extractor, text)
    assert ("ahrar-al-sham", "sdf") not in got
    assert ("hamza-division", "turkey") not in got
    assert not got & {("saa", "hezbollah"), ("hezbollah", "saa"), ("saa", "ndf"), ("ndf", "saa")}


def test_an_unknown_named_room_is_not_the_last_coalition(extractor: Extractor) -> None:
    text = ("The Free Syrian Army held the south. The \"Wa Harid al-Muminin\" operations room, "
            "which groups Jaysh al-Izza and Hurras al-Din, attacked Kafr Nabuda.")
    got = members(extractor, text)
    assert ("jaish-al-izza", "fsa") not in got and ("hurras-al-din", "fsa") not in got


# -- joint action from coordinated actors (loaders/coordinated.py) and "with" phrases ---------


def joint(ex: Extractor, text: str) -> set[frozenset[str]]:
    return {frozenset((c.source, c.target)) for c in run(ex, text).claims
            if c.type.value == "joint_operation" and not c.negated}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Turkish troops and the Syrian National Army overran the village of Tal Halaf.",
         {"turkey", "syrian-national-army"}),
        ("The hill was retaken under full control by the Turkish army and the Free Syrian Army.",
         {"turkey", "fsa"}),
        ("Russian and Syrian government warplanes continued to bomb the southern countryside.",
         {"russia", "saa"}),
        ("NDF militiamen were fighting shoulder to shoulder with the Tiger Forces on the ridge.",
         {"ndf", "tiger-forces"}),
        ("Hayat Tahrir al-Sham, in coordination with the National Front for Liberation, "
         "stormed the village.", {"hayat-tahrir-al-sham", "national-front-for-liberation"}),
    ],
)
def test_coordinated_attackers_act_jointly(
    extractor: Extractor, text: str, pair: set[str]
) -> None:
    assert frozenset(pair) in joint(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Hezbollah and the Nusra Front clashed in the hills near Arsal.",
        "Either Hezbollah or the Syrian army shelled the village.",
        "Hezbollah and the Nusra Front were both attacked by Islamic State fighters.",
        "Hezbollah and the Nusra Front shelled each other across the valley.",
    ],
)
def test_coordinated_actors_that_are_not_a_joint_operation(
    extractor: Extractor, text: str
) -> None:
    assert frozenset({"hezbollah", "jabhat-al-nusra"}) not in joint(extractor, text)
    assert frozenset({"hezbollah", "saa"}) not in joint(extractor, text)


def test_list_items_with_abbreviations_and_descriptions(extractor: Extractor) -> None:
    text = ("Jaysh al-Fatah is composed of five groups: Jabhat al-Nusra (JN), Ahrar al-Sham, "
            "Jund al-Aqsa and Faylaq al-Sham.")
    got = members(extractor, text)
    assert {("jund-al-aqsa", "jaysh-al-fatah"), ("sham-legion", "jaysh-al-fatah"),
            ("ahrar-al-sham", "jaysh-al-fatah")} <= got
    text = ("Four factions, among them Suqour al-Sham, Jaysh al-Islam's Idlib branch and Jaysh "
            "al-Mujahideen, said they were joining Ahrar al-Sham.")
    got = members(extractor, text)
    assert {("suqour-al-sham", "ahrar-al-sham"), ("jaysh-al-islam", "ahrar-al-sham"),
            ("jaysh-al-mujahideen", "ahrar-al-sham")} <= got


def test_dissolved_into_together_with(extractor: Extractor) -> None:
    text = ("Jabhat Fatah al-Sham said it had dissolved itself into a new alliance, Hayat Tahrir "
            "al-Sham, together with the Nour al-Din al-Zenki movement.")
    got = members(extractor, text)
    assert ("nour-al-din-al-zenki", "hayat-tahrir-al-sham") in got


def test_backbone_of(extractor: Extractor) -> None:
    text = "The YPG, the Kurdish militia that forms the backbone of the SDF, held the line."
    assert ("ypg", "sdf") in members(extractor, text)


def test_itself_an_alliance_between(extractor: Extractor) -> None:
    text = ("The Syrian Liberation Front, itself an alliance between Ahrar al-Sham and the Zenki "
            "movement, said it would fight on.")
    got = members(extractor, text)
    assert ("ahrar-al-sham", "syrian-liberation-front") in got


def test_ceasefire_between_in_token_order_has_only_its_parties(extractor: Extractor) -> None:
    text = ('U.S. officials announced a "loose" ceasefire between Turkish forces and the SDF on '
            "Monday; Ankara has not confirmed it.")
    pairs = {frozenset((c.source, c.target)) for c in run(extractor, text).claims
             if c.type.value == "truce"}
    assert frozenset({"turkey", "united-states"}) not in pairs
    assert frozenset({"sdf", "united-states"}) not in pairs
