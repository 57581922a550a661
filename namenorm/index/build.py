"""Building an index: a registry's entities to the named arrays of ``namenorm.index.tables``.

:class:`Builder` splits every registry name into units
(``namenorm.index.spellings``) and romanizes every unit and every Cyrillic
full name in every system of its language, at any registry size (each word
romanized once per build). The large tables (full-name spellings, unit
spellings, the one-deletion neighbourhood) are collected as (key, number)
pairs in flat arrays (``namenorm.index.collect``) and packed by sorting; the
small ones (sound keys, their coarse forms) in dictionaries. A unit is
kept as what it is made from until it is packed; it is then made (case
forms, romanizations), its spellings collected and its objects dropped, so
the build holds codes, not ``Evidence`` values. Integer codes stand for the
rest: a full-name spelling is (entity, titled, name, system, stripped),
where ``titled`` says its key in title case is the spelling (checked
here, so a hit need not romanize it again); a unit's romanizations are
(system, stripped) over its text.

Left out: reading the arrays (``namenorm.index.tables``) and files
(``namenorm.index.store``).
"""

from __future__ import annotations

import gc
from array import array
from collections.abc import Iterable
from typing import Any

from ..given import GivenNames
from ..keys import surface
from ..names import parse_registry_name
from ..text import is_cyrillic
from .collect import Collector
from .packed import fit, pack_map, pack_postings, pack_strings
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
)
from .tables import BASE_SYSTEMS, EntityLike, full_code, titled
from .typos import deletions, max_edits

__all__ = ["Builder"]

