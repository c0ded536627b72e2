"""French articles: language detection, the French pipeline, and ids shared with English."""

import pytest

from nerlibya.text.language import detect_language


@pytest.mark.parametrize("text,lang", [
    ("Le maréchal Khalifa Haftar a reçu l'émissaire de l'ONU à Benghazi.", "fr"),
    ("Field Marshal Khalifa Haftar received the UN envoy in Benghazi.", "en"),
    ("Haftar à Paris", "fr"),
    ("Haftar in Paris", "en"),
    ("Tripoli : le GUN dénonce l'attaque", "fr"),
    ("Tripoli: the GNU condemns the attack", "en"),
    ("", "en"),
])
def test_language_detection_on_short_texts(text, lang):
    assert detect_language(text) == lang


pytestmark_model = pytest.mark.model


@pytest.mark.model
def test_french_titles_link_to_the_right_people(extractor):
    record = extractor.extract(
        "Le maréchal Khalifa Haftar a reçu jeudi à Benghazi le Premier ministre Abdelhamid Dbeibah. "
        "Jean-Yves Le Drian, ministre des Affaires étrangères, a salué la rencontre, tout comme "
        "l'émissaire de l'ONU Ghassan Salamé. Le président du Conseil présidentiel, Mohamed el-Menfi, "
        "était absent.", "fr.txt").to_dict()
    assert record["lang"] == "fr"
    roles = {p["id"]: {r["title"] for r in p["roles"]} for p in record["people"]}
    assert roles["khalifa-haftar"] == {"maréchal"}
    assert "Premier ministre" in roles["abdul-hamid-dbeibah"]
    assert "ministre des Affaires étrangères" in roles["jean-yves-le-drian"]
    assert "émissaire" in roles["ghassan-salame"]
    assert "président" in roles["mohamed-al-menfi"]
    assert {o["id"] for o in record["organisations"]} >= {"united-nations", "presidential-council"}


@pytest.mark.model
def test_french_qualifiers_and_feminine_forms(extractor):
    record = extractor.extract(
        "L'ancienne ministre des Affaires étrangères Najla el-Mangoush a quitté la Libye. "
        "La cheffe par intérim de la MANUL, Stephanie Koury, a convoqué les deux camps.").to_dict()
    people = {p["name"]: p for p in record["people"]}
    mangoush = next(p for name, p in people.items() if "Mangoush" in name)
    assert mangoush["roles"][0]["status"] == "former"
    koury = next(p for name, p in people.items() if "Koury" in name)
    assert koury["roles"][0]["title"] == "cheffe par intérim" and koury["roles"][0]["status"] == "interim"


@pytest.mark.model
def test_one_person_in_both_languages_has_one_id(extractor):
    english = extractor.extract("Field Marshal Khalifa Haftar met French President Emmanuel Macron in Paris.")
    french = extractor.extract("Le maréchal Khalifa Haftar a rencontré le président français Emmanuel Macron à Paris.")
    assert (english.lang, french.lang) == ("en", "fr")
    ids = lambda record: {p.id for p in record.people}
    assert ids(english) == ids(french) == {"khalifa-haftar", "emmanuel-macron"}
    assert {p.id for p in english.places} == {p.id for p in french.places} == {"paris"}


@pytest.mark.model
def test_acronym_written_as_a_word_joins_its_organisation(extractor):
    record = extractor.extract(
        "A Tripoli, la Mission d'appui des Nations unies en Libye (Manul) a salué l'accord. "
        "La Manul réunira les deux camps à Genève.").to_dict()
    unsmil = [e for e in record["entities"] if e["id"] == "unsmil"]
    assert [e["text"] for e in unsmil] == ["Mission d'appui des Nations unies en Libye", "Manul", "Manul"]
    assert {e["label"] for e in unsmil} == {"ORG"}
    assert "Manul" not in {p["name"] for p in record["places"]}


def _roles_by_name(record: dict) -> dict[str, set[str]]:
    return {p["name"]: {r["title"] for r in p["roles"]} for p in record["people"]}


