"""``newsevents eval events``: score event coding against the PLOVER gold sentences (issue 5).

``PLOVER_GSR_CAMEO.txt`` (Open Event Data Alliance, CC BY-SA 4.0) is a JSON list whose
first record documents the file; each other record is one sentence with its gold event
type, ``source`` and ``target`` actor lists (country ``code``, sector). It uses PLOVER
v0.5 type names, mapped as the manual does: DEMAND → REQUEST, DISAPPROVE → ACCUSE,
FIGHT → ASSAULT, INVESTIGATE → ACCUSE (mode investigate).

How it is scored (see ``docs/events.md``). Each sentence is analysed alone, as a
one-sentence article, through the whole pipeline. Per sentence:

* triples: the set of ``(source country, PLOVER type, target country)`` of the predicted
  events against the gold set. Gold lists expand to dyads (every source with every target;
  with no target, one triple with None). Two or more gold sources and no target is a
  reciprocal event (PLOVER manual, section on compound and reciprocal actors): it expands to
  every ordered pair of sources, the convention our coder follows. An actor's country is
  its ``country`` or, for an international body, the first three letters of its CAMEO code
  (IGO, NGO). Codes are compared after mapping CAMEO's own spellings to ISO (JAP → JPN ...).
* types: the set of predicted PLOVER types against the gold type.

Precision, recall and F1 are micro-averaged over sentences. The confusion table counts,
per gold type, the predicted type: the gold type when it is among the predictions, else
the first predicted event's type, else "none".
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import PLOVER_TYPES, Analysis

DEFAULT_PATH = Path("../shared/data/plover/PLOVER_GSR_CAMEO.txt")
#: PLOVER v0.5 names used by the gold file → current names (and the mode they imply).
OLD_TYPES: dict[str, tuple[str, str | None]] = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", None),
    "FIGHT": ("ASSAULT", None),
    "INVESTIGATE": ("ACCUSE", "investigate"),
}
#: CAMEO country codes that differ from ISO 3166 alpha-3.
CODE_ALIASES: dict[str, str] = {"ITL": "ITA", "JAP": "JPN", "VTN": "VAT"}

Triple = tuple[str | None, str, str | None]


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """One gold record: the sentence, its event type and mode, its dyads."""

    id: str
    text: str
    plover: str
    mode: str | None
    triples: frozenset[Triple]


@dataclass(slots=True)
class Score:
    """Micro-averaged counts of one measure."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, predicted: set[Any], gold: set[Any]) -> None:
        """Add one sentence's predicted and gold sets."""
        self.tp += len(predicted & gold)
        self.predicted += len(predicted)
        self.gold += len(gold)

    def as_dict(self) -> dict[str, float | int]:
        """Return the counts with precision, recall and F1."""
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"tp": self.tp, "predicted": self.predicted, "gold": self.gold,
                "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}  # fmt: skip


@dataclass(slots=True)
class Result:
    """The whole evaluation: triple and type scores, the confusion table, timing."""

    sentences: int = 0
    triples: Score = field(default_factory=Score)
    types: Score = field(default_factory=Score)
    main: Score = field(default_factory=Score)  # one event per sentence (``main_triples``)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)
    #: missed gold triples by cause, and false predicted triples by cause (``causes``)
    missed: Counter[str] = field(default_factory=Counter)
    false: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        """Return the result as plain JSON data."""
        return {
            "sentences": self.sentences,
            "triples": self.triples.as_dict(),
            "types": self.types.as_dict(),
            "main": self.main.as_dict(),
            "confusion": [[g, p, n] for (g, p), n in sorted(self.confusion.items())],
            "missed": dict(sorted(self.missed.items())),
            "false": dict(sorted(self.false.items())),
            "seconds": round(self.seconds, 1),
        }


def normal_code(code: str | None) -> str | None:
    """Return a country code in the form we compare: upper case, ISO where CAMEO differs."""
    if not code:
        return None
    code = code.strip().upper()[:3]
    return CODE_ALIASES.get(code, code)


