"""graph.visual: vis-network data from a subgraph, and the server-side layout."""

from __future__ import annotations

from datetime import date
from itertools import combinations

import networkx as nx
import pytest

from graph.model import (
    Actor,
    ActorKind,
    AggregatedRelation,
    GraphFilter,
    Polarity,
    RelationType,
    Subgraph,
)
from graph.visual import (
    ALLY_COLOR,
    HOSTILE_COLOR,
    KIND_STYLE,
    edge_id,
    layout,
    parse_edge_id,
    positive_communities,
    query_vis_data,
    vis_data,
)
from ui.state import Display, filters_from_params, filters_to_params


def rel(source: str, target: str, type_: RelationType, outlets: int = 1,
        hedged_only: bool = False) -> AggregatedRelation:
    return AggregatedRelation(source=source, target=target, type=type_, polarity=type_.polarity,
                              claims=outlets, documents=outlets, outlets=outlets,
                              hedged_only=hedged_only)


@pytest.fixture
def contested() -> Subgraph:
    actors = (Actor(id="levant", name="Levant Front", aliases=("Jabhat al-Shamiya",)),
              Actor(id="ypg", name="YPG", kind=ActorKind.MILITIA),
              Actor(id="saa", name="SAA", kind=ActorKind.STATE, curated=False))
    relations = (rel("levant", "ypg", RelationType.HOSTILITY, outlets=4),
                 rel("levant", "ypg", RelationType.TRUCE, outlets=1, hedged_only=True),
                 rel("saa", "levant", RelationType.HOSTILITY, outlets=2))
    return Subgraph(actors=actors, relations=relations)


def test_both_edges_of_a_contested_pair_are_kept_and_look_different(contested: Subgraph
                                                                    ) -> None:
    edges = {e["id"]: e for e in vis_data(contested)["edges"]}
    fight = edges["levant|ypg|hostility"]
    truce = edges["levant|ypg|truce"]
    assert fight["color"]["color"] == HOSTILE_COLOR and fight["dashes"] is True
    assert truce["color"]["color"] == ALLY_COLOR and truce["dashes"] is False
    # Parallel edges are curved differently so both stay visible.
    assert fight["smooth"]["roundness"] != truce["smooth"]["roundness"]
    assert "smooth" not in edges["saa|levant|hostility"]


def test_width_grows_with_sources_and_hedged_only_edges_are_faint(contested: Subgraph) -> None:
    edges = {e["id"]: e for e in vis_data(contested)["edges"]}
    assert (edges["levant|ypg|hostility"]["width"] > edges["saa|levant|hostility"]["width"]
            > edges["levant|ypg|truce"]["width"])
    assert edges["levant|ypg|truce"]["color"]["opacity"] < edges["levant|ypg|hostility"][
        "color"]["opacity"]


def test_nodes_show_kind_by_shape_and_text_titles(contested: Subgraph) -> None:
    nodes = {n["id"]: n for n in vis_data(contested)["nodes"]}
    assert nodes["saa"]["shape"] == KIND_STYLE[ActorKind.STATE][0]
    assert nodes["ypg"]["shape"] == KIND_STYLE[ActorKind.MILITIA][0]
    assert "Jabhat al-Shamiya" in nodes["levant"]["title"]
    assert "discovered" in nodes["saa"]["title"]
    # Size follows degree: Levant Front touches both others.
    assert nodes["levant"]["size"] > nodes["ypg"]["size"]


def test_colour_by_bloc_uses_the_given_blocs(contested: Subgraph) -> None:
    by_kind = {n["id"]: n["color"] for n in vis_data(contested)["nodes"]}
    by_bloc = {n["id"]: n["color"] for n in vis_data(
        contested, color_by="bloc", blocs={"levant": 0, "ypg": 0, "saa": 1})["nodes"]}
    assert by_bloc["levant"] == by_bloc["ypg"] != by_bloc["saa"]
    assert by_kind["levant"] != by_kind["ypg"]
    legend = vis_data(contested, color_by="bloc", blocs={"levant": 0, "ypg": 0, "saa": 1})[
        "legend"]
    assert any(entry["label"] == "bloc 1 (2 actors)" for entry in legend)


