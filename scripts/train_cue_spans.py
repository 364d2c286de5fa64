"""Train the cue boundary model of the statements step on the PolNeAR training split.

Usage:
    python scripts/train_cue_spans.py [--polnear ../shared/data/polnear]
        [--cache /tmp/newsevents-polnear-parses] [--out src/newsevents/data/models/...]
        [--report dev]

What it does (deterministic: fixed article folds, a deterministic solver):
1. parses the training articles or reads their parses from ``--cache`` (outside the repo);
2. runs the statements step's rules with the bundled cue scorer, without the span model,
   and keeps every cue whose head word lies inside a gold cue piece of the first annotator
   (mapped into our text as the scorer maps it): the rules found the cue, the question is
   only where it starts and ends;
3. for each such cue, every candidate first token (up to ``LEFT_REACH`` before the head)
   and last token (up to ``RIGHT_REACH`` after it) is an example, positive when it is the
   gold piece's first (last) token; two logistic regressions learn them;
4. picks the regularisation C by 5-fold cross-validation by article on train (the share of
   cues whose chosen boundaries are both right), then refits on all training articles and
   writes the weights as JSON.

``--report dev`` then scores the statements step with the written model on that split
(reporting only; nothing is chosen on it).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from train_attribution import _line, _real_quotes, end_to_end, parsed

from newsevents.eval.attribution import gold_sets
from newsevents.statements.attach import find_statements
from newsevents.statements.cues import load_cues
from newsevents.statements.learned import load_cue_model
from newsevents.statements.spans import FORMAT, candidate_features, context, load_span_model

ROOT = Path(__file__).resolve().parents[1]
SEED = 13
FOLDS = 5
PRUNE = 1e-3
MIN_COUNT = 2
CS = (0.3, 1.0)

#: One cue: (article, its start candidates' features, the gold start's position among
#: them or -1, the rule's start position), and the same for the end.
Group = tuple[int, list[list[str]], int, int]


def groups(
    golds: list[Any], articles: list[Any], docs: list[Any]
) -> tuple[list[Group], list[Group]]:
    """Return the start and end candidate groups of every rule cue a gold cue contains."""
    lexicon, model = load_cues(), load_cue_model()
    starts: list[Group] = []
    ends: list[Group] = []
    for k, (gold, article, doc) in enumerate(zip(golds, articles, docs, strict=True)):
        real = _real_quotes(doc.text)
        cues = sorted(gold_sets(article, gold.attributions)["cue"])
        seen: set[int] = set()
        for f in find_statements(doc, lexicon, model):
            h = f.cue_token
            if h < 0 or h in seen or f.kind == "according_to" or doc[h].text == ":":
                continue
            seen.add(h)
            head = doc[h]
            inside = [g for g in cues if g[0] <= head.idx < g[1]]
            if not inside:
                continue
            ctx = context(doc, h, f.cue, f.source, f.content, real)
            if ctx is None:
                continue
            g = inside[0]
            span = doc.char_span(g[0], g[1], alignment_mode="expand")
            if span is None:
                continue
            cand_s = list(range(ctx.lo, h + 1))
            cand_e = list(range(h, ctx.hi + 1))
            feats_s, feats_e = candidate_features(doc, ctx)
            starts.append((
                k, feats_s,
                cand_s.index(span.start) if span.start in cand_s else -1,
                cand_s.index(ctx.rule_start),
            ))  # fmt: skip
            ends.append((
                k, feats_e,
                cand_e.index(span.end - 1) if span.end - 1 in cand_e else -1,
                cand_e.index(ctx.rule_end),
            ))  # fmt: skip
    return starts, ends


def fit_side(rows: list[Group], c: float) -> tuple[dict[str, float], float]:
    """Return the weights and bias of one boundary scorer fitted on ``rows``."""
    data = [(fs, int(n == gold)) for _, cands, gold, _ in rows if gold >= 0
            for n, fs in enumerate(cands)]  # fmt: skip
    seen = Counter(f for fs, _ in data for f in set(fs))
    vec = DictVectorizer()
    x = vec.fit_transform({f: 1 for f in fs if seen[f] >= MIN_COUNT} for fs, _ in data).tocsr()
    x.indices = x.indices.astype(np.int32)
    x.indptr = x.indptr.astype(np.int32)
    y = np.array([label for _, label in data])
    model = LogisticRegression(C=c, solver="liblinear", max_iter=300, random_state=SEED)
    model.fit(x, y)
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True)
               if abs(w) >= PRUNE}  # fmt: skip
    return weights, round(float(model.intercept_[0]), 4)


def chosen(rows: list[Group], weights: dict[str, float], bias: float) -> list[int]:
    """Return the position of the best scoring candidate of each group."""
    out = []
    for _, cands, _, _ in rows:
        scores = [bias + sum(weights.get(f, 0.0) for f in fs) for fs in cands]
        out.append(int(np.argmax(scores)))
    return out


def accuracy(rows: list[Group], picks: list[int]) -> float:
    """Return the share of groups whose pick is the gold boundary (groups whose gold
    boundary is out of reach count as wrong)."""
    return sum(p == r[2] for p, r in zip(picks, rows, strict=True)) / max(len(rows), 1)


def main() -> None:
    """Train, choose C by cross-validation on train, write the model, report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/newsevents-polnear-parses"))
    parser.add_argument(
        "--out", type=Path,
        default=ROOT / "src" / "newsevents" / "data" / "models" / "attribution-spans.json",
    )  # fmt: skip
    parser.add_argument("--report", default="", help="splits to score afterwards: dev,test")
    args = parser.parse_args()
    t0 = time.perf_counter()
    golds, articles, docs = parsed(args.polnear, "train", args.cache)
    starts, ends = groups(golds, articles, docs)
    print(f"train: {len(docs)} articles, {len(starts)} cues with a gold cue around their head")
    rule_s = accuracy(starts, [r[3] for r in starts])
    rule_e = accuracy(ends, [r[3] for r in ends])
    rule_both = sum(s[3] == s[2] and e[3] == e[2] for s, e in zip(starts, ends, strict=True))
    print(f"rules: start right {rule_s:.3f}, end right {rule_e:.3f}, "
          f"both {rule_both / len(starts):.3f}")  # fmt: skip
    fold = [(k * 7919 + SEED) % FOLDS for k in range(len(docs))]
    best: tuple[float, float] | None = None
    for c in CS:
        ps: list[int] = [0] * len(starts)
        pe: list[int] = [0] * len(ends)
        for f in range(FOLDS):
            for rows, picks in ((starts, ps), (ends, pe)):
                train = [r for r in rows if fold[r[0]] != f]
                w, b = fit_side(train, c)
                held = [n for n, r in enumerate(rows) if fold[r[0]] == f]
                for n, p in zip(held, chosen([rows[n] for n in held], w, b), strict=True):
                    picks[n] = p
        both = sum(
            a == s[2] and b == e[2] for a, b, s, e in zip(ps, pe, starts, ends, strict=True)
        ) / len(starts)
        print(f"C={c}: cross-validated start right {accuracy(starts, ps):.3f}, "
              f"end right {accuracy(ends, pe):.3f}, both {both:.3f}", flush=True)  # fmt: skip
        if best is None or both > best[0]:
            best = (both, c)
    assert best is not None
    c = best[1]
    ws, bs = fit_side(starts, c)
    we, be = fit_side(ends, c)
    payload = {
        "format": FORMAT,
        "trained_on": "PolNeAR train split (first annotator per article)",
        "c": c,
        "seed": SEED,
        "start_bias": bs,
        "end_bias": be,
        "start": dict(sorted(ws.items())),
        "end": dict(sorted(we.items())),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"C {c}: wrote {args.out} ({len(ws)} + {len(we)} weights) "
          f"in {time.perf_counter() - t0:.0f} s")  # fmt: skip
    spans = load_span_model(args.out)
    lexicon, model = load_cues(), load_cue_model()
    for split in ["train", *[s for s in args.report.split(",") if s]]:
        sg, sa, sd = (golds, articles, docs) if split == "train" else parsed(
            args.polnear, split, args.cache
        )
        print(_line(f"{split}, rules' cue spans", end_to_end(sg, sa, sd, lexicon, model)))
        print(_line(f"{split}, learned cue spans",
                    end_to_end(sg, sa, sd, lexicon, model, spans=spans)), flush=True)  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
