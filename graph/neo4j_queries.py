"""Every Cypher statement the Neo4j store runs, as ``LiteralString`` constants.

Nothing here is formatted from input: values travel as parameters, and where a relationship type
must vary (the aggregated actor-to-actor edges) there is one pre-written statement per
:class:`~graph.model.RelationType`, chosen from a dict. ``docs/data-model.md`` describes the model.

Model (written by :mod:`graph.neo4j_store`)::

    (:Claim)-[:SOURCE]->(:Actor)   (:Claim)-[:TARGET]->(:Actor)   (:Claim)-[:STATED_IN]->(:Document)
    (:Actor)-[:ALLIED_WITH|TRUCE_WITH|MEMBER_OF|OPERATES_WITH|SUPPORTS|FIGHTS]->(:Actor)
    (:PlaceClaim)-[:ACTOR]->(:Actor)   (:PlaceClaim)-[:PLACE]->(:Place)
    (:PlaceClaim)-[:STATED_IN]->(:Document)
"""

from __future__ import annotations

from typing import LiteralString

from graph.model import RelationType

# -- schema -----------------------------------------------------------------------------------

SCHEMA: tuple[LiteralString, ...] = (
    "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE",
    "CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE",
    "CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (c:Claim) REQUIRE c.id IS UNIQUE",
    "CREATE CONSTRAINT place_name IF NOT EXISTS FOR (p:Place) REQUIRE p.name IS UNIQUE",
    "CREATE CONSTRAINT place_claim_id IF NOT EXISTS FOR (p:PlaceClaim) REQUIRE p.id IS UNIQUE",
    "CREATE INDEX claim_date IF NOT EXISTS FOR (c:Claim) ON (c.date)",
    # Aggregation and evidence look claims up by "source|target|type" of the (ordered) pair.
    "CREATE INDEX claim_pair_key IF NOT EXISTS FOR (c:Claim) ON (c.pair_key)",
    "CREATE INDEX actor_search_keys IF NOT EXISTS FOR (a:Actor) ON (a.search_keys)",
    "CREATE INDEX document_date IF NOT EXISTS FOR (d:Document) ON (d.date)",
)

PING: LiteralString = "RETURN 1 AS ok"

# -- writes -----------------------------------------------------------------------------------

READ_ACTORS_BY_ID: LiteralString = """
MATCH (a:Actor) WHERE a.id IN $ids
RETURN a.id AS id, a.name AS name, a.aliases AS aliases, a.kind AS kind, a.curated AS curated,
       a.valid_from AS valid_from, a.valid_until AS valid_until
"""

MERGE_ACTORS: LiteralString = """
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a.name = row.name, a.aliases = row.aliases, a.kind = row.kind, a.curated = row.curated,
    a.valid_from = row.valid_from, a.valid_until = row.valid_until,
    a.search_keys = row.search_keys
"""

MERGE_DOCUMENTS: LiteralString = """
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.title = row.title, d.source = row.source, d.url = row.url, d.date = row.date,
    d.path = row.path
"""

MISSING_ACTORS: LiteralString = """
UNWIND $ids AS id
OPTIONAL MATCH (a:Actor {id: id})
WITH id, a WHERE a IS NULL
RETURN collect(id) AS missing
"""

MISSING_DOCUMENTS: LiteralString = """
UNWIND $ids AS id
OPTIONAL MATCH (d:Document {id: id})
WITH id, d WHERE d IS NULL
RETURN collect(id) AS missing
"""

MERGE_CLAIMS: LiteralString = """
UNWIND $rows AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
MATCH (d:Document {id: row.doc})
MERGE (c:Claim {id: row.id})
SET c.type = row.type, c.polarity = row.polarity, c.confidence = row.confidence,
    c.hedged = row.hedged, c.negated = row.negated, c.date = row.date,
    c.sentence = row.sentence, c.start = row.start, c.end = row.end, c.trigger = row.trigger,
    c.mentions_json = row.mentions_json, c.pair_key = row.pair_key
MERGE (c)-[:SOURCE]->(s)
MERGE (c)-[:TARGET]->(t)
MERGE (c)-[:STATED_IN]->(d)
"""

