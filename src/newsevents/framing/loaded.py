"""Loaded terms: name-calling, dehumanising and loaded labels, each aimed at an actor.

The span of a frame is the noun phrase the term is in ("the Kiev regime", "a US-led proxy
war", "a terrorist group"), or the term alone when it is a predicate ("the strike was
barbaric"). Its target is the actor the parse shows it is aimed at, looked for in this order:

1. the possessor ("Kiev's regime"), a compound name ("the Kiev regime"), then a modifier
   naming someone ("a US-led proxy war", "a Western-backed coup"), then the phrase itself
   ("the genocidal army", when the army is an actor); never for a term of a tool
   (``of_master``: "Putin's puppet", "a Kremlin stooge", "a puppet of Moscow" are aimed at the
   puppet, found only by the relations below);
2. an "of" / "in" / "from" phrase after it ("the regime in Damascus");
3. the subject of a copula ("Hamas is a terrorist group", "the strike was barbaric"), the
   object of "call X a Y", or the noun it stands in apposition to ("Hamas, a terrorist group");
4. for a term that names one country's people by its meaning (``aims_at``: "rashists",
   "orcs", "Banderites"), that country's forces, state or government in the article.

The target is an actor id from ``analysis.actors`` when an actor is mentioned there; the note
names the words aimed at either way, so the finding is useful before actors are linked.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..doccache import children as doc_children
from ..doccache import ents
from ..model import Actor, Analysis, Frame
from .lexicon import Match

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Left dependents that belong to a noun phrase's span.
NP_LEFT = frozenset({"det", "predet", "amod", "compound", "poss", "npadvmod", "nummod", "nmod"})
#: Prepositions whose object a label is about: "the regime of Assad", "the junta in Naypyidaw".
ABOUT_PREPS = frozenset({"of", "in", "from"})
#: Entity labels that name someone a label can be aimed at.
NAMED = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
#: When two terms share a noun phrase, the stronger category names the frame.
PRIORITY = ("dehumanising", "name_calling", "loaded_label", "euphemism", "emotive", "scare_quotes")


def find_loaded_terms(analysis: Analysis, doc: Doc, matches: Iterable[Match]) -> list[Frame]:
    """Return one ``loaded_term`` Frame per noun phrase holding a lexicon match.

    ``label`` is the lexicon category, ``target`` the actor id aimed at (or None), ``note``
    the term, its category, the words aimed at and whose voice it is in (a statement id or
    "outlet").
    """
    by_span: dict[tuple[int, int], list[tuple[Match, str | None, str | None]]] = {}
    for match in matches:
        head = doc[match.start : match.end].root
        if head.dep_ in ("amod", "compound", "nmod") and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head  # "a terrorist group", "the genocidal army": the phrase is the NP
        if _neutralised(head, match):
            continue
        start, end, target_tokens = _phrase(doc, head, match)
        actor_id, target_text = _aim(analysis, doc, target_tokens)
        if actor_id is None and match.entry.aims_at:
            by_meaning, name = _by_meaning(analysis, match.entry.aims_at)
            if by_meaning is not None or target_text is None:
                actor_id, target_text = by_meaning, name
        if match.entry.needs_target and actor_id is None and target_text is None:
            continue
        by_span.setdefault((start, end), []).append((match, actor_id, target_text))
    frames: list[Frame] = []
    for (start, end), found in sorted(by_span.items()):
        found.sort(key=lambda f: PRIORITY.index(f[0].entry.category))
        match, actor_id, target_text = found[0]
        s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
        terms = ", ".join(f"'{doc[m.start:m.end].text}' ({m.entry.category})" for m, _, _ in found)
        note = terms
        if target_text:
            note += f" aimed at '{target_text}'"
        statement = analysis.statement_covering(s, e)
        note += f"; voice: {statement.id if statement else 'outlet'}"
        frames.append(
            Frame(
                kind="loaded_term",
                start=s,
                end=e,
                text=analysis.article.text[s:e],
                note=note,
                target=actor_id,
                label=match.entry.category,
            )
        )
    return frames


def _neutralised(head: Token, match: Match) -> bool:
    """Return True when a modifier makes the term neutral ("sanctions regime")."""
    if not match.entry.not_with:
        return False
    return any(c.lower_ in match.entry.not_with for c in head.lefts if c.dep_ in NP_LEFT)


def _is_nominal(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN", "PRON") or token.dep_ in ("nsubj", "dobj", "pobj")


def _phrase(
    doc: Doc, head: Token, match: Match
) -> tuple[int, int, list[tuple[list[Token], bool]]]:
    """Return the frame's token span and the token groups it may be aimed at.

    Each group comes with True when a syntactic relation says the term is about it (a
    copula, an apposition, "call X a Y", "the regime of X"): any noun phrase there is a
    target. A modifier ("Western" in "a Western-backed coup") is one only when it is a name.
    """
    if not _is_nominal(head) and head.dep_ in ("acomp", "advmod"):
        # A predicate ("the attack was barbaric"): the frame is the term, aimed at the subject
        verb = head.head
        nouns = [c for c in doc_children(verb) if c.dep_.startswith("nsubj")]
        return match.start, match.end, [(_np_tokens(n), True) for n in nouns]
    lefts = [c for c in head.lefts if c.dep_ in NP_LEFT]
    start = min([match.start] + [c.left_edge.i for c in lefts])
    end = max(match.end, head.i + 1)
    named: list[list[Token]] = []
    if not match.entry.of_master:  # "Putin's puppet": Putin is the master, not the target
        named += [list(c.subtree) for c in lefts if c.dep_ == "poss"]
        named += [[c] for c in lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        named += [list(c.subtree) for c in lefts if c.dep_ in ("amod", "npadvmod", "nmod")]
        named.append(list(doc[match.start : match.end]))  # "Western" in "*-backed coup"
        named.append([head])  # "the genocidal army": the phrase itself mentions the actor
    else:  # "the Kremlin stooge", when coreference made it a mention of the stooge
        named.append([head])
    about: list[list[Token]] = []
    if match.entry.of_master:  # "Putin's puppet Lukashenko"
        about += [_np_tokens(c) for c in head.rights if c.dep_ == "appos"]
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ABOUT_PREPS:
            if match.entry.of_master and prep.lower_ == "of":
                continue  # "a puppet of Moscow": the master again
            about += [_np_tokens(obj) for obj in doc_children(prep) if obj.dep_ == "pobj"]
    if head.dep_ in ("attr", "oprd"):
        about += [_np_tokens(s) for s in doc_children(head.head) if s.dep_.startswith("nsubj")]
    if head.dep_ in ("oprd", "dobj", "ccomp", "xcomp"):  # "called Mladic a monster"
        verb = head.head
        objects = [o for o in doc_children(verb) if o.dep_ in ("dobj", "oprd") and o.i < head.i]
        about += [_np_tokens(o) for o in objects]
    if head.dep_ == "appos":
        about.append(_np_tokens(head.head))
    return start, end, [(t, False) for t in named] + [(t, True) for t in about]


def _np_tokens(noun: Token) -> list[Token]:
    """Return the tokens of the noun phrase headed by ``noun`` (left dependents and head)."""
    lefts = [c for c in noun.lefts if c.dep_ in NP_LEFT]
    first = min([noun.i] + [c.left_edge.i for c in lefts])
    return list(noun.doc[first : noun.i + 1])


def _aim(
    analysis: Analysis, doc: Doc, candidates: list[tuple[list[Token], bool]]
) -> tuple[str | None, str | None]:
    """Return ``(actor id, words)`` of the first candidate naming an actor or, failing that,
    ``(None, words)`` of the first naming an entity or standing in an explicit relation;
    ``(None, None)`` when there is none."""
    fallback: str | None = None
    for tokens, explicit in candidates:
        for tok in _named(tokens):
            actor = analysis.actor_at(tok.idx, tok.idx + len(tok.text))
            if actor is None and _looks_named(tok):
                actor = _actor_named(analysis, tok.text)
            if actor is not None:  # a common noun ("the stooge") is named by its actor
                return actor.id, tok.text if _looks_named(tok) else actor.name
            if fallback is None and _looks_named(tok):
                fallback = _entity_text(doc, tok)
        if fallback is None and explicit and tokens:
            fallback = doc[tokens[0].i : tokens[-1].i + 1].text
    return None, fallback


def _by_meaning(analysis: Analysis, country: str) -> tuple[str | None, str]:
    """Return the actor of ``country`` a term names by its meaning ("rashists": Russia's
    forces, else its state or government), and the words for the note."""
    ranked = sorted(
        (a for a in analysis.actors if a.country == country and a.kind != "person"),
        key=lambda a: (a.sector != "MIL", a.kind != "state", a.sector != "GOV"),
    )
    return (ranked[0].id, ranked[0].name) if ranked else (None, country)


#: When a name-like word matches several actors, the likelier target of a label first.
KIND_ORDER = ("state", "group", "organization", "person")


def _actor_named(analysis: Analysis, word: str) -> Actor | None:
    """Return the actor whose name a demonym or adjective ``word`` derives from, or None.

    A word not itself a mention ("Western" in "a Western-backed coup") still names an actor
    when one of the actor's name words starts it: "West" → "Western", "Russia" → "Russian",
    "Iran" → "Iranian". Among several, states come first.
    """
    lowered = word.lower()
    found = [
        actor
        for actor in analysis.actors
        if any(
            len(w) >= 4 and (lowered.startswith(w) or (len(w) >= 6 and lowered.startswith(w[:-1])))
            for w in (part.lower() for part in actor.name.split())
        )
    ]
    found.sort(key=lambda a: (KIND_ORDER.index(a.kind), -len(a.mentions)))
    return found[0] if found else None


def _named(tokens: list[Token]) -> Iterator[Token]:
    """Yield the tokens that may name an actor, the nearest to the head first."""
    for tok in reversed(tokens):
        if tok.pos_ in ("PROPN", "NOUN", "ADJ", "ADV") or tok.ent_type_:
            yield tok


def _looks_named(tok: Token) -> bool:
    """Return True for a name: an entity, a proper noun, or a capitalised word mid-sentence."""
    return (
        tok.ent_type_ in NAMED
        or tok.pos_ == "PROPN"
        or (tok.is_title and not tok.is_sent_start and tok.pos_ != "NOUN")
    )


def _entity_text(doc: Doc, tok: Token) -> str:
    """Return the text of the entity ``tok`` is in, or the token's own text."""
    for ent in ents(doc):
        if ent.start <= tok.i < ent.end:
            return ent.text
    return tok.text
