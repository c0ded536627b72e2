"""`nerlibya extract --engine dask -o FOLDER`: one file per partition, written by the Dask workers themselves."""

from __future__ import annotations

import sys
from pathlib import Path

from ..engines.dask import DaskEngine
from ..errors import NerlibyaError
from ..settings import ExtractorSettings
from ..sinks.partitions import PARTITION_FORMATS
from ..sources.items import ReadOptions
from .exits import EXIT_INTERRUPTED, EXIT_OK, EXIT_SETUP, EXIT_SOME_FAILED, EXIT_USAGE, fail, one_line, quiet_fail, stderr
from .progress import progress_bar
from .report import error_line, summary_line


def extract_to_folder(paths: list[str], options: ReadOptions, settings: ExtractorSettings, engine: DaskEngine,
                      folder: Path, output_format: str, show_progress: bool) -> int:
    """part-000000.jsonl, part-000001.jsonl, ... in `folder`, each written whole by a worker; errors on stderr.
    Returns the exit code."""
    if output_format not in PARTITION_FORMATS:
        raise fail(f"-o {folder} is a folder: one file per partition needs --format jsonl, json or csv",
                   EXIT_USAGE)
    if any(folder.glob("part-*")):
        raise fail(f"{folder}: already holds part-* files from another run; empty it or choose another folder",
                   EXIT_USAGE)
    documents = failed = 0
    try:
        engine.check(settings)
        with progress_bar(show_progress) as progress:
            task = progress.add_task("extracting", total=None)
            for summary in engine.write_partitions(paths, options, settings, str(folder), output_format):
                documents += summary["documents"]
                failed += len(summary["errors"])
                sys.stderr.writelines(error_line(record) for record in summary["errors"])
                progress.update(task, advance=summary["documents"])
    except NerlibyaError as exc:
        raise fail(one_line(str(exc)), EXIT_SETUP)
    except KeyboardInterrupt:
        raise quiet_fail("interrupted; the partition files written so far are complete", EXIT_INTERRUPTED)
    if show_progress:
        stderr.print(summary_line(documents, failed, f", in {one_line(str(folder))}"), markup=False)
    return EXIT_SOME_FAILED if failed else EXIT_OK
