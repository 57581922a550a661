"""namenorm.match: one sentence of evidence per path, and the JSON shape."""

from __future__ import annotations

import pytest

from namenorm.match import Match, system_label

PERSON = {"id": "lukashenka-alaksandr", "kind": "person", "name": "Aliaksandr Lukashenka"}


def _match(**fields: object) -> Match:
    values: dict[str, object] = {**PERSON, "score": 100.0, "method": "exact", **fields}
    return Match(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "sentence"),
    [
        (
            {
                "query": "Lukashenko",
                "matched": "Lukashenko",
                "source_lang": "en",
                "system": "stored",
            },
            "'Lukashenko' is a stored en spelling of Aliaksandr Lukashenka.",
        ),
        (
            {
                "query": "Lukaschenko",
                "matched": "Lukaschenko",
                "source": "Лукашенко",
                "source_lang": "ru",
                "system": "german",
            },
            "'Lukaschenko' is the German press romanization of Лукашенко (ru).",
        ),
        (
            {
                "query": "Lukashenki",
                "matched": "Лукашенко",
                "source": "Лукашенко",
                "source_lang": "ru",
                "system": "case",
                "method": "key",
            },
            "'Lukashenki' sounds like 'Лукашенко', a case form of Лукашенко (ru).",
        ),
        (
            {
                "query": "Lukashenkko",
                "matched": "Lukashenko",
                "source_lang": "en",
                "system": "stored",
                "method": "fuzzy",
                "score": 86.0,
            },
            "'Lukashenkko' is close to 'Lukashenko', a stored en spelling of"
            " Aliaksandr Lukashenka.",
        ),
        (
            {
                "query": "President Lukashenko",
                "matched": "Lukashenko",
                "source_lang": "en",
                "system": "stored",
                "scope": "part",
                "note": "surname only",
            },
            "'President Lukashenko' contains 'Lukashenko', a stored en spelling of"
            " Aliaksandr Lukashenka (surname only).",
        ),
        (
            {
                "query": "Lukasenka",
                "matched": "Lukasenka",
                "source": "Лукашэнка",
                "source_lang": "be",
                "system": "lacinka+stripped",
            },
            "'Lukasenka' is the Łacinka spelling without diacritics of Лукашэнка (be).",
        ),
        (
            {
                "query": "Lukashenka",
                "matched": "Lukashenka",
                "source": "Лукашэнка",
                "source_lang": "be",
                "system": "invented",
            },
            "'Lukashenka' is the invented romanization of Лукашэнка (be).",
        ),
    ],
    ids=["stored", "system", "sound", "fuzzy", "part", "stripped", "unknown-system"],
)
def test_each_path_explains_itself_in_one_sentence(
    fields: dict[str, object], sentence: str
) -> None:
    assert _match(**fields).explain() == sentence


def test_knowledge_tables_are_named_as_the_source() -> None:
    place = {"id": "klaipeda", "kind": "place", "name": "Klaipėda"}
    memel = Match(
        **place,
        score=96.0,
        matched="Memel",
        method="exact",
        query="Memel",
        source="Klaipėda",
        source_lang="de",
        system="geonames",
    )
    assert memel.explain() == "'Memel' is the German name of Klaipėda (GeoNames)."
    inflected = Match(
        **place,
        score=92.0,
        matched="Klaipėda",
        method="key",
        query="Klaipėdos",
        source="Klaipėda",
        system="geonames",
    )
    assert inflected.explain() == (
        "'Klaipėdos' is a case form of 'Klaipėda', a name of Klaipėda (GeoNames)."
    )


def test_acronyms_and_their_expansions() -> None:
    org = {"id": "nato", "kind": "organization", "name": "NATO"}
    initials = Match(
        **org,
        score=90.0,
        matched="North Atlantic Treaty Organization",
        method="exact",
        query="NATO",
        system="initials",
    )
    assert initials.explain() == (
        "'NATO' is made of the initials of 'North Atlantic Treaty Organization', a name of NATO."
    )
    spelled = Match(
        **org,
        score=90.0,
        matched="NATO",
        method="exact",
        query="North Atlantic Treaty Organization",
        system="expansion",
    )
    assert spelled.explain() == (
        "'North Atlantic Treaty Organization' is spelled out by the initials 'NATO', a name of NATO."
    )


def test_a_translated_organization_name() -> None:
    match = Match(
        "european-union",
        "org",
        "European Union",
        93.0,
        "European Union",
        "key",
        query="Unia Europejska",
        source="European Union",
        source_lang="en",
        system="translation",
    )
    assert match.explain() == (
        "'Unia Europejska' translates 'European Union' (en), a name of European Union, "
        "word by word (table of translated descriptors)."
    )


def test_labels_for_known_and_unknown_systems() -> None:
    assert system_label("bgn-pcgn") == "BGN/PCGN romanization"
    assert system_label("news+stripped") == "English press romanization without diacritics"
    assert system_label("klingon") == "klingon romanization"


def test_as_dict_is_the_api_shape_with_a_rounded_score() -> None:
    match = _match(
        query="Lukashenko", matched="Lukashenko", source_lang="en", system="stored", score=93.456
    )
    assert match.as_dict() == {
        "id": "lukashenka-alaksandr",
        "kind": "person",
        "name": "Aliaksandr Lukashenka",
        "name_lang": "en",
        "score": 93.5,
        "matched": "Lukashenko",
        "method": "exact",
        "explanation": "'Lukashenko' is a stored en spelling of Aliaksandr Lukashenka.",
    }


def test_a_match_is_frozen() -> None:
    match = _match(matched="Lukashenko")
    with pytest.raises(AttributeError):
        match.score = 1.0  # type: ignore[misc]
