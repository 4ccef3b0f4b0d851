"""The actor gazetteer: bundled data, resolution, acronym case rules, dates, user files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.model import ActorKind
from loaders.extract import Extractor
from loaders.gazetteer import Gazetteer, is_generic_collective


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_bundled_gazetteer_covers_the_war(gaz: Gazetteer) -> None:
    assert len(gaz) >= 40
    kinds = {a.kind for a in gaz}
    assert {ActorKind.STATE, ActorKind.ARMED_GROUP, ActorKind.COALITION, ActorKind.MILITIA} <= kinds


@pytest.mark.parametrize(
    ("name", "actor"),
    [
        ("SAA", "saa"), ("Syrian army", "saa"), ("government forces", "saa"),
        ("pro-government forces", "saa"), ("regime forces", "saa"), ("Syrian forces", "saa"),
        ("Syrian Democratic Forces", "sdf"), ("People's Protection Units", "ypg"),
        ("Kurdish YPG", "ypg"), ("PYD", "pyd"), ("Daesh", "islamic-state"),
        ("ISIL", "islamic-state"), ("Islamic State", "islamic-state"),
        ("Jabhat al-Nusra", "jabhat-al-nusra"), ("JFS", "jabhat-fatah-al-sham"),
        ("HTS", "hayat-tahrir-al-sham"), ("Levant Front", "jabhat-al-shamiya"),
        ("Jabhat Al-Shamiyah", "jabhat-al-shamiya"), ("Levant Corps", "sham-legion"),
        ("Faylaq al-Sham", "sham-legion"), ("Harakat Ahrar Al-Sham", "ahrar-al-sham"),
        ("the Free Syrian Army", "fsa"), ("Jaysh Al-Mujahiddeen", "jaysh-al-mujahideen"),
        ("Army of Revolutionaries", "jaysh-al-thuwar"),
        ("Nour al-Din al-Zinki", "nour-al-din-al-zenki"),
        ("Sultan Murad Division", "sultan-murad-division"), ("VKS", "russia"),
        ("Russian Aerospace Defense Forces", "russia"), ("Turkish army", "turkey"),
        ("Washington", "united-states"), ("CJTF-OIR", "us-led-coalition"),
        ("IRGC", "irgc"), ("Hizbollah", "hezbollah"), ("National Defense Forces", "ndf"),
        ("Liwa al-Quds", "liwa-al-quds"), ("Army of Conquest", "jaysh-al-fatah"),
        ("Fateh Halab", "fatah-halab"), ("Hamza Division", "hamza-division"),
        # short and political names reports use for known actors
        ("Ahrar", "ahrar-al-sham"), ("Fatah al-Sham", "jabhat-fatah-al-sham"),
        ("President Bashar al-Assad", "saa"), ("Assad's militias", "saa"),
        ("Tajamu al-Izza", "jaish-al-izza"), ("Kataib Hezbollah", "kataib-hezbollah"),
        ("Falcons of the Levant", "suqour-al-sham"),
    ],
)
def test_names_resolve_to_their_actor(gaz: Gazetteer, name: str, actor: str) -> None:
    found = gaz.resolve(name)
    assert found is not None, name
    assert found.id == actor


def test_short_acronyms_need_capitals(gaz: Gazetteer) -> None:
    assert gaz.resolve("IS").id == "islamic-state"  # type: ignore[union-attr]
    assert gaz.resolve("is") is None
    assert gaz.resolve("US").id == "united-states"  # type: ignore[union-attr]
    assert gaz.resolve("us") is None
    assert gaz.resolve("JaF").id == "jaysh-al-fatah"  # type: ignore[union-attr]
    assert gaz.resolve("jaf") is None


def test_same_name_resolves_by_date(gaz: Gazetteer) -> None:
    feb = gaz.resolve("Jaysh Halab", when=date(2016, 2, 20))
    dec = gaz.resolve("Jaysh Halab", when=date(2016, 12, 20))
    assert feb is not None and dec is not None
    assert feb.id != dec.id
    assert feb.valid_until is not None and feb.valid_until < dec.valid_from  # type: ignore[operator]


def test_generic_collectives_are_not_names() -> None:
    for phrase in ("the rebels", "Syrian rebels", "the terrorists", "militants", "the opposition"):
        assert is_generic_collective(phrase)
    assert not is_generic_collective("Islamic Front")


def test_user_file_adds_and_extends_actors(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "- id: qalamoun-shield\n  name: Qalamoun Shield Forces\n  kind: militia\n"
        "  aliases: [Dir al-Qalamoun]\n"
        "- id: ypg\n  name: People's Protection Units (YPG)\n  aliases: [Yekineyen Parastina]\n",
        encoding="utf-8",
    )
    assert Gazetteer.load().resolve("Dir al-Qalamoun", fuzzy=False) is None  # really new
    gaz = Gazetteer.load(extra=extra)
    assert gaz.resolve("Dir al-Qalamun").id == "qalamoun-shield"  # type: ignore[union-attr]
    assert gaz.resolve("Yekineyen Parastina").id == "ypg"  # type: ignore[union-attr]
    # the bundled aliases are kept
    assert gaz.resolve("Kurdish YPG").id == "ypg"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "content",
    ["- id: Bad Id\n  name: x\n", "- name: no id\n", "{not: [valid", "just a string\n"],
)
def test_malformed_user_file_is_a_clear_input_error(tmp_path: Path, content: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="gazetteer"):
        Gazetteer.load(extra=bad)


def test_missing_user_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        Gazetteer.load(extra=tmp_path / "nope.yaml")


@pytest.mark.parametrize(
    ("name", "actor"),
    [
        # leaders named for the actor they lead
        ("Putin", "russia"), ("President Vladimir Putin", "russia"), ("Erdoğan", "turkey"),
        ("Recep Tayyip Erdogan", "turkey"), ("Obama", "united-states"),
        ("President Donald Trump", "united-states"), ("Rohani", "iran"), ("Khamenei", "iran"),
        ("Nasrallah", "hezbollah"), ("Abu Bakr al-Baghdadi", "islamic-state"),
        ("Mazloum Abdi", "sdf"), ("Zahran Alloush", "jaysh-al-islam"),
        ("Qasem Suleimani", "irgc"), ("Maher al-Assad", "4th-division"),
        # capitals and countries added with them
        ("Beirut", "lebanon"), ("Cairo", "egypt"), ("Abu Dhabi", "united-arab-emirates"),
        ("Erbil", "kurdistan-regional-government"),
        # groups added in the 2026-11-29 extension, in spellings not listed verbatim
        ("Southern Front", "southern-front"), ("Maghawir al-Thowra", "maghawir-al-thawra"),
        ("New Syrian Army", "new-syrian-army"),
        ("Deir el-Zour Military Council", "deir-ez-zor-military-council"),
        ("Republican Guard", "republican-guard"), ("4th division", "4th-division"),
        ("Fourth Division", "4th-division"), ("Fifth Corps", "5th-corps"),
        ("Desert Hawks", "desert-hawks"), ("Asaib Ahl al-Haq", "asaib-ahl-al-haq"),
        ("Badr Organisation", "badr-organization"), ("KSS", "kataib-sayyid-al-shuhada"),
        ("Liwa al-Tawheed", "liwa-al-tawhid"), ("Al-Farouq Brigades", "farouq-brigades"),
        ("Ansar al-Tawheed", "ansar-al-tawhid"), ("Jaish al-Sunna", "jaysh-al-sunna"),
        ("Ajnad al-Sham", "ajnad-al-sham"), ("Harakat Hazm", "harakat-hazzm"),
        ("Syria Revolutionaries Front", "syrian-revolutionaries-front"),
        ("Jabhat Ansar al-Din", "jabhat-ansar-al-din"),
        ("Jaish al-Muhajirin wal-Ansar", "jaysh-al-muhajireen-wal-ansar"),
        ("SSG", "syrian-salvation-government"), ("Syrian Interim Government",
                                                 "syrian-interim-government"),
        ("KRG", "kurdistan-regional-government"), ("KDP", "kdp"),
        ("al-Sanadid Forces", "sanadid-forces"), ("Usud al-Sharqiyah", "lions-of-the-east"),
        ("Shuhada al-Qaryatain", "shuhada-al-qaryatayn"), ("Ahfad al-Rasoul", "ahfad-al-rasul"),
        ("Islamic Front", "islamic-front"), ("Jaish al-Ahrar", "jaysh-al-ahrar"),
        ("Liwa Shuhada al-Yarmouk", "liwa-shuhada-al-yarmouk"),
        ("Jaysh Khalid", "khalid-ibn-al-walid-army"),
        ("Mujahideen Shura Council", "mujahideen-shura-council"),
        ("Euphrates Volcano", "burkan-al-firat"), ("Faylaq al-Majd", "failaq-al-majd"),
        ("Jaish al-Sharqiya", "jaysh-al-sharqiya"), ("Lebanese Armed Forces", "lebanon"),
        ("UAE", "united-arab-emirates"), ("Kurdish Workers' Party", "pkk"),
        ("Iraqi army", "iraq"), ("Russian military police", "russia"),
    ],
)
def test_extension_names_resolve(gaz: Gazetteer, name: str, actor: str) -> None:
    found = gaz.resolve(name)
    assert found is not None, name
    assert found.id == actor


def test_ordinary_phrases_that_are_names_need_their_capitals(gaz: Gazetteer) -> None:
    # "withdrew from the southern front", "a fourth division", "an interim government"
    for phrase in ("southern front", "fourth division", "interim government",
                   "military operations center"):
        assert gaz.resolve(phrase) is None, phrase


def test_capitals_are_places(gaz: Gazetteer) -> None:
    for capital in ("Moscow", "Ankara", "Washington", "Tehran", "Damascus", "Riyadh", "Doha",
                    "Amman", "Baghdad", "Beirut", "Cairo", "Abu Dhabi", "Erbil"):
        hit = gaz.resolve_hit(capital)
        assert hit is not None and hit.place, capital


def test_jolani_follows_the_group_he_led(gaz: Gazetteer) -> None:
    assert gaz.resolve("Jolani", when=date(2014, 5, 1)).id == "jabhat-al-nusra"  # type: ignore[union-attr]
    assert gaz.resolve("Abu Mohammad al-Julani",  # type: ignore[union-attr]
                       when=date(2016, 9, 1)).id == "jabhat-fatah-al-sham"
    assert gaz.resolve("Jolani", when=date(2019, 1, 1)).id == "hayat-tahrir-al-sham"  # type: ignore[union-attr]


def test_a_known_name_heading_a_longer_arabic_name_is_not_that_actor(
    model_extractor: Extractor,
) -> None:
    labels = {s.text: s.label_ for s in model_extractor.nlp(
        "Jaysh Ahrar al-Ashair, a tribal force, and Harakat Ahrar al-Sham al-Islamiyya "
        "fought.").spans["allegiance_actors"]}
    assert labels.get("Jaysh Ahrar al-Ashair", "").startswith("new:")
    assert labels.get("Harakat Ahrar al-Sham al-Islamiyya") == "ahrar-al-sham"
