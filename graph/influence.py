"""Influence: who has many friends or foes, who sits between, who bridges opposing blocs.

* :func:`signed_degree` — positive, negative and net ties per actor.
* :func:`betweenness` — shortest-path betweenness over all signed ties (sign ignored: a feud is a
  channel too), exact on small graphs and estimated from ``k`` seeded source samples above
  ``exact_max_nodes`` actors (networkx's ``k`` option).
* :func:`positive_pagerank` — PageRank over the cooperation ties only (power iteration written
  here so it needs neither numpy nor scipy).
* :func:`brokers` — actors with positive ties into two or more *opposing* blocs; two blocs
  oppose each other when the hostile ties between them outnumber the cooperative ones. Brokers
  are ranked by how evenly their positive ties split between the two opposing blocs they reach
  most (1.0 is a perfect split), then by those ties.

Examples
--------
>>> import networkx as nx
>>> P = nx.Graph()
>>> P.add_edges_from([("a1", "a2"), ("b1", "b2"), ("turkey", "a1"), ("turkey", "b1")], sign=1)
>>> P.add_edges_from([("a1", "b1"), ("a2", "b2")], sign=-1)
>>> membership = {"a1": "A", "a2": "A", "b1": "B", "b2": "B", "turkey": "T"}
>>> [(b.actor, b.evenness) for b in brokers(P, membership)]
[('turkey', 1.0)]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import networkx as nx

from graph.signed import AnalysisModel, signed_edges

EXACT_BETWEENNESS_MAX_NODES = 2_000
BETWEENNESS_SAMPLES = 200


class SignedDegree(AnalysisModel):
    positive: int
    negative: int
    net: int


class Broker(AnalysisModel):
    """An actor with positive ties into opposing blocs."""

    actor: str
    bloc: str
    """The actor's own bloc."""
    ties_by_bloc: dict[str, int]
    """Positive ties into each bloc reached (own bloc included)."""
    opposed: tuple[str, str]
    """The two opposing blocs it bridges most evenly."""
    evenness: float
    """Smaller share over larger share of its ties into ``opposed`` (1.0 = perfect split)."""
    positive_ties: int


def signed_degree(P: nx.Graph) -> dict[str, SignedDegree]:
    """Positive, negative and net signed ties per actor (contested ties not counted).

    >>> import networkx as nx
    >>> P = nx.Graph([("a", "b", {"sign": 1}), ("a", "c", {"sign": -1}), ("a", "d", {"sign": -1})])
    >>> signed_degree(P)["a"]
    SignedDegree(positive=1, negative=2, net=-1)
    """
    pos: dict[Any, int] = defaultdict(int)
    neg: dict[Any, int] = defaultdict(int)
    for u, v, w in signed_edges(P):
        bucket = pos if w > 0 else neg
        bucket[u] += 1
        bucket[v] += 1
    return {str(n): SignedDegree(positive=pos[n], negative=neg[n], net=pos[n] - neg[n])
            for n in P}


def betweenness(
    P: nx.Graph, *, seed: int | None = None, k: int | None = None,
    exact_max_nodes: int = EXACT_BETWEENNESS_MAX_NODES, normalized: bool = True,
) -> tuple[dict[str, float], int | None]:
    """Betweenness over the signed ties; returns the scores and the sample size (None = exact).

    >>> import networkx as nx
    >>> P = nx.Graph([("a", "m", {"sign": 1}), ("m", "b", {"sign": -1})])
    >>> betweenness(P)
    ({'a': 0.0, 'm': 1.0, 'b': 0.0}, None)
    """
    H = nx.Graph()
    H.add_nodes_from(P)
    H.add_edges_from((u, v) for u, v, _ in signed_edges(P))
    n = H.number_of_nodes()
    if k is None and n > exact_max_nodes:
        k = BETWEENNESS_SAMPLES
    if k is not None and k >= n:
        k = None
    scores = nx.betweenness_centrality(H, k=k, normalized=normalized, seed=seed)
    return {str(node): round(score, 6) for node, score in scores.items()}, k


