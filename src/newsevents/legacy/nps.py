"""Actors over our spaCy parse: dictionary phrases matched on words, codes per noun phrase.

PETRARCH reads a noun phrase off the Penn Treebank tree; here a noun phrase is a token of
the dependency parse with the children that modify it inside the phrase (compound, amod,
det, poss, ...: ``CORE_DEPS``). Actor and agent phrases are matched on the sentence's words
(longest match first); a match belongs to the phrase that owns its topmost token. A
phrase's code is its first actor's code with its agents composed around it (``ARN`` +
``~GOV`` = ``ARNGOV``, ``NGO~`` + ``ARN`` = ``NGOARN``); a phrase with agents but no actor
takes the actor of a prepositional phrase it heads ("officials *in Arnor*"), else ``---``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .actordict import ActorDictionary, ActorEntry, AgentDictionary, AgentEntry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Dependencies that keep a token inside its head's noun phrase.
CORE_DEPS = frozenset(
    "compound amod det poss nmod nummod quantmod case flat predet advmod npadvmod".split()
)
#: Parts of speech that head a noun phrase.
NOMINAL_HEADS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
#: Prepositions through which an agent-only phrase takes an actor ("officials in Arnor").
OWNER_PREPS = frozenset("of in from at by".split())
#: Words a blank-joined dictionary phrase may not skip over.
_HARD_STOPS = frozenset({",", ";", ":", "(", ")", "AND", "OR", "BUT", '"', "."})
#: How many words a blank-joined dictionary phrase may skip between two of its words.
MAX_GAP = 2
NULL = "---"


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a sentence in dictionary form (upper case) and its tokens ``[start, end)``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Match:
    """A dictionary phrase found on words ``[first, last]`` of a sentence."""

    kind: Literal["actor", "agent"]
    first: int
    last: int
    actor: ActorEntry | None = None
    agent: AgentEntry | None = None


def sentence_words(sent: Span) -> list[Word]:
    """Return the words of a sentence as the dictionaries write them.

    Letters joined by a hyphen without spaces ("Barad-dur", split by spaCy) are one word;
    a token with ``_`` in it ("Dol_Amroth") gives one word per part.
    """
    words: list[Word] = []
    toks = list(sent)
    i = 0
    while i < len(toks):
        tok, j = toks[i], i
        text = tok.text
        while (
            j + 2 < len(toks)
            and toks[j].whitespace_ == ""
            and toks[j + 1].text == "-"
            and toks[j + 1].whitespace_ == ""
            and toks[j + 2].is_alpha
        ):
            text += "-" + toks[j + 2].text
            j += 2
        for part in (p for p in text.split("_") if p) if "_" in text else (text,):
            words.append(Word(part.upper(), tok.i, toks[j].i + 1))
        i = j + 1
    return words


class PhraseIndex:
    """Actor and agent phrases by first word, longest first, for matching on words."""

    def __init__(self, actors: ActorDictionary, agents: AgentDictionary) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], bool, ActorEntry | AgentEntry]]]
        self._by_first = {}
        for words, entry in actors.index.items():
            self._add(words, words in actors.loose, entry)
        for words, agent in agents.index.items():
            self._add(words, words in agents.loose, agent)
        for options in self._by_first.values():
            # Longest first; at equal length an actor before an agent.
            options.sort(key=lambda o: (-len(o[0]), isinstance(o[2], AgentEntry)))

    def _add(self, words: tuple[str, ...], loose: bool, entry: ActorEntry | AgentEntry) -> None:
        self._by_first.setdefault(words[0], []).append((words, loose, entry))

    def matches(self, words: Sequence[Word]) -> list[Match]:
        """Return the non-overlapping longest matches, left to right."""
        found: list[Match] = []
        i = 0
        while i < len(words):
            best: tuple[int, ActorEntry | AgentEntry] | None = None
            for phrase, loose, entry in self._by_first.get(words[i].text, ()):
                last = _match_at(words, i, phrase, loose)
                if last is not None and (best is None or last > best[0]):
                    best = (last, entry)
            if best is None:
                i += 1
                continue
            last, entry = best
            if isinstance(entry, ActorEntry):
                found.append(Match("actor", i, last, actor=entry))
            else:
                found.append(Match("agent", i, last, agent=entry))
            i = last + 1
        return found


def _match_at(words: Sequence[Word], i: int, phrase: tuple[str, ...], loose: bool) -> int | None:
    """Return the index of the last word of ``phrase`` matched from word ``i``, or None."""
    at = i
    for want in phrase[1:]:
        limit = at + 1 + (MAX_GAP if loose else 0)
        nxt = None
        for k in range(at + 1, min(limit + 1, len(words))):
            if words[k].text == want:
                nxt = k
                break
            if words[k].text in _HARD_STOPS:
                break
        if nxt is None:
            return None
        at = nxt
    return at


def owner(tok: Token) -> Token:
    """Return the head of the noun phrase ``tok`` is in (itself when it heads one)."""
    seen = 0
    # Only a nominal head takes a modifier into its phrase ("March" as npadvmod of a verb
    # heads its own phrase).
    while (
        tok.dep_ in CORE_DEPS
        and tok.head.i != tok.i
        and tok.head.pos_ in NOMINAL_HEADS
        and seen < 50
    ):
        tok, seen = tok.head, seen + 1
    return tok


def match_owner(match: Match, words: Sequence[Word], doc: Doc) -> Token:
    """Return the phrase head owning a match: the owner of its topmost token."""
    toks = [doc[k] for w in words[match.first : match.last + 1] for k in range(w.start, w.end)]
    inside = {t.i for t in toks}
    top = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])
    return owner(top)


def compose(actor_code: str, agents: Iterable[AgentEntry]) -> str:
    """Return an actor code with agent codes around it; codes it already holds are not repeated."""
    before: list[str] = []
    code = actor_code
    for agent in agents:
        # Codes are 3-letter chunks: "HGWGOVMED" already holds GOVMED, "GMWGOV" does not
        # hold WGO although the letters are there.
        held = _chunks(code)
        wanted = _chunks(agent.code)
        if any(held[k : k + len(wanted)] == wanted for k in range(len(held))):
            continue
        if agent.prefix:
            before.append(agent.code)
        else:
            code += agent.code
    return "".join(before) + code


def _chunks(code: str) -> list[str]:
    """Return a code's 3-letter chunks."""
    return [code[k : k + 3] for k in range(0, len(code), 3)]


