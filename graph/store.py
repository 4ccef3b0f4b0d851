"""The interface every store implements: Neo4j (``graph.neo4j_store``) and the embedded default
(``graph.embedded_store``). One parametrised test suite runs against both.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Protocol, runtime_checkable

import networkx as nx

from graph.model import (
    Actor,
    ActorPath,
    AggregatedRelation,
    Claim,
    Document,
    Extraction,
    GraphFilter,
    LoadReport,
    PlaceClaim,
    QueryResult,
    RelationType,
    StoreCounts,
    Subgraph,
)

DEFAULT_QUERY_TIMEOUT_S = 10.0
DEFAULT_ROW_CAP = 5000
DEFAULT_BATCH_SIZE = 5000


@runtime_checkable
class GraphStore(Protocol):
    """Reads and idempotent writes of the actor graph."""

    name: str
    """``"neo4j"`` or ``"embedded"``; shown in the UI and in snapshot metadata."""

    def load(self, batch: Extraction) -> LoadReport:
        """Write a batch atomically and idempotently (MERGE on stable keys)."""
        ...

    def load_many(self, batches: Iterable[Extraction]) -> LoadReport:
        """Write batches one after the other; each one is atomic on its own."""
        ...

    def counts(self) -> StoreCounts: ...

    def subgraph(self, filters: GraphFilter) -> Subgraph:
        """Actors and aggregated relations matching ``filters``, capped at ``filters.node_cap``."""
        ...

    def actor(self, actor_id: str) -> Actor | None: ...

    def search_actors(self, text: str, *, limit: int = 20) -> list[Actor]:
        """Actors whose name or any alias contains ``text``, ignoring case and diacritics."""
        ...

    def neighbourhood(self, actor_id: str, *, hops: int = 1, filters: GraphFilter | None = None
                      ) -> Subgraph: ...

    def shortest_paths(self, source: str, target: str, *, max_hops: int = 4,
                       filters: GraphFilter | None = None, limit: int = 10) -> list[ActorPath]:
        """All shortest paths, ignoring direction, over relations that pass ``filters``."""
        ...

    def evidence(self, source: str, target: str, *, type: RelationType | None = None
                 ) -> list[Claim]:
        """Every claim (negated ones too) between two actors, in either direction."""
        ...

    def claims(self, filters: GraphFilter | None = None) -> Iterator[Claim]:
        """Claims passing the claim-level filters (types, dates, confidence, hedged)."""
        ...

    def places(self, actor_id: str | None = None) -> list[PlaceClaim]: ...

    def documents(self, ids: Iterable[str] | None = None) -> list[Document]: ...

    def relations(self, filters: GraphFilter | None = None) -> list[AggregatedRelation]: ...

    def to_networkx(self, filters: GraphFilter | None = None) -> nx.MultiDiGraph:
        """The filtered subgraph as a networkx multigraph (:func:`graph.convert.to_networkx`)."""
        ...

    def query(self, cypher: str, params: Mapping[str, object] | None = None, *,
              write: bool = False, timeout_s: float = DEFAULT_QUERY_TIMEOUT_S,
              row_cap: int = DEFAULT_ROW_CAP) -> QueryResult:
        """Run Cypher; read-only unless ``write``. Raises ``WriteRefused``/``QueryError``."""
        ...

    def clear(self) -> None:
        """Delete everything (tests, ``allegiance reset``)."""
        ...

    def close(self) -> None: ...
