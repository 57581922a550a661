"""lexicon: common words of a copy's language from maintained lexicons, names not."""

from __future__ import annotations

import pytest

from namenorm import lexicon
from namenorm.lexicon import is_common_word, reset_caches


@pytest.mark.parametrize(
    ("word", "lang"),
    [
        ("mosaic", "en"),
        ("Mosaic", "en"),  # any case
        ("breast", "en"),
        ("знак", "ru"),
        ("весна", "ru"),
        ("Знак", "be"),  # Belarusian words are read by the Russian and Ukrainian lexicons
        ("poutine", "fr"),  # frequency only
        ("und", "de"),
    ],
)
def test_common_words(word: str, lang: str) -> None:
    assert is_common_word(word, lang)


@pytest.mark.parametrize(
    ("word", "lang"),
    [
        ("Lukashenko", "en"),
        ("Brest", "en"),  # capitalized in the word list: a proper noun
        ("Лукашенко", "ru"),  # a surname reading only
        ("Иван", "ru"),  # a given name
        ("Минск", "ru"),  # a place
        ("вясна", "be"),  # no Belarusian lexicon, and no Russian or Ukrainian word
        ("Tsikhanouskaya", "fr"),
        ("знак", "xx"),  # a language no lexicon covers
        ("", "en"),
        ("x1", "en"),  # not a word
    ],
)
def test_not_common_words(word: str, lang: str) -> None:
    assert not is_common_word(word, lang)


def test_rare_dictionary_words_are_not_common(monkeypatch: pytest.MonkeyPatch) -> None:
    reset_caches()
    monkeypatch.setattr(lexicon, "ZIPF_COMMON", 99.0)
    try:
        assert not is_common_word("mosaic", "en")
    finally:
        reset_caches()


def test_reset_caches_forgets_answers_and_lexicons() -> None:
    assert is_common_word("mosaic", "en")
    assert is_common_word.cache_info().currsize > 0
    reset_caches()
    assert is_common_word.cache_info().currsize == 0
    assert lexicon._english.cache_info().currsize == 0
