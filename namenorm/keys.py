"""Match keys: what a spelling is reduced to before it is compared.

Two keys, both computed by the same functions for registry spellings and for
queries:

* :func:`surface`: the cleaned text, case-folded, with apostrophes and
  hyphens kept; equal surfaces mean "the same spelling".
* :func:`phonetic_keys`: a coarse *sound skeleton* shared by Belarusian and
  Russian Cyrillic and every romanization of either. Consonants map to one
  symbol per sound class (ш, sh, sch, sz, š and French ch all become ``S``),
  a vowel run inside the word becomes ``a``, and the final vowel keeps its
  class, so gender and case endings still differ (Kalesnikava is not
  Kolesnikov). A Latin spelling can be read several ways (``ch`` is ч, х or
  ш), so it yields every reading, up to :data:`MAX_READINGS`.

Left out: stress, and any script other than Cyrillic and Latin (those go
through ``unidecode`` first).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from operator import itemgetter

from unidecode import unidecode

from .text import clean, is_cyrillic, script_of

__all__ = [
    "MAX_READINGS",
    "has_lithuanian_ending",
    "leading_keys",
    "lithuanian_stems",
    "official_spellings",
    "phonetic_keys",
    "surface",
    "token_key",
]

#: Most readings kept for one Latin token.
MAX_READINGS = 16

# Vowel classes used while building a key; collapsed at the end.
_A, _E, _I, _U, _Y = "1", "2", "3", "4", "5"
_VOWELS = frozenset(_A + _E + _I + _U + _Y)
_FINAL = {_A: "A", _E: "E", _I: "I", _U: "U", _Y: "I"}
#: Vowel classes that soften a preceding т or ц (Belarusian ць = Russian ть).
_FRONT = frozenset(_E + _I)
_SOFTENED = frozenset("tc")

# Cyrillic letter -> key symbols (Belarusian, Russian, Ukrainian).
_CYRILLIC: dict[str, str] = {
    "а": _A, "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": _E, "ё": _A, "є": _E,
    "ж": "Z", "з": "z", "и": _I, "і": _I, "ї": _I, "й": _I, "к": "k", "л": "l", "м": "m",
    "н": "n", "о": _A, "п": "p", "р": "r", "с": "s", "т": "t", "у": _U, "ў": "v", "ф": "f",
    "х": "x", "ц": "c", "ч": "C", "ш": "S", "щ": "SC", "ъ": "", "ы": _Y, "ь": "'", "э": _E,
    "ю": _U, "я": _A, "'": "", "дз": "d", "дж": "J", "тч": "C",
}  # fmt: skip
#: Iotated vowels: after a vowel, a sign or at word start they begin with й.
_IOTATED = {"я": _I + _A, "е": _I + _E, "ё": _I + _A, "ю": _I + _U, "є": _I + _E, "ї": _I + _I}
_IOTATING = frozenset("аеёєиіїоуўыэюяьъ'")

# Latin grapheme -> alternative key symbols, most likely first. Longest match wins.
_LATIN: dict[str, tuple[str, ...]] = {
    "a": (_A,), "b": ("b",), "c": ("c", "k", "C"), "d": ("d",), "e": (_E,), "f": ("f",),
    "g": ("g",), "h": ("g", "x"), "i": (_I,), "j": (_I, "Z", "x"), "k": ("k",), "l": ("l",),
    "m": ("m",), "n": ("n",), "o": (_A,), "p": ("p",), "q": ("k",), "r": ("r",),
    "s": ("s", "z", "S"), "t": ("t",), "u": (_U,), "v": ("v",), "w": ("v",), "x": ("ks", "x"),
    "y": (_Y, _I), "z": ("z", "c", "Z"), "gue": ("g" + _E,), "gui": ("g" + _I,),
    "gué": ("g" + _E,), "guí": ("g" + _I,),
    "ch": ("C", "x", "S"), "kh": ("x",), "sh": ("S",), "zh": ("Z",), "ts": ("c",),
    "tz": ("c",), "cz": ("C", "c"), "sz": ("S",), "rz": ("Z", "rz"), "sch": ("S", "Z"),
    "tsch": ("C",), "tch": ("C",), "dz": ("d",), "dzh": ("J",), "dsch": ("J",),
    "dj": ("J",), "ph": ("f",),
    # iotated vowels: a syllable of their own (Yauhen, Maria) or a soft consonant's vowel
    "iu": (_I + _U, _U), "yu": (_Y + _U, _U), "ju": (_I + _U, _U, "Z" + _U),
    "ia": (_I + _A, _A), "ya": (_Y + _A, _A), "ja": (_I + _A, _A, "Z" + _A),
    "ie": (_I + _E, _E), "ye": (_Y + _E, _E), "je": (_I + _E, _E, "Z" + _E),
    "io": (_I + _A, _A), "yo": (_Y + _A, _A), "jo": (_I + _A, _A, "Z" + _A),
    # Letters with diacritics (Łacinka, national, ISO 9, Polish, Czech, Lithuanian, ...).
    "š": ("S",), "č": ("C",), "ž": ("Z",), "ŭ": ("v",), "ǔ": ("v",), "ś": ("s",),
    "ć": ("c",), "ź": ("z",), "ń": ("n",), "ĺ": ("l",), "ľ": ("l",), "ł": ("l",),
    "ż": ("Z",), "ŝ": ("SC",), "ĉ": ("C",), "ĵ": ("J",), "ẑ": ("Z",), "ǧ": ("g",),
    "ë": (_A,), "è": (_E,), "é": (_E,), "ê": (_I + _E, _E), "ě": (_E,), "ė": (_E,), "ę": (_E,),
    "ï": (_I,), "ì": (_I,), "í": (_I,), "î": (_I,), "ĭ": (_I,), "ý": (_Y,), "ÿ": (_Y,),
    "á": (_A,), "à": (_A,), "â": (_I + _A, _A), "ä": (_A, _E), "ą": (_A,), "å": (_A,),
    "ó": (_A,), "ò": (_A,), "ô": (_A,), "ö": (_A,), "õ": (_A,),
    "ú": (_U,), "ù": (_U,), "û": (_I + _U, _U), "ü": (_U,), "ū": (_U,), "ų": (_U,),
    "ç": ("s",), "ß": ("s",), "ñ": ("n",), "ŕ": ("r",), "ř": ("Z",),
    "ʹ": ("'",), "ʺ": ("",), "'": ("'",), "ʼ": ("",), "·": ("",), "-": ("",),
}  # fmt: skip
_LATIN_MAX = max(len(g) for g in _LATIN)
_LITHUANIAN_ENDINGS = ("as", "is", "ys", "us")
#: Latvian adds a bare -s to a consonant-final foreign name (Putins, Tusks,
#: Donalds) and -ijs to one in -y/-i (Navaļnijs); Nītiņa, "Latviešu valodas
#: gramatika": first declension, masculine nominative singular.
_LATVIAN_AFTER = frozenset("bcčdfgģhjkķlļmnņprštvzž")


def surface(text: str) -> str:
    """The cleaned, case-folded spelling: equal surfaces are the same spelling."""
    return clean(text).casefold()


def _final(run: str) -> str:
    """The class of a word-final vowel run: what endings keep apart.

    A run starting with an a/o vowel is ``A`` (-а, -ая, -aya, -aja, -ай all
    feminine or -ка/-ко); otherwise the first and last classes (-і/-ий/-y ``I``,
    -ія/-ия/-ia ``IA`` for Maria or a plural, -ей/-ei ``EI``).
    """
    first, last = _FINAL[run[0]], _FINAL[run[-1]]
    return first if first in ("A", last) else first + last


def _finish(symbols: str) -> str:
    """Fold a raw symbol string into the key (soft т/ц, doubles, vowel runs)."""
    out: list[str] = []
    n = len(symbols)
    i = 0
    while i < n:
        sym = symbols[i]
        if sym == "'":  # soft sign: only marks a preceding т/ц soft
            if out and out[-1] in _SOFTENED:
                out[-1] = "c"
            i += 1
            continue
        if sym in _VOWELS:
            j = i
            while j < n and symbols[j] in _VOWELS:
                j += 1
            # Belarusian ць/ці/ця is Russian ть/ти/тя (dzekanne), and Latin writes
            # both ts and t before i/e: before a front or iotated vowel they are one.
            if out and out[-1] in _SOFTENED and (sym in _FRONT or (sym == _Y and j - i > 1)):
                out[-1] = "c"
            out.append(_final(symbols[i:j]) if j == n else "a")
            i = j
            continue
        if not out or out[-1] != sym:  # doubled consonants count once
            out.append(sym)
        i += 1
    return "".join(out)


def _cyrillic_key(word: str) -> str:
    raw: list[str] = []
    i, n = 0, len(word)
    while i < n:
        pair = word[i : i + 2]
        if len(pair) == 2 and pair in _CYRILLIC:
            raw.append(_CYRILLIC[pair])
            i += 2
            continue
        char = word[i]
        if char in _CYRILLIC:
            # ц before a soft vowel or ь is the Belarusian ць (Russian ть); цц counts once.
            if char == "ц" and i + 1 < n and word[i + 1] == "ц":
                i += 1
                continue
            if char in _IOTATED and (i == 0 or word[i - 1] in _IOTATING):
                raw.append(_IOTATED[char])
            else:
                raw.append(_CYRILLIC[char])
        elif char.isalpha():
            raw.append(
                _latin_readings(unidecode(char))[0]
                if script_of(char) != "latn"
                else _latin_readings(char)[0]
            )
        i += 1
    return _finish("".join(raw))


def _graphemes(word: str) -> list[tuple[str, ...]]:
    """The key symbol options of each grapheme of a Latin word, in order (the
    longest grapheme of :data:`_LATIN` wins; any other letter is read as its
    ``unidecode`` form)."""
    found: list[tuple[str, ...]] = []
    i, n = 0, len(word)
    while i < n:
        for size in range(min(_LATIN_MAX, n - i), 0, -1):
            options = _LATIN.get(word[i : i + size])
            if options is not None:
                break
        else:
            char = word[i]
            ascii_form = unidecode(char).lower() if char.isalpha() else ""
            options = (ascii_form,) if ascii_form else ("",)
            size = 1
        found.append(options)
        i += size
    return found


def _latin_readings(word: str) -> tuple[str, ...]:
    """Every reading of a Latin word, most likely first: each grapheme's options
    are listed most likely first, and a reading's cost is how many second (or
    third) choices it took."""
    readings: list[tuple[int, str]] = [(0, "")]
    for options in _graphemes(word):
        if options == (_U,):  # u after a vowel may be ў/в (Tsikhanouskaya, Yauhen, Mahiliou)
            readings = [
                (cost + rank, r + o)
                for cost, r in readings
                for rank, o in enumerate((_U, "v") if r[-1:] in _VOWELS else (_U,))
            ]
        elif len(options) == 1:
            readings = [(cost, r + options[0]) for cost, r in readings]
        else:
            readings = [
                (cost + rank, r + o) for cost, r in readings for rank, o in enumerate(options)
            ]
        if len(readings) > MAX_READINGS * 4:
            readings.sort(key=itemgetter(0))
            del readings[MAX_READINGS * 4 :]
    readings.sort(key=itemgetter(0))
    return tuple(r for _, r in readings)


def _likeliest_readings(word: str) -> Iterator[str]:
    """The first readings of :func:`_latin_readings`, in its order, without the
    others: the one of every grapheme's first choice, then those with one
    second choice, the last grapheme's first (that list's order: a reading is
    extended grapheme by grapheme, each option in turn, and the list is
    sorted by cost, stably). Only valid while the readings of one second
    choice all survive the list's pruning: up to :data:`MAX_READINGS` × 4 - 1
    graphemes."""
    first: list[str] = []
    seconds: list[str | None] = []
    built = ""
    for options in _graphemes(word):
        if options == (_U,) and built[-1:] in _VOWELS:
            options = (_U, "v")
        first.append(options[0])
        seconds.append(options[1] if len(options) > 1 else None)
        built += options[0]
    yield "".join(first)
    for position in range(len(first) - 1, -1, -1):
        second = seconds[position]
        if second is not None:
            yield "".join(first[:position]) + second + "".join(first[position + 1 :])


def _latin_word(word: str) -> str | None:
    """A case-folded word as :func:`phonetic_keys` reads it in Latin (other
    scripts through ``unidecode``), or None when it is mostly Cyrillic."""
    cyr = sum(1 for c in word if script_of(c) == "cyrl")
    if cyr and cyr >= sum(1 for c in word if c.isalpha()) / 2:
        return None
    if any(script_of(c) not in ("latn", "") for c in word if c.isalpha()):
        return unidecode(word).lower()
    return word


@lru_cache(maxsize=262144)
def phonetic_keys(token: str) -> tuple[str, ...]:
    """Every sound-skeleton key of one word, most likely reading first.

    >>> phonetic_keys("Беляцкий") == phonetic_keys("Бяляцкі") == phonetic_keys("Bialiatski")[:1]
    True
    >>> phonetic_keys("Kolesnikov")[0] == phonetic_keys("Kalesnikava")[0]
    False
    """
    word = unicodedata.normalize("NFC", token.casefold())
    latin = _latin_word(word)
    if latin is None:
        key = _cyrillic_key(word)
        return (key,) if key else ()
    word = latin
    spellings = [word]
    if len(word) > 4 and word.endswith("e") and word[-2] not in "aeiouy":
        spellings.append(word[:-1])  # French mute e: Poutine, Gagarine
    keys: list[str] = []
    for spelling in spellings:
        for raw in _latin_readings(spelling):
            key = _finish(raw)
            if key and key not in keys:
                keys.append(key)
                if len(keys) == MAX_READINGS:
                    return tuple(keys)
    return tuple(keys)


#: Longest word :func:`leading_keys` reads through its likeliest readings only
#: (see :func:`_likeliest_readings`); longer ones are read in full.
_LEADING_MAX = MAX_READINGS * 4 - 1


def leading_keys(token: str, count: int) -> tuple[str, ...]:
    """Up to ``count`` keys of ``token`` from its likeliest readings (every
    grapheme's first choice, then one second choice): always the first keys
    of :func:`phonetic_keys`, fewer of them when those readings share their
    keys. A handful of readings instead of up to 64, so the typo pass can
    read every swapped-letter form of a word.

    >>> leading_keys("Bialiatksi", 2) == phonetic_keys("Bialiatksi")[:2]
    True
    """
    word = _latin_word(unicodedata.normalize("NFC", token.casefold()))
    if word is None or len(word) > _LEADING_MAX:
        return phonetic_keys(token)[:count]  # one Cyrillic key, or too long to shortcut
    keys: list[str] = []
    for raw in _likeliest_readings(word):
        key = _finish(raw)
        if key and key not in keys:
            keys.append(key)
            if len(keys) == count:
                break
    return tuple(keys)


def has_lithuanian_ending(token: str) -> bool:
    """Whether a Latin word ends like a Lithuanian nominative (-as, -is, -ys,
    -us) or a Latvian one (-s after a consonant, -ijs)."""
    if is_cyrillic(token):
        return False
    lower = token.casefold()
    if len(token) > 5 and lower.endswith(_LITHUANIAN_ENDINGS):
        return True
    return len(token) >= 5 and lower[-1:] == "s" and lower[-2:-1] in _LATVIAN_AFTER


def lithuanian_stems(token: str) -> tuple[str, ...]:
    """The bare stems of a Lithuanian-ending word (Putinas -> Putin, Bialiackis ->
    Bialiacki); empty when the word has no such ending.

    Only meaningful where the context is Lithuanian: "Tsikhanouskis" alone is
    more likely an English plural.
    """
    if not has_lithuanian_ending(token):
        return ()
    lower = token.casefold()
    if lower.endswith("ijs"):  # Latvian Navaļnijs: Navaļnij, Navaļny
        return (token[:-1], token[:-3] + "y")
    if lower[-2] in _LATVIAN_AFTER:  # Latvian Putins, Tusks
        return (token[:-1],)
    if lower.endswith("ius"):  # -ич as -ičius (Protasevičius: Protasevič)
        return (token[:-3], token[:-2])
    if lower.endswith("as") and lower[-3] not in "aeiouy":  # -ый as -as (Navalnas: Navalny)
        return (token[:-2], token[:-2] + "y")
    return (token[:-2], token[:-1]) if token[-2] in "iyIY" else (token[:-2],)


def token_key(token: str) -> str:
    """The most likely key of one word ('' when it has no letters)."""
    keys = phonetic_keys(token)
    return keys[0] if keys else ""


# -- the classical Belarusian orthography (Taraškievica) ---------------------------------
_CONSONANTS = "бвгґджзйклмнпрстўфхцчшщ"
#: Taraškievica spelling -> official-orthography spelling, each a rule applied in
#: turn (source: the 1933/1959 orthography reforms as summarized in Я. Станкевіч,
#: "Як пісаць па-беларуску", and the 2005 "Беларускі клясычны правапіс" rules):
#: the assimilative soft sign (сьвет, Калесьнікава: ь after с з ц н л дз before a
#: consonant), э after a consonant in loanwords (Бэрлін, Кэлаг), the vowel
#: inserted before a final р or л of a given name (Аляксандар, Пётар), and -ер for
#: -ір in given names (Уладзімер).
_TARASKIEVICA: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"(?<=[сзцнлСЗЦНЛ])ь(?=[{_CONSONANTS}])"), ""),
    (re.compile(rf"(?<=[{_CONSONANTS}{_CONSONANTS.upper()}])э"), "е"),
    (re.compile(rf"(?<=[{_CONSONANTS}])а(?=[рл]\Z)"), ""),
    (re.compile(r"ер\Z"), "ір"),
)


@lru_cache(maxsize=65536)
def official_spellings(word: str) -> tuple[str, ...]:
    """``word`` and the official-orthography spellings it may stand for, if it is
    written in the classical Belarusian orthography (Taraškievica).

    Each rule of the table is tried in turn on the result of the previous ones,
    so a word yields at most a few candidates; non-Cyrillic words yield
    themselves. The candidates are readings to look up, not corrections: a
    rule that does not apply to a word (Віктар is official) only adds a
    spelling nobody has.

    >>> official_spellings("Сьвятлана")
    ('Сьвятлана', 'Святлана')
    >>> official_spellings("Аляксандар")
    ('Аляксандар', 'Аляксандр')
    """
    if not word or not is_cyrillic(word):
        return (word,)
    found = [word]
    current = word
    for pattern, replacement in _TARASKIEVICA:
        changed = pattern.sub(replacement, current)
        if changed != current:
            found.append(changed)
            current = changed
    return tuple(dict.fromkeys(found))