@pytest.mark.model
@pytest.mark.parametrize("text,name,titles", [
    # two feminine titles, the first with a two-phrase complement, then the name in apposition
    ("La représentante spéciale du secrétaire général des Nations unies en Libye et cheffe de la MANUL, "
     "Claire Vasseur, a rencontré les élus.", "Claire Vasseur", {"représentante spéciale", "cheffe"}),
    # a title the model takes for a place at the start of a sentence
    ("Le Secrétaire général de l'ONU, Arnaud Lemaire, a parlé lundi.", "Arnaud Lemaire", {"Secrétaire général"}),
    # 'en tant que' and a chained title after it
    ("Le conseil a retenu la juriste Sophie Marchal en tant que conseillère spéciale et cheffe de la délégation.",
     "Sophie Marchal", {"juriste", "conseillère spéciale", "cheffe"}),
    # nationality between the office and its qualifier; 'nouveau' is a qualifier and stays, as 'new' does
    ("Le Premier ministre libyen désigné, Omar Belkacem, a présenté son équipe.", "Omar Belkacem",
     {"Premier ministre désigné"}),
    ("Le nouveau représentant spécial des Nations unies pour la Libye, Louis Garnier, arrive lundi.",
     "Louis Garnier", {"nouveau représentant spécial"}),
    # a nationality before the portfolio; a list of portfolios with commas
    ("Ils ont retenu l'ex-ministre algérien des Affaires étrangères Rachid Benali pour ce poste.", "Rachid Benali",
     {"ex-ministre des Affaires étrangères"}),
    ("Le ministre de l'Économie, des Finances et du Budget, Paul Renaud, a signé.", "Paul Renaud",
     {"ministre de l'Économie, des Finances et du Budget"}),
    ("Reçu par la ministre de la Coopération et des Communautés à l'étranger, Julie Morin, il a parlé.", "Julie Morin",
     {"ministre de la Coopération et des Communautés à l'étranger"}),
    ("Le ministre d'Etat, ministre de l'Industrie, des Marocains à l'étranger et des Mines, Karim Lahlou, a signé.",
     "Karim Lahlou", {"ministre d'Etat", "ministre de l'Industrie, des Marocains à l'étranger et des Mines"}),
    # complements and qualifiers that belong to the office
    ("Nadia Ferhat, Première ministre de la transition, a promis des élections.", "Nadia Ferhat",
     {"Première ministre de la transition"}),
    ("Les élus ont choisi Salem Bouzid comme président provisoire de l'assemblée.", "Salem Bouzid",
     {"président provisoire"}),
    # roles given by a verb or a structure
    ("C'est désormais Hakim Saadi qui occupe le poste de gouverneur par intérim de la banque.", "Hakim Saadi",
     {"gouverneur par intérim"}),
    ("Le colonel Yacine Amrani a été promu au poste de chef d'état-major de la marine.", "Yacine Amrani",
     {"chef d'état-major de la marine"}),
    # a complement with its place, or a qualifier after the complement, before the name
    ("La garde n'obéit pas au Premier ministre du gouvernement de Syrte, Walid Chergui, selon eux.", "Walid Chergui",
     {"Premier ministre"}),
    ("Ils attendaient le président du Parlement sortant Karim Belhadj à la réunion.", "Karim Belhadj", {"président"}),
    ("L'accord a été rejeté par le Parlement présidé par son vieux rival Mohamed Zitouni.", "Mohamed Zitouni",
     {"président"}),
    ("L'envoyé du secrétaire général de l'ONU pour la Libye et Chef de la MANUL, Ali Ben Salem a démissionné mardi.",
     "Ali Ben Salem", {"envoyé", "Chef"}),
    # 'désigné' before the office is the verb, after it the qualifier
    ("Selon ses proches, Samir Kaddour avait été désigné Premier ministre intérimaire en mars.", "Samir Kaddour",
     {"Premier ministre intérimaire"}),
    ("Le conseil a nommé Ali Ben Salem au poste du directeur général la semaine dernière.", "Ali Ben Salem",
     {"directeur général"}),
    # 'à la tête de' names the head of what follows, in apposition or after the subject and its auxiliaries
    ("Les émissaires ont vu Samir Haddad, à la tête de l'Armée nationale libyenne, puis les élus.", "Samir Haddad",
     {"chef"}),
    ("Karim Mansouri, qui est à la tête du Haut Conseil d'Etat depuis mars, a démenti.", "Karim Mansouri", {"chef"}),
    ("Selon ses proches, Walid Chergui est à la tête du Haut Conseil d'Etat.", "Walid Chergui", {"chef"}),
    # a prefix joined to an office makes an office ('vice-gouverneur'), chained after another title by 'et'
    ("Karim Ben Salah est un économiste et ancien vice-gouverneur de la banque centrale.", "Karim Ben Salah",
     {"économiste", "ancien vice-gouverneur"}),
    ("Le sous-préfet Hichem Lazrak a reçu les familles.", "Hichem Lazrak", {"sous-préfet"}),
    # ... and past a short description in apposition between the name and the clause
    ("Les émissaires ont vu Samir Haddad, le vieil allié de l'est à la tête de l'Armée nationale libyenne.",
     "Samir Haddad", {"chef"}),
    # an apposition that a clause breaker and an infinitive close ('X pour obtenir'), with no comma
    ("Il a manqué trois voix au chef du Parti de la justice, Nabil Ferchichi pour obtenir la présidence.",
     "Nabil Ferchichi", {"chef"}),
    # a short adverbial between two auxiliaries hides neither the subject nor its apposition
    ("L'avocat Karim Terbel, membre du conseil, a, de son côté, été nommé ministre de la Jeunesse.", "Karim Terbel",
     {"avocat", "membre", "ministre de la Jeunesse"}),
    # a body's name does not swallow the qualifier of the title after it
    ("Le Parti de l'ancien PM Hichem Lazrak a remporté le scrutin.", "Hichem Lazrak", {"ancien PM"}),
    # a credit line read with the name that opens the next line: that name keeps its role
    ("Nadia Saoud\nKarim Ben Salah est devenu président du Haut Conseil d'Etat lundi.", "Karim Ben Salah",
     {"président"}),
    # 'actuel' qualifies the office; 'ex-' written joined to 'Première'; a nationality after the office
    ("Aucun texte n'exclut l’actuel Premier ministre Karim Salhi ou le général Omar Zlitni.", "Karim Salhi",
     {"actuel Premier ministre"}),
    ("Ils ont cité l'ex-Première ministre danoise Birgit Holm, selon la presse.", "Birgit Holm",
     {"ex-Première ministre"}),
    # 'une instance dirigée par X' in apposition to a body makes X its head
    ("Les ministres sont nommés par le Conseil présidentiel, une instance dirigée par Karim Salhi, selon l'accord.",
     "Karim Salhi", {"chef"}),
    # 'onusienne' after a body noun belongs to the body's name, so the name after its place is the holder's
    ("Selon la presse, le chef de la Mission onusienne au Sahel, Ali Ben Salem, a démissionné.", "Ali Ben Salem",
     {"chef"}),
    # appointed to a portfolio, past a long apposition with its place
    ("Ainsi, Ali Ben Salem, un commandant de la ville de Zaouïa, a été nommé à la Défense, selon la radio.",
     "Ali Ben Salem", {"ministre de la Défense"}),
    # the ministry given to someone gives its holder's office
    ("Le ministère de la Culture a été confié à Samia Dridi, une enseignante de Zaouïa.", "Samia Dridi",
     {"ministre de la Culture"}),
    # lists of office holders, the name first and bulleted
    ("Voici le cabinet :\n- M. Karim Bennour Salhi: ministre du Commerce.\n- Mme Nadia Ferjani: ministre de la Culture.\n",
     "Nadia Ferjani", {"ministre de la Culture"}),
    ("Voici le cabinet :\n\n  • Ministre des Sports : Karim Abdel-Razzaq Taher Al-Salhi (remplace Ali Omar)\n"
     "  • Ministre du Commerce : Nadia Ferjani\n", "Karim Abdel-Razzaq Taher Al-Salhi", {"Ministre des Sports"}),
    # a nationality noun between the apposition's comma and the name ("le Libanais X")
    ("L'émissaire de l'ONU, le Tunisien Karim Ben Salah, a présenté son plan.", "Karim Ben Salah", {"émissaire"}),
    ("Depuis mars, la mission est dirigée par intérim par l'adjointe de Samir Haddad, l'Américaine Laura Benson, "
     "qui doit partir.", "Laura Benson", {"adjointe", "chef par intérim"}),
    # courtesy titles written in full, stacked before the name
    ("Son Excellence Monsieur Amadou Diallo, Président de la République, a reçu la délégation.", "Amadou Diallo",
     {"Président de la République"}),
    # complements the title's reading leaves out, before the comma of the apposition
    ("Le ministre des Affaires étrangères du gouvernement de l'Est, Salem Zidane, a dénoncé l'accord.",
     "Salem Zidane", {"ministre des Affaires étrangères"}),
    ("Le haut représentant de l'UE pour les affaires étrangères, Paul Renaud, a appelé au calme.", "Paul Renaud",
     {"haut représentant"}),
    ("Le commandant de la région militaire ouest, Omar Zlitni, a démenti.", "Omar Zlitni", {"commandant"}),
    ("Le nouveau chef du commandement américain pour l'Afrique (Africom), le général Paul Renaud, est arrivé.",
     "Paul Renaud", {"nouveau chef", "général"}),
    # a participle and a place preposition after the title, before the apposition
    ("Cela a été confirmé par le parlementaire libyen élu à Syrte, Salem Fadil.", "Salem Fadil", {"parlementaire"}),
    ("Le président du Parlement basé à Tobrouk, Karim Belhadj, a rejeté l'offre.", "Karim Belhadj", {"président"}),
    # offices the press writes with names
    ("Le leader libyen Karim Zlitni a été renversé.", "Karim Zlitni", {"leader"}),
    ("Nadia Ferhat, patronne de la diplomatie tunisienne, était à Alger.", "Nadia Ferhat", {"patronne de la diplomatie"}),
    ("L'ex-chef du gouvernement Karim Salhi vit à l'étranger.", "Karim Salhi", {"ex-chef du gouvernement"}),
    ("Le colonel-major Amadou Diallo a reçu la délégation.", "Amadou Diallo", {"colonel-major"}),
    # 'onusien' written after the title where a nationality would be
    ("L'émissaire onusien Karim Ben Salah a présenté son plan.", "Karim Ben Salah", {"émissaire"}),
    # an appointment verb before 'à la tête de'
    ("Samir Haddad a été nommé à la tête de la Compagnie nationale du pétrole.", "Samir Haddad", {"chef"}),
    # a title with no article in apposition to the one before it: both are the name's
    ("Le ministre d'État, ministre de l'Intérieur, Samir Haddad, a reçu la délégation.", "Samir Haddad",
     {"ministre d'État", "ministre de l'Intérieur"}),
    ("Le président de la Transition, chef de l'État, le colonel Amadou Diallo, a reçu la délégation.",
     "Amadou Diallo", {"président de la Transition", "chef de l'État", "colonel"}),
    # a participle that opens the sentence describes the subject after its clause
    ("Nommé Premier ministre en mars, Samir Haddad n'a jamais pu entrer à Tripoli.", "Samir Haddad",
     {"Premier ministre"}),
    # an adverb between the apposition's comma and the title; the name alone in brackets after the title
    ("Samir Haddad, jusqu'ici ministre de la Défense, a été limogé.", "Samir Haddad", {"ministre de la Défense"}),
    ("Samir Haddad, lui-même ancien ministre de la Défense, a été reçu.", "Samir Haddad",
     {"ancien ministre de la Défense"}),
    ("Le ministre de la Défense (Samir Haddad) a été reçu à Rome.", "Samir Haddad", {"ministre de la Défense"}),
    # an acronym in brackets, or an adjective the reading left out, after the complement
    ("Le chef d'état-major de l'Armée nationale populaire (ANP), le général d'armée Amadou Diallo, a reçu Haftar.",
     "Amadou Diallo", {"chef d'état-major", "général d'armée"}),
    ("L'envoyé personnel du secrétaire général pour le Sahara occidental, Paul Renaud, est arrivé.", "Paul Renaud",
     {"envoyé personnel"}),
    ("Le conseil est dirigé par l'homme d'affaires originaire de Misrata, Samir Haddad, depuis mars.", "Samir Haddad",
     {"homme d'affaires"}),
    # 'État' written without its accent; 'a été' as a copula
    ("Le Chef de l'Etat, Amadou Diallo, a reçu la délégation.", "Amadou Diallo", {"Chef de l'Etat"}),
    ("Samir Haddad, qui a été ministre de la Défense, a démenti.", "Samir Haddad", {"ministre de la Défense"}),
    # a portfolio given with no office written
    ("Les Affaires étrangères ont été confiées à Samir Haddad, un diplomate.", "Samir Haddad",
     {"ministre des Affaires étrangères", "diplomate"}),
    ("Selon la liste, l'Intérieur a été confié à Omar Zlitni.", "Omar Zlitni", {"ministre de l'Intérieur"}),
    # the name right after a minister's portfolio, which the model reads with it
    ("La ministre de la Justice Halima Ibrahim a annoncé une enquête.", "Halima Ibrahim", {"ministre de la Justice"}),
    ("La nouvelle ministre de la Culture Nadia Ferhat a démenti.", "Nadia Ferhat",
     {"nouvelle ministre de la Culture"}),
    # the portfolio's capitalised second word, which the model reads as the name's first
    ("Le ministre des Affaires Etrangères Samir Haddad a démenti.", "Samir Haddad",
     {"ministre des Affaires Etrangères"}),
    # a short aside between the title's comma and the name's
    ("Le chef de la mission de l'ONU en Libye, la Manul, Paul Renaud, a démissionné.", "Paul Renaud", {"chef"}),
    # a movement or community written after the office is part of it
    ("Le chef islamiste Karim Jalloul a été libéré.", "Karim Jalloul", {"chef islamiste"}),
    ("Le commandant rebelle Yahya Darwish a démenti.", "Yahya Darwish", {"commandant rebelle"}),
    # a title after an apposition that names the person's relative
    ("Karim Jalloul, fils du général Omar Jalloul et chef de la garde côtière, est arrivé.", "Karim Jalloul",
     {"chef"}),
    # a phrase of time between the apposition's comma and the title
    ("Omar Ali, à l'époque ministre de l'Intérieur, a démenti.", "Omar Ali", {"ministre de l'Intérieur"}),
    ("Omar Ali, jusqu'en 2011 ministre de l'Intérieur, a démenti.", "Omar Ali", {"ministre de l'Intérieur"}),
    ("Omar Ali, qui était à l'époque ministre de l'Intérieur, a démenti.", "Omar Ali", {"ministre de l'Intérieur"}),
])
def test_french_titles_as_news_writes_them(extractor, text, name, titles):
    roles = _roles_by_name(extractor.extract(text).to_dict())
    assert titles <= roles[name], roles


