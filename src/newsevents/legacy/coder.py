"""Code events with legacy dictionaries over our spaCy parse (issue 10).

For each sentence that no discard phrase rules out, every verb the verb dictionary knows
(by its surface form, else its lemma; a multi-word verb needs its fixed words beside it)
is tried against its block's patterns in file order; the first that matches gives the
code and may name the source (``$``), target (``+``) or a compound actor (``%``). Actors
not named by the pattern come from the dependency parse: the source is the verb's
subject (climbing through ``xcomp``/``conj``/``advcl`` heads; a passive's ``by``-agent),
the target the first noun phrase with an actor code after the verb in its clause.
``[A:B]`` codes A from source to target and B back. An event needs a source and a target
code (PETRARCH's ``require_dyad``).

``code_sentences`` returns the raw CAMEO codings (what the validation suite scores);
``code_analysis`` turns them into our ``Actor`` and ``Event`` objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import InputError
from ..model import Actor, ActorKind, Analysis, Event, Mention
from .nps import NULL, PhraseIndex, SentenceActors, owner
from .patterns import Hit, VerbContext, conj_root, match
from .plover import PloverEntry, plover_for
from .readers import Dictionaries, Discard, VerbBlock, VerbEntry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Dependencies through which a verb without a subject takes its head's subject.
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "acomp", "ccomp", "pcomp", "dep"})


@dataclass(frozen=True, slots=True)
class Coded:
    """One coded event: CAMEO actor codes and event code, where it was found."""

    source: str
    target: str
    code: str
    sentence: int  # index of the sentence in the Doc
    verb: int  # token index of the verb
    source_head: int | None = None
    target_head: int | None = None


def regular_forms(verb: str) -> tuple[str, ...]:
    """Return a verb's regular forms: itself, +S, +ED, +ING (simple English spelling)."""
    if verb.endswith("E"):
        return (verb, verb + "S", verb + "D", verb[:-1] + "ING")
    if verb.endswith("Y") and len(verb) > 1 and verb[-2] not in "AEIOU":
        return (verb, verb[:-1] + "IES", verb[:-1] + "IED", verb + "ING")
    if verb.endswith(("S", "SH", "CH", "X", "Z")):
        return (verb, verb + "ES", verb + "ED", verb + "ING")
    return (verb, verb + "S", verb + "ED", verb + "ING")


class LegacyCoder:
    """Legacy dictionaries made ready for coding: phrase and verb indexes, built once."""

    def __init__(
        self, dictionaries: Dictionaries, plover: dict[str, PloverEntry] | None = None
    ) -> None:
        """Index ``dictionaries``; ``plover`` is the CAMEO → PLOVER table to type events."""
        self.dictionaries = dictionaries
        self.plover = plover or {}
        self.phrases = PhraseIndex(dictionaries.actors, dictionaries.agents)
        self.surface: dict[str, list[tuple[VerbBlock, VerbEntry]]] = {}
        self.lemma: dict[str, list[tuple[VerbBlock, VerbEntry]]] = {}
        for block in dictionaries.verbs.blocks:
            for entry in block.verbs:
                self.lemma.setdefault(entry.verb, []).append((block, entry))
                for form in (*regular_forms(entry.verb), *entry.forms):
                    self.surface.setdefault(form, []).append((block, entry))

    def discarded(self, text: str, story: bool) -> bool:
        """Return True when a discard phrase (story-level ones if ``story``) is in ``text``."""
        padded = " " + " ".join(text.replace("_", " ").upper().split()) + " "
        return any(d.story == story and _discard_hit(d, padded) for d in self.dictionaries.discards)

    def code_doc(self, doc: Doc, day: dt.date | None) -> list[Coded]:
        """Return the events coded in every sentence of ``doc`` (none if the story is discarded)."""
        if self.discarded(doc.text, story=True):
            return []
        out: list[Coded] = []
        for n, sent in enumerate(doc.sents):
            if not self.discarded(sent.text, story=False):
                out.extend(self.code_sentence(sent, n, day))
        return out

    def code_sentence(self, sent: Span, number: int, day: dt.date | None) -> list[Coded]:
        """Return the events of one sentence, verb by verb, without duplicates."""
        actors = SentenceActors(sent, self.phrases, day)
        chunks = _chunk_words(sent, actors)
        out: list[Coded] = []
        for tok in sent:
            if not (tok.pos_ == "VERB" or tok.tag_.startswith("VB")):
                continue
            found = self._verb_entry(tok, actors)
            if found is None:
                continue
            block, entry, first, last = found
            code = entry.code or block.code
            post_end = actors.word_of_token.get(max(t.i for t in tok.subtree), last)
            ctx = VerbContext(
                actors, self.dictionaries.verbs.synsets, first, last, max(post_end, last), chunks
            )
            hit = Hit()
            for pattern in block.patterns:
                got = match(pattern, ctx)
                if got is not None:
                    hit, code = got, pattern.code
                    break
            if code is None or code.startswith(NULL):
                continue
            for c in _events(tok, hit, code, actors, number):
                if c not in out:
                    out.append(c)
        return out

    def _verb_entry(
        self, tok: Token, actors: SentenceActors
    ) -> tuple[VerbBlock, VerbEntry, int, int] | None:
        """Return the verb's block and entry, and its first and last word, or None."""
        at = actors.word_of_token.get(tok.i)
        if at is None:
            return None
        words = [w.text for w in actors.words]
        candidates = [
            *self.surface.get(tok.text.upper(), []),
            *self.lemma.get(tok.lemma_.upper(), []),
        ]
        best: tuple[int, VerbBlock, VerbEntry, int, int] | None = None
        for block, entry in candidates:
            first, last = at - len(entry.before), at + len(entry.after)
            if first < 0 or tuple(words[first:at]) != entry.before:
                continue
            if tuple(words[at + 1 : last + 1]) != entry.after and not _particles(tok, entry):
                continue
            size = len(entry.before) + len(entry.after)
            if best is None or size > best[0]:
                best = (
                    size,
                    block,
                    entry,
                    first,
                    last if words[at + 1 : last + 1] == list(entry.after) else at,
                )
        return None if best is None else best[1:]


