"""Readers for PETRARCH/TABARI actor and agent dictionaries.

Actors (``*.actors.txt``): a record is a primary phrase, optional ``+SYNONYM`` lines and
codes, either ``[CODE]`` after a phrase or on indented lines, each with an optional date
restriction: ``[USAGOV <950101]`` (before), ``[USAGOV >950101]`` (after),
``[USAGOV 940101-950101]`` (between, ends included); a code without a restriction is the
default. Dates are ``YYMMDD`` or ``YYYYMMDD``. ``[ELR/GAL]`` gives several actors at once.
A final ``_`` on a word is ignored: PETRARCH does not stem.

Agents (``*.agents.txt``): ``PHRASE {PLURALS} [~CODE]``. ``~CODE`` is added after the
actor's code (``ARN`` + ``~GOV`` = ``ARNGOV``), ``CODE~`` before it (``NGO~`` + ``ARN`` =
``NGOARN``). Regular plurals are generated unless ``{}`` is given or plurals are listed in
``{...}``. ``!NAME! = A, B, C`` defines a substitution set; each member replaces
``!NAME!`` in the phrases that use it, with no plurals added.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError
from .lines import Line, content_lines, error, parse_date, phrase_words, read_text
from .verbdict import plural

_BRACKET = re.compile(r"\[([^\]]*)\]")
_RESTRICTION = re.compile(r"^(?P<code>\S+)(?:\s+(?P<rest>.+))?$")


@dataclass(frozen=True, slots=True)
class DatedCode:
    """An actor code, valid from ``start`` to ``end`` (both included; None: open)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def restricted(self) -> bool:
        """Return True when the code holds only between dates."""
        return self.start is not None or self.end is not None

    def holds(self, day: dt.date) -> bool:
        """Return True when the code applies on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(slots=True)
class ActorEntry:
    """An actor record: its phrases (primary first) and its dated codes, in file order."""

    phrases: list[tuple[str, ...]]
    codes: list[DatedCode]
    line: int

    def codes_on(self, day: dt.date | None) -> list[str]:
        """Return the actor's codes on ``day``: the first restriction that holds, else defaults.

        A code such as ``ELR/GAL`` gives several codes. Without a date only the default
        codes apply. Returns [] when nothing applies (a null-coded actor).
        """
        chosen: str | None = None
        if day is not None:
            chosen = next((c.code for c in self.codes if c.restricted and c.holds(day)), None)
        if chosen is None:
            chosen = next((c.code for c in self.codes if not c.restricted), None)
        return [] if chosen is None else [c for c in chosen.split("/") if c]


@dataclass(slots=True)
class ActorDictionary:
    """Actor records and the phrase → record index over all of them."""

    paths: list[str] = field(default_factory=list)
    entries: list[ActorEntry] = field(default_factory=list)
    index: dict[tuple[str, ...], ActorEntry] = field(default_factory=dict)
    #: Phrases written with a blank between words: other words may come between them.
    loose: set[tuple[str, ...]] = field(default_factory=set)
    skipped: list[str] = field(default_factory=list)

    def add(self, entry: ActorEntry) -> None:
        """Add a record; a phrase seen before keeps its first record (as PETRARCH does)."""
        self.entries.append(entry)
        for words in entry.phrases:
            self.index.setdefault(words, entry)


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """An agent phrase and its code; ``prefix`` codes go before the actor's code."""

    phrase: tuple[str, ...]
    code: str
    prefix: bool
    line: int


@dataclass(slots=True)
class AgentDictionary:
    """Agent phrases (every generated plural and substitution is its own entry)."""

    path: str
    entries: list[AgentEntry] = field(default_factory=list)
    index: dict[tuple[str, ...], AgentEntry] = field(default_factory=dict)
    #: Phrases written with a blank between words: other words may come between them.
    loose: set[tuple[str, ...]] = field(default_factory=set)
    skipped: list[str] = field(default_factory=list)


def parse_code(text: str, path: str, line: Line) -> DatedCode:
    """Return the dated code inside one ``[...]`` (without the brackets).

    Raises:
        DataError: an empty code or a restriction that is not ``<d``, ``>d`` or ``d-d``.
    """
    m = _RESTRICTION.match(text.strip())
    if not m:
        raise error(path, line, "empty actor code []")
    code, rest = m.group("code"), (m.group("rest") or "").replace(" ", "")
    if not rest and (code[:1] in "<>" or code[:1].isdigit()):
        # "[<950601]" or "[950601-990815]": a restriction with no code.
        raise error(path, line, f"date restriction without a code: [{text.strip()}]")
    try:
        if not rest:
            return DatedCode(code)
        if rest.startswith("<"):
            return DatedCode(code, None, parse_date(rest[1:]))
        if rest.startswith(">"):
            return DatedCode(code, parse_date(rest[1:]), None)
        if rest.count("-") == 1:
            a, b = rest.split("-")
            return DatedCode(code, parse_date(a), parse_date(b))
    except ValueError as exc:
        raise error(path, line, f"bad date in [{text.strip()}]: {exc}") from exc
    raise error(path, line, f"bad date restriction in [{text.strip()}]")