@pytest.mark.model
@pytest.mark.parametrize("text,holder,other", [
    ("Nadia Ferhat, ministre des Affaires étrangères du gouvernement de Karim Salhi, était à Rome.", "Nadia Ferhat",
     "Karim Salhi"),
    ("Nadia Ferhat, ministre du Pétrole du gouvernement dirigé par Karim Salhi, était à Rome.", "Nadia Ferhat",
     "Karim Salhi"),
])
def test_a_name_in_the_complement_is_not_the_titles_holder(extractor, text, holder, other):
    """The name after 'du gouvernement de' or 'dirigé par' names the government's head, not the minister."""
    roles = _roles_by_name(extractor.extract(text).to_dict())
    assert {t for t in roles[holder] if t.startswith("ministre")} and not any(
        t.startswith("ministre") for t in roles.get(other, set())), roles


@pytest.mark.model
def test_french_epithets_are_not_roles(extractor):
    roles = _roles_by_name(extractor.extract(
        "L'homme fort de l'Est, Khalifa Haftar, a reçu le dictateur déchu.").to_dict())
    assert roles.get("Khalifa Haftar", set()) == set()


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Le ministre de l'Intérieur tunisien Taoufik Charfeddine a reçu la délégation.",
    "Le ministre de l'Intérieur tunisien, Taoufik Charfeddine, a reçu la délégation.",
])
def test_a_name_taken_for_a_place_after_an_office_and_its_nationality_is_a_person(extractor, text):
    assert "ministre de l'Intérieur" in _roles_by_name(extractor.extract(text).to_dict())["Taoufik Charfeddine"]


