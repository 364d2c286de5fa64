"""Small SVG charts for the actor page, computed server-side as plain shapes.

The template draws them from these numbers; no chart library, no script needed to read them.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

#: One colour per PLOVER type, grouped by kind: cooperation greens, talk blues, conflict reds.
TYPE_COLOURS: dict[str, str] = {
    "AGREE": "#2e7d32", "CONSULT": "#1565c0", "SUPPORT": "#43a047", "CONCEDE": "#7cb342",
    "COOPERATE": "#00897b", "AID": "#26a69a", "RETREAT": "#9e9d24", "REQUEST": "#5c6bc0",
    "ACCUSE": "#ef6c00", "REJECT": "#f4511e", "THREATEN": "#d81b60", "PROTEST": "#8e24aa",
    "SANCTION": "#6d4c41", "MOBILIZE": "#546e7a", "COERCE": "#c62828", "ASSAULT": "#b71c1c",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Bar:
    """One stacked piece of the timeline: a period, a type, its count and its box."""

    period: str
    plover: str
    count: int
    x: float
    y: float
    width: float
    height: float
    colour: str


@dataclass(frozen=True, slots=True)
class Timeline:
    """The timeline chart: bars, the period labels with their x, the chart size."""

    bars: list[Bar]
    labels: list[tuple[str, float]]
    width: int
    height: int
    max_count: int


def timeline(events: list[dict[str, Any]], width: int = 720, height: int = 180) -> Timeline:
    """Return a stacked bar chart of ``events`` per month (``event_date``) by PLOVER type."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for e in events:
        period = (e.get("event_date") or "undated")[:7]
        counts[period][e["plover"]] += 1
    periods = sorted(counts)
    if not periods:
        return Timeline([], [], width, height, 0)
    max_count = max(sum(c.values()) for c in counts.values())
    slot = width / len(periods)
    bar_w = max(min(slot * 0.7, 48), 2)
    plot_h = height - 24
    bars: list[Bar] = []
    labels: list[tuple[str, float]] = []
    for i, period in enumerate(periods):
        x = i * slot + (slot - bar_w) / 2
        y = float(plot_h)
        for plover, n in sorted(counts[period].items()):
            h = plot_h * n / max_count
            y -= h
            bars.append(Bar(period, plover, n, x, y, bar_w, h, TYPE_COLOURS.get(plover, "#999")))
        labels.append((period, x + bar_w / 2))
    step = max(1, math.ceil(len(labels) / 12))  # at most a dozen labels fit
    return Timeline(bars, labels[::step], width, height, max_count)


@dataclass(frozen=True, slots=True)
class Node:
    """A counterpart in the network: who, where it is drawn, how many events each way."""

    key: str
    name: str
    x: float
    y: float
    outgoing: int
    incoming: int


@dataclass(frozen=True, slots=True)
class Network:
    """The ego network: the actor in the centre, counterparts on a circle."""

    centre: tuple[float, float]
    nodes: list[Node]
    size: int
    max_weight: int


def network(actor: dict[str, Any], size: int = 360, limit: int = 12) -> Network:
    """Return the ego network of an actor page: whom it acts on and who acts on it."""
    out: Counter[str] = Counter()
    inc: Counter[str] = Counter()
    names: dict[str, str] = {}
    for e in actor["events_as_source"]:
        if e.get("target_key"):
            out[e["target_key"]] += 1
            names[e["target_key"]] = e["target_name"]
    for e in actor["events_as_target"]:
        if e.get("source_key"):
            inc[e["source_key"]] += 1
            names[e["source_key"]] = e["source_name"]
    keys = [k for k, _ in (out + inc).most_common(limit) if k != actor["key"]]
    c = size / 2
    r = size / 2 - 50
    nodes = []
    for i, key in enumerate(keys):
        angle = 2 * math.pi * i / max(len(keys), 1) - math.pi / 2
        nodes.append(Node(key, names.get(key, key), c + r * math.cos(angle),
                          c + r * math.sin(angle), out[key], inc[key]))  # fmt: skip
    weight = max((n.outgoing + n.incoming for n in nodes), default=0)
    return Network((c, c), nodes, size, weight)
