"""Structural balance: triangles, unbalanced triads and the ties balance implies.

A triangle is *balanced* (Cartwright–Harary) when the product of its three signs is positive:
``+++`` (three allies) and ``+--`` (two allies with a common enemy). ``++-`` ("my ally's ally is
my enemy") is unbalanced; ``---`` (three mutual enemies) is unbalanced in the strict sense but
fine under weak balance (Davis), so the census reports both shares.

Triangles are enumerated exactly by the forward algorithm: order nodes by degree, keep for
each node only its higher-ranked neighbours, and intersect those sets along every tie — each
triangle is found once, in ``O(m^1.5)`` time at worst and about linear time on sparse graphs.
Above ``exact_max_edges`` ties the census switches to a sampled estimate: ``samples`` ties are
drawn uniformly and every triangle through each of them is enumerated; since every triangle has
three ties, the balanced share among the triangles found is an unbiased ratio estimate of the
share over all triangles, and the triangle total is estimated as ``m / samples * found / 3``.
The result says which method was used.

Examples
--------
>>> import networkx as nx
>>> T = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": -1}), ("a", "c", {"sign": -1})])
>>> census = triangle_census(T)
>>> census.triangles, census.balanced, census.balanced_share, census.method
(1, 1, 1.0, 'exact')
"""

from __future__ import annotations

import heapq
import random
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import Any, Literal

import networkx as nx

from graph.signed import AnalysisModel, RelationRef

EXACT_MAX_EDGES = 2_000_000
DEFAULT_SAMPLES = 200_000
MAX_MIDDLE_DEGREE = 500


class TriadEdge(AnalysisModel):
    """One tie of a triad, with the relations behind it (for ``store.evidence(source, target)``)."""

    source: str
    target: str
    sign: int
    types: tuple[str, ...] = ()
    relations: tuple[RelationRef, ...] = ()


class Triad(AnalysisModel):
    """An unbalanced triangle: its actors, its three ties and their total weight."""

    actors: tuple[str, str, str]
    signs: str
    """Sign pattern, e.g. ``"++-"``."""
    edges: tuple[TriadEdge, TriadEdge, TriadEdge]
    weight: float


class TriangleCensus(AnalysisModel):
    """Counts of signed triangles (estimates when ``method == "sampled"``)."""

    triangles: int
    balanced: int
    unbalanced: int
    by_pattern: dict[str, int]
    """Counts for ``"+++"``, ``"++-"``, ``"+--"`` and ``"---"``."""
    balanced_share: float | None
    """Share of triangles with a positive sign product; None without triangles."""
    weakly_balanced_share: float | None
    """The same counting ``---`` as balanced (weak balance)."""
    method: Literal["exact", "sampled"]
    sampled_ties: int = 0


class BalanceReport(AnalysisModel):
    """Triangle census, frustration of the best partition found, and the worst triads."""

    census: TriangleCensus
    frustration: int | None
    unbalanced_triads: tuple[Triad, ...]
    triads_listed: int
    """How many unbalanced triads were kept (the heaviest ones) out of ``census.unbalanced``."""


class ImpliedTie(AnalysisModel):
    """A tie balance suggests for a pair with no direct tie. Always an inference."""

    source: str
    target: str
    sign: int
    rule: str
    """Most common rule among the supporting two-paths, e.g. ``"enemy of my enemy"``."""
    support: int
    """Two-paths that imply this sign."""
    against: int
    """Two-paths that imply the opposite sign."""
    weight: float
    """Sum over supporting paths of the weaker tie's weight."""
    via: tuple[str, ...]
    """Middle actors of the supporting paths (strongest first, at most ten)."""
    inferred: bool = True


def _signed_adjacency(P: nx.Graph) -> dict[Any, dict[Any, int]]:
    adj: dict[Any, dict[Any, int]] = {n: {} for n in P}
    for u, v, data in P.edges(data=True):
        sign = int(data.get("sign", 0))
        if sign and u != v:
            adj[u][v] = sign
            adj[v][u] = sign
    return adj


def _pattern(s1: int, s2: int, s3: int) -> str:
    negatives = (s1 < 0) + (s2 < 0) + (s3 < 0)
    return "+" * (3 - negatives) + "-" * negatives