@pytest.mark.model
def test_titles_listed_with_their_articles_are_not_chained(extractor):
    """'Le président du Parlement, le chef du gouvernement, X': each title has its article, a list of offices, and
    only the last is X's."""
    roles = _roles_by_name(extractor.extract(
        "Le président du Parlement, le chef du gouvernement, Samir Haddad, et les chefs militaires se sont réunis."
    ).to_dict())
    assert "président" not in roles.get("Samir Haddad", set())


@pytest.mark.model
def test_a_country_after_a_portfolio_is_whose_office_it_is(extractor):
    record = extractor.extract("L'ancienne ministre des Affaires étrangères du Ghana, Marie Mensah, a parlé.").to_dict()
    role = next(p for p in record["people"] if p["name"] == "Marie Mensah")["roles"][0]
    assert (role["title"], role["organisation"]) == ("ancienne ministre des Affaires étrangères", "Ghana")


@pytest.mark.model
def test_a_roles_organisation_is_the_record_its_nationality_was_trimmed_from(extractor):
    record = extractor.extract("Le ministre s'est entretenu avec le président du Conseil présidentiel libyen, "
                               "Mohamed el-Menfi.").to_dict()
    role = next(p for p in record["people"] if p["id"] == "mohamed-al-menfi")["roles"][0]
    assert (role["organisation"], role["organisation_id"]) == ("Presidential Council", "presidential-council")


