"""Rules of the statements step added for issue 4's cue work, on sentences we wrote:
parenthetical cues, prepositions of topic, colons, passive agents, headlines, notices."""

from __future__ import annotations

import pytest

from newsevents.statements.attach import find_statements
from newsevents.statements.cues import load_cues


@pytest.fixture(scope="module")
def lexicon():  # type: ignore[no-untyped-def]
    return load_cues()


def _found(nlp, lexicon, text):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    out = []
    for f in find_statements(doc, lexicon):
        source = text[f.source[0] : f.source[1]] if f.source else None
        out.append((source, text[f.cue[0] : f.cue[1]], text[f.content[0] : f.content[1]]))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a parenthetical cue: the content is the clause around it
            "The harbour, the mayor said, will reopen in May.",
            ("the mayor", "said", "The harbour, the mayor said, will reopen in May"),
        ),
        (
            "Too often, the minister said, the debate is about money.",
            ("the minister", "said",
             "Too often, the minister said, the debate is about money"),
        ),
        (  # a listed cue with a preposition of topic takes it along
            "The mayor complained about the noise at the stadium.",
            ("The mayor", "complained about", "the noise at the stadium"),
        ),
        (
            "The doctors warned against a quick return to work.",
            ("The doctors", "warned against", "a quick return to work"),
        ),
        (  # a passive stance cue with its agent: the subject is what was judged
            "The proposal has been endorsed by three unions.",
            ("three unions", "has been endorsed", "The proposal"),
        ),
        (  # a participle with its agent after a noun: the noun is what the agent judged
            "The council adopted a budget criticized by three independent economists.",
            ("three independent economists", "criticized", "a budget"),
        ),
        (  # a reporting noun's topic, inside a phrase cue
            "Residents raised concerns about the new road.",
            ("Residents", "raised concerns about", "the new road"),
        ),
        (  # "for" marking the clause a "call for" asks for
            "The mayor is calling for the council to raise taxes.",
            ("The mayor", "is calling for", "the council to raise taxes"),
        ),
        (  # a naming verb whose predicate is a quote right after its object
            "She called his new law “a crucial step forward for the city.”",
            ("She", "called", "his new law “a crucial step forward for the city.”"),
        ),
        (  # an inverted cue after a quote: the quote's last noun is not its subject
            "“The council is in chaos. Total chaos mode,” said Anna Berg, a Denver-based "
            "member of the board.",
            ("Anna Berg, a Denver-based member of the board", "said",
             "“The council is in chaos. Total chaos mode,”"),
        ),
        (  # a naming verb with a relative object: "what" to the predicate
            "She opposed the new tax, which the mayor called a disgrace.",
            ("the mayor", "called", "which the mayor called a disgrace"),
        ),
        (  # a cue in an "as" clause reports the clause it hangs on
            "As the Times reported last week, the mayor will not run again.",
            ("the Times", "reported", "the mayor will not run again"),
        ),
        (
            "The deal collapsed in May, as the minister noted.",
            ("the minister", "noted", "The deal collapsed in May"),
        ),
        (  # "recall" reports its object
            "He recalled the long winter of 1947.",
            ("He", "recalled", "the long winter of 1947"),
        ),
        (  # a headline attributed with a colon, to the end of its line
            "Mayor Jones: Budget Cuts Hurt Every School in Town.\n\nThe budget was cut.",
            ("Mayor Jones", ":", "Budget Cuts Hurt Every School in Town"),
        ),
        (  # a poll or a record shows its plain object
            "A new poll showed a slim lead for the governor.",
            ("A new poll", "showed", "a slim lead for the governor"),
        ),
        (
            "Court records indicate a long dispute over the land.",
            ("Court records", "indicate", "a long dispute over the land"),
        ),
        (  # a headline line with no verb, not in title case: a line of its own
            "Governor Okafor: no new taxes before the spring election\n\nThe vote is in May.",
            ("Governor Okafor", ":", "no new taxes before the spring election"),
        ),
    ],
)
def test_statements_rules_find(nlp, lexicon, text, expected):  # type: ignore[no-untyped-def]
    assert expected in _found(nlp, lexicon, text)


def test_statements_rules_colon_block(nlp, lexicon):  # type: ignore[no-untyped-def]
    # a cue ending in a colon introduces the next paragraph when nothing follows on its line
    text = "The governor added:\n\nNothing will change until the roads are fixed."
    assert ("The governor", "added:", "Nothing will change until the roads are fixed") in _found(
        nlp, lexicon, text
    )


