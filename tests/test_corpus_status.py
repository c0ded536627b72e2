"""A role's status at the article's date (nerlibya.core.status, dates) and the roles component's use of it."""

from __future__ import annotations

import pytest

from nerlibya.core.dates import iso_date, not_after, not_before
from nerlibya.core.status import status_at
from nerlibya.knowledge.kb import Office

PRIME_MINISTER = Office("Prime Minister", "government-of-national-accord", "2016-03", "2021-03-15")


@pytest.mark.parametrize("text, expected", [
    ("2020-05-01", "2020-05-01"), ("2020-05-01T10:00:00Z", "2020-05-01"), ("2020/5/1", "2020-05-01"),
    ("2020-05", "2020-05"), ("2020", "2020"), ("Fri, 01 May 2020 10:00:00 GMT", "2020-05-01"),
    ("yesterday", None), ("", None), (None, None), ("2020-13-01", None), ("20200", None)])
def test_iso_date(text, expected):
    assert iso_date(text) == expected


def test_partial_dates_compare_at_their_own_precision():
    assert not_after("2012-05-01", "2012") and not_before("2012-05-01", "2012-05") and not not_after("2013-01", "2012")


@pytest.mark.parametrize("date, expected", [
    ("2020-05-01", "current"), ("2016-03-20", "current"), ("2021-03-15", "current"), ("2021-03-16", "former"),
    ("2023", "former"), ("2015-12-31", None), (None, "former"), ("not a date", "former")])
def test_status_at_a_date(date, expected):
    assert status_at([PRIME_MINISTER], date) == expected


def test_an_office_held_twice_is_current_in_either_term_and_former_between():
    terms = [Office("Prime Minister", None, "2011-11", "2012-11"), Office("Prime Minister", None, "2014-03", "2014-08")]
    assert [status_at(terms, d) for d in ("2012-01", "2013-06", "2014-05", None)] == ["current", "former", "current", "former"]


def test_without_a_date_an_open_office_is_current():
    assert status_at([Office("President", None, "2019-12", None)], None) == "current"
    assert status_at([], "2020") is None


def test_the_roles_component_decides_status_at_the_doc_date():
    from nerlibya.api import Extractor

    nlp = Extractor(rules_only=True).nlp("en")
    text = "GNA Prime Minister Fayez al-Sarraj met reporters in Tripoli."
    statuses = {}
    for date in (None, "2020-05-01", "2023-01-01"):
        doc = nlp.make_doc(text)
        doc._.date = date
        statuses[date] = [(r.status, r.status_source) for r in nlp(doc)._.roles]
    assert statuses == {None: [("former", "kb")], "2020-05-01": [("current", "kb")], "2023-01-01": [("former", "kb")]}


def test_the_date_field_of_jsonl_input_reaches_the_status_end_to_end(tmp_path):
    """`extract --date-field` (JSONL input): the article's date decides the status in the record; no date, as before."""
    import json

    from typer.testing import CliRunner

    from nerlibya.cli import app

    text = "GNA Prime Minister Fayez al-Sarraj met reporters in Tripoli."
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps(item) + "\n" for item in [
        {"id": "in-office", "published": "2020-05-01", "text": text},
        {"id": "later", "published": "2023-01-01T09:00:00Z", "text": text},
        {"id": "undated", "text": text}]), encoding="utf-8")
    for jobs in ("1", "2"):
        result = CliRunner().invoke(app, ["extract", "--rules-only", "-f", "jsonl", "--jobs", jobs, "--input-format",
                                          "jsonl", "--date-field", "published", str(source)])
        assert result.exit_code == 0, result.stderr
        records = [json.loads(line) for line in result.stdout.splitlines() if line]
        statuses = {r["source"]: [role["status"] for p in r["people"] for role in p["roles"]] for r in records}
        assert statuses == {"in-office": ["current"], "later": ["former"], "undated": ["former"]}, jobs
