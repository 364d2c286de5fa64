"""Argument frames on sentences we wrote: who acts, on whom, in which construction."""

from __future__ import annotations

import pytest

from events_helpers import events_of, triples

R, U, A, W = "Russia", "Ukraine", "Arnland", "the West"


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        # active and passive voice
        ("Russia accused Ukraine of shelling the dam.", {R: "RUS", U: "UKR"},
         (R, "ACCUSE", U)),
        ("Ukraine was accused by Russia of shelling the dam.", {R: "RUS", U: "UKR"},
         (R, "ACCUSE", U)),
        # light verbs and nominalisations
        ("Russia held talks with Arnland on Monday.", {R: "RUS", A: "ARN"},
         (R, "CONSULT", A)),
        ("Arnland imposed sanctions on Russia.", {R: "RUS", A: "ARN"},
         (A, "SANCTION", R)),
        ("Arnland's demands were ignored.", {A: "ARN"}, (A, "REQUEST", None)),
        # recipient verbs: the subject receives
        ("Ukraine relies on Arnland's aid to pay its teachers.", {U: "UKR", A: "ARN"},
         (A, "AID", U)),
        # claims by X that ...
        ("Officials dismissed claims by Arnland that Russia had mined the port.",
         {R: "RUS", A: "ARN"}, (A, "ACCUSE", R)),
        # control verbs: the governing event absorbs its content and takes its recipient
        ("Arnland refused to enter into negotiations with Russia.", {R: "RUS", A: "ARN"},
         (A, "REJECT", R)),
        ("Russia urged Arnland to withdraw its troops.", {R: "RUS", A: "ARN"},
         (R, "REQUEST", A)),
        # deontic clause under a speech verb is a demand of the speaker
        ("Arnland said that Russia must release the sailors.", {R: "RUS", A: "ARN"},
         (A, "REQUEST", R)),
        # describing as: an accusation
        ("Arnland described the blockade as an illegal act of aggression by Russia.",
         {R: "RUS", A: "ARN"}, (A, "ACCUSE", R)),
        # a recipient phrase naming the actor itself is passed over for the next one
        ("Arnland reneged on Arnland's commitment to Borduria.", {A: "ARN", "Borduria": "BRD"},
         (A, "REJECT", "Borduria")),
        # an unknown person yields to the state whose role he holds
        ("Arnland's envoy, Pedro Ruiz, condemned Borduria.",
         {A: "ARN", "Borduria": "BRD", "Pedro Ruiz": ""}, (A, "ACCUSE", "Borduria")),
        # the purpose of summoning someone is addressed to them
        ("Arnland summoned the ambassador of Borduria to complain about the raids.",
         {A: "ARN", "Borduria": "BRD"}, (A, "ACCUSE", "Borduria")),
        # an unresolved possessive pronoun is bound by the subject of the carrying verb
        ("Borduria said Arnland had completed their withdrawal from the valley.",
         {A: "ARN", "Borduria": "BRD"}, (A, "RETREAT", None)),
        # the parser hangs the subject on a participle: "X operating in Y said"
        ("The Green Cross operating in Syldavia said Borduria must open the border.",
         {"Green Cross": "NGO", "Borduria": "BRD", "Syldavia": "SYL"},
         ("Green Cross", "REQUEST", "Borduria")),
        # an amount "in loans" carried by a light verb; its dative is the recipient
        ("Arnland gave Borduria 2 billion euros in loans.", {A: "ARN", "Borduria": "BRD"},
         (A, "AID", "Borduria")),
        # an event as object names its party by its agent ("by"), not its "of" noun
        ("Arnland welcomed the release of its citizens by Borduria.",
         {A: "ARN", "Borduria": "BRD"}, (A, "SUPPORT", "Borduria")),
        # what is withdrawn is the actor's own; the place it leaves names the recipient
        ("Arnland withdrew the Syldavia battalion from the border of Borduria.",
         {A: "ARN", "Borduria": "BRD", "Syldavia": "SYL"}, (A, "RETREAT", "Borduria")),
        # an order to another party is a demand on it
        ("Arnland ordered Borduria to withdraw its troops.", {A: "ARN", "Borduria": "BRD"},
         (A, "REQUEST", "Borduria")),
        # the other side of an agreed exchange: "take back ... from"
        ("Arnland agreed to take back refugees from Borduria.", {A: "ARN", "Borduria": "BRD"},
         (A, "AGREE", "Borduria")),
        # relative pronouns
        ("This is the treaty which Arnland signed with Russia.", {R: "RUS", A: "ARN"},
         (A, "SUPPORT", R)),
    ],
)
def test_events_frames_give_source_type_target(nlp, text, actors, expected) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(nlp, text, actors)
    assert expected in triples(analysis, events)


def test_events_frames_coordination_gives_one_event_per_pair(nlp) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(
        nlp, "Russia and Arnland signed a grain accord in Ankara.", {R: "RUS", A: "ARN"}
    )
    assert triples(analysis, events) == {(R, "SUPPORT", A), (A, "SUPPORT", R)}


