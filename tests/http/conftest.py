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

``assert_valid`` checks reconciliation answers against the JSON schemas the
reconciliation API 0.2 publishes (``tests/fixtures/reconciliation-api-0.2``).
Every test client here validates every response it gets against the schema
files the OpenAPI document declares (``namenorm/http/schemas``): a 200 against
its route's answer in ``namenorm.http.routes``, every error against ``Error``
(:class:`ValidatingClient`, installed for every test of this folder).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import referencing
import referencing.jsonschema
from flask import Flask
from flask.testing import FlaskClient

from namenorm import Registry, default_registry
from namenorm.http import create_app
from namenorm.http.openapi import schemas
from namenorm.http.routes import ROUTES, Route
from namenorm.http.state import EXTENSION

SPEC = Path(__file__).resolve().parents[1] / "fixtures" / "reconciliation-api-0.2"
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


def _pattern(path: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(path)) + "/?")


_ROUTES = [(route, _pattern(route.path)) for route in ROUTES]


def route_of(method: str, path: str) -> Route | None:
    """The declared route that serves ``method path``, if any."""
    for route, pattern in _ROUTES:
        if route.method == method.lower() and pattern.fullmatch(path):
            return route
    return None


@cache
def _validator(langs: tuple[str, ...], name: str) -> jsonschema.Draft202012Validator:
    root = {"$ref": f"#/components/schemas/{name}", "components": {"schemas": schemas(langs)}}
    return jsonschema.Draft202012Validator(root)


def check_response(app: Flask, method: str, path: str, response: Any) -> None:
    """Fail when a JSON response does not fit the schema its route declares."""
    if response.mimetype != "application/json":
        return
    langs = tuple(app.extensions[EXTENSION].service.langs)
    body = response.get_json()
    if response.status_code >= 400:
        name = "Error"
    elif (route := route_of(method, path)) is not None and response.status_code == 200:
        name = route.answer
    else:
        return
    errors = sorted(_validator(langs, name).iter_errors(body), key=str)
    assert not errors, f"{method} {path} {response.status_code} does not fit {name}: {errors[0]}"


class ValidatingClient(FlaskClient):
    """A test client that checks every response against the declared schemas."""

    def open(self, *args: Any, **kwargs: Any) -> Any:
        response = super().open(*args, **kwargs)
        request = response.request
        check_response(self.application, request.method, request.path, response)
        return response


@pytest.fixture(autouse=True)
def validating_clients(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every app's test client validates its responses (see :class:`ValidatingClient`)."""
    monkeypatch.setattr(Flask, "test_client_class", ValidatingClient)


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


@cache
def schema(name: str) -> dict[str, Any]:
    """One of the reconciliation API 0.2's published JSON schemas (``SPEC/<name>.json``)."""
    loaded: dict[str, Any] = json.loads((SPEC / f"{name}.json").read_text(encoding="utf-8"))
    return loaded


@cache
def _spec_registry() -> referencing.Registry[Any]:
    """The published schemas by their ``$id``, so ``type.json`` references resolve here."""
    resources = [
        referencing.Resource.from_contents(
            schema(path.stem), default_specification=referencing.jsonschema.DRAFT7
        )
        for path in sorted(SPEC.glob("*.json"))
    ]
    return referencing.Registry().with_resources((r.id() or "", r) for r in resources)


def assert_valid(instance: object, name: str) -> None:
    """Fail, listing every violation, when ``instance`` does not fit published schema ``name``
    (read as JSON Schema draft 7; see ``SPEC/README.md``)."""
    validator = jsonschema.Draft7Validator(schema(name), registry=_spec_registry())
    problems = sorted(
        f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)
    )
    assert not problems, f"not a valid {name}:\n" + "\n".join(problems)


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
