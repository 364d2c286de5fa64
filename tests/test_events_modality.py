"""Modality read from the parse, on sentences we wrote."""

from __future__ import annotations

import pytest

from events_helpers import events_of

ACTORS = {"Arnland": "ARN", "Borduria": "BOR"}
FLAGS = ("negated", "conditional", "hypothetical", "future", "near_miss")


def _flags(nlp, text: str, trigger: str) -> set[str]:  # type: ignore[no-untyped-def]
    _, events = events_of(nlp, text, ACTORS)
    ev = next(e for e in events if e.trigger.text.startswith(trigger))
    return {f for f in FLAGS if getattr(ev.modality, f)}


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Arnland attacked Borduria on Monday.", "attacked", set()),
        ("Arnland did not attack Borduria.", "attack", {"negated"}),
        ("Arnland never criticised Borduria.", "criticised", {"negated"}),
        ("Talks between Arnland and Borduria can only begin once the shelling stops.",
         "Talks", {"conditional"}),
        ("Arnland will criticise Borduria unless the border opens.", "criticise",
         {"conditional", "future"}),
        ("Arnland may criticise Borduria.", "criticise", {"hypothetical"}),
        ("Arnland may be inclined to criticise Borduria.", "criticise", {"hypothetical"}),
        ("Arnland plans to criticise Borduria at the summit.", "criticise", {"future"}),
        ("Arnland and Borduria almost signed a border treaty.", "signed", {"near_miss"}),
        ("Arnland is open to negotiations with Borduria as long as the shelling stops.",
         "open", {"conditional"}),
        ("It seems unlikely that Arnland will accuse Borduria.", "accuse",
         {"future", "hypothetical"}),
        ("If Arnland attacks Borduria, the alliance will respond.", "attacks",
         {"hypothetical"}),
    ],
)
def test_events_modality_flags(nlp, text, trigger, expected) -> None:  # type: ignore[no-untyped-def]
    assert _flags(nlp, text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # PLOVER: future cooperation is an intention, a future hostile act a threat,
        # a refused agreement a rejection
        ("Arnland will send humanitarian aid to Borduria.", "AGREE"),
        ("Arnland said it would boycott the talks with Borduria.", "THREATEN"),
        ("Arnland will not accept the agreement with Borduria.", "REJECT"),
        ("Arnland will withdraw its troops from Borduria.", "CONCEDE"),
        ("Arnland will withdraw its troops from Borduria unless the talks resume.", "THREATEN"),
    ],
)
def test_events_modality_recodes_by_plover_rules(nlp, text, plover) -> None:  # type: ignore[no-untyped-def]
    _, events = events_of(nlp, text, ACTORS)
    assert plover in {e.plover for e in events}


def test_events_modality_keeps_flags_after_recoding(nlp) -> None:  # type: ignore[no-untyped-def]
    _, events = events_of(nlp, "Arnland will meet Borduria next week.", ACTORS)
    ev = next(e for e in events if e.plover == "AGREE")
    assert ev.modality.future and ev.cameo == "036"


def test_events_modality_subject_parsed_onto_an_auxiliary(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "talks can and will happen" with "talks" attached to "can": the verb still governs."""
    from spacy.tokens import Doc

    from events_helpers import LEXICON
    from newsevents.events.modality import modality_of

    words = ["If", "guns", "fall", "silent", ",", "talks", "can", "and", "will", "happen", "."]
    heads = [2, 2, 9, 2, 9, 6, 9, 6, 9, 9, 9]
    deps = ["mark", "nsubj", "advcl", "acomp", "punct", "nsubj", "aux", "cc", "aux", "ROOT",
            "punct"]  # fmt: skip
    pos = ["SCONJ", "NOUN", "VERB", "ADJ", "PUNCT", "NOUN", "AUX", "CCONJ", "AUX", "VERB",
           "PUNCT"]  # fmt: skip
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    mod = modality_of(doc[5], LEXICON)
    assert mod.conditional and mod.future


def test_a_pending_condition_in_the_present_is_hypothetical_but_a_past_one_happened() -> None:
    import newsevents

    def flags(text: str) -> dict[str, bool]:
        events = newsevents.analyze(text, published="2025-06-03").events
        return {e.trigger.text: e.modality.hypothetical for e in events}

    assert flags("Peru rules out a truce until Chile withdraws its troops from Arica.")[
        "withdraws"
    ]
    assert not flags("Peru kept up the pressure until Chile withdrew its troops from Arica.")[
        "withdrew"
    ]
