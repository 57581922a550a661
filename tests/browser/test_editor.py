"""The editor's page in a real browser: paste, review with keys and mouse, propose,
review the queue, errors in plain words, phone and desktop, accessibility.

Every wait is on a condition in the page (never a sleep), so the tests hold
under CPU load.
"""

from __future__ import annotations

import csv
import json
import urllib.request
from pathlib import Path
from typing import Any

from selenium.webdriver import ActionChains, Chrome
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

from .conftest import TOKEN, Site

WAIT = 60  # seconds an awaited condition may take on a loaded machine; not a sleep

ARTICLE = (
    "President Lukashenko met Svetlana Tikhanovskaya's lawyer in Grodno.\n"
    "Babariko was not there, and Kastus Zhybul wrote from Mogilev 😀 about Viasna.\n"
    "Lukashenko, known as Batka, said nothing."
)


def wait(driver: Chrome, condition: Any, message: str = "") -> Any:
    return WebDriverWait(driver, WAIT).until(condition, message)


def paste(driver: Chrome, text: str, lang: str = "en") -> None:
    """Put ``text`` in the copy box as a paste does (value set, input event fired)."""
    box = driver.find_element(By.ID, "copy")
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        box,
        text,
    )
    driver.find_element(By.CSS_SELECTOR, f"#lang option[value='{lang}']").click()


def check(driver: Chrome) -> None:
    driver.find_element(By.ID, "check").click()
    wait(driver, lambda d: "open" in d.find_element(By.ID, "summary").text, "no summary")


def keys(driver: Chrome, text: str) -> None:
    ActionChains(driver).send_keys(text).perform()


def result(driver: Chrome) -> str:
    return str(driver.find_element(By.ID, "result").get_property("textContent"))


def wait_result(driver: Chrome, expected: str) -> None:
    wait(driver, lambda d: result(d) == expected, f"result is {result(driver)!r}")


def summary(driver: Chrome) -> str:
    return str(driver.find_element(By.ID, "summary").text)


def test_review_an_article_with_keys_and_mouse(page: Chrome) -> None:
    paste(page, ARTICLE)
    check(page)
    assert summary(page) == "0 accepted, 0 rejected, 6 open (6 changes)"
    assert result(page) == ARTICLE  # nothing changes before the editor says so

    detail = page.find_element(By.ID, "detail").text
    assert "President Lukashenko" in detail and "President Lukashenka" in detail
    assert "Aliaksandr Lukashenka (person)" in detail
    assert "Score 94" in detail and "stored en spelling" in detail

    keys(page, "a")  # accept President Lukashenka
    keys(page, "jr")  # reject Sviatlana Tsikhanouskaya
    keys(page, "j")
    page.find_element(By.ID, "accept-current").click()  # Grodno -> Hrodna, by mouse
    keys(page, "j")  # Babariko: two candidates
    detail = page.find_element(By.ID, "detail").text
    assert "Eduard Babaryka" in detail and "Viktar Babaryka" in detail
    keys(page, "a")  # refused: ambiguous needs a choice
    wait(page, lambda d: "ambiguous" in d.find_element(By.ID, "message").text)
    assert summary(page) == "2 accepted, 1 rejected, 3 open (6 changes)"
    keys(page, "2")  # Viktar
    keys(page, "A")  # Mahiliou and the last Lukashenka
    page.find_element(By.CSS_SELECTOR, "#chg-4").click()  # Mogilev, by mouse ...
    page.find_element(By.ID, "reject-current").click()  # ... rejected
    wait_result(
        page,
        "President Lukashenka met Svetlana Tikhanovskaya's lawyer in Hrodna.\n"
        "Babaryka was not there, and Kastus Zhybul wrote from Mogilev 😀 about Viasna.\n"
        "Lukashenka, known as Batka, said nothing.",
    )
    assert summary(page) == "4 accepted, 2 rejected, 0 open (6 changes)"
    classes = [e.get_attribute("class") or "" for e in page.find_elements(By.CSS_SELECTOR, ".chg")]
    assert [({"accepted", "rejected", "open"} & set(c.split())).pop() for c in classes] == [
        "accepted",
        "rejected",
        "accepted",
        "accepted",
        "rejected",
        "accepted",
    ]


def test_unknown_names_are_proposed_to_the_queue(page: Chrome, site: Site) -> None:
    site.queue.unlink(missing_ok=True)
    paste(page, ARTICLE)
    check(page)
    names = [e.text for e in page.find_elements(By.CSS_SELECTOR, "#unknown .name")]
    assert names == ["Kastus Zhybul", "Batka"]

    # Batka: another spelling of an entity the registry has, chosen with the keyboard.
    page.find_element(By.CSS_SELECTOR, "button[aria-label='Propose Batka']").click()
    search = wait(page, lambda d: d.find_element(By.CSS_SELECTOR, "#unknown .entity-search"))
    search.clear()
    search.send_keys("Lukashenka")
    wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, "#unknown .suggestions li"))
    search.send_keys(Keys.ARROW_DOWN, Keys.ENTER)
    assert search.get_property("value") == "Aliaksandr Lukashenka"
    search.submit()
    wait(page, lambda d: "Sent for review" in d.find_element(By.CSS_SELECTOR, ".propose").text)

    # Kastus Zhybul: a new entity, by mouse.
    page.find_element(By.CSS_SELECTOR, "button[aria-label='Propose Kastus Zhybul']").click()
    forms = page.find_elements(By.CSS_SELECTOR, "form.propose")
    new = forms[0]
    new.find_element(By.CSS_SELECTOR, "input[value='new']").click()
    assert new.find_element(By.CSS_SELECTOR, ".new-id").get_property("value") == "zhybul-kastus"
    new.find_element(By.CSS_SELECTOR, "button[type='submit']").click()
    wait(page, lambda d: "Sent for review" in new.text)

    with site.queue.open(encoding="utf-8", newline="") as handle:
        rows = [
            (r["id"], r["kind"], r["lang"], r["name"], r["preferred"], r["source"])
            for r in csv.DictReader(handle)
        ]
    assert rows == [
        ("lukashenka-alaksandr", "person", "en", "Batka", "", "editor"),
        ("zhybul-kastus", "person", "en", "Kastus Zhybul", "1", "editor"),
    ]
    assert "Batka" not in site.registry.read_text(encoding="utf-8")  # the registry is untouched


