"""Inputs from the command line: files, folders, standard input and JSONL records, and every kind of bad input.

Every test runs `nerlibya extract` in-process (Typer's CliRunner) with --rules-only; the rules-only
extractor is built once per session (see `shared_extractor`).
"""

from __future__ import annotations

import codecs
import functools
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nerlibya.engines.local as batch
from nerlibya.cli import app

GOOD = "Khalifa Haftar met Fayez al-Sarraj in Paris. The National Oil Corporation said exports resumed."
_real_make_extractor = batch.make_extractor
_cached_make_extractor = functools.lru_cache(maxsize=None)(_real_make_extractor)


@pytest.fixture(autouse=True)
def shared_extractor(monkeypatch):
    """One extractor (and so one spaCy pipeline per language) per settings for the whole session."""
    monkeypatch.setattr(batch, "make_extractor", _cached_make_extractor)


def extract(*args, input=None, env=None):
    """Run `nerlibya extract --rules-only -f jsonl ARGS`; check there is never a traceback."""
    argv = ["extract", "--rules-only", "-f", "jsonl", "--jobs", "1", *[str(a) for a in args]]
    result = CliRunner().invoke(app, argv, input=input, env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    return result


def records(result) -> list[dict]:
    # split on "\n" only: records keep U+2028 and friends unescaped (ensure_ascii=False)
    return [json.loads(line) for line in result.stdout.split("\n") if line]


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.split("\n") if line]


def assert_offsets(record: dict, text: str) -> None:
    assert record["entities"], record
    for mention in record["entities"]:
        assert text[mention["start"]:mention["end"]] == mention["text"]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


# --- files, folders, standard input ---------------------------------------------------------------------------


def test_files_folders_and_stdin_in_the_order_given(tmp_path):
    folder = tmp_path / "news"
    write(folder / "b.txt", GOOD)
    write(folder / "a.txt", GOOD)
    write(folder / "sub" / "c.txt", GOOD)
    write(folder / "sub" / "deeper" / "d.txt", GOOD)
    write(folder / "aa" / "e.txt", GOOD)
    write(folder / "notes.md", GOOD)  # not a text file: ignored by the default glob
    single = write(tmp_path / "single.txt", GOOD)
    result = extract(single, "-", folder, input=GOOD.encode())
    assert result.exit_code == 0, result.output
    assert [r["source"] for r in records(result)] == [
        str(single), "-",
        str(folder / "a.txt"), str(folder / "b.txt"),        # a folder's files first, sorted
        str(folder / "aa" / "e.txt"),                          # then its subfolders, sorted, recursively
        str(folder / "sub" / "c.txt"), str(folder / "sub" / "deeper" / "d.txt"),
    ]
    assert all(r["people"] for r in records(result))
    assert result.stderr == ""


def test_glob_chooses_the_files_taken_from_folders(tmp_path):
    write(tmp_path / "one.md", GOOD)
    write(tmp_path / "sub" / "two.md", GOOD)
    write(tmp_path / "three.txt", GOOD)
    result = extract(tmp_path, "--glob", "*.md")
    assert result.exit_code == 0
    assert [r["source"] for r in records(result)] == [str(tmp_path / "one.md"), str(tmp_path / "sub" / "two.md")]


def test_jsonl_input_records_become_sources_by_id(tmp_path):
    lines = [
        json.dumps({"doc": "first", "body": GOOD}),
        "",  # blank lines are skipped
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"doc": "no-text", "title": "x"}),
        json.dumps({"doc": 42, "body": "Aguila Saleh spoke in Tobruk.\u2028Then he left."}),
        json.dumps({"body": "Stephanie Williams visited Tripoli."}),  # no id: named file:line
        json.dumps({"doc": "blank", "body": "   "}),
    ]
    data = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    result = extract("--input-format", "jsonl", "--id-field", "doc", "--text-field", "body", data)
    assert result.exit_code == 1
    got = records(result)
    assert [r["source"] for r in got] == ["first", f"{data}:3", f"{data}:4", "no-text", "42", f"{data}:7", "blank"]
    kinds = [r.get("error", {}).get("kind") for r in got]
    assert kinds == [None, "jsonl", "jsonl", "jsonl", None, None, "empty"]
    assert got[0]["people"] and got[4]["people"] and got[5]["people"]
    assert_offsets(got[4], "Aguila Saleh spoke in Tobruk.\u2028Then he left.")
    assert len(error_lines(result)) == 4


