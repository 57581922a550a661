"""wordfreq Zipf frequencies of common words, from a small cached table.

``wordfreq.zipf_frequency`` loads a language's whole word list (tens of MB
of Python objects per language, about a second each) on first use. The
resolver and the lexicon only ask whether a word reaches a Zipf frequency
of 3 or more, so this module keeps, per language, only the tokens whose
frequency reaches :data:`ZIPF_KEPT`, in a table file built once in the
user's cache folder and mapped by every process (``namenorm.tablecache``:
keyed by the wordfreq version and this module's source, checksummed; a
stale or damaged file is rebuilt, never used), and combines the tokens of a
word exactly as wordfreq does.

What it leaves out: a word below :data:`ZIPF_KEPT` gets 0.0 (wordfreq would
give its small frequency); languages wordfreq does not split with its
regular-expression tokenizer (Chinese, Japanese, Korean...) are asked of
wordfreq itself.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterator, Mapping
from functools import cache
from typing import TYPE_CHECKING

from .tablecache import Built, cached

if TYPE_CHECKING:
    from .index.packed import Arrays

__all__ = ["ZIPF_KEPT", "Frequencies", "reset_caches", "table", "zipf_frequency"]

#: Zipf frequency from which a token is kept: below the lowest threshold
#: asked (3.0) by a margin wider than wordfreq's rounding of a combined
#: frequency (3 significant digits, then 2 decimals of Zipf).
ZIPF_KEPT = 2.9


def build_table(lang: str) -> dict[str, float]:
    """The tokens of ``lang`` whose Zipf frequency reaches :data:`ZIPF_KEPT`,
    with their frequencies, computed from wordfreq's word list."""
    import wordfreq

    floor = wordfreq.zipf_to_freq(ZIPF_KEPT)
    table = {t: f for t, f in wordfreq.get_frequency_dict(lang).items() if f >= floor}
    wordfreq.get_frequency_dict.cache_clear()
    wordfreq.get_frequency_list.cache_clear()
    return table


class Frequencies(Mapping[str, float]):
    """Token -> frequency, read from the mapped arrays of a cached table: a
    :class:`~namenorm.index.packed.StringMap` of the tokens and their
    frequencies (``freq``, float64, by token number)."""

    __slots__ = ("_freqs", "_tokens")

    def __init__(self, arrays: Arrays) -> None:
        from .index.packed import StringMap  # not at import: namenorm.index imports this module

        self._tokens = StringMap(arrays, "tokens")
        self._freqs = arrays["freq"]

    def __getitem__(self, token: str) -> float:
        number = self._tokens.number(token)
        if number < 0:
            raise KeyError(token)
        return float(self._freqs[number])

    def get(self, token: str, default: float | None = None) -> float | None:  # type: ignore[override]
        number = self._tokens.number(token)
        return default if number < 0 else float(self._freqs[number])

    def __contains__(self, token: object) -> bool:
        return token in self._tokens

    def __iter__(self) -> Iterator[str]:
        return iter(self._tokens)

    def __len__(self) -> int:
        return len(self._tokens)


def _pack(lang: str) -> Built:
    from .index.packed import pack_map

    table = build_table(lang)
    tokens = pack_map(((token, ()) for token in table), "tokens")
    return {**tokens, "freq": array("d", table.values())}, {"lang": lang}


@cache
def table(lang: str) -> Frequencies:
    """The kept tokens of ``lang`` (see :func:`build_table`), from the cache file
    when it is current, else built and written."""
    from importlib.metadata import version

    arrays, _ = cached(
        f"zipf-{lang}",
        lambda: _pack(lang),
        sources=(f"wordfreq {version('wordfreq')}", f"kept {ZIPF_KEPT}"),
        code=(__file__,),
    )
    return Frequencies(arrays)


@cache
def _regex_tokenized(lang: str) -> bool:
    from wordfreq.language_info import get_language_info

    return bool(get_language_info(lang)["tokenizer"] == "regex")


def zipf_frequency(word: str, lang: str) -> float:
    """``wordfreq.zipf_frequency(word, lang)`` where that is at least
    :data:`ZIPF_KEPT`; 0.0 or the same value where it is below."""
    import wordfreq
    from wordfreq.numbers import smash_numbers
    from wordfreq.tokens import lossy_tokenize

    if not _regex_tokenized(lang):
        return float(wordfreq.zipf_frequency(word, lang))
    tokens = lossy_tokenize(word, lang)
    if not tokens:
        return 0.0
    freqs = table(lang)
    one_over = 0.0
    for token in tokens:
        if smash_numbers(token) != token:
            return float(wordfreq.zipf_frequency(word, lang))
        found = freqs.get(token)
        if found is None:
            return 0.0
        one_over += 1.0 / found
    freq = 1.0 / one_over
    rounded = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return float(round(wordfreq.freq_to_zipf(rounded), 2))


def reset_caches() -> None:
    """Forget the loaded tables."""
    table.cache_clear()
