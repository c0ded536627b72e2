"""Confidence on every record: evidence classes, back-off for rare classes, calibration, filtering, and the
judgement it is fitted on (the same as `nerlibya evaluate`)."""

from __future__ import annotations

import copy

import pytest

from nerlibya.core.confidence import (Calibration, Evidence, Shrinkage, above, entity_evidence, role_evidence,
                                      with_confidence)
from nerlibya.evaluate import judge_document, score_document

PERSON = {"name": "Abdul Hamid Dbeibah", "id": "abdul-hamid-dbeibah", "key": "abdul-hamid-dbeibah", "match": "exact",
          "forms": ["Abdul Hamid Dbeibah", "Dbeibah"], "mentions": [{}, {}, {}],
          "roles": [{"title": "Prime Minister", "organisation": "Government of National Unity", "pattern": "before-name",
                     "category": "office"}]}
BODY = {"name": "Presidential Council", "id": None, "key": "organisations:pc", "match": "model",
        "forms": ["Presidential Council"], "mentions": [{}]}
RECORD = {"schema_version": "1.1", "source": "x", "lang": "en", "people": [PERSON], "organisations": [BODY],
          "places": [], "roles": [], "entities": [{"text": "Dbeibah", "key": "abdul-hamid-dbeibah"},
                                                 {"text": "Presidential Council", "key": "organisations:pc"}]}


def test_classes_go_from_finest_to_the_group_alone():
    evidence = Evidence("places", (("kb", "yes"), ("lang", "fr")))
    assert evidence.classes() == ["places|kb=yes|lang=fr", "places|kb=yes", "places"]


def test_entity_evidence_reads_link_shape_mentions_and_roles():
    evidence = entity_evidence("people", PERSON, "en")
    assert dict(evidence.features) == {"kb": "yes", "linked": "exact", "shape": "words", "mentions": "2-3",
                                       "roles": "yes", "lang": "en"}
    acronym = dict(BODY, forms=["Presidential Council", "PC"])
    assert dict(entity_evidence("organisations", acronym, "en").features)["shape"] == "defined-acronym"
    assert dict(entity_evidence("organisations", dict(BODY, forms=["LNA"]), "en").features)["shape"] == "acronym"
    assert dict(entity_evidence("organisations", BODY, "en").features)["linked"] == "text"


def test_role_evidence_reads_pattern_organisation_writing_kb_office_and_person():
    role = dict(PERSON["roles"][0], text="Prime Minister", organisation_id="gnu", status_source="kb")
    features = dict(role_evidence(role, PERSON, "fr").features)
    assert features == {"pattern": "before-name", "organisation": "kb", "written": "capital", "kb_office": "yes",
                        "lang": "fr", "person_kb": "yes"}
    described = dict(role, text="spokesman", organisation_id=None, status_source="text")
    features = dict(role_evidence(described, dict(PERSON, id=None), "en").features)
    assert (features["organisation"], features["written"], features["kb_office"], features["person_kb"]) == (
        "text", "lower", "no", "no")
    alone = dict(described, organisation=None)
    assert dict(role_evidence(alone, PERSON, "en").features)["organisation"] == "no"


def test_a_rare_class_backs_off_to_its_parent():
    counts = {"organisations": (100, 80), "organisations|kb=no": (40, 20), "organisations|kb=no|linked=text": (3, 0)}
    calibration = Calibration(counts, default=Shrinkage(8, 2.0))
    evidence = Evidence("organisations", (("kb", "no"), ("linked", "text")))
    parent = Evidence("organisations", (("kb", "no"),))
    assert calibration.confidence(evidence) == calibration.confidence(parent)  # 3 records: not enough
    assert calibration.confidence(parent) == pytest.approx((20 + 2 * (82 / 102)) / 42, abs=1e-3)


def test_a_class_seen_often_enough_is_used_and_shrunk_toward_its_parent():
    counts = {"places": (100, 90), "places|kb=no": (10, 0)}
    value = Calibration(counts, default=Shrinkage(8, 2.0)).confidence(Evidence("places", (("kb", "no"),)))
    assert 0.0 < value < 0.2


def test_each_group_uses_its_own_shrinkage():
    counts = {"roles": (100, 90), "roles|pattern=clause": (10, 5), "people": (100, 90), "people|kb=no": (10, 5)}
    calibration = Calibration(counts, default=Shrinkage(8, 2.0), shrinkage={"roles": Shrinkage(8, 50.0)})
    role = calibration.confidence(Evidence("roles", (("pattern", "clause"),)))
    person = calibration.confidence(Evidence("people", (("kb", "no"),)))
    assert person == pytest.approx((5 + 2 * (91 / 102)) / 12, abs=1e-3)
    assert role == pytest.approx((5 + 50 * (115 / 150)) / 60, abs=1e-3)  # pulled much closer to the roles' rate
    cautious = Calibration(counts, shrinkage={"roles": Shrinkage(20, 2.0)})
    assert cautious.confidence(Evidence("roles", (("pattern", "clause"),))) == pytest.approx(91 / 102, abs=1e-3)


