"""The typo rules of the index: edits allowed, endings kept, derivations refused."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from namenorm.index.typos import deletions, ending, is_typo, max_edits, vowel_clash, vowels

KEYS = st.text(alphabet="ABCDEFGHIKLMNOPRSTUZ", min_size=0, max_size=14)


def test_budget_grows_with_length() -> None:
    assert [max_edits("x" * n) for n in (4, 5, 8, 9)] == [0, 1, 1, 2]


def test_endings() -> None:
    assert ending("LUKASENKA") == "A"
    assert ending("BIALIACKI") == "I"
    assert ending("LUKASENK") == ""


def test_typo_rules() -> None:
    assert is_typo("LUKASENKA", "LUKASNKA", 1)
    assert not is_typo("LUKASENKA", "LUKASENKU", 2)  # another ending
    assert not is_typo("LUKASENKA", "MUKASENKA", 2)  # another first sound
    assert not is_typo("BELARUS", "BELARUSIAN", 2)  # a derivation
    assert not is_typo("LUKASENKA", "LUKASNKA", 0)


@given(KEYS)
def test_deletions_are_one_shorter_and_typos_of_the_key(key: str) -> None:
    for deleted in deletions(key):
        assert len(deleted) == len(key) - 1
    assert len(deletions(key)) <= len(key)


def test_vowel_clash_tells_other_names_from_spelling_conventions() -> None:
    assert vowel_clash("Markel", "Merkel")  # a for e: no convention writes it
    assert vowel_clash("Лукашик", "Лукашук")
    assert vowel_clash("Łukasik", "Łukaszuk")
    assert not vowel_clash("Kolesnikava", "Kalesnikava")  # a and o: akanye
    assert not vowel_clash("Lukashinko", "Lukashenko")  # e and i: a reduced e
    assert not vowel_clash("Tihanovskai", "Tikhanovskaia")  # the ending is left out
    assert not vowel_clash("Łukaszenka", "Лукашэнка")  # two scripts: not compared
    assert vowels("Łukaszenka") == vowels("Лукашэнка") == "uae"
