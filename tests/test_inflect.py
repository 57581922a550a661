"""Generated case forms of registry names."""

from __future__ import annotations

import pytest

from namenorm.inflect import case_forms, word_case_forms


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


def _registry_words() -> list[tuple[str, str, str]]:
    """(word, gender, role) for every Russian given name in the table and every
    Russian person name in the shipped registry."""
    import csv

    from namenorm.given import given_names, shipped_given_names_path
    from namenorm.names import parse_registry_name
    from namenorm.registry import Registry, shipped_registry_path

    words: list[tuple[str, str, str]] = []
    with shipped_given_names_path().open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["lang"] == "ru" and row["form"] == "full":
                words.append((row["name"], row["gender"], "given"))
    table = given_names()
    for entity in Registry.from_csv(shipped_registry_path()).entities():
        if entity.kind != "person":
            continue
        for name in entity.names:
            parts = parse_registry_name(name.text)
            gender = table.gender_of(parts.given) or "m"
            if name.lang == "ru" and parts.surname and " " not in parts.surname:
                words.append((parts.surname, gender, "surname"))
    return words


def test_russian_table_agrees_with_pytrovich() -> None:
    """The fast table is checked against its reference twin, the petrovich rules."""
    from pytrovich.enums import Case, Gender, NamePart
    from pytrovich.maker import PetrovichDeclinationMaker

    maker = PetrovichDeclinationMaker()
    parts = {
        "given": NamePart.FIRSTNAME,
        "surname": NamePart.LASTNAME,
        "patronymic": NamePart.MIDDLENAME,
    }
    words = _registry_words()
    disagreements = []
    for word, gender, role in words:
        sex = Gender.FEMALE if gender == "f" else Gender.MALE
        reference = {maker.make(parts[role], sex, case, word) for case in Case} - {word}
        ours = set(case_forms(word, "ru", gender, role))
        if ours != reference:
            disagreements.append((word, sorted(reference - ours), sorted(ours - reference)))
    assert len(words) > 250
    # A handful of foreign names petrovich treats specially may differ; no more.
    assert len(disagreements) <= len(words) // 50, disagreements


def test_word_case_forms_of_common_nouns_and_adjectives() -> None:
    assert word_case_forms("центр", "ru") == ("центра", "центру", "центром", "центре")
    assert word_case_forms("цэнтр", "be") == ("цэнтра", "цэнтру", "цэнтрам", "цэнтры")
    assert "агентства" in word_case_forms("агентство", "ru")
    assert "спадарыні" in word_case_forms("спадарыня", "be")
    assert word_case_forms("правозащитный", "ru", adjective=True) == (
        "правозащитного",
        "правозащитному",
        "правозащитным",
        "правозащитном",
    )
    assert word_case_forms("правозащитный", "ru")[0] != "правозащитного"  # read as a noun
    assert word_case_forms("centre", "en") == ()
    assert word_case_forms("г-н", "ru") == ()