@pytest.mark.model
def test_a_one_word_name_after_a_french_article_is_no_person(extractor):
    record = extractor.extract("Pendant le Ramadan, le Croissant-Rouge a distribué des colis. La famille des "
                               "Kadhafi vit en exil, et Saïf al-Islam Kadhafi est candidat.").to_dict()
    assert [p["name"] for p in record["people"]] == ["Saif al-Islam Gaddafi"]


@pytest.mark.model
def test_the_name_after_a_nested_title_is_that_titles_person(extractor):
    """'L'envoyé spécial du secrétaire général de l'ONU X': X is the secretary-general; the envoy is unnamed."""
    roles = _roles_by_name(extractor.extract(
        "L'envoyé spécial du secrétaire général de l'ONU Antonio Guterres devrait arriver lundi.").to_dict())
    assert roles == {"António Guterres": {"secrétaire général"}}


@pytest.mark.model
def test_a_name_taken_for_a_place_before_an_office_in_apposition_is_a_person(extractor):
    record = extractor.extract(
        "Alors que la tension monte, Seddiq el-Kebir, gouverneur de la Banque centrale, dit avoir fui.").to_dict()
    assert not record["places"]
    kebir = next(p for p in record["people"] if "Kebir" in " ".join(p["forms"]))
    assert [r["title"] for r in kebir["roles"]] == ["gouverneur"]


