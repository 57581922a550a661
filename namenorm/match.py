"""The result of a lookup: a frozen :class:`Match` with its evidence.

A match says which entity, how sure (``score``), how it was found
(``method``: ``exact``, ``key`` or ``fuzzy``) and from what: the stored or
generated spelling it hit (``matched``), the registry spelling that spelling
derives from (``source``, ``source_lang``) and the system that produced it.
:meth:`Match.explain` turns that into one sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["AMBIGUITY_MARGIN", "THRESHOLD", "Evidence", "Match", "system_label"]

#: Lowest score ``resolve`` accepts.
THRESHOLD = 80.0
#: ``resolve`` refuses when the two best IDs are closer than this.
AMBIGUITY_MARGIN = 4.0

#: How each kind of evidence is named in explanations.
SYSTEM_LABELS: dict[str, str] = {
    "stored": "stored spelling",
    "news": "English press romanization",
    "german": "German press romanization",
    "french": "French press romanization",
    "polish": "Polish press romanization",
    "bgn-pcgn": "BGN/PCGN romanization",
    "iso9": "ISO 9 romanization",
    "icao": "ICAO passport romanization",
    "ala-lc": "ALA-LC (library catalogue) romanization",
    "scientific": "scientific transliteration",
    "national-2007": "Belarusian national (2007) romanization",
    "national-2023": "Belarusian national (2023) romanization",
    "national": "Ukrainian national romanization",
    "lacinka": "Łacinka spelling",
    "informal": "informal web romanization",
    "ascii": "plain ASCII romanization",
    "stripped": "spelling without diacritics",
    "case": "case form",
    "yo": "spelling with е for ё",
    "translation": "translation word by word",
}


#: Evidence systems that are knowledge tables rather than spelling rules, and
#: how an explanation names each source.
KNOWLEDGE_SOURCES: dict[str, str] = {
    "geonames": "GeoNames",
    "iso3166": "ISO 3166 country names",
    "cldr": "Unicode CLDR country names",
}


def system_label(system: str) -> str:
    """A readable label for an evidence system name."""
    if system.endswith("+stripped"):
        return SYSTEM_LABELS.get(system.removesuffix("+stripped"), system) + " without diacritics"
    return SYSTEM_LABELS.get(system, f"{system} romanization")


def _loose(text: str) -> str:
    return " ".join(text.casefold().replace("\u2019", "'").split())


def _contains(query: str, spelling: str) -> bool:
    return _loose(spelling) in _loose(query)


@dataclass(frozen=True)
class Evidence:
    """A spelling known for an entity: as written, what it derives from, and how."""

    spelling: str
    source: str
    lang: str
    system: str


@dataclass(frozen=True)
class Match:
    """One candidate entity for a query, best explained."""

    id: str
    kind: str
    name: str
    score: float
    matched: str
    method: str
    query: str = ""
    source: str = ""
    source_lang: str = ""
    system: str = ""
    note: str = ""
    scope: str = "name"
    #: the language ``name`` is written in: the asked one, or ``en`` when the
    #: registry has no preferred spelling in it
    name_lang: str = "en"

    def explain(self) -> str:
        """One sentence saying why ``query`` was matched to this entity.

        >>> Match("x", "person", "Aliaksandr Lukashenka", 100.0, "Lukaschenko", "exact",
        ...       query="Lukaschenko", source="Лукашенко", source_lang="ru", system="german").explain()
        "'Lukaschenko' is the German press romanization of Лукашенко (ru)."
        """
        query = self.query or self.matched
        if self.system in KNOWLEDGE_SOURCES:
            return self._explain_known(query)
        if self.system == "initials":
            return f"{query!r} is made of the initials of {self.matched!r}, a name of {self.name}."
        if self.system == "expansion":
            return (
                f"{query!r} is spelled out by the initials {self.matched!r}, a name of {self.name}."
            )
        if self.system == "translation":
            return (
                f"{query!r} translates {self.matched!r} ({self.source_lang}), a name of "
                f"{self.name}, word by word (table of translated descriptors)."
            )
        label = system_label(self.system)
        origin = f"{self.source} ({self.source_lang})" if self.source else self.name
        if self.system == "stored":
            what = f"a stored {self.source_lang} spelling of {self.name}"
        elif self.system == "case":
            what = f"a case form of {origin}"
        else:
            what = f"the {label} of {origin}"
        if _loose(query) == _loose(self.matched):
            sentence = f"{query!r} is {what}"
        elif self.method == "fuzzy":
            sentence = f"{query!r} is close to {self.matched!r}, {what}"
        elif self.scope == "part" and _contains(query, self.matched):
            sentence = f"{query!r} contains {self.matched!r}, {what}"
        else:
            sentence = f"{query!r} sounds like {self.matched!r}, {what}"
        note = f" ({self.note})" if self.note else ""
        return f"{sentence}{note}."

    def _explain_known(self, query: str) -> str:
        """The sentence for a name found in a knowledge table (GeoNames, ISO, CLDR)."""
        from .knowledge.countries import language_name  # the tables load only when used

        where = KNOWLEDGE_SOURCES[self.system]
        if self.source_lang:
            what = f"the {language_name(self.source_lang)} name of {self.source}"
        else:
            what = f"a name of {self.source}"
        if _loose(query) == _loose(self.matched):
            sentence = f"{query!r} is {what}"
        else:
            sentence = f"{query!r} is a case form of {self.matched!r}, {what}"
        return f"{sentence} ({where})."

    def as_dict(self) -> dict[str, object]:
        """The JSON shape used by the HTTP API and the CLI."""
        return {
            "id": self.id,
            "kind": self.kind,
            "name": self.name,
            "name_lang": self.name_lang,
            "score": round(self.score, 1),
            "matched": self.matched,
            "method": self.method,
            "explanation": self.explain(),
        }
