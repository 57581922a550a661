"""Case endings read backwards: the nominatives an inflected query word may come from.

Registry names are declined forwards (``namenorm.inflect``), which covers the
case forms of every stored Cyrillic spelling, but not a case form in a
language the registry does not store (Ukrainian Лукашенком, Polish
Cichanouskiej, Lithuanian Lukašenkos, Czech Kalesnikavové). Those are read
back through ending tables into candidate :class:`Lemma` values, each *with
the gender its paradigm requires*, so a feminine case form never resolves to
a man. The Cyrillic tables are ``namenorm.inflect``'s inverted, plus a small
Ukrainian one; the Latin tables cover Polish, Lithuanian, Czech, Slovak and
the German genitive -s. Endings that are also plain nominatives (a bare -a,
-i, -u) are marked ambiguous.

Left out: stem alternations of foreign grammars (Polish Brześć -> Brześciu),
which the typo step may still reach.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from .inflect import BE_ENDINGS, NOUN_ENDINGS, RU_ENDINGS
from .text import is_cyrillic

__all__ = [
    "LATIN_ENDINGS",
    "PLURAL_ENDINGS",
    "UK_ENDINGS",
    "Lemma",
    "is_plural_surname",
    "lemmas",
    "word_gender",
]


class Lemma(NamedTuple):
    """One candidate nominative of a word."""

    #: The nominative spelling.
    text: str
    #: The gender it requires (``"m"``, ``"f"``), or None.
    gender: str | None
    #: Whether the ending also ends other names' nominatives.
    ambiguous: bool
    #: The part of a name its rule is for: ``"surname"``, ``"given"``,
    #: ``"patronymic"``, ``"noun"`` (places, organizations) or ``""`` for any.
    role: str


# Ukrainian person-name endings, forward: (gender, nominative ending) -> obliques.
UK_ENDINGS: dict[tuple[str, str], tuple[str, ...]] = {
    ("m", ""): ("а", "у", "ові", "ом", "і", "ем"),
    ("m", "ко"): ("ка", "ку", "кові", "ком"),
    ("m", "ий"): ("ого", "ому", "им"),
    ("m", "ій"): ("ього", "ьому", "ім"),
    ("m", "ей"): ("ея", "ею", "еєм"),
    ("f", "а"): ("и", "і", "у", "ою"),
    ("f", "ка"): ("ки", "ці", "ку", "кою"),
    ("f", "ська"): ("ської", "ській", "ську", "ською"),
    ("f", "цька"): ("цької", "цькій", "цьку", "цькою"),
    ("f", "ова"): ("ової", "овій", "ову", "овою"),
    ("f", "ія"): ("ії", "ію", "ією"),
    ("m", "ь"): ("я", "ю", "ем"),
}

# Latin-script case endings, backward: oblique ending -> ((nominative ending,
# gender or None), ...), ambiguous. Polish, Lithuanian, Czech/Slovak, German.
LATIN_ENDINGS: dict[str, tuple[tuple[tuple[str, str | None], ...], bool]] = {
    # Polish adjectival surnames: Cichanouski / Cichanouska, Zełenski
    "skiego": ((("ski", "m"),), False),
    "skiemu": ((("ski", "m"),), False),
    "skim": ((("ski", "m"),), False),
    "ckiego": ((("cki", "m"),), False),
    "ckiemu": ((("cki", "m"),), False),
    "ckim": ((("cki", "m"),), False),
    "skiej": ((("ska", "f"), ("skaja", "f"), ("skaya", "f")), False),
    "ską": ((("ska", "f"), ("skaja", "f"), ("skaya", "f")), False),
    "ckiej": ((("cka", "f"),), False),
    "cką": ((("cka", "f"),), False),
    "owej": ((("owa", "f"),), False),
    "ową": ((("owa", "f"),), False),
    # Polish nouns: Łukaszenki, Łukaszenkę, Łukaszenką, Poczobutowi, Trumpem
    "owi": ((("", "m"), ("a", "m"), ("o", "m")), False),
    "iowi": ((("", "m"), ("ś", "m")), False),
    "iem": ((("", "m"), ("ś", "m")), False),
    "em": ((("", "m"), ("a", "m")), False),
    "ę": ((("a", None),), False),
    "ą": ((("a", None), ("as", "m")), False),
    "ie": ((("a", "f"), ("", None)), True),
    "ii": ((("ia", "f"),), False),
    "ię": ((("ia", "f"),), False),
    "ią": ((("ia", "f"),), False),
    "dra": ((("der", "m"), ("dr", "m")), True),
    "i": ((("a", None),), True),
    "y": ((("a", None),), True),
    "a": ((("", "m"), ("o", "m")), True),
    "u": ((("", "m"), ("a", None)), True),
    # Lithuanian: Lukašenkos, Lukašenkai, Aliaksandro, Aliaksandrui, Kęstučio
    "os": ((("a", None),), False),
    "ai": ((("a", None),), False),
    "oje": ((("a", None),), False),
    "ajos": ((("aja", "f"), ("a", "f")), False),
    "ui": ((("as", "m"), ("", "m"), ("us", "m")), False),
    "io": ((("is", "m"), ("i", "m"), ("ius", "m")), True),
    "iui": ((("is", "m"), ("i", "m")), False),
    "į": ((("is", "m"), ("i", "m")), False),
    "aus": ((("us", "m"),), False),
    "ės": ((("ė", "f"), ("e", "f")), False),
    "o": ((("as", "m"), ("", "m")), True),
    # Czech and Slovak: Lukašenkovi, Lukašenkou, feminine -ová of any surname
    "ovi": ((("", "m"), ("a", "m"), ("o", "m")), False),
    "ou": ((("a", None),), True),
    "ová": ((("", "f"), ("a", "f"), ("o", "f")), False),
    "ové": ((("", "f"), ("a", "f"), ("o", "f")), False),
    "ovou": ((("", "f"), ("a", "f"), ("o", "f")), False),
    "ovej": ((("", "f"), ("a", "f"), ("o", "f")), False),
    # Polish names of East Slavic towns in the plural: -ичи/-ічы as -icze
    # (Kalinkowicze), -цы as -ce (Dokszyce), the Polish transcription's
    # Kalinkowiczi, Dokszycy being the registry's generated spellings.
    "icze": ((("iczi", None), ("iczy", None)), False),
    "yce": ((("ycy", None),), False),
    # German genitive after a vowel: Lukaschenkos, Kalesnikawas
    "as": ((("a", None),), True),
}
#: Endings of a family name in the plural ("the Tsikhanouskis"): such a word
#: names several people, so it names no one entity.
PLURAL_ENDINGS: tuple[str, ...] = (
    "scy", "ccy", "dzcy", "owie", "ские", "цкие", "ские", "скія", "цкія", "ські", "цькі", "skis", "ckis",
)  # fmt: skip

_LATIN_LENGTHS = sorted({len(e) for e in LATIN_ENDINGS}, reverse=True)


def _cyrillic_tables() -> dict[str, list[tuple[str, str | None, str]]]:
    """Oblique ending -> (nominative ending, gender, role), from the forward tables."""
    backwards: dict[str, list[tuple[str, str | None, str]]] = {}

    def add(oblique: str, nominative: str, gender: str | None, role: str) -> None:
        entry = (nominative, gender, role)
        if oblique and entry not in backwards.setdefault(oblique, []):
            backwards[oblique].append(entry)

    for table in (RU_ENDINGS, BE_ENDINGS):
        for (gender, role, nominative), obliques in table.items():
            for oblique in obliques:
                add(oblique, nominative, gender, role)
    for (gender, nominative), obliques in UK_ENDINGS.items():
        for oblique in obliques:
            add(oblique, nominative, gender, "")
    for (_lang, nominative), paradigms in NOUN_ENDINGS.items():
        for slots in paradigms:
            for ending in slots:
                if ending:
                    add(ending, nominative, None, "noun")
    return backwards


_CYRILLIC = _cyrillic_tables()
_VOWELS = frozenset("аеёіїоуыэюяєиaeiouyąęėįųūåäöüéèêëíìîïóòôúùûý")


def _plausible(lemma: str) -> bool:
    """No ь after a vowel, and й only after а, е, о, у, э (Гайдай, not Ціханоўскій)."""
    if lemma.endswith("ь") and lemma[-2:-1] in _VOWELS:
        return False
    return not (lemma.endswith("й") and lemma[-2:-1] in "іиыїяюё")


def _ends_like(lemma: str, word: str) -> bool:
    """Whether a lemma ending in a vowel got that vowel from its rule, not from
    the query's stem (which a consonant-stem rule must not leave behind)."""
    return any(lemma.casefold().endswith(e) and e for e in _NOMINATIVE_VOWEL_ENDINGS)