def _codes(value: Any) -> list[str]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return []  # the file writes an absent target as "" in a few records
    codes = [normal_code(a.get("code")) for a in value if isinstance(a, dict)]
    return list(dict.fromkeys(c for c in codes if c))


def dyads(sources: list[str], targets: list[str], plover: str) -> frozenset[Triple]:
    """Return the gold triples of one record (see the module docstring for the rules)."""
    if not targets and len(sources) >= 2:
        return frozenset((a, plover, b) for a in sources for b in sources if a != b)
    srcs: list[str | None] = list(sources) or [None]
    tgts: list[str | None] = list(targets) or [None]
    return frozenset((s, plover, t) for s in srcs for t in tgts)


def read_gold(path: Path) -> list[GoldSentence]:
    """Return the gold sentences of ``PLOVER_GSR_CAMEO.txt`` (the DOCUMENT record skipped).

    Raises:
        InputError: the file is missing or is not the GSR's JSON list.
    """
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the PLOVER gold file {path}: {exc}") from exc
    if not isinstance(records, list):
        raise InputError(f"{path}: expected a JSON list of records")
    out: list[GoldSentence] = []
    for rec in records:
        event = str(rec.get("event", ""))
        if event == "DOCUMENT" or not rec.get("text"):
            continue
        plover, mode = OLD_TYPES.get(event, (event, None))
        if plover not in PLOVER_TYPES:
            raise InputError(f"{path}: record {rec.get('id')} has unknown type {event!r}")
        out.append(GoldSentence(
            id=str(rec["id"]),
            text=str(rec["text"]),
            plover=plover,
            mode=mode or rec.get("mode") or None,
            triples=dyads(_codes(rec.get("source")), _codes(rec.get("target")), plover),
        ))  # fmt: skip
    return out


def predicted_triples(analysis: Analysis) -> set[Triple]:
    """Return ``(source country, type, target country)`` of every event in ``analysis``."""
    return set(_in_text_order(analysis))


def _slot(gold: str | None, pred: str | None) -> str | None:
    """Return how a predicted country differs from the gold one, or None when equal."""
    if gold == pred:
        return None
    if pred is None:
        return "missing"
    return "extra" if gold is None else "wrong"


def causes(
    gold: frozenset[Triple], predicted: set[Triple], gold_type: str
) -> tuple[Counter[str], Counter[str]]:
    """Return ``(missed, false)``: why each gold triple was missed, why each false one was made.

    A missed gold triple: "no event" (nothing coded), "wrong type" (no event of the gold
    type), else how the closest predicted triple of the gold type differs: "source
    missing|wrong|extra", "target ...", or both joined by "+". A false triple of the gold
    type is "extra dyad" when the sentence also has a right one, else "actors wrong"; of
    another type, "extra event" when the gold type was coded too, else "wrong type". A
    false triple with no source or target country also counts under "... (no country)".

    >>> causes(frozenset({("RUS", "ACCUSE", "UKR")}), {("RUS", "ACCUSE", None)}, "ACCUSE")
    (Counter({'target missing': 1}), Counter({'actors wrong': 1, 'actors wrong (no country)': 1}))
    """
    missed: Counter[str] = Counter()
    false: Counter[str] = Counter()
    same = [t for t in predicted if t[1] == gold_type]
    for g in gold - predicted:
        if not predicted:
            missed["no event"] += 1
            continue
        if not same:
            missed["wrong type"] += 1
            continue
        best = max(same, key=lambda t: ((t[0] == g[0]) + (t[2] == g[2]), t[0] == g[0]))
        parts = [
            f"{slot} {how}"
            for slot, how in (("source", _slot(g[0], best[0])), ("target", _slot(g[2], best[2])))
            if how
        ]
        missed[" + ".join(parts)] += 1
    hit = bool(predicted & gold)
    for t in predicted - gold:
        if t[1] == gold_type:
            label = "extra dyad" if hit else "actors wrong"
        else:
            label = "extra event" if same else "wrong type"
        false[label] += 1
        if t[0] is None or t[2] is None:
            false[f"{label} (no country)"] += 1
    return missed, false


