"""Tokens found by their lower-case form from one array of hashes (no statistical model)."""

import numpy
import spacy
from spacy.attrs import ORTH

from nerlibya.components.token_lookup import (WordTest, line_around, lower_hashes, space_tokens_holding, tokens_where,
                                              tokens_where_lower, tokens_with_lower)


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


def test_a_word_test_is_asked_once_per_word_across_documents_and_forgets_past_its_size():
    nlp = spacy.blank("en")
    asked = []

    def wanted(text):
        asked.append(text)
        return text.lower() == "libyan"

    test = WordTest(wanted, size=100)
    assert tokens_where(nlp("Libyan troops and Libyan envoys."), ORTH, test) == [0, 3]
    assert tokens_where(nlp("The troops met Libyan envoys."), ORTH, test) == [3]
    assert sorted(asked) == sorted(set(asked))  # a word seen in the first document is not asked again
    small = WordTest(wanted, size=1)
    for text in ("Libyan troops.", "Libyan envoys."):
        assert tokens_where(nlp(text), ORTH, small) == [0]


def test_whitespace_tokens_and_the_line_around_a_token():
    doc = spacy.blank("en")("Headline here\n\nFirst line .\nSecond  line")
    breaks = space_tokens_holding(doc, frozenset("\n"))
    assert [doc[i].text for i in breaks] == ["\n\n", "\n"]
    assert line_around(doc, 0) == (0, breaks[0])
    assert line_around(doc, breaks[0]) == (0, breaks[0])  # a break ends the line before it
    assert line_around(doc, breaks[0] + 1) == (breaks[0] + 1, breaks[1])
    assert line_around(doc, len(doc) - 1) == (breaks[1] + 1, len(doc))
    assert space_tokens_holding(spacy.blank("en")(""), frozenset("\n")) == ()
