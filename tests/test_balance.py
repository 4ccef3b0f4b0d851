"""Structural balance and implied ties on small graphs with known answers."""

from __future__ import annotations

import itertools
import random

import networkx as nx
import pytest

from graph.balance import (
    implied_ties,
    iter_triangles,
    structural_balance,
    triangle_census,
    unbalanced_triads,
)
from graph.model import Extraction
from graph.signed import signed_projection
from graph.store import GraphStore
from tests.factories import ISIS, SAA, SHAMIYA


def triangle(s_ab: int, s_bc: int, s_ac: int, prefix: str = "") -> nx.Graph:
    a, b, c = (prefix + x for x in "abc")
    return nx.Graph([(a, b, {"sign": s_ab}), (b, c, {"sign": s_bc}), (a, c, {"sign": s_ac})])


@pytest.mark.parametrize(("signs", "pattern", "balanced"), [
    ((1, 1, 1), "+++", True),
    ((1, -1, -1), "+--", True),
    ((1, 1, -1), "++-", False),
    ((-1, -1, -1), "---", False),
])
def test_each_triangle_kind(signs: tuple[int, int, int], pattern: str, balanced: bool) -> None:
    census = triangle_census(triangle(*signs))
    assert census.by_pattern[pattern] == 1 and census.triangles == 1
    assert census.balanced_share == (1.0 if balanced else 0.0)
    triads, total = unbalanced_triads(triangle(*signs))
    assert total == (0 if balanced else 1) and len(triads) == total


def test_shares_over_a_mixed_graph() -> None:
    G = nx.union_all([triangle(1, 1, 1, "p"), triangle(1, -1, -1, "q"), triangle(1, 1, -1, "r"),
                      triangle(-1, -1, -1, "s")])
    census = triangle_census(G)
    assert (census.triangles, census.balanced, census.unbalanced) == (4, 2, 2)
    assert census.balanced_share == 0.5 and census.weakly_balanced_share == 0.75
    _, strict = unbalanced_triads(G)
    _, weak = unbalanced_triads(G, weak=True)
    assert (strict, weak) == (2, 1)


def random_signed(n: int, p: float, seed: int) -> nx.Graph:
    rng = random.Random(seed)
    G = nx.gnp_random_graph(n, p, seed=seed)
    for _, _, d in G.edges(data=True):
        d["sign"] = rng.choice((1, -1))
    return G


def test_triangle_enumeration_matches_brute_force() -> None:
    G = random_signed(60, 0.15, seed=4)
    found = {frozenset(t) for t in iter_triangles(G)}
    brute = {frozenset(t) for t in itertools.combinations(G, 3)
             if all(G.has_edge(x, y) for x, y in itertools.combinations(t, 2))}
    assert found == brute and len(found) == sum(nx.triangles(G).values()) // 3
    def product(t: frozenset[int]) -> int:
        a, b, c = sorted(t)
        return G.edges[a, b]["sign"] * G.edges[b, c]["sign"] * G.edges[a, c]["sign"]

    assert triangle_census(G).balanced == sum(1 for t in brute if product(t) > 0)


