"""Names within one article: bare surnames, names spaCy splits, a person's office, datelines."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.actors import find_actors
from newsevents.actors.kb import load_kb
from newsevents.model import Actor


@pytest.fixture(scope="module")
def kb():  # type: ignore[no-untyped-def]
    return load_kb()


def actors_of(nlp, kb, text: str) -> list[Actor]:  # type: ignore[no-untyped-def]
    return find_actors(nlp(text), kb, dt.date(2023, 6, 1))


def owner(actors: list[Actor], text: str) -> Actor | None:
    """Return the actor with a mention whose text is exactly ``text``."""
    return next((a for a in actors if any(m.text == text for m in a.mentions)), None)


@pytest.mark.parametrize(
    ("text", "full", "bare"),
    [
        # spaCy tags the second mention as nothing
        ("Interior Minister Carla Borne said the law would pass. Borne spoke in Lyon.",
         "Interior Minister Carla Borne", "Borne"),
        # ... as an organisation
        ("General Omar al-Haddad said the army would withdraw. Haddad also met the envoys.",
         "General Omar al-Haddad", "Haddad"),
        # headlines name the surname first
        ("Okafor warns of delays\nFinance Minister Ada Okafor said the budget was late.",
         "Finance Minister Ada Okafor", "Okafor"),
    ],
)
def test_bare_surname_is_the_person_named_in_full(nlp, kb, text: str, full: str, bare: str) -> None:  # type: ignore[no-untyped-def]
    actors = actors_of(nlp, kb, text)
    person = owner(actors, full)
    assert person is not None and person.kind == "person"
    assert owner(actors, bare) is person


def test_surname_shared_by_two_people_stays_unlinked(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = ("Senator Maria Delgado met Governor Luis Delgado on Monday. "
            "Delgado said the meeting went well.")
    actors = actors_of(nlp, kb, text)
    maria, luis = owner(actors, "Maria Delgado"), owner(actors, "Governor Luis Delgado")
    assert maria is not None and luis is not None and maria is not luis
    bare = owner(actors, "Delgado")
    assert bare is not maria and bare is not luis


def test_surname_that_is_a_state_keeps_the_state(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "Coach Michael Jordan visited the camp. Jordan closed its border with Syria."
    actors = actors_of(nlp, kb, text)
    state = owner(actors, "Jordan")
    assert state is not None and state.kind == "state"


def test_abutting_person_entities_are_one_name(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = ("Qatari Prime Minister Khalifa bin Hamad Al Marri told reporters that the talks "
            "had stalled.")
    people = [a for a in actors_of(nlp, kb, text) if a.kind == "person"]
    assert len(people) == 1
    assert people[0].mentions[0].text.endswith("Al Marri") and people[0].country == "QAT"


def test_a_persons_office_speaks_for_the_person(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "Prime Minister Dana Levi's office said the cabinet would meet on Sunday."
    actors = actors_of(nlp, kb, text)
    person = owner(actors, "Prime Minister Dana Levi's")
    assert person is not None and owner(actors, "office") is person


@pytest.mark.parametrize(
    "text",
    [
        "DOHA — Qatar said on Thursday that the talks had stalled.",
        "DOHA (Reuters) — Qatar said on Thursday that the talks had stalled.",
        "NEW DELHI (Reuters) - Qatar said on Thursday that the talks had stalled.",
    ],
)
def test_dateline_city_is_a_place_not_an_actor(nlp, kb, text: str) -> None:  # type: ignore[no-untyped-def]
    actors = actors_of(nlp, kb, text)
    assert owner(actors, "DOHA") is None and owner(actors, "Reuters") is None
    assert [a.cameo for a in actors] == ["QAT"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Pentagon approved the sale of Patriot missiles to the kingdom.", "Patriot"),
        ("Berlin promised to send four more IRIS-T systems before winter.", "IRIS"),
    ],
)
def test_a_name_on_a_weapon_is_no_actor(nlp, kb, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert owner(actors_of(nlp, kb, text), name) is None


def test_the_general_staff_is_a_military_body_not_a_person(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "Ukraine's army said the front held. According to the General Staff, the raid failed."
    staff = owner(actors_of(nlp, kb, text), "the General Staff")
    assert staff is not None and staff.kind != "person" and staff.sector == "MIL"
