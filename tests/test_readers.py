"""Readers: every format, the metadata header, encodings, limits, duplicates and streaming."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import psutil
import pytest

from graph.errors import InputError
from graph.model import document_id
from loaders.readers import (
    MetadataOverrides,
    SkippedFile,
    SkipReason,
    parse_date,
    read_sources,
)
from loaders.source import SourceText

ARTICLE = "The SDF captured Tal Rifaat from rebel groups on Monday, a monitoring group said."


def documents(items: list[SourceText | SkippedFile]) -> list[SourceText]:
    return [item for item in items if isinstance(item, SourceText)]


def skips(items: list[SourceText | SkippedFile]) -> list[SkippedFile]:
    return [item for item in items if isinstance(item, SkippedFile)]


def read(*paths: Path, **options: object) -> list[SourceText | SkippedFile]:
    return list(read_sources(paths, **options))  # type: ignore[arg-type]


# -- plain text and the metadata header ---------------------------------------------------------


def test_text_header_fills_metadata_and_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(
        "Title: Tal Rifaat falls\nSource: Levant Wire\nDate: 2016-02-15\n"
        "URL: https://example.org/a\n\n" + ARTICLE + "\n",
        encoding="utf-8",
    )
    [doc] = documents(read(path))
    assert doc.text == ARTICLE
    assert doc.document.title == "Tal Rifaat falls"
    assert doc.document.source == "Levant Wire"
    assert doc.document.date == date(2016, 2, 15)
    assert doc.document.url == "https://example.org/a"
    assert doc.document.id == document_id(ARTICLE)
    assert doc.document.path == str(path)


def test_text_without_header_takes_its_first_line_as_title(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Update: fighting near Azaz\n" + ARTICLE, encoding="utf-8")
    [doc] = documents(read(path))
    # "Update:" is not a header key, so the line stays article text.
    assert doc.text.startswith("Update: fighting near Azaz")
    assert doc.document.title == "Update: fighting near Azaz"
    assert doc.document.date is None


def test_yaml_front_matter_in_text(tmp_path: Path) -> None:
    path = tmp_path / "front.txt"
    path.write_text(
        "---\ntitle: Menagh\noutlet: Rojava River Post\ndate: 2016-02-11\n---\n" + ARTICLE,
        encoding="utf-8",
    )
    [doc] = documents(read(path))
    assert (doc.document.title, doc.document.source) == ("Menagh", "Rojava River Post")
    assert doc.document.date == date(2016, 2, 11)
    assert doc.text == ARTICLE


def test_markup_in_plain_text_stays_literal(tmp_path: Path) -> None:
    path = tmp_path / "markup.txt"
    payload = "Posted: <img src=x onerror=alert(1)> <script>alert(2)</script> by the SAA."
    path.write_text(payload, encoding="utf-8")
    [doc] = documents(read(path))
    assert doc.text == payload


# -- Markdown ------------------------------------------------------------------------------------


def test_markdown_becomes_plain_text_with_title_from_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "# Regime forces cut the road\n\nThe **SAA** and [Hezbollah](https://example.org/h) "
        "advanced.\n\n- Russian jets struck Anadan,\n- Ahrar al-Sham withdrew.\n\n"
        "> A commander said the line held.\n",
        encoding="utf-8",
    )
    [doc] = documents(read(path))
    assert doc.document.title == "Regime forces cut the road"
    assert "The SAA and Hezbollah advanced." in doc.text
    assert "Russian jets struck Anadan," in doc.text
    for syntax in ("**", "](", "https://example.org/h", "# ", "> "):
        assert syntax not in doc.text


def test_markdown_front_matter_title_wins_over_heading(tmp_path: Path) -> None:
    path = tmp_path / "fm.md"
    path.write_text("---\ntitle: From front matter\n---\n# Heading\n\n" + ARTICLE, "utf-8")
    [doc] = documents(read(path))
    assert doc.document.title == "From front matter"
    assert doc.text.endswith(ARTICLE)


# -- HTML ----------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>Jarablus | Wire</title>
<meta property="og:site_name" content="Levant Wire"><meta name="date" content="2016-08-24">
<link rel="canonical" href="https://example.org/jarablus">
<script>var leaked = "SCRIPT-TEXT";</script><style>p { color: red } /* STYLE-TEXT */</style>
</head><body><nav><a href="/">Home</a> NAV-TEXT</nav>
<article><h1>Rebels take Jarablus</h1>
<p>Turkish tanks and Syrian rebels of the Sultan Murad Division took Jarablus from Islamic State
on Wednesday, meeting little resistance, rebel commanders said.</p>
<p>The US-led coalition said it provided air support. The Kurdish-led SDF condemned the
incursion, which Turkey said was aimed at both Islamic State and the YPG.</p></article>
<script>document.write("SECOND-SCRIPT")</script></body></html>"""


