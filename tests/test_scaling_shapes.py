"""What the scaling benchmark's shapes must still give (benchmarks/scaling.py measures their time; these
tests assert behaviour only): many people sharing one surname stay apart and a bare surname goes to the one
named last; a long run of capitalised words before a head noun is one body."""

from __future__ import annotations

import pytest

from nerlibya.api import Extractor

GIVEN = ["Darim", "Folan", "Jesko", "Kamu", "Lisra", "Marno", "Nudal", "Rasko", "Selim", "Tafir", "Bodan", "Kiral"]


@pytest.fixture(scope="module")
def rules_extractor():
    return Extractor(lang="en", rules_only=True)


def test_many_people_sharing_a_surname_stay_apart(rules_extractor):
    text = " ".join(f"General {name} Haftar met the delegation in Tripoli on Monday." for name in GIVEN)
    text += " Later Haftar said the talks would resume."
    record = rules_extractor.extract(text).to_dict()
    family = [p for p in record["people"] if p["name"].endswith(" Haftar") and p["name"] != "Khalifa Haftar"]
    assert sorted(p["name"] for p in family) == sorted(f"{name} Haftar" for name in GIVEN)
    last = next(p for p in family if p["name"] == f"{GIVEN[-1]} Haftar")
    assert "Haftar" in last["forms"]  # the bare surname is the person named last
    assert all("Haftar" not in p["forms"] for p in family if p is not last)


def test_a_long_capitalised_run_before_a_head_noun_is_one_body(rules_extractor):
    record = rules_extractor.extract("The " + " ".join(["Council"] * 300) + " met on Monday.\n").to_dict()
    assert len(record["organisations"]) == 1
    assert record["organisations"][0]["name"] == " ".join(["Council"] * 300)
