"""Data extension for the reconciliation API 0.2: what OpenRefine's "Add columns from
reconciled values" asks for once a column is reconciled.

The properties are derived from the registry, not listed by hand: ``name:<lang>``
(the house spelling in ``be``, ``ru``, ``en``, then every other language with
a house spelling), ``kind``, ``variants`` (every other stored spelling, in
registry order), and ``wikidata`` and ``geonames`` when the registry names
some. :class:`Catalog` is built once per registry, with the service. It
answers property proposals (per kind: only the properties some entity of
that kind has a value for), property suggest and extension queries; an ID
the registry does not know gets empty cells and its own entry in ``errors``,
while a malformed request, an unknown property or setting is refused whole
(400). The same properties serve reconciliation queries
(:meth:`Catalog.owners_of`, :meth:`Catalog.agrees`).

Left out: values that are entities of another reconciliation service (the
Wikidata QIDs are plain strings, not reconciled cells).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from babel import Locale

from ..errors import InvalidInputError, NamenormError, UnknownLanguageError
from ..registry import Entity, Registry
from ..text import clean
from ..vocab import KINDS
from .inputs import describe, json_type
from .limits import BATCH

__all__ = [
    "FIRST_LANGS",
    "IDENTIFIERS",
    "PROPERTY_SETTINGS",
    "Catalog",
    "Property",
    "lang_name",
    "ordered_langs",
]

#: House-spelling languages listed first, in this order; the rest follow by tag.
FIRST_LANGS: tuple[str, ...] = ("be", "ru", "en")
#: Properties whose values identify an entity: a reconciliation query may be
#: matched by them alone, and a candidate whose value differs is no match.
IDENTIFIERS: tuple[str, ...] = ("wikidata", "geonames")
#: Largest accepted ``limit`` setting.
MAX_VALUES = 10_000

#: The settings a client may pass with each property (reconciliation API 0.2
#: "data extension property settings"); values arrive as strings or numbers.
PROPERTY_SETTINGS: tuple[dict[str, Any], ...] = (
    {
        "name": "limit",
        "label": "Values per entity",
        "type": "number",
        "default": 0,
        "help_text": "Most values returned for each entity (0: all of them).",
    },
    {
        "name": "lang",
        "label": "Variant languages",
        "type": "text",
        "default": "",
        "help_text": (
            "Known variants only in these languages: comma-separated tags such as ru,pl "
            "(empty: every language)."
        ),
    },
)


def fold(value: str) -> str:
    """A property value as compared: cleaned up, case folded."""
    return clean(value).casefold()


@cache
def lang_name(tag: str) -> str:
    """The English name of a language tag (``be-Latn``: ``Belarusian (Latin)``; else the tag)."""
    english = Locale("en")
    base, _, rest = tag.partition("-")
    name = english.languages.get(base, tag)
    script = english.scripts.get(rest) if rest else None
    return f"{name} ({script})" if script else name


def ordered_langs(langs: set[str] | frozenset[str]) -> list[str]:
    """``langs`` with :data:`FIRST_LANGS` first, in that order, then the rest by tag."""
    return [lang for lang in FIRST_LANGS if lang in langs] + sorted(set(langs) - set(FIRST_LANGS))


@dataclass(frozen=True)
class Settings:
    """The settings of one requested property, checked."""

    limit: int = 0
    langs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Property:
    """One property the service can return for an entity."""

    id: str
    name: str
    description: str
    read: Callable[[Entity, Settings], list[str]]

    def as_dict(self) -> dict[str, str]:
        """The property as proposal and suggest answers list it."""
        return {"id": self.id, "name": self.name, "description": self.description}

    def values(self, entity: Entity, settings: Settings) -> list[dict[str, str]]:
        """The cells of this property for ``entity`` (``{"str": ...}``; none when it has none)."""
        found = list(dict.fromkeys(self.read(entity, settings)))
        if settings.limit:
            found = found[: settings.limit]
        return [{"str": value} for value in found]


def _house(lang: str) -> Property:
    def read(entity: Entity, settings: Settings) -> list[str]:
        spelling = entity.preferred(lang)
        return [spelling] if spelling is not None else []

    name = lang_name(lang)
    return Property(
        f"name:{lang}",
        f"house spelling ({lang})",
        f"The house spelling in {name}" + ("" if name == lang else f" ({lang})"),
        read,
    )


def _variants(entity: Entity, settings: Settings) -> list[str]:
    return [
        name.text
        for name in entity.names
        if not name.preferred and (not settings.langs or name.lang in settings.langs)
    ]


_OTHERS: tuple[Property, ...] = (
    Property("kind", "kind", "person, org or place", lambda entity, _: [entity.kind]),
    Property(
        "variants",
        "known variants",
        "Every other stored spelling, in registry order (the lang setting keeps some languages)",
        _variants,
    ),
    Property(
        "wikidata",
        "Wikidata ID",
        "The entity's Wikidata QID, such as Q2280",
        lambda entity, _: [entity.wikidata] if entity.wikidata else [],
    ),
    Property(
        "geonames",
        "GeoNames ID",
        "The place's GeoNames ID, such as 625144",
        lambda entity, _: [str(entity.geonames)] if entity.geonames else [],
    ),
)


@dataclass(frozen=True)
class Catalog:
    """The properties of one registry, and which of them each kind of entity has."""

    properties: tuple[Property, ...]
    #: Property IDs proposed for each kind (``None``: for no type), in catalogue order.
    proposed: Mapping[str | None, tuple[str, ...]]
    #: Languages of the registry's spellings (for the ``lang`` setting).
    langs: frozenset[str]
    #: Entities of each kind (for type suggest).
    kinds: Mapping[str, int]
    #: For each identifier property, the entity IDs of each (folded) value.
    owners: Mapping[str, Mapping[str, tuple[str, ...]]]

    @classmethod
    def build(cls, registry: Registry) -> Catalog:
        """The catalogue of ``registry``: one pass over its entities."""
        house: set[str] = set()
        langs: set[str] = set()
        kinds: dict[str, int] = dict.fromkeys(KINDS, 0)
        for entity in registry.entities():
            kinds[entity.kind] += 1
            for name in entity.names:
                langs.add(name.lang)
                if name.preferred:
                    house.add(name.lang)
        candidates = [_house(lang) for lang in ordered_langs(house)] + list(_OTHERS)
        having: dict[str, set[str]] = {}  # property ID -> kinds with a value for it
        for entity in registry.entities():
            for prop in candidates:
                if entity.kind not in having.get(prop.id, ()) and prop.read(entity, Settings()):
                    having.setdefault(prop.id, set()).add(entity.kind)
        properties = tuple(p for p in candidates if p.id in having)
        proposed: dict[str | None, tuple[str, ...]] = {
            kind: tuple(p.id for p in properties if kind in having[p.id]) for kind in KINDS
        }
        proposed[None] = tuple(p.id for p in properties)
        owners: dict[str, dict[str, list[str]]] = {}
        for prop in properties:
            if prop.id in IDENTIFIERS:
                table = owners.setdefault(prop.id, {})
                for entity in registry.entities():
                    for value in prop.read(entity, Settings()):
                        table.setdefault(fold(value), []).append(entity.id)
        frozen = {pid: {v: tuple(ids) for v, ids in table.items()} for pid, table in owners.items()}
        return cls(properties, proposed, frozenset(langs), kinds, frozen)

    def owners_of(self, property_id: str, values: tuple[str, ...]) -> set[str]:
        """IDs of the entities whose identifier ``property_id`` is one of ``values``."""
        table = self.owners.get(property_id, {})
        return {entity_id for value in values for entity_id in table.get(fold(value), ())}

    def agrees(self, prop: Property, entity: Entity, values: tuple[str, ...]) -> bool | None:
        """Whether ``entity`` has one of ``values`` for ``prop`` (case and Unicode clean-up
        ignored); ``None`` when it has no value for it at all."""
        own = prop.read(entity, Settings())
        if not own:
            return None
        return not {fold(v) for v in own}.isdisjoint(fold(v) for v in values)

    def get(self, property_id: str, where: str) -> Property:
        """The property with this ID (400 naming the known ones otherwise)."""
        for prop in self.properties:
            if prop.id == property_id:
                return prop
        known = ", ".join(p.id for p in self.properties)
        raise InvalidInputError(
            f"{where} is {property_id!r}, which is no property of this service; "
            f"expected one of {known}"
        )

    def propose(self, kind: str | None, limit: int | None = None) -> list[dict[str, str]]:
        """The properties worth fetching for entities of ``kind`` (any kind: ``None``)."""
        ids = self.proposed[kind][:limit]
        return [prop.as_dict() for prop in self.properties if prop.id in ids]

    def suggest(self, prefix: str) -> list[dict[str, str]]:
        """Properties whose ID, or a word of whose name, starts with ``prefix`` (any case)."""
        folded = prefix.strip().casefold()
        found = []
        for prop in self.properties:
            words = [prop.id.casefold(), *prop.name.casefold().replace("(", " ").split()]
            if not folded or any(word.startswith(folded) for word in words):
                found.append(prop.as_dict())
        return found

    # -- extension queries -------------------------------------------------
    def settings(self, value: object, where: str) -> Settings:
        """The ``settings`` object of one requested property, checked."""
        if value is None:
            return Settings()
        if not isinstance(value, dict):
            raise InvalidInputError(
                f"{where} is a JSON {json_type(value)}; expected an object of settings"
            )
        known = [s["name"] for s in PROPERTY_SETTINGS]
        for key in value:
            if key not in known:
                raise InvalidInputError(
                    f"{where} has {key!r}; expected only {', '.join(map(repr, known))}"
                )
        return Settings(
            limit=_count(value.get("limit"), f"{where}.limit"),
            langs=self._langs(value.get("lang"), f"{where}.lang"),
        )

    def _langs(self, value: object, where: str) -> frozenset[str]:
        if value is None or value == "":
            return frozenset()
        if not isinstance(value, str):
            raise InvalidInputError(
                f"{where} is {describe(value)}; expected comma-separated language tags"
            )
        tags = frozenset(tag.strip() for tag in value.split(",") if tag.strip())
        for tag in sorted(tags):
            if tag not in self.langs:
                raise UnknownLanguageError(
                    f"{where} names {tag!r}; expected tags among {', '.join(sorted(self.langs))}"
                )
        return tags

    def extend(self, registry: Registry, query: object) -> dict[str, Any]:
        """The data extension response to ``query`` (rows for every requested ID)."""
        if not isinstance(query, dict):
            raise InvalidInputError(
                f"extend is a JSON {json_type(query)}; expected an object with ids and properties"
            )
        for key in query:
            if key not in ("ids", "properties"):
                raise InvalidInputError(f"extend has {key!r}; expected only 'ids' and 'properties'")
        ids = _strings(query.get("ids"), "extend.ids")
        BATCH.count(len(ids), where="extend.ids", what="IDs")  # 400, as for a query batch
        wanted = self._wanted(query.get("properties"))
        rows: dict[str, dict[str, list[dict[str, str]]]] = {}
        errors: dict[str, dict[str, str]] = {}
        for entity_id in ids:
            try:
                entity = registry.entity(entity_id)
            except NamenormError as exc:
                rows[entity_id] = {prop.id: [] for prop, _ in wanted}
                errors[entity_id] = {"code": exc.code, "message": str(exc)}
                continue
            rows[entity_id] = {prop.id: prop.values(entity, s) for prop, s in wanted}
        answer: dict[str, Any] = {
            "meta": [{"id": prop.id, "name": prop.name} for prop, _ in wanted],
            "rows": rows,
        }
        if errors:
            answer["errors"] = errors
        return answer

    def _wanted(self, value: object) -> list[tuple[Property, Settings]]:
        if not isinstance(value, list):
            raise InvalidInputError(
                f"extend.properties is {describe(value)}; expected an array of {{id, settings}}"
            )
        wanted: list[tuple[Property, Settings]] = []
        for i, item in enumerate(value):
            where = f"extend.properties[{i}]"
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                raise InvalidInputError(
                    f"{where} is {describe(item)}; expected an object with a string id"
                )
            for key in item:
                if key not in ("id", "settings"):
                    raise InvalidInputError(
                        f"{where} has {key!r}; expected only 'id' and 'settings'"
                    )
            prop = self.get(item["id"], f"{where}.id")
            if any(prop is seen for seen, _ in wanted):
                raise InvalidInputError(f"{where}.id {prop.id!r} is asked for twice")
            wanted.append((prop, self.settings(item.get("settings"), f"{where}.settings")))
        return wanted


def _strings(value: object, where: str) -> list[str]:
    """A JSON array of strings, duplicates dropped (400 otherwise)."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InvalidInputError(f"{where} is {describe(value)}; expected an array of entity IDs")
    return list(dict.fromkeys(value))


def _count(value: object, where: str) -> int:
    """A ``limit`` setting: a whole number from 0 (all) to :data:`MAX_VALUES`, or its string."""
    if value is None or value == "":
        return 0
    number: int | None = None
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        number = int(value.strip()) if len(value.strip()) <= 6 else None
    elif isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    if number is None or not 0 <= number <= MAX_VALUES:
        raise InvalidInputError(
            f"{where} is {describe(value)}; expected a whole number from 0 (all) to {MAX_VALUES}"
        )
    return number
