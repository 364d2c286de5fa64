"""A deterministic article spinner, to build the provenance test set (not used to detect).

Content farms republish articles through "spinners": every sentence is rewritten with
near-synonyms ("said" → "has stated"), clauses are moved ("X, because Y" → "Because Y,
X"), attributions turned around, some actives made passive, long sentences split and
short ones merged. ``Spinner.spin`` does all of this, seeded, so the same article and
seed always give the same rewrite. ``verbatim``, ``light_edit`` and ``excerpt`` make the
other three kinds of copy.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import yaml

from ..errors import DataError
from .fingerprint import split_sentences

_SUBORDINATE = re.compile(
    r"^(?P<main>[A-Z][^,;\"“”]{15,}?),? (?P<conj>because|although|while|after|before|when|"
    r"since|though|as soon as|even though) (?P<sub>[^,;\"“”]{10,})\.$"
)
_INTRO = re.compile(r"^(?P<intro>(?:On|In|Last|This|Earlier|During|After|Before) [^,;]{2,30}),"
                    r" (?P<rest>[a-z\"“A-Z][^;]{15,})\.$")  # fmt: skip
_ATTRIB = re.compile(
    r"^(?P<q>[\"“][^\"“”]{10,}?),[\"”] (?P<who>[A-Z][\w.'’ -]{1,40}?) "
    r"(?P<verb>said|says|told [A-Z][\w ]{1,20}|added|wrote)\.$"
)
_ACTIVE = re.compile(
    r"^(?P<subj>(?:[A-Z][\w.'’-]+ ){0,3}[A-Z][\w.'’-]+) (?P<verb>criticized|praised|endorsed|"
    r"defeated|attacked|blamed|accused|supported|rejected|announced|released|signed|approved|"
    r"won|launched|hired|fired|sued|introduced|interviewed|thanked|invited) (?P<obj>[^,;\"“”]"
    r"{3,60})\.$"
)
_PARTICIPLE = {"won": "won", "sued": "sued"}
_SAID_LAST = re.compile(
    r"^(?P<body>[A-Za-z][^\"“”]{20,}), (?P<who>he|she|they|[A-Z][\w.'’ -]{1,40}?) "
    r"(?P<verb>said|says|added|noted|wrote|told reporters)\.$"
)
_SAID_FIRST = re.compile(
    r"^(?P<who>[A-Z][\w.'’ -]{1,40}?) (?P<verb>said|says|noted|added) (?:that )?"
    r"(?P<body>[^\"“”]{20,})\.$"
)
_ACCORDING = re.compile(r"^According to (?P<who>[^,]{3,60}), (?P<rest>.{15,})\.$")
_SPLIT = re.compile(r"(?:, and |; |, but )")
_LOWER_START = frozenset("the a an he she it they this that we there these those his her".split())


@dataclass(frozen=True, slots=True)
class Spun:
    """A spun article: its text and how many sentences each operation touched."""

    text: str
    changes: dict[str, int]


class Spinner:
    """Rewrites text sentence by sentence, deterministically for a given seed."""

    def __init__(self) -> None:
        ref = resources.files("newsevents") / "data" / "provenance" / "spin_synonyms.yaml"
        try:
            table = yaml.safe_load(ref.read_text(encoding="utf-8"))["synonyms"]
        except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
            raise DataError(f"cannot read the spinner's synonyms {ref}: {exc}") from exc
        self.synonyms: dict[str, str] = {str(k).lower(): str(v) for k, v in table.items()}
        words = sorted(self.synonyms, key=len, reverse=True)
        self._word = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.I)

    def words(self, text: str, rng: random.Random, rate: float = 0.95) -> str:
        """Return ``text`` with each word of the table replaced with probability ``rate``."""

        def swap(m: re.Match[str]) -> str:
            if rng.random() >= rate:
                return m.group(0)
            new = self.synonyms[m.group(0).lower()]
            return new[0].upper() + new[1:] if m.group(0)[0].isupper() else new

        return self._word.sub(swap, text)

    def sentence(self, text: str, rng: random.Random, changes: dict[str, int]) -> list[str]:
        """Return the rewrite of one sentence (one or two sentences)."""
        s = text
        moved = restructure(text)
        if moved is not None and rng.random() < 0.9:
            name, s = moved
            changes[name] = changes.get(name, 0) + 1
        parts = _split(s) if len(s.split()) > 24 and rng.random() < 0.8 else [s]
        if len(parts) > 1:
            changes["split"] = changes.get("split", 0) + 1
        return [self.words(p, rng) for p in parts]

    def spin(self, text: str, seed: int) -> Spun:
        """Return the spun rewrite of ``text`` (paragraphs kept, sentences rewritten)."""
        rng = random.Random(seed)
        changes: dict[str, int] = {}
        paragraphs = []
        for para in re.split(r"\n\s*\n", text.strip()):
            sents: list[str] = []
            for s, e in split_sentences(para):
                sents.extend(self.sentence(para[s:e], rng, changes))
            paragraphs.append(" ".join(_merge(sents, rng, changes)))
        return Spun("\n\n".join(paragraphs), changes)


def restructure(sentence: str) -> tuple[str, str] | None:
    """Return ``(operation, sentence)``: the first of the clause moves that applies to
    ``sentence`` (attribution turned, active made passive, subordinate clause or
    introductory phrase moved), or None."""
    for name, op in (("attribution", _turn_attribution), ("attribution", _said_first),
                     ("attribution", _said_last), ("attribution", _according),
                     ("passive", _passive), ("clause", _move_clause),
                     ("intro", _move_intro)):  # fmt: skip
        out = op(sentence)
        if out is not None:
            return name, out
    return None


_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]{3,}\b")


def scramble(text: str, rng: random.Random, rate: float, vocabulary: Sequence[str]) -> str:
    """Return ``text`` with each lower-case word of four letters or more replaced, with
    probability ``rate``, by a word drawn from ``vocabulary``: a stress test standing for a
    spinner with a synonym table far larger than ours (names and numbers are kept)."""

    def swap(m: re.Match[str]) -> str:
        return rng.choice(vocabulary) if rng.random() < rate else m.group(0)

    return _LOWER_WORD.sub(swap, text)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _uncap(text: str) -> str:
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first.lower() in _LOWER_START else text


def _move_clause(s: str) -> str | None:
    m = _SUBORDINATE.match(s)
    if not m:
        return None
    return f"{_cap(m['conj'])} {m['sub']}, {_uncap(m['main'])}."


def _move_intro(s: str) -> str | None:
    m = _INTRO.match(s)
    if not m:
        return None
    intro = m["intro"]
    intro = intro if intro.split()[0] in ("In",) and intro[3:4].isdigit() else _uncap(intro)
    return f"{_cap(m['rest'])} {intro[:1].lower() + intro[1:]}."


def _turn_attribution(s: str) -> str | None:
    m = _ATTRIB.match(s)
    if not m:
        return None
    quote = m["q"].lstrip('"“')
    return f"{m['who']} {m['verb']}: “{quote}.”"


def _said_last(s: str) -> str | None:
    m = _SAID_LAST.match(s)
    if not m:
        return None
    return f"{_cap(m['who'])} {m['verb']} that {_uncap(m['body'])}."


def _said_first(s: str) -> str | None:
    m = _SAID_FIRST.match(s)
    if not m or m["who"].split()[0] in ("The", "It", "That", "This"):
        return None
    return f"{_cap(m['body'])}, {_uncap(m['who'])} {m['verb']}."


def _according(s: str) -> str | None:
    m = _ACCORDING.match(s)
    if not m:
        return None
    return f"{_cap(m['rest'])}, according to {m['who']}."


def _passive(s: str) -> str | None:
    m = _ACTIVE.match(s)
    if not m or m["subj"].split()[0] in ("The", "A", "An", "It", "He", "She", "They", "We"):
        return None
    obj = m["obj"]
    if obj.split()[0].lower() in ("to", "that", "in", "on", "at", "for", "with"):
        return None
    verb = _PARTICIPLE.get(m["verb"], m["verb"])
    return f"{_cap(obj)} was {verb} by {m['subj']}."


def _split(s: str) -> list[str]:
    cuts = [m for m in _SPLIT.finditer(s) if 0.25 < m.start() / len(s) < 0.75]
    if not cuts or s.count("“") or s.count('"'):
        return [s]
    m = cuts[0]
    head = s[: m.start()].rstrip(",") + "."
    joint = "But " if "but" in m.group() else "Also, "
    return [head, joint + _uncap(s[m.end() :])]


def _merge(sents: list[str], rng: random.Random, changes: dict[str, int]) -> list[str]:
    out: list[str] = []
    for s in sents:
        prev = out[-1] if out else ""
        if (prev.endswith(".") and len(prev.split()) < 14 and len(s.split()) < 14
                and s.split(" ", 1)[0].lower() in _LOWER_START and rng.random() < 0.7):  # fmt: skip
            out[-1] = prev[:-1] + ", and " + _uncap(s)
            changes["merge"] = changes.get("merge", 0) + 1
        else:
            out.append(s)
    return out


#: Lines a republisher wraps a verbatim copy in (written by us).
WRAPPERS = (
    ("BREAKING: {title}", "Source link"),
    ("{title} | Daily Report", "Share this:\nFacebook\nTwitter\n\nSource link"),
    ("WATCH: {title}", "Read more at the original source.\n\nShare this article on Facebook"),
)


def verbatim(title: str, body: str, rng: random.Random) -> str:
    """Return a verbatim copy of ``body`` under a new headline, with share and source lines."""
    head, tail = WRAPPERS[rng.randrange(len(WRAPPERS))]
    return f"{head.format(title=title)}\n\n{body.strip()}\n\n{tail}\n"


def light_edit(spinner: Spinner, title: str, body: str, rng: random.Random) -> str:
    """Return a lightly edited copy: one paragraph dropped (not the first), a few words
    changed."""
    paragraphs = re.split(r"\n\s*\n", body.strip())
    if len(paragraphs) > 3:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    edited = [spinner.words(p, rng, rate=0.12) for p in paragraphs]
    return f"{title}\n\n" + "\n\n".join(edited) + "\n"


def excerpt(body: str, rng: random.Random) -> str:
    """Return the first or the middle third of ``body``'s sentences (at least three)."""
    spans = split_sentences(body)
    n = max(3, len(spans) // 3)
    start = 0 if rng.random() < 0.5 or len(spans) < 2 * n else len(spans) // 3
    chosen = spans[start : start + n]
    return " ".join(body[s:e] for s, e in chosen) + "\n"
