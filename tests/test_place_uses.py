"""Place names as outlets write them (issue 19): a country's acronym used as its nationality adjective, and the
datelines that open a wire story. Every text here is made up."""

import pytest
import spacy

from nerlibya.components.place_uses import ModifierWords, dateline_places, is_acronym_as_modifier
from nerlibya.pipeline import split_glued_tokens

MODIFIER_WORDS = ModifierWords(not_nouns=frozenset({"and", "has", "said", "both", "would", "in"}),
                               determiners=frozenset({"the", "its", "a"}))


def _english():
    nlp = spacy.blank("en")
    split_glued_tokens(nlp)
    return nlp


@pytest.mark.parametrize("text,modifier", [
    ("a U.S. drone strike hit the base", True),
    ("the UK embassy reopened", True),
    ("senior US diplomats met", True),
    ("the US-brokered truce held", True),
    ("the US and Italy agreed", False),
    ("the US has said little", False),
    ("the US imposed sanctions", False),
    ("talks saw the UK urge its citizens to leave", False),
    ("the EU and US both objected", False),
    ("he flew to the US in May", False),
])
def test_an_acronym_before_a_noun_is_a_modifier(text, modifier):
    doc = _english()(text)
    index = next(t.i for t in doc if t.text.replace(".", "") in ("US", "UK"))
    assert is_acronym_as_modifier(doc, index, index + 1, MODIFIER_WORDS) is modifier


@pytest.mark.parametrize("text,places", [
    ("MISURATA (Reuters) - Fighting resumed.", ["MISURATA"]),
    ("The story so far.\nSABHA, Libya (AP) — Gunmen attacked.", ["SABHA", "Libya"]),
    ("By A Writer\n\nTunis- The talks resumed.", ["Tunis"]),
    ("MAGHREB/LIBYA - New talks open", ["MAGHREB", "LIBYA"]),
    ("Rabat, MAGHREBNEWS (Politique) - The talks resumed.", ["Rabat"]),
    ("ANALYSIS - Why the talks failed", []),
    ("Libya - the talks failed", []),
    ("EXCLUSIVE-Libya plans new vote", []),
    ("The mayor said (in Tripoli) - nothing.", []),
])
def test_dateline_places_open_a_line_before_a_dash(text, places):
    doc = _english()(text)
    assert [doc[start:end].text for start, end in dateline_places(doc)] == places


def test_a_trailing_hyphen_is_split_from_its_word():
    assert [t.text for t in _english()("Tunis- The talks, pro- and anti-war")] == [
        "Tunis", "-", "The", "talks", ",", "pro", "-", "and", "anti", "-", "war"]


# -- the shipped pipeline -------------------------------------------------------------------------

@pytest.mark.model
def test_acronyms_as_nationality_words_are_no_places(extractor):
    record = extractor.extract("A U.S. drone strike hit a convoy near the border, and senior US diplomats "
                               "called for calm.").to_dict()
    assert not [p for p in record["places"] if p.get("id") == "united-states"]
    named = extractor.extract("The talks in Tripoli were backed by the UN and the US, which sent an envoy.").to_dict()
    assert "united-states" in {p.get("id") for p in named["places"]}


@pytest.mark.model
def test_a_dateline_city_unknown_to_the_kb_is_a_place(extractor):
    record = extractor.extract("By Sara Wood\n\nOuarzazate- The Libyan National Army said on Monday that it "
                               "would reopen the oil ports.").to_dict()
    assert "Ouarzazate" in {f for p in record["places"] for f in p["forms"]}
    assert "libyan-national-army" in {o.get("id") for o in record["organisations"]}


@pytest.mark.model
def test_french_portfolios_and_quoted_operations_are_no_places(extractor):
    record = extractor.extract("Le colonel Salem Jaber a été nommé à la Défense et Mounir Ghali à la Santé, "
                               "tandis que le portefeuille du Pétrole reste vacant. L'offensive, baptisée "
                               "«Tempête», a échoué devant Benghazi.").to_dict()
    forms = {f for p in record["places"] for f in p["forms"]}
    assert not forms & {"Défense", "Santé", "Pétrole", "Tempête"}
    assert "Benghazi" in forms


