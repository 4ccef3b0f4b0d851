"""Benchmark: loading claims into Neo4j, batched path vs the obvious alternatives.

Generates ``--claims`` synthetic claims over ``--actors`` actors with a seeded RNG, streamed as
:class:`~graph.model.Extraction` batches (never all in memory), and measures against a running
Neo4j:

(a) the store's batched load path (``Neo4jStore.load_many``: UNWIND batches, one transaction per
    Extraction batch, aggregated edges recomputed for touched pairs);
(b) one MERGE query per row, one transaction per row (the tutorial way), on the first
    ``--per-row-subset`` claims only, with its rows/s extrapolated;
(c) server-side ``LOAD CSV`` of the same rows from the import directory, then the same
    aggregation;
(d) a re-load of the same data through (a): node and relationship counts must not change.

It prints a table and writes ``bench/results/load-<claims>-<date>.json``. Run::

    eval "$(scripts/neo4j-local env)"
    .venv/bin/python bench/load.py --claims 100000

This is a benchmark, not a test: it empties the database it is pointed at.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import random
import resource
import sys
from collections.abc import Iterator
from pathlib import Path
from time import perf_counter
from typing import Any

from neo4j import ManagedTransaction

from graph import neo4j_queries as q
from graph.convert import actor_row, claim_row, document_row
from graph.model import (
    Actor,
    ActorKind,
    Claim,
    Document,
    Evidence,
    Extraction,
    RelationType,
    document_id,
)
from graph.neo4j_store import Neo4jStore

CLAIMS_PER_DOCUMENT = 10
OUTLETS = ("Reuters", "AFP", "Al Jazeera", "SOHR", "Enab Baladi", "")
TYPE_WEIGHTS = {
    RelationType.HOSTILITY: 5, RelationType.ALLIANCE: 2, RelationType.SUPPORT: 2,
    RelationType.JOINT_OPERATION: 1, RelationType.TRUCE: 1, RelationType.MEMBERSHIP: 1,
}
EPOCH = dt.date(2014, 1, 1)


def bench_actors(count: int) -> list[Actor]:
    return [
        Actor(id=f"actor-{i:06d}", name=f"Armed Group {i}", aliases=(f"AG{i}", f"Group-{i}"),
              kind=ActorKind.ARMED_GROUP, curated=i % 5 != 0)
        for i in range(count)
    ]


def bench_document(index: int) -> Document:
    text = f"bench document {index}"
    return Document(id=document_id(text), title=text, source=OUTLETS[index % len(OUTLETS)],
                    date=EPOCH + dt.timedelta(days=index % 2500))


def generate_batches(n_claims: int, n_actors: int, batch_claims: int, seed: int
                     ) -> Iterator[Extraction]:
    """``n_claims`` claims in batches of ``batch_claims`` (the first batch carries all actors).

    The same seed gives the same claims, and a prefix of a longer run equals a shorter run.
    """
    rng = random.Random(seed)
    actors = bench_actors(n_actors)
    types = list(TYPE_WEIGHTS)
    weights = list(TYPE_WEIGHTS.values())
    # Keep documents whole inside one batch.
    batch_claims = max(CLAIMS_PER_DOCUMENT, batch_claims - batch_claims % CLAIMS_PER_DOCUMENT)
    made = 0
    while made < n_claims:
        size = min(batch_claims, n_claims - made)
        docs: dict[int, Document] = {}
        claims: list[Claim] = []
        for i in range(made, made + size):
            doc_index = i // CLAIMS_PER_DOCUMENT
            doc = docs.get(doc_index) or docs.setdefault(doc_index, bench_document(doc_index))
            s, t = rng.sample(range(n_actors), 2)
            type_ = rng.choices(types, weights)[0]
            day = None if rng.random() < 0.1 else EPOCH + dt.timedelta(days=rng.randrange(2500))
            sentence = f"Armed Group {s} {type_.value} Armed Group {t} (report {i})."
            start = (i % CLAIMS_PER_DOCUMENT) * 200
            claims.append(Claim(
                source=actors[s].id, target=actors[t].id, type=type_, polarity=type_.polarity,
                confidence=round(rng.uniform(0.4, 1.0), 2), hedged=rng.random() < 0.1,
                negated=rng.random() < 0.03, date=day, trigger=type_.value,
                evidence=Evidence(doc=doc.id, sentence=sentence, start=start,
                                  end=start + len(sentence)),
            ))
        yield Extraction(documents=tuple(docs.values()),
                         actors=tuple(actors) if made == 0 else (), claims=tuple(claims))
        made += size


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_batched(store: Neo4jStore, args: argparse.Namespace) -> dict[str, Any]:
    started = perf_counter()
    report = store.load_many(
        generate_batches(args.claims, args.actors, args.extraction_claims, args.seed))
    seconds = perf_counter() - started
    nodes, rels = store.raw_counts()
    return {"rows": report.claims, "seconds": seconds, "rows_per_s": report.claims / seconds,
            "nodes": nodes, "relationships": rels, "counts": store.counts().model_dump()}


def measure_per_row(store: Neo4jStore, args: argparse.Namespace) -> dict[str, Any]:
    store.clear()
    subset = min(args.per_row_subset, args.claims)
    batches = list(generate_batches(subset, args.actors, args.extraction_claims, args.seed))
    # Actors and documents first (untimed): the per-row path is timed on claims alone.
    store.load(Extraction(actors=batches[0].actors,
                          documents=tuple(d for b in batches for d in b.documents)))
    driver = store._driver  # the bench drives the same server with the same driver

    def one_row(tx: ManagedTransaction, row: dict[str, Any], claim: Claim) -> None:
        tx.run(q.MERGE_CLAIMS, rows=[row]).consume()
        source, target = claim.pair
        pair = {"key": row["pair_key"], "source": source, "target": target}
        tx.run(q.AGGREGATE_RELATION[claim.type], rows=[pair]).consume()

    started = perf_counter()
    rows = 0
    with driver.session(database=store.database) as session:
        for batch in batches:
            for claim in batch.claims:
                session.execute_write(one_row, claim_row(claim), claim)
                rows += 1
    seconds = perf_counter() - started
    return {"rows": rows, "seconds": seconds, "rows_per_s": rows / seconds,
            "extrapolated_seconds_for_all": args.claims / (rows / seconds)}


def write_csvs(import_dir: Path, args: argparse.Namespace) -> float:
    started = perf_counter()
    import_dir.mkdir(parents=True, exist_ok=True)
    claim_fields = ["id", "source", "target", "doc", "type", "polarity", "confidence", "hedged",
                    "negated", "date", "sentence", "start", "end", "trigger", "mentions_json",
                    "pair_key"]
    with (open(import_dir / "actors.csv", "w", newline="", encoding="utf-8") as fa,
          open(import_dir / "documents.csv", "w", newline="", encoding="utf-8") as fd,
          open(import_dir / "claims.csv", "w", newline="", encoding="utf-8") as fc):
        actors = csv.writer(fa)
        docs = csv.writer(fd)
        claims = csv.writer(fc)
        actors.writerow(["id", "name", "aliases", "kind", "curated", "search_keys"])
        docs.writerow(["id", "title", "source", "url", "date", "path"])
        claims.writerow(claim_fields)
        for batch in generate_batches(args.claims, args.actors, args.extraction_claims,
                                      args.seed):
            for actor in batch.actors:
                row = actor_row(actor)
                actors.writerow([row["id"], row["name"], "|".join(row["aliases"]), row["kind"],
                                 str(row["curated"]).lower(), "|".join(row["search_keys"])])
            for doc in batch.documents:
                d = document_row(doc)
                docs.writerow([d["id"], d["title"], d["source"], d["url"],
                               d["date"].isoformat() if d["date"] else "", d["path"]])
            for claim in batch.claims:
                c = claim_row(claim)
                c["date"] = c["date"].isoformat() if c["date"] else ""
                c["hedged"] = str(c["hedged"]).lower()
                c["negated"] = str(c["negated"]).lower()
                claims.writerow([c[f] for f in claim_fields])
    return perf_counter() - started


def measure_load_csv(store: Neo4jStore, args: argparse.Namespace) -> dict[str, Any]:
    store.clear()
    csv_seconds = write_csvs(Path(args.import_dir), args)
    driver = store._driver
    started = perf_counter()
    with driver.session(database=store.database) as session:
        for statement in (q.LOAD_CSV_ACTORS, q.LOAD_CSV_DOCUMENTS, q.LOAD_CSV_CLAIMS):
            session.run(statement).consume()
    load_seconds = perf_counter() - started
    # The same aggregation step as the batched path, over every pair at once.
    pairs_by_type: dict[RelationType, list[dict[str, str]]] = {}
    records, _, _ = driver.execute_query(q.ALL_PAIR_KEYS, database_=store.database)
    for rec in records:
        pairs_by_type.setdefault(RelationType(rec["type"]), []).append(
            {"key": rec["key"], "source": rec["source"], "target": rec["target"]})

    def aggregate(tx: ManagedTransaction, type_: RelationType, rows: list[dict[str, str]]
                  ) -> None:
        tx.run(q.AGGREGATE_RELATION[type_], rows=rows).consume()

    with driver.session(database=store.database) as session:
        for type_, pairs in pairs_by_type.items():
            for i in range(0, len(pairs), args.batch_size):
                session.execute_write(aggregate, type_, pairs[i:i + args.batch_size])
    seconds = perf_counter() - started
    nodes, rels = store.raw_counts()
    return {"rows": args.claims, "seconds": seconds, "rows_per_s": args.claims / seconds,
            "load_csv_seconds": load_seconds, "aggregate_seconds": seconds - load_seconds,
            "csv_write_seconds": csv_seconds, "nodes": nodes, "relationships": rels}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--actors", type=int, default=1_000)
    parser.add_argument("--batch-size", type=int, default=5_000,
                        help="rows per UNWIND statement")
    parser.add_argument("--extraction-claims", type=int, default=10_000,
                        help="claims per Extraction batch (one transaction each)")
    parser.add_argument("--per-row-subset", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip", default="", help="comma list of phases to skip: b,c,d")
    parser.add_argument("--uri", default=os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"))
    parser.add_argument("--user", default=os.environ.get("NEO4J_USER", "neo4j"))
    parser.add_argument("--password", default=os.environ.get("NEO4J_PASSWORD", "allegiance-dev"))
    parser.add_argument("--database", default=os.environ.get("NEO4J_DATABASE", "neo4j"))
    parser.add_argument("--import-dir", default=os.environ.get("NEO4J_IMPORT_DIR", ""))
    parser.add_argument("--out", default=str(Path(__file__).parent / "results"))
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    if "c" not in skip and not args.import_dir:
        parser.error("--import-dir (or NEO4J_IMPORT_DIR from `scripts/neo4j-local env`) "
                     "is needed for LOAD CSV; or pass --skip c")

    store = Neo4jStore.connect(args.uri, args.user, args.password, args.database,
                               batch_size=args.batch_size)
    store.clear()
    results: dict[str, Any] = {
        "bench": "load", "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "claims": args.claims, "actors": args.actors, "batch_size": args.batch_size,
        "extraction_claims": args.extraction_claims, "seed": args.seed,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "python": sys.version.split()[0],
        # Other work on the machine skews absolute numbers; record how busy it was.
        "load_average_at_start": os.getloadavg(),
    }
    print(f"(a) batched load of {args.claims:,} claims ...", flush=True)
    results["a_batched"] = measure_batched(store, args)
    results["peak_rss_mb_after_a"] = peak_rss_mb()
    if "d" not in skip:
        print("(d) re-load of the same data ...", flush=True)
        results["d_reload"] = measure_batched(store, args)
    if "b" not in skip:
        print(f"(b) one MERGE per row on {args.per_row_subset:,} claims ...", flush=True)
        results["b_per_row"] = measure_per_row(store, args)
    if "c" not in skip:
        print("(c) LOAD CSV ...", flush=True)
        results["c_load_csv"] = measure_load_csv(store, args)
    results["peak_rss_mb_end"] = peak_rss_mb()
    results["load_average_at_end"] = os.getloadavg()
    store.close()

    a = results["a_batched"]
    table = [("phase", "rows", "seconds", "rows/s", "nodes", "relationships")]
    table.append(("(a) batched", a["rows"], a["seconds"], a["rows_per_s"], a["nodes"],
                  a["relationships"]))
    if "b_per_row" in results:
        b = results["b_per_row"]
        results["ratio_a_over_b"] = a["rows_per_s"] / b["rows_per_s"]
        table.append(("(b) per-row (subset)", b["rows"], b["seconds"], b["rows_per_s"], "", ""))
    if "c_load_csv" in results:
        c = results["c_load_csv"]
        results["ratio_a_over_c"] = a["rows_per_s"] / c["rows_per_s"]
        table.append(("(c) LOAD CSV", c["rows"], c["seconds"], c["rows_per_s"], c["nodes"],
                      c["relationships"]))
    if "d_reload" in results:
        d = results["d_reload"]
        results["reload_counts_identical"] = (d["nodes"], d["relationships"]) == (
            a["nodes"], a["relationships"])
        table.append(("(d) re-load", d["rows"], d["seconds"], d["rows_per_s"], d["nodes"],
                      d["relationships"]))
    for row in table:
        print("  ".join(f"{v:>14,.1f}" if isinstance(v, float) else f"{v!s:>14}" for v in row))
    for key in ("ratio_a_over_b", "ratio_a_over_c", "reload_counts_identical",
                "peak_rss_mb_after_a", "peak_rss_mb_end"):
        if key in results:
            print(f"{key}: {results[key]:.2f}" if isinstance(results[key], float)
                  else f"{key}: {results[key]}")
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"load-{args.claims}-{dt.date.today().isoformat()}.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
