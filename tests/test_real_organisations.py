"""Organisations as real news writes them, end to end with the shipped KB and language data (short
texts written for these tests)."""

import json
from pathlib import Path

import jsonschema
import pytest

import nerlibya

from .record_views import roles_with_organisations

pytestmark = pytest.mark.model
SCHEMA = json.loads((Path(nerlibya.__file__).parent / "schema" / "record-1.schema.json").read_text(encoding="utf-8"))


def organisations(extractor, text):
    record = extractor.extract(text).to_dict()  # the language is detected
    return {o["name"]: o for o in record["organisations"]}


def test_later_short_mentions_join_the_full_body(extractor):
    found = organisations(extractor, "The Central Bank of Libya raised its reserve ratio on Monday. Traders "
                                     "said the Central Bank had waited too long, and the House of Representatives "
                                     "asked for a hearing. The House will meet next week.")
    assert set(found) == {"Central Bank of Libya", "House of Representatives"}


def test_two_councils_stay_apart_and_the_bare_one_joins_the_nearest(extractor):
    found = organisations(extractor, "The Presidential Council met the High Council of State in Tripoli. "
                                     "The State Council said talks would go on.")
    assert {"Presidential Council", "High Council of State"} <= set(found)
    assert "State Council" not in found
    assert "State Council" in found["High Council of State"]["forms"]


def test_french_parliament_joins_the_known_legislature(extractor):
    found = organisations(extractor, "La Chambre des représentants a voté mardi. Le Parlement a aussi "
                                     "rejeté le budget présenté par le gouvernement.")
    assert "Parlement" not in found and "Parlement" in found["House of Representatives"]["forms"]


def test_bodies_found_whole_with_their_complements(extractor):
    found = organisations(extractor, "Fighters loyal to the Oasis Support Force for the Southern Regions "
                                     "clashed with the Misrata Military Council on Sunday, and the Libya "
                                     "Sanctions Committee will report on it.")
    assert {"Oasis Support Force for the Southern Regions", "Misrata Military Council",
            "Libya Sanctions Committee"} <= set(found)
    assert "Regions" not in found


def test_not_organisations(extractor):
    found = organisations(extractor, "Rival Militias Under Threat of Division Again\n\nThe report S/2024/118 says the bank "
                                     "governor and the Board of Directors met. Several Generals objected, "
                                     "said the Misrata Military Council.")
    assert set(found) == {"Misrata Military Council"}


def test_outlet_in_a_credit_and_before_its_kind(extractor):
    found = organisations(extractor, "The “Desert Courier” newspaper said the Sahara Support Committee met "
                                     "in Tripoli.\n\n(Photo: Sahara Pictures Agency)")
    assert "Desert Courier" in found and "Photo: Sahara Pictures Agency" not in found


@pytest.mark.parametrize("text", [
    "Les militants du parti salafiste Nour ont défilé à Tyr.",
    "Le mouvement libanais Nour a démenti toute implication dans l'attentat.",
])
def test_a_french_party_named_after_its_noun_is_the_party_though_a_given_name(extractor, text):
    record = extractor.extract(text).to_dict()
    assert "Nour" in {o["name"] for o in record["organisations"]}
    assert "Nour" not in {p["name"] for p in record["people"]}


@pytest.mark.parametrize("text", [
    "Le correspondant d'Anadolu a indiqué que la réunion se poursuivait à Tripoli.",
    "The minister told Anadolu that the talks would resume on Sunday.",
])
def test_the_turkish_agency_cited_by_its_short_name(extractor, text):
    """'Anadolu' alone is the agency, not a person (the French model) nor nothing (the English one)."""
    found = organisations(extractor, text)
    record = extractor.extract(text).to_dict()
    assert "Anadolu Agency" in found and not record["people"], (found, record["people"])


def test_long_form_glossed_by_a_known_acronym_in_another_language(extractor):
    found = organisations(extractor, "La Compagnie nationale libyenne de pétrole (NOC) a annoncé mardi la "
                                     "reprise de la production, selon un communiqué de la NOC.")
    assert "Compagnie nationale libyenne de pétrole" in found["National Oil Corporation"]["forms"]
    assert len(found) == 1


