"""The HTML view in a real headless Chromium: pages load without errors, every entity of the record is a mark,
a hostile article runs nothing, the report's links lead to the articles, and a screenshot is not blank.

Chromium comes from the system packages (.ci/run installs it when missing). Outside CI a machine without it
skips these tests with the reason; in CI (the CI environment variable set) its absence is a failure.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from nerlibya.sinks.html_pages import render_page
from nerlibya.sinks.html_report import ReportWriter

from .conftest import SAMPLES
from .test_html import HOSTILE

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"Chromium is not installed at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page that records console errors, page errors, dialogs (alert) and any request leaving file://."""

    def __init__(self, browser):
        self.page = browser.new_page(viewport={"width": 1100, "height": 800})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda request: request.url.startswith("file:") or self.requests.append(request.url))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: Path):
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        return self.page


@pytest.fixture(scope="module")
def extractor():
    from nerlibya.api import Extractor

    return Extractor(lang="en", rules_only=True)


def _write_page(tmp_path: Path, extractor, text: str, source: str) -> tuple[dict, Path]:
    record = extractor.extract(text, source).to_dict()
    path = tmp_path / "page.html"
    path.write_text(render_page(record, text), encoding="utf-8")
    return record, path


def test_a_page_loads_cleanly_and_marks_every_entity(browser, extractor, tmp_path):
    text = (SAMPLES / "en_tripoli_clashes.txt").read_text(encoding="utf-8")
    record, path = _write_page(tmp_path, extractor, text, "en_tripoli_clashes.txt")
    watched = Watched(browser)
    page = watched.open(path)
    marks = page.eval_on_selector_all(
        "article mark.entity:not(.title)",
        "marks => marks.map(m => [m.id, m.dataset.label, m.firstChild.textContent])")
    assert marks == [[f"m{e['start']}", e["label"], e["text"]] for e in record["entities"]]
    titles = page.eval_on_selector_all("article mark.entity.title", "marks => marks.map(m => m.title)")
    assert titles and all("person: " in title for title in titles)
    people = page.eval_on_selector_all("aside ul.people > li > a", "links => links.map(a => a.textContent)")
    assert people == [p["name"] for p in record["people"]]
    assert watched.errors == [] and watched.dialogs == [] and watched.requests == []
    page.close()


def test_a_hostile_article_runs_nothing(browser, extractor, tmp_path):
    record, path = _write_page(tmp_path, extractor, HOSTILE, '<img src=x onerror="alert(9)">.txt')
    watched = Watched(browser)
    page = watched.open(path)
    for link in page.query_selector_all("a"):
        link.click()  # links in the side panel go to anchors on the page; none may run code
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('script, img, svg, iframe, [onerror], [onload]').length") == 0
    assert page.evaluate("document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
    visible = page.inner_text("article")
    assert '<script>window.pwned = "script"; alert(1)</script>' in visible and "javascript:" in visible
    assert page.eval_on_selector_all("article mark.entity:not(.title)", "m => m.length") == len(record["entities"])
    assert watched.dialogs == [] and watched.errors == [] and watched.requests == []
    page.close()


def test_the_report_index_links_to_its_articles(browser, extractor, tmp_path):
    with ReportWriter(tmp_path / "report") as report:
        for name in ("en_oil_blockade.txt", "en_un_talks_geneva.txt"):
            text = (SAMPLES / name).read_text(encoding="utf-8")
            report.add(extractor.extract(text, name).to_dict(), text)
        report.add({"schema_version": "1.0", "source": "gone.txt", "error": {"kind": "missing", "message": "x"}},
                   None)
    watched = Watched(browser)
    page = watched.open(tmp_path / "report" / "index.html")
    haftar = page.locator("table.people tr", has_text="Khalifa Haftar")
    assert haftar.locator("td.n").inner_text() == "2"
    assert page.locator("table.failed").inner_text().count("gone.txt") == 1
    haftar.locator("a").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("0001-en_oil_blockade.txt.html")
    assert page.locator("article mark[data-key='khalifa-haftar']").count() >= 1
    page.click("nav a")
    page.wait_for_load_state("load")
    assert page.url.endswith("index.html")
    assert watched.errors == [] and watched.requests == []
    page.close()


def _distinct_colours(browser, png: bytes) -> int:
    """Counted by the browser itself (a canvas), so the test needs no image library."""
    page = browser.new_page()
    count = page.evaluate("""async (data) => {
        const image = new Image();
        image.src = 'data:image/png;base64,' + data;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width; canvas.height = image.height;
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        const pixels = context.getImageData(0, 0, image.width, image.height).data;
        const seen = new Set();
        for (let i = 0; i < pixels.length; i += 4) seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
        return seen.size;
    }""", base64.b64encode(png).decode("ascii"))
    page.close()
    return count


def test_a_screenshot_is_not_blank(browser, extractor, tmp_path):
    text = (SAMPLES / "en_oil_blockade.txt").read_text(encoding="utf-8")
    _, path = _write_page(tmp_path, extractor, text, "en_oil_blockade.txt")
    watched = Watched(browser)
    png = watched.open(path).screenshot()
    assert _distinct_colours(browser, png) > 50  # text, several mark colours, anti-aliasing
    blank = browser.new_page()
    blank.set_content("<html><body></body></html>")
    assert _distinct_colours(browser, blank.screenshot()) == 1  # the measure tells a blank page apart
    blank.close()
