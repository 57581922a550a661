"""namenorm clean: messy real files, nothing lost, atomic output, every error's exit code."""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from namenorm.batch import loop, pipeline
from namenorm.cli import clean as clean_module
from namenorm.cli import cli
from namenorm.csvio import RawReader, detect_encoding
from namenorm.registry import Registry

from .conftest import FIXTURES

Copy = Callable[[str], Path]

UTF8_CLEANED = """\
id,name,name_id,name_name,name_score,name_status,city,note
1,Alexander Lukashenko,lukashenka-alaksandr,Aliaksandr Lukashenka,100.0,matched,Minsk,president since 1994
2,Лукашэнка,lukashenka-alaksandr,Aliaksandr Lukashenka,94.0,matched,Мінск,Belarusian spelling
3,Svetlana Tikhanovskaya,tsikhanouskaya-sviatlana,Sviatlana Tsikhanouskaya,100.0,matched,Vilnius,opposition leader
4,Smith,,,94.0,ambiguous,London,"two Smiths, one surname"
5,,,,,empty,Hrodna,no name given
6,Zhanna Doe,,,,unmatched,Brest,not in the registry
7,Alexander Lukashenko,lukashenka-alaksandr,Aliaksandr Lukashenka,100.0,matched,Minsk,seen twice
"""
SUMMARY = """\
7 rows in 2.0 s (4 rows/s)
name: 4 matched, 1 ambiguous, 1 unmatched, 1 empty; 6 distinct values
"""
STATUSES = ["matched", "matched", "matched", "ambiguous", "empty", "unmatched", "matched"]

# fixture -> (encoding, BOM, delimiter, line ending, name_status column of the data rows)
MESSY = {
    "utf8.csv": ("utf-8", b"", ",", "\n", STATUSES),
    "utf8-bom.csv": ("utf-8", codecs.BOM_UTF8, ",", "\r\n", STATUSES),
    "utf16-bom.txt": ("utf-16-le", codecs.BOM_UTF16_LE, "\t", "\r\n", STATUSES),
    "cp1251-semicolon.csv": ("cp1251", b"", ";", "\r\n", STATUSES),
    "quoted-crlf.csv": (
        "utf-8",
        b"",
        ",",
        "\r\n",
        ["matched", "matched", "matched", "unmatched", "empty"],
    ),
    "tab.tsv": ("utf-8", b"", "\t", "\n", STATUSES),
    "ragged.csv": ("utf-8", b"", ",", "\n", ["matched", "matched", "unmatched"]),
    "quote-all.csv": ("utf-8", b"", ",", "\n", STATUSES),
    "unclosed-quote.csv": ("utf-8", b"", ",", "\n", ["matched"]),
}


def run(runner: CliRunner, *args: str, input: bytes | None = None) -> object:
    return runner.invoke(cli, ["clean", *args], input=input, catch_exceptions=False)


def strip_added(
    output: bytes, encoding: str, bom: bytes, delimiter: str, columns: list[int], replace: bool
) -> bytes:
    """The output with the added columns taken out again (the original put back for --replace)."""
    assert output.startswith(bom)
    text = output[len(bom) :].decode(encoding)
    records = list(RawReader(io.StringIO(text, newline=""), delimiter=delimiter))
    width = len(records[0][0]) - 4 * len(columns)
    parts = []
    for number, (fields, end) in enumerate(records):
        if len(fields) == width + 4 * len(columns):
            for index in sorted(columns, reverse=True):
                if replace and number:
                    fields[index] = fields[index + 1]  # NAME_original holds the raw field
                del fields[index + 1 : index + 5]
        parts.append(delimiter.join(fields) + end)
    return bom + "".join(parts).encode(encoding)


