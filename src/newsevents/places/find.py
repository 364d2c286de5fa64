"""Find place mentions in a parsed article and link each to one gazetteer entry.

Mentions are the longest token n-grams (starting with a capital) that name a gazetteer
entry. A mention is dropped when it is part of a person's or organisation's name ("Paris
Hilton", "New York Times"), when a city name is a surname used in the article, when a city
is neither tagged as a place by the NER nor used locatively, and when it stands for a
government rather than a location ("Moscow said", "Kiev's demands"; also any actor
mention that is not locative).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..actors.state import according_to
from ..doccache import datelines as doc_datelines
from ..doccache import ents as doc_ents
from ..doccache import tokens
from .gazetteer import Entry, Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Prepositions whose object is a location ("in Crimea", "talks in Istanbul", "fled to Kyiv").
LOCATIVE_PREPS = frozenset(
    {
        "in", "at", "near", "outside", "inside", "around", "across", "throughout", "within",
        "along", "off", "into", "beyond", "from", "to", "toward", "towards", "through", "via",
        "onto", "past", "out", "underneath", "beneath", "nearby",
    }
)  # fmt: skip
#: Nouns whose "of" phrase is a location ("the port of Odesa", "the outskirts of Kherson").
PLACE_NOUNS = frozenset(
    {
        "port", "city", "town", "village", "region", "province", "capital", "outskirts",
        "suburb", "suburbs", "centre", "center", "coast", "streets", "district", "area",
        "north", "south", "east", "west", "heart", "shores", "territory", "oblast",
    }
)  # fmt: skip
#: Nouns a capital stands for its government before ("the Kiev regime", "Moscow officials").
GOVERNMENT_NOUNS = frozenset(
    {"regime", "government", "authorities", "officials", "leadership", "administration", "side"}
)
#: Words after a name that make it a region ("Kherson Region", "the Donetsk and Lugansk
#: People's Republics").
_REGION_CUE = re.compile(
    r"^(?:\s*(?:,|and|or)\s*[A-Z][\w'’-]*)*\s+(?:People['’]s Republics?|[Rr]egions?|[Oo]blasts?|"
    r"[Pp]rovinces?)\b"
)
_REGION_SUFFIX = re.compile(r"^\s+(?:People['’]s Republic|[Rr]egion|[Oo]blast|[Pp]rovince)\b")
_NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "NORP"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NUMERIC_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
)
#: The prepositions that make a bare city name (one the NER did not tag as a place) a
#: place: not "to"/"from", since "a letter to Obama" and "support from Clinton" are people.
STRICT_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "throughout"})
_KIND_RANK = {"country": 3.0, "region": 2.0, "water": 2.0, "other": 2.0, "city": 1.0}


@dataclass(frozen=True, slots=True)
class Mention:
    """A linked place mention at ``[start, end)`` of the text."""

    start: int
    end: int
    text: str
    entry: Entry


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    first: int  # token indices [first, last)
    last: int
    entries: tuple[Entry, ...]
    region_cue: bool


def is_locative(token: Token, preps: frozenset[str] = LOCATIVE_PREPS) -> bool:
    """Return True if ``token`` (a mention's head) names where something is or happens."""
    current = token
    for _ in range(4):
        if current.dep_ in ("conj", "compound", "appos") and current.head.i != current.i:
            current = current.head
            continue
        break
    if current.dep_ == "pobj":
        prep = current.head
        if according_to(prep):
            return False  # "according to Moscow": a source
        if prep.lower_ in preps:
            return True
        if prep.lower_ == "of" and prep.head.lower_ in PLACE_NOUNS:
            return True
    return False  # a dateline ("ANKARA —") is a place too: see find_places


def is_metonym(token: Token) -> bool:
    """Return True if a city stands for its government ("Moscow said", "Kiev's demands",
    "according to Moscow")."""
    if token.dep_ in ("nsubj", "nsubjpass", "poss", "agent"):
        return True
    if token.dep_ == "pobj" and according_to(token.head):
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "by" and token.head.dep_ == "agent":
        return True
    return token.dep_ == "compound" and token.head.lemma_.lower() in GOVERNMENT_NOUNS


def candidates(text: str, doc: Doc, gazetteer: Gazetteer) -> list[_Candidate]:
    """Return the longest gazetteer names in ``doc``, left to right, never overlapping."""
    out: list[_Candidate] = []
    # token attributes read once: this loop looks at each token up to max_tokens times
    toks = tokens(doc)
    n = len(toks)
    upper = [t.text[:1].isupper() for t in toks]
    starts = [t.idx for t in toks]
    ends = [t.idx + len(t.text) for t in toks]
    space = [t.is_space for t in toks]
    i = 0
    while i < n:
        if not upper[i]:
            i += 1
            continue
        match: _Candidate | None = None
        # the longest run of tokens that some name begins with; no longer one is a name
        reach = min(n, i + gazetteer.max_tokens)
        last = i
        while last < reach and gazetteer.may_start(text[starts[i] : _word_end(text, ends[last])]):
            last += 1
        for j in range(last, i, -1):
            if space[j - 1] or not (upper[j - 1] or j - 1 > i):
                continue
            start, end = starts[i], ends[j - 1]
            entries = gazetteer.lookup(text[start:end])
            if entries:
                cue = bool(_REGION_CUE.match(text[end : end + 80]))
                suffix = _REGION_SUFFIX.match(text[end : end + 30])
                if suffix and any(e.kind == "region" for e in entries):
                    end += suffix.end()  # "Kherson Region" is one mention
                match = _Candidate(start, end, i, j, tuple(entries), cue)
                break
        if match is None:
            i += 1
            continue
        out.append(match)
        i = match.last
        while i < n and starts[i] < match.end:
            i += 1
    return out


def _word_end(text: str, at: int) -> int:
    """Return where the word running through offset ``at`` ends: a token may end inside a
    word ("im" is "i" "m" to spaCy), and names are cut at the ends of words."""
    while at < len(text) and text[at].isalnum():
        at += 1
    return at


def _surnames(doc: Doc) -> set[str]:
    return {ent[-1].text for ent in doc_ents(doc) if ent.label_ == "PERSON" and len(ent) > 1}


def _inside_other_name(ents: Sequence[Span], cand: _Candidate, covered: set[int]) -> bool:
    """Return True if the mention is part of a longer proper name ("Paris Hilton", "New York
    Times", "Central Park") or of an organisation's or person's name.

    ``covered`` holds the token indices of all gazetteer candidates: "Atlanta, Georgia" as
    one entity is two places, not a longer name. ``ents`` is ``doc.ents``, read once per
    article (spaCy builds new Spans at every access).
    """
    if cand.region_cue:
        return False  # "Lugansk People's Republics" is a region whatever the NER says
    for ent in ents:
        if ent.end <= cand.first or ent.start >= cand.last:
            continue
        if ent.label_ in ("DATE", "TIME") and ent.start <= cand.first and cand.last <= ent.end:
            return True  # "In March, ...": a month, not the town of March
        if ent.label_ in _NUMERIC_LABELS:
            continue
        # Places listed in one entity ("Atlanta, Georgia") are separated by a comma or
        # "and"; without one, a second name makes a longer name ("Syracuse University").
        # The NER may label such a list anything ("Kharkiv and Odesa": WORK_OF_ART).
        listed = any(t.pos_ in ("PUNCT", "CCONJ") for t in ent)
        for t in ent:
            if cand.first <= t.i < cand.last or t.pos_ in ("DET", "PUNCT", "PART", "ADP", "CCONJ"):
                continue
            if listed and t.i in covered:
                continue
            if ent.label_ in _NAME_LABELS or t.text[:1].isupper():
                return True
    return False


def find_places(
    text: str, doc: Doc, gazetteer: Gazetteer, actor_spans: list[tuple[int, int]]
) -> list[Mention]:
    """Return the place mentions of the parsed ``text``, each linked to one gazetteer entry.

    Args:
        text: the article text the Doc was parsed from.
        doc: its spaCy Doc.
        gazetteer: the built gazetteer.
        actor_spans: ``(start, end)`` of every actor mention; a place there is kept only
            where it is used locatively ("talks in Moscow", not "Moscow said").
    """
    datelines = doc_datelines(doc)
    agencies = {i for d in datelines for i in range(d.agency_start, d.agency_end)}
    # "BEIJING, Dec. 1 (Xinhua) --": the agency is a byline, not the town of that name
    cands = [c for c in candidates(text, doc, gazetteer) if c.first not in agencies]
    covered = {i for c in cands for i in range(c.first, c.last)}
    ents = doc_ents(doc)
    cands = [c for c in cands if not _inside_other_name(ents, c, covered)]
    own_country = [
        c.entries[0].country if len({e.country for e in c.entries}) == 1 else None for c in cands
    ]
    evidence = Counter(code for code in own_country if code)
    surnames = _surnames(doc)
    out: list[Mention] = []
    for cand, own in zip(cands, own_country, strict=True):
        others = evidence.copy()
        if own:
            others[own] -= 1  # a mention is no evidence for itself
        name = text[cand.start : cand.end]
        entry = choose(cand, name, others, gazetteer.preferred(name))
        head = doc[cand.first : cand.last].root
        if any(d.has_place(cand.first) for d in datelines):
            out.append(Mention(cand.start, cand.end, text[cand.start : cand.end], entry))
            continue  # "PORT SUDAN, Sudan (AP) —": where the story was filed
        if not is_locative(head) and any(s < cand.end and cand.start < e for s, e in actor_spans):
            continue
        if entry.kind == "city" and not _city_reading(head, name, surnames, entry.population):
            continue
        out.append(Mention(cand.start, cand.end, text[cand.start : cand.end], entry))
    return out


#: A city this large is read as the city when the NER mislabels it ("Russian missiles hit
#: Kharkiv": tagged ORG; "Drones struck Zaporizhzhia": PERSON) but the parse makes it what
#: an act is aimed at: an object or a preposition's object, not a speaking subject.
BIG_CITY = 500_000


def _city_reading(head: Token, name: str, surnames: set[str], population: int = 0) -> bool:
    """Return True if a city name is used as a place: not a surname of the article, and
    tagged as a place by the NER (and not its government), after "in", "near", ..., or,
    for a big city, as an object."""
    if name in surnames:
        return False
    if head.ent_type_ in _PLACE_LABELS and not is_metonym(head):
        return True
    if population >= BIG_CITY and _object_use(head):
        return True
    return is_locative(head, STRICT_PREPS)


def _object_use(token: Token) -> bool:
    """Return True when ``token`` (or the conjunct it follows) is an object or a
    preposition's object: "hit Kharkiv and Odesa", "attacks on Kharkiv"."""
    current = token
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head
    return current.dep_ in ("dobj", "obj", "pobj")


def choose(cand: _Candidate, name: str, evidence: Counter[str], prefer: int | None) -> Entry:
    """Return the entry a mention most likely means.

    Countries beat regions beat cities; among cities the most populous. A region cue
    ("Region", "Oblast") keeps only regions; the article's other places add weight to
    entries in their country; a ``prefer`` entry from countries.yaml beats the rule.
    """
    entries = cand.entries
    if cand.region_cue:
        entries = tuple(e for e in entries if e.kind == "region") or entries

    def score(e: Entry) -> float:
        if prefer is not None and e.geonames_id == prefer:
            return 100.0
        base = _KIND_RANK.get(e.kind, 1.0)
        if e.kind == "city":
            base += math.log10(e.population + 1) / 10  # 0.4 for 10,000 people, 0.7 for 10 M
        if e.name == name:
            base += 0.05  # its own name, not an alternate spelling of another place's
        if e.country and evidence[e.country]:
            base += 0.1 if e.kind == "city" else 1.5 if e.kind == "region" else 0.0
        return base

    return max(entries, key=score)
