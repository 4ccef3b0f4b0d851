"""Blocs and brokers on hand-built signed graphs with known answers."""

from __future__ import annotations

import itertools
import random

import networkx as nx
import pytest

from graph.blocs import (
    bloc_assignment,
    frustration_count,
    positive_communities,
    signed_partition,
)
from graph.influence import betweenness, brokers, positive_pagerank, signed_degree
from graph.model import Extraction, GraphFilter
from graph.store import GraphStore
from tests.factories import AHRAR, FATAH, NUSRA, RUSSIA, SAA, SHAMIYA


def two_blocs() -> nx.Graph:
    """Government and rebels: allies inside each side, hostility across."""
    P = nx.Graph()
    gov, reb = ["saa", "russia", "hezbollah", "ndf"], ["fsa", "ahrar", "shamiya", "halab"]
    for side in (gov, reb):
        P.add_edges_from(itertools.combinations(side, 2), sign=1)
    P.add_edges_from([("saa", "fsa"), ("saa", "ahrar"), ("russia", "shamiya"),
                      ("ndf", "halab"), ("hezbollah", "ahrar")], sign=-1)
    return P


def planted(n: int, blocs: int, ties: int, noise: float, seed: int) -> tuple[nx.Graph, list[int]]:
    rng = random.Random(seed)
    side = [rng.randrange(blocs) for _ in range(n)]
    P = nx.Graph()
    while P.number_of_edges() < ties:
        u, v = rng.sample(range(n), 2)
        sign = 1 if side[u] == side[v] else -1
        P.add_edge(u, v, sign=-sign if rng.random() < noise else sign)
    return P, side


def test_clean_two_bloc_graph_splits_with_no_frustration() -> None:
    part = signed_partition(two_blocs(), seed=3)
    assert part.frustration == 0
    assert sorted(b.members for b in part.blocs) == [
        ("ahrar", "fsa", "halab", "shamiya"), ("hezbollah", "ndf", "russia", "saa")]
    assert [(b.internal_positive, b.internal_negative) for b in part.blocs] == [(6, 0), (6, 0)]
    assert part.membership["saa"] == part.membership["russia"] != part.membership["fsa"]


def test_three_mutually_hostile_blocs_are_not_forced_into_two() -> None:
    P = nx.Graph()
    groups = [["a1", "a2"], ["b1", "b2"], ["c1", "c2"]]
    for g in groups:
        P.add_edge(*g, sign=1)
    for g, h in itertools.combinations(groups, 2):
        P.add_edges_from(itertools.product(g, h), sign=-1)
    part = signed_partition(P, seed=0)
    assert part.frustration == 0
    assert sorted(b.members for b in part.blocs) == [tuple(g) for g in groups]


def test_unbalanced_triangle_costs_one_tie() -> None:
    P = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": 1}), ("a", "c", {"sign": -1})])
    part = signed_partition(P, seed=0)
    assert part.frustration == 1
    assert frustration_count(P, part.membership) == 1


@pytest.mark.parametrize("seed", [1, 11, 23])
def test_planted_blocs_are_recovered_despite_noise(seed: int) -> None:
    P, side = planted(300, blocs=3, ties=3000, noise=0.05, seed=seed)
    planted_cost = frustration_count(P, dict(enumerate(side)))
    part = signed_partition(P, seed=5)
    assert part.frustration <= planted_cost
    assert part.frustration == frustration_count(P, {int(k): v for k, v in
                                                     part.membership.items()})
    big = [b for b in part.blocs if b.size > 10]
    assert len(big) == 3
    for bloc in big:  # each found bloc is (almost) one planted bloc
        sides = [side[int(m)] for m in bloc.members]
        assert max(map(sides.count, set(sides))) >= 0.9 * len(sides)


