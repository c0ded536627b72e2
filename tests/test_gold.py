"""Quality floors on the held-out gold articles (never used for tuning), nerlibya against bare spaCy.

The floors are the ones the roles-and-identity issue (English) and the French issue set; the same run
scores bare spaCy on the same documents, and nerlibya must beat it clearly on every category.
"""

import pytest

from nerlibya.evaluate import baseline_record, evaluate, read_gold, with_kb_names

from .conftest import GOLD

pytestmark = pytest.mark.model

FLOORS = {
    "en": {"people": 0.90, "organisations": 0.85, "places": 0.90, "roles": 0.75},
    "fr": {"people": 0.85, "organisations": 0.75, "places": 0.85, "roles": 0.60},
}
MARGIN = 0.05


@pytest.fixture(scope="module")
def heldout_scores(extractor):
    import spacy

    from nerlibya.pipeline import find_model, pipeline_config

    items = [i for lang in ("en", "fr") for i in read_gold(GOLD / f"{lang}.jsonl") if i["split"] == "heldout"]
    bare = {lang: spacy.load(find_model(lang, None, pipeline_config(None))[0]) for lang in ("en", "fr")}
    systems = {
        "nerlibya": lambda text, lang: with_kb_names(extractor.extract(text).to_dict(), extractor.kb),
        "spacy": lambda text, lang: baseline_record(bare[lang](text)),
    }
    return evaluate(items, systems)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_heldout_floors(heldout_scores, lang):
    score = heldout_scores["nerlibya"][lang]["heldout"]
    low = {c: round(score.counts[c].f1, 3) for c, floor in FLOORS[lang].items() if score.counts[c].f1 < floor}
    assert not low, f"{lang} held-out F1 below floor: {low}"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_far_above_bare_spacy(heldout_scores, lang):
    ours, bare = heldout_scores["nerlibya"][lang]["heldout"], heldout_scores["spacy"][lang]["heldout"]
    for category in FLOORS[lang]:
        assert ours.counts[category].f1 >= bare.counts[category].f1 + MARGIN, category


def test_gold_files_are_well_formed():
    for lang in ("en", "fr"):
        items = read_gold(GOLD / f"{lang}.jsonl")
        assert len({i["id"] for i in items}) == len(items)
        assert {i["split"] for i in items} == {"dev", "heldout"}
        for item in items:
            for group in ("people", "organisations", "places"):
                for entity in item[group]:
                    for form in entity["forms"]:
                        assert form in item["text"], (item["id"], form)
    assert sum(1 for i in read_gold(GOLD / "en.jsonl")) >= 32
    assert sum(1 for i in read_gold(GOLD / "fr.jsonl")) >= 15
