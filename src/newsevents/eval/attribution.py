"""``newsevents eval attribution``: score statements against PolNeAR (issue 4).

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates attributions in brat standoff:
``T`` lines give Source / Cue / Content spans as character offsets into ``text/*.txt``
(discontinuous spans as ``a b;c d``), ``E`` lines bind one Source (or none), one Cue and one
Content into an attribution. Some articles have several annotators (the file suffix is the
annotator id); we score against the first in sorted order.

How the offsets are mapped. The pipeline scores ``article.text``, the *normalised* text
(white space collapsed, paragraphs joined by a blank line). Each gold piece ``[a, b)`` in
the original file is mapped with the inverse of ``Article.offsets``: ``a`` goes to the text
offset of the first copied character at or after ``a``, ``b`` to one past the text offset of
the last copied character before ``b``. Pieces then lose leading and trailing white space
and quote-free punctuation is left as annotated.

How spans are scored (see ``docs/statements.md``):

* every contiguous piece of a gold span is one gold span of its role (a content split by
  its cue, "'X,' he said, 'Y'", gives two content pieces); a predicted content that runs
  over the cue is cut into pieces the same way before scoring, so both sides are sets of
  contiguous spans per article and role (duplicates count once);
* exact: a predicted span is right when a gold span of the same role has the same start
  and end; precision, recall and F1 are micro-averaged over all articles;
* overlap: a predicted span counts for precision when it overlaps any gold span of its
  role, a gold span counts for recall when any predicted span of its role overlaps it.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Analysis, Article

ROLES: tuple[str, ...] = ("source", "cue", "content")
DEFAULT_PATH = Path("../shared/data/polnear")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")

Pieces = tuple[tuple[int, int], ...]

#: Pronouns that, alone, make a gold source "a pronoun" for the pronoun-speaker share.
PRONOUNS = frozenset(
    "he she they him her them i we you it his hers their".split()
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One gold attribution: its source (empty when there is none), cue and content pieces."""

    source: Pieces
    cue: Pieces
    content: Pieces


@dataclass(slots=True)
class GoldArticle:
    """One PolNeAR article: its name, original text and gold attributions (original offsets)."""

    name: str
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)


def read_ann(text: str) -> list[GoldAttribution]:
    """Return the attributions of one brat ``.ann`` file's text.

    A ``T`` line's quoted text may run over several lines; only the offsets are read, so
    the continuation lines are skipped.
    """
    spans: dict[str, Pieces] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        t = _T_LINE.match(line)
        if t:
            pieces = []
            for part in t.group(3).split(";"):
                a, b = part.split()
                pieces.append((int(a), int(b)))
            spans[t.group(1)] = tuple(pieces)
            continue
        e = _E_LINE.match(line)
        if e:
            roles: dict[str, str] = {}
            for arg in e.group(2).split():
                role, _, ref = arg.partition(":")
                roles[role.rstrip("0123456789").lower()] = ref
            events.append(roles)
    out = []
    for roles in events:
        if "cue" not in roles or "content" not in roles:
            continue  # a handful of unfinished annotations
        out.append(
            GoldAttribution(
                source=spans.get(roles.get("source", ""), ()),
                cue=spans.get(roles["cue"], ()),
                content=spans.get(roles["content"], ()),
            )
        )
    return out


def load_split(root: Path, split: str) -> list[GoldArticle]:
    """Return the articles of one PolNeAR split, each with its first annotator's attributions.

    Raises:
        InputError: the split folder is missing.
    """
    folder = root / split
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        raise InputError(f"{folder}: no text/ and attributions/ folders; is PATH PolNeAR?")
    anns: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(stem, ann)  # sorted: the first annotator wins
    articles = []
    for txt in sorted((folder / "text").glob("*.txt")):
        ann_path = anns.get(txt.stem)
        if ann_path is None:
            continue
        raw = txt.read_text(encoding="utf-8")
        gold = read_ann(ann_path.read_text(encoding="utf-8"))
        articles.append(GoldArticle(txt.stem, raw, gold))
    return articles


