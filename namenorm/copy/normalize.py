"""Copy normalization: find and rewrite the registry names of one document.

:func:`find_names` reports every registry mention in a document's prose
(those already in house style too); :func:`normalize_text` rewrites the
ones that are not. The document is parsed in its format first
(``namenorm.copy.markup``), mentions are found by ``namenorm.mentions``,
the editorial rules (``namenorm.copy.rules``) say which may change, and
``namenorm.copy.house`` says what each becomes. Only the name itself
changes: titles, possessives, separators (a line break inside a name stays
a line break) and capitals are kept, and every character outside an edit is
returned as it was.

Left out: anything but names (no spelling or grammar checks).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from ..errors import InvalidInputError, UnknownLanguageError
from ..mentions import Found, Mention, scan, scanner
from ..registry import Registry, default_registry
from ..text import is_cyrillic
from .house import replacement
from .markup import FORMATS, Layout, layout
from .rules import ProperNouns, covers_quotation, gloss_end, quotations

__all__ = [
    "LANGS",
    "QUOTES",
    "Edit",
    "Mention",
    "NormalizeResult",
    "Plan",
    "apply_edits",
    "find_names",
    "normalize_text",
    "plan",
    "warm",
]

#: What to do with text in quotation marks and block quotes: leave it (``keep``,
#: the default) or normalize it like the rest (``fix``).
QUOTES: tuple[str, ...] = ("keep", "fix")

#: Languages copy can be written in. Latin-script copy takes the preferred
#: English spelling as house style; Cyrillic copy the preferred spelling of
#: its own language.
LANGS: tuple[str, ...] = ("en", "be", "ru", "uk", "de", "fr", "lt", "lv", "pl")


@dataclass(frozen=True)
class Edit:
    """One rewrite: ``original`` at ``start:end`` of the input becomes ``replacement``."""

    start: int
    end: int
    original: str
    replacement: str
    id: str
    score: float
    status: str

    def as_dict(self) -> dict[str, object]:
        """The JSON shape used by the HTTP API and the CLI."""
        return {
            "start": self.start,
            "end": self.end,
            "original": self.original,
            "replacement": self.replacement,
            "id": self.id,
            "score": self.score,
            "status": self.status,
        }


@dataclass(frozen=True)
class NormalizeResult:
    """The rewritten text and the edits that made it, in text order."""

    text: str
    edits: tuple[Edit, ...]

    def as_dict(self) -> dict[str, object]:
        """The JSON shape used by the HTTP API and the CLI."""
        return {"text": self.text, "edits": [edit.as_dict() for edit in self.edits]}


def warm(registry: Registry | None = None) -> Registry:
    """Build the index and the name automaton now (servers call this at start)."""
    registry = (registry or default_registry()).warm()
    scanner(registry)
    return registry


def _check(text: object, lang: object, format: object, quotes: object = "keep") -> None:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if lang not in LANGS:
        raise UnknownLanguageError(f"unknown lang {lang!r}; expected one of {', '.join(LANGS)}")
    if format not in FORMATS:
        raise InvalidInputError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
    if quotes not in QUOTES:
        raise InvalidInputError(f"unknown quotes {quotes!r}; expected one of {', '.join(QUOTES)}")


def _found(text: str, lang: str, registry: Registry, format: str) -> tuple[Layout, list[Found]]:
    prose = layout(text, format, lang=lang)
    found = scan(prose.masked, registry, lang=lang)
    return prose, [_as_written(item, text) for item in found]


def _as_written(item: Found, text: str) -> Found:
    """``item`` with its mention's text as written: the prose view reads a character
    reference to a space between a name's words as spaces ("Svetlana&nbsp;Tikhanovskaya")."""
    written = text[item.mention.start : item.mention.end]
    if written == item.mention.text:
        return item
    parts = tuple(replace(p, text=text[p.start : p.end]) for p in item.parts)
    return replace(item, mention=replace(item.mention, text=written), parts=parts)


def find_names(
    text: str,
    lang: str = "en",
    registry: Registry | None = None,
    *,
    format: str = "text",
) -> list[Mention]:
    """Every registry name mentioned in the prose of ``text``, in text order.

    ``lang`` is the language the copy is written in (see :data:`LANGS`);
    ``registry`` defaults to :func:`~namenorm.default_registry`; ``format``
    is ``text``, ``markdown`` or ``html`` (see ``namenorm.copy.markup``).
    """
    _check(text, lang, format)
    _, found = _found(text, lang, registry or default_registry(), format)
    return [f.mention for f in found]


