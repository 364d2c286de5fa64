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
