"""The index's lookup tables, read from flat arrays (built or mapped from a file).

The tables map each full-name spelling's match surface to its entities, each
unit spelling's surface to (unit, variant), each unit sound key (and its
coarse form) to units, each key's one-deletion neighbours to keys, and each
surname unit to the people who bear it; they also hold every unit and every
entity's units. :class:`Tables` answers the questions searching and scoring
ask of them. Everything is stored as integer codes in the arrays of
``namenorm.index.packed`` (see ``namenorm.index.build``) and decoded on
demand: a full-name spelling hit is its key in title case when its code
says so (most romanizations), else spelled again from its registry name and
system; a unit is restored (with its romanizations) on first use and kept
in a bounded cache.

Left out: building the arrays (``namenorm.index.build``), the query side
(``namenorm.index.search``) and scores.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
from rapidfuzz.fuzz import ratio
from rapidfuzz.process import cdist, extractOne

from ..errors import IndexFileError
from ..given import GivenNames
from ..match import Evidence
from .packed import Postings, StringMap, Strings
from .spellings import Unit, romanize, strip, stripped_system, system_names

__all__ = ["TITLED", "EntityLike", "NameLike", "Person", "Tables", "full_code", "titled"]

#: Systems of the spellings a unit has before romanization (``Unit.base``), by code.
BASE_SYSTEMS = ("stored", "yo", "case")
#: Restored units (and people) kept per index; the cache starts over when full.
CACHED = 1 << 15
_NO_PAIRS: tuple[tuple[int, int], ...] = ()


class NameLike(Protocol):
    """What the index reads of a registry name (``namenorm.registry.Name``)."""

    @property
    def text(self) -> str: ...
    @property
    def lang(self) -> str: ...


class EntityLike(Protocol):
    """What the index reads of a registry entity (``namenorm.registry.Entity``)."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def names(self) -> Sequence[NameLike]: ...
    @property
    def display(self) -> str: ...
    def preferred(self, lang: str = "en") -> str | None: ...


@dataclass
class Person:
    """The units of one entity's names, merged over all its spellings."""

    given: set[int] = field(default_factory=set)
    patronymic: set[int] = field(default_factory=set)
    surname: set[int] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)
    gender: str = ""


#: The bit of a full-name code that says the spelling is its key in title case.
TITLED = 1 << 23


def full_code(entity: int, name: int, system: int, stripped: bool, *, titled: bool = False) -> int:
    """The stored code of a full-name spelling: entity, whether the spelling is
    :func:`titled` of its key (so a hit need not spell it again), its name's
    number, the system's number (0 stored, n the n-th of the language) and
    whether the diacritics were stripped."""
    if name >= 1 << 14 or system >= 1 << 8:
        raise ValueError(f"name {name} or system {system} out of range for a full-name code")
    return entity << 24 | (TITLED if titled else 0) | name << 9 | system << 1 | stripped


def titled(key: str) -> str:
    """A spelling from its surface, for the spellings whose code says it is
    one (each word's first letter a capital, the rest small: ``str.title``);
    the build checks that it gives back the very spelling."""
    return key.title()


class FullSpellings:
    """Full-name surface -> (entity, the spelling as evidence), decoded from codes."""

    def __init__(self, table: StringMap, entities: Sequence[EntityLike]) -> None:
        self.table, self.entities = table, entities

    def get(
        self, wanted: str, default: Sequence[tuple[int, Evidence]] = ()
    ) -> Sequence[tuple[int, Evidence]]:
        """(entity, evidence) of every entity with a full spelling of surface ``wanted``."""
        codes = self.table.get(wanted)
        return [(code >> 24, self.evidence(code, wanted)) for code in codes] if codes else default

    def evidence(self, code: int, key: str) -> Evidence:
        """The spelling a code of key ``key`` stands for (see :meth:`spelled`)."""
        return Evidence(*self.spelled(code, key))

    def spelled(self, code: int, key: str) -> tuple[str, str, str, str]:
        """The fields of :meth:`evidence` (spelling, source, language, system):
        the key in title case when the code says so (:data:`TITLED`), else the
        spelling made again from its registry name."""
        name = self.entities[code >> 24].names[(code >> 9) & 0x3FFF]
        text, lang, system_number = name.text, name.lang, (code >> 1) & 0xFF
        system = "stored" if not system_number else system_names(lang)[system_number - 1]
        if code & 1:
            system = stripped_system(system)
        if code & TITLED:
            return titled(key), text, lang, system
        spelling = text
        if system_number:
            made_by = system.removesuffix("+stripped")
            spelling = " ".join(romanize(w, lang, made_by) for w in text.split(" "))
        return (strip(spelling) if code & 1 else spelling), text, lang, system

    def __len__(self) -> int:
        return len(self.table)


class UnitSpellings:
    """Unit-spelling surface -> (unit, variant number) pairs."""

    def __init__(self, table: StringMap) -> None:
        self.table = table

    def get(
        self, wanted: str, default: Sequence[tuple[int, int]] = _NO_PAIRS
    ) -> Sequence[tuple[int, int]]:
        """(unit, variant) of every unit spelling whose surface is ``wanted``."""
        codes = self.table.get(wanted)
        return tuple((code >> 16, code & 0xFFFF) for code in codes) if codes else default

    def __len__(self) -> int:
        return len(self.table)


