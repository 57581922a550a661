"""What one app serves: the registry, warmed, plus the few tables the routes read.

A :class:`Service` is built once when the app is created (and again on an
admin reload); the index is warmed then, so no request pays for it. Routes
reach it with :func:`current_service`. It also holds the one place where a
lookup turns into the API's status and candidate list, shared by ``/v1`` and
``/reconcile``, so the two cannot drift apart.

Matching itself is the library's (``Registry.lookup``, ``Index.decide``);
only the entity prefix search for the reconciliation suggest service lives
here, because nothing else needs it.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial

from flask import current_app, g

from ..errors import UnknownLanguageError
from ..match import Match
from ..registry import Registry
from ..text import clean
from .board import Board
from .jsonio import dumps
from .reconcile_extend import Catalog
from .source import Broken, RegistryFile

__all__ = ["EXTENSION", "Holder", "Service", "current_holder", "current_service"]

#: Key of the :class:`Holder` in ``app.extensions``.
EXTENSION = "namenorm"
#: Answers of ``GET /v1/lookup`` each worker keeps, serialised, per registry version
#: (a column of names repeats itself; a few MB).
ANSWERS = 16_384


def _fold(text: str) -> str:
    return clean(text).casefold()


@dataclass(frozen=True)
class Service:
    """A warmed registry with its language list, prefix table and extension catalogue."""

    registry: Registry
    langs: tuple[str, ...]
    #: ``(folded spelling or word-start suffix, entity id)``, sorted, for prefix search.
    prefixes: tuple[tuple[str, str], ...] = field(repr=False)
    #: The properties of the reconciliation data extension (``reconcile_extend``).
    catalog: Catalog = field(repr=False)
    #: :meth:`answer`'s memory: the serialised answer by (query, limit, kind, lang).
    _answers: Callable[[str, int, str | None, str | None], bytes] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        # Bound to the registry, not to self: no reference cycle that would keep
        # an old version alive after a swap (the index is frozen out of the GC).
        answer = lru_cache(maxsize=ANSWERS)(partial(_serialised, self.registry))
        object.__setattr__(self, "_answers", answer)

    @classmethod
    def build(cls, registry: Registry) -> Service:
        """Warm ``registry``'s index and derive the tables the routes need."""
        registry.warm()
        langs = sorted({name.lang for entity in registry.entities() for name in entity.names})
        rows: set[tuple[str, str]] = set()
        for entity in registry.entities():
            rows.add((entity.id, entity.id))
            for name in entity.names:
                words = _fold(name.text).split(" ")
                for i in range(len(words)):
                    rows.add((" ".join(words[i:]), entity.id))
        return cls(registry, tuple(langs), tuple(sorted(rows)), Catalog.build(registry))

    # -- checks ------------------------------------------------------------
    def check_lang(self, lang: str | None) -> str | None:
        """Validate the language a match's name is given in (any language with stored names)."""
        if lang is not None and lang not in self.langs:
            raise UnknownLanguageError(
                f"unknown lang {lang!r}; expected one of {', '.join(self.langs)}"
            )
        return lang

    # -- lookups -------------------------------------------------------------
    def lookup(
        self, query: str, *, limit: int, kind: str | None = None, lang: str | None = None
    ) -> tuple[str, list[Match]]:
        """``(status, candidates)`` for ``query``: the decision sees at least two candidates,
        so ``matched`` means exactly what ``Registry.resolve`` would return."""
        matches = self.registry.lookup(query, limit=max(limit, 2), kind=kind, lang=lang)
        return self.registry.index.decide(matches), matches[:limit]

    def result(
        self, query: str, *, limit: int, kind: str | None = None, lang: str | None = None
    ) -> dict[str, object]:
        """The JSON shape of one lookup: ``{query, status, match, candidates}``."""
        return _result(self.registry, query, limit, kind, lang)

    def answer(
        self, query: str, *, limit: int, kind: str | None = None, lang: str | None = None
    ) -> bytes:
        """:meth:`result` as JSON bytes, remembered (the last :data:`ANSWERS` asked)."""
        return self._answers(query, limit, kind, lang)

    def suggest(self, prefix: str, *, count: int) -> list[str]:
        """Up to ``count`` entity IDs with a spelling, a word-start of a spelling, or an ID
        beginning with ``prefix`` (case and Unicode clean-up ignored), in table order."""
        folded = _fold(prefix)
        if not folded:
            return []
        found: dict[str, None] = {}
        start = bisect.bisect_left(self.prefixes, (folded, ""))
        for key, entity_id in self.prefixes[start:]:
            if not key.startswith(folded):
                break
            found.setdefault(entity_id)
            if len(found) >= count:
                break
        return list(found)


def _result(
    registry: Registry, query: str, limit: int, kind: str | None, lang: str | None
) -> dict[str, object]:
    # The decision sees at least two candidates, as in Service.lookup.
    matches = registry.lookup(query, limit=max(limit, 2), kind=kind, lang=lang)
    status = registry.index.decide(matches)
    candidates = [m.as_dict() for m in matches[:limit]]
    return {
        "query": query,
        "status": status,
        "match": candidates[0] if status == "matched" else None,
        "candidates": candidates,
    }


def _serialised(
    registry: Registry, query: str, limit: int, kind: str | None, lang: str | None
) -> bytes:
    return dumps(_result(registry, query, limit, kind, lang))


class Holder:
    """The app's current :class:`Service`, replaced whole on reload (under ``lock``).

    ``file`` is the registry file it serves (``None`` for a registry given in
    memory), ``broken`` what is wrong with that file when its newest version
    failed to load, and ``board``/``slot`` where this worker reports the
    registry it serves under gunicorn (see ``namenorm.http.board``).
    """

    def __init__(
        self, service: Service, *, file: RegistryFile | None = None, broken: Broken | None = None
    ) -> None:
        self.service = service
        self.file = file
        self.broken = broken
        self.lock = threading.Lock()
        self.board: Board | None = None
        self.slot = -1
        self.frozen = False  # gc.freeze() the index after each swap (set under gunicorn)


def current_holder() -> Holder:
    """The :class:`Holder` of the app handling this request."""
    holder: Holder = current_app.extensions[EXTENSION]
    return holder


def current_service() -> Service:
    """The :class:`Service` this request is served from: the one current when the
    request began, so a reload in the middle of it changes nothing it sees."""
    service: Service | None = g.get("namenorm_service")
    return service if service is not None else current_holder().service
