"""Whose voice a stretch of text is in: a statement's (reported speech) or the outlet's own.

``analysis.statements`` decides first. Because the statements step can miss an attribution,
two cues from the parse also count as reported speech: the words sit inside quotation marks,
or a speech verb ("said", "stated", "according to") governs them.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from ..doccache import children as doc_children
from ..doccache import text as doc_text
from ..model import Analysis

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

#: Verbs that report speech or a stance attributed to a named source.
SPEECH_VERBS = frozenset(
    {
        "accuse", "acknowledge", "add", "admit", "announce", "argue", "assert", "believe",
        "claim", "comment", "concede", "conclude", "confirm", "contend", "declare", "deny",
        "describe", "emphasise", "emphasize", "estimate", "explain", "expect", "fear",
        "highlight", "hint", "indicate", "insist", "maintain", "mention", "note", "predict",
        "promise", "reply", "report", "respond", "reveal", "say", "state", "stress",
        "suggest", "tell", "tweet", "warn", "write",
    }
)  # fmt: skip
#: Dependencies by which a clause hangs from the verb that reports it.
CLAUSAL = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "conj"})


def in_statement(
    analysis: Analysis, sent_start: int, sent_end: int, start: int, end: int
) -> str | None:
    """Return the id of a statement that holds ``[start, end)`` or has its cue in the sentence.

    A sentence holding a statement's cue is reported speech as a whole ("Clearly the deal is
    dead, Peskov said.").
    """
    covering = analysis.statement_covering(start, end)
    if covering is not None:
        return covering.id
    for st in analysis.statements:
        if sent_start <= st.cue.start and st.cue.end <= sent_end:
            return st.id
    return None


def reported_by_parse(sent: SpacySpan, token: Token) -> bool:
    """Return True when the parse shows ``token`` is reported speech.

    It is when it stands inside quotation marks in its sentence, when a speech verb with a
    subject other than an expletive "it" governs its clause, or when the sentence says
    "according to".
    """
    if _inside_quotes(sent, token):
        return True
    lowered = [t.lower_ for t in sent]
    if any(a == "according" and b == "to" for a, b in pairwise(lowered)):
        return True
    # The token is reported when a speech verb governs the clause it is in ("Clearly the
    # deal is dead, Peskov said"), not when it modifies the speech verb itself ("Of course,
    # the army denies it" is the outlet commenting on a denial).
    child, node = token, token.head
    while child.i != node.i:
        speech = node.lemma_ in SPEECH_VERBS and node.pos_ == "VERB"
        if child.dep_ in CLAUSAL and speech and not _impersonal(node):
            return True
        child, node = node, node.head
    return False


def _impersonal(verb: Token) -> bool:
    """Return True when the verb's subject is expletive "it" ("it is believed") or absent."""
    subjects = [c for c in doc_children(verb) if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return not subjects or all(s.lower_ == "it" for s in subjects)


def _inside_quotes(sent: SpacySpan, token: Token) -> bool:
    """Return True when a quotation opened before ``token`` in its paragraph is still open.

    The paragraph, not the sentence: a quotation often runs over several sentences.
    """
    text = doc_text(sent.doc)
    line_start = text.rfind("\n", 0, token.idx) + 1
    depth = 0
    for char in text[line_start : token.idx]:
        if char in "“«":
            depth += 1
        elif char in "”»":
            depth = max(depth - 1, 0)
        elif char == '"':
            depth = 1 - min(depth, 1)
    return depth > 0
