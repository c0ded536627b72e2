"""Offices given by naming the ministry ('le ministère de X est confié à Y'), read as pure functions: hand-made
tokens, no pipeline."""

from dataclasses import replace

import pytest

from nerlibya.core.assignments import AssignmentWords, assigned_offices, charged_portfolios, portfolios_given

from .tokens import Tok

WORDS = AssignmentWords(ministries={"ministère": "ministre", "portefeuille": "ministre"}, verbs=frozenset({"confié", "revenu"}),
                        prepositions=frozenset({"à"}), of_words=frozenset({"de", "du", "des"}),
                        auxiliaries=frozenset({"a", "été", "est"}), adverb_endings=("ment",),
                        determiners=frozenset({"un", "une"}), taking_verbs=frozenset({"confier", "hérite"}),
                        before_taking=frozenset({"se", "voit", "qui", "le", "du"}))


def toks(text: str) -> list[Tok]:
    return [Tok(word) for word in text.split()]


def test_the_ministry_given_to_a_name_is_that_persons_office():
    doc = toks("Le ministère de la Culture est confié à Samia Dridi .")
    (title,) = assigned_offices(doc, WORDS)
    assert (title.title, title.start, title.end, title.holder) == ("ministre de la Culture", 1, 5, (8, 9))


def test_an_adjective_after_the_ministry_an_adverb_and_a_description_before_the_name_are_skipped():
    doc = toks("Le ministère clé du Commerce a finalement été confié à un banquier de Zaouïa , Omar Kadi .")
    (title,) = assigned_offices(doc, WORDS)
    assert (title.title, title.holder) == ("ministre du Commerce", (15, 16))


def test_a_ministry_that_acts_or_a_lower_case_complement_gives_no_office():
    assert assigned_offices(toks("Le ministère de la Culture a annoncé à Tunis la fermeture ."), WORDS) == []
    assert assigned_offices(toks("Le ministère de la ville est revenu à Samia Dridi ."), WORDS) == []


def _person(doc: list[Tok], *positions: int) -> list[Tok]:
    return [Tok(t.text, ent_type_="PERSON") if i in positions else t for i, t in enumerate(doc)]


def test_the_person_before_a_taking_verb_takes_the_portfolio_past_an_apposition():
    doc = _person(toks("Samia Dridi , ancienne élue de la ville , se voit confier le portefeuille clé du Commerce ."),
                  0, 1)
    (title,) = assigned_offices(doc, WORDS)
    assert (title.title, title.holder) == ("ministre du Commerce", (1, 2))
    doc = _person(toks("Omar Kadi hérite du portefeuille de la Culture ."), 0, 1)
    assert [(t.title, t.holder) for t in assigned_offices(doc, WORDS)] == [("ministre de la Culture", (1, 2))]


def test_a_portfolio_nobody_takes_gives_no_office():
    doc = _person(toks("Le portefeuille de la Culture reste vacant , a dit Omar Kadi ."), 10, 11)
    assert assigned_offices(doc, WORDS) == []


def test_an_appointment_to_a_portfolio_is_to_its_ministers_office():
    from dataclasses import replace

    from nerlibya.core.assignments import portfolio_appointments

    words = replace(WORDS, portfolio_verbs=frozenset({"nommée"}), portfolio_prepositions={"aux": "des", "au": "du", "à": "de"},
                    bodies=frozenset({"conseil"}), calendar_words=frozenset({"mardi"}),
                    determiners=frozenset({"la", "un"}))
    (title,) = portfolio_appointments(toks("Samia Dridi a été nommée aux Affaires sociales mardi ."), words)
    assert (title.title, title.start, title.end) == ("ministre des Affaires sociales", 5, 8)
    assert portfolio_appointments(toks("Elle a été nommée au Conseil présidentiel ."), words) == []
    assert portfolio_appointments(toks("Elle a été nommée à la tête du parti ."), words) == []


