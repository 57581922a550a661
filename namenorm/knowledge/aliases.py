"""The other names of a registry's places: GeoNames alternate names and ISO country names.

:meth:`AliasTable.build` gives each registry place the names the knowledge
tables know for it: a country (found by ``namenorm.knowledge.countries``)
its ISO 3166 names in every language, a city (``namenorm.knowledge.gazetteer``,
by its ``geonames`` ID or by the names they share) its GeoNames alternate
names. :meth:`AliasTable.find` looks a query up among them, as written or
with a foreign case ending on each word (Polish Polsce, Lithuanian
Baltarusijos, Czech Bělorusku: :data:`CASE_ENDINGS`).

A name that is also a spelling of another registry entity is left out, so
an alias never competes with what the registry says.

Left out: scoring (``namenorm.index.score``); organizations' translated
names (``namenorm.knowledge.descriptors``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple, Protocol

from ..keys import official_spellings
from ..match import Evidence
from ..text import is_cyrillic
from ..translit import systems, transliterate
from .acronyms import AcronymTable
from .countries import country_names, find_country
from .fold import fold, fold_words
from .gazetteer import find_city

__all__ = ["CASE_ENDINGS", "Alias", "AliasTable", "inflects", "romanized"]

#: Noun case endings of the languages of the press around Belarus, folded
#: (no diacritics), that may replace the last letters of a name: Polish
#: (Litwie, Polsce, Rosji, Niemczech, Stanów Zjednoczonych), Lithuanian
#: (Lietuvos, Baltarusijoje, Vilniuje, Minsko, Lenkiją), Latvian
#: (Baltkrievijas), Czech and Slovak (Bělorusku), German (-s, -es).
#: Sources: the declension tables of each language's grammar (Polish:
#: Swan, "A Grammar of Contemporary Polish"; Lithuanian: Ambrazas,
#: "Lithuanian Grammar"; Czech: Naughton, "Czech: An Essential Grammar").
CASE_ENDINGS: frozenset[str] = frozenset(
    """
    a e i y o u ie ia iu ii em om ow ach ami ego emu ej ym im ych ich owi ech
    os ai oje je uje ioje ui us as is ys io es ijos ijoje ijai iai ija
    ou ovi ku ce ze s en
    """.split()
)
#: Languages whose case endings :data:`CASE_ENDINGS` holds; an alias in another
#: language is only matched as written ("" is a GeoNames name of unknown language).
#: In this order, which one explains a case form two of them share (Polsce: pl Polska).
INFLECTED_LANGS: tuple[str, ...] = (
    "", "en", "pl", "lt", "lv", "de", "bar", "gsw", "lb", "nds", "cs", "sk", "be", "ru", "uk",
)  # fmt: skip
#: Letters a stem may change to before an ending (Polish k -> c, c -> cz, r -> rz).
_ALTERNATIONS = frozenset("zcj")
#: Shortest stem two forms of a word must share.
MIN_STEM = 4
#: Most letters of the name's own ending that a case ending may replace.
MAX_REPLACED = 2


class Alias(NamedTuple):
    """One other name of a registry entity (by number) and where it comes from."""

    entity: int
    evidence: Evidence


class _NameLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def lang(self) -> str: ...


class _EntityLike(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def names(self) -> Sequence[_NameLike]: ...


def inflects(word: str, name: str) -> bool:
    """Whether folded ``word`` is folded ``name`` with a case ending (see
    :data:`CASE_ENDINGS`): a shared stem of at least four letters, at most two
    letters of the name replaced.

    >>> inflects("polsce", "polska"), inflects("baltarusijos", "baltarusija")
    (True, True)
    >>> inflects("pinsk", "minsk"), inflects("vitebskaya", "vitebsk")
    (False, False)
    """
    if word == name:
        return True
    if len(word) < MIN_STEM:
        return False
    shared = 0
    for a, b in zip(word, name, strict=False):
        if a != b:
            break
        shared += 1
    for stem in range(shared, MIN_STEM - 1, -1):
        if len(name) - stem > MAX_REPLACED:
            break
        ending = word[stem:]
        if ending in CASE_ENDINGS or (ending[:1] in _ALTERNATIONS and ending[1:] in CASE_ENDINGS):
            return True
    return False


class AliasTable:
    """Other names of registry entities, found by folded spelling or case form."""

    def __init__(self) -> None:
        self.exact: dict[str, list[Alias]] = {}
        self._by_stem: dict[str, list[tuple[tuple[str, ...], Alias]]] = {}
        #: Names and acronyms of the organizations and places, with their aliases.
        self.acronyms = AcronymTable()

    @classmethod
    def build(cls, entities: Sequence[_EntityLike]) -> AliasTable:
        """The aliases of every place among ``entities`` (numbered by position)."""
        table = cls()
        owners: dict[str, set[int]] = {}
        for number, entity in enumerate(entities):
            for name in entity.names:
                owners.setdefault(fold(name.text), set()).add(number)
        for number, entity in enumerate(entities):
            if entity.kind == "person":
                continue
            for name in entity.names:
                table.acronyms.add(number, Evidence(name.text, name.text, name.lang, "stored"))
            if entity.kind != "place":
                continue
            for evidence in _with_official_spellings(place_aliases(entity)):
                key = fold(evidence.spelling)
                if owners.get(key, {number}) <= {number}:
                    table.add(number, evidence)
                    if evidence.system != "stored":
                        table.acronyms.add(number, evidence)
        return table

    def add(self, entity: int, evidence: Evidence) -> None:
        """Enter one alias."""
        words = fold_words(evidence.spelling)
        if not words:
            return
        alias = Alias(entity, evidence)
        bucket = self.exact.setdefault(" ".join(words), [])
        if all(a.entity != entity for a in bucket):
            bucket.append(alias)
        if evidence.lang.split("-")[0] in INFLECTED_LANGS:
            self._by_stem.setdefault(words[0][:MIN_STEM], []).append((words, alias))

    def find(self, text: str) -> list[tuple[Alias, bool]]:
        """Aliases ``text`` names: (alias, whether read through a case ending),
        one per entity, exact readings first."""
        words = fold_words(text)
        if not words:
            return []
        exact = self.exact.get(" ".join(words), [])
        if exact:
            return [(alias, False) for alias in exact]
        found: dict[int, tuple[int, Alias]] = {}
        for names, alias in self._by_stem.get(words[0][:MIN_STEM], ()):
            if len(names) == len(words) and all(
                inflects(w, n) for w, n in zip(words, names, strict=True)
            ):
                rank = INFLECTED_LANGS.index(alias.evidence.lang.split("-")[0])
                if alias.entity not in found or rank < found[alias.entity][0]:
                    found[alias.entity] = (rank, alias)
        return [(alias, True) for _, alias in found.values()]

    def __len__(self) -> int:
        return sum(len(v) for v in self.exact.values())


def place_aliases(entity: _EntityLike) -> Iterable[Evidence]:
    """The other names of one place: ISO names if it is a country, else the
    GeoNames names of its city; and its own Latin names (for their case forms)."""
    names = [n.text for n in entity.names]
    for name in entity.names:
        if not any("\u0400" <= c <= "\u04ff" for c in name.text):
            yield Evidence(name.text, name.text, name.lang, "stored")
    code = find_country(names)
    if code is not None:
        translations = country_names()[code]
        english = getattr(entity, "display", None) or names[0]
        for translation in translations:
            yield Evidence(translation.text, english, translation.lang, translation.source)
        return
    city = find_city(names, geonameid=getattr(entity, "geonames", None))
    if city is not None:
        for alternate in city.names:
            yield Evidence(alternate, city.name, "", "geonames")


def _with_official_spellings(aliases: Iterable[Evidence]) -> Iterator[Evidence]:
    """The aliases, each Belarusian one in the classical orthography followed by
    its official-orthography spelling (GeoNames' Берасьце, also Берасце:
    ``keys.official_spellings``), under the same source and system; then the
    romanizations of each Belarusian one (:func:`romanized`)."""
    for evidence in aliases:
        yield evidence
        spellings = official_spellings(evidence.spelling)
        for spelling in spellings[1:]:
            yield Evidence(spelling, evidence.source, evidence.lang, evidence.system)
        if evidence.system == "geonames":
            for spelling in spellings:
                yield from romanized(spelling)


#: Letters of Russian or Ukrainian that Belarusian does not write.
_NOT_BELARUSIAN = frozenset("ищъїєґ")
#: Belarusian marks: ў and і, э after a consonant, and the classical
#: orthography's soft sign before a consonant (Берасьце, Зьвязда).
_BELARUSIAN = re.compile(r"[ўі]|(?<=[бвгджзклмнпрстфхцчш])э|[сзцнл]ь(?=[бвгджзклмнпрстфхцчш])")


def romanized(spelling: str) -> Iterator[Evidence]:
    """The romanizations of a Belarusian Cyrillic name from a knowledge table
    (GeoNames' Берасьце: Bieraście in Łacinka, Bierascie, Berastse), each as a
    spelling of that name in one system (``namenorm.translit``); nothing for
    a name that is not visibly Belarusian (:data:`_BELARUSIAN`), since the
    index romanizes the registry's own names and GeoNames gives no language.

    >>> sorted({e.spelling for e in romanized("Берасьце")})[:3]
    ['Berastse', 'Berasʹce', 'Berasʹtse']
    >>> list(romanized("Брест-Литовск"))
    []
    """
    lower = spelling.casefold()
    if not is_cyrillic(spelling) or _NOT_BELARUSIAN & set(lower) or not _BELARUSIAN.search(lower):
        return
    for system in systems("be"):
        text = transliterate(spelling, "be", system.name)
        if text != spelling:
            yield Evidence(text, spelling, "be", system.name)
