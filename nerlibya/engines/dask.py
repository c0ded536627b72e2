"""The Dask engine: the same records as `--jobs 1`, computed on a Dask cluster.

Inputs are listed where the run starts (files, folders, globs and fsspec URLs: `sources.urls.iter_items`); the
files themselves are read and decoded on the workers by the same code, and each partition is extracted by
`local.process_chunk`, so a bad input is an error record in its place, never a failed task. Each worker process
builds one `Extractor` per settings (and so each language's pipeline once) and keeps it for every later task.
When the sink needs the text (HTML, SQLite), it travels back from the worker with its record. Dask is imported
lazily: this module imports without it.
"""

from __future__ import annotations

import asyncio
import glob as glob_module
import logging
import os
import re
import sys
import threading
from collections import deque
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from itertools import islice
from typing import Any, Callable, Iterable, Iterator

from ..errors import NerlibyaError
from ..record import error_record
from ..settings import ExtractorSettings
from ..sinks.partitions import partition_name, write_partition
from ..sources.items import FailedInput, ReadOptions
from ..sources.urls import Item, iter_items, read_items
from .base import Extracted
from . import local
from .local import BatchError, process_chunk

PARTITION_SIZE = 16
LOST = "a Dask worker died each time it ran this input's partition"


class DaskMissingError(NerlibyaError):
    kind = "setup"

    def __init__(self):
        super().__init__("Dask is not installed: install nerlibya[dask] (pip install 'nerlibya[dask]')")


class ClusterError(NerlibyaError):
    """The Dask scheduler cannot be reached, or a local cluster cannot start."""

    kind = "setup"


def require_dask() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise DaskMissingError() from None


def iter_partitions(items: Iterable[Item], size: int = PARTITION_SIZE) -> Iterator[list[Item]]:
    iterator = iter(items)
    while part := list(islice(iterator, size)):
        yield part


# ------------------------------------------------------------------------------------------ workers

_extractors: dict[ExtractorSettings, Any] = {}
_extractors_lock = threading.Lock()


def worker_extractor(settings: ExtractorSettings):
    """This process's extractor for these settings: built by the first task, kept for every later one."""
    with _extractors_lock:
        if settings not in _extractors:
            _extractors[settings] = local.make_extractor(settings)
        return _extractors[settings]


def extract_items(items: list[Item], settings: ExtractorSettings, options: ReadOptions,
                  keep_text: bool = False) -> list[dict] | list[Extracted]:
    """One partition's records, in order (the task every Dask path runs); with `keep_text`, each as an
    `Extracted` that carries its text and date back to the client."""
    texts = read_items(items, options)
    extractor = worker_extractor(settings)
    try:
        with _extractors_lock:  # a pipeline is not shared between threads of one worker
            records = process_chunk(texts, extractor)
    except NerlibyaError as exc:  # e.g. the model missing on this worker; ours do not all unpickle
        raise BatchError(f"on a Dask worker: {exc}") from None
    if not keep_text:
        return records
    return [Extracted(record, getattr(item, "text", None), getattr(item, "date", None))
            for record, item in zip(records, texts)]


# ------------------------------------------------------------------------------------------ running

CONNECT_SECONDS = 20
SCHEDULER_PROTOCOLS = ("tcp", "tls", "ws", "wss", "ucx", "inproc")
_ADDRESS = re.compile(r"(?:(?P<protocol>[a-z]+)://)?(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+)(?::(?P<port>\d{1,5}))?")


def address_problem(address: str) -> str | None:
    """Why `address` cannot name a Dask scheduler ("tcp://host:8786", "host:8786"), or None: checked before
    anything starts, so a typo is a usage error rather than a stalled connection."""
    match = _ADDRESS.fullmatch(address.strip())
    if not address.strip():
        return "--scheduler is empty; leave it out for a local cluster"
    if match is None:
        return f"--scheduler {address!r} is not a Dask scheduler address (e.g. tcp://10.0.0.5:8786)"
    protocol, port = match["protocol"], match["port"]
    if protocol in ("http", "https"):
        return f"--scheduler {address!r} is a web address (the dashboard?); the scheduler's is tcp://HOST:8786"
    if protocol is not None and protocol not in SCHEDULER_PROTOCOLS:
        return f"--scheduler {address!r}: unknown protocol {protocol!r} (tcp, tls, ws, wss, ucx)"
    if protocol is None and port is None:
        return f"--scheduler {address!r} is not a Dask scheduler address: give HOST:PORT or tcp://HOST:PORT"
    if port is not None and not 0 < int(port) < 65536:
        return f"--scheduler {address!r}: port {port} is out of range"
    return None


