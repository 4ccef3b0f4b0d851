"""Snapshots of a view: one filtered subgraph written as HTML, GraphML, GEXF, JSON, CSV or PNG.

Every writer is a plain function of a :class:`~graph.model.Subgraph`, a :class:`SnapshotMeta`
(what was asked, from which store, when) and, optionally, the claims and documents behind the
edges (evidence, time spells). Every format carries the metadata:

========  ==================================================================
format    where the metadata lives
========  ==================================================================
html      a visible block (as text) and ``meta`` in the embedded JSON
graphml   graph attributes (``meta`` holds the whole object as JSON)
gexf      ``<meta>``: ``<creator>``, ``<keywords>``, ``<description>`` (JSON)
json      the top-level ``meta`` object
csv       ``meta.json`` inside the zip
png       PNG text chunks (``Description`` holds the JSON) and a caption
========  ==================================================================

The HTML page works offline: vis-network (the copy pyvis ships) is inlined, nothing is loaded
from a network, a Content-Security-Policy allows only the page's own two scripts, data sits in a
``<script type="application/json">`` block and every user string reaches the page as text.

Examples
--------
>>> from datetime import date
>>> from graph.model import Actor, AggregatedRelation, GraphFilter, RelationType, Subgraph
>>> sub = Subgraph(actors=(Actor(id="a", name="A"), Actor(id="b", name="B")),
...                relations=(AggregatedRelation(source="a", target="b",
...                           type=RelationType.HOSTILITY, polarity="hostile", claims=1,
...                           documents=1, outlets=1, first_seen=date(2016, 1, 5),
...                           last_seen=date(2016, 2, 1)),))
>>> meta = snapshot_meta(sub, GraphFilter(), store="embedded",
...                      created_at="2026-01-01T00:00:00+00:00")
>>> (meta.actors, meta.relations, meta.date_from, meta.date_until)
(2, 1, datetime.date(2016, 1, 5), datetime.date(2016, 2, 1))
>>> json.loads(to_json(sub, meta))["meta"]["store"]
'embedded'
"""

from __future__ import annotations

import base64
import csv
import hashlib
import html
import io
import json
import math
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from importlib import metadata, resources
from typing import Any, Literal
from urllib.parse import urlsplit
from xml.etree.ElementTree import SubElement

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter
from pydantic import BaseModel, ConfigDict

from graph import timeline, visual
from graph.model import (
    Actor,
    AggregatedRelation,
    Claim,
    Document,
    GraphFilter,
    Polarity,
    Subgraph,
)
from graph.store import GraphStore

ExportFormat = Literal["html", "graphml", "gexf", "json", "csv", "png"]

# Pinned to the copy of vis-network that pyvis 0.3.2 ships (see pyproject).
VIS_DIR = "templates/lib/vis-9.1.2"
LAYOUT_SEED = 7
# Pixels between neighbours in exported layouts; roomier than the app's default because a
# snapshot is often read at a glance, without zooming.
LAYOUT_SPACING = 160.0
# Evidence sentences kept per edge in the graph formats (GraphML/GEXF attribute, HTML panel).
MAX_EVIDENCE_PER_EDGE = 25
# CSV cells starting with these are formulas in spreadsheets; such text gets a leading quote.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class SnapshotMeta(BaseModel):
    """What a snapshot shows and where it came from; written into every format.

    ``date_from``/``date_until`` is the date window: the filter's bounds where set, otherwise
    the earliest first-seen and latest last-seen date of the exported edges.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = "Allegiance snapshot"
    store: str
    filters: dict[str, Any]
    date_from: date | None = None
    date_until: date | None = None
    created_at: str
    actors: int
    relations: int
    claims: int | None = None
    total_actors: int = 0
    trimmed: bool = False
    allegiance_version: str

    def as_json_dict(self) -> dict[str, Any]:
        """JSON-ready dict (dates as ISO strings)."""
        return self.model_dump(mode="json")

    def active_filters(self) -> dict[str, Any]:
        """The filters that differ from their defaults (what narrowed this view)."""
        return {k: v for k, v in self.filters.items()
                if k in GraphFilter.model_fields and v not in (None, [])
                and GraphFilter.model_fields[k].default != v}

    def summary(self) -> str:
        """One line for captions: counts, store, window and time of creation."""
        window = f"{self.date_from or '…'} to {self.date_until or '…'}"
        trimmed = f" (trimmed from {self.total_actors})" if self.trimmed else ""
        return (f"{self.actors} actors{trimmed}, {self.relations} relations · store: "
                f"{self.store} · dates {window} · created {self.created_at}")


@dataclass(frozen=True)
class Snapshot:
    """A subgraph with its metadata and, optionally, the claims and documents behind it."""

    subgraph: Subgraph
    meta: SnapshotMeta
    claims: tuple[Claim, ...] = ()
    documents: tuple[Document, ...] = ()


def allegiance_version() -> str:
    """Installed version of the ``allegiance`` distribution."""
    try:
        return metadata.version("allegiance")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def filters_as_dict(filters: GraphFilter) -> dict[str, Any]:
    """JSON-ready, deterministic form of a filter (types sorted).

    >>> filters_as_dict(GraphFilter(types=frozenset({"truce", "alliance"})))["types"]
    ['alliance', 'truce']
    """
    data: dict[str, Any] = filters.model_dump(mode="json")
    if data.get("types") is not None:
        data["types"] = sorted(data["types"])
    return data


def utc_now_iso() -> str:
    """Current time in UTC, ISO 8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def snapshot_meta(
    subgraph: Subgraph,
    filters: GraphFilter,
    *,
    store: str,
    claims: Sequence[Claim] | None = None,
    created_at: str | None = None,
    title: str = "Allegiance snapshot",
) -> SnapshotMeta:
    """Metadata of a snapshot of ``subgraph`` read from ``store`` with ``filters``."""
    firsts = [r.first_seen for r in subgraph.relations if r.first_seen]
    lasts = [r.last_seen for r in subgraph.relations if r.last_seen]
    return SnapshotMeta(
        title=title,
        store=store,
        filters=filters_as_dict(filters),
        date_from=filters.since or min(firsts, default=None),
        date_until=filters.until or max(lasts, default=None),
        created_at=created_at or utc_now_iso(),
        actors=len(subgraph.actors),
        relations=len(subgraph.relations),
        claims=None if claims is None else len(claims),
        total_actors=subgraph.total_actors or len(subgraph.actors),
        trimmed=subgraph.trimmed,
        allegiance_version=allegiance_version(),
    )


