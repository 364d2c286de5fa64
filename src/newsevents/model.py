"""The data model: plain dataclasses that every step reads and extends.

Every span is ``[start, end)`` character offsets into ``Article.text``, the normalised text
the output carries. ``Analysis.to_dict()`` gives exactly the ``newsevents/1`` JSON
(``docs/schema.md``); the spaCy ``Doc`` rides along in ``Analysis.doc`` inside the process
and never leaves it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from spacy.tokens import Doc

SCHEMA = "newsevents/1"

#: PLOVER's 16 event types (PLOVER manual, section 2).
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

ActorKind = Literal["person", "organization", "state", "group"]
MentionVia = Literal["name", "alias", "metonym", "descriptor", "pronoun"]
StatementKind = Literal["direct", "indirect", "mixed", "according_to"]
FrameKind = Literal["loaded_term", "editorial", "hedge", "technique"]
Precision = Literal["day", "month", "year", "decade", "week", "season", "time"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Removed:
    """Boilerplate taken out by normalisation, with its offsets in the *original* input."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class OffsetRun:
    """``length`` characters copied unchanged from ``original`` to ``start`` in the text."""

    start: int
    original: int
    length: int


@dataclass(slots=True)
class Article:
    """The normalised article: what every span points into."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str = "en"
    removed: list[Removed] = field(default_factory=list)
    offsets: list[OffsetRun] = field(default_factory=list)

    def to_original(self, offset: int) -> int | None:
        """Return the input offset of text offset ``offset``, or None if it was inserted.

        Characters that normalisation inserted or rewrote (a paragraph break, a collapsed
        space) have no single original offset.
        """
        lo, hi = 0, len(self.offsets)
        while lo < hi:  # binary search: runs are sorted by start
            mid = (lo + hi) // 2
            run = self.offsets[mid]
            if offset < run.start:
                hi = mid
            elif offset >= run.start + run.length:
                lo = mid + 1
            else:
                return run.original + offset - run.start
        return None


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in the text that refers to an actor, and how it does."""

    start: int
    end: int
    text: str
    via: MentionVia
    confidence: float = 1.0