def test_fallback_blocs_follow_ally_edges() -> None:
    actors = tuple(Actor(id=a, name=a.upper()) for a in "abcdef")
    ally = [rel(x, y, RelationType.ALLIANCE) for x, y in combinations("abc", 2)]
    ally += [rel(x, y, RelationType.ALLIANCE) for x, y in combinations("def", 2)]
    hostile = [rel(x, y, RelationType.HOSTILITY) for x in "abc" for y in "def"]
    blocs = positive_communities(Subgraph(actors=actors, relations=tuple(ally + hostile)))
    assert blocs["a"] == blocs["b"] == blocs["c"] != blocs["d"] == blocs["e"] == blocs["f"]


def test_positions_switch_physics_off(contested: Subgraph) -> None:
    placed = vis_data(contested, positions=layout(contested, seed=1))
    assert placed["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in placed["nodes"])
    free = vis_data(contested)
    assert free["options"]["physics"]["enabled"] is True
    assert free["options"]["layout"]["improvedLayout"] is False


def test_edge_ids_round_trip(contested: Subgraph) -> None:
    for relation in contested.relations:
        assert parse_edge_id(edge_id(relation)) == relation.key


@pytest.mark.parametrize("n", [30, 1500])
def test_layout_separates_communities(n: int) -> None:
    """Two dense groups joined by one edge end up apart (sampled repulsion above 1,000 nodes)."""
    half = n // 2
    graph = nx.disjoint_union(nx.gnm_random_graph(half, half * 4, seed=1),
                              nx.gnm_random_graph(half, half * 4, seed=2))
    graph.add_edge(0, half)
    pos = layout(graph, seed=3)
    assert len(pos) == n

    def centre(ids: range) -> tuple[float, float]:
        xs, ys = zip(*(pos[i] for i in ids), strict=True)
        return sum(xs) / len(xs), sum(ys) / len(ys)

    (ax, ay), (bx, by) = centre(range(half)), centre(range(half, n))
    spread = max(abs(x) for x, _ in pos.values())
    assert ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5 > 0.3 * spread


def test_query_results_become_a_network() -> None:
    a = {"element_id": "4:a", "labels": ["Actor"], "properties": {"name": "A", "kind": "state"}}
    b = {"element_id": "4:b", "labels": ["Actor"], "properties": {"name": "B"}}
    fights = {"element_id": "5:r", "type": "FIGHTS", "start": "4:a", "end": "4:b",
              "properties": {"claims": 3}}
    data = query_vis_data([(a, fights, b), (a, None, "text")])
    assert data is not None
    assert {n["label"] for n in data["nodes"]} == {"A", "B"}
    (edge,) = data["edges"]
    assert edge["dashes"] is True and edge["from"] == "4:a"
    assert query_vis_data([("x", 1)]) is None


@pytest.mark.parametrize("filters", [
    GraphFilter(node_cap=400),
    GraphFilter(types=frozenset({RelationType.SUPPORT, RelationType.TRUCE}), node_cap=None),
    GraphFilter(polarity=Polarity.HOSTILE, since=date(2016, 2, 1), until=date(2016, 3, 1),
                min_confidence=0.55, min_sources=2, include_hedged=False,
                include_discovered=False, focus=("ypg", "saa"), hops=3, node_cap=50),
])
def test_filters_round_trip_through_the_url(filters: GraphFilter) -> None:
    display = Display(color_by="bloc", size_by="sources", labels=False)
    params = filters_to_params(filters, display)
    assert all(isinstance(v, str) for v in params.values())
    assert filters_from_params(params) == (filters, display)
