"""namenorm fix: diff, check and in-place modes over namenorm.copy.normalize_text."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from click.testing import CliRunner

from namenorm.cli import cli

TEXT = "Alexander Lukashenko met Svetlana Tikhanovskaya.\r\nNothing here.\r\nIn Minsk, Lukashenko spoke.\r\n"
FIXED = "Aliaksandr Lukashenka met Sviatlana Tsikhanouskaya.\r\nNothing here.\r\nIn Minsk, Lukashenka spoke.\r\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode())
    return path


@pytest.fixture
def clean_copy(tmp_path: Path) -> Path:
    path = tmp_path / "b.txt"
    path.write_bytes(b"No names at all.")
    return path


def test_diff_is_the_default(runner: CliRunner, article: Path, clean_copy: Path) -> None:
    result = runner.invoke(cli, ["fix", str(article), str(clean_copy)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout_bytes.decode() == (  # .stdout would turn CRLF into LF
        f"--- a/{article}\n"
        f"+++ b/{article}\n"
        "@@ -1,3 +1,3 @@\n"
        "-Alexander Lukashenko met Svetlana Tikhanovskaya.\r\n"
        "+Aliaksandr Lukashenka met Sviatlana Tsikhanouskaya.\r\n"
        " Nothing here.\r\n"
        "-In Minsk, Lukashenko spoke.\r\n"
        "+In Minsk, Lukashenka spoke.\r\n"
    )
    assert article.read_bytes() == TEXT.encode()


def test_diff_marks_a_missing_final_newline(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_text("Lukashenko")
    result = runner.invoke(cli, ["fix", "--diff", str(path)], catch_exceptions=False)
    assert result.stdout.splitlines()[3:] == [
        "-Lukashenko",
        "\\ No newline at end of file",
        "+Lukashenka",
        "\\ No newline at end of file",
    ]


def test_check(runner: CliRunner, article: Path, clean_copy: Path) -> None:
    result = runner.invoke(
        cli, ["fix", "--check", str(article), str(clean_copy)], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert result.stdout == (
        f"{article}:1:1: 'Alexander Lukashenko' -> 'Aliaksandr Lukashenka' (lukashenka-alaksandr, 100.0)\n"
        f"{article}:1:26: 'Svetlana Tikhanovskaya' -> 'Sviatlana Tsikhanouskaya' "
        "(tsikhanouskaya-sviatlana, 100.0)\n"
        f"{article}:3:11: 'Lukashenko' -> 'Lukashenka' (lukashenka-alaksandr, 94.0)\n"
    )
    assert result.stderr == "1 file would change\n"
    fine = runner.invoke(cli, ["fix", "--check", str(clean_copy)], catch_exceptions=False)
    assert (fine.exit_code, fine.stdout, fine.stderr) == (0, "", "")


def test_in_place_keeps_encoding_bom_and_line_endings(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"))
    result = runner.invoke(cli, ["fix", "--in-place", str(path)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stderr == f"fixed {path}: 3 names\n"
    assert path.read_bytes() == codecs.BOM_UTF16_LE + FIXED.encode("utf-16-le")
    assert [p.name for p in tmp_path.iterdir()] == ["utf16.txt"]


def test_in_place_on_stdin_writes_stdout(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["fix", "--in-place", "-"], input=TEXT.encode("cp1251"), catch_exceptions=False
    )
    assert result.stdout_bytes == FIXED.encode("cp1251")


def test_lang(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["fix", "--in-place", "--lang", "ru", "-"], input="Лукашенко", catch_exceptions=False
    )
    assert result.exit_code == 0
    bad = runner.invoke(cli, ["fix", "--lang", "xx", "-"], input="x", catch_exceptions=False)
    assert bad.exit_code == 2
    assert bad.stderr.endswith(
        "Error: Invalid value for --lang: unknown lang 'xx'; expected one of en, be, ru, uk, de, fr, lt, lv, pl\n"
    )


def test_undecodable_file_is_a_data_error(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes("Лукашенко".encode("cp1251"))
    result = runner.invoke(cli, ["fix", "--encoding", "utf-8", str(path)], catch_exceptions=False)
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"Error: cannot read {path} as utf-8: bytes b'\\xcb\\xf3\\xea\\xe0' do not decode; pass --encoding\n"
    )
