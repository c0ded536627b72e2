"""The HTML view without a browser: which marks a record gives, escaping, the page and report the CLI writes,
and JSON/JSONL output unchanged by the writers that need the article text (tests/test_html_browser.py loads the
pages in Chromium)."""

from __future__ import annotations

import functools
import html
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nerlibya.engines.local as batch
from nerlibya.cli import app
from nerlibya.sinks.html_pages import record_marks, render_page, render_text
from nerlibya.sinks.html_report import page_name
from nerlibya.sinks.json import iter_json
from nerlibya.sinks.jsonl import iter_jsonl

from .conftest import GOLD, SAMPLES

HOSTILE = ('Khalifa Haftar met Fayez al-Sarraj in Paris. <script>window.pwned = "script"; alert(1)</script>\n'
           '<img src="x" onerror="window.pwned = \'img\'; alert(2)"> The National Oil Corporation '
           '<a href="javascript:window.pwned=\'link\'">said</a> exports resumed from Tripoli. '
           '<svg onload="window.pwned=\'svg\'"></svg><iframe src="javascript:alert(3)"></iframe> &amp; done.')
_cached_make_extractor = functools.lru_cache(maxsize=None)(batch.make_extractor)


@pytest.fixture(autouse=True)
def shared_extractor(monkeypatch):
    monkeypatch.setattr(batch, "make_extractor", _cached_make_extractor)


@pytest.fixture(scope="module")
def rules_extractor():
    from nerlibya.api import Extractor

    return Extractor(lang="en", rules_only=True)


