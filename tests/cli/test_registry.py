"""namenorm registry check and namenorm registry add."""

from __future__ import annotations

import codecs
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from namenorm.cli import cli
from namenorm.registry import Registry

from .conftest import REGISTRY

BAD = (
    "id,kind,lang,name,preferred\r\n"
    "minsk,place,en,Minsk,1\r\n"
    'minsk,place,be,"Мінск",1\r\n'
    "x,persn,en,X,1\r\n"
    "y,person,en,Y,\r\n"
    "minsk-region,place,en,Minsk,1\r\n"
)


def test_check_a_valid_registry(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["registry", "check"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout == (
        f"{REGISTRY}: 6 entities, 15 names: OK\n"
        "shared spellings: 0\n"
        "names one typo apart: 0\n"
        "entities without a Cyrillic source form: 2\n"
        "  smith-john (line 12)\n"
        "  smith-jane (line 13)\n"
        "rows without a source: 15\n"
        "  lukashenka-alaksandr: lines 2, 3, 4, 5\n"
        "  tsikhanouskaya-sviatlana: lines 6, 7, 8, 9\n"
        "  bialiatski-ales: lines 10, 11\n"
        "  smith-john: line 12\n"
        "  smith-jane: line 13\n"
        "  minsk: lines 14, 15, 16\n"
    )


def test_check_lists_every_problem_then_shared_spellings(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(BAD.encode())
    result = runner.invoke(cli, ["registry", "check", str(bad)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stdout == (
        f"{bad}:4: kind: unknown kind 'persn'; expected one of person, org, place\n"
        f"{bad}:5: preferred: 'y' has no preferred en name; expected exactly one\n"
        f"{bad}: 2 problems\n"
        "shared spellings: 1\n"
        "  'Minsk': minsk (line 2), minsk-region (line 6)\n"
    )


def test_check_shared_spellings_of_a_valid_registry(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_bytes(BAD.replace("persn", "person").replace("Y,", "Y,1").encode())
    result = runner.invoke(cli, ["registry", "check", str(good)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout.startswith(
        f"{good}: 4 entities, 5 names: OK\nshared spellings: 1\n  'Minsk': minsk (line 2), minsk-region (line 6)\n"
    )


@pytest.fixture
def registry_copy(tmp_path: Path) -> Path:
    path = tmp_path / "variants.csv"
    shutil.copyfile(REGISTRY, path)
    return path


def add(runner: CliRunner, path: Path, *args: str) -> object:
    return runner.invoke(
        cli, ["registry", "add", *args, "--registry", str(path)], catch_exceptions=False
    )


def test_add_appends_one_row_and_keeps_every_byte(runner: CliRunner, registry_copy: Path) -> None:
    before = registry_copy.read_bytes()
    result = add(
        runner, registry_copy, "minsk", "--kind", "place", "--lang", "pl", "--name", "Mińsk"
    )
    assert result.exit_code == 0
    assert result.stdout == f"{registry_copy}:17: added minsk,place,pl,Mińsk,\n"
    assert registry_copy.read_bytes() == before + "minsk,place,pl,Mińsk,\n".encode()
    assert Registry.from_csv(registry_copy).entity("minsk").names[-1].text == "Mińsk"


def test_add_keeps_crlf_bom_and_quotes(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "crlf.csv"
    before = codecs.BOM_UTF8 + b'id,kind,lang,name,preferred\r\nminsk,place,en,"Minsk",1'
    path.write_bytes(before)
    result = add(
        runner,
        path,
        "minsk",
        "--kind",
        "place",
        "--lang",
        "be",
        "--name",
        'Менск, "old"',
        "--preferred",
    )
    assert result.exit_code == 0
    assert path.read_bytes() == before + '\r\nminsk,place,be,"Менск, ""old""",1\r\n'.encode()


def test_add_a_new_entity_with_extra_columns_in_another_order(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "reordered.csv"
    path.write_text("name,id,note,preferred,lang,kind\nMinsk,minsk,,1,en,place\n")
    result = add(
        runner, path, "viasna", "--kind", "org", "--lang", "en", "--name", "Viasna", "--preferred"
    )
    assert result.exit_code == 0
    assert path.read_text().endswith("Minsk,minsk,,1,en,place\nViasna,viasna,,1,en,org\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["minsk", "--kind", "person", "--lang", "de", "--name", "Minsk"],
            "Error: nothing added:\n  {path}:17: kind: kind 'person' for 'minsk' differs from 'place' "
            "on line 14; expected the same kind on every row of an id\n",
        ),
        (
            ["newone", "--kind", "person", "--lang", "de", "--name", "Neu"],
            "Error: nothing added:\n  {path}:17: preferred: 'newone' has no preferred en name; "
            "expected exactly one\n",
        ),
        (
            ["minsk", "--kind", "place", "--lang", "en", "--name", "Mensk", "--preferred"],
            "Error: nothing added:\n  {path}:17: preferred: second preferred 'en' name for 'minsk' "
            "(first on line 14); expected at most one per id and language\n",
        ),
        (
            ["minsk", "--kind", "place", "--lang", "be", "--name", " мінск "],
            "Error: {path}:15: minsk already has the be spelling 'Мінск'; nothing added\n",
        ),
        (
            ["Bad Id", "--kind", "place", "--lang", "en", "--name", "X", "--preferred"],
            "Error: nothing added:\n  {path}:17: id: bad id 'Bad Id'; expected [a-z0-9][a-z0-9-]*\n",
        ),
    ],
)
def test_add_refuses_invalid_rows_and_leaves_the_file(
    runner: CliRunner, registry_copy: Path, args: list[str], message: str
) -> None:
    before = registry_copy.read_bytes()
    result = add(runner, registry_copy, *args)
    assert result.exit_code == 1
    assert result.stderr == message.format(path=registry_copy)
    assert registry_copy.read_bytes() == before
    assert [p.name for p in registry_copy.parent.iterdir()] == ["variants.csv"]


def test_add_to_a_file_that_already_has_problems(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(BAD.encode())
    result = add(runner, path, "minsk", "--kind", "place", "--lang", "pl", "--name", "Mińsk")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Error: nothing added (the file already has problems; see namenorm registry check):\n"
        f"  {path}:4: kind: unknown kind 'persn'"
    )


def test_add_defaults_to_the_configured_registry(
    runner: CliRunner, registry_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NAMENORM_REGISTRY", str(registry_copy))
    result = runner.invoke(
        cli,
        ["registry", "add", "minsk", "--kind", "place", "--lang", "lt", "--name", "Minskas"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    assert registry_copy.read_text().endswith("minsk,place,lt,Minskas,\n")


def test_missing_column(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text("id,name\n")
    result = add(runner, path, "x", "--kind", "org", "--lang", "en", "--name", "X")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {path}: missing column(s) kind, lang, preferred; expected id, kind, lang, name, preferred\n"
    )


def test_add_writes_source_and_links_to_their_columns(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "linked.csv"
    path.write_text("id,kind,lang,name,preferred,source,wikidata\nminsk,place,en,Minsk,1,,\n")
    result = add(
        runner,
        path,
        *("minsk", "--kind", "place", "--lang", "lt", "--name", "Minskas"),
        *("--source", "wikidata:Q2280", "--wikidata", "Q2280"),
    )
    assert result.exit_code == 0
    assert path.read_text().endswith("minsk,place,lt,Minskas,,wikidata:Q2280,Q2280\n")
    assert Registry.from_csv(path).entity("minsk").wikidata == "Q2280"


def test_add_refuses_a_source_the_file_has_no_column_for(
    runner: CliRunner, registry_copy: Path
) -> None:
    before = registry_copy.read_bytes()
    result = add(
        runner,
        registry_copy,
        *("minsk", "--kind", "place", "--lang", "lt", "--name", "Minskas", "--source", "x"),
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {registry_copy}: no source column to write --source to; "
        "add the column(s) to the header first; nothing added\n"
    )
    assert registry_copy.read_bytes() == before


def test_add_refuses_a_bad_source(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "linked.csv"
    path.write_text("id,kind,lang,name,preferred,source\nminsk,place,en,Minsk,1,\n")
    result = add(
        runner,
        path,
        *("minsk", "--kind", "place", "--lang", "lt", "--name", "Minskas", "--source", "wiki"),
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: nothing added:\n  {path}:3: source: bad source 'wiki'; expected a URL "
        "(http:// or https://), wikidata:Q... or geonames:ID\n"
    )


SOURCED = (
    "id,kind,lang,name,preferred,source\n"
    "minsk,place,en,Minsk,1,geonames:625144\n"
    "minsk,place,be,Мінск,1,geonames:625144\n"
    "minsk-region,place,en,Minsk,1,https://example.org/regions\n"
    "minsk-region,place,be,Мінская вобласць,1,https://example.org/regions\n"
    "pinsk,place,en,Pinsk,1,geonames:623549\n"
    "pinsk,place,be,Пінск,1,geonames:623549\n"
)


def test_check_strict_fails_on_findings_not_declared_intended(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "variants.csv"
    path.write_text(SOURCED)
    result = runner.invoke(
        cli, ["registry", "check", str(path), "--strict"], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}: 3 entities, 6 names: OK\n"
        "shared spellings: 1\n"
        "  'Minsk': minsk (line 2), minsk-region (line 4)\n"
        "names one typo apart: 2\n"
        "  'Minsk' ~ 'Pinsk': minsk (line 2), pinsk (line 6)\n"
        "  'Minsk' ~ 'Pinsk': minsk-region (line 4), pinsk (line 6)\n"
        "entities without a Cyrillic source form: 0\n"
        "rows without a source: 0\n"
        f"{path}: 3 findings not declared intended (--strict)\n"
    )


def test_check_strict_passes_when_the_allow_list_beside_the_registry_covers_them(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "variants.csv"
    path.write_text(SOURCED)
    (tmp_path / "ambiguities.csv").write_text(
        "check,ids,reason\n"
        "shared,minsk-region minsk,the region is named after its centre\n"
        "near,pinsk minsk,two real cities\n"
        "near,minsk-region pinsk,a real region and a real city\n"
    )
    result = runner.invoke(
        cli, ["registry", "check", str(path), "--strict"], catch_exceptions=False
    )
    assert result.exit_code == 0
    assert (
        "  'Minsk': minsk (line 2), minsk-region (line 4) (intended: the region is named after its centre)\n"
        in result.stdout
    )
    assert "names one typo apart: 2 (2 intended)\n" in result.stdout


def test_check_reports_a_bad_allow_list(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "variants.csv"
    path.write_text(SOURCED)
    allow = tmp_path / "allow.csv"
    allow.write_text(
        "check,ids,reason\nno-source,minsk pinsk,lazy\nnear,minsk,one id\nshared,a b,\n"
    )
    result = runner.invoke(
        cli, ["registry", "check", str(path), "--allow", str(allow)], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: registry has 3 problems:\n"
        f"  {allow}:2: check: check 'no-source' cannot be declared intended; expected shared or near\n"
        f"  {allow}:3: ids: 'minsk'; expected two or more IDs\n"
        f"  {allow}:4: reason: empty; expected why the ambiguity is intended\n"
    )
