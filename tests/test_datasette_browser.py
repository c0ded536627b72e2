"""The corpus in Datasette, as an analyst opens it: `nerlibya corpus metadata` writes the metadata, Datasette serves
the corpus on 127.0.0.1 (a free port), and a headless Chromium runs the canned `person_timeline` query.

Needs Chromium (as tests/test_html_browser.py: skipped outside CI when absent) and the `datasette` package
(`pip install nerlibya[datasette]`; the lock installs it for CI).
"""

from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .test_corpus_cli import generated_articles, run
from .test_html_browser import Watched, _unavailable, browser  # noqa: F401  (browser: a fixture)

STARTUP_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(base URL, database name) of a Datasette serving a corpus with nerlibya's metadata; stopped afterwards."""
    if importlib.util.find_spec("datasette") is None:
        _unavailable("the datasette package is not installed (pip install nerlibya[datasette])")
    folder = tmp_path_factory.mktemp("datasette")
    news, db, metadata = folder / "news.jsonl", folder / "corpus.db", folder / "metadata.json"
    news.write_text("".join(json.dumps(a) + "\n" for a in generated_articles()), encoding="utf-8")
    assert run("extract", "--rules-only", "-f", "sqlite", "-o", db, "--input-format", "jsonl",
               "--date-field", "published", news).exit_code == 0
    assert run("corpus", "metadata", db, "-o", metadata).exit_code == 0
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "datasette", "serve", str(db), "--metadata", str(metadata),
                               "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(server, base)
        yield base, db.stem
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_until_up(server: subprocess.Popen, base: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"datasette exited: {server.stderr.read().decode(errors='replace')[-500:]}")
        try:
            with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"datasette did not answer within {STARTUP_SECONDS} s")


def test_the_timeline_query_runs_in_the_browser(browser, served):  # noqa: F811
    base, name = served
    watched = Watched(browser)
    page = watched.page
    page.goto(f"{base}/{name}")
    assert "A person's timeline" in page.inner_text("body")  # the canned queries are listed
    page.goto(f"{base}/{name}/person_timeline?person=Salim+Ghiryani")
    page.wait_for_load_state("load")
    headers = page.eval_on_selector_all("table.rows-and-columns th", "ths => ths.map(t => t.textContent.trim())")
    assert headers[:4] == ["title", "organisation", "first_date", "last_date"]
    cells = page.eval_on_selector_all("table.rows-and-columns tbody tr:first-child td",
                                      "tds => tds.map(t => t.textContent.trim())")
    assert cells[:5] == ["Governor", "Central Bank", "2018-02-11", "2020-05-14", "2"]  # articles 1 and 4
    page.goto(f"{base}/{name}/office_holders?office=Prime+Minister")
    assert "Fayez al-Sarraj" in page.inner_text("table.rows-and-columns")
    page.goto(f"{base}/{name}/roles")
    assert "organisation" in page.inner_text("body") and watched.errors == []
    page.close()
