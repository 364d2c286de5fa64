"""National adjectives as parties, titles with hyphens or in appositions, longer names.

Sentences we wrote, parsed by the real spaCy model.
"""

from __future__ import annotations

import pytest

from actors_helpers import actors_of, owner


@pytest.mark.parametrize(
    ("text", "mention", "cameo"),
    [
        # a noun for what a government does: the adjective names the government
        ("Chile turned down a Peruvian offer on fishing rights.", "Peruvian", "PERGOV"),
        ("The harbour was rebuilt with Japanese aid.", "Japanese", "JPNGOV"),
        ("The talks broke down over a Greek proposal.", "Greek", "GRCGOV"),
        ("Kyiv depends on Western weapons and Western aid.", "Western", "WST"),
        # a sector word between the adjective and the head
        ("Police detained two Kenyan opposition figures.", "Kenyan opposition", "KENOPP"),
        # any other noun: the state itself
        ("Nepalese villagers welcomed Indian engineers.", "Indian", "IND"),
        ("Some 2,000 Syrian Kurds fled across the border.", "Syrian", "SYR"),
    ],
)
def test_national_adjective_names_a_party(nlp, kb, text: str, mention: str, cameo: str) -> None:  # type: ignore[no-untyped-def]
    actor = owner(actors_of(nlp, kb, text), mention)
    assert actor is not None and actor.cameo == cameo


@pytest.mark.parametrize(
    "text",
    [
        "Storms hit ships in the Indian Ocean overnight.",
        "Fighting spread across West Kordofan State last week.",
        "Traders from West African ports met in Lagos.",
        "Thousands of West Africans crossed the border.",
    ],
)
def test_adjective_inside_a_longer_name_is_no_party(nlp, kb, text: str) -> None:  # type: ignore[no-untyped-def]
    actors = actors_of(nlp, kb, text)
    assert all(a.cameo not in ("IND", "WST") for a in actors), [a.name for a in actors]


def test_national_adjective_is_no_antecedent_for_it(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    actors = actors_of(nlp, kb, "Bolivia studied a Brazilian plan, and then it rejected the plan.")
    bolivia = owner(actors, "Bolivia")
    assert bolivia is not None and any(m.text == "it" for m in bolivia.mentions)


@pytest.mark.parametrize(
    ("text", "name", "cameo"),
    [
        ("UN Secretary-General Ana Pereira visited the camp.", "Ana Pereira", "IGOUNO"),
        ("Tomas Ekberg, the Swedish defence minister, toured the base.", "Tomas Ekberg", "SWE"),
        ("Tanzanian junior foreign minister Asha Mrisho met the envoy.", "Asha Mrisho", "TZA"),
        ("Kuwait's emir, Sheikh Nasser al-Sabah, launched a mediation effort.", "Nasser al-Sabah",
         "KWT"),
    ],
)
def test_title_gives_unknown_person_a_country(nlp, kb, text: str, name: str, cameo: str) -> None:  # type: ignore[no-untyped-def]
    actor = next(a for a in actors_of(nlp, kb, text) if a.name == name)
    assert actor.cameo is not None and actor.cameo.startswith(cameo)


@pytest.mark.parametrize(
    ("text", "name", "cameo"),
    [
        # an unknown president takes the one country the sentence is set in
        ("President Tom Obi lifted the curfew imposed in Chad.", "Tom Obi", "TCDGOV"),
        ("Prime Minister Ana Lupu broke her promise to the Moldovan people.", "Ana Lupu",
         "MDAGOV"),
    ],
)
def test_domestic_title_takes_the_country_of_the_setting(nlp, kb, text: str, name: str, cameo: str) -> None:  # type: ignore[no-untyped-def]
    actor = next(a for a in actors_of(nlp, kb, text) if a.name == name)
    assert actor.cameo == cameo


@pytest.mark.parametrize(
    "text",
    [
        "President Tom Obi flew to Lima and then to Quito.",  # capitals are visited
        "President Tom Obi spoke about the floods in Chad and in Niger.",  # two countries
        "Ambassador Tom Obi presented his credentials in Chad.",  # an office abroad
    ],
)
def test_no_country_without_one_domestic_setting(nlp, kb, text: str) -> None:  # type: ignore[no-untyped-def]
    actor = next(a for a in actors_of(nlp, kb, text) if a.name == "Tom Obi")
    assert actor.country is None


@pytest.mark.parametrize(
    ("text", "mention", "cameo"),
    [
        ("Rebels in Chad rejected the appeal.", "Rebels in Chad", "TCDREB"),
        ("The protesters in Georgia marched on parliament.", "The protesters in Georgia", "GEOOPP"),
    ],
)
def test_home_sector_in_a_state_is_that_state_s(nlp, kb, text: str, mention: str, cameo: str) -> None:  # type: ignore[no-untyped-def]
    actor = owner(actors_of(nlp, kb, text), mention)
    assert actor is not None and actor.cameo == cameo


def test_troops_in_a_state_may_be_foreign(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    actors = actors_of(nlp, kb, "The troops in Mali opened fire on the crowd.")
    assert all(a.cameo != "MLIMIL" for a in actors)


@pytest.mark.parametrize(
    ("text", "mention", "cameo"),
    [
        ("The ceasefire came after Qatari-mediated talks in Doha.", "Qatari", "QATGOV"),
        ("A Western-backed government took office in March.", "Western", "WST"),
    ],
)
def test_hyphenated_agent_is_a_party(nlp, kb, text: str, mention: str, cameo: str) -> None:  # type: ignore[no-untyped-def]
    actor = owner(actors_of(nlp, kb, text), mention)
    assert actor is not None and actor.cameo == cameo


@pytest.mark.parametrize(
    "text",
    [
        "The Russian-speaking minority protested in the east.",  # a language, no agent
        "Two Iranian-born engineers were hired by the firm.",  # an origin, no agent
    ],
)
def test_hyphenated_origin_is_no_party(nlp, kb, text: str) -> None:  # type: ignore[no-untyped-def]
    assert actors_of(nlp, kb, text) == []


def test_possessive_title_before_a_named_apposition_is_that_person(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    actors = actors_of(nlp, kb, "Kuwait's emir, Sheikh Nasser al-Sabah, launched a mediation effort.")
    assert [a.name for a in actors] == ["Nasser al-Sabah"]  # not the KB's emir of the day
