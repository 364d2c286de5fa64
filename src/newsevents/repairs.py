"""Repairs of the dependency parse that every later step would otherwise work around.

Each repair is narrow: it fires only where the small English parser leaves a sentence
without the structure its words show, and it rewrites heads and labels in place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Finite verb tags: a verb with one of these is a clause's own verb, never a noun modifier.
FINITE_TAGS: frozenset[str] = frozenset({"VBD", "VBZ", "VBP"})


def repair(doc: Doc) -> Doc:
    """Return ``doc`` with its misparsed sentences repaired in place."""
    for sent in list(doc.sents):
        _verbless_root(sent)
    for tok in doc:
        if tok.dep_ == "relcl":
            _complement_as_relative(tok)
    return doc


#: Verbs whose object is the audience and whose "that" clause is what was said: "told a
#: briefing that ...", "assured the envoys that ...". Word forms: repairs run before the
#: lemmatizer.
AUDIENCE_VERBS: frozenset[str] = frozenset({
    "assure", "assured", "assures", "assuring", "brief", "briefed", "briefing", "briefs",
    "inform", "informed", "informing", "informs", "notified", "notifies", "notify",
    "notifying", "remind", "reminded", "reminding", "reminds", "tell", "telling", "tells",
    "told", "warn", "warned", "warning", "warns",
})  # fmt: skip
#: Argument labels a clause has one of at most.
_SINGLE_ARGUMENTS = ("dobj", "nsubj", "nsubjpass")


def _complement_as_relative(verb: Token) -> None:
    """Make a "that" clause parsed as a relative clause on the audience the complement of
    the verb of saying.

    "X told a regular press briefing that Borduria would not send troops" sometimes parses
    with "that" as the object of "send", and "send" as a relative clause on "briefing".
    A clause whose "that" fills a slot another word already fills ("troops" is the
    object) cannot be relative: "that" is its mark and the clause is what was told.
    """
    noun = verb.head
    speech = noun.head
    if noun.dep_ not in ("dobj", "dative") or speech.lower_ not in AUDIENCE_VERBS:
        return
    kids = list(verb.children)
    that = next((c for c in kids if c.lower_ == "that" and c.i < verb.i), None)
    if that is None or that.dep_ not in _SINGLE_ARGUMENTS:
        return
    if not any(c.dep_ == that.dep_ and c is not that for c in kids):
        return  # "a briefing that covered the talks": a real relative clause
    that.dep_ = "mark"
    verb.head, verb.dep_ = speech, "ccomp"


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