def take_snapshot(
    store: GraphStore,
    filters: GraphFilter,
    *,
    subgraph: Subgraph | None = None,
    created_at: str | None = None,
    title: str = "Allegiance snapshot",
) -> Snapshot:
    """Read the subgraph (unless given), its supporting claims and their documents from a store.

    Claims are those passing the claim-level filters whose relation is one of the subgraph's
    edges; negated claims are left out, as they are from the edges themselves.
    """
    sub = subgraph if subgraph is not None else store.subgraph(filters)
    claims = tuple(supporting_claims(sub, store.claims(filters)))
    documents = tuple(store.documents({c.evidence.doc for c in claims})) if claims else ()
    meta = snapshot_meta(sub, filters, store=store.name, claims=claims, created_at=created_at,
                         title=title)
    return Snapshot(subgraph=sub, meta=meta, claims=claims, documents=documents)


def supporting_claims(subgraph: Subgraph, claims: Iterable[Claim]) -> list[Claim]:
    """The non-negated claims aggregated into one of the subgraph's edges."""
    keys = {rel.key for rel in subgraph.relations}
    return [c for c in claims if not c.negated and (*c.pair, c.type) in keys]


def claims_by_edge(claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    """Claims grouped by drawn edge id (see :func:`graph.visual.edge_id`), in the given order."""
    grouped: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        source, target = claim.pair
        grouped[visual.EDGE_ID_SEPARATOR.join((source, target, claim.type.value))].append(claim)
    return grouped


# ---------------------------------------------------------------------------------------------
# Records shared by the tabular and graph formats


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def actor_record(actor: Actor) -> dict[str, Any]:
    """Node attributes of an actor; ``aliases`` is a list."""
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind.value,
        "curated": actor.curated,
        "aliases": list(actor.aliases),
    }


def relation_record(relation: AggregatedRelation) -> dict[str, Any]:
    """Edge attributes of a relation. The relation type is ``relation``: GEXF reserves ``type``."""
    return {
        "id": visual.edge_id(relation),
        "source": relation.source,
        "target": relation.target,
        "relation": relation.type.value,
        "polarity": relation.polarity.value,
        "sign": relation.polarity.sign,
        "directed": relation.type.directed,
        "claims": relation.claims,
        "documents": relation.documents,
        "outlets": relation.outlets,
        "first_seen": _iso(relation.first_seen),
        "last_seen": _iso(relation.last_seen),
        "mean_confidence": relation.mean_confidence,
        "hedged_only": relation.hedged_only,
    }


def claim_record(claim: Claim, documents: Mapping[str, Document]) -> dict[str, Any]:
    """One claim with its evidence sentence and, when known, its document's details."""
    doc = documents.get(claim.evidence.doc)
    source, target = claim.pair
    return {
        "edge": visual.EDGE_ID_SEPARATOR.join((source, target, claim.type.value)),
        "source": claim.source,
        "target": claim.target,
        "relation": claim.type.value,
        "polarity": claim.polarity.value,
        "date": _iso(claim.date),
        "confidence": claim.confidence,
        "hedged": claim.hedged,
        "negated": claim.negated,
        "sentence": claim.evidence.sentence,
        "document": claim.evidence.doc,
        "title": doc.title if doc else "",
        "outlet": doc.source if doc else "",
        "url": doc.url if doc else "",
        "published": _iso(doc.date) if doc else None,
    }


def _documents_by_id(documents: Iterable[Document]) -> dict[str, Document]:
    return {d.id: d for d in documents}


def _evidence_text(claims: Sequence[Claim]) -> str:
    """Distinct evidence sentences of one edge, one per line, at most MAX_EVIDENCE_PER_EDGE."""
    seen: list[str] = []
    for claim in claims:
        if claim.evidence.sentence not in seen:
            seen.append(claim.evidence.sentence)
    return "\n".join(seen[:MAX_EVIDENCE_PER_EDGE])


# ---------------------------------------------------------------------------------------------
# Time spells (GEXF dynamic mode)


