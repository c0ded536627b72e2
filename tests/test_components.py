"""Each component on its own, the way spaCy tests its rulers: blank pipelines, tiny texts."""

import json
import subprocess
import sys

import pytest
import spacy
from spacy.tokens import Span

import nerlibya.pipeline  # noqa: F401  (registers the factories)
from nerlibya.core.types import OrgRef
from nerlibya.errors import KnowledgeBaseError

from .conftest import preset_pipeline


def ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


@pytest.fixture()
def ruler_nlp(fixture_kb_path, fixture_lang_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("nerlibya_kb_ruler", config={"kb_path": fixture_kb_path, "lang_path": fixture_lang_path})
    return nlp


def test_kb_ruler_sets_kb_ids(ruler_nlp):
    doc = ruler_nlp("The Libyan Arab Armed Forces (LAAF) met in Syrte and at the Elysee Palace.")
    assert [(e.text, e.label_, e.id_) for e in doc.ents] == [
        ("Libyan Arab Armed Forces", "ORG", "libyan-national-army"),
        ("LAAF", "ORG", "libyan-national-army"),
        ("Syrte", "GPE", "sirte"),
        ("Elysee Palace", "FAC", "elysee-palace"),
    ]


def test_kb_ruler_longest_match_wins_and_surnames_are_case_sensitive(ruler_nlp):
    doc = ruler_nlp("Khalifa Haftar spoke. Later Haftar left; a haftar is not a name.")
    assert [(e.text, e.id_) for e in doc.ents] == [("Khalifa Haftar", "khalifa-haftar"), ("Haftar", "")]


def test_kb_ruler_leaves_a_surname_glued_by_a_hyphen_to_another_name_to_the_model(ruler_nlp):
    # the second half of someone else's compound name; after an article or another KB surname it is still read
    assert ents(ruler_nlp("Omar Bel-Haftar spoke.")) == []
    assert ents(ruler_nlp("Omar Al-Haftar spoke.")) == [("Haftar", "PERSON")]
    assert ents(ruler_nlp("The Dbeibah-Haftar talks ended.")) == [("Dbeibah", "PERSON"), ("Haftar", "PERSON")]


def test_kb_ruler_finds_the_place_of_a_post_before_its_holders_name(ruler_nlp):
    doc = ruler_nlp("He met the Maltese envoy to Tripoli Joseph Cole and the envoy in Benghazi Ali Omar.")
    assert ents(doc) == [("Tripoli", "GPE"), ("Benghazi", "GPE")]
    assert ents(ruler_nlp("The Tripoli Process met again.")) == []  # a place inside a longer name stays unread


def test_kb_ruler_acronyms_are_case_sensitive(ruler_nlp):
    assert ents(ruler_nlp("The gnu and the GNU.")) == [("GNU", "ORG")]


def test_kb_ruler_keeps_existing_entities_unless_told(fixture_kb_path, fixture_lang_path):
    @spacy.Language.component("preset_ent")
    def preset_ent(doc):
        doc.ents = [Span(doc, 0, 1, label="ORG")]
        return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("preset_ent")
    nlp.add_pipe("nerlibya_kb_ruler", config={"kb_path": fixture_kb_path, "lang_path": fixture_lang_path})
    assert ents(nlp("Tripoli Benghazi")) == [("Tripoli", "ORG"), ("Benghazi", "GPE")]
    nlp.remove_pipe("nerlibya_kb_ruler")
    nlp.add_pipe("nerlibya_kb_ruler", config={"kb_path": fixture_kb_path, "lang_path": fixture_lang_path,
                                             "overwrite_ents": True})
    assert ents(nlp("Tripoli Benghazi")) == [("Tripoli", "GPE"), ("Benghazi", "GPE")]


def test_kb_ruler_refuses_an_empty_knowledge_base(tmp_path, fixture_lang_path):
    for name in ("people.yaml", "organisations.yaml", "places.yaml"):
        (tmp_path / name).write_text("[]\n", encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("nerlibya_kb_ruler", config={"kb_path": str(tmp_path), "lang_path": fixture_lang_path})
    with pytest.raises(KnowledgeBaseError, match="empty"):
        nlp.initialize()  # the knowledge is read on initialize (or first use), so a saved pipeline need not find it
    with pytest.raises(KnowledgeBaseError, match="empty"):
        nlp("Tripoli")


def test_cleanup_trims_determiners_possessives_and_titles(fixture_kb_path, fixture_lang_path):
    nlp = preset_pipeline("en", [(0, 4, "ORG"), (5, 8, "PERSON")],
                          ("nerlibya_entity_cleanup", {"kb_path": fixture_kb_path, "lang_path": fixture_lang_path}))
    doc = nlp("the General Command’s chief President Ahmed Ali")
    assert ents(doc) == [("General Command", "ORG"), ("Ahmed Ali", "PERSON")]


def test_cleanup_trims_a_nationality_word_of_the_word_lists_before_a_person(fixture_kb_path, fixture_lang_path):
    """'Eritrean' is a nationality word of words.yaml that no KB place gives as its demonym: no given name still."""
    nlp = preset_pipeline("en", [(3, 6, "PERSON")],
                          ("nerlibya_entity_cleanup", {"kb_path": fixture_kb_path, "lang_path": fixture_lang_path}))
    assert ents(nlp("The list names Eritrean Tesfay Hagos and others")) == [("Tesfay Hagos", "PERSON")]


def test_cleanup_keeps_a_dropped_label_the_kb_knows_by_name(fixture_kb_path, fixture_lang_path):
    nlp = preset_pipeline("en", [(2, 6, "MISC"), (8, 9, "MISC")],
                          ("nerlibya_entity_cleanup", {"kb_path": fixture_kb_path, "lang_path": fixture_lang_path}))
    doc = nlp("Talks with House-of Representatives members and Sunday guests")
    assert ents(doc) == [("House-of Representatives", "ORG")]


def test_cleanup_makes_a_person_of_the_name_after_a_courtesy_title(fixture_kb_path, fixture_lang_path):
    """The model may tag 'H.E Jean-Claude X' as a product: the courtesy title says a person's name follows."""
    nlp = preset_pipeline("en", [(2, 6, "PRODUCT"), (9, 11, "PRODUCT")],
                          ("nerlibya_entity_cleanup", {"kb_path": fixture_kb_path, "lang_path": fixture_lang_path}))
    doc = nlp("Statements by Sheikh Omar Abdel Karim were read and Sheikh Falcon landed")
    assert ents(doc) == [("Omar Abdel Karim", "PERSON"), ("Sheikh Falcon", "PRODUCT")]


def test_cleanup_drops_a_person_that_ends_with_a_courtesy_title(fixture_kb_path, fixture_lang_path):
    """fr_core_news_sm may tag 'Déclaration de M.' as a person before the name the courtesy title introduces."""
    nlp = preset_pipeline("en", [(0, 3, "PERSON"), (3, 5, "PERSON")],
                          ("nerlibya_entity_cleanup", {"kb_path": fixture_kb_path, "lang_path": fixture_lang_path}))
    assert ents(nlp("Statement by Mr. Taher Sonni was read")) == [("Taher Sonni", "PERSON")]
    nlp = preset_pipeline("en", [(1, 6, "PERSON")],
                          ("nerlibya_entity_cleanup", {"kb_path": fixture_kb_path, "lang_path": fixture_lang_path}))
    assert ents(nlp("Minister Ali Khalifa al-Sheikh resigned")) == [("Ali Khalifa al-Sheikh", "PERSON")]  # a surname


def test_titles_introduce_unknown_people(rules_nlp):
    doc = rules_nlp("Colonel Ahmed al-Zawi, the commander of the 166th Brigade, spoke.")
    assert ("Ahmed al-Zawi", "PERSON") in ents(doc)
    titles = {t.title: t for t in doc._.titles}
    assert titles["commander"].org == OrgRef(text="166th Brigade", at=10)  # the words, and the token they start at


def test_a_given_name_after_a_capitalised_portfolio_opens_the_holders_name(rules_nlp):
    doc = rules_nlp("Budget talks\n\nOn Monday Minister of Finance Khaled Warfalli said the budget was late.")
    assert ("Khaled Warfalli", "PERSON") in ents(doc)
    assert [t.title for t in doc._.titles] == ["Minister of Finance"]


def test_acronyms_pair_and_propagate(rules_nlp):
    doc = rules_nlp("The Stabilization Support Apparatus (SSA) denied it. Later the SSA's men left.")
    assert doc._.acronyms == {"SSA": [1, 4]}
    links = [e._.link.key for e in doc.ents if e.label_ == "ORG"]
    assert len(links) == 3 and len(set(links)) == 1


def test_acronyms_written_as_words_pair_only_on_exact_initials(rules_nlp):
    doc = rules_nlp("The North Atlantic Treaty Organization (Nato) met. Later Nato said no. "
                    "Envoys met in Rome (Italy) and in Gharyan (Libya).")
    assert doc._.acronyms == {"Nato": [1, 5]}
    keys = {e._.link.key for e in doc.ents if e.text in ("North Atlantic Treaty Organization", "Nato")}
    assert len(keys) == 1 and [e.label_ for e in doc.ents if e.text == "Nato"] == ["ORG", "ORG"]


def test_an_acronym_spelling_a_name_after_its_kind_pairs_with_the_whole_name():
    import spacy
    from spacy.tokens import Doc, Span

    from nerlibya.components.acronyms import long_form_before

    doc = Doc(spacy.blank("fr").vocab, words="selon l' Agence Sahel Ouest Presse ( SOP ) hier".split())
    doc.ents = [Span(doc, 2, 6, label="ORG")]
    assert long_form_before(doc, 6, "SOP") == (2, 6)
    doc.ents = [Span(doc, 1, 6, label="ORG")]  # two words before the spelt name: not one name with it
    assert long_form_before(doc, 6, "SOP") == (3, 6)


def test_an_acronym_first_pairs_with_the_long_form_in_its_brackets():
    import spacy
    from spacy.tokens import Doc

    from nerlibya.components.acronyms import paired_long_form

    vocab = spacy.blank("fr").vocab
    doc = Doc(vocab, words="le chef de la SNT ( Société nationale des transports ) a parlé".split())
    assert paired_long_form(doc, 5) == ("SNT", (6, 10))
    doc = Doc(vocab, words="TRIPOLI ( Reuters ) - la SNT ( société , disent - ils ) a parlé".split())
    assert paired_long_form(doc, 1) is None and paired_long_form(doc, 7) is None  # no long form spelt out
    doc = Doc(vocab, words="la Société nationale des transports ( SNT ) a parlé".split())
    assert paired_long_form(doc, 5) == ("SNT", (1, 5))


def test_word_acronym_initials():
    from nerlibya.components.acronyms import initials_fit, is_word_acronym

    assert is_word_acronym("Manul") and not is_word_acronym("UNSMIL") and not is_word_acronym("Al")
    assert initials_fit(["Mission", "d'", "appui", "des", "Nations", "unies", "en", "Libye"], "Manul")
    assert not initials_fit(["Libya", "\n\n", "National", "Oil"], "Noc")  # line breaks and spaces are no words


def roles_of(doc):
    return sorted((doc[r.person[0]:r.person[1]].text, r.title, r.pattern) for r in doc._.roles)


@pytest.mark.parametrize("text,expected", [
    ("Prime Minister Abdul Hamid Dbeibah spoke.", [("Abdul Hamid Dbeibah", "Prime Minister", "before-name")]),
    ("Khalifa Haftar, the commander of the LNA, spoke.", [("Khalifa Haftar", "commander", "apposition-after")]),
    ("The head of the Libyan National Army, Khalifa Haftar, spoke.",
     [("Khalifa Haftar", "head", "apposition-before")]),
    ("Khalifa Haftar was appointed commander of the LNA in 2015.", [("Khalifa Haftar", "commander", "appointment")]),
    ("The GNU, led by Abdul Hamid Dbeibah, said no.", [("Abdul Hamid Dbeibah", "head", "clause")]),
    ("Emmanuel Macron met Saddam Haftar, the envoy of Khalifa Haftar.",
     [("Saddam Haftar", "envoy", "apposition-after")]),
    ("The French President said nothing.", []),
])
def test_roles_attach_to_the_right_person(rules_nlp, text, expected):
    assert roles_of(rules_nlp(text)) == expected


def test_role_organisation_from_nationality_and_complement(rules_nlp):
    doc = rules_nlp("Saddam Haftar met French President Emmanuel Macron and Khalifa Haftar, Commander-in-Chief of the LNA.")
    roles = {r.title: r for r in doc._.roles}
    assert roles["President"].org == OrgRef(id="france")
    span = roles["Commander-in-Chief"].org.span
    assert doc[span[0]:span[1]].text == "LNA"


def test_role_status_from_text_and_from_kb(rules_nlp):
    doc = rules_nlp("Former Prime Minister Abdul Hamid Dbeibah met Field Marshal Khalifa Haftar.")
    roles = {r.title: r for r in doc._.roles}
    assert (roles["Former Prime Minister"].status, roles["Former Prime Minister"].status_source) == ("former", "text")
    assert (roles["Field Marshal"].status, roles["Field Marshal"].status_source) == ("current", "kb")


def test_resolver_bare_surname_goes_to_the_nearest_fitting_person(rules_nlp):
    text = ("Khalifa Haftar stayed in Benghazi. His son Saddam Haftar flew to Paris. Haftar met Emmanuel Macron. "
            "Haftar later conveyed the greetings of Khalifa Haftar to Macron.")
    doc = rules_nlp(text)
    haftars = [e._.link.id for e in doc.ents if e.text == "Haftar"]
    assert haftars == ["saddam-haftar", "saddam-haftar"]


def test_resolver_fuzzy_matches_transliterations_but_never_two_people(rules_nlp):
    doc = rules_nlp("Prime Minister Abdul Hamid Dbeibeh met Saqr Haftar and General Vincent Girod.")
    links = {e.text: e._.link for e in doc.ents if e.label_ == "PERSON"}
    assert links["Abdul Hamid Dbeibeh"].id == "abdul-hamid-dbeibah" and links["Abdul Hamid Dbeibeh"].match == "fuzzy"
    assert links["Vincent Girod"].id == "vincent-giraud"
    assert links["Saqr Haftar"].id == "saqr-haftar"


def test_unknown_people_merge_within_a_document(rules_nlp):
    doc = rules_nlp("Colonel Ahmed al-Zawi spoke. Zawi later left; Colonel Ahmed Zawi returned.")
    keys = {e._.link.key for e in doc.ents if e.label_ == "PERSON"}
    ids = {e._.link.id for e in doc.ents if e.label_ == "PERSON"}
    assert len(keys) == 1 and ids == {None}


SUBPROCESS_SCRIPT = r"""
import json, sys, spacy
nlp = spacy.blank("en")
nlp.add_pipe("sentencizer")
config = {"kb_path": sys.argv[1], "lang_path": sys.argv[2]}
nlp.add_pipe("nerlibya_kb_ruler", config=config)
for name in ("nerlibya_entity_cleanup", "nerlibya_titles", "nerlibya_acronyms", "nerlibya_resolver", "nerlibya_roles"):
    nlp.add_pipe(name, config={"nerlibya_acronyms": {}, "nerlibya_resolver": {"kb_path": sys.argv[1]}}.get(name, config))
doc = nlp("Field Marshal Khalifa Haftar met Emmanuel Macron.")
print(json.dumps({"modules": sorted(m for m in sys.modules if m.startswith("nerlibya")),
                  "roles": [r.title for r in doc._.roles]}))
"""


def test_factories_are_found_through_entry_points(fixture_kb_path, fixture_lang_path):
    """Other people's pipelines use our components without importing nerlibya by hand."""
    out = subprocess.run([sys.executable, "-c", SUBPROCESS_SCRIPT, fixture_kb_path, fixture_lang_path], capture_output=True, text=True,
                         check=True)
    assert json.loads(out.stdout)["roles"] == ["Field Marshal"]


def test_saved_pipeline_loads_with_spacy_load(rules_nlp, tmp_path, fixture_kb_path):
    rules_nlp.to_disk(tmp_path / "pipeline")
    script = ("import spacy, sys; nlp = spacy.load(sys.argv[1]); doc = nlp('General Vincent Girod met Khalifa Haftar.');"
              "print([e._.link.id for e in doc.ents])")
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "pipeline")], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "['vincent-giraud', 'khalifa-haftar']"


