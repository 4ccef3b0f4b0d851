"""App state: the one store per process, cached reads, and filters mirrored in the URL.

- :func:`get_store` opens the configured store once per process (``st.cache_resource``), keyed
  by where it points, so tests that switch stores get a new one.
- Reads go through ``st.cache_data`` functions that take the store as ``_store`` (not hashed) and
  a ``store_key`` string that is; :func:`invalidate_reads` clears them after an ingest.
- :func:`filters_from_params` / :func:`filters_to_params` map a :class:`GraphFilter` and the
  display options onto ``st.query_params`` so a view can be bookmarked.

Pages call these; they never talk to the store directly for anything that can be cached.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import streamlit as st

from graph.model import (
    Actor,
    ActorPath,
    AggregatedRelation,
    Claim,
    Document,
    GraphFilter,
    Polarity,
    QueryResult,
    RelationType,
    StoreCounts,
    Subgraph,
)
from graph.store import GraphStore
from graph.visual import Positions, layout, positive_communities
from ui.actor_search import fuzzy_actor_matches
from ui.settings import Settings
from ui.stores import open_store

READ_TTL_S = 60
DEFAULT_NODE_CAP = 400
LAYOUT_SEED = 7

ColorBy = Literal["kind", "bloc"]
SizeBy = Literal["degree", "sources"]


# -- the store ---------------------------------------------------------------------------------


def settings() -> Settings:
    """Settings as the environment has them now (tests change the environment between apps)."""
    return Settings()


def store_key(config: Settings | None = None) -> str:
    """Where the configured store points: part of every cache key."""
    config = config or settings()
    if config.store_kind == "neo4j":
        return f"neo4j:{config.neo4j_uri}/{config.neo4j_database}"
    return f"embedded:{os.path.abspath(config.embedded_file)}"


@st.cache_resource(show_spinner=False)
def _open(key: str) -> GraphStore:
    del key  # only distinguishes cache entries
    return open_store(settings())


def get_store() -> GraphStore:
    """The configured store, opened once per process and shared by every session."""
    return _open(store_key())


# -- cached reads ------------------------------------------------------------------------------


@st.cache_data(ttl=READ_TTL_S, show_spinner=False)
def counts(_store: GraphStore, key: str) -> StoreCounts:
    return _store.counts()


@st.cache_data(ttl=READ_TTL_S, show_spinner=False, max_entries=64)
def subgraph(_store: GraphStore, key: str, filters_json: str) -> Subgraph:
    """The filtered subgraph, cached on the filter: display options never re-query the store."""
    return _store.subgraph(GraphFilter.model_validate_json(filters_json))


@st.cache_data(ttl=READ_TTL_S, show_spinner=False, max_entries=64)
def positions(_store: GraphStore, key: str, filters_json: str) -> Positions:
    """Server-side layout of :func:`subgraph`, so the browser draws without physics."""
    return layout(subgraph(_store, key, filters_json), seed=LAYOUT_SEED)


@st.cache_data(ttl=READ_TTL_S, show_spinner=False, max_entries=64)
def blocs(_store: GraphStore, key: str, filters_json: str) -> dict[str, int]:
    """Bloc number of each actor in the view (actors alone in their bloc get none).

    Blocs are :func:`graph.blocs.signed_partition` of the view's signed projection (least
    frustration, so enemies land apart); without that module, Louvain communities of the ally
    edges (:func:`graph.visual.positive_communities`).
    """
    sub = subgraph(_store, key, filters_json)
    try:
        from graph.blocs import signed_partition
        from graph.convert import to_networkx
        from graph.signed import signed_projection
    except ImportError:
        return positive_communities(sub, seed=LAYOUT_SEED)
    partition = signed_partition(signed_projection(to_networkx(sub)), seed=LAYOUT_SEED)
    return {member: index for index, bloc in enumerate(partition.blocs) if bloc.size > 1
            for member in bloc.members}


@st.cache_data(ttl=READ_TTL_S, show_spinner=False)
def all_actors(_store: GraphStore, key: str) -> list[Actor]:
    """Every actor on some relation, by name (for pickers)."""
    sub = _store.subgraph(GraphFilter())
    return sorted(sub.actors, key=lambda a: a.name.casefold())


@st.cache_data(ttl=READ_TTL_S, show_spinner=False)
def date_bounds(_store: GraphStore, key: str) -> tuple[date, date] | None:
    """Earliest and latest claim date over all relations, or ``None`` when nothing is dated."""
    relations: list[AggregatedRelation] = _store.relations(GraphFilter())
    days = [d for r in relations for d in (r.first_seen, r.last_seen) if d is not None]
    return (min(days), max(days)) if days else None


@st.cache_data(ttl=READ_TTL_S, show_spinner=False, max_entries=256)
def actor(_store: GraphStore, key: str, actor_id: str) -> Actor | None:
    return _store.actor(actor_id)


@st.cache_data(ttl=READ_TTL_S, show_spinner=False, max_entries=256)
def evidence(_store: GraphStore, key: str, source: str, target: str,
             type_: RelationType | None = None) -> list[Claim]:
    return _store.evidence(source, target, type=type_)


@st.cache_data(ttl=READ_TTL_S, show_spinner=False, max_entries=256)
def documents(_store: GraphStore, key: str, ids: tuple[str, ...]) -> dict[str, Document]:
    return {d.id: d for d in _store.documents(ids)}


@st.cache_data(ttl=READ_TTL_S, show_spinner=False, max_entries=256)
def neighbourhood(_store: GraphStore, key: str, actor_id: str, hops: int = 1) -> Subgraph:
    return _store.neighbourhood(actor_id, hops=hops)


@st.cache_data(ttl=READ_TTL_S, show_spinner=False, max_entries=256)
def search_actors(_store: GraphStore, key: str, text: str, limit: int = 20) -> list[Actor]:
    """The store's alias search, topped up with spelling-tolerant matches when it finds few."""
    found = _store.search_actors(text, limit=limit)
    if len(found) < limit:
        seen = {a.id for a in found}
        extra = fuzzy_actor_matches(all_actors(_store, key), text, limit=limit)
        found += [a for a in extra if a.id not in seen][: limit - len(found)]
    return found


