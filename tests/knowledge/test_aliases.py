"""Other names of registry places, and their foreign case forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from namenorm import Registry
from namenorm.knowledge.aliases import AliasTable, inflects

FIXTURES = Path(__file__).parent.parent / "fixtures" / "registry"


@pytest.fixture(scope="module")
def places() -> Registry:
    return Registry.from_csv(FIXTURES / "places.csv")


@pytest.fixture(scope="module")
def table(places: Registry) -> AliasTable:
    return AliasTable.build(list(places.entities()))


@pytest.mark.parametrize(
    ("word", "name", "expected"),
    [
        ("polsce", "polska", True),  # Polish locative, k -> c
        ("litwie", "litwa", True),
        ("baltarusijos", "baltarusija", True),  # Lithuanian genitive
        ("minsko", "minsk", True),
        ("vilniuje", "vilnius", True),
        ("niemczech", "niemcy", True),  # Polish locative plural, c -> cz
        ("pinsk", "minsk", False),  # another first letter: another city
        ("vitebskaya", "vitebsk", False),  # an adjective (a region), not a case form
        ("brestovitsa", "brest", False),
        ("mins", "minsk", False),
    ],
)
def test_inflects(word: str, name: str, expected: bool) -> None:
    assert inflects(word, name) is expected


def ids(registry: Registry, table: AliasTable, text: str) -> list[tuple[str, bool]]:
    entities = list(registry.entities())
    return [(entities[a.entity].id, inflected) for a, inflected in table.find(text)]


def test_geonames_and_country_names(places: Registry, table: AliasTable) -> None:
    assert ids(places, table, "Kłajpeda") == [("klaipeda", False)]
    assert ids(places, table, "Brześć") == [("brest", False)]
    assert ids(places, table, "Allemagne") == [("germany", False)]
    assert ids(places, table, "Polsce") == [("poland", True)]


def test_a_name_of_another_registry_entity_is_no_alias(places: Registry, table: AliasTable) -> None:
    # Memel is Klaipėda's German name, but this registry also has an org called Memel.
    assert ids(places, table, "Memel") == []


def test_people_get_no_aliases(places: Registry, table: AliasTable) -> None:
    assert ids(places, table, "Bialiatski") == []


def test_a_classical_belarusian_alias_has_its_official_spelling(
    places: Registry, table: AliasTable
) -> None:
    assert ids(places, table, "Берасьце") == [("brest", False)]  # GeoNames, Taraškievica
    assert ids(places, table, "Берасце") == [("brest", False)]  # official orthography


def test_a_belarusian_alias_is_romanized(places: Registry, table: AliasTable) -> None:
    """GeoNames' Берасьце in Łacinka and the national systems (Bieraście,
    Bierascie, Berastse): the press writes those, and the index romanizes only
    the registry's own names."""
    for spelling in ("Bieraście", "Bierascie", "Berastse"):
        assert ids(places, table, spelling) == [("brest", False)], spelling
    match = places.resolve("Bieraście")
    assert match is not None and match.id == "brest"
    assert "romanization of Берасьце (be)" in match.explain()
    assert ids(places, table, "Brest-Litovsk") == [("brest", False)]  # GeoNames' own Latin