@dataclass(slots=True)
class Actor:
    """A person, organisation, state or group the article refers to."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    cameo: str | None = None
    role: str | None = None
    kb_id: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Statement:
    """An attribution: who (source, resolved to ``speaker``) said what (content), by which cue."""

    id: str
    speaker: str | None
    source: Span | None
    cue: Span
    content: Span
    kind: StatementKind


@dataclass(slots=True)
class Modality:
    """How an event is said to hold. All false means: asserted as having happened."""

    negated: bool = False
    conditional: bool = False
    hypothetical: bool = False
    future: bool = False
    near_miss: bool = False

    @property
    def factual(self) -> bool:
        """Return True when no modality flag is set."""
        return not (
            self.negated or self.conditional or self.hypothetical or self.future or self.near_miss
        )


@dataclass(slots=True)
class TimeExpr:
    """A temporal expression normalised against the publication date."""

    id: str
    start: int
    end: int
    text: str
    value: str | None
    precision: Precision | None


@dataclass(slots=True)
class DateRef:
    """An event's date: its clause's time expression, else the publication date.

    ``start``/``end``/``text`` are None when the date comes from the publication date.
    """

    value: str | None
    precision: Precision | None
    start: int | None = None
    end: int | None = None
    text: str | None = None


@dataclass(slots=True)
class Place:
    """A place mention linked to the gazetteer."""

    id: str
    start: int
    end: int
    text: str
    name: str
    kind: str
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None


@dataclass(slots=True)
class Event:
    """Who did what to whom: PLOVER type and mode, CAMEO code, actors, modality, provenance."""

    id: str
    plover: str
    cameo: str
    source: str | None
    target: str | None
    trigger: Span
    sentence: int
    plover_mode: str | None = None
    context: list[str] = field(default_factory=list)
    source_code: str | None = None
    target_code: str | None = None
    modality: Modality = field(default_factory=Modality)
    asserted_by: str = "outlet"
    certainty: float = 1.0
    date: DateRef | None = None
    location: str | None = None  # a Place id


@dataclass(slots=True)
class Frame:
    """A framing finding: a loaded term, an editorial sentence, a hedge or a technique."""

    kind: FrameKind
    start: int
    end: int
    text: str
    note: str
    target: str | None = None
    label: str | None = None


@dataclass(slots=True)
class Analysis:
    """Everything the pipeline found in one article; ``to_dict()`` is the newsevents/1 JSON."""

    article: Article
    sentences: list[tuple[int, int]] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dates: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    framing: list[Frame] = field(default_factory=list)
    doc: Doc | None = field(default=None, repr=False, compare=False)

    def span(self, start: int, end: int) -> Span:
        """Return the Span of ``article.text[start:end]``."""
        return Span(start, end, self.article.text[start:end])

    def actor(self, actor_id: str | None) -> Actor | None:
        """Return the actor with this id, or None."""
        if actor_id is None:
            return None
        return next((a for a in self.actors if a.id == actor_id), None)

    def actor_at(self, start: int, end: int) -> Actor | None:
        """Return the actor with a mention overlapping ``[start, end)`` the most, or None.

        Ties go to the mention that starts last inside the span (the head of a noun phrase
        such as "Kremlin spokesman Dmitry Peskov" is at its end).
        """
        best: tuple[int, int, Actor] | None = None
        for actor in self.actors:
            for m in actor.mentions:
                overlap = min(end, m.end) - max(start, m.start)
                if overlap > 0 and (best is None or (overlap, m.start) > best[:2]):
                    best = (overlap, m.start, actor)
        return best[2] if best else None

    def statement_covering(self, start: int, end: int) -> Statement | None:
        """Return the innermost statement whose content contains ``[start, end)``, or None."""
        inside = [
            s for s in self.statements if s.content.start <= start and end <= s.content.end
        ]
        return min(inside, key=lambda s: s.content.end - s.content.start, default=None)

    def sentence_index(self, offset: int) -> int:
        """Return the index of the sentence holding ``offset`` (the nearest before it)."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.sentences[mid][0] <= offset:
                lo = mid + 1
            else:
                hi = mid
        return max(lo - 1, 0)

    def to_dict(self) -> dict[str, Any]:
        """Return the analysis as the ``newsevents/1`` JSON object."""
        art = self.article
        return {
            "schema": SCHEMA,
            "article": {
                "id": art.id,
                "title": art.title,
                "outlet": art.outlet,
                "url": art.url,
                "published": art.published.isoformat() if art.published else None,
                "language": art.language,
                "text": art.text,
                "removed": [asdict(r) for r in art.removed],
                "offsets": [[r.start, r.original, r.length] for r in art.offsets],
            },
            "sentences": [{"start": s, "end": e} for s, e in self.sentences],
            "actors": [_actor_dict(a) for a in self.actors],
            "statements": [_statement_dict(s) for s in self.statements],
            "events": [_event_dict(e) for e in self.events],
            "dates": [asdict(d) for d in self.dates],
            "places": [asdict(p) for p in self.places],
            "framing": [asdict(f) for f in self.framing],
        }


def _actor_dict(actor: Actor) -> dict[str, Any]:
    out = asdict(actor)
    out["mentions"] = [asdict(m) for m in actor.mentions]
    return out


def _span_dict(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def _statement_dict(st: Statement) -> dict[str, Any]:
    return {
        "id": st.id,
        "speaker": st.speaker,
        "source": _span_dict(st.source),
        "cue": _span_dict(st.cue),
        "content": _span_dict(st.content),
        "kind": st.kind,
    }


def _event_dict(ev: Event) -> dict[str, Any]:
    out = asdict(ev)
    out["trigger"] = _span_dict(ev.trigger)
    out["modality"] = asdict(ev.modality)
    out["date"] = None if ev.date is None else asdict(ev.date)
    out["factual"] = ev.modality.factual and ev.asserted_by == "outlet"
    return out
