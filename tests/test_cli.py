"""The CLI beyond `extract` (which tests/test_batch_cli.py covers): help, kb and evaluate commands."""

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from nerlibya.cli import app

from .conftest import FIXTURE_KB, GOLD

runner = CliRunner()


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["extract", "--help"], ["evaluate", "--help"], ["kb", "--help"]])
def test_help(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and "Usage" in result.output


def test_python_dash_m_and_help_do_not_import_spacy():
    script = "import sys, runpy; sys.argv = ['nerlibya', '--help']\ntry:\n    runpy.run_module('nerlibya', run_name='__main__')\nexcept SystemExit:\n    pass\nprint('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("False")
    assert "extract" in out.stdout


def test_kb_validate_ok_and_broken(tmp_path):
    assert runner.invoke(app, ["kb", "validate"]).exit_code == 0
    (tmp_path / "people.yaml").write_text('- id: "x"\n  name: "X"\n- id: "x"\n  name: "X Again"\n', encoding="utf-8")
    for name in ("organisations.yaml", "places.yaml"):
        (tmp_path / name).write_text("[]\n", encoding="utf-8")
    result = runner.invoke(app, ["kb", "validate", str(tmp_path)])
    assert result.exit_code == 3 and "duplicate id" in result.output and "Traceback" not in result.output


def test_kb_show():
    result = runner.invoke(app, ["kb", "show", "saddam-haftar", "--kb", str(FIXTURE_KB)])
    assert result.exit_code == 0 and json.loads(result.stdout)["name"] == "Saddam Haftar"
    missing = runner.invoke(app, ["kb", "show", "nobody"])
    assert missing.exit_code == 2 and "nobody" in missing.output


@pytest.mark.model
def test_evaluate_json_and_min_f1(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text((GOLD / "en.jsonl").read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), "-f", "json"])
    assert result.exit_code == 0
    scores = json.loads(result.stdout)
    assert set(scores) == {"nerlibya", "spacy"} and scores["nerlibya"]["en"]["all"]["documents"] == 1
    assert runner.invoke(app, ["evaluate", str(gold), "--no-baseline", "--min-f1", "0.0"]).exit_code == 0
    impossible = tmp_path / "impossible.jsonl"
    impossible.write_text(json.dumps({"id": "x", "lang": "en", "split": "dev", "text": "Nothing happened in Tripoli.",
                                      "people": [{"name": "Ghost Person", "forms": [], "roles": []}],
                                      "organisations": [], "places": [{"name": "Tripoli", "forms": ["Tripoli"]}]}) + "\n",
                          encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(impossible), "--no-baseline", "--min-f1", "0.5"])
    assert result.exit_code == 1 and "en people" in result.output


def test_evaluate_bad_gold_file(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(bad), "--no-baseline"])
    assert result.exit_code == 2 and "bad.jsonl:1" in result.output


def _gold_file(tmp_path, splits):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({"id": f"g{i}", "lang": "en", "split": split, "text": "Talks in Tripoli.",
                                        "people": [], "organisations": [], "places": []}) + "\n"
                            for i, split in enumerate(splits)), encoding="utf-8")
    return gold


@pytest.mark.parametrize("split", ["heldot", "test"])
def test_evaluate_a_split_no_gold_document_has_is_a_usage_error(tmp_path, split):
    gold = _gold_file(tmp_path, ["dev", "heldout"])
    result = runner.invoke(app, ["evaluate", str(gold), "--split", split, "--no-baseline", "--min-f1", "0.9"])
    assert result.exit_code == 2
    assert result.stderr == f"nerlibya: error: unknown --split '{split}': the gold has dev, heldout (or use all)\n"


def test_evaluate_an_empty_or_malformed_gold_file_is_a_usage_error(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(empty), "--no-baseline", "--min-f1", "0.9"])
    assert result.exit_code == 2 and "no gold documents" in result.stderr
    not_a_document = tmp_path / "list.jsonl"
    not_a_document.write_text("[1, 2]\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(not_a_document), "--no-baseline"])
    assert result.exit_code == 2 and "list.jsonl:1: not a gold document" in result.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_evaluate_offers_only_the_formats_it_renders(tmp_path, fmt):
    result = runner.invoke(app, ["evaluate", str(_gold_file(tmp_path, ["dev"])), "-f", fmt, "--no-baseline"])
    assert result.exit_code == 2 and "table" in result.output and "json" in result.output


def test_evaluate_a_split_the_gold_names_scores_only_its_documents(tmp_path):
    gold = _gold_file(tmp_path, ["dev", "test", "test"])
    result = runner.invoke(app, ["evaluate", str(gold), "--split", "test", "--no-baseline", "--rules-only", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["nerlibya"]["en"]["test"]["documents"] == 2


def test_only_the_writers_that_need_the_text_keep_the_inputs(monkeypatch, tmp_path):
    """JSON, JSONL, CSV and tables never hold every article in memory; only HTML and SQLite keep each input
    until its record is written (a run over a whole archive must not grow with it)."""
    import nerlibya.engines.local as local

    kept = []
    original = local.RememberedInputs

    def remembering(items):
        kept.append(True)
        return original(items)

    monkeypatch.setattr(local, "RememberedInputs", remembering)
    for output_format in ("jsonl", "json", "csv", "table"):
        assert runner.invoke(app, ["extract", "samples", "--rules-only", "-q", "-f", output_format]).exit_code == 0
    assert not kept
    result = runner.invoke(app, ["extract", "samples", "--rules-only", "-q", "-f", "sqlite",
                                 "-o", str(tmp_path / "c.db")])
    assert result.exit_code == 0 and kept
