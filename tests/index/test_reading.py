"""The index's public reading API (what copy scanning is allowed to use), on a small registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from namenorm import Registry
from namenorm.index import Index
from namenorm.keys import phonetic_keys, surface

SMALL = Path(__file__).parent.parent / "fixtures" / "registry" / "small.csv"


@pytest.fixture(scope="module")
def index() -> Index:
    return Registry.from_csv(SMALL).index


def test_entity_numbers_round_trip(index: Index) -> None:
    number = index.entity_number("babaryka-eduard")
    assert index.entity_at(number).id == "babaryka-eduard"
    with pytest.raises(KeyError):
        index.entity_number("nobody")


def test_anchor_spellings_name_surnames_and_places_with_their_entities(index: Index) -> None:
    anchors: dict[str, set[str]] = {}
    for spelling, numbers in index.anchor_spellings():
        anchors.setdefault(spelling, set()).update(index.entity_at(n).id for n in numbers)
    assert anchors["Бабарыка"] == {"babaryka-viktar", "babaryka-eduard"}
    assert anchors["Babaryka"] == {"babaryka-viktar", "babaryka-eduard"}
    assert anchors["Hrodna"] == {"hrodna"}
    assert "Бяляцкага" in anchors  # a case form
    assert "Віктар" not in anchors  # a given name names no whole mention


def test_part_spellings_are_given_names(index: Index) -> None:
    parts = set(index.part_spellings())
    assert {"Віктар", "Viktor", "Eduard"} <= parts
    assert "Бабарыка" not in parts


def test_name_spellings_per_role(index: Index) -> None:
    viktar = index.entity_number("babaryka-viktar")
    assert surface("Viktor") in index.name_spellings(viktar, "given")
    assert surface("Babariko") in index.name_spellings(viktar, "surname")
    assert surface("Eduard") not in index.name_spellings(viktar, "given")


def test_keys_and_spelling_systems(index: Index) -> None:
    ales = index.entity_number("bialiatski-ales")
    assert set(phonetic_keys("Бяляцкі")[:1]) <= index.surname_keys(ales)
    assert all(index.knows_key(k) for k in index.surname_keys(ales))
    assert not index.knows_key("zzzzzzzz")
    assert index.spelling_systems(ales, surface("Бяляцкага")) == ("case",)
    assert "stored" in index.spelling_systems(ales, surface("Бяляцкі"))
    assert index.spelling_systems(ales, surface("Бабарыка")) == ()
    assert index.is_given_name("Аляксандр") and not index.is_given_name("Бабарыка")
