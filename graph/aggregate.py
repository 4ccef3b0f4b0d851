"""Pure functions both stores share: claim filtering, aggregation into edges, subgraph selection.

Keeping the rules here means the embedded store and Neo4j answer the same question the same way:
Neo4j computes relations in Cypher, then hands them to :func:`select_subgraph` for the
focus/hop/cap steps; the embedded store runs every step in Python.

Examples
--------
>>> search_key("Jabhat al-Šhāmiya")
'jabhat al shamiya'
>>> search_key("  JABHAT  AL-SHAMIYA ")
'jabhat al shamiya'
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from statistics import fmean

from unidecode import unidecode

from graph.errors import LoadError
from graph.model import (
    Actor,
    ActorPath,
    AggregatedRelation,
    Claim,
    Document,
    GraphFilter,
    PathStep,
    Polarity,
    RelationType,
    Subgraph,
)

# Mean confidence is rounded so that Python's and Cypher's float sums compare equal.
CONFIDENCE_DIGITS = 6

RelationKey = tuple[str, str, RelationType]

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def search_key(text: str) -> str:
    """Fold case, diacritics, punctuation and hyphens so spelling variants compare equal.

    >>> search_key("Şhamiya") == search_key("shamiya")
    True
    """
    folded = unidecode(text).casefold()
    return _NON_ALNUM.sub(" ", folded).strip()


def actor_search_keys(actor: Actor) -> list[str]:
    """The distinct search keys of an actor's id, name and aliases, in that order."""
    keys: list[str] = []
    for text in (actor.name, *actor.aliases, actor.id):
        key = search_key(text)
        if key and key not in keys:
            keys.append(key)
    return keys


def search_rank(actor: Actor, query_key: str) -> tuple[int, str] | None:
    """Sort key of ``actor`` for a search, or ``None`` when it does not match.

    Exact matches come first, then prefix matches, then matches anywhere, each by name.
    """
    if not query_key:
        return None
    best: int | None = None
    for key in actor_search_keys(actor):
        if key == query_key:
            rank = 0
        elif key.startswith(query_key):
            rank = 1
        elif query_key in key:
            rank = 2
        else:
            continue
        best = rank if best is None else min(best, rank)
    return None if best is None else (best, actor.name.casefold())


def search_actors(actors: Iterable[Actor], text: str, *, limit: int = 20) -> list[Actor]:
    """Actors whose name, alias or id contains ``text`` (case/diacritic/punctuation-insensitive)."""
    query_key = search_key(text)
    ranked = []
    for actor in actors:
        rank = search_rank(actor, query_key)
        if rank is not None:
            ranked.append((rank, actor.id, actor))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return [actor for _, _, actor in ranked[:limit]]


def merge_actor(old: Actor | None, new: Actor) -> Actor:
    """Merge a re-delivered actor into the stored one.

    Aliases are the union (the losing name is kept as an alias); a curated record wins over a
    discovered one; between two records of the same standing the newer one wins.
    """
    if old is None:
        return new
    winner, loser = (old, new) if old.curated and not new.curated else (new, old)
    aliases: list[str] = []
    for alias in (*winner.aliases, *loser.aliases, loser.name):
        if alias != winner.name and alias not in aliases:
            aliases.append(alias)
    return winner.model_copy(
        update={"aliases": tuple(aliases), "curated": old.curated or new.curated}
    )


def effective_date(claim: Claim, documents: Mapping[str, Document]) -> date | None:
    """The claim's own date, else the date of the document that states it."""
    if claim.date is not None:
        return claim.date
    doc = documents.get(claim.evidence.doc)
    return doc.date if doc is not None else None


def allowed_types(filters: GraphFilter) -> frozenset[RelationType]:
    """Relation types passing both the ``types`` and the ``polarity`` parts of ``filters``."""
    types = frozenset(RelationType) if filters.types is None else filters.types
    if filters.polarity is not None:
        types = frozenset(t for t in types if t.polarity is filters.polarity)
    return types


def needs_claim_facts(filters: GraphFilter) -> bool:
    """True when a filter looks at single claims (dates, confidence, hedging).

    Without such filters, pre-aggregated edges give the same answer as re-aggregating claims.
    """
    return (
        filters.since is not None
        or filters.until is not None
        or filters.min_confidence > 0.0
        or not filters.include_hedged
    )


def claim_passes(claim: Claim, filters: GraphFilter, day: date | None) -> bool:
    """Whether one claim passes the claim-level parts of ``filters`` (``day``: effective date)."""
    if claim.type not in allowed_types(filters):
        return False
    if claim.confidence < filters.min_confidence:
        return False
    if claim.hedged and not filters.include_hedged:
        return False
    if filters.since is not None and (day is None or day < filters.since):
        return False
    return not (filters.until is not None and (day is None or day > filters.until))


