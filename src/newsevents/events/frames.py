"""Argument frames: which tokens may name the actor and the recipient of a trigger.

A frame lists *candidate* tokens in order of preference; the step links them to actors
and keeps the first that names one. Rules cover the active and passive voice, relative
pronouns, control and conjoined verbs (through ``syntax.subject_of``), possessors and
by-/from-phrases of nouns ("Kiev's demands", "claims by Blinken"), the subject of a light
verb ("X held talks"), recipient verbs ("X relies on Y's aid"), reciprocal "between X and
Y", and coordination ("Russia and Ukraine").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..doccache import children as doc_children
from .lexicon import Lexicon
from .modality import CIRCUMSTANTIAL
from .syntax import (
    carried_clause,
    children,
    direct_object,
    first_child,
    is_passive,
    prep_objects,
    subject_of,
    verb_forms,
)
from .triggers import PARTY_ENTS, Trigger

#: Prepositions whose object is the recipient, by PLOVER type, after the word's own.
TYPE_PREPS: dict[str, tuple[str, ...]] = {
    "ACCUSE": ("against", "of"),
    "AGREE": ("with", "to"),
    "AID": ("to", "for"),
    "ASSAULT": ("on", "against", "at", "in", "into"),
    "COERCE": ("on", "against", "in", "into"),  # "tried to hack into the ministry's servers"
    "CONSULT": ("with",),
    "COOPERATE": ("with",),
    "MOBILIZE": ("against", "to", "in", "near", "along", "for"),
    "PROTEST": ("against", "outside"),
    "REJECT": ("to", "on"),  # "reneged on its promise to the voters"
    "RETREAT": ("from", "to"),
    "REQUEST": ("on", "upon", "to", "from"),
    "SANCTION": ("on", "against"),
    "THREATEN": ("against", "with"),
}
#: Types whose direct object is usually the thing moved or given, not the recipient.
THEME_TYPES = frozenset({"AID", "MOBILIZE", "RETREAT"})
#: Types that take an event as content; their infinitive's prepositions name the recipient.
GOVERNING_TYPES = frozenset({"AGREE", "REJECT", "REQUEST", "THREATEN"})
#: Prepositions on a governing verb that name the recipient of an event noun it carries.
CARRIER_PREPS: tuple[str, ...] = ("on", "against", "with", "to", "for", "between")
NOUNISH = frozenset({"NOUN", "PROPN", "PRON"})
NOT_PARTIES = frozenset({
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
})  # fmt: skip


def _nounish(tok: Token) -> bool:
    """Return True when ``tok`` names a participant even if unlinked.

    A name, a pronoun, or a noun with a national or named modifier ("Palestinian
    prisoners"). A bare common noun ("the region", "conditions") does not make an event
    worth reporting; it counts once the actors step links it.
    """
    if tok.pos_ not in NOUNISH or tok.ent_type_ in NOT_PARTIES:
        return False
    return tok.pos_ != "NOUN" or any(
        c.ent_type_ in PARTY_ENTS or c.pos_ == "PROPN"
        for c in tok.lefts
        if c.dep_ in ("amod", "compound", "poss", "nmod")
    )


@dataclass(slots=True)
class Frame:
    """Candidate actor and recipient tokens of one trigger, best first.

    ``core`` is True when a subject, agent, object or possessor exists in the syntax, so
    an event with no linked actor still has a participant the text names.
    """

    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    core: bool = False
    cameo: str | None = None  # set when the construction changes the code (mediation)
    mode: str | None = None
    anaphor: Token | None = None  # "dismissed the claim": an event told before, by its owner


def frame_of(trigger: Trigger, doc: Doc, lex: Lexicon) -> Frame:
    """Return the argument frame of ``trigger`` in ``doc``."""
    tok = doc[trigger.i]
    if trigger.kind in ("noun", "stance"):
        return _noun_frame(tok, trigger, lex)
    if trigger.kind == "adj":
        return _adjective_frame(tok, trigger)
    return _verb_frame(tok, trigger, lex)


def _verb_frame(tok: Token, trigger: Trigger, lex: Lexicon) -> Frame:
    frame = Frame()
    if trigger.sense.plover == "ASSAULT" and is_passive(tok) and not any(
        True for _ in prep_objects(tok, "by")
    ):
        # "rockets were fired from areas controlled by Hamas": the holder fired them
        frame.sources.extend(_origin_holders(tok))
    subj, found = subject_of(tok)
    if subj is not None:
        frame.sources.extend(_with_conjuncts(subj))
        frame.core = frame.core or _nounish(subj)
        frame.sources.extend(_reported_owner(tok, subj))
    obj = direct_object(tok)
    if obj is not None and obj not in frame.sources:
        if obj.lemma_.lower() in lex.nouns:
            # "welcomed the release of its citizen by Myanmar": an event as object names
            # its party inside (its agent first), not through its "of" noun
            frame.targets.extend(inner_parties(obj))
        frame.targets.extend(_with_conjuncts(obj))
        frame.core = frame.core or _nounish(obj)
    preps = trigger.sense.preps + TYPE_PREPS.get(trigger.sense.plover, ())
    by_prep = [o for _, o in _ordered_preps(tok, preps) if o not in frame.sources]
    if trigger.sense.plover in THEME_TYPES:
        # "withdrew its troops from Lebanon": the object is what moves, not the recipient
        frame.targets[:0] = by_prep
    else:
        frame.targets.extend(by_prep)
    for o in by_prep:
        frame.targets.extend(inner_parties(o))  # "links with Serbia", "a war against Iraq"
        frame.anaphor = frame.anaphor or told_before(o, lex)  # "hit back at the claim"
    if obj is not None and trigger.sense.plover in THEME_TYPES:
        # "withdrew its troops from the border with Georgia": the troops are the actor's
        # own; what they leave, and whose it is, comes first
        theme = frame.targets.index(obj) if obj in frame.targets else -1
        if theme >= 0:
            frame.targets.append(frame.targets.pop(theme))
    if obj is not None:
        frame.targets.extend(inner_parties(obj))
        frame.anaphor = told_before(obj, lex)
        if trigger.sense.mode == "third-party":  # "mediate the talks between X and Y"
            frame.targets.extend(o for _, o in _ordered_preps(obj, ("between", "among")))
    if trigger.sense.plover == "AID" and obj is None:
        for comp in children(tok, "ccomp", "xcomp"):  # "to help Poland and Latvia strengthen"
            helped = first_child(comp, "nsubj")
            if helped is not None:
                frame.targets.extend(_with_conjuncts(helped))
    if trigger.sense.plover in GOVERNING_TYPES:
        for comp in children(tok, "xcomp"):  # "offered to hand over to Britain ..."
            # "agreed to take back refugees from Myanmar": "from" names the other side too
            frame.targets.extend(
                o for _, o in _ordered_preps(comp, (*CARRIER_PREPS, "in", "from"))
            )
            comp_obj = direct_object(comp)  # "threatened to break relations with Russia"
            if comp_obj is not None:
                frame.targets.append(comp_obj)
                frame.targets.extend(inner_parties(comp_obj))
    clause = first_child(tok, "ccomp")
    own_clause = trigger.sense.when is not None and trigger.sense.when.self_clause
    if (
        clause is not None
        and trigger.sense.plover in ("ACCUSE", "REQUEST", "THREATEN", "CONCEDE")
        and not own_clause  # "warned that Arnland would respond": Arnland is the speaker
    ):
        csubj, _ = subject_of(clause)
        if csubj is not None:
            # "demanded that Sudan end ...", "allowed X to take part" (parsed as a clause)
            frame.targets.extend(_with_conjuncts(csubj))
    if trigger.sense.plover == "THREATEN":
        frame.targets.extend(_condition_subjects(tok))
    if trigger.sense.plover in ADDRESSED_TYPES:
        frame.targets.extend(_purpose_addressee(tok, frame))
    del found
    return frame


def _reported_owner(verb: Token, subj: Token) -> list[Token]:
    """Return the speaker a possessive pronoun on a reported subject stands for.

    "Dagalo denied that his forces had killed ...": "his forces" are Dagalo's; when the
    actors step links no actor to them, the speaker is the next candidate.
    """
    clause = verb
    while clause.dep_ in ("xcomp", "conj") and clause.head is not clause:
        clause = clause.head  # "said its army would keep fighting": the clause of "keep"
    if clause.dep_ != "ccomp" or not any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in doc_children(subj)
    ):
        return []
    speaker, _ = subject_of(clause.head)
    return _with_conjuncts(speaker) if speaker is not None and speaker is not subj else []


#: Types that address someone: "summoned the envoy to complain" complains to the envoy.
ADDRESSED_TYPES = frozenset({"ACCUSE", "PROTEST", "REQUEST"})


def _purpose_addressee(verb: Token, frame: Frame) -> list[Token]:
    """Return the object of the verb whose purpose ``verb`` is: "summoned the envoy to protest".

    Last among the recipients: a recipient the trigger names itself comes first.
    """
    if verb.dep_ not in ("advcl", "xcomp") or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in doc_children(verb)
    ):
        return []
    obj = direct_object(verb.head) if verb.head.pos_ == "VERB" else None
    if obj is None or obj in frame.sources:
        return []
    return _with_conjuncts(obj)


#: Marks of a clause that states what the threatened party must (not) do.
THREAT_CONDITIONS = frozenset({"if", "unless", "until"})


def _condition_subjects(verb: Token) -> list[Token]:
    """Return who a threat is aimed at: the subject of its condition.

    "Arnland threatened to cut gas supplies if Borduria joins the bloc": Borduria. The
    condition may hang on the threat or on its infinitive. Last in the target list: a
    named recipient ("threatened Borduria with ...") comes first.
    """
    out: list[Token] = []
    for word in (verb, *children(verb, "xcomp")):
        for clause in children(word, "advcl"):
            mark = next((c.lower_ for c in doc_children(clause) if c.dep_ == "mark"), "")
            if mark in THREAT_CONDITIONS:
                subj, _ = subject_of(clause)
                if subj is not None and subj.pos_ != "PRON":
                    out.extend(_with_conjuncts(subj))
    return out


#: Verbs that say where an attack came from: "the shelling came from Russian positions".
ORIGIN_VERBS = frozenset({"come", "originate", "emanate"})
#: Participles that tie an area to whoever holds it: "positions held by Russian forces".
HOLDING = frozenset({"held", "controlled", "occupied", "run", "seized", "captured"})


def _origin_holders(verb: Token) -> list[Token]:
    """Return who holds the place an attack came from or was fired from, or [].

    "came from positions held by Russian forces" → forces; "fired from areas controlled
    by Hamas" → Hamas; "came from Hamas-controlled territory" → Hamas; "came from Russian
    positions" → positions (the phrase names Russia).
    """
    out: list[Token] = []
    for _, place in prep_objects(verb, "from"):
        for acl in doc_children(place):
            if acl.dep_ in ("acl", "amod") and acl.lower_ in HOLDING:
                out.extend(o for _, o in prep_objects(acl, "by"))
                out.extend(c for c in doc_children(acl) if c.dep_ in ("npadvmod", "compound"))
        if not out and any(c.dep_ in ("amod", "compound", "poss") for c in doc_children(place)):
            out.append(place)  # "Russian positions", "the army's positions"
    return out


def _noun_frame(tok: Token, trigger: Trigger, lex: Lexicon) -> Frame:
    frame = Frame()
    sense = trigger.sense
    if sense.plover == "ASSAULT":
        whole = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok
        if whole.dep_ == "nsubj" and whole.head.lemma_.lower() in ORIGIN_VERBS:
            # "most of the shelling came from positions held by Russian forces"
            frame.sources.extend(_origin_holders(whole.head))
            frame.core = frame.core or bool(frame.sources)
    for poss in children(tok, "poss"):
        frame.sources.extend(_with_conjuncts(poss))
        frame.core = True
        if poss.pos_ == "PRON":
            # "the rebels completed their withdrawal": an unresolved "their" is bound by
            # the subject of the verb that carries the noun
            holder = _carrier(tok)
            subj = subject_of(holder)[0] if holder is not None else None
            if subj is not None:
                frame.sources.extend(_with_conjuncts(subj))
    # "aid from the West", "claims by Blinken"; but a withdrawal *from* X leaves X
    agents = ("by",) if "from" in sense.preps else ("by", "from")
    for _, obj in prep_objects(tok, *agents):
        frame.sources.extend(_with_conjuncts(obj))
        frame.core = True
    if "between" not in sense.preps:  # a mediation *between* X and Y is aimed at them
        for _, obj in prep_objects(tok, "between", "among"):
            frame.sources.extend(_with_conjuncts(obj))
            frame.core = True
    if sense.of == "source":
        for _, obj in prep_objects(tok, "of"):
            frame.sources.extend(_with_conjuncts(obj))
            frame.core = True
    modifiers = _modifier_parties(tok)
    mediator = _hyphen_mediator(tok) if sense.plover == "CONSULT" else None
    if mediator is not None:  # "Turkish-mediated talks": Turkey mediates (CAMEO 045)
        frame.sources.insert(0, mediator)
        frame.cameo, frame.mode, frame.core = "045", "third-party", True
        frame.targets.extend(_hosting_subjects(tok))
    elif sense.plover == "CONSULT" and not frame.sources:
        hosts = _hosting_subjects(tok)  # "negotiators returned to Geneva for talks"
        frame.sources.extend(hosts)
        frame.core = frame.core or bool(hosts)
    if sense.plover in ("ACCUSE", "REQUEST", "THREATEN"):
        frame.targets.extend(_claim_subjects(tok))  # "claims that X ...", "demand that X ..."
    preps = sense.preps + TYPE_PREPS.get(sense.plover, ())
    if sense.of == "source":
        preps = tuple(p for p in preps if p != "of")
    elif "of" not in preps and sense.of == "target" and sense.plover != "REQUEST":
        preps = (*preps, "of")
    ordered = [o for _, o in _ordered_preps(tok, preps) if o not in frame.sources]
    for obj in ordered:
        frame.targets.append(obj)
        frame.core = frame.core or _nounish(obj)
    for obj in ordered:
        frame.targets.extend(inner_parties(obj))  # "a suspension of air links with Serbia"
    carrier = _carrier(tok)
    if tok.dep_ == "pobj" and tok.head.lower_ in CIRCUMSTANTIAL:
        carrier = None  # "imposed a curfew after a demonstration": not who demonstrated
    forms = verb_forms(carrier) if carrier is not None else set()
    light = bool(forms & lex.light_verbs)
    if carrier is not None and (light or forms & lex.recipient_verbs):
        subj, _ = subject_of(carrier)
        if subj is not None:
            frame.core = frame.core or _nounish(subj)
            if forms & lex.recipient_verbs or mediator is not None:
                # "Kiev relies on Western aid"; "X held Turkish-mediated talks": X takes part
                frame.targets[:0] = _with_conjuncts(subj)
                if forms & lex.recipient_verbs and not frame.sources:
                    # "received a proposal from France": the giver is the verb's "from"
                    for _, giver in prep_objects(carrier, "from"):
                        frame.sources.extend(_with_conjuncts(giver))
                        frame.core = True
            elif not frame.sources:
                frame.sources.extend(_with_conjuncts(subj))  # "Russia held talks"
        frame.targets.extend(o for _, o in _ordered_preps(carrier, CARRIER_PREPS) if o is not tok)
        if is_passive(carrier):  # "a US national was put under investigation"
            for patient in children(carrier, "nsubjpass"):
                frame.targets.append(patient)
                frame.core = frame.core or _nounish(patient)
    # an adjective names a party only after the explicit ones: "Russian demands"
    frame.sources.extend(modifiers)
    return frame


#: Participles whose hyphenated agent is the third party of talks: "Turkish-mediated".
MEDIATING = frozenset({"mediated", "brokered", "hosted", "facilitated", "sponsored"})
#: Prepositions that set talks as the time or place of the clause's event.
SETTING_PREPS = frozenset({"during", "at", "in", "after", "through", "for"})


def _hyphen_mediator(noun: Token) -> Token | None:
    """Return the agent of a mediating participle on ``noun``: "Turkish" in "Turkish-mediated"."""
    for part in doc_children(noun):
        if part.dep_ == "amod" and part.lower_ in MEDIATING and part.tag_ == "VBN":
            for agent in doc_children(part):
                if agent.dep_ == "npadvmod" and agent.i < part.i:
                    return agent
    return None


def _hosting_subjects(noun: Token) -> list[Token]:
    """Return the parties of talks that set the clause or are its purpose.

    "X and Y agreed during ... talks", "X returned to Geneva for talks".
    """
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in SETTING_PREPS:
        return []
    verb = prep.head
    # "settled the dispute at ... talks": the phrase hangs on the object; but "conditions
    # for talks" says what the conditions are for, not why the clause happens
    if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "obj") and prep.lower_ != "for":
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    subj, _ = subject_of(verb)
    return _with_conjuncts(subj) if subj is not None else []


def _adjective_frame(tok: Token, trigger: Trigger) -> Frame:
    frame = Frame()
    head = tok.head if tok.dep_ in ("acomp", "oprd", "xcomp") else tok
    subj, _ = subject_of(head) if head is not tok else (None, False)
    if subj is None and tok.pos_ == "VERB":
        subj, _ = subject_of(tok)
    if subj is not None:
        frame.sources.extend(_with_conjuncts(subj))
        frame.core = frame.core or _nounish(subj)
    preps = (*trigger.sense.preps, "to", "of", "with")
    for _, obj in _ordered_preps(tok, preps):
        frame.targets.extend(_with_conjuncts(obj))
        frame.targets.extend(inner_parties(obj))
    return frame


def _claim_subjects(noun: Token) -> list[Token]:
    """Return who a claim is about: "claims that X ...", "claims by Y, who said that X ..."."""
    clauses = list(children(noun, "acl", "ccomp"))
    carried = carried_clause(noun)
    if carried is not None:
        clauses.append(carried)  # "repeated its demand that X ..."
    for _, agent in prep_objects(noun, "by"):
        for rel in children(agent, "relcl"):
            clauses.extend(children(rel, "ccomp"))
    out: list[Token] = []
    for clause in clauses:
        subj, _ = subject_of(clause)
        if subj is not None:
            out.extend(_with_conjuncts(subj))
    return out


def light_carrier(noun: Token, lex: Lexicon) -> Token | None:
    """Return the light verb that carries the event noun ``noun`` ("held [talks]"), or None."""
    carrier = _carrier(noun)
    if carrier is None or not verb_forms(carrier) & lex.light_verbs:
        return None
    return carrier


def _carrier(noun: Token) -> Token | None:
    """Return the verb that carries ``noun`` as its object or prepositional object."""
    if noun.dep_ in ("dobj", "obj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB":
        return noun.head.head
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ in ("of", "in")
        and noun.head.head.pos_ in ("NOUN", "NUM")
    ):  # "gave ... 5 million dollars of aid", "received $2 billion in loans"
        return _carrier(noun.head.head)
    return None


def _ordered_preps(tok: Token, preps: tuple[str, ...]) -> list[tuple[str, Token]]:
    found = list(prep_objects(tok, *preps))
    rank = {p: i for i, p in enumerate(preps)}
    found.sort(key=lambda pair: rank.get(pair[0], len(rank)))
    out: list[tuple[str, Token]] = []
    for prep, obj in found:
        out.extend((prep, o) for o in _with_conjuncts(obj))
    return out


def _with_conjuncts(tok: Token) -> list[Token]:
    return [tok, *tok.conjuncts]


#: Determiners of an event noun that points back to an event told before ("the threat").
ANAPHORIC_DETS = frozenset({"the", "this", "that", "these", "those", "such"})


def told_before(noun: Token, lex: Lexicon) -> Token | None:
    """Return ``noun`` when it is an event named again without its actor: "the threat".

    "Tusk hit back, branding the threat blackmail", "the minister dismissed the claim":
    an event noun with a definite determiner and no owner (possessor, by-agent) points
    back to an event the text told before; the step looks for it when the frame links no
    recipient (``__init__._antecedent``).
    """
    lemma = noun.lemma_.lower()
    if lemma not in lex.nouns and lemma not in lex.stance_nouns:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in doc_children(noun)):
        return None
    if any(c.dep_ == "poss" for c in doc_children(noun)) or any(prep_objects(noun, "by")):
        return None  # "Borduria's threat", "the threat by Borduria" name their owner
    return noun


def _modifier_parties(noun: Token) -> list[Token]:
    """Return modifier tokens that may name a party: "Russian" demands, "US-led" war."""
    out: list[Token] = []
    for c in doc_children(noun):
        if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i:
            out.extend(t for t in c.subtree if t.pos_ in ("PROPN", "ADJ", "NOUN"))
    return out


def inner_parties(noun: Token) -> list[Token]:
    """Return tokens inside a noun phrase that may name a party (possessor, modifiers, preps).

    "Israeli changes", "Russia's demands", "sales to Iran": who the thing belongs to or
    is aimed at, when the noun itself is not an actor.
    """
    out: list[Token] = list(children(noun, "poss"))
    out.extend(_modifier_parties(noun))
    by_agent = [o for _, o in prep_objects(noun, "by")]
    for part in children(noun, "acl"):
        if part.tag_ == "VBN":  # "crimes committed by Croat forces": the participle's agent
            by_agent.extend(o for _, o in prep_objects(part, "by"))
    # "the release of its citizen by Myanmar": the agent of the thing comes first
    out[:0] = [t for o in by_agent for t in (*_with_conjuncts(o), *children(o, "poss"))]
    preps = ("to", "on", "against", "of", "from", "with", "in", "for")
    for _, obj in prep_objects(noun, *preps):
        out.extend(_with_conjuncts(obj))
        out.extend(children(obj, "poss"))
    return out
