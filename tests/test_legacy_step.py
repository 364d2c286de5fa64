"""The legacy step in the pipeline: dictionaries given in the Config code events beside ours."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsevents
from newsevents.config import Config
from newsevents.errors import NewseventsError
from newsevents.formats import validate

VERBS = """\
--- PRAISE [051] ---
PRAISE

--- CONDEMN [122] ---
CONDEMN
"""
ACTORS = "VALDORIA [VAL]\n+VALDORIAN\nKESTRIA [KES]\n"
AGENTS = "MINISTER [~GOV]\n"


@pytest.fixture()
def dictionaries(tmp_path: Path) -> dict[str, Path]:
    paths = {}
    for name, text in (("verbs", VERBS), ("actors", ACTORS), ("agents", AGENTS)):
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def test_legacy_step_adds_dictionary_events(dictionaries: dict[str, Path]) -> None:
    config = Config(
        verbs_file=dictionaries["verbs"],
        actor_dict_files=(dictionaries["actors"],),
        agents_file=dictionaries["agents"],
    )
    analysis = newsevents.analyze(
        "The Valdorian minister praised Kestria on Monday for its help.", config=config
    )
    validate(analysis.to_dict())
    coded = {(e.plover, e.cameo, e.source_code, e.target_code) for e in analysis.events}
    assert ("SUPPORT", "051", "VALGOV", "KES") in coded
    assert [e.id for e in analysis.events] == [f"e{i}" for i in range(1, len(analysis.events) + 1)]
    assert len({a.id for a in analysis.actors}) == len(analysis.actors)


def test_legacy_only_replaces_our_events(dictionaries: dict[str, Path]) -> None:
    config = Config(
        verbs_file=dictionaries["verbs"],
        actor_dict_files=(dictionaries["actors"],),
        legacy_only=True,
    )
    analysis = newsevents.analyze("Kestria condemned Valdoria and demanded talks.", config=config)
    assert [(e.cameo, e.source_code, e.target_code) for e in analysis.events] == [
        ("122", "KES", "VAL")
    ]


def test_without_dictionaries_the_step_does_nothing() -> None:
    analysis = newsevents.analyze("Kestria condemned Valdoria.")
    assert all(e.source_code != "KES" for e in analysis.events)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"legacy_only": True},
        {"verbs_file": Path("verbs.txt")},
        {"verbs_file": Path("/nonexistent/verbs.txt"), "actor_dict_files": (Path("a.txt"),)},
    ],
)
def test_legacy_settings_are_checked(kwargs: dict[str, object]) -> None:
    with pytest.raises(NewseventsError):
        Config(**kwargs)  # type: ignore[arg-type]


def test_eval_events_scores_with_legacy_dictionaries(
    dictionaries: dict[str, Path], shared_data: Path
) -> None:
    from newsevents.eval.events import evaluate

    gold = shared_data / "plover" / "PLOVER_GSR_CAMEO.txt"
    settings = {"verbs_file": dictionaries["verbs"], "actor_dict_files": (dictionaries["actors"],),
                "legacy_only": True}
    result = evaluate(gold, limit=5, settings=settings)
    assert result.sentences == 5
    assert result.types.as_dict()["predicted"] == 0  # our tiny dictionary knows none of them
