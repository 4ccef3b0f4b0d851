"""The embedded store's Cypher subset: same answers as Neo4j, or a clear refusal."""

from __future__ import annotations

from typing import Any

import pytest

from graph.embedded_store import EmbeddedStore
from graph.errors import QueryError, UnsupportedQuery, WriteRefused
from graph.model import Extraction
from graph.store import GraphStore
from tests.factories import RUSSIA, SAA, SHAMIYA


@pytest.fixture
def loaded(embedded_store: EmbeddedStore, sample_batch: Extraction) -> EmbeddedStore:
    embedded_store.load(sample_batch)
    return embedded_store


def test_counts_every_node_of_the_model(loaded: EmbeddedStore) -> None:
    result = loaded.query("MATCH (n) RETURN count(n)")
    assert result.columns == ("count(n)",)
    # 9 actors, 4 documents, 17 claims, 2 places, 2 place claims.
    assert result.rows == ((34,),)


def test_aggregated_edges_and_parameters(loaded: EmbeddedStore) -> None:
    result = loaded.query(
        "MATCH (a:Actor)-[r:SUPPORTS]->(b:Actor) WHERE a.id = $id RETURN b.name, r.claims",
        {"id": RUSSIA},
    )
    assert result.rows == (("Syrian Arab Army", 2),)
    listed = loaded.query("MATCH (a:Actor) WHERE a.id IN $ids RETURN a.id ORDER BY a.id",
                          {"ids": [SAA, SHAMIYA]})
    assert listed.rows == ((SHAMIYA,), (SAA,))


def test_nodes_and_relationships_come_back_as_plain_dicts(loaded: EmbeddedStore) -> None:
    (row,) = loaded.query(
        "MATCH (a:Actor {id: 'russia'})-[r:SUPPORTS]->(b:Actor) RETURN a, r, b").rows
    actor, rel, target = row
    assert isinstance(actor, dict) and isinstance(rel, dict) and isinstance(target, dict)
    assert actor["labels"] == ["Actor"] and actor["properties"]["name"] == "Russia"
    assert rel["type"] == "SUPPORTS"
    assert (rel["start"], rel["end"]) == (actor["element_id"], target["element_id"])
    assert rel["properties"]["first_seen"] == "2016-02-10"


def test_aggregates_group_and_limit_after_grouping(loaded: EmbeddedStore) -> None:
    result = loaded.query(
        "MATCH (c:Claim)-[:STATED_IN]->(d:Document) RETURN d.source AS outlet, count(c) AS n "
        "ORDER BY n DESC LIMIT 2")
    assert result.columns == ("outlet", "n")
    # Reuters and the outlet-less report hold 5 and 4 claims; 4 documents in all.
    assert [n for _, n in result.rows] == [5, 4]
    distinct = loaded.query("MATCH (c:Claim) RETURN DISTINCT c.type LIMIT 3")
    assert len(distinct.rows) == 3


def test_row_cap_sets_truncated(loaded: EmbeddedStore) -> None:
    capped = loaded.query("MATCH (c:Claim) RETURN c.id", row_cap=5)
    assert len(capped.rows) == 5 and capped.truncated and "row cap" in capped.notice
    whole = loaded.query("MATCH (c:Claim) RETURN c.id", row_cap=17)
    assert len(whole.rows) == 17 and not whole.truncated


@pytest.mark.parametrize("cypher", [
    "CREATE (n:Actor {id: 'x'})",
    "MATCH (n) DETACH DELETE n",
    "MATCH (a:Actor) SET a.name = 'x'",
    "MATCH (a:Actor) REMOVE a.name",
    "MERGE (a:Actor {id: 'x'})",
    "DROP INDEX claim_date",
    "LOAD CSV FROM 'file:///x.csv' AS row RETURN row",
    "CALL db.labels()",
])
def test_writes_are_refused_even_with_write(loaded: EmbeddedStore, cypher: str) -> None:
    before = loaded.counts()
    for write in (False, True):
        with pytest.raises(WriteRefused, match="refused"):
            loaded.query(cypher, write=write)
    assert loaded.counts() == before