class Neighbours:
    """One-deletion neighbour -> the sound keys it is a deletion of, then the
    key itself when it is one (so one probe answers both)."""

    def __init__(self, table: StringMap, keys: StringMap) -> None:
        self.table, self.keys = table, keys

    def get(self, deleted: str, default: Sequence[str] = ()) -> Sequence[str]:
        """Every key that ``deleted`` is one deletion of, then ``deleted`` if it is a key."""
        numbers = self.table.get(deleted)
        return [self.keys.key_at(n) for n in numbers] if numbers else default

    def __contains__(self, deleted: object) -> bool:
        return deleted in self.table

    def near(self, probes: Iterable[str]) -> Iterator[str]:
        """:meth:`get` of each of ``probes`` in turn, in one stream."""
        key_at = self.keys.key_at
        for numbers in self.table.hits(probes):
            for number in numbers:
                yield key_at(number)


class Units(Sequence[Unit]):
    """Every unit by number, restored from the arrays on first use."""

    def __init__(self, arrays: Mapping[str, memoryview], meta: Mapping[str, Any]) -> None:
        self.text = Strings(arrays, "units.text")
        self.info = arrays["units.info"]
        self.keys = Postings(arrays, "units.keys")
        self.base = Postings(arrays, "units.base")
        self.generated = Postings(arrays, "units.generated")
        self.spellings = Strings(arrays, "spellings")
        self.key_names = Strings(arrays, "keys.keys")
        #: Each unit's match surfaces, in variant order, as numbers of the
        #: surfaces table's keys: read without restoring the unit.
        self.surface_numbers = Postings(arrays, "units.surfaces")
        self.surface_names = Strings(arrays, "surfaces.keys")
        self.codes: dict[str, list[str]] = meta["codes"]
        self.eager: bool = meta["eager"]
        self._cache: dict[int, Unit] = {}

    def __len__(self) -> int:
        return len(self.info)

    def __getitem__(self, number: int) -> Unit:  # type: ignore[override]
        found = self._cache.get(number)
        if found is None:
            if len(self._cache) >= CACHED:
                self._cache.clear()
            found = self._cache[number] = self.restore(number)
        return found

    def __iter__(self) -> Iterator[Unit]:
        for number in range(len(self)):
            yield self[number]

    def surfaces_of(self, number: int) -> list[str]:
        """The match surface of each variant of unit ``number`` (``Unit.surfaces``),
        read from the arrays: the unit is not restored."""
        names = self.surface_names
        return [names[n] for n in self.surface_numbers[number]]

    def variant_of(self, number: int, variant: int) -> Evidence:
        """Variant ``variant`` of unit ``number`` (``Unit.variant``), spelled alone
        when the unit has not been restored."""
        found = self._cache.get(number)
        if found is not None:
            return found.variant(variant)
        info, codes = self.info[number], self.codes
        text = self.text[number]
        lang = codes["lang"][info & 0xFF]
        base = self.base[number]
        if variant < len(base):
            code = base[variant]
            return Evidence(self.spellings[code >> 2], text, lang, BASE_SYSTEMS[code & 3])
        code = self.generated[number][variant - len(base)]
        system = system_names(lang)[code >> 1]
        romanized = " ".join(romanize(w, lang, system) for w in text.split(" "))
        if code & 1:
            return Evidence(strip(romanized), text, lang, system + "+stripped")
        return Evidence(romanized, text, lang, system)

    def restore(self, number: int) -> Unit:
        """Unit ``number`` as built (the romanizations spelled again from its text)."""
        info, codes = self.info[number], self.codes
        text = self.text[number]
        lang = codes["lang"][info & 0xFF]
        base = [(self.spellings[code >> 2], BASE_SYSTEMS[code & 3]) for code in self.base[number]]
        codes_of = self.generated[number]
        systems = system_names(lang) if codes_of else ()
        generated = [(systems[code >> 1], bool(code & 1)) for code in codes_of]
        return Unit.restore(
            text,
            lang,
            codes["role"][(info >> 8) & 0xFF],
            codes["kind"][(info >> 16) & 0xFF],
            codes["gender"][(info >> 24) & 0xFF],
            keys=tuple(self.key_names[k] for k in self.keys[number]),
            base=base,
            generated=generated if self.eager else None,
        )


