"""Russian romanization tables (Cyrillic -> Latin), one :class:`Scheme` each.

Each table names its published source. Context rules cover what the systems
spell differently by position: word-initial and post-vowel ``е``/``ё``/``ю``/
``я``, ``ь``/``ъ`` before a vowel, ``-ий``/``-ый``, ``с`` between vowels
(German, French), hard and soft ``л`` (Polish). ``informal`` wraps the ``ru``
pack of the ``transliterate`` package (:class:`TranslitPackageScheme`);
``REVERSE`` goes Latin -> Cyrillic for news-style spellings, best effort.

Where a published table and press habit differ, the table wins and the habit
is a registry variant (French Eltsine, German Nowosibirsk); one exception:
Polish drops PWN's soft-sign mark ´ as the press does. Belarusian and
Ukrainian letters in Russian text are first written as their Russian
counterparts (``FOREIGN``); any other letter outside a table goes to the
engine's last resort (``anyascii``).

Left out: stress-dependent spellings and per-name traditions (Tchaikovsky,
Zelensky's own -yy): those are attested variants for the registry.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache, partial
from typing import Any

from .engine import BOUNDARY, Rule, Scheme, System

__all__ = [
    "ALA_LC",
    "BGN_PCGN",
    "FRENCH",
    "GERMAN",
    "ICAO",
    "INFORMAL",
    "ISO9",
    "NEWS",
    "POLISH",
    "REVERSE",
    "SCHEMES",
    "SCIENTIFIC",
    "TranslitPackageScheme",
]

VOWELS = "аеёиоуыэюя"
SIGNS = "ьъ"
#: Consonant letters (``й`` excluded: it behaves like a vowel for iotation).
CONSONANTS = "бвгджзклмнпрстфхцчшщ"
#: After these a iotated vowel starts a syllable (y-/j- spellings).
IOTATING = BOUNDARY + VOWELS + SIGNS
#: Word end or a following consonant (where Polish marks softness on the letter).
CLOSED = BOUNDARY + CONSONANTS + "й"

#: Letters of the Belarusian and Ukrainian alphabets met in Russian text,
#: written with the Russian letters for the same sounds before a table runs:
#: і as и, ў as в (Ціханоўская is Тихановская), ґ as г, є as е, ї as йи.
FOREIGN = {"і": "и", "ў": "в", "ґ": "г", "є": "е", "ї": "йи"}

_BASE_ENGLISH = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip


def _letters(base: dict[str, str], **changes: str) -> dict[str, str]:
    """``base`` with some letters replaced (keyword names are the Cyrillic letters)."""
    return {**base, **changes}


# -- BGN/PCGN 1947 -----------------------------------------------------------

BGN_PCGN = Scheme(
    System(
        name="bgn-pcgn",
        lang="ru",
        description="BGN/PCGN 1947, the US/UK geographic-names system (Yelizovo, Ozërnyy)",
        source="BGN/PCGN, Romanization of Russian: BGN/PCGN 1947 System (PCGN, June 2019 "
        "edition), including its optional notes 3 (y·, ·y, ·e, t·s, sh·ch) and the dieresis of ë",
    ),
    # ь and ъ are ’ (U+2019) and ” (U+201D), as printed in the 2019 table.
    letters=_letters(_BASE_ENGLISH, ё="ë", ъ="\u201d", ь="\u2019"),
    foreign=FOREIGN,
    rules=(
        Rule("тс", "t·s"),
        Rule("шч", "sh·ch"),
        Rule("е", "ye", prev=BOUNDARY + VOWELS + "й" + SIGNS),
        Rule("ё", "yë", prev=BOUNDARY + VOWELS + "й" + SIGNS),
        Rule("ы", "·y·", prev=VOWELS, next="ауыэ"),
        Rule("ы", "·y", prev=VOWELS),
        Rule("ы", "y·", next="ауыэ"),
        Rule("й", "y·", next="ауыэ"),
        Rule("э", "·e", prev=CONSONANTS),
    ),
)

# -- ISO 9:1995 = GOST 7.79-2000 system A ------------------------------------

_ISO9_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ë", "ж": "ž", "з": "z",
    "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č", "ш": "š", "щ": "ŝ",
    "ъ": "ʺ", "ы": "y", "ь": "ʹ", "э": "è", "ю": "û", "я": "â",
}  # fmt: skip

ISO9 = Scheme(
    System(
        name="iso9",
        lang="ru",
        description="ISO 9:1995 / GOST 7.79-2000 system A: one Latin letter per Cyrillic letter",
        source="ISO 9:1995, Transliteration of Cyrillic characters into Latin characters, "
        "table 1 (identical to GOST 7.79-2000 system A)",
    ),
    letters=_ISO9_LETTERS,
    foreign=FOREIGN,
)

# -- ICAO Doc 9303 -----------------------------------------------------------

ICAO = Scheme(
    System(
        name="icao",
        lang="ru",
        description="ICAO Doc 9303 machine-readable travel documents, as in Russian "
        "passports since 2013 (Iuliia, Tikhanovskaia)",
        source="ICAO Doc 9303, Machine Readable Travel Documents, 7th ed. (2015), part 3, "
        "section 6 (Cyrillic transliteration); Russian order of the FMS no. 320 of 2013",
    ),
    letters=_letters(_BASE_ENGLISH, ё="e", й="i", ъ="ie", ы="y", ю="iu", я="ia"),
    foreign=FOREIGN,
)

# -- ALA-LC ------------------------------------------------------------------

ALA_LC = Scheme(
    System(
        name="ala-lc",
        lang="ru",
        description="ALA-LC library romanization (Library of Congress), tie bars omitted",
        source="ALA-LC Romanization Tables: Russian (Library of Congress, 1997, rev. 2012); "
        "the tie bars over i͡a, i͡u, t͡s are left out",
    ),
    letters=_letters(_BASE_ENGLISH, ё="ë", й="ĭ", ц="ts", ъ="ʺ", ь="ʹ", э="ė", ю="iu", я="ia"),
    foreign=FOREIGN,
)

# -- Scientific --------------------------------------------------------------

_SCIENTIFIC_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ë", "ж": "ž", "з": "z",
    "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x", "ц": "c", "ч": "č", "ш": "š", "щ": "šč",
    "ъ": "ʺ", "ы": "y", "ь": "ʹ", "э": "è", "ю": "ju", "я": "ja",
}  # fmt: skip

SCIENTIFIC = Scheme(
    System(
        name="scientific",
        lang="ru",
        description="Scholarly (linguistic) transliteration: č, š, ž, x, c, šč, ju, ja",
        source="Scientific transliteration of Cyrillic, Russian column (as in Wikipedia: "
        "'Scientific transliteration of Cyrillic'; Unbegaun/Slavist usage), x for х",
    ),
    letters=_SCIENTIFIC_LETTERS,
    foreign=FOREIGN,
)

# -- English press / Wikipedia -----------------------------------------------

NEWS = Scheme(
    System(
        name="news",
        lang="ru",
        description="English-language press and Wikipedia style (Tikhanovskaya, Lukashenko)",
        source="Wikipedia: Romanization of Russian, 'English Wikipedia' column "
        "(simplified BGN/PCGN: -iy/-yy endings as -y, ye after vowels and soft signs)",
    ),
    letters=_BASE_ENGLISH,
    foreign=FOREIGN,
    rules=(
        Rule("ий", "y", next=BOUNDARY),
        Rule("ый", "y", next=BOUNDARY),
        Rule("ье", "ye"),
        Rule("ьё", "yo"),
        Rule("ьи", "yi"),
        # Naberezhnye, Krasnye: no y-glide after ы.
        Rule("е", "ye", prev=BOUNDARY + "аеёиоуэюя" + SIGNS),
        Rule("ь", "y", next="аиоуыэ"),
        Rule("ъ", "y", next="аиоуыэ"),
    ),
)

# -- German press (Duden) ----------------------------------------------------

_GERMAN_LETTERS = {
    "а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "е": "e", "ё": "jo", "ж": "sch", "з": "s",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch",
    "щ": "schtsch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja",
}  # fmt: skip

GERMAN = Scheme(
    System(
        name="german",
        lang="ru",
        description="German press style, Duden transcription (Lukaschenko, Tichanowskaja)",
        source="Duden, 'Transkription aus dem Russischen' (Die deutsche Rechtschreibung, "
        "Duden vol. 1), as tabulated with its notes in Wikipedia-de 'Liste der "
        "Transkriptionen russischer Buchstaben' / WP:NK/RU; кс as x 'in all cases' per Duden",
    ),
    letters=_GERMAN_LETTERS,
    foreign=FOREIGN,
    rules=(
        Rule("ий", "i", next=BOUNDARY),
        Rule("ый", "y", next=BOUNDARY),
        Rule("кс", "x"),
        Rule("е", "je", prev=IOTATING),
        Rule("ё", "o", prev="жчшщ"),
        Rule("и", "ji", prev="ь"),
        Rule("ь", "j", next="о"),
        # й is j before a vowel and after и/ы (Noworossijsk), i elsewhere (Andrei, Tschuikow).
        Rule("й", "j", next=VOWELS),
        Rule("й", "j", prev="иы"),
        Rule("с", "ss", prev=VOWELS, next=VOWELS),
    ),
)

# -- French press ------------------------------------------------------------

#: Vowels after which French marks a new syllable with a dieresis (ï): all but и, ы.
_FR_DIERESIS = "аеёоуэюя"

_FRENCH_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "io", "ж": "j", "з": "z",
    "и": "i", "й": "ï", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "ou", "ф": "f", "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch",
    "щ": "chtch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iou", "я": "ia",
}  # fmt: skip

FRENCH = Scheme(
    System(
        name="french",
        lang="ru",
        description="French press style (Loukachenko, Tikhanovskaïa, Poutine)",
        source="Usual French transcription as tabulated in Wikipedia-fr 'Transcription du "
        "russe en français' and fr.wiktionary 'Convention:Translittération du cyrillique' "
        "(russe moderne), with their examples (Sergueï, Doudaïev, Vassiliev, Gagarine)",
    ),
    letters=_FRENCH_LETTERS,
    foreign=FOREIGN,
    rules=(
        Rule("ий", "i", next=BOUNDARY),
        Rule("ый", "y", next=BOUNDARY),
        Rule("ин", "ine", next=BOUNDARY),
        Rule("ын", "yne", next=BOUNDARY),
        Rule("г", "gu", next="еи"),
        # е: ïe after a vowel other than и, ie initially and after ь, ъ, e elsewhere.
        Rule("е", "ïe", prev=_FR_DIERESIS),
        Rule("е", "ie", prev=BOUNDARY + SIGNS),
        Rule("и", "ï", prev=_FR_DIERESIS),
        # The table's ï for й means nothing word-initially: Iochkar-Ola.
        Rule("й", "i", prev=BOUNDARY),
        Rule("ю", "ïou", prev=_FR_DIERESIS),
        Rule("я", "ïa", prev=_FR_DIERESIS),
        Rule("я", "a", prev="и"),  # Maria, Natalia
        Rule("с", "ss", prev=VOWELS, next=VOWELS),
    ),
)

# -- Polish press ------------------------------------------------------------

#: After these Polish writes the plain vowel (e, o, u, a), without i/j.
_PL_HARD = "жшцчщл"

_POLISH_LETTERS = {
    "а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "е": "ie", "ё": "io", "ж": "ż", "з": "z",
    "и": "i", "й": "j", "к": "k", "л": "ł", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz",
    "щ": "szcz", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip

POLISH = Scheme(
    System(
        name="polish",
        lang="ru",
        description="Polish press style, PWN transcription (Łukaszenko, Miedwiediew, Jelcyn)",
        source="Wielki słownik ortograficzny PWN, zasady pisowni 76.B [308] 'Transkrypcja "
        "współczesnego alfabetu rosyjskiego' (sjp.pwn.pl), with the customary name forms "
        "-ski/-cki/-ska, -ij, -y and without the soft-sign mark ´ (Igor, not Igor´)",
    ),
    letters=_POLISH_LETTERS,
    foreign=FOREIGN,
    rules=(
        # Feminine and masculine adjectival surnames: Politkowska, Dostojewski.
        Rule("ская", "ska", next=BOUNDARY),
        Rule("цкая", "cka", next=BOUNDARY),
        Rule("кий", "ki", next=BOUNDARY),
        Rule("гий", "gi", next=BOUNDARY),
        Rule("хий", "chi", next=BOUNDARY),
        Rule("ий", "ij", next=BOUNDARY),
        Rule("ый", "y", next=BOUNDARY),
        # Soft sign marked on н, с, з before a consonant or at the end (Kazań, Ruś);
        # PWN's ´ after other consonants (Pierm´, Igor´) is left out, as the press does.
        Rule("нь", "ń", next=CLOSED),
        Rule("сь", "ś", next=CLOSED),
        Rule("зь", "ź", next=CLOSED),
        Rule("л", "l", next="еёиьюя"),
        Rule("е", "je", prev=IOTATING),
        Rule("ё", "jo", prev=IOTATING),
        Rule("ю", "ju", prev=IOTATING),
        Rule("я", "ja", prev=IOTATING),
        Rule("е", "e", prev=_PL_HARD),
        Rule("ё", "o", prev=_PL_HARD),
        Rule("ю", "u", prev=_PL_HARD),
        Rule("я", "a", prev=_PL_HARD),
        Rule("и", "ji", prev="ь"),
        Rule("и", "y", prev="жшц"),
    ),
)

# -- transliterate package ---------------------------------------------------


class TranslitPackageScheme(Scheme):
    """A scheme whose work is done by the ``transliterate`` package's language pack.

    Built like any scheme (``TranslitPackageScheme(system, letters={})``) so the
    catalogue can treat it as one; only :meth:`romanize` differs. The pack is
    looked up once, for ``system.lang``. Added to the pack: the engine's casing
    convention (a word in capitals comes out in capitals; the pack alone turns
    ``ЩУКА`` into ``SchUKA``), and the engine's last resort for any Cyrillic
    letter the pack leaves.
    """

    def romanize(self, text: str) -> str:
        """Romanize NFC ``text`` with the package (Cyrillic -> Latin); the result is NFC."""
        pack = _translit_pack(self.system.lang)

        def word(match: re.Match[str]) -> str:
            source = match.group()
            out = str(pack(source))
            return out.upper() if len(source) > 1 and source.isupper() else out

        return super().romanize(unicodedata.normalize("NFC", _WORD.sub(word, text)))


#: A run of letters (a word, for the casing rule).
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _translit_pack(lang: str) -> Callable[[str], Any]:
    """The ``transliterate`` pack's Cyrillic -> Latin function for ``lang``.

    ``reversed=True`` is the package's name for "from the pack's script to Latin";
    without it the pack would turn Latin into Cyrillic.
    """
    from transliterate import get_translit_function

    return partial(get_translit_function(lang), reversed=True)


INFORMAL = TranslitPackageScheme(
    System(
        name="informal",
        lang="ru",
        description="Informal web romanization of the transliterate package (Tihanovskaja, Schuka)",
        source="transliterate 1.10.2 (PyPI), ru language pack, Cyrillic -> Latin "
        "(translit(text, 'ru', reversed=True))",
    ),
    letters={},
    foreign=FOREIGN,
)

SCHEMES: tuple[Scheme, ...] = (
    BGN_PCGN,
    ISO9,
    ICAO,
    ALA_LC,
    SCIENTIFIC,
    NEWS,
    GERMAN,
    FRENCH,
    POLISH,
    INFORMAL,
)

# -- Latin -> Cyrillic (news style) ------------------------------------------

_LATIN_VOWELS = "aeiouy"
_LATIN_CONSONANTS = "bcdfghjklmnpqrstvwxz"

_REVERSE_LETTERS = {
    "a": "а", "b": "б", "c": "к", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и",
    "j": "й", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р",
    "s": "с", "t": "т", "u": "у", "v": "в", "w": "в", "x": "кс", "y": "ы", "z": "з",
    "shch": "щ", "kh": "х", "ts": "ц", "ch": "ч", "sh": "ш", "zh": "ж", "ya": "я", "yu": "ю",
    "yo": "ё",
}  # fmt: skip

REVERSE = Scheme(
    System(
        name="news",
        lang="ru",
        description="Best-effort Latin -> Cyrillic for English press / Wikipedia spellings",
        source="Inverse of the 'news' table above (Wikipedia: Romanization of Russian)",
    ),
    letters=_REVERSE_LETTERS,
    rules=(
        Rule("tsky", "цкий", next=BOUNDARY),
        Rule("skaya", "ская", next=BOUNDARY),
        Rule("sky", "ский", next=BOUNDARY),
        Rule("iy", "ий", next=BOUNDARY),
        Rule("yy", "ый", next=BOUNDARY),
        Rule("ny", "ный", next=BOUNDARY),
        Rule("ye", "е", prev=BOUNDARY + _LATIN_VOWELS),
        Rule("ye", "ье", prev=_LATIN_CONSONANTS),
        Rule("yi", "ьи", prev=_LATIN_CONSONANTS),
        Rule("e", "э", prev=BOUNDARY),
        Rule("y", "й", prev="aeiou"),
        # Dmitry, Yury, Vasily: -ий; adjectives in -ny (Navalny, Krasny) are caught above.
        Rule("y", "ий", prev=_LATIN_CONSONANTS, next=BOUNDARY),
    ),
)
