"""Fixtures for the HTTP service.

Fixture strategy: the smallest fixture that has what you need.

- ``registry_csv``: a five-entity registry written to ``tmp_path`` (a fresh
  file per test, so reload tests may rewrite it). Two Babarykas share a
  surname, which makes ``Babaryka`` ambiguous.
- ``app`` / ``client``: an app on that file with the access log off and an
  admin token set; most route and error tests need nothing more.
- ``shipped_app`` / ``shipped_client``: the shipped registry, built once per
  session, for tests where real spellings matter (reconciliation against
  ``resolve``, normalization of real copy).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from flask import Flask
from flask.testing import FlaskClient

from namenorm import Registry, default_registry
from namenorm.http import create_app

SCHEMAS = Path(__file__).parent / "schemas"
TOKEN = "test-admin-token"

SMALL_CSV = """\
id,kind,lang,name,preferred
babaryka-viktar,person,en,Viktar Babaryka,1
babaryka-viktar,person,en,Viktor Babariko,
babaryka-viktar,person,be,Віктар Бабарыка,1
babaryka-viktar,person,ru,Виктор Бабарико,1
babaryka-maryia,person,en,Maryia Babaryka,1
babaryka-maryia,person,be,Марыя Бабарыка,1
minsk,place,en,Minsk,1
minsk,place,be,Мінск,1
minsk,place,ru,Минск,1
hrodna,place,en,Hrodna,1
hrodna,place,pl,Grodno,
viasna,org,en,Viasna,1
viasna,org,be,Вясна,1
"""


@pytest.fixture
def registry_csv(tmp_path: Path) -> Path:
    """The small registry as a file of its own."""
    path = tmp_path / "variants.csv"
    path.write_text(SMALL_CSV, encoding="utf-8")
    return path


@pytest.fixture
def app(registry_csv: Path) -> Flask:
    """An app on the small registry, admin token set, access log off."""
    return create_app(
        Registry.from_csv(registry_csv), config={"ADMIN_TOKEN": TOKEN, "ACCESS_LOG": False}
    )


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="session")
def shipped_app() -> Flask:
    """An app on the shipped registry (its index built once for the session)."""
    return create_app(default_registry(), config={"ACCESS_LOG": False})


@pytest.fixture
def shipped_client(shipped_app: Flask) -> Iterator[FlaskClient]:
    yield shipped_app.test_client()


def schema(name: str) -> dict[str, Any]:
    """One of the reconciliation API 0.2 JSON schemas in ``schemas/``."""
    loaded: dict[str, Any] = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    return loaded


def assert_valid(instance: object, name: str) -> None:
    """Fail with jsonschema's message when ``instance`` does not fit schema ``name``."""
    jsonschema.validate(instance, schema(name), cls=jsonschema.Draft202012Validator)


def assert_error(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """The response is the one error shape with ``status`` (and ``code``); returns the error."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"error"}
    error: dict[str, Any] = body["error"]
    assert {"code", "message"} <= set(error)
    assert isinstance(error["message"], str) and error["message"]
    if code is not None:
        assert error["code"] == code
    return error
