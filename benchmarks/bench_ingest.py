"""Benchmark the corpus ingest on PolNeAR's 1,008 articles, and dedup on a built test set.

Reads ``../shared/data/polnear`` at run time (texts, and publisher and date from
``metadata.tsv``); nothing of it is copied into the repository: the JSONL it ingests and
the databases are written to a temporary folder and deleted.

    python3 benchmarks/bench_ingest.py speed [--workers 1 2] [--limit N]
    python3 benchmarks/bench_ingest.py dedup [--originals 80]

``speed``: for each worker count, a fresh ingest (articles/s, peak RSS per coding
process, database size per 1,000 articles), then for the first one a second ingest of
the same corpus (must code nothing, in under a tenth of the time).
``dedup``: copies of real articles (exact, re-wrapped in boilerplate, lightly edited,
both), mixed with independent reports from other outlets on the same days and topics;
precision and recall of pairs, for our containment rule and for a Jaccard-only rule.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"


def polnear_records(folder: Path = POLNEAR) -> list[dict[str, str | None]]:
    """Return every PolNeAR article as a JSONL record with outlet, date and wire credit."""
    meta: dict[str, dict[str, str]] = {}
    with (folder / "metadata.tsv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            meta[row["filename"]] = row
    out: list[dict[str, str | None]] = []
    for path in sorted(folder.glob("*/text/*.txt")):
        m = meta.get(path.stem, {})
        out.append({
            "id": path.stem, "text": path.read_text(encoding="utf-8"),
            "outlet": m.get("publisher"), "published": m.get("publication_date"),
            "title": m.get("title"), "wire": m.get("wire"),
        })  # fmt: skip
    return out


def _write_jsonl(records: list[dict[str, str | None]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps({k: v for k, v in r.items() if k != "wire"}) + "\n")


def speed(args: argparse.Namespace) -> None:
    from newsevents.config import Config
    from newsevents.corpus.ingest import ingest
    from newsevents.store import open_store

    records = polnear_records(args.data)[: args.limit or None]
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        source = Path(tmp) / "polnear.jsonl"
        _write_jsonl(records, source)
        first_rate = None
        for workers in args.workers:
            db = Path(tmp) / f"w{workers}.duckdb"
            with open_store(db) as store:
                s = ingest([str(source)], store, workers=workers, config=Config(),
                           timeout=args.timeout)  # fmt: skip
            size = sum(p.stat().st_size for p in Path(tmp).glob(f"w{workers}.duckdb*"))
            print(json.dumps({
                "run": f"ingest, {workers} worker(s)", "articles": len(records),
                "coded": s.coded, "skipped": s.skipped, "errors": s.errors,
                "reasons": dict(s.reasons), "coding_seconds": round(s.coding_seconds, 1),
                "total_seconds": round(s.seconds, 1),
                "articles_per_second": round(s.articles_per_second, 3),
                "peak_rss_mib_per_process": sorted(round(v) for v in s.peak_rss_mib.values()),
                "db_mib_per_1000_articles": round(size / 2**20 / max(s.coded, 1) * 1000, 2),
                "corpus": s.corpus,
            }), flush=True)  # fmt: skip
            if first_rate is None:
                first_rate = s.articles_per_second
                first_seconds = s.seconds
                with open_store(db) as store:
                    again = ingest([str(source)], store, workers=workers)
                print(json.dumps({
                    "run": f"second ingest, {workers} worker(s)", "coded": again.coded,
                    "already_stored": again.already_stored,
                    "seconds": round(again.seconds, 2),
                    "ratio_to_first": round(again.seconds / first_seconds, 4),
                }), flush=True)  # fmt: skip
            else:
                print(json.dumps({"speed_up": round(s.articles_per_second / first_rate, 3)}))


# -- dedup ---------------------------------------------------------------------------------

HEADERS = (
    "Home | World | Politics | Business | Opinion | Sign in",
    "MENU  Search  Subscribe now and get 50% off your first year",
    "Advertisement",
)
FOOTERS = (
    "Related stories:\n- Ten things to watch this week\n- Markets close mixed\n- Weather alerts",
    "Share this article on Facebook Twitter Email",
    "© 2016 The Daily Example. All rights reserved. Terms of use | Privacy policy",
    "This article was originally published by a partner site and is republished here with "
    "permission. Comments are closed for this story. Sign up for our morning newsletter "
    "to get the day's top stories in your inbox before breakfast, every weekday.",
)
SWAPS = (("said", "stated"), ("told", "informed"), ("Tuesday", "on Tuesday"),
         ("percent", "per cent"), ("campaign", "bid"), ("voters", "electors"))  # fmt: skip


def wrap(text: str, rng: random.Random) -> str:
    """Return ``text`` inside a site's header and footer boilerplate."""
    head = "\n\n".join(rng.sample(HEADERS, 2))
    foot = "\n\n".join(rng.sample(FOOTERS, 3))
    return f"{head}\n\n{text}\n\n{foot}"


