"""Command-line options shared by ``allegiance extract`` and ``allegiance ingest``.

The options are declared once as ``Annotated`` types so both commands spell and document them
identically; :func:`reader_options` turns their values into :class:`ReaderOptions`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from graph.errors import InputError
from loaders.formats.records import RecordFields
from loaders.readers import DEFAULT_MAX_BYTES, MetadataOverrides, ReaderOptions, SkippedFile
from ui.settings import Settings

if TYPE_CHECKING:
    from loaders.extract import Extractor

_READING = "Reading"

Paths = Annotated[
    list[Path],
    typer.Argument(
        help="Files or folders: .txt, .md, .html, .jsonl, .csv, .tsv (folders are walked).",
        show_default=False,
    ),
]
Glob = Annotated[
    str, typer.Option("--glob", help="Files to read inside folders.", rich_help_panel=_READING)
]
TitleFlag = Annotated[
    str | None,
    typer.Option("--title", help="Title for every document (wins over the files).",
                 rich_help_panel=_READING),
]
SourceFlag = Annotated[
    str | None,
    typer.Option("--source", help="Outlet for every document (wins over the files).",
                 rich_help_panel=_READING),
]
DateFlag = Annotated[
    str | None,
    typer.Option("--date", help="Publication date YYYY-MM-DD for every document.",
                 rich_help_panel=_READING),
]
UrlFlag = Annotated[
    str | None,
    typer.Option("--url", help="URL for every document (wins over the files).",
                 rich_help_panel=_READING),
]
TextField = Annotated[
    str, typer.Option("--text-field", help="JSONL key / CSV column holding the article text.",
                      rich_help_panel=_READING)
]
TitleField = Annotated[
    str, typer.Option("--title-field", help="JSONL key / CSV column of the title.",
                      rich_help_panel=_READING)
]
DateField = Annotated[
    str, typer.Option("--date-field", help="JSONL key / CSV column of the date.",
                      rich_help_panel=_READING)
]
UrlField = Annotated[
    str, typer.Option("--url-field", help="JSONL key / CSV column of the URL.",
                      rich_help_panel=_READING)
]
OutletField = Annotated[
    str | None,
    typer.Option("--outlet-field",
                 help="JSONL key / CSV column of the outlet \\[default: source, then outlet].",
                 rich_help_panel=_READING, show_default=False),
]
MaxBytes = Annotated[
    int,
    typer.Option("--max-bytes", min=1,
                 help="Largest single document; bigger files or records are skipped.",
                 rich_help_panel=_READING),
]
Processes = Annotated[
    int, typer.Option("--processes", min=1, help="Extraction worker processes.")
]

DEFAULT_GLOB = "**/*"
DEFAULT_MAX = DEFAULT_MAX_BYTES


def reader_options(
    *,
    glob: str,
    title: str | None,
    source: str | None,
    date_text: str | None,
    url: str | None,
    text_field: str,
    title_field: str,
    date_field: str,
    url_field: str,
    outlet_field: str | None,
    max_bytes: int,
) -> ReaderOptions:
    """:class:`ReaderOptions` from command-line values; a bad ``--date`` is an InputError."""
    override_date: date | None = None
    if date_text is not None:
        try:
            override_date = date.fromisoformat(date_text)
        except ValueError as e:
            raise InputError(
                f"--date {date_text!r} is not a date", hint="write it as YYYY-MM-DD"
            ) from e
    return ReaderOptions(
        glob=glob,
        fields=RecordFields(
            text=text_field,
            title=title_field,
            date=date_field,
            url=url_field,
            source=(outlet_field,) if outlet_field else ("source", "outlet"),
        ),
        overrides=MetadataOverrides(title=title, source=source, date=override_date, url=url),
        max_bytes=max_bytes,
    )


def make_extractor(settings: Settings) -> Extractor:
    """The configured extractor (spaCy model, gazetteer and pair model from settings)."""
    # spaCy loads here, not when the CLI starts: other commands never need it.
    from loaders.extract import Extractor

    return Extractor(model=settings.spacy_model, gazetteer=settings.gazetteer,
                     pair_model=settings.pair_model)


def print_skips(console: Console, skipped: list[SkippedFile], *, show_harmless: bool) -> None:
    """One line per skipped file or line; duplicates and ignored files only if asked."""
    for item in skipped:
        # soft_wrap: one line per file, never broken inside a path, so logs stay greppable.
        if item.is_failure:
            console.print(f"[yellow]skipped[/] {escape(str(item))}", highlight=False,
                          soft_wrap=True)
        elif show_harmless:
            console.print(f"[dim]{item.reason.value}[/] {escape(str(item))}", highlight=False,
                          soft_wrap=True)
