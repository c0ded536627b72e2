"""Bodies named by a head noun, found whole on plain tokens (no statistical model)."""

from dataclasses import replace

import pytest
import spacy
from spacy.tokens import Span

from nerlibya.components.bodies import BodyWords, find_bodies, find_outlets

ENGLISH = BodyWords(bodies=frozenset({"committee", "council", "force", "brigade", "fund", "ministry", "department",
                                      "service"}),
                    complement_words=frozenset({"of", "for"}), of_words=frozenset({"of"}), determiners=frozenset({"the", "a", "an"}),
                    stop_words=frozenset({"minister", "general", "spokesman", "commander"}),
                    portfolio_titles=frozenset({"minister"}), demonyms=frozenset({"misratan"}),
                    adjective_endings=(), infinitive_endings=(), list_joiners=frozenset({"and", "&"}),
                    head_first=False)
FRENCH = BodyWords(bodies=frozenset({"bureau", "chambre", "force", "département", "compagnie", "commission", "parlement"}),
                   complement_words=frozenset({"de", "du", "des", "d'", "contre", "pour"}),
                   of_words=frozenset({"de", "du", "des", "d'"}),
                   determiners=frozenset({"le", "la", "les", "l'"}), stop_words=frozenset({"procureur", "ministre"}), portfolio_titles=frozenset({"ministre"}),
                   demonyms=frozenset({"libyen", "libyenne"}), adjective_endings=("al", "ale", "aire", "ique"),
                   infinitive_endings=("er", "ir", "re"), list_joiners=frozenset({"et", "&"}),
                   head_first=True)


def bodies(lang, words, text):
    doc = spacy.blank(lang)(text)
    return [doc[body.start:body.end].text for body in find_bodies(doc, words)]


@pytest.mark.parametrize("text, expected", [
    ("He chairs the Planning, Finance and Budget Committee in parliament.", ["Planning, Finance and Budget Committee"]),
    ("The Oasis Support Force for the Southern Regions patrols the road.", ["Oasis Support Force for the Southern Regions"]),
    ("Talks in the 6+6 committee resumed.", ["6+6 committee"]),
    ("Talks in the 5 + 5 committee resumed.", ["5 + 5 committee"]),
    ("Fighters of the 7th brigade left.", ["7th brigade"]),
    ("The Misratan 301 Brigade Commander Ali Omar arrived.", ["301 Brigade"]),
    ("Fighters of the Seventh Brigade and Summed Brigade clashed.", ["Seventh Brigade", "Summed Brigade"]),
    ("The Wounded Affairs Department of the Health Ministry said so.", ["Wounded Affairs Department", "Health Ministry"]),
    ("The Libya Sanctions Committee met.", ["Libya Sanctions Committee"]),
    ("The chair of the 2048 Sanctions Committee spoke.", ["2048 Sanctions Committee"]),  # a resolution, not a year
    ("Copyright 2023 Sahel Media Council", ["Sahel Media Council"]),
    ("Fighters of Brigade 301 and of Brigade 166 withdrew.", ["Brigade 301", "Brigade 166"]),  # a unit's number after it
    ("The Brigade 128 and Force 55 clashed.", ["Brigade 128", "Force 55"]),  # two units, not one name
    ("The Council 2021 session opened.", []),  # a year after a head noun names no unit
    # a credit line without a full stop, many names but lower-case words too: no headline
    ("- The Sahel notes are edited by the team of the Coastal Studies Department of the Sahel Research Council in Tripoli -",
     ["Coastal Studies Department", "Sahel Research Council"]),
])
def test_english_bodies_are_found_whole(text, expected):
    assert bodies("en", ENGLISH, text) == expected