MERGE_PLACE_CLAIMS: LiteralString = """
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor})
MATCH (d:Document {id: row.doc})
MERGE (p:Place {name: row.place})
MERGE (pc:PlaceClaim {id: row.id})
SET pc.action = row.action, pc.confidence = row.confidence, pc.hedged = row.hedged,
    pc.negated = row.negated, pc.date = row.date, pc.trigger = row.trigger,
    pc.sentence = row.sentence, pc.start = row.start, pc.end = row.end,
    pc.mentions_json = row.mentions_json
MERGE (pc)-[:ACTOR]->(a)
MERGE (pc)-[:PLACE]->(p)
MERGE (pc)-[:STATED_IN]->(d)
"""

# Recompute the aggregated edge of each touched (source, target) pair from its claims. The
# statement is identical for every type except the relationship type in the MERGE.
_AGGREGATE_HEAD: LiteralString = """
UNWIND $rows AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
CALL (row) {
  MATCH (c:Claim {pair_key: row.key})-[:STATED_IN]->(d:Document)
  WHERE NOT c.negated
  RETURN count(c) AS claims, count(DISTINCT d) AS documents,
         count(DISTINCT CASE WHEN coalesce(d.source, '') = '' THEN d.id ELSE d.source END)
           AS outlets,
         min(coalesce(c.date, d.date)) AS first_seen,
         max(coalesce(c.date, d.date)) AS last_seen,
         round(avg(c.confidence), 6) AS mean_confidence,
         min(CASE WHEN c.hedged THEN 1 ELSE 0 END) = 1 AS hedged_only
}
WITH s, t, claims, documents, outlets, first_seen, last_seen, mean_confidence, hedged_only
WHERE claims > 0
"""

_AGGREGATE_TAIL: LiteralString = """
SET r.claims = claims, r.documents = documents, r.outlets = outlets,
    r.first_seen = first_seen, r.last_seen = last_seen,
    r.mean_confidence = mean_confidence, r.hedged_only = hedged_only
"""

AGGREGATE_RELATION: dict[RelationType, LiteralString] = {
    RelationType.ALLIANCE: _AGGREGATE_HEAD + "MERGE (s)-[r:ALLIED_WITH]->(t)" + _AGGREGATE_TAIL,
    RelationType.TRUCE: _AGGREGATE_HEAD + "MERGE (s)-[r:TRUCE_WITH]->(t)" + _AGGREGATE_TAIL,
    RelationType.MEMBERSHIP: _AGGREGATE_HEAD + "MERGE (s)-[r:MEMBER_OF]->(t)" + _AGGREGATE_TAIL,
    RelationType.JOINT_OPERATION: (
        _AGGREGATE_HEAD + "MERGE (s)-[r:OPERATES_WITH]->(t)" + _AGGREGATE_TAIL
    ),
    RelationType.SUPPORT: _AGGREGATE_HEAD + "MERGE (s)-[r:SUPPORTS]->(t)" + _AGGREGATE_TAIL,
    RelationType.HOSTILITY: _AGGREGATE_HEAD + "MERGE (s)-[r:FIGHTS]->(t)" + _AGGREGATE_TAIL,
}

# Delete in chunks so a large graph never needs one huge transaction (auto-commit only).
# Relationships go first: detach-deleting 10,000 nodes at once would take every relationship of
# each actor along (thousands per actor) and can exhaust the server's heap.
CLEAR: tuple[LiteralString, ...] = (
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
    "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS",
)

# -- reads ------------------------------------------------------------------------------------

COUNTS: LiteralString = """
CALL () { MATCH (a:Actor) RETURN count(a) AS actors }
CALL () { MATCH (d:Document) RETURN count(d) AS documents }
CALL () { MATCH (c:Claim) RETURN count(c) AS claims }
CALL () { MATCH (p:Place) RETURN count(p) AS places }
CALL () {
  MATCH (:Actor)-[r:ALLIED_WITH|TRUCE_WITH|MEMBER_OF|OPERATES_WITH|SUPPORTS|FIGHTS]->(:Actor)
  RETURN count(r) AS relations
}
RETURN actors, documents, claims, places, relations
"""

RAW_COUNTS: LiteralString = """
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
"""

_ACTOR_FIELDS: LiteralString = """
RETURN a.id AS id, a.name AS name, a.aliases AS aliases, a.kind AS kind, a.curated AS curated,
       a.valid_from AS valid_from, a.valid_until AS valid_until
"""

ACTOR_BY_ID: LiteralString = "MATCH (a:Actor {id: $id})" + _ACTOR_FIELDS

