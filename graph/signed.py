"""Signed projection: the aggregated actor multigraph folded into one signed tie per pair.

A store's :func:`~graph.convert.to_networkx` returns a ``MultiDiGraph`` with one edge per
aggregated ``(source, target, type)`` relation. The analyses in ``graph.blocs``,
``graph.balance`` and ``graph.influence`` want one undirected tie per pair with a sign, so
:func:`signed_projection` folds the relations of each pair together:

* the sign of a relation comes from the vocabulary's sign table (``RelationType.polarity``:
  alliance, truce, membership, joint operation and support are +, hostility is -); place control
  never reaches the actor graph, so it gives no tie;
* a relation's *support* is the number of distinct documents stating it times their mean
  confidence, so ten reports in one outlet count more than one hedged rumour, and a hedged-only
  relation (already lower confidence) counts less;
* a pair with support on both sides in the window is **contested**. It is never silently netted.
  With ``contested="exclude"`` (the default) its tie keeps ``sign=0``: blocs, balance, implied
  ties and brokers ignore it, and :func:`contested_pairs` lists it with both sides' support.
  With ``contested="majority"`` the side with more support gives the sign (a tie in support
  stays at 0) and the tie keeps ``contested=True`` so reports can still flag it.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_edge("saa", "isis", key="hostility", type="hostility", documents=2,
...            mean_confidence=0.9)
'hostility'
>>> P = signed_projection(G)
>>> P.edges["isis", "saa"]["sign"], P.edges["isis", "saa"]["weight"]
(-1, 1.8)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Literal

import networkx as nx
from pydantic import BaseModel, ConfigDict

from graph.model import RelationType

ContestedRule = Literal["exclude", "majority"]


class AnalysisModel(BaseModel):
    """Base of the small result records the analyses return (frozen, JSON-serialisable)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class RelationRef(AnalysisModel):
    """One aggregated relation behind a tie: enough to ask ``store.evidence(source, target)``."""

    source: str
    target: str
    type: str
    sign: int


class ContestedPair(AnalysisModel):
    """A pair with both cooperation and conflict reported in the window."""

    source: str
    target: str
    positive_support: float
    negative_support: float
    positive_types: tuple[str, ...]
    negative_types: tuple[str, ...]
    sign: int
    """The sign the projection used: 0 when excluded, else the majority side."""
    relations: tuple[RelationRef, ...]


def relation_sign(data: Mapping[str, Any]) -> int:
    """Sign of one aggregated relation from its ``type`` (falling back to ``sign``/``polarity``).

    >>> relation_sign({"type": "truce"}), relation_sign({"type": "hostility"})
    (1, -1)
    """
    kind = data.get("type")
    if kind is not None:
        return RelationType(str(kind)).polarity.sign
    if "sign" in data:
        return 1 if int(data["sign"]) > 0 else -1
    return 1 if str(data.get("polarity", "")) == "ally" else -1


def relation_support(data: Mapping[str, Any]) -> float:
    """Distinct documents (else claims, else 1) times mean confidence (default 1)."""
    sources = data.get("documents") or data.get("claims") or 1
    confidence = data.get("mean_confidence")
    return float(sources) * (1.0 if confidence is None else float(confidence))


