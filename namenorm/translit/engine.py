"""The small algorithm around the transliteration tables.

A :class:`Scheme` is data: a letter mapping plus context :class:`Rule` values
(word-initial ``е``, ``ь`` before a vowel, ``л`` before a soft vowel in
Łacinka, ...). It scans the text left to right, tries the longest source
pattern first, and copies the case of the source onto the output (``Щука``
-> ``Shchuka``, ``ЩУКА`` -> ``SHCHUKA``; a rule of several letters takes the
case letter by letter where its output splits into their letters: ``тС`` ->
``t·S``). Letters of a related alphabet that a table lacks are first written
with the language's own (``foreign``: Russian ``щ`` in Belarusian text is
``шч``), and any Cyrillic letter still left is romanized by ``anyascii``, so
the output holds no Cyrillic. Other characters pass through unchanged, so
Latin input is never altered.

:meth:`Scheme.apply` runs the compiled fast path (``compiled.py``);
:meth:`Scheme.apply_reference` is the plain loop it is tested against. Tables
live in ``be.py``, ``ru.py`` and ``uk.py``; this module knows no language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from anyascii import anyascii

__all__ = ["BOUNDARY", "CYRILLIC_RANGES", "Rule", "Scheme", "System"]

#: Marker used in a context string for "no letter here" (word start or end).
BOUNDARY = "^"

_APOSTROPHE_ALIASES = ("'", "\u2019", "\u02bc")

#: The Unicode blocks of Cyrillic (as ``text.script_of`` counts them).
CYRILLIC_RANGES: tuple[tuple[int, int], ...] = (
    (0x0400, 0x052F),
    (0x1C80, 0x1C8F),
    (0xA640, 0xA69F),
)


def is_cyrillic_char(char: str) -> bool:
    """Whether one character is in a Cyrillic block."""
    code = ord(char)
    return any(low <= code <= high for low, high in CYRILLIC_RANGES)


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


class Compiled(NamedTuple):
    """A rule ready to run: ``pieces`` is ``out`` split letter by letter of
    ``src`` (None when it does not split), for mixed-case input."""

    src: str
    out: str
    prev: str | None
    next: str | None
    pieces: tuple[str, ...] | None


def _in_context(char: str, context: str) -> bool:
    if not char or not (char.isalpha() or char in _APOSTROPHE_ALIASES):
        return BOUNDARY in context
    return char in context


def _expand_apostrophes(src: str) -> list[str]:
    if "'" not in src:
        return [src]
    return [src.replace("'", alias) for alias in _APOSTROPHE_ALIASES]


def _split(src: str, out: str, letters: Mapping[str, str]) -> tuple[str, ...] | None:
    """``out`` as one piece per letter of ``src`` (each the letter's own output,
    an interpunct may follow), or None (``тс`` -> ``t·``, ``s``)."""
    if len(src) < 2:
        return None
    pieces: list[str] = []
    position = 0
    for number, char in enumerate(src):
        own = letters.get(char)
        if not own or not out.startswith(own, position):
            return None
        end = position + len(own)
        if number < len(src) - 1 and out.startswith("·", end):
            end += 1
        pieces.append(out[position:end])
        position = end
    return tuple(pieces) if position == len(out) else None


def capitalize(out: str) -> str:
    """``out`` with its first letter in capitals (``·y`` -> ``·Y``)."""
    for number, char in enumerate(out):
        if char.isalpha():
            return out[:number] + char.upper() + out[number + 1 :]
    return out


def cased(rule: Compiled, source: str) -> str:
    """The output of ``rule`` for ``source`` as written (outside a word in capitals):
    letter by letter where the output splits, else in the case of its first letter."""
    if not any(char.isupper() for char in source):
        return rule.out
    if rule.pieces is not None:
        return "".join(
            capitalize(piece) if char.isupper() else piece
            for piece, char in zip(rule.pieces, source, strict=True)
        )
    return capitalize(rule.out) if source[0].isupper() else rule.out


@dataclass
class Scheme:
    """A compiled transliteration table: ``letters`` plus context ``rules``.

    Rules are tried before plain letters, longest source first, in the order
    given. ``letters`` keys may be several characters long (``"кс": "x"``).
    ``foreign`` writes letters of related alphabets that the table lacks with
    the language's own letters before the table runs.
    """

    system: System
    letters: Mapping[str, str]
    rules: Iterable[Rule] = ()
    foreign: Mapping[str, str] = field(default_factory=dict)
    _index: dict[str, list[Compiled]] = field(default_factory=dict, init=False, repr=False)
    _cyrillic_only: bool = field(default=False, init=False, repr=False)
    _foreign: re.Pattern[str] | None = field(default=None, init=False, repr=False)
    _fast: Callable[[str], str] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        ordered: list[Compiled] = []
        for rule in self.rules:
            ordered.extend(
                Compiled(s, rule.out, rule.prev, rule.next, _split(s, rule.out, self.letters))
                for s in _expand_apostrophes(rule.src)
            )
        for src, out in self.letters.items():
            ordered.extend(
                Compiled(s, out, None, None, _split(s, out, self.letters))
                for s in _expand_apostrophes(src)
            )
        # Stable sort: longer patterns first, contextual before plain for the same length.
        ordered.sort(key=lambda r: -len(r.src))
        index: dict[str, list[Compiled]] = {}
        for compiled in ordered:
            index.setdefault(compiled.src[0], []).append(compiled)
        self._cyrillic_only = all(not src.isascii() or src in _APOSTROPHE_ALIASES for src in index)
        missing = {c: out for c, out in self.foreign.items() if c not in index}
        self.foreign = missing
        if missing:
            self._foreign = re.compile(
                "[" + "".join(re.escape(c + c.upper()) for c in missing) + "]"
            )
        # Any other Cyrillic letter: anyascii's romanization, the last resort (also
        # for a letter whose rules all depend on context and none fits).
        for low, high in CYRILLIC_RANGES if self._cyrillic_only else ():
            for code in range(low, high + 1):
                lower = chr(code).lower()
                rules = index.get(lower, [])
                if len(lower) != 1 or lower in missing or any(_plain(r) for r in rules):
                    continue
                index[lower] = [*rules, Compiled(lower, anyascii(lower), None, None, None)]
        self._index = index

    @property
    def index(self) -> Mapping[str, list[Compiled]]:
        """Rules by their first source letter, in the order they are tried."""
        return self._index

    def apply(self, text: str) -> str:
        """Transliterate ``text`` (any ``str``); the result is NFC."""
        fast = self._fast
        if fast is None:
            from .compiled import compile_scheme

            fast = self._fast = compile_scheme(self)
        return fast(text)

    def apply_reference(self, text: str) -> str:
        """:meth:`apply` as a plain loop over the text (the twin the fast path is tested against)."""
        if self._cyrillic_only and text.isascii():
            return text  # a Cyrillic table has nothing to do on ASCII text
        return self.romanize(self.write_foreign(unicodedata.normalize("NFC", text)))

    def write_foreign(self, text: str) -> str:
        """``text`` with letters of related alphabets written in the table's own."""
        if self._foreign is None:
            return text
        foreign = self.foreign

        def spell(match: re.Match[str]) -> str:
            char = match.group()
            out = foreign[char.lower()]
            if char == char.lower():
                return out
            return (
                out.upper() if _in_capitals(text, match.start(), match.end()) else capitalize(out)
            )

        return unicodedata.normalize("NFC", self._foreign.sub(spell, text))

    def romanize(self, text: str) -> str:
        """The table's own work on NFC ``text`` (foreign letters already written)."""
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
            elif _in_capitals(text, i, end):
                append(hit.out.upper())
            else:
                append(cased(hit, text[i:end]))
            i = end
        result = "".join(out)
        return result if result.isascii() else unicodedata.normalize("NFC", result)


def _plain(rule: Compiled) -> bool:
    """Whether a rule of one letter applies whatever its neighbours."""
    return len(rule.src) == 1 and rule.prev is None and rule.next is None


def _is_cyrillic(char: str) -> bool:
    return bool(char) and "\u0400" <= char <= "\u052f"


def _in_word(text: str, at: int) -> bool:
    """Whether ``text[at]`` belongs to a word: a letter, or an apostrophe between
    two letters (``Ё’І`` is one word, so its ``Ё`` is in capitals)."""
    char = text[at]
    if char.isalpha():
        return True
    return (
        char in _APOSTROPHE_ALIASES
        and 0 < at < len(text) - 1
        and text[at - 1].isalpha()
        and text[at + 1].isalpha()
    )


def _in_capitals(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is inside a word of more than one letter, all
    capitals (an apostrophe between two letters is inside the word)."""
    word_start = start
    while word_start > 0 and _in_word(text, word_start - 1):
        word_start -= 1
    word_end = end
    while word_end < len(text) and _in_word(text, word_end):
        word_end += 1
    letters = [c for c in text[word_start:word_end] if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)
