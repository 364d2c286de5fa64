"""A small learned model of where a cue starts and ends, around the word that heads it.

The rules (``indirect.py``) decide *that* a verb or noun is a cue and build a first cue
span: the word with its auxiliaries, negation, particle, a weekday, "in a statement".
Annotators draw the span wider or narrower in ways that word lists do not capture well:
"went on to explain", "continued to insist", "talked about", "made it clear", "said in an
interview", "said Friday" (sometimes in the cue, sometimes not). This model picks the
first and the last token of the cue among the tokens near the head, each as the best
scoring of its candidates under a logistic model over parse features, with the rule's
own boundary as a feature (the prior it can overrule).

The weights (``data/models/attribution-spans.json``) are trained by
``scripts/train_cue_spans.py`` on the PolNeAR training split; see
``docs/model-card-attribution.md``. Scoring is a sum of feature weights: no scikit-learn
at run time, a few dozen dict lookups per cue.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from ..doccache import children as doc_children
from ..doccache import deps as doc_deps
from ..doccache import heads as doc_heads
from ..doccache import sentence, tokens
from ..errors import DataError

FORMAT = "newsevents-cue-spans/1"
#: How far from the head a cue may start or end, in tokens.
LEFT_REACH = 5
RIGHT_REACH = 7
Offsets = tuple[int, int]
_QUOTE_CHARS = frozenset("“”\"'‘’«»`")


@dataclass(frozen=True, slots=True)
class SpanModel:
    """Feature weights of the two boundary scorers: ``start`` for the first token of a
    cue, ``end`` for its last."""

    start: dict[str, float]
    end: dict[str, float]
    start_bias: float = 0.0
    end_bias: float = 0.0


def default_path() -> Path:
    """Return the path of the bundled span model."""
    return Path(str(resources.files("newsevents") / "data" / "models" / "attribution-spans.json"))


def load_span_model(path: Path | None = None) -> SpanModel:
    """Return the span model read from ``path`` (default: the bundled weights).

    Raises:
        DataError: the file is missing, not JSON, or not a span model.
    """
    path = path or default_path()
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"{path}: cannot read the cue span model: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DataError(f"{path}: not a {FORMAT} file")
    try:
        return SpanModel(
            start={str(k): float(v) for k, v in data["start"].items()},
            end={str(k): float(v) for k, v in data["end"].items()},
            start_bias=float(data["start_bias"]),
            end_bias=float(data["end_bias"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"{path}: malformed cue span model: {exc}") from exc


@dataclass(frozen=True, slots=True)
class CueContext:
    """What the boundary features look at for one cue: its head token, the rule's first and
    last token, and the token ranges a cue may not enter (source, quotes) or may only
    reach into from its start (the content)."""

    head: int
    rule_start: int
    rule_end: int
    lo: int  # the first token a cue may start at
    hi: int  # the last token a cue may end at
    content: tuple[int, int] | None  # first and last token of the content


def _clip(n: int, lo: int, hi: int) -> str:
    return str(max(lo, min(hi, n)))


def _word(tok: Token) -> str:
    text = tok.lower_
    if text and all(ch in _QUOTE_CHARS for ch in text):
        return "<q>"
    if tok.is_space:
        return "<nl>"
    if tok.like_num:
        return "<num>"
    return text


def relation(tok: Token, head: Token) -> str:
    """Return how ``tok`` hangs on the cue's head: itself, child, grandchild, its head,
    sibling, or other, with the dependency labels on the way."""
    doc = tok.doc
    return _relation(tok.i, head.i, doc_heads(doc), doc_deps(doc))


def _relation(i: int, h: int, heads: list[int], deps: list[str]) -> str:
    """Return ``relation`` of token ``i`` to head token ``h``, read off the Doc's head and
    label lists (each ``token.head`` builds a new Token)."""
    if i == h:
        return "self"
    up = heads[i]
    if up == h:
        return f"c:{deps[i]}"
    if heads[up] == h and up != i:
        return f"g:{deps[up]}/{deps[i]}"
    hh = heads[h]
    if hh == i and hh != h:
        return f"h:{deps[h]}"
    if up == hh and hh != h:
        return f"s:{deps[i]}"
    return "o"


def _token_features(prefix: str, tok: Token, rel: str, hl: str) -> list[str]:
    w = _word(tok)
    return [
        f"{prefix}w={w}",
        f"{prefix}l={tok.lemma_.lower()}",
        f"{prefix}p={tok.pos_}",
        f"{prefix}dep={tok.dep_}",
        f"{prefix}r={rel}",
        f"{prefix}hl|w={hl}|{w}",
        f"{prefix}p|r={tok.pos_}|{rel}",
    ]


class _Window:
    """The tokens around one cue, each looked up once (spaCy builds a new Token object at
    every ``doc[i]``), with their per-token features cached."""

    def __init__(self, doc: Doc, ctx: CueContext) -> None:
        every = tokens(doc)
        self.n = len(every)
        self.head = every[ctx.head]
        self.hl = self.head.lemma_.lower()
        self.heads, self.deps = doc_heads(doc), doc_deps(doc)
        a, b = max(ctx.lo - 1, 0), min(ctx.hi + 2, self.n)
        self.toks = {i: every[i] for i in range(a, b)}
        self.kids = [
            (c.i, c.left_edge.i, c.right_edge.i, c.dep_) for c in doc_children(self.head)
        ]
        self.attrs = {
            i: (t.text, t.pos_, t.dep_, t.lemma_.lower()) for i, t in self.toks.items()
        }
        self._cache: dict[tuple[str, int], list[str]] = {}

    def features(self, prefix: str, i: int) -> list[str]:
        key = (prefix, i)
        found = self._cache.get(key)
        if found is None:
            rel = _relation(i, self.head.i, self.heads, self.deps)
            found = self._cache[key] = _token_features(prefix, self.toks[i], rel, self.hl)
        return found

    def word(self, i: int) -> str:
        return self.features("", i)[0][2:]


def _inner(prefix: str, toks: list[tuple[str, str, str, str]]) -> list[str]:
    """Features of the tokens a candidate span adds beyond the head, given as (text, part
    of speech, dependency, lemma) tuples."""
    f = []
    if any(t[0] == "," for t in toks):
        f.append(f"{prefix}comma")
    if any(t[0] == ":" for t in toks[:-1]):
        f.append(f"{prefix}colon")
    verbs = [t for t in toks if t[1] == "VERB"]
    if verbs:
        f.append(f"{prefix}verb")
        f.append(f"{prefix}verb|{verbs[0][3]}")
    if any(t[2] in ("dobj", "pobj") for t in toks):
        f.append(f"{prefix}obj")
    if any(t[1] == "PROPN" for t in toks):
        f.append(f"{prefix}propn")
    return f


def end_features(doc: Doc, ctx: CueContext, j: int, win: _Window | None = None) -> list[str]:
    """Return the features of token ``j`` as the last token of the cue."""
    win = win or _Window(doc, ctx)
    hl = win.hl
    dr = _clip(j - ctx.rule_end, -3, 4)
    f = [f"dr={dr}", f"d={_clip(j - ctx.head, 0, 8)}", f"hl|dr={hl}|{dr}"]
    f += win.features("", j)
    if j + 1 < win.n:
        f += win.features("n", j + 1)
        f.append(f"w|nw={win.word(j)}|{win.word(j + 1)}")
        if ctx.content is not None and ctx.content[0] == j + 1:
            f.append("n=content_start")
    else:
        f.append("nw=</d>")
    if ctx.content is not None and ctx.content[0] <= j <= ctx.content[1]:
        f.append("in_content")
    f += _inner("i:", [win.attrs[k] for k in range(ctx.head + 1, j + 1)])
    # a cue that ends where one of the head's phrases ends is a whole constituent
    edges = [dep for ci, _, right, dep in win.kids if ci > ctx.head and right == j]
    f += [f"redge={d}" for d in edges] or ["redge=none"]
    if any(ci > ctx.head and left <= j < right for ci, left, right, _ in win.kids):
        f.append("cuts_phrase")
    return f


def start_features(doc: Doc, ctx: CueContext, i: int, win: _Window | None = None) -> list[str]:
    """Return the features of token ``i`` as the first token of the cue."""
    win = win or _Window(doc, ctx)
    hl = win.hl
    dr = _clip(i - ctx.rule_start, -4, 3)
    f = [f"dr={dr}", f"d={_clip(ctx.head - i, 0, 6)}", f"hl|dr={hl}|{dr}"]
    f += win.features("", i)
    if i > 0:
        f += win.features("p", i - 1)
        f.append(f"pw|w={win.word(i - 1)}|{win.word(i)}")
        if i - 1 < ctx.lo:
            f.append("p=barrier")
    else:
        f.append("pw=<d>")
    f += _inner("i:", [win.attrs[k] for k in range(i, ctx.head)])
    edges = [dep for ci, left, _, dep in win.kids if ci < ctx.head and left == i]
    f += [f"ledge={d}" for d in edges] or ["ledge=none"]
    if any(ci < ctx.head and left < i <= right for ci, left, right, _ in win.kids):
        f.append("cuts_phrase")
    return f


def candidate_features(doc: Doc, ctx: CueContext) -> tuple[list[list[str]], list[list[str]]]:
    """Return the features of every start candidate (``ctx.lo`` .. head) and every end
    candidate (head .. ``ctx.hi``), in token order."""
    win = _Window(doc, ctx)
    starts = [start_features(doc, ctx, i, win) for i in range(ctx.lo, ctx.head + 1)]
    ends = [end_features(doc, ctx, j, win) for j in range(ctx.head, ctx.hi + 1)]
    return starts, ends


def _z(weights: dict[str, float], features: list[str]) -> float:
    """Return the linear score of ``features`` (the bias is the same for every candidate
    of a side, so the argmax needs neither it nor the logistic)."""
    return sum(map(weights.get, features, repeat(0.0)))  # C-level loop, same order


def context(
    doc: Doc,
    head: int,
    cue: Offsets,
    source: Offsets | None,
    content: Offsets | None,
    quotes: list[Offsets],
) -> CueContext | None:
    """Return the boundary context of a cue with head token ``head``, or None when the
    rule's cue span cannot be mapped onto tokens."""
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if span is None or not (span.start <= head < span.end):
        return None
    sent = sentence(doc, head)
    every = tokens(doc)
    lo = max(sent.start, head - LEFT_REACH)
    hi = min(sent.end - 1, head + RIGHT_REACH)

    def blocked(t: Token) -> bool:
        a = t.idx
        if source is not None and source[0] <= a < source[1]:
            return True
        return any(q0 <= a < q1 for q0, q1 in quotes) or t.is_space

    # the cue never reaches over its source, a quote or a line break
    for i in range(head - 1, lo - 1, -1):
        if i < span.start and blocked(every[i]):
            lo = i + 1
            break
    for j in range(head + 1, hi + 1):
        if j >= span.end and blocked(every[j]):
            hi = j - 1
            break
    lo, hi = min(lo, span.start), max(hi, span.end - 1)
    content_toks: tuple[int, int] | None = None
    if content is not None:
        c = doc.char_span(content[0], content[1], alignment_mode="expand")
        if c is not None and len(c):
            content_toks = (c.start, c.end - 1)
            if content_toks[0] > head:  # the cue may run into the content's start only
                hi = min(hi, content_toks[1] - 1)
            elif content_toks[1] < head:
                lo = max(lo, content_toks[1] + 1)
    return CueContext(head, span.start, span.end - 1, lo, max(hi, span.end - 1), content_toks)


def boundaries(model: SpanModel, doc: Doc, ctx: CueContext) -> tuple[int, int]:
    """Return the first and last token of the cue, each the best scoring candidate."""
    starts, ends = candidate_features(doc, ctx)
    zs = [_z(model.start, f) for f in starts]
    ze = [_z(model.end, f) for f in ends]
    return ctx.lo + zs.index(max(zs)), ctx.head + ze.index(max(ze))
