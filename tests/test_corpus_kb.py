"""KB entries suggested by a corpus (nerlibya.corpus.suggest) and merged into a KB folder (nerlibya.corpus.kb_merge)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nerlibya.corpus.identity import cluster
from nerlibya.corpus.kb_merge import KBMergeError, merge
from nerlibya.corpus.suggest import suggest, to_yaml
from nerlibya.knowledge.datafiles import parse_yaml
from nerlibya.knowledge.kb import KIND_FILES, check_kb, load_kb
from nerlibya.corpus.identity import Observation

from .conftest import ROOT
from .test_corpus_identity import person

GOVERNOR = ("Governor", "Central Bank of Libya")


def organisation(doc: str, name: str, date: str = "2020-01-01") -> Observation:
    return Observation(doc=doc, source=f"{doc}.txt", kind="organisation", name=name, date=date, forms=(name,))


@pytest.fixture(scope="module")
def clusters():
    return cluster([
        person("a", "Salem Gheriani", GOVERNOR, date="2019-03-02"), person("b", "Salim Ghiryani", GOVERNOR, date="2019-07-10"),
        person("c", "Salem al-Gharyani", ("Central Bank Governor", None), date="2020-01-15"),
        person("d", "Once Only", ("Mayor", None)),
        person("e", "Fayez al-Sarraj", ("Prime Minister", None), kb_id="fayez-al-sarraj"),
        person("f", "Fayez al-Sarraj", ("Prime Minister", None), kb_id="fayez-al-sarraj"),
        organisation("a", "Gharyan Water Authority"), organisation("b", "Gharyan Water Authority")])


@pytest.fixture()
def kb_folder(tmp_path) -> Path:
    folder = tmp_path / "kb"
    folder.mkdir()
    for filename in (*KIND_FILES.values(), "transliteration.yaml"):
        shutil.copyfile(ROOT / "models" / filename, folder / filename)
    return folder


def test_suggestions_for_unknown_entities_seen_often_enough(clusters):
    suggestions = suggest(clusters, load_kb(), min_documents=2)
    assert [(s.kind, s.entry["id"]) for s in suggestions] == [("organisation", "gharyan-water-authority"),
                                                              ("person", "salem-gheriani")]
    entry = suggestions[1].entry
    assert entry["name"] == "Salem Gheriani"
    assert entry["aliases"] == ["Salem al-Gharyani", "Salim Ghiryani"]
    assert entry["surnames"] == ["Gheriani", "al-Gharyani", "Ghiryani"]
    assert entry["offices"] == [
        {"title": "Governor", "organisation": None, "start": "2019-03", "end": "2019-07"},
        {"title": "Central Bank Governor", "organisation": None, "start": "2020-01", "end": "2020-01"}]
    assert suggestions[1].evidence.startswith("3 documents, 2019-03-02 to 2020-01-15; first sources: a.txt, b.txt, c.txt")
    assert [s.entry["id"] for s in suggest(clusters, load_kb(), min_documents=1)].count("once-only") == 1


def test_suggested_yaml_is_the_kb_format_with_evidence_comments(clusters):
    text = to_yaml(suggest(clusters, load_kb(), min_documents=2))
    assert '- id: "salem-gheriani"\n  name: "Salem Gheriani"\n  aliases:\n    - "Salem al-Gharyani"' in text
    assert "\n# 3 documents, 2019-03-02 to 2020-01-15; first sources: a.txt, b.txt, c.txt; corpus id corpus:" in text
    assert [e["id"] for e in parse_yaml(text)] == ["gharyan-water-authority", "salem-gheriani"]


def test_after_kb_add_every_suggested_spelling_links_to_the_new_id(clusters, kb_folder, tmp_path):
    reviewed = tmp_path / "reviewed.yaml"
    reviewed.write_text(to_yaml(suggest(clusters, load_kb(), min_documents=2)), encoding="utf-8")
    before = (kb_folder / "places.yaml").read_text(encoding="utf-8")
    added = merge(reviewed, kb_folder)
    assert added == {"organisations.yaml": ["gharyan-water-authority"], "people.yaml": ["salem-gheriani"]}
    assert check_kb(kb_folder)[0] == []
    kb = load_kb(kb_folder)
    for spelling in ("Salem Gheriani", "Salim Ghiryani", "Salem al-Gharyani"):
        assert kb.lookup(spelling) == {"salem-gheriani"}
    assert kb.lookup("Gharyan Water Authority") == {"gharyan-water-authority"}
    assert kb.by_id["salem-gheriani"].offices[0].start == "2019-03"
    people = (kb_folder / "people.yaml").read_text(encoding="utf-8")
    assert "# 3 documents, 2019-03-02" in people and people.startswith("# nerlibya knowledge base: people.")
    assert (kb_folder / "places.yaml").read_text(encoding="utf-8") == before


def test_the_merged_pipeline_links_a_spelling_in_an_article(clusters, kb_folder, tmp_path):
    from nerlibya.api import Extractor

    reviewed = tmp_path / "reviewed.yaml"
    reviewed.write_text(to_yaml(suggest(clusters, load_kb(), min_documents=2)), encoding="utf-8")
    merge(reviewed, kb_folder)
    record = Extractor(rules_only=True, kb_path=str(kb_folder)).extract(
        "Governor Salim Ghiryani spoke to reporters on Sunday.", "x.txt").to_dict()
    assert [(p["name"], p["id"]) for p in record["people"]] == [("Salem Gheriani", "salem-gheriani")]


@pytest.mark.parametrize("entry, message", [
    ('- id: "fayez-al-sarraj"\n  name: "Someone New"\n  surnames: []\n', "'fayez-al-sarraj': id 'fayez-al-sarraj' is already taken"),
    ('- id: "new-person"\n  name: "Fayez Sarraj"\n  surnames: []\n', "alias 'Fayez Sarraj' is already claimed by 'fayez-al-sarraj'"),
    ('- id: "new-person"\n  name: "A B"\n  surnames: []\n- id: "other-person"\n  name: "A B"\n  surnames: []\n',
     "'other-person': alias 'A B' is already claimed by 'new-person'"),
    ('- id: "new-org"\n  name: "New Org"\n  acronyms: ["GNA"]\n  kind: "other"\n', "acronym 'GNA' is already claimed"),
    ('- id: "x"\n  name: "X Y"\n', "cannot tell a person from an organisation"),
    ('- id: "x"\n  name: "X Y"\n  surnames: []\n  offices:\n    - title: "Mayor"\n      organisation: "no-such-org"\n',
     "office organisation 'no-such-org' is not an organisation id"),
    ('# nothing\n', "no entries to merge"),
    ('- id: "x"\n  name: [unclosed\n', "not valid YAML")])
def test_a_conflict_or_a_bad_entry_is_refused_in_one_line_and_nothing_is_written(kb_folder, tmp_path, entry, message):
    reviewed = tmp_path / "reviewed.yaml"
    reviewed.write_text(entry, encoding="utf-8")
    before = {f: (kb_folder / f).read_text(encoding="utf-8") for f in KIND_FILES.values()}
    with pytest.raises(KBMergeError) as error:
        merge(reviewed, kb_folder)
    assert message in str(error.value) and "\n" not in str(error.value)
    assert {f: (kb_folder / f).read_text(encoding="utf-8") for f in KIND_FILES.values()} == before


def test_an_unreadable_file_is_a_one_line_error(kb_folder, tmp_path):
    with pytest.raises(KBMergeError, match="cannot read"):
        merge(tmp_path / "missing.yaml", kb_folder)
