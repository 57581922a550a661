"""The one folding that knowledge tables and queries are compared under.

:func:`fold` makes two spellings of a name equal when they differ only in
case, diacritics (Brześć, Brzesc), apostrophes, hyphens or е/ё: Latin text
loses its diacritics through ``unidecode``, Cyrillic text stays Cyrillic.

Left out: romanization and sound keys (``namenorm.keys``), which are looser.
"""

from __future__ import annotations

from functools import lru_cache

from unidecode import unidecode

from ..text import clean, script_of

__all__ = ["fold", "fold_words"]

_DROP = str.maketrans({"'": "", "ʼ": "", "ʹ": "", "-": " ", ".": " ", ",": " "})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """``text`` case-folded, without diacritics (in Latin) and punctuation.

    >>> fold("Brześć-Litewski"), fold("Магілёў")
    ('brzesc litewski', 'магилеў')
    """
    out: list[str] = []
    for char in clean(text).translate(_DROP):
        if script_of(char) == "latn" and not char.isascii():
            out.append(unidecode(char))
        else:
            out.append(char)
    folded = "".join(out).casefold().replace("ё", "е").replace("і", "и").replace("ї", "и")
    return " ".join(folded.split())


def fold_words(text: str) -> tuple[str, ...]:
    """The words of :func:`fold` ``(text)``."""
    return tuple(fold(text).split(" ")) if fold(text) else ()