_NOMINATIVE_VOWEL_ENDINGS = frozenset(
    e.casefold()
    for e in [n for entries in _CYRILLIC.values() for n, _, _ in entries]
    + [n for endings, _ in LATIN_ENDINGS.values() for n, _ in endings]
    if e and e[-1].casefold() in _VOWELS
)
_CYRILLIC_LENGTHS = sorted({len(e) for e in _CYRILLIC}, reverse=True)


@lru_cache(maxsize=65536)
def lemmas(word: str) -> tuple[Lemma, ...]:
    """Candidate nominatives of ``word``, most specific ending first.

    >>> [(w, g) for w, g, _, _ in lemmas("Cichanouskiej")][:2]
    [('Cichanouska', 'f'), ('Cichanouskaja', 'f')]
    >>> ("Лукашенко", "m", False, "") in lemmas("Лукашенком")
    True
    """
    if len(word) < 4:
        return ()
    if is_cyrillic(word):
        found = _cyrillic_lemmas(word)
    else:
        found = _latin_lemmas(word) + _romanized_case_forms(word)
    return _tidy(word, found)


def _tidy(word: str, found: list[Lemma]) -> tuple[Lemma, ...]:
    lower = word.casefold()
    unique: dict[str, Lemma] = {}
    for lemma in found:
        text = lemma.text
        if text[-1:].casefold() in _VOWELS and not _ends_like(text, lower):
            continue  # a consonant-stem rule must leave a consonant (Тихановские is no stem)
        if text.casefold() != lower:
            unique.setdefault(f"{text}\0{lemma.gender}\0{lemma.role}", lemma)
    return tuple(unique.values())


