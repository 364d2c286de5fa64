"""The pipeline: order of steps, the batch path, error handling, the output contract."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsevents
from newsevents.config import Config
from newsevents.errors import InputError, NewseventsError, UnsupportedLanguageError
from newsevents.formats import validate
from newsevents.pipeline import STEPS, ArticleInput, Pipeline, check_order, parse_published

SRC = Path(newsevents.__file__).parent
ORDER = ["normalise", "parse", *(name for name, _ in STEPS)]


def test_steps_are_in_the_documented_order() -> None:
    assert [name for name, _ in STEPS] == [
        "actors", "statements", "events", "legacy", "dates", "places", "framing",
    ]  # fmt: skip


def test_check_order_refuses_a_step_whose_needs_come_later() -> None:
    steps = Pipeline().steps
    with pytest.raises(NewseventsError, match="needs"):
        check_order(list(reversed(steps)))


def _module_of_step(name: str) -> list[Path]:
    package = SRC / name
    return sorted(package.rglob("*.py")) if package.is_dir() else [SRC / f"{name}.py"]


@pytest.mark.parametrize("step", ORDER)
def test_a_step_never_imports_a_later_step_nor_the_store_server_or_cli(step: str) -> None:
    later = set(ORDER[ORDER.index(step) + 1 :]) | {"store", "corpus", "serve", "cli", "commands"}
    for path in _module_of_step(step):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom):
                names = [(node.module or "")] + [a.name for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                parts = set(name.replace("newsevents.", "").split("."))
                assert not parts & later, f"{path.name} imports {name} (a later step)"


def test_analyze_example_validates(example_text: str) -> None:
    analysis = newsevents.analyze(example_text, published="2025-08-12", outlet="Example Wire")
    data = analysis.to_dict()
    validate(data)
    assert data["article"]["published"] == "2025-08-12"
    assert data["article"]["title"].startswith("Turkey pushes")
    assert [r["text"] for r in data["article"]["removed"]] == ["Source link"]
    assert analysis.doc is None  # the Doc never leaves the process


def test_analyze_many_keeps_order_keys_and_skips_bad_articles() -> None:
    errors: list[tuple[str, object, str]] = []
    items = [
        ArticleInput("Turkey offered to host talks between the two governments.", key="a"),
        ArticleInput("", key="empty"),
        ArticleInput(
            "Die Regierung hat am Dienstag gesagt, dass es keine Gespräche geben "
            "werde und dass die Hilfe fortgesetzt werde.",
            key="german",
        ),
        ArticleInput("Ukraine rejected the proposal on Monday.", key="b"),
    ]
    out = list(
        newsevents.analyze_many(
            items, on_error=lambda step, key, exc: errors.append((step, key, type(exc).__name__))
        )
    )
    assert [key for key, _ in out] == ["a", "b"]
    assert errors == [
        ("normalise", "empty", "EmptyInputError"),
        ("normalise", "german", "UnsupportedLanguageError"),
    ]


def test_analyze_many_batches_give_the_same_result_as_one_by_one() -> None:
    texts = [f"Officials in country {i} said talks would resume next week." for i in range(5)]
    batched = [a.to_dict() for _, a in newsevents.analyze_many(texts, batch_size=2)]
    single = [newsevents.analyze(t).to_dict() for t in texts]
    assert batched == single


def test_analyze_raises_our_errors() -> None:
    with pytest.raises(InputError):
        newsevents.analyze("   ")
    with pytest.raises(UnsupportedLanguageError) as info:
        newsevents.analyze("Правительство заявило во вторник, что переговоры не состоятся.")
    assert info.value.language == "cyrillic"


def test_paragraph_break_always_ends_a_sentence() -> None:
    analysis = newsevents.analyze("Talks resume in Geneva\n\nDiplomats met on Monday.")
    text = analysis.article.text
    assert [text[s:e] for s, e in analysis.sentences] == [
        "Talks resume in Geneva", "Diplomats met on Monday.",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("2023-01-20", dt.date(2023, 1, 20)),
        ("2023-01-20T10:00:00Z", dt.date(2023, 1, 20)),
        (dt.date(2020, 2, 29), dt.date(2020, 2, 29)),
    ],
)
def test_parse_published(value: object, expected: dt.date | None) -> None:
    assert parse_published(value) == expected  # type: ignore[arg-type]


def test_parse_published_refuses_garbage() -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse_published("last Tuesday")


def test_config_validates_settings(tmp_path: Path) -> None:
    with pytest.raises(NewseventsError):
        Config(max_bytes=0)
    with pytest.raises(NewseventsError, match="not found"):
        Config(kb_files=(tmp_path / "missing.yaml",))


_words = st.sampled_from(
    [
        "the",
        "minister",
        "said",
        "talks",
        "Russia",
        "Ukraine",
        "“",
        "”",
        '"',
        "'",
        ",",
        ".",
        "\n",
        "\n\n",
        "Kiev",
        "rejected",
        "demands",
        "on",
        "Tuesday",
        "last",
        "year",
        "he",
        "she",
        "they",
        "and",
        "not",
        "will",
        "may",
        "if",
        "<p>",
        "</p>",
        "&",
        "é",
        "2014",
        "Source",
        "link",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_words, max_size=60).map(" ".join))
def test_no_input_crashes_the_pipeline_and_output_validates(text: str) -> None:
    try:
        analysis = newsevents.analyze(text, published="2023-01-20")
    except InputError:
        return  # refused with a clear message: allowed
    validate(analysis.to_dict())
