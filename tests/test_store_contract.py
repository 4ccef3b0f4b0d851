"""One behaviour suite for every store (fixture ``store``: embedded, then Neo4j).

The reference data is :func:`tests.factories.sample_batch`; expected numbers below are read off
that batch by hand (see the comments), not copied from a store's output.
"""

from __future__ import annotations

from datetime import date

import pytest

from graph.errors import LoadError
from graph.model import (
    ActorKind,
    Extraction,
    GraphFilter,
    Polarity,
    RelationType,
    Subgraph,
)
from graph.store import GraphStore
from tests.factories import (
    AHRAR,
    FATAH,
    ISIS,
    NUSRA,
    RUSSIA,
    SAA,
    SHAMIYA,
    THUWAR,
    YPG,
    make_actor,
    make_claim,
    make_document,
    sample_batch,
)

T = RelationType


def raw_counts(store: GraphStore) -> tuple[int, int]:
    """Nodes and relationships counted with plain Cypher, bypassing the store's own counters."""
    nodes = store.query("MATCH (n) RETURN count(n) AS n").rows[0][0]
    rels = store.query("MATCH (a)-[r]->(b) RETURN count(r) AS n").rows[0][0]
    assert isinstance(nodes, int) and isinstance(rels, int)
    return nodes, rels


def keys(sub: Subgraph) -> set[tuple[str, str, RelationType]]:
    return {r.key for r in sub.relations}


def actor_ids(sub: Subgraph) -> set[str]:
    return {a.id for a in sub.actors}


@pytest.fixture
def loaded(store: GraphStore, sample_batch: Extraction) -> GraphStore:
    store.load(sample_batch)
    return store


# -- loading ----------------------------------------------------------------------------------


def test_loading_the_same_batch_twice_changes_nothing(store: GraphStore) -> None:
    store.load(sample_batch())
    first = store.counts()
    first_raw = raw_counts(store)
    store.load(sample_batch())
    assert store.counts() == first
    assert raw_counts(store) == first_raw
    # 9 actors, 4 documents, 17 claims, 2 places; 13 distinct (pair, type) edges once the
    # negated claim is left out and the two-way alliance statements fold into one edge.
    assert (first.actors, first.documents, first.claims, first.places, first.relations) == (
        9, 4, 17, 2, 13)
    # Nodes: 9 + 4 + 17 claims + 2 places + 2 place claims. Relationships: 3 per claim and per
    # place claim, plus the 13 aggregated actor edges.
    assert first_raw == (34, 17 * 3 + 2 * 3 + 13)


def test_a_batch_naming_an_unknown_actor_is_refused_whole(loaded: GraphStore) -> None:
    before = loaded.counts()
    before_raw = raw_counts(loaded)
    doc = make_document("A report that mentions a stranger.", source="AFP", day=date(2016, 4, 1))
    bad = Extraction(
        documents=(doc,),
        actors=(make_actor("new-brigade", "New Brigade"),),
        claims=(
            make_claim("new-brigade", SAA, T.HOSTILITY, doc),
            make_claim("nobody-knows", SAA, T.HOSTILITY, doc),
        ),
    )
    with pytest.raises(LoadError, match="nobody-knows"):
        loaded.load(bad)
    assert loaded.counts() == before
    assert raw_counts(loaded) == before_raw
    assert loaded.actor("new-brigade") is None


def test_reloaded_actor_keeps_every_alias_and_curated_record_wins(store: GraphStore) -> None:
    doc = make_document("Report on a discovered group.", source="SOHR", day=date(2016, 5, 1))
    discovered = make_actor("liwa-x", "Liwa X", "Liwa al-X", kind=ActorKind.OTHER, curated=False)
    store.load(Extraction(documents=(doc,), actors=(discovered,)))
    curated = make_actor("liwa-x", "Liwa X Brigade", "LXB", kind=ActorKind.MILITIA)
    store.load(Extraction(actors=(curated,)))
    # A later discovered sighting must not undo the curated record.
    store.load(Extraction(actors=(make_actor("liwa-x", "Liwa Ex", "L.X.", curated=False),)))
    actor = store.actor("liwa-x")
    assert actor is not None
    assert actor.curated and actor.name == "Liwa X Brigade" and actor.kind is ActorKind.MILITIA
    assert {"LXB", "Liwa al-X", "Liwa X", "L.X.", "Liwa Ex"} <= set(actor.aliases)


