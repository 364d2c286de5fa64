"""Shared state of the linking passes: the doc, the KB matches, the links made so far.

``LinkState`` holds what every pass reads and writes (the matches by token, the tokens
already used, the output ``Linked``) and the small tests they share (is a match a place,
does it begin a longer name). The passes live in ``people`` and ``link``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..doccache import datelines, ents, sent_starts
from ..model import MentionVia
from .kb import Entry, KnowledgeBase
from .match import Match
from .refs import Link, Referent
from .titles import TITLE_WORDS, affiliation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: A name governed by one of these is where something happens, not who does it.
LOCATIVE: frozenset[str] = frozenset(
    "in inside within across throughout at near around into to toward towards from via "
    "outside through".split()
)
#: States are places only after these ("fighting in Ukraine"); "from Ukraine" may act.
STATE_LOCATIVE: frozenset[str] = frozenset(
    "in inside within across throughout at near around outside through".split()
)
PLACE_WORDS: frozenset[str] = frozenset(
    "region regions oblast province provinces district republic republics peninsula "
    "territory territories city village town".split()
)
#: Sectors that act where they are: "rebels in Chad" are Chad's rebels; troops, officials
#: and diplomats in a country may be foreign.
HOME_SECTORS: frozenset[str] = frozenset({"REB", "OPP", "CVL", "COP", "LEG", "JUD", "UAF"})
#: Nouns that, definite and singular, mean an armed or political group named before:
#: "Hezbollah ... the Iran-backed terror group", "the RSF ... the militia".
GROUP_NOUNS: frozenset[str] = frozenset(
    {"group", "militia", "movement", "faction", "outfit", "organisation", "organization"}
)
#: Modifiers that make "the ... group" a new one: "the other group", "the first group".
NON_ANAPHORIC: frozenset[str] = frozenset(
    {"other", "another", "first", "second", "third", "new", "next", "last", "different"}
)
#: Plural last words of singular names: "the Israel Defense Forces said its jets ...".
SINGULAR_NAME_HEADS: frozenset[str] = frozenset(
    {"forces", "nations", "states", "emirates", "guards", "brigades", "corps"}
)
#: Titles of offices held at home: an unknown holder is of the country the text is set in.
DOMESTIC_TITLES: frozenset[str] = frozenset(
    "president vice-president prime premier minister king queen emir sultan monarch "
    "governor mayor chancellor general".split()
)
POSSESSIVE_PRONOUNS: frozenset[str] = frozenset({"its", "his", "her", "their"})
#: Weapons and equipment named after their maker or model: "Patriot missiles", "IRIS-T
#: systems" name a product, not an actor (spaCy often tags the name PERSON or ORG).
EQUIPMENT_NOUNS: frozenset[str] = frozenset(
    "aircraft artillery battery bomber drone fighter helicopter howitzer interceptor jet "
    "launcher missile munition rifle rocket shell system tank vehicle warplane warship".split()
)
ACTOR_LABELS: frozenset[str] = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "LOC"})
#: Single words spaCy sometimes tags as entities in page furniture ("Source link").
DEBRIS: frozenset[str] = frozenset(
    "source link share comment comments read more advertisement photo image video "
    "subscribe related".split()
)


def according_to(prep: Token) -> bool:
    """Return True for the "to" of "according to" (what follows is a source, not a place)."""
    return prep.lower_ == "to" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "according"


@dataclass(frozen=True, slots=True)
class Pending:
    """A phrase whose referent depends on earlier text, resolved by coreference.

    ``kind`` is "title" ("the spokesman", "the Ukrainian president"), "epithet" ("the
    Kremlin stooge": a person named before), "group" ("the militant group": a group
    named before, else read as a sector), "sector" ("the
    government") or "state" ("the country"); ``pronoun`` is the token index of a possessive
    ("his country", "its military"), else -1.
    """

    start: int
    end: int
    head: int
    kind: str
    word: str
    sector: str | None
    affiliation: str | None = None
    pronoun: int = -1


@dataclass
class Linked:
    """What linking found in one article."""

    links: list[Link] = field(default_factory=list)
    places: list[int] = field(default_factory=list)  # head token indices
    pending: list[Pending] = field(default_factory=list)
    plural_heads: list[int] = field(default_factory=list)  # plural noun phrases (for "they")




class LinkState:
    """What the passes over one doc share: the matches, the tokens already used, the output."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, day: dt.date | None, matches: list[Match]):
        self.doc, self.kb, self.day = doc, kb, day
        self.matches = matches
        self.match_at: dict[int, Match] = {i: m for m in matches for i in range(m.start, m.end)}
        self.used: set[int] = set()
        self.orgs_by_end: dict[int, Referent] = {}
        # unknown people with a domestic title and no country (link index, name, title,
        # sector), and the countries each sentence places itself in (by sentence start)
        self.untethered: list[tuple[int, str, str, str | None]] = []
        self.settings: dict[int, set[str]] = {}
        # "ethnic Albanians" (link index, the people's state, sector): placed by the sentence
        self.ethnic: list[tuple[int, Entry, str | None]] = []
        # unknown bodies with a home sector and no country ("Parliament"): link indices
        self.homeless: list[int] = []
        self.ent_of: dict[int, Span] = {i: e for e in ents(doc) for i in range(e.start, e.end)}
        self.name_ent: dict[int, Span] = {
            i: e for i, e in self.ent_of.items() if e.label_ in ("ORG", "FAC")
        }
        self.out = Linked()
        self.datelines = datelines(doc)

    # -- helpers -------------------------------------------------------------------------
    def is_equipment(self, ent: Span) -> bool:
        """Return True for a name that modifies a weapon or equipment noun ("Patriot missiles")."""
        head = ent.root
        while head.dep_ in ("compound", "nmod", "amod", "nummod") and head.head.i > head.i:
            head = head.head
            if head.pos_ == "NOUN" and head.lemma_.lower() in EQUIPMENT_NOUNS:
                return True
        return False

    def add(
        self,
        start_tok: int,
        end_tok: int,
        via: MentionVia,
        ref: Referent,
        conf: float = 1.0,
        head: int | None = None,
        candidate: bool = True,
    ) -> None:
        """Record a link over tokens ``[start_tok, end_tok)``, with a possessive 's."""
        doc = self.doc
        if end_tok < len(doc) and doc[end_tok].tag_ == "POS":
            end_tok += 1
        if (
            start_tok > 0
            and doc[start_tok - 1].lower_ == "the"
            and via in ("name", "alias", "metonym")
        ):
            start_tok -= 1
        span = doc[start_tok:end_tok]
        root = doc[head] if head is not None else span.root
        self.out.links.append(
            Link(
                span.start_char,
                span.end_char,
                via,
                ref,
                root.i,
                conf,
                plural=root.tag_ in ("NNS", "NNPS")
                and not (
                    root.tag_ == "NNPS"
                    and ref.kind != "person"
                    and root.lower_ in SINGULAR_NAME_HEADS
                ),
                subject=root.dep_ in ("nsubj", "nsubjpass"),
                candidate=candidate,
            )
        )
        self.used.update(range(start_tok, end_tok))

    def affiliation(self, m: Match) -> tuple[Entry, str | None] | None:
        """Return the state or organisation a match names, with the sector it implies."""
        return affiliation(m)

    def part_of_name(self, m: Match) -> bool:
        """Return True when a match begins a longer name ("West Darfur State", "West African").

        The next word is a capitalised proper noun, or continues the same entity, and is
        neither a KB name nor a title or sector word ("Ukrainian Foreign Ministry" is a
        sector phrase).
        """
        doc, kb = self.doc, self.kb
        if m.end >= len(doc):
            return False
        after = self.match_at.get(m.end)
        if after is not None and after.via != "region":  # "West Darfur": a region's name
            return False
        nxt = doc[m.end]
        low = nxt.lower_
        if nxt.tag_ == "NNPS" and nxt.ent_iob_ == "B":
            return False  # "Syrian Kurds": a people of its own, not the rest of one name
        return (
            nxt.is_title
            and (nxt.pos_ == "PROPN" or nxt.ent_iob_ == "I")
            and low not in TITLE_WORDS
            and low not in kb.titles
            and nxt.lemma_.lower() not in kb.descriptors
        )

    def ends_a_name(self, m: Match) -> bool:
        """Return True when a demonym ends a longer name ("Latin American", "North African").

        The word before is capitalised, inside the same national-group entity (NORP; not
        "Radical French farmers", tagged ORG), and no KB name itself.
        """
        if m.via != "demonym" or m.start == 0:
            return False
        before = self.doc[m.start - 1]
        ent = self.ent_of.get(m.start)
        return (
            before.is_title
            and ent is not None
            and ent.label_ == "NORP"
            and ent.start < m.start
            and (m.start - 1) not in self.match_at
        )

    def is_place(self, m: Match) -> bool:
        """Return True when the match is used as a location ("in Kiev", a dateline)."""
        if self.in_dateline(m.start):
            return True
        root = self.doc[m.end - 1]
        if root.dep_ in ("compound", "amod") and root.head.i >= m.end:
            # a modifier ("from United Nations peacekeepers"): the place, if any, is the head
            return root.head.lower_ in PLACE_WORDS
        if m.entry.kind in ("organization", "group") and m.via != "metonym":
            return False  # "an editorial in People's Daily", "a seat in NATO": never a place
        preps = STATE_LOCATIVE if m.entry.kind == "state" and m.via != "metonym" else LOCATIVE
        prep = root.head
        if according_to(prep):
            return False  # "according to the Pentagon": a source, not a destination
        return root.dep_ == "pobj" and prep.lower_ in preps

    def in_dateline(self, i: int) -> bool:
        """Return True when token ``i`` is in a dateline's place ("PORT SUDAN, Sudan (AP) —")."""
        return any(d.has_place(i) for d in self.datelines)

    def dateline_agencies(self) -> None:
        """Mark the agency in a dateline ("DOHA (Reuters) —") as used: a byline, no actor."""
        for d in self.datelines:
            self.used.update(range(d.agency_start, d.agency_end))

    # -- pass 1: people ------------------------------------------------------------------
    def setting(self, i: int, country: str) -> None:
        """Note that the sentence of token ``i`` takes place in (or among) ``country``."""
        self.settings.setdefault(sent_starts(self.doc)[i], set()).add(country)

