"""wordfreq Zipf frequencies of common words, from a small cached table.

``wordfreq.zipf_frequency`` loads a language's whole word list (tens of MB
of Python objects per language, about a second each) on first use. The
resolver and the lexicon only ask whether a word reaches a Zipf frequency
of 3 or more, so this module keeps, per language, only the tokens whose
frequency reaches :data:`ZIPF_KEPT`, writes them once to a JSON file in the
user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``, ``namenorm/``)
keyed by the wordfreq version and this module's source, and combines the
tokens of a word exactly as wordfreq does. A stale or unreadable file is
rebuilt, never used.

What it leaves out: a word below :data:`ZIPF_KEPT` gets 0.0 (wordfreq would
give its small frequency); languages wordfreq does not split with its
regular-expression tokenizer (Chinese, Japanese, Korean...) are asked of
wordfreq itself.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from functools import cache
from importlib.metadata import version
from pathlib import Path

__all__ = ["ZIPF_KEPT", "reset_caches", "zipf_frequency"]

#: Zipf frequency from which a token is kept: below the lowest threshold
#: asked (3.0) by a margin wider than wordfreq's rounding of a combined
#: frequency (3 significant digits, then 2 decimals of Zipf).
ZIPF_KEPT = 2.9


def _cache_dir() -> Path:
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "namenorm"


@cache
def _key() -> str:
    source = Path(__file__).read_bytes()
    stamp = f"wordfreq {version('wordfreq')} kept {ZIPF_KEPT}".encode() + source
    return hashlib.sha256(stamp).hexdigest()[:16]


def _path(lang: str) -> Path:
    return _cache_dir() / f"zipf-{lang}-{_key()}.json"


def build_table(lang: str) -> dict[str, float]:
    """The tokens of ``lang`` whose Zipf frequency reaches :data:`ZIPF_KEPT`,
    with their frequencies, computed from wordfreq's word list."""
    import wordfreq

    floor = wordfreq.zipf_to_freq(ZIPF_KEPT)
    table = {t: f for t, f in wordfreq.get_frequency_dict(lang).items() if f >= floor}
    wordfreq.get_frequency_dict.cache_clear()
    wordfreq.get_frequency_list.cache_clear()
    return table


def _read(path: Path, lang: str) -> dict[str, float] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != _key() or data.get("lang") != lang:
        return None
    table = data.get("table")
    if not isinstance(table, dict) or not all(
        isinstance(t, str) and isinstance(f, float) for t, f in table.items()
    ):
        return None
    return table


def _write(path: Path, lang: str, table: dict[str, float]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"key": _key(), "lang": lang, "table": table}, out, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        return  # a read-only cache folder: the table is rebuilt next time


@cache
def table(lang: str) -> dict[str, float]:
    """The kept tokens of ``lang`` (see :func:`build_table`), from the cache file
    when it is current, else built and written."""
    path = _path(lang)
    found = _read(path, lang)
    if found is None:
        found = build_table(lang)
        _write(path, lang, found)
    return found


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
        if token not in freqs:
            return 0.0
        one_over += 1.0 / freqs[token]
    freq = 1.0 / one_over
    rounded = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return float(round(wordfreq.freq_to_zipf(rounded), 2))


def reset_caches() -> None:
    """Forget the loaded tables."""
    table.cache_clear()
