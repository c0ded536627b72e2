"""The same extraction on a Dask cluster: inputs in, a Dask bag of records (dicts, as `--jobs 1` gives) out.

Inputs are listed on the client exactly as `nerlibya extract` lists them (`io.iter_sources`), plus globs and
fsspec URLs (`s3://bucket/news/*.txt` once the filesystem's package is installed); the files themselves are
read and decoded on the workers by the same code (`io.read_file`, `io.read_stream`), and each partition is
extracted by `batch.process_chunk`, so a bad input is an error record in its place, never a failed task.
Each worker process builds one `Extractor` per settings (and so each language's pipeline once) and keeps it
for every later task. Dask is imported lazily: this module imports without it.
"""

from __future__ import annotations

import fnmatch
import glob as glob_module
import logging
import os
import threading
import uuid
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Callable, Iterable, Iterator

from .batch import BatchError, ExtractorSettings, make_extractor, process_chunk
from .errors import NerlibyaError
from .io import (FailedInput, FileInput, ReadOptions, TextInput, iter_sources, json_line_item, json_record_item,
                 read_file, read_stream)
from .record import error_record

PARTITION_SIZE = 16
NO_ID = "<no id>"
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


# ------------------------------------------------------------------------------------------ listing

@dataclass(frozen=True)
class RemoteFile:
    """A file behind an fsspec URL, read on the worker."""

    url: str
    source: str
    storage_options: dict = field(default_factory=dict, hash=False, compare=False)


Item = TextInput | FailedInput | FileInput | RemoteFile


def _has_magic(raw: str) -> bool:
    return any(char in raw for char in "*?[")


def _url_sources(raw: str, options: ReadOptions, storage_options: dict) -> Iterator[RemoteFile | FailedInput]:
    """The files an fsspec URL names: itself, its glob's matches, or a folder's matching files; sorted. One
    listing call per URL, not one request per file."""
    try:
        import fsspec

        fs, path = fsspec.core.url_to_fs(raw, **storage_options)
        entries = fs.glob(path, detail=True) if _has_magic(path) else {path: fs.info(path)}
        listed: list[str | FailedInput] = []
        for name, info in sorted(entries.items()):
            if info.get("type") != "directory":
                listed.append(name)
                continue
            found = sorted(p for p in fs.find(name) if fnmatch.fnmatch(p.rsplit("/", 1)[-1], options.glob))
            listed += found or [FailedInput(fs.unstrip_protocol(name), "no-input",
                                            f"no files matching {options.glob!r} in this directory")]
    except FileNotFoundError:
        listed = []
    except ImportError as exc:
        yield FailedInput(raw, "unreadable", f"no filesystem for this URL ({exc}); install its fsspec package")
        return
    except Exception as exc:  # any filesystem's listing failure is this input's error record
        yield FailedInput(raw, "unreadable", f"cannot list: {type(exc).__name__}: {exc}")
        return
    if not listed:
        yield FailedInput(raw, "missing", "no such file or directory (or nothing matches the pattern)")
    for name in listed:
        if isinstance(name, FailedInput):
            yield name
        else:
            url = fs.unstrip_protocol(name)
            yield RemoteFile(url, url, storage_options)


def iter_items(paths: Iterable[str], options: ReadOptions = ReadOptions(), storage_options: dict | None = None
               ) -> Iterator[Item]:
    """What to read, in `nerlibya extract` order: local paths as `io.iter_sources` lists them, a local glob
    expanded (sorted), and fsspec URLs (anything with '://')."""
    for raw in paths:
        if "://" in raw:
            yield from _url_sources(raw, options, storage_options or {})
        elif _has_magic(raw) and not os.path.lexists(raw):
            matches = sorted(glob_module.glob(raw, recursive=True))
            yield from iter_sources(matches, options) if matches else [
                FailedInput(raw, "missing", "no file matches this pattern")]
        else:
            yield from iter_sources([raw], options)


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
            _extractors[settings] = make_extractor(settings)
        return _extractors[settings]


def _read_remote(item: RemoteFile, options: ReadOptions) -> list[TextInput | FailedInput]:
    import fsspec

    try:
        fs, path = fsspec.core.url_to_fs(item.url, **item.storage_options)
        if options.input_format == "text" and (size := fs.size(path)) is not None and size > options.max_bytes:
            return [FailedInput(item.source, "too-large",
                                f"{size} bytes is larger than --max-bytes ({options.max_bytes})")]
        with fs.open(path, "rb") as stream:
            return list(read_stream(stream, item.source, options))
    except FileNotFoundError:
        return [FailedInput(item.source, "missing", "no such file or directory")]
    except PermissionError:
        return [FailedInput(item.source, "permission", "permission denied")]
    except Exception as exc:  # any filesystem's failure is this input's error record, not a failed task
        return [FailedInput(item.source, "unreadable", f"{type(exc).__name__}: {exc}")]


def read_items(items: Iterable[Item], options: ReadOptions) -> list[TextInput | FailedInput]:
    """Files read and decoded where the task runs; texts and failures passed through."""
    out: list[TextInput | FailedInput] = []
    for item in items:
        if isinstance(item, FileInput):
            out += read_file(item, options)
        elif isinstance(item, RemoteFile):
            out += _read_remote(item, options)
        else:
            out.append(item)
    return out


