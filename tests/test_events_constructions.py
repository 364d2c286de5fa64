"""Constructions found wrong on our own test articles, on sentences we wrote.

Warnings that are statements, hosting that is no visit, speaking with a party, mediators
side by side, fighting that goes on, a retort aimed at the owner of "the threat",
pledged weapons, a clause joined to the wrong verb, a denial, a conjunct's restatement.
"""

from __future__ import annotations

import pytest

import newsevents
from events_helpers import events_of, triples

A, B, S = "Arnland", "Borduria", "Syldavia"
ACTORS = {A: "ARN", B: "BOR", S: "SYL"}


def _types(text: str, nlp) -> set[str]:  # type: ignore[no-untyped-def]
    _, events = events_of(nlp, text, {**ACTORS, "Smith": "ARN GOV"})
    return {e.plover for e in events}


# 1. A warning is a threat only when it is the speaker's own act against someone.
@pytest.mark.parametrize(
    "text",
    [
        "Arnland warned that grain deliveries to Borduria had fallen to their lowest level.",
        "Arnland warned that it could not reach the camps in Borduria for two weeks.",
        "Arnland issued a warning that famine in Borduria was imminent.",
        "Arnland's warning that famine in Borduria is imminent went unheeded.",
    ],
)
def test_a_warning_that_something_happens_is_no_threat(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert "THREATEN" not in _types(text, nlp)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Arnland warned Borduria not to send troops to the border.", (A, "THREATEN", B)),
        ("Arnland warned that it would strike Borduria if the talks failed.", (A, "THREATEN", B)),
        ("Arnland warned of retaliation against Borduria.", (A, "THREATEN", B)),
    ],
)
def test_a_warning_of_ones_own_act_is_a_threat(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(nlp, text, ACTORS)
    assert expected in triples(analysis, events)


# 2. Hosting is CONSULT for visitors, leaders and meetings only.
def test_hosting_forces_is_no_visit(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Arnland, which hosts thousands of Borduria troops, increased its patrols."
    assert "CONSULT" not in _types(text, nlp)


def test_hosting_a_delegation_is_consult(nlp) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(nlp, "Arnland hosted the Borduria delegation on Monday.", ACTORS)
    assert (A, "CONSULT", B) in triples(analysis, events)
    assert {e.cameo for e in events if e.plover == "CONSULT"} == {"043"}


# 3. Speaking with a party consults it; speaking to reporters does not.
@pytest.mark.parametrize(
    "text",
    [
        "Arnland's foreign minister spoke with Borduria's envoy on Tuesday.",
        "The Arnland minister spoke to Borduria by telephone.",
        "Arnland held a call with Borduria about the border.",
    ],
)
def test_speaking_with_a_party_is_consult(nlp, text) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(nlp, text, ACTORS)
    assert (A, "CONSULT", B) in triples(analysis, events)


@pytest.mark.parametrize(
    "text",
    [
        "The Arnland minister spoke to reporters after the vote.",
        "Arnland's president spoke at length about the economy.",
    ],
)
def test_speaking_to_no_party_is_no_event(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert "CONSULT" not in _types(text, nlp)


# 4. Mediators side by side do not consult each other; a mediation is aimed at the parties.
def test_coordinated_mediators_are_not_reciprocal(nlp) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(
        nlp, "Arnland and Syldavia, which mediate the talks, urged both sides to show restraint.",
        ACTORS,
    )
    found = triples(analysis, events)
    assert (A, "CONSULT", S) not in found and (S, "CONSULT", A) not in found
    assert {(A, "CONSULT", None), (S, "CONSULT", None)} <= found


def test_a_mediation_is_aimed_at_the_parties_of_the_talks(nlp) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(nlp, "Arnland mediates the talks between Borduria and Syldavia.",
                                 ACTORS)
    assert triples(analysis, events) == {(A, "CONSULT", B), (A, "CONSULT", S)}


# 5. Fighting that goes on is fighting, with its future flag; not a threat.
@pytest.mark.parametrize(
    "text",
    [
        "Arnland said its army would keep fighting until the last rebel is gone.",
        "Arnland will continue its strikes on Borduria.",
        "Arnland said it would carry on fighting against Borduria.",
    ],
)
def test_continued_fighting_is_assault(nlp, text) -> None:  # type: ignore[no-untyped-def]
    _, events = events_of(nlp, text, ACTORS)
    assert {e.plover for e in events} == {"ASSAULT"}
    assert all(e.modality.future for e in events)


def test_a_new_future_attack_is_still_a_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _types("Arnland will attack Borduria.", nlp) == {"THREATEN"}


# 7. A retort names the owner of "the threat" told before.
def test_branding_the_threat_accuses_who_made_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Arnland threatened to cut gas supplies to Borduria. "
        'Borduria hit back, branding the threat "pathetic blackmail".'
    )
    analysis, events = events_of(nlp, text, ACTORS)
    second = [e for e in events if e.sentence == 1]
    assert triples(analysis, second) == {(B, "ACCUSE", A)}


def test_dismissing_the_claim_rejects_who_made_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Arnland claimed that Syldavia had mined the port. Syldavia dismissed the claim as nonsense."
    analysis, events = events_of(nlp, text, ACTORS)
    second = [e for e in events if e.sentence == 1]
    assert triples(analysis, second) == {(S, "REJECT", A)}


def test_the_threat_with_no_threat_told_before_has_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Borduria hit back, branding the threat "pathetic blackmail".'
    analysis, events = events_of(nlp, text, ACTORS)
    assert triples(analysis, events) == {(B, "ACCUSE", None)}


# 8. Pledged, sent and delivered weapons are aid (promised: intent to give aid).
@pytest.mark.parametrize(
    ("text", "expected", "cameo"),
    [
        ("Arnland pledged additional artillery shells to Borduria.", (A, "AGREE", B), "033"),
        ("Arnland promised to send four more air defence systems to Borduria.", (A, "AGREE", B),
         "033"),
        ("Arnland sent artillery shells to Borduria.", (A, "AID", B), "070"),
        ("Arnland delivered air defence systems to Borduria.", (A, "AID", B), "070"),
    ],
)
def test_weapons_pledged_or_sent_are_aid(nlp, text, expected, cameo) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(nlp, text, ACTORS)
    assert expected in triples(analysis, events)
    assert cameo in {e.cameo for e in events}


# Other generic errors on the same articles.
def test_a_finite_conjunct_of_a_reported_clause_is_the_speakers_act(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser joins "urged" to "had stalled"; it cannot share "had": Arnland urged
    text = "Arnland said that the talks had stalled and urged Borduria to show flexibility."
    analysis, events = events_of(nlp, text, ACTORS)
    assert (A, "REQUEST", B) in triples(analysis, events)


def test_a_conjunct_with_its_own_auxiliary_keeps_its_own_modality(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Arnland would not attack Borduria but would negotiate with it."
    _, events = events_of(nlp, text, ACTORS)
    assert not next(e for e in events if e.trigger.text == "negotiate").modality.negated


def test_a_pronoun_possessor_is_no_party_object() -> None:
    # the actors step links "his" to the president; his tax returns are no party
    analysis = newsevents.analyze(
        "President Emmanuel Macron has not released his tax returns.", published="2025-01-10"
    )
    assert "RETREAT" not in {e.plover for e in analysis.events}


def test_a_finite_conjunct_keeps_its_own_modality(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Borduria said it would attend but accused Arnland of shelling the villages."
    _, events = events_of(nlp, text, ACTORS)
    accuse = next(e for e in events if e.plover == "ACCUSE")
    assert not accuse.modality.future


def test_a_denied_act_is_negated(nlp) -> None:  # type: ignore[no-untyped-def]
    _, events = events_of(nlp, "Arnland denied that its forces had attacked Borduria.", ACTORS)
    attack = next(e for e in events if e.plover == "ASSAULT")
    assert attack.modality.negated


def test_a_reported_possessive_subject_is_the_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(nlp, "Arnland said that its forces had attacked Borduria.", ACTORS)
    assert (A, "ASSAULT", B) in triples(analysis, events)


def test_a_conjunct_restating_the_attack_is_dropped(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Arnland shelled Borduria overnight, killing three civilians and wounding eleven."
    _, events = events_of(nlp, text, ACTORS)
    assert [e.trigger.text for e in events] == ["shelled"]


def test_lodged_representations_are_a_complaint(nlp) -> None:  # type: ignore[no-untyped-def]
    analysis, events = events_of(nlp, "Arnland lodged stern representations with Borduria.", ACTORS)
    assert (A, "ACCUSE", B) in triples(analysis, events)
    assert {e.cameo for e in events} == {"114"}


def test_weapons_used_against_a_town_are_an_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Arnland used heavy artillery against the Borduria positions."
    analysis, events = events_of(nlp, text, ACTORS)
    assert (A, "ASSAULT", B) in triples(analysis, events)


# Lexicon coverage: common event words, each in a sentence we wrote.
@pytest.mark.parametrize(
    ("text", "plover", "cameo"),
    [
        ("Arnland troops abandoned their positions near Borduria.", "RETREAT", "0874"),
        ("Arnland backed the Bordurian plan for the border.", "SUPPORT", "051"),
        ("Arnland barred Borduria from the games.", "COERCE", "172"),
        ("Arnland forces besieged the Bordurian port.", "COERCE", "191"),
        ("Arnland blacklisted two Bordurian banks.", "SANCTION", "163"),
        ("Arnland downed a Bordurian helicopter.", "ASSAULT", "195"),
        ("Arnland downgraded its relations with Borduria.", "SANCTION", "161"),
        ("The Arnland army evicted hundreds of Bordurian families.", "COERCE", "174"),
        ("Arnland gunmen gunned down a Bordurian judge.", "ASSAULT", "193"),
        ("Arnland hailed the Bordurian decision.", "SUPPORT", "051"),
        ("Arnland implored Borduria to reopen the border.", "REQUEST", "100"),
        ("Arnland troops injured three Bordurian fishermen.", "ASSAULT", "190"),
        ("Arnland forces liberated the town from Borduria.", "COERCE", "192"),
        ("Arnland massed tanks near Borduria.", "MOBILIZE", "152"),
        ("Arnland soldiers murdered two Bordurian farmers.", "ASSAULT", "190"),
        ("Arnland artillery pounded Bordurian positions.", "ASSAULT", "194"),
        ("Arnland quit the talks with Borduria.", "SANCTION", "164"),
        ("Arnland repelled a Bordurian attack.", "ASSAULT", "190"),
        ("Arnland police rounded up fifty Bordurian migrants.", "COERCE", "173"),
        ("Arnland shut down the Bordurian newspaper.", "COERCE", "172"),
        ("Arnland sided with Borduria in the dispute.", "SUPPORT", "051"),
        ("Arnland sank a Bordurian warship.", "ASSAULT", "190"),
        ("Arnland snubbed the Bordurian envoy.", "REJECT", "120"),
        ("Arnland stationed missiles near Borduria.", "MOBILIZE", "152"),
        ("Arnland jets strafed a Bordurian convoy.", "ASSAULT", "195"),
        ("Arnland troops surrounded the Bordurian capital.", "COERCE", "191"),
        ("Arnland rioters torched the Bordurian consulate.", "ASSAULT", "1712"),
        ("Arnland's foreign minister travelled to Borduria on Monday.", "CONSULT", "042"),
        ("Arnland worked with Borduria on the inquiry.", "COOPERATE", "060"),
        ("Arnland yielded to Bordurian pressure.", "CONCEDE", "080"),
        ("Arnland's apology to Borduria came late.", "SUPPORT", "055"),
        ("The Arnland buildup near Borduria alarmed Syldavia.", "MOBILIZE", "154"),
        ("Arnland made concessions to Borduria.", "CONCEDE", "080"),
        ("Arnland's incursion into Borduria lasted a week.", "ASSAULT", "190"),
        ("Borduria complained about two Arnland air raids on its border towns.", "ASSAULT", "195"),
        ("Arnland police staged a raid on the Bordurian embassy.", "COERCE", "171"),
        ("Arnland students staged a march against Borduria.", "PROTEST", "141"),
        ("Arnland announced the pullout of its troops from Borduria.", "RETREAT", "0872"),
    ],
)
def test_lexicon_coverage(nlp, text, plover, cameo) -> None:  # type: ignore[no-untyped-def]
    _, events = events_of(nlp, text, ACTORS)
    assert (plover, cameo) in {(e.plover, e.cameo) for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Two soldiers were killed near the Bordurian border.",  # no actor at all
        "Sanctions on Borduria were tightened in May.",  # an ownerless noun in a passive
        "Arnland's leaders gave Borduria a veto over the settlement.",  # veto power, no act
    ],
)
def test_no_event_without_an_actor(nlp, text) -> None:  # type: ignore[no-untyped-def]
    _, events = events_of(nlp, text, ACTORS)
    assert [e.plover for e in events if e.source is None and e.plover != "AID"] == []


def test_a_broad_type_needs_the_same_word_to_be_named_again(nlp) -> None:  # type: ignore[no-untyped-def]
    # "the proposal" is not what Syldavia agreed to; without "proposed" before, no target
    text = "Syldavia agreed to send observers. Borduria rejected the proposal within hours."
    analysis, events = events_of(nlp, text, ACTORS)
    second = [e for e in events if e.sentence == 1]
    assert triples(analysis, second) == {(B, "REJECT", None)}


def test_a_gerund_after_a_preposition_takes_the_clause_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Arnland's minister spoke to reporters after meeting Borduria's envoy."
    analysis, events = events_of(nlp, text, ACTORS)
    assert (A, "CONSULT", B) in triples(analysis, events)


@pytest.mark.parametrize(
    "text",
    [
        "Arnland's campaign conceded that its candidate was trailing.",  # an admission
        "Smith held rallies in three towns on Tuesday.",  # a campaign rally
        "Smith rallied in the capital before the vote.",
        "The tax loss allowed Borduria to offset its income.",  # a thing allows nothing
        "Borduria's loss allowed Arnland to offset its income.",  # nor does its owner
    ],
)
def test_admissions_campaign_rallies_and_things_are_no_events(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert not _types(text, nlp) & {"CONCEDE", "PROTEST"}


def test_conceding_defeat_and_rallying_against_are_events(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "CONCEDE" in _types("Arnland conceded defeat to Borduria.", nlp)
    assert "PROTEST" in _types("Arnland students rallied against Borduria.", nlp)
