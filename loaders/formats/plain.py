"""Plain text and Markdown, each with an optional metadata header.

Two header forms are recognised at the very top of a file (see ``docs/ingest.md``):

* YAML front matter between ``---`` lines;
* ``Key: value`` lines, one per line, ended by a blank line, where every key is one of
  ``Title``, ``Source``/``Outlet``/``Publisher``, ``Date``/``Published`` and ``URL``/``Link``.

A first line with any other key (``Update: ...``) is article text, so prose is never eaten.
Markdown is rendered to plain text with markdown-it-py; inline HTML stays as literal text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from loaders.formats import RawDocument

# Header keys and the metadata field each one fills.
HEADER_KEYS: Mapping[str, str] = {
    "title": "title",
    "headline": "title",
    "source": "source",
    "outlet": "source",
    "publisher": "source",
    "date": "date",
    "published": "date",
    "url": "url",
    "link": "url",
}
_HEADER_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,20}?)\s*:\s*(.*?)\s*$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MAX_TITLE_CHARS = 200


def unify_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; a stray byte-order mark is dropped."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _metadata_from_mapping(values: Mapping[object, object]) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, value in values.items():
        field = HEADER_KEYS.get(str(key).strip().lower())
        if field and value is not None and field not in found:
            found[field] = str(value).strip()
    return found


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Metadata from a header at the top of ``text``, and the text after it.

    >>> split_header("Title: Menagh falls\\nDate: 2016-02-11\\n\\nThe SDF took it.")
    ({'title': 'Menagh falls', 'date': '2016-02-11'}, 'The SDF took it.')
    >>> split_header("Update: more fighting.\\nThe SAA shelled it.")[0]
    {}
    """
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            values = yaml.safe_load(match.group(1) or "")
        except yaml.YAMLError:
            values = None
        if isinstance(values, dict):
            return _metadata_from_mapping(values), text[match.end():]
    found: dict[str, str] = {}
    lines = text.split("\n")
    consumed = 0
    for line in lines:
        if not line.strip():
            if found:
                consumed += 1
            break
        header = _HEADER_LINE.match(line)
        if header is None or header.group(1).strip().lower() not in HEADER_KEYS:
            break
        field = HEADER_KEYS[header.group(1).strip().lower()]
        found.setdefault(field, header.group(2))
        consumed += 1
    else:
        # Every line was a header line: there is no text at all.
        return found, ""
    if not found:
        return {}, text
    return found, "\n".join(lines[consumed:])


def _first_line_title(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()[:_MAX_TITLE_CHARS]
    return ""


def read_plain(text: str) -> RawDocument:
    """A plain-text document: header metadata, else its first line as the title."""
    meta, body = split_header(unify_newlines(text).lstrip())
    body = body.strip()
    return RawDocument(
        text=body,
        title=meta.get("title") or _first_line_title(body),
        source=meta.get("source", ""),
        url=meta.get("url", ""),
        date=meta.get("date", ""),
    )


_BLOCK_CLOSE = {
    "paragraph_close", "heading_close", "blockquote_close", "list_item_close",
    "bullet_list_close", "ordered_list_close", "table_close", "tr_close",
}


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            # The alt text is what a reader of the article would see in its place.
            parts.append(_inline_text(child))
    return "".join(parts)


def markdown_to_text(source: str) -> tuple[str, str]:
    """Plain text of a Markdown document and its first heading (``""`` when it has none).

    Paragraphs, headings and list items become paragraphs of their own; emphasis, links and
    images keep only their visible text; raw HTML stays as literal, inert text.

    >>> markdown_to_text("# Tal Rifaat\\n\\nThe **SDF** [took](https://example.org) it.")
    ('Tal Rifaat\\n\\nThe SDF took it.', 'Tal Rifaat')
    """
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    blocks: list[str] = []
    current: list[str] = []
    title = ""
    in_heading = False
    for token in tokens:
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "inline":
            text = _inline_text(token)
            current.append(text)
            if in_heading and not title:
                title = text.strip()
        elif token.type in ("fence", "code_block", "html_block"):
            blocks.append(token.content.rstrip("\n"))
        elif token.type in ("th_close", "td_close"):
            current.append(" ")
        if token.type == "heading_close":
            in_heading = False
        if token.type in _BLOCK_CLOSE and current:
            block = "".join(current).strip()
            if block:
                blocks.append(block)
            current = []
    if current and "".join(current).strip():
        blocks.append("".join(current).strip())
    return "\n\n".join(blocks), title


def read_markdown(text: str) -> RawDocument:
    """A Markdown document: header metadata, else its first heading as the title."""
    meta, body = split_header(unify_newlines(text).lstrip())
    plain, heading = markdown_to_text(body)
    return RawDocument(
        text=plain.strip(),
        title=meta.get("title") or heading or _first_line_title(plain),
        source=meta.get("source", ""),
        url=meta.get("url", ""),
        date=meta.get("date", ""),
    )
