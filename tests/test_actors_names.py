"""Names within one article: bare surnames, names spaCy splits, a person's office, datelines."""

from __future__ import annotations

import pytest

from actors_helpers import actors_of, owner


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


@pytest.mark.parametrize(
    ("text", "mention", "cameo"),
    [
        # state agencies stand for their sector of the state
        ("The IDF said its jets struck a depot overnight.", "The IDF", "ISRMIL"),
        ("Mossad declined to comment on the report.", "Mossad", "ISRSPY"),
        ("Shin Bet arrested two suspects on Sunday.", "Shin Bet", "ISRSPY"),
        ("The People's Liberation Army began drills near the island.", "The People's Liberation Army", "CHNMIL"),
        ("The PLA sent warships into the strait.", "The PLA", "CHNMIL"),
        ("The IRGC seized a tanker in the Gulf.", "The IRGC", "IRNMIL"),
        ("The Revolutionary Guards fired missiles at the base.", "The Revolutionary Guards", "IRNMIL"),
        ("The Quds Force trains allied militias.", "The Quds Force", "IRNMIL"),
        ("The FSB detained a journalist in Yekaterinburg.", "The FSB", "RUSSPY"),
        ("The GRU ran the operation, investigators said.", "The GRU", "RUSSPY"),
        ("The SVR denied any role in the hack.", "The SVR", "RUSSPY"),
        ("Rosgvardia units guarded the airport.", "Rosgvardia", "RUSMIL"),
        ("The SBU said it had foiled a plot.", "The SBU", "UKRSPY"),
        ("The Bundeswehr will buy more tanks.", "The Bundeswehr", "DEUMIL"),
        ("MI6 recruited the officer in the 1990s.", "MI6", "GBRSPY"),
        ("MI5 warned of rising threats.", "MI5", "GBRSPY"),
        ("The CIA briefed lawmakers on Tuesday.", "The CIA", "USASPY"),
        ("The FBI arrested the suspect in Ohio.", "The FBI", "USACOP"),
        ("The NSA collected the phone records.", "The NSA", "USASPY"),
        # armed groups
        ("Kataib Hezbollah claimed the drone attack.", "Kataib Hezbollah", "IRQUAF"),
        ("M23 rebels took control of the town.", "M23 rebels", "CODREB"),
        ("The Syrian Democratic Forces guard the camps.", "The Syrian Democratic Forces", "SYRREB"),
    ],
)
def test_agencies_and_armed_groups(nlp, kb, text: str, mention: str, cameo: str) -> None:  # type: ignore[no-untyped-def]
    actor = owner(actors_of(nlp, kb, text), mention)
    assert actor is not None and actor.cameo == cameo


