"""The cached token scans give the same positions as a plain loop over the tokens."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.actors.scan import WordScan

WORDS = ["the", "President", "envoy", "Kyiv", "said", "Minister", "he", "They", "U.S.", "talks"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
def test_scan_positions_match_a_plain_loop(nlp, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc(" ".join(words))
    titles = WordScan("LOWER", lambda w: w in {"president", "envoy", "minister"})
    capitals = WordScan("ORTH", lambda w: w[:1].isupper())
    for _ in range(2):  # the second pass answers from the cache
        assert titles.positions(doc) == [
            t.i for t in doc if t.lower_ in {"president", "envoy", "minister"}
        ]
        assert capitals.positions(doc) == [t.i for t in doc if t.text[:1].isupper()]
