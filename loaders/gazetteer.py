"""The actor gazetteer: canonical actors, their aliases and validity dates, from a YAML file.

The bundled file ``loaders/data/actors.yaml`` covers the Syrian war; users add or override actors
with their own file (:meth:`Gazetteer.load` ``extra=``). Every alias is indexed under its
transliteration-insensitive key (:mod:`loaders.names`), so unseen spellings of a listed name
resolve without being listed.

Examples
--------
>>> gaz = Gazetteer.load()
>>> gaz.resolve("Jabha al-Shamiya").id == gaz.resolve("Jabhat Al-Shamiyah").id
True
>>> gaz.resolve("Levant Corps").id
'sham-legion'
>>> gaz.resolve("us") is None, gaz.resolve("US").id
(True, 'united-states')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from graph.errors import InputError
from graph.model import Actor, ActorKind
from loaders.names import OPTIONAL_KEYS, best_match, key_tokens

# Collective nouns outlets use for whole camps. They name no actor: "rebels" in one outlet are
# "terrorists" in another, so turning them into nodes would record framing as fact.
GENERIC_COLLECTIVES: frozenset[str] = frozenset(
    {
        "terrorist", "terrorists", "militant", "militants", "rebel", "rebels", "opposition",
        "jihadist", "jihadists", "insurgent", "insurgents", "fighter", "fighters", "gunman",
        "gunmen", "extremist", "extremists", "islamist", "islamists", "group", "groups",
        "faction", "factions", "force", "forces", "troops", "army", "armies", "militia",
        "militias", "mercenaries", "mercenary", "radicals", "moderate", "moderates", "armed",
        "jihadi", "jihadis", "separatists", "terror", "terrorism",
        "allies", "ally", "the", "syrian", "kurdish", "arab", "sunni", "shia", "shiite",
        "foreign", "local", "pro", "anti", "government", "regime", "state", "government-backed",
    }
)


class _EntryModel(BaseModel):
    """One actor as written in a gazetteer YAML file."""

    model_config = ConfigDict(extra="forbid")

    id: Annotated[str, Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")]
    name: Annotated[str, Field(min_length=1)]
    kind: ActorKind = ActorKind.OTHER
    aliases: list[str] = Field(default_factory=list)
    exact: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    adjectives: list[str] = Field(default_factory=list)
    descriptors: list[str] = Field(default_factory=list)
    valid_from: date | None = None
    valid_until: date | None = None


@dataclass(frozen=True)
class GazetteerEntry:
    """An actor plus the matching hints that do not belong on :class:`~graph.model.Actor`."""

    actor: Actor
    exact: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    descriptors: tuple[str, ...] = ()

    def valid_on(self, when: date | None) -> bool:
        if when is None:
            return True
        a = self.actor
        return (a.valid_from is None or a.valid_from <= when) and (
            a.valid_until is None or when <= a.valid_until
        )


@dataclass(frozen=True)
class AliasHit:
    """What one alias key stands for.

    ``surface`` is set when the alias must appear with exactly this spelling and case (short
    acronyms such as ``IS`` and ``US``); ``place`` when the alias also names a place.
    """

    actor_id: str
    surface: str | None = None
    place: bool = False


@dataclass
class TrieNode:
    children: dict[str, TrieNode] = field(default_factory=dict)
    hits: list[AliasHit] = field(default_factory=list)


_SHORT_KEY = 3  # keys this short are acronyms: they must be written in capitals


def _acronym_surface(alias: str) -> str | None:
    letters = "".join(ch for ch in alias if ch.isalnum())
    if len(letters) <= _SHORT_KEY:
        return letters.upper()
    return None


class Gazetteer:
    """Actors indexed by transliteration-insensitive alias keys.

    Build with :meth:`load`; query with :meth:`resolve` (a name) or walk :attr:`root` (token keys,
    used by the spaCy actor ruler).
    """

    def __init__(self, entries: Iterable[GazetteerEntry]) -> None:
        self.entries: dict[str, GazetteerEntry] = {}
        for entry in entries:
            self.entries[entry.actor.id] = entry
        self.root = TrieNode()
        self._by_key: dict[str, list[AliasHit]] = {}
        self.adjectives: dict[str, str] = {}
        # words reports use to describe an actor ("Shiite", "jihadist"): "the Shiite movement"
        self.descriptors: dict[str, set[str]] = {}
        self.max_words = 1
        for entry in self.entries.values():
            self._index(entry)

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path | None = None, *, extra: Path | None = None) -> Gazetteer:
        """The bundled gazetteer (or ``path``), with the actors of ``extra`` merged in.

        Actors in ``extra`` with an id already present replace its name, kind and dates and add
        their aliases; new ids are appended.

        Raises
        ------
        InputError
            When a file is missing, is not YAML, or an entry is malformed.
        """
        entries = _read_entries(path) if path is not None else _bundled_entries()
        merged: dict[str, _EntryModel] = {e.id: e for e in entries}
        if extra is not None:
            for entry in _read_entries(extra):
                merged[entry.id] = _merge(merged.get(entry.id), entry)
        return cls(_to_entry(e) for e in merged.values())

    def _index(self, entry: GazetteerEntry) -> None:
        a = entry.actor
        names: list[tuple[str, str | None, bool]] = [(a.name, None, a.name in entry.places)]
        special = set(entry.exact) | set(entry.places)
        names += [(alias, _acronym_surface(alias), False) for alias in a.aliases
                  if alias not in special]
        names += [(alias, alias, False) for alias in entry.exact]
        names += [(alias, _acronym_surface(alias), True) for alias in entry.places]
        for text, surface, place in names:
            words = tuple(w for w in key_tokens(text) if w not in OPTIONAL_KEYS)
            if not words:
                continue
            hit = AliasHit(a.id, surface, place)
            node = self.root
            for word in words:
                node = node.children.setdefault(word, TrieNode())
            if hit not in node.hits:
                node.hits.append(hit)
            self._by_key.setdefault(" ".join(words), [])
            if hit not in self._by_key[" ".join(words)]:
                self._by_key[" ".join(words)].append(hit)
            self.max_words = max(self.max_words, len(words))
        for adjective in entry.adjectives:
            for word in key_tokens(adjective):
                self.adjectives[word] = a.id
        for descriptor in entry.descriptors:
            self.descriptors.setdefault(descriptor.lower(), set()).add(a.id)

    # -- queries ------------------------------------------------------------------------------

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.entries

    def __iter__(self) -> Iterator[Actor]:
        return (e.actor for e in self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    def actor(self, actor_id: str) -> Actor:
        return self.entries[actor_id].actor

    def named_by_leader(self, actor_id: str) -> bool:
        """The actor's own name states who leads it ("US-led coalition")."""
        entry = self.entries.get(actor_id)
        if entry is None:
            return False
        return any("-led " in name.lower() for name in (entry.actor.name, *entry.actor.aliases))

    def kind(self, actor_id: str) -> ActorKind | None:
        entry = self.entries.get(actor_id)
        return entry.actor.kind if entry else None

    def adjective_actor(self, word: str) -> str | None:
        """The actor a nationality adjective names ("Russian" -> ``russia``), if any."""
        keys = key_tokens(word)
        return self.adjectives.get(keys[0]) if len(keys) == 1 else None

    def described_by(self, word: str) -> set[str] | None:
        """Actors a descriptive word fits ("Shiite" -> Hezbollah, the Iran-backed militias...),
        or ``None`` when no actor lists it."""
        return self.descriptors.get(word.lower())

    def choose(self, hits: Iterable[AliasHit], when: date | None) -> AliasHit | None:
        """Among hits of one alias, the one whose actor is valid on ``when`` (first listed wins)."""
        hits = list(hits)
        for hit in hits:
            if self.entries[hit.actor_id].valid_on(when):
                return hit
        return hits[0] if hits else None

    def resolve(
        self, name: str, *, when: date | None = None, fuzzy: bool = True
    ) -> Actor | None:
        """The actor a name refers to, or ``None``.

        Parameters
        ----------
        name
            A name as written in text, any transliteration.
        when
            The date the name was used; picks between actors that share a name.
        fuzzy
            Also accept a close (but not identical) key, under a conservative threshold.
        """
        hit = self.resolve_hit(name, when=when, fuzzy=fuzzy)
        return self.entries[hit.actor_id].actor if hit else None

    def resolve_hit(
        self, name: str, *, when: date | None = None, fuzzy: bool = True
    ) -> AliasHit | None:
        words = tuple(w for w in key_tokens(name) if w not in OPTIONAL_KEYS)
        key = " ".join(words)
        stripped = "".join(ch for ch in name if ch.isalnum())
        hits = [h for h in self._by_key.get(key, ()) if _surface_ok(h, stripped)]
        if not hits and fuzzy:
            match = best_match(key, self._by_key)
            if match is not None:
                hits = [h for h in self._by_key[match] if h.surface is None]
        return self.choose(hits, when)


