"""namenorm.enrich.write: reading a registry file for appending, and appending to it.

The one writer of registry rows: ``namenorm registry add`` and accepted
proposals use it too, so all three add a row the same way.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from click.testing import CliRunner

from namenorm.cli import cli
from namenorm.enrich.write import NewRow, read_rows, render_rows, spelling_key
from namenorm.errors import RegistryError
from namenorm.proposals import Proposal, append_to_registry

FILE = (
    codecs.BOM_UTF8
    + b'id,kind,lang,name,preferred\r\nminsk,place,en,Minsk,1\r\nminsk,place,be,"\xd0\x9c\xd1\x96\xd0\xbd\xd1\x81\xd0\xba",1\r\n'
    + b'viasna,org,en,"Viasna\r\nHuman Rights Centre",1'
)


def test_read_rows_gives_dialect_header_stored_spellings_and_next_line() -> None:
    rows = read_rows(FILE)
    assert (rows.dialect.delimiter, rows.dialect.lineterminator) == (",", "\r\n")
    assert rows.header == ["id", "kind", "lang", "name", "preferred"]
    assert rows.stored[spelling_key("minsk", "en", " MINSK ")] == (2, "Minsk")
    assert rows.stored[spelling_key("minsk", "be", "Мінск")] == (3, "Мінск")
    assert rows.stored[spelling_key("viasna", "en", "Viasna\r\nHuman Rights Centre")][0] == 4
    assert rows.next_line == 6


def test_read_rows_names_missing_columns() -> None:
    with pytest.raises(RegistryError, match=r"missing column\(s\) kind, preferred; expected"):
        read_rows(b"id,lang,name\nminsk,en,Minsk\n", "r.csv")


def test_registry_add_and_proposals_append_the_same_bytes(tmp_path: Path) -> None:
    row = NewRow("minsk", "place", "pl", "Mińsk")
    expected = render_rows(FILE, [row])
    assert expected.endswith(b"1\r\nminsk,place,pl,Mi\xc5\x84sk,\r\n")

    by_command = tmp_path / "a.csv"
    by_command.write_bytes(FILE)
    args = ["registry", "add", "minsk", "--kind", "place", "--lang", "pl", "--name", "Mińsk"]
    result = CliRunner().invoke(cli, [*args, "--registry", str(by_command)])
    assert result.exit_code == 0, result.output
    assert result.output == f"{by_command}:6: added minsk,place,pl,Mińsk,\n"
    assert by_command.read_bytes() == expected

    by_proposal = tmp_path / "b.csv"
    by_proposal.write_bytes(FILE)
    proposal = Proposal("p1", "minsk", "place", "pl", "Mińsk")
    assert append_to_registry(by_proposal, [proposal, proposal]) == ([proposal], [proposal])
    assert by_proposal.read_bytes() == expected
