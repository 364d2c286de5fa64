"""What survives a paraphrase: per article, its sentences and the facts in them, in order.

A spinner changes words ("said" → "has stated", "brain injury" → "mind damage"), swaps
clauses and splits or merges sentences, but it keeps the names, the numbers, the dates,
most quoted strings, and the order in which the facts come. A ``Fingerprint`` holds, for
each sentence: its content-word stems (prefix stems, so that "negotiations" and
"negotiate" agree without a lemmatiser), character 4-grams of those words (robust to
inflection and spelling), and its *anchors* (names, numbers, coded statements and events
when the analysis has them). Everything here is plain regular expressions over the text:
no spaCy, no model, a few milliseconds per article.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

#: Letters kept of a content word: enough to separate words, few enough that the
#: inflections and derivations of one word share a stem (a classic IR truncation stemmer).
STEM_LEN = 6
#: Characters per n-gram in the character view of a sentence.
CHAR_N = 4

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*\d|\d")
_QUOTE = re.compile(r"[\"“]([^\"“”]{12,400})[\"”]")
# A sentence ends at . ! ? (maybe followed by a closing quote or bracket) before a space
# and a capital, a digit or an opening quote; paragraph breaks always end one.
_SENT_END = re.compile(
    r"(?<=[.!?])(?P<close>''|[\"”’)\]])?\s+(?=(?:''|``|[\"“‘(\[])?[A-Z0-9])|\n\s*\n|\n"
)
# Abbreviations that end in a period without ending the sentence.
_ABBREV = frozenset(
    "mr mrs ms dr sen rep gov gen col lt sgt st jr sr prof rev vs no u.s u.k u.n d.c "
    "jan feb mar apr jun jul aug sep sept oct nov dec inc corp co ltd ft mt".split()
)
#: Function words: never content, never a name even when capitalised at a sentence start.
STOPWORDS = frozenset(
    """a about above after again against all also although am an and any are as at be
    because been before being below between both but by can could did do does doing down
    during each even ever few for from further had has have having he her here hers herself
    him himself his how however i if in into is it its itself just least less many may me
    might more most much must my myself neither no nor not now of off on once only or other
    our ours ourselves out over own per rather same she should since so some such than that
    the their theirs them themselves then there these they this those though through thus
    to too under until up upon us very was we were what when where whether which while who
    whom whose why will with within without would yet you your yours yourself""".split()
)
_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100",
    "thousand": "1000", "million": "1000000", "billion": "1000000000",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class SentenceFP:
    """One sentence: its offsets, content stems, character n-grams and anchors in order."""

    start: int
    end: int
    stems: frozenset[str]
    grams: frozenset[str]
    anchors: tuple[str, ...]
    words: int


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """An article as provenance sees it.

    ``anchors`` is the article's sequence of names and numbers in reading order (the
    concatenation of its sentences' anchors); ``shingles`` a sample of hashed word
    5-grams (what verbatim copies share); ``quotes`` the normalised quoted strings.
    """

    id: str
    sentences: tuple[SentenceFP, ...]
    anchors: tuple[str, ...]
    shingles: frozenset[int]
    quotes: frozenset[str]
    words: int = field(default=0)


@dataclass(frozen=True, slots=True)
class Coded:
    """A coded statement or event the analysis found, as an anchor: where it starts, what
    it is (``"say"`` or a PLOVER type) and who its speaker/source and target are."""

    start: int
    kind: str
    source: str | None = None
    target: str | None = None

    def token(self) -> str:
        """Return the anchor string of this item (paraphrase-invariant: names are codes)."""
        return f"@{self.kind}:{(self.source or '').lower()}>{(self.target or '').lower()}"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``[start, end)`` spans of the sentences of ``text`` (stripped, non-empty)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        cut = m.start() + len(m.group("close") or "")
        before = text[start:cut].rstrip()
        if "\n" not in m.group() and _ends_in_abbrev(before):
            continue
        spans.append((start, cut))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if trail > lead:
            out.append((s + lead, s + trail))
    return out


def _ends_in_abbrev(text: str) -> bool:
    last = text.rsplit(None, 1)[-1].lower().rstrip(".") if text.strip() else ""
    # "U.S." or a single initial ("John F. Kennedy") does not end a sentence.
    return last in _ABBREV or len(last) == 1


def stem(word: str) -> str:
    """Return the prefix stem of a lower-cased word (possessive and plural -s removed)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        w = w[:-1]
    return w[:STEM_LEN]