class SentenceActors:
    """The actor matches of one sentence and the codes of its noun phrases at a date."""

    def __init__(self, sent: Span, index: PhraseIndex, day: dt.date | None) -> None:
        self.sent = sent
        self.day = day
        self.words = sentence_words(sent)
        self.matches = index.matches(self.words)
        self.owned: dict[int, list[Match]] = {}
        self.word_of_token: dict[int, int] = {}
        for n, w in enumerate(self.words):
            for k in range(w.start, w.end):
                self.word_of_token.setdefault(k, n)
        for m in self.matches:
            head = match_owner(m, self.words, sent.doc)
            self.owned.setdefault(head.i, []).append(m)

    def codes(self, head: Token, inherited: str | None = None, depth: int = 0) -> list[str]:
        """Return the codes of the phrase headed by ``head`` (one per actor; [] if none)."""
        owned = self.owned.get(head.i, [])
        agents = [m.agent for m in owned if m.agent is not None]
        actors = [m.actor for m in owned if m.actor is not None]
        if actors:
            out = actors[0].codes_on(self.day)
            return [compose(c, agents) for c in out if c != NULL]
        if depth < 3:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in OWNER_PREPS:
                    for pobj in (c for c in child.children if c.dep_ == "pobj"):
                        inner = [
                            c
                            for member in conjuncts(pobj)
                            for c in self.codes(member, None, depth + 1)
                        ]
                        if inner:
                            return [compose(c, agents) for c in inner]
        if agents:
            return [compose(inherited or NULL, agents)]
        for child in head.children:  # "old foes Gondor and Osgiliath"
            if child.dep_ == "appos" and depth < 3:
                inner = [c for m in conjuncts(child) for c in self.codes(m, None, depth + 1)]
                if inner:
                    return inner
        return []

    def group_codes(self, head: Token) -> list[str]:
        """Return the codes of a phrase and of the phrases conjoined with it, in order.

        A conjunct with agents but no actor of its own takes the first conjunct's actor
        ("Danish media and government": DNKMED, DNKGOV).
        """
        out: list[str] = []
        first_actor: str | None = None
        for member in conjuncts(head):
            codes = self.codes(member, first_actor)
            if codes and first_actor is None and not codes[0].startswith(NULL):
                first_actor = _actor_part(member, self)
            out.extend(c for c in codes if c not in out)
        return out

    def has_codes(self, head: Token) -> bool:
        """Return True when the phrase headed by ``head`` has any code."""
        return bool(self.codes(head))


def _actor_part(head: Token, actors: SentenceActors) -> str | None:
    """Return the bare actor code of a phrase (no agents), for conjuncts to inherit."""
    for m in actors.owned.get(head.i, []):
        if m.actor is not None:
            codes = m.actor.codes_on(actors.day)
            return codes[0] if codes else None
    return None


def conjuncts(head: Token) -> list[Token]:
    """Return ``head`` and the tokens conjoined with it (``conj`` chains), in text order."""
    out, stack = [], [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)
