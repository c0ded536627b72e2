"""Places and people as real copy writes them (issue 15): datelines, bylines, facilities, places inside
organisation names, nationality words, partial names. Every text here is made up."""

import pytest
import spacy
from spacy.tokens import Span

from nerlibya.components.base import on_headline_line
from nerlibya.components.bylines import byline_names
from nerlibya.components.entity_cleanup import join_split_people
from nerlibya.components.person_spans import NameEdgeWords, with_given_names_taken_for_bodies
from nerlibya.knowledge.lexicon import load_lexicon
from nerlibya.text.name_shapes import NameShapes

from .conftest import FIXTURE_LANG


@pytest.fixture(scope="module")
def french_shapes() -> NameShapes:
    return NameShapes.of(load_lexicon("fr", str(FIXTURE_LANG)).words, frozenset({"libyen"}))


@pytest.fixture(scope="module")
def english_shapes() -> NameShapes:
    return NameShapes.of(load_lexicon("en", str(FIXTURE_LANG)).words, frozenset({"libyan"}))


# -- pure rules -----------------------------------------------------------------------------------

@pytest.mark.parametrize("word", ["Libanais", "Sénégalaise", "Ghanéennes", "Européens", "Turcs", "libyenne"])
def test_nationality_words_in_every_form(french_shapes, word):
    assert french_shapes.is_nationality(word)


@pytest.mark.parametrize("word", ["Liban", "Tripoli", "Sénégal", "Marseille"])
def test_places_are_not_nationality_words(french_shapes, word):
    assert not french_shapes.is_nationality(word)


@pytest.mark.parametrize("words,never", [
    (["État"], True), (["Etat"], True), (["État", "libyen"], True), (["Secrétaire", "général"], True),
    (["Libanais"], True), (["Benghazi"], False), (["État", "de", "Tripoli"], False),
])
def test_words_that_name_no_place(french_shapes, words, never):
    assert french_shapes.is_never_a_place(words) is never


@pytest.mark.parametrize("words,person", [
    (["Khaled", "el-Fituri"], True), (["Seddiq", "el-Fituri"], True), (["Abou", "Bakr", "Zintani"], True),
    (["Khalid"], True), (["Amman"], False), (["Benghazi"], False), (["Abou", "Grein"], False),
])
def test_a_name_opening_with_a_given_name_is_a_person(french_shapes, words, person):
    assert french_shapes.opens_with_given_name(words) is person


def test_arabic_place_words_open_place_names(english_shapes):
    assert english_shapes.opens_with_place_word(["Shara", "Al-Nasr"])
    assert english_shapes.opens_with_place_word(["Souq", "al-Thulatha"])
    assert not english_shapes.opens_with_place_word(["Ras"])  # one word alone says nothing
    assert not english_shapes.opens_with_place_word(["Omar", "Mukhtar"])
    assert english_shapes.is_nationality("Misratans")


def test_headline_lines_are_title_case_without_a_full_stop():
    nlp = spacy.blank("en")
    doc = nlp("Envoy Urges Rivals To Resume Talks\nThe envoy spoke to Ali Omar on Monday.\nBy Sami Ferjani And Leila Haddad.")
    assert on_headline_line(doc, 1)
    assert not on_headline_line(doc, [t.text for t in doc].index("Omar"))
    assert not on_headline_line(doc, [t.text for t in doc].index("Sami"))  # a byline ends with a full stop


def test_pieces_of_one_person_are_joined_but_two_kb_people_stay_apart():
    words = load_lexicon("fr", str(FIXTURE_LANG)).words
    nlp = spacy.blank("fr")
    doc = nlp("Abdelghani «Gheniwa» el-Kikli et Karim el-Sarraj")
    tokens = [t.text for t in doc]
    nickname = Span(doc, 2, 3, label="PER", span_id="kikli")
    surname = Span(doc, 6, 7, label="PER", span_id="kikli")
    joined = join_split_people(doc, [nickname, surname], words)
    assert [(s.text, s.id_) for s in joined] == [("Abdelghani «Gheniwa» el-Kikli", "kikli")]
    given = Span(doc, tokens.index("Karim"), tokens.index("Karim") + 1, label="PER", span_id="karim-x")
    other = Span(doc, len(doc) - 1, len(doc), label="PER", span_id="fayez-al-sarraj")
    assert [s.text for s in join_split_people(doc, [given, other], words)] == ["Karim", "Sarraj"]


