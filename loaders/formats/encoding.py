"""Turn bytes of unknown encoding into text, or say why they are not text.

Order of trust: a byte-order mark, then strict UTF-8, then charset-normalizer's guess among
legacy code pages. English news in a legacy encoding is nearly always Windows-1252 (a superset of
Latin-1 for printable text), but charset-normalizer often ranks Central-European cp1250 first for
short Latin text because both decode the same bytes without "chaos"; so among equally clean
guesses cp1252 wins. Files with NUL bytes and no UTF-16/32 mark, or with many control
characters after decoding, are binary.
"""

from __future__ import annotations

import codecs
import io
import re
from typing import BinaryIO

import charset_normalizer

from loaders.formats import Skip, SkipReason

# Longest marks first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15")
# Unicode control characters (category Cc) other than tab, newlines, vertical tab, form feed.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Share of control characters above which decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.01
SNIFF_BYTES = 64 * 1024
# Below this charset-normalizer has not recognised any language in the decoded text.
_MIN_COHERENCE = 0.2


def bom_encoding(head: bytes) -> str | None:
    """The codec a byte-order mark at the start of ``head`` names, if any."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    return None


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:SNIFF_BYTES]
    controls = len(_CONTROL.findall(sample))
    return controls > max(2, len(sample) * _MAX_CONTROL_SHARE)


def _legacy_encoding(data: bytes, *, wide: bool = False) -> str | None:
    """charset-normalizer's guess, with cp1252 as the default for text of no clear language.

    ``wide`` asks for UTF-16/32 (the data has NUL bytes); without NUL bytes those guesses are
    never right for prose, though charset-normalizer offers them for short inputs. For short
    Latin text it offers dozens of code pages as equally clean, so unless one of them reads as
    a recognisable language (Arabic in cp1256, Russian in cp1251), cp1252 is taken.
    """
    sample = data[: 4 * SNIFF_BYTES]
    matches = [
        match
        for match in charset_normalizer.from_bytes(sample)
        if match.encoding.startswith(("utf_16", "utf_32")) == wide
    ]
    if matches:
        least_chaos = min(match.chaos for match in matches)
        clean = [match for match in matches if match.chaos == least_chaos]
        best_coherence = max(match.coherence for match in clean)
        if wide or best_coherence >= _MIN_COHERENCE:
            best = [m.encoding for m in clean if m.coherence == best_coherence]
            return next((name for name in _PREFERRED_LEGACY if name in best), best[0])
    if wide:
        return None
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        # Five bytes are undefined in cp1252; Latin-1 decodes every byte.
        return "latin_1" if matches else None
    return "cp1252"


def detect_encoding(head: bytes) -> str | Skip:
    """The codec to read a stream with, judged from its first bytes.

    ``head`` may end inside a multi-byte character; that is not held against UTF-8.
    """
    if not head:
        return Skip(SkipReason.EMPTY, "file is empty")
    bom = bom_encoding(head)
    if bom is not None:
        return bom
    if b"\x00" in head:
        guess = _legacy_encoding(head, wide=True)
        if guess is not None:
            return guess
        return Skip(SkipReason.BINARY, "binary data (NUL bytes), not text")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        guess = _legacy_encoding(head)
        if guess is None:
            return Skip(SkipReason.BINARY, "not text in any known encoding")
        return guess
    return "utf-8"


def decode_bytes(data: bytes) -> tuple[str, str] | Skip:
    """Decode a whole file: ``(text, encoding)`` or a :class:`Skip` saying why not.

    >>> decode_bytes("café".encode("utf-16"))
    ('café', 'utf-16')
    >>> decode_bytes("café".encode("cp1252"))
    ('café', 'cp1252')
    >>> decode_bytes(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00").reason.value
    'binary'
    """
    encoding = detect_encoding(data[:SNIFF_BYTES])
    if isinstance(encoding, Skip):
        return encoding
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        # The head looked like UTF-8 but a later part does not: judge the whole file instead.
        guess = _legacy_encoding(data)
        if guess is None:
            return Skip(SkipReason.BINARY, "not text in any known encoding")
        encoding = guess
        text = data.decode(encoding, errors="replace")
    if _looks_binary(text):
        return Skip(SkipReason.BINARY, f"binary data, not text (decoded as {encoding})")
    return text, encoding


def open_text_stream(raw: BinaryIO) -> io.TextIOWrapper | Skip:
    """Wrap an open binary file for line-by-line reading in its detected encoding.

    Used by the line-based formats, which never hold a whole file in memory. Characters that
    do not decode become U+FFFD so that one bad byte late in a large file does not cost the
    records before and after it.
    """
    head = raw.read(SNIFF_BYTES)
    encoding = detect_encoding(head)
    if isinstance(encoding, Skip):
        return encoding
    try:
        sample = head.decode(encoding, errors="replace")
    except LookupError:  # pragma: no cover - charset-normalizer only names known codecs
        return Skip(SkipReason.BINARY, f"unknown encoding {encoding}")
    if _looks_binary(sample):
        return Skip(SkipReason.BINARY, f"binary data, not text (decoded as {encoding})")
    raw.seek(0)
    return io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
