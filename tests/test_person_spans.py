"""People's names the statistical model cut short (issue 19): a rare given name left out before the span, an
'al-X' surname left out after it, names written with digits. Every text here is made up."""

import pytest
import spacy
from spacy.tokens import Span

from nerlibya.components.person_spans import (NameEdgeWords, SpeakerWords, confirmed_headline_names,
                                              with_given_names_glued_to_people, with_names_after_line_breaks,
                                              with_quoted_speakers, with_transcript_speakers, with_whole_names)

EDGE_WORDS = NameEdgeWords(
    never_given_names=frozenset({"president", "minister", "interior", "the", "of", "earlier", "thursday", "and"}),
    name_articles=frozenset({"al", "el", "bin"}),
    is_nationality=lambda word: word in {"turkish", "libyan"},
    is_given_name=lambda word: word.lower() in {"sadiq", "khaled", "bakary"},
    is_other_name=lambda word: word in {"Tripoli"},
    complement_openers=frozenset({"of", "d'"}),
)


def _widened(text: str, name: str, taken: tuple[str, ...] = ()) -> list[str]:
    """The people found in `text` when the model tagged only `name` (and the words `taken` as other entities)."""
    doc = spacy.blank("en")(text)

    def span(phrase: str, label: str) -> Span:
        start = text.index(phrase)
        return doc.char_span(start, start + len(phrase), label=label)

    spans = sorted([span(name, "PERSON")] + [span(t, "GPE") for t in taken], key=lambda s: s.start)
    return [s.text for s in with_whole_names(doc, spans, EDGE_WORDS) if s.label_ == "PERSON"]


@pytest.mark.parametrize("text,tagged,whole", [
    ("Turkish President Nazim Tarek Osmanli arrived.", "Tarek Osmanli", "Nazim Tarek Osmanli"),
    ("the talks, Adriano Vessi said.", "Vessi", "Adriano Vessi"),
    ("former Minister of the Interior Hamdi Salem Bakka.", "Salem Bakka", "Hamdi Salem Bakka"),
    ("Earlier Thursday, Mokhtar Ali Zaydi told reporters", "Ali Zaydi", "Mokhtar Ali Zaydi"),
])
def test_a_given_name_left_out_before_the_span_joins_it(text, tagged, whole):
    assert _widened(text, tagged) == [whole]


@pytest.mark.parametrize("text,tagged,whole", [
    ("Among those listed were Mus'ab Abu-Salem and two others.", "Abu-Salem", "Mus'ab Abu-Salem"),
    ("Ja’far Tarhouni, a smuggler, was arrested.", "Tarhouni", "Ja’far Tarhouni"),  # even at a sentence's start
])
def test_a_given_name_with_a_transliterated_ayn_joins_the_span(text, tagged, whole):
    assert _widened(text, tagged) == [whole]


@pytest.mark.parametrize("text,tagged,whole", [
    # a lone listed given name goes on over the surname written after it
    ("The council named Khaled Ferhat governor.", "Khaled", "Khaled Ferhat"),
    # not over a title, an acronym, a KB name or a word after a comma
    ("The council named Khaled President of the board.", "Khaled", "Khaled"),
    ("Khaled UNSMIL staff met.", "Khaled", "Khaled"),
    ("Khaled Tripoli office met.", "Khaled", "Khaled"),
    ("Khaled, Ferhat and others met.", "Khaled", "Khaled"),
])
def test_a_lone_given_name_takes_the_surname_after_it(text, tagged, whole):
    assert _widened(text, tagged) == [whole]


@pytest.mark.parametrize("text,tagged,whole", [
    ("Justice Minister Salah al-Mirghani spoke.", "Salah", "Salah al-Mirghani"),
    # a surname in capitals, as UN and EU documents write it, with its article in capitals too
    ("Statement by Mr. Taher EL-SONNI, Permanent Representative.", "Taher", "Taher EL-SONNI"),
    # an article in capitals before a surname that is not, or a capitalised 'Al' in running text: left alone
    ("Statement by Taher EL-Sonni today.", "Taher", "Taher"),
    ("Talks in Taher Al-Sonni today.", "Taher", "Taher"),
])
def test_an_arabic_article_and_surname_after_the_span_join_it(text, tagged, whole):
    assert _widened(text, tagged) == [whole]


