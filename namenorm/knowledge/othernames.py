"""Whether a query word is a name of its own, so no misspelling of a registry name.

The resolver's sound-key and typo paths find registry names *like* a query
word; this module says when the likeness is no evidence:

* :func:`other_name`: the word is a surname, patronymic, given name or place
  name that a lexicon knows (``pymorphy3`` for Cyrillic, GeoNames city names
  and ``wordfreq`` for Latin; the rules are on the function);
* :func:`declension_clash`: two Latin spellings with different Lithuanian
  or Latvian nominative endings on one stem (Budrus, Budrys) are two names;
* :func:`feminine_of` and :func:`feminine_ending`: the word is a Slavic
  surname's feminine form (Putina, Иванова), which alone never names the man.

The caller applies them only to sound-key and typo matches: a stored or
generated spelling always wins; a reading that spells the very name found is
no veto.

Left out: running text (``namenorm.lexicon``) and any list typed by hand.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any, NamedTuple

from ..text import is_cyrillic
from ..wordlists import zipf_frequency
from .fold import fold
from .gazetteer import is_place_name
from .surnames import surname_rank

__all__ = [
    "SURNAME_RANK",
    "ZIPF_NAME",
    "OtherName",
    "common_surname",
    "cyrillic_readings",
    "declension_clash",
    "dictionary_name",
    "feminine_ending",
    "feminine_of",
    "other_name",
    "warm",
]

#: wordfreq Zipf frequency (log10 of uses per billion words) from which a
#: Latin word is in print in its own right in a language (3 is about one use
#: in a million words: common surnames, towns, words).
ZIPF_NAME = 3.0
#: names-dataset rank up to which a surname of a country of the press is a
#: name of its own (``namenorm.knowledge.surnames``): above it, typing errors
#: of registry names begin to appear (Bidne, a typo of Biden, is the 4,962nd
#: surname of Norway); calibrated on the development sets.
SURNAME_RANK = 3000
#: Languages of the press whose frequencies are asked (wordfreq codes).
PRESS_LANGS: tuple[str, ...] = ("en", "pl", "de", "lt", "lv", "fr", "nl", "cs", "it", "es")
#: pymorphy3 tags of a name: surname, given name, place.
_NAME_TAGS = {
    "Surn": "surname",
    "Name": "given name",
    "Geox": "place name",
    "Patr": "patronymic",
}
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
    place name, a surname of the Russian dictionary (Гончарук is not
    Гончарик), or a Latin word in print in its own right. A given name, or a
    surname only the Ukrainian dictionary knows, refutes only a typo reading,
    since the Ukrainian form of a registry name (Тихановська) is a known
    surname too."""

    lemma: str
    reason: str
    loose: bool
    #: The lemma is a Russian reading of a Latin word (Stankevich: станкевич),
    #: evidence only where the registry says how the name is spelled in Russian.
    russian_reading: bool = False


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
    """What a one-word query is known as in the lexicons, or None.

    Cyrillic words are read by ``pymorphy3`` with its Russian and Ukrainian
    dictionaries (a dictionary word tagged ``Surn``, ``Name``, ``Patr`` or
    ``Geox``: Белецкий, Алексеевич, Городня); a place name, or a surname or
    patronymic of the Russian dictionary refutes a sound-alike too, a given
    name or a surname known only to the Ukrainian dictionary a typo reading
    only (the Ukrainian form of a registry name, Тихановська, is such a
    surname). Latin words are looked up among GeoNames city names
    (``namenorm.knowledge.gazetteer``), read back into Russian Cyrillic for
    pymorphy3's dictionary (Stankevich: Станкевич; a reading that is the
    registry's own name is no veto), and in ``wordfreq``, where a word at
    least as frequent as :data:`ZIPF_NAME` in a language of the press is in
    print in its own right (Bielecki, Smyth, Budrus), whereas a misspelling
    of a registry name is rare.
    """
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
                        "Geox" in tags or (lang == "ru" and bool(tags & {"Surn", "Patr"})),
                    )
        return None
    if is_place_name(word):
        return OtherName("", f"{word!r} is the name of a GeoNames city", True)
    for reading in cyrillic_readings(lower):
        for parse in _morphology("ru").parse(reading):
            tags = parse.tag.grammemes & {"Surn", "Geox"}
            if parse.is_known and tags:
                kind = _NAME_TAGS[sorted(tags)[0]]
                reason = f"{word!r} reads as {reading!r}, a Russian {kind} of its own (pymorphy3)"
                return OtherName(reading, reason, True, russian_reading=True)
    for lang in PRESS_LANGS:
        zipf = _zipf(lower, lang)
        if zipf >= ZIPF_NAME:
            reason = f"{word!r} is in print in its own right ({lang}, Zipf {zipf:.1f})"
            return OtherName("", reason, True)
    return common_surname(word)


