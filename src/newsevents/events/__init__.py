"""The events step: code PLOVER/CAMEO events with actors, modality and provenance (issue 5).

Flow: find triggers (``triggers``) → add clause-level triggers (deontic demands, describing
accusations: ``compose``) → let governing events absorb their content (``compose``) →
read each remaining trigger's argument frame (``frames``) → link arguments to actors →
read modality (``modality``) → attach ``asserted_by`` from the statements step.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import islice

from spacy.tokens import Doc, Token

from ..config import Config
from ..doccache import children as doc_children
from ..model import Actor, Analysis, Event
from .codes import actor_code
from .compose import (
    deontic_frame,
    deontic_triggers,
    describe_frame,
    describe_triggers,
    governed_by,
)
from .frames import Frame, frame_of, light_carrier
from .lexicon import Lexicon, load_lexicon
from .modality import continued, modality_of
from .parties import ActorFinder, actor_for, link
from .prune import redundant
from .recode import Coding, recode
from .triggers import PARTY_ENTS, Trigger, find_triggers

__all__ = ["EventsStep", "actor_for", "code_events", "make_step"]
#: Types where coordinated actors with no recipient act on each other by default.
MUTUAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})
#: Types whose object is the actor's own forces ("withdrew its troops", "deployed its army").
OWN_FORCES_MOVED = frozenset({"RETREAT", "MOBILIZE"})
#: How far the context reader looks into an argument (tokens).
CONTEXT_WINDOW = 40
#: CAMEO codes of one country's military exercise and of a joint one.
EXERCISE, JOINT_EXERCISE = "150", "062"
#: How many sentences back "the threat" may point to a threat told before (same word).
ANTECEDENT_SENTENCES = 5
#: Types narrow enough that "the threat" is the last threat told, whatever its word.
NAMED_AGAIN_BY_TYPE = frozenset({"THREATEN", "ACCUSE"})
#: How long a shared beginning makes two event words one word ("threat", "threatened").
STEM = 5


@dataclass(slots=True)
class _Coded:
    """A trigger with its frame and its coding after composition."""

    trigger: Trigger
    frame: Frame
    plover: str
    cameo: str
    mode: str | None
    context: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Told:
    """An event the text has told, for event nouns that name it again ("the threat")."""

    sentence: int
    types: frozenset[str]
    lemma: str
    sources: list[Actor]


def code_events(analysis: Analysis, lex: Lexicon) -> list[Event]:
    """Return the events of ``analysis`` (which must still hold its Doc), in text order."""
    doc = analysis.doc
    if doc is None:
        return []

    finder = ActorFinder(analysis)
    party = _PartyTest(finder)
    triggers = find_triggers(doc, lex, party)
    by_i = {t.i: t for t in triggers}
    extra: dict[int, Frame] = {}
    for trig in deontic_triggers(doc, lex):
        triggers.append(trig)
        extra[id(trig)] = deontic_frame(trig, doc)
    for trig, comp in describe_triggers(doc, lex, by_i):
        triggers.append(trig)
        extra[id(trig)] = describe_frame(doc[trig.i], comp)
        if comp.i in by_i:
            by_i[comp.i] = trig  # "a war": content of the accusation, not an event
    coded = _compose(triggers, doc, lex, extra)
    events: list[Event] = []
    heads: list[int] = []
    seen: set[tuple[str, str | None, str | None, int]] = set()
    talks: dict[int, list[tuple[Actor, Actor]]] = {}  # paragraph → parties of its last talks
    told: list[_Told] = []
    for item in sorted(coded, key=lambda c: c.trigger.char_span(doc)):
        for ev in _events_of(item, analysis, finder, lex, talks, told):
            key = (ev.plover, ev.source, ev.target, ev.trigger.start)
            if key not in seen:
                seen.add(key)
                events.append(ev)
                heads.append(item.trigger.i)
    drop = redundant(events, heads, doc, _carried_by(coded, doc, lex))
    events = [ev for k, ev in enumerate(events) if k not in drop]
    for n, ev in enumerate(events, 1):
        ev.id = f"e{n}"
    return events


#: Verbs whose object event is only received: "had not received any proposal" says no
#: proposal came, not that one was rejected.
RECEIPT_VERBS = frozenset({"receive", "get", "obtain", "see", "hear"})


def _received(head: Token) -> bool:
    """Return True for an event noun that is the object of a verb of receiving."""
    return (
        head.pos_ == "NOUN"
        and head.dep_ == "dobj"
        and head.head.lemma_.lower() in RECEIPT_VERBS
    )


class _PartyTest:
    """Whether a token names a party (the triggers' conditions ask), and whose side it is."""

    def __init__(self, finder: ActorFinder) -> None:
        self.finder = finder

    def __call__(self, tok: Token) -> bool:
        return self.finder.of(tok) is not None or tok.ent_type_ in PARTY_ENTS

    def side(self, tok: Token) -> str | None:
        """Return the country of the actor ``tok`` names, or None."""
        actor = self.finder.of(tok)
        return actor.country if actor is not None else None


def _carried_by(coded: list[_Coded], doc: Doc, lex: Lexicon) -> dict[int, int]:
    """Return light verbs that carry an event noun, mapped to the noun: "held [talks]".

    For the pruning of restatements, what hangs on "held" hangs on the talks.
    """
    heads = {c.trigger.i for c in coded}
    out: dict[int, int] = {}
    for c in coded:
        if c.trigger.kind in ("noun", "stance"):
            verb = light_carrier(doc[c.trigger.i], lex)
            if verb is not None and verb.i not in heads:
                out.setdefault(verb.i, c.trigger.i)
    return out


def _compose(
    triggers: list[Trigger], doc: Doc, lex: Lexicon, extra: dict[int, Frame]
) -> list[_Coded]:
    by_i: dict[int, Trigger] = {}
    for t in triggers:
        if t.kind not in ("deontic", "describe"):
            by_i[t.i] = t
    absorbed: set[int] = set()
    governed: dict[int, list[Trigger]] = {}
    for trig in triggers:
        if trig.kind == "describe":
            continue
        content = governed_by(trig, doc, by_i, lex)
        if trig.kind == "deontic" and trig.i in by_i:
            content = [by_i[trig.i], *content]
        content = [c for c in content if c is not trig]
        governed[id(trig)] = content
        if trig.sense.needs_content and not content:
            # "warned that it could not reach the area": a warning about itself is a
            # threat only when it says what the speaker will do (an event)
            absorbed.add(id(trig))
        # "rejected Russia's demands": the demands are Russia's own event too; but the
        # demands a protest presses ("to press their demands") are its topic (PLOVER)
        protest = trig.sense.plover == "PROTEST"
        absorbed.update(
            id(c) for c in content if not _owned(c, doc) or (protest and _self_owned(c, doc))
        )
    for trig in triggers:
        if trig.kind == "describe":
            absorbed.update(id(t) for t in triggers if t.kind == "noun" and _inside(t, trig, doc))
    out: list[_Coded] = []
    for trig in triggers:
        if id(trig) in absorbed:
            continue
        frame = extra.get(id(trig)) or frame_of(trig, doc, lex)
        item = _Coded(trig, frame, trig.sense.plover, frame.cameo or trig.sense.cameo,
                      frame.mode or trig.sense.mode, list(trig.sense.context))
        for sub in governed.get(id(trig), []):
            _absorb(item, sub, doc, lex)
        item.context.extend(_context_words(doc[trig.i], lex))
        item.context = sorted(set(item.context))
        out.append(item)
    return out


def _owned(trigger: Trigger, doc: Doc) -> bool:
    """Return True when an event noun names its own actor ("Russia's demands", "claims by X")."""
    if trigger.kind not in ("noun", "stance"):
        return False
    tok = doc[trigger.i]
    return any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in doc_children(tok)
    )