def positive_pagerank(
    P: nx.Graph, *, weight: str | None = "weight", alpha: float = 0.85, tol: float = 1.0e-8,
    max_iter: int = 100,
) -> dict[str, float]:
    """PageRank on the positive ties (undirected; dangling actors spread their rank evenly).

    Examples
    --------
    >>> import networkx as nx
    >>> P = nx.Graph([("hub", x, {"sign": 1}) for x in "abc"] + [("a", "z", {"sign": -1})])
    >>> pr = positive_pagerank(P)
    >>> max(pr, key=pr.get), round(sum(pr.values()), 6)
    ('hub', 1.0)
    """
    nodes = list(P)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    out: list[list[tuple[int, float]]] = [[] for _ in nodes]
    for u, v, w in signed_edges(P, weight=weight):
        if w > 0:
            out[index[u]].append((index[v], w))
            out[index[v]].append((index[u], w))
    strength = [sum(w for _, w in row) for row in out]
    rank = [1.0 / n] * n
    for _ in range(max_iter):
        dangling = sum(rank[i] for i in range(n) if strength[i] == 0.0)
        base = (1.0 - alpha) / n + alpha * dangling / n
        new = [base] * n
        for i, row in enumerate(out):
            if strength[i]:
                share = alpha * rank[i] / strength[i]
                for j, w in row:
                    new[j] += share * w
        delta = sum(abs(a - b) for a, b in zip(new, rank, strict=True))
        rank = new
        if delta < n * tol:
            break
    return {str(node): round(rank[i], 8) for i, node in enumerate(nodes)}


def opposing_blocs(P: nx.Graph, membership: Mapping[Any, Any]
                   ) -> set[tuple[str, str]]:
    """Pairs of blocs (sorted ids) with more hostile than cooperative ties between them.

    >>> import networkx as nx
    >>> P = nx.Graph([("a", "b", {"sign": -1}), ("a", "c", {"sign": 1})])
    >>> opposing_blocs(P, {"a": "A", "b": "B", "c": "C"})
    {('A', 'B')}
    """
    bloc = {str(k): str(v) for k, v in membership.items()}
    net: dict[tuple[str, str], int] = defaultdict(int)
    for u, v, w in signed_edges(P):
        a, b = bloc[str(u)], bloc[str(v)]
        if a != b:
            net[(a, b) if a < b else (b, a)] += 1 if w > 0 else -1
    return {pair for pair, value in net.items() if value < 0}


def brokers(
    P: nx.Graph, membership: Mapping[Any, Any], *, limit: int | None = 50,
) -> list[Broker]:
    """Actors with positive ties into two or more mutually opposing blocs, most even first.

    Parameters
    ----------
    P : networkx.Graph
        Signed graph (edges with ``sign``).
    membership : mapping
        Actor -> bloc id, e.g. ``signed_partition(P).membership`` (keys are matched as
        strings, so integer node ids work with its string keys).
    limit : int, optional
        Keep the first ``limit`` brokers (None keeps all).
    """
    opposed = opposing_blocs(P, membership)
    if not opposed:
        return []
    bloc = {str(k): str(v) for k, v in membership.items()}
    ties: dict[Any, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for u, v, w in signed_edges(P):
        if w > 0:
            ties[u][bloc[str(v)]] += 1
            ties[v][bloc[str(u)]] += 1
    found: list[Broker] = []
    for actor, by_bloc in ties.items():
        if len(by_bloc) < 2:
            continue
        best: tuple[float, int, str, str] | None = None
        blocs = sorted(by_bloc)
        for i, a in enumerate(blocs):
            for b in blocs[i + 1:]:
                if (a, b) not in opposed:
                    continue
                low, high = sorted((by_bloc[a], by_bloc[b]))
                candidate = (low / high, low + high, a, b)
                if best is None or candidate[:2] > best[:2]:
                    best = candidate
        if best is None:
            continue
        found.append(Broker(
            actor=str(actor), bloc=bloc[str(actor)], ties_by_bloc=dict(sorted(by_bloc.items())),
            opposed=(best[2], best[3]), evenness=round(best[0], 6),
            positive_ties=sum(by_bloc.values()),
        ))
    found.sort(key=lambda b: (-b.evenness, -b.positive_ties, b.actor))
    return found[:limit] if limit is not None else found
