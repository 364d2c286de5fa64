"""Find event triggers in a parsed Doc: verbs, phrasal verbs, nouns and stance adjectives.

One pass over the tokens with a dict lookup by lemma per token; the lexicon's senses are
then checked against the parse (the object of "lift", the prepositions of "call", ...).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from ..doccache import children as doc_children
from ..doccache import tokens
from .lexicon import Lexicon, Sense, When
from .syntax import (
    children,
    direct_object,
    has_clause,
    is_passive,
    object_lemmas,
    prep_objects,
    subject_of,
)

TriggerKind = Literal["verb", "noun", "adj", "stance", "deontic", "describe"]
#: Heads that carry the arguments of an event noun modifying them ("a mediation effort").
GENERIC_HEADS = frozenset({
    "bid", "campaign", "drive", "effort", "initiative", "mission", "operation", "package",
    "process", "program", "programme",
})  # fmt: skip
#: Named-entity labels that make a direct object a party ("recognized Kosovo").
PARTY_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
#: Particles the parser sometimes reads as adverbs: "hit back", "pulled back".
ADVERB_PARTICLES = frozenset({"back", "down", "off", "out", "up", "away"})
#: Subjects of a that-clause that stand for the subject of the verb above it.
SELF_PRONOUNS = frozenset({"i", "we", "he", "she", "it", "they"})
#: Possessives that make a clause subject the speaker's own ("its forces would respond").
OWN_POSSESSIVES = frozenset({"its", "their", "our", "his", "her", "my"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word (or a verb and its particle) that expresses an event, and its chosen sense."""

    i: int
    tokens: tuple[int, ...]
    kind: TriggerKind
    sense: Sense

    def char_span(self, doc: Doc) -> tuple[int, int]:
        """Return the ``[start, end)`` characters from the first to the last trigger token."""
        first, last = doc[min(self.tokens)], doc[max(self.tokens)]
        return first.idx, last.idx + len(last.text)


def find_triggers(
    doc: Doc, lex: Lexicon, is_party: Callable[[Token], bool] | None = None
) -> list[Trigger]:
    """Return the triggers of ``doc`` in text order, at most one per head token.

    ``is_party(token)`` says whether a token names an actor (default: its entity label).
    """
    party = is_party or (lambda t: t.ent_type_ in PARTY_ENTS)
    found: list[Trigger] = []
    taken: set[int] = set()
    for tok in tokens(doc):
        pos = tok.pos_
        if pos == "VERB":
            trig = _verb_trigger(tok, lex, party)
        elif pos == "NOUN":
            trig = _noun_trigger(tok, lex, party)
        elif pos == "ADJ":
            trig = _from(tok, "adj", lex.adjectives.get(tok.lower_), party)
        else:
            trig = None
        if trig is not None and trig.i not in taken:
            taken.add(trig.i)
            found.append(trig)
    return found


def _verb_trigger(tok: Token, lex: Lexicon, party: Callable[[Token], bool]) -> Trigger | None:
    if tok.dep_ == "amod":
        return None  # a participle used as an adjective ("Western-backed") is no event
    lemma = tok.lemma_.lower()
    for part in doc_children(tok):
        particle = part.dep_ == "advmod" and part.lower_ in ADVERB_PARTICLES
        if part.dep_ in ("prt", "prep") or particle:
            phrasal = lex.verbs.get(f"{lemma} {part.lower_}")
            if phrasal:
                trig = _from(tok, "verb", phrasal, party, extra=(part.i,))
                if trig is not None:
                    return trig
    trig = _from(tok, "verb", lex.verbs.get(lemma), party)
    if trig is None and (
        tok.dep_ in ("acomp", "oprd") or any(c.dep_ == "auxpass" for c in doc_children(tok))
    ):
        trig = _from(tok, "adj", lex.adjectives.get(tok.lower_), party)  # "is opposed to"
    return trig


def _noun_trigger(tok: Token, lex: Lexicon, party: Callable[[Token], bool]) -> Trigger | None:
    lemma = tok.lemma_.lower()
    if tok.dep_ == "compound":
        head = tok.head
        if head.lemma_.lower() not in GENERIC_HEADS or head.i < tok.i:
            return None  # "a no-talks policy"; "peace talks" is found on "talks"
        # "a mediation effort between X and Y", "an aid programme for Bosnia": the event
        # word is a modifier, the head carries the arguments
        for sense in lex.nouns.get(lemma, ()):
            if sense.when is None or matches(sense.when, head, party):
                return Trigger(head.i, (tok.i, head.i), "noun", sense)
        return None
    return _from(tok, "noun", lex.nouns.get(lemma), party) or _from(
        tok, "stance", lex.stance_nouns.get(lemma), party
    )


