"""The legacy coder on sentences written here, with dictionaries written here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsevents.formats import validate
from newsevents.legacy.coder import LegacyCoder, actor_fields, code_analysis, regular_forms
from newsevents.legacy.plover import PloverEntry
from newsevents.legacy.readers import load_dictionaries
from newsevents.model import Analysis, Article

VERBS = """\
&GOODS
+GRAIN
+TIMBER

--- PRAISE [051] ---
PRAISE
- * &GOODS DEAL [057]

--- VISIT [042:043] ---
VISIT

--- WELCOME [050] ---
WELCOME
- * WITH % [036]

--- MEET [040] ---
MEET {MET}
- % * [040:040]

--- CALL OFF [---] ---
+CALL_OFF
- * TALKS [128]

--- SAY [010] ---
SAY {SAID}
"""
ACTORS = """\
VALDORIA [VAL]
+VALDORIAN
KESTRIA [KES]
NORTH_MARCH [NMR]
HARBOUR_GUILD [NGOHBG]
DUKE_ORREN
\t[VALGOV 20100101-20141231]
\t[VALELI]
"""
AGENTS = """\
MINISTER [~GOV]
FARMER [~AGR]
RELIEF_AGENCY [NGO~]
"""
DISCARDS = "+CUP FINAL\nCHESS MATCH\n"
PLOVER = {"05": PloverEntry("SUPPORT", None, ()), "051": PloverEntry("SUPPORT", "x", ("y",))}


@pytest.fixture(scope="module")
def coder(tmp_path_factory: pytest.TempPathFactory) -> LegacyCoder:
    folder = tmp_path_factory.mktemp("dicts")
    paths = {}
    for name, text in [("v", VERBS), ("a", ACTORS), ("g", AGENTS), ("d", DISCARDS)]:
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    dicts = load_dictionaries(paths["v"], paths["a"], paths["g"], paths["d"], strict=True)
    return LegacyCoder(dicts, PLOVER)


def _code(
    nlp, coder: LegacyCoder, text: str, day: dt.date | None = None
) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {(c.source, c.target, c.code) for c in coder.code_doc(nlp(text), day)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The verb alone gives its block's code; subject → object.
        ("Valdoria praised Kestria on Monday.", {("VAL", "KES", "051")}),
        # A synset word after the verb selects the pattern.
        ("Valdoria praised the timber deal with Kestria.", {("VAL", "KES", "057")}),
        # Agents compose with the actor of their phrase, or of its "of" phrase.
        ("The Valdorian minister praised Kestria.", {("VALGOV", "KES", "051")}),
        ("The farmers of Kestria praised Valdoria.", {("KESAGR", "VAL", "051")}),
        ("A relief agency from Kestria praised Valdoria.", {("NGOKES", "VAL", "051")}),
        # A paired code [A:B] also codes B back.
        (
            "The minister of Kestria visited North March.",
            {("KESGOV", "NMR", "042"), ("NMR", "KESGOV", "043")},
        ),
        # Conjoined subjects each act.
        (
            "Valdoria and Kestria praised North March.",
            {("VAL", "NMR", "051"), ("KES", "NMR", "051")},
        ),
        # % before the verb: the members act on each other.
        (
            "Valdoria and Kestria met in the capital.",
            {("VAL", "KES", "040"), ("KES", "VAL", "040")},
        ),
        # % after the verb: the subject acts on each member.
        (
            "North March welcomed talks with Valdoria and Kestria.",
            {("NMR", "VAL", "036"), ("NMR", "KES", "036")},
        ),
        # A passive with a by-agent: the agent is the source.
        ("Kestria was praised by Valdoria.", {("VAL", "KES", "051")}),
        # A multi-word verb needs its particle; its pattern codes the event.
        ("Valdoria called off the talks with Kestria.", {("VAL", "KES", "128")}),
        # No target phrase with a code: no event (PETRARCH's require_dyad).
        ("Valdoria praised the weather.", set()),
        # A pronoun subject stands for the subject of the clause above; the saying verb
        # takes the first coded phrase of its clause as target, as PETRARCH does.
        ("Valdoria said it would praise Kestria.", {("VAL", "KES", "051"), ("VAL", "KES", "010")}),
        # Discards: a sentence-level phrase drops the sentence, a story-level one the story.
        ("Valdoria praised Kestria after the chess match.", set()),
        ("Valdoria praised Kestria. Kestria hosted the cup final.", set()),
    ],
)
def test_coder_sentences(nlp, coder: LegacyCoder, text: str, expected: set) -> None:  # type: ignore[no-untyped-def]
    assert _code(nlp, coder, text) == expected


@pytest.mark.parametrize(
    ("day", "code"),
    [(dt.date(2012, 6, 1), "VALGOV"), (dt.date(2016, 6, 1), "VALELI"), (None, "VALELI")],
)
def test_coder_dated_codes(nlp, coder: LegacyCoder, day: dt.date | None, code: str) -> None:  # type: ignore[no-untyped-def]
    assert _code(nlp, coder, "Duke Orren praised Kestria.", day) == {(code, "KES", "051")}


@pytest.mark.parametrize(
    ("verb", "forms"),
    [
        ("PLANT", ("PLANT", "PLANTS", "PLANTED", "PLANTING")),
        ("PRAISE", ("PRAISE", "PRAISES", "PRAISED", "PRAISING")),
        ("CARRY", ("CARRY", "CARRIES", "CARRIED", "CARRYING")),
        ("PASS", ("PASS", "PASSES", "PASSED", "PASSING")),
    ],
)
def test_regular_forms(verb: str, forms: tuple[str, ...]) -> None:
    assert regular_forms(verb) == forms


@pytest.mark.parametrize(
    ("code", "fields"),
    [
        ("VAL", ("state", "VAL", None)),
        ("VALGOV", ("organization", "VAL", "GOV")),
        ("KESREB", ("group", "KES", "REB")),
        ("NGOHBG", ("organization", None, "NGO")),
        ("---GOV", ("organization", None, "GOV")),
    ],
)
def test_actor_fields(code: str, fields: tuple) -> None:
    assert actor_fields(code) == fields


def test_code_analysis_gives_valid_actors_and_events(nlp, coder: LegacyCoder) -> None:  # type: ignore[no-untyped-def]
    text = "Valdoria praised Kestria on Monday. The minister of Kestria visited North March."
    doc = nlp(text)
    analysis = Analysis(Article("0" * 64, text, published=dt.date(2020, 1, 1)))
    analysis.sentences = [(s.start_char, s.end_char) for s in doc.sents]
    analysis.doc = doc
    actors, events = code_analysis(analysis, coder)
    # 042/043 (visits) have no entry in this test's PLOVER table: only the praise is typed.
    assert [(e.plover, e.plover_mode, e.cameo, e.source_code, e.target_code) for e in events] == [
        ("SUPPORT", "x", "051", "VAL", "KES")
    ]
    assert events[0].trigger.text == "praised"
    assert {a.cameo: a.kind for a in actors} == {"VAL": "state", "KES": "state"}
    analysis.actors, analysis.events, analysis.doc = actors, events, None
    validate(analysis.to_dict())


def test_code_analysis_on_the_example_article_validates(
    nlp, coder: LegacyCoder, example_text: str
) -> None:  # type: ignore[no-untyped-def]
    import newsevents

    analysis = newsevents.analyze(example_text)
    analysis.doc = nlp(analysis.article.text)
    actors, events = code_analysis(analysis, coder)
    analysis.actors, analysis.events, analysis.doc = actors, events, None
    validate(analysis.to_dict())


def test_code_analysis_needs_the_doc(coder: LegacyCoder) -> None:
    from newsevents.errors import InputError

    with pytest.raises(InputError):
        code_analysis(Analysis(Article("t", "Text.")), coder)


def test_strict_loading_refuses_a_broken_pattern(tmp_path: Path) -> None:
    # The fixture reads dictionaries strictly: a broken file must raise, not pass quietly.
    from newsevents.errors import DataError

    bad = tmp_path / "v.txt"
    bad.write_text("--- X [010] ---\nX\n- X [011]\n", encoding="utf-8")
    good = tmp_path / "a.txt"
    good.write_text(ACTORS, encoding="utf-8")
    agents = tmp_path / "g.txt"
    agents.write_text(AGENTS, encoding="utf-8")
    with pytest.raises(DataError):
        load_dictionaries(bad, good, agents, strict=True)