@pytest.mark.parametrize(
    "text",
    [
        # the outlet's own notices are not attributions
        "Correction: An earlier version of this story misstated the date.",
        "Editor's note: This story was updated on Friday.",
        "Breaking: The bridge over the river has closed to traffic.",
        # the turns of an interview transcript
        "Q: Will the bridge be rebuilt this year?\n\nA: The works will begin in June.",
        # a participle with no subject names no speaker: "when asked about" is not a cue
        # of the person asked
        "The coach, when questioned about the injury, left the room.",
        # a view is not a statement without a clause or a topic of speech
        "The view from the hill is lovely.",
        # "said on Monday": a day, not a topic
        "The mayor said on Monday.",
        # a person who shows something does a deed
        "He showed his ticket at the gate.",
        # a label and a list inside a paragraph, with no verb: not a headline
        "The shop was busy. Breakfast: eggs, toast and a pot of tea.",
    ],
)
def test_statements_rules_not_statements(nlp, lexicon, text):  # type: ignore[no-untyped-def]
    assert _found(nlp, lexicon, text) == []


def test_statements_rules_according_to_verb_parse(nlp, lexicon):  # type: ignore[no-untyped-def]
    # "show" in "show insiders" is often tagged as a verb; the phrase is still the source
    text = "The host mocked the guests on air, according to show insiders."
    found = _found(nlp, lexicon, text)
    assert any(cue == "according to" and src and "insiders" in src for src, cue, _ in found)


@pytest.mark.parametrize(
    ("adjective", "text"),
    [
        ("adamant", "The drivers were adamant that the route was unsafe."),
        ("angry", "The tenants are angry about the rent rise."),
        ("aware", "The council was aware that the bridge needed repairs."),
        ("certain", "The coach is certain that the team will recover."),
        ("concerned", "The parents are concerned about the school closures."),
        ("convinced", "The inspectors were convinced that the fire started in the kitchen."),
        ("critical", "The unions have been critical of the plan."),
        ("disappointed", "The fans were disappointed with the result."),
        ("doubtful", "The lawyers are doubtful that the appeal will succeed."),
        ("eager", "The farmers were eager to sell their grain."),
        ("fearful", "The villagers are fearful that the river will flood again."),
        ("frustrated", "The nurses are frustrated that the ward is still closed."),
        ("glad", "The mayor was glad that the festival went ahead."),
        ("happy", "The players were happy with the new pitch."),
        ("hopeful", "The negotiators are hopeful that a deal is near."),
        ("insistent", "The owners were insistent that the shop stay open."),
        ("optimistic", "The bankers are optimistic about the harvest."),
        ("pessimistic", "The traders were pessimistic about the season."),
        ("pleased", "The teachers were pleased with the new timetable."),
        ("proud", "The volunteers are proud of the new library."),
        ("sceptical", "The engineers were sceptical of the design."),
        ("skeptical", "The residents are skeptical of the promises."),
        ("supportive", "The board was supportive of the merger."),
        ("sure", "The captain was sure that the storm would pass."),
        ("unhappy", "The fishermen are unhappy with the new quotas."),
        ("upset", "The cyclists were upset about the closed lane."),
        ("wary", "The shopkeepers are wary of the new parking rules."),
        ("worried", "The farmers are worried about the drought."),
    ],
)
def test_statements_rules_adjectives(nlp, lexicon, adjective, text):  # type: ignore[no-untyped-def]
    assert adjective in lexicon.adjectives
    found = _found(nlp, lexicon, text)
    assert any(adjective in cue and src and src.startswith("The") for src, cue, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "It is clear that the plan failed.",  # the outlet's voice
        "The weather was happy.",  # no clause, no topic
        "The room was proud and bright.",
    ],
)
def test_statements_rules_adjectives_not(nlp, lexicon, text):  # type: ignore[no-untyped-def]
    assert _found(nlp, lexicon, text) == []


def test_statements_rules_adjective_lexicon_is_tested(lexicon):  # type: ignore[no-untyped-def]
    # every listed adjective has its sentence above
    params = test_statements_rules_adjectives.pytestmark[0].args[1]  # type: ignore[attr-defined]
    assert {a for a, _ in params} == set(lexicon.adjectives)


def test_statements_rules_answers(nlp, lexicon):  # type: ignore[no-untyped-def]
    # a one-word answer is what was said
    found = _found(nlp, lexicon, "Asked whether the plan was fair, most voters said yes.")
    assert ("most voters", "said", "yes") in found


def test_statements_rules_trailing_cue_misparsed(nlp, lexicon):  # type: ignore[no-untyped-def]
    # "..., police said" with the verb parsed as a conjunct of the clause it reports
    # (as the parser often does after a long clause): the clause before is the content
    from spacy.tokens import Doc

    words = ["Ten", "people", "were", "hurt", ",", "police", "said", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[True, True, True, False, True, True, False, False],
        heads=[1, 3, 3, 3, 3, 6, 3, 3],
        deps=["nummod", "nsubjpass", "auxpass", "ROOT", "punct", "nsubj", "conj", "punct"],
        pos=["NUM", "NOUN", "AUX", "VERB", "PUNCT", "NOUN", "VERB", "PUNCT"],
        tags=["CD", "NNS", "VBD", "VBN", ",", "NNS", "VBD", "."],
        lemmas=["ten", "people", "be", "hurt", ",", "police", "say", "."],
    )
    found = _triples(doc, lexicon)
    assert ("police", "said", "Ten people were hurt") in found


