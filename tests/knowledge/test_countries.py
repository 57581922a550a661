"""Country names from ISO 3166 translations (pycountry) and CLDR (babel)."""

from __future__ import annotations

from namenorm.knowledge.countries import country_names, find_country, language_name
from namenorm.knowledge.gazetteer import usable_name


def test_names_in_the_languages_of_the_press() -> None:
    names = {(n.text, n.lang) for n in country_names()["DE"]}
    assert {
        ("Allemagne", "fr"),
        ("Niemcy", "pl"),
        ("Vokietija", "lt"),
        ("Deutschland", "de"),
    } <= names
    russia = {n.text for n in country_names()["RU"]}
    assert {"Rosja", "Russland", "Федерация Российская"} & russia >= {"Rosja", "Russland"}


def test_only_latin_and_cyrillic_names() -> None:
    names = [n.text for names in country_names().values() for n in names]
    assert all(usable_name(n, max_words=None, code_letters=None) for n in names)
    assert not any("\u0600" <= c <= "\u06ff" or "\u4e00" <= c <= "\u9fff" for n in names for c in n)


def test_a_registry_place_is_found_by_its_names() -> None:
    assert find_country(["Belarus", "Беларусь"]) == "BY"
    assert find_country(["United States", "США"]) == "US"
    assert find_country(["Minsk", "Мінск"]) is None


def test_language_names() -> None:
    assert language_name("fr") == "French"
    assert language_name("xx-unknown") == "xx-unknown"


def test_a_cldr_name_in_capitals_or_of_many_words_is_a_country_name() -> None:
    """CLDR's names are no GeoNames junk: USA (Swedish, Danish) is no airport
    code, Statele Unite ale Americii (Romanian) no description."""
    names = {(n.text, n.lang) for n in country_names()["US"]}
    assert ("Statele Unite ale Americii", "ro") in names
    assert "USA" in {text for text, _ in names}
    assert not usable_name("USA") and usable_name("USA", code_letters=None)
    assert not usable_name("Statele Unite ale Americii")
    assert usable_name("Statele Unite ale Americii", max_words=None)
