"""Unicode clean-up."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namenorm.text import clean, fold_confusables, is_cyrillic, script_of


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("  Aliaksandr   Lukashenka ", "Aliaksandr Lukashenka"),
        ("Lukash\u0435nko", "Lukashenko"),  # Cyrillic е in a Latin word
        ("Беляцк\u0069", "Беляцкі"),  # Latin i in a Cyrillic word
        ("Lukash\u200benka", "Lukashenka"),  # zero-width space
        ("\ufeffViasna\u00ad", "Viasna"),  # BOM and soft hyphen
        ("Мар\u2019я", "Мар'я"),
        ("Мар\u02bcя", "Мар'я"),
        ("Babaryka\u2013Znak", "Babaryka-Znak"),
        ("Lukas\u030cenka", "Lukašenka"),  # NFD -> NFC
        ("a\tb\nc\x00d", "a b c d"),
        ("ＬＵＫＡＳＨＥＮＫＡ", "LUKASHENKA"),  # full-width (NFKC)
    ],
)
def test_clean(raw: str, cleaned: str) -> None:
    assert clean(raw) == cleaned


def test_scripts() -> None:
    assert (script_of("ж"), script_of("z"), script_of("1")) == ("cyrl", "latn", "")
    assert is_cyrillic("Лукашэнка") and not is_cyrillic("Lukashenka")
    assert fold_confusables("POKC") == "POKC"  # all-Latin stays Latin


@given(st.text())
def test_clean_never_raises_and_is_idempotent(text: str) -> None:
    once = clean(text)
    assert clean(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert once == once.strip()
    assert "  " not in once


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("T\u0361sikhanoŭskai\u0361a", "Tsikhanoŭskaia"),  # ALA-LC tie bar
        ("Aleksandr Luk\u0361ashenko", "Aleksandr Lukashenko"),
        ("t\ufe20s\ufe21", "ts"),  # ligature halves instead of a tie bar
        ("I\u035ca", "Ia"),  # the tie bar written below
    ],
)
def test_tie_bars_are_removed(written: str, plain: str) -> None:
    assert clean(written) == plain
