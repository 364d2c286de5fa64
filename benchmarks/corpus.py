"""Benchmark corpora: synthetic news articles we generate, or PolNeAR texts read at run time.

The synthetic articles are built from our own sentence templates (no public text is
copied); a fixed seed makes every run code the same corpus.
"""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"

_STATES = [
    "Russia",
    "Ukraine",
    "Turkey",
    "China",
    "the United States",
    "France",
    "Germany",
    "Poland",
    "Iran",
    "Israel",
    "India",
    "Brazil",
    "Japan",
    "Egypt",
    "Qatar",
]
_CAPITALS = [
    "Moscow",
    "Kyiv",
    "Ankara",
    "Beijing",
    "Washington",
    "Paris",
    "Berlin",
    "Warsaw",
    "Tehran",
    "Jerusalem",
    "New Delhi",
    "Brasilia",
    "Tokyo",
    "Cairo",
    "Doha",
]
_OFFICIALS = [
    "Foreign Minister",
    "Defence Minister",
    "President",
    "Prime Minister",
    "government spokesman",
    "Deputy Foreign Minister",
]
_NAMES = [
    "Anna Kovac",
    "Pedro Alves",
    "Li Wei",
    "Omar Haddad",
    "Marta Nowak",
    "Ivan Petrov",
    "Yusuf Demir",
    "Claire Martin",
    "Kenji Sato",
    "Sara Cohen",
]
_TEMPLATES = [
    "{S1} accused {S2} on {day} of violating the ceasefire agreement near the border.",
    "According to {title} {name}, {S1} is ready to resume talks with {S2} if its demands are met.",
    "“We will not accept any preconditions,” {name} told reporters in {C1} on {day}.",
    "{name} said that {S2} had rejected the proposal for a prisoner exchange last year.",
    "{C1} demanded the withdrawal of all foreign troops from the disputed region.",
    "Officials in {C2} said they would provide humanitarian aid worth $50 million to {S1}.",
    "{S1} and {S2} agreed to hold a new round of negotiations in {C3} next month.",
    "He warned that further sanctions could follow if the attacks continued.",
    "The ministry said in a statement that the talks had been constructive.",
    "{S2} imposed new sanctions on banks from {S1}, the finance ministry said on {day}.",
    "Protesters gathered outside the embassy of {S1} in {C2} to denounce the strikes.",
    "Analysts said it appears unlikely that a deal will be reached before the summer.",
    "{title} {name} met his counterpart from {S2} to discuss energy cooperation.",
    "Troops from {S1} shelled positions near the city overnight, the army said.",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def synthetic_articles(n: int, seed: int = 7, sentences: int = 18) -> list[str]:
    """Return ``n`` synthetic news articles of about ``sentences`` sentences each."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        paras = []
        for _ in range(sentences // 3):
            sents = []
            for _ in range(3):
                i, j, k = rng.sample(range(len(_STATES)), 3)
                sents.append(
                    rng.choice(_TEMPLATES).format(
                        S1=_STATES[i],
                        S2=_STATES[j],
                        C1=_CAPITALS[i],
                        C2=_CAPITALS[j],
                        C3=_CAPITALS[k],
                        name=rng.choice(_NAMES),
                        title=rng.choice(_OFFICIALS),
                        day=rng.choice(_DAYS),
                    )
                )
            para = " ".join(sents)
            paras.append(para[0].upper() + para[1:])
        out.append("\n\n".join(paras))
    return out


def polnear_articles(limit: int | None = None) -> list[str]:
    """Return PolNeAR article texts (read at run time from ../shared/data), sorted by path."""
    paths = sorted(POLNEAR.glob("*/text/*.txt"))
    if not paths:
        raise SystemExit(f"PolNeAR texts not found under {POLNEAR}")
    return [p.read_text(encoding="utf-8") for p in paths[:limit]]
