"""Blocs: who stands together.

Two views of the same question:

* :func:`positive_communities` — Louvain communities of the positive (cooperation) ties only,
  via ``networkx.community.louvain_communities`` with a seed. It ignores hostility, so two
  groups that fight each other can share a community when they have allies in common.
* :func:`signed_partition` — a partition into blocs that minimises *frustration*: positive ties
  between blocs plus negative ties inside a bloc. The number of blocs is free (weak balance in
  the sense of Davis: three mutually hostile blocs are fine), so the frustration reported is at
  most the classic two-bloc frustration index. Finding the optimum is NP-hard; this is a fast
  multilevel local search:

  1. vertex moves — each actor moves to the neighbouring bloc (or a new bloc of its own) that
     removes the most frustration, repeated until no move helps;
  2. refinement — a bloc whose parts share no positive tie is split into those parts (this
     never adds frustration, and frees groups that were glued together by accident);
  3. aggregation — blocs become super-nodes with summed signed weights and steps 1–2 run again,
     so whole blocs merge or move when that helps (the Louvain scheme, with frustration instead
     of modularity);
  4. a final vertex-level pass, and the whole scheme repeated from its own result while that
     helps;

  run from several seeded starts (the positive communities when given, then singletons in
  shuffled orders) keeping the least frustrated. Each pass is linear in the number of ties.

Contested ties excluded by the projection (``sign == 0``) count for nothing here.

Examples
--------
>>> import networkx as nx
>>> P = nx.Graph()
>>> P.add_edges_from([("saa", "russia"), ("isis", "levant-front")], sign=1)
>>> P.add_edges_from([("saa", "isis"), ("russia", "levant-front")], sign=-1)
>>> part = signed_partition(P, seed=1)
>>> sorted(sorted(b.members) for b in part.blocs), part.frustration
([['isis', 'levant-front'], ['russia', 'saa']], 0)
"""

from __future__ import annotations

import random
from collections import defaultdict, deque
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

from graph.convert import to_networkx
from graph.model import Subgraph
from graph.signed import AnalysisModel, signed_edges, signed_projection

# Above this many positive ties networkx's pure-Python Louvain takes minutes (measured in
# bench/analyze.py), so positive communities are skipped and the signed blocs stand alone.
LOUVAIN_MAX_EDGES = 50_000
_EPS = 1e-12


class Bloc(AnalysisModel):
    """One bloc of a signed partition."""

    id: str
    members: tuple[str, ...]
    size: int
    internal_positive: int
    internal_negative: int
    """Hostile ties inside the bloc: each one is frustrated."""


class SignedPartition(AnalysisModel):
    """Blocs and the frustration of the partition (ties against it)."""

    blocs: tuple[Bloc, ...]
    frustration: int
    """Positive ties between blocs plus negative ties within blocs."""
    frustration_weight: float
    """The same with each tie counted by the ``weight`` it was optimised with."""
    membership: dict[str, str]
    """Actor id -> bloc id."""
    restarts: int


def positive_subgraph(P: nx.Graph) -> nx.Graph:
    """The positive ties of a signed graph, with every node (isolated ones too).

    >>> import networkx as nx
    >>> P = nx.Graph([(1, 2, {"sign": 1}), (2, 3, {"sign": -1})])
    >>> sorted(positive_subgraph(P).edges()), positive_subgraph(P).number_of_nodes()
    ([(1, 2)], 3)
    """
    H = nx.Graph()
    H.add_nodes_from(P.nodes(data=True))
    H.add_edges_from((u, v, d) for u, v, d in P.edges(data=True) if int(d.get("sign", 0)) > 0)
    return H