@pytest.mark.model
def test_a_name_with_an_arabic_article_right_after_a_title_is_a_person(extractor):
    record = extractor.extract("Selon le député Soleiman al-Faqih, la séance a été levée.").to_dict()
    assert not record["organisations"]
    assert [(p["name"], [r["title"] for r in p["roles"]]) for p in record["people"]] == [("Soleiman al-Faqih", ["député"])]


@pytest.mark.model
def test_a_clause_breaker_before_no_infinitive_leaves_the_apposition_open(extractor):
    """'le ministre, X pour le gouvernement': 'pour' opens no verb, so nothing says the apposition closed."""
    roles = _roles_by_name(extractor.extract("Il a parlé avec le ministre, Nabil Ferchichi pour le gouvernement.").to_dict())
    assert roles == {"Nabil Ferchichi": set()}


@pytest.mark.model
@pytest.mark.parametrize("text,expected", [
    # 'celui du X' repeats the office named before, for body X; the name before it keeps only its own title
    ("Le président du Parlement, Karim Salah, celui du Haut Conseil d'Etat, Hichem Lazrak, et le maréchal Nabil "
     "Ferchichi se sont vus.", {"Karim Salah": {"président"}, "Hichem Lazrak": {"président"},
                                 "Nabil Ferchichi": {"maréchal"}}),
    # ... also past a short aside between the body and the name
    ("La présidente du Parlement, Nadia Saoud, et celle du Haut Conseil d'Etat, basé à Tripoli, Leila Mansour, "
     "ont signé.", {"Nadia Saoud": {"présidente"}, "Leila Mansour": {"présidente"}}),
    # with no office before it in the sentence, the pronoun repeats nothing
    ("Il préfère ce plan à celui du Parlement, selon Karim Salah.", {"Karim Salah": set()}),
])
def test_a_title_pronoun_repeats_the_office_before_it(extractor, text, expected):
    assert _roles_by_name(extractor.extract(text).to_dict()) == expected


@pytest.mark.model
def test_a_member_of_a_family_holds_no_office(extractor):
    roles = _roles_by_name(extractor.extract(
        "La Culture revient à Karim Salhi, un membre d'une vieille famille de Zaouïa, selon la presse.").to_dict())
    assert "membre" not in roles.get("Karim Salhi", set()), roles


@pytest.mark.model
def test_a_title_given_twice_with_and_without_its_country_is_one_role(extractor):
    record = extractor.extract("Le Premier ministre Karim Salhi est arrivé lundi à Sebha. Plus tard, le Premier "
                               "ministre libyen Karim Salhi a rencontré les notables de la ville.").to_dict()
    (person,) = [p for p in record["people"] if p["name"] == "Karim Salhi"]
    assert [(r["title"], r["organisation"]) for r in person["roles"]] == [("Premier ministre", "Libya")], person["roles"]


@pytest.mark.model
def test_an_accented_nationality_noun_before_a_name_is_not_part_of_it(extractor):
    record = extractor.extract("Le conseil a écarté l’Algérien Nadir Bouchama ou encore la Tunisienne Samia Dridi.")
    assert "Nadir Bouchama" in {p["name"] for p in record.to_dict()["people"]}


@pytest.fixture(scope="module")
def rules_extractor():
    from nerlibya.api import Extractor

    return Extractor(lang="fr", rules_only=True)


