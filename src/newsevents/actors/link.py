"""Link the actors a parsed article names: people with their titles, sectors, states, metonyms.

``link(doc, kb, day)`` returns plain findings: the links (span → referent), the places
that are not actors (they block pronouns), and the definite descriptions and possessives
left for coreference ("the spokesman", "his country"). The order of the passes matters:
people first (they absorb their titles), then noun phrases with a sector ("the Ukrainian
government"), then bare names and metonyms, then spaCy's other entities.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from ..doccache import children as doc_children
from ..doccache import ents, tokens
from ..model import MentionVia
from .kb import Entry, KnowledgeBase, norm
from .match import Match, find_matches
from .people import PeoplePass
from .refs import INSTITUTIONS, Referent, entity_referent, role_referent, sector_referent
from .state import (
    ACTOR_LABELS,
    DEBRIS,
    GROUP_NOUNS,
    HOME_SECTORS,
    NON_ANAPHORIC,
    PLACE_WORDS,
    POSSESSIVE_PRONOUNS,
    Linked,
    Pending,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Linked", "Pending", "link"]


def link(doc: Doc, kb: KnowledgeBase, day: dt.date | None, text: str | None = None) -> Linked:
    """Return the links, places and pending descriptions of ``doc`` (``text``: its text)."""
    state = _State(doc, kb, day, find_matches(doc, kb, day, text))
    state.dateline_agencies()
    state.people()
    state.noun_phrases()
    state.names()
    state.other_entities()
    state.acronyms()
    state.place_people()
    state.place_ethnic_groups()
    return state.out


class _State(PeoplePass):
    """The passes over one doc, sharing the matches and the tokens already used."""

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
        plural = root.tag_ in ("NNS", "NNPS")
        if root.is_sent_start and root.tag_ == "NNP" and low.endswith("s") and len(low) > 3:
            # "Rebels in Chad ...": a capitalised plural opening a sentence, tagged NNP
            low, plural = (low[:-3] + "y" if low.endswith("ies") else low[:-1]), True
        if low in kb.epithet_nouns and not plural:
            self.epithet(chunk, root)
            return
        pair = f"{root.nbor(-1).lemma_.lower()} {low}" if root.i > chunk.start else ""
        sector = kb.descriptors.get(pair) or kb.descriptors.get(low)
        title = pair if pair in kb.titles else (low if low in kb.titles else None)
        if title and plural:
            sector, title = sector or kb.titles[title], None
        is_state = low in kb.state_nouns
        is_body = low in kb.body_nouns
        is_group = (
            low in GROUP_NOUNS
            and not (title or is_state or is_body)
            # "the biggest group", "the second group", "another group": not one named before
            and not any(
                c.tag_ in ("JJS", "CD") or c.lower_ in NON_ANAPHORIC for c in doc_children(root)
            )
        )
        if not (sector or title or is_state or is_body or is_group):
            return
        affs = [
            m
            for i, m in sorted(self.match_at.items())
            if chunk.start <= i < root.i
            and i == m.start
            and self.affiliation(m)
            and not self.part_of_name(m)
            and not self.ends_a_name(m)  # "Latin American leaders" are not the US's
            and not self.hyphen_agent(m)  # "a Western-backed government" is not the West's
        ]
        if not affs and (sector or is_state):
            affs = self.fuzzy_affiliation(chunk, root)
        of_aff = self.of_affiliation(root)
        if of_aff is None and not affs and sector in HOME_SECTORS:
            of_aff = self.in_affiliation(root)  # "rebels in Chad"
        elif (
            of_aff is None
            and not affs
            and sector == "GOV"
            and plural
            and not any(c.dep_ == "compound" for c in doc_children(root))  # "relief officials"
        ):
            of_aff = self.in_affiliation(root, capital=True)  # "officials in Beirut"
        if of_aff is not None:
            affs.append(of_aff)
        definite = chunk[0].lower_ == "the"
        pronoun = next(
            (t.i for t in chunk if t.lower_ in POSSESSIVE_PRONOUNS and t.dep_ == "poss"), -1
        )
        if is_group and not sector and (affs or plural or not definite or pronoun >= 0):
            return  # only "the group" alone means one named before: not "an Israeli movement"
        end = chunk.end if of_aff is None else max(of_aff.end, of_aff_end(of_aff, root))
        start = chunk.start
        if not affs:
            if pronoun >= 0 or (definite and not plural):
                kind = (
                    "title" if title else
                    "state" if is_state else
                    "body" if is_body else
                    "group" if is_group and pronoun < 0 else
                    "sector"
                )  # fmt: skip
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
        if is_body and not (sector or title):  # "the NATO alliance", "the UN refugee agency"
            body = affs[-1]
            via: MentionVia = "alias" if body.end > root.i else "descriptor"
            self.add(start, max(end, body.end), via, entity_referent(body.entry), head=root.i)
            return
        if title:
            entry = affs[-1].entry
            if any(c.dep_ == "appos" and c.i in self.used for c in doc_children(root)):
                return  # "Kuwait's emir, Sheikh Nasser": the named person, linked already
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
            words = self.doc[affs[-1].end : root.i + 1] if affs[-1].end <= root.i else [
                t for t in chunk if t.i <= root.i and t.dep_ != "det"]  # "a spokesman for X"
            ref = role_referent(entry, " ".join(t.text for t in words), kb.titles[title])
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
        if ref.sector in HOME_SECTORS and entry.kind == "state":
            self.setting(start, entry.id)  # "Fijian rebels", "an Argentine judge": at home
        self.add(start, end, "descriptor", ref, head=root.i)

    def epithet(self, chunk: Span, root: Token) -> None:
        """Leave "the Kremlin stooge" to coreference as a person named before.

        The name-calling noun's modifiers name its master, not its country: neither the
        Kremlin nor Putin is the stooge. With a name in apposition ("Putin's puppet
        Lukashenko") the name says who it is, and is linked by itself.
        """
        if any(
            c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" for c in doc_children(root)
        ):
            return
        if chunk[0].lower_ not in ("the", "this", "that") and not any(
            t.dep_ == "poss" for t in chunk
        ):
            return  # "a Kremlin stooge" is anyone: no one named before
        for m in list(self.match_at.values()):
            if chunk.start <= m.start and m.end <= root.i:
                self.used.update(range(m.start, m.end))
        self.used.update(range(chunk.start, chunk.end))
        end = self.doc[chunk.end - 1]
        self.out.pending.append(
            Pending(chunk.start_char, end.idx + len(end), root.i, "epithet", root.lemma_.lower(),
                    None)
        )

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
        """Return the state or body in "the government of Ukraine", "president of Armenia",
        and, for a title, "a spokesman for the Belarusian foreign ministry" (the body's own
        national modifier: the ministry is no KB name, "Belarusian" is)."""
        kb = self.kb
        is_title = root.lemma_.lower() in kb.titles or root.lower_ in kb.titles
        for prep in doc_children(root):
            if prep.dep_ != "prep" or prep.lower_ not in (("of", "for") if is_title else ("of",)):
                continue
            for obj in doc_children(prep):
                if obj.dep_ != "pobj":
                    continue
                m = self.match_at.get(obj.i)
                if m is not None and self.affiliation(m):
                    return m
                if not is_title or obj.lemma_.lower() not in kb.descriptors:
                    continue
                for mod in obj.lefts:  # "for the Belarusian foreign ministry"
                    m = self.match_at.get(mod.i)
                    if mod.dep_ in ("amod", "compound", "poss") and m is not None and (
                        self.affiliation(m)
                    ):
                        return m
        return None

    def in_affiliation(self, root: Token, capital: bool = False) -> Match | None:
        """Return the state in "rebels in Chad", "protesters in Georgia" (home sectors only).

        With ``capital`` (for officials): a state or its capital, without marking it as the
        officials' setting: "officials in Beirut" are Lebanon's officials.
        """
        for prep in doc_children(root):
            if prep.dep_ == "prep" and prep.lower_ == "in":
                for obj in doc_children(prep):
                    m = self.match_at.get(obj.i)
                    if obj.dep_ != "pobj" or m is None or m.end != obj.i + 1:
                        continue
                    if capital:
                        if m.via in ("metonym", "name", "alias") and m.entry.kind == "state":
                            return m
                    elif m.entry.kind == "state" and m.via in ("name", "alias"):
                        self.setting(m.start, m.entry.id)
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
                if m.entry.kind == "state" and m.via != "metonym":  # not a capital: visits
                    self.setting(m.start, m.entry.id)
                continue
            if m.end - m.start == 1 and self.part_of_name(m):
                continue  # "West Darfur State" is not the West
            via: MentionVia = "alias" if m.via == "alias" else "name"
            if m.via == "metonym":
                self.add(m.start, m.end, "metonym", sector_referent(m.entry, m.surface.sector))
            elif m.via == "demonym":
                if not self.ends_a_name(m):
                    self.demonym(m)
            else:
                self.add(m.start, m.end, via, entity_referent(m.entry), m.confidence)

    def demonym(self, m: Match) -> None:
        """Link "the Palestinians" (the state's side) and "Ukrainians" (its people)."""
        tok = self.doc[m.end - 1]
        head = tok.head
        # "an Indian proposal"; "Iraqi Kurds" (a people, tagged as a plural proper noun)
        noun = head.pos_ == "NOUN" or (head.tag_ == "NNPS" and head.i not in self.match_at)
        if tok.dep_ in ("amod", "compound", "nmod") and head.i >= m.end and noun:
            self.national_modifier(m, head)
            return
        if self.hyphen_agent(m):  # "Turkish-mediated talks": Turkey's government mediates
            self.add(m.start, m.end, "descriptor", sector_referent(m.entry, "GOV"), candidate=False)
            return
        shared = self.shared_head(tok)
        if shared is not None:  # "Sierra Leonean and Liberian refugees", parsed as two nouns
            sector = self.kb.descriptors.get(shared.lemma_.lower())
            ref = sector_referent(m.entry, sector) if sector else entity_referent(m.entry)
            self.add(m.start, m.end, "descriptor", ref, head=m.end - 1, candidate=False)
            return
        if tok.tag_ not in ("NNS", "NNPS") or tok.dep_ in ("amod", "compound"):
            return
        if m.entry.kind != "state":
            self.add(m.start, m.end, "descriptor", entity_referent(m.entry))
        elif m.start > 0 and self.doc[m.start - 1].lower_ == "the":
            self.add(m.start - 1, m.end, "descriptor", entity_referent(m.entry))
        else:
            self.note_ethnic(m, "CVL")
            self.add(m.start, m.end, "descriptor", sector_referent(m.entry, "CVL"))

    def shared_head(self, tok: Token) -> Token | None:
        """Return the noun a singular demonym shares with a coordinated one, or None.

        The parser reads "Sierra Leonean and Liberian refugees" as the noun "Sierra
        Leonean" and the conjunct "Liberian refugees": both adjectives modify "refugees".
        """
        if tok.tag_ != "NNP" or not any(c.dep_ == "cc" for c in doc_children(tok)):
            return None
        for conj in doc_children(tok):
            if conj.dep_ == "conj" and conj.pos_ == "NOUN" and any(
                c.dep_ in ("amod", "compound")
                and c.i in self.match_at
                and self.match_at[c.i].via == "demonym"
                for c in conj.lefts
            ):
                return conj
        return None

    def hyphen_agent(self, m: Match) -> bool:
        """Return True for the agent of a hyphenated participle: "Western-backed coup".

        The parse must support it: the name modifies (npadvmod) the participle right after
        the hyphen, the participle (``agent_participles``: led, backed, mediated ...)
        modifies a noun. "Russian-speaking", "Russian-made" name no agent.
        """
        doc = self.doc
        tok, part = doc[m.end - 1], doc[m.end - 1].head
        return (
            tok.dep_ == "npadvmod"
            and part.i == m.end + 1
            and doc[m.end].text == "-"
            and part.tag_ == "VBN"
            and part.lower_ in self.kb.agent_participles
            and part.dep_ == "amod"
            and part.head.pos_ == "NOUN"
        )

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
        if ref.kind == "state" or sector in HOME_SECTORS:
            # "the Zambian people", "Fijian rebels", "an Argentine judge": at home there
            self.setting(m.start, m.entry.id)
        self.note_ethnic(m, sector)
        self.add(m.start, end, "descriptor", ref, head=m.end - 1, candidate=False)

    def note_ethnic(self, m: Match, sector: str | None) -> None:
        """Note a people named as an ethnicity ("ethnic Albanians"), placed once all is read."""
        if m.start > 0 and self.doc[m.start - 1].lower_ == "ethnic" and m.entry.kind == "state":
            self.ethnic.append((len(self.out.links), m.entry, sector))

    # -- pass 4: what spaCy found and the KB does not know ----------------------------------
    def other_entities(self) -> None:
        """Link misspelt names (fuzzy) and unknown organisations; drop places and debris."""
        for ent in ents(self.doc):
            if ent.label_ not in ACTOR_LABELS:
                continue
            if any(i in self.used for i in range(ent.start, ent.end)):
                continue
            words = norm(ent.text).split()
            if not words or (len(words) == 1 and words[0] in DEBRIS) or self.is_equipment(ent):
                continue
            after = self.doc[ent.end].lower_ if ent.end < len(self.doc) else ""
            root = ent.root  # "the city of El Fasher", tagged ORG
            named_place = root.dep_ == "pobj" and root.head.lower_ == "of" and (
                root.head.head.lower_ in PLACE_WORDS
            )
            if words[-1] in PLACE_WORDS or after in PLACE_WORDS or named_place or (
                self.in_dateline(ent.start)
            ):
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

    def acronyms(self) -> None:
        """Join an acronym to the actor whose name it abbreviates in this article.

        "Sudan's army and RSF agree ... The Rapid Support Forces said": the KB cannot list
        every acronym (RSF is also a press-freedom group), but within one article the
        spelled-out name settles it. Only an acronym no KB entry claims, of exactly one
        actor named in full.
        """
        doc = self.doc
        by_initials: dict[str, set[tuple[str, ...]]] = {}
        refs: dict[str, Referent] = {}
        for link in self.out.links:
            ref = link.referent
            if ref.kind in ("organization", "group") and " " in ref.name:
                initials = _initials(ref.name)
                if len(initials) >= 2:
                    by_initials.setdefault(initials, set()).add(ref.key)
                    refs[initials] = ref
        for n, link in enumerate(self.out.links):
            ref = link.referent
            full = refs.get(ref.name) if len(by_initials.get(ref.name, ())) == 1 else None
            if ref.key[0] == "org" and ref.name.isupper() and full and full.key != ref.key:
                self.out.links[n] = replace(link, referent=full)
        for tok in tokens(doc):
            word = tok.text
            if tok.i in self.used or tok.i in self.match_at:
                continue
            if not (word.isupper() and word.isalpha()):
                continue
            if len(by_initials.get(word, ())) == 1:
                self.add(tok.i, tok.i + 1, "alias", refs[word], 0.9, head=tok.i)

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
        if code is not None:  # "the Kenya Anti-Corruption Commission"
            self.setting(ent.start, code)
        acronym = self._acronym_before(ent)
        if acronym is not None:
            ref = acronym
        elif code is None and sector in HOME_SECTORS | INSTITUTIONS:
            # "Parliament", "the Supreme Court": a national body of the sentence's country
            self.homeless.append(len(self.out.links))
        self.add(ent.start, ent.end, "name", ref, 0.6)
        self.orgs_by_end[ent.end] = ref

    def _acronym_before(self, ent: Span) -> Referent | None:
        """Return the organisation an acronym in brackets right after its name stands for."""
        doc = self.doc
        if ent.start >= 2 and doc[ent.start - 1].text == "(" and ent.text.isupper():
            return self.orgs_by_end.get(ent.start - 1)
        return None


#: Words an acronym skips: "Organization for Security and Co-operation in Europe" → OSCE.
_MINOR = frozenset({"the", "of", "and", "for", "in", "on", "to", "de", "del", "la"})


def _initials(name: str) -> str:
    """Return the acronym a name gives: "Rapid Support Forces" → "RSF"."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _MINOR]
    return "".join(w[0] for w in words if w[:1].isupper())


def of_aff_end(m: Match, root: Token) -> int:
    """Return where the phrase holding an after-the-head affiliation ends: "a spokesman for
    the Belarusian foreign ministry" runs to "ministry", not to "Belarusian"."""
    tok = root.doc[m.start]
    while tok.head.i != root.i and tok.head.i != tok.i and tok.dep_ != "prep":
        tok = tok.head
    return tok.right_edge.i + 1 if tok.head.i == root.i else m.end
