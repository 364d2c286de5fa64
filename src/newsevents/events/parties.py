"""Which actor a token names: the actors step's mentions, looked up once per token.

``ActorFinder`` answers ``Analysis.actor_at`` for the spans the frames ask about, with a
flat mention list and a memo per token (the trigger and frame readers ask about the same
tokens many times). ``link`` picks the actors of the first candidate that names one.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from ..doccache import children as doc_children
from ..model import Actor, Analysis
from .syntax import noun_phrase_bounds

#: Entity labels that never name a party.
NOT_PARTIES = frozenset({
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
})  # fmt: skip


class ActorFinder:
    """The actors of one analysis, by character span and by token."""

    def __init__(self, analysis: Analysis) -> None:
        flat = [(m.start, m.end, a) for a in analysis.actors for m in a.mentions]
        flat.sort(key=lambda x: x[0])  # stable: equal starts keep the actors' order
        self.mentions = flat
        self.starts = [x[0] for x in flat]
        self.longest = max((x[1] - x[0] for x in flat), default=0)
        self._by_token: dict[int, Actor | None] = {}

    def at(self, start: int, end: int) -> Actor | None:
        """Return the actor with a mention overlapping ``[start, end)`` the most, or None.

        The same answer as ``Analysis.actor_at``: ties go to the mention that starts last.
        Only mentions starting within the longest mention's length before ``start`` can
        overlap, so the scan is a bisected window, not the whole list.
        """
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        best: tuple[int, int, Actor] | None = None
        for m_start, m_end, actor in self.mentions[lo:hi]:
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > 0 and (best is None or (overlap, m_start) > best[:2]):
                best = (overlap, m_start, actor)
        return best[2] if best else None

    def of(self, tok: Token) -> Actor | None:
        """Return the actor a token names: its own span first, then its noun phrase."""
        if tok.i in self._by_token:
            return self._by_token[tok.i]
        actor = self.at(tok.idx, tok.idx + len(tok.text))
        if actor is None and tok.pos_ in ("NOUN", "PROPN"):
            actor = self.at(*noun_phrase_bounds(tok))
        self._by_token[tok.i] = actor
        return actor


def actor_for(analysis: Analysis, tok: Token) -> Actor | None:
    """Return the actor a token names (one-off lookups; the step keeps an ActorFinder)."""
    return ActorFinder(analysis).of(tok)


def _fallbacks(tok: Token) -> list[Token]:
    """Return ``tok`` and the words that may name its party when it names none itself.

    Its apposition ("Qatar's emir, Sheikh Hamad"), its "of" noun ("leaders of Romania's
    government") and its possessor ("Qatar's emir").
    """
    out = [tok]
    out.extend(c for c in doc_children(tok) if c.dep_ == "appos")
    for prep in doc_children(tok):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            out.extend(c for c in doc_children(prep) if c.dep_ == "pobj")
    out.extend(c for c in doc_children(tok) if c.dep_ == "poss")
    out.extend(_allegiance(tok))
    return out


#: Words that tie people to the body they belong to: "workers affiliated with the union",
#: "militants loyal to X", "fighters linked to Y".
ALLEGIANCE = frozenset({"affiliate", "affiliated", "allied", "associate", "associated", "link",
                        "linked", "loyal", "close", "belonging", "belong"})


def _allegiance(tok: Token) -> list[Token]:
    """Return the body people are tied to: "militants loyal to X" → X.

    Last among the fallbacks: the people's own name, their "of" noun and possessor come
    first.
    """
    out: list[Token] = []
    for c in doc_children(tok):
        if c.dep_ in ("acl", "amod") and (
            c.lemma_.lower() in ALLEGIANCE or c.lower_ in ALLEGIANCE
        ):
            for prep in doc_children(c):
                if prep.dep_ == "prep" and prep.lower_ in ("with", "to"):
                    out.extend(o for o in doc_children(prep) if o.dep_ == "pobj")
    return out


def _coded(finder: ActorFinder, tok: Token, actor: Actor) -> Actor:
    """Return a better-coded actor inside ``tok``'s phrase when ``actor`` has no code.

    "U.N. mediator Diego Cordovez", "Arnland's emir, Sheikh Ali": the person is unknown,
    the U.N. and Arnland are not.
    """
    if actor.country or actor.cameo:
        return actor
    for c in doc_children(tok):
        # "U.N. mediator X", "Qatar's emir, Sheikh X": the body or state the role belongs to
        if c.dep_ in ("compound", "nmod", "amod", "poss") and c.i < tok.i:
            other = finder.of(c)
            if other is not None and other is not actor and (other.country or other.cameo):
                return other
    return actor


def link(
    finder: ActorFinder, tokens: list[Token], skip: list[Actor] | None = None
) -> list[Actor]:
    """Return the actors of the first candidate that names one, with its conjuncts.

    A candidate naming only actors in ``skip`` is passed over: the recipient of "reneged
    on his promise to the voters" is not "his" (the actor himself) but the voters.
    """
    for cand in tokens:
        if cand.ent_type_ in NOT_PARTIES:
            continue  # "an attack on Thursday"
        actor: Actor | None = None
        tok = cand
        for fallback in _fallbacks(cand):
            named = finder.of(fallback)
            if named is None:
                continue
            named = _coded(finder, fallback, named)
            if actor is None:
                actor, tok = named, fallback
            if named.country or named.cameo:
                # "Arnland's envoy, Pedro Ruiz": an unknown person yields to the state
                # whose role he holds
                actor, tok = named, fallback
                break
        if actor is None:
            continue
        found = [actor]
        for conj in [*tok.conjuncts, *_coordinated_modifiers(tok)]:
            # "between Ethiopia and its neighbour, Eritrea": a conjunct's apposition too
            other = next((a for a in map(finder.of, _fallbacks(conj)) if a is not None), None)
            if other is not None and other not in found:
                found.append(other)
        if skip and all(a in skip for a in found):
            continue
        return found
    return []


def _coordinated_modifiers(tok: Token) -> list[Token]:
    """Return coordinated modifiers of ``tok``: "Hungarian" and "Romanian" officials."""
    out: list[Token] = []
    for c in doc_children(tok):
        if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i and c.conjuncts:
            out.extend((c, *c.conjuncts))
    return out
