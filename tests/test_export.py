"""Snapshot export: every format parses back with its data, metadata and hostile text intact."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pytest
from PIL import Image

from graph import export
from graph.embedded_store import EmbeddedStore
from graph.errors import InputError
from graph.model import GraphFilter, Polarity, RelationType
from tests.export_data import (
    CONTROL_ALIAS,
    FORMULA_NAME,
    HOSTILE_IDS,
    IMG_NAME,
    JS_URL,
    MATH_NAME,
    SCRIPT_ALIAS,
    SCRIPT_SENTENCE,
    hostile_batch,
)
from tests.factories import SAA, SHAMIYA, YPG
from ui.cli import main
from ui.filter_options import build_filter, parse_day

CREATED = "2026-03-01T09:30:00+00:00"


@pytest.fixture
def loaded(embedded_store: EmbeddedStore) -> EmbeddedStore:
    embedded_store.load(hostile_batch())
    return embedded_store


@pytest.fixture
def snapshot(loaded: EmbeddedStore) -> export.Snapshot:
    return export.take_snapshot(loaded, GraphFilter(), created_at=CREATED, title="Test view")


def _edge_key(source: str, target: str, type_: RelationType) -> str:
    return "|".join((source, target, type_.value))


# --- metadata ---------------------------------------------------------------------------------

def test_meta_counts_window_and_filters(loaded: EmbeddedStore) -> None:
    filters = GraphFilter(types=frozenset({RelationType.HOSTILITY}), since=parse_day(
        "2016-02", option="--since"))
    snap = export.take_snapshot(loaded, filters, created_at=CREATED)
    meta = snap.meta
    assert meta.store == "embedded"
    assert meta.actors == len(snap.subgraph.actors) and meta.relations == len(
        snap.subgraph.relations)
    assert all(r.type is RelationType.HOSTILITY for r in snap.subgraph.relations)
    assert meta.filters["types"] == ["hostility"]
    assert meta.date_from.isoformat() == "2016-02-01"  # type: ignore[union-attr]
    # No --until: the window ends at the last claim seen.
    assert meta.date_until == max(r.last_seen for r in snap.subgraph.relations if r.last_seen)
    assert meta.claims == len(snap.claims) > 0
    assert all(c.type is RelationType.HOSTILITY and not c.negated for c in snap.claims)


def test_meta_reports_node_cap_trim(loaded: EmbeddedStore) -> None:
    snap = export.take_snapshot(loaded, GraphFilter(node_cap=3), created_at=CREATED)
    assert snap.meta.actors == 3
    assert snap.meta.trimmed and snap.meta.total_actors > 3
    assert "trimmed" in snap.meta.summary()


# --- GraphML ----------------------------------------------------------------------------------

def test_graphml_round_trip(snapshot: export.Snapshot) -> None:
    data = export.render(snapshot, "graphml")
    graph = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    assert graph.number_of_nodes() == len(snapshot.subgraph.actors)
    assert graph.number_of_edges() == len(snapshot.subgraph.relations)
    assert graph.nodes[HOSTILE_IDS[0]]["name"] == IMG_NAME
    assert SCRIPT_ALIAS in graph.nodes[HOSTILE_IDS[0]]["aliases"].split("; ")
    signs = {(u, v, d["relation"]): d["sign"] for u, v, d in graph.edges(data=True)}
    assert signs[(SAA, SHAMIYA, "hostility")] == -1
    # The contested pair keeps both edges, with both signs.
    assert {signs[(SHAMIYA, YPG, "truce")], signs[(YPG, SHAMIYA, "hostility")]} == {1, -1}
    hostile_edge = next(d for u, v, d in graph.edges(data=True) if u == HOSTILE_IDS[0])
    assert SCRIPT_SENTENCE in hostile_edge["evidence"]
    meta = json.loads(graph.graph["meta"])
    assert meta == snapshot.meta.as_json_dict()
    assert graph.graph["store"] == "embedded" and graph.graph["created_at"] == CREATED


# --- GEXF -------------------------------------------------------------------------------------

def test_gexf_is_dynamic_with_dated_edges_and_nodes(snapshot: export.Snapshot) -> None:
    data = export.render(snapshot, "gexf")
    root = ElementTree.fromstring(data)
    ns = {"g": "http://www.gexf.net/1.2draft"}
    graph_el = root.find("g:graph", ns)
    assert graph_el is not None
    assert graph_el.get("mode") == "dynamic" and graph_el.get("timeformat") == "date"

    graph = nx.read_gexf(io.BytesIO(data))
    assert graph.graph["mode"] == "dynamic"
    assert graph.number_of_nodes() == len(snapshot.subgraph.actors)
    assert graph.number_of_edges() == len(snapshot.subgraph.relations)
    relations = {export.visual.edge_id(r): r for r in snapshot.subgraph.relations}
    for _, _, attrs in graph.edges(data=True):
        rel = relations[attrs["id"]]
        assert attrs["sign"] == rel.polarity.sign
        spells = attrs.get("spells") or [(attrs.get("start"), attrs.get("end"))]
        # A tie holds from its first claim at least until its last one.
        assert rel.first_seen and rel.last_seen
        assert spells[0][0] == rel.first_seen.isoformat()
        assert spells[-1][1] is None or spells[-1][1] >= rel.last_seen.isoformat()
    # An actor appears with its earliest tie: Russia only has support from 2016-02-10.
    assert graph.nodes["russia"]["start"] == "2016-02-10"
    assert graph.nodes[HOSTILE_IDS[1]]["label"] == MATH_NAME
    # XML cannot hold a form feed: it becomes U+FFFD instead of breaking the file.
    assert "Liwa\ufffdal-Fatah" in graph.nodes[HOSTILE_IDS[1]]["aliases"]
    assert export.read_gexf_meta(data) == snapshot.meta.as_json_dict()


def test_gexf_without_claims_spans_first_to_last_seen(snapshot: export.Snapshot) -> None:
    graph = nx.read_gexf(io.BytesIO(export.to_gexf(snapshot.subgraph, snapshot.meta)))
    relations = {export.visual.edge_id(r): r for r in snapshot.subgraph.relations}
    for _, _, attrs in graph.edges(data=True):
        rel = relations[attrs["id"]]
        assert (attrs["start"], attrs["end"]) == (str(rel.first_seen), str(rel.last_seen))


# --- JSON -------------------------------------------------------------------------------------

def test_json_node_link_round_trip(snapshot: export.Snapshot) -> None:
    payload = json.loads(export.render(snapshot, "json"))
    assert payload["meta"] == snapshot.meta.as_json_dict()
    graph = nx.node_link_graph(payload, edges="edges")
    assert graph.number_of_nodes() == len(snapshot.subgraph.actors)
    assert graph.number_of_edges() == len(snapshot.subgraph.relations)
    assert graph.nodes[HOSTILE_IDS[0]]["aliases"] == [SCRIPT_ALIAS, "javascript:alert(1)"]
    assert CONTROL_ALIAS in graph.nodes[HOSTILE_IDS[1]]["aliases"]  # JSON keeps it exactly
    assert graph.edges[YPG, SHAMIYA, "hostility"]["polarity"] == Polarity.HOSTILE.value
    sentences = {c["sentence"] for c in payload["claims"]}
    assert SCRIPT_SENTENCE in sentences
    assert any(c["url"] == JS_URL for c in payload["claims"])  # kept as data, never a link


# --- CSV --------------------------------------------------------------------------------------

def _read_csv(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    text = archive.read(name).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_zip_round_trip(snapshot: export.Snapshot) -> None:
    archive = zipfile.ZipFile(io.BytesIO(export.render(snapshot, "csv")))
    assert sorted(archive.namelist()) == ["claims.csv", "edges.csv", "meta.json", "nodes.csv"]
    nodes = {row["id"]: row for row in _read_csv(archive, "nodes.csv")}
    edges = _read_csv(archive, "edges.csv")
    assert len(nodes) == len(snapshot.subgraph.actors)
    assert len(edges) == len(snapshot.subgraph.relations)
    assert nodes[HOSTILE_IDS[0]]["name"] == IMG_NAME
    assert nodes[HOSTILE_IDS[1]]["name"] == MATH_NAME
    # Formula-looking text is defused for spreadsheets but still readable.
    assert nodes[HOSTILE_IDS[2]]["name"] == "'" + FORMULA_NAME
    assert {e["sign"] for e in edges} == {"1", "-1"}
    claims = _read_csv(archive, "claims.csv")
    assert SCRIPT_SENTENCE in {c["sentence"] for c in claims}
    assert json.loads(archive.read("meta.json")) == snapshot.meta.as_json_dict()


# --- PNG --------------------------------------------------------------------------------------

def test_png_picture_with_metadata(snapshot: export.Snapshot) -> None:
    data = export.render(snapshot, "png")
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(io.BytesIO(data))
    assert image.size == (1600, 1200)
    assert json.loads(image.text["Description"]) == snapshot.meta.as_json_dict()  # type: ignore[attr-defined]
    # Not a blank canvas: edges in both signs' colours are drawn.
    colours: set[tuple[int, int, int]] = {
        c for _, c in image.convert("RGB").getcolors(maxcolors=1 << 20) or []}  # type: ignore[misc]
    assert any(abs(r - 0x1C) < 30 and abs(b - 0xD6) < 30 for r, _, b in colours)
    assert any(abs(r - 0xE0) < 30 and g < 90 for r, g, _ in colours)


def test_png_and_html_are_deterministic(snapshot: export.Snapshot) -> None:
    assert export.render(snapshot, "png") == export.render(snapshot, "png")
    assert export.render(snapshot, "html") == export.render(snapshot, "html")


# --- HTML -------------------------------------------------------------------------------------

_EXTERNAL_LOAD = re.compile(
    r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import)""",
    re.IGNORECASE,
)