def test_a_transliterated_ayn_is_told_from_other_apostrophes():
    from nerlibya.components.person_spans import transliterated_ayn
    assert transliterated_ayn("Mus'ab") and transliterated_ayn("Sa’ad")
    assert not transliterated_ayn("O'Brien") and not transliterated_ayn("Libya's")
    assert not transliterated_ayn("qu'il") and not transliterated_ayn("L’ancien") and not transliterated_ayn("I've")


@pytest.mark.parametrize("text,tagged", [
    ("Turkish President Osmanli arrived.", "Osmanli"),  # a title is no given name
    ("The minister met Turkish Osmanli envoys.", "Osmanli"),  # nor a nationality word
    ("Earlier Osmanli said so.", "Osmanli"),  # nor a sentence opener
    ("Rivals Meet In Rome As Osmanli Talks Stall\nThe talks went on.", "Osmanli"),  # nor a headline's word
    ("The envoy met UNSMIL Osmanli staff.", "Osmanli"),  # nor an acronym
    ("He left for Tripoli Osmanli said.", "Osmanli"),  # nor a name the KB gives a place
    ("the Bank of Cyrenaica Osmanli said.", "Osmanli"),  # nor the complement of what comes before
])
def test_words_before_a_name_that_are_no_given_names(text, tagged):
    assert _widened(text, tagged, taken=()) == [tagged]


def test_a_known_given_name_counts_even_at_a_line_start():
    assert _widened("Central bank governor\nSadiq Rami al-Koubi", "Rami al-Koubi") == ["Sadiq Rami al-Koubi"]
    assert _widened("Central bank governor\nSaleem Rami al-Koubi", "Rami al-Koubi") == ["Rami al-Koubi"]


def test_an_arabic_surname_after_the_span_joins_it():
    assert _widened("Justice Minister Kamal al-Zintawi denounced it.", "Kamal") == ["Kamal al-Zintawi"]
    assert _widened("Justice Minister Kamal al Zintawi denounced it.", "Kamal") == ["Kamal"]  # not one word
    assert _widened("They met Kamal al-Zintawi in Tripoli.", "Kamal", taken=("Tripoli",)) == ["Kamal al-Zintawi"]


def test_a_span_with_a_kb_id_is_left_as_the_ruler_found_it():
    doc = spacy.blank("en")("Turkish President Nazim Osmanli arrived.")
    known = Span(doc, 3, 4, label="PERSON", span_id="someone-osmanli")
    assert [s.text for s in with_whole_names(doc, [known], EDGE_WORDS)] == ["Osmanli"]


def _headline_people(text: str, names: list[str], credited: tuple[str, ...] = ()) -> list[str]:
    doc = spacy.blank("en")(text)
    spans = []
    for name in names:
        start = text.index(name)
        spans.append(doc.char_span(start, start + len(name), label="PERSON"))
    given = frozenset((s.start, s.end) for s in spans if s.text in credited)
    return [s.text for s in confirmed_headline_names(doc, spans, given, EDGE_WORDS)]


def test_a_headline_person_is_a_name_only_as_far_as_the_article_writes_it_again():
    text = ("Osmanli Greets Vessi in Rome, Signs Trade Deal.\n\nThe president Tarek Osmanli met Adriano Vessi on "
            "Monday. Osmanli said trade would grow.")
    assert _headline_people(text, ["Osmanli Greets Vessi", "Signs Trade"]) == ["Osmanli"]
    sorted_text = "Rivals Agree On Budget As Osmanli Surprises Council\nThe deal was signed by Osmanli."
    assert _headline_people(sorted_text, ["Osmanli Surprises"]) == ["Osmanli"]


def test_a_list_heading_keeps_a_given_name_written_once():
    text = "Cabinet members\n\nForeign Minister Hamdi Bin Zayani\n\nZayani is a former envoy."
    assert _headline_people(text, ["Hamdi Bin Zayani"]) == ["Hamdi Bin Zayani"]


def test_a_credited_name_on_a_title_line_stays():
    text = "By Sami Ferjani And Leila Haddad.\nThe envoy spoke on Monday."
    names = ["Sami Ferjani", "Leila Haddad"]
    assert _headline_people(text, names, credited=tuple(names)) == names
    assert _headline_people(text, names) == []  # the first line is in Title Case: uncredited, they would go


