"""Fit and check the confidence calibration (models/confidence.yaml) on annotated real news.

    python benchmarks/calibrate.py fit REAL_GOLD.jsonl ... [-o models/confidence.yaml]
    python benchmarks/calibrate.py report REAL_GOLD.jsonl ... --split heldout [--rules-only]

`fit` runs nerlibya (the default pipeline and --rules-only) over the documents of split dev only, judges every
entity and role as `nerlibya evaluate` scores it, and writes, per evidence class, how many records were seen and
how many were right. `report` prints the reliability table (ten bins) and the expected calibration error (ECE) of
the records' confidence on the split asked for: figures only, never a document or an error.
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from nerlibya.api import Extractor
from nerlibya.core.confidence import entity_evidence, role_evidence
from nerlibya.evaluate import judge_document, read_gold, with_kb_names

MIN_COUNT, SMOOTHING = 8, 2.0
BINS = 10


def judged(paths: list[str], split: str, rules_only: bool):
    """(group, evidence, confidence, right) for every record of every document of `split`."""
    extractor = Extractor(lang="auto", rules_only=rules_only)
    for path in paths:
        for item in read_gold(path):
            if item.get("split", "dev") != split:
                continue
            record = with_kb_names(extractor.extract(item["text"]).to_dict(), extractor.kb)
            lang = record.get("lang") or ""
            for group, thing, person, right in judge_document(record, item):
                evidence = (role_evidence(thing, person, lang) if group == "roles"
                            else entity_evidence(group, thing, lang))
                yield group, evidence, thing.get("confidence", 0.5), right


def fit(paths: list[str], rules_only: bool) -> dict[str, list[int]]:
    counts: Counter = Counter()
    for _, evidence, _, right in judged(paths, "dev", rules_only):
        for key in evidence.classes():
            counts[(key, "seen")] += 1
            counts[(key, "right")] += int(right)
    keys = sorted({key for key, _ in counts})
    return {key: [counts[(key, "seen")], counts[(key, "right")]] for key in keys}


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "unknown"


def write_table(paths: list[str], output: Path) -> None:
    tables = {kind: fit(paths, kind == "rules-only") for kind in ("default", "rules-only")}
    header = (f"# Confidence calibration: per evidence class, [records seen, records right] on the real-news dev set.\n"
              f"# Written by benchmarks/calibrate.py fit on {datetime.date.today()} at commit {_commit()}; "
              f"do not edit by hand.\n")
    lines = [header, f"min_count: {MIN_COUNT}\nsmoothing: {SMOOTHING}\n"]
    for kind, table in tables.items():
        lines.append(f"{kind}:\n")
        lines.extend(f"  {json.dumps(key, ensure_ascii=False)}: {counts}\n" for key, counts in table.items())
    output.write_text("".join(lines), encoding="utf-8")


def reliability(rows: list[tuple[float, bool]]) -> tuple[list[dict], float]:
    """Ten equal-width bins of confidence: records, mean confidence, share right; and the ECE."""
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(BINS)]
    for confidence, right in rows:
        bins[min(int(confidence * BINS), BINS - 1)].append((confidence, right))
    table, ece = [], 0.0
    for index, members in enumerate(bins):
        if not members:
            continue
        mean = sum(c for c, _ in members) / len(members)
        accuracy = sum(r for _, r in members) / len(members)
        ece += len(members) / len(rows) * abs(mean - accuracy)
        table.append({"bin": f"{index / BINS:.1f}-{(index + 1) / BINS:.1f}", "records": len(members),
                      "confidence": round(mean, 3), "right": round(accuracy, 3)})
    return table, round(ece, 4)


def report(paths: list[str], split: str, rules_only: bool) -> dict:
    rows: dict[str, list[tuple[float, bool]]] = {}
    for group, _, confidence, right in judged(paths, split, rules_only):
        rows.setdefault(group, []).append((confidence, right))
        rows.setdefault("all", []).append((confidence, right))
    return {group: dict(zip(("table", "ece"), reliability(values))) | {"records": len(values)}
            for group, values in rows.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("fit", "report"))
    parser.add_argument("gold", nargs="+")
    parser.add_argument("-o", "--output", type=Path, default=Path(__file__).parent.parent / "models" / "confidence.yaml")
    parser.add_argument("--split", default="heldout")
    parser.add_argument("--rules-only", action="store_true")
    args = parser.parse_args()
    if args.command == "fit":
        write_table(args.gold, args.output)
        print(f"wrote {args.output}")
        return
    json.dump(report(args.gold, args.split, args.rules_only), sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
