"""What linking and coreference decide: referents (who) and links (where in the text).

A ``Referent`` is one actor of the article, identified by its ``key``: two links with the
same key are mentions of the same actor. ``build_actors`` turns the links into the output
``Actor`` list, numbered in order of first mention.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Actor, ActorKind, Mention, MentionVia
from .kb import Entry, Role

#: How a sector code reads after a demonym ("Russian military").
SECTOR_LABELS: dict[str, str] = {
    "GOV": "government", "MIL": "military", "LEG": "legislature", "JUD": "judiciary",
    "COP": "police", "REB": "rebels", "OPP": "opposition", "CVL": "civilians",
    "MED": "media", "BUS": "business", "SPY": "intelligence services", "REF": "refugees",
    "EDU": "students", "LAB": "workers", "AGR": "farmers", "HLH": "health workers",
    "REL": "clergy", "UAF": "militias", "NGO": "non-governmental organisations",
}  # fmt: skip
#: Sectors whose unnamed actors are institutions rather than loose groups.
INSTITUTIONS: frozenset[str] = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


@dataclass(frozen=True, slots=True)
class Referent:
    """One actor as linking decided it; ``key`` is its identity within the article."""

    key: tuple[str, ...]
    kind: ActorKind
    name: str
    country: str | None = None
    sector: str | None = None
    cameo: str | None = None
    role: str | None = None
    kb_id: str | None = None
    gender: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """A span of the text that refers to a referent; ``head`` is its head token index."""

    start: int
    end: int
    via: MentionVia
    referent: Referent
    head: int
    confidence: float = 1.0
    plural: bool = False
    subject: bool = False
    candidate: bool = True  # False: a national adjective ("an Indian proposal"), no antecedent


def entity_referent(entry: Entry) -> Referent:
    """Return the referent of a state, organisation or group entry itself."""
    if entry.kind == "state":
        return Referent(("kb", entry.id), "state", entry.name, entry.id, None,
                        entry.cameo or entry.id, kb_id=entry.id)  # fmt: skip
    return Referent(("kb", entry.id), entry.kind, entry.name, entry.country, entry.sector,
                    entry.cameo, kb_id=entry.id)  # fmt: skip


def sector_referent(entry: Entry, sector: str | None) -> Referent:
    """Return the unnamed actor of ``sector`` of a state ("the Ukrainian government").

    Organisations and blocs have no sectors of their own here: "NATO troops" and "Western
    leaders" are the organisation or bloc itself.
    """
    if entry.kind != "state" or sector is None:
        return entity_referent(entry)
    adjective = entry.demonyms[0] if entry.demonyms else entry.name
    label = SECTOR_LABELS.get(sector, sector.lower())
    kind: ActorKind = "organization" if sector in INSTITUTIONS else "group"
    return Referent(("sector", entry.id, sector), kind, f"{adjective} {label}", entry.id,
                    sector, (entry.cameo or entry.id) + sector)  # fmt: skip


def person_referent(
    entry: Entry | None,
    role: Role | None,
    name: str,
    affiliation: Entry | None = None,
    title: str | None = None,
    title_sector: str | None = None,
    gender: str | None = None,
) -> Referent:
    """Return a person's referent: their KB role when known, else what the text says.

    ``role`` is the KB role on the publication date; ``affiliation`` and ``title`` come
    from the text ("US Secretary of State" → USA, "US Secretary of State").
    """
    key: tuple[str, ...] = ("kb", entry.id) if entry else ("person", name_key(name))
    if entry is not None:
        name, gender = entry.name, entry.gender
    country, sector, cameo = None, title_sector, None
    if role is not None:
        country, sector, title = role.country, role.sector or title_sector, role.title
    elif affiliation is not None:
        country = affiliation.id if affiliation.kind == "state" else affiliation.country
        cameo = None if affiliation.kind == "state" else affiliation.cameo
    if cameo is None and country is not None:
        cameo = country + (sector or "")
    return Referent(key, "person", name, country, sector, cameo, title, entry.id if entry else None,
                    gender)  # fmt: skip


def name_key(name: str) -> str:
    """Return the key of a person the KB does not know: the name, lower-cased.

    "Pierre Joxe" and a later bare "Joxe" are joined by the people pass
    (``PeoplePass.repeated_surnames``), which knows whether one person has that surname.
    """
    return " ".join(name.replace("’s", "").replace("'s", "").split()).casefold()


def role_referent(affiliation: Entry, title: str, sector: str | None) -> Referent:
    """Return an unnamed person known by role ("a Russian official", "Taiwan's envoy")."""
    adjective = affiliation.demonyms[0] if affiliation.demonyms else affiliation.name
    country = affiliation.id if affiliation.kind == "state" else affiliation.country
    cameo = (country + (sector or "")) if country else affiliation.cameo
    return Referent(("role", affiliation.id, title.lower()), "person", f"{adjective} {title}",
                    country, sector, cameo, title)  # fmt: skip


_MERGED_FIELDS = ("country", "sector", "cameo", "role", "kb_id")


def _first_values(group: list[Link]) -> dict[str, str | None]:
    """Return, for each merged field, its first value in ``group`` that is not None."""
    # links share referent objects: each is read once, in order of its first link
    refs = list({id(x.referent): x.referent for x in group}.values())
    merged: dict[str, str | None] = {}
    for field in _MERGED_FIELDS:
        merged[field] = next((v for r in refs if (v := getattr(r, field)) is not None), None)
    return merged


def build_actors(links: list[Link], text: str) -> list[Actor]:
    """Return one Actor per referent key, numbered a1, a2, ... in order of first mention.

    Fields missing from the first link (a role, a gender) are filled from later ones.
    """
    groups: dict[tuple[str, ...], list[Link]] = {}
    for link in sorted(links, key=lambda x: (x.start, x.end)):
        groups.setdefault(link.referent.key, []).append(link)
    actors = []
    for number, group in enumerate(groups.values(), start=1):
        first = group[0].referent
        merged = _first_values(group)
        seen: set[tuple[int, int]] = set()
        mentions = []
        for x in group:
            if (x.start, x.end) not in seen:
                seen.add((x.start, x.end))
                mentions.append(Mention(x.start, x.end, text[x.start : x.end], x.via, x.confidence))
        actors.append(Actor(id=f"a{number}", name=first.name, kind=first.kind,
                            mentions=mentions, **merged))  # fmt: skip
    return actors