def _self_owned(trigger: Trigger, doc: Doc) -> bool:
    """Return True when an event noun's possessor is a pronoun ("their demands")."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in doc_children(doc[trigger.i]))


def _inside(noun: Trigger, describe: Trigger, doc: Doc) -> bool:
    """Return True when ``noun`` is the "as" complement of a describing verb."""
    tok = doc[noun.i]
    return tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.i == describe.i


def _absorb(item: _Coded, sub: Trigger, doc: Doc, lex: Lexicon) -> None:
    """Fold the governed trigger ``sub`` into ``item``: code, mode, context, recipient."""
    comp = lex.compose.get((item.plover, sub.sense.plover))
    if comp is not None and item.cameo == item.trigger.sense.cameo:  # the first content wins
        item.plover = comp.plover or item.plover
        item.cameo = comp.cameo
        item.mode = comp.mode or item.mode
    item.context.extend(sub.sense.context)
    sub_frame = frame_of(sub, doc, lex) if sub.kind != "deontic" else Frame()
    own = {t.i for t in item.frame.sources}
    # the recipient of "refused to negotiate with Russia" is Russia; of "demanded that
    # Sudan end curbs" or "demands ... reparations from Russia" it is the content's actor
    own.add(item.trigger.i)  # "demands, which include ...": not their own recipient
    subj = [t for t in sub_frame.sources if t.i not in own]
    item.frame.targets.extend(t for t in subj + sub_frame.targets if t.i != item.trigger.i)
    item.frame.core = item.frame.core or sub_frame.core
    item.context.extend(_context_words(doc[sub.i], lex))


def _context_words(tok: Token, lex: Lexicon) -> list[str]:
    """Return context codes named by words in the trigger's arguments ("territories")."""
    out: list[str] = []
    words = [tok]
    for c in doc_children(tok):
        if c.dep_ in ("dobj", "obj", "prep", "pobj", "dative", "compound", "amod", "attr"):
            words.extend(islice(c.subtree, CONTEXT_WINDOW))  # stops at the window
    for w in words:
        code = lex.context_words.get(w.lemma_.lower())
        if code:
            out.append(code)
    return out


