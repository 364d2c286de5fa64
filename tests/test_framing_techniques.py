"""The technique classifier: paragraphs, our TF-IDF against scikit-learn's, the shipped model."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.errors import DataError
from newsevents.eval.framing import SpanScore, evaluate, load_corpus, paragraph_scores
from newsevents.framing.techniques import (
    LEXICON_FEATURES,
    TechniqueClassifier,
    ngrams,
    paragraphs,
)

PARAGRAPHS = [
    "The regime's thugs will never stop until they are stopped!",
    "Talks resumed on Monday in Geneva, officials said.",
    "Is this what they call peace? A disgrace, a total disgrace.",
]


@given(st.lists(st.sampled_from(["", " ", "A line.", "  Indented line. ", "x"]), max_size=8))
def test_paragraphs_are_the_non_empty_lines(lines: list[str]) -> None:
    text = "\n".join(lines)
    spans = paragraphs(text)
    assert [text[s:e] for s, e in spans] == [line.strip() for line in lines if line.strip()]


def _tiny_weights(texts: list[str]) -> tuple[dict[str, object], object]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer=lambda t: list(ngrams(t).elements()), sublinear_tf=True)
    matrix = vec.fit_transform(texts)
    n = len(vec.idf_) + len(LEXICON_FEATURES)
    rng = np.random.default_rng(0)
    weights = {
        "labels": ["A", "B"],
        "vocabulary": {g: int(i) for g, i in vec.vocabulary_.items()},
        "idf": vec.idf_.tolist(),
        "lexicon_scale": [1.0] * len(LEXICON_FEATURES),
        "stage1": {"coef": rng.normal(size=(n, 2)).tolist(), "intercept": [0.0, 0.0]},
        "stage2": {"coef": np.zeros((2 * 4 + 7, 2)).tolist(), "intercept": [0.0, -1.0]},
        "thresholds": [0.5, 0.5],
    }
    return weights, matrix


def test_our_tfidf_equals_scikit_learn() -> None:
    weights, matrix = _tiny_weights(PARAGRAPHS)
    classifier = TechniqueClassifier(weights)
    for n, text in enumerate(PARAGRAPHS):
        ours = np.zeros(len(classifier.idf))
        for i, v in classifier.text_features(text).items():
            ours[i] = v
        assert np.allclose(ours, matrix[n].toarray().ravel())  # type: ignore[attr-defined]


def test_stage2_thresholds_decide() -> None:
    weights, _ = _tiny_weights(PARAGRAPHS)
    predictions = TechniqueClassifier(weights).predict(
        PARAGRAPHS, np.zeros((len(PARAGRAPHS), len(LEXICON_FEATURES)))
    )
    # stage 2 is all zeros: label A sits at p = 0.5 (passes), B at sigmoid(-1) (fails)
    assert [p.labels for p in predictions] == [("A",)] * len(PARAGRAPHS)


def test_malformed_model_is_a_data_error() -> None:
    weights, _ = _tiny_weights(PARAGRAPHS)
    weights["idf"] = weights["idf"][:-1]  # type: ignore[index]
    with pytest.raises(DataError, match="do not match"):
        TechniqueClassifier(weights)


def test_shipped_model_predicts_with_evidence_from_the_paragraph() -> None:
    classifier = TechniqueClassifier.load()
    predictions = classifier.predict(
        PARAGRAPHS, np.zeros((len(PARAGRAPHS), len(LEXICON_FEATURES)))
    )
    assert len(predictions) == len(PARAGRAPHS)
    for text, prediction in zip(PARAGRAPHS, predictions, strict=True):
        assert set(prediction.labels) <= set(classifier.labels)
        for words in prediction.evidence.values():
            assert all(set(w.split()) <= set(ngrams(text)) for w in words)


def test_paragraph_scores_are_the_official_definition() -> None:
    gold = np.array([[1, 0, 0], [1, 1, 0], [0, 0, 0]])
    predicted = np.array([[1, 0, 0], [0, 1, 1], [0, 0, 0]])
    micro, macro = paragraph_scores(gold, predicted)
    assert micro == pytest.approx(2 * 2 / (2 * 2 + 1 + 1))  # tp 2, fp 1, fn 1
    assert macro == pytest.approx((2 / 3 + 1 + 0) / 3)


def test_span_score_gives_partial_credit() -> None:
    score = SpanScore()
    score.add([(0, 10), (20, 30)], [(5, 10)])
    assert score.overlap_f1()[:2] == pytest.approx((0.25, 1.0))
    assert score.hit_f1()[:2] == pytest.approx((0.5, 1.0))


@pytest.mark.shared_data
def test_eval_runs_on_two_dev_articles(shared_data) -> None:  # type: ignore[no-untyped-def]
    data = shared_data / "semeval2023_task3" / "en"
    corpus = load_corpus(data, "dev")
    assert corpus.y.shape == (len(corpus.keys), len(corpus.labels)) and len(corpus.labels) == 23
    report = evaluate(data, "dev", limit=2)
    assert report.articles == 2 and 0.0 <= report.micro_f1 <= 1.0
