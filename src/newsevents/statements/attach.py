"""Matching quotes to cues: direct, split, floating and multi-paragraph quotes.

A parse-found attribution whose content runs into a quote takes the whole quote; a speech
verb with no content yet ("He said:") takes the quote that follows it; a quote left over is
given to the cue of its own sentence ("'X,' he said, 'Y.'") or, failing that, to the last
attribution with a source in the same or the previous paragraph (a "floating" quote). A
quote nobody can be found for is left alone: no statement is invented. Last, the learned
boundary model (``spans.py``) redraws each cue's first and last token.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import replace

from spacy.tokens import Doc

from ..doccache import text as doc_text
from ..doccache import tokens
from .cues import CueLexicon
from .indirect import Found, Offsets, find_attributions
from .learned import CueDecision, CueModel, decide
from .quotes import find_quotes, words_in
from .spans import SpanModel, boundaries, context

#: A quote with fewer words is a scare quote or a title, not a direct statement.
MIN_QUOTE_WORDS = 4
_PARAGRAPH = re.compile(r"\n\s*\n")
#: A quote signed with a dash and a name that ends its line or comes before the next
#: quote (lines may have been joined): "“...” ― Jane Doe, a nurse".
_SIGNATURE = re.compile(
    r"[ \t\xa0]*([―—–]|--)[ \t\xa0]*([A-Z][^\n“”\"«»]{1,80}?)[ \t\xa0.]*(?:\n|$|(?=[“\"«]))"
)


def find_statements(
    doc: Doc,
    lexicon: CueLexicon,
    model: CueModel | None = None,
    scores: Mapping[int, float] | None = None,
    spans: SpanModel | None = None,
) -> list[Found]:
    """Return every attribution in ``doc``, quotes matched, sorted in text order.

    ``model``: the learned cue scorer (None: the lexicon alone decides). ``scores``: cue
    probabilities given from outside instead of the model's (the training script passes
    cross-validated ones); the model's thresholds still apply. ``spans``: the learned cue
    boundaries (None: the rules' cue spans stay).
    """
    text = doc_text(doc)
    quotes = find_quotes(text)
    real = [q for q in quotes if words_in(text, q) >= MIN_QUOTE_WORDS]
    verdicts: CueDecision | None = None
    if model is not None:
        verdicts = (
            decide(model, doc, lexicon, real)
            if scores is None
            else CueDecision(scores, model.threshold, model.veto)
        )
    found = find_attributions(doc, lexicon, skip=real, decide=verdicts)
    sent_starts = [s.start_char for s in doc.sents]
    para_starts = [0, *(m.end() for m in _PARAGRAPH.finditer(text))]
    out: list[Found] = []
    used: set[Offsets] = set()
    for quote in real:  # a quote signed with its speaker's name belongs to that name
        if (signed := _signed(doc, text, quote)) is not None:
            out.append(signed)
            used.add(quote)
    # a quote right before a cue ("“...,” Kim replied") is that cue's before it can be
    # taken as the quote after an earlier one ("Lee asked, “...?” / “...,” Kim replied")
    before: dict[int, Offsets] = {}
    for k, f in enumerate(found):
        if f.content is None:
            q = _quote_before(f, real, used | set(before.values()), text)
            if q is not None:
                before[k] = q
    reserved = set(before.values())
    for k, f in enumerate(found):
        if f.content is None:
            own = before.get(k)
            q = (
                (own if own is not None and own not in used else None)
                or _quote_before(f, real, used, text)
                or _next_quote(f.cue, real, used | reserved, sent_starts)
                or _after_colon(f.cue, text)
            )
            if q is None:
                continue
            f = replace(f, content=q)
        for part in _split(_snap(f, quotes, real), real):
            assert part.content is not None
            used.update(q for q in real if _overlaps(q, part.content))
            out.append(part)
    with_source = sorted((f for f in out if f.source is not None), key=lambda f: f.cue[0])
    for q in real:
        if q in used:
            continue
        owner = _owner(q, with_source, sent_starts, para_starts)
        if owner is not None:
            out.append(replace(owner, content=q, kind="direct"))
            used.add(q)
    if spans is not None:
        # refine each distinct cue once; merged cues ("continued" + "to insist") go on dedupe
        out = _dedupe([refine_cue(f, doc, text, spans, real) for f in _dedupe(out)])
        return out
    return _dedupe(out)


def refine_cue(f: Found, doc: Doc, text: str, spans: SpanModel, real: list[Offsets]) -> Found:
    """Return ``f`` with its cue span drawn by the span model; a content the new cue runs
    into loses those words ("talked about the budget": content "the budget")."""
    h, every = f.cue_token, tokens(doc)
    if h < 0 or f.kind == "according_to" or every[h].text == ":" or f.content is None:
        return f
    ctx = context(doc, h, f.cue, f.source, f.content, real)
    if ctx is None:
        return f
    first, last = boundaries(spans, doc, ctx)
    cue = (every[first].idx, every[last].idx + len(every[last]))
    start, end = f.content
    if cue[0] <= start < cue[1]:  # the cue grew into the content's first words
        start = cue[1]
        while start < end and (text[start].isspace() or text[start] in ",;"):
            start += 1
        if start >= end:
            return f
    return replace(f, cue=cue, content=(start, end))


def _signed(doc: Doc, text: str, q: Offsets) -> Found | None:
    """Return the statement of a quote signed by a dash and a name on the rest of its line."""
    # ``text`` is ``doc.text``, passed in: spaCy rebuilds that string at every access
    m = _SIGNATURE.match(text, q[1])
    if m is None or len(m.group(2).split()) > 12:
        return None
    name = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
    return Found(
        cue=(m.start(1), m.end(1)),
        content=q,
        source=(m.start(2), m.end(2)),
        source_token=name.root.i if name is not None else None,
        kind="direct",
        cue_token=-1,
    )


def _overlaps(a: Offsets, b: Offsets) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _index(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def _next_quote(
    cue: Offsets, real: list[Offsets], used: set[Offsets], sent_starts: list[int]
) -> Offsets | None:
    """Return the first unused quote after ``cue`` in its sentence or the next one."""
    sent = _index(sent_starts, cue[0])
    for q in real:
        if q[0] >= cue[1] and q not in used and _index(sent_starts, q[0]) <= sent + 1:
            return q
        if q[0] >= cue[1]:
            break
    return None


def _after_colon(cue: Offsets, text: str) -> Offsets | None:
    """Return the text a cue ending in a colon introduces without quote marks: the rest of
    its paragraph, or the next paragraph when the colon ends its own ("He added:" and a
    block quote below), or None."""
    if not text[cue[0] : cue[1]].endswith(":"):
        return None
    start = cue[1]
    brk = _PARAGRAPH.search(text, start)
    if brk is not None and not text[start : brk.start()].strip():
        start = brk.end()
        brk = _PARAGRAPH.search(text, start)
    end = brk.start() if brk is not None else len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == "."):
        end -= 1  # the closing full stop is not what was said (a quote keeps its marks)
    return (start, end) if end > start else None


def _quote_before(f: Found, real: list[Offsets], used: set[Offsets], text: str) -> Offsets | None:
    """Return the quote that ends right before the source or cue ("“...,” he said"), or None."""
    left = min(f.cue[0], f.source[0] if f.source else f.cue[0])
    for q in real:
        if q[1] <= left and q not in used and not text[q[1] : left].strip(" ,—–-"):
            return q
    return None


def _snap(f: Found, quotes: list[Offsets], real: list[Offsets]) -> Found:
    """Return ``f`` with its content grown to whole quotes, and its kind decided."""
    assert f.content is not None
    start, end = f.content
    for q in quotes:
        if _overlaps(q, (start, end)) and not _overlaps(q, f.cue):
            start, end = min(start, q[0]), max(end, q[1])
    kind = f.kind
    if kind != "according_to":
        if any(q[0] <= start and end <= q[1] for q in real):
            kind = "direct"
        elif any(start <= q[0] and q[1] <= end for q in quotes):
            kind = "mixed"
    return replace(f, content=(start, end), kind=kind)


def _split(f: Found, real: list[Offsets]) -> list[Found]:
    """Return ``f`` as two statements when its content is a quote split by the cue.

    "“X,” he said, “Y.”" parses as one clause around the cue; the content is the two
    quotes, not the text between them.
    """
    assert f.content is not None
    left = min(f.cue[0], f.source[0] if f.source else f.cue[0])
    right = max(f.cue[1], f.source[1] if f.source else f.cue[1])
    inside = [q for q in real if f.content[0] <= q[0] and q[1] <= f.content[1]]
    before = [q for q in inside if q[1] <= left]
    after = [q for q in inside if q[0] >= right]
    if not before or not after:
        return [f]
    return [
        replace(f, content=(f.content[0], before[-1][1]), kind="direct"),
        replace(f, content=(after[0][0], f.content[1]), kind="direct"),
    ]


def _owner(
    q: Offsets, with_source: list[Found], sent_starts: list[int], para_starts: list[int]
) -> Found | None:
    """Return the attribution an unclaimed quote belongs to, or None."""
    q_sent = _index(sent_starts, q[0])
    q_end_sent = _index(sent_starts, max(q[1] - 1, q[0]))
    for f in with_source:  # the cue of the quote's own sentence: a split quote
        cue_sent = _index(sent_starts, f.cue[0])
        if q_sent <= cue_sent <= q_end_sent:
            return f
    before = [f for f in with_source if f.content is not None and f.content[1] <= q[0]]
    if not before:
        return None
    last = max(before, key=lambda f: f.content[1] if f.content else 0)
    para = _index(para_starts, q[0])
    if para - _index(para_starts, last.cue[0]) <= 1:
        return last
    return None


def _dedupe(found: list[Found]) -> list[Found]:
    """Return the findings without repeats, in text order."""
    # the longest cue first, so that "expressed concerns" wins over its noun "concerns"
    by_cue_length = sorted(found, key=lambda f: f.cue[0] - f.cue[1])
    kept: list[Found] = []
    for f in by_cue_length:
        if f.content is None or f.content[1] <= f.content[0]:
            continue
        if any(k.content == f.content and _overlaps(k.cue, f.cue) for k in kept):
            continue
        if any(k.cue == f.cue and k.content == f.content for k in kept):
            continue
        kept.append(f)
    return sorted(kept, key=_order)


def _order(f: Found) -> tuple[int, int]:
    starts = [f.cue[0]] + [s[0] for s in (f.content, f.source) if s is not None]
    return (min(starts), f.content[0] if f.content else 0)
