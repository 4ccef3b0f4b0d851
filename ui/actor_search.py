"""Spelling-tolerant actor matching, a fallback for when the store's alias search finds nothing.

The store's search folds case, accents and punctuation but needs the query as a contiguous piece
of a name. Transliterations of Arabic names differ in more ways ("jabha" / "jabhat",
"shamiya" / "shamiyya", a dropped "al-"), so here every query word only has to be a prefix of,
or close to, some word of the name or an alias.

>>> from graph.model import Actor
>>> levant = Actor(id="jabhat-al-shamiya", name="Jabhat al-Shamiya",
...                aliases=("al-Jabha al-Shāmiyya", "Levant Front"))
>>> [a.id for a in fuzzy_actor_matches([levant], "jabha shamiya")]
['jabhat-al-shamiya']
>>> fuzzy_actor_matches([levant], "jaish"), fuzzy_actor_matches([levant], "shamiyah")[0].id
([], 'jabhat-al-shamiya')
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from graph.aggregate import actor_search_keys, search_key
from graph.model import Actor

# Words this short are articles/particles ("al", "el", "of"); they never decide a match.
_MIN_WORD = 3
_MIN_SIMILARITY = 80.0


def _word_score(query_word: str, words: list[str]) -> float:
    best = 0.0
    for word in words:
        if word.startswith(query_word):
            return 100.0
        best = max(best, fuzz.ratio(query_word, word))
    return best


def key_score(query: str, key: str) -> float:
    """Mean best similarity (0-100) of the query's words to the key's words; 0 when any misses."""
    words = [w for w in key.split() if len(w) >= _MIN_WORD] or key.split()
    wanted = [w for w in query.split() if len(w) >= _MIN_WORD] or query.split()
    if not wanted or not words:
        return 0.0
    scores = [_word_score(w, words) for w in wanted]
    return 0.0 if min(scores) < _MIN_SIMILARITY else sum(scores) / len(scores)


def fuzzy_actor_matches(actors: Iterable[Actor], text: str, *, limit: int = 20) -> list[Actor]:
    """Actors any of whose name/alias keys match every word of ``text`` closely, best first."""
    query = search_key(text)
    if not query:
        return []
    scored = []
    for actor in actors:
        score = max((key_score(query, key) for key in actor_search_keys(actor)), default=0.0)
        if score > 0:
            scored.append((-score, actor.name.casefold(), actor))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [actor for _, _, actor in scored[:limit]]
