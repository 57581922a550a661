"""Every spelling the index knows for one name unit, and the keys it is found by.

A *unit* is one distinct part of registry names: a given name, a patronymic,
a surname, or a whole organization or place name. :class:`Unit` holds its
stored spelling, the е-for-ё form and case forms (made when the unit is
created), and its romanizations in every system of its language with and
without diacritics (made on first use of :attr:`Unit.variants`). Each
spelling is an :class:`~namenorm.match.Evidence`, so a hit can say which
system made it from which source.

Left out: the tables that map spellings and keys to units
(``namenorm.index.tables``) and any searching.
"""

from __future__ import annotations

import itertools
import unicodedata
from functools import lru_cache
from typing import Final

from rapidfuzz.fuzz import ratio
from rapidfuzz.process import extractOne
from unidecode import unidecode

from ..inflect import case_forms, noun_case_forms
from ..keys import lithuanian_stems, phonetic_keys, surface
from ..match import Evidence
from ..text import is_cyrillic
from ..translit import systems, transliterate

__all__ = [
    "Unit",
    "coarse",
    "query_keys",
    "romanize",
    "strip",
    "strip_reference",
    "stripped_system",
    "system_names",
    "unit_keys",
    "unit_surface",
]

ROLE_GIVEN: Final = "given"
ROLE_PATRONYMIC: Final = "patronymic"
ROLE_SURNAME: Final = "surname"
CYRILLIC_LANGS = ("be", "ru", "uk")

_DIACRITIC_FREE = str.maketrans({"ʹ": "", "ʺ": "", "ʼ": "'", "·": ""})
_COARSE = str.maketrans({"S": "s", "C": "c", "Z": "z"})


@lru_cache(maxsize=262144)
def romanize(word: str, lang: str, system: str) -> str:
    """``transliterate`` of one word, remembered (names repeat across entities)."""
    return transliterate(word, lang, system)


@lru_cache(maxsize=16)
def system_names(lang: str) -> tuple[str, ...]:
    """Names of the romanization systems of ``lang``, in table order."""
    return tuple(s.name for s in systems(lang))


class _StripTable(dict[int, str]):
    """Code point -> what :func:`strip_reference` makes of it alone, filled on use."""

    def __missing__(self, code: int) -> str:
        stripped = self[code] = strip_reference(chr(code))
        return stripped


_STRIP = _StripTable()


def strip(text: str) -> str:
    """``text`` without diacritics, primes or middle dots (Łukašenka -> Lukasenka).

    One ``str.translate`` through a table filled per character by
    :func:`strip_reference` (its reference twin): every step of it works on
    one character at a time.
    """
    return text if text.isascii() else text.translate(_STRIP)


def strip_reference(text: str) -> str:
    """:func:`strip`, step by step: primes and dots dropped, NFD, combining marks
    dropped, ``unidecode``, NFC."""
    decomposed = unicodedata.normalize("NFD", text.translate(_DIACRITIC_FREE))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", unidecode(stripped) if not stripped.isascii() else stripped)


def stripped_system(system: str) -> str:
    """The evidence system of a spelling made by :func:`strip` from one made by ``system``."""
    return system if system == "stored" or system.endswith("+stripped") else system + "+stripped"


def unit_surface(text: str) -> str:
    """Surface of a name part; a hyphen and a space are the same separator."""
    return surface(text).replace("-", " ")


def coarse(key: str) -> str:
    """A key with the hushing consonants folded into their plain twins, as
    happens when š, č, ž lose their diacritics (Lukasenka)."""
    return key.translate(_COARSE)


def unit_keys(text: str) -> tuple[str, ...]:
    """Sound keys of a unit of one or more words (readings combined, capped)."""
    words = [w for w in text.replace("-", " ").split(" ") if w]
    if len(words) == 1:
        return phonetic_keys(words[0])
    per_word = [phonetic_keys(w) or ("",) for w in words]
    combos = itertools.islice(itertools.product(*per_word), 16)
    return tuple(dict.fromkeys(" ".join(k for k in combo if k) for combo in combos))


