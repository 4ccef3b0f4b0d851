"""The model's attribute rules (tag -> part of speech, morphology), applied through an index.

spaCy's ``attribute_ruler`` runs every one of its ~180 token patterns through the general
``Matcher`` at every token; on ``en_core_web_sm`` that costs about as much as the parser
(measured in ``bench/extract.py``). Almost all of those patterns test one token for equal
values, so :class:`IndexedAttributeRules` looks the candidates up by the token's tag and
lower-cased text and checks only those. Patterns of any other shape (two tokens, an attribute
the index does not read) still go through a ``Matcher``. Matches are applied in the ruler's
own order with spaCy's own setter, so the result is the same token for token; a test compares
the two on real text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

from loaders.guard import guarded

_READERS: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
_Test = Callable[[Token], bool]


@Language.factory("allegiance_attribute_rules", default_config={"source": "attribute_ruler"})
def make_attribute_rules(nlp: Language, name: str, source: str) -> IndexedAttributeRules:
    ruler = nlp.get_pipe(source)
    if not isinstance(ruler, AttributeRuler):
        raise TypeError(f"pipe {source!r} is not an AttributeRuler")
    return IndexedAttributeRules(ruler)


def index_attribute_rules(nlp: Language, name: str = "attribute_ruler") -> None:
    """Swap the model's attribute ruler, if it has one, for the indexed equivalent."""
    if name in nlp.pipe_names and isinstance(nlp.get_pipe(name), AttributeRuler):
        nlp.add_pipe("allegiance_attribute_rules", before=name, config={"source": name})
        nlp.remove_pipe(name)


class IndexedAttributeRules:
    """What ``ruler`` does to a ``Doc``, with one-token patterns found by dictionary lookup."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.attrs = list(ruler.attrs)
        self.by_tag: dict[str, list[tuple[int, list[_Test]]]] = defaultdict(list)
        self.by_lower: dict[str, list[tuple[int, list[_Test]]]] = defaultdict(list)
        self.anywhere: list[tuple[int, list[_Test]]] = []
        self.matcher = Matcher(ruler.vocab)
        self.indices = list(ruler.indices)
        self.merged: dict[tuple[int, ...], dict[int, Any]] = {}
        entries: list[dict[str, Any]] = list(ruler.patterns)
        for rule, entry in enumerate(entries):
            rest: list[list[dict[str, Any]]] = []
            for pattern in entry["patterns"]:
                tests = _one_token_tests(pattern) if entry["index"] in (0, -1) else None
                if tests is None:
                    rest.append(pattern)
                else:
                    self._index(rule, pattern[0], tests)
            if rest:
                self.matcher.add(str(rule), rest)

    def _index(self, rule: int, spec: dict[str, Any], tests: list[_Test]) -> None:
        for attr, table in (("TAG", self.by_tag), ("LOWER", self.by_lower)):
            wanted = spec.get(attr)
            if isinstance(wanted, str):
                table[wanted].append((rule, tests))
                return
            if isinstance(wanted, dict) and set(wanted) == {"IN"}:
                for value in wanted["IN"]:
                    table[value].append((rule, tests))
                return
        self.anywhere.append((rule, tests))

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        hits: list[tuple[int, int]] = []  # (rule, token), applied in the ruler's order
        for token in doc:
            for rule, tests in (*self.by_tag.get(token.tag_, ()),
                                *self.by_lower.get(token.lower_, ()), *self.anywhere):
                if all(test(token) for test in tests):
                    hits.append((rule, token.i))
        for match_id, start, end in self.matcher(doc, allow_missing=True):
            rule = int(doc.vocab.strings[match_id])
            hits.append((rule, doc[start:end][self.indices[rule]].i))
        hits.sort(key=lambda hit: (hit[1], hit[0]))
        start = 0
        while start < len(hits):  # one merged write per token, later rules winning
            i = hits[start][1]
            end = start
            while end < len(hits) and hits[end][1] == i:
                end += 1
            rules = tuple(rule for rule, _ in hits[start:end])
            merged = self.merged.get(rules)
            if merged is None:
                merged = self.merged[rules] = {k: v for rule in rules
                                               for k, v in self.attrs[rule].items()}
            set_token_attrs(doc[i], merged)
            start = end
        return doc


def _one_token_tests(pattern: list[dict[str, Any]]) -> list[_Test] | None:
    """Checks for a one-token pattern the index understands, or ``None`` for the Matcher."""
    if len(pattern) != 1:
        return None
    tests: list[_Test] = []
    for attr, wanted in pattern[0].items():
        read = _READERS.get(attr)
        if read is None:
            return None
        test = _test(read, wanted)
        if test is None:
            return None
        tests.append(test)
    return tests


def _test(read: Callable[[Token], Any], wanted: Any) -> _Test | None:
    if isinstance(wanted, (str, bool)):
        return lambda token: read(token) == wanted
    if not isinstance(wanted, dict) or not wanted or set(wanted) - {"IN", "NOT_IN", "REGEX"}:
        return None
    inside = frozenset(wanted["IN"]) if "IN" in wanted else None
    outside = frozenset(wanted.get("NOT_IN", ()))
    regex = re.compile(wanted["REGEX"]) if "REGEX" in wanted else None

    def test(token: Token) -> bool:
        value = read(token)
        if inside is not None and value not in inside:
            return False
        if value in outside:
            return False
        return regex is None or regex.search(str(value)) is not None

    return test
