"""One call that runs every signed-network analysis and returns a JSON-ready report.

:func:`analyze` takes an actor graph (``store.to_networkx()`` or :func:`~graph.timeline.graph_at`)
and returns an :class:`AnalysisReport`: blocs, structural balance, brokers, implied ties,
contested pairs and influence. :func:`window_graph` picks the graph for a date window from a
store, and :func:`diff_dates` compares two dates. ``AnalysisReport.model_dump(mode="json")`` is
the documented JSON of ``allegiance analyze --format json`` (see ``docs/analysis.md``).

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for a, b, kind in [("saa", "russia", "support"), ("isis", "levant-front", "alliance"),
...                    ("saa", "isis", "hostility"), ("saa", "levant-front", "hostility")]:
...     _ = G.add_edge(a, b, key=kind, type=kind, documents=1, mean_confidence=0.8)
>>> report = analyze(G, seed=1)
>>> [b.members for b in report.blocs]
[('isis', 'levant-front'), ('russia', 'saa')]
>>> report.balance.balanced_triangle_share, report.balance.frustration
(1.0, 0)
"""

from __future__ import annotations

from datetime import date
from typing import Literal

import networkx as nx

from graph.balance import ImpliedTie, Triad, implied_ties, triangle_census, unbalanced_triads
from graph.blocs import Bloc, positive_communities, signed_partition
from graph.errors import InputError
from graph.influence import Broker, betweenness, brokers, positive_pagerank, signed_degree
from graph.model import GraphFilter
from graph.signed import AnalysisModel, ContestedPair, ContestedRule, contested_pairs
from graph.signed import signed_projection as project
from graph.store import GraphStore
from graph.timeline import DEFAULT_QUIET_DAYS, GraphDiff, diff, graph_at, time_source

# Budgets that keep one analysis within seconds-to-a-minute on a laptop (see bench/README.md).
RESTARTS_SMALL, RESTARTS_LARGE, LARGE_ACTORS = 4, 1, 20_000
BETWEENNESS_EDGE_VISITS = 4_000_000
IMPLIED_TWO_PATHS_MAX = 5_000_000


class Window(AnalysisModel):
    """The time the report describes."""

    at: date | None = None
    since: date | None = None
    until: date | None = None
    quiet_days: int | None = None
    """Only meaningful with ``at`` (state intervals)."""


class BalanceSummary(AnalysisModel):
    balanced_triangle_share: float | None
    weakly_balanced_share: float | None
    frustration: int
    """Ties against the best signed partition found."""
    triangles: int
    balanced: int
    unbalanced: int
    by_pattern: dict[str, int]
    method: Literal["exact", "sampled"]
    sampled_ties: int
    unbalanced_triads: tuple[Triad, ...]
    """The heaviest unbalanced triads (empty when the census was sampled)."""


class Influence(AnalysisModel):
    actor: str
    name: str
    bloc: str
    positive: int
    negative: int
    net: int
    betweenness: float
    pagerank: float


class AnalysisReport(AnalysisModel):
    """Everything ``allegiance analyze`` prints."""

    window: Window
    actors: int
    ties: int
    positive_ties: int
    negative_ties: int
    contested_ties: int
    contested_rule: ContestedRule
    seed: int | None
    names: dict[str, str]
    blocs: tuple[Bloc, ...]
    communities: tuple[tuple[str, ...], ...] | None
    """Louvain communities of the positive ties; None when skipped for size (see notes)."""
    balance: BalanceSummary
    brokers: tuple[Broker, ...]
    implied_ties: tuple[ImpliedTie, ...]
    contested: tuple[ContestedPair, ...]
    influence: tuple[Influence, ...]
    """Actors by positive PageRank, at most ``top``."""
    betweenness_samples: int | None
    """Source samples of the betweenness estimate; None when exact."""
    notes: tuple[str, ...]


