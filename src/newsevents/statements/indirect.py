"""Attributions over the dependency parse: a cue, its source and its content.

Covers reporting verbs with a complement ("Peskov stated that ...", "He highlighted X as
Y"), the passive and the described-as pattern ("X has been described by Y as Z"),
reporting nouns ("claims by X that ...", "X's warning that ..."), "according to X" and
colon attributions ("Peskov: ..."). Every finding is a plain ``Found`` of token-derived
character spans; quotes are matched to them afterwards (``attach.py``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..doccache import children as doc_children
from .cues import CueLexicon
from .learned import CueDecision

Offsets = tuple[int, int]

_SUBJECTS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
#: Relative and free-relative objects before a naming verb ("what he calls X").
_WH_OBJECTS = frozenset({"what", "which", "that", "whom", "who"})
_CUE_LEFT = frozenset({"aux", "auxpass", "neg"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
#: Verbs whose object is the person addressed, not what was said ("told reporters that").
_ADDRESSEE_VERBS = frozenset(
    {"tell", "inform", "ask", "remind", "assure", "warn", "urge", "persuade", "convince",
     "advise", "caution", "promise", "reassure"}
)  # fmt: skip
#: Verbs whose object plus "as ..." is the claim ("described the plan as reckless").
_AS_VERBS = frozenset({"describe", "highlight", "cite", "characterize", "portray", "see", "view"})
#: Lemmas the parser's lemmatiser gets wrong for some forms ("hoped" -> "hop").
_LEMMA_FIXES = {("hop", "hope"): "hope"}
#: Verbs that also take a plain object as their content ("announced a plan", "denied it").
_OBJECT_VERBS = frozenset(
    {"announce", "deny", "confirm", "propose", "predict", "promise", "pledge",
     "demand", "criticize", "praise", "dispute", "dismiss", "question", "reveal", "report",
     "vow", "threaten", "acknowledge", "admit", "blame", "accuse", "charge", "decry",
     "forecast", "estimate", "recommend", "guarantee", "signal", "underscore", "stress",
     "emphasize", "emphasise", "highlight", "cite", "mention", "describe", "tweet", "write",
     "applaud", "blast", "congratulate", "denounce", "discuss", "endorse", "favor", "mock",
     "portray", "prefer", "tout", "imply", "recall",
     # "claimed victory", "found no record", "reiterated his
     # support", "lamented the loss": what is judged or asserted is the object
     "claim", "find", "reiterate", "reaffirm", "lament", "explain", "note",
     "declare", "fear", "suggest", "answer", "concede", "protest", "hint", "argue",
     "state", "assert", "allege", "object", "remark"}
)  # fmt: skip
#: Verbs by which a document, a poll or a recording reports what it holds: their plain
#: object is the content ("the poll showed a slim lead") unless a person shows something
#: ("he showed his ticket": a deed).
_EVIDENCE_VERBS = frozenset({"show", "indicate"})
#: The outlet's own hedges ("it appears that", "it seems unlikely"): never a statement,
#: whatever the learned scorer says (PolNeAR marks them as cues of the author).
_OUTLET_VOICE = frozenset({"appear", "seem"})
#: Verbs of acting or choosing: "refused to engage in talks" reports a deed, not speech.
#: With an infinitive they are cues only when it is itself a speech act ("declined to
#: comment", "refused to say"). PolNeAR marks about two thirds of "refused to ..." as cues,
#: deeds included; we deliberately do not: the deed is an event the outlet reports.
_ACTION_VERBS = frozenset({"agree", "decide", "decline", "refuse", "try", "attempt", "seek"})
#: Infinitives that make an action verb a speech act, beyond the cue lexicon's verbs.
_SPEECH_INFINITIVES = frozenset(
    {"answer", "comment", "discuss", "elaborate", "identify", "name", "reveal", "specify",
     "speak", "talk", "disclose", "release"}
)  # fmt: skip
#: Verbs that name what they judge: a cue only with an object and its predicate.
_NAMING_VERBS = frozenset({"call", "label", "brand", "dub"})
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
#: Adverbs that belong to the cue when they sit right before the verb ("later said").
_CUE_ADVERBS = frozenset({"also", "later", "again", "previously", "earlier"})
#: Adverbs right before a cue that modify it ("frequently mocked", "then pointed out")
#: belong to the cue, as PolNeAR marks them; these few are not manner adverbs of the cue.
_NOT_CUE_ADVERBS = frozenset({"not", "n't", "how", "when", "where", "why", "so", "as", "just"})
#: Channels a cue names right after it: "said in a recent interview" is one cue.
_CHANNELS = frozenset(
    {"appearance", "briefing", "call", "editorial", "email", "interview", "letter", "memo",
     "op-ed", "post", "release", "speech", "statement", "tweet", "video"}
)  # fmt: skip
#: Verbs that introduce a following quote on their own ("He added: “...”").
_SPEECH_VERBS = frozenset(
    {"say", "add", "tell", "write", "tweet", "explain", "continue", "declare", "state",
     "insist", "warn", "reply", "respond", "answer", "note", "remark", "argue", "ask"}
)  # fmt: skip
#: Speech verbs that report the clause before them ("..., police said"); "responded",
#: "asked" or "continued" after a comma start a new act instead.
_TRAILING_VERBS = _SPEECH_VERBS - {"respond", "reply", "answer", "ask", "continue"}
#: Prepositions whose object is what a listed cue is about ("complained about the noise",
#: "warned against haste", "spoke of reform"); "said on Monday" or "in Paris" are not.
_TOPIC_PREPS = frozenset({"about", "against", "of", "on", "over"})
#: Words before a colon that label the outlet's own notices, never a speaker.
_NOTICES = frozenset(
    {"breaking", "byline", "clarification", "correction", "disclaimer", "disclosure",
     "editor's note", "email", "exclusive", "note", "online", "photo", "photos",
     "previously", "read", "related", "transcript", "update", "video", "warning", "watch"}
)  # fmt: skip
#: Labels of an interview transcript's turns ("Q: ...", "A: ..."): the outlet's layout,
#: not an attribution of its own.
_INTERVIEW_LABELS = frozenset({"q", "a", "question", "answer"})
#: Prepositions that give a reporting noun its topic ("concerns about", "criticism over").
_NOUN_TOPIC_PREPS = frozenset({"about", "against", "on", "over"})
#: One-word answers a speech verb reports as its content ("said yes", "said so").
_ANSWERS = frozenset({"yes", "no", "so"})
#: Listed verbs that never frame a clause around them as an aside or after it: acting,
#: naming and addressing someone need their own complement.
_NOT_FRAMING = _ACTION_VERBS | _NAMING_VERBS | _ADDRESSEE_VERBS
#: The learned cue probability from which a listed verb is as free as an unlisted one to
#: take its plain object as content ("rejected the idea that ..."); chosen on PolNeAR
#: train with the cross-validated probabilities of ``scripts/train_attribution.py``.
SURE = 0.8
_PUNCT_EDGE = frozenset(",;:—–-.")
_QUOTES = frozenset("“”\"'‘’«»")
#: Quote marks that close a quote (a straight one closes when the tagger tags it '').
_CLOSING_QUOTES = frozenset({"”", "»"})


@dataclass(slots=True)
class Found:
    """One attribution found in the parse, as character spans into the text.

    ``content`` is None for a speech verb with nothing after it yet ("He said:"), which a
    following quote may fill. ``source_token`` is the index of the source's head token
    (None when there is no source); ``kind`` is provisional until quotes are matched.
    """

    cue: Offsets
    content: Offsets | None
    source: Offsets | None
    source_token: int | None
    kind: str
    cue_token: int


def find_attributions(
    doc: Doc,
    lexicon: CueLexicon,
    skip: Iterable[Offsets] = (),
    decide: CueDecision | None = None,
) -> list[Found]:
    """Return the attributions of ``doc`` found through its cues, in cue order.

    Cues inside ``skip`` spans (the quotes: a cue inside a quote is the speaker's words)
    are ignored. Without ``decide`` a verb or noun is a cue when the lexicon lists it; with
    it, the learned scores also accept unlisted ones and may overrule listed ones.
    """
    skip_spans = sorted(skip)
    skip_starts = [a for a, _ in skip_spans]
    out: list[Found] = []
    for sent in doc.sents:
        colon = _colon_attribution(sent)
        if colon is not None:
            out.append(colon)
        for tok in sent:
            if _inside(tok.idx, skip_spans, skip_starts):
                continue
            lemma = _lemma(tok)
            found: Found | None = None
            pos = tok.pos_
            listed = lemma in (lexicon.verbs if pos == "VERB" else lexicon.nouns)
            cue = listed if decide is None else decide.accepts(tok.i, listed)
            cue = cue and lemma not in _OUTLET_VOICE
            # a listed cue the scorer is sure of takes its plain object as content, as an
            # unlisted one does ("rejected the notion that ...")
            free = not listed or (
                decide is not None and decide.scores.get(tok.i, 0.0) >= SURE
            )
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                found = _according_to(tok, sent)
            elif tok.lower_ in ("words", "word") and pos == "NOUN":
                found = _in_words(tok, sent)
            elif tok.lower_ == "reportedly" and tok.dep_ == "advmod":
                found = _reportedly(tok)
            elif tok.i == sent.start and tok.lower_ == "in" and tok.dep_ == "prep":
                found = _in_poll(tok, sent)
            elif (pos == "ADJ" and lemma in lexicon.adjectives) or (
                tok.tag_ == "VBN" and tok.lower_ in lexicon.adjectives
            ):  # "were convinced", "are frustrated" parse as passives
                found = _adjective(tok)
                if found is None and pos == "VERB" and cue:
                    found = _verb(tok, lexicon, learned=free)
            elif pos == "VERB" and cue:
                found = _verb(tok, lexicon, learned=free)
            elif pos == "VERB" and lemma in _SPEECH_VERBS and _before_colon(tok):
                found = _verb(tok, lexicon)  # "He continued: ..." (not "continued to fight")
            elif pos == "VERB" and lemma in lexicon.phrases:
                found = _phrase_verb(tok, lexicon)
            elif pos == "NOUN" and cue:
                found = _noun(tok)
            if found is not None:
                out.append(found)
    return out


def _before_colon(tok: Token) -> bool:
    """Return True when a colon follows ``tok`` (with a weekday or "in a statement" between)."""
    for t in tok.doc[tok.i + 1 : tok.i + 5]:
        if t.text == ":":
            return True
        if t.lower_ not in _WEEKDAYS and t.lower_ not in ("in", "a", "statement"):
            return False
    return False


def _lemma(tok: Token) -> str:
    """Return the lower-case lemma of ``tok``, with the lemmatiser's known slips fixed."""
    lemma = tok.lemma_.lower()
    return _LEMMA_FIXES.get((lemma, tok.lower_[:4]), lemma)


def _inside(offset: int, spans: list[Offsets], starts: list[int]) -> bool:
    """Return True when ``offset`` lies in one of ``spans`` (sorted, not overlapping, as
    top-level quotes are; ``starts`` are their starts): asked for every token."""
    k = bisect.bisect_right(starts, offset) - 1
    return k >= 0 and offset < spans[k][1]


def _verb(tok: Token, lexicon: CueLexicon, learned: bool = False) -> Found | None:
    """Return the attribution a reporting verb heads, or None when it has no content.

    ``learned``: the cue was accepted by the learned scorer, not the lexicon; its plain
    object may then be its content ("wants a wall", "mocked the plan").
    """
    if tok.dep_ in ("amod", "compound") or (tok.tag_ == "VBG" and tok.dep_ in ("pobj",)):
        return None
    lemma = _lemma(tok)
    words = tuple(c.lemma_.lower() for c in tok.doc[tok.i + 1 : tok.i + 3])
    tail = lexicon.phrase_tail(lemma, words)
    cue_end = tok.i + 1 + (len(tail) if tail else 0)
    if lemma in _ACTION_VERBS and _acts(tok, lexicon):
        return None
    # a listed verb of saying or thinking may frame the clause around it ("..., the
    # agency reported on Tuesday", "which, his advisers believe, would lead ...")
    frames = lemma in lexicon.verbs and lemma not in _NOT_FRAMING
    content = _verb_content(tok, lemma, cue_end, learned, frames)
    if content is None and (learned or _topic_prep(tok, cue_end)):
        # "spoke about X", "voted for X": a learned cue takes its preposition along; a
        # listed one only a preposition of topic ("complained about X", "warned of X")
        content, cue_end = _prep_content(tok, cue_end)
    source_tok = _source_token(tok)
    if content is None and frames and lemma not in _SPEECH_VERBS:
        content = _clause_before(tok, source_tok)
    if content is None and lemma not in _SPEECH_VERBS and not _before_colon(tok):
        return None  # a cue before a colon ("The report reads: ...") takes what follows
    if content is None and lemma in _SPEECH_VERBS:
        content = _short_answer(tok) or (
            _clause_before(tok, source_tok) if lemma in _TRAILING_VERBS else None
        )
    return Found(
        cue=_cue_span(tok, cue_end),
        content=content,
        source=_source_span(source_tok) if source_tok is not None else None,
        source_token=source_tok.i if source_tok is not None else None,
        kind="indirect",
        cue_token=tok.i,
    )


def _short_answer(tok: Token) -> Offsets | None:
    """Return the one-word answer a speech verb reports ("said yes", "said so", "said no
    to the war"), or None."""
    for c in doc_children(tok):
        if c.i > tok.i and c.lower_ in _ANSWERS and c.dep_ in ("dobj", "advmod", "intj", "ccomp"):
            return (c.idx, c.idx + len(c))
    return None


def _clause_before(tok: Token, source: Token | None) -> Offsets | None:
    """Return the clause a trailing attribution reports ("Ten were hurt, police said", "...,
    said the chief engineer") when the parser did not attach it to the verb, or None.

    The cue (with its source when that comes first) must follow a comma that ends a clause
    with a verb of its own, opening the sentence; a quote ending there is left to the quote
    matching.
    """
    doc = tok.doc
    sent = tok.sent
    left = tok.i
    if source is not None and source.i < tok.i:
        left = min(left, source.left_edge.i)
    while left > sent.start and doc[left - 1].dep_ in (*_CUE_LEFT, "advmod") and (
        doc[left - 1].head.i == tok.i
    ):
        left -= 1
    comma = left - 1
    if comma <= sent.start or doc[comma].text not in (",", "—", "–"):
        return None
    before = doc[sent.start : comma]
    if any(t.text in _QUOTES for t in before[-2:]) or not any(
        t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" for t in before
    ):
        return None
    if any(t.i != tok.i and t.head.i == tok.i and t.i < comma for t in before if t.dep_ in (
        "ccomp", "dobj"
    )):
        return None  # the verb has its own clause or object there: not a trailing cue
    return _trim(doc, sent.start, comma)


def _topic_prep(tok: Token, cue_end: int) -> bool:
    """Return True when the word after the cue is a preposition of topic that hangs on it
    ("complained about X", "expressed concern over X")."""
    doc = tok.doc
    return (
        cue_end < len(doc)
        and doc[cue_end].lower_ in _TOPIC_PREPS
        and tok.i <= doc[cue_end].head.i < cue_end  # on the verb or a noun of its phrase
        and not _passive(tok)  # "when questioned about X": the questioner is not named
        and not any(  # "said on Monday", "spoke over the weekend": a time, not a topic
            c.ent_type_ in ("DATE", "TIME") or c.lower_ in _WEEKDAYS
            for c in doc_children(doc[cue_end])
        )
    )


def _passive(tok: Token) -> bool:
    """Return True for a passive participle: "was asked", or a bare "when asked"."""
    if tok.tag_ != "VBN":
        return False
    aux = [c for c in doc_children(tok) if c.dep_ in ("aux", "auxpass")]
    return not aux or any(c.dep_ == "auxpass" for c in aux)


def _prep_content(tok: Token, cue_end: int) -> tuple[Offsets | None, int]:
    """Return the object of a preposition right after the cue, and the cue's new end."""
    doc = tok.doc
    if cue_end >= len(doc):
        return None, cue_end
    prep = doc[cue_end]
    if prep.dep_ != "prep" or not tok.i <= prep.head.i < cue_end:
        return None, cue_end
    objs = [c for c in doc_children(prep) if c.dep_ in ("pobj", "pcomp")]
    if not objs:
        return None, cue_end
    return _trim(doc, objs[0].left_edge.i, objs[-1].right_edge.i + 1), cue_end + 1


def _acts(tok: Token, lexicon: CueLexicon) -> bool:
    """Return True when an action verb's infinitive is a deed, not a speech act."""
    for c in doc_children(tok):
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
            lemma = c.lemma_.lower()
            return lemma not in lexicon.verbs and lemma not in _SPEECH_INFINITIVES
    return False


def _phrase_verb(tok: Token, lexicon: CueLexicon) -> Found | None:
    """Return the attribution of a multi-word verb cue ("called for", "expressed concern")."""
    lemma = tok.lemma_.lower()
    words = tuple(c.lemma_.lower() for c in tok.doc[tok.i + 1 : tok.i + 3])
    tail = lexicon.phrase_tail(lemma, words)
    if tail is None:
        return None
    if tail == ("it",):
        return None  # "as X put it": handled as a parenthetical below when found
    return _verb(tok, lexicon) if tail else None


def _verb_content(
    tok: Token, lemma: str, cue_end: int, learned: bool = False, frames: bool = False
) -> Offsets | None:
    """Return the content of a reporting verb: its clause, object or the text it frames."""
    doc = tok.doc
    children = list(doc_children(tok))
    after = [c for c in children if c.i >= cue_end]
    ccomp = [c for c in children if c.dep_ == "ccomp"]
    # a multi-word cue with a noun ("expressed concerns that ...") carries the clause
    for c in children:
        if c.i < cue_end and c.i > tok.i:
            ccomp += [
                g for g in doc_children(c) if g.dep_ in ("acl", "ccomp", "relcl") and _clausal(g)
            ]
    if ccomp:
        first = min(ccomp, key=lambda c: c.left_edge.i)
        last = max(ccomp, key=lambda c: c.right_edge.i)
        start = first.left_edge.i
        # "told friends that ...": a "that" inside the clause is where the content starts
        marks = [c.i for c in doc_children(first) if c.dep_ == "mark" and c.lower_ == "that"]
        if marks and marks[0] > start and first.i > tok.i:
            start = marks[0]
        return _trim(doc, start, _clause_end(last))
    # "called for X", "pointed to X": the object of the cue's own preposition
    if cue_end > tok.i + 1:
        prep = doc[cue_end - 1]
        if prep.dep_ == "mark" and prep.head.head.i == tok.i and prep.head.i > prep.i:
            # "called for the council to raise taxes": "for" marks the clause it asks for
            return _trim(doc, prep.i + 1, prep.head.right_edge.i + 1)
        objs = [c for c in doc_children(prep) if c.dep_ in ("pobj", "pcomp")]
        if objs:
            end = max([objs[-1].right_edge.i + 1] + [
                c.right_edge.i + 1 for c in after if c.dep_ == "xcomp"
            ])
            return _trim(doc, objs[0].left_edge.i, end)
    xcomp = [c for c in after if c.dep_ == "xcomp"]
    dobj = [c for c in after if c.dep_ in ("dobj", "dative") and not _is_pronoun_obj(c, lemma)]
    if xcomp:
        start = min([x.left_edge.i for x in xcomp] + [d.left_edge.i for d in dobj])
        return _trim(doc, start, max(x.right_edge.i for x in xcomp) + 1)
    if lemma in _ADDRESSEE_VERBS:
        return None
    if lemma in _NAMING_VERBS:  # "called the plan “a disgrace”": only with a predicate
        oprd = [c for c in after if c.dep_ == "oprd"]
        if not dobj and len(oprd) >= 2:  # "called Trump a liar", both parsed as predicates
            dobj, oprd = oprd[:1], oprd[1:]
        rel = [c for c in children if c.dep_ == "dobj" and c.i < tok.i and c.lower_ in _WH_OBJECTS]
        if rel and not dobj and (oprd or _quote_after(tok)):
            # "what he calls “corruption”", "a plan which she called reckless": the relative
            # pronoun is the object; the scorer and readers cut the source and cue out
            end = oprd[-1].right_edge.i + 1 if oprd else tok.i + 3
            return _trim(doc, rel[0].i, end)
        if dobj and not oprd and _quote_after(dobj[0]):
            # the predicate is a quote the parser did not attach as one: it runs from the
            # object into the quote, which the quote matching grows to its whole
            return _trim(doc, dobj[0].left_edge.i, dobj[0].i + 3)
        if not oprd or not dobj:
            return None
        return _trim(doc, dobj[0].left_edge.i, oprd[-1].right_edge.i + 1)
    as_end = _as_phrase_end(tok) if lemma in _AS_VERBS else None
    if as_end is not None and not dobj:
        rel = [c for c in children if c.dep_ == "dobj" and c.i < tok.i and c.lower_ in _WH_OBJECTS]
        if rel:
            # "what he described as a disgrace", "whom aides describe as loyal": the
            # relative pronoun is the object; the scorer and readers cut source and cue out
            return _trim(doc, rel[0].i, as_end)
    evidence = lemma in _EVIDENCE_VERBS and not _person_subject(tok)
    if dobj and (
        learned or evidence or lemma in _OBJECT_VERBS or lemma in _AS_VERBS or lemma == "say"
    ):
        end = dobj[-1].right_edge.i + 1
        for c in after:  # "called it “a ...”", "accused X of Y", "praised X for Y"
            if c.i > dobj[-1].i and (
                c.dep_ in ("oprd", "ccomp", "xcomp")
                or (c.dep_ == "prep" and c.lower_ in ("of", "for", "as"))
            ):
                end = max(end, c.right_edge.i + 1)
        return _trim(doc, dobj[0].left_edge.i, max(end, as_end or 0))
    passive = [c for c in children if c.dep_ in _PASSIVE_SUBJECTS]
    if passive and as_end:  # "X has been described by Y as Z": the claim is "X ... Z"
        return _trim(doc, passive[0].left_edge.i, as_end)
    agent = [c for c in after if c.dep_ == "agent"]
    if passive and agent and (learned or lemma in _OBJECT_VERBS):
        # "The plan was criticized by the unions": what the agent judged is the subject
        return _trim(doc, passive[0].left_edge.i, passive[0].right_edge.i + 1)
    if agent and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.i < tok.i and (
        learned or lemma in _OBJECT_VERBS
    ):
        # "a plan criticized by the unions": what the agent judged is the noun it qualifies
        noun = tok.head
        return _trim(doc, noun.left_edge.i, tok.left_edge.i)
    as_clause = _as_reported(tok)
    if as_clause is not None:
        return as_clause
    # "... , he said." with the clause as the cue's head (parataxis or a misparse)
    if tok.dep_ in ("parataxis",) and tok.head.i < tok.i:
        left = tok.left_edge.i
        sent = tok.sent
        return _trim(doc, sent.start, left)
    # "The harbour, the mayor said, will reopen in May": a parenthetical cue inside the
    # clause it reports; the content is that whole clause (the scorer and readers cut the
    # cue and source out of it, as for described-as)
    if tok.dep_ == "parataxis" and tok.head.i > tok.i and (lemma in _SPEECH_VERBS or frames):
        head = tok.head
        if tok.left_edge.i > head.left_edge.i and _commas_around(tok):
            return _trim(doc, head.left_edge.i, head.right_edge.i + 1)
    return None


def _as_reported(tok: Token) -> Offsets | None:
    """Return the main clause of "As the Times reported, ..." / "..., as she noted": a cue in
    an "as" clause with nothing of its own reports the clause it hangs on, or None."""
    doc = tok.doc
    if tok.dep_ != "advcl" or tok.head.i == tok.i:
        return None
    marks = [c for c in doc_children(tok) if c.dep_ == "mark" and c.lower_ == "as"]
    if not marks or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in doc_children(tok)):
        return None
    head = tok.head
    left, right = tok.left_edge.i, tok.right_edge.i
    if left <= head.left_edge.i and right < head.i:  # "As X reported, the deal ..."
        return _trim(doc, right + 1, head.right_edge.i + 1)
    if right >= head.right_edge.i - 1 and left > head.i:  # "..., as X noted."
        return _trim(doc, head.left_edge.i, left)
    return None


