"""A read-only subset of Cypher for the embedded store, answered by ``grand-cypher``.

The store is mirrored into a networkx graph shaped like the Neo4j model (``docs/data-model.md``):
``Actor``, ``Document``, ``Claim``, ``Place`` and ``PlaceClaim`` nodes carrying the same
properties, ``SOURCE``/``TARGET``/``STATED_IN``/``ACTOR``/``PLACE`` relationships, and one
aggregated ``ALLIED_WITH``/``TRUCE_WITH``/``MEMBER_OF``/``OPERATES_WITH``/``SUPPORTS``/``FIGHTS``
edge per actor pair and type. Dates are ISO strings here (Neo4j ``Date`` values there).

The rule is: answer exactly as Neo4j would, or refuse. Writes raise
:class:`~graph.errors.WriteRefused`; anything outside the subset, or anything grand-cypher is
known to answer differently (undirected or variable-length patterns, path variables), raises
:class:`~graph.errors.UnsupportedQuery` naming Neo4j as the way to run it.

Examples
--------
>>> from graph.embedded_store import EmbeddedStore
>>> EmbeddedStore().query("MATCH (n) RETURN count(n)").rows
((0,),)
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import networkx as nx
from grandcypher import GrandCypher
from lark.exceptions import LarkError

from graph.convert import actor_row, claim_row, document_row, place_row, relation_attributes
from graph.errors import QueryError, UnsupportedQuery, WriteRefused
from graph.model import (
    Actor,
    AggregatedRelation,
    Claim,
    Document,
    PlaceClaim,
    QueryResult,
)

if TYPE_CHECKING:
    from graph.embedded_store import EmbeddedStore

NEEDS_NEO4J = "run it on Neo4j (set NEO4J_URI, or `--store neo4j`)"
READ_ONLY = (
    "refused: the embedded store answers read-only Cypher; load data with "
    "`allegiance load-claims`, or use Neo4j with --write"
)

_STRING = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*\"""", re.DOTALL)
_WRITE = re.compile(
    r"(?<![.\w])(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH|CALL|LOAD\s+CSV)\b",
    re.IGNORECASE,
)
# Clauses grand-cypher either cannot parse or would answer differently from Neo4j.
_UNSUPPORTED_WORDS = re.compile(
    r"(?<![.\w])(OPTIONAL|WITH|UNWIND|UNION|EXISTS|CASE|shortestPath|allShortestPaths|"
    r"COUNT\s*\{|USE|SHOW|EXPLAIN|PROFILE)\b",
    re.IGNORECASE,
)
_EDGE = re.compile(r"\)\s*(<?)\s*-\s*(\[[^\]]*\])?\s*-\s*(>?)\s*\(")
_PATH_VARIABLE = re.compile(r"\bMATCH\s+\w+\s*=", re.IGNORECASE)
_AGGREGATE = re.compile(r"(?<![.\w])(count|sum|avg|min|max|collect)\s*\(", re.IGNORECASE)
_COUNT_STAR = re.compile(r"\bCOUNT\s*\(\s*\*\s*\)", re.IGNORECASE)
_FIRST_VARIABLE = re.compile(r"\(\s*([A-Za-z_]\w*)")
_PARAM = re.compile(r"\$([A-Za-z_]\w*)")
_PLACEHOLDER = re.compile(r"\x00(\d+)\x00")
_RETURN = re.compile(r"\bRETURN\b", re.IGNORECASE)
_RETURN_END = re.compile(r"\b(ORDER\s+BY|SKIP|LIMIT)\b", re.IGNORECASE)
_PAGING = re.compile(r"(?:\bSKIP\s+(\d+))?\s*(?:\bLIMIT\s+(\d+))?\s*$", re.IGNORECASE)
_DISTINCT = re.compile(r"\bRETURN\s+DISTINCT\b", re.IGNORECASE)
_ALIAS = re.compile(r"^(.*?)\s+AS\s+([A-Za-z_]\w*)$", re.IGNORECASE | re.DOTALL)


_EMPTY_AGGREGATE: dict[str, object] = {"COUNT": 0, "SUM": 0, "COLLECT": []}


