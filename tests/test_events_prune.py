"""Events that restate or set the scene of the event governing them, on sentences we wrote."""

from __future__ import annotations

import pytest

from events_helpers import events_of, triples

A, B = "Arnland", "Borduria"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the killing is the attack told again: one event, with its recipient
        ("Arnland attacked Borduria on Monday, killing twenty soldiers.",
         {(A, "ASSAULT", B)}),
        # a bombing with nobody linked is the scene of the killing, not a second event
        ("Borduria's soldiers were killed by a bomb attack by Unknown Gunmen.",
         {(None, "ASSAULT", B)}),
        # what the men are suspected of names nobody: the offer is the event
        ("Borduria has offered to hand over to Arnland two men suspected of blowing up a "
         "Skyline Airways plane.", {(B, "AGREE", A)}),
    ],
)
def test_events_prune_drops_restatements(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(nlp, text, {A: "ARN", B: "BRD"})
    assert triples(analysis, events) == expected


def test_events_prune_keeps_events_with_their_own_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Arnland suspended flights to Borduria after Borduria shot down a helicopter."
    analysis, events = events_of(nlp, text, {A: "ARN", B: "BRD"})
    found = triples(analysis, events)
    assert (A, "SANCTION", B) in found and (B, "ASSAULT", None) in found


def test_events_prune_keeps_coordinated_events(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Arnland rejected the plan of Borduria and said it opposed the deployment of troops."
    _, events = events_of(nlp, text, {A: "ARN", B: "BRD"})
    assert [e.trigger.text for e in events if e.plover == "REJECT"] == ["rejected", "opposed"]


@pytest.mark.parametrize(
    "text",
    [
        "Arnland lifted the blockade of Borduria's ports.",
        "Arnland eased the curfew in Borduria.",
        "Arnland lifted the state of emergency in Borduria.",
    ],
)
def test_events_an_ended_event_is_no_event_of_its_own(nlp, text) -> None:  # type: ignore[no-untyped-def]
    _, events = events_of(nlp, text, {A: "ARN", B: "BRD"})
    assert [e.plover for e in events] in (["RETREAT"], ["CONCEDE"])


def test_events_the_demands_a_protest_presses_are_its_topic(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Arnland farmers blocked the roads to press their demands for lower taxes."
    _, events = events_of(nlp, text, {A: "ARN", B: "BRD"})
    assert [e.plover for e in events] == ["PROTEST"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the clause of a demand may hang on the verb that carries the noun
        ("Arnland repeated its demand that Borduria free the crew.", {(A, "REQUEST", B)}),
        # what an invitation is to is the content of rejecting it
        ("Arnland rejected an invitation to attend a meeting with Borduria.",
         {(A, "REJECT", B)}),
    ],
)
def test_events_content_carried_by_the_noun_is_absorbed(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(nlp, text, {A: "ARN", B: "BRD"})
    assert triples(analysis, events) == expected