def _commas_around(tok: Token) -> bool:
    """Return True when ``tok``'s phrase sits between commas (or dashes): a parenthetical."""
    doc = tok.doc
    marks = (",", "—", "–", "-")
    left, right = tok.left_edge.i, tok.right_edge.i
    before = doc[left] if doc[left].is_punct else (doc[left - 1] if left > 0 else None)
    after = doc[right] if doc[right].is_punct else (
        doc[right + 1] if right + 1 < len(doc) else None
    )
    return (
        before is not None and after is not None and before.i < tok.i < after.i
        and before.text in marks and after.text in marks
    )


def _quote_after(tok: Token) -> bool:
    """Return True when an opening quote mark follows ``tok`` right away (a word after it)."""
    doc = tok.doc
    return (
        tok.i + 2 < len(doc)
        and doc[tok.i + 1].text in ("“", '"', "‘", "``", "''")
        and doc[tok.i + 2].is_alpha
        and doc[tok.i + 2].sent == tok.sent
    )


def _clause_end(clause: Token) -> int:
    """Return the index just past ``clause``, cut before a trailing ", saying ..." or
    ", adding ..." (a cue of its own, not part of this content)."""
    end = clause.right_edge.i + 1
    for c in doc_children(clause):
        if (
            c.i > clause.i
            and c.dep_ in ("advcl", "conj")
            and c.tag_ == "VBG"
            and c.i > 0
            and clause.doc[c.i - 1].text == ","
            and c.lemma_.lower() in _SPEECH_VERBS
        ):
            end = min(end, c.left_edge.i)
    return end


