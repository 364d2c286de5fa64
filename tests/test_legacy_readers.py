"""Readers of the legacy TABARI/PETRARCH dictionary formats, on snippets written here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsevents.errors import DataError, MissingInputError
from newsevents.legacy.readers import (
    Element,
    load_dictionaries,
    read_actors,
    read_agents,
    read_discards,
    read_issues,
    read_verbs,
)

VERBS = """\
<!-- a verb dictionary written for these tests -->
&FRUIT
+APPLE
+PEAR_
+STONE FRUIT

&WEEKDAY_   # no plurals for this one
+MONDAY
+&FRUIT

--- PLANT [050] ---
PLANT {PLANTS PLANTED}
+DIG_IN {+DUG_IN}  [051]
OLD_+SOW [052]
- * &FRUIT TREES [060]  # a synset, then a word later
- HAS_* $ [061:062]
- + * IN ^ % [063]
- * [###] # the code holds a hash

--- SOW ###
SOW
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_verbs_blocks_verbs_and_codes(tmp_path: Path) -> None:
    d = read_verbs(_write(tmp_path, "t.verbs.txt", VERBS))
    plant, sow = d.blocks
    assert (plant.name, plant.code, sow.name, sow.code) == ("PLANT", "050", "SOW", None)
    verbs = {(v.before, v.verb, v.after): (v.forms, v.code) for v in plant.verbs}
    assert verbs == {
        ((), "PLANT", ()): (("PLANTS", "PLANTED"), None),
        ((), "DIG", ("IN",)): (("DUG",), "051"),
        (("OLD",), "SOW", ()): ((), "052"),
    }


def test_verbs_synsets_get_plurals_unless_marked(tmp_path: Path) -> None:
    d = read_verbs(_write(tmp_path, "t.verbs.txt", VERBS))
    assert d.synsets["FRUIT"] == (
        ("APPLE",),
        ("APPLES",),
        ("PEAR",),
        ("STONE", "FRUIT"),
        ("STONE", "FRUITS"),
    )
    # A label ending with "_" adds no plurals of its own; the nested set keeps its own.
    assert ("MONDAY",) in d.synsets["WEEKDAY"]
    assert ("MONDAYS",) not in d.synsets["WEEKDAY"]
    assert ("APPLES",) in d.synsets["WEEKDAY"]


@pytest.mark.parametrize(
    ("index", "before", "after", "code"),
    [
        (0, (), (Element("synset", "FRUIT"), Element("word", "TREES")), "060"),
        (1, (Element("word", "HAS", tight=True),), (Element("source"),), "061:062"),
        (
            2,
            (Element("target"),),
            (Element("word", "IN"), Element("skip"), Element("compound")),
            "063",
        ),
        (3, (), (), "###"),
    ],
)
def test_verbs_patterns(tmp_path: Path, index: int, before: tuple, after: tuple, code: str) -> None:
    pattern = read_verbs(_write(tmp_path, "t.verbs.txt", VERBS)).blocks[0].patterns[index]
    assert (pattern.before, pattern.after, pattern.code) == (before, after, code)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("--- A [010] ---\nA\n- * B\n", r"no \[code\]"),
        ("--- A [010] ---\nA\n- B [011]\n", "exactly one '*'"),
        ("--- A [010] ---\nA\n- * &NOPE [011]\n", "undefined synset"),
        ("- * B [011]\n", "outside a verb block"),
        ("STRAY\n", "outside any synset"),
    ],
)
def test_verbs_malformed_lines_name_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, "bad.verbs.txt", "# header\n" + text)
    with pytest.raises(DataError, match=message) as info:
        read_verbs(path)
    assert f"{path}:" in str(info.value)
    lenient = read_verbs(path, strict=False)
    assert len(lenient.skipped) == 1


ACTORS = """\
<!-- an actor dictionary written for these tests -->
RIVERLAND_ [RVL]
+RIVERLANDER
+THE_RIVER_KINGDOM

DUKE OF MARSH   # dated codes on indented lines
\t[MRSGOV 20050101-20091231]
\t[MRSELI >100101]
\t[MRS]

TWIN_CITIES [AAA/BBB]
OLD_PORT  [OPT <891231]
NOBODY [---]
"""


def test_actors_phrases_synonyms_and_codes(tmp_path: Path) -> None:
    d = read_actors(_write(tmp_path, "t.actors.txt", ACTORS))
    river = d.index[("RIVERLANDER",)]
    assert river is d.index[("THE", "RIVER", "KINGDOM")]
    assert river.codes_on(None) == ["RVL"]
    assert d.index[("TWIN", "CITIES")].codes_on(None) == ["AAA", "BBB"]


@pytest.mark.parametrize(
    ("day", "codes"),
    [
        (dt.date(2004, 12, 31), ["MRS"]),
        (dt.date(2005, 1, 1), ["MRSGOV"]),  # ends of a range are included
        (dt.date(2009, 12, 31), ["MRSGOV"]),
        (dt.date(2010, 1, 1), ["MRSELI"]),  # YYMMDD: 10 is 2010
        (None, ["MRS"]),
    ],
)
def test_actors_dated_codes(tmp_path: Path, day: dt.date | None, codes: list[str]) -> None:
    d = read_actors(_write(tmp_path, "t.actors.txt", ACTORS))
    assert d.index[("DUKE", "OF", "MARSH")].codes_on(day) == codes


