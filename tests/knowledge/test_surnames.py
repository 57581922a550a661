"""``namenorm.knowledge.surnames``: common surnames per country (names-dataset)."""

from __future__ import annotations

from pathlib import Path

from namenorm import Registry
from namenorm.knowledge.othernames import SURNAME_RANK, common_surname
from namenorm.knowledge.surnames import COUNTRIES, KEPT_RANK, surname_rank


def test_common_surnames_have_a_rank_in_a_country_of_the_press() -> None:
    for word, country in [("Scholze", "DE"), ("Borel", "FR"), ("Šimonis", "LT")]:
        found = surname_rank(word)
        assert found is not None and found.country == country and found.rank <= SURNAME_RANK
    assert surname_rank("scholze") == surname_rank("SCHOLZE")  # any case
    assert set(COUNTRIES) >= {"GB", "US", "DE", "FR", "PL", "LT", "RU"}


def test_typing_errors_and_rare_names_are_not_common_surnames() -> None:
    for word in ("Lukashenak", "Trunp", "Tsikhanouskaya", "", "Xy9"):
        assert surname_rank(word) is None, word
    found = surname_rank("Bidne")  # a typo of Biden, and a rare surname of Norway
    assert found is not None and SURNAME_RANK < found.rank <= KEPT_RANK
    assert common_surname("Bidne") is None


def test_a_common_surname_is_another_name_with_its_rank_in_the_reason() -> None:
    found = common_surname("Borel")
    assert found is not None and found.loose
    assert "'Borel' is a common surname of its own (FR: rank 1,168" in found.reason


def test_the_resolver_refuses_a_common_surname_as_a_typo_or_baltic_form(tmp_path: Path) -> None:
    """Scholze (Germany) is one letter from Scholz, Borel (France) a doubled
    letter from Borrell, Šimonis (Lithuania) sounds like Šejman with a
    Lithuanian ending: each is a common surname of its own."""
    path = tmp_path / "registry.csv"
    path.write_text(
        "id,kind,lang,name,preferred\n"
        "scholz-olaf,person,en,Olaf Scholz,1\n"
        "scholz-olaf,person,ru,Олаф Шольц,\n"
        "borrell-josep,person,en,Josep Borrell,1\n"
        "borrell-josep,person,ru,Жозеп Боррель,\n"
        "sheiman-viktar,person,en,Viktar Sheiman,1\n"
        "sheiman-viktar,person,be,Віктар Шэйман,\n"
        "putin-vladimir,person,en,Vladimir Putin,1\n"
        "putin-vladimir,person,ru,Владимир Путин,\n",
        encoding="utf-8",
    )
    registry = Registry.from_csv(path)
    for query in ("Scholze", "Borel", "Šimonis"):
        assert registry.resolve(query) is None, query
    for query, expected in [("Scholzz", "scholz-olaf"), ("Putinas", "putin-vladimir")]:
        match = registry.resolve(query)
        assert match is not None and match.id == expected, query
