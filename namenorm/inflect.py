"""Case forms of registry names, generated rather than lemmatized away.

For each Cyrillic word of a registry name this module produces its oblique
case forms (genitive, dative, accusative, instrumental, prepositional) so
that Калеснікавай, Колесниковой, Бабарыку, Беляцкого and Тихановскую are
found as spellings of the registry's own names. Generating from the registry
keeps gender and paradigm right: Колесниковой comes only from the feminine
Колесникова, never from a masculine Колесников that is not in the registry.

Russian uses ``pytrovich`` (the petrovich rules); Belarusian and Ukrainian
use the ending table :data:`BE_ENDINGS` below. Left out: vowel alternations
inside the stem (Севярынец -> Севярынца), which stay unmatched by inflection
but are still reached by the fuzzy step.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["BE_ENDINGS", "case_forms"]

# Belarusian (and, roughly, Ukrainian) endings: (gender, role, nominative
# ending) -> oblique endings replacing it. Longest ending wins. Roles:
# "surname", "given", "patronymic"; gender "m"/"f".
BE_ENDINGS: dict[tuple[str, str, str], tuple[str, ...]] = {
    # feminine adjectival surnames: Ціханоўская
    ("f", "surname", "ская"): ("скай", "скую"),
    ("f", "surname", "цкая"): ("цкай", "цкую"),
    ("f", "surname", "ая"): ("ай", "ую"),
    # feminine possessive surnames: Калеснікава, Кудрыцкая handled above
    ("f", "surname", "ава"): ("авай", "аву"),
    ("f", "surname", "ева"): ("евай", "еву"),
    ("f", "surname", "ова"): ("овай", "ову", "овой"),
    ("f", "surname", "іна"): ("інай", "іну"),
    ("f", "surname", "ына"): ("ынай", "ыну"),
    # masculine adjectival: Бяляцкі, Ціханоўскі
    ("m", "surname", "скі"): ("скага", "скаму", "скім"),
    ("m", "surname", "цкі"): ("цкага", "цкаму", "цкім"),
    ("m", "surname", "ий"): ("ого", "ому", "им", "ім"),
    # masculine possessive: Пятроў, Кавалёў
    ("m", "surname", "оў"): ("ова", "ову", "овым", "ове"),
    ("m", "surname", "аў"): ("ава", "аву", "авым", "аве"),
    ("m", "surname", "ёў"): ("ёва", "ёву", "ёвым", "ёве"),
    ("m", "surname", "еў"): ("ева", "еву", "евым", "еве"),
    # first-declension -а words of either gender: Бабарыка, Лукашэнка, Цапкала
    ("m", "surname", "ка"): ("кі", "ку", "кам", "ке"),
    ("f", "surname", "ка"): ("кі", "ку", "кай", "цы"),
    ("m", "surname", "а"): ("ы", "у", "ам", "е"),
    ("f", "surname", "а"): ("ы", "у", "ай", "е"),
    # masculine consonant stems: Знак, Хоміч
    ("m", "surname", ""): ("а", "у", "ам", "е", "ом"),
    # given names
    ("m", "given", "ь"): ("я", "ю", "ем"),
    ("m", "given", "й"): ("я", "ю", "ем", "і"),
    ("m", "given", "ей"): ("ея", "ею", "еем", "еі"),
    ("m", "given", ""): ("а", "у", "ам", "ым", "е"),
    ("m", "given", "а"): ("ы", "у", "ам", "е"),
    ("f", "given", "ія"): ("іі", "ію", "іяй", "іяю"),
    ("f", "given", "ыя"): ("ыі", "ыю", "ыяй"),
    ("f", "given", "я"): ("і", "ю", "яй"),
    ("f", "given", "а"): ("ы", "е", "у", "ай", "і"),
    ("f", "given", "ка"): ("кі", "цы", "ку", "кай"),
    # patronymics
    ("m", "patronymic", "віч"): ("віча", "вічу", "вічам"),
    ("f", "patronymic", "аўна"): ("аўны", "аўне", "аўну", "аўнай"),
    ("f", "patronymic", "еўна"): ("еўны", "еўне", "еўну", "еўнай"),
}
_ENDING_LENGTHS = sorted({len(e) for (_, _, e) in BE_ENDINGS}, reverse=True)

_ROLES = ("given", "patronymic", "surname")


def _be_forms(word: str, gender: str, role: str) -> list[str]:
    lower = word.lower()
    for size in _ENDING_LENGTHS:
        ending = lower[-size:] if size else ""
        endings = BE_ENDINGS.get((gender, role, ending))
        if endings is None:
            continue
        if not ending and not lower[-1:].isalpha():
            return []
        if not ending and lower[-1:] in "аеёіоуыэюяьй":  # vowel stems need a rule of their own
            return []
        stem = word[: len(word) - size]
        return [stem + e for e in endings]
    return []


@lru_cache(maxsize=1)
def _petrovich() -> object | None:
    try:
        from pytrovich.maker import PetrovichDeclinationMaker
    except ImportError:  # pragma: no cover - declared dependency
        return None
    return PetrovichDeclinationMaker()


def _ru_forms(word: str, gender: str, role: str) -> list[str]:
    maker = _petrovich()
    if maker is None:  # pragma: no cover
        return []
    from pytrovich.enums import Case, Gender, NamePart

    part = {
        "given": NamePart.FIRSTNAME,
        "patronymic": NamePart.MIDDLENAME,
        "surname": NamePart.LASTNAME,
    }[role]
    sex = Gender.FEMALE if gender == "f" else Gender.MALE
    forms: list[str] = []
    for case in Case:
        try:
            form = maker.make(part, sex, case, word)  # type: ignore[attr-defined]
        except Exception:
            continue
        if isinstance(form, str) and form != word and form not in forms:
            forms.append(form)
    return forms


@lru_cache(maxsize=131072)
def case_forms(word: str, lang: str, gender: str, role: str) -> tuple[str, ...]:
    """The oblique case forms of one word of a registry name.

    ``lang`` is ``be``, ``ru`` or ``uk``; ``gender`` ``m`` or ``f``; ``role``
    ``given``, ``patronymic`` or ``surname``. Hyphenated words are inflected
    part by part. Unknown paradigms give no forms.

    >>> case_forms("Калеснікава", "be", "f", "surname")
    ('Калеснікавай', 'Калеснікаву')
    """
    if role not in _ROLES or not word:
        return ()
    if lang == "ru":  # petrovich declines hyphenated parts itself
        forms = _ru_forms(word, gender, role)
    elif "-" in word.strip("-"):
        # Each part declines on its own (Рымскага-Корсакава); pair the forms case by case.
        parts = [_be_forms(part, gender, role) for part in word.split("-")]
        if not all(parts) or len({len(p) for p in parts}) != 1:
            return ()
        forms = ["-".join(combo) for combo in zip(*parts, strict=True)]
    else:
        forms = _be_forms(word, gender, role)
    return tuple(dict.fromkeys(f for f in forms if f != word))