def probe_scheduler(address: str) -> None:
    """A Dask handshake and an `identity` request with the scheduler, bounded by CONNECT_SECONDS: a server that
    accepts TCP and never answers, or that speaks another protocol (an HTTP port), is a ClusterError, before a
    Client that would wait on it (and stall the exit) exists. TLS addresses need the user's security settings:
    those are left to the Client."""
    if not address.startswith("tcp://") and "://" in address:
        return
    try:
        asyncio.run(asyncio.wait_for(_identity(address), CONNECT_SECONDS))
    except asyncio.TimeoutError:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: no answer within {CONNECT_SECONDS} s")\
            from None
    except Exception as exc:  # OSError, CommClosedError, a garbled reply: no scheduler there
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {type(exc).__name__}: "
                           f"{' '.join(str(exc).split())[:200]}") from None


async def _identity(address: str) -> None:
    from distributed.comm import connect as open_comm

    comm = await open_comm(address, timeout=CONNECT_SECONDS)
    try:
        await comm.write({"op": "identity", "reply": True})
        reply = await comm.read()
    finally:
        comm.abort()
    if not isinstance(reply, dict) or reply.get("type") != "Scheduler":
        raise ConnectionError(f"not a Dask scheduler (it answered {str(reply)[:80]!r})")


@contextmanager
def connect(scheduler: str | None = None, workers: int = 2, quiet_logs: bool = True):
    """A `distributed.Client`: on the scheduler at `scheduler`, else on a local cluster of `workers`
    single-threaded worker processes (closed on exit)."""
    require_dask()
    import dask
    from distributed import Client, LocalCluster

    level = logging.CRITICAL if quiet_logs else logging.WARNING  # a local cluster's shutdown races log tracebacks
    if quiet_logs:  # in this process too, where LocalCluster restores the level as it closes (after Ctrl-C)
        for name in ("distributed", "tornado", "asyncio"):
            logging.getLogger(name).setLevel(level)
    cluster = None
    try:
        if scheduler:
            probe_scheduler(scheduler)
            client = Client(scheduler, timeout=f"{CONNECT_SECONDS}s", set_as_default=False)
        else:
            _close_leftovers_quietly_at_exit()
            with dask.config.set(_local_worker_config()), _silent_children():  # config: handed on to workers
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address="127.0.0.1:0", silence_logs=level)
                client = Client(cluster, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
        raise ClusterError(f"cannot reach {where}: {exc}") from None
    except BaseException:  # Ctrl-C while the cluster starts: it is stopped, not left behind
        if cluster is not None:
            with suppress(Exception):  # half-started workers: the interrupt is what to report
                cluster.close()
        raise
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@contextmanager
def _silent_children() -> Iterator[None]:
    """The local cluster's processes (nannies, their workers, multiprocessing's helpers) are started with stderr
    on /dev/null, which they keep: Ctrl-C at a terminal goes to every process of the foreground group, and a
    worker stopped by it, or by the cluster's shutdown, must not print its traceback; this process reports the
    run in one line. (Their logs are silenced anyway: silence_logs.)"""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def _close_leftovers_quietly_at_exit() -> None:
    """distributed closes the clusters left open at exit; one interrupted while it started (Ctrl-C) fails an
    assertion there and prints a traceback after nerlibya's one line. It is closed as well, silently."""
    import atexit

    from distributed.deploy import spec

    atexit.unregister(spec.close_clusters)
    atexit.register(_quietly, spec.close_clusters)


def _quietly(close: Callable[[], None]) -> None:
    with suppress(Exception), _silent_children():
        close()


def _local_worker_config() -> dict:
    """Dask's worker settings less two that take CPU from extraction: the stack-sampling profiler (every 10 ms,
    for the dashboard) and glibc returning freed memory at once (MALLOC_TRIM_THRESHOLD_; more system time)."""
    import dask
    import distributed  # noqa: F401 - registers Dask's worker defaults read here

    environ = {**dask.config.get("distributed.nanny.pre-spawn-environ"), "MALLOC_TRIM_THRESHOLD_": None}
    return {"distributed.worker.profile.enabled": False, "distributed.nanny.pre-spawn-environ": environ}


def _lost(items: list[Item], reason: str) -> list[dict]:
    """Error records for a partition the cluster gave up on (its task killed every worker that ran it)."""
    return [error_record(item.source, item.kind, item.message) if isinstance(item, FailedInput)
            else error_record(item.source, "internal", reason) for item in items]


def submit_in_order(client, parts: Iterable[list[Item]], task: Callable[[int, list[Item]], tuple],
                    window: int | None = None) -> Iterator[tuple[int, list[Item], Any]]:
    """(index, partition, result) in input order, with at most `window` partitions submitted ahead of the
    reader (default: 4 per worker). `task(index, part)` gives (function, *args). A worker that dies has its
    tasks rerun by the scheduler; a partition that kills worker after worker (distributed's `KilledWorker`)
    comes back as that exception."""
    from distributed import KilledWorker

    window = window or 4 * max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))
    pending: deque = deque()

    def oldest() -> tuple[int, list[Item], Any]:
        index, part, future = pending.popleft()
        try:
            return index, part, future.result()
        except KilledWorker as exc:
            return index, part, exc
        except ImportError as exc:  # raised on the worker, e.g. nerlibya or a model not installed there
            raise ClusterError(f"a Dask worker cannot import what nerlibya needs ({exc}); install the same "
                               "requirements.lock and nerlibya on every worker") from None

    try:
        for index, part in enumerate(parts):
            pending.append((index, part, client.submit(*task(index, part))))
            if len(pending) >= window:
                yield oldest()
        while pending:
            yield oldest()
    finally:
        if pending and client.status == "running":  # after Ctrl-C the client may be closed already: nothing to cancel
            with suppress(RuntimeError, OSError):
                client.cancel([future for _, _, future in pending])


