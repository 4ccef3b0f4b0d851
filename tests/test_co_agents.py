"""Constructions added in session 7, on sentences we wrote: a partner named beside a fighting
verb's subject ("A, together with B, attacked C") fights C as well, and "fought X alongside Y"
makes X the enemy of both. Each rule has a case that must not fire."""

from __future__ import annotations

import pytest

from loaders.extract import Extractor
from tests.extraction_cases import directed


@pytest.fixture
def extractor(model_extractor: Extractor) -> Extractor:
    return model_extractor


@pytest.mark.parametrize(("text", "edge"), [
    ("The YPG, together with Burkan al-Firat, attacked the Islamic State.",
     ("burkan-al-firat", "islamic-state")),
    ("The YPG, along with the Sanadid Forces, captured the town from ISIS.",
     ("sanadid-forces", "islamic-state")),
    ("The army, alongside Hezbollah, recaptured Qusayr from the Free Syrian Army.",
     ("hezbollah", "fsa")),
    ("Hezbollah attacked Jabhat al-Nusra together with the Syrian army.",
     ("saa", "jabhat-al-nusra")),
])
def test_a_partner_beside_the_subject_fights_the_same_enemy(extractor: Extractor, text: str,
                                                          edge: tuple[str, str]) -> None:
    assert edge in directed(extractor, text, "hostility")


def test_a_partner_of_talks_is_no_fighter(extractor: Extractor) -> None:
    text = "Russia, together with Turkey, negotiated a ceasefire for Idlib."
    assert directed(extractor, text, "hostility") == set()


def test_a_partner_of_the_attacked_side_does_not_attack(extractor: Extractor) -> None:
    text = "The Syrian army was attacked by ISIS alongside Hezbollah near Palmyra."
    hostile = directed(extractor, text, "hostility")
    assert ("islamic-state", "saa") in hostile
    assert ("hezbollah", "islamic-state") not in hostile


def test_the_object_of_fought_alongside_is_both_sides_enemy(extractor: Extractor) -> None:
    text = "The Fatemiyoun Brigade fought Daesh alongside the Syrian army for years."
    hostile = directed(extractor, text, "hostility")
    assert {("fatemiyoun", "islamic-state"), ("saa", "islamic-state")} <= hostile


def test_a_partner_read_as_the_object_is_no_enemy(extractor: Extractor) -> None:
    # the parser can leave "alongside" without its object and make the partner the object
    text = ("Liwa al-Tawhid has fought alongside smaller units such as the Ahrar al-Shamal "
            "brigade, whose fighters hold parts of the Sakhour district.")
    hostile = directed(extractor, text, "hostility")
    assert ("liwa-al-tawhid", "ahrar-al-shamal") not in hostile