def test_shared_surname_opening_a_sentence_is_kept(rules_nlp):
    doc = rules_nlp("Haftar met Macron in Paris.")
    assert [(e.text, e.label_) for e in doc.ents][0] == ("Haftar", "PERSON")


def test_saved_pipeline_carries_its_knowledge(tmp_path):
    """As spaCy's rulers do: nlp.to_disk writes the KB and lexicon each component holds, so the pipeline
    loads and gives the same records after the folders it was built from are gone."""
    import shutil

    from nerlibya.api import extract
    from nerlibya.pipeline import build_nlp

    from .conftest import FIXTURE_KB

    kb = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, kb)
    nlp = build_nlp("en", rules_only=True, kb_path=kb, lang_path=kb / "lang")
    text = ("Former Prime Minister Abdul Hamid Dbeibeh met Field Marshal Khalifa Haftar in Syrte. "
            "Haftar, the commander of the LNA, left for Paris.")
    before = extract(nlp(text), nlp=nlp).to_dict()
    nlp.to_disk(tmp_path / "pipeline")
    shutil.rmtree(kb)
    loaded = spacy.load(tmp_path / "pipeline")
    after = extract(loaded(text), nlp=loaded).to_dict()
    assert after == before
    assert {p["id"] for p in after["people"]} == {"abdul-hamid-dbeibah", "khalifa-haftar"}


