"""PLOVER's rules that change an event's type with its modality (PLOVER manual, ch. 2).

* Cooperative actions in the future (CONSULT, SUPPORT, COOPERATE, AID) are intentions:
  AGREE ("will meet", "will provide aid").
* A future retreat is announced, not done: CONCEDE ("will withdraw its troops").
* A future hostile action (ASSAULT, COERCE, SANCTION, PROTEST) is a threat: THREATEN
  ("said they would boycott the talks", "will withdraw ... unless").
* A negated agreement, or a negated future cooperation, is a rejection: REJECT ("will not
  accept refugees", "failed to reach an agreement"); the negation is then part of the
  type, so the flag is cleared.
* A future retreat on a condition is a threat ("will withdraw its force unless ...").
* An act that goes on keeps its type: "the army would keep fighting" is ASSAULT with
  its future flag, not a threat; "will continue to send aid" is AID.

The modality flags stay on the event, so a consumer still sees that it is future.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Modality
from .lexicon import Lexicon

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST"})
RETREATS = frozenset({"RETREAT"})


@dataclass(frozen=True, slots=True)
class Coding:
    """An event's type, CAMEO code and mode."""

    plover: str
    cameo: str
    mode: str | None


def recode(
    coding: Coding, modality: Modality, lex: Lexicon, ongoing: bool = False
) -> tuple[Coding, Modality]:
    """Return the coding and modality after PLOVER's future and negation rules.

    ``ongoing``: the act continues one under way ("would keep fighting"); its future is
    that act going on, not an announced one, so it keeps its type.
    """
    plover = coding.plover
    refusal = plover == "AGREE" or (plover in COOPERATIVE and modality.future)
    if modality.negated and refusal:  # "will not accept any more refugees"
        cleared = Modality(False, modality.conditional, modality.hypothetical,
                           modality.future, modality.near_miss)  # fmt: skip
        return Coding("REJECT", "120", None), cleared
    if ongoing or not (modality.future or (modality.conditional and plover in HOSTILE)):
        return coding, modality
    if modality.negated:
        return coding, modality  # "will not attack" is no threat
    if plover in COOPERATIVE:
        return _composed("AGREE", plover, lex, "030"), modality
    if plover in RETREATS and modality.conditional:
        return Coding("THREATEN", "130", None), modality  # "will withdraw ... unless"
    if plover in RETREATS:
        return Coding("CONCEDE", "080", None), modality
    if plover in HOSTILE:
        return _composed("THREATEN", plover, lex, "130"), modality
    return coding, modality


def _composed(governor: str, governed: str, lex: Lexicon, default: str) -> Coding:
    comp = lex.compose.get((governor, governed))
    if comp is None:
        return Coding(governor, default, None)
    return Coding(comp.plover or governor, comp.cameo, comp.mode)