def _as_phrase_end(tok: Token) -> int | None:
    """Return the token index just after the "as ..." phrase of ``tok``'s clause, or None.

    The "as" may hang on the verb or, after a long object, on a clause inside it ("He
    highlighted the draft that Kiev dropped, as evidence of ...").
    """
    ends = [
        t.head.right_edge.i + 1 if t.dep_ == "mark" else t.right_edge.i + 1
        for t in tok.subtree
        if t.i > tok.i and t.lower_ == "as" and t.dep_ in ("prep", "mark")
    ]
    return max(ends) if ends else None


def _clausal(tok: Token) -> bool:
    """Return True when ``tok`` heads a "that"/"to" clause, not a relative clause.

    A complement clause marks "that" as ``mark``; in a relative clause "that" is the
    subject or object ("the claims that he made").
    """
    if any(c.dep_ in ("mark", "aux") and c.lower_ in ("that", "to") for c in doc_children(tok)):
        return True
    return tok.dep_ != "relcl" and tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ in _SUBJECTS for c in doc_children(tok)
    )


def _is_pronoun_obj(tok: Token, lemma: str) -> bool:
    """Return True when an object is a bare pronoun a "say" verb does not report ("said it")."""
    return lemma == "say" and tok.pos_ == "PRON"


def _source_token(tok: Token) -> Token | None:
    """Return the head token of the source: the subject, the passive agent, or inherited."""
    for c in doc_children(tok):
        if c.dep_ == "agent":
            objs = [g for g in doc_children(c) if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    for c in doc_children(tok):
        if c.dep_ in _SUBJECTS and c.lower_ != "it" and not _quoted_subject(c, tok):
            return c
    if any(c.dep_ in _PASSIVE_SUBJECTS for c in doc_children(tok)):
        return None
    # "... and added", "spoke out, arguing that", "wants to say": the head's subject
    head = tok
    for _ in range(3):
        if head.dep_ not in ("conj", "xcomp", "advcl") or head.head.i == head.i:
            break
        if head.dep_ == "advcl" and any(c.dep_ == "mark" for c in doc_children(head)):
            break  # "if he says ...", "because ..." are not the head's statement
        head = head.head
        for c in doc_children(head):
            if c.dep_ in _SUBJECTS and c.lower_ != "it":
                return c
    return None


def _quoted_subject(subj: Token, verb: Token) -> bool:
    """Return True when a subject before the verb sits inside the quote that closes right
    before it ("“... in panic mode,” said Jane Doe": "mode" is the quote's own word, the
    speaker is the subject after the verb)."""
    if subj.i > verb.i:
        return False
    # a mark after the subject's own phrase: "The group “Citizens United” said" is a name
    between = verb.doc[subj.right_edge.i + 1 : verb.i]
    return any(t.tag_ == "''" or t.text in _CLOSING_QUOTES for t in between)


def _source_span(tok: Token) -> Offsets:
    """Return the source: the subject's whole phrase (appositives included), or the relative
    pronoun itself ("who suggested ...": the speaker is resolved through its head noun)."""
    doc = tok.doc
    if tok.lower_ in _RELATIVE:
        return (tok.idx, tok.idx + len(tok))
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    while start < end and doc[start].text in _QUOTES:
        start += 1
    span = _trim(doc, start, end)
    # PolNeAR's convention, which we keep: a source with an appositive or a relative
    # clause keeps the comma that closes it ("Graham, a former candidate, said").
    last = end
    while last > start and doc[last - 1].is_punct:
        last -= 1
    if last < len(doc) and doc[last].text == "," and any(
        t.text == "," for t in doc[start:last]
    ):
        return (span[0], doc[last].idx + 1)
    return span


def _cue_span(tok: Token, cue_end: int) -> Offsets:
    """Return the cue: the verb with its auxiliaries, negation and particle ("has not said")."""
    doc = tok.doc
    start = tok.i
    left = [c for c in doc_children(tok) if c.dep_ in _CUE_LEFT and c.i < tok.i]
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and (
        prev.lower_ in _CUE_ADVERBS
        or (prev.dep_ == "advmod" and prev.head.i == tok.i and prev.tag_ == "RB"
            and prev.lower_ not in _NOT_CUE_ADVERBS)
    ):
        left.append(prev)
    if left:
        first = min(c.i for c in left)
        # only when nothing but adverbs sits between ("has also said")
        if all(doc[j].dep_ in (*_CUE_LEFT, "advmod") for j in range(first, tok.i)):
            start = first
    end = cue_end
    for c in doc_children(tok):
        if c.dep_ == "prt" and c.i == end:
            end += 1
    if end < len(doc) and doc[end].lower_ in _WEEKDAYS and doc[end].head.i == tok.i:
        end += 1  # "said Monday": the day is part of the cue in news style
    elif doc[end : end + 3].text.lower() == "in a statement":
        end += 3
    elif end < len(doc) and doc[end].lower_ == "in" and doc[end].head.i == tok.i:
        objs = [c for c in doc_children(doc[end]) if c.dep_ == "pobj"]
        if objs and objs[0].lemma_.lower() in _CHANNELS and objs[0].right_edge.i == objs[0].i:
            end = objs[0].i + 1  # "said in a recent interview"
    if end < len(doc) and doc[end].text == ":":
        end += 1
    return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))


