"""Train the learned cue scorer of the statements step on the PolNeAR training split.

Usage:
    python scripts/train_attribution.py [--polnear ../shared/data/polnear]
        [--cache /tmp/newsevents-polnear-parses] [--out src/newsevents/data/models/...]
        [--report dev,test]

What it does (deterministic: fixed folds, a deterministic solver):
1. parses the training articles (normalised as the pipeline does), or reads the parses
   from ``--cache`` (a folder outside the repository; PolNeAR text never enters the repo);
2. labels every candidate token (verbs and nouns outside quotes) 1 when it lies inside a
   gold cue span of the first annotator, mapped into our text as the scorer maps it;
3. fits a logistic regression on string features (``newsevents.statements.learned``),
   5-fold cross-validated by article to get out-of-fold probabilities for every token;
4. picks the acceptance threshold and the lexicon veto by running the whole statements
   rules (with the cue boundary model, ``--spans``, default the bundled one) on the
   training articles with those out-of-fold probabilities and maximising the mean
   exact-match F1 of source, cue and content (train only, never dev or test);
5. refits on all training articles and writes the weights as JSON.

``--report dev,test`` then scores the written model on those splits (reporting only).
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
from spacy.tokens import Doc, DocBin

from newsevents.eval.attribution import (
    ROLES,
    Counts,
    GoldArticle,
    gold_sets,
    load_split,
    predicted_sets,
)
from newsevents.model import Analysis, Article
from newsevents.normalise import article_id, normalise
from newsevents.parse import load_nlp
from newsevents.statements import to_statements
from newsevents.statements.attach import MIN_QUOTE_WORDS, find_statements
from newsevents.statements.cues import CueLexicon, load_cues
from newsevents.statements.learned import FORMAT, CueModel, candidates, token_features
from newsevents.statements.quotes import find_quotes, words_in
from newsevents.statements.spans import SpanModel, load_span_model

ROOT = Path(__file__).resolve().parents[1]
SEED = 13
FOLDS = 5
#: Weights smaller than this are dropped from the shipped file (they move no decision).
PRUNE = 1e-3
MIN_COUNT = 3
THRESHOLDS = (0.35, 0.4, 0.45, 0.5, 0.6)
VETOES = (0.1, 0.2, 0.3)


def parsed(
    polnear: Path, split: str, cache: Path
) -> tuple[list[GoldArticle], list[Article], list[Doc]]:
    """Return the split's gold articles, normalised Articles and parses (cached in ``cache``)."""
    nlp = load_nlp()
    golds = load_split(polnear, split)
    articles = []
    for g in golds:
        norm = normalise(g.text)
        articles.append(Article(id=article_id(norm.text), text=norm.text, offsets=norm.offsets))
    path = cache / f"{split}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [d.text for d in docs] == [a.text for a in articles]:
            return golds, articles, docs
    cache.mkdir(parents=True, exist_ok=True)
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    bin_ = DocBin(store_user_data=False)
    for d in docs:
        bin_.add(d)
    bin_.to_disk(path)
    return golds, articles, docs


def _real_quotes(text: str) -> list[tuple[int, int]]:
    return [q for q in find_quotes(text) if words_in(text, q) >= MIN_QUOTE_WORDS]


def examples(
    golds: list[GoldArticle], articles: list[Article], docs: list[Doc], lexicon: CueLexicon
) -> tuple[list[list[str]], list[int], list[int], list[tuple[int, int]]]:
    """Return features, labels, article numbers and (article, token) keys of all candidates."""
    feats: list[list[str]] = []
    labels: list[int] = []
    groups: list[int] = []
    keys: list[tuple[int, int]] = []
    for k, (gold, article, doc) in enumerate(zip(golds, articles, docs, strict=True)):
        cues = sorted(gold_sets(article, gold.attributions)["cue"])
        for tok in candidates(doc, _real_quotes(doc.text)):
            a, b = tok.idx, tok.idx + len(tok)
            feats.append(token_features(tok, lexicon))
            labels.append(int(any(s <= a and b <= e for s, e in cues)))
            groups.append(k)
            keys.append((k, tok.i))
    return feats, labels, groups, keys


def cue_lemmas(feats: list[list[str]], labels: list[int], least: int = 2) -> list[str]:
    """Return the lemmas of candidates inside gold cues at least ``least`` times, sorted."""
    seen = Counter(fs[0].removeprefix("l=") for fs, y in zip(feats, labels, strict=True) if y)
    return sorted(lemma for lemma, n in seen.items() if n >= least)


def fit(x: Any, y: np.ndarray, c: float) -> LogisticRegression:
    """Return a logistic regression fitted on ``x``, ``y`` (L2, liblinear: deterministic)."""
    model = LogisticRegression(C=c, solver="liblinear", max_iter=200, random_state=SEED)
    model.fit(x, y)
    return model


def end_to_end(
    golds: list[GoldArticle],
    articles: list[Article],
    docs: list[Doc],
    lexicon: CueLexicon,
    model: CueModel | None,
    scores: list[dict[int, float]] | None = None,
    spans: SpanModel | None = None,
) -> dict[str, dict[str, float]]:
    """Return exact/overlap P/R/F1 per role of the statements rules on these articles
    (``spans``: the learned cue boundaries, None for the rules' own)."""
    counts = {role: Counts() for role in ROLES}
    for k, (gold, article, doc) in enumerate(zip(golds, articles, docs, strict=True)):
        found = find_statements(
            doc, lexicon, model, scores[k] if scores is not None else None, spans
        )
        analysis = Analysis(article=article, doc=doc)
        analysis.statements = to_statements(analysis, doc, found)
        g = gold_sets(article, gold.attributions)
        p = predicted_sets(analysis)
        for role in ROLES:
            counts[role].add(p[role], g[role])
    return {role: counts[role].scores() for role in ROLES}


