"""The editor's HTML pages as an ordinary request gets them: every asset from the
app itself, labelled controls, and a form that works before any script runs."""

from __future__ import annotations

import re

from flask.testing import FlaskClient


def test_the_page_and_its_assets_come_from_the_app(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assets = re.findall(r'(?:src|href)="([^"#]+)"', html)
    assert "/assets/editor.js" in assets and "/assets/editor.css" in assets
    for url in assets:
        assert url.startswith("/"), f"{url} is not served by the app"
        if url.startswith("/assets/"):
            assert client.get(url).status_code == 200
    assert "<script src" in html and "http" not in "".join(a for a in assets if "assets" in a)


def test_every_form_control_has_a_label(client: FlaskClient) -> None:
    html = client.get("/").get_data(as_text=True)
    page = html.split("<template", 1)[0]  # the template's controls are labelled by the script
    ids = re.findall(r'<(?:textarea|select|input)[^>]*\bid="([^"]+)"', page)
    assert set(ids) >= {"copy", "lang", "format", "file", "lookup-q"}
    for control in ids:
        assert f'for="{control}"' in page, f"#{control} has no label"


def test_the_form_works_without_the_script(client: FlaskClient) -> None:
    response = client.post(
        "/", data={"text": "Viktor Babariko was in Grodno with Kastus Zhybul.", "lang": "en"}
    )
    html = response.get_data(as_text=True)
    result = re.search(r'<div id="result"[^>]*>([^<]*)</div>', html)
    assert result is not None
    assert result.group(1) == "Viktar Babaryka was in Hrodna with Kastus Zhybul."
    assert "&#39;Grodno&#39; is a stored pl spelling of Hrodna." in html
    assert "<li>Kastus Zhybul" in html


def test_the_form_reports_bad_input_in_words(client: FlaskClient) -> None:
    html = client.post("/", data={"text": "x", "lang": "xx"}).get_data(as_text=True)
    assert "unknown lang &#39;xx&#39;" in html
    assert re.search(r'<textarea id="copy"[^>]*>x</textarea>', html)  # the copy is kept


def test_every_copy_language_is_offered(client: FlaskClient) -> None:
    from namenorm.copy import LANGS

    html = client.get("/").get_data(as_text=True)
    assert re.findall(r'<option value="(\w+)"', html.split('id="format"')[0]) == list(LANGS)


def test_the_review_page_asks_for_the_token(client: FlaskClient) -> None:
    html = client.get("/review").get_data(as_text=True)
    assert '<label for="token">Admin token</label>' in html
    assert "/assets/review.js" in html
