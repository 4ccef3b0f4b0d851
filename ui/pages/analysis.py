"""Analysis page: blocs, balance, brokers, implied ties, a month-by-month replay and a diff.

Layout only: every number comes from :mod:`graph.analysis` / :mod:`graph.timeline`, read
through ``st.cache_data`` functions that take the store as ``_store`` (not hashed) plus the
store key. Every table can be downloaded as CSV.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import streamlit as st

from graph.analysis import AnalysisReport, analyze_store, diff_dates
from graph.blocs import bloc_assignment
from graph.model import RelationType, Subgraph
from graph.signed import ContestedRule, RelationRef
from graph.timeline import DEFAULT_QUIET_DAYS, GraphDiff, monthly_subgraphs, time_source
from ui import render, state
from ui.page_shell import run_page

Rows = list[dict[str, Any]]
SIGN = {1: "+", -1: "−", 0: "±"}


# -- cached reads ------------------------------------------------------------------------------


@st.cache_data(ttl=state.READ_TTL_S, show_spinner="Analysing the signed network…",
               max_entries=32)
def cached_report(_store: Any, key: str, at: date | None, since: date | None,
                  until: date | None, quiet_days: int, seed: int,
                  contested: ContestedRule) -> AnalysisReport:
    return analyze_store(_store, at=at, since=since, until=until, quiet_days=quiet_days,
                         seed=seed, contested=contested)


@st.cache_data(ttl=state.READ_TTL_S, show_spinner="Replaying month by month…", max_entries=8)
def cached_months(_store: Any, key: str, quiet_days: int) -> list[tuple[date, Subgraph]]:
    return monthly_subgraphs(time_source(_store), quiet_days=quiet_days)


@st.cache_data(ttl=state.READ_TTL_S, show_spinner=False, max_entries=64)
def cached_blocs(_sub: Subgraph, key: str, month: date, quiet_days: int, seed: int
                 ) -> dict[str, int]:
    return bloc_assignment(_sub, seed=seed)


@st.cache_data(ttl=state.READ_TTL_S, show_spinner="Comparing the two dates…", max_entries=32)
def cached_diff(_store: Any, key: str, first: date, second: date, quiet_days: int,
                seed: int) -> GraphDiff:
    return diff_dates(_store, first, second, quiet_days=quiet_days, seed=seed)


# -- tables ------------------------------------------------------------------------------------


def csv_bytes(rows: Rows) -> bytes:
    """Rows as CSV (UTF-8 with header; lists joined by ``; ``)."""
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "; ".join(map(str, v)) if isinstance(v, list | tuple) else v
                             for k, v in row.items()})
    return out.getvalue().encode("utf-8")


def table(rows: Rows, *, name: str, empty: str) -> None:
    """A table with its CSV download, or a short note when there is nothing to show."""
    if not rows:
        st.caption(empty)
        return
    st.dataframe(rows, hide_index=True)
    st.download_button(f"Download {name} (CSV)", csv_bytes(rows), file_name=f"{name}.csv",
                       mime="text/csv", key=f"download-{name}", icon=":material/download:",
                       on_click="ignore")


def label(names: Mapping[str, str], actor: str) -> str:
    return names.get(actor, actor)


def bloc_rows(report: AnalysisReport) -> Rows:
    return [{"bloc": b.id, "size": b.size, "+ inside": b.internal_positive,
             "− inside": b.internal_negative,
             "members": ", ".join(label(report.names, m) for m in b.members),
             "member ids": list(b.members)} for b in report.blocs]


def triad_rows(report: AnalysisReport) -> Rows:
    names = report.names
    return [{"actors": ", ".join(label(names, a) for a in t.actors), "signs": t.signs,
             "ties": "; ".join(f"{label(names, e.source)} – {label(names, e.target)}: "
                               f"{'/'.join(e.types)}" for e in t.edges),
             "weight": t.weight} for t in report.balance.unbalanced_triads]


def broker_rows(report: AnalysisReport) -> Rows:
    return [{"actor": label(report.names, b.actor), "id": b.actor, "bloc": b.bloc,
             "bridges": " vs ".join(b.opposed), "evenness": b.evenness,
             "+ ties": b.positive_ties,
             "+ ties by bloc": ", ".join(f"{k}: {v}" for k, v in b.ties_by_bloc.items())}
            for b in report.brokers]


def implied_rows(report: AnalysisReport) -> Rows:
    names = report.names
    return [{"source": label(names, t.source), "target": label(names, t.target),
             "implied": SIGN[t.sign], "rule": t.rule, "support": t.support,
             "against": t.against, "via": ", ".join(label(names, v) for v in t.via),
             "inferred": t.inferred} for t in report.implied_ties]


def contested_rows(report: AnalysisReport) -> Rows:
    names = report.names
    return [{"source": label(names, c.source), "target": label(names, c.target),
             "+ support": c.positive_support, "− support": c.negative_support,
             "+ types": ", ".join(c.positive_types), "− types": ", ".join(c.negative_types),
             "used as": SIGN[c.sign] if c.sign else "excluded"} for c in report.contested]


def influence_rows(report: AnalysisReport) -> Rows:
    return [{"actor": r.name, "id": r.actor, "bloc": r.bloc, "+": r.positive, "−": r.negative,
             "net": r.net, "betweenness": r.betweenness, "pagerank (+)": r.pagerank}
            for r in report.influence]


def tie_rows(sub: Subgraph) -> Rows:
    names = {a.id: a.name for a in sub.actors}
    return [{"source": label(names, r.source), "target": label(names, r.target),
             "type": r.type.value, "sign": SIGN[r.polarity.sign], "claims": r.claims,
             "documents": r.documents,
             "first seen": r.first_seen.isoformat() if r.first_seen else "",
             "last seen": r.last_seen.isoformat() if r.last_seen else ""}
            for r in sub.relations]


def change_rows(changes: Sequence[Any], names: Mapping[str, str]) -> Rows:
    return [{"source": label(names, c.source), "target": label(names, c.target),
             "before": SIGN.get(c.before, "") if c.before is not None else "",
             "after": SIGN.get(c.after, "") if c.after is not None else "",
             "types before": ", ".join(c.types_before), "types after": ", ".join(c.types_after)}
            for c in changes]


# -- sections ----------------------------------------------------------------------------------


def evidence_picker(store: Any, key: str, prompt: str,
                    choices: Mapping[str, Sequence[RelationRef]], widget_key: str) -> None:
    """Pick an item; show every claim behind each relation of it (with evidence sentences)."""
    if not choices:
        return
    picked = st.selectbox(prompt, ["—", *choices], key=widget_key)
    for rel in choices.get(picked, ()):
        render.edge_details(store, key, rel.source, rel.target, RelationType(rel.type))


def window_controls(bounds: tuple[date, date] | None) -> dict[str, Any]:
    """The window, quiet period, seed and contested rule the analysis runs with."""
    low, high = bounds or (date(2000, 1, 1), date.today())
    cols = st.columns([2, 2, 1, 1, 1])
    mode = cols[0].radio("Time", ["All dates", "Window", "As of a date"], horizontal=True,
                         key="analysis-mode")
    at = since = until = None
    if mode == "Window":
        picked = cols[1].date_input("Window", value=(low, high), min_value=low,
                                    max_value=high, key="analysis-window")
        if isinstance(picked, tuple) and len(picked) == 2:
            since, until = picked
    elif mode == "As of a date":
        at = cols[1].date_input("As of", value=high, min_value=low, max_value=high,
                                key="analysis-at")
    quiet = int(cols[2].number_input("Quiet days", min_value=1, value=DEFAULT_QUIET_DAYS,
                                     step=30, key="analysis-quiet",
                                     help="Days without a claim after which a tie is "
                                          "presumed over (as-of dates, replay, diff)."))
    seed = int(cols[3].number_input("Seed", min_value=0, value=0, step=1,
                                    key="analysis-seed"))
    contested = cols[4].selectbox("Contested pairs", ["exclude", "majority"],
                                  key="analysis-contested",
                                  help="Pairs with both signs: leave them out of the sign, or "
                                       "use the better-supported side.")
    return {"at": at, "since": since, "until": until, "quiet_days": quiet, "seed": seed,
            "contested": contested}


def show_report(store: Any, key: str, report: AnalysisReport) -> None:
    b = report.balance
    cols = st.columns(5)
    cols[0].metric("Actors", report.actors)
    cols[1].metric("Ties (+ / − / ±)",
                   f"{report.positive_ties} / {report.negative_ties} / {report.contested_ties}")
    cols[2].metric("Blocs (2+ members)", sum(1 for x in report.blocs if x.size > 1))
    share = "n/a" if b.balanced_triangle_share is None else f"{b.balanced_triangle_share:.0%}"
    cols[3].metric("Balanced triangles", share, help=f"{b.triangles} triangles ({b.method})")
    cols[4].metric("Frustration", b.frustration,
                   help="Ties against the blocs: allies split apart plus enemies inside a bloc.")
    for note in report.notes:
        st.caption(f"Note: {note}")

    tabs = st.tabs(["Blocs", "Balance", "Brokers", "Implied ties", "Contested", "Influence"])
    with tabs[0]:
        st.caption("Blocs minimise frustration over the signed ties; bloc ids are B1, B2, … "
                   "by size.")
        table(bloc_rows(report), name="blocs", empty="No blocs: no signed ties here.")
        if report.communities is not None:
            with st.expander("Communities of the cooperation ties only (Louvain)"):
                table([{"community": i + 1, "size": len(c),
                        "members": ", ".join(label(report.names, m) for m in c)}
                       for i, c in enumerate(report.communities)],
                      name="communities", empty="No cooperation ties.")
    with tabs[1]:
        st.markdown(f"**{b.triangles}** triangles, **{b.balanced}** balanced, "
                    f"**{b.unbalanced}** unbalanced ({b.method}). Pattern counts: "
                    + ", ".join(f"`{k}` {v}" for k, v in b.by_pattern.items()))
        st.caption("Unbalanced triads, heaviest first; pick one below to read the claims behind "
                   "its three ties.")
        table(triad_rows(report), name="unbalanced-triads", empty="No unbalanced triads.")
        evidence_picker(store, key, "Read the claims behind a triad",
                        {row["actors"]: [r for e in t.edges for r in e.relations]
                         for row, t in zip(triad_rows(report), b.unbalanced_triads,
                                           strict=True)},
                        "analysis-triad-evidence")
    with tabs[2]:
        st.caption("Actors with cooperation ties into two opposing blocs; evenness 1.0 is a "
                   "perfect split.")
        table(broker_rows(report), name="brokers", empty="No brokers between opposing blocs.")
    with tabs[3]:
        st.caption("Inferences from balance (enemy of my enemy, ally of my enemy, ally of my "
                   "ally) for pairs with no reported tie. Never stored as claims.")
        table(implied_rows(report), name="implied-ties", empty="No implied ties.")
    with tabs[4]:
        st.caption("Pairs reported both cooperating and fighting in this window.")
        table(contested_rows(report), name="contested", empty="No contested pairs.")
        evidence_picker(store, key, "Read the claims behind a contested pair",
                        {f"{row['source']} – {row['target']}": c.relations
                         for row, c in zip(contested_rows(report), report.contested,
                                           strict=True)},
                        "analysis-contested-evidence")
    with tabs[5]:
        table(influence_rows(report), name="influence", empty="No actors.")
    st.download_button("Download the whole report (JSON)",
                       json.dumps(report.model_dump(mode="json"), indent=2).encode("utf-8"),
                       file_name="analysis.json", mime="application/json",
                       key="download-report", icon=":material/data_object:", on_click="ignore")


def show_replay(store: Any, key: str, quiet_days: int, seed: int
                ) -> tuple[list[date], dict[str, str]]:
    """The replay slider; returns the month ends and every actor's name seen in them."""
    months = cached_months(store, key, quiet_days)
    if not months:
        st.caption("No dated claims: nothing to replay.")
        return [], {}
    days = [d for d, _ in months]
    chosen = st.select_slider("Month", options=days, value=days[-1],
                              format_func=lambda d: d.strftime("%b %Y"), key="analysis-month")
    sub = dict(months)[chosen]
    st.caption(f"State on {chosen.isoformat()}: {len(sub.actors)} actors, "
               f"{len(sub.relations)} ties in force (quiet period {quiet_days} days).")
    if sub.relations:
        blocs = cached_blocs(sub, key, chosen, quiet_days, seed)
        try:
            from graph.visual import vis_data
            from ui.components.network import network
        except ImportError:
            pass
        else:
            network(vis_data(sub, color_by="bloc", blocs=blocs), key=f"replay-{chosen}",
                    height=480)
        table(tie_rows(sub), name=f"ties-{chosen.isoformat()}", empty="No ties in force.")
    return days, {a.id: a.name for _, month in months for a in month.actors}