def test_a_surname_opening_with_an_article_right_after_a_name_goes_on_that_name():
    words = load_lexicon("en", str(FIXTURE_LANG)).words
    doc = spacy.blank("en")("Residents said Omar Fathi Al Zawi and Salem Warda Sami left.")
    tokens = [t.text for t in doc]
    given, surname = Span(doc, 2, 4, label="PERSON"), Span(doc, 4, 6, label="PERSON")
    assert [s.text for s in join_split_people(doc, [given, surname], words)] == ["Omar Fathi Al Zawi"]
    # two names touching, the second without an article: left to the other rules
    salem = tokens.index("Salem")
    first, second = Span(doc, salem, salem + 2, label="PERSON"), Span(doc, salem + 2, salem + 3, label="PERSON")
    assert [s.text for s in join_split_people(doc, [first, second], words)] == ["Salem Warda", "Sami"]


def test_byline_names_follow_a_credit_cue_at_a_line_start():
    words = load_lexicon("en", str(FIXTURE_LANG)).words
    doc = spacy.blank("en")("By Sami Ferjani in Tripoli and Leila Haddad in Misrata\nBy Monday the talks had failed.\n"
                            "Reporting by Omar Tlili; Editing by Jane Rowley\nPhoto: Hassan Morsi/AFP\n"
                            "By International Organization for Migration\nThe road was built by Ali Omar.")
    names = [doc[start:end].text for start, end in byline_names(doc, words)]
    assert names == ["Sami Ferjani", "Leila Haddad", "Omar Tlili", "Jane Rowley", "Hassan Morsi"]


def test_a_middle_initial_stays_inside_a_byline_name():
    words = load_lexicon("en", str(FIXTURE_LANG)).words
    doc = spacy.blank("en")("By Karim J. Benali & Sara R. Wood\nThe port reopened on Tuesday.")
    assert [doc[s:e].text for s, e in byline_names(doc, words)] == ["Karim J. Benali", "Sara R. Wood"]


def test_names_each_followed_by_where_they_file_from_sign_a_story_without_a_cue():
    words = load_lexicon("en", str(FIXTURE_LANG)).words
    doc = spacy.blank("en")("Rebels close in on the port\n\nSami Ferjani in Benghazi and Leila Haddad in Tripoli\n\n"
                            "Nabil Fathi in Tripoli said the port had fallen.\nFighting in Sirte and Misrata\n")
    assert [doc[s:e].text for s, e in byline_names(doc, words)] == ["Sami Ferjani", "Leila Haddad"]


def test_french_byline():
    words = load_lexicon("fr", str(FIXTURE_LANG)).words
    doc = spacy.blank("fr")("Par Karim Benali, avec AFP\nLe texte a été adopté par la Chambre.")
    assert [doc[s:e].text for s, e in byline_names(doc, words)] == ["Karim Benali"]


def test_a_staff_credit_names_no_one():
    english = load_lexicon("en", str(FIXTURE_LANG)).words
    doc = spacy.blank("en")("By Staff Writer\nThe port reopened.\nBy Our Correspondent and Sara Wood\nBy News Desk")
    assert [doc[s:e].text for s, e in byline_names(doc, english)] == ["Sara Wood"]
    french = load_lexicon("fr", str(FIXTURE_LANG)).words
    doc = spacy.blank("fr")("Par La Rédaction\nLe port a rouvert.\nPar notre envoyé spécial\nPar Karim Benali")
    assert [doc[s:e].text for s, e in byline_names(doc, french)] == ["Karim Benali"]


def test_a_writer_s_description_after_a_credited_name_names_no_one(extractor):
    words = load_lexicon("en", str(FIXTURE_LANG)).words
    doc = spacy.blank("en")("By Sami Ferjani, Middle East correspondent\nBy Leila Haddad, North Africa Editor\n"
                            "By Omar Tlili and Sara Wood, Sahel News")
    assert [doc[s:e].text for s, e in byline_names(doc, words)] == ["Sami Ferjani", "Leila Haddad", "Omar Tlili",
                                                                     "Sara Wood", "Sahel News"]
    record = extractor.extract("By Sami Ferjani, Middle East correspondent\n\nThe port of Tripoli reopened.").to_dict()
    assert [p["name"] for p in record["people"]] == ["Sami Ferjani"]


