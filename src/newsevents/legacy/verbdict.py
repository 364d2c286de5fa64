"""Reader for the PETRARCH/TABARI verb-pattern dictionary (``*.verbs.txt``, CAMEO verbs).

The format, as the files and PETRARCH's documentation describe it:

* ``&NAME`` starts a synonym set (synset); the ``+PHRASE`` lines under it are its members
  (words joined by blanks or ``_`` must be consecutive). Regular plurals of the last word
  are added unless the phrase or the label ends with ``_``. A member may name another
  synset (``+&TIETYPES``); it is expanded when the file has been read.
* ``--- NAME [CODE] ---`` starts a verb block; ``[CODE]`` is the code of a verb alone
  (none, or ``[---]``: the verb alone codes nothing).
* Verb lines: ``VERB {IRREGULAR FORMS} [CODE]``. A multi-word verb marks its verb word
  with ``+`` (``+BREAK_DOWN``, ``WIRE_+TAP``); without a ``+`` the first word is the verb.
* Pattern lines: ``- WORDS * WORDS [CODE]``. ``*`` is the verb, ``$`` the source, ``+``
  the target, ``%`` a compound actor (source and target of each other), ``^`` skips a
  noun phrase, ``&NAME`` any member of a synset. A blank between two elements lets other
  words come between them; ``_`` requires them to be adjacent. ``[A:B]`` codes the event
  A from source to target and the event B back. Patterns with TABARI's ``{a | b}``
  disjunctions are skipped, as PETRARCH skips them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..errors import DataError
from .lines import content_lines, error, read_text

ElementKind = Literal["word", "synset", "source", "target", "compound", "skip"]
_MARKERS: dict[str, ElementKind] = {"$": "source", "+": "target", "%": "compound", "^": "skip"}
_CODE = re.compile(r"\[\s*([^\]\s]+)\s*\]")


@dataclass(frozen=True, slots=True)
class Element:
    """One element of a pattern: a word, a synset, an actor slot or a skip.

    ``tight`` says there may be no other word between this element and its neighbour
    towards the verb (the next element for words before ``*``, the previous one after it).
    """

    kind: ElementKind
    value: str = ""
    tight: bool = False


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """A pattern of a verb block: elements before and after the verb, and its code."""

    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: str
    line: int


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """A verb of a block: its verb word, the words fixed around it, forms and own code."""

    verb: str
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    code: str | None = None
    line: int = 0


@dataclass(slots=True)
class VerbBlock:
    """A block of synonymous verbs sharing one list of patterns."""

    name: str
    code: str | None
    line: int
    verbs: list[VerbEntry] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass(slots=True)
class VerbDictionary:
    """A whole verb dictionary: synsets (name → phrases) and blocks, in file order."""

    path: str
    synsets: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    blocks: list[VerbBlock] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def plural(word: str) -> str:
    """Return the regular plural PETRARCH forms: +S, Y → IES, SS → SSES."""
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith("SS"):
        return word + "ES"
    return word + "S"


def _code(text: str) -> str | None:
    """Return the code inside the first ``[...]`` of ``text``, or None."""
    m = _CODE.search(text)
    return m.group(1) if m else None


def _split_atoms(body: str) -> list[tuple[str, bool]]:
    """Return the atoms of a pattern body, each with "joined to the next by ``_``"."""
    atoms: list[tuple[str, bool]] = []
    for chunk in body.split():
        parts = chunk.split("_")
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            if part:
                atoms.append((part, not last))
            elif atoms and not last:
                atoms[-1] = (atoms[-1][0], True)
            elif atoms and last and i > 0:
                # "KNOWN_ *": a trailing "_" joins the word to the next chunk.
                atoms[-1] = (atoms[-1][0], True)
    return atoms


def _merge_synset_names(
    atoms: list[tuple[str, bool]], synsets: dict[str, object]
) -> list[tuple[str, bool]]:
    """Join ``&A`` ``B`` atoms back into ``&A_B`` where that is a defined synset name."""
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(atoms):
        text, joined = atoms[i]
        if text.startswith("&"):
            name = text[1:].upper()
            while joined and i + 1 < len(atoms) and f"{name}_{atoms[i + 1][0].upper()}" in synsets:
                i += 1
                name = f"{name}_{atoms[i][0].upper()}"
                joined = atoms[i][1]
            text = "&" + name
        out.append((text, joined))
        i += 1
    return out


def parse_pattern(text: str, synsets: dict[str, object], path: str, number: int) -> VerbPattern:
    """Return the pattern of a ``- ... [CODE]`` line (without its leading ``-``).

    Raises:
        DataError: no code, no ``*``, more than one ``*``, or an undefined synset.
    """
    code = _code(text)
    if code is None:
        raise error(path, number, f"pattern has no [code]: {text.strip()!r}")
    body = text[: text.index("[")]
    atoms = _merge_synset_names(_split_atoms(body), synsets)
    stars = [i for i, (a, _) in enumerate(atoms) if a == "*"]
    if len(stars) != 1:
        raise error(path, number, f"pattern needs exactly one '*' (the verb): {body.strip()!r}")
    star = stars[0]
    elements: list[Element] = []
    for i, (atom, joined) in enumerate(atoms):
        if i == star:
            continue
        # Before the verb, tight means joined to the right neighbour; after it, joined to the
        # left one (the atom before carries the "_").
        tight = joined if i < star else atoms[i - 1][1]
        if atom in _MARKERS:
            elements.append(Element(_MARKERS[atom], "", tight))
        elif atom.startswith("&"):
            name = atom[1:].upper()
            if name not in synsets:
                raise error(path, number, f"pattern uses undefined synset &{name}")
            elements.append(Element("synset", name, tight))
        else:
            elements.append(Element("word", atom.upper(), tight))
    return VerbPattern(tuple(elements[:star]), tuple(elements[star:]), code, number)


def parse_verb(text: str, number: int) -> VerbEntry:
    """Return the verb of a verb line such as ``+BREAK_DOWN {+BROKE_DOWN}`` or ``SAY [010]``."""
    code = _code(text)
    forms_text = ""
    if "{" in text:
        forms_text = text[text.index("{") + 1 : text.index("}") if "}" in text else len(text)]
    head = re.split(r"[\[{]", text, maxsplit=1)[0]
    words, verb_at = _verb_words(head)
    forms = tuple(
        w for form in forms_text.split() if (w := _verb_words(form)[0][_verb_words(form)[1]])
    )
    return VerbEntry(
        verb=words[verb_at],
        before=tuple(words[:verb_at]),
        after=tuple(words[verb_at + 1 :]),
        forms=forms,
        code=code,
        line=number,
    )


def _verb_words(text: str) -> tuple[list[str], int]:
    """Return the words of a (multi-word) verb and the index of the verb word."""
    words = [w for w in re.split(r"[\s_]+", text.strip().upper()) if w]
    verb_at = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    return [w.lstrip("+") for w in words], verb_at


def read_verbs(path: str | Path, *, strict: bool = True) -> VerbDictionary:
    """Return the verb dictionary in ``path``.

    Args:
        path: a PETRARCH verb-pattern file.
        strict: raise on a malformed line; when False, skip it and note it in ``skipped``.

    Raises:
        MissingInputError: the file does not exist.
        DataError: a malformed line (``file:line: what is wrong``), when ``strict``.
    """
    src = str(path)
    out = VerbDictionary(src)
    raw_synsets: dict[str, list[tuple[str, bool, int]]] = {}
    synset_plain: dict[str, bool] = {}  # label ends with "_": no plurals
    pending: list[tuple[VerbBlock, str, int]] = []
    current_synset: str | None = None
    block: VerbBlock | None = None
    for line in content_lines(read_text(path)):
        text = line.text.strip()
        if not text:
            continue
        try:
            if text.startswith("&"):
                label = text[1:].split()[0]
                current_synset = label.rstrip("_").upper()
                synset_plain[current_synset] = label.endswith("_")
                raw_synsets.setdefault(current_synset, [])
                block = None
            elif text.startswith("---"):
                # "--- NAME [CODE] ---"; the code may be missing ("--- SEND ###").
                name = re.split(r"\[|---", text[3:], maxsplit=1)[0].strip(" _#").upper()
                code = _code(text)
                block = VerbBlock(name, code, line.number)
                out.blocks.append(block)
                current_synset = None
            elif text.startswith("-"):
                if block is None:
                    raise error(src, line, "pattern outside a verb block")
                if "{" in text or "|" in text:
                    out.skipped.append(f"{src}:{line.number}: disjunctive pattern skipped")
                    continue
                pending.append((block, text[1:], line.number))
            elif text.startswith("+") and current_synset is not None:
                member = text[1:].strip()
                raw_synsets[current_synset].append(
                    (member.rstrip("_"), member.endswith("_"), line.number)
                )
            elif block is not None:
                block.verbs.append(parse_verb(text, line.number))
            else:
                raise error(src, line, f"line outside any synset or verb block: {text!r}")
        except DataError:
            if strict:
                raise
            out.skipped.append(f"{src}:{line.number}: {line.raw.strip()}")
    out.synsets = _expand_synsets(raw_synsets, synset_plain, src)
    for blk, body, number in pending:
        try:
            blk.patterns.append(parse_pattern(body, out.synsets, src, number))  # type: ignore[arg-type]
        except DataError:
            if strict:
                raise
            out.skipped.append(f"{src}:{number}: {body.strip()}")
    return out


def _expand_synsets(
    raw: dict[str, list[tuple[str, bool, int]]], plain: dict[str, bool], path: str
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Return each synset's phrases (with plurals), members naming synsets expanded."""

    def expand(name: str, seen: tuple[str, ...]) -> list[tuple[str, ...]]:
        phrases: list[tuple[str, ...]] = []
        for member, no_plural, number in raw[name]:
            if member.startswith("&"):
                inner = member[1:].rstrip("_").upper()
                if inner not in raw or inner in seen:
                    raise error(path, number, f"synset &{name} names unknown or cyclic &{inner}")
                phrases.extend(expand(inner, (*seen, inner)))
                continue
            words = tuple(w for w in re.split(r"[\s_]+", member.upper()) if w)
            if not words:
                raise error(path, number, f"empty member in synset &{name}")
            phrases.append(words)
            if not (no_plural or plain[name]):
                phrases.append((*words[:-1], plural(words[-1])))
        return phrases

    return {name: tuple(dict.fromkeys(expand(name, (name,)))) for name in raw}
