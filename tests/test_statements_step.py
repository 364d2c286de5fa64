"""The statements step on sentences we wrote: each kind, its source, cue and content."""

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
        out.append((source, text[f.cue[0] : f.cue[1]], text[f.content[0] : f.content[1]], f.kind))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minister stated that the harbour would reopen in May.",
            ("The minister", "stated", "that the harbour would reopen in May", "indirect"),
        ),
        (
            "According to the mayor, the bridge will be closed until spring.",
            ("the mayor", "According to", "the bridge will be closed until spring", "according_to"),
        ),
        (
            "The union leader has also warned that strikes could spread to the ports.",
            ("The union leader", "has also warned", "that strikes could spread to the ports",
             "indirect"),
        ),
        (
            "“We will not sign this deal under any circumstances,” the farmer said.",
            ("the farmer", "said", "“We will not sign this deal under any circumstances,”",
             "direct"),
        ),
        (
            "The plan has been described by several economists as reckless.",
            ("several economists", "has been described",
             "The plan has been described by several economists as reckless", "indirect"),
        ),
        (
            "The coach expressed concerns that the new rules would hurt young players.",
            ("The coach", "expressed concerns", "that the new rules would hurt young players",
             "indirect"),
        ),
    ],
)
def test_statements_single_kinds(nlp, lexicon, text, expected):  # type: ignore[no-untyped-def]
    assert expected in _found(nlp, lexicon, text)


@pytest.mark.parametrize(
    "text",
    [
        "Overall, it appears that the company is open to a new offer.",
        "It seems unlikely that the match will be played on Sunday.",
        "The council rejected the budget after a long debate.",
    ],
)
def test_statements_outlet_sentences_have_none(nlp, lexicon, text):  # type: ignore[no-untyped-def]
    assert _found(nlp, lexicon, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a quote split by its cue: both halves are the speaker's
            "“We have waited long enough,” the mayor said, “and now we will act on it.”",
            [("the mayor", "said", "“We have waited long enough,”", "direct"),
             ("the mayor", "said", "“and now we will act on it.”", "direct")],
        ),
        (  # a floating quote: the next paragraph's quote is the last named speaker's
            "The farmer said the harvest was poor.\n\n“We lost half the wheat to the rain.”",
            [("The farmer", "said", "the harvest was poor", "indirect"),
             ("The farmer", "said", "“We lost half the wheat to the rain.”", "direct")],
        ),
        (  # a colon attribution in a headline
            "Mayor Lindqvist: the new tram line will open in June",
            [("Mayor Lindqvist", ":", "the new tram line will open in June", "indirect")],
        ),
        (  # a mixed quote: indirect speech with a quoted fragment
            "The judge said the appeal was “without any merit at all”.",
            [("The judge", "said", "the appeal was “without any merit at all”", "mixed")],
        ),
        (  # a relative clause: the source is "who"; the speaker comes from its noun
            "Critics included the economist Ana Ruiz, who suggested that prices would rise.",
            [("who", "suggested", "that prices would rise", "indirect")],
        ),
    ],
)
def test_statements_quotes_and_kinds(nlp, lexicon, text, expected):  # type: ignore[no-untyped-def]
    found = _found(nlp, lexicon, text)
    for item in expected:
        assert item in found


def test_statements_unattributed_quote_is_left_alone(nlp, lexicon):  # type: ignore[no-untyped-def]
    text = "The sign on the door read “closed until further notice for repairs”."
    assert _found(nlp, lexicon, text) == []


def test_statements_speaker_from_actor_mentions(nlp):  # type: ignore[no-untyped-def]
    from newsevents.config import Config
    from newsevents.model import Actor, Analysis, Article, Mention
    from newsevents.statements import StatementsStep

    text = "Critics included the economist Ana Ruiz, who suggested that prices would rise."
    analysis = Analysis(article=Article(id="t", text=text), doc=nlp(text))
    start = text.index("Ana Ruiz")
    analysis.actors = [
        Actor("a1", "Ana Ruiz", "person", mentions=[Mention(start, start + 8, "Ana Ruiz", "name")])
    ]
    analysis = StatementsStep(Config())(analysis)
    (st,) = analysis.statements
    assert (st.id, st.speaker, st.source and st.source.text) == ("s1", "a1", "who")


def test_statements_anonymous_source_has_no_speaker(nlp):  # type: ignore[no-untyped-def]
    from newsevents.config import Config
    from newsevents.model import Analysis, Article
    from newsevents.statements import StatementsStep

    text = "Officials familiar with the talks said that a deal was close."
    analysis = StatementsStep(Config())(Analysis(article=Article(id="t", text=text), doc=nlp(text)))
    (st,) = analysis.statements
    assert st.speaker is None and st.source is not None
    assert st.source.text == "Officials familiar with the talks"


def test_statements_example_article_validates(example_text):  # type: ignore[no-untyped-def]
    import newsevents
    from newsevents.formats import validate

    analysis = newsevents.analyze(example_text, published="2025-08-12")
    assert analysis.statements
    assert [s.id for s in analysis.statements] == [
        f"s{i}" for i in range(1, len(analysis.statements) + 1)
    ]
    validate(analysis.to_dict())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In the mayor's words, the bridge will stay closed until spring.",
            ("the mayor", "In the mayor's words", "the bridge will stay closed until spring"),
        ),
        (
            "The plan was, in the words of one senior engineer, a costly mistake.",
            ("one senior engineer", "in the words of",
             "The plan was, in the words of one senior engineer, a costly mistake"),
        ),
        (
            "The coach spoke for an hour. He continued: “We will never give up on this team.”",
            ("He", "continued:", "“We will never give up on this team.”"),
        ),
        (
            "Readers wrote in.\n“The new bridge has ruined the view from my window.” ― Maria Lopez",
            ("Maria Lopez", "―", "“The new bridge has ruined the view from my window.”"),
        ),
        (
            "The senator frequently mocked the plan as a fantasy.",
            ("The senator", "frequently mocked", "the plan as a fantasy"),
        ),
        (
            "The mayor said in a recent interview that the port would reopen.",
            ("The mayor", "said in a recent interview", "that the port would reopen"),
        ),
        (
            "The spokesman declined to comment on the report.",
            ("The spokesman", "declined", "to comment on the report"),
        ),
    ],
)  # fmt: skip
def test_statements_phrases_and_signatures(nlp, lexicon, text, expected):  # type: ignore[no-untyped-def]
    assert expected in [f[:3] for f in _found(nlp, lexicon, text)]


@pytest.mark.parametrize(
    "text",
    [
        "The president has consistently refused to engage in talks with the rebels.",
        "The ministry decided to close three rural schools.",
        "The two firms agreed to merge their shipping arms.",
    ],
)
def test_statements_deeds_are_not_statements(nlp, lexicon, text):  # type: ignore[no-untyped-def]
    assert _found(nlp, lexicon, text) == []
