"""namenorm.csvio.dialect: quoting and splitting one record, sniffing a file's dialect."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namenorm.csvio import (
    Dialect,
    quote,
    sniff,
    split_record,
    unquote,
)


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