#: Verbs that make an act mutual: "Poland and Belarus traded accusations", "exchanged fire".
TRADING_VERBS = frozenset({"trade", "exchange", "swap"})


def _traded(item: _Coded, analysis: Analysis) -> bool:
    """Return True when the event noun is what its actors trade with each other."""
    if analysis.doc is None or item.trigger.kind not in ("noun", "stance"):
        return False
    noun = analysis.doc[item.trigger.i]
    if any(c.dep_ == "compound" and c.lemma_.lower() in TRADING_VERBS for c in doc_children(noun)):
        return True  # a headline's "Poland and Belarus trade accusations", parsed as nouns
    return noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in TRADING_VERBS


def _pairs(
    item: _Coded, sources: list[Actor], targets: list[Actor], analysis: Analysis
) -> list[tuple[Actor | None, Actor | None]]:
    """Return the (source, target) pairs of an event: reciprocal, or every source × target."""
    # mediators side by side ("X and Y, which mediate the talks") do not mediate between
    # each other: a mediation is aimed at the parties, when the text names them
    third_party = item.mode == "third-party"
    reciprocal = (
        item.trigger.sense.reciprocal or item.plover in MUTUAL or _traded(item, analysis)
    ) and not third_party
    own = {a.country for a in sources if a.country}
    if reciprocal and len(sources) >= 2 and targets and all(t.country in own for t in targets):
        # "Palestinians and Israelis failed to reach agreement on the fate of Palestinian
        # offices": a party's own thing is no third party; they act on each other
        targets = []
    if not targets and reciprocal and len(sources) >= 2:
        return [(a, b) for a in sources for b in sources if a is not b]
    srcs: list[Actor | None] = list(sources) or [None]
    tgts: list[Actor | None] = list(targets) or [None]
    return [(s, t) for s in srcs for t in tgts]


