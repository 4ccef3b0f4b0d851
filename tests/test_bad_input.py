"""Bad input through the real commands: a clear message per file, the rest loads, honest exit codes.

Each case puts one bad input next to a good brief and runs ``allegiance ingest`` (or ``extract``)
through :func:`ui.cli.main`, as a user would. Most use the fast rule-based stand-in extractor;
the ones marked ``real extractor`` run spaCy end to end.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from graph.embedded_store import EmbeddedStore
from graph.model import GraphFilter
from loaders.extract import Extractor
from tests.fake_extraction import FakeExtractor
from ui.cli import main

GOOD = "Title: Good\nSource: Levant Wire\nDate: 2016-02-15\n\nThe SDF attacked ISIS near Manbij."
XSS = "<img src=x onerror=alert(1)>"

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def store_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "store" / "graph.json"
    monkeypatch.setenv("ALLEGIANCE_EMBEDDED_PATH", str(path))
    monkeypatch.setenv("ALLEGIANCE_STORE", "embedded")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    return path


@pytest.fixture
def run(
    store_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Run:
    """Run the CLI with the stand-in extractor; returns (exit code, stdout, stderr)."""
    monkeypatch.setattr("ui.commands.ingest.make_extractor", lambda settings: FakeExtractor())
    monkeypatch.setattr("ui.commands.extract.make_extractor", lambda settings: FakeExtractor())

    def invoke(*argv: str | Path) -> tuple[int, str, str]:
        code = main([str(arg) for arg in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


@pytest.fixture(scope="module")
def real_extractor() -> Extractor:
    return Extractor()


def stored(store_file: Path) -> EmbeddedStore:
    return EmbeddedStore.open(store_file)


def good_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def assert_rest_loaded(store_file: Path, documents: int = 1) -> None:
    store = stored(store_file)
    assert store.counts().documents == documents
    assert store.counts().claims >= 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "file is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
         "binary data"),
        ("no-text.csv", b"title,body\nA,The SAA attacked ISIS.\n",
         "no 'text' column (columns: 'title', 'body')"),
    ],
    ids=["empty", "binary", "csv-without-text-column"],
)
def test_bad_file_is_named_and_the_rest_loads(
    tmp_path: Path, run: Run, store_file: Path, name: str, content: bytes, message: str
) -> None:
    folder = good_folder(tmp_path)
    (folder / name).write_bytes(content)
    code, _, err = run("ingest", folder, "--quiet")
    assert code == 1
    assert f"skipped {folder / name}: {message}" in err
    assert_rest_loaded(store_file)


def test_malformed_jsonl_line_names_the_line_and_the_other_lines_load(
    tmp_path: Path, run: Run, store_file: Path
) -> None:
    folder = good_folder(tmp_path)
    feed = folder / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": "Turkey attacked the YPG near Azaz."}) + "\n"
        + '{"text": "cut off\n'
        + json.dumps({"text": "The SAA attacked ISIS near Palmyra."}) + "\n",
        encoding="utf-8",
    )
    code, _, err = run("ingest", folder, "--quiet")
    assert code == 1
    assert f"skipped {feed}:2: not valid JSON" in err
    assert_rest_loaded(store_file, documents=3)


def test_nonexistent_path_is_named_and_the_rest_loads(
    tmp_path: Path, run: Run, store_file: Path
) -> None:
    folder = good_folder(tmp_path)
    missing = tmp_path / "no-such-folder"
    code, _, err = run("ingest", missing, folder, "--quiet")
    assert code == 1
    assert f"skipped {missing}: no such file or folder" in err
    assert_rest_loaded(store_file)


def test_50_mb_file_is_refused_and_the_rest_loads(
    tmp_path: Path, run: Run, store_file: Path
) -> None:
    folder = good_folder(tmp_path)
    huge = folder / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    code, _, err = run("ingest", folder, "--quiet")
    assert code == 1
    assert f"skipped {huge}: file is 50.0 MB, over the 20.0 MB limit" in err
    assert "--max-bytes" in err
    assert_rest_loaded(store_file)


def test_exit_code_is_0_when_nothing_was_skipped(
    tmp_path: Path, run: Run, store_file: Path
) -> None:
    folder = good_folder(tmp_path)
    (folder / "README.md").write_text("This folder holds test briefs.", encoding="utf-8")
    code, out, _ = run("ingest", folder, "--quiet")
    assert code == 0
    assert "documents stored (new)" in out
    assert_rest_loaded(store_file)


def test_exit_code_is_2_when_nothing_could_be_read(tmp_path: Path, run: Run) -> None:
    code, _, err = run("ingest", tmp_path / "missing.txt", "--quiet")
    assert code == 2
    assert "no documents could be read" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("latin-1", b""), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")],
    ids=["latin-1", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_legacy_and_utf16_text_load_with_their_characters(
    tmp_path: Path, run: Run, store_file: Path, encoding: str, bom: bytes
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = "Title: Clashes at Tal Rifaat\n\nThe SDF attacked ISIS near Tall Rifʿat café."
    if encoding == "latin-1":
        text = text.replace("ʿ", "'")
    (folder / "legacy.txt").write_bytes(bom + text.encode(encoding))
    code, _, err = run("ingest", folder, "--quiet")
    assert code == 0, err
    [claim] = stored(store_file).claims()
    assert "café" in claim.evidence.sentence


def test_html_scripts_never_reach_the_store(tmp_path: Path, run: Run, store_file: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(
        "<html><head><title>Page</title><script>var s = 'Turkey attacked the SAA.';</script>"
        "</head><body><nav>Home | The YPG attacked ISIS.</nav><article><p>"
        + "The SDF attacked ISIS near Manbij on Friday, the alliance said in a statement. " * 3
        + "</p></article><script>alert('The SAA allied with ISIS.')</script></body></html>",
        encoding="utf-8",
    )
    code, _, err = run("ingest", folder, "--quiet")
    assert code == 0, err
    store = stored(store_file)
    pairs = {(c.source, c.target) for c in store.claims()}
    assert pairs == {("sdf", "isis")}


def test_markup_is_stored_and_returned_as_inert_text(
    tmp_path: Path, run: Run, store_file: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "xss.txt").write_text(
        f"Title: {XSS}\n\nThe SDF attacked ISIS {XSS} near Manbij.", encoding="utf-8"
    )
    code, _, _ = run("ingest", folder, "--quiet")
    assert code == 0
    reopened = stored(store_file)  # a round trip through the file on disk
    [document] = reopened.documents()
    assert document.title == XSS
    [claim] = reopened.claims()
    assert XSS in claim.evidence.sentence  # exactly the characters, neither run nor escaped


# -- extract: prints, never touches a store ------------------------------------------------


def test_extract_prints_one_line_per_document_and_touches_no_store(
    tmp_path: Path, run: Run, store_file: Path
) -> None:
    folder = good_folder(tmp_path)
    (folder / "second.txt").write_text("Turkey attacked the YPG near Azaz.", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    code, out, err = run("extract", folder, "--format", "jsonl")
    assert code == 1
    assert f"skipped {folder / 'empty.txt'}: file is empty" in err
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 2
    for payload in lines:
        assert set(payload) >= {"documents", "actors", "relations", "places"}
        assert len(payload["documents"]) == 1
    assert not store_file.exists()


def test_extract_json_is_one_object_with_cli_metadata(tmp_path: Path, run: Run) -> None:
    folder = good_folder(tmp_path)
    code, out, _ = run("extract", folder, "--source", "Given Outlet", "--date", "2016-03-01")
    assert code == 0
    payload = json.loads(out)
    [document] = payload["documents"]
    assert document["source"] == "Given Outlet"
    assert document["date"] == "2016-03-01"


def test_bad_date_flag_is_a_clear_error(tmp_path: Path, run: Run) -> None:
    code, _, err = run("extract", good_folder(tmp_path), "--date", "yesterday")
    assert code == 2
    assert "--date 'yesterday' is not a date" in err


# -- fatal errors: one line, no traceback --------------------------------------------------


def test_unreachable_neo4j_is_one_line_and_exit_3(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    code, _, err = run("ingest", good_folder(tmp_path), "--store", "neo4j", "--quiet")
    assert code == 3
    assert err.startswith("error: ")
    assert "Traceback" not in err


# -- the real extractor, end to end --------------------------------------------------------------


def test_real_extractor_ingest_with_bad_neighbours(
    tmp_path: Path, run: Run, store_file: Path, monkeypatch: pytest.MonkeyPatch,
    real_extractor: Extractor,
) -> None:
    """real extractor: good briefs load with their claims next to every kind of bad file."""
    monkeypatch.setattr("ui.commands.ingest.make_extractor", lambda settings: real_extractor)
    folder = good_folder(tmp_path)
    (folder / "latin.txt").write_bytes(
        "Title: Menagh\n\nThe Syrian Democratic Forces captured Menagh airbase from rebels, "
        "and Turkey shelled the YPG near Azaz, a caf\u00e9 owner said.".encode("latin-1"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "feed.jsonl").write_text('{"text": broken}\n', encoding="utf-8")
    code, _, err = run("ingest", folder, "--quiet")
    assert code == 1
    assert "empty.txt: file is empty" in err
    assert "feed.jsonl:1: not valid JSON" in err
    store = stored(store_file)
    assert store.counts().documents == 2
    relations = {(r.source, r.target, r.type.value) for r in store.relations(GraphFilter())}
    assert any(kind == "hostility" for _, _, kind in relations), relations


def test_real_extractor_extract_output_shape(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch, real_extractor: Extractor
) -> None:
    """real extractor: the documented JSON shape, with evidence pointing into the text."""
    monkeypatch.setattr("ui.commands.extract.make_extractor", lambda settings: real_extractor)
    folder = good_folder(tmp_path)
    code, out, _ = run("extract", folder)
    assert code == 0
    payload = json.loads(out)
    [document] = payload["documents"]
    assert {"id", "title", "source", "url", "date"} <= set(document)
    assert payload["relations"], payload
    relation = payload["relations"][0]
    assert {"source", "target", "type", "polarity", "confidence", "hedged", "negated", "date",
            "evidence"} <= set(relation)
    evidence = relation["evidence"][0]
    body = GOOD.split("\n\n", 1)[1]
    assert body[evidence["start"]:evidence["end"]] == evidence["sentence"]


# -- a rule that raises on one document ----------------------------------------------------------

BREAKS = "Title: Breaks\n\nThe SAA shelled Jaysh al-Islam in Douma, a TRIPWIRE said."


@pytest.fixture
def tripwire(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the relation rules raise on any document that says TRIPWIRE, as a rule bug would."""
    from loaders.relations import DocRelations

    run_rules = DocRelations.run

    def run_or_raise(self: DocRelations) -> None:
        if "TRIPWIRE" in self.doc.text:
            raise RecursionError("maximum recursion depth exceeded")
        run_rules(self)

    monkeypatch.setattr(DocRelations, "run", run_or_raise)


