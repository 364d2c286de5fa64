"""Build the base of ``src/newsevents/data/kb/countries.yaml`` from ISO 3166 (pycountry).

Run ``python3 scripts/build_countries_kb.py`` after a pycountry upgrade. The script writes
one entry per ISO 3166-1 country (id = alpha-3, short and formal names) and *keeps* every
field already in the YAML file (the hand-written aliases, demonyms, metonyms, regions and
the non-ISO entities such as Kosovo): the YAML is the reviewed artifact, this script only
fills what is missing. Entries come out sorted by id.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pycountry
import yaml

OUT = Path(__file__).resolve().parents[1] / "src/newsevents/data/kb/countries.yaml"

#: ISO 3166-1 entries that are not UN member states (territories, observers, disputed).
NOT_UN_MEMBERS: dict[str, str] = {
    "PSE": "observer", "VAT": "observer", "TWN": "disputed", "ESH": "disputed",
    **{code: "territory" for code in (
        "ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM FLK FRO GGY GIB GLP "
        "GRL GUF GUM HKG HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PYF REU "
        "SGS SHN SJM SPM SXM TCA TKL UMI VGB VIR WLF"
    ).split()},
}  # fmt: skip

#: Short names as news writes them, where ISO's name reads like a catalogue entry.
SHORT_NAMES: dict[str, str] = {
    "BOL": "Bolivia", "BRN": "Brunei", "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo", "CIV": "Ivory Coast", "CPV": "Cape Verde",
    "FLK": "Falkland Islands", "FSM": "Micronesia", "IRN": "Iran", "KOR": "South Korea",
    "LAO": "Laos", "MDA": "Moldova", "PRK": "North Korea", "PSE": "Palestine",
    "RUS": "Russia", "SYR": "Syria", "TLS": "East Timor", "TUR": "Turkey", "TWN": "Taiwan",
    "TZA": "Tanzania", "VAT": "Holy See", "VEN": "Venezuela", "VNM": "Vietnam",
    "VGB": "British Virgin Islands", "VIR": "US Virgin Islands", "MAF": "Saint Martin",
    "SXM": "Sint Maarten", "SHN": "Saint Helena", "CZE": "Czech Republic",
}  # fmt: skip

FIELD_ORDER = (
    "id", "kind", "status", "name", "formal", "aliases", "demonyms", "metonyms", "regions",
    "cameo", "claimed_by", "source",
)  # fmt: skip


def base_entries() -> dict[str, dict[str, Any]]:
    """Return the ISO 3166-1 entries keyed by alpha-3, with names only."""
    out: dict[str, dict[str, Any]] = {}
    for country in pycountry.countries:
        code = country.alpha_3
        iso_name = country.name
        name = SHORT_NAMES.get(code) or getattr(country, "common_name", None) or iso_name
        formal = getattr(country, "official_name", None) or iso_name
        aliases = sorted({n for n in (iso_name, formal) if n != name and "," not in n})
        out[code] = {
            "id": code,
            "kind": "state",
            "status": NOT_UN_MEMBERS.get(code, "member"),
            "name": name,
            "formal": formal,
            "aliases": aliases,
            "cameo": code,
            "source": "ISO 3166-1 (pycountry)",
        }
    return out


def merge(base: dict[str, dict[str, Any]], kept: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the entries of ``base`` overlaid with the hand-kept ones, sorted by id."""
    merged = dict(base)
    for entry in kept:
        merged[entry["id"]] = {**merged.get(entry["id"], {}), **entry}
    return [ordered(merged[key]) for key in sorted(merged)]


def ordered(entry: dict[str, Any]) -> dict[str, Any]:
    """Return ``entry`` with its fields in the documented order, empty ones dropped."""
    keys = [k for k in FIELD_ORDER if k in entry] + sorted(k for k in entry if k not in FIELD_ORDER)
    return {k: entry[k] for k in keys if entry[k] not in (None, [], {})}


def dump(entries: list[dict[str, Any]]) -> str:
    """Return the YAML text: one block per entry, lists and maps on one line."""
    head = (
        "# States and state-like entities: ISO 3166-1 base from scripts/build_countries_kb.py,\n"
        "# names, demonyms, metonyms and regions written by hand. Format: docs/kb.md.\n"
    )
    blocks = [
        yaml.safe_dump(
            [e], sort_keys=False, allow_unicode=True, default_flow_style=None, width=10_000
        )
        for e in entries
    ]
    return head + "".join(blocks)


def main() -> int:
    """Rewrite countries.yaml; return the exit code."""
    kept = yaml.safe_load(OUT.read_text(encoding="utf-8")) if OUT.exists() else []
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(dump(merge(base_entries(), kept or [])), encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
