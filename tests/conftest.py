"""Shared fixtures: empty stores of each kind and the reference batch.

``neo4j_store`` talks to ``$NEO4J_URI`` (default ``bolt://127.0.0.1:7687``, user ``$NEO4J_USER``
or ``neo4j``, password ``$NEO4J_PASSWORD`` or ``allegiance-dev``) and clears it first, so point it
at a server you do not mind emptying. It skips when no server answers, except under ``CI=true``
where a missing server is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.embedded_store import EmbeddedStore
from graph.errors import AuthenticationFailed, StoreUnavailable
from graph.model import Extraction
from graph.store import GraphStore
from loaders.extract import Extractor
from loaders.pairs import PAIRS_OFF
from loaders.pipeline import model_available
from tests.extraction_cases import MODEL
from tests.factories import sample_batch as build_sample_batch

# Read once at start-up, so tests that edit the environment cannot redirect the fixtures.
_ENV = dict(os.environ)

NEO4J_DEFAULT_URI = "bolt://127.0.0.1:7687"
NEO4J_DEFAULT_PASSWORD = "allegiance-dev"


def neo4j_settings() -> dict[str, str]:
    """Connection settings the Neo4j fixtures use (from the environment)."""
    return {
        "uri": _ENV.get("NEO4J_URI") or NEO4J_DEFAULT_URI,
        "user": _ENV.get("NEO4J_USER") or _ENV.get("NEO4J_USERNAME") or "neo4j",
        "password": _ENV.get("NEO4J_PASSWORD") or NEO4J_DEFAULT_PASSWORD,
        "database": _ENV.get("NEO4J_DATABASE") or "neo4j",
    }


def _in_ci() -> bool:
    return _ENV.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture
def sample_batch() -> Extraction:
    """The reference batch from :func:`tests.factories.sample_batch`."""
    return build_sample_batch()


@pytest.fixture
def embedded_store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    """An empty embedded store saved under ``tmp_path``."""
    store = EmbeddedStore.open(tmp_path / "graph.json")
    yield store
    store.close()


@pytest.fixture(scope="session")
def _neo4j_session_store() -> Iterator[GraphStore]:
    from graph.neo4j_store import Neo4jStore

    settings = neo4j_settings()
    try:
        store = Neo4jStore.connect(settings["uri"], settings["user"], settings["password"],
                                   settings["database"], batch_size=500)
    except (StoreUnavailable, AuthenticationFailed) as e:
        if _in_ci():
            pytest.fail(f"CI=true but Neo4j is not usable at {settings['uri']}: {e}")
        pytest.skip(f"no usable Neo4j at {settings['uri']}: {e.message}")
    yield store
    store.close()


@pytest.fixture
def neo4j_store(_neo4j_session_store: GraphStore) -> GraphStore:
    """A cleared Neo4j store (one driver per test session)."""
    _neo4j_session_store.clear()
    return _neo4j_session_store


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest) -> GraphStore:
    """Each store kind in turn, empty."""
    name = "embedded_store" if request.param == "embedded" else "neo4j_store"
    return request.getfixturevalue(name)


@pytest.fixture(scope="session")
def model_extractor() -> Extractor:
    """The hand-written rules on the statistical model (skips when it is not installed).

    Without the learned pair model: the construction tests pin what the rules read, sentence
    by sentence. The pair model is measured over whole report sets instead
    (``scripts/train_pairs.py --cv``); its wiring is tested in ``tests/test_pairs.py`` and the
    shipped extractor, model included, in the seed and held-out quality tests.
    """
    if not model_available(MODEL):
        pytest.skip(f"{MODEL} not installed")
    return Extractor(model=MODEL, pair_model=PAIRS_OFF)
