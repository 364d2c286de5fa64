"""``newsevents eval framing``: persuasion techniques and loaded terms on SemEval-2023 Task 3.

Reads the English data at run time (default ``../shared/data/semeval2023_task3/en``; the
data's terms forbid copying it). Each article is parsed and run through the framing step
alone (its own voice checks use statements when present; here there are none), then:

- paragraph level: the technique frames per paragraph (a paragraph is a non-empty line, as
  in the task's templates) against ``<split>-labels-subtask-3.txt``, with the official
  scorer's definition: micro- and macro-F1 over the technique list in ``scorers/``
  (scikit-learn's ``f1_score`` on binarised label sets; macro over all techniques, 0 for a
  technique with neither gold nor prediction);
- span level: our loaded-term frames against the gold spans of ``Loaded_Language`` and
  ``Name_Calling-Labeling`` (``<split>-labels-subtask-3-spans/``), by the overlap measure of
  SemEval-2020 Task 11 (partial credit |p∩g|/|p| for precision, |p∩g|/|g| for recall) and
  by any-overlap matching; and the evidence word n-grams of each technique frame (their
  occurrences in its paragraph) against the gold spans of that technique, the same two ways.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import InputError
from ..framing.techniques import evidence_of, evidence_spans

DEFAULT_PATH = Path("../shared/data/semeval2023_task3/en")
#: Our loaded-term categories, by the SemEval technique they are scored against.
SPAN_LABELS: dict[str, frozenset[str]] = {
    "Name_Calling-Labeling": frozenset({"name_calling", "dehumanising"}),
    "Loaded_Language": frozenset({"loaded_label", "emotive", "euphemism", "scare_quotes"}),
}


@dataclass(slots=True)
class Corpus:
    """One split: article texts, paragraphs (non-empty lines) and their gold techniques."""

    labels: list[str]
    articles: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    keys: list[tuple[str, int]] = field(default_factory=list)  # (article, line number)
    paragraphs: list[str] = field(default_factory=list)
    article_of: list[str] = field(default_factory=list)
    article_rows: dict[str, list[int]] = field(default_factory=dict)
    y: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=int))


def technique_list(data: Path) -> list[str]:
    """Return the official technique names (``scorers/techniques_subtask3.txt``)."""
    path = data.parent / "scorers" / "techniques_subtask3.txt"
    if not path.is_file():
        raise InputError(f"technique list not found at {path}: pass the task's en/ folder")
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_corpus(data: Path, split: str) -> Corpus:
    """Return the articles and paragraph gold of ``split`` (train or dev) under ``data``.

    Raises:
        InputError: the folder does not hold the split.
    """
    gold_path = data / f"{split}-labels-subtask-3.txt"
    folder = data / f"{split}-articles-subtask-3"
    if not gold_path.is_file() or not folder.is_dir():
        raise InputError(f"{data} holds no {split} split (expected {gold_path} and {folder})")
    labels = technique_list(data)
    corpus = Corpus(labels=labels)
    rows: list[list[int]] = []
    index = {label: j for j, label in enumerate(labels)}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        article, number = parts[0], int(parts[1])
        if article not in corpus.texts:
            text = (folder / f"article{article}.txt").read_text(encoding="utf-8")
            corpus.texts[article] = text
            corpus.articles.append(article)
        lines = corpus.texts[article].split("\n")
        corpus.article_rows.setdefault(article, []).append(len(corpus.keys))
        corpus.keys.append((article, number))
        corpus.paragraphs.append(lines[number - 1].strip() if number <= len(lines) else "")
        corpus.article_of.append(article)
        found = parts[2].split(",") if len(parts) > 2 else []
        rows.append([int(label in found) for label in index])
    corpus.y = np.array(rows, dtype=int).reshape(len(rows), len(labels))
    return corpus


def paragraph_scores(gold: np.ndarray, predicted: np.ndarray) -> tuple[float, float]:
    """Return (micro-F1, macro-F1) as the official subtask-3 scorer computes them."""
    from sklearn.metrics import f1_score

    micro = f1_score(gold, predicted, average="micro", zero_division=0)
    macro = f1_score(gold, predicted, average="macro", zero_division=0)
    return float(micro), float(macro)


def gold_spans(data: Path, split: str, article: str) -> list[tuple[str, int, int]]:
    """Return the gold ``(technique, start, end)`` spans of one article."""
    path = data / f"{split}-labels-subtask-3-spans" / f"article{article}-labels-subtask-3.txt"
    out: list[tuple[str, int, int]] = []
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 4:
                out.append((parts[1], int(parts[2]), int(parts[3])))
    return out


@dataclass(slots=True)
class SpanScore:
    """Span-level counts for one technique, summed over articles."""

    predicted: int = 0
    gold: int = 0
    precision_credit: float = 0.0
    recall_credit: float = 0.0
    predicted_hit: int = 0
    gold_hit: int = 0

    def add(self, predicted: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> None:
        """Add one article's predicted and gold spans."""
        self.predicted += len(predicted)
        self.gold += len(gold)
        for s, e in predicted:
            best = max((_overlap((s, e), g) for g in gold), default=0)
            self.precision_credit += best / max(e - s, 1)
            self.predicted_hit += best > 0
        for s, e in gold:
            best = max((_overlap(p, (s, e)) for p in predicted), default=0)
            self.recall_credit += best / max(e - s, 1)
            self.gold_hit += best > 0

    def overlap_f1(self) -> tuple[float, float, float]:
        """Return (P, R, F1) with partial credit by overlap (SemEval-2020 Task 11)."""
        return _prf(self.precision_credit, self.predicted, self.recall_credit, self.gold)

    def hit_f1(self) -> tuple[float, float, float]:
        """Return (P, R, F1) counting any overlap as a match."""
        return _prf(self.predicted_hit, self.predicted, self.gold_hit, self.gold)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _prf(p_credit: float, p_n: int, r_credit: float, r_n: int) -> tuple[float, float, float]:
    p = p_credit / p_n if p_n else 0.0
    r = r_credit / r_n if r_n else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class FramingReport:
    """What ``evaluate`` measured."""

    split: str
    articles: int
    paragraphs: int
    micro_f1: float
    macro_f1: float
    per_label: dict[str, tuple[int, int, float]]  # label -> (gold, predicted, F1)
    spans: dict[str, SpanScore]
    #: the technique frames' evidence n-grams against the gold spans of their technique
    evidence: SpanScore = field(default_factory=lambda: SpanScore())


