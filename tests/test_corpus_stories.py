"""Stories: same happening within the time window → one story; otherwise apart."""

from __future__ import annotations

import datetime as dt

from newsevents.corpus.stories import StoryDoc, cluster_stories

FLOOD_A = (
    "Floods in the Varna river valley forced thousands of families from their homes on "
    "Sunday as the river burst its banks after a week of rain. Rescue teams used boats to "
    "reach villages cut off by the flood water, and the regional government opened schools "
    "as shelters for evacuated families."
)
FLOOD_B = (
    "Rescue boats ferried stranded villagers to safety as the Varna river flooded the valley, "
    "after days of heavy rain. Evacuated families spent the night in schools turned into "
    "shelters, the regional government said, and more rain is forecast for the valley."
)
ELECTION = (
    "The opposition alliance won the mayoral election in the capital, its first victory in "
    "two decades, after a campaign focused on public transport and housing costs. Turnout "
    "was the highest since the city began electing its mayor directly."
)


def test_corpus_stories_group_same_happening() -> None:
    docs = [
        StoryDoc("a", FLOOD_A, dt.date(2025, 5, 4), 0),
        StoryDoc("b", FLOOD_B, dt.date(2025, 5, 5), 1),
        StoryDoc("c", ELECTION, dt.date(2025, 5, 4), 2),
    ]
    story = cluster_stories(docs)
    assert story["a"] == story["b"] == "a"  # named after the earliest article
    assert story["c"] == "c"


def test_corpus_stories_respect_the_time_window() -> None:
    docs = [
        StoryDoc("a", FLOOD_A, dt.date(2025, 5, 4), 0),
        StoryDoc("b", FLOOD_B, dt.date(2025, 6, 20), 1),
    ]
    story = cluster_stories(docs, window_days=3)
    assert story["a"] != story["b"]


def test_corpus_stories_copies_always_share_a_story() -> None:
    docs = [
        StoryDoc("a", FLOOD_A, dt.date(2025, 5, 4), 0),
        StoryDoc("c", ELECTION, dt.date(2025, 5, 30), 1),
    ]
    assert cluster_stories(docs, copies=[("c", "a")]) == {"a": "a", "c": "a"}
