"""Cypher console: an editor, example queries, parameters, results as a table and a network."""

from __future__ import annotations

import json

import streamlit as st

from graph.errors import InputError
from graph.visual import query_vis_data
from ui import render, state
from ui.components.network import network
from ui.console_library import EXAMPLES
from ui.page_shell import run_page


def main() -> None:
    store = state.get_store()
    config = state.settings()

    st.title("Cypher console")
    st.caption(f"Read-only · timeout {config.query_timeout_s:g} s · "
               f"at most {config.row_cap:,} rows · store: {store.name}")
    if store.name == "embedded":
        st.info("The embedded store answers a read-only subset of Cypher (simple MATCH … WHERE … "
                "RETURN over actors, relations, claims and documents). Queries outside it say so; "
                "point Allegiance at Neo4j for the full language.", icon=":material/info:")

    titles = [e.title for e in EXAMPLES]


    def _load_example() -> None:
        chosen = next(e for e in EXAMPLES if e.title == st.session_state["console_example"])
        st.session_state["console_cypher"] = chosen.cypher
        st.session_state["console_params"] = json.dumps(chosen.params, indent=1)


    st.session_state.setdefault("console_cypher", EXAMPLES[0].cypher)
    st.session_state.setdefault("console_params", json.dumps(EXAMPLES[0].params, indent=1))
    st.selectbox("Example queries", titles, key="console_example", on_change=_load_example)
    editor, params_col = st.columns([3, 1])
    cypher = editor.text_area("Query", key="console_cypher", height=180)
    params_text = params_col.text_area("Parameters (JSON object)", key="console_params",
                                       height=180)

    if st.button("Run", type="primary", icon=":material/play_arrow:", key="console_run"):
        try:
            params = json.loads(params_text or "{}")
        except json.JSONDecodeError as e:
            raise InputError(f"parameters are not valid JSON: {e}") from e
        if not isinstance(params, dict):
            raise InputError("parameters must be a JSON object, e.g. {\"id\": \"isis\"}")
        st.session_state.pop("console_result", None)
        st.session_state["console_result"] = state.run_query(store, cypher, params)

    result = st.session_state.get("console_result")
    if result is not None:
        if result.notice:
            st.warning(result.notice)
        cut = " (cut at the row cap)" if result.truncated else ""
        st.caption(f"{len(result.rows)} rows{cut}")
        table = [{column: render.cell_text(value)
                  for column, value in zip(result.columns, row, strict=False)}
                 for row in result.rows]
        st.dataframe(table, use_container_width=True, hide_index=True)
        drawn = query_vis_data(result.rows)
        if drawn is not None:
            st.markdown("**As a network**")
            network(drawn, key="console_network", height=460)

    with st.expander("About the data model"):
        st.markdown(render.md_escape("(:Actor)-[:ALLIED_WITH|TRUCE_WITH|MEMBER_OF|OPERATES_WITH|"
                                     "SUPPORTS|FIGHTS]->(:Actor); (:Claim)-[:SOURCE|TARGET]->"
                                     "(:Actor); (:Claim)-[:STATED_IN]->(:Document)."))


run_page(main)
