"""The indexed attribute rules give the same tokens as spaCy's own ``attribute_ruler``."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token

from loaders.attributes import IndexedAttributeRules, index_attribute_rules
from loaders.pipeline import model_available
from tests.extraction_cases import MODEL

TESTS = Path(__file__).resolve().parent


def _token(t: Token) -> tuple[str, str, str, str, str, str]:
    return (t.text, t.tag_, t.pos_, t.dep_, str(t.morph), t.lemma_)


def _view(doc: Doc) -> list[tuple[str, str, str, str, str, str]]:
    return [_token(t) for t in doc]


def test_rules_of_every_shape_match_the_spacy_ruler() -> None:
    """Equal values, IN, NOT_IN, REGEX, a two-token rule with an index, later rules winning."""
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.add_patterns([
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
        {"patterns": [[{"TAG": "NN", "LOWER": {"IN": ["front", "army"]}}]],
         "attrs": {"POS": "PROPN"}},
        {"patterns": [[{"LOWER": {"REGEX": "^al-"}}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT"]}}]],
         "attrs": {"POS": "PRON"}},
        {"patterns": [[{"LOWER": "jaish"}, {"LOWER": "al-islam"}]], "attrs": {"POS": "PROPN"},
         "index": 1},
        {"patterns": [[{"TAG": "VBD", "IS_SPACE": False}]], "attrs": {"POS": "VERB"}},
    ])
    words = ["That", "front", "attacked", "Jaish", "al-Islam", "and", "the", "army"]
    tags = ["DT", "NN", "VBD", "NNP", "NN", "CC", "DT", "NN"]
    deps = ["nsubj", "compound", "ROOT", "compound", "dobj", "cc", "det", "conj"]
    heads = [2, 2, 2, 4, 2, 4, 7, 4]

    def fresh() -> Doc:
        return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)

    expected, got = ruler(fresh()), IndexedAttributeRules(ruler)(fresh())
    assert _view(got) == _view(expected)
    assert [t.pos_ for t in got] == ["PRON", "PROPN", "VERB", "", "PROPN", "", "", "PROPN"]


@pytest.mark.skipif(not model_available(MODEL), reason=f"{MODEL} not installed")
def test_model_rules_agree_token_for_token_on_report_text() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(TESTS.glob("*/docs/*.txt"))[::5]]
    plain = spacy.load(MODEL, exclude=["lemmatizer", "ner"])
    indexed = spacy.load(MODEL, exclude=["lemmatizer", "ner"])
    index_attribute_rules(indexed)
    assert "attribute_ruler" not in indexed.pipe_names
    pairs = zip(plain.pipe(texts), indexed.pipe(texts), strict=True)
    differing = [(_token(a), _token(b)) for x, y in pairs for a, b in zip(x, y, strict=True)
                 if _token(a) != _token(b)]
    assert len(texts) > 50
    assert differing == []
