"""Link the actors a parsed article names: people with their titles, sectors, states, metonyms.

``link(doc, kb, day)`` returns plain findings: the links (span → referent), the places
that are not actors (they block pronouns), and the definite descriptions and possessives
left for coreference ("the spokesman", "his country"). The order of the passes matters:
people first (they absorb their titles), then noun phrases with a sector ("the Ukrainian
government"), then bare names and metonyms, then spaCy's other entities.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import MentionVia
from .kb import Entry, KnowledgeBase, norm
from .match import Match, find_matches
from .refs import (
    Link,
    Referent,
    entity_referent,
    person_referent,
    role_referent,
    sector_referent,
)
from .titles import TITLE_WORDS, affiliation, apposition_affiliation, title_before

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
POSSESSIVE_PRONOUNS: frozenset[str] = frozenset({"its", "his", "her", "their"})
ACTOR_LABELS: frozenset[str] = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "LOC"})
#: Single words spaCy sometimes tags as entities in page furniture ("Source link").
DEBRIS: frozenset[str] = frozenset(
    "source link share comment comments read more advertisement photo image video "
    "subscribe related".split()
)


@dataclass(frozen=True, slots=True)
class Pending:
    """A phrase whose referent depends on earlier text, resolved by coreference.

    ``kind`` is "title" ("the spokesman", "the Ukrainian president"), "sector" ("the
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


def link(doc: Doc, kb: KnowledgeBase, day: dt.date | None) -> Linked:
    """Return the links, places and pending descriptions of ``doc``."""
    state = _State(doc, kb, day, find_matches(doc, kb, day))
    state.people()
    state.noun_phrases()
    state.names()
    state.other_entities()
    return state.out


class _State:
    """The passes over one doc, sharing the matches and the tokens already used."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, day: dt.date | None, matches: list[Match]):
        self.doc, self.kb, self.day = doc, kb, day
        self.matches = matches
        self.match_at: dict[int, Match] = {i: m for m in matches for i in range(m.start, m.end)}
        self.used: set[int] = set()
        self.orgs_by_end: dict[int, Referent] = {}
        self.ent_of: dict[int, Span] = {i: e for e in doc.ents for i in range(e.start, e.end)}
        self.name_ent: dict[int, Span] = {
            i: e for i, e in self.ent_of.items() if e.label_ in ("ORG", "FAC")
        }
        self.out = Linked()

    # -- helpers -------------------------------------------------------------------------
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
                plural=root.tag_ in ("NNS", "NNPS"),
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
        return (
            nxt.is_title
            and (nxt.pos_ == "PROPN" or nxt.ent_iob_ == "I")
            and low not in TITLE_WORDS
            and low not in kb.titles
            and nxt.lemma_.lower() not in kb.descriptors
        )

    def is_place(self, m: Match) -> bool:
        """Return True when the match is used as a location ("in Kiev", a dateline)."""
        root = self.doc[m.end - 1]
        if root.dep_ in ("compound", "amod") and root.head.i >= m.end:
            # a modifier ("from United Nations peacekeepers"): the place, if any, is the head
            return root.head.lower_ in PLACE_WORDS
        preps = STATE_LOCATIVE if m.entry.kind == "state" and m.via != "metonym" else LOCATIVE
        if root.dep_ == "pobj" and root.head.lower_ in preps:
            return True
        after = self.doc[m.end] if m.end < len(self.doc) else None
        dateline = (m.start == 0 or "\n" in self.doc[m.start - 1].text) and after is not None
        return bool(
            dateline
            and after
            and after.text in ("—", "-", "–", ",")
            and self.doc[m.start].text.isupper()
        )

    # -- pass 1: people ------------------------------------------------------------------
    def people(self) -> None:
        """Link every person: KB people and spaCy PERSON entities, with titles."""
        doc = self.doc
        person_ents = [e for e in doc.ents if e.label_ == "PERSON"]
        whole = {(e.start, e.end) for e in person_ents}
        spans: list[tuple[int, int, Entry | None, float, MentionVia]] = []
        for m in self.matches:
            if m.entry.kind != "person":
                continue
            # A surname alone ("Ortega") names a KB person only when spaCy sees exactly that
            # name as a person; inside "Joaquin Ortega" it is someone else.
            one_word = m.via == "surname" or " " not in m.surface_text
            if one_word and (m.start, m.end) not in whole:
                continue
            via: MentionVia = "alias" if m.via == "alias" else "name"
            spans.append((m.start, m.end, m.entry, m.confidence, via))
        taken = {i for s, e, _, _, _ in spans for i in range(s, e)}
        for ent in person_ents:
            if any(i in taken for i in range(ent.start, ent.end)):
                continue
            if any(
                self.match_at[i].entry.kind != "person"
                for i in range(ent.start, ent.end)
                if i in self.match_at
            ):
                continue  # "Kiev" tagged PERSON: the knowledge base knows better
            if ent[-1].lower_ in PLACE_WORDS:
                self.out.places.append(ent.end - 1)
                continue
            start = ent.start
            while start < ent.end and doc[start].lower_ in self.kb.titles:
                start += 1  # "President Zelensky" tagged whole: the name is what is left
            if start == ent.end or doc[ent.end - 1].lower_ in DEBRIS:
                continue
            if self.kb.fuzzy(ent.text, kinds=("state", "organization", "group")):
                continue  # a misspelt state tagged PERSON: left to the entity pass
            entry, conf = self.fuzzy_person(doc[start : ent.end].text)
            spans.append((start, ent.end, entry, conf, "name" if conf == 1 else "alias"))
        spans += self.titled_names({i for s, e, _, _, _ in spans for i in range(s, e)})
        for start, end, entry, conf, via in sorted(spans, key=lambda s: s[0]):
            self.person(start, end, entry, conf, via)
        people = {i for s, e, _, _, _ in spans for i in range(s, e)}
        self.matches = [m for m in self.matches if m.entry.kind != "person" or m.start in people]

    def titled_names(
        self, taken: set[int]
    ) -> list[tuple[int, int, Entry | None, float, MentionVia]]:
        """Return names spaCy missed right after a title: "envoy Ana Ruiz", "Minister Li"."""
        doc = self.doc
        out: list[tuple[int, int, Entry | None, float, MentionVia]] = []
        for tok in doc:
            if tok.lower_ not in self.kb.titles or tok.i + 1 >= len(doc):
                continue
            end = tok.i + 1
            while (
                end < len(doc)
                and end - tok.i <= 3
                and doc[end].pos_ == "PROPN"
                and doc[end].is_title
                and end not in taken
                and end not in self.match_at
                and doc[end].ent_type_ in ("", "PERSON")
            ):
                end += 1
            if end > tok.i + 1 and doc[end - 1].dep_ != "compound":
                out.append((tok.i + 1, end, None, 0.8, "name"))
        return out

    def fuzzy_person(self, text: str) -> tuple[Entry | None, float]:
        """Return the KB person a misspelt name is, with the match score, else (None, 1)."""
        if " " not in text.strip():
            return None, 1.0
        found = self.kb.fuzzy(text, kinds=("person",), cutoff=0.9)
        if found is None:
            return None, 1.0
        return self.kb.entries[found[0].entry_id], found[2]

    def person(
        self, start: int, end: int, entry: Entry | None, conf: float, via: MentionVia
    ) -> None:
        """Link one person name, with the title before it or in an apposition."""
        doc = self.doc
        t_start, aff, title, t_sector = title_before(doc, self.kb, self.match_at, start)
        role = entry.role_on(self.day) if entry else None
        if aff is None and role is None:
            beside = apposition_affiliation(doc[end - 1], self.match_at, self.kb)
            if beside is not None:  # "Ana Ruiz, the Kenyan foreign minister"
                aff, t_sector, title = beside
        if entry and role is None and self.day and aff is None:
            role = entry.last_role_before(self.day)  # a former office still says the country
        name = doc[start:end].text
        ref = person_referent(entry, role, name, aff, title, t_sector)
        self.add(t_start, end, via, ref, conf, head=end - 1)
        appos = [c for c in doc[end - 1].children if c.dep_ == "appos"]
        for child in appos:
            sub = doc[child.left_edge.i : child.i + 1]
            if child.lower_ in self.kb.titles or child.lemma_.lower() in self.kb.titles:
                self.add(sub.start, sub.end, "descriptor", ref, conf, head=child.i)

    # -- pass 2: noun phrases with a sector --------------------------------------------------
    def noun_phrases(self) -> None:
        """Link "the Ukrainian government", "senior Russian officials", "Ukraine's army"."""
        for chunk in self.doc.noun_chunks:
            root = chunk.root
            if root.tag_ == "NNS":
                self.out.plural_heads.append(root.i)
            if root.i in self.used:
                continue
            self.noun_phrase(chunk, root)

    def noun_phrase(self, chunk: Span, root: Token) -> None:
        kb = self.kb
        low = root.lemma_.lower()
        pair = f"{root.nbor(-1).lemma_.lower()} {low}" if root.i > chunk.start else ""
        sector = kb.descriptors.get(pair) or kb.descriptors.get(low)
        title = pair if pair in kb.titles else (low if low in kb.titles else None)
        plural = root.tag_ in ("NNS", "NNPS")
        if title and plural:
            sector, title = sector or kb.titles[title], None
        is_state = low in kb.state_nouns
        is_body = low in kb.body_nouns
        if not (sector or title or is_state or is_body):
            return
        affs = [
            m
            for i, m in sorted(self.match_at.items())
            if chunk.start <= i < root.i
            and i == m.start
            and self.affiliation(m)
            and not self.part_of_name(m)
        ]
        if not affs and (sector or is_state):
            affs = self.fuzzy_affiliation(chunk, root)
        of_aff = self.of_affiliation(root)
        if of_aff is not None:
            affs.append(of_aff)
        definite = chunk[0].lower_ == "the"
        pronoun = next(
            (t.i for t in chunk if t.lower_ in POSSESSIVE_PRONOUNS and t.dep_ == "poss"), -1
        )
        end = of_aff.end if of_aff is not None else chunk.end
        start = chunk.start
        if not affs:
            if pronoun >= 0 or (definite and not plural):
                kind = (
                    "title" if title else ("state" if is_state else "body" if is_body else "sector")
                )
                word = title or low
                self.out.pending.append(
                    Pending(
                        chunk.start_char,
                        self.doc[end - 1].idx + len(self.doc[end - 1]),
                        root.i,
                        kind,
                        word,
                        sector,
                        None,
                        pronoun,
                    )
                )
            return
        for m in affs:
            self.used.update(range(m.start, m.end))
        if is_body and not (sector or title):
            return  # "the NATO alliance": the name alone links it
        if title:
            entry = affs[-1].entry
            if (
                definite
                or pronoun >= 0
                or chunk[0].tag_ == "POS"
                or any(t.tag_ == "POS" for t in chunk)
            ):
                self.out.pending.append(
                    Pending(
                        chunk.start_char,
                        self.doc[end - 1].idx + len(self.doc[end - 1]),
                        root.i,
                        "title",
                        title,
                        kb.titles[title],
                        entry.id,
                    )
                )
                self.used.update(range(start, end))
                return
            ref = role_referent(entry, self.doc[affs[-1].end : root.i + 1].text, kb.titles[title])
            self.add(start, end, "descriptor", ref, head=root.i)
            return
        if len(affs) > 1:  # "Hungarian and Romanian officials": one actor each
            for m in affs:
                entry, met_sector = self.affiliation(m) or (m.entry, None)
                ref = entity_referent(entry) if is_state else sector_referent(entry, sector)
                self.add(m.start, m.end, "descriptor", ref, head=root.i)
            return
        entry, met_sector = self.affiliation(affs[0]) or (affs[0].entry, None)
        ref = entity_referent(entry) if is_state else sector_referent(entry, sector or met_sector)
        self.add(start, end, "descriptor", ref, head=root.i)

    def fuzzy_affiliation(self, chunk: Span, root: Token) -> list[Match]:
        """Return a misspelt state before a sector noun ("the Phillippines military")."""
        names = [t for t in chunk if t.i < root.i and t.pos_ == "PROPN" and t.i not in self.used]
        if not names:
            return []
        span = self.doc[names[0].i : names[-1].i + 1]
        found = self.kb.fuzzy(span.text, kinds=("state",))
        if found is None:
            return []
        entry = self.kb.entries[found[0].entry_id]
        return [Match(span.start, span.end, entry, found[0], span.text, found[2])]

    def of_affiliation(self, root: Token) -> Match | None:
        """Return the state or body in "the government of Ukraine", "president of Armenia"."""
        for prep in root.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    m = self.match_at.get(obj.i)
                    if obj.dep_ == "pobj" and m is not None and self.affiliation(m):
                        return m
        return None

    # -- pass 3: bare names, metonyms, demonyms -----------------------------------------------
    def names(self) -> None:
        """Link the remaining KB matches: states, organisations, metonyms, plural demonyms."""
        for m in self.matches:
            if any(i in self.used for i in range(m.start, m.end)) or m.entry.kind == "person":
                continue
            ent = self.name_ent.get(m.start)
            lead = ent.start + 1 if ent is not None and ent[0].lower_ == "the" else -1
            if (
                ent is not None
                and (max(ent.start, lead) < m.start or ent.end > m.end)
                and m.via != "alias"
            ):
                continue  # "Baghdad University": part of another name, left to the entity pass
            if m.via == "region" or self.is_place(m):
                self.out.places.append(m.end - 1)
                continue
            if m.end - m.start == 1 and self.part_of_name(m):
                continue  # "West Darfur State" is not the West
            via: MentionVia = "alias" if m.via == "alias" else "name"
            if m.via == "metonym":
                self.add(m.start, m.end, "metonym", sector_referent(m.entry, m.surface.sector))
            elif m.via == "demonym":
                self.demonym(m)
            else:
                self.add(m.start, m.end, via, entity_referent(m.entry), m.confidence)

    def demonym(self, m: Match) -> None:
        """Link "the Palestinians" (the state's side) and "Ukrainians" (its people)."""
        tok = self.doc[m.end - 1]
        head = tok.head
        if tok.dep_ in ("amod", "compound", "nmod") and head.i >= m.end and head.pos_ == "NOUN":
            self.national_modifier(m, head)
            return
        if tok.tag_ not in ("NNS", "NNPS") or tok.dep_ in ("amod", "compound"):
            return
        if m.entry.kind != "state":
            self.add(m.start, m.end, "descriptor", entity_referent(m.entry))
        elif m.start > 0 and self.doc[m.start - 1].lower_ == "the":
            self.add(m.start - 1, m.end, "descriptor", entity_referent(m.entry))
        else:
            self.add(m.start, m.end, "descriptor", sector_referent(m.entry, "CVL"))

    def national_modifier(self, m: Match, head: Token) -> None:
        """Link a national adjective before a noun as the party it names.

        "Ugandan opposition candidates" → Uganda's opposition (a sector word between);
        "an Indian proposal", "Western aid" → India's government, the West (a noun for what
        a government does, ``act_nouns``); "Palestinian prisoners" → the state. Not inside
        a longer name ("the Indian Ocean"). The mention is no antecedent for pronouns.
        """
        doc, kb = self.doc, self.kb
        ent = self.ent_of.get(m.start)
        if ent is not None and ent.label_ != "NORP" and len(ent) > m.end - m.start:
            return
        sector, end = None, m.end
        for tok in doc[m.end : head.i]:
            found = kb.descriptors.get(tok.lemma_.lower())
            if found and tok.dep_ in ("compound", "amod", "nmod"):
                sector, end = found, tok.i + 1
        if sector is None and head.lemma_.lower() in kb.act_nouns:
            sector = "GOV"
        ref = sector_referent(m.entry, sector) if sector else entity_referent(m.entry)
        self.add(m.start, end, "descriptor", ref, head=m.end - 1, candidate=False)

    # -- pass 4: what spaCy found and the KB does not know ----------------------------------
    def other_entities(self) -> None:
        """Link misspelt names (fuzzy) and unknown organisations; drop places and debris."""
        for ent in self.doc.ents:
            if ent.label_ not in ACTOR_LABELS:
                continue
            if any(i in self.used for i in range(ent.start, ent.end)):
                continue
            words = norm(ent.text).split()
            if not words or (len(words) == 1 and words[0] in DEBRIS):
                continue
            after = self.doc[ent.end].lower_ if ent.end < len(self.doc) else ""
            if words[-1] in PLACE_WORDS or after in PLACE_WORDS:
                self.out.places.append(ent.end - 1)
                continue
            inside = [self.match_at[i] for i in range(ent.start, ent.end) if i in self.match_at]
            if inside:
                if ent.label_ == "ORG" and len(ent) > len(inside) and self.affiliation(inside[0]):
                    self.unknown_org(ent, inside[0].entry)  # "the Liberian Peace Council"
                continue
            kinds = ("state", "organization", "group")
            found = self.kb.fuzzy(ent.text, kinds=kinds) if ent.label_ != "NORP" else None
            if found is not None:
                entry = self.kb.entries[found[0].entry_id]
                fake = Match(ent.start, ent.end, entry, found[0], ent.text, found[2])
                if self.is_place(fake):
                    self.out.places.append(ent.end - 1)
                else:
                    self.add(ent.start, ent.end, "alias", entity_referent(entry), found[2])
            elif ent.label_ == "ORG":
                self.unknown_org(ent)
            elif ent.label_ in ("GPE", "LOC", "FAC"):
                self.out.places.append(ent.end - 1)

    def unknown_org(self, ent: Span, country: Entry | None = None) -> None:
        """Link an organisation the KB does not hold, with a sector from its last word.

        "Revolutionary United Front (RUF)": the acronym in brackets is the same actor.
        """
        name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        last = ent[-1].lemma_.lower()
        sector = self.kb.descriptors.get(
            f"{ent[-2].lemma_.lower()} {last}" if len(ent) > 1 else ""
        ) or self.kb.descriptors.get(last)
        code = country.id if country is not None and country.kind == "state" else None
        cameo = (country.cameo or code) + (sector or "") if code and country else None
        ref = Referent(("org", norm(name)), "organization", name, code, sector, cameo)
        acronym = self._acronym_before(ent)
        if acronym is not None:
            ref = acronym
        self.add(ent.start, ent.end, "name", ref, 0.6)
        self.orgs_by_end[ent.end] = ref

    def _acronym_before(self, ent: Span) -> Referent | None:
        """Return the organisation an acronym in brackets right after its name stands for."""
        doc = self.doc
        if ent.start >= 2 and doc[ent.start - 1].text == "(" and ent.text.isupper():
            return self.orgs_by_end.get(ent.start - 1)
        return None
