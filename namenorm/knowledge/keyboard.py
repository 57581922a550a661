"""Real typing errors: the spellings one keystroke away from a typed word.

Damerau (1964) found that most misspellings are one insertion, deletion,
substitution or transposition of neighbouring letters, and a substitution or
an insertion is mostly a key next to the one meant. :func:`keystroke_fixes`
undoes one such error anywhere after the first letter (the ending included):
two neighbouring letters swapped (Lavrvo), a key next to the one meant
(Trunp), an extra letter (a doubled one, Puttin, one of the last three typed
again, Medvedvev, or a key next to its neighbour; never a final -s), a letter
left out (a doubled one, Kellog, a vowel between two consonants, Putn, or any
in a word of :data:`LONG_WORD` letters or more). No word under
:data:`SHORT_WORD` letters is corrected, a short word gains only a doubled
letter or such a vowel (a short real name is one letter from many others),
and a word with a digit is never corrected. The layouts are those of the
press's languages (QWERTY, QWERTZ, ЙЦУКЕН; sources beside ``_LAYOUTS``).

Left out: which of the fixes name something (``namenorm.index.search``
looks them up among the registry's spellings) and the lexicon veto
(``namenorm.knowledge.othernames``).
"""

from __future__ import annotations

from functools import cache
from typing import Literal, NamedTuple

__all__ = ["LONG_WORD", "SHORT_WORD", "Fix", "keystroke_fixes", "neighbours"]

#: Words shorter than this are never corrected.
SHORT_WORD = 4
#: From this length a word may have lost any letter, not only a doubled one.
LONG_WORD = 7

#: Letter rows of each layout, top to bottom; each row is shifted right of the
#: one above by about half a key, so key ``i`` of a row touches keys ``i`` and
#: ``i + 1`` of the row above and ``i - 1`` and ``i`` of the row below.
#: Sources: QWERTY per ISO/IEC 9995 (the English, Lithuanian and Latvian
#: layouts share its letter rows; German QWERTZ swaps Y and Z), and the
#: Russian, Belarusian and Ukrainian ЙЦУКЕН of GOST 6431-90 (Belarusian і and
#: ў on the keys of и and щ; Ukrainian і, ї, є).
_LAYOUTS: tuple[tuple[str, str, str], ...] = (
    ("qwertyuiop", "asdfghjkl", "zxcvbnm"),  # QWERTY
    ("qwertzuiop", "asdfghjkl", "yxcvbnm"),  # German QWERTZ
    ("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"),  # Russian ЙЦУКЕН
    ("йцукенгшўзх'", "фывапролджэ", "ячсмітьбю"),  # Belarusian
    ("йцукенгшщзхї", "фівапролджє", "ячсмитьбю"),  # Ukrainian
)


@cache
def _neighbours() -> dict[str, frozenset[str]]:
    near: dict[str, set[str]] = {}
    for rows in _LAYOUTS:
        for r, row in enumerate(rows):
            for i, key in enumerate(row):
                around = near.setdefault(key, set())
                around.update(row[j] for j in (i - 1, i + 1) if 0 <= j < len(row))
                if r > 0:
                    above = rows[r - 1]
                    around.update(above[j] for j in (i, i + 1) if 0 <= j < len(above))
                if r + 1 < len(rows):
                    below = rows[r + 1]
                    around.update(below[j] for j in (i - 1, i) if 0 <= j < len(below))
    return {key: frozenset(keys - {key, "'"}) for key, keys in near.items() if key != "'"}


class Fix(NamedTuple):
    """The error a fix undoes: its kind (``swap`` of two letters, ``key`` next
    to the one meant, ``extra`` letter, ``double`` typed once, ``dropped``
    letter) and what it was, for ``explain``."""

    kind: Literal["swap", "key", "extra", "double", "dropped"]
    why: str


def neighbours(letter: str) -> frozenset[str]:
    """The keys next to ``letter`` on any of the layouts (empty for a non-letter)."""
    return _neighbours().get(letter, frozenset())


def keystroke_fixes(word: str) -> dict[str, Fix]:
    """The spellings one real typing error away from ``word`` (case-folded
    letters), each with the error it undoes; empty for a short word or one
    with anything but letters."""
    if len(word) < SHORT_WORD or not word.isalpha():
        return {}
    fixes: dict[str, Fix] = {}
    n = len(word)

    def add(fixed: str, fix: Fix) -> None:
        if fixed != word and fixed not in fixes:
            fixes[fixed] = fix

    for i in range(1, n):
        here, before = word[i], word[i - 1]
        after = word[i + 1] if i + 1 < n else ""
        if i + 1 < n and here != after:
            swapped = word[:i] + after + here + word[i + 2 :]
            add(swapped, Fix("swap", f"{here}{after} typed for {after}{here}"))
        for key in neighbours(here):
            add(
                word[:i] + key + word[i + 1 :],
                Fix("key", f"{here} typed for the key next to it, {key}"),
            )
        plural = i == n - 1 and here == "s"  # a final -s is a plural or a possessive
        # Doubled, or typed again from a few keys back (Medvedvev: v again).
        again = here == after or here in word[max(0, i - 3) : i]
        near = again or any(here in neighbours(c) for c in (before, after) if c)
        if near and not plural:
            add(word[:i] + word[i + 1 :], Fix("extra", f"an extra {here}"))
        add(word[:i] + here + word[i:], Fix("double", f"a doubled {here} typed once"))
    vowels = _vowels(word)
    for i in range(1, n + 1):
        # Any letter in a long word; in any word, a vowel whose loss left two
        # consonants together (Macrn, Putn; Cole is no Coale).
        if n >= LONG_WORD:
            letters = _alphabet(word)
        elif i < n and word[i - 1] not in _ANY_VOWEL and word[i] not in _ANY_VOWEL:
            letters = vowels
        else:
            continue
        for letter in letters:
            add(word[:i] + letter + word[i:], Fix("dropped", f"{letter} left out"))
    return fixes


_CYRILLIC_VOWELS = "аеёиоуыэюяіїє"
_ANY_VOWEL = frozenset("aeiouy" + _CYRILLIC_VOWELS)


def _vowels(word: str) -> str:
    """The vowels of the word's script."""
    if any("а" <= c <= "я" or c in "ёіўїєґ" for c in word):
        return _CYRILLIC_VOWELS
    return "aeiouy"


def _alphabet(word: str) -> str:
    """The letters a word of this script may have lost."""
    if any("а" <= c <= "я" or c in "ёіўїєґ" for c in word):
        return "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіўїєґ"
    return "abcdefghijklmnopqrstuvwxyz"
