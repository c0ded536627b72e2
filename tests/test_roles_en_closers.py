"""English role and organisation classes read on fresh dev outlets (issue 19, round three, 2011-2018 copy), on
sentences written for these tests: an apposition closed by a preposition or a bracket, a qualifier written as a
verb, offices and modifiers news gives people, and a Title Case headline's capitalised words; and from the
English press of Asia and Africa: a courtesy 'Senator' after an office, names listed each with its apposed title,
a rank after an office that is no facility, an office's acronym and a faction named before its noun."""

import pytest

from .record_views import roles

pytestmark = pytest.mark.model


def organisations(extractor, text: str) -> set[str]:
    return {org["name"] for org in extractor.extract(text).to_dict()["organisations"]}


def test_a_preposition_closes_the_apposition_after_a_title_when_the_sentence_has_a_subject(extractor):
    found = roles(extractor, "Hassan Omar met the Tunisian Foreign Minister, Leila Ghanem on Monday and the "
                             "Algerian Energy Minister, Samir Bouzid in Algiers on Tuesday.")
    assert "Foreign Minister" in found["Leila Ghanem"]
    assert "Energy Minister" in found["Samir Bouzid"]


def test_an_adverb_before_the_closing_preposition_is_read_past(extractor):
    found = roles(extractor, "Hassan Omar later met the Maltese Interior Minister, Paul Vella separately at the "
                             "ministry.")
    assert "Interior Minister" in found["Paul Vella"]


def test_a_title_in_an_opening_adverbial_is_not_given_to_the_subject(extractor):
    found = roles(extractor, "After talks with the minister, Hassan Omar on Friday announced a new plan.")
    assert not found.get("Hassan Omar")


def test_a_bracket_after_the_name_closes_the_apposition(extractor):
    found = roles(extractor, "The report was sent to the chair of the Budget Committee, Ambassador Lina Haddad "
                             "(Norway), on Monday.")
    assert {"chair", "Ambassador"} <= found["Lina Haddad"]


@pytest.mark.parametrize("text,person,expected", [
    ("The uprising that ousted dictator Hosni Mubarak began in January.", "Hosni Mubarak", {"dictator"}),
    ("Crowds cheered the ousted president Omar Bashir in Khartoum.", "Omar Bashir", {"ousted president"}),
])
def test_a_qualifier_after_a_relative_pronoun_is_a_verb(extractor, text, person, expected):
    assert roles(extractor, text)[person] == expected


@pytest.mark.parametrize("text,person,expected", [
    ("Karim Sweidan, a prominent lawyer and a member of the committee, said the vote was fair.", "Karim Sweidan",
     {"prominent lawyer", "member"}),
    ("The delegation met interior nominee Khaled Sharif in Tripoli.", "Khaled Sharif", {"interior nominee"}),
    ("The film mocked the Prophet Mohammad, protesters said.", "Mohammad", {"Prophet"}),
    ("External Affairs Minister Meera Rao chaired a meeting on the evacuation.", "Meera Rao",
     {"External Affairs Minister"}),
    ("The envoy met Trade Minister Senator Kabiru Danjuma in Abuja.", "Kabiru Danjuma", {"Trade Minister", "Senator"}),
    ("Mr. Kwesi Ofori, the philanthropist who paid for the flights, spoke to reporters.", "Kwesi Ofori",
     {"philanthropist"}),
    ("Minister of Foreign Affairs and Defence Minister Ama Owusu told Parliament the figure was unknown.",
     "Ama Owusu", {"Minister of Foreign Affairs", "Defence Minister"}),
])
def test_offices_and_modifiers_news_gives_people(extractor, text, person, expected):
    assert expected <= roles(extractor, text)[person]


def test_a_headline_alone_writing_capitalised_words_names_no_organisation(extractor):
    found = organisations(extractor, "Libya's Elected Assembly Asks Hamid to Form New Government\n\n"
                                     "The House of Representatives asked Ali Hamid on Monday to form a new "
                                     "government, a spokesman said.")
    assert "House of Representatives" in found
    assert not {"Form New Government", "Elected Assembly"} & found


@pytest.mark.parametrize("text", [
    "Mahmoud Ali Hassan took over as interior minister in May.",
    "Mahmoud Ali Hassan, who was appointed interior minister in March, visited Benghazi.",
])
def test_a_month_after_in_dates_the_title_and_names_no_organisation(extractor, text):
    record = extractor.extract(text).to_dict()
    person = next(p for p in record["people"] if p["name"] == "Mahmoud Ali Hassan")
    assert [(r["title"], r["organisation"]) for r in person["roles"]] == [("interior minister", None)]


@pytest.mark.parametrize("text", [
    "Mahmoud Ali Hassan, appointed as army chief by the parliament, visited Benghazi.",
    "Mahmoud Ali Hassan, appointed by the parliament as army chief, visited Benghazi.",
])
def test_a_participle_apposition_appoints_the_name_before_its_comma(extractor, text):
    assert roles(extractor, text)["Mahmoud Ali Hassan"] == {"army chief"}


def test_religious_offices(extractor):
    found = roles(extractor, "Libya's Grand Mufti Sadiq Ghariani called for calm in Tripoli.")
    assert found["Sadiq Ghariani"] == {"Grand Mufti"}


