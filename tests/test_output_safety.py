"""Issue 18: inputs that lie about their encoding, and outputs handled one way for every format (paths,
temporary files, foreign or corrupt databases, unwritable outputs, spreadsheets, worker processes)."""

from __future__ import annotations

import codecs
import json

from nerlibya.sources.items import ReadOptions, decode
from nerlibya.sources.jsonl import jsonl_records
import io


def test_a_utf16_byte_order_mark_on_text_that_is_not_utf16_is_a_decode_error():
    item = decode(codecs.BOM_UTF16_LE + b"Hello, this is plain Latin text, not UTF-16.\n", "a.txt", ReadOptions())
    assert item.kind == "decode" and "byte-order mark" in item.message


def test_real_utf16_with_its_mark_still_decodes():
    data = codecs.BOM_UTF16_LE + "Khalifa Haftar met the envoy.".encode("utf-16-le")
    assert decode(data, "a.txt", ReadOptions()).text == "Khalifa Haftar met the envoy."


def _jsonl(encoding: str) -> bytes:
    lines = "".join(json.dumps({"id": str(n), "text": f"Article {n} about Tripoli."}) + "\n" for n in range(3))
    return lines.encode(encoding)


def test_utf16_jsonl_without_a_mark_is_one_error_not_garbage_records():
    items = list(jsonl_records(io.BytesIO(_jsonl("utf-16-le")), "w.jsonl", ReadOptions(input_format="jsonl")))
    assert len(items) == 1 and items[0].kind == "decode" and "--encoding utf-16" in items[0].message


def test_utf16_jsonl_without_a_mark_reads_whole_with_encoding():
    options = ReadOptions(input_format="jsonl", encoding="utf-16-le")
    items = list(jsonl_records(io.BytesIO(_jsonl("utf-16-le")), "w.jsonl", options))
    assert [item.source for item in items] == ["0", "1", "2"] and items[2].text == "Article 2 about Tripoli."


# ---------------------------------------------------------------- worker processes die with their parent

import os
import subprocess
import sys
import time

import pytest