def extract_items(items: list[Item], settings: ExtractorSettings, options: ReadOptions) -> list[dict]:
    """One partition's records, in order (the task every Dask path runs)."""
    texts = read_items(items, options)
    extractor = worker_extractor(settings)
    try:
        with _extractors_lock:  # a pipeline is not shared between threads of one worker
            return process_chunk(texts, extractor)
    except NerlibyaError as exc:  # e.g. the model missing on this worker; ours do not all unpickle
        raise BatchError(f"on a Dask worker: {exc}") from None


def as_item(element: object, options: ReadOptions) -> TextInput | FailedInput:
    """A bag element to a text: an (id, text) pair, a JSONL record (dict) or a JSONL line (str)."""
    if isinstance(element, (tuple, list)) and len(element) == 2:
        record_id, text = element
        element = {options.id_field: record_id, options.text_field: text}
    if isinstance(element, str):
        return json_line_item(element, NO_ID, options)
    return json_record_item(element, NO_ID, options)


def extract_elements(elements: Iterable[object], settings: ExtractorSettings, options: ReadOptions) -> list[dict]:
    return extract_items([as_item(element, options) for element in elements], settings, options)


# ------------------------------------------------------------------------------------------ the bag API

def extract_bag(source, settings: ExtractorSettings = ExtractorSettings(), options: ReadOptions = ReadOptions(),
                partition_size: int = PARTITION_SIZE, storage_options: dict | None = None):
    """A Dask bag of records: from paths, globs and fsspec URLs (a list of strings, or one), or from a bag of
    (id, text) pairs, JSONL records (dicts) or JSONL lines. Records are in input order; compute it with any
    Dask scheduler (a `distributed.Client` for a cluster)."""
    require_dask()
    import dask
    import dask.bag as db

    if isinstance(source, db.Bag):
        return source.map_partitions(extract_elements, settings, options)
    paths = [source] if isinstance(source, str) else list(source)
    parts = list(iter_partitions(iter_items(paths, options, storage_options), partition_size))
    task = dask.delayed(extract_items, pure=True)
    return db.from_delayed([task(part, settings, options) for part in parts]) if parts else db.from_sequence([])


def write_partition(records: list[dict], target: str, output_format: str = "jsonl",
                    storage_options: dict | None = None) -> dict:
    """Write one partition's records to `target` whole or not at all: a local file through a temporary file
    renamed into place; an fsspec URL by one write (object stores publish an object only when it is closed).
    Returns how many documents it holds and its error records."""
    from .render import iter_csv, iter_json, iter_jsonl

    render = {"jsonl": iter_jsonl, "json": iter_json, "csv": iter_csv}[output_format]
    text = "".join(render(records))
    if "://" in target:
        import fsspec

        with fsspec.open(target, "w", encoding="utf-8", newline="", **(storage_options or {})) as handle:
            handle.write(text)
    else:
        _replace_atomically(target, text)
    return {"target": target, "documents": len(records), "errors": [r for r in records if "error" in r]}


def _replace_atomically(path: str, text: str) -> None:
    folder, name = os.path.split(path)
    temporary = os.path.join(folder, f".{name}.{uuid.uuid4().hex}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
    try:
        with open(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def partition_name(folder: str, index: int, output_format: str = "jsonl") -> str:
    """part-000000.jsonl, ...: names sort in input order."""
    return f"{folder.rstrip('/')}/part-{index:06d}.{output_format}"


def write_bag(bag, folder: str, output_format: str = "jsonl", storage_options: dict | None = None) -> list:
    """Delayed writes of a record bag, one file per partition (see `write_partition`); compute them."""
    import dask

    write = dask.delayed(write_partition, pure=True)
    return [write(part, partition_name(folder, index, output_format), output_format, storage_options)
            for index, part in enumerate(bag.to_delayed())]


# ------------------------------------------------------------------------------------------ running

@contextmanager
def connect(scheduler: str | None = None, workers: int = 2, quiet_logs: bool = True):
    """A `distributed.Client`: on the scheduler at `scheduler`, else on a local cluster of `workers`
    single-threaded worker processes (closed on exit)."""
    require_dask()
    import dask
    from distributed import Client, LocalCluster

    level = logging.CRITICAL if quiet_logs else logging.WARNING  # a local cluster's shutdown races log tracebacks
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s", set_as_default=False)
        else:
            with dask.config.set(_local_worker_config()):  # handed on to the worker processes by their nannies
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address="127.0.0.1:0", silence_logs=level)
            client = Client(cluster, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
        raise ClusterError(f"cannot reach {where}: {exc}") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


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
        client.cancel([future for _, _, future in pending])


def stream_records(client, items: Iterable[Item], settings: ExtractorSettings, options: ReadOptions,
                   partition_size: int = PARTITION_SIZE, window: int | None = None) -> Iterator[dict]:
    """Records in input order as the cluster produces them; memory stays flat (a bounded window)."""
    def task(index: int, part: list[Item]) -> tuple:
        return extract_items, part, settings, options

    for _, part, result in submit_in_order(client, iter_partitions(items, partition_size), task, window):
        yield from _lost(part, f"{LOST}: {result}") if isinstance(result, Exception) else result


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
