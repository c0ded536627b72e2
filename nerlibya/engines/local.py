"""The local engine: extraction over a stream of inputs, in order, in this process or a pool of worker processes.

Records (plain dicts) come out in input order whatever `jobs` is; a failed input becomes an error
record in its place, and so does a document that breaks the pipeline (kind "internal"). Inputs are
read lazily and at most a few chunks are in flight at once, so memory stays flat however many
documents pass through. Closing the generator (or an exception, e.g. KeyboardInterrupt, in the
consumer) stops the worker processes at once.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import process as futures_process
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from ..errors import NerlibyaError
from ..record import error_record
from ..settings import ExtractorSettings
from ..sources.files import iter_inputs
from ..sources.items import FailedInput, ReadOptions, TextInput
from .base import Extracted

CHUNK_SIZE = 16


class BatchError(NerlibyaError):
    """A worker process could not run the pipeline at all (e.g. a model missing for one language)."""

    kind = "setup"


def default_jobs() -> int:
    """One worker per core, at most 4: each worker holds its own copy of the models."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


_worker_extractor = None


def make_extractor(settings: ExtractorSettings):
    from ..api import Extractor

    return Extractor(settings)


def _init_worker(settings: ExtractorSettings, parent: int) -> None:
    """Workers leave Ctrl-C to the parent (which stops them), die quietly when it terminates them, and die with
    it when it is killed (kill -9 gives it no chance to stop them)."""
    global _worker_extractor
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent(parent)
    _worker_extractor = make_extractor(settings)


PR_SET_PDEATHSIG = 1  # linux/prctl.h
PARENT_CHECK_SECONDS = 1.0


def die_with_parent(parent: int) -> None:
    """On Linux the kernel sends this process SIGKILL when its parent dies; everywhere a daemon thread also
    watches the parent's pid, for systems without prctl."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the thread below is the only guard
        pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="nerlibya-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def process_chunk(chunk: list[TextInput | FailedInput], extractor=None) -> list[dict]:
    """Records for one chunk, in order. A document that breaks the pipeline becomes an error record."""
    extractor = extractor or _worker_extractor
    good = [(item.source, item.text, item.date) for item in chunk if isinstance(item, TextInput)]
    try:
        records = iter([r.to_dict() for r in extractor.extract_many(good)])
    except NerlibyaError:
        raise
    except Exception:  # one bad document must not sink its neighbours: retry one by one
        records = iter([_one(extractor, source, text, date) for source, text, date in good])
    out = []
    for item in chunk:
        if isinstance(item, FailedInput):
            out.append(error_record(item.source, item.kind, item.message))
        else:
            out.append(next(records))
    return out


def _worker_chunk(chunk: list[TextInput | FailedInput]) -> tuple[str, object]:
    """process_chunk in a worker: a setup error comes back as text (our exceptions do not all unpickle)."""
    try:
        return "ok", process_chunk(chunk)
    except NerlibyaError as exc:
        return "error", str(exc)


def _one(extractor, source: str, text: str, date: str | None = None) -> dict:
    try:
        return extractor.extract(text, source, date).to_dict()
    except NerlibyaError:
        raise
    except Exception as exc:
        if isinstance(exc, ValueError) and "[E088]" in str(exc):  # spaCy's nlp.max_length
            return error_record(source, "too-large", too_large_message(len(text), extractor))
        message = " ".join(str(exc).split())[:500]
        return error_record(source, "internal", f"extraction failed: {type(exc).__name__}: {message}")


def too_large_message(characters: int, extractor) -> str:
    """Why a text is over spaCy's max_length, and the way out that applies to this run."""
    settings = getattr(extractor, "settings", None)
    if settings is not None and settings.rules_only:
        return f"{characters} characters is more than the pipeline takes in one document (spaCy max_length); split it"
    return (f"{characters} characters is more than the pipeline takes in one document with the statistical "
            "model (spaCy max_length); split it, or use --rules-only (up to 10,000,000 characters)")


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _crashed(chunk: list[TextInput | FailedInput]) -> list[dict]:
    message = "a worker process died while processing this input or a neighbour (out of memory?)"
    return [error_record(item.source, item.kind, item.message) if isinstance(item, FailedInput)
            else error_record(item.source, "internal", message) for item in chunk]


class _Workers:
    """A process pool that can be stopped at once (terminating its processes) and replaced if one dies."""

    def __init__(self, settings: ExtractorSettings, jobs: int):
        self.settings, self.jobs = settings, jobs
        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, mp_context=self.context, initializer=_init_worker,
                                   initargs=(self.settings, os.getpid()))

    def submit(self, chunk) -> Future | None:
        """The chunk's future, or None when the pool is already broken (the chunk did not start)."""
        try:
            return self.executor.submit(_worker_chunk, chunk)
        except BrokenProcessPool:
            return None

    def restart(self) -> None:
        self.stop()
        self.executor = self._new()

    def stop(self) -> None:
        _leave_out_of_exit_wakeups(self.executor)
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        results = getattr(self.executor, "_result_queue", None)
        self.executor.shutdown(wait=False, cancel_futures=True)
        # A worker terminated while it sends a result leaves the pool's reader thread waiting for the rest of
        # the message, and the interpreter joins that thread at exit: the run would never end (seen after a
        # broken pipe). Once our copy of the pipe's write end is closed, the dead workers' ends were the last
        # ones, so the reader gets end-of-file instead. No worker is started after shutdown, so none needs it.
        writer = getattr(results, "_writer", None)
        if writer is not None:
            writer.close()
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():  # pragma: no cover - a worker ignoring SIGTERM
                process.kill()
                process.join(timeout=5)
        # The pool's manager thread closes its wake-up pipe when it sees the workers gone; at exit the interpreter
        # writes to that pipe unless it is closed, and the two may cross (Python 3.11: 'Bad file descriptor' after
        # `| head`). Waiting for the thread here leaves nothing to cross.
        manager = getattr(self.executor, "_executor_manager_thread", None)
        if manager is not None:
            manager.join(timeout=5)

    def close(self) -> None:
        self.executor.shutdown(wait=True)


