"""Coreference on sentences we wrote: pronouns and definite descriptions find their actor."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.actors import find_actors
from newsevents.model import Actor


def referent(nlp, kb, text: str, phrase: str, nth: int = 0) -> Actor | None:  # type: ignore[no-untyped-def]
    """Return the actor of the ``nth`` occurrence of ``phrase`` (a mention's exact text)."""
    actors = find_actors(nlp(text), kb, dt.date(2024, 3, 1))
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    for actor in actors:
        if any(m.start == start and m.text == phrase for m in actor.mentions):
            return actor
    return None


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        ("Danish envoy Lars Holm met the rebels. He said the talks went well.", "He", "Lars Holm"),
        ("Egyptian diplomat Amira Saleh spoke first. She called for calm.", "She", "Amira Saleh"),
        ("Kenyan minister Paul Otieno arrived late, and his aides left early.", "his", "Paul Otieno"),
    ],
)
def test_coref_personal_pronoun_finds_the_person(nlp, kb, text: str, phrase: str, name: str) -> None:  # type: ignore[no-untyped-def]
    actor = referent(nlp, kb, text, phrase)
    assert actor is not None and actor.name == name


def test_coref_he_prefers_the_subject_of_the_last_sentence(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = ("Norwegian envoy Erik Lund thanked Swedish envoy Nils Berg after the meeting. "
            "He said more talks would follow.")  # fmt: skip
    actor = referent(nlp, kb, text, "He")
    assert actor is not None and actor.name == "Erik Lund"


def test_coref_they_finds_the_plural_group(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "The plan was rejected by senior Iranian officials. They called it a trap."
    actor = referent(nlp, kb, text, "They")
    assert actor is not None and actor.cameo == "IRNGOV"


def test_coref_it_finds_the_state_not_a_place(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "Peru said it would send aid. The storm hit Tibet, and it lost power for days."
    assert referent(nlp, kb, text, "it").cameo == "PER"  # type: ignore[union-attr]
    assert referent(nlp, kb, text, "it", nth=1) is None


def test_coref_expletive_it_is_nobody(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "Chile rejected the plan. It seems unlikely that talks will resume."
    assert referent(nlp, kb, text, "It") is None


def test_coref_his_country_is_the_government(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "Colombian envoy Ana Ruiz said her country would not sign the accord."
    actor = referent(nlp, kb, text, "her country")
    assert actor is not None and actor.cameo == "COLGOV"


def test_coref_its_military_is_the_owner_sector(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "Kyiv asked for more shells to supply its military."
    actor = referent(nlp, kb, text, "its military")
    assert actor is not None and actor.cameo == "UKRMIL"


def test_coref_the_spokesman_is_the_last_spokesman(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = ("Greek government spokesman Nikos Papas denied the report. "
            "The spokesman later said the ferry would sail.")  # fmt: skip
    actor = referent(nlp, kb, text, "The spokesman")
    assert actor is not None and actor.name == "Nikos Papas"


def test_coref_the_bloc_is_the_organisation(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "ASEAN met on Monday. The bloc agreed to send observers."
    actor = referent(nlp, kb, text, "The bloc")
    assert actor is not None and actor.kb_id == "igo/asean"


def test_coref_the_talks_block_they(nlp, kb) -> None:  # type: ignore[no-untyped-def]
    text = "Mexican officials expect the talks, if they happen, to be short."
    assert referent(nlp, kb, text, "they") is None
