"""Signed relations and place captures, read off the dependency parse.

Each sentence is scanned for trigger words from a closed lexicon (:mod:`loaders.lexicon`).
A trigger's actors come from its real arguments: subject, object, agent of a passive, the
prepositions the trigger takes ("clashed *with*", "offensive *against*", "truce *between*"),
expanded over coordination ("A, B and C" give three claims) and over noun modifiers ("ISIS
positions", "fighters of the YPG"), never from whole subtrees. Subjects are inherited through
coordination, control verbs ("aims to oppose") and purpose clauses ("in order to prevent");
anaphora go through :mod:`loaders.coref`.

Without a parser (rule-only pipeline), or when the parse of a sentence naming two actors yields
nothing, :mod:`loaders.sequence` applies the same lexicon to token order.

Results are plain dicts (they cross process boundaries in ``nlp.pipe(n_process=2)``); see
:func:`claim_record`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from graph.model import ActorKind, PlaceAction, RelationType
from loaders.coref import COALITION_NOUNS as COREF_COALITION_NOUNS
from loaders.coref import CorefState, anaphor_number, hyphened
from loaders.dates import DATE_KEY
from loaders.gazetteer import Gazetteer
from loaders.guard import guarded
from loaders.hedging import attribution_cue, hedge_cue, negation_cue
from loaders.lexicon import (
    ALLIANCE_DEAL_VERBS,
    BROKER_VERBS,
    COALITION_NOUNS,
    EXCHANGED_FIRE,
    GROUP_WORDS,
    HOSTILE_PREPS,
    JOINT_NOUNS,
    MUTUAL_WORDS,
    NEEDS_TARGET,
    NOUN_FORMS,
    NOUNS,
    PERSON_PROXIES,
    PLACE_NOUNS,
    PROXY_NOUNS,
    PURPOSE_HEADS,
    QUANTITY_NOUNS,
    RECEIVING_VERBS,
    RECIPROCAL,
    SUPPORT_PARTICIPLES,
    TOGETHER_WORDS,
    TRUCE_DEAL_VERBS,
    VERB_FORMS,
    VERBS,
    WH_WORDS,
    inflect,
)
from loaders.pairs import (
    CONF_LEARNED,
    IMPLIED,
    IMPLIED_KEY,
    PairModel,
    acted_on_first,
    best_class,
    candidates,
    is_implied,
    kind_name,
)

ACTORS_KEY = "allegiance_actors"

HOSTILITY = RelationType.HOSTILITY
ALLIANCE = RelationType.ALLIANCE
TRUCE = RelationType.TRUCE
JOINT = RelationType.JOINT_OPERATION
SUPPORT = RelationType.SUPPORT
MEMBERSHIP = RelationType.MEMBERSHIP

# Confidence of a claim read straight off the parse, through an anaphor, or from token order.
CONF_DIRECT = 0.85
CONF_COREF = 0.7
CONF_SEQUENCE = 0.6
HEDGE_FACTOR = 0.6
MAX_PARTICIPANTS = 6  # more coordinated actors than this is a list of news items, not a pact



# -- mentions ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """An actor as an argument: the token span that names it, and whether it came via coref."""

    actor: str
    start: int
    end: int
    coref: bool = False


class RelationExtractor:
    """spaCy component: claims and place captures on ``doc._.allegiance_claims``/``_places``."""

    def __init__(self, gazetteer: Gazetteer, pairs: PairModel | None = None) -> None:
        self.gazetteer = gazetteer
        self.pairs = pairs

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        DocRelations(doc, self.gazetteer, self.pairs).run()
        return doc


class DocRelations:
    def __init__(self, doc: Doc, gazetteer: Gazetteer, pairs: PairModel | None = None) -> None:
        self.doc = doc
        self.gaz = gazetteer
        self.pairs = pairs
        self.parsed = doc.has_annotation("DEP")
        spans = list(doc.spans[ACTORS_KEY]) if ACTORS_KEY in doc.spans else []
        self.spans = spans
        self.by_token: dict[int, Ref] = {}
        for span in spans:
            ref = Ref(span.label_, span.start, span.end)
            for i in range(span.start, span.end):
                self.by_token[i] = ref
        self.coref = CorefState(kind_of=self.kind_of)
        self.claims: list[dict[str, Any]] = []
        self.places: list[dict[str, Any]] = []
        self._sent_start = 0
        self.sentence_index = 0
        # who attacked last (by air, on the ground), and in which sentence: "The first strikes
        # hit X" continues the air strikes just reported
        self.attackers: dict[str, tuple[int, list[str]]] = {}
        self._seen: dict[tuple[Any, ...], int] = {}
        # triggers the parse read and rejected ("expelled X from its ranks"): the token-order
        # fallback must not read them again
        self.vetoed: set[int] = set()
        # pairs the parse related without a claim ("the coalition led by the US"), this sentence
        self.covered: set[frozenset[str]] = set()
        self.implied_spans: list[Span] = []

    def kind_of(self, actor: str) -> ActorKind | None:
        kind = self.gaz.kind(actor)
        if kind is None and actor.startswith("new:"):
            last = actor.rsplit("-", 1)[-1]
            if last in {"coalition", "alliance", "front", "room", "council", "army"}:
                return ActorKind.COALITION
        return kind

    def run(self) -> None:
        from loaders.coordinated import CoordinatedActs  # these passes read our types
        from loaders.lists import MemberLists
        from loaders.sequence import SequenceSentence

        for index, sent in enumerate(self.doc.sents):
            self.sentence_index = index
            self._sent_start = sent.start
            sentence_mark = len(self.claims)
            self.coref.start_sentence()
            self.covered = set()
            named = any(i in self.by_token for i in range(sent.start, sent.end))
            if not named and not (self.parsed and any(
                anaphor_number(t) or self.gaz.adjective_actor(t.text) for t in sent
            )):
                continue  # ("Russian and Turkish servicemen" name two states by adjective)
            if self.parsed:
                before = len(self.claims)
                _DepSentence(self, sent).run()
                names = {s.label_ for s in self.spans if sent.start <= s.start < sent.end}
                if len(self.claims) == before and len(names) >= 2:
                    # The parse found nothing between two named actors: it may be a misparse
                    # (headline style, unknown names), so read the token order as well.
                    SequenceSentence(self, sent).run()
                elif len(names) >= 3:
                    # Names the parse left out of every claim may still be in one the token
                    # order shows; pairs the parse already related are left alone.
                    related = {frozenset((c["source"], c["target"])) for c in self.claims[before:]}
                    related |= self.covered
                    mark = len(self.claims)
                    SequenceSentence(self, sent).run()
                    extra = [c for c in self.claims[mark:]
                             if frozenset((c["source"], c["target"])) not in related
                             and not ({c["source"], c["target"]} <= {x for pair in related
                                                                    for x in pair})]
                    self.keep_claims(mark, extra)
            else:
                SequenceSentence(self, sent).run()
            MemberLists(self, sent).run()
            CoordinatedActs(self, sent).run()
            self.truce_of_the_fight(sent, sentence_mark)
            nested = {frozenset((c["source"], c["target"])) for c in self.claims[sentence_mark:]
                      if c["type"] == MEMBERSHIP.value and not c["negated"]}
            if nested:
                # "the SDF and its components, the YPG and YPJ, repelled ...": a group and its
                # own member run no joint operation
                self.keep_claims(sentence_mark, [
                    c for c in self.claims[sentence_mark:] if not (
                        c["type"] == JOINT.value
                        and frozenset((c["source"], c["target"])) in nested)])
            if self.parsed:
                implied = self.implied(sent)
                self.implied_spans += implied
                if self.pairs is not None:
                    self.learned(sent, sentence_mark, self.pairs, implied)
        if self.parsed:
            self.doc.spans[IMPLIED_KEY] = self.implied_spans
        self.doc._.allegiance_claims = self.claims
        self.doc._.allegiance_places = self.places

    def truce_of_the_fight(self, sent: Span, mark: int) -> None:
        """"Fighting between A and B ended with a Russian-brokered truce", "the agreement halted
        the fighting between A and B", "Hezbollah announced a ceasefire in Arsal, where its
        fighters have been battling Nusra": a truce that names no parties of its own, in a
        sentence whose only fight is between one pair, is between that pair."""
        if not self.parsed:
            return
        claims = self.claims[mark:]
        if any(c["type"] == TRUCE.value for c in claims):
            return
        pairs = {frozenset((c["source"], c["target"])) for c in claims
                 if c["type"] == HOSTILITY.value}
        if len(pairs) != 1 or any(t.lower_ in _TRUCE_BREAKING for t in sent):
            return  # ("attacks despite the ceasefire", "not covered by the truce")
        fights = {c["trigger"].lower() for c in claims if c["type"] == HOSTILITY.value}
        if not any(NOUN_FORMS.get(w) in _FIGHT_NOUNS or VERB_FORMS.get(w) in _FIGHT_NOUNS
                   for w in fights):
            return  # a fight ends in a truce; a strike or a shelling is no fight
        for tok in sent:
            if NOUN_FORMS.get(tok.lower_) not in _FIGHT_ENDING_NOUNS or tok.pos_ != "NOUN":
                continue
            if tok.i in self.vetoed or _sought(tok) or any(
                c.dep_ == "det" and c.lower_ in {"any", "no"} for c in tok.children
            ) or any(c.dep_ == "prep" and c.lower_ in {"with", "between", "among"}
                     for c in tok.children):
                continue  # (a truce with its own parties was read, or not, by noun())
            if tok.i >= 2 and self.doc[tok.i - 2].lower_ == "before" and (
                self.doc[tok.i - 1].lower_ == "the"
            ):
                continue  # "in the week before the ceasefire": a date, not the truce's parties
            a, b = sorted(next(iter(pairs)))
            self.emit(TRUCE, [Ref(a, tok.i, tok.i + 1)], [Ref(b, tok.i, tok.i + 1)], tok, sent,
                      base=CONF_SEQUENCE, negated=False,
                      hedged=hedge_cue(sent) is not None)
            return

    def implied(self, sent: Span) -> list[Span]:
        """Actors ``sent`` refers to without naming them, as one-token spans labelled with the
        actor: anaphors resolved as the rules resolve them ("it", "the group", "both sides"),
        bare name heads ("the council") and state adjectives ("Turkish troops"). Only the pair
        model reads them; the rules resolve their own arguments."""
        dep = _DepSentence(self, sent)
        out: list[Span] = []
        for tok in sent:
            if tok.i in self.by_token:
                continue
            how, refs = "", []
            lower = tok.lower_
            if anaphor_number(tok) is not None or lower in DESCRIBED_PLURALS:
                how, refs = "coref", dep.resolve_anaphor(tok)
            elif tok.pos_ == "NOUN" and lower in NAME_HEADS:
                how, refs = "head", dep.name_head(tok)
            elif tok.pos_ in {"ADJ", "PROPN"} and tok.is_title:
                actor = self.gaz.adjective_actor(tok.text)
                if actor is not None:
                    how, refs = "adj", [Ref(actor, tok.i, tok.i + 1)]
            for actor in dict.fromkeys(r.actor for r in refs):
                out.append(Span(self.doc, tok.i, tok.i + 1, label=actor, kb_id=IMPLIED + how))
        return out

    def learned(self, sent: Span, mark: int, model: PairModel,
                implied: Sequence[Span] = ()) -> None:
        """Claims the pair model finds between actors of ``sent`` no rule claim joins (see
        :mod:`loaders.pairs`); ``implied`` adds the actors referred to without a name."""
        mentions = [s for s in self.spans if sent.start <= s.start < sent.end] + list(implied)
        if len({s.label_ for s in mentions}) < 2:
            return
        records = self.claims[mark:]
        related = frozenset(frozenset((r["source"], r["target"])) for r in records)
        kinds = {s.label_: kind_name(self.gaz.kind(s.label_), s.label_) for s in mentions}
        hedged: bool | None = None
        for cand in candidates(sent, mentions, records, kinds, skip=related):
            first, second = cand.first, cand.second
            found = best_class(model, cand.features)
            if found is None:
                continue
            name, _ = found
            if hedged is None:
                hedged = hedge_cue(sent) is not None
            rtype = RelationType(name.removesuffix("_fwd").removesuffix("_bwd"))
            if name.endswith("_bwd") or (rtype is HOSTILITY and acted_on_first(cand)):
                first, second = second, first
            self.emit(rtype, [_mention_ref(first)], [_mention_ref(second)],
                      cand.lca if cand.lca is not None else sent.root, sent,
                      base=CONF_LEARNED, negated=False, hedged=hedged, notes=False)

    def note_attackers(self, refs: Iterable[Ref], trigger: Token) -> None:
        """Remember who attacks in this sentence (named, not through an anaphor)."""
        named = [ref.actor for ref in refs if not ref.coref]
        if not named:
            return
        kind = attack_kind(trigger)
        index, actors = self.attackers.get(kind, (-10, []))
        if index != self.sentence_index:
            actors = []
        actors = [*actors, *(a for a in named if a not in actors)]
        self.attackers[kind] = (self.sentence_index, actors)

    def keep_claims(self, mark: int, kept: list[dict[str, Any]]) -> None:
        """Replace the claims after ``mark`` by ``kept`` (a subset), re-indexing duplicates."""
        del self.claims[mark:]
        for key, index in list(self._seen.items()):
            if index >= mark:
                del self._seen[key]
        for claim in kept:
            key = (self._sent_start, claim["source"], claim["target"], claim["type"],
                   claim["negated"])
            self._seen[key] = len(self.claims)
            self.claims.append(claim)

    # -- emission -----------------------------------------------------------------------------

    def emit(
        self,
        rtype: RelationType,
        sources: Iterable[Ref],
        targets: Iterable[Ref],
        trigger: Token,
        sent: Span,
        *,
        base: float,
        negated: bool,
        hedged: bool,
        notes: bool = True,
    ) -> None:
        """Claims from every source to every target; ``notes=False`` keeps them out of what
        coreference and later sentences remember (attackers, pairs, coalitions)."""
        targets = list(targets)
        for s in sources:
            for t in targets:
                if s.actor == t.actor:
                    continue
                src, tgt = s, t
                if not rtype.directed and tgt.actor < src.actor:
                    src, tgt = tgt, src
                conf = min(base, CONF_COREF) if (s.coref or t.coref) else base
                if hedged:
                    conf *= HEDGE_FACTOR
                key = (sent.start, src.actor, tgt.actor, rtype.value, negated)
                if key in self._seen:
                    existing = self.claims[self._seen[key]]
                    existing["confidence"] = max(existing["confidence"], round(conf, 3))
                    continue
                self._seen[key] = len(self.claims)
                if notes:
                    self._note(rtype, s, t, trigger, negated=negated)
                self.claims.append(
                    claim_record(self.doc, sent, src, tgt, rtype.value, trigger, conf,
                                 hedged=hedged, negated=negated)
                )

    def _note(self, rtype: RelationType, s: Ref, t: Ref, trigger: Token, *,
              negated: bool) -> None:
        if rtype is RelationType.MEMBERSHIP:
            self.coref.note_coalition(t.actor)
        if rtype is RelationType.HOSTILITY and not negated:
            self.note_attackers([s], trigger)
        if rtype in {RelationType.HOSTILITY, RelationType.TRUCE} and not (s.coref or t.coref):
            self.coref.note_pair(s.actor, t.actor)

    def emit_place(
        self,
        actors: Iterable[Ref],
        place: str,
        trigger: Token,
        sent: Span,
        *,
        action: PlaceAction,
        base: float,
        negated: bool,
        hedged: bool,
    ) -> None:
        for ref in actors:
            key = (sent.start, ref.actor, place, action.value)
            if key in self._seen:
                continue
            self._seen[key] = -1
            conf = (CONF_COREF if ref.coref else base) * (HEDGE_FACTOR if hedged else 1.0)
            record = claim_record(self.doc, sent, ref, None, "", trigger, conf,
                                  hedged=hedged, negated=negated)
            record.pop("target")
            record.pop("type")
            record["actor"] = record.pop("source")
            record["place"] = place
            record["action"] = action.value
            self.places.append(record)


def claim_record(
    doc: Doc,
    sent: Span,
    source: Ref,
    target: Ref | None,
    rtype: str,
    trigger: Token,
    confidence: float,
    *,
    hedged: bool,
    negated: bool,
) -> dict[str, Any]:
    """A claim as plain data: actor ids, flags, sentence character span and mention spans.

    Mention offsets are document character offsets; :mod:`loaders.extract` makes them relative
    to the sentence. Names of discovered actors travel in ``names``.
    """
    mentions = []
    names: dict[str, str] = {}
    for ref in (source, target):
        if ref is None:
            continue
        span = doc[ref.start:ref.end]
        mentions.append([ref.actor, span.start_char, span.end_char, span.text])
        if ref.actor.startswith("new:") and not ref.coref:
            names[ref.actor] = span.text
    return {
        "source": source.actor,
        "target": target.actor if target else "",
        "type": rtype,
        "confidence": round(confidence, 3),
        "hedged": hedged,
        "negated": negated,
        "trigger": trigger.text,
        "sent_start": sent.start_char,
        "sent_end": sent.end_char,
        "mentions": mentions,
        "names": names,
    }


def _mention_ref(span: Span) -> Ref:
    """The argument a named or implied mention (see ``DocRelations.implied``) stands for."""
    return Ref(span.label_, span.start, span.end, coref=is_implied(span))


# -- dependency-based -------------------------------------------------------------------------


class _DepSentence:
    def __init__(self, ctx: DocRelations, sent: Span) -> None:
        self._resolving: set[int] = set()
        # tokens a rule has shown to stand alone, not with their conjuncts ("A and B, which
        # absorbed ...": B only)
        self.solo: set[int] = set()
        self.ctx = ctx
        self.sent = sent
        self.doc = ctx.doc
        self.hedge = hedge_cue(sent)

    # argument resolution

    def actors_at(self, tok: Token, depth: int = 0) -> list[Ref]:
        """Actors a single argument token names (its mention, modifiers, proxies, anaphora)."""
        ref = self.ctx.by_token.get(tok.i)
        if ref is not None:
            return [ref, *self._slashed(ref)]
        if depth > 3:
            return []
        if (tok.pos_ == "ADJ" or (tok.pos_ == "PROPN" and tok.conjuncts)) and (
            tok.dep_ in {"nsubj", "conj", "dobj", "pobj"} or (
            depth > 0 and tok.dep_ == "compound"  # "Russian Sukhoi jets"
        )):
            # "Turkish and American troops": the adjective stands for its own troops
            actor = self.ctx.gaz.adjective_actor(tok.text)
            if actor is not None:
                return [Ref(actor, tok.i, tok.i + 1)]
        out: list[Ref] = []
        for child in tok.children:
            if (child.dep_ in {"compound", "nmod", "poss", "amod"} or (
                child.dep_ == "nummod" and child.i in self.ctx.by_token  # a merged name
            )) and child.i < tok.i:                                      # read as a number
                out += self.actors_at(child, depth + 1)
                if out:
                    # "U.S. and British forces": the coordinated modifiers name states too
                    for other in child.conjuncts:
                        actor = self.ctx.gaz.adjective_actor(other.text)
                        if actor is not None:
                            out.append(Ref(actor, other.i, other.i + 1))
                        elif other.i in self.ctx.by_token:
                            out.append(self.ctx.by_token[other.i])
                if not out and child.lower_ == "whose" and tok.head.dep_ == "relcl" and (
                    tok.lower_ in PROXY_NOUNS
                ):
                    # "the SAA, whose units had gone on the offensive": the relative's anchor
                    out += self.actors_at(tok.head.head, depth + 1)
                if (not out and child.dep_ == "poss" and tok.dep_ in {"nsubj", "nsubjpass",
                                                                       "dobj", "pobj"}
                        and tok.lower_ in PROXY_NOUNS):
                    # "X announced that its fighters had destroyed ...": the owner's pronoun
                    out += self.resolve_anaphor(child)
        if not out and (child_adjectives(tok) or tok.pos_ in {"NOUN", "PROPN"}) and (
            tok.lower_ not in NON_STATE_NOUNS  # ("Iraqi militias", "Syrian rebels": not states)
        ):
            # "Russian air power", "Turkish shelling": a nationality adjective names the state
            for child in tok.children:
                if child.dep_ in {"amod", "compound"}:
                    # "Turkish and Russian units": each coordinated adjective names a state
                    for adj in (child, *child.conjuncts):
                        actor = self.ctx.gaz.adjective_actor(adj.text)
                        if actor:
                            out.append(Ref(actor, adj.i, adj.i + 1))
                        elif adj.i != child.i and adj.i in self.ctx.by_token and out:
                            out.append(self.ctx.by_token[adj.i])  # "Turkish and FSA forces"
        if not out and (tok.lower_ in PROXY_NOUNS or tok.lower_ in QUANTITY_NOUNS
                        or _noun_family(tok) == "hostility"
                        or tok.lower_ in ATTEMPT_NOUNS):
            # "positions of ISIS", "an assault by Daesh", "positions held by the YPG"
            for child in tok.children:
                if child.dep_ == "prep" and (child.lower_ in {"of", "from", "belonging", "loyal",
                                                              "by"} or (
                    child.lower_ == "for" and tok.lower_ in SPOKESMEN  # "negotiators for X"
                )):
                    for pobj in _pobjs(child):
                        items = [pobj, *pobj.conjuncts]
                        if pobj.i in self.ctx.by_token:
                            # "remnants of A, the B movement and C": a list the parser reads
                            # as an apposition chain
                            for appos in (c for c in pobj.children if c.dep_ == "appos"
                                          and c.i in self.ctx.by_token):
                                items += [t for t in (appos, *appos.conjuncts)
                                          if t not in items and t.i in self.ctx.by_token]
                        for item in items:
                            if item is pobj or not _former_name(item):  # ("X, the former Y")
                                out += self.actors_at(item, depth + 1)
                if child.dep_ == "acl" and child.lower_ in {"belonging", "belonged"}:
                    # "checkpoints belonging to Suqour al-Sham"
                    for pobj in (p for c in child.children if c.dep_ == "prep"
                                 and c.lower_ == "to" for p in _pobjs(c)):
                        for item in (pobj, *pobj.conjuncts):
                            out += self.actors_at(item, depth + 1)
                if child.dep_ == "acl" and child.lower_ in {"held", "controlled", "occupied",
                                                            "manned", "run", "led"}:
                    for agent in child.children:
                        if agent.dep_ == "agent":
                            for pobj in _pobjs(agent):
                                for item in (pobj, *pobj.conjuncts):
                                    out += self.actors_at(item, depth + 1)
        if not out and depth == 0 and tok.lower_ in {"forces", "groups", "factions", "militias",
                                                     "units", "fighters"} and any(
            c.dep_ == "amod" and c.lower_ in {"allied", "supporting", "friendly", "auxiliary"}
            for c in tok.children
        ):
            # "backed by allied forces including fighters of Hezbollah": the listed ones
            out += self.refs([p for c in tok.children if c.dep_ == "prep"
                              and c.lower_ in {"including", "like"} for p in _pobjs(c)])
        if not out and tok.lower_ in {"allies", "proxies", "partners", "brothers", "comrades"}:
            # "Turkish troops and their allies in the Syrian National Army"
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in {"in", "from"}:
                    for pobj in _pobjs(child):
                        out += self.actors_at(pobj, depth + 1)
        if not out and (tok.lower_ in PROXY_NOUNS or tok.lower_ in MEMBER_PLURALS):
            # "clashes with the Nusra-led factions": the leading group stands for them
            for child in tok.children:
                if child.lower_ == "led" and child.i >= 2 and child.i < tok.i and (
                    self.doc[child.i - 1].text in "-‐–"
                ):
                    lead = self.ctx.by_token.get(child.i - 2)
                    if lead is not None:
                        out.append(lead)
        if not out and tok.pos_ == "NOUN":
            # "an alliance of rebel groups known as Jaish al-Fateh"
            for child in tok.children:
                if child.dep_ == "acl" and child.lower_ in NAMING_PARTICIPLES and not any(
                    c.lower_ in {"formerly", "previously", "once"} for c in child.children
                ):  # ("the group formerly known as X" is someone else now)
                    out += self.refs([p for c in child.children if c.dep_ == "prep"
                                      and c.lower_ == "as" for p in _pobjs(c)]
                                     + [c for c in child.children if c.dep_ == "oprd"])
        if not out and tok.lower_ in {"alliance", "coalition"}:
            # "fighting between X and an alliance of A and B"
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in {"of", "between"}:
                    out += self.refs(_pobjs(child))
        if not out:
            for child in tok.children:
                if child.dep_ == "appos":
                    out += self.actors_at(child, depth + 1)
        if not out and depth <= 1 and tok.lower_ in NAME_HEADS:
            out = self.name_head(tok)
        if not out and depth == 0:
            out = self.resolve_anaphor(tok)
        return out

    def name_head(self, tok: Token) -> list[Ref]:
        """"the council", "the room's members", "this division": the last actor named in the
        report with that word in its name ("the Manbij Military Council ... the council's
        fighters"). Only a bare definite noun: "the military council of Aleppo" names its own."""
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in tok.children):
            return []
        if any(c.dep_ in {"compound", "amod", "nmod", "appos", "prep", "acl", "relcl"}
               for c in tok.children):
            return []
        word = tok.lower_
        for span in reversed(self.ctx.spans):
            if span.start >= tok.i:
                continue
            if word in span.text.lower().replace("-", " ").split() or (
                word in self.ctx.gaz.actor(span.label_).name.lower().split()
                if span.label_ in self.ctx.gaz else word in span.label_.split("-")
            ):
                return [Ref(span.label_, tok.i, tok.i + 1, coref=True)]
        return []

    def _slashed(self, ref: Ref) -> list[Ref]:
        """Actors written together with a slash ("PKK/YPG", "YPG/YPJ") are both meant."""
        out = []
        for k in (ref.start - 2, ref.end + 1):
            between = ref.start - 1 if k < ref.start else ref.end
            if 0 <= k < len(self.doc) and 0 <= between < len(self.doc) and (
                self.doc[between].text == "/"
            ):
                other = self.ctx.by_token.get(k)
                if other is not None and other.actor != ref.actor:
                    out.append(other)
        return out

    def resolve_anaphor(self, tok: Token) -> list[Ref]:
        # A pronoun inside the phrase it is being resolved through ("their" in "fighters of
        # their units ...") must not send the resolution round in a circle.
        if tok.i in self._resolving:
            return []
        self._resolving.add(tok.i)
        try:
            return self._resolve_anaphor(tok)
        finally:
            self._resolving.discard(tok.i)

    def _resolve_anaphor(self, tok: Token) -> list[Ref]:
        number = anaphor_number(tok)
        if number is None and tok.lower_ in DESCRIBED_PLURALS and any(
            c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in tok.children
        ) and any(c.dep_ == "amod" and self.ctx.gaz.described_by(_modifier_text(c))
                  for c in tok.children):
            # "the Kurdish-led forces": a described force is the one actor it fits
            forces: set[str] | None = None
            for c in tok.children:
                if c.dep_ == "amod" and c.lower_ not in _PLAIN_ANAPHOR_ADJECTIVES and (
                    not _backer_epithet(c)
                ):
                    fit = self.ctx.gaz.described_by(_modifier_text(c)) or set()
                    forces = fit if forces is None else forces & fit
            found = self.ctx.coref.resolve_described(forces or set())
            return [Ref(a, tok.i, tok.i + 1, coref=True) for a in found]
        if number is None:
            return []
        if tok.lower_ in NOUN_DESCRIPTORS:
            # "the party", "the organisation": only an actor the gazetteer describes so
            fitting = self.ctx.gaz.described_by(tok.lower_) or set()
            for c in tok.children:
                if c.dep_ == "amod" and c.lower_ not in _PLAIN_ANAPHOR_ADJECTIVES and (
                    not _backer_epithet(c)
                ):
                    fitting &= self.ctx.gaz.described_by(_modifier_text(c)) or set()
            found = self.ctx.coref.resolve_described(fitting)
            return [Ref(a, tok.i, tok.i + 1, coref=True) for a in found]
        if number == "plural" and tok.lower_ in {"two", "both", "sides"}:
            # "A and B fell out in 2014, yet the two now share command": a pair named
            # earlier in this very sentence
            pair = self.coordinated_before(tok.i)
            if len(pair) == 2:
                return [Ref(a, tok.i, tok.i + 1, coref=True) for a in pair]
        plural_pronoun = tok.lower_ in {"they", "their", "them"}
        controller = self.object_controller(tok)
        if controller:
            return [Ref(r.actor, tok.i, tok.i + 1, coref=True) for r in controller[:1]]
        if (number == "singular" and tok.lower_ in {"it", "its"}) or plural_pronoun:
            # "ISIS said it attacked ...": the subject of a governing clause in this sentence.
            # A pronoun is never its own clause's subject ("X, which supports it"), so start
            # one clause up.
            node = tok.head
            while tok.dep_ != "poss" and node.pos_ not in {"VERB", "AUX"} and node.dep_ in {
                "prep", "pobj", "dobj"
            } and node.head.i != node.i:
                node = node.head  # "A and B merged into it": the clause of "merged" (a
                # possessive may still be its own clause's subject: "X escalated its attacks")
            if node.head.i != node.i:
                node = node.head
            for _ in range(10):
                for child in node.children:
                    if (child.dep_ in {"nsubj", "nsubjpass"} and child is not tok
                            and child.i < tok.i and child.lower_ not in WH_WORDS):
                        if plural_pronoun and child.tag_ == "NN" and (
                            child.i not in self.ctx.by_token
                        ):
                            continue  # "a Turkish drone struck their position": not the drone
                        refs = self.actors_at(child, 1)
                        if plural_pronoun:
                            # "Zenki fighters withdrew to Afrin, where they will join ...":
                            # the governing subject of this sentence, not an earlier group
                            if len(refs) == 1 and not child.conjuncts:
                                return [Ref(refs[0].actor, tok.i, tok.i + 1, coref=True)]
                            group = self.refs([child])
                            if len(group) >= 2:
                                if any(t.lower_ == "including" for t in child.subtree):
                                    return []  # "A and factions, including B, said they ...":
                                    # who pairs with whom is not clear: leave it unresolved
                                return [Ref(r.actor, tok.i, tok.i + 1, coref=True)
                                        for r in group]
                            continue
                        if not refs and child.lower_ not in {"it", "its"}:
                            refs = self.resolve_anaphor(child)  # "The alliance ... it"
                        if refs:
                            return [Ref(r.actor, tok.i, tok.i + 1, coref=True) for r in refs[:1]]
                if node.head.i == node.i:
                    break
                node = node.head
        epithets = [c for c in tok.children
                    if (c.dep_ == "amod" or (c.dep_ == "compound" and c.text[:1].isupper()))
                    and c.lower_ not in _PLAIN_ANAPHOR_ADJECTIVES and not _backer_epithet(c)]
        if tok.pos_ == "NOUN" and epithets:
            # an epithet ("the Shiite movement", "the jihadist group") resolves only among the
            # actors the gazetteer describes so; an unknown description stays unresolved
            described: set[str] | None = None
            for word in epithets:
                fits = self.ctx.gaz.described_by(_modifier_text(word))
                if fits is None:
                    return []
                described = fits if described is None else described & fits
            found = self.ctx.coref.resolve(tok, among=described or set())
            return [Ref(a, tok.i, tok.i + 1, coref=True) for a in found]
        verb = tok.head
        prefer = VERB_FORMS.get(verb.lower_) in {"include", "comprise", "incorporate",
                                                 "encompass", "consist", "bring", "unify",
                                                 "make", "compose", "form"}
        actors = self.ctx.coref.resolve(tok, prefer_coalition=prefer)
        return [Ref(a, tok.i, tok.i + 1, coref=True) for a in actors]

    def coordinated_before(self, i: int) -> list[str]:
        """The last set of coordinated actor names before token ``i`` in this sentence."""
        group: list[str] = []
        for t in self.doc[self.sent.start:i]:
            ref = self.ctx.by_token.get(t.i)
            if ref is None or t.dep_ == "conj":
                continue
            named = list(dict.fromkeys([ref.actor, *(self.ctx.by_token[c.i].actor
                                                     for c in t.conjuncts
                                                     if c.i in self.ctx.by_token and c.i < i)]))
            if len(named) >= 2:
                group = named
        return group

    def object_controller(self, tok: Token) -> list[Ref]:
        """"Ankara urged Washington to end its support": in a clause under an object-control
        verb, a possessive pronoun is the object's, not the subject's."""
        if tok.dep_ != "poss":
            return []
        node = tok.head
        for _ in range(4):
            if node.dep_ == "xcomp" and node.head.lower_ in CONTROL_VERBS:
                return self.refs([c for c in node.head.children if c.dep_ == "dobj"])
            if node.head.i == node.i:
                return []
            node = node.head
        return []

    def expand(self, tok: Token) -> list[Token]:
        """The token, its conjuncts, and the items of "groups such as A and B"."""
        if tok.i in self.solo:
            return [tok]
        out: list[Token] = []
        for t in _coordinated(tok):
            listed = False
            if t.lower_ in GROUP_WORDS or (t.lower_ in {"groups", "factions"}):
                for child in t.children:
                    if child.dep_ == "prep" and child.lower_ in {"as", "including", "like"}:
                        for pobj in _pobjs(child):
                            out += _coordinated(pobj)
                            listed = True
                if not listed:
                    # "Iraqi militias such as X", the "such as" hung on another word
                    found = [self.doc[r.end - 1] for r in self.listed_after(t)]
                    out += found
                    listed = bool(found)
            if listed and not any(c.dep_ in {"compound", "poss"} and c.i in self.ctx.by_token
                                  for c in t.children):
                continue  # "Iraqi militias such as Kataib Sayyid al-Shuhada": the listed ones,
            if t.dep_ != "cc":  # not the state an adjective of the group noun names
                out.append(t)
        for t in list(out):
            for child in t.children:
                if child.dep_ == "prep" and child.lower_ == "including":
                    for pobj in _pobjs(child):
                        out += _coordinated(pobj)
                if child.dep_ == "appos" and self.ctx.by_token.get(t.i) is not None:
                    # "A, formerly al-Qaeda's branch, as well as B and C": the list goes on
                    # after the aside, but the parser hangs it on the aside
                    out += [c for c in child.conjuncts
                            if self.ctx.by_token.get(c.i) is not None]
        # Long lists of names break the parser's conj chains; names separated only by commas
        # and "and" are one list whatever the parse says.
        for t in list(out):
            out += self.list_run(t)
        return [t for t in out if t.i == tok.i or not _former_name(t)]  # ("the former X")

    def list_run(self, tok: Token) -> list[Token]:
        ref = self.ctx.by_token.get(tok.i)
        if ref is None:
            return []
        mentions = [s for s in self.ctx.spans
                    if self.sent.start <= s.start and s.end <= self.sent.end]
        index = next((k for k, s in enumerate(mentions) if s.start == ref.start), None)
        if index is None:
            return []
        run = [mentions[index]]
        for step in (-1, 1):
            k = index
            while 0 <= k + step < len(mentions):
                a, b = (mentions[k + step], mentions[k]) if step < 0 else (
                    mentions[k], mentions[k + step])
                gap = self.doc[a.end:b.start]
                if not gap or not all(g.lower_ in _LIST_GLUE for g in gap) or not any(
                    g.text in {",", "and"} for g in gap
                ) or _former_name(self.doc[mentions[k + step].end - 1]):
                    break
                k += step
                run.append(mentions[k])
        if len(run) < 3:
            return []  # two names need the parse's word that they are coordinated
        return [self.doc[s.end - 1] for s in run]

    def refs(self, tokens: Iterable[Token]) -> list[Ref]:
        out: list[Ref] = []
        seen: set[str] = set()
        for tok in tokens:
            for t in self.expand(tok):
                for ref in self.actors_at(t):
                    if ref.actor not in seen:
                        seen.add(ref.actor)
                        out.append(ref)
        return out

    # clause structure

    def actor_aux(self, v: Token) -> list[Token]:
        """"The SDF and IS reached a deal", "IS fighters entered": the model reads the name
        "IS" as the verb "is"; an auxiliary that is an actor mention is a subject."""
        return [c for c in v.children if c.dep_ in {"aux", "auxpass"}
                and self.ctx.by_token.get(c.i) is not None]

    def passive(self, v: Token) -> bool:
        if self.actor_aux(v) and not any(c.dep_ == "auxpass" and self.ctx.by_token.get(c.i) is None
                                         for c in v.children):
            return False
        if any(c.dep_ in {"nsubjpass", "auxpass"} for c in v.children):
            return True
        if v.tag_ in {"VBN", "VBD"} and any(c.dep_ == "agent" for c in v.children):
            # "as government forces backed by Russian jets press ...": a participle with a
            # "by" agent is passive even when the parser calls its noun a subject
            return True
        if v.dep_ == "acl" and self.misparsed_active(v):
            return False
        if (v.dep_ == "conj" and v.tag_ == "VBN" and v.head.i != v.i
                and any(c.dep_ in {"nsubjpass", "auxpass"} for c in v.head.children)):
            # "is trained and funded by Turkey": the second participle shares the passive
            return not any(c.dep_ in {"nsubj", "aux"} for c in v.children)
        if any(c.dep_ == "nsubj" for c in v.children):
            return False  # "the fact that the coalition has carried out strikes" (an "acl")
        return v.dep_ == "acl" and v.tag_ == "VBN"

    def misparsed_active(self, v: Token) -> bool:
        """"Jabhat al-Nusra allied with Jund al-Aqsa" parsed as a noun with a participle: a
        past-tense verb after an actor, with no "by" agent but an object, is active."""
        if v.tag_ not in {"VBN", "VBD"} or v.head.i != v.i - 1:
            return False
        if self.ctx.by_token.get(v.head.i) is None or v.head.dep_ != "ROOT":
            return False
        if any(c.dep_ == "agent" for c in v.children):
            return False
        return any(c.dep_ in {"dobj", "prep"} for c in v.children)

    def subject_tokens(self, v: Token, depth: int = 0) -> list[Token]:
        if depth > 5:
            return []
        if self.passive(v):
            agents = [p for c in v.children if c.dep_ == "agent"
                      for a in (c, *c.conjuncts) for p in _pobjs(a)]
            if agents:
                # "backed by X and by Y": the second "by" hangs on the participle
                agents += [p for c in v.children if c.dep_ == "conj" and c.lower_ == "by"
                           for p in _pobjs(c)]
            if not agents:
                # the agent of coordinated participles hangs on the last one
                for conj in v.conjuncts:
                    agents += [p for c in conj.children if c.dep_ == "agent" for p in _pobjs(c)]
            if not agents:
                # "cleared of PKK terrorists by the TSK and the FSA": the parser hangs the
                # agent on the prepositional object
                agents = [a for c in v.children if c.dep_ == "prep" for p in _pobjs(c)
                          for b in p.children if b.dep_ == "prep" and b.lower_ == "by"
                          for a in _pobjs(b)]
            return agents
        direct = [c for c in v.children if c.dep_ in {"nsubj", "csubj"}]
        accused = self.accused_of(v) if not direct else []
        if accused:
            return accused
        if direct and direct[0].lower_ in {"that", "who"} and v.dep_ == "ROOT":
            # "It was Nusra that routed the SRF": the cleft's focus is the subject
            focus = [a for c in v.children if c.dep_ == "ccomp" and c.pos_ == "AUX"
                     and any(s.lower_ == "it" for s in c.children if s.dep_ == "nsubj")
                     for a in c.children if a.dep_ == "attr"]
            if focus:
                return focus
        if direct:
            # "Turkish forces and allied factions of the SNA took ...": the first conjunct of a
            # subject the parser cut off as a "dep"
            direct = [c for c in v.lefts if c.dep_ == "dep" and c.i in self.ctx.by_token
                      and any(cc.dep_ == "cc" and cc.lower_ == "and" for cc in c.children)
                      ] + direct
        if direct and direct[0].i > 0 and direct[0].lower_ in PROXY_NOUNS and (
            not self.actors_at(direct[0])
        ):
            # "Ahrar al-Sham fighters and JFS clashed": the owner's name hangs on the verb
            owner = self.doc[direct[0].i - 1]
            if owner.head.i == v.i and owner.dep_ in {"dep", "npadvmod"} and (
                owner.i in self.ctx.by_token
            ):
                direct = [owner, *direct]
        misread = self.actor_aux(v)
        if misread:
            direct = sorted([*direct, *misread, *(c for c in v.children if c.dep_ == "nsubjpass")],
                            key=lambda t: t.i)
        if not direct and v.dep_ == "amod" and v.head.i > v.i:
            # "The Hamza Division shelled areas held by X" parsed as the noun phrase "the
            # [Hamza Division] shelled areas": the name before the "adjective" is its subject
            direct = [c for c in v.head.children if c.i < v.i and c.i in self.ctx.by_token
                      and c.dep_ in {"nummod", "compound", "nmod", "amod", "det"}]
        if not direct:
            # A sentence-initial actor parsed as a modifier of the verb ("Russian warplanes
            # bombed ...") is its subject.
            direct = [c for c in v.lefts if c.dep_ in {"npadvmod", "dep", "nmod", "compound",
                                                       "punct"}
                      and self.ctx.by_token.get(c.i) is not None]
        if direct:
            if v.dep_ == "conj" and direct[0].lower_ in WH_WORDS:
                # "an Arab militia linked to X and which also received coalition backing": the
                # relative pronoun of a coordinated clause points at the described name
                node = v.head
                while node.dep_ in {"conj", "acl", "relcl"} and node.head.i != node.i:
                    node = node.head
                if node.dep_ == "appos" and node.i not in self.ctx.by_token:
                    node = node.head
                return [node]
            if v.dep_ == "relcl" and direct[0].lower_ in {"both", "all", "each", "either"} and (
                any(c.dep_ == "prep" and c.lower_ == "of" and any(
                    p.lower_ in {"which", "whom"} for p in _pobjs(c)) for c in direct[0].children)
            ):
                # "A and B, both of which belong to X": every coordinated name
                return [v.head, *(c for c in v.head.conjuncts if c.i < v.i)]
            if v.dep_ == "relcl" and direct[0].lower_ in WH_WORDS:
                anchor = v.head
                if (anchor.dep_ == "appos" and self.ctx.by_token.get(anchor.i) is None
                        and self.ctx.by_token.get(anchor.head.i) is not None):
                    # "Usud al-Sharqiya, an FSA faction which fights ISIS": the faction is
                    # Usud al-Sharqiya, not the FSA that names its kind
                    return [anchor.head]
                if anchor.dep_ == "attr" and self.ctx.by_token.get(anchor.i) is None and (
                    anchor.head.lemma_ == "be"
                ):
                    # "The NDF is a militia that fights alongside the army": the NDF
                    named = [c for c in anchor.head.children if c.dep_ == "nsubj"
                             and c.i in self.ctx.by_token]
                    if named:
                        return named
                last = max(anchor.conjuncts, key=lambda t: t.i, default=None)
                if last is not None and len(anchor.conjuncts) == 1 and not any(
                    t.lower_ in {"each", "jointly", "together", "both", "all", "one", "another"}
                    for t in v.subtree
                ) and last.i > anchor.i and last.i < v.i and (
                    self.doc[last.right_edge.i + 1].text == ","
                    and last.right_edge.i + 2 == direct[0].i
                    and not any(t.tag_ == "VBP" or t.lower_ in {"are", "were", "have"}
                                for t in (v, *v.children) if t.dep_ in {"ROOT", "relcl", "aux",
                                                                         "auxpass"})
                ):
                    # "between HTS and Ahrar al-Sham, which absorbed ...": a singular relative
                    # right after the last conjunct describes that one alone
                    self.solo.add(last.i)
                    return [last]
                return [v.head]
            if (v.dep_ == "conj" and v.head.pos_ in {"PROPN", "NOUN"}
                    and v.head.i < direct[0].i and any(c.lower_ == "and" for c in v.head.children)):
                # "A and B formed ..." misparsed as A <- conj formed -> nsubj B
                return [v.head, *direct]
            return direct
        head = v.head
        if head.i == v.i:
            return []
        if v.dep_ == "xcomp" and self.passive(head):
            # "X is believed to be arming Y", "X was ordered to attack Y": raising/control
            raised = [c for c in head.children
                      if c.dep_ == "nsubjpass" and c.lower_ not in WH_WORDS]
            if raised:
                return raised
        if v.dep_ == "conj" and self.passive(head) and not self.passive(v):
            # "X was established in May and brought together A and B": X is the subject
            raised = [c for c in head.children if c.dep_ == "nsubjpass"]
            if raised:
                return raised
        if v.dep_ in {"conj", "xcomp", "advcl"} and head.pos_ in {"VERB", "AUX"}:
            return self.subject_tokens(head, depth + 1)
        if v.dep_ == "xcomp" and head.dep_ == "ROOT" and head.i < v.i and (
            head.i in self.ctx.by_token
        ):
            return [head]  # "Jaysh Khalid ibn al-Walid advanced, ...": the name read as root
        if v.dep_ == "acl":
            if head.lower_ in PURPOSE_HEADS:
                node = head
                while node.dep_ in {"pobj", "prep"} and node.head.i != node.i:
                    node = node.head
                if node.pos_ in {"VERB", "AUX"}:
                    return self.subject_tokens(node, depth + 1)
                return []
            return [head]  # "ISIS fighters attacking the town"
        if v.dep_ == "relcl":
            return [head]
        if v.dep_ == "pcomp" and head.lower_ == "with":
            # "with Russian aircraft providing cover": the absolute clause's own subject,
            # which the parser hangs on "with"
            own = [c for c in head.children if c.i < v.i and c.pos_ in {"NOUN", "PROPN"}]
            if own:
                return own
        if v.dep_ == "pcomp" and head.dep_ == "prep" and (
            head.head.pos_ == "ADJ" and head.head.dep_ == "ROOT"
        ):
            return [c for c in head.head.children if c.dep_ == "nsubj"]  # "units advanced
            # after eliminating ...", "advanced" read as an adjective
        if v.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
            controller = [c for c in head.head.children if c.dep_ == "dobj"]
            if head.lower_ in {"of", "for"} and controller:
                return controller  # "accuses Washington of arming the YPG"
            return self.subject_tokens(head.head, depth + 1)
        return []

    def accused_of(self, v: Token) -> list[Token]:
        """"accused Qatar and Turkey of financing and arming X": the accused act (a hedged
        claim: the accusation is the report's cue)."""
        if v.dep_ == "conj" and v.tag_ == "VBG" and v.head.lower_ in ACCUSING_VERBS and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(p.tag_ == "VBG" for p in _pobjs(c))
            for c in v.head.children
        ):
            # "accused A of financing and arming X", with "arming" hung on "accused"
            return [c for c in v.head.children if c.dep_ == "dobj"]
        first = v
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.dep_ not in {"pobj", "pcomp"} or first.head.lower_ != "of" or (
            first.tag_ != "VBG" and v.tag_ != "VBG"
        ):
            return []
        node = first.head.head
        for _ in range(3):
            if node.lower_ in ACCUSING_VERBS and node.pos_ == "VERB":
                return [c for c in node.children if c.dep_ == "dobj"]
            if node.head.i == node.i:
                break
            node = node.head
        return []

    def relative_anchor(self, v: Token) -> Token:
        """The noun a relative or participle clause describes: its head, except a place name
        the parser took instead ("groups of Jaish al-Islam in Douma, which is funded by X")."""
        head = v.head
        if head.lower_ in TIME_NOUNS and head.dep_ == "pobj" and head.head.head.pos_ in {
            "VERB", "AUX"
        }:
            # "X was for years backed by Y": the parser hangs the participle on "years"
            subject = [c for c in head.head.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subject:
                return subject[0]
        if (v.dep_ == "relcl" and head.i not in self.ctx.by_token and head.dep_ == "pobj"
                and head.head.lower_ in {"in", "at", "near", "around"}
                and head.head.head.pos_ in {"NOUN", "PROPN"} and self.actors_at(head.head.head, 1)):
            return head.head.head
        if (head.dep_ == "appos" and head.pos_ == "NOUN" and head.i not in self.ctx.by_token
                and head.head.i in self.ctx.by_token and head.head.i < head.i):
            # "Kataib Sayyid al-Shuhada, an Iraqi militia backed by Iran": the named group,
            # not the state its description's adjective names
            return head.head
        return head

    def object_tokens(self, v: Token, preps: frozenset[str]) -> list[Token]:
        out: list[Token] = []
        if self.passive(v):
            out += [c for c in v.children if c.dep_ == "nsubjpass" and c.lower_ not in WH_WORDS]
            if not out:
                out += [c for c in v.children if c.dep_ == "nsubj" and c.lower_ not in WH_WORDS]
            if v.dep_ in {"acl", "relcl"}:
                anchor = self.relative_anchor(v)
                if anchor.dep_ != "conj" or self.actors_at(anchor, 1):
                    out.append(anchor)  # (not "Russian strikes and militias backed by Iran":
                    # the clause describes the militias alone, which name no one)
            if v.dep_ == "conj" and not out:
                out += [c for c in v.head.children if c.dep_ == "nsubjpass"]
                first = v
                while first.dep_ == "conj" and first.head.i != first.i:
                    first = first.head
                if not out and first.dep_ in {"acl", "relcl"} and first.tag_ == "VBN":
                    # "a militia recruited, funded and commanded by the IRGC": every
                    # participle describes the noun the first one hangs on
                    out.append(self.relative_anchor(first))
        else:
            out += [c for c in v.children if c.dep_ in {"dobj", "dative"}]
            if v.dep_ == "amod" and v.head.i > v.i and (
                any(c.dep_ == "nsubj" for c in v.children)
                or any(c.i < v.i and c.i in self.ctx.by_token and c.dep_ == "nummod"
                       for c in v.head.children)
            ):
                out.append(v.head)  # "jets bombed positions" misparsed as an adjective
            if v.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in WH_WORDS
                                         for c in v.children):
                # ("the SNA, the rebel coalition that Ankara has armed": the named group)
                out.append(self.relative_anchor(v))
        lemma = VERB_FORMS.get(v.lower_)
        direct = any(c.dep_ == "dobj" for c in v.children) and not self.passive(v) and (
            lemma is not None and VERBS[lemma].family == "hostility"
            and lemma not in {"exchange", "trade"})  # ("exchanged fire with X": the enemy)
        for child in v.children:
            if child.dep_ == "prep" and child.lower_ in preps and not (
                direct and child.lower_ == "with"
            ):  # "fought ISIS / the campaign with US special forces": a partner or a means
                out += _pobjs(child)
            if child.dep_ == "prt" and child.lower_ in preps:
                out += [c for c in v.children if c.dep_ == "dobj"]
        if not self.passive(v):
            # A merged actor token the parser attached oddly after the verb ("expelled
            # [Islamic State] militants" with the name as a "prep", "train the rebel group
            # [Maghawir al-Thawra]" with the name as a clause) is still its object.
            out += [c for c in v.rights if c.dep_ in {"prep", "dep", "npadvmod"}
                    and self.ctx.by_token.get(c.i) is not None]
            if not any(c.dep_ == "dobj" for c in v.children):
                out += [c for c in v.rights if c.dep_ == "ccomp" and c.pos_ == "PROPN"
                        and c.i in self.ctx.by_token]
        if not out and not self.passive(v):
            # "trained and equipped the NDF": coordinated verbs share the object
            for conj in v.children:
                if conj.dep_ == "conj" and conj.pos_ == "VERB":
                    out += [c for c in conj.children if c.dep_ == "dobj"]
        return out

    # the sentence

    def run(self) -> None:
        for tok in self.sent:
            lower = tok.lower_
            if (lower in SUPPORT_PARTICIPLES or lower in AFFILIATION_PARTICIPLES
                    or lower in ALIGNMENT_PARTICIPLES) and (
                tok.i >= 2 and self.doc[tok.i - 1].text in "-‐–"
            ):
                self.hyphen_backed(tok)
                continue
            if lower == "led" and tok.i >= 2 and self.doc[tok.i - 1].text in "-‐–":
                self.hyphen_led(tok)
            noun = tok.head
            while noun.dep_ == "compound" and noun.head.i > noun.i:
                noun = noun.head  # ("government forces and allied NDF militiamen")
            if lower in {"allied", "affiliated"} and tok.dep_ == "amod" and (
                noun.dep_ == "conj" and tok.i > 0 and self.doc[tok.i - 1].text not in "-‐–"
            ):
                # "Turkish troops and allied Syrian rebels of the FSA": the two are allies
                allies = self.actors_at(noun)
                partner = self.actors_at(noun.head, 1)[:1]
                taken = {p.actor for p in partner}
                self.emit(ALLIANCE, [r for r in allies if r.actor not in taken], partner, tok)
            if tok.tag_ == "VBG" and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj",
                                                  "advcl", "csubj"} and (
                lower in NOUN_FORMS and any(c.lower_ == "between" for c in tok.children)
            ):
                self.noun(tok, NOUN_FORMS[lower])  # "Fighting between A and B continued"
                continue
            if tok.pos_ == "VERB" and lower in SIEGE_BREAKING:
                self.broke_siege(tok)
            if lower in PARTICIPATING and tok.pos_ in {"VERB", "NOUN"}:
                self.took_part(tok)
            if tok.pos_ == "VERB" and lower in RECEIVING_VERBS:
                self.received(tok)
            elif tok.pos_ == "VERB" and lower in RELYING_VERBS:
                self.relied(tok)
            if tok.pos_ == "VERB" and lower in {"lose", "loses", "lost", "losing"}:
                self.lost_to(tok)
            if tok.pos_ == "VERB" and lower in {"count", "counts", "counted", "counting"}:
                self.counts_among(tok)
            if tok.pos_ == "VERB" and lower in {"tighten", "tightens", "tightened", "tightening"}:
                self.tightened(tok)
            if lower in {"dominated", "controlled"} and tok.dep_ in {"acl", "relcl"}:
                self.dominated(tok)  # (before "controlled" is read as a capture verb)
            if lower in {"set", "sets", "setting"} and tok.pos_ == "VERB" and any(
                c.dep_ == "prt" and c.lower_ == "up" for c in tok.children
            ):
                self.verb(tok, "establish")  # "A and B set up the X operations room"
                continue
            if tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB"):
                lemma = VERB_FORMS.get(lower)
                if lemma is not None:
                    self.verb(tok, lemma)
                    continue
            if tok.pos_ in {"NOUN", "PROPN"}:
                lemma = NOUN_FORMS.get(lower)
                if lemma is not None:
                    self.noun(tok, lemma)
            if (lower in JOINT_NOUNS or lower == "room") and (
                (lower in JOINT_NOUNS and any(c.lower_ == "joint" for c in tok.children)) or (
                    lower == "room" and any(c.lower_ == "operations" for c in tok.children)
                    and self.ctx.by_token.get(tok.i) is None)
            ):
                self.joint(tok)
            elif lower in SHARING_BODY_NOUNS and _sharing_body(tok):
                self.sharing_body(tok)  # (a "joint" one is a joint operation: joint())
            if lower in {"alongside", "beside"} or (
                lower == "with" and any(c.lower_ == "together" for c in tok.children)
            ) or (lower == "together" and any(c.lower_ == "with" for c in tok.children)) or (
                lower == "with" and (tok.head.lower_ in JOINT_WITH_HEADS or any(
                    c.lower_ in {"jointly", "together"} for c in tok.head.children))
            ):
                self.alongside(tok)
            elif lower == "together" and tok.dep_ == "advmod":
                self.together(tok)
            if lower == "under" and tok.dep_ == "prep":
                self.under_banner(tok)
                self.under_deal(tok)
            if lower == "against" and tok.dep_ == "prep":
                self.against(tok)
            if lower in CAPTURE_NOUNS and tok.pos_ == "NOUN":
                self.capture_noun(tok)
            if lower in MEMBER_PLURALS:
                self.member_list(tok)
            if lower in {"within", "inside"} and tok.dep_ == "prep":
                self.within(tok)
            elif lower == "in" and tok.dep_ == "prep":
                self.in_room(tok)
            if lower in {"merger", "unification", "amalgamation"}:
                self.merger(tok)
            if lower in _CORE_NOUNS and tok.dep_ == "nsubj" and any(
                c.dep_ == "poss" and c.lower_ == "whose" for c in tok.children
            ):
                self.whose_core(tok)
            if lower in _MEMBER_WORDS and tok.dep_ == "attr" and tok.head.dep_ == "relcl":
                self.of_which_member(tok)
            if lower == "exchange" and tok.pos_ == "NOUN" and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(
                    p.lower_ in EXCHANGED_FIRE for p in _pobjs(c)) for c in tok.children
            ):
                self.noun(tok, "clash")  # "an exchange of fire between A and B"
            if lower == "embedded" and tok.pos_ == "VERB":
                self.embedded(tok)
            if lower in SHARE_NOUNS and tok.dep_ in {"dobj", "attr"} and (
                tok.head.lower_ in _SHARE_VERBS
            ):
                self.share_of(tok)
            ref = self.ctx.by_token.get(tok.i)
            if ref is not None and tok.i == ref.end - 1:
                self.its_epithet(tok, ref)
                self.of_parent(tok, ref)
                self.named_within(tok, ref)
                self.possessed_unit(tok, ref)
                self.pro_prefix(ref)
            if tok.dep_ == "appos" and lower in COALITION_NOUNS | set(NOUNS):
                self.appos(tok)
            if (tok.dep_ in {"appos", "attr"} or any(
                c.dep_ == "appos" and c.i in self.ctx.by_token for c in tok.children
            ) or (
                tok.dep_ == "conj" and RELATION_EPITHETS.get(lower, (None,))[0] is SUPPORT
            ) or (tok.dep_ == "conj" and tok.head.dep_ == "appos" and tok.head.pos_ == "NOUN"
                  and tok.head.i not in self.ctx.by_token)) and lower in RELATION_EPITHETS:
                self.epithet(tok)
            elif lower in {"ally", "allies", "partner", "partners"} and tok.dep_ in {
                "dobj", "conj"
            }:
                self.named_allies(tok)
            if lower in {"entered", "enter", "enters", "entering"} and tok.pos_ == "VERB" and any(
                self.is_place(o) for o in tok.children if o.dep_ == "dobj"
            ):
                # "Turkish troops and allied rebels of the FSA entered Afrin": together
                self.co_actors(tok, self.refs(self.subject_tokens(tok)))
            if lower == "loyal" and tok.dep_ in {"amod", "acl"} and tok.head.i < tok.i:
                # "militias loyal to the Assad regime, including the NDF": allies of it
                lord_tokens = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                               for p in _pobjs(c)]
                lords = [r for p in lord_tokens for r in self.actors_at(p)][:1]
                listed = [p for t in (tok.head, *lord_tokens) for c in t.children
                          if c.dep_ == "prep" and c.lower_ == "including" for p in _pobjs(c)]
                loyal = [r for r in self.refs([tok.head, *listed]) if r.actor not in
                         {x.actor for x in lords}  # ("Kurdish fighters": no one named)
                         and self.ctx.gaz.adjective_actor(self.doc[r.start].text) is None
                         and not any(w.islower() for w in
                                     self.doc[r.start:r.end].text.split()[1:])]
                self.emit(ALLIANCE, loyal, lords, tok)
            if lower == "face" and tok.dep_ == "pobj" and tok.head.lower_ == "in":
                self.in_the_face_of(tok)
            if (lower == "one" or lower in {"two", "three", "four", "both"}) and tok.dep_ in {
                "appos", "attr", "conj"
            }:
                self.one_of(tok)
            if lower in RELATION_EPITHETS and tok.pos_ == "NOUN" and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in tok.children
            ):
                self.relation_of(tok)
            if lower in LEADING_PARTICIPLES and tok.dep_ == "acl":
                self.led_by(tok)
            if lower in SHARING_VERBS and tok.pos_ == "VERB" and (any(
                c.dep_ == "dobj" and c.lower_ in SHARED_THINGS for c in tok.children
            ) or (tok.dep_ in {"amod", "compound"} and tok.head.lower_ in SHARED_THINGS)):
                # "the two now share command of the operations room", "A and B shared
                # checkpoints on the road" (often parsed as a modifier of the noun)
                sharers = self.refs(self.subject_tokens(tok)) or [
                    Ref(a, tok.i, tok.i + 1) for a in self.coordinated_before(tok.i)]
                self.emit_symmetric(JOINT, sharers, tok)
            if lower == "jointly" and tok.head.pos_ in {"VERB", "AUX"}:
                # "patrolled jointly by Turkish and Russian units", "A and B jointly ran ..."
                self.emit_symmetric(JOINT, self.refs(self.subject_tokens(tok.head)), tok)
        self.note_salience()

    def flags(self, trigger: Token) -> tuple[bool, bool]:
        negated = negation_cue(trigger) is not None
        hedged = (self.hedge is not None or hedge_cue(self.sent[0:0], trigger) is not None
                  or attribution_cue(trigger) is not None or bool(self.accused_of(trigger)))
        return negated, hedged

    def emit(self, rtype: RelationType, sources: list[Ref], targets: list[Ref],
             trigger: Token) -> None:
        if not sources or not targets:
            return
        negated, hedged = self.flags(trigger)
        self.ctx.emit(rtype, sources, targets, trigger, self.sent, base=CONF_DIRECT,
                      negated=negated, hedged=hedged)

    def emit_symmetric(self, rtype: RelationType, participants: list[Ref],
                       trigger: Token) -> None:
        unique = list({r.actor: r for r in participants}.values())
        if len(unique) < 2 or len(unique) > MAX_PARTICIPANTS:
            return
        for i, a in enumerate(unique):
            self.emit(rtype, [a], unique[i + 1:], trigger)

    def verb(self, v: Token, lemma: str) -> None:
        spec = VERBS[lemma]
        family = spec.family
        if lemma == "ally" and v.dep_ == "conj" and v.i + 1 < self.sent.end and (
            self.doc[v.i - 1].lower_ == "and" and (v.i + 1) in self.ctx.by_token
        ):
            # "drove out government troops and allied NDF militiamen": an adjective the
            # parser read as a verb; the named group is allied to the conjunct before "and"
            preceding = self.ctx.by_token.get(v.i - 2)
            if preceding is not None:
                self.emit(ALLIANCE, [self.ctx.by_token[v.i + 1]], [preceding], v)
            return
        subjects = self.refs(self.subject_tokens(v))
        if family in {"hostility", "hostile_light", "capture"}:
            # "Pro-regime forces led by the Tiger Forces launched ...": the leaders act too
            for t in self.subject_tokens(v):
                for acl in t.children:
                    if acl.dep_ == "acl" and acl.lower_ in {"led", "spearheaded", "headed"}:
                        subjects += [r for r in self.refs([p for c in acl.children
                                                           if c.dep_ == "agent"
                                                           for p in _pobjs(c)])
                                     if r.actor not in {s.actor for s in subjects}]
        if subjects and family in {"support", "hostility"}:
            # "Iran, which along with Russia has backed Assad": Russia backs him too
            subjects += [r for c in v.children if c.dep_ == "prep" and c.lower_ == "with"
                         and c.i > 0 and self.doc[c.i - 1].lower_ in {"along", "together"}
                         for r in self.refs(_pobjs(c))]
        if subjects and family in {"hostility", "capture"} and not self.passive(v):
            # "The YPG, together with Burkan al-Firat, attacked ISIS", "The army, alongside
            # Hezbollah, recaptured Qusayr from the FSA": the partner fights the enemy too
            subjects += [r for r in self.refs(self.co_agent_tokens(v))
                         if r.actor not in {s.actor for s in subjects}]
        if family in {"alliance", "joins"} and self.passive(v) and not subjects:
            # "X is allied with Y", "X, affiliated to Y": a state, not a passive with an agent
            holder = [c for c in v.children if c.dep_ == "nsubjpass" and c.lower_ not in WH_WORDS]
            if not holder and v.dep_ in {"acl", "relcl"}:
                holder = [v.head]
            subjects = self.refs(holder)
            if not subjects and holder and holder[0].dep_ == "appos":
                # "the Jarablus Military Council, a small group allied to the SDF"
                subjects = self.actors_at(holder[0].head, 1)[:1]
            if subjects:
                partners = self.refs([p for c in v.children if c.dep_ == "prep"
                                      and c.lower_ in spec.preps for p in _pobjs(c)])
                rtype = ALLIANCE if family == "alliance" else MEMBERSHIP
                self.emit(rtype, subjects, partners, v)
                return
        if not subjects and family == "hostility":
            # "The first strikes hit positions of X": the attack noun's actor, stated or recent
            for t in self.subject_tokens(v):
                if _noun_family(t) == "hostility" and self.ctx.by_token.get(t.i) is None:
                    subjects = self.noun_agents(t) or self.event_agents(t)
                    if not subjects and self.passive(v):
                        # "a command post was destroyed by a precision strike"
                        subjects = self.recent_attackers("air" if attack_kind(t) == "air"
                                                         else "ground", t)
                elif any(_AIRFRAME.match(m.text) for m in (t, *t.children)
                         if m.dep_ in {"compound", "nsubj", "nsubjpass"} or m.i == t.i) or (
                    t.lower_ in AIRCRAFT_NOUNS and not self.actors_at(t)
                ):
                    # "An Su-24M destroyed a base of X", "the aircraft struck": the air force
                    # whose strikes the report follows
                    subjects = self.recent_attackers("air", t)
        if not subjects and v.dep_ == "acl" and (
            _noun_family(v.head) == "hostility" or v.head.lower_ in EVENT_NOUNS
        ):
            # "launched the campaign to liberate X": the campaign's actor acts
            subjects = self.noun_agents(v.head)
        if family == "capture" and v.tag_ in {"VBN", "VBD"} and v.dep_ in {
            "ccomp", "oprd", "xcomp"
        } and v.head.lower_ in {"declared", "declares", "declare", "announced", "announces",
                                "announce", "pronounced"} and not any(
            c.dep_ in {"aux", "auxpass", "dobj"} for c in v.children
        ) and not self.passive(v.head) and not self.refs(
            [c for c in v.children if c.dep_ == "nsubj"]
        ):  # (the place is the participle's "subject": "declared the city liberated")
            # "The SDF declared the city of Raqqa liberated from ISIS": the declarer took it
            declarers = self.refs(self.subject_tokens(v.head))
            taken_from = self.refs([p for c in v.children if c.dep_ == "prep"
                                    and c.lower_ == "from" for p in _pobjs(c)])
            self.emit(HOSTILITY, declarers, taken_from, v)
            negated, hedged = self.flags(v)
            for o in (c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}):
                for place in self.place_names(o):
                    self.ctx.emit_place(declarers, place, v, self.sent,
                                        action=PlaceAction.CAPTURED, base=CONF_DIRECT,
                                        negated=negated, hedged=hedged)
            return
        if family == "capture":
            self.capture(v, lemma, subjects)
            return
        if lemma == "lead" and not self.passive(v):
            # "the YPG, the Kurdish militia that leads the SDF": the leader is in the coalition
            led = [r for r in self.refs([c for c in v.children if c.dep_ == "dobj"])
                   if self.ctx.kind_of(r.actor) is ActorKind.COALITION]
            if len(led) == 1 and subjects:
                self.emit(MEMBERSHIP, [r for r in subjects if r.actor != led[0].actor], led, v)
                return
        if lemma == "make" and not self.passive(v) and any(
            c.dep_ == "prt" and c.lower_ == "up" for c in v.children
        ):
            # "A, B and other groups that make up the National Army"
            made = self.refs([c for c in v.children if c.dep_ == "dobj"]) or self.refs(
                [p for c in v.children if c.dep_ == "dobj" and c.lower_ in SHARE_NOUNS
                 for q in c.children if q.dep_ == "prep" and q.lower_ == "of"
                 for p in _pobjs(q)])  # "makes up the bulk of the SDF"
            parts = self.subject_tokens(v)
            parts += [c for t in parts for c in t.conjuncts if c not in parts]
            if len(made) == 1:
                self.emit(MEMBERSHIP, [r for r in self.refs(parts) if r.actor != made[0].actor],
                          made, v)
            return
        if lemma == "take" or lemma == "hold" or lemma == "set":
            return
        if family == "hostility":
            if lemma in {"exchange", "trade"} and not any(
                c.dep_ == "dobj" and (c.lower_ in EXCHANGED_FIRE or any(
                    m.lower_ in EXCHANGED_FIRE for m in c.children if m.dep_ == "compound"))
                for c in v.children
            ):
                return  # "exchanged prisoners": a deal, not a fight
            if lemma == "fight" and any(c.lower_ in {"alongside", "beside"} for c in v.children):
                # the partnership is alongside()'s; "fought alongside X against Y": both
                # fight Y
                partners = self.refs([p for c in v.children if c.lower_ in {"alongside",
                                                                             "beside"}
                                      for p in _pobjs(c)])
                enemies = self.refs([p for c in v.children if (c.dep_ == "prep"
                                     and c.lower_ == "against") for p in _pobjs(c)])
                # "fought Daesh alongside the army": the object is the enemy too (not a partner
                # the parser made the object: "fought alongside units such as X")
                sides = [c for c in v.children if c.lower_ in {"alongside", "beside"}]
                if all(_pobjs(c) for c in sides):
                    beside = {t.i for c in sides for t in c.subtree}
                    enemies += [r for r in self.refs([c for c in v.children if c.dep_ == "dobj"
                                                      and c.i not in beside])
                                if r.actor not in {p.actor for p in partners}]
                self.emit(HOSTILITY, subjects + partners, enemies, v)
                return
            if lemma in {"expel", "purge", "oust"} and any(
                p.lower_ in {"ranks", "membership", "alliance", "coalition", "front"}
                for c in v.children if c.dep_ == "prep" and c.lower_ == "from" for p in _pobjs(c)
            ):
                self.ctx.vetoed.add(v.i)
                return  # "expelled Jund al-Aqsa from its ranks": a split, not a fight
            if lemma == "deal" and not any(c.dep_ == "dobj" and c.lower_ in LOSS_NOUNS
                                           for c in v.children):
                return  # only "dealt a heavy defeat/blow to X"
            if lemma == "push" and not any(c.dep_ == "prt" for c in v.children) and any(
                (c.dep_ == "prep" and c.lower_ in {"towards", "toward", "for"})
                or c.dep_ == "xcomp" for c in v.children
            ):
                return  # "push Ankara and Damascus towards a deal": persuasion
            if lemma == "face" and not any(
                o.i in self.ctx.by_token or _noun_family(o) == "hostility"
                or o.lower_ in ATTEMPT_NOUNS
                for o in self.object_tokens(v, spec.preps)
            ):
                return  # "facing a US withdrawal": a predicament, not a fight
            objects = self.object_tokens(v, spec.preps)
            objects = [o for o in objects if _noun_family(o) not in {"truce", "alliance"}]
            targets = self.refs(objects)
            targets += [r for r in self.held_by(objects) if r not in targets]
            # "attacked positions of several FSA groups, including A and B": A and B too
            targets += [r for o in objects for n in (o, *(p for c in o.children
                                                         if c.dep_ == "prep" and c.lower_ == "of"
                                                         for p in _pobjs(c)))
                        if n.lower_ in MEMBER_PLURALS or n.lower_ in PROXY_NOUNS
                        for r in self.listed_after(n) if r not in targets]
            if lemma in {"strike", "hit"} and any(
                _noun_family(o) in {"truce", "alliance"} for o in objects
            ):
                return
            targets += self.refs([p for o in objects if o.lower_ in LOSS_NOUNS
                                  for c in o.children if c.dep_ == "prep"
                                  and c.lower_ in {"on", "upon", "to"} for p in _pobjs(c)])
            if not targets and any(o.lower_ in PROXY_NOUNS | QUANTITY_NOUNS for o in objects):
                # "eliminating large numbers of terrorists from A, B and C": "from" on the verb
                targets = self.refs([p for c in v.children if c.dep_ == "prep"
                                     and c.lower_ == "from" for p in _pobjs(c)
                                     if not self.is_place(p)])
            if not targets and lemma in REPELLING_VERBS:
                # "The Manbij Military Council repelled the attacks": whoever made them, named
                # with the attack or in the last sentences
                targets = [r for o in objects if _noun_family(o) == "hostility"
                           or o.lower_ in ATTEMPT_NOUNS
                           for r in (self.own_agents(o) or self.event_agents(o))]
            if lemma in {"kill", "execute", "kidnap", "abduct", "martyr"}:
                targets = [t for o in objects for t in self.proxy_targets(o)]
            if lemma in {"kill", "wound", "injure", "martyr"} and self.passive(v) and not subjects:
                # "Two Hezbollah fighters were killed in an Israeli air strike"
                for c in v.children:
                    if c.dep_ == "prep" and c.lower_ in {"in", "during", "by"}:
                        for event in _pobjs(c):
                            if _noun_family(event) == "hostility":
                                subjects += self.noun_agents(event)
            if not self.passive(v) and any(_noun_family(o) == "hostility"
                                           for o in objects):
                # "repulsed an assault by Daesh" with "by" attached to the verb
                targets += self.refs([p for c in v.children if c.dep_ == "prep"
                                      and c.lower_ == "by" for p in _pobjs(c)])
            nearby = {t.lower_ for t in v.subtree if t.i > v.i and t.i - v.i <= 5}
            if not targets and len(subjects) >= 2 and (
                lemma in {"fight", "battle", "combat", "operate", "work"}
            ) and nearby & TOGETHER_WORDS:
                self.emit_symmetric(JOINT, subjects, v)
                return
            if not targets and v.dep_ == "relcl" and any(
                p.lower_ in {"which", "whom"} for c in v.children if c.dep_ == "prep"
                and c.lower_ in {"with", "against"} for p in _pobjs(c)
            ):
                targets = self.refs([v.head])  # "ISIS, with which A and B have clashed"
            mutual = lemma in RECIPROCAL or lemma in {"exchange", "trade"} or (
                lemma in {"fight", "battle"} and nearby & MUTUAL_WORDS) or (
                lemma in {"fight", "wage"} and any(c.dep_ == "dobj" and c.lower_ in {
                    "war", "battle", "battles", "conflict", "wars"} for c in v.children)
            )  # "A and B fought a bloody war": against each other
            if not targets and mutual and len(subjects) >= 2 and not any(
                p.lower_ in WH_WORDS for c in v.children if c.dep_ == "prep"
                and c.lower_ in {"with", "against"} for p in _pobjs(c)
            ):
                # "A and B clashed": each fought the other (not "ISIS, with which A and B
                # have clashed": the relative pronoun is their enemy)
                for a in subjects:
                    self.emit(HOSTILITY, [a], [b for b in subjects if b.actor != a.actor], v)
                return
            if targets:
                # an actor is not its own side's attacker: "The army attacked factions in
                # Idlib: A and B", with the list read as an apposition to the subject
                subjects = [r for r in subjects if r.actor not in {t.actor for t in targets}
                            ] or subjects
            self.emit(HOSTILITY, subjects, targets, v)
            if subjects and not targets and not self.flags(v)[0]:
                self.ctx.note_attackers(subjects, v)  # "X attacked villages west of Manbij"
            if targets or any(self.is_place(o) or (o.pos_ == "PROPN" and o.i not in
                                                  self.ctx.by_token)
                              or _noun_family(o) == "hostility" for o in objects):
                self.co_actors(v, subjects)  # ("A and B pressed their assault on the town")
        elif family == "hostile_light":
            # "launched Operation Peace Spring against the SDF": only the "against" object
            against = [p for c in v.children if c.dep_ == "prep" and c.lower_ in spec.preps
                       for p in _pobjs(c)]
            targets = self.refs(against)
            targets += [r for r in self.held_by(against) if r not in targets]  # ("against
            # areas held by the SDF")
            self.emit(HOSTILITY, subjects, targets, v)
            if subjects and not targets and any(
                _noun_family(o) == "hostility" for o in self.object_tokens(v, frozenset())
            ):
                # "The army launched an offensive on Palmyra": the attacker of the moment,
                # for "Hezbollah also took part in the operation" ("continued strikes" are air)
                attack = next(o for o in self.object_tokens(v, frozenset())
                              if _noun_family(o) == "hostility")
                self.ctx.note_attackers(subjects, attack)
                if lemma not in {"announce", "declare"}:
                    # "the offensive was carried out by A, B and C": they fought together
                    self.co_actors(v, subjects)
        elif family == "prevent":
            objects = self.object_tokens(v, frozenset())
            if lemma in {"cease", "stop", "halt", "suspend", "end"} and len(subjects) >= 2 and any(
                _noun_family(o) == "hostility" or o.lower_ in {"actions", "fire"}
                for o in objects
            ) and not any(c.dep_ == "prep" and c.lower_ == "of" for o in objects
                          for c in o.children):
                # "Russia and Turkey agreed to cease all military actions"
                self.emit_symmetric(TRUCE, subjects, v)
                return
            opponents = self.refs([p for o in objects if o.lower_ in {
                                       "fighting", "clashes", "hostilities", "war", "battle",
                                       "battles", "fire"}
                                   for c in o.children if c.dep_ == "prep"
                                   and c.lower_ == "with" for p in _pobjs(c)])
            if lemma in {"cease", "stop", "halt", "suspend", "end"} and subjects and opponents:
                # "a deal to halt the fighting with government forces": a truce with them
                self.emit(TRUCE, subjects, opponents, v)
                return
            blocked: list[Ref] = []
            for o in objects:
                if o.lower_ in PROXY_NOUNS or _noun_family(o) == "hostility":
                    for child in o.children:
                        if child.dep_ == "prep" and child.lower_ == "of":
                            blocked += self.refs(_pobjs(child))
                        if child.dep_ in {"poss", "compound", "amod"}:
                            blocked += self.actors_at(child)
                else:
                    blocked += self.refs([o])
            self.emit(HOSTILITY, subjects, blocked, v)
        elif family == "accompany":
            # "Russian military police accompanied government forces", "vehicles escorted by
            # Shabab al-Sunna fighters": moving and acting together
            companions = self.refs(self.object_tokens(v, frozenset()))
            self.emit(JOINT, [r for r in subjects if r.actor not in {c.actor for c in companions}],
                      companions, v)
        elif family == "alliance":
            partners = self.refs(self.object_tokens(v, spec.preps))
            operational = lemma in {"coordinate", "cooperate"} and any(
                c.dep_ == "dobj" and (_noun_family(c) == "hostility" or c.lower_ in {
                    "battles", "operations", "attacks", "moves", "offensives", "defence",
                    "defense", "fire", "advance", "assault", "strikes"})
                for c in v.children
            )
            if partners and operational:
                # "was coordinating its operations / defence with X": acting together
                self.emit(JOINT, subjects, partners, v)
            elif partners:
                self.emit(ALLIANCE, subjects, partners, v)
                if lemma in {"partner", "ally", "team", "side", "cooperate"}:
                    # "which partners with the SDF against ISIS": both fight ISIS
                    self.emit(HOSTILITY, subjects + partners, self.refs(
                        [p for c in v.children if c.dep_ == "prep" and c.lower_ == "against"
                         for p in _pobjs(c)]), v)
            elif operational:
                self.emit_symmetric(JOINT, subjects, v)  # "coordinated their battles"
            elif lemma in {"ally", "unite", "team", "align", "reconcile", "cooperate",
                           "collaborate", "coordinate", "partner"}:
                self.emit_symmetric(ALLIANCE, subjects, v)
        elif family == "support":
            if v.dep_ == "amod" and v.head.i > v.i and not any(c.dep_ in {"nsubj", "agent"}
                                                               for c in v.children):
                return  # "the armed groups", "trained fighters": an adjective
            if self.passive(v) or v.dep_ == "acl":
                backed = self.object_tokens(v, frozenset())
                supported = self.refs(backed)
                if not supported and v.dep_ == "acl" and _noun_family(v.head) == "hostility":
                    backed = [v.head]
                if not supported:
                    # "The Tigers' advance was backed by Russian airstrikes", "after a battle
                    # supported by coalition strikes": the attack's own actor is backed
                    supported = [r for t in backed if _noun_family(t) == "hostility"
                                 and self.ctx.by_token.get(t.i) is None
                                 and not (t.dep_ == "pobj" and t.head.lower_ in {"to", "into"})
                                 for r in self.noun_agents(t)]  # "sent fighters to the
                # operation, backed by Turkey": who sends is not who runs the operation
                if not supported and v.dep_ == "acl":
                    supported = self.nearest_left(v.head)
                if not supported and v.dep_ == "conj" and v.head.pos_ in {"NOUN", "ADP"}:
                    # "Army units, in cooperation with X and backed by Y, liberated ...": the
                    # participle hangs on the aside; the aside's anchor is the one backed
                    node = v.head
                    for _ in range(3):
                        if node.dep_ in {"nsubj", "nsubjpass"} or node.i in self.ctx.by_token:
                            supported = self.actors_at(node, 1)
                            break
                        if node.dep_ not in {"pobj", "prep"} or node.head.i == node.i:
                            break
                        node = node.head
                if not supported and v.dep_ == "advcl" and v.head.pos_ in {"VERB", "AUX"} and (
                    v.i < v.head.i  # a trailing ", backed by X" may describe the object
                ):
                    # "Backed by Turkish artillery, NFL fighters launched ...": the main
                    # clause's subject is the one backed
                    supported = self.refs(self.subject_tokens(v.head))
            else:
                supported = self.refs(self.object_tokens(v, spec.preps))
                if not supported:
                    # "backed Syrian rebels from the Hamza Division": "from" on the verb
                    supported = self.refs([p for c in v.children if c.dep_ == "prep"
                                           and c.lower_ == "from" for p in _pobjs(c)])
                if not supported:
                    # "financing weapons purchases for FSA units": "for" on the object
                    supported = self.refs([p for o in v.children if o.dep_ == "dobj"
                                           and self.ctx.by_token.get(o.i) is None
                                           for c in o.children if c.dep_ == "prep"
                                           and c.lower_ in {"for", "to"} for p in _pobjs(c)])
                if not supported:
                    # "help the YPG fight ISIS": the helped group is the clause's subject
                    supported = self.refs([s for c in v.children if c.dep_ in {"ccomp", "xcomp"}
                                           for s in c.children if s.dep_ == "nsubj"])
            self.emit(SUPPORT, subjects, supported, v)
        elif family == "support_light":
            objects = [c for c in v.children if c.dep_ == "dobj"]
            dropped_on = [p for c in v.children if c.dep_ == "prep"
                          and c.lower_ in {"on", "upon", "over"} for p in _pobjs(c)]
            if lemma in {"drop", "airdrop"} and dropped_on and any(
                o.lower_ in BOMB_NOUNS for o in objects
            ):
                # "helicopters dropped barrel bombs on districts held by X": an attack
                targets = self.refs(dropped_on)
                targets += [r for r in self.held_by(dropped_on) if r not in targets]
                self.emit(HOSTILITY, subjects, targets, v)
                return
            if not any(_noun_family(t) == "support" or t.lower_ in ARMS_NOUNS
                       for o in objects for t in o.subtree if t.i - o.i < 8):
                return  # "sent a delegation to X" is no support
            supported = self.refs(
                [p for c in v.children if c.dep_ in {"prep", "dative"}
                 and c.lower_ in spec.preps for p in _pobjs(c)]
                + [c for c in v.children if c.dep_ == "dative" and c.pos_ != "ADP"]
            )
            if not supported:
                # "provided air support for the Syrian army": "for" hangs on the noun
                supported = self.refs([p for o in objects for c in o.children
                                       if c.dep_ == "prep" and c.lower_ in spec.preps
                                       for p in _pobjs(c)])
            if not supported:
                # "provided air support to the operation": the operation's actor, stated or
                # the attacker of the last sentences
                events = [p for c in v.children if c.dep_ in {"prep", "dative"}
                          and c.lower_ in spec.preps for p in _pobjs(c)
                          if _noun_family(p) == "hostility"]
                supported = [r for e in events
                             for r in (self.own_agents(e) or self.event_agents(e))]
            if not supported and v.dep_ == "pcomp" and v.head.lower_ == "with" and (
                v.head.head.pos_ in {"VERB", "AUX"}
            ):
                # "The SAA advanced, with Russian jets providing air cover": the clause's
                # subject is the one covered
                supported = self.refs(self.subject_tokens(v.head.head))
            self.emit(SUPPORT, subjects, supported, v)
        elif family in {"includes", "includes_passive"}:
            into = [p for c in v.children if c.dep_ == "prep" and c.lower_ in {"in", "into"}
                    for p in _pobjs(c)]
            if into and v.tag_ == "VBN" and lemma in {"group", "gather", "bring", "unify",
                                                      "incorporate"}:
                # "FSA units grouped in the Burkan al-Firat operations room": the units'
                # groups are members of the room
                grouped = [p for c in v.children if c.dep_ in {"prep", "agent"}
                           and c.lower_ == "by" for p in _pobjs(c)]
                if v.dep_ == "acl":
                    grouped.append(v.head)
                self.emit(MEMBERSHIP, self.refs(grouped), self.refs(into)[:1], v)
                return
            if self.passive(v) or v.dep_ == "acl":
                coalition = self.refs(self.object_tokens(v, frozenset()))
                members = self.refs(
                    [p for c in v.children if c.dep_ in {"prep", "agent"}
                     and c.lower_ in {"of", "by"} for p in _pobjs(c)
                     if p.lower_ not in PEOPLE_NOUNS]  # "formed by al-Qaeda loyalists"
                )
                if not members:
                    # "formed by the main factions in the province: A, B and C"
                    members = [r for c in v.children if c.dep_ in {"prep", "agent"}
                               and c.lower_ == "by" for p in _pobjs(c)
                               if p.lower_ in MEMBER_PLURALS for r in self.listed_after(p)]
                if not members and self.passive(v):
                    # "formed during the fighting by A and B": the agent hangs one level down
                    members = self.refs([p for c in v.children if c.dep_ == "prep"
                                         for q in _pobjs(c) for b in q.children
                                         if b.dep_ == "prep" and b.lower_ == "by"
                                         for p in _pobjs(b)])
                if v.dep_ == "acl" and v.tag_ == "VBG":  # "X, comprising A and B"
                    coalition = self.refs([v.head])
                    members = self.refs(self.object_tokens(v, spec.preps))
                if lemma == "absorb" and self.passive(v):
                    # "the remnants were absorbed by the Levant Front": the absorbed joined
                    coalition, members = members[:1], coalition
            elif family == "includes_passive" and lemma in FOUNDING_VERBS:
                # "JN, Ahrar al-Sham and tribal factions formed the Mujahideen Shura Council":
                # founders are members; a state that creates a force backs it
                created = self.refs([c for c in v.children if c.dep_ == "dobj"])
                states = [r for r in subjects if self.ctx.kind_of(r.actor) in {
                    ActorKind.STATE, ActorKind.FOREIGN_FORCE}]
                if len(created) > 1 and states and len(states) == len(subjects):
                    # "The Quds Force has established a network of militias, including A, B
                    # and C": a state's creations are its clients
                    self.emit(SUPPORT, states, created, v)
                    return
                if len(created) != 1:
                    return
                self.emit(SUPPORT, states, created, v)
                self.emit(MEMBERSHIP, [r for r in subjects if r not in states], created, v)
                if self.names_room([c for c in v.children if c.dep_ == "dobj"], created[0]):
                    # "A, B and C formed the X operations room": they fight together
                    self.emit_symmetric(JOINT, subjects, v)
                return
            elif family == "includes":
                if any(t.lower_ in {"they", "these", "those"} for t in self.subject_tokens(v)):
                    self.ctx.vetoed.add(v.i)
                    return  # "five factions joined X. They included A and B": the factions
                coalition = subjects
                if v.dep_ == "relcl" and not self.is_coalition(coalition):
                    # "the SDF, a coalition dominated by the YPG that also includes A and B":
                    # the relative clause hangs on the nearest noun, the coalition is higher up
                    coalition = self.enclosing_coalition(v.head) or coalition
                if not coalition and v.tag_ == "VBG":  # "X, comprising A and B" (any parse)
                    coalition = self.nearest_left(v, reach=3)
                preps = spec.preps - {"with"} if v.tag_ in {"VBN", "VBD"} else spec.preps
                members = self.refs(self.object_tokens(v, preps))  # ("units, grouped with
                # the YPG in ...": a participle the parser took for a verb)
                if v.dep_ == "relcl" and len(coalition) > 1 and self.is_coalition(coalition[:1]):
                    # "the X room, which groups A with B factions, among them C and D": the
                    # names the parser hung on the room are more of its members
                    members += [r for r in coalition[1:] if r.actor not in
                                {m.actor for m in members}]
                    coalition = coalition[:1]
            else:
                return
            if len(coalition) > 1 and members:
                # "X was formed by the factions: A, B", with the list read as an apposition
                # to X
                coalition = [r for r in coalition if r.actor not in {m.actor for m in members}]
            if len(coalition) == 1:
                self.emit(MEMBERSHIP, members, coalition, v)
                if lemma in FOUNDING_VERBS and self.passive(v) and self.names_room(
                    self.object_tokens(v, frozenset()), coalition[0]
                ):
                    self.emit_symmetric(JOINT, [m for m in members
                                                if m.actor != coalition[0].actor], v)
        elif family == "joins":
            objects = self.object_tokens(v, spec.preps)
            if lemma == "join" and self.passive(v):
                # "the army was joined by Hezbollah in the assault": fighting beside, not
                # membership
                self.emit(JOINT, subjects, self.refs(objects), v)
                return
            if lemma == "join" and any(o.lower_ == "forces" for o in objects):
                partners = self.refs(
                    [p for c in v.children if c.dep_ == "prep" and c.lower_ == "with"
                     for p in _pobjs(c)]
                )
                if partners:
                    self.emit(ALLIANCE, subjects, partners, v)
                else:
                    self.emit_symmetric(ALLIANCE, subjects, v)
                return
            if lemma == "pledge":
                objects = [p for c in v.children if c.dep_ == "prep" and c.lower_ == "to"
                           for p in _pobjs(c)]
                for o in [c for c in v.children if c.dep_ == "dobj"]:
                    objects += [p for c in o.children if c.dep_ == "prep" and c.lower_ == "to"
                                for p in _pobjs(c)]
            dobj = [c for c in v.children if c.dep_ == "dobj"]
            if v.dep_ == "amod" and v.head.i > v.i and any(c.dep_ == "nsubj" for c in v.children):
                dobj.append(v.head)  # "X merged six factions" misparsed as an adjective
            if lemma == "merge" and not self.passive(v) and len(subjects) == 1 and any(
                o.lower_ in MEMBER_PLURALS for o in dobj
            ):
                # "the Islamic Front merged seven factions: A, B and C": the merged are members
                members = self.refs(dobj) + [r for o in dobj for r in self.listed_after(o)]
                self.emit(MEMBERSHIP, [r for r in members if r.actor != subjects[0].actor],
                          subjects, v)
                return
            # "fighters of X joined Y" is not "X joined Y": only named subjects count.
            named = [r for r in subjects if r.coref or _names_subject(self.doc[r.start:r.end])]
            joined = self.refs(objects)
            colon = next((t.i for t in self.doc[v.i + 1:min(v.i + 4, self.sent.end - 1)]
                          if t.text == ":"), None)
            before = self.refs([o for o in objects if colon is not None and o.i < colon])
            if not named and colon is not None and len(before) == 1:
                # "several groups announced they were joining X: A, B and C"
                joined = before
                named = [r for r in self.names_from(colon + 1) if r.actor != joined[0].actor]
            self.emit(MEMBERSHIP, named, joined, v)

    def co_actors(self, v: Token, subjects: list[Ref]) -> None:
        """"Hezbollah and the Syrian army besieged Zabadani": named, coordinated subjects of
        one attack or capture act together (a joint operation)."""
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            return  # "formed an alliance to fight ISIS": the aim, not an operation
        named = [r for r in subjects if not r.coref]
        if not 2 <= len({r.actor for r in named}) <= 4 or len(named) != len(subjects):
            return
        subject = self.subject_tokens(v)
        heads = [t for t in subject if t.conjuncts]
        if len(subject) == 1 and not heads and subject[0].lower_ in PROXY_NOUNS:
            # "fighters of A, B and C took the town": the owners are coordinated
            heads = [p for c in subject[0].children if c.dep_ == "prep"
                     and c.lower_ in {"of", "from"} for p in _pobjs(c) if p.conjuncts]
        cut = len(subject) == 2 and subject[0].dep_ == "dep" and any(
            c.dep_ == "cc" and c.lower_ == "and" for c in subject[0].children
        )  # "Turkish forces and allied factions of the SNA took ...", the parse cut in two
        if not cut and (len(subject) != 1 or not heads or any(
            c.lower_ in {"or", "nor"} for h in heads for c in h.children if c.dep_ == "cc"
        )):
            return
        self.emit_symmetric(JOINT, named, v)

    def is_coalition(self, refs: list[Ref]) -> bool:
        return len(refs) == 1 and self.ctx.kind_of(refs[0].actor) is ActorKind.COALITION

    def enclosing_coalition(self, tok: Token) -> list[Ref]:
        """The coalition an appositive description belongs to, climbing from a noun inside it
        ("X, a coalition dominated by [the YPG] that ...") up to the coalition noun's anchor."""
        node = tok
        for _ in range(5):
            if node.dep_ == "appos" and NOUN_FORMS.get(node.lower_, node.lower_) in COALITION_NOUNS:
                found = self.actors_at(node.head, 1)
                return found[:1] if self.is_coalition(found[:1]) else []
            if node.dep_ not in {"pobj", "agent", "prep", "acl", "appos", "compound"}:
                return []
            if node.head.i == node.i:
                return []
            node = node.head
        return []

    def nearest_left(self, tok: Token, reach: int = 4) -> list[Ref]:
        """The actor named just before ``tok`` in an aside ("the SDF, mostly Kurds backed by"):
        the participle's head is a description of that actor, not an actor itself."""
        for k in range(tok.i - 1, max(self.sent.start, tok.i - reach) - 1, -1):
            t = self.doc[k]
            ref = self.ctx.by_token.get(k)
            if ref is not None:
                return [ref]
            if t.pos_ in {"VERB", "AUX"} or t.lower_ in {"and", "or", "but"}:
                return []
        return []

    def held_by(self, objects: Iterable[Token]) -> list[Ref]:
        """Holders of what an attack hits: "pounded towns held by X", "struck a depot used by
        the IRGC", "stormed a prison run by Y" (the holder is the one attacked)."""
        out: list[Ref] = []
        for o in objects:
            if self.ctx.by_token.get(o.i) is not None:
                continue
            for t in o.lefts:
                if t.lower_ in HELD_PARTICIPLES and t.i >= 2 and self.doc[t.i - 1].text in "-‐–":
                    # "shelled Nusra-held positions", "IS-controlled villages"
                    prev = self.doc[t.i - 2]
                    out += self.refs([prev]) if prev.i in self.ctx.by_token else []
            for t in o.subtree:
                if t.lower_ not in HELD_PARTICIPLES or t.dep_ not in {"acl", "relcl", "conj"}:
                    continue
                out += [r for c in t.children if c.dep_ == "agent" for r in self.refs(_pobjs(c))]
                if t.dep_ == "relcl":
                    # "the academy, which the army had held since 2012": the relative's subject
                    out += self.refs([c for c in t.children if c.dep_ == "nsubj"
                                      and c.lower_ not in WH_WORDS])
        return out

    def proxy_targets(self, o: Token) -> list[Ref]:
        if self.ctx.by_token.get(o.i) is not None:
            return self.refs([o])
        if o.lower_ in PROXY_NOUNS or o.lower_ in QUANTITY_NOUNS:
            return self.refs([o])
        return []

    def capture(self, v: Token, lemma: str, actors: list[Ref]) -> None:
        if not actors:
            return
        objects = self.object_tokens(v, frozenset({"over"}))
        expanded: list[Token] = []
        for o in objects:
            if o.lower_ in {"control", "hold", "charge", "possession"}:
                expanded += [p for c in o.children if c.dep_ == "prep" and c.lower_ in
                             {"of", "over"} for p in _pobjs(c)]
            else:
                expanded.append(o)
        took_control = any(o.lower_ in {"control", "over", "hold", "possession"} for o in objects)
        took_over = any(c.dep_ == "prt" and c.lower_ == "over" for c in v.children)
        if (lemma == "take" and not took_control and not took_over
                and not any(self.is_place(o) for o in expanded)):
            return
        if lemma == "take" and any(o.lower_ == "part" for o in objects):
            return  # "took part in the operation, from groups including A": no capture
        cleared = lemma in {"clear", "free", "purge", "cleanse", "rid"}
        taken_from = self.refs([p for c in v.children if c.dep_ == "prep" and (
                                    c.lower_ == "from" or (c.lower_ == "of" and cleared))
                                for p in _pobjs(c) if not self.is_place(p)])
        if cleared:
            # "FSA clears Jarablus of Daesh": "of" hangs on the place
            taken_from += [r for o in expanded if o.i not in self.ctx.by_token
                           for c in o.children
                           if c.dep_ == "prep" and c.lower_ == "of"
                           for r in self.refs(_pobjs(c)) if r not in taken_from]
        if lemma not in {"control", "hold"}:
            # "took over towns held by A", "liberated the centre of the district from X"
            taken_from += [r for r in self.held_by(expanded) if r not in taken_from]
            taken_from += [r for o in expanded for t in o.subtree if t.dep_ == "prep"
                           and t.lower_ == "from" and t.head.i != v.i and (
                               t.i - o.i <= 6 or (t.head.dep_ == "conj" and t.i - t.head.i <= 2))
                           # ("liberated A, B, C and 230 settlements from Daesh")
                           for r in self.refs(_pobjs(t)) if r not in taken_from]
        if taken_from and lemma not in {"control", "hold"}:
            # "liberated the countryside from ISIS": fighting the group driven out
            self.emit(HOSTILITY, actors, taken_from, v)
        if v.dep_ in {"acl", "advcl"} and any(c.dep_ == "aux" and c.lower_ == "to"
                                              for c in v.children):
            return  # "a campaign to liberate X": the aim, not a capture
        negated, hedged = self.flags(v)
        action = PlaceAction.CONTROLS if lemma in {"control", "hold"} else PlaceAction.CAPTURED
        if action is PlaceAction.CAPTURED and (taken_from or any(
            self.place_names(o) or o.lower_ in {"positions", "position", "areas", "area"}
            for o in expanded
        )):
            self.co_actors(v, actors)  # ("A and B liberated the centre of X from C")
        for o in expanded:
            if o.lower_ in PERSON_PROXIES and lemma in {"capture", "seize"}:
                self.emit(HOSTILITY, actors, self.refs([o]), v)
                continue
            if o.lower_ in POSITION_NOUNS and self.ctx.by_token.get(o.i) is None:
                # "overran positions of several FSA factions": fighting their holders
                self.emit(HOSTILITY, actors, self.actors_at(o), v)
                continue
            for place in self.place_names(o):
                self.ctx.emit_place(actors, place, v, self.sent, action=action,
                                    base=CONF_DIRECT, negated=negated, hedged=hedged)

    def is_place(self, o: Token) -> bool:
        if self.ctx.by_token.get(o.i) is not None:
            return False  # an actor mention the tagger also calls a place ("Daesh" as GPE)
        return o.lower_ in PLACE_NOUNS or o.ent_type_ in {"GPE", "LOC", "FAC"}

    def place_names(self, o: Token) -> list[str]:
        """Proper names of the places an object token stands for."""
        out: list[str] = []
        for t in (o, *o.conjuncts):
            if t.lower_ in PLACE_NOUNS:
                named = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                         for p in _pobjs(c)]
                for p in named:
                    for q in (p, *p.conjuncts):
                        if q.pos_ == "PROPN" or q.ent_type_:
                            out.append(_proper_name(q))
                if not named:
                    comp = [c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
                    if comp:
                        out.append(" ".join(_proper_name(c) for c in comp))
            elif (t.pos_ == "PROPN" or t.ent_type_ in {"GPE", "LOC", "FAC"}) and (
                self.ctx.by_token.get(t.i) is None
            ):
                out.append(_proper_name(t))
        return [p for p in out if p and p[:1].isupper()]

    def noun(self, n: Token, lemma: str) -> None:
        family = NOUNS[lemma]
        if family == "hostility":
            if n.head.lower_ in {"of", "in"} and n.head.head.lower_ in {
                "cessation", "end", "halt", "pause", "suspension", "lull"
            }:
                return  # ("a pause in the offensive": the truce noun's to read)
            verb = n.head.head if n.dep_ == "pobj" else n
            if verb.pos_ == "VERB" and self.passive(verb) and VERB_FORMS.get(verb.lower_) in (
                FOUNDING_VERBS
            ) and not any(c.dep_ == "agent" for c in verb.children):
                return  # "formed during the fighting by A and B": the founders, not fighters
            if n.dep_ == "compound" and n.head.lower_ in {"cessation", "truce", "ceasefire"}:
                return
            if any(c.dep_ == "det" and c.lower_ == "any" for c in n.children):
                return  # "would treat any attack on the groups as an attack on itself"
            if any(c.lower_ == "joint" for c in n.children) and lemma not in NEEDS_TARGET:
                pass
            targets: list[Ref] = []
            between: list[Ref] = []
            allied: list[str] = []
            preps = list(n.children)
            preps += [conj for c in n.children if c.dep_ == "prep" for conj in c.conjuncts
                      if conj.dep_ == "conj" and conj.pos_ == "ADP"]
            if n.dep_ == "dobj" and n.head.pos_ == "VERB" and n.head.lower_ in {
                "carried", "carries", "carry", "carrying", "conducted", "conducts", "conduct",
                "launched", "launches", "launch", "mounted", "staged", "executed"
            }:
                # "carried out a strike last month on X's position": "on" hangs on the verb
                preps += [c for c in n.head.children if c.dep_ == "prep" and c.i > n.i
                          and c.lower_ in {"on", "upon", "against"}]
            if n.dep_ == "nsubj" and n.head.pos_ in {"VERB", "AUX"}:
                # "clashes continued in X between A and B": "between" hangs on the verb
                preps += [c for c in n.head.children if c.lower_ in {"between", "among"}]
            for child in preps:
                if child.dep_ == "prep" and child.lower_ in {"between", "among"}:
                    between += self.refs(_pobjs(child))
                    # a side that is "an alliance of A and B" fights as one
                    allied += [r.actor for p in _pobjs(child) for t in self.expand(p)
                               if t.lower_ in {"alliance", "coalition"}
                               for r in self.actors_at(t)]
                elif child.dep_ == "prep" and child.lower_ in HOSTILE_PREPS:
                    if child.lower_ == "of" and lemma not in {"siege", "bombardment",
                                                              "shelling", "bombing"}:
                        continue
                    targets += self.refs(_pobjs(child))
                    # "the assault on the academy, which the army had held"
                    targets += [r for r in self.held_by(_pobjs(child)) if r not in targets]
                elif child.dep_ == "acl" and child.lower_ in {"targeting", "against"}:
                    targets += self.refs([c for c in child.children if c.dep_ == "dobj"])
            if len(between) == 1:
                # "clashes between X and an alliance of A and B", with the conjunct misplaced
                for conj in n.conjuncts:
                    if conj.lower_ in {"alliance", "coalition"}:
                        found = self.actors_at(conj)
                        between += found
                        allied += [r.actor for r in found]
            if len(between) == 1:
                # "between X on one side and Y on the other": the parse loses Y
                k = between[0].end
                while k < self.sent.end and self.doc[k].lower_ != "and" and k - between[0].end < 6:
                    k += 1
                for j in range(k + 1, min(k + 8, self.sent.end)):
                    ref = self.ctx.by_token.get(j)
                    if ref is not None and ref.actor != between[0].actor:
                        between.append(ref)
                        break
            if len(between) >= 2:
                for a in between:
                    self.emit(HOSTILITY, [a], [b for b in between if b.actor != a.actor
                                               and not {a.actor, b.actor} <= set(allied)], n)
                return
            agents = self.noun_agents(n)
            if lemma not in {"clash", "fighting"}:
                # "a counter-offensive by A and B": the two attack together
                self.emit_symmetric(JOINT, self.refs([
                    q for c in n.children if c.dep_ == "prep" and c.lower_ == "by"
                    for p in _pobjs(c) for q in (p, *p.conjuncts)]), n)
            if agents and not targets:
                targets = self.casualties(n)  # "the loss of nine fighters in Turkish strikes"
            led = n.dep_ == "nsubjpass" and n.head.lower_ in LEADING_PARTICIPLES
            if agents and not targets and (lemma not in NEEDS_TARGET | {"clash", "fighting"}
                                           or led):
                # "Russian jets began air strikes on Monday", "the advance was spearheaded by
                # the army's Tiger Forces": the attackers of the moment
                self.ctx.note_attackers(agents, n)
            agents = agents or (self.event_agents(n) if targets else [])
            if agents and targets:
                self.emit(HOSTILITY, agents, targets, n)
        elif family in {"alliance", "truce"}:
            if any(c.dep_ == "det" and c.lower_ == "any" for c in n.children) and (
                not self.flags(n)[0]
            ):
                self.ctx.vetoed.add(n.i)
                return  # "played down any coordination with X" ("denied any alliance" is a
                # negated claim)
            if lemma == "cessation" and not any(
                c.dep_ == "prep" and any(p.lower_ in {"hostilities", "hostility", "fighting",
                                                       "clashes", "attacks"} for p in _pobjs(c))
                for c in n.children
            ):
                return
            if lemma in {"agreement", "deal", "accord"} and n.head.lower_ == "of":
                return
            if family == "truce" and n.dep_ == "pobj" and n.head.lower_ in {
                "despite", "notwithstanding"
            }:
                return  # "Despite the pause, both sides reported clashes": no new truce here
            if family == "truce" and _sought(n):
                self.ctx.vetoed.add(n.i)  # (nor may the token-order pass read one)
                return  # "called for / urged a ceasefire between A and B": none yet
            participants: list[Ref] = []
            partners: list[Ref] = []
            sides: list[list[Ref]] = []
            preps = list(n.children)
            if lemma == "cessation":
                # "joined the cessation of hostilities with the government": "with" on "of"'s object
                preps += [c for p in preps if p.dep_ == "prep" and p.lower_ == "of"
                          for o in _pobjs(p) for c in o.children if c.lower_ == "with"]
            # "a truce mediated by clerics between A and B", "the agreement, concluded between
            # A and B": the parties hang on the participle
            preps += [c for a in n.children if a.dep_ in {"acl", "relcl"} for c in a.subtree
                      if c.dep_ == "prep" and c.lower_ in {"between", "among"}
                      and c.head.lower_ not in {"talks", "negotiations", "meeting"}]
            fought_over = False
            paused = [h for c in n.children if c.dep_ == "prep" and c.lower_ in {"in", "of"}
                      and lemma in {"pause", "cessation"} for h in _pobjs(c)
                      if _noun_family(h) == "hostility"]
            for h in paused:
                # "a pause in hostilities between A and B", "the pause in Turkey's offensive
                # against the SDF": the fighting's sides are the parties
                preps += [c for c in h.children if c.dep_ == "prep"
                          and c.lower_ in {"between", "among"}]
                fought = self.refs([p for c in (*h.children, *n.children) if c.dep_ == "prep"
                                    and c.lower_ in {"against", "on"} for p in _pobjs(c)])
                # (the parser may hang "against the SDF" on the pause)
                if fought:
                    participants += self.own_agents(h) + fought
                    fought_over = True
                    if h.lower_ not in {"hostilities", "fighting", "fire", "clashes"}:
                        # the paused offensive itself was real
                        self.emit(HOSTILITY, self.own_agents(h), fought, h)
            holder = n.head if n.dep_ == "compound" else n  # ("the ceasefire regime")
            if holder.dep_ == "nsubjpass" and holder.head.pos_ == "VERB" and not participants:
                # "The ceasefire was agreed between A and B"
                preps += [c for c in holder.head.children
                          if c.dep_ == "prep" and c.lower_ in {"between", "among"}]
            signers = [p for a in n.children if a.dep_ == "acl" and a.tag_ == "VBN"
                       and a.lower_ in _SIGNING_PARTICIPLES for c in a.children
                       if c.dep_ == "agent" for p in _pobjs(c)] if family == "truce" else []
            if family == "truce" and n.dep_ in {"nsubj", "nsubjpass"} and n.head.lower_ in {
                "agreed", "signed", "concluded", "reached"
            }:
                # "A ceasefire agreed in Moscow by the presidents of Russia and Turkey took
                # effect", with "agreed" read as the main verb
                signers += [p for c in n.head.children if c.dep_ == "agent" for p in _pobjs(c)]
            after = n.right_edge.i + 1
            if after < self.sent.end - 1 and self.doc[after].text == "," and (
                self.doc[after + 1].tag_ in {"VBN", "VBD"} and self.doc[after + 1].dep_ == "advcl"
            ):
                # "Under the agreement, concluded between A and B, ...": the participle the
                # parser hung on the main verb still describes the agreement
                preps += [c for c in self.doc[after + 1].children
                          if c.dep_ == "prep" and c.lower_ in {"between", "among"}]
            if lemma in DEAL_NOUNS:
                # "the agreement reached with X", "a deal negotiated with Russian officers"
                preps += [c for a in n.children if a.dep_ == "acl" and a.tag_ == "VBN"
                          for c in a.children if c.dep_ == "prep" and c.lower_ == "with"]
            for child in preps:
                if child.dep_ == "prep" and child.lower_ == "with":
                    # (not "with Russian mediation": a broker, not a party)
                    partners += self.refs([p for p in _pobjs(child)
                                           if p.lower_ not in _BROKERING_NOUNS])
                elif child.dep_ == "prep" and child.lower_ in {"between", "among", "of"}:
                    if child.lower_ == "of" and lemma not in {"alliance", "coalition", "pact",
                                                              "axis"}:
                        continue
                    found = self.refs(_pobjs(child))
                    if not found and child.lower_ == "of":
                        # "the axis of resistance of Syria, Iran and Hezbollah"
                        found = self.refs([q for p in _pobjs(child) for c in p.children
                                           if c.dep_ == "prep" and c.lower_ == "of"
                                           for q in _pobjs(c)])
                    participants += found
                    if child.lower_ == "between" and child.head.i != n.i and not _pobjs(child):
                        continue
                    if child.lower_ == "between":
                        # "between the government and the armed groups including A, B and
                        # C": the listed groups are one side, not parties to each other
                        for p in _pobjs(child):
                            split = [c for c in p.children if c.dep_ in {"nmod", "compound"}
                                     and c.i in self.ctx.by_token and any(
                                         k.dep_ == "conj" and k.pos_ == "NOUN"
                                         for k in c.children)]
                            if split:
                                # "between the government and rebel factions including A":
                                # the parser's one noun phrase is two sides
                                sides.append(self.actors_at(split[0]))
                                participants += sides[-1]
                            for t in _coordinated(p):
                                # ("the leaders of the armed formations, including A and B")
                                side = self.actors_at(t) + self.refs(
                                    [q for c in t.subtree if c.dep_ == "prep"
                                     and c.lower_ in {"including", "like"}
                                     and 0 < c.i - t.i < 8 and _own_phrase(c, t)
                                     for q in _pobjs(c)])
                                listed = self.listed_after(t) if (
                                    t.lower_ in MEMBER_PLURALS) else []
                                if len(listed) > len(side) - len(self.actors_at(t)):
                                    # "factions, among them A and B" (read off the order)
                                    side = self.actors_at(t) + listed
                                if side:
                                    sides.append(side)
            if signers and not participants:
                # "A ceasefire signed by A and B", "a ceasefire agreed by the presidents of
                # Russia and Turkey": the signatories are the parties
                participants += self.refs(signers)
            if n.dep_ == "dobj" and not participants:
                # "A signed a truce with B" parses "with" on the verb as often as on the noun
                partners += self.refs([p for c in n.head.children if c.dep_ == "prep"
                                       and c.lower_ == "with" for p in _pobjs(c)])
            elif n.dep_ == "pobj" and n.head.lower_ in {"on", "to"} and not participants and (
                n.head.head.pos_ == "VERB"
            ):
                # "A agreed with B on a ceasefire"
                partners += self.refs([p for c in n.head.head.children if c.dep_ == "prep"
                                       and c.lower_ == "with" for p in _pobjs(c)])
            if n.dep_ == "appos":
                return  # "X, an alliance of A and B": membership, see appos()
            if n.dep_ == "dobj" and n.head.lower_ in BROKER_VERBS:
                agents = []  # "Russia and Turkey brokered a ceasefire": mediators, not parties
            elif len(participants) >= 2 and (fought_over or any(
                c.dep_ == "prep" and c.lower_ == "between" for c in preps
            )):
                agents = []  # "officials announced a ceasefire between A and B": A and B only
            else:
                agents = self.noun_agents(n)
            rtype = ALLIANCE if family == "alliance" or self.deal_binds(n, lemma) else TRUCE
            if lemma in {"cooperation", "coordination", "collaboration"} and (
                n.dep_ == "pobj" and n.head.lower_ == "in"
            ):
                rtype = JOINT  # "army units, in cooperation with the NDF, restored ..."
            if partners and agents and not participants:
                # "A and B signed a ceasefire with C": each signatory with C, not with each other
                partner_ids = {r.actor for r in partners}
                self.emit(rtype, [a for a in agents if a.actor not in partner_ids], partners, n)
            elif not agents and not partners and len(sides) >= 2 and any(
                len(side) > 1 for side in sides
            ):
                for k, side in enumerate(sides):
                    for other in sides[k + 1:]:
                        self.emit(rtype, side, other, n)
            elif not partners and not participants and any(
                c.dep_ == "prep" and c.lower_ == "with" and _pobjs(c)
                and not self.refs(_pobjs(c)) for c in preps
            ):
                pass  # "A and B took the village under an agreement with the rebels": one
                # side of a deal with an unnamed party, not parties to each other
            else:
                participants = agents + partners + participants
                self.emit_symmetric(rtype, participants, n)
            if lemma in {"coalition", "alliance"}:
                self.named_coalition(n)
        elif family == "support":
            self.support_noun(n)
        elif family == "member":
            if n.dep_ == "nsubj" and any(c.lower_ == "whose" for c in n.children) and (
                n.head.dep_ == "relcl"
            ):
                # "The Islamic Front, whose largest component is Ahrar al-Sham"
                members = self.refs([c for c in n.head.children if c.dep_ == "attr"])
                self.emit(MEMBERSHIP, members, self.actors_at(n.head.head, 1)[:1], n)
                return
            if n.dep_ == "conj" and n.head.dep_ == "appos" and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in n.children
            ) and n.head.i not in self.ctx.by_token and n.head.pos_ == "NOUN":
                # "Ahrar al-Sham, the largest Salafist group and a leading member of the
                # Islamic Front": the second description of the same name
                parent = self.refs([p for c in n.children if c.dep_ == "prep"
                                    and c.lower_ == "of" for p in _pobjs(c)])
                described = self.actors_at(n.head.head, 1)[:1]
                if len(parent) == 1:
                    self.emit(MEMBERSHIP, [r for r in described if r.actor != parent[0].actor],
                              parent, n)
                return
            before = self.name_before(n)
            if n.dep_ not in {"attr", "appos"} and before and any(
                c.dep_ == "det" for c in n.children
            ):
                # "joined the Fifth Corps, the Russian-backed formation of the Syrian army",
                # with the description parsed as a second object: it describes the name
                parent = self.refs([p for c in n.children if c.dep_ == "prep"
                                    and c.lower_ == "of" for p in _pobjs(c)])
                if len(parent) == 1 and parent[0].actor != before.actor:
                    self.emit(MEMBERSHIP, [before], parent, n)
                return
            if n.dep_ not in {"attr", "appos"}:
                return
            coalition = [p for c in n.children if c.dep_ == "prep" and c.lower_ in {"of", "in"}
                         for p in _pobjs(c)
                         if not (c.lower_ == "in" and all(  # "al-Qaeda's branch in Syria"
                             self.ctx.kind_of(r.actor) is ActorKind.STATE
                             for r in self.actors_at(p, 1)))]
            modifier = False
            if not coalition and not any(c.lower_ in {"formerly", "former", "ex"}
                                         for c in n.children):
                # "Usud al-Sharqiya, a Free Syrian Army faction": the name modifier
                coalition = [c for c in n.children if c.dep_ in {"compound", "poss", "nmod"}
                             and c.i < n.i and self.ctx.by_token.get(c.i) is not None]
                modifier = True
            if not coalition:
                return
            if n.dep_ == "attr":
                subject = [c for c in n.head.children if c.dep_ == "nsubj"]
                if n.head.dep_ == "relcl" and any(c.lower_ in WH_WORDS for c in subject):
                    subject = [n.head.head]  # "X, which is part of Y"
                members = self.refs(subject)
            elif modifier:
                named = {r.actor for c in coalition for r in self.actors_at(c, 1)}
                members = [r for r in self.actors_at(n.head, 1) if r.actor not in named][:1]
                if not members and n.dep_ == "appos":
                    # "a spokesman for X, the main FSA unit": the aside hung on the wrong noun
                    members = self.nearest_left(n.left_edge, reach=3)
            elif any(t.lower_ == "among" for t in self.doc[max(n.i - 3, 0):n.i]):
                return  # "SDF fighters, among them units of the YPG": the other way round
            else:
                members = self.refs([n.head])
            self.emit(MEMBERSHIP, members, self.refs(coalition), n)

    def deal_binds(self, n: Token, lemma: str) -> bool:
        """An agreement whose terms put one party's forces at the other's side ("an agreement
        for the army to deploy along the border to help the SDF") is an alliance; one that
        ends or pauses fighting stays a truce."""
        if lemma not in DEAL_NOUNS:
            return False
        clauses = [c for c in n.children if c.dep_ in {"acl", "relcl"}]
        # "an agreement with the government under which army units will deploy"
        scope = list(n.head.subtree) if n.dep_ == "dobj" else list(n.subtree)
        clauses += [t for t in scope if t.dep_ == "relcl" and t.head.i != n.i and t.i > n.i and any(
            c.lower_ == "whereby" or (c.dep_ == "prep" and any(p.lower_ == "which"
                                                               for p in _pobjs(c)))
            for c in t.children)]
        if n.dep_ == "dobj":
            clauses += [c for c in n.head.children if c.dep_ == "advcl" and c.i > n.i]
        words = {t.lower_ for c in clauses for t in c.subtree if t.pos_ == "VERB"}
        return bool(words & _ALLIANCE_DEAL_FORMS) and not words & _TRUCE_DEAL_FORMS

    def casualties(self, n: Token) -> list[Ref]:
        """Whose men an attack killed: "nine Hezbollah members were killed in Turkish drone
        strikes", "Hezbollah acknowledged the loss of nine fighters in Turkish strikes"."""
        if n.dep_ != "pobj" or n.head.lower_ not in {"in", "during", "by"}:
            return []
        head = n.head.head
        if VERB_FORMS.get(head.lower_) in {"kill", "wound", "injure", "martyr"} or (
            head.lower_ in {"died", "die", "dies", "perished"}
        ):
            return self.refs([c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}])
        if head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ == "of" and (
            head.head.head.lower_ in CASUALTY_NOUNS
        ):
            return self.refs([head]) or self.noun_agents(head.head.head)
        return []

    def recent_attackers(self, kind: str, at: Token) -> list[Ref]:
        index, actors = self.ctx.attackers.get(kind, (-10, []))
        if not actors or self.ctx.sentence_index - index > 2:
            return []
        return [Ref(a, at.i, at.i + 1, coref=True) for a in actors[:1]]

    def event_agents(self, n: Token) -> list[Ref]:
        """"Russian jets began strikes on Monday. The first strikes hit Jaish al-Izza": an
        attack noun with no actor of its own continues the attacks of the last two sentences."""
        if not n.tag_.startswith("NN") or any(
            c.dep_ in {"poss", "compound", "amod", "prep"} and (
                c.lower_ in {"by", "from"} or self.actors_at(c, 1)
            ) for c in n.children
        ):
            return []
        if any(c.dep_ == "det" and c.lower_ in {"a", "an", "any", "no"} for c in n.children):
            return []  # "an attack on X": a new event, not the one just reported
        index, actors = self.ctx.attackers.get(attack_kind(n), (-10, []))
        if not actors or self.ctx.sentence_index - index > 2:
            return []
        return [Ref(a, n.i, n.i + 1, coref=True) for a in actors[:2]]

    def noun_agents(self, n: Token) -> list[Ref]:
        """Who acts in a noun trigger: its possessor or name modifier, "by" phrase, or the
        subject of the verb it is the object of ("launched an offensive")."""
        agents = self.own_agents(n)
        if agents:
            return agents
        node = n
        if node.dep_ == "pobj" and node.head.dep_ == "prep":
            node = node.head
            if node.lower_ == "of" and node.head.pos_ == "NOUN" and node.head.i != n.i:
                # "a campaign of air strikes against X": the campaign's actor
                return self.noun_agents(node.head)
        if node.dep_ == "prep" and node.head.dep_ == "acomp" and node.head.head.pos_ in {
            "VERB", "AUX"
        }:
            # "the YPG remains engaged in battles against ISIS"
            return self.refs(self.subject_tokens(node.head.head))
        if node.dep_ in {"dobj", "attr", "nsubjpass", "prep", "oprd"} and node.head.pos_ in {
            "VERB", "AUX"
        }:
            lemma = VERB_FORMS.get(node.head.lower_)
            if lemma is not None and VERBS[lemma].family == "support" and node.dep_ == "prep":
                # "the US, which has armed the SDF in its campaign against IS": the armed
                # side fights
                return self.refs([c for c in node.head.children if c.dep_ == "dobj"])
            if lemma in REPELLING_VERBS | {"thwart", "foil"} or (
                lemma is not None and VERBS[lemma].family == "support"
            ):
                return []  # who "repelled" or "financed the attack" did not make it
            agents = self.refs(self.subject_tokens(node.head))
            if not agents and node.lower_ == "under" and self.passive(node.head) and any(
                c.dep_ == "prep" and c.lower_ == "with" for c in n.children
            ):
                # "Fighters of X were transferred to Y under an arrangement with Z": the moved
                # side is a party
                agents = self.refs([c for c in node.head.children if c.dep_ == "nsubjpass"])
            return agents
        return []

    def own_agents(self, n: Token) -> list[Ref]:
        """The actor a noun names itself: "Turkish shelling", "the army's push", "an assault
        by Daesh", "an offensive led by X"."""
        agents: list[Ref] = []
        for child in n.children:
            if child.lower_ == "led" and child.i >= 2 and self.doc[child.i - 1].text in "-‐–":
                # "the Turkish-led offensive", "a US-led strike"
                prev = self.doc[child.i - 2]
                led = self.ctx.gaz.adjective_actor(prev.text)
                agents += [Ref(led, prev.i, prev.i + 1)] if led else self.actors_at(prev, 1)
                continue
            adjective = self.ctx.gaz.adjective_actor(child.text) if child.dep_ in {
                "amod", "compound", "nmod"} else None
            if adjective is not None:
                agents.append(Ref(adjective, child.i, child.i + 1))
            elif child.dep_ in {"poss", "compound", "nmod"}:
                agents += self.actors_at(child)
            if child.dep_ == "prep" and child.lower_ in {"by"}:
                agents += self.refs(_pobjs(child))
            if child.dep_ == "acl" and child.lower_ in LEADING_PARTICIPLES:
                # "an offensive led by X", "attacks carried out by X"
                agents += self.refs([p for c in child.children if c.dep_ == "agent"
                                     for p in _pobjs(c)])
            if child.dep_ == "acl" and child.lower_ in {"claimed", "attributed", "blamed"}:
                # "an attack claimed by ISIS", "a bombing attributed to IS" (the hedge is the
                # clause's)
                agents += self.refs([p for c in child.children if (
                    c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in {"to", "on"}))
                    for p in _pobjs(c)])
        return agents

    def capture_noun(self, n: Token) -> None:
        """"announced the liberation of Raqqa from ISIS", "the army's capture of the town
        from Jaysh al-Islam": who takes a place from an actor fights it."""
        places = [p for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in _pobjs(c)]
        held = self.refs([p for t in (n, *places) for c in t.children
                          if c.dep_ == "prep" and c.lower_ == "from" for p in _pobjs(c)])
        if not held:
            return
        takers = self.own_agents(n) or self.noun_agents(n)
        self.emit(HOSTILITY, [r for r in takers if r.actor not in {h.actor for h in held}],
                  held, n)

    def dominated(self, v: Token) -> None:
        """"the SDF, an alliance of Kurdish and Arab groups dominated by the YPG": the
        dominant group is a member of the coalition the phrase describes."""
        dominant = self.refs([p for c in v.children if c.dep_ == "agent" for p in _pobjs(c)])
        node, coalition = v.head, []
        for _ in range(4):
            coalition = [r for r in self.actors_at(node, 1) if r.actor not in
                         {d.actor for d in dominant}] if node.i in self.ctx.by_token else []
            if coalition or node.head.i == node.i:
                break
            if node.dep_ not in {"pobj", "prep", "appos"}:
                break
            node = node.head
        if len(coalition) == 1 and self.ctx.kind_of(coalition[0].actor) is ActorKind.COALITION and (
            v.lower_ == "dominated" or v.head.lower_ in UMBRELLA_NOUNS | {"grouping", "group"}
        ):  # ("a grouping controlled by X"; "towns controlled by X" are places)
            self.emit(MEMBERSHIP, dominant, coalition, v)

    def against(self, prep: Token) -> None:
        """"defended the town against the regime offensive", "joined forces against the
        Dawla", "fighting for months against X": whoever acts "against" an actor (or against
        an actor's attack) is hostile to it, whatever the verb, unless the verb or noun is
        one of words, law or warning ("protested against", "sanctions against")."""
        head = prep.head
        fights = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in _pobjs(c) if _noun_family(p) == "hostility"]
        if head.lower_ in TIME_NOUNS and fights:
            head = fights[0]  # "after weeks of army operations against X"
        elif head.lower_ in TIME_NOUNS and head.dep_ == "pobj" and head.head.dep_ == "prep":
            head = head.head.head  # "fought for months against X"
        lower = head.lower_
        if lower in NOT_HOSTILE_AGAINST or head.lower_ in ARGUING_VERBS:
            return
        if any(a.lower_ in ACCUSING_VERBS for a in list(head.ancestors)[:3]):
            return  # "accusing them of conspiring against it": a charge, not an act
        if head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.pos_ in {"VERB", "AUX"}:
            head = head.head  # "the Front's components remain engaged against regime forces"
            lower = head.lower_
        if head.pos_ in {"VERB", "AUX"}:
            family = _verb_family(head)
            if family in {"hostility", "hostile_light", "prevent"} and prep.head.i == head.i:
                return  # the verb's own reading
            trigger = head
            sources = self.refs(self.subject_tokens(head))
            if family in {"support", "support_light"}:
                # "the coalition, which backs the SDF against the Islamic State": the backed
                # side fights it too
                sources += self.refs([c for c in head.children if c.dep_ == "dobj"])
        elif head.pos_ in {"NOUN", "PROPN"}:
            if _noun_family(head) == "truce":
                return  # "a pause in the offensive against X": the truce noun reads it
            if (_noun_family(head) in {"hostility", "alliance"} or lower in ALLY_NOUNS) and (
                head.i == prep.head.i
            ):
                # noun() reads "offensive against X"; "a partnership with the SDF against
                # ISIS" says who partners, not who fights
                return
            trigger = prep
            ref = self.ctx.by_token.get(head.i)
            sources = [ref] if ref is not None else self.noun_agents(head)
            side = head.head
            if ref is not None and head.dep_ == "pobj" and (
                side.lower_ in {"alongside", "beside"} or (
                    side.lower_ == "with" and side.head.lower_ in JOINT_WITH_HEADS | {"together"})
            ):
                # "Nusra fighters fought alongside Ahrar al-Sham against ISIL": the parser
                # hangs "against" on the partner; the subject fights ISIL as well
                verb = side.head
                while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
                    verb = verb.head
                if verb.pos_ in {"VERB", "AUX"}:
                    sources = sources + self.refs(self.subject_tokens(verb))
        else:
            return
        targets: list[Ref] = []
        for p in _pobjs(prep):
            for item in (p, *p.conjuncts):
                found = self.actors_at(item, 1) if self.ctx.by_token.get(item.i) is None else []
                found = found or self.refs([item])
                if not found and (_noun_family(item) == "hostility"
                                  or item.lower_ in ATTEMPT_NOUNS):
                    found = self.own_agents(item)  # "against an army push"
                targets += found
        self.emit(HOSTILITY, sources, targets, trigger)

    def named_coalition(self, n: Token) -> None:
        # "A and B formed a coalition called X": A and B are members of X.
        for child in n.children:
            if child.dep_ == "acl" and child.lower_ in {"called", "named", "dubbed", "known"}:
                named = [c for c in child.subtree if self.ctx.by_token.get(c.i) is not None]
                coalition = self.refs(named[:1])
                founders = self.noun_agents(n)
                if coalition:
                    self.emit(MEMBERSHIP, founders, coalition, n)

    def support_noun(self, n: Token) -> None:
        supporters: list[Ref] = []
        supported: list[Ref] = []
        for child in n.children:
            if child.dep_ == "prep" and child.lower_ in {"from", "by"}:
                supporters += self.refs(_pobjs(child))
            elif child.dep_ == "prep" and child.lower_ in {"to", "for"}:
                supported += self.refs(_pobjs(child))
            elif child.dep_ in {"poss", "compound"}:
                supporters += self.actors_at(child)
            elif child.dep_ == "amod" and self.ctx.gaz.adjective_actor(child.text):
                actor = self.ctx.gaz.adjective_actor(child.text)
                assert actor is not None
                supporters.append(Ref(actor, child.i, child.i + 1))
            if child.dep_ in {"compound", "amod", "nmod"}:
                # "U.S. and Jordanian support": every coordinated modifier
                for other in child.conjuncts:
                    actor = self.ctx.gaz.adjective_actor(other.text)
                    if actor is not None:
                        supporters.append(Ref(actor, other.i, other.i + 1))
                    else:
                        supporters += self.actors_at(other, 1)
        for child in n.children:
            if child.dep_ == "acl" and child.lower_ in {"given", "provided", "offered",
                                                        "extended", "supplied", "delivered"}:
                # "the support given by Washington to the Nusra Front"
                supporters += self.refs([p for c in child.children if c.dep_ == "agent"
                                         for p in _pobjs(c)])
                supported += self.refs([p for c in child.children if c.dep_ in {"prep", "dative"}
                                        and c.lower_ == "to" for p in _pobjs(c)])
        if not supporters:
            # "with the support of the Turkish army": "of" names the supporter
            for child in n.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    supporters += self.refs(_pobjs(child))
        head = n.head
        if head.lower_ in {"in", "as"} and n.dep_ == "pobj" and not supported:
            # "strikes against ISIS in support of the SDF": the clause's subject supports
            of_objects = [p for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                          for p in _pobjs(c)]
            verb = head.head
            if verb.pos_ in {"NOUN", "PROPN"} and verb.dep_ in {"dobj", "pobj"}:
                verb = verb.head
            if of_objects and verb.pos_ in {"VERB", "AUX"}:
                self.emit(SUPPORT, self.refs(self.subject_tokens(verb)), self.refs(of_objects), n)
                return
        if not supported:
            # "with Russian air support, the SAA advanced": the clause's subject is supported.
            verb = head.head
            for _ in range(2):
                if verb.pos_ == "ADP" and verb.dep_ in {"conj", "prep"} and verb.head.i != verb.i:
                    verb = verb.head  # "in cooperation with X and with cover from Y"
            for _ in range(3):
                if verb.pos_ in {"NOUN", "PROPN"} and verb.dep_ in {"dobj", "pobj"}:
                    verb = verb.head  # "fighting the jihadists with US support"
                    if verb.pos_ == "ADP" and verb.head.i != verb.i:
                        verb = verb.head  # "took it from the rebels with the help of X"
                    continue
                break
            clause_verb = verb.pos_ in {"VERB", "AUX"}
            if n.dep_ == "pobj" and head.lower_ == "under" and (
                _noun_family(head.head) == "truce" or head.head.lower_ in DEAL_NOUNS
            ):
                return  # "an agreement with Damascus under Russian sponsorship": a broker
            if n.dep_ == "pobj" and head.lower_ in {"with", "under", "thanks"} and clause_verb:
                supported = self.refs(self.subject_tokens(verb))
                if not supported and head.i > 0 and self.doc[head.i - 1].text == "," and (
                    head.head.i == verb.i and not any(c.dep_ in {"nsubj", "nsubjpass"}
                                                  for c in verb.children)
                ):
                    # "According to X, units of the SAA, with the support of Y, liberated":
                    # the parse lost the subject; the aside follows it
                    supported = self.nearest_left(head, reach=3)
                if not supported and verb.dep_ in {"acl", "relcl"} and self.passive(verb) and (
                    n.lower_ not in ARMS_NOUNS  # "transferred with their light weapons"
                ):
                    # "the NFL, a body formed in May under Turkish sponsorship", "the 5th
                    # Corps, which was formed with the assistance of Russian advisers"
                    anchor = verb.head
                    while anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and (
                        anchor.head.head.lower_ in COALITION_NOUNS | UMBRELLA_NOUNS
                    ):
                        anchor = anchor.head.head  # "a coalition of factions formed with X"
                    if anchor.dep_ == "appos" and anchor.i not in self.ctx.by_token:
                        anchor = anchor.head
                    supported = self.actors_at(anchor, 1)[:1]
                    if not supported and anchor.dep_ == "attr" and anchor.head.pos_ == "AUX":
                        # "The NLF is a coalition of factions formed with Turkish support"
                        supported = self.refs(self.subject_tokens(anchor.head))[:1]
            elif n.dep_ == "pobj" and head.lower_ in {"with", "under"} and verb.dep_ in {
                "nsubj", "nsubjpass"
            }:
                # "Units of the SAA, with the support of Russia, liberated ...": the aside
                # hangs on the subject
                supported = self.actors_at(verb)
            elif n.dep_ == "dobj" and head.lower_ in RECEIVING_VERBS:
                supported = self.refs(self.subject_tokens(head))
            elif n.dep_ == "pobj" and head.lower_ in {"from", "on", "upon"} and (
                verb.lower_ in BENEFIT_VERBS
            ):
                # "X benefits from support from A and B": "from A" often hangs on the verb
                supported = self.refs(self.subject_tokens(verb))
                if not supporters:
                    supporters = self.refs([p for c in verb.children if c.dep_ == "prep"
                                            and c.lower_ == "from" and c.i != head.i
                                            for p in _pobjs(c)])
        thanked = [a for a in list(n.ancestors)[:4] if a.lower_ in THANKING_VERBS]
        if thanked and head.lower_ == "for":
            # "The SDF thanked the coalition for its air support": the thanked supports the
            # one who thanks
            supporters = self.refs([c for c in thanked[0].children if c.dep_ == "dobj"])
            supported = self.refs(self.subject_tokens(thanked[0]))
        if not supporters and n.dep_ == "dobj" and head.lower_ not in RECEIVING_VERBS and (
            VERB_FORMS.get(head.lower_) in {"provide", "send", "give", "deliver", "offer"}
        ):
            return  # handled by the light verb
        self.emit(SUPPORT, supporters, supported, n)

    def took_part(self, tok: Token) -> None:
        """"Hezbollah units took part in the operation": joint with the attack's own actor
        (named, or the attackers of the last two sentences)."""
        verb = tok.head if tok.lower_ == "part" else tok
        if tok.lower_ == "part" and VERB_FORMS.get(verb.lower_) != "take":
            return
        events = [p for c in (*tok.children, *verb.children) if c.dep_ == "prep"
                  and c.lower_ == "in" for p in _pobjs(c) if _is_attack(p)]
        if not events:
            return
        participants = self.refs(self.subject_tokens(verb))
        if not participants:
            return
        named = {r.actor for r in participants}
        partners: list[Ref] = []
        for e in events:
            # the event's own actor (not the participants, whom the parse also offers), else
            # the attackers of the last two sentences
            own = [r for r in self.noun_agents(e) if r.actor not in named]
            partners += own or self.event_agents(e)
        # "the advance was spearheaded by the army's Tiger Forces. Hezbollah also took part":
        # a state's unit leads the operation for its army
        owners = {c["target"] for c in self.ctx.claims if c["type"] == MEMBERSHIP.value
                  and not c["negated"] and c["source"] in {r.actor for r in partners}
                  and self.ctx.kind_of(c["target"]) is ActorKind.STATE}
        partners += [Ref(a, verb.i, verb.i + 1, coref=True) for a in sorted(owners)
                     if a not in {r.actor for r in partners}]
        negated, hedged = self.flags(verb)
        # Not the participants with each other: "A, B and C took part in the assault as part
        # of X" reports members of X more often than a pact among them.
        self.ctx.emit(JOINT, participants, [r for r in partners if r.actor not in named],
                      verb, self.sent, base=CONF_COREF, negated=negated, hedged=hedged)

    def broke_siege(self, v: Token) -> None:
        """"broke the ISIS siege on Deir Ezzor", "lifted the siege imposed by X": fighting
        the besiegers."""
        sieges = [o for o in self.object_tokens(v, frozenset()) if o.lower_ == "siege"]
        if not sieges:
            return
        besiegers = [r for o in sieges for r in self.actors_at(o)]
        besiegers += [r for o in sieges for c in o.children if c.dep_ == "acl"
                      for a in c.children if a.dep_ == "agent" for r in self.refs(_pobjs(a))]
        subjects = self.refs(self.subject_tokens(v))
        negated, hedged = self.flags(v)
        self.ctx.emit(HOSTILITY, subjects, besiegers, v, self.sent, base=CONF_DIRECT,
                      negated=negated, hedged=hedged)

    def received(self, v: Token) -> None:
        """"outfits that receive weapons and money from Saudi Arabia": the giver supports the
        receiver (support nouns themselves are read by :meth:`support_noun`)."""
        objects = [o for c in v.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
        if not any(o.lower_ in ARMS_NOUNS or o.lower_ in MATERIEL_NOUNS for o in objects):
            return
        preps = [c for c in v.children if c.dep_ == "prep" and c.lower_ == "from"]
        preps += [c for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "from"]
        givers = self.refs([p for c in preps for p in _pobjs(c)])
        if not givers:
            # "received U.S.-made TOW missiles through a covert programme"
            for o in objects:
                for t in o.subtree:
                    if t.lower_ in {"made", "supplied"} and t.i >= 2 and (
                        self.doc[t.i - 1].text == "-"
                    ):
                        prev = self.doc[t.i - 2]
                        actor = self.ctx.gaz.adjective_actor(prev.text)
                        if actor is None and prev.i not in self.ctx.by_token:
                            # (a name before "-made" is no actor mention: look it up)
                            named = self.ctx.gaz.resolve(prev.text, fuzzy=False)
                            actor = named.id if named is not None else None
                        givers += ([Ref(actor, prev.i, prev.i + 1)] if actor
                                   else self.actors_at(prev, 1))
        receivers = self.receiver(v)
        negated, hedged = self.flags(v)
        self.ctx.emit(SUPPORT, givers, receivers, v, self.sent, base=CONF_DIRECT,
                      negated=negated, hedged=hedged)

    def lost_to(self, v: Token) -> None:
        """"Harakat Hazm lost its bases to Nusra": whoever took them fought the loser (only
        ground lost: "lost ground/positions/the town to X", not "lost a vote to X")."""
        ground = [c for c in v.children if c.dep_ == "dobj" and (
            c.lower_ in PROXY_NOUNS or c.lower_ in PLACE_NOUNS or self.is_place(c)
            or c.lower_ in {"ground", "control"})]
        takers = self.refs([p for c in v.children if c.dep_ == "prep" and c.lower_ == "to"
                            for p in _pobjs(c)])
        if not ground or not takers:
            return
        negated, hedged = self.flags(v)
        self.ctx.emit(HOSTILITY, takers, self.refs(self.subject_tokens(v)), v, self.sent,
                      base=CONF_DIRECT, negated=negated, hedged=hedged)

    def tightened(self, v: Token) -> None:
        """"tightened the noose on the terrorists of X", "tightened the siege around X"."""
        if not any(c.dep_ == "dobj" and c.lower_ in {"noose", "siege", "grip", "encirclement",
                                                       "cordon", "blockade", "stranglehold"}
                   for c in v.children):
            return
        held = [p for o in v.children if o.dep_ == "dobj" for c in (*o.children, *v.children)
                if c.dep_ == "prep" and c.lower_ in {"on", "around", "over"} for p in _pobjs(c)]
        self.emit(HOSTILITY, self.refs(self.subject_tokens(v)), self.refs(held), v)

    def counts_among(self, v: Token) -> None:
        """"X, which counts A and B among its members": A and B belong to X."""
        if not any(p.lower_ in {"members", "ranks", "components", "factions", "constituents"}
                   for c in v.children if c.dep_ == "prep" and c.lower_ == "among"
                   for p in _pobjs(c)):
            return
        members = self.refs([c for c in v.children if c.dep_ in {"dobj", "attr"}])
        holder = self.refs(self.subject_tokens(v))
        if not holder and v.dep_ == "relcl":
            node = v.head  # "a coalition of eight brigades ..., which counts": the named one
            for _ in range(4):
                if node.dep_ not in {"pobj", "prep", "appos"} or node.head.i == node.i:
                    break
                node = node.head
                holder = self.actors_at(node, 1) if node.pos_ != "ADP" else []
                if holder:
                    break
        if len(holder) == 1:
            self.emit(MEMBERSHIP, [r for r in members if r.actor != holder[0].actor], holder, v)

    def relied(self, v: Token) -> None:
        """"Government forces relied heavily on NDF units": the relied-on actor supports."""
        helpers = self.refs([p for c in v.children if c.dep_ == "prep"
                             and c.lower_ in {"on", "upon"} for p in _pobjs(c)
                             if p.i in self.ctx.by_token or p.lower_ in PROXY_NOUNS])
        negated, hedged = self.flags(v)
        self.ctx.emit(SUPPORT, helpers, self.receiver(v), v, self.sent, base=CONF_DIRECT,
                      negated=negated, hedged=hedged)

    def receiver(self, v: Token) -> list[Ref]:
        subject = self.subject_tokens(v)
        out = self.refs(subject)
        if not out:
            # "Jabhat al-Nusra and other outfits that receive ...": the named conjunct
            out = self.refs([t.head for t in subject if t.dep_ == "conj"])
        return out

    def hyphen_backed(self, tok: Token) -> None:
        # "Turkish-backed Syrian National Army", "US-backed SDF"
        i = tok.i
        if i < 2 or self.doc[i - 1].text not in "-‐–":
            return
        prev = self.doc[i - 2]
        supporters = self.actors_at(prev, 1)
        adjective = self.ctx.gaz.adjective_actor(prev.text)
        if not supporters and adjective is not None:
            supporters = [Ref(adjective, prev.i, prev.i + 1)]
        if not supporters:
            return
        head = tok.head
        while head.dep_ in {"compound", "amod"} and head.head.i != head.i and head.i > tok.i:
            head = head.head
        # Only the noun "X-backed" modifies (and the groups it lists: "X-backed militias,
        # including Hezbollah"), not what it is coordinated with.
        supported = []
        if head.i > tok.i:
            # only what follows "X-backed": a name before it is not what it describes
            supported = [r for r in self.actors_at(head, 1) if r.start > tok.i
                         and r.start in self.ctx.by_token]  # "Iraqi militias" are not Iraq
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in {"including", "like"}:
                    supported += self.refs(_pobjs(child))
                if child.dep_ == "appos" and not supported and head.lower_ in (
                    PROXY_NOUNS | QUANTITY_NOUNS
                ):
                    # "two US-backed factions in Idlib, the SRF and Harakat Hazm"
                    supported += self.refs([child])
        if not supported and head.i > tok.i and (
            head.lower_ in ARMS_NOUNS or head.lower_ in MATERIEL_NOUNS
        ) and head.dep_ == "dobj" and head.head.lower_ in RECEIVING_VERBS | {"used", "uses",
                                                                              "using", "use"}:
            supported = self.receiver(head.head)  # "X has received US-supplied TOW missiles"
        if not supported and head.i > tok.i and head.dep_ == "pobj" and (
            head.head.lower_ == "of" and head.head.head.lower_ in UMBRELLA_NOUNS
        ):
            head = head.head.head  # "the SNA, the umbrella of Turkish-backed factions"
            if head.dep_ == "appos":
                supported = self.actors_at(head.head, 1)[:1]
        if head.i > tok.i and head.dep_ == "pobj" and head.head.lower_ == "of" and (
            head.head.head.lower_ == "one" and head.head.head.dep_ == "appos"
        ):
            # "the Hamza Division, one of the Turkish-backed FSA factions": the described
            # group, not the coalition the faction noun names
            supported = self.actors_at(head.head.head.head, 1)[:1] or supported
        before = self.name_before(head)
        if not supported and head.i > tok.i and head.dep_ in {"appos", "attr"} and before:
            # "join the Fifth Corps, the Russian-backed formation of the army": the name right
            # before the comma, wherever the parser hung the description
            supported = [before]
        if not supported and head.i > tok.i and head.dep_ == "appos":
            # "the NFL, the main Turkish-backed rebel alliance": the description's anchor
            supported = self.actors_at(head.head, 1)[:1]
        if not supported and head.dep_ == "attr" and head.head.lower_ in {
            "is", "was", "remains", "became", "becomes", "are", "were", "remain", "become"
        }:
            # "The NFL is the Turkish-backed coalition in Idlib"
            supported = self.refs([c for c in head.head.children if c.dep_ == "nsubj"])[:1]
        if not supported and tok.lower_ in AFFILIATION_PARTICIPLES and head.i > tok.i and (
            head.left_edge.i > 0 and self.doc[head.left_edge.i - 1].text == ","
        ):
            # "positions of Tajammu al-Izza (TAI), an FSA-affiliated group that ...": an aside
            # the parser hung elsewhere still describes the name before the comma
            supported = self.nearest_left(self.doc[head.left_edge.i - 1], reach=4)
        if not supported and head.i > tok.i and head.tag_ == "NN" and head.dep_ != "appos" and any(
            c.dep_ == "det" and c.lower_ in {"the", "this"} for c in head.children
        ) and head.i not in self.ctx.by_token:
            # "The Iranian-backed movement had denied its role": a description of a group the
            # report has named
            supported = [r for r in self.refs([head]) if r.coref][:1]
        if not supported and not (head.i > tok.i and head.pos_ in {"NOUN", "PROPN"}):
            for k in range(i + 1, min(i + 5, self.sent.end)):
                ref = self.ctx.by_token.get(k)
                if ref is not None:
                    supported = [ref]
                    break
        if head.i > tok.i and head.pos_ in {"NOUN", "PROPN"}:
            supported += [r for r in self.listed_after(head)
                          if r.actor not in {x.actor for x in supported}]
        if tok.lower_ in ALIGNMENT_PARTICIPLES:
            self.emit(ALLIANCE, supported, supporters, tok)
            return
        if tok.lower_ == "dominated":
            # "the SDF, a YPG-dominated alliance": the dominant group is a member of it
            self.emit(MEMBERSHIP, supporters, supported, tok)
            return
        if tok.lower_ in AFFILIATION_PARTICIPLES:
            # "the Islamic State-affiliated Khalid ibn al-Walid Army": a member of the prefix
            self.emit(MEMBERSHIP, supported, supporters, tok)
            return
        self.emit(SUPPORT, supporters, supported, tok)

    def hyphen_led(self, tok: Token) -> None:
        """"the YPG-led Syrian Democratic Forces": the leading group is in the coalition it
        leads (not "the Saudi-led intervention": no coalition named)."""
        leaders = self.actors_at(self.doc[tok.i - 2], 1)
        k = tok.i + 1
        while k < self.sent.end and k not in self.ctx.by_token and k - tok.i <= 2 and (
            self.doc[k].pos_ in {"ADJ", "DET"}
        ):
            k += 1
        led = self.ctx.by_token.get(k)
        if not leaders or led is None or not self.is_coalition([led]):
            return
        self.emit(MEMBERSHIP, [r for r in leaders if r.actor != led.actor], [led], tok)

    def joint(self, n: Token) -> None:
        self.named_coalition(n)
        participants = self.noun_agents(n)
        # "a joint Russian-Turkish patrol": every nationality before the noun takes part
        for t in self.doc[n.left_edge.i:n.i]:
            actor = self.ctx.gaz.adjective_actor(t.text)
            if actor is not None and actor not in {r.actor for r in participants}:
                participants.append(Ref(actor, t.i, t.i + 1))
        partners: list[Ref] = []
        for child in n.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                partners += self.refs(_pobjs(child))
            elif child.dep_ == "prep" and child.lower_ in {"between", "of", "by"}:
                participants += self.refs(_pobjs(child))
        if n.dep_ == "dobj":
            # "set up a joint centre in Baghdad with A and B": "with" hangs on the verb
            partners += self.refs([p for c in n.head.children if c.dep_ == "prep"
                                   and c.lower_ == "with" for p in _pobjs(c)])
        if partners and participants:
            partner_ids = {r.actor for r in partners}
            self.emit(JOINT, [r for r in participants if r.actor not in partner_ids], partners, n)
        else:
            self.emit_symmetric(JOINT, participants + partners, n)
        targets: list[Ref] = []
        for child in n.children:
            if child.dep_ == "prep" and child.lower_ in {"against", "on"}:
                targets += self.refs(_pobjs(child))
        if targets and _noun_family(n) == "hostility":
            pass  # noun() emits the hostility for each participant

    def name_before(self, tok: Token) -> Ref | None:
        """The name right before the comma that opens ``tok``'s phrase ("the Fifth Corps, the
        ... formation"), if there is one."""
        edge = tok.left_edge.i
        if edge >= 2 and self.doc[edge - 1].text == ",":
            return self.ctx.by_token.get(edge - 2)
        return None

    def mentions_in(self, tokens: list[Token]) -> list[Ref]:
        """Every actor named anywhere under these tokens, however deep the parse nests it."""
        return [self.ctx.by_token[t.i] for tok in tokens for t in tok.subtree
                if t.i in self.ctx.by_token]

    def sharing_body(self, n: Token) -> None:
        """"the information centre in Baghdad, set up jointly by Russia, Syria, Iran and Iraq",
        "..., in which officers of A, B and C work together": the states that run a shared
        intelligence body are allies."""
        members: list[Ref] = []
        founders = [c for c in n.children
                    if c.dep_ == "acl" and c.lower_ in FOUNDING_PARTICIPLES]
        if n.dep_ == "nsubj" and n.head.lower_ in FOUNDING_PARTICIPLES:
            founders.append(n.head)  # "The centre, set up by A and B, ..." read as active
        for c in founders:
            # "set up jointly by the military of Russia, Syria, Iran and Iraq"
            members += self.mentions_in([a for a in c.children if a.dep_ == "agent"])
        for c in n.children:
            if c.dep_ == "relcl" and any(t.lower_ in {"together", "jointly"}
                                         for t in c.children):
                # "in which officers of the general staffs of A, B and C work together"
                members += self.mentions_in(self.subject_tokens(c))
        if n.dep_ == "dobj" and n.head.lower_ in FOUNDING_WORDS | FOUNDING_PARTICIPLES:
            members += self.refs(self.subject_tokens(n.head))  # "A and B set up a centre"
        unique = list({r.actor: r for r in members}.values())
        if len(unique) >= 2:
            self.emit_symmetric(ALLIANCE, unique, n)

    def alongside(self, tok: Token) -> None:
        # "The SAA, alongside Hezbollah, captured ..." / "fought alongside the YPG" / "worked
        # jointly with the SDF" / "fought side by side with X"
        partners = self.refs(_pobjs(tok))
        if tok.lower_ == "together":
            partners = self.refs([p for c in tok.children if c.lower_ == "with"
                                  for p in _pobjs(c)])
        if not partners and tok.head.dep_ == "relcl" and any(
            c.dep_ in {"dobj", "pobj"} and c.lower_ in WH_WORDS for c in tok.head.children
        ):
            # "Jabhat al-Nusra, which Faylaq al-Rahman had fought alongside": the stranded
            # preposition's object is the relative pronoun's antecedent
            partners = self.actors_at(self.relative_anchor(tok.head), 1)
        if not partners:
            # the parser often leaves "alongside X" unattached: the name right after it
            partners = self.next_mention(tok, reach=3)
        verb = tok.head
        while (verb.pos_ not in {"VERB", "AUX"} or verb.lower_ in JOINT_WITH_HEADS) and (
            verb.head.i != verb.i
        ):
            verb = verb.head  # "fought shoulder to shoulder with": "shoulder" is no verb
        misread = verb.pos_ == "ADJ" and verb.dep_ == "ROOT" and (
            verb.lower_ in JOINT_ACTION_VERBS and any(c.dep_ == "nsubj" for c in verb.children)
        )  # "Units of X advanced on the town, alongside Y" with "advanced" read as adjective
        if (verb.pos_ not in {"VERB", "AUX"} and not misread) or verb.lower_ in REPORTING_WORDS:
            return
        lemma = VERB_FORMS.get(verb.lower_)
        if lemma is not None and VERBS[lemma].family in {"support", "support_light"}:
            return  # "sent weapons alongside advisers"
        clause = [verb]
        while clause[-1].dep_ not in {"relcl", "ccomp", "advcl", "conj", "ROOT"} and (
            clause[-1].head.i != clause[-1].i
        ):
            clause.append(clause[-1].head)  # (up to the verb's own clause)
        if any(_verb_family(a) in {"includes", "includes_passive"} for a in clause):
            # "brings together seven groups, led by A and B, alongside C": a list of members,
            # not a fight
            return
        fighting = (lemma is not None and VERBS[lemma].family in {"hostility", "capture"}) or any(
            c.dep_ == "xcomp" and _verb_family(c) in {"hostility", "capture"}
            for c in verb.children
        ) or any(
            # "the offensive is carried out by A together with B", "A launched Operation
            # Olive Branch together with B": the verb's object or subject is the operation
            c.dep_ in {"dobj", "nsubjpass"} and (_noun_family(c) == "hostility" or any(
                m.lower_ == "operation" for m in (c, *c.children) if m.i <= c.i))
            for c in verb.children
        )  # ("together with X, continue to shell the district")
        if tok.lower_ not in {"alongside", "beside"} and not fighting and (
            verb.lower_ not in JOINT_ACTION_VERBS
        ):
            return  # "together with China blocked a resolution": diplomacy, not operations
        subjects = self.refs(self.subject_tokens(verb))
        if not subjects and verb.dep_ in {"advcl", "xcomp"} and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
        ) and verb.head.pos_ in {"VERB", "AUX"}:
            # "Liwa al-Tawhid travelled south to fight alongside al-Farouq"
            subjects = self.refs(self.subject_tokens(verb.head))
        if not subjects and self.passive(verb):
            # "Hezbollah fighters were deployed alongside the army": the deployed side
            subjects = self.refs([c for c in verb.children if c.dep_ == "nsubjpass"
                                  and c.lower_ not in WH_WORDS])
        self.emit(JOINT, subjects, partners, tok)
        if partners and (fighting or verb.lower_ in JOINT_ACTION_VERBS or any(
            _noun_family(o) == "hostility" for c in verb.children
            for o in ((c,) if c.dep_ == "dobj" else _pobjs(c) if c.dep_ == "prep" else ())
        )):
            # "Hezbollah and the Fatemiyoun joined the assault alongside the army": the two
            # did too
            self.emit_symmetric(JOINT, self.named_subjects(verb), tok)

    def co_agent_tokens(self, v: Token) -> list[Token]:
        """Partners named beside a fighting verb's subject: "A, together with B, attacked",
        "A, along with B, ...", "A, alongside B, ..." (on the subject), and "A attacked X
        together with B" (on the verb; "fought alongside B" is handled with the verb)."""
        out: list[Token] = []
        for holder in (*self.subject_tokens(v), v):
            for c in holder.children:
                beside = c.dep_ == "prep" and c.lower_ in {"alongside", "beside"} and (
                    holder.i != v.i)
                with_ = c.dep_ == "prep" and c.lower_ == "with" and (
                    self.doc[c.i - 1].lower_ in {"along", "together"}
                    or any(m.lower_ == "together" for m in c.children))
                if beside or with_:
                    out += _pobjs(c)
                elif c.lower_ in {"along", "together"}:
                    # "together with B" parsed as an adverb governing the preposition
                    out += [p for w in c.children if w.lower_ == "with" for p in _pobjs(w)]
        return out

    def named_subjects(self, verb: Token) -> list[Ref]:
        """Actors named as the subject and its conjuncts themselves: not "fighters from A and
        B" or "militias, among them A and B" (a description, not two partners), nor a
        pronoun's antecedents."""
        out: list[Ref] = []
        for t in verb.children:
            if t.dep_ != "nsubj":
                continue  # (not a relative pronoun's antecedent: "groups such as A and B,
                # which fought alongside X")
            for x in (t, *t.conjuncts):
                ref = self.ctx.by_token.get(x.i)
                if ref is not None and not ref.coref:
                    out.append(ref)
        return out

    def together(self, tok: Token) -> None:
        """"Fighters of A and B are holding out together": coordinated subjects of a fighting
        or field verb that act "together" operate jointly (not "work together", which
        reporters use for talks and intelligence sharing as much as for operations)."""
        verb = tok.head
        if verb.pos_ not in {"VERB", "AUX"} or verb.lower_ in _TALK_TOGETHER:
            return
        lemma = VERB_FORMS.get(verb.lower_)
        fighting = lemma is not None and VERBS[lemma].family in {"hostility", "capture"}
        if fighting or verb.lower_ in JOINT_ACTION_VERBS:
            named = self.named_subjects(verb)
            if not named:
                # "Fighters of A and B are holding out together": the owners act together
                named = [r for t in verb.children if t.dep_ == "nsubj" and t.lower_ in
                         PROXY_NOUNS for c in t.children if c.dep_ == "prep"
                         and c.lower_ in {"of", "from"} for p in _pobjs(c) if p.conjuncts
                         for x in (p, *p.conjuncts) if (r := self.ctx.by_token.get(x.i))]
            self.emit_symmetric(JOINT, named, tok)

    def next_mention(self, tok: Token, reach: int) -> list[Ref]:
        for k in range(tok.i + 1, min(tok.i + 1 + reach, self.sent.end)):
            ref = self.ctx.by_token.get(k)
            if ref is not None:
                return [ref]
            if self.doc[k].pos_ in {"VERB", "AUX"} or self.doc[k].text in {",", ";"}:
                return []
        return []

    def listed_after(self, tok: Token) -> list[Ref]:
        """Names listed right after a noun: "militias, among them A and B", "factions,
        including A, B and C", "groups such as A" (read off the token order: the parser
        hangs such lists anywhere)."""
        k = tok.i + 1
        end = self.sent.end
        if k < end and self.doc[k].text in {",", ":", "-", "–", "—", "("}:
            k += 1
        counted = any(c.dep_ == "nummod" for c in tok.children) or (
            tok.dep_ == "pobj" and tok.head.lower_ == "of"
            and (tok.head.head.like_num or tok.head.head.lower_ in {"two", "three", "four",
                                                                      "both"}))
        if k < end and self.doc[k].lower_ in {"in", "from", "across", "around"} and not counted:
            # "the main factions in the province: A, B and C": the place phrase before a colon
            j = k + 1
            while j < end and j - k < 6 and self.doc[j].text not in {":", ","} and (
                j not in self.ctx.by_token
            ):
                j += 1
            if j < end and self.doc[j].text == ":":
                k = j + 1
        if counted and k < end and self.doc[k].lower_ in {"in", "from", "across", "around"}:
            # "two SNA factions in Afrin, A and B": the place phrase before the list
            j = k + 1
            while j < end and j - k < 6 and self.doc[j].text != "," and (
                j not in self.ctx.by_token
            ):
                j += 1
            if j < end and self.doc[j].text == ",":
                k = j + 1
        words = [t.lower_ for t in self.doc[k:min(k + 2, end)]]
        if self.doc[k - 1].text == ":":
            pass  # "seven factions: A, B and C"
        elif self.doc[k - 1].text == "," and counted:
            pass  # "two SNA factions, the Sultan Murad Division and the Hamza Division"
        elif words[:2] == ["among", "them"] or words[:2] == ["such", "as"]:
            k += 2
        elif words[:1] in (["including"], ["like"], ["notably"], ["mainly"], ["mostly"],
                           ["chiefly"], ["primarily"], ["principally"], ["especially"],
                           ["particularly"]):
            k += 1
        else:
            return []
        return self.names_from(k)

    def names_from(self, k: int) -> list[Ref]:
        """The run of names (with list glue between them) that starts at token ``k``."""
        end = self.sent.end
        out: list[Ref] = []
        while k < end:
            ref = self.ctx.by_token.get(k)
            t = self.doc[k]
            if ref is not None:
                if k + 1 < end and self.doc[k + 1].lower_ in {"'s", "’s"}:
                    k += 2  # "Iraq's Harakat al-Nujaba": the owner is not listed
                    continue
                if ref.end + 1 < end and self.doc[ref.end].text == "-" and (
                    self.doc[ref.end + 1].lower_ in HYPHEN_MODIFIERS
                ):
                    k = ref.end + 2  # "the al-Qaeda-affiliated Nusra Front": Nusra is listed
                    continue
                out.append(ref)
                k = ref.end
                continue
            if t.lower_ in _LIST_GLUE or (t.text[:1].isupper() and t.lower_ in LIST_DESCRIPTORS):
                k += 1
                continue
            break
        return out

    def member_list(self, n: Token) -> None:
        """"several Free Syrian Army groups, including A and B", "A and B, both FSA brigades",
        "A, one of the SNA factions": the listed or described groups belong to the named one.
        "includes/brings together N factions: A, B" lists the subject's members."""
        owners = [r for c in n.children if c.dep_ in {"compound", "nmod", "poss"} and c.i < n.i
                  and not any(k.dep_ == "conj" and k.pos_ == "NOUN" for k in c.children)
                  for r in self.actors_at(c, 1)]  # ("the government and rebel factions
        whole = [r for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                 for r in self.refs(_pobjs(c))]
        if len(owners) == 1 and len(whole) == 1 and owners[0].actor != whole[0].actor and (
            n.lower_ in {"units", "brigades", "battalions", "formations"}
        ):
            # "Tiger Forces units of the Syrian Arab Army": the named units belong to it
            self.emit(MEMBERSHIP, owners, whole, n)
            return
        if not owners and n.lower_ in {"members", "components", "units", "factions"} and (
            n.dep_ == "pobj" and n.head.lower_ == "as" and n.head.head.pos_ == "VERB"
        ):
            # "listed A, B and C as members of X", "named A as components of X"
            coalition = self.refs([p for c in n.children if c.dep_ == "prep"
                                   and c.lower_ in {"of", "in"} for p in _pobjs(c)])
            listed = self.refs([c for c in n.head.head.children if c.dep_ == "dobj"])
            if len(coalition) == 1:
                self.emit(MEMBERSHIP, [r for r in listed if r.actor != coalition[0].actor],
                          coalition, n)
            return
        if not owners and n.dep_ == "dobj":
            lemma = VERB_FORMS.get(n.head.lower_)
            if lemma is not None and VERBS[lemma].family == "includes":
                subjects = self.subject_tokens(n.head)
                # ("The coalition brings together seven factions: A, B": the parser may hang
                # the list on the subject as an apposition; the subject is what comes first)
                coalition = [r for r in self.refs(subjects) if r.start < n.head.i]
                if not coalition:
                    # then "the coalition" is the coalition the report named last
                    named = self.ctx.coref.named_coalitions[-1:]
                    coalition = [Ref(a, t.i, t.i + 1, coref=True) for t in subjects[:1]
                                 if t.lower_ in COALITION_NOUNS and any(
                                     c.dep_ == "det" and c.lower_ == "the" for c in t.children)
                                 for a in named]
                listed = self.listed_after(n)
                self.emit(MEMBERSHIP, [r for r in listed if r.actor not in
                                       {c.actor for c in coalition[:1]}], coalition[:1], n)
            return
        if not owners and n.dep_ == "nsubj" and n.head.lemma_ == "be" and (
            n.lower_ in {"members", "components", "factions", "groups"}
        ):
            # "The founding factions of the Islamic Front are A, B and C"
            owners = [r for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                      for r in self.refs(_pobjs(c))][:1] or self.unnamed_coalition(n)
        if len(owners) != 1 or any(p.lower_ in {"against", "on"} for p in n.ancestors
                                   if p.dep_ == "prep" and p.head.i == n.head.i):
            return
        members = self.listed_after(n)
        members += self.refs([p for c in n.children if c.dep_ == "prep"
                              and c.lower_ in {"including", "like"} for p in _pobjs(c)])
        if not members and n.dep_ == "appos" and any(c.lower_ in {"both", "all"}
                                                     for c in n.children):
            members = self.refs([n.head])  # "A and B, both FSA brigades"
        if not members and n.dep_ == "nsubj" and n.head.lemma_ == "be":
            # "The main FSA factions involved were A, B and C" (a long list the parser may
            # break into other roles: read it off the token order then)
            members = self.refs([c for c in n.head.children if c.dep_ == "attr"
                                 and c.i > n.head.i]) or self.names_from(n.head.i + 1)
        if not members and n.dep_ == "pobj" and n.head.lower_ == "among" and (
            n.head.head.pos_ in {"VERB", "AUX"}
        ):
            # "Among the Burkan al-Firat factions were A, B and C"
            members = self.refs([c for c in n.head.head.children
                                 if c.dep_ in {"nsubj", "attr"} and c.i > n.i])
        if not members and n.dep_ == "pobj" and n.head.lower_ == "of" and (
            n.head.head.lower_ in {"one", "two", "three", "some", "part"}
            and n.head.head.dep_ == "appos"
        ):
            members = self.actors_at(n.head.head.head, 1)  # "A, one of the SNA factions"
        self.emit(MEMBERSHIP, [r for r in members if r.actor != owners[0].actor], owners, n)

    def unnamed_coalition(self, n: Token) -> list[Ref]:
        """"The founding members are A, B and C", "Its components are ...", "The factions of
        the new alliance are ...": the members of the coalition the report named last, when
        the subject names none and a list of at least two follows the copula."""
        of = [p for c in n.children if c.dep_ == "prep" and c.lower_ == "of" for p in _pobjs(c)]
        own = [c for c in n.children if c.dep_ == "poss"]
        definite = any(c.dep_ == "det" and c.lower_ in {"the", "its", "their"}
                       for c in n.children)
        if any(c.dep_ not in {"det", "poss", "amod", "compound"} and not (
            c.dep_ == "prep" and c.lower_ == "of"
        ) for c in n.children):
            return []  # "the groups fighting there / in the city are A and B": not members
        if of:
            if len(of) != 1 or of[0].lower_ not in COREF_COALITION_NOUNS or (
                of[0].i in self.ctx.by_token
            ):
                return []  # a named owner is member_list's own case; "members of parliament"
        elif own:
            if own[0].lower_ not in {"its", "their"}:
                return []
        elif not definite:
            return []
        listed = [c for c in n.head.children if c.dep_ == "attr" and c.i > n.head.i]
        if len(self.refs([x for c in listed for x in (c, *c.conjuncts)])) < 2 and len(
            self.names_from(n.head.i + 1)
        ) < 2:
            return []
        named = self.ctx.coref.named_coalitions[-1:]
        return [Ref(a, n.i, n.i + 1, coref=True) for a in named]

    def within(self, tok: Token) -> None:
        # "the Deir Ezzor Military Council, which operates within the SDF", "factions within
        # the PMF, including Kataib Hezbollah"
        parents = [r for r in self.refs(_pobjs(tok))
                   if self.ctx.kind_of(r.actor) is not ActorKind.STATE]
        if len(parents) != 1:
            return
        host = tok.head
        if host.pos_ in {"VERB", "AUX"} and host.lower_ in WITHIN_VERBS:
            members = self.refs(self.subject_tokens(host))
        elif host.lower_ in MEMBER_PLURALS:
            members = self.listed_after(host) or self.refs(
                [p for c in host.children if c.dep_ == "prep" and c.lower_ == "including"
                 for p in _pobjs(c)])
            members += self.listed_after(self.doc[parents[0].end - 1])
        else:
            return
        self.emit(MEMBERSHIP, members, parents, tok)

    def under_deal(self, tok: Token) -> None:
        """"Under the agreement, Shabab al-Sunna began handing over its heavy weapons to the
        government troops": the clause under a deal names its two parties."""
        deals = [p for p in _pobjs(tok) if p.lower_ in DEAL_NOUNS]
        verb = tok.head
        if not deals or verb.pos_ not in {"VERB", "AUX"}:
            return
        if any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for d in deals
               for c in d.children):
            return  # "under a deal with Hezbollah": the noun names its parties itself
        if any(t.lower_ in {"jointly", "together", "alongside", "beside"} for t in verb.subtree):
            return  # "under the agreement, army units will man positions jointly with X"
        parties = self.refs(self.subject_tokens(verb))
        clauses = [verb, *(c for c in verb.children if c.dep_ in {"xcomp", "conj"}
                           and c.pos_ == "VERB")]
        others = self.refs([p for v in clauses for c in v.children if c.dep_ in {"prep", "dative"}
                            and c.lower_ in {"to", "with"} for p in _pobjs(c)])
        if len(parties) == 1 and others:
            self.emit(TRUCE, parties, [r for r in others if r.actor != parties[0].actor],
                      tok)

    def in_room(self, tok: Token) -> None:
        """"A, B and C coordinated their battles in the Burkan al-Firat joint operations
        room": who acts inside a named operations room or command belongs to it."""
        rooms: list[Ref] = []
        for p in _pobjs(tok):
            ref = self.ctx.by_token.get(p.i)
            if ref is None and p.lower_ in {"room", "command", "ranks"}:
                named = [c for c in p.children if self.ctx.by_token.get(c.i) is not None]
                ref = self.ctx.by_token.get(named[0].i) if named else None
            elif ref is not None and not any(
                t.lower_ in {"room", "command"} for t in self.doc[ref.end:min(ref.end + 6,
                                                                              self.sent.end)]
            ):
                ref = None
            if ref is not None and self.ctx.kind_of(ref.actor) is ActorKind.COALITION:
                rooms.append(ref)
        host = tok.head
        if host.pos_ == "NOUN" and host.dep_ == "dobj":
            host = host.head  # "coordinated their battles in the ... room"
        if len(rooms) != 1 or host.pos_ not in {"VERB", "AUX"} or self.passive(host):
            return  # ("units grouped in the X room" is read by the verb itself)
        members = [r for r in self.refs(self.subject_tokens(host)) if r.actor != rooms[0].actor]
        self.emit(MEMBERSHIP, members, rooms, tok)

    def share_of(self, n: Token) -> None:
        # "The YPG, which forms the backbone of the SDF", "A and B constitute the core of X"
        whole = self.refs([p for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                           for p in _pobjs(c)])
        if len(whole) != 1:
            return
        parts = self.refs(self.subject_tokens(n.head))
        self.emit(MEMBERSHIP, [r for r in parts if r.actor != whole[0].actor], whole, n)

    def merger(self, n: Token) -> None:
        # "JKW, formed in 2016 through the merger of A and B"; "X is a merger of A and B"
        members = self.refs([p for c in n.children if c.dep_ == "prep"
                             and c.lower_ in {"of", "between"} for p in _pobjs(c)])
        members += [r for c in n.children if c.dep_ == "acl"
                    and c.lower_ in {"led", "spearheaded", "headed"}
                    for a in c.children if a.dep_ == "agent" for p in _pobjs(a)
                    for r in self.actors_at(p)[:1]]
        if not members:
            return
        node = n
        if node.dep_ == "pobj":
            node = node.head.head  # "through the merger", "as a merger": the verb
        whole: list[Ref] = []
        if n.dep_ == "attr":
            whole = self.refs([c for c in n.head.children if c.dep_ == "nsubj"])
        elif node.pos_ in {"VERB", "AUX"} and VERB_FORMS.get(node.lower_) in FOUNDING_VERBS:
            if node.dep_ in {"acl", "relcl", "prep"}:
                whole = self.actors_at(node.head, 1)
            else:
                whole = self.refs([c for c in node.children if c.dep_ == "nsubjpass"])
        self.emit(MEMBERSHIP, [r for r in members if r not in whole], whole[:1], n)

    def of_parent(self, tok: Token, ref: Ref) -> None:
        # "the Southern Front of the Free Syrian Army": a named part of a named whole
        if self.ctx.kind_of(ref.actor) is ActorKind.STATE:
            return
        words = self.doc[ref.start:ref.end].text.lower().split()
        unit = bool(words) and words[-1] in UNIT_HEADS
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                parents = [r for p in _pobjs(child) for r in self.actors_at(p, 1)
                           if (p.i in self.ctx.by_token
                               and self.ctx.kind_of(r.actor) is not ActorKind.STATE)
                           or (unit and p.lower_ in {"army", "military", "forces"}
                               and self.ctx.kind_of(r.actor) is ActorKind.STATE)]
                # ("the Fourth Division of the regime army": a state's army unit too)
                self.emit(MEMBERSHIP, [ref], parents[:1], child)

    def whose_core(self, tok: Token) -> None:
        """"The SDF, whose backbone is the YPG": the core is a member of the owner."""
        verb = tok.head
        if verb.lemma_ != "be" or verb.dep_ != "relcl":
            return
        owner = self.actors_at(verb.head, 1)[:1]
        cores = [r for c in verb.children if c.dep_ == "attr" for x in (c, *c.conjuncts)
                 if x.i in self.ctx.by_token for r in self.actors_at(x, 1)]
        self.emit(MEMBERSHIP, [r for r in cores if r.actor not in {o.actor for o in owner}],
                  owner, tok)

    def of_which_member(self, tok: Token) -> None:
        """"The Islamic Front, of which Ahrar al-Sham is a founding member": a member of the
        name the relative clause describes."""
        verb = tok.head
        if verb.lemma_ != "be" or not any(
            c.dep_ in {"prep", "dep"} and c.lower_ == "of"
            and any(p.lower_ == "which" for p in _pobjs(c)) for c in verb.children
        ):
            return
        whole = self.actors_at(verb.head, 1)[:1]
        members = self.refs([c for c in verb.children if c.dep_ == "nsubj"])
        self.emit(MEMBERSHIP, [r for r in members if r.actor not in {w.actor for w in whole}],
                  whole, tok)

    def embedded(self, v: Token) -> None:
        """"US advisers were embedded with SDF units": advisers support the unit they sit
        with; fighters embedded with a unit fight with it."""
        hosts = self.refs([p for c in v.children if c.dep_ == "prep"
                           and c.lower_ in {"with", "in", "among", "within"} for p in _pobjs(c)])
        if self.passive(v):
            guests = [c for c in v.children if c.dep_ == "nsubjpass"]
        else:  # "Iran has embedded advisers in Syrian army units"
            guests = [c for c in v.children if c.dep_ == "dobj"]
        embedded = self.refs(guests) or self.refs(self.subject_tokens(v))
        if not self.passive(v):
            embedded = self.refs(self.subject_tokens(v)) or embedded
        advisers = any(g.lower_ in _ADVISER_NOUNS for g in guests)
        host_ids = {h.actor for h in hosts}
        self.emit(SUPPORT if advisers else JOINT,
                  [r for r in embedded if r.actor not in host_ids], hosts, v)

    def named_within(self, tok: Token, ref: Ref) -> None:
        """"the FSA's Southern Front", "the Southern Front of the Free Syrian Army": one
        gazetteer name that itself names the whole its actor belongs to."""
        text = self.doc[ref.start:ref.end].text
        candidates: list[str] = []
        for mark in ("'s ", "’s "):
            if mark in text:
                candidates.append(text.split(mark, 1)[0])
        if " of " in text:
            part, whole = text.rsplit(" of ", 1)
            if part.split()[-1].lower() in UNIT_HEADS | _PART_HEADS:
                candidates.append(whole)  # (not "Conquest of the Levant Front")
        first = text.split()[0]
        if len(text.split()) > 1 and first.isupper() and len(first) >= 2:
            candidates.append(first)  # "FSA Southern Front"
        when = self.doc.user_data.get(DATE_KEY)
        for name in candidates:
            parent = self.ctx.gaz.resolve(name.removeprefix("the "), when=when, fuzzy=False)
            if parent is None or parent.id == ref.actor or parent.kind is ActorKind.STATE:
                continue
            coalitions = list(self.ctx.coref.current.coalitions)
            self.emit(MEMBERSHIP, [ref], [Ref(parent.id, ref.start, ref.end)], tok)
            # (a name's own parent is no antecedent for "the coalition" later on)
            self.ctx.coref.current.coalitions[:] = coalitions
            return

    def possessed_unit(self, tok: Token, ref: Ref) -> None:
        """"the army's Tiger Forces", "the SNA's Third Legion", "Iran's Islamic Revolutionary
        Guard Corps": a unit owned by a coalition or by a state's armed forces belongs to it."""
        words = self.doc[ref.start:ref.end].text.lower().split()
        if not words:
            return
        unit = words[-1] in UNIT_HEADS
        # ("the army's elite Tiger Forces": the possessive may hang on the adjective)
        for child in (*tok.children, *(g for c in tok.children if c.dep_ == "amod"
                                        for g in c.children)):
            if child.dep_ != "poss" or child.i >= ref.start:
                continue
            for owner in self.actors_at(child, 1):
                kind = self.ctx.kind_of(owner.actor)
                military = any(w in child.text.lower() for w in ("army", "military", "forces",
                                                                 "regime"))
                if owner.actor != ref.actor and (kind is ActorKind.COALITION or (
                    unit and kind is ActorKind.STATE and (military or "guard" in words)
                )) and ref.start - child.i <= 4:
                    self.emit(MEMBERSHIP, [ref], [owner], child)

    def pro_prefix(self, ref: Ref) -> None:
        """"the pro-government National Defence Forces", "the pro-Iranian Fatemiyoun": a name
        described as siding with an actor is its ally."""
        k = ref.start
        if k < 3 or self.doc[k - 2].text not in "-‐–" or self.doc[k - 3].lower_ != "pro":
            return
        word = self.doc[k - 1]
        side = self.ctx.gaz.adjective_actor(word.text)
        if side is None and word.lower_ in {"government", "regime", "assad", "damascus"}:
            side = "saa" if self.ctx.kind_of("saa") is not None else None
        if side is not None and side != ref.actor:
            self.emit(ALLIANCE, [ref], [Ref(side, word.i, word.i + 1)], word)

    def under_banner(self, tok: Token) -> None:
        # "Liwa al-Tawhid fights under the banner of the FSA": a member of X
        for pobj in _pobjs(tok):
            if pobj.lower_ not in BANNER_NOUNS:
                continue
            coalition = self.refs([p for c in pobj.children if c.dep_ == "prep"
                                   and c.lower_ == "of" for p in _pobjs(c)])
            coalition += [r for c in pobj.children if c.dep_ in {"poss", "compound"}
                          for r in self.actors_at(c, 1)]
            verb = tok.head
            if verb.pos_ not in {"VERB", "AUX"}:
                members = self.actors_at(verb, 1)
                node = verb
                if node.dep_ == "pobj" and node.head.lower_ == "of" and (
                    node.head.head.lower_ == "one" or node.head.head.like_num
                ):
                    node = node.head.head
                if not members and node.dep_ == "appos" and node.pos_ in {"NOUN", "NUM"}:
                    # "the Farouq Brigades, one of the largest formations under the FSA
                    # umbrella": the name the description stands beside
                    members = self.actors_at(node.head, 1)[:1]
            else:
                members = self.refs(self.subject_tokens(verb))
            # "Turkey and the rebels it backs, grouped under the banner of the SNA"
            members = [r for r in members if self.ctx.kind_of(r.actor) is not ActorKind.STATE]
            self.emit(MEMBERSHIP, members, coalition[:1], tok)

    def led_by(self, v: Token) -> None:
        # "Hayat Tahrir al-Sham, spearheaded by the former Nusra Front": the leading group is a
        # member of the coalition it leads.
        head = v.head
        coalition = self.actors_at(head, 1)
        if not coalition and head.dep_ == "appos" and head.lower_ in COALITION_NOUNS:
            coalition = self.actors_at(head.head, 1)
        coalition = [r for r in coalition if self.ctx.kind_of(r.actor) is ActorKind.COALITION]
        leaders = self.refs([p for c in v.children if c.dep_ == "agent" for p in _pobjs(c)])
        if head.dep_ == "appos" and any(
            r.actor == leader.actor for t in _coordinated(head.head) for r in self.actors_at(t, 1)
            for leader in leaders
        ):
            return  # "A and B, the alliance led by <B's commander>": B's own leader, not B in A
        if coalition and self.ctx.gaz.named_by_leader(coalition[0].actor):
            # "the coalition led by the United States" restates "the US-led coalition"
            self.ctx.covered |= {frozenset((r.actor, coalition[0].actor)) for r in leaders}
            return
        self.emit(MEMBERSHIP, leaders, coalition[:1], v)

    def appos(self, a: Token) -> None:
        # "Jaish al-Fatah, an alliance of A, B and C" / "A, a member of X"
        head = a.head
        lemma = NOUN_FORMS.get(a.lower_, a.lower_)
        if lemma in COALITION_NOUNS:
            members = [p for c in a.children if c.dep_ == "prep" and c.lower_ in {"of", "between"}
                       for p in _pobjs(c)]
            members += [p for c in a.children if c.dep_ == "acl" and _verb_family(c) not in {
                            "hostility", "hostile_light", "capture", "support", "prevent"}
                        for p in self.object_tokens(c, frozenset({"of"}))]  # (not "a group
            # fighting IS")
            # only groups named as such: "a coalition of former FSA units" lists units, not
            # the FSA
            named = [t for m in members for t in self.expand(m)
                     if self.ctx.by_token.get(t.i) is not None]
            self.emit(MEMBERSHIP, self.refs(named), self.refs([head]), a)

    def epithet(self, n: Token) -> None:
        """"Moscow, Assad's main ally" / "Hurras al-Din, an al-Qaeda affiliate": a noun that
        states a relation between the described actor and its possessor or name modifier."""
        owners = [r for c in n.children if c.dep_ in {"poss", "compound", "nmod"}
                  and c.i < n.i and c.lower_ not in {"its", "their"}
                  for r in self.actors_at(c, 1)]
        if not owners and n.dep_ == "conj" and any(
            c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in n.children
        ):
            owners = self.actors_at(n.head, 1)[:1]  # "the Syrian army and its Russian backers"
        elif not owners and n.dep_ == "appos" and n.head.i in self.ctx.by_token:
            # "Hezbollah sent fighters. Iran, its main patron, denied it": the pronoun's
            # antecedent, never the described name itself
            described_id = self.ctx.by_token[n.head.i].actor
            if any(c.dep_ == "poss" and c.lower_ == "its" for c in n.children):
                previous = self.ctx.coref.history[-1] if self.ctx.coref.history else None
                candidates = [*previous.subjects, *previous.actors] if previous else []
                owners = [Ref(a, n.i, n.i + 1, coref=True) for a in candidates
                          if a != described_id][:1]
        if not owners:
            return
        follower = [c for c in n.children if c.dep_ == "appos" and c.i in self.ctx.by_token]
        if follower and n.dep_ not in {"appos", "attr"}:
            described = self.actors_at(follower[0], 1)[:1]  # "al-Qaeda's affiliate, the Nusra
            rtype, flip = RELATION_EPITHETS[n.lower_]        # Front, ..."
            if flip:
                self.emit(rtype, owners, described, n)
            else:
                self.emit(rtype, described, owners, n)
            return
        plural = n.dep_ == "appos" and n.tag_ == "NNS" and bool(n.head.conjuncts)
        if n.dep_ == "appos":
            # ("Iran and Hezbollah, Damascus's main backers": both are)
            described = self.refs([n.head]) if plural else self.actors_at(n.head, 1)
        elif n.dep_ == "conj" and n.head.dep_ == "appos" and n.head.i not in self.ctx.by_token:
            # "Iran, Hezbollah's main patron and Damascus' closest ally": a second description
            described = self.actors_at(n.head.head, 1)[:1]
            if described:
                rtype, flip = RELATION_EPITHETS[n.lower_]
                if flip:
                    self.emit(rtype, owners, described, n)
                else:
                    self.emit(rtype, described, owners, n)
                return
        elif n.dep_ == "conj":
            described = []
        else:
            described = self.refs([c for c in n.head.children if c.dep_ == "nsubj"])
            if not described and n.head.dep_ == "relcl" and any(
                c.dep_ == "nsubj" and c.lower_ in WH_WORDS for c in n.head.children
            ):
                # "The SDF, which was Washington's main partner": the relative's anchor
                described = self.actors_at(self.relative_anchor(n.head), 1)
        if not described or n.dep_ == "conj":
            # "its Russian backers", "Turkey's Syrian proxies, the SNA": the adjective names them
            adjectives = [self.ctx.gaz.adjective_actor(c.text) for c in n.children
                          if c.dep_ == "amod" and c.i < n.i]
            named = [Ref(a, n.i, n.i + 1) for a in adjectives if a is not None]
            if named and n.dep_ != "appos" and not RELATION_EPITHETS[n.lower_][1]:
                described = named[:1]
            elif n.dep_ == "conj":
                appos = [c for c in n.children if c.dep_ == "appos"]
                described = self.refs(appos)[:1] or self.refs(
                    [p for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in _pobjs(c)])[:1]  # "its mercenaries of the so-called SNA"
        rtype, flip = RELATION_EPITHETS[n.lower_]
        described = described if plural else described[:1]
        if flip:
            self.emit(rtype, owners, described, n)
        else:
            self.emit(rtype, described, owners, n)
        if n.lower_ in {"partner", "partners", "ally", "allies"} and described:
            # "X, Washington's main partner in the war against ISIS": both fight ISIS
            self.emit(HOSTILITY, owners + described, self.fought_against(n), n)

    def fought_against(self, n: Token) -> list[Ref]:
        """Who a partnership noun is "against": "partner against X", "partner in the war /
        fight / campaign against X"."""
        found = [p for c in n.children if c.dep_ == "prep" and c.lower_ == "against"
                 for p in _pobjs(c)]
        found += [p for c in n.children if c.dep_ == "prep" and c.lower_ in {"in", "for"}
                  for w in _pobjs(c) if w.lower_ in {"war", "fight", "campaign", "battle",
                                                     "struggle", "operations", "effort"}
                  for d in w.children if d.dep_ == "prep" and d.lower_ == "against"
                  for p in _pobjs(d)]
        return self.refs(found)

    def its_epithet(self, tok: Token, ref: Ref) -> None:
        """"the Islamic Front and its component Liwa al-Tawhid", "Russia and its ally the
        Syrian army": the name after "its <relation word>" relates to the conjunct before."""
        if tok.dep_ != "conj" or tok.head.i not in self.ctx.by_token:
            return
        for c in tok.children:
            word = c.lower_
            if c.i >= tok.i or c.dep_ not in {"compound", "nmod", "amod"} or not any(
                p.dep_ == "poss" and p.lower_ in {"its", "their"}
                for p in (*c.children, *tok.children)
            ):
                continue
            owner = self.actors_at(tok.head, 1)[:1]
            if word in RELATION_EPITHETS:
                rtype, flip = RELATION_EPITHETS[word]
            elif NOUNS.get(NOUN_FORMS.get(word, word)) == "member":
                rtype, flip = MEMBERSHIP, False
            else:
                continue
            if flip:
                self.emit(rtype, owner, [ref], c)
            else:
                self.emit(rtype, [ref], owner, c)

    def names_room(self, tokens: list[Token], created: Ref) -> bool:
        """Whether what was founded is a joint operations room or command (its founders then
        fight together), not a political body or a merged group."""
        words = {t.lower_ for tok in tokens for t in tok.subtree}
        words |= set(self.doc[created.start:created.end].text.lower().split())
        if created.actor in self.ctx.gaz:
            words |= set(self.ctx.gaz.actor(created.actor).name.lower().split())
        return "room" in words or ("joint" in words and "command" in words)

    def in_the_face_of(self, face: Token) -> None:
        """"government troops withdrew in the face of an offensive by Jaish al-Fatah": who
        gives way fights the attacker."""
        attacks = [p for c in face.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in _pobjs(c) if _noun_family(p) == "hostility"]
        verb = face.head.head
        if not attacks or verb.pos_ not in {"VERB", "AUX"}:
            return
        agents = self.own_agents(attacks[0]) or self.refs(
            [p for c in verb.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by"
             and c.i > face.i for p in _pobjs(c)])  # ("by X" hung on the verb)
        self.emit(HOSTILITY, agents, self.refs(self.subject_tokens(verb)), face)

    def one_of(self, one: Token) -> None:
        """"the Farouq Brigades, one of the best-known units of the FSA", "Shabab al-Sunna, one
        of the largest groups in the Southern Front", "X is one of the founding components of
        the SDF, together with A and B": the described actor (and its companions) belong to
        the coalition named with the group noun."""
        kinds = [p for c in one.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in _pobjs(c)]
        if len(kinds) != 1:
            return
        kind = kinds[0]
        if kind.lower_ not in MEMBER_PLURALS | _ONE_OF_HEADS:
            return
        coalition = self.refs([p for c in kind.children if c.dep_ == "prep"
                               and c.lower_ in {"of", "in", "within"} for p in _pobjs(c)])
        if not coalition:
            coalition = [r for c in kind.children if c.dep_ in {"poss", "compound"}
                         and c.i < kind.i for r in self.actors_at(c, 1)]
        if len(coalition) != 1 or self.ctx.kind_of(coalition[0].actor) is ActorKind.STATE:
            return  # ("one of the largest units of the Turkish army" is the army's own)
        members: list[Ref] = []
        if one.dep_ == "appos" and one.head.i in self.ctx.by_token:
            members = self.actors_at(one.head, 1)[:1]
            if one.lower_ != "one":
                # "the Hamza Division and the Sultan Murad Division, two of the FSA factions"
                members += [r for c in one.head.conjuncts for r in self.actors_at(c, 1)[:1]]
        elif one.dep_ == "conj" and one.head.dep_ == "appos" and (
            one.head.head.i in self.ctx.by_token
        ):
            members = self.actors_at(one.head.head, 1)[:1]  # "X, the Y-based faction and
        elif one.dep_ == "attr" and one.head.pos_ in {"AUX", "VERB"}:  # one of the largest"
            members = self.refs(self.subject_tokens(one.head))
        # "..., together with A and B": the companions are members too
        members += self.refs([p for c in one.children if c.dep_ == "prep" and c.lower_ == "with"
                              and any(t.lower_ in {"together", "along"} for t in c.children)
                              for p in _pobjs(c)])
        self.emit(MEMBERSHIP, [r for r in members if r.actor != coalition[0].actor],
                  coalition, one)

    def relation_of(self, n: Token) -> None:
        """"Jordan was one of the main backers of the Southern Front", "Qatar is the main
        sponsor of Ahrar al-Sham", "Hezbollah, a close ally of the regime": the "of" side is
        the other party of the described actor."""
        owners = self.refs([p for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                            for p in _pobjs(c) if p.lower_ not in _RHETORIC_OWNERS])
        if not owners:
            return  # ("an enemy of the Syrian people" names no armed actor)
        node = n
        if node.dep_ == "pobj" and node.head.lower_ == "of" and (
            node.head.head.lower_ in {"one", "some", "two", "three"} or node.head.head.like_num
        ):
            node = node.head.head  # "one of the main backers of X"
        described: list[Ref] = []
        if node.dep_ == "attr" and node.head.pos_ in {"AUX", "VERB"}:
            described = self.refs(self.subject_tokens(node.head))
        elif node.dep_ == "appos" and node.head.i in self.ctx.by_token:
            described = self.actors_at(node.head, 1)
        elif node.dep_ == "conj" and node.head.dep_ == "appos" and (
            node.head.i not in self.ctx.by_token and node.head.head.i in self.ctx.by_token
        ):
            described = self.actors_at(node.head.head, 1)  # "X, a Y group and an ally of Z"
        elif node.lower_ == "one" and node.dep_ == "nummod":
            # "Jordan was for years one of the backers of X": "one" hung on "years"
            up = node
            for _ in range(3):
                up = up.head
                if up.pos_ == "AUX" and up.lower_ in {"is", "was", "are", "were", "remains",
                                                      "remained"}:
                    described = self.refs(self.subject_tokens(up))
                    break
        described = [r for r in described if r.actor not in {o.actor for o in owners}][:1]
        rtype, flip = RELATION_EPITHETS[n.lower_]
        if flip:
            self.emit(rtype, owners[:1], described, n)
        else:
            self.emit(rtype, described, owners[:1], n)

    def named_allies(self, n: Token) -> None:
        # "X thanked its Russian and Iranian allies": the adjectives name X's allies
        if any(c.dep_ == "compound" for c in n.children):
            return  # "their Iraqi militia allies": militias, not the state
        allies = [Ref(actor, adj.i, adj.i + 1) for c in n.children if c.dep_ == "amod"
                  for adj in (c, *c.conjuncts)
                  if (actor := self.ctx.gaz.adjective_actor(adj.text)) is not None]
        if not allies and n.lower_ in {"ally", "partner"}:
            # "Damascus and its ally Russia": the ally named beside the noun
            allies = self.refs([c for c in n.children if c.dep_ in {"appos", "compound"}
                                and c.i > n.i])
        if not allies:
            return
        if n.dep_ == "conj":
            # "the Syrian regime and its Russian ally": the ally of the first conjunct
            if any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in n.children):
                self.emit(ALLIANCE, self.actors_at(n.head, 1)[:1], allies, n)
            return
        self.emit(ALLIANCE, self.refs(self.subject_tokens(n.head)), allies, n)

    def note_salience(self) -> None:
        coref = self.ctx.coref
        for span in self.ctx.spans:
            if span.start >= self.sent.start and span.end <= self.sent.end:
                root = span.root
                holder = root.head if root.dep_ in {"conj", "compound", "poss", "appos"} else root
                subject = holder.dep_ in {"nsubj", "nsubjpass"} and holder.head.dep_ == "ROOT"
                coref.note_actor(span.label_, subject=subject)
        for tok in self.sent:
            if (tok.lower_ in COREF_COALITION_NOUNS and tok.pos_ == "NOUN"
                    and any(c.lower_ in {"a", "an", "new"} for c in tok.children)
                    and not self.actors_at(tok, 1)
                    and not any(self.ctx.by_token.get(t.i) is not None for c in tok.children
                                if c.dep_ in {"acl", "appos"} for t in c.subtree)):
                coref.note_unnamed_coalition()
        root = self.sent.root
        for subj in root.children:
            if (subj.dep_ in {"nsubj", "nsubjpass"} and subj.pos_ in {"NOUN", "PROPN"}
                    and not self.actors_at(subj, 1) and anaphor_number(subj) is None):
                coref.note_other_subject()
        groups: list[list[str]] = []
        subject_groups: list[list[str]] = []
        for tok in self.sent:
            if tok.dep_ in {"conj", "cc"}:
                continue
            if tok.conjuncts or tok.lower_ in GROUP_WORDS:
                actors = [r.actor for t in self.expand(tok)
                          for r in [self.ctx.by_token.get(t.i), *self._modifier_refs(t)]
                          if r is not None]
                actors = list(dict.fromkeys(actors))
                if len(actors) >= 2:
                    is_subject = tok.dep_ in {"nsubj", "nsubjpass"}
                    (subject_groups if is_subject else groups).append(actors)
        for g in groups + subject_groups:
            coref.note_group(g)

    def _modifier_refs(self, tok: Token) -> list[Ref | None]:
        if self.ctx.by_token.get(tok.i) is not None:
            return []
        return [self.ctx.by_token.get(c.i) for c in tok.subtree
                if c.i < tok.i and c.dep_ in {"compound", "amod", "nmod"}]