def main_triples(analysis: Analysis) -> set[Triple]:
    """Return the triples of the one event a one-event-per-sentence consumer would keep.

    The event (one trigger, with all its dyads) whose triples know the most countries;
    among equals, the first in the text. A secondary measure: the gold codes one event
    per sentence, the coder every event the sentence reports.
    """
    by_trigger: dict[int, set[Triple]] = {}
    for ev, triple in zip(analysis.events, _in_text_order(analysis), strict=True):
        by_trigger.setdefault(ev.trigger.start, set()).add(triple)
    best: set[Triple] = set()
    best_known = -1
    for triples in by_trigger.values():  # dicts keep the text order
        known = max((t[0] is not None) + (t[2] is not None) for t in triples)
        if known > best_known:
            best, best_known = triples, known
    return best


def score(gold: Iterable[GoldSentence], analyses: Iterable[Analysis]) -> Result:
    """Return the Result of ``analyses`` against ``gold`` (same order, one per sentence)."""
    result = Result()
    for sentence, analysis in zip(gold, analyses, strict=True):
        result.sentences += 1
        triples = predicted_triples(analysis)
        result.triples.add(triples, set(sentence.triples))
        result.main.add(main_triples(analysis), set(sentence.triples))
        if triples != set(sentence.triples):
            result.misses.append(_miss(sentence, analysis, triples))
            missed, false = causes(sentence.triples, triples, sentence.plover)
            result.missed.update(missed)
            result.false.update(false)
        types = [ev.plover for ev in analysis.events]
        result.types.add(set(types), {sentence.plover})
        if sentence.plover in types:
            result.confusion[(sentence.plover, sentence.plover)] += 1
        else:
            result.confusion[(sentence.plover, types[0] if types else "none")] += 1
    return result


def _in_text_order(analysis: Analysis) -> list[Triple]:
    """Return the triples of ``analysis``'s events in text order (with repeats).

    An event with no target actor but a ``target_code`` is aimed at a place (places step)
    or its actor's own country (``events.domestic``): its target country is that code's;
    likewise a ``source_code`` with no source actor.
    """
    from ..events.codes import actor_country

    out: list[Triple] = []
    for ev in analysis.events:
        src = normal_code(actor_country(analysis.actor(ev.source)))
        tgt = normal_code(actor_country(analysis.actor(ev.target)))
        if ev.target is None:
            tgt = normal_code(ev.target_code)
        if ev.source is None:
            src = normal_code(ev.source_code)  # a domestic protest's people (events.domestic)
        out.append((src, ev.plover, tgt))
    return out


def _miss(sentence: GoldSentence, analysis: Analysis, triples: set[Triple]) -> str:
    """Return a readable line block for a sentence whose triples differ from the gold."""

    def show(ts: Iterable[Triple]) -> str:
        return ", ".join(f"{s or '-'} {p} {t or '-'}" for s, p, t in sorted(ts, key=str))

    actors = ", ".join(f"{a.name}[{a.cameo or a.country or '?'}]" for a in analysis.actors)
    events = "; ".join(
        f"{ev.plover} '{ev.trigger.text}' {ev.source_code or '-'}>{ev.target_code or '-'}"
        for ev in analysis.events
    )
    return (
        f"{sentence.id}: {sentence.text}\n  gold: {show(sentence.triples)}\n"
        f"  pred: {show(triples)}\n  events: {events}\n  actors: {actors}"
    )


def evaluate(
    path: Path, split: str = "all", limit: int | None = None, settings: dict[str, Any] | None = None
) -> Result:
    """Return the Result of the whole pipeline on the gold sentences of ``path``.

    ``split``: "all", or "even"/"odd" records (by position) for a fixed tune/hold-out split.
    ``settings``: more Config settings, e.g. legacy dictionaries to code with.
    """
    from ..config import Config
    from ..pipeline import ArticleInput, get_pipeline

    gold = read_gold(path)
    if split in ("even", "odd"):
        gold = gold[(0 if split == "even" else 1) :: 2]
    gold = gold[:limit] if limit else gold
    started = time.perf_counter()
    items = [ArticleInput(text=g.text, key=g.id) for g in gold]
    analyses: dict[object, Analysis] = {}
    # one sentence is too short for language detection: the gold set is English
    pipeline = get_pipeline(Config(check_language=False, **(settings or {})))
    for key, analysis in pipeline.run(items, on_error=_skip):
        analyses[key] = analysis
    scored = [g for g in gold if g.id in analyses]
    result = score(scored, [analyses[g.id] for g in scored])
    result.seconds = time.perf_counter() - started
    return result