def filter_claims(
    claims: Iterable[Claim], filters: GraphFilter | None, documents: Mapping[str, Document]
) -> Iterator[Claim]:
    """Claims passing the claim-level parts of ``filters``; negated claims are kept as stated."""
    if filters is None:
        yield from claims
        return
    for claim in claims:
        if claim_passes(claim, filters, effective_date(claim, documents)):
            yield claim


def outlet_of(doc_id: str, documents: Mapping[str, Document]) -> str:
    """The outlet of a document; a document without one counts as its own outlet."""
    doc = documents.get(doc_id)
    return doc.source if doc is not None and doc.source else doc_id


def aggregate(
    claims: Iterable[Claim], documents: Mapping[str, Document]
) -> list[AggregatedRelation]:
    """Group non-negated claims by ``(source, target, type)`` into edges, sorted by key.

    Undirected types use :attr:`Claim.pair` so "A allied with B" and "B allied with A" are one
    edge.
    """
    groups: dict[RelationKey, list[Claim]] = defaultdict(list)
    for claim in claims:
        if not claim.negated:
            source, target = claim.pair
            groups[(source, target, claim.type)].append(claim)
    relations = []
    for (source, target, type_), members in sorted(groups.items()):
        days = [d for d in (effective_date(c, documents) for c in members) if d is not None]
        doc_ids = {c.evidence.doc for c in members}
        relations.append(
            AggregatedRelation(
                source=source,
                target=target,
                type=type_,
                polarity=type_.polarity,
                claims=len(members),
                documents=len(doc_ids),
                outlets=len({outlet_of(d, documents) for d in doc_ids}),
                first_seen=min(days, default=None),
                last_seen=max(days, default=None),
                mean_confidence=round(fmean(c.confidence for c in members), CONFIDENCE_DIGITS),
                hedged_only=all(c.hedged for c in members),
            )
        )
    return relations


def relation_passes(relation: AggregatedRelation, filters: GraphFilter) -> bool:
    """Relation-level parts of ``filters``: types, polarity, ``min_sources`` (distinct outlets)."""
    return relation.type in allowed_types(filters) and relation.outlets >= filters.min_sources


def _adjacency(relations: Iterable[AggregatedRelation]) -> dict[str, set[str]]:
    adjacent: dict[str, set[str]] = defaultdict(set)
    for rel in relations:
        adjacent[rel.source].add(rel.target)
        adjacent[rel.target].add(rel.source)
    return adjacent


def expand(focus: Iterable[str], relations: Iterable[AggregatedRelation], hops: int) -> set[str]:
    """Actors within ``hops`` steps of any focus actor, ignoring direction."""
    adjacent = _adjacency(relations)
    reached = set(focus)
    frontier = set(reached)
    for _ in range(hops):
        frontier = {n for a in frontier for n in adjacent.get(a, ())} - reached
        if not frontier:
            break
        reached |= frontier
    return reached


def cap_actors(
    actor_ids: Iterable[str],
    relations: Iterable[AggregatedRelation],
    cap: int | None,
    keep: Iterable[str] = (),
) -> tuple[set[str], bool]:
    """Keep at most ``cap`` actors: ``keep`` first, then by degree (ties by id).

    Returns the kept ids and whether any were dropped.
    """
    ids = set(actor_ids)
    if cap is None or len(ids) <= cap:
        return ids, False
    degree: dict[str, int] = defaultdict(int)
    for rel in relations:
        if rel.source in ids and rel.target in ids:
            degree[rel.source] += 1
            degree[rel.target] += 1
    forced = [a for a in dict.fromkeys(keep) if a in ids]
    rest = sorted(ids - set(forced), key=lambda a: (-degree[a], a))
    kept = set(forced[:cap]) if len(forced) >= cap else set(forced) | set(rest[: cap - len(forced)])
    return kept, True


def select_subgraph(
    actors: Mapping[str, Actor], relations: Iterable[AggregatedRelation], filters: GraphFilter
) -> Subgraph:
    """Apply the relation- and actor-level parts of ``filters`` to aggregated relations.

    ``relations`` must already reflect the claim-level filters. Actors in the result are those on
    a kept relation, plus focus actors that exist.
    """
    def known(actor_id: str) -> bool:
        actor = actors.get(actor_id)
        return actor is not None and (filters.include_discovered or actor.curated)

    kept_relations = [
        r for r in relations if relation_passes(r, filters) and known(r.source) and known(r.target)
    ]
    focus = [a for a in filters.focus if a in actors]
    if filters.focus:
        reach = expand(focus, kept_relations, filters.hops)
        kept_relations = [r for r in kept_relations if r.source in reach and r.target in reach]
        ids = {a for a in reach if a in actors}
    else:
        ids = {a for r in kept_relations for a in (r.source, r.target)}
    total = len(ids)
    ids, trimmed = cap_actors(ids, kept_relations, filters.node_cap, keep=focus)
    kept_relations = [r for r in kept_relations if r.source in ids and r.target in ids]
    return Subgraph(
        actors=tuple(actors[a] for a in sorted(ids)),
        relations=tuple(sorted(kept_relations, key=lambda r: r.key)),
        total_actors=total,
        trimmed=trimmed,
    )


