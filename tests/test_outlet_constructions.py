"""Constructions found wrong on our own wire, state-media and tabloid test articles.

Each case is a sentence we wrote: a date in a relative clause, a sum of money given as
aid, aid to a territory, a show of force, a subject pronoun inside its clause, a
name-calling noun that stands for a person named before, and "the threats" told a few
sentences back.
"""

from __future__ import annotations

import newsevents
from newsevents.model import Analysis


def _analyse(text: str) -> Analysis:
    return newsevents.analyze(text, published="2025-06-03")


def _events(analysis: Analysis) -> set[tuple[str | None, str, str | None]]:
    """Return ``(source code, PLOVER type, target code)`` of each event."""
    return {(e.source_code, e.plover, e.target_code) for e in analysis.events}


def test_a_date_in_a_relative_clause_dates_only_that_clause() -> None:
    analysis = _analyse(
        "Qatar, which has hosted the negotiators since 2012, said it was ready to resume "
        "its mediation."
    )
    by_word = {e.trigger.text: e.date for e in analysis.events}
    assert by_word["hosted"] is not None and by_word["hosted"].value == "2012"
    assert by_word["mediation"] is not None and by_word["mediation"].value == "2025-06-03"


def test_a_relative_clause_on_the_event_noun_still_dates_it() -> None:
    analysis = _analyse("Peru rejected the offer, which Chile made on Monday.")
    assert [e.date.value for e in analysis.events if e.date] == ["2025-06-03"]
    analysis = _analyse("The talks, which Peru held with Chile on Monday, ended in a deal.")
    dated = [e.date.value for e in analysis.events if e.trigger.text == "talks" and e.date]
    assert dated in ([], ["2025-06-02"])  # the talks' own clause, never the day of writing


def test_a_sum_given_in_aid_is_aid() -> None:
    analysis = _analyse("Japan provided $20 million in humanitarian aid to Sudan.")
    assert ("JPN", "AID", "SDN") in _events(analysis)
    analysis = _analyse("Norway sent 5 billion kroner worth of ammunition to Ukraine.")
    assert ("NOR", "AID", "UKR") in _events(analysis)


def test_aid_to_a_territory_is_aimed_at_its_country() -> None:
    analysis = _analyse("Canada delivered food aid to Gaza.")
    assert ("CAN", "AID", "PSE") in _events(analysis)


def test_a_move_of_troops_is_a_show_of_force_but_a_moved_meeting_is_not() -> None:
    assert ("BLR", "MOBILIZE", None) in _events(_analyse("Belarus moved tanks to the border."))
    assert not _events(_analyse("Belarus moved the meeting to Friday."))


def test_a_subject_pronoun_means_the_subject_of_its_clause_over_a_nearer_actor() -> None:
    analysis = _analyse(
        "Iran's foreign ministry called on the United Nations to condemn what it described "
        "as Israeli aggression."
    )
    accusations = [e for e in analysis.events if e.plover == "ACCUSE"]
    assert accusations and accusations[0].source_code == "IRNGOV"


def test_a_name_calling_noun_is_the_person_named_before() -> None:
    text = (
        "Belarusian leader Alexander Lukashenko threatened Poland on Monday. "
        "The Kremlin stooge also ordered his army to the border."
    )
    analysis = _analyse(text)
    stooge = text.index("The Kremlin stooge")
    owner = analysis.actor_at(stooge, stooge + len("The Kremlin stooge"))
    assert owner is not None and owner.name == "Alexander Lukashenko"
    frames = [f for f in analysis.framing if f.kind == "loaded_term" and "stooge" in f.text]
    assert frames and frames[0].target == owner.id
    # "a Kremlin stooge" is no one named before: the Kremlin stays the Kremlin
    analysis = _analyse("Critics call him a Kremlin stooge.")
    assert all(a.name != "Alexander Lukashenko" for a in analysis.actors)


