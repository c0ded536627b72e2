"""Capitalised words real news writes that are no person and no organisation: a Title Case headline with a
hyphenated compound or a lower-case function word, a named storm (also after a French adjective), a French
elided conjunction before a name ('qu’'), a time zone after a clock time, an outlet
written as one word, an adverb opening a sentence after a title; and a given name too common to name anyone
alone, kept apart from the fuller name it opens; the seat of an office ('the Prime Minister House') and a carrier
before a craft noun (short texts written for these tests)."""

import pytest

pytestmark = pytest.mark.model


def _record(extractor, text):
    return extractor.extract(text).to_dict()


def _names(record, kind):
    return {entry["name"] for entry in record[kind]}


@pytest.mark.parametrize("headline", [
    "Pro-government Envoy Praises Appointment of New Coastal Defence Authority",  # hyphenated compound
    "Egyptian PM Discusses Canal Reconstruction with Senate Speaker",  # 'with' left in lower case
])
def test_a_title_case_headline_names_no_person_after_its_title(extractor, headline):
    record = _record(extractor, headline + "\n\n\nOn Monday, the Egyptian Prime Minister met the speaker in Cairo.")
    assert _names(record, "people") == set()
    assert not any(name.startswith(("Praises", "Discusses")) for name in _names(record, "organisations"))


def test_a_headline_body_the_article_never_names_again_is_no_organisation(extractor):
    record = _record(extractor, "UN-backed Premier Welcomes Choice of New Southern Executive Authority\n\n"
                                "SFAX, May 4 (Xinhua) -- The premier welcomed the choice on Friday, his office said.")
    assert "New Southern Executive Authority" not in _names(record, "organisations")


def test_a_headline_body_written_again_stays(extractor):
    record = _record(extractor, "Coastal Defence Authority Opens Office in Sfax\n\nThe Coastal Defence Authority "
                                "opened an office in Sfax on Monday, its director said.")
    assert "Coastal Defence Authority" in _names(record, "organisations")


def test_the_name_of_a_storm_is_no_person_or_place(extractor):
    record = _record(extractor, "Heavy rain from the storm Hilda flooded the valley on Tuesday, and the "
                                "hurricane Marcus reached the coast a week later, the governor said.")
    assert not {"Hilda", "Marcus"} & (_names(record, "people") | _names(record, "places"))


def test_a_french_storms_name_after_the_adjectives_of_its_noun_is_no_person(extractor):
    record = _record(extractor, "La tempête tropicale Hilda a inondé la vallée mardi, et le cyclone "
                                "méditerranéen Marcus a touché la côte une semaine plus tard.")
    assert not {"Hilda", "Marcus"} & (_names(record, "people") | _names(record, "places"))


@pytest.mark.parametrize("text,person", [
    ("Le juge a estimé qu’Omar Benslimane avait menti aux enquêteurs.", "Omar Benslimane"),
    ("Le rapport dit lorsqu’Omar Benslimane est arrivé à Tunis, la réunion était finie.", "Omar Benslimane"),
])
def test_an_elided_conjunction_before_a_name_is_not_part_of_it(extractor, text, person):
    assert _names(_record(extractor, text), "people") == {person}


def test_a_time_zone_after_a_clock_time_is_no_organisation(extractor):
    record = _record(extractor, "Sun, 14 Apr 2024 - 10:20 GMT\n\nThe harbour reopened at 9:15 UTC, "
                                "the Algerian Press Service said.")
    assert not {"GMT", "UTC"} & _names(record, "organisations")


def test_an_outlet_written_as_one_word_is_the_outlet(extractor):
    record = _record(extractor, "“We met twice in Tunis,” the former minister told Aljazeera on Monday.")
    assert "Aljazeera" not in _names(record, "people")
    assert "Al Jazeera" in _names(record, "organisations")


def test_a_news_agency_known_by_its_arabic_acronym(extractor):
    record = _record(extractor, "The prosecutor said in a statement carried by the Libyan News Agency (WAL) that "
                                "nine officials were held, and WAL later published the list.")
    agencies = {o["name"]: o for o in record["organisations"]}
    assert set(agencies) == {"Libyan News Agency"}
    assert "WAL" in agencies["Libyan News Agency"]["forms"]


def test_a_dateline_dash_is_no_part_of_the_body_after_it(extractor):
    record = _record(extractor, "ORAN - The Maghreb Shipping Authority said on Monday that the port had reopened.")
    assert "Maghreb Shipping Authority" in _names(record, "organisations")
    assert not any(name.startswith("ORAN") for name in _names(record, "organisations"))


