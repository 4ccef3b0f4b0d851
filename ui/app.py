"""Entry script of the explorer: ``streamlit run ui/app.py`` (or ``allegiance ui``).

A router only: it sets the page up and lists the pages (in ``ui/pages``); running them and
showing user-facing errors is :mod:`ui.page_shell`'s job.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.page_shell import route

PAGES_DIR = Path(__file__).resolve().parent / "pages"


def pages() -> list[st.Page]:
    """The app's pages; the analysis page joins when its module is present."""
    found = [
        st.Page(PAGES_DIR / "network.py", title="Network", icon=":material/hub:",
                url_path="network", default=True),
        st.Page(PAGES_DIR / "search.py", title="Search & paths", icon=":material/search:",
                url_path="search"),
        st.Page(PAGES_DIR / "console.py", title="Cypher console", icon=":material/terminal:",
                url_path="console"),
    ]
    if (PAGES_DIR / "analysis.py").is_file():
        found.append(st.Page(PAGES_DIR / "analysis.py", title="Analysis",
                             icon=":material/insights:", url_path="analysis"))
    if (PAGES_DIR / "ingest.py").is_file():
        found.append(st.Page(PAGES_DIR / "ingest.py", title="Ingest",
                             icon=":material/upload_file:", url_path="ingest"))
    return found


def main() -> None:
    st.set_page_config(page_title="Allegiance", page_icon="🕸️", layout="wide")
    route(pages())


if __name__ == "__main__":  # Streamlit runs the entry script as __main__
    main()
