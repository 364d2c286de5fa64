"""Hedges, their scope, and the certainty they give the events inside it.

A hedge's scope is the clause it governs: for a hedging verb ("it appears", "seems to",
"it is believed") the verb's own subtree; for a modal, an adverb or an adjective ("may",
"allegedly", "so-called") the subtree of the word it attaches to. Each event whose trigger
lies in the scope gets ``certainty = min(certainty, hedge certainty)`` (values in
``hedges.yaml``; the lowest hedge wins, so applying them twice changes nothing).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Analysis, Event, Frame
from .lexicon import Match

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Verbs that carry the hedge themselves: their own subtree is the scope.
HEDGING_VERBS = frozenset({"appear", "seem", "believe", "claim", "report", "say", "think"})


@dataclass(frozen=True, slots=True)
class Hedge:
    """A hedge found in the text, with the character span of its scope."""

    frame: Frame
    scope_start: int
    scope_end: int
    certainty: float


def find_hedges(analysis: Analysis, doc: Doc, matches: Iterable[Match]) -> list[Hedge]:
    """Return the hedges in ``doc``, each with its scope and certainty.

    The frame's ``label`` is the hedge category (modal, epistemic, distancing, impersonal)
    and its ``note`` the certainty and the scope's words.
    """
    hedges: list[Hedge] = []
    for match in matches:
        words = doc[match.start : match.end]
        after = doc[match.end] if match.end < len(doc) else None
        if words[0].lower_ == "could" and after is not None and after.lower_ in ("not", "n't"):
            continue  # "could not": past inability, not doubt
        governor = _governor(words.root)
        first, last = governor.left_edge, governor.right_edge
        scope_start, scope_end = first.idx, last.idx + len(last.text)
        scope_text = analysis.article.text[scope_start:scope_end]
        if len(scope_text) > 80:
            scope_text = scope_text[:77] + "..."
        value = match.entry.certainty
        frame = Frame(
            kind="hedge",
            start=words.start_char,
            end=words.end_char,
            text=words.text,
            note=f"{match.entry.category}; certainty {value:g} for '{scope_text}'",
            label=match.entry.category,
        )
        hedges.append(Hedge(frame, scope_start, scope_end, value))
    return hedges


def _governor(root: Token) -> Token:
    """Return the token whose subtree is the hedge's scope."""
    if root.lemma_ in HEDGING_VERBS and root.pos_ in ("VERB", "AUX"):
        return root
    # "so-called": "so" modifies "called", which modifies the noun
    node = root.head
    while node.dep_ in ("amod", "advmod") and node.head.i != node.i and node.pos_ != "NOUN":
        node = node.head
    return node


def lower_certainty(events: Iterable[Event], hedges: Iterable[Hedge]) -> list[str]:
    """Lower the certainty of each event whose trigger is in a hedge's scope.

    Returns the ids of the events changed.
    """
    changed: list[str] = []
    hedges = list(hedges)
    for event in events:
        for hedge in hedges:
            trigger = event.trigger
            inside = hedge.scope_start <= trigger.start and trigger.end <= hedge.scope_end
            if inside and hedge.certainty < event.certainty:
                event.certainty = hedge.certainty
                changed.append(event.id)
    return sorted(set(changed))