ACTORS_BY_IDS: LiteralString = "MATCH (a:Actor) WHERE a.id IN $ids" + _ACTOR_FIELDS

ALL_ACTORS: LiteralString = "MATCH (a:Actor)" + _ACTOR_FIELDS + "ORDER BY a.id"

SEARCH_ACTORS: LiteralString = (
    "MATCH (a:Actor) WHERE any(k IN a.search_keys WHERE k CONTAINS $key)" + _ACTOR_FIELDS
)

_RELATION_FIELDS: LiteralString = """
       r.claims AS claims, r.documents AS documents, r.outlets AS outlets,
       r.first_seen AS first_seen, r.last_seen AS last_seen,
       r.mean_confidence AS mean_confidence, r.hedged_only AS hedged_only
"""

AGGREGATED_RELATIONS: LiteralString = """
MATCH (s:Actor)-[r:ALLIED_WITH|TRUCE_WITH|MEMBER_OF|OPERATES_WITH|SUPPORTS|FIGHTS]->(t:Actor)
WHERE type(r) IN $rel_types AND r.outlets >= $min_sources
RETURN s.id AS source, t.id AS target, type(r) AS rel_type,""" + _RELATION_FIELDS

# Claim-level filters (date window on the claim date or else the document date, confidence,
# hedging) need the claims themselves; edges are re-aggregated from those that pass.
RELATIONS_FROM_CLAIMS: LiteralString = """
MATCH (c:Claim)-[:STATED_IN]->(d:Document)
WHERE NOT c.negated AND c.type IN $types AND c.confidence >= $min_confidence
  AND ($include_hedged OR NOT c.hedged)
WITH c, d, coalesce(c.date, d.date) AS day
WHERE ($since IS NULL OR day >= $since) AND ($until IS NULL OR day <= $until)
WITH c.pair_key AS key, c.type AS type,
     count(c) AS claims, count(DISTINCT d) AS documents,
     count(DISTINCT CASE WHEN coalesce(d.source, '') = '' THEN d.id ELSE d.source END) AS outlets,
     min(day) AS first_seen, max(day) AS last_seen,
     round(avg(c.confidence), 6) AS mean_confidence,
     min(CASE WHEN c.hedged THEN 1 ELSE 0 END) = 1 AS hedged_only
WHERE outlets >= $min_sources
RETURN split(key, '|')[0] AS source, split(key, '|')[1] AS target, type, claims, documents,
       outlets, first_seen, last_seen, mean_confidence, hedged_only
"""

_CLAIM_FIELDS: LiteralString = """
RETURN c.id AS id, s.id AS source, t.id AS target, c.type AS type, c.polarity AS polarity,
       c.confidence AS confidence, c.hedged AS hedged, c.negated AS negated, c.date AS date,
       c.trigger AS trigger, d.id AS doc, c.sentence AS sentence, c.start AS start,
       c.end AS end, c.mentions_json AS mentions_json, d.date AS doc_date
"""

CLAIMS_BY_PAIR_KEYS: LiteralString = """
MATCH (c:Claim) WHERE c.pair_key IN $keys
MATCH (c)-[:SOURCE]->(s:Actor)
MATCH (c)-[:TARGET]->(t:Actor)
MATCH (c)-[:STATED_IN]->(d:Document)
""" + _CLAIM_FIELDS

FILTERED_CLAIMS: LiteralString = """
MATCH (c:Claim)-[:STATED_IN]->(d:Document)
WHERE c.type IN $types AND c.confidence >= $min_confidence AND ($include_hedged OR NOT c.hedged)
WITH c, d, coalesce(c.date, d.date) AS day
WHERE ($since IS NULL OR day >= $since) AND ($until IS NULL OR day <= $until)
MATCH (c)-[:SOURCE]->(s:Actor)
MATCH (c)-[:TARGET]->(t:Actor)
""" + _CLAIM_FIELDS

PLACE_CLAIMS: LiteralString = """
MATCH (pc:PlaceClaim)-[:ACTOR]->(a:Actor)
WHERE $actor IS NULL OR a.id = $actor
MATCH (pc)-[:PLACE]->(p:Place)
MATCH (pc)-[:STATED_IN]->(d:Document)
RETURN pc.id AS id, a.id AS actor, p.name AS place, pc.action AS action,
       pc.confidence AS confidence, pc.hedged AS hedged, pc.negated AS negated, pc.date AS date,
       pc.trigger AS trigger, d.id AS doc, pc.sentence AS sentence, pc.start AS start,
       pc.end AS end, pc.mentions_json AS mentions_json
"""

