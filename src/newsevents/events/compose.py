"""Events that govern other events, and events read off whole clauses.

* Control and content: "agreed to meet", "refused to take part in talks with Borduria",
  "demands, which include the release of all prisoners", "accused X of shelling": the
  governing event absorbs the governed one, takes its recipient, context and (through the
  lexicon's ``compose`` table) a more precise CAMEO code and mode.
* Deontic demands: "The minister stressed that Borduria must withdraw ...": a must/should clause
  under a speech verb is a REQUEST from the speaker to the clause's subject.
* Describing as: "Arnland views the blockade as an act of war against it": calling
  something a war, a crime, "unrealistic" is an ACCUSE.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..doccache import children as doc_children
from ..doccache import tokens
from .frames import Frame, inner_parties
from .lexicon import Lexicon, Sense
from .syntax import (
    carried_clause,
    children,
    direct_object,
    first_child,
    prep_objects,
    subject_of,
)
from .triggers import Trigger

#: Event types that take another event as their content.
GOVERNING = frozenset({
    "AGREE", "REJECT", "REQUEST", "THREATEN", "ACCUSE", "SUPPORT", "SANCTION", "PROTEST",
    "CONCEDE", "RETREAT",
})  # fmt: skip
#: Types whose object event is what they end ("lifted the blockade", "called off the
#: strike"): the ended event is no event of its own; only the direct object counts.
ENDING = frozenset({"CONCEDE", "RETREAT"})
#: Types a describing clause turns into an accusation ("views X as a war").
HOSTILE = frozenset({"ASSAULT", "COERCE", "THREATEN"})
DEONTIC = frozenset({"must", "should"})
CONTENT_VERBS = frozenset({"include", "involve", "contain", "cover"})
DEMAND_SENSE = Sense(plover="REQUEST", cameo="100")
DESCRIBE_SENSE = Sense(plover="ACCUSE", cameo="111", mode="disapprove")


def governed_by(
    trigger: Trigger, doc: Doc, by_i: dict[int, Trigger], lex: Lexicon
) -> list[Trigger]:
    """Return the triggers that are the content of ``trigger`` ("refused to [engage in talks]")."""
    if trigger.sense.plover not in GOVERNING and trigger.kind != "deontic":
        return []
    tok = doc[trigger.i]
    out: list[Trigger] = []
    for cand in _content_tokens(tok, trigger):
        for t in (cand, *cand.conjuncts):
            found = by_i.get(t.i)
            if found is not None and found is not trigger:
                out.append(found)
            elif t.lemma_.lower() in lex.light_verbs or found is None:
                out.extend(_carried(t, by_i, trigger))
    unique: dict[int, Trigger] = {}
    for trig in out:
        unique.setdefault(trig.i, trig)
    return list(unique.values())


#: Which children of a governing word hold its content, by PLOVER type.
CLAUSE_CONTENT = frozenset({"REQUEST", "THREATEN", "ACCUSE", "AGREE"})
OBJECT_CONTENT = frozenset({"REJECT", "REQUEST", "AGREE", "THREATEN", "SUPPORT", "SANCTION"})


def _is_content(child: Token, trigger: Trigger) -> bool:
    """Return True when ``child`` is the governed clause or object of ``trigger``."""
    dep, plover = child.dep_, trigger.sense.plover
    if plover == "PROTEST":
        # the demand a protest makes is its topic, not another event (PLOVER manual)
        return dep in ("advcl", "acl", "xcomp") and (
            _to_infinitive(child) or child.tag_ == "VBG"
        )
    if dep == "xcomp":
        return True  # "agreed to meet", "refused to engage"
    if dep == "acl" and plover in CLAUSE_CONTENT and _that_clause(child):
        return True  # "its demand that Borduria free the crew"
    if dep in ("acl", "advcl"):
        # "willingness to negotiate"; "have sworn to fight" (parsed as a purpose clause)
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in doc_children(child))
        return _to_infinitive(child) and not own_subject
    if dep == "ccomp":
        return plover in CLAUSE_CONTENT  # "demanded that Sudan end curbs"
    return dep in ("dobj", "obj") and plover in OBJECT_CONTENT  # "rejected the talks"


def _content_tokens(tok: Token, trigger: Trigger) -> list[Token]:
    if trigger.sense.plover in ENDING:
        return list(children(tok, "dobj", "obj"))
    out: list[Token] = []
    for c in doc_children(tok):
        dep = c.dep_
        if _is_content(c, trigger):
            out.append(c)
        elif dep == "prep" and c.lower_ in ("to", "in", "for", "of", "on", "over"):
            out.extend(children(c, "pobj", "pcomp"))
        elif dep == "relcl" and c.lemma_.lower() in CONTENT_VERBS:
            obj = first_child(c, "dobj", "obj")
            if obj is not None:
                out.append(obj)
    if trigger.kind == "deontic":
        out.append(tok)
    clause = carried_clause(tok) if trigger.kind in ("noun", "stance") else None
    if clause is not None and trigger.sense.plover in CLAUSE_CONTENT:
        out.append(clause)  # "reiterated its demand that X ease ...": the demand's clause
    if trigger.sense.plover == "PROTEST" and tok.dep_ in ("dobj", "obj"):
        # "began a hunger strike to demand ...": the purpose hangs on the carrying verb
        out.extend(
            c for c in doc_children(tok.head) if c.dep_ == "advcl" and _is_content(c, trigger)
        )
    return out


def _carried(tok: Token, by_i: dict[int, Trigger], governor: Trigger) -> list[Trigger]:
    """Return triggers one step under a light verb ("engage [in negotiations]")."""
    out: list[Trigger] = []
    for c in doc_children(tok):
        if c.dep_ in ("dobj", "obj"):
            cands = [c]
        elif c.dep_ == "prep":
            cands = list(children(c, "pobj", "pcomp"))
        elif c.dep_ == "acl" and _to_infinitive(c) and c.i not in by_i:
            # "rejected an invitation to attend a meeting": the meeting is the content
            out.extend(t for t in _carried(c, by_i, governor) if t not in out)
            continue
        else:
            continue
        for cand in cands:
            found = by_i.get(cand.i)
            if found is not None and found is not governor:
                out.append(found)
    return out


def _that_clause(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in doc_children(verb))


def _to_infinitive(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in doc_children(verb)
    )


def deontic_triggers(doc: Doc, lex: Lexicon) -> list[Trigger]:
    """Return REQUEST triggers for must/should clauses under speech verbs ("said X must ...")."""
    out: list[Trigger] = []
    for tok in tokens(doc):
        if tok.lower_ not in DEONTIC or tok.dep_ != "aux":
            continue
        verb = tok.head
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in lex.speech_verbs:
            continue
        out.append(Trigger(verb.i, (tok.i, verb.i), "deontic", DEMAND_SENSE))
    return out


def deontic_frame(trigger: Trigger, doc: Doc) -> Frame:
    """Return the frame of a deontic demand: the speaker asks the clause's subject."""
    verb = doc[trigger.i]
    frame = Frame(core=True)
    speaker, _ = subject_of(verb.head)
    if speaker is not None:
        frame.sources.extend([speaker, *speaker.conjuncts])
    subj, _ = subject_of(verb)
    if subj is not None:
        frame.targets.extend([subj, *subj.conjuncts])
    return frame