@pytest.mark.model
def test_a_name_after_a_courtesy_title_is_a_person(extractor):
    record = extractor.extract("Au premier tour, M.Zeidani avait obtenu 60 voix contre 50 pour M. Ferjani, "
                               "selon le Congrès général national réuni à Tripoli.").to_dict()
    people = {f for p in record["people"] for f in p["forms"]}
    assert {"Zeidani", "Ferjani"} <= people
    assert not {f for p in record["places"] for f in p["forms"]} & {"Zeidani", "M.Zeidani", "Ferjani"}


@pytest.mark.model
def test_a_kb_surname_tagged_as_a_place_is_the_person(extractor):
    record = extractor.extract("Depuis la chute de Khadafi en 2011, le pays reste divisé entre deux "
                               "gouvernements rivaux.").to_dict()
    assert "Khadafi" in {f for p in record["people"] for f in p["forms"]}
    assert "Khadafi" not in {f for p in record["places"] for f in p["forms"]}


def test_first_words_the_kb_only_writes_capitalised():
    from nerlibya.components.kb_ruler import _capitalised_openers

    openers = _capitalised_openers(["Eastern Mediterranean", "mer Méditerranée", "Mer Rouge", "Sirte", "Jebel Akhdar"])
    assert openers == frozenset({"eastern", "jebel", "sirte"})  # 'mer' is written lower-case by the KB too


@pytest.mark.model
def test_a_lower_case_word_before_a_kb_place_is_no_part_of_it(extractor):
    common = extractor.extract("Greece and Turkey dispute gas fields across the eastern Mediterranean.").to_dict()
    assert "Mediterranean" in {f for p in common["places"] for f in p["forms"]}
    named = extractor.extract("Ankara wants a bigger role in the Eastern Mediterranean, its minister said; "
                              "the East Med gas forum disagreed.").to_dict()
    region = [p for p in named["places"] if p.get("id") == "eastern-mediterranean"]
    assert region and {"Eastern Mediterranean", "East Med"} <= set(region[0]["forms"])


@pytest.mark.model
def test_a_place_adjective_in_lower_case_is_no_place(extractor):
    record = extractor.extract("Le pays reste divisé entre l'ouest, autour de la côte tripolitaine, et l'est, "
                               "où siège le Parlement à Tobrouk.").to_dict()
    assert "tripolitania" not in {p.get("id") for p in record["places"]}


@pytest.mark.model
def test_a_name_after_a_lower_case_prefix_is_an_adjective(extractor):
    record = extractor.extract("Militias besieged the pro-Gadhafi town of Bani Walid, where anti-Haftar forces "
                               "had gathered.").to_dict()
    assert not {"Gadhafi", "Haftar"} & {f for group in ("people", "places") for e in record[group] for f in e["forms"]}


@pytest.mark.model
def test_a_hospital_named_after_a_place_is_the_facility(extractor):
    record = extractor.extract("The wounded were taken to Al-Hawari hospital in Benghazi, a doctor said.").to_dict()
    assert "Al-Hawari hospital" in {f for p in record["places"] for f in p["forms"]}


@pytest.mark.model
def test_a_common_misspelling_of_libya_is_libya(extractor):
    record = extractor.extract("Le Premier ministre a rencontré à Rome son homologue de Lybie, puis a quitté "
                               "la Libye mardi.").to_dict()
    assert [p["id"] for p in record["places"] if "Lybie" in p["forms"]] == ["libya"]
    assert len([p for p in record["places"] if p.get("id") == "libya"]) == 1


@pytest.mark.model
def test_facilities_named_by_a_capitalised_head_noun_are_places(extractor):
    record = extractor.extract("The wounded were taken to Al-Nour Hospital on Friday, and the minister later "
                               "prayed at Al-Hikma Mosque. The Hospital said nothing.").to_dict()
    facilities = {p["name"]: p["label"] for p in record["places"]}
    assert facilities == {"Al-Nour Hospital": "FAC", "Al-Hikma Mosque": "FAC"}
    assert not record["organisations"]
