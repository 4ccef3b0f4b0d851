"""Streamlit building blocks shared by the pages: details panels, evidence, empty states.

Every string that comes from a document (actor names, sentences, titles, outlets, links) reaches
the page as text: through :func:`md_escape` for Markdown, :func:`html.escape` for the few HTML
fragments (rendered with ``st.html``, which also sanitises), and links only when they are
absolute ``http(s)`` URLs.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import urlsplit

import streamlit as st

from graph.model import (
    Actor,
    ActorPath,
    Claim,
    Document,
    GraphFilter,
    Polarity,
    RelationType,
    Subgraph,
)
from graph.store import GraphStore
from graph.visual import kind_label, relation_label
from ui import state
from ui.ingest import IngestSummary

DETAIL_ALIASES = 12
SAMPLE_CORPUS = Path(__file__).resolve().parent.parent / "data" / "sample"

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&])")


def md_escape(text: str) -> str:
    """Text that Markdown shows literally: no links, emphasis, HTML or LaTeX.

    >>> md_escape("[x](javascript:alert(1)) <b>")
    '\\\\[x\\\\]\\\\(javascript\\\\:alert\\\\(1\\\\)\\\\) \\\\<b\\\\>'
    """
    return _MD_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def safe_url(url: str) -> str:
    """``url`` when it is an absolute http(s) link, else ``""``.

    >>> safe_url("https://example.org/x"), safe_url("javascript:alert(1)"), safe_url("/a")
    ('https://example.org/x', '', '')
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else ""


def highlight_sentence(claim: Claim) -> str:
    """The evidence sentence as escaped HTML with each actor mention in ``<mark>``.

    Offsets come from the extraction; overlapping or out-of-range mentions are skipped.

    >>> from graph.model import Claim, Evidence, Mention
    >>> ev = Evidence(doc="d" * 8, sentence="<b>A</b> fought B.", start=0, end=17,
    ...               mentions=(Mention(actor="b", start=16, end=17, text="B"),))
    >>> highlight_sentence(Claim(source="a", target="b", type="hostility", polarity="hostile",
    ...                          evidence=ev))
    '&lt;b&gt;A&lt;/b&gt; fought <mark>B</mark>.'
    """
    sentence = claim.evidence.sentence
    out: list[str] = []
    cursor = 0
    for mention in sorted(claim.evidence.mentions, key=lambda m: (m.start, m.end)):
        if mention.start < cursor or mention.end > len(sentence) or mention.end <= mention.start:
            continue
        out.append(html.escape(sentence[cursor:mention.start]))
        out.append(f"<mark>{html.escape(sentence[mention.start:mention.end])}</mark>")
        cursor = mention.end
    out.append(html.escape(sentence[cursor:]))
    return "".join(out)


def claim_flags(claim: Claim) -> list[str]:
    """Short labels for what qualifies a claim."""
    flags = []
    if claim.negated:
        flags.append("negated")
    if claim.hedged:
        flags.append("hedged")
    return flags


def claim_card_html(claim: Claim, doc: Document | None, names: Mapping[str, str]) -> str:
    """One claim as an escaped HTML card: sentence, relation, flags, document, outlet, date."""
    source = html.escape(names.get(claim.source, claim.source))
    target = html.escape(names.get(claim.target, claim.target))
    colour = "#e03131" if claim.polarity is Polarity.HOSTILE else "#1c7ed6"
    flags = "".join(f'<span class="flag">{html.escape(f)}</span>' for f in claim_flags(claim))
    day = claim.date or (doc.date if doc else None)
    title = html.escape(doc.title) if doc and doc.title else "(untitled document)"
    link = safe_url(doc.url) if doc else ""
    title_html = (f'<a href="{html.escape(link, quote=True)}" target="_blank" '
                  f'rel="noopener noreferrer">{title}</a>' if link else title)
    outlet = html.escape(doc.source) if doc and doc.source else "unknown outlet"
    return (
        '<div class="claim" style="border-left:4px solid ' + colour + ';padding:.3rem .6rem;'
        'margin:.4rem 0;background:rgba(128,128,128,.06);border-radius:4px">'
        f'<div style="font-size:.85rem;color:#555"><b>{source}</b> '
        f'{html.escape(relation_label(claim.type))} <b>{target}</b> · confidence '
        f'{claim.confidence:.2f} {flags}</div>'
        f'<div style="margin:.25rem 0">{highlight_sentence(claim)}</div>'
        f'<div style="font-size:.8rem;color:#666">{title_html} · {outlet} · '
        f'{html.escape(str(day) if day else "undated")}</div></div>'
    )