def describe_triggers(
    doc: Doc, lex: Lexicon, by_i: dict[int, Trigger]
) -> list[tuple[Trigger, Token]]:
    """Return ``(ACCUSE trigger, complement)`` for "X views/describes Y as <hostile thing>"."""
    out: list[tuple[Trigger, Token]] = []
    for tok in tokens(doc):
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.describing_verbs:
            continue
        as_objects = list(prep_objects(tok, "as"))
        obj = direct_object(tok)
        if obj is not None:
            as_objects.extend(prep_objects(obj, "as"))  # "described the blockade as ..."
        for _, comp in as_objects:
            if _hostile(comp, lex, by_i):
                out.append((Trigger(tok.i, (tok.i,), "describe", DESCRIBE_SENSE), comp))
                break
        else:
            comp_adj = _as_adjective(tok)
            if comp_adj is not None and (
                comp_adj.lemma_.lower() in lex.pejoratives or comp_adj.lower_ in lex.pejoratives
            ):
                out.append((Trigger(tok.i, (tok.i,), "describe", DESCRIBE_SENSE), comp_adj))
    return out


def _hostile(comp: Token, lex: Lexicon, by_i: dict[int, Trigger]) -> bool:
    """Return True when an "as" complement names a hostile act or a pejorative.

    The noun itself, its adjectives and its "of" noun count: "a war", "an illegal act",
    "an act of aggression".
    """
    words = [comp, *children(comp, "amod")]
    words.extend(o for _, o in prep_objects(comp, "of"))
    for word in words:
        found = by_i.get(word.i)
        if found is not None and found.sense.plover in HOSTILE:
            return True
        if word.lemma_.lower() in lex.pejoratives or word.lower_ in lex.pejoratives:
            return True
    return False


def _as_adjective(verb: Token) -> Token | None:
    """Return the adjective of "described ... as detached", however the parser attached it."""
    for prep in children(verb, "prep"):
        if prep.lower_ == "as":
            for c in doc_children(prep):
                if c.pos_ in ("ADJ", "VERB") and c.dep_ in ("amod", "acomp", "pcomp", "pobj"):
                    return c
    for c in children(verb, "advcl", "oprd", "acomp"):
        if any(m.lower_ == "as" for m in doc_children(c)):
            return c
    return None


def describe_frame(verb: Token, complement: Token) -> Frame:
    """Return the frame of a describing accusation: the describer accuses the described."""
    frame = Frame(core=True)
    subj, _ = subject_of(verb)
    if subj is not None:
        frame.sources.extend([subj, *subj.conjuncts])
    against = {o.i for _, o in prep_objects(complement, "against")}
    # "an act of aggression by Russia": the perpetrator named by "by" comes first
    frame.targets.extend(o for _, o in prep_objects(complement, "by"))
    frame.targets.extend(t for t in inner_parties(complement) if t.i not in against)
    obj = direct_object(verb)
    if obj is not None:
        frame.targets.extend(inner_parties(obj))
        frame.targets.append(obj)
    return frame