def _particles(tok: Token, entry: VerbEntry) -> bool:
    """Return True when the verb's particles are the entry's words after it ("broke it off")."""
    if not entry.after:
        return True
    prts = tuple(c.text.upper() for c in tok.children if c.dep_ == "prt")
    return prts == entry.after


def _discard_hit(d: Discard, padded: str) -> bool:
    """Return True when discard ``d`` occurs in the padded upper-case text."""
    at = padded.find(" " + d.phrase)
    while at >= 0:
        end = at + 1 + len(d.phrase)
        if not d.exact or not padded[end].isalnum():
            return True
        at = padded.find(" " + d.phrase, at + 1)
    return False


def _chunk_words(sent: Span, actors: SentenceActors) -> dict[int, tuple[int, int]]:
    """Return, for each word in a noun chunk, the chunk's first and last word."""
    out: dict[int, tuple[int, int]] = {}
    word_of = actors.word_of_token
    for chunk in sent.noun_chunks:
        lo, hi = word_of.get(chunk.start), word_of.get(chunk.end - 1)
        if lo is None or hi is None:
            continue
        for k in range(lo, hi + 1):
            out[k] = (lo, hi)
    return out


def subject(verb: Token, actors: SentenceActors | None = None) -> tuple[Token | None, bool]:
    """Return the verb's subject head (climbing to governing verbs) and whether it is passive.

    A pronoun subject without a code stands for the subject of the clause above it
    ("Ethiopia indicated it would act": Ethiopia acts), when ``actors`` is given.
    """
    tok, steps = verb, 0
    while steps < 8:
        for child in tok.children:
            if child.dep_ in SUBJECT_DEPS:
                head = conj_root(child)
                if (
                    actors is not None
                    and head.pos_ == "PRON"
                    and not actors.group_codes(head)
                    and tok.head.i != tok.i
                ):
                    above, _ = subject(tok.head, actors)
                    if above is not None:
                        return above, False
                return head, child.dep_ == "nsubjpass"
        if tok.dep_ in ("relcl", "acl") and tok.head.i != tok.i:
            return conj_root(owner(tok.head)), False
        if tok.dep_ == "xcomp":
            objects = [c for c in tok.head.children if c.dep_ in ("dobj", "dative")]
            if objects:  # object control: "urged Bree to help" → Bree helps
                return conj_root(objects[0]), False
        if tok.dep_ not in CLIMB_DEPS or tok.head.i == tok.i:
            return None, False
        tok, steps = tok.head, steps + 1
    return None, False


def _by_agent(verb: Token) -> Token | None:
    """Return the head of a passive verb's ``by`` phrase, if any."""
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return conj_root(pobj)
    return None


def default_target(verb: Token, actors: SentenceActors, skip: set[int]) -> Token | None:
    """Return the first phrase with an actor code after the verb, inside its clause."""
    banned: set[int] = set(skip)
    for child in verb.children:
        if child.dep_ in ("cc", "punct") or (
            child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")
        ):
            banned.update(t.i for t in child.subtree)
    for tok in verb.subtree:
        if tok.i <= verb.i or tok.i in banned:
            continue
        head = conj_root(owner(tok))
        if head.i in skip or head.i == verb.i:
            continue
        if actors.group_codes(head):
            return head
    return None


