"""Unicode clean-up shared by the registry, the index and every query.

:func:`clean` is the one function that turns any ``str`` into the canonical
form every later step expects: NFC, no invisible or control characters, no
ALA-LC tie bars (``T͡sikhanoŭskai͡a`` is ``Tsikhanoŭskaia``), one
kind of apostrophe and hyphen, single spaces, and each word in one script (a
Latin word polluted with a Cyrillic look-alike such as ``е`` or ``о`` is folded
back to Latin, a Cyrillic word with a Latin ``i`` to Cyrillic ``і``).

It does not change case, transliterate, or remove diacritics: those belong to
the match keys (``namenorm.keys``) and to ``namenorm.translit``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["FOLDS", "INVISIBLE", "clean", "fold_confusables", "is_cyrillic", "script_of"]

# Look-alike pairs: Cyrillic letter -> Latin letter drawn the same way.
_CYR_TO_LAT: dict[str, str] = {
    "а": "a", "в": "b", "е": "e", "ё": "ë", "і": "i", "ї": "ï", "ј": "j", "к": "k",
    "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "ѕ": "s", "һ": "h", "ԁ": "d",
    "А": "A", "В": "B", "Е": "E", "Ё": "Ë", "І": "I", "Ї": "Ï", "Ј": "J", "К": "K",
    "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X",
    "Ѕ": "S", "Һ": "H",
}  # fmt: skip
_LAT_TO_CYR: dict[str, str] = {lat: cyr for cyr, lat in _CYR_TO_LAT.items()}
_LAT_TO_CYR.update({"i": "і", "I": "І", "y": "у", "Y": "У"})

# Apostrophe-like and hyphen-like characters folded to ASCII.
_APOSTROPHES = "\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032\u02bb\uff07"
_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['][^\W\d_]+)*", re.UNICODE)


def script_of(char: str) -> str:
    """``'cyrl'``, ``'latn'`` or ``''`` for one character (by Unicode block)."""
    code = ord(char)
    if 0x0400 <= code <= 0x052F or 0x1C80 <= code <= 0x1C8F or 0xA640 <= code <= 0xA69F:
        return "cyrl"
    if (
        0x41 <= code <= 0x5A
        or 0x61 <= code <= 0x7A
        or 0xC0 <= code <= 0x24F
        or 0x1E00 <= code <= 0x1EFF
    ) and code not in (0xD7, 0xF7):
        return "latn"
    return ""


def is_cyrillic(text: str) -> bool:
    """True when most letters of ``text`` are Cyrillic."""
    if text.isascii():
        return False
    cyr = lat = 0
    for char in text:
        script = script_of(char)
        if script == "cyrl":
            cyr += 1
        elif script == "latn":
            lat += 1
    return cyr > lat


def _fold_word(word: str) -> str:
    scripts = [script_of(c) for c in word]
    if "cyrl" not in scripts or "latn" not in scripts:
        return word
    # Letters that exist in one script only decide; look-alikes are neutral.
    cyr = sum(1 for c, s in zip(word, scripts, strict=True) if s == "cyrl" and c not in _CYR_TO_LAT)
    lat = sum(1 for c, s in zip(word, scripts, strict=True) if s == "latn" and c not in _LAT_TO_CYR)
    if cyr == lat:
        cyr = scripts.count("cyrl")
        lat = scripts.count("latn")
    if cyr > lat:
        return "".join(
            _LAT_TO_CYR.get(c, c) if s == "latn" else c for c, s in zip(word, scripts, strict=True)
        )
    return "".join(
        _CYR_TO_LAT.get(c, c) if s == "cyrl" else c for c, s in zip(word, scripts, strict=True)
    )


def fold_confusables(text: str) -> str:
    """Fold look-alike letters so that every word is written in one script."""
    return _WORD.sub(lambda m: _fold_word(m.group(0)), text)


def _character_classes() -> tuple[dict[str, str], frozenset[str]]:
    """Characters :func:`clean` replaces one for one (control characters and every
    kind of space -> a space; apostrophe-likes -> ``'``; hyphen-likes -> ``-``),
    and the characters it removes (format characters: zero-width, bidi marks,
    soft hyphen, BOM; and tie bars)."""
    folds: dict[str, str] = {}
    invisible: set[str] = set()
    for code in range(0x10000):
        category = unicodedata.category(chr(code))
        if category == "Cf":
            invisible.add(chr(code))
        elif category in ("Cc", "Zl", "Zp", "Zs") and code != 0x20:
            folds[chr(code)] = " "
    for code in (*range(0xE0000, 0xE0080), *range(0x1D173, 0x1D17B), *range(0x1BCA0, 0x1BCA4)):
        invisible.add(chr(code))
    # Marks spanning two letters: the tie bars of ALA-LC romanization (t͡s, i͡a,
    # U+035C-U+0362) and the ligature halves written instead (t︠s︡, U+FE20-U+FE2F).
    # They say two letters stand for one Cyrillic letter; the letters alone
    # are the spelling every other system writes.
    for code in (*range(0x035C, 0x0363), *range(0xFE20, 0xFE30)):
        invisible.add(chr(code))
    folds.update({c: "'" for c in _APOSTROPHES} | {c: "-" for c in _HYPHENS})
    return folds, frozenset(invisible)


#: Characters :func:`clean` replaces by one other character (spaces, apostrophes, hyphens).
FOLDS: dict[str, str]
#: Characters :func:`clean` removes (format characters).
INVISIBLE: frozenset[str]
FOLDS, INVISIBLE = _character_classes()
_CLEAN_TABLE: dict[int, str | None] = {ord(c): None for c in INVISIBLE} | {
    ord(c): r for c, r in FOLDS.items()
}
_MIXED = re.compile(
    r"[A-Za-z\u00c0-\u024f][^\W\d_]*[\u0400-\u052f]|[\u0400-\u052f][^\W\d_]*[A-Za-z\u00c0-\u024f]"
)


@lru_cache(maxsize=65536)
def clean(text: str) -> str:
    """Return ``text`` in the canonical form used for indexing and matching.

    >>> clean("  Lukash\\u0435nko\\u200b ")
    'Lukashenko'
    >>> clean("Мар\\u2019я")
    "Мар'я"
    """
    if text.isascii() and text.isprintable() and "`" not in text and "  " not in text:
        return text.strip()  # nothing to fold in plain printable ASCII
    text = unicodedata.normalize("NFKC", text).translate(_CLEAN_TABLE)
    text = _SPACES.sub(" ", text).strip()
    if _MIXED.search(text):
        text = fold_confusables(text)
    return unicodedata.normalize("NFC", text)
