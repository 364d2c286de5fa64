"""The outlet's own voice: evaluative or predictive sentences that no one is reported saying.

A sentence is ``editorial`` when it holds a cue from ``editorial.yaml`` ("Overall, ...", "it
seems unlikely that", "it remains to be seen"), no statement covers the cue or has its cue in
the sentence, and the parse does not show reported speech (``voice.reported_by_parse``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..model import Analysis, Frame
from .lexicon import Match
from .voice import in_statement, reported_by_parse

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

#: Words that may come before an "initial" cue: "But overall, ...", "And of course ...".
LEAD_INS = frozenset({"and", "but", "so", "yet", "still", "however", "thus", "hence", ","})


def find_editorial(analysis: Analysis, doc: Doc, matches: Iterable[Match]) -> list[Frame]:
    """Return one ``editorial`` Frame per sentence in the outlet's voice holding a cue.

    The frame spans the sentence; ``label`` is the cue's category (evaluative or
    predictive) and ``note`` names the cue.
    """
    frames: list[Frame] = []
    done: set[int] = set()
    for match in matches:
        cue = doc[match.start : match.end]
        sent = cue.sent
        if sent.start in done or (match.entry.initial and not _opens(sent, match.start)):
            continue
        s, e = _trimmed(sent)
        if in_statement(analysis, s, e, cue.start_char, cue.end_char) is not None:
            continue
        if reported_by_parse(sent, cue.root) or _in_relative_clause(cue.root):
            continue
        done.add(sent.start)
        frames.append(
            Frame(
                kind="editorial",
                start=s,
                end=e,
                text=analysis.article.text[s:e],
                note=f"{match.entry.category} cue '{cue.text}' in the outlet's own voice",
                label=match.entry.category,
            )
        )
    return frames


def _in_relative_clause(token: Token) -> bool:
    """Return True when ``token`` is inside a relative or noun-modifying clause.

    "races that are likely to decide the vote" describes the races; it is not the sentence's
    own comment.
    """
    node = token
    while node.head.i != node.i:
        if node.dep_ in ("relcl", "acl"):
            return True
        node = node.head
    return False


def _opens(sent: SpacySpan, start: int) -> bool:
    """Return True when only lead-ins and punctuation come before token ``start``."""
    for tok in sent:
        if tok.i >= start:
            return True
        lead_in = tok.is_space or tok.lower_ in LEAD_INS
        if not (lead_in or (tok.is_punct and tok.text not in "\"“‘«")):
            return False
    return True


def _trimmed(sent: SpacySpan) -> tuple[int, int]:
    """Return the sentence's character offsets without surrounding white space."""
    toks = [t for t in sent if not t.is_space]
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)
