"""Run extraction over a stream of inputs, in order, in one process or several.

Records (plain dicts) come out in input order whatever `jobs` is; a failed input becomes an error
record in its place. At most a few chunks are in flight at once, so memory stays flat however many
documents pass through.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from dataclasses import dataclass
from itertools import islice
from typing import Iterable, Iterator

from .io import FailedInput, TextInput
from .record import error_record

CHUNK_SIZE = 16


@dataclass(frozen=True)
class ExtractorSettings:
    lang: str = "auto"
    model: str | None = None
    rules_only: bool = False
    kb_path: str | None = None


def default_jobs() -> int:
    """One worker per core, at most 4: each worker holds its own copy of the models."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


_worker_extractor = None


def make_extractor(settings: ExtractorSettings):
    from .api import Extractor

    return Extractor(lang=settings.lang, model=settings.model, rules_only=settings.rules_only,
                     kb_path=settings.kb_path)


def _init_worker(settings: ExtractorSettings) -> None:
    global _worker_extractor
    _worker_extractor = make_extractor(settings)


def process_chunk(chunk: list[TextInput | FailedInput], extractor=None) -> list[dict]:
    """Records for one chunk, in order. A document that breaks the pipeline becomes an error record."""
    extractor = extractor or _worker_extractor
    good = [(item.source, item.text) for item in chunk if isinstance(item, TextInput)]
    try:
        records = iter([r.to_dict() for r in extractor.extract_many(good)])
    except Exception:  # one bad document must not sink its neighbours: retry one by one
        records = iter([_one(extractor, source, text) for source, text in good])
    out = []
    for item in chunk:
        if isinstance(item, FailedInput):
            out.append(error_record(item.source, item.kind, item.message))
        else:
            out.append(next(records))
    return out


def _one(extractor, source: str, text: str) -> dict:
    from .errors import NerlibyaError

    try:
        return extractor.extract(text, source).to_dict()
    except NerlibyaError:
        raise
    except Exception as exc:
        return error_record(source, "internal", f"extraction failed: {type(exc).__name__}: {exc}")


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def run_batch(inputs: Iterable[TextInput | FailedInput], settings: ExtractorSettings, jobs: int = 1,
              chunk_size: int = CHUNK_SIZE) -> Iterator[dict]:
    """Records in input order. With `jobs` > 1, chunks go to worker processes, a bounded window at a time."""
    if jobs <= 1:
        extractor = make_extractor(settings)
        for chunk in _chunks(inputs, chunk_size):
            yield from process_chunk(chunk, extractor)
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    pool = context.Pool(jobs, initializer=_init_worker, initargs=(settings,))
    try:
        pending: deque = deque()
        for chunk in _chunks(inputs, chunk_size):
            pending.append(pool.apply_async(process_chunk, (chunk,)))
            if len(pending) >= jobs * 2:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
    finally:
        pool.terminate()
        pool.join()
