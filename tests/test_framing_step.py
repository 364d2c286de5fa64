"""The framing step on texts we wrote: targets, the outlet's voice, hedges and certainty."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.config import Config
from newsevents.framing import FramingStep
from newsevents.model import Actor, Analysis, Article, Event, Mention, Span, Statement
from newsevents.parse import sentence_offsets


@pytest.fixture(scope="module")
def step() -> FramingStep:
    return FramingStep(Config())


def _analysis(nlp, text: str, actors: dict[str, list[str]] | None = None) -> Analysis:  # type: ignore[no-untyped-def]
    """Parse ``text``; each actor gets a mention at every occurrence of each of its words."""
    analysis = Analysis(article=Article(id="t", text=text))
    analysis.doc = nlp(text)
    analysis.sentences = sentence_offsets(analysis.doc)
    for n, (name, words) in enumerate((actors or {}).items(), 1):
        mentions = []
        for word in words:
            at = text.find(word)
            while at >= 0:
                mentions.append(Mention(at, at + len(word), word, "name"))
                at = text.find(word, at + 1)
        analysis.actors.append(Actor(f"a{n}", name, "state", mentions=mentions))
    return analysis


def _frames(analysis: Analysis, kind: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.text, f.label, f.target) for f in analysis.framing if f.kind == kind]


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        (
            "The Minsk regime has refused every offer of talks.",
            {"Belarus": ["Minsk"]},
            [("The Minsk regime", "loaded_label", "a1")],
        ),
        (
            "Officials in Tehran described the fighting as a US-led proxy war against Iran.",
            {"United States": ["US"], "Iran": ["Iran", "Tehran"]},
            [("a US-led proxy war", "loaded_label", "a1")],
        ),
        (
            "The Western nations denied that a Western-backed coup had taken place.",
            {"the West": ["Western nations"]},
            [("a Western-backed coup", "loaded_label", "a1")],
        ),
        (
            "Hamas, a terrorist group, fired rockets at Israel.",
            {"Hamas": ["Hamas"], "Israel": ["Israel"]},
            [("a terrorist group", "name_calling", "a1")],
        ),
        (
            "The government in Moscow said the Russian army had been fighting orcs.",
            {"Russia": ["Moscow", "Russian army"]},
            [("orcs", "dehumanising", None)],
        ),
        # a term of a tool is aimed at the tool, never at its master
        (
            "Opposition leaders called the governor a Kremlin stooge.",
            {"Russia": ["Kremlin"], "Arnland": ["governor"]},
            [("a Kremlin stooge", "name_calling", "a2")],
        ),
        (
            "Moscow's puppet in the capital signed the decree.",
            {"Russia": ["Moscow"]},
            [("Moscow's puppet", "name_calling", None)],
        ),
        ("The EU tightened its sanctions regime on Tuesday.", {"European Union": ["EU"]}, []),
        ("Rats fled the burning grain store.", {}, []),
    ],
)
def test_loaded_terms_aimed_at_actor(nlp, step, text, actors, expected) -> None:  # type: ignore[no-untyped-def]
    analysis = step(_analysis(nlp, text, actors))
    assert _frames(analysis, "loaded_term") == expected


EDITORIAL_TEXT = (
    "The army said the offensive would continue. "
    "Overall, it appears that neither side is ready to talk. "
    '"Clearly, the talks are over," the minister told reporters. '
    "It remains to be seen whether the truce will hold."
)


def test_editorial_sentences_are_the_outlets_own(nlp, step) -> None:  # type: ignore[no-untyped-def]
    analysis = step(_analysis(nlp, EDITORIAL_TEXT))
    assert [t for t, _, _ in _frames(analysis, "editorial")] == [
        "Overall, it appears that neither side is ready to talk.",
        "It remains to be seen whether the truce will hold.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        '"The talks failed. Clearly nobody wanted a deal," the envoy said.',
        "The races that are likely to decide the vote are in the south.",
    ],
)
def test_quotes_and_relative_clauses_are_not_editorial(nlp, step, text) -> None:  # type: ignore[no-untyped-def]
    assert _frames(step(_analysis(nlp, text)), "editorial") == []


def test_statement_content_is_never_editorial(nlp, step) -> None:  # type: ignore[no-untyped-def]
    text = "Peskov argued at length. Obviously the deal is dead and will stay dead."
    analysis = _analysis(nlp, text)
    content = text.index("Obviously")
    analysis.statements.append(
        Statement(
            id="s1",
            speaker=None,
            source=Span(0, 6, "Peskov"),
            cue=Span(7, 14, "argued"),
            content=Span(content, len(text), text[content:]),
            kind="indirect",
        )
    )
    assert _frames(step(analysis), "editorial") == []
    assert _frames(step(_analysis(nlp, text)), "editorial") != []  # the same words unattributed


def _event(analysis: Analysis, word: str, event_id: str) -> Event:
    at = analysis.article.text.index(word)
    return Event(
        id=event_id, plover="ASSAULT", cameo="190", source=None, target=None,
        trigger=Span(at, at + len(word), word), sentence=analysis.sentence_index(at),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "hedged", "certainty"),
    [
        ("The army allegedly shelled the port. The navy blockaded the coast.", "shelled", 0.5),
        ("The army may shell the port. The navy blockaded the coast.", "shell", 0.5),
        ("It is believed that the army shelled the port. The navy blockaded the coast.",
         "shelled", 0.6),
        ("The army reportedly shelled the port. The navy blockaded the coast.", "shelled", 0.7),
    ],
)  # fmt: skip
def test_hedges_lower_the_certainty_of_events_in_scope(nlp, step, text, hedged, certainty) -> None:  # type: ignore[no-untyped-def]
    analysis = _analysis(nlp, text)
    analysis.events = [_event(analysis, hedged, "e1"), _event(analysis, "blockaded", "e2")]
    step(analysis)
    assert [e.certainty for e in analysis.events] == [certainty, 1.0]
    assert _frames(analysis, "hedge")


def test_could_not_is_not_a_hedge(nlp, step) -> None:  # type: ignore[no-untyped-def]
    assert _frames(step(_analysis(nlp, "The convoy could not reach the town.")), "hedge") == []


SENTENCES = st.sampled_from(
    [
        "The Kiev regime rejected the plan.",
        "Overall, the summit failed.",
        "The army allegedly shelled the port.",
        '"Clearly, we will win," he said.',
        "The so-called referendum was held under guard.",
        "Officials called it a proxy war.",
        "Talks resumed on Monday.",
    ]
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(SENTENCES, min_size=1, max_size=5), st.sampled_from([" ", "\n", "\n\n"]))
def test_every_frame_indexes_the_text(nlp, step, sentences, joiner) -> None:  # type: ignore[no-untyped-def]
    text = joiner.join(sentences)
    analysis = step(_analysis(nlp, text))
    for frame in analysis.framing:
        assert 0 <= frame.start < frame.end <= len(text)
        assert frame.text == text[frame.start : frame.end]


def test_example_article_validates(example_text: str) -> None:
    import newsevents
    from newsevents.formats import validate

    analysis = newsevents.analyze(example_text, published="2024-03-05")
    validate(analysis.to_dict())


@pytest.mark.parametrize(
    ("text", "term", "cameo"),
    [
        ("Russian troops withdrew from the village. The mayor said the rashists had looted "
         "every shop.", "the rashists", "RUSMIL"),
        ("Ukraine's army held the line, a Russian blogger wrote, blaming the Banderites.",
         "the Banderites", "UKRMIL"),
        ("Iran's foreign minister met Hezbollah leaders and denounced the Zionist entity.",
         "the Zionist entity", None),
    ],
)
def test_a_term_aimed_by_its_meaning_takes_that_countrys_actor(text: str, term: str,
                                                                cameo: str | None) -> None:
    import newsevents

    analysis = newsevents.analyze(text)
    (frame,) = [f for f in analysis.framing if f.kind == "loaded_term" and f.text == term]
    target = analysis.actor(frame.target) if frame.target else None
    assert (target.cameo if target else None) == cameo