Spell = tuple[date, date | None]
"""An inclusive ``(first day, last day)``; ``None`` as last day means still holding."""


def edge_spells(
    subgraph: Subgraph,
    claims: Sequence[Claim] = (),
    documents: Sequence[Document] = (),
    *,
    quiet_days: int | None = timeline.DEFAULT_QUIET_DAYS,
    until: date | None = None,
) -> dict[str, list[Spell]]:
    """When each edge held, by edge id.

    With claims: the tie's states from :func:`graph.timeline.tie_intervals` (a tie holds from
    its first claim until the pair is reported with the opposite sign or ``quiet_days`` pass
    without a claim), turned into inclusive days. Without claims: first to last seen. Spells
    are cut at ``until`` (the view's end date). Edges without any date are absent: they are
    shown for the whole timeline.
    """
    out: dict[str, list[Spell]] = {}
    for rel in subgraph.relations:
        first, last = rel.first_seen or rel.last_seen, rel.last_seen or rel.first_seen
        if first and last:
            out[visual.edge_id(rel)] = [(first, last)]
    if claims:
        wanted = set(out) | {visual.edge_id(rel) for rel in subgraph.relations}
        states: dict[str, list[Spell]] = defaultdict(list)
        for tie in timeline.tie_intervals(claims, quiet_days=quiet_days,
                                          documents=_documents_by_id(documents)):
            key = visual.EDGE_ID_SEPARATOR.join((tie.source, tie.target, tie.type))
            # Intervals are half-open [start, end); GEXF spells are inclusive.
            last_day = None if tie.end is None else max(tie.start, tie.end - timedelta(days=1))
            if key in wanted:
                states[key].append((tie.start, last_day))
        out.update(states)
    if until is not None:
        out = {key: clipped for key, spells in out.items()
               if (clipped := _clip(spells, until))}
    return out


def _clip(spells: Sequence[Spell], until: date) -> list[Spell]:
    return [(start, until if end is None or end > until else end)
            for start, end in spells if start <= until]


def _node_spells(subgraph: Subgraph, spells: Mapping[str, list[Spell]]
                 ) -> dict[str, Spell]:
    """An actor appears with its first tie and stays until its last one ends."""
    bounds: dict[str, Spell] = {}
    for rel in subgraph.relations:
        for start, end in spells.get(visual.edge_id(rel), ()):
            for actor in (rel.source, rel.target):
                old = bounds.get(actor)
                if old is None:
                    bounds[actor] = (start, end)
                    continue
                old_end = old[1]
                latest = None if end is None or old_end is None else max(old_end, end)
                bounds[actor] = (min(old[0], start), latest)
    return bounds


# ---------------------------------------------------------------------------------------------
# Graph formats


