"""The JSONL sink: one JSON object per line per document (or error record); non-ASCII names stay readable."""

from __future__ import annotations

import json
from typing import Iterable, Iterator

from ..engines.base import Extracted
from .base import StreamSink


def json_line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def iter_jsonl(records: Iterable[dict]) -> Iterator[str]:
    """One JSON object per line per document (or error record)."""
    for record in records:
        yield json_line(record)


class JsonlSink(StreamSink):
    def write(self, item: Extracted) -> None:
        self.emit(json_line(item.record))
