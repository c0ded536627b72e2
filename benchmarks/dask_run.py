"""The Dask engine against local worker processes on the benchmark corpus (issue 14). Run by hand:

    python benchmarks/dask_run.py                 # 2,000 articles (1.1 M words), both engines in one run
    python benchmarks/dask_run.py --docs 400      # a smaller subset of the same corpus
    python benchmarks/dask_run.py --repeats 3     # medians of interleaved rounds

End to end, through the CLI, as users run it: `--jobs 2` against `--engine dask --dask-workers 2` (a
LocalCluster of two single-threaded worker processes), both writing JSONL, rounds interleaved. Then the
per-worker overhead on a cluster of its own: start-up, pipeline load, a task's round trip, and serialisation
of a partition's work and records; and the throughput of an already warm cluster. Figures go to
benchmarks/out/dask_results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import OUT, SEED, build_corpus, cli_runner, english_model, machine_info, median_times, timed  # noqa: E402

from nerlibya.batch import ExtractorSettings  # noqa: E402
from nerlibya.io import ReadOptions  # noqa: E402

SETTINGS = ExtractorSettings(lang="en")


def throughput(corpus, work: Path, repeats: int, log) -> dict:
    n = len(corpus.texts)
    runners = {
        "CLI --jobs 2": cli_runner(corpus.folder, work / "out.jsonl", n, "--jobs", "2"),
        "CLI --engine dask --dask-workers 2": cli_runner(corpus.folder, work / "out.jsonl", n, "--engine", "dask",
                                                         "--dask-workers", "2"),
    }
    timings = median_times(runners, repeats, log)
    for figures in timings.values():
        figures["words_per_s"] = corpus.words / figures["median_s"]
    return timings


def _load_pipeline() -> float:
    """On a worker: seconds to build its extractor and English pipeline (zero once built)."""
    from nerlibya.distributed import worker_extractor

    start = time.perf_counter()
    worker_extractor(SETTINGS).nlp("en")
    return time.perf_counter() - start


def _noop() -> None:
    return None


def serialisation(corpus, log) -> dict:
    """What one partition costs to ship: its work (file names) out, its records back."""
    from nerlibya.distributed import PARTITION_SIZE, extract_items, iter_items, iter_partitions

    part = next(iter_partitions(iter_items([str(corpus.folder)]), PARTITION_SIZE))
    records = extract_items(part, SETTINGS, ReadOptions())
    log("serialisation of one partition")
    dump = statistics.median(timed(lambda: pickle.dumps(records)) for _ in range(5))
    data = pickle.dumps(records)
    load = statistics.median(timed(lambda: pickle.loads(data)) for _ in range(5))
    return {"documents": len(part), "task_bytes": len(pickle.dumps(part)), "records_bytes": len(data),
            "records_dump_s": dump, "records_load_s": load,
            "records_bytes_per_document": len(data) / len(part)}


def overhead_and_warm(corpus, log) -> dict:
    """A cluster of its own: start-up, pipeline load per worker, empty-task round trip, then a warm run."""
    from nerlibya.distributed import connect, iter_items, stream_records

    start = time.perf_counter()
    with connect(workers=2) as client:
        client.wait_for_workers(2)
        started = time.perf_counter() - start
        log(f"cluster of 2 workers up in {started:.1f} s; loading pipelines")
        loads = client.run(_load_pipeline)
        round_trips = [timed(lambda: client.submit(_noop, pure=False).result()) for _ in range(20)]
        log("warm run over the corpus")
        warm = timed(lambda: sum(1 for _ in stream_records(client, iter_items([str(corpus.folder)]), SETTINGS,
                                                           ReadOptions())))
    return {"cluster_start_s": started, "pipeline_load_s_per_worker": sorted(loads.values()),
            "task_round_trip_s_median": statistics.median(round_trips),
            "warm_cluster_s": warm, "warm_cluster_words_per_s": corpus.words / warm}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="articles in the corpus (default 2,000)")
    parser.add_argument("--repeats", type=int, default=1, help="interleaved rounds per CLI figure (median)")
    args = parser.parse_args()
    log = lambda message: print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)  # noqa: E731
    load_before = round(os.getloadavg()[0], 2)
    work = Path(tempfile.mkdtemp(prefix="nerlibya-dask-bench-"))
    try:
        corpus = build_corpus(work / "corpus", args.docs, 1_000_000 if args.docs >= 2000 else 0)
        log(f"corpus: {len(corpus.texts)} documents, {corpus.words} words")
        results = {"machine": machine_info(english_model()), "repeats": args.repeats,
                   "corpus": {"documents": len(corpus.texts), "words": corpus.words, "seed": SEED}}
        results["throughput"] = throughput(corpus, work, args.repeats, log)
        results["per_worker"] = overhead_and_warm(corpus, log)
        results["serialisation"] = serialisation(corpus, log)
        results["machine"]["load_average_before_after"] = [load_before, round(os.getloadavg()[0], 2)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    speeds = {name: figures["words_per_s"] for name, figures in results["throughput"].items()}
    results["dask_vs_jobs2"] = speeds["CLI --engine dask --dask-workers 2"] / speeds["CLI --jobs 2"]
    OUT.mkdir(exist_ok=True)
    (OUT / "dask_results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))
    print(f"dask / --jobs 2: {results['dask_vs_jobs2']:.3f} (aim >= 0.90)")


if __name__ == "__main__":
    main()