@pytest.mark.parametrize("text,name,title", [
    ("Le ministre des Affaires étrangères, Samir Haddad, a reçu son homologue.", "Samir Haddad",
     "ministre des Affaires étrangères"),
    ("Le président du Sénat, M. Amadou Diallo, a reçu la délégation.", "Amadou Diallo", "président"),
])
def test_without_the_model_the_name_in_apposition_after_a_title_is_found(rules_extractor, text, name, title):
    """Capitalised words closed by a comma after the comma that closes a title's phrase are its holder's name."""
    assert title in _roles_by_name(rules_extractor.extract(text).to_dict())[name]


@pytest.mark.parametrize("text,name,title", [
    ("Le président tunisien Amadou Diallo a reçu son homologue.", "Amadou Diallo", "président"),
    ("Le président sortant Amadou Diallo a été renversé.", "Amadou Diallo", "président sortant"),
    # a past participle that says the office is lost ('démis', 'limogé', 'déchu') qualifies it like 'sortant'
    ("Il a reçu le membre démis du Parlement, Amadou Diallo, mardi.", "Amadou Diallo", "membre démis"),
    ("Il a reçu le gouverneur limogé de la Banque centrale, Amadou Diallo, mardi.", "Amadou Diallo",
     "gouverneur limogé"),
])
def test_without_the_model_the_name_after_a_nationality_or_qualifier_is_found(rules_extractor, text, name, title):
    """The capitalised words right after a title's phrase ending with a lower-case word are its holder's name."""
    assert title in _roles_by_name(rules_extractor.extract(text).to_dict())[name]


@pytest.mark.parametrize("text,name,title", [
    ("« Nous refusons », a déclaré Karim Mansouri, porte-parole du ministère de l'Intérieur.", "Karim Mansouri",
     "porte-parole"),
    ("Selon Jalel Haddad, chercheur au Clingendael, la guerre va reprendre.", "Jalel Haddad", "chercheur"),
])
def test_without_the_model_the_name_before_a_bare_title_in_apposition_is_found(rules_extractor, text, name, title):
    """Capitalised words after a verb or 'Selon', before a comma and an office written with no article."""
    assert title in _roles_by_name(rules_extractor.extract(text).to_dict())[name]


@pytest.mark.model
@pytest.mark.parametrize("text,name,titles", [
    # an 'as' phrase set off by commas after each name of a list
    ("Le Forum a choisi Karim Belaïd, comme chef du gouvernement, et Samia Ferjani, comme vice-présidente.",
     "Karim Belaïd", {"chef du gouvernement"}),
    ("Le Forum a choisi Karim Belaïd, comme chef du gouvernement, et Samia Ferjani, comme vice-présidente.",
     "Samia Ferjani", {"vice-présidente"}),
    # a clause after a body and its nationality
    ("Le gouvernement tunisien dirigé par Karim Belaïd a adopté le budget.", "Karim Belaïd", {"chef"}),
    # a list of portfolios whose last one holds a body's noun
    ("Le général Issa Kanta, ministre de l'Intérieur, de la Sécurité publique et de l'Administration du "
     "territoire, a reçu la délégation.", "Issa Kanta",
     {"ministre de l'Intérieur, de la Sécurité publique et de l'Administration du territoire"}),
    # a portfolio that ends with a lower-case adjective, the name right after it
    ("Le ministre de la Défense nationale Salifou Kanta est arrivé à Niamey.", "Salifou Kanta",
     {"ministre de la Défense nationale"}),
])
def test_french_titles_of_unseen_outlets(extractor, text, name, titles):
    roles = _roles_by_name(extractor.extract(text).to_dict())
    assert titles <= roles[name], roles


@pytest.mark.model
def test_a_title_after_a_coordinated_clause_is_not_the_names_before_it(extractor):
    """'X, et regroupant trois ministres, le gouverneur de la Y': the governor is somebody else."""
    roles = _roles_by_name(extractor.extract(
        "La délégation conduite par le Premier ministre, Karim Belaïd, et regroupant trois ministres, le gouverneur "
        "de la Banque centrale et des patrons, est arrivée.").to_dict())
    assert "gouverneur" not in roles["Karim Belaïd"], roles


@pytest.mark.model
def test_the_kbs_rank_names_which_bearer_of_a_family_surname(extractor):
    """'le maréchal Haftar' is Khalifa Haftar, not the son the article names in full."""
    record = extractor.extract("Saddam Haftar, le fils du maréchal, était à Niamey. Le maréchal Haftar est resté à "
                               "Benghazi.").to_dict()
    forms = {p["name"]: set(p["forms"]) for p in record["people"]}
    assert forms.get("Saddam Haftar") == {"Saddam Haftar"} and "Haftar" in forms.get("Khalifa Haftar", set()), forms