def _events(verb: Token, hit: Hit, code: str, actors: SentenceActors, number: int) -> list[Coded]:
    """Return the events a verb with this code and these pattern slots gives."""
    primary, _, back = code.partition(":")
    if (
        hit.compound is not None
        and hit.source is None
        and hit.target is None
        and (subject(verb, actors)[0] in (None, hit.compound))
    ):
        members = actors.group_codes(hit.compound)
        return [
            Coded(a, b, primary, number, verb.i, hit.compound.i, hit.compound.i)
            for a in members
            for b in members
            if a != b
        ]
    src_head, passive = (hit.source, False) if hit.source is not None else subject(verb, actors)
    if hit.compound is not None and hit.target is None and src_head is not None:
        # "Eriador agrees with % (the Philippines and France)": the subject acts on each.
        hit.target = hit.compound
    tgt_head = hit.target
    if hit.source is None and passive:
        agent = _by_agent(verb)
        if agent is not None:  # "X was opposed by Y": Y → X
            src_head, tgt_head = agent, tgt_head or src_head
    if src_head is None:
        return []
    skip = {t.i for t in src_head.subtree} if src_head.i > verb.i else {src_head.i}
    if tgt_head is None:
        tgt_head = default_target(verb, actors, skip)
    if tgt_head is None:
        return []
    sources, targets = actors.group_codes(src_head), actors.group_codes(tgt_head)
    out: list[Coded] = []
    for s in sources:
        for t in targets:
            if s == t:
                continue
            out.append(Coded(s, t, primary, number, verb.i, src_head.i, tgt_head.i))
            if back and not back.startswith(NULL):
                out.append(Coded(t, s, back, number, verb.i, tgt_head.i, src_head.i))
    return out


#: First code chunks that are not countries (international and non-state actors).
NON_STATE = frozenset("IGO NGO NGM MNC IMG UIS".split())
#: Agent codes that make an actor a group rather than an organisation.
GROUP_SECTORS = frozenset("REB INS OPP SEP UAF RAD CVL".split())


def actor_fields(code: str) -> tuple[ActorKind, str | None, str | None]:
    """Return (kind, country, sector) read off a CAMEO actor code.

    The first 3-letter chunk is the country unless it is a non-state prefix (IGO, NGO,
    ...); the next chunk is the sector. A bare country code is a state.
    """
    chunks = [code[k : k + 3] for k in range(0, len(code), 3)]
    first = chunks[0] if chunks else ""
    country = None if first in NON_STATE or first.startswith(NULL) else first
    rest = chunks[1:] if country or first.startswith(NULL) else chunks
    sector = rest[0] if rest else None
    kind: ActorKind
    if country and not rest:
        kind = "state"
    elif any(c in GROUP_SECTORS for c in rest):
        kind = "group"
    else:
        kind = "organization"
    return kind, country, sector


def code_analysis(analysis: Analysis, coder: LegacyCoder) -> tuple[list[Actor], list[Event]]:
    """Return the actors and events the legacy dictionaries code in ``analysis``.

    Needs ``analysis.doc`` (run it during the pipeline, while the Doc is there). Each
    distinct actor code is one ``Actor`` (``cameo`` set, a mention per phrase head); an
    event whose CAMEO code has no PLOVER type in ``coder.plover`` (CAMEO 01-02, or codes
    that are not CAMEO such as the suite's ``901``) is left out.

    Raises:
        InputError: the analysis has no spaCy Doc.
    """
    doc = analysis.doc
    if doc is None:
        raise InputError("code_analysis needs analysis.doc: call it during the pipeline")
    actors: dict[str, Actor] = {}
    events: list[Event] = []

    def actor_for(code: str, head_i: int | None) -> Actor:
        actor = actors.get(code)
        if actor is None:
            kind, country, sector = actor_fields(code)
            name = doc[head_i].text if head_i is not None else code
            actor = Actor(f"legacy-a{len(actors) + 1}", name, kind, country, sector, code)
            actors[code] = actor
        if head_i is not None:
            tok = doc[head_i]
            mention = Mention(tok.idx, tok.idx + len(tok.text), tok.text, "name")
            if mention not in actor.mentions:
                actor.mentions.append(mention)
        return actor

    for coded in coder.code_doc(doc, analysis.article.published):
        entry = plover_for(coded.code, coder.plover)
        if entry is None:
            continue
        tok = doc[coded.verb]
        source = actor_for(coded.source, coded.source_head)
        target = actor_for(coded.target, coded.target_head)
        events.append(
            Event(
                id=f"legacy-e{len(events) + 1}",
                plover=entry.type,
                cameo=coded.code,
                source=source.id,
                target=target.id,
                trigger=analysis.span(tok.idx, tok.idx + len(tok.text)),
                sentence=analysis.sentence_index(tok.idx),
                plover_mode=entry.mode,
                context=list(entry.context),
                source_code=coded.source,
                target_code=coded.target,
            )
        )
    return list(actors.values()), events
