"""The terminal as a new user meets it, at 80 columns: tables that never cut an id or a figure, names shown
as written (rich markup in them is text), one line when nothing was found, --version, --help without Python
type names, kb validate saying what it checked, and the progress total."""

from __future__ import annotations

import functools
import json
import re

import pytest
from rich.console import Console
from typer.testing import CliRunner

import nerlibya.engines.local as batch
from nerlibya.cli import app
from nerlibya.sources.files import count_inputs
from nerlibya.sources.items import ReadOptions
from nerlibya.sinks.table import render_scores, render_table

from .conftest import SAMPLES

_cached_make_extractor = functools.lru_cache(maxsize=None)(batch.make_extractor)
runner = CliRunner()


@pytest.fixture(autouse=True)
def shared_extractor(monkeypatch):
    monkeypatch.setattr(batch, "make_extractor", _cached_make_extractor)


@pytest.fixture(scope="module")
def sample_records():
    from nerlibya.api import Extractor

    extractor = Extractor(lang="auto", rules_only=True)
    return [extractor.extract(p.read_text(encoding="utf-8"), str(p)).to_dict() for p in sorted(SAMPLES.glob("*.txt"))]


def rendered(record: dict, width: int = 80) -> str:
    console = Console(width=width, record=True, file=open("/dev/null", "w"))
    render_table(record, console)
    return console.export_text()


def words(text: str) -> set[str]:
    return set(re.findall(r"[\w.-]+", text))


def test_tables_at_80_columns_keep_every_id_and_count_whole(sample_records):
    for record in sample_records:
        text = rendered(record)
        assert max(len(line) for line in text.splitlines()) <= 80
        found = words(text)
        for group in ("people", "organisations", "places"):
            for entity in record[group]:
                assert entity["id"] is None or entity["id"] in found, entity["id"]
                assert str(len(entity["mentions"])) in found


def test_wide_terminals_keep_a_kb_id_column(sample_records):
    assert "KB id" in rendered(sample_records[2], width=140)


def test_markup_in_a_source_or_name_is_shown_as_written():
    record = {"source": "x[/bold] [bold]y[/]", "lang": "en", "entities": [], "organisations": [], "places": [],
              "people": [{"name": "[red]Ali[/red]", "id": None, "roles": [{"title": "head [/b]", "organisation": None,
                                                                              "of": None, "status": None}],
                          "mentions": [{}]}]}
    text = rendered(record)
    assert "x[/bold] [bold]y[/]" in text and "[red]Ali[/red]" in text and "head [/b]" in text


def test_every_record_after_a_markup_source_is_printed(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps({"id": name, "text": "Khalifa Haftar visited Tripoli."})
                                for name in ("x[/bold]", "[bold]open", "last")) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "--rules-only", "--input-format", "jsonl", str(source)],
                           env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "x[/bold]" in result.stdout and "[bold]open" in result.stdout and "last" in result.stdout
    assert result.stdout.count("Khalifa Haftar") == 3


def test_nothing_found_is_said_plainly():
    record = {"source": "empty.txt", "lang": "en", "people": [], "organisations": [], "places": [], "entities": []}
    text = rendered(record)
    assert "No people, organisations or places found." in text and "┏" not in text


def test_evaluate_figures_are_never_cut_at_80_columns():
    score = {"precision": 0.9487, "recall": 0.9893, "f1": 0.9686}
    scores = {system: {lang: {split: {"documents": 26, **{c: score for c in ("people", "organisations", "places", "roles")}}
                              for split in ("dev", "heldout", "all")} for lang in ("en", "fr")}
              for system in ("nerlibya", "spacy")}
    console = Console(width=80, record=True, file=open("/dev/null", "w"))
    render_scores(scores, "all", ("people", "organisations", "places", "roles"), console)
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 80
    assert text.count("0.969") == 4 * 2 * 2 * 3 and text.count("0.95/0.99") == 4 * 2 * 2 * 3
    assert "organisations" in text and "heldout" in text and "…" not in text


def test_version():
    from nerlibya import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"nerlibya {__version__}"


@pytest.mark.parametrize("command", [[], ["extract"], ["evaluate"], ["kb"], ["kb", "validate"], ["kb", "show"]])
def test_help_shows_no_python_type_names(command):
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert not re.search(r"<(bool|str|int|float|path)[> ]|<list\[", result.stdout), result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_kb_validate_reports_what_it_checked():
    result = runner.invoke(app, ["kb", "validate"])
    assert result.exit_code == 0
    assert re.search(r"knowledge base OK: .*checked \d+ people, \d+ organisations, \d+ places, \d+ names and aliases",
                     result.stdout)


