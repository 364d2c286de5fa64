"""Domestic events: an unnamed recipient (or protester) is the actor's own country."""

from __future__ import annotations

import pytest

import newsevents
from events_helpers import events_of, triples
from newsevents.events.domestic import domestic_source, domestic_target
from newsevents.model import Actor, Event, Span

A, B = "Arnland", "Borduria"


def _event(plover: str, source: str | None = None, target: str | None = None) -> Event:
    return Event("e1", plover, "100", source, target, Span(0, 1, "x"), 0)


GOV = Actor("a1", "Arnland government", "organization", country="ARN", sector="GOV")
COP = Actor("a2", "Arnland police", "organization", country="ARN", sector="COP")
MIL = Actor("a3", "Arnland army", "organization", country="ARN", sector="MIL")
UN = Actor("a4", "United Nations", "organization", cameo="IGOUNO")


@pytest.mark.parametrize(
    ("plover", "actor", "expected"),
    [
        ("COERCE", GOV, "ARN"),  # a curfew, an arrest, a ban with nobody named
        ("CONCEDE", GOV, "ARN"),  # lifting it
        ("PROTEST", GOV, "ARN"),
        ("ASSAULT", COP, "ARN"),  # police violence on unnamed people
        ("ASSAULT", MIL, None),  # an army's attack may be anywhere
        ("REJECT", GOV, None),  # a rejection is not domestic by default
        ("COERCE", UN, None),  # an international body has no country of its own
    ],
)
def test_domestic_target(plover: str, actor: Actor, expected: str | None) -> None:
    assert domestic_target(_event(plover, source=actor.id), actor) == expected


def test_domestic_target_yields_to_a_named_or_placed_recipient() -> None:
    named = _event("COERCE", source=GOV.id, target="a9")
    placed = _event("COERCE", source=GOV.id)
    placed.target_code = "BOR"
    assert domestic_target(named, GOV) is None and domestic_target(placed, GOV) is None


def test_domestic_source_of_a_protest() -> None:
    assert domestic_source(_event("PROTEST", target=GOV.id), GOV) == "ARN"
    placed = _event("PROTEST")
    placed.target_code = "BOR"
    assert domestic_source(placed, None) == "BOR"
    assert domestic_source(_event("ACCUSE", target=GOV.id), GOV) is None
    assert domestic_source(_event("PROTEST", source="a5", target=GOV.id), GOV) is None


def test_domestic_events_through_the_pipeline() -> None:
    analysis = newsevents.analyze(
        "Turkish authorities imposed a curfew on Tuesday. "
        "Students demonstrated against the Turkish government.",
        published="2025-01-10",
    )
    got = {(e.plover, e.source_code, e.target_code) for e in analysis.events}
    assert ("COERCE", "TURGOV", "TUR") in got
    assert ("PROTEST", "TUR", "TURGOV") in got


def test_a_circumstance_is_not_carried_by_a_light_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    # the government imposed the curfew; it did not demonstrate
    text = "The Arnland government imposed a curfew after a demonstration over the vote."
    analysis, events = events_of(nlp, text, {"Arnland government": "ARN GOV"})
    assert ("Arnland government", "PROTEST", None) not in triples(analysis, events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Arnland court decided to allow Borduria to take part in the vote.", (A, "CONCEDE", B)),
        ("Arnland permitted Borduria to reopen its consulate.", (A, "CONCEDE", B)),
    ],
)
def test_allowing_a_party_concedes(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(nlp, text, {A: "ARN", B: "BOR"})
    assert expected in triples(analysis, events)


@pytest.mark.parametrize(
    "text",
    [
        "Some 2,000 workers affiliated with Arnland stopped work on Monday.",
        "Militants loyal to Arnland attacked a police post.",
    ],
)
def test_people_tied_to_a_body_act_for_it(nlp, text) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(nlp, text, {A: "ARN"})
    assert {s for s, _, _ in triples(analysis, events)} == {A}


def test_two_countries_exercise_together(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Arnland and Borduria launched ten days of war games at sea."
    analysis, events = events_of(nlp, text, {A: "ARN", B: "BOR"})
    assert triples(analysis, events) == {(A, "COOPERATE", B), (B, "COOPERATE", A)}
    one = "Arnland launched ten days of war games at sea."
    analysis, events = events_of(nlp, one, {A: "ARN"})
    assert triples(analysis, events) == {(A, "MOBILIZE", None)}


def test_a_seizure_is_not_domestic_by_default() -> None:
    seize = _event("COERCE", source=GOV.id)
    seize.plover_mode = "seize"
    assert domestic_target(seize, GOV) is None


# Second pass on the PLOVER training half: argument readers
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # asking for refuge in a country asks that country
        ("Thousands of Arnland refugees sought refuge in Borduria.", (A, "REQUEST", B)),
        # "up to 16" read as a particle: the object is still the people taken
        ("Arnland rebels kidnapped up to 16 Borduria engineers.", ("Arnland rebels", "ASSAULT", B)),
        # the agent of a participle on the object is whom the event is about
        ("Arnland opened an investigation into crimes committed by Borduria.", (A, "ACCUSE", B)),
    ],
)
def test_arguments_read_through_the_parse(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    actors = {"Arnland rebels": "ARN REB", A: "ARN", B: "BOR"}
    analysis, events = events_of(nlp, text, actors)
    assert expected in triples(analysis, events)


def test_a_conjunct_named_by_its_apposition(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Arnland signed a truce with Syldavia and its neighbour, Borduria."
    analysis, events = events_of(nlp, text, {A: "ARN", B: "BOR", "Syldavia": "SYL"})
    assert (A, "SUPPORT", B) in triples(analysis, events)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a purpose told without a recipient, by the same actor, adds no dyad
        ("Arnland's president will visit Borduria to mediate in the dispute.", {"visit"}),
        # the same under a light verb: what hangs on "held" hangs on the meeting
        ("Arnland held a meeting with Borduria at a lunch hosted by Arnland.",
         {"meeting"}),
    ],
)
def test_an_aimless_purpose_of_the_same_actor_is_dropped(nlp, text, kept) -> None:  # type: ignore[no-untyped-def]
    _, events = events_of(nlp, text, {"Arnland envoy": "ARN GOV", A: "ARN", B: "BOR"})
    assert {e.trigger.text for e in events} == kept
