"""Builders for hand-made test data shared by every test module.

:func:`sample_batch` is the reference graph the fixtures hand out: nine Syrian-war actors (one of
them discovered, not curated), sixteen actor claims over January–March 2016 with both signs, a
contested pair (Levant Front and the YPG both fight and agree a truce), a hedged-only edge and a
negated claim, plus two place claims. Builders keep offsets unique so every claim has its own id.
"""

from __future__ import annotations

import itertools
from datetime import date

from graph.model import (
    Actor,
    ActorKind,
    Claim,
    Document,
    Evidence,
    Extraction,
    Mention,
    PlaceAction,
    PlaceClaim,
    RelationType,
    document_id,
)

_offsets = itertools.count(0, 100)


def make_actor(
    actor_id: str,
    name: str | None = None,
    *aliases: str,
    kind: ActorKind = ActorKind.ARMED_GROUP,
    curated: bool = True,
) -> Actor:
    """An actor; ``name`` defaults to the id in title case."""
    return Actor(
        id=actor_id,
        name=name or actor_id.replace("-", " ").title(),
        aliases=tuple(aliases),
        kind=kind,
        curated=curated,
    )


def make_document(text: str, *, source: str = "", day: date | None = None, title: str = "",
                  url: str = "") -> Document:
    """A document whose id is the content hash of ``text``."""
    return Document(
        id=document_id(text), title=title or text[:40], source=source, url=url, date=day
    )


def make_evidence(doc: Document, sentence: str, *mentions: Mention, start: int | None = None
                  ) -> Evidence:
    """Evidence in ``doc``; a fresh start offset is drawn unless ``start`` is given."""
    begin = next(_offsets) if start is None else start
    return Evidence(doc=doc.id, sentence=sentence, start=begin, end=begin + len(sentence),
                    mentions=mentions)


def make_claim(
    source: str,
    target: str,
    type: RelationType,
    doc: Document,
    *,
    day: date | None = None,
    confidence: float = 0.8,
    hedged: bool = False,
    negated: bool = False,
    sentence: str | None = None,
    trigger: str = "",
    start: int | None = None,
) -> Claim:
    """A claim between two actor ids, stated in ``doc``; polarity follows ``type``."""
    text = sentence or f"{source} {type.value} {target}."
    mentions = []
    if source in text:
        mentions.append(Mention(actor=source, start=text.index(source),
                                end=text.index(source) + len(source), text=source))
    return Claim(
        source=source,
        target=target,
        type=type,
        polarity=type.polarity,
        confidence=confidence,
        hedged=hedged,
        negated=negated,
        date=day,
        trigger=trigger or type.value,
        evidence=make_evidence(doc, text, *mentions, start=start),
    )


def make_place_claim(actor: str, place: str, doc: Document, *, day: date | None = None,
                     action: PlaceAction = PlaceAction.CAPTURED, start: int | None = None
                     ) -> PlaceClaim:
    sentence = f"{actor} {action.value} {place}."
    return PlaceClaim(actor=actor, place=place, action=action, date=day, trigger=action.value,
                      evidence=make_evidence(doc, sentence, start=start))


# Actor ids used by the sample batch, named so tests read like the domain.
SHAMIYA = "jabhat-al-shamiya"
AHRAR = "ahrar-al-sham"
NUSRA = "nusra-front"
FATAH = "jaysh-al-fatah"
ISIS = "islamic-state"
SAA = "syrian-arab-army"
RUSSIA = "russia"
YPG = "ypg"
THUWAR = "jaysh-al-thuwar"


def sample_actors() -> tuple[Actor, ...]:
    AK = ActorKind
    return (
        make_actor(SHAMIYA, "Jabhat al-Shamiya", "Levant Front", "al-Jabha al-Shāmiyya",
                   "Shamiyah Front"),
        make_actor(AHRAR, "Ahrar al-Sham", "Harakat Ahrar al-Sham al-Islamiyya"),
        make_actor(NUSRA, "Nusra Front", "Jabhat al-Nusra", "al-Nusra", "a-Nusra"),
        make_actor(FATAH, "Jaish al-Fatah", "Jaysh al-Fatah", "Army of Conquest",
                   kind=AK.COALITION),
        make_actor(ISIS, "Islamic State", "ISIS", "ISIL", "Daesh"),
        make_actor(SAA, "Syrian Arab Army", "SAA", "Syrian army", kind=AK.STATE),
        make_actor(RUSSIA, "Russia", "Russian Aerospace Forces", kind=AK.FOREIGN_FORCE),
        make_actor(YPG, "People's Protection Units", "YPG", kind=AK.MILITIA),
        make_actor(THUWAR, "Jaysh al-Thuwar", kind=AK.ARMED_GROUP, curated=False),
    )


