"""The technique classifier: paragraphs, our TF-IDF against scikit-learn's, the shipped model."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.errors import DataError
from newsevents.eval.framing import (
    SpanScore,
    evaluate,
    format_report,
    load_corpus,
    paragraph_scores,
)
from newsevents.framing.techniques import (
    CHAR_SIZES,
    TechniqueClassifier,
    char_ngrams,
    evidence_spans,
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


def _tiny_arrays(texts: list[str]) -> tuple[dict[str, np.ndarray], object]:
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer

    words = TfidfVectorizer(analyzer=lambda t: list(ngrams(t).elements()), sublinear_tf=True)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_SIZES, sublinear_tf=True)
    matrix = hstack([words.fit_transform(texts), chars.fit_transform(texts)]).tocsr()
    rng = np.random.default_rng(0)
    arrays = {
        "about": np.array(json.dumps({"about": "a test model"})),
        "labels": np.array(["A", "B"]),
        "words": np.array(words.get_feature_names_out().tolist()),
        "word_idf": words.idf_,
        "chars": np.array(chars.get_feature_names_out().tolist()),
        "char_idf": chars.idf_,
        "coef": rng.normal(size=(matrix.shape[1], 2)),
        "intercept": np.zeros(2),
        "thresholds": np.array([0.5, 0.5]),
    }
    return arrays, matrix


@settings(deadline=None)
@given(st.text(alphabet=st.sampled_from("ab C.-'\n\t "), max_size=40))
def test_char_ngrams_are_scikit_learns_char_wb(text: str) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    theirs = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_SIZES).build_analyzer()
    assert char_ngrams(text) == Counter(theirs(text))


def test_our_tfidf_equals_scikit_learn() -> None:
    arrays, matrix = _tiny_arrays(PARAGRAPHS)
    classifier = TechniqueClassifier(arrays)
    for n, text in enumerate(PARAGRAPHS):
        ours = np.zeros(matrix.shape[1])  # type: ignore[attr-defined]
        index, values = classifier.text_features(text)
        ours[index] = values
        assert len(set(index.tolist())) == len(index)
        assert np.allclose(ours, matrix[n].toarray().ravel())  # type: ignore[index]


def test_thresholds_decide() -> None:
    arrays, _ = _tiny_arrays(PARAGRAPHS)
    arrays["coef"] = np.zeros_like(arrays["coef"])
    arrays["intercept"] = np.array([0.0, -1.0])
    predictions = TechniqueClassifier(arrays).predict(PARAGRAPHS)
    # all weights zero: label A sits at p = 0.5 (passes), B at sigmoid(-1) (fails)
    assert [p.labels for p in predictions] == [("A",)] * len(PARAGRAPHS)
    assert all(p.evidence == {"A": ()} for p in predictions)


def test_evidence_is_the_strongest_word_ngrams() -> None:
    arrays, _ = _tiny_arrays(PARAGRAPHS)
    words = arrays["words"].tolist()
    arrays["coef"] = np.zeros_like(arrays["coef"])
    arrays["coef"][words.index("disgrace"), 0] = 5.0
    arrays["coef"][words.index("total disgrace"), 0] = 2.0
    arrays["thresholds"] = np.array([0.6, 0.6])
    predictions = TechniqueClassifier(arrays).predict(PARAGRAPHS)
    assert [p.labels for p in predictions] == [(), (), ("A",)]
    assert predictions[2].evidence["A"] == ("disgrace", "total disgrace")


def test_malformed_model_is_a_data_error() -> None:
    arrays, _ = _tiny_arrays(PARAGRAPHS)
    arrays["word_idf"] = arrays["word_idf"][:-1]
    with pytest.raises(DataError, match="do not match"):
        TechniqueClassifier(arrays)
    del arrays["coef"]
    with pytest.raises(DataError, match="malformed"):
        TechniqueClassifier(arrays)


def test_model_file_that_is_not_a_model_is_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "model.npz"
    path.write_bytes(b"not a zip")
    with pytest.raises(DataError, match="cannot read"):
        TechniqueClassifier.load(path)


def test_shipped_model_predicts_with_evidence_from_the_paragraph() -> None:
    classifier = TechniqueClassifier.load()
    predictions = classifier.predict(PARAGRAPHS)
    assert len(predictions) == len(PARAGRAPHS)
    for text, prediction in zip(PARAGRAPHS, predictions, strict=True):
        assert set(prediction.labels) <= set(classifier.labels)
        for words in prediction.evidence.values():
            assert all(set(w.split()) <= set(ngrams(text)) for w in words)
    # plain arrays, no pickled objects: the file loads with allow_pickle=False
    assert classifier.coef.shape[1] == len(classifier.labels) and classifier.about


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
    assert report.evidence.gold > 0 and 0.0 <= report.evidence.overlap_f1()[2] <= 1.0
    assert "technique evidence n-grams" in format_report(report)


def _training_script():  # type: ignore[no-untyped-def]
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "scripts" / "train_techniques.py"
    spec = importlib.util.spec_from_file_location("train_techniques", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_nb_ratios_favour_a_labels_own_features() -> None:
    from scipy.sparse import csr_matrix

    script = _training_script()
    # features: 0 only in label-0 lines, 1 only in label-1 lines, 2 everywhere
    x = csr_matrix(np.array([[0.5, 0, 0.2], [0.9, 0, 0.4], [0, 0.7, 0.1], [0, 0.3, 0.8]]))
    y = np.array([[1, 0], [1, 0], [0, 1], [0, 1]])
    ratios = script.log_count_ratios(x, y)
    assert ratios.shape == (3, 2)
    assert ratios[0, 0] > 0 > ratios[1, 0] and ratios[1, 1] > 0 > ratios[0, 1]
    assert np.allclose(ratios[2], 0.0)  # in every line: says nothing either way


def test_nb_weights_are_folded_back() -> None:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    script = _training_script()
    rng = np.random.default_rng(1)
    x = csr_matrix(rng.random((40, 6)) * (rng.random((40, 6)) > 0.5))
    y = np.stack([(x[:, 0].toarray().ravel() > 0).astype(int)] * 2, axis=1)
    ratios = script.log_count_ratios(x, y)
    coef, bias = script.fit_lr(x, y, ratios)
    # the folded weights score the raw features as the NB-LR scores the scaled ones
    nb = LogisticRegression(C=script.C, solver="liblinear", dual=script.DUAL, random_state=0)
    nb.fit(x.multiply(ratios[:, 0]).tocsr(), y[:, 0])
    assert np.allclose(x @ coef[:, 0] + bias[0], nb.decision_function(x.multiply(ratios[:, 0])))
    # the ensemble is the mean of the plain LR and the NB-LR
    plain = script.fit_lr(x, y)
    both = script.fit(x, y)
    assert np.allclose(both[0], (plain[0] + coef) / 2) and np.allclose(both[1], (plain[1] + bias) / 2)
    assert both[0][0, 0] > 0  # feature 0 marks the positives


def test_context_block_scores_the_whole_article() -> None:
    arrays, _ = _tiny_arrays(PARAGRAPHS)
    words = arrays["words"].tolist()
    arrays["coef"] = np.zeros_like(arrays["coef"])
    arrays["context"] = np.zeros((len(words), 2))
    arrays["context"][words.index("disgrace"), 1] = 4.0
    arrays["thresholds"] = np.array([0.6, 0.6])
    classifier = TechniqueClassifier(arrays)
    # "disgrace" is only in the third paragraph, but the article's context lifts B in all
    assert [p.labels for p in classifier.predict(PARAGRAPHS)] == [("B",)] * 3
    assert [p.labels for p in classifier.predict(PARAGRAPHS[:2])] == [(), ()]
    # the article block is the TF-IDF of the summed counts of its paragraphs
    counts = [classifier.counts(t) for t in PARAGRAPHS]
    whole = classifier.counts(" ".join(PARAGRAPHS))  # no bigram crosses a paragraph here
    expected = _dense(classifier, whole)[: len(words)] @ arrays["context"]
    assert np.allclose(classifier.context_scores(counts), expected)


def test_context_over_both_blocks_and_a_wrong_shape() -> None:
    arrays, _ = _tiny_arrays(PARAGRAPHS)
    arrays["context"] = np.ones_like(arrays["coef"])
    classifier = TechniqueClassifier(arrays)
    counts = [classifier.counts(t) for t in PARAGRAPHS]
    dense = _dense(classifier, classifier.counts(" ".join(PARAGRAPHS)))
    assert np.allclose(classifier.context_scores(counts), [dense.sum()] * 2)
    arrays["context"] = np.ones((3, 2))
    with pytest.raises(DataError, match="do not match"):
        TechniqueClassifier(arrays)


def test_a_model_without_context_scores_paragraphs_alone() -> None:
    arrays, _ = _tiny_arrays(PARAGRAPHS)
    classifier = TechniqueClassifier(arrays)
    assert classifier.context is None
    one = classifier.probabilities(PARAGRAPHS[2:])[0]
    assert np.allclose(classifier.probabilities(PARAGRAPHS)[0][2], one[0])


def _dense(classifier: TechniqueClassifier, counts) -> np.ndarray:  # type: ignore[no-untyped-def]
    index, values = classifier._features(counts)
    out = np.zeros(classifier.coef.shape[0])
    out[index] = values
    return out


def test_evidence_spans_find_every_occurrence_of_the_ngrams() -> None:
    text = "A disgrace, a Total  Disgrace: disgraceful."
    spans = evidence_spans(text, ["disgrace", "total disgrace"])
    assert [text[s:e] for s, e in spans] == ["disgrace", "Total  Disgrace"]
    assert evidence_spans(text, []) == []


def test_technique_frames_note_their_evidence() -> None:
    from newsevents.framing.techniques import evidence_of, find_techniques
    from newsevents.model import Analysis, Article

    arrays, _ = _tiny_arrays(PARAGRAPHS)
    words = arrays["words"].tolist()
    arrays["coef"] = np.zeros_like(arrays["coef"])
    arrays["coef"][words.index("disgrace"), 0] = 5.0
    arrays["thresholds"] = np.array([0.6, 0.6])
    text = "\n".join(PARAGRAPHS)
    frames = find_techniques(Analysis(article=Article(id="t", text=text)), TechniqueClassifier(arrays))
    assert [(f.label, evidence_of(f)) for f in frames] == [("A", ["disgrace"])]
    spans = evidence_spans(frames[0].text, evidence_of(frames[0]))
    assert [frames[0].text[s:e] for s, e in spans] == ["disgrace", "disgrace"]


def test_training_fit_is_deterministic() -> None:
    from scipy.sparse import csr_matrix

    script = _training_script()
    rng = np.random.default_rng(2)
    x = csr_matrix(rng.random((60, 8)) * (rng.random((60, 8)) > 0.6))
    y = np.stack([(x[:, k].toarray().ravel() > 0.3).astype(int) for k in (0, 1)], axis=1)
    first, again = script.fit(x, y), script.fit(x, y)
    assert np.array_equal(first[0], again[0]) and np.array_equal(first[1], again[1])


def test_training_context_is_the_articles_summed_counts() -> None:
    from scipy.sparse import csr_matrix

    script = _training_script()
    counts = csr_matrix(np.array([[1, 0, 2], [0, 1, 1], [3, 0, 0]]))
    articles = script.article_counts(counts, [[0, 1], [2]])
    assert articles.toarray().tolist() == [[1, 1, 3], [3, 0, 0]]
    idf = np.array([1.0, 2.0, 1.5])
    rows = script.tfidf(counts, idf).toarray()
    assert np.allclose(rows[0], np.array([1.0, 0, (1 + np.log(2)) * 1.5]) / np.hypot(1, (1 + np.log(2)) * 1.5))


@pytest.mark.parametrize("with_context", [False, True])
def test_written_model_loads_with_or_without_context(tmp_path: Path, with_context: bool) -> None:
    script = _training_script()
    arrays, _ = _tiny_arrays(PARAGRAPHS)
    if with_context:
        arrays["context"] = np.zeros((len(arrays["words"]), 2))
    path = tmp_path / "model.npz"
    script.write_model(path, arrays)
    loaded = TechniqueClassifier.load(path)
    assert (loaded.context is not None) == with_context
    assert [p.labels for p in loaded.predict(PARAGRAPHS)] == [
        p.labels for p in TechniqueClassifier(arrays).predict(PARAGRAPHS)
    ]