def test_the_threats_told_sentences_before_are_the_recipient_of_a_condemnation() -> None:
    text = (
        "Belarus threatened to close its border with Lithuania. "
        "Vilnius said it was ready. Trucks queued for hours. Drivers slept in their cabs. "
        "The European Union condemned the threats as reckless."
    )
    analysis = _analyse(text)
    assert ("IGOEU", "ACCUSE", "BLR") in {
        (e.source_code[:5] if e.source_code else None, e.plover, e.target_code)
        for e in analysis.events
    }


def test_a_vowed_reprisal_is_a_threat() -> None:
    for text in (
        "Peru vowed to retaliate against Chile.",
        "Peru vowed revenge against Chile.",
        "Peru vowed to take countermeasures against Chile.",
    ):
        assert ("PER", "THREATEN", "CHL") in _events(_analyse(text)), text
    assert ("PER", "COERCE", "CHL") in _events(_analyse("Peru retaliated against Chile."))


def test_an_arms_sale_is_military_aid_from_the_seller() -> None:
    analysis = _analyse("Washington approved a new arms sale to Taiwan.")
    aid = [e for e in analysis.events if e.plover == "AID"]
    assert aid and aid[0].source_code == "USAGOV" and aid[0].target_code == "TWN"
    assert aid[0].cameo == "072"
    assert not _analyse("The company reported higher sales.").events


def test_withdrawn_forces_are_the_actors_own_and_the_place_left_is_the_recipient() -> None:
    analysis = _analyse("Israel withdrew its forces from Rafah.")
    assert _events(analysis) == {("ISR", "RETREAT", "PSE")}


def test_not_returning_to_negotiations_is_a_rejection() -> None:
    analysis = _analyse("Hamas said it would not return to negotiations.")
    assert [(e.source_code, e.plover) for e in analysis.events] == [("PSEREB", "REJECT")]


def test_a_big_city_the_ner_mislabels_is_still_a_place_when_it_is_aimed_at() -> None:
    analysis = _analyse("Russian missiles hit Kharkiv and Odesa on Monday.")
    assert [p.name for p in analysis.places] == ["Kharkiv", "Odesa"]
    assert ("RUS", "ASSAULT", "UKR") in _events(analysis)
    assert ("RUS", "ASSAULT", "UKR") in _events(_analyse("Russia resumed attacks on Kharkiv."))
    # a speaking city is its government, never a place
    assert not _analyse("Kharkiv said it would respond.").places


def test_sanctions_that_hit_an_economy_are_no_attack() -> None:
    types = {e.plover for e in _analyse("Western sanctions hit Russia hard.").events}
    assert "ASSAULT" not in types


def test_conjoined_relative_clauses_share_their_time() -> None:
    analysis = _analyse(
        "Peru praised the accord that Chile nearly signed in 2019, but which Bolivia later "
        "rejected."
    )
    rejected = [e for e in analysis.events if e.trigger.text == "rejected"]
    assert rejected and rejected[0].date is not None and rejected[0].date.value == "2019"


def test_an_attack_comes_from_whoever_holds_the_place_it_came_from() -> None:
    analysis = _analyse(
        "According to the monitors, most of the shelling came from positions held by "
        "Russian forces."
    )
    assert [e.source_code for e in analysis.events if e.plover == "ASSAULT"] == ["RUSMIL"]
    analysis = _analyse("The rockets were fired from areas controlled by Hamas.")
    assert [e.source_code for e in analysis.events] == ["PSEREB"]
    # the monitors who report it are its speaker, never its source
    analysis = _analyse("The shelling came from the north, the monitors said.")
    assert all(e.source_code is None for e in analysis.events)


def test_a_speech_act_joined_to_a_copular_clause_is_the_speakers() -> None:
    analysis = _analyse(
        "A spokesman for the Belarusian foreign ministry said the claims were absurd and "
        "called on Poland to reopen the crossing."
    )
    assert ("BLRGOV", "REQUEST", "POL") in _events(analysis)