# -- reading the whole graph ------------------------------------------------------------------


def test_aggregated_edge_counts_documents_outlets_and_dates(loaded: GraphStore) -> None:
    edges = {r.key: r for r in loaded.relations()}
    alliance = edges[(AHRAR, SHAMIYA, T.ALLIANCE)]  # stated both ways, in two outlets
    assert (alliance.claims, alliance.documents, alliance.outlets) == (2, 2, 2)
    assert (alliance.first_seen, alliance.last_seen) == (date(2016, 1, 10), date(2016, 2, 1))
    assert alliance.mean_confidence == pytest.approx((0.9 + 0.7) / 2)
    support = edges[(RUSSIA, SAA, T.SUPPORT)]  # second claim undated: document date counts
    assert support.last_seen == date(2016, 3, 16)
    assert support.outlets == 2  # SOHR + a document without outlet (counts as itself)
    assert edges[(SAA, NUSRA, T.HOSTILITY)].hedged_only
    assert not edges[(SHAMIYA, ISIS, T.HOSTILITY)].hedged_only
    # The negated Nusra -> Ahrar hostility makes no edge.
    assert (NUSRA, AHRAR, T.HOSTILITY) not in edges


def test_contested_pair_keeps_both_signs(loaded: GraphStore) -> None:
    between = [r for r in loaded.relations() if {r.source, r.target} == {SHAMIYA, YPG}]
    assert {r.polarity for r in between} == {Polarity.ALLY, Polarity.HOSTILE}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (GraphFilter(types=frozenset({T.MEMBERSHIP})), {(NUSRA, FATAH, T.MEMBERSHIP),
                                                       (AHRAR, FATAH, T.MEMBERSHIP)}),
        (GraphFilter(min_sources=2), {(AHRAR, SHAMIYA, T.ALLIANCE), (SHAMIYA, ISIS, T.HOSTILITY),
                                      (RUSSIA, SAA, T.SUPPORT)}),
        # February only: claims dated in February, the negated one excluded.
        (GraphFilter(since=date(2016, 2, 1), until=date(2016, 2, 29)),
         {(AHRAR, SHAMIYA, T.ALLIANCE), (AHRAR, NUSRA, T.JOINT_OPERATION),
          (RUSSIA, SAA, T.SUPPORT), (SAA, NUSRA, T.HOSTILITY), (YPG, SHAMIYA, T.HOSTILITY)}),
    ],
    ids=["types", "min-sources", "date-window"],
)
def test_subgraph_filters_select_edges(loaded: GraphStore, filters: GraphFilter,
                                       expected: set[tuple[str, str, RelationType]]) -> None:
    assert keys(loaded.subgraph(filters)) == expected


def test_date_window_recounts_claims_inside_it(loaded: GraphStore) -> None:
    sub = loaded.subgraph(GraphFilter(since=date(2016, 2, 1), until=date(2016, 2, 29)))
    edges = {r.key: r for r in sub.relations}
    assert edges[(AHRAR, SHAMIYA, T.ALLIANCE)].claims == 1
    assert edges[(RUSSIA, SAA, T.SUPPORT)].last_seen == date(2016, 2, 10)


def test_polarity_filter(loaded: GraphStore) -> None:
    hostile = loaded.subgraph(GraphFilter(polarity=Polarity.HOSTILE))
    allied = loaded.subgraph(GraphFilter(polarity=Polarity.ALLY))
    assert hostile.relations and all(r.type is T.HOSTILITY for r in hostile.relations)
    assert allied.relations and all(r.polarity is Polarity.ALLY for r in allied.relations)
    assert len(hostile.relations) + len(allied.relations) == loaded.counts().relations


def test_min_confidence_drops_weak_claims(loaded: GraphStore) -> None:
    sub = loaded.subgraph(GraphFilter(min_confidence=0.8))
    edges = {r.key: r for r in sub.relations}
    alliance = edges[(AHRAR, SHAMIYA, T.ALLIANCE)]
    assert (alliance.claims, alliance.mean_confidence) == (1, pytest.approx(0.9))
    assert (SHAMIYA, YPG, T.TRUCE) not in edges  # 0.65
    assert all(r.mean_confidence >= 0.8 for r in sub.relations)


