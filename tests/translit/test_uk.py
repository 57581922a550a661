"""Ukrainian tables: the rules of resolution 55 (2010) and the press form of it.

The golden files (``tests/golden/translit-uk-*.tsv``) hold the published
examples; these tests pin the individual rules.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namenorm import UnknownSystemError, cyrillize, systems, transliterate

UK_SYSTEMS = [s.name for s in systems("uk")]
TABLE_SYSTEMS = [name for name in UK_SYSTEMS if name != "ascii"]
APOSTROPHES = ["'", "\u2019", "\u02bc"]


def test_systems_in_documented_order() -> None:
    assert UK_SYSTEMS == ["national", "news", "ascii"]


@pytest.mark.parametrize("system", TABLE_SYSTEMS)
def test_capitals(system: str) -> None:
    assert transliterate("ЩУКА", "uk", system) == "SHCHUKA"
    assert transliterate("Щука", "uk", system) == "Shchuka"
    assert transliterate("ЗГУРСЬКИЙ", "uk", "national") == "ZGHURSKYI"


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        # Word-initial є, ї, й, ю, я are Ye, Yi, Y, Yu, Ya ...
        ("Євген", "Yevhen"),
        ("Їжакевич", "Yizhakevych"),
        ("Йосипівка", "Yosypivka"),
        ("Юрій", "Yurii"),
        ("Яготин", "Yahotyn"),
        # ... and ie, i, i, iu, ia elsewhere.
        ("Гаєвич", "Haievych"),
        ("Кадиївка", "Kadyivka"),
        ("Михайленко", "Mykhailenko"),
        ("Корюківка", "Koriukivka"),
        ("Гадяч", "Hadiach"),
    ],
)
def test_iotated_letters_by_position(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic, "uk", "national") == latin


def test_zg_is_zgh() -> None:
    assert transliterate("Згурський", "uk", "national") == "Zghurskyi"
    assert transliterate("Розгон", "uk", "national") == "Rozghon"


def test_ie_endings_national_and_news() -> None:
    assert transliterate("Зеленський", "uk", "national") == "Zelenskyi"
    assert transliterate("Зеленський", "uk", "news") == "Zelenskyy"
    assert transliterate("Андрій", "uk", "national") == "Andrii"
    assert transliterate("Андрій", "uk", "news") == "Andriy"
    # Inside a word -й- stays -i- in both.
    assert transliterate("Михайло", "uk", "news") == "Mykhailo"


def test_soft_sign_dropped() -> None:
    assert transliterate("Львів", "uk", "national") == "Lviv"


@pytest.mark.parametrize("apostrophe", APOSTROPHES)
@pytest.mark.parametrize("system", TABLE_SYSTEMS)
def test_apostrophe_dropped_and_next_letter_not_initial(apostrophe: str, system: str) -> None:
    assert transliterate(f"Мар{apostrophe}їне", "uk", system) == "Marine"
    assert transliterate(f"Знам{apostrophe}янка", "uk", system) == "Znamianka"


@pytest.mark.parametrize("apostrophe", APOSTROPHES)
def test_apostrophe_in_latin_is_kept(apostrophe: str) -> None:
    assert transliterate(f"O{apostrophe}Neill", "uk", "national") == f"O{apostrophe}Neill"


def test_no_reverse_table() -> None:
    with pytest.raises(UnknownSystemError, match="'uk'"):
        cyrillize("Kyiv", "uk")


# -- invariants ----------------------------------------------------------------

LATIN = st.text(
    alphabet=st.characters(
        min_codepoint=0x20,
        max_codepoint=0x024F,
        blacklist_categories=("Cc", "Cs", "Mn"),
    ),
    max_size=40,
).filter(lambda s: unicodedata.is_normalized("NFC", s))


@pytest.mark.parametrize("system", UK_SYSTEMS)
@given(text=st.text())
def test_any_text_never_raises_and_is_nfc(system: str, text: str) -> None:
    out = transliterate(text, "uk", system)
    assert unicodedata.is_normalized("NFC", out)


@pytest.mark.parametrize("system", TABLE_SYSTEMS)
@given(text=LATIN)
def test_latin_passes_through_unchanged(system: str, text: str) -> None:
    assert transliterate(text, "uk", system) == text


@given(text=st.text())
def test_ascii_output_is_ascii(text: str) -> None:
    assert transliterate(text, "uk", "ascii").isascii()


@pytest.mark.parametrize("system", UK_SYSTEMS)
@given(text=st.text(alphabet="абвгґдеєжзиіїйклмнопрстуфхцчшщьюя '’ʼ-", max_size=30))
def test_ukrainian_text_comes_out_without_cyrillic(system: str, text: str) -> None:
    out = transliterate(text, "uk", system)
    assert not any("\u0400" <= c <= "\u04ff" for c in out)