def _mean_f1(result: dict[str, dict[str, float]]) -> float:
    return sum(result[r]["exact_f1"] for r in ROLES) / len(ROLES)


def _line(name: str, result: dict[str, dict[str, float]]) -> str:
    return f"{name:28} " + "  ".join(
        f"{r} {result[r]['exact_p']:.3f}/{result[r]['exact_r']:.3f}/{result[r]['exact_f1']:.3f}"
        for r in ROLES
    )


def main() -> None:
    """Train, tune on train by cross-validation, write the model, report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/newsevents-polnear-parses"))
    parser.add_argument(
        "--out", type=Path,
        default=ROOT / "src" / "newsevents" / "data" / "models" / "attribution-cues.json",
    )  # fmt: skip
    parser.add_argument("--c", type=float, default=0.5, help="inverse L2 strength")
    parser.add_argument("--save-oof", type=Path, default=None, help="write the CV scores here")
    parser.add_argument("--report", default="", help="splits to score afterwards: dev,test")
    parser.add_argument(
        "--spans", type=Path, default=None,
        help="the cue boundary model the rules run with (default: the bundled one)",
    )  # fmt: skip
    args = parser.parse_args()
    t0 = time.perf_counter()
    lexicon = load_cues()
    spans = load_span_model(args.spans)
    golds, articles, docs = parsed(args.polnear, "train", args.cache)
    print(f"train: {len(docs)} articles read in {time.perf_counter() - t0:.0f} s", flush=True)
    feats, labels, groups, keys = examples(golds, articles, docs, lexicon)
    # features seen fewer than MIN_COUNT times carry no reliable weight: leave them out
    seen = Counter(f for fs in feats for f in set(fs))
    vec = DictVectorizer()
    x = vec.fit_transform({f: 1 for f in fs if seen[f] >= MIN_COUNT} for fs in feats).tocsr()
    x.indices = x.indices.astype(np.int32)  # liblinear takes 32-bit sparse indices only
    x.indptr = x.indptr.astype(np.int32)
    y = np.array(labels)
    g = np.array(groups)
    print(f"{len(y)} candidates, {int(y.sum())} in gold cues, {x.shape[1]} features", flush=True)

    # out-of-fold probabilities: articles split into FOLDS fixed folds
    fold_of = np.array([(k * 7919 + SEED) % FOLDS for k in range(len(docs))])[g]
    oof = np.zeros(len(y))
    for fold in range(FOLDS):
        train_rows, test_rows = fold_of != fold, fold_of == fold
        oof[test_rows] = fit(x[train_rows], y[train_rows], args.c).predict_proba(x[test_rows])[:, 1]
    scores: list[dict[int, float]] = [{} for _ in docs]
    for (k, i), p in zip(keys, oof, strict=True):
        scores[k][i] = float(p)
    if args.save_oof:  # for error analysis; kept outside the repository
        args.save_oof.write_text(json.dumps(scores), encoding="utf-8")
    print(f"cross-validated in {time.perf_counter() - t0:.0f} s", flush=True)

    baseline = end_to_end(golds, articles, docs, lexicon, None, spans=spans)
    print(_line("train, lexicon only", baseline), flush=True)
    best: tuple[float, float, float] | None = None
    for threshold in THRESHOLDS:
        for veto in VETOES:
            probe = CueModel(weights={}, bias=0.0, threshold=threshold, veto=veto)
            result = end_to_end(golds, articles, docs, lexicon, probe, scores, spans)
            mean = _mean_f1(result)
            print(_line(f"train cv t={threshold} veto={veto}", result), flush=True)
            if best is None or mean > best[0]:
                best = (mean, threshold, veto)
    assert best is not None
    _, threshold, veto = best
    print(f"chosen on train (cross-validated): threshold {threshold}, veto {veto}")

    final = fit(x, y, args.c)
    names = vec.get_feature_names_out()
    weights = {
        str(n): round(float(w), 4)
        for n, w in zip(names, final.coef_[0], strict=True)
        if abs(w) >= PRUNE
    }
    payload = {
        "format": FORMAT,
        "trained_on": "PolNeAR train split (first annotator per article)",
        "c": args.c,
        "seed": SEED,
        "threshold": threshold,
        "veto": veto,
        "bias": round(float(final.intercept_[0]), 4),
        "lemmas": cue_lemmas(feats, labels),
        "weights": dict(sorted(weights.items())),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} weights) in {time.perf_counter() - t0:.0f} s")

    from newsevents.statements.learned import load_cue_model

    model = load_cue_model(args.out)
    for split in ["train", *[s for s in args.report.split(",") if s]]:
        sg, sa, sd = (golds, articles, docs) if split == "train" else parsed(
            args.polnear, split, args.cache
        )
        result = end_to_end(sg, sa, sd, lexicon, model, spans=spans)
        print(_line(f"{split}, final model", result), flush=True)


if __name__ == "__main__":
    sys.exit(main())
