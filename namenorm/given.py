"""Given-name equivalence: Аляксандр = Александр = Aliaksandr = Alexander.

Loads ``data/given_names.csv`` (``group,gender,lang,name,form``) once and
answers which equivalence groups a given name belongs to, by exact spelling
and, for spellings not listed, by sound key (so a romanization of a listed
Cyrillic form finds its group without being typed in). Also tells the usual
gender of a group, which the inflection step needs.

Left out: nicknames across groups and any ranking of how likely a given name
is; the table is data and grows by editing the CSV.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rapidfuzz.fuzz import ratio
from unidecode import unidecode

from .keys import phonetic_keys, surface

__all__ = ["GivenNames", "given_names", "shipped_given_names_path"]


def shipped_given_names_path() -> Path:
    """Path of the shipped table (package data, or ``data/`` in a checkout)."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "given_names.csv"
    return packaged if packaged.exists() else here.parent / "data" / "given_names.csv"


@dataclass
class GivenNames:
    """The loaded table: spelling -> groups, sound key -> groups, group -> gender,
    and sound key -> (group, ASCII spelling) of each listed name."""

    by_surface: dict[str, frozenset[str]]
    by_key: dict[str, frozenset[str]]
    gender: dict[str, str]
    spelled: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)

    @classmethod
    def from_csv(cls, path: Path) -> GivenNames:
        """Load a given-name table CSV."""
        by_surface: dict[str, set[str]] = {}
        by_key: dict[str, set[str]] = {}
        spelled: dict[str, list[tuple[str, str]]] = {}
        gender: dict[str, str] = {}
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                group, name = row["group"].strip(), row["name"].strip()
                if not group or not name:
                    continue
                gender.setdefault(group, row.get("gender", "m").strip() or "m")
                by_surface.setdefault(surface(name), set()).add(group)
                for key in phonetic_keys(name)[:1]:
                    by_key.setdefault(key, set()).add(group)
                    spelled.setdefault(key, []).append((group, _ascii(name)))
        return cls(
            {k: frozenset(v) for k, v in by_surface.items()},
            {k: frozenset(v) for k, v in by_key.items()},
            gender,
            {k: tuple(dict.fromkeys(v)) for k, v in spelled.items()},
        )

    def groups(self, name: str) -> frozenset[str]:
        """The equivalence groups of one given name (empty if unknown)."""
        found = self.by_surface.get(surface(name))
        if found:
            return found
        groups: set[str] = set()
        for key in phonetic_keys(name):
            groups.update(self.by_key.get(key, ()))
        return frozenset(groups)

    def named(self, name: str) -> frozenset[str]:
        """The groups of which ``name`` is a listed spelling, or a romanization of
        one: the same first sound key, which keeps the ending (Viktoria and
        Вікторыя, not Віктар), and spelled alike letter for letter (a key folds
        vowels: Zianna is no Зина). Empty when the table does not know the name.
        Stricter than :meth:`groups`, which accepts any sound-alike."""
        found = self.by_surface.get(surface(name))
        if found:
            return found
        keys = phonetic_keys(name)
        if not keys:
            return frozenset()
        written = _ascii(name)
        return frozenset(
            group
            for group, listed in self.spelled.get(keys[0], ())
            if ratio(written, listed) >= _ROMANIZED_ALIKE
        )

    def gender_of(self, name: str) -> str | None:
        """``'m'`` or ``'f'`` when the name's groups agree, else ``None``."""
        genders = {self.gender[g] for g in self.groups(name)}
        return genders.pop() if len(genders) == 1 else None


#: How alike (0-100, letters in ASCII) a word and a listed name of the same
#: sound key must be for the word to be that name (Viktoria, Виктория: 94).
_ROMANIZED_ALIKE = 85.0


#: Letters that romanizations write for one sound (Yana, Jana, Iana; Wiktoria).
_ALIKE_LETTERS = str.maketrans({"j": "i", "y": "i", "w": "v", "x": "ks"})


def _ascii(name: str) -> str:
    """A rough ASCII spelling to compare names across scripts (Виктория: viktoriia)."""
    return unidecode(name).casefold().translate(_ALIKE_LETTERS)


@cache
def given_names() -> GivenNames:
    """The shipped table, loaded once."""
    return GivenNames.from_csv(shipped_given_names_path())
