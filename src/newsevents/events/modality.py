"""Modality of an event from the parse: negated, conditional, hypothetical, future, near-miss.

The flags are read on the trigger and on the words that govern it: the verb that
carries an event noun ("talks can only begin once ..."), and the chain of control verbs
and adjectives above a to-infinitive ("may be inclined to reduce"). Conditions are
adverbial clauses opened by if/unless/once/until/as long as; a trigger *inside* an if-
clause is hypothetical.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..doccache import children as doc_children
from ..model import Modality
from .lexicon import Lexicon
from .syntax import own_tense

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"may", "might", "could", "would", "'d"})
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
NEAR_MISS = frozenset({"almost", "nearly", "narrowly"})
CONDITION_MARKS = frozenset({"if", "unless", "once", "until", "till", "provided", "providing"})
HYPOTHESIS_MARKS = frozenset({"if", "unless", "whether"})
#: Marks of a condition that is hypothetical only in the present tense.
PENDING_MARKS = frozenset({"once", "until", "till", "provided", "providing"})
#: Verbs whose that-clause says what did not happen, in the speaker's words.
DENYING = frozenset({"deny"})
#: Prepositions of circumstance: "during talks" does not share the verb's modality.
CIRCUMSTANTIAL = frozenset({
    "after", "amid", "amidst", "before", "despite", "during", "following", "since", "throughout",
})  # fmt: skip


def governors(tok: Token) -> list[Token]:
    """Return ``tok`` and the words that govern its clause, nearest first.

    A noun goes to the verb it is subject or object of; a verb or adjective climbs through
    xcomp/acomp/conj links ("may be inclined to reduce" → reduce, inclined, be).
    """
    chain = [tok]
    cur = tok
    for _ in range(8):
        dep = cur.dep_
        head = cur.head
        if head is cur:
            break
        if cur.pos_ in ("NOUN", "PROPN", "PRON") and dep in (
            "nsubj", "nsubjpass", "dobj", "obj", "attr"
        ):  # fmt: skip
            cur = head
            if cur.dep_ in ("aux", "auxpass") and cur.head is not cur:
                cur = cur.head  # "talks can and will happen": a subject parsed onto "can"
        elif (
            dep == "pobj"
            and head.dep_ == "prep"
            and head.lower_ not in CIRCUMSTANTIAL
            and head.head.pos_ in ("VERB", "AUX", "ADJ")
        ):
            cur = head.head
        elif dep == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
            cur = head.head  # "will provide 25,000 tons of food aid": through the quantity
            continue
        elif dep in ("xcomp", "acomp", "oprd") or (
            dep == "conj" and cur.pos_ in ("VERB", "AUX") and not _own_tense(cur)
        ):
            cur = head
        else:
            break
        chain.append(cur)
    return chain


def _own_tense(verb: Token) -> bool:
    """Return True when a conjunct verb has a tense of its own ("would attend but accused",
    "would not consider it but would work with them"): it does not share the
    auxiliaries, negation or conditions of the verb it joins."""
    if any(c.dep_ in ("aux", "auxpass") for c in doc_children(verb)):
        return True
    return own_tense(verb, verb.head)


def modality_of(tok: Token, lex: Lexicon) -> Modality:
    """Return the Modality of the event whose trigger is ``tok``.

    "would" is hypothetical, except in a clause reported by a speech verb, where it is
    the future seen from the past ("they said they would boycott the talks").
    """
    mod = Modality()
    chain = governors(tok)
    for word in chain:
        _read_word(word, mod, lex, is_trigger=word is tok)
    top = chain[-1]
    reported = top.dep_ == "ccomp" and top.head.lemma_.lower() in lex.speech_verbs
    if reported and any(
        c.dep_ == "aux" and c.lower_ in ("would", "'d") for w in chain for c in doc_children(w)
    ):
        mod.future, mod.hypothetical = True, False
    for anc in [tok, *tok.ancestors]:
        if anc.dep_ == "advcl" and (
            _mark(anc) in HYPOTHESIS_MARKS
            # "until Kiev withdraws", "once Kiev changes its stance": a condition in the
            # present has not happened; "until the rebels withdrew" has
            or (_mark(anc) in PENDING_MARKS and anc.tag_ in ("VB", "VBZ", "VBP"))
        ):
            mod.hypothetical = True  # the trigger is (in) the condition itself
        if anc.dep_ == "ccomp" and anc.head.lemma_.lower() in DENYING:
            mod.negated = True  # "denied that his forces had killed anyone": not done, says he
        if anc is tok:
            continue
        # "it seems unlikely that talks will occur": the adjective or its copula governs
        for word in [anc, *(c for c in doc_children(anc) if c.dep_ in ("oprd", "acomp"))]:
            flag = lex.modal_governors.get(word.lemma_.lower())
            if flag and word.pos_ == "ADJ":
                setattr(mod, flag, True)
    return mod


def _read_word(word: Token, mod: Modality, lex: Lexicon, is_trigger: bool) -> None:
    kids = list(doc_children(word))
    for aux in [c for c in kids if c.dep_ in ("aux", "auxpass")]:
        kids.extend(c for c in doc_children(aux) if c.dep_ in ("aux", "neg"))  # "may [be] inclined"
    for c in kids:
        text = c.lower_
        if c.dep_ == "neg" or (c.dep_ == "det" and text == "no"):
            mod.negated = True
        elif c.dep_ in ("aux", "auxpass"):
            if text in FUTURE_AUX:
                mod.future = True
            elif text in HYPOTHETICAL_AUX:
                mod.hypothetical = True
        elif c.dep_ == "advmod" and text in NEAR_MISS:
            mod.near_miss = True
        elif c.dep_ == "advmod" and text == "never":
            mod.negated = True
        elif c.dep_ == "advcl" and _mark(c) in CONDITION_MARKS:
            mod.conditional = True
        elif c.dep_ == "advmod" and text == "long" and _as_long_as(c):
            mod.conditional = True  # "as long as Kiev changes its stance"
    if word.lower_ == "going" and any(c.dep_ == "xcomp" for c in doc_children(word)):
        mod.future = True
    if not is_trigger:
        flag = lex.modal_governors.get(word.lemma_.lower()) or lex.modal_governors.get(word.lower_)
        if flag:
            setattr(mod, flag, True)


def _mark(clause: Token) -> str:
    for c in doc_children(clause):
        if c.dep_ == "mark":
            return c.lower_
    return ""


def _as_long_as(long: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ == "as" for c in doc_children(long)) or any(
        c.dep_ == "advcl" and _mark(c) == "as" for c in doc_children(long)
    )


#: Verbs that continue an act already under way: "would keep fighting", "will continue
#: its strikes"; "carry"/"go" only with "on" ("carry on fighting").
CONTINUING = frozenset({"keep", "continue", "persist"})
CONTINUING_WITH_ON = frozenset({"carry", "go"})


def continued(tok: Token) -> bool:
    """Return True when a verb above ``tok`` says its act goes on ("keep fighting").

    A future act that continues one under way is that act, not an announced one: PLOVER's
    future recoding (a future attack is a threat) does not apply to it.
    """
    for word in governors(tok)[1:]:
        lemma = word.lemma_.lower()
        if lemma in CONTINUING:
            return True
        if lemma in CONTINUING_WITH_ON and any(
            c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "on" for c in doc_children(word)
        ):
            return True
    return False

