"""Datelines on openings we wrote: the place where a story was filed, and its agency."""

from __future__ import annotations

import pytest

from newsevents.datelines import find_datelines


@pytest.mark.parametrize(
    ("text", "place", "agency"),
    [
        ("KHERSON — Shelling resumed overnight.", "KHERSON", None),
        ("DOHA (Reuters) — Talks stalled.", "DOHA", "(Reuters)"),
        ("PORT SUDAN, Sudan (AP) — The army said the truce held.", "PORT SUDAN, Sudan", "(AP)"),
        ("BEIJING, Dec. 1 (Xinhua) -- China said the sale was wrong.", "BEIJING, Dec. 1", "(Xinhua)"),
        ("PARIS, Nov 3 - The minister resigned.", "PARIS, Nov 3", None),
        ("Headline here\n\nVIENNA — Monitors reported explosions.", "VIENNA", None),
    ],
)
def test_datelines_give_place_and_agency(nlp, text: str, place: str, agency: str | None) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    (dateline,) = find_datelines(doc)
    places = [t for t in doc[dateline.start : dateline.end] if dateline.has_place(t.i)]
    assert " ".join(t.text for t in places).replace(" ,", ",") == place
    found = doc[dateline.agency_start : dateline.agency_end].text or None
    assert found == agency


@pytest.mark.parametrize(
    "text",
    [
        "PUTIN'S PUPPET! Belarus threatens Poland.",
        "NATO said on Monday that the drills would go ahead.",
        "NATO, the alliance, said the drills would go ahead.",
        "The army said the town had fallen.",
    ],
)
def test_no_dateline_in_headlines_or_plain_sentences(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert find_datelines(nlp(text)) == []


def test_dateline_country_is_a_place_not_an_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    import newsevents

    analysis = newsevents.analyze(
        "PORT SUDAN, Sudan (AP) — Egypt's foreign ministry called for a ceasefire on Monday."
    )
    assert [a.cameo for a in analysis.actors] == ["EGYGOV"]
    assert [p.text for p in analysis.places][:2] == ["PORT SUDAN", "Sudan"]


def test_capitals_opening_a_paragraph_without_a_dash_are_no_place() -> None:
    import newsevents

    analysis = newsevents.analyze("Talks resume\n\nU.S. Secretary of State Ana Ruiz met officials "
                                  "in Ankara on Monday.")
    assert [p.text for p in analysis.places] == ["Ankara"]