_CARD_STYLE = (
    "<style>.claim mark{background:#fff3bf;padding:0 .1em;border-radius:2px}"
    ".claim .flag{display:inline-block;margin-left:.3rem;padding:0 .35rem;border-radius:.6rem;"
    "background:#ffe3e3;color:#c92a2a;font-size:.75rem}</style>"
)


def show_claims(claims: list[Claim], docs: Mapping[str, Document], names: Mapping[str, str]
                ) -> None:
    """Render claims as escaped HTML cards (``st.html`` also sanitises with DOMPurify)."""
    cards = [claim_card_html(c, docs.get(c.evidence.doc), names) for c in claims]
    st.html(_CARD_STYLE + "".join(cards))


def cell_text(value: object) -> object:
    """A console result value for a table cell: nodes, relationships and paths in short form.

    >>> cell_text({"element_id": "1", "labels": ["Actor"], "properties": {"name": "SAA"}})
    '(:Actor SAA)'
    >>> cell_text({"element_id": "9", "type": "FIGHTS", "start": "1", "end": "2",
    ...            "properties": {"claims": 3}})
    '[:FIGHTS claims=3]'
    >>> cell_text(3), cell_text(["a", 1])
    (3, '["a", 1]')
    """
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, dict) and "labels" in value and "element_id" in value:
        props = value.get("properties") or {}
        name = props.get("name") or props.get("title") or props.get("id") or value["element_id"]
        return f"(:{':'.join(value['labels'])} {name})"
    if isinstance(value, dict) and {"type", "start", "end"} <= value.keys():
        props = value.get("properties") or {}
        facts = " ".join(f"{k}={props[k]}" for k in ("claims", "outlets") if k in props)
        return f"[:{value['type']}{' ' + facts if facts else ''}]"
    if isinstance(value, dict) and {"nodes", "relationships"} <= value.keys():
        names = [str(cell_text(n)) for n in value["nodes"]]
        types = [str(cell_text(r)) for r in value["relationships"]]
        steps = [names[0]] if names else []
        for rel_text, node_text in zip(types, names[1:], strict=False):
            steps += [f"-{rel_text}-", node_text]
        return " ".join(steps)
    return json.dumps(value, default=str, ensure_ascii=False)