def test_events_frames_between_x_and_y_is_reciprocal(nlp) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(
        nlp, "Talks between Russia and Arnland resumed in Geneva.", {R: "RUS", A: "ARN"}
    )
    assert triples(analysis, events) == {(R, "CONSULT", A), (A, "CONSULT", R)}


@pytest.mark.parametrize(
    "text",
    [
        "The conditions were met last week.",  # "meet" needs parties
        "Exports declined in March.",  # "decline" without an object or a clause
        "Arnland claimed sovereignty over the islands.",  # a claim to land, no accusation
        "Fighting continued amid heavy rain.",  # nobody named
    ],
)
def test_events_frames_no_event_without_the_sense(nlp, text) -> None:  # type: ignore[no-untyped-def]
    _, events = events_of(nlp, text, {A: "ARN"})
    assert events == []


def test_events_frames_codes_and_context(nlp) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(
        nlp, "Arnland demanded the return of its territories from Russia.", {R: "RUS", A: "ARN"}
    )
    ev = next(e for e in events if e.plover == "REQUEST")
    assert (ev.cameo, ev.plover_mode) == ("105", "yield")
    assert "territory" in ev.context
    assert analysis.actor(ev.source).name == A  # type: ignore[union-attr]
    assert ev.source_code == "ARN"


def test_events_frames_coordinated_adjectives_are_two_parties(nlp) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(
        nlp,
        "Polish and Lithuanian officials agreed on Monday to reopen the border crossing.",
        {"Polish": "POL GOV", "Lithuanian": "LTU GOV"},
    )
    found = triples(analysis, events)
    assert ("Polish", "AGREE", "Lithuanian") in found
    assert ("Lithuanian", "AGREE", "Polish") in found


def test_events_frames_hyphenated_mediator_mediates_between_the_clause_parties(nlp) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(
        nlp,
        "Chile and Peru settled the dispute at Swiss-brokered talks.",
        {"Chile": "CHL", "Peru": "PER", "Swiss": "CHE GOV"},
    )
    talks = [e for e in events if e.trigger.text == "talks"]
    assert triples(analysis, talks) == {("Swiss", "CONSULT", "Chile"), ("Swiss", "CONSULT", "Peru")}
    assert {(e.cameo, e.plover_mode) for e in talks} == {("045", "third-party")}


def test_events_frames_talks_without_parties_are_the_paragraph_s_last_talks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Talks between Arnland and Borduria can only begin once the shelling stops. "
        "An envoy said that if the guns fall silent, talks can and will happen.\n"
        "Elsewhere, talks will resume next week, the envoy added."
    )
    analysis, events = events_of(nlp, text, {A: "ARN", "Borduria": "BOR"})
    later = [e for e in events if e.trigger.text == "talks" and e.sentence == 1]
    assert triples(analysis, later) == {(A, "AGREE", "Borduria"), ("Borduria", "AGREE", A)}
    assert all(e.modality.conditional and e.modality.future for e in later)
    # a new paragraph does not reach back: its talks name nobody and are no event
    assert not [e for e in events if e.sentence == 2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile threatened to recall its ambassador if Peru expels the journalists.",
         ("Chile", "THREATEN", "Peru")),
        ("Chile threatened to close the border unless Peru pays the debt.",
         ("Chile", "THREATEN", "Peru")),
    ],
)
def test_events_frames_threat_is_aimed_at_the_subject_of_its_condition(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(nlp, text, {"Chile": "CHL", "Peru": "PER"})
    assert expected in triples(analysis, events)


def test_events_frames_talks_as_purpose_take_the_clause_subjects(nlp) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(
        nlp,
        "Chilean and Peruvian negotiators returned to Geneva for talks on fishing rights.",
        {"Chilean": "CHL GOV", "Peruvian": "PER GOV"},
    )
    assert triples(analysis, events) == {
        ("Chilean", "CONSULT", "Peruvian"), ("Peruvian", "CONSULT", "Chilean")
    }


def test_events_frames_conditions_for_talks_name_no_parties(nlp) -> None:  # type: ignore[no-untyped-def]
    _, events = events_of(
        nlp, "Peru must create the right conditions for such negotiations.", {"Peru": "PER"}
    )
    assert not [e for e in events if e.trigger.text == "negotiations"]


def test_events_frames_reciprocal_parties_own_thing_is_no_third_party(nlp) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(
        nlp,
        "Chileans and Peruvians agreed on the future of Chilean fishing boats.",
        {"Chileans": "CHL", "Peruvians": "PER", "Chilean": "CHL"},
    )
    found = {(s, t) for s, _, t in triples(analysis, events)}
    assert ("Chileans", "Peruvians") in found and ("Peruvians", "Chileans") in found
    assert ("Peruvians", "Chilean") not in found


def test_events_frames_attack_into_names_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(
        nlp, "Arnland tried to hack into the computers of the Borduria army.",
        {A: "ARN", "Borduria": "BOR MIL"},
    )
    assert (A, "COERCE", "Borduria") in triples(analysis, events)
