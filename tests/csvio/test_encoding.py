"""namenorm.csvio.encoding: what a file is encoded in, detected or given."""

from __future__ import annotations

import codecs

import pytest

from namenorm.csvio import (
    CsvError,
    Encoding,
    detect_encoding,
    given_encoding,
    output_encoding,
)


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
