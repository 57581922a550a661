"""Ukrainian romanization tables (Cyrillic -> Latin), one :class:`Scheme` each.

``national`` is the official system of 2010 (Kyiv, Zghurskyi, Yizhakevych);
``news`` is the English-press form of it, which differs only in the
word-final ``-й`` (Zelenskyy, Andriy).

Left out: a Latin -> Cyrillic table. The national system merges ``и``/``і``/
``ї``/``й`` and drops ``ь`` and the apostrophe, so a reverse table would be a
guess on almost every name; ``cyrillize(text, "uk")`` raises instead.
"""

from __future__ import annotations

from .engine import BOUNDARY, Rule, Scheme, System

__all__ = ["NATIONAL", "NEWS", "SCHEMES"]

#: Letters of the Russian and Belarusian alphabets met in Ukrainian text,
#: written with the Ukrainian letters for the same sounds before a table runs:
#: ы as и, э as е, ё as ьо, ъ as the apostrophe, ў as в.
FOREIGN = {"ы": "и", "э": "е", "ё": "ьо", "ъ": "'", "ў": "в"}

_NATIONAL_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia", "'": "",
}  # fmt: skip

_NATIONAL_RULES = (
    # зг is zgh, so that it is not read as ж (Zghurskyi, Rozghon).
    Rule("зг", "zgh"),
    # At the start of a word є, ї, й, ю, я are Ye, Yi, Y, Yu, Ya.
    Rule("є", "ye", prev=BOUNDARY),
    Rule("ї", "yi", prev=BOUNDARY),
    Rule("й", "y", prev=BOUNDARY),
    Rule("ю", "yu", prev=BOUNDARY),
    Rule("я", "ya", prev=BOUNDARY),
)

NATIONAL = Scheme(
    System(
        name="national",
        lang="uk",
        description="Ukrainian national system, official since 2010 (Kyiv, Zghurskyi, Yizhakevych)",
        source="Cabinet of Ministers of Ukraine, resolution no. 55 of 27 January 2010 "
        "'On streamlining the transliteration of the Ukrainian alphabet by means of the "
        "Latin alphabet', table and examples (zakon.rada.gov.ua/laws/show/55-2010-п)",
    ),
    letters=_NATIONAL_LETTERS,
    foreign=FOREIGN,
    rules=_NATIONAL_RULES,
)

NEWS = Scheme(
    System(
        name="news",
        lang="uk",
        description="English-language press style: the national system with word-final -й "
        "as -y (Zelenskyy, Andriy, Kyiv)",
        source="Resolution 55 of 2010 as used by the Office of the President of Ukraine in "
        "English (president.gov.ua/en) and the wire services: Volodymyr Zelenskyy, Andriy "
        "Yermak, Oleksiy Reznikov",
    ),
    letters=_NATIONAL_LETTERS,
    foreign=FOREIGN,
    rules=(*_NATIONAL_RULES, Rule("й", "y", next=BOUNDARY)),
)

SCHEMES: tuple[Scheme, ...] = (NATIONAL, NEWS)
