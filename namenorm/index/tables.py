"""The index's lookup tables, and their build from a registry's entities.

Every registry name is split into units (``namenorm.index.spellings``); the
tables map each full-name spelling to its entities, each unit spelling's
match surface to (unit, variant), each unit sound key (and its coarse form)
to units, each key's one-deletion neighbours to keys, and each surname unit
to the people who bear it. :class:`Tables` answers the questions searching
and scoring ask of them, so how they are stored can change behind it.

Left out: the query side (``namenorm.index.search``) and scores.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..given import GivenNames
from ..keys import surface
from ..match import Evidence
from ..names import parse_registry_name
from ..text import is_cyrillic
from .spellings import (
    CYRILLIC_LANGS,
    ROLE_GIVEN,
    ROLE_PATRONYMIC,
    ROLE_SURNAME,
    Unit,
    coarse,
    romanize,
    strip,
    stripped_system,
    system_names,
    unit_surface,
)
from .typos import deletions, max_edits

__all__ = ["EAGER_UNITS", "EntityLike", "NameLike", "Person", "Tables"]

#: Registries with at most this many name units generate every romanization at
#: build time; larger ones generate them per unit on first use.
EAGER_UNITS = 250_000


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


class Tables:
    """Lookup tables over one registry's entities; see the module docstring."""

    def __init__(self, entities: Iterable[EntityLike], given: GivenNames) -> None:
        self.given = given
        self.entities: list[EntityLike] = list(entities)
        self.full: dict[str, list[tuple[int, Evidence]]] = {}
        self.units: list[Unit] = []
        self._unit_ids: dict[tuple[str, str, str], int] = {}  # (text, lang, role or kind)
        self.surfaces: dict[str, list[tuple[int, int]]] = {}  # surface -> (unit, variant)
        self.keys: dict[str, list[int]] = {}
        self.coarse: dict[str, list[int]] = {}  # keys with ш/ч/ж folded to с/ц/з
        self.deletes: dict[str, list[str]] = {}
        self.postings: dict[int, list[int]] = {}  # surname unit -> entities
        self.people: list[Person] = []
        self.eager = True
        self.build_seconds = 0.0

    # -- building ------------------------------------------------------------
    @classmethod
    def build(
        cls, entities: Iterable[EntityLike], given: GivenNames, *, eager: bool | None = None
    ) -> Tables:
        """Build the tables; ``eager`` as in ``Index.build``."""
        started = time.perf_counter()
        collecting = gc.isenabled()
        gc.disable()  # millions of small objects, none of them cyclic garbage
        try:
            tables = cls(entities, given)
            for number, entity in enumerate(tables.entities):
                tables._add_entity(number, entity)
            tables.eager = len(tables.units) <= EAGER_UNITS if eager is None else eager
            tables._finish()
        finally:
            if collecting:
                # One collection now moves the index to the oldest generation, so
                # queries do not pay for walking it in collections of their own.
                gc.collect()
                gc.enable()
        tables.build_seconds = time.perf_counter() - started
        return tables

    def _add_entity(self, number: int, entity: EntityLike) -> None:
        person = Person()
        gender = None
        named = [(name, parse_registry_name(name.text, kind=entity.kind)) for name in entity.names]
        if entity.kind == "person":
            given_words = [parts.given for _, parts in named if parts.given]
            for given in given_words:
                person.groups.update(self.given.groups(given))
                gender = gender or self.given.gender_of(given)
            if gender is None:  # not in the table: most -а/-я given names are women's
                feminine = any(w.endswith(("а", "я", "a", "ia", "ya")) for w in given_words)
                gender = "f" if feminine else "m"
            person.gender = gender
        for name, parts in named:
            self._add_full(number, Evidence(name.text, name.text, name.lang, "stored"))
            for role, text, target in (
                (ROLE_GIVEN, parts.given, person.given),
                (ROLE_PATRONYMIC, parts.patronymic, person.patronymic),
                (ROLE_SURNAME, parts.surname, person.surname),
            ):
                if text:
                    target.add(self._unit(text, name.lang, role, gender or "m", entity.kind))
        for unit in person.surname:
            self.postings.setdefault(unit, []).append(number)
        self.people.append(person)

    def _add_full(self, number: int, evidence: Evidence) -> None:
        for spelling in dict.fromkeys((evidence.spelling, strip(evidence.spelling))):
            bucket = self.full.setdefault(surface(spelling), [])
            if all(entity != number for entity, _ in bucket):
                bucket.append(
                    (
                        number,
                        evidence
                        if spelling == evidence.spelling
                        else Evidence(
                            spelling,
                            evidence.source,
                            evidence.lang,
                            stripped_system(evidence.system),
                        ),
                    )
                )

    def _generated_full(self, number: int, entity: EntityLike) -> None:
        """Romanizations of each Cyrillic full name, as full spellings (eager mode)."""
        for name in entity.names:
            if name.lang not in CYRILLIC_LANGS or not is_cyrillic(name.text):
                continue
            words = name.text.split(" ")
            for system in system_names(name.lang):
                romanized = " ".join(romanize(w, name.lang, system) for w in words)
                self._add_full(number, Evidence(romanized, name.text, name.lang, system))

    def _unit(self, text: str, lang: str, role: str, gender: str, kind: str) -> int:
        ident = (text, lang, role if kind == "person" else kind)
        found = self._unit_ids.get(ident)
        if found is not None:
            return found
        number = len(self.units)
        self.units.append(Unit(text, lang, role, kind, gender))
        self._unit_ids[ident] = number
        return number

    def _finish(self) -> None:
        if self.eager:
            for number, entity in enumerate(self.entities):
                self._generated_full(number, entity)
        for number, unit in enumerate(self.units):
            variants = unit.variants if self.eager else unit.base_variants
            for variant_number, evidence in enumerate(variants):
                self.surfaces.setdefault(unit_surface(evidence.spelling), []).append(
                    (number, variant_number)
                )
            for key in unit.keys:
                self.keys.setdefault(key, []).append(number)
                folded = coarse(key)
                if folded != key:
                    self.coarse.setdefault(folded, []).append(number)
        for key in self.keys:
            if max_edits(key):
                for deleted in deletions(key):
                    self.deletes.setdefault(deleted, []).append(key)

    # -- reading -------------------------------------------------------------
    def spelled(self, wanted: str) -> list[tuple[int, Evidence]]:
        """(unit, spelling) of every unit with a spelling whose match surface is ``wanted``."""
        units = self.units
        return [(u, units[u].variant(v)) for u, v in self.surfaces.get(wanted, ())]

    def fits_gender(self, unit: int, gender: str | None) -> bool:
        """Whether some entity with this surname unit has ``gender`` (or none is asked)."""
        if not gender:
            return True
        return any(self.people[e].gender in ("", gender) for e in self.postings.get(unit, ()))

    def stats(self) -> dict[str, int]:
        """Sizes of the lookup tables (for benchmarks and /health)."""
        return {
            "entities": len(self.entities),
            "full_spellings": len(self.full),
            "units": len(self.units),
            "unit_spellings": len(self.surfaces),
            "keys": len(self.keys),
        }
