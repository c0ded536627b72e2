"""People named again by their surname alone, on hand-made Docs (no statistical model)."""

import spacy
from spacy.tokens import Span

from nerlibya.components.repeated_surnames import (repeated_full_names, repeated_surnames,
                                                   surnames_guessed_as_other_names)

DETERMINERS = frozenset({"the", "a"})


def _found(text: str, people: list[tuple[int, int]]) -> list[str]:
    doc = spacy.blank("en")(text)
    spans = [Span(doc, start, end, label="PERSON") for start, end in people]
    return [(span.text, span.start) for span in repeated_surnames(doc, spans, DETERMINERS)]


def test_a_lone_surname_after_the_full_name_is_that_person():
    text = "Finance Minister Karim Zaidi resigned . Zaidi , leader of the party , said so ."
    assert _found(text, [(2, 4)]) == [("Zaidi", 6)]


def test_a_surname_before_the_full_name_or_inside_another_name_is_left():
    text = "Zaidi Speaks . Karim Zaidi met Omar Zaidi Salem and the Zaidi family ."
    assert _found(text, [(3, 5)]) == []


def test_one_word_names_and_short_words_give_no_surname():
    assert _found("Haftar spoke . Haftar left .", [(0, 1)]) == []
    assert _found("Omar Al spoke . Al left .", [(0, 2)]) == []


def test_the_whole_name_written_again_is_that_person_unless_a_capitalised_word_runs_on():
    doc = spacy.blank("en")("By Mary Fitzgerald . Talks stalled . Mary Fitzgerald is a scholar . Ann Mary Fitzgerald "
                            "Smith spoke .")
    found = repeated_full_names(doc, [Span(doc, 1, 3, label="PERSON")])
    assert [(span.text, span.start) for span in found] == [("Mary Fitzgerald", 7)]


def test_a_lone_surname_the_model_took_for_another_kind_of_name_is_that_person():
    doc = spacy.blank("en")("Karim Zaidi left . Congress elected Zaidi premier in May . Zaidi Street was shut .")
    person = Span(doc, 0, 2, label="PERSON")
    body, month = Span(doc, 6, 7, label="ORG"), Span(doc, 10, 11, label="DATE")
    street = Span(doc, 12, 14, label="FAC")
    found = surnames_guessed_as_other_names(doc, [person, body, month, street], DETERMINERS)
    assert [(span.text, span.start, span.label_) for span in found] == [("Zaidi", 6, "PERSON")]


def test_a_kb_name_or_a_date_is_no_guess_to_take_over():
    doc = spacy.blank("en")("Theresa May left . In May , Sirte voted . Omar Sirte spoke .")
    spans = [Span(doc, 0, 2, label="PERSON"), Span(doc, 5, 6, label="DATE"),
             Span(doc, 7, 8, label="GPE", span_id="sirte"), Span(doc, 10, 12, label="PERSON")]
    assert surnames_guessed_as_other_names(doc, spans, DETERMINERS) == []
