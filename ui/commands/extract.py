"""``allegiance extract``: print what extraction finds, without touching any store.

The output is :func:`loaders.extract.to_output_json`'s documented shape: one JSON object for all
documents (``--format json``) or one object per document, one per line (``--format jsonl``).
Results go to standard output (or ``--output``); skipped files go to standard error. Exit code 0:
everything read; 1: some files or lines were skipped; 2: nothing could be read.
"""

from __future__ import annotations

import json
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console

from graph.errors import InputError
from graph.model import Extraction
from loaders.readers import SkippedFile, SkipReason, read_with
from loaders.source import SourceText
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
from ui.settings import Settings


class OutputFormat(StrEnum):
    JSON = "json"
    JSONL = "jsonl"


def _write(out: TextIO, payload: dict[str, object], *, indent: int | None) -> None:
    out.write(json.dumps(payload, ensure_ascii=False, indent=indent, default=str))
    out.write("\n")


@app.command()
def extract(
    paths: Paths,
    format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="One JSON object, or one line per document."),
    ] = OutputFormat.JSON,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write here instead of standard output.",
                     dir_okay=False),
    ] = None,
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
) -> None:
    """Extract actors and signed relations from files and print them as JSON (no store).

    Exit codes: 0 everything read; 1 some files or lines skipped (listed on stderr); 2 nothing
    could be read or a bad option. See docs/ingest.md.
    """
    options = reader_options(
        glob=glob, title=title, source=source, date_text=date, url=url, text_field=text_field,
        title_field=title_field, date_field=date_field, url_field=url_field,
        outlet_field=outlet_field, max_bytes=max_bytes,
    )
    from loaders.extract import merge_extractions, to_output_json

    errors = Console(stderr=True)
    extractor = make_extractor(Settings())
    skipped: list[SkippedFile] = []
    # Sources handed to the extractor, oldest first: pipe() yields in the same order.
    in_flight: deque[SourceText] = deque()

    def documents() -> Iterator[SourceText]:
        for item in read_with(paths, options):
            if isinstance(item, SkippedFile):
                skipped.append(item)
                print_skips(errors, [item], show_harmless=True)
                continue
            in_flight.append(item)
            yield item

    out: TextIO = output.open("w", encoding="utf-8") if output else sys.stdout
    read = 0
    try:
        extractions = _reported(extractor.pipe(documents(), n_process=processes), in_flight,
                                skipped, errors)
        if format is OutputFormat.JSONL:
            for extraction in extractions:
                read += 1
                _write(out, to_output_json(extraction), indent=None)
                out.flush()
        else:
            collected: list[Extraction] = []
            for extraction in extractions:
                read += 1
                collected.append(extraction)
            if collected or not any(item.is_failure for item in skipped):
                _write(out, to_output_json(merge_extractions(collected)), indent=2)
    finally:
        if output:
            out.close()
    for warning in extractor.warnings:
        errors.print(f"[yellow]warning:[/] {warning}", highlight=False)
    failures = [item for item in skipped if item.is_failure]
    if read == 0 and failures:
        raise InputError(
            f"no documents could be read ({len(failures)} skipped)",
            hint="see the skipped lines above; docs/ingest.md lists the formats and limits",
        )
    if failures:
        raise typer.Exit(code=1)


def _reported(extractions: Iterable[Extraction], in_flight: deque[SourceText],
              skipped: list[SkippedFile], errors: Console) -> Iterator[Extraction]:
    """The extractions that worked; a document a rule failed on is reported as skipped."""
    for extraction in extractions:
        source = in_flight.popleft()
        if extraction.failure is None:
            yield extraction
            continue
        item = SkippedFile(source.document.path or source.document.id,
                           SkipReason.EXTRACTION_FAILED, extraction.failure)
        skipped.append(item)
        print_skips(errors, [item], show_harmless=True)
