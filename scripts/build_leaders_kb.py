#!/usr/bin/env python3
"""Build ``src/newsevents/data/kb/people-leaders.yaml`` from CIA World Factbook snapshots.

Reads, at run time, the public Factbook data under ``../shared/data/leaders/`` (see
``/work/shared/data/MANIFEST.md``, section ``leaders/``): the ``Executive branch`` field of the
editions 2013-2017 and 2021-2025 (T-SQL INSERT tuples) and of the end-2020 JSON snapshot. Each
snapshot lists the chief of state and the head of government with a "(since D Month YYYY)" date;
a holder's end date is the start of whoever holds the office in the next snapshot.

Usage::

    python3 scripts/build_leaders_kb.py [--data ../shared/data/leaders] [--out FILE]

The output is deterministic (sorted by id) and committed. People that
``people-officials.yaml`` defines (by id) are left out, so that each person has one entry.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent))
from leaders_kb_names import (
    DAMAGED,
    DISPLAY,
    ENDS,
    FEMALE,
    KEY_OVERRIDE,
    SKIP_HOLDERS,
    STARTS,
    TRANSLITERATIONS,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "leaders"
DEFAULT_OUT = ROOT / "src" / "newsevents" / "data" / "kb" / "people-leaders.yaml"
OFFICIALS = ROOT / "src" / "newsevents" / "data" / "kb" / "people-officials.yaml"

SQL_EDITIONS = (2013, 2014, 2015, 2016, 2017, 2021, 2022, 2023, 2024, 2025)
JSON_EDITION = "2020-12"
#: Roles that ended before this date are out of the knowledge base's range.
FIRST_DAY = dt.date(2014, 1, 1)
#: Entity types of the archive kept as countries; territories' leaders are their sovereign's.
KEPT_TYPES = {"sovereign", "freely_associated", "disputed"}
#: Entities the archive gives no ISO alpha-2 code, or that share one.
EXTRA_ISO3 = {"KV": "XKX", "WE": "PSE"}  # Kosovo (user-assigned code); West Bank = Palestine
SKIP_CODES = {"GZ", "WI", "PF", "PG"}  # Gaza (same PA leaders as West Bank), W. Sahara, islets

MONTHS = {m[:3]: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
LABEL = re.compile(
    r"(chief of state|head of state|head of government|cabinet|elections/appointments|"
    r"election/appointment process|election results|expected date of next election|"
    r"most recent election date|note(?: \d)?):"
)
ROW = re.compile(r"\((\d+), (\d+), (\d+), N'Executive branch', N'((?:[^']|'')*)'\)")
SINCE = re.compile(
    r"\((?:[^()]*?\b(?:since|sworn in|reappointed|inaugurated) |(?=\d))(\d{1,2} )?"
    r"((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? )?(\d{4})\b")
DEFAULT_TITLE = {"HOS": "President", "HOG": "Prime Minister"}
#: Title phrases, longest first; the value is the title as news writes it ("" = drop person).
TITLES: list[tuple[str, str]] = sorted([
    ("President of the Government (Prime Minister-equivalent)", "Prime Minister"),
    ("President of the Government", "Prime Minister"),
    ("President of the Government of Spain (prime minister-equivalent)", "Prime Minister"),
    ("President of the Swiss Confederation", "President"),
    ("President of the Republic", "President"),
    ("President of the Islamic Republic of Afghanistan", "President"),
    ("President of China", "President"),
    ("Executive President", "President"), ("Interim President", "Interim President"),
    ("Acting President", "Acting President"), ("Transitional President", "Interim President"),
    ("Transition President", "Interim President"),
    ("[Transitional] President", "Interim President"),
    ("President", "President"),
    ("Prime Minister and Minister of Interior", "Prime Minister"),
    ("Prime Minister", "Prime Minister"), ("Interim Prime Minister", "Interim Prime Minister"),
    ("Acting Prime Minister", "Acting Prime Minister"),
    ("Caretaker Prime Minister", "Caretaker Prime Minister"),
    ("Transition Prime Minister", "Interim Prime Minister"),
    ("Transitional Prime Minister", "Interim Prime Minister"),
    ("[Transitional] Prime Minister", "Interim Prime Minister"),
    ("Crown Prince and Prime Minister", "Prime Minister"),
    ("King and Prime Minister", "King"), ("Sultan and Prime Minister", "Sultan"),
    ("Premier", "Premier"), ("Chancellor", "Chancellor"), ("Federal Chancellor", "Chancellor"),
    ("Taoiseach (Prime Minister)", "Taoiseach"), ("Taoiseach", "Taoiseach"),
    ("King", "King"), ("Queen", "Queen"), ("Emperor", "Emperor"), ("Amir", "Emir"),
    ("Sultan", "Sultan"), ("King Sultan", "King"), ("Grand Duke", "Grand Duke"),
    ("Prince", "Prince"), ("Pope", "Pope"), ("Supreme Leader", "Supreme Leader"),
    ("Co-prince", "Co-Prince"), ("Co-Prince", "Co-Prince"), ("Coprince", "Co-Prince"),
    ("French Co-prince", "Co-Prince"), ("French Co-Prince", "Co-Prince"),
    ("French Coprince", "Co-Prince"), ("and Co-prince", "Co-Prince"),
    ("Captain Regent", "Captain Regent"), ("Captains Regent", "Captain Regent"),
    ("Chairman of the Presidency", "Chairman of the Presidency"),
    ("Chairman of the Presidential Council", "Chairman of the Presidential Council"),
    ("Chairman, Presidential Council,", "Chairman of the Presidential Council"),
    ("Chairperson, Presidential Council", "Chairman of the Presidential Council"),
    ("Chairperson, Presidential Leadership Council", "Chairman of the Presidential Council"),
    ("President, Presidential Council,", "Chairman of the Presidential Council"),
    ("Presidential Leadership Council Chairman", "Chairman of the Presidential Council"),
    ("Chairman of the Transitional Sovereign Council", "Chairman of the Sovereign Council"),
    ("Chairman of the Sovereign Council", "Chairman of the Sovereign Council"),
    ("Sovereign Council Chair", "Chairman of the Sovereign Council"),
    ("Chairman of the State Administration Council",
     "Chairman of the State Administration Council"),
    ("Chairman of the Presidential Council of Libya", "Chairman of the Presidential Council"),
    ("State Affairs Commission Chairman", "Supreme Leader"),
    ("State Affairs Commission President", "Supreme Leader"),
    ("Minister of State", "Minister of State"),
    ("Chairman of the Council of Ministers", "Chairman of the Council of Ministers"),
    ("Chairperson of the Council of Ministers", "Chairman of the Council of Ministers"),
    ("Chairperson of the Presidency", "Chairman of the Presidency"),
    ("Chairman of the Cabinet of Ministers", "Chairman of the Cabinet of Ministers"),
    ("Acting Presidents", ""), ("CNSP Prime Minister", "Prime Minister"),
    ("Prime Minister, SAC Chair,", "Prime Minister"),
    ("Prime Minister, State Administration Council Chair,", "Prime Minister"),
    ("President of Council of Ministers", "President of the Council of Ministers"),
    ("President of the Council of Ministers", "President of the Council of Ministers"),
    ("Head of Government", "Head of Government"),
    ("Taliban Leader", "Supreme Leader"), ("Supreme People's Assembly President", ""),
    ("Privy Council President", ""), ("Speaker of the", ""), ("Secretary of State", ""),
    ("Prime Minister-Designate", ""), ("President-elect", ""),
    # a head of government who holds a second office too (2021-2025 editions)
    ("Prime Minister and Foreign Minister", "Prime Minister"),
    ("Prime Minister and Vice President", "Prime Minister"),
    ("Prime Minister and Co-Vice President", "Prime Minister"),
    ("Prime Minister Vice President", "Prime Minister"),
    ("Vice President and Prime Minister", "Prime Minister"),
    ("Sovereign Council Chair and Commander-in-Chief of the Sudanese Armed Forces",
     "Chairman of the Sovereign Council"),
    ("President of the National Council for the Safeguard of the Homeland (CNSP)", "President"),
    ("Presidential Leadership Council Chairperson", "Chairman of the Presidential Council"),
    ("Prime Minister, State Administration Council (SAC) Chair,", "Prime Minister"),
], key=lambda kv: -len(kv[0]))
DROP_TITLE = re.compile(
    r"\b(vice|deputy|depurty|governor|administrator|lieutenant|commissioner|bailiff|assistant|"
    r"heir|represented|mayor|chief minister|chief executive|high commissioner|presidents)\b",
    re.I)
HONORIFICS = re.compile(
    r"^(?:(?:Sheikh|Shaykh|Ayatollah|Sayyid|Dr\.|Sir|Dame|Ms\.|Mrs\.|Mr\.|Cardinal|Archbishop|"
    r"Bishop|Gen\.|Lt\. Gen\.|Lt\.|Maj\. ?Gen\.|Brig\. Gen\.|Col\.|Capt\.?|General|Colonel|"
    r"Field Marshal|Marshal|Adm\.|Mullah|Haji|Crown Prince|Prince|Princess|Lord|Rev\.|Tan Sri|"
    r"Sr\. Gen\.|Sheikha)\s+)+")
#: A token holding a capitalised name: two upper-case letters in a row (PUTIN, al-ASAD, TÉ).
CAPS = re.compile(r"(?:(?![a-zß-ÿ])[^\W\d_]){2}")
PARTICLES = {"da", "de", "del", "der", "di", "do", "dos", "du", "la", "le", "van", "von", "bin",
             "bint", "ibn", "al", "el", "y", "e", "ben", "ould", "abu", "ter", "den", "of"}
PATRONYMIC = re.compile(r"(ovich|evich|yevich|ovna|evna|yevna|ichna|ogly|kyzy|uly|qizi)$", re.I)
#: Given names too common to name one leader alone: the Factbook capitalises the given name
#: of many Gulf rulers ("MUHAMMAD bin Rashid Al-Maktum"), which would make "Muhammad" an alias.
COMMON_GIVEN_NAMES = {"Abdallah", "Abdul", "Abdullah", "Ahmad", "Ahmed", "Ali",
                      "Hassan", "Hussein", "Ibrahim", "Khalid", "Khalifa", "Mohamed", "Mohammed",
                      "Muhammad", "Muhammed", "Omar"}
POST_SOVIET = {"RUS", "UKR", "BLR", "KAZ", "UZB", "KGZ", "TJK", "TKM", "AZE", "ARM", "MDA"}


@dataclass
class Holder:
    """One person named in one office of one snapshot."""

    raw: str  # the name as the Factbook writes it ("Vladimir Vladimirovich PUTIN")
    title: str
    start: dt.date | None
    start_text: str
    extra: list[str] = field(default_factory=list)  # "also spelled ..." forms


@dataclass
class Person:
    """One person across snapshots; roles are (title, country, start, end, comment)."""

    key: tuple[str, str, str]
    names: dict[str, list[str]] = field(default_factory=dict)  # raw name -> editions
    roles: list[dict[str, object]] = field(default_factory=list)
    editions: set[str] = field(default_factory=set)
    extra: set[str] = field(default_factory=set)


def parse_date(day: str | None, month: str | None, year: str) -> dt.date | None:
    """Return the date of a "(since D Month YYYY)" phrase, the 1st for missing parts."""
    m = MONTHS.get((month or "").strip(" .").lower()[:3], 1 if not month else 0)
    if m == 0:
        return None
    return dt.date(int(year), m, int(day) if day else 1)


def sections(text: str) -> dict[str, str]:
    """Return the labelled parts of an Executive branch text (first occurrence of each)."""
    parts = LABEL.split(text)
    found: dict[str, str] = {}
    for i in range(1, len(parts) - 1, 2):
        found.setdefault(parts[i], parts[i + 1].strip(" |"))
    return found


def split_title(pre: str) -> tuple[str, str] | None:
    """Return (news title, name) for "Title Given SURNAME", or None when no title fits.

    Acting and caretaker holders get the plain title: they hold the office news names.
    """
    pre = re.sub(r"\s+", " ", pre).strip(" ,")
    pre = re.sub(r"^(?:acting|caretaker) ", "", pre, flags=re.I)
    for phrase, title in TITLES:
        if pre.lower().startswith(phrase.lower() + " "):
            return title, pre[len(phrase):].strip(" ,")
    return None


def parse_holders(part: str) -> list[Holder]:
    """Return the holders named in a chief-of-state or head-of-government section."""
    holders = []
    part = re.sub(r";\s*(?=also spelled )", ", ", part)
    for n, seg in enumerate(re.split(r";\s*|\s+and\s+(?=[A-Z][a-z]+ [A-Z]{2})", part)):
        seg = seg.strip()
        m = SINCE.search(seg)
        if not m or seg.lower().startswith(("note", "the ", "also", "represented")):
            continue
        pre = seg[: m.start()].rstrip(" (")  # "X ((sworn in ...)": a doubled bracket
        pre = re.sub(r"\([^()]*\)\s*$", "", pre.strip())  # "(Party)" before the date
        pre = re.sub(r",?\s*(ruler of .*|of Norway)$", "", pre.strip())
        known = split_title(pre)
        # "Prime Minister and Vice President X" holds the first office; "Vice President X" not
        if DROP_TITLE.search(pre if known is None or not known[0] else known[1]):
            continue
        pre = re.sub(r"^Notification Statement:.*?(?=\b(?:Interim )?President [A-Z][a-z])", "",
                     pre)  # Venezuela 2019-2025: a US recognition note before the holder
        pre = re.sub(r"^.*?\b(?:or|of transitional government,)\s+"
                     r"(?=[A-Z])", "", pre)  # "President of the Government or Prime Minister X"
        split = split_title(pre)
        if split is None:  # a bare name first: the office keeps its previous title
            split = ("", pre) if n == 0 and re.match(r"[A-Z]", pre) else ("-", "")
        title, name = split
        if title == "-" or (title == "" and split_title(pre) is not None):
            continue
        name = re.sub(r"^(?:\([^()]*\)|[^()]*\))\s*", "", name)  # "(ret.) X", "Cap de Govern) X"
        extra = re.split(r",? (?:also spelled|aka|also known as|- formerly) ", name)
        name = HONORIFICS.sub("", extra[0]).strip(" ,")
        name = DAMAGED.get(name, name)  # "lisabeth BORNE": repaired before it is judged
        if title and not any(CAPS.search(t) for t in name.split()):
            name = _surname_in_caps(name)  # "Milos Vucevic": the Factbook forgot the capitals
        if not any(CAPS.search(t) for t in name.split()) or name[:1].islower():
            continue
        start_text = " ".join(x.strip() for x in m.groups() if x)
        holders.append(Holder(name, title, parse_date(*m.groups()), start_text, extra[1:]))
    return holders


def _surname_in_caps(name: str) -> str:
    """Return "Given SURNAME" for a plain "Given Surname" of two to five capitalised words.

    Later editions sometimes print a holder without the capitalised surname the rest of the
    Factbook uses; the last word is taken as the surname. Anything else is left as it is.
    """
    words = name.split()
    if 2 <= len(words) <= 5 and all(w[:1].isupper() and w[1:].islower() for w in words):
        return " ".join([*words[:-1], words[-1].upper()])
    return name


def load_sql_editions(data: Path) -> dict[str, dict[str, dict[str, str]]]:
    """Return edition -> ISO alpha-3 -> labelled sections, from the archive's SQL dumps."""
    arch = data / "cia-factbook-archive" / "data"
    iso3 = {r["ISOAlpha2"]: r["ISOAlpha3"] for r in _csv(arch / "CountryISO_Codes.csv")}
    master = {r["MasterCountryID"]: r
              for r in _csv(arch / "reference_tables" / "master_countries.csv")}
    country: dict[str, str] = {}
    for r in _csv(arch / "reference_tables" / "countries.csv"):
        mc = master.get(r["MasterCountryID"])
        if mc is None or mc["EntityType"] not in KEPT_TYPES or mc["CanonicalCode"] in SKIP_CODES:
            continue
        code = EXTRA_ISO3.get(mc["CanonicalCode"]) or iso3.get(mc["ISOAlpha2"])
        if code:
            country[r["CountryID"]] = code
    out: dict[str, dict[str, dict[str, str]]] = {}
    for year in SQL_EDITIONS:
        path = arch / "fields" / f"country_fields_{year}.sql.gz"
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            text = fh.read()
        ed: dict[str, dict[str, str]] = {}
        for m in ROW.finditer(text):
            if m[3] in country:
                ed[country[m[3]]] = sections(m[4].replace("''", "'"))
        out[str(year)] = ed
    return out


