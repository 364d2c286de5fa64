"""The people files of the actor knowledge base: format, consistency and dated facts.

Reads ``people-leaders.yaml`` (generated from the CIA World Factbook) and
``people-officials.yaml`` (written by hand) with PyYAML directly, so these checks do not
depend on the knowledge-base loader.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
KB = ROOT / "src" / "newsevents" / "data" / "kb"
FILES = ("people-leaders.yaml", "people-officials.yaml")
#: Codes pycountry does not know that the KB uses on purpose (see docs/kb-people.md).
EXTRA_COUNTRIES = {"XKX"}  # Kosovo: the user-assigned code the EU and IMF use
#: Roles in international bodies name the body's KB id instead of a country.
BODY = re.compile(r"^(igo|bloc)/[a-z0-9-]+$")
SECTORS = {"GOV", "MIL", "LEG", "JUD", "IGO", "OPP"}
ENTRY_KEYS = {"id", "kind", "name", "aliases", "gender", "roles", "source"}
ROLE_KEYS = {"title", "country", "sector", "start", "end"}


def _load(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((KB / name).read_text(encoding="utf-8"))
    assert isinstance(data, list), f"{name} must be a list of entries"
    return data


@pytest.fixture(scope="module")
def people() -> dict[str, list[dict[str, Any]]]:
    """Each people file's entries, by file name."""
    return {name: _load(name) for name in FILES}


