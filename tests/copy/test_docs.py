"""The copy-normalization reference (``docs/copy.md``) is true.

Its Python examples run as doctests; its ``namenorm fix`` sessions are run with
``CliRunner`` on the same file and compared line for line; its
``/v1/normalize`` example is posted to the app and the JSON compared.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from namenorm.cli import cli
from namenorm.http import create_app
from tests.readme import doc as read_doc
from tests.readme import run_doctests


def doc() -> str:
    return read_doc("copy")


ARTICLE = (
    "President Lukashenko met Viktor Babariko in Grodno.\n"
    "Babariko thanked Svetlana Tikhanovskaya.\n"
)


def console_sessions() -> list[tuple[str, str]]:
    """(command, output) for every ``$`` line of the console blocks."""
    blocks = re.findall(r"```console\n(.*?)```", doc(), re.DOTALL)
    sessions = []
    for block in blocks:
        command, _, output = block.partition("\n")
        while command.endswith("\\"):
            more, _, output = output.partition("\n")
            command = command[:-1] + more
        sessions.append((command.removeprefix("$ "), output))
    return sessions


def test_python_examples_run() -> None:
    result = run_doctests(doc(), "docs/copy.md")
    assert result.attempted >= 15
    assert result.failed == 0


@pytest.mark.parametrize(
    ("command", "output"),
    [s for s in console_sessions() if s[0].startswith("namenorm fix")],
)
def test_fix_sessions(
    command: str, output: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NAMENORM_REGISTRY", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, shlex.split(command)[1:], catch_exceptions=False)
    assert result.output == output
    assert result.exit_code == (1 if "--check" in command else 0)


def test_normalize_endpoint_session() -> None:
    ((command, output),) = [s for s in console_sessions() if s[0].startswith("curl")]
    body = json.loads(re.search(r"-d '(.*)'", command).group(1))  # type: ignore[union-attr]
    response = create_app().test_client().post("/v1/normalize", json=body)
    assert response.status_code == 200
    assert response.get_json() == json.loads(output)