def test_titled_person_of_a_state_takes_its_country(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    actors = actors_of(nlp, kb, "King Faisal of Jordan was quoted as saying he would host the talks.")
    king = owner(actors, "King Faisal")
    assert king is not None and king.country == "JOR" and king.cameo == "JORGOV"


@pytest.mark.parametrize(
    ("text", "it_is_someone"),
    [
        ("Syria says it is willing to withdraw its troops.", True),
        ("Kenya's foreign ministry said it was prepared to impose a curfew.", True),
        ("The army said the town had fallen. It is likely that the talks will fail.", False),
        ("The army said the town had fallen. It is important to stay calm.", False),
        ("The army said the town had fallen. It was reported that the talks would fail.", False),
    ],
)
def test_it_for_a_clause_is_no_actor(nlp, kb, text: str, it_is_someone: bool) -> None:  # type: ignore[no-untyped-def]
    actors = actors_of(nlp, kb, text)
    assert (owner(actors, "it") or owner(actors, "It")) is not None if it_is_someone else (
        owner(actors, "It") is None
    )


def test_object_pronoun_is_not_its_own_subject(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "Beijing called the drills a warning. Taiwan's government condemned them."
    actors = actors_of(nlp, kb, text)
    assert owner(actors, "them") is None


def test_acronym_is_the_actor_named_in_full_in_the_article(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = ("Army and NLF agree to talks\n\nThe National Liberation Front said on Monday it "
            "would send a delegation.")
    actors = actors_of(nlp, kb, text)
    front = owner(actors, "The National Liberation Front")
    assert front is not None and owner(actors, "NLF") is front


def test_city_of_x_is_a_place_whatever_the_tagger_says(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "Fighters overran the city of El Obeid on Sunday, the army said."
    assert owner(actors_of(nlp, kb, text), "El Obeid") is None


def test_a_dateline_does_not_become_the_first_sentences_subject() -> None:
    import newsevents

    analysis = newsevents.analyze(
        "PORT SUDAN, Sudan (AP) — Egypt's foreign minister Badr Abdelatty agreed on Monday to "
        "host new talks in Cairo, the ministry said.", published="2025-12-01")
    agree = [e for e in analysis.events if e.trigger.text == "agreed"]
    assert agree and agree[0].source_code == "EGYGOV"


@pytest.mark.parametrize(
    ("text", "mention", "cameo"),
    [
        ("The NATO alliance said it would send more troops.", "The NATO alliance", "IGOWSTNAT"),
        ("The UN refugee agency said 60,000 people had fled.", "The UN refugee agency", "IGOUNOREFHCR"),
        ("The U.N. children's agency warned of malnutrition.", "The U.N. children's agency", "IGOUNOKID"),
        ("The UN atomic watchdog will inspect the plant.", "The UN atomic watchdog", "IGOUNOIAE"),
        ("The UN agency for Palestinian refugees closed two schools.", "The UN agency for Palestinian refugees", "IGOUNO"),
        ("Al Jazeera reported heavy shelling overnight.", "Al Jazeera", "QATMED"),
        ("Anadolu Agency said the ship had docked.", "Anadolu Agency", "TURMED"),
        ("The BBC obtained a copy of the letter.", "The BBC", "GBRMED"),
        ("CCTV showed the launch on Friday.", "CCTV", "CHNMED"),
        ("The Global Times accused Manila of provocation.", "The Global Times", "CHNMED"),
        ("IRNA said the talks had ended.", "IRNA", "IRNMED"),
        ("KCNA said the missile flew 800 km.", "KCNA", "PRKMED"),
        ("An editorial in People's Daily praised the plan.", "People's Daily", "CHNMED"),
        ("RIA Novosti quoted a defence source.", "RIA Novosti", "RUSMED"),
        ("SANA said air defences intercepted the drones.", "SANA", "SYRMED"),
        ("TASS reported that the envoy had arrived.", "TASS", "RUSMED"),
        ("Ukrinform said the power had been restored.", "Ukrinform", "UKRMED"),
        ("WAFA said two people were wounded.", "WAFA", "PSEMED"),
        ("Xinhua said the premier would visit next week.", "Xinhua", "CHNMED"),
        ("Yonhap cited a military official.", "Yonhap", "KORMED"),
    ],
)
def test_un_agencies_by_description_and_news_agencies(nlp, kb, text: str, mention: str, cameo: str) -> None:  # type: ignore[no-untyped-def]
    actor = owner(actors_of(nlp, kb, text), mention)
    assert actor is not None and actor.cameo == cameo


@pytest.mark.parametrize(
    ("text", "mention", "cameo"),
    [
        ("A spokesman for the Belarusian foreign ministry said the claims were false.",
         "A spokesman for the Belarusian foreign ministry", "BLRGOV"),
        ("An envoy for Kenya arrived in the capital on Monday.", "An envoy for Kenya", "KENGOV"),
    ],
)
def test_a_title_for_a_body_takes_its_country(nlp, kb, text: str, mention: str, cameo: str) -> None:  # type: ignore[no-untyped-def]
    actor = owner(actors_of(nlp, kb, text), mention)
    assert actor is not None and actor.kind == "person" and actor.cameo == cameo
