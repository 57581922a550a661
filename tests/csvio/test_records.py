"""namenorm.csvio.records: the raw-preserving tokenizer against its reference, the csv module.

Properties over generated text: joining the raw fields gives back the input
exactly, and unquoting them gives what ``csv.reader`` reads.
"""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namenorm.csvio import (
    RawReader,
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
