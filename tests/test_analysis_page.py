"""AppTest: the Analysis page — blocs, balance, brokers, implied ties, replay and diff."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from graph.analysis import analyze_store
from graph.embedded_store import EmbeddedStore
from graph.model import Extraction
from tests.app_helpers import app_on, texts
from tests.factories import SHAMIYA

PAGE = "pages/analysis.py"


@pytest.fixture
def store_file(tmp_path: Path, sample_batch: Extraction) -> Path:
    path = tmp_path / "graph.json"
    EmbeddedStore.open(path).load(sample_batch)
    return path


def frames(at: AppTest) -> list[list[dict[str, object]]]:
    return [el.value.to_dict("records") for el in at.dataframe]


def download_labels(at: AppTest) -> list[str]:
    return [str(el.proto.label) for el in at.get("download_button")]


def test_page_shows_every_table_with_a_download(store_file: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    at = app_on(store_file, monkeypatch, page=PAGE)
    expected = analyze_store(EmbeddedStore.open(store_file))
    tables = frames(at)
    blocs = next(t for t in tables if t and "member ids" in t[0])
    assert [row["bloc"] for row in blocs] == [b.id for b in expected.blocs]
    contested = next(t for t in tables if t and "+ support" in t[0])
    assert {(r["source"], r["target"]) for r in contested} == {
        ("Jabhat al-Shamiya", "People's Protection Units")}
    labels = download_labels(at)
    for name in ("blocs", "unbalanced-triads", "implied-ties", "contested", "influence",
                 "new-ties", "bloc-changes"):
        assert f"Download {name} (CSV)" in labels
    assert "Download the whole report (JSON)" in labels
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Frustration"] == str(expected.balance.frustration)


def test_replay_slider_moves_through_months(store_file: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    at = app_on(store_file, monkeypatch, page=PAGE)
    slider = at.select_slider(key="analysis-month")
    assert [str(o) for o in slider.options][:1] == ["Jan 2016"]

    def shamiya_ypg_sign() -> set[object]:
        ties = next(t for t in frames(at) if t and "first seen" in t[0])
        return {r["sign"] for r in ties if {r["source"], r["target"]} ==
                {"Jabhat al-Shamiya", "People's Protection Units"}}

    # Fighting in February, a truce in March (the fight is over once the truce is reported).
    slider.set_value(date(2016, 2, 29)).run()
    assert not at.exception and shamiya_ypg_sign() == {"−"}
    at.select_slider(key="analysis-month").set_value(date(2016, 3, 31)).run()
    assert shamiya_ypg_sign() == {"+"}


def test_as_of_date_and_diff(store_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = app_on(store_file, monkeypatch, page=PAGE)
    at.radio(key="analysis-mode").set_value("As of a date").run()
    assert not at.exception
    # As of the last day the truce has replaced the fight: nothing is contested any more.
    assert "No contested pairs." in texts(at)
    # Shamiya and the YPG fought in February and agreed a truce in March: a flip.
    at.date_input(key="analysis-diff-from").set_value(date(2016, 2, 29)).run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Flipped ties"] == "1"
    flipped = next(t for t in frames(at) if t and "types after" in t[0]
                   and any(r["before"] and r["after"] for r in t))
    assert [(r["source"], r["target"], r["before"], r["after"]) for r in flipped] == [
        ("Jabhat al-Shamiya", "People's Protection Units", "−", "+")]


def test_empty_store_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = app_on(tmp_path / "empty.json", monkeypatch, page=PAGE)
    assert "The store is empty" in texts(at)
    assert not at.dataframe


def test_unbalanced_triad_opens_the_claims_behind_its_ties(
        store_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = app_on(store_file, monkeypatch, page=PAGE)
    picker = at.selectbox(key="analysis-triad-evidence")
    triad = "Islamic State, Jabhat al-Shamiya, Syrian Arab Army"
    assert triad in picker.options
    picker.set_value(triad).run()
    assert not at.exception
    headers = [str(h.value) for h in at.subheader]
    # One panel per relation behind the three hostile ties, each with its claims.
    assert sum("Islamic State" in h and "Syrian Arab Army" in h for h in headers) == 1
    assert sum("Jabhat al\\-Shamiya" in h and "Islamic State" in h for h in headers) == 1
    store = EmbeddedStore.open(store_file)
    expected = len(store.evidence(SHAMIYA, "islamic-state"))
    assert any(f"{expected} claims from" in str(c.value) for c in at.caption)
