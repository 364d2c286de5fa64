"""Provenance: fingerprints, alignment, the verdict and the corpus pass, on articles we wrote."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.provenance import Dated, ProvenanceDoc, find_links, fingerprint, verdict
from newsevents.provenance.align import Pair, chain, order_agreement
from newsevents.provenance.fingerprint import number_token, split_sentences, stem
from newsevents.provenance.index import ProvenanceIndex, features
from provenance_samples import EXCERPT, INDEPENDENT, ORIGINAL, REWRITE, VERBATIM

DAY = dt.date(2024, 3, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith went to Washington. He left.", ["Mr. Smith went to Washington.", "He left."]),
        ("U.S. troops left. Then they came back.", ["U.S. troops left.", "Then they came back."]),
        ("It is a risk.'' The problem remains.", ["It is a risk.''", "The problem remains."]),
        ('"Yes," he said. "No."', ['"Yes," he said.', '"No."']),
        ("A headline\n\nThe body starts here.", ["A headline", "The body starts here."]),
        ("John F. Kennedy spoke.", ["John F. Kennedy spoke."]),
    ],
)
def test_provenance_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("negotiations", "negoti"), ("negotiate", "negoti"), ("Eklund's", "eklund"), ("bus", "bus")],
)
def test_provenance_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [("1,200", "1200"), ("five", "5"), ("2027", "2027"), ("port", None)],
)
def test_provenance_number_token(token: str, expected: str | None) -> None:
    assert number_token(token) == expected


def test_provenance_anchors_keep_names_and_numbers_in_order() -> None:
    fp = fingerprint(
        "a", "Chair Marta Eklund said the berth would open in 2027. It costs 240 euros."
    )
    assert fp.anchors == ("marta", "eklund", "2027", "240")


def test_provenance_sentence_initial_capital_is_not_a_name_unless_used_as_one() -> None:
    fp = fingerprint("a", "Harbour workers voted. Eklund spoke. Later, Eklund left.")
    assert "harbou" not in fp.anchors
    assert fp.anchors.count("eklund") == 2


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("abc", "abc", 1.0),
        ("abc", "cba", 1 / 3),
        ("abcd", "xaybzc", 0.75),
        ("", "abc", 0.0),
    ],
)
def test_provenance_order_agreement(a: str, b: str, expected: float) -> None:
    assert order_agreement(list(a), list(b)) == pytest.approx(expected)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 8), st.integers(0, 8), st.floats(0.3, 1.0)),
                max_size=30))  # fmt: skip
def test_provenance_chain_never_goes_back(cells: list[tuple[int, int, float]]) -> None:
    pairs = sorted({(a, b): Pair(a, b, s) for a, b, s in cells}.values(),
                   key=lambda p: (p.a, p.b))  # fmt: skip
    out = chain(pairs)
    for p, q in itertools.pairwise(out):
        assert q.a >= p.a and q.b >= p.b and (q.a, q.b) != (p.a, p.b)
        assert q.a - p.a <= 1 or q.b - p.b <= 1 or (q.a > p.a and q.b > p.b)


@pytest.mark.parametrize(
    ("copy", "kind"),
    [(VERBATIM, "verbatim"), (REWRITE, "rewrite"), (EXCERPT, "excerpt")],
)
def test_provenance_copy_is_linked_to_its_original(copy: str, kind: str) -> None:
    v = verdict(fingerprint("copy", copy), Dated(DAY + dt.timedelta(days=1), 1),
                fingerprint("orig", ORIGINAL), Dated(DAY, 0))  # fmt: skip
    assert v is not None
    assert (v.copy, v.original, v.kind) == ("copy", "orig", kind)
    assert 0.5 < v.score <= 1.0
    assert all(p.a < len(fingerprint("c", copy).sentences) for p in v.pairs)


def test_provenance_independent_report_of_the_same_story_is_not_a_copy() -> None:
    # Same names, numbers and one shared quote, but its own sentences in its own order.
    v = verdict(fingerprint("other", INDEPENDENT), Dated(DAY, 1),
                fingerprint("orig", ORIGINAL), Dated(DAY, 0))  # fmt: skip
    assert v is None


@pytest.mark.parametrize(
    ("copy_date", "orig_date", "copy_order", "orig_order", "earlier"),
    [
        (DAY + dt.timedelta(days=1), DAY, 0, 1, "orig"),  # the date wins over ingest order
        (DAY, DAY, 1, 0, "orig"),  # same day: ingest order
        (None, DAY, 0, 1, "orig"),  # undated counts as later
        (DAY - dt.timedelta(days=1), DAY, 1, 0, "copy"),  # the rewrite was published first
    ],
)
def test_provenance_earlier_is_the_original(copy_date: dt.date | None, orig_date: dt.date,
                                            copy_order: int, orig_order: int, earlier: str
                                            ) -> None:  # fmt: skip
    v = verdict(fingerprint("copy", REWRITE), Dated(copy_date, copy_order),
                fingerprint("orig", ORIGINAL), Dated(orig_date, orig_order))  # fmt: skip
    assert v is not None and v.original == earlier


def test_provenance_find_links_over_a_corpus() -> None:
    docs = [
        ProvenanceDoc("orig", ORIGINAL, DAY, 0),
        ProvenanceDoc("other", INDEPENDENT, DAY, 1),
        ProvenanceDoc("verbatim", VERBATIM, DAY, 2),
        ProvenanceDoc("rewrite", REWRITE, DAY + dt.timedelta(days=1), 3),
        ProvenanceDoc("excerpt", EXCERPT, None, 4),
    ]
    links = {(v.copy, v.original, v.kind) for v in find_links(docs)}
    assert links == {
        ("verbatim", "orig", "verbatim"),
        ("rewrite", "orig", "rewrite"),
        ("excerpt", "orig", "excerpt"),
    }


def test_provenance_index_proposes_the_original_and_ignores_common_features() -> None:
    index = ProvenanceIndex(cap=2)
    orig = fingerprint("orig", ORIGINAL)
    index.add(orig)
    assert [c.id for c in index.candidates(fingerprint("rw", REWRITE))] == ["orig"]
    # Three articles sharing every feature: past the cap, the features say nothing.
    for k in range(3):
        index.add(fingerprint(f"same{k}", VERBATIM))
    assert "same0" not in [c.id for c in index.candidates(fingerprint("q", VERBATIM))]
    assert features(orig)
