"""Files and folders in, :class:`~loaders.source.SourceText` documents out, streaming.

:func:`read_sources` walks the given paths lazily and yields one item at a time: a
:class:`SourceText` for every new document, or a :class:`SkippedFile` saying which file (and
line) was not read and why. Nothing is ever fatal to the batch: a missing path, an empty or
binary file, a malformed JSON line or a CSV without its text column are reported and the walk
goes on. ``docs/ingest.md`` describes formats, the metadata header and every skip reason.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Title: Tal Rifaat\\n\\nThe SDF captured Tal Rifaat.")
>>> [item.document.title for item in read_sources([folder])]
['Tal Rifaat']
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from graph.errors import InputError
from graph.model import Document, document_id
from loaders.formats import RawDocument, Skip, SkipReason
from loaders.formats.encoding import decode_bytes, open_text_stream
from loaders.formats.plain import read_markdown, read_plain
from loaders.formats.records import RecordFields, read_csv, read_jsonl
from loaders.source import SourceText

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "MetadataOverrides",
    "ReaderOptions",
    "SkipReason",
    "SkippedFile",
    "parse_date",
    "read_sources",
    "read_with",
]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Largest single document (a text, Markdown or HTML file, or one JSONL/CSV record) read."""

_PLAIN = frozenset({".txt", ".text"})
_MARKDOWN = frozenset({".md", ".markdown"})
_HTML = frozenset({".html", ".htm", ".xhtml"})
_JSONL = frozenset({".jsonl", ".ndjson"})
_DELIMITED = {".csv": ",", ".tsv": "\t"}
SUPPORTED_SUFFIXES = frozenset(_PLAIN | _MARKDOWN | _HTML | _JSONL | set(_DELIMITED))
# Files that describe a corpus folder rather than belong to it.
_FOLDER_DOCS = ("readme", "license", "licence", "changelog")


@dataclass(frozen=True)
class SkippedFile:
    """A file, line or record that did not become a document, and why.

    ``str()`` gives the one-line message shown to users: ``path[:line]: message``.
    """

    path: str
    reason: SkipReason
    message: str
    line: int | None = None

    @property
    def is_failure(self) -> bool:
        """False for duplicates and ignored files, which lose nothing the user asked for."""
        return self.reason.is_failure

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass(frozen=True)
class MetadataOverrides:
    """Metadata given on the command line; a set field wins over what the file says."""

    title: str | None = None
    source: str | None = None
    date: date | None = None
    url: str | None = None

    def apply(self, document: Document) -> Document:
        changes: dict[str, object] = {
            name: value
            for name, value in (
                ("title", self.title),
                ("source", self.source),
                ("date", self.date),
                ("url", self.url),
            )
            if value is not None
        }
        return document.model_copy(update=changes) if changes else document


@dataclass(frozen=True)
class ReaderOptions:
    """How :func:`read_sources` finds files and maps record fields to metadata."""

    glob: str = "**/*"
    fields: RecordFields = field(default_factory=RecordFields)
    overrides: MetadataOverrides = field(default_factory=MetadataOverrides)
    max_bytes: int = DEFAULT_MAX_BYTES


def parse_date(value: str | date | None) -> date | None:
    """A calendar date from ISO text, an ISO timestamp or a written-out date; else ``None``.

    >>> parse_date("2016-02-15T09:30:00Z")
    datetime.date(2016, 2, 15)
    >>> parse_date("15 February 2016")
    datetime.date(2016, 2, 15)
    >>> parse_date("soon") is None
    True
    """
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    text = value.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    # dateparser is slow to import and to run; only written-out dates get this far.
    import dateparser

    parsed = dateparser.parse(
        text, languages=["en"], settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"}
    )
    return parsed.date() if parsed else None


