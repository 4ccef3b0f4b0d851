"""The Neo4j store: the official driver, batched ``UNWIND`` writes, one transaction per batch.

All Cypher comes from :mod:`graph.neo4j_queries`. Writes run in ``session.execute_write`` with a
transaction function that is idempotent (MERGE on stable ids, SET of whole records) and returns
plain data; the whole :class:`~graph.model.Extraction` lands in one transaction, so a failing
batch leaves nothing behind. Reads use ``execute_query(routing_=READ)``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from time import perf_counter
from typing import Any, LiteralString, cast

import networkx as nx
from neo4j import (
    READ_ACCESS,
    WRITE_ACCESS,
    Driver,
    GraphDatabase,
    ManagedTransaction,
    Query,
    RoutingControl,
)
from neo4j import exceptions as neo4j_errors
from neo4j.graph import Node, Path, Relationship
from neo4j.time import Date, DateTime, Duration, Time

from graph import aggregate as agg
from graph import neo4j_queries as q
from graph.convert import (
    actor_row,
    claim_row,
    document_row,
    pair_key,
    place_row,
    to_networkx,
)
from graph.errors import (
    AllegianceError,
    AuthenticationFailed,
    ConfigError,
    LoadError,
    QueryError,
    StoreUnavailable,
    WriteRefused,
)
from graph.model import (
    Actor,
    ActorKind,
    ActorPath,
    AggregatedRelation,
    Claim,
    Document,
    Evidence,
    Extraction,
    GraphFilter,
    LoadReport,
    Mention,
    PathStep,
    PlaceClaim,
    QueryResult,
    RelationType,
    StoreCounts,
    Subgraph,
)
from graph.store import DEFAULT_BATCH_SIZE, DEFAULT_QUERY_TIMEOUT_S, DEFAULT_ROW_CAP

START_HINT = (
    "start one with `scripts/neo4j-local start` (or `docker compose up -d neo4j`), "
    "or unset NEO4J_URI to use the embedded store"
)
WRITE_REFUSED = "refused: this query writes; pass --write to allow"

_TYPE_BY_NEO4J = {t.neo4j_type: t for t in RelationType}

Row = dict[str, Any]


class Neo4jStore:
    """A :class:`~graph.store.GraphStore` on a Neo4j 5 server. Create it with :meth:`connect`."""

    name = "neo4j"

    def __init__(self, driver: Driver, *, uri: str, database: str = "neo4j",
                 batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        self._driver = driver
        self.uri = uri
        self.database = database
        self.batch_size = batch_size

    @classmethod
    def connect(cls, uri: str, user: str, password: str, database: str = "neo4j",
                batch_size: int = DEFAULT_BATCH_SIZE, *, connection_timeout_s: float = 5.0
                ) -> Neo4jStore:
        """Open a driver, check the server answers and accepts the credentials, ensure the schema.

        ``uri`` is passed to the driver unchanged (``bolt://``, ``neo4j://``, ``neo4j+s://`` ...).

        Raises
        ------
        StoreUnavailable
            Nothing answers at ``uri``.
        AuthenticationFailed
            The server refused ``user``/``password``.
        ConfigError
            The URI or database name is not usable.
        """
        try:
            driver = GraphDatabase.driver(
                uri, auth=(user, password), connection_timeout=connection_timeout_s,
                max_transaction_retry_time=15.0,
                # Server notices (e.g. "property does not exist yet") are noise for users.
                notifications_min_severity="OFF",
            )
        except (ValueError, neo4j_errors.ConfigurationError) as e:
            raise ConfigError(f"Invalid Neo4j URI {uri!r}: {e}",
                              hint="use e.g. bolt://127.0.0.1:7687 or neo4j+s://host") from e
        store = cls(driver, uri=uri, database=database, batch_size=batch_size)
        try:
            driver.verify_connectivity()
            store.ensure_schema()
        except AllegianceError:
            driver.close()
            raise
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as e:
            driver.close()
            raise store._translate(e) from e
        return store

    @property
    def location(self) -> str:
        """Where the data lives, for ``allegiance status``."""
        return f"{self.uri} (database {self.database})"

    def ensure_schema(self) -> None:
        """Create constraints and indexes (idempotent: ``IF NOT EXISTS``)."""
        with self._errors():
            for statement in q.SCHEMA:
                self._driver.execute_query(statement, database_=self.database)

    def close(self) -> None:
        self._driver.close()

    # -- error translation ----------------------------------------------------------------------

    def _translate(self, error: Exception) -> AllegianceError:
        if isinstance(error, neo4j_errors.AuthError) or (
            isinstance(error, neo4j_errors.Neo4jError)
            and (error.code or "").startswith("Neo.ClientError.Security")
        ):
            return AuthenticationFailed(
                f"Neo4j at {self.uri} refused the credentials",
                hint="check NEO4J_USER / NEO4J_PASSWORD",
            )
        if isinstance(error, neo4j_errors.Neo4jError):
            code = error.code or ""
            if code == "Neo.ClientError.Database.DatabaseNotFound":
                return ConfigError(f"Neo4j at {self.uri} has no database {self.database!r}",
                                   hint="check NEO4J_DATABASE")
            if code == "Neo.ClientError.Statement.AccessMode":
                return WriteRefused(WRITE_REFUSED)
            if "TransactionTimedOut" in code:
                return QueryError(f"query timed out on the server: {error.message}",
                                  hint="raise --timeout or narrow the query")
            return QueryError(error.message or str(error))
        return StoreUnavailable(f"Cannot reach Neo4j at {self.uri}", hint=START_HINT)

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except AllegianceError:
            raise
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as e:
            raise self._translate(e) from e

    def _read(self, query: LiteralString, **params: Any) -> list[Row]:
        with self._errors():
            records, _, _ = self._driver.execute_query(
                query, params, routing_=RoutingControl.READ, database_=self.database
            )
        return [record.data() for record in records]

    # -- writes ---------------------------------------------------------------------------------

    def load(self, batch: Extraction) -> LoadReport:
        """Write ``batch`` in one transaction; on any failure nothing of it is kept.

        Raises
        ------
        LoadError
            The batch names unknown actors/documents or the server rejected a row.
        StoreUnavailable
            The connection was lost (the transaction was rolled back).
        """
        started = perf_counter()
        try:
            with self._driver.session(database=self.database) as session:
                session.execute_write(self._write_batch, batch)
        except AllegianceError:
            raise
        except neo4j_errors.Neo4jError as e:
            if isinstance(e, neo4j_errors.AuthError):
                raise self._translate(e) from e
            raise LoadError(f"Batch refused, nothing was written: {e.message or e}") from e
        except (neo4j_errors.DriverError, OSError) as e:
            raise StoreUnavailable(
                f"Lost the connection to Neo4j at {self.uri}; the batch was rolled back",
                hint=START_HINT,
            ) from e
        return LoadReport(
            documents=len(batch.documents), actors=len(batch.actors), claims=len(batch.claims),
            places=len(batch.places), seconds=perf_counter() - started,
        )

    def load_many(self, batches: Iterable[Extraction]) -> LoadReport:
        """Load batches one after the other, each in its own transaction."""
        totals = LoadReport()
        for batch in batches:
            r = self.load(batch)
            totals = LoadReport(
                documents=totals.documents + r.documents, actors=totals.actors + r.actors,
                claims=totals.claims + r.claims, places=totals.places + r.places,
                seconds=totals.seconds + r.seconds,
            )
        return totals

    def _run_chunks(self, tx: ManagedTransaction, query: LiteralString, rows: Sequence[Row]
                    ) -> None:
        for start in range(0, len(rows), self.batch_size):
            tx.run(query, rows=rows[start:start + self.batch_size]).consume()

    def _write_batch(self, tx: ManagedTransaction, batch: Extraction) -> int:
        """Transaction function: the whole batch, idempotently. Returns the claims written."""
        actor_ids = list(dict.fromkeys(a.id for a in batch.actors))
        stored = {
            row["id"]: actor_from_row(row)
            for row in tx.run(q.READ_ACTORS_BY_ID, ids=actor_ids).data()
        }
        merged: dict[str, Actor] = {}
        for actor in batch.actors:
            merged[actor.id] = agg.merge_actor(merged.get(actor.id) or stored.get(actor.id), actor)
        self._run_chunks(tx, q.MERGE_ACTORS, [actor_row(a) for a in merged.values()])
        self._run_chunks(tx, q.MERGE_DOCUMENTS, [document_row(d) for d in batch.documents])

        batch_docs = {d.id for d in batch.documents}
        wanted_actors = {a for c in batch.claims for a in (c.source, c.target)}
        wanted_actors |= {p.actor for p in batch.places}
        wanted_docs = {c.evidence.doc for c in batch.claims} | {p.evidence.doc
                                                                 for p in batch.places}
        missing_actors = tx.run(q.MISSING_ACTORS,
                                ids=sorted(wanted_actors - set(merged))).single(strict=True)
        missing_docs = tx.run(q.MISSING_DOCUMENTS,
                              ids=sorted(wanted_docs - batch_docs)).single(strict=True)
        agg.raise_for_missing(set(missing_actors["missing"]), set(missing_docs["missing"]))

        self._run_chunks(tx, q.MERGE_CLAIMS, [claim_row(c) for c in batch.claims])
        self._run_chunks(tx, q.MERGE_PLACE_CLAIMS, [place_row(p) for p in batch.places])

        touched: dict[RelationType, dict[str, Row]] = {}
        for claim in batch.claims:
            source, target = claim.pair
            key = pair_key(source, target, claim.type)
            touched.setdefault(claim.type, {})[key] = {
                "key": key, "source": source, "target": target,
            }
        for type_, pairs in touched.items():
            self._run_chunks(tx, q.AGGREGATE_RELATION[type_], list(pairs.values()))
        return len(batch.claims)

    def clear(self) -> None:
        """Delete every node and relationship (schema stays)."""
        with self._errors(), self._driver.session(database=self.database) as session:
            for statement in q.CLEAR:
                session.run(statement).consume()

    # -- reads ----------------------------------------------------------------------------------

    def counts(self) -> StoreCounts:
        (row,) = self._read(q.COUNTS)
        return StoreCounts(**row)

    def raw_counts(self) -> tuple[int, int]:
        """``(nodes, relationships)`` of the whole database, counted by plain Cypher."""
        (row,) = self._read(q.RAW_COUNTS)
        return row["nodes"], row["relationships"]

    def _relations_for(self, filters: GraphFilter) -> list[AggregatedRelation]:
        types = sorted(agg.allowed_types(filters))
        if agg.needs_claim_facts(filters):
            rows = self._read(
                q.RELATIONS_FROM_CLAIMS,
                types=[t.value for t in types], min_confidence=filters.min_confidence,
                include_hedged=filters.include_hedged, since=filters.since,
                until=filters.until, min_sources=filters.min_sources,
            )
            for row in rows:
                row["type"] = RelationType(row["type"])
        else:
            rows = self._read(q.AGGREGATED_RELATIONS, rel_types=[t.neo4j_type for t in types],
                              min_sources=filters.min_sources)
            for row in rows:
                row["type"] = _TYPE_BY_NEO4J[row.pop("rel_type")]
        return [relation_from_row(row) for row in rows]

    def _actors_by_ids(self, ids: Iterable[str]) -> dict[str, Actor]:
        rows = self._read(q.ACTORS_BY_IDS, ids=sorted(set(ids)))
        return {row["id"]: actor_from_row(row) for row in rows}

    def subgraph(self, filters: GraphFilter) -> Subgraph:
        relations = self._relations_for(filters)
        ids = {a for r in relations for a in (r.source, r.target)} | set(filters.focus)
        return agg.select_subgraph(self._actors_by_ids(ids), relations, filters)

    def relations(self, filters: GraphFilter | None = None) -> list[AggregatedRelation]:
        return list(self.subgraph(filters or GraphFilter()).relations)

    def actor(self, actor_id: str) -> Actor | None:
        rows = self._read(q.ACTOR_BY_ID, id=actor_id)
        return actor_from_row(rows[0]) if rows else None

    def actors(self) -> list[Actor]:
        """Every stored actor, by id."""
        return [actor_from_row(row) for row in self._read(q.ALL_ACTORS)]

    def search_actors(self, text: str, *, limit: int = 20) -> list[Actor]:
        key = agg.search_key(text)
        if not key:
            return []
        candidates = [actor_from_row(row) for row in self._read(q.SEARCH_ACTORS, key=key)]
        return agg.search_actors(candidates, text, limit=limit)

    def neighbourhood(self, actor_id: str, *, hops: int = 1, filters: GraphFilter | None = None
                      ) -> Subgraph:
        return self.subgraph(agg.neighbourhood_filter(actor_id, hops, filters))

    def shortest_paths(self, source: str, target: str, *, max_hops: int = 4,
                       filters: GraphFilter | None = None, limit: int = 10) -> list[ActorPath]:
        """All shortest paths via ``allShortestPaths`` over the aggregated edges (undirected).

        Filters on single claims (dates, confidence, hedging) have no aggregated edge to walk,
        so those re-aggregate the filtered claims and search in Python with the same rules.
        """
        filters = filters or GraphFilter()
        if source == target:
            return []
        if agg.needs_claim_facts(filters) or max_hops > q.MAX_PATH_HOPS:
            base = filters.model_copy(update={"focus": (), "node_cap": None})
            return agg.shortest_paths(self.subgraph(base).relations, source, target,
                                      max_hops=max_hops, limit=limit)
        rows = self._read(
            q.SHORTEST_PATHS, source=source, target=target, max_hops=max_hops,
            rel_types=[t.neo4j_type for t in agg.allowed_types(filters)],
            min_sources=filters.min_sources, include_discovered=filters.include_discovered,
            safety_limit=10_000,
        )
        paths = []
        for row in rows:
            steps = []
            for start, end, rel_type in row["steps"]:
                type_ = _TYPE_BY_NEO4J[rel_type]
                steps.append(PathStep(source=start, target=end, type=type_,
                                      polarity=type_.polarity))
            paths.append(ActorPath(actors=tuple(row["actors"]), steps=tuple(steps)))
        return sorted(paths, key=agg.path_sort_key)[:limit]

    def evidence(self, source: str, target: str, *, type: RelationType | None = None
                 ) -> list[Claim]:
        keys = []
        for t in ([type] if type is not None else list(RelationType)):
            if t.directed:
                keys += [pair_key(source, target, t), pair_key(target, source, t)]
            else:
                low, high = sorted((source, target))
                keys.append(pair_key(low, high, t))
        rows = self._read(q.CLAIMS_BY_PAIR_KEYS, keys=keys)
        return _sorted_claims(rows)

    def claims(self, filters: GraphFilter | None = None) -> Iterator[Claim]:
        f = filters or GraphFilter()
        rows = self._read(
            q.FILTERED_CLAIMS, types=[t.value for t in agg.allowed_types(f)],
            min_confidence=f.min_confidence, include_hedged=f.include_hedged,
            since=f.since, until=f.until,
        )
        return iter(_sorted_claims(rows))

    def places(self, actor_id: str | None = None) -> list[PlaceClaim]:
        rows = self._read(q.PLACE_CLAIMS, actor=actor_id)
        chosen = [place_from_row(row) for row in rows]
        return sorted(chosen, key=lambda p: (p.date is None, p.date or "", p.place, p.id))

    def documents(self, ids: Iterable[str] | None = None) -> list[Document]:
        if ids is not None:
            wanted = list(ids)
            found = {row["id"]: document_from_row(row)
                     for row in self._read(q.DOCUMENTS_BY_IDS, ids=wanted)}
            return [found[i] for i in wanted if i in found]
        docs = [document_from_row(row) for row in self._read(q.ALL_DOCUMENTS)]
        return sorted(docs, key=lambda d: (d.date is None, d.date or "", d.id))

    def to_networkx(self, filters: GraphFilter | None = None) -> nx.MultiDiGraph:
        return to_networkx(self.subgraph(filters or GraphFilter()))

    # -- ad-hoc Cypher --------------------------------------------------------------------------

    def query(self, cypher: str, params: Mapping[str, object] | None = None, *,
              write: bool = False, timeout_s: float = DEFAULT_QUERY_TIMEOUT_S,
              row_cap: int = DEFAULT_ROW_CAP) -> QueryResult:
        """Run user Cypher in a read transaction (a write one only when ``write``).

        At most ``row_cap`` rows come back (``truncated`` says when more existed); nodes,
        relationships and paths become plain dicts that keep labels, types and element ids.

        Raises
        ------
        WriteRefused
            The query writes and ``write`` is false.
        QueryError
            Syntax error, timeout or any other server-side failure (with the server's message).
        """
        # User text is not a LiteralString by nature; it goes to the server verbatim, and the
        # session's access mode (enforced by the server) is what keeps it from writing. A
        # ``Query`` carries the server-side timeout; it needs an auto-commit transaction.
        statement = Query(cast(LiteralString, cypher), timeout=timeout_s)
        mode = WRITE_ACCESS if write else READ_ACCESS
        rows: list[tuple[object, ...]] = []
        with self._errors(), self._driver.session(database=self.database,
                                                  default_access_mode=mode) as session:
            result = session.run(statement, dict(params or {}))
            keys = list(result.keys())
            for record in result:
                if len(rows) == row_cap:
                    rows.append(())  # one row past the cap is enough to know there are more
                    break
                rows.append(tuple(plain_value(v) for v in record.values()))
            result.consume()
        truncated = len(rows) > row_cap
        return QueryResult(
            columns=tuple(keys), rows=tuple(rows[:row_cap]), truncated=truncated,
            row_cap=row_cap,
            notice=f"stopped at the row cap of {row_cap} rows" if truncated else "",
        )


# -- rows in and out --------------------------------------------------------------------------


def native(value: Any) -> Any:
    """Neo4j temporal values as Python ones (dates stay dates)."""
    if isinstance(value, Date | DateTime | Time):
        return value.to_native()
    return value


def actor_from_row(row: Row) -> Actor:
    return Actor(
        id=row["id"], name=row["name"], aliases=tuple(row.get("aliases") or ()),
        kind=ActorKind(row.get("kind") or "other"), curated=bool(row.get("curated", True)),
        valid_from=native(row.get("valid_from")), valid_until=native(row.get("valid_until")),
    )


def document_from_row(row: Row) -> Document:
    return Document(id=row["id"], title=row.get("title") or "", source=row.get("source") or "",
                    url=row.get("url") or "", date=native(row.get("date")),
                    path=row.get("path") or "")


def relation_from_row(row: Row) -> AggregatedRelation:
    type_: RelationType = row["type"]
    return AggregatedRelation(
        source=row["source"], target=row["target"], type=type_, polarity=type_.polarity,
        claims=row["claims"], documents=row["documents"], outlets=row["outlets"],
        first_seen=native(row["first_seen"]), last_seen=native(row["last_seen"]),
        mean_confidence=row["mean_confidence"], hedged_only=row["hedged_only"],
    )


def _evidence_from_row(row: Row) -> Evidence:
    mentions = tuple(Mention(**m) for m in json.loads(row.get("mentions_json") or "[]"))
    return Evidence(doc=row["doc"], sentence=row["sentence"], start=row["start"],
                    end=row["end"], mentions=mentions)


def claim_from_row(row: Row) -> Claim:
    return Claim(
        source=row["source"], target=row["target"], type=row["type"], polarity=row["polarity"],
        confidence=row["confidence"], hedged=row["hedged"], negated=row["negated"],
        date=native(row["date"]), trigger=row.get("trigger") or "",
        evidence=_evidence_from_row(row),
    )


def place_from_row(row: Row) -> PlaceClaim:
    return PlaceClaim(
        actor=row["actor"], place=row["place"], action=row["action"],
        confidence=row["confidence"], hedged=row["hedged"], negated=row["negated"],
        date=native(row["date"]), trigger=row.get("trigger") or "",
        evidence=_evidence_from_row(row),
    )


def _sorted_claims(rows: Iterable[Row]) -> list[Claim]:
    def key(row: Row) -> tuple[bool, date, str, int]:
        day = native(row["date"]) or native(row["doc_date"])
        return (day is None, day or date.min, row["doc"], row["start"])

    return [claim_from_row(row) for row in sorted(rows, key=key)]


def plain_value(value: Any) -> Any:
    """A query result value as plain Python data the UI can draw and JSON can hold.

    Nodes become ``{"element_id", "labels", "properties"}``, relationships
    ``{"element_id", "type", "start", "end", "properties"}``, paths
    ``{"nodes": [...], "relationships": [...]}``; temporal values become ISO strings.
    """
    if isinstance(value, Node):
        return {"element_id": value.element_id, "labels": sorted(value.labels),
                "properties": {k: plain_value(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {
            "element_id": value.element_id, "type": value.type,
            "start": value.start_node.element_id if value.start_node is not None else None,
            "end": value.end_node.element_id if value.end_node is not None else None,
            "properties": {k: plain_value(v) for k, v in value.items()},
        }
    if isinstance(value, Path):
        return {"nodes": [plain_value(n) for n in value.nodes],
                "relationships": [plain_value(r) for r in value.relationships]}
    if isinstance(value, Date | DateTime | Time):
        return value.iso_format()
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, list | tuple):
        return [plain_value(v) for v in value]
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    if isinstance(value, bytes | bytearray):
        return value.hex()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)  # spatial points and anything newer: readable text
