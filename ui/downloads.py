"""Download buttons for snapshots of the current view, one per export format.

Pages call :func:`render_downloads` with the store, the filters and (when the page already has
it) the subgraph on screen. Files are built only when a button is clicked, on Streamlit's
download thread, so showing the buttons costs nothing on reruns.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import streamlit as st

from graph.export import FORMATS, ExportFormat, default_filename, render, take_snapshot, utc_now_iso
from graph.model import GraphFilter, Subgraph
from graph.store import GraphStore
from graph.visual import ColorBy


def snapshot_builder(
    store: GraphStore,
    filters: GraphFilter,
    fmt: ExportFormat,
    *,
    subgraph: Subgraph | None = None,
    title: str = "Allegiance snapshot",
    color_by: ColorBy = "kind",
    blocs: Mapping[str, int] | None = None,
) -> Callable[[], bytes]:
    """A no-argument function that reads the snapshot and returns it in ``fmt``.

    ``subgraph`` (what the page shows) is reused as is; claims, documents and metadata are read
    when the function runs.
    """

    def build() -> bytes:
        snapshot = take_snapshot(store, filters, subgraph=subgraph, title=title)
        return render(snapshot, fmt, color_by=color_by, blocs=blocs)

    return build


def render_downloads(
    store: GraphStore,
    filters: GraphFilter,
    subgraph: Subgraph | None = None,
    *,
    formats: Sequence[ExportFormat] = tuple(FORMATS),
    title: str = "Allegiance snapshot",
    color_by: ColorBy = "kind",
    blocs: Mapping[str, int] | None = None,
    key_prefix: str = "snapshot",
    columns: int = 3,
) -> None:
    """Show one ``st.download_button`` per format for the current view.

    Parameters
    ----------
    store
        The store the page reads (its ``name`` goes into the metadata and file names).
    filters
        The filters of the current view; they are written into every snapshot.
    subgraph
        The subgraph on screen, when the page has it (saves a second read); else it is read.
    formats
        Which formats to offer, in order (default: all of :data:`graph.export.FORMATS`).
    title
        Title written into the snapshot (HTML heading, PNG title, metadata).
    color_by, blocs
        The app's current node colouring, so the HTML page looks like the view.
    key_prefix
        Prefix of the widget keys; give each call on one page its own.
    columns
        Buttons per row.

    Examples
    --------
    In a page script::

        sub = cached_subgraph(store, filters)
        with st.expander("Download this view"):
            render_downloads(store, filters, sub, color_by=color_by)
    """
    # One timestamp for the whole row of buttons; the file's metadata keeps the exact time.
    created = utc_now_iso()
    cells = st.columns(max(1, min(columns, len(formats)))) if formats else []
    for index, fmt in enumerate(formats):
        info = FORMATS[fmt]
        with cells[index % len(cells)]:
            st.download_button(
                info.label,
                data=snapshot_builder(store, filters, fmt, subgraph=subgraph, title=title,
                                      color_by=color_by, blocs=blocs),
                file_name=default_filename(store.name, fmt, created),
                mime=info.mime,
                key=f"{key_prefix}-{fmt}",
                on_click="ignore",
                icon=":material/download:",
                width="stretch",
            )