def read_actors(
    path: str | Path, *, strict: bool = True, into: ActorDictionary | None = None
) -> ActorDictionary:
    """Return the actors of ``path`` (added to ``into`` when given, to merge several files).

    Raises:
        MissingInputError: the file does not exist.
        DataError: a malformed line (``file:line: what is wrong``), when ``strict``;
            otherwise the line is skipped and noted in ``skipped``.
    """
    src = str(path)
    out = into if into is not None else ActorDictionary()
    out.paths.append(src)
    current: ActorEntry | None = None
    for line in content_lines(read_text(path)):
        text = line.text
        if not text.strip():
            continue
        try:
            codes = [parse_code(c, src, line) for c in _BRACKET.findall(text)]
            phrase_text = _BRACKET.sub(" ", text).strip()
            if "[" in phrase_text or "]" in phrase_text:
                raise error(src, line, f"unbalanced brackets: {text.strip()!r}")
            if text[:1] in " \t" and not phrase_text:  # an indented code line
                if current is None:
                    raise error(src, line, "code line before any actor phrase")
                current.codes.extend(codes)
            elif phrase_text.startswith("+"):
                if current is None:
                    raise error(src, line, "synonym '+' line before any actor phrase")
                words = phrase_words(phrase_text[1:])
                if _has_blank(phrase_text[1:]):
                    out.loose.add(words)
                if words:
                    current.phrases.append(words)
                    out.index.setdefault(words, current)
                current.codes.extend(codes)
            else:
                words = phrase_words(phrase_text)
                if not words:
                    raise error(src, line, f"no actor phrase: {text.strip()!r}")
                if _has_blank(phrase_text):
                    out.loose.add(words)
                current = ActorEntry([words], codes, line.number)
                out.add(current)
        except DataError:
            if strict:
                raise
            out.skipped.append(f"{src}:{line.number}: {line.raw.strip()}")
    return out


def _has_blank(phrase: str) -> bool:
    """Return True when a phrase has a blank (not ``_``) between two of its words."""
    return re.search(r"\S\s+\S", phrase.strip()) is not None


def read_agents(path: str | Path, *, strict: bool = True) -> AgentDictionary:
    """Return the agents of ``path``, with plurals and substitutions generated.

    Raises:
        MissingInputError: the file does not exist.
        DataError: a malformed line, when ``strict`` (else skipped, noted in ``skipped``).
    """
    src = str(path)
    out = AgentDictionary(src)
    substitutions: dict[str, list[str]] = {}
    for line in content_lines(read_text(path)):
        text = line.text.strip()
        if not text:
            continue
        try:
            m = re.match(r"^!(\w+)!\s*=\s*(.+)$", text)
            if m:
                substitutions[m.group(1).upper()] = [
                    w.strip().upper() for w in m.group(2).split(",") if w.strip()
                ]
                continue
            loose = _has_blank(re.split(r"[\[{]", text, maxsplit=1)[0])
            for entry in _agent_entries(text, substitutions, src, line):
                if loose:
                    out.loose.add(entry.phrase)
                out.entries.append(entry)
                out.index.setdefault(entry.phrase, entry)
        except DataError:
            if strict:
                raise
            out.skipped.append(f"{src}:{line.number}: {line.raw.strip()}")
    return out


def _agent_entries(
    text: str, substitutions: dict[str, list[str]], path: str, line: Line
) -> list[AgentEntry]:
    """Return the entries of one agent line (its phrase, plurals and substitutions)."""
    codes = _BRACKET.findall(text)
    if len(codes) != 1:
        raise error(path, line, f"an agent line needs one [code]: {text!r}")
    raw_code = codes[0].replace(" ", "")
    if raw_code.startswith("~") and len(raw_code) > 1:
        code, prefix = raw_code[1:], False
    elif raw_code.endswith("~") and len(raw_code) > 1:
        code, prefix = raw_code[:-1], True
    else:
        raise error(path, line, f"agent code needs '~' before or after it: [{codes[0]}]")
    head = text[: text.index("[")]
    plurals_text: str | None = None
    if "{" in head:
        if "}" not in head:
            raise error(path, line, "unclosed '{' in agent plurals")
        plurals_text = head[head.index("{") + 1 : head.index("}")]
        head = head[: head.index("{")]
    phrases: list[tuple[str, ...]] = []
    marker = re.search(r"!(\w+)!", head)
    if marker:
        name = marker.group(1).upper()
        if name not in substitutions:
            raise error(path, line, f"undefined substitution set !{name}!")
        for member in substitutions[name]:
            phrases.append(phrase_words(head.replace(marker.group(0), member)))
    else:
        words = phrase_words(head)
        if not words:
            raise error(path, line, f"no agent phrase: {text!r}")
        phrases.append(words)
        if plurals_text is None:
            phrases.append((*words[:-1], plural(words[-1])))
        else:
            phrases.extend(phrase_words(p) for p in plurals_text.split() if p.strip())
    return [AgentEntry(p, code, prefix, line.number) for p in phrases if p]
