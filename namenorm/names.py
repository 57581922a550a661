"""Name structure: split a spelling into words, titles, initials and roles.

:func:`split_query` turns a query into :class:`Word` values after dropping
titles ("President", "Mr", "спадар"), English possessives ("Lukashenko's"),
and punctuation; initials ("A.", "A.G.", "А. Г.") become single-letter words
flagged as initials. :func:`parse_registry_name` splits a stored spelling
("Given [Patronymic] Surname") into its parts.

The word lists (:data:`TITLES`, :data:`DESCRIPTORS`, :data:`FUNCTION_WORDS`)
are data: lemmas in ``data/titles.csv``, ``data/descriptors.csv`` and
``data/function_words.csv`` (``lang,lemma,pos``), read
once at import, with the case forms of each Cyrillic noun and adjective made
by :func:`~namenorm.inflect.word_case_forms`.

Left out: deciding which word of a query is the surname; the index tries the
plausible splits and keeps the one the registry supports.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from unidecode import unidecode

from .errors import CsvError
from .inflect import word_case_forms
from .text import clean, is_cyrillic

__all__ = [
    "DESCRIPTORS",
    "FUNCTION_WORDS",
    "PARTICLES",
    "SUFFIXES",
    "TITLES",
    "WORD_POS",
    "NameParts",
    "Word",
    "declinable_nominative",
    "ends_in_consonant",
    "is_function_word",
    "is_patronymic",
    "load_word_list",
    "parse_registry_name",
    "shipped_word_list_path",
    "split_query",
    "without_titles",
]

#: Parts of speech a word list row may have: ``word`` is taken as written; a
#: ``noun`` or ``adjective`` of ``be``, ``ru`` or ``uk`` also in its case forms.
WORD_POS: tuple[str, ...] = ("word", "noun", "adjective")


def shipped_word_list_path(name: str) -> Path:
    """Path of a shipped word list (package data, or ``data/`` in a checkout)."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / name
    return packaged if packaged.exists() else here.parent / "data" / name


def load_word_list(path: Path) -> frozenset[str]:
    """The words of a word list (``lang,lemma,pos``), case-folded, with the case forms
    :func:`~namenorm.inflect.word_case_forms` makes of each noun and adjective.

    Raises :class:`~namenorm.errors.CsvError` naming the file, line and field of a bad row.
    """
    words: set[str] = set()
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != ["lang", "lemma", "pos"]:
            raise CsvError(f"{path}:1: header: {reader.fieldnames!r}; expected lang,lemma,pos")
        for line, row in enumerate(reader, start=2):
            lang, lemma, pos = row["lang"], row["lemma"], row["pos"]
            if not lemma or lemma != lemma.strip() or " " in lemma:
                raise CsvError(f"{path}:{line}: lemma: {lemma!r}; expected one word")
            if pos not in WORD_POS:
                raise CsvError(
                    f"{path}:{line}: pos: {pos!r}; expected one of {', '.join(WORD_POS)}"
                )
            if not lang or not lang.isalpha():
                raise CsvError(f"{path}:{line}: lang: {lang!r}; expected a language code")
            words.add(lemma.casefold())
            if pos != "word":
                forms = word_case_forms(lemma, lang, adjective=pos == "adjective")
                words.update(form.casefold() for form in forms)
    return frozenset(words)


#: Titles and honorifics dropped from the front of a query (case-insensitive),
#: from ``data/titles.csv``.
TITLES: frozenset[str] = load_word_list(shipped_word_list_path("titles.csv"))
#: Generational suffixes: a name with one is a different person from the plain name.
SUFFIXES: frozenset[str] = frozenset("jr junior sr senior ii iii iv мл младший ст старший".split())
#: Words that may stand around an organization's or place's own name without
#: changing what it names: legal forms, generic nouns, "of Belarus"
#: (``data/descriptors.csv``). Words that make it another entity (region,
#: oblast, state, party, council) are not there.
DESCRIPTORS: frozenset[str] = load_word_list(shipped_word_list_path("descriptors.csv"))
#: Lower-case name particles that belong to a surname (von der Leyen, de Gaulle).
PARTICLES: frozenset[str] = frozenset(
    "von van der den de da di du la le del dos das bin al ibn ter".split()
)

#: Articles, prepositions and conjunctions inside organizations' names in the
#: languages of the press (Coordination Council for the Transfer of Power,
#: Conseil de coordination, Координационный штаб по вопросам обращения с
#: военнопленными, Рада з питань): they hold no name, so they are not counted
#: against a query's word limit, and a name part never starts or ends with
#: one. Written in lower case; a capitalized word is not one (A. is an initial).
#: From ``data/function_words.csv``.
FUNCTION_WORDS: frozenset[str] = load_word_list(shipped_word_list_path("function_words.csv"))