def test_same_seed_same_blocs_and_weights_change_the_objective() -> None:
    P, _ = planted(120, blocs=2, ties=500, noise=0.1, seed=2)
    assert signed_partition(P, seed=9) == signed_partition(P, seed=9)
    # One heavy alliance across an otherwise hostile divide pulls its ends together only when
    # the weights count.
    Q = two_blocs()
    nx.set_edge_attributes(Q, 1.0, "weight")
    Q.edges["saa", "fsa"].update(sign=1, weight=10.0)
    assert signed_partition(Q, seed=1).frustration == 1
    weighted = signed_partition(Q, seed=1, weight="weight")
    assert weighted.membership["saa"] == weighted.membership["fsa"]


def test_start_from_positive_communities() -> None:
    P = two_blocs()
    communities = positive_communities(P, seed=4)
    assert communities is not None and len(communities) == 2
    part = signed_partition(P, seed=4, init=communities, restarts=1)
    assert part.frustration == 0 and part.restarts == 1


def test_positive_communities_ignore_hostility_and_skip_when_too_big() -> None:
    P = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": -1}), ("c", "d", {"sign": -1})])
    assert positive_communities(P, seed=0) == [["a", "b"], ["c"], ["d"]]
    assert positive_communities(P, seed=0, max_edges=0) is None


def test_contested_ties_do_not_pull_blocs() -> None:
    P = two_blocs()
    P.add_edge("saa", "halab", sign=0, contested=True)
    assert signed_partition(P, seed=3).frustration == 0


def test_broker_bridges_opposing_blocs() -> None:
    P = two_blocs()
    # Turkey is friendly with two rebels and two government allies: an even broker.
    P.add_edges_from([("turkey", "fsa"), ("turkey", "halab"), ("turkey", "russia"),
                      ("turkey", "saa")], sign=1)
    # Qatar leans to the rebels: a broker, but less even.
    P.add_edges_from([("qatar", "fsa"), ("qatar", "ahrar"), ("qatar", "shamiya"),
                      ("qatar", "ndf")], sign=1)
    part = signed_partition(P, seed=2)
    found = {b.actor: b for b in brokers(P, part.membership)}
    gov, reb = part.membership["saa"], part.membership["fsa"]
    assert next(iter(found)) == "turkey" and found["turkey"].evenness == 1.0
    assert found["qatar"].evenness == pytest.approx(1 / 3)
    assert set(found["turkey"].opposed) == set(found["qatar"].opposed) == {gov, reb}
    # Rebels whose only friends are rebels bridge nothing.
    assert "shamiya" not in found


def test_no_brokers_without_opposing_blocs() -> None:
    P = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": 1})])
    assert brokers(P, {"a": "A", "b": "B", "c": "C"}) == []


def test_signed_degree_pagerank_and_betweenness() -> None:
    P = two_blocs()
    P.add_edge("saa", "isis", sign=-1)
    deg = signed_degree(P)
    assert (deg["saa"].positive, deg["saa"].negative, deg["saa"].net) == (3, 3, 0)
    rank = positive_pagerank(P)
    assert sum(rank.values()) == pytest.approx(1.0)
    assert rank["isis"] < min(rank[a] for a in P if a != "isis")  # no allies
    exact, k = betweenness(P)
    assert k is None and max(exact, key=exact.__getitem__) == "saa"
    sampled, k = betweenness(P, seed=1, k=4)
    assert k is not None and set(sampled) == set(exact)


def test_bloc_assignment_colours_a_store_subgraph(embedded_store: GraphStore,
                                                   sample_batch: Extraction) -> None:
    embedded_store.load(sample_batch)
    sub = embedded_store.subgraph(GraphFilter())
    colours = bloc_assignment(sub)
    assert set(colours) == {a.id for a in sub.actors}
    assert colours[SAA] == colours[RUSSIA]
    assert colours[AHRAR] == colours[NUSRA] == colours[FATAH] == colours[SHAMIYA]
    assert colours[SAA] != colours[SHAMIYA]