def test_the_authors_acronym_decides_between_two_known_governments(extractor):
    """The KB gives 'gouvernement d'union nationale' to the GNA of 2016; glossed 'GUN', it is the GNU."""
    found = organisations(extractor, "Le gouvernement d'union nationale (GUN) a nommé un nouveau ministre. "
                                     "Le GUN siège à Tripoli.")
    assert set(found) == {"Government of National Unity"}
    assert "gouvernement d'union nationale" in found["Government of National Unity"]["forms"]


def test_a_gloss_the_long_forms_owner_has_keeps_it(extractor):
    found = organisations(extractor, "Le gouvernement d'union nationale (GNA) de Fayez al-Sarraj a protesté.")
    assert set(found) == {"Government of National Accord"}


def test_the_long_form_an_acronym_spells_replaces_the_shorter_names_inside_it(extractor):
    found = organisations(extractor, "Le président du Conseil national pour la sauvegarde de la patrie (CNSP) a "
                                     "reçu les délégués. Le CNSP a promis des élections.")
    assert set(found) == {"Conseil national pour la sauvegarde de la patrie"}
    assert "CNSP" in found["Conseil national pour la sauvegarde de la patrie"]["forms"]


def test_lower_case_common_words_are_not_an_outlet(extractor):
    found = organisations(extractor, "Ce pays est le plus riche dans le monde arabe, a dit la Banque mondiale.")
    assert "Le Monde" not in found


def test_dotted_acronym_before_a_hyphen_is_a_mention(extractor):
    found = organisations(extractor, "Tripoli is run by a U.N.-backed government, the diplomats said.")
    assert "U.N." in found["United Nations"]["forms"]


def test_body_under_a_long_office_is_whole_and_apart_from_the_person(extractor):
    found = organisations(extractor, "The executive director of the Southern Fund for Reconstruction and "
                                     "Development Omar Salem resigned. Sara Ali, head of the National "
                                     "Commission for Missing Persons, spoke.")
    assert {"Southern Fund for Reconstruction and Development", "National Commission for Missing Persons"} <= set(found)
    assert not any("Salem" in name for name in found)


def test_french_lower_case_form_joins_the_known_government(extractor):
    found = organisations(extractor, "Le Gouvernement d'union nationale (GNA) a répondu jeudi. Selon le "
                                     "gouvernement d'union nationale, les combats ont cessé à Tripoli.")
    assert list(found) == ["Government of National Accord"]


def test_a_rank_word_opens_a_body_name_but_not_after_another_rank(extractor):
    found = organisations(extractor, "Officials met the General Intelligence Service on Monday, and Major "
                                     "General Omar Salem of the Border Guard Service joined them.")
    assert "General Intelligence Service" in found and "Intelligence Service" not in found
    assert not any(name.startswith("General Omar") for name in found)


def test_french_forums_military_police_and_numbered_units(extractor):
    found = organisations(extractor, "Le commandant de la Police militaire a rejoint le Forum du dialogue "
                                     "politique libyen, tandis que la 301e brigade aux ordres de Tripoli attendait.")
    assert {"Police militaire", "Forum du dialogue politique libyen", "301e brigade"} <= set(found)
    assert "brigade aux" not in found


def test_model_labels_without_evidence_are_no_organisations(extractor):
    found = organisations(extractor, "The Libyan Political Agreement signed in Skhirat still frames the "
                                     "talks, said Ahmed Salem, as Storm Daniel recovery plans stalled. The "
                                     "French government welcomed the Tripoli Municipal Council's vote.")
    assert not {"Libyan Political Agreement", "Storm Daniel", "Government of France"} & set(found)
    assert "Tripoli Municipal Council" in found


def test_english_outlet_named_after_its_kind(extractor):
    found = organisations(extractor, "The minister told Libyan broadcaster Oasis Voice that the road was closed.")
    assert set(found) == {"Oasis Voice"}
    assert organisations(extractor, "The agency Director Omar Salem resigned on Monday.") == {}


def test_french_complement_through_a_noun_to_a_name(extractor):
    found = organisations(extractor, "Il siégeait au Conseil local de la ville de Ghadamès avant de rejoindre "
                                     "le Mouvement pour le renouveau de la Cyrénaïque, puis la Fédération libyenne des sociétés de la Croix-Rouge. Le Conseil de la "
                                     "ville a voté.")
    assert {"Conseil local de la ville de Ghadamès", "Mouvement pour le renouveau de la Cyrénaïque",
            "Fédération libyenne des sociétés de la Croix-Rouge"} <= set(found)


