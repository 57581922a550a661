"""The resolver's knowledge path: other names of places, with their explanations."""

from __future__ import annotations

from pathlib import Path

import pytest

from namenorm import Registry

FIXTURES = Path(__file__).parent.parent / "fixtures" / "registry"


@pytest.fixture(scope="module")
def small() -> Registry:
    return Registry.from_csv(FIXTURES / "small.csv")


@pytest.fixture(scope="module")
def places() -> Registry:
    return Registry.from_csv(FIXTURES / "places.csv")


def test_a_geonames_name(small: Registry) -> None:
    match = small.resolve("Gardinas")
    assert match is not None and match.id == "hrodna"
    assert match.method == "exact" and match.score == 97.0
    assert match.explain() == "'Gardinas' is a name of Hrodna (GeoNames)."


def test_a_country_name_in_another_language(places: Registry) -> None:
    match = places.resolve("Allemagne")
    assert match is not None and match.id == "germany"
    assert (
        match.explain() == "'Allemagne' is the French name of Germany (Unicode CLDR country names)."
    )


def test_a_foreign_case_form(places: Registry) -> None:
    match = places.resolve("Polsce")
    assert match is not None and match.id == "poland" and match.method == "key"
    assert match.explain() == (
        "'Polsce' is a case form of 'Polska', the Polish name of Poland "
        "(Unicode CLDR country names)."
    )
    minsko = places.resolve("Brestas")
    assert minsko is not None and minsko.id == "brest"


def test_the_kind_filter_applies(places: Registry) -> None:
    assert places.resolve("Allemagne", kind="person") is None


def test_the_registry_wins_over_an_alias(places: Registry) -> None:
    match = places.resolve("Memel")
    assert match is not None and match.id == "memel-club"


def test_no_alias_for_a_name_nobody_has(places: Registry) -> None:
    assert places.resolve("Qwxzzy") is None
    assert places.lookup("Polskaya") == []


def test_acronyms_both_ways(places: Registry) -> None:
    match = places.resolve("EU")
    assert match is not None and match.id == "european-union" and match.score == 92.0
    assert (
        match.explain()
        == "'EU' is made of the initials of 'European Union', a name of European Union."
    )
    full = places.resolve("North Atlantic Treaty Organization")
    assert full is not None and full.id == "nato"
    assert full.explain() == (
        "'North Atlantic Treaty Organization' is spelled out by the initials 'NATO', a name of NATO."
    )
    cyrillic = places.resolve("ЕС")
    assert cyrillic is not None and cyrillic.id == "european-union"