# Participles that name who runs something: "led by", "spearheaded by", "carried out by".
LEADING_PARTICIPLES: frozenset[str] = frozenset(
    {"led", "spearheaded", "dominated", "headed", "carried", "launched", "conducted"}
)
# Nouns stating the described actor's relation to their possessor: (type, possessor is source).
RELATION_EPITHETS: dict[str, tuple[RelationType, bool]] = {
    "ally": (ALLIANCE, False), "allies": (ALLIANCE, False), "partner": (ALLIANCE, False),
    "partners": (ALLIANCE, False),
    "affiliate": (MEMBERSHIP, False), "offshoot": (MEMBERSHIP, False),
    "proxy": (SUPPORT, True), "client": (SUPPORT, True), "proxies": (SUPPORT, True),
    "clients": (SUPPORT, True), "mercenaries": (SUPPORT, True), "agents": (SUPPORT, True),
    "backer": (SUPPORT, False), "patron": (SUPPORT, False), "sponsor": (SUPPORT, False),
    "backers": (SUPPORT, False), "patrons": (SUPPORT, False), "sponsors": (SUPPORT, False),
    "supplier": (SUPPORT, False), "suppliers": (SUPPORT, False), "financier": (SUPPORT, False),
    "financiers": (SUPPORT, False), "funder": (SUPPORT, False), "funders": (SUPPORT, False),
    "benefactor": (SUPPORT, False), "protector": (SUPPORT, False),
    "enemy": (HOSTILITY, False), "foe": (HOSTILITY, False), "nemesis": (HOSTILITY, False),
    "enemies": (HOSTILITY, False), "foes": (HOSTILITY, False),
}
# "an attempt by X to advance": repelling it is fighting X.
ATTEMPT_NOUNS: frozenset[str] = frozenset({"attempt", "attempts", "bid", "bids", "effort",
                                            "efforts"})