def cypher_view(
    actors: Mapping[str, Actor],
    documents: Mapping[str, Document],
    claims: list[Claim],
    places: list[PlaceClaim],
    relations: list[AggregatedRelation],
) -> nx.MultiDiGraph:
    """The store as a labelled networkx graph mirroring the Neo4j model.

    Node keys are ``"<label>:<id>"`` (what ``id(n)`` returns); properties are those Neo4j holds,
    with dates as ISO strings and ``None`` left out (Neo4j stores no nulls).
    """
    graph = nx.MultiDiGraph()

    def add_node(key: str, label: str, props: Mapping[str, Any]) -> None:
        graph.add_node(key, __labels__={label}, **_properties(props))

    def add_edge(start: str, end: str, rel_type: str, props: Mapping[str, Any] | None = None
                 ) -> None:
        graph.add_edge(start, end, key=rel_type, __labels__={rel_type}, __start__=start,
                       __end__=end, **_properties(props or {}))

    for actor in actors.values():
        add_node(f"actor:{actor.id}", "Actor", actor_row(actor))
    for doc in documents.values():
        add_node(f"document:{doc.id}", "Document", document_row(doc))
    for claim in claims:
        row = claim_row(claim)
        node = f"claim:{row['id']}"
        add_node(node, "Claim", {k: v for k, v in row.items()
                                 if k not in {"source", "target", "doc"}})
        add_edge(node, f"actor:{claim.source}", "SOURCE")
        add_edge(node, f"actor:{claim.target}", "TARGET")
        add_edge(node, f"document:{claim.evidence.doc}", "STATED_IN")
    for place in places:
        row = place_row(place)
        node = f"placeclaim:{row['id']}"
        place_node = f"place:{place.place}"
        if place_node not in graph:
            add_node(place_node, "Place", {"name": place.place})
        add_node(node, "PlaceClaim", {k: v for k, v in row.items()
                                      if k not in {"actor", "place", "doc"}})
        add_edge(node, f"actor:{place.actor}", "ACTOR")
        add_edge(node, place_node, "PLACE")
        add_edge(node, f"document:{place.evidence.doc}", "STATED_IN")
    for rel in relations:
        attrs = relation_attributes(rel)
        props = {k: attrs[k] for k in ("claims", "documents", "outlets", "first_seen",
                                       "last_seen", "mean_confidence", "hedged_only")}
        add_edge(f"actor:{rel.source}", f"actor:{rel.target}", rel.type.neo4j_type, props)
    return graph


