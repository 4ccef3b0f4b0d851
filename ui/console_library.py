"""Example queries for the Cypher console, written for the Neo4j data model (docs/data-model.md).

These are texts analysts read, edit and run in the console, not statements the app runs on its
own (those live in ``graph.neo4j_queries``). Each one is read-only and takes named parameters.

Model::

    (:Actor {id, name, aliases, kind, curated})
    (:Actor)-[:ALLIED_WITH|TRUCE_WITH|MEMBER_OF|OPERATES_WITH|SUPPORTS|FIGHTS
              {claims, documents, outlets, first_seen, last_seen, mean_confidence,
               hedged_only}]->(:Actor)
    (:Claim {type, polarity, confidence, hedged, negated, date, sentence})
        -[:SOURCE]->(:Actor), -[:TARGET]->(:Actor), -[:STATED_IN]->(:Document {title, source,
        url, date})
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ExampleQuery:
    """A named console example with default parameters."""

    title: str
    cypher: str
    params: dict[str, object] = field(default_factory=dict)


EXAMPLES: tuple[ExampleQuery, ...] = (
    ExampleQuery(
        "Members of a coalition",
        "MATCH (m:Actor)-[r:MEMBER_OF]->(c:Actor {id: $coalition})\n"
        "RETURN m.name AS member, r.outlets AS outlets, r.first_seen AS first_seen\n"
        "ORDER BY outlets DESC",
        {"coalition": "fatah-halab"},
    ),
    ExampleQuery(
        "Who fought whom in a date window",
        "MATCH (a:Actor)-[r:FIGHTS]->(b:Actor)\n"
        "WHERE r.last_seen >= date($since) AND r.first_seen <= date($until)\n"
        "RETURN a.name AS attacker, b.name AS target, r.claims AS claims,\n"
        "       r.first_seen AS first_seen, r.last_seen AS last_seen\n"
        "ORDER BY claims DESC",
        {"since": "2016-01-01", "until": "2016-03-31"},
    ),
    ExampleQuery(
        "Actors with both ally and hostile ties to each other",
        "MATCH (a:Actor)-[f:FIGHTS]-(b:Actor)\n"
        "MATCH (a)-[p:ALLIED_WITH|TRUCE_WITH|OPERATES_WITH|SUPPORTS|MEMBER_OF]-(b)\n"
        "WHERE a.id < b.id\n"
        "RETURN a.name AS actor, b.name AS other, type(p) AS cooperation,\n"
        "       f.claims AS hostile_claims, p.claims AS ally_claims",
    ),
    ExampleQuery(
        "Evidence for a pair",
        "MATCH (c:Claim)-[:SOURCE|TARGET]->(a:Actor {id: $a})\n"
        "MATCH (c)-[:SOURCE|TARGET]->(b:Actor {id: $b})\n"
        "MATCH (c)-[:STATED_IN]->(d:Document)\n"
        "RETURN c.type AS relation, c.sentence AS sentence, c.hedged AS hedged,\n"
        "       c.negated AS negated, d.title AS document, d.source AS outlet,\n"
        "       coalesce(c.date, d.date) AS date\n"
        "ORDER BY date",
        {"a": "jabhat-al-shamiya", "b": "ypg"},
    ),
    ExampleQuery(
        "Most-cited ties",
        "MATCH (a:Actor)-[r]->(b:Actor)\n"
        "RETURN a.name AS source, type(r) AS relation, b.name AS target,\n"
        "       r.outlets AS outlets, r.claims AS claims\n"
        "ORDER BY outlets DESC, claims DESC LIMIT $limit",
        {"limit": 20},
    ),
    ExampleQuery(
        "Support received",
        "MATCH (giver:Actor)-[r:SUPPORTS]->(taker:Actor)\n"
        "RETURN taker.name AS supported, collect(giver.name) AS supporters,\n"
        "       sum(r.claims) AS claims\n"
        "ORDER BY claims DESC",
    ),
    ExampleQuery(
        "Coalitions and their members",
        "MATCH (c:Actor {kind: 'coalition'})<-[:MEMBER_OF]-(m:Actor)\n"
        "RETURN c.name AS coalition, count(m) AS members, collect(m.name) AS names\n"
        "ORDER BY members DESC",
    ),
    ExampleQuery(
        "Ties seen only in hedged claims",
        "MATCH (a:Actor)-[r]->(b:Actor)\n"
        "WHERE r.hedged_only = true\n"
        "RETURN a.name AS source, type(r) AS relation, b.name AS target, r.claims AS claims",
    ),
    ExampleQuery(
        "Claims per outlet",
        "MATCH (c:Claim)-[:STATED_IN]->(d:Document)\n"
        "RETURN d.source AS outlet, count(c) AS claims\n"
        "ORDER BY claims DESC",
    ),
    ExampleQuery(
        "Who an actor acts on (as a network)",
        "MATCH (a:Actor {id: $id})-[r]->(b:Actor)\n"
        "RETURN a, r, b LIMIT 100",
        {"id": "jabhat-al-shamiya"},
    ),
    ExampleQuery(
        "Shortest path between two actors (Neo4j)",
        "MATCH p = shortestPath((a:Actor {id: $a})-[*..4]-(b:Actor {id: $b}))\n"
        "RETURN p",
        {"a": "russia", "b": "jabhat-al-shamiya"},
    ),
    ExampleQuery(
        "Discovered actors (not curated)",
        "MATCH (a:Actor)\n"
        "WHERE a.curated = false\n"
        "RETURN a.id AS id, a.name AS name, a.kind AS kind\n"
        "ORDER BY name",
    ),
)