# "inflicted heavy losses on X", "dealt a blow to X" (the loss noun carries the target).
# What is taken from an enemy when it is overrun ("overran positions of X").
POSITION_NOUNS: frozenset[str] = frozenset(
    {"positions", "position", "bases", "base", "checkpoints", "checkpoint", "headquarters",
     "outposts", "outpost", "strongholds", "stronghold", "posts", "barracks", "lines", "defences",
     "defenses", "depots", "camps", "camp"})
HELD_PARTICIPLES: frozenset[str] = frozenset({"held", "controlled", "used", "run", "operated",
                                             "manned", "occupied", "defended", "garrisoned"})
LOSS_NOUNS: frozenset[str] = frozenset({"losses", "loss", "casualties", "damage", "defeat",
                                         "defeats", "blow", "blows"})
# "announced the launch of the campaign to liberate X": who launches acts.
EVENT_NOUNS: frozenset[str] = frozenset({"launch", "start", "beginning", "onset", "resumption"})
# Weapons whose delivery to a group is support ("delivered mortars to the YPG").
ARMS_NOUNS: frozenset[str] = frozenset(
    {"guns", "rifles", "mortars", "missiles", "rockets", "munitions", "ammunition", "weapons",
     "arms", "vehicles", "tanks", "artillery", "launchers", "drones", "weaponry"}
)
# Verbs whose subject is the beneficiary of a support noun after "from".
BENEFIT_VERBS: frozenset[str] = frozenset(
    {"benefit", "benefits", "benefited", "benefitted", "benefiting", "benefitting", "relies",
     "rely", "relied", "relying", "depends", "depend", "depended", "depending"}
)
AFFILIATION_PARTICIPLES: frozenset[str] = frozenset({"affiliated", "dominated"})
# "an al-Qaeda-aligned group": allied with the prefix.
ALIGNMENT_PARTICIPLES: frozenset[str] = frozenset({"aligned", "allied"})
# Adjectives that leave a nominal anaphor plain ("the new body", "the larger group").
_PLAIN_ANAPHOR_ADJECTIVES: frozenset[str] = frozenset(
    {"new", "same", "former", "larger", "smaller", "latter", "whole", "entire", "joint",
     "newly", "combined", "unified", "main", "other", "rival", "two", "both", "terrorist",
     "takfiri"}
)
_LIST_GLUE = frozenset({",", "and", "the", "as", "well", "(", ")"})
# "the al-Qaeda-affiliated Nusra Front": a name before one of these only describes the next one.
HYPHEN_MODIFIERS = frozenset({"affiliated", "backed", "linked", "aligned", "led", "allied",
                              "supported", "sponsored", "funded", "armed", "trained", "held",
                              "controlled", "dominated", "run", "based", "inspired", "loyal"})