def test_html_keeps_main_text_and_drops_scripts_styles_and_navigation(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = documents(read(path))
    assert "Sultan Murad Division took Jarablus" in doc.text
    for dropped in ("SCRIPT-TEXT", "SECOND-SCRIPT", "STYLE-TEXT", "NAV-TEXT", "color: red"):
        assert dropped not in doc.text
    assert doc.document.source == "Levant Wire"
    assert doc.document.date == date(2016, 8, 24)
    assert doc.document.url == "https://example.org/jarablus"
    assert "Jarablus" in doc.document.title


def test_html_without_text_is_skipped_with_reason(tmp_path: Path) -> None:
    path = tmp_path / "empty.htm"
    path.write_text("<html><head><script>alert(1)</script></head><body></body></html>", "utf-8")
    [skip] = skips(read(path))
    assert skip.reason is SkipReason.NO_TEXT
    assert skip.path == str(path)


# -- JSON Lines ----------------------------------------------------------------------------------


def test_jsonl_reads_one_document_per_line_with_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": "The SAA attacked ISIS near Palmyra.", "title": "One",
                    "source": "Wire", "date": "2016-03-01", "url": "https://example.org/1"}),
        "",
        json.dumps({"text": "Turkey shelled the YPG near Azaz.", "outlet": "Other"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = documents(read(path))
    assert [d.document.path for d in docs] == [f"{path}:1", f"{path}:3"]
    assert docs[0].document.title == "One"
    assert docs[0].document.date == date(2016, 3, 1)
    # No "source" key: the "outlet" key is the fallback.
    assert docs[1].document.source == "Other"


def test_malformed_jsonl_line_is_skipped_and_the_rest_load(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"text": "First story about the SDF."}) + "\n"
        + '{"text": "broken\n'
        + "[1, 2, 3]\n"
        + json.dumps({"body": "no text key"}) + "\n"
        + json.dumps({"text": "Last story about ISIS."}) + "\n",
        encoding="utf-8",
    )
    items = read(path)
    assert [d.text for d in documents(items)] == [
        "First story about the SDF.", "Last story about ISIS."]
    by_line = {s.line: s for s in skips(items)}
    assert set(by_line) == {2, 3, 4}
    assert by_line[2].reason is SkipReason.MALFORMED and "not valid JSON" in by_line[2].message
    assert by_line[3].reason is SkipReason.MALFORMED and "JSON object" in by_line[3].message
    assert by_line[4].reason is SkipReason.MISSING_FIELD and "'text'" in by_line[4].message
    assert str(by_line[2]).startswith(f"{path}:2: ")


def test_jsonl_custom_fields(tmp_path: Path) -> None:
    path = tmp_path / "custom.jsonl"
    path.write_text(json.dumps({"body": ARTICLE, "headline": "H", "published": "2016-02-15",
                                "link": "https://example.org/x", "site": "Site"}) + "\n", "utf-8")
    [doc] = documents(read(path, text_field="body", title_field="headline",
                           date_field="published", url_field="link", outlet_field="site"))
    meta = doc.document
    assert (meta.title, meta.source, meta.url) == ("H", "Site", "https://example.org/x")
    assert meta.date == date(2016, 2, 15)


# -- CSV -----------------------------------------------------------------------------------------