def test_traded_accusations_go_both_ways() -> None:
    for text in (
        "Armenia and Azerbaijan traded accusations on Monday.",
        "Poland and Belarus trade accusations over border closures",  # a headline
    ):
        pairs = {(e.source_code, e.target_code) for e in _analyse(text).events}
        first, second = ("ARM", "AZE") if "Armenia" in text else ("POL", "BLR")
        assert pairs == {(first, second), (second, first)}, text


def test_money_given_and_help_to_do_something_are_aid_to_the_helped() -> None:
    assert ("DEU", "AID", "UKR") in _events(_analyse("Germany gave 2 billion euros to Ukraine."))
    assert ("JPN", "AID", "LKA") in _events(_analyse("Japan helped Sri Lanka rebuild its ports."))
    assert not _analyse("Russia gave assurances to Turkey.").events


def test_a_month_is_no_place_and_an_abandoned_deal_is_rejected() -> None:
    analysis = _analyse("In March, Peru abandoned the fishing deal with Chile.")
    assert not analysis.places
    assert ("PER", "REJECT") in {(e.source_code, e.plover) for e in analysis.events}


def test_brokering_a_deal_is_mediation() -> None:
    analysis = _analyse("Qatar brokered a ceasefire between Israel and Hamas.")
    mediations = {(e.source_code, e.target_code) for e in analysis.events if e.plover_mode == "third-party"}
    assert mediations == {("QAT", "ISR"), ("QAT", "PSEREB")}


def test_a_state_acting_on_the_army_means_the_army_named_before_not_its_own() -> None:
    analysis = _analyse(
        "Sudan's army said it had retaken the airport. Egypt, which backs the army, "
        "called for a ceasefire."
    )
    backs = [e for e in analysis.events if e.trigger.text == "backs"]
    assert [(e.source_code, e.target_code) for e in backs] == [("EGY", "SDNMIL")]
    assert not [a for a in analysis.actors if a.cameo == "EGYMIL"]
    # with no army named before, "the army" is still the subject's own
    analysis = _analyse("Egypt said the army would stay in Sinai.")
    assert [a.cameo for a in analysis.actors if a.cameo and a.cameo.endswith("MIL")] == ["EGYMIL"]


def test_a_spokeswoman_warning_that_her_state_will_act_is_its_threat() -> None:
    analysis = _analyse(
        "Chilean Foreign Ministry spokeswoman Lina Park warned that Chile would take "
        "all necessary measures."
    )
    threats = [e for e in analysis.events if e.plover == "THREATEN"]
    assert [(e.trigger.text, e.target) for e in threats] == [("warned", None)]
    # a warning about what someone else will do is a statement, not a threat
    analysis = _analyse(
        "Chilean Foreign Ministry spokeswoman Lina Park warned that prices would rise."
    )
    assert not [e for e in analysis.events if e.plover == "THREATEN"]


def test_a_sentence_the_parser_leaves_without_a_verb_still_has_its_speaker() -> None:
    analysis = _analyse(
        "Egypt, which backs the army, called for an immediate ceasefire and urged both sides "
        "to return to talks in Jeddah."
    )
    speakers = {s.cue.text: s.speaker for s in analysis.statements}
    egypt = next(a.id for a in analysis.actors if a.name == "Egypt")
    assert speakers.get("called for") == egypt and speakers.get("urged") == egypt


def test_summoning_an_envoy_is_a_diplomatic_protest_against_his_state() -> None:
    assert ("PER", "ACCUSE", "CHLGOV") in _events(
        _analyse("Peru summoned the Chilean ambassador on Wednesday.")
    )
    assert not _events(_analyse("The committee summoned the chief executive."))


def test_a_named_force_with_a_plural_name_is_it() -> None:
    analysis = _analyse(
        "Hezbollah fired rockets at Haifa. The Israel Defense Forces said its jets had struck "
        "weapons depots near Tyre."
    )
    assert ("ISRMIL", "ASSAULT", "LBN") in _events(analysis)
    assert ("LBNREB", "ASSAULT", "LBN") not in _events(analysis)


