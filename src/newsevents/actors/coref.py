"""Rule-based coreference: pronouns and definite descriptions → the actor they refer to.

For each pronoun ("he", "its", "they") and each pending description ("the spokesman",
"his country", "its military"), in text order, the most salient compatible mention before
it wins: the nearest sentence first, then a grammatical subject, then the nearest mention.
Compatibility is by kind (person or not), gender (from the KB), number (plural mentions
for "they") and role words ("the spokesman" needs a spokesman). Places compete for "it" so
that "Crimea ... it broke away" does not become an actor. Resolved mentions become
candidates in turn ("Peskov ... He ... his").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..doccache import children as doc_children
from ..doccache import sents
from .kb import KnowledgeBase
from .link import Linked, Pending
from .refs import Link, Referent, person_referent, role_referent, sector_referent
from .scan import WordScan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MALE: frozenset[str] = frozenset({"he", "him", "his", "himself"})
FEMALE: frozenset[str] = frozenset({"she", "her", "hers", "herself"})
NEUTER: frozenset[str] = frozenset({"it", "its", "itself"})
PLURAL: frozenset[str] = frozenset({"they", "them", "their", "theirs", "themselves"})
_PRONOUN_SCAN = WordScan("LOWER", lambda w: w in MALE | FEMALE | NEUTER | PLURAL)
#: Sectors of peoples, not of organised groups: "the group" is never one of these.
PEOPLE_SECTORS: frozenset[str] = frozenset({"CVL", "REF"})
#: How far back (in sentences) each kind of reference looks.
REACH: dict[str, int] = {"person": 3, "it": 1, "they": 2, "description": 40, "nearby": 3}
#: Verbs whose "it" subject is expletive ("it seems", "it appears that ...").
EXPLETIVE_HEADS: frozenset[str] = frozenset(
    "seem appear happen matter remain look take mean rain".split()
)

#: Adjectives whose "it is ... to" is about the infinitive, never about a thing.
EXTRAPOSING: frozenset[str] = frozenset(
    "crucial difficult easy essential hard important impossible necessary possible "
    "unnecessary vital".split()
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    head: int
    sentence: int
    referent: Referent | None  # None: a place
    plural: bool
    subject: bool


def resolve(doc: Doc, linked: Linked, kb: KnowledgeBase, day: dt.date | None) -> list[Link]:
    """Return the links of the pronouns and pending descriptions of ``doc``.

    ``linked`` holds the name links (candidates), the places and the pending phrases.
    """
    sent_of = _sentence_index(doc)
    cands = [
        _Candidate(x.head, sent_of[x.head], x.referent, x.plural, x.subject)
        for x in linked.links
        if x.candidate
    ]
    cands += [
        _Candidate(i, sent_of[i], None, False, doc[i].dep_.startswith("nsubj"))
        for i in linked.places
    ]
    linked_heads = {x.head for x in linked.links}
    # Plural noun phrases that are not actors compete for "they" in their own sentence
    # ("the talks, if they happen").
    blockers = [
        _Candidate(i, sent_of[i], None, True, False)
        for i in linked.plural_heads
        if i not in linked_heads
    ]
    events: list[tuple[int, Token | Pending]] = [
        (i, doc[i]) for i in _PRONOUN_SCAN.positions(doc) if doc[i].pos_ == "PRON"
    ]
    events += [(p.head, p) for p in linked.pending]
    out: list[Link] = []
    by_pronoun: dict[int, Referent] = {}
    for _, item in sorted(events, key=lambda e: (e[0], isinstance(e[1], Pending))):
        before = [c for c in cands if c.head < _position(item)]
        if isinstance(item, Pending):
            ref = _description(doc, item, before, sent_of, by_pronoun, kb, day)
            if ref is None:
                continue
            head = doc[item.head]
            link = Link(
                item.start,
                item.end,
                "descriptor",
                ref,
                item.head,
                plural=head.tag_ in ("NNS", "NNPS"),
                subject=head.dep_.startswith("nsubj"),
            )
        else:
            # a plural non-actor of this or the last sentence ("described the drills as ...
            # Taipei condemned them") may be what "they" means
            near = [
                b for b in blockers if b.head < item.i and 0 <= sent_of[item.i] - b.sentence <= 1
            ]
            own = _own_subjects(item)
            ref = _pronoun(item, [c for c in before + near if c.head not in own], sent_of)
            if ref is None:
                continue
            by_pronoun[item.i] = ref
            link = Link(
                item.idx,
                item.idx + len(item.text),
                "pronoun",
                ref,
                item.i,
                plural=item.lower_ in PLURAL,
                subject=item.dep_.startswith("nsubj"),
            )
        out.append(link)
        if isinstance(item, Pending) and item.pronoun >= 0:
            continue  # "its military" is the owner's part: "its" later still means the owner
        cands.append(_Candidate(link.head, sent_of[link.head], ref, link.plural, link.subject))
    return out


def _expletive(tok: Token) -> bool:
    """Return True for an "it" that stands for a clause, not a thing.

    "it seems", "it appears that"; and an extraposed clause: "It is likely that ...",
    "It was reported that ...", "it is important to ...".
    """
    if tok.dep_ == "expl" or (tok.dep_ == "nsubj" and tok.head.lemma_ in EXPLETIVE_HEADS):
        return True
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.i > tok.head.i:
        return False
    verb = tok.head
    clause = [c for c in doc_children(verb) if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i]
    if tok.dep_ == "nsubjpass":
        return bool(clause)  # "It was reported that ..."
    adjective = [c for c in doc_children(verb) if c.dep_ == "acomp"]
    # a "that" clause: "it is likely that ..."; an infinitive only after the adjectives that
    # never say something of a subject ("it is important to ..."; "it is ready to" is the army)
    clause = [c for c in clause if c.dep_ == "ccomp"]
    clause += [c for a in adjective for c in doc_children(a) if c.dep_ == "ccomp"]
    clause += [c for a in adjective for c in doc_children(a)
               if c.dep_ == "xcomp" and a.lemma_ in EXTRAPOSING]
    return verb.lemma_ == "be" and bool(adjective) and bool(clause)


def _own_subjects(tok: Token) -> set[int]:
    """Return the subjects a pronoun cannot mean: its own verb's, when it is that verb's object.

    "Taiwan's government condemned them": an object pronoun never refers to the subject of
    its own clause (that would be "themselves"); possessives ("their") may.
    """
    verb = tok.head
    if tok.dep_ == "pobj" and verb.dep_ in ("prep", "agent"):
        verb = verb.head
    elif tok.dep_ not in ("dobj", "dative", "iobj"):
        return set()
    return {c.i for c in doc_children(verb) if c.dep_ in ("nsubj", "nsubjpass")}


def _position(item: Token | Pending) -> int:
    return item.head if isinstance(item, Pending) else item.i


def _sentence_index(doc: Doc) -> list[int]:
    out: list[int] = []
    for number, sent in enumerate(sents(doc)):
        out.extend([number] * (sent.end - sent.start))
    return out


def _outranked(cand: _Candidate, pronoun: Token | None) -> bool:
    """Return True when a subject pronoun has a likelier actor in its sentence than
    ``cand``: ``cand`` is an actor but not the subject of a clause that holds the pronoun.

    "Iran called on the UN to stop what it described as aggression": "it" is Iran, whose
    clause holds it, not the nearer UN. Non-actors ("the talks") and object pronouns keep
    plain nearness.
    """
    if pronoun is None or not pronoun.dep_.startswith("nsubj") or cand.referent is None:
        return False
    if not cand.subject:
        return True
    return pronoun.doc[cand.head].head not in pronoun.ancestors


def _best(
    cands: list[_Candidate],
    here: int,
    reach: int,
    plural_first: bool = False,
    pronoun: Token | None = None,
) -> _Candidate | None:
    """Return the most salient candidate: nearest sentence, then subject, then nearest."""
    near = [c for c in cands if here - c.sentence <= reach]
    if not near:
        return None
    # Across sentences a subject is the likelier antecedent; within one, the subject of a
    # clause that holds a subject pronoun beats other actors, then the nearest wins (a
    # nearer non-actor still blocks: "officials expect the talks, if they happen").
    return min(
        near,
        key=lambda c: (
            here - c.sentence,
            plural_first and not c.plural,
            here != c.sentence and not c.subject,
            here == c.sentence and _outranked(c, pronoun),
            -c.head,
        ),
    )


def _pronoun(tok: Token, before: list[_Candidate], sent_of: list[int]) -> Referent | None:
    """Return the referent of a personal or possessive pronoun, or None."""
    low = tok.lower_
    here = sent_of[tok.i]
    if low in MALE or low in FEMALE:
        gender = "m" if low in MALE else "f"
        people = [
            c
            for c in before
            if c.referent is not None
            and c.referent.kind == "person"
            and c.referent.gender in (None, gender)
            and not c.plural
        ]
        best = _best(people, here, REACH["person"], pronoun=tok)
    elif low in NEUTER:
        if _expletive(tok):
            return None
        things = [
            c
            for c in before
            if not c.plural and (c.referent is None or c.referent.kind != "person")
        ]
        best = _best(things, here, REACH["it"], pronoun=tok)
    else:
        groups = [
            c
            for c in before
            if (c.referent is None and c.plural)
            or (c.referent is not None and (c.plural or c.referent.kind != "person"))
        ]
        best = _best(groups, here, REACH["they"], plural_first=True, pronoun=tok)
    return best.referent if best else None


def _description(
    doc: Doc,
    item: Pending,
    before: list[_Candidate],
    sent_of: list[int],
    by_pronoun: dict[int, Referent],
    kb: KnowledgeBase,
    day: dt.date | None,
) -> Referent | None:
    """Return what a pending phrase refers to ("the spokesman", "his country"), or None."""
    here = sent_of[item.head]
    if item.pronoun >= 0:
        owner = by_pronoun.get(item.pronoun)
        if (
            owner is not None
            and owner.kind == "group"
            and owner.sector not in PEOPLE_SECTORS  # "Bosnian Serbs ... their forces"
            and item.kind == "sector"
        ):
            return owner  # "Hezbollah ... its commanders": the group's own, not its state's
        country = kb.get(owner.country) if owner else None
        if country is None or country.kind != "state":
            return None
        if item.kind == "title":
            return None  # "his counterpart" is someone else, of an unknown country
        return sector_referent(country, item.sector or "GOV")
    if item.kind == "title":
        return _title(item, before, here, kb, day)
    if item.kind == "epithet":  # "the Kremlin stooge": a person named before
        people = [c for c in before if c.referent is not None and c.referent.kind == "person"]
        found = _best(people, here, REACH["description"])
        return found.referent if found else None
    if item.kind == "group":
        groups = [
            c
            for c in before
            if c.referent is not None
            and c.referent.kind == "group"
            and c.referent.sector not in PEOPLE_SECTORS  # "Ghanaians ... the biggest group"
        ]
        found = _best(groups, here, REACH["nearby"])
        if found is not None:
            return found.referent
        if item.sector is None:
            return None  # "the group" with no group before: nobody we can name
    if item.kind == "body":
        bodies = [
            c
            for c in before
            if c.referent is not None
            and c.referent.kind in ("organization", "group")
            and c.referent.country is None
        ]
        found = _best(bodies, here, REACH["nearby"])
        return found.referent if found else None
    stateful = [
        c
        for c in before
        if c.referent is not None
        and c.referent.country
        and (kb.get(c.referent.country) or _NO).kind == "state"
    ]
    best = _best(stateful, here, REACH["nearby"])
    if best is None or best.referent is None or best.referent.country is None:
        return None
    if item.sector and _acts_on(doc, best, item):
        # "Egypt, which backs the army, ...": a state acting on "the army" in its own
        # clause means an army named before (Sudan's), if there is one, not its own
        same = [
            c
            for c in stateful
            if c.referent is not None
            and c.referent.sector == item.sector
            and c.referent.country != best.referent.country
        ]
        named = _best(same, here, REACH["nearby"])
        if named is not None and named.referent is not None:
            return named.referent
    state = kb.entries[best.referent.country]
    if item.kind == "state":
        return sector_referent(state, None)
    return sector_referent(state, item.sector)


def _acts_on(doc: Doc, cand: _Candidate, item: Pending) -> bool:
    """Return True when ``cand`` is, in the description's own sentence, the subject of a
    clause that holds the description ("Egypt, which backs the army")."""
    head = doc[item.head]
    if cand.head == item.head or not cand.subject:
        return False
    if doc[cand.head].sent.start != head.sent.start:
        return False
    return doc[cand.head].head in head.ancestors or any(
        c.dep_ == "relcl" and c in head.ancestors for c in doc_children(doc[cand.head])
    )


def _title(
    item: Pending, before: list[_Candidate], here: int, kb: KnowledgeBase, day: dt.date | None
) -> Referent | None:
    """Return the person "the spokesman" or "the Ukrainian president" refers to."""
    word = item.word.split()[-1]
    people = [
        c
        for c in before
        if c.referent is not None
        and c.referent.kind == "person"
        and c.referent.role
        and word in c.referent.role.lower()
        and (item.affiliation is None or c.referent.country == item.affiliation)
    ]
    best = _best(people, here, REACH["description"])
    if best is not None:
        return best.referent
    country = kb.get(item.affiliation)
    if country is None:
        return None
    holders = kb.holders(country.id, word, day)
    if len(holders) == 1:
        entry = holders[0]
        return person_referent(entry, entry.role_on(day), entry.name)
    title = item.word
    return role_referent(country, title, item.sector)


class _Nothing:
    kind = ""


_NO = _Nothing()
