"""Titles before and beside a person's name: "US Secretary of State", "the Kenyan envoy".

``title_before`` reads the run of title words, countries, demonyms and seats of power before
a name; ``apposition_affiliation`` reads the country or body an apposition names ("X, the
Kenyan foreign minister"). Both return plain values for ``link`` to attach.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..doccache import children as doc_children
from .kb import Entry, KnowledgeBase
from .match import Match

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Words that may sit inside a title between a country and a name ("Foreign", "of").
TITLE_WORDS: frozenset[str] = frozenset(
    "foreign defence defense interior finance economy economic deputy vice acting former "
    "prime state policy affairs security national chief senior junior top new then "
    "incoming outgoing presidential press general first armed forces military army ministry "
    "health justice trade energy".split()
)


def affiliation(m: Match) -> tuple[Entry, str | None] | None:
    """Return the state or organisation a match names, with the sector it implies."""
    if m.entry.kind == "person" or m.via == "region":
        return None
    return m.entry, (m.surface.sector if m.via == "metonym" else None)


def title_before(
    doc: Doc, kb: KnowledgeBase, match_at: dict[int, Match], start: int
) -> tuple[int, Entry | None, str | None, str | None]:
    """Return where a title before a name starts, its country or body, text and sector.

    "US Secretary of State Antony Blinken" → (index of "US", USA, "US Secretary of
    State", "GOV"); "UN Secretary-General" reads the hyphenated title as one word. No
    title → (start, None, None, None).
    """
    j = start - 1
    first = start
    aff: tuple[Entry, str | None] | None = None
    title_word: str | None = None
    while j >= 0:
        tok = doc[j]
        m = match_at.get(j)
        if m is not None and m.end == j + 1 and affiliation(m):
            aff = aff or affiliation(m)
            first = j = m.start
            j -= 1
            continue
        low = tok.lower_
        if tok.tag_ == "POS" and j - 1 in match_at:
            first = j
            j -= 1
            continue
        if low == "of" and j > 0 and doc[j - 1].lower_ in kb.titles:
            first = j
            j -= 1
            continue
        joined = _hyphenated(doc, j)
        if joined is not None and joined in kb.titles:
            # "Secretary-General", "Vice-President": the whole word is the title
            title_word = title_word or joined
            first = j - 2
            j -= 3
            continue
        lemma = tok.lemma_.lower()
        is_title = low in kb.titles or lemma in kb.titles
        proper = tok.pos_ == "PROPN" and tok.dep_ == "compound" and tok.ent_type_ != "PERSON"
        if is_title or low in TITLE_WORDS or (proper and tok.is_title):
            if is_title and title_word is None:
                title_word = low if low in kb.titles else lemma
            first = j
            j -= 1
            continue
        break
    if title_word is None and aff is None:
        return start, None, None, None
    text = doc[first:start].text if title_word else None
    sector = (aff[1] if aff else None) or (kb.titles.get(title_word) if title_word else None)
    return first, aff[0] if aff else None, text, sector


def _hyphenated(doc: Doc, j: int) -> str | None:
    """Return "secretary-general" when tokens j-2, j-1, j spell a word with a hyphen."""
    if j < 2 or doc[j - 1].text != "-" or doc[j - 2].whitespace_ or doc[j - 1].whitespace_:
        return None
    return f"{doc[j - 2].lower_}-{doc[j].lower_}"


def apposition_affiliation(
    name_end: Token, match_at: dict[int, Match], kb: KnowledgeBase
) -> tuple[Entry, str | None, str] | None:
    """Return the country or body, sector and title an apposition gives a name, or None.

    "Ana Ruiz, the Kenyan foreign minister," → (Kenya, "GOV", "the Kenyan foreign
    minister"); "Kenya's foreign minister, Ana Ruiz," likewise. Only an apposition headed
    by a title counts.
    """
    titled = [c for c in doc_children(name_end) if c.dep_ == "appos"]
    if name_end.dep_ == "appos" and name_end.head.i < name_end.i:
        titled.append(name_end.head)  # "Qatar's emir, Sheikh Hamad": the name is the apposition
    for child in titled:
        word = child.lower_ if child.lower_ in kb.titles else child.lemma_.lower()
        if word not in kb.titles:
            continue
        for i in range(child.left_edge.i, child.i):
            m = match_at.get(i)
            if m is not None and m.start == i and affiliation(m):
                entry, sector = affiliation(m) or (m.entry, None)
                text = name_end.doc[child.left_edge.i : child.i + 1].text
                return entry, sector or kb.titles[word], text
    return None
