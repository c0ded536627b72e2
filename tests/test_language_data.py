"""Language data lives in models/lang/<code>/, one folder per language: each pipeline reads only its own."""

import shutil

import pytest

import nerlibya.pipeline  # noqa: F401  (registers the factories)
from nerlibya.core.types import OrgRef
from nerlibya.errors import KnowledgeBaseError
from nerlibya.knowledge.lexicon import lexicon_from_data, load_lexicon, read_language_data
from nerlibya.pipeline import build_nlp

from .conftest import FIXTURE_KB, FIXTURE_LANG, preset_pipeline


def cleaned(lang: str, text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """The entity texts left by the cleanup component, given the spans a model would have tagged."""
    nlp = preset_pipeline(lang, spans, ("nerlibya_entity_cleanup",
                                        {"kb_path": str(FIXTURE_KB), "lang_path": str(FIXTURE_LANG)}))
    return [e.text for e in nlp(text).ents]


def test_english_keeps_names_that_start_with_a_french_article():
    text = "From La Paz to Des Moines , Le Pen and de Gaulle met the Libyan National Army ."
    spans = [(1, 3, "GPE"), (4, 6, "GPE"), (7, 9, "PERSON"), (10, 12, "PERSON"), (13, 17, "ORG")]
    assert cleaned("en", text, spans) == ["La Paz", "Des Moines", "Le Pen", "de Gaulle", "Libyan National Army"]


def test_french_still_trims_its_articles():
    text = "Selon la Chambre des représentants et l'Armée nationale libyenne ."
    assert cleaned("fr", text, [(1, 5, "ORG"), (6, 10, "ORG")]) == ["Chambre des représentants",
                                                                     "Armée nationale libyenne"]


def test_each_language_reads_only_its_own_words():
    english, french = load_lexicon("en").words, load_lexicon("fr").words
    assert english.leading_determiners == {"the", "a", "an"}
    assert not {"la", "le", "des", "un", "de"} & (english.leading_determiners | english.title_determiners)
    assert not {"the", "a", "an", "of"} & (french.leading_determiners | french.title_determiners)
    assert french.adjectives_follow_noun and not english.adjectives_follow_noun


def test_english_titles_read_un_as_a_name_not_a_french_article(rules_nlp):
    doc = rules_nlp("Ahmed Ali, the head of the UN council, spoke.")
    assert {t.title: t.org for t in doc._.titles}["head"] == OrgRef(text="UN", at=7)  # the words, and the token they start at


def test_a_name_joined_to_an_adjective_is_not_the_complement(rules_nlp):
    """'the Tripoli-based council': Tripoli qualifies the council; the head is not Tripoli's."""
    doc = rules_nlp("Khalifa Haftar, the commander of the Tripoli-based council, spoke.")
    assert {t.title: t.org for t in doc._.titles}["commander"] is None


def test_a_given_language_folder_is_read_or_refused(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="no language data for 'en'"):
        build_nlp("en", rules_only=True, kb_path=FIXTURE_KB, lang_path=tmp_path)
    shutil.copytree(FIXTURE_LANG / "en", tmp_path / "en")
    words = (tmp_path / "en" / "words.yaml").read_text(encoding="utf-8")
    (tmp_path / "en" / "words.yaml").write_text(words.replace("conjunctions:", "conjunctionz:"), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="conjunctions: list missing"):
        build_nlp("en", rules_only=True, kb_path=FIXTURE_KB, lang_path=tmp_path)


def test_a_third_language_is_a_data_folder(tmp_path):
    """German here reuses the English fixture words: the point is that no code names the language."""
    shutil.copytree(FIXTURE_LANG / "en", tmp_path / "de")
    nlp = build_nlp("de", rules_only=True, kb_path=FIXTURE_KB, lang_path=tmp_path)
    doc = nlp("Field Marshal Khalifa Haftar met Emmanuel Macron.")
    assert [r.title for r in doc._.roles] == ["Field Marshal"]


def test_a_given_pipeline_definition_is_read_or_refused(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="pipeline definition missing"):
        build_nlp("en", rules_only=True, kb_path=FIXTURE_KB, lang_path=FIXTURE_LANG, config_path=tmp_path / "none.cfg")


def test_a_given_kb_folder_is_read_or_refused(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="people.yaml: file missing"):
        build_nlp("en", rules_only=True, kb_path=tmp_path, lang_path=FIXTURE_LANG)


def test_kinds_of_body_are_word_lists_or_refused(tmp_path):
    from nerlibya.knowledge.lexicon import lexicon_from_data, load_lexicon, read_language_data

    shutil.copytree(FIXTURE_LANG / "en", tmp_path / "en")
    heads = tmp_path / "en" / "name_heads.yaml"
    heads.write_text(heads.read_text(encoding="utf-8") + '\nbodies: ["Council", "fund"]\norgans: ["board of directors"]\n',
                     encoding="utf-8")
    lexicon = load_lexicon("en", str(tmp_path))
    assert lexicon.heads.bodies == {"council", "fund"} and lexicon.heads.organs == {"board of directors"}
    heads.write_text(heads.read_text(encoding="utf-8").replace('bodies: ["Council", "fund"]', "bodies: council"),
                     encoding="utf-8")
    load_lexicon.cache_clear()
    with pytest.raises(KnowledgeBaseError, match="bodies: must be a list of strings"):
        load_lexicon("en", str(tmp_path))


def test_an_office_prefix_joined_to_a_one_word_office_makes_an_office():
    """'vice-gouverneur' is one token in French: a prefix listed in office_prefixes (an optional key) joins
    every one-word office, and no phrase."""
    data = read_language_data("fr")
    assert "vice-gouverneur" in lexicon_from_data("fr", data).offices
    assert "vice-directeur général" not in lexicon_from_data("fr", data).offices
    without = dict(data, **{"titles.yaml": {k: v for k, v in data["titles.yaml"].items() if k != "office_prefixes"}})
    assert "vice-gouverneur" not in lexicon_from_data("fr", without).offices