def stream_records(client, items: Iterable[Item], settings: ExtractorSettings, options: ReadOptions,
                   partition_size: int = PARTITION_SIZE, window: int | None = None,
                   keep_text: bool = False) -> Iterator[dict] | Iterator[Extracted]:
    """Records in input order as the cluster produces them (as `Extracted`, text included, with `keep_text`);
    memory stays flat (a bounded window)."""
    def task(index: int, part: list[Item]) -> tuple:
        return extract_items, part, settings, options, keep_text

    for _, part, result in submit_in_order(client, iter_partitions(items, partition_size), task, window):
        if not isinstance(result, Exception):
            yield from result
            continue
        lost = _lost(part, f"{LOST}: {result}")
        yield from (Extracted(record) for record in lost) if keep_text else lost


def extract_and_write(items: list[Item], settings: ExtractorSettings, options: ReadOptions, target: str,
                      output_format: str, storage_options: dict | None = None) -> dict:
    return write_partition(extract_items(items, settings, options), target, output_format, storage_options)


def stream_partition_writes(client, items: Iterable[Item], settings: ExtractorSettings, options: ReadOptions,
                            folder: str, output_format: str = "jsonl", partition_size: int = PARTITION_SIZE,
                            window: int | None = None, storage_options: dict | None = None) -> Iterator[dict]:
    """Write one file per partition into `folder` (workers write; a rerun task rewrites the same file), and
    give each partition's summary in order. A partition lost to dying workers is written by the client; the
    temporary files of attempts cut short by a dying worker are removed at the end."""
    def task(index: int, part: list[Item]) -> tuple:
        return (extract_and_write, part, settings, options, partition_name(folder, index, output_format),
                output_format, storage_options)

    for index, part, result in submit_in_order(client, iter_partitions(items, partition_size), task, window):
        if isinstance(result, Exception):
            result = write_partition(_lost(part, f"{LOST}: {result}"), partition_name(folder, index, output_format),
                                     output_format, storage_options)
        yield result
    if "://" not in folder:
        for leftover in glob_module.glob(os.path.join(glob_module.escape(folder), ".part-*.tmp")):
            os.unlink(leftover)


@dataclass
class DaskEngine:
    """A Dask cluster: the one at `scheduler`, else a local cluster of `workers` processes for this run."""

    scheduler: str | None = None
    workers: int = 2

    def check(self, settings: ExtractorSettings) -> None:
        local.make_extractor(settings).check()

    def run(self, paths: Iterable[str], options: ReadOptions, settings: ExtractorSettings,
            keep_text: bool = False) -> Iterator[Extracted]:
        """Closing the generator cancels what is pending and stops a local cluster."""
        with connect(self.scheduler, self.workers) as client:
            results = stream_records(client, iter_items(paths, options), settings, options, keep_text=keep_text)
            yield from results if keep_text else (Extracted(record) for record in results)

    def write_partitions(self, paths: Iterable[str], options: ReadOptions, settings: ExtractorSettings,
                         folder: str, output_format: str) -> Iterator[dict]:
        """One file per partition, written by the workers into `folder`; each partition's summary in order."""
        with connect(self.scheduler, self.workers) as client:
            yield from stream_partition_writes(client, iter_items(paths, options), settings, options, folder,
                                               output_format)