def test_csv_rows_become_documents_with_quoted_multiline_text(tmp_path: Path) -> None:
    path = tmp_path / "briefs.csv"
    path.write_text(
        'Title,Outlet,Date,URL,Text\n'
        'One,Think Tank,2016-08-31,https://example.org/1,'
        '"First paragraph.\n\nSecond, with comma."\n'
        'Two,Think Tank,2016-12-23,https://example.org/2,The SAA took Aleppo.\n',
        encoding="utf-8",
    )
    docs = documents(read(path))
    assert [d.document.title for d in docs] == ["One", "Two"]
    assert docs[0].text == "First paragraph.\n\nSecond, with comma."
    assert docs[0].document.source == "Think Tank"
    # Records are traced to the line they start on.
    assert [d.document.path for d in docs] == [f"{path}:2", f"{path}:5"]


def test_csv_without_text_column_is_one_clear_skip(tmp_path: Path) -> None:
    path = tmp_path / "no-text.csv"
    path.write_text("title,body\nA,The SDF took Manbij.\n", encoding="utf-8")
    [skip] = skips(read(path))
    assert skip.reason is SkipReason.MISSING_FIELD
    assert "'text'" in skip.message and "'body'" in skip.message
    assert "--text-field" in skip.message
    # Naming the column fixes it.
    [doc] = documents(read(path, text_field="body"))
    assert doc.text == "The SDF took Manbij."


def test_tsv_is_tab_separated(tmp_path: Path) -> None:
    path = tmp_path / "rows.tsv"
    path.write_text("text\ttitle\nThe YPG held Sheikh Maqsoud, a district.\tT\n", "utf-8")
    [doc] = documents(read(path))
    assert doc.text == "The YPG held Sheikh Maqsoud, a district."


# -- folders, globs, duplicates, overrides --------------------------------------------------------


def test_folder_is_walked_recursively_and_filtered_by_glob(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b").mkdir()
    (tmp_path / "a" / "one.txt").write_text("One about the SDF.", "utf-8")
    (tmp_path / "a" / "b" / "two.txt").write_text("Two about ISIS.", "utf-8")
    (tmp_path / "a" / "b" / "three.md").write_text("Three about the SAA.", "utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", "utf-8")
    (tmp_path / "README.md").write_text("About this folder.", "utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    items = read(tmp_path)
    assert sorted(d.text for d in documents(items)) == [
        "One about the SDF.", "Three about the SAA.", "Two about ISIS."]
    ignored = {Path(s.path).name: s for s in skips(items)}
    assert set(ignored) == {"README.md", "photo.png"}
    assert not any(s.is_failure for s in ignored.values())
    only_txt = documents(read(tmp_path, glob="**/*.txt"))
    assert sorted(d.text for d in only_txt) == ["One about the SDF.", "Two about ISIS."]


def test_same_text_twice_is_one_document_and_a_duplicate(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    second = tmp_path / "b.jsonl"
    first.write_text("Title: A\n\nThe SDF   took\nManbij.", "utf-8")
    second.write_text(json.dumps({"text": "The SDF took Manbij.", "title": "B"}) + "\n", "utf-8")
    items = read(first, second, first)
    assert len(documents(items)) == 1
    duplicates = skips(items)
    assert [s.reason for s in duplicates] == [SkipReason.DUPLICATE, SkipReason.DUPLICATE]
    assert str(first) in duplicates[0].message
    assert not any(s.is_failure for s in duplicates)


def test_overrides_win_over_file_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title: Old\nSource: Old outlet\n\n" + ARTICLE, "utf-8")
    overrides = MetadataOverrides(source="Given outlet", date=date(2016, 2, 1))
    [doc] = documents(read(path, overrides=overrides))
    assert doc.document.source == "Given outlet"
    assert doc.document.date == date(2016, 2, 1)
    assert doc.document.title == "Old"


def test_missing_path_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, "utf-8")
    items = read(tmp_path / "nope.txt", good)
    [skip] = skips(items)
    assert skip.reason is SkipReason.MISSING and "no such file" in skip.message
    assert len(documents(items)) == 1


def test_reading_is_lazy(tmp_path: Path) -> None:
    first = tmp_path / "1.txt"
    later = tmp_path / "2.txt"
    first.write_text("First about the SAA.", "utf-8")
    stream = read_sources([first, later])
    assert isinstance(next(stream), SourceText)
    # The second file is only looked at when the caller asks for it.
    later.write_text("Second about the SDF.", "utf-8")
    [second] = list(stream)
    assert isinstance(second, SourceText) and second.text == "Second about the SDF."


# -- encodings, binary and empty files -------------------------------------------------------------

LATIN = "Jabhat al-Shamîya and the régime’s forces clashed near Tal Rifaat, café owners said."


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
     ("utf-16-be", b"\xfe\xff"), ("cp1252", b"")],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "cp1252"],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "enc.txt"
    path.write_bytes(bom + f"Title: Encoded\n\n{LATIN}\n".encode(encoding))
    [doc] = documents(read(path))
    assert doc.text == LATIN
    assert doc.document.title == "Encoded"


