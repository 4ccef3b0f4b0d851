"""Helpers for the Streamlit ``AppTest`` suites: an app bound to a store file of our choosing."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "ui" / "app.py")


def app_on(store_file: Path, monkeypatch: pytest.MonkeyPatch, *, page: str | None = None
           ) -> AppTest:
    """An ``AppTest`` of the explorer reading the embedded store at ``store_file``, already run."""
    monkeypatch.setenv("ALLEGIANCE_STORE", "embedded")
    monkeypatch.setenv("ALLEGIANCE_EMBEDDED_PATH", str(store_file))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    if page is not None:
        at.switch_page(page)
        at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    """Every markdown, caption, info, warning and error text on the page, joined."""
    parts: list[str] = []
    for group in (at.title, at.subheader, at.markdown, at.caption, at.info, at.warning,
                  at.error, at.success):
        parts.extend(str(el.value) for el in group)
    return "\n".join(parts)