def test_hedged_claims_can_be_left_out(loaded: GraphStore) -> None:
    assert (SAA, NUSRA, T.HOSTILITY) in keys(loaded.subgraph(GraphFilter()))
    assert (SAA, NUSRA, T.HOSTILITY) not in keys(
        loaded.subgraph(GraphFilter(include_hedged=False)))


def test_discovered_actors_can_be_left_out(loaded: GraphStore) -> None:
    assert THUWAR in actor_ids(loaded.subgraph(GraphFilter()))
    sub = loaded.subgraph(GraphFilter(include_discovered=False))
    assert THUWAR not in actor_ids(sub)
    assert all(THUWAR not in (r.source, r.target) for r in sub.relations)


def test_focus_and_hops(loaded: GraphStore) -> None:
    one = loaded.subgraph(GraphFilter(focus=(RUSSIA,), hops=1))
    two = loaded.subgraph(GraphFilter(focus=(RUSSIA,), hops=2))
    assert actor_ids(one) == {RUSSIA, SAA}
    assert actor_ids(two) == {RUSSIA, SAA, ISIS, SHAMIYA, NUSRA}
    assert all({r.source, r.target} <= actor_ids(two) for r in two.relations)


def test_node_cap_keeps_best_connected_actors(loaded: GraphStore) -> None:
    full = loaded.subgraph(GraphFilter())
    capped = loaded.subgraph(GraphFilter(node_cap=3))
    assert capped.trimmed and not full.trimmed
    assert capped.total_actors == len(full.actors) == 9
    assert len(capped.actors) == 3

    def degree(actor: str) -> int:
        return sum(actor in (r.source, r.target) for r in full.relations)

    kept = actor_ids(capped)
    dropped = actor_ids(full) - kept
    assert min(degree(a) for a in kept) >= max(degree(a) for a in dropped)
    assert all({r.source, r.target} <= kept for r in capped.relations)


def test_node_cap_never_drops_the_focus(loaded: GraphStore) -> None:
    sub = loaded.subgraph(GraphFilter(focus=(THUWAR,), hops=3, node_cap=2))
    assert THUWAR in actor_ids(sub) and len(sub.actors) == 2 and sub.trimmed


# -- search, neighbourhood, paths, evidence ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("jabhat al shamiya", SHAMIYA), ("JABHAT AL-SHAMIYA", SHAMIYA), ("Şhamiya", SHAMIYA),
     ("al-jabha al-shāmiyya", SHAMIYA), ("levant front", SHAMIYA), ("isil", ISIS),
     ("a-nusra", NUSRA), ("people's protection", YPG)],
)
def test_search_ignores_case_diacritics_and_punctuation(loaded: GraphStore, text: str,
                                                        expected: str) -> None:
    found = loaded.search_actors(text)
    assert found and found[0].id == expected


def test_search_without_match_and_limit(loaded: GraphStore) -> None:
    assert loaded.search_actors("hezbollah") == []
    assert len(loaded.search_actors("a", limit=2)) == 2


def test_neighbourhood(loaded: GraphStore) -> None:
    sub = loaded.neighbourhood(SAA, hops=1)
    assert actor_ids(sub) == {SAA, RUSSIA, ISIS, SHAMIYA, NUSRA}
    hostile = loaded.neighbourhood(SAA, hops=1, filters=GraphFilter(polarity=Polarity.HOSTILE))
    assert RUSSIA not in actor_ids(hostile)


def test_shortest_paths_carry_signs(loaded: GraphStore) -> None:
    paths = loaded.shortest_paths(RUSSIA, YPG)
    assert paths and {len(p.steps) for p in paths} == {3}
    assert all(p.actors[0] == RUSSIA and p.actors[-1] == YPG for p in paths)
    # Russia -> SAA (support +) -> Shamiya (hostility -) -> YPG: truce (+) or hostility (-).
    via_shamiya = {p.sign for p in paths if SHAMIYA in p.actors}
    assert via_shamiya == {1, -1}
    assert loaded.shortest_paths(RUSSIA, YPG, max_hops=2) == []
    allied_only = GraphFilter(polarity=Polarity.ALLY)
    assert loaded.shortest_paths(RUSSIA, YPG, filters=allied_only) == []