def positive_communities(
    P: nx.Graph, *, weight: str | None = "weight", seed: int | None = None,
    resolution: float = 1.0, max_edges: int | None = LOUVAIN_MAX_EDGES,
) -> list[list[str]] | None:
    """Louvain communities of the positive subgraph, largest first; ``None`` above ``max_edges``.

    Actors with no positive tie form communities of one.

    Examples
    --------
    >>> import networkx as nx
    >>> P = nx.Graph()
    >>> P.add_edges_from([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y")], sign=1)
    >>> P.add_edge("c", "x", sign=-1)
    >>> positive_communities(P, seed=7)
    [['a', 'b', 'c'], ['x', 'y']]
    """
    H = positive_subgraph(P)
    if max_edges is not None and H.number_of_edges() > max_edges:
        return None
    if weight is not None and not all(weight in d for _, _, d in H.edges(data=True)):
        weight = None
    found = nx.community.louvain_communities(H, weight=weight, resolution=resolution, seed=seed)
    return sorted((sorted(map(str, c)) for c in found), key=lambda c: (-len(c), c))


def _local_moves(adj: Sequence[Mapping[int, float]], labels: list[int], order: Sequence[int],
                 max_visits: int) -> bool:
    """Move nodes between blocs while that lowers frustration; True if anything moved.

    Moving node ``v`` into bloc ``c`` costs ``-sum(w(v, u) for u in c)`` (positive ties into
    ``c`` stop being frustrated, negative ones start), so each node joins the bloc with the
    largest signed weight towards it, or a fresh bloc when every option is negative. Only the
    neighbours of a node that moved are visited again (a work queue, like Leiden's fast local
    moves), so a sweep costs time in proportion to the ties that can still change anything.
    Every move strictly lowers frustration, so the loop ends; ``max_visits`` (times the node
    count) is only a safeguard.
    """
    moved_any = False
    fresh = max(labels, default=-1) + 1
    sizes: dict[int, int] = defaultdict(int)
    for lab in labels:
        sizes[lab] += 1
    queue = deque(order)
    queued = [True] * len(adj)
    budget = max_visits * max(1, len(adj))
    while queue and budget > 0:
        budget -= 1
        v = queue.popleft()
        queued[v] = False
        current = labels[v]
        gain: dict[int, float] = defaultdict(float)
        for u, w in adj[v].items():
            if u != v:
                gain[labels[u]] += w
        stay = gain.get(current, 0.0)
        best, best_gain = current, stay
        for lab, g in gain.items():
            if lab != current and g > best_gain + _EPS:
                best, best_gain = lab, g
        if best_gain < -_EPS and sizes[current] > 1:
            # Every bloc within reach pulls negatively: alone, the node frustrates nothing.
            best, best_gain = fresh, 0.0
        if best == current:
            continue
        sizes[current] -= 1
        sizes[best] += 1
        labels[v] = best
        if best == fresh:
            fresh += 1
        moved_any = True
        for u in adj[v]:
            # Every neighbour's options changed (a hostile newcomer can push one out).
            if not queued[u]:
                queued[u] = True
                queue.append(u)
    return moved_any


def _split_disconnected(adj: Sequence[Mapping[int, float]], labels: list[int]) -> list[int]:
    """Split every bloc into the parts its positive ties connect.

    Parts of a bloc with no positive tie between them gain nothing from sharing it (and any
    hostile tie between them is frustrated), so splitting never raises frustration. Without
    this a bloc can glue two unrelated groups that later need to go separate ways, which a
    move of the whole aggregated bloc cannot undo (Leiden's refinement addresses the same).
    """
    out = [-1] * len(adj)
    fresh = 0
    for root in range(len(adj)):
        if out[root] != -1:
            continue
        out[root] = fresh
        stack = [root]
        while stack:
            v = stack.pop()
            for u, w in adj[v].items():
                if w > 0 and out[u] == -1 and labels[u] == labels[v]:
                    out[u] = fresh
                    stack.append(u)
        fresh += 1
    return out