def test_credits_glued_to_a_date_or_a_mark_are_found(extractor):
    found = organisations(extractor, "Benghazi, 3 March 2019(Lana) The council met on Sunday in the east.\n"
                                     "A crowd waits at the port. Photo: Sami Ali /REUTERS\n\nThe talks went on.\n=Lana=")
    assert "Libyan News Agency" in found and "Reuters" in found


def test_acronym_first_then_its_long_form_in_brackets_is_one_body(extractor):
    found = organisations(extractor, "Le directeur de la NOC (National Oil Company) a été suspendu jeudi. La "
                                     "National Oil Company assure l'essentiel des recettes de l'État.")
    assert set(found) == {"National Oil Corporation"}
    assert "National Oil Company" in found["National Oil Corporation"]["forms"]


def test_missions_and_embassies_take_in_where_they_are_posted(extractor):
    found = organisations(extractor, "Le chef de la Mission onusienne au Soudan, Karim Diallo, est arrivé "
                                     "lundi à Khartoum.")
    assert "Mission onusienne au Soudan" in found
    found = organisations(extractor, "She served with the UN Observer Mission in Georgia before she joined the "
                                     "UN Regional Office for West Africa in Dakar.")
    assert {"UN Observer Mission in Georgia", "UN Regional Office for West Africa"} <= set(found)
    record = extractor.extract("Selon Tunis, le chef de la Mission onusienne au Soudan, Karim Diallo, viendra.").to_dict()
    assert [r["title"] for p in record["people"] for r in p["roles"]] == ["chef"]  # the name grew past the title


def test_french_bodies_with_a_nationality_a_compound_or_a_lower_case_complement(extractor):
    found = organisations(extractor, "L'Observatoire syrien des droits de l'homme (OSDH) et le Collectif des "
                                     "familles de Tarhouna ont écrit à l'Institut africain de la statistique.")
    assert {"Observatoire syrien des droits de l'homme", "Collectif des familles de Tarhouna",
            "Institut africain de la statistique"} <= set(found)
    assert "OSDH" in found["Observatoire syrien des droits de l'homme"]["forms"]


def test_a_model_name_running_on_through_a_preposition_is_cut_and_joins_the_full_body(extractor):
    found = organisations(extractor, "Le Conseil a gelé les avoirs de l'Autorité libyenne d'investissement. Il "
                                     "autorise le placement des fonds de l'Autorité dans des dépôts à terme sûrs.")
    assert "Autorité dans des dépôts" not in found
    assert "Autorité" in found["Libyan Investment Authority"]["forms"]


def test_a_person_run_on_after_a_units_town_is_a_person_not_part_of_the_unit(extractor):
    record = extractor.extract("La mort, hier, du commandant d'une brigade de Zaouïa Nouri Bachir serait à "
                               "l'origine des combats.").to_dict()
    assert "Nouri Bachir" in {p["name"] for p in record["people"]}
    assert not any("Nouri" in o["name"] for o in record["organisations"])


def test_the_conseil_de_la_presidence_is_the_presidential_council(extractor):
    """Anadolu's French writes the Presidency Council word for word: 'Conseil de la présidence (libyenne)'."""
    found = organisations(extractor, "Le président du Conseil de la présidence libyenne, Karim Salhi, est arrivé "
                                     "mardi à Tripoli.")
    assert "Conseil de la présidence" in found["Presidential Council"]["forms"]
    found = organisations(extractor, "Trois candidats briguent un siège au Conseil de Présidence, selon la mission.")
    assert "Conseil de Présidence" in found["Presidential Council"]["forms"]


def test_the_parliament_of_tobruk_is_the_house_of_representatives(extractor):
    found = organisations(extractor, "The envoy met the Speaker of the Parliament of Tobruk, Karim Salhi, on Monday.")
    assert "Parliament of Tobruk" in found["House of Representatives"]["forms"]


@pytest.mark.parametrize("rules_only", [False, True])
def test_two_known_bodies_joined_by_et_du_stay_two(rules_only):
    """'de la Chambre des représentants et du Haut Conseil d'État': the head noun 'Chambre' read on through
    'et du' (as in 'ministère des Affaires étrangères et de la Coopération') made one body of the two."""
    from nerlibya.api import Extractor
    record = Extractor(lang="fr", rules_only=rules_only).extract(
        "Les délégués de la Chambre des représentants et du Haut Conseil d'État ont signé l'accord.").to_dict()
    assert [o["id"] for o in record["organisations"]] == ["house-of-representatives", "high-council-of-state"]


