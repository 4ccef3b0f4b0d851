"""Benchmark: ``ui.ingest.ingest`` store writes and readers, against the obvious alternatives.

1. **Store writes by group size.** The sample corpus is extracted once with the real extractor;
   its extractions are then replayed (re-keyed to fresh document ids) for ``--copies`` copies of
   the corpus, so every run writes the same realistic claims without paying for spaCy again.
   ``--batch-docs 1`` — one store load per document, the obvious way — is compared with groups
   of 8, 32 and 128 documents, on the embedded store and, when ``$NEO4J_URI`` answers, on Neo4j.
2. **Readers.** ``loaders.readers.read_sources`` over the copied corpus (decode, header, hash,
   duplicate check) against plain ``Path.read_text`` of the same files.

Prints a table and writes ``bench/results/ingest-<date>.json``. Run::

    .venv/bin/python bench/ingest.py --copies 20
    NEO4J_URI=bolt://127.0.0.1:7687 .venv/bin/python bench/ingest.py --copies 20   # + Neo4j

This is a benchmark, not a test: it empties the Neo4j database it is pointed at.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from time import perf_counter
from typing import Any

from graph.embedded_store import EmbeddedStore
from graph.errors import AllegianceError
from graph.model import Evidence, Extraction
from graph.store import GraphStore
from loaders.extract import Extractor
from loaders.readers import read_sources
from loaders.source import SourceText
from ui.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample"
GROUP_SIZES = (1, 8, 32, 128)


def copy_corpus(target: Path, copies: int) -> dict[str, int]:
    """``copies`` copies of the sample's plain-text briefs, each made unique by a last line.

    Returns, for each copied file name, the index of the brief it copies.
    """
    briefs = sorted(SAMPLE.glob("*.txt"))
    origin: dict[str, int] = {}
    for copy in range(copies):
        for index, brief in enumerate(briefs):
            name = f"{copy:03d}-{brief.name}"
            text = brief.read_text(encoding="utf-8").rstrip("\n")
            (target / name).write_text(f"{text}\n\nCopy {copy}.\n", encoding="utf-8")
            origin[name] = index
    return origin


class ReplayExtractor:
    """Yields the real extraction of each copy's original brief, re-keyed to the copy's id.

    Claims whose evidence lies inside the original text keep their offsets: a copy is the
    original plus a trailing line, so every offset still points at the same sentence.
    """

    def __init__(self, originals: list[Extraction], origin: dict[str, int]) -> None:
        self.originals = originals
        self.origin = origin

    @property
    def warnings(self) -> list[str]:
        return []

    def pipe(
        self, sources: Iterable[SourceText], *, n_process: int = 1, batch_size: int = 16
    ) -> Iterator[Extraction]:
        for source in sources:
            base = self.originals[self.origin[Path(source.document.path).name]]
            new_id = source.document.id
            yield Extraction(
                documents=(source.document,),
                actors=base.actors,
                claims=tuple(
                    c.model_copy(update={"evidence": _rekey(c.evidence, new_id)})
                    for c in base.claims
                ),
                places=tuple(
                    p.model_copy(update={"evidence": _rekey(p.evidence, new_id)})
                    for p in base.places
                ),
            )


def _rekey(evidence: Evidence, doc_id: str) -> Evidence:
    return evidence.model_copy(update={"doc": doc_id})


def originals_for(origin_files: list[Path], extractor: Extractor) -> list[Extraction]:
    sources = [
        item for item in read_sources(origin_files) if isinstance(item, SourceText)
    ]
    return list(extractor.pipe(sources))


def time_ingest(corpus: Path, store: GraphStore, extractor: ReplayExtractor,
                batch_docs: int) -> dict[str, Any]:
    summary = ingest([corpus], store, extractor, batch_docs=batch_docs)
    assert not summary.failures, summary.failures
    return {
        "store": store.name,
        "batch_docs": batch_docs,
        "documents": summary.documents,
        "claims": summary.claims,
        "seconds": round(summary.seconds, 3),
        "docs_per_s": round(summary.docs_per_second, 1),
    }


def neo4j_store() -> GraphStore | None:
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        return None
    from graph.neo4j_store import Neo4jStore

    try:
        return Neo4jStore.connect(
            uri=uri, user=os.environ.get("NEO4J_USER", "neo4j"),
            password=os.environ.get("NEO4J_PASSWORD", "allegiance-dev"),
            database=os.environ.get("NEO4J_DATABASE", "neo4j"),
        )
    except AllegianceError as e:
        print(f"Neo4j skipped: {e.message}", file=sys.stderr)
        return None


def time_readers(corpus: Path) -> list[dict[str, Any]]:
    files = sorted(corpus.glob("*.txt"))
    size = sum(f.stat().st_size for f in files)
    started = perf_counter()
    naive = sum(len(f.read_text(encoding="utf-8")) for f in files)
    naive_s = perf_counter() - started
    started = perf_counter()
    # Every file yields one item: a document, or a duplicate note for the syndicated copies.
    read = sum(1 for _ in read_sources([corpus]))
    reader_s = perf_counter() - started
    assert naive > 0 and read == len(files)
    return [
        {"reader": "Path.read_text", "files": len(files), "mb": round(size / 1e6, 2),
         "seconds": round(naive_s, 3), "mb_per_s": round(size / 1e6 / naive_s, 1)},
        {"reader": "read_sources", "files": len(files), "mb": round(size / 1e6, 2),
         "seconds": round(reader_s, 3), "mb_per_s": round(size / 1e6 / reader_s, 1)},
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20, help="copies of the sample corpus")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="allegiance-bench-ingest-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        origin = copy_corpus(corpus, args.copies)
        extractor = Extractor()
        originals = originals_for(sorted(SAMPLE.glob("*.txt")), extractor)
        # The sample holds one syndicated duplicate; copies keep it distinct by their last
        # line, so give the duplicate the extraction of the text it repeats.
        if len(originals) < len(sorted(SAMPLE.glob("*.txt"))):
            originals = _align_with_duplicates(originals)
        replay = ReplayExtractor(originals, origin)

        writes: list[dict[str, Any]] = []
        for batch_docs in GROUP_SIZES:
            store = EmbeddedStore.open(work / f"graph-{batch_docs}.json")
            writes.append(time_ingest(corpus, store, replay, batch_docs))
            store.close()
        neo = neo4j_store()
        if neo is not None:
            for batch_docs in GROUP_SIZES:
                neo.clear()
                writes.append(time_ingest(corpus, neo, replay, batch_docs))
            neo.close()
        readers = time_readers(corpus)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"\nStore writes, {writes[0]['documents']} documents, {writes[0]['claims']} claims")
    print(f"{'store':<10}{'batch_docs':>12}{'seconds':>10}{'docs/s':>10}{'vs 1/load':>11}")
    for row in writes:
        base = next(r for r in writes if r["store"] == row["store"] and r["batch_docs"] == 1)
        speedup = base["seconds"] / row["seconds"] if row["seconds"] else 0.0
        print(f"{row['store']:<10}{row['batch_docs']:>12}{row['seconds']:>10.2f}"
              f"{row['docs_per_s']:>10.1f}{speedup:>10.1f}x")
    print(f"\nReaders, {readers[0]['files']} files, {readers[0]['mb']} MB")
    for row in readers:
        print(f"{row['reader']:<16}{row['seconds']:>8.3f} s{row['mb_per_s']:>8.1f} MB/s")

    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    out = results / f"ingest-{dt.date.today().isoformat()}.json"
    out.write_text(json.dumps({
        "copies": args.copies, "machine": platform.platform(), "cpus": os.cpu_count(),
        "python": platform.python_version(), "writes": writes, "readers": readers,
    }, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {out.relative_to(ROOT)}")
    return 0


def _align_with_duplicates(originals: list[Extraction]) -> list[Extraction]:
    by_id = {e.documents[0].id: e for e in originals}
    aligned: list[Extraction] = []
    for brief in sorted(SAMPLE.glob("*.txt")):
        [item] = list(read_sources([brief]))
        assert isinstance(item, SourceText)
        aligned.append(by_id[item.document.id])
    return aligned


if __name__ == "__main__":
    sys.exit(main())