def _forward(adj: Mapping[Any, Mapping[Any, int]]) -> dict[Any, set[Any]]:
    rank = {n: i for i, n in enumerate(sorted(adj, key=lambda n: (len(adj[n]), str(n))))}
    return {n: {u for u in nbrs if rank[u] > rank[n]} for n, nbrs in adj.items()}


def iter_triangles(P: nx.Graph) -> Iterator[tuple[Any, Any, Any]]:
    """Every triangle of the signed ties once (forward algorithm; contested ties skipped).

    >>> import networkx as nx
    >>> K4 = nx.complete_graph(4)
    >>> nx.set_edge_attributes(K4, 1, "sign")
    >>> sum(1 for _ in iter_triangles(K4))
    4
    """
    adj = _signed_adjacency(P)
    out = _forward(adj)
    for u, higher in out.items():
        for v in higher:
            for w in higher & out[v]:
                yield u, v, w


def triangle_census(
    P: nx.Graph,
    *,
    seed: int | None = None,
    exact_max_edges: int = EXACT_MAX_EDGES,
    samples: int = DEFAULT_SAMPLES,
) -> TriangleCensus:
    """Count balanced and unbalanced triangles, exactly or by tie sampling (module docstring).

    Examples
    --------
    Three mutual enemies: unbalanced strictly, balanced weakly.

    >>> import networkx as nx
    >>> T = nx.complete_graph(["x", "y", "z"])
    >>> nx.set_edge_attributes(T, -1, "sign")
    >>> c = triangle_census(T)
    >>> c.by_pattern["---"], c.balanced_share, c.weakly_balanced_share
    (1, 0.0, 1.0)
    """
    adj = _signed_adjacency(P)
    counts = {"+++": 0, "++-": 0, "+--": 0, "---": 0}
    m = sum(len(nbrs) for nbrs in adj.values()) // 2
    if m <= exact_max_edges:
        out = _forward(adj)
        for u, higher in out.items():
            au = adj[u]
            for v in higher:
                s_uv, av = au[v], adj[v]
                for w in higher & out[v]:
                    counts[_pattern(s_uv, au[w], av[w])] += 1
        method: Literal["exact", "sampled"] = "exact"
        sampled = 0
        scale = 1.0
    else:
        rng = random.Random(seed)
        ties = [(u, v) for u, nbrs in adj.items() for v in nbrs if str(u) < str(v)]
        chosen = rng.sample(ties, min(samples, len(ties)))
        sets = {n: set(nbrs) for n, nbrs in adj.items()}
        for u, v in chosen:
            s_uv, au, av = adj[u][v], adj[u], adj[v]
            for w in sets[u] & sets[v]:
                counts[_pattern(s_uv, au[w], av[w])] += 1
        method, sampled = "sampled", len(chosen)
        scale = len(ties) / max(1, len(chosen)) / 3.0
    found = sum(counts.values())
    balanced = counts["+++"] + counts["+--"]
    share = balanced / found if found else None
    weak = (balanced + counts["---"]) / found if found else None
    scaled = {k: round(v * scale) for k, v in counts.items()}
    total = sum(scaled.values())
    return TriangleCensus(
        triangles=total, balanced=scaled["+++"] + scaled["+--"],
        unbalanced=scaled["++-"] + scaled["---"], by_pattern=scaled,
        balanced_share=None if share is None else round(share, 6),
        weakly_balanced_share=None if weak is None else round(weak, 6),
        method=method, sampled_ties=sampled,
    )


def _triad_edge(P: nx.Graph, a: Any, b: Any) -> TriadEdge:
    data = P.edges[a, b]
    x, y = (a, b) if str(a) <= str(b) else (b, a)
    return TriadEdge(source=str(x), target=str(y), sign=int(data.get("sign", 0)),
                     types=tuple(data.get("types", ())),
                     relations=tuple(data.get("relations", ())))


