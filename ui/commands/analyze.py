"""``allegiance analyze`` and ``allegiance diff``: blocs, balance, brokers and change over time.

Thin commands over :mod:`graph.analysis`; the JSON is ``AnalysisReport`` / ``GraphDiff`` as
documented in ``docs/analysis.md``. Exit codes: 0 done; 2 bad option or dates; 3 store
unreachable.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from graph.analysis import AnalysisReport, analyze_store, diff_dates
from graph.signed import ContestedRule
from graph.timeline import DEFAULT_QUIET_DAYS, GraphDiff, TieChange
from ui.cli import app
from ui.filter_options import StoreKind
from ui.settings import Settings
from ui.stores import open_store

MAX_MEMBERS_SHOWN = 12
ROWS_SHOWN = 15


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


class Contested(StrEnum):
    EXCLUDE = "exclude"
    MAJORITY = "majority"


DAY = ["%Y-%m-%d"]
StoreOption = Annotated[
    StoreKind | None,
    typer.Option("--store", help="Store to read [default: from settings]", show_default=False),
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
QuietOption = Annotated[
    int, typer.Option("--quiet-days", min=1,
                      help="Days without a claim after which a tie is presumed over.")]
SeedOption = Annotated[int, typer.Option("--seed", help="Seed for Louvain and the bloc search.")]
ContestedOption = Annotated[
    Contested, typer.Option("--contested", help="Pairs with both signs: leave them out of the "
                            "sign (exclude) or take the better-supported side (majority).")]


def _day(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def sign_text(sign: int | None) -> str:
    """``+``, ``-``, ``±`` (contested) or blank (no tie).

    >>> [sign_text(s) for s in (1, -1, 0, None)]
    ['+', '-', '±', '']
    """
    return {1: "+", -1: "-", 0: "±"}.get(sign, "") if sign is not None else ""


def _names(ids: Sequence[str], names: Mapping[str, str], cap: int = MAX_MEMBERS_SHOWN) -> str:
    shown = [names.get(i, i) for i in ids[:cap]]
    more = f" … +{len(ids) - cap}" if len(ids) > cap else ""
    return ", ".join(shown) + more


def print_report(report: AnalysisReport, console: Console) -> None:
    """The report as rich tables (the first rows of each list; JSON has them all)."""
    names = report.names
    w = report.window
    when = (f"as of {w.at} (quiet period {w.quiet_days} days)" if w.at else
            f"{w.since or 'start'} to {w.until or 'now'}")
    console.print(f"[bold]{report.actors}[/] actors, [bold]{report.ties}[/] ties "
                  f"({report.positive_ties} +, {report.negative_ties} -, "
                  f"{report.contested_ties} contested, rule: {report.contested_rule}) · {when}",
                  highlight=False)
    if not report.ties:
        console.print("No ties in this window: nothing to analyse.")
        return

    blocs = Table("bloc", "size", "+ inside", "- inside", "members", title="Blocs")
    for bloc in report.blocs[:ROWS_SHOWN]:
        blocs.add_row(bloc.id, str(bloc.size), str(bloc.internal_positive),
                      str(bloc.internal_negative), _names(bloc.members, names))
    console.print(blocs)

    b = report.balance
    share = "n/a" if b.balanced_triangle_share is None else f"{b.balanced_triangle_share:.1%}"
    console.print(f"[bold]Balance[/]: {b.triangles} triangles ({b.method}), balanced share "
                  f"{share}, frustration {b.frustration} (ties against the blocs)",
                  highlight=False)
    if b.unbalanced_triads:
        triads = Table("actors", "signs", "ties", title="Unbalanced triads (heaviest first)")
        for t in b.unbalanced_triads[:ROWS_SHOWN]:
            ties = "; ".join(f"{names.get(e.source, e.source)}–{names.get(e.target, e.target)} "
                             f"{'/'.join(e.types)}" for e in t.edges)
            triads.add_row(_names(t.actors, names), t.signs, ties)
        console.print(triads)

    if report.brokers:
        table = Table("actor", "bloc", "bridges", "evenness", "+ ties by bloc", title="Brokers")
        for br in report.brokers[:ROWS_SHOWN]:
            table.add_row(names.get(br.actor, br.actor), br.bloc, " vs ".join(br.opposed),
                          f"{br.evenness:.2f}",
                          ", ".join(f"{k}:{v}" for k, v in br.ties_by_bloc.items()))
        console.print(table)

    if report.implied_ties:
        table = Table("pair", "implied", "rule", "support", "against", "via",
                      title="Implied ties (inferences, not claims)")
        for tie in report.implied_ties[:ROWS_SHOWN]:
            table.add_row(
                f"{names.get(tie.source, tie.source)} – {names.get(tie.target, tie.target)}",
                sign_text(tie.sign), tie.rule, str(tie.support), str(tie.against),
                _names(tie.via, names, 4))
        console.print(table)

    if report.contested:
        table = Table("pair", "+ support", "- support", "+ types", "- types", "used as",
                      title="Contested pairs")
        for c in report.contested[:ROWS_SHOWN]:
            table.add_row(f"{names.get(c.source, c.source)} – {names.get(c.target, c.target)}",
                          f"{c.positive_support:g}", f"{c.negative_support:g}",
                          ", ".join(c.positive_types), ", ".join(c.negative_types),
                          sign_text(c.sign) if c.sign else "excluded")
        console.print(table)

    table = Table("actor", "bloc", "+", "-", "net", "betweenness", "pagerank (+)",
                  title="Influence")
    for row in report.influence[:ROWS_SHOWN]:
        table.add_row(row.name, row.bloc, str(row.positive), str(row.negative), str(row.net),
                      f"{row.betweenness:.3f}", f"{row.pagerank:.3f}")
    console.print(table)
    for note in report.notes:
        console.print(f"[dim]note: {note}[/]", highlight=False)


@app.command("analyze")
def analyze_command(
    at: Annotated[datetime | None, typer.Option(
        "--at", formats=DAY, show_default=False,
        help="State of the network on this day (YYYY-MM-DD), from tie intervals.")] = None,
    since: Annotated[datetime | None, typer.Option(
        "--since", formats=DAY, show_default=False, help="Window start (YYYY-MM-DD).")] = None,
    until: Annotated[datetime | None, typer.Option(
        "--until", formats=DAY, show_default=False, help="Window end (YYYY-MM-DD).")] = None,
    format: FormatOption = OutputFormat.TABLE,
    store: StoreOption = None,
    quiet_days: QuietOption = DEFAULT_QUIET_DAYS,
    seed: SeedOption = 0,
    contested: ContestedOption = Contested.EXCLUDE,
) -> None:
    """Blocs, structural balance, brokers, implied ties and influence of the signed graph."""
    rule: ContestedRule = "majority" if contested is Contested.MAJORITY else "exclude"
    graph_store = open_store(Settings(), kind=store.value if store else None)
    try:
        report = analyze_store(graph_store, at=_day(at), since=_day(since), until=_day(until),
                               quiet_days=quiet_days, seed=seed, contested=rule)
    finally:
        graph_store.close()
    if format is OutputFormat.JSON:
        sys.stdout.write(json.dumps(report.model_dump(mode="json"), ensure_ascii=False,
                                    indent=2) + "\n")
    else:
        print_report(report, Console())


def _change_rows(title: str, changes: Sequence[TieChange]) -> Table:
    table = Table("source", "target", "before", "after", "types before", "types after",
                  title=f"{title} ({len(changes)})")
    for c in changes:
        table.add_row(c.source, c.target, sign_text(c.before), sign_text(c.after),
                      ", ".join(c.types_before), ", ".join(c.types_after))
    return table


def print_diff(result: GraphDiff, first: date, second: date, console: Console) -> None:
    console.print(f"[bold]Changes from {first} to {second}[/]", highlight=False)
    for title, rows in (("New ties", result.new_ties), ("Ended ties", result.ended_ties),
                        ("Flipped ties", result.flipped_ties)):
        console.print(_change_rows(title, rows))
    table = Table("actor", "bloc then", "bloc now", "now continues",
                  title=f"Actors that changed bloc ({len(result.bloc_changes)})")
    for move in result.bloc_changes:
        table.add_row(move.actor, move.before, move.after,
                      result.bloc_matches.get(move.after) or "a new bloc")
    console.print(table)
    if result.actors_added or result.actors_removed:
        console.print(f"actors added: {', '.join(result.actors_added) or '-'}; "
                      f"removed: {', '.join(result.actors_removed) or '-'}", highlight=False)


@app.command("diff")
def diff_command(
    first: Annotated[datetime, typer.Argument(formats=DAY, help="Earlier date (YYYY-MM-DD).")],
    second: Annotated[datetime, typer.Argument(formats=DAY, help="Later date (YYYY-MM-DD).")],
    format: FormatOption = OutputFormat.TABLE,
    store: StoreOption = None,
    quiet_days: QuietOption = DEFAULT_QUIET_DAYS,
    seed: SeedOption = 0,
) -> None:
    """New, ended and flipped ties, and actors that changed bloc, between two dates."""
    graph_store = open_store(Settings(), kind=store.value if store else None)
    try:
        result = diff_dates(graph_store, first.date(), second.date(), quiet_days=quiet_days,
                            seed=seed)
    finally:
        graph_store.close()
    if format is OutputFormat.JSON:
        payload = {"first": first.date().isoformat(), "second": second.date().isoformat(),
                   "quiet_days": quiet_days, **result.model_dump(mode="json")}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        print_diff(result, first.date(), second.date(), Console())
