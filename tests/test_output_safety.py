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
