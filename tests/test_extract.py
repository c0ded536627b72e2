"""End to end on the seed articles with the curated knowledge base and the statistical model."""

import json
from pathlib import Path

import jsonschema
import pytest

import nerlibya

SCHEMA = json.loads((Path(nerlibya.__file__).parent / "schema" / "record-1.schema.json").read_text(encoding="utf-8"))
SEED_1, SEED_2 = "000_01b30ef46d6ec3fe.txt", "001_8b0d92ddfd913db1.txt"

pytestmark = pytest.mark.model


def by_name(record, group):
    return {e["name"]: e for e in record[group]}


def titles(person):
    return {r["title"] for r in person["roles"]}


def test_records_follow_the_schema(seed_records):
    for record in seed_records.values():
        jsonschema.validate(record, SCHEMA)


def test_mentions_point_into_the_text(seed_records):
    for name, record in seed_records.items():
        text = (Path(__file__).parent.parent / "samples" / name).read_text(encoding="utf-8")
        for mention in record["entities"]:
            assert text[mention["start"]:mention["end"]] == mention["text"]


def test_first_seed_people_organisations_places(seed_records):
    record = seed_records[SEED_1]
    people = by_name(record, "people")
    assert {"Saddam Haftar", "Vincent Giraud", "Paul Soler", "Emmanuel Macron", "Abdul Hamid Dbeibah",
            "Osama Hamad"} <= set(people)
    assert people["Abdul Hamid Dbeibah"]["forms"] == ["Abdul Hamid Dbeibeh"]
    orgs = by_name(record, "organisations")
    assert {"Libyan National Army", "Government of National Unity", "House of Representatives",
            "United Nations"} <= set(orgs)
    assert "LNA" in orgs["Libyan National Army"]["forms"] and "GNU" in orgs["Government of National Unity"]["forms"]
    places = by_name(record, "places")
    assert {"Paris", "Libya", "France", "Tripoli", "Benghazi", "Élysée Palace"} <= set(places)
    assert places["Élysée Palace"]["label"] == "FAC" and places["Paris"]["label"] == "GPE"


def test_first_seed_one_record_per_entity(seed_records):
    record = seed_records[SEED_1]
    assert len(by_name(record, "people")) == len(record["people"])
    lna = by_name(record, "organisations")["Libyan National Army"]
    assert len(lna["mentions"]) == 6 and lna["id"] == "libyan-national-army"
    saddam = by_name(record, "people")["Saddam Haftar"]
    assert len(saddam["mentions"]) == 3  # 'Saddam Haftar' and both bare 'Haftar'


def test_first_seed_roles(seed_records):
    people = by_name(seed_records[SEED_1], "people")
    assert {"General", "Chief of Staff"} <= titles(people["Vincent Giraud"])
    soler = people["Paul Soler"]["roles"][0]
    assert (soler["title"], soler["organisation"], soler["of"]) == ("Special Envoy", "France", "Emmanuel Macron")
    prime = next(r for r in people["Abdul Hamid Dbeibah"]["roles"] if r["title"] == "Prime Minister")
    assert prime["organisation"] == "Government of National Unity"
    assert "head" in titles(people["Osama Hamad"])
    assert titles(people["Emmanuel Macron"]) == {"President"}


def test_second_seed_khalifa_haftar_and_every_haftar(seed_records):
    record = seed_records[SEED_2]
    people = by_name(record, "people")
    assert {"Lieutenant General", "Deputy Commander-in-Chief"} <= titles(people["Saddam Haftar"])
    assert {"Field Marshal", "Commander-in-Chief"} <= titles(people["Khalifa Haftar"])
    assert people["Vincent Giraud"]["forms"] == ["Vincent Girod"]
    assert people["Vincent Giraud"]["id"] == by_name(seed_records[SEED_1], "people")["Vincent Giraud"]["id"]
    bare = [m for m in record["entities"] if m["text"] == "Haftar"]
    assert len(bare) == 4 and {m["id"] for m in bare} == {"saddam-haftar"}
    assert "special envoy" in titles(people["Paul Soler"])
    orgs = by_name(record, "organisations")
    assert {"Libyan National Army", "Libyan Armed Forces", "General Command"} <= set(orgs["Libyan National Army"]["forms"])
    assert "General Command’s" not in orgs["Libyan National Army"]["forms"]


def test_rules_only_still_finds_every_kb_entity():
    extractor = nerlibya.Extractor(lang="en", rules_only=True)
    text = (Path(__file__).parent.parent / "samples" / SEED_1).read_text(encoding="utf-8")
    record = extractor.extract(text).to_dict()
    ids = {e["id"] for group in ("people", "organisations", "places") for e in record[group]}
    assert {"saddam-haftar", "vincent-giraud", "paul-soler", "emmanuel-macron", "abdul-hamid-dbeibah",
            "osama-hamad", "libyan-national-army", "government-of-national-unity", "house-of-representatives",
            "united-nations", "paris", "libya", "france", "tripoli", "benghazi", "elysee-palace"} <= ids


def test_unknown_entities_are_reported_with_null_id(extractor):
    record = extractor.extract("Colonel Tarek Bouzid, the commander of the Sabratha Martyrs Brigade, met Mayor "
                               "Salem Ferjani in Zliten.").to_dict()
    people = by_name(record, "people")
    assert people["Tarek Bouzid"]["id"] is None
    assert {"Colonel", "commander"} <= titles(people["Tarek Bouzid"])


def test_python_api_accepts_text_or_doc():
    nlp = nerlibya.load("en", rules_only=True)
    doc = nlp("Field Marshal Khalifa Haftar met French President Emmanuel Macron in Paris.")
    from_doc = nerlibya.extract(doc).to_dict()
    from_text = nerlibya.extract("Field Marshal Khalifa Haftar met French President Emmanuel Macron in Paris.",
                                 nlp=nlp).to_dict()
    assert from_doc == from_text
    assert [p["name"] for p in from_doc["people"]] == ["Khalifa Haftar", "Emmanuel Macron"]


def test_default_pipeline_runs_only_what_extraction_needs(extractor):
    names = extractor.nlp("en").pipe_names
    assert "parser" not in names and "lemmatizer" not in names and "ner" in names
    assert names.index("nerlibya_kb_ruler") < names.index("ner") < names.index("nerlibya_resolver")
