"""``namenorm.knowledge.othernames``: a query word's own identity, from the lexicons."""

from __future__ import annotations

from pathlib import Path

import pytest

from namenorm import Registry
from namenorm.knowledge.othernames import (
    cyrillic_readings,
    declension_clash,
    feminine_ending,
    feminine_of,
    other_name,
)


@pytest.mark.parametrize("word", ["Bielecki", "Smyth", "Budrus", "Городня"])
def test_known_other_names_are_told(word: str) -> None:
    found = other_name(word)
    assert found is not None and word in found.reason and found.loose


def test_a_russian_dictionary_surname_refutes_a_sound_alike_too() -> None:
    found = other_name("Белецкий")
    assert found is not None and found.lemma == "белецкий" and found.loose


def test_a_ukrainian_dictionary_surname_refutes_only_a_typo() -> None:
    # The Ukrainian form of a registry name is a known Ukrainian surname too.
    found = other_name("Тихановська")
    assert found is not None and not found.loose


@pytest.mark.parametrize("word", ["Tsikhanouskaya", "Bialiatski", "Kalesnikava", "", "A. B."])
def test_registry_spellings_and_junk_are_no_other_name(word: str) -> None:
    assert other_name(word) is None


def test_baltic_endings_tell_two_names_apart() -> None:
    assert declension_clash("Budrus", "Budrys")
    assert not declension_clash("Budrys", "Budrys")
    assert not declension_clash("Budrus", "Budrusa")
    assert not declension_clash("Будрус", "Будрыс")


def test_feminine_forms_of_a_mans_surname() -> None:
    assert feminine_of("Putina", "Putin") and feminine_of("Иванова", "Иванов")
    assert not feminine_of("Putina", "Путин")  # different scripts: not comparable here
    assert feminine_ending("Putina", "Путин") and not feminine_ending("Łukaszenki", "Лукашенко")


def test_the_resolver_uses_them(tmp_path: Path) -> None:
    path = tmp_path / "registry.csv"
    path.write_text(
        "id,kind,lang,name,preferred\n"
        "putin,person,ru,Владимир Путин,\n"
        "putin,person,en,Vladimir Putin,1\n"
        "budrys,person,lt,Kęstutis Budrys,\n"
        "budrys,person,en,Kestutis Budrys,1\n"
        "hrodna,place,be,Горадня,\n"
        "hrodna,place,ru,Гродно,\n"
        "hrodna,place,en,Hrodna,1\n",
        encoding="utf-8",
    )
    registry = Registry.from_csv(path)
    assert registry.resolve("Putina") is None  # a woman's surname, or Putin in Polish
    assert registry.resolve("Budrus") is None  # another Lithuanian surname
    assert registry.resolve("Городня") is None  # a town in Ukraine
    for query, expected in [
        ("Władimira Putina", "putin"),
        ("Putinas", "putin"),
        ("Горадні", "hrodna"),
    ]:
        match = registry.resolve(query)
        assert match is not None and match.id == expected


def test_a_given_name_of_the_other_gender_never_fits(shipped: Registry) -> None:
    assert shipped.resolve("Victoria Lukashenko") is None  # not Viktar
    match = shipped.resolve("Aleksandra Łukaszenki")  # Polish genitive of Aleksander
    assert match is not None and match.id == "lukashenka-alaksandr"


def test_a_latin_word_read_back_into_cyrillic_for_the_dictionary() -> None:
    assert cyrillic_readings("stankevich")[0] == "станкевич"
    assert "зелинский" in cyrillic_readings("zelinsky")
    assert "белицкий" in cyrillic_readings("bielicki")
    assert cyrillic_readings("smith1") == []
    found = other_name("Stankevich")
    assert found is not None and found.lemma == "станкевич" and found.loose


def test_a_patronymic_is_a_name_of_its_own() -> None:
    other = other_name("Алексеевич")
    assert other is not None and other.loose and "patronymic" in other.reason


def test_a_lone_word_known_as_another_name_is_no_reading_of_a_registry_name(
    shipped: Registry,
) -> None:
    """Алексеевич is a patronymic (not Alexievich), Mazury a Polish region read
    by pymorphy3 as the surname Мазуры (no case form of Mazyr), Brescia a
    GeoNames city (no case form of Brest), Belstat one letter from Belsat
    without a typing error to explain it: all other names."""
    for query in ("Алексеевич", "Mazury", "Brescia", "Belstat"):
        assert shipped.resolve(query) is None, query
    for query, expected in [
        ("Алексиевич", "alexievich-svetlana"),
        ("Mazyr", "mazyr"),
        ("Brześciu", "brest"),  # a Polish case form of Brest
        ("Bellsat", "belsat"),  # a doubled letter
    ]:
        match = shipped.resolve(query)
        assert match is not None and match.id == expected, query
