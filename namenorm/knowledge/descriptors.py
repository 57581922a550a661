"""Organizations' names across languages, word by word: a table of translated descriptors.

The press names an organization in its own language: *Unia Europejska*,
*Europäische Union*, *Europos Sąjungos* for the European Union. Each of those
words translates one word of the registry's name. ``data/concepts.csv``
lists, per concept, its words in the languages of the press (read into
:data:`CONCEPT_FORMS`): a form as written, a stem ending in ``*`` that
covers the case forms (``komisj*``), or a Belarusian, Russian or Ukrainian
lemma that ``namenorm.inflect`` declines. :func:`signatures` turns a name into the set of its
concepts plus a sound stem of every other word (a proper name is the same in
every language), leaving out articles and prepositions: two names with one
signature name one organization, whatever the language and the word order.
:class:`DescriptorTable` holds the signatures of a registry's organizations
(a signature two of them share is left out: never guessed).

Left out: names of one concept alone (those are spellings: ``namenorm.index``),
descriptors that change what is named (a region is not its city), and any
word the table does not list, which must then sound the same in both names.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple, Protocol

from ..errors import CsvError
from ..inflect import word_case_forms
from ..keys import phonetic_keys
from ..match import Evidence
from ..names import FUNCTION_WORDS, shipped_word_list_path
from .fold import fold_words

__all__ = [
    "CONCEPT_FORMS",
    "CONCEPT_POS",
    "COUNTRIES",
    "ConceptForm",
    "DescriptorTable",
    "Translated",
    "concepts_of",
    "countries_named",
    "home_country",
    "load_concepts",
    "signatures",
]

#: Parts of speech of ``data/concepts.csv``: a ``word`` is one form as written,
#: a ``stem`` (ending in ``*``) covers every word that starts with it, and a
#: ``noun`` or ``adjective`` is a Belarusian, Russian or Ukrainian lemma that
#: stands with its case forms (:func:`~namenorm.inflect.word_case_forms`).
CONCEPT_POS = ("word", "stem", "noun", "adjective")
_DECLINED = ("be", "ru", "uk")
_CONCEPT = re.compile(r"[a-z]+(?:\+[a-z]+)*\Z")


class ConceptForm(NamedTuple):
    """One word of ``data/concepts.csv``: the concepts it stands for (two or
    more for a compound: Евросоюз is "european" and "union") and its form,
    case-folded, a stem ending in ``*``."""

    concepts: tuple[str, ...]
    form: str


def load_concepts(path: Path) -> tuple[ConceptForm, ...]:
    """The forms of a concept table (``concept,lang,form,pos``; ``concept`` is
    one name, or names joined by ``+`` for a compound; ``lang`` is the
    language that declines a noun or adjective, ``mul`` for a form several
    languages of the press share), each noun and adjective with its case forms.

    Raises :class:`~namenorm.errors.CsvError` naming the file, line and field of a bad row.
    """
    forms: dict[ConceptForm, None] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != ["concept", "lang", "form", "pos"]:
            raise CsvError(
                f"{path}:1: header: {reader.fieldnames!r}; expected concept,lang,form,pos"
            )
        for line, row in enumerate(reader, start=2):
            concept, lang, form, pos = row["concept"], row["lang"], row["form"], row["pos"]
            if None in row:
                raise CsvError(
                    f"{path}:{line}: {len(reader.fieldnames) + len(row[None])} fields;"
                    " expected 4 (concept,lang,form,pos)"
                )
            if not _CONCEPT.match(concept or ""):
                raise CsvError(
                    f"{path}:{line}: concept: {concept!r}; expected a-z names joined by +"
                )
            if pos not in CONCEPT_POS:
                raise CsvError(
                    f"{path}:{line}: pos: {pos!r}; expected one of {', '.join(CONCEPT_POS)}"
                )
            if (
                not form
                or form != form.strip()
                or " " in form
                or form.endswith("*") != (pos == "stem")
            ):
                expected = "one word ending in *" if pos == "stem" else "one word without *"
                raise CsvError(f"{path}:{line}: form: {form!r}; expected {expected}")
            declined = pos in ("noun", "adjective")
            lang_ok = lang in _DECLINED if declined else (lang or "").isalpha()
            if not lang_ok:
                expected = "be, ru or uk" if declined else "a language code or mul"
                raise CsvError(f"{path}:{line}: lang: {lang!r}; expected {expected}")
            concepts = tuple(concept.split("+"))
            words = (
                [form, *word_case_forms(form, lang, adjective=pos == "adjective")]
                if declined
                else [form]
            )
            forms.update(dict.fromkeys(ConceptForm(concepts, w.casefold()) for w in words))
    return tuple(forms)


#: Every word of the shipped concept table (``data/concepts.csv``). Its sources:
#: the official names of the EU institutions in the EU's languages (EUR-Lex,
#: "Interinstitutional Style Guide", section 9.2), the International Red Cross
#: and Red Crescent Movement's national societies' names, and general
#: dictionaries (Oxford, PWN, Tlumač, Lietuvių kalbos žodynas) for the other
#: descriptor nouns and adjectives.
CONCEPT_FORMS: tuple[ConceptForm, ...] = load_concepts(shipped_word_list_path("concepts.csv"))
#: Concepts that name a country: "Republic of" beside one adds nothing (Narodowy
#: Bank Republiki Białorusi is the National Bank of Belarus).
COUNTRIES = frozenset({"belarus", "russia", "lithuania", "poland", "ukraine", "america"})
#: Words that hold no name in an organization's: legal forms and articles
#: (with ``names.FUNCTION_WORDS``).
_EMPTY = frozenset("jsc pjsc ojsc cjsc oao zao pao ooo llc ltd inc plc ag gmbh sa co".split())
#: Symbols of a sound key that stand for a word not in the table.
_STEM = 5
#: Most readings of one name that are tried.
_MAX_READINGS = 16
_Readings = tuple[tuple[str, ...], ...]


class Translated(NamedTuple):
    """A registry organization a query names in translation, and the name of it
    that the query translates."""

    entity: int
    evidence: Evidence


@cache
def _tables() -> tuple[dict[str, _Readings], list[tuple[str, _Readings]]]:
    """Folded whole words -> readings, and (folded stem, readings), longest first."""
    readings: dict[str, list[tuple[str, ...]]] = {}
    for concepts, word in CONCEPT_FORMS:
        folded = " ".join(fold_words(word.rstrip("*"))) + ("*" if word.endswith("*") else "")
        bucket = readings.setdefault(folded, [])
        if concepts not in bucket:
            bucket.append(concepts)
    whole = {w: tuple(r) for w, r in readings.items() if not w.endswith("*")}
    stems = [(w[:-1], tuple(r)) for w, r in readings.items() if w.endswith("*")]
    stems.sort(key=lambda entry: -len(entry[0]))
    return whole, stems


def concepts_of(word: str) -> tuple[tuple[str, ...], ...]:
    """The readings of a folded word: each a tuple of the concepts it stands for
    (Lithuanian Europos: "european" or "europe"); empty when the table has none."""
    whole, stems = _tables()
    if word in whole:
        return whole[word]
    for stem, readings in stems:
        if word.startswith(stem):
            return readings
    return ()


Signature = tuple[frozenset[str], tuple[str, ...]]


def signatures(text: str) -> frozenset[Signature]:
    """Every reading of a name: its concepts and the sorted sound stems of its
    other words (a word may read two ways: Europos, and each sound key of a
    proper name). Empty when the name has no concept, or only one and no
    other word (Europe alone is a spelling, not a translation)."""
    words = [
        w
        for w in fold_words(text.replace("'", "").replace("\u2019", ""))
        if w not in FUNCTION_WORDS and w not in _EMPTY
    ]
    options: list[list[tuple[str, tuple[str, ...]]]] = []
    for word in words:
        readings = concepts_of(word)
        if readings:
            options.append([("concept", reading) for reading in readings])
        elif any(c.isdigit() for c in word):
            options.append([("word", (word,))])  # a number is never translated nor misspelt
        else:
            stems = dict.fromkeys(key[:_STEM] for key in phonetic_keys(word)[:3]) or {word: None}
            options.append([("word", (stem,)) for stem in stems])
    found: set[Signature] = set()
    for combo in itertools.islice(itertools.product(*options), _MAX_READINGS):
        concepts = frozenset(c for kind, part in combo if kind == "concept" for c in part)
        if "republic" in concepts and concepts & COUNTRIES:
            concepts -= {"republic"}
        others = tuple(sorted(p for kind, part in combo if kind == "word" for p in part))
        if concepts and len(concepts) + len(others) >= 2:
            found.add((concepts, others))
    return frozenset(found)


def countries_named(text: str) -> frozenset[str]:
    """The countries a name or descriptor words name (Russia, Russian, Rosji)."""
    return (
        frozenset(c for word in fold_words(text) for reading in concepts_of(word) for c in reading)
        & COUNTRIES
    )


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


def home_country(entities: Iterable[_EntityLike]) -> str | None:
    """The country most of the organizations among ``entities`` name (the
    registry's home: an organization named without a country is of it)."""
    named: dict[str, int] = {}
    for entity in entities:
        if entity.kind == "org":
            for country in {c for name in entity.names for c in countries_named(name.text)}:
                named[country] = named.get(country, 0) + 1
    return max(sorted(named), key=named.__getitem__) if named else None


class DescriptorTable:
    """Signatures of a registry's organizations' names (see the module docstring)."""

    def __init__(self) -> None:
        self._by_signature: dict[Signature, list[Translated]] = {}
        #: The country most of the registry's organizations name (its home):
        #: an organization named without it is of it (Ministry of Internal
        #: Affairs, asked as "Ministerstwo Spraw Wewnętrznych Republiki Białorusi").
        self.home: str | None = None

    @classmethod
    def build(cls, entities: Iterable[_EntityLike]) -> DescriptorTable:
        """The table of every organization among ``entities`` (numbered by position)."""
        table = cls()
        entities = list(entities)
        for number, entity in enumerate(entities):
            if entity.kind != "org":
                continue
            for name in entity.names:
                for key in signatures(name.text):
                    bucket = table._by_signature.setdefault(key, [])
                    if all(t.entity != number for t in bucket):
                        evidence = Evidence(name.text, name.text, name.lang, "translation")
                        bucket.append(Translated(number, evidence))
        table.home = home_country(entities)
        return table

    def find(self, text: str) -> Translated | None:
        """The one organization ``text`` names in translation, or None (none, or
        two organizations fit one of its readings). A query naming the home
        country is also read without it; another country is never dropped (the
        Ministry of Defence of Russia is not the registry's)."""
        keys = signatures(text)
        found = self._find(keys)
        if found is None and self.home is not None:
            home = self.home
            bare = {(c - {home}, o) for c, o in keys if home in c and len(c) > 1}
            found = self._find(frozenset(bare))
        return found

    def _find(self, keys: frozenset[Signature]) -> Translated | None:
        found: dict[int, Translated] = {}
        for key in keys:
            bucket = self._by_signature.get(key, [])
            if len(bucket) > 1:
                return None
            for hit in bucket:
                found.setdefault(hit.entity, hit)
        return next(iter(found.values())) if len(found) == 1 else None

    def __len__(self) -> int:
        return len(self._by_signature)
