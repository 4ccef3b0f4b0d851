"""Resolution of the anaphora news uses for actors: "it", "they", "the groups", "both sides".

Not general coreference: a small salience model over the actors already named in the document.
Singular anaphors ("it", "the group", "the coalition") take the subject actor of the previous
sentence, else the most recently named actor; kind words narrow the choice ("the coalition" and
"it includes ..." want a coalition). Plural anaphors ("they", "the groups", "both sides") take the
most recent set of two or more actors named together.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from graph.model import ActorKind

SINGULAR_PRONOUNS: frozenset[str] = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS: frozenset[str] = frozenset({"they", "them", "their", "themselves"})
# Nouns that, with a definite or demonstrative determiner, point back to a named actor.
SINGULAR_NOUNS: frozenset[str] = frozenset(
    {"group", "coalition", "alliance", "organization", "organisation", "movement", "militia",
     "front", "faction", "formation", "umbrella", "room", "grouping", "bloc", "union", "body",
     "merger", "entity", "brigade", "battalion", "regiment", "legion", "party", "force"}
)
PLURAL_NOUNS: frozenset[str] = frozenset(
    {"groups", "sides", "parties", "factions", "organizations", "organisations", "militias",
     "allies", "rivals", "movements", "two", "both", "formations", "coalitions"}
)
COALITION_NOUNS: frozenset[str] = frozenset(
    {"coalition", "alliance", "front", "umbrella", "room", "grouping", "bloc", "union", "body",
     "merger", "entity"}
)
# Plural nouns that may stand for the two sides of a fight as well as for a named group.
SIDE_NOUNS: frozenset[str] = frozenset({"sides", "parties", "two", "both", "rivals"})
_DEFINITE = frozenset({"the", "this", "these", "those", "that", "both", "two", "latter"})

# How many sentences back an anaphor may reach.
WINDOW = 2


@dataclass
class _Sentence:
    actors: list[str] = field(default_factory=list)  # in order of appearance
    subjects: list[str] = field(default_factory=list)
    groups: list[tuple[str, ...]] = field(default_factory=list)  # coordinated actor sets
    pairs: list[tuple[str, str]] = field(default_factory=list)  # the two sides of a clash
    coalitions: list[str] = field(default_factory=list)  # shown to have members
    other_subject: bool = False  # the main subject is a thing ("the battle"), not an actor
    unnamed_coalition: bool = False  # "announced a new operations room" (no name given)


@dataclass
class CorefState:
    """Salience history of one document, fed sentence by sentence."""

    kind_of: Callable[[str], ActorKind | None]
    history: list[_Sentence] = field(default_factory=list)
    current: _Sentence = field(default_factory=_Sentence)
    named_coalitions: list[str] = field(default_factory=list)  # before this sentence

    def start_sentence(self) -> None:
        for actor in self.current.actors:
            if self.kind_of(actor) is ActorKind.COALITION:
                if actor in self.named_coalitions:
                    self.named_coalitions.remove(actor)
                self.named_coalitions.append(actor)  # (earlier sentences only)
        self.history.append(self.current)
        self.current = _Sentence()
        if len(self.history) > WINDOW + 1:
            self.history.pop(0)

    def earlier_coalition(self, word: str) -> str | None:
        """The antecedent of a coalition word beyond the window: for "the coalition", the last
        actor called so by name, however far back ("the US-led coalition", not the SDF); for
        "the alliance" (or "grouping", "umbrella"), the coalition the report named last
        ("An alliance known as Jaish al-Fatah ... The alliance, formed in March, groups A")."""
        if word == "coalition":
            called = [a for a in self.named_coalitions if "coalition" in a]
            return called[-1] if called else None
        if word in {"alliance", "grouping", "umbrella"} and self.named_coalitions:
            return self.named_coalitions[-1]
        return None

    def note_actor(self, actor: str, *, subject: bool = False) -> None:
        if actor not in self.current.actors:
            self.current.actors.append(actor)
        if subject and actor not in self.current.subjects:
            self.current.subjects.append(actor)

    def note_coalition(self, actor: str) -> None:
        """``actor`` was just shown to have members: the best antecedent of "the coalition"."""
        if actor not in self.current.coalitions:
            self.current.coalitions.append(actor)

    def note_unnamed_coalition(self) -> None:
        """The sentence introduces a coalition without naming it ("formed a new alliance")."""
        self.current.unnamed_coalition = True

    def note_other_subject(self) -> None:
        """The sentence's main subject is not an actor (nor a pronoun or anaphor)."""
        self.current.other_subject = True

    def note_pair(self, a: str, b: str) -> None:
        """``a`` and ``b`` were just shown fighting (or making peace): "the two sides"."""
        pair = (a, b) if a < b else (b, a)
        if pair not in self.current.pairs:
            self.current.pairs.append(pair)

    def note_group(self, actors: Sequence[str]) -> None:
        unique = tuple(dict.fromkeys(actors))
        if len(unique) >= 2 and unique not in self.current.groups:
            self.current.groups.append(unique)

    def resolve(
        self, token: Token, *, prefer_coalition: bool = False, among: set[str] | None = None
    ) -> list[str]:
        """Actors an anaphoric token stands for (empty when it is no anaphor or unresolved).

        ``among`` restricts a singular anaphor to actors its description fits ("the Shiite
        movement" among the Shiite actors): the most recent such actor in the window.
        """
        number = anaphor_number(token)
        if number is None:
            return []
        recent = self.history[-WINDOW:]
        if among is not None:
            if number == "plural":
                return []
            for sentence in reversed([*recent, self.current]):
                for actor in reversed(sentence.actors):
                    if actor in among:
                        return [actor]
            return []
        if number == "plural":
            sides = token.lower_ in SIDE_NOUNS
            for sentence in reversed(recent):
                if sentence.groups:
                    return list(sentence.groups[-1])
                if sides and sentence.pairs:
                    # "HTS fought the SLF for weeks. The two sides signed a ceasefire."
                    return list(sentence.pairs[-1])
            return []
        wants_coalition = prefer_coalition or token.lower_ in COALITION_NOUNS
        if wants_coalition:
            if token.lower_ in COALITION_NOUNS and recent and recent[-1].unnamed_coalition:
                return []  # "a new operations room ... The operations room includes": unnamed
            for sentence in reversed(recent):
                if sentence.coalitions:
                    return [sentence.coalitions[-1]]
            for sentence in reversed(recent):
                for actor in reversed(sentence.actors):
                    if self.kind_of(actor) is ActorKind.COALITION:
                        return [actor]
            earlier = self.earlier_coalition(token.lower_)
            if earlier is not None:
                return [earlier]
            if token.lower_ in COALITION_NOUNS:
                return []
        # "the group", "the movement": an armed group, never a state; pronouns may be either
        noun = token.lower_ in SINGULAR_NOUNS

        def fits(actor: str) -> bool:
            return not noun or self.kind_of(actor) is not ActorKind.STATE

        if recent and recent[-1].subjects and fits(recent[-1].subjects[0]):
            return [recent[-1].subjects[0]]
        if token.lower_ in SINGULAR_PRONOUNS and recent and recent[-1].other_subject:
            return []  # "The battle was ... It was supported by ...": "it" is the battle
        for sentence in reversed(recent):
            for actor in reversed(sentence.actors):
                if fits(actor):
                    return [actor]
        return []


    def resolve_described(self, among: set[str]) -> list[str]:
        """The most recent actor of the window (this sentence included) among ``among``."""
        for sentence in reversed([*self.history[-WINDOW:], self.current]):
            for actor in reversed(sentence.actors):
                if actor in among:
                    return [actor]
        return []


