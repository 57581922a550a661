"""Every error the API answers with: one JSON shape, the status the issue names,
a message that quotes the bad value; and no input that makes a 500."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.exceptions import InternalServerError

from namenorm.http import MAX_BODY, create_app
from namenorm.http.errors import handle_error

from .conftest import TOKEN, assert_error

BIG = "x" * (MAX_BODY + 1)

# (method, path, request kwargs, status, code, text the message must contain)
CASES: list[tuple[str, str, dict[str, Any], int, str, str]] = [
    # 400: lookup arguments
    ("GET", "/v1/lookup", {}, 400, "invalid_input", "'q' is missing"),
    ("GET", "/v1/lookup?q=", {}, 400, "invalid_input", "'q' is empty"),
    ("GET", "/v1/lookup?q=" + "a" * 513, {}, 400, "query_too_long", "513"),
    ("GET", "/v1/lookup?q=Minsk&limit=0", {}, 400, "invalid_input", "'0'"),
    ("GET", "/v1/lookup?q=Minsk&limit=51", {}, 400, "invalid_input", "'51'"),
    ("GET", "/v1/lookup?q=Minsk&limit=two", {}, 400, "invalid_input", "'two'"),
    ("GET", "/v1/lookup?q=Minsk&limit=-1", {}, 400, "invalid_input", "'-1'"),
    ("GET", "/v1/lookup?q=Minsk&kind=animal", {}, 400, "unknown_kind", "'animal'"),
    ("GET", "/v1/lookup?q=Minsk&kind=", {}, 400, "unknown_kind", "''"),
    ("GET", "/v1/lookup?q=Minsk&lang=xx", {}, 400, "unknown_lang", "'xx'"),
    # 400: batch bodies
    (
        "POST",
        "/v1/lookup",
        {"data": "{", "content_type": "application/json"},
        400,
        "invalid_input",
        "malformed JSON",
    ),
    (
        "POST",
        "/v1/lookup",
        {"data": b"\xff\xfe", "content_type": "application/json"},
        400,
        "invalid_input",
        "malformed JSON",
    ),
    (
        "POST",
        "/v1/lookup",
        {"data": "[" * 100_000, "content_type": "application/json"},
        400,
        "invalid_input",
        "malformed JSON",
    ),
    ("POST", "/v1/lookup", {"json": ["Minsk"]}, 400, "invalid_input", "JSON array"),
    ("POST", "/v1/lookup", {"json": "Minsk"}, 400, "invalid_input", "JSON string"),
    (
        "POST",
        "/v1/lookup",
        {"data": "null", "content_type": "application/json"},
        400,
        "invalid_input",
        "JSON null",
    ),
    ("POST", "/v1/lookup", {"json": {}}, 400, "invalid_input", "'queries'"),
    (
        "POST",
        "/v1/lookup",
        {"json": {"queries": "Minsk"}},
        400,
        "invalid_input",
        "expected an array",
    ),
    (
        "POST",
        "/v1/lookup",
        {"json": {"queries": ["Minsk", ""]}},
        400,
        "invalid_input",
        "queries[1]",
    ),
    ("POST", "/v1/lookup", {"json": {"queries": [7]}}, 400, "invalid_input", "queries[0] is 7"),
    ("POST", "/v1/lookup", {"json": {"queries": ["a" * 513]}}, 400, "query_too_long", "513"),
    (
        "POST",
        "/v1/lookup",
        {"json": {"queries": [], "kinds": "place"}},
        400,
        "invalid_input",
        "'kinds'",
    ),
    (
        "POST",
        "/v1/lookup",
        {"json": {"queries": [], "kind": "animal"}},
        400,
        "unknown_kind",
        "'animal'",
    ),
    (
        "POST",
        "/v1/lookup",
        {"json": {"queries": [], "kind": 3}},
        400,
        "invalid_input",
        "body.kind is 3",
    ),
    ("POST", "/v1/lookup", {"json": {"queries": [], "lang": "xx"}}, 400, "unknown_lang", "'xx'"),
    ("POST", "/v1/lookup", {"json": {"queries": [], "limit": True}}, 400, "invalid_input", "True"),
    ("POST", "/v1/lookup", {"json": {"queries": [], "limit": 1.5}}, 400, "invalid_input", "1.5"),
    # 400: transliteration
    ("GET", "/v1/transliterate?lang=be", {}, 400, "invalid_input", "'text' is missing"),
    ("GET", "/v1/transliterate?text=Минск", {}, 400, "invalid_input", "'lang' is missing"),
    ("GET", "/v1/transliterate?text=Минск&lang=pl", {}, 400, "unknown_lang", "'pl'"),
    (
        "GET",
        "/v1/transliterate?text=Минск&lang=ru&system=lacinka",
        {},
        400,
        "unknown_system",
        "'lacinka'",
    ),
    ("GET", "/v1/transliterate?lang=ru&text=" + "a" * 10_001, {}, 400, "invalid_input", "10001"),
    ("GET", "/v1/systems?lang=xx", {}, 400, "unknown_lang", "'xx'"),
    # 400: normalization
    ("POST", "/v1/normalize", {"json": {}}, 400, "invalid_input", "'text'"),
    ("POST", "/v1/normalize", {"json": {"text": 1}}, 400, "invalid_input", "JSON number"),
    ("POST", "/v1/normalize", {"json": {"text": "x", "lang": "xx"}}, 400, "unknown_lang", "'xx'"),
    ("POST", "/v1/normalize", {"json": {"text": "x", "extra": 1}}, 400, "invalid_input", "'extra'"),
    ("POST", "/v1/normalize", {"json": [1]}, 400, "invalid_input", "JSON array"),
    # 400: reconciliation
    ("GET", "/reconcile?queries={", {}, 400, "invalid_input", "malformed JSON"),
    ("GET", "/reconcile?queries=[]", {}, 400, "invalid_input", "JSON array"),
    # (a bad query inside a batch is answered on its own: tests/http/test_reconcile_errors.py)
    ("POST", "/reconcile", {"data": {"other": "1"}}, 400, "invalid_input", "'queries'"),
    ("POST", "/reconcile", {"json": [1]}, 400, "invalid_input", "JSON array"),
    (
        "POST",
        "/reconcile",
        {"data": "null", "content_type": "application/json"},
        400,
        "invalid_input",
        "JSON null",
    ),
    ("POST", "/reconcile", {"data": {"queries": "null"}}, 400, "invalid_input", "JSON null"),
    ("GET", "/reconcile?queries=null", {}, 400, "invalid_input", "JSON null"),
    ("GET", "/reconcile/suggest/entity", {}, 400, "invalid_input", "'prefix'"),
    ("GET", "/reconcile/suggest/entity?prefix=a&cursor=-1", {}, 400, "invalid_input", "'-1'"),
    ("GET", "/reconcile/suggest/entity?prefix=" + "a" * 513, {}, 400, "query_too_long", "513"),
    ("GET", "/reconcile/preview", {}, 400, "invalid_input", "'id'"),
    # 401: admin without or with a wrong token
    ("POST", "/v1/admin/reload", {}, 401, "unauthorized", "Bearer"),
    (
        "POST",
        "/v1/admin/reload",
        {"headers": {"Authorization": "Bearer wrong"}},
        401,
        "unauthorized",
        "Bearer",
    ),
    (
        "POST",
        "/v1/admin/reload",
        {"headers": {"Authorization": f"Basic {TOKEN}"}},
        401,
        "unauthorized",
        "Bearer",
    ),
    (
        "POST",
        "/v1/admin/reload",
        {"headers": {"Authorization": f"Bearer {TOKEN}x"}},
        401,
        "unauthorized",
        "Bearer",
    ),
    # 404: unknown route or ID
    ("GET", "/nowhere", {}, 404, "not_found", "'/nowhere'"),
    ("GET", "/v1/entities/nobody", {}, 404, "not_found", "'nobody'"),
    ("GET", "/v1/entities/", {}, 404, "not_found", "/v1/entities/"),
    ("GET", "/reconcile/preview?id=nobody", {}, 404, "not_found", "'nobody'"),
    # 400 too: more than 1,000 queries (a batch's content, not its size in bytes)
    ("POST", "/v1/lookup", {"json": {"queries": ["Minsk"] * 1001}}, 400, "invalid_input", "1001"),
    (
        "POST",
        "/reconcile",
        {"json": {f"q{i}": {"query": "Minsk"} for i in range(1001)}},
        400,
        "invalid_input",
        "1001",
    ),
    # 405: wrong method
    ("DELETE", "/v1/lookup", {}, 405, "method_not_allowed", "DELETE"),
    ("PUT", "/reconcile", {}, 405, "method_not_allowed", "PUT"),
    ("DELETE", "/reconcile/", {}, 405, "method_not_allowed", "DELETE"),
    ("POST", "/v1/entities/minsk", {}, 405, "method_not_allowed", "POST"),
    ("GET", "/v1/normalize", {}, 405, "method_not_allowed", "GET"),
    ("GET", "/v1/admin/reload", {}, 405, "method_not_allowed", "GET"),
    ("POST", "/health", {}, 405, "method_not_allowed", "POST"),
    # 413: body over 1 MiB
    (
        "POST",
        "/v1/lookup",
        {"data": BIG, "content_type": "application/json"},
        413,
        "payload_too_large",
        str(MAX_BODY),
    ),
    (
        "POST",
        "/v1/normalize",
        {"data": BIG, "content_type": "application/json"},
        413,
        "payload_too_large",
        str(MAX_BODY),
    ),
    ("POST", "/reconcile", {"data": {"queries": BIG}}, 413, "payload_too_large", str(MAX_BODY)),
    # 415: a JSON endpoint sent another content type
    (
        "POST",
        "/v1/lookup",
        {"data": "queries=Minsk", "content_type": "application/x-www-form-urlencoded"},
        415,
        "unsupported_media_type",
        "'application/x-www-form-urlencoded'",
    ),
    (
        "POST",
        "/v1/lookup",
        {"data": '{"queries": []}', "content_type": "text/plain"},
        415,
        "unsupported_media_type",
        "'text/plain'",
    ),
    ("POST", "/v1/lookup", {}, 415, "unsupported_media_type", "(none)"),
    (
        "POST",
        "/v1/normalize",
        {"data": "text", "content_type": "text/plain"},
        415,
        "unsupported_media_type",
        "'text/plain'",
    ),
    (
        "POST",
        "/reconcile",
        {"data": "{}", "content_type": "text/plain"},
        415,
        "unsupported_media_type",
        "'text/plain'",
    ),
]


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "code", "needle"),
    CASES,
    ids=[f"{c[3]}-{c[0]}-{c[1][:40]}-{i}" for i, c in enumerate(CASES)],
)
def test_error(
    client: FlaskClient,
    method: str,
    path: str,
    kwargs: dict[str, Any],
    status: int,
    code: str,
    needle: str,
) -> None:
    error = assert_error(client.open(path, method=method, **kwargs), status, code)
    assert needle in error["message"]


def test_every_issue_status_is_covered() -> None:
    assert {c[3] for c in CASES} == {400, 401, 404, 405, 413, 415}


def test_405_names_the_allowed_methods(client: FlaskClient) -> None:
    response = client.delete("/v1/entities/minsk")
    assert "GET" in response.headers["Allow"]
    assert "expected GET" in response.get_json()["error"]["message"]


def test_401_asks_for_a_bearer_token(client: FlaskClient) -> None:
    response = client.post("/v1/admin/reload")
    assert response.headers["WWW-Authenticate"].lower().startswith("bearer")


def test_reload_is_404_without_a_configured_token() -> None:
    app = create_app(config={"ADMIN_TOKEN": "", "ACCESS_LOG": False})
    client = app.test_client()
    assert_error(client.post("/v1/admin/reload"), 404, "not_found")
    assert_error(client.post("/v1/admin/reload", headers={"Authorization": "Bearer "}), 404)


def test_a_bug_is_a_json_500_not_a_page(app: Flask) -> None:
    """The safety net: an unexpected exception still answers in the error shape."""

    @app.get("/boom")
    def boom() -> str:
        raise RuntimeError("boom")

    error = assert_error(app.test_client().get("/boom"), 500, "internal_error")
    assert "boom" not in error["message"]  # no internals leak


def test_handler_maps_werkzeug_errors(app: Flask) -> None:
    with app.test_request_context("/x"):
        response = handle_error(InternalServerError("down"))
    assert response.status_code == 500
    assert response.get_json() == {"error": {"code": "internal_server_error", "message": "down"}}
