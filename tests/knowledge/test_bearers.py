"""``namenorm.knowledge.bearers``: who a shared surname alone names."""

from __future__ import annotations

from namenorm import Registry
from namenorm.knowledge.bearers import bearer_of


def test_the_table_names_the_bearer_of_each_relative() -> None:
    assert bearer_of("lukashenka-viktar") == "lukashenka-alaksandr"
    assert bearer_of("lukashenka-alaksandr") is None
    assert bearer_of("no-such-id") is None


def test_the_surname_alone_names_the_bearer_and_lookup_lists_the_relatives(
    shipped: Registry,
) -> None:
    match = shipped.resolve("Lukashenko")
    assert match is not None and match.id == "lukashenka-alaksandr"
    ids = [m.id for m in shipped.lookup("Lukashenko", limit=5)]
    assert ids[0] == "lukashenka-alaksandr" and "lukashenka-viktar" in ids
    son = next(m for m in shipped.lookup("Lukashenko", limit=5) if m.id == "lukashenka-viktar")
    assert "the surname alone names Aliaksandr Lukashenka" in son.explain()


def test_a_given_name_still_names_the_relative(shipped: Registry) -> None:
    for query, expected in [
        ("Viktor Lukashenko", "lukashenka-viktar"),
        ("Мікалай Лукашэнка", "lukashenka-mikalai"),
        ("Dmitry Lukashenko", "lukashenka-dzmitry"),
    ]:
        match = shipped.resolve(query)
        assert match is not None and match.id == expected
