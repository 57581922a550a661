"""The JSON API under /v1: lookup (one and batch), entities, transliteration,
systems, normalization and the admin reload."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from namenorm import Registry, transliterate
from namenorm.http import create_app

from .conftest import TOKEN, assert_error

MATCH_KEYS = {"id", "kind", "name", "name_lang", "score", "matched", "method", "explanation"}


# -- GET /v1/lookup ----------------------------------------------------------
def test_lookup_matched(client: FlaskClient) -> None:
    body = client.get("/v1/lookup", query_string={"q": "Viktor Babariko"}).get_json()
    assert list(body) == ["query", "status", "match", "candidates"]
    assert body["query"] == "Viktor Babariko"
    assert body["status"] == "matched"
    assert set(body["match"]) == MATCH_KEYS
    assert body["match"]["id"] == "babaryka-viktar"
    assert body["match"]["name"] == "Viktar Babaryka"
    assert body["match"]["method"] == "exact"
    assert body["candidates"][0] == body["match"]


def test_lookup_ambiguous_has_no_match_but_both_candidates(client: FlaskClient) -> None:
    body = client.get("/v1/lookup?q=Babaryka").get_json()
    assert body["status"] == "ambiguous"
    assert body["match"] is None
    assert {c["id"] for c in body["candidates"]} == {"babaryka-viktar", "babaryka-maryia"}


def test_lookup_unmatched(client: FlaskClient) -> None:
    body = client.get("/v1/lookup?q=xyzzy").get_json()
    assert body == {"query": "xyzzy", "status": "unmatched", "match": None, "candidates": []}


def test_lookup_limit_one_still_sees_the_tie(client: FlaskClient) -> None:
    """``limit=1`` must not turn an ambiguous name into a match."""
    body = client.get("/v1/lookup?q=Babaryka&limit=1").get_json()
    assert body["status"] == "ambiguous"
    assert len(body["candidates"]) == 1


def test_lookup_kind_and_lang(client: FlaskClient) -> None:
    assert client.get("/v1/lookup?q=Minsk&kind=person").get_json()["status"] == "unmatched"
    body = client.get("/v1/lookup?q=Minsk&kind=place&lang=be").get_json()
    assert body["match"]["name"] == "Мінск"


def test_lookup_whitespace_only_is_unmatched_not_an_error(client: FlaskClient) -> None:
    assert client.get("/v1/lookup", query_string={"q": "  "}).get_json()["status"] == "unmatched"


# -- POST /v1/lookup ---------------------------------------------------------
def test_batch_keeps_order_and_shape(client: FlaskClient) -> None:
    queries = ["Minsk", "Babaryka", "xyzzy", "Grodno"]
    response = client.post("/v1/lookup", json={"queries": queries, "limit": 2})
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [r["query"] for r in results] == queries
    assert [r["status"] for r in results] == ["matched", "ambiguous", "unmatched", "matched"]
    for query, result in zip(queries, results, strict=True):
        single = client.get("/v1/lookup", query_string={"q": query, "limit": 2}).get_json()
        assert result == single


def test_batch_of_exactly_1000_is_accepted(client: FlaskClient) -> None:
    response = client.post("/v1/lookup", json={"queries": ["Minsk"] * 1000})
    assert response.status_code == 200
    assert len(response.get_json()["results"]) == 1000


def test_batch_kind_and_lang(client: FlaskClient) -> None:
    body = client.post(
        "/v1/lookup", json={"queries": ["Minsk"], "kind": "place", "lang": "ru"}
    ).get_json()
    assert body["results"][0]["match"]["name"] == "Минск"


def test_batch_empty_list(client: FlaskClient) -> None:
    assert client.post("/v1/lookup", json={"queries": []}).get_json() == {
        "results": [],
        "skipped": 0,
    }


def test_json_with_charset_is_json(client: FlaskClient) -> None:
    response = client.post(
        "/v1/lookup",
        data='{"queries": ["Minsk"]}',
        content_type="application/json; charset=utf-8",
    )
    assert response.status_code == 200


# -- GET /v1/entities/{id} -------------------------------------------------
def test_entity(client: FlaskClient) -> None:
    body = client.get("/v1/entities/babaryka-viktar").get_json()
    assert body["id"] == "babaryka-viktar"
    assert body["kind"] == "person"
    assert body["name"] == "Viktar Babaryka"
    assert {"text": "Viktor Babariko", "lang": "en", "preferred": False} in body["names"]
    assert len(body["names"]) == 4
    assert body["preferred"] == {
        "en": "Viktar Babaryka",
        "be": "Віктар Бабарыка",
        "ru": "Виктор Бабарико",
    }


def test_unknown_entity_is_404(client: FlaskClient) -> None:
    error = assert_error(client.get("/v1/entities/nobody"), 404, "not_found")
    assert "'nobody'" in error["message"]


# -- transliteration -------------------------------------------------------
def test_transliterate_defaults_to_news(client: FlaskClient) -> None:
    body = client.get(
        "/v1/transliterate", query_string={"text": "Лукашэнка", "lang": "be"}
    ).get_json()
    assert body == {"text": "Лукашэнка", "lang": "be", "system": "news", "result": "Lukashenka"}


@pytest.mark.parametrize(
    ("lang", "system"), [("be", "national-2023"), ("ru", "iso9"), ("uk", "ascii")]
)
def test_transliterate_is_the_library(client: FlaskClient, lang: str, system: str) -> None:
    text = "Щучин Ёлкі"
    body = client.get(
        "/v1/transliterate", query_string={"text": text, "lang": lang, "system": system}
    ).get_json()
    assert body["result"] == transliterate(text, lang, system)


def test_systems(client: FlaskClient) -> None:
    every = client.get("/v1/systems").get_json()["systems"]
    assert {s["lang"] for s in every} == {"be", "ru", "uk"}
    assert all(set(s) == {"name", "lang", "description", "source"} for s in every)
    ru = client.get("/v1/systems?lang=ru").get_json()["systems"]
    assert ru and all(s["lang"] == "ru" for s in ru)
    assert "news" in {s["name"] for s in ru}


# -- normalization ---------------------------------------------------------
def test_normalize(shipped_client: FlaskClient) -> None:
    text = "Alexander Lukashenko met reporters in Minsk."
    response = shipped_client.post("/v1/normalize", json={"text": text})
    assert response.status_code == 200
    body = response.get_json()
    assert body["text"] == "Aliaksandr Lukashenka met reporters in Minsk."
    (edit,) = body["edits"]
    assert set(edit) == {"start", "end", "original", "replacement", "id", "score", "status"}
    assert text[edit["start"] : edit["end"]] == edit["original"] == "Alexander Lukashenko"
    assert edit["id"] == "lukashenka-alaksandr"


def test_normalize_empty_text_and_lang(shipped_client: FlaskClient) -> None:
    body = shipped_client.post("/v1/normalize", json={"text": "", "lang": "en"}).get_json()
    assert body == {"text": "", "edits": []}


# -- admin reload ------------------------------------------------------------
def test_reload_picks_up_the_changed_file(client: FlaskClient, registry_csv: Path) -> None:
    before = client.get("/health").get_json()
    assert client.get("/v1/lookup?q=Brest").get_json()["status"] == "unmatched"
    registry_csv.write_text(
        registry_csv.read_text(encoding="utf-8") + "brest,place,en,Brest,1\n", encoding="utf-8"
    )
    response = client.post("/v1/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "reloaded"
    assert body["registry_size"] == before["registry_size"] + 1
    assert body["previous_hash"] == before["registry_hash"] != body["registry_hash"]
    assert client.get("/health").get_json()["registry_hash"] == body["registry_hash"]
    assert client.get("/v1/lookup?q=Brest").get_json()["match"]["id"] == "brest"


def test_reload_with_a_broken_file_keeps_the_old_registry(
    client: FlaskClient, registry_csv: Path
) -> None:
    before = client.get("/health").get_json()
    registry_csv.write_text(
        registry_csv.read_text(encoding="utf-8") + "Bad Id,animal,en,Rex,1\n", encoding="utf-8"
    )
    response = client.post("/v1/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"})
    error = assert_error(response, 422, "invalid_registry")
    fields = {(p["line"], p["field"]) for p in error["problems"]}
    assert (15, "id") in fields and (15, "kind") in fields
    assert all(p["path"] == str(registry_csv) for p in error["problems"])
    assert client.get("/health").get_json() == before
    assert client.get("/v1/lookup?q=Minsk").get_json()["status"] == "matched"


def test_reload_with_a_missing_file_is_422(client: FlaskClient, registry_csv: Path) -> None:
    registry_csv.unlink()
    response = client.post("/v1/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"})
    error = assert_error(response, 422, "invalid_registry")
    assert error["problems"][0]["path"] == str(registry_csv)
    assert "cannot read" in error["problems"][0]["message"]
    assert client.get("/v1/lookup?q=Minsk").get_json()["status"] == "matched"


def test_reload_of_an_in_memory_registry_reads_the_configured_file(
    registry_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NAMENORM_REGISTRY", str(registry_csv))
    registry = Registry(Registry.from_csv(registry_csv).entities())  # source "<memory>"
    app = create_app(registry, config={"ADMIN_TOKEN": "t", "ACCESS_LOG": False})
    response = app.test_client().post("/v1/admin/reload", headers={"Authorization": "Bearer t"})
    assert response.status_code == 200
    assert response.get_json()["registry_size"] == 5


def test_batch_repeats_answer_alike(client: FlaskClient) -> None:
    body = client.post("/v1/lookup", json={"queries": ["Minsk", "Grodno", "Minsk"]}).get_json()
    first, _, again = body["results"]
    assert first == again and first["match"]["id"] == "minsk"


def test_lookup_says_which_language_the_name_is_in(shipped_client: FlaskClient) -> None:
    french = shipped_client.get("/v1/lookup", query_string={"q": "Putin", "lang": "fr"}).get_json()
    assert (french["match"]["name"], french["match"]["name_lang"]) == ("Vladimir Poutine", "fr")
    lithuanian = shipped_client.get(
        "/v1/lookup", query_string={"q": "Putin", "lang": "lt"}
    ).get_json()
    assert (lithuanian["match"]["name"], lithuanian["match"]["name_lang"]) == (
        "Vladimir Putin",
        "en",
    )


def test_normalize_reads_markdown_and_html(shipped_client: FlaskClient) -> None:
    client = shipped_client
    body = {"text": "[Lukashenko](https://x.org/lukashenko) `Lukashenko`", "format": "markdown"}
    answer = client.post("/v1/normalize", json=body).get_json()
    assert answer["text"] == "[Lukashenka](https://x.org/lukashenko) `Lukashenko`"
    body = {"text": '<a title="Lukashenko" href="/lukashenko">Lukashenko</a>', "format": "html"}
    answer = client.post("/v1/normalize", json=body).get_json()
    assert answer["text"] == '<a title="Lukashenka" href="/lukashenko">Lukashenka</a>'
    quoted = {"text": '"Lukashenko lied," she said.', "quotes": "fix"}
    assert client.post("/v1/normalize", json=quoted).get_json()["text"].startswith('"Lukashenka')
    bad = client.post("/v1/normalize", json={"text": "x", "format": "pdf"})
    assert bad.status_code == 400
