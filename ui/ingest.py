"""Read, extract and load documents in streaming batches: the one ingest both CLI and UI call.

Files are read lazily (:mod:`loaders.readers`), extracted with :meth:`Extractor.pipe`, and loaded
into the store one group of ``batch_docs`` documents per :meth:`GraphStore.load` call, so a
document's claims always land together with it. When a group fails with
:class:`~graph.errors.LoadError` the group is retried one document at a time: the documents that
can be stored are, and the one that cannot is reported as skipped and leaves nothing behind.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from time import perf_counter
from typing import Protocol

from graph.errors import InputError, LoadError
from graph.model import Extraction, StoreCounts
from graph.store import GraphStore
from loaders.readers import ReaderOptions, SkippedFile, SkipReason, read_with
from loaders.source import SourceText

# bench/ingest.py: groups of 128 write ~3x faster than 32 on the embedded store (which
# rewrites its file per load) and no slower on Neo4j.
DEFAULT_BATCH_DOCS = 128


class DocumentExtractor(Protocol):
    """What :func:`ingest` needs of an extractor (:class:`loaders.extract.Extractor` fits)."""

    @property
    def warnings(self) -> list[str]: ...

    def pipe(
        self, sources: Iterable[SourceText], *, n_process: int = 1, batch_size: int = 16
    ) -> Iterator[Extraction]: ...


@dataclass(frozen=True)
class IngestProgress:
    """A snapshot handed to the progress callback after every document and every skip."""

    documents: int
    """Documents extracted so far."""
    loaded: int
    """Documents stored so far."""
    skipped: int
    """Files, lines or documents lost so far (duplicates and ignored files not counted)."""
    seconds: float
    current: str = ""
    """Path of the document or file just handled."""

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0


ProgressCallback = Callable[[IngestProgress], None]


@dataclass
class IngestSummary:
    """What an ingest did. ``exit_code`` is 0 when nothing was lost and 1 when something was."""

    documents_new: int = 0
    """Documents stored that the store did not hold before."""
    documents_already_stored: int = 0
    """Documents stored again (idempotently) because the store already held their text."""
    actors: int = 0
    """Distinct actors named by the stored documents."""
    claims: int = 0
    places: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    """Everything not stored, failures and duplicates/ignored files alike."""
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    store_counts: StoreCounts | None = None
    """Totals of the whole store after the ingest."""

    @property
    def documents(self) -> int:
        return self.documents_new + self.documents_already_stored

    @property
    def duplicates(self) -> int:
        """Documents whose text was already read earlier in this run under another path."""
        return sum(1 for item in self.skipped if item.reason is SkipReason.DUPLICATE)

    @property
    def failures(self) -> list[SkippedFile]:
        return [item for item in self.skipped if item.is_failure]

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0


class _Run:
    """State of one ingest: counters, the actor ids seen and the pending group of documents."""

    def __init__(self, store: GraphStore, progress: ProgressCallback | None) -> None:
        self.store = store
        self.progress = progress
        self.summary = IngestSummary()
        self.extracted = 0
        self.actor_ids: set[str] = set()
        self.started = perf_counter()

    def report(self, current: str) -> None:
        if self.progress is not None:
            self.progress(
                IngestProgress(
                    documents=self.extracted,
                    loaded=self.summary.documents,
                    skipped=len(self.summary.failures),
                    seconds=perf_counter() - self.started,
                    current=current,
                )
            )

    def skip(self, item: SkippedFile) -> None:
        self.summary.skipped.append(item)
        self.report(item.location)

    def load_group(self, group: list[tuple[SourceText, Extraction]]) -> None:
        """Store a group in one load; on failure retry it one document at a time.

        Raises
        ------
        LoadError
            Every document of the group failed alone with the same message: the store itself
            is failing (a full disk, say), not the documents, so going on would only skip the
            rest of the input one document at a time.
        """
        if not group:
            return
        known = {d.id for d in self.store.documents([s.document.id for s, _ in group])}
        error = self._try_load(group)
        if error is None:
            for source, extraction in group:
                self._count(source, extraction, known)
            return
        if len(group) == 1:
            self._load_failed(group[0][0], error)
            return
        failures: list[tuple[SourceText, LoadError]] = []
        for source, extraction in group:
            single_error = self._try_load([(source, extraction)])
            if single_error is None:
                self._count(source, extraction, known)
            else:
                failures.append((source, single_error))
        if len(failures) == len(group) and len({e.message for _, e in failures}) == 1:
            raise failures[0][1]
        for source, single_error in failures:
            self._load_failed(source, single_error)

    def _load_failed(self, source: SourceText, error: LoadError) -> None:
        self.skip(
            SkippedFile(
                source.document.path or source.document.id,
                SkipReason.LOAD_FAILED,
                f"not stored: {error.message}",
            )
        )

    def _try_load(self, group: list[tuple[SourceText, Extraction]]) -> LoadError | None:
        # Imported here so that importing this module (every CLI start) does not load spaCy.
        from loaders.extract import merge_extractions

        try:
            self.store.load(merge_extractions(extraction for _, extraction in group))
        except LoadError as e:
            return e
        return None

    def _count(self, source: SourceText, extraction: Extraction, known: set[str]) -> None:
        if source.document.id in known:
            self.summary.documents_already_stored += 1
        else:
            self.summary.documents_new += 1
        self.summary.claims += len(extraction.claims)
        self.summary.places += len(extraction.places)
        self.actor_ids.update(actor.id for actor in extraction.actors)


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    store: GraphStore,
    extractor: DocumentExtractor,
    *,
    reader: ReaderOptions | None = None,
    batch_docs: int = DEFAULT_BATCH_DOCS,
    n_process: int = 1,
    progress: ProgressCallback | None = None,
) -> IngestSummary:
    """Read ``paths``, extract every document and load the results into ``store``.

    Parameters
    ----------
    paths
        Files and folders, as for :func:`loaders.readers.read_sources`.
    store
        Where claims go; each group of ``batch_docs`` documents is one atomic ``load``.
    extractor
        Usually :class:`loaders.extract.Extractor`; its ``pipe`` must yield one extraction per
        document, in order.
    reader
        Folder glob, record fields, metadata overrides and the size limit.
    batch_docs
        Documents per store write. Larger groups write faster; a failing group costs a retry
        of its documents one by one.
    n_process
        Worker processes for extraction (passed to ``Extractor.pipe``).
    progress
        Called after every document and every skipped file with an :class:`IngestProgress`.

    Returns
    -------
    IngestSummary
        Counts, skipped files with reasons, timing and the store's totals afterwards.

    Raises
    ------
    InputError
        ``batch_docs`` or ``n_process`` is not positive.
    StoreUnavailable
        The store stopped answering; what was loaded before stays loaded.
    """
    if batch_docs < 1:
        raise InputError(f"--batch-docs must be at least 1, not {batch_docs}")
    if n_process < 1:
        raise InputError(f"--processes must be at least 1, not {n_process}")
    run = _Run(store, progress)
    items = read_with(paths, reader or ReaderOptions())
    # Sources handed to the extractor, oldest first: pipe() yields in the same order.
    in_flight: deque[SourceText] = deque()

    def documents() -> Iterator[SourceText]:
        for item in items:
            if isinstance(item, SkippedFile):
                run.skip(item)
                continue
            in_flight.append(item)
            yield item

    group: list[tuple[SourceText, Extraction]] = []
    for extraction in extractor.pipe(documents(), n_process=n_process, batch_size=batch_docs):
        source = in_flight.popleft()
        if extraction.failure is not None:
            run.skip(SkippedFile(source.document.path or source.document.id,
                                 SkipReason.EXTRACTION_FAILED, extraction.failure))
            continue
        run.extracted += 1
        group.append((source, extraction))
        run.report(source.document.path)
        if len(group) >= batch_docs:
            run.load_group(group)
            group = []
    run.load_group(group)

    summary = run.summary
    summary.actors = len(run.actor_ids)
    summary.seconds = perf_counter() - run.started
    summary.warnings = list(extractor.warnings)
    summary.store_counts = store.counts()
    run.report("")
    return summary