@pytest.mark.parametrize("text", [
    "The Council said nothing.",  # a bare head noun names no body by itself
    "Local Government Minister Sara Ali visited.",  # a portfolio before a title
    "A U.N.-backed Government took office.",
    "Militias Clash As Council Meets In Tripoli Amid Fears",  # a headline in title case
    "The cabinet holds 12 service portfolios.",  # a bare cardinal counts: no '12 service'
])
def test_english_non_bodies(text):
    assert bodies("en", ENGLISH, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Le Bureau du Procureur général militaire a ouvert une enquête.", ["Bureau du Procureur général militaire"]),
    ("Le Département contre l'immigration illégale de la ville a fermé.", ["Département contre l'immigration illégale"]),
    ("La Force de protection de Tripoli a riposté.", ["Force de protection de Tripoli"]),
    ("La Compagnie libyenne d'investissement et de développement a investi.",
     ["Compagnie libyenne d'investissement et de développement"]),
    ("Le Parlement pour rétablir l'ordre a voté.", []),
    ("Les membres du Parlement et du gouvernement ont voté.", []),  # two bodies: no 'et du' complement
    ("La Chambre des représentants de Libye pour approbation.", ["Chambre des représentants de Libye"]),
])
def test_french_bodies_run_through_their_complements(text, expected):
    assert bodies("fr", FRENCH, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("La Chambre nationale de l'agriculture et de la pêche a protesté.",
     ["Chambre nationale de l'agriculture et de la pêche"]),
    ("La Chambre nationale des métiers, de l'artisanat et des services a protesté.",
     ["Chambre nationale des métiers, de l'artisanat et des services"]),
    ("La Chambre des métiers, de retour à Syrte, a protesté.", ["Chambre des métiers"]),  # an aside, no 'et'
    # a joined pair of numbers after a French head noun names the body, even in lower case
    ("Les membres de la commission militaire 4+4 ont signé.", ["commission militaire 4+4"]),
    ("La Commission 4 + 4 a remis son rapport.", ["Commission 4 + 4"]),
    ("La commission a retenu 4 candidats.", []),
])
def test_french_listed_complements_and_numbered_commissions(text, expected):
    assert bodies("fr", FRENCH, text) == expected


def test_french_complement_takes_a_compound_noun_whole():
    text = "La Ligue libyenne des droits de l'homme a protesté."
    plain = replace(FRENCH, bodies=FRENCH.bodies | {"ligue"})
    assert bodies("fr", plain, text) == ["Ligue libyenne des droits"]  # an article and a bare noun end a name
    assert bodies("fr", replace(plain, compounds=frozenset({"droits de l'homme"})), text) == [
        "Ligue libyenne des droits de l'homme"]


OUTLETS_EN = frozenset({"newspaper", "news agency", "agency", "tv"})
OUTLETS_FR = frozenset({"télévision", "quotidien", "agence"})


def outlets(lang, words, kinds, text):
    doc = spacy.blank(lang)(text)
    return [doc[body.start:body.end].text for body in find_outlets(doc, words, kinds)]


@pytest.mark.parametrize("text, expected", [
    ("The “Desert Courier” newspaper reported the deal.", ["Desert Courier"]),
    ("The official SANA news agency said so.", ["SANA"]),
    ("He told Sahara Nights TV on Monday.", ["Sahara Nights"]),
    ("He spoke to Misratan TV.", []),  # only a demonym
    ("So says the newspaper Al-Sahil Al-Jadid. Others agree.", ["Al-Sahil Al-Jadid"]),  # glued hyphens stay in
    ("The agency said so.", []),
])
def test_english_outlets_named_before_their_kind(text, expected):
    words = BodyWords(**{**ENGLISH.__dict__, "demonyms": frozenset({"misratan"})})
    assert outlets("en", words, OUTLETS_EN, text) == expected


def test_french_outlets_named_after_their_kind_and_adjectives():
    text = "Selon la télévision privée Sahara Soir, le quotidien britannique Morning Post a confirmé."
    assert outlets("fr", FRENCH, OUTLETS_FR, text) == ["Sahara Soir", "Morning Post"]


def test_a_complement_stops_before_the_given_name_of_a_person_the_model_cut():
    doc = spacy.blank("en")("He met the head of the Assembly of Southern Tribes Khaled Al Mabrouk yesterday.")
    words = [t.text for t in doc]
    doc.ents = [Span(doc, words.index("Al"), words.index("yesterday"), label="PERSON")]
    assert [doc[b.start:b.end].text for b in find_bodies(doc, replace(ENGLISH, bodies=ENGLISH.bodies | {"assembly"}))] \
        == ["Assembly of Southern Tribes"]


