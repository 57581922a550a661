"""Generated case forms of registry names."""

from __future__ import annotations

import pytest

from namenorm.inflect import case_forms


@pytest.mark.parametrize(
    ("word", "lang", "gender", "role", "expected"),
    [
        ("Калеснікава", "be", "f", "surname", {"Калеснікавай", "Калеснікаву"}),
        ("Ціханоўская", "be", "f", "surname", {"Ціханоўскай", "Ціханоўскую"}),
        ("Бяляцкі", "be", "m", "surname", {"Бяляцкага", "Бяляцкаму", "Бяляцкім"}),
        ("Бабарыка", "be", "m", "surname", {"Бабарыкі", "Бабарыку", "Бабарыкам"}),
        ("Аляксандр", "be", "m", "given", {"Аляксандра", "Аляксандру", "Аляксандрам"}),
        ("Колесникова", "ru", "f", "surname", {"Колесниковой", "Колесникову"}),
        ("Беляцкий", "ru", "m", "surname", {"Беляцкого", "Беляцкому", "Беляцким", "Беляцком"}),
        ("Тихановская", "ru", "f", "surname", {"Тихановской", "Тихановскую"}),
        ("Мария", "ru", "f", "given", {"Марии", "Марию", "Марией"}),
    ],
)
def test_case_forms(word: str, lang: str, gender: str, role: str, expected: set[str]) -> None:
    assert expected <= set(case_forms(word, lang, gender, role))
    assert word not in case_forms(word, lang, gender, role)


def test_gender_decides_the_paradigm() -> None:
    # A masculine Колесников never yields the feminine Колесниковой.
    assert "Колесниковой" not in case_forms("Колесников", "ru", "m", "surname")
    assert "Колесниковым" in case_forms("Колесников", "ru", "m", "surname")


def test_indeclinable_and_unknown() -> None:
    assert case_forms("Лукашенко", "ru", "m", "surname") == ()
    assert case_forms("", "be", "m", "surname") == ()
    assert case_forms("Знак", "be", "m", "alias") == ()
