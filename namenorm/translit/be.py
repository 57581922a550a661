"""Belarusian romanization tables (Cyrillic -> Latin), one :class:`Scheme` each.

Each table names its published source in its :class:`System`. The context
rules cover what the systems spell differently by position: ``е ё ю я``
word-initially, after a vowel, ``ў``, a separating ``ь`` or the apostrophe
(``je``/``ye``) against after a consonant (``ie``); the soft sign marked on
the consonant before it (``ль`` -> ``ĺ``); Łacinka's hard ``ł`` against soft
``l``. ``REVERSE`` goes back from the news style to Cyrillic, as a guess.

Left out: assimilative softness that Cyrillic does not write (Taraškievica
``сьнег``, Łacinka ``Kaleśnikava`` from ``Калеснікава``), stress, and
per-person traditions (a name's own chosen spelling belongs in the registry,
not in a rule).
"""

from __future__ import annotations

from .engine import BOUNDARY, Rule, Scheme, System

#: The apostrophe as written in Belarusian text; the engine also accepts ’ and ʼ for it.
APOSTROPHE = "'"
APOSTROPHES = "'\u2019\u02bc"

#: Cyrillic vowels (with the Russian ``и`` seen in mixed text) and the Latin
#: ``i`` that Belarusian sources often type for ``і`` (``Вялiкiя``).
VOWELS = "аеёіоуыэюяиi"
#: After these, ``е ё ю я`` start a syllable and take the j-/y- form.
IOTATING = BOUNDARY + VOWELS + "ўьъ" + APOSTROPHES
#: The iotated vowels.
IOTATED = "еёюя"
#: Vowels that make ``л`` soft in Łacinka (and ``ь``).
SOFTENING = "еёіюяьi"

#: Letters of the Russian and Ukrainian alphabets met in Belarusian text (names
#: copied from Russian, typing slips), written with the Belarusian letters for
#: the same sounds before a table runs: и as і, щ as шч, the hard sign as the
#: apostrophe that Belarusian writes in its place; Ukrainian є as е, ї as йі.
#: So every system gives Latin for them (Мiнск, Щучин -> Minsk, Ščučin).
FOREIGN = {"и": "і", "щ": "шч", "ъ": APOSTROPHE, "є": "е", "ї": "йі"}


def _positional(letters: dict[str, str], after_vowel: dict[str, str]) -> list[Rule]:
    """``е ё ю я`` take the ``after_vowel`` spelling at a syllable start."""
    return [Rule(src, out, prev=IOTATING) for src, out in after_vowel.items() if src in letters]


def _soft_sign(marks: dict[str, str]) -> list[Rule]:
    """Consonant + ``ь`` written as one accented letter (``ль`` -> ``ĺ``)."""
    return [Rule(consonant + "ь", out) for consonant, out in marks.items()]


_J_FORMS = {"е": "je", "ё": "jo", "ю": "ju", "я": "ja"}
_Y_FORMS = {"е": "ye", "ё": "yo", "ю": "yu", "я": "ya"}
_ACUTE = {"з": "ź", "л": "ĺ", "н": "ń", "с": "ś", "ц": "ć"}

_NATIONAL_2007 = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "ie", "ё": "io",
    "ж": "ž", "з": "z", "і": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "ŭ", "ф": "f",
    "х": "ch", "ц": "c", "ч": "č", "ш": "š", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia", APOSTROPHE: "",
}  # fmt: skip

NATIONAL_2007 = Scheme(
    System(
        name="national-2007",
        lang="be",
        description="Belarusian national system for geographical names, 2007 revision "
        "(Viciebsk, Mahilioŭ, Homieĺ); UN-recommended 2012",
        source="Instruction on transliteration of geographical names of the Republic of "
        "Belarus in Latin letters (State Committee on Land Resources No. 15, 23.11.2000), "
        "as amended by State Property Committee resolution No. 38 of 11.06.2007 "
        "(reg. 8/16668); UNGEGN WGRS report 2012",
    ),
    letters=_NATIONAL_2007,
    foreign=FOREIGN,
    rules=(*_soft_sign(_ACUTE), *_positional(_NATIONAL_2007, _J_FORMS)),
)

