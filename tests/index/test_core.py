"""The resolver, rule by rule, and its refusals.

The unit tests run on the ``people`` fixture registry (tests/index/conftest.py):
it stores only each entity's preferred English, Belarusian and Russian
spellings, so every romanization, case form and correspondence resolved here
is made by the rule the test names. Rules that need one particular spelling
write their own registry. The last tests run the shipped registry, whose
many neighbours are the point there.
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namenorm import Match, QueryTooLongError, Registry, UnknownKindError
from namenorm.index import MAX_NAME_WORDS, MAX_WORD_LENGTH
from namenorm.match import THRESHOLD
from namenorm.names import split_query, without_titles

LUKASHENKA = "lukashenka-alaksandr"
TSIKHANOUSKAYA = "tsikhanouskaya-sviatlana"
KALESNIKAVA = "kalesnikava-maria"
BIALIATSKI = "bialiatski-ales"


def resolved(registry: Registry, query: str) -> str | None:
    match = registry.resolve(query)
    return match.id if match else None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # romanization systems, generated from the Cyrillic source forms
        ("Lukašenka", LUKASHENKA),
        ("Łukašenka", LUKASHENKA),
        ("Lukaschenko", LUKASHENKA),
        ("Loukachenko", LUKASHENKA),
        ("Łukaszenko", LUKASHENKA),
        ("Aljaksandr Lukašenka", LUKASHENKA),
        ("Sviatlana Cichanoŭskaja", TSIKHANOUSKAYA),
        ("Swjatlana Tichanowskaja", TSIKHANOUSKAYA),
        ("Svetlana Tikhanovskaïa", TSIKHANOUSKAYA),
        ("Byalyatski", BIALIATSKI),
        # between systems
        ("Tsikhanovskaya", TSIKHANOUSKAYA),
        ("Tichanovskaja", TSIKHANOUSKAYA),
        ("Cichanouskaja", TSIKHANOUSKAYA),
    ],
)
def test_romanization_systems_and_mixtures(people: Registry, query: str, expected: str) -> None:
    assert resolved(people, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kolesnikova", KALESNIKAVA),
        ("Maria Kolesnikova", KALESNIKAVA),
        ("Belyatsky", BIALIATSKI),
        ("Ales Belyatsky", BIALIATSKI),
        ("Alexander Lukashenko", LUKASHENKA),
        ("Svetlana Tikhanovskaya", TSIKHANOUSKAYA),
        ("Sergei Tikhanovsky", "tsikhanouski-siarhei"),
        ("Viktor Babariko", "babaryka-viktar"),
    ],
)
def test_belarusian_russian_correspondences(people: Registry, query: str, expected: str) -> None:
    assert resolved(people, query) == expected


def test_belarusian_russian_with_one_cyrillic_form_only(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "one.csv"
    path.write_text(
        "id,kind,lang,name,preferred\nk,person,be,Марыя Калеснікава,1\nk,person,en,Maria Kalesnikava,1\n",
        encoding="utf-8",
    )
    registry = Registry.from_csv(path)
    assert resolved(registry, "Мария Колесникова") == "k"
    assert resolved(registry, "Maria Kolesnikova") == "k"
    assert resolved(registry, "Kolesnikova") == "k"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Калеснікавай", KALESNIKAVA),
        ("Колесниковой", KALESNIKAVA),
        ("Марии Колесниковой", KALESNIKAVA),
        ("Беляцкого", BIALIATSKI),
        ("Тихановскую", TSIKHANOUSKAYA),
        ("Святлане Ціханоўскай", TSIKHANOUSKAYA),
        ("Лукашэнка", LUKASHENKA),
        ("Лукашенко", LUKASHENKA),
        ("Виктора Бабарико", "babaryka-viktar"),
    ],
)
def test_cyrillic_and_case_forms(people: Registry, query: str, expected: str) -> None:
    assert resolved(people, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Swiatłany Cichanouskiej", TSIKHANOUSKAYA),  # Polish genitive
        ("Cichanouskiej", TSIKHANOUSKAYA),
        ("Siarhieja Cichanouskiego", "tsikhanouski-siarhei"),
        ("Alaksandra Łukaszenki", LUKASHENKA),
        ("Aliaksandro Lukašenkos", LUKASHENKA),  # Lithuanian genitive
        ("Alexandru Lukašenkovi", LUKASHENKA),  # Czech dative
        ("Олександром Лукашенком", LUKASHENKA),  # Ukrainian instrumental
        ("Алеся Біляцького", BIALIATSKI),
        ("Łukašenkam", LUKASHENKA),  # romanized Belarusian instrumental
        ("Władimira Putina", "putin-vladimir"),
    ],
)
def test_case_forms_the_registry_does_not_store(
    people: Registry, query: str, expected: str
) -> None:
    assert resolved(people, query) == expected


@pytest.mark.parametrize(
    "query", ["Cichanouscy", "Тихановские", "Ціханоўскія", "the Tsikhanouskis"]
)
def test_plural_family_names_are_refused(people: Registry, query: str) -> None:
    assert people.resolve(query) is None


def test_ambiguous_inflected_surname_is_refused(people: Registry) -> None:
    assert people.resolve("Бабарыку") is None
    assert {m.id for m in people.lookup("Бабарыку")} >= {"babaryka-viktar", "babaryka-eduard"}


@pytest.mark.parametrize(
    "query",
    [
        "Lukashenko Alexander",
        "A. Lukashenko",
        "Lukashenko A.G.",
        "А. Г. Лукашенко",
        "Александр Григорьевич Лукашенко",
        "Lukashenko",
        "Lukashenko's",
        "Lukashenko’s",
        "President Lukashenko",
        "LUKASHENKA",
        "ALIAKSANDR LUKASHENKA",
        "  Aliaksandr   Lukashenka ",
        "Lukashenko, Alexander",
    ],
)
def test_name_structure(people: Registry, query: str) -> None:
    assert resolved(people, query) == LUKASHENKA


def test_hyphenated_names(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "hyphen.csv"
    path.write_text(
        "id,kind,lang,name,preferred\n"
        "r,person,ru,Николай Римский-Корсаков,1\nr,person,en,Nikolai Rimsky-Korsakov,1\n",
        encoding="utf-8",
    )
    registry = Registry.from_csv(path)
    for query in (
        "Rimsky-Korsakov",
        "Rimsky Korsakov",
        "Nikolaj Rimskij-Korsakov",
        "Римского-Корсакова",
    ):
        assert resolved(registry, query) == "r", query


def test_titles_with_ambiguous_surname_stay_ambiguous(people: Registry) -> None:
    assert people.resolve("Mr Babaryka") is None
    assert resolved(people, "Mr Viktar Babaryka") == "babaryka-viktar"


@pytest.mark.parametrize(
    "query",
    [
        "Łukašenka",
        "Lukasenka",
        "Lukash\u0435nko",  # Cyrillic е in a Latin word
        "Luk\u043eshenko",  # Cyrillic о
        "Беляцк\u0069",  # Latin i in a Cyrillic word
        "Lukash\u200benka",  # zero-width space
        "Lukas\u030cenka",  # NFD
    ],
)
def test_diacritics_homoglyphs_and_invisibles(people: Registry, query: str) -> None:
    assert resolved(people, query) in {LUKASHENKA, BIALIATSKI}


def test_apostrophes_are_interchangeable(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "apostrophe.csv"
    path.write_text(
        "id,kind,lang,name,preferred\nm,person,be,Мар'я Сямёнава,1\nm,person,en,Maria Siamionava,1\n",
        encoding="utf-8",
    )
    registry = Registry.from_csv(path)
    assert resolved(registry, "Мар’я Сямёнава") == "m"
    assert resolved(registry, "Мар'я Сямёнава") == "m"
    assert resolved(registry, "Марʼя Семёнова") == "m"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Aliaksandr Lukashneka", LUKASHENKA),
        ("Sviatlana Tsikhanuoskaya", TSIKHANOUSKAYA),
        ("Sviatlana Tsikhanouskya", TSIKHANOUSKAYA),
        ("Maria Kalesnikva", KALESNIKAVA),
        ("Ales Bialiatsky", BIALIATSKI),
        ("Viktar Babarkya", "babaryka-viktar"),
    ],
)
def test_typos(people: Registry, query: str, expected: str) -> None:
    match = people.resolve(query)
    assert match is not None and match.id == expected
    assert match.method == "fuzzy" or match.method == "key"


@pytest.mark.parametrize(
    "query",
    [
        "Kolesnikov",  # the masculine form is another person
        "Kalesnikau",
        "Tsikhanouskaya Siarhei",  # feminine surname with a man's given name
        "Lukashevich",
        "Putilin",
        "Babarykin",
        "Galina Lukashenko",  # his wife, not in the registry (his sons are)
        "Babaryka",  # two Babarykas
        "Tsepkalo",  # two Tsepkalos
        "Sergei Shoigu",  # not in the registry
        "Maria Zakharova",
        "Freedom",
        "Znakov",
        "Bialiatskaya",
        "Victoria Babaryka",  # a woman's given name, as written, is not Viktar
    ],
)
def test_refusals(people: Registry, query: str) -> None:
    assert people.resolve(query) is None


def test_other_gender_form_resolves_to_the_other_person(people: Registry) -> None:
    assert resolved(people, "Tsikhanouski") == "tsikhanouski-siarhei"
    assert resolved(people, "Tsikhanouskaya") == TSIKHANOUSKAYA


def test_lookup_lists_ambiguous_candidates_best_first(people: Registry) -> None:
    matches = people.lookup("Tsepkalo", limit=5)
    assert [m.id for m in matches][:2] == ["tsepkalo-valery", "tsepkalo-veronika"]
    assert matches[0].score >= matches[1].score
    assert people.index.decide(matches) == "ambiguous"
    assert len(people.lookup("Tsepkalo", limit=1)) == 1


def test_a_best_candidate_under_the_threshold_is_unmatched(people: Registry) -> None:
    best = people.lookup("Valery Tsepkalo", limit=1)
    assert people.index.decide(best) == "matched"
    below = [dataclasses.replace(best[0], score=THRESHOLD - 0.1)]
    assert people.index.decide(below) == "unmatched"
    assert people.index.decide([]) == "unmatched"


def test_match_fields_and_explanation(people: Registry) -> None:
    match = people.resolve("Alexander Lukashenko")
    assert isinstance(match, Match)
    assert (match.id, match.kind, match.name, match.score, match.method) == (
        LUKASHENKA,
        "person",
        "Aliaksandr Lukashenka",
        100.0,
        "exact",
    )
    assert match.explain().startswith("'Alexander Lukashenko' is ")
    generated = people.resolve("Marija Kolesnikowa")
    assert generated is not None
    assert generated.explain() == (
        "'Marija Kolesnikowa' is the German press romanization of Мария Колесникова (ru)."
    )
    surname = people.resolve("Tikhanovskaïa")
    assert surname is not None
    assert surname.explain() == (
        "'Tikhanovskaïa' is the French press romanization of Тихановская (ru) (surname only)."
    )
    with pytest.raises(AttributeError):
        match.score = 1.0  # type: ignore[misc]


def test_lang_picks_the_display_spelling(people: Registry) -> None:
    match = people.resolve("Lukashenko", lang="be")
    assert match is not None and match.name == "Аляксандр Лукашэнка"
    match = people.resolve("Lukashenko", lang="xx")
    assert match is not None and match.name == "Aliaksandr Lukashenka"


def test_kind_filters_candidates(people: Registry) -> None:
    assert resolved(people, "Hrodna") == "hrodna"
    assert people.resolve("Hrodna", kind="person") is None
    place = people.resolve("Grodno", kind="place")
    assert place is not None and place.id == "hrodna"
    with pytest.raises(UnknownKindError, match="unknown kind 'robot'"):
        people.resolve("Hrodna", kind="robot")


def test_scores_are_calibrated(people: Registry) -> None:
    exact = people.resolve("Aliaksandr Lukashenka")
    key = people.resolve("Aliaksandr Lukashenko")
    fuzzy = people.resolve("Aliaksandr Lukashneka")
    assert exact is not None and key is not None and fuzzy is not None
    assert exact.score == 100.0
    assert 100.0 > key.score > fuzzy.score >= 80.0


@pytest.mark.parametrize("query", ["", "   ", "\u200b", "...", "'s"])
def test_empty_queries(people: Registry, query: str) -> None:
    assert people.resolve(query) is None
    assert people.lookup(query) == []


def test_bad_input(people: Registry) -> None:
    with pytest.raises(QueryTooLongError, match="513 characters long; expected at most 512"):
        people.resolve("a" * 513)
    with pytest.raises(ValueError):
        people.lookup("a" * 513)
    with pytest.raises(QueryTooLongError, match="a word of a name has at most"):
        people.resolve("a" * 512)
    assert people.resolve("a" * 24) is None
    with pytest.raises(TypeError, match="query must be a str, not int"):
        people.resolve(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        people.lookup(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="limit must be a positive int"):
        people.lookup("Lukashenka", limit=0)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_never_raises_on_any_str(people: Registry, query: str) -> None:
    try:
        match = people.resolve(query)
    except QueryTooLongError:  # more words, or a longer word, than a name has
        words = without_titles(split_query(query))
        assert len(words) > MAX_NAME_WORDS or max(len(w.text) for w in words) > MAX_WORD_LENGTH
        return
    matches = people.lookup(query, limit=3)
    assert match is None or 0.0 <= match.score <= 100.0
    assert all(0.0 <= m.score <= 100.0 for m in matches)
    assert match is None or (matches and matches[0].id == match.id)


# -- the shipped registry: the same rules among its many neighbours ----------
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Swjatlana Tichanowskaja", TSIKHANOUSKAYA),  # a generated romanization
        ("Viktor Babariko", "babaryka-viktar"),  # Russian of a Belarusian name
        ("Марии Колесниковой", KALESNIKAVA),  # a case form
        ("Alexandru Lukašenkovi", LUKASHENKA),  # a case form of another language
        ("Lukashenko, Alexander", LUKASHENKA),  # name structure
        ("Maria Kalesnikva", KALESNIKAVA),  # a typo
        ("Kolesnikov", None),  # the other gender
        ("Tsepkalo", None),  # two people
        ("Galina Lukashenko", None),  # a relative outside the registry
    ],
)
def test_the_shipped_registry_keeps_each_rule(
    shipped: Registry, query: str, expected: str | None
) -> None:
    assert resolved(shipped, query) == expected


def test_warm_loads_the_lexicons_a_query_would_load(monkeypatch: pytest.MonkeyPatch) -> None:
    from namenorm.index import core
    from tests.conftest import FIXTURES

    loaded: list[str] = []
    monkeypatch.setattr(core.othernames, "warm", lambda: loaded.append("lexicons"))
    registry = Registry.from_csv(FIXTURES / "registry" / "small.csv")
    registry.warm()
    assert loaded == ["lexicons"]
    assert registry.index._searcher._descriptors is not None
