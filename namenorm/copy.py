"""Copy normalization: bring every registry name in running text to house style.

:func:`find_names` reports every registry mention in a text (those already in
house style too); :func:`normalize_text` rewrites the ones that are not.
Finding is done by ``namenorm.mentions``; this module decides what each
mention becomes and assembles the result. Only the name itself changes:
titles, possessives, separators (a line break inside a name stays a line
break) and capitals (a name in an all-caps headline stays in caps) are kept,
and every character outside an edit is returned byte-for-byte.

Left out: anything but names (no spelling or grammar checks), and rewriting
inflected Cyrillic mentions (they are reported with their ID but left as
written, because the right case form of the house spelling is not known).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .errors import UnknownLanguageError
from .mentions import Found, Mention, Part, cyrillic, scan, scanner
from .names import NameParts, parse_registry_name
from .registry import CYRILLIC_LANGS, Entity, Registry, default_registry

__all__ = [
    "LANGS",
    "Edit",
    "Mention",
    "NormalizeResult",
    "apply_edits",
    "find_names",
    "normalize_text",
    "warm",
]

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


def _check(text: object, lang: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if lang not in LANGS:
        raise UnknownLanguageError(f"unknown lang {lang!r}; expected one of {', '.join(LANGS)}")


def find_names(text: str, lang: str = "en", registry: Registry | None = None) -> list[Mention]:
    """Every registry name mentioned in ``text``, in text order.

    ``lang`` is the language the copy is written in (see :data:`LANGS`);
    ``registry`` defaults to :func:`~namenorm.default_registry`.
    """
    _check(text, lang)
    return [found.mention for found in scan(text, registry or default_registry(), lang=lang)]


def normalize_text(
    text: str, lang: str = "en", registry: Registry | None = None
) -> NormalizeResult:
    """``text`` with every registry name in house style, and the edits made.

    A mention is rewritten only when it resolves to one ID; ambiguous
    mentions are left as written (see :func:`find_names`).
    """
    _check(text, lang)
    edits: list[Edit] = []
    seen: dict[tuple[object, ...], str | None] = {}  # the same mention, written the same way
    for found in scan(text, registry or default_registry(), lang=lang):
        mention = found.mention
        if mention.id is None:
            continue
        shape = tuple(
            (p.start - mention.start, p.end - mention.start, p.role, p.inflected)
            for p in found.parts
        )
        key = (mention.id, mention.text, found.matched, shape)
        if key in seen:
            new = seen[key]
        else:
            new = seen[key] = replacement(found, lang)
        if new is not None and new != mention.text:
            edits.append(
                Edit(
                    mention.start,
                    mention.end,
                    mention.text,
                    new,
                    mention.id,
                    found.score,
                    "matched",
                )
            )
    return NormalizeResult(apply_edits(text, edits), tuple(edits))


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


# -- what a mention becomes --------------------------------------------------------
def replacement(found: Found, lang: str) -> str | None:
    """The house spelling of one mention in copy written in ``lang``, or ``None``.

    Each part is rewritten to the corresponding part of the preferred spelling
    (a surname to the surname, a given name to the given name), so word order,
    separators, titles, initials and all-caps are kept. ``None`` when the
    mention is ambiguous or inflected, is written in the other script than the
    copy, has a patronymic the house spelling has no counterpart for, or is a
    different *form* of the name rather than a different spelling of it (an
    abbreviation, or a longer or shorter official name).
    """
    entity = found.entity
    if entity is None or found.mention.status != "matched":
        return None
    cyrillic_copy = lang in CYRILLIC_LANGS
    target = lang if cyrillic_copy else "en"
    preferred = entity.preferred(target)
    if preferred is None:
        return None
    named = [p for p in found.parts if p.role not in ("title", "initial")]
    if any(p.inflected or cyrillic(p.text) != cyrillic_copy for p in named):
        return None
    if entity.kind == "person":
        words = _person_words(entity, preferred, target, named)
    else:
        words = _name_words(preferred, found.matched, named)
    if words is None:
        return None
    return _assemble(found, words)


@lru_cache(maxsize=4096)
def _parse(preferred: str) -> NameParts:
    return parse_registry_name(preferred)


def _person_words(
    entity: Entity, preferred: str, target: str, named: list[Part]
) -> dict[int, str] | None:
    parts = _parse(preferred)
    out: dict[int, str] = {}
    for part in named:
        if part.role == "surname":
            out[part.start] = parts.surname
        elif part.role == "given" and parts.given:
            out[part.start] = parts.given
        elif part.role == "patronymic":
            patronymic = _stored_patronymic(entity, target, parts.given, parts.surname)
            if patronymic is None:
                return None
            out[part.start] = patronymic
        else:
            return None
    return out


def _stored_patronymic(entity: Entity, lang: str, given: str, surname: str) -> str | None:
    """The patronymic of a stored ``lang`` spelling with the house given name and surname."""
    for name in entity.names:
        if name.lang == lang:
            parts = parse_registry_name(name.text)
            if parts.patronymic and parts.given == given and parts.surname == surname:
                return parts.patronymic
    return None


def _is_acronym(spelling: str) -> bool:
    letters = [c for c in spelling if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _name_words(preferred: str, matched: str, named: list[Part]) -> dict[int, str] | None:
    """A whole org or place name: only another spelling of the same form is rewritten
    (Grodno -> Hrodna, Belorussia -> Belarus), never an abbreviation or a longer or
    shorter name (U.S., Republic of Belarus, Human Rights Centre Viasna stay)."""
    if len(named) != 1 or not matched:
        return None
    if len(matched.split()) != len(preferred.split()):
        return None
    if _is_acronym(preferred) != _is_acronym(matched):
        return None
    return {named[0].start: preferred}


def _keep_caps(original: str, new: str) -> str:
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters) and not _is_acronym(new):
        return new.upper()
    return new


def _respace(original: str, new: str) -> str:
    """``new`` with the separators of ``original`` when both have as many words."""
    gaps = re.findall(r"\s+", original)
    words = new.split(" ")
    if len(gaps) != len(words) - 1 or not gaps:
        return new
    return "".join(w + g for w, g in zip(words, [*gaps, ""], strict=True))


def _assemble(found: Found, words: dict[int, str]) -> str:
    mention = found.mention
    pieces: list[str] = []
    position = mention.start
    for part in found.parts:
        pieces.append(mention.text[position - mention.start : part.start - mention.start])
        new = words.get(part.start)
        pieces.append(part.text if new is None else _respace(part.text, _keep_caps(part.text, new)))
        position = part.end
    pieces.append(mention.text[position - mention.start :])
    return "".join(pieces)
