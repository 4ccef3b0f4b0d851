"""Ingest page: upload news files (or load the bundled sample corpus) into the store."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from ui import render, state
from ui.page_shell import run_page

ACCEPTED = ["txt", "md", "html", "htm", "jsonl", "csv"]


def main() -> None:
    store = state.get_store()
    key = state.store_key()
    st.title("Add documents")
    counts = state.counts(store, key)
    st.caption(f"Store: {store.name} · {counts.documents} documents · {counts.claims} claims · "
               f"{counts.actors} actors")
    uploads = st.file_uploader("News files (text, Markdown, HTML, JSON Lines, CSV)",
                               type=ACCEPTED, accept_multiple_files=True, key="ingest_files")
    if uploads and st.button("Extract and load", type="primary", key="ingest_run"):
        with tempfile.TemporaryDirectory() as tmp, st.spinner("Extracting relations…"):
            paths = []
            for upload in uploads:
                # Only the base name: an uploaded name must not steer where the file lands.
                target = Path(tmp) / Path(upload.name).name
                target.write_bytes(upload.getvalue())
                paths.append(target)
            summary = render.ingest_paths(store, paths)
        st.success(render.ingest_message(summary))
        for skipped in summary.failures:
            st.warning(f"skipped {render.md_escape(str(skipped))}")
    if render.SAMPLE_CORPUS.is_dir():
        st.divider()
        st.markdown("The bundled sample corpus: short briefs on the 2016 northern Aleppo war in "
                    "several outlets' styles.")
        if st.button("Ingest the sample corpus", key="ingest_sample_page"):
            with st.spinner("Extracting and loading the sample corpus…"):
                summary = render.ingest_paths(store, [render.SAMPLE_CORPUS])
            st.success(render.ingest_message(summary))


run_page(main)
