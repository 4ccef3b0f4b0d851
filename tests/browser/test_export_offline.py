"""The exported HTML in a real browser: drawn from ``file://`` with every request blocked, and
hostile names, aliases, evidence and links never run.

Uses the session's browser (``app_browser`` in ``tests/browser/conftest.py``: Debian chromium
via Playwright, which skips without them locally and fails under ``CI=true``). One Playwright
per session: a second sync Playwright in the same thread is refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph import export
from graph.embedded_store import EmbeddedStore
from graph.model import GraphFilter
from tests.export_data import HOSTILE_IDS, IMG_NAME, SCRIPT_SENTENCE, hostile_batch

pytestmark = pytest.mark.browser


@pytest.fixture
def exported(tmp_path: Path, embedded_store: EmbeddedStore) -> tuple[Path, export.Snapshot]:
    embedded_store.load(hostile_batch())
    snapshot = export.take_snapshot(embedded_store, GraphFilter())
    path = tmp_path / "snapshot.html"
    path.write_bytes(export.render(snapshot, "html"))
    return path, snapshot


class OfflinePage:
    """A page that may load its own file and nothing else; records every attempt."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.url = path.as_uri()
        self.attempts: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.page = self.context.new_page()
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", self._console)

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url == self.url:
            route.continue_()
        else:
            self.attempts.append(url)
            route.abort()

    def open(self) -> dict[str, int]:
        self.page.goto(self.url)
        self.page.wait_for_function("window.__allegiance_network_ready", timeout=20_000)
        ready: dict[str, int] = self.page.evaluate("window.__allegiance_network_ready")
        return ready

    def click_node(self, node_id: str) -> None:
        point = self.node_point(node_id)
        self.page.mouse.click(point["x"], point["y"])

    def node_point(self, node_id: str) -> dict[str, float]:
        point: dict[str, float] = self.page.evaluate(
            """(id) => {
                const network = window.__allegiance_network;
                const dom = network.canvasToDOM(network.getPositions([id])[id]);
                const box = document.getElementById("network").getBoundingClientRect();
                return {x: box.left + dom.x, y: box.top + dom.y};
            }""", node_id)
        return point

    def click_edge(self, edge_id: str) -> None:
        # Select through the library, then fire the same handler a click would.
        self.page.evaluate(
            """(id) => {
                const network = window.__allegiance_network;
                network.setSelection({nodes: [], edges: [id]});
                network.body.emitter.emit("click", {nodes: [], edges: [id]});
            }""", edge_id)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def offline(app_browser: Any, exported: tuple[Path, export.Snapshot]) -> Iterator[OfflinePage]:
    page = OfflinePage(app_browser, exported[0])
    yield page
    page.close()


def test_renders_offline_without_any_request(
    offline: OfflinePage, exported: tuple[Path, export.Snapshot]
) -> None:
    snapshot = exported[1]
    ready = offline.open()
    assert ready == {"nodes": len(snapshot.subgraph.actors),
                     "edges": len(snapshot.subgraph.relations)}
    # Something is painted on the canvas, in both edge colours.
    painted = offline.page.evaluate(
        """() => {
            const canvas = document.querySelector("#network canvas");
            const ctx = canvas.getContext("2d");
            const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
            let inked = 0, blue = 0, red = 0;
            for (let i = 0; i < px.length; i += 4) {
                if (px[i + 3] === 0) continue;
                inked++;
                if (px[i + 2] > 150 && px[i] < 80) blue++;
                if (px[i] > 180 && px[i + 1] < 90 && px[i + 2] < 90) red++;
            }
            return {inked, blue, red};
        }""")
    assert painted["inked"] > 5_000 and painted["blue"] > 50 and painted["red"] > 50
    assert offline.attempts == []
    assert offline.errors == []
    assert offline.page.evaluate("typeof window.__pwned") == "undefined"


def test_hostile_text_shows_as_text_and_never_runs(offline: OfflinePage) -> None:
    offline.open()
    offline.click_node(HOSTILE_IDS[0])
    offline.page.wait_for_function(
        "document.querySelector('#details h2') !== null")
    assert offline.page.inner_text("#details h2") == IMG_NAME

    offline.click_edge("|".join((HOSTILE_IDS[0], HOSTILE_IDS[1], "hostility")))
    offline.page.wait_for_function(
        "document.querySelectorAll('#details blockquote').length > 0")
    assert SCRIPT_SENTENCE in offline.page.inner_text("#details")
    # The document's javascript: URL never became a link.
    hrefs = offline.page.eval_on_selector_all("a", "links => links.map(a => a.href)")
    assert not [h for h in hrefs if not h.startswith(("http:", "https:"))]

    # Hovering the hostile node shows its tooltip as text too.
    point = offline.node_point(HOSTILE_IDS[0])
    offline.page.mouse.move(point["x"] + 1, point["y"] + 1)
    offline.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    assert offline.page.inner_text("div.vis-tooltip").startswith(IMG_NAME)
    assert offline.page.evaluate("document.querySelectorAll('img, iframe, object').length") == 0
    assert offline.page.evaluate("typeof window.__pwned") == "undefined"
    assert offline.attempts == []
