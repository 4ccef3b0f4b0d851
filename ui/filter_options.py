"""The view filters as command-line options, shared by every command that reads a subgraph.

A command declares the options with the ``Annotated`` aliases below and turns them into a
:class:`~graph.model.GraphFilter` with :func:`build_filter`; focus names are resolved against the
store with :func:`resolve_focus`. Bad values raise :class:`~graph.errors.InputError` with a hint.

Examples
--------
>>> f = build_filter(types=["alliance,truce"], polarity="ally", since="2016-02",
...                  until="2016", min_confidence=0.5)
>>> sorted(t.value for t in f.types), f.since, f.until
(['alliance', 'truce'], datetime.date(2016, 2, 1), datetime.date(2016, 12, 31))
>>> build_filter(since="05/02/2016")
Traceback (most recent call last):
...
graph.errors.InputError: --since: '05/02/2016' is not a date
  hint: use YYYY-MM-DD, YYYY-MM or YYYY
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer
from pydantic import ValidationError

from graph.errors import InputError
from graph.model import GraphFilter, Polarity, RelationType
from graph.store import GraphStore
from ui.actor_search import fuzzy_actor_matches

_PANEL = "Filters"

TypeOption = Annotated[
    list[str] | None,
    typer.Option("--type", "-t", rich_help_panel=_PANEL,
                 help="Relation type to keep (repeatable or comma-separated): "
                      + ", ".join(t.value for t in RelationType) + "."),
]
PolarityOption = Annotated[
    str | None,
    typer.Option("--polarity", rich_help_panel=_PANEL, help="Keep only 'ally' or 'hostile' ties."),
]
SinceOption = Annotated[
    str | None,
    typer.Option("--since", rich_help_panel=_PANEL,
                 help="Earliest claim date: YYYY-MM-DD, YYYY-MM or YYYY (start of period)."),
]
UntilOption = Annotated[
    str | None,
    typer.Option("--until", rich_help_panel=_PANEL,
                 help="Latest claim date: YYYY-MM-DD, YYYY-MM or YYYY (end of period)."),
]
MinConfidenceOption = Annotated[
    float,
    typer.Option("--min-confidence", rich_help_panel=_PANEL,
                 help="Drop claims below this confidence (0 to 1)."),
]
MinSourcesOption = Annotated[
    int,
    typer.Option("--min-sources", rich_help_panel=_PANEL,
                 help="Keep ties stated in at least this many distinct documents."),
]
NoHedgedOption = Annotated[
    bool,
    typer.Option("--no-hedged", rich_help_panel=_PANEL,
                 help="Leave out hedged claims ('reportedly', 'according to')."),
]
NoDiscoveredOption = Annotated[
    bool,
    typer.Option("--no-discovered", rich_help_panel=_PANEL,
                 help="Leave out actors found by extraction but not in the curated list."),
]
FocusOption = Annotated[
    list[str] | None,
    typer.Option("--focus", rich_help_panel=_PANEL,
                 help="Centre the view on this actor (id or any spelling; repeatable)."),
]
HopsOption = Annotated[
    int,
    typer.Option("--hops", rich_help_panel=_PANEL,
                 help="With --focus: how many steps out from the focus actors (0-6)."),
]
NodeCapOption = Annotated[
    int | None,
    typer.Option("--node-cap", rich_help_panel=_PANEL,
                 help="Keep at most this many actors (the best connected)."),
]

_DAY = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_day(text: str, *, option: str, end: bool = False) -> date:
    """A date from ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; partial dates are the first day of
    the period, or the last one when ``end``.

    >>> parse_day("2016-02", option="--until", end=True)
    datetime.date(2016, 2, 29)
    """
    match = _DAY.match(text.strip())
    if not match:
        raise InputError(f"{option}: {text!r} is not a date",
                         hint="use YYYY-MM-DD, YYYY-MM or YYYY")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else (12 if end else 1)
    try:
        if match.group(3):
            return date(year, month, int(match.group(3)))
        day = calendar.monthrange(year, month)[1] if end else 1
        return date(year, month, day)
    except ValueError as e:
        raise InputError(f"{option}: {text!r} is not a valid date ({e})") from e


def parse_types(values: Sequence[str] | None) -> frozenset[RelationType] | None:
    """Relation types from repeated and/or comma-separated values (``-`` or ``_``, any case)."""
    if not values:
        return None
    found: set[RelationType] = set()
    for value in values:
        for part in value.split(","):
            name = part.strip().lower().replace("-", "_").replace(" ", "_")
            if not name:
                continue
            try:
                found.add(RelationType(name))
            except ValueError:
                choices = ", ".join(t.value for t in RelationType)
                raise InputError(f"--type: unknown relation type {part.strip()!r}",
                                 hint=f"choose from {choices}") from None
    return frozenset(found) or None


def parse_polarity(value: str | None) -> Polarity | None:
    if value is None:
        return None
    try:
        return Polarity(value.strip().lower())
    except ValueError:
        raise InputError(f"--polarity: {value!r} is neither 'ally' nor 'hostile'") from None


def build_filter(
    *,
    types: Sequence[str] | None = None,
    polarity: str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_confidence: float = 0.0,
    min_sources: int = 1,
    no_hedged: bool = False,
    no_discovered: bool = False,
    focus: Sequence[str] = (),
    hops: int = 1,
    node_cap: int | None = None,
) -> GraphFilter:
    """A :class:`GraphFilter` from raw option values; ``focus`` must already be actor ids."""
    start = parse_day(since, option="--since") if since else None
    end = parse_day(until, option="--until", end=True) if until else None
    if start and end and start > end:
        raise InputError(f"--since {start} is after --until {end}")
    checks = (
        (0.0 <= min_confidence <= 1.0, "--min-confidence must be between 0 and 1"),
        (min_sources >= 1, "--min-sources must be at least 1"),
        (0 <= hops <= 6, "--hops must be between 0 and 6"),
        (node_cap is None or node_cap >= 1, "--node-cap must be at least 1"),
    )
    for ok, message in checks:
        if not ok:
            raise InputError(message)
    try:
        return GraphFilter(
            types=parse_types(types),
            polarity=parse_polarity(polarity),
            since=start,
            until=end,
            min_confidence=min_confidence,
            min_sources=min_sources,
            include_hedged=not no_hedged,
            include_discovered=not no_discovered,
            focus=tuple(focus),
            hops=hops,
            node_cap=node_cap,
        )
    except ValidationError as e:  # anything the checks above missed, still as a user error
        raise InputError(f"invalid filter: {e.errors()[0]['msg']}") from e


def resolve_focus(store: GraphStore, names: Sequence[str] | None) -> tuple[str, ...]:
    """Actor ids for ``--focus`` values given as ids or any spelling: the store's alias search,
    then the transliteration-tolerant matcher of :mod:`ui.actor_search`.

    Raises :class:`InputError` naming the value no actor matches.
    """
    ids: list[str] = []
    for name in names or ():
        actor = store.actor(name.strip())
        if actor is None:
            matches = store.search_actors(name, limit=1)
            if not matches:
                # Transliteration variants ("jabha shamiya") need the fuzzy matcher, which
                # scans every actor: only when the store's own search found nothing.
                everyone = store.subgraph(GraphFilter()).actors
                matches = fuzzy_actor_matches(everyone, name, limit=1)
            if not matches:
                raise InputError(f"--focus: no actor matches {name!r}",
                                 hint="try another spelling or the actor's id")
            actor = matches[0]
        if actor.id not in ids:
            ids.append(actor.id)
    return tuple(ids)


class StoreKind(StrEnum):
    """Which store a command reads (``--store``); the settings decide when it is not given."""

    NEO4J = "neo4j"
    EMBEDDED = "embedded"


StoreOption = Annotated[
    StoreKind | None,
    typer.Option("--store", help="Store to read (default: from settings)."),
]
