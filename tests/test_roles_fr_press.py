"""French role classes of African and Maghreb press that generalise across outlets (issue 19, roles recall), on
sentences written for these tests: titles given through 'en qualité de' and set off by commas, 'en exercice',
'chargé de' portfolios, continental adjectives in portfolios, the courtesy titles 'S.E.M.' and 'SEM'; bodies whose
names list their trades, two spaces typed after a comma, an apposition whose closing comma is left out."""

import pytest

from .record_views import roles, roles_with_organisations

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text,person,title", [
    ("Moussa Traoré s'est exprimé en qualité de ministre des Affaires étrangères.", "Moussa Traoré",
     "ministre des Affaires étrangères"),
    ("Moussa Traoré, en sa qualité de médiateur de la CEDEAO, a ouvert la séance.", "Moussa Traoré", "médiateur"),
    ("Moussa Traoré, en tant que ministre de la Défense, a signé le protocole.", "Moussa Traoré",
     "ministre de la Défense"),
    ("Le général Moussa Traoré, comme commandant de la zone, a ordonné le retrait.", "Moussa Traoré",
     "commandant de la zone"),
])
def test_a_title_given_by_en_qualite_de_or_set_off_by_commas_is_the_subjects(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


def test_a_title_set_off_after_an_object_is_not_the_objects(extractor):
    found = roles(extractor, "Le président a reçu Moussa Traoré, en tant que médiateur de la CEDEAO.")
    assert "médiateur" not in found.get("Moussa Traoré", set())


def test_en_exercice_stays_in_the_title(extractor):
    found = roles(extractor, "Amadou Sall, président en exercice de la CEDEAO, a appelé au dialogue.")
    assert "président en exercice" in found["Amadou Sall"]


@pytest.mark.parametrize("text,person,title", [
    ("Le ministre d'État chargé de la Défense, Amadou Sall, a annoncé le déploiement.", "Amadou Sall",
     "ministre d'État chargé de la Défense"),
    ("Fatou Ndiaye, ministre déléguée chargée des Affaires étrangères, est arrivée à Tripoli.", "Fatou Ndiaye",
     "ministre déléguée chargée des Affaires étrangères"),
    ("Le ministre de la Coopération africaine, Amadou Sall, a reçu l'émissaire.", "Amadou Sall",
     "ministre de la Coopération africaine"),
    ("La secrétaire d'État aux Affaires européennes, Claire Morel, est arrivée à Tunis.", "Claire Morel",
     "secrétaire d'État aux Affaires européennes"),
])
def test_charge_de_and_continental_adjectives_stay_in_the_portfolio(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


def test_a_nationality_after_a_portfolio_still_says_whose_office_it_is(extractor):
    found = roles(extractor, "Le ministre de l'Intérieur tunisien, Karim Gharbi, a démenti.")
    assert "ministre de l'Intérieur" in found["Karim Gharbi"]


@pytest.mark.parametrize("text,person", [
    ("S.E.M. Issa Kaboré, président du Faso, a reçu la délégation libyenne.", "Issa Kaboré"),
    ("Le président a reçu en audience SEM Issa Kaboré, ambassadeur du Niger.", "Issa Kaboré"),
    ("S.E. Issa Kaboré a reçu la délégation libyenne.", "Issa Kaboré"),
])
def test_excellency_abbreviations_are_courtesy_titles_not_names(extractor, text, person):
    assert person in roles(extractor, text)


@pytest.mark.parametrize("text,person,title", [
    ("Le ministre français des Affaires étrangères, Paul Morel, est arrivé à Alger. Le chef de la diplomatie "
     "française a ensuite rencontré son homologue.", "Paul Morel", "chef de la diplomatie"),
    ("Le chef de la diplomatie marocaine en visite à Tripoli\n\nLe ministre marocain des Affaires étrangères, "
     "Karim Alaoui, a rencontré le Premier ministre.", "Karim Alaoui", "chef de la diplomatie"),
    ("Le président tunisien Hédi Saïdi a reçu la délégation. Le chef de l'État tunisien a appelé au dialogue.",
     "Hédi Saïdi", "chef de l'État"),
])
def test_a_title_with_no_name_is_the_one_holder_of_that_office_under_another_name(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


@pytest.mark.parametrize("text", [
    # two French ministers: no telling which
    "Le ministre français des Affaires étrangères, Paul Morel, et son prédécesseur, le ministre français des "
    "Affaires étrangères Luc Vidal, sont arrivés. Le chef de la diplomatie française a parlé.",
    # another country's minister, and an office that is over
    "Le ministre algérien des Affaires étrangères, Karim Alaoui, est arrivé. Le chef de la diplomatie française a "
    "parlé.",
    "Le ministre français des Affaires étrangères, Paul Morel, est arrivé. L'ancien chef de la diplomatie française "
    "a critiqué la visite.",
])
def test_no_title_by_another_name_when_the_holder_is_not_the_only_one(extractor, text):
    assert not any("chef de la diplomatie" in titles for titles in roles(extractor, text).values())


def test_a_nationality_before_en_and_a_place_says_whose_office_it_is(extractor):
    record = extractor.extract("L'ambassadeur italien en Libye, Marco Rossi, a rencontré le maire.").to_dict()
    role = next(r for p in record["people"] if p["name"] == "Marco Rossi" for r in p["roles"])
    assert (role["title"], role["organisation"]) == ("ambassadeur", "Italy")


@pytest.mark.parametrize("text,person,title", [
    ("Le président de la Haute commission électorale, Karim Sassi, a annoncé le report.", "Karim Sassi", "président"),
    ("De son côté, le directeur général des Sénégalais de l'extérieur, Moussa Diallo, a salué l'opération.",
     "Moussa Diallo", "directeur général des Sénégalais de l'extérieur"),
    ("Le ministre de la Santé du gouvernement parallèle, Omar Fellah, a démenti.", "Omar Fellah",
     "ministre de la Santé"),
    ("Le Premier ministre du gouvernement parallèle de l'Est, Omar Fellah, a dénoncé la décision.", "Omar Fellah",
     "Premier ministre"),
])
def test_lower_case_words_of_a_complement_reach_the_name_after_its_comma(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


def test_a_body_after_a_portfolio_is_no_part_of_the_title(extractor):
    found = roles(extractor, "Le ministre de la Santé du gouvernement provisoire, Omar Fellah, a démenti.")
    assert found["Omar Fellah"] == {"ministre de la Santé"}


@pytest.mark.parametrize("text,person,title", [
    ("Selon Salem al-Ferjani, un des représentants du CGN aux pourparlers, l'accord est caduc.", "Salem al-Ferjani",
     "représentant"),
    ("Nabil Gharsa, l'un des dirigeants de la brigade, a été arrêté.", "Nabil Gharsa", "dirigeant"),
])
def test_a_name_before_a_partitive_and_a_plural_title_is_a_person(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


@pytest.mark.parametrize("text,person,title", [
    ("Le Conseil présidentiel, composé de neuf membres et dirigé par Karim Sassi, a été installé.", "Karim Sassi",
     "chef"),
    ("Le Conseil présidentiel est composé de neuf membres et dirigé par Karim Sassi.", "Karim Sassi", "chef"),
    ("Le comité a été créé en 2015 et présidé par Karim Sassi.", "Karim Sassi", "président"),
])
def test_a_clause_coordinated_after_another_participle_describes_the_body_before_them(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


def test_a_coordinated_clause_after_an_act_gives_no_office(extractor):
    found = roles(extractor, "La réunion, organisée à Tunis et présidée par Claire Morel, a échoué.")
    assert not found.get("Claire Morel")


@pytest.mark.parametrize("text,person,title", [
    ("La mort du commandant d'une brigade de Zaouïa Karim Sassi a été annoncée.", "Karim Sassi", "commandant"),
    ("Le chef d'une milice de Tajoura Omar Fellah a été arrêté.", "Omar Fellah", "chef"),
    ("Le commissaire de l'Union africaine aux Affaires politiques, Amadou Sall, est arrivé.", "Amadou Sall",
     "commissaire aux Affaires politiques"),
])
def test_an_elided_complement_and_a_portfolio_after_a_body_reach_the_name(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


@pytest.mark.parametrize("text,person,title", [
    ("La secrétaire générale adjointe de l'ONU pour les Affaires politiques, Claire Morel, participera.", "Claire Morel",
     "secrétaire générale adjointe pour les Affaires politiques"),
    ("Le secrétaire général adjoint de l'ONU aux affaires humanitaires, Paul Morel, est arrivé.", "Paul Morel",
     "secrétaire général adjoint aux affaires humanitaires"),
])
def test_a_portfolio_written_after_the_body_stays_in_the_title(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


def test_a_place_after_the_body_is_no_portfolio(extractor):
    found = roles(extractor, "L'envoyé de l'ONU pour la Libye, Claire Morel, est arrivée à Tripoli.")
    assert found["Claire Morel"] == {"envoyé"}


def test_a_title_coordinated_after_one_with_a_long_complement_names_the_person_after_its_comma(extractor):
    found = roles(extractor, "Le nouveau chef du commandement américain pour l'Afrique et l'ambassadeur des "
                             "États-Unis en Libye, Paul Morel rencontreront le président.")
    assert "ambassadeur" in found["Paul Morel"]


@pytest.mark.parametrize("text,person,title", [
    ("Karim Sassi s'est proclamé commandant en chef de l'armée.", "Karim Sassi", "commandant en chef"),
    ("Karim Sassi, qui a démissionné de son poste d'émissaire de l'ONU, est rentré à Beyrouth.", "Karim Sassi",
     "émissaire"),
    ("Le président a limogé Karim Sassi de son poste de ministre de l'Intérieur.", "Karim Sassi",
     "ministre de l'Intérieur"),
])
def test_a_title_taken_by_oneself_or_a_post_left_is_the_subjects(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


@pytest.mark.parametrize("text,person,title", [
    ("Le nouveau gouvernement compte deux femmes ministres : Samia Dridi aux Affaires sociales et Leila Kadi à la "
     "Santé.", "Leila Kadi", "ministre de la Santé"),
    ("Parmi les ministres reconduits figurent Ali Zeidan à la Défense, Mustafa Abushagur aux Finances et Omar "
     "Zlitni à l'Intérieur.", "Mustafa Abushagur", "ministre des Finances"),
    # a long apposition between the subject and the appointment to a portfolio
    ("Omar Zlitni, un ancien officier rebelle originaire de la région de Nalout, a été nommé à la Défense.", "Omar Zlitni",
     "ministre de la Défense"),
])
def test_a_portfolio_listed_after_a_name_or_given_past_a_long_apposition_is_a_ministers(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


def test_a_person_received_at_a_capitalised_place_holds_no_portfolio(extractor):
    found = roles(extractor, "Le ministre a reçu Omar Zlitni à la Présidence, puis Ali Zeidan au Palais.")
    assert not any(title.startswith("ministre") for title in found.get("Omar Zlitni", set()) | found.get("Ali Zeidan", set()))


def test_a_verb_after_a_long_apposition_is_no_title_of_the_subject(extractor):
    found = roles(extractor, "À Tobrouk, Omar Zlitni, enseignant qui a perdu trois membres de sa famille, juge la peine "
                             "trop légère.")
    assert "juge" not in found.get("Omar Zlitni", set())


@pytest.mark.parametrize("text,person,title", [
    # who succeeds someone at the head of a body heads it now
    ("Omar Zlitni succède à Mohamed Salem à la tête de la Banque centrale.", "Omar Zlitni", "chef"),
    ("Omar Zlitni, qui a succédé à Mohamed Salem à la tête de la Banque centrale, a prêté serment.", "Omar Zlitni",
     "chef"),
    # a phrase of time, or a day alone, between the appointment verb and the title
    ("Omar Zlitni, nommé en 2021 à la tête de la Banque centrale, a démissionné.", "Omar Zlitni", "chef"),
    ("Omar Zlitni a été nommé lundi ministre de la Santé.", "Omar Zlitni", "ministre de la Santé"),
    ("Omar Zlitni a été élu jeudi à la tête du Parlement.", "Omar Zlitni", "chef"),
    # the object pronouns 'en' and 'y' between the subject and its appointment verb
    ("Le conseil a été fondé par le colonel Karim Mansour, qui s’en est proclamé le chef.", "Karim Mansour",
     "chef"),
    ("Le général Karim Mansour s'en est proclamé président en 2014.", "Karim Mansour", "président"),
    ("Karim Mansour, arrivé à Rabat en 2019, y a été nommé ambassadeur.", "Karim Mansour", "ambassadeur"),
    # feminine forms
    ("La procureure générale adjointe Samia Dridi a ouvert une enquête.", "Samia Dridi",
     "procureure générale adjointe"),
    ("La rapporteuse spéciale Samia Dridi a dénoncé les détentions.", "Samia Dridi", "rapporteuse spéciale"),
])
def test_successions_days_clitics_and_feminine_titles(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


def test_who_is_succeeded_at_the_head_of_a_body_does_not_head_it(extractor):
    found = roles(extractor, "Omar Zlitni succède à Mohamed Salem à la tête de la Banque centrale.")
    assert "chef" not in found.get("Mohamed Salem", set())


def test_a_clause_set_off_after_who_is_replaced_describes_them(extractor):
    found = roles(extractor, "Omar Zlitni remplace Ali Zeidan, qui dirige la Banque centrale.")
    assert "chef" not in found.get("Omar Zlitni", set())


@pytest.mark.parametrize("text,person,title", [
    ("Le poste de ministre des Finances a été confié à un économiste de Misrata, Omar Zlitni.", "Omar Zlitni",
     "ministre des Finances"),
    ("La fonction d'émissaire de l'ONU est assurée par l'Américaine Samia Dridi, une diplomate chevronnée.",
     "Samia Dridi", "émissaire"),
])
def test_a_post_a_clause_gives_is_its_holders(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


@pytest.mark.parametrize("text,person,title", [
    # a number after a unit's name is part of it
    ("Le commandant de la Brigade 166, Omar Zlitni, a démenti.", "Omar Zlitni", "commandant"),
    # taking the head of a body
    ("Omar Zlitni a pris la tête de la Banque centrale en 2021.", "Omar Zlitni", "chef"),
    ("Omar Zlitni prend les rênes de la Banque centrale.", "Omar Zlitni", "chef"),
    # the functions or the rank a person holds, leaves or is promoted to
    ("Omar Zlitni a quitté ses fonctions de ministre de la Santé.", "Omar Zlitni", "ministre de la Santé"),
    ("Omar Zlitni a été promu au grade de général.", "Omar Zlitni", "général"),
])
def test_units_with_numbers_heads_taken_and_functions_held(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


def test_who_reports_that_a_body_took_the_lead_heads_nothing(extractor):
    found = roles(extractor, "L'armée a pris la tête de la coalition, a dit Omar Zlitni.")
    assert "chef" not in found.get("Omar Zlitni", set())


@pytest.mark.parametrize("text,title", [
    ("Omar Zlitni a critiqué la fonction de médiateur de l'ONU.", "médiateur"),
    ("Omar Zlitni veut supprimer le grade de maréchal.", "maréchal"),
])
def test_a_post_or_rank_talked_about_is_not_the_subjects(extractor, text, title):
    assert title not in roles(extractor, text).get("Omar Zlitni", set())


@pytest.mark.parametrize("text,holder,head", [
    ("Omar Zlitni, ministre de l'Intérieur du gouvernement Dbeibah, a été arrêté.", "Omar Zlitni",
     "Abdul Hamid Dbeibah"),
    ("Ali Zeidan a reçu Omar Zlitni, ministre de la Santé du cabinet Sarraj.", "Omar Zlitni", "Fayez al-Sarraj"),
])
def test_a_body_named_after_its_head_is_no_holder_of_the_title(extractor, text, holder, head):
    """'le gouvernement Dbeibah': the name after the body's noun names the body; the title is the person's before."""
    found = roles(extractor, text)
    assert any(title.startswith("ministre") for title in found[holder])
    assert not found.get(head)


def test_a_title_with_nobody_before_it_is_the_name_after_its_body(extractor):
    assert "porte-parole du gouvernement" in roles(extractor, "Le porte-parole du gouvernement Mohamed Hamouda a démenti.")[
        "Mohamed Hamouda"]


def test_a_day_between_the_appointment_and_the_portfolio(extractor):
    assert "ministre de la Défense" in roles(extractor, "Omar Zlitni a été nommé mardi à la Défense.")["Omar Zlitni"]


@pytest.mark.parametrize("text,person,title", [
    ("La cheffe du gouvernement tunisien, Leila Kadi, a reçu la délégation.", "Leila Kadi", "cheffe du gouvernement"),
    ("L'ex-cheffe du gouvernement Leila Kadi a reçu la délégation.", "Leila Kadi", "ex-cheffe du gouvernement"),
    ("L'ex-ambassadrice des États-Unis, Claire Morel, a reçu la délégation.", "Claire Morel", "ex-ambassadrice"),
    ("La commandante de la mission, Claire Morel, a reçu la délégation.", "Claire Morel", "commandante"),
])
def test_feminine_offices_and_ex_before_any_office(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


def test_ex_before_an_office_says_it_is_over(extractor):
    record = extractor.extract("L'ex-présidente de la commission, Claire Morel, a reçu la délégation.").to_dict()
    role = next(r for p in record["people"] if p["name"] == "Claire Morel" for r in p["roles"])
    assert role["status"] == "former"


@pytest.mark.parametrize("text,expected", [
    ("Omar Fellah et Karim Sassi, respectivement ministre de la Défense et ministre de l'Intérieur, ont signé "
     "l'accord.", {"Omar Fellah": "ministre de la Défense", "Karim Sassi": "ministre de l'Intérieur"}),
    ("Le président a reçu Omar Fellah, Karim Sassi et Amadou Sall, respectivement Premier ministre, ministre des "
     "Finances et ministre de la Santé.", {"Omar Fellah": "Premier ministre", "Karim Sassi": "ministre des Finances",
                                          "Amadou Sall": "ministre de la Santé"}),
])
def test_titles_after_respectivement_go_in_order_to_the_names_before_it(extractor, text, expected):
    found = roles(extractor, text)
    for person, title in expected.items():
        assert title in found[person] and not (found[person] - {title})


@pytest.mark.parametrize("text,person,title", [
    ("Patron de la Compagnie nationale du pétrole depuis juillet 2022, Omar Fellah a rencontré les grévistes.",
     "Omar Fellah", "Patron"),
    ("Président du Haut Conseil d'État depuis 2023, Karim Sassi a rejeté le texte.", "Karim Sassi", "Président"),
])
def test_a_fronted_title_with_a_phrase_of_time_is_the_subject_after_its_comma(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


@pytest.mark.parametrize("text,person,title", [
    ("Le ministre des Affaires religieuses et des Wakfs, Karim Sassi, a inauguré la mosquée.", "Karim Sassi",
     "ministre des Affaires religieuses et des Wakfs"),
    ("Amadou Sall, ministre des Ressources humaines, a reçu les syndicats.", "Amadou Sall",
     "ministre des Ressources humaines"),
    ("Le wali d'Illizi, Karim Sassi, a reçu la délégation libyenne.", "Karim Sassi", "wali"),
    ("Le procureur général près la cour d'appel de Misrata, Omar Fellah, a ordonné l'arrestation.", "Omar Fellah",
     "procureur général"),
    ("Le procureur de la République près le tribunal de Sfax, Omar Fellah, a ordonné l'arrestation.", "Omar Fellah",
     "procureur de la République"),
])
def test_maghreb_cabinet_portfolios_walis_and_prosecutors_posted_to_a_court(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


@pytest.mark.parametrize("text,person", [
    ("Le médecin du président, Omar Fellah, a été entendu par les juges.", "Omar Fellah"),
    ("Un proche du ministre de l'Intérieur, Omar Fellah, a été arrêté.", "Omar Fellah"),
    ("Le gendre du maréchal, Omar Fellah, a été arrêté.", "Omar Fellah"),
    ("Le garde du corps du ministre, Omar Fellah, a été blessé.", "Omar Fellah"),
    ("Le secrétaire particulier du président, Omar Fellah, a été arrêté.", "Omar Fellah"),
])
def test_the_office_of_whom_a_companion_works_for_is_not_the_companions(extractor, text, person):
    found = roles(extractor, text).get(person, set())
    assert not found & {"président", "ministre", "ministre de l'Intérieur", "maréchal"}


@pytest.mark.parametrize("text,person,unit", [
    ("Le commandant de la brigade Tareq Ben Zeyad, Omar Fellah, a démenti.", "Omar Fellah", "Tareq Ben Zeyad"),
    ("Le colonel Karim Sassi, commandant du bataillon Omar Mokhtar, a démenti.", "Karim Sassi", "Omar Mokhtar"),
])
def test_a_unit_named_after_a_person_is_no_person(extractor, text, person, unit):
    record = extractor.extract(text).to_dict()
    assert unit not in {p["name"] for p in record["people"]}
    role = next(r for p in record["people"] if p["name"] == person for r in p["roles"] if r["title"] == "commandant")
    assert role["organisation"].endswith(unit)


def test_a_rank_of_brigade_stays_a_rank_before_the_name(extractor):
    assert "général de brigade" in roles(extractor, "Le général de brigade Karim Sassi a démenti.")["Karim Sassi"]


@pytest.mark.parametrize("text,person,title", [
    ("Le chef d'état-major général des armées, le général Amadou Sall, a reçu la délégation.", "Amadou Sall",
     "chef d'état-major général des armées"),
    ("La vice-secrétaire générale de l'ONU, Claire Morel, a ouvert les travaux.", "Claire Morel",
     "vice-secrétaire générale"),
    ("Le consul général de Libye à Sfax, Omar Fellah, a reçu les ressortissants.", "Omar Fellah", "consul général"),
    ("Le ministre de la Défense et des Anciens combattants, Amadou Sall, a reçu la délégation.", "Amadou Sall",
     "ministre de la Défense et des Anciens combattants"),
])
def test_general_after_an_office_is_its_adjective_not_a_rank(extractor, text, person, title):
    found = roles(extractor, text)[person]
    assert title in found and not {"générale", "général des armées"} & found


@pytest.mark.parametrize("text,person,title", [
    ("La Manul, que dirige Karim Sassi, a convoqué les délégations.", "Karim Sassi", "chef"),
    ("Le Conseil présidentiel, que préside Omar Fellah, a démenti.", "Omar Fellah", "président"),
    ("L'Armée nationale libyenne, que commande le maréchal Omar Fellah, a avancé.", "Omar Fellah", "commandant"),
])
def test_a_body_que_dirige_x_is_headed_by_x(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


def test_a_meeting_que_preside_x_is_no_office(extractor):
    assert not roles(extractor, "La réunion que préside Omar Fellah a été reportée.").get("Omar Fellah")


@pytest.mark.parametrize("text,person,title", [
    ("Claire Morel occupe le poste d'envoyée spéciale par intérim.", "Claire Morel", "envoyée spéciale par intérim"),
    ("Omar Fellah, qui occupait alors le poste de ministre de l'Intérieur, a démissionné.", "Omar Fellah",
     "ministre de l'Intérieur"),
    ("Omar Fellah exerce les fonctions de porte-parole du gouvernement.", "Omar Fellah", "porte-parole du gouvernement"),
])
def test_the_subject_of_a_verb_holding_a_post_holds_it(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


@pytest.mark.parametrize("text", [
    "Omar Fellah brigue le poste de président.",
    "Omar Fellah convoite le poste de Premier ministre.",
])
def test_a_post_sought_is_not_held(extractor, text):
    assert not roles(extractor, text).get("Omar Fellah")


@pytest.mark.parametrize("text,person,title", [
    ("Omar Fellah, réélu président de la République en septembre, a reçu la délégation.", "Omar Fellah",
     "président de la République"),
    ("Réélue présidente de la commission en mai, Claire Morel a reçu la délégation.", "Claire Morel", "présidente"),
    ("Omar Fellah a été investi Premier ministre en mars.", "Omar Fellah", "Premier ministre"),
])
def test_reelected_and_invested_give_the_office(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


@pytest.mark.parametrize("text", [
    "Fayez al-Sarraj, chef du gouvernement soutenu par les Nations unies (GNA), a signé l'accord.",
    "Fayez al-Sarraj, chef du gouvernement (GNA), a signé l'accord.",
])
def test_an_office_of_a_bare_body_noun_takes_the_bodys_bracketed_acronym(extractor, text):
    record = extractor.extract(text).to_dict()
    role = next(r for p in record["people"] if p["name"] == "Fayez al-Sarraj" for r in p["roles"])
    assert (role["title"], role["organisation"]) == ("chef", "Government of National Accord")


@pytest.mark.parametrize("text,place", [
    ("Des manifestants se sont rassemblés avenue Habib Bourguiba à Tunis.", "avenue Habib Bourguiba"),
    ("Les blessés ont été transférés à l'hôpital Habib Bourguiba de Sfax.", "hôpital Habib Bourguiba"),
    ("Le vol a atterri à l'aéroport Houari Boumediene.", "aéroport Houari Boumediene"),
])
def test_a_street_or_facility_named_after_a_person_is_a_place_not_a_person(extractor, text, place):
    record = extractor.extract(text).to_dict()
    assert not record["people"] and place in {p["name"] for p in record["places"]}


def test_an_office_of_a_facility_kind_before_a_name_keeps_the_person(extractor):
    assert "directeur d'hôpital" in roles(extractor, "Le directeur d'hôpital Ali Salem a démenti.")["Ali Salem"]


@pytest.mark.parametrize("text", [
    "La Manul est dirigée par intérim par Claire Morel.",
    "La Manul, dirigée par intérim par l'Américaine Claire Morel, a démenti.",
    "Claire Morel, qui dirige par intérim la Manul depuis avril, a démenti.",  # the interim between verb and object
    "Mme Claire Morel dirigeait par intérim la Manul.",
    "La Manul, que dirige par intérim Claire Morel, a démenti.",
])
def test_a_body_led_by_someone_written_past_a_copula_or_a_nationality(extractor, text):
    record = extractor.extract(text).to_dict()
    role = next(r for p in record["people"] if p["name"] == "Claire Morel" for r in p["roles"]
                if r["title"] == "chef par intérim")
    assert role["organisation"] == "United Nations Support Mission in Libya"


@pytest.mark.parametrize("text,person,title", [
    ("La haute représentante de l'Union européenne, Marie Dubois, est arrivée à Tripoli.", "Marie Dubois",
     "haute représentante"),
    ("Le haut représentant de l'UE, Pierre Lenoir, a salué l'accord.", "Pierre Lenoir", "haut représentant"),
])
def test_haut_representant_is_one_office(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


@pytest.mark.parametrize("text,person,title", [
    ("Le rival du Premier ministre, Karim Bensalem, a dénoncé la décision.", "Karim Bensalem", "Premier ministre"),
    ("Un allié du ministre de l'Intérieur, Karim Bensalem, a été arrêté.", "Karim Bensalem",
     "ministre de l'Intérieur"),
])
def test_a_rivals_or_allys_complement_title_is_not_the_apposed_names(extractor, text, person, title):
    """'le rival du Premier ministre, X': X is the rival."""
    assert title not in roles(extractor, text).get(person, set())


def test_a_month_after_a_portfolio_says_when_and_is_no_part_of_it(extractor):
    """'X, devenu ministre de la Santé en mars, ...': the office is 'ministre de la Santé'."""
    found = roles(extractor, "Karim Bensalem, devenu ministre de la Santé en mars, a visité l'hôpital.")
    assert found["Karim Bensalem"] == {"ministre de la Santé"}


def test_un_women_written_in_french_is_the_organisation_of_the_title_before_the_name(extractor):
    """"la directrice exécutive d'ONU Femmes, X": the body's two words, then the apposition."""
    record = extractor.extract("Le ministre a reçu la directrice exécutive d'ONU Femmes, Claire Morel.").to_dict()
    (person,) = [p for p in record["people"] if p["name"] == "Claire Morel"]
    assert [(r["title"], r["organisation"]) for r in person["roles"]] == [("directrice exécutive", "UN Women")]


def test_a_unit_named_by_a_number_after_its_noun_ends_the_titles_complement(extractor):
    """'le chef de la brigade 166, X': the number names the brigade; the name after the comma is its chief's."""
    found = roles(extractor, "Le chef de la brigade 215, Karim Bensalem, a démenti toute implication.")
    assert "chef" in found["Karim Bensalem"]


@pytest.mark.parametrize("text,person", [
    ("Le ministre a reçu l'imam Karim Benali à la grande mosquée.", "Karim Benali"),
    ("L’imam libanais Youssef Haddad a appelé au calme.", "Youssef Haddad"),
])
def test_imam_before_a_name_is_a_title(extractor, text, person):
    assert "imam" in roles(extractor, text)[person]


@pytest.mark.parametrize("text,person,title", [
    # a body listing its trades: the title reaches its apposition past the list
    ("Il a reçu le président de la Chambre nationale de l'agriculture et de la pêche, Omar Diallo.", "Omar Diallo",
     "président"),
    ("Étaient présents le président de l'Union nationale des métiers, de l'artisanat et des services (UNMAS), Omar "
     "Diallo, et le gouverneur de la ville.", "Omar Diallo", "président"),
    # two spaces typed after a comma
    ("Le ministre a reçu le chef du gouvernement,  Karim Gharbi, à Carthage.", "Karim Gharbi", "chef du gouvernement"),
    ("Karim Gharbi,  ministre de l'Intérieur, a démenti.", "Karim Gharbi", "ministre de l'Intérieur"),
    # a preposition after the name closes an apposition whose comma the page left out
    ("Le président a reçu le chef d'état-major nigérien, Issa Kaboré dans le cadre d'une visite de travail.",
     "Issa Kaboré", "chef d'état-major"),
    ("Le dirigeant malien a évoqué la mort de l'ancien président guinéen, Issa Kaboré sur la sécurité du pays.",
     "Issa Kaboré", "ancien président"),
    ("Amadou Sall a rencontré le chef de la junte, Issa Kaboré mardi pour évoquer la frontière.", "Issa Kaboré",
     "chef de la junte"),
])
def test_an_apposition_after_listed_trades_extra_spaces_or_a_missing_comma(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


def test_a_body_listing_its_trades_is_named_whole(extractor):
    record = extractor.extract("Le président de la Chambre nationale des métiers, de l'artisanat et des services, "
                               "Omar Diallo, a signé l'accord.").to_dict()
    assert "Chambre nationale des métiers, de l'artisanat et des services" in {o["name"] for o in record["organisations"]}


@pytest.mark.parametrize("rules_only", [False, True])
def test_every_name_listed_after_a_plural_title_is_a_person_holding_it(rules_only):
    from nerlibya.api import Extractor
    found = roles(Extractor(lang="fr", rules_only=rules_only),
                  "Au cours de la séance, les membres Fathia Ben Salem, Naima Kadi et Nouri Mansour étaient candidats.")
    assert {name: found.get(name) for name in ("Fathia Ben Salem", "Naima Kadi", "Nouri Mansour")} == {
        "Fathia Ben Salem": {"membre"}, "Naima Kadi": {"membre"}, "Nouri Mansour": {"membre"}}



@pytest.mark.parametrize("text,person,title", [
    # a title word written capitalised after a given name is a word of the name
    ("Moussa Cheikh Diallo, ministre de l'Intérieur, a remis un message.", "Moussa Cheikh Diallo",
     "ministre de l'Intérieur"),
    # the rules find the apposed name past two spaces after the comma
    ("Le ministre a reçu le chef du gouvernement,  Karim Gharbi, à Carthage.", "Karim Gharbi", "chef du gouvernement"),
])
def test_names_the_rules_find_without_the_model(text, person, title):
    from nerlibya.api import Extractor
    assert title in roles(Extractor(lang="fr", rules_only=True), text)[person]


@pytest.mark.parametrize("text,person,title", [
    ("Ali Bensaâd, géographe et professeur à l'Institut de géopolitique, estime que la ville reste divisée.",
     "Ali Bensaâd", "géographe"),
    ("Selon Karim Salem, maître de conférences à l'université de Sfax, la ville reste divisée.", "Karim Salem",
     "maître de conférences"),
    ("L'anthropologue Nadia Ferjani a longtemps étudié les tribus du Fezzan.", "Nadia Ferjani", "anthropologue"),
    ("Karim Salem, ingénieur pétrolier à la retraite, a été libéré.", "Karim Salem", "ingénieur pétrolier à la retraite"),
])
def test_scholars_and_writers_are_named_by_their_occupation(extractor, text, person, title):
    assert title in roles(extractor, text)[person]


@pytest.mark.parametrize("text,organisation", [
    ("Taher Salem, chargé des Affaires étrangères du GUN, a été reçu à Alger.", "Government of National Unity"),
    ("Le chargé des Affaires étrangères du GUN, Taher Salem, a été reçu à Alger.", "Government of National Unity"),
    ("Il a reçu le chargé des Affaires étrangères, Taher Salem.", None),
])
def test_a_charged_portfolio_after_an_article_and_the_body_it_is_held_in(extractor, text, organisation):
    assert roles_with_organisations(extractor, text)["Taher Salem"] == {("chargé des Affaires étrangères", organisation)}


@pytest.mark.parametrize("text", [
    "La NOC, dont le président est Omar Kadi, a démenti.",
    "Le texte vient de la NOC, dont le président, Omar Kadi, a démenti.",
])
def test_an_office_after_dont_is_the_body_s_before_it(extractor, text):
    assert ("président", "National Oil Corporation") in roles_with_organisations(extractor, text)["Omar Kadi"]


@pytest.mark.parametrize("text,person,title", [
    ("Le ministre a reçu Karim Belaid, un chef de milice, à Misrata.", "Karim Belaid", "chef de milice"),
    ("Le commandant de brigade Omar Fellah a démenti.", "Omar Fellah", "commandant de brigade"),
])
def test_a_unit_noun_without_an_article_after_de_is_part_of_the_office(extractor, text, person, title):
    """'chef de milice', 'commandant de brigade': a kind of unit, as in a rank, not one body."""
    assert title in roles(extractor, text)[person]


def test_a_unit_noun_with_its_article_is_the_body_not_the_office(extractor):
    found = roles(extractor, "Omar Fellah, chef de la milice de Zawiya, a démenti.")
    assert "chef" in found["Omar Fellah"] and "chef de la milice" not in found["Omar Fellah"]


@pytest.mark.parametrize("text,person,title,organisation", [
    ("Le Conseil national de transition, formé en mars, est présidé par Karim Sassi.", "Karim Sassi", "président",
     "National Transitional Council"),
    ("Le Haut Conseil d'État, qui siège à Tripoli, est dirigé par Karim Sassi.", "Karim Sassi", "chef",
     "High Council of State"),
])
def test_a_phrase_set_off_by_commas_between_a_body_and_its_clause_keeps_the_body(extractor, text, person, title,
                                                                                     organisation):
    assert (title, organisation) in roles_with_organisations(extractor, text)[person]


def test_a_phrase_set_off_by_commas_after_an_act_gives_no_office(extractor):
    found = roles(extractor, "Le scrutin, organisé lundi, est présidé par Claire Morel.")
    assert not found.get("Claire Morel")


def test_autre_between_the_article_and_an_apposed_title_describes_the_holder(extractor):
    """'X, l'autre Premier ministre': 'autre' says there are two, it is no part of the office."""
    found = roles(extractor, "Les forces de Karim Sassi, l'autre Premier ministre, ont reçu Omar Fellah, un autre "
                             "ministre, à Syrte.")
    assert (found["Karim Sassi"], found["Omar Fellah"]) == ({"Premier ministre"}, {"ministre"})


@pytest.mark.parametrize("text,person,title,organisation", [
    ("Le Conseil national de transition siège à Benghazi et est présidé par Karim Sassi.", "Karim Sassi",
     "président", "National Transitional Council"),
    ("Le Conseil national de transition siège à Benghazi. Il est dirigé par Karim Sassi.", "Karim Sassi", "chef",
     "National Transitional Council"),
    ("Le Conseil national de transition a été créé en mars. Depuis avril, il se réunit chaque semaine, et est "
     "présidé par Karim Sassi.", "Karim Sassi", "président", "National Transitional Council"),
])
def test_a_clause_after_a_conjunction_or_a_pronoun_follows_the_body_opening_the_sentence(extractor, text, person,
                                                                                           title, organisation):
    assert (title, organisation) in roles_with_organisations(extractor, text)[person]


@pytest.mark.parametrize("text,person", [
    ("La réunion a eu lieu lundi et est présidée par Claire Morel.", "Claire Morel"),
    ("Karim Sassi est arrivé à Tunis. Il est accompagné par Omar Fellah.", "Omar Fellah"),
])
def test_a_clause_whose_sentence_opens_with_no_body_gives_no_office(extractor, text, person):
    assert not roles(extractor, text).get(person)