def _aggregate(adj: Sequence[Mapping[int, float]], labels: list[int]
               ) -> tuple[list[dict[int, float]], list[int]]:
    """Collapse blocs into super-nodes; returns the new adjacency and node -> super-node."""
    index: dict[int, int] = {}
    mapping = [index.setdefault(lab, len(index)) for lab in labels]
    new_adj: list[dict[int, float]] = [defaultdict(float) for _ in range(len(index))]
    for v, nbrs in enumerate(adj):
        a = mapping[v]
        row = new_adj[a]
        for u, w in nbrs.items():
            b = mapping[u]
            if a != b:
                row[b] += w
    return [dict(r) for r in new_adj], mapping


def _multilevel(adj: list[dict[int, float]], init: list[int], rng: random.Random,
                max_passes: int) -> list[int]:
    labels = list(init)
    level_adj = adj
    to_level = list(range(len(adj)))  # original node -> node of the current level
    level_labels = labels
    while True:
        order = list(range(len(level_adj)))
        rng.shuffle(order)
        _local_moves(level_adj, level_labels, order, max_passes)
        level_labels = _split_disconnected(level_adj, level_labels)
        new_adj, mapping = _aggregate(level_adj, level_labels)
        to_level = [mapping[to_level[v]] for v in range(len(adj))]
        if len(new_adj) == len(level_adj):
            break
        level_adj = new_adj
        level_labels = list(range(len(level_adj)))
    final = list(to_level)
    order = list(range(len(adj)))
    rng.shuffle(order)
    _local_moves(adj, final, order, max_passes)
    return _split_disconnected(adj, final)


def frustration_count(P: nx.Graph, membership: Mapping[Any, Any], *,
                      weight: str | None = None) -> float:
    """Ties against a partition: positive between blocs plus negative within blocs.

    >>> import networkx as nx
    >>> P = nx.Graph([("a", "b", {"sign": -1}), ("b", "c", {"sign": 1})])
    >>> frustration_count(P, {"a": 0, "b": 0, "c": 1})
    2.0
    """
    bloc = {str(k): v for k, v in membership.items()}  # string keys, as partitions give
    total = 0.0
    for u, v, w in signed_edges(P, weight=weight):
        same = bloc[str(u)] == bloc[str(v)]
        if (w > 0 and not same) or (w < 0 and same):
            total += abs(w)
    return total


def signed_partition(
    P: nx.Graph,
    *,
    weight: str | None = None,
    seed: int | None = None,
    restarts: int = 4,
    init: Iterable[Iterable[Hashable]] | None = None,
    max_passes: int = 50,
    max_rounds: int = 5,
) -> SignedPartition:
    """Blocs that minimise frustration (multilevel local search, see the module docstring).

    Parameters
    ----------
    P : networkx.Graph
        Signed graph: edges carry ``sign`` (+1, -1; 0 is ignored).
    weight : str, optional
        Edge attribute to weigh each tie by in the objective; ``None`` (default) counts ties,
        which is the textbook frustration index.
    seed : int, optional
        Seed for the shuffled move orders, so results are reproducible.
    restarts : int
        Number of starts; the first is ``init`` when given, the others are singletons.
    init : iterable of iterables, optional
        A starting partition (e.g. :func:`positive_communities`).
    max_passes : int
        Cap on node visits per level, in sweeps (a safeguard; convergence is usually quicker).
    max_rounds : int
        Most multilevel rounds per start, each starting from the previous result.

    Returns
    -------
    SignedPartition
        Blocs largest first with ids ``"B1"``, ``"B2"``, ...; singletons included.

    Examples
    --------
    An unbalanced triangle (two allies who share an enemy... who is allied with one of them)
    cannot be split without frustrating one tie:

    >>> import networkx as nx
    >>> T = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": 1}), ("a", "c", {"sign": -1})])
    >>> signed_partition(T, seed=0).frustration
    1
    """
    nodes = list(P.nodes())
    pos = {node: i for i, node in enumerate(nodes)}
    adj: list[dict[int, float]] = [dict() for _ in nodes]
    for u, v, w in signed_edges(P, weight=weight):
        i, j = pos[u], pos[v]
        adj[i][j] = adj[i].get(j, 0.0) + w
        adj[j][i] = adj[j].get(i, 0.0) + w
    rng = random.Random(seed)

    starts: list[list[int]] = []
    if init is not None:
        labels = list(range(len(nodes)))
        for k, group in enumerate(init):
            for node in group:
                if node in pos:
                    labels[pos[node]] = len(nodes) + k
        starts.append(labels)
    while len(starts) < max(1, restarts):
        starts.append(list(range(len(nodes))))

    best: list[int] | None = None
    best_cost = float("inf")
    for start in starts:
        labels = _multilevel(adj, start, rng, max_passes)
        cost = _cost(adj, labels)
        # Iterate from the result (as repeated Louvain runs do): its blocs become the nodes of
        # the first level, so whole blocs can move or merge until nothing improves.
        for _ in range(max_rounds - 1):
            again = _multilevel(adj, labels, rng, max_passes)
            again_cost = _cost(adj, again)
            if again_cost >= cost - _EPS:
                break
            labels, cost = again, again_cost
        if cost < best_cost - 1e-12:
            best, best_cost = labels, cost
    assert best is not None or not nodes
    return _describe(P, nodes, best or [], weight=weight, restarts=len(starts))