def test_a_groups_own_commanders_are_the_group_and_the_group_is_named_before() -> None:
    analysis = _analyse(
        "Hezbollah said the barrage answered the killing of one of its commanders. "
        "Hours later the Iran-backed group fired rockets at Haifa."
    )
    hezbollah = next(a for a in analysis.actors if a.name == "Hezbollah")
    texts = [m.text for m in hezbollah.mentions]
    assert "its commanders" in texts and "the Iran-backed group" in texts
    assert not [a for a in analysis.actors if a.cameo == "LBNMIL"]
    assert ("LBNREB", "ASSAULT", "ISR") in _events(analysis)  # not Iran's rockets


def test_officials_in_a_capital_are_its_government() -> None:
    analysis = _analyse("Officials in Lima said they had rejected the offer.")
    assert [a.cameo for a in analysis.actors] == ["PERGOV"]


def test_money_sent_or_received_in_aid_is_aid_from_the_giver() -> None:
    assert ("DEU", "AID", "UKR") in _events(
        _analyse("Germany sent 2 billion euros in aid to Ukraine.")
    )
    assert ("DEU", "AID", "UKR") in _events(
        _analyse("Ukraine received $2 billion in military aid from Germany.")
    )


def test_a_proposal_not_received_is_no_rejection() -> None:
    events = _analyse("Peru had not received any new proposal.").events
    assert not [e for e in events if e.plover == "REJECT"]
    assert ("FRA", "AGREE", "PER") in _events(_analyse("Peru received a proposal from France."))


def test_warplanes_hammering_positions_is_an_attack() -> None:
    assert ("ISRMIL", "ASSAULT", "LBNREB") in _events(
        _analyse("Israeli warplanes hammered Hezbollah positions overnight.")
    )
    assert not _events(_analyse("The two delegations hammered out a text."))


def test_a_group_noun_with_its_own_modifiers_is_no_group_named_before() -> None:
    analysis = _analyse(
        "Hezbollah fired rockets at Haifa. An Israeli peace movement and relief officials in "
        "Lima condemned the violence. Lebanese civilians fled; the biggest group went north."
    )
    hezbollah = next(a for a in analysis.actors if a.name == "Hezbollah")
    assert [m.text for m in hezbollah.mentions] == ["Hezbollah"]
    assert not [a for a in analysis.actors if a.cameo == "PERGOV"]


def test_a_titled_speaker_speaks_for_the_state_of_his_reported_clause() -> None:
    analysis = _analyse(
        "Peru will not sign the treaty unless Chilean troops leave the border region of "
        "Arica, Deputy Foreign Minister Tomas Varga said."
    )
    varga = next(a for a in analysis.actors if a.name == "Tomas Varga")
    assert varga.country == "PER"


def test_a_speaker_named_again_keeps_the_country_of_his_first_mention() -> None:
    analysis = _analyse(
        "Peru will not sign the treaty, Deputy Foreign Minister Tomas Varga said. \"Chile "
        "must understand that,\" Varga told the newspaper El Faro."
    )
    assert [a.country for a in analysis.actors if a.sector == "MED"] == ["PER"]


def test_according_to_a_metonym_is_its_government_speaking_not_a_place() -> None:
    analysis = _analyse("Peru has sent $4 million to Chile, according to the Pentagon.")
    assert [s.speaker for s in analysis.statements] == [
        next(a.id for a in analysis.actors if a.cameo == "USAMIL")
    ]
    analysis = _analyse("According to Lima, the aid arrived.")
    assert not analysis.places and analysis.statements[0].speaker is not None


def test_a_past_event_is_never_dated_after_the_day_of_writing() -> None:
    analysis = _analyse("Peru will announce a package next week. Chile said two days later it agreed.")
    later = next(d for d in analysis.dates if d.text == "two days later")
    assert later.value is None
