"""The values a registry holds: :class:`Entity`, its :class:`Name` spellings, :class:`SharedSpelling`.

Frozen dataclasses and nothing else. Left out: reading them from the CSV
(``namenorm.registry_csv``) and holding and matching them
(``namenorm.registry``).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CYRILLIC_LANGS", "Entity", "Name", "SharedSpelling"]

#: Language tags whose names are written in Cyrillic; every other tag is Latin.
CYRILLIC_LANGS: frozenset[str] = frozenset({"be", "ru", "uk"})


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