@pytest.mark.parametrize("processes", ["1", "2"])
def test_real_extractor_a_rule_error_skips_only_its_document(
    tmp_path: Path, run: Run, store_file: Path, monkeypatch: pytest.MonkeyPatch,
    real_extractor: Extractor, tripwire: None, processes: str,
) -> None:
    """real extractor: the document a rule raised on is named and skipped; the others load."""
    monkeypatch.setattr("ui.commands.ingest.make_extractor", lambda settings: real_extractor)
    folder = good_folder(tmp_path)
    (folder / "breaks.txt").write_text(BREAKS, encoding="utf-8")
    (folder / "later.txt").write_text(GOOD.replace("Manbij", "Tabqa"), encoding="utf-8")
    code, _, err = run("ingest", folder, "--quiet", "--processes", processes, "--batch-docs", "1")
    assert code == 1
    assert "Traceback" not in err
    assert "breaks.txt: extraction failed in RelationExtractor: RecursionError" in err
    store = stored(store_file)
    assert store.counts().documents == 2
    assert {d.title for d in store.documents()} == {"Good"}
    assert store.counts().claims >= 2


def test_real_extractor_extract_names_the_failed_document(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch, real_extractor: Extractor,
    tripwire: None,
) -> None:
    """real extractor: ``extract`` prints the others and exits 1; only failures is exit 2."""
    monkeypatch.setattr("ui.commands.extract.make_extractor", lambda settings: real_extractor)
    folder = good_folder(tmp_path)
    (folder / "breaks.txt").write_text(BREAKS, encoding="utf-8")
    code, out, err = run("extract", folder)
    assert code == 1
    assert "breaks.txt: extraction failed" in err
    assert [d["title"] for d in json.loads(out)["documents"]] == ["Good"]
    lonely = tmp_path / "lonely.txt"
    lonely.write_text(BREAKS, encoding="utf-8")
    code, _, err = run("extract", lonely)
    assert code == 2
    assert "no documents could be read" in err
