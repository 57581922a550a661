"""Russian romanization tables (Cyrillic -> Latin), one :class:`Scheme` each.

Each table names its published source. Context rules cover what the systems
spell differently by position: word-initial and post-vowel ``е``/``ё``/``ю``/
``я``, ``ь``/``ъ`` before a vowel, the ``-ий``/``-ый`` endings.

Left out: stress-dependent spellings and per-name traditions (Tchaikovsky);
those are attested variants for the registry, not rules.
"""

from __future__ import annotations

from .engine import BOUNDARY, Rule, Scheme, System

VOWELS = "аеёиоуыэюя"
SIGNS = "ьъ"
#: After these a iotated vowel starts a syllable (y-/j- spellings).
IOTATING = BOUNDARY + VOWELS + SIGNS

_BASE_ENGLISH = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip

NEWS = Scheme(
    System(
        name="news",
        lang="ru",
        description="English-language press and Wikipedia style (Tikhanovskaya, Lukashenko)",
        source="Wikipedia: Romanization of Russian, 'English Wikipedia' column "
        "(simplified BGN/PCGN: -iy/-yy endings as -y, ye after vowels and soft signs)",
    ),
    letters=_BASE_ENGLISH,
    rules=(
        Rule("е", "ye", prev=IOTATING),
        Rule("ий", "y", next=BOUNDARY),
        Rule("ый", "y", next=BOUNDARY),
        Rule("ье", "ye"),
        Rule("ьё", "yo"),
        Rule("ьи", "yi"),
    ),
)

SCHEMES: tuple[Scheme, ...] = (NEWS,)
