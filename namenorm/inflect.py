"""Case forms of registry names, generated rather than lemmatized away.

For each Cyrillic word of a registry name this module produces its oblique
case forms (genitive, dative, accusative, instrumental, prepositional) so
that Калеснікавай, Колесниковой, Бабарыку, Беляцкого and Тихановскую are
found as spellings of the registry's own names. Generating from the registry
keeps gender and paradigm right: Колесниковой comes only from the feminine
Колесникова, never from a masculine Колесников that is not in the registry.

Every language is an ending table (:data:`RU_ENDINGS`, :data:`BE_ENDINGS`,
the latter also serving Ukrainian): a dictionary lookup and a string
concatenation per form, fast enough for registries of a million names. The
Russian table is checked against ``pytrovich`` (the petrovich rules) in the
tests. Left out: rare stem alternations beyond the fleeting е of -ец/-ок and
Павел.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = [
    "ADJECTIVE_ENDINGS",
    "BE_ENDINGS",
    "CASES",
    "NOUN_ENDINGS",
    "PERSON_ENDINGS",
    "RU_ENDINGS",
    "case_forms",
    "noun_case_forms",
    "word_case_forms",
]

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
    ("m", "surname", "ец"): ("ца", "цу", "цам", "цы"),  # fleeting е: Севярынец -> Севярынца
    ("m", "surname", "ок"): ("ка", "ку", "кам"),
    ("m", "surname", "ёк"): ("ка", "ку", "кам"),
    # given names
    ("m", "given", "ь"): ("я", "ю", "ем"),
    ("m", "given", "й"): ("я", "ю", "ем", "і"),
    ("m", "given", "ей"): ("ея", "ею", "еем", "еі"),
    ("m", "given", ""): ("а", "у", "ам", "е"),
    ("m", "given", "вел"): ("ўла", "ўлу", "ўлам", "ўле"),  # Павел -> Паўла
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
# Russian endings, same shape as BE_ENDINGS: (gender, role, nominative ending)
# -> oblique endings (genitive, dative, accusative, instrumental, prepositional
# as they differ). -ко/-о/-их/-ых surnames and feminine consonant surnames do
# not decline: no entry.
RU_ENDINGS: dict[tuple[str, str, str], tuple[str, ...]] = {
    # possessive surnames: Колесников / Колесникова
    ("m", "surname", "ов"): ("ова", "ову", "овым", "ове"),
    ("m", "surname", "ев"): ("ева", "еву", "евым", "еве"),
    ("m", "surname", "ёв"): ("ёва", "ёву", "ёвым", "ёве"),
    ("m", "surname", "ин"): ("ина", "ину", "иным", "ине"),
    ("m", "surname", "ын"): ("ына", "ыну", "ыным", "ыне"),
    ("f", "surname", "ова"): ("овой", "ову"),
    ("f", "surname", "ева"): ("евой", "еву"),
    ("f", "surname", "ёва"): ("ёвой", "ёву"),
    ("f", "surname", "ина"): ("иной", "ину"),
    ("f", "surname", "ына"): ("ыной", "ыну"),
    # adjectival surnames: Беляцкий, Тихановская, Толстой
    ("m", "surname", "ий"): ("ого", "ому", "им", "ом"),
    ("m", "surname", "кий"): ("кого", "кому", "ким", "ком"),
    ("m", "surname", "ый"): ("ого", "ому", "ым", "ом"),
    ("m", "surname", "ой"): ("ого", "ому", "ым", "ом"),
    ("f", "surname", "ая"): ("ой", "ую"),
    ("f", "surname", "яя"): ("ей", "юю"),
    # -а/-я surnames of either gender: Науседа, Кучма
    ("m", "surname", "а"): ("ы", "е", "у", "ой"),
    ("f", "surname", "а"): ("ы", "е", "у", "ой"),
    ("m", "surname", "ка"): ("ки", "ке", "ку", "кой"),
    ("f", "surname", "ка"): ("ки", "ке", "ку", "кой"),
    ("m", "surname", "га"): ("ги", "ге", "гу", "гой"),
    ("m", "surname", "ха"): ("хи", "хе", "ху", "хой"),
    ("m", "surname", "я"): ("и", "е", "ю", "ей"),
    ("f", "surname", "я"): ("и", "е", "ю", "ей"),
    # masculine consonant surnames: Знак, Хомич, Шрайбман; fleeting е: Северинец
    ("m", "surname", ""): ("а", "у", "ом", "е"),
    ("m", "surname", "ж"): ("жа", "жу", "жем", "же"),
    ("m", "surname", "ш"): ("ша", "шу", "шем", "ше"),
    ("m", "surname", "ч"): ("ча", "чу", "чем", "че"),
    ("m", "surname", "щ"): ("ща", "щу", "щем", "ще"),
    ("m", "surname", "ец"): ("ца", "цу", "цем", "це"),
    ("m", "surname", "ок"): ("ка", "ку", "ком", "ке"),
    ("m", "surname", "ь"): ("я", "ю", "ем", "е"),
    ("m", "surname", "й"): ("я", "ю", "ем", "е"),
    # masculine given names: Александр, Сергей, Дмитрий, Игорь, Павел, Никита
    ("m", "given", ""): ("а", "у", "ом", "е"),
    ("m", "given", "й"): ("я", "ю", "ем", "е"),
    ("m", "given", "ий"): ("ия", "ию", "ием", "ии"),
    ("m", "given", "ь"): ("я", "ю", "ем", "е"),
    ("m", "given", "ел"): ("ла", "лу", "лом", "ле"),
    ("m", "given", "ев"): ("ьва", "ьву", "ьвом", "ьве"),  # Лев -> Льва
    ("m", "given", "ётр"): ("етра", "етру", "етром", "етре"),  # Пётр -> Петра
    ("m", "given", "ек"): ("ька", "ьку", "ьком", "ьке"),
    ("m", "given", "ья"): ("ьи", "ье", "ью", "ьёй"),
    ("m", "given", "ж"): ("жа", "жу", "жем", "же"),
    ("m", "given", "ш"): ("ша", "шу", "шем", "ше"),
    ("m", "given", "ч"): ("ча", "чу", "чем", "че"),
    ("m", "given", "щ"): ("ща", "щу", "щем", "ще"),
    ("m", "given", "ц"): ("ца", "цу", "цем", "це"),
    ("m", "given", "а"): ("ы", "е", "у", "ой"),
    ("m", "given", "ка"): ("ки", "ке", "ку", "кой"),
    ("m", "given", "я"): ("и", "е", "ю", "ей"),
    # feminine given names: Светлана, Мария, Татьяна, Ольга, Любовь
    ("f", "given", "а"): ("ы", "е", "у", "ой"),
    ("f", "given", "ка"): ("ки", "ке", "ку", "кой"),
    ("f", "given", "га"): ("ги", "ге", "гу", "гой"),
    ("f", "given", "ха"): ("хи", "хе", "ху", "хой"),
    ("f", "given", "ша"): ("ши", "ше", "шу", "шей"),
    ("f", "given", "ия"): ("ии", "ию", "ией"),
    ("f", "given", "я"): ("и", "е", "ю", "ей"),
    ("f", "given", "ь"): ("и", "ью"),
    # patronymics: Григорьевич / Григорьевна
    ("m", "patronymic", "ич"): ("ича", "ичу", "ичем", "иче"),
    ("f", "patronymic", "на"): ("ны", "не", "ну", "ной"),
}
#: The person-name table of each language (Ukrainian shares the Belarusian one).
PERSON_ENDINGS: dict[str, dict[tuple[str, str, str], tuple[str, ...]]] = {
    "be": BE_ENDINGS,
    "uk": BE_ENDINGS,
    "ru": RU_ENDINGS,
}
_ENDING_LENGTHS = sorted(
    {len(e) for table in PERSON_ENDINGS.values() for (_, _, e) in table}, reverse=True
)

_ROLES = ("given", "patronymic", "surname")
#: A consonant stem with no rule of its own declines like any consonant stem;
#: these endings never do (vowels, signs, and the indeclinable -ко/-о).
_NO_DEFAULT = "аеёіоуыэюяьйи"


def _forms(word: str, lang: str, gender: str, role: str) -> list[str]:
    table = PERSON_ENDINGS[lang]
    lower = word.lower()
    for size in _ENDING_LENGTHS:
        ending = lower[-size:] if size else ""
        endings = table.get((gender, role, ending))
        if endings is None:
            continue
        if not ending and (not lower[-1:].isalpha() or lower[-1:] in _NO_DEFAULT):
            return []
        stem = word[: len(word) - size]
        return [stem + e for e in endings]
    return []


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
    if lang not in PERSON_ENDINGS:
        return ()
    if "-" in word.strip("-"):
        # Each part declines on its own (Римского-Корсакова); pair the forms case by case.
        parts = [_forms(part, lang, gender, role) for part in word.split("-")]
        if not all(parts) or len({len(p) for p in parts}) != 1:
            return ()
        forms = ["-".join(combo) for combo in zip(*parts, strict=True)]
    else:
        forms = _forms(word, lang, gender, role)
    return tuple(dict.fromkeys(f for f in forms if f != word))


# -- places and organizations ----------------------------------------------
# Nouns and adjectives decline case by case, so multi-word names
# (Еўрапейскі саюз -> Еўрапейскага саюза) are paired slot by slot. Each entry:
# (lang, nominative ending) -> endings for (genitive, dative, accusative,
# instrumental, locative); None keeps the nominative. Gender is not known from
# the ending alone (Беларусь is feminine, Гомель masculine), so a soft-sign
# noun gets both paradigms: over-generation only adds spellings nobody writes.
CASES: tuple[str, ...] = ("genitive", "dative", "accusative", "instrumental", "locative")
_Slots = tuple[str | None, str | None, str | None, str | None, str | None]

NOUN_ENDINGS: dict[tuple[str, str], tuple[_Slots, ...]] = {
    # Russian
    ("ru", "ь"): (("и", "и", None, "ью", "и"), ("я", "ю", None, "ем", "е")),
    ("ru", "ия"): (("ии", "ии", "ию", "ией", "ии"),),
    ("ru", "ка"): (("ки", "ке", "ку", "кой", "ке"),),
    ("ru", "а"): (("ы", "е", "у", "ой", "е"),),
    ("ru", "я"): (("и", "е", "ю", "ей", "е"),),
    ("ru", "й"): (("я", "ю", None, "ем", "е"),),
    ("ru", "ство"): (("ства", "ству", None, "ством", "стве"),),  # neuter: агентство
    ("ru", ""): (("а", "у", None, "ом", "е"),),
    # Belarusian (locative т -> ц, д -> дз before е; after к/г/х it is -у)
    ("be", "ь"): (("і", "і", None, None, "і"), ("я", "ю", None, "ем", "і")),
    ("be", "ія"): (("іі", "іі", "ію", "іяй", "іі"),),
    ("be", "ка"): (("кі", "цы", "ку", "кай", "цы"),),
    ("be", "ва"): (("вы", "ве", "ву", "вой", "ве"),),
    ("be", "да"): (("ды", "дзе", "ду", "дай", "дзе"),),  # Клайпеда -> Клайпедзе
    ("be", "та"): (("ты", "це", "ту", "тай", "це"),),  # Мета -> Меце
    ("be", "ства"): (("ства", "ству", None, "ствам", "стве"),),  # neuter: таварыства
    ("be", "цтва"): (("цтва", "цтву", None, "цтвам", "цтве"),),  # neuter: агенцтва
    ("be", "а"): (("ы", "е", "у", "ай", "е"),),
    ("be", "я"): (("і", "і", "ю", "яй", "і"),),  # спадарыня -> спадарыні
    ("be", "ст"): (("ста", "сту", None, "стам", "сце"),),
    ("be", "т"): (("та", "ту", None, "там", "це"),),
    ("be", "д"): (("да", "ду", None, "дам", "дзе"),),
    ("be", "к"): (("ка", "ку", None, "кам", "ку"),),
    ("be", "р"): (("ра", "ру", None, "рам", "ры"),),  # locative -ы after р: у цэнтры
    ("be", "ў"): (("ва", "ву", None, "вам", "ве"),),
    ("be", "й"): (("я", "ю", None, "ем", "і"),),
    ("be", ""): (("а", "у", None, "ам", "е"),),
    # Ukrainian (Київ -> Києва, Харків -> Харкова)
    ("uk", "ь"): (("і", "і", None, "ю", "і"), ("я", "ю", None, "ем", "і")),
    ("uk", "ія"): (("ії", "ії", "ію", "ією", "ії"),),
    ("uk", "їв"): (("єва", "єву", None, "євом", "єві"),),
    ("uk", "ів"): (("ова", "ову", None, "овом", "ові"),),
    ("uk", "а"): (("и", "і", "у", "ою", "і"),),
    ("uk", "й"): (("я", "ю", None, "єм", "ї"),),
    ("uk", ""): (("а", "у", None, "ом", "і"),),
}
ADJECTIVE_ENDINGS: dict[tuple[str, str], _Slots] = {
    ("ru", "ий"): ("ого", "ому", None, "им", "ом"),
    ("ru", "ый"): ("ого", "ому", None, "ым", "ом"),
    ("ru", "ой"): ("ого", "ому", None, "ым", "ом"),
    ("ru", "ая"): ("ой", "ой", "ую", "ой", "ой"),
    ("ru", "яя"): ("ей", "ей", "юю", "ей", "ей"),
    ("ru", "ое"): ("ого", "ому", None, "ым", "ом"),
    ("be", "кі"): ("кага", "каму", None, "кім", "кім"),
    ("be", "і"): ("ага", "аму", None, "ім", "ім"),
    ("be", "ы"): ("ага", "аму", None, "ым", "ым"),
    ("be", "ая"): ("ай", "ай", "ую", "ай", "ай"),
    ("be", "ае"): ("ага", "аму", None, "ым", "ым"),
    ("uk", "ий"): ("ого", "ому", None, "им", "ому"),
    ("uk", "ій"): ("ього", "ьому", None, "ім", "ьому"),
    ("uk", "а"): ("ої", "ій", "у", "ою", "ій"),
    ("uk", "е"): ("ого", "ому", None, "им", "ому"),
}
_NOUN_LENGTHS = sorted({len(e) for (_, e) in NOUN_ENDINGS}, reverse=True)
_ADJECTIVE_LENGTHS = sorted({len(e) for (_, e) in ADJECTIVE_ENDINGS}, reverse=True)
_VOWEL_ENDINGS = "аеёіїоуыэюяєи"


def _word_paradigms(word: str, lang: str, *, adjective_first: bool) -> list[_Slots]:
    lower = word.lower()
    if adjective_first:
        for size in _ADJECTIVE_LENGTHS:
            slots = ADJECTIVE_ENDINGS.get((lang, lower[-size:]))
            if slots is not None and len(lower) > size + 2:
                stem = word[: len(word) - size]
                return [tuple(None if e is None else stem + e for e in slots)]  # type: ignore[list-item]
    for size in _NOUN_LENGTHS:
        ending = lower[-size:] if size else ""
        paradigms = NOUN_ENDINGS.get((lang, ending))
        if paradigms is None:
            continue
        if not ending and (not lower[-1:].isalpha() or lower[-1:] in _VOWEL_ENDINGS):
            return []  # indeclinable vowel stems (Гродно, Мінск-на-...) keep their form
        stem = word[: len(word) - size]
        return [tuple(None if e is None else stem + e for e in slots) for slots in paradigms]  # type: ignore[misc]
    return []


@lru_cache(maxsize=65536)
def noun_case_forms(name: str, lang: str) -> tuple[str, ...]:
    """Oblique case forms of a place or organization name in ``be``, ``ru`` or ``uk``.

    Words of a multi-word name decline together case by case; an adjective
    before the head noun takes the adjective endings. Words with no known
    paradigm (a genitive complement, an abbreviation) stay as they are.

    >>> noun_case_forms("Еўрапейскі саюз", "be")[0]
    'Еўрапейскага саюза'
    >>> "Беларуси" in noun_case_forms("Беларусь", "ru")
    True
    """
    if lang not in ("be", "ru", "uk") or not name.strip():
        return ()
    words = name.split(" ")
    per_word: list[list[_Slots]] = []
    for number, word in enumerate(words):
        if not word.isalpha() or any(c.isupper() for c in word[1:]):  # БелТА, numbers
            per_word.append([])
            continue
        per_word.append(_word_paradigms(word, lang, adjective_first=number < len(words) - 1))
    if not any(per_word):
        return ()
    forms: list[str] = []
    width = max(len(p) for p in per_word)
    for variant in range(width):
        for slot in range(len(CASES)):
            parts = []
            for word, paradigms in zip(words, per_word, strict=True):
                chosen = paradigms[min(variant, len(paradigms) - 1)] if paradigms else None
                parts.append(chosen[slot] or word if chosen else word)
            form = " ".join(parts)
            if form != name and form not in forms:
                forms.append(form)
    return tuple(forms)


@lru_cache(maxsize=4096)
def word_case_forms(word: str, lang: str, *, adjective: bool = False) -> tuple[str, ...]:
    """Oblique case forms of one common noun (or ``adjective``) in ``be``, ``ru`` or ``uk``,
    by the tables that decline place and organization names; empty when none applies.

    >>> word_case_forms("центр", "ru")
    ('центра', 'центру', 'центром', 'центре')
    >>> word_case_forms("праваабарончы", "be", adjective=True)
    ('праваабарончага', 'праваабарончаму', 'праваабарончым')
    """
    if lang not in ("be", "ru", "uk") or not word.isalpha():
        return ()
    forms: list[str] = []
    for slots in _word_paradigms(word, lang, adjective_first=adjective):
        forms.extend(f for f in slots if f is not None and f != word and f not in forms)
    return tuple(forms)