FOUNDING_VERBS = frozenset({"form", "found", "establish", "create"})
TIME_NOUNS = frozenset({"days", "weeks", "months", "years", "hours", "decade", "day", "week",
                        "month", "year"})
# Heads of "against" that are words, law or votes, not fighting.
NOT_HOSTILE_AGAINST = frozenset(
    {"sanctions", "sanction", "measures", "protest", "protests", "accusations", "accusation",
     "charges", "charge", "case", "lawsuit", "complaint", "complaints", "resolution", "warning",
     "warnings", "vote", "votes", "propaganda", "rhetoric", "statement", "statements",
     "crimes", "crime", "violations", "abuses", "atrocities", "campaigners", "demonstrations",
     "rally", "rallies", "veto", "evidence", "allegations", "guarantees", "guarantee",
     "protection", "insurance", "immunity", "bias", "discrimination", "decision", "ruling",
     "law", "laws", "bill", "embargo", "boycott", "petition", "lobbying", "pressure", "stance",
     "position", "policy", "reservations", "caution", "appeal", "appeals", "safeguards",
     "vaccination", "vaccine", "medicine", "treatment", "backlash", "grudge"}
)
_ALLIANCE_DEAL_FORMS = frozenset(f for v in ALLIANCE_DEAL_VERBS for f in inflect(v))
_TRUCE_DEAL_FORMS = frozenset(f for v in TRUCE_DEAL_VERBS for f in inflect(v))
# Group nouns of "one of the ... units of X" beside MEMBER_PLURALS, and the superlatives of
# its short form ("one of the Southern Front's largest").
_ONE_OF_HEADS = frozenset({"units", "formations", "factions", "groups", "brigades", "components",
                           "constituents", "battalions", "divisions", "members", "movements",
                           "largest", "biggest", "strongest", "main", "founders",
                           "organisations", "organizations"})
