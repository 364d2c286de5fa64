"""Small readers of the spaCy dependency parse shared by triggers, frames and modality.

Labels are those of spaCy's English ClearNLP scheme (nsubj, nsubjpass, dobj, agent, prep,
pobj, xcomp, ccomp, advcl, relcl, acl, conj, poss, ...).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..doccache import children as doc_children

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
OBJECTS = frozenset({"dobj", "obj"})
RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose"})
#: Quantifiers whose "of" noun is the real argument: "some of them", "many of the leaders".
QUANTIFIERS = frozenset({
    "all", "any", "both", "dozens", "each", "few", "hundreds", "many", "millions", "most",
    "none", "one", "scores", "some", "tens", "thousands",
})  # fmt: skip
#: Prepositions of a gerund of time or manner, done by the clause's subject ("told
#: reporters after meeting X", "blocked the deal by adding conditions"); not "of"
#: ("suspected of blowing up": done by the suspects).
CIRCUMSTANCE_PREPS = frozenset({
    "after", "before", "by", "despite", "on", "since", "through", "upon", "while", "without",
})  # fmt: skip
#: Verbs whose object is the subject of their infinitive: "urged Russia to withdraw".
OBJECT_CONTROL = frozenset({
    "allow", "ask", "call", "encourage", "force", "invite", "order", "persuade", "press",
    "pressure", "push", "tell", "urge",
})  # fmt: skip


def children(tok: Token, *deps: str) -> Iterator[Token]:
    """Return the children of ``tok`` whose dependency label is one of ``deps``."""
    return (c for c in doc_children(tok) if c.dep_ in deps)


def first_child(tok: Token, *deps: str) -> Token | None:
    """Return the first child of ``tok`` with one of ``deps``, or None."""
    return next(children(tok, *deps), None)


def prep_objects(tok: Token, *preps: str) -> Iterator[tuple[str, Token]]:
    """Return ``(preposition, object)`` for each prepositional child of ``tok`` in ``preps``.

    Multi-word prepositions are read by their first word ("on behalf of" is "on").
    """
    for prep in children(tok, "prep", "agent", "dative"):
        word = prep.lower_
        if prep.dep_ == "dative" and prep.pos_ != "ADP":
            if "to" in preps:
                yield "to", prep  # "gave Ukraine aid": the indirect object
            continue
        if word in preps:
            for obj in children(prep, "pobj", "pcomp"):
                yield word, obj


def is_passive(verb: Token) -> bool:
    """Return True when ``verb`` is in the passive voice (or a passive participle modifier)."""
    if any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in doc_children(verb)):
        return True
    # "a law signed by Zelensky"; not "claims that Russia had mined the port"
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and not any(c.dep_ in ("aux", "nsubj", "mark") for c in doc_children(verb))
    )


def resolve_relative(tok: Token) -> Token:
    """Return the noun a relative pronoun stands for ("who" in "Blinken, who said"), or ``tok``."""
    if tok.lower_ not in RELATIVE_WORDS or tok.pos_ not in ("PRON", "DET", "SCONJ"):
        return tok
    verb = tok.head
    while verb.dep_ == "conj" and verb.head is not verb:
        first = verb.head
        obj = first_child(first, *OBJECTS)
        if obj is not None and tok.dep_ in OBJECTS and obj.lower_ not in RELATIVE_WORDS:
            return obj  # "highlighted the deal ..., but which Kiev dropped": the deal
        verb = first
    if verb.dep_ in ("relcl", "acl") and verb.head is not verb:
        return verb.head
    return tok


def quantified(tok: Token) -> Token:
    """Return the "of" noun of a quantifier ("them" in "some of them"), else ``tok``."""
    if tok.lower_ in QUANTIFIERS:
        for _, obj in prep_objects(tok, "of"):
            return obj
    return tok


def subject_of(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """Return ``(actor token, from_agent)``: who does what ``verb`` says, and whether found.

    Active voice: the subject. Passive: the by-agent. A to-infinitive, a conjunct or a
    relative clause without a subject of its own takes it from its head; an infinitive
    under "urge"/"ask"/... takes the object of its head.
    """
    if depth > 6:
        return None, False
    if is_passive(verb):
        for _, obj in prep_objects(verb, "by"):
            return quantified(resolve_relative(obj)), True
        return None, False
    subj = first_child(verb, *SUBJECTS)
    if subj is not None and subj.tag_ == "VBG":
        # "The group operating in Iraq said": the parser hangs the noun on the participle
        subj = first_child(subj, "nsubj") or subj
    if subj is not None:
        if subj.lower_ == "it" and first_child(verb, "ccomp", "xcomp") is not None:
            return None, False  # expletive "it seems/appears that ..."
        return quantified(resolve_relative(subj)), True
    head = verb.head
    if head is verb:
        return None, False
    if verb.dep_ == "xcomp" or (verb.dep_ in ("advcl", "acl") and _infinitive(verb)):
        if is_passive(head):  # "Russia was urged to withdraw", "some may be inclined to"
            patient = first_child(head, *PASSIVE_SUBJECTS)
            for aux in children(head, "auxpass", "aux"):
                patient = patient or first_child(aux, *SUBJECTS)
            if patient is not None:
                return quantified(resolve_relative(patient)), True
        if head.lemma_.lower() in OBJECT_CONTROL:
            controller = first_child(head, *OBJECTS)
            if controller is not None:
                return controller, True
            for _, pobj in prep_objects(head, "on", "upon"):
                return pobj, True
        if head.pos_ in ("VERB", "AUX"):
            return subject_of(head, depth + 1)
        if head.pos_ == "ADJ" and head.head is not head:
            return subject_of(head.head, depth + 1)  # "is willing to send"
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.pos_ in ("VERB", "AUX"):
        return subject_of(head, depth + 1)  # "lodged a protest, charging its neighbour"
    if (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and head.dep_ == "prep"
        and head.lower_ in CIRCUMSTANCE_PREPS
        and head.head.pos_ in ("VERB", "AUX")
    ):
        return subject_of(head.head, depth + 1)  # "told reporters after meeting X": the teller
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.dep_ in OBJECTS:
        return subject_of(head.head, depth + 1)  # "issued a declaration demanding that"
    if verb.dep_ in ("acomp", "oprd") and head.pos_ in ("VERB", "AUX"):
        return subject_of(head, depth + 1)  # "may be inclined (to reduce)"
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        if _outside_clause(verb, head):
            return subject_of(head.head, depth + 1)
        return subject_of(head, depth + 1)
    if verb.dep_ == "relcl":
        return head, True
    return None, False


FINITE = frozenset({"VBD", "VBZ", "VBP"})


def own_tense(verb: Token, head: Token) -> bool:
    """Return True when the conjunct ``verb`` cannot share the auxiliaries of ``head``.

    A finite verb with no auxiliary joined to a non-finite one ("had stalled and urged",
    "would attend but accused"), or a participle joined to a bare infinitive ("would
    attend but accused" tagged VBN): "would accused" is no English.
    """
    if any(c.dep_ in ("aux", "auxpass") for c in doc_children(verb)):
        return False
    if verb.tag_ in FINITE:
        return head.tag_ not in FINITE
    return verb.tag_ == "VBN" and head.tag_ == "VB"


#: Acts of a speaker that a misparse may join to the clause of what it said.
SPEAKERS_ACTS = frozenset({
    "accuse", "add", "appeal", "ask", "call", "condemn", "demand", "deny", "insist",
    "invite", "reject", "threaten", "urge", "vow", "warn", "welcome",
})  # fmt: skip


def _outside_clause(verb: Token, head: Token) -> bool:
    """Return True when a conjunct belongs with the verb above its head's clause.

    "Qatar said that the talks had stalled and urged both sides to ...": the parser joins
    "urged" to "stalled", but "urged" cannot share "had" (or "would"); it is the
    speaker's second act, coordinated with "said".
    """
    if head.dep_ != "ccomp" or head.head.pos_ not in ("VERB", "AUX"):
        return False
    if head.lemma_ == "be" and verb.tag_ in FINITE and verb.lemma_.lower() in SPEAKERS_ACTS:
        # "said the claims were absurd and called on Poland to ...": a copular clause
        # says what the speaker thinks; a finite speech act after it is the speaker's own
        # (not "said the sanctions were illegal and hurt farmers")
        return True
    return own_tense(verb, head) and any(c.dep_ in ("aux", "auxpass") for c in doc_children(head))


def direct_object(verb: Token) -> Token | None:
    """Return the direct object of ``verb`` (a relative pronoun resolved), or None.

    In the passive the grammatical subject is the object.
    """
    obj: Token | None = first_child(verb, *OBJECTS)
    if obj is None:
        for prt in children(verb, "prt"):
            if prt.lower_ == "up":  # "kidnapped up to 16 advisers": parsed as a particle
                obj = next((o for _, o in prep_objects(prt, "to")), None)
    if obj is None and is_passive(verb):
        obj = first_child(verb, *PASSIVE_SUBJECTS)
        if obj is None and verb.dep_ == "acl":
            obj = verb.head  # "a law signed by Zelensky": the law
    if obj is None:
        return None
    return quantified(resolve_relative(obj))


def verb_forms(verb: Token) -> set[str]:
    """Return the lemma of ``verb`` and its plain forms, to survive lemmatiser slips.

    The small English model lemmatises "staged" as "stag"; the stripped forms ("stage")
    let word lists match anyway.
    """
    lower = verb.lower_
    forms = {verb.lemma_.lower(), lower}
    for suffix in ("d", "s", "ed", "es", "ing"):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            forms.add(lower[: -len(suffix)])
    return forms


#: Nouns that measure what is given rather than name it ("$2 billion worth of weapons").
_AMOUNT_NOUNS = frozenset({
    "million", "billion", "trillion", "worth", "amount", "sum", "dollar", "euro", "pound",
    "yuan", "ruble", "rouble", "yen", "franc", "tranche", "package",
})  # fmt: skip


def _is_amount(tok: Token) -> bool:
    """Return True when ``tok`` is a sum of money or a measure ("$50 million", "euros")."""
    return tok.ent_type_ == "MONEY" or tok.lemma_.lower() in _AMOUNT_NOUNS


def object_lemmas(tok: Token) -> set[str]:
    """Return the lemmas of the thing ``tok`` acts on: its object and that object's "of" noun.

    For a verb: the direct object ("lift sanctions"), its conjuncts, and the noun after
    "of" ("reduce the volume of assistance") or, after a sum, "in" ("$5 million in aid").
    For a noun: the noun after "of" ("the return of territories").
    """
    found: list[Token] = []
    obj = direct_object(tok) if tok.pos_ in ("VERB", "AUX") else None
    if obj is not None:
        found.append(obj)
        found.extend(children(obj, "compound"))  # "ended mediation efforts"
        found.extend(obj.conjuncts)
        found.extend(o for _, o in prep_objects(obj, "of"))
        if _is_amount(obj):  # "$50 million in aid", "10 million euros in aid"
            found.extend(o for _, o in prep_objects(obj, "in"))
    else:
        found.extend(o for _, o in prep_objects(tok, "of"))
    for prt in children(tok, "prt"):  # "give up their weapons": object after the particle
        found.extend(children(prt, "pobj"))
    return {t.lemma_.lower() for t in found}


def has_clause(tok: Token, infinitive: bool = True) -> bool:
    """Return True when ``tok`` takes a that-clause (or, if ``infinitive``, a to-infinitive).

    A noun's that-clause may hang on the verb that carries it ("repeated its warning that
    X ...") or be misparsed altogether ("warning that famine ...": "that" read as the
    determiner of "famine"); both count.
    """
    if tok.pos_ == "NOUN":
        if carried_clause(tok) is not None:
            return True
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if (
            nxt is not None
            and nxt.lower_ == "that"
            and nxt.dep_ in ("mark", "det")
            and nxt.head.ent_type_ not in ("DATE", "TIME")
        ):
            return True
    for c in doc_children(tok):
        if c.dep_ == "ccomp" or (infinitive and c.dep_ == "xcomp"):
            return True
        if c.dep_ in ("acl", "advcl", "relcl") and (
            (infinitive and _infinitive(c)) or _that_clause(c)
        ):
            return True
    return False


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in doc_children(verb))


def _that_clause(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in doc_children(verb))


def noun_phrase_bounds(tok: Token) -> tuple[int, int]:
    """Return the character span of ``tok`` with its left modifiers ("senior Russian officials")."""
    start = tok
    for left in reversed(list(tok.lefts)):
        if left.dep_ not in ("det", "amod", "compound", "nmod", "nummod", "punct"):
            break  # a possessor ("Kiev's demands") is a party of its own, not the noun
        start = left.left_edge
    return start.idx, tok.idx + len(tok.text)


def carried_clause(noun: Token) -> Token | None:
    """Return the that-clause the parser hangs on the verb carrying ``noun``, or None.

    "Arnland repeated its demand that Borduria free the crew": the clause says what the
    demand is, though it hangs on "repeated".
    """
    if noun.dep_ not in ("dobj", "obj") or noun.head.pos_ not in ("VERB", "AUX"):
        return None
    for c in doc_children(noun.head):
        if c.dep_ == "ccomp" and c.i > noun.i and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in doc_children(c)
        ):
            return c
    return None
