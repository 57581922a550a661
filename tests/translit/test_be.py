"""Belarusian tables: the rules each system states, then invariants over any text.

The golden files (``tests/golden/translit-be-*.tsv``) hold the published
examples; these tests pin the individual rules those examples rely on, so a
failure names the rule rather than a place name.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namenorm import cyrillize, systems, transliterate

BE_SYSTEMS = [s.name for s in systems("be")]
TABLE_SYSTEMS = [name for name in BE_SYSTEMS if name != "ascii"]
APOSTROPHES = ["'", "\u2019", "\u02bc"]


def test_systems_in_documented_order() -> None:
    assert TABLE_SYSTEMS == [
        "national-2007",
        "national-2023",
        "bgn-pcgn",
        "iso9",
        "icao",
        "ala-lc",
        "lacinka",
        "news",
    ]


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        ("national-2007", "LUKAŠENKA"),
        ("national-2023", "LUKASHENKA"),
        ("bgn-pcgn", "LUKASHENKA"),
        ("iso9", "LUKAŠÈNKA"),
        ("icao", "LUKASHENKA"),
        ("ala-lc", "LUKASHĖNKA"),
        ("lacinka", "ŁUKAŠENKA"),
        ("news", "LUKASHENKA"),
    ],
)
def test_all_capitals_stay_capitals(system: str, expected: str) -> None:
    assert transliterate("ЛУКАШЭНКА", "be", system) == expected


def test_digraph_capital_at_word_start_is_title_case() -> None:
    assert transliterate("Шчара", "be", "bgn-pcgn") == "Shchara"
    assert transliterate("Юрый", "be", "news") == "Yury"
    assert transliterate("ЮРЫЙ", "be", "news") == "YURY"


@pytest.mark.parametrize(
    ("system", "initial", "after_vowel", "after_consonant"),
    [
        ("national-2007", "Jeĺsk", "Babajedava", "Viciebsk"),
        ("national-2023", "Jelsk", "Babajedava", "Viciebsk"),
        ("lacinka", "Jelsk", "Babajedava", "Viciebsk"),
        ("news", "Yelsk", "Babayedava", "Vitsebsk"),
        ("icao", "Elsk", "Babaedava", "Vitsebsk"),
        ("bgn-pcgn", "Yel’sk", "Babayedava", "Vitsyebsk"),
    ],
)
def test_iotated_vowel_by_position(
    system: str, initial: str, after_vowel: str, after_consonant: str
) -> None:
    got = [transliterate(w, "be", system) for w in ("Ельск", "Бабаедава", "Віцебск")]
    assert got == [initial, after_vowel, after_consonant]


@pytest.mark.parametrize("apostrophe", APOSTROPHES)
def test_apostrophe_variants_are_one_letter(apostrophe: str) -> None:
    word = f"Вераб{apostrophe}ёвічы"
    assert transliterate(word, "be", "national-2007") == "Vierabjovičy"
    assert transliterate(word, "be", "national-2023") == "Vierabjovichy"
    assert transliterate(word, "be", "bgn-pcgn") == "Vyerab”yovichy"
    assert transliterate(word, "be", "iso9") == "Verabʼëvìčy"
    assert transliterate(word, "be", "news") == "Verabyovichy"
    assert transliterate(f"Мар{apostrophe}іна", "be", "national-2023") == "Marjina"


def test_apostrophe_outside_cyrillic_is_left_alone() -> None:
    assert transliterate("O'Neill і Мінск", "be", "news") == "O'Neill i Minsk"


def test_soft_sign_before_vowel_iotates() -> None:
    assert transliterate("Вільянава", "be", "national-2007") == "Viĺjanava"
    assert transliterate("Вільянава", "be", "national-2023") == "Viljanava"
    assert transliterate("Вільянава", "be", "lacinka") == "Viljanava"
    assert transliterate("Ільяш", "be", "news") == "Ilyash"


def test_soft_sign_marks_the_consonant() -> None:
    assert transliterate("зь ль нь сь ць дзь", "be", "national-2007") == "ź ĺ ń ś ć dź"
    assert transliterate("зь ль нь сь ць дзь", "be", "lacinka") == "ź l ń ś ć dź"
    assert transliterate("Гомель", "be", "iso9") == "Gomelʹ"
    assert transliterate("Гомель", "be", "news") == "Homel"


def test_short_u() -> None:
    expected = {
        "national-2007": "Mahilioŭ",
        "national-2023": "Magiliow",
        "bgn-pcgn": "Mahilyow",
        "iso9": "Magìlëǔ",
        "icao": "Mahiliou",
        "ala-lc": "Mahilioŭ",
        "lacinka": "Mahiloŭ",
        "news": "Mahiliou",
    }
    assert {s: transliterate("Магілёў", "be", s) for s in TABLE_SYSTEMS} == expected


def test_lacinka_hard_and_soft_l() -> None:
    assert transliterate("Бяляцкі", "be", "lacinka") == "Bialacki"
    assert transliterate("Наталля", "be", "lacinka") == "Natalla"
    assert transliterate("Алла", "be", "lacinka") == "Ałła"
    assert transliterate("Беларусь", "be", "lacinka") == "Biełaruś"


def test_news_press_conventions() -> None:
    assert transliterate("Марыя", "be", "news") == "Maryia"
    assert transliterate("Юлія", "be", "news") == "Yuliya"
    assert transliterate("Таццяна", "be", "news") == "Tatsiana"
    assert transliterate("Яўгеній", "be", "news") == "Yauheni"
    assert transliterate("Дар'я", "be", "news") == "Darya"


def test_icao_is_letter_for_letter() -> None:
    assert transliterate("Святлана Ціханоўская", "be", "icao") == "Sviatlana Tsikhanouskaia"
    assert transliterate("Яўген", "be", "icao") == "Iauhen"


def test_ascii_system_strips_diacritics() -> None:
    assert transliterate("Аляксандр Лукашэнка", "be", "ascii") == "Aliaksandr Lukashenka"


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Aliaksandr Lukashenka", "Аляксандр Лукашенка"),
        ("Sviatlana Tsikhanouskaya", "Святлана Ціханоўская"),
        ("Maryia Kalesnikava", "Марыя Калеснікава"),
        ("Siarhei", "Сяргей"),
        ("Yauhen", "Яўген"),
        ("Mahiliou", "Магілёў"),
        ("Hrodna", "Гродна"),
        ("Eduard", "Эдуард"),
        ("LUKASHENKA", "ЛУКАШЕНКА"),
        ("Lukašenka", "Лукашенка"),
    ],
)
def test_cyrillize_news_spellings(latin: str, cyrillic: str) -> None:
    assert cyrillize(latin, "be") == cyrillic


# --- properties ---------------------------------------------------------------

CYRILLIC_ISH = st.text(
    alphabet=st.sampled_from(
        list("абвгдеёжзійклмнопрстуўфхцчшыьэюяАБВГДЕЁЖЗІЙКЛМНОПРСТУЎФХЦЧШЫЬЭЮЯ ’'ʼ-.")
    )
)
LATIN = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",), max_codepoint=0x024F)
)


@pytest.mark.parametrize("system", BE_SYSTEMS)
@given(text=st.text() | CYRILLIC_ISH)
def test_never_raises_and_output_is_nfc(system: str, text: str) -> None:
    out = transliterate(text, "be", system)
    assert unicodedata.is_normalized("NFC", out)


@pytest.mark.parametrize("system", TABLE_SYSTEMS)
@given(text=LATIN)
def test_latin_passes_through(system: str, text: str) -> None:
    text = unicodedata.normalize("NFC", text)
    assert transliterate(text, "be", system) == text


@given(text=st.text() | CYRILLIC_ISH)
def test_ascii_is_ascii(text: str) -> None:
    assert transliterate(text, "be", "ascii").isascii()


@given(text=st.text())
def test_cyrillize_never_raises(text: str) -> None:
    assert unicodedata.is_normalized("NFC", cyrillize(text, "be"))