@pytest.mark.parametrize("form", ["Conseil suprême de l'État", "Conseil supérieur de l'Etat"])
def test_the_conseil_supreme_or_superieur_de_l_etat_is_the_high_council_of_state(extractor, form):
    found = organisations(extractor, f"La décision est contestée par le {form}, qui la juge illégitime.")
    assert form in found["High Council of State"]["forms"]


@pytest.mark.parametrize("text,body", [
    ("Le porte-parole du gouvernement de l'Unité nationale a démenti mardi.", "Government of National Unity"),
    # a shorter form with a nationality where French puts adjectives joins the body named in full
    ("Le Conseil national de transition (CNT) a ouvert un bureau à Dakar. Le Conseil de transition libyen y a "
     "envoyé deux émissaires.", "National Transitional Council"),
])
def test_variants_of_a_known_body_are_that_body(extractor, text, body):
    assert set(organisations(extractor, text)) == {body}


def test_en_compagnie_de_a_person_is_no_company(extractor):
    """'en compagnie de' means 'together with': the head noun 'compagnie' names no body there."""
    record = extractor.extract("Le ministre a visité le port en compagnie de Karim Salhi, envoyé de l'ONU "
                               "en Libye.").to_dict()
    assert "Karim Salhi" in {p["name"] for p in record["people"]}
    assert not any("compagnie" in o["name"] for o in record["organisations"])


def test_french_bodies_opened_by_haut_or_closed_by_supreme_are_whole(extractor):
    found = organisations(extractor, "Le Haut Comité de réconciliation nationale et le Conseil suprême des tribus "
                                     "maliennes ont signé un appel commun.")
    assert {"Haut Comité de réconciliation nationale", "Conseil suprême des tribus maliennes"} <= set(found)


def test_a_long_acronym_written_as_a_word_is_the_known_body(extractor):
    found = organisations(extractor, "Le mandat de la Manul expire le 31 octobre, mais le Conseil de sécurité doit "
                                     "encore le prolonger, selon un diplomate.")
    assert "Manul" in found["United Nations Support Mission in Libya"]["forms"]


def test_french_lower_case_ministries_whole_and_apart_from_their_owner(extractor):
    found = organisations(extractor, "Le ministère tunisien de l'Intérieur a arrêté deux passeurs, tandis que le "
                                     "ministère de la Santé du GNA a publié un nouveau bilan.")
    assert {"ministère tunisien de l'Intérieur", "ministère de la Santé", "Government of National Accord"} <= set(found)


def test_no_name_ends_with_a_preposition(extractor):
    found = organisations(extractor, "The envoy said the Office in Tunis would close next month.")
    assert not any(name.endswith(" in") for name in found)


@pytest.mark.parametrize("text,date,body", [
    # the head the article names decides
    ("Le Premier ministre du gouvernement d'union nationale, Abdelhamid Dbeibah, a reçu l'ambassadeur.", None,
     "government-of-national-unity"),
    ("Le gouvernement d'union nationale de Fayez al-Sarraj a dénoncé l'attaque.", "2023-05-01",
     "government-of-national-accord"),
    # else the article's date
    ("Le gouvernement d'union nationale a dénoncé l'attaque.", "2022-05-01", "government-of-national-unity"),
    ("Le gouvernement d'union nationale a dénoncé l'attaque.", "2019-04-10", "government-of-national-accord"),
    # else the KB's owner of the name
    ("Le gouvernement d'union nationale a dénoncé l'attaque.", None, "government-of-national-accord"),
    # a name of its own decides whatever the date
    ("Le gouvernement d'union nationale (GNA) a dénoncé l'attaque.", "2022-05-01", "government-of-national-accord"),
])
def test_gouvernement_d_union_nationale_is_the_body_the_article_decides(extractor, text, date, body):
    record = extractor.extract(text, "x.txt", date=date).to_dict()
    assert [o["id"] for o in record["organisations"]] == [body]
    jsonschema.validate(record, SCHEMA)


def test_a_byline_naming_a_known_body_credits_it_and_no_person(extractor):
    record = extractor.extract("By Human Rights Watch, June 2, 2015\nMilitias in Benghazi held dozens of "
                               "journalists for weeks, the group said.").to_dict()
    assert "Human Rights Watch" in {o["name"] for o in record["organisations"]}
    assert not record["people"]


