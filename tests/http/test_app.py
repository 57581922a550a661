"""The app factory: warm index, settings, CORS outside /reconcile, the access log,
and the thin top-level ``service.py``."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from namenorm import Registry
from namenorm.http import create_app
from namenorm.knowledge import AliasTable


def test_index_is_built_before_the_first_request(registry_csv: Path) -> None:
    registry = Registry.from_csv(registry_csv)
    assert registry._index is None
    create_app(registry, config={"ACCESS_LOG": False})
    assert registry._index is not None


def test_default_registry_comes_from_the_setting(
    registry_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NAMENORM_REGISTRY", str(registry_csv))
    client = create_app(config={"ACCESS_LOG": False}).test_client()
    assert client.get("/health").get_json()["registry_size"] == 5


def test_settings_are_read_at_creation(registry_csv: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAMENORM_ADMIN_TOKEN", "from-env")
    monkeypatch.setenv("NAMENORM_CORS_ORIGINS", "https://a.example, https://b.example/")
    app = create_app(Registry.from_csv(registry_csv), config={"ACCESS_LOG": False})
    assert app.config["ADMIN_TOKEN"] == "from-env"
    assert app.config["CORS_ORIGINS"] == ("https://a.example", "https://b.example")
    monkeypatch.setenv("NAMENORM_ADMIN_TOKEN", "changed")
    headers = {"Authorization": "Bearer from-env"}
    assert app.test_client().post("/v1/admin/reload", headers=headers).status_code == 200


# -- CORS on /v1 ---------------------------------------------------------------
def test_cors_is_off_on_v1_by_default(client: FlaskClient) -> None:
    response = client.get("/v1/lookup?q=Minsk", headers={"Origin": "https://a.example"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_cors_on_v1_allows_only_the_configured_origins(registry_csv: Path) -> None:
    app = create_app(
        Registry.from_csv(registry_csv),
        config={"ACCESS_LOG": False, "CORS_ORIGINS": "https://a.example"},
    )
    client = app.test_client()
    allowed = client.get("/v1/lookup?q=Minsk", headers={"Origin": "https://a.example"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://a.example"
    assert "Origin" in allowed.headers["Vary"]
    other = client.get("/v1/lookup?q=Minsk", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    preflight = client.options(
        "/v1/lookup",
        headers={"Origin": "https://a.example", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://a.example"
    assert "Content-Type" in preflight.headers["Access-Control-Allow-Headers"]


def test_cors_wildcard(registry_csv: Path) -> None:
    app = create_app(
        Registry.from_csv(registry_csv), config={"ACCESS_LOG": False, "CORS_ORIGINS": ["*"]}
    )
    response = app.test_client().get("/health", headers={"Origin": "https://any.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"


# -- access log --------------------------------------------------------------
def test_one_log_line_per_request_on_stderr(
    registry_csv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    client = create_app(Registry.from_csv(registry_csv)).test_client()
    capsys.readouterr()
    client.get("/v1/lookup?q=Minsk")
    client.get("/v1/entities/nobody")
    client.post("/v1/lookup", json={"queries": ["Minsk"]})
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 3
    pattern = re.compile(r"(GET|POST) (/\S*) (\d{3}) (\d+\.\d+)ms")
    parsed = [pattern.fullmatch(line) for line in lines]
    assert all(parsed), lines
    assert [(m[1], m[2], m[3]) for m in parsed if m] == [
        ("GET", "/v1/lookup", "200"),
        ("GET", "/v1/entities/nobody", "404"),
        ("POST", "/v1/lookup", "200"),
    ]


def test_access_log_can_be_turned_off(
    client: FlaskClient, capsys: pytest.CaptureFixture[str]
) -> None:
    client.get("/health")
    assert capsys.readouterr().err == ""


# -- the bench route -------------------------------------------------------------
def test_bench_route_only_when_enabled(registry_csv: Path) -> None:
    registry = Registry.from_csv(registry_csv)
    plain = create_app(registry, config={"ACCESS_LOG": False}).test_client()
    assert plain.get("/_bench/constant").status_code == 404
    bench = create_app(registry, config={"ACCESS_LOG": False, "BENCH_ROUTES": True})
    assert bench.test_client().get("/_bench/constant").get_json() == {"status": "ok"}


# -- service.py ------------------------------------------------------------------
def test_service_module_is_a_thin_wsgi_entry(
    registry_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NAMENORM_REGISTRY", str(registry_csv))
    service = importlib.import_module("service")
    assert service.create_app is create_app
    assert callable(service.app.wsgi_app)
    assert service.app.test_client().get("/health").status_code == 200


def test_the_app_builds_at_start_what_a_first_fuzzy_lookup_would_build(
    registry_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The knowledge tables' other names of places are built with the app, not by the
    first request that needs them (1.4-3.4 s of it in every new worker)."""
    client = create_app(Registry.from_csv(registry_csv), config={"ACCESS_LOG": False}).test_client()

    def built_late(*_: object) -> None:
        raise AssertionError("the alias table was built during a request")

    monkeypatch.setattr(AliasTable, "build", built_late)
    assert client.get("/v1/lookup?q=Alexander+Alexander").status_code == 200
