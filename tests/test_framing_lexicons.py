"""Every entry of our framing lexicons, found on a sentence we wrote (issue 9)."""

from __future__ import annotations

import pytest

from newsevents.errors import DataError
from newsevents.framing.editorial import find_editorial
from newsevents.framing.hedges import find_hedges
from newsevents.framing.lexicon import LexiconMatcher, load_lexicon
from newsevents.framing.loaded import find_loaded_terms
from newsevents.model import Analysis, Article

LOADED = {
    "*-backed coup": "The minister blamed a NATO-backed coup for the unrest.",
    "*-engineered coup": "State television called it a CIA-engineered coup.",
    "*-orchestrated coup": "He spoke of a Washington-orchestrated coup in the capital.",
    "*-sponsored coup": "The government denounced a foreign-sponsored coup attempt.",
    "anglo-saxons": "The ministry said the Anglo-Saxons were prolonging the war.",
    "axis of evil": "The president placed the country in an axis of evil.",
    "banderite": "The broadcast blamed Banderites for the shelling.",
    "barbarian": "The governor called the attackers barbarians.",
    "barbaric": "The spokesman condemned the barbaric strike on the school.",
    "bloodthirsty": "The statement described a bloodthirsty militia.",
    "butcher": "Protesters called the general the butcher of Aleppo.",
    "clique": "The agency blamed the ruling clique in Minsk.",
    "cockroach": "The broadcaster compared the rebels to cockroaches.",
    "collective west": "The minister accused the collective West of escalation.",
    "cronies": "The opposition accused the president and his cronies of theft.",
    "death squad": "Villagers said a death squad came at night.",
    "deep state": "The senator blamed the deep state for the leak.",
    "denazification": "The Kremlin listed denazification among its aims.",
    "despot": "Exiles described the ruler as a despot.",
    "dictator": "The opposition called the president a dictator.",
    "enhanced interrogation": "The memo approved enhanced interrogation for the detainees.",
    "evil empire": "The speech cast the rival power as an evil empire.",
    "fascist": "The rally denounced the fascist government in the capital.",
    "genocidal": "The envoy accused the genocidal army of burning villages.",
    "globalist": "The candidate railed against globalist elites.",
    "great satan": "Crowds chanted against the Great Satan.",
    "henchmen": "The warlord's henchmen guarded the checkpoint.",
    "hordes": "The commander warned of hordes at the border.",
    "human animals": "The minister called the fighters human animals.",
    "junta": "The junta in Naypyidaw extended the state of emergency.",
    "khokhol": "The post mocked the defenders as khokhols.",
    "kleptocrat": "Investigators traced the villas to a kleptocrat in the region.",
    "lackey": "The editorial called the premier a lackey of Washington.",
    "mafia state": "Critics call the country a mafia state.",
    "monster": "Relatives called Mladic a monster.",
    "moskal": "The graffiti told the moskals to go home.",
    "narco-state": "The report described the country as a narco-state.",
    "nazi": "Moscow accused Kyiv of harbouring Nazis.",
    "neo-nazi": "The channel claimed neo-Nazis ran the battalion.",
    "occupier": "The governor said the occupiers shelled the bridge.",
    "orc": "Soldiers posted that the orcs had retreated.",
    "proxy war": "The analyst called the conflict a proxy war.",
    "puppet": "Beijing called the island's leader a puppet.",
    "rashism": "The president vowed to defeat rashism.",
    "rashist": "The mayor said rashists looted the town.",
    "rats": "The warlord called the rebels rats hiding in Misrata.",
    "regime": "The Assad regime denied the attack.",
    "rogue state": "The envoy described the country as a rogue state.",
    "russophobe": "The embassy labelled the senator a Russophobe.",
    "russophobia": "The ministry blamed Russophobia for the sanctions.",
    "savages": "The post called the soldiers savages.",
    "self-proclaimed": "The self-proclaimed republic held a vote.",
    "self-styled": "The self-styled caliph issued a decree.",
    "so-called": "The so-called referendum was held under guard.",
    "special military operation": "The Kremlin said the special military operation would go on.",
    "stooge": "The cleric called the prime minister an American stooge.",
    "subhuman": "The propaganda portrayed the minority as subhuman.",
    "terror group|organisation|organization|outfit": "Jets pounded the terror group overnight.",
    "terror state": "The parliament declared Russia a terror state.",
    "terrorist": "The army said Ukrainian terrorists attacked the bridge.",
    "thug": "The minister said the protesters were thugs.",
    "tyrant": "The exiles called the king a tyrant.",
    "untermensch|untermenschen": "The leaflet called the villagers untermenschen.",
    "vassal": "The spokeswoman called the European Union a vassal of Washington.",
    "vatnik": "The blogger dismissed the commenters as vatniks.",
    "vermin": "The general called the insurgents in Fallujah vermin.",
    "war criminal": "The president called his rival a war criminal.",
    "warmonger": "The newspaper called the minister a warmonger.",
    "zionist entity": "The militia vowed to fight the Zionist entity.",
}
HEDGES = {
    "allegedly": "The convoy allegedly carried weapons.",
    "apparently": "The troops apparently withdrew overnight.",
    "appear|appears|appeared to": "The rebels appear to have seized the airport.",
    "could": "The strike could delay the talks.",
    "it appears|appeared": "It appears that the ceasefire has collapsed.",
    "it is|was believed": "It is believed that the minister resigned.",
    "it is|was claimed": "It was claimed that the army shelled the port.",
    "it is|was reported": "It was reported that the army entered the city.",
    "it is|was said": "It is said that the envoy met the rebels.",
    "it is|was thought": "It is thought that the general fled abroad.",
    "it seems|seemed": "It seems that the two sides agreed a truce.",
    "may": "The government may impose new sanctions.",
    "might": "The army might withdraw from the border.",
    "perhaps": "The talks will perhaps resume in spring.",
    "possibly": "The drone was possibly shot down by the navy.",
    "presumably": "The envoy presumably carried a message from the king.",
    "probably": "The ministry will probably expel the diplomats.",
    "purportedly": "The video purportedly shows the soldiers surrendering.",
    "reportedly": "The president reportedly fired his defence minister.",
    "seem|seems|seemed to": "The rebels seem to have lost the town.",
    "so-called": "The so-called volunteers crossed the border.",
    "supposedly": "The militia supposedly disarmed last year.",
    "unconfirmed": "Unconfirmed reports say the airport was bombed.",
}
EDITORIAL = {
    "at the end of the day": "At the end of the day, sanctions alone will not end the war.",
    "clearly": "The government clearly misjudged the public mood.",
    "evidently": "The offensive has evidently stalled.",
    "in all likelihood": "In all likelihood the talks will fail.",
    "in reality": "In reality, the ceasefire never held.",
    "in short": "In short, the plan is dead.",
    "inevitably": "The fighting will inevitably spread south.",
    "ironically": "Ironically, the sanctions helped the regime's allies.",
    "is|are|was|were bound to": "The coalition is bound to collapse before the vote.",
    "is|are|was|were doomed to": "The mission was doomed to fail from the start.",
    "is|are likely to": "The blockade is likely to push prices higher.",
    "is|are unlikely to": "The new cabinet is unlikely to change course.",
    "it appears|seems that": "It seems that neither side wants a deal.",
    "it is|seems clear|evident|obvious": "It is clear that the blockade has failed.",
    "it is|seems likely|unlikely|doubtful": "It is doubtful that the truce will last.",
    "it is|was worth noting": "It is worth noting that the army has not been paid.",
    "it remains to be seen": "It remains to be seen whether the deal will survive.",
    "in our view|opinion": "In our view, the summit produced little.",
    "appear|appears|seem|seems ready|willing|unwilling|poised|determined|unable|eager": (
        "Neither government appears ready to compromise."
    ),
    "make no mistake": "Make no mistake, this war is far from over.",
    "needless to say": "Needless to say, the opposition was not consulted.",
    "obviously": "The vote was obviously rigged.",
    "of course": "Of course, the army denies everything.",
    "overall": "Overall, the summit produced little.",
    "regrettably": "The aid regrettably arrived too late.",
    "remains to be seen": "Whether the pact holds remains to be seen.",
    "sadly": "Sadly, the convoy never reached the town.",
    "the fact is": "The fact is that the reforms have stalled.",
    "the truth is": "The truth is that neither army can win.",
    "time will tell": "Only time will tell if the reforms work.",
    "undoubtedly": "The election was undoubtedly a turning point.",
    "unfortunately": "Unfortunately, the talks broke down again.",
    "will likely|probably": "The central bank will likely raise rates again.",
}
TABLES = {"loaded_terms": LOADED, "hedges": HEDGES, "editorial": EDITORIAL}


