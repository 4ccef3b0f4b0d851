"""AppTest: the network page — filters, the URL, the node cap notice, details, empty state."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.embedded_store import EmbeddedStore
from graph.model import Extraction, GraphFilter, Polarity
from graph.visual import edge_id
from tests.app_helpers import app_on, texts


@pytest.fixture
def store_file(tmp_path: Path, sample_batch: Extraction) -> Path:
    path = tmp_path / "graph.json"
    store = EmbeddedStore.open(path)
    store.load(sample_batch)
    store.close()
    return path


def shown_counts(at) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    for caption in at.caption:
        match = re.match(r"(\d+) actors · (\d+) relations", str(caption.value))
        if match:
            return int(match.group(1)), int(match.group(2))
    raise AssertionError("no counts caption on the page")


def expected(path: Path, filters: GraphFilter) -> tuple[int, int]:
    sub = EmbeddedStore.open(path).subgraph(filters)
    return len(sub.actors), len(sub.relations)


def test_page_shows_whole_graph_by_default(store_file: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    at = app_on(store_file, monkeypatch)
    assert shown_counts(at) == expected(store_file, GraphFilter())
    assert not at.warning  # nothing trimmed


def test_polarity_filter_changes_counts_and_url(store_file: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    at = app_on(store_file, monkeypatch)
    before = shown_counts(at)
    at.radio(key="flt_polarity").set_value("hostile").run()
    after = shown_counts(at)
    assert after == expected(store_file, GraphFilter(polarity=Polarity.HOSTILE))
    assert after[1] < before[1]
    assert at.query_params["polarity"] == "hostile"


def test_hedged_and_discovered_toggles_drop_relations(store_file: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    at = app_on(store_file, monkeypatch)
    at.checkbox(key="flt_hedged").uncheck().run()
    assert shown_counts(at) == expected(store_file, GraphFilter(include_hedged=False))
    at.checkbox(key="flt_discovered").uncheck().run()
    assert shown_counts(at) == expected(
        store_file, GraphFilter(include_hedged=False, include_discovered=False))
    assert at.query_params["hedged"] == "0" and at.query_params["discovered"] == "0"


def test_url_parameters_restore_a_view(store_file: Path, monkeypatch: pytest.MonkeyPatch
                                       ) -> None:
    monkeypatch.setenv("ALLEGIANCE_STORE", "embedded")
    monkeypatch.setenv("ALLEGIANCE_EMBEDDED_PATH", str(store_file))
    from streamlit.testing.v1 import AppTest

    from tests.app_helpers import APP

    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["focus"] = "ypg"
    at.query_params["hops"] = "1"
    at.query_params["types"] = "hostility"
    at.run()
    assert not at.exception
    assert at.multiselect(key="flt_focus").value == ["ypg"]
    assert shown_counts(at) == expected(store_file, GraphFilter(
        focus=("ypg",), hops=1, types=frozenset({"hostility"})))


def test_node_cap_shows_a_notice(store_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = app_on(store_file, monkeypatch)
    total = shown_counts(at)[0]
    at.number_input(key="flt_cap").set_value(3).run()
    assert shown_counts(at)[0] == 3
    notice = " ".join(str(w.value) for w in at.warning)
    assert f"showing 3 of {total} actors" in notice
    assert at.query_params["cap"] == "3"


def test_display_options_do_not_requery(store_file: Path, monkeypatch: pytest.MonkeyPatch
                                        ) -> None:
    calls: list[GraphFilter] = []
    original = EmbeddedStore.subgraph

    def counting(self: EmbeddedStore, filters: GraphFilter):  # type: ignore[no-untyped-def]
        calls.append(filters)
        return original(self, filters)

    monkeypatch.setattr(EmbeddedStore, "subgraph", counting)
    at = app_on(store_file, monkeypatch)
    at.radio(key="flt_polarity").set_value("ally").run()
    before = len(calls)
    at.radio(key="flt_color").set_value("bloc").run()
    at.toggle(key="flt_labels").set_value(False).run()
    at.radio(key="flt_size").set_value("sources").run()
    assert len(calls) == before
    assert at.query_params["color"] == "bloc"


def test_clicked_edge_shows_every_claim(store_file: Path, monkeypatch: pytest.MonkeyPatch,
                                        sample_batch: Extraction) -> None:
    at = app_on(store_file, monkeypatch)
    store = EmbeddedStore.open(store_file)
    contested = next(r for r in store.relations() if r.type.value == "hostility"
                     and {r.source, r.target} == {"jabhat-al-shamiya", "islamic-state"})
    at.session_state["allegiance_selection"] = {"kind": "edge", "id": edge_id(contested)}
    at.run()
    page = texts(at)
    claims = store.evidence(contested.source, contested.target, type=contested.type)
    assert f"{len(claims)} claims" in page
    html = " ".join(str(el.proto.body) for el in at.get("html"))
    for claim in claims:
        assert claim.evidence.sentence.split(" ")[-1].rstrip(".") in html
    assert "<mark>" in html


def test_clicked_actor_shows_aliases_and_neighbours(store_file: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    at = app_on(store_file, monkeypatch)
    at.session_state["allegiance_selection"] = {"kind": "node", "id": "jabhat-al-shamiya"}
    at.run()
    page = texts(at)
    assert "Levant Front" in page
    assert "truce" in page and "People's Protection Units" in page
    assert "curated" in page


def test_empty_store_explains_how_to_ingest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    at = app_on(tmp_path / "empty.json", monkeypatch)
    assert "allegiance ingest data/sample" in texts(at)


def test_hostile_text_is_escaped_in_details(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    from tests.hostile_data import HOSTILE_A, HOSTILE_B, hostile_batch

    path = tmp_path / "hostile.json"
    EmbeddedStore.open(path).load(hostile_batch())
    at = app_on(path, monkeypatch)
    at.session_state["allegiance_selection"] = {
        "kind": "edge", "id": f"{HOSTILE_A}|{HOSTILE_B}|hostility"}
    at.run()
    assert not at.exception
    html = " ".join(str(el.proto.body) for el in at.get("html"))
    assert "<img" not in html, html[html.find("<img") - 80: html.find("<img") + 40]
    assert "<script" not in html and "href=\"javascript" not in html.lower()
    assert "&lt;img src=x onerror" in html
    for md in at.markdown:
        assert "](javascript" not in str(md.value)


def test_ingest_page_shows_the_store(store_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = app_on(store_file, monkeypatch, page="pages/ingest.py")
    counts = EmbeddedStore.open(store_file).counts()
    assert f"{counts.documents} documents · {counts.claims} claims" in texts(at)
    assert at.get("file_uploader")
