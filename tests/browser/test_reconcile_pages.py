"""The reconciliation HTML in a real browser: the entity page (the manifest's view link)
and the preview card, at desktop and phone widths, with no serious or critical axe-core
finding and nothing wider than the window."""

from __future__ import annotations

import pytest
from selenium.webdriver import Chrome
from selenium_axe_python import Axe

from namenorm import default_registry

from .conftest import Site

#: Entities with many variants, links, or long names (a page must still fit a phone).
IDS = ["minsk", "lukashenka-alaksandr", "tsikhanouskaya-sviatlana"]


def _check(browser: Chrome, name: str) -> None:
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{name}: the page is {overflow}px wider than the window"
    axe = Axe(browser)
    axe.inject()
    bad = [v for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, f"{name}: {axe.report(bad)}"


@pytest.mark.parametrize("entity_id", IDS)
def test_entity_page_fits_and_passes_axe(browser: Chrome, site: Site, entity_id: str) -> None:
    assert entity_id in default_registry()
    for width, height in ((1280, 900), (360, 780)):
        browser.set_window_size(width, height)
        browser.get(f"{site.url}/entities/{entity_id}")
        assert browser.find_element("css selector", "h1").text
        _check(browser, f"/entities/{entity_id} at {width}px")


def test_preview_card_fits_openrefines_pop_up(browser: Chrome, site: Site) -> None:
    browser.set_window_size(420, 320)  # about the 400x200 frame, plus the window's chrome
    for entity_id in IDS:
        browser.get(f"{site.url}/reconcile/preview?id={entity_id}")
        _check(browser, f"preview of {entity_id}")