# Characters XML 1.0 cannot hold at all (text pulled from PDFs often has form feeds).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with characters XML 1.0 forbids replaced by U+FFFD.

    >>> xml_safe("Liwa\x0cal-Fatah")
    'Liwa\ufffdal-Fatah'
    """
    return _XML_INVALID.sub("\ufffd", text)


def _xml_values(record: dict[str, Any]) -> dict[str, Any]:
    return {k: xml_safe(v) if isinstance(v, str) else v for k, v in record.items()}


def _graph_for_files(
    subgraph: Subgraph, claims: Sequence[Claim], *, with_positions: bool
) -> nx.MultiDiGraph:
    """Scalar-only attributes (GraphML and GEXF hold no lists or nulls), XML-safe text."""
    graph = nx.MultiDiGraph()
    positions = (visual.layout(subgraph, seed=LAYOUT_SEED, spacing=LAYOUT_SPACING)
                 if with_positions else {})
    for actor in subgraph.actors:
        record = actor_record(actor)
        record.pop("id")
        record["aliases"] = "; ".join(actor.aliases)
        record["label"] = actor.name
        graph.add_node(actor.id, **_xml_values(record))
        if actor.id in positions:
            graph.nodes[actor.id]["_xy"] = positions[actor.id]
    evidence = claims_by_edge(claims)
    for rel in subgraph.relations:
        record = {k: v for k, v in relation_record(rel).items() if v is not None}
        source, target = record.pop("source"), record.pop("target")
        # Positive weight for layouts (Gephi's ForceAtlas cannot use negative weights).
        record["weight"] = float(rel.documents or 1)
        record["label"] = visual.relation_label(rel.type)
        text = _evidence_text(evidence.get(record["id"], []))
        if text:
            record["evidence"] = text
        graph.add_edge(source, target, key=rel.type.value, **_xml_values(record))
    return graph


def _meta_graph_attributes(meta: SnapshotMeta) -> dict[str, Any]:
    data = meta.as_json_dict()
    flat: dict[str, Any] = {k: v for k, v in data.items() if isinstance(v, str | int | float)}
    flat["filters"] = json.dumps(data["filters"], sort_keys=True)
    # ASCII JSON escapes every control character, so the XML stays valid and exact.
    flat["meta"] = json.dumps(data, sort_keys=True)
    return _xml_values(flat)


def to_graphml(subgraph: Subgraph, meta: SnapshotMeta, *, claims: Sequence[Claim] = ()) -> bytes:
    """GraphML (UTF-8) of a directed multigraph; metadata as graph attributes.

    Node attributes: ``name``, ``kind``, ``curated``, ``aliases`` (joined by ``"; "``).
    Edge attributes: :func:`relation_record` fields, ``weight`` (= documents) and, with claims,
    ``evidence`` (distinct sentences, one per line).
    """
    graph = _graph_for_files(subgraph, claims, with_positions=False)
    for node in graph.nodes:
        graph.nodes[node].pop("label", None)
    graph.graph.update(_meta_graph_attributes(meta))
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def _rgb(color: str, alpha: float = 1.0) -> dict[str, float | int]:
    value = color.lstrip("#")
    return {"r": int(value[0:2], 16), "g": int(value[2:4], 16), "b": int(value[4:6], 16),
            "a": alpha}


def _spell_attributes(spell: Spell) -> dict[str, str]:
    """``start``/``end`` attributes; no ``end`` when the tie still holds."""
    start, end = spell
    return {"start": start.isoformat()} | ({"end": end.isoformat()} if end else {})


def to_gexf(
    subgraph: Subgraph,
    meta: SnapshotMeta,
    *,
    claims: Sequence[Claim] = (),
    documents: Sequence[Document] = (),
    quiet_days: int | None = timeline.DEFAULT_QUIET_DAYS,
) -> bytes:
    """GEXF 1.2 in dynamic mode: edges and actors carry date spells (see :func:`edge_spells`),
    so Gephi's timeline plays the network; colours, sizes and positions match the HTML view;
    metadata in ``<meta>``."""
    graph = _graph_for_files(subgraph, claims, with_positions=True)
    until = meta.filters.get("until")
    spells = edge_spells(subgraph, claims, documents, quiet_days=quiet_days,
                         until=date.fromisoformat(until) if until else None)
    actor_spells = _node_spells(subgraph, spells)
    kinds = {a.id: a.kind for a in subgraph.actors}
    degree = visual.degree_scores(subgraph)
    for node, data in graph.nodes(data=True):
        x, y = data.pop("_xy", (0.0, 0.0))
        color = visual.KIND_STYLE[kinds[node]][1]
        data["viz"] = {"color": _rgb(color), "size": round(5.0 + 25.0 * degree[node], 2),
                       "position": {"x": float(x), "y": float(-y), "z": 0.0}}
        if node in actor_spells:
            data.update(_spell_attributes(actor_spells[node]))
    for _, _, data in graph.edges(data=True):
        hostile = data["polarity"] == Polarity.HOSTILE.value
        color = visual.HOSTILE_COLOR if hostile else visual.ALLY_COLOR
        data["viz"] = {"color": _rgb(color, visual.HEDGED_OPACITY if data["hedged_only"] else 1.0),
                       "thickness": float(data["outlets"]),
                       "shape": "dashed" if hostile else "solid"}
        edge_spell_list = spells.get(data["id"], [])
        if len(edge_spell_list) == 1:
            data.update(_spell_attributes(edge_spell_list[0]))
        elif edge_spell_list:
            data["spells"] = [(s.isoformat(), e.isoformat() if e else None)
                              for s, e in edge_spell_list]
    graph.graph["mode"] = "dynamic"
    graph.graph["name"] = xml_safe(meta.title)

    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(graph)
    graph_element = writer.xml.find("graph")
    if graph_element is not None:
        # Dynamic even when no edge has a date, and dates are the time unit.
        graph_element.set("mode", "dynamic")
        graph_element.set("timeformat", "date")
    meta_element = writer.xml.find("meta")
    if meta_element is not None:
        meta_element.set("lastmodifieddate", meta.created_at[:10])
        creator = meta_element.find("creator")
        if creator is not None:
            creator.text = f"Allegiance {meta.allegiance_version}"
        SubElement(meta_element, "keywords").text = ", ".join(
            ["allegiance", f"store:{meta.store}", f"actors:{meta.actors}",
             f"relations:{meta.relations}"])
        SubElement(meta_element, "description").text = json.dumps(
            meta.as_json_dict(), sort_keys=True)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def read_gexf_meta(data: bytes) -> dict[str, Any]:
    """The :class:`SnapshotMeta` dict stored in a GEXF file written by :func:`to_gexf`."""
    from xml.etree import ElementTree

    root = ElementTree.fromstring(data)
    for element in root.iter():
        if element.tag.endswith("description") and element.text:
            loaded: dict[str, Any] = json.loads(element.text)
            return loaded
    return {}


# ---------------------------------------------------------------------------------------------
# JSON and CSV


def to_json(
    subgraph: Subgraph,
    meta: SnapshotMeta,
    *,
    claims: Sequence[Claim] = (),
    documents: Sequence[Document] = (),
) -> str:
    """Node-link JSON with a ``meta`` object; readable by ``nx.node_link_graph(data,
    edges="edges")``. With claims, a ``claims`` list holds their evidence."""
    docs = _documents_by_id(documents)
    payload: dict[str, Any] = {
        "meta": meta.as_json_dict(),
        "directed": True,
        "multigraph": True,
        "graph": {},
        "nodes": [actor_record(a) for a in subgraph.actors],
        "edges": [{**relation_record(r), "key": r.type.value} for r in subgraph.relations],
    }
    if claims:
        payload["claims"] = [claim_record(c, docs) for c in claims]
    return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=False)


def spreadsheet_safe(text: str) -> str:
    """Text a spreadsheet will not run as a formula: a leading ``'`` before ``= + - @``.

    >>> spreadsheet_safe("=HYPERLINK(\\"x\\")"), spreadsheet_safe("Ahrar al-Sham")
    ('\\'=HYPERLINK("x")', 'Ahrar al-Sham')
    """
    return "'" + text if text.startswith(_FORMULA_PREFIXES) else text


def _csv_bytes(fieldnames: Sequence[str], rows: Iterable[Mapping[str, Any]],
               text_fields: frozenset[str]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(fieldnames), lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({
            k: (spreadsheet_safe(v) if k in text_fields and isinstance(v, str)
                else "" if v is None else v)
            for k, v in row.items()
        })
    # BOM so spreadsheet programs read UTF-8 (Arabic names, diacritics) correctly.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


NODE_COLUMNS = ("id", "name", "kind", "curated", "aliases")
EDGE_COLUMNS = ("id", "source", "target", "relation", "polarity", "sign", "directed", "claims",
                "documents", "outlets", "first_seen", "last_seen", "mean_confidence",
                "hedged_only")
CLAIM_COLUMNS = ("edge", "source", "target", "relation", "polarity", "date", "confidence",
                 "hedged", "negated", "sentence", "document", "title", "outlet", "url",
                 "published")


def to_csv_zip(
    subgraph: Subgraph,
    meta: SnapshotMeta,
    *,
    claims: Sequence[Claim] = (),
    documents: Sequence[Document] = (),
) -> bytes:
    """A zip of ``nodes.csv``, ``edges.csv``, ``meta.json`` and, with claims, ``claims.csv``.

    CSVs are UTF-8 with a BOM; aliases are joined by ``"; "``; text cells that a spreadsheet
    would run as a formula start with ``'``.
    """
    docs = _documents_by_id(documents)
    nodes = ({**actor_record(a), "aliases": "; ".join(a.aliases)} for a in subgraph.actors)
    files: list[tuple[str, bytes]] = [
        ("nodes.csv", _csv_bytes(NODE_COLUMNS, nodes, frozenset({"name", "aliases"}))),
        ("edges.csv", _csv_bytes(EDGE_COLUMNS, (relation_record(r) for r in subgraph.relations),
                                 frozenset())),
    ]
    if claims:
        files.append(("claims.csv", _csv_bytes(
            CLAIM_COLUMNS, (claim_record(c, docs) for c in claims),
            frozenset({"sentence", "title", "outlet", "url"}))))
    files.append(("meta.json", json.dumps(meta.as_json_dict(), indent=2,
                                          ensure_ascii=False).encode("utf-8")))
    stamp = _zip_time(meta.created_at)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return buffer.getvalue()


def _zip_time(created_at: str) -> tuple[int, int, int, int, int, int]:
    try:
        moment = datetime.fromisoformat(created_at)
    except ValueError:
        moment = datetime(1980, 1, 1)
    return (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute,
            moment.second)


# ---------------------------------------------------------------------------------------------
# PNG


# Above this many edges the PNG draws straight, arrow-less lines in a few collections: per-edge
# curved arrows cost ~30 ms each in matplotlib.
DETAILED_PNG_EDGES = 400
_MARKERS = {"dot": "o", "square": "s", "hexagon": "h", "diamond": "D", "star": "*",
            "triangle": "^"}
Point = tuple[float, float]


def _marker_area(degree: float) -> float:
    """Scatter marker area (points squared) from a degree centrality in ``[0, 1]``."""
    return 80.0 + 500.0 * degree


def _edge_style(rel: AggregatedRelation) -> dict[str, Any]:
    hostile = rel.polarity is Polarity.HOSTILE
    return {
        "color": visual.HOSTILE_COLOR if hostile else visual.ALLY_COLOR,
        "alpha": visual.HEDGED_OPACITY if rel.hedged_only else 0.85,
        "linestyle": (0, (4, 3)) if hostile else "solid",
        "linewidth": min(0.8 + 0.5 * visual.edge_width(rel.outlets), 5.0),
    }


def _draw_curved_edges(axes: Any, relations: Sequence[AggregatedRelation],
                       xy: Mapping[str, Point]) -> None:
    """One arrow per edge; parallel edges (ally and hostile on one pair) bend apart."""
    from matplotlib.patches import FancyArrowPatch

    by_pair: dict[frozenset[str], list[AggregatedRelation]] = defaultdict(list)
    for rel in relations:
        by_pair[frozenset((rel.source, rel.target))].append(rel)
    for rel in relations:
        siblings = by_pair[frozenset((rel.source, rel.target))]
        rad = 0.0 if len(siblings) == 1 else 0.15 * (siblings.index(rel) + 1) * (
            -1 if rel.source > rel.target else 1)
        axes.add_patch(FancyArrowPatch(
            xy[rel.source], xy[rel.target], connectionstyle=f"arc3,rad={rad}",
            arrowstyle="-|>" if rel.type.directed else "-", mutation_scale=10,
            shrinkA=7, shrinkB=7, zorder=1, **_edge_style(rel)))


def _draw_straight_edges(axes: Any, relations: Sequence[AggregatedRelation],
                         xy: Mapping[str, Point]) -> None:
    """Edges as a few line collections, one per style (sign x hedged)."""
    from matplotlib.collections import LineCollection

    groups: dict[tuple[Polarity, bool], list[AggregatedRelation]] = defaultdict(list)
    for rel in relations:
        groups[(rel.polarity, rel.hedged_only)].append(rel)
    for (_, _), rels in sorted(groups.items()):
        style = _edge_style(rels[0])
        axes.add_collection(LineCollection(
            [(xy[r.source], xy[r.target]) for r in rels],
            colors=style["color"], alpha=style["alpha"], linestyles=[style["linestyle"]],
            linewidths=[_edge_style(r)["linewidth"] for r in rels], zorder=1))


def to_png(subgraph: Subgraph, meta: SnapshotMeta, *, width_px: int = 1600,
           height_px: int = 1200, dpi: int = 100, max_labels: int = 80) -> bytes:
    """A picture of the network (matplotlib, Agg) with a title, legend and metadata caption.

    Layout is :func:`graph.visual.layout` with a fixed seed, so the same view gives the same
    picture. Only the ``max_labels`` best-connected actors are labelled. The metadata JSON is in
    the PNG ``Description`` text chunk. Text is never parsed as mathtext.
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    positions = visual.layout(subgraph, seed=LAYOUT_SEED, spacing=LAYOUT_SPACING)
    figure = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi)
    axes = figure.add_axes((0.02, 0.08, 0.96, 0.84))
    axes.set_axis_off()

    # Screen y grows downwards in vis-network; flip so the picture matches the HTML view.
    xy = {k: (x, -y) for k, (x, y) in positions.items()}
    drawable = [r for r in subgraph.relations if r.source in xy and r.target in xy]
    if len(drawable) <= DETAILED_PNG_EDGES:
        _draw_curved_edges(axes, drawable, xy)
    else:
        _draw_straight_edges(axes, drawable, xy)

    degree = visual.degree_scores(subgraph)
    # One scatter call per (kind, curated) group: thousands of nodes draw in well under a second.
    groups: dict[tuple[str, bool], list[Actor]] = defaultdict(list)
    for actor in subgraph.actors:
        groups[(actor.kind.value, actor.curated)].append(actor)
    for (_, curated), members in sorted(groups.items()):
        shape, color = visual.KIND_STYLE[members[0].kind]
        axes.scatter([xy.get(a.id, (0.0, 0.0))[0] for a in members],
                     [xy.get(a.id, (0.0, 0.0))[1] for a in members],
                     s=[_marker_area(degree.get(a.id, 0.0)) for a in members],
                     marker=_MARKERS[shape], c=color,
                     edgecolors="#212529" if curated else "#adb5bd", linewidths=0.8, zorder=2)
    labelled = sorted(subgraph.actors, key=lambda a: (-degree.get(a.id, 0.0), a.id))[:max_labels]
    for actor in labelled:
        x, y = xy.get(actor.id, (0.0, 0.0))
        # Start the label just right of the marker (area is in points squared).
        offset = math.sqrt(_marker_area(degree.get(actor.id, 0.0))) / 2 + 3
        name = actor.name if len(actor.name) <= 40 else actor.name[:39] + "…"
        axes.annotate(name, (x, y), xytext=(offset, 0), textcoords="offset points",
                      fontsize=8, va="center", ha="left", zorder=3, parse_math=False,
                      annotation_clip=True)
    if xy:
        xs, ys = [p[0] for p in xy.values()], [p[1] for p in xy.values()]
        pad = max(max(xs) - min(xs), max(ys) - min(ys), 1.0) * 0.08
        axes.set_xlim(min(xs) - pad, max(xs) + pad * 3)
        axes.set_ylim(min(ys) - pad, max(ys) + pad)
    else:
        axes.text(0.5, 0.5, "No actors match these filters", ha="center", va="center",
                  transform=axes.transAxes, fontsize=14, parse_math=False)

    handles: list[Any] = []
    for entry in visual.legend(list(subgraph.actors)):
        if entry["group"] == "node":
            handles.append(Line2D([], [], linestyle="none", marker=_MARKERS[entry["shape"]],
                                  color=entry["color"], markersize=9, label=entry["label"]))
        else:
            handles.append(Line2D([], [], color=entry["color"], alpha=entry["opacity"],
                                  linestyle="--" if entry["dashes"] else "-", linewidth=2,
                                  label=entry["label"]))
    axes.legend(handles=handles, loc="upper right", fontsize=8, framealpha=0.9)
    figure.text(0.02, 0.96, meta.title, fontsize=15, weight="bold", parse_math=False)
    filters = meta.active_filters()
    caption = meta.summary() + "\nfilters: " + (
        json.dumps(filters, ensure_ascii=False) if filters else "none")
    figure.text(0.02, 0.015, caption, fontsize=9, color="#495057", parse_math=False,
                wrap=True)

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, metadata={
        "Title": meta.title,
        "Description": json.dumps(meta.as_json_dict(), sort_keys=True),
        "Software": f"Allegiance {meta.allegiance_version}",
        "Creation Time": meta.created_at,
    })
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# HTML