def neighbours_by_relation(actor_id: str, subgraph: Subgraph) -> dict[str, list[str]]:
    """Neighbour ids of an actor grouped by relation label (with direction for directed ones)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for rel in subgraph.relations:
        if actor_id not in (rel.source, rel.target):
            continue
        label = relation_label(rel.type)
        if rel.type.directed:
            label += " (to)" if rel.source == actor_id else " (from)"
        other = rel.target if rel.source == actor_id else rel.source
        if other not in groups[label]:
            groups[label].append(other)
    return dict(sorted(groups.items()))


def actor_details(store: GraphStore, key: str, actor_id: str) -> None:
    """Panel for one actor: kind, standing, aliases and neighbours grouped by relation."""
    found = state.actor(store, key, actor_id)
    if found is None:
        st.info("This actor is no longer in the store.")
        return
    st.subheader(md_escape(found.name))
    standing = "curated" if found.curated else "discovered (not curated)"
    st.caption(f"{md_escape(kind_label(found.kind))} · {standing} · id `{found.id}`")
    shown = ", ".join(md_escape(a) for a in found.aliases[:DETAIL_ALIASES]) or "none"
    st.markdown("**Aliases:** " + shown)
    if len(found.aliases) > DETAIL_ALIASES:
        with st.expander(f"{len(found.aliases) - DETAIL_ALIASES} more aliases"):
            st.markdown(", ".join(md_escape(a) for a in found.aliases[DETAIL_ALIASES:]))
    near = state.neighbourhood(store, key, actor_id, 1)
    names = {a.id: a.name for a in near.actors}
    groups = neighbours_by_relation(actor_id, near)
    if not groups:
        st.caption("No relations recorded.")
    for label, others in groups.items():
        st.markdown(f"**{md_escape(label)}:** "
                    + ", ".join(md_escape(names.get(o, o)) for o in others))


def edge_details(store: GraphStore, key: str, source: str, target: str,
                 type_: RelationType) -> None:
    """Panel for one edge: every claim between the pair of that type, negated ones too."""
    claims = state.evidence(store, key, source, target, type_)
    names = {}
    for actor_id in (source, target):
        found = state.actor(store, key, actor_id)
        names[actor_id] = found.name if found else actor_id
    label = relation_label(type_)
    st.subheader(f"{md_escape(names[source])} · {md_escape(label)} · {md_escape(names[target])}")
    if not claims:
        st.info("No claims found for this edge.")
        return
    docs = state.documents(store, key, tuple(sorted({c.evidence.doc for c in claims})))
    negated = sum(c.negated for c in claims)
    st.caption(f"{len(claims)} claims from {len(docs)} documents"
               + (f" ({negated} negated, not counted in the edge)" if negated else ""))
    show_claims(claims, docs, names)


def path_text(path: ActorPath, names: Mapping[str, str]) -> str:
    """A path as escaped Markdown with each step's sign: ``A —(+ alliance)— B —(− fights)— C``."""
    parts = [f"**{md_escape(names.get(path.actors[0], path.actors[0]))}**"]
    for actor_id, step in zip(path.actors[1:], path.steps, strict=True):
        sign = "+" if step.polarity is Polarity.ALLY else "−"
        colour = "blue" if step.polarity is Polarity.ALLY else "red"
        parts.append(f":{colour}[({sign} {md_escape(relation_label(step.type))})]")
        parts.append(f"**{md_escape(names.get(actor_id, actor_id))}**")
    overall = "ally (+)" if path.sign > 0 else "hostile (−)"
    return " → ".join(parts) + f"  ·  net sign: {overall}"


def actor_label(actor: Actor) -> str:
    """Picker label: name plus kind, so namesakes can be told apart."""
    return f"{actor.name} ({kind_label(actor.kind)})"


def empty_state(store: GraphStore) -> None:
    """Explain an empty store and offer to ingest the bundled sample corpus."""
    st.info("The store is empty. Load the sample corpus from a terminal:\n\n"
            "```\nallegiance ingest data/sample\n```\n\nthen reload this page.")
    if SAMPLE_CORPUS.is_dir() and st.button("Ingest the sample corpus now", type="primary",
                                            key="ingest_sample"):
        with st.spinner("Extracting and loading the sample corpus…"):
            summary = ingest_paths(store, [SAMPLE_CORPUS])
        st.success(ingest_message(summary))
        st.rerun()


def ingest_paths(store: GraphStore, paths: Iterable[Path]) -> IngestSummary:
    """Run the ingest pipeline on ``paths`` into ``store``, then forget cached reads."""
    from ui.commands.reader_options import make_extractor
    from ui.ingest import ingest

    try:
        return ingest(list(paths), store, make_extractor(state.settings()))
    finally:
        state.invalidate_reads()


def ingest_message(summary: IngestSummary) -> str:
    """One line on what an ingest did."""
    skipped = len(summary.failures)
    return (f"Read {summary.documents} documents: {summary.claims} claims, "
            f"{summary.actors} actors" + (f"; {skipped} skipped" if skipped else "") + ".")


def snapshot_downloads(store: GraphStore, filters: GraphFilter, subgraph: Subgraph) -> None:
    """Pick a format, build the snapshot of the current view, offer it for download."""
    from graph import export

    formats = list(export.FORMATS)
    fmt = st.selectbox("Format", formats, format_func=lambda f: export.FORMATS[f].label,
                       key="snapshot_format")
    if st.button("Prepare snapshot", key="snapshot_prepare"):
        snap = export.take_snapshot(store, filters, subgraph=subgraph)
        st.session_state["snapshot_file"] = (
            export.default_filename(snap.meta.store, fmt, snap.meta.created_at),
            export.FORMATS[fmt].mime,
            export.render(snap, fmt))
    prepared = st.session_state.get("snapshot_file")
    if prepared:
        name, mime, payload = prepared
        st.download_button(f"Download {name}", data=payload, file_name=name, mime=mime,
                           key="snapshot_download", icon=":material/download:")
