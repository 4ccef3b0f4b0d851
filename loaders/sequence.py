"""Relations from token order, for the rule-only pipeline (no tagger, no parser).

Also used by :mod:`loaders.relations` as a fallback when the parse of a sentence that names two
actors yields nothing. Same lexicon as the dependency rules (:mod:`loaders.lexicon`), fewer
structures understood, lower confidence.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.model import ActorKind, PlaceAction, RelationType
from loaders.hedging import hedge_cue, negation_cue
from loaders.lexicon import (
    BROKER_VERBS,
    NEEDS_TARGET,
    NOUNS,
    PASSIVE_AUX,
    RECIPROCAL,
    SUPPORT_PARTICIPLES,
    TOGETHER_WORDS,
    VERBS,
    inflect,
    pluralise,
)
from loaders.relations import (
    ALLIANCE,
    CONF_SEQUENCE,
    HOSTILITY,
    HYPHEN_MODIFIERS,
    JOINT,
    MAX_PARTICIPANTS,
    MEMBERSHIP,
    SUPPORT,
    TRUCE,
    DocRelations,
    Ref,
)


def _inflected(verb: str) -> set[str]:
    # Only the inflected forms: bare "supply", "aid", "help" are more often nouns.
    return {f for f in inflect(verb) if f != verb or verb in {"hit", "set"}}


_SEQ_HOSTILE = frozenset(f for v, s in VERBS.items() if s.family == "hostility"
                         and v != "turn" for f in _inflected(v)) | frozenset(
    f for n, fam in NOUNS.items() if fam == "hostility" and n not in NEEDS_TARGET
    and n not in {"hostility", "hostilities", "fight", "push", "advance"}
    for f in pluralise(n))
_SEQ_SUPPORT = frozenset(f for v, s in VERBS.items() if s.family == "support"
                         for f in _inflected(v))
_SEQ_ALLY = frozenset({"alliance", "allied", "coalition", "pact", "cooperation"})
_SEQ_TRUCE = frozenset({"truce", "ceasefire", "armistice", "cessation"})
_SEQ_INCLUDES = frozenset({"includes", "include", "included", "including", "comprises",
                           "comprising", "comprise", "comprised"})
_SEQ_JOINS = frozenset({"joined", "joins", "join"})
_SEQ_CAPTURE = frozenset(f for v in ("capture", "seize", "liberate", "recapture", "retake",
                                     "overrun", "regain", "conquer")
                         for f in _inflected(v)) | {"took"}
_SEQ_TRIGGERS = (_SEQ_HOSTILE | _SEQ_SUPPORT | _SEQ_ALLY | _SEQ_TRUCE | _SEQ_INCLUDES
                 | _SEQ_JOINS | _SEQ_CAPTURE | {"joint"})
_SEQ_GLUE = frozenset({",", "and", "the", "(", ")", "as", "well", "such", "also", "both", "-"})
_SEQ_RECIPROCAL = frozenset(f for v in RECIPROCAL for f in inflect(v))
_SEQ_PLACE_WORDS = frozenset({"the", "town", "village", "city", "of", "control", "district",
                              "neighbourhood", "neighborhood", "area", "hill", "airport"})
MAX_GAP = 6
_SEQ_OBJECT_GAP = frozenset({"the", "a", "an", "with", "against", "on", "upon", "at", "by", "to",
                             "of", "between", "positions", "fighters", "forces", "troops",
                             "bases", "units", "into", "back", "out", "up", "over", "and",
                             "such", "groups", "as", "including", "factions", "like"})


class SequenceSentence:
    """Relations from token order, for the rule-only pipeline (no tagger, no parser).

    A trigger's left side is the nearest run of coordinated actor mentions before it that is not
    itself the object of an earlier trigger; its right side the nearest run after it. Runs may
    not reach across another trigger or a clause break. ``was ... by`` passives swap the sides.
    """

    def __init__(self, ctx: DocRelations, sent: Span) -> None:
        self.ctx = ctx
        self.sent = sent
        self.doc = ctx.doc
        self.hedge = hedge_cue(sent)
        # "US-backed factions": a name before "-backed" describes; it takes part in nothing here
        self.mentions = [s for s in ctx.spans if s.start >= sent.start and s.end <= sent.end
                         and not (s.end + 1 < sent.end and self.doc[s.end].text == "-"
                                  and self.doc[s.end + 1].lower_ in HYPHEN_MODIFIERS)]
        self.runs = list(self._runs())

    def run(self) -> None:
        for span in self.mentions:
            self.ctx.coref.note_actor(span.label_)
        for run in self.runs:
            if len({s.label_ for s in run}) >= 2:
                self.ctx.coref.note_group([s.label_ for s in run])
        for tok in self.sent:
            lower = tok.lower_
            if tok.i in self.ctx.vetoed:
                continue
            if lower in SUPPORT_PARTICIPLES and tok.i >= 2 and self.doc[tok.i - 1].text == "-":
                left = self.ctx.by_token.get(tok.i - 2)
                right = self.right_run(tok)
                if left is not None:
                    self.emit(SUPPORT, [left], right[:1], tok)
            elif lower in _SEQ_HOSTILE:
                if tok.i > self.sent.start and self.doc[tok.i - 1].lower_ == "any":
                    continue  # "any attack on X would be answered": hypothetical
                after = {t.lower_ for t in self.doc[tok.i + 1:min(tok.i + 5, self.sent.end)]}
                if after & TOGETHER_WORDS:
                    continue  # "fought shoulder to shoulder with X" is fighting beside X
                self.binary(tok, HOSTILITY)
            elif lower in _SEQ_SUPPORT:
                if self.ctx.parsed and tok.dep_ == "amod" and tok.head.i > tok.i:
                    continue  # "the armed groups": an adjective
                self.binary(tok, SUPPORT)
            elif lower in _SEQ_ALLY | _SEQ_TRUCE:
                if any(t.lower_ in BROKER_VERBS for t in self.doc[self.sent.start:tok.i]):
                    continue  # "A and B brokered a ceasefire": mediators, not parties
                rtype = ALLIANCE if lower in _SEQ_ALLY else TRUCE
                if lower == "cooperation" and tok.i > self.sent.start and (
                    self.doc[tok.i - 1].lower_ == "in"
                ):
                    rtype = JOINT  # "X, in cooperation with Y, took ...": acting together
                right = self.right_run(tok, between_only=True)
                between = right and any(t.lower_ == "between"
                                        for t in self.doc[tok.i + 1:right[0].start])
                # "announced a ceasefire between A and B": A and B are the parties
                parts = right if between and len(right) >= 2 else self.left_run(tok) + right
                self.symmetric(rtype, parts, tok)
            elif lower == "joint":
                self.symmetric(JOINT, self.left_run(tok), tok)
            elif lower in _SEQ_INCLUDES:
                coalition = self.left_run(tok)[-1:]
                if lower == "including" and coalition and any(
                    t.is_alpha for t in self.doc[coalition[0].end:tok.i]
                ):
                    # "the government and 97 factions, including A": A is one of the factions
                    continue
                self.emit(MEMBERSHIP, self.right_run(tok), coalition, tok)
            elif lower in _SEQ_JOINS:
                if self.passive(tok):
                    continue  # "was joined by X": X fights beside, it does not join
                self.emit(MEMBERSHIP, self.left_run(tok), self.right_run(tok)[:1], tok)
            elif lower in _SEQ_CAPTURE:
                self.capture(tok)

    def _runs(self) -> Iterator[list[Span]]:
        run: list[Span] = []
        for span in self.mentions:
            if run and all(t.lower_ in _SEQ_GLUE for t in self.doc[run[-1].end:span.start]):
                run.append(span)
            else:
                if run:
                    yield run
                run = [span]
        if run:
            yield run

    def _clear_gap(self, start: int, end: int) -> bool:
        gap = self.doc[start:end]
        return len(gap) <= MAX_GAP and not any(
            t.lower_ in _SEQ_TRIGGERS or t.text in {";", ":", "—"} for t in gap
        )

    def left_run(self, tok: Token) -> list[Ref]:
        best: list[Span] = []
        for run in self.runs:
            if run[-1].end <= tok.i:
                best = run
        if best and self._clear_gap(best[-1].end, tok.i) and not any(
            t.lower_ in _SEQ_TRIGGERS for t in self.doc[self.sent.start:best[0].start]
        ):
            return [Ref(s.label_, s.start, s.end) for s in best]
        return self.anaphor(tok)

    def right_run(self, tok: Token, *, between_only: bool = False) -> list[Ref]:
        for run in self.runs:
            if run[0].start > tok.i:
                gap = [t.lower_ for t in self.doc[tok.i + 1:run[0].start]]
                if between_only and not set(gap) & {"with", "between"}:
                    return []
                # Only function words and "positions of"-type nouns may stand between a
                # trigger and its object; anything else means the actor belongs elsewhere.
                if len(gap) > 3 or any(w not in _SEQ_OBJECT_GAP for w in gap):
                    return []
                return [Ref(s.label_, s.start, s.end) for s in run]
        return []

    def anaphor(self, tok: Token) -> list[Ref]:
        for k in range(tok.i - 1, max(self.sent.start, tok.i - 4) - 1, -1):
            t = self.doc[k]
            lower = t.lower_
            if lower in {"it", "they"} or (lower in {"groups", "sides", "coalition", "alliance"}
                                             and k > 0 and self.doc[k - 1].lower_ in
                                             {"the", "both", "these", "two"}):
                return [Ref(a, k, k + 1, coref=True) for a in self._resolve_plain(lower)]
        return []

    def _resolve_plain(self, lower: str) -> list[str]:
        recent = self.ctx.coref.history[-2:]
        if lower in {"they", "groups", "sides"}:
            for sentence in reversed(recent):
                if sentence.groups:
                    return list(sentence.groups[-1])
            return []
        for sentence in reversed(recent):
            for actor in reversed(sentence.actors):
                if lower == "it" or self.ctx.kind_of(actor) is ActorKind.COALITION:
                    return [actor]
        return []

    def passive(self, tok: Token) -> bool:
        nxt = self.doc[tok.i + 1] if tok.i + 1 < self.sent.end else None
        if nxt is None or nxt.lower_ != "by":
            return False
        prev = self.doc[tok.i - 1] if tok.i > self.sent.start else None
        return bool((prev is not None and (prev.lower_ in PASSIVE_AUX or prev.text == ","))
                    or tok.lower_.endswith("ed"))

    def binary(self, tok: Token, rtype: RelationType) -> None:
        left, right = self.left_run(tok), self.right_run(tok)
        if self.passive(tok):
            left, right = right, left
        if not right and rtype is HOSTILITY and tok.lower_ in _SEQ_RECIPROCAL and len(left) >= 2:
            for a in left:
                self.emit(rtype, [a], [b for b in left if b.actor != a.actor], tok)
            return
        self.emit(rtype, left, right, tok)

    def symmetric(self, rtype: RelationType, parts: list[Ref], tok: Token) -> None:
        unique = list({r.actor: r for r in parts}.values())
        if 2 <= len(unique) <= MAX_PARTICIPANTS:
            for i, a in enumerate(unique):
                self.emit(rtype, [a], unique[i + 1:], tok)

    def emit(self, rtype: RelationType, sources: list[Ref], targets: list[Ref],
             tok: Token) -> None:
        if not sources or not targets:
            return
        negated = negation_cue(tok, parsed=False) is not None or (
            self.ctx.parsed and negation_cue(tok) is not None
        )
        self.ctx.emit(rtype, sources, targets, tok, self.sent, base=CONF_SEQUENCE,
                      negated=negated, hedged=self.hedge is not None)

    def capture(self, tok: Token) -> None:
        passive = self.passive(tok)
        actors = self.right_run(tok) if passive else self.left_run(tok)
        if not actors:
            return
        if passive:
            k = tok.i - 1
            while k > self.sent.start and self.doc[k].lower_ in PASSIVE_AUX | {"has", "have"}:
                k -= 1
            window = list(self.doc[max(self.sent.start, k - 4):k + 1])
        else:
            window = []
            for t in self.doc[tok.i + 1:min(self.sent.end, tok.i + 8)]:
                if window or t.text[:1].isupper():
                    if not t.text[:1].isupper():
                        break
                    window.append(t)
                elif t.lower_ not in _SEQ_PLACE_WORDS:
                    break
        name = _capitalised_run(window, prefer_last=passive)
        if name and not any(self.ctx.by_token.get(t.i) for t in window if t.text in name):
            negated = negation_cue(tok, parsed=False) is not None
            self.ctx.emit_place(actors, name, tok, self.sent, action=PlaceAction.CAPTURED,
                                base=CONF_SEQUENCE, negated=negated,
                                hedged=self.hedge is not None)


def _capitalised_run(tokens: list[Token], *, prefer_last: bool) -> str:
    runs: list[list[Token]] = []
    current: list[Token] = []
    for t in tokens:
        if t.text[:1].isupper() and t.lower_ not in {"the", "on", "in", "meanwhile"}:
            current.append(t)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    if not runs:
        return ""
    run = runs[-1] if prefer_last else runs[0]
    return " ".join(t.text for t in run)
