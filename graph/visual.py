"""Pure drawing data for vis-network: a :class:`~graph.model.Subgraph` becomes JSON-ready dicts.

The Streamlit component (``ui/components/network``) and the standalone HTML export both render
what :func:`vis_data` returns, so the two always look the same. Nothing here touches a store, a
browser or Streamlit; every value is plain ``str``/``int``/``float``/``bool``/``list``/``dict``.

Design choices, all aimed at a graph that is readable *and* fast to draw:

- Every :class:`~graph.model.AggregatedRelation` becomes its own edge with a stable id, so a pair
  that is both allied and hostile keeps both edges (pyvis would silently drop the second one);
  parallel edges get different curvatures so both stay visible.
- Ally edges are solid blue, hostile edges dashed red; width grows with distinct outlets; edges
  seen only in hedged claims are drawn faint.
- Node shape follows the actor kind; colour follows the kind or the bloc; size follows a
  centrality score.
- Hover titles are plain strings: vis-network 9 shows them as text, never as HTML.
- With precomputed positions (:func:`layout`) physics is switched off, so the browser draws once
  instead of simulating thousands of bodies. Above ``LARGE_GRAPH`` nodes, arrowheads and hover
  highlighting are left out and edges hide while dragging.

Examples
--------
>>> from graph.model import Actor, AggregatedRelation, RelationType, Subgraph
>>> a, b = Actor(id="a", name="A"), Actor(id="b", name="B")
>>> fight = AggregatedRelation(source="a", target="b", type=RelationType.HOSTILITY,
...                            polarity="hostile", claims=2, documents=2, outlets=2)
>>> truce = AggregatedRelation(source="a", target="b", type=RelationType.TRUCE,
...                            polarity="ally", claims=1, documents=1, outlets=1)
>>> data = vis_data(Subgraph(actors=(a, b), relations=(fight, truce)))
>>> len(data["edges"]), sorted(e["dashes"] for e in data["edges"])
(2, [False, True])
>>> parse_edge_id(data["edges"][0]["id"])
('a', 'b', <RelationType.HOSTILITY: 'hostility'>)
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import networkx as nx
import numpy as np

from graph.model import (
    Actor,
    ActorKind,
    AggregatedRelation,
    Polarity,
    RelationType,
    Subgraph,
)

ColorBy = Literal["kind", "bloc"]
Positions = dict[str, tuple[float, float]]

ALLY_COLOR = "#1c7ed6"
HOSTILE_COLOR = "#e03131"
HEDGED_OPACITY = 0.3

KIND_STYLE: dict[ActorKind, tuple[str, str]] = {
    # kind: (shape, colour)
    ActorKind.STATE: ("square", "#495057"),
    ActorKind.ARMED_GROUP: ("dot", "#f08c00"),
    ActorKind.COALITION: ("hexagon", "#2f9e44"),
    ActorKind.MILITIA: ("diamond", "#9c36b5"),
    ActorKind.FOREIGN_FORCE: ("star", "#1098ad"),
    ActorKind.OTHER: ("triangle", "#868e96"),
}

# Colour-blind-friendly qualitative palette for blocs (Tableau 10); blocs beyond ten reuse it.
BLOC_PALETTE: tuple[str, ...] = (
    "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2",
    "#edc948", "#ff9da7", "#9c755f", "#bab0ac", "#e15759",
)
NO_BLOC_COLOR = "#ced4da"

MIN_NODE_SIZE = 10.0
MAX_NODE_SIZE = 30.0
MAX_EDGE_WIDTH = 9.0

# Above this many nodes, labels and edge dragging cost more than they help.
LARGE_GRAPH = 1000

EDGE_ID_SEPARATOR = "|"
TITLE_ALIASES = 8

# Layout: exact repulsion up to this many nodes, a random sample of repelling nodes above it.
EXACT_REPULSION = 1000
REPULSION_SAMPLE = 250
# Views up to this size also get overlapping nodes pushed apart (readable labels).
SEPARATE_MAX = 300


def edge_id(relation: AggregatedRelation) -> str:
    """Stable id of a drawn edge: ``source|target|type`` (actor ids never contain ``|``)."""
    return EDGE_ID_SEPARATOR.join((relation.source, relation.target, relation.type.value))


def parse_edge_id(value: str) -> tuple[str, str, RelationType]:
    """Inverse of :func:`edge_id`; raises ``ValueError`` on anything else."""
    source, target, type_ = value.split(EDGE_ID_SEPARATOR)
    return source, target, RelationType(type_)


def kind_label(kind: ActorKind) -> str:
    """Human label of an actor kind: ``armed_group`` -> ``armed group``."""
    return kind.value.replace("_", " ")


def relation_label(type_: RelationType) -> str:
    """Human label of a relation type: ``joint_operation`` -> ``joint operation``."""
    return type_.value.replace("_", " ")


def actor_title(actor: Actor) -> str:
    """Plain-text hover title: name, kind, aliases and standing, one per line."""
    lines = [actor.name, f"kind: {kind_label(actor.kind)}"]
    if actor.aliases:
        shown = ", ".join(actor.aliases[:TITLE_ALIASES])
        more = len(actor.aliases) - TITLE_ALIASES
        lines.append("aliases: " + shown + (f" (+{more} more)" if more > 0 else ""))
    lines.append("curated" if actor.curated else "discovered (not curated)")
    return "\n".join(lines)


def relation_title(relation: AggregatedRelation, names: Mapping[str, str]) -> str:
    """Plain-text hover title of an edge: who, how, how often, since when."""
    source = names.get(relation.source, relation.source)
    target = names.get(relation.target, relation.target)
    arrow = "→" if relation.type.directed else "—"
    lines = [
        f"{source} {arrow} {target}",
        f"{relation_label(relation.type)} ({relation.polarity.value})",
        f"{relation.claims} claims, {relation.documents} documents, {relation.outlets} outlets",
    ]
    if relation.first_seen or relation.last_seen:
        lines.append(f"seen {relation.first_seen or '?'} to {relation.last_seen or '?'}")
    lines.append(f"mean confidence {relation.mean_confidence:.2f}")
    if relation.hedged_only:
        lines.append("hedged claims only")
    return "\n".join(lines)


def degree_scores(subgraph: Subgraph) -> dict[str, float]:
    """Degree centrality over distinct neighbours (direction and type ignored), in ``[0, 1]``.

    >>> from graph.model import Actor, AggregatedRelation, RelationType, Subgraph
    >>> rel = AggregatedRelation(source="a", target="b", type=RelationType.ALLIANCE,
    ...                          polarity="ally", claims=1, documents=1, outlets=1)
    >>> degree_scores(Subgraph(actors=(Actor(id="a", name="A"), Actor(id="b", name="B"),
    ...                                Actor(id="c", name="C")), relations=(rel,)))
    {'a': 0.5, 'b': 0.5, 'c': 0.0}
    """
    neighbours: dict[str, set[str]] = defaultdict(set)
    for rel in subgraph.relations:
        neighbours[rel.source].add(rel.target)
        neighbours[rel.target].add(rel.source)
    scale = max(len(subgraph.actors) - 1, 1)
    return {a.id: len(neighbours.get(a.id, ())) / scale for a in subgraph.actors}


def positive_communities(subgraph: Subgraph, *, seed: int = 0) -> dict[str, int]:
    """Fallback blocs: Louvain communities of the ally-only graph, largest community first.

    Actors without any ally edge get their own singleton bloc.
    """
    graph = nx.Graph()
    graph.add_nodes_from(a.id for a in subgraph.actors)
    for rel in subgraph.relations:
        if rel.polarity is Polarity.ALLY and rel.source != rel.target:
            previous = graph.get_edge_data(rel.source, rel.target, {}).get("weight", 0)
            graph.add_edge(rel.source, rel.target, weight=previous + rel.outlets)
    if graph.number_of_nodes() == 0:
        return {}
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    ordered = sorted(found, key=lambda members: (-len(members), min(members)))
    return {actor: index for index, members in enumerate(ordered) for actor in members}


def _scale(values: Mapping[str, float], ids: list[str]) -> dict[str, float]:
    """Map scores linearly onto ``[MIN_NODE_SIZE, MAX_NODE_SIZE]``."""
    scores = [float(values.get(i, 0.0)) for i in ids]
    low, high = min(scores, default=0.0), max(scores, default=0.0)
    span = high - low
    out = {}
    for actor_id, score in zip(ids, scores, strict=True):
        fraction = (score - low) / span if span > 0 else 0.0
        out[actor_id] = round(MIN_NODE_SIZE + fraction * (MAX_NODE_SIZE - MIN_NODE_SIZE), 2)
    return out


def edge_width(outlets: int) -> float:
    """Width grows with distinct outlets, logarithmically so one hub does not drown the rest."""
    return round(min(1.0 + 2.0 * math.log2(max(outlets, 1)), MAX_EDGE_WIDTH), 2)


def vis_data(
    subgraph: Subgraph,
    *,
    color_by: ColorBy = "kind",
    blocs: Mapping[str, int] | None = None,
    size_by: Mapping[str, float] | None = None,
    positions: Mapping[str, tuple[float, float]] | None = None,
    labels: bool = True,
) -> dict[str, Any]:
    """vis-network ``nodes``, ``edges`` and ``options`` for a subgraph, plus a ``legend``.

    Parameters
    ----------
    subgraph
        What to draw.
    color_by
        ``"kind"`` colours nodes by :class:`~graph.model.ActorKind`; ``"bloc"`` by ``blocs``
        (falling back to :func:`positive_communities` when ``blocs`` is ``None``).
    blocs
        Actor id -> bloc number, e.g. from ``graph.blocs``.
    size_by
        Actor id -> score (any scale) for node size; defaults to :func:`degree_scores`.
    positions
        Actor id -> ``(x, y)`` in pixels, e.g. from :func:`layout`. When every node has one,
        physics is switched off and the graph is drawn once.
    labels
        Show actor names on the canvas (hover titles are always there).

    Returns
    -------
    dict
        ``{"nodes": [...], "edges": [...], "options": {...}, "legend": [...]}``; JSON-ready.
        Node and edge ``title`` values are plain text.
    """
    actors = list(subgraph.actors)
    ids = [a.id for a in actors]
    names = {a.id: a.name for a in actors}
    sizes = _scale(size_by if size_by is not None else degree_scores(subgraph), ids)
    if color_by == "bloc" and blocs is None:
        blocs = positive_communities(subgraph)
    large = len(actors) > LARGE_GRAPH
    placed = positions is not None and all(i in positions for i in ids)

    nodes: list[dict[str, Any]] = []
    for actor in actors:
        shape, kind_color = KIND_STYLE[actor.kind]
        color = kind_color
        if color_by == "bloc":
            bloc = (blocs or {}).get(actor.id)
            color = NO_BLOC_COLOR if bloc is None else BLOC_PALETTE[bloc % len(BLOC_PALETTE)]
        node: dict[str, Any] = {
            "id": actor.id,
            "label": actor.name if labels else "",
            "title": actor_title(actor),
            "shape": shape,
            "size": sizes[actor.id],
            "color": color,
            "borderWidth": 1 if actor.curated else 2,
            "shapeProperties": {"borderDashes": False if actor.curated else [3, 3]},
        }
        if placed and positions is not None:
            x, y = positions[actor.id]
            node["x"], node["y"] = round(float(x), 1), round(float(y), 1)
        nodes.append(node)

    # Parallel edges between the same two actors get distinct curvatures.
    by_pair: dict[frozenset[str], list[AggregatedRelation]] = defaultdict(list)
    for rel in subgraph.relations:
        by_pair[frozenset((rel.source, rel.target))].append(rel)
    edges: list[dict[str, Any]] = []
    for rel in subgraph.relations:
        siblings = by_pair[frozenset((rel.source, rel.target))]
        hostile = rel.polarity is Polarity.HOSTILE
        edge: dict[str, Any] = {
            "id": edge_id(rel),
            "from": rel.source,
            "to": rel.target,
            "title": relation_title(rel, names),
            # Same colour when highlighted/hovered so selection never hides the sign.
            "color": {
                "color": HOSTILE_COLOR if hostile else ALLY_COLOR,
                "highlight": HOSTILE_COLOR if hostile else ALLY_COLOR,
                "hover": HOSTILE_COLOR if hostile else ALLY_COLOR,
                "opacity": HEDGED_OPACITY if rel.hedged_only else 0.9,
            },
            "dashes": hostile,
            "width": edge_width(rel.outlets),
        }
        if not large:
            # Arrowheads cost about as much to draw as the edges; on big views (zoomed far
            # out, where they are not legible anyway) direction stays in the title and details.
            edge["arrows"] = {"to": {"enabled": rel.type.directed, "scaleFactor": 0.5}}
        if len(siblings) > 1:
            # Same curve direction relative to a canonical order keeps the edges apart.
            index = siblings.index(rel)
            flip = rel.source > rel.target
            edge["smooth"] = {
                "enabled": True,
                "type": "curvedCCW" if flip else "curvedCW",
                "roundness": round(0.12 + 0.18 * index, 2),
            }
        edges.append(edge)

    return {
        "nodes": nodes,
        "edges": edges,
        "options": vis_options(placed=placed, large=large),
        "legend": legend(actors, color_by=color_by, blocs=blocs),
    }


def vis_options(*, placed: bool, large: bool) -> dict[str, Any]:
    """vis-network options: no physics when positions are known, bounded stabilisation otherwise."""
    options: dict[str, Any] = {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {
            "font": {"size": 13, "face": "sans-serif", "strokeWidth": 3,
                     "strokeColor": "#ffffff"},
            "scaling": {"label": {"enabled": False}},
        },
        "edges": {"smooth": False, "selectionWidth": 2, "hoverWidth": 1},
        "interaction": {
            "hover": not large,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "navigationButtons": False,
            "multiselect": False,
        },
    }
    if placed:
        options["physics"] = {"enabled": False}
    else:
        options["physics"] = {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 140,
                          "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": 250, "updateInterval": 50,
                              "fit": True},
        }
    return options


def legend(
    actors: list[Actor], *, color_by: ColorBy = "kind", blocs: Mapping[str, int] | None = None
) -> list[dict[str, Any]]:
    """Legend entries for what is on screen: node kinds (shape), colours, and edge styles.

    Each entry is ``{"group": "node"|"edge", "label", "color", "shape"|"dashes", ...}``.
    """
    present = sorted({a.kind for a in actors}, key=list(ActorKind).index)
    entries: list[dict[str, Any]] = []
    for kind in present:
        shape, color = KIND_STYLE[kind]
        entries.append({"group": "node", "label": kind_label(kind), "shape": shape,
                        "color": color if color_by == "kind" else NO_BLOC_COLOR})
    if color_by == "bloc":
        sizes: dict[int, int] = defaultdict(int)
        for actor in actors:
            if blocs and actor.id in blocs:
                sizes[blocs[actor.id]] += 1
        for bloc in sorted(sizes)[: len(BLOC_PALETTE)]:
            entries.append({"group": "node", "label": f"bloc {bloc + 1} ({sizes[bloc]} actors)",
                            "shape": "dot", "color": BLOC_PALETTE[bloc % len(BLOC_PALETTE)]})
        if any(not blocs or actor.id not in blocs for actor in actors):
            entries.append({"group": "node", "label": "no bloc", "shape": "dot",
                            "color": NO_BLOC_COLOR})
    entries.extend([
        {"group": "edge", "label": "ally (alliance, truce, membership, joint op., support)",
         "color": ALLY_COLOR, "dashes": False, "opacity": 0.9},
        {"group": "edge", "label": "hostile (fights)", "color": HOSTILE_COLOR, "dashes": True,
         "opacity": 0.9},
        {"group": "edge", "label": "hedged claims only", "color": "#868e96", "dashes": False,
         "opacity": HEDGED_OPACITY},
    ])
    return entries


def to_simple_graph(source: Subgraph | nx.Graph) -> nx.Graph:
    """Undirected simple graph of a subgraph or any networkx graph (for layout)."""
    if isinstance(source, Subgraph):
        graph = nx.Graph()
        graph.add_nodes_from(a.id for a in source.actors)
        graph.add_edges_from((r.source, r.target) for r in source.relations)
        return graph
    simple = nx.Graph()
    simple.add_nodes_from(source.nodes)
    simple.add_edges_from((u, v) for u, v, *_ in source.edges)
    return simple


def layout(
    source: Subgraph | nx.Graph,
    *,
    seed: int = 0,
    iterations: int | None = None,
    spacing: float = 150.0,
) -> Positions:
    """Force-directed positions in pixels, computed once on the server.

    A Fruchterman-Reingold layout in numpy: exact repulsion up to 1,000 nodes, a fresh random
    sample of 250 repelling nodes per step above that (so 10k nodes take seconds, not minutes).
    Deterministic for a given ``seed``. ``spacing`` is roughly the pixel distance between
    neighbours.

    >>> import networkx as nx
    >>> pos = layout(nx.path_graph(3), seed=1)
    >>> sorted(pos) == [0, 1, 2] and pos == layout(nx.path_graph(3), seed=1)
    True
    """
    graph = to_simple_graph(source)
    nodes = list(graph.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = np.array([(index[u], index[v]) for u, v in graph.edges if u != v], dtype=np.int64)
    if iterations is None:
        # Small views get a well-relaxed layout; big ones a quick one.
        iterations = 300 if n <= 300 else 100 if n <= 2000 else 50
    pos = _fruchterman_reingold(n, pairs.reshape(-1, 2), seed=seed, iterations=iterations)
    if n <= SEPARATE_MAX and len(pairs):
        pos = _separate(pos, pairs)
    pos -= pos.mean(axis=0)
    # Scale so the layout's area grows with n: ~spacing pixels per node side.
    extent = float(np.abs(pos).max()) or 1.0
    pos *= spacing * math.sqrt(n) / (2.0 * extent)
    return {node: (round(float(x), 1), round(float(y), 1))
            for node, (x, y) in zip(nodes, pos, strict=True)}


def _separate(pos: np.ndarray, pairs: np.ndarray, *, fraction: float = 0.7,
              rounds: int = 60) -> np.ndarray:
    """Push apart nodes closer than ``fraction`` of the median edge length.

    Force layouts pack hubs and their leaves tightly; big hub symbols and labels then overlap.
    """
    pos = pos.astype(np.float64).copy()
    lengths = np.linalg.norm(pos[pairs[:, 0]] - pos[pairs[:, 1]], axis=1)
    wanted = fraction * float(np.median(lengths))
    if wanted <= 0:
        return pos
    for _ in range(rounds):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta**2).sum(axis=-1))
        np.fill_diagonal(dist, np.inf)
        overlap = np.clip(wanted - dist, 0.0, None)
        if not overlap.any():
            break
        # Each close pair moves half the missing distance apart, along the line joining them.
        push = (overlap / np.maximum(dist, 1e-9) / 2.0)[..., None] * delta
        pos += np.nan_to_num(push).sum(axis=1) * 0.5
    return pos


def _fruchterman_reingold(n: int, pairs: np.ndarray, *, seed: int, iterations: int
                          ) -> np.ndarray:
    rng = np.random.default_rng(seed)
    # x and y kept apart in float32: half the memory traffic of an (n, m, 2) float64 array.
    x = rng.random(n, dtype=np.float32)
    y = rng.random(n, dtype=np.float32)
    k2 = np.float32(1.0 / n)
    k = math.sqrt(1.0 / n)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    sample_size = n if n <= EXACT_REPULSION else REPULSION_SAMPLE
    weight = np.float32(n / sample_size)
    src, dst = pairs[:, 0], pairs[:, 1]
    for _ in range(iterations):
        others = (slice(None) if sample_size == n
                  else rng.choice(n, size=sample_size, replace=False))
        dx = x[:, None] - x[None, others]
        dy = y[:, None] - y[None, others]
        scale = weight * k2 / np.maximum(dx * dx + dy * dy, np.float32(1e-6))
        fx = (scale * dx).sum(axis=1)
        fy = (scale * dy).sum(axis=1)
        if len(pairs):
            ex, ey = x[src] - x[dst], y[src] - y[dst]
            pull = np.sqrt(ex * ex + ey * ey) / k
            fx += np.bincount(dst, ex * pull, n) - np.bincount(src, ex * pull, n)
            fy += np.bincount(dst, ey * pull, n) - np.bincount(src, ey * pull, n)
        # Weak gravity keeps disconnected components on screen.
        fx -= 0.05 * (x - x.mean()) * n * k
        fy -= 0.05 * (y - y.mean()) * n * k
        length = np.sqrt(np.maximum(fx * fx + fy * fy, 1e-12))
        step = np.minimum(length, temperature) / length
        x += (fx * step).astype(np.float32)
        y += (fy * step).astype(np.float32)
        temperature -= cooling
    return np.stack([x, y], axis=1).astype(np.float64)


def _is_node(value: object) -> bool:
    return isinstance(value, dict) and "labels" in value and "element_id" in value


def _is_relationship(value: object) -> bool:
    return isinstance(value, dict) and "type" in value and "start" in value and "end" in value


def _walk_graph_values(value: object, nodes: dict[str, dict[str, Any]],
                       rels: dict[str, dict[str, Any]]) -> None:
    if _is_node(value):
        assert isinstance(value, dict)
        nodes[str(value["element_id"])] = value
    elif _is_relationship(value):
        assert isinstance(value, dict)
        rels[str(value.get("element_id") or id(value))] = value
    elif isinstance(value, dict):
        for item in value.values():
            _walk_graph_values(item, nodes, rels)
    elif isinstance(value, list | tuple):
        for item in value:
            _walk_graph_values(item, nodes, rels)


_NEO4J_POLARITY = {t.neo4j_type: t.polarity for t in RelationType}


def query_vis_data(rows: Iterable[Iterable[object]]) -> dict[str, Any] | None:
    """vis-network data for the nodes, relationships and paths in Cypher result rows.

    Values are the plain dicts the stores return (``{"element_id", "labels", "properties"}``
    for nodes, ``{"element_id", "type", "start", "end", "properties"}`` for relationships,
    ``{"nodes", "relationships"}`` for paths). Returns ``None`` when the rows hold none.

    >>> a = {"element_id": "1", "labels": ["Actor"], "properties": {"name": "A"}}
    >>> b = {"element_id": "2", "labels": ["Actor"], "properties": {"name": "B"}}
    >>> r = {"element_id": "9", "type": "FIGHTS", "start": "1", "end": "2", "properties": {}}
    >>> data = query_vis_data([({"nodes": [a, b], "relationships": [r]},)])
    >>> [n["label"] for n in data["nodes"]], data["edges"][0]["dashes"]
    (['A', 'B'], True)
    >>> query_vis_data([(1, "x")]) is None
    True
    """
    nodes: dict[str, dict[str, Any]] = {}
    rels: dict[str, dict[str, Any]] = {}
    for row in rows:
        _walk_graph_values(list(row), nodes, rels)
    if not nodes and not rels:
        return None
    for rel in rels.values():
        for end in (rel["start"], rel["end"]):
            nodes.setdefault(str(end), {"element_id": str(end), "labels": [], "properties": {}})
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((str(r["start"]), str(r["end"])) for r in rels.values())
    positions = layout(graph, seed=7)
    vis_nodes = []
    for node_id, node in nodes.items():
        props = node.get("properties") or {}
        labels = list(node.get("labels") or [])
        label = str(props.get("name") or props.get("title") or props.get("id") or node_id)
        kind = props.get("kind")
        shape, color = KIND_STYLE[ActorKind(kind) if kind in set(ActorKind) else ActorKind.OTHER]
        if "Actor" not in labels:
            shape, color = "box", "#dee2e6"
        facts = [f"{k}: {v}" for k, v in sorted(props.items())][:12]
        title = "\n".join([label, ":".join(labels) or "(node)", *facts])
        x, y = positions[node_id]
        vis_nodes.append({"id": node_id, "label": label[:60], "title": title, "shape": shape,
                          "color": color, "size": 16, "x": x, "y": y})
    vis_edges = []
    for rel_id, rel in rels.items():
        polarity = _NEO4J_POLARITY.get(str(rel["type"]))
        color = ("#868e96" if polarity is None
                 else HOSTILE_COLOR if polarity is Polarity.HOSTILE else ALLY_COLOR)
        props = rel.get("properties") or {}
        title = "\n".join([str(rel["type"]), *(f"{k}: {v}" for k, v in sorted(props.items()))])
        vis_edges.append({"id": "rel:" + rel_id, "from": str(rel["start"]),
                          "to": str(rel["end"]), "label": str(rel["type"]), "title": title,
                          "color": {"color": color}, "dashes": polarity is Polarity.HOSTILE,
                          "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                          "font": {"size": 10, "align": "middle"}, "width": 1.5})
    return {"nodes": vis_nodes, "edges": vis_edges,
            "options": vis_options(placed=True, large=len(vis_nodes) > LARGE_GRAPH),
            "legend": []}