def show_diff(store: Any, key: str, days: list[date], names: Mapping[str, str],
              quiet_days: int, seed: int) -> None:
    if not days:
        return
    cols = st.columns(2)
    first = cols[0].date_input("From", value=days[0], min_value=days[0], max_value=days[-1],
                               key="analysis-diff-from")
    second = cols[1].date_input("To", value=days[-1], min_value=days[0], max_value=days[-1],
                                key="analysis-diff-to")
    if not isinstance(first, date) or not isinstance(second, date):
        return
    if first > second:
        st.warning("Pick a 'From' date before the 'To' date.")
        return
    result = cached_diff(store, key, first, second, quiet_days, seed)
    counts = st.columns(4)
    counts[0].metric("New ties", len(result.new_ties))
    counts[1].metric("Ended ties", len(result.ended_ties))
    counts[2].metric("Flipped ties", len(result.flipped_ties))
    counts[3].metric("Changed bloc", len(result.bloc_changes))
    for title, rows, name in (("New ties", result.new_ties, "new-ties"),
                              ("Ended ties", result.ended_ties, "ended-ties"),
                              ("Flipped ties", result.flipped_ties, "flipped-ties")):
        st.markdown(f"**{title}**")
        table(change_rows(rows, names), name=name, empty=f"No {title.lower()}.")
    st.markdown("**Actors that changed bloc**")
    table([{"actor": label(names, m.actor), "bloc then": m.before, "bloc now": m.after,
            "now continues": result.bloc_matches.get(m.after) or "a new bloc"}
           for m in result.bloc_changes], name="bloc-changes", empty="No actor changed bloc.")


def main() -> None:
    store = state.get_store()
    key = state.store_key()
    st.title("Blocs, balance and change")
    if state.counts(store, key).relations == 0:
        render.empty_state(store)
        st.stop()
    options = window_controls(state.date_bounds(store, key))
    report = cached_report(store, key, **options)
    if report.ties == 0:
        st.info("No ties in this window. Widen the window or pick another date.")
    else:
        show_report(store, key, report)
    st.subheader("Replay month by month")
    days, names = show_replay(store, key, options["quiet_days"], options["seed"])
    st.subheader("What changed between two dates")
    show_diff(store, key, days, names, options["quiet_days"], options["seed"])


run_page(main)
