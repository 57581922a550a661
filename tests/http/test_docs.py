"""The HTTP section of the README documents every operation and every HTTP
setting, and its Python example runs.

The section is written in ``docs/readme/http.md`` and merged into
``README.md``; the checks read the fragment while it exists, else the README.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

ROOT = Path(__file__).resolve().parents[2]
FRAGMENT = ROOT / "docs" / "readme" / "http.md"
DOC = FRAGMENT if FRAGMENT.exists() else ROOT / "README.md"
HTTP_SETTINGS = [
    "NAMENORM_HOST",
    "NAMENORM_PORT",
    "NAMENORM_WORKERS",
    "NAMENORM_REGISTRY",
    "NAMENORM_CORS_ORIGINS",
    "NAMENORM_ADMIN_TOKEN",
]


def test_every_operation_is_documented(client: FlaskClient) -> None:
    text = DOC.read_text(encoding="utf-8")
    for path, item in client.get("/openapi.json").get_json()["paths"].items():
        for method in item:
            pattern = re.escape(path).replace(re.escape("{id}"), r"(\{id\}|\S+)")
            assert re.search(pattern, text), f"{method.upper()} {path} is not in {DOC.name}"


@pytest.mark.parametrize("env", HTTP_SETTINGS)
def test_every_http_setting_is_documented(env: str) -> None:
    assert f"`{env}`" in DOC.read_text(encoding="utf-8")


def test_every_error_status_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for status in (400, 401, 404, 405, 413, 415, 422):
        assert f"| {status} |" in text


def test_the_python_example_runs() -> None:
    result = doctest.testfile(str(DOC), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 3
    assert result.failed == 0
