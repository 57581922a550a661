"""Load and validate the registry CSV into immutable :class:`Entity` values.

The registry (``data/variants.csv``) maps every known spelling of a person,
organization or place to one stable ID. :meth:`Registry.from_csv` reads it,
checks every row, and raises one :class:`~namenorm.errors.RegistryError`
listing *every* problem with its file, line and field. Matching is not done
here: :meth:`Registry.resolve` and :meth:`Registry.lookup` hand over to the
index built once by ``namenorm.index`` on first use (or by :meth:`warm`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InvalidInputError, NotFoundError, Problem, RegistryError
from .index import Index
from .index.cache import open_index
from .settings import setting
from .text import clean, is_cyrillic, script_of
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
    "reset_caches",
    "shipped_registry_path",
]

COLUMNS: tuple[str, ...] = ("id", "kind", "lang", "name", "preferred")
#: Columns a registry may have; files without them load as before.
OPTIONAL_COLUMNS: tuple[str, ...] = ("wikidata", "geonames", "source")
#: Language tags whose names are written in Cyrillic; every other tag is Latin.
CYRILLIC_LANGS: frozenset[str] = frozenset({"be", "ru", "uk"})

_ID = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_LANG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")
_PREFERRED = {"1": True, "": False}
_QID = re.compile(r"Q[1-9][0-9]*\Z")
_GEONAMES = re.compile(r"[1-9][0-9]*\Z")
_LINK_FORMS = {
    "wikidata": (_QID, "a Wikidata QID such as Q42"),
    "geonames": (_GEONAMES, "a GeoNames ID such as 625144"),
}
_SOURCE = re.compile(
    r"(?:https?://[^\s/]+\.[^\s/]+(?:/\S*)?|wikidata:Q[1-9][0-9]*|geonames:[1-9][0-9]*)\Z"
)


@dataclass(frozen=True)
class Name:
    """One spelling of an entity: the text as written, its language, whether it
    is the house style for that language, the registry line it came from, and
    where the spelling was seen (``source``: a URL, ``wikidata:Q...`` or
    ``geonames:ID``; empty if the row names none)."""

    text: str
    lang: str
    preferred: bool = False
    line: int = 0
    source: str = ""

    @property
    def is_cyrillic(self) -> bool:
        """True for Cyrillic source forms (``be``, ``ru``, ``uk``)."""
        return self.lang in CYRILLIC_LANGS


@dataclass(frozen=True)
class Entity:
    """A person, organization or place with every stored spelling of its name.

    ``wikidata`` (a QID such as ``Q...``) and ``geonames`` (a GeoNames ID) link
    the entity to those databases when the registry names them.
    """

    id: str
    kind: str
    names: tuple[Name, ...]
    wikidata: str | None = None
    geonames: int | None = None

    def preferred(self, lang: str = "en") -> str | None:
        """The house spelling in ``lang`` (``None`` if that language has none)."""
        for name in self.names:
            if name.preferred and name.lang == lang:
                return name.text
        return None

    @property
    def display(self) -> str:
        """The preferred English spelling (every valid entity has one)."""
        return self.preferred("en") or self.names[0].text


@dataclass(frozen=True)
class SharedSpelling:
    """A spelling stored under more than one ID (allowed, but worth a look)."""

    spelling: str
    ids: tuple[str, ...]
    lines: tuple[int, ...]


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
        cache_from = setting("NAMENORM_INDEX_CACHE_FROM").strip().lower()
        return open_index(
            self,
            digest=self.digest,
            source=source,
            size=len(self),
            index_path=named,
            cache_from=None if cache_from in ("off", "") else _entities(cache_from),
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


def _entities(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise InvalidInputError(
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


# -- parsing and validation ------------------------------------------------
def _decode(data: bytes, path: str, problems: list[Problem]) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Report every undecodable line, then go on with replacement characters.
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(
                Problem(
                    path,
                    number,
                    "(encoding)",
                    f"bytes {raw[exc.start : exc.start + 4]!r} at column {exc.start + 1} are not "
                    "valid UTF-8; expected a UTF-8 file",
                )
            )
    return data.decode("utf-8", errors="replace")


def _script_problem(name: str, lang: str) -> str | None:
    primary = lang.split("-")[0]
    latin_tag = "-Latn" in lang or primary not in CYRILLIC_LANGS
    has_cyr = any(script_of(c) == "cyrl" for c in name)
    has_lat = any(script_of(c) == "latn" for c in name)
    if latin_tag and has_cyr and is_cyrillic(name):
        return f"Cyrillic name {name!r} has the Latin-script language tag {lang!r}; expected be, ru or uk"
    if not latin_tag and has_lat and not is_cyrillic(name):
        return (
            f"Latin-script name {name!r} has the Cyrillic language tag {lang!r}; "
            "expected a Latin tag such as en, pl, de or be-Latn"
        )
    return None


def parse_registry(data: bytes, path: str = "<registry>") -> list[Entity]:
    """Parse and validate registry CSV bytes; raise :class:`RegistryError` with every problem."""
    problems: list[Problem] = []
    text = _decode(data, path, problems)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise RegistryError(
            [Problem(path, 1, "(header)", "file is empty; expected a header row")]
        ) from None
    except csv.Error as exc:
        raise RegistryError([Problem(path, 1, "(header)", f"unreadable CSV: {exc}")]) from None
    columns = {name.strip(): i for i, name in reversed(list(enumerate(header)))}
    missing = [c for c in COLUMNS if c not in columns]
    if missing:
        raise RegistryError(
            [
                Problem(
                    path,
                    1,
                    "(header)",
                    f"missing column(s) {', '.join(missing)}; found {', '.join(header) or 'none'}; "
                    f"expected {', '.join(COLUMNS)}",
                )
            ]
        )

    rows: list[tuple[int, dict[str, str]]] = []
    line = reader.line_num + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(path, line, "(row)", f"unreadable CSV: {exc}"))
            break
        start, line = line, reader.line_num + 1
        if not any(field.strip() for field in record):
            continue  # blank line
        if len(record) < len(header):
            problems.append(
                Problem(
                    path,
                    start,
                    "(row)",
                    f"{len(record)} fields, expected {len(header)} (as in the header)",
                )
            )
            continue
        rows.append((start, {c: record[i] for c, i in columns.items()}))

    kinds: dict[str, tuple[str, int]] = {}
    preferred: dict[tuple[str, str], int] = {}
    names: dict[str, list[Name]] = {}
    links = {column: _Links(column, path, problems) for column in ("wikidata", "geonames")}
    for number, row in rows:
        entity_id = row["id"].strip()
        kind = row["kind"].strip()
        lang = row["lang"].strip()
        name = clean(row["name"])
        flag = row["preferred"].strip()
        source = row.get("source", "").strip()
        ok = True
        if not _ID.match(entity_id):
            problems.append(
                Problem(path, number, "id", f"bad id {entity_id!r}; expected [a-z0-9][a-z0-9-]*")
            )
            ok = False
        for column, link in links.items():
            link.add(entity_id if ok else None, row.get(column, "").strip(), number)
        if source and not _SOURCE.match(source):
            problems.append(
                Problem(
                    path,
                    number,
                    "source",
                    f"bad source {source!r}; expected a URL (http:// or https://), "
                    "wikidata:Q... or geonames:ID",
                )
            )
        if kind not in KINDS:
            problems.append(
                Problem(
                    path,
                    number,
                    "kind",
                    f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}",
                )
            )
        elif ok:
            first = kinds.setdefault(entity_id, (kind, number))
            if first[0] != kind:
                problems.append(
                    Problem(
                        path,
                        number,
                        "kind",
                        f"kind {kind!r} for {entity_id!r} differs from {first[0]!r} on line {first[1]}; "
                        "expected the same kind on every row of an id",
                    )
                )
        if not _LANG.match(lang):
            problems.append(
                Problem(
                    path,
                    number,
                    "lang",
                    f"bad language tag {lang!r}; expected BCP 47 such as be, ru, en, be-Latn",
                )
            )
            ok = False
        keyed = ok  # id and language are usable, so the row counts for preferred checks
        if not name:
            problems.append(Problem(path, number, "name", "empty name; expected a spelling"))
            ok = False
        elif _LANG.match(lang) and (message := _script_problem(name, lang)):
            problems.append(Problem(path, number, "name", message))
        if flag not in _PREFERRED:
            problems.append(
                Problem(path, number, "preferred", f"bad value {flag!r}; expected 1 or empty")
            )
        elif _PREFERRED[flag] and keyed:
            first_line = preferred.setdefault((entity_id, lang), number)
            if first_line != number:
                problems.append(
                    Problem(
                        path,
                        number,
                        "preferred",
                        f"second preferred {lang!r} name for {entity_id!r} (first on line {first_line}); "
                        "expected at most one per id and language",
                    )
                )
        if ok:
            names.setdefault(entity_id, []).append(
                Name(name, lang, _PREFERRED.get(flag, False), number, source)
            )

    for entity_id, (_, first_line) in kinds.items():
        if (entity_id, "en") not in preferred:
            problems.append(
                Problem(
                    path,
                    first_line,
                    "preferred",
                    f"{entity_id!r} has no preferred en name; expected exactly one",
                )
            )
    if problems:
        problems.sort(key=lambda p: p.line)
        raise RegistryError(problems)
    wikidata, geonames = links["wikidata"].values, links["geonames"].values
    return [
        Entity(
            entity_id,
            kinds[entity_id][0],
            tuple(entity_names),
            wikidata.get(entity_id, (None, 0))[0],
            int(geonames[entity_id][0]) if entity_id in geonames else None,
        )
        for entity_id, entity_names in names.items()
    ]


class _Links:
    """Validates one optional link column (``wikidata`` or ``geonames``): the
    value's form, one value per ID (on any of its rows), one ID per value."""

    def __init__(self, column: str, path: str, problems: list[Problem]) -> None:
        self.column, self.path, self.problems = column, path, problems
        self.pattern, self.expected = _LINK_FORMS[column]
        self.values: dict[str, tuple[str, int]] = {}  # id -> (value, first line)
        self.owners: dict[str, tuple[str, int]] = {}  # value -> (id, first line)

    def _problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, self.column, message))

    def add(self, entity_id: str | None, value: str, line: int) -> None:
        """Check ``value`` on ``line`` (``entity_id`` is None when the row's ID is bad)."""
        if not value:
            return
        if not self.pattern.match(value):
            self._problem(line, f"bad {self.column} ID {value!r}; expected {self.expected}")
            return
        if entity_id is None:
            return
        first, first_line = self.values.setdefault(entity_id, (value, line))
        if first != value:
            self._problem(
                line,
                f"{self.column} {value!r} for {entity_id!r} differs from {first!r} on line "
                f"{first_line}; expected one {self.column} ID per id",
            )
            return
        owner, owner_line = self.owners.setdefault(value, (entity_id, line))
        if owner != entity_id:
            self._problem(
                line,
                f"{self.column} {value!r} of {entity_id!r} is already the {self.column} ID of "
                f"{owner!r} (line {owner_line}); expected one id per {self.column} ID",
            )


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