_NATIONAL_2023 = {
    **_NATIONAL_2007,
    "г": "g", "ж": "zh", "х": "h", "ч": "ch", "ш": "sh", "ў": "w",
}  # fmt: skip

NATIONAL_2023 = Scheme(
    System(
        name="national-2023",
        lang="be",
        description="Belarusian national system for geographical names, 2023 "
        "(no diacritics: Viciebsk, Magiliow, Gomiel; softening ь not written)",
        source="Instruction on rendering names of geographical objects from Belarusian and "
        "Russian into other languages and transliteration in Latin letters, State Property "
        "Committee resolution No. 19 of 24.03.2023 (reg. 8/39778, pravo.by W22339778), "
        "Appendix 1",
    ),
    letters=_NATIONAL_2023,
    foreign=FOREIGN,
    rules=(
        *_positional(_NATIONAL_2023, _J_FORMS),
        # An apostrophe before і is written j (Мар'іна Горка -> Marjina Gorka).
        Rule(APOSTROPHE + "і", "ji"),
    ),
)

_BGN_PCGN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "ye", "ё": "yo",
    "ж": "zh", "з": "z", "і": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "w", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "ы": "y", "ь": "\u2019", "э": "e",
    "ю": "yu", "я": "ya", APOSTROPHE: "\u201d",
}  # fmt: skip

BGN_PCGN = Scheme(
    System(
        name="bgn-pcgn",
        lang="be",
        description="BGN/PCGN 1979 romanization of Belarusian (Vitsyebsk, Mahilyow, "
        "Homyel’), with the optional interpuncts z·h k·h s·h t·s ts·h",
        source="BGN/PCGN, Romanization of Belarusian (1979; PCGN/BGN document, "
        "ROMANIZATION_OF_BELARUSIAN.pdf); ’ = U+2019 for ь, ” = U+201D for the apostrophe",
    ),
    letters=_BGN_PCGN,
    foreign=FOREIGN,
    rules=(
        Rule("зг", "z·h"),
        Rule("кг", "k·h"),
        Rule("сг", "s·h"),
        Rule("тс", "t·s"),
        Rule("цг", "ts·h"),
    ),
)

_ISO9: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g̀", "д": "d", "е": "e", "ё": "ë", "ж": "ž",
    "з": "z", "і": "ì", "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "ǔ", "ф": "f", "х": "h", "ц": "c",
    "ч": "č", "ш": "š", "щ": "ŝ", "ъ": "ʺ", "ы": "y", "ь": "ʹ", "э": "è", "ю": "û", "я": "â",
    APOSTROPHE: "\u02bc",
}  # fmt: skip

ISO9 = Scheme(
    System(
        name="iso9",
        lang="be",
        description="ISO 9:1995 (= GOST 7.79-2000 system A), one Latin letter per "
        "Cyrillic letter: Magìlëǔ, Lukašènka",
        source="ISO 9:1995 Information and documentation - Transliteration of Cyrillic "
        "characters into Latin characters; GOST 7.79-2000 table 1 (system A)",
    ),
    letters=_ISO9,
    foreign=FOREIGN,
)

_ICAO: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ё": "io", "ж": "zh",
    "з": "z", "і": "i", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia", APOSTROPHE: "",
}  # fmt: skip

ICAO = Scheme(
    System(
        name="icao",
        lang="be",
        description="ICAO Doc 9303 machine-readable travel documents, with its Belarusian "
        "entries (Г H, Ё IO, Ў U): Aliaksandr Lukashenka, Maryia Kalesnikava; letter for "
        "letter, so я is always IA (Tsikhanouskaia; the bearer's own Tsikhanouskaya is a "
        "registry variant)",
        source="ICAO Doc 9303 Part 3 (7th ed. 2015), section 6.B 'Transliteration of "
        "Cyrillic characters'; ь and the apostrophe are not written (MRZ allows A-Z only)",
    ),
    letters=_ICAO,
    foreign=FOREIGN,
)

