"""Persuasion techniques per paragraph: a small linear model we trained (issue 9).

The model (``data/models/techniques.npz``, written by ``scripts/train_techniques.py`` from
the SemEval-2023 Task 3 English training split; ``docs/model-card-techniques.md``) is plain
weights applied here with numpy: per technique, one linear model (the mean of a logistic
regression and an NB-LR, folded into one weight vector) over two TF-IDF blocks of the
paragraph, its lower-cased word uni- and bigrams and its character 2- to 5-grams
inside words. A technique is predicted when its probability passes the threshold tuned by
grouped cross-validation on the training split. The evidence is the paragraph's word
n-grams with the largest contribution to that technique (character n-grams explain nothing
to a reader).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..errors import DataError
from ..model import Analysis, Frame

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

MODEL_FILE = "techniques.npz"
#: scikit-learn's default token pattern, so that training and prediction see the same words.
TOKEN = re.compile(r"(?u)\b\w\w+\b")
#: scikit-learn's white-space run, collapsed before character n-grams are cut.
WHITE_SPACE = re.compile(r"\s\s+")
CHAR_SIZES = (2, 5)  # shortest and longest character n-gram
EVIDENCE_SIZE = 5
#: How a technique frame's note names its evidence (word n-grams hold no comma).
EVIDENCE_NOTE = "evidence: "
NO_EVIDENCE = "no single word n-gram"
#: The arrays a model file holds (``about`` is a JSON string saying what it was trained on).
ARRAYS = ("about", "labels", "words", "word_idf", "chars", "char_idf", "coef", "intercept",
          "thresholds")  # fmt: skip
#: Arrays a model file may hold: ``context``, the weights of the article block (the whole
#: article's TF-IDF over the word block, or over both blocks); a model without it scores
#: each paragraph alone.
OPTIONAL_ARRAYS = ("context",)


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


def char_ngrams(text: str) -> Counter[str]:
    """Return the counts of the character n-grams of ``text``'s lower-cased words.

    Each white-space separated word is padded with one space on each side and cut into
    every n-gram of CHAR_SIZES; a word shorter than n counts once (scikit-learn's
    ``char_wb`` analyser, which the training script checks against).
    """
    grams: Counter[str] = Counter()
    for word in words_of(text):
        grams.update(word_char_ngrams(word))
    return grams


def words_of(text: str) -> list[str]:
    """Return the lower-cased white-space separated words of ``text``."""
    return WHITE_SPACE.sub(" ", text.lower()).split()


def word_char_ngrams(word: str) -> list[str]:
    """Return the character n-grams of one lower-cased ``word``, with repeats."""
    low, high = CHAR_SIZES
    padded = f" {word} "
    out: list[str] = []
    for n in range(low, high + 1):
        if len(padded) <= n:
            out.append(padded)
            break
        out.extend(padded[k : k + n] for k in range(len(padded) - n + 1))
    return out


#: A paragraph's features: the feature indices and their values.
Row = tuple[np.ndarray, np.ndarray]
#: A paragraph's counts: word n-gram indices and counts, character n-gram indices and counts.
Counts = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
#: Words whose character n-gram indices are remembered (then the memo starts afresh).
CHAR_MEMO = 200_000


@dataclass(frozen=True, slots=True)
class Prediction:
    """The techniques predicted for one paragraph, each with its evidence n-grams."""

    labels: tuple[str, ...]
    evidence: dict[str, tuple[str, ...]]


class TechniqueClassifier:
    """The linear model; ``predict`` gives each paragraph's techniques."""

    def __init__(self, arrays: Mapping[str, np.ndarray]) -> None:
        try:
            self.labels: list[str] = [str(x) for x in arrays["labels"]]
            words = [str(x) for x in arrays["words"]]
            chars = [str(x) for x in arrays["chars"]]
            self.word_idf = np.asarray(arrays["word_idf"], dtype=np.float64)
            self.char_idf = np.asarray(arrays["char_idf"], dtype=np.float64)
            self.coef = np.asarray(arrays["coef"], dtype=np.float32)  # (features, labels)
            self.intercept = np.asarray(arrays["intercept"], dtype=np.float64)
            self.thresholds = np.asarray(arrays["thresholds"], dtype=np.float64)
            context = arrays.get("context")
            self.context = None if context is None else np.asarray(context, dtype=np.float32)
            self.about: dict[str, object] = json.loads(str(arrays["about"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(f"technique model is malformed: {exc}") from exc
        self.words = words  # feature index -> word n-gram, for the evidence
        self.word_index = {g: i for i, g in enumerate(words)}
        self.char_index = {g: i for i, g in enumerate(chars)}  # within the character block
        n_labels = len(self.labels)
        if (
            len(self.word_idf) != len(words)
            or len(self.char_idf) != len(chars)
            or self.coef.shape != (len(words) + len(chars), n_labels)
            or self.intercept.shape != (n_labels,)
            or self.thresholds.shape != (n_labels,)
            or (
                self.context is not None
                and self.context.shape not in ((len(words), n_labels), self.coef.shape)
            )
        ):
            raise DataError("technique model: its weights do not match its vocabulary")
        from spacy.lang.en.stop_words import STOP_WORDS  # here: importing us stays light

        self.stop_words = frozenset(STOP_WORDS)
        self._char_memo: dict[str, np.ndarray] = {}

    @classmethod
    def load(cls, path: Path | None = None) -> TechniqueClassifier:
        """Return the classifier in ``path`` (default: the one in ``newsevents/data/models/``).

        Raises:
            DataError: the model file is missing or malformed.
        """
        where: Path | Traversable = (
            path or resources.files("newsevents") / "data" / "models" / MODEL_FILE
        )
        try:
            with where.open("rb") as fh, np.load(fh, allow_pickle=False) as npz:
                arrays = {name: npz[name] for name in ARRAYS}
                arrays.update({name: npz[name] for name in OPTIONAL_ARRAYS if name in npz})
        except (OSError, ValueError, KeyError) as exc:
            raise DataError(
                f"cannot read the technique model {where}: {exc}; "
                "rebuild it with scripts/train_techniques.py"
            ) from exc
        return cls(arrays)

    def text_features(self, text: str) -> Row:
        """Return the paragraph's features: both TF-IDF blocks side by side.

        Each block is sublinear tf × idf, l2-normalised on its own, as two scikit-learn
        ``TfidfVectorizer``s side by side; character indices come after the word ones.
        """
        return self._features(self.counts(text))

    def counts(self, text: str) -> Counts:
        """Return the vocabulary indices and counts of ``text``'s word and character n-grams."""
        grams = ngrams(text)
        known = [(self.word_index[g], c) for g, c in grams.items() if g in self.word_index]
        w_index = np.array([i for i, _ in known], dtype=np.int64)
        w_counts = np.array([c for _, c in known], dtype=np.float64)
        ids = [self._char_ids(word) for word in words_of(text)]
        c_index, c_counts = np.unique(
            np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64), return_counts=True
        )
        return w_index, w_counts, c_index, c_counts.astype(np.float64)

    def _features(self, counts: Counts) -> Row:
        w_index, w_counts, c_index, c_counts = counts
        return (
            np.concatenate([w_index, c_index + len(self.words)]),
            np.concatenate(
                [_tfidf(w_counts, self.word_idf[w_index]), _tfidf(c_counts, self.char_idf[c_index])]
            ),
        )

    def context_scores(self, counts: Sequence[Counts]) -> np.ndarray:
        """Return the article block's score per label, from all the article's paragraphs.

        The article's counts are the sum of its paragraphs' (as in training), weighted as
        the paragraphs' own blocks are; zero without a ``context`` array.
        """
        if self.context is None or not counts:
            return np.zeros(len(self.labels))
        w_index, w_counts = _summed([c[0] for c in counts], [c[1] for c in counts])
        index, values = w_index, _tfidf(w_counts, self.word_idf[w_index])
        if self.context.shape[0] > len(self.words):
            c_index, c_counts = _summed([c[2] for c in counts], [c[3] for c in counts])
            index = np.concatenate([index, c_index + len(self.words)])
            values = np.concatenate([values, _tfidf(c_counts, self.char_idf[c_index])])
        return np.asarray(values @ self.context[index], dtype=np.float64)

    def _char_ids(self, word: str) -> np.ndarray:
        """Return the vocabulary indices of ``word``'s character n-grams, with repeats.

        Memoised per word: words repeat, and cutting n-grams in Python is the slow part.
        """
        found = self._char_memo.get(word)
        if found is None:
            if len(self._char_memo) >= CHAR_MEMO:
                self._char_memo.clear()
            index = self.char_index
            found = np.array(
                [index[g] for g in word_char_ngrams(word) if g in index], dtype=np.int64
            )
            self._char_memo[word] = found
        return found

    def probabilities(self, texts: Sequence[str]) -> tuple[np.ndarray, list[Row]]:
        """Return the probabilities (paragraphs × labels) and the feature rows.

        ``texts`` are the paragraphs of one article: with a ``context`` array, each is also
        scored by the whole article's features.
        """
        counts = [self.counts(text) for text in texts]
        rows = [self._features(c) for c in counts]
        scores = np.tile(self.intercept + self.context_scores(counts), (len(texts), 1))
        for n, (index, values) in enumerate(rows):
            scores[n] += values @ self.coef[index]
        return _sigmoid(scores), rows

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        """Return the techniques of each paragraph of one article, in order."""
        if not texts:
            return []
        probs, rows = self.probabilities(texts)
        out: list[Prediction] = []
        for n, row in enumerate(rows):
            passed = [j for j in range(len(self.labels)) if probs[n, j] >= self.thresholds[j]]
            out.append(
                Prediction(
                    tuple(self.labels[j] for j in passed),
                    {self.labels[j]: self._evidence(row, j) for j in passed},
                )
            )
        return out

    def _evidence(self, row: Row, label: int) -> tuple[str, ...]:
        """Return the word n-grams of ``row`` with the largest positive x·w for ``label``.

        N-grams made only of stop words ("of", "as the") are left out: they weigh in the
        model but explain nothing to a reader.
        """
        index, values = row
        words = index < len(self.words)
        index, scores = index[words], values[words] * self.coef[index[words], label]
        shown: list[str] = []
        for k in np.argsort(-scores, kind="stable"):
            if scores[k] <= 0 or len(shown) == EVIDENCE_SIZE:
                break
            gram = self.words[int(index[k])]
            if not all(w in self.stop_words for w in gram.split()):
                shown.append(gram)
        return tuple(shown)


def _tfidf(counts: np.ndarray, idf: np.ndarray) -> np.ndarray:
    """Return the l2-normalised sublinear TF-IDF values of ``counts`` (idf: theirs)."""
    values = (1.0 + np.log(counts)) * idf if len(counts) else np.zeros(0)
    norm = float(np.sqrt(values @ values)) or 1.0
    return np.asarray(values / norm, dtype=np.float64)


def _summed(indices: list[np.ndarray], counts: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Return the distinct indices of ``indices`` and the sum of their ``counts``."""
    index, where = np.unique(np.concatenate(indices), return_inverse=True)
    return index, np.bincount(where, weights=np.concatenate(counts), minlength=len(index))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(x, -30, 30))), dtype=float)


def evidence_spans(text: str, grams: Sequence[str]) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` in ``text`` of every occurrence of the word n-grams ``grams``.

    An n-gram is matched on the words the model cut (TOKEN on the lower-cased text), so a
    bigram spans its two words and what lies between them; spans are sorted and merged.
    """
    words = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text.lower())]
    wanted = {tuple(g.split()) for g in grams}
    found: list[tuple[int, int]] = []
    for size in {len(w) for w in wanted}:
        for k in range(len(words) - size + 1):
            if tuple(w for _, _, w in words[k : k + size]) in wanted:
                found.append((words[k][0], words[k + size - 1][1]))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(found):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def evidence_of(frame: Frame) -> list[str]:
    """Return the evidence word n-grams a technique frame's note names (none: empty)."""
    words = frame.note.removeprefix(EVIDENCE_NOTE)
    return [] if words == NO_EVIDENCE else words.split(", ")


def find_techniques(analysis: Analysis, classifier: TechniqueClassifier) -> list[Frame]:
    """Return a ``technique`` Frame per predicted technique per paragraph.

    The frame spans the paragraph; ``label`` is the SemEval technique name and ``note`` its
    evidence word n-grams.
    """
    text = analysis.article.text
    spans = paragraphs(text)
    predictions = classifier.predict([text[s:e] for s, e in spans])
    frames: list[Frame] = []
    for (s, e), prediction in zip(spans, predictions, strict=True):
        for label in prediction.labels:
            words = ", ".join(prediction.evidence[label]) or NO_EVIDENCE
            frames.append(
                Frame(
                    kind="technique",
                    start=s,
                    end=e,
                    text=text[s:e],
                    note=EVIDENCE_NOTE + words,
                    label=label,
                )
            )
    return frames
