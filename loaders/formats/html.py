"""HTML pages: the article's main text only, via trafilatura.

Scripts, styles, navigation, footers and boilerplate are dropped by trafilatura's main-content
extraction; ``<nav>`` elements are also pruned up front because trafilatura keeps everything on
very short pages. Title, date, canonical URL and site name come from the page's metadata.
"""

from __future__ import annotations

from typing import Any

import trafilatura

from loaders.formats import RawDocument, Skip, SkipReason

# Elements that are never article text, removed before extraction.
_PRUNE = ["//nav", "//script", "//style", "//noscript", "//template"]


def read_html(html: str) -> RawDocument | Skip:
    """Main text and metadata of one HTML page, or a :class:`Skip` when it has no text."""
    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        prune_xpath=_PRUNE,
    )
    if result is None:
        return Skip(SkipReason.NO_TEXT, "no article text found in the HTML page")
    meta: dict[str, Any] = result if isinstance(result, dict) else result.as_dict()
    text = str(meta.get("text") or "").strip()
    if not text:
        return Skip(SkipReason.NO_TEXT, "no article text found in the HTML page")
    return RawDocument(
        text=text,
        title=str(meta.get("title") or ""),
        source=str(meta.get("sitename") or meta.get("hostname") or ""),
        url=str(meta.get("url") or ""),
        date=str(meta.get("date") or ""),
    )