def unbalanced_triads(
    P: nx.Graph, *, weight: str | None = "weight", limit: int = 50, weak: bool = False
) -> tuple[list[Triad], int]:
    """The ``limit`` heaviest unbalanced triangles and how many unbalanced triangles there are.

    ``weak=True`` leaves out ``---`` triangles (balanced under weak balance). The weight of a
    triad is the sum of its ties' ``weight`` (1 each when ``weight`` is None or missing), so
    well-sourced contradictions come first.

    Examples
    --------
    >>> import networkx as nx
    >>> T = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": 1}), ("a", "c", {"sign": -1})])
    >>> triads, total = unbalanced_triads(T)
    >>> total, triads[0].actors, triads[0].signs, [(e.source, e.target) for e in triads[0].edges]
    (1, ('a', 'b', 'c'), '++-', [('a', 'b'), ('a', 'c'), ('b', 'c')])
    """
    adj = _signed_adjacency(P)
    out = _forward(adj)
    heap: list[tuple[float, tuple[str, str, str], tuple[Any, Any, Any]]] = []
    total = 0

    def w_of(a: Any, b: Any) -> float:
        if weight is None:
            return 1.0
        return float(P.edges[a, b].get(weight, 1.0))

    for u, higher in out.items():
        au = adj[u]
        for v in higher:
            for w in higher & out[v]:
                product = au[v] * au[w] * adj[v][w]
                if product > 0 or (weak and au[v] < 0 and au[w] < 0 and adj[v][w] < 0):
                    continue
                total += 1
                score = w_of(u, v) + w_of(u, w) + w_of(v, w)
                names = tuple(sorted((str(u), str(v), str(w))))
                item = (score, names, (u, v, w))
                if len(heap) < limit:
                    heapq.heappush(heap, item)  # type: ignore[misc]
                elif limit and item[:2] > heap[0][:2]:
                    heapq.heapreplace(heap, item)  # type: ignore[misc]
    triads: list[Triad] = []
    for score, names, nodes in sorted(heap, key=lambda t: (-t[0], t[1])):
        by_name = {str(n): n for n in nodes}
        a, b, c = (by_name[n] for n in names)
        edges = (_triad_edge(P, a, b), _triad_edge(P, a, c), _triad_edge(P, b, c))
        signs = "".join(sorted(("+" if e.sign > 0 else "-") for e in edges))
        triads.append(Triad(actors=(str(a), str(b), str(c)), signs=signs, edges=edges,
                            weight=round(score, 6)))
    return triads, total


def structural_balance(
    P: nx.Graph,
    *,
    weight: str | None = "weight",
    seed: int | None = None,
    frustration: int | None = None,
    limit: int = 50,
    exact_max_edges: int = EXACT_MAX_EDGES,
) -> BalanceReport:
    """Triangle census, the ``limit`` heaviest unbalanced triads, and the partition frustration.

    ``frustration`` is the frustration of the best partition found (pass
    ``signed_partition(P).frustration`` when you already have it; otherwise it is computed).

    Examples
    --------
    >>> import networkx as nx
    >>> P = nx.Graph([("a", "b", {"sign": 1}), ("c", "d", {"sign": 1}),
    ...               ("a", "c", {"sign": -1}), ("b", "d", {"sign": -1}),
    ...               ("a", "d", {"sign": -1})])
    >>> r = structural_balance(P, seed=0)
    >>> r.census.balanced_share, r.frustration, r.unbalanced_triads
    (1.0, 0, ())
    """
    census = triangle_census(P, seed=seed, exact_max_edges=exact_max_edges)
    if census.method == "exact":
        triads, _ = unbalanced_triads(P, weight=weight, limit=limit)
    else:
        triads = []  # listing every unbalanced triad of a sampled census is what we avoid
    if frustration is None:
        from graph.blocs import signed_partition

        frustration = signed_partition(P, seed=seed).frustration
    return BalanceReport(census=census, frustration=frustration,
                         unbalanced_triads=tuple(triads), triads_listed=len(triads))


_RULES = {(1, 1): "ally of my ally", (1, -1): "ally of my enemy",
          (-1, 1): "ally of my enemy", (-1, -1): "enemy of my enemy"}