def test_a_french_outlet_the_model_took_for_a_person_is_still_named():
    doc = spacy.blank("fr")("Le patron de la télévision syrienne Dounia a parlé.")
    words = [t.text for t in doc]
    doc.ents = [Span(doc, words.index("Dounia"), words.index("Dounia") + 1, label="PER")]
    found = find_outlets(doc, FRENCH, OUTLETS_FR)
    assert [doc[b.start:b.end].text for b in found] == ["Dounia"]


def test_french_adjective_before_the_head_opens_the_name_when_capitalised():
    words = replace(FRENCH, leading_adjectives=frozenset({"haut", "haute"}))
    assert bodies("fr", words, "La Haute Commission de contrôle a tranché.") == ["Haute Commission de contrôle"]
    assert bodies("fr", words, "La haute Commission de contrôle a tranché.") == ["Commission de contrôle"]
    assert bodies("fr", FRENCH, "La Haute Commission de contrôle a tranché.") == ["Commission de contrôle"]


def test_a_french_ministry_in_lower_case_is_named_by_its_capitalised_portfolio():
    words = replace(FRENCH, bodies=FRENCH.bodies | {"ministère"}, lower_case_heads=frozenset({"ministère"}),
                    compounds=frozenset({"extérieur"}))
    assert bodies("fr", words, "Le ministère libyen de l'Intérieur a démenti.") == ["ministère libyen de l'Intérieur"]
    assert bodies("fr", words, "Le ministère de la santé a démenti.") == []  # no portfolio: no name
    assert bodies("fr", words, "Un ministère libyen a démenti.") == []
    assert bodies("fr", words, "Le ministère de la Diaspora et des Maliens de l'extérieur a parlé.") == [
        "ministère de la Diaspora et des Maliens de l'extérieur"]  # a listed noun ends the name after its article


def test_a_name_the_model_found_across_a_line_break_ends_a_body_at_the_break():
    """'... du ministère de l'Intérieur' closing a line, then 'Le Temps : ...' (an interview's next speaker), tagged
    by the model as one name: the body ends with its line."""
    doc = spacy.blank("fr")("Questions à la porte-parole de la Commission de l'Intérieur\n\nLe Temps : Combien ?")
    words = [t.text for t in doc]
    doc.ents = [Span(doc, words.index("Intérieur"), words.index(":"), label="MISC")]
    assert [doc[b.start:b.end].text for b in find_bodies(doc, FRENCH)] == ["Commission de l'Intérieur"]


def test_a_body_the_kb_matched_ends_before_a_name_written_after_it():
    """'Speaker of the Council of Elders Kamal X' (no model to tag the person): the KB's name of the body ends its
    complement."""
    doc = spacy.blank("en")("The Speaker of the Council of Elders Kamal Ferjani met the press .")
    doc.ents = [Span(doc, 4, 7, label="ORG", span_id="council-of-elders")]
    assert [doc[b.start:b.end].text for b in find_bodies(doc, ENGLISH)] == ["Council of Elders"]


@pytest.mark.parametrize("text, place, expected", [
    ("Le sommet de la Commission du bassin du lac Kivu a pris fin.", "Kivu", ["Commission du bassin du lac Kivu"]),
    ("La Commission de protection Kivu a pris fin.", "Kivu", ["Commission de protection"]),  # no place noun before
])
def test_a_place_named_after_a_place_noun_closes_a_french_body_s_name(text, place, expected):
    doc = spacy.blank("fr")(text)
    at = [t.text for t in doc].index(place)
    doc.ents = [Span(doc, at, at + 1, label="GPE")]
    plain = replace(FRENCH, place_nouns=frozenset({"lac", "fleuve"}))
    assert [doc[b.start:b.end].text for b in find_bodies(doc, plain)] == expected