def test_jsonl_from_stdin_and_a_line_over_max_bytes(tmp_path):
    big = json.dumps({"id": "big", "text": "Tripoli " * 200})
    feed = "\r\n".join([json.dumps({"id": "a", "text": GOOD}), big, json.dumps({"id": "b", "text": GOOD})]) + "\r\n"
    result = extract("--input-format", "jsonl", "--max-bytes", "500", "-", input=codecs.BOM_UTF8 + feed.encode())
    got = records(result)
    assert [r["source"] for r in got] == ["a", "-:2", "b"]
    assert got[1]["error"]["kind"] == "too-large"
    assert_offsets(got[0], GOOD) and assert_offsets(got[2], GOOD)
    assert result.exit_code == 1


def test_utf16_jsonl_file(tmp_path):
    feed = "\n".join(json.dumps({"id": f"r{i}", "text": GOOD}, ensure_ascii=False) for i in range(3)) + "\n"
    data = write(tmp_path / "feed.jsonl", codecs.BOM_UTF16_LE + feed.encode("utf-16-le"))
    result = extract("--input-format", "jsonl", data)
    assert result.exit_code == 0, result.stderr
    assert [r["source"] for r in records(result)] == ["r0", "r1", "r2"]


def test_empty_jsonl_file_is_reported(tmp_path):
    data = write(tmp_path / "feed.jsonl", "\n\n  \n")
    result = extract("--input-format", "jsonl", data)
    assert result.exit_code == 1
    assert records(result)[0]["error"]["kind"] == "empty"


# --- bad inputs: an error record, one line on stderr, and the batch goes on -----------------------------------


def _latin1(tmp_path):
    return write(tmp_path / "latin.txt", "Réunion à Tripoli avec Khalifa Haftar.".encode("latin-1"))


BAD_INPUTS = {
    "missing": (lambda tmp: tmp / "does-not-exist.txt", [], "missing"),
    "no-matching-files": (lambda tmp: (tmp / "emptydir").mkdir() or tmp / "emptydir", [], "no-input"),
    "empty-file": (lambda tmp: write(tmp / "empty.txt", b""), [], "empty"),
    "whitespace-only": (lambda tmp: write(tmp / "blank.txt", " \n\t\r\n  "), [], "empty"),
    "binary": (lambda tmp: write(tmp / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10), [], "binary"),
    "too-large": (lambda tmp: write(tmp / "big.txt", GOOD * 20), ["--max-bytes", "1000"], "too-large"),
    "undecodable": (_latin1, [], "decode"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_becomes_an_error_record_and_the_batch_goes_on(tmp_path, case):
    make, options, kind = BAD_INPUTS[case]
    bad = make(tmp_path)
    before = write(tmp_path / "ok" / "before.txt", GOOD)
    after = write(tmp_path / "ok2" / "after.txt", GOOD)
    result = extract(*options, before, bad, after)
    assert result.exit_code == 1
    got = records(result)
    assert [r["source"] for r in got] == [str(before), str(bad), str(after)]
    assert got[0]["people"] and got[2]["people"]
    error = got[1]["error"]
    assert error["kind"] == kind and error["message"]
    assert set(got[1]) == {"schema_version", "source", "error"}
    lines = error_lines(result)
    assert len(lines) == 1 and str(bad) in lines[0] and error["message"] in lines[0]


def test_latin1_decodes_with_encoding_or_replace(tmp_path):
    path = _latin1(tmp_path)
    text = path.read_bytes().decode("latin-1")
    result = extract("--encoding", "latin-1", path)
    assert result.exit_code == 0
    assert_offsets(records(result)[0], text)
    result = extract("--encoding-errors", "replace", path)
    assert result.exit_code == 0
    replaced = path.read_bytes().decode("utf-8", "replace")
    record = records(result)[0]
    assert "\ufffd" in replaced and any(p["id"] == "khalifa-haftar" for p in record["people"])
    assert_offsets(record, replaced)


def test_unknown_encoding_is_a_usage_error(tmp_path):
    result = extract("--encoding", "no-such-codec", write(tmp_path / "a.txt", GOOD))
    assert result.exit_code == 2 and "no-such-codec" in result.stderr


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
])
def test_byte_order_marks_are_decoded_and_offsets_refer_to_the_decoded_text(tmp_path, bom, codec):
    text = "Réunion : Khalifa Haftar et Fayez al-Sarraj à Paris.\r\nThe National Oil Corporation said so."
    path = write(tmp_path / "bom.txt", bom + text.encode(codec))
    result = extract(path)
    assert result.exit_code == 0, result.stderr
    record = records(result)[0]
    assert_offsets(record, text)  # the BOM is not part of the text: offsets count from the first character
    assert {p["id"] for p in record["people"]} >= {"khalifa-haftar", "fayez-al-sarraj"}