class Unit:
    """One distinct part of registry names (a given name, a surname, a whole
    organization name) with every spelling known for it.

    The stored spelling, its е-for-ё form and its case forms are made when the
    unit is created; the romanizations in every system (and their
    diacritic-free forms) on first use of :attr:`variants`, which the index
    build makes for every unit (``namenorm.index.build``), or spelled again
    from their system codes by :meth:`restore`. Either way the variants, and
    their order, are the same.
    """

    __slots__ = (
        "_generated",
        "_news",
        "_surfaces",
        "_variants",
        "base_surfaces",
        "cyrillic",
        "gender",
        "keys",
        "kind",
        "lang",
        "role",
        "text",
    )

    def __init__(self, text: str, lang: str, role: str, kind: str, gender: str) -> None:
        self.text, self.lang, self.role, self.kind, self.gender = text, lang, role, kind, gender
        self.cyrillic = lang in CYRILLIC_LANGS and is_cyrillic(text)
        self._news: Evidence | None = None
        self._variants: list[Evidence] = self.base()
        self._surfaces: tuple[str, ...] = ()
        self._generated = False
        self.base_surfaces = tuple(unit_surface(e.spelling) for e in self._variants)
        if self.cyrillic:
            keys = unit_keys(text)[:1]
        else:  # a stored Latin spelling may be read several ways
            keys = unit_keys(text) + unit_keys(self._variants[-1].spelling)[:1]
        self.keys: tuple[str, ...] = tuple(dict.fromkeys(k for k in keys if k))

    @classmethod
    def restore(
        cls,
        text: str,
        lang: str,
        role: str,
        kind: str,
        gender: str,
        *,
        keys: tuple[str, ...],
        base: list[tuple[str, str]],
        generated: list[tuple[str, bool]] | None,
    ) -> Unit:
        """A unit as built, from what an index stores of it: its sound ``keys``,
        its ``base`` spellings as (spelling, system), and the (system, stripped)
        of each romanization kept, in order (``None``: not romanized yet). The
        romanizations are spelled again from ``text``."""
        unit = cls.__new__(cls)
        unit.text, unit.lang, unit.role, unit.kind, unit.gender = text, lang, role, kind, gender
        unit.cyrillic = lang in CYRILLIC_LANGS and is_cyrillic(text)
        unit._news = None
        unit.keys = keys
        unit._variants = [Evidence(spelling, text, lang, system) for spelling, system in base]
        unit.base_surfaces = tuple(unit_surface(e.spelling) for e in unit._variants)
        unit._surfaces = ()
        unit._generated = False
        if generated is not None:
            words = text.split(" ")
            for system, stripped in generated:
                romanized = " ".join(romanize(w, lang, system) for w in words)
                unit._variants.append(
                    Evidence(strip(romanized), text, lang, system + "+stripped")
                    if stripped
                    else Evidence(romanized, text, lang, system)
                )
            unit._surfaces = tuple(unit_surface(e.spelling) for e in unit._variants)
            unit._generated = True
        return unit

    @property
    def generated_yet(self) -> bool:
        """Whether the romanizations have been made (and :attr:`variants` is complete)."""
        return self._generated

    @property
    def base_variants(self) -> list[Evidence]:
        """The spellings made when the unit was created (see :meth:`base`)."""
        return self._variants[: len(self.base_surfaces)]

    def variant(self, number: int) -> Evidence:
        """The spelling with this number in the tables (none is generated here)."""
        return self._variants[number]

    def base_spelling(self, wanted: str) -> Evidence | None:
        """The stored spelling or case form whose match surface is ``wanted``."""
        if wanted in self.base_surfaces:
            return self._variants[self.base_surfaces.index(wanted)]
        return None

    def news(self) -> Evidence:
        """The news-style romanization alone (the stored spelling for Latin units)."""
        if not self.cyrillic:
            return self._variants[0]
        if self._news is None:
            names = system_names(self.lang)
            system = "news" if "news" in names else names[0]
            romanized = " ".join(romanize(w, self.lang, system) for w in self.text.split(" "))
            self._news = Evidence(romanized, self.text, self.lang, system)
        return self._news

    def base(self) -> list[Evidence]:
        """The spellings made eagerly: stored, е for ё, case forms."""
        text, lang = self.text, self.lang
        variants = [Evidence(text, text, lang, "stored")]
        if not self.cyrillic:
            stripped = strip(text)
            if stripped != text:
                variants.append(Evidence(stripped, text, lang, "stored"))
            return variants
        if "ё" in text.lower():
            variants.append(Evidence(text.replace("ё", "е").replace("Ё", "Е"), text, lang, "yo"))
        if self.kind != "person":
            forms: tuple[str, ...] = noun_case_forms(text, lang)
        elif " " not in text:
            forms = case_forms(text, lang, self.gender, self.role)
        else:
            forms = ()
        for form in forms:
            variants.append(Evidence(form, text, lang, "case"))
            if "ё" in form:
                variants.append(Evidence(form.replace("ё", "е"), text, lang, "case"))
        return dedupe(variants)

    def generated(self) -> list[Evidence]:
        """Romanizations of a Cyrillic unit in every system of its language, with and
        without diacritics (none for Latin units)."""
        if not self.cyrillic:
            return []
        text, lang = self.text, self.lang
        words = text.split(" ")
        variants = []
        for system in system_names(lang):
            romanized = " ".join(romanize(w, lang, system) for w in words)
            variants.append(Evidence(romanized, text, lang, system))
            stripped = strip(romanized)
            if stripped != romanized:
                variants.append(Evidence(stripped, text, lang, system + "+stripped"))
        return variants

    def all_spellings(self) -> list[Evidence]:
        """Every spelling; the romanizations are made without being stored when
        they have not been yet (a lazily built index)."""
        if self._generated:
            return self._variants
        return [*self.base(), *self.generated()]

    @property
    def variants(self) -> list[Evidence]:
        """Every known spelling of the unit (generated on first use)."""
        if not self._generated:
            self.generate()
        return self._variants

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The match surface of each variant, in the same order."""
        if not self._generated:
            self.generate()
        return self._surfaces

    def generate(self) -> None:
        """Make and store the romanizations (once): :func:`dedupe` of the base
        variants (their surfaces made already) and the new ones, each surface
        made once."""
        variants: list[Evidence] = []
        surfaces: list[str] = []
        seen: set[str] = set()
        made = zip(self._variants, self.base_surfaces, strict=True)
        for evidence, spelled in itertools.chain(
            made, ((e, unit_surface(e.spelling)) for e in self.generated())
        ):
            if spelled not in seen:
                seen.add(spelled)
                variants.append(evidence)
                surfaces.append(spelled)
        self._variants, self._surfaces = variants, tuple(surfaces)
        self._generated = True

    def closest(self, wanted: str) -> tuple[float, Evidence]:
        """The spelling whose match surface is most like ``wanted`` (a surface),
        and how alike (0-1; ``rapidfuzz`` ratio, the first best on a tie): one
        ``extractOne`` over the surfaces made once with the spellings."""
        found = extractOne(wanted, self.surfaces, scorer=ratio)
        if found is None:  # no spelling at all
            return 0.0, self.variants[0]
        return found[1] / 100.0, self.variants[found[2]]

    @property
    def initials(self) -> frozenset[str]:
        """Letters a written initial of this unit may be (А, A; Ю, Y, J, I ...)."""
        return initials(self.text[:1], self.lang)


def dedupe(variants: list[Evidence]) -> list[Evidence]:
    """The variants with the first of each match surface kept, in order."""
    seen: set[str] = set()
    kept = []
    for evidence in variants:
        key = unit_surface(evidence.spelling)
        if key not in seen:
            seen.add(key)
            kept.append(evidence)
    return kept


@lru_cache(maxsize=4096)
def initials(letter: str, lang: str) -> frozenset[str]:
    """Letters a written initial standing for ``letter`` may be, in any system."""
    found = {letter.casefold(), unidecode(letter).casefold()[:1]}
    if lang in CYRILLIC_LANGS and is_cyrillic(letter):
        for system in system_names(lang):
            found.add(romanize(letter + "а", lang, system)[:1].casefold())
    return frozenset(c for c in found if c)


def query_keys(text: str, *, lithuanian: bool = False) -> tuple[str, ...]:
    """Sound keys of a query span; with ``lithuanian``, also of its bare stems."""
    keys = unit_keys(text)
    if lithuanian and " " not in text:
        extra = tuple(k for stem in lithuanian_stems(text) for k in phonetic_keys(stem)[:4])
        keys = tuple(dict.fromkeys(keys + extra))
    return keys
