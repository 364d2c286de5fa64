"""Provenance benchmark: recall by kind, false links, and the cost per article as the corpus grows.

Builds the test set at run time from the PolNeAR texts (``../shared/data/polnear``; never
copied into the repository): one half of the independent articles as originals (``odd``
reports, ``even`` was used to tune), each with one copy of one kind, all other pairs
negatives (PolNeAR is full of same-day reports of the same 2016 events). Then synthesises
larger corpora of sentence-shuffled mixtures of PolNeAR texts (not copies of anything) and
measures the candidate generation and the whole provenance pass per article.

    python3 benchmarks/bench_provenance.py                  # odd half, 1k and 10k scaling
    python3 benchmarks/bench_provenance.py --half even      # the tuning half
    python3 benchmarks/bench_provenance.py --limit 20 --scale 200 --json   # a quick run
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsevents.provenance import LinkStats, ProvenanceDoc, find_links  # noqa: E402
from newsevents.provenance.fingerprint import fingerprint, split_sentences  # noqa: E402
from newsevents.provenance.index import ProvenanceIndex, features  # noqa: E402
from newsevents.provenance.testset import (  # noqa: E402
    KINDS,
    TestSet,
    build,
    read_polnear,
    same_story_pairs,
)

POLNEAR = ROOT.parent / "shared" / "data" / "polnear"


def score(ts: TestSet, links: list[Any]) -> dict[str, Any]:
    """Return recall by kind, kind accuracy, false links and false links per 40 articles."""
    found = {v.copy: v for v in links}
    hit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    kind_ok: Counter[str] = Counter()
    for cid, (oid, kind) in ts.truth.items():
        total[kind] += 1
        v = found.get(cid)
        if v is not None and v.original == oid:
            hit[kind] += 1
            kind_ok[kind] += v.kind == kind
    false = [v for v in links if ts.truth.get(v.copy, ("", ""))[0] != v.original]
    return {
        "articles": len(ts.docs),
        "originals": ts.originals,
        "recall_by_kind": {k: round(hit[k] / total[k], 4) for k in KINDS if total[k]},
        "found_by_kind": {k: f"{hit[k]}/{total[k]}" for k in KINDS if total[k]},
        "kind_correct_by_kind": {k: f"{kind_ok[k]}/{hit[k]}" for k in KINDS if total[k]},
        "recall_all": round(sum(hit.values()) / max(sum(total.values()), 1), 4),
        "false_links": len(false),
        "false_links_per_40_articles": round(40 * len(false) / max(len(ts.docs), 1), 3),
        "false_examples": [
            {"article": v.copy, "copy_of": v.original, "kind": v.kind, "score": v.score}
            for v in false[:10]
        ],
    }


def same_story(ts: TestSet, links: list[Any], show: int) -> dict[str, Any]:
    """Return the hard negatives (same-day same-names originals) and how many got linked."""
    pairs = same_story_pairs(ts.docs)
    linked = {frozenset((v.copy, v.original)) for v in links}
    bad = [p for p in pairs if frozenset(p[:2]) in linked]
    return {
        "same_story_pairs": len(pairs),
        "same_story_linked": len(bad),
        "examples": [{"a": a, "b": b, "name_share": s} for a, b, s in pairs[:show]],
    }


def mixtures(n: int, seed: int, sentences: list[str]) -> list[ProvenanceDoc]:
    """Return ``n`` synthetic articles, each 8-30 sentences drawn from the whole pool (from
    many articles, shuffled): news-like text that copies no article."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        body = " ".join(rng.sample(sentences, rng.randrange(8, 31)))
        out.append(ProvenanceDoc(f"mix{k}", body, None, k))
    return out


def scaling(sizes: list[int], seed: int) -> dict[str, Any]:
    """Return the cost per article of candidate generation and of the whole pass, by size."""
    sentences = []
    for src in read_polnear(POLNEAR):
        sentences.extend(src.body[s:e] for s, e in split_sentences(src.body))
    out: dict[str, Any] = {}
    for n in sizes:
        docs = mixtures(n, seed, sentences)
        fps = [fingerprint(d.id, d.text) for d in docs]
        index = ProvenanceIndex()
        t0 = time.perf_counter()
        candidates = 0
        for fp in fps:
            feats = features(fp)
            candidates += len(index.candidates(fp, feats))
            index.add(fp, feats)
        cand_s = time.perf_counter() - t0
        stats = LinkStats()
        t1 = time.perf_counter()
        links = find_links(docs, stats)
        total_s = time.perf_counter() - t1
        out[str(n)] = {
            "candidate_ms_per_article": round(1000 * cand_s / n, 3),
            "index_lookups_per_article": round(index.lookups / n, 1),
            "candidates_per_article": round(candidates / n, 3),
            "total_ms_per_article": round(1000 * total_s / n, 3),
            "ms_per_article_by_stage": {
                k: round(1000 * v / n, 3) for k, v in stats.seconds.items()
            },
            "links_among_mixtures": len(links),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print the report (JSON with ``--json``); return 0."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--half", choices=("even", "odd"), default="odd")
    p.add_argument("--limit", type=int, default=None, help="originals at most (quick runs)")
    p.add_argument("--scale", type=int, nargs="*", default=[1000, 10000],
                   help="synthetic corpus sizes for the cost per article")  # fmt: skip
    p.add_argument("--stress", type=float, nargs="*", default=[0.2, 0.35],
                   help="also score rewrites with this share of words scrambled")  # fmt: skip
    p.add_argument("--show", type=int, default=5, help="same-story pairs to print")
    p.add_argument("--seed", type=int, default=2016)
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    report: dict[str, Any] = {"half": args.half, "tuned_on": "even"}
    ts = build(POLNEAR, args.half, args.seed, args.limit)
    stats = LinkStats()
    t0 = time.perf_counter()
    links = find_links(ts.docs, stats)
    seconds = time.perf_counter() - t0
    report["test_set"] = score(ts, links)
    report["test_set"]["ms_per_article"] = round(1000 * seconds / len(ts.docs), 3)
    report["test_set"]["candidates_per_article"] = round(stats.candidates / len(ts.docs), 3)
    report["hard_negatives"] = same_story(ts, links, args.show)
    report["stress"] = {}
    for rate in args.stress:
        hard = build(POLNEAR, args.half, args.seed, args.limit, scramble_rate=rate)
        result = score(hard, find_links(hard.docs))
        report["stress"][str(rate)] = {
            "rewrite_recall": result["recall_by_kind"].get("rewrite"),
            "false_links": result["false_links"],
        }
    report["scaling"] = scaling(args.scale, args.seed) if args.scale else {}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for key, value in report.items():
            print(f"{key}: {json.dumps(value, indent=2)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
