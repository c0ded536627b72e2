"""An organisation on evidence (issue 19): the pure rules of nerlibya/core/org_evidence.py, then the
component on spans preset as a statistical model would tag them (sentences written for these tests)."""

import pytest

from nerlibya.core.org_evidence import OrgCandidate, OrgWords, Verdict, is_written_acronym, org_verdict

from .conftest import preset_pipeline

WORDS = OrgWords.of(bodies={"council", "ministry", "government", "assembly", "gouvernement", "conseil"},
                    name_words={"airlines", "école"}, other_kinds={"agreement", "storm", "process"},
                    nationalities={"french", "libyan", "libyen", "français"})


def verdict(*words: str, **evidence) -> Verdict:
    return org_verdict(OrgCandidate(words=tuple(words), **evidence), WORDS)


def test_a_body_noun_or_an_organisation_word_is_evidence():
    assert verdict("Misrata", "Municipal", "Council") is Verdict.KEEP
    assert verdict("Fezzan", "Airlines") is Verdict.KEEP
    assert verdict("Ecole", "de", "guerre") is Verdict.KEEP  # folded: 'Ecole' is 'école'


def test_the_model_label_alone_is_no_evidence():
    assert verdict("Resume", "Inclusive") is Verdict.DROP
    assert verdict("Synopsis") is Verdict.DROP


def test_acronyms_outlets_and_definitions_are_evidence():
    assert verdict("OMV") is Verdict.KEEP
    assert verdict("Ajdabiya", "Voice", outlet_context=True) is Verdict.KEEP
    assert verdict("Wadi", "Watch", defined_acronym=True) is Verdict.KEEP
    assert verdict("Tarhuna", "Minerals", kind_apposed=True) is Verdict.KEEP  # 'X, a mining company,'


def test_digits_make_no_acronym():
    assert not is_written_acronym("COVID-19") and is_written_acronym("U.N.") and not is_written_acronym("A")
    assert not is_written_acronym("XXIV") and is_written_acronym("CDM")  # a roman numeral is a number


def test_treaties_events_and_processes_are_no_organisations():
    assert verdict("Libyan", "Political", "Agreement", defined_acronym=True) is Verdict.DROP
    assert verdict("Storm", "Daniel") is Verdict.DROP
    assert verdict("Post-Skhirat", "Political", "Process") is Verdict.DROP


def test_a_body_noun_outweighs_another_kind_word():
    assert verdict("Agreement", "Monitoring", "Council") is Verdict.KEEP


def test_a_person_or_place_elsewhere_takes_the_words():
    assert verdict("Khalifa", person_elsewhere=True) is Verdict.PERSON
    assert verdict("Nadia", "Farouk", opens_with_given_name=True) is Verdict.PERSON
    assert verdict("Ghat", place_elsewhere=True) is Verdict.PLACE
    assert verdict("Ghat", "Council", place_elsewhere=True) is Verdict.KEEP


def test_nationality_and_common_noun_is_no_named_organisation():
    assert verdict("French", "government") is Verdict.DROP
    assert verdict("gouvernement", "français") is Verdict.DROP
    assert verdict("Gouvernement", "libyen") is Verdict.DROP  # capital only because it opens the sentence
    assert verdict("Libyan", "Council") is Verdict.KEEP  # capitalised inside the name: may be one


def test_a_known_body_written_as_nationality_and_common_noun_is_no_record():
    from nerlibya.core.org_evidence import is_nationality_and_common_noun

    assert is_nationality_and_common_noun(("gouvernement", "français"), WORDS, known=True)
    assert not is_nationality_and_common_noun(("Parlement", "libyen"), WORDS, known=True)  # a known name
    assert is_nationality_and_common_noun(("Gouvernement", "libyen"), WORDS)


