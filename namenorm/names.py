"""Name structure: split a spelling into words, titles, initials and roles.

:func:`split_query` turns a query into :class:`Word` values after dropping
titles ("President", "Mr", "спадар"), English possessives ("Lukashenko's"),
and punctuation; initials ("A.", "A.G.", "А. Г.") become single-letter words
flagged as initials. :func:`parse_registry_name` splits a stored spelling
("Given [Patronymic] Surname") into its parts.

Left out: deciding which word of a query is the surname; the index tries the
plausible splits and keeps the one the registry supports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import clean, is_cyrillic

__all__ = [
    "DESCRIPTORS",
    "PARTICLES",
    "SUFFIXES",
    "TITLES",
    "NameParts",
    "Word",
    "is_patronymic",
    "parse_registry_name",
    "split_query",
    "without_titles",
]

#: Titles and honorifics dropped from the front of a query (case-insensitive).
TITLES: frozenset[str] = frozenset(
    """
    president mr mrs ms miss mx dr prof professor sir dame madam mme mlle m herr frau pan pani
    pres gen general minister premier leader lawyer activist journalist opposition laureate
    nobel ex former late citizen comrade mister mistress envoy special foreign prime deputy vice
    chief head secretary ambassador speaker chairman chairwoman chair spokesman spokeswoman
    mayor governor dictator exiled jailed imprisoned detained released dissident blogger
    politician musician banker candidate defender self-proclaimed de-facto
    belarusian russian ukrainian lithuanian polish latvian american german french
    us u.s. eu state
    президент господин госпожа г-н г-жа гражданин гражданка товарищ спадар спадарыня пан пані
    прэзідэнт кіраўнік лидер лідар премьер прэм'ер министр міністр оппозиционер палітвязень
    политзаключенный белорусский беларускі российский расейскі
    """.split()
)
#: Generational suffixes: a name with one is a different person from the plain name.
SUFFIXES: frozenset[str] = frozenset("jr junior sr senior ii iii iv мл младший ст старший".split())
#: Words that may stand around an organization's or place's own name without
#: changing what it names: legal forms, generic nouns, "of Belarus". Words that
#: make it another entity (region, oblast, state, party, council) are not here.
DESCRIPTORS: frozenset[str] = frozenset(
    """
    the a of and jsc pjsc ojsc cjsc oao zao pao ooo llc ltd inc plc ag gmbh sa co corp
    corporation company group holding airlines airline agency news centre center
    human rights organization organisation movement initiative foundation fund
    republic city dc
    belarus belarusian belarusians russia russian lithuania lithuanian america american
    ukraine ukrainian poland polish european international
    centrum obrony praw człowieka spółka akcyjna
    оао зао пао ооо ао таа аат компания кампанія компанія пц
    правозащитный правозащитного правозащитному правозащитным правозащитном
    праваабарончы праваабарончага праваабарончаму праваабарончым
    правозахисний правозахисного правозахисному правозахисним
    центр центра центру центром центре цэнтр цэнтра цэнтру цэнтрам цэнтры
    авиакомпания авиакомпании авиакомпанию авиакомпанией авіякампанія авіякампаніі
    авіакомпанія авіакомпанії агентство агентства агенцтва агенцтва
    """.split()
)
#: Lower-case name particles that belong to a surname (von der Leyen, de Gaulle).
PARTICLES: frozenset[str] = frozenset(
    "von van der den de da di du la le del dos das bin al ibn ter".split()
)

_PATRONYMIC = re.compile(
    r"(?:ович|евич|ьевич|ич|овна|евна|ьевна|ична|інічна|авіч|евіч|івіч|ыч|іч|аўна|еўна|"
    r"ovich|evich|ovych|evych|yevich|ievich|avich|ievič|avič|ovič|evič|ich|ič|ovna|evna|"
    r"ichna|auna|euna|aŭna|eŭna|ovitch|evitch|owitsch|ewitsch|owicz|ewicz)\Z",
    re.IGNORECASE,
)
#: English possessives, and Lithuanian case endings written after an apostrophe
#: on foreign names (Coale'as, Coale'ui): always lower case.
_POSSESSIVE = re.compile(r"(?:'s|'|'ы|s'|'(?-i:[a-ząčęėįšųūž]{1,3}))\Z", re.IGNORECASE)
_INITIALS = re.compile(r"\A(?:[^\W\d_]\.)+[^\W\d_]?\.?\Z")
#: An initial written against the next word: "Т.Хомич", "A.Lukashenko".
_INITIAL_GLUED = re.compile(r"(?<![^\W\d_])([^\W\d_]\.)(?=[^\W\d_]{2})")
_SPLIT = re.compile(r"[\s\-–—/,;:()\[\]\"«»„“”!?]+")


@dataclass(frozen=True)
class Word:
    """One word of a query: its text, whether it is an initial, and whether it
    leads the query as a title ("President", "envoy") that may be dropped."""

    text: str
    initial: bool = False
    title: bool = False


def is_patronymic(word: str) -> bool:
    """Whether ``word`` ends like an East Slavic patronymic (-ovich, -ауна, -овна, ...)."""
    return len(word) > 5 and bool(_PATRONYMIC.search(word))


def split_query(text: str) -> list[Word]:
    """The words of a query with titles, possessives and punctuation removed.

    >>> [(w.text, w.title) for w in split_query("President Lukashenko's")]
    [('President', True), ('Lukashenko', False)]
    >>> [(w.text, w.initial) for w in split_query("Lukashenko A.G.")]
    [('Lukashenko', False), ('A', True), ('G', True)]
    """
    words: list[Word] = []
    for raw in _SPLIT.split(_INITIAL_GLUED.sub(r"\1 ", clean(text))):
        token = raw.strip(".'")
        if not token:
            continue
        if _INITIALS.match(raw) or (len(token) == 1 and token.isalpha()):
            words.extend(Word(letter, initial=True) for letter in token.replace(".", ""))
            continue
        token = _POSSESSIVE.sub("", token) if len(token) > 3 and not is_cyrillic(token) else token
        if any(c.isalpha() for c in token):
            words.append(Word(token))
    # Leading titles, and in Latin copy any lower-case words before the name
    # ("envoy John Coale"), except particles that belong to it ("von der Leyen").
    for number, word in enumerate(words[:-1]):
        text = word.text
        if not (
            text.casefold().rstrip(".") in TITLES
            or (text.islower() and not is_cyrillic(text) and text not in PARTICLES)
        ):
            break
        words[number] = Word(text, word.initial, title=True)
    return words


def without_titles(words: list[Word]) -> list[Word]:
    """The words after the leading titles."""
    return [w for w in words if not w.title]


@dataclass(frozen=True)
class NameParts:
    """A stored person name split into given name, patronymic and surname."""

    given: str
    patronymic: str
    surname: str


def parse_registry_name(text: str, *, kind: str = "person") -> NameParts:
    """Split a stored spelling written "Given [Patronymic] Surname".

    Organizations and places, and one-word names, are all surname: the whole
    spelling is matched as one unit. Non-Slavic names with more than two words
    keep everything after the first word as the surname ("von der Leyen").
    """
    words = [w for w in clean(text).split(" ") if w.strip(".-")]
    if kind != "person" or len(words) < 2:
        return NameParts("", "", " ".join(words))
    if len(words) == 3 and is_patronymic(words[1]):
        return NameParts(words[0], words[1], words[2])
    return NameParts(words[0], "", " ".join(words[1:]))