def test_every_name_of_a_bracketed_credit_line_is_credited():
    words = load_lexicon("en", str(FIXTURE_LANG)).words
    doc = spacy.blank("en")("The port reopened on Tuesday. (Reporting by Nabil Fathi in Tripoli and Sara Wood in "
                            "Tunis; Additional reporting by Omar Tlili, Hadi Karim and Lina Osman in Misrata; "
                            "Writing by Jane Rowley; Editing by Paul Grant and Anne Lowe)\n[Editing by Tom Reed]")
    names = [doc[start:end].text for start, end in byline_names(doc, words)]
    assert names == ["Nabil Fathi", "Sara Wood", "Omar Tlili", "Hadi Karim", "Lina Osman", "Jane Rowley",
                     "Paul Grant", "Anne Lowe", "Tom Reed"]
    assert not byline_names(spacy.blank("en")("The talks (by Tuesday, Sara Wood said) failed."), words)


def test_a_lower_case_byline_credits_only_names_that_fill_its_line():
    words = load_lexicon("en", str(FIXTURE_LANG)).words
    doc = spacy.blank("en")("Libya after the vote\n\nby Nadia Farouk and Karl Lindqvist\nPublished on 3 May 2021\n"
                            "The decree was signed\nby Abdel Salem Omar on Monday.")
    assert [doc[s:e].text for s, e in byline_names(doc, words)] == ["Nadia Farouk", "Karl Lindqvist"]


def test_a_signature_block_credits_its_signatories():
    words = load_lexicon("en", str(FIXTURE_LANG)).words
    doc = spacy.blank("en")("The report is attached.\n\n(Signed) Hanna de Vries\nCoordinator\n\n(Signed) Omar "
                            "Abou-Salem\nExpert")
    assert [doc[s:e].text for s, e in byline_names(doc, words)] == ["Hanna de Vries", "Omar Abou-Salem"]
    french = load_lexicon("fr", str(FIXTURE_LANG)).words
    doc = spacy.blank("fr")("Le rapport est joint.\n\n(Signé) Nadia Farouk\nCoordonnatrice")
    assert [doc[s:e].text for s, e in byline_names(doc, french)] == ["Nadia Farouk"]


def test_french_credit_lines_name_every_author():
    words = load_lexicon("fr", str(FIXTURE_LANG)).words
    doc = spacy.blank("fr")("Le texte a été adopté.\n(Par Karim Benali et Nadia Farouk, avec AFP)\n"
                            "Avec Sami Ferjani à Tripoli")
    assert [doc[s:e].text for s, e in byline_names(doc, words)] == ["Karim Benali", "Nadia Farouk", "Sami Ferjani"]


# -- the shipped pipeline -------------------------------------------------------------------------

def _names(record: dict, group: str) -> set[str]:
    return {e["name"] for e in record[group]}


def _forms(record: dict, group: str) -> set[str]:
    return {f for e in record[group] for f in e["forms"]}


def _found_as(record: dict, names: set[str], group: str, never: str) -> None:
    """Every one of `names` is written in `group`, none in `never`."""
    assert names <= _forms(record, group)
    assert not _forms(record, never) & names


@pytest.mark.model
def test_dateline_city_in_capitals_is_the_known_place(extractor):
    english = extractor.extract("MISRATA, Libya (AP) — Fighters in the port city repaired the main road on "
                                "Sunday, local officials said.").to_dict()
    assert "misrata" in {p["id"] for p in english["places"]}
    french = extractor.extract("TRIPOLI, 12 mars (Reuters) - Les habitants de la capitale libyenne ont "
                               "manifesté dimanche devant le siège du gouvernement.").to_dict()
    assert "tripoli" in {p["id"] for p in french["places"]}


@pytest.mark.model
def test_bylines_and_credits_are_people(extractor):
    record = extractor.extract(
        "By Sami Ferjani and Leila Haddad\n\nTRIPOLI — The central bank said on Monday it would print new "
        "notes to ease the cash shortage in the capital.\nPhoto: Hassan Morsi/AFP\n\nReporting by Omar Tlili; "
        "Editing by Jane Rowley").to_dict()
    people = _names(record, "people")
    assert {"Sami Ferjani", "Leila Haddad", "Omar Tlili", "Jane Rowley", "Hassan Morsi"} <= people
    french = extractor.extract("Par Karim Benali, avec AFP\n\nLes députés libyens se sont réunis lundi à "
                               "Syrte pour désigner un nouveau gouvernement.").to_dict()
    assert "Karim Benali" in _names(french, "people")
    assert not _forms(record, "places") & people
    assert not _forms(record, "organisations") & people


