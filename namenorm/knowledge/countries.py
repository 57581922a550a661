"""Country names in many languages: ISO 3166 translations (``pycountry``) and CLDR (``babel``).

``pycountry`` ships the ISO 3166-1 names of every country (name, official
name, common name) with their translations into about 160 languages (the
iso-codes project's gettext catalogues); those are often the formal names
(Federacja Rosyjska). ``babel`` ships the Unicode CLDR's territory names, the
short names the press uses (Rosja, Russland, Baltarusija), in about 330
languages. Both are read for the European languages of :data:`LANGUAGES`. :func:`country_names` keeps both when written in Latin or
Cyrillic (Allemagne, Niemcy, Vokietija, Hviderusland, Злучаныя Штаты) with
their language; :func:`find_country` tells which country a registry place
is, by the names they share. The names are read from the two packages once
per machine and then from a cached table file (``namenorm.tablecache``,
keyed by both packages' versions and namenorm's code).

Left out: historic names that ISO does not list (Byelorussia) and the case
forms of the translations, which the resolver reads back itself.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..tablecache import cached
from .fold import fold
from .gazetteer import usable_name

__all__ = ["CountryName", "country_names", "find_country", "language_name"]


@dataclass(frozen=True)
class CountryName:
    """A name of a country in one language (``lang``: ISO 639 code), and its
    source (``iso3166`` or ``cldr``)."""

    text: str
    lang: str
    source: str


#: The languages whose country names are read: the European languages written
#: in Latin or Cyrillic script, in which news about Belarus is written and
#: read; in this order, so that a spelling several languages share is
#: reported in the first (reading all 330 CLDR locales would cost seconds).
LANGUAGES: tuple[str, ...] = (
    "en", "be", "ru", "uk", "pl", "lt", "lv", "de", "fr", "cs", "sk", "it", "es", "pt",
    "nl", "da", "sv", "nb", "nn", "fi", "et", "hu", "ro", "bg", "sl", "hr", "sr", "bs",
    "mk", "sq", "el", "ga", "is", "ca", "eu", "gl", "cy", "lb", "mt", "tr",
)  # fmt: skip


def _locales() -> list[str]:
    import pycountry

    present = set(os.listdir(pycountry.LOCALES_DIR))
    return [lang for lang in LANGUAGES if lang in present]


@cache
def country_names() -> dict[str, tuple[CountryName, ...]]:
    """ISO 3166 alpha-2 code -> the country's names in every language served."""
    from importlib.metadata import version

    from ..index.store import code_fingerprint

    _, meta = cached(
        "country-names",
        lambda: ({}, {"names": _read_names()}),
        sources=(
            f"pycountry {version('pycountry')}",
            f"babel {version('babel')}",
            f"namenorm {code_fingerprint()}",  # usable_name, fold and clean shape it too
        ),
        code=(__file__,),
    )
    names: dict[str, list[list[str]]] = meta["names"]
    return {code: tuple(CountryName(*name) for name in found) for code, found in names.items()}


def _read_names() -> dict[str, list[tuple[str, str, str]]]:
    """:func:`country_names` read from ``pycountry`` and ``babel``: (text,
    language, source) of each name, by ISO code."""
    import pycountry

    found: dict[str, dict[str, CountryName]] = {}
    english = {
        c.alpha_2: [
            n for n in (c.name, getattr(c, "official_name", ""), getattr(c, "common_name", "")) if n
        ]
        for c in pycountry.countries
    }
    catalogues: list[tuple[str, gettext.NullTranslations]] = [("en", gettext.NullTranslations())]
    for locale in _locales():
        lang = locale.split("_")[0].split("@")[0]
        try:
            catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[locale])
        except OSError:
            continue
        catalogues.append((lang, catalogue))
    for code, lang, text in _cldr_names():  # the short names first
        if code in english and usable_name(text, max_words=None, code_letters=None):
            found.setdefault(code, {}).setdefault(fold(text), CountryName(text, lang, "cldr"))
    for code, names in english.items():
        table = found.setdefault(code, {})
        for lang, translations in catalogues:
            for name in names:
                text = translations.gettext(name)
                if (lang == "en" or text != name) and usable_name(
                    text, max_words=None, code_letters=None
                ):
                    table.setdefault(fold(text), CountryName(text, lang, "iso3166"))
    return {
        code: [(n.text, n.lang, n.source) for n in table.values()] for code, table in found.items()
    }


def _cldr_names() -> list[tuple[str, str, str]]:
    """(ISO code, language, name) of every country in the CLDR locale of each of :data:`LANGUAGES`."""
    from babel import Locale, localedata

    found = []
    known = set(localedata.locale_identifiers())
    for identifier in (lang for lang in LANGUAGES if lang in known):
        try:
            territories = Locale.parse(identifier).territories
        except (ValueError, LookupError):
            continue
        found += [(code, identifier, text) for code, text in territories.items() if len(code) == 2]
    return found


@cache
def _by_name() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for code, names in country_names().items():
        for name in names:
            table.setdefault(fold(name.text), set()).add(code)
    return {name: frozenset(codes) for name, codes in table.items()}


def find_country(names: Iterable[str]) -> str | None:
    """The ISO code of the country bearing the most of ``names`` (None if none
    does, or two countries tie)."""
    shared: dict[str, int] = {}
    for name in {fold(n) for n in names}:
        for code in _by_name().get(name, ()):
            shared[code] = shared.get(code, 0) + 1
    if not shared:
        return None
    ranked = sorted(shared.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


@cache
def language_name(code: str) -> str:
    """The English name of a language code (``fr`` -> ``French``), or the code."""
    import pycountry

    found = pycountry.languages.get(alpha_2=code) or pycountry.languages.get(alpha_3=code)
    return str(found.name) if found is not None else code
