"""How every page runs: through the router, and with user-facing errors shown as messages.

:func:`run_page` is the one place the UI turns an :class:`~graph.errors.AllegianceError` into a
message; anything else is a bug and keeps its traceback.

Streamlit has a legacy mode for apps with a ``pages/`` folder beside the entry script: on a
fresh server (and in ``AppTest``) a deep link such as ``/console`` may run ``ui/pages/console.py``
directly, without ``ui/app.py`` — no page config, file names in the sidebar. A page run that way
hands over to the router, which runs the same page properly.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar

import streamlit as st

from graph.errors import AllegianceError

_ROUTED: ContextVar[bool] = ContextVar("allegiance_routed", default=False)


def show_error(error: AllegianceError) -> None:
    """The user-facing form of an error: its message, and its hint when there is one."""
    st.error(error.message, icon=":material/error:")
    if error.hint:
        st.caption(error.hint)


def route(pages: list[st.Page]) -> None:
    """Navigate to the requested page among ``pages`` and run it (called by ``ui/app.py``)."""
    token = _ROUTED.set(True)
    try:
        run_page(st.navigation(pages).run)
    finally:
        _ROUTED.reset(token)


def run_page(body: Callable[[], None]) -> None:
    """Run a page body, showing user-facing errors in place of a traceback."""
    if not _ROUTED.get():
        from ui.app import main  # a page run directly: let the router run it

        main()
        return
    try:
        body()
    except AllegianceError as error:
        show_error(error)