#: Prepositions an attitude adjective takes its topic with ("worried about", "critical of").
_ADJ_PREPS = frozenset({"about", "of", "with", "over", "on"})


def _adjective(tok: Token) -> Found | None:
    """Return the stance of "X was confident that ...", "X is critical of Y", or None.

    The adjective must be the complement of "be" with a subject other than "it" (the
    outlet's "it is clear that" is not a statement); the content is its clause, its
    infinitive or its topic; the cue runs from the auxiliaries of "be" to the adjective
    (and the topic's preposition).
    """
    doc = tok.doc
    if tok.dep_ == "acomp":
        be = tok.head
        subj = [c for c in doc_children(be) if c.dep_ in _SUBJECTS and c.i < be.i]
    else:  # a participle: "were convinced", with "be" as its passive auxiliary
        aux = [c for c in doc_children(tok) if c.dep_ == "auxpass"]
        if not aux:
            return None
        be = aux[0]
        subj = [c for c in doc_children(tok) if c.dep_ in _PASSIVE_SUBJECTS and c.i < be.i]
    if be.lemma_.lower() != "be" or be.i > tok.i or not subj or subj[0].lower_ == "it":
        return None
    cue_end = tok.i + 1
    clauses = [c for c in (*doc_children(tok), *doc_children(be))
               if c.i > tok.i and c.dep_ in ("ccomp", "xcomp") and _clausal(c)]  # fmt: skip
    if clauses:
        first = clauses[0]
        content = _trim(doc, first.left_edge.i, _clause_end(first))
    else:
        preps = [c for c in doc_children(tok) if c.dep_ == "prep" and c.i == tok.i + 1
                 and c.lower_ in _ADJ_PREPS]  # fmt: skip
        objs = [g for c in preps for g in doc_children(c) if g.dep_ in ("pobj", "pcomp")]
        if not objs:
            return None
        content = _trim(doc, objs[0].left_edge.i, objs[0].right_edge.i + 1)
        cue_end = tok.i + 2
    # "have not always been": the auxiliaries, negation and adverbs before "be" belong to
    # the cue, as do adverbs between "be" and the adjective ("were far more hopeful")
    if any(t.dep_ not in ("advmod", "neg", "npadvmod") for t in doc[be.i + 1 : tok.i]):
        return None
    start = be.i
    while start > 0 and doc[start - 1].head.i in (be.i, be.head.i) and (
        doc[start - 1].dep_ in _CUE_LEFT
    ):
        start -= 1
    return Found(
        cue=(doc[start].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1])),
        content=content,
        source=_source_span(subj[0]),
        source_token=subj[0].i,
        kind="indirect",
        cue_token=tok.i,
    )