def test_a_bracketed_sign_off_credits_its_outlet(extractor):
    found = organisations(extractor, "The minister met the envoy in Tunis on Monday.\n\n(Source: Sahel Wire)")
    assert "Sahel Wire" in found


def test_a_complement_owning_the_next_noun_is_no_part_of_the_body(extractor):
    found = organisations(extractor, "The envoy wrote to the Bureau of Libya’s High Council of State on Monday.")
    assert "High Council of State" in found and not any(name.endswith("of Libya") for name in found)


def test_an_agency_line_before_the_story_credits_its_outlet(extractor):
    found = organisations(extractor, "Sahel Cloud News Agency – Niamey\n\nThe foreign minister met the envoy on "
                                     "Thursday.")
    assert "Sahel Cloud News Agency" in found


def test_a_sahel_armed_coalition_is_known_by_its_acronym(extractor):
    found = organisations(extractor, "Le Niger fait face aux attaques du JNIM près de la frontière malienne.")
    assert "Jama'at Nusrat al-Islam wal-Muslimin" in found


@pytest.mark.parametrize("text,body", [
    ("Il a reçu une délégation du ministère de l'Intérieur et des services secrets tunisiens.",
     "ministère de l'Intérieur"),
    ("Il a vu des cadres du ministère de la Défense et des officiers de la marine.", "ministère de la Défense"),
    ("La Direction du sport et de la jeunesse a publié un communiqué.", "Direction du sport et de la jeunesse"),
])
def test_a_bodys_coordinated_parts_are_written_alike(extractor, text, body):
    """After a capitalised portfolio, 'et des services secrets' opens another object; after a lower-case part,
    'et de la jeunesse' is one more part of the name."""
    assert set(organisations(extractor, text)) == {body}


def test_a_complement_after_an_outlet_noun_names_no_outlet(extractor):
    """"la télévision d'État" is state television; "la télévision privée X" names X."""
    found = organisations(extractor, "La télévision d'Etat a montré le convoi, puis la télévision privée Libya "
                                     "Awalan a diffusé la vidéo.")
    assert "Libya Awalan" in found and not any("Etat" in name for name in found)


def test_a_person_after_a_units_noun_and_de_is_whose_unit_it_is(extractor):
    """'la milice de Kerbal' is Kerbal's militia, no name; 'la brigade de Zintan' names a brigade."""
    found = organisations(extractor, "Omar Kerbal dirige une milice à Zawiya. La milice de Kerbal et la brigade "
                                     "de Mohamed Fellah ont attaqué la brigade de Zintan.")
    assert set(found) == {"brigade de Zintan"}


def test_a_lower_case_body_after_an_office_and_its_countrys_possessive_is_named(extractor):
    found = organisations(extractor, "Salem Fakhri, chairman of Libya's presidential council, flew to Rome on Monday.")
    assert "Presidential Council" in found


def test_an_institution_or_an_online_outlet_the_model_tags_is_an_organisation(extractor):
    found = organisations(extractor, "She spoke on Libya at the Brookings Institution in Washington on Monday.")
    online = organisations(extractor, "In March he told Sahara Review Online that the vote would be delayed.")
    assert "Brookings Institution" in found and "Sahara Review Online" in online


def test_an_apposition_naming_a_bodys_kind_makes_the_name_an_organisation(extractor):
    found = organisations(extractor, "Zawiya Resources, a company chaired by Omar Tarhuni, bought two oil "
                                     "tankers last year.")
    assert "Zawiya Resources" in found
    assert "Zawiya Resources" not in organisations(extractor, "Zawiya Resources said on Monday it had bought two tankers.")


def test_a_nationality_before_a_governments_office_says_whose_it_is(extractor):
    found = organisations(extractor, "The British Foreign Office said on Monday that its team had reached Tripoli.")
    assert "Foreign Office" in found and "British Foreign Office" not in found


@pytest.mark.parametrize("text", [
    '"Nothing will change," said Omar Salem, a senior analyst at Sahara Maplewood.',
    "Omar Salem, a senior analyst at Sahara Maplewood, said nothing would change.",
])
def test_where_a_title_s_holder_works_is_an_organisation(extractor, text):
    record = extractor.extract(text).to_dict()
    assert "Sahara Maplewood" not in [p["name"] for p in record["people"]]
    assert "Sahara Maplewood" in [o["name"] for o in record["organisations"]]
    assert roles_with_organisations(extractor, text)["Omar Salem"] == {("senior analyst", "Sahara Maplewood")}
