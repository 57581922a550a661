"""Case endings read backwards, with the gender they require."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namenorm.lemmas import is_plural_surname, lemmas, word_gender


@pytest.mark.parametrize(
    ("word", "lemma", "gender"),
    [
        ("Cichanouskiej", "Cichanouska", "f"),  # Polish genitive, feminine
        ("Cichanouskiego", "Cichanouski", "m"),  # Polish genitive, masculine
        ("Łukaszenkę", "Łukaszenka", None),
        ("Poczobutowi", "Poczobut", "m"),
        ("Lukašenkos", "Lukašenka", None),  # Lithuanian genitive
        ("Kalesnikavové", "Kalesnikava", "f"),  # Czech feminine -ová
        ("Лукашенком", "Лукашенко", "m"),  # Ukrainian instrumental
        ("Тихановської", "Тихановська", "f"),
        ("Колесниковой", "Колесникова", "f"),
    ],
)
def test_lemmas(word: str, lemma: str, gender: str | None) -> None:
    assert any(text == lemma and g == gender for text, g, _, _ in lemmas(word)), lemmas(word)


def test_feminine_case_forms_never_give_a_masculine_surname() -> None:
    assert all(text != "Колесников" for text, _, _, _ in lemmas("Колесниковой"))
    assert word_gender("Cichanouskiej") == "f"
    assert word_gender("Cichanouskiego") == "m"
    assert word_gender("Łukaszenka") is None


def test_plural_family_names() -> None:
    assert is_plural_surname("Cichanouscy")
    assert is_plural_surname("Тихановские")
    assert not is_plural_surname("Tsikhanouski")


@given(st.text(max_size=30))
def test_never_raises(word: str) -> None:
    for text, gender, ambiguous, role in lemmas(word):
        assert (
            text
            and gender in (None, "m", "f")
            and isinstance(ambiguous, bool)
            and isinstance(role, str)
        )


def test_polish_plural_names_of_east_slavic_towns() -> None:
    assert any(lemma == "Kalinkowiczi" for lemma, *_ in lemmas("Kalinkowicze"))
    assert any(lemma == "Dokszycy" for lemma, *_ in lemmas("Dokszyce"))


def test_a_lemma_names_its_fields() -> None:
    first = lemmas("Лукашенком")[0]
    assert (first.text, first.gender, first.ambiguous, first.role) == first
    assert first._fields == ("text", "gender", "ambiguous", "role")
