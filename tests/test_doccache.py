"""The per-Doc memo: sentence starts and tokens at offsets agree with spaCy's own."""

from __future__ import annotations

from newsevents.dates.syntax import token_at
from newsevents.doccache import memo, sent_start, sent_starts

TEXT = (
    "The envoy arrived in Oslo on Monday. Talks resumed.\n\n"
    "A second round is planned for March, officials said."
)


def test_sent_starts_match_token_sent(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    assert sent_starts(doc) == [t.sent.start for t in doc]
    assert all(sent_start(t) == t.sent.start for t in doc)


def test_token_at_is_memoised_and_agrees_with_char_span(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    start = TEXT.index("Oslo")
    first = token_at(doc, start, start + 4)
    assert first is not None and first.text == "Oslo"
    assert token_at(doc, start, start + 4) is first  # the second call is the memo
    span = doc.char_span(TEXT.index("on Monday"), TEXT.index("on Monday") + 9)
    assert token_at(doc, span.start_char, span.end_char) == span.root
    assert token_at(doc, 0, 0) is None


def test_memo_starts_again_for_another_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    a, b = nlp(TEXT), nlp("Talks resumed.")
    memo(a)["x"] = 1
    assert "x" not in memo(b)
    assert sent_starts(b) == [0, 0, 0]


def test_children_and_tokens_match_spacy(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsevents.doccache import children, tokens

    doc = nlp(TEXT)
    assert [t.i for t in tokens(doc)] == list(range(len(doc)))
    for tok in doc:
        assert [c.i for c in children(tok)] == [c.i for c in tok.children]


def test_datelines_once_per_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsevents.datelines import find_datelines
    from newsevents.doccache import datelines

    doc = nlp("OSLO (Reuters) — The envoy arrived on Monday.")
    assert datelines(doc) == find_datelines(doc) != []
    datelines(doc).clear()  # a caller's copy: the memo keeps its own
    assert datelines(doc) == find_datelines(doc)


def test_sents_is_doc_sents_built_once(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsevents.doccache import sents

    doc = nlp(TEXT)
    assert [(s.start, s.end) for s in sents(doc)] == [(s.start, s.end) for s in doc.sents]
    assert sents(doc) is sents(doc)


def test_heads_deps_sentence_text_ents_match_spacy(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsevents.doccache import deps, ents, heads, remember_text, sentence, text

    doc = nlp(TEXT)
    assert heads(doc) == [t.head.i for t in doc]
    assert deps(doc) == [t.dep_ for t in doc]
    assert all(sentence(doc, t.i) == t.sent for t in doc)
    assert text(doc) == doc.text and ents(doc) == doc.ents
    other = nlp(TEXT)
    remember_text(other, "seeded")  # the pipeline seeds the text it parsed
    assert text(other) == "seeded"


def test_one_model_whatever_length_is_asked(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsevents.parse import load_nlp

    big = load_nlp(None, 5_000_000)
    assert big is load_nlp() and big.max_length >= 5_000_000

