"""The test spinner and the provenance test set built from PolNeAR (a small slice)."""

from __future__ import annotations

import random
from importlib import resources
from pathlib import Path

import pytest
import yaml

from newsevents.provenance import find_links
from newsevents.provenance.spin import Spinner, excerpt, light_edit, restructure, verbatim
from newsevents.provenance.testset import KINDS, build
from provenance_samples import ORIGINAL


def test_provenance_spin_synonyms_load_sorted_lower_case() -> None:
    ref = resources.files("newsevents") / "data" / "provenance" / "spin_synonyms.yaml"
    table = yaml.safe_load(ref.read_text(encoding="utf-8"))["synonyms"]
    keys = list(table)
    assert keys == sorted(keys)
    assert all(k == k.lower() and str(v).strip() and str(v) != k for k, v in table.items())


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The senator resigned from the committee last year, because he faced a scandal at home.",
         "Because he faced a scandal at home, the senator resigned from the committee last year."),
        ("On Tuesday, the senator resigned from the committee after a long fight.",
         "The senator resigned from the committee after a long fight on Tuesday."),
        ("“We will win this election in November,” Smith said.",
         "Smith said: “We will win this election in November.”"),
        ("Hillary Clinton endorsed the new trade agreement.",
         "The new trade agreement was endorsed by Hillary Clinton."),
        ("The mayor said the bridge would reopen in the spring.", None),
        ("Smith said the bridge would reopen in the spring.",
         "The bridge would reopen in the spring, Smith said."),
        ("According to the police, the road was closed for three hours.",
         "The road was closed for three hours, according to the police."),
    ],
)  # fmt: skip
def test_provenance_spin_moves_clauses(sentence: str, expected: str | None) -> None:
    moved = restructure(sentence)
    assert (moved[1] if moved else None) == expected


def test_provenance_spin_is_deterministic_and_changes_words() -> None:
    spinner = Spinner()
    a = spinner.spin(ORIGINAL, 7).text
    assert a == spinner.spin(ORIGINAL, 7).text
    assert "has stated" in a and "Eklund" in a and "2027" in a
    assert a != ORIGINAL


def test_provenance_copies_of_each_kind() -> None:
    title, body = ORIGINAL.split("\n", 1)
    rng = random.Random(1)
    assert body.strip() in verbatim("New headline", body, rng)
    edited = light_edit(Spinner(), title, body, rng)
    assert edited.count("\n\n") < ORIGINAL.strip().count("\n\n")
    part = excerpt(body, rng)
    assert len(part) < len(body) and part.split()[0] in body


@pytest.mark.shared_data
def test_provenance_testset_slice_is_found(shared_data: Path) -> None:
    ts = build(shared_data / "polnear", "even", limit=8, sources=40)
    assert {k for _, k in ts.truth.values()} == set(KINDS)
    links = find_links(ts.docs)
    found = {(v.copy, v.original) for v in links}
    assert found == {(c, o) for c, (o, _) in ts.truth.items()}
