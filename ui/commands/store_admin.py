"""Store housekeeping: ``allegiance status``, ``allegiance reset`` and ``allegiance load-claims``.

Exit codes: 0 done; 2 bad option or unreadable input file; 3 store unreachable or credentials
refused; 5 the store refused a batch (nothing of that batch was written).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from graph.errors import InputError
from graph.model import Extraction, LoadReport
from ui.cli import app
from ui.filter_options import StoreKind
from ui.settings import Settings
from ui.stores import open_store

StoreOption = Annotated[
    StoreKind | None,
    typer.Option("--store", help="Store to use [default: from settings]", show_default=False),
]


def _location(store: object) -> str:
    return str(getattr(store, "location", "") or "?")


@app.command("status")
def status_command(store: StoreOption = None) -> None:
    """Show which store is in use, where it is, and how much it holds."""
    graph_store = open_store(Settings(), kind=store.value if store else None)
    try:
        counts = graph_store.counts()
    finally:
        graph_store.close()
    table = Table(show_header=False, box=None, highlight=False)
    table.add_row("store", graph_store.name)
    table.add_row("location", _location(graph_store))
    for field, value in counts.model_dump().items():
        table.add_row(field, f"{value:,}")
    Console().print(table)


@app.command("reset")
def reset_command(
    yes: Annotated[bool, typer.Option("--yes", help="Really delete everything.")] = False,
    store: StoreOption = None,
) -> None:
    """Delete every actor, document and claim in the store."""
    graph_store = open_store(Settings(), kind=store.value if store else None)
    try:
        if not yes:
            raise InputError(
                f"reset deletes everything in the {graph_store.name} store at "
                f"{_location(graph_store)}",
                hint="pass --yes to confirm",
            )
        graph_store.clear()
    finally:
        graph_store.close()
    Console().print(f"emptied the {graph_store.name} store at {_location(graph_store)}",
                    highlight=False)


def read_extractions(path: Path) -> Iterator[Extraction]:
    """Batches in ``path``: one Extraction JSON object, or one per line (JSON Lines).

    Raises
    ------
    InputError
        The file cannot be read or a batch does not match the Extraction model.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read {path}: {e}") from e
    stripped = text.strip()
    if not stripped:
        return
    try:
        yield Extraction.model_validate_json(stripped)
        return
    except ValidationError as whole:
        lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
        if len(lines) == 1:
            raise _bad_batch(path, 1, whole) from whole
    for number, line in lines:
        try:
            yield Extraction.model_validate_json(line)
        except ValidationError as e:
            raise _bad_batch(path, number, e) from e


def _bad_batch(path: Path, line: int, error: ValidationError) -> InputError:
    first = error.errors()[0] if error.errors() else {"loc": (), "msg": str(error)}
    where = ".".join(str(p) for p in first.get("loc", ())) or "(top level)"
    return InputError(
        f"{path}:{line}: not an Extraction batch ({where}: {first.get('msg')})",
        hint="load-claims reads Extraction JSON (graph.model.Extraction); "
        "to load articles use `allegiance ingest`",
    )


@app.command("load-claims")
def load_claims_command(
    file: Annotated[Path, typer.Argument(help="Extraction JSON, or JSON Lines of them.",
                                         exists=True, dir_okay=False)],
    store: StoreOption = None,
) -> None:
    """Load Extraction batches from a file; each batch lands whole or not at all."""
    graph_store = open_store(Settings(), kind=store.value if store else None)
    totals = LoadReport()
    batches = 0
    try:
        for batch in read_extractions(file):
            report = graph_store.load(batch)
            batches += 1
            totals = LoadReport(
                documents=totals.documents + report.documents,
                actors=totals.actors + report.actors, claims=totals.claims + report.claims,
                places=totals.places + report.places, seconds=totals.seconds + report.seconds,
            )
    finally:
        graph_store.close()
    Console().print(
        f"loaded {batches} batch{'es' if batches != 1 else ''} into the {graph_store.name} "
        f"store: {totals.documents} documents, {totals.actors} actors, {totals.claims} claims, "
        f"{totals.places} place claims in {totals.seconds:.2f} s", highlight=False)
