"""French articles: language detection, the French pipeline, and ids shared with English."""

import pytest

from nerlibya.language import detect_language


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