def test_evidence_includes_negated_claims(loaded: GraphStore) -> None:
    claims = loaded.evidence(AHRAR, NUSRA)
    assert {(c.type, c.negated) for c in claims} == {(T.JOINT_OPERATION, False),
                                                    (T.HOSTILITY, True)}
    negated = next(c for c in claims if c.negated)
    assert negated.evidence.sentence.startswith("There was no Nusra assault")
    only = loaded.evidence(NUSRA, AHRAR, type=T.JOINT_OPERATION)
    assert [c.type for c in only] == [T.JOINT_OPERATION]
    # Claims come back exactly as loaded (same stable ids).
    loaded_ids = {c.id for c in sample_batch().claims}
    assert {c.id for c in claims} <= loaded_ids


def test_claims_documents_and_places(loaded: GraphStore, sample_batch: Extraction) -> None:
    assert {c.id for c in loaded.claims()} == {c.id for c in sample_batch.claims}
    march = list(loaded.claims(GraphFilter(since=date(2016, 3, 1))))
    assert march and all((c.date or date(2016, 3, 16)) >= date(2016, 3, 1) for c in march)
    assert {d.id for d in loaded.documents()} == {d.id for d in sample_batch.documents}
    first = sample_batch.documents[0]
    assert loaded.documents([first.id]) == [first]
    assert [p.place for p in loaded.places(SHAMIYA)] == ["Azaz"]
    assert len(loaded.places()) == 2


def test_to_networkx_attributes(loaded: GraphStore) -> None:
    graph = loaded.to_networkx()
    assert graph.number_of_nodes() == 9 and graph.number_of_edges() == 13
    assert graph.nodes[SHAMIYA]["name"] == "Jabhat al-Shamiya"
    assert "Levant Front" in graph.nodes[SHAMIYA]["aliases"]
    assert graph.nodes[THUWAR]["curated"] is False
    assert graph.nodes[SAA]["kind"] == "state"
    edge = graph.edges[RUSSIA, SAA, "support"]
    assert edge["sign"] == 1 and edge["polarity"] == "ally"
    assert (edge["claims"], edge["documents"], edge["outlets"]) == (2, 2, 2)
    assert (edge["first_seen"], edge["last_seen"]) == ("2016-02-10", "2016-03-16")
    assert graph.edges[YPG, SHAMIYA, "hostility"]["sign"] == -1
    assert graph.has_edge(SHAMIYA, YPG, "truce")


# -- the two stores agree ---------------------------------------------------------------------

SAME_ANSWER_FILTERS = [
    GraphFilter(),
    GraphFilter(since=date(2016, 2, 1)),
    GraphFilter(until=date(2016, 1, 31), include_hedged=False),
    GraphFilter(min_confidence=0.75, min_sources=1),
    GraphFilter(min_sources=2, polarity=Polarity.ALLY),
    GraphFilter(focus=(SHAMIYA,), hops=1, node_cap=4),
    GraphFilter(include_discovered=False, types=frozenset({T.HOSTILITY, T.TRUCE})),
]


@pytest.mark.neo4j
def test_both_stores_give_the_same_answers(embedded_store: GraphStore, neo4j_store: GraphStore,
                                           sample_batch: Extraction) -> None:
    embedded_store.load(sample_batch)
    neo4j_store.load(sample_batch)
    for filters in SAME_ANSWER_FILTERS:
        assert embedded_store.subgraph(filters) == neo4j_store.subgraph(filters), filters
        assert list(embedded_store.claims(filters)) == list(neo4j_store.claims(filters))
    for source, target in [(RUSSIA, YPG), (THUWAR, FATAH), (ISIS, AHRAR)]:
        assert embedded_store.shortest_paths(source, target) == neo4j_store.shortest_paths(
            source, target)
        assert embedded_store.evidence(source, target) == neo4j_store.evidence(source, target)
    assert embedded_store.places() == neo4j_store.places()
    assert embedded_store.documents() == neo4j_store.documents()
    assert embedded_store.counts() == neo4j_store.counts()
    assert raw_counts(embedded_store) == raw_counts(neo4j_store)