def test_write_words_inside_strings_are_fine(loaded: EmbeddedStore) -> None:
    result = loaded.query("MATCH (c:Claim) WHERE c.trigger = 'create' RETURN count(c)")
    assert result.rows == ((0,),)


@pytest.mark.parametrize("cypher", [
    "MATCH (a:Actor)-[r]-(b:Actor) RETURN a.id",  # undirected: grand-cypher returns nothing
    "MATCH (a:Actor)-[r*1..2]->(b:Actor) RETURN b.id",
    "MATCH p = (a:Actor)-[r]->(b:Actor) RETURN p",
    "OPTIONAL MATCH (a:Actor) RETURN a.id",
    "MATCH (a:Actor) WITH a RETURN a.id",
    "UNWIND [1, 2] AS x RETURN x",
    "RETURN 1",
    "MATCH (a:Actor), (b:Actor) RETURN a.id, b.id",
    "MATCH (a:Actor RETURN a",
])
def test_queries_outside_the_subset_name_neo4j(loaded: EmbeddedStore, cypher: str) -> None:
    with pytest.raises(UnsupportedQuery) as info:
        loaded.query(cypher)
    assert "Neo4j" in info.value.hint or "MATCH" in info.value.hint


def test_missing_parameter_is_a_query_error(loaded: EmbeddedStore) -> None:
    with pytest.raises(QueryError, match="nope"):
        loaded.query("MATCH (a:Actor) WHERE a.id = $nope RETURN a")


# -- same answers as Neo4j ----------------------------------------------------------------------

COMPARED_QUERIES = [
    "MATCH (n) RETURN count(n)",
    "MATCH (a)-[r]->(b) RETURN type(r), count(r)",
    "MATCH (a:Actor)-[r:FIGHTS]->(b:Actor) RETURN a.id, b.id, r.claims, r.outlets, r.first_seen",
    "MATCH (c:Claim)-[:SOURCE]->(a:Actor) WHERE a.id = 'syrian-arab-army' "
    "RETURN c.type, c.date, c.confidence, c.hedged",
    "MATCH (c:Claim)-[:STATED_IN]->(d:Document) RETURN d.source, count(c) AS n ORDER BY n DESC",
    "MATCH (a:Actor)-[:FIGHTS]->(b:Actor)<-[:FIGHTS]-(c:Actor) RETURN a.id, b.id, c.id",
    "MATCH (a:Actor) WHERE a.curated = false RETURN a.name, a.aliases",
    "MATCH (p:PlaceClaim)-[:PLACE]->(pl:Place) RETURN pl.name, p.date, p.action",
    "MATCH (a:Actor {id: 'russia'}) RETURN a",
    "MATCH (c:Claim) RETURN c.confidence ORDER BY c.confidence DESC SKIP 2 LIMIT 4",
    "MATCH (c:Claim) WHERE c.trigger = 'no such trigger' "
    "RETURN count(c), collect(c.id), sum(c.confidence), max(c.confidence)",
]


def _comparable(value: Any) -> Any:
    """Element ids differ by nature between the stores; everything else must match."""
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items()
                if k not in {"element_id", "start", "end"}}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return value


@pytest.mark.neo4j
@pytest.mark.parametrize("cypher", COMPARED_QUERIES)
def test_same_rows_as_neo4j(embedded_store: EmbeddedStore, neo4j_store: GraphStore,
                            sample_batch: Extraction, cypher: str) -> None:
    embedded_store.load(sample_batch)
    neo4j_store.load(sample_batch)
    ours = embedded_store.query(cypher)
    theirs = neo4j_store.query(cypher)
    assert ours.columns == theirs.columns
    ordered = "ORDER BY" in cypher
    mine = [_comparable(list(r)) for r in ours.rows]
    reference = [_comparable(list(r)) for r in theirs.rows]
    if not ordered:
        mine, reference = sorted(mine, key=repr), sorted(reference, key=repr)
    assert mine == reference
