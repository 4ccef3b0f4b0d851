"""Neo4j-only behaviour: connection errors, all-or-nothing batches, ad-hoc Cypher."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, LiteralString

import pytest
from neo4j import GraphDatabase, ManagedTransaction

import graph.neo4j_store as neo4j_store_module
from graph import neo4j_queries as q
from graph.errors import (
    AuthenticationFailed,
    LoadError,
    QueryError,
    StoreUnavailable,
    WriteRefused,
)
from graph.model import Extraction
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore
from tests.conftest import neo4j_settings
from tests.factories import sample_batch

pytestmark = pytest.mark.neo4j


def test_unreachable_server_is_a_clear_error() -> None:
    with pytest.raises(StoreUnavailable) as info:
        Neo4jStore.connect("bolt://127.0.0.1:1", "neo4j", "whatever")
    assert info.value.message == "Cannot reach Neo4j at bolt://127.0.0.1:1"
    assert "scripts/neo4j-local start" in info.value.hint
    assert info.value.exit_code == 3


def test_wrong_password_is_an_authentication_error(neo4j_store: GraphStore) -> None:
    settings = neo4j_settings()
    with pytest.raises(AuthenticationFailed, match="refused the credentials"):
        Neo4jStore.connect(settings["uri"], settings["user"], "not-the-password")


def _counts(store: Neo4jStore) -> tuple[Any, tuple[int, int]]:
    return store.counts(), store.raw_counts()


@pytest.fixture
def small_batches(neo4j_store: GraphStore) -> Iterator[Neo4jStore]:
    """The shared store with 3 rows per UNWIND, so one batch takes many statements."""
    assert isinstance(neo4j_store, Neo4jStore)
    size = neo4j_store.batch_size
    neo4j_store.batch_size = 3
    yield neo4j_store
    neo4j_store.batch_size = size


def test_a_row_the_server_rejects_rolls_back_the_whole_batch(
        small_batches: Neo4jStore, monkeypatch: pytest.MonkeyPatch) -> None:
    store = small_batches
    store.load(sample_batch())
    before = _counts(store)
    real_claim_row = neo4j_store_module.claim_row
    batch = sample_batch()
    poisoned_id = batch.claims[10].id

    def poisoned(claim: Any) -> dict[str, Any]:
        row = real_claim_row(claim)
        if claim.id == poisoned_id:
            row["trigger"] = {"maps": "cannot be stored as properties"}
        return row

    # A second batch whose 11th claim (4th UNWIND chunk) is refused by the server: the actors,
    # documents and claims written before it must vanish with the transaction.
    bigger = batch.model_copy(update={"documents": (
        *batch.documents, *[d.model_copy(update={"id": d.id + "x"}) for d in batch.documents])})
    monkeypatch.setattr(neo4j_store_module, "claim_row", poisoned)
    with pytest.raises(LoadError, match="nothing was written"):
        store.load(bigger)
    assert _counts(store) == before


def test_a_connection_lost_mid_batch_leaves_nothing(neo4j_store: GraphStore,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(neo4j_store, Neo4jStore)
    before = _counts(neo4j_store)
    settings = neo4j_settings()
    driver = GraphDatabase.driver(settings["uri"], auth=(settings["user"], settings["password"]),
                                  max_transaction_retry_time=0.2)
    fragile = Neo4jStore(driver, uri=settings["uri"], database=settings["database"],
                         batch_size=4)
    real_run_chunks = Neo4jStore._run_chunks

    def cut_after_first_claims(self: Neo4jStore, tx: ManagedTransaction,
                               query: LiteralString, rows: Sequence[dict[str, Any]]) -> None:
        if query == q.MERGE_CLAIMS:
            real_run_chunks(self, tx, query, rows[:4])
            tx._connection.socket.close()  # the network goes away mid-transaction
        real_run_chunks(self, tx, query, rows)

    monkeypatch.setattr(Neo4jStore, "_run_chunks", cut_after_first_claims)
    try:
        with pytest.raises(StoreUnavailable, match="rolled back"):
            fragile.load(sample_batch())
    finally:
        fragile.close()
    monkeypatch.undo()
    assert _counts(neo4j_store) == before
    assert neo4j_store.counts().claims == 0


# -- ad-hoc Cypher ------------------------------------------------------------------------------


@pytest.fixture
def loaded(neo4j_store: GraphStore, sample_batch: Extraction) -> Neo4jStore:
    assert isinstance(neo4j_store, Neo4jStore)
    neo4j_store.load(sample_batch)
    return neo4j_store


def test_writes_need_write_true(loaded: Neo4jStore) -> None:
    before = loaded.raw_counts()
    with pytest.raises(WriteRefused, match="pass --write to allow"):
        loaded.query("CREATE (:Scratch {n: 1})")
    assert loaded.raw_counts() == before
    loaded.query("CREATE (:Scratch {n: 1})", write=True)
    assert loaded.raw_counts()[0] == before[0] + 1


def test_syntax_errors_carry_the_server_message(loaded: Neo4jStore) -> None:
    with pytest.raises(QueryError, match="Invalid input") as info:
        loaded.query("MATCH (n RETURN n")
    assert not isinstance(info.value, WriteRefused)


def test_row_cap_fetches_one_extra_row_to_know(loaded: Neo4jStore) -> None:
    capped = loaded.query("UNWIND range(1, 10) AS x RETURN x", row_cap=3)
    assert capped.rows == ((1,), (2,), (3,)) and capped.truncated
    exact = loaded.query("UNWIND range(1, 3) AS x RETURN x", row_cap=3)
    assert len(exact.rows) == 3 and not exact.truncated


def test_server_side_timeout(loaded: Neo4jStore) -> None:
    slow = "UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(x)"
    with pytest.raises(QueryError, match="timed out"):
        loaded.query(slow, timeout_s=0.5)


def test_graph_values_become_plain_dicts(loaded: Neo4jStore) -> None:
    (row,) = loaded.query(
        "MATCH p = (a:Actor {id: $id})-[r:SUPPORTS]->(b:Actor) RETURN a, r, p, b.name",
        {"id": "russia"}).rows
    actor, rel, path, name = row
    assert name == "Syrian Arab Army"
    assert isinstance(actor, dict) and isinstance(rel, dict) and isinstance(path, dict)
    assert actor["labels"] == ["Actor"] and actor["properties"]["id"] == "russia"
    assert rel["type"] == "SUPPORTS" and rel["start"] == actor["element_id"]
    assert rel["properties"]["first_seen"] == "2016-02-10"  # Neo4j Date -> ISO text
    assert [n["properties"]["id"] for n in path["nodes"]] == ["russia", "syrian-arab-army"]
    assert path["relationships"][0]["element_id"] == rel["element_id"]


def test_schema_is_in_place(loaded: Neo4jStore) -> None:
    result = loaded.query("SHOW CONSTRAINTS YIELD labelsOrTypes, properties "
                          "RETURN labelsOrTypes[0] + '.' + properties[0] AS c")
    assert {r[0] for r in result.rows} >= {"Actor.id", "Document.id", "Claim.id", "Place.name",
                                          "PlaceClaim.id"}
