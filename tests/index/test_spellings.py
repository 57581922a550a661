"""Spellings of a unit: the fast diacritic stripping against its reference twin."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from namenorm.index.spellings import strip, strip_reference


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_strip_is_its_reference_on_any_text(text: str) -> None:
    assert strip(text) == strip_reference(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aeilnoszcŁłąęėįųūšžčćńóśźżäöüßëïÿâêîôûàèìòùáéíóúýʹʺʼ·\u0301\u0308 -'"))
def test_strip_is_its_reference_on_latin_names(text: str) -> None:
    assert strip(text) == strip_reference(text)


def test_strip_examples() -> None:
    assert strip("Łukašenka") == "Lukasenka"
    assert strip("Alaksandr Łukašenka") == "Alaksandr Lukasenka"
    assert strip("Lukashenka") == "Lukashenka"