def _skip(step: str, key: object, exc: Exception) -> None:
    print(f"newsevents: {key}: {step} failed: {exc}", file=sys.stderr)


def format_result(result: Result) -> str:
    """Return the result as a readable table."""
    lines = [f"sentences: {result.sentences}  ({result.seconds:.1f} s)", ""]
    lines.append(f"{'measure':10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}")
    for name, s in (("triples", result.triples), ("types", result.types), ("main", result.main)):
        d = s.as_dict()
        lines.append(f"{name:10} {d['precision']:6.3f} {d['recall']:6.3f} {d['f1']:6.3f} "
                     f"{d['tp']:5} {d['predicted']:5} {d['gold']:5}")  # fmt: skip
    lines += ["", "confusion (rows: gold type; columns: predicted)"]
    predicted = [*sorted({p for _, p in result.confusion} - {"none"}), "none"]
    short = [p[:5] for p in predicted]
    lines.append(f"{'':10}" + "".join(f"{s:>6}" for s in short))
    for gold_type in sorted({g for g, _ in result.confusion}):
        row = [result.confusion.get((gold_type, p), 0) for p in predicted]
        lines.append(f"{gold_type:10}" + "".join(f"{n or '.':>6}" for n in row))
    return "\n".join(lines)


def format_causes(result: Result) -> str:
    """Return the missed and false triples by cause (``causes``) as two small tables."""
    lines: list[str] = []
    for title, counts, total in (
        ("missed gold triples", result.missed, result.triples.gold - result.triples.tp),
        ("false triples", result.false, result.triples.predicted - result.triples.tp),
    ):
        lines.append(f"{title} ({total}) by cause")
        for label, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"  {n:5}  {label}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Score the events step and print the result; return the exit code."""
    from ..commands.analyze import dictionary_settings

    result = evaluate(Path(args.path), split=args.split, limit=args.limit,
                      settings=dictionary_settings(args))  # fmt: skip
    if args.json:
        json.dump(result.as_dict(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(format_result(result))
    if args.breakdown:
        print("\n" + format_causes(result))
    if args.misses:
        print("\n" + "\n".join(result.misses))
    return 0


def register(sub: Any) -> None:
    """Add the ``events`` scorer to the ``eval`` subcommands."""
    p: argparse.ArgumentParser = sub.add_parser(
        "events",
        help="score event coding against the PLOVER gold sentences",
        description="Score the events step against PLOVER_GSR_CAMEO.txt: precision, recall "
        "and F1 of (source country, type, target country) triples and of types, and a "
        "confusion table of types. Each sentence is analysed alone by the whole pipeline.",
        epilog="example:\n  newsevents eval events ../shared/data/plover/PLOVER_GSR_CAMEO.txt",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("path", nargs="?", default=str(DEFAULT_PATH), help="the gold JSON file")
    p.add_argument(
        "--split",
        choices=("all", "even", "odd"),
        default="all",
        help="all records, or the even/odd ones (a fixed tune/hold-out split)",
    )
    p.add_argument("--limit", type=int, default=None, help="score only the first N sentences")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument(
        "--breakdown",
        action="store_true",
        help="count the missed and the false triples by cause (no event, wrong type, "
        "source or target missing/wrong, extra events)",
    )
    p.add_argument(
        "--misses",
        action="store_true",
        help="list each sentence whose triples differ from the gold, with the "
        "events and actors found",
    )
    from ..commands.analyze import add_dictionary_options

    add_dictionary_options(p)  # score with legacy dictionaries beside ours, or alone
    p.set_defaults(func=run)