def common_surname(word: str) -> OtherName | None:
    """The word as a common surname of a country of the press (names-dataset
    rank up to :data:`SURNAME_RANK`: Scholze, Borel, Šimonis), or None."""
    found = surname_rank(word)
    if found is None or found.rank > SURNAME_RANK:
        return None
    reason = (
        f"{word!r} is a common surname of its own ({found.country}: "
        f"rank {found.rank:,} of the country's surnames, names-dataset)"
    )
    return OtherName("", reason, True)


def dictionary_name(word: str) -> OtherName | None:
    """:func:`other_name` where a dictionary reads the word (pymorphy3: Mazury,
    мазуры) or it names a GeoNames city; being in print (wordfreq) is no
    evidence against a case form, since a registry name's own case forms are
    in print (Lukašenkos)."""
    other = other_name(word)
    return other if other is not None and (other.lemma or is_place_name(word)) else None


#: A Latin spelling read back into Russian Cyrillic, for the dictionary: the
#: usual romanizations (BGN/PCGN, English, Polish, German, Czech), longest
#: first; each entry lists the readings tried. Suffixes of surnames first.
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("tskiy", "цкий"), ("tskij", "цкий"), ("tsky", "цкий"), ("tski", "цкий"),
    ("ckiy", "цкий"), ("cky", "цкий"), ("cki", "цкий"), ("skiy", "ский"), ("skij", "ский"),
    ("sky", "ский"), ("ski", "ский"), ("tskaya", "цкая"), ("tskaja", "цкая"),
    ("cka", "цкая"), ("skaya", "ская"), ("skaja", "ская"), ("ska", "ская"),
)  # fmt: skip
_LETTERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("shch", ("щ",)), ("szcz", ("щ",)), ("tsch", ("ч",)), ("sch", ("ш",)),
    ("zh", ("ж",)), ("kh", ("х",)), ("ch", ("ч", "х")), ("sh", ("ш",)), ("ts", ("ц",)),
    ("tz", ("ц",)), ("cz", ("ч",)), ("sz", ("ш",)), ("rz", ("ж",)), ("ya", ("я",)),
    ("ja", ("я",)), ("ia", ("я", "иа")), ("yu", ("ю",)), ("ju", ("ю",)), ("iu", ("ю",)),
    ("ye", ("е",)), ("je", ("е",)), ("ie", ("е", "ие")), ("yo", ("ё",)), ("ck", ("цк",)),
    ("x", ("кс",)), ("a", ("а",)), ("b", ("б",)), ("c", ("ц",)), ("d", ("д",)),
    ("e", ("е", "э")), ("f", ("ф",)), ("g", ("г",)), ("h", ("х", "г")), ("i", ("и",)),
    ("j", ("й",)), ("k", ("к",)), ("l", ("л",)), ("ł", ("л",)), ("m", ("м",)), ("n", ("н",)),
    ("ń", ("н",)), ("o", ("о",)), ("ó", ("о",)), ("p", ("п",)), ("q", ("к",)), ("r", ("р",)),
    ("s", ("с",)), ("ś", ("с",)), ("š", ("ш",)), ("t", ("т",)), ("u", ("у",)), ("v", ("в",)),
    ("w", ("в",)), ("y", ("ы", "и", "й")), ("z", ("з",)), ("ź", ("з",)), ("ż", ("ж",)),
    ("ž", ("ж",)), ("č", ("ч",)), ("ć", ("ч",)),
)  # fmt: skip
#: Most readings of one word tried.
_MAX_READINGS = 8


def cyrillic_readings(word: str) -> list[str]:
    """Russian Cyrillic spellings a lower-case Latin word may romanize
    (Stankevich: Станкевич; Zelinsky: Зелинский), at most :data:`_MAX_READINGS`;
    empty when a letter has no reading."""
    tail = ""
    for latin, cyrillic in _SUFFIXES:
        if word.endswith(latin) and len(word) > len(latin) + 2:
            word, tail = word[: -len(latin)], cyrillic
            break
    readings = [""]
    i = 0
    while i < len(word):
        for latin, options in _LETTERS:
            if word.startswith(latin, i):
                readings = [r + o for r in readings for o in options][:_MAX_READINGS]
                i += len(latin)
                break
        else:
            return []
    return [r + tail for r in readings]


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
