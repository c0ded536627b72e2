"""Which statistical base model nerlibya should use, by measurement (issue 19): for each candidate, inside
nerlibya, document-level F1 on annotated real news, load time, words per second and peak memory.

    python benchmarks/models.py fr fr_core_news_sm fr_core_news_md --gold REAL_FR.jsonl ... [--json]

Each model runs in its own child process, so load time and peak memory are that model's alone.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time


def measure(lang: str, model: str, gold_paths: list[str]) -> dict:
    """In this process: build the pipeline, run every gold document twice (the second pass is timed)."""
    from nerlibya.api import Extractor
    from nerlibya.evaluate import CATEGORIES, Score, read_gold, score_document, with_kb_names

    items = [item for path in gold_paths for item in read_gold(path) if item.get("lang", lang) == lang]
    extractor = Extractor(lang=lang, model=model)
    started = time.perf_counter()
    extractor.nlp(lang)
    loaded = time.perf_counter() - started
    records = [extractor.extract(item["text"]).to_dict() for item in items]
    started = time.perf_counter()
    for item in items:
        extractor.extract(item["text"])
    elapsed = time.perf_counter() - started
    score = Score()
    for item, record in zip(items, records):
        score.add(score_document(with_kb_names(record, extractor.kb), item))
    words = sum(len(item["text"].split()) for item in items)
    return {"model": model, "documents": len(items), "load_s": round(loaded, 2),
            "words_per_s": round(words / elapsed), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            **{c: score.counts[c].to_dict()["f1"] for c in CATEGORIES}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lang")
    parser.add_argument("models", nargs="+")
    parser.add_argument("--gold", nargs="+", required=True)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.lang, args.models[0], args.gold)))
        return
    rows = []
    for model in args.models:
        command = [sys.executable, __file__, args.lang, model, "--child", "--gold", *args.gold]
        rows.append(json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout))
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    columns = ["model", "documents", "people", "organisations", "places", "roles", "load_s", "words_per_s", "peak_rss_mb"]
    print("| " + " | ".join(columns) + " |\n|" + "---|" * len(columns))
    for row in rows:
        print("| " + " | ".join(str(row[c]) for c in columns) + " |")


if __name__ == "__main__":
    main()