def analyze(
    G: nx.Graph,
    *,
    seed: int | None = 0,
    contested: ContestedRule = "exclude",
    window: Window | None = None,
    limit: int = 50,
    top: int = 100,
) -> AnalysisReport:
    """Blocs, balance, brokers, implied ties, contested pairs and influence of one graph.

    Parameters
    ----------
    G : networkx graph
        A store's ``MultiDiGraph`` (projected here with
        :func:`~graph.signed.signed_projection`) or an already signed ``Graph``.
    seed : int, optional
        Seed for Louvain, the bloc search restarts and sampled estimates.
    contested : {"exclude", "majority"}
        How pairs with both signs enter the signed analyses.
    window : Window, optional
        Recorded in the report.
    limit : int
        Most unbalanced triads, brokers and implied ties listed.
    top : int
        Most actors listed under ``influence``.
    """
    P = project(G, contested=contested) if G.is_multigraph() else G
    notes: list[str] = []
    n, m = P.number_of_nodes(), P.number_of_edges()
    signs = [int(d.get("sign", 0)) for _, _, d in P.edges(data=True)]

    communities = positive_communities(P, seed=seed)
    if communities is None:
        notes.append("positive communities skipped: too many positive ties for networkx "
                     "Louvain; the signed blocs start from singletons")
    restarts = RESTARTS_SMALL if n <= LARGE_ACTORS else RESTARTS_LARGE
    partition = signed_partition(P, seed=seed, restarts=restarts, init=communities)

    census = triangle_census(P, seed=seed)
    triads: list[Triad] = []
    if census.method == "exact":
        triads, _ = unbalanced_triads(P, limit=limit)
    else:
        notes.append(f"triangle census sampled from {census.sampled_ties} ties")

    two_paths = sum(d * (d - 1) // 2 for _, d in P.degree())
    if two_paths <= IMPLIED_TWO_PATHS_MAX:
        implied = implied_ties(P, limit=limit)
    else:
        implied = []
        notes.append(f"implied ties skipped: {two_paths} two-paths exceed the budget")

    k = None
    if m and n > 2_000:
        k = max(10, min(200, BETWEENNESS_EDGE_VISITS // m))
    between, k_used = betweenness(P, seed=seed, k=k)
    if k_used is not None:
        notes.append(f"betweenness estimated from {k_used} sampled sources")
    rank = positive_pagerank(P)
    degree = signed_degree(P)
    names = {str(node): str(P.nodes[node].get("name") or node) for node in P}
    influence = sorted(
        (Influence(actor=a, name=names[a], bloc=partition.membership[a],
                   positive=deg.positive, negative=deg.negative, net=deg.net,
                   betweenness=between.get(a, 0.0), pagerank=rank.get(a, 0.0))
         for a, deg in degree.items()),
        key=lambda row: (-row.pagerank, row.actor),
    )[:top]
    return AnalysisReport(
        window=window or Window(),
        actors=n, ties=m, positive_ties=sum(s > 0 for s in signs),
        negative_ties=sum(s < 0 for s in signs),
        contested_ties=sum(bool(d.get("contested")) for _, _, d in P.edges(data=True)),
        contested_rule=contested, seed=seed, names=names,
        blocs=partition.blocs,
        communities=None if communities is None else tuple(tuple(c) for c in communities),
        balance=BalanceSummary(
            balanced_triangle_share=census.balanced_share,
            weakly_balanced_share=census.weakly_balanced_share,
            frustration=partition.frustration, triangles=census.triangles,
            balanced=census.balanced, unbalanced=census.unbalanced,
            by_pattern=census.by_pattern, method=census.method,
            sampled_ties=census.sampled_ties, unbalanced_triads=tuple(triads)),
        brokers=tuple(brokers(P, partition.membership, limit=limit)),
        implied_ties=tuple(implied),
        contested=tuple(contested_pairs(P)),
        influence=tuple(influence),
        betweenness_samples=k_used,
        notes=tuple(notes),
    )


def check_window(at: date | None, since: date | None, until: date | None) -> Window:
    """The window of a request, refusing contradictory dates."""
    if at is not None and (since is not None or until is not None):
        raise InputError("--at cannot be combined with --since/--until",
                         hint="use --at for the state on one day, or a --since/--until window")
    if since is not None and until is not None and since > until:
        raise InputError(f"--since {since} is after --until {until}")
    return Window(at=at, since=since, until=until)


def window_graph(
    store: GraphStore, *, at: date | None = None, since: date | None = None,
    until: date | None = None, quiet_days: int | None = DEFAULT_QUIET_DAYS,
) -> tuple[nx.MultiDiGraph, Window]:
    """The graph to analyse: state as of ``at`` (tie intervals), else relations in a window."""
    window = check_window(at, since, until)
    if at is not None:
        return (graph_at(store, at, quiet_days=quiet_days),
                window.model_copy(update={"quiet_days": quiet_days}))
    return store.to_networkx(GraphFilter(since=since, until=until)), window


def analyze_store(
    store: GraphStore, *, at: date | None = None, since: date | None = None,
    until: date | None = None, quiet_days: int | None = DEFAULT_QUIET_DAYS,
    seed: int | None = 0, contested: ContestedRule = "exclude",
) -> AnalysisReport:
    """:func:`analyze` over the window of a store (see :func:`window_graph`)."""
    G, window = window_graph(store, at=at, since=since, until=until, quiet_days=quiet_days)
    return analyze(G, seed=seed, contested=contested, window=window)


def diff_dates(
    store: GraphStore, first: date, second: date, *,
    quiet_days: int | None = DEFAULT_QUIET_DAYS, seed: int | None = 0,
    contested: ContestedRule = "exclude",
) -> GraphDiff:
    """What changed between the state on ``first`` and on ``second`` (claims read once)."""
    if first > second:
        raise InputError(f"the first date ({first}) is after the second ({second})")
    src = time_source(store, until=second)
    return diff(graph_at(src, first, quiet_days=quiet_days),
                graph_at(src, second, quiet_days=quiet_days), seed=seed, contested=contested)
