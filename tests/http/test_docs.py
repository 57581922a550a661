"""The HTTP section of the README documents every operation and every HTTP
setting, and its Python example runs.

"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.readme import run_doctests, section

ROOT = Path(__file__).resolve().parents[2]

DOC_NAME = "README.md"


def doc() -> str:
    return section("HTTP service")


HTTP_SETTINGS = [
    "NAMENORM_HOST",
    "NAMENORM_PORT",
    "NAMENORM_WORKERS",
    "NAMENORM_REGISTRY",
    "NAMENORM_CORS_ORIGINS",
    "NAMENORM_ADMIN_TOKEN",
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
    for status in (400, 401, 404, 405, 413, 415, 422):
        assert f"| {status} |" in text


def test_the_python_example_runs() -> None:
    result = run_doctests(doc(), "README HTTP section")
    assert result.attempted >= 3
    assert result.failed == 0