class People(Sequence[Person]):
    """Every entity's units by entity number, restored on use."""

    def __init__(self, arrays: Mapping[str, memoryview], meta: Mapping[str, Any]) -> None:
        self.given = Postings(arrays, "people.given")
        self.patronymic = Postings(arrays, "people.patronymic")
        self.surname = Postings(arrays, "people.surname")
        self.groups = Postings(arrays, "people.groups")
        self.gender = arrays["people.gender"]
        self.group_names: list[str] = meta["groups"]
        self.genders: list[str] = meta["codes"].get("gender", [])
        self._cache: dict[int, Person] = {}

    def __len__(self) -> int:
        return len(self.gender)

    def __getitem__(self, number: int) -> Person:  # type: ignore[override]
        found = self._cache.get(number)
        if found is None:
            if len(self._cache) >= CACHED:
                self._cache.clear()
            names = self.group_names
            # Sets filled in the order the build met the units: the same sets,
            # iterated in the same order, as the build's.
            found = self._cache[number] = Person(
                set(self.given[number]),
                set(self.patronymic[number]),
                set(self.surname[number]),
                {names[g] for g in self.groups[number]},
                self.genders[self.gender[number]],
            )
        return found


class Tables:
    """Lookup tables over one registry's entities; see the module docstring."""

    def __init__(
        self,
        entities: Sequence[EntityLike],
        given: GivenNames,
        arrays: Mapping[str, memoryview],
        meta: Mapping[str, Any],
    ) -> None:
        if meta.get("entities") != len(entities):
            raise IndexFileError(
                f"the index holds {meta.get('entities')} entities; the registry has {len(entities)}"
            )
        self.given = given
        self.entities = entities
        self.arrays = arrays
        self.meta = dict(meta)
        self.eager: bool = meta["eager"]
        self.build_seconds = 0.0  # set by Index.build; a file read costs none
        self.longest_key: int = meta["longest_key"]
        self.longest_word_key: int = meta["longest_word_key"]
        self.full = FullSpellings(StringMap(arrays, "full"), entities)
        self.surfaces = UnitSpellings(StringMap(arrays, "surfaces"))
        self.keys = StringMap(arrays, "keys")
        self.coarse = StringMap(arrays, "coarse")
        self.deletes = Neighbours(StringMap(arrays, "deletes"), self.keys)
        self.postings = Postings(arrays, "postings")
        self.units = Units(arrays, meta)
        self.unit_ids = StringMap(arrays, "unit_ids")
        self.people = People(arrays, meta)

    def unit_number(self, text: str, lang: str, role: str) -> int | None:
        """The unit stored as ``text`` in ``lang`` for ``role`` (a person's name
        part, else the entity's kind), or None."""
        found = self.unit_ids.get(f"{text}\x1f{lang}\x1f{role}")
        return found[0] if found else None

    # -- reading -------------------------------------------------------------
    def spelled(self, wanted: str) -> list[tuple[int, Evidence]]:
        """(unit, spelling) of every unit with a spelling whose match surface is ``wanted``."""
        units = self.units
        return [(u, units[u].variant(v)) for u, v in self.surfaces.get(wanted, ())]

    def closest(self, unit: int, wanted: str) -> tuple[float, int]:
        """How alike (0-1) the unit's spelling most like ``wanted`` (a surface) is,
        and its variant number: ``Unit.closest`` over the stored surfaces."""
        found = extractOne(wanted, self.units.surfaces_of(unit), scorer=ratio)
        return (0.0, 0) if found is None else (found[1] / 100.0, found[2])

    def closest_of(self, units: Sequence[int], wanted: str) -> list[tuple[float, int]]:
        """:meth:`closest` of each of ``units``, scored in one ``rapidfuzz.process.cdist``
        pass over all their surfaces (the first best of each unit on a tie)."""
        surfaces_of = self.units.surfaces_of
        choices: list[str] = []
        counts = np.zeros(len(units), dtype=np.int64)
        for at, unit in enumerate(units):
            surfaces = surfaces_of(unit)
            choices += surfaces
            counts[at] = len(surfaces)
        if not choices:
            return [(0.0, 0)] * len(units)
        scores = cdist([wanted], choices, scorer=ratio, dtype=np.float64)[0]
        filled = np.flatnonzero(counts)
        starts = np.zeros(len(units), dtype=np.int64)
        np.cumsum(counts[:-1], out=starts[1:])
        best = np.maximum.reduceat(scores, starts[filled])
        owner = np.repeat(np.arange(len(units)), counts)
        at_best = np.flatnonzero(scores == np.repeat(best, counts[filled]))
        first = at_best[np.unique(owner[at_best], return_index=True)[1]]
        found = [(0.0, 0)] * len(units)
        for unit_at, score, position in zip(
            filled.tolist(), best.tolist(), (first - starts[filled]).tolist(), strict=True
        ):
            found[unit_at] = (score / 100.0, position)
        return found

    def fits_gender(self, unit: int, gender: str | None) -> bool:
        """Whether some entity with this surname unit has ``gender`` (or none is asked)."""
        if not gender:
            return True
        return any(self.people[e].gender in ("", gender) for e in self.postings.get(unit, ()))

    def clear_caches(self) -> None:
        """Forget the units and people restored so far."""
        self.units._cache.clear()
        self.people._cache.clear()

    def stats(self) -> dict[str, int]:
        """Sizes of the lookup tables (for benchmarks and /health)."""
        return {
            "entities": len(self.entities),
            "full_spellings": len(self.full),
            "units": len(self.units),
            "unit_spellings": len(self.surfaces),
            "keys": len(self.keys),
        }
