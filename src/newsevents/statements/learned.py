"""A small learned cue scorer: how likely a verb or noun is an attribution cue here.

Fixed word lists get stance cues half wrong ("wants", "support", "is expected", "mocked"
are cues in some sentences and not in others). A linear model over parse features decides
per token; the rules in ``indirect.py`` still build the source and content around each
accepted cue. The weights (``data/models/attribution-cues.json``) are trained by
``scripts/train_attribution.py`` on the PolNeAR training split; see
``docs/model-card-attribution.md``.

Scoring is a sum of the weights of a token's feature strings: no scikit-learn at run time,
a few dict lookups per candidate token.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from itertools import accumulate, repeat
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from ..doccache import children as doc_children
from ..errors import DataError
from .cues import CueLexicon

FORMAT = "newsevents-cue-model/1"
#: Parts of speech a cue's head token may have; everything else is not scored.
CANDIDATE_POS = frozenset({"VERB", "NOUN"})
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
#: Child relations worth a feature, alone and with the lemma.
_CHILD_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "dative", "oprd", "agent", "advcl", "parataxis", "acl",
     "relcl", "prt", "neg", "auxpass", "attr", "acomp", "pobj", "poss", "appos"}
)  # fmt: skip
_LEMMA_CHILD_DEPS = frozenset({"ccomp", "xcomp", "dobj", "auxpass", "agent", "prt", "poss"})
#: Head relations under which the head's lemma is a feature ("declined to comment").
_HEAD_DEPS = frozenset({"xcomp", "ccomp", "conj", "advcl", "pcomp", "acl", "relcl", "pobj"})
_QUOTE_CHARS = frozenset("“”\"'‘’«»`")


@dataclass(frozen=True, slots=True)
class CueModel:
    """Feature weights of a logistic cue scorer and its decision thresholds.

    ``threshold`` accepts a token whose lemma the lexicon does not list; ``veto`` rejects a
    lexicon cue scoring below it (0.0: the lexicon is never overruled).
    """

    weights: dict[str, float]
    bias: float
    threshold: float
    veto: float
    #: Lemmas seen inside gold cues in training (twice or more): only these and the
    #: lexicon's are scored, which keeps the per-article cost to a few candidates.
    lemmas: frozenset[str] = frozenset()

    def probability(self, features: Iterable[str]) -> float:
        """Return the cue probability of a token with ``features``."""
        w = self.weights
        z = self.bias + sum(map(w.get, features, repeat(0.0)))  # C-level loop, same order
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


@dataclass(frozen=True, slots=True)
class CueDecision:
    """The learned verdicts on one document: token index -> cue probability, with the
    thresholds that turn them into yes or no."""

    scores: Mapping[int, float]
    threshold: float
    veto: float

    def accepts(self, i: int, listed: bool) -> bool:
        """Return True when token ``i`` is a cue; ``listed``: the lexicon lists its lemma."""
        p = self.scores.get(i)
        if p is None:
            return listed  # not a candidate (inside a quote, or not a verb or noun)
        return p >= self.veto if listed else p >= self.threshold


def default_path() -> Path:
    """Return the path of the bundled cue model."""
    return Path(str(resources.files("newsevents") / "data" / "models" / "attribution-cues.json"))


def load_cue_model(path: Path | None = None) -> CueModel:
    """Return the cue model read from ``path`` (default: the bundled weights).

    Raises:
        DataError: the file is missing, not JSON, or not a cue model.
    """
    path = path or default_path()
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"{path}: cannot read the cue model: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DataError(f"{path}: not a {FORMAT} file")
    try:
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        model = CueModel(
            weights=weights,
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            veto=float(data["veto"]),
            lemmas=frozenset(str(x) for x in data["lemmas"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"{path}: malformed cue model: {exc}") from exc
    if not 0.0 <= model.veto <= model.threshold <= 1.0:
        raise DataError(f"{path}: thresholds must satisfy 0 <= veto <= threshold <= 1")
    return model


def candidates(
    doc: Doc, skip: Iterable[tuple[int, int]] = (), lemmas: frozenset[str] | None = None
) -> list[Token]:
    """Return the tokens that may head a cue: verbs and nouns outside the ``skip`` spans,
    and, when ``lemmas`` is given, only those whose lemma is in it."""
    from spacy.attrs import POS

    spans = sorted(skip)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # furthest end of spans[:k + 1]
    # the part of speech from one array: a Token object only for the verbs and nouns
    wanted = {doc.vocab.strings[p] for p in CANDIDATE_POS}
    out = []
    for i, pos in enumerate(doc.to_array([POS]).tolist() if len(doc) else ()):
        if pos not in wanted:
            continue
        t = doc[i]
        if lemmas is not None and t.lemma_.lower() not in lemmas:
            continue
        k = bisect_right(starts, t.idx)  # spans[:k] start at or before the token
        if k and reach[k - 1] > t.idx:
            continue  # inside a skipped span
        out.append(t)
    return out


def _word(tok: Token) -> str:
    text = tok.lower_
    if text and all(ch in _QUOTE_CHARS for ch in text):
        return "<q>"
    if tok.is_space:
        return "<nl>"
    return text


def _subject(tok: Token) -> tuple[Token | None, bool]:
    """Return the subject of ``tok`` (or the agent's object) and whether it was inherited."""
    for c in doc_children(tok):
        if c.dep_ in _SUBJ:
            return c, False
        if c.dep_ == "agent":
            for g in doc_children(c):
                if g.dep_ == "pobj":
                    return g, False
    head = tok
    for _ in range(2):
        if head.dep_ not in ("conj", "xcomp", "advcl") or head.head.i == head.i:
            break
        head = head.head
        for c in doc_children(head):
            if c.dep_ in _SUBJ:
                return c, True
    return None, False


def token_features(tok: Token, lexicon: CueLexicon) -> list[str]:
    """Return the feature strings of ``tok`` as a cue candidate.

    Lemma, tag, dependency, the lemma with each of its complements, the subject's kind
    (entity type, pronoun), passive voice, the head it hangs on, the neighbouring words and
    whether the lexicon lists the lemma.
    """
    doc = tok.doc
    lemma = tok.lemma_.lower()
    f = [
        f"l={lemma}",
        f"t={tok.tag_}",
        f"d={tok.dep_}",
        f"l|d={lemma}|{tok.dep_}",
        f"l|t={lemma}|{tok.tag_}",
    ]
    if tok.pos_ == "VERB":
        lex = "v" if lemma in lexicon.verbs else ("p" if lemma in lexicon.phrases else "-")
    else:
        lex = "n" if lemma in lexicon.nouns else "-"
    f.append(f"lex={lex}")
    f.append(f"lex|d={lex}|{tok.dep_}")
    deps = set()
    for c in doc_children(tok):
        dep = c.dep_
        if dep in _CHILD_DEPS:
            deps.add(dep)
        if dep in ("ccomp", "acl") and any(
            g.dep_ == "mark" and g.lower_ in ("that", "whether", "if") for g in doc_children(c)
        ):
            deps.add("that")
        if dep == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in doc_children(c)):
            deps.add("to")
        if dep == "prep":
            deps.add(f"prep:{c.lower_}")
        if dep == "aux":
            deps.add(f"aux:{c.lemma_.lower()}")
    for dep in deps:
        f.append(f"c={dep}")
        f.append(f"lex|c={lex}|{dep}")
        if dep in _LEMMA_CHILD_DEPS or dep in ("that", "to") or dep.startswith("prep:"):
            f.append(f"l|c={lemma}|{dep}")
    if not deps & {"ccomp", "xcomp", "dobj", "that", "to"}:
        f.append(f"l|bare={lemma}")
    subj, inherited = _subject(tok)
    if subj is None:
        f.append("s=none")
        f.append(f"l|s={lemma}|none")
    else:
        kind = subj.ent_type_ or ("pron:" + subj.lower_ if subj.pos_ == "PRON" else subj.pos_)
        f.append(f"s={kind}")
        f.append(f"l|s={lemma}|{'pron' if subj.pos_ == 'PRON' else subj.ent_type_ or 'x'}")
        f.append(f"lex|s={lex}|{kind}")
        if inherited:
            f.append("s_inh")
    if tok.dep_ in _HEAD_DEPS and tok.head.i != tok.i:
        f.append(f"h={tok.dep_}|{tok.head.lemma_.lower()}")
    i = tok.i
    p1 = _word(doc[i - 1]) if i > 0 else "<s>"
    p2 = _word(doc[i - 2]) if i > 1 else "<s>"
    n1 = _word(doc[i + 1]) if i + 1 < len(doc) else "</s>"
    n2 = _word(doc[i + 2]) if i + 2 < len(doc) else "</s>"
    f += [f"p1={p1}", f"p2={p2}", f"n1={n1}", f"n2={n2}", f"l|n1={lemma}|{n1}",
          f"l|p1={lemma}|{p1}", f"p2p1={p2}|{p1}"]  # fmt: skip
    return f


def score_tokens(
    model: CueModel, doc: Doc, lexicon: CueLexicon, skip: Iterable[tuple[int, int]] = ()
) -> dict[int, float]:
    """Return the cue probability of every candidate token of ``doc``, by token index.

    Only tokens whose lemma the model saw in cues or the lexicon lists are scored; the
    others get 0.0 (never a cue).
    """
    known = model.lemmas | lexicon.verbs | lexicon.nouns
    every = candidates(doc, skip)
    scored = {
        t.i: model.probability(token_features(t, lexicon))
        for t in every
        if t.lemma_.lower() in known
    }
    for t in every:
        scored.setdefault(t.i, 0.0)
    return scored


def decide(
    model: CueModel, doc: Doc, lexicon: CueLexicon, skip: Iterable[tuple[int, int]] = ()
) -> CueDecision:
    """Return the model's verdicts on ``doc``'s candidate tokens outside ``skip``."""
    return CueDecision(score_tokens(model, doc, lexicon, skip), model.threshold, model.veto)
