"""``namenorm.index.decide``: numbers are never fuzzed."""

from __future__ import annotations

from pathlib import Path

from namenorm import Registry
from namenorm.index.decide import numbers_agree
from namenorm.index.score import Candidate
from namenorm.match import Evidence


def _candidate(matched: str) -> Candidate:
    return Candidate(0, 96.0, "key", Evidence(matched, matched, "ru", "stored"), matched)


def test_numbers_must_agree_when_the_name_has_them() -> None:
    assert not numbers_agree("Хартия-77", _candidate("Хартия-97"))
    assert numbers_agree("Хартыя-97", _candidate("Хартия-97"))
    assert numbers_agree("Вясна-96", _candidate("Вясна"))  # a year the name leaves out
    assert not numbers_agree("Charter", _candidate("Charter 97"))


def test_the_resolver_never_fuzzes_a_number(tmp_path: Path) -> None:
    path = tmp_path / "registry.csv"
    path.write_text(
        "id,kind,lang,name,preferred\ncharter97,org,ru,Хартия-97,\ncharter97,org,en,Charter 97,1\n",
        encoding="utf-8",
    )
    registry = Registry.from_csv(path)
    found = registry.resolve("Хартыя-97")
    assert found is not None and found.id == "charter97"
    assert registry.resolve("Хартия-77") is None and registry.resolve("Charter 77") is None
