"""Tokens found by their lower-case form from one array of hashes (no statistical model)."""

import numpy
import spacy
from spacy.attrs import ORTH

from nerlibya.components.token_lookup import lower_hashes, tokens_where, tokens_where_lower, tokens_with_lower


def test_tokens_with_a_listed_lower_case_form_in_text_order():
    doc = spacy.blank("en")("The Committee met; the committee of COMMITTEES and a Council.")
    assert tokens_with_lower(doc, lower_hashes(frozenset({"committee", "council"}))) == [1, 5, 10]


def test_no_token_and_no_word_find_nothing():
    assert tokens_with_lower(spacy.blank("en")(""), lower_hashes(frozenset({"committee"}))) == []
    assert tokens_with_lower(spacy.blank("en")("A committee."), lower_hashes(frozenset())) == []


def test_a_predicate_is_asked_about_each_lower_case_form():
    doc = spacy.blank("fr")("L'agence et la chaîne d'information, puis l'Agence.")
    asked = []

    def wanted(lower):
        asked.append(lower)
        return lower.split("'")[0] == "l"

    assert tokens_where_lower(doc, wanted) == [0, 9]
    assert len(asked) == len(set(asked))  # once per distinct form


def test_a_predicate_on_the_text_asked_only_among_the_chosen_tokens():
    doc = spacy.blank("en")("Libyan and libyan troops met Libyan envoys.")
    asked = []

    def wanted(text):
        asked.append(text)
        return text.lower() == "libyan"

    assert tokens_where(doc, ORTH, wanted) == [0, 2, 5]
    assert sorted(asked) == sorted(set(asked))  # once per distinct text, as written
    assert tokens_where(doc, ORTH, wanted, among=numpy.array([t.i != 0 for t in doc])) == [2, 5]
