"""A clickable vis-network graph for Streamlit (components v2), fed by ``graph.visual``.

The JavaScript (``network.js``) builds a vis-network ``Network`` from JSON data and reports clicks
back to Python; vis-network itself is the copy pyvis ships, injected once into the page, so
nothing is fetched from a CDN. Data travels as JSON: no user string is ever interpolated into HTML
or JavaScript source.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, TypedDict

from streamlit.components.v2 import component as v2_component

COMPONENT_NAME = "allegiance_network"

_CSS = """
.allegiance-root { position: relative; font-family: var(--st-font, sans-serif); }
.allegiance-root .canvas { width: 100%; border: 1px solid rgba(128,128,128,.25);
  border-radius: .5rem; background: #ffffff; }
.allegiance-root .legend { display: flex; flex-wrap: wrap; gap: .15rem 1rem;
  padding: .35rem .25rem 0; font-size: 12px; color: #495057; }
.legend-row { display: flex; align-items: center; gap: .4rem; line-height: 1.45; }
.swatch { display: inline-block; width: 10px; height: 10px; background: var(--swatch); }
.swatch.edge { width: 18px; height: 0; border-top-width: 3px; background: none; }
.swatch.shape-dot { border-radius: 50%; }
.swatch.shape-diamond { transform: rotate(45deg) scale(.8); }
.swatch.shape-triangle { clip-path: polygon(50% 0, 100% 100%, 0 100%); }
.swatch.shape-hexagon { clip-path: polygon(25% 5%, 75% 5%, 100% 50%, 75% 95%, 25% 95%, 0 50%); }
.swatch.shape-star { clip-path: polygon(50% 0, 61% 35%, 98% 35%, 68% 57%, 79% 91%, 50% 70%,
  21% 91%, 32% 57%, 2% 35%, 39% 35%); }
div.vis-tooltip { position: absolute; visibility: hidden; padding: 6px 8px; white-space: pre-line;
  max-width: 360px; font-size: 13px; color: #212529; background: #fffef5;
  border: 1px solid #adb5bd; border-radius: 4px; box-shadow: 2px 2px 8px rgba(0,0,0,.15);
  pointer-events: none; z-index: 5; }
"""


class Clicked(TypedDict):
    """What the user clicked: ``kind`` is ``"node"`` (actor id) or ``"edge"`` (edge id)."""

    kind: Literal["node", "edge"]
    id: str


def vis_network_source() -> str:
    """The vis-network standalone bundle that pyvis ships (no network access needed)."""
    lib = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    return lib.read_text(encoding="utf-8")


@cache
def _module_js() -> str:
    template = (Path(__file__).with_name("network.js")).read_text(encoding="utf-8")
    # json.dumps gives a valid JS string literal; the module is loaded as a blob, not HTML.
    return template.replace('"__VIS_SOURCE__"', json.dumps(vis_network_source()), 1)


@cache
def _component() -> Any:
    return v2_component(COMPONENT_NAME, css=_CSS, js=_module_js())


def data_signature(data: dict[str, Any]) -> str:
    """Content hash of the drawing data: the browser redraws only when it changes."""
    blob = json.dumps([data.get("nodes"), data.get("edges"), data.get("options")],
                      sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def network(data: dict[str, Any], *, key: str, height: int = 640,
            selected: str | None = None) -> Clicked | None:
    """Draw ``data`` (from :func:`graph.visual.vis_data`); return the click of this rerun, if any.

    A click is reported once, on the rerun it triggers; callers keep it in session state.
    """
    payload = {**data, "height": height, "selected": selected,
               "signature": data_signature(data)}
    result = _component()(key=key, data=payload, height="content",
                          on_clicked_change=lambda: None)
    clicked = getattr(result, "clicked", None)
    if isinstance(clicked, dict) and clicked.get("kind") in ("node", "edge"):
        return Clicked(kind=clicked["kind"], id=str(clicked.get("id", "")))
    return None
