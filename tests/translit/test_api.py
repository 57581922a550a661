"""The public transliteration API: ``systems``, ``transliterate``, ``cyrillize``.

Language tables have their own tests (``test_be.py``, ``test_ru.py``,
``test_uk.py``); these pin what every language shares: the catalogue, the
errors and their messages, and robustness against odd input.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import namenorm
from namenorm import (
    System,
    UnknownLanguageError,
    UnknownSystemError,
    cyrillize,
    systems,
    transliterate,
)

LANGS = ["be", "ru", "uk"]
ALL = [(s.lang, s.name) for s in systems()]


def test_systems_describe_every_system() -> None:
    found = systems()
    assert found, "no systems at all"
    for system in found:
        assert isinstance(system, System)
        assert system.lang in LANGS
        assert system.name.strip()
        assert system.description.strip(), f"{system.lang}/{system.name} has no description"
        assert system.source.strip(), f"{system.lang}/{system.name} has no source"


@pytest.mark.parametrize("lang", LANGS)
def test_systems_per_language(lang: str) -> None:
    names = [s.name for s in systems(lang)]
    assert len(names) == len(set(names)), f"duplicate system names for {lang}: {names}"
    assert names[-1] == "ascii"
    assert [s for s in systems() if s.lang == lang] == systems(lang)


def test_systems_of_russian_start_with_the_standards() -> None:
    assert [s.name for s in systems("ru")][:2] == ["bgn-pcgn", "iso9"]


@pytest.mark.parametrize(("lang", "system"), ALL)
def test_empty_text(lang: str, system: str) -> None:
    assert transliterate("", lang, system) == ""


def test_unknown_language_names_the_valid_ones() -> None:
    with pytest.raises(UnknownLanguageError) as raised:
        transliterate("Минск", "xx", "news")
    message = str(raised.value)
    assert "'xx'" in message
    for lang in LANGS:
        assert lang in message
    with pytest.raises(UnknownLanguageError):
        systems("xx")
    with pytest.raises(UnknownLanguageError):
        cyrillize("Minsk", "xx")


def test_unknown_system_names_the_valid_ones() -> None:
    with pytest.raises(UnknownSystemError) as raised:
        transliterate("Москва", "ru", "klingon")
    message = str(raised.value)
    assert "'klingon'" in message
    for system in systems("ru"):
        assert system.name in message


def test_errors_are_namenorm_errors_with_a_status() -> None:
    with pytest.raises(namenorm.NamenormError) as raised:
        transliterate("Москва", "ru", "klingon")
    assert raised.value.status == 400
    assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize("text", [None, b"\xd0\x9c", 5, ["Москва"]])
def test_non_str_text_is_a_type_error(text: object) -> None:
    with pytest.raises(TypeError):
        transliterate(text, "ru", "news")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cyrillize(text, "ru")  # type: ignore[arg-type]


def test_non_str_lang_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        transliterate("Москва", None, "news")  # type: ignore[arg-type]


def test_non_str_system_is_an_unknown_system() -> None:
    with pytest.raises(UnknownSystemError):
        transliterate("Москва", "ru", None)  # type: ignore[arg-type]


ODD_INPUTS = [
    "Лука\u0000шенко",  # NUL
    "Лука\x1bшенко\r\n\t",  # control characters
    "Лука\u200bшенко",  # zero-width space
    "\ufeffЛукашенко\u200d\u200c\u2060",  # BOM, zero-width joiners, word joiner
    unicodedata.normalize("NFD", "Ёжик Йошкар-Ола Їжакевич"),  # decomposed ё, й, ї
    "Лукашенко Lukashenko Λουκασένκο ლუკაშენკო 卢卡申科",  # mixed scripts
    "Лу\u0301кашенко",  # stress mark
    "\U0001f600 Тихановская \U0001f1e7\U0001f1fe",  # emoji and flags
    "\ud800",  # lone surrogate
    "ЛУКАШЕНКО-лукашенко'Лукашенко’",
    "İstanbul ǅ ß ﬁ",  # characters whose case mapping changes length
]


@pytest.mark.filterwarnings("ignore:Surrogate character:RuntimeWarning")  # unidecode, for ascii
@pytest.mark.parametrize("text", ODD_INPUTS)
@pytest.mark.parametrize(("lang", "system"), ALL)
def test_odd_input_does_not_crash(lang: str, system: str, text: str) -> None:
    out = transliterate(text, lang, system)
    assert isinstance(out, str)


@pytest.mark.parametrize(("lang", "system"), ALL)
def test_nfd_input_equals_nfc_input(lang: str, system: str) -> None:
    text = "Ёлкин Йошкар-Ола Їжакевич Ўладзімір"
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    assert transliterate(nfd, lang, system) == transliterate(text, lang, system)


@pytest.mark.parametrize("lang", LANGS)
@given(text=st.text())
def test_ascii_system_gives_ascii(lang: str, text: str) -> None:
    assert transliterate(text, lang, "ascii").isascii()


#: English-press spellings that survive Latin -> Cyrillic -> Latin unchanged.
NEWS_ROUND_TRIP = [
    "Lukashenko",
    "Tikhanovskaya",
    "Kolesnikova",
    "Babariko",
    "Belyatsky",
    "Putin",
    "Medvedev",
    "Lavrov",
    "Navalny",
    "Gorbachev",
    "Khrushchev",
    "Yeltsin",
    "Zhukov",
    "Chekhov",
    "Dostoyevsky",
    "Tsvetayeva",
    "Shchukin",
    "Pyotr",
    "Dmitry",
    "Grigoryev",
    "Svetlana Tikhanovskaya",
]


@pytest.mark.parametrize("latin", NEWS_ROUND_TRIP)
def test_cyrillize_round_trips_news_spellings(latin: str) -> None:
    cyrillic = cyrillize(latin, "ru")
    assert all(not c.isalpha() or "\u0400" <= c <= "\u04ff" for c in cyrillic)
    assert transliterate(cyrillic, "ru", "news") == latin


def test_cyrillize_examples() -> None:
    assert cyrillize("Lukashenko", "ru") == "Лукашенко"
    assert cyrillize("Tikhanovskaya", "ru") == "Тихановская"


def test_cyrillize_without_a_table_says_so() -> None:
    with pytest.raises(UnknownSystemError, match="no reverse"):
        cyrillize("Kyiv", "uk")


@pytest.mark.parametrize("text", ODD_INPUTS)
def test_cyrillize_odd_input_does_not_crash(text: str) -> None:
    assert isinstance(cyrillize(text, "ru"), str)