def test_the_review_page_accepts_into_the_registry(page: Chrome, site: Site) -> None:
    site.queue.unlink(missing_ok=True)
    body = json.dumps(
        {
            "proposals": [
                {
                    "name": "Kastus Zhybul",
                    "id": "zhybul-kastus",
                    "kind": "person",
                    "preferred": True,
                }
            ]
        }
    ).encode()
    request = urllib.request.Request(
        site.url + "/v1/proposals", body, {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request) as response:
        assert response.status == 200
    page.get(site.url + "/review")
    page.find_element(By.ID, "token").send_keys(TOKEN, Keys.ENTER)
    row = wait(page, lambda d: d.find_element(By.CSS_SELECTOR, "#queue tbody tr"))
    assert "Kastus Zhybul" in row.text
    row.find_element(By.CSS_SELECTOR, ".pick").click()
    page.find_element(By.ID, "accept").click()
    wait(page, lambda d: "Added 1 spelling" in d.find_element(By.ID, "review-message").text)
    with site.registry.open(encoding="utf-8", newline="") as handle:
        last = list(csv.DictReader(handle))[-1]
    assert [last[c] for c in ("id", "kind", "lang", "name", "preferred")] == [
        "zhybul-kastus",
        "person",
        "en",
        "Kastus Zhybul",
        "1",
    ]
    assert site.queue.read_text(encoding="utf-8").count("\n") == 1  # only the header left
    with urllib.request.urlopen(site.url + "/v1/lookup?q=Kastus%20Zhybul") as response:
        assert json.load(response)["match"]["id"] == "zhybul-kastus"  # the service reloaded


def test_lookup_box_shows_every_house_spelling_and_variant(page: Chrome) -> None:
    box = page.find_element(By.ID, "lookup-q")
    box.send_keys("Lukaschenko", Keys.ENTER)
    out = wait(page, lambda d: d.find_element(By.CSS_SELECTOR, "#lookup-result .lookup-entity"))
    text = out.text
    assert "Aliaksandr Lukashenka (person, lukashenka-alaksandr)" in text
    assert "Аляксандр Лукашэнка" in text and "Александр Лукашенко" in text
    assert "Known variants:" in text


def test_errors_are_plain_words_and_keep_the_copy(page: Chrome, tmp_path: Path) -> None:
    paste(page, ARTICLE)
    page.execute_script(
        "window.fetch = function () { return Promise.reject(new TypeError('Failed to fetch')); };"
    )
    page.find_element(By.ID, "check").click()
    message = wait(page, lambda d: d.find_element(By.ID, "message").text)
    assert message.startswith("The namenorm service did not answer")
    assert page.find_element(By.ID, "copy").get_property("value") == ARTICLE
    assert page.execute_script("return localStorage.getItem('namenorm.editor.copy')") == ARTICLE

    page.get(page.current_url)  # a reload restores the copy from the browser
    assert page.find_element(By.ID, "copy").get_property("value") == ARTICLE

    wrong = tmp_path / "article.pdf"
    wrong.write_bytes(b"%PDF-1.4")
    page.find_element(By.ID, "file").send_keys(str(wrong))
    wait(page, lambda d: "Only .txt, .md and .html files" in d.find_element(By.ID, "message").text)
    assert page.find_element(By.ID, "copy").get_property("value") == ARTICLE

    markdown = tmp_path / "post.md"
    markdown.write_text("See [Grodno](https://example.org/Grodno) and `Grodno`.\n", "utf-8")
    page.find_element(By.ID, "file").send_keys(str(markdown))
    wait(page, lambda d: d.find_element(By.ID, "format").get_property("value") == "markdown")
    check(page)
    keys(page, "A")
    wait_result(page, "See [Hrodna](https://example.org/Grodno) and `Grodno`.\n")


def test_phone_and_desktop_screenshots_and_accessibility(
    page: Chrome, site: Site, artifacts: Path
) -> None:
    paste(page, ARTICLE)
    check(page)
    keys(page, "aj")
    for name, width, height in (("desktop", 1280, 900), ("phone", 360, 780)):
        page.set_window_size(width, height)
        wait(page, lambda d, w=width: d.execute_script("return window.innerWidth") <= w)
        overflow = page.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name}: the page is {overflow}px wider than the screen"
        page.save_screenshot(str(artifacts / f"editor-{name}.png"))
        axe = Axe(page)
        axe.inject()
        found = axe.run()
        bad = [v for v in found["violations"] if v["impact"] in ("serious", "critical")]
        assert not bad, axe.report(bad)
    page.get(site.url + "/review")
    axe = Axe(page)
    axe.inject()
    bad = [v for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, axe.report(bad)