def test_a_hyphenated_body_name_stays_whole(extractor):
    record = _record(extractor, "The Follow-Up Committee met the 3 + 3 Harbour Commission in Sousse on Friday.")
    assert "Follow-Up Committee" in _names(record, "organisations")


@pytest.mark.parametrize("organ", ["Board of Directors of the SPC", "Board of the Southern Ports Company"])
def test_a_body_s_organ_is_not_the_body(extractor, organ):
    record = _record(extractor, f"The {organ} met on Monday, said the Southern Ports Company (SPC), which "
                                "runs three harbours.")
    found = _names(record, "organisations")
    assert "Southern Ports Company" in found
    assert not any(name.startswith("Board") for name in found)


def test_the_region_of_a_title_is_no_person_before_the_next_title(extractor):
    record = _record(extractor, "She joined the UN in 2010 as envoy for West Africa, deputy head of the UN Office "
                                "in Dakar, and later as adviser for East Africa.")
    assert "West Africa" not in _names(record, "people")


@pytest.mark.parametrize("text", [
    "Witnesses heard gunfire in the al-Sarraj area of Tripoli late on Monday.",
    "Witnesses heard gunfire in the al-Sarraj and Ain Zara areas of Tripoli late on Monday.",
])
def test_a_district_named_like_a_known_person_before_a_place_noun_is_a_place(extractor, text):
    record = _record(extractor, text)
    assert "Fayez al-Sarraj" not in _names(record, "people")
    assert "al-Sarraj" in {form for place in record["places"] for form in place["forms"]}


def test_a_hyphenated_prefix_before_a_place_noun_makes_no_place(extractor):
    record = _record(extractor, "Militias besieged a pro-Gaddafi town in the desert on Friday.")
    assert not any(name.startswith("pro-") for name in _names(record, "places"))


def test_a_mixed_case_acronym_before_a_surname_is_no_part_of_the_name(extractor):
    record = _record(extractor, "GNA MoFA Kamal Nasser Visits Tunis Port\n\nThe minister met port officials in "
                                "Tunis on Sunday, and Nasser thanked his hosts.")
    forms = {form for person in record["people"] for form in person["forms"]}
    assert "Nasser" in forms and not any(form.startswith("MoFA") for form in forms)


def test_a_picture_agency_in_a_photo_credit_is_an_organisation(extractor):
    record = _record(extractor, "Photo Credit: Sahel Images\nSurvivors rallied in Derna on Tuesday, said Hamid "
                                "Saleh, a local activist.")
    assert "Sahel Images" not in _names(record, "people")
    assert "Sahel Images" in _names(record, "organisations")


def test_a_year_before_a_body_s_name_is_no_part_of_it(extractor):
    record = _record(extractor, "Copyright © 2021 Sahel Media Group. All Rights Reserved.\nThe 2019 Brigade "
                                "entered Sebha on Friday.")
    found = _names(record, "organisations")
    assert "Sahel Media Group" in found and "2021 Sahel Media Group" not in found


@pytest.mark.parametrize("opener", ["Later", "Meanwhile", "However"])
def test_an_adverb_opening_the_sentence_after_a_title_is_no_person(extractor, opener):
    record = _record(extractor, f"Ahmed Salem Warfalli met the envoy. {opener}, Warfalli told reporters the talks went well.")
    assert _names(record, "people") == {"Ahmed Salem Warfalli"}


@pytest.mark.parametrize("text,full,alone", [
    ("Mohammed Khalifa Sheikh spoke in Tripoli. He said cartoons of the Prophet Mohammad angered crowds.",
     "Mohammed Khalifa Sheikh", "Mohammad"),
    ("Ahmed Salem Warfalli met the envoy. Ahmed, a cousin, told reporters the talks went well.",
     "Ahmed Salem Warfalli", "Ahmed"),
])
def test_a_given_name_too_common_to_name_anyone_is_not_joined_to_a_fuller_name(extractor, text, full, alone):
    people = {entry["name"]: entry for entry in _record(extractor, text)["people"]}
    assert alone in people and full in people


def test_a_rarer_given_name_alone_still_joins_the_one_fuller_name_it_opens(extractor):
    people = _record(extractor, "Saddam Haftar visited Benghazi on Monday. Saddam later met tribal elders.")["people"]
    assert [entry["name"] for entry in people] == ["Saddam Haftar"]


def test_a_group_named_by_a_plural_office_is_no_person_and_no_organisation(extractor):
    record = _record(extractor, "At a meeting of Nordic Defence Ministers, Norway's Defence Minister Ola Berg "
                                "said the Council of Ministers would meet again.")
    assert not any(name.endswith("Ministers") and name != "Council of Ministers"
                   for name in _names(record, "people") | _names(record, "organisations"))
    assert "Ola Berg" in _names(record, "people")