def _cost(adj: Sequence[Mapping[int, float]], labels: Sequence[int]) -> float:
    total = 0.0
    for v, nbrs in enumerate(adj):
        lv = labels[v]
        for u, w in nbrs.items():
            if u > v and ((w > 0) != (labels[u] == lv)):
                total += abs(w)
    return total


def _describe(P: nx.Graph, nodes: Sequence[Any], labels: Sequence[int], *, weight: str | None,
              restarts: int) -> SignedPartition:
    groups: dict[int, list[str]] = defaultdict(list)
    for node, lab in zip(nodes, labels, strict=True):
        groups[lab].append(str(node))
    ordered = sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g))
    membership = {m: f"B{i + 1}" for i, g in enumerate(ordered) for m in g}
    internal: dict[str, list[int]] = {f"B{i + 1}": [0, 0] for i in range(len(ordered))}
    frustrated = 0
    for u, v, w in signed_edges(P):
        bu, bv = membership[str(u)], membership[str(v)]
        if bu == bv:
            internal[bu][0 if w > 0 else 1] += 1
            frustrated += w < 0
        else:
            frustrated += w > 0
    blocs = tuple(
        Bloc(id=f"B{i + 1}", members=tuple(g), size=len(g),
             internal_positive=internal[f"B{i + 1}"][0],
             internal_negative=internal[f"B{i + 1}"][1])
        for i, g in enumerate(ordered)
    )
    if weight is None:
        weighted = float(frustrated)
    else:
        str_membership: dict[Hashable, Hashable] = {n: membership[str(n)] for n in nodes}
        weighted = frustration_count(P, str_membership, weight=weight)
    return SignedPartition(
        blocs=blocs, frustration=int(frustrated), frustration_weight=round(weighted, 6),
        membership=membership, restarts=restarts,
    )


def bloc_assignment(source: Subgraph | nx.Graph, *, seed: int | None = 7) -> dict[str, int]:
    """Actor id -> bloc number (0 = largest bloc) for colouring a network view by bloc.

    Takes a :class:`~graph.model.Subgraph`, a store's multigraph or a signed projection;
    contested pairs are left out of the sign (see ``graph.signed``).

    Examples
    --------
    >>> import networkx as nx
    >>> P = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": -1})])
    >>> bloc_assignment(P, seed=0)
    {'a': 0, 'b': 0, 'c': 1}
    """
    if isinstance(source, Subgraph):
        source = to_networkx(source)
    P = signed_projection(source) if source.is_multigraph() else source
    # Actors with no tie in the projection still need a colour: each is a bloc of its own.
    for node in source.nodes():
        if node not in P:
            P.add_node(node)
    part = signed_partition(P, seed=seed)
    number = {b.id: i for i, b in enumerate(part.blocs)}
    return {actor: number[bloc] for actor, bloc in sorted(part.membership.items())}