SPOKESMEN = frozenset({"negotiators", "negotiator", "representatives", "representative",
                       "delegation", "delegations", "envoys", "envoy", "spokesman", "spokesmen",
                       "spokeswoman", "spokesperson", "committee"})
_SIGNING_PARTICIPLES = frozenset({"signed", "agreed", "concluded", "reached", "accepted",
                                  "negotiated", "struck"})
_RHETORIC_OWNERS = frozenset({"people", "peoples", "nation", "nations", "revolution",
                              "humanity", "region", "country", "peace", "stability"})
BOMB_NOUNS = frozenset({"bombs", "bomb", "barrels", "explosives", "munitions", "missiles",
                        "rockets", "shells", "mines", "ordnance"})
_AIRFRAME = re.compile(r"^(Su|MiG|Mi|Tu|Ka|F|A|B|MQ)-\d+[A-Z]*$")
AIRCRAFT_NOUNS = frozenset({"aircraft", "jets", "jet", "warplanes", "warplane", "bombers",
                            "bomber", "helicopters", "helicopter", "drones", "drone", "planes",
                            "plane", "gunships", "aviation"})
# Nouns a nationality adjective does not turn into that state ("Iraqi groups", "Syrian
# rebels", "Afghan volunteers" are non-state fighters of that origin; "Iranian militias" are
# still read as Iran's, the way reports use the phrase).
NON_STATE_NOUNS = frozenset({"groups", "group", "factions", "faction",
                             "rebels", "rebel", "volunteers", "mercenaries", "jihadists",
                             "militants", "tribes", "tribesmen", "clans", "movements",
                             "gunmen", "insurgents", "opposition", "civilians", "refugees",
                             "activists", "residents", "revolutionaries", "defectors",
                             "brigades", "battalions", "organisations", "organizations"})
