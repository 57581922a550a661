"""Building an index: a registry's entities to the named arrays of ``namenorm.index.tables``.

:class:`Builder` splits every registry name into units
(``namenorm.index.spellings``), romanizes them, and collects in dictionaries
each full-name spelling's entities, each unit spelling's match surface, each
unit sound key (and its coarse form), each key's one-deletion neighbours and
each surname unit's bearers. :meth:`Builder.pack` then turns them into flat
arrays (``namenorm.index.packed``) with integer codes: a full-name spelling
is stored as (entity, name, system, stripped) and spelled again from the
registry name when a query hits it; a unit's romanizations as (system,
stripped) over its text. The dictionaries are dropped once packed.

Left out: reading the arrays (``namenorm.index.tables``) and files
(``namenorm.index.store``).
"""

from __future__ import annotations

import gc
import time
from array import array
from collections.abc import Iterable
from typing import Any

from ..given import GivenNames
from ..keys import surface
from ..names import parse_registry_name
from ..text import is_cyrillic
from .packed import pack_map, pack_postings, pack_strings
from .spellings import (
    CYRILLIC_LANGS,
    ROLE_GIVEN,
    ROLE_PATRONYMIC,
    ROLE_SURNAME,
    Unit,
    coarse,
    romanize,
    strip,
    system_names,
    unit_surface,
)
from .tables import EntityLike, full_code
from .typos import deletions, max_edits

__all__ = ["EAGER_UNITS", "Builder"]

#: Registries with at most this many name units generate every romanization at
#: build time; larger ones generate them per unit on first use.
EAGER_UNITS = 250_000
#: Systems of the spellings a unit has before romanization (``Unit.base``).
BASE_SYSTEMS = ("stored", "yo", "case")


class _Person:
    """The units of one entity's names in the order they were first met."""

    __slots__ = ("gender", "given", "groups", "patronymic", "surname")

    def __init__(self) -> None:
        self.given: dict[int, None] = {}
        self.patronymic: dict[int, None] = {}
        self.surname: dict[int, None] = {}
        self.groups: dict[str, None] = {}
        self.gender = ""