def build_subgraph(
    actors: Mapping[str, Actor],
    claims: Iterable[Claim],
    documents: Mapping[str, Document],
    filters: GraphFilter,
) -> Subgraph:
    """The whole read in Python: filter claims, aggregate, then :func:`select_subgraph`."""
    relations = aggregate(filter_claims(claims, filters, documents), documents)
    return select_subgraph(actors, relations, filters)


def neighbourhood_filter(actor_id: str, hops: int, filters: GraphFilter | None) -> GraphFilter:
    """``filters`` refocused on one actor with ``hops`` steps."""
    base = filters or GraphFilter()
    return base.model_copy(update={"focus": (actor_id,), "hops": hops})


def shortest_paths(
    relations: Iterable[AggregatedRelation],
    source: str,
    target: str,
    *,
    max_hops: int = 4,
    limit: int = 10,
) -> list[ActorPath]:
    """All shortest paths between two actors over ``relations``, ignoring direction.

    Two actors joined by several relation types give one path per combination, as Neo4j's
    ``allShortestPaths`` does; results are sorted by :func:`path_sort_key` and cut at ``limit``.
    """
    by_pair: dict[frozenset[str], list[AggregatedRelation]] = defaultdict(list)
    for rel in relations:
        by_pair[frozenset((rel.source, rel.target))].append(rel)
    adjacent = _adjacency(r for rels in by_pair.values() for r in rels)
    if source == target or source not in adjacent or target not in adjacent:
        return []
    # Breadth-first search recording every predecessor on a shortest route.
    depth = {source: 0}
    parents: dict[str, list[str]] = defaultdict(list)
    frontier = [source]
    while frontier and target not in depth and depth[frontier[0]] < max_hops:
        following: list[str] = []
        for node in frontier:
            for nxt in sorted(adjacent[node]):
                if nxt not in depth:
                    depth[nxt] = depth[node] + 1
                    following.append(nxt)
                if depth[nxt] == depth[node] + 1:
                    parents[nxt].append(node)
        frontier = following
    if target not in depth:
        return []

    node_paths: list[list[str]] = []

    def walk_back(node: str, tail: list[str]) -> None:
        if node == source:
            node_paths.append([source, *tail])
            return
        for parent in parents[node]:
            walk_back(parent, [node, *tail])

    walk_back(target, [])
    paths: list[ActorPath] = []
    for nodes in node_paths:
        combos: list[list[PathStep]] = [[]]
        for a, b in itertools.pairwise(nodes):
            options = sorted(by_pair[frozenset((a, b))], key=lambda r: r.key)
            combos = [
                [*combo, PathStep(source=r.source, target=r.target, type=r.type,
                                  polarity=r.polarity)]
                for combo in combos
                for r in options
            ]
        paths.extend(ActorPath(actors=tuple(nodes), steps=tuple(c)) for c in combos)
    return sorted(paths, key=path_sort_key)[:limit]


def path_sort_key(path: ActorPath) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Deterministic order of paths: by actor sequence, then by step types."""
    return path.actors, tuple(step.type.value for step in path.steps)


def sort_claims(claims: Iterable[Claim], documents: Mapping[str, Document]) -> list[Claim]:
    """Claims ordered by effective date (undated last), then document and offset."""

    def key(claim: Claim) -> tuple[bool, date, str, int]:
        day = effective_date(claim, documents)
        return (day is None, day or date.min, claim.evidence.doc, claim.evidence.start)

    return sorted(claims, key=key)


def between(source: str, target: str, type: RelationType | None = None
            ) -> Callable[[Claim], bool]:
    """Predicate: a claim joins ``source`` and ``target`` (either direction), of ``type``."""
    pair = {source, target}

    def test(claim: Claim) -> bool:
        return {claim.source, claim.target} == pair and (type is None or claim.type is type)

    return test


def polarity_types(polarity: Polarity) -> frozenset[RelationType]:
    """Every relation type with this sign."""
    return frozenset(t for t in RelationType if t.polarity is polarity)


def raise_for_missing(missing_actors: set[str], missing_docs: set[str]) -> None:
    """Raise :class:`LoadError` naming unknown actors/documents a batch refers to."""
    if not missing_actors and not missing_docs:
        return
    parts = []
    if missing_actors:
        parts.append("unknown actors: " + ", ".join(sorted(missing_actors)[:10]))
    if missing_docs:
        parts.append("unknown documents: " + ", ".join(sorted(missing_docs)[:10]))
    raise LoadError(
        "Batch refused, nothing was written (" + "; ".join(parts) + ")",
        hint="every claim must name actors and a document that are in the batch or already stored",
    )