def test_a_portfolio_given_with_no_office_written_is_its_holders_ministry():
    """'Les Affaires étrangères ont été confiées à X', 'La Défense revient à Y': the article becomes the complement."""
    words = replace(WORDS, verbs=frozenset({"confiées", "revient", "confié"}), auxiliaries=frozenset({"ont", "été", "a"}),
                    portfolio_articles={"les": "des", "la": "de la", "l'": "de l'"})
    (given,) = portfolios_given(toks("Les Affaires étrangères ont été confiées à Samir Haddad ."), words)
    assert (given.title, given.holder) == ("ministre des Affaires étrangères", (7, 8))
    (given,) = portfolios_given(toks("La Défense revient à Ali Salem ."), words)
    assert (given.title, given.holder) == ("ministre de la Défense", (4, 5))
    (given,) = portfolios_given(toks("L' Intérieur a été confié à Omar Zlitni ."), words)
    assert given.title == "ministre de l'Intérieur"
    # a ministry's own portfolio is `assigned_offices`'; a lower-case noun is no portfolio
    assert portfolios_given(toks("Le ministère de la Défense a été confié à Ali Salem ."), words) == []
    assert portfolios_given(toks("La mission a été confiée à Ali Salem ."), words) == []
    # a person's name after an article is no portfolio ('Le Pen a confié à X que ...')
    assert portfolios_given(_person(toks("Le Pen a confié à Samir Haddad ."), 1), words) == []


def test_a_cabinet_listed_without_verbs_gives_each_person_the_portfolio_written_after_the_name():
    """'le gouvernement compte deux femmes : X aux Affaires sociales et Y à la Santé'."""
    from nerlibya.core.assignments import portfolios_listed

    words = replace(WORDS, portfolio_prepositions={"aux": "des", "au": "du", "à": "de"},
                    determiners=frozenset({"la", "un"}), cabinet_words=frozenset({"gouvernement", "ministres"}),
                    cabinet_portfolios=frozenset({"affaires", "santé"}), list_ends=frozenset({"et", ",", "."}))
    doc = _person(toks("Le gouvernement compte deux femmes : Samia Dridi aux Affaires sociales , Leila Kadi à la Santé ."),
                  6, 7, 12, 13)
    assert [(t.title, t.holder) for t in portfolios_listed(doc, words)] == [
        ("ministre des Affaires sociales", (7, 8)), ("ministre de la Santé", (13, 14))]


def test_one_person_at_a_place_or_a_list_with_no_cabinet_word_lists_no_portfolio():
    from nerlibya.core.assignments import portfolios_listed

    words = replace(WORDS, portfolio_prepositions={"aux": "des", "au": "du", "à": "de"},
                    determiners=frozenset({"la", "un"}), cabinet_words=frozenset({"gouvernement", "ministre"}),
                    cabinet_portfolios=frozenset({"défense", "santé", "justice"}), list_ends=frozenset({"et", ",", "."}))
    # one entry: a visit, not a list
    assert portfolios_listed(_person(toks("Le ministre a reçu Omar Kadi à la Défense ."), 4, 5), words) == []
    # no cabinet word before the names
    doc = _person(toks("On a vu Samia Dridi à la Santé , Leila Kadi à la Justice ."), 3, 4, 9, 10)
    assert portfolios_listed(doc, words) == []
    # no portfolio word: places
    doc = _person(toks("Le ministre a vu Samia Dridi à la Kasbah , Leila Kadi à la Marsa ."), 4, 5, 10, 11)
    assert portfolios_listed(doc, words) == []
    # a portfolio that does not close its entry ('à la Conférence de Berlin')
    doc = _person(toks("Le gouvernement envoie Omar Kadi à la Conférence de Berlin , Leila Kadi au Caire ."), 3, 4, 11, 12)
    assert portfolios_listed(doc, words) == []


def test_a_post_given_to_someone_is_theirs():
    """'le poste de ministre des Finances a été confié à X', "la fonction d'émissaire est occupée par l'Américaine Y"."""
    from nerlibya.core.assignments import post_holders
    from nerlibya.core.types import Title

    words = replace(WORDS, post_nouns=frozenset({"poste", "fonction"}), post_verbs=frozenset({"occupée"}),
                    agent_prepositions=frozenset({"par"}), determiners=frozenset({"un", "l'"}),
                    of_words=WORDS.of_words | {"d'"})
    doc = _person(toks("Le poste de ministre des Finances a été confié à un économiste de Misrata , Omar Kadi ."), 15, 16)
    title = Title(start=3, end=6, phrase_start=3, phrase_end=6, title="ministre des Finances", head="ministre", category="office")
    assert post_holders(doc, [title], words)[0].holder == (15, 16)
    doc = _person(toks("La fonction d' émissaire est occupée par l' Américaine Samia Dridi ."), 9, 10)
    title = Title(start=3, end=4, phrase_start=3, phrase_end=4, title="émissaire", head="émissaire", category="office")
    assert post_holders(doc, [title], words)[0].holder == (9, 10)


