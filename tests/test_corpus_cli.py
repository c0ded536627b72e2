"""`nerlibya corpus ...` and `kb suggest` / `kb add` as a user meets them: a small generated corpus extracted to
SQLite by the CLI, then asked who is who, who held which office when, and what the KB should learn."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nerlibya.cli import app
from nerlibya.knowledge.datafiles import default_kb_path

# (title, spellings in turn, date, place): one unknown governor written three ways, one KB prime minister
GOVERNOR = ("Central Bank Governor", ("Salem Gheriani", "Salim Ghiryani", "Salem al-Gharyani"))
SENTENCES = ("{title} {name} said the bank would pay salaries in {place}.",
             "{title} {name} met bankers in {place} on Tuesday.",
             "In {place}, {title} {name} spoke about the budget.")


def generated_articles() -> list[dict]:
    articles = []
    for n in range(6):
        name = GOVERNOR[1][n % 3]
        text = SENTENCES[n % 3].format(title=GOVERNOR[0], name=name, place=("Tripoli", "Misrata")[n % 2])
        if n % 2 == 0:
            text += " Prime Minister Fayez al-Sarraj welcomed the decision."
        articles.append({"id": f"art-{n}", "published": f"{2018 + n // 2}-0{1 + n}-1{n}", "text": text})
    return articles


def run(*args) -> object:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    news = folder / "news.jsonl"
    news.write_text("".join(json.dumps(a) + "\n" for a in generated_articles()), encoding="utf-8")
    db = folder / "corpus.db"
    result = run("extract", "--rules-only", "-f", "sqlite", "-o", db, "--input-format", "jsonl",
                 "--date-field", "published", news)
    assert result.exit_code == 0, result.stderr
    return db


def people(corpus: Path) -> dict[str, dict]:
    result = run("corpus", "people", corpus, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return {row["name"]: row for row in json.loads(result.stdout)}


def test_corpus_people_is_one_row_per_real_person(corpus):
    rows = people(corpus)
    governor = next(row for row in rows.values() if "Salem Gheriani" in row["spellings"])
    assert set(governor["spellings"]) == set(GOVERNOR[1])
    assert governor["id"].startswith("corpus:") and governor["kb_id"] is None
    assert (governor["documents"], governor["first_date"], governor["last_date"]) == (6, "2018-01-10", "2020-06-15")
    assert governor["titles"] == ["Governor"]
    assert rows["Fayez al-Sarraj"]["kb_id"] == "fayez-al-sarraj" and rows["Fayez al-Sarraj"]["documents"] == 3
    assert people(corpus)[governor["name"]]["id"] == governor["id"]  # stable across runs


def test_the_formats_carry_the_same_rows(corpus, tmp_path):
    lines = run("corpus", "people", corpus, "-f", "jsonl").stdout.splitlines()
    assert [json.loads(line)["name"] for line in lines] == list(people(corpus))
    out = tmp_path / "people.csv"
    assert run("corpus", "people", corpus, "-f", "csv", "-o", out).exit_code == 0
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {row["Name"] for row in table} == set(people(corpus))
    assert any(set(row["Spellings"].split("; ")) == set(GOVERNOR[1]) for row in table)
    shown = run("corpus", "people", corpus).stdout
    assert "Fayez al-Sarraj" in shown and "fayez-al-sarraj" in shown and max(map(len, shown.splitlines())) <= 80
    organisations = json.loads(run("corpus", "organisations", corpus, "-f", "json").stdout)
    assert any(row["name"] == "Central Bank" and row["documents"] == 6 for row in organisations)


@pytest.mark.parametrize("person", ["Salim Ghiryani", "salem al-gharyani", "corpus-id"])
def test_a_timeline_answers_to_any_spelling_or_the_corpus_id(corpus, person):
    if person == "corpus-id":
        person = next(row["id"] for row in people(corpus).values() if row["id"].startswith("corpus:"))
    result = run("corpus", "timeline", corpus, person, "-f", "json")
    assert result.exit_code == 0, result.stderr
    [row] = json.loads(result.stdout)
    assert (row["title"], row["organisation"], row["first_date"], row["last_date"], row["documents"]) == (
        "Governor", "Central Bank", "2018-01-10", "2020-06-15", 6)
    assert row["sources"] == [f"art-{n}" for n in range(6)]


def test_office_holders(corpus):
    rows = json.loads(run("corpus", "timeline", corpus, "--office", "Prime Minister", "-f", "json").stdout)
    assert [(r["id"], r["first_date"], r["last_date"], r["documents"]) for r in rows] == [
        ("fayez-al-sarraj", "2018-01-10", "2020-05-14", 3)]


def test_corpus_errors_are_one_line_with_their_exit_code(corpus, tmp_path):
    unknown = run("corpus", "timeline", corpus, "Nobody Atall")
    assert unknown.exit_code == 2 and "corpus people" in unknown.stderr and unknown.stderr.count("\n") == 1
    assert run("corpus", "people", tmp_path / "missing.db").exit_code == 2
    text = tmp_path / "notes.db"
    text.write_text("not a database " * 50, encoding="utf-8")
    assert run("corpus", "organisations", text).exit_code == 3
    assert run("corpus", "timeline", corpus).exit_code == 2  # neither PERSON nor --office
    assert run("kb", "suggest", text).exit_code == 3


def test_suggest_then_add_then_extract_links_every_spelling(corpus, tmp_path):
    suggested = tmp_path / "new.yaml"
    result = run("kb", "suggest", corpus, "--min-documents", "3", "-o", suggested)
    assert result.exit_code == 0, result.stderr
    text = suggested.read_text(encoding="utf-8")
    assert '- id: "salem-gheriani"' in text and "6 documents, 2018-01-10 to 2020-06-15" in text
    kb = tmp_path / "kb"
    shutil.copytree(default_kb_path(), kb)
    added = run("kb", "add", suggested, "--kb", kb)
    assert added.exit_code == 0, added.stderr
    assert "salem-gheriani" in added.stdout and run("kb", "validate", kb).exit_code == 0
    again = run("kb", "add", suggested, "--kb", kb)
    assert again.exit_code == 3 and "already taken" in again.stderr and again.stderr.count("\n") == 1
    news = tmp_path / "news.jsonl"
    news.write_text("".join(json.dumps(a) + "\n" for a in generated_articles()), encoding="utf-8")
    records = [json.loads(line) for line in run("extract", "--rules-only", "-f", "jsonl", "--kb", kb,
                                                "--input-format", "jsonl", news).stdout.splitlines()]
    linked = {(p["name"], p["id"]) for r in records for p in r["people"] if p["id"] != "fayez-al-sarraj"}
    assert linked == {("Salem Gheriani", "salem-gheriani")}
    forms = {m["text"] for r in records for p in r["people"] if p["id"] == "salem-gheriani" for m in p["mentions"]}
    assert set(GOVERNOR[1]) <= forms
