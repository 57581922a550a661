"""House style: what one found mention becomes in copy written in a given language.

Each part of a mention (surname, given name, patronymic, or a whole
organization or place name) becomes the corresponding part of the entity's
preferred spelling in the copy's language. Cyrillic copy takes its own
language's; Latin-script copy takes its language's when the registry has one
(Poutine in French, Łukaszenka in Polish), keeps a spelling the registry
stores for that language, and otherwise takes the English one: for a person
always, for a place or an organization only in place of a spelling listed
as English (Grodno, Mogilev), since any other form may be the copy
language's own name for it (Wilna, Biełsat). Word order, separators, titles,
initials and all-caps are kept. Cyrillic case forms keep their case
(Калесьнікавай -> Калеснікавай); when no form of the house unit agrees with
one, the part stays as written.

Left out: finding mentions (``namenorm.mentions``) and where edits are
allowed (``namenorm.copy.rules``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..index import Index
from ..keys import official_spellings, phonetic_keys, surface
from ..mentions import Found, Part
from ..names import NameParts, parse_registry_name
from ..registry import CYRILLIC_LANGS, Entity
from ..text import is_cyrillic
from .markup import SPACE_REFERENCE

__all__ = ["DECLINING_LANGS", "replacement"]

#: Latin-script copy languages that decline names: a part there is rewritten only
#: when it is a known spelling of the entity (Cichanouskiej is a case form, left).
DECLINING_LANGS: frozenset[str] = frozenset({"pl", "lt", "lv", "cs", "sk", "sl", "hr"})
_NOMINATIVE = frozenset({"stored", "yo"})
_ENDING_FOLD = str.maketrans("ёэіїыўяЁЭІЇЫЎЯ", "ееииивaЕЕИИИВА".replace("a", "\u0430"))
_DOUBLES = re.compile(r"(.)\1")
_ENDING = 3  # letters that carry the case of a Latin-script name in pl, lt, ...


def replacement(found: Found, lang: str, index: Index) -> str | None:
    """The house spelling of one mention in copy written in ``lang``, or ``None``.

    ``None`` when the mention is ambiguous, is written in the other script
    than the copy, is a spelling the copy's language keeps, has a patronymic
    the house spelling has no counterpart for, or is a different *form* of
    the name rather than a different spelling of it (an abbreviation, or a
    longer or shorter official name).
    """
    entity = found.entity
    if entity is None or found.mention.status != "matched":
        return None
    cyrillic_copy = lang in CYRILLIC_LANGS
    named = [p for p in found.parts if p.role not in ("title", "initial")]
    if any(is_cyrillic(p.text) != cyrillic_copy for p in named):
        return None
    target = _target(entity, lang, named)
    if target is None:
        return None
    preferred = entity.preferred(target)
    if preferred is None:
        return None
    number = index.entity_number(entity.id)
    if (
        not cyrillic_copy
        and lang in DECLINING_LANGS
        and not all(_nominative_spelling(p, index, number, entity.kind) for p in named)
    ):
        return None
    if entity.kind == "person":
        words = _person_words(entity, preferred, target, named, index, number)
    else:
        words = _name_words(preferred, found.matched, named, index, number, target)
    if words is None:
        return None
    return _assemble(found, words)


def _target(entity: Entity, lang: str, named: list[Part]) -> str | None:
    """The language whose preferred spelling is the house style here, or ``None`` to keep."""
    if lang in CYRILLIC_LANGS or entity.preferred(lang) is not None:
        return lang
    if lang != "en":
        written = {surface(p.text) for p in named}
        stored = {surface(w) for n in entity.names if n.lang == lang for w in n.text.split()}
        if written and written <= stored:
            return None  # a spelling of the copy's own language: it stays
        if entity.kind != "person" and not _listed_as_english(entity, named):
            return None  # maybe the language's own name for the place: not translated
    return "en"


def _listed_as_english(entity: Entity, named: list[Part]) -> bool:
    """Whether ``named`` is, as written (case and spacing aside), an English spelling
    the registry stores for ``entity``."""
    written = _plain(" ".join(p.text for p in named))
    return any(n.lang == "en" and _plain(n.text) == written for n in entity.names)


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _nominative_spelling(part: Part, index: Index, number: int, kind: str) -> bool:
    """Whether ``part`` reads as a nominative in a language that declines names: a
    spelling the registry knows for that name, or, for a person, one that ends in the
    same three letters as a Latin one it knows (Cichanowski beside Cichanouski; a case
    form, Cichanowskiego, Łukaszenki, Alesis, changes the ending). Not for places and
    organizations, whose stored spellings in other languages include forms that end
    like case forms (Minska, Vitebska)."""
    written = surface(part.text)
    known = index.name_spellings(number, _unit_role(part.role))
    if written in known:
        return True
    return (
        kind == "person"
        and len(written) >= _ENDING + 2
        and any(
            len(k) >= _ENDING + 2 and not is_cyrillic(k) and k[-_ENDING:] == written[-_ENDING:]
            for k in known
        )
    )


def _unit_role(role: str) -> str:
    return role if role in ("given", "patronymic") else "surname"


@lru_cache(maxsize=4096)
def _parse(preferred: str, kind: str = "person") -> NameParts:
    return parse_registry_name(preferred, kind=kind)


def _person_words(
    entity: Entity, preferred: str, target: str, named: list[Part], index: Index, number: int
) -> dict[int, str] | None:
    parts = _parse(preferred)
    out: dict[int, str] = {}
    nominative = _named_in_nominative(named, parts.surname, index, number, target)
    for part in named:
        if part.role == "surname":
            house = parts.surname
        elif part.role == "given" and parts.given:
            house = parts.given
        elif part.role == "patronymic":
            stored = _stored_patronymic(entity, target, parts.given, parts.surname)
            if stored is None:
                return None
            house = stored
        else:
            return None
        if part.inflected:
            form = house_form(
                index, number, part.role, part.text, house, target, nominative=nominative
            )
            if form is None:
                return None
            house = form
        out[part.start] = house
    return out


def _named_in_nominative(
    named: list[Part], surname: str, index: Index, number: int, lang: str
) -> bool:
    """Whether a person's mention is in the nominative: its surname is a nominative
    spelling of the entity and has case forms of its own (an indeclinable surname,
    Цепкало, says nothing about the case of the given name beside it)."""
    written = [p for p in named if p.role == "surname"]
    if not written or any(p.inflected for p in written) or not is_cyrillic(written[0].text):
        return False
    return len(set(index.unit_forms(number, "surname", surname, lang))) > 1


def house_form(
    index: Index,
    number: int,
    role: str,
    text: str,
    house: str,
    lang: str,
    *,
    nominative: bool = False,
) -> str | None:
    """The form of the house unit ``house`` that ``text`` (a Cyrillic part not
    known as a nominative) stands for, or ``None`` when no form agrees.

    A form agrees when it has the sound key of ``text`` (or of one of its
    official-orthography readings) and ends like it, the closest ending
    folded (я/а, ы/і ...) first, then as written; a stored nominative of
    another language ("Гродна" in Russian copy) stands for the nominative.
    When the rest of the mention says it is in the nominative (``nominative``:
    "Мікола Статкевіч"), only the nominative can agree, so another spelling
    of a given name never becomes a case form of the house one.
    """
    words = house.split(" ")
    typed = text.split(" ")
    if len(typed) < len(words):
        house = " ".join(words[-len(typed) :])  # the last words of "фон дэр Ляйен"
    forms = index.unit_forms(number, _unit_role(role), " ".join(words), lang)
    if len(typed) < len(words):
        forms = tuple(" ".join(f.split(" ")[-len(typed) :]) for f in forms) or (house,)
    if not forms:
        return None
    if text in forms:
        return text
    if set(index.spelling_systems(number, surface(text))) & _NOMINATIVE:
        return forms[0]
    wanted = {k for reading in official_spellings(text) for k in phonetic_keys(reading)[:1]}
    if nominative:
        forms = forms[:1]
    # a form and its е-for-ё twin are one form: the house spelling (listed first) stands
    distinct = {f.replace("ё", "е").replace("Ё", "Е"): f for f in reversed(forms)}
    sounding = [
        f
        for f in dict.fromkeys(forms)
        if distinct[f.replace("ё", "е").replace("Ё", "Е")] == f
        and wanted.intersection(phonetic_keys(f)[:1])
    ]
    if not sounding:
        return None
    if nominative:
        return sounding[0]
    ending, written = _fold_ending(text), text.lower()
    scored = sorted(
        (
            ((_common_suffix(ending, _fold_ending(f)), _common_suffix(written, f.lower())), f)
            for f in sounding
        ),
        reverse=True,
    )
    best, form = scored[0]
    if best[0] < 1 or (len(scored) > 1 and scored[1][0] == best and scored[1][1] != form):
        return None
    return form


def _fold_ending(word: str) -> str:
    return _DOUBLES.sub(r"\1", word.lower().translate(_ENDING_FOLD))


def _common_suffix(a: str, b: str) -> int:
    size = 0
    while size < min(len(a), len(b)) and a[-1 - size] == b[-1 - size]:
        size += 1
    return size


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


def _name_words(
    preferred: str,
    matched: str,
    named: list[Part],
    index: Index,
    number: int,
    target: str,
) -> dict[int, str] | None:
    """A whole org or place name: only another spelling of the same form is rewritten
    (Grodno -> Hrodna, Belorussia -> Belarus), never an abbreviation or a longer or
    shorter name (U.S., Republic of Belarus, Human Rights Centre Viasna stay)."""
    if len(named) != 1 or not matched:
        return None
    if len(matched.split()) != len(preferred.split()):
        return None
    if _is_acronym(preferred) != _is_acronym(matched):
        return None
    part = named[0]
    if part.inflected:
        form = house_form(index, number, "surname", part.text, preferred, target)
        return None if form is None else {part.start: form}
    return {part.start: preferred}


def _keep_caps(original: str, new: str) -> str:
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters) and not _is_acronym(new):
        return new.upper()
    return new


def _respace(original: str, new: str) -> str:
    """``new`` with the separators of ``original`` when both have as many words."""
    gaps = re.findall(rf"(?:\s|{SPACE_REFERENCE.pattern})+", original, re.IGNORECASE)
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
