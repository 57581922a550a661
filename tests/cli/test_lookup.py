"""namenorm lookup: the table, JSON lines, and its errors."""

from __future__ import annotations

import json

from click.testing import CliRunner

from namenorm.cli import cli


def test_table(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["lookup", "Lukashenko", "Smith", "Zhanna"], catch_exceptions=False)
    assert result.exit_code == 0
    assert (
        result.stdout
        == """\
Lukashenko: matched
   94.0  lukashenka-alaksandr  Aliaksandr Lukashenka
         'Lukashenko' is a stored en spelling of Aliaksandr Lukashenka (surname only).

Smith: ambiguous
   94.0  smith-jane  Jane Smith
         'Smith' is a stored en spelling of Jane Smith (surname only).
   94.0  smith-john  John Smith
         'Smith' is a stored en spelling of John Smith (surname only).

Zhanna: unmatched
  (no candidates)
"""
    )


def test_json_lines(runner: CliRunner) -> None:
    result = runner.invoke(
        cli,
        ["lookup", "Svetlana Tikhanovskaya", "Мінск", "--json", "--limit", "1"],
        catch_exceptions=False,
    )
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == [
        {
            "query": "Svetlana Tikhanovskaya",
            "status": "matched",
            "matches": [
                {
                    "id": "tsikhanouskaya-sviatlana",
                    "kind": "person",
                    "name": "Sviatlana Tsikhanouskaya",
                    "name_lang": "en",
                    "score": 100.0,
                    "matched": "Svetlana Tikhanovskaya",
                    "method": "exact",
                    "explanation": "'Svetlana Tikhanovskaya' is a stored en spelling of Sviatlana Tsikhanouskaya.",
                }
            ],
        },
        {
            "query": "Мінск",
            "status": "matched",
            "matches": [
                {
                    "id": "minsk",
                    "kind": "place",
                    "name": "Minsk",
                    "name_lang": "en",
                    "score": 100.0,
                    "matched": "Мінск",
                    "method": "exact",
                    "explanation": "'Мінск' is a stored be spelling of Minsk.",
                }
            ],
        },
    ]


def test_kind_filters(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["lookup", "Minsk", "--kind", "person"], catch_exceptions=False)
    assert result.stdout == "Minsk: unmatched\n  (no candidates)\n"


def test_usage_errors(runner: CliRunner) -> None:
    bad_kind = runner.invoke(cli, ["lookup", "x", "--kind", "city"], catch_exceptions=False)
    assert bad_kind.exit_code == 2
    assert bad_kind.stderr.endswith(
        "Error: Invalid value for '--kind': 'city' is not one of 'person', 'org', 'place'.\n"
    )
    too_long = runner.invoke(cli, ["lookup", "x" * 600], catch_exceptions=False)
    assert too_long.exit_code == 2
    assert too_long.stderr.endswith("Error: query is 600 characters long; expected at most 512\n")
    nothing = runner.invoke(cli, ["lookup"], catch_exceptions=False)
    assert nothing.exit_code == 2
    assert nothing.stderr.endswith("Error: Missing argument 'NAMES...'.\n")
