"""Timelines and office holders (nerlibya.corpus.timeline) and their SVG picture (nerlibya.corpus.svg)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from nerlibya.corpus.identity import cluster
from nerlibya.corpus.svg import timeline_svg, year_fraction
from nerlibya.corpus.timeline import EntityNotFound, find_entity, office_holders, timeline

from .test_corpus_identity import person

GNA = ("Prime Minister", "Government of National Accord")


@pytest.fixture(scope="module")
def clusters():
    return cluster([
        person("a", "Fayez al-Sarraj", GNA, date="2016-04-01", kb_id="fayez-al-sarraj"),
        person("b", "Fayez al-Sarraj", GNA, ("Chairman", "Presidential Council"), date="2019-06-01", kb_id="fayez-al-sarraj"),
        person("c", "Abdul Hamid Dbeibah", ("Prime Minister", "Government of National Unity"), date="2021-03-20",
               kb_id="abdul-hamid-dbeibah"),
        person("d", "Salem Gheriani", ("Governor", "Central Bank of Libya"), date="2019-03-02"),
        person("e", "Salim Ghiryani", ("governor", "Central Bank of Libya"), ("Prime Minister", None), date="2022-07-10"),
        person("f", "Ahmed Maiteeq", ("Deputy Prime Minister", "Presidential Council"), date="2018-01-01"),
        person("g", "Mohamed Ali", ("Striker", "Al-Ahly")), person("h", "Mohamed Ali", ("Minister", "GNU"))])


def test_timeline_rows_per_title_and_organisation(clusters):
    rows = timeline(find_entity(clusters, "fayez-al-sarraj"))
    assert [(r.title, r.organisation, r.first_date, r.last_date, r.documents, r.sources) for r in rows] == [
        ("Prime Minister", "Government of National Accord", "2016-04-01", "2019-06-01", 2, ("a.txt", "b.txt")),
        ("Chairman", "Presidential Council", "2019-06-01", "2019-06-01", 1, ("b.txt",))]


def test_a_person_is_found_by_kb_id_corpus_id_or_any_spelling(clusters):
    gheriani = find_entity(clusters, "Salim Ghiryani")
    assert find_entity(clusters, gheriani.id) is gheriani
    assert find_entity(clusters, "salem gheriani") is gheriani
    assert find_entity(clusters, "Salem Ghariani") is gheriani  # a spelling never seen, by transliteration
    rows = timeline(gheriani)
    assert [(r.title, r.first_date, r.last_date, r.documents) for r in rows] == [
        ("Governor", "2019-03-02", "2022-07-10", 2), ("Prime Minister", "2022-07-10", "2022-07-10", 1)]


def test_unknown_and_ambiguous_names_are_one_line_errors(clusters):
    with pytest.raises(EntityNotFound, match="no entity"):
        find_entity(clusters, "Nobody Known")
    with pytest.raises(EntityNotFound, match=r"'Mohamed Ali' names 2 entities: corpus:mohamed-ali-.*ask for one by its id"):
        find_entity(clusters, "Mohamed Ali")


def test_office_holders_in_order_of_first_date(clusters):
    rows = office_holders(clusters, "prime minister")
    assert [(r.name, r.organisation, r.first_date) for r in rows] == [
        ("Fayez al-Sarraj", "Government of National Accord", "2016-04-01"),
        ("Abdul Hamid Dbeibah", "Government of National Unity", "2021-03-20"),
        ("Salem Gheriani", None, "2022-07-10")]
    assert "Ahmed Maiteeq" not in {r.name for r in rows}  # a deputy is not the office


def test_svg_is_well_formed_escaped_and_has_a_bar_per_dated_row(clusters):
    gheriani = find_entity(clusters, "Salem Gheriani")
    rows = timeline(gheriani)
    svg = timeline_svg("<b>Salem & Co</b>", rows)
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert len(root.findall(f"{ns}rect")) == len(rows) == 2
    assert "<b>" not in svg and "&lt;b&gt;Salem &amp; Co&lt;/b&gt;" in svg
    assert "script" not in svg.lower() and "href" not in svg
    years = [t.text for t in root.findall(f"{ns}text") if t.text and t.text.isdigit()]
    assert years[0] == "2019" and years[-1] == "2023"


def test_svg_of_undated_rows_says_so():
    rows = timeline(cluster([person("a", "Salem Gheriani", ("Governor", None), date=None)])[0])
    svg = timeline_svg("Salem Gheriani", rows)
    assert "no date" in svg and ET.fromstring(svg) is not None


def test_year_fraction_places_partial_dates():
    assert year_fraction("2020") == 2020.0 and year_fraction("2020-01-01") == 2020.0
    assert 2020.49 < year_fraction("2020-07") < 2020.5 < year_fraction("2020-07-15")
