"""The explorer in a real browser: it loads, draws, reports clicks, runs Cypher, and runs none of
the hostile text in its data (every payload would set ``window.__pwned``).

The served store holds the reference sample batch plus :mod:`tests.hostile_data`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from graph.embedded_store import EmbeddedStore
from graph.model import GraphFilter
from tests.browser.conftest import ServedApp
from tests.hostile_data import HOSTILE_A, HOSTILE_B

pytestmark = pytest.mark.browser

GRAPH_DRAWN = "() => window.__allegiance_network && window.__allegiance_network.drawn === true"
TIMEOUT_MS = 90_000


class AppPage:
    """One browser tab on the served app that records page errors and off-host requests."""

    def __init__(self, browser: Any, app: ServedApp) -> None:
        self.app = app
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.page = self.context.new_page()
        self.page.set_default_timeout(TIMEOUT_MS)
        self.errors: list[str] = []
        self.foreign: list[str] = []
        host = urlsplit(app.url).netloc
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: (
            None if urlsplit(request.url).netloc in (host, "") or request.url.startswith("data:")
            else self.foreign.append(request.url)))

    def goto(self, path: str = "/") -> None:
        self.page.goto(self.app.url + path)

    def wait_for_graph(self) -> dict[str, Any]:
        self.page.wait_for_function(GRAPH_DRAWN, timeout=TIMEOUT_MS)
        hook: dict[str, Any] = self.page.evaluate(
            "() => ({...window.__allegiance_network, "
            "ids: Object.keys(window.__allegiance_network.positions())})")
        return hook

    def click_node(self, actor_id: str) -> None:
        point = self.page.evaluate(
            "(id) => window.__allegiance_network.pagePosition(id)", actor_id)
        assert point is not None, f"{actor_id} is not drawn"
        self.page.mouse.click(point["x"], point["y"])

    def pwned(self) -> bool:
        return bool(self.page.evaluate("() => typeof window.__pwned !== 'undefined'"))

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(app_browser: Any, served_app: ServedApp) -> Iterator[AppPage]:
    page = AppPage(app_browser, served_app)
    yield page
    assert not page.pwned(), "injected code ran"
    assert not page.errors, page.errors
    assert not page.foreign, f"requests left the app's host: {page.foreign}"
    page.close()


def expected_actor_ids(app: ServedApp) -> set[str]:
    sub = EmbeddedStore.open(app.store_file).subgraph(GraphFilter(node_cap=400))
    return {a.id for a in sub.actors}


def test_app_loads_and_draws_every_node(tab: AppPage, served_app: ServedApp) -> None:
    tab.goto()
    tab.page.get_by_text("Who is allied with whom").wait_for()
    hook = tab.wait_for_graph()
    expected = expected_actor_ids(served_app)
    assert hook["nodeCount"] == len(expected)
    assert set(hook["ids"]) == expected
    # The canvas lives in the component's shadow root and has a real size.
    size = tab.page.evaluate("""() => {
        for (const host of document.querySelectorAll('*')) {
            const canvas = host.shadowRoot && host.shadowRoot.querySelector('canvas');
            if (canvas) return [canvas.width, canvas.height];
        }
        return null; }""")
    assert size is not None and size[0] > 200 and size[1] > 200


def test_clicking_a_node_shows_its_details(tab: AppPage) -> None:
    tab.goto()
    tab.wait_for_graph()
    tab.click_node("jabhat-al-shamiya")
    tab.page.get_by_text("Levant Front").first.wait_for()
    tab.page.get_by_text("truce:").first.wait_for()


def test_clicking_an_edge_shows_its_evidence(tab: AppPage) -> None:
    tab.goto()
    tab.wait_for_graph()
    point = tab.page.evaluate(
        "() => window.__allegiance_network.edgeMidpoint('russia|syrian-arab-army|support')")
    tab.page.mouse.click(point["x"], point["y"])
    tab.page.get_by_text("2 claims from 2 documents").wait_for()
    # Mentions are highlighted in the evidence sentences (one per claim here).
    tab.page.locator("mark").nth(1).wait_for()
    assert tab.page.locator("mark").first.inner_text() == "russia"


def test_filters_redraw_the_graph_and_land_in_the_url(tab: AppPage,
                                                       served_app: ServedApp) -> None:
    tab.goto("/?polarity=hostile")
    hook = tab.wait_for_graph()
    expected = EmbeddedStore.open(served_app.store_file).subgraph(
        GraphFilter(polarity="hostile", node_cap=400))
    assert hook["nodeCount"] == len(expected.actors)
    assert hook["edgeCount"] == len(expected.relations)
    assert "polarity=hostile" in tab.page.url


def test_cypher_query_returns_rows(tab: AppPage, served_app: ServedApp) -> None:
    tab.goto("/console")
    query = tab.page.get_by_label("Query")
    query.fill("MATCH (a:Actor) RETURN a.name AS name")
    tab.page.get_by_label("Parameters (JSON object)").fill("{}")
    tab.page.get_by_role("button", name="Run").click()
    actors = EmbeddedStore.open(served_app.store_file).counts().actors
    tab.page.get_by_text(f"{actors} rows").wait_for()


def test_hostile_data_never_runs(tab: AppPage) -> None:
    # Network page: hostile labels and titles drawn; click the hostile node and its edge.
    tab.goto()
    hook = tab.wait_for_graph()
    assert HOSTILE_A in hook["ids"] and HOSTILE_B in hook["ids"]
    tab.click_node(HOSTILE_A)
    tab.page.get_by_text("Aliases:", exact=True).wait_for()
    tab.page.mouse.move(10, 10)
    point = tab.page.evaluate(
        "(id) => window.__allegiance_network.pagePosition(id)", HOSTILE_B)
    tab.page.mouse.move(point["x"], point["y"])  # hover title
    tab.page.wait_for_timeout(500)
    edge = tab.page.evaluate(
        "(id) => window.__allegiance_network.edgeMidpoint(id)",
        f"{HOSTILE_A}|{HOSTILE_B}|hostility")
    tab.page.mouse.click(edge["x"], edge["y"])
    tab.page.get_by_text("claims from").first.wait_for()
    assert tab.page.locator("img[src='x']").count() == 0
    assert tab.page.locator("a[href^='javascript']").count() == 0
    assert not tab.pwned()

    # Search page: hostile names in results.
    tab.page.get_by_role("link", name="Search & paths").click()
    tab.page.get_by_label("Name or any spelling", exact=True).fill("evil")
    tab.page.keyboard.press("Enter")
    tab.page.get_by_role("button", name="Neighbourhood").first.wait_for()
    assert not tab.pwned()

    # Console: hostile names in a table and a drawn result network.
    tab.page.get_by_role("link", name="Cypher console").click()
    tab.page.get_by_label("Query").fill(
        "MATCH (a:Actor)-[r:FIGHTS]->(b:Actor) RETURN a, r, b")
    tab.page.get_by_label("Parameters (JSON object)").fill("{}")
    tab.page.get_by_role("button", name="Run").click()
    tab.page.get_by_text("As a network").wait_for()
    tab.page.wait_for_timeout(1000)
    assert tab.page.locator("img[src='x']").count() == 0
    assert tab.page.locator("a[href^='javascript']").count() == 0
