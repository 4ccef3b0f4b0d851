"""Signed projection: signs from the vocabulary, weights from sources, contested pairs kept."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from graph.balance import triangle_census
from graph.model import Extraction, RelationType
from graph.signed import contested_pairs, signed_projection
from graph.store import GraphStore
from tests.factories import NUSRA, SAA, SHAMIYA, YPG


def relation(G: nx.MultiDiGraph, a: str, b: str, kind: RelationType, *, documents: int = 1,
             confidence: float = 1.0, first: str | None = None, last: str | None = None) -> None:
    G.add_edge(a, b, key=kind.value, type=kind.value, documents=documents,
               mean_confidence=confidence, first_seen=first, last_seen=last or first)


@pytest.mark.parametrize("kind", list(RelationType))
def test_sign_follows_the_vocabulary(kind: RelationType) -> None:
    G = nx.MultiDiGraph()
    relation(G, "a", "b", kind)
    assert signed_projection(G).edges["a", "b"]["sign"] == kind.polarity.sign


def test_weight_adds_distinct_sources_times_confidence_across_same_sign_types() -> None:
    G = nx.MultiDiGraph()
    relation(G, "a", "b", RelationType.ALLIANCE, documents=2, confidence=0.9)
    relation(G, "b", "a", RelationType.JOINT_OPERATION, documents=1, confidence=0.5)
    P = signed_projection(G)
    assert P.number_of_edges() == 1
    tie = P.edges["a", "b"]
    assert tie["sign"] == 1 and tie["weight"] == pytest.approx(2.3)
    assert tie["types"] == ("alliance", "joint_operation")
    assert {(r.source, r.target, r.type) for r in tie["relations"]} == {
        ("a", "b", "alliance"), ("b", "a", "joint_operation")}


def test_contested_pair_is_listed_not_netted() -> None:
    G = nx.MultiDiGraph()
    relation(G, "x", "y", RelationType.HOSTILITY, documents=3, confidence=0.8)
    relation(G, "x", "y", RelationType.TRUCE, documents=1, confidence=0.6)
    excluded = signed_projection(G)
    assert excluded.edges["x", "y"]["sign"] == 0
    [pair] = contested_pairs(excluded)
    assert (pair.positive_support, pair.negative_support) == (pytest.approx(0.6),
                                                              pytest.approx(2.4))
    assert pair.positive_types == ("truce",) and pair.negative_types == ("hostility",)
    majority = signed_projection(G, contested="majority")
    assert majority.edges["x", "y"]["sign"] == -1 and majority.edges["x", "y"]["contested"]
    assert contested_pairs(majority)[0].sign == -1


def test_excluded_contested_tie_closes_no_triangle() -> None:
    G = nx.MultiDiGraph()
    relation(G, "a", "b", RelationType.ALLIANCE)
    relation(G, "b", "c", RelationType.ALLIANCE)
    relation(G, "a", "c", RelationType.ALLIANCE)
    relation(G, "a", "c", RelationType.HOSTILITY)
    assert triangle_census(signed_projection(G)).triangles == 0
    assert triangle_census(signed_projection(G, contested="majority")).triangles == 0  # a tie
    relation(G, "c", "a", RelationType.SUPPORT)
    assert triangle_census(signed_projection(G, contested="majority")).by_pattern["+++"] == 1


def test_window_keeps_relations_overlapping_it() -> None:
    G = nx.MultiDiGraph()
    relation(G, "a", "b", RelationType.HOSTILITY, first="2016-01-05", last="2016-01-20")
    relation(G, "a", "c", RelationType.ALLIANCE, first="2016-03-01", last="2016-06-01")
    relation(G, "b", "c", RelationType.ALLIANCE)  # undated: always in
    P = signed_projection(G, since=date(2016, 2, 1), until=date(2016, 4, 1))
    assert sorted(map(sorted, P.edges())) == [["a", "c"], ["b", "c"]]


def test_unknown_rule_is_refused() -> None:
    with pytest.raises(ValueError, match="contested"):
        signed_projection(nx.MultiDiGraph(), contested="net")  # type: ignore[arg-type]


def test_projection_of_a_store_graph(embedded_store: GraphStore,
                                     sample_batch: Extraction) -> None:
    embedded_store.load(sample_batch)
    P = signed_projection(embedded_store.to_networkx())
    assert P.nodes[SAA]["name"] == "Syrian Arab Army"
    assert P.edges[SHAMIYA, YPG]["contested"] and P.edges[SHAMIYA, YPG]["sign"] == 0
    # The SAA-Nusra hostility is hedged only: lower confidence, so less weight than a
    # confidently reported tie from one document.
    assert P.edges[SAA, NUSRA]["sign"] == -1
    assert P.edges[SAA, NUSRA]["weight"] < P.edges[SAA, SHAMIYA]["weight"]
    assert [(c.source, c.target) for c in contested_pairs(P)] == [tuple(sorted((SHAMIYA, YPG)))]
