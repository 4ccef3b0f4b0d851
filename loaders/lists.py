"""Membership stated as a list of names beside a membership cue, read off the token order.

Reports name a coalition's members in many sentence shapes the parser hangs anywhere:

- the coalition, then a cue, then the list: "Jaysh al-Fatah ... groups seven factions, among
  them A, B and C", "the Southern Front, an umbrella of several dozen groups that includes A and
  B", "the NFL, formed in 2018 by A, B and C", "1,500 FSA fighters, among them members of A and
  B"; with no coalition named before the cue, a sentence that opens on a coalition word ("The
  coalition brings together A and B", "Founding components per the announcement: A, B") takes the
  coalition of the last two sentences;
- the list, then a cue, then the coalition: "A, B and C, all of which fight under the umbrella of
  the SDF", "A and B announced that they were joining X", "A took part as part of X".

Between the pieces only quiet words may stand (determiners, numbers, group nouns, reporting
verbs): another actor, an action verb or a clause break means the list belongs elsewhere. The
claims go through :meth:`loaders.relations.DocRelations.emit` like every other rule, so they are
deduplicated against what the parse already found.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.model import ActorKind, RelationType
from loaders.hedging import NEGATING_VERBS, NEGATORS, hedge_cue, negation_cue
from loaders.lexicon import VERB_FORMS
from loaders.relations import HYPHEN_MODIFIERS, DocRelations, Ref

MEMBERSHIP = RelationType.MEMBERSHIP
CONF_LIST = 0.75
MAX_COALITION_GAP = 30  # tokens a coalition may stand before the cue that lists its members

# Cues after which the members follow. Multi-word cues are matched on lower-cased tokens.
FORWARD_CUES: tuple[tuple[str, ...], ...] = (
    ("includes",), ("include",), ("included",), ("including",), ("comprises",),
    ("comprise",), ("comprised",), ("comprising",), ("composed", "of"), ("made", "up", "of"),
    ("consisting", "of"), ("consists", "of"), ("groups",), ("grouping",),
    ("brings", "together"), ("bringing", "together"), ("brought", "together"),
    ("bring", "together"), ("among", "them"), ("among", "which"), ("among", "whom"),
    ("such", "as"), ("namely",), ("components",), ("members",), ("member", "factions"),
    ("member", "groups"), ("joiners",), ("formed", "by"), ("founded", "by"),
    ("established", "by"), ("created", "by"), ("alliance", "of"), ("alliance", "between"),
    ("coalition", "of"), ("merger", "of"), ("merger", "between"), ("union", "of"),
)
# Cues after which the coalition follows.
BACKWARD_CUES: tuple[tuple[str, ...], ...] = (
    ("joined",), ("joining",), ("join",), ("joins",), ("merged", "into"), ("merge", "into"),
    ("merging", "into"), ("dissolved", "itself", "into"), ("dissolved", "themselves", "into"),
    ("umbrella", "of"), ("banner", "of"), ("part", "of"), ("components", "of"),
    ("component", "of"), ("member", "of"), ("unit", "of"), ("affiliated", "with"),
    ("affiliated", "to"), ("operating", "under"), ("operates", "under"), ("operate", "under"),
    ("fighting", "under"), ("fight", "under"), ("fights", "under"), ("within",),
    ("grouped", "in"), ("grouped", "under"), ("grouped", "within"), ("backbone", "of"),
    ("core", "of"), ("pillar", "of"), ("pillars", "of"), ("mainstay", "of"),
    ("pledged", "allegiance", "to"), ("pledge", "allegiance", "to"),
    ("pledging", "allegiance", "to"), ("swore", "allegiance", "to"),
    ("sworn", "allegiance", "to"),
)
# Verb cues whose subject, when the parse shows one, is the coalition.
VERB_CUES = frozenset({"includes", "include", "included", "comprises", "comprise", "comprised",
                       "groups", "grouped", "brings", "bring", "brought", "consists"})
# What may stand between a backward cue and its coalition: "joined the ranks of the new X".
AFTER_GAP = frozenset({"the", "a", "an", "new", "newly", "so-called", "\"", "“", "”", "'", "(",
                       "ranks", "of", "formed", "larger", "wider", "broader", "its", "their",
                       "alliance", "coalition", "body", "formation", "umbrella", "grouping",
                       "front", ","})
# Words that may stand between a cue and the first listed name, or a coalition and the cue.
_QUIET_WORDS = """
forms form constitutes constitute makes make
( ) , - : a about after agreed all alliance also an and announced announcement are armed
around as at battalion battalions be been before being bloc body both brigade brigades
brings called coalition components confirmed created day days decided declared dozen
dozens each earlier established faction factions few fight fighters fighting fights first
forces formally formations formed fought founded front group grouping groups had has have
his in included includes including into is islamist it its itself jihadist just known
largest last later least list local main many member members militias month months more
movements named new newly now number of official officially on only operate operated
operates operating opposition or organisations organizations other part parties per rebel
recently room said says self self-declared several since small smaller so so-called some
statement still such than that the their them themselves then these they this those
together umbrella under unit units voted was week weeks were which whom whose will with
would year —
"""
QUIET = frozenset(_QUIET_WORDS.split())
# The only words that may stand between a cue and the first listed name, or between a
# backward cue and its coalition (besides determiners, numbers, adjectives and dates).
STRICT = frozenset({
    "the", "a", "an", "of", "its", "their", "several", "some", "many", "other", "more", "than",
    "dozen", "dozens", "few", "number", "at", "least", "about", "around", "groups", "group",
    "factions", "faction", "brigades", "battalions", "units", "formations", "militias",
    "components", "members", "member", "organizations", "organisations", "movements",
    "parties", "coalition", "alliance", "umbrella", "front", "room", "body", "bloc", "grouping",
    "ranks", "operations", "such", "as", "among", "them", "which", "whom", "that", "these",
    "per", "announcement", "statement", ":", ",", "-", "(", ")", "—", "\"", "'", "“", "”",
    "so-called", "new", "newly", "formed", "include", "includes", "included", "including",
    "fighters", "from", "mainly", "mostly", "chiefly", "notably", "primarily", "in",
    "terrorists", "mercenaries", "gunmen", "militants", "rebels", "jihadists",
})
# Between two listed names.
GLUE = frozenset({",", "and", "the", "as", "well", "(", ")", "also", "plus", "both", "-", "'s",
                  "’s", "what", "left", "of", "remains", "remnants", "parts", "most", '"', "“",
                  "”", "terrorists", "mercenaries", "fighters"})
# Singular group nouns a name may modify: "the largest Free Syrian Army brigade".
UNIT_NOUNS = frozenset({"brigade", "unit", "faction", "group", "component", "member", "battalion",
                        "division", "militia", "affiliate", "formation", "regiment", "wing",
                        "branch", "contingent", "force", "outfit", "grouping"})
GROUP_PLURALS = frozenset({"groups", "factions", "brigades", "battalions", "units", "divisions",
                           "militias", "formations", "components", "members", "rebels",
                           "fighters", "affiliates", "outfits"})
# A list element may be followed by a few words that describe it ("Jaysh al-Islam's Idlib
# branch", "the Shams al-Shamal battalion") before the next separator.
DESCRIBING_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "PART"})
# Sentence openers that point back to a coalition named earlier.
OPENER_NOUNS = frozenset({"coalition", "alliance", "command", "room", "front", "umbrella",
                          "body", "grouping", "bloc", "components", "members", "joiners",
                          "formation", "merger", "union", "council"})


def _index(cues: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for cue in cues:
        out.setdefault(cue[0], []).append(cue)
    return out


_FORWARD = _index(FORWARD_CUES)
_BACKWARD = _index(BACKWARD_CUES)


def _match(tokens: list[Token], k: int, cues: dict[str, list[tuple[str, ...]]]) -> int:
    """Length of the cue starting at token ``k`` (0 when none)."""
    for cue in cues.get(tokens[k].lower_, ()):
        if all(k + j < len(tokens) and tokens[k + j].lower_ == w for j, w in enumerate(cue)):
            return len(cue)
    return 0


class MemberLists:
    """Membership claims from list shapes in one sentence (see the module docstring)."""

    def __init__(self, ctx: DocRelations, sent: Span) -> None:
        self.ctx = ctx
        self.sent = sent
        self.doc = ctx.doc
        self.tokens = list(sent)
        self.hedged = hedge_cue(sent) is not None
        self.mentions = sorted(
            (s for s in ctx.spans if s.start >= sent.start and s.end <= sent.end),
            key=lambda s: s.start,
        )
        # "the Al Qaeda-affiliated Nusra Front": the describing name is no list element
        self.modifiers = {
            i for s in self.mentions if s.end + 1 < sent.end and self.doc[s.end].text == "-"
            and self.doc[s.end + 1].lower_ in HYPHEN_MODIFIERS for i in range(s.start, s.end)
        }
        # "JFS, the group formerly known as the Nusra Front, ...": an old name, not an item
        self.modifiers |= {
            i for s in self.mentions
            if any(t.lower_ in {"formerly", "previously", "former"}
                   for t in self.doc[max(sent.start, s.start - 4):s.start])
            for i in range(s.start, s.end)
        }

    # -- reading -------------------------------------------------------------------------------

    def ref_at(self, i: int) -> Ref | None:
        return None if i in self.modifiers else self.ctx.by_token.get(i)

    def quiet(self, start: int, end: int, *, strict: bool = False) -> bool:
        """No actor, action verb or clause break in ``doc[start:end]``; ``strict``: only
        determiners, numbers, adjectives, dates and the :data:`STRICT` words."""
        for t in self.doc[start:end]:
            if (t.i in self.ctx.by_token and t.i not in self.modifiers) or t.text in {";", "."}:
                return False
            if strict:
                if not (t.lower_ in STRICT or t.like_num or t.pos_ in {"DET", "NUM", "ADJ"}
                        or t.ent_type_ in {"DATE", "CARDINAL"}):
                    return False
                continue
            if t.lower_ in {"took", "take", "takes", "taking"} and t.i + 1 < end and (
                self.doc[t.i + 1].lower_ == "part"
            ):
                continue  # "A and B took part in the assault as part of X"
            if t.lower_ in QUIET or t.like_num or t.ent_type_ in {"DATE", "TIME", "CARDINAL"}:
                continue
            if t.pos_ in {"VERB", "AUX"}:
                if t.lower_ in VERB_FORMS or t.lower_ in NEGATING_VERBS or t.lower_ in NEGATORS:
                    return False  # an action of its own ("attacked"), or a denial
                continue
            if t.pos_ in {"NOUN", "ADJ", "ADV", "DET", "ADP", "NUM", "PRON", "PART", "CCONJ",
                          "PUNCT", "SCONJ"} or not self.ctx.parsed:
                continue
            if t.pos_ == "PROPN" and not self.ctx.gaz.adjective_actor(t.text):
                continue
            return False
        return True

    def run_after(self, k: int, reach: int = 10) -> list[Ref]:
        """The list of names that starts within ``reach`` quiet tokens after index ``k``."""
        end = self.sent.end
        start = k
        while start < end and start - k <= reach and self.ref_at(start) is None:
            start += 1
        first = self.ref_at(start) if start < end else None
        if first is None or not self.quiet(k, start, strict=True):
            return []
        out = [first]
        i = first.end
        while i < end:
            j = i
            # separators and a few describing words
            described = 0
            while j < end and self.ref_at(j) is None and (
                self.doc[j].lower_ in GLUE or j in self.modifiers
                or self.doc[j].lower_ in HYPHEN_MODIFIERS
                or (self.doc[j].pos_ in DESCRIBING_POS and described < 3
                    and self.doc[j].text not in {";", ":"})
            ):
                if self.doc[j].lower_ not in GLUE:
                    described += 1
                j += 1
            ref = self.ref_at(j) if j < end else None
            gap = [t.lower_ for t in self.doc[i:j]]
            if ref is not None and gap[:1] in (["'s"], ["’s"]) and not {",", "and"} & set(gap):
                out[-1] = ref  # "al-Qaeda's Syrian affiliate Jabhat al-Nusra": the owner
                i = ref.end    # describes the item
                continue
            if ref is not None and ref.actor == out[-1].actor and set(gap) <= {"(", "the"}:
                i = ref.end  # "Jabhat al-Nusra (JN), ...": the abbreviation, not a new item
                continue
            if ref is None or not ({",", "and"} & set(gap)):
                break
            out.append(ref)
            i = ref.end
        return out

    def run_before(self, k: int, reach: int = 20) -> list[Ref]:
        """The list of names that ends within ``reach`` quiet tokens before index ``k``."""
        j = k - 1
        while j >= self.sent.start and k - j <= reach and self.ref_at(j) is None:
            j -= 1
        last = self.ref_at(j) if j >= self.sent.start else None
        if last is None or not self.quiet(last.end, k):
            return []
        out = [last]
        i = last.start
        while i > self.sent.start:
            j = i - 1
            described = 0
            while j >= self.sent.start and self.ref_at(j) is None and (
                self.doc[j].lower_ in GLUE
                or (self.doc[j].pos_ in DESCRIBING_POS and described < 3
                    and self.doc[j].text not in {";", ":"})
            ):
                if self.doc[j].lower_ not in GLUE:
                    described += 1  # "Jaysh al-Islam's Idlib branch, Jaysh al-Mujahideen"
                j -= 1
            ref = self.ref_at(j) if j >= self.sent.start else None
            gap = [t.lower_ for t in self.doc[j + 1:i]]
            if ref is not None and ref.actor == out[0].actor and set(gap) <= {"(", ")"}:
                i = ref.start  # "Jabhat al-Nusra (JN)": one item
                continue
            if ref is None or not ({",", "and"} & set(gap)) or (
                described and not {",", "and"} & set(gap[:1] + gap[-1:])
            ):
                break
            out.insert(0, ref)
            i = ref.start
        return out

    def coalition_before(self, k: int) -> Ref | None:
        """The nearest coalition named before the cue at ``k`` with only quiet words between."""
        j = k - 1
        while j >= max(self.sent.start, k - MAX_COALITION_GAP):
            ref = self.ref_at(j)
            if ref is not None:
                if self.is_coalition(ref.actor) and self.quiet(ref.end, k):
                    return ref
                return None
            j -= 1
        return None

    def coalition_after(self, k: int) -> Ref | None:
        for j in range(k, min(self.sent.end, k + 5)):
            ref = self.ref_at(j)
            if ref is not None:
                if self.ctx.kind_of(ref.actor) is ActorKind.STATE:
                    return None
                return ref
            t = self.doc[j]
            if t.lower_ not in AFTER_GAP and t.pos_ != "ADJ":
                return None
        return None

    def parsed_subject(self, cue: Token) -> list[Ref] | None:
        """The actors the parse makes the subject of a verb cue (``None``: no subject found)."""
        if not self.ctx.parsed or cue.lower_ not in VERB_CUES or cue.pos_ not in {"VERB", "AUX"}:
            return None
        from loaders.relations import _DepSentence

        dep = _DepSentence(self.ctx, self.sent)
        tokens = dep.subject_tokens(cue)
        if not tokens:
            return None
        return dep.refs(tokens)

    def coalition_from_context(self, k: int) -> Ref | None:
        """"The coalition brings together A, B" / "Founding components: A, B": a coalition
        word opens the sentence and no actor stands before the cue; the coalition of the last
        two sentences is meant."""
        before = self.doc[self.sent.start:k + 1]
        if any(t.i in self.ctx.by_token or t.text in {'"', "“", "'"} or (
            t.pos_ == "PROPN" and t.i > self.sent.start and t.ent_type_ not in {"DATE", "TIME"}
        ) for t in before) or not any(
            t.lower_ in OPENER_NOUNS and (t.i == self.sent.start or self.doc[t.i - 1].lower_ in {
                "the", "this", "that", "new", "joint", "founding", "confirmed", "its", "their",
                "operations"})
            for t in before
        ):
            return None  # a coalition named but not known ("the "X" operations room") is not
            # the last one named
        for sentence in reversed(self.ctx.coref.history[-2:]):
            if sentence.coalitions:
                return Ref(sentence.coalitions[-1], k, k + 1, coref=True)
            for actor in reversed(sentence.actors):
                if self.is_coalition(actor):
                    return Ref(actor, k, k + 1, coref=True)
        # further back: the same choice as the coreference of "the alliance"/"the coalition"
        for word in ("alliance", "grouping", "umbrella", "coalition"):
            earlier = self.ctx.coref.earlier_coalition(word) if word in {
                t.lower_ for t in before} else None
            if earlier is not None:
                return Ref(earlier, k, k + 1, coref=True)
        return None

    def is_coalition(self, actor: str) -> bool:
        return self.ctx.kind_of(actor) is ActorKind.COALITION

    # -- rules ---------------------------------------------------------------------------------

    def run(self) -> None:
        tokens = self.tokens
        for span in self.mentions:
            self.described(span.start, span.end)
        for n, tok in enumerate(tokens):
            if tok.i in self.ctx.by_token:
                continue
            if tok.lower_ == "other" and n > 0 and tokens[n - 1].lower_ in {"and", ","}:
                self.and_other(tok)
                continue
            if tok.lower_ in {"formed", "founded", "established", "created", "announced",
                              "launched"} and (
                n + 1 < len(tokens) and tokens[n + 1].lower_ != "by"
            ):
                self.formed_by(tok)
                continue
            if tok.lower_ == "among" and n > 0 and tokens[n - 1].text == ",":
                self.among_described(tok)  # (and "among them" below)
            length = _match(tokens, n, _FORWARD)
            nxt = tokens[n + 1].lower_ if n + 1 < len(tokens) else ""
            if length == 1 and tok.lower_ in {"members", "components"} and nxt == "of":
                length = 0  # "A and B, members of X": the coalition follows
            if length == 1 and tok.lower_.startswith("group") and self.ctx.parsed and (
                tok.pos_ != "VERB"
            ) and not self.verb_after_aside(n):
                length = 0  # "FSA groups" is a noun; "the Front groups seven factions" a verb
            if length:
                self.forward(tok, tok.i + length)
                continue
            length = _match(tokens, n, _BACKWARD)
            if length:
                self.backward(tok, tok.i + length)

    def verb_after_aside(self, n: int) -> bool:
        """"The alliance, formed in March, groups A, B and C": the tagger reads "groups" as a
        noun; right after a comma that closes an aside and right before a name, it is the verb."""
        tokens = self.tokens
        if n < 2 or tokens[n].lower_ != "groups" or tokens[n - 1].text != ",":
            return False
        if n + 1 >= len(tokens) or (tokens[n + 1].i not in self.ctx.by_token and not (
            tokens[n + 1].pos_ in {"DET", "NUM"} or tokens[n + 1].like_num
        )):
            return False
        return any(t.text == "," for t in tokens[1:n - 1])  # the aside opened with a comma

    def forward(self, cue: Token, after: int) -> None:
        members = [m for m in self.run_after(after) if not (
            m.end < self.sent.end and self.doc[m.end].lower_ in GROUP_PLURALS
            and self.doc[m.end].text.islower()  # ("the Zenki Battalions" is a name)
        )]  # ("a coalition of Free Syrian Army brigades": the brigades are, not the FSA)
        if not members:
            return
        if self.ctx.parsed and any(c.dep_ == "nsubj" and c.lower_ in {"they", "these", "those"}
                                   for c in cue.children):
            return  # "Five factions joined X. They included A and B": the factions, listed
        subject = self.parsed_subject(cue)
        if subject and len(subject) > 1:
            return  # "A and B include ...": not one coalition
        coalition: Ref | None = None
        if subject and self.is_coalition(subject[0].actor):
            coalition = subject[0]
        elif not subject:
            # no actor as the parsed subject ("an umbrella of several dozen groups that
            # includes"): the coalition named just before, or the one the opener points back to
            coalition = self.coalition_before(cue.i) or self.coalition_from_context(cue.i)
        if coalition is None:
            return
        self.emit([m for m in members if m.actor != coalition.actor], coalition, cue)

    def and_other(self, tok: Token) -> None:
        """"A, B and other Free Syrian Army groups": A and B belong to the FSA."""
        coalition = self.groups_of(tok.i + 1)
        if coalition is not None:
            self.emit(self.run_before(tok.i - 1, reach=1), coalition, tok)

    def groups_of(self, k: int) -> Ref | None:
        """The coalition in "(largest) FSA factions" starting at ``k``: adjectives, a
        coalition's name, then a plural group noun."""
        while k < self.sent.end and self.ref_at(k) is None and self.doc[k].pos_ == "ADJ":
            k += 1
        coalition = self.ref_at(k) if k < self.sent.end else None
        if coalition is None or not self.is_coalition(coalition.actor):
            return None
        if coalition.end >= self.sent.end or self.doc[coalition.end].lower_ not in GROUP_PLURALS:
            return None
        return coalition

    def formed_by(self, tok: Token) -> None:
        """"the NFL, a body formed in May under Turkish sponsorship by A and B"."""
        for k in range(tok.i + 1, min(self.sent.end, tok.i + 9)):
            if self.doc[k].lower_ == "by":
                if self.quiet(tok.i + 1, k):
                    self.forward(tok, k + 1)
                return
            if self.doc[k].text in {",", ";", "."} or k in self.ctx.by_token:
                return

    def among_described(self, tok: Token) -> None:
        """"A, B and C, among the largest FSA factions involved": the listed groups belong
        to the coalition the factions are named after."""
        k = tok.i + 1
        if k < self.sent.end and self.doc[k].lower_ == "the":
            k += 1
        coalition = self.groups_of(k)
        if coalition is not None:
            self.emit([m for m in self.run_before(tok.i - 1, reach=1)
                       if m.actor != coalition.actor], coalition, tok)

    def described(self, start: int, end: int) -> None:
        """"Liwa al-Tawhid, the largest Free Syrian Army brigade in Aleppo", "TAI, an
        FSA-affiliated group": a name described as a unit of a coalition belongs to it."""
        member = self.ref_at(start)
        if member is None or self.ctx.kind_of(member.actor) is ActorKind.STATE:
            return
        k = end
        if k + 1 >= self.sent.end or self.doc[k].text != "," or (
            self.doc[k + 1].lower_ not in {"the", "a", "an"}
        ):
            return
        k += 2
        while k < min(self.sent.end, end + 8):
            ref = self.ctx.by_token.get(k)
            if ref is not None:
                words = self.doc[ref.start:ref.end].text.lower().split()
                if self.ctx.kind_of(ref.actor) is ActorKind.STATE and words[-1] in UNIT_NOUNS:
                    # "the Fourth Armoured Division, the elite army unit ...": a unit of the
                    # state's forces
                    self.emit([member], ref, self.doc[ref.end - 1])
                    return
                if not self.is_coalition(ref.actor) or ref.actor == member.actor:
                    return
                j = ref.end
                if j + 1 < self.sent.end and self.doc[j].text == "-" and (
                    self.doc[j + 1].lower_ in {"affiliated", "allied"}
                ):
                    j += 2
                while j < self.sent.end and self.doc[j].pos_ == "ADJ":
                    j += 1
                if j < self.sent.end and self.doc[j].lower_ in UNIT_NOUNS:
                    self.emit([member], ref, self.doc[j])
                return
            t = self.doc[k]
            if t.pos_ not in {"ADJ", "ADV"} and t.lower_ not in {"largest", "main", "biggest",
                                                                 "leading", "most", "powerful",
                                                                 "local", "new"}:
                return
            k += 1

    def backward(self, cue: Token, after: int) -> None:
        if after < self.sent.end and self.doc[after].lower_ == "by":
            return  # "X was joined by A": the other way round, left to the parse
        coalition = self.coalition_after(after)
        if coalition is None:
            return
        members = self.run_before(cue.i)
        if not members and cue.lower_ in {"components", "members", "factions"} and (
            coalition.end + 1 < self.sent.end and self.doc[coalition.end].text in ":-–—"
        ):
            # "the components of Jaish al-Fatah - A, B and C": the list follows the name
            members = self.run_after(coalition.end + 1, reach=1)
        if not members:
            return
        if self.ctx.parsed:
            subject = [self.ctx.by_token[c.i] for c in cue.children
                       if c.dep_ in {"nsubj", "nsubjpass"} and c.i in self.ctx.by_token]
            if subject and subject[0].actor not in {m.actor for m in members}:
                return  # "X, which includes A, B and C, was merged into Y": X is, by the parse
        k = coalition.end
        if k + 2 < self.sent.end and self.doc[k].text == "," and (
            self.doc[k + 1].lower_ in {"together", "along"} and self.doc[k + 2].lower_ == "with"
        ):
            # "dissolved itself into a new alliance, HTS, together with A and B": A and B too
            members += self.run_after(k + 3, reach=2)
        self.emit([m for m in members if m.actor != coalition.actor], coalition, cue)

    def emit(self, members: list[Ref], coalition: Ref, cue: Token) -> None:
        if not members:
            return
        negated = (negation_cue(cue, parsed=False) is not None
                   or (self.ctx.parsed and negation_cue(cue) is not None))
        self.ctx.emit(MEMBERSHIP, members, [coalition], cue, self.sent, base=CONF_LIST,
                      negated=negated, hedged=self.hedged)
