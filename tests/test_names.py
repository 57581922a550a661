"""Query words and registry name structure."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namenorm.names import (
    NameParts,
    is_patronymic,
    parse_registry_name,
    split_query,
    without_titles,
)


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("President Lukashenko's", [("Lukashenko", False)]),
        ("Lukashenko A.G.", [("Lukashenko", False), ("A", True), ("G", True)]),
        ("А. Г. Лукашенко", [("А", True), ("Г", True), ("Лукашенко", False)]),
        ("Mr  Viktar   Babaryka", [("Viktar", False), ("Babaryka", False)]),
        ("спадар Бабарыка", [("Бабарыка", False)]),
        ("Lukashenko, Alexander", [("Lukashenko", False), ("Alexander", False)]),
        ("President", [("President", False)]),  # a title alone is kept
    ],
)
def test_split_query(query: str, words: list[tuple[str, bool]]) -> None:
    assert [(w.text, w.initial) for w in without_titles(split_query(query))] == words


def test_titles_are_flagged_not_dropped() -> None:
    words = split_query("Belarusian President Alexander Lukashenko")
    assert [w.title for w in words] == [True, True, False, False]
    assert [w.title for w in split_query("envoy John Coale")] == [True, False, False]
    assert [w.title for w in split_query("von der Leyen")] == [False, False, False]


def test_parse_registry_name() -> None:
    assert parse_registry_name("Аляксандр Рыгоравіч Лукашэнка") == NameParts(
        "Аляксандр", "Рыгоравіч", "Лукашэнка"
    )
    assert parse_registry_name("Ursula von der Leyen") == NameParts("Ursula", "", "von der Leyen")
    assert parse_registry_name("Nikolai Rimsky-Korsakov") == NameParts(
        "Nikolai", "", "Rimsky-Korsakov"
    )
    assert parse_registry_name("Belarus Freedom Forum", kind="org") == NameParts(
        "", "", "Belarus Freedom Forum"
    )


@pytest.mark.parametrize(
    "word", ["Григорьевич", "Рыгоравіч", "Dzmitryevich", "Aliaksandrauna", "Ивановна"]
)
def test_patronymics(word: str) -> None:
    assert is_patronymic(word)


@pytest.mark.parametrize("word", ["Lukashenka", "Хоміч", "Babaryka", "Ich"])
def test_not_patronymics(word: str) -> None:
    assert not is_patronymic(word)


@given(st.text(max_size=60))
def test_split_query_never_raises(text: str) -> None:
    assert all(w.text for w in split_query(text))
