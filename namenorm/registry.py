"""The :class:`Registry`: an immutable set of entities, and the shipped one.

:meth:`Registry.from_csv` reads a registry file through
``namenorm.registry_csv`` (which lists every problem, with file, line and
field). Matching is not done here: :meth:`Registry.resolve` and
:meth:`Registry.lookup` hand over to the index (``namenorm.index``), opened
on first use or by :meth:`Registry.warm`. The entity values live in
``namenorm.entity``; this module re-exports them.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .entity import CYRILLIC_LANGS, Entity, Name, SharedSpelling
from .errors import NotFoundError, SettingError
from .index import Index
from .index.cache import open_index
from .registry_csv import COLUMNS, OPTIONAL_COLUMNS, parse_registry
from .settings import setting
from .text import clean
from .vocab import KINDS, check_kind

if TYPE_CHECKING:
    from .match import Match

__all__ = [
    "COLUMNS",
    "CYRILLIC_LANGS",
    "KINDS",
    "OPTIONAL_COLUMNS",
    "Entity",
    "Name",
    "Registry",
    "SharedSpelling",
    "check_kind",
    "default_registry",
    "index_cache_from",
    "parse_registry",
    "reset_caches",
    "shipped_registry_path",
]


class Registry:
    """An immutable set of entities; resolve any spelling to one of them."""

    def __init__(
        self,
        entities: Iterable[Entity],
        *,
        source: str = "<memory>",
        digest: str = "",
        index: str | os.PathLike[str] | None = None,
    ) -> None:
        self._entities: dict[str, Entity] = {}
        for entity in entities:
            self._entities[entity.id] = entity
        self.source = source
        self.digest = digest or _digest_entities(self._entities.values())
        self.index_path = index
        self._index: Index | None = None

    # -- loading ---------------------------------------------------------
    @classmethod
    def from_csv(
        cls, path: str | os.PathLike[str], *, index: str | os.PathLike[str] | None = None
    ) -> Registry:
        """Load and validate a registry CSV; raise :class:`RegistryError` listing every problem.

        ``index`` names its prebuilt index file (``namenorm index build``); by
        default ``NAMENORM_INDEX`` for the default registry's file, else the
        cache next to a large registry file (see ``namenorm.index.cache``).
        """
        path = Path(path)
        data = path.read_bytes()
        entities = parse_registry(data, str(path))
        return cls(entities, source=str(path), digest=hashlib.sha256(data).hexdigest(), index=index)

    # -- access ------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._entities)

    def __repr__(self) -> str:
        return f"<Registry {self.source!r}: {len(self)} entities>"

    def entities(self) -> Iterator[Entity]:
        """Every entity, in registry order."""
        return iter(self._entities.values())

    def entity(self, entity_id: str) -> Entity:
        """The entity with this ID; :class:`NotFoundError` if there is none."""
        try:
            return self._entities[entity_id]
        except (KeyError, TypeError):
            raise NotFoundError(f"no entity with id {entity_id!r}") from None

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entities

    def shared_spellings(self) -> list[SharedSpelling]:
        """Spellings (compared after clean-up, ignoring case) used by more than one ID."""
        seen: dict[str, dict[str, int]] = {}
        display: dict[str, str] = {}
        for entity in self._entities.values():
            for name in entity.names:
                key = clean(name.text).casefold()
                display.setdefault(key, name.text)
                seen.setdefault(key, {}).setdefault(entity.id, name.line)
        return [
            SharedSpelling(display[key], tuple(ids), tuple(ids.values()))
            for key, ids in seen.items()
            if len(ids) > 1
        ]

    # -- matching (delegated to the index) ---------------------------------
    @property
    def index(self) -> Index:
        """The match index, built on first use."""
        if self._index is None:
            self._index = self._open_index()
        return self._index

    def _open_index(self) -> Index:
        """Map the prebuilt or cached index file, else build (see ``namenorm.index.cache``)."""
        source = self.source if os.path.isfile(self.source) else None
        named = self.index_path
        if named is None and source is not None and setting("NAMENORM_INDEX"):
            default = setting("NAMENORM_REGISTRY") or str(shipped_registry_path())
            if os.path.realpath(source) == os.path.realpath(default):
                named = setting("NAMENORM_INDEX")
        return open_index(
            self,
            digest=self.digest,
            source=source,
            size=len(self),
            index_path=named,
            cache_from=index_cache_from(),
        )

    def warm(self) -> Registry:
        """Build the index and what its first query would build, now (servers call this
        at start, not on the first request)."""
        self.index.warm()
        return self

    def resolve(
        self, query: str, *, kind: str | None = None, lang: str | None = None
    ) -> Match | None:
        """The one entity ``query`` names, or ``None`` (no match, or ambiguous).

        ``kind`` restricts candidates to ``person``, ``org`` or ``place``;
        ``lang`` picks the language of ``Match.name`` (default ``en``).
        """
        return self.index.resolve(query, kind=kind, lang=lang)

    def lookup(
        self, query: str, *, limit: int = 5, kind: str | None = None, lang: str | None = None
    ) -> list[Match]:
        """Up to ``limit`` candidate entities for ``query``, best first."""
        return self.index.lookup(query, limit=limit, kind=kind, lang=lang)


def index_cache_from() -> int | None:
    """``NAMENORM_INDEX_CACHE_FROM`` checked: a number of entities, or None for off."""
    value = setting("NAMENORM_INDEX_CACHE_FROM").strip().lower()
    if value in ("off", ""):
        return None
    try:
        return int(value)
    except ValueError:
        raise SettingError(
            f"NAMENORM_INDEX_CACHE_FROM is {value!r}; expected a number of entities or off"
        ) from None


def _digest_entities(entities: Iterable[Entity]) -> str:
    digest = hashlib.sha256()
    for entity in entities:
        for name in entity.names:
            digest.update(
                f"{entity.id}\t{entity.kind}\t{name.lang}\t{name.text}\t{name.preferred}\n".encode()
            )
    return digest.hexdigest()


# -- the shipped registry --------------------------------------------------
def shipped_registry_path() -> Path:
    """Path of the registry shipped with the package (package data, or ``data/`` in a checkout)."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "variants.csv"
    if packaged.exists():
        return packaged
    return here.parent / "data" / "variants.csv"


@cache
def _default_registry(path: str) -> Registry:
    return Registry.from_csv(path)


def default_registry() -> Registry:
    """The registry named by ``NAMENORM_REGISTRY``, else the shipped one (loaded once)."""
    path = setting("NAMENORM_REGISTRY") or str(shipped_registry_path())
    return _default_registry(path)


def reset_caches() -> None:
    """Forget loaded registries and every memoized result (long-lived processes
    call this after the file changes); see ``namenorm.caches``."""
    from .caches import reset_caches as reset_all

    reset_all()
