"""The actors step on the example article: its output validates and holds the expected actors."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.actors import make_step
from newsevents.config import Config
from newsevents.formats import validate
from newsevents.model import Analysis, Article
from newsevents.normalise import article_id
from newsevents.parse import sentence_offsets


@pytest.fixture(scope="module")
def analysis(nlp, example_text: str) -> Analysis:  # type: ignore[no-untyped-def]
    doc = nlp(example_text)
    article = Article(id=article_id(example_text), text=example_text, published=dt.date(2025, 8, 12))
    result = Analysis(article=article, sentences=sentence_offsets(doc), doc=doc)
    return make_step(Config())(result)


def test_actors_step_output_validates(analysis: Analysis) -> None:
    analysis.doc = None
    validate(analysis.to_dict())


def test_actors_step_mentions_index_the_text(analysis: Analysis) -> None:
    text = analysis.article.text
    for actor in analysis.actors:
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text


def test_actors_step_ids_follow_first_mention(analysis: Analysis) -> None:
    firsts = [min(m.start for m in a.mentions) for a in analysis.actors]
    assert firsts == sorted(firsts)
    assert [a.id for a in analysis.actors] == [f"a{i}" for i in range(1, len(firsts) + 1)]


@pytest.mark.parametrize(
    ("mention", "cameo"),
    [
        ("Kremlin spokesman Dmitry Peskov", "RUSGOV"),
        ("The spokesman", "RUSGOV"),
        ("Kyiv", "UKRGOV"),
        ("Ukraine’s foreign ministry", "UKRGOV"),
        ("Ankara", "TURGOV"),
        ("the bloc", "IGOEUREEC"),
    ],
)
def test_actors_step_finds_the_example_actors(analysis: Analysis, mention: str, cameo: str) -> None:
    start = analysis.article.text.index(mention)
    actor = analysis.actor_at(start, start + len(mention))
    assert actor is not None and actor.cameo == cameo


def test_actors_step_fidan_is_he(analysis: Analysis) -> None:
    text = analysis.article.text
    start = text.index("He added")
    actor = analysis.actor_at(start, start + 2)
    assert actor is not None and actor.name == "Hakan Fidan"
