"""The sidebar's view controls: filters (re-query the store) and display options (do not).

Widget values are seeded from the last view of this session, or from the URL on a fresh load,
and the resulting view is written back to ``st.query_params`` so the address bar always holds a
bookmarkable link to what is on screen.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from graph.model import GraphFilter, Polarity, RelationType
from graph.store import GraphStore
from graph.visual import relation_label
from ui import state

VIEW_KEY = "allegiance_view"
_POLARITY_CHOICES = ("both", "ally", "hostile")


def current_view() -> tuple[GraphFilter, state.Display]:
    """The view this session last showed, else the one in the URL."""
    view = st.session_state.get(VIEW_KEY)
    if view is None:
        view = state.filters_from_params(st.query_params.to_dict())
        st.session_state[VIEW_KEY] = view
    return view


def set_view(filters: GraphFilter, display: state.Display | None = None) -> None:
    """Replace the session's view (e.g. "show this actor's neighbourhood" from search).

    Widget values are dropped so the next network page run seeds them from the new view.
    """
    st.session_state[VIEW_KEY] = (filters, display or current_view()[1])
    for name in list(st.session_state.keys()):
        if str(name).startswith("flt_"):
            del st.session_state[name]


def _seed(filters: GraphFilter, display: state.Display, bounds: tuple[date, date] | None,
          actor_ids: set[str]) -> dict[str, Any]:
    since = filters.since or (bounds[0] if bounds else None)
    until = filters.until or (bounds[1] if bounds else None)
    if bounds and since and until:
        since = min(max(since, bounds[0]), bounds[1])
        until = max(min(until, bounds[1]), since)
    return {
        "flt_types": sorted(t.value for t in (filters.types or frozenset(RelationType))),
        "flt_polarity": filters.polarity.value if filters.polarity else "both",
        "flt_dates": (since, until),
        "flt_conf": float(filters.min_confidence),
        "flt_sources": int(filters.min_sources),
        "flt_hedged": filters.include_hedged,
        "flt_discovered": filters.include_discovered,
        "flt_focus": [a for a in filters.focus if a in actor_ids],
        "flt_hops": int(filters.hops),
        "flt_cap": int(filters.node_cap or 0),
        "flt_color": display.color_by,
        "flt_size": display.size_by,
        "flt_labels": display.labels,
    }


def _date_range(sb: Any, bounds: tuple[date, date]) -> tuple[date, date]:
    """Range slider over claim dates; its value is seeded in session state."""
    low, high = sb.slider("Claim dates", min_value=bounds[0], max_value=bounds[1],
                          key="flt_dates", format="YYYY-MM-DD")
    return low, high


def view_controls(store: GraphStore, key: str) -> tuple[GraphFilter, state.Display]:
    """Render the sidebar controls; return the chosen filter and display options."""
    filters0, display0 = current_view()
    bounds = state.date_bounds(store, key)
    actors = state.all_actors(store, key)
    names = {a.id: a.name for a in actors}
    for name, value in _seed(filters0, display0, bounds, set(names)).items():
        st.session_state.setdefault(name, value)

    sb = st.sidebar
    sb.header("Filters")
    all_types = [t.value for t in RelationType]
    chosen_types = sb.pills(
        "Relation types", all_types, key="flt_types", selection_mode="multi",
        format_func=lambda v: f"{relation_label(RelationType(v))} "
                              f"{'+' if RelationType(v).polarity is Polarity.ALLY else '−'}")
    polarity = sb.radio("Polarity", _POLARITY_CHOICES, key="flt_polarity", horizontal=True)
    since = until = None
    if bounds and bounds[0] < bounds[1]:
        picked = _date_range(sb, bounds)
        since = picked[0] if picked[0] > bounds[0] else None
        until = picked[1] if picked[1] < bounds[1] else None
    min_conf = sb.slider("Minimum confidence", 0.0, 1.0, step=0.05, key="flt_conf")
    min_sources = sb.number_input("Minimum distinct sources (outlets)", min_value=1,
                                  max_value=1000, step=1, key="flt_sources")
    hedged = sb.checkbox("Include hedged claims", key="flt_hedged",
                         help="'reportedly', 'according to', 'allegedly' …")
    discovered = sb.checkbox("Include discovered actors", key="flt_discovered",
                             help="Actors found by extraction but not in the curated list.")
    focus = sb.multiselect("Focus actors", list(names), key="flt_focus",
                           format_func=lambda a: names.get(a, a),
                           placeholder="whole graph")
    hops = sb.slider("Hops around focus", 0, 6, key="flt_hops", disabled=not focus)
    cap = sb.number_input("Node cap (0 = none)", min_value=0, max_value=100_000, step=50,
                          key="flt_cap", help="Keep the best-connected actors only.")

    sb.header("Display")
    color_by = sb.radio("Colour nodes by", ("kind", "bloc"), key="flt_color", horizontal=True)
    size_by = sb.radio("Size nodes by", ("degree", "sources"), key="flt_size", horizontal=True,
                       format_func=lambda v: "degree" if v == "degree" else "distinct sources")
    labels = sb.toggle("Show labels", key="flt_labels")

    types = (None if set(chosen_types) == set(all_types)
             else frozenset(RelationType(t) for t in chosen_types))
    filters = GraphFilter(
        types=types,
        polarity=None if polarity == "both" else Polarity(polarity),
        since=since,
        until=until,
        min_confidence=round(float(min_conf), 2),
        min_sources=int(min_sources),
        include_hedged=bool(hedged),
        include_discovered=bool(discovered),
        focus=tuple(focus),
        hops=int(hops),
        node_cap=int(cap) or None,
    )
    display = state.Display(color_by="bloc" if color_by == "bloc" else "kind",
                            size_by="sources" if size_by == "sources" else "degree",
                            labels=bool(labels))
    st.session_state[VIEW_KEY] = (filters, display)
    wanted = state.filters_to_params(filters, display)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
    return filters, display
