"""Render benchmark: time to a stable, drawn vis-network graph in headless Chromium.

Compares, on the same seeded synthetic graphs (~4 edges per node), two ways of drawing:

- **ours** — what the explorer does: positions computed on the server (:func:`graph.visual.layout`,
  timed separately), :func:`graph.visual.vis_data` drawing data, physics off, improvedLayout off;
- **pyvis defaults** — a ``pyvis.network.Network()`` with default options (physics on, vis's
  improvedLayout, full stabilisation), written with ``generate_html()`` (vis inlined).

"Stable and drawn" is observed with vis events: a hook wraps ``vis.Network.prototype.emit`` before
any network exists and records the first ``afterDrawing`` once the layout is final (for physics
runs: after the first ``stabilized``, i.e. when nodes stop moving). For pyvis it also records the
first drawing after vis's initial stabilisation pass (``stabilizationIterationsDone``), when a
picture appears but may still move. Every non-``file:`` request is blocked. Pyvis runs get 60 s.

    .venv/bin/python bench/render.py                 # 500, 2k, 5k, 10k nodes
    .venv/bin/python bench/render.py --sizes 500 2000 --repeats 1

Prints a table and writes ``bench/results/render-<date>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pyvis.network import Network

from graph.model import Actor, ActorKind, AggregatedRelation, RelationType, Subgraph
from graph.visual import layout, vis_data
from ui.components.network import vis_network_source

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
RESULTS = Path(__file__).resolve().parent / "results"
DEFAULT_SIZES = (500, 2000, 5000, 10000)
EDGES_PER_NODE = 4
PYVIS_TIMEOUT_S = 60.0
OURS_TIMEOUT_S = 120.0

# Runs before any network exists: records when the graph is final and drawn.
HOOK = """
window.__bench = {stabilizedAt: null, doneAt: null, done: false, passDoneAt: null,
                  passDrawnAt: null};
(function () {
  const emit = vis.Network.prototype.emit;
  vis.Network.prototype.emit = function (name) {
    const now = performance.now();
    const bench = window.__bench;
    if (name === "stabilized" && bench.stabilizedAt === null) bench.stabilizedAt = now;
    if (name === "stabilizationIterationsDone" && bench.passDoneAt === null) {
      bench.passDoneAt = now;
    }
    // Reported through the console: Playwright hears it even when the page then stays busy.
    if (name === "afterDrawing") {
      if (bench.passDoneAt !== null && bench.passDrawnAt === null) {
        bench.passDrawnAt = now; console.log("__bench_pass " + now);
      }
      if (!bench.done && (window.__benchPhysicsOff || bench.stabilizedAt !== null)) {
        bench.done = true; bench.doneAt = now; console.log("__bench_done " + now);
      }
    }
    return emit.apply(this, arguments);
  };
})();
"""


def synthetic_subgraph(nodes: int, *, seed: int) -> Subgraph:
    """A random signed actor graph with ``EDGES_PER_NODE * nodes`` distinct relations."""
    rng = random.Random(seed)
    kinds = list(ActorKind)
    types = list(RelationType)
    actors = tuple(Actor(id=f"a{i}", name=f"Actor {i}", kind=rng.choice(kinds),
                         curated=rng.random() > 0.1) for i in range(nodes))
    seen: set[tuple[str, str, RelationType]] = set()
    relations: list[AggregatedRelation] = []
    while len(relations) < EDGES_PER_NODE * nodes:
        a, b = rng.randrange(nodes), rng.randrange(nodes)
        if a == b:
            continue
        type_ = rng.choice(types)
        key = (f"a{a}", f"a{b}", type_)
        if key in seen:
            continue
        seen.add(key)
        outlets = rng.randint(1, 5)
        relations.append(AggregatedRelation(
            source=key[0], target=key[1], type=type_, polarity=type_.polarity,
            claims=outlets, documents=outlets, outlets=outlets,
            mean_confidence=0.8, hedged_only=rng.random() < 0.1))
    return Subgraph(actors=actors, relations=tuple(relations), total_actors=nodes)


def ours_page(sub: Subgraph, vis_js: str) -> tuple[str, float]:
    """Our drawing as a standalone page; returns the HTML and the server layout seconds."""
    started = time.perf_counter()
    positions = layout(sub, seed=7)
    layout_s = time.perf_counter() - started
    data = vis_data(sub, positions=positions)
    payload = json.dumps(data).replace("</", "<\\/")
    html = f"""<!doctype html><html><head><meta charset="utf-8">
<style>html,body{{margin:0}}#graph{{width:1200px;height:800px}}</style></head><body>
<div id="graph"></div>
<script>{vis_js}</script>
<script>window.__benchPhysicsOff = true;{HOOK}</script>
<script id="data" type="application/json">{payload}</script>
<script>
const data = JSON.parse(document.getElementById("data").textContent);
const network = new vis.Network(document.getElementById("graph"),
  {{nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges)}}, data.options);
