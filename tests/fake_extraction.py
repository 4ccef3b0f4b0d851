"""A tiny rule-based stand-in for :class:`loaders.extract.Extractor` in fast ingest tests.

It knows a handful of actor names and one pattern per sentence: ``A attacked B`` (hostility) and
``A allied with B`` (alliance). A sentence containing ``BROKEN-CLAIM`` yields a claim naming an
actor that is not in the batch, which every store must refuse: the way to make one document's
load fail for real.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from graph.model import (
    Actor,
    ActorKind,
    Claim,
    Evidence,
    Extraction,
    Mention,
    Polarity,
    RelationType,
)
from loaders.source import SourceText

KNOWN_ACTORS: dict[str, Actor] = {
    name: Actor(id=actor_id, name=name, kind=ActorKind.ARMED_GROUP)
    for name, actor_id in (
        ("SDF", "sdf"),
        ("ISIS", "isis"),
        ("SAA", "saa"),
        ("Turkey", "turkey"),
        ("YPG", "ypg"),
        ("Levant Front", "jabhat-al-shamiya"),
    )
}
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_PATTERNS = (
    (re.compile(r"\battacked\b"), RelationType.HOSTILITY, Polarity.HOSTILE),
    (re.compile(r"\ballied with\b"), RelationType.ALLIANCE, Polarity.ALLY),
)


class FakeExtractor:
    """Same ``pipe``/``extract``/``warnings`` surface as the real extractor."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    @property
    def warnings(self) -> list[str]:
        return []

    def extract(self, source: SourceText) -> Extraction:
        self.seen.append(source.document.path)
        doc_id = source.document.id
        actors: dict[str, Actor] = {}
        claims: list[Claim] = []
        for match in _SENTENCE.finditer(source.text):
            sentence = match.group(0)
            found = sorted(
                (sentence.find(name), name) for name in KNOWN_ACTORS if name in sentence
            )
            if "BROKEN-CLAIM" in sentence:
                claims.append(self._claim(doc_id, match, sentence, "sdf", "no-such-actor",
                                          RelationType.HOSTILITY, Polarity.HOSTILE, []))
                actors.setdefault("sdf", KNOWN_ACTORS["SDF"])
                continue
            if len(found) < 2:
                continue
            (_, first), (_, second) = found[0], found[1]
            for pattern, relation, polarity in _PATTERNS:
                if pattern.search(sentence):
                    a, b = KNOWN_ACTORS[first], KNOWN_ACTORS[second]
                    actors[a.id] = a
                    actors[b.id] = b
                    mentions = [
                        Mention(actor=KNOWN_ACTORS[name].id, start=pos, end=pos + len(name),
                                text=name)
                        for pos, name in found[:2]
                    ]
                    claims.append(self._claim(doc_id, match, sentence, a.id, b.id, relation,
                                              polarity, mentions))
        return Extraction(
            documents=(source.document,), actors=tuple(actors.values()), claims=tuple(claims)
        )

    @staticmethod
    def _claim(doc_id: str, match: re.Match[str], sentence: str, source: str, target: str,
               relation: RelationType, polarity: Polarity, mentions: list[Mention]) -> Claim:
        return Claim(
            source=source,
            target=target,
            type=relation,
            polarity=polarity,
            evidence=Evidence(doc=doc_id, sentence=sentence, start=match.start(),
                              end=match.end(), mentions=tuple(mentions)),
        )

    def pipe(
        self, sources: Iterable[SourceText], *, n_process: int = 1, batch_size: int = 16
    ) -> Iterator[Extraction]:
        for source in sources:
            yield self.extract(source)