def load_json_edition(data: Path) -> dict[str, dict[str, str]]:
    """Return ISO alpha-3 -> labelled sections from the end-2020 factbook.json snapshot."""
    arch = data / "cia-factbook-archive" / "data"
    iso3 = {r["ISOAlpha2"]: r["ISOAlpha3"] for r in _csv(arch / "CountryISO_Codes.csv")}
    kept = {r["CanonicalCode"] for r in _csv(arch / "reference_tables" / "master_countries.csv")
            if r["EntityType"] in KEPT_TYPES and r["CanonicalCode"] not in SKIP_CODES}
    fips = {r["FIPS"]: r["ISOAlpha2"] for r in _csv(arch / "lookup_tables" / "fips_to_iso2.csv")}
    out: dict[str, dict[str, str]] = {}
    for path in sorted((data / "factbook-json-2020-12").glob("*/*.json")):
        code = path.stem.upper()
        if code not in kept:
            continue
        iso = EXTRA_ISO3.get(code) or iso3.get(fips.get(code, ""))
        branch = json.loads(path.read_text(encoding="utf-8")).get("Government", {}).get(
            "Executive branch") or {}
        if iso and isinstance(branch, dict):
            out[iso] = {k: v.get("text", "") for k, v in branch.items() if isinstance(v, dict)}
    return out


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def fold(text: str) -> str:
    """Return text without diacritics, lower-cased (for keys and ASCII aliases)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c)).lower()


def person_key(country: str, raw: str) -> tuple[str, str, str]:
    """Return (country, capitalised name, first given name): stable across editions."""
    toks = raw.replace(",", " ").split()
    caps = [t for t in toks if CAPS.search(t) and len(t) > 1]
    given = [t for t in toks if not CAPS.search(t)]
    first = next((t for t in given if fold(t) not in PARTICLES), "")
    if raw in KEY_OVERRIDE:
        caps_key, first = KEY_OVERRIDE[raw].split("|")
        return country, caps_key, first
    return country, fold(" ".join(caps[:2])), fold(first)


Key = tuple[str, str, str]  # (country, capitalised name, first name)


def same_person(keys: list[Key]) -> dict[Key, Key]:
    """Return key -> canonical key, joining respellings of one person in one country.

    Same capitalised name and a close first name (BINYAMIN/BENYAMIN), or the same first name
    and a close capitalised name (PELLIGRINI/PELLEGRINI).
    """
    canon: dict[Key, Key] = {}
    for key in sorted(keys):
        if key[2].endswith("#"):  # KEY_OVERRIDE marks people never to join by spelling
            canon[key] = key
            continue
        for c in sorted(set(canon.values())):
            if c[0] == key[0] and (
                    (c[1] == key[1] and fuzz.ratio(c[2], key[2]) >= 75 and not c[2].endswith("#"))
                    or (c[2] == key[2] and c[2] and (fuzz.ratio(c[1], key[1]) >= 85 or _within(
                        c[1], key[1])))):
                canon[key] = c
                break
        else:
            canon[key] = key
    return canon


def smart_case(token: str) -> str:
    """Return a capitalised Factbook token in normal case ("O'CONNOR-X" -> "O'Connor-X")."""
    if not CAPS.search(token) or re.fullmatch(r"[IVXL]+", token):
        return token
    out = re.sub(r"[^\W\d_]+", lambda m: m[0][0] + m[0][1:].lower() if m[0].isupper() else m[0],
                 token)
    out = re.sub(r"\b(Al|Bin|El|Ibn|Bint)-", lambda m: m[1].lower() + "-", out)
    return re.sub(r"^(Mc)([a-z])", lambda m: m[1] + m[2].upper(), out)


def names_of(country: str, raw: str) -> tuple[str, list[str]]:
    """Return the display name and aliases for a raw Factbook name (before overrides)."""
    raw = re.sub(r"\s+", " ", raw.replace(", Jr.", " Jr.")).strip(" ,")
    raw = re.sub(r",\s*(?:Lt\. Gen\.|Gen\.|Dr\.|M\.D\.|Col\.)$", "", raw)
    nick = re.search(r'"([^"]+)"|\(([^()]+)\)', raw)  # Ferdinand "BongBong" MARCOS
    raw = re.sub(r'\s*(?:"[^"]+"|\([^()]+\))', "", raw)
    toks = raw.split()
    full = " ".join(smart_case(t) for t in toks)
    caps = [smart_case(t) for t in toks if CAPS.search(t) and len(t) > 1]
    shown = [t for i, t in enumerate(toks)
             if not (country in POST_SOVIET and 0 < i < len(toks) - 1 and PATRONYMIC.search(t)
                     and not CAPS.search(t))
             and not re.fullmatch(r"[A-Z]\.", t)]
    display = " ".join(smart_case(t) for t in shown)
    aliases = {full, " ".join(caps)}
    given = [t for t in toks if not CAPS.search(t)]
    if given and toks.index(given[0]) == 0 and caps:
        aliases.add(f"{given[0]} {' '.join(caps)}")
    if nick and caps:
        short = nick[1] or nick[2]
        aliases.update({short, f"{short} {' '.join(caps)}"})
    return display, sorted(a for a in aliases if a and a != display)


def slug(text: str) -> str:
    """Return the id slug of a display name ("Recep Tayyip Erdoğan" -> recep-tayyip-erdogan)."""
    plain = fold(text).translate(SLUG_LETTERS)
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


#: Letters NFKD does not decompose, and apostrophes that would split a name.
SLUG_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae",
                              "'": None, "’": None, "ʻ": None})


def editions(data: Path) -> list[tuple[str, dict[str, dict[str, str]]]]:
    """Return the snapshots in time order: (edition label, ISO alpha-3 -> sections)."""
    sql = load_sql_editions(data)
    eds = [(y, sql[y]) for y in sorted(sql) if y < "2018"]
    eds.append((JSON_EDITION, load_json_edition(data)))
    eds += [(y, sql[y]) for y in sorted(sql) if y > "2018"]
    return eds


def holders_of(iso: str, secs: dict[str, str]) -> list[tuple[str, Holder]]:
    """Return (office, holder) pairs of one country in one snapshot, names repaired."""
    found = []
    for office, names in (("HOS", ("chief of state", "head of state")),
                          ("HOG", ("head of government",))):
        for name in names:
            for h in parse_holders(secs.get(name, "")):
                h.raw = DAMAGED.get(h.raw, h.raw)  # lost HTML entities (2021-2025) and debris
                if (iso, h.raw) not in SKIP_HOLDERS:
                    found.append((office, h))
    return found


def build(data: Path, skip_ids: set[str]) -> tuple[list[dict[str, object]], list[str]]:
    """Return (people entries sorted by id, warnings) from the Factbook snapshots."""
    eds = editions(data)
    people: dict[tuple[str, str, str], Person] = {}
    runs: list[dict[str, object]] = []
    open_runs: dict[tuple[str, str, tuple[str, str, str], str], dict[str, object]] = {}
    for idx, (label, countries) in enumerate(eds):
        seen: dict[tuple[str, str, tuple[str, str, str], str], Holder] = {}
        for iso, secs in countries.items():
            last_title = {r["office"]: r["title"] for k, r in open_runs.items() if k[0] == iso}
            for office, h in holders_of(iso, secs):
                if not h.title:  # the Factbook left the title out: keep the office's last one
                    h.title = str(last_title.get(office) or DEFAULT_TITLE[office])
                key = person_key(iso, h.raw)
                seen.setdefault((iso, office, key, h.title), h)
        for rk, h in seen.items():
            run = open_runs.get(rk) or _renamed_run(open_runs, seen, rk, h)
            if run is None:
                run = {"title": h.title, "country": rk[0], "sector": "GOV", "start": h.start,
                       "end": None, "first": idx, "last": idx, "office": rk[1], "key": rk[2],
                       "raw": h.raw}
                if h.start is None:
                    run["comment"] = f"start unknown: Factbook gives '{h.start_text}'"
                runs.append(run)
            elif h.start and (run["start"] is None or h.start < run["start"]):  # type: ignore[operator]
                run["start"] = h.start
            run["last"] = idx
            key = run["key"]  # type: ignore[assignment]
            p = people.setdefault(key, Person(key))
            p.names.setdefault(h.raw, []).append(label)
            p.editions.add(label)
            p.extra.update(h.extra)
        open_runs = {(str(r["country"]), str(r["office"]), r["key"], str(r["title"])): r  # type: ignore[misc]
                     for r in runs if r["last"] == idx}
    set_ends(runs, [label for label, _ in eds])
    same = same_person(list(people))
    for key in list(people):
        if same[key] != key:
            p, q = people.pop(key), people[same[key]]
            for raw, eds_ in p.names.items():
                q.names.setdefault(raw, []).extend(eds_)
            q.editions |= p.editions
            q.extra |= p.extra
    for r in runs:
        people[same[r["key"]]].roles.append(r)  # type: ignore[index]
    warnings: list[str] = []
    return finish(people, skip_ids, warnings), warnings


def _renamed_run(open_runs: dict[tuple[str, str, tuple[str, str, str], str], dict[str, object]],
                 seen: dict[tuple[str, str, tuple[str, str, str], str], Holder],
                 rk: tuple[str, str, tuple[str, str, str], str],
                 h: Holder) -> dict[str, object] | None:
    """Return the open run a respelt holder continues (same office, title and start), if any.

    The Factbook changes transliterations between editions (ROHANI/RUHANI, HROYSMAN/HROISMAN).
    """
    for ok, run in open_runs.items():
        if (ok[0], ok[1], ok[3]) != (rk[0], rk[1], rk[3]) or ok in seen:
            continue
        if (h.start is not None and run["start"] == h.start) or (
                fuzz.ratio(fold(str(run["raw"])), fold(h.raw)) >= 85
                and fuzz.ratio(ok[2][1], rk[2][1]) >= 80):
            return run
    return None


def set_ends(runs: list[dict[str, object]], labels: list[str]) -> None:
    """Set each run's end: the earliest later start among the office's next new holders."""
    final = len(labels) - 1
    by_office: dict[tuple[object, object], list[dict[str, object]]] = defaultdict(list)
    for r in runs:
        by_office[(r["country"], r["office"])].append(r)
    for r in runs:
        if r["last"] == final:
            continue
        later = [o for o in by_office[(r["country"], r["office"])]
                 if o["first"] > r["last"]]  # type: ignore[operator]
        # Only the first later snapshot naming anyone counts: when it names someone already
        # in office before this holder began, the Factbook now describes the office otherwise
        # (South Korea lists its president as head of government from 2020).
        first_later = min((int(o["first"]) for o in later), default=-1)  # type: ignore[call-overload]
        nxt = [o for o in later if o["first"] == first_later and o["start"] is not None
               and (r["start"] is None or o["start"] > r["start"])]  # type: ignore[operator]
        if not nxt:
            r["comment"] = f"end unknown: gone by the {labels[r['last'] + 1]} edition"  # type: ignore[operator]
            continue
        first = min(int(o["first"]) for o in nxt)  # type: ignore[call-overload]
        r["end"] = min(o["start"] for o in nxt if o["first"] == first)  # type: ignore[type-var]
        if first > int(r["last"]) + 1:  # type: ignore[call-overload]
            r["comment"] = f"end = start of the next holder named, in the {labels[first]} edition"


def finish(people: dict[tuple[str, str, str], Person], skip_ids: set[str],
           warnings: list[str]) -> list[dict[str, object]]:
    """Return KB entries: names chosen and repaired, roles merged and cut to 2014 onwards."""
    entries: dict[str, dict[str, object]] = {}
    for key, p in sorted(people.items()):
        roles = merge_roles(p.roles)
        for r in roles:  # ends the snapshots cannot show (office left vacant, exile)
            if (r["country"], r["title"], str(r["start"])) in STARTS:
                r["start"] = dt.date.fromisoformat(STARTS[(str(r["country"]), str(r["title"]),
                                                           str(r["start"]))])
            fix = ENDS.get((str(r["country"]), str(r["title"]), str(r["start"])))
            if fix:  # checked by hand: it wins over a successor's start seen years later
                r["end"], r["comment"] = dt.date.fromisoformat(fix[0]), fix[1]
        roles = [r for r in roles if r["end"] is None or r["end"] >= FIRST_DAY]  # type: ignore[operator]
        if not roles:
            continue
        # Undamaged spellings first (editions up to 2020), then the most recent.
        raws = sorted(p.names, key=lambda n: (min(p.names[n]) > "2018", -len(p.names[n]),
                                              -max(int(e[:4]) for e in p.names[n]), n))
        display, aliases = names_of(key[0], raws[0])
        alias_set = set(aliases)
        for raw in raws[1:]:
            d, a = names_of(key[0], raw)
            alias_set.update([*a, d])
        pid = "person/" + slug(display)
        over = DISPLAY.get(pid, {})
        display = str(over.get("name", display))
        if "name" in over:
            alias_set.add(names_of(key[0], raws[0])[0])
        alias_set.update(p.extra)
        alias_set.update(over.get("aliases", []))  # type: ignore[arg-type]
        surname = fold(" ".join(t for t in raws[0].split() if CAPS.search(t) and len(t) > 1))
        alias_set.update(TRANSLITERATIONS.get(surname, []))
        if fold(display) != display.lower():
            alias_set.add("".join(c for c in unicodedata.normalize("NFKD", display)
                                  if not unicodedata.combining(c)))
        pid = "person/" + slug(display)
        if pid in skip_ids:
            continue
        if pid in entries and _shared_crown(entries[pid], roles):
            entries[pid]["roles"] = sorted(
                [*entries[pid]["roles"], *roles],  # type: ignore[misc]
                key=lambda r: (str(r["start"]), str(r["country"])))
            continue
        if pid in entries:
            pid = f"{pid}-{key[0].lower()}"
        if any(" " in a and len(a.split()) > 1 and _damaged(a) for a in [display]):
            warnings.append(f"{pid}: name may be damaged: {display!r}")
        entries[pid] = {
            "id": pid, "kind": "person", "name": display,
            "aliases": sorted(a for a in alias_set if a and a != display
                              and a not in COMMON_GIVEN_NAMES),
            "gender": over.get("gender") or gender_of(pid, roles),
            **({"country": over["country"]} if "country" in over else {}),
            "roles": roles, "source": source_of(p),
        }
    return [entries[k] for k in sorted(entries)]


def _shared_crown(entry: dict[str, object], roles: list[dict[str, object]]) -> bool:
    """Return True when same-named entries hold offices from one day: one person with
    several crowns (Charles III) or a French president who is co-prince of Andorra."""
    mine = {r["start"] for r in roles}
    return any(r["start"] in mine for r in entry["roles"])  # type: ignore[attr-defined]


def _within(a: str, b: str) -> bool:
    """Return True when one capitalised name holds the other's words (NDONG SIMA / SIMA)."""
    sa, sb = set(a.split()), set(b.split())
    return bool(sa and sb) and (sa <= sb or sb <= sa)