def _noun(tok: Token) -> Found | None:
    """Return the attribution of a reporting noun with a clause ("X's claim that ...")."""
    doc = tok.doc
    clauses = [c for c in doc_children(tok) if c.dep_ in ("acl", "ccomp", "relcl") and _clausal(c)]
    cue_end = tok.i + 1
    if clauses:
        content = _trim(doc, clauses[0].left_edge.i, clauses[-1].right_edge.i + 1)
    else:
        # "concerns about the budget", "criticism over the delay": the topic is the content
        # and its preposition part of the cue
        topic = [c for c in doc_children(tok) if c.dep_ == "prep" and c.i == tok.i + 1
                 and c.lower_ in _NOUN_TOPIC_PREPS]  # fmt: skip
        objs = [g for c in topic for g in doc_children(c) if g.dep_ in ("pobj", "pcomp")]
        if not objs:
            return None
        content = _trim(doc, objs[0].left_edge.i, objs[0].right_edge.i + 1)
        cue_end = tok.i + 2
    source_tok: Token | None = None
    for c in doc_children(tok):
        if c.dep_ == "poss":
            source_tok = c
        elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
            objs = [g for g in doc_children(c) if g.dep_ == "pobj"]
            source_tok = objs[0] if objs else source_tok
    start = tok.i
    while start > 0 and doc[start - 1].dep_ in ("amod",) and doc[start - 1].head.i == tok.i:
        start -= 1
    source: Offsets | None = None
    if source_tok is not None:
        if source_tok.dep_ == "poss":
            source = _trim(doc, source_tok.left_edge.i, source_tok.right_edge.i + 1)
        else:
            source = _source_span(source_tok)
    return Found(
        cue=(doc[start].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1])),
        content=content,
        source=source,
        source_token=source_tok.i if source_tok is not None else None,
        kind="indirect",
        cue_token=tok.i,
    )


