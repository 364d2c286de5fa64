"""Column layouts of the corpus-event exports: ours, GDELT's event table, POLECAT's fields.

One row per *distinct* corpus event; how many reports, articles, independent articles
and outlets carried it sits beside it (``docs/ingest.md`` maps every column).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

Row = dict[str, Any]

#: CAMEO root code (two digits) → GDELT QuadClass: 1 verbal cooperation, 2 material
#: cooperation, 3 verbal conflict, 4 material conflict (GDELT 2.0 event codebook).
QUAD_BY_ROOT: dict[str, int] = {
    **{f"{r:02d}": 1 for r in range(1, 6)}, **{f"{r:02d}": 2 for r in range(6, 9)},
    **{f"{r:02d}": 3 for r in range(9, 14)}, **{f"{r:02d}": 4 for r in range(14, 21)},
}  # fmt: skip

#: GDELT 2.0 event table columns, in the codebook's order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                             "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                             "Type3Code")),
    *(f"Actor2{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                             "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                             "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action")
      for c in ("Type", "Fullname", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
                "FeatureID")),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

#: POLECAT's event fields, in the order of its public weekly files, then our three counts.
POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code",
    "Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
    "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
    "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude",
    "GeoNames ID", "Raw Placename", "Feature Type", "Source", "Publication Date",
    "Story People", "Story Organizations", "Story Locations", "Language", "Version",
    "Num Reports", "Num Articles", "Num Independent Articles",
)  # fmt: skip

#: PLOVER event type → POLECAT quad code (cooperation/conflict, verbal/material).
PLOVER_QUAD: dict[str, str] = {
    "AGREE": "VERBAL COOPERATION", "CONSULT": "VERBAL COOPERATION",
    "SUPPORT": "VERBAL COOPERATION", "CONCEDE": "MATERIAL COOPERATION",
    "COOPERATE": "MATERIAL COOPERATION", "AID": "MATERIAL COOPERATION",
    "RETREAT": "MATERIAL COOPERATION", "REQUEST": "VERBAL CONFLICT",
    "ACCUSE": "VERBAL CONFLICT", "REJECT": "VERBAL CONFLICT", "THREATEN": "VERBAL CONFLICT",
    "PROTEST": "MATERIAL CONFLICT", "SANCTION": "MATERIAL CONFLICT",
    "MOBILIZE": "MATERIAL CONFLICT", "COERCE": "MATERIAL CONFLICT",
    "ASSAULT": "MATERIAL CONFLICT",
}  # fmt: skip


def event_day(row: Mapping[str, Any]) -> dt.date | None:
    """Return the day of a corpus event: its coded date when it is a full day, else the
    first publication date (GDELT's practice when a text gives no date)."""
    value = row.get("event_date")
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    first = row.get("first_published")
    return first if isinstance(first, dt.date) else None


def native(row: Mapping[str, Any]) -> Row:
    """Return the corpus event as stored (every column of ``corpus_events``)."""
    return dict(row)


def gdelt(row: Mapping[str, Any]) -> Row:
    """Return the corpus event in GDELT's event-table layout (unknown fields are null)."""
    out: Row = dict.fromkeys(GDELT_COLUMNS)
    day = event_day(row)
    cameo = str(row.get("cameo") or "")
    out.update({
        "GlobalEventID": int(str(row["id"])[:15], 16),
        "Day": int(day.strftime("%Y%m%d")) if day else None,
        "MonthYear": int(day.strftime("%Y%m")) if day else None,
        "Year": day.year if day else None,
        "FractionDate": round(day.year + (day.timetuple().tm_yday - 1) / 365, 4) if day else None,
        "Actor1Code": row.get("source_code"), "Actor1Name": row.get("source_name"),
        "Actor1CountryCode": row.get("source_country"),
        "Actor1Type1Code": row.get("source_sector"),
        "Actor2Code": row.get("target_code"), "Actor2Name": row.get("target_name"),
        "Actor2CountryCode": row.get("target_country"),
        "Actor2Type1Code": row.get("target_sector"),
        "EventCode": cameo or None, "EventBaseCode": cameo[:3] or None,
        "EventRootCode": cameo[:2] or None, "QuadClass": QUAD_BY_ROOT.get(cameo[:2]),
        "NumMentions": row.get("reports"), "NumSources": row.get("outlets"),
        "NumArticles": row.get("articles"),
        "ActionGeo_Type": (1 if row.get("place_name") == row.get("place_country") else 4)
        if row.get("place_name") else None,
        "ActionGeo_Fullname": row.get("place_name"),
        "ActionGeo_CountryCode": row.get("place_country"),
        "ActionGeo_Lat": row.get("latitude"), "ActionGeo_Long": row.get("longitude"),
        "ActionGeo_FeatureID": row.get("geonames_id"),
        "DATEADDED": int(row["first_published"].strftime("%Y%m%d000000"))
        if row.get("first_published") else None,
        "SOURCEURL": row.get("first_url"),
    })  # fmt: skip
    return out


def polecat(row: Mapping[str, Any]) -> Row:
    """Return the corpus event in POLECAT's field layout (unknown fields are null)."""
    out: Row = dict.fromkeys(POLECAT_COLUMNS)
    day = event_day(row)

    def wikidata(key: Any) -> str | None:
        text = str(key or "")
        return text if text[:1] == "Q" and text[1:].isdigit() else None

    out.update({
        "Event ID": row["id"], "Event Date": day.isoformat() if day else None,
        "Event Type": str(row["plover"]).lower(),
        "Quad Code": PLOVER_QUAD.get(str(row["plover"])),
        "Actor Name": row.get("source_name"), "Actor Country": row.get("source_country"),
        "Primary Actor Sector": row.get("source_sector"),
        "Actor Name Raw": row.get("source_name"),
        "Wikipedia Actor ID": wikidata(row.get("source_key")),
        "Recipient Name": row.get("target_name"),
        "Recipient Country": row.get("target_country"),
        "Primary Recipient Sector": row.get("target_sector"),
        "Recipient Name Raw": row.get("target_name"),
        "Wikipedia Recipient ID": wikidata(row.get("target_key")),
        "Placename": row.get("place_name"), "Country": row.get("place_country"),
        "Latitude": row.get("latitude"), "Longitude": row.get("longitude"),
        "GeoNames ID": row.get("geonames_id"), "Raw Placename": row.get("place_name"),
        "Source": row.get("first_url"),
        "Publication Date": row["first_published"].isoformat()
        if row.get("first_published") else None,
        "Language": "en", "Version": "newsevents/1",
        "Num Reports": row.get("reports"), "Num Articles": row.get("articles"),
        "Num Independent Articles": row.get("independent_articles"),
    })  # fmt: skip
    return out


STYLES: dict[str, Callable[[Mapping[str, Any]], Row]] = {
    "native": native, "gdelt": gdelt, "polecat": polecat,
}  # fmt: skip
