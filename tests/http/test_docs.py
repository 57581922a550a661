"""The HTTP reference (``docs/http.md``) documents every operation and names every
HTTP setting, its Python example runs, and the README's curl sessions are true.

"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask.testing import FlaskClient

from tests.readme import README, run_doctests
from tests.readme import doc as read_doc

ROOT = Path(__file__).resolve().parents[2]

DOC_NAME = "docs/http.md"


def doc() -> str:
    return read_doc("http")


HTTP_SETTINGS = [
    "NAMENORM_HOST",
    "NAMENORM_PORT",
    "NAMENORM_WORKERS",
    "NAMENORM_REGISTRY",
    "NAMENORM_CORS_ORIGINS",
    "NAMENORM_ADMIN_TOKEN",
    "NAMENORM_PUBLIC_URL",
    "NAMENORM_THREADS",
    "NAMENORM_READ_TIMEOUT",
    "NAMENORM_TIME_BUDGET",
]


def test_every_operation_is_documented(client: FlaskClient) -> None:
    text = doc()
    for path, item in client.get("/openapi.json").get_json()["paths"].items():
        for method in item:
            pattern = re.escape(path).replace(re.escape("{id}"), r"(\{id\}|\S+)")
            assert re.search(pattern, text), f"{method.upper()} {path} is not in {DOC_NAME}"


@pytest.mark.parametrize("env", HTTP_SETTINGS)
def test_every_http_setting_is_documented(env: str) -> None:
    assert f"`{env}`" in doc()


def test_every_error_status_is_documented() -> None:
    text = doc()
    for status in (400, 401, 404, 405, 408, 413, 415, 422):
        assert f"| {status} |" in text


def test_the_python_example_runs() -> None:
    result = run_doctests(doc(), "docs/http.md")
    assert result.attempted >= 3
    assert result.failed == 0


def curl_sessions() -> list[tuple[str, str]]:
    """(command, output) of every ``$ curl`` line in the README's console blocks."""
    found: list[tuple[str, str]] = []
    for block in re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), re.S):
        for step in re.split(r"(?m)^(?=\$ )", block):
            command, _, output = step.partition("\n")
            if command.startswith("$ curl "):
                found.append((command[2:], output))
    return found


@pytest.mark.parametrize(("command", "output"), curl_sessions())
def test_readme_curl_sessions(command: str, output: str, shipped_client: FlaskClient) -> None:
    words = shlex.split(command)
    urls = [w for w in words if w.startswith("http://")]
    assert len(urls) == 1, command
    url = urlsplit(urls[0])
    path = url.path + (f"?{url.query}" if url.query else "")
    if "-d" in words:
        body = json.loads(words[words.index("-d") + 1])
        response = shipped_client.post(path, json=body)
    else:
        response = shipped_client.get(path)
    assert response.status_code == 200, command
    assert response.get_json() == json.loads(output), command


def test_the_readme_has_curl_sessions() -> None:
    assert len(curl_sessions()) >= 2
