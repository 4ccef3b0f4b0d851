"""Per-format readers used by :mod:`loaders.readers`.

Each format turns one file into :class:`RawDocument` items (text plus whatever metadata the file
carries) or :class:`Skip` notes; :mod:`loaders.readers` owns paths, limits, overrides, content
hashes and duplicate detection, so the formats stay small and independent.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SkipReason(StrEnum):
    """Why a file, a line or a record was not read. See ``docs/ingest.md``."""

    MISSING = "missing"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    BINARY = "binary"
    TOO_LARGE = "too_large"
    UNSUPPORTED = "unsupported"
    MALFORMED = "malformed"
    MISSING_FIELD = "missing_field"
    NO_TEXT = "no_text"
    EXTRACTION_FAILED = "extraction_failed"
    LOAD_FAILED = "load_failed"
    DUPLICATE = "duplicate"
    IGNORED = "ignored"

    @property
    def is_failure(self) -> bool:
        """True when something the user asked for was lost (drives exit code 1).

        A duplicate is already read under another path and an ignored file (a README, an
        image inside a folder) was never meant as an article, so neither counts.
        """
        return self not in (SkipReason.DUPLICATE, SkipReason.IGNORED)


@dataclass(frozen=True)
class Skip:
    """A format's note that part of a file could not be read (``line`` is 1-based)."""

    reason: SkipReason
    message: str
    line: int | None = None


@dataclass(frozen=True)
class RawDocument:
    """One document as a format found it, before hashing and metadata overrides.

    ``date`` stays a string here; :mod:`loaders.readers` parses it once for every format.
    ``line`` is set for line-based formats (JSON Lines, CSV) so a document can be traced back.
    """

    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    date: str = ""
    line: int | None = None