def test_crlf_line_endings_keep_offsets_right(tmp_path):
    text = "TRIPOLI\r\n\r\nKhalifa Haftar met Fayez al-Sarraj.\r\nLater, in Paris, the National Oil Corporation said.\r\n"
    path = write(tmp_path / "crlf.txt", text)
    record = records(extract(path))[0]
    assert_offsets(record, text)
    assert any(m["text"] == "National Oil Corporation" for m in record["entities"])


def test_five_megabyte_single_line_file(tmp_path):
    """A 5 MB single-line file is read, decoded and extracted whole (rules-only takes up to 10,000,000
    characters), with offsets into the decoded text, and the next file is still processed; below its size,
    --max-bytes turns it into a too-large record before it is read."""
    line = ("Khalifa Haftar met officials in Tripoli. " + "lorem ipsum dolor sit amet " * 200_000)[:5_000_000]
    big = write(tmp_path / "a" / "big.txt", line)
    after = write(tmp_path / "b" / "after.txt", GOOD)
    result = extract(big, after)
    got = records(result)
    assert [r["source"] for r in got] == [str(big), str(after)]
    assert result.exit_code == 0 and got[1]["people"]
    assert_offsets(got[0], line)
    assert [p["id"] for p in got[0]["people"]] == ["khalifa-haftar"]
    limited = extract("--max-bytes", str(1024 * 1024), big)
    assert records(limited)[0]["error"]["kind"] == "too-large" and limited.exit_code == 1


def test_directory_loop_through_symlinks_is_reported_once(tmp_path):
    root = tmp_path / "root"
    write(root / "a.txt", GOOD)
    write(root / "sub" / "b.txt", GOOD)
    (root / "sub" / "back").symlink_to(root, target_is_directory=True)
    (root / "self").symlink_to(".", target_is_directory=True)
    result = extract(root)
    got = records(result)
    assert [r["source"] for r in got if "error" not in r] == [str(root / "a.txt"), str(root / "sub" / "b.txt")]
    loops = [r for r in got if "error" in r]
    assert sorted(r["source"] for r in loops) == [str(root / "self"), str(root / "sub" / "back")]
    assert {r["error"]["kind"] for r in loops} == {"loop"}
    assert len(error_lines(result)) == 2 and result.exit_code == 1


def test_permission_denied(tmp_path, monkeypatch):
    """We run as root, where chmod does not deny: make opening one path raise PermissionError instead."""
    locked = write(tmp_path / "locked.txt", GOOD)
    other = write(tmp_path / "other.txt", GOOD)
    real_open = Path.open

    def deny(self, *args, **kwargs):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    result = extract(tmp_path)
    got = records(result)
    assert [r["source"] for r in got] == [str(locked), str(other)]
    assert got[0]["error"] == {"kind": "permission", "message": "permission denied"}
    assert got[1]["people"]
    assert error_lines(result) == [f"nerlibya: error: {locked}: permission denied [permission]"]
    assert result.exit_code == 1