def map_span(article: Article, start: int, end: int) -> tuple[int, int] | None:
    """Return the text span of original span ``[start, end)``, trimmed, or None if none is left.

    Uses the inverse of ``article.offsets`` (runs are sorted by both text and original
    offset): characters normalisation dropped are skipped inward.
    """
    runs = article.offsets
    if not runs:
        return None
    originals = [r.original for r in runs]
    i = max(bisect.bisect_right(originals, start) - 1, 0)
    s: int | None = None
    for run in runs[i:]:
        if run.original + run.length <= start:
            continue
        if run.original >= end:
            break
        s = run.start + max(start - run.original, 0)
        break
    j = max(bisect.bisect_right(originals, end - 1) - 1, 0)
    e: int | None = None
    for run in reversed(runs[: j + 1]):
        if run.original >= end:
            continue
        if run.original + run.length <= start:
            break
        e = run.start + min(end - run.original, run.length)
        break
    if s is None or e is None or e <= s:
        return None
    text = article.text
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e > s else None


def cut_pieces(text: str, start: int, end: int, holes: Iterable[tuple[int, int]]) -> Pieces:
    """Return ``[start, end)`` minus ``holes``, as trimmed contiguous pieces (empty ones go)."""
    pieces: list[tuple[int, int]] = []
    cur = start
    for hs, he in sorted(holes):
        if he <= cur or hs >= end:
            continue
        pieces.append((cur, hs))
        cur = max(cur, he)
    pieces.append((cur, end))
    out = []
    for s, e in pieces:
        while s < e and (text[s].isspace() or text[s] in ",;"):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",;"):
            e -= 1
        if e > s:
            out.append((s, e))
    return tuple(out)


@dataclass(slots=True)
class Counts:
    """Exact and overlap counts for one role."""

    pred: int = 0
    gold: int = 0
    exact: int = 0
    overlap_pred: int = 0
    overlap_gold: int = 0

    def add(self, pred: set[tuple[int, int]], gold: set[tuple[int, int]]) -> None:
        """Add one article's predicted and gold span sets."""
        self.pred += len(pred)
        self.gold += len(gold)
        self.exact += len(pred & gold)
        self.overlap_pred += sum(1 for p in pred if any(_overlaps(p, g) for g in gold))
        self.overlap_gold += sum(1 for g in gold if any(_overlaps(p, g) for p in pred))

    def scores(self) -> dict[str, float]:
        """Return exact and overlap precision, recall and F1."""
        return {
            **_prf("exact", self.exact, self.exact, self.pred, self.gold),
            **_prf("overlap", self.overlap_pred, self.overlap_gold, self.pred, self.gold),
        }


