"""The score scale's constants: in one frozen structure, in the order the scale needs."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from namenorm import Registry
from namenorm.index import SCORING, Scoring
from namenorm.match import THRESHOLD


def test_constants_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        SCORING.initial = 50.0  # type: ignore[misc]
    assert Scoring() == SCORING


def test_the_scale_is_ordered() -> None:
    s = SCORING
    best_key = s.key_base + s.key_span
    assert s.fuzzy_cap < best_key <= 100.0
    # a typo alone may still be accepted, a surname alone by sound too
    assert s.fuzzy_cap >= THRESHOLD
    assert s.key_base - s.surname_only_penalty >= THRESHOLD
    assert s.surname_weight + s.given_weight == pytest.approx(1.0)
    assert 0.0 < s.min_fuzzy_similarity < 1.0


def test_an_inflected_given_name_keeps_its_role(people: Registry) -> None:
    """A given name read back from a case form counts as the given name (not as
    the patronymic the loop looked at last), so no 'surname only' discount."""
    best = people.lookup("Siarhie Cichanouski")[0]
    assert best.id == "tsikhanouski-siarhei"
    assert "surname only" not in best.note


@pytest.mark.parametrize(
    "query",
    [
        "Viktoria Babaryka",  # a woman's name, romanized from Вікторыя: not Viktar
        "Valeria Tsepkalo",  # nor Valeria Valery (nor Veronika)
        "Tsepkalo Valeria",
        "Valeriya Tsepkalo",
        "Виктория Бабарико",  # no case form of Виктор
        "Edgar Babaryka",  # another man's name: not Eduard, however alike
        "Heinrich Znak",  # a given name ending in -ich is no patronymic
    ],
)
def test_another_given_name_refutes_the_person(people: Registry, query: str) -> None:
    """A given name that the given-name table knows as another name (another
    gender, or simply another name) vetoes a person whose given name differs,
    whatever its sound key or spelling distance."""
    assert people.resolve(query) is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Victor Babaryka", "babaryka-viktar"),  # the same name in English
        ("Wiktar Babaryka", "babaryka-viktar"),
        ("Viktara Babaryki", "babaryka-viktar"),  # a case form, surname declined too
        ("Валерыя Цапкала", "tsepkalo-valery"),  # Валерый's genitive, stored as a case form
        ("Veranika Tsapkala", "tsepkalo-veronika"),
    ],
)
def test_the_persons_own_given_name_still_fits(people: Registry, query: str, expected: str) -> None:
    match = people.resolve(query)
    assert match is not None and match.id == expected


def test_a_case_form_of_his_given_name_needs_a_declined_surname(tmp_path: Path) -> None:
    """Aleksandra is a woman's name and Aleksander's Polish genitive: beside a
    surname a Slavic language declines, spelled as his nominative (Kazulin,
    Козулин), it is the woman; both in the genitive, it is the man."""
    path = tmp_path / "kazulin.csv"
    path.write_text(
        "id,kind,lang,name,preferred\n"
        "kazulin-aliaksandr,person,en,Aliaksandr Kazulin,1\n"
        "kazulin-aliaksandr,person,be,Аляксандр Казулін,1\n"
        "kazulin-aliaksandr,person,ru,Александр Козулин,1\n",
        encoding="utf-8",
    )
    registry = Registry.from_csv(path)
    for query in ("Alexandra Kazulin", "Aleksandra Kazulin", "Александра Козулин"):
        assert registry.resolve(query) is None, query
    for query in ("Aleksandra Kazulina", "Александра Козулина", "Aliaksandr Kazulin"):
        match = registry.resolve(query)
        assert match is not None and match.id == "kazulin-aliaksandr", query


def test_a_sound_alike_whose_vowels_differ_loses_to_one_spelled_alike(tmp_path: Path) -> None:
    """Smolewicze (Polish) shares a sound key with Smolewiczi (Смолевичи) and
    Smiłowiczi (Смиловичи): the vowels o-e-i against i-o-i tell the towns
    apart, so the first leads by more than the ambiguity margin."""
    path = tmp_path / "towns.csv"
    path.write_text(
        "id,kind,lang,name,preferred\n"
        "smaliavichy,place,en,Smaliavichy,1\n"
        "smaliavichy,place,ru,Смолевичи,\n"
        "smilavichy,place,en,Smilavichy,1\n"
        "smilavichy,place,ru,Смиловичи,\n",
        encoding="utf-8",
    )
    registry = Registry.from_csv(path)
    match = registry.resolve("Smolewicze")
    assert match is not None and match.id == "smaliavichy"
    found = registry.lookup("Smolewicze")
    assert [m.id for m in found] == ["smaliavichy", "smilavichy"]
    assert found[0].score - found[1].score >= SCORING.vowel_clash_penalty
