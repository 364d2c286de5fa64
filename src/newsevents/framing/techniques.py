"""Persuasion techniques per paragraph: a small linear model we trained (issue 9).

The model (``data/models/techniques.json.gz``, written by ``scripts/train_techniques.py``
from the SemEval-2023 Task 3 English training split; ``docs/model-card-techniques.md``)
is plain weights applied here with numpy, in one or two stages:

1. per technique, a logistic regression over TF-IDF word uni- and bigrams of the paragraph
   and the counts of our lexicon categories in it;
2. (when cross-validation on train showed it helps; else ``stage2`` is null) per technique,
   a logistic regression over the stage-1 probabilities of the paragraph, of its
   neighbours and of the whole article, and the paragraph's length.

A technique is predicted when its last stage's probability passes its threshold (tuned by
cross-validation on the training split). The evidence is the paragraph's n-grams with the
largest stage-1 contribution to that technique.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import DataError
from ..model import Analysis, Frame
from .lexicon import CATEGORIES, Match

if TYPE_CHECKING:
    from spacy.tokens import Doc

MODEL_FILE = "techniques.json.gz"
#: scikit-learn's default token pattern, so that training and prediction see the same words.
TOKEN = re.compile(r"(?u)\b\w\w+\b")
#: The lexicon features, in model order: one count per lexicon category.
LEXICON_FEATURES: tuple[str, ...] = tuple(
    f"{name}:{category}" for name in sorted(CATEGORIES) for category in sorted(CATEGORIES[name])
)
EVIDENCE_SIZE = 5


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of each non-empty line of ``text`` (SemEval's paragraphs)."""
    out: list[tuple[int, int]] = []
    at = 0
    for line in text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            out.append((at + lead, at + len(line.rstrip())))
        at += len(line) + 1
    return out


def ngrams(text: str) -> Counter[str]:
    """Return the counts of the lower-cased word uni- and bigrams of ``text``."""
    words = TOKEN.findall(text.lower())
    grams = Counter(words)
    grams.update(f"{a} {b}" for a, b in pairwise(words))
    return grams


def lexicon_counts(
    matches: Mapping[str, Sequence[Match]], doc: Doc, spans: Sequence[tuple[int, int]]
) -> np.ndarray:
    """Return, per paragraph span, the count of lexicon matches of each LEXICON_FEATURES entry."""
    index = {name: n for n, name in enumerate(LEXICON_FEATURES)}
    starts = [s for s, _ in spans]
    counts = np.zeros((len(spans), len(LEXICON_FEATURES)))
    for name, found in matches.items():
        for match in found:
            at = doc[match.start].idx
            row = int(np.searchsorted(starts, at, side="right")) - 1
            if row >= 0 and at < spans[row][1]:
                counts[row, index[f"{name}:{match.entry.category}"]] += 1
    return counts


def context_features(probs: np.ndarray, texts: Sequence[str]) -> np.ndarray:
    """Return the stage-2 features of one article's paragraphs from their stage-1 ``probs``.

    Per paragraph: its own probabilities, the previous and next paragraph's (zeros at the
    edges), the article's mean, its relative position, whether it is the first, and its
    length (log characters, log words) and punctuation (quotes, "!", "?").
    """
    n = len(texts)
    zeros = np.zeros((1, probs.shape[1]))
    prev = np.vstack([zeros, probs[:-1]]) if n else probs
    nxt = np.vstack([probs[1:], zeros]) if n else probs
    mean = np.repeat(probs.mean(axis=0, keepdims=True), n, axis=0) if n else probs
    shape = np.array(
        [
            [
                i / n,
                float(i == 0),
                math.log1p(len(t)) / 8,
                math.log1p(len(t.split())) / 6,
                (t.count('"') + t.count("“") + t.count("”")) / 4,
                t.count("!"),
                t.count("?"),
            ]
            for i, t in enumerate(texts)
        ]
    ).reshape(n, 7)
    return np.hstack([probs, prev, nxt, mean, shape])


@dataclass(frozen=True, slots=True)
class Prediction:
    """The techniques predicted for one paragraph, each with its evidence n-grams."""

    labels: tuple[str, ...]
    evidence: dict[str, tuple[str, ...]]


