"""Place mentions on sentences we wrote: linking, people and metonyms left out, event locations."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.config import Config
from newsevents.formats import validate
from newsevents.model import Actor, Analysis, Article, Event, Mention, Span
from newsevents.normalise import article_id
from newsevents.parse import sentence_offsets
from newsevents.places import PlacesStep


@pytest.fixture(scope="module")
def step() -> PlacesStep:
    return PlacesStep(Config())


def _analysis(nlp, text: str) -> Analysis:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    article = Article(id=article_id(text), text=text, published=dt.date(2023, 1, 20))
    analysis = Analysis(article=article, doc=doc)
    analysis.sentences = sentence_offsets(doc)
    return analysis


def _places(nlp, step, text: str) -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    analysis = step(_analysis(nlp, text))
    return [(p.text, p.name, p.country) for p in analysis.places]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks were held in Paris on Monday.", [("Paris", "Paris", "FRA")]),
        ("Paris Hilton arrived at the party.", []),
        ("The New York Times reported the strike.", []),
        ("Washington imposed new sanctions.", []),
        ("Moscow said the talks had failed.", []),
        ("Kiev's demands were rejected.", []),
        ("The delegations met in Moscow.", [("Moscow", "Moscow", "RUS")]),
        ("Troops withdrew from the Kherson Region.", [("Kherson Region", "Kherson Oblast", "UKR")]),
        ("Fighting continued near Bakhmut.", [("Bakhmut", "Bakhmut", "UKR")]),
        ("Shelling resumed near Artemovsk.", [("Artemovsk", "Bakhmut", "UKR")]),
        (
            "The Donetsk and Lugansk People's Republics held votes.",
            [("Donetsk", "Donetsk Oblast", "UKR"), ("Lugansk", "Luhansk Oblast", "UKR")],
        ),
        ("The situation in Crimea remains tense.", [("Crimea", "Crimea", "UKR")]),
        ("Ships crossed the Black Sea.", [("Black Sea", "Black Sea", None)]),
        # The article's other places decide a shared name: the US state here.
        (
            "Voters in Atlanta and across Georgia went to the polls in the United States.",
            [
                ("Atlanta", "Atlanta", "USA"),
                ("Georgia", "Georgia", "USA"),
                ("United States", "United States", "USA"),
            ],
        ),
        ("Georgia accused Russia of aggression.", [("Georgia", "Georgia", "GEO"), ("Russia", "Russia", "RUS")]),
        # A city that is a surname in the article is the person.
        ("Bill Clinton spoke. Clinton said the deal was fair.", []),
        ("ANKARA — Officials met on Tuesday.", [("ANKARA", "Ankara", "TUR")]),
        ("WASHINGTON — Officials met on Tuesday.", [("WASHINGTON", "Washington", "USA")]),
        # A bare city name after "to" is a person unless the NER says it is a place.
        ("Supporters sent a letter to Obama.", []),
        ("Protesters gathered near the White House.", []),
        ("Tourists crowded Central Park.", []),
        ("She teaches at Syracuse University.", []),
        ("The ship overlooks Kaneohe Bay.", []),
        ("Officials met in Atlanta, Georgia.", [("Atlanta", "Atlanta", "USA"), ("Georgia", "Georgia", "USA")]),
    ],
)
def test_places_linked(nlp, step, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _places(nlp, step, text) == expected


def test_places_actor_mention_kept_only_where_locative(nlp, step) -> None:  # type: ignore[no-untyped-def]
    text = "Moscow rejected the plan, and talks in Moscow ended."
    analysis = _analysis(nlp, text)
    first, second = text.index("Moscow"), text.rindex("Moscow")
    analysis.actors = [
        Actor(
            "a1", "Government of Russia", "state", "RUS",
            mentions=[Mention(first, first + 6, "Moscow", "metonym"),
                      Mention(second, second + 6, "Moscow", "metonym")],
        )
    ]
    step(analysis)
    assert [(p.start, p.text) for p in analysis.places] == [(second, "Moscow")]


def _event(analysis: Analysis, trigger: str) -> Event:
    start = analysis.article.text.index(trigger)
    span = Span(start, start + len(trigger), trigger)
    return Event("e1", "ASSAULT", "190", None, None, span, analysis.sentence_index(start))


@pytest.mark.parametrize(
    ("text", "trigger", "location"),
    [
        ("Russian forces shelled positions near Bakhmut.", "shelled", "Bakhmut"),
        ("The talks in Istanbul collapsed.", "talks", "Istanbul"),
        ("Talks will be held in Istanbul next week.", "Talks", "Istanbul"),
        ("Missiles struck the port of Odesa in July.", "struck", None),
        ("Russia attacked grain silos in the port of Odesa.", "attacked", "Odesa"),
        ("Troops clashed in the Kherson region.", "clashed", "Kherson region"),
        ("The EU sent aid to Ukraine.", "sent", None),
        ("Kyiv demanded reparations from Russia.", "demanded", None),
        ("Officials in Kyiv said Russia attacked targets in Crimea.", "attacked", "Crimea"),
        ("Officials in Kyiv said Russia attacked targets in Crimea.", "said", "Kyiv"),
    ],
)
def test_places_event_location(nlp, step, text, trigger, location) -> None:  # type: ignore[no-untyped-def]
    analysis = _analysis(nlp, text)
    analysis.events = [_event(analysis, trigger)]
    step(analysis)
    by_id = {p.id: p.text for p in analysis.places}
    got = analysis.events[0].location
    assert (by_id[got] if got else None) == location


def test_places_step_output_validates_on_example(nlp, step, example_text) -> None:  # type: ignore[no-untyped-def]
    analysis = step(_analysis(nlp, example_text))
    names = {p.name for p in analysis.places}
    assert {"Ankara", "Istanbul", "Odesa", "Black Sea", "Turkey"} <= names
    assert [p.id for p in analysis.places] == [f"p{i}" for i in range(1, len(analysis.places) + 1)]
    validate(analysis.to_dict())


@pytest.mark.parametrize(
    ("text", "trigger", "plover", "country"),
    [
        # inside the event's object or argument: the place is what it acts on
        ("Arnland refused to deploy troops in Iraq.", "refused", "REJECT", "IRQ"),
        ("The army imposed a curfew on the town in northern Iraq.", "imposed", "COERCE", "IRQ"),
        # a protest or an attack is aimed at its venue
        ("Thousands of students protested in Kharkiv.", "protested", "PROTEST", "UKR"),
        ("Artillery fired at targets in Kharkiv.", "fired", "ASSAULT", "UKR"),
        # a surrender or a signing only happens there
        ("The rebels surrendered in a village in northern Iraq.", "surrendered", "RETREAT", None),
        ("The ministers signed the accord in Paris.", "signed", "AGREE", None),
        # the subject's place says who acts, not whom
        ("Rebels in Iraq attacked the convoy.", "attacked", "ASSAULT", None),
        # a place that is the object itself, or the object's "of" noun
        ("The army shelled Kherson overnight.", "shelled", "ASSAULT", "UKR"),
        ("Gunmen overran the city of Mosul.", "overran", "ASSAULT", "IRQ"),
        ("The army shelled residential districts of Kharkiv.", "shelled", "ASSAULT", "UKR"),
        ("The siege of Mosul lasted months.", "siege", "COERCE", "IRQ"),
        ("The army stopped its attacks on the port of Odesa.", "attacks", "ASSAULT", "UKR"),
        # but not a place that only says where something comes from
        ("A convoy from Kharkiv attacked the post.", "attacked", "ASSAULT", None),
    ],
)
def test_places_recipient_place(nlp, step, text, trigger, plover, country) -> None:  # type: ignore[no-untyped-def]
    analysis = _analysis(nlp, text)
    event = _event(analysis, trigger)
    event.plover = plover
    analysis.events = [event]
    step(analysis)
    assert event.target is None and event.target_code == country


def test_places_no_recipient_place_for_talks_or_named_recipients(nlp, step) -> None:  # type: ignore[no-untyped-def]
    analysis = _analysis(nlp, "Arnland held talks in Geneva and fired at targets in Kharkiv.")
    talks, fired = _event(analysis, "talks"), _event(analysis, "fired")
    talks.plover, fired.target, fired.target_code = "CONSULT", "a1", "RUSMIL"
    analysis.events = [talks, fired]
    step(analysis)
    assert talks.target_code is None and fired.target_code == "RUSMIL"


def test_places_no_recipient_place_for_a_meeting_agreed_to(nlp, step) -> None:  # type: ignore[no-untyped-def]
    # agreeing to talks in Jeddah (CAMEO 036) is aimed at the other party, not Saudi Arabia
    analysis = _analysis(nlp, "The general agreed to send a delegation to new talks in Jeddah.")
    agreed = _event(analysis, "agreed")
    agreed.plover, agreed.cameo = "AGREE", "036"
    analysis.events = [agreed]
    step(analysis)
    assert agreed.target_code is None
