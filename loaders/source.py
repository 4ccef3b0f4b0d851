"""The hand-off between readers and extraction: one document's metadata and its text.

Readers (:mod:`loaders.readers`) turn files into :class:`SourceText`; the extractor
(:mod:`loaders.extract`) turns each :class:`SourceText` into an :class:`~graph.model.Extraction`.
Evidence offsets are offsets into :attr:`SourceText.text`, so readers must hand over exactly the
text they hashed into ``document.id``.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.model import Document


@dataclass(frozen=True)
class SourceText:
    """A document to extract from.

    Parameters
    ----------
    document
        Metadata; ``document.id`` is :func:`graph.model.document_id` of ``text``.
    text
        The document's main text. Evidence ``start``/``end`` offsets index into it.
    """

    document: Document
    text: str