def _cyrillic_lemmas(word: str, *, single_letter_ambiguous: bool = False) -> list[Lemma]:
    lower = word.casefold()
    found: list[Lemma] = []
    for size in _CYRILLIC_LENGTHS:
        if size >= len(lower) - 1:
            continue
        for nominative, gender, role in _CYRILLIC.get(lower[-size:], ()):
            lemma = word[: len(word) - size] + nominative
            if nominative in ("й", "ь") and role != "noun" and not _plausible(lemma.casefold()):
                continue
            found.append(Lemma(lemma, gender, single_letter_ambiguous and size == 1, role))
    return found


def _latin_lemmas(word: str) -> list[Lemma]:
    lower = word.casefold()
    found: list[Lemma] = []
    for size in _LATIN_LENGTHS:
        rule = LATIN_ENDINGS.get(lower[-size:]) if size < len(lower) - 1 else None
        if rule is None:
            continue
        endings, ambiguous = rule
        for nominative, gender in endings:
            found.append(Lemma(word[: len(word) - size] + nominative, gender, ambiguous, ""))
    return found


def _romanized_case_forms(word: str) -> list[Lemma]:
    """A romanized Belarusian or Russian case form (Łukašenkam, Cichanoŭskaha) read
    back through the Cyrillic tables after a best-effort return to Cyrillic.
    One-letter endings are also nominatives of other names: ambiguous."""
    from .translit import cyrillize

    found: list[Lemma] = []
    spellings = [word]
    if any(c in _LACINKA_MARKS for c in word.casefold()):
        spellings.append(word.casefold().translate(_LACINKA_TO_NEWS))
    for spelling in spellings:
        for lang in ("be", "ru"):
            cyrillic = cyrillize(spelling, lang)
            if is_cyrillic(cyrillic):
                found.extend(_cyrillic_lemmas(cyrillic, single_letter_ambiguous=True))
    return found


#: Letters that mark Łacinka or the national system, where c is ц and h is г,
#: and their news-style spelling (what ``cyrillize`` reads).
_LACINKA_MARKS = frozenset("ŭłšččžćśźń")
_LACINKA_TO_NEWS = str.maketrans(
    {
        "c": "ts",
        "č": "ch",
        "š": "sh",
        "ž": "zh",
        "ŭ": "u",
        "ł": "l",
        "ć": "ts",
        "ś": "s",
        "ź": "z",
        "ń": "n",
    }
)


def is_plural_surname(word: str) -> bool:
    """Whether ``word`` ends like a family name in the plural (Cichanouscy, Тихановские)."""
    return len(word) > 5 and word.casefold().endswith(PLURAL_ENDINGS)


def word_gender(word: str) -> str | None:
    """The gender a Latin case ending settles on its own (Cichanouskiej: ``f``), or
    None when the ending allows either or is also a plain nominative."""
    if len(word) < 4 or is_cyrillic(word):
        return None
    genders = {g for _, g, ambiguous, _ in _tidy(word, _latin_lemmas(word)) if not ambiguous}
    return genders.pop() if len(genders) == 1 and None not in genders else None