@pytest.fixture(scope="module")
def everyone(people: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """All person entries of both files."""
    return [e for entries in people.values() for e in entries]


def _known_country(code: str) -> bool:
    return code in EXTRA_COUNTRIES or pycountry.countries.get(alpha_3=code) is not None


@pytest.mark.parametrize("name", FILES)
def test_kb_people_entries_follow_the_format(people: dict[str, list[dict[str, Any]]],
                                             name: str) -> None:
    for e in people[name]:
        where = f"{name}: {e.get('id')}"
        keys = set(e) - {"country"}  # optional: own country of someone with offices in several
        assert keys == ENTRY_KEYS, f"{where}: keys {sorted(keys ^ ENTRY_KEYS)}"
        if "country" in e:
            assert e["country"] in {r["country"] for r in e["roles"]}, where
        assert e["kind"] == "person", where
        assert re.fullmatch(r"person/[a-z0-9]+(-[a-z0-9]+)*", e["id"]), where
        assert isinstance(e["name"], str) and e["name"].strip() == e["name"] != "", where
        assert isinstance(e["aliases"], list), where
        assert all(isinstance(a, str) and a for a in e["aliases"]), where
        assert e["name"] not in e["aliases"], f"{where}: name repeated as alias"
        assert e["gender"] in {"m", "f", None}, where
        assert isinstance(e["source"], str) and e["source"], where
        assert e["roles"], f"{where}: no roles"
        for r in e["roles"]:
            assert set(r) == ROLE_KEYS, f"{where}: role keys {sorted(set(r) ^ ROLE_KEYS)}"
            assert isinstance(r["title"], str) and r["title"], where
            assert _known_country(r["country"]) or BODY.match(r["country"]), \
                f"{where}: unknown country {r['country']!r}"
            assert r["sector"] in SECTORS, f"{where}: sector {r['sector']!r}"
            for key in ("start", "end"):
                assert r[key] is None or isinstance(r[key], dt.date), f"{where}: {key}"
            if r["start"] and r["end"]:
                assert r["start"] <= r["end"], f"{where}: {r['title']} ends before it starts"


@pytest.mark.parametrize("name", FILES)
def test_kb_people_files_are_sorted_by_id(people: dict[str, list[dict[str, Any]]],
                                          name: str) -> None:
    ids = [e["id"] for e in people[name]]
    assert ids == sorted(ids)


def test_kb_people_ids_are_unique_across_files(everyone: list[dict[str, Any]]) -> None:
    dup = [i for i, n in Counter(e["id"] for e in everyone).items() if n > 1]
    assert dup == []


def test_kb_people_one_person_holds_one_office_at_a_time(everyone: list[dict[str, Any]]) -> None:
    far = dt.date(9999, 1, 1)
    for e in everyone:
        roles = sorted(e["roles"], key=lambda r: (r["title"], r["country"],
                                                  r["start"] or dt.date.min))
        for a, b in itertools.pairwise(roles):
            if (a["title"], a["country"]) != (b["title"], b["country"]):
                continue
            assert (a["end"] or far) <= (b["start"] or dt.date.min), \
                f"{e['id']}: overlapping {a['title']} roles in {a['country']}"


def test_kb_people_roles_reach_into_2014_or_later(everyone: list[dict[str, Any]]) -> None:
    for e in everyone:
        assert any(r["end"] is None or r["end"] >= dt.date(2014, 1, 1) for r in e["roles"]), \
            e["id"]


def test_kb_people_leaders_leave_officials_to_their_file(
        people: dict[str, list[dict[str, Any]]]) -> None:
    # One entry per person: a leader who is also an official lives in the officials file.
    officials = {n.lower() for e in people["people-officials.yaml"] for n in [e["name"]]}
    leaders = {e["name"].lower() for e in people["people-leaders.yaml"]}
    assert officials & leaders == set()


def _holders(everyone: list[dict[str, Any]], country: str, title: str,
             day: dt.date) -> list[str]:
    """Return the names of whoever held ``title`` of ``country`` on ``day``."""
    return sorted(
        e["name"] for e in everyone for r in e["roles"]
        if r["country"] == country and r["title"] == title
        and (r["start"] is None or r["start"] <= day) and (r["end"] is None or day <= r["end"]))


@pytest.mark.parametrize(("country", "title", "day", "name"), [
    ("USA", "President", "2023-01-20", "Joe Biden"),
    ("USA", "President", "2025-06-01", "Donald Trump"),
    ("GBR", "Prime Minister", "2022-10-01", "Liz Truss"),  # between two Factbook snapshots
    ("GBR", "Prime Minister", "2022-08-01", "Boris Johnson"),
    ("ISR", "Prime Minister", "2022-09-01", "Yair Lapid"),
    ("DEU", "Chancellor", "2023-06-01", "Olaf Scholz"),
    ("RUS", "President", "2022-02-24", "Vladimir Putin"),
    ("UKR", "President", "2022-02-24", "Volodymyr Zelensky"),
    ("BRA", "President", "2024-01-01", "Luiz Inácio Lula da Silva"),
    ("TUR", "President", "2020-01-01", "Recep Tayyip Erdoğan"),
    ("IRN", "Supreme Leader", "2020-01-01", "Ali Hoseini-Khamenei"),
    ("FRA", "Prime Minister", "2025-01-15", "François Bayrou"),
    # holders the 2021-2025 editions print with a second office, no capitals or lost letters
    ("FRA", "Prime Minister", "2023-06-01", "Élisabeth Borne"),
    ("QAT", "Prime Minister", "2024-06-01", "Muhammad bin Abd al-Rahman Al Thani"),
    ("ARE", "Prime Minister", "2024-06-01", "Muhammad Bin Rashid Al-Maktum"),
    ("SRB", "Prime Minister", "2024-08-01", "Milos Vucevic"),
    ("SDN", "Chairman of the Sovereign Council", "2024-06-01",
     "Abd-al-Fattah al-Burhan Abd-al-Rahman"),
    ("SDN", "President", "2020-01-01", None),
    ("USA", "Secretary of State", "2023-06-01", "Antony Blinken"),
    ("USA", "Secretary of State", "2025-06-01", "Marco Rubio"),
    ("RUS", "Foreign Minister", "2022-03-01", "Sergei Lavrov"),
    ("RUS", "Defence Minister", "2023-01-01", "Sergei Shoigu"),
    ("RUS", "Defence Minister", "2025-01-01", "Andrei Belousov"),
    ("RUS", "Kremlin spokesman", "2022-11-15", "Dmitry Peskov"),
    ("UKR", "Foreign Minister", "2023-01-01", "Dmytro Kuleba"),
    ("UKR", "Defence Minister", "2022-03-01", "Oleksii Reznikov"),
    ("CHN", "Foreign Minister", "2023-03-01", "Qin Gang"),
    ("TUR", "Foreign Minister", "2020-01-01", "Mevlüt Çavuşoğlu"),
    ("igo/nato", "Secretary General", "2020-01-01", "Jens Stoltenberg"),
    ("igo/nato", "Secretary General", "2025-01-01", "Mark Rutte"),
    ("igo/eu", "High Representative for Foreign Affairs and Security Policy", "2025-03-01",
     "Kaja Kallas"),
    ("igo/un", "Secretary-General", "2022-01-01", "António Guterres"),
    ("igo/iaea", "Director General", "2022-09-01", "Rafael Grossi"),
])
def test_kb_people_knows_who_held_an_office_on_a_day(
        everyone: list[dict[str, Any]], country: str, title: str, day: str,
        name: str | None) -> None:
    expected = [name] if name else []
    assert _holders(everyone, country, title, dt.date.fromisoformat(day)) == expected


def test_kb_people_no_common_given_name_is_an_alias(everyone: list[dict[str, Any]]) -> None:
    # "Muhammad" alone would make every Muhammad in the news a Gulf ruler
    aliases = {a for e in everyone for a in e.get("aliases") or []}
    assert not aliases & {"Muhammad", "Mohammed", "Abdullah", "Khalid", "Ali", "Ibrahim"}


@pytest.mark.parametrize(("name", "alias"), [
    ("Volodymyr Zelensky", "Zelenskyy"), ("Volodymyr Zelensky", "Zelenskiy"),
    ("Volodymyr Zelensky", "Zelenskyi"), ("Recep Tayyip Erdoğan", "Erdogan"),
    ("Mevlüt Çavuşoğlu", "Cavusoglu"), ("Ursula von der Leyen", "von der Leyen"),
    ("Benjamin Netanyahu", "Netanyahu"), ("Luiz Inácio Lula da Silva", "Lula"),
    ("Alexander Lukashenko", "Lukashenka"), ("Dmitry Peskov", "Peskov"),
])
def test_kb_people_carry_spelling_variants(everyone: list[dict[str, Any]], name: str,
                                           alias: str) -> None:
    (entry,) = [e for e in everyone if e["name"] == name]
    assert alias in entry["aliases"]


def test_kb_people_leaders_names_are_repaired(people: dict[str, list[dict[str, Any]]]) -> None:
    # The 2021-2025 editions lost accented letters ("Luiz In cio LULA da Silva").
    names = {e["name"] for e in people["people-leaders.yaml"]}
    assert {"Santiago Peña Palacios", "François Bayrou", "Luiz Inácio Lula da Silva"} <= names
    assert not any(re.search(r"\bIn cio\b|\bPE A\b|^[a-z]", n) for n in names)


def _build_module() -> Any:
    path = ROOT / "scripts" / "build_leaders_kb.py"
    spec = importlib.util.spec_from_file_location("build_leaders_kb", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_leaders_kb"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.shared_data
def test_kb_people_leaders_file_is_what_the_script_builds(shared_data: Path,
                                                          tmp_path: Path) -> None:
    build = _build_module()
    out = tmp_path / "people-leaders.yaml"
    assert build.main(["--data", str(shared_data / "leaders"), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (KB / "people-leaders.yaml").read_text(
        encoding="utf-8"), "people-leaders.yaml is stale: run scripts/build_leaders_kb.py"
