"""The W3C reconciliation API 0.2 at /reconcile, checked against the published 0.2 JSON
schemas (``tests/fixtures/reconciliation-api-0.2``) and against ``Registry.resolve`` for
the ``match`` flag; the manifest's URLs from ``NAMENORM_PUBLIC_URL``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

from namenorm import Registry, default_registry
from namenorm.errors import InvalidInputError
from namenorm.http import create_app
from namenorm.index import MAX_NAME_WORDS
from namenorm.settings import reset

from .conftest import assert_valid


def _post(client: FlaskClient, batch: dict[str, Any]) -> dict[str, Any]:
    assert_valid(batch, "reconciliation-query-batch")
    response = client.post("/reconcile", data={"queries": json.dumps(batch)})
    assert response.status_code == 200, response.get_data(as_text=True)
    body: dict[str, Any] = response.get_json()
    assert_valid(body, "reconciliation-result-batch")
    return body


# -- the published schemas ---------------------------------------------------
@pytest.mark.parametrize(
    ("instance", "name"),
    [
        (
            {"versions": ["0.1"], "name": "x", "identifierSpace": "x", "schemaSpace": "x"},
            "manifest",
        ),
        ({"q0": {"result": [{"id": "x", "name": "x"}]}}, "reconciliation-result-batch"),
        ({"q0": {"error": "no result"}}, "reconciliation-result-batch"),
        ({"meta": [], "rows": {"x": {"p": [{"str": 1}]}}}, "data-extension-response"),
        ({"type": "person"}, "data-extension-property-proposal"),
        ({"result": [{"id": "x"}]}, "suggest-properties-response"),
    ],
)
def test_the_published_schemas_can_fail(instance: object, name: str) -> None:
    with pytest.raises(AssertionError, match=f"not a valid {name}"):
        assert_valid(instance, name)


# -- manifest ----------------------------------------------------------------
def _urls(manifest: dict[str, Any]) -> list[str]:
    """Every URL (or URL template) in a manifest."""
    services = [*manifest["suggest"].values(), manifest["extend"]["propose_properties"]]
    return [
        manifest["identifierSpace"],
        manifest["schemaSpace"],
        manifest["view"]["url"],
        manifest["preview"]["url"],
        *(s["service_url"] + s["service_path"] for s in services),
    ]


@pytest.mark.parametrize("path", ["/reconcile", "/reconcile/"])
def test_manifest(client: FlaskClient, path: str) -> None:
    response = client.get(path, base_url="http://names.example:8000")
    assert response.status_code == 200
    manifest = response.get_json()
    assert_valid(manifest, "manifest")
    assert "0.2" in manifest["versions"]
    assert manifest["name"]
    assert [t["id"] for t in manifest["defaultTypes"]] == ["person", "org", "place"]
    assert manifest["view"]["url"] == "http://names.example:8000/entities/{{id}}"
    assert manifest["identifierSpace"] == "http://names.example:8000/v1/entities/"
    assert manifest["preview"]["url"] == "http://names.example:8000/reconcile/preview?id={{id}}"
    suggest = manifest["suggest"]["entity"]
    assert suggest["service_url"] + suggest["service_path"] == (
        "http://names.example:8000/reconcile/suggest/entity"
    )
    assert manifest["batchSize"] == 1000
    assert all(url.startswith("http://names.example:8000/") for url in _urls(manifest))


def test_manifest_urls_work(client: FlaskClient) -> None:
    manifest = client.get("/reconcile").get_json()
    view = client.get(manifest["view"]["url"].replace("{{id}}", "minsk"))
    assert view.status_code == 200 and view.mimetype == "text/html"
    preview = manifest["preview"]["url"].replace("{{id}}", "minsk")
    assert client.get(preview).mimetype == "text/html"
    identifier = client.get(manifest["identifierSpace"] + "minsk")
    assert identifier.get_json()["id"] == "minsk"
    for name in ("entity", "property"):
        suggest = manifest["suggest"][name]
        url = suggest["service_url"] + suggest["service_path"]
        assert client.get(url, query_string={"prefix": "min"}).status_code == 200
    propose = manifest["extend"]["propose_properties"]
    url = propose["service_url"] + propose["service_path"]
    assert client.get(url, query_string={"type": "place"}).status_code == 200


@pytest.mark.parametrize(
    ("setting", "base"),
    [
        ("https://names.example.org", "https://names.example.org/"),
        ("https://names.example.org/", "https://names.example.org/"),
        ("http://proxy.example:8080/namenorm", "http://proxy.example:8080/namenorm/"),
    ],
)
def test_public_url_makes_every_manifest_url_independent_of_the_host(
    registry_csv: Path, setting: str, base: str
) -> None:
    app = create_app(
        Registry.from_csv(registry_csv), config={"ACCESS_LOG": False, "PUBLIC_URL": setting}
    )
    client = app.test_client()
    by_localhost = client.get("/reconcile", base_url="http://localhost:8000").get_json()
    by_address = client.get("/reconcile", base_url="http://127.0.0.1:8000").get_json()
    assert by_localhost == by_address
    assert_valid(by_localhost, "manifest")
    assert by_localhost["identifierSpace"] == f"{base}v1/entities/"
    assert by_localhost["view"]["url"] == f"{base}entities/{{{{id}}}}"
    assert all(url.startswith(base) for url in _urls(by_localhost))
    page = client.get("/entities/minsk", base_url="http://127.0.0.1:8000").get_data(as_text=True)
    assert f'href="{base}v1/entities/minsk"' in page


def test_public_url_is_read_from_the_environment(
    registry_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NAMENORM_PUBLIC_URL", "https://names.example.org")
    reset()
    app = create_app(Registry.from_csv(registry_csv), config={"ACCESS_LOG": False})
    manifest = app.test_client().get("/reconcile").get_json()
    assert manifest["schemaSpace"].startswith("https://names.example.org/openapi.json")


@pytest.mark.parametrize(
    "setting",
    ["names.example.org", "ftp://names.example.org", "https://x.example/?a=1", "https://"],
)
def test_a_bad_public_url_is_refused_at_start(registry_csv: Path, setting: str) -> None:
    with pytest.raises(InvalidInputError, match="NAMENORM_PUBLIC_URL"):
        create_app(Registry.from_csv(registry_csv), config={"PUBLIC_URL": setting})


# -- queries -----------------------------------------------------------------
def test_batch_by_form(client: FlaskClient) -> None:
    body = _post(
        client,
        {
            "q0": {"query": "Viktor Babariko"},
            "q1": {"query": "Babaryka", "type": "person", "limit": 5},
            "q2": {"query": "xyzzy"},
            "q3": {"query": "Minsk", "type": ["place"], "type_strict": "should"},
        },
    )
    assert list(body) == ["q0", "q1", "q2", "q3"]
    (top,) = body["q0"]["result"]
    assert top["id"] == "babaryka-viktar"
    assert top["name"] == "Viktar Babaryka"
    assert top["match"] is True
    assert top["type"] == [{"id": "person", "name": "person"}]
    features = {f["id"]: f["value"] for f in top["features"]}
    assert features["name_score"] == top["score"]
    assert features["method:exact"] is True
    assert features["system:stored"] is True
    assert features["matched:Viktor Babariko"] is True
    assert "Viktor Babariko" in top["description"]
    assert [c["match"] for c in body["q1"]["result"]] == [False, False]
    assert body["q2"] == {"result": []}
    assert body["q3"]["result"][0]["match"] is True


def test_batch_by_get_and_by_json_body_agree_with_form(client: FlaskClient) -> None:
    batch = {"a": {"query": "Grodno"}, "b": {"query": "Вясна", "type": "org"}}
    by_form = _post(client, batch)
    by_get = client.get("/reconcile", query_string={"queries": json.dumps(batch)}).get_json()
    by_json = client.post("/reconcile", json=batch).get_json()
    assert by_form == by_get == by_json
    assert by_form["a"]["result"][0]["id"] == "hrodna"


def test_type_filters_and_limit(client: FlaskClient) -> None:
    body = _post(
        client,
        {
            "person": {"query": "Minsk", "type": "person"},
            "many": {"query": "Babaryka", "limit": 1},
            "both": {"query": "Minsk", "type": ["place", "org"]},
            "all": {"query": "Minsk", "type": ["person", "org", "place"]},
        },
    )
    assert body["person"]["result"] == []
    assert len(body["many"]["result"]) == 1
    assert body["many"]["result"][0]["match"] is False  # still ambiguous with limit 1
    assert body["both"]["result"][0]["match"] is True
    assert body["all"]["result"][0]["match"] is True


def test_a_query_needs_text_or_an_identifier(client: FlaskClient) -> None:
    body = _post(client, {"q": {"properties": [{"pid": "kind", "v": "person"}]}})
    assert body["q"]["result"] == []
    assert "or, alone, a property among wikidata, geonames" in body["q"]["error"]["message"]


def test_large_limit_is_capped(client: FlaskClient) -> None:
    assert _post(client, {"q": {"query": "Babaryka", "limit": 1000}})["q"]["result"]


def _queries(registry: Registry) -> list[str]:
    """Every stored spelling, each surname alone, and a few misspellings."""
    names = [name.text for entity in registry.entities() for name in entity.names]
    surnames = [n.split()[-1] for n in names if " " in n]
    # Misspelt names longer than a name may be are refused by the resolver: left out.
    typos = [n[:-1] + "y" for n in names[::7] if len(n.split()) <= MAX_NAME_WORDS]
    return sorted(set(names + surnames + typos))


def test_match_is_exactly_resolve_on_the_shipped_registry(shipped_client: FlaskClient) -> None:
    registry = default_registry()
    queries = _queries(registry)
    for start in range(0, len(queries), 200):
        chunk = queries[start : start + 200]
        body = _post(shipped_client, {f"q{i}": {"query": q} for i, q in enumerate(chunk)})
        for i, query in enumerate(chunk):
            result = body[f"q{i}"]["result"]
            chosen = [c["id"] for c in result if c["match"]]
            assert len(chosen) <= 1
            resolved = registry.resolve(query)
            assert chosen == ([resolved.id] if resolved else []), query
            if chosen:
                assert result[0]["id"] == chosen[0]


def test_scores_are_sorted(shipped_client: FlaskClient) -> None:
    body = _post(shipped_client, {"q": {"query": "Tsikhanouskaya", "limit": 10}})
    scores = [c["score"] for c in body["q"]["result"]]
    assert scores == sorted(scores, reverse=True)


# -- suggest and preview ---------------------------------------------------
def test_suggest_entity(client: FlaskClient) -> None:
    body = client.get("/reconcile/suggest/entity?prefix=bab").get_json()
    assert_valid(body, "suggest-entities-response")
    assert {r["id"] for r in body["result"]} == {"babaryka-viktar", "babaryka-maryia"}
    first = body["result"][0]
    assert first["notable"] == [{"id": "person", "name": "person"}]


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("Min", "minsk"),  # start of a spelling
        ("babary", "babaryka-viktar"),  # start of a later word
        ("Мін", "minsk"),  # Cyrillic spelling
        ("hrodna", "hrodna"),  # the ID
        ("Grodn", "hrodna"),  # another stored spelling
        ("Babariko", "babaryka-viktar"),  # whole word, found by lookup too
    ],
)
def test_suggest_finds(client: FlaskClient, prefix: str, expected: str) -> None:
    body = client.get("/reconcile/suggest/entity", query_string={"prefix": prefix}).get_json()
    assert expected in [r["id"] for r in body["result"]]


def test_suggest_empty_prefix_and_cursor(client: FlaskClient) -> None:
    assert client.get("/reconcile/suggest/entity?prefix=").get_json() == {"result": []}
    both = client.get("/reconcile/suggest/entity?prefix=bab").get_json()["result"]
    rest = client.get("/reconcile/suggest/entity?prefix=bab&cursor=1").get_json()["result"]
    assert rest == both[1:]


def test_suggest_pages_on_the_shipped_registry(shipped_client: FlaskClient) -> None:
    seen: list[str] = []
    for cursor in (0, 10):
        body = shipped_client.get(f"/reconcile/suggest/entity?prefix=a&cursor={cursor}").get_json()
        assert_valid(body, "suggest-entities-response")
        assert len(body["result"]) <= 10
        seen += [r["id"] for r in body["result"]]
    assert len(seen) == len(set(seen))


def test_preview(client: FlaskClient) -> None:
    response = client.get("/reconcile/preview?id=babaryka-viktar")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert html.startswith("<!DOCTYPE html>")
    assert "Viktar Babaryka" in html and "Віктар Бабарыка" in html


# -- CORS ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "path",
    [
        "/reconcile",
        "/reconcile?queries=%7B%22q%22%3A%7B%22query%22%3A%22Minsk%22%7D%7D",
        "/reconcile/suggest/entity?prefix=m",
        "/reconcile/preview?id=minsk",
        "/reconcile/preview?id=nobody",
    ],
)
def test_cors_is_open_on_reconcile(client: FlaskClient, path: str) -> None:
    response = client.get(path, headers={"Origin": "https://refine.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_cors_preflight_on_reconcile(client: FlaskClient) -> None:
    response = client.options(
        "/reconcile",
        headers={"Origin": "https://refine.example", "Access-Control-Request-Method": "POST"},
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in response.headers["Access-Control-Allow-Methods"]


def test_serve_refuses_a_bad_public_url_before_starting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from click.testing import CliRunner

    from namenorm.cli import cli
    from namenorm.http import server

    def started(*args: object, **kwargs: object) -> None:
        raise AssertionError("the server started")

    monkeypatch.setattr(server, "serve", started)
    monkeypatch.setenv("NAMENORM_PUBLIC_URL", "names.example.org")
    with pytest.raises(InvalidInputError, match=r"NAMENORM_PUBLIC_URL='names\.example\.org'"):
        server.run_server()
    result = CliRunner().invoke(cli, ["serve"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "NAMENORM_PUBLIC_URL='names.example.org' is not a base URL" in result.stderr
