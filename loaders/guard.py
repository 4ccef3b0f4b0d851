"""One document that breaks a rule must not stop the batch it came in.

Extraction runs hundreds of hand-written rules over text nobody has seen. When one of them
raises on a document, that document is reported as skipped (``extraction_failed``, with the
error) and every other document of the batch is extracted and stored as usual. The pipeline
components mark the failure on the ``Doc``; later components leave a marked ``Doc`` alone and
:meth:`loaders.extract.Extractor.to_extraction` turns it into an empty, failed extraction.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc

FAILURE_KEY = "allegiance_failure"

_Component = TypeVar("_Component")


def failure_message(where: str, error: BaseException) -> str:
    """The one line a user sees: which step failed and with what."""
    detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
    name = type(error).__name__
    return f"extraction failed in {where}: {name}: {detail}" if detail else \
        f"extraction failed in {where}: {name}"


def guarded(call: Callable[[_Component, Doc], Doc]) -> Callable[[_Component, Doc], Doc]:
    """Wrap a component's ``__call__``: an exception marks the ``Doc`` as failed instead of
    ending ``nlp.pipe``; a ``Doc`` already marked passes through untouched."""

    @functools.wraps(call)
    def run(self: _Component, doc: Doc) -> Doc:
        if FAILURE_KEY in doc.user_data:
            return doc
        try:
            return call(self, doc)
        except Exception as error:
            doc.user_data[FAILURE_KEY] = failure_message(type(self).__name__, error)
            return doc

    return run


def failure_of(doc: Doc) -> str | None:
    """The failure message a component left on ``doc``, if any."""
    message = doc.user_data.get(FAILURE_KEY)
    return str(message) if message is not None else None
