"""The fast path of a transliteration table: one ``str.translate`` and one regex.

:func:`compile_scheme` turns a :class:`~namenorm.translit.engine.Scheme` into
a function that gives the same output as :meth:`Scheme.apply_reference`:

* letters whose only rule is a plain one-letter rule go through one
  ``str.translate`` table (lower case as in the table, a capital with its
  output capitalized);
* letters that start a rule of several letters or a rule with context are
  matched by one compiled regular expression per table, its alternatives in
  the order the reference loop tries them, the context as look-behind and
  look-ahead; the replacement is looked up by the alternative that matched.

Text the two cannot be sure to treat alike (a character outside the table's
letters and ASCII, a letter from a related alphabet, a word in capitals) goes
to the reference loop. The tests compare both on arbitrary text.

Left out: schemes that romanize by other means (the ``transliterate`` package
scheme), which run their own code.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Callable

from .engine import _APOSTROPHE_ALIASES, BOUNDARY, Compiled, Scheme, _plain, capitalize, cased

__all__ = ["compile_scheme"]

_CYRILLIC_CLASS = "\u0400-\u052f"


#: Letters whose case-insensitive match is more than their lower and upper case
#: (``re.IGNORECASE`` matches ſ for s, ᲀ for в, K for the Kelvin sign).
_FOLD_TRAPS = frozenset("\u0130\u0131\u017f\u00b5\u00df")


def _plain_case(char: str) -> bool:
    """Whether ``re.IGNORECASE`` matches ``char`` only by its lower and upper case
    (checked for the Cyrillic block and Latin-1 to Latin Extended-A)."""
    code = ord(char)
    return (
        (0x0400 <= code <= 0x052F or 0x00C0 <= code <= 0x017F)
        and char not in _FOLD_TRAPS
        and not unicodedata.combining(char)
    )


def _class(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


def _context(context: str | None, letters: str, *, behind: bool) -> str:
    """A look-around for a rule's ``prev``/``next`` context (``^`` = no letter there).

    The look-behind comes after the rule's first letter (so the regex can skip
    to candidate letters fast) and so spans that letter too.
    """
    if context is None:
        return ""
    chars = context.replace(BOUNDARY, "")
    chars += chars.upper()
    fits = [f"(?<={_class(chars)}.)" if behind else f"(?={_class(chars)})"] if chars else []
    if BOUNDARY in context:
        fits.append(f"(?<!{_class(letters)}.)" if behind else f"(?!{_class(letters)})")
    return "(?:" + "|".join(fits) + ")"


def compile_scheme(scheme: Scheme) -> Callable[[str], str]:
    """A function with the output of ``scheme.apply_reference`` (see the module docstring)."""
    if type(scheme).romanize is not Scheme.romanize:
        return scheme.apply_reference
    index = scheme.index
    table: dict[int, str] = {}
    owned: list[Compiled] = []
    for first, rules in index.items():
        if first in _APOSTROPHE_ALIASES:  # a letter only inside a Cyrillic word
            owned.extend(rules)
            continue
        # The rules tried before the first plain one go to the regex; the plain
        # one (what applies when none of them fits) to the translate table.
        plain = next((n for n, r in enumerate(rules) if _plain(r)), len(rules))
        owned.extend(rules[:plain])
        if plain < len(rules):
            table[ord(first)] = rules[plain].out
            upper = first.upper()
            if len(upper) == 1 and upper != first and upper.lower() == first:
                table[ord(upper)] = capitalize(rules[plain].out)
    outputs = "".join(r.out for rules in index.values() for r in rules)
    if any(ord(c) in table for c in outputs):
        return scheme.apply_reference  # an output the translate step would change again

    # Characters both paths treat alike: the table's letters in either case and ASCII.
    safe = {c for c in string.printable if c not in "\t\n\r\x0b\x0c`"}
    for first in index:
        for char in (first, first.upper()):
            if len(char) == 1 and char.lower() == first and _plain_case(char):
                safe.add(char)
    safe -= {c for c in scheme.foreign}
    letters = "".join(c for c in safe if c.isalpha()) + "".join(_APOSTROPHE_ALIASES)
    safe |= set(_APOSTROPHE_ALIASES)
    uppers = "".join(c for c in safe if c.isupper())
    unsafe = re.compile(f"[^{''.join(re.escape(c) for c in sorted(safe))}]")
    # Two capitals in a row, or with an apostrophe between them (one word: ``Ё’І``).
    apostrophes = re.compile(_class("".join(_APOSTROPHE_ALIASES)))
    capitals = re.compile(_class(uppers) + apostrophes.pattern + "?" + _class(uppers))
    # A list indexed by code point is a faster translate table than a dict; a
    # character past its end raises IndexError, which leaves it unchanged.
    codes = [chr(code) for code in range(max(table, default=-1) + 1)]
    for code, out in table.items():
        codes[code] = out

    # One character class of the rules' first letters leads the regex (so it skips
    # to candidates fast); then one alternative per rule, in the order the reference
    # tries them, each ending in an empty group that says which rule it is.
    alternatives: list[str] = []
    firsts = ""
    for rule in owned:
        first = rule.src[0] + (rule.src[0].upper() if len(rule.src[0].upper()) == 1 else "")
        firsts += first
        guard = f"(?<=[{_CYRILLIC_CLASS}].)" if rule.src[0] in _APOSTROPHE_ALIASES else ""
        alternatives.append(
            f"(?<={_class(first)})"
            + guard
            + _context(rule.prev, letters, behind=True)
            + "".join(_class(c + c.upper()) for c in rule.src[1:])
            + _context(rule.next, letters, behind=False)
            + "()"
        )
    pattern = (
        re.compile(_class(firsts) + "(?:" + "|".join(alternatives) + ")", re.DOTALL)
        if alternatives
        else None
    )
    by_group: list[Compiled | None] = [None, *owned]
    sources = [None if rule is None else rule.src for rule in by_group]
    plain_outputs = [None if rule is None else rule.out for rule in by_group]
    composed = all(
        unicodedata.is_normalized("NFC", r.out) and not unicodedata.combining(r.out[:1] or "a")
        for rules in index.values()
        for r in rules
    )
    cyrillic_only = all(not src.isascii() or src in _APOSTROPHE_ALIASES for src in index)
    reference = scheme.apply_reference

    def replace(match: re.Match[str]) -> str:
        group = match.lastindex or 0
        found = match.group()
        if found == sources[group]:
            return plain_outputs[group] or ""
        rule = by_group[group]
        assert rule is not None
        return cased(rule, found)

    def apply(text: str) -> str:
        if cyrillic_only and text.isascii():
            return text
        # str.istitle counts an apostrophe as a word break, so a title-case text
        # with an apostrophe can still hold a word in capitals (А’Е).
        if unsafe.search(text) or (
            not text.islower()
            and not (text.istitle() and not apostrophes.search(text))
            and capitals.search(text)
        ):
            return reference(text)  # a character or a word in capitals the paths may differ on
        if pattern is not None:
            text = pattern.sub(replace, text)
        result = text.translate(codes)
        if composed or result.isascii():
            return result
        return unicodedata.normalize("NFC", result)

    return apply