def test_sampled_census_estimates_the_exact_one() -> None:
    G = random_signed(400, 0.05, seed=8)
    exact = triangle_census(G)
    everything = triangle_census(G, exact_max_edges=0, samples=G.number_of_edges())
    assert everything.method == "sampled"
    assert everything.triangles == exact.triangles  # every triangle seen three times
    assert everything.balanced_share == pytest.approx(exact.balanced_share)
    half = triangle_census(G, exact_max_edges=0, samples=G.number_of_edges() // 2, seed=3)
    assert half.sampled_ties == G.number_of_edges() // 2
    assert half.balanced_share == pytest.approx(exact.balanced_share, abs=0.05)
    assert half.triangles == pytest.approx(exact.triangles, rel=0.15)


def test_structural_balance_of_two_clean_blocs_and_of_a_spoiled_one() -> None:
    P = nx.Graph()
    P.add_edges_from(itertools.combinations("abc", 2), sign=1)
    P.add_edges_from(itertools.combinations("xyz", 2), sign=1)
    P.add_edges_from(itertools.product("abc", "xyz"), sign=-1)
    clean = structural_balance(P, seed=0)
    assert clean.census.balanced_share == 1.0 and clean.frustration == 0
    assert clean.unbalanced_triads == ()
    P.edges["a", "x"]["sign"] = 1  # one friendly tie across the divide
    spoiled = structural_balance(P, seed=0)
    assert spoiled.frustration == 1
    assert spoiled.census.unbalanced == 4  # a-x with each of b, c, y, z
    assert all({"a", "x"} <= set(t.actors) for t in spoiled.unbalanced_triads)


def test_unbalanced_triads_link_to_the_claims_behind_them(embedded_store: GraphStore,
                                                          sample_batch: Extraction) -> None:
    embedded_store.load(sample_batch)
    P = signed_projection(embedded_store.to_networkx())
    triads, total = unbalanced_triads(P)
    assert total == len(triads) >= 1
    [mutual_enemies] = [t for t in triads if set(t.actors) == {ISIS, SAA, SHAMIYA}]
    assert mutual_enemies.signs == "---"
    for edge in mutual_enemies.edges:
        assert edge.types == ("hostility",)
        for rel in edge.relations:
            claims = embedded_store.evidence(rel.source, rel.target)
            assert claims and all({c.source, c.target} == {edge.source, edge.target}
                                  for c in claims)


def test_heaviest_triads_come_first_and_limit_applies() -> None:
    G = nx.union(triangle(1, 1, -1, "light"), triangle(1, 1, -1, "heavy"))
    nx.set_edge_attributes(G, 1.0, "weight")
    G.edges["heavya", "heavyb"]["weight"] = 5.0
    triads, total = unbalanced_triads(G, limit=1)
    assert total == 2 and [t.actors[0] for t in triads] == ["heavya"]
    assert triads[0].weight == 7.0


def test_the_three_implication_rules() -> None:
    P = nx.Graph([("ypg", "isis", {"sign": -1}), ("isis", "saa", {"sign": -1}),
                  ("saa", "russia", {"sign": 1}), ("russia", "iran", {"sign": 1})])
    got = {(t.source, t.target): (t.sign, t.rule, t.inferred) for t in implied_ties(P)}
    assert got[("saa", "ypg")] == (1, "enemy of my enemy", True)
    assert got[("isis", "russia")] == (-1, "ally of my enemy", True)
    assert got[("iran", "saa")] == (1, "ally of my ally", True)
    assert ("isis", "ypg") not in got  # a direct tie: nothing to infer


def test_implied_ties_rank_by_support_and_count_disagreement() -> None:
    P = nx.Graph()
    # a and b share three enemies and one friend-of-an-enemy path: + with support 3, against 1.
    for m in ("e1", "e2", "e3"):
        P.add_edge("a", m, sign=-1)
        P.add_edge("b", m, sign=-1)
    P.add_edge("a", "f", sign=1)
    P.add_edge("f", "b", sign=-1)
    P.add_edge("c", "e1", sign=-1)
    ties = implied_ties(P)
    top = ties[0]
    assert (top.source, top.target, top.sign, top.support, top.against) == ("a", "b", 1, 3, 1)
    assert set(top.via) == {"e1", "e2", "e3"}
    assert all(t.inferred for t in ties)
    assert implied_ties(P, min_support=3) == [top]


def test_contested_ties_block_inference_but_imply_nothing() -> None:
    P = nx.Graph([("a", "m", {"sign": 0}), ("m", "b", {"sign": -1}), ("a", "b", {"sign": 0})])
    assert implied_ties(P) == []


def test_implied_ties_are_never_stored(embedded_store: GraphStore,
                                      sample_batch: Extraction) -> None:
    embedded_store.load(sample_batch)
    before = embedded_store.counts()
    assert implied_ties(signed_projection(embedded_store.to_networkx()))
    assert embedded_store.counts() == before
