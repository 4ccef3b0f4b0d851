"""Time: claims are dated events; ties are states that hold over intervals.

The state rule follows Mapping Militant Organizations: a tie holds from its first claim until
the pair is seen in a relation of the *opposite sign* (the tie flips), or until ``quiet_days``
pass without a new claim of that tie (the default, 180 days, is a half year of silence).

* Intervals are kept per ``(source, target, type)`` — the key of an aggregated relation, so
  GEXF spells line up with edges. A different relation type of the *same* sign (an alliance,
  then a joint operation) does not end the alliance: both hold, as both were reported.
* A claim of the opposite sign ends every open tie of the pair on its day. When both signs are
  reported for a pair on the same day neither ends the other: the pair is contested that day
  and the signed projection reports it so.
* Intervals are half-open ``[start, end)``: ``end`` is the day of the flip, or the last claim
  plus ``quiet_days``. With ``quiet_days=None`` only a flip ends a tie and ``end`` may be None.
* A claim's date is its own, else its document's (``documents``); undated claims cannot be
  placed in time and are left out. Negated claims ("there was no assault") state nothing.

Examples
--------
>>> from datetime import date
>>> from graph.model import Claim, Evidence, RelationType as T
>>> def claim(a, b, kind, day, doc="d1"):
...     ev = Evidence(doc=doc, sentence=".", start=day.toordinal() % 1000, end=1)
...     return Claim(source=a, target=b, type=kind, polarity=kind.polarity, date=day,
...                  evidence=ev)
>>> claims = [claim("isis", "levant-front", T.ALLIANCE, date(2016, 2, 1)),
...           claim("levant-front", "isis", T.HOSTILITY, date(2016, 5, 1))]
>>> for i in tie_intervals(claims):
...     print(i.type, i.sign, i.start, i.end, i.ended_by)
alliance 1 2016-02-01 2016-05-01 flip
hostility -1 2016-05-01 2016-10-28 quiet
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import networkx as nx

from graph.aggregate import aggregate, effective_date
from graph.blocs import signed_partition
from graph.convert import to_networkx
from graph.model import Actor, Claim, Document, GraphFilter, Subgraph
from graph.signed import AnalysisModel, ContestedRule, signed_projection
from graph.store import GraphStore

DEFAULT_QUIET_DAYS = 180


class TieInterval(AnalysisModel):
    """When one relation ``(source, target, type)`` held."""

    source: str
    target: str
    type: str
    sign: int
    start: date
    end: date | None
    """Exclusive; None only when ``quiet_days`` is None and nothing flipped the tie."""
    claims: int
    ended_by: Literal["flip", "quiet", "open"]

    def active(self, day: date) -> bool:
        """Whether the tie holds on ``day``."""
        return self.start <= day and (self.end is None or day < self.end)


@dataclass
class _Open:
    source: str
    target: str
    type: str
    sign: int
    start: date
    last: date


def _dated(claims: Iterable[Claim], documents: Mapping[str, Document] | None
           ) -> list[tuple[date, Claim]]:
    docs = documents or {}
    out = []
    for claim in claims:
        if claim.negated:
            continue
        day = effective_date(claim, docs)
        if day is not None:
            out.append((day, claim))
    return out


def _intervals(claims: Iterable[Claim], *, quiet_days: int | None,
               documents: Mapping[str, Document] | None
               ) -> list[tuple[TieInterval, list[tuple[date, Claim]]]]:
    quiet = None if quiet_days is None else timedelta(days=quiet_days)
    by_pair: dict[frozenset[str], list[tuple[date, Claim]]] = defaultdict(list)
    for day, claim in _dated(claims, documents):
        by_pair[frozenset((claim.source, claim.target))].append((day, claim))

    done: list[tuple[TieInterval, list[tuple[date, Claim]]]] = []

    def close(tie: _Open, end: date | None, why: Literal["flip", "quiet", "open"],
              dated: list[tuple[date, Claim]]) -> None:
        done.append((TieInterval(source=tie.source, target=tie.target, type=tie.type,
                                 sign=tie.sign, start=tie.start, end=end, claims=len(dated),
                                 ended_by=why), dated))

    for events in by_pair.values():
        events.sort(key=lambda e: (e[0], e[1].id))
        open_ties: dict[tuple[str, str, str], tuple[_Open, list[tuple[date, Claim]]]] = {}
        by_day: dict[date, list[Claim]] = defaultdict(list)
        for day, claim in events:
            by_day[day].append(claim)
        for day in sorted(by_day):
            todays = by_day[day]
            signs = {c.polarity.sign for c in todays}
            for key, (tie, dated) in list(open_ties.items()):
                if quiet is not None and day > tie.last + quiet:
                    close(tie, tie.last + quiet, "quiet", dated)
                    del open_ties[key]
                elif -tie.sign in signs and tie.sign not in signs:
                    close(tie, day, "flip", dated)
                    del open_ties[key]
            for claim in todays:
                source, target = claim.pair
                key = (source, target, claim.type.value)
                if key not in open_ties:
                    open_ties[key] = (_Open(source, target, claim.type.value,
                                            claim.polarity.sign, day, day), [])
                tie, dated = open_ties[key]
                tie.last = day
                dated.append((day, claim))
        for tie, dated in open_ties.values():
            if quiet is None:
                close(tie, None, "open", dated)
            else:
                close(tie, tie.last + quiet, "quiet", dated)
    done.sort(key=lambda item: (item[0].start, item[0].source, item[0].target, item[0].type))
    return done


def tie_intervals(
    claims: Iterable[Claim], *, quiet_days: int | None = DEFAULT_QUIET_DAYS,
    documents: Mapping[str, Document] | None = None,
) -> list[TieInterval]:
    """State intervals of every relation, ordered by start (see the module docstring).

    Parameters
    ----------
    claims : iterable of Claim
        Dated claims (``store.claims()``); negated and undated ones are skipped.
    quiet_days : int or None
        Days without a claim after which a tie is presumed over; None disables the rule.
    documents : mapping, optional
        Document id -> Document, to date claims that carry no date of their own.
    """
    return [interval for interval, _ in
            _intervals(claims, quiet_days=quiet_days, documents=documents)]


def _as_subgraph(active: Sequence[Claim], documents: Mapping[str, Document],
                 actors: Mapping[str, Actor] | None) -> Subgraph:
    relations = tuple(aggregate(active, documents))
    ids = sorted({a for r in relations for a in (r.source, r.target)})
    known = actors or {}
    people = tuple(known.get(i) or Actor(id=i, name=i, curated=False) for i in ids)
    return Subgraph(actors=people, relations=relations, total_actors=len(people))


@dataclass(frozen=True)
class TimeSource:
    """Claims with what is needed to place and name them (built by :func:`time_source`)."""

    claims: tuple[Claim, ...]
    documents: Mapping[str, Document]
    actors: Mapping[str, Actor]

    @property
    def date_range(self) -> tuple[date, date] | None:
        days = [d for d, _ in _dated(self.claims, self.documents)]
        return (min(days), max(days)) if days else None


def time_source(source: GraphStore | Iterable[Claim] | TimeSource, *,
                until: date | None = None) -> TimeSource:
    """Claims, documents and actors from a store (one read each) or from a list of claims."""
    if isinstance(source, TimeSource):
        return source
    if isinstance(source, GraphStore):
        claims = tuple(source.claims(GraphFilter(until=until) if until else None))
        documents = {d.id: d for d in source.documents()}
        actors = {a.id: a for a in source.subgraph(GraphFilter()).actors}
        return TimeSource(claims, documents, actors)
    return TimeSource(tuple(source), {}, {})


def graph_at(
    source: GraphStore | Iterable[Claim] | TimeSource,
    day: date,
    *,
    quiet_days: int | None = DEFAULT_QUIET_DAYS,
) -> nx.MultiDiGraph:
    """The actor multigraph as of ``day``: relations whose tie interval holds on that day.

    Each edge aggregates the claims of its current interval up to ``day`` (so its counts
    describe the tie as it stands), in the shape of ``store.to_networkx()``.

    Examples
    --------
    >>> from datetime import date
    >>> from graph.model import Claim, Evidence, RelationType as T
    >>> ev = Evidence(doc="doc-0001", sentence="SAA fought ISIS.", start=0, end=16)
    >>> c = Claim(source="syrian-arab-army", target="islamic-state", type=T.HOSTILITY,
    ...           polarity=T.HOSTILITY.polarity, date=date(2016, 3, 2), evidence=ev)
    >>> sorted(graph_at([c], date(2016, 4, 1)).edges(keys=True))
    [('syrian-arab-army', 'islamic-state', 'hostility')]
    >>> graph_at([c], date(2017, 1, 1)).number_of_edges()  # quiet for more than 180 days
    0
    """
    return to_networkx(subgraph_at(source, day, quiet_days=quiet_days))


def subgraph_at(
    source: GraphStore | Iterable[Claim] | TimeSource,
    day: date,
    *,
    quiet_days: int | None = DEFAULT_QUIET_DAYS,
) -> Subgraph:
    """:func:`graph_at` as a :class:`~graph.model.Subgraph` (what the network view draws)."""
    src = time_source(source, until=day)
    active = _active_claims(
        _intervals(src.claims, quiet_days=quiet_days, documents=src.documents), day)
    return _as_subgraph(active, src.documents, src.actors)


def _active_claims(intervals: Sequence[tuple[TieInterval, list[tuple[date, Claim]]]],
                   day: date) -> list[Claim]:
    return [claim for interval, dated in intervals if interval.active(day)
            for claim_day, claim in dated if claim_day <= day]


def month_ends(first: date, last: date) -> list[date]:
    """The last day of every month from ``first``'s month to ``last``'s.

    >>> [str(d) for d in month_ends(date(2016, 1, 20), date(2016, 3, 2))]
    ['2016-01-31', '2016-02-29', '2016-03-31']
    """
    out = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        nxt = date(year + month // 12, month % 12 + 1, 1)
        out.append(nxt - timedelta(days=1))
        year, month = nxt.year, nxt.month
    return out


def monthly_snapshots(
    source: GraphStore | Iterable[Claim] | TimeSource,
    *,
    quiet_days: int | None = DEFAULT_QUIET_DAYS,
    start: date | None = None,
    end: date | None = None,
) -> list[tuple[date, nx.MultiDiGraph]]:
    """``graph_at`` for the last day of every month between the first and last claim.

    Intervals are derived once and reused for every month (a tie's state on a day depends
    only on claims up to that day, so this equals calling :func:`graph_at` month by month).
    """
    return [(day, to_networkx(sub)) for day, sub in
            monthly_subgraphs(source, quiet_days=quiet_days, start=start, end=end)]


def monthly_subgraphs(
    source: GraphStore | Iterable[Claim] | TimeSource,
    *,
    quiet_days: int | None = DEFAULT_QUIET_DAYS,
    start: date | None = None,
    end: date | None = None,
) -> list[tuple[date, Subgraph]]:
    """:func:`monthly_snapshots` as subgraphs (for the replay slider)."""
    src = time_source(source)
    bounds = src.date_range
    if bounds is None:
        return []
    intervals = _intervals(src.claims, quiet_days=quiet_days, documents=src.documents)
    return [(day, _as_subgraph(_active_claims(intervals, day), src.documents, src.actors))
            for day in month_ends(start or bounds[0], end or bounds[1])]


class TieChange(AnalysisModel):
    """A pair whose tie appeared, ended or flipped between two dates."""

    source: str
    target: str
    before: int | None
    """Sign at the first date (0 = contested), None when there was no tie."""
    after: int | None
    types_before: tuple[str, ...] = ()
    types_after: tuple[str, ...] = ()


class BlocChange(AnalysisModel):
    """An actor present at both dates whose bloc is not the successor of its old bloc."""

    actor: str
    before: str
    after: str


class GraphDiff(AnalysisModel):
    """What changed between two dates."""

    new_ties: tuple[TieChange, ...]
    ended_ties: tuple[TieChange, ...]
    flipped_ties: tuple[TieChange, ...]
    bloc_changes: tuple[BlocChange, ...]
    bloc_matches: dict[str, str | None]
    """Bloc id at the second date -> the bloc it continues at the first (None if new)."""
    actors_added: tuple[str, ...]
    actors_removed: tuple[str, ...]


def _projected(G: nx.Graph, contested: ContestedRule) -> nx.Graph:
    return signed_projection(G, contested=contested) if G.is_multigraph() else G


def match_blocs(before: Mapping[str, Sequence[str]], after: Mapping[str, Sequence[str]]
                ) -> dict[str, str | None]:
    """Pair each later bloc with the earlier bloc it shares most members with (Jaccard).

    Greedy one-to-one matching by decreasing overlap; a later bloc sharing no member with
    an unmatched earlier one is new (None).

    >>> match_blocs({"B1": ["a", "b", "c"], "B2": ["x", "y"]},
    ...             {"B1": ["x", "y", "z"], "B2": ["a", "b"]})
    {'B1': 'B2', 'B2': 'B1'}
    """
    scored = []
    sets_before = {k: set(v) for k, v in before.items()}
    for b_id, members in after.items():
        later = set(members)
        for a_id, earlier in sets_before.items():
            shared = len(later & earlier)
            if shared:
                scored.append((shared / len(later | earlier), shared, a_id, b_id))
    scored.sort(key=lambda s: (-s[0], -s[1], s[2], s[3]))
    out: dict[str, str | None] = dict.fromkeys(after)
    used: set[str] = set()
    for _, _, a_id, b_id in scored:
        if out[b_id] is None and a_id not in used:
            out[b_id] = a_id
            used.add(a_id)
    return out


def diff(
    at_a: nx.Graph, at_b: nx.Graph, *, seed: int | None = None,
    contested: ContestedRule = "exclude",
) -> GraphDiff:
    """New, ended and flipped ties and actors that changed bloc between two graphs.

    ``at_a`` and ``at_b`` are graphs as of two dates (``graph_at``) or their signed projections.
    A tie *flips* when its sign goes from + to - or back; a tie becoming or ceasing to be
    contested is reported as flipped too (with sign 0). Blocs are found at each date with
    :func:`~graph.blocs.signed_partition` and matched across dates by :func:`match_blocs`.

    Examples
    --------
    >>> import networkx as nx
    >>> a = nx.Graph([("isis", "levant-front", {"sign": -1}), ("saa", "ypg", {"sign": 1})])
    >>> b = nx.Graph([("isis", "levant-front", {"sign": 1}), ("saa", "russia", {"sign": 1})])
    >>> d = diff(a, b, seed=0)
    >>> [(t.source, t.target, t.before, t.after) for t in d.flipped_ties]
    [('isis', 'levant-front', -1, 1)]
    >>> [(t.source, t.target) for t in d.new_ties], [(t.source, t.target) for t in d.ended_ties]
    ([('russia', 'saa')], [('saa', 'ypg')])
    """
    pa, pb = _projected(at_a, contested), _projected(at_b, contested)

    def ties(P: nx.Graph) -> dict[tuple[str, str], tuple[int, tuple[str, ...]]]:
        out = {}
        for u, v, data in P.edges(data=True):
            x, y = sorted((str(u), str(v)))
            out[(x, y)] = (int(data.get("sign", 0)), tuple(data.get("types", ())))
        return out

    ta, tb = ties(pa), ties(pb)
    new, ended, flipped = [], [], []
    for pair in sorted(ta.keys() | tb.keys()):
        before, after = ta.get(pair), tb.get(pair)
        change = TieChange(source=pair[0], target=pair[1],
                           before=before[0] if before else None,
                           after=after[0] if after else None,
                           types_before=before[1] if before else (),
                           types_after=after[1] if after else ())
        if before is None:
            new.append(change)
        elif after is None:
            ended.append(change)
        elif before[0] != after[0]:
            flipped.append(change)

    part_a, part_b = signed_partition(pa, seed=seed), signed_partition(pb, seed=seed)
    blocs_a = {b.id: b.members for b in part_a.blocs}
    blocs_b = {b.id: b.members for b in part_b.blocs}
    matches = match_blocs(blocs_a, blocs_b)
    moved = []
    for actor in sorted(part_a.membership.keys() & part_b.membership.keys()):
        old, now = part_a.membership[actor], part_b.membership[actor]
        if matches.get(now) != old:
            moved.append(BlocChange(actor=actor, before=old, after=now))
    nodes_a, nodes_b = {str(n) for n in pa}, {str(n) for n in pb}
    return GraphDiff(
        new_ties=tuple(new), ended_ties=tuple(ended), flipped_ties=tuple(flipped),
        bloc_changes=tuple(moved), bloc_matches=matches,
        actors_added=tuple(sorted(nodes_b - nodes_a)),
        actors_removed=tuple(sorted(nodes_a - nodes_b)),
    )

