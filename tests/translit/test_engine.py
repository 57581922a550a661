"""The engine: the compiled fast path against its reference twin, and the
promises every table keeps (Latin out for any Cyrillic letter, case kept)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from namenorm.text import script_of
from namenorm.translit import be, ru, uk
from namenorm.translit.engine import CYRILLIC_RANGES, Scheme

SCHEMES: list[Scheme] = [*be.SCHEMES, *ru.SCHEMES, *uk.SCHEMES, be.REVERSE, ru.REVERSE]
IDS = [f"{s.system.lang}-{s.system.name}" for s in SCHEMES]
ROMANIZING = [s for s in SCHEMES if s not in (be.REVERSE, ru.REVERSE)]
CYRILLIC = [
    chr(code)
    for low, high in CYRILLIC_RANGES
    for code in range(low, high + 1)
    if unicodedata.category(chr(code)).startswith("L")
]

#: Text made of what names are made of, in every case, plus odd characters.
NAMEISH = st.text(
    alphabet=st.sampled_from(
        "абвгґдеёжзийіїклмнопрстуўфхцчшщъыьэюяє"
        "АБВГҐДЕЁЖЗИЙІЇКЛМНОПРСТУЎФХЦЧШЩЪЫЬЭЮЯЄ"
        "abcehiklosyzABCEHIKLOSYZ '’ʼ-.·ěłñ1ᲀ\u0301ѣЂђ"
    ),
    max_size=24,
)


@pytest.mark.parametrize("scheme", SCHEMES, ids=IDS)
@settings(max_examples=300, deadline=None)
@given(text=NAMEISH)
@example(text="Ё’І")  # one word in capitals across its apostrophe (was Joji against JoJI)
@example(text="А'Я")
def test_fast_path_equals_the_reference_on_name_like_text(scheme: Scheme, text: str) -> None:
    assert scheme.apply(text) == scheme.apply_reference(text)


@pytest.mark.parametrize("scheme", SCHEMES, ids=IDS)
@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=16))
def test_fast_path_equals_the_reference_on_any_text(scheme: Scheme, text: str) -> None:
    assert scheme.apply(text) == scheme.apply_reference(text)


@pytest.mark.parametrize("scheme", SCHEMES, ids=IDS)
def test_fast_path_equals_the_reference_on_words_with_apostrophes(scheme: Scheme) -> None:
    # Every capital, an apostrophe (or a soft sign), then an iotated vowel, in each case mix.
    capitals = "АБВГҐДЕЁЖЗИЙІЇКЛМНОПРСТУЎФХЦЧШЩЪЫЬЭЮЯЄ"
    for first in capitals:
        for middle in ("'", "’", "ʼ", "Ь"):
            for vowel in "ЕЁЮЯЄЇІ":
                word = first + middle + vowel
                for text in (word, "М" + word, word + "А", word.lower(), word.capitalize()):
                    assert scheme.apply(text) == scheme.apply_reference(text), text


@pytest.mark.parametrize(
    "scheme", ROMANIZING, ids=[f"{s.system.lang}-{s.system.name}" for s in ROMANIZING]
)
def test_every_cyrillic_letter_comes_out_latin(scheme: Scheme) -> None:
    for letter in CYRILLIC:
        for text in (letter, letter + "а", "а" + letter + "а", letter.upper() + "ка"):
            out = scheme.apply(text)
            left = [c for c in out if script_of(c) == "cyrl"]
            assert not left, f"{scheme.system.lang}/{scheme.system.name}: {text!r} -> {out!r}"


@pytest.mark.parametrize(
    ("scheme", "text", "expected"),
    [
        (be.NATIONAL_2007, "Минск", "Minsk"),
        (be.NATIONAL_2007, "Щучин", "Ščučin"),
        (be.LACINKA, "Щучин", "Ščučin"),
        (be.BGN_PCGN, "ЩУЧИН", "SHCHUCHYN".replace("Y", "I")),
        (be.NATIONAL_2023, "Їжак", "Jižak".replace("ž", "zh")),
        (ru.NEWS, "Ціханоўская", "Tsikhanovskaya"),
        (uk.NATIONAL, "Сыктывкар", "Syktyvkar"),
    ],
)
def test_letters_of_related_alphabets_are_written_as_their_counterparts(
    scheme: Scheme, text: str, expected: str
) -> None:
    assert scheme.apply(text) == expected


@pytest.mark.parametrize(
    ("scheme", "text", "expected"),
    [
        (ru.BGN_PCGN, "тС", "t·S"),  # a rule of two letters takes the case letter by letter
        (ru.BGN_PCGN, "Тс", "T·s"),
        (ru.BGN_PCGN, "оЫ", "o·Y"),  # the capital goes to the first letter, not to the dot
        (ru.BGN_PCGN, "шЧ", "sh·Ch"),
        (ru.BGN_PCGN, "ТС", "T·S"),
        (be.NEWS, "МарЫя", "MarYia"),
        # An apostrophe between two letters is inside the word: Ё’І is in capitals.
        (be.NATIONAL_2023, "Ё’І", "JOJI"),
        (be.NATIONAL_2023, "МАР’ІНА", "MARJINA"),
        (be.NATIONAL_2023, "Ё’і", "Joji"),
        (be.NATIONAL_2007, "Ё’І", "JOI"),
        (ru.NEWS, "Ё’Я", "YO’YA"),
    ],
)
def test_mixed_case_through_rules_of_several_letters(
    scheme: Scheme, text: str, expected: str
) -> None:
    assert scheme.apply(text) == expected
    assert scheme.apply_reference(text) == expected