@pytest.mark.model
def test_a_credited_name_opening_with_a_month_word_is_a_person(extractor):
    record = extractor.extract("By Jan Smit and Omar Ali\n\nThe talks resumed in Tripoli on Monday, officials "
                               "said.").to_dict()
    assert {"Jan Smit", "Omar Ali"} <= _names(record, "people")


@pytest.mark.model
def test_a_reuters_credit_line_names_every_author(extractor):
    record = extractor.extract("Armed groups withdrew from the coastal road on Sunday, residents said.\n"
                               "(Reporting by Ahmed Elumami; Editing by Mark Potter)").to_dict()
    assert {"Ahmed Elumami", "Mark Potter"} <= _names(record, "people")


@pytest.mark.model
def test_a_known_place_and_a_castle_name_a_facility_even_in_a_headline(extractor):
    record = extractor.extract("Misrata Castle Under Fire by Rival Brigades\nShells fell near Misrata Castle, where "
                               "the garrison held out on Monday.").to_dict()
    assert "Misrata Castle" in _names(record, "places")
    assert not _names(record, "people")


@pytest.mark.model
def test_a_numbered_french_channel_is_an_outlet_not_its_country(extractor):
    record = extractor.extract("Le ministre a répondu aux questions des journalistes dans une interview diffusée "
                               "lundi soir par France 2.").to_dict()
    assert "France 2" in _names(record, "organisations")
    assert "France" not in _names(record, "places")


@pytest.mark.model
def test_the_cue_of_a_credit_after_a_bureau_is_no_person(extractor):
    record = extractor.extract("Armed groups withdrew from the coastal road on Sunday, residents said.\n"
                               "(Reporting by Ahmed Elumami; Additional reporting by Tunis bureau; Writing by "
                               "Sami Aboudi; Editing by Mark Potter)").to_dict()
    people = _names(record, "people")
    assert {"Ahmed Elumami", "Sami Aboudi", "Mark Potter"} <= people
    assert "Writing" not in people


@pytest.mark.model
def test_french_nationality_words_and_the_state_are_no_places(extractor):
    record = extractor.extract(
        "Le Libanais Ghassan Salamé a rencontré les Américains et les Turcs à Tunis. Selon lui, le chef de "
        "l'Etat doit protéger les institutions de l'État libyen, et la Sénégalaise Aïssatou Diop l'approuve.").to_dict()
    places = {f.lower() for f in _forms(record, "places")}
    assert not places & {"libanais", "américains", "turcs", "etat", "état", "état libyen", "sénégalaise"}
    assert "Tunis" in _forms(record, "places")


@pytest.mark.model
def test_the_adjective_opening_a_french_bodys_name_is_no_place(extractor):
    record = extractor.extract("La Haute commission mixte tuniso-libyenne se réunira à Tunis en juin.").to_dict()
    assert _forms(record, "places") == {"Tunis"}


@pytest.mark.model
def test_districts_and_streets_are_places_not_people(extractor):
    record = extractor.extract(
        "Shelling hit the area of Hay Nakheel overnight. Residents fled from Souq al-Thulatha. Gunmen fought "
        "near the seafront Shara Al-Nasr until dawn, and a boat sank off AlZawiya with forty people on "
        "board.").to_dict()
    _found_as(record, {"Hay Nakheel", "Souq al-Thulatha", "Shara Al-Nasr"}, "places", never="people")
    assert "AlZawiya" not in _forms(record, "people")


@pytest.mark.model
def test_a_place_inside_an_outlet_or_a_process_is_no_place(extractor):
    record = extractor.extract(
        "Talks under the Berlin Process resumed in Geneva, The Washington Post reported, while the "
        "US embassy in Tripoli said the Federal Republic of Germany would host the next round.").to_dict()
    places = _forms(record, "places")
    assert "Berlin" not in places and "Washington" not in places
    assert "Federal Republic" not in places
    assert {"Geneva", "Tripoli"} <= places
    hospital = extractor.extract("She once ran Misrata Central Hospital. Misrata was calm.").to_dict()
    assert {p["name"]: p["label"] for p in hospital["places"]} == {"Misrata Central Hospital": "FAC", "Misrata": "GPE"}
    assert not hospital["people"]  # the facility whole, never 'Central Hospital' as a person