def edit(text: str, rng: random.Random) -> str:
    """Return ``text`` lightly edited: a paragraph dropped, words swapped, a line added."""
    paras = [p for p in text.split("\n") if p.strip()]
    if len(paras) > 4:
        del paras[rng.randrange(1, len(paras))]
    out = "\n\n".join(paras)
    for old, new in rng.sample(SWAPS, 3):
        out = out.replace(old, new, 2)
    return out + "\n\nThis story has been updated with additional reporting."


def dedup(args: argparse.Namespace) -> None:
    from newsevents.corpus.dedup import DedupDoc, find_duplicates, jaccard_only_pairs, shingles
    from newsevents.corpus.stories import StoryDoc, similar_pairs

    rng = random.Random(args.seed)
    records = [r for r in polnear_records(args.data) if r["wire"] in ("None", "NA", "", None)]
    originals = rng.sample(records, args.originals)
    docs: list[DedupDoc] = []
    group: list[int] = []  # the original each doc copies (its own index for an original)
    kinds = ("copy", "wrapped", "edited", "wrapped+edited")
    for gi, r in enumerate(originals):
        date = dt.date.fromisoformat(str(r["published"]))
        docs.append(DedupDoc(f"o{gi}", str(r["text"]), date, len(docs)))
        group.append(gi)
        for kind in rng.sample(kinds, rng.randint(1, 2)):
            text = str(r["text"])
            if "edited" in kind:
                text = edit(text, rng)
            if "wrapped" in kind:
                text = wrap(text, rng)
            docs.append(DedupDoc(f"c{gi}-{kind}", text, date + dt.timedelta(days=1), len(docs)))
            group.append(gi)
    # Independent reports: other outlets' own (non-wire) articles on the same days whose
    # TF-IDF similarity with an original says they cover the same story.
    chosen = {id(r) for r in originals}
    others = [r for r in records if id(r) not in chosen]
    pool = [StoryDoc(f"x{i}", str(r["text"]), dt.date.fromisoformat(str(r["published"])))
            for i, r in enumerate(others)]  # fmt: skip
    base = [StoryDoc(d.id, d.text, d.published) for d in docs if d.id.startswith("o")]
    pairs = similar_pairs(base + pool, threshold=0.2, window_days=2)
    same_story = set()
    for i, j, _ in pairs:
        if i < len(base) <= j and others[j - len(base)]["outlet"] != originals[i]["outlet"]:
            same_story.add(j - len(base))
    for k in sorted(same_story):
        r = others[k]
        docs.append(DedupDoc(f"s{k}", str(r["text"]),
                             dt.date.fromisoformat(str(r["published"])), len(docs)))  # fmt: skip
        group.append(-1 - k)
    truth = {(i, j) for i, j in combinations(range(len(docs)), 2) if group[i] == group[j]}

    def score(found: set[tuple[int, int]]) -> dict[str, float]:
        tp = len(found & truth)
        return {"precision": round(tp / len(found), 4) if found else 1.0,
                "recall": round(tp / len(truth), 4) if truth else 1.0,
                "false_pairs": len(found - truth), "missed_pairs": len(truth - found)}  # fmt: skip

    index = {d.id: i for i, d in enumerate(docs)}
    links = find_duplicates(docs)
    groups: dict[str, set[int]] = {}
    for link in links:
        groups.setdefault(link.original_id, {index[link.original_id]}).add(index[link.article_id])
    ours = {(min(a, b), max(a, b)) for g in groups.values() for a, b in combinations(g, 2)}
    earliest_ok = sum(1 for link in links if link.original_id.startswith("o"))
    sets = [shingles(d.text) for d in docs]
    same_story_pairs = [(index[f"o{i}"], j) for i in range(len(base)) for j in range(len(docs))
                        if group[j] < 0]  # fmt: skip
    print(json.dumps({
        "documents": len(docs), "originals": len(originals),
        "copies": sum(1 for d in docs if d.id.startswith("c")),
        "independent_same_story": len(same_story), "true_pairs": len(truth),
        "containment_rule": score(ours),
        "jaccard_only_0.5": score(jaccard_only_pairs(sets, 0.5)),
        "links_pointing_at_the_true_original": f"{earliest_ok}/{len(links)}",
        "max_containment_of_a_same_story_pair": round(max(
            (len(sets[a] & sets[b]) / max(min(len(sets[a]), len(sets[b])), 1)
             for a, b in same_story_pairs if group[a] != group[b]), default=0.0), 4),
    }, indent=1))  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=POLNEAR,
                        help=f"the PolNeAR folder (default {POLNEAR})")
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("speed")
    p.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    p.add_argument("--limit", type=int, default=None, help="only the first N articles")
    p.add_argument("--timeout", type=float, default=120.0)
    p.set_defaults(func=speed)
    d = sub.add_parser("dedup")
    d.add_argument("--originals", type=int, default=80)
    d.add_argument("--seed", type=int, default=7)
    d.set_defaults(func=dedup)
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"PolNeAR not found at {args.data}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    args.func(args)
    print(f"# {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
