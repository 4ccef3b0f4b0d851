"""Session 7: discovered names keep their whole span: "bin"/"ibn" inside an Arabic name, the
last of two head nouns ("... Special Forces Division"), and more Arabic words that open a group's
name ("Fursan", "Usud", "Suqour", "Shuhada", "Ahfad", "Nusur")."""

from __future__ import annotations

import pytest

from loaders.extract import Extractor
from tests.extraction_cases import directed


@pytest.fixture
def extractor(model_extractor: Extractor) -> Extractor:
    return model_extractor


@pytest.mark.parametrize(("text", "edge"), [
    ("Fighters of the Amr bin al-Aas battalion attacked ISIS.",
     ("amr-bin-al-aas-battalion", "islamic-state")),
    ("The Khalid ibn al-Walid Brigade attacked ISIS.",
     ("khalid-ibn-al-walid-brigade", "islamic-state")),
    ("The 15th Special Forces Division attacked HTS.",
     ("15th-special-forces-division", "hayat-tahrir-al-sham")),
    ("Fursan al-Jolan clashed with Hezbollah.", ("fursan-al-jolan", "hezbollah")),
    ("Shuhada al-Quneitra clashed with Hezbollah.", ("shuhada-al-quneitra", "hezbollah")),
])
def test_a_discovered_name_keeps_its_whole_span(extractor: Extractor, text: str,
                                                edge: tuple[str, str]) -> None:
    assert edge in directed(extractor, text, "hostility")


def test_a_lower_case_bin_outside_a_name_is_no_glue(extractor: Extractor) -> None:
    text = "The bin collection near the Hamza Division base was shelled by the YPG."
    assert ("ypg", "hamza-division") in directed(extractor, text, "hostility")


def test_an_arabic_name_keeps_its_lower_case_head(extractor: Extractor) -> None:
    text = "The Suqour al-Ghab brigade attacked Islamic State positions."
    assert ("suqour-al-ghab-brigade", "islamic-state") in directed(extractor, text, "hostility")


@pytest.mark.parametrize("text", [
    "Kataib Sayyid al-Shuhada, an Iraqi militia backed by Iran, attacked US forces.",
    "Jaish al-Mujahideen, an alliance of eight Aleppo brigades, attacked ISIS.",
])
def test_a_description_with_a_lower_case_head_is_no_name(extractor: Extractor,
                                                         text: str) -> None:
    ex_claims = directed(extractor, text, "membership") | directed(extractor, text, "support")
    assert not any("militia" in a or "brigades" in a for pair in ex_claims for a in pair)
