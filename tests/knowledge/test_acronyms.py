"""Acronyms against full names, both ways."""

from __future__ import annotations

import pytest

from namenorm.knowledge.acronyms import AcronymTable, is_acronym, pieces, spells_initials
from namenorm.match import Evidence


@pytest.mark.parametrize(
    ("word", "expected"),
    [("NATO", True), ("EU", True), ("ЕС", True), ("BelTA", True), ("JAV", True),
     ("Nato", False), ("EUROPEAN", False), ("A", False), ("EU2", False)],
)  # fmt: skip
def test_is_acronym(word: str, expected: bool) -> None:
    assert is_acronym(word) is expected


@pytest.mark.parametrize(
    ("acronym", "words", "expected"),
    [
        ("NATO", ("north", "atlantic", "treaty", "organization"), True),
        ("BelTA", ("belarusian", "telegraph", "agency"), True),
        ("BELTA", ("belarusian", "telegraph", "agency"), False),  # capitals: one word each
        ("EC", ("european", "commission"), True),
        ("CE", ("european", "commission"), False),  # order counts
        ("E", ("european", "union"), False),  # every word gives a letter
        ("MAZ", ("maria", "zakharova"), False),
        ("CTTP", ("coordination", "council", "for", "the", "transfer", "of", "power"), False),
        ("CCTP", ("coordination", "council", "for", "the", "transfer", "of", "power"), True),
        ("ЕС", ("европеискии", "союз"), True),
    ],
)
def test_spells_initials(acronym: str, words: tuple[str, ...], expected: bool) -> None:
    assert spells_initials(pieces(acronym), words) is expected


def test_table_both_ways() -> None:
    table = AcronymTable()
    table.add(0, Evidence("European Union", "European Union", "en", "stored"))
    table.add(1, Evidence("NATO", "NATO", "en", "stored"))
    table.add(2, Evidence("Minsk", "Minsk", "en", "stored"))  # one word: neither
    assert [(h.entity, h.expanded) for h in table.find(["EU"])] == [(0, False)]
    assert [
        (h.entity, h.expanded) for h in table.find(["North", "Atlantic", "Treaty", "Organization"])
    ] == [(1, True)]
    assert table.find(["Eu"]) == [] and table.find(["MS"]) == []


def test_two_letters_are_checked_against_the_registrys_own_names_only() -> None:
    table = AcronymTable()
    table.add(0, Evidence("Ameerika Ühendriigid", "Ameerika Ühendriigid", "et", "CLDR"))
    table.add(1, Evidence("European Union", "European Union", "en", "stored"))
    assert table.find(["AU"]) == [] and [h.entity for h in table.find(["EU"])] == [1]
    assert [h.entity for h in table.find(["AÜK"])] == []
