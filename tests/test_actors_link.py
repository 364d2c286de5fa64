"""Linking and coreference on sentences we wrote, parsed by the real spaCy model."""

from __future__ import annotations

import datetime as dt

import pytest

from actors_helpers import actors_of, owner


@pytest.mark.parametrize(
    ("text", "mention", "cameo"),
    [
        ("The talks stalled after Kyiv rejected the offer.", "Kyiv", "UKRGOV"),
        ("The Kremlin said the plan was unrealistic.", "The Kremlin", "RUSGOV"),
        ("Downing Street declined to comment on the report.", "Downing Street", "GBRGOV"),
        ("The Pentagon announced new deployments.", "The Pentagon", "USAMIL"),
        ("The French government recalled its ambassador.", "The French government", "FRAGOV"),
        ("Israeli troops entered the town at dawn.", "Israeli troops", "ISRMIL"),
        ("Senior Chinese officials met the delegation.", "Senior Chinese officials", "CHNGOV"),
        ("Brazil's foreign ministry summoned the envoy.", "Brazil's foreign ministry", "BRAGOV"),
        ("Protesters blocked the road, and Georgian police dispersed them.", "Georgian police", "GEOCOP"),
        ("Western leaders pledged more support.", "Western leaders", "WST"),
        ("Brussels warned Budapest over the veto.", "Brussels", "IGOEUREEC"),
    ],
)
def test_link_metonyms_and_sector_phrases(nlp, kb, text: str, mention: str, cameo: str) -> None:  # type: ignore[no-untyped-def]
    actor = owner(actors_of(nlp, kb, text), mention)
    assert actor is not None and actor.cameo == cameo


def test_link_compound_actors_are_two_actors(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    actors = actors_of(nlp, kb, "Armenia and Azerbaijan signed a border deal on Friday.")
    assert [a.cameo for a in actors] == ["ARM", "AZE"]


def test_link_demonym_conjunction_gives_each_country_its_sector(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    actors = actors_of(nlp, kb, "Polish and Lithuanian officials discussed the border.")
    assert {a.cameo for a in actors} == {"POLGOV", "LTUGOV"}


def test_link_home_sector_sets_the_sentence_for_an_unknown_president(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    actors = actors_of(nlp, kb, "Chadian rebels demanded the resignation of President Ana Ruiz.")
    ruiz = owner(actors, "President Ana Ruiz")
    assert ruiz is not None and ruiz.country == "TCD"


def test_link_unknown_national_body_takes_the_sentence_country(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    actors = actors_of(nlp, kb, "Chadian protesters began a hunger strike outside Parliament.")
    body = owner(actors, "Parliament")
    assert body is not None and body.cameo == "TCDLEG"


def test_link_a_demonym_ending_a_longer_people_is_not_the_state(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    actors = actors_of(nlp, kb, "Spain will host a summit of Latin American leaders.")
    assert [a.cameo for a in actors] == ["ESP"]


@pytest.mark.parametrize(
    ("text", "mention", "cameo"),
    [
        # offices held at once: the person's own country first, unless the title names one
        ("Emmanuel Macron spoke to reporters in Lyon.", "Emmanuel Macron", "FRAGOV"),
        ("King Charles III visited Kenya.", "King Charles III", "GBRGOV"),
        ("Canada's King Charles III opened parliament in Ottawa.",
         "Canada's King Charles III", "CANGOV"),
    ],
)
def test_link_concurrent_offices(nlp, kb, text: str, mention: str, cameo: str) -> None:  # type: ignore[no-untyped-def]
    actor = owner(actors_of(nlp, kb, text, dt.date(2024, 5, 1)), mention)
    assert actor is not None and actor.cameo == cameo


def test_link_misparsed_coordinated_demonyms_share_the_noun(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    # the parser makes "Sierra Leonean" a noun of its own, conjoined with "Guinean refugees"
    actors = actors_of(nlp, kb, "Soldiers beat Sierra Leonean and Guinean refugees.")
    assert {a.cameo for a in actors} == {"SLEREF", "GINREF"}


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # an ethnicity takes the one country its sentence is set in (CAMEO's convention)
        ("Hundreds of ethnic Hungarians marched in Romania on Sunday.", "ROUCVL"),
        # with no such country, the people's own state stays
        ("Ethnic Hungarians marched on Sunday.", "HUNCVL"),
    ],
)
def test_link_ethnic_groups_are_placed_by_the_sentence(nlp, kb, text: str, cameo: str) -> None:  # type: ignore[no-untyped-def]
    actor = owner(actors_of(nlp, kb, text), "Hungarians")
    assert actor is not None and actor.cameo == cameo


@pytest.mark.parametrize(
    "text",
    [
        "Shelling continued in Crimea on Monday.",
        "Fighting was reported in the Donetsk region.",
        "The delegation arrived in Moscow on Monday.",
    ],
)
def test_link_places_are_not_actors(nlp, kb, text: str) -> None:  # type: ignore[no-untyped-def]
    assert actors_of(nlp, kb, text) == []


def test_link_title_and_name_give_person_role_and_country(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "Chilean Interior Minister Joaquin Ortega visited the port on Tuesday."
    actor = owner(actors_of(nlp, kb, text), "Chilean Interior Minister Joaquin Ortega")
    assert actor is not None
    assert (actor.kind, actor.country, actor.sector) == ("person", "CHL", "GOV")
    assert actor.role == "Chilean Interior Minister"


def test_link_unknown_surname_merges_with_the_full_name(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "Kenyan envoy Grace Wanjiru arrived on Monday. Wanjiru said the talks would go on."
    actors = actors_of(nlp, kb, text)
    person = owner(actors, "Wanjiru")
    assert person is not None and person.country == "KEN" and len(person.mentions) == 2


def test_link_misspelt_state_links_with_lower_confidence(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    actors = actors_of(nlp, kb, "Venezeula rejected the proposal on Sunday.")
    assert actors and actors[0].cameo == "VEN"
    assert 0.5 < actors[0].mentions[0].confidence < 1


def test_link_page_debris_is_not_an_actor(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    assert actors_of(nlp, kb, "The ministry closed the case.\n\nSource link") == []


def test_link_ids_follow_first_mention(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    actors = actors_of(nlp, kb, "Japan thanked India. India thanked Japan.")
    assert [a.id for a in actors] == ["a1", "a2"]
    assert [a.cameo for a in actors] == ["JPN", "IND"]