def _damaged(name: str) -> bool:
    """Return True when a name looks cut by a lost HTML entity ("In cio", "PE A")."""
    return any((t[0].islower() and fold(t) not in PARTICLES and not t.startswith(("al-", "el-")))
               or (len(t) == 1 and t.isalpha() and t not in {"A", "E", "Y", "O"})
               for t in name.split()[1:])


def merge_roles(runs: list[dict[str, object]]) -> list[dict[str, object]]:
    """Return roles with overlapping runs of one title and country merged into one.

    A president who is chief of state and head of government appears twice; the Factbook
    also moves since-dates to a re-inauguration.
    """
    def base(r: dict[str, object]) -> str:
        return str(r["title"]).removeprefix("Interim ")

    out: list[dict[str, object]] = []
    for r in sorted(runs, key=lambda r: (base(r), str(r["country"]), str(r["start"]))):
        prev = out[-1] if out else None
        if prev and (base(prev), prev["country"]) == (base(r), r["country"]) and (
                prev["end"] is None or r["start"] is None or r["start"] <= prev["end"]):  # type: ignore[operator]
            if prev["end"] is not None and (r["end"] is None or r["end"] > prev["end"]):  # type: ignore[operator]
                prev["end"], prev["comment"] = r["end"], r.get("comment")
            if int(r["last"]) > int(prev["last"]):  # type: ignore[call-overload]
                prev["title"], prev["last"] = r["title"], r["last"]  # the later title wins
            continue
        out.append(dict(r))
    return sorted(out, key=lambda r: (str(r["start"]), str(r["title"])))