@pytest.mark.parametrize("name", sorted(MESSY))
@pytest.mark.parametrize("replace", [False, True], ids=["add", "replace"])
def test_messy_files_round_trip_byte_for_byte(
    runner: CliRunner, tmp_path: Path, name: str, replace: bool
) -> None:
    encoding, bom, delimiter, ending, statuses = MESSY[name]
    source = FIXTURES / name
    target = tmp_path / "out.csv"
    flags = ["--replace"] if replace else []
    result = run(runner, str(source), "--column", "name", "-o", str(target), "-q", *flags)
    assert result.exit_code == 0, result.output
    data, output = source.read_bytes(), target.read_bytes()
    assert strip_added(output, encoding, bom, delimiter, [1], replace) == data
    # The dialect is kept: encoding, BOM, delimiter, line ending of the header.
    assert output.startswith(bom)
    header = output[len(bom) :].decode(encoding).split(ending)[0]
    expected = (
        ["name_original", "name_id", "name_score", "name_status"]
        if replace
        else [
            "name_id",
            "name_name",
            "name_score",
            "name_status",
        ]
    )
    assert [f.strip('"') for f in header.split(delimiter)][2:6] == expected
    # The csv module, independently, reads the same rows plus the new columns.
    rows = list(
        csv.reader(
            io.StringIO(output[len(bom) :].decode(encoding), newline=""), delimiter=delimiter
        )
    )
    full = [r for r in rows[1:] if len(r) == len(rows[0])]
    assert [r[5] for r in full] == statuses


def test_utf8_exact_output_and_summary(runner: CliRunner) -> None:
    result = run(runner, str(FIXTURES / "utf8.csv"), "--column", "name")
    assert result.exit_code == 0
    assert result.stdout == UTF8_CLEANED
    assert result.stderr == SUMMARY