def _triples(doc, lexicon):  # type: ignore[no-untyped-def]
    """Return (source, cue, content) texts of the statements found in ``doc``."""
    return [
        (doc.text[f.source[0] : f.source[1]] if f.source else None,
         doc.text[f.cue[0] : f.cue[1]],
         doc.text[f.content[0] : f.content[1]])
        for f in find_statements(doc, lexicon)
    ]  # fmt: skip


def _doc(nlp, words, pos, starts):  # type: ignore[no-untyped-def]
    """Return a Doc with the given parts of speech and sentence starts (no parse)."""
    from spacy.tokens import Doc

    spaces = [i + 1 < len(words) and words[i + 1] not in (":", ".", ",") for i in range(len(words))]
    return Doc(nlp.vocab, words=words, spaces=spaces, pos=pos, sent_starts=starts)


def test_statements_rules_colon_sentence_split(nlp, lexicon):  # type: ignore[no-untyped-def]
    # a transcript turn the parser cut at the colon: what was said is the rest of the line;
    # the speaker in capitals counts as a name whatever the tagger makes of it (here ADJ)
    words = ["KOVAC", ":", "We", "will", "rebuild", "the", "bridge", "."]
    pos = ["ADJ", "PUNCT", "PRON", "AUX", "VERB", "DET", "NOUN", "PUNCT"]
    doc = _doc(nlp, words, pos, [True, False, True, False, False, False, False, False])
    found = _triples(doc, lexicon)
    assert ("KOVAC", ":", "We will rebuild the bridge") in found


def test_statements_rules_colon_label_not_speaker(nlp, lexicon):  # type: ignore[no-untyped-def]
    # a layout label cut off by the parser is no speaker either
    words = ["BYLINE", ":", "Ana", "Ruiz", "reports", "from", "Lima", "."]
    pos = ["NOUN", "PUNCT", "PROPN", "PROPN", "VERB", "ADP", "PROPN", "PUNCT"]
    doc = _doc(nlp, words, pos, [True, False, True, False, False, False, False, False])
    assert not [f for f in find_statements(doc, lexicon) if doc.text[f.cue[0] : f.cue[1]] == ":"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a listed verb of belief as a parenthetical inside the clause it frames
            "The new road, his advisers believe, would bring more visitors to the town.",
            ("his advisers", "believe",
             "The new road, his advisers believe, would bring more visitors to the town"),
        ),
    ],
)
def test_statements_rules_framing_verbs(nlp, lexicon, text, expected):  # type: ignore[no-untyped-def]
    assert expected in _found(nlp, lexicon, text)


def test_statements_rules_sure_listed_cue_object(nlp, lexicon):  # type: ignore[no-untyped-def]
    # a listed verb whose object is not content by rule ("rejected the idea that ...")
    # takes it when the learned scorer is sure of the cue, not when it merely accepts it
    from newsevents.statements.learned import CueModel

    text = "The mayor rejected the idea that the old bridge was unsafe."
    doc = nlp(text)
    head = next(t.i for t in doc if t.lower_ == "rejected")
    model = CueModel(weights={}, bias=0.0, threshold=0.45, veto=0.3)

    def found(p: float) -> list[tuple[str, str]]:
        scores = {t.i: 0.0 for t in doc}
        scores[head] = p
        return [
            (text[f.cue[0] : f.cue[1]], text[f.content[0] : f.content[1]])
            for f in find_statements(doc, lexicon, model, scores=scores)
        ]

    assert ("rejected", "the idea that the old bridge was unsafe") in found(0.99)
    assert not any(cue == "rejected" for cue, _ in found(0.5))


def test_statements_rules_trailing_listed_verb_misparsed(nlp, lexicon):  # type: ignore[no-untyped-def]
    # a listed verb that is not a speech verb reports the clause before it too ("..., the
    # agency estimated"), when the parser attaches it as a conjunct of that clause
    from spacy.tokens import Doc

    words = ["Costs", "will", "rise", "again", ",", "the", "agency", "estimated", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[True, True, True, False, True, True, True, False, False],
        heads=[2, 2, 2, 2, 2, 6, 7, 2, 2],
        deps=["nsubj", "aux", "ROOT", "advmod", "punct", "det", "nsubj", "conj", "punct"],
        pos=["NOUN", "AUX", "VERB", "ADV", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
        tags=["NNS", "MD", "VB", "RB", ",", "DT", "NN", "VBD", "."],
        lemmas=["cost", "will", "rise", "again", ",", "the", "agency", "estimate", "."],
    )
    found = _triples(doc, lexicon)
    assert ("the agency", "estimated", "Costs will rise again") in found