@pytest.mark.model
def test_words_after_a_title_are_not_people(extractor):
    record = extractor.extract(
        "Lawmakers met the prime minister. He said the vote would take place soon. And fellow MPs agreed "
        "with him.").to_dict()
    assert not _names(record, "people") & {"He", "And", "MPs"}
    french = extractor.extract("Les députés ont reçu le Premier ministre. Il a promis un vote. Mais les "
                               "élus doutent.").to_dict()
    assert not _names(french, "people") & {"Il", "Mais"}


@pytest.mark.model
def test_headline_words_are_not_people(extractor):
    record = extractor.extract(
        "Senior Official Warns Council Over Rival Governments\n\nThe official told the council that the two "
        "governments must agree on a budget before the summer.").to_dict()
    assert not {"Warns", "Warns Council"} & _names(record, "people")


@pytest.mark.model
def test_partial_names_join_their_person(extractor):
    record = extractor.extract(
        "\"We have no bread,\" said Ghazi Abdul-Wahab, a baker in the old town. Abdul-Wahab said prices had "
        "doubled. Mourad El Gharbi, the mayor, disagreed. Mr. Elgharbi said supplies would arrive.").to_dict()
    people = {p["name"]: set(p["forms"]) for p in record["people"]}
    assert people.get("Ghazi Abdul-Wahab", set()) >= {"Ghazi Abdul-Wahab", "Abdul-Wahab"}
    assert people.get("Mourad El Gharbi", set()) >= {"Elgharbi"}
    assert len(record["people"]) == 2


@pytest.mark.model
def test_an_initial_keeps_its_person_only_if_it_fits(extractor):
    record = extractor.extract("La cérémonie s'est tenue à Tripoli. F. el-Sarraj a remis le pouvoir au "
                               "nouveau gouvernement.").to_dict()
    sarraj = next(p for p in record["people"] if p["id"] == "fayez-al-sarraj")
    assert "F. el-Sarraj" in sarraj["forms"]
    other = extractor.extract("La cérémonie s'est tenue à Tripoli. K. el-Sarraj a remis le pouvoir au "
                              "nouveau gouvernement.").to_dict()
    assert "fayez-al-sarraj" not in {p["id"] for p in other["people"]}


@pytest.mark.model
def test_a_bare_surname_joins_the_person_of_the_article(extractor):
    record = extractor.extract(
        "Les députés ont élu M. Aguila Salah Issa à la tête de la Chambre. Juriste de formation, M. Issa a "
        "promis de réunir le pays.").to_dict()
    ids = {p["id"] for p in record["people"]}
    assert "aguila-saleh" in ids and "naji-issa" not in ids
    assert len(record["people"]) == 1


@pytest.mark.model
def test_a_nickname_in_quotes_does_not_split_the_name(extractor):
    record = extractor.extract("Le chef de milice Abdelghani «Gheniwa» el-Kikli a été tué lundi à "
                               "Tripoli.").to_dict()
    assert [p["id"] for p in record["people"]] == ["abdulghani-al-kikli"]
    assert "Abdelghani «Gheniwa» el-Kikli" in record["people"][0]["forms"]


@pytest.mark.model
def test_a_family_is_no_person(extractor):
    record = extractor.extract("The power struggle has enriched the Haftar family, and Haftar's sons now "
                               "control the ports.").to_dict()
    assert "Haftar" not in _names(record, "people")


@pytest.mark.model
def test_an_acronym_written_as_a_word_is_no_place(extractor):
    record = extractor.extract("Le Conseil de sécurité a prolongé le mandat de la Manul pour un an.").to_dict()
    assert "Manul" not in _forms(record, "places")
    assert "Manul" in _forms(record, "organisations")


@pytest.mark.model
def test_prefixed_names_and_title_words_are_not_people(extractor):
    record = extractor.extract(
        "\"We will hold the line,\" said anti-Al Qathafi fighter Salem Fergiani. The delegation included the "
        "Principal Deputy Assistant Secretary for African Affairs and two envoys. Twitter was full of "
        "rumours.").to_dict()
    names = _names(record, "people")
    assert "anti-Al Qathafi" not in names and "Principal" not in names and "Twitter" not in names
    assert "Salem Fergiani" in names


@pytest.mark.model
def test_facilities_named_with_their_head_noun_are_places(extractor):
    record = extractor.extract("L'armée a repris la bande d'Aouzou puis la base navale de Tripoli, tandis que "
                               "le ministère russe de la Défense démentait.").to_dict()
    places = _forms(record, "places")
    assert {"bande d'Aouzou", "base navale de Tripoli"} <= places
    assert "ministère russe de la Défense" not in places