def test_knowledge_components_round_trip_through_bytes(rules_nlp):
    ruler = rules_nlp.get_pipe("nerlibya_kb_ruler")
    copy = spacy.blank("en").add_pipe("nerlibya_kb_ruler", config={"kb_path": "/nowhere", "lang_path": "/nowhere"})
    copy.from_bytes(ruler.to_bytes())
    assert copy.kb.to_records() == ruler.kb.to_records() and len(copy) == len(ruler)
    assert copy.lexicon == ruler.lexicon


@pytest.mark.parametrize("label", ["ORG", "LOC"])
def test_resolver_reads_a_surname_the_model_tagged_as_organisation(fixture_kb_path, label):
    """'Langley' after 'Michael Langley' is the same person, even tagged ORG (its comparison key once lost
    'La', as if it were the French article) or LOC (the French model's place label: 'a déclaré Akar')."""
    nlp = preset_pipeline("en", [(1, 3, "PERSON"), (5, 6, label)], ("nerlibya_resolver", {"kb_path": fixture_kb_path}),
                          sentences=True)
    doc = nlp("General Michael Langley spoke . Langley left .")
    assert [(e.text, e.label_) for e in doc.ents] == [("Michael Langley", "PERSON"), ("Langley", "PERSON")]
    assert len({e._.link.key for e in doc.ents}) == 1