# -- the shipped pipeline -------------------------------------------------------------------------

@pytest.mark.model
def test_names_with_digits_are_no_people(extractor):
    record = extractor.extract("Libya has recorded no COVID-19 cases so far, the Health Ministry said on "
                               "Tuesday.\n\n9021st Meeting (PM)\nThe council met in New York.").to_dict()
    assert not [p["name"] for p in record["people"] if any(c.isdigit() for c in p["name"])]


@pytest.mark.model
def test_truncated_names_are_whole_in_the_record(extractor):
    record = extractor.extract("The meeting was also attended by the Minister of Culture of Italy, Gennaro "
                               "Sangiuliano. Justice Minister Salah al-Mirghani condemned the attack.").to_dict()
    names = {p["name"] for p in record["people"]}
    assert {"Gennaro Sangiuliano", "Salah al-Mirghani"} <= names
    assert "aguila-saleh" not in {p["id"] for p in record["people"]}


def test_a_courtesy_title_glued_to_a_name_is_split_from_it():
    from nerlibya.pipeline import split_glued_honorifics

    nlp = spacy.blank("fr")
    split_glued_honorifics(nlp, frozenset({"m.", "dr.", "mme"}))
    assert [t.text for t in nlp("pour M.Zeidani et Dr.Salem, M.A. Ferjani")] == [
        "pour", "M.", "Zeidani", "et", "Dr.", "Salem", ",", "M.A.", "Ferjani"]


@pytest.mark.model
def test_a_given_name_in_the_headline_joins_the_one_person_it_opens(extractor):
    record = extractor.extract("Commander names son Saddam deputy in the east\n\nKhalifa Haftar appointed his son "
                               "Saddam Haftar as his deputy on Monday. Lt. Gen. Saddam Khalifa Haftar, 34, led the "
                               "ground forces before. Haftar, 82, made the announcement in Benghazi.").to_dict()
    people = {p["id"]: set(p["forms"]) for p in record["people"]}
    assert "Saddam" in people.get("saddam-haftar", set())
    assert {"Saddam Haftar", "Saddam Khalifa Haftar"} <= people["saddam-haftar"]
    assert "khalifa-haftar" in people and not people["khalifa-haftar"] & {"Saddam", "Saddam Haftar"}
    assert len(record["people"]) == 2


@pytest.mark.model
def test_a_given_name_two_people_share_joins_neither(extractor):
    record = extractor.extract("Saddam visits the front\n\nSaddam Haftar and Saddam Jaber toured the base on "
                               "Monday.").to_dict()
    joined = [p for p in record["people"] if "Saddam" in p["forms"] and len(p["forms"]) > 1]
    assert not joined


def test_a_line_break_ends_a_sentence_when_asked():
    from nerlibya.components.base import sentence_index

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Foreign Minister Hamdi Zayani\n\nZayani is a former envoy. He met them.")
    assert len(set(sentence_index(doc))) == 2
    assert len(set(sentence_index(doc, lines=True))) == 3


@pytest.mark.model
def test_a_district_named_after_a_person_is_a_place(extractor):
    record = extractor.extract("Un habitant du quartier de Khaled Ben Walid, dans le sud de Tripoli, a entendu "
                               "des tirs toute la nuit.").to_dict()
    assert "Khaled Ben Walid" in {f for p in record["places"] for f in p["forms"]}
    assert "Khaled Ben Walid" not in {f for p in record["people"] for f in p["forms"]}


@pytest.mark.model
def test_a_royal_courtesy_title_is_no_part_of_the_name(extractor):
    record = extractor.extract("The council thanked His Majesty King Hassan II for the support he gave to the "
                               "talks in Skhirat.").to_dict()
    names = {p["name"] for p in record["people"]}
    assert "Hassan II" in names and not any("Majesty" in n for n in names)


@pytest.mark.model
def test_an_acronym_before_a_name_is_no_part_of_it(extractor):
    record = extractor.extract("Au premier tour, 41 voix sont allées au candidat du PJC Karim al-Tarhouni, "
                               "selon le Congrès général national.").to_dict()
    assert "Karim al-Tarhouni" in {p["name"] for p in record["people"]}