_DOCUMENT_FIELDS: LiteralString = """
RETURN d.id AS id, d.title AS title, d.source AS source, d.url AS url, d.date AS date,
       d.path AS path
"""

ALL_DOCUMENTS: LiteralString = "MATCH (d:Document)" + _DOCUMENT_FIELDS

DOCUMENTS_BY_IDS: LiteralString = "MATCH (d:Document) WHERE d.id IN $ids" + _DOCUMENT_FIELDS

# Variable-length bounds cannot be parameters, so the search runs to MAX_PATH_HOPS and the
# store keeps paths no longer than the caller's max_hops.
MAX_PATH_HOPS = 8

SHORTEST_PATHS: LiteralString = """
MATCH (a:Actor {id: $source})
MATCH (b:Actor {id: $target})
MATCH p = allShortestPaths(
  (a)-[:ALLIED_WITH|TRUCE_WITH|MEMBER_OF|OPERATES_WITH|SUPPORTS|FIGHTS*..8]-(b))
WHERE all(r IN relationships(p) WHERE type(r) IN $rel_types AND r.outlets >= $min_sources)
  AND all(n IN nodes(p) WHERE $include_discovered OR n.curated)
WITH p WHERE length(p) <= $max_hops
RETURN [n IN nodes(p) | n.id] AS actors,
       [r IN relationships(p) | [startNode(r).id, endNode(r).id, type(r)]] AS steps
LIMIT $safety_limit
"""

# -- bulk comparison (bench/load.py) ----------------------------------------------------------

# Every (pair, type) that has claims: lets a server-side import rebuild all aggregated edges with
# the same AGGREGATE_RELATION statements the batched writer uses.
ALL_PAIR_KEYS: LiteralString = """
MATCH (c:Claim)
WITH DISTINCT c.pair_key AS key, c.type AS type
RETURN key, type, split(key, '|')[0] AS source, split(key, '|')[1] AS target
"""

# LOAD CSV of the same rows from the server's import directory (auto-commit transactions only,
# because of CALL ... IN TRANSACTIONS). Empty CSV fields arrive as null.
LOAD_CSV_ACTORS: LiteralString = """
LOAD CSV WITH HEADERS FROM 'file:///actors.csv' AS row
CALL (row) {
  MERGE (a:Actor {id: row.id})
  SET a.name = row.name, a.aliases = CASE WHEN row.aliases IS NULL THEN []
        ELSE split(row.aliases, '|') END,
      a.kind = row.kind, a.curated = toBoolean(row.curated),
      a.search_keys = split(row.search_keys, '|')
} IN TRANSACTIONS OF 10000 ROWS
"""

LOAD_CSV_DOCUMENTS: LiteralString = """
LOAD CSV WITH HEADERS FROM 'file:///documents.csv' AS row
CALL (row) {
  MERGE (d:Document {id: row.id})
  SET d.title = coalesce(row.title, ''), d.source = coalesce(row.source, ''),
      d.url = coalesce(row.url, ''), d.path = coalesce(row.path, ''),
      d.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END
} IN TRANSACTIONS OF 10000 ROWS
"""

LOAD_CSV_CLAIMS: LiteralString = """
LOAD CSV WITH HEADERS FROM 'file:///claims.csv' AS row
CALL (row) {
  MATCH (s:Actor {id: row.source})
  MATCH (t:Actor {id: row.target})
  MATCH (d:Document {id: row.doc})
  MERGE (c:Claim {id: row.id})
  SET c.type = row.type, c.polarity = row.polarity, c.confidence = toFloat(row.confidence),
      c.hedged = toBoolean(row.hedged), c.negated = toBoolean(row.negated),
      c.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END,
      c.sentence = row.sentence, c.start = toInteger(row.start), c.end = toInteger(row.end),
      c.trigger = coalesce(row.trigger, ''), c.mentions_json = row.mentions_json,
      c.pair_key = row.pair_key
  MERGE (c)-[:SOURCE]->(s)
  MERGE (c)-[:TARGET]->(t)
  MERGE (c)-[:STATED_IN]->(d)
} IN TRANSACTIONS OF 10000 ROWS
"""
