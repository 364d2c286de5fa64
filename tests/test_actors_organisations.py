"""People whose role is held in an international body take the body's codes."""

from __future__ import annotations

import pytest

import newsevents


@pytest.mark.parametrize(
    ("text", "name", "cameo"),
    [
        ("IAEA Director General Rafael Grossi said on Friday that he was concerned.",
         "Rafael Grossi", "IGOUNOIAE"),
        ("NATO Secretary General Mark Rutte said the alliance would respond.",
         "Mark Rutte", "IGOWSTNAT"),
    ],
)
def test_actors_person_in_an_organisation_takes_its_code(text: str, name: str, cameo: str) -> None:
    analysis = newsevents.analyze(text, published="2025-10-03")
    person = next(a for a in analysis.actors if a.name == name)
    assert person.cameo == cameo
    assert person.country is None or "/" not in person.country