def _vis_asset(name: str) -> str:
    return (resources.files("pyvis") / VIS_DIR / name).read_text(encoding="utf-8")


def _template() -> str:
    return (resources.files("graph") / "templates" / "snapshot.html").read_text(encoding="utf-8")


def json_for_script(value: Any) -> str:
    """JSON that cannot end or confuse the ``<script>`` element holding it.

    ``<``, ``>`` and ``&`` become ``\\u003c`` etc. (so ``</script>`` and ``<!--`` are
    impossible), and U+2028/U+2029 are escaped; ``JSON.parse`` restores every character.

    >>> json_for_script({"name": "</script><b>"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def safe_link(url: str) -> str:
    """``url`` when it is an absolute http(s) link, else ``""`` (no ``javascript:``/``data:``).

    >>> safe_link("https://example.org/a"), safe_link("javascript:alert(1)")
    ('https://example.org/a', '')
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else ""


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _meta_rows(meta: SnapshotMeta) -> list[tuple[str, str]]:
    filters = meta.active_filters()
    rows = [
        ("store", meta.store),
        ("dates", f"{meta.date_from or '…'} to {meta.date_until or '…'}"),
        ("actors", f"{meta.actors}" + (f" of {meta.total_actors} (node cap)"
                                       if meta.trimmed else "")),
        ("relations", str(meta.relations)),
    ]
    if meta.claims is not None:
        rows.append(("claims", str(meta.claims)))
    rows.append(("filters", json.dumps(filters, ensure_ascii=False) if filters else "none"))
    rows.append(("created", meta.created_at))
    rows.append(("version", f"Allegiance {meta.allegiance_version}"))
    return rows


