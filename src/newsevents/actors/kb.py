"""The actor knowledge base: entries, the index of the names they go by, dated roles, search.

The data are our YAML files in ``newsevents/data/kb/`` (format: ``docs/kb.md``): states,
organisations and groups, people (``people-*.yaml``, optional) and the generic descriptors.
Users add or override entries with their own files: an entry with the same ``id`` replaces
ours. ``load_kb()`` reads everything once; a step keeps the result.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from ..errors import DataError
from .scan import WordScan

#: libyaml's loader is ten times faster than the pure-Python one; both are safe loaders.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Kind = Literal["state", "organization", "person", "group"]
SurfaceVia = Literal["name", "alias", "metonym", "demonym", "region", "surname"]
KINDS: frozenset[str] = frozenset({"state", "organization", "person", "group"})

#: The knowledge-base files we ship, read in this order; people files are optional.
KB_FILES: tuple[str, ...] = ("countries.yaml", "organizations.yaml")
PEOPLE_GLOB = "people*.yaml"
DESCRIPTORS_FILE = "descriptors.yaml"


@dataclass(frozen=True, slots=True)
class Role:
    """One dated office: ``title`` of ``country`` in ``sector`` from ``start`` to ``end``."""

    title: str
    country: str | None = None
    sector: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def holds_on(self, day: dt.date) -> bool:
        """Return True when the role was held on ``day`` (open ends always match)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One knowledge-base entry: a state, organisation, group or person."""

    id: str
    kind: Kind
    name: str
    aliases: tuple[str, ...] = ()
    formal: str | None = None
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[tuple[str, str | None], ...] = ()
    regions: tuple[str, ...] = ()
    cameo: str | None = None
    country: str | None = None
    sector: str | None = None
    members: tuple[str, ...] = ()
    gender: str | None = None
    roles: tuple[Role, ...] = ()
    source: str | None = None

    def role_on(self, day: dt.date | None) -> Role | None:
        """Return the role held on ``day`` (the latest-starting one), or None.

        With no date, return the latest role (open-ended first, then by start date).
        """
        if not self.roles:
            return None
        held = list(self.roles) if day is None else [r for r in self.roles if r.holds_on(day)]
        if not held:
            return None
        # among offices held at once (a king of several realms, the French president who
        # is also co-prince of Andorra), the one in the person's own country comes first
        return max(held, key=lambda r: (*_latest_key(r), r.country == self.country))

    def role_in(self, country: str, day: dt.date | None) -> Role | None:
        """Return the role held in ``country`` on ``day`` (any date when None), or None."""
        held = [r for r in self.roles if r.country == country and (day is None or r.holds_on(day))]
        return max(held, key=_latest_key) if held else None

    def last_role_before(self, day: dt.date) -> Role | None:
        """Return the most recent role that ended before ``day``, or None."""
        past = [r for r in self.roles if r.end is not None and r.end < day]
        return max(past, key=_latest_key) if past else None


def _latest_key(role: Role) -> tuple[int, dt.date]:
    return (1 if role.end is None else 0, role.start or dt.date.min)


@dataclass(frozen=True, slots=True)
class Surface:
    """One way the text can name an entry: a name, alias, metonym, demonym or region."""

    entry_id: str
    via: SurfaceVia
    sector: str | None = None  # for metonyms: the sector the seat of power stands for
    exact_case: bool = False  # short acronyms ("US", "IS") must match in capitals


@dataclass(frozen=True, slots=True)
class Hit:
    """A search result: the entry, the matched text, a score in [0, 1] and the role then."""

    entry: Entry
    matched: str
    score: float
    role: Role | None


@dataclass
class KnowledgeBase:
    """The loaded knowledge base and its indexes."""

    entries: dict[str, Entry]
    descriptors: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    state_nouns: frozenset[str] = frozenset()
    body_nouns: frozenset[str] = frozenset()
    act_nouns: frozenset[str] = frozenset()
    agent_participles: frozenset[str] = frozenset()
    epithet_nouns: frozenset[str] = frozenset()
    surfaces: dict[str, list[Surface]] = field(default_factory=dict)
    first_words: frozenset[str] = frozenset()
    max_words: int = 1
    first_word_scan: WordScan = field(init=False)  # capitalised words that begin a name
    title_scan: WordScan = field(init=False)  # title words ("envoy", "minister")
    _fuzzy_keys: dict[str, list[str]] = field(default_factory=dict)
    _fuzzy_seen: dict[tuple[str, tuple[str, ...], float], tuple[Surface, str, float] | None] = (
        field(default_factory=dict)
    )

    def __post_init__(self) -> None:
        self._index()
        first = self.first_words
        self.first_word_scan = WordScan("ORTH", lambda w: w[:1].isupper() and norm(w) in first)
        self.title_scan = WordScan("LOWER", lambda w: w in self.titles)

    def _index(self) -> None:
        index: dict[str, list[Surface]] = {}

        def add(text: str, surface: Surface) -> None:
            key = norm(text)
            if not key:
                return
            bucket = index.setdefault(key, [])
            if surface not in bucket:
                bucket.append(surface)

        for entry in self.entries.values():
            add(entry.name, Surface(entry.id, "name", exact_case=_is_acronym(entry.name)))
            for alias in (*entry.aliases, *((entry.formal,) if entry.formal else ())):
                add(alias, Surface(entry.id, "alias", exact_case=_is_acronym(alias)))
            for demonym in entry.demonyms:
                add(demonym, Surface(entry.id, "demonym"))
            for place, sector in entry.metonyms:
                add(place, Surface(entry.id, "metonym", sector=sector))
            for region in entry.regions:
                add(region, Surface(entry.id, "region"))
            if entry.kind == "person":
                for full in (entry.name, *entry.aliases):
                    parts = full.split()
                    if len(parts) > 1:
                        add(parts[-1], Surface(entry.id, "surname"))
        self.surfaces = index
        # spaCy splits a possessive off its word: "People's Liberation Army" begins "People"
        firsts = [k.split(" ", 1)[0] for k in index]
        self.first_words = frozenset(firsts + [w.split("'", 1)[0] for w in firsts if "'" in w])
        self.max_words = max((k.count(" ") + k.count("'") + 1 for k in index), default=1)
        by_letter: dict[str, list[str]] = {}
        for k, found in sorted(index.items()):
            if len(k) >= 5 and any(x.via in ("name", "alias") for x in found):
                by_letter.setdefault(k[0], []).append(k)
        self._fuzzy_keys = by_letter

    def get(self, entry_id: str | None) -> Entry | None:
        """Return the entry with this id, or None."""
        return None if entry_id is None else self.entries.get(entry_id)

    def lookup(self, text: str) -> list[Surface]:
        """Return the surfaces ``text`` matches exactly (case-insensitive except acronyms)."""
        found = self.surfaces.get(norm(text), [])
        if not found:
            return []
        upper = text.replace(".", "").replace(" ", "").isupper()
        return [s for s in found if upper or not s.exact_case]

    def fuzzy(
        self, text: str, kinds: Iterable[str] = KINDS, cutoff: float = 0.85
    ) -> tuple[Surface, str, float] | None:
        """Return the closest name or alias to ``text`` (surface, key, score in [0, 1]), or None.

        Only keys of five letters or more sharing the first letter are compared, so that
        short names never match by accident ("Iran"/"Iraq").
        """
        from rapidfuzz import fuzz, process

        key = norm(text)
        if len(key) < 5:
            return None
        memo = (key, tuple(kinds), cutoff)
        if memo in self._fuzzy_seen:  # names recur across a corpus: remember the answers
            return self._fuzzy_seen[memo]
        wanted = set(memo[1])
        result = None
        for match, score, _ in process.extract(
            key, self._fuzzy_keys.get(key[0], []), scorer=fuzz.ratio,
            score_cutoff=cutoff * 100, limit=5,
        ):  # fmt: skip
            for surface in self.surfaces[match]:
                entry = self.entries[surface.entry_id]
                if result is None and surface.via in ("name", "alias") and entry.kind in wanted:
                    result = surface, match, score / 100
        if len(self._fuzzy_seen) < 100_000:
            self._fuzzy_seen[memo] = result
        return result

    def holders(self, country: str, title_word: str, day: dt.date | None) -> list[Entry]:
        """Return the people whose role on ``day`` is of ``country`` and has ``title_word``."""
        word = title_word.lower()
        out = []
        for entry in self.entries.values():
            if entry.kind != "person":
                continue
            role = entry.role_on(day)
            if role and role.country == country and word in role.title.lower().split():
                out.append(entry)
        return out

    def search(self, name: str, on: dt.date | None = None, limit: int = 10) -> list[Hit]:
        """Return the entries named ``name`` (exact first, then fuzzy), best first.

        Example: ``kb.search("Zelenskyy", on=dt.date(2023, 5, 1))``.
        """
        from rapidfuzz import fuzz, process

        hits: dict[str, Hit] = {}
        for surface in self.surfaces.get(norm(name), []):
            entry = self.entries[surface.entry_id]
            hits.setdefault(entry.id, Hit(entry, name, 1.0, entry.role_on(on)))
        key = norm(name)
        if key:
            for match, score, _ in process.extract(
                key, list(self.surfaces), scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=70
            ):
                for surface in self.surfaces[match]:
                    entry = self.entries[surface.entry_id]
                    if entry.id not in hits:
                        hits[entry.id] = Hit(entry, match, score / 100, entry.role_on(on))
        return sorted(hits.values(), key=lambda h: -h.score)[:limit]

    def counts(self) -> dict[str, int]:
        """Return how many states, organisations, groups, people and roles the KB holds."""
        out = {"states": 0, "organizations": 0, "groups": 0, "people": 0, "roles": 0}
        plural = {"state": "states", "organization": "organizations", "group": "groups",
                  "person": "people"}  # fmt: skip
        for entry in self.entries.values():
            out[plural[entry.kind]] += 1
            out["roles"] += len(entry.roles)
        out["names"] = len(self.surfaces)
        return out


_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})
_SPACES = re.compile(r"[\s\-]+")


@lru_cache(maxsize=65_536)
def norm(text: str) -> str:
    """Return the lookup key of ``text``: folded case and accents, no dots, no leading "the".

    Example: ``norm("the U.S.") == "us"``, ``norm("Élysée") == "elysee"``.
    """
    text = text.translate(_QUOTES)
    if not text.isascii():  # ASCII has no accents to strip: NFKD leaves it as it is
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold()
    text = _SPACES.sub(" ", text.replace(".", "")).strip()
    return text[4:] if text.startswith("the ") else text


def _is_acronym(text: str) -> bool:
    bare = text.replace(".", "")
    return bare.isupper() and len(bare) <= 4


def load_kb(extra: Sequence[Path] = ()) -> KnowledgeBase:
    """Return the knowledge base: our files, then the people files present, then ``extra``.

    Raises:
        DataError: a file is not valid YAML/JSON or an entry is malformed (the message names
            the file and the entry).
    """
    data = resources.files("newsevents") / "data" / "kb"
    sources: list[tuple[str, str]] = []
    for name in KB_FILES:
        sources.append((name, (data / name).read_text(encoding="utf-8")))
    people = sorted(p.name for p in data.iterdir() if Path(p.name).match(PEOPLE_GLOB))
    for name in people:
        sources.append((name, (data / name).read_text(encoding="utf-8")))
    for path in extra:
        try:
            sources.append((str(path), Path(path).read_text(encoding="utf-8")))
        except OSError as exc:
            raise DataError(f"cannot read knowledge-base file {path}: {exc}") from exc
    entries: dict[str, Entry] = {}
    words = _read_descriptors(DESCRIPTORS_FILE, (data / DESCRIPTORS_FILE).read_text("utf-8"))
    for origin, text in sources:
        doc = _parse(origin, text)
        if isinstance(doc, dict):  # a user file may carry descriptors too
            more = _read_descriptors(origin, text)
            words.descriptors.update(more.descriptors)
            words.titles.update(more.titles)
            words.state_nouns |= more.state_nouns
            words.body_nouns |= more.body_nouns
            words.act_nouns |= more.act_nouns
            words.agent_participles |= more.agent_participles
            words.epithet_nouns |= more.epithet_nouns
            doc = doc.get("entries", [])
        for raw in doc or []:
            entry = parse_entry(raw, origin)
            entries[entry.id] = entry
    return KnowledgeBase(entries, words.descriptors, words.titles,
                         frozenset(words.state_nouns), frozenset(words.body_nouns),
                         frozenset(words.act_nouns),
                         frozenset(words.agent_participles),
                         frozenset(words.epithet_nouns))  # fmt: skip


def _parse(origin: str, text: str) -> Any:
    try:
        return yaml.load(text, Loader=_LOADER)  # JSON is YAML too
    except yaml.YAMLError as exc:
        raise DataError(f"{origin}: not valid YAML or JSON: {exc}") from exc


@dataclass
class _Words:
    descriptors: dict[str, str]
    titles: dict[str, str]
    state_nouns: set[str]
    body_nouns: set[str]
    act_nouns: set[str]
    agent_participles: set[str]
    epithet_nouns: set[str]


def _read_descriptors(origin: str, text: str) -> _Words:
    doc = _parse(origin, text) or {}
    if not isinstance(doc, dict):
        raise DataError(f"{origin}: expected a mapping with 'descriptors'")

    def table(key: str) -> dict[str, str]:
        value = doc.get(key) or {}
        if not isinstance(value, dict):
            raise DataError(f"{origin}: '{key}' must map words to sector codes")
        return {str(k).lower(): str(v) for k, v in value.items()}

    def words(key: str) -> set[str]:
        value = doc.get(key) or []
        if not isinstance(value, list):
            raise DataError(f"{origin}: '{key}' must be a list of words")
        return {str(w).lower() for w in value}

    return _Words(table("descriptors"), table("titles"), words("state_nouns"),
                  words("body_nouns"), words("act_nouns"),
                  words("agent_participles"), words("epithet_nouns"))  # fmt: skip


def parse_entry(raw: Any, origin: str = "<entry>") -> Entry:
    """Return the Entry of one YAML mapping.

    Raises:
        DataError: a required field is missing or a value has the wrong type.
    """
    if not isinstance(raw, dict):
        raise DataError(f"{origin}: every entry must be a mapping, got {raw!r}")
    where = f"{origin}: entry {raw.get('id', '?')!r}"
    for key in ("id", "kind", "name"):
        if not raw.get(key):
            raise DataError(f"{where}: missing '{key}'")
    if raw["kind"] not in KINDS:
        raise DataError(f"{where}: kind must be one of {sorted(KINDS)}, got {raw['kind']!r}")
    metonyms = raw.get("metonyms") or {}
    if not isinstance(metonyms, dict):
        raise DataError(f"{where}: 'metonyms' must map a place to a sector code")
    return Entry(
        id=str(raw["id"]),
        kind=raw["kind"],
        name=str(raw["name"]),
        aliases=_strings(raw.get("aliases"), where, "aliases"),
        formal=raw.get("formal"),
        demonyms=_strings(raw.get("demonyms"), where, "demonyms"),
        metonyms=tuple((str(k), None if v is None else str(v)) for k, v in metonyms.items()),
        regions=_strings(raw.get("regions"), where, "regions"),
        cameo=raw.get("cameo"),
        country=raw.get("country"),
        sector=raw.get("sector"),
        members=_strings(raw.get("members"), where, "members"),
        gender=raw.get("gender"),
        roles=tuple(_role(r, where) for r in raw.get("roles") or ()),
        source=raw.get("source"),
    )


def _strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise DataError(f"{where}: '{key}' must be a list")
    return tuple(str(v) for v in value)


def _role(raw: Any, where: str) -> Role:
    if not isinstance(raw, dict) or not raw.get("title"):
        raise DataError(f"{where}: every role needs a 'title'")
    return Role(
        title=str(raw["title"]),
        country=raw.get("country"),
        sector=raw.get("sector"),
        start=_date(raw.get("start"), where),
        end=_date(raw.get("end"), where),
    )


def _date(value: Any, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise DataError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from exc