def sample_documents() -> tuple[Document, ...]:
    return (
        make_document("Aleppo report one: rebels regroup north of the city.", source="Reuters",
                      day=date(2016, 1, 25), url="https://example.org/a"),
        make_document("Idlib report two: Jaish al-Fatah advances.", source="Al Jazeera",
                      day=date(2016, 2, 6)),
        make_document("Azaz report three: fighting near the border.", source="SOHR",
                      day=date(2016, 3, 5)),
        # No outlet: distinct-outlet counts must fall back to the document id.
        make_document("Palmyra report four: government offensive.", source="",
                      day=date(2016, 3, 16)),
    )


def sample_batch() -> Extraction:
    """The reference batch (see the module docstring). Built fresh on every call."""
    d1, d2, d3, d4 = sample_documents()
    T = RelationType
    hedged = "The army reportedly shelled Nusra positions."
    negated = "There was no Nusra assault on Ahrar al-Sham."
    # (source, target, type, document, date, confidence, extra keyword arguments)
    specs: list[tuple[str, str, RelationType, Document, date | None, float, dict[str, object]]] = [
        (NUSRA, FATAH, T.MEMBERSHIP, d1, date(2016, 1, 5), 0.9, {}),
        (AHRAR, FATAH, T.MEMBERSHIP, d1, date(2016, 1, 5), 0.9, {}),
        (SHAMIYA, AHRAR, T.ALLIANCE, d1, date(2016, 1, 10), 0.9, {}),
        (SHAMIYA, ISIS, T.HOSTILITY, d1, date(2016, 1, 12), 0.85, {}),
        (SAA, SHAMIYA, T.HOSTILITY, d1, date(2016, 1, 20), 0.7, {}),
        (ISIS, YPG, T.HOSTILITY, d2, date(2016, 1, 25), 0.8, {}),
        # Same undirected pair stated the other way round, in another outlet.
        (AHRAR, SHAMIYA, T.ALLIANCE, d2, date(2016, 2, 1), 0.7, {}),
        (AHRAR, NUSRA, T.JOINT_OPERATION, d2, date(2016, 2, 2), 0.8, {}),
        (NUSRA, AHRAR, T.HOSTILITY, d2, date(2016, 2, 3), 0.8,
         {"negated": True, "sentence": negated}),
        (RUSSIA, SAA, T.SUPPORT, d3, date(2016, 2, 10), 0.9, {}),
        (SAA, NUSRA, T.HOSTILITY, d3, date(2016, 2, 15), 0.5, {"hedged": True, "sentence": hedged}),
        (YPG, SHAMIYA, T.HOSTILITY, d3, date(2016, 2, 20), 0.75, {}),
        (SHAMIYA, ISIS, T.HOSTILITY, d3, date(2016, 3, 3), 0.7, {}),
        # No claim date: first/last seen fall back to the document date (2016-03-16).
        (RUSSIA, SAA, T.SUPPORT, d4, None, 0.8, {}),
        (SAA, ISIS, T.HOSTILITY, d4, date(2016, 3, 2), 0.85, {}),
        (THUWAR, YPG, T.ALLIANCE, d4, date(2016, 3, 10), 0.6, {}),
        (SHAMIYA, YPG, T.TRUCE, d4, date(2016, 3, 15), 0.65, {}),
    ]
    # Fixed offsets so two calls build claims with the same ids (reloads must be no-ops).
    claims = tuple(
        make_claim(source, target, type, doc, day=day, confidence=conf, start=100 * i,
                   **extra)  # type: ignore[arg-type]
        for i, (source, target, type, doc, day, conf, extra) in enumerate(specs)
    )
    places = (
        make_place_claim(SHAMIYA, "Azaz", d3, day=date(2016, 3, 4), start=5000),
        make_place_claim(SAA, "Palmyra", d4, day=date(2016, 3, 14), start=5100),
    )
    return Extraction(documents=(d1, d2, d3, d4), actors=sample_actors(), claims=claims,
                      places=places)
