"""People named again by their surname alone, on hand-made Docs (no statistical model)."""

import spacy
from spacy.tokens import Span

from nerlibya.components.repeated_surnames import repeated_full_names, repeated_surnames

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