_ALA_LC: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ё": "io", "ж": "zh",
    "з": "z", "и": "ī", "ї": "ï", "і": "i", "й": "ĭ", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "ŭ", "ф": "f", "х": "kh",
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ʺ", "ы": "y", "ь": "ʹ", "ѣ": "ě",
    "э": "ė", "ю": "iu", "я": "ia", APOSTROPHE: "",
}  # fmt: skip

ALA_LC = Scheme(
    System(
        name="ala-lc",
        lang="be",
        description="ALA-LC (Library of Congress) Belarusian table without the optional "
        "ligature tie (io, zh, iu, ia rather than i͡o, z͡h, i͡u, i͡a): Mahilioŭ, Lukashėnka",
        source="ALA-LC Romanization Tables: Belarusian (Library of Congress, 2012 revision "
        "of the 1997 table); the apostrophe is not romanized",
    ),
    letters=_ALA_LC,
    foreign=FOREIGN,
)

_LACINKA = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "ie", "ё": "io",
    "ж": "ž", "з": "z", "і": "i", "й": "j", "к": "k", "л": "ł", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "ŭ", "ф": "f",
    "х": "ch", "ц": "c", "ч": "č", "ш": "š", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia", APOSTROPHE: "",
}  # fmt: skip

LACINKA = Scheme(
    System(
        name="lacinka",
        lang="be",
        description="Classical Belarusian Latin alphabet (Łacinka): Łukašenka, Bialacki, "
        "Cichanoŭskaja; ł for hard л, l before ь е ё і ю я (ля -> la); softness only "
        "where Cyrillic writes ь",
        source="Belarusian Latin alphabet (Łacinka) as codified in B. Taraškievič, "
        "Biełaruskaja hramatyka dla škoł (1929) and Ja. Stankievič's Łacinka rules; "
        "applied letter by letter to the Cyrillic spelling as given",
    ),
    letters=_LACINKA,
    foreign=FOREIGN,
    rules=(
        *_soft_sign({k: v for k, v in _ACUTE.items() if k != "л"}),
        # Soft л: plain l, and the vowel after it loses its i (ля -> la, лю -> lu).
        Rule("лл", "ll", next=SOFTENING),
        Rule("ль", "l"),
        Rule("л", "l", next=SOFTENING),
        Rule("е", "e", prev="л"),
        Rule("ё", "o", prev="л"),
        Rule("ю", "u", prev="л"),
        Rule("я", "a", prev="л"),
        *_positional(_LACINKA, _J_FORMS),
    ),
)

_NEWS = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ё": "io",
    "ж": "zh", "з": "z", "і": "i", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia", APOSTROPHE: "",
}  # fmt: skip

NEWS = Scheme(
    System(
        name="news",
        lang="be",
        description="English-language press about Belarus (Aliaksandr Lukashenka, Sviatlana "
        "Tsikhanouskaya, Ales Bialiatski, Maryia Kalesnikava): ICAO-like ASCII with "
        "ya/yu/ye/yo at a syllable start, e after consonants, -y for -ый, ts for цц",
        source="Usage of Belarusian-run English media (Belsat, Nasha Niva, Zerkalo, "
        "Viasna) and of the Office of Sviatlana Tsikhanouskaya, 2020-2024; reconstructed "
        "from their published name forms (see tests/golden/translit-be-news.tsv)",
    ),
    letters=_NEWS,
    foreign=FOREIGN,
    rules=(
        Rule("ый", "y", next=BOUNDARY),
        Rule("ій", "i", next=BOUNDARY),
        Rule("цц", "ts"),
        Rule("й", "y", prev=BOUNDARY),
        # Марыя -> Maryia: after ы the press keeps ia rather than doubling the y.
        Rule("я", "ia", prev="ы"),
        Rule("ю", "iu", prev="ы"),
        *_positional(_NEWS, _Y_FORMS),
    ),
)