@pytest.mark.parametrize("text,title", [
    ("The Spokesperson of the Operation “Volcano of Anger” forces, Mustafa Mejai, announced the capture of the "
     "airport.", "Spokesperson"),
    ("The spokesman of the “Volcano of Anger” operation, Mustafa Mejai, announced the capture of the airport.",
     "spokesman"),
    ("The spokesman of Operation Volcano of Anger, Mustafa Mejai, announced the capture of the airport.",
     "spokesman"),
])
def test_a_quoted_or_long_name_in_the_complement_reaches_the_apposition(extractor, text, title):
    assert roles(extractor, text)["Mustafa Mejai"] == {title}


@pytest.mark.parametrize("text", [
    "The head of the council met residents, Mustafa Mejai said on Monday.",
    "The commander of the brigade visited Sirte, Mustafa Mejai told reporters.",
])
def test_a_verb_after_the_body_ends_the_complement_so_the_reporter_gets_no_title(extractor, text):
    assert not roles(extractor, text).get("Mustafa Mejai")


def test_a_body_followed_by_of_keeps_its_complement(extractor):
    found = roles(extractor, "The head of the council of elders, Mustafa Mejai, welcomed the truce.")
    assert "head" in found["Mustafa Mejai"]


def test_one_of_a_bodys_deputy_heads_is_a_deputy_head(extractor):
    found = roles(extractor, "Ahmed Maiteeq, one of the council's deputy heads, visited Rome.")
    assert found["Ahmed Maiteeq"] == {"deputy head"}


def test_a_past_tense_after_a_lower_case_portfolio_ends_it(extractor):
    assert not roles(extractor, "The minister of health praised doctors, Ahmed Salem said.").get("Ahmed Salem")
    found = roles(extractor, "Mahmoud Ali Hassan, director of banking and monetary control, said rates would rise.")
    assert found["Mahmoud Ali Hassan"] == {"director of banking and monetary control"}


@pytest.mark.parametrize("text", [
    "The interior minister in Tripoli, Ahmed Salem said, had resigned.",
    "The ambassador to Tunisia, Ahmed Salem told reporters, would return next week.",
])
def test_an_attribution_inserted_after_an_opening_title_gives_the_reporter_no_title(extractor, text):
    assert not roles(extractor, text).get("Ahmed Salem")


def test_an_opening_as_gives_the_title_to_the_name_after_the_comma(extractor):
    assert roles(extractor, "As defence minister, Ahmed Salem oversaw the army.")["Ahmed Salem"] == {"defence minister"}
    assert not roles(extractor, "Like the prime minister, Ahmed Salem opposed the deal.").get("Ahmed Salem")


@pytest.mark.parametrize("text", [
    "The son of the army chief, Ahmed Salem, was released.",
    "A bodyguard of the oil minister, Ahmed Salem, was wounded.",
])
def test_the_name_after_a_relatives_title_is_the_relatives(extractor, text):
    assert not roles(extractor, text).get("Ahmed Salem")


def test_a_second_name_makes_the_first_the_title_holders(extractor):
    found = roles(extractor, "The son of the late ruler, Muammar Gaddafi, Saif Gaddafi, registered as a candidate.")
    assert found["Muammar Gaddafi"] == {"late ruler"}


def test_a_title_case_headline_with_a_short_lower_case_word_makes_no_person_after_a_title(extractor):
    record = extractor.extract("Libyan PM Welcomes Agreement with Local Councils\n\nThe prime minister, Ali Hamid, "
                               "welcomed the deal with the councils on Monday.").to_dict()
    assert {p["name"] for p in record["people"]} == {"Ali Hamid"}


def test_a_list_of_names_each_with_its_apposed_title_gives_every_title_to_its_own_name(extractor):
    found = roles(extractor, "The visitors were Dr. Idris Kane, Prime Minister of the Chadian Government, Field "
                             "Marshal Musa Kolo, Commander-in-Chief of the Chadian Armed Forces and Lieutenant "
                             "General Adam Kolo, Deputy Commander-in-Chief of the Chadian Armed Forces.")
    assert "Commander-in-Chief" in found["Musa Kolo"]
    assert "Commander-in-Chief" not in found["Adam Kolo"]
    assert {"Lieutenant General", "Deputy Commander-in-Chief"} <= found["Adam Kolo"]


def test_a_rank_after_an_office_before_the_name_is_no_facility(extractor):
    text = "The talks included Chadian Armed Forces Commander-in-Chief Field Marshal Musa Kolo and two aides."
    record = extractor.extract(text).to_dict()
    assert {"Commander-in-Chief", "Field Marshal"} <= roles(extractor, text)["Musa Kolo"]
    assert not record["places"]


def test_the_acronym_of_an_office_names_no_organisation(extractor):
    text = "Dr Ama Mensah, Member of Parliament (MP) for the district, asked the minister about it."
    assert "Member of Parliament" in roles(extractor, text)["Ama Mensah"]
    assert not organisations(extractor, text)


@pytest.mark.parametrize("text,person,title", [
    # a faction named before its noun
    ("The commander of the Libyan Fajr Alwadi faction, Omar Kadiki, said his men held the road.", "Omar Kadiki",
     "commander"),
    # a title opening the line after a headline with no full stop, an aside before the name
    ("Why Ghanaians marched at their embassy — Community leader\n\nThe Chairman of the Ghanaians Abroad Union, "
     "Libya chapter, Mr Kofi Boateng, has said that the men left.", "Kofi Boateng", "Chairman"),
])
def test_an_opening_title_reaches_the_name_after_its_complement(extractor, text, person, title):
    assert title in roles(extractor, text)[person]