def _surface_ok(hit: AliasHit, stripped_surface: str) -> bool:
    return hit.surface is None or stripped_surface == "".join(
        ch for ch in hit.surface if ch.isalnum()
    )


def surface_ok(hit: AliasHit, surface: str) -> bool:
    """Whether text written as ``surface`` may stand for ``hit`` (case rules of acronyms)."""
    return _surface_ok(hit, "".join(ch for ch in surface if ch.isalnum()))


def is_generic_collective(text: str) -> bool:
    """True when a phrase is only collective nouns and modifiers ("Syrian rebels", "the militants").

    >>> is_generic_collective("the moderate rebels"), is_generic_collective("Sultan Murad Brigade")
    (True, False)
    """
    words = [w.lower().strip(".,'’") for w in text.replace("-", " ").split()]
    return all(w in GENERIC_COLLECTIVES for w in words if w)


# -- file handling ----------------------------------------------------------------------------


def _bundled_entries() -> list[_EntryModel]:
    return list(_bundled_entries_cached())


@lru_cache(maxsize=1)
def _bundled_entries_cached() -> tuple[_EntryModel, ...]:
    text = resources.files("loaders").joinpath("data/actors.yaml").read_text(encoding="utf-8")
    return tuple(_parse_entries(text, "loaders/data/actors.yaml"))