@pytest.mark.model
def test_an_organisation_acronym_written_as_a_word_is_the_organisation(extractor):
    record = extractor.extract("L'Otan a confirmé avoir frappé un convoi près de Syrte. Selon l'Otan, la "
                               "mission se poursuit.").to_dict()
    assert "Otan" not in {f for p in record["people"] for f in p["forms"]}
    assert [o.get("id") for o in record["organisations"] if "Otan" in o["forms"]] == ["nato"]


@pytest.mark.parametrize("text,tagged,found", [
    # a credit line and the name opening the next line, read as one person: the next line's name is one too
    ("Nadia Saoud\nKhaled Barka became chair.", "Nadia Saoud\nKhaled Barka", ["Khaled Barka"]),
    # one word after the break, or words that open with no given name, are left to the cleanup's cut
    ("Nadia Saoud\nKhaled said so.", "Nadia Saoud\nKhaled", []),
    ("Nadia Saoud\nBoard Members met.", "Nadia Saoud\nBoard Members", []),
])
def test_the_name_after_a_line_break_inside_a_person_is_a_person(text, tagged, found):
    doc = spacy.blank("en")(text)
    span = doc.char_span(0, len(tagged), label="PERSON")
    added = with_names_after_line_breaks(doc, [span], lambda words: EDGE_WORDS.is_given_name(words[0]))
    assert [s.text for s in added[1:]] == found


@pytest.mark.parametrize("text,place,person,found", [
    # a given name the model took for a place, right against the rest of the name: one person
    ("said Bakary Yaou Sangaré, the minister.", "Bakary", "Yaou Sangaré", ["Bakary Yaou Sangaré"]),
    # a word that is no given name, or a punctuation mark between, leaves both spans as they were
    ("in Agadez Yaou Sangaré said.", "Agadez", "Yaou Sangaré", ["Agadez", "Yaou Sangaré"]),
    ("in Bakary, Yaou Sangaré said.", "Bakary", "Yaou Sangaré", ["Bakary", "Yaou Sangaré"]),
])
def test_a_given_name_tagged_as_a_place_opens_the_person_after_it(text, place, person, found):
    doc = spacy.blank("en")(text)
    start = text.index(place)
    spans = [doc.char_span(start, start + len(place), label="GPE"),
             doc.char_span(text.index(person), text.index(person) + len(person), label="PERSON")]
    joined = with_given_names_glued_to_people(doc, spans, lambda words: EDGE_WORDS.is_given_name(words[0]))
    assert [s.text for s in joined] == found


SPEAKERS = SpeakerWords(speech_verbs=frozenset({"said"}), between=frozenset({"has"}),
                        after_name=frozenset({"of"}), name_particles=frozenset({"de"}))


@pytest.mark.parametrize("text,expected", [
    ('" We stay , " said Ivor de Kelmsky of the league .', ["Ivor de Kelmsky"]),
    ('" We stay , " Ivor Kelmsky said .', ["Ivor Kelmsky"]),
    ('" We stay , " said Minister Kelmsky .', []),  # a title word opens it
    ('" We stay , " said Kelmsky .', []),  # one word alone
    ("Ivor Kelmsky said nothing .", []),  # no quote before the verb
])
def test_the_speaker_of_a_quote(text, expected):
    doc = spacy.blank("en").make_doc(text)
    found = with_quoted_speakers(doc, [], SPEAKERS, EDGE_WORDS)
    assert [span.text for span in found] == expected


def test_capitalised_speaker_labels_of_a_transcript_are_people():
    doc = spacy.blank("en")("Talks resume\n\nNADIA FAROUK: The envoy arrived.\nKARL LINDQVIST: He met the council.\n"
                            "TRIPOLI NEWS: no one speaks here.\nNADIA FAROUK: Thank you.")
    karl = doc.text.index("KARL")
    tagged = [doc.char_span(karl, karl + 4, label="PERSON")]  # the model's 'KARL' of 'KARL LINDQVIST'
    found = [s.text for s in with_transcript_speakers(doc, tagged, EDGE_WORDS)]
    assert found == ["NADIA FAROUK", "KARL LINDQVIST", "NADIA FAROUK"]
    alone = spacy.blank("en")("BREAKING NEWS: talks resume in Geneva.\nThe envoy said so.")
    assert with_transcript_speakers(alone, [], EDGE_WORDS) == []  # one label makes no transcript
