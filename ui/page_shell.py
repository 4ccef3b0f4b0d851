"""The one place the UI turns an :class:`~graph.errors.AllegianceError` into a message.

Every page runs its body through :func:`run_page`; the router (``ui/app.py``) also wraps the page
it runs, for pages that do not. Page scripts call it themselves because Streamlit may execute a
script in ``ui/pages/`` directly (its legacy pages-folder mode on a fresh server or in
``AppTest``), bypassing the router. Anything that is not an ``AllegianceError`` is a bug and
keeps its traceback.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from graph.errors import AllegianceError


def show_error(error: AllegianceError) -> None:
    """The user-facing form of an error: its message, and its hint when there is one."""
    st.error(error.message, icon=":material/error:")
    if error.hint:
        st.caption(error.hint)


def run_page(body: Callable[[], None]) -> None:
    """Run a page body, showing user-facing errors in place of a traceback."""
    try:
        body()
    except AllegianceError as error:
        show_error(error)