class Builder:
    """Collects one registry's tables in dictionaries; see the module docstring."""

    def __init__(self, entities: Iterable[EntityLike], given: GivenNames) -> None:
        self.given = given
        self.entities: list[EntityLike] = list(entities)
        self.full: dict[str, dict[int, int]] = {}  # surface -> entity -> code
        self.units: list[Unit] = []
        self.unit_ids: dict[tuple[str, str, str], int] = {}  # (text, lang, role or kind)
        self.people: list[_Person] = []
        self.eager = True

    def run(self, *, eager: bool | None = None) -> tuple[dict[str, array[int]], dict[str, Any]]:
        """Build and pack: the arrays and the meta data of ``Tables``."""
        started = time.perf_counter()
        collecting = gc.isenabled()
        gc.disable()  # millions of small objects, none of them cyclic garbage
        try:
            for number, entity in enumerate(self.entities):
                self._add_entity(number, entity)
            self.eager = len(self.units) <= EAGER_UNITS if eager is None else eager
            if self.eager:
                for number, entity in enumerate(self.entities):
                    self._generated_full(number, entity)
            arrays, meta = self.pack()
        finally:
            if collecting:
                gc.enable()
        meta["build_seconds"] = time.perf_counter() - started
        return arrays, meta

    def _add_entity(self, number: int, entity: EntityLike) -> None:
        person = _Person()
        gender = None
        named = [(name, parse_registry_name(name.text, kind=entity.kind)) for name in entity.names]
        if entity.kind == "person":
            given_words = [parts.given for _, parts in named if parts.given]
            for given in given_words:
                person.groups.update(dict.fromkeys(self.given.groups(given)))
                gender = gender or self.given.gender_of(given)
            if gender is None:  # not in the table: most -а/-я given names are women's
                feminine = any(w.endswith(("а", "я", "a", "ia", "ya")) for w in given_words)
                gender = "f" if feminine else "m"
            person.gender = gender
        for name_number, (name, parts) in enumerate(named):
            self._add_full(number, name.text, name_number, 0)
            for role, text, target in (
                (ROLE_GIVEN, parts.given, person.given),
                (ROLE_PATRONYMIC, parts.patronymic, person.patronymic),
                (ROLE_SURNAME, parts.surname, person.surname),
            ):
                if text:
                    unit = self._unit(text, name.lang, role, gender or "m", entity.kind)
                    target.setdefault(unit)
        self.people.append(person)

    def _add_full(self, number: int, spelling: str, name: int, system: int) -> None:
        stripped = strip(spelling)
        for variant, flag in ((spelling, False), (stripped, True)):
            if flag and stripped == spelling:
                break
            self.full.setdefault(surface(variant), {}).setdefault(
                number, full_code(number, name, system, flag)
            )

    def _generated_full(self, number: int, entity: EntityLike) -> None:
        """Romanizations of each Cyrillic full name, as full spellings (eager mode)."""
        for name_number, name in enumerate(entity.names):
            if name.lang not in CYRILLIC_LANGS or not is_cyrillic(name.text):
                continue
            words = name.text.split(" ")
            for system_number, system in enumerate(system_names(name.lang), 1):
                romanized = " ".join(romanize(w, name.lang, system) for w in words)
                self._add_full(number, romanized, name_number, system_number)

    def _unit(self, text: str, lang: str, role: str, gender: str, kind: str) -> int:
        ident = (text, lang, role if kind == "person" else kind)
        found = self.unit_ids.get(ident)
        if found is not None:
            return found
        number = len(self.units)
        self.units.append(Unit(text, lang, role, kind, gender))
        self.unit_ids[ident] = number
        return number

    # -- packing ---------------------------------------------------------------
    def pack(self) -> tuple[dict[str, array[int]], dict[str, Any]]:
        """The tables as named arrays (see ``namenorm.index.tables.Tables``) and meta data."""
        arrays: dict[str, array[int]] = {}
        full, self.full = self.full, {}
        arrays |= pack_map(((k, v.values()) for k, v in full.items()), "full")
        del full
        surfaces: dict[str, list[int]] = {}
        keys: dict[str, list[int]] = {}
        coarse_keys: dict[str, list[int]] = {}
        codes = _Codes()
        unit_info, unit_keys, unit_base, unit_generated = array("Q"), [], [], []
        spellings: dict[str, int] = {}
        for number, unit in enumerate(self.units):
            variants = unit.variants if self.eager else unit.base_variants
            for variant_number, evidence in enumerate(variants):
                surfaces.setdefault(unit_surface(evidence.spelling), []).append(
                    number << 16 | variant_number
                )
            for key in unit.keys:
                keys.setdefault(key, []).append(number)
                folded = coarse(key)
                if folded != key:
                    coarse_keys.setdefault(folded, []).append(number)
            unit_info.append(
                codes.of("lang", unit.lang)
                | codes.of("role", unit.role) << 8
                | codes.of("kind", unit.kind) << 16
                | codes.of("gender", unit.gender) << 24
            )
            base = len(unit.base_surfaces)
            unit_base.append(
                [
                    spellings.setdefault(e.spelling, len(spellings)) << 2
                    | BASE_SYSTEMS.index(e.system)
                    for e in variants[:base]
                ]
            )
            systems = system_names(unit.lang) if unit.cyrillic else ()
            unit_generated.append(
                [
                    systems.index(e.system.removesuffix("+stripped")) << 1
                    | e.system.endswith("+stripped")
                    for e in variants[base:]
                ]
            )
            unit_keys.append(unit.keys)
        arrays |= pack_map(surfaces.items(), "surfaces")
        del surfaces
        key_numbers = {key: n for n, key in enumerate(keys)}
        arrays |= pack_map(keys.items(), "keys")
        arrays |= pack_map(coarse_keys.items(), "coarse")
        deletes: dict[str, list[int]] = {}
        for key, number in key_numbers.items():
            if max_edits(key):
                for deleted in deletions(key):
                    deletes.setdefault(deleted, []).append(number)
        arrays |= pack_map(deletes.items(), "deletes")
        del deletes
        arrays |= pack_strings((u.text for u in self.units), "units.text")
        arrays["units.info"] = unit_info
        arrays |= pack_postings(
            ([key_numbers[k] for k in unit_keys_of] for unit_keys_of in unit_keys), "units.keys"
        )
        arrays |= pack_postings(unit_base, "units.base")
        arrays |= pack_postings(unit_generated, "units.generated")
        arrays |= pack_strings(spellings, "spellings")
        arrays |= pack_map(
            (("\x1f".join(ident), (number,)) for ident, number in self.unit_ids.items()),
            "unit_ids",
        )
        bearers: list[list[int]] = [[] for _ in self.units]
        for number, person in enumerate(self.people):
            for bearer_of in person.surname:
                bearers[bearer_of].append(number)
        arrays |= pack_postings(bearers, "postings")
        arrays |= pack_postings((list(p.given) for p in self.people), "people.given")
        arrays |= pack_postings((list(p.patronymic) for p in self.people), "people.patronymic")
        arrays |= pack_postings((list(p.surname) for p in self.people), "people.surname")
        group_names: dict[str, int] = {}
        arrays |= pack_postings(
            ([group_names.setdefault(g, len(group_names)) for g in p.groups] for p in self.people),
            "people.groups",
        )
        arrays["people.gender"] = array("B", (codes.of("gender", p.gender) for p in self.people))
        meta = {
            "eager": self.eager,
            "entities": len(self.entities),
            "codes": codes.tables,
            "groups": list(group_names),
            "longest_key": max(map(len, keys), default=0),
            "longest_word_key": max((len(k) for k in keys if " " not in k), default=0),
        }
        return arrays, meta


class _Codes:
    """Small integer codes for the few distinct languages, roles, kinds, genders."""

    def __init__(self) -> None:
        self.tables: dict[str, list[str]] = {}
        self._numbers: dict[tuple[str, str], int] = {}

    def of(self, table: str, value: str) -> int:
        found = self._numbers.get((table, value))
        if found is None:
            values = self.tables.setdefault(table, [])
            found = self._numbers[(table, value)] = len(values)
            values.append(value)
        return found
