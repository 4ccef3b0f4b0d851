"""``allegiance export``: write a snapshot of a filtered view to a file.

Formats: an offline interactive HTML page, GraphML, GEXF (with a timeline for Gephi), node-link
JSON, CSV tables in a zip, or a PNG picture. Every file carries its metadata (filters, store, date
window, creation time, counts); see ``docs/export.md``.
"""

from __future__ import annotations

import os
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph.errors import InputError
from graph.export import FORMATS, default_filename, render, take_snapshot
from ui.cli import app
from ui.filter_options import (
    FocusOption,
    HopsOption,
    MinConfidenceOption,
    MinSourcesOption,
    NodeCapOption,
    NoDiscoveredOption,
    NoHedgedOption,
    PolarityOption,
    SinceOption,
    StoreOption,
    TypeOption,
    UntilOption,
    build_filter,
    resolve_focus,
)
from ui.settings import Settings
from ui.stores import open_store

console = Console()


class Format(StrEnum):
    HTML = "html"
    GRAPHML = "graphml"
    GEXF = "gexf"
    JSON = "json"
    CSV = "csv"
    PNG = "png"


def write_new_file(path: Path, content: bytes, *, force: bool) -> None:
    """Write ``content`` to ``path`` atomically; an existing file is kept unless ``force``."""
    if path.is_dir():
        raise InputError(f"{path} is a directory", hint="give a file name with -o")
    if path.exists() and not force:
        raise InputError(f"{path} already exists", hint="use --force to overwrite it")
    if not path.parent.is_dir():
        raise InputError(f"folder {path.parent} does not exist")
    # Write next to the target, then rename: a failed export never leaves half a file behind.
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


@app.command()
def export(
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Snapshot format.")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", dir_okay=False,
                     help="File to write (default: allegiance-<store>-<time>.<ext> here)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    title: Annotated[str, typer.Option("--title", help="Title shown in the snapshot.")
                     ] = "Allegiance snapshot",
    store: StoreOption = None,
    types: TypeOption = None,
    polarity: PolarityOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_confidence: MinConfidenceOption = 0.0,
    min_sources: MinSourcesOption = 1,
    no_hedged: NoHedgedOption = False,
    no_discovered: NoDiscoveredOption = False,
    focus: FocusOption = None,
    hops: HopsOption = 1,
    node_cap: NodeCapOption = None,
) -> None:
    """Write a snapshot of the filtered view (same filters as the explorer's sidebar)."""
    # Validate every option before touching the store, so typos fail fast and offline.
    filters = build_filter(
        types=types, polarity=polarity, since=since, until=until,
        min_confidence=min_confidence, min_sources=min_sources, no_hedged=no_hedged,
        no_discovered=no_discovered, hops=hops, node_cap=node_cap,
    )
    if output is not None and output.exists() and not force:
        raise InputError(f"{output} already exists", hint="use --force to overwrite it")
    graph_store = open_store(Settings(), kind=store.value if store else None)
    try:
        if focus:
            filters = filters.model_copy(update={"focus": resolve_focus(graph_store, focus)})
        snapshot = take_snapshot(graph_store, filters, title=title)
    finally:
        graph_store.close()
    content = render(snapshot, fmt.value)
    target = output or Path(default_filename(snapshot.meta.store, fmt.value,
                                                 snapshot.meta.created_at))
    write_new_file(target, content, force=force)
    meta = snapshot.meta
    trimmed = f" (node cap: {meta.total_actors} matched)" if meta.trimmed else ""
    console.print(
        f"wrote {FORMATS[fmt.value].label} snapshot to {target}: {meta.actors} actors{trimmed}, "
        f"{meta.relations} relations, {len(content):,} bytes", highlight=False)
