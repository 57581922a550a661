"""Query words, registry name structure, and the word lists (titles, descriptors)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namenorm.errors import CsvError
from namenorm.inflect import word_case_forms
from namenorm.names import (
    DESCRIPTORS,
    FUNCTION_WORDS,
    TITLES,
    NameParts,
    declinable_nominative,
    is_patronymic,
    load_word_list,
    parse_registry_name,
    shipped_word_list_path,
    split_query,
    without_titles,
)


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("President Lukashenko's", [("Lukashenko", False)]),
        ("Lukashenko A.G.", [("Lukashenko", False), ("A", True), ("G", True)]),
        ("А. Г. Лукашенко", [("А", True), ("Г", True), ("Лукашенко", False)]),
        ("Mr  Viktar   Babaryka", [("Viktar", False), ("Babaryka", False)]),
        ("спадар Бабарыка", [("Бабарыка", False)]),
        ("Lukashenko, Alexander", [("Lukashenko", False), ("Alexander", False)]),
        ("President", [("President", False)]),  # a title alone is kept
    ],
)
def test_split_query(query: str, words: list[tuple[str, bool]]) -> None:
    assert [(w.text, w.initial) for w in without_titles(split_query(query))] == words


def test_titles_are_flagged_not_dropped() -> None:
    words = split_query("Belarusian President Alexander Lukashenko")
    assert [w.title for w in words] == [True, True, False, False]
    assert [w.title for w in split_query("envoy John Coale")] == [True, False, False]
    # Leading lower-case particles and articles are flagged too: the index tries
    # the query with them first (von der Leyen), then without (la Tikhanovskaya).
    assert [w.title for w in split_query("von der Leyen")] == [True, True, False]
    assert [w.title for w in split_query("la Tikhanovskaya")] == [True, False]


def test_parse_registry_name() -> None:
    assert parse_registry_name("Аляксандр Рыгоравіч Лукашэнка") == NameParts(
        "Аляксандр", "Рыгоравіч", "Лукашэнка"
    )
    assert parse_registry_name("Ursula von der Leyen") == NameParts("Ursula", "", "von der Leyen")
    assert parse_registry_name("Nikolai Rimsky-Korsakov") == NameParts(
        "Nikolai", "", "Rimsky-Korsakov"
    )
    assert parse_registry_name("Belarus Freedom Forum", kind="org") == NameParts(
        "", "", "Belarus Freedom Forum"
    )


@pytest.mark.parametrize(
    "word", ["Григорьевич", "Рыгоравіч", "Dzmitryevich", "Aliaksandrauna", "Ивановна"]
)
def test_patronymics(word: str) -> None:
    assert is_patronymic(word)


@pytest.mark.parametrize("word", ["Lukashenka", "Хоміч", "Babaryka", "Ich"])
def test_not_patronymics(word: str) -> None:
    assert not is_patronymic(word)


@given(st.text(max_size=60))
def test_split_query_never_raises(text: str) -> None:
    assert all(w.text for w in split_query(text))


# -- word lists (data/titles.csv, data/descriptors.csv) ------------------------------
#: The hand-typed lists the data files replaced, case forms included.
HAND_TITLES = """
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
HAND_DESCRIPTORS = """
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


def _rows(name: str) -> list[dict[str, str]]:
    with shipped_word_list_path(name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_generated_word_lists_cover_the_hand_typed_ones() -> None:
    assert set(HAND_TITLES) - TITLES == set()
    assert set(HAND_DESCRIPTORS) - DESCRIPTORS == set()
    assert {"президента", "министру", "белорусского"} <= TITLES  # forms nobody typed


def test_word_list_files_hold_lemmas_only() -> None:
    for name in ("titles.csv", "descriptors.csv"):
        rows = _rows(name)
        lemmas = [row["lemma"] for row in rows]
        assert len(lemmas) == len(set(lemmas)), name
        generated = {
            form
            for row in rows
            if row["pos"] != "word"
            for form in word_case_forms(
                row["lemma"], row["lang"], adjective=row["pos"] == "adjective"
            )
        }
        assert generated.isdisjoint(lemmas), name
        undeclined = [
            r["lemma"]
            for r in rows
            if r["pos"] != "word"
            and r["lemma"].isalpha()
            and not word_case_forms(r["lemma"], r["lang"], adjective=r["pos"] == "adjective")
        ]
        assert undeclined == [], name  # a noun or adjective inflect cannot decline


def test_function_words_are_data_one_row_per_language_and_word() -> None:
    rows = _rows("function_words.csv")
    keys = [(row["lang"], row["lemma"]) for row in rows]
    assert len(keys) == len(set(keys))
    assert {row["pos"] for row in rows} == {"word"}  # prepositions are not declined
    assert {lemma for _, lemma in keys} == FUNCTION_WORDS
    assert {"of", "für", "przy", "пры", "від"} <= FUNCTION_WORDS


def test_a_bad_word_list_row_names_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "words.csv"
    path.write_text("lang,lemma,pos\nru,центр,noun\nru,центр,verb\n", encoding="utf-8")
    with pytest.raises(CsvError, match=r"words\.csv:3: pos: 'verb'; expected one of word, noun"):
        load_word_list(path)
    path.write_text("lang,lemma,pos\nru,два слова,noun\n", encoding="utf-8")
    with pytest.raises(CsvError, match=r":2: lemma: 'два слова'"):
        load_word_list(path)
    path.write_text("lemma,pos\nцентр,noun\n", encoding="utf-8")
    with pytest.raises(CsvError, match=r":1: header"):
        load_word_list(path)


def test_word_list_case_forms(tmp_path: Path) -> None:
    path = tmp_path / "words.csv"
    path.write_text("lang,lemma,pos\nru,Центр,noun\nen,U.S.,word\nbe,праваабарончы,adjective\n")
    assert load_word_list(path) == {
        "центр", "центра", "центру", "центром", "центре", "u.s.",
        "праваабарончы", "праваабарончага", "праваабарончаму", "праваабарончым",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("surname", "declinable"),
    [
        ("Kazulin", True),
        ("Беляцкий", True),
        ("Бяляцкі", True),
        ("Navalny", True),
        ("Tsepkalo", False),
        ("Babaryka", False),
        ("Lukašenkos", False),  # a Lithuanian genitive
        ("Черных", False),  # never declined
    ],
)
def test_declinable_nominatives(surname: str, declinable: bool) -> None:
    assert declinable_nominative(surname) is declinable