def _legend_html(entries: Sequence[Mapping[str, Any]]) -> str:
    items = []
    for entry in entries:
        label = html.escape(str(entry["label"]))
        color = html.escape(str(entry["color"]))
        if entry["group"] == "node":
            swatch = (f'<span class="swatch node shape-{html.escape(str(entry["shape"]))}" '
                      f'style="background:{color}"></span>')
        else:
            style = "dashed" if entry["dashes"] else "solid"
            swatch = (f'<span class="swatch edge" style="border-top:3px {style} {color};'
                      f'opacity:{float(entry["opacity"])}"></span>')
        items.append(f"<li>{swatch}{label}</li>")
    return "\n".join(items)


_PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")


def to_html(
    subgraph: Subgraph,
    meta: SnapshotMeta,
    *,
    claims: Sequence[Claim] = (),
    documents: Sequence[Document] = (),
    color_by: visual.ColorBy = "kind",
    blocs: Mapping[str, int] | None = None,
) -> str:
    """A standalone, offline, interactive page: the same drawing as the app (``graph.visual``),
    a legend, the metadata, and a details panel (evidence per edge when claims are given).

    The page loads nothing from any network. Once vis-network has drawn the graph it sets
    ``window.__allegiance_network_ready = {nodes, edges}``; ``window.__allegiance_network`` is
    the vis ``Network`` (both used by browser tests).
    """
    positions = visual.layout(subgraph, seed=LAYOUT_SEED, spacing=LAYOUT_SPACING)
    drawing = visual.vis_data(subgraph, color_by=color_by, blocs=blocs, positions=positions)
    docs = _documents_by_id(documents)
    names = {a.id: a.name for a in subgraph.actors}
    evidence = claims_by_edge(claims)
    details_nodes = {a.id: {"heading": a.name, "lines": visual.actor_title(a).split("\n")[1:]}
                     for a in subgraph.actors}
    details_edges: dict[str, dict[str, Any]] = {}
    for rel in subgraph.relations:
        key = visual.edge_id(rel)
        lines = visual.relation_title(rel, names).split("\n")
        items = []
        for claim in evidence.get(key, [])[:MAX_EVIDENCE_PER_EDGE]:
            record = claim_record(claim, docs)
            items.append({
                "sentence": record["sentence"],
                "date": record["date"] or record["published"] or "",
                "source": " · ".join(x for x in (record["outlet"], record["title"]) if x),
                "url": safe_link(record["url"]),
                "flags": ", ".join(f for f, on in (("hedged", claim.hedged),) if on),
            })
        details_edges[key] = {"heading": lines[0], "lines": lines[1:], "evidence": items}
    payload = {
        "graph": {"nodes": drawing["nodes"], "edges": drawing["edges"],
                  "options": drawing["options"]},
        "details": {"nodes": details_nodes, "edges": details_edges},
        "meta": meta.as_json_dict(),
    }

    vis_js = _vis_asset("vis-network.min.js")
    if re.search(r"</script|<!--", vis_js, re.IGNORECASE):
        # Would end or confuse the inline <script>; a different pyvis release must be checked.
        raise RuntimeError("the bundled vis-network cannot be inlined safely")
    page_js = _PAGE_SCRIPT
    meta_html = "\n".join(
        f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in _meta_rows(meta))
    values = {
        "TITLE": html.escape(meta.title),
        "CSP": (f"default-src 'none'; script-src {_csp_hash(vis_js)} {_csp_hash(page_js)}; "
                "style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; "
                "base-uri 'none'; form-action 'none'"),
        "VIS_CSS": _vis_asset("vis-network.css"),
        "VIS_JS": vis_js,
        "PAGE_JS": page_js,
        "DATA": json_for_script(payload),
        "META": meta_html,
        "SUMMARY": html.escape(meta.summary()),
        "LEGEND": _legend_html(drawing["legend"]),
        "EMPTY": "" if subgraph.actors else "No actors match these filters.",
    }
    # One pass over the template only, so inserted text is never scanned for placeholders.
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _template())