def _properties(props: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in props.items():
        if value is None:
            continue
        out[key] = value.isoformat() if hasattr(value, "isoformat") else value
    return out


def check_read_only(cypher: str) -> None:
    """Raise :class:`WriteRefused` when ``cypher`` (outside string literals) would write."""
    masked = _STRING.sub('""', cypher)
    match = _WRITE.search(masked)
    if match:
        raise WriteRefused(READ_ONLY, hint=f"found {match.group(1).upper()!r}")


def translate(cypher: str, params: Mapping[str, object] | None = None
              ) -> tuple[str, list[str], list[str], list[str | None]]:
    """Rewrite ``cypher`` into grand-cypher's dialect.

    Returns the rewritten text, the column names Neo4j would show (the RETURN items as typed,
    or their aliases), the matching grand-cypher result keys, and for each item the aggregate
    function it applies (``None`` for a grouping key).

    >>> translate("MATCH (n:Actor) WHERE n.id = $id RETURN count(*) AS n", {"id": "ypg"})[0]
    'MATCH (n:Actor) WHERE n.id = "ypg" RETURN COUNT(n) AS n'
    """
    params = dict(params or {})
    literals: list[str] = []

    def stash(literal: str) -> str:
        literals.append(literal)
        return f"\x00{len(literals) - 1}\x00"

    def string_literal(match: re.Match[str]) -> str:
        text = match.group(0)
        body = text[1:-1]
        if text[0] == "'":
            body = body.replace("\\'", "'")
            value = json.loads('"' + body.replace('"', '\\"') + '"')
        else:
            value = json.loads(text)
        return stash(json.dumps(value, ensure_ascii=False))

    try:
        masked = _STRING.sub(string_literal, cypher.strip().rstrip(";"))
    except json.JSONDecodeError as e:
        raise UnsupportedQuery(f"cannot read a string literal: {e}", hint=NEEDS_NEO4J) from e

    check_read_only(cypher)
    _check_supported(masked)

    def parameter(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in params:
            raise QueryError(f"Expected parameter(s): {name}",
                             hint="pass it with --param name=value")
        return stash(_literal(params[name]))

    masked = _PARAM.sub(parameter, masked)
    columns, keys, aggregates = _return_columns(masked,
                                                cypher_text=lambda s: _unmask(s, literals))
    first = _FIRST_VARIABLE.search(masked)
    if _COUNT_STAR.search(masked):
        if first is None:
            raise UnsupportedQuery("count(*) needs a named node here", hint=NEEDS_NEO4J)
        masked = _COUNT_STAR.sub(f"COUNT({first.group(1)})", masked)
        keys = [_COUNT_STAR.sub(f"COUNT({first.group(1)})", k) for k in keys]
    masked = _AGGREGATE.sub(lambda m: m.group(1).upper() + "(", masked)
    keys = [_AGGREGATE.sub(lambda m: m.group(1).upper() + "(", k) for k in keys]
    return (_unmask(masked, literals), columns, [_unmask(k, literals) for k in keys],
            aggregates)


def _check_supported(masked: str) -> None:
    if not re.match(r"\s*MATCH\b", masked, re.IGNORECASE):
        raise UnsupportedQuery(
            "the embedded store answers only queries that start with MATCH", hint=NEEDS_NEO4J)
    word = _UNSUPPORTED_WORDS.search(masked)
    if word:
        raise UnsupportedQuery(
            f"the embedded store does not support {word.group(1).upper()}", hint=NEEDS_NEO4J)
    if _PATH_VARIABLE.search(masked):
        raise UnsupportedQuery("the embedded store does not return paths", hint=NEEDS_NEO4J)
    for edge in _EDGE.finditer(masked):
        left, body, right = edge.group(1), edge.group(2) or "", edge.group(3)
        if bool(left) == bool(right):
            raise UnsupportedQuery(
                "the embedded store needs a direction on every relationship (-> or <-)",
                hint=NEEDS_NEO4J)
        if "*" in body:
            raise UnsupportedQuery(
                "the embedded store does not support variable-length relationships",
                hint=NEEDS_NEO4J)
    if re.search(r"\)\s*,\s*\(", _RETURN.split(masked, maxsplit=1)[0]):
        raise UnsupportedQuery("write one MATCH per pattern instead of commas",
                               hint="MATCH (a) MATCH (b) ... works")


def _literal(value: object) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if value is None:
        return "NULL"
    if isinstance(value, int | float | str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple) and all(
        isinstance(v, str | int | float) and not isinstance(v, bool) for v in value
    ):
        return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
    raise UnsupportedQuery(f"parameter value {value!r} is not supported here", hint=NEEDS_NEO4J)


def _unmask(text: str, literals: list[str]) -> str:
    return _PLACEHOLDER.sub(lambda m: literals[int(m.group(1))], text)


def _split_top_level(text: str) -> list[str]:
    items: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        if char == "," and depth == 0:
            items.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    items.append("".join(current).strip())
    return items


def _return_columns(masked: str, cypher_text: Callable[[str], str]
                    ) -> tuple[list[str], list[str], list[str | None]]:
    found = list(_RETURN.finditer(masked))
    if not found:
        raise UnsupportedQuery("the embedded store needs a RETURN clause", hint=NEEDS_NEO4J)
    tail = masked[found[-1].end():]
    end = _RETURN_END.search(tail)
    items_text = (tail[: end.start()] if end else tail).strip()
    items_text = re.sub(r"^DISTINCT\s+", "", items_text, flags=re.IGNORECASE)
    columns, keys, aggregates = [], [], []
    for item in _split_top_level(items_text):
        alias = _ALIAS.match(item)
        expression = alias.group(1) if alias else item
        function = _AGGREGATE.match(expression.strip())
        aggregates.append(function.group(1).upper() if function else None)
        if alias:
            columns.append(alias.group(2))
            keys.append(alias.group(2))
        else:
            columns.append(cypher_text(item))
            keys.append(item)
    return columns, keys, aggregates


def _normalise_key(key: str) -> str:
    return re.sub(r"\s+", "", key).upper()


def plain(value: Any) -> Any:
    """A grand-cypher value as the plain shape :func:`graph.neo4j_store.plain_value` gives."""
    if isinstance(value, dict) and "__labels__" in value:
        props = {k: plain(v) for k, v in value.items() if not k.startswith("__")}
        labels = sorted(value["__labels__"])
        if "__start__" in value:
            return {"element_id": f"{value['__start__']}-{labels[0]}->{value['__end__']}",
                    "type": labels[0], "start": value["__start__"], "end": value["__end__"],
                    "properties": props}
        return {"element_id": f"{labels[0].lower()}:{props.get('id', props.get('name'))}",
                "labels": labels, "properties": props}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def run_query(store: EmbeddedStore, cypher: str, params: Mapping[str, object] | None = None, *,
              write: bool = False, timeout_s: float = 10.0, row_cap: int = 5000
              ) -> QueryResult:
    """Answer ``cypher`` on the embedded store (see the module docstring for the subset).

    ``write`` changes nothing: the embedded store never takes writes through Cypher.
    """
    text, columns, keys, aggregates = translate(cypher, params)
    # grand-cypher applies SKIP/LIMIT to matches *before* aggregation and DISTINCT (Neo4j: after),
    # so paging is taken off the query and applied to the finished rows here.
    paging = _PAGING.search(text)
    skip = int(paging.group(1) or 0) if paging else 0
    limit = int(paging.group(2)) if paging and paging.group(2) else None
    if paging:
        text = text[: paging.start()].rstrip()
    wanted = row_cap + 1 if limit is None else min(limit, row_cap + 1)
    if not _AGGREGATE.search(text) and not _DISTINCT.search(text):
        # Row for row, an early stop is safe and spares building rows nobody will see.
        text = f"{text} LIMIT {skip + wanted}"
    view = store.cypher_view()
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["result"] = GrandCypher(view).run(text)
        except Exception as e:  # reported to the caller below, with its type
            outcome["error"] = e

    # grand-cypher cannot be interrupted; a query past its time is abandoned, not stopped.
    worker = threading.Thread(target=work, daemon=True, name="embedded-cypher")
    worker.start()
    worker.join(timeout_s)
    if worker.is_alive():
        raise QueryError(f"query timed out after {timeout_s:g} s on the embedded store",
                         hint="narrow the query, raise --timeout, or use Neo4j")
    error = outcome.get("error")
    if isinstance(error, LarkError):
        first_line = str(error).strip().splitlines()[0]
        raise UnsupportedQuery(
            f"the embedded store cannot parse this query ({first_line})", hint=NEEDS_NEO4J
        ) from error
    if error is not None:
        raise UnsupportedQuery(
            f"the embedded store cannot answer this query ({type(error).__name__}: {error})",
            hint=NEEDS_NEO4J,
        ) from error
    result: dict[Any, list[Any]] = outcome["result"]
    by_key = {_normalise_key(str(k)): v for k, v in result.items()}
    try:
        values = [by_key[_normalise_key(k)] for k in keys]
    except KeyError as e:
        raise UnsupportedQuery(
            "the embedded store could not match the RETURN items to its answer",
            hint=NEEDS_NEO4J) from e
    if len({len(v) for v in values}) > 1:
        raise UnsupportedQuery("the embedded store gave ragged columns", hint=NEEDS_NEO4J)
    rows = [tuple(plain(v) for v in row) for row in zip(*values, strict=True)]
    if not rows and all(aggregates):
        # Aggregating nothing still gives one row in Cypher (count 0, collect [], others null).
        rows = [tuple(_EMPTY_AGGREGATE.get(f or "") for f in aggregates)]
    rows = rows[skip: skip + wanted]
    truncated = len(rows) > row_cap
    return QueryResult(
        columns=tuple(columns), rows=tuple(rows[:row_cap]), truncated=truncated,
        row_cap=row_cap,
        notice=f"stopped at the row cap of {row_cap} rows" if truncated else "",
    )
