"""Common words of a copy's language, from maintained lexicons.

:func:`is_common_word` says whether a word is an ordinary word of a language
(not only a name): a registry name that is one (Mosaic, Знак, Весна) is a
*homograph*, which copy scanning counts at the start of a sentence or in a
headline only with other evidence. Every registry gets the same protection:

* Russian and Ukrainian: ``pymorphy3`` (OpenCorpora / VESUM), a known word
  with a reading that is not a name, place or organization;
* English: the Webster's Second list of ``english-words`` and a ``wordfreq``
  Zipf frequency of at least :data:`ZIPF_COMMON`;
* other languages ``wordfreq`` knows: Zipf at least :data:`ZIPF_WORDFREQ_ONLY`;
* Belarusian: the Russian and Ukrainian lexicons.

Lexicons load on first use; :func:`reset_caches` drops them.

Left out: multi-word expressions, and languages none of the lexicons covers.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from .wordlists import reset_caches as reset_wordlists
from .wordlists import zipf_frequency

__all__ = ["ZIPF_COMMON", "ZIPF_WORDFREQ_ONLY", "is_common_word", "reset_caches"]

#: wordfreq Zipf frequency (log10 per billion words) above which a dictionary word is common.
ZIPF_COMMON = 3.0
#: Zipf frequency that marks a word as common where only frequencies are known.
ZIPF_WORDFREQ_ONLY = 4.0
_NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})
_MORPHOLOGY = frozenset({"ru", "uk"})
_WORDFREQ = frozenset(
    "ar bn bs bg ca zh hr cs da nl en fi fr de el he hi hu is id it ja ko lv lt mk ms nb "
    "fa pl pt ro ru sl sk sr es sv fil ta tr uk ur vi".split()
)


@cache
def _morphology(lang: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


@cache
def _english() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False) if w.islower())


def _zipf(word: str, lang: str) -> float:
    return zipf_frequency(word, lang)


@lru_cache(maxsize=65536)
def is_common_word(word: str, lang: str) -> bool:
    """Whether ``word`` (any case) is an ordinary word of ``lang`` (see the module docstring)."""
    lower = word.casefold()
    if not lower or not lower.replace("-", "").replace("'", "").isalpha():
        return False
    if lang == "be":
        return is_common_word(word, "ru") or is_common_word(word, "uk")
    if lang in _MORPHOLOGY:
        for parse in _morphology(lang).parse(lower):
            if parse.is_known and not (_NAME_TAGS & parse.tag.grammemes) and parse.score >= 0.3:
                return True
        return False
    if lang == "en":
        return lower in _english() and _zipf(lower, lang) >= ZIPF_COMMON
    if lang in _WORDFREQ:
        return _zipf(lower, lang) >= ZIPF_WORDFREQ_ONLY
    return False


def reset_caches() -> None:
    """Forget the loaded lexicons and every remembered answer."""
    is_common_word.cache_clear()
    _morphology.cache_clear()
    _english.cache_clear()
    reset_wordlists()