def test_utf16_output_is_utf16_with_its_bom(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    run(runner, str(FIXTURES / "utf16-bom.txt"), "-c", "name", "-o", str(target), "-q")
    data = target.read_bytes()
    assert data.startswith(codecs.BOM_UTF16_LE)
    lines = data[2:].decode("utf-16-le").split("\r\n")
    assert (
        lines[2]
        == "2\tЛукашэнка\tlukashenka-alaksandr\tAliaksandr Lukashenka\t94.0\tmatched\tМінск\tBelarusian spelling"
    )


def test_windows_1251_is_detected_and_written_back_as_1251(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "out.csv"
    result = run(
        runner, str(FIXTURES / "cp1251-semicolon.csv"), "-c", "name", "-o", str(target), "-q"
    )
    assert result.exit_code == 0
    data = target.read_bytes()
    assert detect_encoding(data).codec == "cp1251"
    lines = data.decode("cp1251").split("\r\n")
    assert lines[1] == (
        "1;Alexander Lukashenko;lukashenka-alaksandr;Aliaksandr Lukashenka;100.0;matched;Minsk;"
        '"президент с 1994; переизбран"'
    )


@pytest.mark.parametrize(
    ("flag", "bom"),
    [("utf-8", b""), ("utf-8-sig", codecs.BOM_UTF8), ("utf-16", codecs.BOM_UTF16_LE)],
)
def test_output_encoding(runner: CliRunner, tmp_path: Path, flag: str, bom: bytes) -> None:
    target = tmp_path / "out.csv"
    source = FIXTURES / "cp1251-semicolon.csv"
    result = run(
        runner, str(source), "-c", "name", "-o", str(target), "-q", "--output-encoding", flag
    )
    assert result.exit_code == 0
    data = target.read_bytes()
    assert data.startswith(bom)
    codec = "utf-16-le" if flag == "utf-16" else "utf-8"
    text = data[len(bom) :].decode(codec)
    assert text.split("\r\n")[2].startswith("2;Лукашэнка;lukashenka-alaksandr;")


def test_encoding_flag(runner: CliRunner) -> None:
    result = run(
        runner,
        str(FIXTURES / "cp1251-semicolon.csv"),
        "-c",
        "name",
        "-q",
        "--encoding",
        "windows-1251",
    )
    assert result.exit_code == 0
    assert result.stdout_bytes.split(b"\r\n")[2].startswith("2;Лукашэнка;".encode("cp1251"))


def test_wrong_encoding_is_a_data_error(runner: CliRunner) -> None:
    result = run(
        runner, str(FIXTURES / "cp1251-semicolon.csv"), "-c", "name", "--encoding", "utf-8"
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "Error: cannot read "
        f"{FIXTURES / 'cp1251-semicolon.csv'} as utf-8 at line 2: bytes b'\\xef\\xf0\\xe5\\xe7' "
        "do not decode; pass --encoding (e.g. utf-8, utf-16, cp1251)\n"
    )


@pytest.mark.parametrize("flag", ["--encoding", "--output-encoding"])
def test_unknown_encoding_is_a_usage_error(runner: CliRunner, tmp_path: Path, flag: str) -> None:
    target = tmp_path / "out.csv"
    result = run(
        runner, str(FIXTURES / "utf8.csv"), "-c", "name", flag, "klingon", "-o", str(target)
    )
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: unknown encoding 'klingon'; expected a Python codec name such as utf-8, "
        "utf-16, cp1251\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_detected_and_written_back_so(
    runner: CliRunner, tmp_path: Path, codec: str
) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes((FIXTURES / "utf8.csv").read_text().encode(codec))
    target = tmp_path / "out.csv"
    result = run(runner, str(source), "-c", "name", "-q", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes() == UTF8_CLEANED.encode(codec)


def test_a_stray_quote_far_from_the_end_passes_the_rest_through(
    runner: CliRunner, tmp_path: Path
) -> None:
    """More than 1 MiB after a quote that never closes: the rest is kept, the line named."""
    rows = "".join(f"{i},Minsk\n" for i in range(3, 200_003))  # 2.2 MB, no quote
    data = f'id,name\n1,Minsk\n2,"Lukashenka\n{rows}'.encode()
    source = tmp_path / "in.csv"
    source.write_bytes(data)
    target = tmp_path / "out.csv"
    result = run(runner, str(source), "-c", "name", "-q", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes() == (
        b"id,name,name_id,name_name,name_score,name_status\n1,Minsk,minsk,Minsk,100.0,matched\n"
        + data[len(b"id,name\n1,Minsk\n") :]
    )
    assert result.stderr == (
        "warning: line 3: a quote opened on this line never closes; "
        "the rest of the file was passed through untouched\n"
    )


def test_output_that_cannot_be_encoded_fails_and_leaves_nothing(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "out.csv"
    result = run(
        runner,
        str(FIXTURES / "utf8.csv"),
        "-c",
        "name",
        "-o",
        str(target),
        "--output-encoding",
        "ascii",
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: cannot write 'Лукашэнка' (in '2,Лукашэнка,lukashenka-alaksandr,Aliaksandr "
        f"Lukashenka,94...') to {target} as ascii; pass --output-encoding utf-8 "
        "(or utf-8-sig, utf-16)\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_delimiter_flag(runner: CliRunner) -> None:
    data = b"name\nLukashenko, Alexander\nMinsk\n"
    sniffed = run(runner, "-", "-c", "name", "-q", input=data)
    assert (
        sniffed.stdout
        == "name,name_id,name_name,name_score,name_status\nLukashenko, Alexander\nMinsk,minsk,Minsk,100.0,matched\n"
    )
    given = run(runner, "-", "-c", "name", "-q", "--delimiter", ";", input=data)
    assert given.stdout == (
        "name;name_id;name_name;name_score;name_status\n"
        "Lukashenko, Alexander;lukashenka-alaksandr;Aliaksandr Lukashenka;99.0;matched\n"
        "Minsk;minsk;Minsk;100.0;matched\n"
    )
    tab = run(runner, str(FIXTURES / "tab.tsv"), "-c", "name", "-q", "--delimiter", "tab")
    assert (
        tab.stdout.splitlines()[0]
        == "id\tname\tname_id\tname_name\tname_score\tname_status\tcity\tnote"
    )


def test_bad_delimiter_is_a_usage_error(runner: CliRunner) -> None:
    result = run(runner, str(FIXTURES / "utf8.csv"), "-c", "name", "--delimiter", ";;")
    assert result.exit_code == 2
    assert "Invalid value for '--delimiter': ';;'; expected one character" in result.stderr


def test_ragged_rows_pass_through_with_a_warning(runner: CliRunner) -> None:
    result = run(runner, str(FIXTURES / "ragged.csv"), "-c", "name")
    assert result.exit_code == 0
    assert (
        result.stdout_bytes
        == (
            "id,name,name_id,name_name,name_score,name_status,city,note\n"
            "1,Alexander Lukashenko,lukashenka-alaksandr,Aliaksandr Lukashenka,100.0,matched,Minsk,ok\n"
            "2,Лукашэнка,Мінск\n"
            "3,Smith,London,extra,field\r\n"
            "\n"
            "4,Svetlana Tikhanovskaya,tsikhanouskaya-sviatlana,Sviatlana Tsikhanouskaya,100.0,matched,Vilnius,ok\r\n"
            "5,Zhanna Doe,,,,unmatched,Brest,last line without a newline"
        ).encode()
    )
    assert result.stderr == (
        "warning: 2 ragged rows (not 4 fields) passed through untouched: line 3, 4\n"
        "3 rows in 2.0 s (2 rows/s)\n"
        "name: 2 matched, 0 ambiguous, 1 unmatched, 0 empty; 3 distinct values\n"
    )


def test_an_unclosed_quote_passes_the_rest_through_with_a_warning(runner: CliRunner) -> None:
    result = run(runner, str(FIXTURES / "unclosed-quote.csv"), "-c", "name", "-q")
    assert result.stdout == (
        "id,name,name_id,name_name,name_score,name_status\n"
        "1,Alexander Lukashenko,lukashenka-alaksandr,Aliaksandr Lukashenka,100.0,matched\n"
        '2,"Svetlana Tikhanovskaya\n3,Smith\n'
    )
    assert result.stderr == (
        "warning: line 3: a quote opened on this line never closes; "
        "the rest of the file was passed through untouched\n"
    )


def test_missing_column_lists_the_columns_and_writes_nothing(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "out.csv"
    result = run(runner, str(FIXTURES / "utf8.csv"), "-c", "nmae", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"Error: no column 'nmae' in {FIXTURES / 'utf8.csv'}; expected one of: 'id', 'name', 'city', 'note'\n"
    )
    assert list(tmp_path.iterdir()) == []
    to_stdout = run(runner, str(FIXTURES / "utf8.csv"), "-c", "nmae")
    assert (to_stdout.exit_code, to_stdout.stdout) == (2, "")


def test_column_names_match_loosely(runner: CliRunner) -> None:
    result = run(runner, str(FIXTURES / "utf8.csv"), "-c", " NAME ", "-q")
    assert result.stdout == UTF8_CLEANED


def test_a_cleaned_file_is_not_cleaned_twice(runner: CliRunner, tmp_path: Path) -> None:
    cleaned = tmp_path / "cleaned.csv"
    cleaned.write_text(UTF8_CLEANED)
    result = run(runner, str(cleaned), "-c", "name")
    assert result.exit_code == 2
    assert f"Error: {cleaned} already has column 'name_id'; namenorm clean adds it" in result.stderr


def test_several_columns_and_kind(runner: CliRunner) -> None:
    result = run(runner, str(FIXTURES / "tab.tsv"), "-c", "name", "-c", "city", "--kind", "place")
    assert result.stdout.splitlines()[:3] == [
        "id\tname\tname_id\tname_name\tname_score\tname_status\tcity\tcity_id\tcity_name\tcity_score\tcity_status\tnote",
        "1\tAlexander Lukashenko\t\t\t\tunmatched\tMinsk\tminsk\tMinsk\t100.0\tmatched\tpresident since 1994",
        "2\tЛукашэнка\t\t\t\tunmatched\tМінск\tminsk\tMinsk\t100.0\tmatched\tBelarusian spelling",
    ]
    assert result.stderr == (
        "7 rows in 2.0 s (4 rows/s)\n"
        "name: 0 matched, 0 ambiguous, 6 unmatched, 1 empty; 6 distinct values\n"
        "city: 3 matched, 0 ambiguous, 4 unmatched, 0 empty; 6 distinct values\n"
    )


def test_replace(runner: CliRunner) -> None:
    result = run(runner, str(FIXTURES / "quoted-crlf.csv"), "-c", "name", "--replace", "-q")
    assert result.stdout_bytes.decode().split("\r\n")[:3] == [
        "id,name,name_original,name_id,name_score,name_status,city,note",
        '1,Aliaksandr Lukashenka,"Lukashenko, Alexander",lukashenka-alaksandr,99.0,matched,'
        'Minsk,"said: ""we will not give up"""',
        '2,Sviatlana Tsikhanouskaya,"Svetlana',
    ]


def test_unmatched_list(runner: CliRunner, tmp_path: Path) -> None:
    todo = tmp_path / "todo.csv"
    data = b"name\nSmith\nZhanna Doe\nSmith\nMinsk\n\nSmith\n"
    result = run(runner, "-", "-c", "name", "-q", "--unmatched", str(todo), input=data)
    assert result.exit_code == 0
    assert todo.read_text() == (
        "value,count,status,candidates\n"
        "Smith,3,ambiguous,smith-jane:94.0|smith-john:94.0\n"
        "Zhanna Doe,1,unmatched,\n"
    )


def test_report(runner: CliRunner, tmp_path: Path, fixture_registry: Path) -> None:
    report = tmp_path / "report.json"
    source = FIXTURES / "ragged.csv"
    run(
        runner,
        str(source),
        "-c",
        "name",
        "-q",
        "-o",
        str(tmp_path / "out.csv"),
        "--report",
        str(report),
    )
    body = json.loads(report.read_text())
    assert body == {
        "input": str(source),
        "output": str(tmp_path / "out.csv"),
        "encoding": "utf-8",
        "bom": False,
        "output_encoding": "utf-8",
        "output_bom": False,
        "delimiter": ",",
        "line_ending": "\n",
        "quoting": "minimal",
        "rows": 3,
        "blank_lines": 1,
        "ragged_rows": 2,
        "ragged_lines": [3, 4],
        "unclosed_quote_line": None,
        "columns": {
            "name": {
                "matched": 2,
                "ambiguous": 0,
                "unmatched": 1,
                "empty": 0,
                "distinct": 3,
                "lookups": 3,
            }
        },
        "seconds": 2.0,
        "rows_per_second": 1.5,
        "registry": {
            "source": str(fixture_registry),
            "sha256": Registry.from_csv(fixture_registry).digest,
        },
    }


def test_stdin_to_stdout(runner: CliRunner) -> None:
    data = (FIXTURES / "utf8-bom.csv").read_bytes()
    result = run(runner, "-", "-c", "name", "-o", "-", "-q", input=data)
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(codecs.BOM_UTF8 + b"id,name,name_id,")
    assert result.stdout_bytes.decode("utf-8-sig").replace("\r\n", "\n") == UTF8_CLEANED.replace(
        '"two Smiths, one surname"', "two Smiths in the registry"
    )


def test_in_place_keeps_the_file_mode(runner: CliRunner, copy_fixture: Copy) -> None:
    path = copy_fixture("utf8.csv")
    os.chmod(path, 0o640)
    result = run(runner, str(path), "-c", "name", "--in-place", "-q")
    assert result.exit_code == 0
    assert path.read_text() == UTF8_CLEANED
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in path.parent.iterdir()] == ["utf8.csv"]


def test_in_place_failure_leaves_the_original(
    runner: CliRunner, copy_fixture: Copy, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_fixture("utf8.csv")
    before = path.read_bytes()

    def broken(self: Registry, query: str, **kwargs: object) -> list[object]:
        if query == "Svetlana Tikhanovskaya":
            raise RuntimeError("resolver broke")
        return original(self, query, **kwargs)

    original = Registry.lookup
    monkeypatch.setattr(loop, "BATCH", 1)  # rows reach the temporary file before the failure
    monkeypatch.setattr(Registry, "lookup", broken)
    with pytest.raises(RuntimeError, match="resolver broke"):
        run(runner, str(path), "-c", "name", "--in-place")
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["utf8.csv"]


@pytest.mark.parametrize("in_place", [False, True], ids=["output", "in-place"])
def test_ctrl_c_leaves_no_partial_output(
    runner: CliRunner, copy_fixture: Copy, monkeypatch: pytest.MonkeyPatch, in_place: bool
) -> None:
    path = copy_fixture("utf8.csv")
    before = path.read_bytes()
    calls = []

    def interrupted(self: Registry, query: str, **kwargs: object) -> list[object]:
        calls.append(query)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return original(self, query, **kwargs)

    original = Registry.lookup
    monkeypatch.setattr(loop, "BATCH", 1)
    monkeypatch.setattr(Registry, "lookup", interrupted)
    target = ["--in-place"] if in_place else ["-o", str(path.parent / "out.csv")]
    result = run(runner, str(path), "-c", "name", *target)
    assert result.exit_code == 1
    assert result.stderr.endswith("Aborted!\n")
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["utf8.csv"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "x.csv", "--in-place"], "Error: give -o/--output or --in-place, not both"),
        (["--in-place"], "Error: --in-place needs a file, not standard input"),
    ],
)
def test_output_usage_errors(runner: CliRunner, args: list[str], message: str) -> None:
    result = run(runner, "-", "-c", "name", *args, input=b"name\n")
    assert result.exit_code == 2
    assert result.stderr.endswith(message + "\n")


def test_missing_input_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, str(tmp_path / "nope.csv"), "-c", "name")
    assert result.exit_code == 2
    assert "is not a file" in result.stderr


def test_empty_file_is_a_data_error(runner: CliRunner) -> None:
    result = run(runner, "-", "-c", "name", input=b"")
    assert result.exit_code == 1
    assert result.stderr == "Error: standard input is empty; expected a header row\n"


def test_invalid_registry_is_a_data_error(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,kind,lang,name,preferred\nx,persn,en,X,1\n")
    result = run(runner, str(FIXTURES / "utf8.csv"), "-c", "name", "--registry", str(bad))
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: registry has 1 problem:\n"
        f"  {bad}:2: kind: unknown kind 'persn'; expected one of person, org, place\n"
    )


def test_progress_bar_only_on_a_terminal(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(FIXTURES / "utf8.csv")
    assert "Cleaning" not in run(runner, path, "-c", "name").stderr
    monkeypatch.setattr(clean_module, "_stderr_is_tty", lambda: True)
    assert "Cleaning" in run(runner, path, "-c", "name").stderr
    assert run(runner, path, "-c", "name", "--quiet").stderr == ""


def test_a_full_cache_still_counts_right(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "CACHE_SIZE", 1)
    data = b"name\nSmith\nMinsk\nMinsk\nSmith\nMinsk\n"
    result = run(runner, "-", "-c", "name", input=data)
    assert result.stdout.splitlines()[1:4] == [
        "Smith,,,94.0,ambiguous",
        "Minsk,minsk,Minsk,100.0,matched",
        "Minsk,minsk,Minsk,100.0,matched",
    ]
    assert result.stderr == (
        "5 rows in 2.0 s (2 rows/s)\n"
        "name: 3 matched, 2 ambiguous, 0 unmatched, 0 empty; "
        "4 lookups (more than 1 distinct values)\n"
    )


def test_a_long_cell_is_unmatched(runner: CliRunner) -> None:
    data = ("name\n" + "x" * 600 + "\n").encode()
    result = run(runner, "-", "-c", "name", "-q", input=data)
    assert result.stdout.splitlines()[1] == "x" * 600 + ",,,,unmatched"


def test_an_output_folder_that_does_not_exist_is_a_data_error(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "out.csv"
    result = run(runner, str(FIXTURES / "utf8.csv"), "-c", "name", "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {target}: No such file or directory\n"


CELLS = ["Minsk", "Smith", "Лукашэнка", "", '"Lukashenka, A."', '"x ""y"""', '"a\nb"', "x", " "]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.lists(st.sampled_from(CELLS), min_size=1, max_size=4), min_size=0, max_size=12
    ),
    endings=st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=1, max_size=3),
    column=st.integers(0, 2),
    replace=st.booleans(),
)
def test_the_fast_loop_writes_what_the_general_loop_writes(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    rows: list[list[str]],
    endings: list[str],
    column: int,
    replace: bool,
) -> None:
    lines = ["a,b,c"] + [",".join(row) for row in rows]
    text = "".join(line + endings[i % len(endings)] for i, line in enumerate(lines))
    args = ["clean", "-", "-c", "abc"[column], "-q", "--delimiter", ","] + (
        ["--replace"] if replace else []
    )
    outputs = []
    for fast in (True, False):
        monkeypatch.setattr(loop, "FAST_PATH", fast)
        result = runner.invoke(cli, args, input=text.encode(), catch_exceptions=False)
        outputs.append((result.exit_code, result.stdout_bytes, result.stderr))
    assert outputs[0] == outputs[1]
