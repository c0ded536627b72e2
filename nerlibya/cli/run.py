"""One `nerlibya extract` run: sources -> engine -> sink, with signals, progress and the stderr report around it.

The command (extract.py) turns options into an `ExtractRun`; this module checks where the output goes, picks the
sink for the format, hands the sink's `needs_text` to the engine, and turns whatever stops the run into an exit
code. Every write waits for a signal to be handled between writes, so every line written is complete.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, ContextManager, Iterator, Optional

from ..core.confidence import above
from ..engines.base import Engine
from ..settings import ExtractorSettings
from ..sinks.base import Sink
from ..sinks.csv import CsvSink
from ..sinks.html import HtmlPageSink, HtmlReportSink
from ..sinks.json import JsonSink
from ..sinks.jsonl import JsonlSink
from ..sinks.sqlite import SqliteSink
from ..sinks.table import TableSink
from ..sources.files import count_inputs
from ..sources.items import ReadOptions
from .allocator import keep_freed_memory
from .exits import EXIT_OK, EXIT_SOME_FAILED, exit_for, stderr
from .output_files import STDOUT_NAME, open_output, writing
from .progress import above_progress, loading_status, progress_bar, stdout_is_terminal
from .report import Tally, summary_line
from .signals import Signals

STREAM_SINKS = {"table": TableSink, "json": JsonSink, "jsonl": JsonlSink, "csv": CsvSink, "html": HtmlPageSink}


@dataclass(frozen=True)
class ExtractRun:
    paths: list[str]
    options: ReadOptions
    settings: ExtractorSettings
    engine: Engine
    output_format: str
    output: Optional[Path]
    single: bool  # one text document: `-f json` prints one object, `-f html` one page
    show_progress: bool
    min_confidence: float = 0.0  # entities and roles below it are left out of every format


def run_extract(run: ExtractRun) -> int:
    """The run's exit code; every failure is one stderr line and its exit (see exits.py). `run.output` was
    checked (output_paths.check_output) before the run was made."""
    signals = Signals()
    tally = Tally(signals)
    with signals:
        try:
            _stream(run, tally)
        except BaseException as exc:
            raise exit_for(exc, tally.failed)
    if run.show_progress:
        stderr.print(summary_line(tally.processed, tally.failed), markup=False)
    return EXIT_SOME_FAILED if tally.failed else EXIT_OK


def _stream(run: ExtractRun, tally: Tally) -> None:
    total = count_inputs(run.paths, run.options) if run.show_progress else None
    keep_freed_memory()
    run.engine.check(run.settings)
    with start_up_frozen(), open_sink(run.output_format, run.output, run.single,
                                      run.options.input_format == "text") as (sink, guard):
        results = run.engine.run(run.paths, run.options, run.settings, keep_text=sink.needs_text)
        try:
            with progress_bar(run.show_progress, total) as progress:
                task = progress.add_task(loading_status(run.settings) if run.show_progress else "", total=total)
                screen = run.output is None and stdout_is_terminal()
                for item in tally.watch(results, progress, task):
                    above(item.record, run.min_confidence)
                    with tally.signals.write(), guard(), above_progress(progress, screen):
                        sink.write(item)
                with tally.signals.write(), guard():
                    sink.finish()
        finally:
            with tally.signals.write():  # a signal waits until the workers are stopped
                results.close()  # stops worker processes now, not at garbage collection


@contextmanager
def start_up_frozen() -> Iterator[None]:
    """What the start-up made (spaCy, the knowledge base: a few hundred thousand objects) lives as long as the
    run: kept out of the collector's reach (gc.freeze; forked workers inherit it), each full collection reads
    only the documents' objects, about a CPU second less over 242 news articles. Given back at the end, for
    a caller that runs the command in its own process (tests)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def open_sink(output_format: str, output: Optional[Path], single: bool, files_are_documents: bool = False
              ) -> Iterator[tuple[Sink, Callable[[], ContextManager]]]:
    """The sink, and what guards each of its writes: a stream's failed write is an OutputError (exit 4); a
    report folder or a database reports its own errors. A corpus of text files (`files_are_documents`) knows
    each file by its resolved path, however it was spelt."""
    if output_format == "sqlite" or (output_format == "html" and not single):
        sink = SqliteSink(output, files_are_documents) if output_format == "sqlite" else HtmlReportSink(output)
        try:
            yield sink, nullcontext
        finally:
            sink.close()
        return
    target = str(output) if output else STDOUT_NAME
    with open_output(output) as out:
        sink = STREAM_SINKS[output_format](out, single=single)
        try:
            yield sink, lambda: writing(target)
        finally:
            sink.close()