def _according_to(tok: Token, sent: Span) -> Found | None:
    """Return "according to X, Y": source X, content the rest of the sentence."""
    doc = tok.doc
    to = doc[tok.i + 1]
    # "according to show insiders" may parse "show" as a verb (pcomp): its phrase is the source
    objs = [c for c in doc_children(to) if c.dep_ in ("pobj", "pcomp")] or [
        c for c in doc_children(tok) if c.dep_ == "pobj"
    ]
    if not objs:
        return None
    src = objs[0]
    content = _rest_of_sentence(sent, tok.i, max(src.right_edge.i, to.i) + 1)
    if content is None:
        return None
    return Found(
        cue=(tok.idx, to.idx + len(to)),
        content=content,
        source=_source_span(src),
        source_token=src.i,
        kind="according_to",
        cue_token=tok.i,
    )


def _rest_of_sentence(sent: Span, phrase_start: int, phrase_end: int) -> Offsets | None:
    """Return the sentence around the phrase ``[phrase_start, phrase_end)`` (tokens), or None
    when nothing is left on either side."""
    doc = sent.doc
    before = _trim(doc, sent.start, phrase_start) if phrase_start > sent.start else None
    after = _trim(doc, phrase_end, sent.end) if phrase_end < sent.end else None
    parts = [p for p in (before, after) if p is not None and p[1] > p[0]]
    if not parts:
        return None
    return (parts[0][0], parts[-1][1])


