"""Speed of the editor's page: 100 KB of copy annotated, and 2,000 changes reviewed.

Three figures, each beside a floor measured in the same run:

1. ``annotate`` (the library call behind ``POST /v1/annotate``) on about
   100 KB of English copy, CPU time of this process; floor:
   ``normalize_text`` on the same copy (``annotate`` runs it and adds the
   evidence, the ambiguous candidates and the unknown names).
2. The page in headless Chromium against a real server on loopback (in its
   own process): the page's own time from "Check names" to the first frame
   with every change drawn (the request, the server's work, the JSON and the
   drawing), read from ``performance.now()`` in the page; floor: the same
   request made with ``fetch`` from the same page, its JSON parsed, nothing
   drawn.
3. Responsiveness with 2,000 proposed changes: the page's own time per
   decision (keys ``a`` then ``j``: accept, move on, and the result text
   rebuilt before the next frame), median and worst over 300 decisions,
   measured with ``performance.now()`` inside the page; floor: one frame
   with nothing to do (``requestAnimationFrame`` round trip).

The copy is the English plain texts of ``bench/texts/copy/``, repeated. The
browser is Debian's ``chromium`` (``make test`` installs it).
Run: ``.venv/bin/python bench/editor.py``.
Left out: other browsers, and a network between browser and server.
"""

from __future__ import annotations

import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# bench/http.py would shadow the standard library's http package werkzeug needs.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from bench.text_accuracy import load  # noqa: E402
from namenorm import default_registry  # noqa: E402
from namenorm.annotate import annotate  # noqa: E402
from namenorm.copy import normalize_text, warm  # noqa: E402
from namenorm.http import create_app  # noqa: E402

FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync "
    "--disable-dev-shm-usage"
).split()


def english(size: int) -> str:
    texts = [t.text for t in load() if t.lang == "en" and t.format == "text"]
    out: list[str] = []
    total = 0
    while total < size:
        for text in texts:
            out.append(text)
            total += len(text.encode()) + 2
            if total >= size:
                break
    return "\n\n".join(out)


def with_changes(count: int) -> str:
    """English copy with at least ``count`` proposed changes."""
    registry = default_registry()
    chunk = english(20_000)
    per = len(annotate(chunk, "en", registry).changes)
    return "\n\n".join([chunk] * (count // per + 1))


def cpu(fn: object, *args: object, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn(*args)  # type: ignore[operator]
        best = min(best, time.process_time() - start)
    return best


def serve(port: multiprocessing.Queue[int], folder: str) -> None:  # type: ignore[type-arg]
    """Run the app on a free loopback port in this (child) process; report the port."""
    app = create_app(
        warm(default_registry()),
        config={"ACCESS_LOG": False, "PROPOSALS_PATH": str(Path(folder) / "p.csv")},
    )
    server = make_server("127.0.0.1", 0, app, threaded=True)
    port.put(server.server_port)
    server.serve_forever()


def checked(driver: webdriver.Chrome, text: str) -> float:
    """Seconds the page took from "Check names" to every change drawn."""
    driver.execute_script(
        "arguments[0].value = arguments[1];", driver.find_element(By.ID, "copy"), text
    )
    driver.find_element(By.ID, "check").click()
    WebDriverWait(driver, 300).until(
        lambda d: d.find_element(By.ID, "copy-form").get_attribute("data-check-ms")
    )
    return int(driver.find_element(By.ID, "copy-form").get_attribute("data-check-ms")) / 1000


def main() -> None:
    registry = warm(default_registry())
    copy = english(100_000)
    result = annotate(copy, "en", registry)
    t_annotate = cpu(annotate, copy, "en", registry)
    t_floor = cpu(normalize_text, copy, "en", registry)
    many = with_changes(2000)
    n_many = len(annotate(many, "en", registry).changes)

    folder = Path(tempfile.mkdtemp(prefix="namenorm-bench-"))
    ports: multiprocessing.Queue[int] = multiprocessing.Queue()
    child = multiprocessing.Process(target=serve, args=(ports, str(folder)), daemon=True)
    child.start()
    url = f"http://127.0.0.1:{ports.get(timeout=120)}/"
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in [*FLAGS, f"--user-data-dir={folder / 'profile'}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    driver.set_script_timeout(300)
    driver.set_window_size(1280, 900)
    try:
        page_times: list[float] = []
        fetch_times: list[float] = []
        for _ in range(5):
            driver.get(url)
            page_times.append(checked(driver, copy))
            fetch_times.append(
                driver.execute_async_script(
                    "var done = arguments[1], t = performance.now();"
                    "fetch('/v1/annotate', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                    " body: JSON.stringify({text: arguments[0], lang: 'en'})})"
                    ".then(function (r) { return r.json(); })"
                    ".then(function () { done((performance.now() - t) / 1000); });",
                    copy,
                )
            )

        driver.get(url)
        load_many = checked(driver, many)
        per_key: list[float] = driver.execute_async_script(
            "var done = arguments[0], out = [], n = 300;"
            "function key(k) { document.dispatchEvent(new KeyboardEvent('keydown', {key: k, bubbles: true})); }"
            "function step(i) {"
            "  if (i === n) { done(out); return; }"
            "  var t = performance.now(); key('a'); key('j');"
            "  requestAnimationFrame(function () { out.push(performance.now() - t); step(i + 1); });"
            "}"
            "step(0);"
        )
        frames: list[float] = driver.execute_async_script(
            "var done = arguments[0], out = [];"
            "function step(i) { if (i === 300) { done(out); return; }"
            "  var t = performance.now(); requestAnimationFrame(function () { out.push(performance.now() - t); step(i + 1); }); }"
            "step(0);"
        )
        accepted = driver.find_element(By.ID, "summary").text
    finally:
        driver.quit()
        child.terminate()
        child.join()

    kb = len(copy.encode()) / 1024
    print(
        f"Editor page: {kb:.0f} KB of English copy, {len(result.changes)} changes, "
        f"{len(result.unknown)} unknown names; {n_many} changes for the responsiveness row\n"
    )
    print("| measure | figure | floor (same run) | ratio |")
    print("|---|---:|---:|---:|")
    print(
        f"| annotate, CPU s (best of 5) | {t_annotate:.3f} | normalize_text {t_floor:.3f} | "
        f"{t_annotate / t_floor:.2f}x |"
    )
    print(
        f"| page: Check names -> {len(result.changes)} changes drawn, s in the page (median of 5) | "
        f"{statistics.median(page_times):.3f} | fetch + JSON only {statistics.median(fetch_times):.3f} | "
        f"{statistics.median(page_times) / statistics.median(fetch_times):.2f}x |"
    )
    print(f"| page: Check names -> {n_many} changes drawn, s in the page | {load_many:.3f} | | |")
    print(
        f"| one decision with {n_many} changes (a, j, result rebuilt), ms median / max of 300 | "
        f"{statistics.median(per_key):.1f} / {max(per_key):.1f} | empty frame "
        f"{statistics.median(frames):.1f} / {max(frames):.1f} | "
        f"{statistics.median(per_key) / statistics.median(frames):.2f}x |"
    )
    print(f"\nafter the run: {accepted}")


if __name__ == "__main__":
    main()
