"""Repairs of the dependency parse that every later step would otherwise work around.

Each repair is narrow: it fires only where the small English parser leaves a sentence
without the structure its words show, and it rewrites heads and labels in place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: Finite verb tags: a verb with one of these is a clause's own verb, never a noun modifier.
FINITE_TAGS: frozenset[str] = frozenset({"VBD", "VBZ", "VBP"})


def repair(doc: Doc) -> Doc:
    """Return ``doc`` with its misparsed sentences repaired in place."""
    for sent in list(doc.sents):
        _verbless_root(sent)
    return doc


def _verbless_root(sent: Span) -> None:
    """Make a finite verb parsed as a noun's modifier the sentence's main verb.

    "Egypt, which backs the army, called for a ceasefire" sometimes parses with "Egypt"
    as the root and "called" as its ``acl``: the sentence then has no subject for any
    step to find. A sentence whose root is a noun has no main verb, so its first finite
    ``acl`` verb without a subject is that verb, and the noun is its subject.
    """
    root = sent.root
    if root.tag_ not in ("NN", "NNS", "NNP", "NNPS"):
        return
    verb = next(
        (
            c
            for c in root.rights
            if c.dep_ == "acl"
            and c.tag_ in FINITE_TAGS
            and not any(g.dep_.startswith("nsubj") for g in c.children)
        ),
        None,
    )
    if verb is None:
        return
    trailing = [c for c in root.rights if c.i > verb.i]
    verb.head, verb.dep_ = verb, "ROOT"
    root.head, root.dep_ = verb, "nsubj"
    for tok in trailing:  # the closing full stop belongs to the verb, not to the subject
        tok.head = verb
