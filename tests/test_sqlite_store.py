"""The SQLite corpus: what `-f sqlite` stores, a second run that updates in place, a document that fails half
way leaving the database as it was, the JSONL date field, and README's example queries on samples/."""

from __future__ import annotations

import functools
import json
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nerlibya.engines.local as batch
from nerlibya.cli import app
from nerlibya.sinks.sqlite import CorpusStore

from .conftest import ROOT, SAMPLES

_cached_make_extractor = functools.lru_cache(maxsize=None)(batch.make_extractor)
TABLES = ("documents", "entities", "mentions", "roles")


@pytest.fixture(autouse=True)
def shared_extractor(monkeypatch):
    monkeypatch.setattr(batch, "make_extractor", _cached_make_extractor)


def cli(*args):
    result = CliRunner().invoke(app, ["extract", *[str(a) for a in args]])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as connection:
        return {table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in TABLES}


def rows(db: Path, query: str, *params) -> list[tuple]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(query, params).fetchall()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("corpus") / "corpus.db"
    result = CliRunner().invoke(app, ["extract", "--rules-only", "--jobs", "1", "-f", "sqlite", "-o", str(db),
                                      str(SAMPLES)])
    assert result.exit_code == 0, result.output
    return db


def test_documents_entities_mentions_and_roles_are_stored(samples_db):
    records = [json.loads(line) for line in cli("--rules-only", "--jobs", "1", "-f", "jsonl", SAMPLES).stdout.splitlines()]
    stored = counts(samples_db)
    assert stored["documents"] == len(records) == len(list(SAMPLES.glob("*.txt")))
    assert stored["mentions"] == sum(len(r["entities"]) for r in records)
    assert stored["roles"] == sum(len(r["roles"]) for r in records)
    source, text = rows(samples_db, "SELECT source, content_hash FROM documents ORDER BY source")[0]
    assert source.endswith("000_01b30ef46d6ec3fe.txt") and re.fullmatch(r"[0-9a-f]{64}", text)
    for start, end, mention, path in rows(samples_db, "SELECT m.start_char, m.end_char, m.text, d.source FROM mentions m "
                                                      "JOIN documents d ON d.id = m.document_id"):
        assert Path(path).read_text(encoding="utf-8")[start:end] == mention
    assert rows(samples_db, "SELECT kind, name FROM entities WHERE key = 'khalifa-haftar'") == [("person", "Khalifa Haftar")]
    assert rows(samples_db, "PRAGMA foreign_key_check") == []