@pytest.fixture(scope="module")
def matcher() -> LexiconMatcher:
    return LexiconMatcher({name: load_lexicon(name) for name in TABLES})


def _analysis(nlp, text: str) -> Analysis:  # type: ignore[no-untyped-def]
    analysis = Analysis(article=Article(id="t", text=text))
    analysis.doc = nlp(text)
    return analysis


@pytest.mark.parametrize("name", sorted(TABLES))
def test_lexicon_is_sorted_and_every_entry_has_a_sentence(name: str) -> None:
    terms = [e.term for e in load_lexicon(name)]
    assert terms == sorted(terms), f"{name}.yaml is not sorted by term"
    assert len(set(terms)) == len(terms)
    assert set(terms) == set(TABLES[name]), "each entry needs a test sentence"


def test_unknown_lexicon_is_a_data_error() -> None:
    with pytest.raises(DataError, match="unknown lexicon"):
        load_lexicon("no_such_lexicon")


@pytest.mark.parametrize(("term", "sentence"), sorted(LOADED.items()))
def test_loaded_term_found(nlp, matcher, term: str, sentence: str) -> None:  # type: ignore[no-untyped-def]
    analysis = _analysis(nlp, sentence)
    assert analysis.doc is not None
    matches = [m for m in matcher(analysis.doc)["loaded_terms"] if m.entry.term == term]
    assert matches, f"{term!r} not matched in {sentence!r}"
    frames = find_loaded_terms(analysis, analysis.doc, matches)
    assert len(frames) == 1
    assert frames[0].text == sentence[frames[0].start : frames[0].end]