SCHEMES: tuple[Scheme, ...] = (
    NATIONAL_2007,
    NATIONAL_2023,
    BGN_PCGN,
    ISO9,
    ICAO,
    ALA_LC,
    LACINKA,
    NEWS,
)

# --- Latin -> Cyrillic (news style, best effort) --------------------------------

_LATIN_VOWELS = "aeiouy"
_LATIN_CONSONANTS = "bcdfghjklmnpqrstvwxzšžčćśźńĺł"

_REVERSE: dict[str, str] = {
    "a": "а", "b": "б", "c": "к", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "г", "i": "і",
    "j": "й", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р",
    "s": "с", "t": "т", "u": "у", "v": "в", "w": "ў", "x": "кс", "y": "ы", "z": "з", "ž": "ж",
    "š": "ш", "č": "ч", "ŭ": "ў", "ć": "ць", "ś": "сь", "ź": "зь", "ń": "нь", "ĺ": "ль",
    "ł": "л", "kh": "х", "ts": "ц", "ch": "ч", "sh": "ш", "zh": "ж", "ck": "к",
}  # fmt: skip

REVERSE = Scheme(
    System(
        name="news-reverse",
        lang="be",
        description="Best-effort Latin -> Belarusian Cyrillic for news-style spellings "
        "(Lukashenka -> Лукашенка, e/э cannot be told apart)",
        source="Inverse of the 'news' table, plus the national-2007 diacritic letters",
    ),
    letters=_REVERSE,
    rules=(
        # Syllable-initial y/j + vowel: Yauhen -> Яўген, Yury -> Юры, Darya -> Дарья.
        Rule("ya", "я", prev=BOUNDARY + _LATIN_VOWELS),
        Rule("yu", "ю", prev=BOUNDARY + _LATIN_VOWELS),
        Rule("ye", "е", prev=BOUNDARY + _LATIN_VOWELS),
        Rule("yo", "ё", prev=BOUNDARY + _LATIN_VOWELS),
        Rule("ya", "ья", prev=_LATIN_CONSONANTS),
        Rule("yu", "ью", prev=_LATIN_CONSONANTS),
        Rule("ye", "ье", prev=_LATIN_CONSONANTS),
        Rule("yo", "ьё", prev=_LATIN_CONSONANTS),
        Rule("ja", "я"),
        Rule("ju", "ю"),
        Rule("je", "е"),
        Rule("jo", "ё"),
        # i + vowel after a consonant or ы is a soft vowel: Bialiatski, Maryia.
        Rule("ia", "я", prev=_LATIN_CONSONANTS + "y"),
        Rule("iu", "ю", prev=_LATIN_CONSONANTS + "y"),
        Rule("ie", "е", prev=_LATIN_CONSONANTS),
        Rule("io", "ё", prev=_LATIN_CONSONANTS),
        Rule("ia", "я", prev=BOUNDARY),
        Rule("iu", "ю", prev=BOUNDARY),
        # Second half of a diphthong: Siarhei -> Сяргей, Mahiliou -> Магілёў.
        Rule("i", "й", prev="aeouy", next=BOUNDARY + _LATIN_CONSONANTS),
        Rule("u", "ў", prev="aeio", next=BOUNDARY + _LATIN_CONSONANTS),
        Rule("e", "э", prev=BOUNDARY),
        Rule("y", "й", prev="aeiou", next=BOUNDARY + _LATIN_CONSONANTS),
        Rule("y", "ы", prev=_LATIN_CONSONANTS),
        Rule("y", "й", next=BOUNDARY + _LATIN_CONSONANTS),
    ),
)