@pytest.mark.model
@pytest.mark.parametrize("text,names,group,never", [
    ("La commission a entendu Bassem al-Fituri, puis le chef de la police a répondu à Khaled el-Zintani lors "
     "de la réunion de Benghazi.", {"Bassem al-Fituri", "Khaled el-Zintani"}, "people", "places"),
    ("The council's members Algeria, Sierra Leone and Tunisia backed the text. Rockets fell on Ain Zara, "
     "Khalit Dakhil, Abu Salim and other districts.", {"Sierra Leone", "Khalit Dakhil"}, "places", "people"),
    ("Witnesses in Ain Zara and Salah al-Din heard the gunfire until dawn.", {"Salah al-Din"}, "places", "people"),
    ("Traffic stopped on Omar Mukhtar Street and on Gamal Abdel Nasser Street.",
     {"Omar Mukhtar Street", "Gamal Abdel Nasser Street"}, "places", "people"),
], ids=["french people the model takes for places", "names listed among places", "a hyphenated name after a place",
        "streets named after people"])
def test_the_kind_the_context_gives(extractor, text, names, group, never):
    _found_as(extractor.extract(text).to_dict(), names, group, never)


@pytest.mark.model
def test_a_common_word_after_a_headline_colon_is_no_name(extractor):
    record = extractor.extract("Libye : Difficile rentrée pour le nouveau Parlement\n\nLes députés se sont réunis "
                               "lundi à Syrte sans parvenir à élire leur président.").to_dict()
    assert "Difficile" not in _names(record, "people") | _names(record, "places")


@pytest.mark.model
def test_the_last_parts_of_two_names_join_neither(extractor):
    record = extractor.extract(
        "Ali Ben Salem, a teacher, and Omar Ben Salem, a doctor, both signed the letter. Ben Salem later "
        "denied it.").to_dict()
    people = {p["name"]: set(p["forms"]) for p in record["people"]}
    assert "Ali Ben Salem" in people and "Omar Ben Salem" in people
    assert "Ben Salem" not in people["Ali Ben Salem"] | people["Omar Ben Salem"]


def _outlets(lang: str, text: str, outlet_words=frozenset({"newspaper", "news", "agency"})) -> tuple[list, list]:
    from nerlibya.components.bylines import outlet_credits

    words = load_lexicon(lang, str(FIXTURE_LANG)).words
    doc = spacy.blank(lang)(text)
    people, outlets = outlet_credits(doc, words, byline_names(doc, words), outlet_words)
    return [doc[s:e].text for s, e in people], [doc[s:e].text for s, e in outlets]


@pytest.mark.parametrize("text,people,outlets", [
    # a caption's credit in brackets: an agency's acronym and its photographer, in either order
    ("The parade in Benghazi. (AFP / Hana Darwish)\nMore copy.", ["Hana Darwish"], ["AFP"]),
    ("The parade in Benghazi. (Hana Darwish/EPA)", ["Hana Darwish"], ["EPA"]),
    # two names, a bracket that does not close its line or no acronym: no credit
    ("Fighting spread (Tripoli / Abu Salim)", [], []),
    ("The army (LNA/Haftar Forces) advanced.", [], []),
])
def test_a_caption_credit_in_brackets_names_the_photographer(text, people, outlets):
    assert _outlets("en", text) == (people, outlets)


@pytest.mark.parametrize("text,outlets", [
    ("VALLETTA (MALTA) (SEAPRESS/MNA) - The minister left for Tripoli.", ["SEAPRESS", "MNA"]),
    ("ROME (SEAPRESS) - The minister left for Tripoli.", ["SEAPRESS"]),
    ("TRIPOLI, July 24 (NNN-Xinhua) - The port reopened.", ["NNN", "Xinhua"]),
])
def test_a_dateline_credit_after_a_bracketed_country_names_the_agencies(text, outlets):
    assert _outlets("en", text)[1] == outlets


def test_a_credited_name_holding_an_outlet_word_is_the_outlet():
    people, outlets = _outlets("en", "By Rana Salem, Coastal Newspapers -\n\nBENGHAZI - The port reopened.")
    assert people == ["Rana Salem"] and outlets == ["Coastal Newspapers"]


