"""ui.ingest.ingest: streaming batches, atomic documents, summaries, and both stores agreeing."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.embedded_store import EmbeddedStore
from graph.errors import InputError, LoadError
from graph.model import Extraction, GraphFilter, LoadReport, document_id
from graph.store import GraphStore
from loaders.extract import Extractor
from loaders.readers import SkipReason
from tests.conftest import neo4j_settings
from tests.fake_extraction import FakeExtractor
from ui.cli import main
from ui.ingest import IngestProgress, ingest

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"


def write_briefs(folder: Path, texts: dict[str, str]) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, text in texts.items():
        paths[name] = folder / name
        paths[name].write_text(text, encoding="utf-8")
    return paths


BRIEFS = {
    "a.txt": "Title: A\nDate: 2016-02-15\n\nThe SDF attacked ISIS near Manbij.",
    "b.txt": "Title: B\n\nTurkey attacked the YPG near Azaz. The SAA allied with the YPG.",
    "c.txt": "Title: C\n\nThe Levant Front attacked ISIS near Mare'.",
}


class RecordingStore:
    """Wraps a store and records, for every load, how many documents the extractor had seen."""

    def __init__(self, inner: EmbeddedStore, extractor: FakeExtractor) -> None:
        self.inner = inner
        self.extractor = extractor
        self.loads: list[tuple[int, int]] = []
        self.name = inner.name

    def load(self, batch: Extraction) -> LoadReport:
        self.loads.append((len(batch.documents), len(self.extractor.seen)))
        return self.inner.load(batch)

    def __getattr__(self, attr: str) -> object:
        return getattr(self.inner, attr)


def test_ingest_loads_documents_claims_and_reports_them(
    tmp_path: Path, embedded_store: EmbeddedStore
) -> None:
    write_briefs(tmp_path / "in", BRIEFS)
    summary = ingest([tmp_path / "in"], embedded_store, FakeExtractor())
    assert summary.documents_new == 3
    assert summary.claims == 4
    assert summary.actors == 6
    assert summary.exit_code == 0 and summary.failures == []
    counts = embedded_store.counts()
    assert (counts.documents, counts.claims) == (3, 4)
    assert summary.store_counts == counts
    assert summary.seconds > 0 and summary.docs_per_second > 0


def test_second_ingest_reports_documents_already_stored(
    tmp_path: Path, embedded_store: EmbeddedStore
) -> None:
    write_briefs(tmp_path / "in", BRIEFS)
    ingest([tmp_path / "in"], embedded_store, FakeExtractor())
    again = ingest([tmp_path / "in"], embedded_store, FakeExtractor())
    assert (again.documents_new, again.documents_already_stored) == (0, 3)
    assert embedded_store.counts().claims == 4  # loading twice changes nothing


def test_ingest_streams_in_groups_of_batch_docs(
    tmp_path: Path, embedded_store: EmbeddedStore
) -> None:
    texts = {f"{i}.txt": f"Brief {i}: the SDF attacked ISIS near village {i}." for i in range(5)}
    write_briefs(tmp_path / "in", texts)
    extractor = FakeExtractor()
    store = RecordingStore(embedded_store, extractor)
    ingest([tmp_path / "in"], store, extractor, batch_docs=2)  # type: ignore[arg-type]
    assert [size for size, _ in store.loads] == [2, 2, 1]
    # The first group is written after two documents, not after the whole folder was read.
    assert store.loads[0][1] == 2


def test_progress_callback_sees_every_document(
    tmp_path: Path, embedded_store: EmbeddedStore
) -> None:
    write_briefs(tmp_path / "in", BRIEFS)
    seen: list[IngestProgress] = []
    ingest([tmp_path / "in", tmp_path / "missing.txt"], embedded_store, FakeExtractor(),
           progress=seen.append)
    counts = [state.documents for state in seen]
    assert counts == sorted(counts) and counts[-1] == 3
    assert seen[-1].skipped == 1
    assert seen[-1].docs_per_second > 0


def test_a_failing_document_leaves_nothing_and_does_not_take_others_down(
    tmp_path: Path, store: GraphStore
) -> None:
    texts = dict(BRIEFS)
    broken = "Title: Broken\n\nThe SDF attacked ISIS. BROKEN-CLAIM here."
    texts["b2-broken.txt"] = broken
    paths = write_briefs(tmp_path / "in", texts)
    summary = ingest([tmp_path / "in"], store, FakeExtractor(), batch_docs=10)

    [failure] = summary.failures
    assert failure.reason is SkipReason.LOAD_FAILED
    assert failure.path == str(paths["b2-broken.txt"])
    assert summary.exit_code == 1
    broken_id = document_id(broken.split("\n\n", 1)[1])
    stored_ids = {d.id for d in store.documents()}
    assert broken_id not in stored_ids
    assert len(stored_ids) == 3
    # None of the broken document's claims landed, not even its valid first one.
    assert all(claim.evidence.doc != broken_id for claim in store.claims())
    assert store.counts().claims == 4


class BrokenDiskStore(RecordingStore):
    """Every write fails the same way, whatever the documents: the store's fault, not theirs."""

    def load(self, batch: Extraction) -> LoadReport:
        raise LoadError("Could not save the embedded store: No space left on device")


def test_a_store_failing_every_write_stops_the_ingest(
    tmp_path: Path, embedded_store: EmbeddedStore
) -> None:
    write_briefs(tmp_path / "in", BRIEFS)
    extractor = FakeExtractor()
    store = BrokenDiskStore(embedded_store, extractor)
    with pytest.raises(LoadError, match="No space left"):
        ingest([tmp_path / "in"], store, extractor)  # type: ignore[arg-type]


def test_bad_batch_size_is_an_input_error(tmp_path: Path, embedded_store: EmbeddedStore) -> None:
    with pytest.raises(InputError, match="batch-docs"):
        ingest([tmp_path], embedded_store, FakeExtractor(), batch_docs=0)


# -- end to end with the real extractor ------------------------------------------------------------


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _relation_set(store: GraphStore) -> set[tuple[str, str, str, int, int]]:
    return {
        (r.source, r.target, r.type.value, r.claims, r.documents)
        for r in store.relations(GraphFilter())
    }


def test_sample_corpus_ingests_completely(
    embedded_store: EmbeddedStore, extractor: Extractor
) -> None:
    summary = ingest([SAMPLE], embedded_store, extractor)
    assert summary.failures == []
    assert summary.documents_new == 33
    assert summary.duplicates == 1
    counts = embedded_store.counts()
    assert counts.documents == 33
    assert counts.claims == summary.claims > 20
    assert counts.actors >= 10
    # Every reader was used: each format contributed documents.
    paths = {d.path for d in embedded_store.documents()}
    for suffix in (".txt", ".md", ".html", ".jsonl:1", ".csv:2"):
        assert any(p.endswith(suffix) for p in paths), suffix
    # The HTML page's script and navigation never reached the store.
    for claim in embedded_store.claims():
        assert "MUST NOT BE READ" not in claim.evidence.sentence


@pytest.mark.neo4j
def test_allegiance_ingest_fills_both_stores_identically(
    tmp_path: Path, neo4j_store: GraphStore, extractor: Extractor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``allegiance ingest data/sample`` once per store: same counts, relations and claims."""
    settings = neo4j_settings()
    embedded_path = tmp_path / "graph.json"
    monkeypatch.setenv("ALLEGIANCE_EMBEDDED_PATH", str(embedded_path))
    monkeypatch.setenv("NEO4J_URI", settings["uri"])
    monkeypatch.setenv("NEO4J_USER", settings["user"])
    monkeypatch.setenv("NEO4J_PASSWORD", settings["password"])
    monkeypatch.setenv("NEO4J_DATABASE", settings["database"])
    # One spaCy load for the module instead of one per command.
    monkeypatch.setattr("ui.commands.ingest.make_extractor", lambda _settings: extractor)

    assert main(["ingest", str(SAMPLE), "--store", "embedded", "--quiet"]) == 0
    assert main(["ingest", str(SAMPLE), "--store", "neo4j", "--quiet", "--batch-docs", "7"]) == 0

    embedded = EmbeddedStore.open(embedded_path)
    assert embedded.counts().documents == 33
    assert embedded.counts() == neo4j_store.counts()
    assert _relation_set(embedded) == _relation_set(neo4j_store)
    assert {c.id for c in embedded.claims()} == {c.id for c in neo4j_store.claims()}
    assert {p.id for p in embedded.places()} == {p.id for p in neo4j_store.places()}
