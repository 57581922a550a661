"""Transliteration between Cyrillic and Latin for Belarusian and Russian.

``transliterate(text, lang, system)`` romanizes with one of the systems listed
by ``systems(lang)``; every system is a data table (``be.py``, ``ru.py``) run by
the small engine in ``engine.py``. ``ascii`` (any language) strips everything
to ASCII with ``unidecode``. ``cyrillize(text, lang)`` goes the other way for
the news style, best effort.

Left out: Cyrillic -> Cyrillic conversion between languages (that is a
matching concern, see ``namenorm.keys``) and any script other than Cyrillic
and Latin beyond what ``unidecode`` gives.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache

from unidecode import unidecode

from ..errors import UnknownLanguageError, UnknownSystemError
from . import be, ru, uk
from .engine import Rule, Scheme, System

__all__ = ["ASCII", "Rule", "Scheme", "System", "cyrillize", "systems", "transliterate"]

LANGS: tuple[str, ...] = ("be", "ru", "uk")

ASCII = "ascii"


def _ascii_system(lang: str) -> System:
    return System(
        name=ASCII,
        lang=lang,
        description="Plain ASCII fallback: any script, diacritics stripped",
        source="unidecode (Text::Unidecode tables)",
    )


@cache
def _catalogue() -> dict[str, dict[str, Scheme]]:
    modules = {"be": be, "ru": ru, "uk": uk}
    return {lang: {s.system.name: s for s in mod.SCHEMES} for lang, mod in modules.items()}


#: ``Scheme.apply`` by (lang, system): the one dictionary lookup of a call.
_APPLY: dict[tuple[str, str], Callable[[str], str]] = {
    (lang, name): scheme.apply
    for lang, module in (("be", be), ("ru", ru), ("uk", uk))
    for scheme in module.SCHEMES
    for name in (scheme.system.name,)
}


def _check_lang(lang: str) -> dict[str, Scheme]:
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a str, not {type(lang).__name__}")
    try:
        return _catalogue()[lang]
    except KeyError:
        raise UnknownLanguageError(
            f"unknown lang {lang!r}; expected one of {', '.join(LANGS)}"
        ) from None


def systems(lang: str | None = None) -> list[System]:
    """The transliteration systems for ``lang`` (or for every language), in a stable order.

    >>> [s.name for s in systems("ru")][:2]
    ['bgn-pcgn', 'iso9']
    """
    langs = LANGS if lang is None else (lang,)
    found: list[System] = []
    for code in langs:
        found.extend(s.system for s in _check_lang(code).values())
        found.append(_ascii_system(code))
    return found


def transliterate(text: str, lang: str, system: str) -> str:
    """Romanize Cyrillic ``text`` of language ``lang`` with ``system``; output is NFC.

    Characters outside the system's table (Latin letters, digits, punctuation)
    pass through unchanged, except with ``system="ascii"``, which reduces
    everything to ASCII.

    >>> transliterate("Лукашенко", "ru", "news")
    'Lukashenko'
    """
    fast = _APPLY.get((lang, system))
    if fast is not None and type(text) is str:
        return fast(text)
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    schemes = _check_lang(lang)
    if system == ASCII:
        base = schemes.get("news") or next(iter(schemes.values()))
        return unidecode(base.apply(text))
    try:
        scheme = schemes[system]
    except (KeyError, TypeError):
        names = ", ".join([*schemes, ASCII])
        raise UnknownSystemError(
            f"unknown system {system!r} for lang {lang!r}; expected one of {names}"
        ) from None
    return scheme.apply(text)


def cyrillize(text: str, lang: str) -> str:
    """Best-effort Latin -> Cyrillic for news-style spellings (``Lukashenka`` -> ``Лукашенка``).

    Romanization loses information (``e`` may be ``е`` or ``э``), so this is a
    guess documented as such; it is used to widen matching, never for display.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    _check_lang(lang)
    module = {"be": be, "ru": ru, "uk": uk}[lang]
    reverse: Scheme | None = getattr(module, "REVERSE", None)
    if reverse is None:
        raise UnknownSystemError(f"no reverse (Latin -> Cyrillic) table for lang {lang!r}")
    return unicodedata.normalize("NFC", reverse.apply(text))