def test_latin1_csv_is_read(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(f'text\n"{LATIN.replace("’", chr(39))}"\n'.encode("latin-1"))
    [doc] = documents(read(path))
    assert "Shamîya" in doc.text and "régime" in doc.text


def test_utf16_tsv_as_excel_exports_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "excel.tsv"
    path.write_bytes("text\ttitle\r\nThe régime’s forces shelled Anadan.\tA\r\n".encode("utf-16"))
    [doc] = documents(read(path))
    assert doc.text == "The régime’s forces shelled Anadan."
    assert doc.document.title == "A"


def test_binary_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    [skip] = skips(read(path))
    assert skip.reason is SkipReason.BINARY and "binary" in skip.message


@pytest.mark.parametrize(
    "content", [b"", b"   \n\n\t", b"Title: Only a header\nDate: 2016-01-01\n"]
)
def test_empty_files_are_skipped(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    [skip] = skips(read(path))
    assert skip.reason is SkipReason.EMPTY
    assert skip.is_failure


# -- size limits ---------------------------------------------------------------------------------


def test_50_mb_text_file_is_refused_quickly_with_the_limit_named(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing 50 MB
    fh_started = time.perf_counter()
    items = read(path)
    assert time.perf_counter() - fh_started < 2.0
    [skip] = skips(items)
    assert skip.reason is SkipReason.TOO_LARGE
    assert "50.0 MB" in skip.message and "--max-bytes" in skip.message
    # With a higher limit the file is opened (and found to be NUL bytes, so binary).
    [again] = skips(read(path, max_bytes=64 * 1024 * 1024))
    assert again.reason is SkipReason.BINARY


def _peak_rss_while(work: Callable[[], int]) -> tuple[int, int]:
    """Run ``work`` and return its result and the peak resident memory growth, sampled."""
    process = psutil.Process()
    baseline = process.memory_info().rss
    peak = baseline
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, process.memory_info().rss)
            done.wait(0.005)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        result = work()
    finally:
        done.set()
        sampler.join()
    return result, peak - baseline


@pytest.mark.slow
def test_50_mb_jsonl_streams_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    # Article-sized records (~4 KB), like a real news feed.
    body = "The SDF attacked ISIS near Manbij while Turkey shelled the YPG. " * 64
    size = 0
    count = 0
    with path.open("w", encoding="utf-8") as fh:
        while size < 50 * 1024 * 1024:
            row = json.dumps({"text": f"{body}{count}", "title": f"#{count}"}) + "\n"
            fh.write(row)
            size += len(row)
            count += 1

    def read_all() -> int:
        return sum(1 for item in read_sources([path]) if isinstance(item, SourceText))

    read_count, growth = _peak_rss_while(read_all)
    assert read_count == count
    # Reading the whole file at once would need at least its 50 MB.
    assert growth < 25 * 1024 * 1024


def test_over_long_jsonl_line_is_skipped_and_the_next_line_read(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text(
        json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": "Short one."}) + "\n",
        encoding="utf-8",
    )
    items = read(path, max_bytes=1000)
    [skip] = skips(items)
    assert (skip.reason, skip.line) == (SkipReason.TOO_LARGE, 1)
    assert [d.text for d in documents(items)] == ["Short one."]


def test_max_bytes_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="max-bytes"):
        read_sources([tmp_path], max_bytes=0)


# -- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2016-02-15", date(2016, 2, 15)), ("2016-02-15T10:00:00+03:00", date(2016, 2, 15)),
     ("Feb 15, 2016", date(2016, 2, 15)), ("15 February 2016", date(2016, 2, 15)),
     ("", None), ("not a date", None)],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected
