"""The embedded store's own promises: a file that survives restarts and is never half-written."""

from __future__ import annotations

import gzip
import json
import os
from datetime import date
from pathlib import Path

import pytest

from graph.embedded_store import EmbeddedStore
from graph.errors import LoadError, StoreUnavailable
from graph.model import Extraction, GraphFilter, RelationType
from graph.store import GraphStore
from tests.factories import SAA, make_claim, make_document


def test_store_implements_the_protocol(embedded_store: EmbeddedStore) -> None:
    assert isinstance(embedded_store, GraphStore)
    assert embedded_store.name == "embedded"


@pytest.mark.parametrize("name", ["graph.json", "graph.json.gz"])
def test_reopened_store_has_the_same_data(tmp_path: Path, sample_batch: Extraction,
                                          name: str) -> None:
    path = tmp_path / "nested" / name
    store = EmbeddedStore.open(path)
    store.load(sample_batch)
    reopened = EmbeddedStore.open(path)
    assert reopened.counts() == store.counts()
    assert reopened.subgraph(GraphFilter()) == store.subgraph(GraphFilter())
    assert list(reopened.claims()) == list(store.claims())
    assert reopened.places() == store.places()
    raw = gzip.decompress(path.read_bytes()) if name.endswith(".gz") else path.read_bytes()
    assert json.loads(raw)["format"] == "allegiance-embedded"


def test_open_creates_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "new.json"
    EmbeddedStore.open(path)
    assert path.is_file()
    assert EmbeddedStore.open(path).counts().actors == 0


def test_refused_batch_leaves_memory_and_file_unchanged(embedded_store: EmbeddedStore,
                                                       sample_batch: Extraction) -> None:
    embedded_store.load(sample_batch)
    assert embedded_store.path is not None
    before_bytes = embedded_store.path.read_bytes()
    before = embedded_store.counts()
    doc = make_document("Orphan report.", source="AFP", day=date(2016, 6, 1))
    orphan = make_claim("ghost-brigade", SAA, RelationType.HOSTILITY, doc)
    with pytest.raises(LoadError, match="ghost-brigade"):
        embedded_store.load(Extraction(documents=(doc,), claims=(orphan,)))
    assert embedded_store.counts() == before
    assert embedded_store.documents([doc.id]) == []
    assert embedded_store.path.read_bytes() == before_bytes


def test_failed_save_keeps_the_old_file_and_memory(embedded_store: EmbeddedStore,
                                                  sample_batch: Extraction,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert embedded_store.path is not None
    before_bytes = embedded_store.path.read_bytes()

    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(LoadError, match="Could not save"):
        embedded_store.load(sample_batch)
    monkeypatch.undo()
    assert embedded_store.path.read_bytes() == before_bytes
    assert embedded_store.counts().claims == 0
    # No temporary files left next to the store.
    assert sorted(p.name for p in embedded_store.path.parent.iterdir()) == ["graph.json"]


def test_load_many_keeps_batches_before_a_bad_one(tmp_path: Path,
                                                 sample_batch: Extraction) -> None:
    path = tmp_path / "g.json"
    store = EmbeddedStore.open(path)
    doc = make_document("Later orphan report.", source="AFP")
    bad = Extraction(documents=(doc,), claims=(make_claim("nobody", SAA, RelationType.TRUCE,
                                                          doc),))
    with pytest.raises(LoadError):
        store.load_many([sample_batch, bad])
    assert EmbeddedStore.open(path).counts().claims == len(sample_batch.claims)


def test_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "graph.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(StoreUnavailable, match="Cannot read the embedded store"):
        EmbeddedStore.open(path)
    path.write_text(json.dumps({"something": "else"}), encoding="utf-8")
    with pytest.raises(StoreUnavailable):
        EmbeddedStore.open(path)


def test_clear_empties_the_file(embedded_store: EmbeddedStore,
                                sample_batch: Extraction) -> None:
    embedded_store.load(sample_batch)
    embedded_store.clear()
    assert embedded_store.path is not None
    assert EmbeddedStore.open(embedded_store.path).counts().claims == 0