def _analyses(texts: Sequence[str]) -> Iterator[Any]:
    """Yield each text parsed and run through the framing step alone."""
    from ..config import Config
    from ..framing import FramingStep
    from ..model import Analysis, Article
    from ..parse import load_nlp, sentence_offsets

    step = FramingStep(Config())
    for n, doc in enumerate(load_nlp().pipe(texts, batch_size=8)):
        analysis = Analysis(article=Article(id=str(n), text=doc.text))
        analysis.doc = doc
        analysis.sentences = sentence_offsets(doc)
        yield step(analysis)


def evaluate(data: Path, split: str = "dev", limit: int | None = None) -> FramingReport:
    """Return the paragraph- and span-level scores of the framing step on ``split``.

    Raises:
        InputError: the data folder does not hold the split.
    """
    corpus = load_corpus(data, split)
    articles = corpus.articles[:limit] if limit else corpus.articles
    rows = [i for a in articles for i in corpus.article_rows[a]]
    row_of = {corpus.keys[i]: n for n, i in enumerate(rows)}
    predicted = np.zeros((len(rows), len(corpus.labels)), dtype=int)
    label_index = {label: j for j, label in enumerate(corpus.labels)}
    spans = {label: SpanScore() for label in SPAN_LABELS}
    evidence = SpanScore()
    analyses = _analyses([corpus.texts[a] for a in articles])
    for article, analysis in zip(articles, analyses, strict=True):
        text = analysis.article.text
        ours: dict[str, list[tuple[int, int]]] = {label: [] for label in SPAN_LABELS}
        cited: dict[str, list[tuple[int, int]]] = {}
        for frame in analysis.framing:
            if frame.kind == "technique":
                key = (article, text.count("\n", 0, frame.start) + 1)
                if key in row_of and frame.label in label_index:
                    predicted[row_of[key], label_index[frame.label]] = 1
                cited.setdefault(frame.label or "", []).extend(
                    (frame.start + s, frame.start + e)
                    for s, e in evidence_spans(frame.text, evidence_of(frame))
                )
            elif frame.kind == "loaded_term":
                for label, categories in SPAN_LABELS.items():
                    if frame.label in categories:
                        ours[label].append((frame.start, frame.end))
        gold = gold_spans(data, split, article)
        for label in SPAN_LABELS:
            spans[label].add(ours[label], [(s, e) for t, s, e in gold if t == label])
        for label in {t for t, _, _ in gold} | set(cited):
            evidence.add(cited.get(label, []), [(s, e) for t, s, e in gold if t == label])
    y = corpus.y[rows]
    micro, macro = paragraph_scores(y, predicted)
    per_label = {}
    for j, label in enumerate(corpus.labels):
        _, _, f1 = _prf(
            float((y[:, j] & predicted[:, j]).sum()), int(predicted[:, j].sum()),
            float((y[:, j] & predicted[:, j]).sum()), int(y[:, j].sum()),
        )  # fmt: skip
        per_label[label] = (int(y[:, j].sum()), int(predicted[:, j].sum()), f1)
    return FramingReport(split, len(articles), len(rows), micro, macro, per_label, spans, evidence)