#: One word romanized in one system: its surface, that of it stripped of
#: diacritics, whether stripping changed it, and whether each surface in title
#: case is its spelling.
_Word = tuple[str, str, bool, bool, bool]


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
        self.full = Collector()  # surface -> full_code, first per entity kept
        # What each unit is made from (text, lang, role, kind, gender): the Unit
        # itself, with its case forms and romanizations, is made when it is packed
        # and dropped at once, so the build never holds every unit's spellings.
        self.units: list[tuple[str, str, str, str, str] | None] = []  # None once packed
        self.unit_ids: dict[tuple[str, str, str], int] = {}  # (text, lang, role or kind)
        # Each entity's units, groups and gender, packed as soon as it is read.
        self.people = {part: _Rows() for part in ("given", "patronymic", "surname", "groups")}
        self.group_names: dict[str, int] = {}
        self.genders: list[str] = []
        self._romanized: dict[tuple[str, str], tuple[_Word | None, ...]] = {}

    def run(self) -> tuple[dict[str, array[int]], dict[str, Any]]:
        """Build and pack: the arrays and the meta data of ``Tables``, the same
        bytes for the same registry in every process (nothing in them follows
        string hashing or the clock)."""
        collecting = gc.isenabled()
        gc.disable()  # millions of small objects, none of them cyclic garbage
        try:
            for number, entity in enumerate(self.entities):
                self._add_entity(number, entity)
            for number, entity in enumerate(self.entities):
                self._generated_full(number, entity)
            self._romanized.clear()
            arrays, meta = self.pack()
        finally:
            if collecting:
                gc.enable()
        return arrays, meta

    def _add_entity(self, number: int, entity: EntityLike) -> None:
        person = _Person()
        gender = None
        named = [(name, parse_registry_name(name.text, kind=entity.kind)) for name in entity.names]
        if entity.kind == "person":
            given_words = [parts.given for _, parts in named if parts.given]
            for given in given_words:
                # sorted: a frozenset's order follows string hashing (PYTHONHASHSEED)
                person.groups.update(dict.fromkeys(sorted(self.given.groups(given))))
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
        people = self.people
        people["given"].add(person.given)
        people["patronymic"].add(person.patronymic)
        people["surname"].add(person.surname)
        names = self.group_names
        people["groups"].add(names.setdefault(g, len(names)) for g in person.groups)
        self.genders.append(person.gender)

    def _add_full(self, number: int, spelling: str, name: int, system: int) -> None:
        # A romanized spelling is marked when its key in title case spells it
        # (a hit then need not romanize the name again); a stored one is the
        # registry's text, read as it is.
        key = surface(spelling)
        code = full_code(number, name, system, False, titled=system > 0 and titled(key) == spelling)
        self.full.add(key, code)
        stripped = spelling if spelling.isascii() else strip(spelling)  # ASCII: nothing to strip
        if stripped != spelling:
            key = surface(stripped)
            marked = system > 0 and titled(key) == stripped
            self.full.add(key, full_code(number, name, system, True, titled=marked))

    def _generated_full(self, number: int, entity: EntityLike) -> None:
        """Romanizations of each Cyrillic full name, as full spellings: the same
        surfaces as ``_add_full`` of the romanized name, put together from its
        words' (each word romanized, stripped and cleaned once per build)."""
        add = self.full.add
        for name_number, name in enumerate(entity.names):
            if name.lang not in CYRILLIC_LANGS or not is_cyrillic(name.text):
                continue
            words = [self._word(w, name.lang) for w in name.text.split(" ")]
            for system in range(len(words[0])):
                parts = [w[system] for w in words]
                if None in parts:  # a word cleans oddly: spell the name whole
                    system_name = system_names(name.lang)[system]
                    romanized = " ".join(
                        romanize(w, name.lang, system_name) for w in name.text.split(" ")
                    )
                    self._add_full(number, romanized, name_number, system + 1)
                    continue
                spelled = [p for p in parts if p is not None]
                add(
                    " ".join(p[0] for p in spelled),
                    full_code(
                        number, name_number, system + 1, False, titled=all(p[3] for p in spelled)
                    ),
                )
                if any(p[2] for p in spelled):
                    add(
                        " ".join(p[1] for p in spelled),
                        full_code(
                            number, name_number, system + 1, True, titled=all(p[4] for p in spelled)
                        ),
                    )

    def _word(self, word: str, lang: str) -> tuple[_Word | None, ...]:
        """For each system of ``lang``: the surface of ``word`` romanized, that of
        it stripped of diacritics, whether stripping changed it, and whether
        each surface in title case is the spelling (``tables.titled``); None
        where a surface is empty or holds a space (the word must then be
        spelled with its name)."""
        found = self._romanized.get((word, lang))
        if found is None:
            if len(self._romanized) >= 200_000:
                self._romanized.clear()
            spelled = []
            for system in system_names(lang):
                romanized = romanize(word, lang, system)
                stripped = romanized if romanized.isascii() else strip(romanized)
                plain, bare = surface(romanized), surface(stripped)
                ok = plain and bare and " " not in plain and " " not in bare
                spelled.append(
                    (
                        plain,
                        bare,
                        stripped != romanized,
                        titled(plain) == romanized,
                        titled(bare) == stripped,
                    )
                    if ok
                    else None
                )
            found = self._romanized[(word, lang)] = tuple(spelled)
        return found

    def _unit(self, text: str, lang: str, role: str, gender: str, kind: str) -> int:
        ident = (text, lang, role if kind == "person" else kind)
        found = self.unit_ids.get(ident)
        if found is not None:
            return found
        number = len(self.units)
        self.units.append((text, lang, role, kind, gender))
        self.unit_ids[ident] = number
        return number

    # -- packing ---------------------------------------------------------------
    def pack(self) -> tuple[dict[str, array[int]], dict[str, Any]]:
        """The tables as named arrays (see ``namenorm.index.tables.Tables``) and meta data."""
        arrays: dict[str, array[int]] = self.full.pack("full", first_per=24)
        surfaces = Collector()
        keys: dict[str, list[int]] = {}
        coarse_keys: dict[str, list[int]] = {}
        codes = _Codes()
        unit_info, unit_texts, unit_keys = array("Q"), [], []
        unit_base, unit_generated = _Rows(), _Rows()
        surface_starts = array("Q", [0])  # each unit's surfaces: pairs collected in order
        spellings: dict[str, int] = {}
        for number, made_of in enumerate(self.units):
            assert made_of is not None
            self.units[number] = None  # its spellings are codes from here on
            unit = Unit(*made_of)
            variants = unit.variants
            for variant_number, spelled in enumerate(unit.surfaces):
                surfaces.add(spelled, number << 16 | variant_number)
            surface_starts.append(len(surfaces))
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
            unit_base.add(
                spellings.setdefault(e.spelling, len(spellings)) << 2 | BASE_SYSTEMS.index(e.system)
                for e in variants[:base]
            )
            systems = system_names(unit.lang) if unit.cyrillic else ()
            unit_generated.add(
                systems.index(e.system.removesuffix("+stripped")) << 1
                | e.system.endswith("+stripped")
                for e in variants[base:]
            )
            unit_texts.append(unit.text)
            unit_keys.append(unit.keys)
        arrays |= surfaces.pack("surfaces", numbered="units.surfaces.values")
        arrays["units.surfaces.starts"] = surface_starts
        del surfaces
        key_numbers = {key: n for n, key in enumerate(keys)}
        arrays |= pack_map(keys.items(), "keys")
        arrays |= pack_map(coarse_keys.items(), "coarse")
        deletes = Collector()
        for key, number in key_numbers.items():
            if max_edits(key):
                for deleted in sorted(deletions(key)):
                    deletes.add(deleted, number)
        for key, number in key_numbers.items():  # a key is near itself: one probe finds both
            deletes.add(key, number)
        arrays |= deletes.pack("deletes")
        del deletes
        arrays |= pack_strings(unit_texts, "units.text")
        arrays["units.info"] = unit_info
        arrays |= pack_postings(
            ([key_numbers[k] for k in unit_keys_of] for unit_keys_of in unit_keys), "units.keys"
        )
        arrays |= unit_base.pack("units.base")
        arrays |= unit_generated.pack("units.generated")
        arrays |= pack_strings(spellings, "spellings")
        arrays |= pack_map(
            (("\x1f".join(ident), (number,)) for ident, number in self.unit_ids.items()),
            "unit_ids",
        )
        bearers: list[list[int]] = [[] for _ in self.units]
        starts, values = self.people["surname"].starts, self.people["surname"].values
        for number in range(len(starts) - 1):
            for bearer_of in values[starts[number] : starts[number + 1]]:
                bearers[bearer_of].append(number)
        arrays |= pack_postings(bearers, "postings")
        del bearers
        for part, rows in self.people.items():
            arrays |= {name: fit(column) for name, column in rows.pack(f"people.{part}").items()}
        arrays["people.gender"] = array("B", (codes.of("gender", g) for g in self.genders))
        meta = {
            "eager": True,
            "entities": len(self.entities),
            "codes": codes.tables,
            "groups": list(self.group_names),
            "longest_key": max(map(len, keys), default=0),
            "longest_word_key": max((len(k) for k in keys if " " not in k), default=0),
        }
        return arrays, meta


class _Rows:
    """Rows of numbers collected straight into the arrays of a ``Postings`` table."""

    def __init__(self) -> None:
        self.starts, self.values = array("Q", [0]), array("Q")

    def add(self, row: Iterable[int]) -> None:
        self.values.extend(row)
        self.starts.append(len(self.values))

    def pack(self, name: str) -> dict[str, array[int]]:
        return {f"{name}.starts": self.starts, f"{name}.values": self.values}


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
