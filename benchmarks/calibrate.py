"""Fit and check the confidence calibration (models/confidence.yaml) on annotated real news.

    python benchmarks/calibrate.py fit REAL_GOLD.jsonl ... [-o models/confidence.yaml]
    python benchmarks/calibrate.py cv REAL_GOLD.jsonl ... [--rules-only] [--folds 5] [--repeats 4]
    python benchmarks/calibrate.py report REAL_GOLD.jsonl ... --split heldout [--rules-only]

`fit` runs nerlibya (the default pipeline and --rules-only) over the documents of split dev only, judges every
entity and role as `nerlibya evaluate` scores it, and writes, per evidence class, how many records were seen and
how many were right, and per group the shrinkage chosen on dev outlets left out of the count. `cv` measures on
dev alone whether that holds on unseen outlets: whole outlets are held out in turn, the calibration is fitted on
the others (the fixed shrinkage used before, and shrinkage chosen by outlet folds inside the training outlets),
and the expected calibration error (ECE) on the held-out outlets is printed per group. `report` prints the
reliability table (ten bins) and the ECE of the records' confidence on the split asked for: figures only, never a
document or an error.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import subprocess
import sys
from pathlib import Path

from nerlibya.api import Extractor
from nerlibya.core.calibration_fit import (FIXED, Judged, choose_shrinkage, count_classes, cross_validate,
                                           fit_by_outlets, fit_fixed, reliability)
from nerlibya.core.confidence import entity_evidence, role_evidence
from nerlibya.evaluate import judge_document, read_gold, with_kb_names

KINDS = ("default", "rules-only")


def outlet_name(item: dict) -> str:
    """The outlet as folds group it (as tests/gold/real_split.py does): lower case, no "www.", no spaces."""
    key = str(item.get("outlet") or item.get("id") or "").strip().lower().removeprefix("www.")
    return "".join(ch for ch in key if ch.isalnum() or ch == ".")


def judged(paths: list[str], split: str, rules_only: bool):
    """(Judged record, its confidence) for every record of every document of `split`."""
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
                yield Judged(outlet_name(item), evidence, right), thing.get("confidence", 0.5)


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "unknown"


def write_table(paths: list[str], output: Path) -> None:
    records = {kind: [record for record, _ in judged(paths, "dev", kind == "rules-only")] for kind in KINDS}
    header = (f"# Confidence calibration: per evidence class, [records seen, records right] on the real-news dev set;\n"
              f"# per pipeline kind and group, [min_count, smoothing] chosen on dev outlets left out of the count.\n"
              f"# Written by benchmarks/calibrate.py fit on {datetime.date.today()} at commit {_commit()}; "
              f"do not edit by hand.\n")
    lines = [header, f"min_count: {FIXED.min_count}\nsmoothing: {FIXED.smoothing}\nshrinkage:\n"]
    for kind, rows in records.items():
        lines.append(f"  {kind}:\n")
        lines.extend(f"    {group}: [{setting.min_count}, {setting.smoothing}]\n"
                     for group, setting in choose_shrinkage(rows).items())
    for kind, rows in records.items():
        lines.append(f"{kind}:\n")
        lines.extend(f"  {json.dumps(key, ensure_ascii=False)}: {list(counts)}\n"
                     for key, counts in count_classes(rows).items())
    output.write_text("".join(lines), encoding="utf-8")


def cross_validation(paths: list[str], rules_only: bool, folds: int, repeats: int) -> dict:
    """ECE on held-out dev outlets, per group, of the fixed shrinkage and of shrinkage chosen by outlet folds."""
    records = [record for record, _ in judged(paths, "dev", rules_only)]
    return {name: {group: dataclasses.asdict(figures)
                   for group, figures in cross_validate(records, fitter, folds, repeats).items()}
            for name, fitter in (("fixed", fit_fixed), ("by-outlets", fit_by_outlets))}


def report(paths: list[str], split: str, rules_only: bool) -> dict:
    rows: dict[str, list[tuple[float, bool]]] = {}
    for record, confidence in judged(paths, split, rules_only):
        rows.setdefault(record.group, []).append((confidence, record.right))
        rows.setdefault("all", []).append((confidence, record.right))
    return {group: dict(zip(("table", "ece"), reliability(values))) | {"records": len(values)}
            for group, values in rows.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("fit", "cv", "report"))
    parser.add_argument("gold", nargs="+")
    parser.add_argument("-o", "--output", type=Path, default=Path(__file__).parent.parent / "models" / "confidence.yaml")
    parser.add_argument("--split", default="heldout")
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=4)
    args = parser.parse_args()
    if args.command == "fit":
        write_table(args.gold, args.output)
        print(f"wrote {args.output}")
        return
    if args.command == "cv":
        if args.folds < 2 or args.repeats < 1:
            parser.error("--folds must be at least 2 and --repeats at least 1")
        result = cross_validation(args.gold, args.rules_only, args.folds, args.repeats)
    else:
        result = report(args.gold, args.split, args.rules_only)
    json.dump(result, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
