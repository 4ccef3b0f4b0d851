"""Joint action read off the token order: named actors coordinated as the ones who attack or
capture act together.

"Turkish forces and the Syrian National Army seized Tal Abyad", "fighters of A and B launched a
counter-attack", "the town was taken by the Turkish army and the FSA", "Russian and Syrian
government aircraft struck ...": the coordinated actors are one side of the fight, a joint
operation between them. The dependency rules already read this when the parse is clean
(:meth:`loaders.relations._DepSentence.co_actors`); this pass catches the sentences where the
parse attaches the act elsewhere. Not joint: reciprocal verbs ("A and B clashed"), "or"/"nor",
"each other", passives whose subjects are the ones attacked, actors already hostile to each
other in the sentence.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.model import RelationType
from loaders.hedging import NEGATORS, hedge_cue
from loaders.lexicon import NOUN_FORMS, NOUNS, PASSIVE_AUX, RECIPROCAL, VERB_FORMS, VERBS
from loaders.relations import CONF_SEQUENCE, DocRelations, Ref

JOINT = RelationType.JOINT_OPERATION
HOSTILITY = RelationType.HOSTILITY
ACTS = frozenset(form for form, lemma in VERB_FORMS.items()
                 if VERBS[lemma].family in {"hostility", "capture", "hostile_light"}
                 and lemma not in RECIPROCAL and lemma not in {"control", "hold",
                                                                "continue", "announce",
                                                                "declare", "begin", "start",
                                                                "lead", "carry", "turn",
                                                                "oppose", "resist", "detain",
                                                                "arrest", "free", "secure"})
# Words that may stand between the coordinated actors and the act.
BETWEEN = frozenset({"have", "has", "had", "were", "was", "are", "is", "will", "would", "also",
                     "then", "later", "reportedly", "jointly", "together", "fighters", "troops",
                     "forces", "units", "militants", "aircraft", "warplanes", "jets", "soldiers",
                     "continued", "began", "tried", "managed", "to", "on", "yesterday", "today",
                     "successfully", "finally", "again", "fully", "completely", "swiftly"})
GLUE = frozenset({",", "and", "the", "as", "well", "fighters", "of", "from", "forces", "troops",
                  "units", "militants", "militiamen", "both"})
MAX_ACTORS = 4


class CoordinatedActs:
    def __init__(self, ctx: DocRelations, sent: Span) -> None:
        self.ctx = ctx
        self.sent = sent
        self.doc = ctx.doc
        self.hedged = hedge_cue(sent) is not None

    def run(self) -> None:
        if not self.ctx.parsed:
            return
        for tok in self.sent:
            if tok.lower_ == "between":
                self.between(tok)
            if tok.pos_ != "VERB" or tok.lower_ not in ACTS:
                continue
            if VERB_FORMS[tok.lower_] == "take" and not {
                t.lower_ for t in self.doc[tok.i + 1:min(self.sent.end, tok.i + 5)]
            } & {"control", "over"}:
                continue  # "took part", "took the decision": only "took (full) control/over"
            if self.passive(tok):
                self.emit(self.agents(tok), tok)
            else:
                self.emit(self.subjects(tok), tok)

    def between(self, tok: Token) -> None:
        """"clashes were continuing in al-Midan between regime forces and fighters of the FSA":
        the nearest relation noun before "between" decides; a hostility noun makes the two
        sides hostile to each other (the parser often hangs "between" on the place)."""
        sides = self.run_right(tok.i + 1)
        if len({r.actor for r in sides}) != 2:
            return
        for k in range(tok.i - 1, max(self.sent.start, tok.i - 25) - 1, -1):
            t = self.doc[k]
            if k in self.ctx.by_token or t.text in {";", ":"}:
                return
            lemma = NOUN_FORMS.get(t.lower_)
            if lemma is None:
                continue
            family = NOUNS[lemma]
            if family != "hostility" or t.lower_ in {"war", "conflict", "rivalry"}:
                return
            if t.dep_ == "pobj" and t.head.lower_ in {"of", "in"} and t.head.head.lower_ in {
                "cessation", "end", "halt", "pause", "suspension", "lull"
            }:
                return  # "a cessation of hostilities between A and B" is a truce
            own = {t.head.i} | {c.i for c in t.head.children if c.dep_ in {"aux", "auxpass"}}
            if any(w.pos_ in {"VERB", "AUX"} and w.i not in own for w in self.doc[k + 1:tok.i]):
                return  # "before the operation began, said the matter was between A and B"
            if any(c.dep_ == "det" and c.lower_ == "any" for c in t.children):
                return  # "to prevent any clash between A and B": none has happened
            a, b = sides[0], sides[1]
            negated = any(c.lower_ == "no" for c in t.children)
            for x, y in ((a, b), (b, a)):
                self.ctx.emit(HOSTILITY, [x], [y], t, self.sent, base=CONF_SEQUENCE,
                              negated=negated, hedged=self.hedged)
            return

    def passive(self, v: Token) -> bool:
        k = v.i - 1
        while k >= self.sent.start and self.doc[k].pos_ == "ADV":
            k -= 1
        return k >= self.sent.start and self.doc[k].lower_ in PASSIVE_AUX and v.tag_ == "VBN"

    def actor_at(self, k: int) -> Ref | None:
        ref = self.ctx.by_token.get(k)
        if ref is not None:
            return ref
        t = self.doc[k]
        actor = self.ctx.gaz.adjective_actor(t.text) if t.pos_ == "ADJ" else None
        if actor is not None:
            return Ref(actor, k, k + 1)  # "Russian and Syrian government aircraft"
        return None

    def subjects(self, v: Token) -> list[Ref]:
        k = v.i - 1
        while k >= self.sent.start and self.actor_at(k) is None:
            t = self.doc[k]
            if t.lower_ not in BETWEEN and t.pos_ not in {"ADV", "AUX"}:
                return []
            k -= 1
        if k < self.sent.start:
            return []
        return self.run_left(k)

    def agents(self, v: Token) -> list[Ref]:
        for k in range(v.i + 1, min(self.sent.end, v.i + 6)):
            if self.doc[k].lower_ == "by":
                return self.run_right(k + 1)
            if self.ctx.by_token.get(k) is not None or self.doc[k].text in {",", ";"}:
                return []
        return []

    def run_left(self, k: int) -> list[Ref]:
        last = self.actor_at(k)
        assert last is not None
        out = [last]
        i = last.start
        while i > self.sent.start:
            j = i - 1
            while j >= self.sent.start and self.actor_at(j) is None and (
                self.doc[j].lower_ in GLUE
            ):
                j -= 1
            ref = self.actor_at(j) if j >= self.sent.start else None
            gap = {t.lower_ for t in self.doc[j + 1:i]}
            if ref is None or not gap & {",", "and"}:
                break
            out.insert(0, ref)
            i = ref.start
        if self.doc[out[0].start - 1].lower_ in {"between", "either", "neither"} if (
            out[0].start > self.sent.start
        ) else False:
            return []
        return out

    def run_right(self, k: int) -> list[Ref]:
        out: list[Ref] = []
        i = k
        while i < self.sent.end:
            j = i
            while j < self.sent.end and self.actor_at(j) is None and self.doc[j].lower_ in GLUE:
                j += 1
            ref = self.actor_at(j) if j < self.sent.end else None
            if ref is None or (out and not {t.lower_ for t in self.doc[i:j]} & {",", "and"}):
                break
            out.append(ref)
            i = ref.end
        return out

    def emit(self, refs: list[Ref], v: Token) -> None:
        unique = list({r.actor: r for r in refs}.values())
        if not 2 <= len(unique) <= MAX_ACTORS:
            return
        span = self.doc[min(r.start for r in refs):max(r.end for r in refs)]
        if any(t.lower_ in {"or", "nor", "versus", "against"} for t in span):
            return
        after = {t.lower_ for t in self.doc[v.i + 1:min(self.sent.end, v.i + 5)]}
        if after & {"each", "another"} or any(t.lower_ in NEGATORS for t in
                                               self.doc[max(self.sent.start, v.i - 3):v.i]):
            return
        hostile = {frozenset((c["source"], c["target"])) for c in self.ctx.claims
                   if c["type"] == RelationType.HOSTILITY.value
                   and c["sent_start"] == self.sent.start_char}
        for i, a in enumerate(unique):
            for b in unique[i + 1:]:
                if frozenset((a.actor, b.actor)) in hostile:
                    return
        for i, a in enumerate(unique):
            self.ctx.emit(JOINT, [a], unique[i + 1:], v, self.sent, base=CONF_SEQUENCE,
                          negated=False, hedged=self.hedged)
