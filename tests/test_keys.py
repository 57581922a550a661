"""Sound keys: equal for spellings of one name, different for other names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namenorm.keys import MAX_READINGS, phonetic_keys, surface, token_key

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