_KILLED_PARENT = """
import multiprocessing, os, signal, sys, time
import nerlibya.engines.local as local
if sys.argv[1] == "watchdog-only":
    local.ctypes = None  # no prctl: the parent-pid thread must do it alone
def child(parent):
    local.die_with_parent(parent)
    time.sleep(60)
if __name__ == "__main__":
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=child, args=(os.getpid(),)) for _ in range(2)]
    for worker in workers:
        worker.start()
    print(" ".join(str(worker.pid) for worker in workers), flush=True)
    time.sleep(1.5)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie is dead, waiting for init
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("guard", ["prctl", "watchdog-only"])
def test_workers_die_when_their_parent_is_killed(tmp_path, guard):
    script = tmp_path / "parent.py"
    script.write_text(_KILLED_PARENT)
    parent = subprocess.run([sys.executable, str(script), guard], capture_output=True, text=True, timeout=60)
    assert parent.returncode == -9
    pids = [int(pid) for pid in parent.stdout.split()]
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in pids)
    for pid in pids:
        if _alive(pid):
            os.kill(pid, 9)


def test_the_too_large_message_offers_rules_only_only_to_a_model_run():
    from nerlibya.engines.local import too_large_message
    from nerlibya.settings import ExtractorSettings

    class Run:
        def __init__(self, rules_only):
            self.settings = ExtractorSettings(rules_only=rules_only)

    assert "--rules-only" not in too_large_message(20_000_000, Run(True))
    assert "use --rules-only" in too_large_message(2_000_000, Run(False))


# ---------------------------------------------------------------- the CLI: one way for every output

import functools
import re
import resource
import signal
import sqlite3
import shutil
from pathlib import Path

from typer.testing import CliRunner

import nerlibya.engines.local as local
from nerlibya.cli import app
from nerlibya.sinks.csv import csv_cell, iter_csv
from nerlibya.sinks.tempfiles import create_beside, remove_stale, write_atomically

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TEXT = "Khalifa Haftar met Fayez al-Sarraj in Tripoli. The National Oil Corporation said exports resumed."
_cached_extractor = functools.lru_cache(maxsize=None)(local.make_extractor)


@pytest.fixture(autouse=True)
def shared_extractor(monkeypatch):
    monkeypatch.setattr(local, "make_extractor", _cached_extractor)


def run(*args):
    """`nerlibya extract --rules-only ARGS` in this process: never a traceback, at most one error line."""
    result = CliRunner().invoke(app, ["extract", "--rules-only", "-q", "--jobs", "1", *map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr
    return result


def documents(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute("SELECT source FROM documents ORDER BY source")]


def test_one_document_per_file_however_the_path_is_spelt(tmp_path, monkeypatch):
    news = tmp_path / "news"
    shutil.copytree(SAMPLES, news)
    db = tmp_path / "corpus.db"
    monkeypatch.chdir(tmp_path)
    assert run("-f", "sqlite", "-o", db, "news/").exit_code == 0
    assert run("-f", "sqlite", "-o", db, "./news").exit_code == 0
    monkeypatch.chdir(news)
    assert run("-f", "sqlite", "-o", db, ".").exit_code == 0
    files = sorted(str(path.resolve()) for path in news.glob("*.txt"))
    assert documents(db) == files
    shown = json.loads(run("-f", "jsonl", "./news/" + Path(files[0]).name).stdout)["source"]
    assert shown == "./news/" + Path(files[0]).name or shown.endswith(Path(files[0]).name)


@pytest.mark.parametrize("args, message", [
    (["-f", "json", "-o", "missing/out.json"], "does not exist"),
    (["-f", "sqlite", "-o", "missing/out.db"], "does not exist"),
    (["-f", "html", "-o", "missing/report", "a.txt", "b.txt"], "does not exist"),
    (["-f", "html", "-o", "report.html", "a.txt", "b.txt"], "is a folder of pages"),
    (["-f", "jsonl", "-o", "out/"], "writes one file"),
    (["-f", "sqlite", "-o", "a.txt"], "one of the inputs"),
    (["-f", "csv", "-o", "a.txt"], "one of the inputs"),
    (["-f", "csv", "-o", "in/c.txt", "in"], "one of the inputs"),
    (["-f", "json", "-o", "loop"], "symbolic link loop"),
    (["-f", "sqlite", "-o", "/dev/null"], "regular file"),
])
def test_bad_outputs_are_one_line_usage_errors_and_touch_nothing(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.txt").write_text(TEXT)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "c.txt").write_text(TEXT)
    (tmp_path / "loop").symlink_to("loop")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    inputs = [] if len(args) > 4 else ["a.txt"]
    result = run(*args, *inputs)
    assert result.exit_code == 2 and message in result.stderr and len(result.stderr.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert (tmp_path / "a.txt").read_text() == TEXT and not Path("/dev/null-journal").exists()


def test_a_trailing_slash_makes_one_html_input_a_report_folder(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    assert run("-f", "html", "-o", f"{tmp_path / 'rep1'}/", tmp_path / "a.txt").exit_code == 0
    assert sorted(p.name for p in (tmp_path / "rep1").iterdir() if not p.name.startswith(".")) == [
        "0001-a.txt.html", "index.html"]


def test_a_report_written_again_with_fewer_inputs_removes_only_its_own_stale_pages(tmp_path):
    for name in "abc":
        (tmp_path / f"{name}.txt").write_text(TEXT)
    report = tmp_path / "report"
    assert run("-f", "html", "-o", report, *(tmp_path / f"{n}.txt" for n in "abc")).exit_code == 0
    (report / "0009-mine.html").write_text("the user's own page")
    (report / "notes.txt").write_text("kept")
    assert run("-f", "html", "-o", report, tmp_path / "a.txt", tmp_path / "c.txt").exit_code == 0
    assert sorted(p.name for p in report.iterdir() if not p.name.startswith(".")) == [
        "0001-a.txt.html", "0002-c.txt.html", "0009-mine.html", "index.html", "notes.txt"]


def test_temporary_pages_never_follow_a_planted_link(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    for guess in (".index.html.tmp", f".index.html.{os.getpid()}.tmp"):
        (tmp_path / guess).symlink_to(victim)
    write_atomically(tmp_path / "index.html", "<p>report</p>")
    assert victim.read_text() == "precious" and (tmp_path / "index.html").read_text() == "<p>report</p>"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".index.html.") and not p.is_symlink()]


def test_a_killed_runs_temporary_files_are_removed_by_the_next_run_and_nothing_else(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".out.jsonl.{dead.pid}.abcd_123.tmp"
    live = tmp_path / f".out.jsonl.{os.getppid()}.abcd_123.tmp"  # a writer still running
    other = tmp_path / f".other.jsonl.{dead.pid}.abcd_123.tmp"
    loose = tmp_path / ".out.jsonl.tmp"
    for path in (stale, live, other, loose):
        path.write_text("{}")
        os.utime(path, (time.time() - 60, time.time() - 60))
    assert run("-f", "jsonl", "-o", tmp_path / "out.jsonl", *sorted(SAMPLES.glob("00*.txt"))).exit_code == 0
    assert not stale.exists() and live.exists() and other.exists() and loose.exists()
    descriptor, name = create_beside(tmp_path / "x.json")
    os.close(descriptor)
    assert re.fullmatch(rf"\.x\.json\.{os.getpid()}\.[A-Za-z0-9_]{{8}}\.tmp", Path(name).name)
    remove_stale(tmp_path, "x.json")
    assert Path(name).exists()  # ours: never removed while we run


def test_csv_cells_are_safe_for_spreadsheets_and_parsers():
    import csv as csv_module

    record = {"source": "=HYPERLINK(\"x\")\r.txt", "lang": "en", "people": [], "organisations": [], "places": [],
              "entities": [{"label": "PERSON", "text": "-Ahmed Salem", "start": 0, "end": 12, "key": "k", "id": None},
                           {"label": "ORG", "text": "@Tripoli\nTimes", "start": 13, "end": 27, "key": "t", "id": None}]}
    text = "".join(iter_csv([record]))
    rows = list(csv_module.reader(io.StringIO(text)))
    assert len(rows) == 3 and all(len(row) == 8 for row in rows)  # CR and LF inside cells split no row
    assert [row[0] for row in rows[1:]] == ["'=HYPERLINK(\"x\")\r.txt"] * 2
    assert [row[2] for row in rows[1:]] == ["'-Ahmed Salem", "'@Tripoli\nTimes"]
    assert [csv_cell(value) for value in ("+1", "\tx", 3, "plain")] == ["'+1", "'\tx", "3", "plain"]


# ---------------------------------------------------------------- SQLite corpora: refused untouched, written whole

def _foreign(path: Path, user_version: int = 1) -> bytes:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
        connection.execute(f"PRAGMA user_version = {user_version}")
    return path.read_bytes()


def test_another_applications_database_is_refused_untouched(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    for version in (0, 1):
        db = tmp_path / f"app{version}.db"
        before = _foreign(db, version)
        result = run("-f", "sqlite", "-o", db, tmp_path / "a.txt")
        assert result.exit_code == 3 and "not a nerlibya corpus" in result.stderr
        assert db.read_bytes() == before and len(result.stderr.splitlines()) == 1


def test_a_corrupt_corpus_is_detected_before_anything_is_written(tmp_path):
    db = tmp_path / "corpus.db"
    assert run("-f", "sqlite", "-o", db, SAMPLES).exit_code == 0
    data = bytearray(db.read_bytes())
    page = 4096
    data[2 * page:2 * page + 256] = b"\x0d\x00\x07\xff" * 64  # a b-tree page header made nonsense
    db.write_bytes(bytes(data))
    result = run("-f", "sqlite", "-o", db, SAMPLES / "000_01b30ef46d6ec3fe.txt")
    assert result.exit_code == 3 and "corrupt" in result.stderr and db.read_bytes() == bytes(data)


def test_a_locked_corpus_exits_4_with_one_line(tmp_path):
    db = tmp_path / "corpus.db"
    (tmp_path / "a.txt").write_text(TEXT)
    assert run("-f", "sqlite", "-o", db, tmp_path / "a.txt").exit_code == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run("-f", "sqlite", "-o", db, tmp_path / "a.txt")
    finally:
        holder.close()
    assert result.exit_code == 4 and "locked" in result.stderr and len(result.stderr.splitlines()) == 1


def _full_disk(limit: int):
    """The child process may write files of at most `limit` bytes: a disk that fills half-way, even for root."""
    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return limited


@pytest.mark.parametrize("output_format, output, limit", [("sqlite", "corpus.db", 60_000),  # the corpus: 86 kB
                                                           ("html", "report", 20_000)])  # a page: up to 30 kB
def test_a_full_disk_exits_4_leaves_no_temporary_file_and_every_document_whole(tmp_path, output_format, output,
                                                                               limit):
    nerlibya = Path(sys.executable).with_name("nerlibya")
    result = subprocess.run([str(nerlibya), "extract", "--rules-only", "-q", "-f", output_format, "-o", output,
                             str(SAMPLES)], cwd=tmp_path, capture_output=True, text=True, preexec_fn=_full_disk(limit),
                            timeout=300)
    assert result.returncode == 4 and "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
    leftovers = [p.name for p in tmp_path.rglob("*") if p.name.endswith((".tmp", "-journal", "-wal"))]
    assert leftovers == []
    if output_format == "sqlite":  # each stored document has exactly the mentions a whole run stores
        whole = tmp_path / "whole.db"
        assert run("-f", "sqlite", "-o", whole, SAMPLES).exit_code == 0
        query = "SELECT d.source, COUNT(m.id) FROM documents d LEFT JOIN mentions m ON m.document_id = d.id GROUP BY d.id"
        with sqlite3.connect(tmp_path / output) as partial, sqlite3.connect(whole) as complete:
            stored, expected = dict(partial.execute(query).fetchall()), dict(complete.execute(query).fetchall())
        assert 0 < len(stored) < len(expected) and all(expected[source] == count for source, count in stored.items())


# ---------------------------------------------------------------- Dask addresses

@pytest.mark.parametrize("address", ["not-an-address", "tcp://", "", "   ", "http://127.0.0.1:8787", "tcp://h:99999"])
def test_malformed_scheduler_addresses_are_usage_errors(tmp_path, address):
    pytest.importorskip("distributed")
    (tmp_path / "a.txt").write_text(TEXT)
    result = run("--engine", "dask", "--scheduler", address, tmp_path / "a.txt")
    assert result.exit_code == 2 and "--scheduler" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_scheduler_that_never_answers_is_given_up_within_the_connect_timeout(monkeypatch):
    pytest.importorskip("distributed")
    import socket

    from nerlibya.engines import dask as dask_engine

    monkeypatch.setattr(dask_engine, "CONNECT_SECONDS", 2)
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)  # accepts TCP (the kernel does), never answers
        started = time.monotonic()
        with pytest.raises(dask_engine.ClusterError, match="no answer within 2 s"):
            dask_engine.probe_scheduler(f"tcp://127.0.0.1:{server.getsockname()[1]}")
    assert time.monotonic() - started < 10
