"""Capture the screenshots in docs/ with Playwright and Debian chromium.

    ALLEGIANCE_STORE=embedded ALLEGIANCE_EMBEDDED_PATH=/tmp/sample.json \\
        allegiance ingest data/sample
    ALLEGIANCE_STORE=embedded ALLEGIANCE_EMBEDDED_PATH=/tmp/sample.json allegiance ui --port 8650 &
    .venv/bin/python docs/screenshots/capture.py http://localhost:8650 /tmp/sample.json

Writes ``network.png``, ``evidence.png`` and ``console.png`` next to this file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from graph.embedded_store import EmbeddedStore
from graph.model import GraphFilter
from graph.visual import edge_id

HERE = Path(__file__).resolve().parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DRAWN = "() => window.__allegiance_network && window.__allegiance_network.drawn === true"


def click_point(page: Page, expression: str, argument: str) -> None:
    point = page.evaluate(expression, argument)
    page.mouse.click(point["x"], point["y"])


def leave_canvas(page: Page) -> None:
    """Move the mouse over an empty corner of the canvas, then away, to drop the hover card."""
    corner = page.evaluate("""() => {
        const net = window.__allegiance_network;
        const ids = Object.keys(net.positions());
        const ys = ids.map((id) => net.pagePosition(id).y);
        const xs = ids.map((id) => net.pagePosition(id).x);
        return {x: Math.min(...xs) - 40, y: Math.min(...ys) - 40}; }""")
    page.mouse.move(corner["x"], corner["y"])
    page.wait_for_timeout(300)
    page.mouse.move(5, 5)
    page.wait_for_timeout(800)


def main(url: str, store_file: str) -> None:
    store = EmbeddedStore.open(store_file)
    sub = store.subgraph(GraphFilter())
    busiest = max(sub.relations, key=lambda r: (r.claims, r.outlets))
    hub = max(sub.actors, key=lambda a: sum(a.id in (r.source, r.target) for r in sub.relations))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        page.set_default_timeout(90_000)
        page.goto(url)
        page.wait_for_function(DRAWN)
        click_point(page, "(id) => window.__allegiance_network.pagePosition(id)", hub.id)
        page.get_by_text("Aliases:").wait_for()
        leave_canvas(page)
        page.screenshot(path=str(HERE / "network.png"))

        click_point(page, "(id) => window.__allegiance_network.edgeMidpoint(id)",
                    edge_id(busiest))
        page.get_by_text("claims from").first.wait_for()
        leave_canvas(page)
        page.screenshot(path=str(HERE / "evidence.png"))

        page.set_viewport_size({"width": 1500, "height": 1400})
        page.get_by_role("link", name="Cypher console").click()
        before = page.evaluate("() => window.__allegiance_network.signature")
        page.get_by_label("Example queries").click()
        page.get_by_role("option", name="Who an actor acts on (as a network)").click()
        page.get_by_role("button", name="Run").click()
        page.get_by_text("As a network").wait_for()
        page.wait_for_function(
            "(old) => window.__allegiance_network.signature !== old"
            " && window.__allegiance_network.drawn", arg=before)
        page.wait_for_timeout(1500)
        page.screenshot(path=str(HERE / "console.png"))
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
