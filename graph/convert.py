"""Turn a :class:`~graph.model.Subgraph` into the networkx graph analytics and the UI consume.

Both stores call :func:`to_networkx`, so a graph looks the same whichever store produced it.

Examples
--------
>>> from graph.model import Actor, AggregatedRelation, RelationType, Subgraph
>>> sub = Subgraph(
...     actors=(Actor(id="a", name="A"), Actor(id="b", name="B")),
...     relations=(AggregatedRelation(source="a", target="b", type=RelationType.HOSTILITY,
...                                   polarity=RelationType.HOSTILITY.polarity, claims=2,
...                                   documents=2, outlets=1),),
... )
>>> G = to_networkx(sub)
>>> G.edges["a", "b", "hostility"]["sign"]
-1
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from graph.aggregate import actor_search_keys
from graph.model import (
    Actor,
    AggregatedRelation,
    Claim,
    Document,
    Evidence,
    PlaceClaim,
    RelationType,
    Subgraph,
)

Row = dict[str, Any]


def relation_attributes(relation: AggregatedRelation) -> dict[str, object]:
    """Edge attributes of one aggregated relation (dates as ISO strings)."""
    return {
        "type": relation.type.value,
        "polarity": relation.polarity.value,
        "sign": relation.polarity.sign,
        "claims": relation.claims,
        "documents": relation.documents,
        "outlets": relation.outlets,
        "first_seen": relation.first_seen.isoformat() if relation.first_seen else None,
        "last_seen": relation.last_seen.isoformat() if relation.last_seen else None,
        "mean_confidence": relation.mean_confidence,
        "hedged_only": relation.hedged_only,
    }


def to_networkx(subgraph: Subgraph) -> nx.MultiDiGraph:
    """A ``MultiDiGraph``: actor-id nodes, one edge per relation keyed by its type value.

    Node attributes: ``name``, ``kind``, ``curated``, ``aliases`` (list). Edge attributes: see
    :func:`relation_attributes`. Graph attributes: ``total_actors`` and ``trimmed``.
    """
    graph = nx.MultiDiGraph(total_actors=subgraph.total_actors, trimmed=subgraph.trimmed)
    for actor in subgraph.actors:
        graph.add_node(
            actor.id,
            name=actor.name,
            kind=actor.kind.value,
            curated=actor.curated,
            aliases=list(actor.aliases),
        )
    for relation in subgraph.relations:
        graph.add_edge(
            relation.source, relation.target, key=relation.type.value,
            **relation_attributes(relation),
        )
    return graph


# -- property records shared by the Neo4j writer and the embedded Cypher view --------------


def pair_key(source: str, target: str, type: RelationType) -> str:
    """Key of the aggregated edge a claim belongs to (actor ids never contain ``|``)."""
    return f"{source}|{target}|{type.value}"


def actor_row(actor: Actor) -> Row:
    return {
        "id": actor.id, "name": actor.name, "aliases": list(actor.aliases),
        "kind": actor.kind.value, "curated": actor.curated, "valid_from": actor.valid_from,
        "valid_until": actor.valid_until, "search_keys": actor_search_keys(actor),
    }


def document_row(doc: Document) -> Row:
    return {"id": doc.id, "title": doc.title, "source": doc.source, "url": doc.url,
            "date": doc.date, "path": doc.path}


def _mentions_json(evidence: Evidence) -> str:
    return json.dumps([m.model_dump() for m in evidence.mentions], ensure_ascii=False)


def claim_row(claim: Claim) -> Row:
    source, target = claim.pair
    ev = claim.evidence
    return {
        "id": claim.id, "source": claim.source, "target": claim.target, "doc": ev.doc,
        "type": claim.type.value, "polarity": claim.polarity.value,
        "confidence": claim.confidence, "hedged": claim.hedged, "negated": claim.negated,
        "date": claim.date, "sentence": ev.sentence, "start": ev.start, "end": ev.end,
        "trigger": claim.trigger, "mentions_json": _mentions_json(ev),
        "pair_key": pair_key(source, target, claim.type),
    }


def place_row(place: PlaceClaim) -> Row:
    ev = place.evidence
    return {
        "id": place.id, "actor": place.actor, "place": place.place, "doc": ev.doc,
        "action": place.action.value, "confidence": place.confidence, "hedged": place.hedged,
        "negated": place.negated, "date": place.date, "trigger": place.trigger,
        "sentence": ev.sentence, "start": ev.start, "end": ev.end,
        "mentions_json": _mentions_json(ev),
    }
