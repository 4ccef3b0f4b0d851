"""Benchmark: blocs, balance and brokers on synthetic signed graphs of 1k, 10k and 100k actors.

Each size runs in a fresh subprocess so its peak resident memory (``ru_maxrss``) is its own.
Graphs have planted blocs (about 500 actors each) and ``ties_per_actor`` ties per actor
(``m = ties_per_actor * n``): 60 % inside the actor's bloc, 40 % to anyone; a tie is + inside
a bloc and - across, then 5 % of signs are flipped as noise. Steps timed:

* ``blocs`` — :func:`graph.blocs.signed_partition` with the restart policy ``analyze`` uses
  (4 seeded starts up to 20k actors, 1 above), and ``blocs_one_start`` with one start at every
  size (the per-start growth);
* ``balance`` — :func:`graph.balance.triangle_census` plus the 50 heaviest unbalanced triads;
* ``brokers`` — :func:`graph.influence.brokers` over the partition found.

The obvious alternatives are timed in the same run where they finish in reasonable time:
networkx Louvain on the positive ties (1k, 10k), triangles by ``nx.enumerate_all_cliques``
(1k, 10k) and exact ``nx.betweenness_centrality`` against the sampled estimate (1k).

Usage: ``.venv/bin/python bench/analyze.py [--sizes 1000 10000 100000] [--seed 1]``.
Prints a table and writes ``bench/results/analyze-<date>.json``. Times are CPU seconds of the
benchmark process (the machine is shared; wall time is recorded as ``total_wall_s``).
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import random
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402

from graph.analysis import LARGE_ACTORS, RESTARTS_LARGE, RESTARTS_SMALL  # noqa: E402
from graph.balance import triangle_census, unbalanced_triads  # noqa: E402
from graph.blocs import frustration_count, signed_partition  # noqa: E402
from graph.influence import betweenness, brokers  # noqa: E402

BLOC_SIZE = 500
NOISE = 0.05
STEPS = ("blocs", "balance", "brokers")


def planted_signed_graph(n: int, ties_per_actor: int, *, seed: int
                         ) -> tuple[nx.Graph, dict[int, int]]:
    """A signed graph with planted blocs and noise, and each actor's planted bloc."""
    rng = random.Random(seed)
    k = max(2, n // BLOC_SIZE)
    side = [rng.randrange(k) for _ in range(n)]
    members: list[list[int]] = [[] for _ in range(k)]
    for actor, bloc in enumerate(side):
        members[bloc].append(actor)
    target = ties_per_actor * n
    seen: set[tuple[int, int]] = set()
    G = nx.Graph()
    G.add_nodes_from(range(n))
    while len(seen) < target:
        u = rng.randrange(n)
        v = rng.choice(members[side[u]]) if rng.random() < 0.6 else rng.randrange(n)
        if u == v:
            continue
        pair = (u, v) if u < v else (v, u)
        if pair in seen:
            continue
        seen.add(pair)
        sign = 1 if side[u] == side[v] else -1
        if rng.random() < NOISE:
            sign = -sign
        G.add_edge(u, v, sign=sign, weight=1.0)
    return G, dict(enumerate(side))


class Clock:
    """CPU and wall seconds per step.

    CPU time of this process is what the table and the growth fit use: the benchmark machine
    is shared, and wall time there measures the neighbours as much as the code.
    """

    def __init__(self) -> None:
        self.cpu: dict[str, float] = {}
        self.wall: dict[str, float] = {}

    def run(self, step: str, fn: Any) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        out = fn()
        self.cpu[step] = round(time.process_time() - cpu, 3)
        self.wall[step] = round(time.perf_counter() - wall, 3)
        return out


def run_one(n: int, ties_per_actor: int, seed: int) -> dict[str, Any]:
    """Build one graph and time every step (and the alternatives where feasible)."""
    clock = Clock()
    G, side = clock.run("generate", lambda: planted_signed_graph(n, ties_per_actor, seed=seed))
    restarts = RESTARTS_SMALL if n <= LARGE_ACTORS else RESTARTS_LARGE
    part = clock.run("blocs", lambda: signed_partition(G, seed=seed, restarts=restarts))
    # The same search with one start at every size: the per-start growth, free of the
    # restart policy (4 starts up to 20k actors, 1 above).
    clock.run("blocs_one_start", lambda: signed_partition(G, seed=seed, restarts=1))
    census = clock.run("balance", lambda: (triangle_census(G, seed=seed),
                                           unbalanced_triads(G, limit=50))[0])
    found = clock.run("brokers", lambda: brokers(G, part.membership, limit=None))
    row: dict[str, Any] = {
        "actors": n, "ties": G.number_of_edges(), "restarts": restarts,
        **{f"{step}_s": clock.cpu[step] for step in ("generate", *STEPS, "blocs_one_start")},
        "blocs_found": sum(1 for b in part.blocs if b.size > 1),
        "blocs_planted": len(set(side.values())),
        "frustration": part.frustration, "planted_frustration": int(frustration_count(G, side)),
        "triangles": census.triangles, "census_method": census.method,
        "balanced_share": census.balanced_share, "brokers": len(found),
    }
    row["total_s"] = round(sum(clock.cpu[step] for step in STEPS), 3)
    row["total_wall_s"] = round(sum(clock.wall[step] for step in STEPS), 3)
    if n <= 10_000:
        pos = nx.Graph((u, v) for u, v, d in G.edges(data=True) if d["sign"] > 0)
        clock.run("alt_louvain", lambda: nx.community.louvain_communities(pos, seed=seed))
        naive = clock.run("alt_cliques_triangles",
                          lambda: sum(1 for c in nx.enumerate_all_cliques(G) if len(c) == 3))
        assert naive == census.triangles, (naive, census.triangles)
    if n <= 1_000:
        clock.run("alt_exact_betweenness", lambda: nx.betweenness_centrality(G))
        clock.run("sampled_betweenness", lambda: betweenness(G, seed=seed, k=100))
        row["sampled_betweenness_k"] = 100
    row.update({f"{step}_s": clock.cpu[step] for step in clock.cpu if step.startswith(
        ("alt_", "sampled_"))})
    row["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in row.items()}


def growth_exponent(sizes: list[int], seconds: list[float]) -> float | None:
    """Slope of log(time) against log(size), by least squares."""
    points = [(math.log(n), math.log(t)) for n, t in zip(sizes, seconds, strict=True) if t > 0]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return round(sum((x - mx) * (y - my) for x, y in points) / sxx, 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--ties-per-actor", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.ties_per_actor, args.seed)))
        return

    rows = []
    for n in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--ties-per-actor",
             str(args.ties_per_actor), "--seed", str(args.seed)],
            check=True, capture_output=True, text=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(f"done {n} actors", file=sys.stderr)
    sizes = [r["actors"] for r in rows]
    exponents = {step: growth_exponent(sizes, [r[f"{step}_s"] for r in rows])
                 for step in (*STEPS, "total", "blocs_one_start")}

    header = (f"{'actors':>8} {'ties':>9} {'blocs s':>8} {'1-start s':>9} {'balance s':>9} "
              f"{'brokers s':>9} "
              f"{'total s':>8} {'peak MiB':>9} {'frustr.':>8} {'planted':>8} "
              f"{'louvain s':>9} {'cliques s':>9} {'exact btw s':>11} {'sampled btw s':>13}")
    print(header)
    for r in rows:
        print(f"{r['actors']:>8} {r['ties']:>9} {r['blocs_s']:>8} {r['blocs_one_start_s']:>9} "
              f"{r['balance_s']:>9} "
              f"{r['brokers_s']:>9} {r['total_s']:>8} {r['peak_rss_mib']:>9} "
              f"{r['frustration']:>8} {r['planted_frustration']:>8} "
              f"{r.get('alt_louvain_s', '-'):>9} {r.get('alt_cliques_triangles_s', '-'):>9} "
              f"{r.get('alt_exact_betweenness_s', '-'):>11} "
              f"{r.get('sampled_betweenness_s', '-'):>13}")
    print("growth exponents (log-log fit):",
          ", ".join(f"{k} {v}" for k, v in exponents.items()))

    result = {
        "benchmark": "analyze", "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(), "networkx": nx.__version__,
        "machine": {"cpus": __import__("os").cpu_count(), "platform": platform.platform()},
        "ties_per_actor": args.ties_per_actor, "seed": args.seed, "bloc_size": BLOC_SIZE,
        "noise": NOISE, "rows": rows, "growth_exponents": exponents,
    }
    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"analyze-{datetime.now(UTC).date().isoformat()}.json"
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
