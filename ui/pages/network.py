"""Network page: the filtered signed graph, click-through details and snapshot downloads."""

from __future__ import annotations

from collections import defaultdict

import streamlit as st

from graph.visual import parse_edge_id, vis_data
from ui import render, state
from ui.components.network import network
from ui.page_shell import run_page
from ui.sidebar import view_controls


def main() -> None:
    store = state.get_store()
    key = state.store_key()

    st.title("Who is allied with whom")
    if state.counts(store, key).relations == 0:
        render.empty_state(store)
        st.stop()

    filters, display = view_controls(store, key)
    fj = state.filters_json(filters)
    sub = state.subgraph(store, key, fj)

    st.caption(f"{len(sub.actors)} actors · {len(sub.relations)} relations · store: {store.name}")
    if sub.trimmed:
        st.warning(
            f"The node cap trims this view: showing {len(sub.actors)} of {sub.total_actors} actors "
            "(the best connected). Raise the cap or focus on an actor to see the rest.",
            icon=":material/filter_alt:",
        )
    if not sub.actors:
        st.info("No relation passes these filters. Loosen them in the sidebar.")
        st.stop()

    if display.size_by == "sources":
        outlets: dict[str, float] = defaultdict(float)
        for rel in sub.relations:
            outlets[rel.source] += rel.outlets
            outlets[rel.target] += rel.outlets
        size_by: dict[str, float] | None = dict(outlets)
    else:
        size_by = None
    data = vis_data(
        sub,
        color_by=display.color_by,
        blocs=state.blocs(store, key, fj) if display.color_by == "bloc" else None,
        size_by=size_by,
        positions=state.positions(store, key, fj),
        labels=display.labels,
    )

    graph_col, details_col = st.columns([2, 1], gap="medium")
    with graph_col:
        chosen = state.selection()
        clicked = network(data, key="network", height=640,
                          selected=chosen["id"] if chosen and chosen["kind"] == "node" else None)
        if clicked:
            state.select(clicked["kind"], clicked["id"])

    with details_col:
        chosen = state.selection()
        if chosen is None:
            st.markdown("#### Details")
            st.caption("Click an actor to see its aliases and neighbours, or an edge to read every "
                       "claim behind it with its evidence sentence.")
        elif chosen["kind"] == "node":
            render.actor_details(store, key, chosen["id"])
        else:
            try:
                source, target, type_ = parse_edge_id(chosen["id"])
            except ValueError:
                state.clear_selection()
                st.rerun()
            render.edge_details(store, key, source, target, type_)

    with st.expander("Snapshot of this view", icon=":material/download:"):
        render.snapshot_downloads(store, filters, sub)


run_page(main)
