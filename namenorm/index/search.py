"""The query side: from a query string to scored candidate entities.

A query is cleaned with the same function as the registry names, tried as a
full spelling first, then split into words; each plausible surname span (or
whole organization or place name) is looked up by surface, then by sound
key, then by its case ending read back (``namenorm.lemmas``), then (only when
all fail) in the typo neighbourhood. Each unit found brings the entities
that bear it, which ``namenorm.index.score`` scores against the rest of the
query.

Left out: the scores themselves and deciding between candidates.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ..errors import QueryTooLongError
from ..keys import (
    has_lithuanian_ending,
    leading_keys,
    lithuanian_stems,
)
from ..knowledge import AliasTable
from ..knowledge.descriptors import DescriptorTable
from ..knowledge.gazetteer import is_place_name
from ..knowledge.keyboard import keystroke_fixes
from ..knowledge.othernames import (
    OtherName,
    common_surname,
    declension_clash,
    dictionary_name,
    feminine_ending,
    feminine_of,
    other_name,
)
from ..lemmas import is_plural_surname, lemmas, word_gender
from ..match import THRESHOLD, Evidence
from ..names import Word, split_query, without_titles
from ..text import clean
from ..vocab import Method
from .decide import numbers_agree
from .score import Candidate, Scorer
from .shape import (
    MAX_FUNCTION_WORDS,
    MAX_NAME_WORDS,
    MAX_QUERY_LENGTH,
    MAX_SPAN_WORDS,
    MAX_WORD_LENGTH,
    check_name_size,
    surname_spans,
)
from .spellings import coarse, query_keys, unit_surface
from .tables import Tables
from .typos import deletions, is_typo, keystroke_readings, max_edits, vowel_clash
from .work import counting, current

__all__ = [
    "MAX_FUNCTION_WORDS",
    "MAX_NAME_WORDS",
    "MAX_QUERY_LENGTH",
    "MAX_SPAN_WORDS",
    "MAX_WORD_LENGTH",
    "Searcher",
    "check_name_size",
    "surname_spans",
]

#: Widest run tried in the typo pass (the whole query aside): the typo
#: neighbourhood of a key grows with the square of its length.
_TYPO_SPAN_WORDS = 2
#: How much longer than the longest one-word registry key a word's key may be
#: for its swapped-letter readings to be tried (a swap changes a key's length
#: by a symbol or two; each reading costs as much as the word's own keys).
_SWAP_KEY_SLACK = 3

#: From this many letters a word alone may be read with any typo the near keys allow.
_LONG_ALONE = 10
#: A word ending in one of these is Lithuanian (Alesį, Kęstutį).
_LITHUANIAN_LETTERS = frozenset("ąęėįųūāēīģķļņ")  # Lithuanian and Latvian only
#: In a lazily built index, how many sound-alike units per query word are
#: romanized in every system to look for the exact spelling.
_ROMANIZE_BEST = 1
#: Sound-alike units kept per query word: at most this many, and none less
#: similar than the best by more than the window.
_MAX_SOUNDALIKES = 12
_SIMILARITY_WINDOW = 0.3


class Found(NamedTuple):
    """A unit a query span may be, how it was found, how alike its closest
    spelling is (0-1), that spelling, and the gender a match requires (or None)."""

    unit: int
    level: Method
    similarity: float
    evidence: Evidence
    gender: str | None
    note: str = ""


class Searcher:
    """Finds and scores the candidates for a query in one index's tables."""

    def __init__(self, tables: Tables, scorer: Scorer) -> None:
        self.tables = tables
        self.scorer = scorer
        # Typo searches for keys much longer than any registry key find nothing:
        # skip them (their neighbourhoods grow with the square of the length).
        self.longest_key = tables.longest_key
        self.longest_word_key = tables.longest_word_key
        self._aliases: AliasTable | None = None
        self._descriptors: DescriptorTable | None = None

    @property
    def aliases(self) -> AliasTable:
        """Other names of the registry's places from the knowledge tables (built
        on the first query that needs them)."""
        if self._aliases is None:
            self._aliases = AliasTable.build(self.tables.entities)
        return self._aliases

    @property
    def descriptors(self) -> DescriptorTable:
        """The registry's organizations by translated name (built on first use)."""
        if self._descriptors is None:
            self._descriptors = DescriptorTable.build(self.tables.entities)
        return self._descriptors

    def candidates(self, query: str, kind: str | None) -> list[Candidate]:
        """Every candidate entity for ``query`` (of ``kind``, if given), best first
        (the typo pass within the caps of ``namenorm.index.work``)."""
        with counting():
            return self._candidates(query, kind)

    def _candidates(self, query: str, kind: str | None) -> list[Candidate]:
        if not isinstance(query, str):
            raise TypeError(f"query must be a str, not {type(query).__name__}")
        if len(query) > MAX_QUERY_LENGTH:
            raise QueryTooLongError(
                f"query is {len(query)} characters long; expected at most {MAX_QUERY_LENGTH}"
            )
        text = clean(query)
        if not text:
            return []
        full, entities = self.tables.full, self.tables.entities
        best: dict[int, Candidate] = {}
        for entity, evidence in full.get(text.casefold(), ()):
            best[entity] = Candidate(entity, 100.0, "exact", evidence, evidence.spelling)
        all_words = [] if best else split_query(text)
        words = without_titles(all_words)
        if not best and words:
            joined = " ".join(w.text for w in words).casefold()
            untitled = self.scorer.scoring.untitled_full
            for entity, evidence in full.get(joined, ()):
                best[entity] = Candidate(entity, untitled, "exact", evidence, evidence.spelling)
        if not best:
            check_name_size(words)
        # Titles first count as words (Human Rights House); if nothing fits, without them.
        titled = len(words) < len(all_words) <= MAX_NAME_WORDS
        # "the Tsikhanouskis" is a family in English, not a Lithuanian nominative.
        article = any(w.title and w.text.casefold() == "the" for w in all_words)
        for attempt in (all_words, words) if titled else (words,):
            if best or not attempt:
                break
            for candidate in self.structural(attempt, family=article):
                current = best.get(candidate.entity)
                if current is None or candidate.score > current.score:
                    best[candidate.entity] = candidate
        if words and all(c.score < THRESHOLD for c in best.values()):
            for candidate in self.known_names(all_words if titled else words):
                current = best.get(candidate.entity)
                if current is None or candidate.score > current.score:
                    best[candidate.entity] = candidate
        found = [c for c in best.values() if kind in (None, entities[c.entity].kind)]
        found = [c for c in found if numbers_agree(text, c)]
        found.sort(key=lambda c: (-c.score, entities[c.entity].id))
        return found

    def known_names(self, words: list[Word]) -> Iterator[Candidate]:
        """Candidates from the knowledge tables: the query is another name of a
        registry place (Memel, Allemagne), or one with a foreign case ending."""
        s = self.scorer.scoring
        text = " ".join(w.text for w in words)
        found = False
        for alias, inflected in self.aliases.find(text):
            if inflected and is_place_name(text):
                continue  # Brescia is a city of its own, no case form of Brest
            found = True
            evidence = alias.evidence
            if inflected:
                note = "read through a foreign case ending" if evidence.system == "stored" else ""
                yield Candidate(
                    alias.entity, s.alias_inflected, "key", evidence, evidence.spelling, note
                )
            else:
                yield Candidate(alias.entity, s.alias, "exact", evidence, evidence.spelling)
        if found:
            return
        hits = self.aliases.acronyms.find([w.text for w in words])
        stored = [hit for hit in hits if hit.evidence.system == "stored"]
        for hit in stored or hits:  # the registry's own names first
            found = True
            named = hit.evidence
            system = "expansion" if hit.expanded else "initials"
            evidence = Evidence(named.spelling, named.source, named.lang, system)
            yield Candidate(hit.entity, s.acronym, "key", evidence, named.spelling)
        if found:
            return
        translated = self.descriptors.find(text)
        if translated is not None:
            named = translated.evidence
            yield Candidate(translated.entity, s.translated, "key", named, named.spelling)

    def structural(self, words: list[Word], *, family: bool = False) -> Iterator[Candidate]:
        """Candidates from the query's words: a surname span found, the rest scored
        (``family``: an English article leads the query, so -s is a plural)."""
        spans = surname_spans(words)
        named = [w for w in words if not w.initial]
        # Lithuanian and Latvian copy add -as/-is/-ys/-us/-s to foreign names.
        # In a query of several words one of them must show it; a word alone
        # is read back only to a man's name and only when it names nothing as
        # written (see find_units).
        lithuanian = (len(named) > 1 or not family) and any(
            has_lithuanian_ending(w.text) or w.text[-1:] in _LITHUANIAN_LETTERS for w in named
        )
        people, postings = self.tables.people, self.tables.postings
        found_any = False
        for fuzzy in (False, True):
            for start, end in spans:
                if fuzzy and _TYPO_SPAN_WORDS < end - start < len(words):
                    continue
                unit_text = " ".join(w.text for w in words[start:end])
                rest = words[:start] + words[end:]
                baltic = len(named) == 1 and lithuanian and has_lithuanian_ending(unit_text)
                found = self.find_units(
                    unit_text, fuzzy=fuzzy, lithuanian=lithuanian, several=len(named) > 1
                )
                for unit, level, similarity, variant, gender, why in found:
                    for entity in postings.get(unit, ()):
                        if gender and people[entity].gender not in ("", gender):
                            continue  # a feminine case form never names a man, nor the reverse
                        candidate = self.scorer.score(
                            entity,
                            level,
                            similarity,
                            variant,
                            rest,
                            lithuanian=lithuanian,
                            surname_last=end == len(words),
                            surname=unit_text,
                        )
                        if candidate is not None and baltic and gender == "m" and level == "key":
                            why = "read through a Lithuanian or Latvian nominative ending"
                        if candidate is not None and why:
                            candidate.note = "; ".join(n for n in (candidate.note, why) if n)
                        if candidate is not None:
                            found_any = True
                            yield candidate
            if found_any:
                return

    def find_units(
        self, text: str, *, fuzzy: bool, lithuanian: bool = False, several: bool = False
    ) -> Iterator[Found]:
        """Units a query span may be (see :data:`Found`)."""
        wanted = unit_surface(text)
        keys = query_keys(text, lithuanian=lithuanian and several)
        if " " not in text and not lithuanian and is_plural_surname(text):
            return  # "Cichanouscy", "Тихановские": a family, not one of its members
        gender = word_gender(text) if " " not in text else None
        if not fuzzy:
            seen: set[int] = set()
            for unit, variant in self.tables.surfaces.get(wanted, ()):
                if unit not in seen:
                    seen.add(unit)
                    yield Found(unit, "exact", 1.0, self.tables.units[unit].variants[variant], None)
            if seen:  # the word is a known spelling: sound-alikes of other names are weaker
                return
            yield from self.screened(text, self.sound_alikes(keys, wanted, gender, seen), several)
            if seen:
                return
            if lithuanian and not several and " " not in text:
                # A Lithuanian or Latvian nominative of a man's name (Putinas,
                # Zelenskis): the bare stem, spelled or sounding; not a common
                # surname of its own (Šimonis). Being in print is no evidence:
                # the registry's own names are, in these forms (Putinas).
                known = common_surname(text)
                for stem in lithuanian_stems(text):
                    for unit, _, similarity, evidence, _, _ in self.sound_alikes(
                        query_keys(stem), wanted, "m", seen
                    ):
                        if known is None or self.spells(unit, known):
                            yield Found(unit, "key", similarity, evidence, "m")
                if seen:
                    return
            # A case form in a language the registry does not store (Łukaszenki,
            # Лукашенком): read the ending back, keeping the gender it requires.
            for lemma, required, ambiguous, role in lemmas(text) if " " not in text else ():
                if (ambiguous and not several) or role in ("given", "patronymic"):
                    continue
                lemma_keys = query_keys(lemma, lithuanian=lithuanian)
                other = None if several else dictionary_name(text)
                for unit, level, similarity, evidence, _, _ in self.sound_alikes(
                    lemma_keys, wanted, required, seen
                ):
                    if not several and required == "m" and feminine_ending(text, lemma):
                        continue  # Putina alone: a woman, or the man in Polish; no answer
                    if other is not None and other.loose and not self.spells(unit, other):
                        continue  # Mazury: a name of its own, no case form of Mazyr
                    yield Found(
                        unit, "key" if level == "exact" else level, similarity, evidence, required
                    )
            return
        floor = self.scorer.scoring.min_fuzzy_similarity
        tables = self.tables
        # Every unit of every near key, scored in one pass over their stored surfaces.
        near = list(self.near_keys(keys[:4], text))
        units = list(dict.fromkeys(u for other in near for u in tables.keys.get(other, ())))
        # A word one real typing error from a spelling is credited as such even
        # when the near keys found it less alike (Trunp, Lukashenak).
        typing = {f.unit: f for f in self.keystroke_typos(text, gender)} if " " not in text else {}
        for unit, (similarity, variant) in zip(
            units, tables.closest_of(units, wanted), strict=True
        ):
            keyed = typing.pop(unit, None)
            if keyed is not None and keyed.similarity >= similarity:
                yield from self.screened(text, [keyed], several)
            elif similarity >= floor:
                evidence = tables.units.variant_of(unit, variant)
                found = Found(unit, "fuzzy", similarity, evidence, gender)
                yield from self.screened(text, [found], several)
        if typing:
            yield from self.screened(text, list(typing.values()), several)

    def keystroke_typos(self, text: str, gender: str | None) -> list[Found]:
        """Units spelled one real typing error from the word (``typos.keystroke_readings``)."""
        credit = self.scorer.scoring.keystroke_similarity
        return [
            Found(unit, "fuzzy", credit, evidence, gender, note)
            for unit, evidence, note in keystroke_readings(self.tables, text, gender)
        ]

    def screened(self, text: str, found: list[Found], several: bool) -> list[Found]:
        """Sound-key and typo hits of a one-word span, less those the word's own
        identity refutes (``namenorm.knowledge.othernames``): a different
        Baltic ending (Budrus is not Budrys); for a word alone, a known other
        name (Bielecki, Городня, a GeoNames city), and the feminine form of a
        man's surname (Putina) asks for a woman."""
        if " " in text or all(f.level == "exact" for f in found):
            return found
        # With a given name beside it the word is checked by the scorer; alone,
        # what the lexicons know of it is the only other evidence.
        other = None if several else other_name(text)
        kept: list[Found] = []
        for hit in found:
            if hit.level == "exact":
                kept.append(hit)
                continue
            spelling = hit.evidence.spelling
            if declension_clash(text, spelling):
                continue
            if (
                other is not None
                and (other.loose or hit.level == "fuzzy")
                and not self.spells(hit.unit, other)
            ):
                continue
            if not several and not self.alone_plausible(text, hit):
                continue
            if not several and feminine_of(text, spelling):
                hit = hit._replace(gender="f")
            kept.append(hit)
        return kept

    def alone_plausible(self, text: str, hit: Found) -> bool:
        """A name alone under :data:`_LONG_ALONE` letters, one from many others,
        is a typo reading only through one real typing error (Ivashkin is not
        Ivashin, Belstat not Belsat), and so is a sound-alike whose stem vowels
        differ (``typos.vowel_clash``: Markel). Places have foreign spellings."""
        if hit.level == "key" and not vowel_clash(text, hit.evidence.spelling):
            return True
        tables = self.tables
        if sum(c.isalpha() for c in text) >= _LONG_ALONE or any(
            tables.entities[e].kind == "place" for e in tables.postings.get(hit.unit, ())
        ):
            return True
        surfaces = set(tables.units[hit.unit].surfaces)
        typed = unit_surface(text).replace(" ", "")  # Tsikha-nouskaya: a word broken
        return typed in surfaces or any(fixed in surfaces for fixed in keystroke_fixes(typed))

    def spells(self, unit: int, other: OtherName) -> bool:
        """Whether a lexicon's reading of a word spells ``unit`` (Лукашенко), or may."""
        if other.russian_reading and not self.scorer.spelled_in(unit, "ru"):
            return True  # no Russian spelling to tell the reading from (Kolesnikova)
        return bool(other.lemma) and unit_surface(other.lemma) in self.tables.units[unit].surfaces

    def sound_alikes(
        self, keys: tuple[str, ...], wanted: str, gender: str | None, seen: set[int]
    ) -> list[Found]:
        """Units sharing a sound key with the query (else a coarse key), the ones
        spelled closest first; ``seen`` collects the units returned."""
        tables = self.tables
        for table, folded in ((tables.keys, keys), (tables.coarse, tuple(map(coarse, keys)))):
            units: list[int] = []
            for key in folded:
                for unit in table.get(key, ()):
                    if unit not in seen and tables.fits_gender(unit, gender):
                        seen.add(unit)
                        units.append(unit)
            if units:
                hits = [
                    (similarity, unit, variant)
                    for unit, (similarity, variant) in zip(
                        units, tables.closest_of(units, wanted), strict=True
                    )
                ]
                return self.closest_few(hits, wanted, gender)
        return []

    def closest_few(
        self, hits: list[tuple[float, int, int]], wanted: str, gender: str | None
    ) -> list[Found]:
        """In a large registry many names share a sound key: keep the ones spelled
        closest to the query (``hits``: similarity, unit, variant), and in a
        lazily built index romanize the closest few in every system, since one
        of those may be the very spelling asked for."""
        hits.sort(key=lambda hit: -hit[0])
        floor = hits[0][0] - _SIMILARITY_WINDOW
        kept: list[Found] = []
        units = self.tables.units
        for rank, (similarity, unit, variant) in enumerate(hits[:_MAX_SOUNDALIKES]):
            if similarity < floor:
                break
            if rank < _ROMANIZE_BEST and not self.tables.eager and not units[unit].generated_yet:
                units[unit].generate()
                similarity, evidence = self.scorer.closest(unit, wanted)
            else:
                evidence = units.variant_of(unit, variant)
            level: Method = "exact" if similarity == 1.0 else "key"
            kept.append(Found(unit, level, similarity, evidence, gender))
        return kept

    def near_keys(self, keys: tuple[str, ...], text: str) -> Iterator[str]:
        """Registry keys within the typo budget of any of ``keys`` (blocked by the
        deletion neighbourhood, never a scan), plus keys of ``text`` with two
        adjacent letters swapped back (Bialiatksi -> Bialiatski)."""
        known, near_to = self.tables.keys, self.tables.deletes.near
        work = current()
        seen: set[str] = set()
        letters = sum(1 for c in text if c.isalpha())
        for key in keys:
            # Typos are made in letters; a key folds vowel runs, so one dropped
            # consonant can cost two key symbols (Tsikhaouskaya).
            allowed = max(max_edits(key), 2 if letters >= 11 and len(key) >= 6 else 0)
            if not allowed or len(key) > self.longest_key + allowed:
                continue  # nothing in the index is that close to so long a key
            near = {key} | deletions(key)
            if not work.probe(len(near)):
                break
            for probes in (
                near,
                {d2 for d in near for d2 in deletions(d)}
                if allowed > 1 and work.probe(len(near) * (len(key) - 1))
                else set(),
            ):
                for other in near_to(probes):  # keys a probe is a deletion of, or is
                    if other not in seen and is_typo(key, other, allowed):
                        seen.add(other)
                        yield other

        if (
            not seen
            and " " not in text
            and 5 <= len(text) <= 40
            and keys
            and len(keys[0]) <= self.longest_word_key + _SWAP_KEY_SLACK
        ):
            for i in range(1, len(text) - 2):  # never the first letter or the ending
                if text[i] == text[i + 1]:
                    continue  # the same word
                if not work.swap():
                    break
                swapped = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
                for other in leading_keys(swapped, 2):
                    if other in known and other not in seen and other[:1] == keys[0][:1]:
                        seen.add(other)
                        yield other
