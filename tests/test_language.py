"""Language identification on texts we wrote: refuse other languages, keep dense English."""

from __future__ import annotations

import pytest

from newsevents.language import detect_language


@pytest.mark.parametrize(
    "text",
    [
        "Iran's foreign minister met Hezbollah leaders and denounced the Zionist entity.",
        "Ukraine's army held the line, a Russian blogger wrote, blaming the Banderites.",
        "PUTIN'S PUPPET! Belarus dictator threatens Poland with nukes over border row.",
        "Qatar says Gaza truce talks stalled, urges both sides to compromise on hostages.",
        "The ministry said on Monday that the talks would resume in Geneva next week, "
        "after both delegations had asked for more time.",
    ],
)
def test_english_headlines_and_dense_sentences_are_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le gouvernement a annoncé lundi que les négociations reprendront la semaine "
         "prochaine à Genève, selon le ministre.", "fr"),
        ("El gobierno anunció el lunes que las negociaciones se reanudarán la próxima "
         "semana en Ginebra, según el ministro.", "es"),
        ("Die Regierung kündigte am Montag an, dass die Verhandlungen in der nächsten Woche "
         "in Genf fortgesetzt werden, sagte der Minister.", "de"),
        ("Il governo ha annunciato lunedì che i negoziati riprenderanno la prossima "
         "settimana a Ginevra, secondo il ministro della difesa.", "it"),
        ("Правительство заявило во вторник, что переговоры не состоятся на этой неделе.",
         "cyrillic"),
    ],
)
def test_other_languages_are_refused_with_a_guess(text: str, language: str) -> None:
    assert detect_language(text) == language
