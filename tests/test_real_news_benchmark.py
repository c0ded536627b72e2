"""benchmarks/real_news.py: the bootstrap intervals and the refusal to list errors of held-out documents,
on tiny made-up gold (no model is loaded)."""

import importlib.util
import json
from pathlib import Path

import pytest

from nerlibya.evaluate import Counts, Score, bootstrap_intervals, document_errors

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "real_news.py"


@pytest.fixture(scope="module")
def real_news():
    spec = importlib.util.spec_from_file_location("real_news", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _document(tp: int, fp: int, fn: int) -> Score:
    score = Score(documents=1)
    score.counts["organisations"] = Counts(tp, fp, fn)
    return score


def test_identical_documents_give_a_point_interval():
    interval = bootstrap_intervals([_document(3, 1, 0)] * 5, draws=200)["organisations"]
    assert (interval["precision"].low, interval["precision"].high) == (0.75, 0.75)
    assert interval["recall"].low == interval["recall"].high == 1.0


def test_interval_brackets_the_pooled_figure_and_is_reproducible():
    documents = [_document(4, 0, 0), _document(0, 4, 0), _document(2, 2, 0), _document(3, 1, 0)]
    first = bootstrap_intervals(documents, draws=1000, seed=7)["organisations"]["precision"]
    assert first == bootstrap_intervals(documents, draws=1000, seed=7)["organisations"]["precision"]
    assert first.low < 9 / 16 < first.high
    assert 0.0 <= first.low and first.high <= 1.0


def test_no_documents_no_interval():
    assert bootstrap_intervals([])["people"]["f1"].high == 0.0


def test_document_errors_name_what_was_wrong_and_missing():
    gold = {"organisations": [{"name": "Central Bank of Libya", "forms": ["Central Bank of Libya", "CBL"]},
                              {"name": "Presidential Council", "forms": ["Presidential Council"]}],
            "people": [{"name": "Ali Saleh", "forms": ["Ali Saleh"], "roles": [{"title": "minister"}]}]}
    predicted = {"organisations": [{"name": "CBL", "forms": ["CBL"]}, {"name": "Summit", "forms": ["Summit"]}],
                 "people": [{"name": "Ali Saleh", "forms": ["Ali Saleh"], "roles": [{"title": "envoy"}]}]}
    errors = document_errors(predicted, gold)
    assert errors["organisations"] == {"false_positives": ["Summit"], "false_negatives": ["Presidential Council"]}
    assert errors["roles"] == {"false_positives": ["Ali Saleh: envoy"], "false_negatives": ["Ali Saleh: minister"]}


def _gold_file(tmp_path: Path, lines: list[dict]) -> str:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return str(path)


def _line(split: str, outlet: str) -> dict:
    return {"id": f"x-{split}", "lang": "en", "split": split, "outlet": outlet, "text": "A made-up line.",
            "people": [], "organisations": [], "places": []}


def _outlet(real_news, split: str) -> str:
    return next(name for name in (f"outlet{n}" for n in range(100)) if real_news.split_for(name) == split)


def test_errors_refused_on_held_out_documents(real_news, tmp_path, capsys):
    path = _gold_file(tmp_path, [_line("dev", _outlet(real_news, "dev")),
                                 _line("heldout", _outlet(real_news, "heldout"))])
    for split in ("heldout", "all"):
        assert real_news.main([path, "--split", split, "--errors", "--no-baseline"]) == real_news.EXIT_USAGE
        err = capsys.readouterr().err
        assert err.startswith("error: --errors reads dev documents only") and err.count("\n") == 1


def test_errors_refused_when_a_dev_line_names_a_held_out_outlet(real_news, tmp_path, capsys):
    path = _gold_file(tmp_path, [_line("dev", _outlet(real_news, "heldout"))])
    assert real_news.main([path, "--split", "dev", "--errors", "--no-baseline"]) == real_news.EXIT_USAGE
    assert "held out" in capsys.readouterr().err


def test_unknown_split_content_is_a_usage_error(real_news, tmp_path, capsys):
    path = _gold_file(tmp_path, [_line("dev", _outlet(real_news, "dev"))])
    assert real_news.main([path, "--split", "heldout"]) == real_news.EXIT_USAGE
    assert "no gold documents" in capsys.readouterr().err


def test_a_component_that_failed_is_reported_not_silently_scored(real_news):
    """A component that raised on documents leaves `warnings` in their records: the run says so, once per
    component, since figures of a degraded pipeline are not the pipeline's."""
    records = {"a": {"warnings": [{"component": "nerlibya_entity_cleanup", "error": "NameError: x"}]},
               "b": {"warnings": [{"component": "nerlibya_entity_cleanup", "error": "NameError: x"}]},
               "c": {}}
    assert real_news.degraded(records) == [
        "warning: nerlibya_entity_cleanup failed on 2 document(s), first: NameError: x"]
    assert real_news.degraded({"c": {}}) == []