def _in_words(tok: Token, sent: Span) -> Found | None:
    """Return "in X's words, Y" / "in the words of X, Y": source X, content the rest of the
    sentence, cue the whole phrase up to "words" (and its "of")."""
    doc = tok.doc
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "in" or prep.i < sent.start:
        return None
    src: Token | None = None
    end = tok.i + 1
    for c in doc_children(tok):
        if c.dep_ == "poss":
            src = c
        elif c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1:
            objs = [g for g in doc_children(c) if g.dep_ == "pobj"]
            if objs:
                src, end = objs[0], c.i + 1
    if src is None:
        return None
    src_end = src.right_edge.i + 1
    # the source stops at its possessive "'s" and at a comma ("of one adviser, a disaster"
    # is often parsed with the rest of the clause as an appositive)
    cut = [t.i for t in doc[src.i : src_end] if t.text == "," or t.dep_ == "case"]
    src_end = min([src_end, *cut])
    content = _rest_of_sentence(sent, prep.i, max(end, src_end))
    if content is None:
        return None
    source = _trim(doc, src.left_edge.i, src_end)
    return Found(
        cue=(prep.idx, doc[end - 1].idx + len(doc[end - 1])),
        content=content,
        source=source,
        source_token=src.i,
        kind="according_to",
        cue_token=prep.i,
    )