# Executed by the page; must stay free of data (data comes from the JSON block) because its hash
# is pinned in the page's Content-Security-Policy.
_PAGE_SCRIPT = """
(function () {
  "use strict";
  var payload = JSON.parse(document.getElementById("allegiance-data").textContent);
  function textBlock(tag, text, className) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    element.textContent = text;
    return element;
  }
  function asTextTitles(items) {
    return items.map(function (item) {
      var copy = Object.assign({}, item);
      if (typeof copy.title === "string") { copy.title = textBlock("div", copy.title, "tip"); }
      return copy;
    });
  }
  var nodes = new vis.DataSet(asTextTitles(payload.graph.nodes));
  var edges = new vis.DataSet(asTextTitles(payload.graph.edges));
  var container = document.getElementById("network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, payload.graph.options);
  window.__allegiance_network = network;  // handle for tests and the browser console
  network.once("afterDrawing", function () {
    // Fit once sizes and labels are measured, then report the drawn graph.
    network.fit({animation: false});
    network.once("afterDrawing", function () {
      window.__allegiance_network_ready = {nodes: nodes.length, edges: edges.length};
    });
    network.redraw();
  });
  var panel = document.getElementById("details");
  function show(entry) {
    panel.replaceChildren();
    if (!entry) { panel.appendChild(textBlock("p", "Click an actor or a tie.", "hint")); return; }
    panel.appendChild(textBlock("h2", entry.heading));
    entry.lines.forEach(function (line) { panel.appendChild(textBlock("p", line)); });
    (entry.evidence || []).forEach(function (item) {
      var block = document.createElement("blockquote");
      block.appendChild(textBlock("p", item.sentence));
      var cite = textBlock("p", [item.date, item.source, item.flags].filter(Boolean).join(" · "),
                           "cite");
      if (item.url) {
        var link = document.createElement("a");
        var parsed = new URL(item.url);
        if (parsed.protocol === "http:" || parsed.protocol === "https:") {
          link.href = parsed.href;
          link.rel = "noopener noreferrer";
          link.referrerPolicy = "no-referrer";
          link.target = "_blank";
          link.textContent = " source";
          cite.appendChild(link);
        }
      }
      block.appendChild(cite);
      panel.appendChild(block);
    });
  }
  network.on("click", function (params) {
    if (params.nodes.length) { show(payload.details.nodes[params.nodes[0]]); }
    else if (params.edges.length) { show(payload.details.edges[params.edges[0]]); }
    else { show(null); }
  });
  show(null);
})();
"""