REPELLING_VERBS = frozenset({"repel", "repulse", "resist"})
_FIGHT_NOUNS = frozenset({"fight", "fighting", "battle", "clash", "combat", "skirmish",
                          "exchange", "war", "confrontation"})
_TRUCE_BREAKING = frozenset({"despite", "violation", "violations", "violated", "breach",
                             "breached", "cover", "covers", "covered", "reject", "rejects",
                             "rejected"})
# Truce words that may stand without their parties when the fight they end is in the sentence.
_FIGHT_ENDING_NOUNS = frozenset({"truce", "ceasefire", "cessation", "armistice", "deal",
                                 "agreement", "accord"})
DEAL_NOUNS = frozenset({"agreement", "deal", "accord", "arrangement", "settlement",
                        "reconciliation"})
UNIT_HEADS = frozenset({"forces", "division", "brigade", "brigades", "corps", "guard", "legion",
                        "regiment", "battalion", "battalions", "units", "force"})
_SHARE_VERBS = frozenset({"forms", "form", "formed", "forming", "constitutes", "constitute",
                          "constituted", "is", "are", "was", "were", "remains", "remain",
                          "remained", "became", "become", "becomes"})
SHARE_NOUNS = frozenset({"bulk", "core", "backbone", "majority", "most", "part", "heart",
                         "mainstay", "pillar", "pillars"})