def _data_block(page: str) -> dict[str, object]:
    match = re.search(
        r'<script type="application/json" id="allegiance-data">(.*?)</script>', page, re.S)
    assert match, "embedded data block missing"
    loaded: dict[str, object] = json.loads(match.group(1))
    return loaded


def test_html_loads_nothing_external(snapshot: export.Snapshot) -> None:
    page = export.render(snapshot, "html").decode("utf-8")
    assert not _EXTERNAL_LOAD.search(page)
    assert "cdn.jsdelivr" not in page and "bootstrap" not in page.lower()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp and "default-src 'none'" in csp.group(1) and "connect-src 'none'" in csp.group(1)


def test_html_keeps_hostile_text_as_data(snapshot: export.Snapshot) -> None:
    page = export.render(snapshot, "html").decode("utf-8")
    # Exactly three script elements (data, vis-network, page): nothing injected one. The
    # library's own code is taken out first (core-js mentions "<script>" in a string).
    outside_library = page.replace(export._vis_asset("vis-network.min.js"), "")
    assert len(re.findall(r"<script\b", outside_library)) == 3
    # No hostile string appears as markup anywhere in the page, only escaped.
    for raw in (IMG_NAME, SCRIPT_ALIAS, SCRIPT_SENTENCE, "<i>Outlet</i>"):
        assert raw not in page
    assert "javascript:window" not in page  # the document's javascript: URL is dropped
    data = _data_block(page)
    nodes = {n["id"]: n for n in data["graph"]["nodes"]}  # type: ignore[index]
    assert nodes[HOSTILE_IDS[0]]["label"] == IMG_NAME
    assert SCRIPT_ALIAS in nodes[HOSTILE_IDS[0]]["title"]
    details = data["details"]["edges"]  # type: ignore[index]
    evidence = details[_edge_key(HOSTILE_IDS[0], HOSTILE_IDS[1], RelationType.HOSTILITY)]
    assert evidence["evidence"][0]["sentence"] == SCRIPT_SENTENCE
    assert evidence["evidence"][0]["url"] == ""
    assert data["meta"] == snapshot.meta.as_json_dict()
    # The visible metadata block is text.
    assert "<dt>store</dt><dd>embedded</dd>" in page