def _leave_out_of_exit_wakeups(executor: ProcessPoolExecutor) -> None:
    """At exit the interpreter writes to the wake-up pipe of every pool manager thread it knows of, while a stopped
    pool's manager closes that pipe as its workers go: the two may cross ('Bad file descriptor' printed after
    nerlibya's one line, seen after a second SIGTERM on a loaded machine, when the join below had no time to run).
    A pool being stopped is taken off that list first; its thread still ends, and the interpreter joins it."""
    manager = getattr(executor, "_executor_manager_thread", None)
    wakeups = getattr(futures_process, "_threads_wakeups", None)
    if manager is not None and wakeups is not None:
        wakeups.pop(manager, None)


def _finished(future: Future | None) -> bool:
    """True when the future holds a result, so a pool that broke later need not run its chunk again."""
    return future is not None and future.done() and not future.cancelled() and future.exception() is None


class _Window:
    """Chunks in flight, in input order. When a worker dies, the pool is replaced and every chunk without a
    result is submitted again, so each document comes out exactly once and in order."""

    def __init__(self, workers: _Workers):
        self.workers = workers
        self.pending: deque[tuple[list, Future | None]] = deque()

    def __len__(self) -> int:
        return len(self.pending)

    def add(self, chunk: list) -> None:
        self.pending.append((chunk, self.workers.submit(chunk)))

    def _resubmit(self) -> None:
        waiting = list(self.pending)
        self.pending.clear()
        self.workers.restart()
        for chunk, future in waiting:
            self.pending.append((chunk, future if _finished(future) else self.workers.submit(chunk)))

    def take(self) -> list[dict]:
        """Records of the chunk in front. If the pool broke while that chunk ran, it gets the blame (each of its
        documents reported); a chunk that never reached a worker is simply run again."""
        while True:
            chunk, future = self.pending.popleft()
            if future is None:
                self.pending.appendleft((chunk, None))
                self._resubmit()
                continue
            try:
                status, value = future.result()
            except BrokenProcessPool:
                self._resubmit()
                return _crashed(chunk)
            if status == "error":
                raise BatchError(str(value))
            return value


def run_batch(inputs: Iterable[TextInput | FailedInput], settings: ExtractorSettings, jobs: int = 1,
              chunk_size: int = CHUNK_SIZE, extractor=None) -> Iterator[dict]:
    """Records in input order. With `jobs` > 1, chunks go to worker processes, a bounded window at a time
    (at most `2 * jobs` chunks read ahead of the output)."""
    chunks = _chunks(inputs, chunk_size)
    if jobs > 1:  # a batch of one chunk is not worth starting worker processes for
        first = next(chunks, None)
        second = next(chunks, None) if first is not None else None
        if second is None:
            jobs, chunks = 1, iter([first] if first is not None else [])
        else:
            chunks = chain([first, second], chunks)
    if jobs <= 1:
        extractor = extractor or make_extractor(settings)
        for chunk in chunks:
            yield from process_chunk(chunk, extractor)
        return
    workers = _Workers(settings, jobs)
    finished = False
    try:
        window = _Window(workers)
        for chunk in chunks:
            window.add(chunk)
            if len(window) >= jobs * 2:
                yield from window.take()
        while len(window):
            yield from window.take()
        finished = True
    finally:
        if finished:
            workers.close()
        else:
            workers.stop()


class RememberedInputs:
    """The inputs of a batch, each kept until its record comes out (one record per input, in input order), so
    that sinks which need the article's text or date (HTML, SQLite) get them without the record carrying them."""

    def __init__(self, inputs: Iterable[TextInput | FailedInput]):
        self.inputs = inputs
        self.waiting: deque = deque()

    def __iter__(self):
        for item in self.inputs:
            self.waiting.append(item)
            yield item

    def paired(self, records: Iterable[dict]) -> Iterator[Extracted]:
        for record in records:
            item = self.waiting.popleft()
            yield Extracted(record, getattr(item, "text", None), getattr(item, "date", None))


@dataclass
class LocalEngine:
    """`jobs` worker processes (one: this process, reusing the extractor `check` built)."""

    jobs: int = 1
    extractor: object = field(default=None, repr=False)

    def check(self, settings: ExtractorSettings) -> None:
        self.extractor = make_extractor(settings)
        self.extractor.check()

    def run(self, paths: Iterable[str], options: ReadOptions, settings: ExtractorSettings,
            keep_text: bool = False) -> Iterator[Extracted]:
        inputs = iter_inputs(paths, options)
        remembered = RememberedInputs(inputs) if keep_text else None  # JSON, JSONL, CSV, tables keep no input
        batch = run_batch(inputs if remembered is None else remembered, settings, jobs=self.jobs,
                          extractor=self.extractor)
        try:
            yield from (Extracted(record) for record in batch) if remembered is None else remembered.paired(batch)
        finally:
            batch.close()  # stops worker processes now, not at garbage collection