@st.cache_data(ttl=READ_TTL_S, show_spinner=False, max_entries=128)
def shortest_paths(_store: GraphStore, key: str, source: str, target: str, max_hops: int,
                   filters_json: str) -> list[ActorPath]:
    return _store.shortest_paths(source, target, max_hops=max_hops,
                                 filters=GraphFilter.model_validate_json(filters_json))


def run_query(store: GraphStore, cypher: str, params: Mapping[str, object]) -> QueryResult:
    """A read-only console query with the configured timeout and row cap (never cached)."""
    config = settings()
    return store.query(cypher, params, write=False, timeout_s=config.query_timeout_s,
                       row_cap=config.row_cap)


_CACHED = (counts, subgraph, positions, blocs, all_actors, date_bounds, actor, evidence,
           documents, neighbourhood, search_actors, shortest_paths)


def invalidate_reads() -> None:
    """Forget every cached read, e.g. after an ingest changed the store."""
    for cached in _CACHED:
        cached.clear()


# -- filters <-> URL -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Display:
    """Display-only options: changing them redraws without re-querying the store."""

    color_by: ColorBy = "kind"
    size_by: SizeBy = "degree"
    labels: bool = True


DEFAULT_FILTER = GraphFilter(node_cap=DEFAULT_NODE_CAP)
DEFAULT_DISPLAY = Display()


def _first(params: Mapping[str, Any], name: str) -> str | None:
    value = params.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    return None if value in (None, "") else str(value)


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _number(text: str | None, cast: type, default: Any, low: float, high: float) -> Any:
    try:
        value = cast(text) if text is not None else default
    except ValueError:
        return default
    return value if value is None or low <= value <= high else default


