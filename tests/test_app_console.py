"""AppTest: the Cypher console — examples, parameters, results, refused writes, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.embedded_store import EmbeddedStore
from graph.model import Extraction
from tests.app_helpers import app_on, texts
from ui.console_library import EXAMPLES

PAGE = "pages/console.py"


@pytest.fixture
def store_file(tmp_path: Path, sample_batch: Extraction) -> Path:
    path = tmp_path / "graph.json"
    EmbeddedStore.open(path).load(sample_batch)
    return path


def run_query(at, cypher: str, params: dict[str, object] | None = None):  # type: ignore[no-untyped-def]
    at.text_area(key="console_cypher").input(cypher)
    at.text_area(key="console_params").input(json.dumps(params or {}))
    return at.button(key="console_run").click().run()


def test_library_has_at_least_eight_examples_and_loads_them(
        store_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(EXAMPLES) >= 8
    at = app_on(store_file, monkeypatch, page=PAGE)
    chosen = EXAMPLES[3]
    at.selectbox(key="console_example").set_value(chosen.title).run()
    assert at.text_area(key="console_cypher").value == chosen.cypher
    assert json.loads(at.text_area(key="console_params").value) == chosen.params


def test_query_returns_rows_as_a_table(store_file: Path, monkeypatch: pytest.MonkeyPatch
                                       ) -> None:
    at = app_on(store_file, monkeypatch, page=PAGE)
    run_query(at, "MATCH (a:Actor) RETURN a.name AS name")
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    frame = at.dataframe[0].value
    assert sorted(frame["name"]) == sorted(
        a.name for a in EmbeddedStore.open(store_file).subgraph(
            __import__("graph.model", fromlist=["GraphFilter"]).GraphFilter()).actors)


def test_parameters_are_passed(store_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = app_on(store_file, monkeypatch, page=PAGE)
    run_query(at, "MATCH (a:Actor) WHERE a.id = $id RETURN a.name AS name", {"id": "ypg"})
    assert not at.error, [e.value for e in at.error]
    assert list(at.dataframe[0].value["name"]) == ["People's Protection Units"]


def test_console_refuses_a_write(store_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = app_on(store_file, monkeypatch, page=PAGE)
    before = EmbeddedStore.open(store_file).counts()
    run_query(at, "CREATE (a:Actor {id: 'intruder', name: 'Intruder'}) RETURN a")
    assert not at.exception  # shown as a message, not a traceback
    assert at.error
    assert EmbeddedStore.open(store_file).counts() == before


def test_bad_parameters_are_a_clear_error(store_file: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    at = app_on(store_file, monkeypatch, page=PAGE)
    at.text_area(key="console_params").input("{not json")
    at.button(key="console_run").click().run()
    assert not at.exception
    assert "not valid JSON" in " ".join(str(e.value) for e in at.error)


def test_embedded_store_explains_its_subset(store_file: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    at = app_on(store_file, monkeypatch, page=PAGE)
    assert "subset of Cypher" in texts(at)
