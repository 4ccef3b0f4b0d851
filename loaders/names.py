"""Transliteration-aware name keys and conservative fuzzy matching of actor names.

Arabic names reach English news in many spellings: ``Jabhat al-Shamiya``, ``Jabha
Al-Shamiyah``, ``al-Jabha al-Shamiyya``. :func:`name_key` folds such variants onto one key
(articles dropped, vowels and doubled letters folded, common transliteration pairs unified), so
exact key lookup already resolves most unseen spellings. :func:`best_match` then compares keys with
rapidfuzz under a high threshold and extra guards (digits must agree, short keys never fuzzy), so
look-alikes that are different actors (``Levant Front`` / ``Levant Corps``, ``Jaish al-Islam`` /
``Jaish al-Izza``) stay apart.

Examples
--------
>>> name_key("Jabha al-Shamiya") == name_key("Jabhat Al-Shamiyah") == name_key("al-Jabha Shamiyya")
True
>>> name_key("Jaysh Al-Mujahiddeen") == name_key("Jaish al-Mujahidin")
True
>>> name_key("Levant Front") == name_key("Levant Corps")
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from rapidfuzz import fuzz, process
from unidecode import unidecode

# Arabic definite articles as they appear in English text, plus the English one.
ARTICLES: frozenset[str] = frozenset(
    {"al", "el", "a", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "the", "l"}
)

# Words that some outlets put in front of or after a group's name and others leave out.
OPTIONAL_WORDS: frozenset[str] = frozenset({"haraka", "movement", "harakat"})

_POSSESSIVE = re.compile(r"['’ʼ`]s\b")
_DROP = re.compile(r"['’ʼʿʾ`´.]")
_SPLIT = re.compile(r"[^a-z0-9]+")
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def key_tokens(text: str) -> tuple[str, ...]:
    """The folded word keys of a name, articles removed.

    Works on a whole name or on one spaCy token's text (a token may yield zero or one key), so
    names from the gazetteer and token sequences from documents fold the same way.

    >>> key_tokens("the Free Syrian Army")
    ('fri', 'sirian', 'armi')
    >>> key_tokens("al-")
    ()
    """
    ascii_text = unidecode(text)
    ascii_text = _POSSESSIVE.sub("", ascii_text)
    ascii_text = _DROP.sub("", ascii_text).lower()
    out: list[str] = []
    for word in _SPLIT.split(ascii_text):
        if not word or word in ARTICLES:
            continue
        out.append(fold_word(word))
    return tuple(out)


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """Fold one lower-case ASCII word to its transliteration-insensitive form.

    The folds are the ones that distinguish spellings, not meanings, in romanised Arabic:
    e/i, o/u and y/i vowels, doubled consonants (shadda), a final ``h`` after ``a`` (ta marbuta),
    ``-at`` construct endings (Jabhat/Jabha), French ``ch`` for ``sh``, and the ``-een``/``-in``
    plural (and the French ``-ine``).

    >>> fold_word("mujahiddeen") == fold_word("mujahidin")
    True
    >>> fold_word("jabhat") == fold_word("jabha")
    True
    """
    if word.isdigit():
        return word
    w = word.replace("ch", "sh").replace("ou", "u")
    if len(w) >= 5 and w.endswith("et") and w[-3] not in "aeiou":  # Jabhet = Jabhat
        w = w[:-2] + "at"
    if len(w) >= 4 and w.endswith("ine"):  # French "-ine" (Moujahidine, Dine)
        w = w[:-1]
    w = w.replace("e", "i").replace("o", "u").replace("y", "i")
    w = _DOUBLE.sub(r"\1", w)
    if len(w) >= 4 and w.endswith("ah"):
        w = w[:-1]
    if len(w) >= 5 and w.endswith("at"):
        w = w[:-1]
    return w


# The optional words in folded form, as :func:`key_tokens` yields them.
OPTIONAL_KEYS: frozenset[str] = frozenset(fold_word(w) for w in OPTIONAL_WORDS)


def name_key(text: str) -> str:
    """One string key for a name: folded words joined by spaces, optional words removed.

    >>> name_key("Harakat Ahrar al-Sham") == name_key("Ahrar al-Sham Movement")
    True
    """
    words = [w for w in key_tokens(text) if w not in OPTIONAL_KEYS]
    if not words:
        words = list(key_tokens(text))
    return " ".join(words)


_DIGITS = re.compile(r"\d+")

# Below this key length an edit or two changes the name entirely ("ypg"/"ypj"), so no fuzz.
MIN_FUZZY_LENGTH = 8
DEFAULT_THRESHOLD = 92.0


def best_match(
    key: str,
    choices: Mapping[str, str] | Iterable[str],
    *,
    threshold: float = DEFAULT_THRESHOLD,
) -> str | None:
    """The choice whose key is closest to ``key``, if it is close enough to be the same name.

    Parameters
    ----------
    key
        A :func:`name_key`.
    choices
        Candidate keys (an iterable, or a mapping whose keys are candidate keys).
    threshold
        Minimum rapidfuzz ``ratio`` (0-100). Conservative by default.

    Returns
    -------
    str or None
        The matching candidate key, or ``None`` when nothing is close enough.

    >>> best_match(name_key("Nur al-Din al-Zinki"), [name_key("Nour al-Din al-Zenki")]) is not None
    True
    >>> best_match(name_key("Jaish al-Izza"), [name_key("Jaish al-Islam")]) is None
    True
    """
    if len(key) < MIN_FUZZY_LENGTH:
        return None
    candidates = list(choices.keys()) if isinstance(choices, Mapping) else list(choices)
    if not candidates:
        return None
    digits = _DIGITS.findall(key)
    found = process.extract(key, candidates, scorer=fuzz.ratio, score_cutoff=threshold, limit=5)
    for candidate, _score, _index in found:
        if len(candidate) < MIN_FUZZY_LENGTH or _DIGITS.findall(candidate) != digits:
            continue
        if not _same_word_count(key, candidate):
            continue
        return str(candidate)
    return None


def _same_word_count(a: str, b: str) -> bool:
    # A missing or extra word is a different name ("Jaish al-Sham" vs "Jaish al-Sham al-Hurr").
    return a.count(" ") == b.count(" ")
