"""Whether a query word is a name of its own, so no misspelling of a registry name.

The resolver's sound-key and typo paths find registry names *like* a query
word; this module says when the likeness is no evidence, because the word is
itself a known, different name (issue "Resolver v2"):

* :func:`other_name`: the word is a surname, given name or place name that a
  lexicon knows. Cyrillic words are read by ``pymorphy3`` with its Russian
  and Ukrainian dictionaries (a dictionary word tagged ``Surn``, ``Name`` or
  ``Geox``: Белецкий, Городня; a surname or given name refutes a typo
  reading only, a place name a sound-alike too); Latin words are looked up among GeoNames city
  names (``namenorm.knowledge.gazetteer``) and in ``wordfreq``, where a word
  at least as frequent as :data:`ZIPF_NAME` in a language of the press is in
  print in its own right (Bielecki in Polish, Smyth in English, Budrus in
  Lithuanian), whereas a misspelling of a registry name is rare;
* :func:`declension_clash`: two Latin spellings with different Lithuanian
  or Latvian nominative endings on the same stem (Budrus, Budrys) are two
  names, since the ending is the declension class;
* :func:`feminine_of` and :func:`feminine_ending`: the word is a Slavic
  surname's feminine form (Putina, Иванова), which alone never names the man
  (with a given name, Władimira Putina, the given name decides).

The caller applies them only to sound-key and typo matches: a stored or
generated spelling of a registry name always wins, and a lexicon reading
whose lemma is a spelling of the very registry name found is no veto.

Left out: running text (``namenorm.lexicon`` says which words are common
words, for copy scanning) and any list typed by hand.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any, NamedTuple

from ..text import is_cyrillic
from ..wordlists import zipf_frequency
from .fold import fold
from .gazetteer import is_place_name

__all__ = [
    "ZIPF_NAME",
    "OtherName",
    "declension_clash",
    "feminine_ending",
    "feminine_of",
    "other_name",
    "warm",
]

#: wordfreq Zipf frequency (log10 of uses per billion words) from which a
#: Latin word is in print in its own right in a language (3 is about one use
#: in a million words: common surnames, towns, words).
ZIPF_NAME = 3.0
#: Languages of the press whose frequencies are asked (wordfreq codes).
PRESS_LANGS: tuple[str, ...] = ("en", "pl", "de", "lt", "lv", "fr", "nl", "cs", "it", "es")
#: pymorphy3 tags of a name: surname, given name, place.
_NAME_TAGS = {"Surn": "surname", "Name": "given name", "Geox": "place name"}
#: Lithuanian and Latvian masculine nominative endings (Ambrazas, "Lithuanian
#: Grammar": -as, -is, -ys, -us; Latvian -s, -is, -us).
_BALTIC_ENDINGS = ("as", "is", "ys", "us")
#: Feminine endings a Slavic surname takes over the man's consonant-final
#: form (Putin -> Putina, Ivanov -> Ivanova), folded.
_FEMININE_AFTER_CONSONANT = ("a", "а")
_VOWELS = frozenset("aeiouyаеёиоуыэюяіў")


class OtherName(NamedTuple):
    """What a query word is known as: its lemma (``""`` when the lexicon gives
    none), why (for ``explain``), and whether the evidence is strong enough
    to refute a sound-alike too (``loose``), not only a typo reading: a
    place name, or a Latin word in print in its own right. A Cyrillic
    surname or given name that the dictionaries know refutes only a typo
    reading, since the Ukrainian form of a registry name (Тихановська) is a
    known surname too."""

    lemma: str
    reason: str
    loose: bool


@cache
def _morphology(lang: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


def _zipf(word: str, lang: str) -> float:
    return zipf_frequency(word, lang)


def warm() -> None:
    """Load every lexicon :func:`other_name` reads (pymorphy3's Russian and
    Ukrainian dictionaries, the GeoNames names, wordfreq's list of each
    language of the press): several seconds that a server pays at start,
    not on the first query that reaches them."""
    for lang in ("ru", "uk"):
        _morphology(lang)
    is_place_name("Minsk")
    for lang in PRESS_LANGS:
        _zipf("minsk", lang)


@lru_cache(maxsize=65536)
def other_name(word: str) -> OtherName | None:
    """What a one-word query is known as in the lexicons, or None (see the module docstring)."""
    if not word or " " in word or not word.replace("-", "").replace("'", "").isalpha():
        return None
    lower = word.casefold()
    if is_cyrillic(word):
        for lang, language in (("ru", "Russian"), ("uk", "Ukrainian")):
            for parse in _morphology(lang).parse(lower):
                tags = parse.tag.grammemes & _NAME_TAGS.keys()
                if parse.is_known and tags:
                    kind = _NAME_TAGS[sorted(tags)[0]]
                    return OtherName(
                        parse.normal_form,
                        f"{word!r} is a {language} {kind} of its own "
                        f"({parse.normal_form}, pymorphy3)",
                        "Geox" in tags,
                    )
        return None
    if is_place_name(word):
        return OtherName("", f"{word!r} is the name of a GeoNames city", True)
    for lang in PRESS_LANGS:
        zipf = _zipf(lower, lang)
        if zipf >= ZIPF_NAME:
            reason = f"{word!r} is in print in its own right ({lang}, Zipf {zipf:.1f})"
            return OtherName("", reason, True)
    return None


def declension_clash(word: str, spelling: str) -> bool:
    """Whether two Latin words are one stem with different Baltic nominative
    endings (Budrus and Budrys: two surnames)."""
    a, b = fold(word), fold(spelling)
    if " " in a or " " in b or is_cyrillic(word) or is_cyrillic(spelling):
        return False
    end_a = next((e for e in _BALTIC_ENDINGS if a.endswith(e) and len(a) > len(e) + 2), None)
    end_b = next((e for e in _BALTIC_ENDINGS if b.endswith(e) and len(b) > len(e) + 2), None)
    return end_a is not None and end_b is not None and end_a != end_b


def feminine_of(word: str, spelling: str) -> bool:
    """Whether ``word`` is the feminine form of the consonant-final surname
    ``spelling`` (Putina of Putin, Иванова of Иванов), in the same script."""
    a, b = fold(word), fold(spelling)
    if not b or b[-1] in _VOWELS or is_cyrillic(word) != is_cyrillic(spelling):
        return False
    return any(a == b + ending for ending in _FEMININE_AFTER_CONSONANT)


def feminine_ending(word: str, lemma: str) -> bool:
    """Whether ``word``, read as a case form of the man's surname ``lemma`` (in
    any script: Putina of Путин), also reads as that surname's feminine
    nominative: it ends in -a where the lemma ends in a consonant."""
    a, b = fold(word), fold(lemma)
    return bool(a and b) and a[-1] in _FEMININE_AFTER_CONSONANT and b[-1] not in _VOWELS
