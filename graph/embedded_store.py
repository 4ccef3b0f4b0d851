"""The embedded store: the whole graph in memory, persisted to one JSON (or gzip JSON) file.

It needs no server, which makes it the default for a first run and for tests. Records are keyed by
stable ids (:attr:`Claim.id`, :attr:`PlaceClaim.id`, actor and document ids), so loading the same
batch twice changes nothing. Every load call rewrites the file atomically (temporary file +
``os.replace``): a crash leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from time import perf_counter
from typing import Any

import networkx as nx
from pydantic import ValidationError

from graph import aggregate as agg
from graph.convert import to_networkx
from graph.errors import LoadError, StoreUnavailable
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
from graph.store import DEFAULT_QUERY_TIMEOUT_S, DEFAULT_ROW_CAP

FILE_FORMAT = "allegiance-embedded"
FILE_VERSION = 1


class EmbeddedStore:
    """A :class:`~graph.store.GraphStore` held in memory and saved to ``path`` after each load.

    Use :meth:`open` to get one; ``EmbeddedStore()`` alone is an unsaved in-memory store.

    Examples
    --------
    >>> store = EmbeddedStore()
    >>> store.counts().claims
    0
    """

    name = "embedded"

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._actors: dict[str, Actor] = {}
        self._documents: dict[str, Document] = {}
        self._claims: dict[str, Claim] = {}
        self._places: dict[str, PlaceClaim] = {}
        self._relations: list[AggregatedRelation] | None = None
        self._view: nx.MultiDiGraph | None = None
        # Streamlit serves sessions from threads that share one store.
        self._lock = threading.RLock()

    # -- opening and saving -------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> EmbeddedStore:
        """Load the store saved at ``path``, or create an empty file there.

        A name ending in ``.gz`` is read and written gzip-compressed.

        Raises
        ------
        StoreUnavailable
            The file exists but is not a readable store file.
        """
        store = cls(Path(path))
        if store.path is not None and store.path.exists():
            store._read(store.path)
        else:
            store._save()
        return store

    @property
    def location(self) -> str:
        """Where the data lives, for ``allegiance status``."""
        return str(self.path) if self.path else "(in memory)"

    def _read(self, path: Path) -> None:
        try:
            opener = gzip.open if path.suffix == ".gz" else open
            with opener(path, "rt", encoding="utf-8") as fh:
                data = json.load(fh)
            if data.get("format") != FILE_FORMAT:
                raise ValueError(f"not an {FILE_FORMAT} file")
            actors = [Actor.model_validate(a) for a in data.get("actors", [])]
            documents = [Document.model_validate(d) for d in data.get("documents", [])]
            claims = [Claim.model_validate(c) for c in data.get("claims", [])]
            places = [PlaceClaim.model_validate(p) for p in data.get("places", [])]
        except (OSError, ValueError, ValidationError, AttributeError) as e:
            raise StoreUnavailable(
                f"Cannot read the embedded store at {path}: {e}",
                hint="move the file away to start empty, or point ALLEGIANCE_EMBEDDED_PATH "
                "elsewhere",
            ) from e
        self._actors = {a.id: a for a in actors}
        self._documents = {d.id: d for d in documents}
        self._claims = {c.id: c for c in claims}
        self._places = {p.id: p for p in places}

    def _save(self) -> None:
        """Write the whole store to a temporary file, then atomically replace the old one."""
        if self.path is None:
            return
        payload: dict[str, Any] = {
            "format": FILE_FORMAT,
            "version": FILE_VERSION,
            "actors": [a.model_dump(mode="json") for a in self._actors.values()],
            "documents": [d.model_dump(mode="json") for d in self._documents.values()],
            "claims": [c.model_dump(mode="json") for c in self._claims.values()],
            "places": [p.model_dump(mode="json") for p in self._places.values()],
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        try:
            if self.path.suffix == ".gz":
                with os.fdopen(fd, "wb") as raw, gzip.open(raw, "wt", encoding="utf-8") as fh:
                    json.dump(payload, fh, ensure_ascii=False, separators=(",", ":"))
            else:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(payload, fh, ensure_ascii=False, separators=(",", ":"))
                    fh.flush()
                    os.fsync(fh.fileno())
            os.replace(tmp_name, self.path)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise

    # -- writes -------------------------------------------------------------------------------

    def load(self, batch: Extraction) -> LoadReport:
        """Add a batch and save. A batch that fails validation changes neither memory nor file.

        Raises
        ------
        LoadError
            A claim or place claim names an actor or document that is neither in the batch nor
            already stored.
        """
        with self._lock:
            report = self._apply(batch)
            self._save_or_undo()
            return report

    def load_many(self, batches: Iterable[Extraction]) -> LoadReport:
        """Load batches in turn (each all-or-nothing) and save once at the end.

        If a batch fails, the batches before it are saved before the error is raised.
        """
        totals = LoadReport()
        with self._lock:
            try:
                for batch in batches:
                    report = self._apply(batch)
                    totals = LoadReport(
                        documents=totals.documents + report.documents,
                        actors=totals.actors + report.actors,
                        claims=totals.claims + report.claims,
                        places=totals.places + report.places,
                        seconds=totals.seconds + report.seconds,
                    )
            finally:
                self._save()
        return totals

    def _save_or_undo(self) -> None:
        snapshot_path = self.path
        try:
            self._save()
        except OSError as e:
            # Memory must match the file: reload what is on disk.
            if snapshot_path is not None and snapshot_path.exists():
                self._read(snapshot_path)
            self._relations = self._view = None
            raise LoadError(f"Could not save the embedded store to {snapshot_path}: {e}") from e

    def _apply(self, batch: Extraction) -> LoadReport:
        started = perf_counter()
        self._check_references(batch)
        merged_actors: dict[str, Actor] = {}
        for actor in batch.actors:
            merged_actors[actor.id] = agg.merge_actor(
                merged_actors.get(actor.id) or self._actors.get(actor.id), actor
            )
        # Nothing below can fail, so the batch lands whole.
        self._actors.update(merged_actors)
        self._documents.update((d.id, d) for d in batch.documents)
        self._claims.update((c.id, c) for c in batch.claims)
        self._places.update((p.id, p) for p in batch.places)
        self._relations = self._view = None
        return LoadReport(
            documents=len(batch.documents),
            actors=len(batch.actors),
            claims=len(batch.claims),
            places=len(batch.places),
            seconds=perf_counter() - started,
        )

    def _check_references(self, batch: Extraction) -> None:
        actor_ids = {a.id for a in batch.actors}
        doc_ids = {d.id for d in batch.documents}
        missing_actors: set[str] = set()
        missing_docs: set[str] = set()
        for claim in batch.claims:
            for actor_id in (claim.source, claim.target):
                if actor_id not in actor_ids and actor_id not in self._actors:
                    missing_actors.add(actor_id)
            if claim.evidence.doc not in doc_ids and claim.evidence.doc not in self._documents:
                missing_docs.add(claim.evidence.doc)
        for place in batch.places:
            if place.actor not in actor_ids and place.actor not in self._actors:
                missing_actors.add(place.actor)
            if place.evidence.doc not in doc_ids and place.evidence.doc not in self._documents:
                missing_docs.add(place.evidence.doc)
        agg.raise_for_missing(missing_actors, missing_docs)

    def clear(self) -> None:
        """Delete everything and save the empty store."""
        with self._lock:
            self._actors.clear()
            self._documents.clear()
            self._claims.clear()
            self._places.clear()
            self._relations = self._view = None
            self._save()

    def close(self) -> None:
        """Nothing to release: every load already saved."""

    # -- reads --------------------------------------------------------------------------------

    def counts(self) -> StoreCounts:
        with self._lock:
            return StoreCounts(
                actors=len(self._actors),
                documents=len(self._documents),
                claims=len(self._claims),
                places=len({p.place for p in self._places.values()}),
                relations=len(self._all_relations()),
            )

    def _all_relations(self) -> list[AggregatedRelation]:
        if self._relations is None:
            self._relations = agg.aggregate(self._claims.values(), self._documents)
        return self._relations

    def _relations_for(self, filters: GraphFilter) -> list[AggregatedRelation]:
        if not agg.needs_claim_facts(filters):
            return self._all_relations()
        claims = agg.filter_claims(self._claims.values(), filters, self._documents)
        return agg.aggregate(claims, self._documents)

    def subgraph(self, filters: GraphFilter) -> Subgraph:
        with self._lock:
            return agg.select_subgraph(self._actors, self._relations_for(filters), filters)

    def relations(self, filters: GraphFilter | None = None) -> list[AggregatedRelation]:
        return list(self.subgraph(filters or GraphFilter()).relations)

    def actor(self, actor_id: str) -> Actor | None:
        with self._lock:
            return self._actors.get(actor_id)

    def actors(self) -> list[Actor]:
        """Every stored actor, by id."""
        with self._lock:
            return sorted(self._actors.values(), key=lambda a: a.id)

    def search_actors(self, text: str, *, limit: int = 20) -> list[Actor]:
        with self._lock:
            return agg.search_actors(list(self._actors.values()), text, limit=limit)

    def neighbourhood(self, actor_id: str, *, hops: int = 1, filters: GraphFilter | None = None
                      ) -> Subgraph:
        return self.subgraph(agg.neighbourhood_filter(actor_id, hops, filters))

    def shortest_paths(self, source: str, target: str, *, max_hops: int = 4,
                       filters: GraphFilter | None = None, limit: int = 10) -> list[ActorPath]:
        base = (filters or GraphFilter()).model_copy(update={"focus": (), "node_cap": None})
        relations = self.subgraph(base).relations
        return agg.shortest_paths(relations, source, target, max_hops=max_hops, limit=limit)

    def evidence(self, source: str, target: str, *, type: RelationType | None = None
                 ) -> list[Claim]:
        test = agg.between(source, target, type)
        with self._lock:
            return agg.sort_claims((c for c in self._claims.values() if test(c)), self._documents)

    def claims(self, filters: GraphFilter | None = None) -> Iterator[Claim]:
        with self._lock:
            selected = list(agg.filter_claims(self._claims.values(), filters, self._documents))
        return iter(agg.sort_claims(selected, self._documents))

    def places(self, actor_id: str | None = None) -> list[PlaceClaim]:
        with self._lock:
            chosen = [p for p in self._places.values() if actor_id is None or p.actor == actor_id]
        return sorted(chosen, key=lambda p: (p.date is None, p.date or "", p.place, p.id))

    def documents(self, ids: Iterable[str] | None = None) -> list[Document]:
        with self._lock:
            if ids is not None:
                return [self._documents[i] for i in ids if i in self._documents]
            docs = list(self._documents.values())
        return sorted(docs, key=lambda d: (d.date is None, d.date or "", d.id))

    def to_networkx(self, filters: GraphFilter | None = None) -> nx.MultiDiGraph:
        return to_networkx(self.subgraph(filters or GraphFilter()))

    def query(self, cypher: str, params: Mapping[str, object] | None = None, *,
              write: bool = False, timeout_s: float = DEFAULT_QUERY_TIMEOUT_S,
              row_cap: int = DEFAULT_ROW_CAP) -> QueryResult:
        """Answer a read-only subset of Cypher (see ``docs/data-model.md``).

        Raises
        ------
        WriteRefused
            The query writes; the embedded store never accepts Cypher writes.
        UnsupportedQuery
            The query is outside the subset; Neo4j is needed.
        """
        from graph.embedded_cypher import run_query

        return run_query(self, cypher, params, write=write, timeout_s=timeout_s,
                         row_cap=row_cap)

    # -- for the Cypher view --------------------------------------------------------------------

    def cypher_view(self) -> nx.MultiDiGraph:
        """The store mirrored as the Neo4j model (built once per change; treat as read-only)."""
        from graph.embedded_cypher import cypher_view

        with self._lock:
            if self._view is None:
                self._view = cypher_view(self._actors, self._documents,
                                         list(self._claims.values()),
                                         list(self._places.values()), self._all_relations())
            return self._view