def gender_of(pid: str, roles: list[dict[str, object]]) -> str:
    """Return "f" for known women and queens, else "m" (most leaders; see FEMALE)."""
    if pid in FEMALE or any(r["title"] == "Queen" for r in roles):
        return "f"
    return "m"


def source_of(p: Person) -> str:
    """Return the source line naming the editions the person appears in."""
    eds = sorted(p.editions)
    return "CIA World Factbook (public domain), Executive branch, editions " + ", ".join(eds)


def render(entries: list[dict[str, object]]) -> str:
    """Return the YAML text: one block per person, one line per role, comments kept."""
    out = [
        "# Heads of state and of government, 2014-2026. GENERATED by scripts/build_leaders_kb.py",
        "# from the CIA World Factbook (US Government work, public domain): snapshots of the",
        "# 'Executive branch' field, editions 2013-2017, 2020-12 and 2021-2025. Do not edit by",
        "# hand: fix the script or its tables (scripts/leaders_kb_names.py), or add the person to",
        "# people-officials.yaml (whose ids this file leaves out). An end date is the start of the",
        "# successor seen in the next snapshot; holders whose whole tenure fell between two",
        "# snapshots are missing here. Gender is 'm' unless the person is listed as a woman.",
        "",
    ]
    for e in entries:
        out.append(f"- id: {e['id']}")
        out.append("  kind: person")
        out.append(f"  name: {_q(str(e['name']))}")
        out.append("  aliases: [" + ", ".join(_q(a) for a in e["aliases"]) + "]")  # type: ignore[attr-defined]
        out.append(f"  gender: {e['gender']}")
        if e.get("country"):  # own country of someone with offices in several at once
            out.append(f"  country: {e['country']}")
        out.append("  roles:")
        for r in e["roles"]:  # type: ignore[attr-defined]
            line = (f"    - {{title: {_q(r['title'])}, country: {r['country']}, sector: GOV, "
                    f"start: {r['start'] or 'null'}, end: {r['end'] or 'null'}}}")
            if r.get("comment"):
                line += f"  # {r['comment']}"
            out.append(line)
        out.append(f"  source: {_q(str(e['source']))}")
    return "\n".join(out) + "\n"


