"""``newsevents eval petrarch``: PETRARCH2's own validation suite, coded over our parse.

``PETR.UnitTest.records.xml`` holds 284 ``<Sentence>`` records (the header's "285" counts
the ``<Sentences>`` element too), each with a ``category``, a ``date``, its ``<Text>``
and the expected ``<EventCoding sourcecode= targetcode= eventcode=>`` lines, or
``noevents="True"``, or ``error="..."`` (a malformed Penn parse PETRARCH must refuse), or
nothing. Its ``<Environment>`` names the ``PETR.Validate.*`` dictionaries beside it.

A record is right when the set of (source, target, code) we code for its text equals the
expected set exactly; records expecting no event (or an error) are right when we code
nothing. The Penn Treebank ``<Parse>`` is ignored: we parse the text with spaCy. Records
marked ``sentence="false"`` are ones PETRARCH itself does not run; they are scored and
also reported apart.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..legacy.coder import LegacyCoder
from ..legacy.readers import Dictionaries, load_dictionaries

DEFAULT_PATH = Path("../shared/data/petrarch2/PETR.UnitTest.records.xml")

Triple = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Record:
    """One validation record: what to code and what PETRARCH should get."""

    id: str
    category: str
    date: dt.date
    text: str
    expected: frozenset[Triple]
    error: bool = False
    active: bool = True


@dataclass(slots=True)
class Outcome:
    """A record with what we coded for it."""

    record: Record
    got: frozenset[Triple]

    @property
    def right(self) -> bool:
        """Return True when we coded exactly the expected events."""
        return self.got == self.record.expected


@dataclass(slots=True)
class Suite:
    """The records of a suite file and the dictionary files its environment names."""

    records: list[Record] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)


def read_suite(path: Path) -> Suite:
    """Return the records and dictionary files of a PETRARCH validation XML file.

    Raises:
        InputError: the file is missing or is not a validation suite.
    """
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError as exc:
        raise InputError(f"validation suite not found: {path}") from exc
    except ET.ParseError as exc:
        raise InputError(f"{path} is not well-formed XML: {exc}") from exc
    suite = Suite()
    env = root.find("Environment")
    for tag in ("Verbfile", "Actorfile", "Agentfile", "Discardfile"):
        node = env.find(tag) if env is not None else None
        if node is not None and node.text:
            suite.files[tag] = path.parent / node.text.strip()
    for node in root.iter("Sentence"):
        codings = node.findall("EventCoding")
        expected = frozenset(
            (c.get("sourcecode", ""), c.get("targetcode", ""), c.get("eventcode", ""))
            for c in codings
            if c.get("eventcode")
        )
        text_node = node.find("Text")
        suite.records.append(
            Record(
                id=node.get("id", ""),
                category=node.get("category", ""),
                date=dt.datetime.strptime(node.get("date", "19000101"), "%Y%m%d").date(),
                text=" ".join((text_node.text or "").split()) if text_node is not None else "",
                expected=expected,
                error=any(c.get("error") for c in codings),
                active=node.get("sentence", "true") != "false",
            )
        )
    if not suite.records:
        raise InputError(f"{path} has no <Sentence> records: is it a PETRARCH validation file?")
    return suite


def suite_dictionaries(suite: Suite) -> Dictionaries:
    """Return the dictionaries the suite's environment names (read strictly).

    Raises:
        InputError: the environment does not name a verb, actor and agent file.
    """
    missing = [t for t in ("Verbfile", "Actorfile", "Agentfile") if t not in suite.files]
    if missing:
        raise InputError(f"the suite's <Environment> names no {', '.join(missing)}")
    return load_dictionaries(
        suite.files["Verbfile"],
        suite.files["Actorfile"],
        suite.files["Agentfile"],
        suite.files.get("Discardfile"),
        strict=True,
    )


def code_records(records: list[Record], coder: LegacyCoder) -> list[Outcome]:
    """Return each record with the events we code for its text at its date."""
    from ..parse import load_nlp

    nlp = load_nlp()
    out: list[Outcome] = []
    for record, doc in zip(records, nlp.pipe(r.text for r in records), strict=True):
        coded = coder.code_doc(doc, record.date)
        out.append(Outcome(record, frozenset((c.source, c.target, c.code) for c in coded)))
    return out


def summarise(outcomes: list[Outcome]) -> dict[str, Any]:
    """Return the counts right/total overall, by category and for the active records."""

    def share(items: list[Outcome]) -> dict[str, Any]:
        right = sum(o.right for o in items)
        return {"right": right, "total": len(items), "share": round(right / len(items), 4)}

    categories = sorted({o.record.category for o in outcomes})
    return {
        "overall": share(outcomes),
        "active": share([o for o in outcomes if o.record.active]),
        "categories": {
            c: share([o for o in outcomes if o.record.category == c]) for c in categories
        },
        "failing": [
            {
                "id": o.record.id,
                "category": o.record.category,
                "text": o.record.text,
                "expected": sorted(o.record.expected),
                "got": sorted(o.got),
            }
            for o in outcomes
            if not o.right
        ],
    }


def evaluate(path: Path, limit: int | None = None) -> dict[str, Any]:
    """Return the suite's scores (see ``summarise``) and the time the run took."""
    started = time.perf_counter()
    suite = read_suite(path)
    coder = LegacyCoder(suite_dictionaries(suite))
    records = suite.records[:limit] if limit else suite.records
    result = summarise(code_records(records, coder))
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def iter_rows(result: dict[str, Any], verbose: bool = False) -> Iterator[str]:
    """Return the lines of a readable report of ``result``."""
    o, a = result["overall"], result["active"]
    yield f"PETRARCH validation suite: {o['right']}/{o['total']} records right ({o['share']:.1%})"
    yield f'  without the {o["total"] - a["total"]} sentence="false" records: ' + (
        f"{a['right']}/{a['total']} ({a['share']:.1%})"
    )
    yield f"{'category':10} {'right':>5} {'total':>5} {'share':>7}"
    for name, c in result["categories"].items():
        yield f"{name:10} {c['right']:5} {c['total']:5} {c['share']:7.1%}"
    if verbose:
        for f in result["failing"]:
            yield f"\n{f['id']} [{f['category']}] {f['text']}"
            yield f"  expected: {_triples(f['expected'])}"
            yield f"  got:      {_triples(f['got'])}"
    yield f"{result['seconds']} s"


def _triples(items: list[Triple]) -> str:
    return ", ".join("/".join(t) for t in items) or "(no event)"


def run(args: argparse.Namespace) -> int:
    """Run the scorer from parsed arguments; return the exit code."""
    result = evaluate(Path(args.path), args.limit)
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for line in iter_rows(result, args.verbose):
            print(line)
    return 0


def register(sub: Any) -> None:
    """Add the ``petrarch`` scorer to the ``eval`` subcommands."""
    p: argparse.ArgumentParser = sub.add_parser(
        "petrarch",
        help="code PETRARCH2's validation suite with its own dictionaries",
        description="Code the records of PETRARCH2's validation suite with the PETR.Validate "
        "dictionaries over our spaCy parse; report the records coded exactly right, overall "
        "and by category.",
        epilog="example:\n  newsevents eval petrarch "
        "../shared/data/petrarch2/PETR.UnitTest.records.xml --verbose",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("path", nargs="?", default=str(DEFAULT_PATH), help="the suite's XML file")
    p.add_argument("--limit", type=int, default=None, help="code only the first N records")
    p.add_argument("--verbose", action="store_true", help="list each failing record")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=run)
