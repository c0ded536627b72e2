"""The knowledge base: loading, indexes, and the validator curators rely on."""

import shutil
from pathlib import Path

import pytest

from nerlibya.errors import KnowledgeBaseError
from nerlibya.knowledge.kb import default_kb_path, load_kb, validate_kb
from nerlibya.knowledge.lexicon import load_lexicon

from .conftest import FIXTURE_KB


def test_curated_knowledge_base_is_valid():
    problems = validate_kb(default_kb_path())
    assert problems == [], "\n".join(map(str, problems))


def test_curated_knowledge_base_covers_the_issue_list():
    kb = load_kb()
    for entity_id in ("khalifa-haftar", "saddam-haftar", "abdul-hamid-dbeibah", "osama-hamad", "mohamed-al-menfi",
                      "aguila-saleh", "emmanuel-macron", "paul-soler", "vincent-giraud", "libyan-national-army",
                      "government-of-national-unity", "house-of-representatives", "high-council-of-state",
                      "central-bank-of-libya", "national-oil-corporation", "unsmil", "tripoli", "benghazi",
                      "cyrenaica", "tripolitania", "fezzan", "elysee-palace", "paris"):
        assert entity_id in kb, entity_id
    assert kb.by_demonym["french"] == "france"


def test_lexicons_load_for_both_languages():
    assert "prime minister" in load_lexicon("en").offices
    assert "maréchal" in load_lexicon("fr").ranks


def test_indexes_keep_shared_surnames_ambiguous():
    kb = load_kb(FIXTURE_KB)
    assert kb.by_surname["haftar"] == {"khalifa-haftar", "saddam-haftar", "saqr-haftar"}
    assert kb.lookup("GNU") == {"government-of-national-unity"}
    assert kb.lookup("the Libyan Arab Armed Forces") == {"libyan-national-army"}
    assert kb.lookup("gnu") == set()  # acronyms are case-sensitive, aliases are not


def _copy_fixture(tmp_path: Path) -> Path:
    folder = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, folder)
    return folder


def _append(folder: Path, filename: str, text: str) -> None:
    with open(folder / filename, "a", encoding="utf-8") as handle:
        handle.write(text)


@pytest.mark.parametrize("filename,entry,problem", [
    ("places.yaml", '- id: "tripoli"\n  name: "Tripoli Again"\n  label: "GPE"\n', "duplicate id"),
    ("places.yaml", '- id: "zz-town"\n  name: "Zz"\n  label: "GPE"\n  aliases:\n    - "Paris"\n', "also claimed"),
    ("places.yaml", '- id: "zz-town"\n  name: "Zz"\n  label: "CITY"\n', "unknown label"),
    ("places.yaml", '- id: "zz-town"\n  name: "Zz"\n  label: "GPE"\n  colour: "red"\n', "unknown field"),
    ("places.yaml", '- id: "aaa"\n  name: "Aaa"\n  label: "GPE"\n', "not sorted"),
    ("people.yaml", '- id: "zz-person"\n  name: "Zz Person"\n  offices:\n    - title: "Boss"\n      organisation: "nowhere"\n', "not an organisation id"),
    ("organisations.yaml", '- id: "zz-org"\n  name: "Zz Org"\n  acronyms:\n    - "GNU"\n', "acronym 'GNU'"),
    ("people.yaml", '- id: "zz-person"\n  name: "Zz Person"\n  aliases: "not a list"\n', "must be a list"),
    ("organisations.yaml", '- id: "zz-org"\n  name: "Zz Senate"\n  generic_names:\n    - "Senate"\n', "generic name 'Senate'"),
    ("organisations.yaml", '- id: "zz-org"\n  name: "Zz Org"\n  shared_names:\n    - "Nobody Council"\n',
     "shared name 'nobody council'"),
])
def test_validator_reports_entry_and_problem(tmp_path, filename, entry, problem):
    folder = _copy_fixture(tmp_path)
    _append(folder, filename, entry)
    problems = validate_kb(folder)
    assert any(problem in p.problem for p in problems), problems
    with pytest.raises(KnowledgeBaseError):
        load_kb(folder)


def test_invalid_yaml_is_a_one_line_error(tmp_path):
    folder = _copy_fixture(tmp_path)
    (folder / "people.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as info:
        load_kb(folder)
    assert "people.yaml" in str(info.value) and "\n" not in str(info.value)


def test_empty_knowledge_base_raises(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    for name in ("people.yaml", "organisations.yaml", "places.yaml"):
        (folder / name).write_text("[]\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="empty"):
        load_kb(folder)


def test_outlets_that_report_on_libya_are_organisations():
    """Outlets and a research body Libyan news cites by name ('told Al-Arab', 'according to 218News')."""
    kb = load_kb()
    for name in ("Al-Arab", "218News", "Global Initiative"):
        ids = kb.lookup(name)
        assert len(ids) == 1 and kb.by_id[next(iter(ids))].kind == "organisation", name