# ---------------------------------------------------------------------------------------------
# One entry point for the CLI and the UI


@dataclass(frozen=True)
class FormatInfo:
    """How a format is offered for download."""

    extension: str
    mime: str
    label: str


FORMATS: dict[ExportFormat, FormatInfo] = {
    "html": FormatInfo("html", "text/html", "Interactive HTML (offline)"),
    "graphml": FormatInfo("graphml", "application/graphml+xml", "GraphML"),
    "gexf": FormatInfo("gexf", "application/gexf+xml", "GEXF (Gephi, with timeline)"),
    "json": FormatInfo("json", "application/json", "Node-link JSON"),
    "csv": FormatInfo("zip", "application/zip", "CSV (nodes, edges, claims; zip)"),
    "png": FormatInfo("png", "image/png", "PNG picture"),
}


def render(
    snapshot: Snapshot,
    fmt: ExportFormat,
    *,
    color_by: visual.ColorBy = "kind",
    blocs: Mapping[str, int] | None = None,
) -> bytes:
    """The snapshot in ``fmt`` as bytes (text formats UTF-8). ``color_by``/``blocs`` style the
    HTML page as the app shows it."""
    sub, meta, claims, docs = (snapshot.subgraph, snapshot.meta, snapshot.claims,
                               snapshot.documents)
    if fmt == "html":
        return to_html(sub, meta, claims=claims, documents=docs, color_by=color_by,
                       blocs=blocs).encode("utf-8")
    if fmt == "graphml":
        return to_graphml(sub, meta, claims=claims)
    if fmt == "gexf":
        return to_gexf(sub, meta, claims=claims, documents=docs)
    if fmt == "json":
        return to_json(sub, meta, claims=claims, documents=docs).encode("utf-8")
    if fmt == "csv":
        return to_csv_zip(sub, meta, claims=claims, documents=docs)
    if fmt == "png":
        return to_png(sub, meta)
    raise ValueError(f"unknown export format {fmt!r}")


def default_filename(store: str, fmt: ExportFormat, created_at: str | None = None) -> str:
    """``allegiance-<store>-<UTC time>.<ext>``, safe on every file system.

    >>> default_filename("neo4j", "csv", "2026-03-01T09:30:00+00:00")
    'allegiance-neo4j-20260301T093000.zip'
    """
    stamp = re.sub(r"[^0-9T]", "", (created_at or utc_now_iso())[:19])
    return f"allegiance-{store}-{stamp}.{FORMATS[fmt].extension}"
