"""Hedging, attribution and negation cues around a relation trigger.

A hedged claim is kept with a lower confidence ("reportedly", "according to", "it is reported",
"alleged", "claimed", "believed to be", "sources said", may/might/could). A negated claim is kept
as negated and never counts as a positive one ("denied", "no ... assault", "did not", "never",
"refused to").

Examples
--------
>>> import spacy
>>> nlp = spacy.blank("en")
>>> hedge_cue(nlp("ISIS reportedly attacked the town")[:])
'reportedly'
>>> hedge_cue(nlp("ISIS attacked the town")[:]) is None
True
"""

from __future__ import annotations

from spacy.tokens import Span, Token

# One-word cues anywhere in the sentence.
HEDGE_WORDS: frozenset[str] = frozenset(
    {"reportedly", "allegedly", "purportedly", "apparently", "supposedly", "alleged",
     "alleges", "allege", "claimed", "claims", "claim", "claiming", "rumoured", "rumored",
     "rumours", "rumors", "unconfirmed", "unverified", "believed", "suspected", "possibly",
     "presumably", "likely", "reports", "reported", "speculation", "purported"}
)
# Multi-word cues, matched on the lower-cased sentence text.
HEDGE_PHRASES: tuple[str, ...] = (
    "according to", "sources said", "source said", "sources say", "activists said",
    "is said to", "are said to", "was said to", "were said to", "it is reported",
    "it's reported", "it’s reported", "is thought to", "are thought to", "is believed",
    "are believed", "media reported", "reports suggest", "reports say",
)
# Modals that make a statement speculative when they govern the trigger.
HEDGE_MODALS: frozenset[str] = frozenset({"may", "might", "could", "would"})

# Verbs that attribute a statement to a speaker ("..., a monitor said", "X told Reuters").
REPORTING_VERBS: frozenset[str] = frozenset(
    {"said", "says", "say", "told", "tells", "stated", "states", "reported", "reports",
     "insisted", "insists", "asserted", "added", "confirmed", "acknowledged", "accused",
     "accuses", "warned", "quoted"}
)

NEGATING_VERBS: frozenset[str] = frozenset(
    {"deny", "denied", "denies", "denying", "refuse", "refused", "refuses", "reject",
     "rejected", "rejects", "dismiss", "dismissed", "fail", "failed", "fails", "avoid",
     "avoided", "avoids", "avoiding", "refrain", "refrained", "refrains", "refraining",
     "exclude", "excluded", "excludes", "excluding"}
)
NEGATORS: frozenset[str] = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})


# ``doc.user_data`` key of the per-sentence hedge scan results (several passes ask).
_HEDGE_CACHE = "allegiance_sentence_hedges"


def hedge_cue(sentence: Span, trigger: Token | None = None) -> str | None:
    """The first hedging or attribution cue in a sentence, or ``None``.

    Modal verbs count only when they are auxiliaries of ``trigger`` (or of its head).
    """
    if len(sentence):
        # Several passes ask about the same sentence: the word-and-phrase scan runs once.
        seen = sentence.doc.user_data.setdefault(_HEDGE_CACHE, {})
        key = (sentence.start, sentence.end)
        if key not in seen:
            seen[key] = _sentence_hedge(sentence)
        if seen[key] is not None:
            return seen[key]
    if trigger is not None:
        for verb in (trigger, trigger.head):
            for child in verb.children:
                if child.dep_ == "aux" and child.lower_ in HEDGE_MODALS:
                    return child.text
    return None


def _sentence_hedge(sentence: Span) -> str | None:
    for token in sentence:
        if token.lower_ in HEDGE_WORDS:
            return token.text
    lowered = sentence.text.lower()
    for phrase in HEDGE_PHRASES:
        if phrase in lowered:
            return phrase
    return None


def attribution_cue(trigger: Token) -> str | None:
    """A reporting verb the claim of ``trigger`` is attributed to, or ``None`` (needs a parse).

    The trigger must be inside what is reported ("X said [ISIS attacked Y]"), or the reporting
    clause must hang on the trigger's clause ("ISIS attacked Y, a monitor said"); a trigger in
    the speaker's own description ("X, which is backed by Y, said ...") is not attributed.
    """
    node = trigger
    for _ in range(6):
        for child in node.children:
            if (child.dep_ in {"parataxis", "ccomp", "advcl"} and child.lower_ in REPORTING_VERBS
                    and child.i != trigger.i and trigger not in child.subtree):
                return child.text
        head = node.head
        if head.i == node.i:
            break
        if head.lower_ in REPORTING_VERBS and node.dep_ in {"ccomp", "xcomp", "parataxis",
                                                             "advcl", "conj", "prep"}:
            return head.text
        node = head
    return None


def negation_cue(trigger: Token, *, parsed: bool = True) -> str | None:
    """A cue that denies the relation stated by ``trigger``, or ``None``.

    With a parse: a ``neg`` child of the trigger or of the verb it depends on, a ``no``
    determiner on a trigger noun, or a negating verb ("denied", "refused") above the trigger.
    Without a parse: a negator or negating verb among the four tokens before the trigger.
    """
    if not parsed:
        doc = trigger.doc
        sent_start = trigger.sent.start
        for k in range(max(sent_start, trigger.i - 4), trigger.i):
            if doc[k].lower_ in NEGATORS or doc[k].lower_ in NEGATING_VERBS:
                return doc[k].text
        return None
    for child in trigger.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return child.text
        if _no_object(child):
            return "no"  # "offered no support to the YPG", "sent no weapons"
    node = trigger
    for _ in range(4):
        head = node.head
        if head.i == node.i or node.dep_ == "appos" or (node.dep_ == "relcl" and any(
            c.lower_ in {"which", "who", "whom", "whose"} or (c.dep_ == "prep" and any(
                p.lower_ in {"which", "whom"} for p in c.children))  # ("with which ...")
            for c in node.children
        )):
            break  # an aside or a relative clause does not share its host clause's denial
            # ("propaganda that it fights under X" is a content clause: it does)
        if node.dep_ == "pcomp" and head.lower_ == "without":
            return head.text  # "took the town without fighting the army"
        if node.dep_ in {"dobj", "attr", "xcomp", "ccomp", "pcomp", "pobj", "prep", "advcl",
                         "conj", "acomp", "acl", "nsubjpass"}:
            if head.lemma_ in NEGATING_VERBS or head.lower_ in NEGATING_VERBS:
                return head.text
            purpose = node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                   for c in node.children)
            if node.dep_ in {"dobj", "attr", "xcomp", "pobj", "prep", "pcomp"} or purpose:
                # ("did not move to stop the advance": the purpose never happened)
                for child in head.children:
                    if child.dep_ == "neg":
                        return child.text
                    if child.i != node.i and _no_object(child):
                        return "no"  # "sent no troops to help the army"
        node = head
    return None


def _no_object(child: Token) -> bool:
    """A direct object determined by "no" ("offered *no* support")."""
    return child.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no"
                                        for d in child.children)