@pytest.fixture(scope="module")
def weigh(fixture_kb_path):
    """The component on the fixture KB and the shipped English data (its body nouns)."""
    def run(words: list[str], spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
        from spacy.tokens import Doc

        nlp = preset_pipeline("en", spans, ("nerlibya_acronyms", {}),
                              ("nerlibya_org_evidence", {"kb_path": fixture_kb_path}))
        doc = nlp(Doc(nlp.vocab, words=words))
        return [(e.text, e.label_) for e in doc.ents]
    return run


def test_component_keeps_relabels_and_drops(weigh):
    words = "Khalifa Haftar met the Fezzan Council and signed the Desert Agreement ; Khalifa left .".split()
    found = weigh(words, [(0, 2, "PERSON"), (4, 6, "ORG"), (9, 11, "ORG"), (12, 13, "ORG")])
    assert found == [("Khalifa Haftar", "PERSON"), ("Fezzan Council", "ORG"), ("Khalifa", "PERSON")]


def test_component_keeps_a_credit_after_a_place_that_opens_its_line(weigh):
    words = "Sabha ( Sahara Wire ) - Water ran out . Sahara Wire staff left .".split()
    found = weigh(words, [(0, 1, "GPE"), (2, 4, "ORG")])
    assert ("Sahara Wire", "ORG") in found
    words = "Food ran out in Sabha ( Sahara Wire ) .".split()
    assert ("Sahara Wire", "ORG") not in weigh(words, [(4, 5, "GPE"), (6, 8, "ORG")])


def test_component_keeps_a_dateline_credit_and_an_acronym_the_article_defines(weigh):
    words = "SABHA ( Sahara Wire ) - The Desert Watch ( DW ) said DW staff left .".split()
    found = weigh(words, [(2, 4, "ORG"), (7, 9, "ORG"), (10, 11, "ORG"), (13, 14, "ORG")])
    assert [text for text, _ in found] == ["Sahara Wire", "Desert Watch", "DW", "DW"]


def test_a_trailing_nationality_is_cut_when_the_shorter_form_is_the_name():
    from nerlibya.core.org_evidence import trailing_nationality

    ids = {"conseil présidentiel": "pc", "conseil présidentiel libyen": "pc", "armée nationale libyenne": "lna",
           "conseil national": "french-body", "conseil national libyen": "libyan-body"}
    known = lambda text: frozenset({ids[text.lower()]} if text.lower() in ids else ())  # noqa: E731
    assert trailing_nationality(("conseil", "présidentiel", "libyen"), WORDS, known) == 1
    assert trailing_nationality(("Armée", "nationale", "libyenne"), WORDS, known) == 0  # the name itself
    assert trailing_nationality(("Commission", "électorale", "libyenne"), WORDS, known) == 0  # unknown: kept
    assert trailing_nationality(("Conseil", "national", "libyen"), WORDS, known) == 0  # another body's name
    assert trailing_nationality(("conseil", "présidentiel"), WORDS, known) == 0


def test_a_trailing_nationality_is_cut_after_an_elided_article():
    from nerlibya.core.org_evidence import trailing_nationality

    ids = {"bureau d'état": "bureau", "bureau d'état libyen": "bureau"}
    known = lambda text: frozenset({ids[text.lower()]} if text.lower() in ids else ())  # noqa: E731
    assert trailing_nationality(("Bureau", "d'", "État", "libyen"), WORDS, known) == 1


def test_component_cuts_the_nationality_off_a_known_french_body(fixture_kb_path):
    from spacy.tokens import Doc

    from nerlibya.knowledge.kb import load_kb

    kb = load_kb(fixture_kb_path)
    known = next(e for e in kb if e.kind == "organisation")
    words = ["Le"] + known.name.split() + ["libyen", "a", "voté", "."]
    nlp = preset_pipeline("fr", [(1, len(words) - 3, "ORG")], ("nerlibya_acronyms", {}),
                          ("nerlibya_org_evidence", {"kb_path": fixture_kb_path}))
    assert [e.text for e in nlp(Doc(nlp.vocab, words=words)).ents] == [known.name]


def test_generic_body_nouns_alone_and_comma_joined_phrases_are_no_names():
    words = OrgWords.of(bodies={"council", "committee", "command", "center", "government"}, name_words=(),
                        other_kinds=(), generic_bodies={"government", "command", "center"}, conjunctions={"and"})
    check = lambda *w: org_verdict(OrgCandidate(words=w), words)  # noqa: E731
    assert check("Command", "Center") is Verdict.DROP and check("Government") is Verdict.DROP
    assert check("Council", ",", "Excellencies") is Verdict.DROP
    assert check("Planning", ",", "Finance", "and", "Budget", "Committee") is Verdict.KEEP
    assert check("Oasis", "Command") is Verdict.KEEP


def test_a_joiner_makes_one_name_with_the_next_body_or_place():
    from nerlibya.core.org_evidence import joins_complement

    joiners, articles = frozenset({"to", "on"}), frozenset({"the"})
    assert joins_complement(("to", "the"), joiners, articles, "ORG")  # 'UN Office to the African Union'
    assert joins_complement(("on",), joiners, articles, "GPE")  # 'Committee on Libya'
    assert not joins_complement(("to", "the"), joiners, articles, "PERSON")
    assert not joins_complement(("at",), joiners, articles, "GPE")
    assert not joins_complement(("to", "the"), joiners, articles, "ORG", after_range_opener=True)


def test_english_office_to_another_body_is_one_name(extractor):
    found = {o["name"] for o in extractor.extract(
        "He heads the Desert Office to the African Union. A letter from the Oasis Council to the Security "
        "Council arrived, and the Sahel Air Force said nothing.").to_dict()["organisations"]}
    assert "Desert Office to the African Union" in found and "Oasis Council" in found
    assert "Air Force" not in found


def test_a_possessive_inside_a_span_cuts_off_its_possessor():
    from nerlibya.core.org_evidence import possessor_length

    marks = frozenset({"'s", "’s"})
    assert possessor_length(("Council", "'s", "Media"), marks) == 2  # "the Council's Media office"
    assert possessor_length(("Oasis", "Council", "'s"), marks) == 0  # a trailing possessive is trimmed elsewhere
    assert possessor_length(("Oasis", "Council"), marks) == 0
    marks |= {"'", "’"}
    assert possessor_length(("Tripoli", "Revolutionaries", "'", "Brigade"), marks) == 0  # a plural's, in the name
    assert possessor_length(("Workers", "’", "Union"), marks) == 0
    assert possessor_length(("Republican", "People", "'s", "Party"), marks, frozenset({"people"})) == 0
    assert possessor_length(("Republican", "People", "'s", "Party"), marks) == 3
    assert possessor_length(("Council", "'s", "Media"), marks) == 2


def test_component_drops_the_fragment_after_a_possessor(weigh):
    words = "Sources in the Council 's Planning office said so .".split()
    assert weigh(words, [(3, 6, "ORG")]) == []


def test_a_sentence_opener_the_article_writes_in_lower_case_is_no_part_of_the_name():
    from nerlibya.core.org_evidence import opens_with_common_word

    assert opens_with_common_word("Rebel", True, written_lower=True, capitalised_inside=False)
    assert not opens_with_common_word("National", True, written_lower=True, capitalised_inside=True)
    assert not opens_with_common_word("Rebel", False, written_lower=True, capitalised_inside=False)
    assert not opens_with_common_word("Oasis", True, written_lower=False, capitalised_inside=False)


def test_component_cuts_a_common_opener(weigh):
    words = "The rebels advanced . \n\n Rebel Transitional Council envoys met rebel fighters .".split(" ")
    start = words.index("Rebel")
    assert weigh(words, [(start, start + 3, "ORG")]) == [("Transitional Council", "ORG")]


def test_a_body_after_an_indefinite_article_heading_its_phrase_is_one_of_a_kind():
    from nerlibya.core.org_evidence import is_one_of_a_kind

    articles = frozenset({"a", "an", "une"})
    assert is_one_of_a_kind("a", ".", articles, after_is_function_word=False)  # 'forming a unity government.'
    assert is_one_of_a_kind("une", ",", articles, after_is_function_word=False)
    assert is_one_of_a_kind("a", "that", articles, after_is_function_word=True)
    assert not is_one_of_a_kind("a", "spokesman", articles, after_is_function_word=False)  # 'a UN spokesman'
    assert not is_one_of_a_kind("a", "-", articles, after_is_function_word=False)  # 'a UN-backed deal'
    assert not is_one_of_a_kind("the", ".", articles, after_is_function_word=False)
    # 'le chef d'une brigade de Zaouïa Nouri Bachir': the commander's name ends the body's phrase
    assert is_one_of_a_kind("une", "Nouri", articles, after_is_function_word=False, after_opens_person=True)
    assert not is_one_of_a_kind("la", "Nouri", articles, after_is_function_word=False, after_opens_person=True)


def test_an_acronym_names_what_its_long_form_names(weigh):
    from nerlibya.core.org_evidence import acronym_verdict

    assert acronym_verdict(Verdict.KEEP, Verdict.DROP) is Verdict.DROP
    assert acronym_verdict(Verdict.KEEP, None) is Verdict.KEEP
    words = "Talks at the Desert Peace Conference ( DPC ) ended ; DPC delegates left .".split()
    assert weigh(words, [(3, 6, "ORG")]) == []


def test_a_word_written_acronym_before_a_surname_is_a_given_name():
    from nerlibya.core.org_evidence import reads_as_given_name

    assert reads_as_given_name("Lana", "Haddad")
    assert not reads_as_given_name("LANA", "Haddad") and not reads_as_given_name("Lana", None)
    assert not reads_as_given_name("Lana", "said")


def test_no_joiner_after_a_generic_noun_alone_or_before_a_possessor(extractor):
    found = {o["name"] for o in extractor.extract(
        "Briefing the Oasis Council on Libya's finances, the envoy said the entry of the premier by "
        "Parliament to Tripoli was calm.").to_dict()["organisations"]}
    assert "Oasis Council" in found
    assert not any(" on " in name or " to " in name for name in found)


def test_a_nationality_before_a_portfolio_ministry_says_whose_it_is():
    from nerlibya.core.org_evidence import leading_nationality

    ministries = frozenset({"ministry"})
    assert leading_nationality(("Libyan", "Water", "Ministry"), WORDS, ministries) == 1
    assert leading_nationality(("French", "Ministry", "of", "Culture"), WORDS, ministries) == 1
    assert leading_nationality(("Libyan", "National", "Council"), WORDS, ministries) == 0  # part of the name
    assert leading_nationality(("Libyan", "Ministry"), WORDS, ministries) == 0  # nothing left to name it


def test_component_cuts_the_nationality_before_a_ministry(weigh):
    words = "The Libyan Water Ministry said wells were dry .".split()
    assert weigh(words, [(1, 4, "ORG")]) == [("Water Ministry", "ORG")]


def test_a_generic_name_is_the_kb_body_only_where_the_article_names_its_country():
    from nerlibya.core.org_evidence import is_unplaced_generic_name

    generic = frozenset({"senat"})
    assert is_unplaced_generic_name("senat", generic, "FR", frozenset({"LY", "DZ"}))
    assert not is_unplaced_generic_name("senat", generic, "FR", frozenset({"FR"}))
    assert not is_unplaced_generic_name("senat francais", generic, "FR", frozenset())  # no generic name


def test_french_generic_ministry_needs_france_in_the_article(extractor):
    def ids(text):
        return {o["id"] for o in extractor.extract(text).to_dict()["organisations"]}

    alone = "À Alger, le ministère des Affaires étrangères a condamné vendredi l'attaque contre la délégation."
    assert "french-foreign-ministry" not in ids(alone)
    placed = "À Paris, le ministère des Affaires étrangères a condamné vendredi l'attaque contre la délégation."
    assert "french-foreign-ministry" in ids(placed)
    by_demonym = "Le ministère des Affaires étrangères a condamné vendredi l'attaque contre la délégation française."
    assert "french-foreign-ministry" in ids(by_demonym)


def test_a_name_never_ends_with_a_title_qualifier():
    from nerlibya.core.org_evidence import qualifier_tail

    qualifiers, linking = frozenset({"ancien", "former"}), frozenset({"de", "of"})
    assert qualifier_tail(("Front", "de", "l'", "ancien"), qualifiers, linking) == 3  # "le Front de l'ancien ministre X"
    assert qualifier_tail(("Front", "de", "salut"), qualifiers, linking) == 0
    assert qualifier_tail(("Front", "de", "l'", "Ancien"), qualifiers, linking) == 0  # capitalised: a name's word


def test_a_currency_defined_as_an_acronym_is_no_organisation(extractor):
    found = {o["name"] for o in extractor.extract(
        "Traders in Misrata sold Libyan Dinars (LYD) at a new rate on Sunday, and the LYD fell again."
    ).to_dict()["organisations"]}
    assert not any("Dinar" in name or name == "LYD" for name in found)


def test_french_parliament_and_government_are_two_bodies(extractor):
    found = {o["name"] for o in extractor.extract(
        "Les membres du Parlement et du gouvernement libyens se sont réunis à Tunis jeudi pour parler du budget."
    ).to_dict()["organisations"]}
    assert "Parlement et du gouvernement" not in found


def test_component_takes_an_outlet_the_model_labelled_otherwise(weigh):
    words = "He told Desert News Network on Sunday that the Sahara Wire report was false .".split()
    found = weigh(words, [(2, 5, "WORK_OF_ART"), (9, 11, "FAC")])
    assert ("Desert News Network", "ORG") in found and ("Sahara Wire", "ORG") not in found


def test_french_outlet_named_after_its_noun_and_adjectives(extractor):
    found = {o["name"] for o in extractor.extract(
        "Ce jeudi, le directeur de la télévision syrienne Dounia, la seule chaîne encore active, a parlé à la presse."
    ).to_dict()["organisations"]}
    assert "Dounia" in found


def test_outlets_credited_by_a_byline_a_sign_off_or_a_dateline_are_organisations(extractor):
    record = extractor.extract("By Rana Salem, Coastal Newspapers -\n\nMISRATA, May 3 (QQN-Xinhua) — The port "
                               "reopened on Tuesday, the harbour office said.\n\nSource: Sahelnews").to_dict()
    found = {o["name"] for o in record["organisations"]}
    assert {"Coastal Newspapers", "QQN", "Sahelnews"} <= found
    assert "Coastal Newspapers" not in {p["name"] for p in record["people"]}


def test_one_agency_credited_after_a_dateline_in_title_case_is_an_organisation(extractor):
    found = {o["name"] for o in extractor.extract("Niamey, 12 février (QNP) - Le port a rouvert mardi, selon "
                                                  "le ministère.").to_dict()["organisations"]}
    assert "QNP" in found
    found = {o["name"] for o in extractor.extract("Misrata (Tripoli) - The port reopened on Tuesday, the "
                                                  "harbour office said.").to_dict()["organisations"]}
    assert "Tripoli" not in found


def test_a_known_body_written_once_in_lower_case_is_described():
    from nerlibya.core.org_evidence import is_lower_case_description

    nationalities = frozenset({"libyan"})
    assert is_lower_case_description(("Libyan", "coast", "guard"), nationalities, False, mentions=1)
    assert is_lower_case_description(("internal", "security", "agency"), nationalities, False, mentions=1)
    assert is_lower_case_description(("Constituent", "assembly"), nationalities, True, mentions=1)  # opens a sentence
    assert not is_lower_case_description(("presidential", "council"), nationalities, False, mentions=2)
    assert not is_lower_case_description(("Coast", "Guard"), nationalities, False, mentions=1)
    assert not is_lower_case_description(("Presidential", "council"), nationalities, False, mentions=1)


def test_english_lower_case_bodies_are_named_by_their_office_or_a_second_mention(extractor):
    def found(text):
        return {o["name"] for o in extractor.extract(text).to_dict()["organisations"]}

    assert not found("Boats were stopped at sea by the Libyan coast guard on Sunday, and the men were taken "
                     "to a camp near the harbour of Zuwara.")
    assert found("The head of the presidential council flew to Rome on Sunday, where he met ministers to talk "
                 "about the harbour of Zuwara.")
    assert found("The presidential council met on Sunday in the capital. Later the presidential council said "
                 "it would meet again next week.")


def test_french_lower_case_bodies_stay_names(extractor):
    record = extractor.extract("Le conseil présidentiel libyen a annoncé dimanche à Tripoli la fin des combats "
                               "autour du port de Zouara, selon un communiqué publié dans la soirée.").to_dict()
    assert record["organisations"]


def test_a_known_body_named_with_its_owner_names_both(extractor):
    record = extractor.extract("Le Conseil de sécurité de l’ONU doit voter jeudi une résolution sur les avoirs "
                               "libyens gelés, selon plusieurs diplomates en poste à New York.").to_dict()
    forms = {form for o in record["organisations"] for form in o.get("forms", [o["name"]])}
    assert "Conseil de sécurité" in forms and "ONU" in forms
    english = extractor.extract("The Libyan National Army said on Monday that its units had reached the "
                                "outskirts of the town.").to_dict()
    assert [o["name"] for o in english["organisations"]] == ["Libyan National Army"]


def test_the_libyan_foreign_ministry_by_its_long_french_name_only_where_libya_is_named(extractor):
    placed = extractor.extract("Le ministère des Affaires étrangères et de la Coopération internationale a "
                               "convoqué mardi le chargé d'affaires à Tripoli, en Libye.").to_dict()
    assert [o["id"] for o in placed["organisations"]] == ["libyan-foreign-ministry"]
    elsewhere = extractor.extract("Le ministère des Affaires étrangères et de la Coopération internationale a "
                                  "convoqué mardi le chargé d'affaires à Rome.").to_dict()
    assert "libyan-foreign-ministry" not in {o.get("id") for o in elsewhere["organisations"]}


def test_a_place_joiner_joins_a_place_right_after_it_only():
    from nerlibya.core.org_evidence import joins_complement

    joiners, articles, at = frozenset({"to", "on"}), frozenset({"the"}), frozenset({"at"})
    assert joins_complement(("at",), joiners, articles, "GPE", place_joiners=at)  # 'Liaison Office at Tunis'
    assert not joins_complement(("at", "the"), joiners, articles, "ORG", place_joiners=at)  # 'told NTV at the Forum'
    assert not joins_complement(("at",), joiners, articles, "ORG", place_joiners=at)
    assert not joins_complement(("at",), joiners, articles, "GPE", after_range_opener=True, place_joiners=at)


def test_a_posted_body_is_named_with_the_place_it_is_posted_in():
    from nerlibya.core.org_evidence import place_joiners_of

    at, posting = frozenset({"at"}), frozenset({"in", "en", "au"})
    posted = frozenset({"mission", "ambassade"})
    assert place_joiners_of(("UN", "Observer", "Mission"), at, posting, posted, head_first=False) == at | posting
    assert place_joiners_of(("Mission", "onusienne"), at, posting, posted, head_first=True) == at | posting
    # past its head the name has its own complement: the place after it says where the body sits
    assert place_joiners_of(("UN", "Mission", "for", "Central", "Africa"), at, posting, posted, head_first=False) == at
    assert place_joiners_of(("Conseil", "militaire"), at, posting, posted, head_first=True) == at



def test_a_name_stops_before_a_preposition_no_name_holds():
    from nerlibya.core.org_evidence import breaker_tail

    breakers = frozenset({"dans", "during"})
    assert breaker_tail(("Autorité", "dans", "des", "dépôts"), breakers) == 3
    assert breaker_tail(("Oil", "Authority", "during", "talks"), breakers) == 2
    assert breaker_tail(("Mission", "onusienne", "en", "Libye"), breakers) == 0
    assert breaker_tail(("Dans", "Tripoli"), breakers) == 0  # only a word inside, written in lower case


def test_a_ministrys_name_ends_before_a_second_portfolio_of_the_title():
    from nerlibya.core.org_evidence import second_portfolio_tail
    words = ("Ministry", "of", "Foreign", "Affairs", "for", "Political", "Affairs")
    assert second_portfolio_tail(words, frozenset({"for"})) == 3
    assert second_portfolio_tail(("Ministry", "for", "Europe", "and", "Foreign", "Affairs"), frozenset({"for"})) == 0
    assert second_portfolio_tail(("Commission", "for", "Human", "Rights"), frozenset({"for"})) == 0


def test_a_last_complement_before_a_possessive_owns_the_next_noun():
    """"the Bureau of Chad's National Assembly": the name read up to the possessive ends before its 'of'."""
    from nerlibya.core.org_evidence import owner_tail
    of_words = frozenset({"of"})
    assert owner_tail(("Bureau", "of", "Chad"), of_words) == 2
    assert owner_tail(("Bank", "of", "Commerce", "of", "Chad"), of_words) == 2  # only the last complement
    assert owner_tail(("National", "Assembly"), of_words) == 0


def test_a_title_s_workplace_keeps_an_unknown_name():
    assert org_verdict(OrgCandidate(words=("Sahara", "Maplewood"), workplace=True), WORDS) is Verdict.KEEP
    assert org_verdict(OrgCandidate(words=("Sahara", "Maplewood")), WORDS) is Verdict.DROP