def _as_date(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _in_window(data: Mapping[str, Any], since: date | None, until: date | None) -> bool:
    """Whether a relation's seen-interval overlaps the window (undated relations always do)."""
    first = _as_date(data.get("first_seen"))
    last = _as_date(data.get("last_seen")) or first
    first = first or last
    if since is not None and last is not None and last < since:
        return False
    return not (until is not None and first is not None and first > until)


def signed_projection(
    G: nx.Graph,
    *,
    since: date | None = None,
    until: date | None = None,
    contested: ContestedRule = "exclude",
) -> nx.Graph:
    """Fold an actor multigraph into one undirected signed tie per pair.

    Parameters
    ----------
    G : networkx graph
        Usually the ``MultiDiGraph`` of ``store.to_networkx(...)``: edges carry ``type``
        (a :class:`~graph.model.RelationType` value), ``documents``, ``mean_confidence`` and
        ``first_seen``/``last_seen``. Any graph whose edges carry ``sign`` works too.
    since, until : date, optional
        Keep only relations whose first/last-seen interval overlaps this window.
    contested : {"exclude", "majority"}
        How a pair with both signs enters the signed analyses (see the module docstring).

    Returns
    -------
    networkx.Graph
        Nodes keep their attributes (only actors with a tie in the window are kept). Each edge
        has ``sign`` (+1, -1, or 0 for an excluded contested pair), ``weight`` (support of the
        side that gives the sign; for sign 0 the sum of both sides), ``positive_support``,
        ``negative_support``, ``contested``, ``types``, ``relations`` (tuple of
        :class:`RelationRef`), ``claims``, ``first_seen`` and ``last_seen`` (ISO or None).

    Examples
    --------
    A pair that both fights and agrees a truce is contested, not netted:

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("levant-front", "ypg", key="hostility", type="hostility", documents=1)
    >>> _ = G.add_edge("levant-front", "ypg", key="truce", type="truce", documents=1)
    >>> e = signed_projection(G).edges["levant-front", "ypg"]
    >>> e["sign"], e["contested"], e["types"]
    (0, True, ('hostility', 'truce'))
    >>> signed_projection(G, contested="majority").edges["levant-front", "ypg"]["sign"]
    0
    """
    if contested not in ("exclude", "majority"):
        raise ValueError(f"contested must be 'exclude' or 'majority', not {contested!r}")
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    edges: Iterable[tuple[Any, Any, Mapping[str, Any]]] = G.edges(data=True)
    for u, v, data in edges:
        if u == v or not _in_window(data, since, until):
            continue
        a, b = (u, v) if str(u) <= str(v) else (v, u)
        sign = relation_sign(data)
        kind = str(data.get("type") or ("ally" if sign > 0 else "hostile"))
        acc = pairs.setdefault((a, b), {
            "pos": 0.0, "neg": 0.0, "pos_types": set(), "neg_types": set(), "relations": [],
            "claims": 0, "first": None, "last": None,
        })
        support = relation_support(data)
        if sign > 0:
            acc["pos"] += support
            acc["pos_types"].add(kind)
        else:
            acc["neg"] += support
            acc["neg_types"].add(kind)
        acc["relations"].append(RelationRef(source=str(u), target=str(v), type=kind, sign=sign))
        acc["claims"] += int(data.get("claims") or 0)
        first, last = _as_date(data.get("first_seen")), _as_date(data.get("last_seen"))
        if first is not None and (acc["first"] is None or first < acc["first"]):
            acc["first"] = first
        if last is not None and (acc["last"] is None or last > acc["last"]):
            acc["last"] = last

    P = nx.Graph()
    for (a, b), acc in pairs.items():
        pos, neg = acc["pos"], acc["neg"]
        is_contested = bool(acc["pos_types"]) and bool(acc["neg_types"])
        if not is_contested:
            sign, weight = (1, pos) if acc["pos_types"] else (-1, neg)
        elif contested == "majority" and pos != neg:
            sign, weight = (1, pos) if pos > neg else (-1, neg)
        else:
            sign, weight = 0, pos + neg
        for node in (a, b):
            if node not in P:
                P.add_node(node, **G.nodes[node])
        P.add_edge(
            a, b, sign=sign, weight=round(weight, 6), positive_support=round(pos, 6),
            negative_support=round(neg, 6), contested=is_contested,
            types=tuple(sorted(acc["pos_types"] | acc["neg_types"])),
            relations=tuple(acc["relations"]), claims=acc["claims"],
            first_seen=acc["first"].isoformat() if acc["first"] else None,
            last_seen=acc["last"].isoformat() if acc["last"] else None,
        )
    return P


def contested_pairs(P: nx.Graph) -> list[ContestedPair]:
    """Pairs of a projection with both signs in the window, most-supported first.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", key="hostility", type="hostility", documents=3)
    >>> _ = G.add_edge("b", "a", key="alliance", type="alliance", documents=1)
    >>> [(c.source, c.target, c.positive_support, c.negative_support)
    ...  for c in contested_pairs(signed_projection(G))]
    [('a', 'b', 1.0, 3.0)]
    """
    out: list[ContestedPair] = []
    for a, b, data in P.edges(data=True):
        if not data.get("contested"):
            continue
        relations: tuple[RelationRef, ...] = tuple(data.get("relations", ()))
        out.append(ContestedPair(
            source=str(a), target=str(b),
            positive_support=float(data["positive_support"]),
            negative_support=float(data["negative_support"]),
            positive_types=tuple(sorted({r.type for r in relations if r.sign > 0})),
            negative_types=tuple(sorted({r.type for r in relations if r.sign < 0})),
            sign=int(data["sign"]), relations=relations,
        ))
    out.sort(key=lambda c: (-(c.positive_support + c.negative_support), c.source, c.target))
    return out


def signed_edges(P: nx.Graph, *, weight: str | None = None) -> Iterable[tuple[Any, Any, float]]:
    """``(u, v, w)`` for every tie with a sign: ``w`` is the sign, times ``weight`` if given.

    Ties with ``sign == 0`` (excluded contested pairs) are skipped.

    >>> import networkx as nx
    >>> P = nx.Graph([("a", "b", {"sign": -1, "weight": 2.0}), ("b", "c", {"sign": 0})])
    >>> list(signed_edges(P)), list(signed_edges(P, weight="weight"))
    ([('a', 'b', -1.0)], [('a', 'b', -2.0)])
    """
    for u, v, data in P.edges(data=True):
        sign = int(data.get("sign", 0))
        if sign == 0:
            continue
        w = float(sign)
        if weight is not None:
            w *= float(data.get(weight, 1.0))
        yield u, v, w
