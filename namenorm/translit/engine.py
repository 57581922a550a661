"""The small algorithm around the transliteration tables.

A :class:`Scheme` is data: a letter mapping plus context :class:`Rule` values
(word-initial ``е``, ``ь`` before a vowel, ``л`` before a soft vowel in
Łacinka, ...). :meth:`Scheme.apply` scans the text left to right, tries the
longest source pattern first, and copies the case of the source onto the
output (``Щука`` -> ``Shchuka``, ``ЩУКА`` -> ``SHCHUKA``). Characters that no
rule covers pass through unchanged, so Latin input is never altered.

Tables live in ``be.py`` and ``ru.py``; this module knows no language.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

__all__ = ["BOUNDARY", "Rule", "Scheme", "System"]

#: Marker used in a context string for "no letter here" (word start or end).
BOUNDARY = "^"

_APOSTROPHE_ALIASES = ("'", "\u2019", "\u02bc")


@dataclass(frozen=True)
class System:
    """A transliteration system: its ``name`` (what ``transliterate`` takes),
    language, a one-line description and the published source of its table."""

    name: str
    lang: str
    description: str
    source: str


@dataclass(frozen=True)
class Rule:
    """Replace ``src`` (lowercase) by ``out`` when the neighbours fit.

    ``prev`` and ``next`` are strings of characters the preceding/following
    character must be one of; ``^`` in them stands for a word boundary (no
    letter). ``None`` means "any neighbour".
    """

    src: str
    out: str
    prev: str | None = None
    next: str | None = None

    def fits(self, before: str, after: str) -> bool:
        """Whether the rule applies between the characters ``before`` and ``after``
        (lowercase; ``""`` at a word boundary)."""
        if self.prev is not None and not _in_context(before, self.prev):
            return False
        return self.next is None or _in_context(after, self.next)


def _in_context(char: str, context: str) -> bool:
    if not char or not (char.isalpha() or char in _APOSTROPHE_ALIASES):
        return BOUNDARY in context
    return char in context


def _expand_apostrophes(src: str) -> list[str]:
    if "'" not in src:
        return [src]
    return [src.replace("'", alias) for alias in _APOSTROPHE_ALIASES]


@dataclass
class Scheme:
    """A compiled transliteration table: ``letters`` plus context ``rules``.

    Rules are tried before plain letters, longest source first, in the order
    given. ``letters`` keys may be several characters long (``"кс": "x"``).
    """

    system: System
    letters: Mapping[str, str]
    rules: Iterable[Rule] = ()
    _index: dict[str, list[Rule]] = field(default_factory=dict, init=False, repr=False)
    _cyrillic_only: bool = field(default=False, init=False, repr=False)

    def __post_init__(self) -> None:
        ordered: list[Rule] = []
        for rule in self.rules:
            ordered.extend(
                Rule(s, rule.out, rule.prev, rule.next) for s in _expand_apostrophes(rule.src)
            )
        for src, out in self.letters.items():
            ordered.extend(Rule(s, out) for s in _expand_apostrophes(src))
        # Stable sort: longer patterns first, contextual before plain for the same length.
        ordered.sort(key=lambda r: -len(r.src))
        index: dict[str, list[Rule]] = {}
        for rule in ordered:
            index.setdefault(rule.src[0], []).append(rule)
        self._index = index
        self._cyrillic_only = all(not src.isascii() or src in _APOSTROPHE_ALIASES for src in index)

    def apply(self, text: str) -> str:
        """Transliterate ``text`` (any ``str``); the result is NFC."""
        if self._cyrillic_only and text.isascii():
            return text  # a Cyrillic table has nothing to do on ASCII text
        text = unicodedata.normalize("NFC", text)
        lower = text.lower()
        if len(lower) != len(text):  # a few characters change length when lowered
            lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        index = self._index
        out: list[str] = []
        append = out.append
        i, n = 0, len(text)
        while i < n:
            char = lower[i]
            rules = index.get(char)
            if rules is None or (
                char in _APOSTROPHE_ALIASES and not (i and _is_cyrillic(lower[i - 1]))
            ):
                append(text[i])  # apostrophes are only letters inside Cyrillic words
                i += 1
                continue
            before = lower[i - 1] if i else ""
            hit = None
            for rule in rules:
                end = i + len(rule.src)
                if (len(rule.src) == 1 or lower.startswith(rule.src, i)) and (
                    (rule.prev is None or _in_context(before, rule.prev))
                    and (rule.next is None or _in_context(lower[end : end + 1], rule.next))
                ):
                    hit = rule
                    break
            if hit is None:
                append(text[i])
                i += 1
                continue
            end = i + len(hit.src)
            if text[i:end] == lower[i:end]:
                append(hit.out)
            else:
                append(_with_case(hit.out, text, i, end))
            i = end
        result = "".join(out)
        return result if result.isascii() else unicodedata.normalize("NFC", result)


def _is_cyrillic(char: str) -> bool:
    return bool(char) and "\u0400" <= char <= "\u052f"


def _with_case(out: str, text: str, start: int, end: int) -> str:
    source = text[start:end]
    if not out or not any(c.isupper() for c in source):
        return out
    # Whole-word capitals: the neighbouring letters are capitals too.
    word_start = start
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    word_end = end
    while word_end < len(text) and text[word_end].isalpha():
        word_end += 1
    word = text[word_start:word_end]
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return out.upper()
    return out[0].upper() + out[1:]
