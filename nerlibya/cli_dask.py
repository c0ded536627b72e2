"""`nerlibya extract --engine dask`: the extract command's records computed on a Dask cluster.

One stream (stdout or `-o FILE`, any format) takes `dask_records` in place of `run_batch`: same records, same
order, rendered by the command as usual. `-o DIR` (an existing folder) writes one file per partition from the
workers (`extract_to_folder`).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .batch import ExtractorSettings
from .io import ReadOptions

PARTITION_FORMATS = ("jsonl", "json", "csv")


@dataclass(frozen=True)
class DaskRun:
    scheduler: str | None  # None: a local cluster of `workers` processes
    workers: int


def dask_records(paths: list[str], options: ReadOptions, settings: ExtractorSettings, run: DaskRun
                 ) -> Iterator[dict]:
    """Records in input order; closing the generator cancels what is pending and stops a local cluster."""
    from .distributed import connect, iter_items, stream_records

    with connect(run.scheduler, run.workers) as client:
        yield from stream_records(client, iter_items(paths, options), settings, options)


def extract_to_folder(paths: list[str], options: ReadOptions, settings: ExtractorSettings, run: DaskRun,
                      folder: Path, output_format: str, show_progress: bool) -> int:
    """part-000000.jsonl, part-000001.jsonl, ... in `folder`, each written whole by a worker; errors on stderr.
    Returns the exit code."""
    from .cli import (EXIT_INTERRUPTED, EXIT_OK, EXIT_SETUP, EXIT_SOME_FAILED, EXIT_USAGE, _progress, _quiet_fail,
                      error_line, fail, one_line, stderr)
    from .batch import make_extractor
    from .distributed import connect, iter_items, stream_partition_writes
    from .errors import NerlibyaError

    if output_format not in PARTITION_FORMATS:
        raise fail(f"-o {folder} is a folder: one file per partition needs --format jsonl, json or csv",
                   EXIT_USAGE)
    if any(folder.glob("part-*")):
        raise fail(f"{folder}: already holds part-* files from another run; empty it or choose another folder",
                   EXIT_USAGE)
    documents = failed = 0
    try:
        make_extractor(settings).check()
        with connect(run.scheduler, run.workers) as client, _progress(show_progress) as progress:
            task = progress.add_task("extracting", total=None)
            for summary in stream_partition_writes(client, iter_items(paths, options), settings, options,
                                                   str(folder), output_format):
                documents += summary["documents"]
                failed += len(summary["errors"])
                sys.stderr.writelines(error_line(record) for record in summary["errors"])
                progress.update(task, advance=summary["documents"])
    except NerlibyaError as exc:
        raise fail(one_line(str(exc)), EXIT_SETUP)
    except KeyboardInterrupt:
        raise _quiet_fail("interrupted; the partition files written so far are complete", EXIT_INTERRUPTED)
    if show_progress:
        stderr.print(f"{documents} documents, {failed} failed, in {folder}")
    return EXIT_SOME_FAILED if failed else EXIT_OK
