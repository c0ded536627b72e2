"""Behaviour pinned byte for byte: the records of every samples/*.txt and every text in tests/gold/en.jsonl and
fr.jsonl, for the default pipeline and --rules-only, through the Python API, against tests/snapshots/records.jsonl.

A refactoring (moving modules, splitting the CLI) must leave this test passing with the snapshot unchanged.
Update the snapshot only in a commit that changes behaviour on purpose, and say so in the commit message:

    NERLIBYA_UPDATE_SNAPSHOT=1 .venv/bin/python -m pytest tests/test_snapshot.py -q

then review `git diff tests/snapshots/records.jsonl` before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "snapshots" / "records.jsonl"
MODES = {"default": False, "rules-only": True}


def snapshot_texts() -> list[tuple[str, str]]:
    """(source, text) in a fixed order: samples by file name, then the gold files line by line."""
    texts = [(f"samples/{path.name}", path.read_text(encoding="utf-8"))
             for path in sorted((ROOT / "samples").glob("*.txt"))]
    for name in ("en.jsonl", "fr.jsonl"):
        with open(ROOT / "tests" / "gold" / name, encoding="utf-8") as lines:
            items = [json.loads(line) for line in lines if line.strip()]
        texts.extend((f"gold/{item['id']}", item["text"]) for item in items)
    return texts


def snapshot_lines() -> str:
    """One line per (mode, source): the record's to_dict(), JSON with sorted keys."""
    from nerlibya.api import Extractor

    texts = snapshot_texts()
    out = []
    for mode, rules_only in MODES.items():
        extractor = Extractor(rules_only=rules_only)
        for source, text in texts:
            record = extractor.extract(text, source=source).to_dict()
            out.append(json.dumps({"mode": mode, "record": record}, ensure_ascii=False, sort_keys=True) + "\n")
    return "".join(out)


def test_records_match_the_snapshot():
    current = snapshot_lines()
    if os.environ.get("NERLIBYA_UPDATE_SNAPSHOT") == "1":
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(current, encoding="utf-8")
    expected = SNAPSHOT.read_text(encoding="utf-8")
    assert current.splitlines() == expected.splitlines()
    assert current == expected