def _prf(prefix: str, tp_p: int, tp_g: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {f"{prefix}_p": round(p, 4), f"{prefix}_r": round(r, 4), f"{prefix}_f1": round(f, 4)}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def gold_sets(article: Article, gold: list[GoldAttribution]) -> dict[str, set[tuple[int, int]]]:
    """Return the gold spans of each role, mapped to ``article.text``, one per piece."""
    out: dict[str, set[tuple[int, int]]] = {role: set() for role in ROLES}
    for att in gold:
        for role in ROLES:
            for a, b in getattr(att, role):
                mapped = map_span(article, a, b)
                if mapped:
                    out[role].add(mapped)
    return out


def predicted_sets(analysis: Analysis) -> dict[str, set[tuple[int, int]]]:
    """Return the predicted spans of each role; a content is cut around its own cue and source."""
    out: dict[str, set[tuple[int, int]]] = {role: set() for role in ROLES}
    text = analysis.article.text
    for st in analysis.statements:
        if st.source is not None:
            out["source"].add((st.source.start, st.source.end))
        out["cue"].add((st.cue.start, st.cue.end))
        holes = [(st.cue.start, st.cue.end)]
        if st.source is not None:
            holes.append((st.source.start, st.source.end))
        out["content"].update(cut_pieces(text, st.content.start, st.content.end, holes))
    return out


@dataclass(slots=True)
class PronounShare:
    """Gold attributions whose source is a lone pronoun, and how many we resolved right."""

    total: int = 0
    found: int = 0
    right: int = 0


def pronoun_share(
    analysis: Analysis, article_gold: list[GoldAttribution], share: PronounShare
) -> None:
    """Add to ``share`` this article's pronoun-source attributions and our right resolutions.

    The reference name of a pronoun source is the nearest gold source before it that is not
    itself a pronoun (PolNeAR has no coreference; in news the last named source is nearly
    always the one a "he said" continues). We resolved it right when a predicted statement's
    source overlaps the pronoun and its speaker actor's name shares a word with that reference.
    """
    text = analysis.article.text
    sources: list[tuple[int, int]] = []
    for att in article_gold:
        if att.source:
            mapped = map_span(analysis.article, att.source[0][0], att.source[-1][1])
            if mapped:
                sources.append(mapped)
    sources = sorted(set(sources))
    for k, (s, e) in enumerate(sources):
        if text[s:e].lower() not in PRONOUNS:
            continue
        reference = next(
            (text[a:b] for a, b in reversed(sources[:k]) if text[a:b].lower() not in PRONOUNS),
            None,
        )
        if reference is None:
            continue
        share.total += 1
        hit = next(
            (st for st in analysis.statements
             if st.source is not None and _overlaps((st.source.start, st.source.end), (s, e))),
            None,
        )  # fmt: skip
        if hit is None:
            continue
        share.found += 1
        actor = analysis.actor(hit.speaker)
        if actor is None:
            continue
        words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", actor.name)}
        if words & {w.lower() for w in re.findall(r"[A-Za-z]{3,}", reference)}:
            share.right += 1


@dataclass(frozen=True, slots=True)
class SpanError:
    """One scoring error of a role: ``kind`` is "boundary" (a prediction overlaps a gold span
    but does not match it: ``pred`` and ``gold`` both set), "missed" (a gold span nothing
    overlaps) or "spurious" (a prediction that overlaps no gold span)."""

    kind: str
    pred: tuple[int, int] | None
    gold: tuple[int, int] | None


def span_errors(pred: set[tuple[int, int]], gold: set[tuple[int, int]]) -> list[SpanError]:
    """Return the errors of one article's predicted spans of a role against its gold ones,
    in text order; an exact match is no error, and a prediction that matches one gold span
    exactly is not also a boundary error of a neighbour."""
    out: list[SpanError] = []
    right = pred & gold
    for p in sorted(pred - right):
        near = [g for g in sorted(gold - right) if _overlaps(p, g)]
        if near:
            out.extend(SpanError("boundary", p, g) for g in near)
        elif not any(_overlaps(p, g) for g in right):
            out.append(SpanError("spurious", p, None))
    for g in sorted(gold - right):
        if not any(_overlaps(p, g) for p in pred):
            out.append(SpanError("missed", None, g))
    return sorted(out, key=lambda e: (e.gold or e.pred or (0, 0)))


def error_lines(name: str, text: str, errors: Iterable[SpanError]) -> Iterator[str]:
    """Return one tab-separated line per error: article, kind, predicted and gold text (or
    "-"), and the error's sentence-ish context (the 80 characters either side, one line)."""
    for e in errors:
        span = e.gold or e.pred
        assert span is not None
        a, b = max(span[0] - 80, 0), min(span[1] + 80, len(text))
        context = f"{text[a:span[0]]}[[{text[span[0]:span[1]]}]]{text[span[1]:b]}"
        pred = text[e.pred[0] : e.pred[1]] if e.pred else "-"
        gold = text[e.gold[0] : e.gold[1]] if e.gold else "-"
        yield "\t".join((name, e.kind, pred, gold, " ".join(context.split())))


def evaluate(
    root: Path,
    split: str,
    limit: int | None = None,
    errors: str | None = None,
    out: Any = None,
) -> dict[str, Any]:
    """Return P/R/F1 (exact and overlap) per role and the pronoun share on one split.

    ``errors``: a role whose errors (boundary, missed, spurious) are written to ``out``
    (default standard error), one tab-separated line each, for error analysis.

    Raises:
        InputError: the split is missing.
    """
    from ..config import Config
    from ..pipeline import STEPS, ArticleInput, Pipeline

    class _UpToStatements(Pipeline):
        # only the steps up to statements, never built beyond: later steps cannot change
        # what is scored here, and their models need not be loaded (or even present)
        def __init__(self) -> None:
            self.config = Config()
            names = [name for name, _ in STEPS]
            upto = STEPS[: names.index("statements") + 1]
            self.steps = [factory(self.config) for _, factory in upto]

    pipeline = _UpToStatements()
    articles = load_split(root, split)[:limit]
    counts = {role: Counts() for role in ROLES}
    share = PronounShare()
    started = time.perf_counter()
    items = (ArticleInput(text=a.text, key=i) for i, a in enumerate(articles))
    for key, analysis in pipeline.run(items):
        assert isinstance(key, int)  # the keys are the article positions given above
        gold = articles[key].attributions
        g = gold_sets(analysis.article, gold)
        p = predicted_sets(analysis)
        for role in ROLES:
            counts[role].add(p[role], g[role])
        if errors is not None:
            lines = error_lines(
                articles[key].name, analysis.article.text, span_errors(p[errors], g[errors])
            )
            for line in lines:
                print(line, file=out or sys.stderr)
        pronoun_share(analysis, gold, share)
    return {
        "split": split,
        "articles": len(articles),
        "seconds": round(time.perf_counter() - started, 1),
        **{role: {**counts[role].scores(), "pred": counts[role].pred, "gold": counts[role].gold}
           for role in ROLES},
        "pronoun_sources": share.total,
        "pronoun_found": share.found,
        "pronoun_right": share.right,
        "pronoun_share": round(share.right / share.total, 4) if share.total else 0.0,
    }  # fmt: skip


def iter_rows(result: dict[str, Any]) -> Iterator[str]:
    """Return the lines of a readable table of ``result``."""
    yield f"PolNeAR {result['split']}: {result['articles']} articles, {result['seconds']} s"
    yield f"{'role':8} {'exact P':>8} {'R':>6} {'F1':>6}   {'overlap P':>9} {'R':>6} {'F1':>6}"
    for role in ROLES:
        r = result[role]
        yield (
            f"{role:8} {r['exact_p']:8.3f} {r['exact_r']:6.3f} {r['exact_f1']:6.3f}   "
            f"{r['overlap_p']:9.3f} {r['overlap_r']:6.3f} {r['overlap_f1']:6.3f}"
        )
    yield (
        f"pronoun sources: {result['pronoun_sources']}, found {result['pronoun_found']}, "
        f"resolved to the right name {result['pronoun_right']} ({result['pronoun_share']:.3f})"
    )


def run(args: argparse.Namespace) -> int:
    """Run the scorer from parsed arguments; return the exit code."""
    result = evaluate(Path(args.path), args.split, args.limit, errors=args.errors)
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for line in iter_rows(result):
            print(line)
    return 0


def register(sub: Any) -> None:
    """Add the ``attribution`` scorer to the ``eval`` subcommands."""
    p: argparse.ArgumentParser = sub.add_parser(
        "attribution",
        help="score statements (source, cue, content) against PolNeAR",
        description="Score the statements step against PolNeAR attributions: exact and "
        "overlap precision, recall and F1 per role, and the pronoun-speaker share.",
        epilog="example:\n  newsevents eval attribution ../shared/data/polnear --split dev",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("path", nargs="?", default=str(DEFAULT_PATH), help="the PolNeAR folder")
    p.add_argument("--split", choices=("train", "dev", "test"), default="dev")
    p.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument(
        "--errors",
        choices=ROLES,
        default=None,
        help="write this role's errors to standard error, one tab-separated line each: "
        "article, boundary/missed/spurious, predicted text, gold text, context",
    )
    p.set_defaults(func=run)