def test_a_sign_off_line_credits_outlets_only_when_names_fill_it():
    _, outlets = _outlets("en", "The port reopened.\n\nSource: Sahel Wire/AFP\nSource: the ministry said nothing.")
    assert outlets == ["Sahel Wire", "AFP"]
    _, outlets = _outlets("fr", "Le port a rouvert.\n\nSource : Agence Sahel")
    assert outlets == ["Agence Sahel"]
    _, outlets = _outlets("en", "The port reopened.\n\nSource: Sahel Wire March 3, 2019")
    assert outlets == ["Sahel Wire"]  # a date may close the line
    _, outlets = _outlets("en", "The port reopened.\n\nSource: Sahel Wire March in Tunis")
    assert outlets == []


def test_each_outlet_of_a_joined_dateline_credit():
    _, outlets = _outlets("en", "MISRATA, May 3 (ABC-Coastal Wire) — The port reopened.\n"
                                "The mayor (Omar Tlili) spoke. TOBRUK (Sahel Wire) - Nothing changed.")
    assert outlets == ["ABC", "Coastal Wire"]  # one outlet in brackets is read elsewhere; no dateline, no credit


def test_an_analysis_or_a_commentary_credits_its_author():
    words = load_lexicon("en").words  # the curated lists
    doc = spacy.blank("en")("Analysis by Nadia Ferjani\nThe port reopened.\nCommentary by Omar Tlili\nInterview by Sara Wood")
    assert [doc[s:e].text for s, e in byline_names(doc, words)] == ["Nadia Ferjani", "Omar Tlili", "Sara Wood"]


@pytest.mark.model
def test_the_hague_is_named_with_its_article(extractor):
    """The city's name holds its article (the dev gold writes 'The Hague'); French writes 'La Haye'."""
    places = {p["name"]: p["forms"] for p in extractor.extract("The tribunal in The Hague met on Monday.").to_dict()["places"]}
    assert places.get("The Hague") == ["The Hague"]


def test_the_ghaddafi_spelling_is_the_late_ruler_not_a_place(extractor):
    record = extractor.extract("Ten years after the Ghaddafi era ended, the oil towns still have no power.").to_dict()
    assert [p["name"] for p in record["people"]] == ["Muammar Gaddafi"] and not record["places"]


@pytest.mark.parametrize("text,place", [
    ("Le ministre a dit le soutien de la République islamique de Mauritanie au dialogue.", "Mauritania"),
    ("Le communiqué rappelle que le Royaume du Maroc accueille les pourparlers.", "Morocco"),
    ("The People's Democratic Republic of Algeria hosted the talks.", "Algeria"),
])
def test_a_state_s_official_name_is_the_state(extractor, text, place):
    record = extractor.extract(text).to_dict()
    assert [p["name"] for p in record["places"]] == [place]


def test_a_name_written_with_and_without_ould_is_one_person(extractor):
    record = extractor.extract("Le président Mohamed Cheikh Bah a écrit au Conseil. Le message de M. Mohamed Ould Cheikh "
                               "Bah a été remis mardi à Tripoli.").to_dict()
    assert [p["name"] for p in record["people"]] == ["Mohamed Ould Cheikh Bah"]


@pytest.mark.parametrize("text", [
    "Nicola Orlando, the EU ambassador to Libya, attended the talks.",
    "They met Nicola Orlando on Monday.",
])
def test_a_listed_given_name_the_model_took_for_a_body_opens_a_person(extractor, text):
    record = extractor.extract(text).to_dict()
    assert "Nicola Orlando" in [p["name"] for p in record["people"]]
    assert "Orlando" not in [p["name"] for p in record["places"]]


def test_a_given_name_before_a_capitalised_run_or_on_a_headline_opens_no_person():
    words = NameEdgeWords(never_given_names=frozenset(), name_articles=frozenset(), is_nationality=lambda w: False,
                          is_given_name=lambda w: w == "Nicola", is_other_name=lambda w: False)
    doc = spacy.blank("en")("The Nicola Orlando Foundation Trust met on Monday.")
    ent = Span(doc, 1, 2, label="ORG")
    assert with_given_names_taken_for_bodies(doc, [ent], words) == [ent]
    doc = spacy.blank("en")("They met Nicola Orlando on Monday.")
    assert [(s.text, s.label_) for s in with_given_names_taken_for_bodies(doc, [Span(doc, 2, 3, label="ORG")], words)] \
        == [("Nicola Orlando", "PERSON")]
