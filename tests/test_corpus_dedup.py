"""Near-duplicates: copies, re-wrapped and lightly edited copies match; same-story reports
do not; the earliest known article is the original."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.corpus.dedup import (
    DedupDoc,
    find_duplicates,
    jaccard_only_pairs,
    overlap,
    shingles,
)

ORIGINAL = (
    "The harbour authority of Port Elden said on Tuesday that grain shipments would resume "
    "next month after a three-week halt caused by a dispute over inspection fees. "
    "Shipping companies had complained that the new fees doubled the cost of each voyage. "
    "The authority's director told reporters that a compromise had been reached with the "
    "two largest exporters, who agreed to pay half of the fee until the end of the year. "
    "Farmers' unions welcomed the decision but warned that storage silos were already full "
    "and that some of this year's harvest might be lost. "
    "The regional governor called the agreement a sensible step and promised to review the "
    "fee schedule before the next planting season."
)
# Another outlet's own report of the same happening: same names and facts, own words.
SAME_STORY = (
    "Grain exports from Port Elden are set to restart in the coming weeks, ending a standoff "
    "between the port and exporters over what shippers called punitive inspection charges. "
    "Under a deal announced Tuesday, the biggest exporters will cover half the charge for "
    "the rest of the year. Farm groups said the reprieve came late, with silos full and part "
    "of the crop at risk, while the governor praised what he described as a sensible step."
)
WRAPPER_HEAD = (
    "Home | News | Business | Markets | Opinion | Sign in\n\nAdvertisement\n\n"
    "Subscribe today: the first month is free for new readers of the Coastal Ledger."
)
WRAPPER_FOOT = (
    "Related: Ten ports to watch this winter. Freight rates climb again. "
    "Share this story. Comments are closed. Copyright the Coastal Ledger, all rights "
    "reserved. Sign up for our newsletter to get the morning briefing in your inbox every "
    "weekday, with the markets, the weather and the stories everyone is talking about."
)


def _edit(text: str) -> str:
    return (text.replace("said on Tuesday", "announced on Tuesday")
            .replace("sensible step", "reasonable step")
            .replace(" Shipping companies had complained that the new fees doubled the cost "
                     "of each voyage.", ""))  # fmt: skip


def _docs(*texts: str) -> list[DedupDoc]:
    return [DedupDoc(f"d{i}", t, dt.date(2025, 1, 10 + i), i) for i, t in enumerate(texts)]


@pytest.mark.parametrize(
    "copy",
    [
        ORIGINAL,
        f"{WRAPPER_HEAD}\n\n{ORIGINAL}\n\n{WRAPPER_FOOT}",
        _edit(ORIGINAL),
        f"{WRAPPER_HEAD}\n\n{_edit(ORIGINAL)}\n\n{WRAPPER_FOOT}",
    ],
    ids=["exact", "wrapped", "edited", "wrapped+edited"],
)
def test_corpus_dedup_finds_copies(copy: str) -> None:
    links = find_duplicates(_docs(ORIGINAL, copy))
    assert [(link.article_id, link.original_id) for link in links] == [("d1", "d0")]
    assert links[0].containment >= 0.5


def test_corpus_dedup_same_story_is_not_a_copy() -> None:
    assert find_duplicates(_docs(ORIGINAL, SAME_STORY)) == []
    containment, _ = overlap(shingles(ORIGINAL), shingles(SAME_STORY))
    assert containment < 0.1


def test_corpus_dedup_wrapping_defeats_jaccard_but_not_containment() -> None:
    heavy = "\n\n".join([WRAPPER_HEAD, WRAPPER_FOOT * 3, ORIGINAL, WRAPPER_FOOT * 2])
    sets = [shingles(ORIGINAL), shingles(heavy)]
    assert jaccard_only_pairs(sets, 0.5) == set()
    assert len(find_duplicates(_docs(ORIGINAL, heavy))) == 1


def test_corpus_dedup_original_is_the_earliest_known() -> None:
    docs = [
        DedupDoc("late", f"{WRAPPER_HEAD}\n\n{ORIGINAL}", dt.date(2025, 1, 12), 0),
        DedupDoc("first", ORIGINAL, dt.date(2025, 1, 10), 1),
        DedupDoc("undated", _edit(ORIGINAL), None, 2),
        DedupDoc("other", SAME_STORY, dt.date(2025, 1, 9), 3),
    ]
    links = find_duplicates(docs)
    assert {(k.article_id, k.original_id) for k in links} == {
        ("late", "first"), ("undated", "first"),
    }  # fmt: skip


@given(st.text(max_size=300), st.text(max_size=300))
def test_corpus_dedup_overlap_is_symmetric_and_bounded(a: str, b: str) -> None:
    sa, sb = shingles(a), shingles(b)
    assert overlap(sa, sb) == overlap(sb, sa)
    c, j = overlap(sa, sb)
    assert 0.0 <= j <= c <= 1.0


BRIEFS = [
    "The city council of {0} approved a new budget for road repairs on Thursday, after a "
    "debate about potholes on the ring road that lasted well into the night.",
    "Teachers in {0} will receive a one-off bonus this winter, the education office said, "
    "after a dispute over overtime pay for exam supervision was settled.",
    "A fire at a warehouse in the port district of {0} was put out by morning; nobody was "
    "hurt, and the cause is being investigated by the fire brigade.",
    "The {0} zoo welcomed twin red pandas, the first born there in a decade, and keepers "
    "said visitors would be able to see them from early spring.",
    "Bus drivers in {0} accepted a pay offer, ending a strike that had disrupted morning "
    "commutes for a week, their union said in a short statement.",
    "Heavy snow closed the mountain pass north of {0} for two days, stranding lorries and "
    "forcing the police to open an emergency shelter in a school gym.",
]


def test_corpus_dedup_shared_site_boilerplate_is_not_a_copy() -> None:
    # Six different short briefs from one site, all inside the same header and footer:
    # the wrapping is most of each page, yet none is a copy of another.
    pages = [f"{WRAPPER_HEAD}\n\n{b.format('Elden')}\n\n{WRAPPER_FOOT}" for b in BRIEFS]
    assert find_duplicates(_docs(*pages)) == []
    # ...while a real copy among them is still found.
    links = find_duplicates(_docs(*pages, BRIEFS[2].format("Elden")))
    assert [(k.article_id, k.original_id) for k in links] == [("d6", "d2")]