def filters_from_params(params: Mapping[str, Any]) -> tuple[GraphFilter, Display]:
    """The view a URL's query parameters describe; unknown or bad values fall back to defaults.

    >>> f, d = filters_from_params({"types": "hostility,truce", "cap": "50", "color": "bloc",
    ...                             "hedged": "0", "since": "2016-02-01", "conf": "oops"})
    >>> sorted(t.value for t in f.types), f.node_cap, f.include_hedged, f.since, f.min_confidence
    (['hostility', 'truce'], 50, False, datetime.date(2016, 2, 1), 0.0)
    >>> d.color_by
    'bloc'
    """
    types_text = _first(params, "types")
    types = None
    if types_text:
        chosen = {t for t in RelationType if t.value in types_text.split(",")}
        types = frozenset(chosen) or None
    polarity_text = _first(params, "polarity")
    polarity = Polarity(polarity_text) if polarity_text in ("ally", "hostile") else None
    since, until = _day(_first(params, "since")), _day(_first(params, "until"))
    if since and until and since > until:
        since, until = None, None
    focus_text = _first(params, "focus")
    cap_text = _first(params, "cap")
    node_cap = (None if cap_text == "none"
                else _number(cap_text, int, DEFAULT_NODE_CAP, 1, 1_000_000))
    color = _first(params, "color")
    size = _first(params, "size")
    filters = GraphFilter(
        types=types,
        polarity=polarity,
        since=since,
        until=until,
        min_confidence=_number(_first(params, "conf"), float, 0.0, 0.0, 1.0),
        min_sources=_number(_first(params, "sources"), int, 1, 1, 10_000),
        include_hedged=_first(params, "hedged") != "0",
        include_discovered=_first(params, "discovered") != "0",
        focus=tuple(a for a in (focus_text or "").split(",") if a),
        hops=_number(_first(params, "hops"), int, 1, 0, 6),
        node_cap=node_cap,
    )
    display = Display(
        color_by="bloc" if color == "bloc" else "kind",
        size_by="sources" if size == "sources" else "degree",
        labels=_first(params, "labels") != "0",
    )
    return filters, display


def filters_to_params(filters: GraphFilter, display: Display = DEFAULT_DISPLAY
                      ) -> dict[str, str]:
    """Query parameters for a view; defaults are left out so URLs stay short.

    >>> filters_to_params(GraphFilter(polarity="hostile", node_cap=400, focus=("isis",)))
    {'polarity': 'hostile', 'focus': 'isis'}
    """
    out: dict[str, str] = {}
    if filters.types is not None:
        out["types"] = ",".join(sorted(t.value for t in filters.types))
    if filters.polarity is not None:
        out["polarity"] = filters.polarity.value
    if filters.since:
        out["since"] = filters.since.isoformat()
    if filters.until:
        out["until"] = filters.until.isoformat()
    if filters.min_confidence > 0:
        out["conf"] = f"{filters.min_confidence:g}"
    if filters.min_sources > 1:
        out["sources"] = str(filters.min_sources)
    if not filters.include_hedged:
        out["hedged"] = "0"
    if not filters.include_discovered:
        out["discovered"] = "0"
    if filters.focus:
        out["focus"] = ",".join(filters.focus)
        if filters.hops != 1:
            out["hops"] = str(filters.hops)
    if filters.node_cap != DEFAULT_NODE_CAP:
        out["cap"] = "none" if filters.node_cap is None else str(filters.node_cap)
    if display.color_by != DEFAULT_DISPLAY.color_by:
        out["color"] = display.color_by
    if display.size_by != DEFAULT_DISPLAY.size_by:
        out["size"] = display.size_by
    if not display.labels:
        out["labels"] = "0"
    return out


def filters_json(filters: GraphFilter) -> str:
    """Canonical JSON of a filter: the cache key of a view."""
    return filters.model_dump_json()


# -- selection -------------------------------------------------------------------------------

SELECTION_KEY = "allegiance_selection"


def select(kind: Literal["node", "edge"], item_id: str) -> None:
    """Remember what the user clicked (a node's actor id or an edge id) across reruns."""
    st.session_state[SELECTION_KEY] = {"kind": kind, "id": item_id}


def selection() -> dict[str, str] | None:
    value = st.session_state.get(SELECTION_KEY)
    return value if isinstance(value, dict) else None


def clear_selection() -> None:
    st.session_state.pop(SELECTION_KEY, None)
