"""A real corpus (rules-only pipeline, the existing SQLite writer) read by nerlibya.corpus.store, clustered, and
queried through the Datasette metadata's canned queries."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from nerlibya.corpus.datasette import metadata, to_json
from nerlibya.corpus.identity import cluster
from nerlibya.corpus.store import CorpusReadError, read_observations
from nerlibya.corpus.timeline import find_entity, office_holders, timeline
from nerlibya.sinks.sqlite import CorpusStore

ARTICLES = [  # (source, date, text): invented sentences
    ("a.txt", "2019-03-02", "Central Bank Governor Salem Gheriani told reporters that reserves were stable."),
    ("b.txt", "2019-07-10T08:00:00Z", "Central Bank Governor Salim Ghiryani said on Tuesday the bank would publish its accounts."),
    ("c.txt", "2020-05-01", "GNA Prime Minister Fayez al-Sarraj met reporters in Tripoli."),
    ("d.txt", None, "Prime Minister Fayez al-Sarraj spoke in Misrata on Monday."),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    from nerlibya.api import Extractor

    path = tmp_path_factory.mktemp("corpus") / "corpus.db"
    extractor = Extractor(rules_only=True)
    with CorpusStore(path) as store:
        for source, date, text in ARTICLES:
            store.add(extractor.extract(text, source).to_dict(), text, date)
        store.add({"source": "broken.txt", "error": {"kind": "input", "message": "not UTF-8"}}, None)
    return path


def test_observations_carry_forms_dates_roles_and_places(corpus):
    observations = {(o.source, o.name): o for o in read_observations(corpus)}
    gheriani = observations[("a.txt", "Salem Gheriani")]
    assert gheriani.kind == "person" and gheriani.kb_id is None and gheriani.date == "2019-03-02"
    assert [(r.title, r.organisation) for r in gheriani.roles] == [("Governor", "Central Bank")]
    assert observations[("b.txt", "Salim Ghiryani")].date == "2019-07-10"
    sarraj = observations[("c.txt", "Fayez al-Sarraj")]
    assert sarraj.kb_id == "fayez-al-sarraj" and "tripoli" in sarraj.places
    assert sarraj.roles[0].organisation_id == "government-of-national-accord"
    assert observations[("d.txt", "Fayez al-Sarraj")].date is None
    assert not any(o.source == "broken.txt" for o in observations.values())


def test_only_the_kinds_asked_for_are_read(corpus):
    assert {o.kind for o in read_observations(corpus, ("organisation",))} == {"organisation"}


def test_the_corpus_clusters_and_answers_timeline_questions(corpus):
    clusters = cluster(read_observations(corpus))
    gheriani = find_entity(clusters, "Salem Gheriani")
    assert set(gheriani.spellings) == {"Salem Gheriani", "Salim Ghiryani"} and gheriani.id.startswith("corpus:")
    assert [(r.title, r.first_date, r.last_date, r.documents) for r in timeline(gheriani)] == [
        ("Governor", "2019-03-02", "2019-07-10", 2)]
    holders = office_holders(clusters, "Prime Minister")
    assert [(r.entity_id, r.first_date, r.documents) for r in holders] == [("fayez-al-sarraj", "2020-05-01", 2)]


def test_a_file_that_is_not_a_corpus_is_a_one_line_error(tmp_path):
    with pytest.raises(CorpusReadError, match="no such corpus database"):
        read_observations(tmp_path / "missing.db")
    text = tmp_path / "notes.db"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(CorpusReadError, match="not a SQLite database"):
        read_observations(text)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(CorpusReadError, match="not a nerlibya corpus"):
        read_observations(other)


def test_reading_never_writes(corpus):
    before = corpus.read_bytes()
    read_observations(corpus)
    assert corpus.read_bytes() == before


def test_datasette_metadata_canned_queries_run_on_the_corpus(corpus):
    data = json.loads(to_json(metadata("corpus")))
    database = data["databases"]["corpus"]
    assert database["tables"]["entities"]["facets"][0] == "kind"
    assert {"date": "date"} in database["tables"]["person_roles"]["facets"]
    connection = sqlite3.connect(f"file:{corpus}?mode=ro", uri=True)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert set(database["tables"]) <= tables
    for name, facets in ((n, t.get("facets", [])) for n, t in database["tables"].items()):
        for facet in facets:
            column = facet if isinstance(facet, str) else next(iter(facet.values()))
            connection.execute(f"SELECT {column} FROM {name} LIMIT 1")  # every facet is a column
    queries = database["queries"]
    by_id = connection.execute(queries["person_timeline"]["sql"], {"person": "fayez-al-sarraj"}).fetchall()
    by_spelling = connection.execute(queries["person_timeline"]["sql"], {"person": "salim ghiryani"}).fetchall()
    holders = connection.execute(queries["office_holders"]["sql"], {"office": "prime minister"}).fetchall()
    connection.close()
    assert by_id == [("Prime Minister", "Government of National Accord", "2020-05-01", "2020-05-01", 2, "c.txt,d.txt")]
    assert by_spelling == [("Governor", "Central Bank", "2019-07-10T08:00:00Z", "2019-07-10T08:00:00Z", 1, "b.txt")]
    assert holders == [("Fayez al-Sarraj", "fayez-al-sarraj", "Government of National Accord", "2020-05-01",
                        "2020-05-01", 2, "c.txt,d.txt")]