NAMING_PARTICIPLES = frozenset({"known", "called", "named", "dubbed"})
SHARING_VERBS = frozenset({"share", "shares", "shared", "sharing"})
SHARED_THINGS = frozenset({"command", "control", "positions", "checkpoints", "leadership",
                           "bases", "headquarters", "fronts", "frontlines", "trenches"})
CASUALTY_NOUNS = frozenset({"loss", "losses", "death", "deaths", "killing", "killings",
                            "martyrdom"})
CAPTURE_NOUNS = frozenset({"liberation", "capture", "recapture", "seizure", "takeover",
                           "expulsion"})
THANKING_VERBS = frozenset({"thanked", "thank", "thanks", "thanking", "praised", "praise",
                            "praises", "hailed", "hail", "hails", "credited", "credit"})
UMBRELLA_NOUNS = frozenset({"umbrella", "alliance", "coalition", "grouping", "bloc", "union",
                            "federation", "network", "array"})
ACCUSING_VERBS = frozenset(f for v in ("accuse", "allege", "blame", "charge", "warn", "conspire",
                                        "plot") for f in inflect(v))
ALLY_NOUNS = frozenset({"partner", "partners", "ally", "allies", "friend", "friends",
                        "backer", "backers", "patron", "patrons", "sponsor", "sponsors"})