def _events_of(
    item: _Coded,
    analysis: Analysis,
    finder: ActorFinder,
    lex: Lexicon,
    talks: dict[int, list[tuple[Actor, Actor]]],
    told: list[_Told],
) -> list[Event]:
    """Return the events of one coded trigger, one per (source, target) pair.

    ``talks`` maps a paragraph to the parties of its last talks with named parties; talks
    that name nobody ("talks can and will happen") are those talks again (docs/events.md).
    ``told`` holds the events coded so far, in text order; this trigger's is added.
    """
    doc = analysis.doc
    assert doc is not None
    sources = link(finder, item.frame.sources)
    if item.cameo == EXERCISE and len({a.country for a in sources if a.country}) >= 2:
        # "French and Egyptian warships held war games": two countries' exercise is joint
        item.plover, item.cameo = "COOPERATE", JOINT_EXERCISE
    if item.plover == "PROTEST" and item.mode == "demo" and sources and all(
        a.sector == "GOV" for a in sources
    ):
        # PLOVER's PROTEST is civilian: a government's or a candidate's rally campaigns,
        # and a government's protest is a diplomatic one, coded by its own words (ACCUSE)
        return []
    targets = [a for a in link(finder, item.frame.targets, skip=sources) if a not in sources]
    if item.plover in OWN_FORCES_MOVED:
        # "Israel withdrew its forces from Rafah": the forces moved are the actor's own, not
        # whom it acts on (the place they leave is, through the places step)
        own_countries = {a.country for a in sources if a.country}
        targets = [a for a in targets if not (a.sector == "MIL" and a.country in own_countries)]
    start, end = item.trigger.char_span(doc)
    sentence = analysis.sentence_index(start)
    if not targets and item.frame.anaphor is not None:
        targets = _antecedent(item.frame.anaphor, sentence, told, lex, sources)
    paragraph = analysis.article.text.count("\n", 0, start)
    unnamed = not (sources or targets)
    talks_noun = item.plover == "CONSULT" and item.trigger.kind == "noun"
    happening = doc[item.trigger.i].dep_ in ("nsubj", "nsubjpass")  # "talks will happen"
    if unnamed and talks_noun and happening and talks.get(paragraph):
        pairs: list[tuple[Actor | None, Actor | None]] = list(talks[paragraph])
    elif unnamed and not item.frame.core:
        return []  # "amid ongoing hostilities": nobody named
    elif not sources and not item.frame.sources:
        # "two soldiers were killed", "sanctions on Burma", "to finance projects": the
        # text gives the act no actor at all; PLOVER does not code an event without one
        # (manual, "required entities"). An actor it names but we cannot link stays.
        return []
    else:
        pairs = _pairs(item, sources, targets, analysis)
    if talks_noun and not unnamed and item.mode != "third-party":  # a mediator is no party
        named = [(s, t) for s, t in pairs if s is not None and t is not None]
        if named:
            talks[paragraph] = named
    head = doc[item.trigger.i]
    coding, modality = Coding(item.plover, item.cameo, item.mode), modality_of(head, lex)
    if not _received(head):
        coding, modality = recode(coding, modality, lex, continued(head))
    if sources:
        types = frozenset({item.trigger.sense.plover, item.plover, coding.plover})
        told.append(_Told(sentence, types, doc[item.trigger.i].lemma_.lower(), sources))
    statement = analysis.statement_covering(start, end)
    out: list[Event] = []
    for src, tgt in pairs:
        if src is not None and src is tgt:
            continue
        out.append(Event(
            id="",
            plover=coding.plover,
            cameo=coding.cameo,
            source=src.id if src else None,
            target=tgt.id if tgt else None,
            trigger=analysis.span(start, end),
            sentence=sentence,
            plover_mode=coding.mode,
            context=list(item.context),
            source_code=actor_code(src),
            target_code=actor_code(tgt),
            modality=replace(modality),
            asserted_by=statement.id if statement else "outlet",
        ))  # fmt: skip
    return out


def _antecedent(
    noun: Token, sentence: int, told: list[_Told], lex: Lexicon, own: list[Actor]
) -> list[Actor]:
    """Return the actors of the event an event noun names again ("the threat"), or [].

    The latest event told before, of the noun's type, whose word shares its beginning
    ("threatened" ... "the threat", "proposed" ... "the proposal") within the
    ``ANTECEDENT_SENTENCES`` before; else, for a threat or an accusation ("warned ..."
    ... "the threat"), one of its type in the same or the previous sentence. A broad
    type (AGREE: "the proposal" after "the UN agreed to ...") needs the same word. Its
    actors other than the event's own are the recipient: who made the threat is who is
    accused of blackmail.
    """
    lemma = noun.lemma_.lower()
    types = {s.plover for s in (*lex.nouns.get(lemma, ()), *lex.stance_nouns.get(lemma, ()))}
    for event in reversed(told):
        distance = sentence - event.sentence
        if distance > ANTECEDENT_SENTENCES:
            break
        if not types & event.types:
            continue
        stem = min(STEM, len(lemma), len(event.lemma))
        same_word = lemma[:stem] == event.lemma[:stem]
        if same_word or (distance <= 1 and types & NAMED_AGAIN_BY_TYPE):
            others = [a for a in event.sources if a not in own]
            if others:
                return others
    return []


class EventsStep:
    """Step ``events``: needs doc, actors, statements; adds events."""

    name = "events"
    needs: tuple[str, ...] = ("doc", "actors", "statements")
    adds: tuple[str, ...] = ("events",)

    def __init__(self, config: Config) -> None:
        self.config = config
        self.lexicon = load_lexicon()

    def __call__(self, analysis: Analysis) -> Analysis:
        """Return the analysis with its events coded."""
        analysis.events = code_events(analysis, self.lexicon)
        return analysis


def make_step(config: Config) -> EventsStep:
    """Return the events step for ``config``."""
    return EventsStep(config)