def cli(*args, input=None):
    result = CliRunner().invoke(app, ["extract", *[str(a) for a in args]], input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def test_every_entity_and_linked_title_is_a_mark_in_text_order(rules_extractor):
    text = "Field Marshal Khalifa Haftar met Fayez al-Sarraj in Paris."
    record = rules_extractor.extract(text, "a.txt").to_dict()
    marks = record_marks(record, text)
    assert [(m.start, m.end) for m in marks] == sorted((m.start, m.end) for m in marks)
    entity_marks = [(m.start, m.end, m.label) for m in marks if m.label != "TITLE"]
    assert entity_marks == [(e["start"], e["end"], e["label"]) for e in record["entities"]]
    titles = [m for m in marks if m.label == "TITLE"]
    assert [text[t.start:t.end] for t in titles] == ["Field Marshal"]
    assert "person: Khalifa Haftar" in titles[0].hover
    haftar = next(m for m in marks if text[m.start:m.end] == "Khalifa Haftar")
    assert "KB id: khalifa-haftar" in haftar.hover and "matched: exact" in haftar.hover


def _text_of(article_html: str) -> str:
    """What a reader sees in the article, labels left out: tags dropped, <br> as a newline, entities unescaped."""
    without_labels = re.sub(r'<span class="label">[^<]*</span>', "", article_html)
    return html.unescape(re.sub(r"<[^>]+>", "", without_labels.replace("<br>", "\n")))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_marked_text_reads_exactly_as_the_article(language):
    """Over the dev gold articles (and their entities and titles with the shipped pipeline, rules only): no
    character lost, doubled or moved by the marks."""
    from nerlibya.api import Extractor

    extractor = Extractor(lang=language, rules_only=True)
    items = [json.loads(line) for line in (GOLD / f"{language}.jsonl").read_text(encoding="utf-8").splitlines()]
    for item in (i for i in items if i["split"] == "dev"):
        record = extractor.extract(item["text"], item["id"]).to_dict()
        rendered = render_text(record, item["text"])
        marks = rendered.count("<mark ")
        assert marks == len(record_marks(record, item["text"])) >= len(record["entities"])
        assert _text_of(rendered) == item["text"], item["id"]


def test_a_title_around_an_entity_keeps_only_its_own_words():
    text = "The director of the Sadeq Institute spoke."
    record = {"entities": [{"text": "Sadeq Institute", "label": "ORG", "start": 20, "end": 35, "id": None,
                            "key": "organisations:sadeq institute"}],
              "people": [], "places": [],
              "organisations": [{"name": "Sadeq Institute", "id": None, "key": "organisations:sadeq institute",
                                 "label": "ORG", "match": "model", "score": 0.0, "forms": [], "mentions": []}],
              "roles": [{"person": "X", "title": "director of the Sadeq", "organisation": None, "of": None,
                         "status": None, "pattern": "p", "start": 4, "end": 25}]}
    marks = record_marks(record, text)
    assert [(text[m.start:m.end], m.label) for m in marks] == [("director of the ", "TITLE"),
                                                               ("Sadeq Institute", "ORG")]


def test_titles_that_overlap_each_other_become_one_mark():
    text = "Deputy Prime Minister Ali spoke."
    role = {"person": "Ali", "organisation": None, "of": None, "status": None, "pattern": "p"}
    record = {"entities": [], "people": [], "organisations": [], "places": [],
              "roles": [{**role, "title": "Deputy Prime Minister", "start": 0, "end": 21},
                        {**role, "title": "Prime Minister", "start": 7, "end": 21},
                        {**role, "title": "Prime Minister", "start": 7, "end": 21, "person": "Other"}]}
    marks = record_marks(record, text)
    assert [(m.start, m.end, m.label) for m in marks] == [(0, 21, "TITLE")]
    assert marks[0].hover.count("title: ") == 3 and "person: Other" in marks[0].hover


def test_article_text_and_names_are_escaped(rules_extractor):
    source = '<script>alert("source")</script>.txt'
    record = rules_extractor.extract(HOSTILE, source).to_dict()
    assert record["people"], "the hostile article must still have entities to mark"
    page = render_page(record, HOSTILE)
    assert "<script" not in page and "<img" not in page and "<svg" not in page and "<iframe" not in page
    assert 'href="javascript' not in page
    assert "&lt;script&gt;window.pwned" in page and "&amp;amp; done" in page
    assert "Content-Security-Policy" in page
    assert "http://" not in page and "https://" not in page  # nothing fetched from anywhere


def test_page_names_are_safe_and_unique():
    assert page_name(3, "news/../<x> y.txt") == "0003-x-y.txt.html"
    assert page_name(1, "-") != page_name(2, "-")
    assert "/" not in page_name(7, "a/b/") and page_name(7, "a/b/").endswith(".html")


def test_one_file_gives_one_standalone_page_on_stdout(tmp_path):
    result = cli("--rules-only", "-f", "html", SAMPLES / "en_oil_blockade.txt")
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>") and result.stdout.count("<html") == 1
    assert 'class="entity person"' in result.stdout and "Khalifa Haftar" in result.stdout
    target = tmp_path / "page.html"
    assert cli("--rules-only", "-f", "html", "-o", target, SAMPLES / "en_oil_blockade.txt").exit_code == 0
    assert target.read_text(encoding="utf-8") == result.stdout


def test_a_folder_gives_a_report_with_an_index(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("en_oil_blockade.txt", "en_un_talks_geneva.txt"):
        (inputs / name).write_text((SAMPLES / name).read_text(encoding="utf-8"), encoding="utf-8")
    (inputs / "broken.txt").write_bytes(b"not \x00 text")
    report = tmp_path / "report"
    result = cli("--rules-only", "-f", "html", "-o", report, "--jobs", "1", inputs)
    assert result.exit_code == 1  # one input failed; the others are in the report
    pages = sorted(p.name for p in report.iterdir())
    assert pages == [".nerlibya-report.json", "0001-en_oil_blockade.txt.html", "0002-en_un_talks_geneva.txt.html",
                     "index.html"]  # the manifest: which pages this report wrote, for the next run
    index = (report / "index.html").read_text(encoding="utf-8")
    haftar_row = next(row for row in index.split("<tr>") if "Khalifa Haftar" in row)
    assert '<td class="n">2</td>' in haftar_row and "Field Marshal" in haftar_row
    assert 'href="0001-en_oil_blockade.txt.html"' in haftar_row
    assert "broken.txt" in index.split('id="failed"')[1]


def test_html_over_several_inputs_needs_an_output_folder(tmp_path):
    assert cli("--rules-only", "-f", "html", SAMPLES).exit_code == 2
    a_file = tmp_path / "x.html"
    a_file.write_text("", encoding="utf-8")
    assert cli("--rules-only", "-f", "html", "-o", a_file, SAMPLES).exit_code == 2


def test_json_and_jsonl_output_are_unchanged(rules_extractor):
    """The CLI keeps each input until its record is written (for HTML and SQLite); JSON and JSONL stay the
    bytes the records give."""
    paths = sorted(SAMPLES.glob("*.txt"))
    records = [rules_extractor.extract(p.read_text(encoding="utf-8"), str(p)).to_dict() for p in paths]
    jsonl = cli("--rules-only", "--lang", "en", "-f", "jsonl", "--jobs", "1", SAMPLES)
    assert jsonl.stdout == "".join(iter_jsonl(records))
    as_json = cli("--rules-only", "--lang", "en", "-f", "json", "--jobs", "1", SAMPLES)
    assert as_json.stdout == "".join(iter_json(records))
    single = cli("--rules-only", "--lang", "en", "-f", "json", paths[0])
    assert json.loads(single.stdout) == records[0] and single.stdout == "".join(iter_json(records[:1], single=True))


def test_surrogates_in_a_jsonl_id_do_not_break_the_report(tmp_path):
    line = json.dumps({"id": "bad\udcff", "text": "Khalifa Haftar visited Tripoli."})
    source = tmp_path / "in.jsonl"
    source.write_text(line + "\n", encoding="utf-8", errors="surrogatepass")
    report = tmp_path / "report"
    result = cli("--rules-only", "-f", "html", "-o", report, "--input-format", "jsonl", source)
    assert result.exit_code == 0
    assert "Khalifa Haftar" in (report / "index.html").read_text(encoding="utf-8")
    pages = [page.name for page in report.glob("0001-bad*.html")]
    assert len(pages) == 1 and pages[0].encode("ascii")  # the lone surrogate never reaches a file name


def test_the_report_index_has_navigation_articles_first_and_a_timeline_per_person(tmp_path):
    """Issue 21: jump links at the top, the article list first, and one SVG timeline per person with a title
    (every spelling of one person across articles is one timeline), drawn without script."""
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps(item) + "\n" for item in [
        {"id": "a", "published": "2018-03-02", "text": "Central Bank Governor Salem Gheriani spoke in Tripoli."},
        {"id": "b", "published": "2019-07-10", "text": "Central Bank Governor Salim Ghiryani spoke in Tripoli."},
        {"id": "c", "published": "2020-05-01", "text": "GNA Prime Minister Fayez al-Sarraj met reporters."}]),
        encoding="utf-8")
    report = tmp_path / "report"
    result = cli("--rules-only", "-f", "html", "-o", report, "--input-format", "jsonl", "--date-field", "published",
                 source)
    assert result.exit_code == 0
    index = (report / "index.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="jump">(.*?)</nav>', index).group(1)
    anchors = re.findall(r'href="#([a-z]+)"', nav)
    assert anchors[0] == "articles" and {"people", "timelines", "organisations", "places", "failed"} <= set(anchors)
    assert all(f'<section id="{anchor}">' in index for anchor in anchors)
    assert index.index('<section id="articles">') < index.index('<section id="people">')
    timelines = index.split('<section id="timelines">')[1].split("</section>")[0]
    assert timelines.count("<svg") == 2 and "<script" not in index
    governor = next(part for part in timelines.split("<details")[1:] if "Salem Gheriani" in part)
    assert "Governor — Central Bank" in governor and ">2018<" in governor and ">2019<" in governor
    assert "2 articles" in governor