def test_actors_restricted_only_gives_nothing_outside_its_dates(tmp_path: Path) -> None:
    d = read_actors(_write(tmp_path, "t.actors.txt", ACTORS))
    port = d.index[("OLD", "PORT")]
    assert port.codes_on(dt.date(1989, 12, 31)) == ["OPT"]  # 89 is 1989
    assert port.codes_on(dt.date(1990, 1, 1)) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("X [ABC 2004017-20061201]\n", "bad date"),
        ("X [ABC 050101+060101]\n", "bad date restriction"),
        ("X [<950101]\n", "without a code"),
        ("\t[ABC]\n", "before any actor"),
        ("+Y\n", "before any actor"),
        ("X [ABC\n", "unbalanced"),
    ],
)
def test_actors_malformed(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, "bad.actors.txt", "# header\n" + text)
    with pytest.raises(DataError, match=f"{path}:2: .*{message}"):
        read_actors(path)
    assert read_actors(path, strict=False).skipped == [f"{path}:2: {text.strip()}"]


AGENTS = """\
!WORKER! = HAND, HANDS
FARM!WORKER! [~AGR]
HARBOUR_MASTER [~GOV]
SHEEP {} [~AGR]
MOUSE {MICE} [~PST]
CHARITY [NGO~]
"""


@pytest.mark.parametrize(
    ("phrase", "code", "prefix"),
    [
        (("FARMHAND",), "AGR", False),
        (("FARMHANDS",), "AGR", False),
        (("HARBOUR", "MASTERS"), "GOV", False),
        (("SHEEP",), "AGR", False),
        (("MICE",), "PST", False),
        (("CHARITIES",), "NGO", True),
    ],
)
def test_agents_expansions(tmp_path: Path, phrase: tuple, code: str, prefix: bool) -> None:
    d = read_agents(_write(tmp_path, "t.agents.txt", AGENTS))
    entry = d.index[phrase]
    assert (entry.code, entry.prefix) == (code, prefix)


def test_agents_no_plural_when_braces_empty(tmp_path: Path) -> None:
    d = read_agents(_write(tmp_path, "t.agents.txt", AGENTS))
    assert ("SHEEPS",) not in d.index
    assert ("MOUSES",) not in d.index


@pytest.mark.parametrize(
    "text", ["CLERK [GOV]\n", "CLERK\n", "!NOPE!_CLERK [~GOV]\n", "CLERK {CLERKS [~GOV]\n"]
)
def test_agents_malformed(tmp_path: Path, text: str) -> None:
    path = _write(tmp_path, "bad.agents.txt", text)
    with pytest.raises(DataError, match=f"{path}:1:"):
        read_agents(path)


def test_discards(tmp_path: Path) -> None:
    path = _write(tmp_path, "t.discards.txt", "CUP FINAL\n+HORSE_RACE  # story\nSNOOKER_\n")
    got = [(d.phrase, d.story, d.exact) for d in read_discards(path)]
    assert got == [
        ("CUP FINAL", False, False),
        ("HORSE RACE", True, False),
        ("SNOOKER", False, True),
    ]


ISSUES = """\
<ISSUE CATEGORY="WATER" TYPE="ALL">
n:well [WELLS]
v:irrigate land [IRRIGATION]
under+ground river [AQUIFER]
~wishing well
</ISSUE>
"""


def test_issues(tmp_path: Path) -> None:
    d = read_issues(_write(tmp_path, "t.issues.txt", ISSUES))
    by_line = {p.line: p for p in d.phrases}
    assert by_line[2].variants == ("WELL", "WELLS")
    assert "IRRIGATED LAND" in by_line[3].variants
    assert set(by_line[4].variants) == {"UNDER GROUND RIVER", "UNDER-GROUND RIVER"}
    assert (by_line[5].code, by_line[5].category) == (None, "WATER")


@pytest.mark.parametrize(
    "text", ["n:well [WELLS]\n", '<ISSUE CATEGORY="W">\nwell\n</ISSUE>\n', '<ISSUE CATEGORY="W">\n']
)
def test_issues_malformed(tmp_path: Path, text: str) -> None:
    with pytest.raises(DataError):
        read_issues(_write(tmp_path, "bad.issues.txt", text))


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(MissingInputError):
        read_verbs(tmp_path / "absent.txt")


def test_load_dictionaries_merges_actor_files(tmp_path: Path) -> None:
    extra = _write(tmp_path, "extra.actors.txt", "HILLFOLK [HLL]\n+RIVERLANDER [XXX]\n")
    d = load_dictionaries(
        _write(tmp_path, "v.txt", VERBS),
        [_write(tmp_path, "a.txt", ACTORS), extra],
        _write(tmp_path, "g.txt", AGENTS),
    )
    assert d.actors.index[("HILLFOLK",)].codes_on(None) == ["HLL"]
    # A phrase already known keeps its first record.
    assert d.actors.index[("RIVERLANDER",)].codes_on(None) == ["RVL"]
    assert d.skipped == []


@pytest.mark.shared_data
@pytest.mark.parametrize(
    "name",
    ["PETR.Validate.verbs.txt", "PETR.Validate.actors.txt", "PETR.Validate.agents.txt"],
)
def test_validation_dictionaries_read_strictly(shared_data: Path, name: str) -> None:
    path = shared_data / "petrarch2" / name
    reader = {"verbs": read_verbs, "actors": read_actors, "agents": read_agents}[name.split(".")[2]]
    d = reader(path)
    assert d.skipped == []
    assert len(getattr(d, "blocks", None) or getattr(d, "entries", [])) > 10
