"""``/health`` and the OpenAPI document (its coverage of the routes; schemathesis
runs against it in ``test_openapi.py``)."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
from flask import Flask
from flask.testing import FlaskClient
from openapi_spec_validator import OpenAPIV31SpecValidator

import namenorm
from namenorm import Registry

from .conftest import TOKEN


def test_health(client: FlaskClient) -> None:
    body = client.get("/health").get_json()
    assert list(body) == [
        "status",
        "registry_size",
        "registry_hash",
        "registry_path",
        "registry_error",
        "version",
    ]
    assert body["status"] == "ok" and body["registry_error"] is None
    assert body["registry_size"] == 5
    assert body["version"] == namenorm.__version__
    assert re.fullmatch(r"[0-9a-f]{64}", body["registry_hash"])


def test_every_response_names_the_registry_version(client: FlaskClient) -> None:
    digest = client.get("/health").get_json()["registry_hash"]
    for path in ("/health", "/v1/lookup?q=Minsk", "/v1/entities/nobody", "/nowhere"):
        assert client.get(path).headers["X-Registry-Version"] == digest


def test_health_hash_is_the_registry_digest(shipped_client: FlaskClient) -> None:
    body = shipped_client.get("/health").get_json()
    assert body["registry_hash"] == namenorm.default_registry().digest
    assert body["registry_size"] == len(namenorm.default_registry())


def test_openapi_lists_every_route_and_method(app: Flask, client: FlaskClient) -> None:
    doc = client.get("/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    assert doc["info"]["version"] == namenorm.__version__
    documented = {(path, method.upper()) for path, item in doc["paths"].items() for method in item}
    served = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.endpoint.startswith("ui."):
            continue  # the editor's HTML pages and their assets are not the JSON API
        path = re.sub(r"<(?:\w+:)?(\w+)>", "{id}", rule.rule)
        if path.endswith("/") and path != "/":
            path = path.rstrip("/")
        for method in rule.methods or ():
            if method not in {"HEAD", "OPTIONS"}:
                served.add((path, method))
    assert documented == served


def test_openapi_every_operation_has_responses_and_errors_share_one_shape(
    client: FlaskClient,
) -> None:
    doc = client.get("/openapi.json").get_json()
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            assert operation["operationId"], (path, method)
            assert "200" in operation["responses"], (path, method)
            for status, response in operation["responses"].items():
                if status.startswith("4"):
                    assert response == {"$ref": f"#/components/responses/E{status}"}
    error = doc["components"]["schemas"]["Error"]
    assert error["properties"]["error"]["required"] == ["code", "message"]


def test_openapi_lookup_langs_are_the_registry_languages(client: FlaskClient) -> None:
    doc = client.get("/openapi.json").get_json()
    params = {p["name"]: p for p in doc["paths"]["/v1/lookup"]["get"]["parameters"]}
    assert params["lang"]["schema"] == {"$ref": "#/components/schemas/Lang"}
    assert doc["components"]["schemas"]["Lang"]["enum"] == ["be", "en", "pl", "ru"]
    assert doc["components"]["schemas"]["Query"]["maxLength"] == 512


def test_openapi_follows_a_reload(client: FlaskClient, registry_csv: Path) -> None:
    registry_csv.write_text(
        registry_csv.read_text(encoding="utf-8")
        + "vilnius,place,lt,Vilnius,1\nvilnius,place,en,Vilnius,1\n",
        encoding="utf-8",
    )
    Registry.from_csv(registry_csv)  # valid
    client.post("/v1/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"})
    doc = client.get("/openapi.json").get_json()
    assert "lt" in doc["components"]["schemas"]["Lang"]["enum"]


def test_openapi_document_is_valid_openapi_31(client: FlaskClient) -> None:
    """Checked by openapi-spec-validator's public OpenAPI 3.1 validator (a declared dependency)."""
    doc = client.get("/openapi.json").get_json()
    errors = [error.message for error in OpenAPIV31SpecValidator(doc).iter_errors()]
    assert not errors, errors[:5]
    for schema in doc["components"]["schemas"].values():
        jsonschema.Draft202012Validator.check_schema(schema)