def format_report(report: FramingReport) -> str:
    """Return the report as the lines ``newsevents eval framing`` prints."""
    lines = [
        f"SemEval-2023 Task 3 (en), {report.split}: {report.articles} articles, "
        f"{report.paragraphs} paragraphs",
        f"paragraph-level techniques: micro-F1 {report.micro_f1:.3f}  "
        f"macro-F1 {report.macro_f1:.3f}",
        "",
        f"{'technique':36} {'gold':>5} {'pred':>5} {'F1':>6}",
    ]
    for label, (gold, pred, f1) in sorted(report.per_label.items(), key=lambda kv: -kv[1][0]):
        lines.append(f"{label:36} {gold:5d} {pred:5d} {f1:6.3f}")
    lines += ["", "span-level, our loaded-term frames against the gold spans:"]
    for label, score in report.spans.items():
        lines.append(_span_line(f"  {label:24}", score))
    lines += [
        "span-level, technique evidence n-grams against the gold spans of their technique:",
        _span_line(f"  {'all techniques':24}", report.evidence),
    ]
    return "\n".join(lines)


def _span_line(head: str, score: SpanScore) -> str:
    op, orr, of = score.overlap_f1()
    hp, hr, hf = score.hit_f1()
    return (
        f"{head} gold {score.gold:5d} ours {score.predicted:4d} | overlap P {op:.3f} "
        f"R {orr:.3f} F1 {of:.3f} | any-overlap P {hp:.3f} R {hr:.3f} F1 {hf:.3f}"
    )


def run(args: argparse.Namespace) -> int:
    """Run the evaluation and print the report; return the exit code."""
    print(format_report(evaluate(Path(args.path), args.split, args.limit)))
    return 0


def register(sub: Any) -> None:
    """Add ``framing`` to the ``eval`` subcommands."""
    p: argparse.ArgumentParser = sub.add_parser(
        "framing",
        help="persuasion techniques (paragraph F1) and loaded terms (span F1) on SemEval-2023",
        description="Example: newsevents eval framing "
        "../shared/data/semeval2023_task3/en --split dev",
    )
    p.add_argument("path", nargs="?", default=str(DEFAULT_PATH), help="the task's en/ folder")
    p.add_argument("--split", default="dev", choices=("train", "dev"))
    p.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    p.set_defaults(func=run)