@pytest.mark.model
def test_capitalised_common_nouns_are_no_places(extractor):
    record = extractor.extract("La commission du Dialogue politique a rencontré ces différents Etats avant la "
                               "réunion du Comité préparatoire à Tunis.").to_dict()
    places = {p["name"] for p in record["places"]}
    assert not places & {"Dialogue", "Etats", "Comité"} and "Tunis" in places, places


@pytest.mark.model
def test_an_office_written_as_a_verb_before_que_is_no_role(extractor):
    roles = _roles_by_name(extractor.extract("Karim Jalloul, chercheur à Tunis, juge que la crise durera.").to_dict())
    assert roles["Karim Jalloul"] == {"chercheur"}


@pytest.mark.model
def test_a_role_names_the_whole_body_found_after_its_title(extractor):
    """'le directeur de l'Autorité de lutte contre ...': the body named in full after the title was read is the
    role's organisation, not its first word."""
    record = extractor.extract("La délégation comprenait le directeur de l'Autorité de lutte contre la contrebande "
                               "des carburants, Karim Benali, et son adjoint.").to_dict()
    [role] = [r for p in record["people"] if p["name"] == "Karim Benali" for r in p["roles"]]
    assert role["organisation"] in {org["name"] for org in record["organisations"]}
    assert role["organisation"].startswith("Autorité de lutte")


@pytest.mark.parametrize("text", [
    "Le général Abdelsalam al-Hassi a démenti toute implication.",
    "Mohamed al-Hassi, un commerçant de Sebha, a été arrêté.",
])
def test_a_kb_surname_after_another_given_name_and_its_article_is_not_the_kb_person(rules_extractor, text):
    """'Abdelsalam al-Hassi' is not the KB's Omar al-Hassi: the surname, written with its article after another
    given name, is part of someone else's name (never merge two people)."""
    assert "Omar al-Hassi" not in {p["name"] for p in rules_extractor.extract(text).to_dict()["people"]}


def test_the_kb_person_named_whole_or_by_surname_after_a_title_is_still_found(rules_extractor):
    record = rules_extractor.extract("Le Premier ministre al-Hassi a démenti. Omar al-Hassi est rentré.").to_dict()
    assert "Omar al-Hassi" in {p["name"] for p in record["people"]}


@pytest.mark.parametrize("text", [
    "L'ex-ministre de la Planification du gouvernement de Fayez al-Sarraj, Taher Jehimi, juge le fonds opaque.",
    "The former planning minister in the government of Fayez al-Sarraj, Taher Jehimi, said the fund was opaque.",
])
@pytest.mark.model
def test_a_person_owning_the_complements_noun_is_passed_over_to_the_apposition(extractor, text):
    """'du gouvernement de Fayez al-Sarraj, Taher Jehimi': the government is Sarraj's; the minister is Jehimi."""
    roles = _roles_by_name(extractor.extract(text).to_dict())
    assert roles["Fayez al-Sarraj"] == set()
    assert {"ex-ministre de la Planification", "former planning minister"} & roles["Taher Jehimi"]


@pytest.mark.model
def test_a_name_with_an_arabic_article_taken_for_a_body_after_an_office_is_its_holder(extractor):
    """fr_core_news_sm tags 'Abdelmoneim al-Arabi' as an organisation in apposition after the spokesman."""
    record = extractor.extract("« Tout est calme », a assuré le porte-parole du ministère de l'Intérieur, "
                               "Abdelmoneim al-Arabi. La Mission d'appui de l'ONU a appelé au calme.").to_dict()
    assert _roles_by_name(record)["Abdelmoneim al-Arabi"] == {"porte-parole"}
    assert "unsmil" in {o["id"] for o in record["organisations"]}


def test_a_name_after_a_title_and_the_place_its_holder_is_posted_to_is_found_without_the_model(rules_extractor):
    record = rules_extractor.extract("La réunion a eu lieu en présence de l'ambassadeur de Tunisie à Tripoli, "
                                     "Lassaad Ajili, et du consul.").to_dict()
    assert _roles_by_name(record)["Lassaad Ajili"] == {"ambassadeur"}


def test_a_resident_representative_of_a_un_body(rules_extractor):
    record = rules_extractor.extract("Le PNUD a salué l'annonce. Le représentant résident du Programme des Nations "
                                     "unies pour le développement, Marc Durand, a parlé.").to_dict()
    assert {o["id"] for o in record["organisations"]} == {"undp"}
    assert _roles_by_name(record)["Marc Durand"] == {"représentant résident"}
