"""The article reader's markup: the text cut into segments, each with its annotations.

Annotations overlap (a mention inside a statement's content, a trigger inside both), so the
text is cut at every annotation boundary and each segment lists every annotation covering
it. The template escapes each segment's text; nothing of the article reaches the page as
markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any


@dataclass(frozen=True, slots=True)
class Mark:
    """One annotation: its layer (actor, source, cue, content, trigger, date, place, frame),
    its span, the id it refers to and a one-line label for the tooltip."""

    layer: str
    start: int
    end: int
    ref: str
    label: str


@dataclass(slots=True)
class Segment:
    """A stretch of text and the annotations covering it."""

    text: str
    marks: list[Mark] = field(default_factory=list)

    @property
    def classes(self) -> str:
        """Return the CSS classes: one per layer present (``hl-actor hl-trigger``)."""
        return " ".join(sorted({f"hl-{m.layer}" for m in self.marks}))

    @property
    def refs(self) -> str:
        """Return the ids of the covering annotations, space-separated (``a1 e3``)."""
        return " ".join(dict.fromkeys(m.ref for m in self.marks))

    @property
    def title(self) -> str:
        """Return the tooltip: each covering annotation's label on its own line."""
        return "\n".join(dict.fromkeys(m.label for m in self.marks))


def marks_of(analysis: dict[str, Any]) -> list[Mark]:
    """Return every annotation of a newsevents/1 analysis as a Mark."""
    marks: list[Mark] = []
    actors = {a["id"]: a for a in analysis["actors"]}
    for a in analysis["actors"]:
        code = a.get("cameo") or a.get("country") or ""
        for m in a["mentions"]:
            marks.append(
                Mark(
                    "actor",
                    m["start"],
                    m["end"],
                    a["id"],
                    f"actor {a['name']} ({code}) via {m['via']}",
                )
            )
    for s in analysis["statements"]:
        who = actors.get(s["speaker"] or "", {}).get("name", "unnamed source")
        if s["source"]:
            marks.append(
                Mark(
                    "source",
                    s["source"]["start"],
                    s["source"]["end"],
                    s["id"],
                    f"source of {s['id']}: {who}",
                )
            )
        marks.append(
            Mark(
                "cue",
                s["cue"]["start"],
                s["cue"]["end"],
                s["id"],
                f"cue of {s['id']} ({s['kind']})",
            )
        )
        marks.append(
            Mark(
                "content",
                s["content"]["start"],
                s["content"]["end"],
                s["id"],
                f"statement {s['id']} by {who} ({s['kind']})",
            )
        )
    for e in analysis["events"]:
        src = actors.get(e["source"] or "", {}).get("name", "?")
        tgt = actors.get(e["target"] or "", {}).get("name", "-")
        flags = [k for k, v in e["modality"].items() if v]
        label = (
            f"event {e['id']}: {src} {e['plover']} ({e['cameo']}) {tgt}"
            + (f" [{', '.join(flags)}]" if flags else "")
            + ("" if e["asserted_by"] == "outlet" else f" claimed in {e['asserted_by']}")
        )
        t = e["trigger"]
        marks.append(Mark("trigger", t["start"], t["end"], e["id"], label))
    for d in analysis["dates"]:
        marks.append(
            Mark(
                "date",
                d["start"],
                d["end"],
                d["id"],
                f"date {d['text']} → {d['value'] or 'unanchored'}",
            )
        )
    for p in analysis["places"]:
        marks.append(
            Mark(
                "place", p["start"], p["end"], p["id"], f"place {p['name']} ({p['country'] or '?'})"
            )
        )
    for i, f in enumerate(analysis["framing"]):
        if f["kind"] == "technique":
            continue  # paragraph-level: listed beside the text, not highlighted
        marks.append(
            Mark(
                "frame",
                f["start"],
                f["end"],
                f"f{i + 1}",
                f"{f['kind'].replace('_', ' ')}: {f['note']}",
            )
        )
    return [m for m in marks if m.end > m.start]


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Return ``text`` cut at every mark boundary, each piece with the marks covering it."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    cuts = [c for c in cuts if 0 <= c <= len(text)]
    by_start = sorted(marks, key=lambda m: (m.start, -m.end))
    out: list[Segment] = []
    active: list[Mark] = []
    i = 0
    for lo, hi in pairwise(cuts):
        while i < len(by_start) and by_start[i].start <= lo:
            active.append(by_start[i])
            i += 1
        active = [m for m in active if m.end > lo]
        out.append(Segment(text[lo:hi], [m for m in active if m.start <= lo < m.end]))
    return out


def paragraphs(segs: list[Segment]) -> list[list[Segment]]:
    """Return the segments grouped into paragraphs at each blank line of the text."""
    paras: list[list[Segment]] = [[]]
    for seg in segs:
        pieces = seg.text.split("\n\n")
        for j, piece in enumerate(pieces):
            if j:
                paras.append([])
            if piece:
                paras[-1].append(Segment(piece, seg.marks))
    return [p for p in paras if p]
