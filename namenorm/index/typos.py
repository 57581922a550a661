"""What counts as a typo of a sound key, and the deletion neighbourhood that finds one.

A key may differ from a registry key by at most :func:`max_edits` edits (OSA
distance: a swap of two neighbours counts once), never in its first sound or
its final vowel class (endings carry gender and number), and never by being
a derivation of it. :func:`deletions` gives the one-deletion neighbours that
the index stores so near keys are found by lookups, never by a scan.

:func:`vowel_clash` tells a sound-alike whose vowels no spelling convention
explains (Markel for Merkel, Лукашик for Лукашук): a key folds vowels, so
only the spellings show it.

:func:`keystroke_readings` gives the registry spellings one real typing
error from a word (``namenorm.knowledge.keyboard``).

Left out: which keys are stored (``namenorm.index.tables``) and how a typo
hit is scored (``namenorm.index.score``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA
from unidecode import unidecode

from ..keys import token_key
from ..knowledge.keyboard import keystroke_fixes
from ..match import Evidence
from ..text import is_cyrillic
from .spellings import unit_surface

if TYPE_CHECKING:
    from .tables import Tables

__all__ = [
    "deletions",
    "ending",
    "is_typo",
    "keystroke_readings",
    "max_edits",
    "vowel_clash",
    "vowels",
]

#: A glide and a vowel that romanizations write for one Cyrillic vowel (я: ia,
#: ya, ja), and French ou for u: read as the vowel alone.
_GLIDES = (
    ("ie", "e"), ("ye", "e"), ("je", "e"), ("ia", "a"), ("ya", "a"), ("ja", "a"),
    ("iu", "u"), ("yu", "u"), ("ju", "u"), ("io", "o"), ("yo", "o"), ("jo", "o"), ("ou", "u"),
)  # fmt: skip
#: Vowels the press writes for one sound: a and o (Belarusian akanye beside
#: Russian spelling: Kalesnikava, Kolesnikova), e and i (unstressed e:
#: Lukashinko), o and u (Polish ó).
_ALIKE_VOWELS = frozenset({frozenset("ao"), frozenset("ei"), frozenset("ou")})


def ending(key: str) -> str:
    """The final vowel class of a key (``A``, ``I``, ``IA``, ...; ``""`` after a consonant).

    Typo tolerance never crosses it: endings carry gender and number.
    """
    end = len(key)
    while end > 0 and key[end - 1] in "AEIU":
        end -= 1
    return key[end:]


def is_typo(key: str, other: str, allowed: int) -> bool:
    """Whether ``other`` is ``key`` with at most ``allowed`` typos (OSA distance:
    a swap of two neighbours counts once), same first sound, same ending (for
    one word: endings carry gender and number), and not a derivation of it
    (Lukashenka is not Lukašenková, Belarus is not Belarusian)."""
    if not allowed or key[:1] != other[:1]:
        return False
    if " " not in key and ending(key) != ending(other):
        return False
    stem, other_stem = (
        key[: len(key) - len(ending(key))],
        other[: len(other) - len(ending(other))],
    )
    if stem != other_stem and (stem.startswith(other_stem) or other_stem.startswith(stem)):
        return False
    return OSA.distance(key, other, score_cutoff=allowed) <= allowed


def max_edits(key: str) -> int:
    """Typos allowed in a key of this length (none below 5 symbols, 2 from 9)."""
    size = len(key)
    return 2 if size >= 9 else 1 if size >= 5 else 0


def deletions(key: str) -> set[str]:
    """Every string made by deleting one symbol of ``key``."""
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


def vowels(word: str) -> str:
    """The vowels of a word's stem read in ASCII, a glide and its vowel as one,
    y as i, the final vowels (an ending: case, gender) left out (Łukaszenka:
    uae; Лукашэнка: uae; Łukasik: uai)."""
    text = unidecode(word).casefold().replace("'", "")
    for glide, vowel in _GLIDES:
        text = text.replace(glide, vowel)
    text = text.replace("y", "i").rstrip("aeiou")
    return "".join(c for c in text if c in "aeiou")


def vowel_clash(word: str, spelling: str) -> bool:
    """Whether two spellings in one script, with as many vowels in the stem,
    differ in a stem vowel that no spelling convention explains
    (:data:`_ALIKE_VOWELS`): Markel and Merkel, Лукашик and Лукашук are other
    names. A different count of vowels (a dropped or doubled letter) and the
    ending are left to the caller.

    >>> vowel_clash("Markel", "Merkel"), vowel_clash("Kolesnikava", "Kalesnikava")
    (True, False)
    """
    if is_cyrillic(word) != is_cyrillic(spelling):
        return False
    ours, theirs = vowels(word), vowels(spelling)
    return len(ours) == len(theirs) and any(
        a != b and frozenset((a, b)) not in _ALIKE_VOWELS for a, b in zip(ours, theirs, strict=True)
    )


def keystroke_readings(
    tables: Tables, text: str, gender: str | None
) -> list[tuple[int, Evidence, str]]:
    """Units spelled one real typing error from the word (``knowledge.keyboard``),
    never a case form: (unit, its spelling, the note for ``explain``). The
    ending carries gender and number: only a swap, or a vowel struck as a
    consonant (Latushkp), may change it (Kolesnikov is not Kolesnikova)."""
    typed = unit_surface(text)
    hits: dict[int, tuple[int, Evidence, str]] = {}
    typed_end = ending(token_key(typed))
    for fixed, (kind, error) in keystroke_fixes(typed).items():
        for unit, variant in tables.surfaces.get(fixed, ()):
            if unit in hits or not tables.fits_gender(unit, gender):
                continue
            grammar = ending(token_key(fixed)) != typed_end and kind != "swap"
            if grammar and (kind != "key" or typed_end):
                continue
            evidence = tables.units.variant_of(unit, variant)
            if evidence.system == "case":  # one letter from a case form: another one
                continue
            note = f"{text!r} read as {evidence.spelling!r} with one typing error ({error})"
            hits[unit] = (unit, evidence, note)
    return list(hits.values())
