"""Parse repairs: a finite verb parsed as a noun's modifier becomes the main verb."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsevents.repairs import repair


def _doc(words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags)


def test_a_finite_acl_under_a_noun_root_becomes_the_root_with_the_noun_as_subject() -> None:
    # "Chile, which hosts the envoys, asked for calm ." parsed with "Chile" as the root
    words = ["Chile", ",", "which", "hosts", "the", "envoys", ",", "asked", "for", "calm", "."]
    heads = [0, 0, 3, 0, 5, 3, 0, 0, 7, 8, 0]
    deps = ["ROOT", "punct", "nsubj", "relcl", "det", "dobj", "punct", "acl", "prep",
            "pobj", "punct"]  # fmt: skip
    tags = ["NNP", ",", "WDT", "VBZ", "DT", "NNS", ",", "VBD", "IN", "NN", "."]
    doc = repair(_doc(words, heads, deps, tags))
    asked = doc[7]
    assert asked.dep_ == "ROOT" and asked.head == asked
    assert doc[0].dep_ == "nsubj" and doc[0].head == asked
    assert doc[10].head == asked  # the full stop follows the verb
    assert doc[3].head == doc[0]  # the relative clause stays on its noun
    assert len(list(doc.sents)) == 1


def test_a_participle_modifier_and_a_verb_with_its_own_subject_are_left_alone() -> None:
    # "the envoys sent by Chile": a participle (VBN) really modifies its noun
    doc = repair(_doc(["envoys", "sent", "by", "Chile"], [0, 0, 1, 2],
                      ["ROOT", "acl", "agent", "pobj"], ["NNS", "VBN", "IN", "NNP"]))
    assert doc[0].dep_ == "ROOT" and doc[1].dep_ == "acl"
    # a finite verb that has a subject of its own is a clause of its own
    doc = repair(_doc(["talks", "Peru", "held"], [0, 2, 0], ["ROOT", "nsubj", "acl"],
                      ["NNS", "NNP", "VBD"]))
    assert doc[0].dep_ == "ROOT" and doc[2].dep_ == "acl"


def test_a_verb_root_is_never_touched() -> None:
    doc = repair(_doc(["Peru", "left"], [1, 1], ["nsubj", "ROOT"], ["NNP", "VBD"]))
    assert doc[1].dep_ == "ROOT" and doc[0].head == doc[1]


def _parsed(words, heads, deps, tags):  # type: ignore[no-untyped-def]
    # no lemmas: the repairs run before spaCy's lemmatizer
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags)


def test_a_that_clause_parsed_as_relative_on_the_audience_becomes_what_was_told() -> None:
    # "Dao told a briefing that Arnland would send troops ." with "that" as the object of
    # "send" (which has "troops") and "send" a relative clause on "briefing"
    words = ["Dao", "told", "a", "briefing", "that", "Arnland", "would", "send", "troops", "."]
    heads = [1, 1, 3, 1, 7, 7, 7, 3, 7, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "dobj", "nsubj", "aux", "relcl", "dobj", "punct"]
    tags = ["NNP", "VBD", "DT", "NN", "WDT", "NNP", "MD", "VB", "NNS", "."]
    doc = repair(_parsed(words, heads, deps, tags))
    assert doc[7].dep_ == "ccomp" and doc[7].head == doc[1]
    assert doc[4].dep_ == "mark" and doc[4].head == doc[7]


def test_a_real_relative_clause_on_the_audience_is_left_alone() -> None:
    # "Dao told a briefing that covered the talks ...": "that" is the only subject
    words = ["Dao", "told", "a", "briefing", "that", "covered", "the", "talks", "."]
    heads = [1, 1, 3, 1, 5, 3, 7, 5, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "nsubj", "relcl", "det", "dobj", "punct"]
    tags = ["NNP", "VBD", "DT", "NN", "WDT", "VBD", "DT", "NNS", "."]
    doc = repair(_parsed(words, heads, deps, tags))
    assert doc[5].dep_ == "relcl" and doc[5].head == doc[3] and doc[4].dep_ == "nsubj"
