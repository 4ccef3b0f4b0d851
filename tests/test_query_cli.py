"""``allegiance query``, ``status``, ``reset`` and ``load-claims`` as a person runs them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from graph.model import Extraction
from graph.store import GraphStore
from tests.conftest import neo4j_settings
from ui.cli import main


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An embedded store in ``tmp_path``, and no settings file or Neo4j URI from outside."""
    monkeypatch.chdir(tmp_path)
    for name in ("ALLEGIANCE_CONFIG", "ALLEGIANCE_STORE", "NEO4J_URI", "NEO4J_PASSWORD",
                 "ALLEGIANCE_ROW_CAP", "ALLEGIANCE_QUERY_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "graph.json"
    monkeypatch.setenv("ALLEGIANCE_EMBEDDED_PATH", str(path))
    monkeypatch.setenv("ALLEGIANCE_DATA_DIR", str(tmp_path / "data"))
    return path


@pytest.fixture
def claims_file(tmp_path: Path, sample_batch: Extraction) -> Path:
    path = tmp_path / "batch.jsonl"
    path.write_text(sample_batch.model_dump_json() + "\n", encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_load_then_count(cli_env: Path, claims_file: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "load-claims", str(claims_file))
    assert code == 0 and "17 claims" in out
    code, out, _ = run(capsys, "query", "MATCH (n) RETURN count(n)")
    assert code == 0 and "count(n)" in out and "34" in out


def test_json_and_csv_output_with_params(cli_env: Path, claims_file: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "load-claims", str(claims_file))
    cypher = ("MATCH (a:Actor)-[r:FIGHTS]->(b:Actor) WHERE a.id = $id "
              "RETURN b.id AS target, r.claims AS claims ORDER BY target")
    code, out, _ = run(capsys, "query", cypher, "--param", "id=syrian-arab-army", "-f", "json")
    assert code == 0
    data = json.loads(out)
    assert data["columns"] == ["target", "claims"] and data["truncated"] is False
    assert [row["target"] for row in data["rows"]] == [
        "islamic-state", "jabhat-al-shamiya", "nusra-front"]
    code, out, _ = run(capsys, "query", "MATCH (a:Actor) WHERE a.id IN $ids RETURN a.name",
                       "-p", 'ids=["russia", "ypg"]', "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["a.name"] and sorted(r[0] for r in rows[1:]) == [
        "People's Protection Units", "Russia"]


def test_row_cap_is_announced(cli_env: Path, claims_file: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "load-claims", str(claims_file))
    code, out, err = run(capsys, "query", "MATCH (c:Claim) RETURN c.id", "--row-cap", "4",
                         "-f", "json")
    assert code == 0 and len(json.loads(out)["rows"]) == 4
    assert "row cap of 4" in err


def test_create_is_refused(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "query", "CREATE (n:Actor {id: 'x'})")
    assert code == 4 and "refused" in err and "Traceback" not in err + out


def test_bad_param_is_a_usage_error(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "query", "MATCH (n) RETURN n", "--param", "novalue")
    assert code == 2 and "name=value" in err


def test_unreachable_neo4j_is_one_clear_line(cli_env: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")
    code, out, err = run(capsys, "query", "MATCH (n) RETURN count(n)")
    assert code == 3
    assert err.splitlines()[0] == "error: Cannot reach Neo4j at bolt://127.0.0.1:1"
    assert "Traceback" not in err + out


def test_status_and_reset(cli_env: Path, claims_file: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "load-claims", str(claims_file))
    code, out, _ = run(capsys, "status")
    assert code == 0 and "embedded" in out and "claims" in out and "17" in out
    code, _, err = run(capsys, "reset")
    assert code == 2 and "--yes" in err
    code, _, _ = run(capsys, "reset", "--yes")
    assert code == 0
    code, out, _ = run(capsys, "query", "MATCH (c:Claim) RETURN count(c)", "-f", "json")
    assert json.loads(out)["rows"] == [{"count(c)": 0}]


def test_load_claims_rejects_a_file_that_is_not_extraction(
        cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"relations": []}', encoding="utf-8")
    code, _, err = run(capsys, "load-claims", str(bad))
    assert code == 2 and "not an Extraction batch" in err


# -- against Neo4j ------------------------------------------------------------------------------


@pytest.fixture
def neo4j_env(cli_env: Path, neo4j_store: GraphStore, sample_batch: Extraction,
              monkeypatch: pytest.MonkeyPatch) -> GraphStore:
    settings = neo4j_settings()
    monkeypatch.setenv("NEO4J_URI", settings["uri"])
    monkeypatch.setenv("NEO4J_USER", settings["user"])
    monkeypatch.setenv("NEO4J_PASSWORD", settings["password"])
    monkeypatch.setenv("NEO4J_DATABASE", settings["database"])
    neo4j_store.load(sample_batch)
    return neo4j_store


@pytest.mark.neo4j
def test_neo4j_count(neo4j_env: GraphStore, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "query", "MATCH (n) RETURN count(n)", "-f", "json")
    assert code == 0 and json.loads(out)["rows"] == [{"count(n)": 34}]


@pytest.mark.neo4j
def test_neo4j_write_needs_flag(neo4j_env: GraphStore,
                                capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "query", "CREATE (:Scratch)")
    assert code == 4 and "pass --write to allow" in err
    code, _, _ = run(capsys, "query", "CREATE (:Scratch) RETURN 1", "--write")
    assert code == 0


@pytest.mark.neo4j
def test_neo4j_invalid_cypher_shows_server_message(neo4j_env: GraphStore,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "query", "MATCH (n RETURN n")
    assert code == 4 and "Invalid input" in err and "Traceback" not in err + out


@pytest.mark.neo4j
def test_neo4j_wrong_password(neo4j_env: GraphStore, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", "definitely-wrong")
    code, out, err = run(capsys, "status")
    assert code == 3 and "refused the credentials" in err and "Traceback" not in err + out


@pytest.mark.neo4j
def test_neo4j_status(neo4j_env: GraphStore, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "status")
    assert code == 0 and "neo4j" in out and "17" in out