def test_an_outlet_s_web_edition_is_the_outlet_and_no_person(extractor):
    record = _record(extractor, "Libyan Minister of Health for Al Jazeera Net: the hospitals are full\n\n"
                                "The minister, Ali Zanati, told Al-Jazeera Net that supplies were short.")
    assert "Net" not in _names(record, "people")
    assert "Al Jazeera" in _names(record, "organisations")


def test_a_body_s_head_noun_alone_is_no_place(extractor):
    record = _record(extractor, "Omar Saad a été choisi par les délégués du Forum, réunis près de Genève.")
    assert "Forum" not in _names(record, "places")
    assert "Forum" in _names(record, "organisations")


@pytest.mark.parametrize("text", [
    "The claim first appeared in the Polish newspaper Gazeta Poranna on Monday.",
    "The claim first appeared in an article in the local daily, Gazeta Poranna, on Monday.",
])
def test_an_outlet_named_after_its_kind_is_no_person(extractor, text):
    record = _record(extractor, text)
    assert "Gazeta Poranna" not in _names(record, "people")
    assert "Gazeta Poranna" in _names(record, "organisations")


def test_a_person_after_an_outlet_s_kind_and_a_comma_stays_a_person(extractor):
    record = _record(extractor, "In an interview with the newspaper, Karim Salhi said the talks would resume.")
    assert "Karim Salhi" in _names(record, "people")


def test_a_date_after_a_body_is_no_part_of_its_name(extractor):
    record = _record(extractor, "The letter reached the Sanctions Committee on 12 May and was read by the Committee "
                                "on 3 June 2019. The Committee on Foreign Relations met later.")
    forms = {form for org in record["organisations"] for form in org["forms"]}
    assert not any(any(ch.isdigit() for ch in form) for form in forms)
    assert "Committee on Foreign Relations" in forms


@pytest.mark.parametrize("text,rubric", [
    ("Crise Libyenne : Ali Salem perd la présidence du conseil\n\nAli Salem a quitté la présidence mardi.",
     "Crise Libyenne"),
    ("Diplomatie Algérienne : Ali Salem reçu à Tunis\n\nAli Salem est arrivé mardi à Tunis.", "Diplomatie Algérienne"),
])
def test_a_french_rubric_of_a_noun_and_a_nationality_is_no_person_or_place(extractor, text, rubric):
    record = _record(extractor, text)
    assert rubric not in _names(record, "people") | _names(record, "places")
    assert "Ali Salem" in _names(record, "people")


@pytest.mark.parametrize("text,place", [
    ("Le ministre s'est rendu en République Tchèque la semaine dernière.", "Czech Republic"),
    ("Les combats ont repris dans l'Est libyen mardi, selon des témoins.", "Est libyen"),
])
def test_a_state_or_a_region_named_by_a_noun_and_a_nationality_stays_a_place(extractor, text, place):
    assert place in _names(_record(extractor, text), "places")


@pytest.mark.parametrize("text", [
    "The envoys were received at the Prime Minister’s House on Monday.",
    "Kenya's envoy calls on Premier Wanjiru Kamau at the Prime Minister House. The envoy then left the Prime "
    "Minister House.",
])
def test_the_seat_of_an_office_is_no_person(extractor, text):
    assert _names(_record(extractor, text), "people") <= {"Wanjiru Kamau"}


def test_a_name_before_a_craft_noun_is_no_person(extractor):
    record = _record(extractor, "The migrants landed on Tuesday aboard a chartered Al-Burj aircraft with 140 "
                                "passengers.")
    assert not _names(record, "people")


def test_a_headline_the_page_repeats_names_no_one_after_its_title(extractor):
    headline = "Chad Mourns Loss Of Envoy In Tripoli Attack"
    record = _record(extractor, f"{headline}\n\n{headline}\n\nThe president said on Friday that the envoy was "
                                "killed in the attack.")
    assert "Attack" not in _names(record, "people")
    assert "In Tripoli Attack" not in _names(record, "people")


def test_a_repeated_headline_s_words_written_nowhere_else_are_no_person(extractor):
    headline = "Cautious Calm Returns to Chad's Capital After Heavy Clashes"
    record = _record(extractor, f"{headline}\n\n{headline}\n\nCautious calm returned to the capital on Sunday.")
    assert not _names(record, "people")


def test_a_repeated_headline_s_person_keeps_only_the_words_written_again(extractor):
    headline = "Bako Surprises Chadians with Expanded Cabinet"
    record = _record(extractor, f"{headline}\n\nPrime Minister Ali Bako named 30 ministers.\n\n{headline}")
    assert "Bako Surprises" not in _names(record, "people")
