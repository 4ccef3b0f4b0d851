"""``allegiance analyze`` and ``allegiance diff`` as a person runs them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from graph.analysis import analyze_store, diff_dates
from graph.embedded_store import EmbeddedStore
from graph.model import Extraction
from graph.store import GraphStore
from tests.factories import AHRAR, FATAH, ISIS, NUSRA, RUSSIA, SAA, SHAMIYA, YPG
from ui.cli import main


@pytest.fixture
def loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_batch: Extraction) -> Path:
    """The sample batch in an embedded store that the CLI's settings point at."""
    monkeypatch.chdir(tmp_path)
    for name in ("ALLEGIANCE_CONFIG", "ALLEGIANCE_STORE", "NEO4J_URI", "NEO4J_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "graph.json"
    monkeypatch.setenv("ALLEGIANCE_EMBEDDED_PATH", str(path))
    monkeypatch.setenv("ALLEGIANCE_DATA_DIR", str(tmp_path / "data"))
    store = EmbeddedStore.open(path)
    store.load(sample_batch)
    store.close()
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_the_documented_shape(loaded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "analyze", "--format", "json", "--seed", "3")
    assert code == 0
    report = json.loads(out)
    for key in ("blocs", "balance", "brokers", "implied_ties", "contested", "influence",
                "window", "names", "notes"):
        assert key in report
    assert {"balanced_triangle_share", "frustration"} <= set(report["balance"])
    assert all({"id", "members"} <= set(b) for b in report["blocs"])
    membership = {m: b["id"] for b in report["blocs"] for m in b["members"]}
    assert set(membership) == {SHAMIYA, AHRAR, NUSRA, FATAH, ISIS, SAA, RUSSIA, YPG,
                               "jaysh-al-thuwar"}
    assert membership[SAA] == membership[RUSSIA] != membership[AHRAR]
    assert membership[AHRAR] == membership[NUSRA] == membership[FATAH] == membership[SHAMIYA]
    assert [(c["source"], c["target"]) for c in report["contested"]] == [(SHAMIYA, YPG)]
    assert report["implied_ties"] and all(t["inferred"] is True for t in report["implied_ties"])
    assert {row["actor"] for row in report["influence"]} == set(membership)


def test_window_and_as_of_dates_change_the_answer(loaded: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "analyze", "-f", "json", "--since", "2016-01-01",
                    "--until", "2016-01-31")
    january = json.loads(out)
    assert january["window"] == {"at": None, "since": "2016-01-01", "until": "2016-01-31",
                                 "quiet_days": None}
    assert RUSSIA not in january["names"]  # Russia's support is first reported in February
    _, out, _ = run(capsys, "analyze", "-f", "json", "--at", "2016-03-31", "--quiet-days", "30")
    march = json.loads(out)
    assert march["window"]["at"] == "2016-03-31" and march["window"]["quiet_days"] == 30
    assert march["contested"] == []  # the truce replaced the fight
    assert AHRAR not in march["names"]  # quiet since February 2 for more than 30 days


def test_table_output(loaded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "analyze")
    assert code == 0
    for heading in ("Blocs", "Balance", "Implied ties", "Contested pairs", "Influence"):
        assert heading in out
    assert "Syrian Arab Army" in out


def test_contradictory_dates_are_refused(loaded: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "analyze", "--at", "2016-02-01", "--since", "2016-01-01")
    assert code == 2 and "--at cannot be combined" in err
    code, _, err = run(capsys, "analyze", "--since", "2016-03-01", "--until", "2016-01-01")
    assert code == 2 and "after" in err
    code, _, _ = run(capsys, "analyze", "--at", "March")
    assert code == 2


def test_diff_between_two_dates(loaded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", "2016-02-29", "2016-03-31", "--format", "json")
    assert code == 0
    result = json.loads(out)
    assert {"new_ties", "ended_ties", "flipped_ties", "bloc_changes"} <= set(result)
    assert [(t["source"], t["target"], t["before"], t["after"]) for t in
            result["flipped_ties"]] == [(SHAMIYA, YPG, -1, 1)]
    assert (ISIS, SAA) in {(t["source"], t["target"]) for t in result["new_ties"]}
    code, out, _ = run(capsys, "diff", "2016-02-29", "2016-03-31")
    assert code == 0 and "Flipped ties (1)" in out
    code, _, err = run(capsys, "diff", "2016-03-31", "2016-02-29")
    assert code == 2 and "after the second" in err


def test_neo4j_gives_the_same_analysis_as_the_embedded_store(
        neo4j_store: GraphStore, embedded_store: GraphStore, sample_batch: Extraction) -> None:
    store = neo4j_store
    store.load(sample_batch)
    embedded_store.load(sample_batch)
    for window in ({}, {"since": date(2016, 2, 1), "until": date(2016, 3, 1)},
                   {"at": date(2016, 3, 20)}):
        ours = analyze_store(store, seed=2, **window)  # type: ignore[arg-type]
        reference = analyze_store(embedded_store, seed=2, **window)  # type: ignore[arg-type]
        assert ours.model_dump() == reference.model_dump(), window
    assert diff_dates(store, date(2016, 2, 29), date(2016, 3, 31)) == diff_dates(
        embedded_store, date(2016, 2, 29), date(2016, 3, 31))
