"""find_names: every registry mention, in house style or not, with its status."""

from __future__ import annotations

import pytest

from namenorm import Registry, UnknownLanguageError
from namenorm.copy import Mention, find_names


def found(text: str, registry: Registry, lang: str = "en") -> list[tuple[str, str | None, str]]:
    return [(m.text, m.id, m.status) for m in find_names(text, lang, registry)]


def test_every_mention_including_house_style(shipped: Registry) -> None:
    text = (
        "Belarus President Alexander Lukashenko freed Maria Kalesnikava; "
        "Viasna and Belaruskali in Hrodna."
    )
    assert found(text, shipped) == [
        ("Belarus", "belarus", "matched"),
        ("President Alexander Lukashenko", "lukashenka-alaksandr", "matched"),
        ("Maria Kalesnikava", "kalesnikava-maria", "matched"),
        ("Viasna", "viasna", "matched"),
        ("Belaruskali", "belaruskali", "matched"),
        ("Hrodna", "hrodna", "matched"),
    ]


def test_mention_shape(shipped: Registry) -> None:
    text = "Babariko was freed."
    assert find_names(text, "en", shipped) == [
        Mention(0, 8, "Babariko", None, "ambiguous", ("babaryka-eduard", "babaryka-viktar"))
    ]
    assert find_names(text, "en", shipped)[0].as_dict() == {
        "start": 0,
        "end": 8,
        "text": "Babariko",
        "id": None,
        "status": "ambiguous",
        "candidates": ["babaryka-eduard", "babaryka-viktar"],
    }
    assert find_names("Lukashenko", "en", shipped)[0].as_dict() == {
        "start": 0,
        "end": 10,
        "text": "Lukashenko",
        "id": "lukashenka-alaksandr",
        "status": "matched",
        "candidates": ["lukashenka-alaksandr"],
    }


def test_document_context(shipped: Registry) -> None:
    assert found("Viktar Babaryka was freed. Babaryka said.", shipped) == [
        ("Viktar Babaryka", "babaryka-viktar", "matched"),
        ("Babaryka", "babaryka-viktar", "matched"),
    ]
    assert found("Tsepkalo left.", shipped) == [("Tsepkalo", None, "ambiguous")]
    assert found("V. Tsepkalo left.", shipped) == [("V. Tsepkalo", None, "ambiguous")]


def test_surname_of_someone_outside_the_registry(shipped: Registry) -> None:
    text = "Galina Lukashenko chairs it. Lukashenko said."
    assert [(m.text, m.id, m.status, m.candidates) for m in find_names(text, "en", shipped)] == [
        ("Lukashenko", None, "ambiguous", ("lukashenka-alaksandr",))
    ]


def test_titles_and_initials_belong_to_the_mention(shipped: Registry) -> None:
    assert [m.text for m in find_names("Mr. A. Lukashenko", "en", shipped)] == ["Mr. A. Lukashenko"]
    assert [m.text for m in find_names("Former President Trump", "en", shipped)] == [
        "Former President Trump"
    ]
    assert [m.text for m in find_names("opposition leader Tsikhanouskaya", "en", shipped)] == [
        "Tsikhanouskaya"
    ]


def test_possessive_is_outside_the_mention(shipped: Registry) -> None:
    assert [(m.start, m.end) for m in find_names("Lukashenka’s regime", "en", shipped)] == [(0, 10)]


def test_offsets_after_characters_that_fold_longer(shipped: Registry) -> None:
    text = "Straße ﬁx, Weißrussland: Lukashenko"
    assert [(m.text, m.id) for m in find_names(text, "en", shipped)] == [
        ("Weißrussland", "belarus"),
        ("Lukashenko", "lukashenka-alaksandr"),
    ]
    text = "Gitanas Nause\u0307da met Lukashenko"  # decomposed ė
    assert [m.text for m in find_names(text, "en", shipped)] == [
        "Gitanas Nause\u0307da",
        "Lukashenko",
    ]


def test_spaces_and_invisible_characters(shipped: Registry) -> None:
    text = "Freedom  House and Luka\u00adshenko"
    assert [m.text for m in find_names(text, "en", shipped)] == [
        "Freedom  House",
        "Luka\u00adshenko",
    ]


def test_unknown_language() -> None:
    with pytest.raises(UnknownLanguageError, match="unknown lang 'english'"):
        find_names("Lukashenko", "english")


def test_no_names(shipped: Registry) -> None:
    assert find_names("", "en", shipped) == []
    assert find_names("The weather in spring.", "en", shipped) == []
