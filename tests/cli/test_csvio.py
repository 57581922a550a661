"""namenorm.csvio: the raw-preserving tokenizer against its reference, the csv module.

Properties over generated text: joining the raw fields gives back the input
exactly, and unquoting them gives what ``csv.reader`` reads. Then encoding
detection, dialect sniffing and atomic output on small in-memory inputs.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namenorm.csvio import (
    CsvError,
    Dialect,
    Encoding,
    RawReader,
    atomic_output,
    detect_encoding,
    given_encoding,
    open_source,
    output_encoding,
    quote,
    sniff,
    split_record,
    unquote,
)

messy = st.text(alphabet=["a", "б", ",", ";", "\t", '"', "\r", "\n", " "], max_size=80)


def records(text: str, delimiter: str) -> list[tuple[list[str], str]]:
    return list(RawReader(io.StringIO(text, newline=""), delimiter=delimiter))


@settings(max_examples=400, deadline=None)
@given(text=messy, delimiter=st.sampled_from([",", ";", "\t"]))
def test_raw_fields_join_back_to_the_input(text: str, delimiter: str) -> None:
    rows = records(text, delimiter)
    assert "".join(delimiter.join(fields) + end for fields, end in rows) == text


@settings(max_examples=400, deadline=None)
@given(text=messy, delimiter=st.sampled_from([",", ";", "\t"]))
def test_values_are_what_the_csv_module_reads(text: str, delimiter: str) -> None:
    rows = records(text, delimiter)
    expected = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if rows and rows[-1][0] == []:  # a quote left open at the end: passed through raw
        rows, expected = rows[:-1], expected[: len(rows) - 1]
    got = [[unquote(f, delimiter) for f in fields] if fields != [""] else [] for fields, _ in rows]
    assert got == expected


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(st.text(alphabet=["a", "Б", ",", '"', "\n", "\r", " "]), min_size=1, max_size=5)
)
def test_quoted_fields_read_back(values: list[str]) -> None:
    dialect = Dialect(",")
    line = ",".join(quote(v, dialect) for v in values)
    fields = split_record(line)
    assert fields is not None
    assert [unquote(f) for f in fields] == values


def test_split_record_reports_an_open_quote() -> None:
    assert split_record('1,"Lukashenka') is None
    assert split_record('1,"x ""y""') is None  # "" is an escaped quote, not a closing one
    assert split_record('1,"x ""y"""') == ["1", '"x ""y"""']


def test_line_numbers_count_physical_lines() -> None:
    reader = RawReader(io.StringIO('a,b\n1,"x\ny"\n2,z\n', newline=""))
    lines = [reader.line for _ in reader]
    assert lines == [1, 2, 4]


def test_a_quote_open_past_the_limit_passes_the_rest_through(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("namenorm.csvio.records.MAX_RECORD_CHARS", 100)
    rest = "x\n" * 200 + '3,"closes at last"\n4,y\n'
    text = 'a,b\n1,"never closed\n' + rest
    rows = records(text, ",")
    assert rows[0] == (["a", "b"], "\n")
    assert rows[1][0] == []  # the record passed through, then every line after it
    assert all(fields == [] for fields, _ in rows[1:])
    assert "".join(end for _, end in rows[1:]) == text[4:]


def test_a_record_under_the_limit_may_span_many_lines() -> None:
    text = 'a,b\n1,"' + "x\n" * 1000 + 'y"\n2,w\n'
    rows = records(text, ",")
    assert [len(fields) for fields, _ in rows] == [2, 2, 2]
    assert rows[1][0][1] == '"' + "x\n" * 1000 + 'y"'


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["id,name\n", "1,A\n"], Dialect(",", "\n", "minimal")),
        (["id;name;city\r\n", '1;"A, B";C\r\n'], Dialect(";", "\r\n", "minimal")),
        (["id\tname\n", "1\tA, B\n"], Dialect("\t", "\n", "minimal")),
        (['"id","name"\n', '"1","A"\n'], Dialect(",", "\n", "all")),
        (['"id";"name";"n"\n', '"1";"A";2\n'], Dialect(";", "\n", "nonnumeric")),
        (["name\n", "Lukashenka\n"], Dialect(",", "\n", "minimal")),
    ],
)
def test_sniff(lines: list[str], expected: Dialect) -> None:
    assert sniff(lines) == expected


