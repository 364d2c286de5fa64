"""The people pass of linking: KB people and spaCy PERSON entities, with their titles.

A person's country and sector come from their KB role on the publication date, else from
the title before the name or an apposition, else (a domestic title only) from the one
country the sentence is set in.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..doccache import children as doc_children
from ..doccache import ents, sent_starts, tokens
from ..model import MentionVia
from .kb import Entry
from .refs import Link, Referent, person_referent
from .state import DEBRIS, DOMESTIC_TITLES, PLACE_WORDS, LinkState
from .titles import TITLE_WORDS, apposition_affiliation, title_before

if TYPE_CHECKING:
    from spacy.tokens import Span

#: Verbs of saying whose reported clause tells whom a speaker speaks for.
SPEECH_VERBS: frozenset[str] = frozenset(
    "say tell state add announce warn declare insist stress emphasise emphasize".split()
)
#: What a person's possessive names that acts and speaks for them ("Netanyahu's office").
PERSONAL_BODIES: frozenset[str] = frozenset({"office", "camp", "team"})


class PeoplePass(LinkState):
    """The people pass and the late fix-up of untethered titled people."""

    def people(self) -> None:
        """Link every person: KB people and spaCy PERSON entities, with titles."""
        doc = self.doc
        person_ents = joined_names([e for e in ents(doc) if e.label_ == "PERSON"])
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
            if ent[-1].lower_ in PLACE_WORDS or self.in_dateline(ent.start):
                self.out.places.append(ent.end - 1)
                continue
            if self.is_equipment(ent):
                continue  # "Patriot missiles"
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
        self.repeated_surnames()

    def repeated_surnames(self) -> None:
        """Join a bare surname to the person the article names in full.

        "Prime Minister Elisabeth Borne said ... Borne spoke": spaCy tags the second
        mention as a person of its own, as nothing, as an organisation ("Burhan" after
        "Abdel Fattah al-Burhan"), or the KB reads it as a demonym ("Sudani" after
        "Mohammed Shia al-Sudani"). Within one article the full name settles it, as a
        reader would, anywhere in the text (headlines use the surname first). A surname
        two people share ("Maria Delgado", "Luis Delgado") is left alone; a KB name of a
        state or organisation keeps its reading unless spaCy itself sees a person there.
        """
        doc = self.doc
        owners: dict[str, set[tuple[str, ...]]] = {}
        refs: dict[str, Referent] = {}
        full_keys: set[tuple[str, ...]] = set()
        for link in self.out.links:
            ref = link.referent
            words = self._name_words(link)
            if ref.kind != "person" or len(words) < 2:
                continue
            full_keys.add(ref.key)
            # the last word, and the first of a short name: "Lin Jian ... Lin urged"
            for word in {words[-1], words[0]} if len(words) <= 3 else {words[-1]}:
                owners.setdefault(word, set()).add(ref.key)
                refs[word] = ref

        def owner(word: str) -> Referent | None:
            keys = owners.get(word)
            return refs[word] if keys is not None and len(keys) == 1 else None

        for n, link in enumerate(self.out.links):
            ref = link.referent
            if ref.kind != "person" or len(self._name_words(link)) != 1:
                continue
            full = owner(doc[link.head].text)
            # a KB person known here by one word only loses it to the person named in full
            if full is not None and full.key != ref.key and ref.key not in full_keys:
                self.out.links[n] = replace(link, referent=full)
        for tok in tokens(doc):
            full = owner(tok.text)
            if full is None or tok.i in self.used or not tok.is_title:
                continue
            m = self.match_at.get(tok.i)
            if m is not None and m.via in ("name", "alias", "metonym", "region") and (
                m.entry.kind != "person" and tok.ent_type_ != "PERSON"
            ):
                continue  # "Jordan" the state, whatever surname the article also has
            if tok.ent_type_ not in ("", "PERSON", "ORG", "NORP", "GPE"):
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.is_title and nxt.pos_ == "PROPN":
                continue  # the start of a longer name ("Borne Industries")
            # spaCy may tag a surname it does not know as anything ("Dagalo, ..." as ADV);
            # at a sentence start, only a subject ("Dagalo, widely known as ...", "Borne said")
            subject = nxt is not None and (nxt.text == "," or nxt.pos_ in ("VERB", "AUX"))
            if tok.pos_ != "PROPN" and tok.is_sent_start and not subject:
                continue
            self.add(tok.i, tok.i + 1, "name", full, 0.9, head=tok.i)

    def _name_words(self, link: Link) -> list[str]:
        """Return the words of a person link's name, titles left out ("Lin", "Jian")."""
        doc, kb = self.doc, self.kb
        words: list[str] = []
        i = link.head
        while i >= 0 and doc[i].idx >= link.start:
            tok = doc[i]
            if tok.text in ("-", "'s", "’s") or tok.lower_ in ("al", "el", "bin", "ibn"):
                i -= 1
                continue
            if not tok.is_title or tok.lower_ in kb.titles or tok.lower_ in TITLE_WORDS:
                break
            words.insert(0, tok.text)
            i -= 1
        return words

    def titled_names(
        self, taken: set[int]
    ) -> list[tuple[int, int, Entry | None, float, MentionVia]]:
        """Return names spaCy missed right after a title: "envoy Ana Ruiz", "Minister Li"."""
        doc = self.doc
        out: list[tuple[int, int, Entry | None, float, MentionVia]] = []
        for i in self.kb.title_scan.positions(doc):
            tok = doc[i]
            if tok.i + 1 >= len(doc):
                continue
            if f"{tok.lower_} {doc[tok.i + 1].lower_}" in self.kb.descriptors:
                continue  # "the General Staff": a body, not General Staff the person
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
        if entry and aff is not None and role is not None and role.country != aff.id:
            # "French President Emmanuel Macron": the office the title names
            role = entry.role_in(aff.id, self.day) or role
        if aff is None and role is None:
            beside = apposition_affiliation(doc[end - 1], self.match_at, self.kb)
            if beside is not None:  # "Ana Ruiz, the Kenyan foreign minister"
                aff, t_sector, title = beside
        of_state = end + 1 < len(doc) and doc[end].lower_ == "of"
        if aff is None and role is None and title and of_state:
            after = self.match_at.get(end + 1)  # "King Hassan of Morocco"
            if after is not None and after.start == end + 1 and after.entry.kind == "state":
                aff = after.entry
        if entry and role is None and self.day and aff is None:
            role = entry.last_role_before(self.day)  # a former office still says the country
        name = doc[start:end].text
        ref = person_referent(entry, role, name, aff, title, t_sector)
        if entry is None and aff is None and title and DOMESTIC_TITLES & set(title.lower().split()):
            self.untethered.append((len(self.out.links), name, title, t_sector))
        self.add(t_start, end, via, ref, conf, head=end - 1)
        own = end + 1
        if own < len(doc) and doc[end].tag_ == "POS" and doc[own].lower_ in PERSONAL_BODIES:
            # "Netanyahu's office said": the office speaks for the person
            self.add(own, own + 1, "descriptor", ref, conf, head=own)
        appos = [c for c in doc_children(doc[end - 1]) if c.dep_ == "appos"]
        for child in appos:
            sub = doc[child.left_edge.i : child.i + 1]
            if child.lower_ in self.kb.titles or child.lemma_.lower() in self.kb.titles:
                self.add(sub.start, sub.end, "descriptor", ref, conf, head=child.i)

    # -- pass 2: noun phrases with a sector --------------------------------------------------

    def place_people(self) -> None:
        """Give an unknown "President X" the one country the sentence is set in.

        "President Ana Ruiz lifted the curfew imposed in Arnland": a domestic title with no
        country, of a person the KB does not know, takes the country of the sentence's
        places (states, regions; not capitals, which visitors go to), its national
        adjectives on people ("the Zambian people") and its national bodies, when there is
        exactly one. A person mentioned again keeps the country (same referent key).
        """
        for index in self.homeless:  # "Parliament", "the Supreme Court": that country's
            link = self.out.links[index]
            found = self.settings.get(sent_starts(self.doc)[link.head], set())
            country = self.kb.get(next(iter(found))) if len(found) == 1 else None
            ref = link.referent
            if country is not None and ref.sector is not None:
                code = (country.cameo or country.id) + ref.sector
                self.out.links[index] = replace(
                    link, referent=replace(ref, country=country.id, cameo=code)
                )
        for index, name, title, sector in self.untethered:
            link = self.out.links[index]
            found = self.settings.get(sent_starts(self.doc)[link.head], set())
            spoken = self.spoken_for(link)
            if spoken is not None:
                found = {spoken}
            if len(found) != 1:
                continue
            country = self.kb.get(next(iter(found)))
            ref = person_referent(None, None, name, country, title, sector)
            old = link.referent
            for k, other in enumerate(self.out.links):  # "Galuzin" again: the same person
                if other.referent == old:
                    self.out.links[k] = replace(other, referent=ref)

    def spoken_for(self, person: Link) -> str | None:
        """Return the state a titled speaker's own clause speaks for, or None.

        "Russia will not agree to a ceasefire unless Ukrainian troops leave, Deputy Foreign
        Minister X said": the reported clause's subject, a state or its government, is the
        side the minister speaks for, whatever else the sentence is set in.
        """
        head = self.doc[person.head]
        verb = head.head
        if not head.dep_.startswith("nsubj") or verb.lemma_.lower() not in SPEECH_VERBS:
            return None
        for clause in doc_children(verb):
            if clause.dep_ != "ccomp":
                continue
            subjects = {c.i for c in doc_children(clause) if c.dep_.startswith("nsubj")}
            for link in self.out.links:
                ref = link.referent
                if link.head in subjects and ref.country and (
                    ref.kind == "state" or ref.sector == "GOV"
                ):
                    return ref.country
        return None

    def place_ethnic_groups(self) -> None:
        """Give "ethnic Albanians" the one country their sentence is set in, as CAMEO does.

        "ethnic Albanians demonstrated in Arnland": Arnland's people of Albanian ethnicity
        (country Arnland), not Albania's. With no single setting, the people's own state stays.
        """
        for index, entry, sector in self.ethnic:
            link = self.out.links[index]
            found = self.settings.get(sent_starts(self.doc)[link.head], set())
            if len(found) != 1 or entry.id in found:
                continue
            country = self.kb.get(next(iter(found)))
            if country is None:
                continue
            sector = sector or "CVL"
            people = entry.demonyms[-1] if entry.demonyms else entry.name
            ref = Referent(("ethnic", entry.id, country.id, sector), "group",
                           f"ethnic {people} in {country.name}", country.id, sector,
                           (country.cameo or country.id) + sector)  # fmt: skip
            self.out.links[index] = replace(link, referent=ref)


def joined_names(ents: list[Span]) -> list[Span]:
    """Return the PERSON entities with abutting ones joined into one name.

    spaCy splits long Arabic and Spanish names in two ("Mohammed bin Abdulrahman" +
    "Al Thani"); two names with nothing between them are one person.
    """
    out: list[Span] = []
    for ent in ents:
        if out and out[-1].end == ent.start:
            out[-1] = ent.doc[out[-1].start : ent.end]
        else:
            out.append(ent)
    return out
