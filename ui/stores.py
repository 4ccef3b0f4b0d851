"""Open the configured store. The only place that reads connection settings."""

from __future__ import annotations

from graph.store import GraphStore
from ui.settings import Settings


def open_store(settings: Settings | None = None, *, kind: str | None = None) -> GraphStore:
    """The store the settings name (``kind`` overrides): Neo4j, or the embedded default."""
    settings = settings or Settings()
    chosen = kind or settings.store_kind
    if chosen == "neo4j":
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore.connect(
            uri=settings.neo4j_uri or "bolt://127.0.0.1:7687",
            user=settings.neo4j_user,
            password=settings.neo4j_password.get_secret_value(),
            database=settings.neo4j_database,
            batch_size=settings.batch_size,
        )
    from graph.embedded_store import EmbeddedStore

    return EmbeddedStore.open(settings.embedded_file)