def _reportedly(tok: Token) -> Found | None:
    """Return "X reportedly met Y": cue the adverb, no source (others reported it), content
    the clause it modifies (the scorer and readers cut the adverb out), or None."""
    head = tok.head
    if head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        return None
    content = _trim(tok.doc, head.left_edge.i, _clause_end(head))
    if content[1] <= content[0]:
        return None
    return Found(
        cue=(tok.idx, tok.idx + len(tok)),
        content=content,
        source=None,
        source_token=None,
        kind="according_to",
        cue_token=tok.i,
    )


#: What a sentence-opening "In a ..., " reports as its source: a poll's findings.
_POLLS = frozenset({"poll", "survey"})


def _in_poll(tok: Token, sent: Span) -> Found | None:
    """Return "In a CNN poll released Monday, 50 percent chose X": source the poll, cue
    "In", content the rest of the sentence; None for any other opening "In"."""
    doc = tok.doc
    objs = [c for c in doc_children(tok) if c.dep_ == "pobj"]
    if not objs or objs[0].lemma_.lower() not in _POLLS:
        return None
    src = objs[0]
    end = src.right_edge.i + 1
    if end >= sent.end or doc[end].text != ",":
        return None  # "In a poll of 500 voters" with no comma: the phrase runs on
    content = _rest_of_sentence(sent, tok.i, end)
    if content is None:
        return None
    return Found(
        cue=(tok.idx, tok.idx + len(tok)),
        content=content,
        source=_trim(doc, src.left_edge.i, end),
        source_token=src.i,
        kind="according_to",
        cue_token=tok.i,
    )


def _colon_attribution(sent: Span) -> Found | None:
    """Return "Peskov: talks can begin ..." (a name, a colon, then what was said), or None."""
    doc = sent.doc
    colon = next((t for t in sent[:6] if t.text == ":"), None)
    if colon is None or colon.i == sent.start:
        return None
    end = sent.end
    if all(t.is_space for t in doc[colon.i + 1 : end]):
        # the parser ended the sentence at the colon ("TAPPER: Well, I think ...", "Jane
        # Doe: No New Taxes"): what was said is the rest of the line
        end = colon.i + 1
        while end < len(doc) and "\n" not in doc[end].text and (
            "\n" not in doc[end - 1].text_with_ws
        ):
            end += 1
    if end - colon.i < 4:
        return None
    name = doc[sent.start : colon.i]
    # "Peskov: ...", "Clinton camp: ...": a bare noun phrase, then a clause with a verb; a
    # lone capitalised word the tagger misreads as an adjective is a name too ("Okafor:")
    # a transcript's speaker in capitals, whatever the tagger makes of it ("BOULDUAN:")
    if not all(
        t.pos_ in ("PROPN", "NOUN") or t.is_punct or (t.is_upper and t.is_alpha and len(t) > 1)
        for t in name
    ) and not (len(name) == 1 and name[0].is_title and name[0].pos_ == "ADJ"):
        return None
    after = [t for t in doc[colon.i + 1 : end] if not t.is_punct and not t.is_space]
    named = any(t.pos_ == "PROPN" or t.is_title for t in name)
    # a clause with a verb; or, after a name, a headline in title case, which the tagger
    # reads as names ("Mayor Jones: Budget Cuts Hurt Every School"), or a line of its own
    # that opens the article or a paragraph ("Okafor: no new taxes before the election")
    headline = len(after) >= 3 and named and (
        all(t.text[:1].isupper() or not t.is_alpha or len(t) <= 3 for t in after)
        or _own_line(sent)
    )
    if not headline and not any(t.pos_ in ("VERB", "AUX") for t in after):
        return None
    if name[-1].lower_ in _NOTICES or name.text.lower() in _NOTICES | _INTERVIEW_LABELS:
        return None  # "Correction: ...", "Editor's note: ...": the outlet's own notice
    if headline:  # a headline runs to the end of its line, whatever the sentence split
        while end < len(doc) and "\n" not in doc[end].text and "\n" not in doc[end - 1].text:
            end += 1
    return Found(
        cue=(colon.idx, colon.idx + 1),
        content=_trim(doc, colon.i + 1, end),
        source=_trim(doc, sent.start, colon.i),
        source_token=colon.i - 1,
        kind="indirect",
        cue_token=colon.i,
    )


def _person_subject(tok: Token) -> bool:
    """Return True when the subject of ``tok`` is a personal pronoun or a person's name."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and (c.pos_ == "PRON" or c.ent_type_ == "PERSON")
        for c in doc_children(tok)
    )


def _own_line(sent: Span) -> bool:
    """Return True when ``sent`` is a whole line: it starts the text or follows a line
    break, and a line break or the end of the text follows it."""
    doc = sent.doc
    starts = sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws
    last = doc[sent.end - 1]
    ends = sent.end == len(doc) or "\n" in last.text_with_ws or "\n" in doc[sent.end].text
    return starts and ends


def _trim(doc: Doc, start: int, end: int) -> Offsets:
    """Return the character span of tokens ``[start, end)`` without punctuation at its edges.

    Quote marks stay: a quote's marks belong to the content.
    """
    while start < end and (doc[start].is_space or doc[start].text in _PUNCT_EDGE):
        start += 1
    while end > start and (
        doc[end - 1].is_space or (doc[end - 1].text in _PUNCT_EDGE)
    ):
        end -= 1
    if end <= start:
        return (doc[start].idx, doc[start].idx) if start < len(doc) else (0, 0)
    return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