def test_the_number_of_inputs_is_known_for_files_and_folders(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("y", encoding="utf-8")
    (tmp_path / "skip.md").write_text("z", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    assert count_inputs([str(tmp_path)]) == 2
    assert count_inputs([str(tmp_path / "a.txt"), str(tmp_path / "missing.txt")]) == 2
    assert count_inputs([str(tmp_path / "empty")]) == 1  # one "no-input" record
    assert count_inputs(["-"]) is None
    assert count_inputs([str(tmp_path)], ReadOptions(input_format="jsonl")) is None


def _tables(text: str) -> list[tuple[list[str], list[list[str]]]]:
    """Each table's header cells and its body lines' cells, read back from the box drawing."""
    tables = []
    for line in text.splitlines():
        if line.startswith("┃"):
            tables.append(([cell.strip() for cell in line.strip("┃").split("┃")], []))
        elif line.startswith("│") and tables:
            tables[-1][1].append(line.strip("│").split("│"))
    return tables


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_every_column_whole(record: dict, width: int) -> None:
    """Every table keeps its headers whole and, column by column, every value (wrapped or folded, never cut),
    in order; nothing is wider than the terminal."""
    from nerlibya.sinks.table import GROUPS, _detail

    text = rendered(record, width)
    assert max(len(line) for line in text.splitlines()) <= width, text
    tables = iter(_tables(text))
    for group, _, detail in GROUPS:
        if not record[group]:
            continue
        headers, lines = next(tables)
        assert headers[:1] == ["Name"] and set(headers) <= {"Name", detail, "Mentions", "KB id"}, (headers, text)
        if width >= 80:
            assert headers[:3] == ["Name", detail, "Mentions"], (headers, text)
        for column, header in enumerate(headers):
            shown = _squeezed("".join(cells[column] for cells in lines))
            position = 0
            for entity in record[group]:
                value = {"Name": entity["name"], detail: _detail(group, entity), "Mentions": str(len(entity["mentions"])),
                         "KB id": entity["id"] or "-"}[header]
                found = shown.find(_squeezed(value), position)
                assert found >= 0, (header, value, text)
                position = found + len(_squeezed(value))


FRENCH_BODIES = {
    "source": "samples/fr_long_noms.txt", "lang": "fr", "people": [], "places": [], "entities": [],
    "organisations": [
        {"name": "Commission nationale indépendante des droits de l'homme en Libye",
         "id": "commission-nationale-independante-des-droits-de-l-homme", "label": "ORG",
         "forms": ["Commission nationale des droits de l'homme", "CNDH", "Commission des droits de l'homme en Libye"],
         "mentions": [{}] * 12},
        {"name": "Bureau du Procureur général militaire", "id": None, "label": "ORG",
         "forms": ["Bureau du procureur militaire", "parquet militaire"], "mentions": [{}] * 3},
        {"name": "Mission d'appui des Nations unies en Libye", "id": "unsmil", "label": "ORG",
         "forms": ["MANUL", "Manul", "mission onusienne", "Mission d'appui des Nations unies pour la Libye"],
         "mentions": [{}] * 104},
        {"name": "Organisation internationale pour les migrations", "id": "international-organization-for-migration",
         "label": "ORG", "forms": ["OIM"], "mentions": [{}] * 2}]}


@pytest.mark.parametrize("width", [80, 100, 200])
def test_every_header_and_value_is_whole_at_any_width(sample_records, width):
    for record in [*sample_records, FRENCH_BODIES]:
        assert_every_column_whole(record, width)


def test_a_narrow_terminal_drops_the_least_useful_column_before_cutting_a_header():
    text = rendered(FRENCH_BODIES, 44)
    headers = _tables(text)[0][0]
    assert headers[0] == "Name" and "Also written" not in headers, text
    assert_every_column_whole(FRENCH_BODIES, 44)


def test_escape_sequences_in_names_and_sources_never_reach_the_terminal():
    hostile = "\x1b]0;pwned\x07\x1b[2J\x9b31m\x00"
    record = {"source": f"news/{hostile}.txt", "lang": "en", "entities": [], "places": [],
              "organisations": [{"name": f"Army{hostile}", "id": None, "forms": [f"A{hostile}"], "mentions": [{}]}],
              "people": [{"name": f"Ali{hostile}", "id": None, "mentions": [{}],
                          "roles": [{"title": f"head{hostile}", "organisation": None, "of": None, "status": None}]}]}
    console = Console(width=200, file=open("/dev/null", "w"), force_terminal=True, record=True)
    render_table(record, console)
    text = console.export_text(styles=False)
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", text), repr(text)
    assert text.count("\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\x00") >= 4


def test_one_missing_file_as_json_is_one_object(tmp_path):
    result = runner.invoke(app, ["extract", "--rules-only", "-f", "json", str(tmp_path / "missing.txt")])
    record = json.loads(result.stdout)
    assert result.exit_code == 1 and isinstance(record, dict) and record["error"]["kind"] == "missing"
    folder = runner.invoke(app, ["extract", "--rules-only", "-f", "json", str(tmp_path)])
    assert isinstance(json.loads(folder.stdout), list)


def test_usage_errors_are_one_line_without_a_box():
    result = runner.invoke(app, ["extract", "x.txt", "--format", "xml"], prog_name="nerlibya")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "nerlibya: error: Invalid value for '--format' / '-f': 'xml' is not one of 'table', 'json', 'jsonl', "
        "'csv', 'html', 'sqlite'.", "Try 'nerlibya extract -h' for help."]