def implied_ties(
    P: nx.Graph,
    *,
    weight: str | None = "weight",
    limit: int = 50,
    min_support: int = 1,
    max_middle_degree: int = MAX_MIDDLE_DEGREE,
    rules: frozenset[str] | None = None,
) -> list[ImpliedTie]:
    """Ties that structural balance implies for pairs with no direct tie, best supported first.

    Every two-path ``a - m - b`` between actors without a direct tie (contested ties count as
    direct ties) implies the product sign: enemy of my enemy (``-,-`` => +), ally of my enemy
    (``+,-`` => -), ally of my ally (``+,+`` => +). Paths are pooled per pair; the sign with more
    paths wins (a tie in path count gives no inference) and ``against`` keeps the paths that
    disagree. Middle actors with more than ``max_middle_degree`` signed ties are skipped: a hub
    joins almost everyone and its pairs say little. These are inferences, never stored.

    Examples
    --------
    >>> import networkx as nx
    >>> P = nx.Graph([("ypg", "isis", {"sign": -1}), ("isis", "saa", {"sign": -1})])
    >>> [(t.source, t.target, t.sign, t.rule, t.inferred) for t in implied_ties(P)]
    [('saa', 'ypg', 1, 'enemy of my enemy', True)]
    """
    adj = _signed_adjacency(P)
    names = {n: str(n) for n in P}
    # Pairs are gathered per first actor and ranked at once, so memory stays at one actor's
    # two-path neighbourhood plus the ``limit`` best pairs, however many pairs there are.
    best: list[tuple[tuple[int, float, _Desc], Any, Any, list[_Path]]] = []
    kept: list[tuple[tuple[int, float, _Desc], Any, Any, list[_Path]]] = []
    for a, a_nbrs in adj.items():
        name_a = names[a]
        tied = P[a]  # any direct tie, contested ones included
        per_b: dict[Any, list[_Path]] = defaultdict(list)
        for m, sa in a_nbrs.items():
            m_nbrs = adj[m]
            if len(m_nbrs) > max_middle_degree:
                continue
            for b, sb in m_nbrs.items():
                if b == a or names[b] <= name_a or b in tied:
                    continue
                rule = _RULES[(sa, sb)]
                if rules is not None and rule not in rules:
                    continue
                strength = 1.0
                if weight is not None:
                    strength = min(float(P.edges[a, m].get(weight, 1.0)),
                                   float(P.edges[m, b].get(weight, 1.0)))
                per_b[b].append((sa * sb, rule, strength, m))
        for b, via in per_b.items():
            plus = sum(1 for p in via if p[0] > 0)
            minus = len(via) - plus
            if plus == minus or max(plus, minus) < min_support:
                continue
            sign = 1 if plus > minus else -1
            agree = [p for p in via if p[0] == sign]
            rank = (abs(plus - minus), sum(p[2] for p in agree), _Desc((name_a, names[b])))
            item = (rank, a, b, via)
            if not limit:
                kept.append(item)
            elif len(best) < limit:
                heapq.heappush(best, item)
            elif rank > best[0][0]:
                heapq.heapreplace(best, item)
    chosen = kept if not limit else best
    found = [_implied(names[a], names[b], via) for _, a, b, via in chosen]
    found.sort(key=lambda t: (-(t.support - t.against), -t.weight, t.source, t.target))
    return found


_Path = tuple[int, str, float, Any]


class _Desc:
    """Reverses the order of what it wraps (so a min-heap drops later names first)."""

    __slots__ = ("key",)

    def __init__(self, key: tuple[str, str]) -> None:
        self.key = key

    def __lt__(self, other: _Desc) -> bool:
        return self.key > other.key

    def __gt__(self, other: _Desc) -> bool:
        return self.key < other.key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Desc) and self.key == other.key

    __hash__ = None  # type: ignore[assignment]


def _implied(source: str, target: str, via: list[_Path]) -> ImpliedTie:
    plus = [p for p in via if p[0] > 0]
    minus = [p for p in via if p[0] < 0]
    sign, agree, disagree = (1, plus, minus) if len(plus) > len(minus) else (-1, minus, plus)
    rule_counts: dict[str, int] = defaultdict(int)
    for p in agree:
        rule_counts[p[1]] += 1
    rule = max(sorted(rule_counts), key=lambda r: rule_counts[r])
    agree.sort(key=lambda p: (-p[2], str(p[3])))
    return ImpliedTie(
        source=source, target=target, sign=sign, rule=rule, support=len(agree),
        against=len(disagree), weight=round(sum(p[2] for p in agree), 6),
        via=tuple(str(p[3]) for p in agree[:10]),
    )

