"""The knowledge base: our files load, their indexes answer, dated roles resolve."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from newsevents.actors.kb import Entry, Role, load_kb, norm, parse_entry
from newsevents.errors import DataError

KB_DIR = Path(__file__).resolve().parents[1] / "src" / "newsevents" / "data" / "kb"



@pytest.mark.parametrize("name", ["countries.yaml", "organizations.yaml"])
def test_kb_files_are_sorted_with_unique_ids(name: str) -> None:
    entries = yaml.safe_load((KB_DIR / name).read_text(encoding="utf-8"))
    ids = [e["id"] for e in entries]
    assert ids == sorted(ids)
    assert len(ids) == len(set(ids))


def test_kb_holds_every_un_member_and_the_disputed_entities(kb) -> None:  # type: ignore[no-untyped-def]
    entries = yaml.safe_load((KB_DIR / "countries.yaml").read_text(encoding="utf-8"))
    assert sum(e.get("status") == "member" for e in entries) == 193
    for code in ("XKX", "TWN", "PSE", "ESH", "XAB", "XSO", "XTR", "XNC", "XSL", "VAT"):
        assert kb.entries[code].kind == "state"


@pytest.mark.parametrize(
    ("text", "entry_id", "via"),
    [
        ("Kyiv", "UKR", "metonym"),
        ("the Kremlin", "RUS", "metonym"),
        ("Downing Street", "GBR", "metonym"),
        ("Pentagon", "USA", "metonym"),
        ("Brussels", "igo/eu", "metonym"),
        ("U.S.", "USA", "alias"),
        ("Ukrainian", "UKR", "demonym"),
        ("Burma", "MMR", "alias"),
        ("Crimea", "UKR", "region"),
        ("Western leaders", "bloc/west", "alias"),
        ("North Atlantic Treaty Organization", "igo/nato", "alias"),
    ],
)
def test_kb_lookup_finds_names_metonyms_and_demonyms(kb, text: str, entry_id: str, via: str) -> None:  # type: ignore[no-untyped-def]
    surfaces = kb.lookup(text)
    assert any(s.entry_id == entry_id and s.via == via for s in surfaces)


def test_kb_short_acronyms_need_capitals(kb) -> None:  # type: ignore[no-untyped-def]
    assert kb.lookup("US")
    assert not kb.lookup("us")


def test_kb_fuzzy_finds_a_misspelt_state_but_not_a_short_neighbour(kb) -> None:  # type: ignore[no-untyped-def]
    found = kb.fuzzy("Ukriane")
    assert found is not None and found[0].entry_id == "UKR" and 0.8 < found[2] < 1
    assert kb.fuzzy("Iraq") is None  # too short to guess: never Iran


@pytest.mark.parametrize(
    ("day", "title"),
    [(dt.date(2016, 1, 1), "Minister"), (dt.date(2021, 1, 1), "President"), (None, "President")],
)
def test_kb_role_on_a_date(day: dt.date | None, title: str) -> None:
    entry = Entry(
        "person/x", "person", "X Y",
        roles=(Role("Minister", "AAA", "GOV", dt.date(2014, 1, 1), dt.date(2019, 1, 1)),
               Role("President", "AAA", "GOV", dt.date(2019, 1, 2), None)),
    )  # fmt: skip
    role = entry.role_on(day)
    assert role is not None and role.title == title


def test_kb_role_on_a_date_outside_every_role_is_none() -> None:
    entry = Entry("person/x", "person", "X", roles=(Role("Minister", "AAA", "GOV",
                  dt.date(2014, 1, 1), dt.date(2019, 1, 1)),))  # fmt: skip
    assert entry.role_on(dt.date(2020, 1, 1)) is None
    assert entry.last_role_before(dt.date(2020, 1, 1)) is not None


@pytest.mark.parametrize(
    "raw",
    [{"id": "x"}, {"id": "x", "kind": "planet", "name": "X"}, "just text",
     {"id": "x", "kind": "person", "name": "X", "roles": [{"title": "T", "start": "May 2"}]}],
)  # fmt: skip
def test_kb_malformed_entries_raise_data_error(raw: object) -> None:
    with pytest.raises(DataError):
        parse_entry(raw, "test.yaml")


def test_kb_user_file_overrides_an_entry_by_id(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("- {id: UKR, kind: state, name: Ukraina, aliases: [Ukrayina]}\n", "utf-8")
    kb = load_kb((extra,))
    assert kb.entries["UKR"].name == "Ukraina"
    assert kb.lookup("Ukrayina")[0].entry_id == "UKR"


@pytest.mark.parametrize(
    ("text", "key"),
    [("the U.S.", "us"), ("Élysée", "elysee"), ("Russia’s", "russia's"), ("Guinea-Bissau", "guinea bissau")],
)
def test_kb_norm(text: str, key: str) -> None:
    assert norm(text) == key


def test_kb_descriptor_word_lists_load_sorted_and_apart() -> None:
    """act_nouns and agent_participles are sorted, and no act noun is itself a sector word."""
    from importlib import resources

    import yaml

    from newsevents.actors.kb import load_kb

    raw = yaml.safe_load(
        (resources.files("newsevents") / "data" / "kb" / "descriptors.yaml").read_text("utf-8")
    )
    for key in ("act_nouns", "agent_participles", "state_nouns", "body_nouns"):
        assert raw[key] == sorted(raw[key]), key
    kb = load_kb()
    assert "proposal" in kb.act_nouns and "mediated" in kb.agent_participles
    assert not kb.act_nouns & set(kb.descriptors)