@pytest.mark.parametrize(
    ("data", "codec", "bom"),
    [
        ("id,імя\n".encode(), "utf-8", b""),
        (codecs.BOM_UTF8 + "id,імя\n".encode(), "utf-8", codecs.BOM_UTF8),
        ("\ufeffid\tімя\n".encode("utf-16-le"), "utf-16-le", codecs.BOM_UTF16_LE),
        ("\ufeffid\tімя\n".encode("utf-16-be"), "utf-16-be", codecs.BOM_UTF16_BE),
        ("id;імя\r\n1;Лукашэнка\r\n".encode("cp1251"), "cp1251", b""),
        ("id,імя\r\n1,Лукашэнка\r\n".encode("utf-16-le"), "utf-16-le", b""),
        ("id,імя\r\n1,Лукашэнка\r\n".encode("utf-16-be"), "utf-16-be", b""),
        ("id,імя\n1,Лукашэнка\n".encode("utf-32-le"), "utf-32-le", b""),
    ],
)
def test_detect_encoding(data: bytes, codec: str, bom: bytes) -> None:
    found = detect_encoding(data)
    assert (found.codec, found.bom) == (codec, bom)


def test_zero_bytes_that_read_as_no_utf16_are_refused() -> None:
    data = b"\x00\x00\xd8\xdc" * 200  # lone surrogates or out of range in every byte order
    with pytest.raises(CsvError, match="looks like UTF-16 or UTF-32 without a byte-order mark"):
        detect_encoding(data)


def test_detect_encoding_allows_a_character_cut_at_the_end_of_a_sample() -> None:
    data = "Лукашэнка".encode()[:-1]
    assert detect_encoding(data, complete=False).codec == "utf-8"


def test_given_encoding_splits_off_a_bom() -> None:
    assert given_encoding("utf-8", codecs.BOM_UTF8 + b"a") == Encoding("utf-8", codecs.BOM_UTF8)
    assert given_encoding("UTF-16", codecs.BOM_UTF16_BE + b"\0a") == Encoding(
        "utf-16-be", codecs.BOM_UTF16_BE
    )
    assert given_encoding("windows-1251", b"a") == Encoding("cp1251")
    with pytest.raises(CsvError, match="unknown encoding 'klingon'"):
        given_encoding("klingon", b"")


def test_output_encoding() -> None:
    assert output_encoding("utf-8-sig") == Encoding("utf-8", codecs.BOM_UTF8)
    assert output_encoding("utf-16") == Encoding("utf-16-le", codecs.BOM_UTF16_LE)
    assert output_encoding("cp1251") == Encoding("cp1251")


def test_a_late_windows_1251_byte_is_found_in_a_seekable_file(tmp_path: Path) -> None:
    data = b"id,name\n" + b"1,Smith\n" * 200_000 + "2,Лукашэнка\n".encode("cp1251")
    path = tmp_path / "late.csv"
    path.write_bytes(data)
    with path.open("rb") as binary, open_source(binary, str(path)) as source:
        assert source.encoding.codec == "cp1251"
        assert source.text.read().encode("cp1251") == data


def test_a_pipe_is_read_through_after_the_sample() -> None:
    data = "id,імя\n".encode() + b"1,x\n" * 400_000

    class Pipe(io.BytesIO):
        def seekable(self) -> bool:
            return False

    with open_source(Pipe(data), "-") as source:
        assert source.size is None
        assert source.text.read().encode() == data


def test_atomic_output_replaces_only_on_success(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_text("old\n")
    os.chmod(path, 0o640)
    with pytest.raises(RuntimeError), atomic_output(path, Encoding("utf-8")) as out:
        out.write("half")
        raise RuntimeError("boom")
    assert path.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]
    with atomic_output(path, Encoding("utf-16-le", codecs.BOM_UTF16_LE)) as out:
        out.write("new\r\n")
    assert path.read_bytes() == codecs.BOM_UTF16_LE + "new\r\n".encode("utf-16-le")
    assert path.stat().st_mode & 0o777 == 0o640


def test_atomic_output_keeps_a_symlink_and_writes_through_a_pipe(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    with atomic_output(link, Encoding("utf-8")) as out:
        out.write("new\n")
    assert link.is_symlink()
    assert real.read_text() == "new\n"

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # The read end is opened first, without blocking, so the write end opens at
    # once and the bytes wait in the pipe: no thread, nothing to hang on.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        with atomic_output(fifo, Encoding("utf-8")) as out:
            out.write("through\n")
        received = os.read(reader, 1024)
    finally:
        os.close(reader)
    assert received == b"through\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
