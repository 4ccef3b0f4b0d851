"""``allegiance ingest``: read, extract and load files into the store, with a progress bar.

Exit codes: 0 when every file was read and stored; 1 when some files, lines or documents were
skipped but the rest loaded (each one is listed with its reason); 2 when nothing could be read
or an option is wrong; 3 when the store cannot be reached; 5 when the store refused a write.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from graph.errors import InputError
from ui.cli import app
from ui.commands.reader_options import (
    DEFAULT_GLOB,
    DEFAULT_MAX,
    DateField,
    DateFlag,
    Glob,
    MaxBytes,
    OutletField,
    Paths,
    Processes,
    SourceFlag,
    TextField,
    TitleField,
    TitleFlag,
    UrlField,
    UrlFlag,
    make_extractor,
    print_skips,
    reader_options,
)
from ui.filter_options import StoreKind
from ui.ingest import DEFAULT_BATCH_DOCS, IngestProgress, IngestSummary, ingest
from ui.settings import Settings
from ui.stores import open_store


def summary_table(summary: IngestSummary, store_name: str) -> Table:
    """The end-of-run table: what this run stored, what it skipped, and the store's totals."""
    table = Table(title=f"Ingest into the {store_name} store", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents stored (new)", f"{summary.documents_new:,}")
    table.add_row("documents already in the store", f"{summary.documents_already_stored:,}")
    table.add_row("duplicates in the input", f"{summary.duplicates:,}")
    table.add_row("actors named", f"{summary.actors:,}")
    table.add_row("relation claims", f"{summary.claims:,}")
    table.add_row("place claims", f"{summary.places:,}")
    table.add_row("files/lines skipped", f"{len(summary.failures):,}")
    table.add_row("seconds", f"{summary.seconds:.1f}")
    table.add_row("documents per second", f"{summary.docs_per_second:.1f}")
    if summary.store_counts is not None:
        totals = summary.store_counts
        table.add_section()
        table.add_row("store total: documents", f"{totals.documents:,}")
        table.add_row("store total: actors", f"{totals.actors:,}")
        table.add_row("store total: claims", f"{totals.claims:,}")
        table.add_row("store total: relations", f"{totals.relations:,}")
    return table


@app.command("ingest")
def ingest_command(
    paths: Paths,
    store: Annotated[
        StoreKind | None,
        typer.Option("--store", help="Store to load into \\[default: from settings].",
                     show_default=False),
    ] = None,
    batch_docs: Annotated[
        int, typer.Option("--batch-docs", min=1, help="Documents per atomic store write.")
    ] = DEFAULT_BATCH_DOCS,
    glob: Glob = DEFAULT_GLOB,
    title: TitleFlag = None,
    source: SourceFlag = None,
    date: DateFlag = None,
    url: UrlFlag = None,
    text_field: TextField = "text",
    title_field: TitleField = "title",
    date_field: DateField = "date",
    url_field: UrlField = "url",
    outlet_field: OutletField = None,
    max_bytes: MaxBytes = DEFAULT_MAX,
    processes: Processes = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Extract relations from files and load them into the store, in streaming batches.

    Exit codes: 0 everything read and stored; 1 some files or lines skipped (listed), the rest
    stored; 2 nothing could be read or a bad option; 3 store unreachable; 5 store write failed.
    See docs/ingest.md.
    """
    options = reader_options(
        glob=glob, title=title, source=source, date_text=date, url=url, text_field=text_field,
        title_field=title_field, date_field=date_field, url_field=url_field,
        outlet_field=outlet_field, max_bytes=max_bytes,
    )
    settings = Settings()
    console = Console()
    errors = Console(stderr=True)
    # Open the store first: an unreachable server should fail before any extraction work.
    graph_store = open_store(settings, kind=store.value if store else None)
    try:
        extractor = make_extractor(settings)
        with Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            TextColumn("{task.completed:,} documents"),
            TextColumn("{task.fields[rate]:.1f} docs/s"),
            TextColumn("{task.fields[skipped]} skipped"),
            TimeElapsedColumn(),
            console=errors,
            disable=quiet,
            transient=True,
        ) as bar:
            task = bar.add_task("ingesting", total=None, rate=0.0, skipped=0)

            def on_progress(state: IngestProgress) -> None:
                bar.update(task, completed=state.documents, rate=state.docs_per_second,
                           skipped=state.skipped)

            summary = ingest(
                paths, graph_store, extractor, reader=options, batch_docs=batch_docs,
                n_process=processes, progress=on_progress,
            )
    finally:
        graph_store.close()
    for warning in summary.warnings:
        errors.print(f"[yellow]warning:[/] {warning}", highlight=False)
    print_skips(errors, summary.skipped, show_harmless=True)
    console.print(summary_table(summary, graph_store.name))
    if summary.documents == 0 and summary.failures:
        raise InputError(
            f"no documents could be read ({len(summary.failures)} skipped)",
            hint="see the skipped lines above; docs/ingest.md lists the formats and limits",
        )
    if summary.exit_code:
        raise typer.Exit(code=summary.exit_code)
