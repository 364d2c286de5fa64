"""``newsevents eval actors``: score actor countries and sectors against the PLOVER GSR.

The PLOVER gold standard records (``PLOVER_GSR_CAMEO.txt``, CC BY-SA 4.0, Open Event Data
Alliance) give each sentence's event ``source`` and ``target`` actors with a CAMEO country
code (or ``IGO``/``NGO``/``IMG``) and, for some, a sector (GOV, MIL, REB, ...). The first
record documents the file and is skipped. Per sentence we compare sets:

* countries: the gold codes against the first three letters of the ``cameo`` of every
  actor we find (``RUSGOV`` → RUS, ``IGOUNO`` → IGO);
* sectors: the gold (code, sector) pairs that have a sector (its first three letters:
  ``CVLalb`` → CVL; ``***`` is skipped) against our (code, sector) pairs.

Counts are summed over sentences (micro-averaged). Our actors include every actor of the
sentence, while the gold lists only the one event's source and target, so precision is a
lower bound. Two gold codes are not CAMEO country codes and are mapped: JAP → JPN,
ITL → ITA.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Actor

DEFAULT_PATH = Path("../shared/data/plover/PLOVER_GSR_CAMEO.txt")
#: Gold codes that are typos of CAMEO country codes.
GOLD_FIXES: dict[str, str] = {"JAP": "JPN", "ITL": "ITA"}


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """One gold sentence: its id, text, country codes and (code, sector) pairs."""

    id: str
    text: str
    countries: frozenset[str]
    sectors: frozenset[tuple[str, str]]


@dataclass(slots=True)
class Tally:
    """True positives, predictions and gold items of one measure."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, predicted: set[Any] | frozenset[Any], gold: set[Any] | frozenset[Any]) -> None:
        """Count one sentence's sets."""
        self.tp += len(predicted & gold)
        self.predicted += len(predicted)
        self.gold += len(gold)

    def scores(self) -> tuple[float, float, float]:
        """Return precision, recall and F1 (0 when undefined)."""
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class Report:
    """The scores of one run."""

    sentences: int = 0
    countries: Tally = field(default_factory=Tally)
    sectors: Tally = field(default_factory=Tally)
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)


def read_gold(path: Path) -> list[GoldSentence]:
    """Return the gold sentences of a PLOVER GSR file (the DOCUMENT record left out).

    Raises:
        InputError: the file is missing or not the GSR JSON list.
    """
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read the PLOVER GSR at {path}: {exc}") from exc
    if not isinstance(records, list):
        raise InputError(f"{path}: expected a JSON list of records")
    out = []
    for rec in records:
        if not isinstance(rec, dict) or rec.get("event") == "DOCUMENT" or not rec.get("text"):
            continue
        actors = [a for key in ("source", "target") for a in _actors(rec.get(key))]
        codes = {GOLD_FIXES.get(a["code"], a["code"]) for a in actors if a.get("code")}
        sectors = {
            (GOLD_FIXES.get(a["code"], a["code"]), a["sector"][:3].upper())
            for a in actors
            if a.get("code") and a.get("sector") and a["sector"][:3].isalpha()
        }
        out.append(GoldSentence(rec["id"], rec["text"].strip(" {}"), frozenset(codes),
                                frozenset(sectors)))  # fmt: skip
    return out


def _actors(value: Any) -> Iterable[dict[str, Any]]:
    if isinstance(value, dict):
        value = [value]
    if isinstance(value, list):
        yield from (a for a in value if isinstance(a, dict))


def predicted(actors: list[Actor]) -> tuple[set[str], set[tuple[str, str]]]:
    """Return the country codes and (code, sector) pairs of our actors."""
    codes: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for actor in actors:
        if not actor.cameo:
            continue
        code = actor.cameo[:3]
        codes.add(code)
        if actor.sector and actor.sector != code:  # an IGO's sector "IGO" restates its code
            pairs.add((code, actor.sector))
    return codes, pairs


def evaluate(path: Path, limit: int | None = None) -> Report:
    """Return the country and sector scores of the actors step on the PLOVER GSR."""
    from ..actors import find_actors
    from ..actors.kb import load_kb
    from ..parse import load_nlp

    gold = read_gold(path)[:limit]
    nlp, kb = load_nlp(), load_kb()
    report = Report()
    start = time.perf_counter()
    for sentence, doc in zip(gold, nlp.pipe(s.text for s in gold), strict=True):
        codes, pairs = predicted(find_actors(doc, kb, None))
        report.sentences += 1
        report.countries.add(codes, sentence.countries)
        report.sectors.add(pairs, sentence.sectors)
        missing = (sentence.countries - codes) | {f"{c}{s}" for c, s in sentence.sectors - pairs}
        if missing:
            report.misses.append(f"{sentence.id}: missed {sorted(missing)}; found "
                                 f"{sorted(codes)} {sorted(c + s for c, s in pairs)}")  # fmt: skip
    report.seconds = time.perf_counter() - start
    return report


def register(sub: Any) -> None:
    """Add ``eval actors`` to the eval scorers."""
    p: argparse.ArgumentParser = sub.add_parser(
        "actors",
        help="actor countries and sectors against the PLOVER gold sentences",
        description=__doc__,
        epilog="example:\n  newsevents eval actors ../shared/data/plover/PLOVER_GSR_CAMEO.txt",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH,
                   help=f"the GSR file (default {DEFAULT_PATH})")  # fmt: skip
    p.add_argument("--limit", type=int, default=None, help="score the first N sentences only")
    p.add_argument("--misses", action="store_true", help="list the sentences with misses")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Score and print the report; return the exit code."""
    report = evaluate(args.path, args.limit)
    if args.misses:
        print("\n".join(report.misses))
    print(f"PLOVER GSR: {report.sentences} sentences, {report.seconds:.1f} s")
    print(f"{'measure':<10}{'gold':>6}{'found':>7}{'right':>7}{'P':>7}{'R':>7}{'F1':>7}")
    for name, tally in (("countries", report.countries), ("sectors", report.sectors)):
        p, r, f = tally.scores()
        print(f"{name:<10}{tally.gold:>6}{tally.predicted:>7}{tally.tp:>7}"
              f"{p:>7.3f}{r:>7.3f}{f:>7.3f}")  # fmt: skip
    return 0
