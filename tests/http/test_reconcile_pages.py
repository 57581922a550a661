"""The HTML an ordinary request gets: the entity page the manifest's ``view`` URL opens,
and the preview card OpenRefine shows in its pop-up (same template, same facts)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from flask.testing import FlaskClient

from namenorm import Registry, default_registry
from namenorm.http import create_app
from namenorm.registry import parse_registry

from .conftest import assert_error
from .test_reconcile_extend import LINKED_CSV


class _Text(HTMLParser):
    """The page's visible text (one line per cell or item), and its links."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.links: dict[str, str] = {}
        self._href: str | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "title"):
            self._skip += 1
        if tag in ("tr", "li", "p", "h1", "h2", "th", "td"):
            self.lines.append("")
        if tag == "a":
            self._href = dict(attrs).get("href")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "title"):
            self._skip -= 1
        if tag == "a":
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._href is not None:
            self.links[data.strip()] = self._href
        if not self.lines:
            self.lines.append("")
        self.lines[-1] += data

    def text(self) -> str:
        return "\n".join(" ".join(line.split()) for line in self.lines if line.strip())


def _page(client: FlaskClient, path: str) -> _Text:
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert html.startswith("<!DOCTYPE html>")
    parser = _Text()
    parser.feed(html)
    return parser


@pytest.fixture
def linked() -> FlaskClient:
    registry = Registry(parse_registry(LINKED_CSV.encode()))
    return create_app(registry, config={"ACCESS_LOG": False}).test_client()


def test_entity_page(linked: FlaskClient) -> None:
    page = _page(linked, "/entities/minsk")
    text = page.text()
    assert text.startswith("Minsk\nplace · ID minsk\n")
    house = text[text.index("House spellings") : text.index("Known variants")]
    assert house.splitlines()[1:] == [
        "Language",
        "Spelling",
        "Belarusian be",
        "Мінск",
        "Russian ru",
        "Минск",
        "English en",
        "Minsk",
        "Polish pl",
        "Mińsk",
    ]
    variants = text[text.index("Known variants") : text.index("Elsewhere")]
    assert variants.splitlines()[1:] == [
        "Russian ru",
        "Минскъ",
        "Unknown language und",
        "Minscum",
    ]
    assert page.links["Wikidata Q2280"] == "https://www.wikidata.org/wiki/Q2280"
    assert page.links["GeoNames 625144"] == "https://www.geonames.org/625144"
    assert page.links["This entry as JSON"] == "http://localhost/v1/entities/minsk"


def test_entity_page_without_links_or_variants(client: FlaskClient) -> None:
    text = _page(client, "/entities/minsk").text()
    assert "None besides the house spellings." in text
    assert "Wikidata" not in text and "GeoNames" not in text


def test_entity_page_for_every_shipped_entity_shows_its_house_spellings(
    shipped_client: FlaskClient,
) -> None:
    for entity in list(default_registry().entities())[::20]:
        page = _page(shipped_client, f"/entities/{entity.id}")
        text = page.text()
        for name in entity.names:
            assert " ".join(name.text.split()) in text, (entity.id, name.text)
        if entity.wikidata:
            assert page.links[f"Wikidata {entity.wikidata}"].endswith(f"/{entity.wikidata}")


def test_entity_page_lang_attributes(linked: FlaskClient) -> None:
    html = linked.get("/entities/minsk").get_data(as_text=True)
    assert '<td lang="be">Мінск</td>' in html
    assert '<li lang="und">Minscum</li>' in html


@pytest.mark.parametrize("path", ["/entities/x", "/reconcile/preview?id=x"])
def test_pages_escape_names(path: str) -> None:
    csv = "id,kind,lang,name,preferred\nx,org,en,<b>Bold</b> & Co,1\nx,org,de,<i>x</i>,\n"
    app = create_app(Registry(parse_registry(csv.encode())), config={"ACCESS_LOG": False})
    html = app.test_client().get(path).get_data(as_text=True)
    assert "<b>" not in html and "<i>" not in html
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Co" in html


@pytest.mark.parametrize("path", ["/entities/nobody", "/reconcile/preview?id=nobody"])
def test_unknown_entity_is_404(client: FlaskClient, path: str) -> None:
    assert "'nobody'" in assert_error(client.get(path), 404, "not_found")["message"]


def test_preview_card_has_the_same_facts_in_little(linked: FlaskClient) -> None:
    page = _page(linked, "/reconcile/preview?id=minsk")
    text = page.text()
    assert text.splitlines()[:9] == [
        "Minsk place minsk",
        "be",
        "Мінск",
        "ru",
        "Минск",
        "en",
        "Minsk",
        "pl",
        "Mińsk",
    ]
    assert re.search(r"2 known variants", text)
    assert page.links["Whole entry"] == "http://localhost/entities/minsk"
    assert page.links["Wikidata Q2280"] == "https://www.wikidata.org/wiki/Q2280"
