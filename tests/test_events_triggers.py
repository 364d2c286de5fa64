"""Lexicon entries on sentences we wrote: the word, in its construction, codes the type."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events_helpers import events_of, triples

ACTORS = {"Arnland": "ARN", "Borduria": "BOR", "Syldavia": "SYL"}


@pytest.mark.parametrize(
    ("text", "plover", "cameo"),
    [
        ("Arnland and Borduria agreed on a prisoner exchange.", "AGREE", "030"),
        ("Arnland offered to mediate between Borduria and Syldavia.", "AGREE", None),
        ("Arnland is ready to resume talks with Borduria.", "AGREE", "036"),
        ("Arnland's foreign minister visited Borduria on Friday.", "CONSULT", "042"),
        ("Arnland held talks with Borduria in Vienna.", "CONSULT", "046"),
        ("Arnland praised Borduria for its restraint.", "SUPPORT", "051"),
        ("Arnland established diplomatic relations with Borduria.", "SUPPORT", "050"),
        ("Arnland signed a trade accord with Borduria.", "SUPPORT", "057"),
        ("Arnland shared intelligence with Borduria about the smugglers.", "COOPERATE", "064"),
        ("Arnland granted asylum to the Bordurian dissident.", "AID", "075"),
        ("Arnland sent weapons to Borduria last month.", "AID", "070"),
        ("Arnland lifted the curfew in the capital.", "CONCEDE", "081"),
        ("Arnland withdrew its troops from Borduria.", "RETREAT", "0872"),
        ("Arnland released the Bordurian sailors on Sunday.", "RETREAT", "0841"),
        ("Arnland lifted sanctions on Borduria.", "RETREAT", "085"),
        ("Arnland demanded that Borduria end the blockade.", "REQUEST", None),
        ("Arnland called on Borduria to free the journalists.", "REQUEST", "105"),
        ("Arnland sought asylum in Borduria.", "REQUEST", "103"),
        ("Arnland accused Borduria of espionage.", "ACCUSE", "112"),
        ("Arnland condemned the Bordurian decision.", "ACCUSE", "111"),
        ("Arnland launched an investigation into the Bordurian bank.", "ACCUSE", "090"),
        ("Arnland sued Borduria at the international court.", "ACCUSE", "115"),
        ("Arnland rejected the Bordurian proposal.", "REJECT", "127"),
        ("Arnland refused to negotiate with Borduria.", "REJECT", "125"),
        ("Arnland vetoed the resolution on Borduria.", "REJECT", "129"),
        ("Arnland threatened Borduria with sanctions.", "THREATEN", "130"),
        ("Arnland threatened to attack Borduria.", "THREATEN", "138"),
        ("Arnland issued an ultimatum to Borduria.", "THREATEN", "139"),
        ("Thousands of Arnland students demonstrated against Borduria.", "PROTEST", "141"),
        ("Arnland miners began a hunger strike to demand higher pay.", "PROTEST", "142"),
        ("Arnland protesters blocked the road to the Bordurian embassy.", "PROTEST", "144"),
        ("Arnland imposed sanctions on Borduria.", "SANCTION", "163"),
        ("Arnland recalled its ambassador from Borduria.", "SANCTION", "161"),
        ("Arnland suspended talks with Borduria.", "SANCTION", "164"),
        ("Arnland expelled the Bordurian diplomats.", "SANCTION", "166"),
        ("Arnland mobilized its reservists along the Bordurian border.", "MOBILIZE", "154"),
        ("Arnland deployed troops to Borduria.", "MOBILIZE", "152"),
        ("Arnland arrested the Bordurian consul.", "COERCE", "173"),
        ("Arnland annexed the Bordurian province.", "COERCE", "192"),
        ("Arnland imposed a curfew on the Bordurian quarter.", "COERCE", "1723"),
        ("Arnland shelled Borduria overnight.", "ASSAULT", "194"),
        ("Arnland launched missile strikes on Borduria.", "ASSAULT", "190"),
        ("Arnland kidnapped two Bordurian engineers.", "ASSAULT", "181"),
        ("Arnland violated the ceasefire with Borduria.", "ASSAULT", "196"),
        ("Arnland provided Borduria with intelligence about the smugglers.", "AID", "070"),
        ("Arnland delivered tanks to Borduria in March.", "AID", "070"),
        ("The Arnland minister talked with Borduria's envoy for an hour.", "CONSULT", "040"),
        ("Arnland's president telephoned the leader of Borduria.", "CONSULT", "041"),
        ("Arnland rebels detonated a bomb near the Bordurian embassy.", "ASSAULT", "183"),
        ("Arnland gunmen hijacked a Bordurian airliner.", "ASSAULT", "181"),
        ("The kidnapping of two Bordurian engineers by Arnland angered Syldavia.", "ASSAULT", "181"),
        ("The abduction of Borduria's consul by Arnland was condemned.", "ASSAULT", "181"),
        ("The hijacking of a Bordurian ship by Arnland lasted a week.", "ASSAULT", "181"),
        ("Arnland carried out the execution of three Bordurian prisoners.", "ASSAULT", "186"),
        ("Arnland staged an ambush on Bordurian troops.", "ASSAULT", "190"),
        ("Arnland launched an assault on Borduria's capital.", "ASSAULT", "190"),
        ("Arnland's siege of the Bordurian port continued.", "COERCE", "191"),
        ("Arnland's cooperation with Borduria on border control grew.", "COOPERATE", "060"),
        ("Arnland held joint naval exercises with Borduria.", "COOPERATE", "062"),
        ("Arnland sent a medical team to Borduria.", "AID", "070"),
        ("Arnland broke off diplomatic relations with Borduria.", "SANCTION", "161"),
        ("Arnland declared a state of emergency in Borduria.", "COERCE", "1724"),
        ("Arnland's president received the Borduria delegation on Monday.", "CONSULT", "043"),
        ("An Arnland court sentenced a Bordurian pilot to ten years.", "ACCUSE", "116"),
        ("Arnland police used tear gas against Bordurian fans.", "ASSAULT", "190"),
        ("Arnland sent 500 police officers to Borduria.", "MOBILIZE", "152"),
        ("Arnland staged military drills near the Bordurian border.", "MOBILIZE", "150"),
        ("Arnland violated the ban on Bordurian flights.", "REJECT", "128"),
    ],
)
def test_events_triggers_code_type_and_cameo(nlp, text, plover, cameo) -> None:  # type: ignore[no-untyped-def]
    _, events = events_of(nlp, text, ACTORS)
    coded = {(e.plover, e.cameo) for e in events}
    assert any(p == plover and (cameo is None or c == cameo) for p, c in coded), coded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # reciprocal "between": both parties act on each other
        ("Arnland reported heavy fighting between Borduria and Syldavia.",
         ("Syldavia", "ASSAULT", "Borduria")),
        # a mediator acts on the parties between which it mediates
        ("Syldavia launched a mediation effort between Arnland and Borduria.",
         ("Syldavia", "CONSULT", "Arnland")),
        # "of" names the actor of a withdrawal, the recipient of an arrest
        ("The withdrawal of Arnland from Borduria began.", ("Arnland", "RETREAT", "Borduria")),
        # the content of providing: "provided X with Y" gives to X
        ("Arnland provided Borduria with weapons.", ("Arnland", "AID", "Borduria")),
        ("Arnland's cooperation with Borduria grew.", ("Arnland", "COOPERATE", "Borduria")),
        # the protesters' own demands are the protest's topic, no second event
        ("Arnland farmers blocked the roads to press their demands for lower taxes.",
         ("Arnland", "PROTEST", None)),
        # a protest's demand is its topic: the protest takes its recipient
        ("Arnland farmers staged rallies to demand the resignation of Borduria.",
         ("Arnland", "PROTEST", "Borduria")),
    ],
)
def test_events_triggers_frames_of_nouns(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(nlp, text, ACTORS)
    assert expected in triples(analysis, events)


NAMES = st.sampled_from(sorted(ACTORS))
VERBS = st.sampled_from(["accused", "attacked", "praised", "criticised", "visited", "urged"])


@settings(max_examples=20, deadline=None)
@given(a=NAMES, verb=VERBS, b=NAMES, tail=st.sampled_from(["", " on Monday", " again"]))
def test_events_triggers_invariants(nlp, a: str, verb: str, b: str, tail: str) -> None:  # type: ignore[no-untyped-def]
    text = f"{a} {verb} {b}{tail}. Officials in {b} said {a} would pay."
    analysis, events = events_of(nlp, text, ACTORS)
    for n, ev in enumerate(events, start=1):
        assert ev.id == f"e{n}"
        assert text[ev.trigger.start : ev.trigger.end] == ev.trigger.text
        assert 0 <= ev.sentence < len(analysis.sentences)
        assert ev.source is None or ev.source != ev.target