ARGUING_VERBS = frozenset(
    f for v in ("warn", "protest", "caution", "advise", "vote", "rule", "decide", "argue",
                "lobby", "speak", "testify", "appeal", "sanction", "charge", "file", "lodge",
                "demonstrate", "rally", "petition", "complain", "campaign", "rail", "inveigh",
                "discriminate", "legislate", "veto", "guard", "insure", "vaccinate", "bias",
                "turn", "lean", "weigh", "bet", "hedge", "react", "say",
                "tell", "write", "accuse", "allege", "claim", "threaten", "vow", "pledge", "call",
                "conspire", "plot",
                "urge")
    for f in inflect(v)
)
CONTROL_VERBS = frozenset({"urged", "urge", "urges", "urging", "asked", "ask", "asks", "pressed",
                           "press", "presses", "told", "tell", "called", "ordered", "order",
                           "forced", "force", "persuaded", "persuade", "warned", "warn"})
PEOPLE_NOUNS = PERSON_PROXIES | {"loyalists", "supporters", "veterans", "defectors",
                                 "remnants", "dissidents"}
WITHIN_VERBS = frozenset({"operate", "operates", "operated", "operating", "fight", "fights",
                          "fought", "fighting", "serve", "serves", "served", "serving"})
MEMBER_PLURALS = frozenset({"groups", "factions", "brigades", "battalions", "units",
                            "formations", "components", "members", "militias"})
PARTICIPATING = frozenset({"part", "participated", "participate", "participates",
                           "participating"})
SIEGE_BREAKING = frozenset({"broke", "broken", "break", "breaks", "breaking", "lifted", "lift",
                            "lifts", "lifting"})
# What a group receives that makes the giver its supporter, besides arms and support nouns.
MATERIEL_NOUNS = frozenset({"money", "funds", "funding", "salaries", "ammunition", "supplies",
                            "equipment", "training", "cash", "shipments", "deliveries"})
RELYING_VERBS = frozenset({"rely", "relies", "relied", "relying", "depend", "depends",
                           "depended", "depending", "leaned", "leans", "lean", "leaning"})
# Anaphor nouns that only stand for actors the gazetteer describes with the noun itself.
NOUN_DESCRIPTORS = frozenset({"party", "organisation", "organization"})
# Plural force nouns a description turns into one actor ("the Kurdish-led forces").
# Name heads that, as a bare definite noun, point back to the actor so named ("the council").
NAME_HEADS = frozenset({"council", "division", "brigade", "battalion", "regiment", "corps",
                        "legion", "room", "committee", "movement", "brigades", "battalions"})
DESCRIBED_PLURALS = frozenset({"forces", "fighters", "militants", "jihadists"})
# Capitalised descriptors inside a list of names ("the Afghan Fatemiyoun Brigade").
LIST_DESCRIPTORS = frozenset({"afghan", "pakistani", "iraqi", "lebanese", "syrian", "iranian",
                              "kurdish", "arab", "turkmen", "shiite", "sunni", "islamist"})
# "under the banner of X": fighting as part of X.
BANNER_NOUNS = frozenset({"banner", "umbrella", "flag", "command", "auspices", "wing"})
# Words a "with" hangs on when it names a partner in the action ("jointly with X").
JOINT_WITH_HEADS = frozenset({"jointly", "side", "shoulder", "conjunction", "tandem", "concert",
                              "hand", "coordination", "cooperation", "along"})
JOINT_ACTION_VERBS = frozenset({"operate", "operated", "operates", "operating", "deploy",
                                "deployed", "deploys", "deploying", "patrol", "patrolled",
                                "patrols", "patrolling", "man", "manned", "manning", "work",
                                "worked", "working", "works", "fight", "fought", "fighting",
                                "fights", "held", "hold", "holds", "holding", "advanced",
                                "advance", "advancing", "advances", "enter", "entered",
                                "entering", "enters"})
_CORE_NOUNS = frozenset({"backbone", "core", "nucleus", "spine"})
_MEMBER_WORDS = frozenset({"member", "members", "component", "components", "part", "faction",
                           "factions"})
_ADVISER_NOUNS = frozenset({"advisers", "advisors", "adviser", "advisor", "trainers",
                            "instructors", "experts", "officers"})
_PART_HEADS = frozenset({"front", "council", "room", "sector", "branch", "wing"})
_TALK_TOGETHER = frozenset({"work", "worked", "working", "works"})
REPORTING_WORDS = frozenset({"said", "say", "says", "told", "tell", "stated", "added",
                             "announced", "reported", "claimed", "confirmed"})


AIR_ATTACK_WORDS = frozenset({"strike", "airstrike", "raid", "bombardment", "bombing", "shelling",
                              "sortie", "bomb", "shell", "pound", "bombard", "hit"})


def attack_kind(trigger: Token) -> str:
    """"air" for strikes, raids and shelling, "ground" for the rest: an event anaphor continues
    attacks of its own kind ("the first strikes" are the air strikes, not the ground assault)."""
    lemma = NOUN_FORMS.get(trigger.lower_) or VERB_FORMS.get(trigger.lower_) or trigger.lower_
    before = trigger.doc[trigger.i - 1].lower_ if trigger.i > 0 else ""
    return "air" if lemma in AIR_ATTACK_WORDS or before == "air" else "ground"


def _names_subject(span: Span) -> bool:
    """The mention is the subject, or names it as a modifier ("Jund al-Aqsa fighters"), rather
    than being a group some of whose people are the subject ("hundreds of fighters from X")."""
    root = span.root
    if root.dep_ in {"nsubj", "nsubjpass", "conj", "appos"}:
        return True
    if any(c.lower_ in _PART_QUANTIFIERS for c in root.head.children):
        return False  # "some JN fighters defected to ISIS": people, not the group
    return root.dep_ in {"compound", "amod", "nmod"} and root.head.dep_ in {"nsubj", "conj"}


_PART_QUANTIFIERS = frozenset({"some", "several", "many", "few", "hundreds", "dozens",
                               "thousands", "scores", "number"})


def _is_attack(tok: Token) -> bool:
    """An attack noun ("the operation") or a nominalised attack verb ("the final storming")."""
    if _noun_family(tok) == "hostility":
        return True
    lemma = VERB_FORMS.get(tok.lower_)
    return lemma is not None and VERBS[lemma].family in {"hostility", "capture"}


_BROKERING_NOUNS = frozenset({"mediation", "help", "support", "backing", "sponsorship",
                              "guarantees", "guarantee", "assistance", "blessing", "approval"})
SHARING_BODY_NOUNS = frozenset({"centre", "center", "cell", "headquarters"})
_SHARING_WORDS = frozenset({"information", "intelligence", "coordination", "data",
                            "liaison"})
FOUNDING_PARTICIPLES = frozenset({"set", "established", "created", "founded", "formed", "run",
                                  "staffed", "operated"})
FOUNDING_WORDS = frozenset({"set", "sets", "setting", "establish", "established",
                            "establishes", "create", "created", "creates", "found", "founded",
                            "form", "formed", "forms", "open", "opened", "opens"})


def _sharing_body(n: Token) -> bool:
    """An intelligence-sharing body: "information centre", "joint coordination cell"."""
    return any(c.dep_ in {"compound", "amod"} and c.lower_ in _SHARING_WORDS
               for c in n.children)


_SEEKING_VERBS = frozenset({"urge", "urged", "urges", "urging", "demand", "demanded", "demands",
                            "demanding", "propose", "proposed", "proposes", "proposing",
                            "seek", "sought", "seeks", "seeking", "request", "requested",
                            "requests", "requesting"})
_SEEKING_WITH_FOR = frozenset({"call", "called", "calls", "calling", "appeal", "appealed",
                               "appeals", "appealing", "push", "pushed", "pushes", "pushing",
                               "press", "pressed", "presses", "pressing", "plea"})


def _sought(n: Token) -> bool:
    """A truce asked for, not made: "urged a ceasefire", "called for a truce between A and B"."""
    head = n.head
    if n.dep_ == "dobj" and head.lower_ in _SEEKING_VERBS:
        return True
    return n.dep_ == "pobj" and head.lower_ == "for" and head.head.lower_ in _SEEKING_WITH_FOR


def _backer_epithet(tok: Token) -> bool:
    """"US-backed", "Iranian-funded": says who backs the described group, not which group it
    is, so it does not narrow an anaphor ("the Iranian-backed movement" is "the movement")."""
    return tok.dep_ == "amod" and tok.lower_ in SUPPORT_PARTICIPLES and hyphened(tok)


def _modifier_text(tok: Token) -> str:
    """A modifier with its hyphened prefix: "Kurdish-led" parsed as "Kurdish" "-" "led"."""
    start = tok.left_edge.i
    if start < tok.i and any(t.text == "-" for t in tok.doc[start:tok.i]):
        return tok.doc[start:tok.i + 1].text
    return tok.text


def _coordinated(tok: Token) -> list[Token]:
    """The token and the items coordinated with it. Lists of proper names are often parsed as
    chains of appositions ("A, B (FSA), C and D"), so appositive proper nouns count too."""
    out = [tok]
    seen = {tok.i}
    k = 0
    while k < len(out) and len(out) < 30:
        t = out[k]
        k += 1
        for c in (*t.conjuncts, *(c for c in t.children
                                 if c.dep_ == "appos" and c.pos_ in {"PROPN", "NOUN"}
                                 and not _described(c))):
            if c.i not in seen:
                seen.add(c.i)
                out.append(c)
    return out


def _former_name(tok: Token) -> bool:
    """The mention is another name of a list item ("JFS, formerly known as the Nusra Front,
    and Zenki"), not an item itself."""
    head = tok.head
    if any(c.dep_ == "amod" and c.lower_ in {"former", "erstwhile"} for c in tok.children):
        return True  # "JFS, the former Nusra Front"
    if tok.dep_ == "appos" and any(t.lower_ in {"formerly", "previously", "former", "ex"}
                                   for t in tok.doc[max(tok.left_edge.i - 2, 0):tok.i]):
        return True  # "Tahrir al-Sham, formerly the al-Nusra Front"
    if tok.dep_ == "pobj" and head.lower_ == "as":
        return head.head.lower_ in {"known", "referred", "formerly", "previously"}
    return tok.dep_ in {"oprd", "attr"} and head.lower_ in {"called", "named", "dubbed"}


def _noun_family(tok: Token) -> str | None:
    lemma = NOUN_FORMS.get(tok.lower_)
    return NOUNS[lemma] if lemma is not None else None


def _described(tok: Token) -> bool:
    # "Moscow, Assad's main ally", "X, an al-Qaeda affiliate": an appositive with its own
    # determiner or possessor describes the head; it is not a further name in a list.
    return tok.pos_ == "NOUN" and any(c.dep_ in {"det", "poss"} for c in tok.children)


def child_adjectives(tok: Token) -> bool:
    return tok.lower_ in PROXY_NOUNS or NOUN_FORMS.get(tok.lower_) is not None


def _own_phrase(tok: Token, top: Token) -> bool:
    """Whether ``tok`` hangs under ``top`` without passing through one of its conjuncts."""
    node = tok
    while node.i != top.i:
        if node.dep_ == "conj" or node.head.i == node.i:
            return False
        node = node.head
    return True


def _pobjs(prep: Token) -> list[Token]:
    out = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
    for c in list(out):
        if c.dep_ == "pcomp" and c.pos_ == "ADP":  # "out of", "because of"
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out


def _proper_name(tok: Token) -> str:
    parts = [c for c in tok.lefts if c.dep_ == "compound" and (c.pos_ == "PROPN" or c.is_title)]
    start = min([tok.i] + [c.i for c in parts])
    end = tok.i + 1
    doc = tok.doc
    # "Ras al-Ain", "Jisr al-Shughur": Arabic names run on through "al-" after the head
    while end + 2 < len(doc) + 1 and end + 1 < len(doc) and doc[end].lower_ in {
        "al", "el", "ad", "ash", "as", "ar", "an", "az", "at"
    } and doc[end + 1].text in "-‐–" and end + 2 < len(doc) and doc[end + 2].text[:1].isupper():
        end += 3
    span = doc[start:end]
    text = span.text
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return text.strip()


def _verb_family(tok: Token) -> str | None:
    """The family of the verb ``tok`` names, if it is one of ours."""
    lemma = VERB_FORMS.get(tok.lower_)
    return VERBS[lemma].family if lemma is not None else None