def test_pipe_in_a_folder_is_reported_not_read(tmp_path):
    """A FIFO would block a reader forever; in a folder, only regular files are read."""
    os.mkfifo(tmp_path / "fifo.txt")
    write(tmp_path / "ok.txt", GOOD)
    result = extract(tmp_path)
    got = records(result)
    assert got[0]["error"]["kind"] == "unreadable" and got[1]["people"]


def test_error_lines_stay_one_line_for_strange_names(tmp_path):
    strange = write(tmp_path / "two\nlines\r[bold]:smile:.txt", b"")
    result = extract(strange)
    lines = error_lines(result)
    assert len(lines) == 1
    assert "two\\nlines\\r[bold]:smile:.txt" in lines[0]  # escaped, no markup, no emoji
    assert records(result)[0]["source"] == str(strange)  # the record keeps the real name


# --- names and ids that are not plain strings -----------------------------------------------------------------


def test_json_ids_numbers_keep_their_json_text_other_values_are_input_errors(tmp_path):
    lines = [json.dumps({"id": value, "text": GOOD}) for value in (3, 2.5, True, {"x": 1}, [1], None, "plain")]
    data = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    result = extract("--input-format", "jsonl", data)
    assert result.exit_code == 1
    got = records(result)
    assert [r["source"] for r in got] == ["3", "2.5", f"{data}:3", f"{data}:4", f"{data}:5", f"{data}:6", "plain"]
    assert [r.get("error", {}).get("kind") for r in got] == [None, None, "jsonl", "jsonl", "jsonl", None, None]
    assert "must be a string or a number, not a boolean" in got[2]["error"]["message"]
    assert "not an object" in got[3]["error"]["message"] and "not a list" in got[4]["error"]["message"]
    assert len(error_lines(result)) == 3


def test_a_repeated_id_keeps_both_records_with_one_warning_naming_it(tmp_path):
    lines = [json.dumps({"id": name, "text": GOOD}) for name in ("twin", "other", "twin")]
    data = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    result = extract("--input-format", "jsonl", data)
    assert result.exit_code == 0
    assert [r["source"] for r in records(result)] == ["twin", "other", "twin"]
    assert error_lines(result) == ["nerlibya: warning: twin: duplicate source name (records 1 and 3); "
                                   "both records are kept"]


def test_lone_surrogates_in_an_id_are_escaped_and_in_a_text_replaced_keeping_offsets(tmp_path):
    text = "Khalifa Haftar\\ud800 met Fayez al-Sarraj in Paris."  # a JSON escape for a lone surrogate
    data = write(tmp_path / "feed.jsonl", '{"id": "odd\\udc80id", "text": "%s"}\n' % text)
    result = extract("--input-format", "jsonl", data)
    assert result.exit_code == 0
    [record] = records(result)
    assert record["source"] == "odd\\udc80id"  # the six characters, so the name stays printable
    assert_offsets(record, "Khalifa Haftar\ufffd met Fayez al-Sarraj in Paris.")


def test_a_file_name_that_is_not_utf8_is_named_with_escapes(tmp_path):
    folder = tmp_path / "news"
    write(folder / os.fsdecode(b"caf\xe9.txt"), GOOD)
    result = extract(folder)
    assert result.exit_code == 0
    [record] = records(result)
    assert record["source"] == str(folder / "caf\\udce9.txt") and record["people"]
    record["source"].encode("utf-8")  # strict: no surrogate left


def test_a_date_survives_a_name_made_printable(tmp_path):
    from nerlibya.sources.files import iter_inputs
    from nerlibya.sources.items import ReadOptions

    source = tmp_path / "dated.jsonl"
    line = json.dumps({"id": "odd\udcff", "when": "2024-05-01", "text": "Tripoli is calm."})
    source.write_text(line + "\n", encoding="utf-8", errors="surrogatepass")
    options = ReadOptions(input_format="jsonl", date_field="when")
    [item] = list(iter_inputs([str(source)], options))
    assert item.date == "2024-05-01" and "\udcff" not in item.source
