"""``allegiance query``: run Cypher against the configured store and print the rows.

Reads only unless ``--write``; the embedded store answers a read-only subset (see
``docs/data-model.md``). Exit codes: 0 answered; 2 bad option; 3 store unreachable or credentials
refused; 4 query refused, invalid, unsupported or timed out.
"""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from graph.errors import InputError
from graph.model import QueryResult
from ui.cli import app
from ui.filter_options import StoreKind
from ui.settings import Settings
from ui.stores import open_store


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def parse_params(pairs: list[str]) -> dict[str, object]:
    """``["k=v", ...]`` as query parameters; each value is JSON when it parses, else a string.

    >>> parse_params(["n=3", "name=Levant Front", "ids=[\\"a\\", \\"b\\"]"])
    {'n': 3, 'name': 'Levant Front', 'ids': ['a', 'b']}
    """
    params: dict[str, object] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        name = name.strip()
        if not sep or not name.isidentifier():
            raise InputError(f"--param needs name=value, got {pair!r}",
                             hint='e.g. --param id=ypg --param "ids=[\\"ypg\\", \\"sdf\\"]"')
        try:
            params[name] = json.loads(raw)
        except json.JSONDecodeError:
            params[name] = raw
    return params


def cell_text(value: object) -> str:
    """A value as one table or CSV cell: strings as they are, anything else as compact JSON."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def render_table(result: QueryResult) -> Table:
    table = Table(*result.columns, show_lines=False, highlight=False)
    for row in result.rows:
        table.add_row(*(cell_text(v) for v in row))
    return table


def result_json(result: QueryResult) -> str:
    rows = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
    return json.dumps(
        {"columns": list(result.columns), "rows": rows, "truncated": result.truncated,
         "row_cap": result.row_cap},
        ensure_ascii=False, indent=2, default=str,
    )


@app.command("query")
def query_command(
    cypher: Annotated[str, typer.Argument(help="The Cypher query (quote it).")],
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="Query parameter name=value (JSON or text); repeat."),
    ] = None,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")
                      ] = OutputFormat.TABLE,
    write: Annotated[bool, typer.Option("--write", help="Allow the query to write (Neo4j).")
                     ] = False,
    timeout: Annotated[
        float | None,
        typer.Option("--timeout", min=0.001, help="Seconds before the query is stopped "
                     "[default: from settings]", show_default=False),
    ] = None,
    row_cap: Annotated[
        int | None,
        typer.Option("--row-cap", min=1, help="Most rows to return [default: from settings]",
                     show_default=False),
    ] = None,
    store: Annotated[
        StoreKind | None,
        typer.Option("--store", help="Store to ask [default: from settings]", show_default=False),
    ] = None,
) -> None:
    """Run a Cypher query (read-only unless --write) and print the rows."""
    params = parse_params(param or [])
    settings = Settings()
    graph_store = open_store(settings, kind=store.value if store else None)
    try:
        result = graph_store.query(
            cypher, params, write=write,
            timeout_s=timeout if timeout is not None else settings.query_timeout_s,
            row_cap=row_cap if row_cap is not None else settings.row_cap,
        )
    finally:
        graph_store.close()
    errors = Console(stderr=True)
    if format is OutputFormat.JSON:
        sys.stdout.write(result_json(result) + "\n")
    elif format is OutputFormat.CSV:
        writer = csv.writer(sys.stdout)
        writer.writerow(result.columns)
        writer.writerows([cell_text(v) for v in row] for row in result.rows)
    else:
        console = Console()
        console.print(render_table(result))
        console.print(f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}",
                      style="dim", highlight=False)
    if result.truncated:
        # To standard error so JSON/CSV output stays machine-readable.
        errors.print(
            f"[yellow]note:[/] stopped at the row cap of {result.row_cap} rows; "
            "more rows exist (raise --row-cap or add LIMIT/ORDER BY)", highlight=False)
