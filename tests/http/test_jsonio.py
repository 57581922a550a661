"""JSON answers through orjson (``namenorm.http.jsonio``) and the memory of lookup answers."""

from __future__ import annotations

import json
from datetime import date

from flask import Flask
from flask.testing import FlaskClient

from namenorm.http.jsonio import dumps
from namenorm.http.state import EXTENSION, Service


def test_answers_are_utf8_in_field_order(client: FlaskClient) -> None:
    response = client.get("/v1/lookup?q=Мінск")
    raw = response.get_data()
    assert "Мінск".encode() in raw and b"\\u" not in raw
    body = json.loads(raw)
    assert list(body) == ["query", "status", "match", "candidates"]
    assert list(body["match"]) == [
        "id", "kind", "name", "name_lang", "score", "matched", "method", "explanation"
    ]  # fmt: skip


def test_dumps_writes_what_json_reads() -> None:
    value = {"a": [1, 2.5, None, True], 3: "три", "d": date(2026, 1, 2)}
    assert json.loads(dumps(value)) == {"a": [1, 2.5, None, True], "3": "три", "d": "2026-01-02"}


def test_a_lookup_answer_is_made_once_and_is_the_result(app: Flask) -> None:
    service: Service = app.extensions[EXTENSION].service
    client = app.test_client()
    first = client.get("/v1/lookup?q=Babariko&limit=3").get_data()
    again = client.get("/v1/lookup?q=Babariko&limit=3").get_data()
    assert first == again
    assert json.loads(first) == service.result("Babariko", limit=3)
    info = service._answers.cache_info()  # type: ignore[attr-defined]
    assert info.hits >= 1 and info.misses >= 1


def test_a_new_registry_version_has_no_old_answers(app: Flask) -> None:
    holder = app.extensions[EXTENSION]
    old: Service = holder.service
    app.test_client().get("/v1/lookup?q=Minsk")
    fresh = Service.build(old.registry)
    assert fresh._answers.cache_info().currsize == 0  # type: ignore[attr-defined]
