"""Line-based formats holding many documents: JSON Lines and CSV/TSV.

Both stream: one line or row is in memory at a time, so a file of any size can be read. A bad
line or row becomes a :class:`Skip` with its 1-based line number and the rest still load; a CSV
without the text column is one :class:`Skip` for the whole file.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TextIO

from loaders.formats import RawDocument, Skip, SkipReason

_DISCARD_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class RecordFields:
    """Which field of a record holds what. ``source`` lists fallbacks tried in order."""

    text: str = "text"
    title: str = "title"
    date: str = "date"
    url: str = "url"
    source: tuple[str, ...] = ("source", "outlet")


def _field(record: Mapping[str, object], name: str) -> str:
    value = record.get(name)
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _from_record(
    record: Mapping[str, object], fields: RecordFields, line: int
) -> RawDocument | Skip:
    if fields.text not in record:
        return Skip(SkipReason.MISSING_FIELD, f"no {fields.text!r} field", line)
    raw_text = record[fields.text]
    if not isinstance(raw_text, str):
        return Skip(SkipReason.MALFORMED, f"field {fields.text!r} is not a string", line)
    if not raw_text.strip():
        return Skip(SkipReason.EMPTY, f"field {fields.text!r} is empty", line)
    source = next((_field(record, name) for name in fields.source if _field(record, name)), "")
    return RawDocument(
        text=raw_text.strip(),
        title=_field(record, fields.title).strip(),
        source=source.strip(),
        url=_field(record, fields.url).strip(),
        date=_field(record, fields.date).strip(),
        line=line,
    )


def _bounded_lines(stream: TextIO, max_chars: int) -> Iterator[tuple[int, str | None]]:
    """``(line number, line)`` pairs; ``None`` for a line longer than ``max_chars``.

    An over-long line is read and dropped in chunks so memory stays bounded by ``max_chars``.
    """
    number = 0
    while True:
        line = stream.readline(max_chars + 1)
        if not line:
            return
        number += 1
        if len(line) > max_chars and not line.endswith("\n"):
            while True:
                rest = stream.readline(_DISCARD_CHUNK)
                if not rest or rest.endswith("\n"):
                    break
            yield number, None
            continue
        yield number, line


def read_jsonl(
    stream: TextIO, fields: RecordFields, *, max_chars: int
) -> Iterator[RawDocument | Skip]:
    """One document per JSON object line; blank lines are allowed and ignored."""
    for number, line in _bounded_lines(stream, max_chars):
        if line is None:
            yield Skip(
                SkipReason.TOO_LARGE,
                f"line is longer than the {max_chars:,}-character limit (--max-bytes)",
                number,
            )
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield Skip(SkipReason.MALFORMED, f"not valid JSON ({e.msg}, column {e.colno})", number)
            continue
        if not isinstance(record, dict):
            yield Skip(
                SkipReason.MALFORMED,
                f"a line must hold a JSON object, not {type(record).__name__}",
                number,
            )
            continue
        yield _from_record(record, fields, number)


def read_csv(
    stream: TextIO, fields: RecordFields, *, delimiter: str, max_chars: int
) -> Iterator[RawDocument | Skip]:
    """One document per row; column names match case-insensitively."""
    # The csv module caps a field at 128 KiB by default; articles can be longer.
    csv.field_size_limit(max(csv.field_size_limit(), max_chars))
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        yield Skip(SkipReason.EMPTY, "CSV file has no header row")
        return
    except csv.Error as e:
        yield Skip(SkipReason.MALFORMED, f"unreadable CSV header ({e})", 1)
        return
    columns = [name.strip().lstrip("\ufeff") for name in header]
    by_lower = {name.lower(): name for name in columns}
    if fields.text.lower() not in by_lower:
        shown = ", ".join(repr(name) for name in columns) or "none"
        yield Skip(
            SkipReason.MISSING_FIELD,
            f"no {fields.text!r} column (columns: {shown}); "
            "name the column that holds the article text with --text-field",
        )
        return

    def canonical(name: str) -> str:
        return by_lower.get(name.lower(), name)

    mapped = RecordFields(
        text=canonical(fields.text),
        title=canonical(fields.title),
        date=canonical(fields.date),
        url=canonical(fields.url),
        source=tuple(canonical(name) for name in fields.source),
    )
    while True:
        # A quoted field may span lines: report the line a record starts on.
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            # The reader cannot resynchronise after a broken quote or an over-long field.
            yield Skip(SkipReason.MALFORMED, f"unreadable CSV from here on ({e})", start)
            return
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(columns):
            yield Skip(
                SkipReason.MALFORMED,
                f"row has {len(row)} cells but the header names {len(columns)}",
                start,
            )
            continue
        record = dict(zip(columns, row, strict=False))
        yield _from_record(record, mapped, start)
