"""The :class:`Index`: one registry's lookup tables and the resolver that runs on them.

:meth:`Index.build` builds the tables once (``namenorm.index.tables``);
:meth:`Index.lookup` and :meth:`Index.resolve` search and score
(``search``, ``score``) and decide (``decide``). The rest of the class is the
documented reading API that copy scanning uses (it builds its automaton
from it): entities by number, every spelling of surnames and of given
names, one entity's spellings and keys, and key membership.

Left out: the registry CSV (``namenorm.registry``, which builds its index
through this class and is not imported here).
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterable, Iterator
from typing import Protocol

from ..given import GivenNames, given_names
from ..keys import surface
from ..knowledge import othernames
from ..match import Match
from ..text import clean
from ..translit import cyrillize, transliterate
from ..vocab import Status, check_kind
from . import store
from .build import Builder
from .decide import accept, decide, to_match
from .score import Scorer
from .search import MAX_QUERY_LENGTH, Searcher
from .spellings import (
    CYRILLIC_LANGS,
    ROLE_GIVEN,
    ROLE_PATRONYMIC,
    ROLE_SURNAME,
    system_names,
)
from .tables import EntityLike, Tables

__all__ = ["EntitySource", "Index"]


class EntitySource(Protocol):
    """What an index is built from (a ``namenorm.registry.Registry``)."""

    def entities(self) -> Iterable[EntityLike]: ...


class Index:
    """Lookup tables over one registry; see the module docstring."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self._scorer = Scorer(tables)
        self._searcher = Searcher(tables, self._scorer)
        self._numbers: dict[str, int] | None = None
        #: The index file the tables are mapped from (``None``: built in memory).
        self.file: str | None = None
        self._warmed = False

    @classmethod
    def build(cls, registry: EntitySource, *, given: GivenNames | None = None) -> Index:
        """Build the index for ``registry`` (done once; see ``Registry.warm``):
        every stored spelling and every romanization of every name, at any size."""
        started = time.perf_counter()
        entities, given = list(registry.entities()), given or given_names()
        arrays, meta = Builder(entities, given).run()
        views = {name: memoryview(values) for name, values in arrays.items()}
        index = cls(Tables(entities, given, views, meta))
        index.tables.build_seconds = time.perf_counter() - started
        return index

    @classmethod
    def load(
        cls,
        registry: EntitySource,
        path: str | os.PathLike[str],
        *,
        digest: str | None,
        given: GivenNames | None = None,
    ) -> Index:
        """The index stored at ``path`` (mapped, not read: see
        ``namenorm.index.store``) for ``registry``, whose digest must be
        ``digest`` (``None``: not checked); ``IndexFileError`` when the file is
        missing, damaged, of another version or of another registry."""
        loaded = store.read(path, registry=digest)
        entities = list(registry.entities())
        index = cls(Tables(entities, given or given_names(), loaded.arrays, loaded.meta))
        index.file = loaded.path
        return index

    def save(self, path: str | os.PathLike[str], *, digest: str) -> int:
        """Write the index to ``path`` (atomically) for the registry whose digest
        is ``digest``; return the file's size in bytes."""
        return store.write(path, self.tables.arrays, registry=digest, meta=self.tables.meta)

    @property
    def build_seconds(self) -> float:
        """Wall-clock seconds the build took (0 for an index read from a file)."""
        return self.tables.build_seconds

    @property
    def eager(self) -> bool:
        """Whether every romanization was made at build time."""
        return self.tables.eager

    # -- querying --------------------------------------------------------------
    def lookup(
        self, query: str, *, limit: int = 5, kind: str | None = None, lang: str | None = None
    ) -> list[Match]:
        """Up to ``limit`` candidates for ``query``, best first (see ``Registry.lookup``)."""
        check_kind(kind)
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
            raise ValueError(f"limit must be a positive int, not {limit!r}")
        entities = self.tables.entities
        candidates = self._searcher.candidates(query, kind)
        return [to_match(entities[c.entity], c, query, lang) for c in candidates[:limit]]

    def resolve(
        self, query: str, *, kind: str | None = None, lang: str | None = None
    ) -> Match | None:
        """The one entity ``query`` names, or ``None`` (see ``Registry.resolve``)."""
        check_kind(kind)
        decided, match = self._whole_spelling(query, kind, lang)
        if decided:
            return match
        chosen = accept(self._searcher.candidates(query, kind))
        if chosen is None:
            return None
        return to_match(self.tables.entities[chosen.entity], chosen, query, lang)

    def _whole_spelling(
        self, query: str, kind: str | None, lang: str | None
    ) -> tuple[bool, Match | None]:
        """The hot path of :meth:`resolve` for a query that is a whole stored or
        generated spelling: clean, one lookup, and the ``Match`` made only for
        the one entity it names (several: ambiguous, ``None``). ``(False, None)``
        when the query is not one, or not a ``str`` of an allowed length (the
        full search then answers or refuses it). Same answers as the full path,
        which tries that lookup first too."""
        if type(query) is not str or len(query) > MAX_QUERY_LENGTH:
            return False, None
        text = clean(query)
        key = text.casefold()
        codes = self.tables.full.table.get(key) if text else ()
        if not codes:
            return False, None
        entities = self.tables.entities
        if kind is not None:
            codes = tuple(code for code in codes if entities[code >> 24].kind == kind)
        if len(codes) != 1:  # none of that kind, or a spelling several entities share
            return True, None
        # The Match of decide.to_match for an exact candidate, made without the
        # Candidate and Evidence values in between.
        spelling, source, source_lang, system = self.tables.full.spelled(codes[0], key)
        entity = entities[codes[0] >> 24]
        asked = entity.preferred(lang) if lang else None
        return True, Match(
            id=entity.id,
            kind=entity.kind,
            name=asked or entity.display,
            score=100.0,
            matched=spelling,
            method="exact",
            query=query,
            source=source,
            source_lang=source_lang,
            system=system,
            name_lang=lang if asked is not None and lang else "en",
        )

    def decide(self, matches: list[Match]) -> Status:
        """``matched``, ``ambiguous`` or ``unmatched`` for a candidate list from :meth:`lookup`."""
        return decide(matches)

    def warm(self) -> None:
        """Build now what the first query would otherwise build (the knowledge tables'
        other names of places, the organizations by translated name, the
        lexicons that vet a sound-alike, the Latin -> Cyrillic tables that read
        a romanized case ending back, and every romanization system of the
        index's Cyrillic languages, which an exact hit on a generated spelling
        spells again): servers call this at start."""
        _ = self._searcher.aliases
        _ = self._searcher.descriptors
        othernames.warm()
        for lang in ("be", "ru"):
            cyrillize("Minsk", lang)
        for lang in self.tables.meta.get("codes", {}).get("lang", ()):
            if lang in CYRILLIC_LANGS:
                for system in system_names(lang):
                    transliterate("а", lang, system)  # compiles its tables (not remembered)
        if not self._warmed:
            # One full collection now, over everything just loaded, rather than
            # during the first queries (it cost a 100k registry's first 3,000
            # exact hits a fifth of their time).
            gc.collect()
            self._warmed = True

    def clear_caches(self) -> None:
        """Forget what was remembered between queries (the tables stay)."""
        self._scorer.clear_caches()
        self.tables.clear_caches()

    # -- reading the index (the public API that copy scanning relies on) --------
    def anchor_spellings(self) -> Iterator[tuple[str, tuple[int, ...]]]:
        """Every spelling that names a whole mention, with the entities it names.

        A spelling is a stored, generated (romanized, diacritic-free) or
        inflected form of a person's surname or of a whole organization or
        place name, as written (not reduced to a surface); the entities are
        given by number (see :meth:`entity_at`). Spellings that a lazy index
        has not made yet are made here, without being stored.
        """
        postings = self.tables.postings
        for number, unit in enumerate(self.tables.units):
            entities = postings.get(number)
            if unit.role == ROLE_SURNAME and entities:
                for evidence in unit.all_spellings():
                    yield evidence.spelling, tuple(entities)

    def part_spellings(self) -> Iterator[str]:
        """Every spelling (as written) of a given name or patronymic in the registry."""
        postings = self.tables.postings
        for number, unit in enumerate(self.tables.units):
            if unit.role != ROLE_SURNAME or not postings.get(number):
                for evidence in unit.all_spellings():
                    yield evidence.spelling

    def entity_at(self, number: int) -> EntityLike:
        """The entity numbered ``number`` (the numbers that the methods here use)."""
        return self.tables.entities[number]

    def entity_number(self, entity_id: str) -> int:
        """The number of the entity ``entity_id``; ``KeyError`` if there is none."""
        if self._numbers is None:
            self._numbers = {entity.id: n for n, entity in enumerate(self.tables.entities)}
        return self._numbers[entity_id]

    def name_spellings(self, number: int, role: str) -> frozenset[str]:
        """Surfaces (:func:`~namenorm.keys.surface`) of every spelling of one
        entity's ``given`` names, ``patronymic`` s or ``surname`` s (for an
        organization or place: its whole names)."""
        units = self.tables.units
        return frozenset(
            surface(v.spelling)
            for unit in self._units_of(number, role)
            for v in units[unit].all_spellings()
        )

    def surname_keys(self, number: int) -> frozenset[str]:
        """Sound keys (:func:`~namenorm.keys.phonetic_keys`) of one entity's surnames."""
        units = self.tables.units
        return frozenset(
            key for unit in self._units_of(number, ROLE_SURNAME) for key in units[unit].keys
        )

    def knows_key(self, key: str) -> bool:
        """Whether ``key`` is a unit's sound key or one deletion away from one."""
        return key in self.tables.keys or key in self.tables.deletes

    def spelling_systems(self, number: int, spelling: str) -> tuple[str, ...]:
        """How one entity's name units spell ``spelling`` (a surface): the
        systems of the matching variants (``stored``, ``case`` for a case form,
        a romanization system, ...); empty when none of them does."""
        person = self.tables.people[number]
        mine = person.given | person.patronymic | person.surname
        surfaces, units = self.tables.surfaces, self.tables.units
        entries = surfaces.get(spelling) or surfaces.get(spelling.replace("-", " ")) or []
        return tuple(units[u].variant(v).system for u, v in entries if u in mine)

    def anchor_keys(self) -> Iterator[str]:
        """Sound keys of every surname and whole organization or place name unit."""
        postings = self.tables.postings
        for number, unit in enumerate(self.tables.units):
            if unit.role == ROLE_SURNAME and postings.get(number):
                yield from unit.keys

    def unit_forms(self, number: int, role: str, text: str, lang: str) -> tuple[str, ...]:
        """The stored spelling ``text`` of one of an entity's name units (its
        ``given`` name, ``patronymic`` or ``surname``; a whole organization or
        place name is a ``surname`` unit) in ``lang``, then its е-for-ё form and
        case forms; empty when the entity has no such unit."""
        kind = self.tables.entities[number].kind
        unit = self.tables.unit_number(text, lang, role if kind == "person" else kind)
        if unit is None:
            return ()
        return tuple(e.spelling for e in self.tables.units[unit].base())

    def is_given_name(self, spelling: str) -> bool:
        """Whether ``spelling`` is in the given-name table (any language)."""
        return surface(spelling) in self.tables.given.by_surface

    def _units_of(self, number: int, role: str) -> set[int]:
        person = self.tables.people[number]
        return {
            ROLE_GIVEN: person.given,
            ROLE_PATRONYMIC: person.patronymic,
            ROLE_SURNAME: person.surname,
        }[role]

    def stats(self) -> dict[str, int]:
        """Sizes of the lookup tables (for benchmarks and /health)."""
        return self.tables.stats()
