"""AppTest: the search page — alias search by any spelling, jumping to a neighbourhood, paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.embedded_store import EmbeddedStore
from graph.model import Extraction
from tests.app_helpers import app_on, texts

PAGE = "pages/search.py"


@pytest.fixture
def store_file(tmp_path: Path, sample_batch: Extraction) -> Path:
    path = tmp_path / "graph.json"
    EmbeddedStore.open(path).load(sample_batch)
    return path


@pytest.mark.parametrize("spelling", ["jabha shamiya", "Jabhat al-Shamiya", "LEVANT front",
                                      "al-Jabha al-Shāmiyya"])
def test_search_finds_jabhat_al_shamiya_by_any_spelling(
        spelling: str, store_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = app_on(store_file, monkeypatch, page=PAGE)
    at.text_input(key="search_text").input(spelling).run()
    assert "Jabhat al\\-Shamiya" in texts(at)  # names are Markdown-escaped


def test_search_without_match_says_so(store_file: Path, monkeypatch: pytest.MonkeyPatch
                                      ) -> None:
    at = app_on(store_file, monkeypatch, page=PAGE)
    at.text_input(key="search_text").input("Hezbollah").run()
    assert "No actor matches" in texts(at)


def test_neighbourhood_button_focuses_the_network(store_file: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    at = app_on(store_file, monkeypatch, page=PAGE)
    at.text_input(key="search_text").input("daesh").run()
    at.button(key="go_islamic-state").click().run()
    assert not at.exception
    # Now on the network page, focused on the actor with one hop.
    assert at.multiselect(key="flt_focus").value == ["islamic-state"]
    assert at.query_params["focus"] == "islamic-state"
    expected = EmbeddedStore.open(store_file).neighbourhood("islamic-state", hops=1)
    assert any(f"{len(expected.actors)} actors" in str(c.value) for c in at.caption)


def test_path_finder_shows_signs(store_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = app_on(store_file, monkeypatch, page=PAGE)
    at.selectbox(key="path_from").set_value("russia").run()
    at.selectbox(key="path_to").set_value("jabhat-al-shamiya").run()
    paths = EmbeddedStore.open(store_file).shortest_paths("russia", "jabhat-al-shamiya")
    assert paths
    page = texts(at)
    assert f"{len(paths)} shortest paths" in page
    # Russia supports the army (+), the army fights Shamiya (−): net hostile.
    assert "(+ support)" in page and "(− hostility)" in page and "net sign: hostile" in page