class TechniqueClassifier:
    """The two-stage linear model; ``predict`` gives each paragraph's techniques."""

    def __init__(self, weights: Mapping[str, Any]) -> None:
        try:
            self.labels: list[str] = list(weights["labels"])
            self.vocabulary: dict[str, int] = dict(weights["vocabulary"])
            self.idf = np.asarray(weights["idf"], dtype=float)
            self.coef1 = np.asarray(weights["stage1"]["coef"], dtype=float)  # (features, labels)
            self.bias1 = np.asarray(weights["stage1"]["intercept"], dtype=float)
            self.lexicon_scale = np.asarray(weights["lexicon_scale"], dtype=float)
            stage2 = weights["stage2"]  # None: the stage-1 probabilities decide
            self.coef2 = None if stage2 is None else np.asarray(stage2["coef"], dtype=float)
            self.bias2 = None if stage2 is None else np.asarray(stage2["intercept"], dtype=float)
            self.thresholds = np.asarray(weights["thresholds"], dtype=float)
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(f"technique model is malformed: {exc}") from exc
        from spacy.lang.en.stop_words import STOP_WORDS  # here: importing us stays light

        self.names = _inverse(self.vocabulary)  # feature index -> n-gram, for the evidence
        self.stop_words = frozenset(STOP_WORDS)
        n_text = len(self.idf)
        if self.coef1.shape != (n_text + len(LEXICON_FEATURES), len(self.labels)):
            raise DataError("technique model: stage-1 weights do not match its vocabulary")

    @classmethod
    def load(cls) -> TechniqueClassifier:
        """Return the classifier shipped in ``newsevents/data/models/``.

        Raises:
            DataError: the model file is missing or malformed.
        """
        path = resources.files("newsevents") / "data" / "models" / MODEL_FILE
        try:
            with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
                weights = json.load(fh)
        except (OSError, ValueError) as exc:
            raise DataError(
                f"cannot read the technique model {path}: {exc}; "
                "rebuild it with scripts/train_techniques.py"
            ) from exc
        return cls(weights)

    def text_features(self, text: str) -> dict[int, float]:
        """Return the TF-IDF row of ``text`` (sublinear tf, l2 norm) as {feature: value}."""
        row = {
            self.vocabulary[g]: (1.0 + math.log(c)) * self.idf[self.vocabulary[g]]
            for g, c in ngrams(text).items()
            if g in self.vocabulary
        }
        norm = math.sqrt(sum(v * v for v in row.values())) or 1.0
        return {i: v / norm for i, v in row.items()}

    def stage1(
        self, texts: Sequence[str], lexicon: np.ndarray
    ) -> tuple[np.ndarray, list[dict[int, float]]]:
        """Return the stage-1 probabilities (paragraphs × labels) and the TF-IDF rows."""
        rows = [self.text_features(text) for text in texts]
        n_text = len(self.idf)
        scores = lexicon / self.lexicon_scale @ self.coef1[n_text:] + self.bias1
        for n, row in enumerate(rows):
            if row:
                index = np.fromiter(row.keys(), dtype=int, count=len(row))
                values = np.fromiter(row.values(), dtype=float, count=len(row))
                scores[n] += values @ self.coef1[index]
        return _sigmoid(scores), rows

    def predict(self, texts: Sequence[str], lexicon: np.ndarray) -> list[Prediction]:
        """Return the techniques of each paragraph of one article, in order.

        ``lexicon`` holds the paragraphs' LEXICON_FEATURES counts (``lexicon_counts``).
        """
        if not texts:
            return []
        probs1, rows = self.stage1(texts, lexicon)
        probs2 = probs1
        if self.coef2 is not None and self.bias2 is not None:
            probs2 = _sigmoid(context_features(probs1, texts) @ self.coef2 + self.bias2)
        out: list[Prediction] = []
        for n, row in enumerate(rows):
            labels = tuple(
                label for j, label in enumerate(self.labels) if probs2[n, j] >= self.thresholds[j]
            )
            evidence = {
                label: self._evidence(row, self.labels.index(label)) for label in labels
            }
            out.append(Prediction(labels, evidence))
        return out

    def _evidence(self, row: dict[int, float], label: int) -> tuple[str, ...]:
        """Return the n-grams of ``row`` with the largest positive weight x·w for ``label``.

        N-grams made only of stop words ("of", "as the") are left out: they weigh in the
        model but explain nothing to a reader.
        """
        scored = sorted(((v * self.coef1[i, label], i) for i, v in row.items()), reverse=True)
        shown = [
            self.names[i]
            for score, i in scored
            if score > 0 and not all(w in self.stop_words for w in self.names[i].split())
        ]
        return tuple(shown[:EVIDENCE_SIZE])


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(x, -30, 30))), dtype=float)


def _inverse(vocabulary: Mapping[str, int]) -> list[str]:
    names = [""] * len(vocabulary)
    for gram, i in vocabulary.items():
        names[i] = gram
    return names


def find_techniques(
    analysis: Analysis,
    doc: Doc,
    classifier: TechniqueClassifier,
    matches: Mapping[str, Sequence[Match]],
) -> list[Frame]:
    """Return a ``technique`` Frame per predicted technique per paragraph.

    The frame spans the paragraph; ``label`` is the SemEval technique name and ``note`` its
    evidence n-grams.
    """
    text = analysis.article.text
    spans = paragraphs(text)
    texts = [text[s:e] for s, e in spans]
    predictions = classifier.predict(texts, lexicon_counts(matches, doc, spans))
    frames: list[Frame] = []
    for (s, e), prediction in zip(spans, predictions, strict=True):
        for label in prediction.labels:
            words = ", ".join(prediction.evidence[label]) or "context only"
            frames.append(
                Frame(
                    kind="technique",
                    start=s,
                    end=e,
                    text=text[s:e],
                    note=f"evidence: {words}",
                    label=label,
                )
            )
    return frames