def test_the_table_file_gives_each_kind_and_group_its_shrinkage(tmp_path):
    from nerlibya.knowledge.calibration import load_calibration

    (tmp_path / "confidence.yaml").write_text(
        "min_count: 8\nsmoothing: 2.0\nshrinkage:\n  default:\n    roles: [40, 50.0]\n"
        "default:\n  \"roles\": [10, 8]\n", encoding="utf-8")
    default = load_calibration("default", str(tmp_path))
    assert default.shrinkage == {"roles": Shrinkage(40, 50.0)} and default.default == Shrinkage(8, 2.0)
    assert default.counts == {"roles": (10, 8)}
    assert load_calibration("rules-only", str(tmp_path)).shrinkage == {}


def test_an_empty_table_is_neutral_and_values_stay_in_range():
    assert Calibration({}).confidence(Evidence("people", (("kb", "yes"),))) == 0.5
    extreme = Calibration({"people": (1000, 1000), "people|kb=yes": (1000, 1000)})
    assert 0.0 <= extreme.confidence(Evidence("people", (("kb", "yes"),))) <= 1.0


def test_with_confidence_marks_every_entity_and_role_and_copies_roles_to_the_top():
    calibration = Calibration({"people": (10, 9), "organisations": (10, 5), "roles": (10, 8)})
    record = with_confidence(copy.deepcopy(RECORD), calibration)
    assert record["people"][0]["confidence"] > record["organisations"][0]["confidence"]
    role = record["people"][0]["roles"][0]
    assert 0 <= role["confidence"] <= 1
    assert record["roles"] == [{"person": "Abdul Hamid Dbeibah", "person_id": "abdul-hamid-dbeibah", **role}]


def test_above_drops_records_roles_and_their_mentions_below_the_threshold():
    calibration = Calibration({"people": (10, 9), "organisations": (10, 2), "roles": (10, 2)})
    record = above(with_confidence(copy.deepcopy(RECORD), calibration), 0.5)
    assert [p["name"] for p in record["people"]] == ["Abdul Hamid Dbeibah"]
    assert record["organisations"] == [] and record["roles"] == [] and record["people"][0]["roles"] == []
    assert [m["text"] for m in record["entities"]] == ["Dbeibah"]


def test_above_zero_keeps_everything():
    record = copy.deepcopy(RECORD)
    assert above(record, 0.0) == RECORD


def test_judgement_agrees_with_the_score():
    gold = {"people": [{"name": "Abdul Hamid Dbeibah", "forms": ["Dbeibah"], "roles": [{"title": "Prime Minister"}]}],
            "organisations": [], "places": []}
    judged = list(judge_document(copy.deepcopy(RECORD), gold))
    assert [(group, right) for group, _, _, right in judged] == [("people", True), ("roles", True),
                                                                 ("organisations", False)]
    counts = score_document(copy.deepcopy(RECORD), gold).counts
    assert (counts["people"].tp, counts["roles"].tp, counts["organisations"].fp) == (1, 1, 1)


def test_html_dims_what_the_record_is_not_sure_of():
    from nerlibya.sinks.html_pages import render_panel, render_text

    text = "Dbeibah met the Presidential Council."
    record = copy.deepcopy(RECORD)
    record["people"][0]["confidence"], record["organisations"][0]["confidence"] = 0.95, 0.3
    record["people"][0]["roles"] = []
    record["people"][0]["mentions"] = [{"text": "Dbeibah", "start": 0, "end": 7}]
    record["organisations"][0]["mentions"] = [{"text": "Presidential Council", "start": 16, "end": 36}]
    record["entities"] = [{"text": "Dbeibah", "label": "PERSON", "start": 0, "end": 7, "key": "abdul-hamid-dbeibah"},
                          {"text": "Presidential Council", "label": "ORG", "start": 16, "end": 36,
                           "key": "organisations:pc"}]
    html = render_text(record, text)
    assert 'class="entity organisation unsure"' in html and 'class="entity person"' in html
    assert "confidence: 0.30" in html
    panel = render_panel(record)
    assert panel.count('<li class="unsure">') == 1


def test_min_confidence_leaves_out_what_is_below_it(tmp_path):
    import json

    from typer.testing import CliRunner

    from nerlibya.cli import app

    article = tmp_path / "a.txt"
    article.write_text("Field Marshal Khalifa Haftar met the Sabratha Council of Elders in Paris.", encoding="utf-8")
    runner = CliRunner()
    everything = json.loads(runner.invoke(app, ["extract", str(article), "-f", "json", "--rules-only"]).stdout)
    values = [e["confidence"] for g in ("people", "organisations", "places") for e in everything[g]]
    assert values and all(0 <= v <= 1 for v in values)
    threshold = max(values)
    kept = json.loads(runner.invoke(app, ["extract", str(article), "-f", "json", "--rules-only",
                                          "--min-confidence", str(threshold)]).stdout)
    assert all(e["confidence"] >= threshold for g in ("people", "organisations", "places") for e in kept[g])
    assert sum(len(kept[g]) for g in ("people", "organisations", "places")) < len(values) or len(set(values)) == 1
    bad = runner.invoke(app, ["extract", str(article), "--min-confidence", "1.5"])
    assert bad.exit_code == 2
