"""One real server and one headless Chromium for the whole browser session.

Fixture strategy: the smallest fixture that has what you need, shared.

- ``site``: the app on a copy of the shipped registry (so accepting a
  proposal may rewrite it) with its review queue in the same temporary
  folder, served by werkzeug on a port the OS picks on 127.0.0.1 (no port
  is chosen, released and re-bound, so no race), in a thread.
- ``browser``: Debian's ``chromium`` driven through ``chromedriver`` by
  selenium, started once with the flags this offline machine needs; a test
  that finds either missing fails (``make test`` installs both), it is never
  skipped.
- ``page``: the browser on a fresh editor page, storage cleared, window at
  desktop size.

Screenshots go to ``build/browser/`` (ignored by git).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from werkzeug.serving import make_server

from namenorm import Registry
from namenorm.http import create_app
from namenorm.registry import shipped_registry_path

TOKEN = "browser-test-token"
ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "browser"
CHROMIUM = ("/usr/bin/chromium", "/usr/lib/chromium/chromium")
DRIVER = ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--lang=en-US",
)


@dataclass(frozen=True)
class Site:
    """The running server: its base URL and the files it reads and writes."""

    url: str
    registry: Path
    queue: Path


@pytest.fixture(scope="session")
def site() -> Iterator[Site]:
    folder = Path(tempfile.mkdtemp(prefix="namenorm-browser-"))
    registry = folder / "variants.csv"
    shutil.copyfile(shipped_registry_path(), registry)
    queue = folder / "proposals.csv"
    app = create_app(
        Registry.from_csv(registry),
        config={"ADMIN_TOKEN": TOKEN, "ACCESS_LOG": False, "PROPOSALS_PATH": str(queue)},
    )
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(f"http://127.0.0.1:{server.server_port}", registry, queue)
    finally:
        server.shutdown()
        thread.join()
        shutil.rmtree(folder, ignore_errors=True)


def _first(paths: tuple[str, ...], what: str) -> str:
    for path in paths:
        if Path(path).exists():
            return path
    pytest.fail(
        f"{what} not found at {', '.join(paths)}: run `make test` (it installs "
        "Debian's chromium and chromium-driver) or apt-get install -y chromium chromium-driver"
    )


@pytest.fixture(scope="session")
def browser() -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = _first(CHROMIUM, "chromium")
    profile = tempfile.mkdtemp(prefix="namenorm-chromium-")
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(options=options, service=Service(_first(DRIVER, "chromedriver")))
    driver.set_script_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser: webdriver.Chrome, site: Site) -> webdriver.Chrome:
    browser.set_window_size(1280, 900)
    browser.get(site.url + "/")
    browser.execute_script("localStorage.clear(); sessionStorage.clear();")
    browser.get(site.url + "/")
    return browser


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
