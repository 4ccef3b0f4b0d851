"""Tie intervals (flip and quiet-period rules), the graph as of a date, and diffs."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from graph.aggregate import aggregate
from graph.model import Claim, Extraction, RelationType
from graph.signed import signed_projection
from graph.store import GraphStore
from graph.timeline import (
    diff,
    graph_at,
    match_blocs,
    monthly_snapshots,
    tie_intervals,
    time_source,
)
from tests.factories import ISIS, SAA, SHAMIYA, YPG, make_claim, make_document

T = RelationType
DOC = make_document("Timeline test report.", source="Test Wire", day=date(2016, 6, 30))


def claim(a: str, b: str, kind: RelationType, day: date | None, **extra: object) -> Claim:
    return make_claim(a, b, kind, DOC, day=day, **extra)  # type: ignore[arg-type]


def edges(G: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return set(G.edges(keys=True))


def test_quiet_period_ends_a_tie_and_a_later_claim_starts_a_new_one() -> None:
    claims = [claim("a", "b", T.ALLIANCE, date(2016, 1, 1)),
              claim("a", "b", T.ALLIANCE, date(2016, 9, 1))]  # 244 days later
    first, second = tie_intervals(claims, quiet_days=180)
    assert (first.start, first.end, first.ended_by) == (date(2016, 1, 1), date(2016, 6, 29),
                                                        "quiet")
    assert second.start == date(2016, 9, 1) and first.claims == second.claims == 1
    [joined] = tie_intervals(claims, quiet_days=365)
    assert joined.claims == 2 and joined.end == date(2017, 9, 1)
    [open_ended] = tie_intervals(claims, quiet_days=None)
    assert open_ended.end is None and open_ended.ended_by == "open"


def test_opposite_sign_flips_the_tie_same_sign_does_not() -> None:
    claims = [claim(ISIS, SHAMIYA, T.HOSTILITY, date(2016, 1, 10)),
              claim(ISIS, SHAMIYA, T.ALLIANCE, date(2016, 2, 20)),
              claim(SHAMIYA, ISIS, T.TRUCE, date(2016, 2, 25))]
    by_type = {i.type: i for i in tie_intervals(claims)}
    assert by_type["hostility"].end == date(2016, 2, 20)
    assert by_type["hostility"].ended_by == "flip"
    # The truce does not end the alliance: both are cooperation.
    assert by_type["alliance"].end == by_type["alliance"].start.replace(month=8, day=18)
    assert by_type["truce"].active(date(2016, 3, 1)) and by_type["alliance"].active(
        date(2016, 3, 1))


def test_same_day_both_signs_is_contested_not_a_flip() -> None:
    day = date(2016, 3, 1)
    claims = [claim("a", "b", T.ALLIANCE, date(2016, 2, 1)),
              claim("a", "b", T.HOSTILITY, day), claim("a", "b", T.TRUCE, day)]
    intervals = tie_intervals(claims)
    assert all(i.ended_by == "quiet" for i in intervals)
    P = signed_projection(graph_at(claims, date(2016, 3, 2)))
    assert P.edges["a", "b"]["contested"] and P.edges["a", "b"]["sign"] == 0


def test_negated_and_undated_claims() -> None:
    negated = claim("a", "b", T.HOSTILITY, date(2016, 1, 5), negated=True)
    undated = claim("a", "c", T.SUPPORT, None)
    assert tie_intervals([negated, undated]) == []
    [dated] = tie_intervals([undated], documents={DOC.id: DOC})
    assert dated.start == date(2016, 6, 30)


def test_intervals_use_relation_keys_so_exports_can_match_edges() -> None:
    claims = [claim("b", "a", T.ALLIANCE, date(2016, 1, 1)),
              claim("x", "y", T.MEMBERSHIP, date(2016, 1, 1))]
    keys = {(r.source, r.target, r.type.value) for r in aggregate(claims, {})}
    assert {(i.source, i.target, i.type) for i in tie_intervals(claims)} == keys


def test_graph_at_a_date_from_a_store(embedded_store: GraphStore,
                                      sample_batch: Extraction) -> None:
    embedded_store.load(sample_batch)
    before = signed_projection(graph_at(embedded_store, date(2016, 2, 25)))
    after = signed_projection(graph_at(embedded_store, date(2016, 3, 31)))
    # The Levant Front and the YPG fought on Feb 20 and agreed a truce on Mar 15.
    assert before.edges[SHAMIYA, YPG]["sign"] == -1
    assert after.edges[SHAMIYA, YPG]["sign"] == 1 and not after.edges[SHAMIYA, YPG]["contested"]
    assert not before.has_edge(SAA, ISIS)  # first reported on Mar 2
    assert before.nodes[SAA]["name"] == "Syrian Arab Army"
    # Claim counts describe the tie up to the day: one of the two Shamiya-ISIS claims so far.
    early = graph_at(embedded_store, date(2016, 2, 1))
    assert early.edges[SHAMIYA, ISIS, "hostility"]["claims"] == 1
    later = graph_at(embedded_store, date(2016, 12, 31))
    assert later.number_of_edges() == 0  # everything went quiet for more than 180 days


def test_monthly_snapshots_equal_graph_at_each_month_end(embedded_store: GraphStore,
                                                         sample_batch: Extraction) -> None:
    embedded_store.load(sample_batch)
    src = time_source(embedded_store)
    snapshots = monthly_snapshots(src, quiet_days=30)
    assert [d.isoformat() for d, _ in snapshots] == ["2016-01-31", "2016-02-29", "2016-03-31"]
    for day, G in snapshots:
        H = graph_at(embedded_store, day, quiet_days=30)
        assert edges(G) == edges(H)
        assert all(G.edges[e]["claims"] == H.edges[e]["claims"] for e in edges(G))


def test_diff_reports_new_ended_and_flipped_ties_and_bloc_moves() -> None:
    claims = [
        claim("saa", "russia", T.SUPPORT, date(2016, 1, 5)),
        claim("fsa", "ahrar", T.ALLIANCE, date(2016, 1, 5)),
        claim("saa", "fsa", T.HOSTILITY, date(2016, 1, 6)),
        claim("russia", "ahrar", T.HOSTILITY, date(2016, 1, 6)),
        claim("kurds", "fsa", T.ALLIANCE, date(2016, 1, 7)),
        claim("kurds", "saa", T.HOSTILITY, date(2016, 1, 7)),
        claim("nusra", "fsa", T.ALLIANCE, date(2016, 1, 8)),
        # Later: the Kurds switch sides; fighting and alliances are reported again.
        claim("kurds", "saa", T.JOINT_OPERATION, date(2016, 5, 1)),
        claim("kurds", "fsa", T.HOSTILITY, date(2016, 5, 1)),
        claim("saa", "russia", T.SUPPORT, date(2016, 5, 2)),
        claim("fsa", "ahrar", T.ALLIANCE, date(2016, 5, 2)),
        claim("saa", "fsa", T.HOSTILITY, date(2016, 5, 3)),
        claim("iran", "saa", T.SUPPORT, date(2016, 5, 4)),
    ]
    # Quiet for 90 days: ties not reported again since January have ended by May 31.
    a = graph_at(claims, date(2016, 2, 1), quiet_days=90)
    b = graph_at(claims, date(2016, 5, 31), quiet_days=90)
    d = diff(a, b, seed=0)
    assert {(c.source, c.target, c.before, c.after) for c in d.flipped_ties} == {
        ("fsa", "kurds", 1, -1), ("kurds", "saa", -1, 1)}
    assert [(c.source, c.target) for c in d.new_ties] == [("iran", "saa")]
    assert {(c.source, c.target) for c in d.ended_ties} == {("ahrar", "russia"), ("fsa", "nusra")}
    assert [m.actor for m in d.bloc_changes] == ["kurds"]
    assert d.actors_added == ("iran",) and d.actors_removed == ("nusra",)


@pytest.mark.parametrize(("before", "after", "expected"), [
    ({"B1": ["a", "b"], "B2": ["c"]}, {"B1": ["a", "b", "d"], "B2": ["c"]},
     {"B1": "B1", "B2": "B2"}),
    ({"B1": ["a", "b"]}, {"B1": ["x", "y"], "B2": ["a"]}, {"B1": None, "B2": "B1"}),
])
def test_bloc_matching(before: dict[str, list[str]], after: dict[str, list[str]],
                       expected: dict[str, str | None]) -> None:
    assert match_blocs(before, after) == expected