def test_a_second_run_updates_in_place(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("en_oil_blockade.txt", "en_un_talks_geneva.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    db = tmp_path / "corpus.db"
    assert cli("--rules-only", "--jobs", "1", "-f", "sqlite", "-o", db, folder).exit_code == 0
    first, ids = counts(db), rows(db, "SELECT id, source, content_hash FROM documents ORDER BY id")
    assert cli("--rules-only", "--jobs", "1", "-f", "sqlite", "-o", db, folder).exit_code == 0
    assert counts(db) == first and rows(db, "SELECT id, source, content_hash FROM documents ORDER BY id") == ids
    (folder / "en_oil_blockade.txt").write_text("Khalifa Haftar visited Tripoli.", encoding="utf-8")
    assert cli("--rules-only", "--jobs", "1", "-f", "sqlite", "-o", db, folder).exit_code == 0
    changed = rows(db, "SELECT id, source, content_hash FROM documents ORDER BY id")
    assert [row[:2] for row in changed] == [row[:2] for row in ids] and changed[0][2] != ids[0][2]
    assert rows(db, "SELECT COUNT(*) FROM mentions WHERE document_id = ?", changed[0][0]) == [(2,)]
    # entities only the old text mentioned are gone; no entity is left without a mention or role
    # (an organisation only a role names, from the KB, is kept by that role: issue 21)
    assert rows(db, """SELECT COUNT(*) FROM entities WHERE id NOT IN (SELECT entity_id FROM mentions)
                       AND id NOT IN (SELECT organisation_id FROM roles WHERE organisation_id IS NOT NULL)""") == [(0,)]


def test_a_document_that_fails_half_way_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    db = tmp_path / "corpus.db"
    record = {"schema_version": "1.0", "source": "a.txt", "lang": "en", "roles": [], "places": [], "entities": [],
              "organisations": [],
              "people": [{"name": "Khalifa Haftar", "id": "khalifa-haftar", "key": "khalifa-haftar", "label": "PERSON",
                          "match": "exact", "score": 1.0, "forms": [], "roles": [],
                          "mentions": [{"text": "Khalifa Haftar", "start": 0, "end": 14}]}]}
    with CorpusStore(db) as store:
        store.add(record, "Khalifa Haftar spoke.")
    before = counts(db), rows(db, "SELECT * FROM documents")

    def interrupted(self, document_id, record):
        self.connection.execute("INSERT INTO mentions (document_id, entity_id, text, start_char, end_char, label) "
                                "VALUES (?, 1, 'x', 0, 1, 'PERSON')", (document_id,))
        raise KeyboardInterrupt

    monkeypatch.setattr(CorpusStore, "_insert_entities", interrupted)
    with pytest.raises(KeyboardInterrupt), CorpusStore(db) as store:
        store.add(record, "Khalifa Haftar spoke again.")
    assert (counts(db), rows(db, "SELECT * FROM documents")) == before


def test_jsonl_dates_and_failed_inputs_are_stored(tmp_path):
    source = tmp_path / "news.jsonl"
    source.write_text("\n".join(json.dumps(item) for item in [
        {"id": "a", "published": "2024-03-01", "text": "Field Marshal Khalifa Haftar visited Benghazi."},
        {"id": "b", "text": "Khalifa Haftar met Fayez al-Sarraj in Paris."},
        {"id": "c", "published": "2024-05-02", "text": "   "},
    ]) + "\n", encoding="utf-8")
    db = tmp_path / "corpus.db"
    result = cli("--rules-only", "-f", "sqlite", "-o", db, "--input-format", "jsonl", "--date-field", "published", source)
    assert result.exit_code == 1  # "c" is empty
    assert rows(db, "SELECT source, date, error_kind FROM documents ORDER BY source") == [
        ("a", "2024-03-01", None), ("b", None, None), ("c", None, "empty")]
    assert rows(db, "SELECT date, title FROM person_roles WHERE person_kb_id = 'khalifa-haftar'") == [
        ("2024-03-01", "Field Marshal")]


def test_sqlite_needs_an_output_file_that_is_a_corpus(tmp_path):
    assert cli("--rules-only", "-f", "sqlite", SAMPLES).exit_code == 2
    assert cli("--rules-only", "-f", "sqlite", "-o", tmp_path, SAMPLES).exit_code == 2
    text = tmp_path / "notes.txt"
    text.write_text("not a database, " * 100, encoding="utf-8")
    result = cli("--rules-only", "-f", "sqlite", "-o", text, SAMPLES)
    assert result.exit_code == 3 and "not a SQLite database" in result.stderr
    assert text.read_text(encoding="utf-8") == "not a database, " * 100
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE documents (x)")
    connection.close()
    result = cli("--rules-only", "-f", "sqlite", "-o", other, SAMPLES)
    assert result.exit_code == 3 and "not a nerlibya corpus" in result.stderr


def readme_queries() -> list[str]:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## A SQLite corpus")[1].split("\n## ")[0]
    block = section.split("```sql\n")[1].split("```")[0]
    return [query.strip() + ";" for query in block.split(";") if query.strip()]


def test_readme_queries_answer_on_samples(samples_db):
    queries = readme_queries()
    assert len(queries) == 3
    answers = [rows(samples_db, query) for query in queries]
    assert all(answers), "every README query returns rows on samples/"
    assert ("Field Marshal", "Libyan National Army") in [row[1:3] for row in answers[0]]
    assert answers[1][0][0] == "Khalifa Haftar"
    assert ("Libyan National Army", 5) in answers[2]
    if shutil.which("sqlite3"):  # the command-line shell, as a user would run them
        for query, answer in zip(queries, answers):
            shell = subprocess.run(["sqlite3", str(samples_db)], input=query, capture_output=True, text=True,
                                   check=True)
            assert len(shell.stdout.splitlines()) == len(answer)


def test_ctrl_c_leaves_a_consistent_database(tmp_path):
    """A real run interrupted once some documents are in: exit 130, and every stored document is whole."""
    folder = tmp_path / "news"
    folder.mkdir()
    text = (SAMPLES / "en_oil_blockade.txt").read_text(encoding="utf-8")
    for i in range(400):
        (folder / f"{i:04d}.txt").write_text(f"Report {i}.\n\n{text}", encoding="utf-8")
    db = tmp_path / "corpus.db"
    process = subprocess.Popen([sys.executable, "-m", "nerlibya", "extract", "--rules-only", "--jobs", "1",
                                "-f", "sqlite", "-o", str(db), str(folder)], cwd=ROOT, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if rows(db, "SELECT COUNT(*) FROM documents")[0][0] >= 3:
                break
        except sqlite3.OperationalError:  # not created yet, or locked by the writer
            pass
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130 and b"Traceback" not in err
    stored = rows(db, "SELECT id FROM documents")
    assert 3 <= len(stored) < 400
    per_document = rows(db, "SELECT d.id, COUNT(m.id) FROM documents d LEFT JOIN mentions m ON m.document_id = d.id "
                            "GROUP BY d.id")
    expected = per_document[0][1]
    assert expected > 0 and all(count == expected for _, count in per_document)  # same article: same mentions
    assert rows(db, "PRAGMA integrity_check") == [("ok",)] and rows(db, "PRAGMA foreign_key_check") == []


def test_a_role_keeps_the_kb_organisation_the_text_does_not_name(tmp_path):
    """The KB gives Sarraj's office its organisation (the GNA) though the article names none: the role keeps
    that organisation's id, as the JSON record does, so a query by organisation finds it."""
    source = tmp_path / "pm.txt"
    source.write_text("Prime Minister Fayez al-Sarraj spoke in Misrata on Monday.", encoding="utf-8")
    db = tmp_path / "corpus.db"
    assert cli("--rules-only", "-f", "sqlite", "-o", db, source).exit_code == 0
    record = json.loads(cli("--rules-only", "-f", "json", source).stdout)
    assert record["organisations"] == [] and record["people"][0]["roles"][0]["organisation_id"] == "government-of-national-accord"
    assert rows(db, "SELECT title, organisation, organisation_kb_id FROM person_roles") == [
        ("Prime Minister", "Government of National Accord", "government-of-national-accord")]
    assert rows(db, "SELECT key, kind, name FROM entities WHERE kind = 'organisation'") == [
        ("government-of-national-accord", "organisation", "Government of National Accord")]
    source.write_text("Fayez al-Sarraj spoke in Misrata on Monday.", encoding="utf-8")  # the role gone: so is the entity
    assert cli("--rules-only", "-f", "sqlite", "-o", db, source).exit_code == 0
    assert rows(db, "SELECT key FROM entities WHERE kind = 'organisation'") == []
