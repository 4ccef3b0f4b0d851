"""Session 8, membership cues: "the two pillars of X"; "X are the main FSA-affiliated force";
"which counts A among its members"; "the components of X - A, B and C"; "A, B and C, among the
largest FSA factions involved"."""

from __future__ import annotations

import pytest

from loaders.extract import Extractor
from tests.extraction_cases import directed


@pytest.fixture
def extractor(model_extractor: Extractor) -> Extractor:
    return model_extractor


def test_a_pillar_of_a_coalition_belongs_to_it(extractor: Extractor) -> None:
    text = "Jaysh al-Islam, the main pillar of the Islamic Front in Ghouta, shelled Damascus."
    assert ("jaysh-al-islam", "islamic-front") in directed(extractor, text, "membership")


def test_a_plural_copula_with_an_affiliated_force(extractor: Extractor) -> None:
    text = "The Hamza Division and the Mutasim Brigade are the main FSA-affiliated forces there."
    members = directed(extractor, text, "membership")
    assert ("hamza-division", "fsa") in members


def test_counted_among_its_members(extractor: Extractor) -> None:
    text = ("The Islamic Front, an alliance announced in November, which counts Liwa al-Tawhid "
            "among its members, took the crossing.")
    assert ("liwa-al-tawhid", "islamic-front") in directed(extractor, text, "membership")


def test_counting_losses_is_no_membership(extractor: Extractor) -> None:
    text = "The Islamic Front counts Liwa al-Tawhid among its rivals."
    assert directed(extractor, text, "membership") == set()


def test_components_then_a_dash_list(extractor: Extractor) -> None:
    text = ("The assault was led by the components of the Islamic Front - Ahrar al-Sham, Jaysh "
            "al-Islam and Suqour al-Sham.")
    members = directed(extractor, text, "membership")
    assert {("ahrar-al-sham", "islamic-front"), ("jaysh-al-islam", "islamic-front"),
            ("suqour-al-sham", "islamic-front")} <= members


def test_among_the_largest_factions_of_a_coalition(extractor: Extractor) -> None:
    text = ("Fighters of the Hamza Division and the Mutasim Brigade, among the largest FSA "
            "factions in the area, entered the town.")
    members = directed(extractor, text, "membership")
    assert {("hamza-division", "fsa"), ("liwa-al-mutasim", "fsa")} <= members
