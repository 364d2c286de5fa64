"""The speaker: the actor a statement's source refers to, or None."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Analysis

_RELATIVE = frozenset({"who", "which", "that", "whom"})


def resolve_speaker(analysis: Analysis, doc: Doc, source_token: int | None) -> str | None:
    """Return the id of the actor the source refers to, or None (anonymous or unknown).

    The source is looked up by its head token and the names before it ("Kremlin spokesman
    Dmitry Peskov" -> "Dmitry Peskov"), so that "a source close to Peskov" is not Peskov.
    A relative pronoun ("Blinken, who suggested ...") stands for the noun it hangs on; a
    personal pronoun ("He said") is whatever the actors step resolved its mention to.
    """
    if source_token is None:
        return None
    tok = doc[source_token]
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
        tok = tok.head.head
    start = tok.i
    while (
        start > 0 and doc[start - 1].dep_ in ("compound", "flat") and doc[start - 1].head.i == tok.i
    ):
        start -= 1
    actor = analysis.actor_at(doc[start].idx, tok.idx + len(tok))
    return actor.id if actor else None
