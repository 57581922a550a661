"""Data extension (reconciliation API 0.2 ``extend``), property proposals and property
suggest, validated against the published 0.2 schemas, on the small registry and on
the shipped one."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask.testing import FlaskClient

from namenorm import Registry, default_registry
from namenorm.http import create_app
from namenorm.http.reconcile_extend import PROPERTY_SETTINGS
from namenorm.registry import parse_registry

from .conftest import assert_error, assert_valid

LINKED_CSV = """\
id,kind,lang,name,preferred,wikidata,geonames
minsk,place,en,Minsk,1,Q2280,625144
minsk,place,be,Мінск,1,,
minsk,place,ru,Минск,1,,
minsk,place,pl,Mińsk,1,,
minsk,place,und,Minscum,,,
minsk,place,ru,Минскъ,,,
viasna,org,en,Viasna,1,,
viasna,org,be,Вясна,1,,
viasna,org,be-Latn,Viasna,,,
"""


def _extend(client: FlaskClient, query: dict[str, Any], *, how: str = "form") -> dict[str, Any]:
    assert_valid(query, "data-extension-query")
    if how == "form":
        response = client.post("/reconcile", data={"extend": json.dumps(query)})
    else:
        response = client.get("/reconcile", query_string={"extend": json.dumps(query)})
    assert response.status_code == 200, response.get_data(as_text=True)
    body: dict[str, Any] = response.get_json()
    assert_valid(body, "data-extension-response")
    return body


def _ids(properties: list[dict[str, str]]) -> list[str]:
    return [p["id"] for p in properties]


@pytest.fixture
def linked() -> FlaskClient:
    """A registry with Wikidata and GeoNames IDs, a Polish house spelling and variants."""
    registry = Registry(parse_registry(LINKED_CSV.encode()))
    return create_app(registry, config={"ACCESS_LOG": False}).test_client()


# -- manifest -----------------------------------------------------------------------
def test_manifest_declares_extension_and_property_suggest(client: FlaskClient) -> None:
    manifest = client.get("/reconcile", base_url="http://names.example").get_json()
    assert_valid(manifest, "manifest")
    propose = manifest["extend"]["propose_properties"]
    assert propose == {
        "service_url": "http://names.example",
        "service_path": "/reconcile/propose_properties",
    }
    assert [s["name"] for s in manifest["extend"]["property_settings"]] == ["limit", "lang"]
    assert manifest["suggest"]["property"]["service_path"] == "/reconcile/suggest/property"


# -- propose_properties -------------------------------------------------------------
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_propose_properties(linked: FlaskClient, method: str) -> None:
    if method == "GET":
        response = linked.get("/reconcile/propose_properties?type=place")
    else:
        response = linked.post("/reconcile/propose_properties", data={"type": "place"})
    body = response.get_json()
    assert_valid(body, "data-extension-property-proposal")
    assert body["type"] == "place"
    assert _ids(body["properties"]) == [
        "name:be",
        "name:ru",
        "name:en",
        "name:pl",
        "kind",
        "variants",
        "wikidata",
        "geonames",
    ]
    assert all(p["name"] and p["description"] for p in body["properties"])


def test_propose_properties_per_type_lists_what_that_type_has(linked: FlaskClient) -> None:
    org = linked.get("/reconcile/propose_properties?type=org").get_json()
    assert _ids(org["properties"]) == ["name:be", "name:en", "kind", "variants"]
    person = linked.get("/reconcile/propose_properties?type=person").get_json()
    assert_valid(person, "data-extension-property-proposal")
    assert person == {"properties": [], "type": "person"}
    anything = linked.get("/reconcile/propose_properties").get_json()
    assert_valid(anything, "data-extension-property-proposal")
    assert "type" not in anything
    assert _ids(anything["properties"])[:3] == ["name:be", "name:ru", "name:en"]


def test_propose_properties_limit(linked: FlaskClient) -> None:
    body = linked.get("/reconcile/propose_properties?type=place&limit=2").get_json()
    assert_valid(body, "data-extension-property-proposal")
    assert body["limit"] == 2
    assert _ids(body["properties"]) == ["name:be", "name:ru"]


def test_propose_properties_on_the_shipped_registry(shipped_client: FlaskClient) -> None:
    registry = default_registry()
    house = {n.lang for e in registry.entities() for n in e.names if n.preferred}
    body = shipped_client.get("/reconcile/propose_properties").get_json()
    assert_valid(body, "data-extension-property-proposal")
    ids = _ids(body["properties"])
    assert ids[:3] == ["name:be", "name:ru", "name:en"]
    assert {i.removeprefix("name:") for i in ids if i.startswith("name:")} == house
    assert {"kind", "variants", "wikidata", "geonames"} <= set(ids)
    person = shipped_client.get("/reconcile/propose_properties?type=person").get_json()
    assert "geonames" not in _ids(person["properties"])  # only places have GeoNames IDs


@pytest.mark.parametrize(
    ("query", "code", "needle"),
    [
        ("type=city", "unknown_kind", "'city'"),
        ("type=place&limit=0", "invalid_input", "'0'"),
        ("type=place&limit=many", "invalid_input", "'many'"),
    ],
)
def test_propose_properties_errors(client: FlaskClient, query: str, code: str, needle: str) -> None:
    error = assert_error(client.get(f"/reconcile/propose_properties?{query}"), 400, code)
    assert needle in error["message"]


# -- extend -------------------------------------------------------------------------
@pytest.mark.parametrize("how", ["form", "get"])
def test_extend_returns_house_spellings_kind_variants_and_links(
    linked: FlaskClient, how: str
) -> None:
    properties = ["name:be", "name:ru", "name:en", "name:pl", "kind", "variants", "wikidata"]
    query = {
        "ids": ["minsk", "viasna"],
        "properties": [{"id": p} for p in [*properties, "geonames"]],
    }
    body = _extend(linked, query, how=how)
    assert _ids(body["meta"]) == [*properties, "geonames"]
    assert all(m["name"] for m in body["meta"])
    assert list(body["rows"]) == ["minsk", "viasna"]
    minsk, viasna = body["rows"]["minsk"], body["rows"]["viasna"]
    assert minsk == {
        "name:be": [{"str": "Мінск"}],
        "name:ru": [{"str": "Минск"}],
        "name:en": [{"str": "Minsk"}],
        "name:pl": [{"str": "Mińsk"}],
        "kind": [{"str": "place"}],
        "variants": [{"str": "Minscum"}, {"str": "Минскъ"}],
        "wikidata": [{"str": "Q2280"}],
        "geonames": [{"str": "625144"}],
    }
    assert viasna["name:ru"] == [] and viasna["name:pl"] == []
    assert viasna["variants"] == [{"str": "Viasna"}]  # the be-Latn spelling, equal to en
    assert viasna["wikidata"] == [] and viasna["geonames"] == []
    assert "errors" not in body


def test_extend_every_row_has_every_property_in_the_asked_order(
    shipped_client: FlaskClient,
) -> None:
    registry = default_registry()
    ids = [e.id for e in registry.entities()][:300]
    proposed = shipped_client.get("/reconcile/propose_properties").get_json()["properties"]
    wanted = list(reversed(_ids(proposed)))
    body = _extend(shipped_client, {"ids": ids, "properties": [{"id": p} for p in wanted]})
    assert _ids(body["meta"]) == wanted
    assert list(body["rows"]) == ids
    for entity_id, row in body["rows"].items():
        entity = registry.entity(entity_id)
        assert list(row) == wanted
        assert row["kind"] == [{"str": entity.kind}]
        assert row["name:en"] == [{"str": entity.display}]
        for prop in wanted:
            if prop.startswith("name:"):
                house = entity.preferred(prop.removeprefix("name:"))
                assert row[prop] == ([{"str": house}] if house else [])
        variants = [n.text for n in entity.names if not n.preferred]
        assert [v["str"] for v in row["variants"]] == list(dict.fromkeys(variants))
        assert row["wikidata"] == ([{"str": entity.wikidata}] if entity.wikidata else [])


def test_extend_settings_limit_and_lang(linked: FlaskClient) -> None:
    query = {
        "ids": ["minsk"],
        "properties": [
            {"id": "variants", "settings": {"limit": "1"}},
            {"id": "kind", "settings": {"limit": 0, "lang": ""}},
        ],
    }
    row = _extend(linked, query)["rows"]["minsk"]
    assert row == {"variants": [{"str": "Minscum"}], "kind": [{"str": "place"}]}
    query = {"ids": ["minsk"], "properties": [{"id": "variants", "settings": {"lang": "ru, be"}}]}
    assert _extend(linked, query)["rows"]["minsk"]["variants"] == [{"str": "Минскъ"}]


def test_extend_unknown_ids_get_empty_cells_and_their_own_error(linked: FlaskClient) -> None:
    query = {"ids": ["nobody", "minsk", "minsk"], "properties": [{"id": "kind"}]}
    body = _extend(linked, query)
    assert body["rows"] == {"nobody": {"kind": []}, "minsk": {"kind": [{"str": "place"}]}}
    assert body["errors"] == {
        "nobody": {"code": "not_found", "message": "no entity with id 'nobody'"}
    }


def test_extend_with_no_ids_or_no_properties(linked: FlaskClient) -> None:
    assert _extend(linked, {"ids": [], "properties": [{"id": "kind"}]}) == {
        "meta": [{"id": "kind", "name": "kind"}],
        "rows": {},
    }
    assert _extend(linked, {"ids": ["minsk"], "properties": []}) == {
        "meta": [],
        "rows": {"minsk": {}},
    }


@pytest.mark.parametrize(
    ("extend", "code", "needle"),
    [
        ("{", "invalid_input", "malformed JSON"),
        ("[]", "invalid_input", "extend is a JSON array"),
        ('{"ids": "minsk", "properties": []}', "invalid_input", "extend.ids is 'minsk'"),
        ('{"ids": [1], "properties": []}', "invalid_input", "extend.ids is [1]"),
        ('{"properties": []}', "invalid_input", "extend.ids is None"),
        ('{"ids": []}', "invalid_input", "extend.properties is None"),
        ('{"ids": [], "properties": ["kind"]}', "invalid_input", "extend.properties[0] is 'kind'"),
        ('{"ids": [], "properties": [{"id": "born"}]}', "invalid_input", "'born'"),
        (
            '{"ids": [], "properties": [{"id": "kind"}, {"id": "kind"}]}',
            "invalid_input",
            "twice",
        ),
        ('{"ids": [], "properties": [], "limit": 3}', "invalid_input", "'limit'"),
        ('{"ids": [], "properties": [{"id": "kind", "x": 1}]}', "invalid_input", "'x'"),
        (
            '{"ids": [], "properties": [{"id": "kind", "settings": []}]}',
            "invalid_input",
            "settings is a JSON array",
        ),
        (
            '{"ids": [], "properties": [{"id": "kind", "settings": {"depth": 2}}]}',
            "invalid_input",
            "'depth'",
        ),
        (
            '{"ids": [], "properties": [{"id": "variants", "settings": {"limit": "-1"}}]}',
            "invalid_input",
            "limit is '-1'",
        ),
        (
            '{"ids": [], "properties": [{"id": "variants", "settings": {"limit": true}}]}',
            "invalid_input",
            "limit is True",
        ),
        (
            '{"ids": [], "properties": [{"id": "variants", "settings": {"lang": "xx"}}]}',
            "unknown_lang",
            "'xx'",
        ),
        (
            '{"ids": [], "properties": [{"id": "variants", "settings": {"lang": 7}}]}',
            "invalid_input",
            "lang is 7",
        ),
    ],
)
def test_extend_errors(client: FlaskClient, extend: str, code: str, needle: str) -> None:
    error = assert_error(client.post("/reconcile", data={"extend": extend}), 400, code)
    assert needle in error["message"], error["message"]


def test_extend_with_more_than_a_batch_of_ids_is_400(client: FlaskClient) -> None:
    query = {"ids": [f"e{i}" for i in range(1001)], "properties": [{"id": "kind"}]}
    response = client.post("/reconcile", data={"extend": json.dumps(query)})
    assert "1001 IDs" in assert_error(response, 400, "invalid_input")["message"]


def test_property_settings_are_the_ones_extend_accepts(linked: FlaskClient) -> None:
    settings = {s["name"]: str(s["default"]) for s in PROPERTY_SETTINGS}
    query = {"ids": ["minsk"], "properties": [{"id": "variants", "settings": settings}]}
    assert len(_extend(linked, query)["rows"]["minsk"]["variants"]) == 2


def test_the_wikidata_property_needs_a_registry_that_has_some(client: FlaskClient) -> None:
    proposed = _ids(client.get("/reconcile/propose_properties").get_json()["properties"])
    assert "wikidata" not in proposed and "geonames" not in proposed
    query = '{"ids": ["minsk"], "properties": [{"id": "wikidata"}]}'
    assert_error(client.post("/reconcile", data={"extend": query}), 400, "invalid_input")


# -- property suggest ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("", ["name:be", "name:ru", "name:en", "name:pl", "kind", "variants", "wikidata"]),
        ("house", ["name:be", "name:ru", "name:en", "name:pl"]),
        ("PL", ["name:pl"]),
        ("name:r", ["name:ru"]),
        ("var", ["variants"]),
        ("wiki", ["wikidata"]),
        ("geo", ["geonames"]),
        ("born", []),
    ],
)
def test_suggest_property(linked: FlaskClient, prefix: str, expected: list[str]) -> None:
    body = linked.get("/reconcile/suggest/property", query_string={"prefix": prefix}).get_json()
    assert_valid(body, "suggest-properties-response")
    assert _ids(body["result"])[: len(expected)] == expected
    if prefix:
        assert len(body["result"]) == len(expected)


def test_suggest_property_pages(shipped_client: FlaskClient) -> None:
    first = shipped_client.get("/reconcile/suggest/property?prefix=").get_json()["result"]
    rest = shipped_client.get("/reconcile/suggest/property?prefix=&cursor=10").get_json()
    assert_valid(rest, "suggest-properties-response")
    assert len(first) == 10
    assert not {p["id"] for p in first} & {p["id"] for p in rest["result"]}


@pytest.mark.parametrize(
    ("query", "needle"),
    [("", "'prefix'"), ("prefix=a&cursor=x", "'x'"), ("prefix=" + "a" * 513, "513")],
)
def test_suggest_property_errors(client: FlaskClient, query: str, needle: str) -> None:
    response = client.get(f"/reconcile/suggest/property?{query}")
    assert needle in assert_error(response, 400)["message"]


# -- type suggest -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("prefix", "expected"),
    [("", ["person", "org", "place"]), ("P", ["person", "place"]), ("org", ["org"]), ("x", [])],
)
def test_suggest_type(client: FlaskClient, prefix: str, expected: list[str]) -> None:
    body = client.get("/reconcile/suggest/type", query_string={"prefix": prefix}).get_json()
    assert_valid(body, "suggest-types-response")
    assert _ids(body["result"]) == expected


def test_suggest_type_counts_entities(client: FlaskClient) -> None:
    body = client.get("/reconcile/suggest/type?prefix=").get_json()
    assert [t["description"] for t in body["result"]] == [
        "2 entities",
        "1 entity",
        "2 entities",
    ]
    manifest = client.get("/reconcile").get_json()
    assert manifest["suggest"]["type"]["service_path"] == "/reconcile/suggest/type"