def number_token(token: str) -> str | None:
    """Return the normalised number a token stands for (``"1,200"`` → ``"1200"``), or None."""
    low = token.lower()
    if low in _NUMBER_WORDS:
        return _NUMBER_WORDS[low]
    if token[0].isdigit():
        return token.replace(",", "").rstrip(".")
    return None


def sentence_fingerprint(text: str, start: int, end: int, capitalised_inside: frozenset[str],
                         coded: Sequence[Coded] = ()) -> SentenceFP:  # fmt: skip
    """Return the fingerprint of ``text[start:end]``.

    ``capitalised_inside`` are the lower-cased words the article capitalises somewhere
    other than at a sentence start (names): a sentence-initial capital counts as a name
    only when it is one of them.
    """
    tokens = _TOKEN.findall(text[start:end])
    stems: set[str] = set()
    anchors: list[str] = []
    for i, tok in enumerate(tokens):
        low = tok.lower()
        num = number_token(tok)
        if num is not None:
            anchors.append(num)
            continue
        if low in STOPWORDS:
            continue
        stems.add(stem(low))
        if tok[0].isupper() and (i > 0 or low in capitalised_inside):
            anchors.append(stem(low))
    anchors.extend(c.token() for c in coded)
    joined = " ".join(sorted(stems))
    grams = {joined[k : k + CHAR_N] for k in range(max(len(joined) - CHAR_N + 1, 0))}
    return SentenceFP(start, end, frozenset(stems), frozenset(grams), tuple(anchors),
                      len(tokens))  # fmt: skip


def fingerprint(article_id: str, text: str, sentences: Sequence[tuple[int, int]] | None = None,
                coded: Sequence[Coded] = ()) -> Fingerprint:  # fmt: skip
    """Return the fingerprint of one article.

    Args:
        article_id: the article's id (kept in the fingerprint).
        text: the article text (normalised, as stored).
        sentences: sentence spans from the parse; split here by punctuation when None.
        coded: statements and events from the analysis, placed in their sentences as
            anchors (optional: the text alone gives a working fingerprint).
    """
    spans = list(sentences) if sentences else split_sentences(text)
    capitalised = _names_inside(text, spans)
    by_sentence: dict[int, list[Coded]] = {}
    for c in sorted(coded, key=lambda c: c.start):
        k = _sentence_of(spans, c.start)
        if k is not None:
            by_sentence.setdefault(k, []).append(c)
    sents = tuple(
        sentence_fingerprint(text, s, e, capitalised, by_sentence.get(k, ()))
        for k, (s, e) in enumerate(spans)
    )
    anchors = tuple(a for s in sents for a in s.anchors)
    quotes = frozenset(
        " ".join(w.lower() for w in _TOKEN.findall(m.group(1)))
        for m in _QUOTE.finditer(text)
        if len(_TOKEN.findall(m.group(1))) >= 4
    )
    return Fingerprint(article_id, sents, anchors, sampled_shingles(text), quotes,
                       sum(s.words for s in sents))  # fmt: skip


def _names_inside(text: str, spans: Sequence[tuple[int, int]]) -> frozenset[str]:
    names: set[str] = set()
    for s, e in spans:
        for tok in _TOKEN.findall(text[s:e])[1:]:
            if tok[0].isupper() and tok.lower() not in STOPWORDS:
                names.add(tok.lower())
    return frozenset(names)


def _sentence_of(spans: Sequence[tuple[int, int]], offset: int) -> int | None:
    for k, (s, e) in enumerate(spans):
        if s <= offset < e:
            return k
    return None


#: Keep one word 5-gram in ``SAMPLE``: a consistent sample (the same shingle is kept in
#: every article), so that two copies share the sample of what they share.
SAMPLE = 4


def sampled_shingles(text: str, size: int = 5) -> frozenset[int]:
    """Return a consistent sample (about 1 in ``SAMPLE``) of the hashed word ``size``-grams.

    CRC-32 is stable across processes (unlike ``hash``) and fast; its collisions only add
    a rare spurious candidate, which the detector rejects.
    """
    words = [w.lower() for w in _TOKEN.findall(text)]
    out: set[int] = set()
    for i in range(max(len(words) - size + 1, 0)):
        h = zlib.crc32(" ".join(words[i : i + size]).encode())
        if h % SAMPLE == 0:
            out.add(h)
    return frozenset(out)