def anaphor_number(token: Token) -> str | None:
    """``"singular"`` or ``"plural"`` when ``token`` is an actor anaphor, else ``None``."""
    lower = token.lower_
    if lower in SINGULAR_PRONOUNS:
        return "singular"
    if lower in PLURAL_PRONOUNS:
        return "plural"
    if lower in SINGULAR_NOUNS or lower in PLURAL_NOUNS:
        if any(c.dep_ == "prep" and c.lower_ == "of" and any(
            p.lower_ in {"which", "whom"} for p in c.children
        ) for c in token.children):
            return None  # "A and B, both of which are ...": the relative's own antecedent
        determiners = {c.lower_ for c in token.children if c.dep_ in {"det", "predet", "nummod"}}
        if lower in {"both", "two"} and token.dep_ in {"nsubj", "nsubjpass"}:
            return "plural"
        if lower == "force" and (token.dep_ == "attr" or any(
            c.dep_ in {"compound", "nmod"} or (c.dep_ == "prep" and c.lower_ == "of")
            or (c.dep_ == "amod" and not hyphened(c)) for c in token.children
        )):
            # "the air force", "the force of the blast", "the strongest force": no anaphor
            # (only a bare or hyphen-described one is: "the Kurdish-led force")
            return None
        if determiners & _DEFINITE and not _has_own_name(token):
            return "plural" if lower in PLURAL_NOUNS else "singular"
    return None


def hyphened(token: Token) -> bool:
    """A modifier written with a hyphened prefix: "Kurdish-led", "US-backed"."""
    return token.i >= 2 and token.doc[token.i - 1].text in "-‐–"


def _has_own_name(token: Token) -> bool:
    # "the Jaish al-Fatah coalition" names its actor; only a bare "the coalition" is anaphoric.
    return any(c.dep_ in {"compound", "amod", "appos", "nmod"} and c.pos_ == "PROPN"
               for c in token.children)