def _read_entries(path: Path) -> list[_EntryModel]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise InputError(f"gazetteer file not found: {path}") from e
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read gazetteer file {path}: {e}") from e
    return _parse_entries(text, str(path))


def _parse_entries(text: str, origin: str) -> list[_EntryModel]:
    try:
        raw: Any = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise InputError(f"gazetteer {origin} is not valid YAML: {e}") from e
    if raw is None:
        return []
    if isinstance(raw, dict) and "actors" in raw:
        raw = raw["actors"]
    if not isinstance(raw, list):
        raise InputError(
            f"gazetteer {origin} must be a list of actors",
            hint="each item needs at least `id` and `name`; see loaders/data/actors.yaml",
        )
    out: list[_EntryModel] = []
    for i, item in enumerate(raw):
        try:
            out.append(_EntryModel.model_validate(item))
        except ValidationError as e:
            first = e.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InputError(
                f"gazetteer {origin}: actor #{i + 1} is invalid ({where}: {first['msg']})"
            ) from e
    return out


def _merge(base: _EntryModel | None, extra: _EntryModel) -> _EntryModel:
    if base is None:
        return extra
    fields = extra.model_dump(exclude_unset=True)
    for name in ("aliases", "exact", "places", "adjectives", "descriptors"):
        fields[name] = list(dict.fromkeys([*getattr(base, name), *getattr(extra, name)]))
    return base.model_copy(update=fields)


def _to_entry(model: _EntryModel) -> GazetteerEntry:
    actor = Actor(
        id=model.id,
        name=model.name,
        aliases=tuple(dict.fromkeys(model.aliases + model.exact + model.places)),
        kind=model.kind,
        curated=True,
        valid_from=model.valid_from,
        valid_until=model.valid_until,
    )
    return GazetteerEntry(
        actor=actor,
        exact=tuple(model.exact),
        places=tuple(model.places),
        adjectives=tuple(model.adjectives),
        descriptors=tuple(model.descriptors),
    )


@lru_cache(maxsize=8)
def load_cached(path: str = "", extra: str = "") -> Gazetteer:
    """A process-wide gazetteer per file pair, so each spaCy component does not re-read YAML."""
    return Gazetteer.load(Path(path) if path else None, extra=Path(extra) if extra else None)
