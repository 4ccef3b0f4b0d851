"""Session 8: repairs made before or around the parse. Military ranks stay one token, so
"Brig. Gen." does not end a sentence; a one-token name that is also an English word ("IS")
gets a norm the model does not read as that word; a name the parser hangs on the verb still owns
the "fighters" after it; "weeks of army operations against X"; an attack "claimed by" or
"attributed to" a group is that group's; a dateline's spaced dash ends a name; "any" coordination
played down or "any" clash prevented is none (a denied one stays a negated claim); "remnants of A,
the B movement and C" names all three; "tightened the noose on X"; "A and B, X's main backers";
an offensive "against areas held by X"."""

from __future__ import annotations

import pytest

from loaders.extract import Extractor
from tests.extraction_cases import directed, run


@pytest.fixture
def extractor(model_extractor: Extractor) -> Extractor:
    return model_extractor


def test_a_rank_abbreviation_does_not_end_the_sentence(extractor: Extractor) -> None:
    text = ("The Tiger Forces, led by Col. Ahmad Darwish and backed by Russian jets, pressed "
            "their assault against Jaysh al-Izza and Ahrar al-Sham.")
    assert len(list(extractor.nlp(text).sents)) == 1
    assert directed(extractor, text, "hostility") >= {("tiger-forces", "jaish-al-izza"),
                                                      ("tiger-forces", "ahrar-al-sham")}


@pytest.mark.parametrize("rank", ["Brig.", "Lt.", "Maj.", "Capt."])
def test_each_rank_is_one_token(extractor: Extractor, rank: str) -> None:
    doc = extractor.nlp(f"{rank} Gen. Karim spoke to reporters.")
    assert doc[0].text == rank


def test_the_name_is_keeps_it_a_name(extractor: Extractor) -> None:
    text = "Since March the coalition has flown hundreds of sorties against IS targets near Hajin."
    doc = extractor.nlp(text)
    token = next(t for t in doc if t.text == "IS")
    assert token.pos_ == "PROPN"
    assert token.norm_ != "is"


def test_the_word_is_stays_a_verb(extractor: Extractor) -> None:
    doc = extractor.nlp("The town is quiet.")
    assert doc[2].norm_ == "is"


def test_the_owner_of_fighters_hung_on_the_verb_takes_part(extractor: Extractor) -> None:
    text = "Jaysh al-Islam fighters and Faylaq al-Rahman clashed again in Misraba on Monday."
    assert {frozenset(p) for p in directed(extractor, text, "hostility")} == {
        frozenset(("jaysh-al-islam", "faylaq-al-rahman"))}


def test_operations_counted_in_weeks_keep_their_actor(extractor: Extractor) -> None:
    text = "The surrender followed three weeks of army operations against Liwa al-Islam."
    assert directed(extractor, text, "hostility") == {("saa", "liwa-al-islam")}


@pytest.mark.parametrize("text", [
    "On Friday a bombing claimed by ISIS killed four SDF members in Shaddadi.",
    "On Friday an attack attributed to ISIS killed four SDF members in Shaddadi.",
])
def test_an_attack_claimed_by_or_attributed_to_a_group_is_its(extractor: Extractor,
                                                              text: str) -> None:
    assert directed(extractor, text, "hostility") == {("islamic-state", "sdf")}


def test_a_group_fighting_a_foe_is_not_its_member(extractor: Extractor) -> None:
    text = "Maghawir al-Thawra, a small opposition group fighting IS, guards the desert garrison."
    assert directed(extractor, text, "membership") == set()
    assert directed(extractor, text, "hostility") == {("maghawir-al-thawra", "islamic-state")}


def test_ships_of_a_navy_act_for_the_state(extractor: Extractor) -> None:
    text = "Two ships of the Russian Navy fired cruise missiles at ISIS targets near Palmyra."
    assert directed(extractor, text, "hostility") == {("russia", "islamic-state")}


def test_a_dateline_dash_ends_a_name(extractor: Extractor) -> None:
    text = ("Homs, XNA - Units of the Syrian Arab Army, in cooperation with the National Defence "
            "Forces, eliminated terrorists of Jabhat al-Nusra.")
    assert directed(extractor, text, "membership") == set()
    assert ("saa", "jabhat-al-nusra") in directed(extractor, text, "hostility")


def test_any_coordination_played_down_is_no_alliance(extractor: Extractor) -> None:
    text = "Liwa al-Tawhid commanders played down any coordination with Jabhat al-Nusra."
    assert directed(extractor, text, "alliance") == set()


def test_any_alliance_denied_stays_a_negated_claim(extractor: Extractor) -> None:
    result = run(extractor, "The SDF denied any alliance with the regime.")
    alliances = [c for c in result.claims if c.type.value == "alliance"]
    assert alliances and all(c.negated for c in alliances)


def test_preventing_any_clash_is_no_clash(extractor: Extractor) -> None:
    text = "Ankara said talks would prevent any clash between the regime forces and the FSA."
    assert directed(extractor, text, "hostility") == set()


def test_remnants_of_a_listed_appositive_name_are_all_targets(extractor: Extractor) -> None:
    text = ("The army is pursuing the remnants of Jabhat al-Nusra, the Nour al-Din al-Zenki "
            "movement and Ahrar al-Sham.")
    assert directed(extractor, text, "hostility") == {
        ("saa", "jabhat-al-nusra"), ("saa", "nour-al-din-al-zenki"), ("saa", "ahrar-al-sham")}


def test_a_former_name_in_apposition_is_not_another_item(extractor: Extractor) -> None:
    text = "The army shelled positions of Tahrir al-Sham, formerly the al-Nusra Front, at dawn."
    assert directed(extractor, text, "hostility") == {("saa", "hayat-tahrir-al-sham")}


def test_tightening_the_noose_on_a_group(extractor: Extractor) -> None:
    text = "The army tightened the noose on the fighters of Jaysh al-Islam in Douma."
    assert directed(extractor, text, "hostility") == {("saa", "jaysh-al-islam")}


def test_tightening_a_grip_on_a_place_names_no_enemy(extractor: Extractor) -> None:
    assert directed(extractor, "The army tightened its grip on the city.", "hostility") == set()


def test_coordinated_backers_in_apposition(extractor: Extractor) -> None:
    text = "Iran and Hezbollah, Damascus's main backers, sent more fighters."
    assert directed(extractor, text, "support") == {("iran", "saa"), ("hezbollah", "saa")}


def test_an_offensive_against_areas_held_by_a_group(extractor: Extractor) -> None:
    text = "Turkey launched Operation Peace Spring against areas held by the SDF."
    assert directed(extractor, text, "hostility") == {("turkey", "sdf")}
