"""Normalisation: paragraphs, white space, boilerplate, and the offset map back to the input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.model import Article
from newsevents.normalise import article_id, normalise


def test_normalise_collapses_space_and_keeps_typographic_quotes() -> None:
    norm = normalise("He said:  “We will   not\tyield.”  \r\n")
    assert norm.text == "He said: “We will not yield.”"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # blank lines separate paragraphs; single breaks inside them are hard wraps
        (
            "One line\nwrapped here.\n\nSecond paragraph.",
            "One line wrapped here.\n\nSecond paragraph.",
        ),
        # no blank lines at all: every line is a paragraph
        ("First paragraph.\nSecond paragraph.", "First paragraph.\n\nSecond paragraph."),
        # a blank line after the title, then one paragraph per line: lines end sentences
        ("Talks resume\n\nThe envoy arrived.\nThe talks began.\nBoth sides spoke.",
         "Talks resume\n\nThe envoy arrived.\n\nThe talks began.\n\nBoth sides spoke."),
        # hard-wrapped prose: the breaks fall mid-sentence
        ("Talks resume\n\nThe envoy arrived in the capital\nlate on Monday, officials said.",
         "Talks resume\n\nThe envoy arrived in the capital late on Monday, officials said."),
        ("A.\r\n\r\n\r\nB.", "A.\n\nB."),
    ],
)
def test_normalise_paragraphs(raw: str, expected: str) -> None:
    assert normalise(raw).text == expected


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Source link", "source link"),
        ("Read more: Ceasefire collapses in the north", "read more"),
        ("Share on Facebook Share on Twitter", "share line"),
        ("Subscribe to our newsletter", "subscribe line"),
        ("We use cookies to improve your experience. Accept", "cookie notice"),
        ("Advertisement", "advertisement"),
        ("This article originally appeared on Example Daily.", "syndication byline"),
        ("Copyright 2024 Example Wire. All rights reserved.", "copyright line"),
        ("Reporting by Jane Roe; Editing by John Doe", "credit line"),
        ("By Jane Roe, Staff Writer", "byline"),
        ("By Ana Ruiz and Li Wei | Example Wire", "byline"),
        ("Published: 12 March 2024 | Updated: 13 March 2024", "date line"),
        ("Updated 14:32 GMT", "date line"),
    ],
)
def test_normalise_removes_boilerplate_with_original_offsets(line: str, reason: str) -> None:
    raw = f"The minister spoke on Monday.\n{line}\nThe talks resumed."
    norm = normalise(raw)
    assert line not in norm.text
    assert [(r.reason, raw[r.start : r.end]) for r in norm.removed] == [(reason, line)]


@pytest.mark.parametrize(
    "prose",
    [
        "Sources said the talks would resume.",
        "Copyright law was changed by the parliament last year.",
        "Share prices fell sharply after the announcement.",
        "Related talks in Geneva ended without a deal.",
        "By Monday, the talks had collapsed.",
        "By then the army had withdrawn from the town.",
        "Published in 2019, the report found that the sanctions had failed.",
        "Updated figures showed that 2,000 people had fled by 2024.",
    ],
)
def test_normalise_keeps_prose_that_mentions_boilerplate_words(prose: str) -> None:
    norm = normalise(f"{prose}\nAnother sentence here.")
    assert prose in norm.text
    assert norm.removed == []


def test_normalise_cuts_debris_glued_to_the_last_paragraph() -> None:
    raw = "Talks will occur.Source link"
    norm = normalise(raw)
    assert norm.text == "Talks will occur."
    assert norm.removed[0].text == "Source link"
    assert norm.removed[0].start == raw.index("Source")


def test_normalise_drops_invisible_characters_and_applies_nfc() -> None:
    norm = normalise("Zelens\u200bky met Erdog\u0306an.")  # zero-width space, combining breve
    assert norm.text == "Zelensky met Erdoğan."


def _article(raw: str) -> tuple[Article, str]:
    norm = normalise(raw)
    return Article(id=article_id(norm.text), text=norm.text, offsets=norm.offsets), raw


def test_offset_map_points_back_to_the_input() -> None:
    article, raw = _article("Kyiv  said\r\n\r\nMoscow   replied “no”.")
    for i, ch in enumerate(article.text):
        orig = article.to_original(i)
        if orig is not None:
            assert raw[orig] == ch


_text = st.lists(
    st.sampled_from([*"ab cd.\n\r\t“”\"'é\u00a0\u200b\u0306", "Source link\n", "Read more"]),
    max_size=80,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(_text)
def test_normalise_invariants(raw: str) -> None:
    norm = normalise(raw)
    # every copied run really is a copy of the input
    for run in norm.offsets:
        assert (
            norm.text[run.start : run.start + run.length]
            == raw[run.original : run.original + run.length]
        )
    # removed stretches are where they say they are in the input
    for r in norm.removed:
        assert raw[r.start : r.end] == r.text
    # normalising is idempotent on its own output
    assert normalise(norm.text).text == norm.text
    assert "  " not in norm.text and "\r" not in norm.text


def test_invisible_characters_hide_no_boilerplate() -> None:
    # found by the property test above: the line was removed only on a second pass
    norm = normalise("\u200bSource link\n")
    assert norm.text == "" and norm.removed and normalise(norm.text).text == norm.text
    # and glued to the end of a paragraph behind one ("The talks ended.\u200bSource link")
    glued = normalise("The talks ended.\u200bSource link\n")
    assert glued.text == "The talks ended." and [r.text for r in glued.removed] == ["Source link"]
    assert normalise(glued.text).text == glued.text


def test_normalise_cuts_a_teaser_glued_to_the_last_paragraph() -> None:
    raw = "The minister said the deal would hold. Read more: Farmers block the border"
    norm = normalise(raw)
    assert norm.text == "The minister said the deal would hold."
    assert [r.reason for r in norm.removed] == ["read more"]


@settings(max_examples=200, deadline=None)
@given(_text)
def test_whole_paragraph_copy_equals_word_by_word_copy(raw: str) -> None:
    import newsevents.normalise as module

    fast = normalise(raw)
    whole = module._copies_whole
    module._copies_whole = lambda para, raw: False  # type: ignore[assignment]
    try:
        slow = normalise(raw)
    finally:
        module._copies_whole = whole
    assert (fast.text, fast.offsets, fast.removed) == (slow.text, slow.offsets, slow.removed)


def test_one_copy_per_clean_paragraph() -> None:
    norm = normalise("The envoy arrived today.\n\nTalks resumed at noon.")
    assert [(r.start, r.original, r.length) for r in norm.offsets] == [(0, 0, 24), (26, 26, 22)]