def _from(
    tok: Token,
    kind: TriggerKind,
    senses: tuple[Sense, ...] | None,
    party: Callable[[Token], bool],
    extra: tuple[int, ...] = (),
) -> Trigger | None:
    for sense in senses or ():
        if sense.when is None or matches(sense.when, tok, party):
            return Trigger(tok.i, (tok.i, *extra), kind, sense)
    return None


def matches(when: When, tok: Token, party: Callable[[Token], bool]) -> bool:
    """Return True when every condition of ``when`` holds for ``tok`` in its parse."""
    if when.objects and not (when.objects & object_lemmas(tok)):
        return False
    if when.preps and not any(True for _ in prep_objects(tok, *when.preps)):
        return False
    if when.no_preps and any(True for _ in prep_objects(tok, *when.no_preps)):
        return False
    if when.modifiers and not any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in when.modifiers
        for c in doc_children(tok)
    ):
        return False
    if when.clause and not has_clause(tok):
        return False
    if when.that_clause and not has_clause(tok, infinitive=False):
        return False
    if when.by and not any(True for _ in prep_objects(tok, "by")):
        return False
    needs_object = when.actor_object or when.has_object or when.intransitive or when.name_object
    obj = direct_object(tok) if needs_object else None
    if when.has_object and obj is None:
        return False
    if when.intransitive and (obj is not None or is_passive(tok) or has_clause(tok, False)):
        return False  # "conceded that he was trailing" has a complement
    if when.subjects:  # "missiles hit Kharkiv": what does the hitting
        subj, _ = subject_of(tok)
        if subj is None or subj.lemma_.lower() not in when.subjects:
            return False
    if when.actor_subject:
        subj, _ = subject_of(tok)
        if subj is None or not party(subj):  # "his loss allowed him": his thing, not him
            return False
    if when.name_object and (obj is None or obj.pos_ != "PROPN"):
        return False
    if when.party_preps and not any(
        _party_phrase(o, party)
        for _, obj in prep_objects(tok, *when.party_preps)
        for o in (obj, *obj.conjuncts)
    ):  # "talked with Borduria's envoy": the possessor names the party
        return False
    if when.self_clause and not self_clause(tok, getattr(party, "side", None)):
        return False
    if when.clause_objects and not any(
        when.clause_objects & object_lemmas(c) for c in children(tok, "ccomp")
    ):  # "warned that it would take all necessary measures"
        return False
    return not (when.actor_object and (obj is None or not _party_phrase(obj, party)))


def _party_phrase(tok: Token, party: Callable[[Token], bool]) -> bool:
    """Return True when ``tok`` or its named possessor names a party ("met Borduria's
    envoy"); a pronoun possessor does not ("released his tax returns")."""
    return party(tok) or any(
        party(c) for c in doc_children(tok) if c.dep_ == "poss" and c.pos_ == "PROPN"
    )


def self_clause(verb: Token, side: Callable[[Token], str | None] | None = None) -> bool:
    """Return True when a that-clause of ``verb`` is about its own subject.

    "Arnland warned that it would strike", "... that its forces would respond", "Arnland
    warned that Arnland would retaliate": the clause says what the speaker will do, not
    what happens elsewhere ("warned that deliveries had fallen"). With ``side`` (the
    country a token's actor belongs to), a spokesman's own state counts as the speaker:
    "the spokeswoman warned that Arnland would take all necessary measures".
    """
    subj, _ = subject_of(verb)
    own = side(subj) if side is not None and subj is not None else None
    for clause in children(verb, "ccomp"):
        csubj, _ = subject_of(clause)
        if csubj is None:
            continue
        if csubj.lower_ in SELF_PRONOUNS:
            return True
        if subj is not None and csubj.lemma_.lower() == subj.lemma_.lower():
            return True
        if any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in doc_children(csubj)):
            return True
        if own is not None and side is not None and side(csubj) == own:
            return True
    return False
