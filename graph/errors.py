"""One exception root for everything a person may need to read.

The CLI and the UI each have exactly one place that turns these into messages; anything that is
not an :class:`AllegianceError` is a bug and keeps its traceback.
"""

from __future__ import annotations


class AllegianceError(Exception):
    """Base of all user-facing errors. ``exit_code`` is what the CLI exits with."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  hint: {self.hint}" if self.hint else self.message


class ConfigError(AllegianceError):
    """Settings are missing or contradictory."""

    exit_code = 2


class StoreUnavailable(AllegianceError):
    """The configured store cannot be reached (e.g. no Neo4j at the URI)."""

    exit_code = 3


class AuthenticationFailed(AllegianceError):
    """The store refused the credentials."""

    exit_code = 3


class QueryError(AllegianceError):
    """A query was invalid, timed out or failed on the server; carries the server's message."""

    exit_code = 4


class WriteRefused(QueryError):
    """A query tried to write in a read-only context."""


class UnsupportedQuery(QueryError):
    """The embedded store cannot answer this Cypher; Neo4j is needed."""


class LoadError(AllegianceError):
    """A batch could not be written; nothing of it was kept."""

    exit_code = 5


class InputError(AllegianceError):
    """An input file or argument cannot be used."""

    exit_code = 2
