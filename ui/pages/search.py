"""Search page: find an actor by any spelling, jump to its neighbourhood, find paths."""

from __future__ import annotations

import streamlit as st

from ui import render, state
from ui.page_shell import run_page
from ui.sidebar import current_view, set_view


def main() -> None:
    store = state.get_store()
    key = state.store_key()

    st.title("Search actors and paths")
    if state.counts(store, key).actors == 0:
        render.empty_state(store)
        st.stop()

    st.subheader("Find an actor")
    text = st.text_input("Name or any spelling", key="search_text",
                         placeholder="e.g. jabha shamiya, YPG, Daesh",
                         help="Case, accents, hyphens and spacing are ignored; aliases count.")
    if text.strip():
        hits = state.search_actors(store, key, text.strip(), 20)
        if not hits:
            st.info("No actor matches that spelling.")
        for hit in hits:
            row = st.container(border=True)
            left, right = row.columns([4, 1], vertical_alignment="center")
            left.markdown(f"**{render.md_escape(hit.name)}**  \n"
                          + render.md_escape(render.actor_label(hit).removeprefix(hit.name).strip())
                          + (" · aka " + ", ".join(render.md_escape(a) for a in hit.aliases[:6])
                             if hit.aliases else ""))
            if right.button("Neighbourhood", key=f"go_{hit.id}", icon=":material/hub:"):
                filters, _ = current_view()
                set_view(filters.model_copy(update={"focus": (hit.id,), "hops": 1}))
                state.select("node", hit.id)
                st.switch_page("pages/network.py")

    st.divider()
    st.subheader("Paths between two actors")
    actors = state.all_actors(store, key)
    names = {a.id: a.name for a in actors}
    ids = list(names)
    col_a, col_b, col_h = st.columns([3, 3, 1])
    source = col_a.selectbox("From", ids, index=None, key="path_from",
                             format_func=lambda a: names.get(a, a), placeholder="pick an actor")
    target = col_b.selectbox("To", ids, index=None, key="path_to",
                             format_func=lambda a: names.get(a, a), placeholder="pick an actor")
    max_hops = col_h.number_input("Max hops", min_value=1, max_value=6, value=4, key="path_hops")
    if source and target:
        if source == target:
            st.info("Pick two different actors.")
        else:
            filters, _ = current_view()
            unfocused = filters.model_copy(update={"focus": (), "node_cap": None})
            paths = state.shortest_paths(store, key, source, target, int(max_hops),
                                         state.filters_json(unfocused))
            if not paths:
                st.info(f"No path of at most {max_hops} hops between them under the current "
                        "filters.")
            else:
                st.caption(f"{len(paths)} shortest paths of {len(paths[0].steps)} hops "
                           "(signs multiply: an ally of an enemy is an enemy).")
                for path in paths:
                    st.markdown(render.path_text(path, names))


run_page(main)