@pytest.mark.parametrize(("term", "sentence"), sorted(HEDGES.items()))
def test_hedge_found(nlp, matcher, term: str, sentence: str) -> None:  # type: ignore[no-untyped-def]
    analysis = _analysis(nlp, sentence)
    assert analysis.doc is not None
    matches = [m for m in matcher(analysis.doc)["hedges"] if m.entry.term == term]
    assert matches, f"{term!r} not matched in {sentence!r}"
    hedges = find_hedges(analysis, analysis.doc, matches)
    assert hedges and hedges[0].certainty < 1.0


@pytest.mark.parametrize(("term", "sentence"), sorted(EDITORIAL.items()))
def test_editorial_cue_found(nlp, matcher, term: str, sentence: str) -> None:  # type: ignore[no-untyped-def]
    analysis = _analysis(nlp, sentence)
    assert analysis.doc is not None
    matches = [m for m in matcher(analysis.doc)["editorial"] if m.entry.term == term]
    assert matches, f"{term!r} not matched in {sentence!r}"
    frames = find_editorial(analysis, analysis.doc, matches)
    assert [(f.start, f.end) for f in frames] == [(0, len(sentence))]


def test_indexed_matcher_finds_what_a_spacy_matcher_finds(nlp, matcher) -> None:  # type: ignore[no-untyped-def]
    from spacy.matcher import Matcher

    from newsevents.framing.lexicon import term_patterns

    reference = Matcher(nlp.vocab)
    entries = {}
    for name in TABLES:
        for n, entry in enumerate(load_lexicon(name)):
            key = f"ref_{name}_{n}"
            reference.add(key, term_patterns(entry))
            entries[nlp.vocab.strings[key]] = (name, entry.term)
    text = " ".join(s for table in TABLES.values() for s in table.values())
    text += " The so-called experts may well be wrong, and it appears that Kremlin-backed thugs"
    text += " might strike. May is a month. Neo - nazi groups marched."
    doc = nlp(text)
    expected = sorted(
        {(entries[k][0], entries[k][1], s, e) for k, s, e in reference(doc)},
        key=lambda m: (m[2], m[3]),
    )
    ours = sorted(
        ((m.lexicon, m.entry.term, m.start, m.end) for ms in matcher(doc).values() for m in ms),
        key=lambda m: (m[2], m[3]),
    )
    # ours drops matches nested in a longer one of the same lexicon; the rest must agree
    assert set(ours) <= set(expected)
    for lexicon, term, start, end in expected:
        if (lexicon, term, start, end) not in ours:
            assert any(
                o[0] == lexicon and o[2] <= start and end <= o[3] and o[1:] != (term, start, end)
                for o in ours
            ), (term, start, end)
    assert len(ours) > 30