def _human_bytes(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{size:,} bytes"


class _Reader:
    """One walk over the inputs; remembers content hashes to report duplicates."""

    def __init__(self, options: ReaderOptions) -> None:
        self.options = options
        self._seen: dict[str, str] = {}

    def read(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[SourceText | SkippedFile]:
        for given in paths:
            path = Path(given)
            if path.is_dir():
                yield from self._folder(path)
            elif path.exists():
                yield from self._file(path, explicit=True)
            else:
                yield SkippedFile(str(path), SkipReason.MISSING, "no such file or folder")

    def _folder(self, folder: Path) -> Iterator[SourceText | SkippedFile]:
        # Paths (not contents) are sorted so the first of two duplicates is always the same.
        matches = sorted(p for p in folder.glob(self.options.glob) if p.is_file())
        if not matches:
            yield SkippedFile(
                str(folder), SkipReason.EMPTY,
                f"folder has no files matching {self.options.glob!r}",
            )
        for path in matches:
            relative = path.relative_to(folder).parts
            if any(part.startswith(".") for part in relative):
                continue
            if path.stem.lower().startswith(_FOLDER_DOCS):
                yield SkippedFile(
                    str(path), SkipReason.IGNORED, "describes the folder, not an article"
                )
                continue
            yield from self._file(path, explicit=False)

    def _file(self, path: Path, *, explicit: bool) -> Iterator[SourceText | SkippedFile]:
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES and not explicit:
            yield SkippedFile(
                str(path), SkipReason.IGNORED, f"not a supported format ({suffix or 'no suffix'})"
            )
            return
        try:
            size = path.stat().st_size
        except OSError as e:
            yield SkippedFile(str(path), SkipReason.UNREADABLE, e.strerror or str(e))
            return
        if size == 0:
            yield SkippedFile(str(path), SkipReason.EMPTY, "file is empty")
            return
        try:
            if suffix in _JSONL or suffix in _DELIMITED:
                items = self._records(path, suffix)
            else:
                items = self._single(path, suffix, size)
            for item in items:
                yield self._finish(path, item)
        except OSError as e:
            yield SkippedFile(str(path), SkipReason.UNREADABLE, e.strerror or str(e))

    def _single(self, path: Path, suffix: str, size: int) -> Iterator[RawDocument | Skip]:
        limit = self.options.max_bytes
        if size > limit:
            yield Skip(
                SkipReason.TOO_LARGE,
                f"file is {_human_bytes(size)}, over the {_human_bytes(limit)} limit for one "
                "document; raise it with --max-bytes or split the file",
            )
            return
        decoded = decode_bytes(path.read_bytes())
        if isinstance(decoded, Skip):
            yield decoded
            return
        text, _encoding = decoded
        if suffix in _HTML:
            # trafilatura takes a second to import; only HTML inputs pay for it.
            from loaders.formats.html import read_html

            yield read_html(text)
        elif suffix in _MARKDOWN:
            yield read_markdown(text)
        else:
            yield read_plain(text)

    def _records(self, path: Path, suffix: str) -> Iterator[RawDocument | Skip]:
        with path.open("rb") as raw:
            stream = open_text_stream(raw)
            if isinstance(stream, Skip):
                yield stream
                return
            limit = self.options.max_bytes
            fields = self.options.fields
            if suffix in _JSONL:
                yield from read_jsonl(stream, fields, max_chars=limit)
            else:
                yield from read_csv(
                    stream, fields, delimiter=_DELIMITED[suffix], max_chars=limit
                )

    def _finish(self, path: Path, item: RawDocument | Skip) -> SourceText | SkippedFile:
        if isinstance(item, Skip):
            return SkippedFile(str(path), item.reason, item.message, item.line)
        if not item.text:
            return SkippedFile(str(path), SkipReason.EMPTY, "no text to read", item.line)
        location = f"{path}:{item.line}" if item.line is not None else str(path)
        doc_id = document_id(item.text)
        first = self._seen.get(doc_id)
        if first is not None:
            return SkippedFile(
                str(path), SkipReason.DUPLICATE, f"same text as {first}", item.line
            )
        self._seen[doc_id] = location
        document = Document(
            id=doc_id,
            title=item.title,
            source=item.source,
            url=item.url,
            date=parse_date(item.date),
            path=location,
        )
        return SourceText(document=self.options.overrides.apply(document), text=item.text)


def read_sources(
    paths: Iterable[str | os.PathLike[str]],
    *,
    glob: str = "**/*",
    text_field: str = "text",
    title_field: str = "title",
    date_field: str = "date",
    url_field: str = "url",
    outlet_field: str | None = None,
    overrides: MetadataOverrides | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[SourceText | SkippedFile]:
    """Read files and folders lazily into documents, reporting what could not be read.

    Parameters
    ----------
    paths
        Files and folders; folders are walked with ``glob`` (recursive by default), skipping
        hidden files and README/LICENSE/CHANGELOG files.
    glob
        Pattern of files to read inside folders, e.g. ``"**/*.txt"``.
    text_field, title_field, date_field, url_field
        JSON Lines keys and CSV columns that hold the text and metadata.
    outlet_field
        Key or column naming the outlet; by default ``source``, then ``outlet``.
    overrides
        Metadata that replaces what the files say (from ``--title``, ``--source``, ...).
    max_bytes
        Largest document read: whole text/Markdown/HTML files over it are refused without being
        opened, and so are JSON Lines lines and CSV records over it (those files stream).

    Yields
    ------
    SourceText | SkippedFile
        Documents in path order; a second copy of the same text is a ``DUPLICATE`` skip.
    """
    fields = RecordFields(
        text=text_field,
        title=title_field,
        date=date_field,
        url=url_field,
        source=(outlet_field,) if outlet_field else ("source", "outlet"),
    )
    options = ReaderOptions(
        glob=glob, fields=fields, overrides=overrides or MetadataOverrides(), max_bytes=max_bytes
    )
    return read_with(paths, options)


def read_with(
    paths: Iterable[str | os.PathLike[str]], options: ReaderOptions
) -> Iterator[SourceText | SkippedFile]:
    """:func:`read_sources` with its options gathered in one :class:`ReaderOptions`."""
    if options.max_bytes < 1:
        raise InputError(
            f"--max-bytes must be a positive number of bytes, not {options.max_bytes}"
        )
    return _Reader(options).read(paths)