network.fit({{animation: false}});
</script></body></html>"""
    return html, layout_s


def pyvis_page(sub: Subgraph) -> str:
    """The same graph through pyvis with default options."""
    net = Network(cdn_resources="in_line")
    for actor in sub.actors:
        net.add_node(actor.id, label=actor.name)
    for rel in sub.relations:
        net.add_edge(rel.source, rel.target)
    html = net.generate_html()
    if "var network;" not in html:
        raise RuntimeError("pyvis template changed: cannot place the timing hook")
    return html.replace("var network;", HOOK + "\nvar network;", 1)


def time_page(browser: Any, path: Path, timeout_s: float) -> dict[str, float | None]:
    """Milliseconds from navigation to stable+drawn (``None`` past the timeout), and to the
    first drawing after vis's stabilisation pass when there is one.

    Times arrive as console messages, so a renderer stuck in layout cannot hang the bench.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    # Block everything that is not the page's own file; file: requests are not intercepted
    # at all (routing a 15 MB file: response through Playwright stalls the page).
    page.route(lambda url: not url.startswith("file:"), lambda route: route.abort())
    out: dict[str, float | None] = {"stable_ms": None, "first_pass_ms": None}

    def heard(message: Any) -> None:
        name, _, value = message.text.partition(" ")
        if name == "__bench_done":
            out["stable_ms"] = float(value)
        elif name == "__bench_pass":
            out["first_pass_ms"] = float(value)

    page.on("console", heard)
    deadline = time.monotonic() + timeout_s
    page.goto(path.as_uri(), wait_until="commit", timeout=timeout_s * 1000)
    while out["stable_ms"] is None and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    if out["stable_ms"] is not None:
        context.close()  # a stuck one goes with its browser
    return out


def run(sizes: list[int], repeats: int, seed: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    vis_js = vis_network_source()
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for n in sizes:
            sub = synthetic_subgraph(n, seed=seed)
            ours_times, layout_times = [], []
            for attempt in range(repeats):
                html, layout_s = ours_page(sub, vis_js)
                path = Path(tmp) / f"ours-{n}-{attempt}.html"
                path.write_text(html, encoding="utf-8")
                ours_times.append(time_page(browser, path, OURS_TIMEOUT_S)["stable_ms"])
                layout_times.append(layout_s)
            pyvis_path = Path(tmp) / f"pyvis-{n}.html"
            pyvis_path.write_text(pyvis_page(sub), encoding="utf-8")
            pyvis = time_page(browser, pyvis_path, PYVIS_TIMEOUT_S)
            # A pyvis renderer may still be stuck in layout: a fresh browser for the next size.
            browser.close()
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            finished = [t for t in ours_times if t is not None]
            ours_ms = statistics.median(finished) if finished else None
            row = {
                "nodes": n, "edges": len(sub.relations),
                "ours_browser_ms": ours_ms,
                "ours_layout_ms": round(statistics.median(layout_times) * 1000, 1),
                "ours_runs_ms": ours_times,
                "pyvis_default_ms": pyvis["stable_ms"],
                "pyvis_first_pass_ms": pyvis["first_pass_ms"],
                "pyvis_timeout_s": PYVIS_TIMEOUT_S,
            }
            rows.append(row)
            print_row(row)
        browser.close()
    return {
        "benchmark": "render",
        "created_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "machine": {"platform": platform.platform(), "python": platform.python_version(),
                    "cpus": os.cpu_count(), "load_average_at_end": os.getloadavg()},
        "seed": seed, "repeats": repeats, "edges_per_node": EDGES_PER_NODE,
        "chromium_args": CHROMIUM_ARGS,
        "rows": rows,
    }


def _fmt_ms(value: float | None, timeout_s: float) -> str:
    return f"> {timeout_s:.0f} s (did not finish)" if value is None else f"{value / 1000:.2f} s"


def print_header() -> None:
    print(f"{'nodes':>6} {'edges':>6} {'ours (browser)':>16} {'ours layout':>12} "
          f"{'pyvis defaults (stable)':>26} {'speed-up':>9} {'pyvis 1st pass':>15}")


def print_row(row: dict[str, Any]) -> None:
    ours, pyvis = row["ours_browser_ms"], row["pyvis_default_ms"]
    speedup = (f"{pyvis / ours:.1f}x" if ours and pyvis
               else f">{PYVIS_TIMEOUT_S * 1000 / ours:.0f}x" if ours else "n/a")
    print(f"{row['nodes']:>6} {row['edges']:>6} {_fmt_ms(ours, OURS_TIMEOUT_S):>16} "
          f"{row['ours_layout_ms'] / 1000:>10.2f} s {_fmt_ms(pyvis, PYVIS_TIMEOUT_S):>26} "
          f"{speedup:>9} {_fmt_ms(row['pyvis_first_pass_ms'], PYVIS_TIMEOUT_S):>15}",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--repeats", type=int, default=3, help="runs of ours per size")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    print_header()
    result = run(args.sizes, args.repeats, args.seed)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"render-{datetime.now(UTC).date().isoformat()}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
