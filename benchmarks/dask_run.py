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
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import OUT, SEED, build_corpus, cli_command, english_model, machine_info, run_checked, timed  # noqa: E402

from nerlibya.settings import ExtractorSettings  # noqa: E402
from nerlibya.sources.items import ReadOptions  # noqa: E402

SETTINGS = ExtractorSettings(lang="en")


def cli_run(command: list[str], output: Path, expected: int) -> dict:
    """Wall time and CPU time (the command and every process it waited for: workers, nannies) of one run,
    checked to hold one record per document. CPU time is what a busy machine distorts least."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = timed(lambda: run_checked(command))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    with output.open(encoding="utf-8") as handle:
        if sum(1 for _ in handle) != expected:
            raise SystemExit(f"{' '.join(command)}: not {expected} records")
    return {"wall_s": wall, "cpu_s": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)}


def throughput(corpus, work: Path, repeats: int, log) -> dict:
    """Both engines end to end, in interleaved rounds; medians of wall and CPU time."""
    base = cli_command("extract", str(corpus.folder), "-f", "jsonl", "-o", str(work / "out.jsonl"), "--lang", "en",
                       "--quiet")
    commands = {"CLI --jobs 2": [*base, "--jobs", "2"],
                "CLI --engine dask --dask-workers 2": [*base, "--engine", "dask", "--dask-workers", "2"]}
    runs: dict[str, list[dict]] = {name: [] for name in commands}
    for round_number in range(1, repeats + 1):
        for name, command in commands.items():
            runs[name].append(cli_run(command, work / "out.jsonl", len(corpus.texts)))
            log(f"round {round_number}/{repeats}: {name} {runs[name][-1]} (load average {os.getloadavg()[0]:.2f})")
    figures = {}
    for name, measured in runs.items():
        wall, cpu = (statistics.median(run[key] for run in measured) for key in ("wall_s", "cpu_s"))
        figures[name] = {"runs": measured, "median_wall_s": wall, "median_cpu_s": cpu,
                         "words_per_s": corpus.words / wall, "words_per_cpu_s": corpus.words / cpu}
    return figures


def _load_pipeline() -> float:
    """On a worker: seconds to build its extractor and English pipeline (zero once built)."""
    from nerlibya.engines.dask import worker_extractor

    start = time.perf_counter()
    worker_extractor(SETTINGS).nlp("en")
    return time.perf_counter() - start


def _noop() -> None:
    return None


def serialisation(corpus, log) -> dict:
    """What one partition costs to ship: its work (file names) out, its records back."""
    from nerlibya.engines.dask import PARTITION_SIZE, extract_items, iter_partitions
    from nerlibya.sources.urls import iter_items

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
    from nerlibya.engines.dask import connect, stream_records
    from nerlibya.sources.urls import iter_items

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
    dask, local = results["throughput"]["CLI --engine dask --dask-workers 2"], results["throughput"]["CLI --jobs 2"]
    results["dask_vs_jobs2"] = dask["words_per_s"] / local["words_per_s"]
    results["dask_vs_jobs2_per_cpu_s"] = dask["words_per_cpu_s"] / local["words_per_cpu_s"]
    OUT.mkdir(exist_ok=True)
    (OUT / "dask_results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))
    print(f"dask / --jobs 2: {results['dask_vs_jobs2']:.3f} in words/s (aim >= 0.90), "
          f"{results['dask_vs_jobs2_per_cpu_s']:.3f} in words per CPU second")


if __name__ == "__main__":
    main()
