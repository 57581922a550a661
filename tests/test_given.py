"""The given-name equivalence table."""

from __future__ import annotations

import pytest

from namenorm.given import given_names


@pytest.mark.parametrize(
    ("names", "group"),
    [
        (
            ["Аляксандр", "Александр", "Aliaksandr", "Alexander", "Aleksandr", "Alaksandr"],
            "aleksandr",
        ),
        (["Святлана", "Светлана", "Sviatlana", "Svetlana"], "svetlana"),
        (["Віктар", "Виктор", "Viktar", "Viktor"], "viktor"),
        (["Марыя", "Мария", "Maryia", "Maria"], "maria"),
        (["Павел", "Paul", "Pavel", "Paweł"], "pavel"),
        (["Сяргей", "Сергей", "Siarhei", "Sergei"], "sergei"),
    ],
)
def test_groups(names: list[str], group: str) -> None:
    table = given_names()
    for name in names:
        assert group in table.groups(name), name


def test_genders_and_unknowns() -> None:
    table = given_names()
    assert table.gender_of("Sviatlana") == "f"
    assert table.gender_of("Viktar") == "m"
    assert table.groups("Xyzzy") == frozenset()
    assert table.gender_of("Xyzzy") is None
    assert len(table.gender) >= 200


@pytest.mark.parametrize(
    ("english", "written"),
    [("Thaddeus", "Тадэвуш"), ("Joseph", "Язэп"), ("Stephen", "Сцяпан"), ("Gregory", "Рыгор")],
)
def test_english_forms_share_a_group_with_the_slavic_name(english: str, written: str) -> None:
    table = given_names()
    assert table.groups(english) & table.groups(written)


def test_a_romanized_belarusian_form_finds_the_english_one() -> None:
    table = given_names()
    assert table.groups("Jazep") & table.groups("Joseph")
    assert table.groups("Tadevush") & table.groups("Thaddeus")


@pytest.mark.parametrize(
    ("name", "group"),
    [
        ("Viktoria", "viktoria"),  # romanized Вікторыя / Виктория, not listed as written
        ("Valeriya", "valeria"),
        ("Wiktoria", "viktoria"),
        ("Katsiaryna", "ekaterina"),
        ("Heinrich", "genrikh"),
    ],
)
def test_named_knows_romanizations_of_listed_names(name: str, group: str) -> None:
    assert group in given_names().named(name)


@pytest.mark.parametrize("name", ["Viktar", "Zianna", "Keita", "Lukashenka"])
def test_named_is_stricter_than_groups(name: str) -> None:
    """A sound key folds vowels: Zianna shares one with Зина and Keita with
    Катя, but neither is spelled like them; Viktar is no Viktoria."""
    table = given_names()
    assert not {"viktoria", "zinaida", "ekaterina"} & table.named(name)