def test_a_post_nobody_is_given_or_a_title_with_no_post_noun_keeps_no_holder():
    from nerlibya.core.assignments import post_holders
    from nerlibya.core.types import Title

    words = replace(WORDS, post_nouns=frozenset({"poste"}), post_verbs=frozenset({"occupée"}),
                    agent_prepositions=frozenset({"par"}))
    title = Title(start=3, end=4, phrase_start=3, phrase_end=4, title="gouverneur", head="gouverneur", category="office")
    # a verb that gives nothing
    doc = _person(toks("Le poste de gouverneur a été critiqué par Omar Kadi ."), 8, 9)
    assert post_holders(doc, [title], words)[0].holder is None
    # no post noun before the title: the minister himself confides something
    doc = _person(toks("Le ministre de gouverneur a confié à Omar Kadi ."), 7, 8)
    assert post_holders(doc, [title], words)[0].holder is None
    # what follows 'à' is no person
    doc = toks("Le poste de gouverneur a été confié à la commission .")
    assert post_holders(doc, [title], words)[0].holder is None


def test_a_day_between_the_appointment_and_the_portfolio_is_skipped():
    from nerlibya.core.assignments import portfolio_appointments

    words = replace(WORDS, portfolio_verbs=frozenset({"nommé"}), portfolio_prepositions={"à": "de"},
                    calendar_words=frozenset({"mardi"}), determiners=frozenset({"la"}))
    (title,) = portfolio_appointments(toks("Omar Kadi a été nommé mardi à la Défense ."), words)
    assert (title.title, title.start, title.end) == ("ministre de la Défense", 6, 9)


@pytest.mark.parametrize("text,person,start", [
    ("Samia Dridi occupe le poste de gouverneur .", (0, 1), 6),
    ("Samia Dridi , qui a occupé la fonction de gouverneur , a parlé .", (0, 1), 9),
])
def test_the_subject_of_a_verb_that_holds_a_post_holds_it(text, person, start):
    """'X occupe le poste de gouverneur', 'X, qui a occupé la fonction de': the holder is written before the verb (its
    last token is given)."""
    from nerlibya.core.assignments import post_holders
    from nerlibya.core.types import Title

    words = replace(WORDS, post_nouns=frozenset({"poste", "fonction"}), holding_verbs=frozenset({"occupe", "occupé"}),
                    determiners=frozenset({"le", "la"}), auxiliaries=WORDS.auxiliaries | {"qui"})
    title = Title(start=start, end=start + 1, phrase_start=start, phrase_end=start + 1, title="gouverneur",
                  head="gouverneur", category="office")
    assert post_holders(_person(toks(text), *person), [title], words)[0].holder == (1, 2)


def test_a_post_sought_or_the_object_of_another_verb_has_no_holder_before_it():
    from nerlibya.core.assignments import post_holders
    from nerlibya.core.types import Title

    words = replace(WORDS, post_nouns=frozenset({"poste"}), holding_verbs=frozenset({"occupe"}),
                    determiners=frozenset({"le"}))
    title = Title(start=6, end=7, phrase_start=6, phrase_end=7, title="gouverneur", head="gouverneur", category="office")
    assert post_holders(_person(toks("Samia Dridi brigue le poste de gouverneur ."), 0, 1), [title], words)[0].holder is None


CHARGED = replace(WORDS, determiners=frozenset({"la", "l'", "les"}), charge_offices=frozenset({"chargé", "chargée"}),
                  cabinet_portfolios=frozenset({"affaires", "santé"}), qualifiers={"par intérim": "interim"})


@pytest.mark.parametrize("text,expected", [
    ("Omar Kadi , chargé des Affaires étrangères par intérim , a reçu .",
     [("chargé des Affaires étrangères par intérim", "interim")]),
    ("Samia Dridi , chargée de la Santé , est arrivée .", [("chargée de la Santé", None)]),
    # a task, not a portfolio; an office before the participle reads it with its portfolio
    ("Omar Kadi , chargé de l' enquête , a parlé .", []),
    ("Le ministre d'État , chargé des Affaires étrangères , a parlé .", []),
])
def test_a_participle_after_a_name_before_a_cabinet_portfolio_is_an_office(text, expected):
    """'X, chargé des Affaires étrangères par intérim': an office of its own, no 'ministre' before it."""
    doc = _person(toks(text), 0, 1)
    assert [(t.title, t.status) for t in charged_portfolios(doc, CHARGED)] == expected
