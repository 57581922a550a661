"""Sound keys: equal for spellings of one name, different for other names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namenorm.keys import (
    MAX_READINGS,
    leading_keys,
    official_spellings,
    phonetic_keys,
    surface,
    token_key,
)

SAME = [
    [
        "Беляцкий",
        "Бяляцкі",
        "Bialiatski",
        "Bialiacki",
        "Bialatski",
        "Belyatsky",
        "Beljazki",
        "Bialacki",
    ],
    [
        "Лукашенко",
        "Лукашэнка",
        "Lukashenka",
        "Lukaschenko",
        "Loukachenko",
        "Łukaszenka",
        "Lukašenka",
    ],
    [
        "Ціханоўская",
        "Тихановская",
        "Tsikhanouskaya",
        "Tichanowskaja",
        "Cichanouskaja",
        "Tikhanovskaia",
    ],
    ["Калеснікава", "Колесникова", "Kalesnikava", "Kolesnikowa"],
    ["Бабарыка", "Бабарико", "Babaryka", "Babariko", "Babarika"],
    ["Таццяна", "Татьяна", "Tatsiana", "Tatiana", "Tatjana", "Tatyana"],
    ["Сяргей", "Сергей", "Siarhei", "Sergei", "Sergey"],
]
DIFFERENT = [
    ("Kalesnikava", "Kolesnikov"),
    ("Tsikhanouskaya", "Tsikhanouski"),
    ("Lukashenka", "Lukashevich"),
    ("Babaryka", "Babarykin"),
    ("Putin", "Putilin"),
]


@pytest.mark.parametrize("group", SAME, ids=lambda g: g[0])
def test_spellings_of_one_name_share_a_key(group: list[str]) -> None:
    reference = set(phonetic_keys(group[0]))
    assert len(reference) == 1  # Cyrillic has one reading
    for spelling in group:
        assert reference & set(phonetic_keys(spelling)), spelling


@pytest.mark.parametrize(("one", "other"), DIFFERENT)
def test_other_names_do_not(one: str, other: str) -> None:
    assert not set(phonetic_keys(one)) & set(phonetic_keys(other))


def test_surface_and_token_key() -> None:
    assert surface("  ŁUKAŠENKA ") == "łukašenka"
    assert token_key("Лукашенко") == "lakaSankA"
    assert token_key("...") == ""


@given(st.text(max_size=40))
def test_keys_never_raise_and_are_bounded(text: str) -> None:
    keys = phonetic_keys(text)
    assert len(keys) <= MAX_READINGS
    assert all(keys)


# -- leading_keys: the likeliest readings only, against phonetic_keys ---------------
_READABLE = st.text(
    st.sampled_from("abcdefghijklmnopqrstuvwxyzšžčłńąęėįųūéäöüßj-'ʼ·аеёюяшчўіЖ" + "aeiouy" * 3),
    max_size=40,
)


@given(_READABLE, st.integers(1, 4))
def test_leading_keys_are_the_first_keys(text: str, count: int) -> None:
    keys, reference = leading_keys(text, count), phonetic_keys(text)
    assert keys == reference[: len(keys)]
    assert len(keys) <= count
    assert keys[:1] == reference[:1]


@pytest.mark.parametrize("word", ["Bialiatksi", "Tsikhanuoskaya", "Łukašneka", "Kalesnikava"])
def test_leading_keys_of_names_are_the_first_two(word: str) -> None:
    assert leading_keys(word, 2) == phonetic_keys(word)[:2]


# -- official_spellings: Taraškievica readings ----------------------------------------
@pytest.mark.parametrize(
    ("word", "readings"),
    [
        ("Сьвятлана", ("Сьвятлана", "Святлана")),  # assimilative soft sign
        ("Калесьнікава", ("Калесьнікава", "Калеснікава")),
        ("сьнег", ("сьнег", "снег")),
        ("Бэрлін", ("Бэрлін", "Берлін")),  # э after a consonant in a loanword
        ("Кэлаг", ("Кэлаг", "Келаг")),
        ("Аляксандар", ("Аляксандар", "Аляксандр")),  # the inserted vowel
        ("Уладзімер", ("Уладзімер", "Уладзімір")),
        ("Лукашэнка", ("Лукашэнка", "Лукашенка")),  # rules apply even where not meant
        ("Мінск", ("Мінск",)),
        ("Lukashenko", ("Lukashenko",)),  # not Cyrillic
        ("", ("",)),
    ],
)
def test_official_spellings(word: str, readings: tuple[str, ...]) -> None:
    assert official_spellings(word) == readings


def test_official_spellings_chain_their_rules() -> None:
    # each rule works on the result of the previous one: ь dropped, then э -> е
    assert official_spellings("Сьвэн")[-1] == "Свен"


@given(st.text(alphabet="абвгдеёжзійклмнопрстуўфхцчшыьэюяАБВЭ'", max_size=12))
def test_official_spellings_start_with_the_word_and_never_grow(word: str) -> None:
    readings = official_spellings(word)
    assert readings[0] == word
    assert len(set(readings)) == len(readings) <= 5
    assert all(len(r) <= len(word) for r in readings)


def test_latvian_nominatives_are_read_back() -> None:
    from namenorm.keys import has_lithuanian_ending, lithuanian_stems

    assert lithuanian_stems("Putins") == ("Putin",)
    assert lithuanian_stems("Tusks") == ("Tusk",)
    assert lithuanian_stems("Navaļnijs") == ("Navaļnij", "Navaļny")
    assert lithuanian_stems("Putinas")[0] == "Putin"
    assert not has_lithuanian_ending("Rubios") and not has_lithuanian_ending("Tuss")
    assert not has_lithuanian_ending("Путинс") and not has_lithuanian_ending("Xis")


def test_lithuanian_forms_of_slavic_endings_are_read_back() -> None:
    """Lithuanian writes Russian -ич as -ičius and the adjectival -ый as -as
    (Ambrazas, "Lithuanian Grammar": foreign masculine names take -as, -is,
    -us; Protasevičius, Navalnas on lt.wikipedia.org)."""
    from namenorm.keys import lithuanian_stems

    assert lithuanian_stems("Protasevičius") == ("Protasevič", "Protaseviči")
    assert lithuanian_stems("Navalnas") == ("Navaln", "Navalny")
    assert lithuanian_stems("Olekas") == ("Olek", "Oleky")
    assert lithuanian_stems("Zelenskis") == ("Zelensk", "Zelenski")