@dataclass(frozen=True)
class Plan:
    """What :func:`normalize_text` would do: every mention found, and the edits."""

    found: tuple[Found, ...]
    edits: tuple[Edit, ...]
    #: the input with every character that is not prose masked (``markup.Layout``)
    masked: str


def plan(
    text: str,
    lang: str = "en",
    registry: Registry | None = None,
    *,
    format: str = "text",
    quotes: str = "keep",
) -> Plan:
    """The mentions in the prose of ``text`` and the edits :func:`normalize_text` makes
    (for a caller that reviews them before applying; same arguments)."""
    _check(text, lang, format, quotes)
    registry = registry or default_registry()
    prose, found = _found(text, lang, registry, format)
    masked = prose.masked
    kept: list[list[tuple[int, int]]] = []
    if quotes == "keep":
        kept = (
            [list(prose.quoted), quotations(masked)] if format != "text" else [quotations(masked)]
        )
    nouns = ProperNouns(
        masked,
        lang,
        names=[(f.mention.start, f.mention.end) for f in found],
        headings=prose.headings,
    )
    nouns.learn(
        (f.mention.start, f.mention.end)
        for f in found
        if f.entity is not None and f.entity.kind != "person"
    )
    edits: list[Edit] = []
    seen: dict[tuple[object, ...], str | None] = {}  # the same mention, written the same way
    skip_until = -1
    for number, item in enumerate(found):
        mention = item.mention
        if mention.id is None or mention.start < skip_until or item.entity is None:
            continue
        if _kept(masked, kept, mention.start, mention.end) or _within(
            prose.kept, mention.start, mention.end
        ):
            continue
        if nouns.inside(mention.start, mention.end, person=item.entity.kind == "person"):
            continue
        new = _replacement(item, lang, registry, seen)
        end = mention.end
        following = found[number + 1] if number + 1 < len(found) else None
        if following is not None and following.mention.id == mention.id:
            closing = gloss_end(masked, mention.end, following.mention.start, following.mention.end)
            if closing is not None and (_script(following.mention.text) == _script(mention.text)):
                end = closing
                skip_until = closing
                if new is None:
                    new = mention.text
        if new is not None and new != text[mention.start : end]:
            edits.append(
                Edit(
                    mention.start,
                    end,
                    text[mention.start : end],
                    new,
                    mention.id,
                    item.score,
                    "matched",
                )
            )
    return Plan(tuple(found), tuple(edits), masked)


def normalize_text(
    text: str,
    lang: str = "en",
    registry: Registry | None = None,
    *,
    format: str = "text",
    quotes: str = "keep",
) -> NormalizeResult:
    """``text`` with every registry name in its prose in house style, and the edits made.

    A mention is rewritten only when it resolves to one ID and the editorial
    rules allow it: not inside quotation marks or a block quote (unless
    ``quotes="fix"``), not part of a longer proper noun; a mention followed
    by its own gloss in brackets is rewritten once, gloss included.
    """
    edits = plan(text, lang, registry, format=format, quotes=quotes).edits
    return NormalizeResult(apply_edits(text, edits), edits)


def _replacement(
    item: Found, lang: str, registry: Registry, seen: dict[tuple[object, ...], str | None]
) -> str | None:
    mention = item.mention
    shape = tuple(
        (p.start - mention.start, p.end - mention.start, p.role, p.inflected) for p in item.parts
    )
    key = (mention.id, mention.text, item.matched, shape)
    if key not in seen:
        seen[key] = replacement(item, lang, registry.index)
    return seen[key]


def _kept(text: str, kept: list[list[tuple[int, int]]], start: int, end: int) -> bool:
    """Whether a mention sits in a quotation it is not the whole of (``kept``: lists of
    sorted, non-overlapping spans, block quotes first)."""
    for spans in kept:
        number = bisect_right(spans, (start, len(text) + 1)) - 1
        if number >= 0 and spans[number][0] <= start and end <= spans[number][1]:
            return not covers_quotation(text, spans[number], start, end)
    return False


def _within(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside one of ``spans`` (an HTML element kept as written)."""
    return any(low <= start and end <= high for low, high in spans)


def _script(text: str) -> bool:
    return is_cyrillic(text)


def apply_edits(text: str, edits: list[Edit] | tuple[Edit, ...]) -> str:
    """``text`` with non-overlapping ``edits`` (sorted by start) applied."""
    parts: list[str] = []
    position = 0
    for edit in edits:
        parts.append(text[position : edit.start])
        parts.append(edit.replacement)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)