@pytest.mark.parametrize("text,span,label", [
    # a name the model took for an organisation, in apposition after an office: the holder
    ("He met the President, Karim Ben Salah, on Monday.", (5, 8), "PERSON"),
    # an acronym or an open apposition leave the organisation alone
    ("He met the President, Karim Ben SALAH, on Monday.", (5, 8), "ORG"),
    ("He met the President, Karim Ben Salah said.", (5, 8), "ORG"),
])
def test_a_name_in_apposition_after_an_office_taken_for_a_body_is_a_person(fixture_kb_path, fixture_lang_path,
                                                                           text, span, label):
    nlp = preset_pipeline("en", [(*span, "ORG")],
                          ("nerlibya_titles", {"kb_path": fixture_kb_path, "lang_path": fixture_lang_path}))
    doc = nlp(text)
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(*span, label)]


def test_a_long_form_the_model_named_in_part_is_one_organisation():
    import spacy
    from spacy.tokens import Doc

    from nerlibya.components.acronyms import AcronymDetector, entities_inside, long_form_before

    words = "un Comité contre l' exil et les camps de réfugiés en Tunisie ( CECRT ) a parlé".split()
    doc = Doc(spacy.blank("fr").vocab, words=words)
    doc.ents = [Span(doc, 1, 2, label="LOC"), Span(doc, 11, 12, label="GPE", span_id="tunisia"),
                Span(doc, 13, 14, label="ORG")]
    assert long_form_before(doc, 12, "CECRT") == (1, 12)  # the left-out words ('contre', 'l'', 'et les') do not count
    ents = list(doc.ents)
    assert entities_inside(ents, [e.end for e in ents], (1, 12)) == ents[:2]
    assert entities_inside([Span(doc, 0, 2, label="ORG")], [2], (1, 12)) is None  # one crossing the edge: left alone
    AcronymDetector("acronyms").process(doc)
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(1, 12, "ORG"), (13, 14, "ORG")]
    assert doc._.acronyms == {"CECRT": [1, 12]}

