"""Acronyms against full names, both ways: EU = European Union, BelTA = Belarusian Telegraph Agency.

An acronym here is a word of two to eight letters with at least two
capitals that is not a plain capitalised word (NATO, EU, ЕС, BelTA, JAV).
:func:`spells_initials` says whether it is made of the first letters of a
name's words, in order, each capital starting one word (the small letters
after a capital continue that word: *Bel*TA); function words (of, the, for,
de, і, по, ...) may or may not give a letter.
:class:`AcronymTable` holds the names of a registry's organizations and
places (and their other names from ``namenorm.knowledge.aliases``) to check
a query against: an acronym query against the full names, a full-name
query against the stored acronyms.

Left out: acronyms of translated names (OTAN for NATO's French name) unless
that name is known, and acronyms across scripts.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from ..match import Evidence
from .fold import fold_words

__all__ = [
    "FUNCTION_WORDS",
    "AcronymHit",
    "AcronymTable",
    "is_acronym",
    "pieces",
    "spells_initials",
]

#: Words an acronym may skip (articles, prepositions, conjunctions).
FUNCTION_WORDS: frozenset[str] = frozenset(
    """
    of the for and on in to a an de du des la le les l d et di del della dei degli e
    der die das des dem den und fur von zu im am i w z na do dla oraz ir
    и і й в у з па по для на от о об
    """.split()
)


#: Fewest letters of an acronym checked against a place's other names (from
#: the knowledge tables): AU is not Ameerika Ühendriigid.
_MIN_OTHER = 3


class AcronymHit(NamedTuple):
    """An entity (by number) whose name ``evidence`` the query abbreviates, or
    whose acronym ``evidence`` the query spells out (``expanded``)."""

    entity: int
    evidence: Evidence
    expanded: bool


def is_acronym(word: str) -> bool:
    """Whether ``word`` looks like an acronym (NATO, EU, BelTA; not Nato, not EUROPE).

    >>> [is_acronym(w) for w in ("NATO", "BelTA", "ЕС", "Nato", "EUROPEAN", "A")]
    [True, True, True, False, False, False]
    """
    capitals = sum(1 for c in word if c.isupper())
    return (
        2 <= len(word) <= 8
        and word.isalpha()
        and capitals >= 2
        and word[0].isupper()
        and (capitals < len(word) or len(word) <= 5)
    )


def pieces(acronym: str) -> tuple[str, ...]:
    """The parts of an acronym that stand for one word each, case-folded: one
    letter per capital, with the small letters after it (Bel-T-A).

    >>> pieces("NATO"), pieces("BelTA")
    (('n', 'a', 't', 'o'), ('bel', 't', 'a'))
    """
    found: list[str] = []
    for char in acronym:
        if char.isupper() or not found:
            found.append(char.casefold())
        else:
            found[-1] += char.casefold()
    return tuple(found)


@lru_cache(maxsize=65536)
def spells_initials(parts: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether each of ``parts`` (see :func:`pieces`) begins one of ``words``
    (folded), in order, every word but function words giving one.

    >>> spells_initials(pieces("BelTA"), ("belarusian", "telegraph", "agency"))
    True
    >>> spells_initials(pieces("EU"), ("european", "union")), spells_initials(pieces("UE"), ("european", "union"))
    (True, False)
    """
    if not parts:
        return all(w in FUNCTION_WORDS for w in words)
    if not words:
        return False
    word, rest = words[0], words[1:]
    if word in FUNCTION_WORDS and spells_initials(parts, rest):
        return True
    return word.startswith(parts[0]) and spells_initials(parts[1:], rest)


class AcronymTable:
    """Names of several words and stored acronyms, by first letter."""

    def __init__(self) -> None:
        self._names: dict[str, list[tuple[tuple[str, ...], int, Evidence]]] = {}
        self._acronyms: dict[str, list[tuple[tuple[str, ...], int, Evidence]]] = {}

    def add(self, entity: int, evidence: Evidence) -> None:
        """Enter one name of ``entity``: as an acronym or as a name of several words."""
        text = evidence.spelling
        if " " not in text.strip() and is_acronym(text):
            self._acronyms.setdefault(text[:1].casefold(), []).append(
                (pieces(text), entity, evidence)
            )
            return
        words = tuple(w for w in fold_words(text) if w)
        significant = [w for w in words if w not in FUNCTION_WORDS]
        if len(significant) >= 2:
            self._names.setdefault(words[0][:1], []).append((words, entity, evidence))

    def find(self, words: Sequence[str]) -> list[AcronymHit]:
        """Entities the query (its words as written) abbreviates or spells out."""
        hits: dict[int, AcronymHit] = {}
        if len(words) == 1 and is_acronym(words[0]):
            acronym = pieces(words[0])
            for names, entity, evidence in self._names.get(acronym[0][:1], ()):
                if len(acronym) < _MIN_OTHER and evidence.system != "stored":
                    continue  # two letters are the initials of too many foreign names
                if entity not in hits and spells_initials(acronym, names):
                    hits[entity] = AcronymHit(entity, evidence, expanded=False)
        elif len(words) >= 2:
            folded = tuple(w for text in words for w in fold_words(text))
            for acronym, entity, evidence in self._acronyms.get(folded[0][:1], ()):
                if entity not in hits and spells_initials(acronym, folded):
                    hits[entity] = AcronymHit(entity, evidence, expanded=True)
        return list(hits.values())