def _q(text: str) -> str:
    """Return text as a YAML scalar, quoted only when plain style would misread it."""
    plain = yaml.safe_dump(text, allow_unicode=True, default_flow_style=True, width=1000)
    plain = plain.removesuffix("\n...\n").strip()
    if plain != text or re.search(r"[,\[\]{}#:]", text) or text.lower() in {"null", "yes", "no"}:
        return json.dumps(text, ensure_ascii=False)
    return text


def officials_ids(path: Path) -> set[str]:
    """Return the ids that people-officials.yaml defines (empty when it does not exist)."""
    if not path.exists():
        return set()
    return {e["id"] for e in yaml.safe_load(path.read_text(encoding="utf-8")) or []}


def main(argv: list[str] | None = None) -> int:
    """Build the file; return the process exit code."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--officials", type=Path, default=OFFICIALS)
    args = ap.parse_args(argv)
    skip = officials_ids(args.officials)
    entries, warnings = build(args.data, skip)
    args.out.write_text(render(entries), encoding="utf-8")
    roles = sum(len(e["roles"]) for e in entries)  # type: ignore[arg-type,misc]
    countries = {r["country"] for e in entries for r in e["roles"]}  # type: ignore[attr-defined]
    for w in warnings:
        print("warning:", w, file=sys.stderr)
    print(f"{args.out}: {len(entries)} people, {roles} roles, {len(countries)} countries; "
          f"{len(skip)} ids left to people-officials.yaml")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