def test_html_of_an_empty_view_says_so(embedded_store: EmbeddedStore) -> None:
    snap = export.take_snapshot(embedded_store, GraphFilter(), created_at=CREATED)
    page = export.render(snap, "html").decode("utf-8")
    assert "No actors match these filters." in page


def test_json_for_script_cannot_close_the_element() -> None:
    text = export.json_for_script({"a": "</script><!-- \u2028 & >"})
    assert "<" not in text and ">" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- \u2028 & >"}


# --- filter options ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "end", "expected"), [
    ("2016-02-07", False, "2016-02-07"),
    ("2016-02", False, "2016-02-01"),
    ("2016-02", True, "2016-02-29"),
    ("2015", True, "2015-12-31"),
])
def test_parse_day(text: str, end: bool, expected: str) -> None:
    assert parse_day(text, option="--since", end=end).isoformat() == expected


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"since": "yesterday"}, "--since: 'yesterday' is not a date"),
    ({"until": "2016-02-30"}, "--until: '2016-02-30' is not a valid date"),
    ({"since": "2016-03", "until": "2016-02"}, "is after --until"),
    ({"types": ["alliance", "friendship"]}, "unknown relation type 'friendship'"),
    ({"polarity": "neutral"}, "neither 'ally' nor 'hostile'"),
    ({"min_confidence": 1.5}, "--min-confidence"),
    ({"min_sources": 0}, "--min-sources"),
    ({"hops": 9}, "--hops"),
    ({"node_cap": 0}, "--node-cap"),
])
def test_bad_filter_values_are_user_errors(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        build_filter(**kwargs)  # type: ignore[arg-type]


def test_type_names_are_forgiving() -> None:
    f = build_filter(types=["Joint-Operation", "truce,support"])
    assert f.types == {RelationType.JOINT_OPERATION, RelationType.TRUCE, RelationType.SUPPORT}


# --- CLI --------------------------------------------------------------------------------------

@pytest.fixture
def cli_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "store.json"
    store = EmbeddedStore.open(path)
    store.load(hostile_batch())
    store.close()
    monkeypatch.setenv("ALLEGIANCE_STORE", "embedded")
    monkeypatch.setenv("ALLEGIANCE_EMBEDDED_PATH", str(path))
    return path


@pytest.mark.parametrize("fmt", sorted(export.FORMATS))
def test_cli_writes_every_format(cli_store: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"snap.{fmt}"
    code = main(["export", "--format", fmt, "-o", str(out), "--type", "hostility",
                 "--since", "2016-02", "--no-hedged"])
    assert code == 0
    assert out.stat().st_size > 0
    if fmt == "json":
        payload = json.loads(out.read_text(encoding="utf-8"))
        assert payload["meta"]["filters"]["types"] == ["hostility"]
        assert payload["meta"]["filters"]["include_hedged"] is False
        assert payload["meta"]["date_from"] == "2016-02-01"
        assert {e["relation"] for e in payload["edges"]} == {"hostility"}


def test_cli_focus_by_alias_and_hops(cli_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "focus.json"
    assert main(["export", "-f", "json", "-o", str(out), "--focus", "jabha shamiya",
                 "--hops", "1"]) == 0
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["meta"]["filters"]["focus"] == [SHAMIYA]
    ids = {n["id"] for n in payload["nodes"]}
    assert SHAMIYA in ids and "russia" not in ids  # Russia is two hops away


def test_cli_refuses_to_overwrite(cli_store: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "snap.graphml"
    out.write_text("keep me", encoding="utf-8")
    assert main(["export", "-f", "graphml", "-o", str(out)]) == InputError.exit_code
    assert out.read_text(encoding="utf-8") == "keep me"
    assert "already exists" in capsys.readouterr().err
    assert main(["export", "-f", "graphml", "-o", str(out), "--force"]) == 0
    assert nx.read_graphml(out).number_of_nodes() > 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".snap")] == []


def test_cli_bad_date_is_one_clear_line(cli_store: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.json"
    assert main(["export", "-f", "json", "-o", str(out), "--until", "2016-02-31"]) == 2
    err = capsys.readouterr().err
    assert "--until" in err and "Traceback" not in err
    assert not out.exists()


def test_cli_unknown_focus_names_it(cli_store: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "-f", "json", "-o", str(tmp_path / "x.json"),
                 "--focus", "No Such Brigade"]) == 2
    assert "No Such Brigade" in capsys.readouterr().err


# --- Streamlit download buttons ---------------------------------------------------------------

_DOWNLOADS_PAGE = """
import os
from graph.embedded_store import EmbeddedStore
from graph.model import GraphFilter
from ui.downloads import render_downloads

store = EmbeddedStore.open(os.environ["ALLEGIANCE_EMBEDDED_PATH"])
render_downloads(store, GraphFilter(), key_prefix="view")
"""


def test_download_buttons_offer_every_format(cli_store: Path) -> None:
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_string(_DOWNLOADS_PAGE).run(timeout=30)
    assert not app.exception
    buttons = app.get("download_button")
    # Laid out in columns, so the element tree lists them column by column.
    labels = sorted(b.proto.label for b in buttons)
    assert labels == sorted(info.label for info in export.FORMATS.values())
    assert all(b.proto.ignore_rerun for b in buttons)  # a click must not re-query the store


def test_download_builder_uses_the_view_on_screen(loaded: EmbeddedStore) -> None:
    from ui.downloads import snapshot_builder

    filters = GraphFilter(polarity=Polarity.HOSTILE)
    on_screen = loaded.subgraph(filters)
    build = snapshot_builder(loaded, filters, "json", subgraph=on_screen, title="Fights")
    payload = json.loads(build())
    assert payload["meta"]["title"] == "Fights"
    assert payload["meta"]["filters"]["polarity"] == "hostile"
    assert len(payload["edges"]) == len(on_screen.relations)
    assert {e["polarity"] for e in payload["edges"]} == {"hostile"}


# --- time spells from the timeline analysis ---------------------------------------------------

def _spells(graph: nx.MultiDiGraph, key: str) -> list[tuple[str, str | None]]:
    attrs = next(d for _, _, d in graph.edges(data=True) if d["id"] == key)
    return attrs.get("spells") or [(attrs["start"], attrs.get("end"))]


def test_gexf_tie_ends_the_day_before_the_pair_flips(snapshot: export.Snapshot) -> None:
    """YPG fought Jabhat al-Shamiya on 20 Feb; their truce on 15 Mar ends that hostility."""
    graph = nx.read_gexf(io.BytesIO(export.render(snapshot, "gexf")))
    assert _spells(graph, _edge_key(YPG, SHAMIYA, RelationType.HOSTILITY)) == [
        ("2016-02-20", "2016-03-14")]


def test_gexf_quiet_gap_splits_a_tie(snapshot: export.Snapshot) -> None:
    """Shamiya fought IS on 12 Jan and 3 Mar: with 30 quiet days that is two spells."""
    data = export.to_gexf(snapshot.subgraph, snapshot.meta, claims=snapshot.claims,
                          documents=snapshot.documents, quiet_days=30)
    graph = nx.read_gexf(io.BytesIO(data))
    assert _spells(graph, _edge_key(SHAMIYA, "islamic-state", RelationType.HOSTILITY)) == [
        ("2016-01-12", "2016-02-10"), ("2016-03-03", "2016-04-01")]


def test_gexf_spells_stop_at_the_views_end_date(loaded: EmbeddedStore) -> None:
    snap = export.take_snapshot(loaded, GraphFilter(until=parse_day(
        "2016-02", option="--until", end=True)), created_at=CREATED)
    graph = nx.read_gexf(io.BytesIO(export.render(snap, "gexf")))
    ends = [end for _, _, d in graph.edges(data=True)
            for _, end in (d.get("spells") or [(d["start"], d.get("end"))])]
    assert ends and max(e for e in ends if e) <= "2016-02-29"