_PATRONYMIC = re.compile(
    r"(?:ович|евич|ьевич|ич|овна|евна|ьевна|ична|інічна|авіч|евіч|івіч|ыч|іч|аўна|еўна|"
    r"ovich|evich|ovych|evych|yevich|ievich|avich|ievič|avič|ovič|evič|ich|ič|ovna|evna|"
    r"ichna|auna|euna|aŭna|eŭna|ovitch|evitch|owitsch|ewitsch|owicz|ewicz)\Z",
    re.IGNORECASE,
)
#: English possessives, and Lithuanian case endings written after an apostrophe
#: on foreign names (Coale'as, Coale'ui): always lower case.
_POSSESSIVE = re.compile(r"(?:'s|'|'ы|s'|'(?-i:[a-ząčęėįšųūž]{1,3}))\Z", re.IGNORECASE)
_INITIALS = re.compile(r"\A(?:[^\W\d_]\.)+[^\W\d_]?\.?\Z")
#: An initial written against the next word: "Т.Хомич", "A.Lukashenko".
_INITIAL_GLUED = re.compile(r"(?<![^\W\d_])([^\W\d_]\.)(?=[^\W\d_]{2})")
_SPLIT = re.compile(r"[\s\-–—/,;:()\[\]\"«»„“”!?]+")


@dataclass(frozen=True)
class Word:
    """One word of a query: its text, whether it is an initial, and whether it
    leads the query as a title ("President", "envoy") that may be dropped."""

    text: str
    initial: bool = False
    title: bool = False


@lru_cache(maxsize=65536)
def is_patronymic(word: str) -> bool:
    """Whether ``word`` ends like an East Slavic patronymic (-ovich, -ауна, -овна, ...)."""
    return len(word) > 5 and bool(_PATRONYMIC.search(word))


def ends_in_consonant(word: str) -> bool:
    """Whether a word ends in a consonant letter, in any script (Kazulin, Казулін)."""
    last = unidecode(word[-1:]).casefold()
    return last.isalpha() and last not in "aeiouy"


#: A man's adjectival surname in the nominative (Беляцкий, Бяляцкі, Bialiatski,
#: Navalny, Zelenskyy): declined like an adjective (Беляцкого, Navalnogo).
_ADJECTIVAL = re.compile(
    r"(?:(?:[сцз]к|н)(?:ий|ый|ій|ой|і)|(?:[sc]k|n)(?:i|y|iy|yy|yi|ij|yj|ii))$", re.IGNORECASE
)


def declinable_nominative(surname: str) -> bool:
    """Whether a surname as typed can only be a man's nominative, never a case
    form: it ends in a consonant, which every Slavic language declines (Kazulin,
    genitive Kazulina), other than -s (Baltic case endings: Lukašenkos) and
    -ykh (Черных, never declined), or like a masculine adjective (Беляцкий).

    >>> declinable_nominative("Kazulin"), declinable_nominative("Tsepkalo")
    (True, False)
    """
    lower = surname.casefold()
    if _ADJECTIVAL.search(lower):
        return True
    return ends_in_consonant(lower) and not lower.endswith(("s", "ых", "их", "ykh", "ikh"))


def is_function_word(word: Word) -> bool:
    """Whether a query word is a lower-case article, preposition or conjunction
    (:data:`FUNCTION_WORDS`)."""
    return word.text.islower() and word.text in FUNCTION_WORDS


def split_query(text: str) -> list[Word]:
    """The words of a query with titles, possessives and punctuation removed.

    >>> [(w.text, w.title) for w in split_query("President Lukashenko's")]
    [('President', True), ('Lukashenko', False)]
    >>> [(w.text, w.initial) for w in split_query("Lukashenko A.G.")]
    [('Lukashenko', False), ('A', True), ('G', True)]
    """
    words: list[Word] = []
    for raw in _SPLIT.split(_INITIAL_GLUED.sub(r"\1 ", clean(text))):
        token = raw.strip(".'")
        if not token:
            continue
        if _INITIALS.match(raw) or (len(token) == 1 and token.isalpha()):
            words.extend(Word(letter, initial=True) for letter in token.replace(".", ""))
            continue
        token = _POSSESSIVE.sub("", token) if len(token) > 3 and not is_cyrillic(token) else token
        if any(c.isalpha() for c in token):
            words.append(Word(token))
    # Leading titles, and in Latin copy any lower-case words before the name
    # ("envoy John Coale", "la Tikhanovskaya"); a particle that belongs to the
    # name ("von der Leyen") is one too, since the index tries the query with
    # its titles before it tries it without them.
    for number, word in enumerate(words[:-1]):
        text = word.text
        if not (
            text.casefold().rstrip(".") in TITLES or (text.islower() and not is_cyrillic(text))
        ):
            break
        words[number] = Word(text, word.initial, title=True)
    return words


def without_titles(words: list[Word]) -> list[Word]:
    """The words after the leading titles."""
    return [w for w in words if not w.title]


@dataclass(frozen=True)
class NameParts:
    """A stored person name split into given name, patronymic and surname."""

    given: str
    patronymic: str
    surname: str


def parse_registry_name(text: str, *, kind: str = "person") -> NameParts:
    """Split a stored spelling written "Given [Patronymic] Surname".

    Organizations and places, and one-word names, are all surname: the whole
    spelling is matched as one unit. Non-Slavic names with more than two words
    keep everything after the first word as the surname ("von der Leyen").
    """
    words = [w for w in clean(text).split(" ") if w.strip(".-")]
    if kind != "person" or len(words) < 2:
        return NameParts("", "", " ".join(words))
    if len(words) == 3 and is_patronymic(words[1]):
        return NameParts(words[0], words[1], words[2])
    return NameParts(words[0], "", " ".join(words[1:]))
